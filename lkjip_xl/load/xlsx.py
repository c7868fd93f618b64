"""Reading an .xlsx/.xlsm file into a snapshot without re-saving or executing anything.

Values come from python-calamine (fast, cached values). What calamine does not give (formula text, Excel
error values, whether a formula has a cached value at all, number formats, bold) comes from one streaming
pass over each sheet's XML, bounded; a part with a DTD goes through defusedxml.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import io
import posixpath
import re
import string
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import xml.etree.ElementTree as ET

from defusedxml import ElementTree as SafeET

from ..errors import CORRUPT, InputRejected
from ..numbers import CellError, is_percent_format
from ..snapshot import Formulas, Inventory, Oversize, SheetSnapshot, WorkbookSnapshot, a1, column_letter, parse_a1
from ..template.layout import is_output_sheet
from .preflight import LIMITS, Limits

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# The percent formats among the number format ids Excel defines without writing them into styles.xml
# (ECMA-376 18.8.30): the only formats the loader keeps.
_BUILTIN_PERCENT_FORMATS = {9: "0%", 10: "0.00%"}


@dataclass
class SheetEntry:
    name: str
    part: str  # path of the sheet's XML inside the zip
    state: str = "visible"


@dataclass
class StyleTable:
    # per cellXfs index: the number format when it is a percent one (the only kind loaders keep), else None
    percent_formats: list[str | None] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    # per cellXfs index: "date" or "duration" where the number format shows a number as one, else None;
    # asked only for the few cells read apart from python-calamine (``SheetExtras.strays``)
    dates: list[str | None] = field(default_factory=list)


@dataclass
class SheetExtras:
    """What one pass over a sheet's XML found that calamine does not give."""

    formulas: Formulas = field(default_factory=Formulas)
    uncached: set[tuple[int, int]] = field(default_factory=set)  # formulas with no cached value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)  # percent formats only
    bold: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    protected: bool = False
    # A sheet python-calamine would allocate far more for than its cells need (a stray cell at XFD1 or far
    # below the table, a <dimension> tag that claims the whole sheet): the part as calamine is given it
    # (without the stray cells and the tag), and the stray cells, read here. None: the part as it is.
    compact_part: bytes | None = None
    strays: dict[tuple[int, int], Any] = field(default_factory=dict)


class SheetTooLarge(Exception):
    """A sheet past the pre-flight's limits: it is left unread, before python-calamine allocates its grid."""

    def __init__(self, oversize: Oversize) -> None:
        super().__init__(oversize)
        self.oversize = oversize


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _read_xml(archive: zipfile.ZipFile, part: str):
    try:
        with archive.open(part) as handle:
            return SafeET.parse(handle).getroot()
    except KeyError:
        raise InputRejected("corrupt", CORRUPT, detail=f"bagian {part} tidak ada") from None


def workbook_parts(archive: zipfile.ZipFile) -> list[SheetEntry]:
    """The worksheets in workbook order, with their XML part and visibility; not the sheets lkjip-xl itself
    wrote (an annotated copy's summary, the button's marks): they are output, never input."""
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
        if local_name(element.tag) != "sheet":
            continue
        rid = element.get(f"{{{REL_NS}}}id") or element.get(f"{{{STRICT_REL_NS}}}id")
        path, kind = targets.get(rid, (None, ""))
        if path is None or not kind.endswith("/worksheet"):
            continue  # chart sheets and dialog sheets hold no tables
        if is_output_sheet(element.get("name", "")):
            continue
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
        name = local_name(child.tag)
        if name == "numFmts":
            for fmt in child:
                custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        elif name == "fonts":
            for font in child:
                bold = next((f for f in font if local_name(f.tag) == "b"), None)
                fonts_bold.append(bold is not None and bold.get("val", "1") not in ("0", "false"))
        elif name == "cellXfs":
            for xf in child:
                fmt_id = int(xf.get("numFmtId", "0"))
                code = custom.get(fmt_id, _BUILTIN_PERCENT_FORMATS.get(fmt_id))
                table.percent_formats.append(code if code and is_percent_format(code) else None)
                table.dates.append(_date_kind(fmt_id, custom.get(fmt_id)))
                font_id = int(xf.get("fontId", "0"))
                table.bold.append(font_id < len(fonts_bold) and fonts_bold[font_id])
    return table


def _date_kind(fmt_id: int, code: str | None) -> str | None:
    """Whether a number format shows a date (or time) or a duration, as python-calamine tells them."""
    if code is None:
        return "duration" if fmt_id == 46 else "date" if 14 <= fmt_id <= 22 or 45 <= fmt_id <= 47 else None
    plain = re.sub(r'"[^"]*"|\\.|_.|\*.', "", code)  # quoted text, escaped characters, paddings
    if re.search(r"\[(h+|m+|s+)\]", plain, re.I):
        return "duration"
    plain = re.sub(r"\[[^\]]*\]", "", plain)  # colours, conditions, locales
    return "date" if re.search(r"[dmyhs]", plain, re.I) else None


def stray_value(kind: str, text: str | None, style: int | None, styles: StyleTable, shared: list[str]) -> Any:
    """A cell's value as python-calamine gives it, for the few cells read apart from it."""
    if text is None:
        return None
    if kind == "s":
        index = int(text) if text.strip().isdigit() else -1
        return shared[index] if 0 <= index < len(shared) else None
    if kind in ("str", "inlineStr", "e"):
        return text or None
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "d":
        try:
            return dt.datetime.fromisoformat(text.strip())
        except ValueError:
            return text
    try:
        number = float(text)
    except ValueError:
        return None
    dates = styles.dates
    date_kind = dates[style] if style is not None and style < len(dates) else None
    if date_kind == "duration":
        return dt.timedelta(days=number)
    if date_kind == "date":
        if number < 1:
            return (dt.datetime.min + dt.timedelta(days=max(number, 0))).time()
        day = dt.datetime(1899, 12, 31 if number < 61 else 30) + dt.timedelta(days=number)
        return day.date() if number.is_integer() else day
    return number


def read_shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The shared strings table (for the few cells read apart from python-calamine)."""
    try:
        root = _read_xml(archive, "xl/sharedStrings.xml")
    except InputRejected:
        return []
    return ["".join(piece.text or "" for piece in _texts(item)) for item in root if local_name(item.tag) == "si"]


class SharedFormula:
    """A shared formula's master, compiled once so that its text in each cell of its range is cheap.

    The text is what openpyxl's ``Translator`` gives (tests compare the two): the master is split into its
    tokens once, and each relative row or column of its references becomes a slot shifted by the cell's offset.
    A master of plain characters (references, functions, numbers, operators: what a filled-down column holds)
    is split here (``_PLAIN_MASTER``); anything else (quoted text or sheet names, arrays, errors, spaces) goes
    through openpyxl's tokenizer, imported only then (importing openpyxl costs more than the split itself).
    """

    def __init__(self, master: str, origin: tuple[int, int]) -> None:
        self.letter = column_letter
        self.origin = origin
        self.slots: list[tuple[bool, int]] = []  # (is a row, number): the relative parts, shifted per cell
        pieces: list[str] = []
        plain = _plain_tokens(master)
        if plain is not None:
            for is_reference, text in plain:
                pieces.extend(self._range(text) if is_reference else [_literal(text)])
        else:
            from openpyxl.formula.tokenizer import Token, Tokenizer

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
        self.down: str | None = None  # the template with the columns filled in, for cells straight below
        self.down_rows: list[int] = []

    def _slot(self, is_row: bool, number: int) -> str:
        self.slots.append((is_row, number))
        return "{%d}" % (len(self.slots) - 1)

    def _range(self, text: str) -> list[str]:
        """A reference as ``Translator.translate_range`` reads it: literal parts stay, relative rows and columns
        become slots."""

        def row(value: str) -> str:
            return _literal(value) if value.startswith("$") else self._slot(True, int(value))

        def col(value: str) -> str:
            return _literal(value) if value.startswith("$") else self._slot(False, parse_a1(value + "1")[1])

        sheet, bang, reference = text.rpartition("!")
        out = [_literal(sheet + bang)]
        if match := _ROW_RANGE.match(reference):
            out += [row(match.group(1)), ":", row(match.group(2))]
        elif match := _COL_RANGE.match(reference):
            out += [col(match.group(1)), ":", col(match.group(2))]
        elif ":" in reference:
            for index, piece in enumerate(reference.split(":")):
                out += ([":"] if index else []) + self._range(piece)
        elif match := _CELL_REF.match(reference):
            out += [col(match.group(1)), row(match.group(2))]
        else:  # a defined name
            out.append(_literal(reference))
        return out

    def _fill_columns(self) -> None:
        """The template with the column letters written in and the rows left as slots."""
        pieces: list[str] = []
        rows: list[int] = []
        for literal, field_name, _, _ in string.Formatter().parse(self.template):
            pieces.append(_literal(literal))
            if field_name is not None:
                is_row, number = self.slots[int(field_name)]
                if is_row:
                    pieces.append("{%d}" % len(rows))
                    rows.append(number)
                else:
                    pieces.append(self.letter(number))
        self.down, self.down_rows = "".join(pieces), rows

    def check(self, target: tuple[int, int]) -> None:
        """Raise openpyxl's ``TranslatorError`` where a reference would move off the sheet (a corrupt file)."""
        row_delta, col_delta = target[0] - self.origin[0], target[1] - self.origin[1]
        if (self.lowest_row is not None and self.lowest_row + row_delta <= 0) or (
            self.col_span is not None and not (1 <= self.col_span[0] + col_delta and self.col_span[1] + col_delta <= 18278)
        ):
            from openpyxl.formula.translate import TranslatorError

            raise TranslatorError("Formula out of range")

    def at(self, target: tuple[int, int]) -> str:
        self.check(target)
        row_delta, col_delta = target[0] - self.origin[0], target[1] - self.origin[1]
        if col_delta == 0:
            # Filled down, the common case: only the rows move (the column letters are worked out once).
            if self.down is None:
                self._fill_columns()
            return self.down.format(*[number + row_delta for number in self.down_rows])
        letter = self.letter
        return self.template.format(
            *[number + row_delta if is_row else letter(number + col_delta) for is_row, number in self.slots]
        )


class _SharedCell:
    """One cell of a shared formula, its text worked out only if somebody reads it (see ``Formulas``)."""

    __slots__ = ("shared", "position")

    def __init__(self, shared: SharedFormula, position: tuple[int, int]) -> None:
        # A broken file is rejected while loading, like the parser path does. Filled down (same column, below
        # the master: nearly every cell) no reference can move off the sheet: its rows only grow.
        if position[1] != shared.origin[1] or position[0] < shared.origin[0]:
            shared.check(position)
        self.shared, self.position = shared, position

    def text(self) -> str:
        return self.shared.at(self.position)


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


# A reference as openpyxl's Translator tells its parts (the same patterns, matched from the start, to the end).
_ROW_RANGE = re.compile(r"(\$?[1-9][0-9]{0,6}):(\$?[1-9][0-9]{0,6})$")
_COL_RANGE = re.compile(r"(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})$")
_CELL_REF = re.compile(r"(\$?[A-Za-z]{1,3})(\$?[1-9][0-9]{0,6})$")
# A master is split here when it holds only references, names, functions, numbers, operators, text in double
# quotes and sheet names in single quotes: there the tokenizer's rules reduce to "a run of name characters
# (after a quoted sheet name, if any) is an operand, or a function's name before '('". Spaces outside quotes,
# arrays, errors, brackets, semicolons and anything else go to the tokenizer.
_MASTER_PIECE = re.compile(
    r'("(?:[^"]|"")*")'  # text
    r"|((?:'(?:[^']|'')*'[A-Za-z0-9$:._!]*|[A-Za-z0-9$:._!]+))"  # an operand, or a function's name
    r"|([+\-*/^&=<>%(),])"  # an operator, a parenthesis, a separator
)
_SCIENTIFIC = re.compile(r"[1-9](\.[0-9]+)?[Ee]$")  # "1E" before "+5": one number to the tokenizer


def _plain_tokens(master: str) -> list[tuple[bool, str]] | None:
    """The master's pieces as (is an operand, text), joined back the master itself; None when it is not plain
    (``_MASTER_PIECE``), or where the tokenizer would read it otherwise or raise its own errors (a quote right
    after a name, parentheses that do not pair up)."""
    pieces: list[tuple[bool, str]] = []
    position, depth, after_name = 0, 0, False
    while position < len(master):
        match = _MASTER_PIECE.match(master, position)
        if match is None:
            return None
        text, (quoted, name, operator) = match.group(), match.groups()
        position = match.end()
        if name is not None:
            if after_name:
                return None  # a quote after a name: the tokenizer's business
            following = master[position : position + 1]
            if following in ("+", "-") and _SCIENTIFIC.match(name):
                return None
            pieces.append((following != "(", name))  # a function's name is no operand
            after_name = True
            continue
        if quoted is not None and after_name:
            return None
        if operator in ("(", ")"):
            depth += 1 if operator == "(" else -1
            if depth < 0:
                return None
        pieces.append((False, text))
        after_name = False
    return pieces if depth == 0 else None


class _NotPlain(Exception):
    """The part declares a DTD or is not UTF-8: read it through defusedxml instead."""


_XML_DECL_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _utf8_head(data: bytes) -> bytes | None:
    """The start of a part without BOM and leading space, or None when it is not plainly UTF-8 XML
    (no "<" first, or an XML declaration naming another encoding)."""
    head = data[:200].removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if not head.startswith(b"<"):
        return None
    if head.startswith(b"<?xml"):
        declared = _XML_DECL_ENCODING.search(head[: head.find(b"?>")])
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
            return None
    return head


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
            if _utf8_head(chunk) is None:
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
    """One pass over a sheet's XML, bounded by ``limits``: past them ``SheetTooLarge``, before python-calamine
    allocates the sheet's grid.

    A sheet as Excel, LibreOffice or openpyxl write it is scanned at the byte level (``_scan_bytes``);
    anything unusual goes through an XML parser (see ``_plain_events`` for why usually not defusedxml's).
    The pre-flight has bounded the part's size (``Limits.sheet_bytes``) before it is read whole.
    """
    try:
        info = archive.getinfo(part)
    except KeyError:
        raise InputRejected("corrupt", CORRUPT, detail=f"bagian {part} tidak ada") from None
    if info.file_size <= limits.sheet_bytes:
        extras = _scan_bytes(archive.read(part), styles, limits)
        if extras is not None:
            return extras
    try:
        with archive.open(part) as handle:
            return _scan(_plain_events(handle), styles, limits)
    except _NotPlain:
        with archive.open(part) as handle:
            return _scan(SafeET.iterparse(handle, events=("end",)), styles, limits)


# The byte-level scan. Excel, LibreOffice and openpyxl write a worksheet's cells as <c r="B7" s="3" t="e">
# followed directly by <f>, <v> or <is> (or as <c r="B7" .../>), in the default namespace. Where a part has
# exactly that shape, and nothing can hide or fake a cell (no DTD, comment, CDATA, processing instruction,
# namespace prefix or single-quoted attribute; UTF-8), the regex engine picks out the few cells that matter:
# formulas, error values, percent-formatted and bold cells, and the extent of the cells with content.
# Anything else goes through the XML parser (``_scan``); tests hold the two to the same results.
# No pattern may scan past a '<' or '>' more than once (possessive, or a character class without them):
# a hostile part must cost linear time, never quadratic.
_REF = rb'<c r="([A-Z]{1,3})([0-9]{1,7})"'
# A cell whose reference is not its first attribute, or is strange (one pass: each of these over 8 MB costs).
_ODD_CELL_RE = re.compile(rb'<c(?=[\s>/])(?! r="[A-Z]{1,3}[0-9]{1,7}")')
_LOOSE_RE = re.compile(rb">\s+<")  # whitespace between elements: pretty-printed, read by the parser
# A cell with a value, a formula or an inline string; one with an empty <v> counts only for a text result.
_FILLED_RE = re.compile(_REF + rb'[^<>]*+>(?:<f|<is|<v>[^<])')
_EMPTY_VALUE_RE = re.compile(_REF + rb'([^<>]*+)>(?:<v\s*/>|<v></v>)')
# An empty <v> right after a cell's start tag (its last attribute's quote, maybe a space, then ">"): only then
# can _EMPTY_VALUE_RE match. Searched first, since it is quick (a literal start) and nearly always absent.
_EMPTY_VALUE = re.compile(rb'"\s*><v(?:\s*/>|></v>)')
_FORMULA_CELL_RE = re.compile(
    _REF + rb'([^<>]*+)><f(\s[^<>]*?)?(?:/>|>([^<]*)</f>)(?:(<v>)([^<]*)</v>|(<v\s*/>))?(<is)?'
)
_ERROR_CELL_RE = re.compile(
    _REF + rb'(?=[^<>]*?\st="e")[^<>]*+>(?:<f[^<>]*+>(?:[^<]*+</f>)?)?(?:<v>([^<]*)</v>|<v\s*/>)'
)
_MERGE_RE = re.compile(rb'<mergeCell\s[^<>]*?ref\s*=\s*"([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')
_ROW_RE = re.compile(rb"<row[\s>/]")
_ATTR_RE = re.compile(rb'(?<![A-Za-z:])([A-Za-z:]++)\s*+=\s*+"([^"]*+)"')
_TEXT_RESULT = re.compile(rb'\st="str"')
_UNSAFE = (b"<!", b":sheetData", b":c ", b":row")  # "<!": a DTD, entity, comment or CDATA section


def _styled_cells(styles: StyleTable) -> re.Pattern | None:
    """A regex for the cells whose style matters (percent format, bold), or None when no style does."""
    wanted = [
        str(index).encode()
        for index, (code, bold) in enumerate(zip(styles.percent_formats, styles.bold))
        if bold or code
    ]
    if not wanted:
        return None
    return re.compile(_REF + rb'[^<>]*?\ss="(' + b"|".join(wanted) + rb')"')


@lru_cache(maxsize=1024)
def _shared_id(attributes: bytes) -> str | None:
    """The ``si`` of a shared formula's <f> attributes (they repeat cell after cell: cached)."""
    attrs = dict(_ATTR_RE.findall(attributes))
    si = attrs.get(b"si")
    return si.decode("ascii", "replace") if si is not None and attrs.get(b"t") == b"shared" else None


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return html.unescape(text) if "&" in text else text


def _plain_enough(data: bytes) -> bool:
    head = _utf8_head(data)
    if head is None or (head.startswith(b"<?xml") and data.find(b"<?", data.find(b"?>")) >= 0):
        return False
    if any(marker in data for marker in _UNSAFE) or b"='" in data or b"= '" in data:
        return False  # single-quoted attributes (or a formula comparing with a quoted name: rare, parsed)
    body = data[data.find(b"<sheetData") :]
    return not (_LOOSE_RE.search(body) or _ODD_CELL_RE.search(body))


def _scan_bytes(data: bytes, styles: StyleTable, limits: Limits) -> SheetExtras | None:
    """The scan at the byte level, or None when the part is not plain enough for it."""
    if not _plain_enough(data):
        return None
    rows = len(_ROW_RE.findall(data))
    if rows > limits.sheet_rows:
        raise SheetTooLarge(Oversize("rows", rows, limits.sheet_rows))
    columns: dict[bytes, int] = {}

    def column(letters: bytes) -> int:
        number = columns.get(letters)
        if number is None:
            number = columns[letters] = parse_a1(letters.decode() + "1")[1]
        return number

    # The extent of the cells with content is what python-calamine allocates: bound it before it does.
    filled = _FILLED_RE.findall(data)  # (letters, digits) of each cell with content
    if _EMPTY_VALUE.search(data):
        filled += [(letters, digits) for letters, digits, attrs in _EMPTY_VALUE_RE.findall(data) if _TEXT_RESULT.search(attrs)]
    count = len(filled)
    extras = SheetExtras()
    extent = 0
    if filled:
        rows, columns_used = {digits for _, digits in filled}, {letters for letters, _ in filled}
        extent = max(map(int, rows)) * max(map(column, columns_used))
    # Mostly empty: a few cells far out beyond the others would make calamine fill the grid in between.
    sparse = extent > max(SPARSE_FLOOR, SPARSE_RATIO * count)
    claimed = _claimed_extent(data) > max(extent, limits.sheet_cells)  # a <dimension> tag that lies
    if extent > limits.sheet_cells or sparse or claimed:
        strays: set[tuple[int, int]] | None = set()
        if extent > limits.sheet_cells or sparse:
            cells = [(int(digits), column(letters)) for letters, digits in filled]
            # Within what a grid of these cells would take if it were dense; else within the limit.
            strays = _strays(cells, max(SPARSE_FLOOR, SPARSE_RATIO * count)) if sparse else None
            if strays is None and extent > limits.sheet_cells:
                strays = _strays(cells, limits.sheet_cells)
        if strays is None:
            if extent > limits.sheet_cells:
                raise SheetTooLarge(Oversize("cells", extent, limits.sheet_cells))
            strays = set()  # no few cells to blame: the grid, as it is
        if strays or claimed:
            try:
                extras.strays = _stray_values(data, strays)  # their values made once shared strings are read
            except ET.ParseError:
                raise SheetTooLarge(Oversize("cells", extent, limits.sheet_cells)) from None
            extras.compact_part = _compact(data, strays)
    styled = _styled_cells(styles)
    if styled is not None:
        for letters, digits, style in styled.findall(data):
            index = int(style)
            position = (int(digits), column(letters))
            code = styles.percent_formats[index]
            if code:
                extras.number_formats[position] = code
            if styles.bold[index]:
                extras.bold.add(position)
    shared: dict[str, SharedFormula] = {}
    formulas, uncached = extras.formulas, extras.uncached
    known_column = columns.get
    for letters, digits, attrs, f_attrs, text, v_open, value, v_empty, inline in _FORMULA_CELL_RE.findall(data):
        position = (int(digits), known_column(letters) or column(letters))
        formula: str | _SharedCell = _xml_text(text) if text else ""
        shared_id = _shared_id(f_attrs) if f_attrs else None
        if shared_id is not None:
            if formula:
                shared[shared_id] = SharedFormula(formula, position)
            elif shared_id in shared:
                formula = _SharedCell(shared[shared_id], position)
        formulas[position] = formula
        # Nearly every formula has its cached value: its attributes searched only when it has none.
        if not (value or inline) and not ((v_open or v_empty) and _TEXT_RESULT.search(attrs)):
            uncached.add(position)
    for letters, digits, code in _ERROR_CELL_RE.findall(data) if b't="e"' in data else ():
        extras.errors[(int(digits), column(letters))] = _xml_text(code).strip()
    for first, last in _MERGE_RE.findall(data):
        (r1, c1), (r2, c2) = parse_a1(first.decode()), parse_a1(last.decode())
        extras.merged.append((r1, c1, r2, c2))
    extras.protected = b"<sheetProtection" in data
    return extras


# At most this many cells of a sheet are read apart from its grid (see ``_strays``).
MAX_STRAYS = 1_000
# A grid of more cells than this, and more than SPARSE_RATIO times the cells with content, is mostly empty:
# its few far-out cells are read apart (see ``_scan_bytes``).
SPARSE_FLOOR = 200_000
SPARSE_RATIO = 20
_DIMENSION_RE = re.compile(rb'<dimension\s[^<>]*?ref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"')


def _claimed_extent(data: bytes) -> int:
    """The cells the sheet's <dimension> tag claims (python-calamine reserves room for them): 0 without one."""
    head = data[: data.find(b"<sheetData")] if b"<sheetData" in data else b""
    match = _DIMENSION_RE.search(head)
    if match is None:
        return 0
    first = parse_a1((match.group(1) + match.group(2)).decode())
    last = parse_a1(((match.group(3) or match.group(1)) + (match.group(4) or match.group(2))).decode())
    return last[0] * last[1] if first and last else 0


def _strays(cells: list[tuple[int, int]], limit: int) -> set[tuple[int, int]] | None:
    """The fewest cells far out beyond the others (a stray "x" at XFD1, a note at row 1,000,000) whose leaving
    out brings the rest within ``limit`` rows x columns; None when that takes more than ``MAX_STRAYS`` cells.

    Each cut below a row (the last row, then lower ones while at most ``MAX_STRAYS`` cells lie below the cut)
    is tried with the widest column the rows above it may reach."""
    by_row = sorted(cells)
    by_col = sorted(cells, key=lambda cell: -cell[1])
    rows = [row for row, _ in by_row]
    best: set[tuple[int, int]] | None = None
    below = len(by_row)  # by_row[below:] lie below the cut
    while below and len(by_row) - below <= MAX_STRAYS:
        row_cut = rows[below - 1]
        col_cut = limit // row_cut
        wide = []
        for cell in by_col:
            if cell[1] <= col_cut or len(wide) > MAX_STRAYS:
                break
            wide.append(cell)
        strays = set(by_row[below:]).union(wide)
        if len(strays) <= MAX_STRAYS and (best is None or len(strays) < len(best)):
            best = strays
        below = bisect.bisect_left(rows, row_cut)  # the next cut: above this row
    return best


def _compact(data: bytes, strays: set[tuple[int, int]]) -> bytes:
    """The part without its <dimension> tag and without the stray cells (their elements, whole)."""
    start = max(data.find(b"<sheetData"), 0)
    head = re.sub(rb"<dimension\s[^<>]*/>", b"", data[:start])
    return head + (_stray_cells(strays).sub(b"", data[start:]) if strays else data[start:])


def _stray_cells(strays: Iterable[tuple[int, int]]) -> re.Pattern:
    """The elements of these cells, whole, in a part plain enough for the byte scan."""
    refs = b"|".join(re.escape(a1(row, col).encode()) for row, col in strays)
    return re.compile(rb'<c r="(?:' + refs + rb')"(?:[^<>]*/>|[^<>]*>.*?</c>)', re.S)


def _stray_values(data: bytes, strays: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, str | None, int | None]]:
    """Per stray cell: its type, its <v> text or inline string, and its style index."""
    out = {}
    for match in _stray_cells(strays).finditer(data):
        element = ET.fromstring(match.group(0))
        position = parse_a1(element.get("r", ""))
        kind = element.get("t", "n")
        text = None
        for child in element:
            name = local_name(child.tag)
            if name == "v":
                text = child.text
            elif name == "is":
                text = "".join(
                    piece.text or "" for piece in _texts(child)
                )
        style = element.get("s")
        out[position] = (kind, text, int(style) if style and style.isdigit() else None)
    return out


def _texts(element) -> list:
    """The <t> elements of a rich or plain string, not those of its phonetic runs (<rPh>)."""
    found = []
    for child in element:
        name = local_name(child.tag)
        if name == "t":
            found.append(child)
        elif name == "r":
            found.extend(_texts(child))
    return found


def _scan(events: Iterable[tuple[str, Any]], styles: StyleTable, limits: Limits) -> SheetExtras:
    """What calamine does not give, from the end event of each cell (its children are complete then).

    Written for speed, since it runs once per cell: no helper calls per cell, caches for tags, column
    letters and styles.
    """
    extras = SheetExtras()
    shared: dict[str, SharedFormula] = {}
    by_style: dict[str, tuple[str | None, bool] | None] = {}  # style attribute -> (percent format, bold); None: unknown
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
                        (styles.percent_formats[index], styles.bold[index])
                        if index < len(styles.percent_formats)
                        else None
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


def read_values(path: Path, names: Iterable[str], source: Path | io.BytesIO | None = None) -> dict[str, list[list[Any]]]:
    """Every named sheet's values, by python-calamine, from ``path`` or an in-memory copy of it."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path)) if source is None else CalamineWorkbook.from_filelike(source)
    try:
        out = {}
        for name in names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            # calamine gives "" for an empty cell of the grid: None here (only "" equals "").
            out[name] = [[None if value == "" else value for value in row] if "" in row else row for row in rows]
        return out
    finally:
        workbook.close()


def _compact_copy(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> io.BytesIO:
    """The workbook's XML parts, ``parts`` replaced, as a zip in memory: for python-calamine to read those
    sheets from (the file itself is never changed). Other worksheets, media and the like are left out."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            name = info.filename
            if name in parts:
                copy.writestr(name, parts[name])
            elif name.endswith((".xml", ".rels")) and not name.startswith("xl/worksheets/"):
                copy.writestr(name, archive.read(name))
    buffer.seek(0)
    return buffer


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
        compact = {entry.name: entry.part for entry in entries if entry.name in extras and extras[entry.name].compact_part is not None}
        copy = _compact_copy(archive, {part: extras[name].compact_part for name, part in compact.items()}) if compact else None
        shared = read_shared_strings(archive) if any(kind == "s" for name in compact for kind, _, _ in extras[name].strays.values()) else []
    entries = [entry for entry in entries if entry.name in extras]
    inventory.protected_sheets = [entry.name for entry in entries if extras[entry.name].protected]
    values = read_values(path, [entry.name for entry in entries if entry.name not in compact])
    if copy is not None:
        values.update(read_values(path, list(compact), copy))
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
        for (row, col), (kind, text, style) in sheet_extras.strays.items():
            sheet.set_value(row, col, stray_value(kind, text, style, styles, shared))
        for (row, col), code in sheet_extras.errors.items():
            sheet.set_value(row, col, CellError(code))
        snapshot.sheets[entry.name] = sheet
        if sheet_extras.uncached:
            uncached[entry.name] = sheet_extras.uncached
    return snapshot, uncached
