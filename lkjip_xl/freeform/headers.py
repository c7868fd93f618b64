"""Header rows of a pasted table: which rows are the header, what each column holds, which table it is.

A header may take one to three rows (a group such as "2023" or "ANGGARAN" over its "Target / Realisasi /
Capaian %"), with or without merged cells, and may be followed by a row of column numbers (1, 2, 3...).
Each column gets a concept from its own words ("Jumlah Anggaran" -> anggaran) and, under a group, the
group's concept or year; the table's kind follows from the concepts, and each table maps concepts to the
template's column keys (template/layout.py), so the rest of the tool reads a pasted table like the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..numbers import Kind, Quantity, parse
from ..snapshot import SheetSnapshot
from ..template import layout as L
from .words import cell_text, concept, has_rp, integer_cells, tokens, year_of

MAX_HEADER_ROWS = 3
MAX_HEADER_TEXT = 80
_FIGURES = (Kind.TEXT, Kind.FOREIGN, Kind.NIL, Kind.AMBIGUOUS, Kind.MALFORMED)


@dataclass
class HeaderColumn:
    col: int
    own: str  # the column's own header text ("Realisasi (Rp)")
    group: str  # the text above it when it sits under a group ("ANGGARAN", "2023"), else ""
    concept: str | None
    group_concept: str | None
    year: int | None

    @property
    def text(self) -> str:
        return f"{self.group} / {self.own}" if self.group else self.own


@dataclass
class Header:
    rows: list[int]
    columns: list[HeaderColumn]
    keys: dict[str, int] = field(default_factory=dict)  # template column key -> column, once a table is chosen
    unplaced: list[HeaderColumn] = field(default_factory=list)  # columns no template key took
    years: dict[str, int] = field(default_factory=dict)  # key -> the year its group names (Tabel 3.3)

    @property
    def first_col(self) -> int:
        return min(column.col for column in self.columns)

    @property
    def last_col(self) -> int:
        return max(column.col for column in self.columns)

    def signature(self) -> list[tuple[int, str | None]]:
        return [(column.col, column.concept) for column in self.columns]


Cells = list[tuple[int, str, object]]  # (column, text without markup, raw value) of one row's non-empty cells


def row_cells(sheet: SheetSnapshot, row: int) -> Cells:
    out: Cells = []
    values = sheet.values[row - 1] if 1 <= row <= len(sheet.values) else []
    for col, value in enumerate(values, start=1):
        if value is None:
            continue
        text, _ = cell_text(value)
        if text:
            out.append((col, text, value))
    return out


def _is_figure(text: str) -> bool:
    return parse(text, Quantity.MONEY).kind in _FIGURES


def is_header_like(cells: Cells) -> bool:
    """Short texts, most of them header words or years, none a figure, at least two: a header row."""
    if len(cells) < 2:
        return False
    hits = 0
    for _, text, value in cells:
        year = year_of(text)
        if len(text) > MAX_HEADER_TEXT or (year is None and isinstance(value, (int, float))):
            return False
        if year or concept(text):
            hits += 1
    if hits < 2 or hits * 2 < len(cells):
        return False
    # "96,67%" has a header word's sign: a row holding figures is a body row (checked last, it costs most).
    return not any(year_of(text) is None and _is_figure(text) for _, text, _ in cells)


def is_numbers_row(cells: Cells) -> bool:
    """The row of column numbers printed under a header: 1, 2, 3, ... (or (1), (2), ...)."""
    if len(cells) < 3:
        return False
    numbers = integer_cells([text for _, text, _ in cells])
    return numbers is not None and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _merged_origin(sheet: SheetSnapshot, row: int, col: int) -> tuple[int, int] | None:
    for min_row, min_col, max_row, max_col in sheet.merged:
        if min_row <= row <= max_row and min_col <= col <= max_col:
            return min_row, min_col
    return None


def read_header(sheet: SheetSnapshot, rows: list[int]) -> Header:
    """The columns of a header block: each column's own text and the group above it."""
    grid: dict[tuple[int, int], str] = {}
    for row in rows:
        for col, text, _ in row_cells(sheet, row):
            grid[(row, col)] = text
    columns_seen = sorted({col for (_, col) in grid})
    if not columns_seen:
        return Header(rows, [])
    first, last = columns_seen[0], columns_seen[-1]
    # Merged cells lend their text to every cell they cover.
    for row in rows:
        for col in range(first, last + 1):
            if (row, col) not in grid:
                origin = _merged_origin(sheet, row, col)
                if origin and origin in grid and origin[0] in rows:
                    grid[(row, col)] = grid[origin]
    # Without merges a group's text sits in its first column only: carry it right over the columns that
    # have a sub-header below them, up to the next text in that row.
    for index, row in enumerate(rows[:-1]):
        below = rows[index + 1 :]
        carried: str | None = None
        for col in range(first, last + 1):
            text = grid.get((row, col))
            has_sub = any((lower, col) in grid for lower in below)
            if text is not None:
                carried = text if has_sub else None
            elif carried is not None and has_sub:
                grid[(row, col)] = carried
            else:
                carried = None
    columns: list[HeaderColumn] = []
    for col in range(first, last + 1):
        texts = [grid[(row, col)] for row in rows if (row, col) in grid]
        if not texts:
            continue
        own = texts[-1]
        groups = [text for text in texts[:-1] if text != own]
        group = " / ".join(dict.fromkeys(groups))
        year = next((year_of(text) for text in groups if year_of(text)), None)
        group_concept = next((concept(text) for text in groups if concept(text)), None)
        columns.append(HeaderColumn(col, own, group, concept(own), group_concept, year))
    _years_in_own_text(columns)
    return Header(rows, columns)


def _years_in_own_text(columns: list[HeaderColumn]) -> None:
    """ "Target 2023 | Realisasi 2023 | Capaian 2023": a year that the own text of two or more columns names
    is their group, as a year above them would be. A lone "Target Akhir 2026" names no group."""
    own = {column.col: year_of(column.own) for column in columns if column.year is None}
    counts: dict[int, int] = {}
    for year in own.values():
        if year:
            counts[year] = counts.get(year, 0) + 1
    year_words = _YEAR_WORDS | {str(year) for year in counts}
    for column in columns:
        year = own.get(column.col)
        if year and counts[year] >= 2:
            column.year = year
            if column.concept is None and set(tokens(column.own)) <= year_words:
                # "Target Renstra Tahun ke- / 1 (2013)": the years sit under their concept, not above it
                column.concept = column.group_concept


_YEAR_WORDS = frozenset({"tahun", "th", "thn", "ta", "ke", *map(str, range(1, 10))})  # "Tahun ke-1 (2013)"


def header_block(sheet: SheetSnapshot, start: int, cells_of) -> list[int]:
    """The header rows starting at ``start``: the next rows belong to it while they are header-like."""
    rows = [start]
    row = start + 1
    while len(rows) < MAX_HEADER_ROWS and row <= sheet.max_row:
        cells = cells_of(row)
        if not cells or not is_header_like(cells):
            break
        rows.append(row)
        row += 1
    return rows


# -- which table --------------------------------------------------------------------------------------


def classify(header: Header) -> str | None:
    """The kind of table a header announces, from its concepts alone (captions may say otherwise)."""
    present = {column.concept for column in header.columns}
    yearly = {column.year for column in header.columns if column.year and column.concept in _YEAR_KEYS}
    if len(yearly) >= 2:
        return "trend"
    if {"target", "realisasi"} <= present:
        money = "anggaran" in present or "serapan" in present
        return "efficiency" if money else "indicator"
    if {"anggaran", "realisasi"} <= present:
        return "budget"
    return None


KIND_OF_TABLE = {"3.2": "indicator", "3.3": "trend", "3.5": "efficiency", "3.7": "budget", "3.8": "budget"}

# Concept -> template key, per table. Efficiency (3.5) and trend (3.3) also look at the group (below).
_KEYS: dict[str, dict[str, str]] = {
    "budget": {
        "no": "no",
        "kode": "kode",
        "level": "level",
        "uraian": "uraian",
        "anggaran": "anggaran",
        "realisasi": "realisasi",
        "selisih": "selisih",
        "persen": "persen",
        "capaian": "persen",
        "serapan": "persen",
    },
    "indicator": {
        "no": "no",
        "id": "id",
        "kode": "id",
        "indikator": "indikator",
        "satuan": "satuan",
        "polaritas": "polaritas",
        "target": "target",
        "realisasi": "realisasi",
        "capaian": "capaian",
        "persen": "capaian",
        "kategori": "kategori",
        "efisiensi": "keterangan",
        "keterangan": "keterangan",
    },
    "trend": {"no": "no", "id": "id", "kode": "id", "sasaran": "sasaran", "indikator": "indikator"},
    "efficiency": {
        "no": "no",
        "sasaran": "sasaran",
        "id": "id",
        "kode": "id",
        "indikator": "indikator",
        "target": "target",
        "realisasi": "realisasi",
        "capaian": "capaian",
        "persen": "capaian",
        "anggaran": "anggaran",
        "serapan": "serapan",
        "realisasi_rp": "realisasi_rp",
        "efisiensi": "efisiensi",
        "efisien": "kategori_efisiensi",
        "kategori": "kategori_efisiensi",
        "keterangan": "kategori_efisiensi",
    },
}
# Where a table has no column of its own for a concept, a near one stands in (a 3.2 naming its rows by sasaran).
_STAND_INS: dict[str, dict[str, str]] = {"indicator": {"sasaran": "indikator"}}
_YEAR_KEYS = {"target": "target", "realisasi": "realisasi", "capaian": "capaian", "persen": "capaian"}


def _key(kind: str, column: HeaderColumn) -> str | None:
    name = column.concept or ""
    if kind == "efficiency" and (column.group_concept == "anggaran" or has_rp(column.own)):
        # Under ANGGARAN "Realisasi" is the money spent and "% Capaian" the absorption.
        name = {"realisasi": "realisasi_rp", "capaian": "serapan", "persen": "serapan"}.get(name, name)
    return _KEYS[kind].get(name)


def _layout_key(layout: L.TableLayout, column: HeaderColumn) -> str | None:
    """A column whose header reads exactly as the template's (a key added to the layout later included)."""
    words = tokens(column.own)
    for template_column in layout.columns:
        if tokens(template_column.header) == words:
            return template_column.key
    return None


def assign_keys(header: Header, table: str) -> None:
    """Map the header's columns to the template keys of ``table``; the first column to claim a key keeps it."""
    layout = L.TABLES_BY_ID[table]
    kind = KIND_OF_TABLE[table]
    valid = set(layout.keys())
    header.keys, header.unplaced, header.years = {}, [], {}
    offsets: dict[int, int] = {}
    if kind == "trend":
        years = sorted({column.year for column in header.columns if column.year})[-3:]
        offsets = {year: len(years) - 1 - index for index, year in enumerate(years)}
    for column in header.columns:
        if kind == "trend" and column.year in offsets and column.concept in _YEAR_KEYS:
            key: str | None = f"{_YEAR_KEYS[column.concept]}{offsets[column.year]}"
            if key in valid:
                header.years[key] = column.year
        else:
            key = _key(kind, column) or _layout_key(layout, column)
        if key is None or key not in valid or key in header.keys:
            header.unplaced.append(column)
            continue
        header.keys[key] = column.col
    for column in list(header.unplaced):
        key = _STAND_INS.get(kind, {}).get(column.concept or "")
        if key in valid and key not in header.keys:
            header.keys[key] = column.col
            header.unplaced.remove(column)


def value_keys(header: Header, table: str) -> int:
    """How many of the mapped columns hold figures: a header that maps none is no table of ours."""
    layout = L.TABLES_BY_ID[table]
    return sum(1 for column in layout.columns if column.key in header.keys and column.quantity is not None)
