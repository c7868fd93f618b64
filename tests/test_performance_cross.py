"""The X checks between the performance tables, and between Tabel 3.5 and the Tabel 3.8 JUMLAH.

3.3's current year is columns K/L/M (target, realisasi, capaian), rows from 7; 3.5 has E/F/G and H/I for the
budget, rows from 7; 3.2 has F/G/H, rows from 6.
"""

from __future__ import annotations

import pytest
from helpers import parent, sub
from test_performance_checks import check, codes, eff, ind, only, trend


def test_x010_x011_current_year_of_tabel_33_against_tabel_32(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36)],
        trend=[trend(1, "IKU-02", "Nilai SAKIP", [(None, 47.11), (70, 47.11), (70, 74.36, 1.0623)])],
    )
    # Each table fits its own figures: the realisasi differ, and the capaian M7 only follows from that. One
    # finding, at the copy (3.3), naming 3.2's cell; no X011 for the capaian that follows.
    assert codes(found) == [("X010", "L7")]
    value = found[0]
    assert (value.reported, value.expected) == (74.36, 73.36) and "2024" in value.message()
    assert "3.2 (G6)" in value.message() and "M7" in value.message()
    assert value.severity.value == "error"


def test_x010_lands_on_tabel_32_when_only_tabel_32_disagrees_with_itself(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 74.36, capaian=1.048)],  # 104,8 is 73,36 / 70, not 74,36
        trend=[trend(1, "IKU-02", "Nilai SAKIP", [(None, 47.11), (70, 47.11), (70, 73.36, 1.048)])],
        efficiency=[eff(1, "IKU-02", "Nilai SAKIP", 70, 73.36, capaian=1.048)],
    )
    # 3.3 and 3.5 agree with themselves and with each other: the fault is in 3.2, reported there once.
    assert sorted(codes(found)) == [("K101", "H6"), ("X010", "G6")]
    value = only(found, "X010")
    assert value.table == "3.2" and (value.reported, value.expected) == (74.36, 73.36)
    assert "3.3 (L7)" in value.message() and "3.5 (F7)" in value.message()


def test_x010_x011_are_silent_when_the_tables_agree_up_to_rounding(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36)],
        trend=[trend(1, "IKU-02", "Nilai SAKIP", [(None, 47.11), (70, 47.11), (70, 73.36, 1.048)])],
        efficiency=[eff(1, "IKU-02", "Nilai SAKIP", 70.0, 73.4)],  # 73,4 is 73,36 rounded; 104,857… is 104,8 cut
    )
    assert codes(found) == []


def test_x011_is_a_warning_when_only_the_rounding_of_the_inputs_differs(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, capaian=1.048)],
        efficiency=[eff(1, "IKU-02", "Nilai SAKIP", 70, 73.4, capaian=1.049)],  # 73,4 / 70 = 104,857… → 104,9
    )
    finding = only(found, "X011")
    assert finding.severity.value == "warning" and "pembulatan" in finding.message()


def test_x011_names_the_table_whose_capaian_fits_its_own_figures(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", 85, 86.86, capaian=1.0195)],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 85, 86.86, capaian=1.0219)],
    )
    # Same target and realisasi; 3.2's capaian does not follow from them (K101 there): that is the fault, and
    # 3.5's right figure gets no finding for differing from it.
    assert codes(found) == [("K101", "H6")]


def test_x011_lands_on_the_table_that_cannot_be_checked_on_its_own(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Persentase desa mandiri", 40, 18, capaian=0.45)],
        efficiency=[eff(1, "IKU-01", "Persentase desa mandiri", "Tercapai", "Tercapai", capaian=0.5)],
    )
    finding = only(found, "X011")
    assert (finding.table, finding.ref.a1, finding.expected) == ("3.5", "G7", 45)
    assert "Hanya angka Tabel 3.2" in finding.message()


def test_x012_ikm_on_two_scales_is_compared_after_converting(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", 85, 86)],
        trend=[trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40), (3.32, 3.40), (3.4, 3.44)])],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44)],
    )
    # 3,44 × 25 = 86 and 3,4 × 25 = 85: the same figures; only the scale differs, in Tabel 3.2.
    assert codes(found) == [("X012", "F6")]
    assert found[0].severity.value == "warning" and "NIK" in found[0].message()


def test_x010_ikm_realisasi_that_differs_after_converting(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", 85, 86.86)],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44)],
    )
    finding = only(found, "X010")
    assert finding.ref.a1 == "F7" and finding.expected == pytest.approx(3.4744)


def test_x013_indicators_missing_from_the_other_table(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks IKM", 3.4, 3.44), ind(2, "IKU-02", "Nilai SAKIP", 70, 73.36)],
        trend=[trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40), (3.32, 3.40), (3.4, 3.44)]),
               trend(2, "IKU-9", "Nilai SAKIP", [(None, 47.11), (70, 47.11), (70, 73.36)])],
    )
    # A mistyped ID: the 3.3 row is not in 3.2 and 3.2's IKU-02 is not in 3.3.
    assert sorted((f.code, f.table, f.ref.a1) for f in found) == [("X013", "3.2", "B7"), ("X013", "3.3", "B8")]


def test_x014_rows_without_an_id_are_matched_by_name_and_compared(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, None, "Indek Kepuasan Masyarakat (IKM)", 3.4, 3.44)],
        trend=[trend(1, None, "Indeks IKM", [(3.28, 3.40), (3.32, 3.40), (3.4, 3.45)])],
    )
    # Matched although named differently; the realisasi differs (the capaian follows it: no X011).
    assert sorted(codes(found)) == [("X010", "L7"), ("X014", "B7")]
    assert only(found, "X014").severity.value == "info"


BUDGET = [
    parent("7.01.01", 2000, 1800),
    sub("7.01.01.2.01.0001", 1500, 1300),
    sub("7.01.01.2.01.0002", 500, 500),
]


def test_x020_budget_of_tabel_35_against_the_38_total(tmp_path):
    found = check(tmp_path, name="a.xlsx", budget=BUDGET, efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2500, 1800)])
    finding = only(found, "X020")
    assert (finding.ref.a1, finding.reported, finding.expected) == ("H7", 2500, 2000)
    clean = check(tmp_path, name="b.xlsx", budget=BUDGET, efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800)])
    assert "X020" not in [f.code for f in clean]


def test_x020_counts_a_shared_budget_once_and_sums_separate_ones(tmp_path):
    shared = check(tmp_path, name="a.xlsx", budget=BUDGET, efficiency=[
        eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800), eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36)])
    assert "X020" not in [f.code for f in shared]
    repeated = check(tmp_path, name="b.xlsx", budget=BUDGET, efficiency=[
        eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800), eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36, 2000, 1800)])
    assert [(f.code, f.reported) for f in repeated if f.code == "X020"] == [("X020", 4000), ("X020", 3600)]


def test_x020_leaves_a_wrong_38_total_to_the_budget_checks(tmp_path):
    # 3.8's JUMLAH is typed wrong (2.100); Tabel 3.5 holds the sum of the sub kegiatan.
    from helpers import performance_workbook

    from lkjip_xl.template import layout as L
    from lkjip_xl.validate import check_file

    path = performance_workbook(tmp_path / "c.xlsx", budget=BUDGET, efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800)])
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    table = L.TABLE_38
    workbook[table.sheet].cell(table.last_body_row + 1, table.col("anggaran")).value = 2100
    workbook.save(path)
    found = [f.code for f in check_file(path).findings]
    assert "B101" in found and "X020" not in found


def test_x021_efficiency_word_of_tabel_32_against_tabel_35(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks IKM", 3.4, 3.44, keterangan="Tidak Efisien")],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800)],
    )
    finding = only(found, "X021")
    assert (finding.ref.a1, finding.expected) == ("J6", "Efisien")
    agreeing = check(
        tmp_path, name="b.xlsx",
        indicators=[ind(1, "IKU-01", "Indeks IKM", 3.4, 3.44, keterangan="Efisien")],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000, 1800)],
    )
    assert codes(agreeing) == []
    # A word outside the rule is K113's, which names Tabel 3.5's verdict itself: not reported twice.
    graded = check(
        tmp_path, name="c.xlsx",
        indicators=[ind(1, "IKU-01", "Indeks IKM", 3.4, 3.0, keterangan="Sangat Efisien")],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.0, 2000, 1900)],  # capaian 88 %, serapan 95 %
    )
    assert codes(graded) == [("K113", "J6")] and only(graded, "K113").expected == "Tidak Efisien"


def test_a_35_without_indicator_names_is_matched_through_its_sasaran_in_33(tmp_path):
    # The seed's Tabel 3.5 has no indicator column: its rows name their sasaran, which Tabel 3.3 ties to an indicator.
    sasaran = "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan"
    found = check(
        tmp_path,
        indicators=[ind(1, None, "Indek Kepuasan Masyarakat (IKM)", 85, 86.86)],
        trend=[trend(1, None, "Indeks IKM", [(3.28, 3.40), (3.32, 3.40), (3.4, 3.4744)], sasaran=sasaran)],
        efficiency=[eff(1, None, None, 3.4, 3.44, sasaran=sasaran)],
    )
    # Compared with Tabel 3.2 (through 3.3), and known as the IKM: 3,44 is 86 on the NIK scale, not 86,86.
    finding = only(found, "X010")
    assert (finding.table, finding.ref.a1, finding.expected) == ("3.5", "F7", pytest.approx(3.4744))
    assert "Tabel 3.2" in finding.message()
    assert ("X014", "B7") in codes(found) and "X013" not in [f.code for f in found]


def test_an_error_value_in_the_category_column_is_not_a_label(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, kategori="#REF!")])
    assert "K105" not in [f.code for f in found]


def test_x011_is_silent_when_one_table_follows_another_formula(tmp_path):
    # Tabel 3.2 says Negatif: 120 % there; Tabel 3.5 printed 80 % (realisasi / target). K108 says it at 3.5,
    # and the two capaian differing is no second finding.
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Negatif")],
        efficiency=[eff(1, "IKU-01", "Angka kemiskinan", 10, 8, capaian=0.8)],
    )
    assert codes(found) == [("K108", "G7")]


def test_x015_a_word_written_differently_in_another_table(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Opini BPK", "WTP", "WTP", capaian=1)],
        trend=[trend(1, "IKU-01", "Opini BPK", [("WTP", "WTP"), ("WTP", "WTP"), ("Opini WTP", "WDP")])],
        efficiency=[eff(1, "IKU-01", "Opini BPK", "wtp", "WTP", capaian=1)],  # the same words, other spelling
    )
    finding = only(found, "X015")
    assert (finding.table, finding.ref.a1, finding.severity.value, finding.expected) == ("3.3", "L7", "warning", "WTP")
    assert '"WDP"' in finding.message() and "3.2 (G6)" in finding.message()
