"""Renja / RKPD evaluation forms (Permendagri 86/2017): found by their title and column-number row, checked
by the definitions that row prints ("12 = 8+9+10+11", "13 = 12/7*100"), never read as a Tabel 3.2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import run_cli

REAL = Path(__file__).parent / "corpus" / "realdata" / "sukabumi-bappeda-2018-evaluasi-renja.xlsx"

# Column letters of the small form below: No, Program/Kegiatan, Indikator, then K | Rp pairs for the numbers 4-11.
PAIRS = {4: "DE", 5: "FG", 6: "HI", 7: "JK", 8: "LM", 9: "NO", 10: "PQ", 11: "RS", 12: "TU"}
NUMBERS = {1: "A", 2: "B", 3: "C", **{n: pair[0] for n, pair in PAIRS.items()}}
DEFINITIONS = {9: "9 = 7+8", 10: "10 = 9/6*100", 11: "11 = 5 + 9", 12: "12 = 11/4*100"}


def form_workbook(path: Path, rows: list[dict], title: str = "Evaluasi Hasil terhadap RENJA PD", definitions=None):
    """A two-triwulan evaluation form shaped like the real one: a title, a three-row merged header with
    K / Rp under each group, a row of column numbers with the form's formulas, then the rows given as
    {letter: value}. Figures are stored as Excel stores them (floats where a division made them)."""
    definitions = definitions or DEFINITIONS
    book = Workbook()
    sheet = book.active
    sheet.title = "Form"
    sheet["A1"] = "Formulir"
    sheet["A2"] = title
    sheet["A3"] = "Kabupaten Contoh Tahun 2018"
    groups = {
        4: "Target Renstra PD s/d Tahun 2021",
        5: "Realisasi Capaian Kinerja Renstra PD s/d Renja PD Tahun Lalu",
        6: "Target Kinerja dan Anggaran Renja PD Tahun berjalan",
        7: "Realisasi Kinerja Pada Triwulan",
        9: "Realisasi Capaian Kinerja dan Anggaran Renja PD yang dievaluasi",
        10: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD (%)",
        11: "Realisasi Kinerja dan Anggaran Renstra PD s/d tahun berjalan",
        12: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD (%)",
    }
    sheet["A5"], sheet["B5"], sheet["C5"] = "No", "Program/Kegiatan", "Indikator Kinerja Program (outcome)/Kegiatan (output)"
    for col in "ABC":
        sheet.merge_cells(f"{col}5:{col}7")
    for number, text in groups.items():
        first = PAIRS[number][0]
        last = PAIRS[8][1] if number == 7 else PAIRS[number][1]
        sheet[f"{first}5"] = text
        if number == 7:
            sheet.merge_cells(f"{first}5:{last}5")
        else:
            sheet.merge_cells(f"{first}5:{last}6")
    sheet[f"{PAIRS[7][0]}6"], sheet[f"{PAIRS[8][0]}6"] = "I", "II"
    sheet.merge_cells(f"{PAIRS[7][0]}6:{PAIRS[7][1]}6")
    sheet.merge_cells(f"{PAIRS[8][0]}6:{PAIRS[8][1]}6")
    for k, rp in PAIRS.values():
        sheet[f"{k}7"], sheet[f"{rp}7"] = "K", "Rp"
    for number, col in NUMBERS.items():
        sheet[f"{col}8"] = definitions.get(number, number)
        if number in PAIRS:
            sheet.merge_cells(f"{PAIRS[number][0]}8:{PAIRS[number][1]}8")
    for index, values in enumerate(rows, start=9):
        for letter, value in values.items():
            sheet[f"{letter}{index}"] = value
    sheet[f"A{len(rows) + 11}"] = "Faktor pendorong keberhasilan pencapaian kinerja: aparatur yang memahami tugasnya"
    book.save(path)
    return path


def kegiatan(name, indicator, target_k, target_rp, tw1, tw2, before=(0, 0), renstra=(100, 1_000_000)):
    """One consistent kegiatan row: every derived column as the form defines it."""
    k = tw1[0] + tw2[0]
    rp = tw1[1] + tw2[1]
    total = (before[0] + k, before[1] + rp)
    return {
        "B": name, "C": indicator,
        "D": renstra[0], "E": renstra[1], "F": before[0], "G": before[1], "H": target_k, "I": target_rp,
        "J": tw1[0], "K": tw1[1], "L": tw2[0], "M": tw2[1],
        "N": k, "O": rp, "P": k / target_k * 100, "Q": rp / target_rp * 100,
        "R": total[0], "S": total[1], "T": total[0] / renstra[0] * 100, "U": total[1] / renstra[1] * 100,
    }


def consistent_rows():
    return [
        {"A": 1, "B": "Program Pelayanan Administrasi Perkantoran"},
        kegiatan("Penyediaan alat tulis kantor", "Tersedianya alat tulis kantor", 12, 90_000, (5, 40_000), (6, 45_000)),
        kegiatan("Penyediaan jasa kebersihan", "Tersedianya jasa kebersihan", 3, 60_000, (1, 30_000), (2, 30_000), (4, 100_000)),
        {"A": "Rata-rata capaian kinerja (%)"},
    ]


def with_mean(rows):
    """The Rata-rata row's capaian columns as the mean of the rows above (what AVERAGE() gives)."""
    data = [row for row in rows if "P" in row]
    for letter in "PQTU":
        rows[-1][letter] = sum(row[letter] for row in data) / len(data)
    return rows


def validate(path, *more):
    result = run_cli("validate", path, "--format", "json", *more)
    assert result.returncode in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def codes_at(report):
    return sorted((f["cell"] or "-", f["severity"], f["code"]) for f in report["findings"])


def test_a_consistent_form_is_read_by_its_column_numbers_and_gets_no_error(tmp_path):
    path = form_workbook(tmp_path / "renja.xlsx", with_mean(consistent_rows()))
    result, report = validate(path)
    assert result.returncode == 0
    assert report["tables"] == ["Evaluasi Renja"]
    assert codes_at(report) == [("N8", "info", "K204")]
    message = report["findings"][0]["message"]
    assert "9 = 7+8, 10 = 9/6*100, 11 = 5 + 9, 12 = 11/4*100" in message


def test_each_definition_is_checked_in_k_and_rp_and_only_where_the_form_defines_it(tmp_path):
    rows = consistent_rows()
    rows[1]["N"] = 12  # K of the year: triwulan I + II = 5 + 6 = 11
    rows[1]["P"] = 12 / 12 * 100  # its capaian follows the wrong 12 (12/12 = 100): consistent with column 9
    rows[2]["E"] = "1.000.000"  # a figure typed as text is read as the number it prints
    with_mean(rows)
    rows[2]["Q"] = 90.0  # capaian Rp: 60.000 / 60.000 x 100 = 100
    result, report = validate(form_workbook(tmp_path / "renja.xlsx", rows))
    assert result.returncode == 1
    assert codes_at(report) == [
        ("N10", "error", "K201"),  # 9 = 7+8 (K): 5 + 6 = 11
        ("N8", "info", "K204"),
        ("Q11", "error", "K202"),  # 10 = 9/6*100 (Rp): 60.000 / 60.000 x 100 = 100
        ("Q12", "warning", "K203"),  # mean of the printed Rp capaian (94,44 + 90) / 2 = 92,22, printed 97,22
        ("R10", "error", "K201"),  # 11 = 5 + 9 (K): 0 + 12 = 12, printed 11
    ]
    by_cell = {f["cell"]: f for f in report["findings"]}
    assert (by_cell["N10"]["reported"], by_cell["N10"]["expected"]) == (12, 11)
    assert (by_cell["R10"]["reported"], by_cell["R10"]["expected"]) == (11, 12)
    assert (by_cell["Q11"]["reported"], by_cell["Q11"]["expected"]) == (90, 100)
    # 85.000 / 90.000 x 100 = 94,444...; (94,444... + 100) / 2 printed before Q11 was changed to 90.
    assert by_cell["Q12"]["reported"] == pytest.approx(97.2222222222)
    assert by_cell["Q12"]["expected"] == pytest.approx(92.2222222222)


def test_rows_without_a_label_and_formulas_not_understood_are_named_once_and_not_checked(tmp_path):
    rows = with_mean(consistent_rows())
    rows.append({"N": 999, "O": 1, "P": 5})  # the form's helper row under the mean: no label, wrong by any rule
    definitions = {**DEFINITIONS, 12: "12 = rata-rata 10"}
    result, report = validate(form_workbook(tmp_path / "renja.xlsx", rows, definitions=definitions))
    assert result.returncode == 0
    assert codes_at(report) == [("N8", "info", "K204")]
    message = report["findings"][0]["message"]
    assert "baris tanpa uraian (13)" in message
    assert "12 = rata-rata 10" in message
    assert "12 = 11/4*100" not in message


def test_definitions_are_read_in_the_forms_offices_print(tmp_path):
    rows = with_mean(consistent_rows())
    rows[2]["Q"] = 90.0  # 60.000 / 60.000 x 100 = 100
    definitions = {9: "9 = 7 + 8", 10: "10=(9)/(6) x 100%", 11: "11 = 5+9", 12: "12 = (11/4) × 100"}
    _, report = validate(form_workbook(tmp_path / "renja.xlsx", rows, definitions=definitions))
    # Q12 (the mean, computed before Q11 was changed) is then a warning too.
    assert codes_at(report) == [("N8", "info", "K204"), ("Q11", "error", "K202"), ("Q12", "warning", "K203")]
    assert "tidak dikenali" not in report["findings"][0]["message"]


def test_a_number_whose_parts_are_not_k_and_rp_is_not_checked_and_said_once(tmp_path):
    from openpyxl import load_workbook

    rows = with_mean(consistent_rows())
    rows[1]["N"] = 12  # 9 = 7+8 (K) would say 11: not checked, column 7's parts are unknown
    path = form_workbook(tmp_path / "renja.xlsx", rows)
    book = load_workbook(path)
    book["Form"]["J7"], book["Form"]["K7"] = "Vol", "Nilai"
    book.save(path)
    _, report = validate(path)
    assert not any(f["code"] == "K201" and f["cell"] == "N10" for f in report["findings"])
    info = next(f for f in report["findings"] if f["code"] == "K204")
    assert "Kolom nomor 7 tidak dapat dibagi menjadi K dan Rp" in info["message"]


def test_the_rkpd_form_is_named_by_its_title(tmp_path):
    title = "EVALUASI TERHADAP HASIL RKPD KABUPATEN CONTOH TAHUN 2018"
    _, report = validate(form_workbook(tmp_path / "rkpd.xlsx", with_mean(consistent_rows()), title=title))
    assert report["tables"] == ["Evaluasi RKPD"]
    assert codes_at(report) == [("N8", "info", "K204")]


def test_without_its_title_the_table_is_no_evaluation_form(tmp_path):
    path = form_workbook(tmp_path / "plain.xlsx", with_mean(consistent_rows()), title="Tabel capaian kegiatan")
    _, report = validate(path)
    assert "Evaluasi Renja" not in report["tables"]
    assert not any(f["code"].startswith("K20") for f in report["findings"])


def test_the_real_bappeda_form_has_one_true_inconsistency_and_no_false_error():
    """sepeng-bappeda.xlsx (Bappeda Kab. Sukabumi 2018), recomputed by hand with Decimal over every row
    that names a program, kegiatan or indicator (rows 15-37, 42-44) and every definition of its row 13:
    - AB17 (program row, column 14 Rp = 6 + 12): printed 656.244 (=SUM(AB18:AB20), three of twenty
      kegiatan rows); L17 + X17 = 2.500.000 + 1.874.960 = 4.374.960.
    Everything else holds. Its summary rows (38, 45: "Rata-rata capaian kinerja", whose cells mix SUM and
    AVERAGE) break 14 = 6 + 12 and 15 = 14/5*100 by construction and are not data: only their capaian
    columns are compared with the mean above (AC38, AD38, AC45, AD45 equal it). Rows 39, 40, 46, 47 have
    no label and are named in the info. Before this reader: 31 errors (N005 on the "I"/"K" rows, K101
    pairing column 6 with column 5), 8 warnings."""
    result, report = validate(REAL)
    assert result.returncode == 1
    assert report["tables"] == ["Evaluasi Renja"]
    assert codes_at(report) == [("AB17", "error", "K201"), ("W13", "info", "K204")]
    error = next(f for f in report["findings"] if f["code"] == "K201")
    assert (error["reported"], error["expected"]) == (656244, 4374960)
    info = next(f for f in report["findings"] if f["code"] == "K204")
    assert "12 = 8+9+10+11, 13 = 12/7*100, 14 = 6 + 12, 15 = 14/5*100" in info["message"]
    assert "(39, 40, 46, 47)" in info["message"]


def test_import_names_the_form_it_does_not_copy(tmp_path):
    result = run_cli("import", REAL, "--out", tmp_path / "templat.xlsx")
    assert result.returncode == 0, result.stderr
    assert "Evaluasi Renja di Sheet-1!A13: bukan tabel LKjIP, tidak dipindahkan" in result.stdout


def test_rupiah_and_thousands_of_rupiah_are_never_compared(tmp_path):
    rows = with_mean(consistent_rows())
    for row in rows[1:3]:
        row["S"] = row["S"] / 1000  # column 11 in thousands: 85.000 -> 85
    path = form_workbook(tmp_path / "renja.xlsx", rows)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["Form"]["S7"] = "Rp. (000)"
    book.save(path)
    result, report = validate(path)
    assert result.returncode == 0
    assert codes_at(report) == [("N8", "info", "K204")]
    assert "rupiah dan ribuan rupiah bercampur: 11 = 5 + 9; 12 = 11/4*100." in report["findings"][0]["message"]


def test_a_table_below_the_form_on_the_same_sheet_is_read_as_itself(tmp_path):
    from openpyxl import load_workbook

    path = form_workbook(tmp_path / "renja.xlsx", with_mean(consistent_rows()))
    book = load_workbook(path)
    sheet = book["Form"]
    sheet.append([])
    sheet.append(["Tabel 3.2 Capaian Kinerja"])
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"])
    sheet.append([1, "Indeks Kepuasan Masyarakat", 80, 84, 96.0])  # 84 / 80 x 100 = 105; no known formula gives 96
    book.save(path)
    result, report = validate(path)
    assert report["tables"] == ["3.2", "Evaluasi Renja"]
    assert ("E19", "error", "K101") in codes_at(report)
    assert not any(f["code"].startswith("K20") and f["severity"] == "error" for f in report["findings"])
