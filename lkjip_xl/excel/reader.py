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
from itertools import pairwise
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
        "number_formats", lambda: _ask_by_blocks(lambda box: live.number_format(name, box), numbers, columns_first=True), {}
    )
    for pos, code in formats.items():
        if code and is_percent_format(code):  # the only thing a format changes about how a number reads
            sheet.number_formats[pos] = code
    bold = unread.ask("bold", lambda: _ask_by_blocks(lambda box: live.bold(name, box), filled, columns_first=False), {})
    sheet.bold = {pos for pos, is_bold in bold.items() if is_bold}
    return sheet


# Where number formats cannot be read: a percent column whose figures sit near 100 (capaian, persentase,
# % serapan) and whose numbers all lie in 0..2 holds fractions shown under a percent format (0.9333 is
# 93,33%), as the template's formulas and Excel's own conversion of a typed "93,33%" store them. Tingkat
# efisiensi sits near 0 and may be negative, so its few points and its fractions look alike: it is read as
# fractions only beside a % serapan column read so (both follow the same format in the template).
FRACTION_RANGE = {"capaian": (0.0, 2.0), "persen": (0.0, 2.0), "serapan": (0.0, 2.0), "efisiensi": (-2.0, 2.0)}
FOLLOWS = {"efisiensi": "serapan"}


def recognise_percent_columns(snapshot: WorkbookSnapshot) -> int:
    """Give the numbers of each percent column holding fractions a percent format, as a file would carry
    it; the number of cells given one. For engines that cannot tell number formats (``Unread``)."""
    document, _ = read_document(snapshot)
    columns: dict[tuple[str, str, str, int], list[Pos]] = {}  # (table, column key, sheet, col) -> its numbers
    for table, key, field in _percent_fields(document):
        if field.ref is None:
            continue
        cells = columns.setdefault((table, key, field.ref.sheet, field.ref.col), [])
        if _is_number(snapshot.sheets[field.ref.sheet].value(field.ref.row, field.ref.col)):
            cells.append((field.ref.row, field.ref.col))
    fractions = set()
    for (table, key, sheet, col), cells in columns.items():
        low, high = FRACTION_RANGE[key]
        values = [snapshot.sheets[sheet].value(*pos) for pos in cells]
        if values and all(low <= value <= high for value in values):
            fractions.add((table, key, sheet, col))
    recognised = 0
    for table, key, sheet, col in fractions:
        companion = FOLLOWS.get(key)
        if companion and not any(other[:2] == (table, companion) for other in fractions):
            continue
        for pos in columns[(table, key, sheet, col)]:
            snapshot.sheets[sheet].number_formats[pos] = PERCENT_FORMAT
            recognised += 1
    return recognised


def _percent_fields(document: Document) -> list[tuple[str, str, Field]]:
    """Every percentage figure of the tables read: (table, column key, field)."""
    found = []
    for budget in document.budget.values():
        for row in [*budget.rows, *([budget.total] if budget.total else [])]:
            found.append((budget.table, "persen", row.persen))
    if document.indicators is not None:
        found += [(document.indicators.table, "capaian", row.capaian) for row in document.indicators.rows]
    if document.trend is not None:
        found += [(document.trend.table, "capaian", year.capaian) for row in document.trend.rows for year in row.years]
    if document.efficiency is not None:
        for row in document.efficiency.rows:
            found += [(document.efficiency.table, key, getattr(row, key)) for key in ("capaian", "serapan", "efisiensi")]
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
    formatted otherwise). A block whose cells differ is split where its cells leave a gap (the row of column
    numbers under a table's header, the JUMLAH row below the body), else in the middle: across columns first
    when answers tend to differ by column (number formats: a money column, a percent column), across rows first
    when they differ by row (bold headers and totals).
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
        pending.extend(_split(inside, preferred=1 if columns_first else 0))
    return answers


def _split(cells: list[Pos], preferred: int) -> list[list[Pos]]:
    """Two groups of ``cells``: at the widest gap between occupied rows or columns, else halved along ``preferred``."""
    best: tuple[int, int, int] | None = None  # gap width, axis (0 rows, 1 columns), last line of the first group
    for axis in (preferred, 1 - preferred):
        lines = sorted({pos[axis] for pos in cells})
        if len(lines) < 2:
            continue
        width, cut = max((after - before, before) for before, after in pairwise(lines))
        if width == 1:
            width, cut = 0, lines[len(lines) // 2 - 1]
        if best is None or width > best[0]:
            best = (width, axis, cut)
    _, axis, cut = best
    return [[pos for pos in cells if pos[axis] <= cut], [pos for pos in cells if pos[axis] > cut]]
