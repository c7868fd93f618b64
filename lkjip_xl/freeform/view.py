"""A table found on a free-form sheet, seen through the template's layout.

The view answers the questions the template reader asks (the value, formula, number format and bold flag
of a cell, and its address) in template coordinates, from the cells of the free-form sheet. So one reader,
template/extract.py, turns both layouts into the table model: when the model or the layout changes, the
free-form path follows, and every figure keeps the free-form cell it came from.
"""

from __future__ import annotations

import re
from typing import Any

from ..snapshot import CellRef
from ..template.layout import TableLayout
from .detect import Found
from .headers import is_unit_word
from .words import UNNUMBERED, cell_text, numbering_rank

_NUMBERED = re.compile(r"^\s*\(?\d{1,4}[.)]?\s*$")


class TableView:
    def __init__(self, found: Found, layout: TableLayout) -> None:
        self.found = found
        self.sheet = found.sheet
        self.layout = layout
        self.name = found.sheet.name
        self.key_of_col = {index: column.key for index, column in enumerate(layout.columns, start=1)}
        self._number_cols = {index for index, key in self.key_of_col.items() if key == "no"}
        self._col_of_key: dict[str, int] = {}
        for index, key in self.key_of_col.items():
            self._col_of_key.setdefault(key, index)
        self.body = list(found.rows)
        if found.total_row is not None:
            self.body.append(found.total_row)
        self.first_row = layout.first_row
        self.header_row = layout.header_row
        self.max_row = self.first_row + len(self.body) - 1
        self.width = len(layout.columns)
        # Per template row, the free-form cell of each template column (index 0 unused), worked out for the
        # whole row at its first question: the reader asks five to ten questions of every cell.
        self._rows: dict[int, list[tuple[int, int] | None]] = {}
        self._merges: dict[tuple[int, int], tuple[int, int]] | None = None
        # On a sheet without merges most columns sit at the same free-form column on every row: those
        # (template column, free-form column) pairs, and the columns a row's cells decide (_in_span).
        self._fixed: list[tuple[int, int]] | None = None
        self._spanned: list[int] = []

    def row_of(self, row: int) -> int | None:
        """The free-form row shown as template row ``row``."""
        index = row - self.first_row
        return self.body[index] if 0 <= index < len(self.body) else None

    def template_row(self, row: int) -> int:
        return self.first_row + self.body.index(row)

    def _where(self, row: int, col: int) -> tuple[int, int] | None:
        cells = self._rows.get(row)
        if cells is None:
            cells = self._row_cells(row)
        return cells[col] if 0 < col <= self.width else None

    def _row_cells(self, row: int) -> list[tuple[int, int] | None]:
        cells = self._rows[row] = [None] * (self.width + 1)
        source = self.row_of(row)
        if source is None:
            return cells
        if self._fixed is None and not self.sheet.merged:
            self._fixed = self._fixed_columns()
        if self._fixed is None or source == self.found.total_row:
            for index in range(1, self.width + 1):
                cells[index] = self._locate(source, index)
            return cells
        for index, column in self._fixed:
            cells[index] = (source, column)
        for index in self._spanned:
            cells[index] = self._locate(source, index)
        return cells

    def _fixed_columns(self) -> list[tuple[int, int]]:
        """What ``_locate`` answers on every body row of a sheet without merges, where it needs no cell."""
        fixed = []
        for index in range(1, self.width + 1):
            key = self.key_of_col.get(index)
            column = self.found.header.keys.get(key) if key is not None else None
            if column is None:
                continue
            if self.found.text_spans.get(key):
                self._spanned.append(index)
            else:
                fixed.append((index, column))
        return fixed

    def _locate(self, source: int, col: int) -> tuple[int, int] | None:
        """The free-form cell of template column ``col`` on free-form row ``source``."""
        key = self.key_of_col.get(col)
        if key is None:
            return None
        found = self.found
        if source == found.total_row:
            # The JUMLAH label may stand in the No column (the seed merges No and Uraian there).
            if key == "uraian":
                return source, found.total_col
            if key == "no":
                return None
        column = found.header.keys.get(key)
        if column is None:
            return None
        span = found.text_spans.get(key)
        if span:
            column = self._in_span(source, column, span)
        return self._row_merge_anchor(source, column) or (source, column)

    def _in_span(self, row: int, column: int, span: list[int]) -> int:
        """Where in the columns one merged header is over the row's value is: a label in any of them (the first
        filled); a figure after an "Rp" typed in a cell of its own ("Rp | 1.000.000")."""
        if self.key_of_col and column in self.found.number_cols:
            if not is_unit_word(self.sheet.text(row, column)):
                return column
            return next((col for col in span[1:] if self.sheet.text(row, col)), column)
        filled = [col for col in span if self.sheet.text(row, col)]
        # A row's number in the first column of the span ("1 | Kegiatan ..." under one merged "URAIAN"): the
        # label is the text beside it.
        words = [col for col in filled if numbering_rank(self.sheet.text(row, col)) == UNNUMBERED]
        return (words or filled or [column])[0]

    def _row_merge_anchor(self, row: int, col: int) -> tuple[int, int] | None:
        """The anchor of a merge across this row that covers ``col`` (Crystal Reports exports print a figure in
        R18 merged over R18:S18 while the header names S): the figure belongs to the whole merge, so it is read
        where it is shown. Not when the merge spans rows (one figure shown for several lines: N011), nor when
        another mapped column sits in the same merge (then the figure cannot be told to one of them)."""
        anchor = self.sheet.merge_anchor(row, col)
        if anchor is None or anchor[0] != row:
            return None
        if self._merges is None:
            self._merges = {(first_row, first_col): (last_row, last_col) for first_row, first_col, last_row, last_col in self.sheet.merged}
        last_row, last_col = self._merges.get(anchor, (row, col))
        if last_row != row:
            return None
        keys = self.found.header.keys.values()
        return None if any(other != col and anchor[1] <= other <= last_col for other in keys) else anchor

    def value(self, row: int, col: int) -> Any:
        if row == self.header_row:
            return self.found.header.years.get(self.key_of_col.get(col, ""))
        where = self._where(row, col)
        if where is None:
            return None
        raw = self._raw(where)
        return (raw or None) if type(raw) is str and "<" not in raw and col not in self._number_cols else self._shown(raw, col)

    def _raw(self, where: tuple[int, int]) -> Any:
        """The value of a free-form cell of the table (SheetSnapshot.value: its row is on the sheet)."""
        line = self.sheet.values[where[0] - 1]
        return line[where[1] - 1] if where[1] <= len(line) else None

    def _shown(self, value: Any, col: int) -> Any:
        if isinstance(value, str):
            text = cell_text(value)[0] if "<" in value else value
            if self.key_of_col[col] == "no" and _NUMBERED.match(text):
                return int(text.strip().strip(".)("))  # "1." and "1)" number a row like 1
            return text or None
        return value

    def figure(self, row: int, col: int, merged: bool) -> tuple[CellRef | None, tuple[int, int] | None, Any, str | None, str | None]:
        """See SheetSnapshot.figure: the free-form cell found once for all five answers. Asked of every figure
        (100,000 on a 20,000-line table): the sheet's layers are read here, not through a call each."""
        cells = self._rows.get(row)
        if cells is None:
            cells = self._row_cells(row)
        where = cells[col] if 0 < col <= self.width else None
        if where is None:
            return None, None, self.value(row, col), None, None
        sheet = self.sheet
        anchor = sheet.merge_anchor(*where) if merged and sheet.merged else None
        if anchor is not None:
            return sheet.ref(*where), anchor, None, None, None
        line = sheet.values[where[0] - 1]  # as _raw reads it, here without a call
        raw = line[where[1] - 1] if where[1] <= len(line) else None
        # Text outside the No column without markup is shown as it is (see _shown), asked here without a call.
        shown = (raw or None) if type(raw) is str and "<" not in raw and col not in self._number_cols else self._shown(raw, col)
        # The formula as stored (see snapshot.Formulas): model.Field works a deferred one out when a rule reads it.
        return CellRef(sheet.name, *where), None, shown, sheet.number_formats.get(where), dict.get(sheet.formulas, where)

    def label(self, row: int, col: int) -> tuple[CellRef | None, Any, bool]:
        """See SheetSnapshot.label."""
        cells = self._rows.get(row)
        if cells is None:
            cells = self._row_cells(row)
        where = cells[col] if 0 < col <= self.width else None
        if where is None:
            return None, self.value(row, col), False
        sheet = self.sheet
        raw = self._raw(where)
        if type(raw) is str and "<" not in raw and col not in self._number_cols:
            return CellRef(sheet.name, *where), raw or None, where in sheet.bold  # the common label (see figure)
        # Markup says bold only in a text with a tag in it ("<b>JUMLAH</b>"): the others need no reading.
        markup = raw is not None and type(raw) is not float and "<" in (raw if type(raw) is str else str(raw))
        return CellRef(sheet.name, *where), self._shown(raw, col), where in sheet.bold or (markup and cell_text(raw)[1])

    def printed(self, row: int, key: str) -> str:
        """A cell of the table as typed ("1)" where ``value`` gives 1), "" when there is none."""
        col = self._col_of_key.get(key)
        where = self._where(row, col) if col is not None else None
        value = self._raw(where) if where else None
        return value.strip() if isinstance(value, str) else ""

    def formula(self, row: int, col: int) -> str | None:
        where = self._where(row, col)
        return self.sheet.formula(*where) if where else None

    def has_formula(self, row: int, col: int) -> bool:
        if not self.sheet.formulas:
            return False  # pasted tables mostly hold none: asked of every cell of every row
        where = self._where(row, col)
        return self.sheet.has_formula(*where) if where else False

    def number_format(self, row: int, col: int) -> str | None:
        where = self._where(row, col)
        return self.sheet.number_format(*where) if where else None

    def is_bold(self, row: int, col: int) -> bool:
        where = self._where(row, col)
        if where is None:
            return False
        return self.sheet.is_bold(*where) or cell_text(self.sheet.value(*where))[1]

    def ref(self, row: int, col: int) -> CellRef | None:
        where = self._where(row, col)
        return self.sheet.ref(*where) if where else None

    def merge_anchor(self, row: int, col: int) -> tuple[int, int] | None:
        """The free-form cell this one is merged into, if any (see SheetSnapshot.merge_anchor)."""
        where = self._where(row, col)
        return self.sheet.merge_anchor(*where) if where else None
