"""Marks on the flagged cells: a fill colour by severity and a note with the messages; last run's marks undone.

The user's own colours and notes are theirs. So each mark is recorded in a hidden sheet (MARKS_SHEET): the cell,
the fill it had before, the fill and the note we gave it. The cell is recorded as a formula, ``=ROW('Tabel
3.8'!$E$8)``: when the officer inserts or deletes rows, or renames the sheet, Excel rewrites that reference,
so the next run still finds its marks where the cells went (and skips cells that were deleted).

Undoing a mark restores the recorded fill only while the cell still shows our colour, and deletes the note only
while it still says what we wrote: if the officer recoloured the cell or edited the note since, it is theirs
now. A cell that already has a note of the user's gets no note from us (its messages are on the summary sheet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding, Report, Severity
from ..i18n import Lang, Text
from ..report.safe import cell_text
from ..snapshot import column_letter, parse_a1, quoted_sheet
from ..template.layout import MARKS_SHEET
from .live import ExcelRefused, LiveBook

# Stronger than the template's own fills and live hints (FFC7CE, FFEB9C, DDEBF7): a mark stands out from them.
FILLS = {Severity.ERROR: "#ff9999", Severity.WARNING: "#ffd966", Severity.INFO: "#9bc2e6"}
NOTE_LINE = Text("LKjIP {severity} {code}: {message}", "LKjIP {severity} {code}: {message}")
HEADERS = ["Sel", "Warna asli", "Warna tanda", "Catatan tanda"]
MARKS_TITLE = "lkjip-xl: sel yang ditandai oleh tombol Validasi (jangan diubah)"

# The recorded cell, as Excel writes the formula back: quotes only where the sheet name needs them.
_REFERENCE = re.compile(r"^=ROW\((?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)\)$", re.IGNORECASE)

Cell = tuple[str, int, int]  # sheet, row, col


@dataclass
class Mark:
    cell: Cell
    original: str | None  # the fill the cell had before we marked it (None: no fill)
    fill: str  # ours
    note: str | None  # the note we wrote; None when the cell had the user's own note


@dataclass
class MarkResult:
    marked: int = 0
    unmarked: int = 0
    failed_sheets: list[str] = field(default_factory=list)  # sheets Excel would not let us mark (protected)


def wanted_marks(report: Report, lang: Lang) -> dict[Cell, tuple[str, str]]:
    """Per flagged cell: the fill of its most severe finding and the note listing all its findings."""
    by_cell: dict[Cell, list[Finding]] = {}
    for grouped in report.sorted():
        for finding in grouped.members or (grouped,):  # a group's every cell, each with its own message
            if finding.ref is not None:
                by_cell.setdefault((finding.ref.sheet, finding.ref.row, finding.ref.col), []).append(finding)
    wanted = {}
    for cell, findings in by_cell.items():
        worst = min(findings, key=lambda finding: finding.severity.rank).severity
        lines = [
            NOTE_LINE(lang, severity=f.severity.label(lang), code=f.code, message=f.message(lang)) for f in findings
        ]
        wanted[cell] = (FILLS[worst], cell_text("\n\n".join(lines)))  # kept in a cell of the record too
    return wanted


def update_marks(live: LiveBook, report: Report, lang: Lang) -> MarkResult:
    """Undo the last run's marks that no longer apply, mark this run's cells, and record what was done."""
    result = MarkResult()
    previous = read_marks(live)
    wanted = {_cell(live, cell): value for cell, value in wanted_marks(report, lang).items()}
    recorded: list[Mark] = []
    for sheet in sorted({mark.cell[0] for mark in previous} | {cell[0] for cell in wanted}):
        before = [mark for mark in previous if mark.cell[0] == sheet]
        todo = {cell: value for cell, value in wanted.items() if cell[0] == sheet}
        try:
            _mark_sheet(live, before, todo, recorded, result)
        except ExcelRefused:  # a protected sheet: say so, and keep its old marks on record to undo next time
            result.failed_sheets.append(sheet)
            done = {mark.cell for mark in recorded}
            recorded.extend(mark for mark in before if mark.cell not in done)
    write_marks(live, recorded)
    return result


def _mark_sheet(
    live: LiveBook, before: list[Mark], todo: dict[Cell, tuple[str, str]], recorded: list[Mark], result: MarkResult
) -> None:
    now: dict[Cell, tuple[str | None, str | None, str | None]] = {}  # cell -> fill now, its own fill, our note in it
    for mark in before:
        sheet, row, col = mark.cell
        fill = live.fill(sheet, row, col)
        original = mark.original if fill == mark.fill else fill  # recoloured since: that colour is the user's
        our_note = mark.note if mark.note is not None and live.note_text(sheet, row, col) == mark.note else None
        if mark.cell in todo:
            now[mark.cell] = (fill, original, our_note)
            continue
        if fill == mark.fill:
            live.set_fill(sheet, row, col, mark.original)
        if our_note is not None:
            live.delete_note(sheet, row, col)
        result.unmarked += 1
    for cell, (fill, note) in todo.items():
        sheet, row, col = cell
        if cell in now:
            current, original, our_note = now[cell]
        else:
            current = original = live.fill(sheet, row, col)
            our_note = None
        users_note = our_note is None and live.note_text(sheet, row, col) is not None
        recorded.append(Mark(cell, original, fill, None if users_note else note))  # before Excel may refuse
        if current != fill:
            live.set_fill(sheet, row, col, fill)
        if our_note is not None and our_note != note:
            live.delete_note(sheet, row, col)
        if not users_note and our_note != note:
            live.add_note(sheet, row, col, note)
        result.marked += 1


def _cell(live: LiveBook, cell: Cell) -> Cell:
    sheet, row, col = cell
    return (live.find_sheet(sheet) or sheet, row, col)


# -- the record of marks ------------------------------------------------------------------------------


def read_marks(live: LiveBook) -> list[Mark]:
    """The marks the last run recorded, at the cells' current places; marks of deleted cells are dropped."""
    sheet = live.find_sheet(MARKS_SHEET)
    if sheet is None:
        return []
    rows, _ = live.extent(sheet)
    if rows < 3:
        return []
    box = (3, 1, rows, len(HEADERS))
    references = live.formulas(sheet, (3, 1, rows, 1))
    marks = []
    for (formula,), (_, original, fill, note) in zip(references, live.values(sheet, box)):
        cell = parse_reference(formula)
        if cell is None or not fill or live.find_sheet(cell[0]) is None:
            continue  # the cell, its row or its sheet was deleted
        marks.append(Mark(_cell(live, cell), original or None, str(fill), note or None))
    return marks


def write_marks(live: LiveBook, marks: list[Mark]) -> None:
    """Replace the record with ``marks`` (no record at all when nothing is marked)."""
    sheet = live.find_sheet(MARKS_SHEET)
    if sheet is not None:
        live.delete_sheet(sheet)
    if not marks:
        return
    live.add_sheet(MARKS_SHEET)
    last = len(marks) + 2
    live.set_number_format(MARKS_SHEET, (1, 1, last, len(HEADERS)), "@")  # notes and colours stay text
    live.set_number_format(MARKS_SHEET, (3, 1, last, 1), "General")
    rows = [[MARKS_TITLE, None, None, None], HEADERS]
    rows += [[None, mark.original, mark.fill, mark.note] for mark in marks]
    live.write_values(MARKS_SHEET, 1, 1, rows)
    live.write_formulas(MARKS_SHEET, (3, 1, last, 1), [[reference(mark.cell)] for mark in marks])
    live.hide_sheet(MARKS_SHEET)


def reference(cell: Cell) -> str:
    """The formula that records a marked cell; Excel keeps its reference pointing at the cell."""
    sheet, row, col = cell
    return f"=ROW({quoted_sheet(sheet)}!${column_letter(col)}${row})"


def parse_reference(formula: object) -> Cell | None:
    match = _REFERENCE.match(str(formula or "").strip())
    if match is None:
        return None  # "#REF!": the row or the sheet was deleted
    quoted, plain, column, row = match.groups()
    sheet = quoted.replace("''", "'") if quoted is not None else plain
    return sheet, *parse_a1(f"{column}{row}")
