"""How a table nobody here made was read: the reading as an artifact (architecture.md).

For each column its meaning, the evidence (its header words and group, the shape of its values) and whether
that is certain; for each row its role (header, column numbers, repeated header, group, data, total, note,
an account line) with the evidence. The reader decides here, in one place, what is read and what is left
out; the checks consume only the table built from what is certain, and what could not be mapped is said
once per table (S004). ``validate --explain`` prints it.

Split codes (SIPD: urusan | SKPD | program/kegiatan/sub kegiatan | akun over columns A-D) are told apart by
the shape of their values: the column whose values are Kepmendagri program / kegiatan / sub kegiatan codes
gives the row's code; a row with an account code (5.1.02.01...) is a line of the sub kegiatan's spending
by account, the fourth level: it is checked like any budget line and its sub kegiatan against the sum of its
account lines, but only where its own Kepmendagri cell names the sub kegiatan it sits under (the code proves
where it belongs); other account rows are left out of the sums and said once. A row with only an urusan or
SKPD code sits above the programs and is left out the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..codes import Level, parse_code
from ..i18n import Lang, Phrase, Text
from ..model import (
    LEBIH,
    OTHER,
    SISA,
    TOTAL_GROUP,
    BudgetTable,
    Field,
    GroupFigures,
    TextField,
    kind_from_account_code,
)
from ..numbers import Quantity, parse
from ..snapshot import CellRef, SheetSnapshot, a1, quoted_sheet
from ..structure import link_budget_rows
from .detect import Found
from .headers import HeaderColumn
from .words import cell_text, tokens

# An account code (rekening, Permendagri 90/2019): 4 / 5 / 6, then a one-digit group (5.1, 5.1.02.01.001...).
# Its second part has one digit, which tells it from a Kepmendagri program code (5.01.02).
_ACCOUNT = re.compile(r"^[4-6](?:\.\d(?:\.\d{1,5})*)?\.?$")
# Share of a code column's values that must have one shape for the column to be read as that shape.
SHAPE_SHARE = 0.9

# Concepts that, left without a column of the table, say nothing sure about the column (a second "Uraian"
# may be a type, a second "Anggaran" a figure of something else): such a column stays not understood.
LABEL_LIKE_IGNORED = ("uraian", "anggaran", "realisasi", "persen", "capaian", "serapan", "selisih", "target")

# Column meanings that are not a template key.
AKUN, CODE_PART, GROUP_FIGURE = "akun", "kode lain", "kelompok"
# Row roles.
HEADER, NUMBERS, REPEATED, DATA, TOTAL, NOTE, ACCOUNT_LINE, ABOVE_PROGRAM = (
    "judul kolom",
    "nomor kolom",
    "judul kolom berulang",
    "data",
    "jumlah",
    "catatan",
    "rekening (akun)",
    "urusan / perangkat daerah",
)
PAGE_LINE = "halaman"
SUBTOTAL, TOP_TOTAL = "subtotal", "jumlah di atas (jumlah di bawah yang diperiksa)"


# -- the reading's words, in both languages (every text a user sees is a Text) ----------------------------

# Template keys and header concepts: the key itself in Indonesian (it is the template's word), and English.
_KEY_WORDS = {
    "no": Text("no", "no."),
    "kode": Text("kode", "code"),
    "uraian": Text("uraian", "description"),
    "anggaran": Text("anggaran", "budget"),
    "realisasi": Text("realisasi", "actual"),
    "realisasi_rp": Text("realisasi_rp", "actual (Rp)"),
    "selisih": Text("selisih", "difference"),
    "sisa": Text("sisa", "remaining budget"),
    "persen": Text("persen", "percentage"),
    "capaian": Text("capaian", "achievement"),
    "serapan": Text("serapan", "absorption"),
    "efisiensi": Text("efisiensi", "efficiency"),
    "efisien": Text("efisien", "efficient / not"),
    "kategori_efisiensi": Text("kategori_efisiensi", "efficient / not"),
    "kategori": Text("kategori", "category"),
    "keterangan": Text("keterangan", "remarks"),
    "indikator": Text("indikator", "indicator"),
    "satuan": Text("satuan", "unit"),
    "target": Text("target", "target"),
    "id": Text("id", "indicator ID"),
    "sasaran": Text("sasaran", "objective"),
    "polaritas": Text("polaritas", "polarity"),
    "level": Text("level", "level"),
}


def key_word(key: str) -> Text:
    """A template key or header concept as a reader of --explain sees it."""
    return _KEY_WORDS.get(key, Text(key, key))


UNREAD = Text("tidak dikenali: tidak diperiksa", "not recognised: not checked")
EMPTY_PART = Text("kosong", "empty")
ACCOUNT_CODE = Text("kode rekening (akun)", "account code (rekening)")
OTHER_CODE = Text(CODE_PART, "other code part")
CONTINUED = Text("{key} (lanjutan kolom {letter})", "{key} (continued from column {letter})")
OWN_GROUP = Text("{concept} (kelompok {group})", "{concept} (group {group})")
OTHER_GROUP = Text(GROUP_FIGURE + " {group}: {concept}", "group {group}: {concept}")
BUDGET_BEFORE = Text(
    "anggaran sebelum perubahan (yang dipakai: kolom {letter})", "budget before the change (the one used: column {letter})"
)
NOT_USED = Text("{concept} (tidak dipakai tabel ini)", "{concept} (not used by this table)")

BY_HEADER = Text("judul {header!r}", "header {header!r}")
EMPTY_CODE_PART = Text("bagian judul Kode tanpa isi", "part of the Kode header, empty")
ACCOUNT_VALUES = Text("nilainya kode akun 4/5/6.x", "its values are account codes 4/5/6.x")
CODE_PART_VALUES = Text("bagian kode (urusan / perangkat daerah)", "part of the code (urusan / office)")
UNDER_LABEL_HEADER = Text("judul digabung di atas kolom uraian", "header merged over the description column")
MERGED_WITH = Text(
    "judulnya digabung dengan kolom {letter}; dibaca di kolom {letter}",
    "its header is merged with column {letter}; read in column {letter}",
)

TABLE_LINE = Text("Tabel {table} ('{sheet}')", "Table {table} ('{sheet}')")
COLUMN_LINE = Text("  kolom {letter}: {header!r} -> {meaning} ({sure}; {evidence})", "  column {letter}: {header!r} -> {meaning} ({sure}; {evidence})")
SURE = {True: Text("pasti", "certain"), False: Text("tidak pasti", "not certain")}
ROWS_LINE = Text("  baris {role}: {rows}", "  rows {role}: {rows}")
ROLE_LEVEL = Text("{role} ({level})", "{role} ({level})")
COPIES_LINE = Text("  salinan tabel yang sama (tidak diperiksa lagi): {sheets}", "  copies of the same table (not checked again): {sheets}")
OTHERS_LINE = Text("  blok lain yang mirip (tidak diperiksa): {cells}", "  other similar blocks (not checked): {cells}")
MORE_ROWS = Text("… ({count} baris)", "… ({count} rows)")


@dataclass
class ColumnReading:
    col: int
    header: str  # the header words as printed, group first ("Kelompok Belanja / Total / %")
    said: Text | Phrase | None  # what it was read as: a template key, a group figure ("kelompok Operasi: anggaran"), or None
    evidence: Text | Phrase
    certain: bool

    @property
    def letter(self) -> str:
        return re.sub(r"\d+", "", a1(1, self.col))

    @property
    def meaning(self) -> str | None:
        """The meaning in the reader's own (Indonesian) words: "anggaran", "kelompok Operasi: anggaran"."""
        return None if self.said is None else self.said.render("id")

    def described(self, lang: Lang = "id") -> str:
        """What the column was read as, in the words of --explain and the summary sheet."""
        return (self.said or UNREAD).render(lang)


ROLE_WORDS = {
    HEADER: Text(HEADER, "column headers"),
    NUMBERS: Text(NUMBERS, "column numbers"),
    REPEATED: Text(REPEATED, "repeated column headers"),
    DATA: Text(DATA, "data"),
    TOTAL: Text(TOTAL, "total"),
    NOTE: Text(NOTE, "notes"),
    ACCOUNT_LINE: Text(ACCOUNT_LINE, "account lines (rekening)"),
    ABOVE_PROGRAM: Text(ABOVE_PROGRAM, "urusan / office (above the programs)"),
    PAGE_LINE: Text(PAGE_LINE, "page lines"),
    SUBTOTAL: Text(SUBTOTAL, "subtotals"),
    TOP_TOTAL: Text(TOP_TOTAL, "total at the top (the one at the bottom is checked)"),
}
LEVEL_WORDS = {
    Level.PROGRAM.value: Text("program", "program"),
    Level.KEGIATAN.value: Text("kegiatan", "activity"),
    Level.SUB_KEGIATAN.value: Text("sub_kegiatan", "sub-activity"),
    Level.AKUN.value: Text("rekening", "account line"),
    Level.TOTAL.value: Text("jumlah", "total"),
}


@dataclass
class RowReading:
    row: int
    role: str
    level: str | None = None
    evidence: str = ""


@dataclass
class Reading:
    table: str
    sheet: str
    columns: list[ColumnReading] = field(default_factory=list)
    rows: list[RowReading] = field(default_factory=list)
    left_out: dict[str, list[int]] = field(default_factory=dict)  # row role -> sheet rows not checked
    ref: CellRef | None = None  # the table's first header cell
    copies: list[str] = field(default_factory=list)  # sheets holding the same table again (not checked twice)
    others: list[str] = field(default_factory=list)  # cells where another block like it starts (not checked)

    @property
    def unread(self) -> list[ColumnReading]:
        """Columns with a header whose meaning the reader could not map: not checked."""
        return [column for column in self.columns if column.meaning is None]

    def explain(self, lang: Lang = "id") -> str:
        lines = [TABLE_LINE(lang, table=self.table, sheet=self.sheet)]
        for column in self.columns:
            lines.append(
                COLUMN_LINE(
                    lang,
                    letter=column.letter,
                    header=column.header,
                    meaning=column.described(lang),
                    sure=SURE[column.certain],
                    evidence=column.evidence,
                )
            )
        roles: dict[tuple[str, str | None], list[int]] = {}
        for row in self.rows:
            roles.setdefault((row.role, row.level), []).append(row.row)
        for (role, level), rows in roles.items():
            said = ROLE_WORDS.get(role, Text(role, role))
            if level is not None:
                said = ROLE_LEVEL.with_params(role=said, level=LEVEL_WORDS.get(level, Text(level, level)))
            lines.append(ROWS_LINE(lang, role=said, rows=_ranges(rows, lang)))
        if self.copies:
            lines.append(COPIES_LINE(lang, sheets=", ".join(self.copies)))
        if self.others:
            lines.append(OTHERS_LINE(lang, cells=", ".join(self.others)))
        return "\n".join(lines)

    def summary_row(self, lang: Lang = "id") -> tuple[str, str, str]:
        """The table, where it was found, and the columns read (letter: meaning): one row of the summary sheet."""
        where = f"{quoted_sheet(self.sheet)}!{self.ref.a1}" if self.ref is not None else self.sheet
        return self.table, where, "; ".join(f"{column.letter}: {column.described(lang)}" for column in self.columns)


def _ranges(rows: list[int], lang: Lang = "id", most: int = 12) -> str:
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    shown = [str(a) if a == b else f"{a}-{b}" for a, b in spans[:most]]
    if len(spans) > most:
        shown.append(MORE_ROWS(lang, count=len(rows)))
    return ", ".join(shown)


def _text(found: Found, row: int, col: int) -> str:
    value = found.sheet.value(row, col)
    return "" if value is None else cell_text(value)[0].strip()


def _shape(texts: list[str]) -> str | None:
    """What a code column holds: Kepmendagri codes ("kepmendagri"), account codes ("akun"), or neither."""
    if not texts:
        return None
    accounts = sum(1 for text in texts if _ACCOUNT.match(text))
    if accounts >= SHAPE_SHARE * len(texts):
        return AKUN
    codes = sum(1 for text in texts if not _ACCOUNT.match(text) and parse_code(text) is not None)
    if codes >= SHAPE_SHARE * len(texts):
        return "kepmendagri"
    return None


def _same_header_span(found: Found, key: str) -> list[int]:
    """The columns a mapped text column's header is merged over ("URAIAN" over G14:O15): labels sit in any."""
    col = found.header.keys.get(key)
    if col is None:
        return []
    by_col = {column.col: column for column in found.header.columns}
    own = by_col[col]
    span = [col]
    nxt = col + 1
    while nxt in by_col and (by_col[nxt].own, by_col[nxt].group, by_col[nxt].concept) == (own.own, own.group, own.concept):
        span.append(nxt)
        nxt += 1
    return span


@dataclass
class BudgetLayout:
    """What the reader decided about a budget block before the template's reader reads it."""

    code_col: int | None = None  # the column giving each row its Kepmendagri code
    label_span: list[int] = field(default_factory=list)
    spans: dict[str, list[int]] = field(default_factory=dict)  # key -> the columns its merged header is over
    code_roles: dict[int, str] = field(default_factory=dict)  # code column -> "kepmendagri" / AKUN / CODE_PART
    left_out: dict[str, list[int]] = field(default_factory=dict)
    accounts: dict[int, tuple[int, str]] = field(default_factory=dict)  # sheet row -> (column, account code)


def prepare_budget(found: Found) -> BudgetLayout:
    """Decide the code column of a split code and which rows are data, before the table is read.

    Changes ``found``: its ``kode`` key points at the Kepmendagri column, and rows with an account code or only
    an urusan / SKPD code leave its body (kept in ``left_out`` with their role).
    """
    layout = BudgetLayout(label_span=_same_header_span(found, "uraian"))
    # The code is not taken from any filled cell of its span: its column is chosen by its values (below).
    layout.spans = {key: span for key in found.header.keys if key != "kode" and len(span := _same_header_span(found, key)) > 1}
    code_cols = [column.col for column in found.header.columns if column.concept == "kode"]
    if len(code_cols) < 2:
        layout.code_col = found.header.keys.get("kode")
        return layout
    for col in code_cols:
        texts = [text for row in found.rows if (text := _text(found, row, col))]
        if texts:
            layout.code_roles[col] = _shape(texts) or CODE_PART
    kepmendagri = [col for col, role in layout.code_roles.items() if role == "kepmendagri"]
    accounts = [col for col, role in layout.code_roles.items() if role == AKUN]
    if len(kepmendagri) != 1:
        # No single column of program codes: no code is read (the hierarchy is not certain from codes).
        found.header.keys.pop("kode", None)
        return layout
    layout.code_col = kepmendagri[0]
    if "kode" in found.header.keys:
        found.header.keys["kode"] = layout.code_col
    kept: list[int] = []
    current: str | None = None  # the code of the sub kegiatan the rows below sit under
    block: list[int] = []  # the account rows under it so far
    unsure = False  # one of them does not name it: none of them is placed under it
    for row in [*found.rows, None]:
        account = next(((col, text) for col in accounts if (text := _text(found, row, col))), None) if row else None
        code = parse_code(_text(found, row, layout.code_col)) if row else None
        if account is not None:
            # An account line of the sub kegiatan right above it, when its own code cell names that one.
            unsure = unsure or len(accounts) != 1 or not _ACCOUNT.match(account[1]) or code is None or code.canonical != current
            layout.accounts[row] = account
            block.append(row)
            continue
        for line in block:
            if unsure:
                del layout.accounts[line]
                layout.left_out.setdefault(ACCOUNT_LINE, []).append(line)
            else:
                kept.append(line)
        block, unsure = [], False
        if row is None:
            break
        current = code.canonical if code is not None and code.level is Level.SUB_KEGIATAN else None
        if not _text(found, row, layout.code_col) and any(_text(found, row, col) for col in code_cols):
            layout.left_out.setdefault(ABOVE_PROGRAM, []).append(row)
        else:
            kept.append(row)
    found.rows = kept
    return layout


def _column_reading(found: Found, column: HeaderColumn, layout: BudgetLayout | None) -> ColumnReading:
    header = found.header
    key = next((key for key, col in header.keys.items() if col == column.col), None)
    where = BY_HEADER.with_params(header=column.text)
    if key is not None:
        return ColumnReading(column.col, column.text, key_word(key), where, True)
    if layout is not None and column.concept == "kode" and column.col not in layout.code_roles and layout.code_roles:
        return ColumnReading(column.col, column.text, EMPTY_PART, EMPTY_CODE_PART, True)
    if layout is not None:
        role = layout.code_roles.get(column.col)
        if role == AKUN:
            return ColumnReading(column.col, column.text, ACCOUNT_CODE, ACCOUNT_VALUES, True)
        if role is not None:
            return ColumnReading(column.col, column.text, OTHER_CODE, CODE_PART_VALUES, True)
        if column.col in layout.label_span:
            return ColumnReading(column.col, column.text, key_word("uraian"), UNDER_LABEL_HEADER, True)
    for key, col in header.keys.items():
        if column.col in _same_header_span(found, key)[1:]:
            letter = re.sub(r"\d+", "", a1(1, col))
            said = CONTINUED.with_params(key=key_word(key), letter=letter)
            return ColumnReading(column.col, column.text, said, MERGED_WITH.with_params(letter=letter), True)
    if header.groups and column.nearest_group in header.groups and column.concept:
        concept = key_word(column.concept)
        if column.nearest_group == header.money_group:
            said = OWN_GROUP.with_params(concept=concept, group=column.nearest_group)
            return ColumnReading(column.col, column.text, said, where, True)
        if header.money_group is not None:
            said = OTHER_GROUP.with_params(concept=concept, group=column.nearest_group)
            return ColumnReading(column.col, column.text, said, where, True)
    if column.concept == "anggaran" and "anggaran" in header.keys and column.col in {c.col for c in header.unplaced}:
        if re.search(r"(?i)awal|murni|semula|sebelum|induk", column.own):
            letter = re.sub(r"\d+", "", a1(1, header.keys["anggaran"]))
            return ColumnReading(column.col, column.text, BUDGET_BEFORE.with_params(letter=letter), where, True)
    if column.concept is not None and column.concept not in LABEL_LIKE_IGNORED:
        # Understood, but the table has no place for it (a Kode column beside a Tabel 3.7).
        return ColumnReading(column.col, column.text, NOT_USED.with_params(concept=key_word(column.concept)), where, True)
    return ColumnReading(column.col, column.text, None, where, False)


def reading_of(found: Found, table_id: str, layout: BudgetLayout | None = None, levels: dict[int, str] | None = None) -> Reading:
    """The reading of a found block taken as ``table_id`` (rows' levels as the table model gave them)."""
    reading = Reading(table_id, found.sheet.name, ref=found.ref)
    reading.columns = [_column_reading(found, column, layout) for column in found.header.columns]
    reading.rows.extend(RowReading(row, HEADER, evidence="kata judul kolom") for row in found.header.rows)
    reading.rows.extend(RowReading(row, REPEATED, evidence="judul kolom atau nomor kolom") for row in found.repeated_headers)
    levels = levels or {}
    shown = table_id == "3.8" or len(set(levels.values())) > 1  # a flat Tabel 3.7 has no levels to show
    reading.rows.extend(RowReading(row, DATA, levels.get(row) if shown else None) for row in found.rows)
    if found.total_row is not None:
        reading.rows.append(RowReading(found.total_row, TOTAL, evidence="label JUMLAH / TOTAL"))
    reading.rows.extend(RowReading(row, NOTE) for row in found.notes)
    reading.rows.extend(RowReading(row, PAGE_LINE, evidence="nomor halaman") for row in found.page_lines)
    for role, rows in ((SUBTOTAL, found.subtotals), (TOP_TOTAL, found.top_totals)):
        if rows:
            reading.rows.extend(RowReading(row, role, evidence="label JUMLAH ... / SUB TOTAL") for row in rows)
            reading.left_out[role] = list(rows)
    if layout is not None:
        for role, rows in layout.left_out.items():
            reading.rows.extend(RowReading(row, role, evidence="kolom kode") for row in rows)
            reading.left_out[role] = rows
    reading.rows.sort(key=lambda item: item.row)
    return reading


def _row_values(sheet: SheetSnapshot, rows: list[int], cols: list[int]) -> list[tuple]:
    """Each row's values in ``cols``, as SheetSnapshot.value gives them, a row at a time (a copy of a 4,500-line
    SIPD export is compared cell by cell)."""
    grid = sheet.values
    out = []
    for row in rows:
        line = grid[row - 1] if 0 < row <= len(grid) else []
        width = len(line)
        out.append(tuple([line[col - 1] if 0 < col <= width else None for col in cols]))
    return out


# Share of a block's body cells that must equal the checked table's for the block to be a copy of it.
COPY_SHARE = 0.9


def is_copy(block: Found, table: Found) -> bool:
    """Whether ``block`` holds the same table as ``table``: row by row, the same labels and figures under the
    same headers. SIPD exports keep copies of the main sheet, filtered to one bidang or hidden, some with
    columns left out or moved (Sumenep 2024: "SISA" and "% SISA" dropped or put before "%"); a copy is told by
    its content, so its columns are paired by their header words, not by their place."""
    if block.header.rows != table.header.rows:
        return False
    free = {}
    for column in block.header.columns:
        free.setdefault(column.text, []).append(column.col)
    pairs = []  # (the table's column, the block's column with the same header)
    for column in table.header.columns:
        cols = free.get(column.text)
        if cols:
            pairs.append((column.col, cols.pop(0)))
    # The labels and the figures must be among what is compared: a shared "No" column proves nothing.
    keys = table.header.keys
    needed = {keys[key] for key in ("uraian", "anggaran", "realisasi") if key in keys}
    if not needed or not needed <= {col for col, _ in pairs}:
        return False
    # Rows are matched by their content, not their number: a row inserted in the main sheet after the copy
    # was made shifts every row below it (Sumenep 2024: DPA has one row more than its copies).
    ours = Counter(_row_values(table.sheet, table.rows, [col for col, _ in pairs]))
    theirs = Counter(_row_values(block.sheet, block.rows, [other for _, other in pairs]))
    if not ours or not theirs:
        return False
    same = sum((ours & theirs).values())
    return same >= COPY_SHARE * max(sum(ours.values()), sum(theirs.values()))


# -- what the reading fills into the table model (model.py: BudgetTable.selisih_meaning, BudgetRow.groups,
# BudgetRow.kind) ---------------------------------------------------------------------------------------

_LEBIH_WORDS = {"lebih", "bertambah", "kelebihan"}
_OTHER_WORDS = {"sebelum", "sesudah", "setelah", "perubahan", "murni", "pergeseran", "lalu"}
_BUDGET_WORDS = {"anggaran", "pagu", "alokasi"}


def selisih_meaning(header: str) -> str | None:
    """What a selisih column holds, from its header words.

    SISA: "Sisa Anggaran", "Anggaran - Realisasi"; LEBIH: "Realisasi - Anggaran", "Lebih/(Kurang)",
    "Bertambah/(Berkurang)"; OTHER: a difference of something else ("Selisih Pagu Sebelum dan Sesudah");
    None: the header says only "Selisih" (the LKjIP default, anggaran - realisasi, is checked).
    """
    words = tokens(header)
    if set(words) & _OTHER_WORDS:
        return OTHER
    if set(words) & _LEBIH_WORDS:
        return LEBIH
    budget = next((index for index, word in enumerate(words) if word in _BUDGET_WORDS), None)
    spent = next((index for index, word in enumerate(words) if word == "realisasi"), None)
    if budget is not None and spent is not None:
        return SISA if budget < spent else LEBIH
    if "sisa" in words:
        return SISA
    return None


_GROUP_KEYS = {"anggaran": "anggaran", "realisasi": "realisasi", "persen": "persen", "capaian": "persen",
               "serapan": "persen", "selisih": "sisa"}


def group_name(text: str) -> str:
    """ "Tak Terduga" -> "tak_terduga"; the group holding the row's own figures is TOTAL_GROUP."""
    return "_".join(tokens(text)) or "kelompok"


def _field(found: Found, row: int, col: int, concept: str) -> Field:
    sheet = found.sheet
    quantity = Quantity.PERCENT if _GROUP_KEYS[concept] == "persen" else Quantity.MONEY
    return Field(sheet.ref(row, col), parse(sheet.value(row, col), quantity, sheet.number_format(row, col)), sheet.formula(row, col))


def fill_budget(table: BudgetTable, found: Found, view_row_of, layout: BudgetLayout) -> None:
    """Put what the reading understood into the table model: the selisih's meaning, each line's column
    groups (only when the row's own figures are a group named Total: then the others are its parts), and
    whether a line is revenue or spending where an account code says so."""
    header = found.header
    selisih_col = header.keys.get("selisih")
    if selisih_col is not None:
        text = next(column.text for column in header.columns if column.col == selisih_col)
        table.selisih_meaning, table.selisih_header = selisih_meaning(text), text
    texts = {column.col: column.text for column in header.columns}
    table.headers = {(None, key): texts.get(col, "") for key, col in header.keys.items()}
    table.title = " ".join(found.titles)
    total_named = header.money_group is not None and bool(set(tokens(header.money_group)) & {"total", "jumlah"})
    accounts = [col for col, role in layout.code_roles.items() if role == AKUN]
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    for row in rows:
        source = view_row_of(row.row)
        if source is None:
            continue
        if total_named:
            for name, concepts in header.groups.items():
                key = TOTAL_GROUP if name == header.money_group else group_name(name)
                figures = GroupFigures()
                for concept, col in concepts.items():
                    if concept in ("anggaran", "realisasi", "selisih") and key != TOTAL_GROUP:
                        table.headers[(key, concept)] = texts.get(col, "")
                    if concept in _GROUP_KEYS:
                        setattr(figures, _GROUP_KEYS[concept], _field(found, source, col, concept))
                row.groups[key] = figures
        for col in accounts:
            kind = kind_from_account_code(_text(found, source, col))
            if kind is not None:
                row.kind = kind


def account_lines(table: BudgetTable, view_row_of, layout: BudgetLayout) -> None:
    """Make the account rows ``prepare_budget`` kept (each under the sub kegiatan its code cell names) the
    fourth level: checked as budget lines, summed into their sub kegiatan, nested by their account code."""
    if not layout.accounts:
        return
    for row in table.rows:
        source = view_row_of(row.row)
        if source in layout.accounts:
            col, text = layout.accounts[source]
            ref = row.code_text.ref
            account_ref = CellRef(ref.sheet, ref.row, col) if ref is not None else None
            row.code_text, row.code = TextField(account_ref, text), None
            row.level, row.level_source, row.account = Level.AKUN, "code", text.strip(".")
    link_budget_rows(table)


_ACCOUNT_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def account_levels(table: BudgetTable, found: Found, view_row_of, layout: BudgetLayout) -> bool:
    """An LRA whose every line carries an account code (4 PENDAPATAN > 4.1 PAD; 5 BELANJA > 5.1 OPERASI): the
    hierarchy is in the codes, certain. Their depth gives the ladder (one part, two, three): a parent is the
    sum of the accounts one part longer below it. Not used when a code is deeper than three parts or a line
    has none (then the table stays as it was read)."""
    accounts = [col for col, role in layout.code_roles.items() if role == AKUN]
    if len(accounts) != 1 or not table.rows:
        return False
    depths: list[tuple[object, int]] = []
    for row in table.rows:
        source = view_row_of(row.row)
        text = _text(found, source, accounts[0]) if source is not None else ""
        depth = len(text.strip(".").split(".")) if _ACCOUNT.match(text) else 0
        if not 1 <= depth <= len(_ACCOUNT_LEVELS):
            return False
        depths.append((row, depth))
    for row, depth in depths:
        row.level, row.level_source = _ACCOUNT_LEVELS[depth - 1], "code"
    link_budget_rows(table)
    table.structure = "code"
    return True
