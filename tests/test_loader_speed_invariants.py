"""What the fast loader must keep: the same results as openpyxl, and no heavy import a workbook does not need.

Speed itself is measured by bench/run.py against openpyxl in the same run, never here.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from defusedxml.common import EntitiesForbidden
from openpyxl import Workbook, load_workbook
from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.styles import Font
from openpyxl.worksheet.formula import ArrayFormula

from batch_fixtures import workbook_bytes
from conftest import EXAMPLE
from lkjip_xl.errors import InputRejected
from lkjip_xl.load import load_file
from lkjip_xl.load.xlsx import SharedFormula, SheetExtras, read_styles, read_xlsx, scan_sheet, workbook_parts
from lkjip_xl.numbers import CellError, is_percent_format

IMPORTS = """
import json, sys
from lkjip_xl.cli import cli
try:
    cli(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "formulas": "formulas" in sys.modules, "xlwings": "xlwings" in sys.modules,
                  "openpyxl": "openpyxl" in sys.modules}), file=sys.stderr)
"""


def imports_after(*args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", IMPORTS, *args], capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_a_workbook_with_cached_values_never_loads_the_formula_engine(tmp_path):
    cached = tmp_path / "tersimpan.xlsx"
    cached.write_bytes(workbook_bytes(seed=3, error_rate=0.15))
    with zipfile.ZipFile(cached) as archive:  # Excel-style shared formulas, text in quotes and quoted sheet names
        sheets = b"".join(archive.read(name) for name in archive.namelist() if "worksheets" in name)
        assert b't="shared"' in sheets and b"\"\"" in sheets and b"'Pengaturan'!" in sheets
    seen = imports_after("validate", str(cached), "--format", "json")
    # Not even openpyxl: the shared formulas' masters are split without its tokenizer.
    assert seen == {"code": 1, "formulas": False, "xlwings": False, "openpyxl": False}


def test_a_workbook_without_cached_values_does_load_it():
    # The example was saved by openpyxl: the same check, failing as it should.
    seen = imports_after("validate", str(EXAMPLE), "--format", "json")
    assert seen["formulas"] is True and seen["xlwings"] is False


def test_batch_never_imports_xlwings(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(workbook_bytes(seed=1))
    seen = imports_after("batch", str(tmp_path), "--jobs", "1")
    assert {key: seen[key] for key in ("code", "formulas", "xlwings")} == {"code": 0, "formulas": False, "xlwings": False}


# -- the same results as openpyxl ---------------------------------------------------------------------


def openpyxl_workbook(path: Path) -> Path:
    """Formulas (relative, absolute, other sheets, an array formula), error values, formats and bold."""
    workbook = Workbook()
    data = workbook.active
    data.title = "Data"
    data["A1"] = "Judul"
    data["A1"].font = Font(bold=True)
    data["B1"] = "biasa"
    data["B1"].font = Font(bold=False)
    for row in range(2, 8):
        data.cell(row, 1, row * 1000).number_format = '"Rp "#,##0'
        data.cell(row, 2, f"=A{row}*2+$A$2").number_format = "0.00%"
        data.cell(row, 3, f"=SUM(A$2:A{row})/Lain!B2").number_format = "#,##0.00"
    data["D2"] = "#DIV/0!"
    data["D3"] = "#N/A"
    data["E2"] = ArrayFormula("E2:E3", "=A2:A3*2")
    data.merge_cells("F1:G2")
    other = workbook.create_sheet("Lain")
    other["B2"] = "=Data!A2+1"
    other["B3"] = 0.25
    other["B3"].number_format = "0%"
    workbook.save(path)
    return path


def assert_same_as_openpyxl(path: Path) -> None:
    snapshot, _ = read_xlsx(path)
    # Read-only mode: the normal mode drops the style of cells covered by a merge, the file keeps it.
    formulas_book = load_workbook(path, read_only=True)
    values_book = load_workbook(path, data_only=True)
    merges = load_workbook(path)
    for sheet in formulas_book.worksheets:
        mine = snapshot.sheets[sheet.title]
        formulas, formats, bold, errors = {}, {}, set(), {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.__class__.__name__ == "EmptyCell":
                    continue
                pos = (cell.row, cell.column)
                if isinstance(cell.value, ArrayFormula):
                    formulas[pos] = cell.value.text.lstrip("=")
                elif cell.data_type == "f":
                    formulas[pos] = cell.value[1:]
                if is_percent_format(cell.number_format):  # the formats the loader keeps
                    formats[pos] = cell.number_format
                if cell.font is not None and cell.font.b:
                    bold.add(pos)
                value = values_book[sheet.title].cell(*pos)
                if value.data_type == "e":
                    errors[pos] = CellError(value.value)
        assert mine.formulas == formulas, sheet.title
        assert mine.number_formats == formats, sheet.title
        assert mine.bold == bold, sheet.title
        assert {pos: mine.value(*pos) for pos in errors} == errors, sheet.title
        ranges = merges[sheet.title].merged_cells.ranges
        merged = sorted((r.min_row, r.min_col, r.max_row, r.max_col) for r in ranges)
        assert sorted(mine.merged) == merged, sheet.title


def test_same_formulas_errors_formats_and_bold_as_openpyxl(tmp_path):
    assert_same_as_openpyxl(openpyxl_workbook(tmp_path / "openpyxl.xlsx"))


def test_same_as_openpyxl_on_an_excel_style_workbook_with_shared_formulas(tmp_path):
    path = tmp_path / "bersama.xlsx"
    path.write_bytes(workbook_bytes(lines=120, seed=5, error_rate=0.1))
    with zipfile.ZipFile(path) as archive:
        assert any(b't="shared"' in archive.read(name) for name in archive.namelist() if "worksheets" in name)
    assert_same_as_openpyxl(path)


@pytest.mark.parametrize(
    "master",
    [
        "A5*2+$B$1",
        "SUM(C$2:C5)/Lain!B2",
        "IF(TRIM(B6)=\"\",\"\",LEN(B6))",
        "SUM(A:A)+SUM(3:4)+SUM($A:B)",
        "'Tabel 3.8'!E6-'Tabel 3.8'!F6",
        "jumlah_total*A1",
        "{1,2}+A1",
        "\"{x}\"&A1",
        # Split without the tokenizer: the forms of the template's filled-down columns, and the edges of that split.
        "IF(AND(E6=\"\",F6=\"\"),\"\",N(E6)-N(F6))",
        "IF(LOWER(SUBSTITUTE('Pengaturan'!$C$14,\" \",\"\"))=\"a\"\"b\",O7-J7,1-J7)",
        "'it''s'!A1+LOG10(C5)*1E+5-E5%",
        "SUM(C6:C9)/$D$2>=2.5E-3,xfd9<>nama_1",
        "1E5+A1:B2",
    ],
)
def test_shared_formula_text_is_openpyxls_translation(master):
    compiled = SharedFormula(master, (5, 3))
    for target in ((5, 3), (6, 3), (500, 3), (7, 5)):
        expected = Translator("=" + master, origin="C5").translate_formula(f"{chr(64 + target[1])}{target[0]}")
        assert "=" + compiled.at(target) == expected


def test_shared_formula_out_of_range_fails_like_openpyxl():
    with pytest.raises(TranslatorError):
        Translator("=A2", origin="C5").translate_formula("C1")
    with pytest.raises(TranslatorError):
        SharedFormula("A2", (5, 3)).at((1, 3))
    with pytest.raises(TranslatorError):
        SharedFormula("A2", (5, 3)).at((5, 1))


# -- XML that is not plain UTF-8 without a DTD goes through defusedxml --------------------------------


def rewrite_sheets(source: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as archive, zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = change(data)
            target.writestr(info.filename, data)
    return out.getvalue()


def scans(path: Path) -> dict[str, SheetExtras]:
    with zipfile.ZipFile(path) as archive:
        styles = read_styles(archive)
        return {entry.name: scan_sheet(archive, entry.part, styles) for entry in workbook_parts(archive)}


def test_dtd_or_other_encoding_reads_the_same_through_defusedxml(tmp_path):
    original = workbook_bytes(seed=4, error_rate=0.1)
    plain = tmp_path / "biasa.xlsx"
    plain.write_bytes(original)
    with_dtd = tmp_path / "dtd.xlsx"
    with_dtd.write_bytes(rewrite_sheets(original, lambda xml: b"<!DOCTYPE worksheet>" + xml))
    utf16 = tmp_path / "utf16.xlsx"
    utf16.write_bytes(rewrite_sheets(
        original, lambda xml: ('<?xml version="1.0" encoding="UTF-16"?>' + xml.decode("utf-8")).encode("utf-16")
    ))
    expected = scans(plain)
    assert any(extras.formulas for extras in expected.values())
    assert scans(with_dtd) == expected
    assert scans(utf16) == expected


def test_entity_declarations_are_refused(tmp_path):
    original = workbook_bytes(seed=4)
    bomb = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    path = tmp_path / "entitas.xlsx"
    path.write_bytes(rewrite_sheets(original, lambda xml: bomb + xml))
    with pytest.raises(InputRejected):
        load_file(path)  # the pre-flight refuses any DTD
    with zipfile.ZipFile(path) as archive:  # and the scan behind it, reached without the pre-flight, too
        entry = workbook_parts(archive)[0]
        with pytest.raises(EntitiesForbidden):
            scan_sheet(archive, entry.part, read_styles(archive))


def test_a_tables_formulas_are_worked_out_only_when_read_and_read_as_openpyxl_gives_them(tmp_path):
    from lkjip_xl.validate import read_document

    path = tmp_path / "bersama.xlsx"
    path.write_bytes(workbook_bytes(lines=120, seed=5, error_rate=0.1))
    document, _ = read_document(load_file(path))
    fields = [item for row in document.budget["3.8"].rows for item in (row.selisih, row.persen) if item.ref]
    # Filled-down shared formulas stay unwritten in the table model until a rule asks for one.
    assert sum(item._formula is not None and item._formula.__class__ is not str for item in fields) > 100
    sheets = load_workbook(path)
    for item in fields:
        cell = sheets[item.ref.sheet].cell(item.ref.row, item.ref.col).value
        expected = cell if isinstance(cell, str) and cell.startswith("=") else None
        assert (None if item.formula is None else "=" + item.formula) == expected, item.ref
