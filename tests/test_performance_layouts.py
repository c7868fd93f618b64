"""Performance tables as offices paste them from their LKjIP: Tabel 3.3 with any number of years, years in the
columns' own text, Jumlah / Rata-rata capaian rows, tables of two years without a target, the captions and
headers of real reports, and what is said when no performance table is found."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from conftest import run_cli
from lkjip_xl.freeform import extract_freeform
from lkjip_xl.load import load_file
from lkjip_xl.settings import Settings
from lkjip_xl.validate import check_file


def save(tmp_path, rows, merges=(), name="kinerja.xlsx", formats=None):
    """One sheet with ``rows`` from A1 (None or "" leaves a cell empty), merged ranges, number formats."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None and value != "":
                sheet.cell(r, c, value)
    for merge in merges:
        sheet.merge_cells(merge)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    path = tmp_path / name
    book.save(path)
    return path


def findings(path, table=None):
    report = check_file(path)
    return [f for f in report.findings if table is None or f.table == table], report


def at(found, code):
    return sorted(f.ref.a1 for f in found if f.code == code)


def errors(found):
    return sorted((f.ref.a1 if f.ref else "-", f.code) for f in found if f.severity.value == "error")


# -- Tabel 3.3: as many years as the header names --------------------------------------------------------------


def trend_rows(years: list[int]):
    """A Tabel 3.3 with ``years`` over Target | Realisasi | Capaian (%), two indicators, every capaian as
    realisasi / target x 100 stored as Excel stores a division (a float)."""
    columns = 3 + 3 * len(years)
    top = ["No", "Sasaran", "Indikator Kinerja"]
    below = ["", "", ""]
    merges = ["A3:A4", "B3:B4", "C3:C4"]
    for index, year in enumerate(years):
        top += [year, "", ""]
        below += ["Target", "Realisasi", "Capaian (%)"]
        first = 4 + 3 * index
        merges.append(f"{_letter(first)}3:{_letter(first + 2)}3")
    body = []
    for number, (name, base) in enumerate((("Indeks Kepuasan Masyarakat", 80), ("Nilai SAKIP", 60)), start=1):
        line = [number, "Meningkatnya kualitas layanan", name]
        for index, _ in enumerate(years):
            target, actual = base + index, base + 2 + 3 * index
            line += [target, actual, actual / target * 100]
        body.append(line)
    assert len(top) == columns
    return [["Tabel 3.3 Perbandingan Realisasi Kinerja Beberapa Tahun"], [], top, below, *body], merges


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


@pytest.mark.parametrize("years", [[2023, 2024], [2022, 2023, 2024], [2021, 2022, 2023, 2024], [2020, 2021, 2022, 2023, 2024]])
def test_tabel_33_has_every_year_its_header_names_and_each_is_checked(tmp_path, years):
    rows, merges = trend_rows(years)
    rows[5][5] = 99.0  # the oldest year's capaian of row 6 (F6): 62 / 60 x 100 = 103,33
    last = len(rows[5]) - 1
    rows[5][last] = 50.0  # the newest year's capaian of row 6
    path = save(tmp_path, rows, merges)
    read = extract_freeform(load_file(path), Settings())
    trend = read.document.trend
    assert [[figures.year for figures in row.years] for row in trend.rows] == [years, years]
    found, _ = findings(path, "3.3")
    assert errors(found) == sorted([("F6", "K101"), (f"{_letter(last + 1)}6", "K101")])
    messages = {f.ref.a1: f.message() for f in found if f.code == "K101"}
    assert f"Capaian {years[0]} " in messages["F6"]
    assert f"Capaian {years[-1]} " in messages[f"{_letter(last + 1)}6"]


def test_years_in_the_columns_own_text_make_a_tabel_33(tmp_path):
    header = ["No", "Indikator Kinerja", "Target 2023", "Realisasi 2023", "Capaian 2023 (%)", "Target 2024",
              "Realisasi 2024", "Capaian 2024 (%)"]
    path = save(tmp_path, [["Tabel 3.3"], [], header, [1, "Indeks Kepuasan Masyarakat", 80, 84, 105.0, 82, 86, 50.0]])
    found, report = findings(path)
    assert report.tables == ["3.3"]
    assert errors(found) == [("H4", "K101")]  # 86 / 82 x 100 = 104,88
    assert "Capaian 2024" in next(f for f in found if f.code == "K101").message()


def test_a_lone_year_in_a_header_names_no_year_group(tmp_path):
    """ "Capaian 2024 | Target Akhir 2026" (the seed's Tabel 3.4): two columns, two years, no 3.3."""
    header = ["No", "Indikator Kinerja", "Capaian 2024", "Target Akhir 2026", "% Capaian", "Tingkat Kemajuan"]
    path = save(tmp_path, [["Tabel 3.4"], header, [1, "Indeks IKM", 3.44, 3.96, 86.86, 86.86],
                           ["Tabel 3.2"], ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
                           [1, "Indeks IKM", 3.4, 3.44, 101.18]])
    _, report = findings(path)
    assert report.tables == ["3.2"]


# -- Jumlah and Rata-rata capaian rows ------------------------------------------------------------------------


def tabel_32(summary, capaian_third=92.85714285714286):
    return [
        ["Tabel 3.2 Capaian Kinerja Sasaran Strategis Tahun 2024"],
        [],
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian", "Kriteria"],
        [1, "Meningkatnya layanan", "Indeks Kepuasan Masyarakat", "indeks", 80, 84, 105.0, "Sangat Baik"],
        [2, "Meningkatnya akuntabilitas", "Nilai SAKIP", "nilai", 70, 65, capaian_third, "Baik"],
        [3, "Menurunnya kemiskinan", "Jumlah penduduk miskin yang mendapat bantuan", "jiwa", 400, 400, 100.0, "Baik"],
        summary,
    ]


MEAN = (105 + 65 / 70 * 100 + 100) / 3  # 99,2857...


def test_a_rata_rata_capaian_row_is_a_summary_checked_as_the_mean_of_the_printed_capaian(tmp_path):
    consistent = save(tmp_path, tabel_32(["Rata-rata capaian kinerja", "", "", "", "", "", round(MEAN, 2), ""]), name="ok.xlsx")
    found, report = findings(consistent, "3.2")
    assert errors(found) == []  # was K103 (a capaian without a target) on the summary row
    assert len(report.findings) == len([f for f in report.findings if f.code in ("S001",)]) + len(found)
    wrong = save(tmp_path, tabel_32(["Rata-rata capaian kinerja", "", "", "", "", "", 97.0, ""]), name="wrong.xlsx")
    found, _ = findings(wrong, "3.2")
    assert errors(found) == [("G7", "K210")]  # (105 + 92,857... + 100) / 3 = 99,29
    finding = next(f for f in found if f.code == "K210")
    assert finding.expected == pytest.approx(MEAN)


def test_a_rata_rata_row_whose_capaian_is_its_own_realisasi_over_target_is_accepted(tmp_path):
    # Mean target (80 + 70 + 400) / 3 = 183,33, mean realisasi (84 + 65 + 400) / 3 = 183, 183 / 183,33 x 100 = 99,82
    summary = ["Rata-rata", "", "", "", (80 + 70 + 400) / 3, 183, 183 / ((80 + 70 + 400) / 3) * 100, ""]
    found, _ = findings(save(tmp_path, tabel_32(summary)), "3.2")
    assert errors(found) == []
    assert not at(found, "K211")
    assert at(found, "K212") == ["A7"]  # its target and realisasi are not checked, said once


def test_a_mean_over_rows_that_do_not_all_print_a_capaian_is_a_warning(tmp_path):
    rows = tabel_32(["Rata-rata", "", "", "", "", "", 97.0, ""])
    rows[5][6] = None  # row 6 prints no capaian: which rows were averaged is a guess
    found, _ = findings(save(tmp_path, rows), "3.2")
    assert errors(found) == []
    assert at(found, "K211") == ["G7"]


def test_an_indicator_named_jumlah_is_still_an_indicator(tmp_path):
    rows = tabel_32(["Rata-rata capaian kinerja", "", "", "", "", "", round(MEAN, 2), ""])
    rows[5][6] = 90.0  # "Jumlah penduduk miskin ...": 400 / 400 x 100 = 100
    rows[6][6] = round((105 + 65 / 70 * 100 + 90) / 3, 2)
    found, _ = findings(save(tmp_path, rows), "3.2")
    assert errors(found) == [("G6", "K101")]


def test_a_jumlah_row_sums_money_as_an_error_and_indicators_as_a_warning(tmp_path):
    header = ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Anggaran (Rp)",
              "Realisasi (Rp)", "Serapan (%)"]
    rows = [
        ["Tabel 3.5 Efisiensi Penggunaan Sumber Daya"], header,
        [1, "Meningkatnya layanan", "Indeks Kepuasan Masyarakat", 80, 84, 105.0, 100_000_000, 95_000_000, 95.0],
        [2, "Meningkatnya akuntabilitas", "Nilai SAKIP", 70, 70, 100.0, 50_000_000, 40_000_000, 80.0],
        ["Jumlah", "", "", 150, 155, 102.5, 150_000_000, 125_000_000, 135_000_000 / 150_000_000 * 100],
    ]
    found, _ = findings(save(tmp_path, rows), "3.5")
    # Realisasi (Rp): 95.000.000 + 40.000.000 = 135.000.000, printed 125.000.000 (an error); realisasi 84 + 70 =
    # 154, printed 155 (a warning: indicators of different units); capaian 102,5 = (105 + 100) / 2 (accepted);
    # serapan 90 = 135.000.000 / 150.000.000 x 100 (accepted: Jumlah realisasi / Jumlah anggaran).
    assert errors(found) == [("H5", "K210")]
    assert at(found, "K211") == ["E5"]


def test_a_rata_rata_row_under_tabel_33_is_checked_year_by_year(tmp_path):
    rows, merges = trend_rows([2023, 2024])
    first, second = rows[4], rows[5]
    means = [(first[col] + second[col]) / 2 for col in (5, 8)]
    rows.append(["Rata-rata capaian", "", "", "", "", round(means[0], 2), "", "", 100.0])
    found, _ = findings(save(tmp_path, rows, merges + ["A7:C7"]), "3.3")
    assert errors(found) == [("I7", "K210")]
    assert "capaian 2024" in next(f for f in found if f.code == "K210").message()


# -- two years without a target ---------------------------------------------------------------------------------


def comparison(change_header, changes):
    rows = [["Tabel 3.4 Perbandingan Realisasi Kinerja Tahun 2023 dan 2024"], [],
            ["No", "Indikator Kinerja", "Satuan", "Realisasi 2023", "Realisasi 2024", change_header]]
    figures = [("Indeks Kepuasan Masyarakat", "indeks", 80, 84), ("Nilai SAKIP", "nilai", 70, 65),
               ("Persentase layanan sesuai SOP", "%", 80, 84), ("Jumlah pengaduan", "kasus", 40, 30)]
    for number, ((name, unit, before, after), change) in enumerate(zip(figures, changes), start=1):
        rows.append([number, name, unit, before, after, change])
    return rows


def test_values_of_two_years_with_a_percent_change_are_checked_by_its_definition(tmp_path):
    # (84 - 80) / 80 x 100 = 5; (65 - 70) / 70 x 100 = -7,142857; 80 -> 84 printed in points (4); 40 -> 30 = -25
    path = save(tmp_path, comparison("Perubahan (%)", [5.0, 7.14, 4.0, -20.0]))
    found, report = findings(path)
    assert report.tables == ["Perbandingan 2023 dan 2024"]
    assert errors(found) == []  # no reading gives -20, but which formula the office meant is not printed
    assert at(found, "K220") == ["F7"]
    assert at(found, "K221") == ["F5"]
    assert at(found, "K222") == ["A3"]
    assert not any(f.code.startswith("K1") for f in found)  # not read as a Tabel 3.3 without targets


def test_a_change_column_whose_header_says_no_percent_is_not_checked(tmp_path):
    path = save(tmp_path, comparison("Kenaikan", [5.0, 7.14, 4.0, -20.0]))
    found, _ = findings(path)
    assert errors(found) == []
    assert [(f.code, f.severity.value) for f in found] == [("K222", "info")]
    assert "tidak diperiksa" in found[0].message()


# -- real reports' captions and headers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption, header, merges",
    [
        (["Tabel 3.2 Capaian Kinerja Sasaran Tahun 2024"],
         [["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]], []),
        (["Pengukuran Kinerja Sasaran"],
         [["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "% Capaian", "Kriteria"]], []),
        (["Tabel 3.2"],
         [["No", "Indikator Kinerja", "Satuan", "Tahun 2024", "", ""], ["", "", "", "Target", "Realisasi", "Capaian (%)"]],
         ["A3:A4", "B3:B4", "C3:C4", "D3:F3"]),
    ],
)
def test_performance_tables_as_real_reports_print_them_are_found_and_checked(tmp_path, caption, header, merges):
    width = len(header[-1])
    body = [[1] + ["Indeks Kepuasan Masyarakat"] * (width - 4) + [80, 84, 96.0]]
    if "Kriteria" in header[0]:
        body = [[1, "Meningkatnya layanan", "Indeks Kepuasan Masyarakat", 80, 84, 96.0, "Baik"]]
    rows = [caption, [], *header, *body]
    path = save(tmp_path, rows, merges)
    found, report = findings(path, "3.2")
    assert "3.2" in report.tables
    # 84 / 80 x 100 = 105, printed 96: no known formula gives it (95 would be (2t - r) / t) (with "Kriteria", the category is checked against the capaian too)
    body_row = 3 + len(header)
    assert (f"F{body_row}", "K101") in errors(found)
    assert {code for _, code in errors(found)} <= {"K101", "K104"}


def test_a_workbook_of_indicators_without_a_table_is_told_the_performance_header(tmp_path):
    path = save(tmp_path, [["Tabel 3.2 Capaian Kinerja"], ["No", "Indikator Kinerja", "Satuan", "Nilai"], [1, "IKM", "indeks", 84]])
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["reason"] == "no_tables"
    assert "Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)" in error["message"]
    assert "Jumlah Anggaran" not in error["message"]
    assert "Judul kolom terdekat, di 'Sheet1'!A2: \"No | Indikator Kinerja | Satuan | Nilai\" (tanpa Target dan Realisasi)" in error["message"]
    budget = save(tmp_path, [["Belanja"], ["Uraian", "Pagu"], ["Belanja pegawai", 100]], name="budget.xlsx")
    error = json.loads(run_cli("validate", budget, "--format", "json").stdout)["error"]
    assert "Jumlah Anggaran" in error["message"]


def test_tahun_anggaran_in_a_title_does_not_make_a_performance_workbook_a_budget_one(tmp_path):
    """"PENGUKURAN KINERJA ... TAHUN ANGGARAN 2024" names the year: the workbook is still told the header a
    performance table needs (before: the budget header, "Uraian | Jumlah Anggaran | ...")."""
    rows = [["PENGUKURAN KINERJA KECAMATAN CONTOH TAHUN ANGGARAN 2024"], [], ["No", "Indikator Kinerja", "Satuan", "Nilai 2024"],
            [1, "Indeks Kepuasan Masyarakat", "indeks", 84]]
    error = json.loads(run_cli("validate", save(tmp_path, rows), "--format", "json").stdout)["error"]
    assert error["reason"] == "no_tables"
    assert "Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)" in error["message"]
    assert "Jumlah Anggaran" not in error["message"]


def test_a_budget_workbook_without_a_table_is_told_what_its_closest_header_lacks(tmp_path):
    """The reason, not only the rule: the header row at A3 has Uraian and Pagu but no Realisasi."""
    rows = [["REALISASI BELANJA TAHUN 2024"], [], ["No", "Uraian", "Pagu (Rp)", "Keterangan"], [1, "Belanja Pegawai", 1000000, "-"]]
    path = save(tmp_path, rows)
    error = json.loads(run_cli("validate", path, "--format", "json").stdout)["error"]
    assert error["reason"] == "no_tables" and "Jumlah Anggaran" in error["message"]
    assert "Judul kolom terdekat, di 'Sheet1'!A3: \"No | Uraian | Pagu (Rp) | Keterangan\" (tanpa Realisasi)." in error["message"]
    english = json.loads(run_cli("validate", path, "--format", "json", "--lang", "en").stdout)["error"]["message"]
    assert "The closest header, at 'Sheet1'!A3: \"No | Uraian | Pagu (Rp) | Keterangan\" (without Realisasi)." in english


def test_findings_name_rows_by_their_sheet_row_not_the_tables_index(tmp_path):
    """A Tabel 3.2 under nine title and blank rows: its first indicator is on sheet row 11, an index of its
    own in the template's layout the reader views it in. The duplicate ID names sheet row 11 and that row's
    indicator (before: the index, "baris 6"); a row with neither indicator nor ID is named by its sheet row,
    in the output's language, and so is the other row of a duplicate No. 50 / 100 x 100 = 50, printed 90: K101
    on row 14."""
    rows = [["TABEL 3.2"], ["Capaian Kinerja Kecamatan Contoh Tahun 2024"], [], [], [], [], [], [], [],
            ["No", "ID Indikator", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
            [1, "IKU-01", "Indeks Kepuasan Masyarakat", "indeks", 80, 84, 105],
            [2, "IKU-02", "Persentase layanan selesai tepat waktu", "%", 90, 81, 90],
            [3, "IKU-01", "Persentase pengaduan ditindaklanjuti", "%", 100, 95, 95],
            [3, None, None, "%", 100, 50, 90]]
    path = save(tmp_path, rows)
    found, report = findings(path, "3.2")
    (duplicate,) = [f for f in found if f.code == "K132"]
    assert duplicate.ref.a1 == "B13"
    assert duplicate.message("id") == "ID IKU-01 juga dipakai di baris 11 tabel ini (Indeks Kepuasan Masyarakat)."
    assert duplicate.message("en") == "ID IKU-01 is also used on row 11 of this table (Indeks Kepuasan Masyarakat)."
    (number,) = [f for f in found if f.code == "K130"]  # No. 3 typed twice: the other row named as printed
    assert number.message("id") == "Nomor urut 3 juga dipakai di baris 13 (Persentase pengaduan ditindaklanjuti)."
    (wrong,) = [f for f in found if f.code == "K101"]
    assert wrong.ref.a1 == "G14"
    assert wrong.to_dict("id")["row_label"] == "baris 14" and wrong.to_dict("en")["row_label"] == "row 14"


def test_import_names_the_summary_rows_it_does_not_copy(tmp_path):
    path = save(tmp_path, tabel_32(["Rata-rata capaian kinerja", "", "", "", "", "", round(MEAN, 2), ""]))
    result = run_cli("import", path, "--out", tmp_path / "templat.xlsx")
    assert result.returncode == 0, result.stderr
    assert "Baris Jumlah / Rata-rata Tabel 3.2 tidak dipindahkan ('Sheet1'!A7)" in result.stdout


# -- published tables (tests/corpus/published) -------------------------------------------------------------------

PUBLISHED = __import__("pathlib").Path(__file__).parent / "corpus" / "published"


@pytest.mark.parametrize(
    "stem",
    [
        "kab-labura-inspektorat-2020-kinerja-makro",
        "kota-cimahi-bpkad-renja-2017-evaluasi-2016",
        "kota-cimahi-bpkad-renstra-2017-anggaran-realisasi-2013-2015",
    ],
)
def test_published_performance_tables_are_found_with_no_false_error_and_every_expected_finding(stem):
    """Labuhanbatu Utara's "Capaian Kinerja Tahun N-1 | Tahun N | Perubahan %" (every printed change is capaian
    N - 100: six warnings, recomputed in its JSON) and Cimahi's Renja evaluation ("Target Kinerja Capaian ... |
    Realisasi capaian ...", consistent) and Renstra table (five years under "Target Renstra PD Tahun Ke- |
    Realisasi Capaian Tahun Ke- | Rasio Capaian Tahun Ke-", its "(6)" column numbers turned into -6 by Excel,
    consistent) were refused as holding no table."""
    meta = json.loads((PUBLISHED / f"{stem}.json").read_text(encoding="utf-8"))
    report = check_file(PUBLISHED / f"{stem}.xlsx")
    assert report.tables
    by_cell = {(f"{f.ref.sheet}!{f.ref.a1}" if f.ref else "-"): f for f in report.findings}
    expected_errors = {e["cell"] for e in meta["expected"] if e["severity"] == "error"}
    assert {cell for cell, f in by_cell.items() if f.severity.value == "error"} == expected_errors
    for expected in meta["expected"]:
        assert by_cell[expected["cell"]].severity.value in ("error", expected["severity"])


def test_years_under_their_concept_are_each_checked(tmp_path):
    """The Cimahi Renstra table with two rasio mistyped: 877.593.718 / 1.617.013.400 x 100 = 54,27 (printed 64 %),
    55.493.750 / 63.743.750 x 100 = 87,06 (printed 50 %)."""
    from openpyxl import load_workbook

    book = load_workbook(PUBLISHED / "kota-cimahi-bpkad-renstra-2017-anggaran-realisasi-2013-2015.xlsx")
    sheet = book.active
    sheet["Q4"], sheet["R12"] = 0.64, 0.5
    book.save(tmp_path / "renstra.xlsx")
    found, report = findings(tmp_path / "renstra.xlsx", "3.3")
    assert errors(found) == [("Q4", "K101"), ("R12", "K101")]
    assert [figures.year for figures in extract_freeform(load_file(tmp_path / "renstra.xlsx"), Settings()).document.trend.rows[0].years] == [2013, 2014, 2015, 2016, 2017]
