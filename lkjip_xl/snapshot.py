"""A workbook as the rules see it: values, formula text, number formats and bold flags, per sheet.

Loaders (a file, a live Excel book through xlwings) fill it; nothing here imports a spreadsheet library.
Rows and columns are 1-based, as in Excel.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Iterator

Pos = tuple[int, int]


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


def parse_a1(ref: str) -> Pos:
    letters = "".join(ch for ch in ref if ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits), col


def quoted_sheet(name: str) -> str:
    """A sheet name as a reference writes it: quoted, quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


# Built hundreds of thousands of times for a big table: slotted and hashable, treated as immutable
# (a frozen dataclass's __init__ is several times slower).
@dataclass(slots=True, unsafe_hash=True)
class CellRef:
    """Where a figure sits: what every finding points at."""

    sheet: str
    row: int
    col: int

    @property
    def a1(self) -> str:
        return a1(self.row, self.col)

    def __str__(self) -> str:
        return f"{quoted_sheet(self.sheet)}!{self.a1}"


class Formulas(dict):
    """Formula text by position. A loader may store a deferred text instead (an object with ``text()``, e.g.
    one cell of a filled-down shared formula): it is worked out when read. Cells nobody reads (hidden helper
    columns, cells outside the tables: a third of a 20,000-line template's) never pay for it. ``dict.get(formulas,
    pos)`` gives the formula as stored, deferred or not, for a reader that keeps it unread (``model.Field``)."""

    def _text(self, key: Pos, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        text = value.text()
        dict.__setitem__(self, key, text)
        return text

    def __getitem__(self, key: Pos) -> str:
        return self._text(key, dict.__getitem__(self, key))

    def get(self, key: Pos, default: Any = None) -> Any:
        value = dict.get(self, key)
        return default if value is None else self._text(key, value)

    def items(self):  # type: ignore[override]
        return [(key, self[key]) for key in list(dict.keys(self))]

    def values(self):  # type: ignore[override]
        return [self[key] for key in list(dict.keys(self))]

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == (dict(other.items()) if isinstance(other, dict) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]


_NO_CELLS: list = []  # never written to: set_value replaces it by a row of the row's own


@dataclass
class SheetSnapshot:
    """One sheet. ``values`` is a dense grid from A1; the other layers are sparse."""

    name: str
    values: list[list[Any]] = field(default_factory=list)
    formulas: Formulas = field(default_factory=Formulas)
    number_formats: dict[Pos, str] = field(default_factory=dict)  # percent formats only: numbers.is_percent_format
    bold: set[Pos] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    visibility: str = "visible"  # visible | hidden | veryHidden
    _anchors: dict[Pos, Pos] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def max_row(self) -> int:
        return len(self.values)

    @property
    def max_col(self) -> int:
        return max(map(len, self.values), default=0)

    def value(self, row: int, col: int) -> Any:
        if 1 <= row <= len(self.values):
            cells = self.values[row - 1]
            if 1 <= col <= len(cells):
                return cells[col - 1]
        return None

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        return "" if value is None else str(value).strip()

    def formula(self, row: int, col: int) -> str | None:
        return self.formulas.get((row, col))

    def has_formula(self, row: int, col: int) -> bool:
        """Whether the cell holds a formula, without working out its text."""
        return (row, col) in self.formulas

    def number_format(self, row: int, col: int) -> str | None:
        return self.number_formats.get((row, col))

    def is_bold(self, row: int, col: int) -> bool:
        return (row, col) in self.bold

    def merge_anchor(self, row: int, col: int) -> Pos | None:
        """The first cell of the merged range that covers this cell without starting at it, else None.

        Excel shows and computes with the first cell's value only; whatever the other cells hold is hidden.
        Asked for every figure of a table: answered from an index built once (``merged`` is complete by then).
        """
        if self._anchors is None:
            self._anchors = self._index_merges()
        return self._anchors.get((row, col))

    def _index_merges(self) -> dict[Pos, Pos]:
        """Each covered cell but a range's first to that first cell, within the grid (beyond it no cell holds
        anything). Merged ranges do not overlap in a sound file, so the index holds at most one entry per
        grid cell; ranges past that budget (overlapping: a damaged or crafted file) are left out."""
        rows, cols = self.max_row, self.max_col
        budget = rows * cols
        anchors: dict[Pos, Pos] = {}
        for min_row, min_col, max_row, max_col in self.merged:
            last_row, last_col = min(max_row, rows), min(max_col, cols)
            area = max(0, last_row - min_row + 1) * max(0, last_col - min_col + 1)
            if area > budget:
                continue
            budget -= area
            for covered in itertools.product(range(min_row, last_row + 1), range(min_col, last_col + 1)):
                if covered != (min_row, min_col):
                    anchors.setdefault(covered, (min_row, min_col))
        return anchors

    def figure(self, row: int, col: int, merged: bool) -> tuple[CellRef, Pos | None, Any, str | None, str | None]:
        """What the template reader asks of every figure's cell, in one call (a 20,000-line table has 100,000):
        its reference; when ``merged``, the first cell of a merge covering it (then nothing else); else None
        and its value, number format and formula (as stored: possibly deferred, see ``Formulas``).
        ``value`` and ``merge_anchor`` written out inline: this is the reader's hot path."""
        position = (row, col)
        if merged and self.merged:
            anchors = self._anchors
            if anchors is None:
                anchors = self._anchors = self._index_merges()
            anchor = anchors.get(position)
            if anchor is not None:
                return CellRef(self.name, row, col), anchor, None, None, None
        value = None
        if 0 < row <= len(self.values):
            cells = self.values[row - 1]
            if 0 < col <= len(cells):
                value = cells[col - 1]
        return (
            CellRef(self.name, row, col), None, value, self.number_formats.get(position),
            dict.get(self.formulas, position),
        )

    def label(self, row: int, col: int) -> tuple[CellRef, Any, bool]:
        """A text cell's reference, value and whether it is bold, in one call (see ``figure``)."""
        value = None
        if 0 < row <= len(self.values):
            cells = self.values[row - 1]
            if 0 < col <= len(cells):
                value = cells[col - 1]
        return CellRef(self.name, row, col), value, (row, col) in self.bold

    def set_value(self, row: int, col: int, value: Any) -> None:
        if len(self.values) < row:
            # Rows up to a cell far below the others (a stray cell at row 1,000,000) share one empty row.
            self.values.extend([_NO_CELLS] * (row - len(self.values)))
        cells = self.values[row - 1]
        if cells is _NO_CELLS:
            cells = self.values[row - 1] = []
        if len(cells) < col:
            cells.extend([None] * (col - len(cells)))
        cells[col - 1] = value

    def ref(self, row: int, col: int) -> CellRef:
        return CellRef(self.name, row, col)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        for index, cells in enumerate(self.values, start=1):
            yield index, cells


@dataclass(frozen=True)
class Oversize:
    """Why a sheet was left unread: the measure that passed its limit ("rows", "cells" or "bytes")."""

    measure: str
    value: int
    limit: int


@dataclass
class Inventory:
    """What a workbook carries besides its cells. Loaders list it; nothing in it is ever run or fetched."""

    macros: list[str] = field(default_factory=list)  # parts holding VBA or Excel 4.0 macro sheets
    external_links: list[str] = field(default_factory=list)  # other workbooks the formulas read from
    embedded_objects: list[str] = field(default_factory=list)  # OLE objects, ActiveX controls
    connections: list[str] = field(default_factory=list)  # data connections (database, web, query)
    hidden_sheets: dict[str, str] = field(default_factory=dict)  # sheet name -> "hidden" | "veryHidden"
    protected_sheets: list[str] = field(default_factory=list)
    manual_calculation: bool = False
    oversized_sheets: dict[str, Oversize] = field(default_factory=dict)  # sheets too large to read
    steering_sheets: list[str] = field(default_factory=list)  # sheets xlwings' add-in reads as config or code


@dataclass
class WorkbookSnapshot:
    """All sheets of one workbook, in workbook order."""

    name: str  # what to call the workbook in messages (file name, or the Excel book's name)
    sheets: dict[str, SheetSnapshot] = field(default_factory=dict)
    inventory: Inventory = field(default_factory=Inventory)

    def sheet(self, name: str) -> SheetSnapshot | None:
        if name in self.sheets:
            return self.sheets[name]
        folded = name.casefold()
        for sheet_name, sheet in self.sheets.items():
            if sheet_name.casefold() == folded:
                return sheet
        return None

    def __iter__(self) -> Iterator[SheetSnapshot]:
        return iter(self.sheets.values())
