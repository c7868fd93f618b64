"""Excel for the tests, on Linux: a workbook model that feeds xlwings' remote engine and applies what it is told.

xlwings' remote engine (``xw.Book(json=payload)``) runs the real Book/Sheet/Range code without Excel: it reads
values from a payload and records every write as an action (``book.json()``), the list Excel would carry out.
This model plays the Excel side:

- ``payload()`` shows the workbook as Excel's client sends it: shown values from A1, which cells have notes;
- ``apply(actions)`` carries out the actions the way Excel does, and refuses what Excel would do wrong for us
  (a text such as "=..." or "93,33%" written into a cell that is not formatted as Text would become a formula
  or a number), so a writer that forgets the Text format fails here;
- ``live()`` is the ``LiveBook`` the button uses, with the reads the remote engine cannot do (formulas, number
  formats, bold, fills, note text) answered from this model, as desktop Excel would answer them; it counts the
  button's calls into Excel;
- ``press_remote()`` is a click where Excel answers nothing but the payload (Excel on the web, xlwings Server).

A model is built from a real .xlsx: formulas, formats, fonts, fills and notes from the file as saved, and the
shown values from a LibreOffice round trip of it (LibreOffice calculates the formulas, as Excel would).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from lkjip_xl.excel.live import Box, LiveBook, Pos
from lkjip_xl.snapshot import column_letter, parse_a1

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # xlwings PRO's remote engine, PolyForm Noncommercial


@dataclass
class SheetModel:
    name: str
    values: dict[Pos, Any] = field(default_factory=dict)
    formulas: dict[Pos, str] = field(default_factory=dict)  # with the leading "="
    number_formats: dict[Pos, str] = field(default_factory=dict)
    bold: set[Pos] = field(default_factory=set)
    fills: dict[Pos, str] = field(default_factory=dict)  # "#rrggbb"
    notes: dict[Pos, str] = field(default_factory=dict)
    font_colors: dict[Pos, str] = field(default_factory=dict)
    column_widths: dict[int, float] = field(default_factory=dict)
    frozen: str | None = None
    visible: bool = True
    protected: bool = False  # Excel refuses fills and notes on it

    def extent(self) -> tuple[int, int]:
        cells = [pos for pos, value in self.values.items() if value is not None] + list(self.formulas)
        return max((r for r, _ in cells), default=1), max((c for _, c in cells), default=1)

    def value(self, row: int, col: int) -> Any:
        return self.values.get((row, col))


def _box(action: dict) -> Box:
    top, left = action["start_row"] + 1, action["start_column"] + 1
    return top, left, top + action["row_count"] - 1, left + action["column_count"] - 1


def _cells(box: Box):
    top, left, bottom, right = box
    return [(row, col) for row in range(top, bottom + 1) for col in range(left, right + 1)]


def _json_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    return value


_HYPERLINK = re.compile(r'^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$')
_ROW = re.compile(r"^=(ROW|COLUMN)\((?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)\)$")
_LOOKS_NUMERIC = re.compile(r"^[\s+-]*(?:Rp\s*)?[\d.,]+\s*%?$")


class ExcelDouble:
    def __init__(self, name: str, sheets: list[SheetModel]) -> None:
        self.name = name
        self.sheets = sheets
        self.active = 0
        self.alerts: list[list[Any]] = []
        self.applied: list[dict] = []
        self.calls: dict[str, int] = {}

    @classmethod
    def from_workbook(cls, saved: Path, computed: Path, name: str | None = None) -> ExcelDouble:
        """``saved``: the file as typed (formulas, formats); ``computed``: the same after LibreOffice calculated it."""
        source = openpyxl.load_workbook(saved)
        shown = openpyxl.load_workbook(computed, data_only=True)
        sheets = []
        for ws in source.worksheets:
            model = SheetModel(ws.title, visible=ws.sheet_state == "visible")
            values = shown[ws.title]
            for row in ws.iter_rows():
                for cell in row:
                    pos = (cell.row, cell.column)
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        model.formulas[pos] = cell.value
                    value = values.cell(*pos).value
                    if value is not None and value != "":
                        model.values[pos] = value
                    if cell.number_format and cell.number_format != "General":
                        model.number_formats[pos] = cell.number_format
                    if cell.font is not None and cell.font.b:
                        model.bold.add(pos)
                    color = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None
                    if isinstance(color, str):
                        model.fills[pos] = "#" + color[-6:].lower()
                    if cell.comment is not None:
                        model.notes[pos] = cell.comment.text
            sheets.append(model)
        return cls(name or saved.name, sheets)

    def sheet(self, name: str) -> SheetModel:
        return next(sheet for sheet in self.sheets if sheet.name.casefold() == name.casefold())

    def has_sheet(self, name: str) -> bool:
        return any(sheet.name.casefold() == name.casefold() for sheet in self.sheets)

    # -- what the remote engine reads ------------------------------------------------------------------

    def payload(self) -> dict:
        import xlwings as xw

        sheets = []
        for sheet in self.sheets:
            rows, cols = sheet.extent()
            values = [[_json_value(sheet.value(r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]
            sheets.append(
                {
                    "name": sheet.name,
                    "values": values,
                    "visibility": "Visible" if sheet.visible else "Hidden",
                    "notes": [{"address": f"${column_letter(c)}${r}"} for r, c in sorted(sheet.notes)],
                    "pictures": [],
                    "shapes": [],
                    "charts": [],
                    "tables": [],
                }
            )
        return {
            "client": "Office.js",
            "version": xw.__version__,
            "book": {"name": self.name, "active_sheet_index": self.active, "selection": "A1"},
            "names": [],
            "sheets": sheets,
        }

    def book(self):
        import xlwings as xw

        return xw.Book(json=self.payload())

    def live(self) -> DoubleLiveBook:
        return DoubleLiveBook(self.book(), self)

    def press(self):
        """One click on Validasi: ``lkjip_xl.main()`` on this workbook, then carry out what it asked Excel to do."""
        import lkjip_xl

        live = self.live()
        outcome = lkjip_xl.main(live)
        self.apply(live.book.json()["actions"])
        self.calls = live.calls  # the click's calls into Excel, per LiveBook method
        return outcome

    def press_remote(self):
        """One click where Excel sends only its payload (Excel on the web, xlwings Server): ``lkjip_xl.main()`` on
        the bare remote engine, which reads nothing but ``payload()``; then carry out the actions it sends back."""
        import lkjip_xl

        book = self.book()
        outcome = lkjip_xl.main(book)
        self.apply(book.json()["actions"])
        return outcome

    # -- what Excel does with the actions ---------------------------------------------------------------

    def apply(self, actions: list[dict]) -> None:
        for action in actions:
            self.applied.append(action)
            handler = getattr(self, "_do_" + action["func"], None)
            assert handler is not None, f"the Excel double does not know the action {action['func']!r}"
            handler(action)

    def _at(self, action: dict) -> SheetModel:
        return self.sheets[action["sheet_position"]]

    def _do_setScreenUpdating(self, action: dict) -> None:
        pass

    def _do_calculate(self, action: dict) -> None:
        pass  # the model's values are the calculated ones

    def _do_alert(self, action: dict) -> None:
        self.alerts.append(action["args"])

    def _do_addSheet(self, action: dict) -> None:
        index, name = action["args"]
        assert not self.has_sheet(name), f"Excel refuses a second sheet named {name!r}"
        self.sheets.insert(index, SheetModel(name))
        self.active = index

    def _do_sheetDelete(self, action: dict) -> None:
        del self.sheets[action["sheet_position"]]
        self.active = min(self.active, len(self.sheets) - 1)

    def _do_activateSheet(self, action: dict) -> None:
        self.active = action["args"][0]

    def _do_setSheetVisibility(self, action: dict) -> None:
        self._at(action).visible = action["args"][0] == "Visible"

    def _do_freezePaneAtRange(self, action: dict) -> None:
        self._at(action).frozen = action["args"][0]

    def _do_setColumnWidth(self, action: dict) -> None:
        _, left, _, right = _box(action)
        for col in range(left, right + 1):
            self._at(action).column_widths[col] = action["args"][0]

    def _do_setNumberFormat(self, action: dict) -> None:
        sheet = self._at(action)
        for pos in _cells(_box(action)):
            sheet.number_formats[pos] = action["args"][0]

    def _do_setFontProperty(self, action: dict) -> None:
        sheet = self._at(action)
        attribute, value = action["args"]
        for pos in _cells(_box(action)):
            if attribute == "bold":
                (sheet.bold.add if value else sheet.bold.discard)(pos)
            elif attribute == "color":
                sheet.font_colors[pos] = value
            else:
                raise AssertionError(f"font property {attribute!r}")

    def _do_setRangeColor(self, action: dict) -> None:
        sheet = self._at(action)
        for pos in _cells(_box(action)):
            if action["args"][0] is None:
                sheet.fills.pop(pos, None)
            else:
                sheet.fills[pos] = action["args"][0].lower()

    def _do_addNote(self, action: dict) -> None:
        sheet = self._at(action)
        address, text = action["args"]
        pos = parse_a1(address)
        assert pos not in sheet.notes, f"Excel cannot add a second note to {sheet.name}!{address}"
        sheet.notes[pos] = text

    def _do_deleteNote(self, action: dict) -> None:
        sheet = self._at(action)
        pos = parse_a1(action["args"][0])
        assert pos in sheet.notes, f"no note to delete at {sheet.name}!{action['args'][0]}"
        del sheet.notes[pos]

    def _do_setValues(self, action: dict) -> None:
        sheet = self._at(action)
        top, left, _, _ = _box(action)
        for r, row in enumerate(action["values"]):
            for c, value in enumerate(row):
                pos = (top + r, left + c)
                sheet.formulas.pop(pos, None)
                if value in ("", None):
                    sheet.values.pop(pos, None)
                    continue
                assert not (isinstance(value, str) and len(value) > 32_767), "Excel takes 32,767 characters a cell"
                if isinstance(value, str) and sheet.number_formats.get(pos) != "@":
                    excel_would_convert = value[:1] in "=+-@" or _LOOKS_NUMERIC.match(value)
                    assert not excel_would_convert, f"Excel would not keep {value!r} as text in {sheet.name}!{pos}"
                sheet.values[pos] = value

    def _do_setFormula(self, action: dict) -> None:
        sheet = self._at(action)
        top, left, _, _ = _box(action)
        for r, row in enumerate(action["values"]):
            for c, formula in enumerate(row):
                pos = (top + r, left + c)
                assert sheet.number_formats.get(pos) != "@", f"a formula written into a Text cell stays text: {pos}"
                sheet.formulas[pos] = formula
                sheet.values[pos] = self._evaluate(formula)

    def _evaluate(self, formula: str) -> Any:
        """The two kinds of formula the add-in writes: a link (shows its text) and a recorded cell (its row)."""
        if match := _HYPERLINK.match(formula):
            return match.group(1).replace('""', '"')
        if match := _ROW.match(formula):
            return int(match.group(5)) if match.group(1) == "ROW" else parse_a1(f"{match.group(4)}1")[1]
        raise AssertionError(f"the Excel double cannot evaluate {formula!r}")

    # -- what an officer does between two clicks -----------------------------------------------------------

    def type(self, sheet: str, address: str, value: Any) -> None:
        model = self.sheet(sheet)
        pos = parse_a1(address)
        model.formulas.pop(pos, None)
        model.values[pos] = value

    def insert_rows(self, sheet: str, before: int, count: int = 1) -> None:
        """Insert empty rows: cells move down with their fills and notes; references to them follow (as in Excel)."""
        model = self.sheet(sheet)

        def moved(layer: dict | set):
            def shift(pos: Pos) -> Pos:
                return (pos[0] + count, pos[1]) if pos[0] >= before else pos

            return {shift(pos) for pos in layer} if isinstance(layer, set) else {shift(p): v for p, v in layer.items()}

        for name in ("values", "formulas", "number_formats", "fills", "notes", "font_colors", "bold"):
            setattr(model, name, moved(getattr(model, name)))
        for other in self.sheets:
            for pos, formula in other.formulas.items():
                match = _ROW.match(formula)
                if match and (match.group(2) or match.group(3)).replace("''", "'") == model.name:
                    row = int(match.group(5))
                    if row >= before:
                        other.formulas[pos] = formula[: match.start(5)] + str(row + count) + formula[match.end(5) :]
                        if match.group(1) == "ROW":
                            other.values[pos] = row + count


class DoubleLiveBook(LiveBook):
    """The button's view of the workbook: remote engine for values and writes, the model for desktop-only reads."""

    def __init__(self, book: Any, excel: ExcelDouble) -> None:
        super().__init__(book)
        self.excel = excel
        self.calls: dict[str, int] = {}  # per LiveBook method: the calls the button made (see _counted)
        self._depth = 0

    @property
    def round_trips(self) -> int:
        """Requests to Excel: every call the button makes into the LiveBook (each is one COM/AppleScript request,
        but for ``sheet_names``, which walks the sheets)."""
        return sum(self.calls.values())

    def formulas(self, sheet: str, box: Box) -> list[list[str]]:
        model = self.excel.sheet(sheet)
        top, left, bottom, right = box
        return [
            [model.formulas.get((r, c)) or _as_text(model.value(r, c)) for c in range(left, right + 1)]
            for r in range(top, bottom + 1)
        ]

    def number_format(self, sheet: str, box: Box) -> str | None:
        model = self.excel.sheet(sheet)
        found = {model.number_formats.get(pos, "General") for pos in _cells(box)}
        return found.pop() if len(found) == 1 else None

    def bold(self, sheet: str, box: Box) -> bool | None:
        model = self.excel.sheet(sheet)
        found = {pos in model.bold for pos in _cells(box)}
        return found.pop() if len(found) == 1 else None

    def _cell(self, sheet: str, row: int, col: int) -> Any:
        if self.excel.sheet(sheet).protected:  # what pywin32 raises for a change to a protected sheet
            raise RuntimeError(-2146827284, "The cell or chart you're trying to change is on a protected sheet.")
        return super()._cell(sheet, row, col)

    def fill(self, sheet: str, row: int, col: int) -> str | None:
        return self.excel.sheet(sheet).fills.get((row, col))

    def note_text(self, sheet: str, row: int, col: int) -> str | None:
        return self.excel.sheet(sheet).notes.get((row, col))

    def has_note(self, sheet: str, row: int, col: int) -> bool:
        return (row, col) in self.excel.sheet(sheet).notes


def _counted(name: str):
    """A LiveBook method that counts the button's calls to it; calls it makes into the LiveBook itself (such as
    ``find_sheet`` reading the sheet names) belong to the outer call."""
    method = getattr(DoubleLiveBook, name)

    def call(self: DoubleLiveBook, *args: Any, **kwargs: Any) -> Any:
        if self._depth == 0:
            self.calls[name] = self.calls.get(name, 0) + 1
        self._depth += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._depth -= 1

    return call


for _name, _member in vars(LiveBook).items():
    if callable(_member) and not _name.startswith("_"):
        setattr(DoubleLiveBook, _name, _counted(_name))


def _as_text(value: Any) -> str:
    """A constant as Excel's ``Formula`` property shows it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
