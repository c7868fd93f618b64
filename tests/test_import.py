"""``lkjip-xl import``: a free-form workbook's tables copied into the template, with the same findings, and a
list of what could not be placed."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLE, TEMPLATE, libreoffice_roundtrip, run_cli
from lkjip_xl.template import layout as L
from pasted import finding_keys, one_sheet, one_table_per_sheet, paste, read, table_lines

SOURCES = {
    "text": lambda path: one_table_per_sheet(path),
    "converted": lambda path: one_table_per_sheet(path, convert=True),
    "one-sheet": lambda path: one_sheet(path),
}


@pytest.fixture(scope="module")
def example_findings():
    return finding_keys(read(EXAMPLE)[1])


@pytest.mark.parametrize("source", SOURCES)
def test_import_round_trips_the_example_into_the_template_with_the_same_findings(tmp_path, example_findings, source):
    pasted = SOURCES[source](tmp_path / "pasted.xlsx")
    out = tmp_path / "templat.xlsx"
    result = run_cli("import", pasted, "--out", out)
    assert result.returncode == 0, result.stderr
    document, findings = read(out)
    assert document.layout == "template"
    assert (document.settings.office, document.settings.year) == ("Kecamatan Jati", 2024)
    # Same codes, cells, figures; the source had no indicator IDs, so indicators are matched by name (X014).
    assert finding_keys([finding for finding in findings if finding.code != "X014"]) == example_findings


def test_imported_cells_are_typed_as_a_person_would(tmp_path):
    out = tmp_path / "templat.xlsx"
    assert run_cli("import", one_table_per_sheet(tmp_path / "pasted.xlsx"), "--out", out).returncode == 0
    sheet = load_workbook(out)[L.TABLE_38.sheet]
    row = {sheet.cell(r, L.TABLE_38.col("uraian")).value: r for r in range(L.TABLE_38.first_row, 60)}

    def cell(label: str, key: str):
        return sheet.cell(row[label], L.TABLE_38.col(key)).value

    program = "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN/KOTA"
    assert cell(program, "level") == "Program" and cell(program, "anggaran") == 1_720_118_000
    assert cell("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "level") == "Kegiatan"
    assert cell("Penyediaan jasa surat menyurat", "level") == "Sub Kegiatan"
    assert cell("Penyediaan jasa surat menyurat", "anggaran") == "Rp 4,500,000"  # US form stays text: flagged
    assert cell("Penyediaan jasa surat menyurat", "no") == 10
    assert str(cell("Penyediaan bahan logistik kantor", "selisih")).startswith("=")  # "Rp -" is what the formula shows
    assert cell(program, "selisih") == 133_456_093  # typed over the formula, as printed
    assert str(cell("UNSUR KEWILAYAHAN", "level")).startswith("=")  # a heading: no level typed, the formula stays


def test_import_lists_what_it_could_not_place(tmp_path):
    result = run_cli("import", one_sheet(tmp_path / "report.xlsx"), "--out", tmp_path / "templat.xlsx")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert 'Tabel 3.8: 38 baris dari \'Laporan\'!A220:F266 ke sheet "Tabel 3.8".' in out
    assert "Tabel 3.8: level 36 baris ditebak" in out and "8, 11, 14, 306" in out
    assert 'Tabel 3.2: kolom "ID Indikator", "Polaritas" tidak ada di tabel asal' in out
    for caption in ("2.3-1", "3.1", "3.4", "3.6"):
        assert f"Tabel {caption} di 'Laporan'!" in out
    english = run_cli("import", tmp_path / "report.xlsx", "--out", tmp_path / "template.xlsx", "--lang", "en").stdout
    assert "Not placed:" in english and "Table 3.4 at 'Laporan'!A135: not checked by lkjip-xl" in english


def test_rows_beyond_the_template_and_a_second_copy_are_listed(tmp_path):
    workbook = Workbook()
    header = "No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian %\tSumber Data"
    rows = [f"{n}\tIndikator {n}\tNilai\t10\t10\t100\tBPS" for n in range(1, L.TABLE_32.body_rows + 4)]
    paste(workbook.active, ["Tabel 3.2", header, *rows])
    paste(workbook.create_sheet("Salinan"), table_lines("3.8"))
    paste(workbook.create_sheet("Salinan lama"), table_lines("3.8"))
    path = tmp_path / "many.xlsx"
    workbook.save(path)
    result = run_cli("import", path, "--out", tmp_path / "templat.xlsx")
    assert result.returncode == 0, result.stderr
    assert "Tabel 3.2: 3 baris mulai 'Sheet'!A33 melebihi 30 baris templat." in result.stdout
    assert "Tabel 3.2: kolom \"Sumber Data\" ('Sheet'!G2) tidak punya tempat di templat." in result.stdout
    assert "Tabel di 'Salinan lama'!A5: tidak dipakai, Tabel 3.8 sudah diambil dari 'Salinan'!A5." in result.stdout
    assert "Tabel 3.3 tidak ditemukan." in result.stdout


def test_import_refuses_what_it_cannot_or_need_not_do(tmp_path):
    pasted = one_table_per_sheet(tmp_path / "pasted.xlsx")
    same = run_cli("import", pasted, "--out", pasted)
    assert same.returncode == 2 and "tidak boleh sama" in same.stderr
    template = run_cli("import", TEMPLATE, "--out", tmp_path / "x.xlsx")
    assert template.returncode == 2 and "sudah templat" in template.stderr
    empty = Workbook()
    empty.active["A1"] = "Catatan rapat"
    empty.save(tmp_path / "empty.xlsx")
    nothing = run_cli("import", tmp_path / "empty.xlsx", "--out", tmp_path / "y.xlsx")
    assert nothing.returncode == 2 and "tidak ada Tabel" in nothing.stderr
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "y.xlsx").exists()


def test_libreoffice_opens_the_imported_template_and_its_formulas_give_the_same_findings(tmp_path, soffice, example_findings):
    out = tmp_path / "templat.xlsx"
    assert run_cli("import", one_table_per_sheet(tmp_path / "pasted.xlsx"), "--out", out).returncode == 0
    recalculated = libreoffice_roundtrip(soffice, out, tmp_path / "lo")
    result = run_cli("validate", recalculated, "--format", "json")
    report = json.loads(result.stdout)
    assert report["layout"] == "template"
    assert finding_keys([finding for finding in read(recalculated)[1] if finding.code != "X014"]) == example_findings
