"""A document's tables as sheets, and where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..snapshot import SheetSnapshot, WorkbookSnapshot


@dataclass
class Cell:
    """One cell of a document table as printed: its text, and whether all of it is bold."""

    text: str
    bold: bool = False
    stacked: bool = False  # two or more figures one under the other (words.stacked_figures)


@dataclass
class TablePlace:
    """Where a table of the document is: what a finding on it tells the reviewer."""

    number: int  # the table's number in the document, from 1
    caption: str | None  # the caption as printed ("Tabel 3.7", "TABEL 3.8"), None when the table has none
    page: int | None = None  # PDF: the page its first row is on, from 1
    paragraph: int | None = None  # Word: the paragraphs before it, so the reviewer finds it in the file
    row_pages: dict[int, int] = field(default_factory=dict)  # PDF: sheet row -> page, for a table over pages
    quotes: dict[int, str] = field(default_factory=dict)  # sheet row -> the printed row
    stacked: set[tuple[int, int]] = field(default_factory=set)  # sheet (row, col) of cells with figures stacked

    def page_of(self, row: int) -> int | None:
        return self.row_pages.get(row, self.page)


@dataclass
class Unread:
    """A table (or pages) seen in the document and not checked, and why."""

    place: TablePlace
    why: str  # "columns" (no ruling lines to read its columns from) | "pages" (the time or page bound)


@dataclass
class DocumentSnapshot(WorkbookSnapshot):
    """A document as the reader sees it: one sheet per table, each with its place."""

    kind: str = "pdf"  # "pdf" | "docx"
    places: dict[str, TablePlace] = field(default_factory=dict)  # sheet name -> place
    unread: list[Unread] = field(default_factory=list)
    # The running text outside the tables: (page, paragraph, text); PDF: a page's text, Word: a paragraph.
    paragraphs: list[tuple[int | None, int | None, str]] = field(default_factory=list)


# Paragraphs between a caption and its table that are copied above the table on its sheet (the table's
# title lines: "Realisasi Anggaran ... Tahun 2016"). The caption itself is not: an office numbers its
# tables its own way (its "Tabel 3.5" may be a SILPA table, not the template's efficiency table), so the
# reader takes a table by its header alone; the caption stays in the table's place, for the findings.
TITLE_LINES = 3


def add_table(snapshot: DocumentSnapshot, place: TablePlace, above: list[str], rows: list[list[Cell]],
              merged: list[tuple[int, int, int, int]]) -> SheetSnapshot:
    """One table on a sheet of its own: its title lines (``above``: from the caption on) in column A, then its cells.

    ``merged`` is in table coordinates (1-based, from the table's first cell); cells covered by a merge
    but its first are left empty, as in a workbook.
    """
    name = f"T{place.number}" + (f" hlm {place.page}" if place.page else "")
    sheet = SheetSnapshot(name)
    for line in above[1:]:  # the title lines under the caption, not the caption (see TITLE_LINES)
        sheet.set_value(sheet.max_row + 1, 1, line)
    offset = sheet.max_row
    covered = {
        (row, col)
        for min_row, min_col, max_row, max_col in merged
        for row in range(min_row, max_row + 1)
        for col in range(min_col, max_col + 1)
        if (row, col) != (min_row, min_col)
    }
    for index, cells in enumerate(rows, start=1):
        row = offset + index
        sheet.set_value(row, 1, None)
        for col, cell in enumerate(cells, start=1):
            if (index, col) in covered or not cell.text:
                continue
            sheet.set_value(row, col, cell.text)
            if cell.stacked:
                place.stacked.add((row, col))
            if cell.bold:
                sheet.bold.add((row, col))
        place.quotes[row] = " | ".join(cell.text for col, cell in enumerate(cells, 1) if cell.text and (index, col) not in covered)
    sheet.merged = [(a + offset, b, c + offset, d) for a, b, c, d in merged if (a, b) != (c, d)]
    snapshot.sheets[name] = sheet
    snapshot.places[name] = place
    return sheet
