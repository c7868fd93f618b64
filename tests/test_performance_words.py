"""Issue 11 in the performance tables: words, ranges and "-" are values; a capaian that fits a known formula is
never called a typo; a finding names the root cause once.

Real template workbooks written with openpyxl and read back (figures as typed: words and ranges as text,
percentages as fractions under the template's % format). Columns as in test_performance_checks.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_performance_checks import check, codes, ind, only, seed_35, trend

from lkjip_xl.indicators import Range, Word, lower_is_better, range_capaian, read_word_or_range


# -- words are values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("WTP", Word("WTP", "opini", 0)),
        ("Opini WDP", Word("Opini WDP", "opini", 1)),
        ("BB", Word("BB", "predikat", 2)),
        ("Predikat A", Word("Predikat A", "predikat", 1)),
        ("Hijau", Word("Hijau")),
        ("N/A", Word("N/A")),
        ("80 - 90%", Range(80, 90, "80 - 90%")),
        ("7 – 8", Range(7, 8, "7 – 8")),
        ("80-90", Range(80, 90, "80-90")),
        ("80 s.d. 90", Range(80, 90, "80 s.d. 90")),
        ("≥ 80", Range(80, None, "≥ 80")),
        ("maks. 5", Range(None, 5, "maks. 5")),
        ("86,8a", None),  # a broken figure keeps its N005
        ("90 - 80", None),
    ],
)
def test_words_and_ranges_are_read_as_values(text, value):
    assert read_word_or_range(text) == value


def test_word_targets_are_not_broken_numbers_and_are_listed_once_as_unchecked(tmp_path):
    found = check(tmp_path, indicators=[
        ind(1, "IKU-01", "Opini BPK atas laporan keuangan", "WTP", "WTP", capaian=1),  # equal words, 100 %: consistent
        ind(2, "IKU-02", "Predikat SAKIP", "A", "BB", capaian=0.9),  # an ordered scale: stated, not arithmetic
        ind(3, "IKU-03", "Status kinerja", "Hijau", "Hijau"),  # the template leaves the capaian empty
        ind(4, "IKU-04", "Ketersediaan data", 100, "N/A", capaian="N/A"),
        ind(5, "IKU-05", "Dokumen perencanaan", "Tersedia", "Tersedia", capaian="Tercapai"),
    ])
    assert [f.code for f in found if f.code in ("N005", "K101", "K103")] == []
    info = only(found, "K109")
    assert info.severity.value == "info" and info.params["count"] == 2
    message = info.message()
    assert "Predikat SAKIP" in message and "predikat" in message and "Ketersediaan data" in message
    assert "Opini BPK" not in message and "Status kinerja" not in message  # consistent, nothing to check by hand


def test_a_broken_figure_in_a_performance_table_is_still_not_a_number(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Jumlah desa mandiri", 10, "8a", capaian=0.8)])
    assert ("N005", "G6") in codes(found)


def test_word_realisasi_in_tabel_33_is_said_once_for_the_table(tmp_path):
    found = check(tmp_path, trend=[
        trend(1, "IKU-01", "Opini BPK", [("WTP", "WDP"), ("WTP", "WDP"), ("WTP", "WTP", 1)]),
        trend(2, "IKU-02", "Persentase desa mandiri", [(30, "-"), (35, "N/A", "-"), (40, 18)]),
    ])
    assert [f.code for f in found if f.severity.value != "info"] == []
    info = only(found, "K109")
    assert info.table == "3.3" and info.params["count"] == 3  # WTP/WDP twice, N/A once


# -- ranges -------------------------------------------------------------------------------------------


def test_range_capaian_follows_permenpanrb_6_2022():
    target = Range(80, 90, "80 - 90%")
    assert range_capaian(target, 85) == 100
    assert range_capaian(target, 95) == pytest.approx(95 / 90 * 100)  # above: over the upper bound
    assert range_capaian(target, 72) == pytest.approx(90)  # below: over the lower bound


def test_range_targets_are_checked_against_their_range(tmp_path):
    found = check(tmp_path, indicators=[
        ind(1, "IKU-01", "Persentase layanan tepat waktu", "80 - 90%", 85, capaian=1),
        ind(2, "IKU-02", "Persentase layanan sesuai SOP", "80 - 90%", 95, capaian=1.0556),
        ind(3, "IKU-03", "Persentase pengaduan selesai", "80 - 90%", 72, capaian=0.9),
        ind(4, "IKU-04", "Persentase arsip tertata", "≥ 80", 88, capaian=1.1),  # 88 / 80: accepted too
        ind(5, "IKU-05", "Persentase desa mandiri", "7 – 8", 9, capaian=0.6),  # no reading gives 60 %
    ])
    assert [f.code for f in found if f.code in ("N005", "K101", "K103")] == []
    finding = only(found, "K117")
    assert finding.ref.a1 == "H10" and finding.severity.value == "warning"
    assert finding.expected == pytest.approx(112.5) and "7 – 8" in finding.message()


# -- "-" where there is nothing -------------------------------------------------------------------------


def test_a_dash_capaian_without_a_target_is_right(tmp_path):
    found = check(tmp_path, name="a.xlsx", trend=[
        trend(1, "IKU-02", "Nilai SAKIP", [("-", "-", "-"), ("-", 47.11, "-"), (70, 73.36)]),
    ])
    assert codes(found) == []
    # A figure where there is no target stays K103, and the message quotes the "-".
    wrong = check(tmp_path, name="b.xlsx", trend=[trend(1, "IKU-02", "Nilai SAKIP", [("-", 47.11, 0.4711), (70, 47.11), (70, 73.36)])])
    finding = only(wrong, "K103")
    assert finding.ref.a1 == "G7" and 'targetnya -' in finding.message()


def test_a_dash_serapan_on_a_shared_budget_row_is_right(tmp_path):
    rows = seed_35()
    rows[1] = dict(rows[1], serapan="-", efisiensi="-")
    assert codes(check(tmp_path, efficiency=rows)) == []


# -- polarity: assumed, never a typo ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, lower",
    [
        ("Angka Kematian Ibu (AKI)", True),
        ("Prevalensi stunting", True),
        ("Tingkat pengangguran terbuka", True),
        ("Rata-rata lama pelayanan KTP", True),
        ("Jumlah pengaduan masyarakat", True),
        ("Rasio gini", True),
        ("Cakupan penanganan kasus gizi buruk", False),
        ("Persentase penurunan angka kemiskinan", False),
        ("Persentase pengaduan yang ditindaklanjuti", False),
        ("Rasio elektrifikasi", False),
        ("Ketepatan waktu pelayanan perizinan", False),
        ("Persentase balita gizi buruk yang mendapat perawatan", False),
        ("Persentase penegakan pelanggaran perda", False),
        ("Indeks Kepuasan Masyarakat", False),
    ],
)
def test_lower_is_better_is_read_from_the_name(name, lower):
    assert lower_is_better(name) is lower


def test_polarity_from_the_name_is_used_and_said(tmp_path):
    found = check(tmp_path, indicators=[
        # 100 per 100.000 targeted, 80 reached: (2 × 100 − 80) / 100 = 120 %.
        ind(1, "IKU-01", "Angka kematian ibu", 100, 80, polaritas=None, capaian=1.2),
        ind(2, "IKU-02", "Persentase penurunan angka kemiskinan", 10, 8, polaritas=None, capaian=0.8),
    ])
    assert [f.code for f in found if f.severity.value == "error"] == []
    finding = only(found, "K108")
    assert finding.ref.a1 == "H6" and finding.severity.value == "warning" and finding.expected is None
    assert "nama indikator" in finding.message() and "Pengaturan" in finding.message()


def test_a_capaian_that_fits_the_negative_formula_is_not_a_typo(tmp_path):
    # No hint in the name, no setting: 125 % is target / realisasi exactly, 80 % would be realisasi / target.
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Jumlah hari keterlambatan laporan", 10, 8, polaritas=None, capaian=1.25)])
    finding = only(found, "K108")
    assert finding.severity.value == "warning" and "target / realisasi" in finding.message()
    assert "K101" not in [f.code for f in found]


def test_a_capaian_that_fits_no_formula_is_an_error_even_when_polarity_was_assumed(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Angka kematian ibu", 100, 80, polaritas=None, capaian=1.5)])
    finding = only(found, "K101")
    assert finding.severity.value == "error" and finding.expected == pytest.approx(120)
    assert "nama indikator" in finding.message()


# -- root cause, once ---------------------------------------------------------------------------------------


def test_an_efficiency_computed_from_a_wrong_serapan_is_named_by_the_serapan(tmp_path):
    # 95 % typed for 93,33 %, and the efficiency 5 % = 100 − 95 follows the typo: one finding, at the serapan.
    found = check(tmp_path, efficiency=seed_35(serapan=0.95, efisiensi=0.05))
    assert "K111" not in [f.code for f in found]
    finding = only(found, "K110")
    assert finding.expected == pytest.approx(93.3272, abs=1e-4)
    assert "K7 menjadi 6,67%" in finding.message()


def test_an_efficiency_verdict_computed_from_a_wrong_serapan_is_named_by_the_serapan(tmp_path):
    # 110 % typed for 93,33 %: the template's efficiency (1 − 110 %) and verdict ("-": 110 % is above the mean
    # capaian) follow the typo. Once fixed they read 6,67 % and Efisien: one finding, at the serapan.
    found = check(tmp_path, efficiency=seed_35(serapan=1.1))
    assert codes(found) == [("K110", "J7")]
    assert "K7 menjadi 6,67%" in found[0].message() and "L7 menjadi Efisien" in found[0].message()


def test_an_efficiency_computed_from_a_wrong_capaian_is_left_to_the_capaian(tmp_path):
    # IKM capaian typed 105 % (3,44 / 3,4 = 101,18 %); efficiency = mean capaian − serapan follows the typo.
    mean_printed = (105 + 73.36 / 70 * 100) / 2  # the SAKIP row's capaian is the template's formula
    rows = seed_35(capaian=1.05, efisiensi=round(mean_printed - 1866543961 / 2000000000 * 100, 2) / 100)
    found = check(tmp_path, overrides={"rumus_efisiensi": "capaian - serapan"}, efficiency=rows)
    assert [f.code for f in found if f.severity.value == "error"] == ["K101"]


# -- free-form: the same table pasted from a report ---------------------------------------------------------

PASTED_32 = [
    "**Tabel 3.2**",
    "",
    "<b>No.</b>\t<b>Indikator Kinerja Utama</b>\t<b>Satuan</b>\t<b>Target</b>\t<b>Realisasi</b>\t<b>Capaian %</b>",
    "1\t2\t3\t4\t5\t6",
    "1.\tOpini BPK atas Laporan Keuangan\tOpini\tWTP\tWTP\t100%",
    "2.\tNilai AKIP\tPredikat\tA\tBB\t-",
    "3.\tPersentase layanan tepat waktu\t%\t80 - 90%\t95\t105,56",
    "4.\tAngka kematian bayi\tper 1.000 KH\t10\t8\t120",
    "5.\tPersentase desa mandiri\t%\t40\t18\t45,00",
    "6.\tPersentase sengketa batas desa\t%\t-\t-\t-",
    "7.\tStatus zona integritas\tStatus\tHijau\tN/A\tN/A",
]


@pytest.mark.parametrize("convert", [False, True], ids=["text-as-printed", "excel-converted"])
def test_a_pasted_table_with_words_ranges_and_dashes_has_no_false_error(tmp_path, convert):
    from openpyxl import Workbook
    from pasted import paste

    from lkjip_xl.validate import check_file

    workbook = Workbook()
    paste(workbook.active, PASTED_32, convert=convert)
    path = tmp_path / "tempel.xlsx"
    workbook.save(path)
    findings = [f for f in check_file(path).findings if f.table == "3.2"]
    assert [(f.code, f.ref.a1) for f in findings if f.severity.value == "error"] == []
    assert [(f.code, f.ref.a1) for f in findings if f.severity.value == "warning"] == [("K108", "F8")]  # AKB
    info = [f for f in findings if f.code == "K109"]
    assert len(info) == 1 and info[0].params["count"] == 2  # the predikat A/BB and Hijau/N/A rows


def test_a_figure_printed_with_its_unit_is_that_figure(tmp_path):
    # As a published LKIP prints it (Disnakertrans Jabar 2016, Tabel 3.1): "30 LPK", "21 LPK", 70 %.
    found = check(tmp_path, indicators=[
        ind(1, "IKU-01", "Jumlah LPK terakreditasi", "30 LPK", "21 LPK", capaian=0.7),
        ind(2, "IKU-02", "Jumlah tenaga kerja terlatih", "1.000 orang", "640 orang", capaian=0.64),
        ind(3, "IKU-03", "Jumlah lembaga terbina", "125 lembaga", "202 lembaga", capaian=1.5),  # 161,6 %
    ])
    assert codes(found) == [("K101", "H8")]
    assert found[0].expected == pytest.approx(161.6)


def test_a_figure_in_the_category_column_is_no_label_to_judge(tmp_path):
    # "63,36 % (Sedang)" printed in one cell and split in two: the figure part lands under Kategori.
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Persentase layanan", 100, 63.36, kategori="63,36 %")])
    assert codes(found) == []


def test_the_words_of_a_renja_evaluation_form_are_not_broken_numbers():
    # Bappeda Kab. Sukabumi 2018 (kresno/sepeng, download/bappeda.xlsx, the Permendagri 86/2017 form): its
    # header rows carry "K" (kinerja) and "I" (triwulan I) where figures stand below. Whatever the reading of
    # the layout, a word there is no "bukan angka" error.
    from lkjip_xl.validate import check_file

    findings = check_file(Path(__file__).parent / "corpus" / "realdata" / "sukabumi-bappeda-2018-evaluasi-renja.xlsx").findings
    assert [f.ref.a1 for f in findings if f.code == "N005" and f.table in ("3.2", "3.3", "3.5")] == []
