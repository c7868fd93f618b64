"""The template's performance formulas (capaian with polarity, category scale, serapan, efficiency, the efisien
rule) follow the settings sheet, agree with our checks, and LibreOffice recalculates them to our values."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import TEMPLATE, libreoffice_roundtrip
from helpers import performance_workbook
from test_performance_checks import eff, ind, trend

from lkjip_xl.indicators import EfficiencyFormula, NegativeFormula, parse_scale
from lkjip_xl.load import load_file
from lkjip_xl.numbers import UNVERIFIABLE
from lkjip_xl.settings import Settings
from lkjip_xl.template import layout as L
from lkjip_xl.validate import check_file

OWN_SCALE = ">= 100 Tercapai; >= 80 Hampir Tercapai; Belum Tercapai"

SETTINGS = {
    "bawaan": Settings(office="Kecamatan Uji", year=2024),
    "lain": Settings(
        office="Kecamatan Uji",
        year=2024,
        negative_indicators=("IKU-03",),
        negative_formula=NegativeFormula.INVERSE,
        category_scale=parse_scale("Permendagri 86/2017"),
        efficiency_formula=EfficiencyFormula.DIFFERENCE,
    ),
    "sendiri": Settings(
        office="Kecamatan Uji",
        year=2024,
        negative_indicators=("iku -03", "IKU-09"),  # case and spaces do not count
        category_scale=parse_scale(OWN_SCALE),
        efficiency_formula=EfficiencyFormula.RATIO,
    ),
}

INDICATORS = [
    ind(1, "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", 85, 86.86),
    ind(2, "IKU-02", "Nilai SAKIP", 70, 73.36),
    ind(3, "IKU-03", "Angka kemiskinan", 10, 8, polaritas=None),  # negative only where the settings say so
    ind(4, "IKU-04", "Waktu layanan (hari)", 5, 6, polaritas="Negatif"),
    ind(5, None, "Persentase desa mandiri", 40, 18),  # no ID: the formula takes the name
]
TREND = [
    trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40), (3.32, 3.40), (3.4, 3.44)]),
    trend(2, "IKU-02", "Nilai SAKIP", [(0, 47.11), (70, 47.11), (70, 73.36)]),
    trend(3, "IKU-03", "Angka kemiskinan", [(12, 11), (11, 11.5), (10, 8)]),
    trend(4, "IKU-04", "Waktu layanan (hari)", [(7, 7), (6, 5), (5, 6)]),
]
EFFICIENCY = [
    eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000000000, 1866543961),
    eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36),  # shares the budget above
    eff(3, "IKU-03", "Angka kemiskinan", 10, 12, 500000000, 550000000),
    eff(4, "IKU-04", "Waktu layanan (hari)", 5, 6),
    eff(5, "IKU-05", "Persentase desa mandiri", 40, 18, 100000000, 99000000),
]
PERFORMANCE_SHEETS = (L.TABLE_32.sheet, L.TABLE_33.sheet, L.TABLE_35.sheet)
FORMULA_CHECKS = {"K101", "K104", "K105", "K110", "K111", "K112", "K114"}


def workbook(path, settings):
    return performance_workbook(path, indicators=INDICATORS, trend=TREND, efficiency=EFFICIENCY, settings=settings)


@pytest.mark.parametrize("name", list(SETTINGS))
def test_the_template_formulas_agree_with_the_checks(tmp_path, name):
    """Nothing typed over a derived cell: whatever the settings, the checks find the formulas right."""
    report = check_file(workbook(tmp_path / f"{name}.xlsx", SETTINGS[name]))
    assert [(f.code, f.ref.a1) for f in report.findings if f.code in FORMULA_CHECKS] == []
    assert not [f for f in report.findings if f.code == "N008"]  # every formula evaluated


def test_the_settings_change_what_the_formulas_show(tmp_path):
    values = {}
    for name, settings in SETTINGS.items():
        snapshot = load_file(workbook(tmp_path / f"{name}.xlsx", settings))
        s32, s35 = snapshot.sheet(L.TABLE_32.sheet), snapshot.sheet(L.TABLE_35.sheet)
        t32, t35 = L.TABLE_32, L.TABLE_35
        values[name] = (
            s32.value(t32.first_row + 2, t32.col("capaian")),  # IKU-03, 10 → 8
            s32.value(t32.first_row + 3, t32.col("capaian")),  # IKU-04, Negatif, 5 → 6
            s32.value(t32.first_row, t32.col("kategori")),
            s35.value(t35.first_row, t35.col("efisiensi")),
            s35.value(t35.first_row + 2, t35.col("kategori_efisiensi")),
        )
    assert values["bawaan"][:3] == (pytest.approx(0.8), pytest.approx(0.8), "Sangat Baik")
    assert values["lain"][:3] == (pytest.approx(1.25), pytest.approx(5 / 6), "Sangat Tinggi")
    assert values["sendiri"][:3] == (pytest.approx(1.2), pytest.approx(0.8), None)  # an own scale: no formula label
    serapan, mean = 1866543961 / 2000000000, (3.44 / 3.4 + 73.36 / 70) / 2
    assert values["bawaan"][3] == pytest.approx(1 - serapan)
    assert values["lain"][3] == pytest.approx(mean - serapan)
    assert values["sendiri"][3] == pytest.approx(mean / serapan)
    # IKU-03 and IKU-04 share a budget absorbed at 110 %. Positive, IKU-03 reaches 120 % and IKU-04 80 %: a mean
    # of 100 % and the rule says nothing. Negative (target / realisasi) both reach 83 %: not efficient.
    assert values["bawaan"][4] == "-" and values["lain"][4] == "Tidak Efisien"


def test_libreoffice_recalculates_the_performance_formulas_to_our_values(soffice, tmp_path):
    compared = 0
    for name, settings in SETTINGS.items():
        source = workbook(tmp_path / f"{name}.xlsx", settings)
        ours = load_file(source)
        theirs = load_file(libreoffice_roundtrip(soffice, source, tmp_path / f"lo-{name}"))
        for sheet_name in PERFORMANCE_SHEETS:
            sheet, other = ours.sheet(sheet_name), theirs.sheet(sheet_name)
            for (row, col), formula in sheet.formulas.items():
                mine, lo = sheet.value(row, col), other.value(row, col)
                assert mine is not UNVERIFIABLE, (name, sheet_name, row, col, formula)
                where = (name, sheet_name, row, col, formula[:80])
                if isinstance(mine, float) or isinstance(lo, float):
                    assert mine == pytest.approx(lo, rel=1e-12, abs=1e-9), where
                else:
                    assert mine == lo, where
                compared += 1
    assert compared > 600


def test_the_budget_group_column_is_a_hidden_locked_helper():
    sheet = openpyxl.load_workbook(TEMPLATE)[L.TABLE_35.sheet]
    table = L.TABLE_35
    letter = table.letter("kelompok")
    assert sheet.column_dimensions[letter].hidden
    assert sheet[f"{letter}{table.first_row}"].value == "=1"
    assert sheet[f"{letter}{table.first_row + 1}"].value.startswith("=IF(OR(LEN(")
    assert sheet[f"{letter}{table.first_row}"].protection.locked is not False
    for key in ("capaian", "serapan", "efisiensi", "kategori_efisiensi"):
        assert str(sheet.cell(table.first_row, table.col(key)).value).startswith("="), key


def test_capaian_formulas_read_the_settings_sheet():
    workbook = openpyxl.load_workbook(TEMPLATE)
    table = L.TABLE_33
    capaian = workbook[table.sheet].cell(table.first_row, table.col("capaian0")).value
    negative = workbook[table.sheet].cell(table.first_row, table.col("negatif")).value
    assert f"{table.letter('negatif')}{table.first_row}" in capaian
    category = workbook[L.TABLE_32.sheet].cell(L.TABLE_32.first_row, L.TABLE_32.col("kategori")).value
    settings = workbook[L.SETTINGS_SHEET]
    rows = {settings.cell(row, 1).value: row for row in range(1, settings.max_row + 1)}
    assert f"'Pengaturan'!$C${rows['polaritas_negatif']}" in negative
    assert f"'Pengaturan'!$C${rows['rumus_polaritas_negatif']}" in capaian
    assert "'Tabel 3.2'!" in negative  # a 3.3 indicator takes its polarity from its row in 3.2
    assert f"'Pengaturan'!$C${rows['skala_kategori']}" in category
