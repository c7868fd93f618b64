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
        if self.label.text:
            return self.label.text
        if self.code is not None:
            return self.code.canonical
        # The sheet row the officer sees, not the row's index in the table (a free-form table's rows are numbered
        # in the template's layout).
        ref = self.label.ref or self.anggaran.ref or self.realisasi.ref
        return f"baris {ref.row if ref is not None else self.row}"

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
class IndicatorTable:
    table: str
    sheet: str
    rows: list


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

    @property
    def tables(self) -> list[str]:
        found = list(self.budget)
        for table in (self.indicators, self.trend, self.efficiency):
            if table is not None:
                found.append(table.table)
        return sorted(found)
