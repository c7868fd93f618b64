"""A live workbook as a snapshot: the same ``WorkbookSnapshot`` a file gives, so the checks cannot tell them apart.

Values and formula text are read in bulk (one call per block of rows). Number formats and bold come from
asking Excel about a whole block: Excel answers one format for the block, or nothing when its cells differ,
and only then is the block split and asked again. A table whose columns are formatted alike costs a few dozen
calls instead of one per cell. Only the cells where the answer matters are asked about: number formats for
cells holding a number (a format changes how a number reads: 0.9333 under "0.00%" is 93,33%; text reads as
typed), bold for cells holding anything.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from typing import Any

from ..numbers import EXCEL_ERRORS, CellError, is_percent_format
from ..snapshot import SheetSnapshot, WorkbookSnapshot
from ..template.layout import is_output_sheet
from .live import Box, LiveBook, Pos

CHUNK_ROWS = 2000  # rows per bulk read: bounds one call's size on a sheet whose used range runs far down


def read_snapshot(live: LiveBook) -> WorkbookSnapshot:
    """Every sheet of the workbook but lkjip-xl's own output (as the file loader: ``is_output_sheet``)."""
    snapshot = WorkbookSnapshot(live.name)
    for name in live.sheet_names():
        if not is_output_sheet(name):
            snapshot.sheets[name] = read_sheet(live, name)
    return snapshot


def read_sheet(live: LiveBook, name: str) -> SheetSnapshot:
    sheet = SheetSnapshot(name, visibility="visible" if live.is_visible(name) else "hidden")
    rows, cols = live.extent(name)
    for top in range(1, rows + 1, CHUNK_ROWS):
        box = (top, 1, min(rows, top + CHUNK_ROWS - 1), cols)
        shown = live.values(name, box)
        texts = live.formulas(name, box)
        for row, (values, formulas) in enumerate(zip(shown, texts), start=top):
            sheet.values.append([_value(value) for value in values])
            for col, (value, formula) in enumerate(zip(values, formulas), start=1):
                if _is_formula(formula, value):
                    sheet.formulas[(row, col)] = formula[1:]
    _trim(sheet)
    filled = [(row, col) for row, cells in sheet.rows() for col, value in enumerate(cells, 1) if value is not None]
    numbers = [pos for pos in filled if _is_number(sheet.value(*pos))]
    for pos, code in _ask_by_blocks(lambda box: live.number_format(name, box), numbers, columns_first=True).items():
        if code and is_percent_format(code):  # the only thing a format changes about how a number reads
            sheet.number_formats[pos] = code
    bold = _ask_by_blocks(lambda box: live.bold(name, box), filled, columns_first=False)
    sheet.bold = {pos for pos, is_bold in bold.items() if is_bold}
    return sheet


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
