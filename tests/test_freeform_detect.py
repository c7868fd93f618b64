"""Finding the tables on free-form sheets: captions, header words and their misspellings, two-row and merged
headers, repeated page headers, several tables to a sheet, sheet names that say nothing."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from conftest import run_cli
from lkjip_xl.errors import InputRejected
from lkjip_xl.freeform import extract_freeform
from lkjip_xl.freeform.detect import find_tables
from lkjip_xl.freeform.words import caption_number, concept
from lkjip_xl.load import load_file
from lkjip_xl.settings import Settings
from pasted import one_sheet, paste, table_lines

BUDGET_ROWS = [
    "\t<b>PROGRAM PENUNJANG URUSAN</b>\tRp 30.000.000\tRp 29.000.000\tRp 1.000.000\t96,67%",
    "1\tPenyediaan gaji\tRp 10.000.000\tRp 10.000.000\tRp -\t100%",
    "2\tPenyediaan alat tulis\tRp 20.000.000\tRp 19.000.000\tRp 1.000.000\t95%",
    "<b>JUMLAH</b>\t\tRp 30.000.000\tRp 29.000.000\tRp 1.000.000\t96,67%",
]
SUMMARY_ROWS = [
    "1\tBelanja Operasi\tRp 30.000.000\tRp 29.000.000\t96,67%",
    "\tJUMLAH\tRp 30.000.000\tRp 29.000.000\t96,67%",
]


def workbook(tmp_path, *sheets, name="book.xlsx"):
    """A workbook with the given sheets: (sheet name, lines) or (sheet name, lines, paste options)."""
    book = Workbook()
    book.remove(book.active)
    for sheet_name, lines, *options in sheets:
        paste(book.create_sheet(sheet_name), lines, **(options[0] if options else {}))
    path = tmp_path / name
    book.save(path)
    return path


def detect(path):
    return find_tables(load_file(path))


@pytest.mark.parametrize(
    "header",
    [
        "No.\tUraian Program/Kegiatan\tPagu Anggaran (Rp)\tRealisasi (Rp)\tSisa Anggaran\tProsentase",
        "NO\tPROGRAM / KEGIATAN\tJUMLAH ANGGRAAN\tREALISAI\tSELISIH\tPERSENTASI",
        "No\tProgram/Kegiatan Pemerintahan Daerah\tJumlah Anggaran\tRealisasi\tSelisih\t%",
        "No\tKegiatan\tAlokasi\tRealisasi Anggaran\tSelisih\tCapaian %",
    ],
)
def test_header_words_and_their_misspellings_map_to_the_templates_columns(tmp_path, header):
    detection = detect(workbook(tmp_path, ("Sheet1", [header, *BUDGET_ROWS])))
    found = detection.tables["3.8"]
    assert found.header.keys == {"no": 1, "uraian": 2, "anggaran": 3, "realisasi": 4, "selisih": 5, "persen": 6}
    assert len(found.rows) == 3 and found.total_row == 5


def test_a_sheet_without_any_table_header_holds_no_table(tmp_path):
    path = workbook(tmp_path, ("Sheet1", ["No\tNama\tNilai\tJumlah", "1\tAndi\t80\t80"]))
    with pytest.raises(InputRejected) as rejected:
        extract_freeform(load_file(path), Settings())
    assert rejected.value.reason == "no_tables"
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["reason"] == "no_tables"


@pytest.mark.parametrize(
    "text,number",
    [
        ("Tabel 3.8", "3.8"),
        ("TABEL : 3.7", "3.7"),
        ("Tabel 3.5. Analisa Efisiensi", "3.5"),
        ("Tabel III.2", "3.2"),
        ("Tabel 2.3-1", "2.3-1"),
        ("Dari Tabel 3.15 realisasi anggaran", None),
        ("Target dan realisasi kinerja", None),
    ],
)
def test_captions(text, number):
    assert caption_number(text) == number


def test_without_a_caption_a_budget_table_is_38_when_it_has_selisih_or_programs_else_37(tmp_path):
    summary_header = "No\tUraian\tAnggaran (Rp)\tRealisasi (Rp)\t%"
    no_selisih = ["No\tUraian\tAnggaran\tRealisasi\t%"] + [
        "\t".join(cell for index, cell in enumerate(line.split("\t")) if index != 4) for line in BUDGET_ROWS
    ]
    path = workbook(
        tmp_path,
        ("Sheet1", [summary_header, *SUMMARY_ROWS]),
        ("Sheet2", no_selisih),
    )
    detection = detect(path)
    assert detection.tables["3.7"].sheet.name == "Sheet1"
    assert detection.tables["3.8"].sheet.name == "Sheet2"  # no selisih, but PROGRAM rows


def test_a_sheet_named_after_the_table_decides_when_nothing_else_does(tmp_path):
    lines = ["No\tUraian\tAnggaran\tRealisasi\t%", "1\tBelanja Operasi\tRp 30.000.000\tRp 29.000.000\t96,67%"]
    assert set(detect(workbook(tmp_path, ("Sheet1", lines))).tables) == {"3.7"}
    assert set(detect(workbook(tmp_path, ("Tabel 3.8", lines), name="named.xlsx")).tables) == {"3.8"}


@pytest.mark.parametrize("merge", [True, False], ids=["merged", "not-merged"])
def test_two_row_headers_with_or_without_merged_cells(tmp_path, merge):
    path = workbook(tmp_path, ("Sheet1", table_lines("3.3"), {"merge": merge}), ("Sheet2", table_lines("3.5"), {"merge": merge}))
    detection = detect(path)
    trend, efficiency = detection.tables["3.3"], detection.tables["3.5"]
    assert trend.header.years == {
        f"{key}{offset}": year
        for offset, year in ((2, 2022), (1, 2023), (0, 2024))
        for key in ("target", "realisasi", "capaian")
    }
    assert len(trend.header.rows) == 2 and len(trend.rows) == 2
    # Under ANGGARAN, "Realisasi (Rp)" is the money spent and "% Capaian" the absorption.
    assert efficiency.header.keys == {
        "no": 1, "sasaran": 2, "target": 3, "realisasi": 4, "capaian": 5,
        "anggaran": 6, "realisasi_rp": 7, "serapan": 8, "efisiensi": 9,
    }


def test_a_header_repeated_on_every_page_continues_the_table(tmp_path):
    detection = detect(workbook(tmp_path, ("Sheet1", table_lines("3.8"))))
    assert len(detection.found) == 1
    found = detection.tables["3.8"]
    assert len(found.rows) == 38  # 2 headings, 6 programs, 5 kegiatan, 25 sub kegiatan
    assert len(found.repeated_headers) == 4  # the header repeated on three more pages, the row of column numbers
    # The seed's 3.2 is two one-row tables under one caption: one table of two rows.
    assert len(detect(workbook(tmp_path, ("Sheet1", table_lines("3.2")), name="32.xlsx")).tables["3.2"].rows) == 2


def test_several_tables_on_one_sheet_without_captions(tmp_path):
    lines = [
        "Realisasi anggaran",
        "No\tUraian\tAnggaran (Rp)\tRealisasi (Rp)\t%",
        *SUMMARY_ROWS,
        "",
        "Rincian per program",
        "No\tProgram/Kegiatan\tJumlah Anggaran\tRealisasi\tSelisih\tPersentase",
        *BUDGET_ROWS,
        "",
        "No\tIndikator Kinerja Utama\tSatuan\tTarget\tRealisasi\tCapaian %",
        "1\tIndeks Kepuasan Masyarakat\tNilai\t85\t86,86\t102,19",
    ]
    detection = detect(workbook(tmp_path, ("Sheet1", lines)))
    assert {table: found.header.rows[0] for table, found in detection.tables.items()} == {"3.7": 2, "3.8": 7, "3.2": 13}


def test_tables_lkjip_xl_does_not_check_are_left_alone(tmp_path):
    detection = detect(one_sheet(tmp_path / "report.xlsx"))
    assert {table: found.caption for table, found in detection.tables.items()} == {
        table: table for table in ("3.2", "3.3", "3.5", "3.7", "3.8")
    }
    assert [found.caption for found in detection.others if found.caption] == ["2.3-1", "3.1", "3.4", "3.6"]


def test_a_second_copy_of_a_table_is_not_used(tmp_path):
    first = ["Tabel 3.8", "No\tUraian\tAnggaran\tRealisasi\tSelisih\tPersentase", *BUDGET_ROWS]
    detection = detect(workbook(tmp_path, ("Final", first), ("Draft", first)))
    assert detection.tables["3.8"].sheet.name == "Final"
    assert [found.sheet.name for found in detection.unplaced] == ["Draft"]


def test_a_hidden_sheet_is_read_only_when_no_visible_sheet_has_the_table(tmp_path):
    table = ["No\tUraian\tAnggaran\tRealisasi\tSelisih\tPersentase", *BUDGET_ROWS]
    book = Workbook()
    paste(book.active, table)
    book.active.title = "Lama"
    book.active.sheet_state = "hidden"
    paste(book.create_sheet("Baru"), table)
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    assert detect(path).tables["3.8"].sheet.name == "Baru"
    book["Baru"].delete_rows(1, 10)
    book.save(path)
    assert detect(path).tables["3.8"].sheet.name == "Lama"


def test_a_total_row_named_otherwise_is_still_the_total(tmp_path):
    rows = BUDGET_ROWS[:-1] + ["\tTOTAL BELANJA\tRp 30.000.000\tRp 29.000.000\tRp 1.000.000\t96,67%"]
    path = workbook(tmp_path, ("Sheet1", ["No\tUraian\tAnggaran\tRealisasi\tSelisih\tPersentase", *rows]))
    document = extract_freeform(load_file(path), Settings()).document
    table = document.budget["3.8"]
    assert table.total is not None and table.total.label.text == "TOTAL BELANJA"
    assert [row.name for row in table.rows] == ["PROGRAM PENUNJANG URUSAN", "Penyediaan gaji", "Penyediaan alat tulis"]


@pytest.mark.parametrize(
    "header,keys",
    [
        ("No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\tCapaian", {"indikator": 3}),
        ("No\tSasaran Strategis\tTarget\tRealisasi\tCapaian", {"indikator": 2}),  # the sasaran names the row
    ],
)
def test_a_sasaran_column_names_the_rows_of_tabel_32_only_without_an_indicator_column(tmp_path, header, keys):
    row = "1\tMeningkatnya pelayanan\t" + ("Indeks IKM\t" if "Indikator" in header else "") + "85\t86,86\t102,19"
    found = detect(workbook(tmp_path, ("Sheet1", ["Tabel 3.2", header, row]))).tables["3.2"]
    assert {key: found.header.keys[key] for key in keys} == keys
    assert [column.own for column in found.header.unplaced] == (["Sasaran Strategis"] if "Indikator" in header else [])


def test_a_code_and_label_column_is_the_label(tmp_path):
    lines = [
        "Kode / Uraian\tAnggaran\tRealisasi",
        "7.01.01 PROGRAM PENUNJANG\tRp 10.000.000\tRp 9.000.000",
        "7.01.01.2.01.0001 Penyediaan gaji\tRp 10.000.000\tRp 9.000.000",
    ]
    path = workbook(tmp_path, ("Tabel 3.8", lines))
    assert detect(path).tables["3.8"].header.keys == {"uraian": 1, "anggaran": 2, "realisasi": 3}
    document = extract_freeform(load_file(path), Settings()).document
    assert [row.level.value for row in document.budget["3.8"].rows] == ["program", "sub_kegiatan"]


def test_a_header_takes_the_concept_listed_first_among_its_words_whatever_their_order():
    """words.CONCEPTS is ordered (concept() reads it through a word index): "Realisasi %" is a percentage,
    "Realisasi (Rp)" an amount, "SISA ANGGARAN" the difference, "Kode / Uraian" labels."""
    assert concept("Realisasi %") == concept("% Realisasi") == "persen"
    assert concept("% Capaian") == "capaian"
    assert concept("Realisasi (Rp)") == "realisasi"
    assert concept("Sisa Anggaran") == concept("Anggaran Sisa") == "selisih"
    assert concept("Kode / Uraian") == concept("Uraian / Kode") == "uraian"
    assert concept("Jenis Belanja") == "uraian"
    assert concept("Kode Rekening") == "kode"
    assert concept("Prosentase Realisai") == "persen"  # misspelt words still count
    assert concept("Tahun 2024") is None
