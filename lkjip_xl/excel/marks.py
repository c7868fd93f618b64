"""Marks on the flagged cells: a fill colour by severity and a note with the messages; last run's marks undone.

The user's own colours and notes are theirs. So each mark is recorded in a hidden sheet (MARKS_SHEET): the cell,
the fill it had before, the fill and the note we gave it. The cell is recorded as a formula, ``=ROW('Tabel
3.8'!$E$8)``: when the officer inserts or deletes rows, or renames the sheet, Excel rewrites that reference,
so the next run still finds its marks where the cells went (and skips cells that were deleted).

Undoing a mark restores the recorded fill only while the cell still shows our colour, and deletes the note only
while it still says what we wrote: if the officer recoloured the cell or edited the note since, it is theirs
now. A cell that already has a note of the user's gets no note from us (its messages are on the summary sheet).

Where the engine cannot read fills or note text (xlwings' remote engine: ``Unread``), a marked cell is taken to
still show our colour and our note, and a cell's colour before its first mark is unknown: undoing that mark
leaves the cell without fill. The record keeps each cell's sheet as text and its column as ``=COLUMN(...)`` too,
whose values such an engine can read where it cannot read the formulas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding, Report, Severity
from ..i18n import Lang, Text
from ..report.safe import cell_text
from ..snapshot import column_letter, parse_a1, quoted_sheet
from ..template.layout import MARKS_SHEET
from .live import ExcelRefused, LiveBook, Unread

# Stronger than the template's own fills and live hints (FFC7CE, FFEB9C, DDEBF7): a mark stands out from them.
FILLS = {Severity.ERROR: "#ff9999", Severity.WARNING: "#ffd966", Severity.INFO: "#9bc2e6"}
NOTE_LINE = Text("LKjIP {severity} {code}: {message}", "LKjIP {severity} {code}: {message}")
HEADERS = ["Sel", "Warna asli", "Warna tanda", "Catatan tanda", "Kolom", "Sheet"]
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


def update_marks(live: LiveBook, report: Report, lang: Lang, unread: Unread | None = None) -> MarkResult:
    """Undo the last run's marks that no longer apply, mark this run's cells, and record what was done.

    What the engine cannot read is noted in ``unread``."""
    unread = Unread() if unread is None else unread
    result = MarkResult()
    previous = read_marks(live, unread)
    wanted = {_cell(live, cell): value for cell, value in wanted_marks(report, lang).items()}
    recorded: list[Mark] = []
    for sheet in sorted({mark.cell[0] for mark in previous} | {cell[0] for cell in wanted}):
        before = [mark for mark in previous if mark.cell[0] == sheet]
        todo = {cell: value for cell, value in wanted.items() if cell[0] == sheet}
        try:
            _mark_sheet(live, before, todo, recorded, result, unread)
        except ExcelRefused:  # a protected sheet: say so, and keep its old marks on record to undo next time
            result.failed_sheets.append(sheet)
            done = {mark.cell for mark in recorded}
            recorded.extend(mark for mark in before if mark.cell not in done)
    write_marks(live, recorded)
    return result


def _mark_sheet(
    live: LiveBook,
    before: list[Mark],
    todo: dict[Cell, tuple[str, str]],
    recorded: list[Mark],
    result: MarkResult,
    unread: Unread,
) -> None:
    now: dict[Cell, tuple[str | None, str | None, str | None]] = {}  # cell -> fill now, its own fill, our note in it
    for mark in before:
        sheet, row, col = mark.cell
        fill = unread.ask("fills", lambda: live.fill(sheet, row, col), mark.fill)  # unknown: still ours
        original = mark.original if fill == mark.fill else fill  # recoloured since: that colour is the user's
        ours = mark.note is not None and _note(live, mark.cell, unread, mark.note) == mark.note
        our_note = mark.note if ours else None
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
            current = original = unread.ask("fills", lambda: live.fill(sheet, row, col))  # unknown: no fill
            our_note = None
        users_note = our_note is None and live.has_note(sheet, row, col)
        recorded.append(Mark(cell, original, fill, None if users_note else note))  # before Excel may refuse
        if current != fill:
            live.set_fill(sheet, row, col, fill)
        if our_note is not None and our_note != note:
            live.delete_note(sheet, row, col)
        if not users_note and our_note != note and not unread.notes:
            try:
                live.add_note(sheet, row, col, note)
            except NotImplementedError:  # the client has no notes: the messages are on the summary sheet only
                unread.notes = True
        if unread.notes and our_note is None:
            recorded[-1].note = None  # none of ours there: a later run must not delete the cell's note
        result.marked += 1


def _note(live: LiveBook, cell: Cell, unread: Unread, ours: str) -> str | None:
    """The cell's note text; where the engine cannot read it, ``ours`` while the cell has a note."""
    if not unread.note_texts:
        try:
            return live.note_text(*cell)
        except NotImplementedError:
            unread.note_texts = True
    return ours if live.has_note(*cell) else None


def _cell(live: LiveBook, cell: Cell) -> Cell:
    sheet, row, col = cell
    return (live.find_sheet(sheet) or sheet, row, col)


# -- the record of marks ------------------------------------------------------------------------------


def read_marks(live: LiveBook, unread: Unread | None = None) -> list[Mark]:
    """The marks the last run recorded, at the cells' current places; marks of deleted cells are dropped."""
    unread = Unread() if unread is None else unread
    sheet = live.find_sheet(MARKS_SHEET)
    if sheet is None:
        return []
    rows, _ = live.extent(sheet)
    if rows < 3:
        return []
    values = live.values(sheet, (3, 1, rows, len(HEADERS)))
    references = unread.ask("formulas", lambda: live.formulas(sheet, (3, 1, rows, 1)))
    marks = []
    for index, (row, original, fill, note, *where) in enumerate(values):
        cell = parse_reference(references[index][0]) if references is not None else _shown_reference(row, *where)
        if cell is None or not fill or live.find_sheet(cell[0]) is None:
            continue  # the cell, its row or its sheet was deleted
        marks.append(Mark(_cell(live, cell), original or None, str(fill), note or None))
    return marks


def _shown_reference(row: object, col: object = None, sheet: object = None) -> Cell | None:
    """The recorded cell from what its record shows: the values of ``=ROW(...)``, ``=COLUMN(...)`` and the sheet's
    name (a record from before these columns, or of a deleted cell, shows none)."""
    if not all(isinstance(number, (int, float)) and not isinstance(number, bool) for number in (row, col)):
        return None
    return (str(sheet), int(row), int(col)) if sheet else None


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
    rows = [[MARKS_TITLE] + [None] * (len(HEADERS) - 1), HEADERS]
    rows += [[None, mark.original, mark.fill, mark.note, None, mark.cell[0]] for mark in marks]
    live.write_values(MARKS_SHEET, 1, 1, rows)
    live.write_formulas(MARKS_SHEET, (3, 1, last, 1), [[reference(mark.cell)] for mark in marks])
    live.set_number_format(MARKS_SHEET, (3, 5, last, 5), "General")
    live.write_formulas(MARKS_SHEET, (3, 5, last, 5), [[reference(mark.cell, "COLUMN")] for mark in marks])
    live.hide_sheet(MARKS_SHEET)


def reference(cell: Cell, function: str = "ROW") -> str:
    """The formula that records a marked cell; Excel keeps its reference pointing at the cell."""
    sheet, row, col = cell
    return f"={function}({quoted_sheet(sheet)}!${column_letter(col)}${row})"


def parse_reference(formula: object) -> Cell | None:
    match = _REFERENCE.match(str(formula or "").strip())
    if match is None:
        return None  # "#REF!": the row or the sheet was deleted
    quoted, plain, column, row = match.groups()
    sheet = quoted.replace("''", "'") if quoted is not None else plain
    return sheet, *parse_a1(f"{column}{row}")
