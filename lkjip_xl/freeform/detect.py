"""Finding the LKjIP tables on sheets that are not the template.

A sheet is read top to bottom. A caption ("Tabel 3.8", "TABEL : 3.7") names the next table; a header
row (see headers.py) starts one; its body runs to the JUMLAH row, the next caption, or the next header
of another table. A header repeated on every page of the report (the seed's 3.8 is split over four pages)
continues the table instead of starting a new one. Rows that belong to no column of the table (a note
under it, a paragraph of the report pasted in between) are skipped.

Which table a block is comes from its caption when the caption names one of ours and the header fits it,
else from the header's kind: offices number tables differently and sheet names often say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..snapshot import CellRef, SheetSnapshot, WorkbookSnapshot
from ..template import layout as L
from .headers import (
    KIND_OF_TABLE,
    Cells,
    Header,
    assign_keys,
    classify,
    header_block,
    is_header_like,
    is_numbers_row,
    read_header,
    row_cells,
    value_keys,
)
from .evaluation import take_forms
from .performance import summary_kind, take_change_tables
from .words import caption_number, concept, starts_with_program, tokens

OUR_TABLES = tuple(layout.table for layout in L.TABLES)
LABEL_CONCEPTS = ("uraian", "indikator", "sasaran")
NUMBER_CONCEPTS = ("target", "realisasi", "capaian", "persen", "anggaran", "selisih", "serapan", "efisiensi")
NOTE_WORDS = ("sumber", "keterangan", "catatan", "ket", "note")
NOTE_STARTS = [(word,) for word in NOTE_WORDS]
# A caption names the first header at most this many non-empty rows below it (titles sit in between).
CAPTION_REACH = 6


_PAGE_LINE = re.compile(
    r"^(?:(?:halaman|hal|page|lembar)\s*[.:]?\s*\d{1,4}(?:\s*(?:dari|of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-)$", re.IGNORECASE
)


def _may_be_page_line(first: str) -> bool:
    """Whether a row whose first text (stripped) is ``first`` may be a page line: it starts with a letter of
    _PAGE_LINE's words or a dash (non-ASCII letters are left to the pattern, which ignores case)."""
    lead = first[:1]
    return not lead.isascii() or lead in "hHpPlL-"


def is_page_line(text: str) -> bool:
    """A page number printed between the pages of a table ("Halaman 41", "Hal. 3 dari 7", "- 12 -"): never data."""
    return bool(_PAGE_LINE.match(text.strip()))


# Words that may follow JUMLAH / TOTAL in the table's own total ("Jumlah Total", "TOTAL BELANJA", "Jumlah
# Keseluruhan"); any other word names a part ("Jumlah Program ...", "Jumlah Belanja Operasi"): a subtotal.
_TOTAL_WORDS = {"jumlah", "total", "belanja", "keseluruhan", "seluruhnya", "semua", "akhir", "umum", "grand", "rp"}


def _starts_with_number(text: str) -> bool:
    """Whether a text's first word is a number (a code, a row's number, a figure): then it names no total.
    Asked of every body cell, before its words are looked for."""
    return text[:1].isdigit() and text[:1].isascii()


def is_total_text(text: str) -> bool:
    """ "JUMLAH", "TOTAL", "Jumlah Total", "JUMLAH BELANJA": the row that holds the table's total."""
    if _starts_with_number(text):
        return False
    words = tokens(text)
    return bool(words) and words[0] in ("jumlah", "total") and set(words) <= _TOTAL_WORDS


def is_subtotal_text(text: str) -> bool:
    """ "Jumlah Program ...", "Sub Total", "SUBTOTAL", "Jumlah Belanja Operasi": a part's sum inside the table,
    which never ends it."""
    if _starts_with_number(text):
        return False
    words = tokens(text)
    if words[:1] == ("subtotal",) or words[:2] == ("sub", "total"):
        return True
    return bool(words) and words[0] in ("jumlah", "total") and not set(words) <= _TOTAL_WORDS and len(words) <= 12


# Cached: a table's labels repeat ("Penyediaan ...", "Koordinasi ..."), each asked on every line it is.
@lru_cache(maxsize=4096)
def _total_kind(text: str) -> str | None:
    """ "subtotal" or "total" as is_subtotal_text, then is_total_text, says of a text; else None."""
    if is_subtotal_text(text):
        return "subtotal"
    return "total" if is_total_text(text) else None


@dataclass
class Found:
    """One table block on one sheet."""

    sheet: SheetSnapshot
    header: Header
    kind: str | None
    caption: str | None = None  # the caption's number as printed ("3.8", "2.3-1")
    titles: list[str] = field(default_factory=list)  # rows between the caption and the header
    rows: list[int] = field(default_factory=list)  # body rows, in order
    total_row: int | None = None
    total_col: int | None = None  # where the JUMLAH label is (the No column in the seed)
    repeated_headers: list[int] = field(default_factory=list)
    page_lines: list[int] = field(default_factory=list)  # "Halaman 41", "- 12 -" between a table's pages
    subtotals: list[int] = field(default_factory=list)  # "Jumlah Program ...": a part's sum, not checked
    top_totals: list[int] = field(default_factory=list)  # a JUMLAH at the top when the bottom one is the total
    closed: bool = False  # its total row ended it
    notes: list[int] = field(default_factory=list)
    table: str | None = None  # the table it was taken as
    # Template key -> the columns its header is merged over ("URAIAN" over G:O): the value is in any of them.
    text_spans: dict[str, list[int]] = field(default_factory=dict)
    summaries: list[int] = field(default_factory=list)  # Jumlah / Rata-rata rows of a performance table

    @property
    def ref(self) -> CellRef:
        return self.sheet.ref(self.header.rows[0], self.header.first_col)

    @property
    def last_row(self) -> int:
        return max([self.header.rows[-1], *self.rows, self.total_row or 0])

    def columns_with(self, concepts: tuple[str, ...]) -> set[int]:
        return {column.col for column in self.header.columns if column.concept in concepts}

    def _total(self, row: int, col: int) -> str:
        """The JUMLAH row. Printed at the top, before any line, it does not end the table; printed at both top and
        bottom, the bottom one is the total and the top one is left unchecked."""
        if self.total_row is not None:
            self.top_totals.append(self.total_row)
        self.total_row, self.total_col = row, col
        self.closed = bool(self.rows)
        return "total" if self.closed else "top total"

    @cached_property
    def header_span(self) -> tuple[int, int]:
        """The header's first and last column (its columns are read once, when the block is found)."""
        return self.header.first_col, self.header.last_col

    @cached_property
    def number_cols(self) -> set[int]:
        return self.columns_with(NUMBER_CONCEPTS)

    @cached_property
    def label_cols(self) -> set[int]:
        return self.columns_with(LABEL_CONCEPTS)

    def take(self, row: int, cells: Cells) -> str:
        """Whether ``row`` is a body row, the total row, or a note; "total" closes the table."""
        first, last = self.header_span
        # Asked of every row of a table: most rows lie wholly under the header.
        inside = cells if cells and first <= cells[0][0] and cells[-1][0] <= last else [
            cell for cell in cells if first <= cell[0] <= last]
        if not inside:
            self.notes.append(row)
            return "note"
        if _may_be_page_line(inside[0][1]) and is_page_line(" ".join([cell[1] for cell in inside])):
            self.page_lines.append(row)
            return "page"
        if is_numbers_row(cells):
            # "(1) | (2) | (3)" repeated at the top of the next page, without the header words: no figures.
            self.repeated_headers.append(row)
            return "header"
        numbers, labels = self.number_cols, self.label_cols
        budget = self.kind == "budget"
        has_number, label_text = False, ""  # the row's first text in a label column
        for col, text, _ in inside:
            if not label_text and col in labels:
                label_text = text
            if col in numbers:
                has_number = True
                continue
            if budget and not _starts_with_number(text):
                total = _total_kind(text)
                if total == "subtotal":
                    self.subtotals.append(row)
                    return "subtotal"
                if total == "total":
                    return self._total(row, col)
        if not budget and any(col not in numbers and summary_kind(text) for col, text, _ in inside):
            self.summaries.append(row)  # "Rata-rata capaian" under a performance table: never an indicator
            return "summary"
        if not has_number and (not label_text or tokens(label_text)[:1] in NOTE_STARTS):
            self.notes.append(row)
            return "note"
        if not budget and not label_text and not {col for col, _, _ in inside} & self.columns_with({"target", "realisasi"}):
            self.summaries.append(row)  # capaian figures alone, no label: a mean whose "Rata-rata" is printed outside
            return "summary"
        self.rows.append(row)
        return "row"


@dataclass
class Detection:
    """Every table block found in a workbook, and which of them were taken as which table."""

    found: list[Found]
    tables: dict[str, Found]
    forms: list = field(default_factory=list)  # Renja/RKPD evaluation forms (evaluation.py), not LKjIP tables
    changes: list = field(default_factory=list)  # values of two years without a target (performance.py)

    @property
    def unplaced(self) -> list[Found]:
        """Blocks that look like one of our tables but were not taken (a second copy, a header that does not fit)."""
        return [item for item in self.found if item.table is None and (item.kind or item.caption in OUR_TABLES)]

    @property
    def others(self) -> list[Found]:
        """Tables of the report that lkjip-xl does not check (3.1, 3.4, 3.6, ...)."""
        return [item for item in self.found if item.table is None and not item.kind and item.caption not in OUR_TABLES]


def _continues(current: Found, header: Header, kind: str | None) -> bool:
    """A header repeated on the next page: same kind, mostly the same words in the same columns."""
    if current.closed or kind != current.kind:
        return False
    before = set(current.header.signature())
    now = header.signature()
    return bool(now) and sum(1 for item in now if item in before) >= 0.6 * len(now)


def _group_row_above(above: Cells, cells: Cells) -> bool:
    """A lone group word over a header ("Anggaran" over "Sebelum Perubahan | Setelah Perubahan"): a row too
    short to look like a header by itself, whose every cell is a header word standing over the header's
    columns (not over its first, the labels'), belongs to the header."""
    if not above or len(above) >= 2:
        return False
    first, last = cells[0][0], cells[-1][0]
    # One or two words ("Anggaran", "Pagu Anggaran"): a title above a table is a phrase, and stays a title.
    return all(first < col <= last and concept(text) is not None and len(tokens(text)) <= 2 for col, text, _ in above)


def scan_sheet(sheet: SheetSnapshot) -> list[Found]:
    cache: dict[int, Cells] = {}

    def cells_of(row: int) -> Cells:
        if row not in cache:
            cache[row] = row_cells(sheet, row)
        return cache[row]

    found: list[Found] = []
    current: Found | None = None
    caption: str | None = None
    titles: list[str] = []
    row = 1
    grid = sheet.values
    while row <= len(grid):
        if not grid[row - 1]:  # a row with no cell at all (rows up to a stray cell far below): not even cached
            row += 1
            continue
        cells = cells_of(row)
        if not cells:
            row += 1
            continue
        number = caption_number(cells[0][1])
        if number is not None:
            current = None
            caption, titles = number, [cells[0][1]]
            row += 1
            continue
        if is_header_like(cells):
            start = row - 1 if current is None and _group_row_above(cells_of(row - 1), cells) else row
            rows = header_block(sheet, start, cells_of)
            header = read_header(sheet, rows)
            kind = classify(header)
            if current is not None and _continues(current, header, kind):
                current.repeated_headers.extend(rows)
            else:
                current = Found(sheet, header, kind)
                if caption is not None:
                    current.caption = caption
                    current.titles = titles
                found.append(current)
                caption, titles = None, []
            row = rows[-1] + 1
            if is_numbers_row(cells_of(row)):
                current.repeated_headers.append(row)
                row += 1
            continue
        if current is not None:
            if current.take(row, cells) == "total":
                current = None
        elif caption is not None:
            titles.append(" ".join(text for _, text, _ in cells))
            if len(titles) > CAPTION_REACH:
                caption, titles = None, []
        row += 1
    return found


_SHEET_NUMBER = re.compile(r"(?<![\d.])([1-9])\s*[.,_ ]\s*(\d{1,2})(?![\d.])")


def _sheet_hint(sheet: SheetSnapshot) -> str | None:
    match = _SHEET_NUMBER.search(sheet.name)
    return f"{match.group(1)}.{int(match.group(2))}" if match else None


def _fits(item: Found, table: str) -> bool:
    """Whether the block's header gives ``table`` at least two columns of figures (budget: anggaran and realisasi)."""
    assign_keys(item.header, table)
    keys = item.header.keys
    if KIND_OF_TABLE[table] == "budget" and not ("anggaran" in keys and "realisasi" in keys):
        return False
    if KIND_OF_TABLE[table] == "efficiency" and not ("target" in keys or "realisasi" in keys):
        return False  # money alone (a SILPA table captioned 3.5) is no performance-against-budget table
    return value_keys(item.header, table) >= 2


def _budget_table_of(item: Found) -> str:
    """3.8 (per program) or 3.7 (summary) for a budget table without a caption saying which."""
    if any(column.concept == "selisih" for column in item.header.columns):
        return "3.8"
    for row in item.rows:
        for col in item.label_cols:
            if starts_with_program(item.sheet.text(row, col)):
                return "3.8"
    return "3.7"


def table_by_kind(item: Found) -> str | None:
    """The table a block is by its header alone."""
    if item.kind is None:
        return None
    if item.kind == "budget":
        return _budget_table_of(item)
    return {"indicator": "3.2", "trend": "3.3", "efficiency": "3.5"}[item.kind]


def find_tables(snapshot: WorkbookSnapshot) -> Detection:
    found: list[Found] = []
    forms: list = []
    changes: list = []
    # Hidden sheets often keep an old draft: they are read after the visible ones, so they count only for
    # a table no visible sheet has.
    for sheet in sorted(snapshot, key=lambda sheet: sheet.visibility != "visible"):
        forms_here, items = take_forms(sheet, scan_sheet(sheet))
        changes_here, items = take_change_tables(items)
        if sheet.visibility == "visible" or not (forms or changes):  # a hidden sheet's copy is not checked twice
            forms.extend(forms_here)
            changes.extend(changes_here)
        hint = _sheet_hint(sheet)
        if hint in OUR_TABLES and sum(1 for item in items if item.kind) == 1:
            for item in items:
                if item.kind and item.caption is None:
                    item.caption = hint
        found.extend(items)
    tables: dict[str, Found] = {}

    def claim(item: Found, table: str | None) -> None:
        if table is not None and table not in tables and item.table is None and _fits(item, table):
            item.table = table
            tables[table] = item

    # Captions that name one of our tables first, then headers without a caption, then tables the report
    # numbers otherwise (an office's 3.8 may be its Tabel 3.12).
    for item in found:
        if item.caption in OUR_TABLES:
            # Indicators with target and realisasi beside their budget ("analisis program/kegiatan", captioned 3.7
            # by Bappeda Jawa Barat 2016) are a performance-against-budget table whatever its number: taken as a
            # budget summary, its indicators would go unchecked.
            budget_caption = KIND_OF_TABLE[item.caption] == "budget"
            claim(item, table_by_kind(item) if budget_caption and item.kind == "efficiency" else item.caption)
    for item in found:
        if item.caption is None:
            claim(item, table_by_kind(item))
    for item in found:
        if item.caption not in OUR_TABLES:
            claim(item, table_by_kind(item))
    for item in found:
        if item.table is not None:
            assign_keys(item.header, item.table)
    return Detection(found, tables, forms, changes)
