"""The performance formulas of domain.md, as pure functions (lkjip_xl/indicators.py)."""

from __future__ import annotations

import pytest

from lkjip_xl.indicators import (
    PERMENDAGRI_86,
    TABEL_31,
    EfficiencyFormula,
    IkmScale,
    NegativeFormula,
    Polarity,
    Verdict,
    capaian,
    efficiency,
    efficiency_verdict,
    family,
    id_key,
    ikm_scale,
    name_key,
    parse_polarity,
    parse_scale,
    predikat_in,
    read_verdict,
    sakip_predikat,
    split_list,
    text_key,
)


def test_positive_capaian_is_realisasi_over_target_and_not_capped():
    assert capaian(85, 86.86) == pytest.approx(102.188235, abs=1e-6)
    assert capaian(3, 5) == pytest.approx(166.6667, abs=1e-4)


@pytest.mark.parametrize("target", [0, None])
def test_no_capaian_without_a_target(target):
    assert capaian(target, 47.11) is None


def test_negative_polarity_formulas():
    # 10 % poverty targeted, 8 % reached: better than target.
    assert capaian(10, 8, Polarity.NEGATIVE) == pytest.approx(120)
    assert capaian(10, 8, Polarity.NEGATIVE, NegativeFormula.INVERSE) == pytest.approx(125)
    assert capaian(10, 0, Polarity.NEGATIVE, NegativeFormula.INVERSE) is None


@pytest.mark.parametrize(
    "text, formula",
    [
        ("(2 x target - realisasi) / target", NegativeFormula.DOUBLE_TARGET),
        ("(2*target-realisasi)/target", NegativeFormula.DOUBLE_TARGET),
        ("(2 × target − realisasi) / target", NegativeFormula.DOUBLE_TARGET),
        ("Target / Realisasi", NegativeFormula.INVERSE),
    ],
)
def test_negative_formula_names(text, formula):
    assert NegativeFormula.parse(text) is formula


def test_an_unknown_formula_name_is_refused():
    with pytest.raises(ValueError):
        NegativeFormula.parse("realisasi / target")
    with pytest.raises(ValueError):
        EfficiencyFormula.parse("serapan - 100")


def test_polarity_words():
    assert parse_polarity("Negatif") is Polarity.NEGATIVE
    assert parse_polarity(" positif ") is Polarity.POSITIVE
    assert parse_polarity("") is None
    with pytest.raises(ValueError):
        parse_polarity("turun")


def test_efficiency_formulas():
    assert efficiency(93.33, 102.95, EfficiencyFormula.REMAINDER) == pytest.approx(6.67)
    assert efficiency(93.33, 102.95, EfficiencyFormula.DIFFERENCE) == pytest.approx(9.62)
    assert efficiency(93.33, 102.95, EfficiencyFormula.RATIO) == pytest.approx(110.3075, abs=1e-4)
    assert efficiency(None, 102.95, EfficiencyFormula.REMAINDER) is None
    assert EfficiencyFormula.parse("100 − % serapan") is EfficiencyFormula.REMAINDER


def test_the_qualitative_efficiency_rule_of_the_seed():
    assert efficiency_verdict(102.95, 93.33) is Verdict.EFFICIENT
    assert efficiency_verdict(90, 95) is Verdict.INEFFICIENT
    assert efficiency_verdict(105, 110) is None  # efficient capaian, but spending above it: the rule is silent
    assert efficiency_verdict(90, 80) is None


@pytest.mark.parametrize(
    "text, verdict, own",
    [
        ("Efisien", Verdict.EFFICIENT, True),
        ("tidak efisien", Verdict.INEFFICIENT, True),
        ("Sangat Efisien", Verdict.EFFICIENT, False),
        ("Inefisien", Verdict.INEFFICIENT, False),
        ("Kurang Efisien", None, False),
        ("Sangat Tidak Efisien", Verdict.INEFFICIENT, False),
        ("Sangat kurang efisien", None, False),
        ("Baik", None, False),
    ],
)
def test_reading_efficiency_words(text, verdict, own):
    assert read_verdict(text) == (verdict, own)


@pytest.mark.parametrize(
    "value, label",
    [(104.8, "Sangat Baik"), (100, "Baik"), (100.0000001, "Sangat Baik"), (85, "Baik"), (84.99, "Cukup"),
     (65, "Cukup"), (50, "Kurang"), (49.9, "Sangat Kurang"), (85.00000000000001, "Baik")],
)
def test_the_seed_scale(value, label):
    assert TABEL_31.category(value) == label


@pytest.mark.parametrize(
    "value, label",
    [(91, "Sangat Tinggi"), (90.5, "Sangat Tinggi"), (90, "Tinggi"), (76, "Tinggi"), (75, "Sedang"), (66, "Sedang"),
     (65, "Rendah"), (51, "Rendah"), (50, "Sangat Rendah")],
)
def test_the_permendagri_86_bands(value, label):
    assert PERMENDAGRI_86.category(value) == label


def test_scales_by_name_and_own_scales():
    assert parse_scale("permendagri 86/2017") is PERMENDAGRI_86
    assert parse_scale("Tabel 3.1") is TABEL_31
    own = parse_scale(">= 100 Tercapai; >= 80 Hampir; Belum")
    assert own.category(100) == "Tercapai" and own.category(99) == "Hampir" and own.category(10) == "Belum"
    assert parse_scale(TABEL_31.spec).bands == TABEL_31.bands
    assert str(own) == own.spec and str(TABEL_31) == "Tabel 3.1"


@pytest.mark.parametrize("text", ["Sangat Baik", "> 100 Sangat Baik; Baik; Cukup", ">= 50 A; >= 80 B; C", "> 100 A; > 90 B"])
def test_scales_that_do_not_read(text):
    with pytest.raises(ValueError):
        parse_scale(text)


def test_ikm_scales():
    assert ikm_scale(3.44) is IkmScale.NI and ikm_scale(86.86) is IkmScale.NIK
    assert ikm_scale(12) is None and ikm_scale(101) is None and ikm_scale(None) is None
    assert IkmScale.NI.convert(3.44, IkmScale.NIK) == pytest.approx(86)
    assert IkmScale.NIK.convert(85, IkmScale.NI) == pytest.approx(3.4)


@pytest.mark.parametrize("nilai, predikat", [(91, "AA"), (90, "A"), (80.5, "A"), (73.36, "BB"), (70, "B"), (55, "CC"), (31, "C"), (30, "D")])
def test_sakip_predikat(nilai, predikat):
    assert sakip_predikat(nilai) == predikat


@pytest.mark.parametrize("text, predikat", [("BB", "BB"), ("Predikat: bb", "BB"), ("(A)", "A"), ("nilai 73,36 predikat BB", "BB"), ("Baik", None), ("", None)])
def test_predikat_written_in_a_cell(text, predikat):
    assert predikat_in(text) == predikat


def test_one_indicator_under_its_names():
    assert family("Indek Kepuasan Masyarakat (IKM)") == family("Indeks IKM") == "ikm"
    assert family("Predikat Nilai Sakip") == family("Nilai SAKIP") == "sakip"
    assert name_key("Indek Kepuasan Masyarakat (IKM)") == name_key("Indeks IKM")
    assert name_key("Persentase layanan sesuai SOP") == name_key("persentase  Layanan sesuai SOP.")
    assert name_key("Persentase layanan sesuai SOP") != name_key("Jumlah desa mandiri")
    assert text_key("Pelayanan Publik yang Kéren") == text_key("pelayanan publik yang keren")  # accents go


def test_lists_and_ids():
    assert split_list("IKU-03, IKU-05; IKU 07\nIKU-09") == ("IKU-03", "IKU-05", "IKU 07", "IKU-09")
    assert split_list(["IKU-03", " "]) == ("IKU-03",)
    assert id_key(" iku 07") == id_key("IKU07")
