"""Every K check of Tabel 3.2, 3.3 and 3.5 on real template workbooks: a case that trips it, one that does not.

Columns: 3.2 A no, B id, C indikator, E polaritas, F target, G realisasi, H capaian, I kategori, J keterangan
(first row 6); 3.3 E/F/G, H/I/J, K/L/M = target/realisasi/capaian for year−2, year−1, year (first row 7);
3.5 E target, F realisasi, G capaian, H anggaran, I realisasi Rp, J serapan, K efisiensi, L efisien (row 7).
"""

from __future__ import annotations

import pytest
from helpers import performance_workbook

from lkjip_xl.validate import check_file

IGNORED = {"S001"}  # the budget sheets are left out of these workbooks


def ind(no, id_, name, target, realisasi, **more):
    return {"no": no, "id": id_, "indikator": name, "satuan": "Nilai", "polaritas": "Positif",
            "target": target, "realisasi": realisasi, **more}


def trend(no, id_, name, years, **more):
    row = {"no": no, "id": id_, "sasaran": f"Sasaran {name}", "indikator": name, **more}
    for offset, figures in zip((2, 1, 0), years):
        row[f"target{offset}"], row[f"realisasi{offset}"] = figures[:2]
        if len(figures) > 2:
            row[f"capaian{offset}"] = figures[2]
    return row


def eff(no, id_, name, target, realisasi, anggaran=None, spent=None, **more):
    return {"no": no, "id": id_, "sasaran": f"Sasaran {name}", "indikator": name, "target": target,
            "realisasi": realisasi, "anggaran": anggaran, "realisasi_rp": spent, **more}


def check(tmp_path, overrides=None, name="uji.xlsx", **tables):
    report = check_file(performance_workbook(tmp_path / name, **tables), overrides)
    return [f for f in report.sorted() if f.code not in IGNORED]


def codes(findings):
    return [(f.code, f.ref.a1 if f.ref else None) for f in findings]


def only(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, codes(findings)
    return found[0]


# -- capaian ----------------------------------------------------------------------------------------


def test_k101_capaian_that_is_not_realisasi_over_target(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Indeks Kepuasan Masyarakat", 85, 86.86, capaian=1.0195)])
    finding = only(found, "K101")
    assert (finding.ref.a1, finding.reported) == ("H6", 101.95)
    assert finding.expected == pytest.approx(102.1882, abs=1e-4)
    # 101,95 = 86,66 / 85: the message points at the realisasi one digit away.
    assert "86,66" in finding.message() and "86,86" in finding.message()


def test_k101_passes_the_template_formula_and_a_rounded_figure(tmp_path):
    found = check(tmp_path, indicators=[
        ind(1, "IKU-01", "Indeks Kepuasan Masyarakat", 85, 86.86),  # the template's formula
        ind(2, "IKU-02", "Nilai SAKIP", 70, 73.36, capaian=1.048),
        ind(3, "IKU-03", "Persentase layanan sesuai SOP", 90, 95, capaian=1.0556),  # 105,555… rounded
    ])
    assert codes(found) == []


def test_k101_with_negative_polarity_from_the_column(tmp_path):
    # Poverty rate: target 10 %, reached 8 %: 120 % for a negative indicator. 130 % fits no formula at all.
    wrong = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Negatif", capaian=1.3)])
    finding = only(wrong, "K101")
    assert finding.severity.value == "error"
    assert finding.expected == pytest.approx(120) and "polaritas negatif" in finding.message()
    # 80 % is realisasi / target: a known formula, only not the one the column sets. The column stays the
    # measure (expected 120 %), but a figure that fits a formula is never called a typo: a warning.
    positive = check(tmp_path, name="c.xlsx", indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Negatif", capaian=0.8)])
    finding = only(positive, "K108")
    assert finding.severity.value == "warning" and finding.expected == pytest.approx(120)
    assert "kolom Polaritas" in finding.message() and "realisasi / target" in finding.message()
    assert "K101" not in [f.code for f in positive]
    right = check(tmp_path, name="b.xlsx", indicators=[
        ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Negatif", capaian=1.2),
        ind(2, "IKU-02", "Angka pengangguran", 6, 5, polaritas="Negatif"),  # the formula follows the column
    ])
    assert codes(right) == []


def test_k101_in_every_year_of_tabel_33_and_in_tabel_35(tmp_path):
    found = check(
        tmp_path,
        trend=[trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40), (3.32, 3.40, 1.03), (3.4, 3.44)])],
        efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, capaian=1.02)],
    )
    found = [f for f in found if f.code == "K101"]
    assert sorted((f.table, f.ref.a1) for f in found) == [("3.3", "J7"), ("3.5", "G7")]
    year = next(f for f in found if f.table == "3.3")
    assert year.expected == pytest.approx(102.4096, abs=1e-4) and "2023" in year.message()


def test_k102_truncated_capaian_is_accepted_as_info(tmp_path):
    found = check(tmp_path, trend=[trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40, 1.036), (3.32, 3.40), (3.4, 3.44, 1.011)])])
    assert codes(found) == [("K102", "G7"), ("K102", "M7")]
    assert all(f.severity.value == "info" for f in found)
    assert "103,66" in found[0].message() and "103,70" in found[0].message()


def test_k103_capaian_printed_without_a_target(tmp_path):
    found = check(tmp_path, name="a.xlsx", trend=[trend(1, "IKU-02", "Nilai SAKIP", [(0, 47.11, 0.4711), (70, 47.11), (70, 73.36)])])
    finding = only(found, "K103")
    assert finding.ref.a1 == "G7" and finding.reported == 47.11 and finding.expected is None
    assert "tersalin" in finding.message()  # the capaian is the realisasi
    empty = check(tmp_path, name="b.xlsx", trend=[trend(1, "IKU-02", "Nilai SAKIP", [(None, 47.11, 0.5), (70, 47.11), (70, 73.36)])])
    assert codes(empty) == [("K103", "G7")] and "kosong" in empty[0].message()
    clean = check(tmp_path, name="c.xlsx", trend=[trend(1, "IKU-02", "Nilai SAKIP", [(0, 47.11), (70, 47.11), (70, 73.36)])])
    assert codes(clean) == []  # the template's formula leaves the cell empty


def test_ambiguous_target_takes_the_reading_that_makes_capaian_hold(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Jumlah desa mandiri", "1.250", 1000, capaian=0.8)])
    finding = only(found, "N003")
    assert finding.ref.a1 == "F6" and finding.reported == 1250
    assert "capaian" in finding.message()
    assert finding.severity.value == "warning"
    assert "K101" not in [f.code for f in found]


# -- category, polarity, predikat --------------------------------------------------------------------


def test_k104_category_that_does_not_fit_the_capaian(tmp_path):
    found = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, kategori="Baik")])
    finding = only(found, "K104")
    assert (finding.ref.a1, finding.expected) == ("I6", "Sangat Baik")
    right = check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, kategori="sangat baik")])
    assert codes(right) == []


def test_k104_accepts_the_category_of_the_printed_rounded_capaian(tmp_path):
    # 100,004 is "Sangat Baik", but printed as 100,00 it reads "Baik": either label is fine.
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Persentase layanan", 100000, 100004, capaian=1.0, kategori="Baik")])
    assert codes(found) == []


def test_k105_label_outside_the_scale_names_the_scale_it_belongs_to(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, kategori="Sangat Tinggi")])
    finding = only(found, "K105")
    assert finding.ref.a1 == "I6" and "Permendagri 86/2017" in finding.message()


def test_k106_unknown_polarity_and_k107_conflict_with_the_settings(tmp_path):
    found = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Turun")])
    assert codes(found) == [("K106", "E6")]
    listed = check(
        tmp_path, name="b.xlsx", overrides={"polaritas_negatif": "IKU-01"},
        indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, capaian=1.2)],
    )
    assert codes(listed) == [("K107", "E6")]  # computed as negative: 120 % is right
    # No polarity anywhere: the name says lower is better, the template's formula computed realisasi / target.
    unset = check(tmp_path, name="c.xlsx", indicators=[ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="")])
    assert codes(unset) == [("K108", "H6")] and unset[0].severity.value == "warning" and unset[0].expected is None


def test_k123_sakip_predikat_against_its_score(tmp_path):
    found = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, keterangan="Predikat B")])
    finding = only(found, "K123")
    assert (finding.ref.a1, finding.expected) == ("J6", "BB")
    assert codes(check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, keterangan="BB")])) == []


def test_k122_sakip_score_outside_0_100(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 733.6)])
    assert ("K122", "G6") in codes(found)
    assert "K122" not in [f.code for f in check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36)])]


# -- IKM ----------------------------------------------------------------------------------------------


def test_k120_ikm_target_and_realisasi_on_two_scales(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", 3.4, 86.86, capaian=1.0219)])
    finding = only(found, "K120")
    assert finding.ref.a1 == "G6" and finding.expected == pytest.approx(3.4744)
    # The capaian is computed after converting: 86,86 / 25 / 3,4 = 102,19 %.
    assert "K101" not in [f.code for f in found]


def test_k121_ikm_value_on_neither_scale(tmp_path):
    found = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-01", "IKM", 85, 12)])
    assert ("K121", "G6") in codes(found)
    assert codes(check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-01", "IKM", 85, 86)])) == []


# -- numbering --------------------------------------------------------------------------------------


def test_k130_k131_k132_numbering_and_ids(tmp_path):
    found = check(tmp_path, name="a.xlsx", indicators=[
        ind(1, "IKU-01", "Indikator A", 10, 10),
        ind(1, "IKU-02", "Indikator B", 10, 10),  # two one-row tables pasted together
        ind(4, "IKU-02", "Indikator C", 10, 10),
    ])
    assert codes(found) == [("K130", "A7"), ("K131", "A8"), ("K132", "B8")]
    clean = check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-01", "Indikator A", 10, 10), ind(2, "IKU-02", "Indikator B", 10, 10)])
    assert codes(clean) == []


# -- Tabel 3.5 ---------------------------------------------------------------------------------------


def seed_35(**first):
    """The seed's Tabel 3.5: one budget for both sasaran (the second row left empty, as merged cells)."""
    return [
        eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000000000, 1866543961, **first),
        eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36),
    ]


def test_tabel_35_with_its_template_formulas_is_clean(tmp_path):
    assert codes(check(tmp_path, efficiency=seed_35())) == []


def test_k110_serapan(tmp_path):
    found = check(tmp_path, efficiency=seed_35(serapan=0.95))
    finding = only(found, "K110")
    assert finding.ref.a1 == "J7" and finding.expected == pytest.approx(93.3272, abs=1e-4)


def test_k111_efficiency_of_the_configured_formula(tmp_path):
    found = check(tmp_path, efficiency=seed_35(efisiensi=0.0767))
    finding = only(found, "K111")
    assert finding.ref.a1 == "K7" and finding.reported == 7.67
    assert finding.expected == pytest.approx(6.6728, abs=1e-4)


def test_k112_verdict_against_the_rule(tmp_path):
    found = check(tmp_path, name="a.xlsx", efficiency=seed_35(kategori_efisiensi="Tidak Efisien"))
    finding = only(found, "K112")
    assert (finding.ref.a1, finding.expected, finding.severity.value) == ("L7", "Efisien", "error")
    # Mean capaian 101,18 % but 120 % absorbed: the rule concludes nothing, so "Efisien" is only a warning.
    silent = check(tmp_path, name="b.xlsx", efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 1000, 1200, kategori_efisiensi="Efisien")])
    finding = only(silent, "K112")
    assert (finding.expected, finding.severity.value) == ("-", "warning")


def test_k113_efficiency_words_outside_the_rule(tmp_path):
    found = check(
        tmp_path,
        indicators=[ind(1, "IKU-01", "Indeks IKM", 3.4, 3.44, keterangan="Sangat Efisien"), ind(2, "IKU-02", "Nilai SAKIP", 70, 73.36, keterangan="Efisien")],
        efficiency=seed_35(),
    )
    finding = only(found, "K113")
    assert finding.ref.a1 == "J6" and "efisien" in finding.message()


def test_k114_percentages_without_a_budget(tmp_path):
    found = check(tmp_path, name="a.xlsx", efficiency=[
        eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000000000, 1866543961),
        eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36, serapan=0.9333),  # a shared budget has no serapan of its own
    ])
    # The template's efficiency formula follows the typed serapan: that figure is printed without a budget too.
    assert codes(found) == [("K114", "J8"), ("K114", "K8")]
    zero = check(tmp_path, name="b.xlsx", efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 0, 0, serapan=0.5)])
    assert codes(zero) == [("K114", "J7"), ("K114", "K7")]
    nil = check(tmp_path, name="c.xlsx", efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 0, 0, serapan=0, efisiensi=None)])
    assert codes(nil) == []  # 0 % of nothing is acceptable


def test_k115_spending_above_the_budget(tmp_path):
    found = check(tmp_path, efficiency=[eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 1000, 1200)])
    assert ("K115", "I7") in codes(found)


def test_separate_budgets_make_separate_groups(tmp_path):
    # The second sasaran has its own budget: its own serapan, efficiency and verdict.
    found = check(tmp_path, efficiency=[
        eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 1000, 900),
        eff(2, "IKU-02", "Nilai SAKIP", 70, 60, 1000, 990, efisiensi=0.1),
    ])
    finding = only(found, "K111")
    assert finding.ref.a1 == "K8" and finding.expected == pytest.approx(1)


def test_numbers_typed_as_text_warn_in_the_template_and_inform_on_free_form_sheets(tmp_path):
    from lkjip_xl.checks import run_checks
    from lkjip_xl.load import load_file
    from lkjip_xl.validate import read_document

    path = performance_workbook(tmp_path / "teks.xlsx", indicators=[ind(1, "IKU-02", "Nilai SAKIP", "70", "73,36")])
    document, _ = read_document(load_file(path))
    severities = lambda: {(f.ref.a1, f.severity.value) for f in run_checks(document) if f.code == "N001"}  # noqa: E731
    assert severities() == {("F6", "warning"), ("G6", "warning")}
    document.layout = "freeform"  # as pasted from a report, where text is the norm (budget.py does the same)
    assert severities() == {("F6", "info"), ("G6", "info")}
