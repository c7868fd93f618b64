"""Reading an .xlsx/.xlsm file into a snapshot without re-saving or executing anything.

Values come from python-calamine (fast, cached values). What calamine does not give (formula text, Excel
error values, whether a formula has a cached value at all, number formats, bold) comes from one streaming
pass over each sheet's XML, bounded and DTD-free (defusedxml).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

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

# Number format ids that Excel defines without writing them into styles.xml (ECMA-376 18.8.30), the
# ones that matter here: percentages, and General.
_BUILTIN_FORMATS = {0: "General", 9: "0%", 10: "0.00%", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}


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


_SHARED = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def _shift_formula(master: str, origin: tuple[int, int], target: tuple[int, int]) -> str:
    """A shared formula's text as it reads in another cell of its range."""
    from openpyxl.formula.translate import Translator
    from ..snapshot import a1

    return Translator("=" + master, origin=a1(*origin)).translate_formula(a1(*target))[1:]


def scan_sheet(archive: zipfile.ZipFile, part: str, styles: StyleTable, limits: Limits = LIMITS) -> SheetExtras:
    extras = SheetExtras()
    rows = 0
    last_row, last_col = 0, 0  # the extent of cells with content: python-calamine's grid
    shared_masters: dict[str, tuple[str, tuple[int, int]]] = {}
    try:
        handle = archive.open(part)
    except KeyError:
        raise InputRejected("corrupt", CORRUPT, detail=f"bagian {part} tidak ada") from None
    with handle:
        position: tuple[int, int] | None = None
        cell_type = ""
        has_value = False
        formula: str | None = None
        for event, element in SafeET.iterparse(handle, events=("start", "end")):
            name = _local(element.tag)
            if event == "start":
                if name == "row":
                    rows += 1
                    if rows > limits.sheet_rows:
                        raise SheetTooLarge(Oversize("rows", rows, limits.sheet_rows))
                elif name == "c":
                    ref = element.get("r")
                    position = parse_a1(ref) if ref else None
                    cell_type = element.get("t", "n")
                    has_value = False
                    formula = None
                    style = element.get("s")
                    if position and style is not None:
                        index = int(style)
                        if index < len(styles.number_formats):
                            code = styles.number_formats[index]
                            if code:
                                extras.number_formats[position] = code
                            if styles.bold[index]:
                                extras.bold.add(position)
                continue
            if name == "f" and position is not None:
                text = element.text or ""
                si = element.get("si")
                if element.get("t") == "shared" and si is not None:
                    if text:
                        shared_masters[si] = (text, position)
                    elif si in shared_masters:
                        master, origin = shared_masters[si]
                        text = _shift_formula(master, origin, position)
                formula = text
            elif name in ("v", "is"):
                has_value = has_value or bool(element.text) or name == "is" or cell_type == "str"
                if name == "v" and cell_type == "e" and position is not None:
                    extras.errors[position] = (element.text or "").strip()
            elif name == "c":
                if position is not None and formula is not None:
                    extras.formulas[position] = formula
                    if not has_value:
                        extras.uncached.add(position)
                if position is not None and (has_value or formula is not None):
                    last_row, last_col = max(last_row, position[0]), max(last_col, position[1])
                    if last_row * last_col > limits.sheet_cells:
                        raise SheetTooLarge(Oversize("cells", last_row * last_col, limits.sheet_cells))
                position = None
                element.clear()
            elif name == "mergeCell":
                ref = element.get("ref", "")
                if ":" in ref:
                    start, end = ref.split(":", 1)
                    (r1, c1), (r2, c2) = parse_a1(start), parse_a1(end)
                    extras.merged.append((r1, c1, r2, c2))
            elif name == "row":
                element.clear()
            elif name == "sheetProtection":
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
