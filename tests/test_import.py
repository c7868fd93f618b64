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


def test_a_printed_capaian_is_kept_only_where_the_template_formula_prints_it_too(tmp_path):
    # IKU-01 is negative (Tabel 3.2 says so): 10 target, 8 realisasi is a capaian of 120 %. Tabel 3.3
    # printed 80 % (the positive reading): that mistake must survive the import as a typed figure, not
    # vanish behind the template's formula, which shows 120 %.
    from lkjip_xl.settings import Settings
    from lkjip_xl.snapshot import a1
    from lkjip_xl.template.build import build_template
    from lkjip_xl.template.fill import Context, write_row
    from lkjip_xl.validate import check_file

    workbook, context = build_template(Settings()), Context(negative_ids=frozenset({"iku-01"}))
    t32, t33 = L.TABLE_32, L.TABLE_33
    indicator = {"no": 1, "id": "IKU-01", "sasaran": "Menurunnya kemiskinan", "indikator": "Angka kemiskinan"}
    write_row(workbook[t32.sheet], t32, t32.first_row,
              {**indicator, "polaritas": "Negatif", "target": "10", "realisasi": "8", "capaian": "120"}, context=context)
    write_row(workbook[t33.sheet], t33, t33.first_row,
              {**indicator, "target0": "10", "realisasi0": "8", "capaian0": "80"}, context=context)
    assert str(workbook[t32.sheet].cell(t32.first_row, t32.col("capaian")).value).startswith("=")  # right: formula
    assert workbook[t33.sheet].cell(t33.first_row, t33.col("capaian0")).value == 0.8  # wrong: typed as printed
    path = tmp_path / "templat.xlsx"
    workbook.save(path)
    cell = a1(t33.first_row, t33.col("capaian0"))
    flagged = [f for f in check_file(path).findings if f.ref and (f.ref.sheet, f.ref.a1) == (t33.sheet, cell)]
    # 80 % fits realisasi / target, a known formula, so it is the warning K108 (not a typo) that keeps Tabel
    # 3.2's Negatif as the measure: expected 120 %. (3.3 against 3.2 is flagged there too.)
    capaian = [f for f in flagged if f.code == "K108"]
    assert len(capaian) == 1 and capaian[0].reported == 80 and capaian[0].expected == 120
