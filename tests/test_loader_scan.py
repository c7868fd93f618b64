"""The byte-level sheet scan and the XML parser path give the same results; odd parts take the parser path."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest
from batch_fixtures import workbook_bytes, without_cached_values
from conftest import EXAMPLE, libreoffice_roundtrip

from lkjip_xl.load import xlsx
from lkjip_xl.load.preflight import LIMITS

FIELDS = ("formulas", "uncached", "errors", "number_formats", "bold", "merged", "protected")


def _parser(data: bytes, styles) -> xlsx.SheetExtras:
    return xlsx._scan(xlsx._plain_events(io.BytesIO(data)), styles, LIMITS)


def _sheets(path_or_bytes):
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with zipfile.ZipFile(source) as archive:
        styles = xlsx.read_styles(archive)
        return styles, [(entry.name, archive.read(entry.part)) for entry in xlsx.workbook_parts(archive)]


def _assert_same(fast: xlsx.SheetExtras, slow: xlsx.SheetExtras, name: str) -> None:
    for field in FIELDS:
        assert getattr(fast, field) == getattr(slow, field), (name, field)


def _workbooks(tmp_path, soffice=None):
    yield "openpyxl (the example)", EXAMPLE.read_bytes()
    excel_style = workbook_bytes(lines=60, error_rate=0.2, seed=7)
    yield "Excel-style, shared formulas", excel_style
    yield "Excel-style without cached values", without_cached_values(excel_style)
    if soffice:
        saved = libreoffice_roundtrip(soffice, EXAMPLE, tmp_path / "lo")
        yield "LibreOffice", saved.read_bytes()


def test_byte_scan_equals_the_parser_on_real_writers(tmp_path, soffice):
    scanned = 0
    for label, data in _workbooks(tmp_path, soffice):
        styles, sheets = _sheets(data)
        for name, part in sheets:
            fast = xlsx._scan_bytes(part, styles, LIMITS)
            assert fast is not None, (label, name)  # these writers' parts are plain: the fast path reads them
            _assert_same(fast, _parser(part, styles), f"{label}: {name}")
            scanned += 1
    assert scanned >= 20


def _table_sheet(data: bytes) -> tuple:
    styles, sheets = _sheets(data)
    return styles, dict(sheets)["Tabel 3.8"]


@pytest.mark.parametrize(
    "why, change",
    [
        ("pretty-printed", lambda xml: xml.replace(b"<c ", b"\n  <c ")),
        ("a comment", lambda xml: xml.replace(b"<sheetData>", b"<sheetData><!-- <c r=\"Z9\"><v>1</v></c> -->", 1)),
        ("a namespace prefix", lambda xml: re.sub(rb"<(/?)(worksheet|sheetData|row|c|v|f)([ >/])", rb"<\1x:\2\3", xml)
         .replace(b'xmlns="', b'xmlns:x="', 1)),
        ("the reference not first", lambda xml: re.sub(rb'<c r="([A-Z]+[0-9]+)" s="([0-9]+)"', rb'<c s="\2" r="\1"', xml)),
        ("single-quoted attributes", lambda xml: re.sub(rb'<c r="([A-Z]+[0-9]+)"', rb"<c r='\1'", xml)),
    ],
)
def test_parts_the_byte_scan_cannot_vouch_for_take_the_parser_path(why, change):
    styles, part = _table_sheet(workbook_bytes(lines=30, error_rate=0.2, seed=3))
    odd = change(part)
    assert odd != part, why
    assert xlsx._scan_bytes(odd, styles, LIMITS) is None, why
    # and the whole scan still reads it, through the parser
    expected = _parser(part, styles)
    with zipfile.ZipFile(io.BytesIO(_zip_with(odd)), "r") as archive:
        got = xlsx.scan_sheet(archive, "sheet.xml", styles)
    assert got.formulas == expected.formulas and got.errors == expected.errors, why


def _zip_with(part: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("sheet.xml", part)
    return out.getvalue()


def test_escaped_text_in_formulas_is_read_as_the_parser_reads_it():
    styles, part = _table_sheet(workbook_bytes(lines=10, seed=2))
    crafted = part.replace(b"</sheetData>", b'<row r="900"><c r="A900" t="str"><f>"&lt;&amp;&gt;"&amp;B1</f><v></v></c>'
                           b'<c r="B900" t="e"><v>#REF!</v></c></row></sheetData>')
    fast = xlsx._scan_bytes(crafted, styles, LIMITS)
    assert fast is not None
    _assert_same(fast, _parser(crafted, styles), "crafted")
    assert fast.formulas[(900, 1)] == '"<&>"&B1'
    assert (900, 1) not in fast.uncached  # an empty text result is a value
    assert fast.errors[(900, 2)] == "#REF!"


HOSTILE_PARTS = {
    # The shapes that made the first regexes quadratic: each start scanned to the end of the part.
    "cells never closed": b'<c r="A1" ' * 200_000,
    "one cell, endless error attributes": b'<c r="A1"' + b' t="e"' * 200_000 + b"<",
    "one formula, endless attribute name": b'<c r="A1"><f t="shared" si="0" ' + b"a" * 1_000_000 + b">A1</f><v>1</v></c>",
}


@pytest.mark.parametrize("label", HOSTILE_PARTS)
def test_hostile_parts_are_scanned_in_linear_time(label):
    # In a child process with a generous limit: the quadratic version needed over an hour for these parts,
    # the linear one a fraction of a second. A hang fails the test instead of hanging it.
    part = b'<worksheet xmlns="x"><sheetData><row r="1">' + HOSTILE_PARTS[label] + b"</row></sheetData></worksheet>"
    code = (
        "import sys; from lkjip_xl.load import xlsx; from lkjip_xl.load.preflight import LIMITS\n"
        "xlsx._scan_bytes(sys.stdin.buffer.read(), xlsx.StyleTable([None], [False]), LIMITS)"
    )
    subprocess.run([sys.executable, "-c", code], input=part, check=True, timeout=60)


@pytest.mark.parametrize("layout", ["as written", "pretty-printed (the parser path)"])
def test_a_shared_formula_moved_off_the_sheet_is_a_corrupt_file_on_both_paths(tmp_path, layout):
    # B3 shares C2's A2+1 one column to the left: its reference would be column 0. The byte scan defers
    # the text of shared cells; the error must still surface while loading (exit 2), not when read (exit 3).
    import openpyxl
    from conftest import run_cli

    book = openpyxl.Workbook()
    book.active["C2"], book.active["B3"], book.active["A1"] = "=A2+1", "=Z9", 1
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(tmp_path / "rusak.xlsx", "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>A2+1</f>", b'<f t="shared" ref="B2:C3" si="0">A2+1</f>')
                data = data.replace(b"<f>Z9</f>", b'<f t="shared" si="0"/>')
                if layout != "as written":
                    data = data.replace(b"<c ", b"\n<c ")
            target.writestr(info, data)
    result = run_cli("validate", tmp_path / "rusak.xlsx", "--format", "json")
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["error"]["reason"] == "corrupt"


@pytest.mark.parametrize("cell", [b'<c r="A1000000" t="str"><v></v></c>', b'<c r="A1000000" s="1" t="str" ><v/></c>'])
def test_an_empty_text_result_far_below_counts_as_a_cell_and_is_read_apart(cell):
    # python-calamine keeps an empty text result as a cell: it would fill the grid down to it.
    styles, part = _table_sheet(workbook_bytes(lines=10, seed=2))
    crafted = part.replace(b"</sheetData>", b'<row r="1000000">' + cell + b"</row></sheetData>")
    fast = xlsx._scan_bytes(crafted, styles, LIMITS)
    assert (1_000_000, 1) in fast.strays and fast.compact_part is not None
