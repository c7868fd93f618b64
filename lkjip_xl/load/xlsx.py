"""Reading an .xlsx/.xlsm file into a snapshot without re-saving or executing anything.

Values come from python-calamine (fast, cached values). What calamine does not give (formula text, Excel
error values, whether a formula has a cached value at all, number formats, bold) comes from one streaming
pass over each sheet's XML, bounded; a part with a DTD goes through defusedxml.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import xml.etree.ElementTree as ET

from defusedxml import ElementTree as SafeET

from ..errors import CORRUPT, InputRejected
from ..numbers import CellError
from ..snapshot import Inventory, Oversize, SheetSnapshot, WorkbookSnapshot, parse_a1
from .preflight import LIMITS, Limits

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Number format ids that Excel defines without writing them into styles.xml (ECMA-376 18.8.30), spelled
# as openpyxl reports them. The currency and accounting ids (5-8, 41-44) depend on the reader's locale.
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}


@dataclass
class SheetEntry:
    name: str
    part: str  # path of the sheet's XML inside the zip
    state: str = "visible"


@dataclass
class StyleTable:
    number_formats: list[str | None] = field(default_factory=list)  # per cellXfs index; None = General
    bold: list[bool] = field(default_factory=list)


@dataclass
class SheetExtras:
    """What one pass over a sheet's XML found that calamine does not give."""

    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    uncached: set[tuple[int, int]] = field(default_factory=set)  # formulas with no cached value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    bold: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    protected: bool = False


class SheetTooLarge(Exception):
    """A sheet past the pre-flight's limits: it is left unread, before python-calamine allocates its grid."""

    def __init__(self, oversize: Oversize) -> None:
        super().__init__(oversize)
        self.oversize = oversize


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _read_xml(archive: zipfile.ZipFile, part: str):
    try:
        with archive.open(part) as handle:
            return SafeET.parse(handle).getroot()
    except KeyError:
        raise InputRejected("corrupt", CORRUPT, detail=f"bagian {part} tidak ada") from None


def workbook_parts(archive: zipfile.ZipFile) -> list[SheetEntry]:
    """The worksheets in workbook order, with their XML part and visibility."""
    root_rels = _read_xml(archive, "_rels/.rels")
    workbook_part = next(
        (rel.get("Target", "").lstrip("/") for rel in root_rels if rel.get("Type", "").endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    base = posixpath.dirname(workbook_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(workbook_part) + ".rels")
    targets = {}
    for rel in _read_xml(archive, rels_part):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        targets[rel.get("Id")] = (path, rel.get("Type", ""))
    sheets = []
    for element in _read_xml(archive, workbook_part).iter():
        if _local(element.tag) != "sheet":
            continue
        rid = element.get(f"{{{REL_NS}}}id") or element.get(f"{{{STRICT_REL_NS}}}id")
        path, kind = targets.get(rid, (None, ""))
        if path is None or not kind.endswith("/worksheet"):
            continue  # chart sheets and dialog sheets hold no tables
        sheets.append(SheetEntry(element.get("name", ""), path, element.get("state", "visible")))
    return sheets


def read_styles(archive: zipfile.ZipFile) -> StyleTable:
    try:
        root = _read_xml(archive, "xl/styles.xml")
    except InputRejected:
        return StyleTable()
    custom = {}
    fonts_bold: list[bool] = []
    table = StyleTable()
    for child in root:
        name = _local(child.tag)
        if name == "numFmts":
            for fmt in child:
                custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        elif name == "fonts":
            for font in child:
                bold = next((f for f in font if _local(f.tag) == "b"), None)
                fonts_bold.append(bold is not None and bold.get("val", "1") not in ("0", "false"))
        elif name == "cellXfs":
            for xf in child:
                fmt_id = int(xf.get("numFmtId", "0"))
                code = custom.get(fmt_id, _BUILTIN_FORMATS.get(fmt_id))
                table.number_formats.append(None if code in (None, "General") else code)
                font_id = int(xf.get("fontId", "0"))
                table.bold.append(font_id < len(fonts_bold) and fonts_bold[font_id])
    return table


class SharedFormula:
    """A shared formula's master, compiled once so that its text in each cell of its range is cheap.

    The text is what openpyxl's ``Translator`` gives (tests compare the two): the master is tokenized once,
    and each relative row or column of its references becomes a slot shifted by the cell's offset.
    Translating per cell with a fresh ``Translator`` re-tokenized the master every time: 70% of the time
    of a 20,000-line Tabel 3.8 saved by Excel, whose columns are filled-down shared formulas.
    """

    def __init__(self, master: str, origin: tuple[int, int]) -> None:
        from openpyxl.formula.tokenizer import Token, Tokenizer
        from openpyxl.utils import get_column_letter

        self.letter = get_column_letter
        self.origin = origin
        self.slots: list[tuple[bool, int]] = []  # (is a row, number): the relative parts, shifted per cell
        pieces: list[str] = []
        for token in Tokenizer("=" + master).items:
            if token.type == Token.OPERAND and token.subtype == Token.RANGE:
                pieces.extend(self._range(token.value))
            else:
                pieces.append(_literal(token.value))
        self.template = "".join(pieces)
        rows = [number for is_row, number in self.slots if is_row]
        cols = [number for is_row, number in self.slots if not is_row]
        self.lowest_row = min(rows, default=None)
        self.col_span = (min(cols), max(cols)) if cols else None

    def _slot(self, is_row: bool, number: int) -> str:
        self.slots.append((is_row, number))
        return "{%d}" % (len(self.slots) - 1)

    def _range(self, text: str) -> list[str]:
        """``Translator.translate_range`` taken apart: literal parts stay, relative rows and columns become slots."""
        from openpyxl.formula.translate import Translator
        from openpyxl.utils import column_index_from_string

        def row(value: str) -> str:
            return _literal(value) if value.startswith("$") else self._slot(True, int(value))

        def col(value: str) -> str:
            return _literal(value) if value.startswith("$") else self._slot(False, column_index_from_string(value))

        sheet, reference = Translator.strip_ws_name(text)
        out = [_literal(sheet)]
        if match := Translator.ROW_RANGE_RE.match(reference):
            out += [row(match.group(1)), ":", row(match.group(2))]
        elif match := Translator.COL_RANGE_RE.match(reference):
            out += [col(match.group(1)), ":", col(match.group(2))]
        elif ":" in reference:
            for index, piece in enumerate(reference.split(":")):
                out += ([":"] if index else []) + self._range(piece)
        elif match := Translator.CELL_REF_RE.match(reference):
            out += [col(match.group(1)), row(match.group(2))]
        else:  # a defined name
            out.append(_literal(reference))
        return out

    def at(self, target: tuple[int, int]) -> str:
        row_delta, col_delta = target[0] - self.origin[0], target[1] - self.origin[1]
        if (self.lowest_row is not None and self.lowest_row + row_delta <= 0) or (
            self.col_span is not None and not (1 <= self.col_span[0] + col_delta and self.col_span[1] + col_delta <= 18278)
        ):
            from openpyxl.formula.translate import TranslatorError

            raise TranslatorError("Formula out of range")
        letter = self.letter
        return self.template.format(
            *[number + row_delta if is_row else letter(number + col_delta) for is_row, number in self.slots]
        )


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


class _NotPlain(Exception):
    """The part declares a DTD or is not UTF-8: read it through defusedxml instead."""


_XML_DECL_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _plain_events(handle) -> Iterable[tuple[str, Any]]:
    """End events from the C parser, for a UTF-8 part without any DTD.

    defusedxml's parser is the pure-Python one and twice as slow. What it protects against lives only in a
    DTD (entity declarations, external entities), and a worksheet from Excel never has one: so a part that
    mentions ``<!DOCTYPE`` or ``<!ENTITY`` anywhere, or whose bytes are not UTF-8 (where that search would be
    unreliable), raises ``_NotPlain`` before any of it is parsed past the point found.
    """
    parser = ET.XMLPullParser(events=("end",))
    tail = b""
    first = True
    while chunk := handle.read(1 << 16):
        if first:
            first = False
            head = chunk.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
            if not head.startswith(b"<"):
                raise _NotPlain
            if head.startswith(b"<?xml"):
                declared = _XML_DECL_ENCODING.search(head[: head.find(b"?>")])
                if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
                    raise _NotPlain
        window = tail + chunk
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise _NotPlain
        tail = chunk[-16:]
        parser.feed(chunk)
        yield from parser.read_events()
    parser.close()
    yield from parser.read_events()


# The elements the scan reads, by local name.
_CELL, _FORMULA, _VALUE, _INLINE, _MERGE, _ROW, _PROTECTION = range(7)
_ELEMENTS = {
    "c": _CELL, "f": _FORMULA, "v": _VALUE, "is": _INLINE, "mergeCell": _MERGE, "row": _ROW,
    "sheetProtection": _PROTECTION,
}
_DIGITS = "0123456789"


def scan_sheet(archive: zipfile.ZipFile, part: str, styles: StyleTable, limits: Limits = LIMITS) -> SheetExtras:
    """One streaming pass over a sheet's XML (see ``_plain_events`` for why it is usually not defusedxml's),
    bounded by ``limits``: past them ``SheetTooLarge``, before python-calamine allocates the sheet's grid."""
    try:
        with archive.open(part) as handle:
            return _scan(_plain_events(handle), styles, limits)
    except KeyError:
        raise InputRejected("corrupt", CORRUPT, detail=f"bagian {part} tidak ada") from None
    except _NotPlain:
        with archive.open(part) as handle:
            return _scan(SafeET.iterparse(handle, events=("end",)), styles, limits)


def _scan(events: Iterable[tuple[str, Any]], styles: StyleTable, limits: Limits) -> SheetExtras:
    """What calamine does not give, from the end event of each cell (its children are complete then).

    Written for speed, since it runs once per cell: no helper calls per cell, caches for tags, column
    letters and styles.
    """
    extras = SheetExtras()
    shared: dict[str, SharedFormula] = {}
    by_style: dict[str, tuple[str | None, bool] | None] = {}  # style attribute -> (format, bold); None: unknown
    columns: dict[str, int] = {}  # column letters -> number
    kinds: dict[str, int | None] = {}  # tag -> what the scan does with it
    rows = 0
    last_row, last_col = 0, 0  # the extent of cells with content: python-calamine's grid
    formats, bold, formulas, uncached, errors = (
        extras.number_formats, extras.bold, extras.formulas, extras.uncached, extras.errors,
    )
    for _, element in events:
        tag = element.tag
        kind = kinds.get(tag, -1)
        if kind == -1:
            kind = kinds[tag] = _ELEMENTS.get(tag.rpartition("}")[2]) if isinstance(tag, str) else None
        if kind == _CELL:
            ref = element.get("r")
            if not ref:
                continue
            letters = ref.rstrip(_DIGITS)
            col = columns.get(letters)
            if col is None:
                col = columns[letters] = parse_a1(letters + "1")[1] if letters.isalpha() else 0
            digits = ref[len(letters):]
            position = (int(digits), col) if col and digits.isdigit() else parse_a1(ref)
            style = element.get("s")
            if position and style is not None:
                known = by_style.get(style, False)
                if known is False:
                    index = int(style)
                    known = by_style[style] = (
                        (styles.number_formats[index], styles.bold[index]) if index < len(styles.number_formats) else None
                    )
                if known is not None:
                    if known[0]:
                        formats[position] = known[0]
                    if known[1]:
                        bold.add(position)
            if not len(element):
                continue  # a style and nothing else
            cell_type = element.get("t", "n")
            has_value = False
            formula = None
            for child in element:
                child_tag = child.tag
                child_kind = kinds.get(child_tag, -1)
                if child_kind == -1:
                    child_kind = kinds[child_tag] = (
                        _ELEMENTS.get(child_tag.rpartition("}")[2]) if isinstance(child_tag, str) else None
                    )
                if child_kind == _VALUE or child_kind == _INLINE:
                    body = child.text or ""
                    has_value = has_value or bool(body) or child_kind == _INLINE or cell_type == "str"
                    if child_kind == _VALUE and cell_type == "e":
                        errors[position] = body.strip()
                elif child_kind == _FORMULA:
                    formula = child.text or ""
                    si = child.get("si")
                    if si is not None and child.get("t") == "shared":
                        if formula:
                            shared[si] = SharedFormula(formula, position)
                        elif si in shared:
                            formula = shared[si].at(position)
            if formula is not None:
                formulas[position] = formula
                if not has_value:
                    uncached.add(position)
            if has_value or formula is not None:
                if position[0] > last_row or position[1] > last_col:
                    last_row, last_col = max(last_row, position[0]), max(last_col, position[1])
                    if last_row * last_col > limits.sheet_cells:
                        raise SheetTooLarge(Oversize("cells", last_row * last_col, limits.sheet_cells))
        elif kind == _ROW:
            rows += 1
            if rows > limits.sheet_rows:
                raise SheetTooLarge(Oversize("rows", rows, limits.sheet_rows))
            element.clear()
        elif kind == _MERGE:
            ref = element.get("ref", "")
            if ":" in ref:
                first, last = ref.split(":", 1)
                (r1, c1), (r2, c2) = parse_a1(first), parse_a1(last)
                extras.merged.append((r1, c1, r2, c2))
        elif kind == _PROTECTION:
            extras.protected = True
    return extras


def _clean(value: Any) -> Any:
    if isinstance(value, str) and value == "":
        return None
    return value


def read_values(path: Path, names: Iterable[str]) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        out = {}
        for name in names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            out[name] = [[_clean(v) for v in row] for row in rows]
        return out
    finally:
        workbook.close()


def read_xlsx(
    path: Path, name: str | None = None, inventory: Inventory | None = None, limits: Limits = LIMITS
) -> tuple[WorkbookSnapshot, dict[str, set[tuple[int, int]]]]:
    """The snapshot of an .xlsx/.xlsm file, and per sheet the formula cells that have no cached value.

    Sheets in ``inventory.oversized_sheets``, and sheets the scan finds too large, are left out.
    """
    inventory = inventory if inventory is not None else Inventory()
    with zipfile.ZipFile(path) as archive:
        entries = [entry for entry in workbook_parts(archive) if entry.name not in inventory.oversized_sheets]
        styles = read_styles(archive)
        extras = {}
        for entry in entries:  # every sheet is scanned, and bounded, before python-calamine reads any
            try:
                extras[entry.name] = scan_sheet(archive, entry.part, styles, limits)
            except SheetTooLarge as error:
                inventory.oversized_sheets[entry.name] = error.oversize
    entries = [entry for entry in entries if entry.name in extras]
    inventory.protected_sheets = [entry.name for entry in entries if extras[entry.name].protected]
    values = read_values(path, [entry.name for entry in entries])
    snapshot = WorkbookSnapshot(name or path.name, inventory=inventory)
    uncached: dict[str, set[tuple[int, int]]] = {}
    for entry in entries:
        sheet_extras = extras[entry.name]
        sheet = SheetSnapshot(
            entry.name,
            values=values.get(entry.name, []),
            formulas=sheet_extras.formulas,
            number_formats=sheet_extras.number_formats,
            bold=sheet_extras.bold,
            merged=sheet_extras.merged,
            visibility=entry.state,
        )
        for (row, col), code in sheet_extras.errors.items():
            sheet.set_value(row, col, CellError(code))
        snapshot.sheets[entry.name] = sheet
        if sheet_extras.uncached:
            uncached[entry.name] = sheet_extras.uncached
    return snapshot, uncached
