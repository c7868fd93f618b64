"""Outputs are safe: strings from a workbook stay text, outputs replace their target atomically, and the
submitted file is never touched."""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import libreoffice_roundtrip, run_cli
from corpus import Sheet, lkjip_workbook, template_sheets, untouched, write_zip, xlsx_parts
from pasted import one_sheet

from lkjip_xl.report import annotate
from lkjip_xl.report.safe import CELL_TEXT_LIMIT, terminal_text
from lkjip_xl.template import layout as L
from lkjip_xl.template.layout import SUMMARY_SHEET

HOSTILE_LABELS = [
    '=HYPERLINK("http://evil.example/","klik")',
    "+62 812 3456 7890",
    "-Rp 5.000 (koreksi)",
    "@SUM(A1:A9)",
]
HOSTILE_OFFICE = "=cmd|' /C calc'!A0"
HOSTILE_FIGURE = "=2+3"  # typed as text in a money cell: N005 quotes it


def _hostile_workbook(tmp_path: Path) -> Path:
    lines = [("7.01.01", HOSTILE_LABELS[0], "300", 200)]
    # Amounts typed as text: a finding (N001) on each row, labelled with the row's text.
    lines += [(f"7.01.01.2.01.000{n}", label, "100", 60) for n, label in enumerate(HOSTILE_LABELS[1:], start=1)]
    lines.append(("7.01.01.2.01.0009", "Sub kegiatan", HOSTILE_FIGURE, 20))
    sheets = template_sheets(lines)
    sheets[0].rows[L.SETTINGS_FIRST_ROW + 1] = {L.SETTINGS_KEY_COL: "nama_opd", L.SETTINGS_VALUE_COL: HOSTILE_OFFICE}
    sheets.append(Sheet("=Catatan", {1: {1: "x"}}, state="hidden"))  # named in an F005 finding
    return write_zip(tmp_path / "laporan.xlsx", xlsx_parts(sheets))


def _summary_cells(path: Path) -> list:
    sheet = openpyxl.load_workbook(path)[SUMMARY_SHEET]
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _assert_all_text(cells: list) -> set[str]:
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    return {str(cell.value) for cell in cells}


def test_workbook_strings_stay_text_in_the_summary_sheet_and_json(tmp_path):
    source, out = _hostile_workbook(tmp_path), tmp_path / "hasil.xlsx"
    result = run_cli("validate", source, "--format", "json", "--out", out)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["office"] == HOSTILE_OFFICE
    assert any(HOSTILE_FIGURE in finding["message"] for finding in data["findings"])
    with zipfile.ZipFile(out) as archive:
        summary_part = max(name for name in archive.namelist() if name.startswith("xl/worksheets/sheet"))
        assert "<f>" not in archive.read(summary_part).decode()
    values = _assert_all_text(_summary_cells(out))
    assert HOSTILE_OFFICE in values
    assert set(HOSTILE_LABELS) <= values  # the row labels, verbatim
    assert any(HOSTILE_FIGURE in value for value in values)
    assert any('"=Catatan"' in value for value in values)


def test_libreoffice_reads_the_hostile_strings_as_text(tmp_path, soffice):
    source, out = _hostile_workbook(tmp_path), tmp_path / "hasil.xlsx"
    run_cli("validate", source, "--out", out)
    reopened = libreoffice_roundtrip(soffice, out, tmp_path / "lo")
    values = _assert_all_text(_summary_cells(reopened))
    assert HOSTILE_OFFICE in values and set(HOSTILE_LABELS) <= values


def test_a_cell_longer_than_excel_allows_is_cut_to_fit(tmp_path):
    label = "Sub kegiatan " + "panjang " * 5000  # 40,000 characters: the message around it is longer
    lines = [("7.01.01", label, 300, 200), ("7.01.01.2.01.0001", "Sub", 300, 100)]  # the parent's sums are off
    source, out = write_zip(tmp_path / "laporan.xlsx", xlsx_parts(template_sheets(lines))), tmp_path / "hasil.xlsx"
    run_cli("validate", source, "--out", out)
    lengths = [len(str(cell.value)) for cell in _summary_cells(out)]
    assert max(lengths) == CELL_TEXT_LIMIT


def test_escape_sequences_from_a_workbook_never_reach_the_terminal(tmp_path):
    lines = [("7.01.01", "Program _x001B_[2J_x001B_[31mHAPUS", 300, 200), ("7.01.01.2.01.0001", "Sub _x009B_31m", 300, 100)]
    sheets = template_sheets(lines)
    sheets[0].rows[L.SETTINGS_FIRST_ROW + 1] = {L.SETTINGS_KEY_COL: "nama_opd", L.SETTINGS_VALUE_COL: "Kantor_x001B_]0;judul_x0007_"}
    result = run_cli("validate", write_zip(tmp_path / "laporan.xlsx", xlsx_parts(sheets)))
    assert result.returncode == 1
    assert "HAPUS" in result.stdout and "Kantor" in result.stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout)


def test_escape_sequences_from_a_pasted_table_never_reach_the_terminal_on_import(tmp_path):
    rows = {
        1: {1: "Tabel 3.7 Ringkasan Anggaran Kecamatan Jati Tahun 2024"},
        2: {1: "No", 2: "Uraian", 3: "Anggaran", 4: "Realisasi", 5: "Persentase", 6: "Catatan_x001B_]0;judul_x0007_"},
        3: {1: 1, 2: "Belanja A", 3: 100, 4: 90, 5: 0.9},
        4: {2: "JUMLAH", 3: 100, 4: 90, 5: 0.9},
    }
    source = write_zip(tmp_path / "tempel.xlsx", xlsx_parts([Sheet("Data_x001B_[31m", rows)]))
    result = run_cli("import", source, "--out", tmp_path / "templat.xlsx")
    assert result.returncode == 0, result.stderr
    assert "Catatan" in result.stdout  # the column it could not place is named...
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout)  # ...without its controls


def test_a_file_name_with_escape_sequences_is_shown_harmless(tmp_path):
    path = tmp_path / "laporan\x1b[2J.xlsx"
    path.write_bytes(b"")
    result = run_cli("validate", path)
    assert result.returncode == 2 and "laporan" in result.stderr
    assert "\x1b" not in result.stderr


# -- written to a temporary file, then moved into place ------------------------------------------------


# Every command that writes a file, and the file it writes (all through outfile.replacing).
WRITERS = {
    "validate --out": (lambda source, out: ("validate", source, "--out", out / "hasil.xlsx"), "hasil.xlsx"),
    "import": (lambda source, out: ("import", one_sheet(source.with_name("tempel.xlsx")), "--out", out / "t.xlsx"), "t.xlsx"),
    "batch --out": (lambda source, out: ("batch", source, "--out", out / "ringkasan.xlsx"), "ringkasan.xlsx"),
    "batch --json-dir": (lambda source, out: ("batch", source, "--json-dir", out), "laporan.xlsx.json"),
    "template": (lambda source, out: ("template", "--out", out / "templat.xlsx"), "templat.xlsx"),
}


@pytest.mark.parametrize("command", WRITERS)
def test_a_new_output_gets_ordinary_permissions(tmp_path, command):
    make_args, written = WRITERS[command]
    source, out = lkjip_workbook(tmp_path / "laporan.xlsx"), tmp_path / "hasil"
    out.mkdir()
    result = run_cli(*make_args(source, out))
    assert result.returncode in (0, 1), result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / written).stat().st_mode) == 0o666 & ~umask  # not mkstemp's owner-only 0600
    assert [p.name for p in out.iterdir() if p.name.startswith(".lkjip-")] == []


def test_a_replaced_output_keeps_its_permissions(tmp_path):
    source, out = lkjip_workbook(tmp_path / "laporan.xlsx"), tmp_path / "hasil.xlsx"
    out.write_bytes(b"hasil lama")
    out.chmod(0o640)
    run_cli("validate", source, "--out", out.name, cwd=tmp_path)  # relative: run_cli would guard it as an input
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert zipfile.is_zipfile(out)


def test_a_failed_write_leaves_the_old_output_and_no_temporary_file(tmp_path):
    source, out = lkjip_workbook(tmp_path / "laporan.xlsx"), tmp_path / "hasil.xlsx"
    out.write_bytes(b"hasil lama")
    with untouched(source), zipfile.ZipFile(source) as archive:
        members = archive.infolist()
        with pytest.raises(TypeError):  # a part that cannot be written, after the original's parts
            annotate.write_package(archive, members, {}, {"xl/worksheets/sheet9.xml": None}, out)
    assert out.read_bytes() == b"hasil lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.xlsx", "laporan.xlsx"]


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    source = lkjip_workbook(tmp_path / "laporan.xlsx")
    result = run_cli("validate", source, "--out", tmp_path / "tidak-ada" / "hasil.xlsx")
    assert result.returncode == 2
    assert "tidak dapat ditulis" in result.stderr


# -- the helper every terminal writer uses ---------------------------------------------------------


def test_terminal_text_removes_every_control_character():
    assert terminal_text("a\x1b[2Jb\x9b31mc\x07d\ne") == "a [2Jb 31mc d e"
    assert terminal_text("Rp 1.720.118.000 — 93,33%") == "Rp 1.720.118.000 — 93,33%"


def test_a_sheet_name_with_a_quote_is_written_as_a_reference_reads_it():
    from lkjip_xl.snapshot import CellRef

    assert str(CellRef("Data Pak O'Neil", 3, 2)) == "'Data Pak O''Neil'!B3"
