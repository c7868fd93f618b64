"""The workbook in a running Excel, through xlwings: every read and write the button needs, one method each.

Each call here is a round trip to Excel, so callers ask for whole blocks (one ``values`` per sheet chunk, one
format per run of cells), never cell by cell where a block will do.

Excel on Windows and macOS answers everything. xlwings' remote engine (xlwings Server and Office.js, and what
the tests drive on Linux) answers values, which cells have notes, and takes every write; it cannot read
formulas, number formats, fonts, fills or note text (those raise ``NotImplementedError`` there). Callers note
what could not be read in an ``Unread`` and go on with what could.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

Box = tuple[int, int, int, int]  # top, left, bottom, right: 1-based, inclusive
Pos = tuple[int, int]
Method = TypeVar("Method", bound=Callable[..., Any])


class ExcelRefused(Exception):
    """Excel would not make a change, typically to a protected sheet."""


@dataclass
class Unread:
    """What the engine could not tell about the workbook: each read it answered with ``NotImplementedError``."""

    formulas: bool = False
    number_formats: bool = False
    bold: bool = False
    fills: bool = False
    note_texts: bool = False
    notes: bool = False  # not a read: the client cannot add notes at all (Office.js before ExcelApi 1.18)
    calculation: bool = False  # manual calculation, and the engine calculates only after the button is done

    def ask(self, what: str, read: Callable[[], Any], otherwise: Any = None) -> Any:
        """``read()``, or ``otherwise`` when the engine cannot answer it (noted, and never asked again)."""
        if getattr(self, what):
            return otherwise
        try:
            return read()
        except NotImplementedError:
            setattr(self, what, True)
            return otherwise

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))


def _refusable(method: Method) -> Method:
    """Turn whatever error the engine raises for a refused write (COM, AppleScript) into ``ExcelRefused``."""

    @functools.wraps(method)
    def write(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except NotImplementedError:
            raise
        except Exception as error:  # pywintypes.com_error and appscript's errors share no narrower base
            raise ExcelRefused(str(error)) from error

    return write  # type: ignore[return-value]


def boxes(cells: Iterable[Pos]) -> list[Box]:
    """Rectangles covering exactly ``cells``: runs along each row, stacked where consecutive rows match."""
    by_row: dict[int, list[int]] = {}
    for row, col in cells:
        by_row.setdefault(row, []).append(col)
    runs: list[Box] = []
    for row in sorted(by_row):
        cols = sorted(set(by_row[row]))
        start = previous = cols[0]
        for col in cols[1:] + [None]:
            if col is not None and col == previous + 1:
                previous = col
                continue
            runs.append((row, start, row, previous))
            if col is not None:
                start = previous = col
    merged: list[Box] = []
    for top, left, bottom, right in runs:
        for index, (t, l, b, r) in enumerate(merged):
            if (l, r) == (left, right) and b == top - 1:
                merged[index] = (t, l, bottom, r)
                break
        else:
            merged.append((top, left, bottom, right))
    return merged


def _grid(answer: Any, rows: int, cols: int) -> list[list[Any]]:
    """An answer for a block as rows of cells, whatever shape the engine gave it (a scalar for one cell)."""
    if rows == 1 and cols == 1 and not isinstance(answer, (list, tuple)):
        return [[answer]]
    answer = list(answer)
    if answer and not isinstance(answer[0], (list, tuple)):
        return [answer] if rows == 1 else [[item] for item in answer]
    return [list(row) for row in answer]


def hex_color(rgb: tuple[int, int, int] | None) -> str | None:
    return None if rgb is None else "#{:02x}{:02x}{:02x}".format(*rgb)


class LiveBook:
    """One open workbook (an ``xlwings.Book``): what the button reads from it and writes to it."""

    def __init__(self, book: Any) -> None:
        self.book = book

    @property
    def name(self) -> str:
        return self.book.name

    # -- sheets --------------------------------------------------------------------------------------

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def find_sheet(self, name: str) -> str | None:
        """The sheet's name as the workbook spells it (Excel compares sheet names without case)."""
        folded = name.casefold()
        return next((sheet for sheet in self.sheet_names() if sheet.casefold() == folded), None)

    def is_visible(self, sheet: str) -> bool:
        return bool(self.book.sheets[sheet].visible)

    def add_sheet(self, name: str) -> None:
        """A new sheet after the last one."""
        sheets = self.book.sheets
        sheets.add(name, after=sheets[len(sheets) - 1])

    def delete_sheet(self, sheet: str) -> None:
        self.book.sheets[sheet].delete()

    def hide_sheet(self, sheet: str) -> None:
        self.book.sheets[sheet].visible = False

    def activate(self, sheet: str) -> None:
        self.book.sheets[sheet].activate()

    def freeze_rows(self, sheet: str, rows: int) -> None:
        self.book.sheets[sheet].freeze_panes.freeze_at(f"1:{rows}")

    def set_column_width(self, sheet: str, col: int, width: float) -> None:
        self.book.sheets[sheet].range((1, col)).column_width = width

    # -- reading blocks ------------------------------------------------------------------------------

    def _range(self, sheet: str, box: Box) -> Any:
        top, left, bottom, right = box
        return self.book.sheets[sheet].range((top, left), (bottom, right))

    def extent(self, sheet: str) -> tuple[int, int]:
        """Rows and columns from A1 to the last used cell."""
        last = self.book.sheets[sheet].used_range.last_cell
        return last.row, last.column

    def values(self, sheet: str, box: Box) -> list[list[Any]]:
        """The shown values of a block; Excel error values come back as their text (``#DIV/0!``)."""
        top, left, bottom, right = box
        answer = self._range(sheet, box).options(ndim=2, err_to_str=True).value
        return _grid(answer, bottom - top + 1, right - left + 1)

    def formulas(self, sheet: str, box: Box) -> list[list[str]]:
        """Each cell's formula text (``=SUM(E9:E12)``), or its constant as text. Desktop Excel only."""
        top, left, bottom, right = box
        return _grid(self._range(sheet, box).formula, bottom - top + 1, right - left + 1)

    def number_format(self, sheet: str, box: Box) -> str | None:
        """The block's number format; ``None`` when its cells differ. Desktop Excel only."""
        answer = self._range(sheet, box).number_format
        return answer if isinstance(answer, str) else None

    def bold(self, sheet: str, box: Box) -> bool | None:
        """Whether the block is bold; ``None`` when its cells differ. Desktop Excel only."""
        answer = self._range(sheet, box).font.bold
        return answer if isinstance(answer, bool) else None

    def _cell(self, sheet: str, row: int, col: int) -> Any:
        return self.book.sheets[sheet].range((row, col))

    def fill(self, sheet: str, row: int, col: int) -> str | None:
        """The cell's fill colour as ``#rrggbb``, ``None`` for no fill. Desktop Excel only."""
        return hex_color(self._cell(sheet, row, col).color)

    def note_text(self, sheet: str, row: int, col: int) -> str | None:
        """The cell's note, ``None`` when it has none. Desktop Excel only (remote knows only that one exists)."""
        note = self._cell(sheet, row, col).note
        return None if note is None else note.text

    def has_note(self, sheet: str, row: int, col: int) -> bool:
        """Whether the cell has a note (every engine knows that much)."""
        return self._cell(sheet, row, col).note is not None

    # -- writing -------------------------------------------------------------------------------------

    def write_values(self, sheet: str, top: int, left: int, rows: list[list[Any]]) -> None:
        self.book.sheets[sheet].range((top, left)).value = rows

    def write_formulas(self, sheet: str, box: Box, rows: list[list[str]]) -> None:
        self._range(sheet, box).formula = rows

    def set_number_format(self, sheet: str, box: Box, number_format: str) -> None:
        self._range(sheet, box).number_format = number_format

    def set_bold(self, sheet: str, box: Box) -> None:
        self._range(sheet, box).font.bold = True

    def set_font_color(self, sheet: str, box: Box, color: str) -> None:
        self._range(sheet, box).font.color = color

    @_refusable
    def set_fill(self, sheet: str, row: int, col: int, color: str | None) -> None:
        self._cell(sheet, row, col).color = color

    @_refusable
    def add_note(self, sheet: str, row: int, col: int, text: str) -> None:
        self._cell(sheet, row, col).add_note(text)

    @_refusable
    def delete_note(self, sheet: str, row: int, col: int) -> None:
        note = self._cell(sheet, row, col).note
        if note is not None:
            note.delete()

    # -- the application -----------------------------------------------------------------------------

    def alert(self, text: str, title: str, critical: bool = False) -> None:
        self.book.app.alert(text, title=title, mode="critical" if critical else "info")

    def screen_updating(self, on: bool) -> None:
        self.book.app.screen_updating = on

    def recalculate_if_manual(self) -> bool:
        """In manual calculation mode the shown values may be stale: calculate before reading them. False when
        they may still be: the remote engine's client calculates only after the button is done (its values
        came with the click)."""
        try:
            manual = self.book.app.calculation == "manual"
        except NotImplementedError:  # remote clients that do not send the mode
            return True
        if manual:
            self.book.app.calculate()
            return self.book.app.engine.name != "remote"
        return True
