"""Header rows of a pasted table: which rows are the header, what each column holds, which table it is.

A header may take one to three rows (a group such as "2023" or "ANGGARAN" over its "Target / Realisasi /
Capaian %"), with or without merged cells, and may be followed by a row of column numbers (1, 2, 3...).
Each column gets a concept from its own words ("Jumlah Anggaran" -> anggaran) and, under a group, the
group's concept or year; the table's kind follows from the concepts, and each table maps concepts to the
template's column keys (template/layout.py), so the rest of the tool reads a pasted table like the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import Kind, Quantity, parse
from ..snapshot import SheetSnapshot
from ..template import layout as L
from .words import cell_text, concept, has_rp, integer_cells, tokens, year_of, years_named

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

    @property
    def nearest_group(self) -> str:
        """The group word right above the column ("Operasi" under "Kelompok Belanja / Operasi")."""
        return self.group.split(" / ")[-1] if self.group else ""


@dataclass
class Header:
    rows: list[int]
    columns: list[HeaderColumn]
    keys: dict[str, int] = field(default_factory=dict)  # template column key -> column, once a table is chosen
    unplaced: list[HeaderColumn] = field(default_factory=list)  # columns no template key took
    years: dict[str, int] = field(default_factory=dict)  # key -> the year its group names (Tabel 3.3)
    # Column groups of a budget table (SIPD "Operasi | Modal | Total", each with Anggaran and Realisasi):
    # group name -> concept -> column, and the group whose figures are the row's own (None when unsure).
    groups: dict[str, dict[str, int]] = field(default_factory=dict)
    money_group: str | None = None

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
        # Most cells, read as cell_text reads them without a call for each of a sheet's cells: text without markup
        # (spaced as words.spaced does), a float (a whole one without its ".0").
        kind = type(value)
        if kind is str and "<" not in value:
            text = " ".join(value.split())
        elif kind is float:
            text = str(int(value)) if value.is_integer() else str(value)
        else:
            text = cell_text(value)[0]
        if text:
            out.append((col, text, value))
    return out


def _is_figure(text: str) -> bool:
    return not is_unit_word(text) and parse(text, Quantity.MONEY).kind in _FIGURES


_UNIT_WORDS = {("rp",), ("rupiah",), ("rp", "000"), ("%",), ("persen",)}


def is_unit_word(text: str) -> bool:
    """ "(Rp)", "Rp", "(%)": a unit under a group word ("REALISASI" over "(Rp)" and "(%)"), a header cell."""
    return tokens(text) in _UNIT_WORDS


def is_header_like(cells: Cells) -> bool:
    """Short texts, most of them header words or years, none a figure, at least two: a header row."""
    if len(cells) < 2:
        return False
    # A number that is no year rules a row out wherever it stands (the loop below says so when it meets it):
    # looked for first, before any cell's words (a budget line's figures follow its codes and label).
    for _, text, value in cells:
        if isinstance(value, (int, float)) and year_of(text) is None:
            return False
    hits, left = 0, len(cells)
    needed = max(2, (len(cells) + 1) // 2)  # at least two, and at least half of the cells
    for _, text, value in cells:
        year = year_of(text)
        if len(text) > MAX_HEADER_TEXT or (year is None and isinstance(value, (int, float))):
            return False
        if year or concept(text) or is_unit_word(text):
            hits += 1
        left -= 1
        if hits + left < needed:
            return False  # the cells left cannot make enough header words
    # "96,67%" has a header word's sign: a row holding figures is a body row (checked last, it costs most).
    return not any(year_of(text) is None and _is_figure(text) for _, text, _ in cells)


def is_numbers_row(cells: Cells) -> bool:
    """The row of column numbers printed under a header: 1, 2, 3, ... (or (1), (2), ...)."""
    if len(cells) < 3:
        return False
    numbers = integer_cells(text for _, text, _ in cells)  # read up to the first cell that is no number
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
    merged: set[tuple[int, int]] = set()  # header cells whose extent a merge states
    for row in rows:
        for col in range(first, last + 1):
            origin = _merged_origin(sheet, row, col)
            if origin is None:
                continue
            merged.add((row, col))
            if (row, col) not in grid and origin in grid and origin[0] in rows:
                grid[(row, col)] = grid[origin]
    # Without merges a group's text sits in its first column only: carry it right over the columns that
    # have a sub-header below them, up to the next text in that row.
    for index, row in enumerate(rows[:-1]):
        below = rows[index + 1 :]
        above = rows[:index]
        carried: str | None = None
        origin = first
        for col in range(first, last + 1):
            text = grid.get((row, col))
            has_sub = any((lower, col) in grid for lower in below)
            # The group above must be the same: "KEUANGAN" under REALISASI stops where FISIK begins.
            same_above = all(grid.get((upper, col)) == grid.get((upper, origin)) for upper in above)
            if text is not None:
                # A merged group ("Kelompok Belanja" over F6:I6) ends where its merge ends.
                carried, origin = (text if has_sub and (row, col) not in merged else None), col
            elif carried is not None and has_sub and same_above:
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
        if groups and _one_column_stack(grid, rows, col, merged) and _continues_above(groups, own):
            # "SISA" typed above "ANGGARAN", "REALISASI" above "2016", in this column only: one header over two lines.
            columns.append(HeaderColumn(col, " ".join([*groups, own]), "", concept(" ".join([*groups, own])), None, None))
            continue
        group = " / ".join(dict.fromkeys(groups))
        year = next((year_of(text) for text in groups if year_of(text)), None)
        group_concept = next((concept(text) for text in reversed(groups) if concept(text)), None)
        own_concept = _own_concept(own, group_concept)
        lines = [row for row in rows if (row, col) in grid]
        if own_concept == "realisasi" and len(lines) >= 2 and is_unit_word(grid[(lines[-2], col)]) and _typed_alone(
            grid, lines[-2], col, merged
        ):
            own_concept = "persen"  # "%" typed over "Realisasi" in its column alone: the % of realisasi, a capaian
        columns.append(HeaderColumn(col, own, group, own_concept, group_concept, year))
    _years_in_own_text(columns)
    columns = _split_code_columns(sheet, rows, columns)
    label = _unheaded_label_column(sheet, rows, first, columns)
    if label is not None:
        columns.insert(0, label)
    return Header(rows, columns)


# A Kepmendagri or account code as SIPD writes it in its split code columns: "1.02", "1.02.01.2.01.0001", "5.1.02".
_DOTTED_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,5})+$")
# How many body rows are looked at, and how many codes they must hold, to take a headerless column for codes.
_CODE_PROBE, _CODES_NEEDED = 40, 3


def _split_code_columns(sheet: SheetSnapshot, rows: list[int], columns: list[HeaderColumn]) -> list[HeaderColumn]:
    """SIPD's "Kode" header is merged over its four code columns (urusan, unit, program ... sub kegiatan,
    account: A6:D8). Where the merge is not known (values only, as xlwings' remote engine sends them), the
    columns right of "Kode" with no header text of their own and only codes below are its columns too."""
    by_col = {column.col: column for column in columns}
    added: list[HeaderColumn] = []
    for column in columns:
        if column.concept != "kode":
            continue
        col = column.col + 1
        while col not in by_col and all(not cell_text(sheet.value(row, col))[0].strip() for row in rows):
            body = [cell_text(sheet.value(row, col))[0].strip() for row in range(rows[-1] + 1, rows[-1] + 1 + _CODE_PROBE)]
            texts = [text for text in body if text]
            if len(texts) < _CODES_NEEDED or not all(_DOTTED_CODE.match(text) for text in texts):
                break
            added.append(HeaderColumn(col, "", column.group, "kode", column.group_concept, None))
            col += 1
    return sorted([*columns, *added], key=lambda column: column.col) if added else columns


# How many rows under a header show that the column left of it, with no header, holds the rows' labels.
_LABEL_PROBE = 5


def _unheaded_label_column(sheet: SheetSnapshot, rows: list[int], first: int, columns: list[HeaderColumn]) -> HeaderColumn | None:
    """A table whose labels stand in a column with no header ("| DPA | REALISASI | SISA | %" over "BELANJA
    LANGSUNG | 37.664.381.200 | ..."): that column is the uraian, when no other column is."""
    if first <= 1 or any(column.concept in ("uraian", "indikator", "sasaran") for column in columns):
        return None
    if any(sheet.value(row, first - 1) not in (None, "") for row in rows):
        return None
    body = [sheet.value(row, first - 1) for row in range(rows[-1] + 1, rows[-1] + 1 + _LABEL_PROBE)]
    texts = [value for value in body if isinstance(value, str) and value.strip()]
    if len(texts) < 2 or any(value is not None and not isinstance(value, str) for value in body):
        return None
    if any(_is_figure(text) or year_of(text) for text in texts):
        return None
    return HeaderColumn(first - 1, "", "", "uraian", None, None)


def _typed_alone(grid: dict, row: int, col: int, merged: set) -> bool:
    text = grid.get((row, col))
    return text is not None and (row, col) not in merged and text not in (grid.get((row, col - 1)), grid.get((row, col + 1)))


def _continues_above(groups: list[str], own: str) -> bool:
    """The lower line finishes the header above it: a year ("REALISASI" / "2016"), or a word whose phrase keeps
    the upper line's meaning ("SISA" / "ANGGARAN" is the sisa anggaran, not an anggaran)."""
    upper = concept(" ".join(groups))
    if upper is None:
        return False
    if year_of(own) is not None:
        return True
    below = concept(own)
    return below is not None and below != upper and concept(" ".join([*groups, own])) == upper


def _one_column_stack(grid: dict, rows: list[int], col: int, merged: set) -> bool:
    """Whether every text above the column's own is typed for this column alone (not merged, not carried over
    from or to a neighbour, and its neighbours hold a text of their own in that row or none at all), and the
    own text is a year or has no concept of its own or a concept other than the one above."""
    for row in rows[:-1]:
        text = grid.get((row, col))
        if text is None:
            continue
        if (row, col) in merged or grid.get((row, col - 1)) == text or grid.get((row, col + 1)) == text:
            return False
    below = [grid.get((row, col)) for row in rows[1:] if grid.get((row, col)) is not None]
    # Neighbours with a header over two lines of their own (unit rows are groups of their own kind).
    return all(not is_unit_word(text) for text in below)


def _is_body_cell(text: str, value: object) -> bool:
    if year_of(text) is not None:
        return False
    return not isinstance(value, str) or len(text) > MAX_HEADER_TEXT or _is_figure(text)


def _merged_header_end(sheet: SheetSnapshot, start: int) -> int:
    """The last row a header cell of row ``start`` is merged down to ("Kode" over A6:D8 in SIPD exports): the
    rows it spans are header rows even when they hold only group words ("Operasi | Modal | Total")."""
    end = start
    for min_row, _, max_row, _ in sheet.merged:
        if min_row == start and max_row > end:
            end = max_row
    return min(end, start + MAX_HEADER_ROWS - 1)


# "PAGU" over "AWAL | REVISI", "ANGGARAN" over "Murni | Perubahan": the same figure before and after a change.
_BEFORE_WORDS = {"awal", "murni", "semula", "sebelum", "induk"}  # checked first: "Sebelum Perubahan"
_AFTER_WORDS = {"revisi", "perubahan", "setelah", "sesudah", "akhir", "menjadi", "p"}


def _qualifier(own: str) -> str | None:
    words = {word for word in tokens(own) if not word.isdigit()}  # "Setelah Perubahan (3)": its column number aside
    if len(words) > 2:
        return None
    if words & _BEFORE_WORDS:  # "Sebelum Perubahan" is before the change
        return "before"
    if words & _AFTER_WORDS:
        return "after"
    return None


def _own_concept(own: str, group_concept: str | None) -> str | None:
    """A column's concept from its own words; a unit alone ("(Rp)", "(%)" under a merged "REALISASI") takes
    its group's: the money of the group, or its percentage; so does a qualifier ("AWAL", "REVISI" under
    "PAGU DIPA"), see _before_and_after."""
    found = concept(own)
    words = tokens(own)
    if found is None and group_concept is not None and _qualifier(own) is not None:
        return group_concept
    if words not in _UNIT_WORDS or group_concept is None:
        return found
    if words in {("%",), ("persen",)}:
        # "%" under "SISA" / "SILPA" is the share left unspent, not the realisasi %: no rule reads it yet.
        return None if group_concept == "selisih" else "persen"
    return group_concept


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
    """The header rows starting at ``start``: the next rows belong to it while they are header-like, or while
    a header cell of the first row is merged down over them."""
    rows = [start]
    spanned = _merged_header_end(sheet, start)
    row = start + 1
    while len(rows) < MAX_HEADER_ROWS and row <= sheet.max_row:
        cells = cells_of(row)
        # A row of qualifiers between header rows ("AWAL | REVISI | KEUANGAN" above "(Rp.) | %") is the header's too.
        following = cells_of(row + 1)
        between = len(rows) + 1 <= MAX_HEADER_ROWS and bool(cells) and (
            (len(rows) + 1 < MAX_HEADER_ROWS and is_header_like(following)) or is_numbers_row(following)
        )
        # A row of units alone ("(Rp)" under "Anggaran Tahun 2016", the next column's header printed on one row).
        units = bool(cells) and all(is_unit_word(text) for _, text, _ in cells)
        if row > spanned and (not cells or not (is_header_like(cells) or between or units)):
            break
        if any(_is_body_cell(text, value) for _, text, value in cells):
            break  # a figure or a long text: the body has begun
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


_BUDGET_WORDS = frozenset({"anggaran", "pagu", "dpa", "dipa"})


def _key(kind: str, column: HeaderColumn, money_groups: frozenset[str] = frozenset()) -> str | None:
    name = column.concept or ""
    if kind in ("indicator", "efficiency") and name == "persen" and set(tokens(column.own)) & _BUDGET_WORDS:
        # "Realisasi Anggaran (%)", "% Pagu" beside the performance figures: the budget's absorption, not the
        # capaian (Disperindag's Tabel 3.5 prints both).
        name = "serapan"
    if kind == "efficiency" and (column.group_concept == "anggaran" or has_rp(column.own) or column.nearest_group in money_groups):
        # Under ANGGARAN, or beside the pagu under one group ("Keuangan / Pagu | Realisasi | Capaian %"), "Realisasi"
        # is the money spent and "% Capaian" the absorption.
        name = {"realisasi": "realisasi_rp", "capaian": "serapan", "persen": "serapan"}.get(name, name)
    return _KEYS[kind].get(name)


def _layout_key(layout: L.TableLayout, column: HeaderColumn) -> str | None:
    """A column whose header reads exactly as the template's (a key added to the layout later included)."""
    words = tokens(column.own)
    for template_column in layout.columns:
        if tokens(template_column.header) == words:
            return template_column.key
    return None


_GROUPED_CONCEPTS = ("anggaran", "realisasi", "persen", "capaian", "serapan", "selisih")
_TOTAL_GROUP_WORDS = {"total", "jumlah"}


def budget_groups(header: Header) -> None:
    """Find the column groups of a budget header and which group's figures are the row's own.

    Groups exist when one concept (Anggaran) stands under several group words (SIPD: Operasi | Modal | Total).
    The row's own figures are those of the group that holds the percentage with its anggaran and realisasi
    (a percentage is checked against its own group only); failing that, the group named Total / Jumlah.
    When neither tells, ``money_group`` stays None and no money column is read: a guessed pairing would
    check a percentage against another group's anggaran.
    """
    groups: dict[str, dict[str, int]] = {}
    for column in header.columns:
        if column.concept in _GROUPED_CONCEPTS:
            groups.setdefault(column.nearest_group, {}).setdefault(column.concept, column.col)
    # Groups matter when a figure's concept stands under two of them ("Tahun 2016 / Realisasi" beside
    # "Keuangan / Realisasi" in an analysis table captioned 3.7).
    repeated = any(sum(1 for concepts in groups.values() if name in concepts) >= 2 for name in ("anggaran", "realisasi"))
    if not repeated:
        header.groups, header.money_group = {}, None
        return
    header.groups = groups
    complete = [name for name, concepts in groups.items() if {"anggaran", "realisasi"} <= set(concepts)]
    with_percent = [name for name in complete if set(groups[name]) & {"persen", "capaian", "serapan"}]
    named_total = [name for name in complete if set(tokens(name)) & _TOTAL_GROUP_WORDS]
    if len(with_percent) == 1:
        header.money_group = with_percent[0]
    elif len(named_total) == 1:
        header.money_group = named_total[0]
    else:
        header.money_group = None


def _before_and_after(header: Header) -> set[int]:
    """Columns that are a budget figure before its change ("PAGU DIPA / AWAL" beside "PAGU DIPA / REVISI"):
    the figure after the change is the anggaran the realisasi is measured against. When the header does not
    say which is after, every one of them is left out: pairing the wrong one would check every percentage
    against the wrong anggaran."""
    left_out: set[int] = set()
    for name in ("anggaran",):
        qualified = [column for column in header.columns if column.concept == name and _qualifier(column.own)]
        if len(qualified) < 2:
            continue
        after = [column for column in qualified if _qualifier(column.own) == "after"]
        keep = after[0].col if len(after) == 1 else None
        left_out.update(column.col for column in qualified if column.col != keep)
    return left_out


# "Capaian Tahun Lalu", "Realisasi Tahun Sebelumnya": a figure of the year before the row's target.
_PAST_WORDS = {"lalu", "sebelumnya"}
# "Capaian 2016 terhadap Target Akhir Renstra (%)": measured against the plan's end target, not the year's.
_END_TARGET_WORDS = {"akhir", "renstra", "rpjmd"}


def _other_year(header: Header) -> set[int]:
    """Columns of an indicator table about another year than the row's target and realisasi ("Capaian Tahun
    Lalu 2015" beside "Tahun 2016 / Target | Realisasi | Realisasi %"), or a capaian against another target
    (the Renstra's end target): never this year's figure, whatever concept their words name. This year is the
    one year the target and realisasi columns name, if any."""
    def years(column: HeaderColumn) -> set[int]:
        return {column.year} if column.year else years_named(column.own)

    named = [years(column) for column in header.columns if column.concept in ("target", "realisasi")]
    this = set().union(*named) if named else set()
    this_year = next(iter(this)) if len(this) == 1 else None
    out = set()
    for column in header.columns:
        if column.concept not in _YEAR_KEYS:
            continue
        own = years(column)
        if set(tokens(column.text)) & _PAST_WORDS or (this_year is not None and own and this_year not in own):
            out.add(column.col)
    # A capaian is printed after the target and realisasi it comes from. One printed before them, where another
    # follows them ("Capaian Tahun 2015 | Target | Realisasi | %"), is another year's, even when the header's
    # year above the target was not read with it.
    targets = [column.col for column in header.columns if column.concept == "target"]
    actuals = [column.col for column in header.columns if column.concept == "realisasi"]
    percents = [column.col for column in header.columns if column.concept in ("capaian", "persen")]
    if targets and actuals and any(col > max(actuals) for col in percents):
        out.update(col for col in percents if col < min(targets))
    # A capaian against the end target beside the year's own target (or the other way round) is another measure.
    target = next((column for column in header.columns if column.concept == "target" and column.col not in out), None)
    if target is not None:
        end_target = bool(set(tokens(target.text)) & _END_TARGET_WORDS)
        for column in header.columns:
            if column.concept in ("capaian", "persen") and bool(set(tokens(column.text)) & _END_TARGET_WORDS) != end_target:
                out.add(column.col)
    return out


def _outside_money_group(header: Header, column: HeaderColumn) -> bool:
    """A figure column of another group than the row's own (Operasi, Modal beside Total)."""
    return bool(header.groups) and column.concept in _GROUPED_CONCEPTS and column.nearest_group != header.money_group


def assign_keys(header: Header, table: str) -> None:
    """Map the header's columns to the template keys of ``table``; the first column to claim a key keeps it."""
    layout = L.TABLES_BY_ID[table]
    kind = KIND_OF_TABLE[table]
    valid = set(layout.keys())
    header.keys, header.unplaced, header.years = {}, [], {}
    before: set[int] = set()
    other_year = _other_year(header) if kind in ("indicator", "efficiency") else set()
    if kind == "budget":
        budget_groups(header)
        before = _before_and_after(header)
    else:
        header.groups, header.money_group = {}, None
    offsets: dict[int, int] = {}
    if kind == "trend":
        years = sorted({column.year for column in header.columns if column.year})[-3:]
        offsets = {year: len(years) - 1 - index for index, year in enumerate(years)}
    # Groups holding the budget column: their other figures are money too (efficiency tables).
    money_groups = frozenset(column.nearest_group for column in header.columns if column.concept == "anggaran" and column.group)
    for column in header.columns:
        if kind == "trend" and column.year in offsets and column.concept in _YEAR_KEYS:
            key: str | None = f"{_YEAR_KEYS[column.concept]}{offsets[column.year]}"
            if key in valid:
                header.years[key] = column.year
        elif kind == "budget" and (_outside_money_group(header, column) or column.col in before):
            header.unplaced.append(column)  # another group's figure, or the budget before its change: not the row's
            continue
        elif column.col in other_year:
            header.unplaced.append(column)  # last year's capaian is no capaian of this year's target
            continue
        else:
            key = _key(kind, column, money_groups) or _layout_key(layout, column)
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
