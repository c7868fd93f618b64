"""The LKjIP tables as the rules see them, whatever layout they were read from.

Extractors (the template layout, free-form sheets) fill these; rules read them. Every figure keeps the
cell it came from, so every finding can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .codes import Code, Level
from .findings import SHEET_ROW
from .numbers import EMPTY, Parsed
from .settings import Settings
from .snapshot import CellRef, Inventory


# Built hundreds of thousands of times for a big table: slotted, hashable, treated as immutable, written by
# hand so that its formula can be read lazily.
class Field:
    """One figure of a table: where it is, what it says, and its formula if it has one.

    A loader may hand over a formula not yet worked out (an object with ``text()``: one cell of a
    filled-down shared formula, see ``snapshot.Formulas``); it is worked out when first read. Rules read a
    formula for few figures (error values, formulas lkjip-xl could not recalculate), so a 20,000-line table
    no longer writes out 40,000 formula texts nobody reads.
    """

    __slots__ = ("ref", "parsed", "_formula")

    def __init__(self, ref: CellRef | None, parsed: Parsed = EMPTY, formula: str | None = None) -> None:
        self.ref = ref
        self.parsed = parsed
        self._formula = formula

    @property
    def formula(self) -> str | None:
        formula = self._formula
        if formula is not None and formula.__class__ is not str:
            formula = self._formula = formula.text()
        return formula

    @property
    def value(self) -> float | None:
        return self.parsed.value

    @property
    def empty(self) -> bool:
        return self.parsed is EMPTY or self.parsed.kind.value == "empty"

    def _key(self) -> tuple:
        return (self.ref, self.parsed, self.formula)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Field:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Field(ref={self.ref!r}, parsed={self.parsed!r}, formula={self.formula!r})"


@dataclass(slots=True, unsafe_hash=True)
class TextField:
    ref: CellRef | None
    text: str = ""
    bold: bool = False

    def __bool__(self) -> bool:
        return bool(self.text)


MISSING_FIELD = Field(None)
MISSING_TEXT = TextField(None)


# What a budget line is: money coming in (pendapatan, account codes 4.x) or going out (belanja, 5.x).
# Realisasi above anggaran is an anomaly only in spending.
REVENUE, SPENDING = "revenue", "spending"

# What a table's selisih column means (BudgetTable.selisih_meaning).
SISA = "sisa"  # anggaran − realisasi (the LKjIP default: positive = budget left)
LEBIH = "lebih"  # realisasi − anggaran ("Realisasi - Anggaran", "Lebih/(Kurang)", "Bertambah/(Berkurang)")
OTHER = "other"  # something else ("selisih pagu sebelum dan sesudah"): not checked, said once as info
SELISIH_MEANINGS = (SISA, LEBIH, OTHER)

TOTAL_GROUP = "total"

def kind_from_label(text: str) -> str | None:
    """REVENUE for a heading that starts with PENDAPATAN, SPENDING for BELANJA; None otherwise."""
    first = (text or "").strip().split(" ", 1)[0].casefold()
    return {"pendapatan": REVENUE, "belanja": SPENDING}.get(first)

# Account codes (Permendagri 90/2019 rekening): 4 pendapatan, 4.1 PAD, 4.1.01 ...; 5 belanja, 5.1 operasi, ...
# The second segment is one digit, which tells them apart from Kepmendagri program codes (4.01.01 is a
# program of urusan 4, spending).
_ACCOUNT = re.compile(r"([45])(?:\.\d(?:\.\d+)*)?\.?")


def kind_from_account_code(text: str) -> str | None:
    """REVENUE for an account code 4 / 4.x, SPENDING for 5 / 5.x; None for anything else."""
    match = _ACCOUNT.fullmatch(re.sub(r"\s+", "", text or ""))
    if match is None:
        return None
    return REVENUE if match.group(1) == "4" else SPENDING


@dataclass(slots=True, eq=False)
class GroupFigures:
    """The figures of one column group of a budget line.

    SIPD's "Rekapitulasi belanja" prints a line's money per kelompok belanja: Operasi | Modal | Tak Terduga |
    Transfer | Total, each with Anggaran and Realisasi, the Total group also with %, SISA (and % SISA).
    The reader fills ``BudgetRow.groups`` with one ``GroupFigures`` per group it found, keyed by a lower-case
    name ("operasi", "modal", "tak_terduga", "transfer", ...); the group named ``TOTAL_GROUP`` ("total") is
    the sum of the others. A group's persen is realisasi / anggaran × 100 of that group and its sisa is
    anggaran − realisasi of that group, never of another one. A group that has no column of a kind keeps
    ``MISSING_FIELD`` there. When a row has groups, the row's own anggaran/realisasi/selisih/persen are the
    Total group's figures (the reader may leave them empty: the checks then read the Total group).
    """

    anggaran: Field = MISSING_FIELD
    realisasi: Field = MISSING_FIELD
    persen: Field = MISSING_FIELD
    sisa: Field = MISSING_FIELD


@dataclass(eq=False)
class BudgetRow:
    """One line of Tabel 3.8 (or 3.7): a program, kegiatan, sub kegiatan, or the JUMLAH row."""

    row: int
    label: TextField
    level: Level | None
    level_source: str  # "code", "column" or "guessed"
    number: Field = MISSING_FIELD
    number_text: str = ""  # the No as printed ("1)", "A.", "a."), where reading it as a number lost its form
    code_text: TextField = MISSING_TEXT
    code: Code | None = None
    level_text: TextField = MISSING_TEXT  # what the level column says
    anggaran: Field = MISSING_FIELD
    realisasi: Field = MISSING_FIELD
    selisih: Field = MISSING_FIELD
    persen: Field = MISSING_FIELD
    parent: BudgetRow | None = None
    children: list[BudgetRow] = field(default_factory=list)
    # REVENUE or SPENDING when the reader knows it (a PENDAPATAN heading above the line); None: from the
    # account code if it is one (4.x revenue, 5.x spending), else from the parent, else from the table.
    kind: str | None = None
    groups: dict[str, GroupFigures] = field(default_factory=dict)  # column groups (SIPD), see GroupFigures
    account: str = ""  # an account line's code (5.1.01.01.01): account lines nest by its length
    # The level the row's own label names when it is not ``level`` ("satker" placed as the program's level,
    # its programs as kegiatan): what messages call the row.
    level_word: str = ""

    @property
    def is_parent(self) -> bool:
        return bool(self.children)

    @property
    def name(self) -> str:
        if self.label.text:
            return self.label.text
        if self.code is not None:
            return self.code.canonical
        # The sheet row the officer sees, not the row's index in the table (a free-form table's rows are numbered
        # in the template's layout).
        ref = self.label.ref or self.code_text.ref or self.anggaran.ref or self.realisasi.ref
        return SHEET_ROW.with_params(row=ref.row if ref is not None else self.row)

    def __repr__(self) -> str:
        return f"BudgetRow({self.row}, {self.level}, {str(self.name)[:30]!r})"


@dataclass
class BudgetTable:
    """Tabel 3.8 (program > kegiatan > sub kegiatan, JUMLAH) or Tabel 3.7 (budget summary)."""

    table: str  # "3.8" or "3.7"
    sheet: str
    rows: list[BudgetRow]  # every budget line in order, the JUMLAH row excluded
    total: BudgetRow | None
    has_selisih: bool = True
    structure: str = "code"  # "code": levels from codes/level column; "guessed": from text signals
    # REVENUE or SPENDING for the whole table (a title "LAPORAN REALISASI PENDAPATAN"); None: not stated
    # (spending, unless a row's code or heading says otherwise).
    kind: str | None = None
    # What the selisih column means, read from its header: SISA ("Sisa", "Anggaran - Realisasi"), LEBIH
    # ("Realisasi - Anggaran", "Lebih/(Kurang)"), OTHER (any other definition: not checked), or None when the
    # header only says "Selisih" (checked as SISA; a table that consistently uses LEBIH gets one warning).
    selisih_meaning: str | None = None
    selisih_header: str = ""  # the header text it was read from, for messages
    # The money columns' headers as printed, by (column group or None, key), and the lines between the caption
    # and the header: their unit ("(Rp. Juta)", "dalam ribuan rupiah") helps read an ambiguous figure.
    headers: dict = field(default_factory=dict)
    title: str = ""


@dataclass
class IndicatorRow:
    """One IKU of Tabel 3.2: target, realisasi and capaian this year."""

    row: int
    number: Field
    indicator_id: TextField
    name: TextField
    unit: TextField
    polarity: TextField
    target: Field
    realisasi: Field
    capaian: Field
    category: TextField
    note: TextField  # the "Efisiensi" or remark column


@dataclass
class YearFigures:
    year: int | None
    target: Field
    realisasi: Field
    capaian: Field


@dataclass
class TrendRow:
    """One indicator of Tabel 3.3 over three years."""

    row: int
    number: Field
    indicator_id: TextField
    goal: TextField  # tujuan / sasaran
    name: TextField
    years: list[YearFigures]


@dataclass
class EfficiencyRow:
    """One sasaran/indicator line of Tabel 3.5: performance against budget."""

    row: int
    number: Field
    goal: TextField
    indicator_id: TextField
    name: TextField
    target: Field
    realisasi: Field
    capaian: Field
    anggaran: Field
    realisasi_rp: Field
    serapan: Field
    efisiensi: Field
    efisiensi_label: TextField


@dataclass
class SummaryRow:
    """A "Jumlah" or "Rata-rata capaian" row under a performance table: a summary, never an indicator."""

    row: int  # the sheet row
    kind: str  # "sum" or "mean"
    label: TextField
    fields: dict[tuple[str, int], Field]  # (figure name, year index; 0 outside Tabel 3.3) -> the printed figure
    above: list  # the table's rows it stands for (up to the previous summary row)


@dataclass
class IndicatorTable:
    table: str
    sheet: str
    rows: list
    summaries: list[SummaryRow] = field(default_factory=list)  # free-form tables only


@dataclass
class FormColumn:
    """One column of a Permendagri 86/2017 evaluation form: its printed column number and part (K or Rp)."""

    number: int  # the number the form prints under its header (5, 12, 13...)
    part: str  # "K" (kinerja), "Rp" (anggaran) or "" when the number has one column
    col: int  # the sheet column
    header: str  # the header text above it, group first


@dataclass
class FormDefinition:
    """What the form's row of column numbers says a column is: "12 = 8+9+10+11", "13 = 12/7*100"."""

    number: int
    kind: str  # "sum" (of the operands) or "ratio" (operands[0] / operands[1] x 100)
    operands: tuple[int, ...]
    text: str  # as printed
    ref: CellRef | None


@dataclass
class FormRow:
    row: int
    role: str  # "data" (a program, kegiatan or indicator), "mean" (Rata-rata ...), "summary" (other), "unlabelled"
    label: TextField
    fields: dict[tuple[int, str], Field]  # (number, part) -> figure


@dataclass
class EvaluationForm:
    """A Renja / RKPD evaluation form (Permendagri 86/2017), read by its own column numbers."""

    name: str  # "Evaluasi Renja" or "Evaluasi RKPD": the table name findings carry
    sheet: str
    title: str
    numbers_row: int
    columns: list[FormColumn]
    definitions: list[FormDefinition]
    rows: list[FormRow]
    unread: list[str]  # definitions printed but not understood, as printed
    unsure: list[int] = field(default_factory=list)  # numbers whose columns could not be told apart (not K / Rp)

    def column(self, number: int, part: str) -> FormColumn | None:
        return next((c for c in self.columns if c.number == number and c.part == part), None)

    def parts(self, number: int) -> list[str]:
        return [c.part for c in self.columns if c.number == number]


@dataclass
class ChangeRow:
    row: int  # the sheet row
    label: TextField
    before: Field  # the value of the earlier year (N-1)
    after: Field  # the value of the later year (N)
    change: Field  # the printed perubahan / kenaikan, when the table has one


@dataclass
class ChangeTable:
    """Values of two years without a target (a "perbandingan" table), with a perubahan column or none."""

    name: str  # "Perbandingan 2023 dan 2024": the table name findings carry
    sheet: str
    years: tuple[str, str]  # as shown: "2023", "2024", or "N-1", "N"
    change_header: str  # the perubahan column's header, "" when there is none
    percent: bool  # the header says the change is a percentage ("Perubahan (%)")
    rows: list[ChangeRow]
    ref: CellRef | None  # the header's first cell


@dataclass
class Document:
    """One office's LKjIP tables, read from one workbook."""

    name: str
    settings: Settings
    layout: str  # "template" or "freeform"
    budget: dict[str, BudgetTable] = field(default_factory=dict)  # "3.8", "3.7"
    indicators: IndicatorTable | None = None  # 3.2
    trend: IndicatorTable | None = None  # 3.3
    efficiency: IndicatorTable | None = None  # 3.5
    missing: list[str] = field(default_factory=list)  # tables the workbook should have and does not
    sheets_read: list[str] = field(default_factory=list)
    inventory: Inventory = field(default_factory=Inventory)  # macros, links, hidden sheets... (F checks)
    readings: dict = field(default_factory=dict)  # table -> how a free-form table was read (freeform/reading.py)
    evaluations: list[EvaluationForm] = field(default_factory=list)  # Renja/RKPD evaluation forms (freeform only)
    changes: list[ChangeTable] = field(default_factory=list)  # tables of two years without a target (freeform only)
    # table -> the budget checks' resolved rows (checks/budget.py), kept for the cross-table checks that need the
    # same rows' sums (Tabel 3.7 against 3.8) so that they are not resolved twice
    budget_checked: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def tables(self) -> list[str]:
        found = list(self.budget)
        for table in (self.indicators, self.trend, self.efficiency):
            if table is not None:
                found.append(table.table)
        return sorted(found) + [form.name for form in self.evaluations] + [table.name for table in self.changes]
