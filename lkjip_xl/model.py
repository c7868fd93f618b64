"""The LKjIP tables as the rules see them, whatever layout they were read from.

Extractors (the template layout, free-form sheets) fill these; rules read them. Every figure keeps the
cell it came from, so every finding can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import Code, Level
from .numbers import EMPTY, Parsed
from .settings import Settings
from .snapshot import CellRef, Inventory


# Built hundreds of thousands of times for a big table: slotted and hashable, treated as immutable
# (a frozen dataclass's __init__ is several times slower).
@dataclass(slots=True, unsafe_hash=True)
class Field:
    """One figure of a table: where it is, what it says, and its formula if it has one."""

    ref: CellRef | None
    parsed: Parsed = EMPTY
    formula: str | None = None

    @property
    def value(self) -> float | None:
        return self.parsed.value

    @property
    def empty(self) -> bool:
        return self.parsed is EMPTY or self.parsed.kind.value == "empty"


@dataclass(slots=True, unsafe_hash=True)
class TextField:
    ref: CellRef | None
    text: str = ""
    bold: bool = False

    def __bool__(self) -> bool:
        return bool(self.text)


MISSING_FIELD = Field(None)
MISSING_TEXT = TextField(None)


@dataclass(eq=False)
class BudgetRow:
    """One line of Tabel 3.8 (or 3.7): a program, kegiatan, sub kegiatan, or the JUMLAH row."""

    row: int
    label: TextField
    level: Level | None
    level_source: str  # "code", "column" or "guessed"
    number: Field = MISSING_FIELD
    code_text: TextField = MISSING_TEXT
    code: Code | None = None
    level_text: TextField = MISSING_TEXT  # what the level column says
    anggaran: Field = MISSING_FIELD
    realisasi: Field = MISSING_FIELD
    selisih: Field = MISSING_FIELD
    persen: Field = MISSING_FIELD
    parent: BudgetRow | None = None
    children: list[BudgetRow] = field(default_factory=list)

    @property
    def is_parent(self) -> bool:
        return bool(self.children)

    @property
    def name(self) -> str:
        return self.label.text or (self.code.canonical if self.code else f"baris {self.row}")

    def __repr__(self) -> str:
        return f"BudgetRow({self.row}, {self.level}, {self.name[:30]!r})"


@dataclass
class BudgetTable:
    """Tabel 3.8 (program > kegiatan > sub kegiatan, JUMLAH) or Tabel 3.7 (budget summary)."""

    table: str  # "3.8" or "3.7"
    sheet: str
    rows: list[BudgetRow]  # every budget line in order, the JUMLAH row excluded
    total: BudgetRow | None
    has_selisih: bool = True
    structure: str = "code"  # "code": levels from codes/level column; "guessed": from text signals


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
    evaluations: list[EvaluationForm] = field(default_factory=list)  # Renja/RKPD evaluation forms (freeform only)
    changes: list[ChangeTable] = field(default_factory=list)  # tables of two years without a target (freeform only)

    @property
    def tables(self) -> list[str]:
        found = list(self.budget)
        for table in (self.indicators, self.trend, self.efficiency):
            if table is not None:
                found.append(table.table)
        return sorted(found) + [form.name for form in self.evaluations] + [table.name for table in self.changes]
