"""A live workbook as a snapshot: the same ``WorkbookSnapshot`` a file gives, so the checks cannot tell them apart.

Values and formula text are read in bulk (one call per block of rows). Number formats and bold come from
asking Excel about a whole block: Excel answers one format for the block, or nothing when its cells differ,
and only then is the block split and asked again. A table whose columns are formatted alike costs a few dozen
calls instead of one per cell. Only the cells where the answer matters are asked about: number formats for
cells holding a number (a format changes how a number reads: 0.9333 under "0.00%" is 93,33%; text reads as
typed), bold for cells holding anything.

Some engines cannot answer every question (xlwings' remote engine, as xlwings Server and Office.js use it,
sends only the shown values and raises ``NotImplementedError`` for formulas, formats and fonts). What an engine
cannot answer is left out of the snapshot and noted in ``Unread``, so the checks run on what it can see.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..model import Document, Field
from ..numbers import EXCEL_ERRORS, CellError, is_percent_format
from ..snapshot import SheetSnapshot, WorkbookSnapshot
from ..template.layout import PERCENT_FORMAT, is_output_sheet
from ..validate import read_document
from .live import Box, LiveBook, Pos, Unread

CHUNK_ROWS = 2000  # rows per bulk read: bounds one call's size on a sheet whose used range runs far down


def read_snapshot(live: LiveBook, unread: Unread | None = None) -> WorkbookSnapshot:
    """Every sheet of the workbook but lkjip-xl's own output (as the file loader: ``is_output_sheet``).

    What the engine cannot answer is noted in ``unread`` (asked once: an engine that cannot answer for one
    block cannot for any)."""
    unread = Unread() if unread is None else unread
    snapshot = WorkbookSnapshot(live.name)
    for name in live.sheet_names():
        if not is_output_sheet(name):
            snapshot.sheets[name] = read_sheet(live, name, unread)
    return snapshot


def read_sheet(live: LiveBook, name: str, unread: Unread | None = None) -> SheetSnapshot:
    unread = Unread() if unread is None else unread
    sheet = SheetSnapshot(name, visibility="visible" if live.is_visible(name) else "hidden")
    rows, cols = live.extent(name)
    for top in range(1, rows + 1, CHUNK_ROWS):
        box = (top, 1, min(rows, top + CHUNK_ROWS - 1), cols)
        shown = live.values(name, box)
        texts = unread.ask("formulas", lambda: live.formulas(name, box))
        for row, values in enumerate(shown, start=top):
            sheet.values.append([_value(value) for value in values])
            if texts is None:
                continue
            for col, (value, formula) in enumerate(zip(values, texts[row - top]), start=1):
                if _is_formula(formula, value):
                    sheet.formulas[(row, col)] = formula[1:]
    _trim(sheet)
    filled = [(row, col) for row, cells in sheet.rows() for col, value in enumerate(cells, 1) if value is not None]
    numbers = [pos for pos in filled if _is_number(sheet.value(*pos))]
    formats = unread.ask(
        "number_formats",
        lambda: _ask_by_blocks(lambda box: live.number_format(name, box), numbers, columns_first=True),
        {},
    )
    for pos, code in formats.items():
        if code and is_percent_format(code):  # the only thing a format changes about how a number reads
            sheet.number_formats[pos] = code
    bold = unread.ask("bold", lambda: _ask_by_blocks(lambda box: live.bold(name, box), filled, columns_first=False), {})
    sheet.bold = {pos for pos, is_bold in bold.items() if is_bold}
    return sheet


# Where number formats cannot be read: in a percent column whose figures sit near 100 (capaian, persentase,
# % serapan) a number of 0..2 is a fraction shown under a percent format (0.9333 is 93,33%), as the template's
# formulas and Excel's own conversion of a typed "93,33%" store it; a figure of 2 points or less is all but
# unknown there. One column may mix both (a report's tables pasted one by one): each number is read alone.
# Tingkat efisiensi sits near 0 and may be negative, so its few points and its fractions look alike: its
# numbers are read as fractions only when all of them lie in -2..2 and the table's % serapan holds fractions.
FRACTIONS = (0.0, 2.0)
EFFICIENCY_FRACTIONS = (-2.0, 2.0)
FRACTIONS_OF = ("persen", "capaian", "serapan", "efisiensi")  # the percent columns of the template's tables


def recognise_percent_columns(snapshot: WorkbookSnapshot) -> int:
    """Give each number of a percent column that is a fraction a percent format, as a file would carry it; the
    number of cells given one. For engines that cannot tell number formats (``Unread``)."""
    document, _ = read_document(snapshot)
    numbers: dict[tuple[str, str, str, int], list[Pos]] = {}  # (table, column key, sheet, col) -> its numbers
    points: set[tuple[str, Pos]] = set()  # budget percentages that their own line shows to be in points
    for table, key, field in _percent_fields(document):
        ref = field.ref
        if ref is not None and _is_number(snapshot.sheets[ref.sheet].value(ref.row, ref.col)):
            numbers.setdefault((table, key, ref.sheet, ref.col), []).append((ref.row, ref.col))
    for budget in document.budget.values():
        for row in [*budget.rows, *([budget.total] if budget.total else [])]:
            ref = row.persen.ref
            if ref is not None and _in_points(snapshot.sheets[ref.sheet].value(ref.row, ref.col), row):
                points.add((ref.sheet, (ref.row, ref.col)))
    fractions: set[tuple[str, Pos]] = set()
    for (table, key, sheet, _), cells in numbers.items():
        if key != "efisiensi":
            fractions.update((sheet, pos) for pos in cells
                             if _within(snapshot.sheets[sheet].value(*pos), FRACTIONS) and (sheet, pos) not in points)
    with_fractions = {table for (table, key, sheet, _), cells in numbers.items() if key == "serapan"
                      and any((sheet, pos) in fractions for pos in cells)}  # tables whose % serapan has fractions
    for (table, key, sheet, _), cells in numbers.items():
        values = [snapshot.sheets[sheet].value(*pos) for pos in cells]
        if key == "efisiensi" and table in with_fractions and all(_within(v, EFFICIENCY_FRACTIONS) for v in values):
            fractions.update((sheet, pos) for pos in cells)
    for sheet, pos in fractions:
        snapshot.sheets[sheet].number_formats[pos] = PERCENT_FORMAT
    return len(fractions)


def _in_points(value: Any, row) -> bool:
    """A budget line's percentage below 2 that is its realisasi / anggaran × 100 (0.13 for a 0,13% spending),
    not the fraction: its own anggaran and realisasi tell (a mid-year export's lines often spend under 2%)."""
    anggaran, realisasi = row.anggaran.value, row.realisasi.value
    if not _is_number(value) or not _is_number(anggaran) or not _is_number(realisasi) or not anggaran:
        return False
    ratio = realisasi / anggaran
    return abs(value - ratio * 100) < abs(value - ratio)


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _percent_fields(document: Document) -> list[tuple[str, str, Field]]:
    """Every percentage figure of the tables read: (table, column key, field), their Jumlah / Rata-rata rows too."""
    found = []
    for budget in document.budget.values():
        for row in [*budget.rows, *([budget.total] if budget.total else [])]:
            found.append((budget.table, "persen", row.persen))
    if document.indicators is not None:
        found += [(document.indicators.table, "capaian", row.capaian) for row in document.indicators.rows]
    if document.trend is not None:
        found += [(document.trend.table, "capaian", year.capaian) for row in document.trend.rows for year in row.years]
    if document.efficiency is not None:
        table = document.efficiency.table
        for row in document.efficiency.rows:
            found += [(table, key, getattr(row, key)) for key in ("capaian", "serapan", "efisiensi")]
    for table in (document.indicators, document.trend, document.efficiency):
        for summary in table.summaries if table is not None else []:
            found += [(table.table, key, field) for (key, _), field in summary.fields.items() if key in FRACTIONS_OF]
    return found


def _value(value: Any) -> Any:
    """A cell value as the file loader gives it: Excel errors as ``CellError``, no empty strings."""
    if isinstance(value, str):
        if value == "":
            return None
        return CellError(value) if value in EXCEL_ERRORS else value
    if isinstance(value, Decimal):  # Excel's Currency type, as pywin32 hands it over
        return float(value)
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_formula(formula: Any, value: Any) -> bool:
    """Excel gives a constant's text as its "formula": only text starting with = that is not the value is one."""
    return isinstance(formula, str) and formula.startswith("=") and len(formula) > 1 and formula != value


def _trim(sheet: SheetSnapshot) -> None:
    """Drop empty rows and columns at the end: Excel's used range counts cells that were only formatted."""
    while sheet.values and all(value is None for value in sheet.values[-1]):
        sheet.values.pop()
    width = max((col for cells in sheet.values for col, value in enumerate(cells, 1) if value is not None), default=0)
    sheet.values = [cells[:width] for cells in sheet.values]


def _ask_by_blocks(ask: Callable[[Box], Any], cells: list[Pos], columns_first: bool) -> dict[Pos, Any]:
    """Each cell's answer to ``ask``, asking about blocks of cells and splitting a block only where they differ.

    A block is the bounding box of the cells still in question (the empty cells around them may well be
    formatted otherwise). A block whose cells differ is halved: across columns first when answers tend to differ
    by column (number formats: a money column, a percent column), across rows first when they differ by row
    (bold headers and totals). Halving finds each place where the answers change (the row of column numbers
    under a header, a JUMLAH row) in about twice log2(lines) asks, however many rows and gaps the table has:
    the asks grow with the blocks of cells formatted alike, not with the cells.
    """
    answers: dict[Pos, Any] = {}
    pending = [cells] if cells else []
    while pending:
        inside = pending.pop()
        top, left = min(row for row, _ in inside), min(col for _, col in inside)
        bottom, right = max(row for row, _ in inside), max(col for _, col in inside)
        answer = ask((top, left, bottom, right))
        if answer is not None or (top == bottom and left == right):
            answers.update((pos, answer) for pos in inside)
            continue
        pending.extend(_halves(inside, preferred=1 if columns_first else 0))
    return answers


def _halves(cells: list[Pos], preferred: int) -> list[list[Pos]]:
    """``cells`` in two groups with as many occupied lines each: along ``preferred`` (0 rows, 1 columns) unless
    they all lie on one line of it."""
    for axis in (preferred, 1 - preferred):
        lines = sorted({pos[axis] for pos in cells})
        if len(lines) > 1:
            cut = lines[len(lines) // 2 - 1]
            return [[pos for pos in cells if pos[axis] <= cut], [pos for pos in cells if pos[axis] > cut]]
    raise ValueError("one cell is never split")
