"""The per-office settings of the performance checks: on the template's settings sheet and in a ``--config``
TOML file under the same keys; each one changes the result."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import TEMPLATE, run_cli
from helpers import performance_workbook
from test_performance_checks import check, codes, eff, ind, trend

from lkjip_xl.indicators import PERMENDAGRI_86, TABEL_31, EfficiencyFormula, NegativeFormula
from lkjip_xl.settings import SETTINGS_BY_KEY, Settings, SettingsError
from lkjip_xl.template import layout as L

NEW_KEYS = ("polaritas_negatif", "rumus_polaritas_negatif", "skala_kategori", "rumus_efisiensi")


def sheet_settings(path=TEMPLATE):
    sheet = openpyxl.load_workbook(path)[L.SETTINGS_SHEET]
    return {sheet.cell(row, 1).value: row for row in range(1, sheet.max_row + 1)}, sheet


def test_the_template_holds_every_setting_with_its_default_and_choices():
    rows, sheet = sheet_settings()
    values = {key: sheet.cell(rows[key], L.SETTINGS_VALUE_COL).value for key in NEW_KEYS}
    assert values == {
        "polaritas_negatif": None,
        "rumus_polaritas_negatif": "(2 x target - realisasi) / target",
        "skala_kategori": "Tabel 3.1",
        "rumus_efisiensi": "100 - serapan",
    }
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists[f"C{rows['skala_kategori']}"] == '"Tabel 3.1,Permendagri 86/2017"'
    assert lists[f"C{rows['rumus_efisiensi']}"] == '"100 - serapan,capaian - serapan,capaian / serapan"'
    # A drop-down that suggests: an own scale may be typed in.
    assert not next(v for v in sheet.data_validations.dataValidation if str(v.sqref) == f"C{rows['skala_kategori']}").showErrorMessage


def test_settings_parse_from_text_and_toml_values():
    settings = Settings().with_values(
        {
            "polaritas_negatif": ["IKU-03", "IKU-05"],
            "rumus_polaritas_negatif": "target/realisasi",
            "skala_kategori": "permendagri 86/2017",
            "rumus_efisiensi": "Capaian - Serapan",
        },
        "uji",
    )
    assert settings.negative_indicators == ("IKU-03", "IKU-05")
    assert settings.negative_formula is NegativeFormula.INVERSE
    assert settings.category_scale is PERMENDAGRI_86
    assert settings.efficiency_formula is EfficiencyFormula.DIFFERENCE
    assert Settings().with_values({"polaritas_negatif": "IKU-03; IKU-05"}, "uji").negative_indicators == ("IKU-03", "IKU-05")
    assert Settings().category_scale is TABEL_31


@pytest.mark.parametrize("key, value", [("rumus_efisiensi", "serapan / 2"), ("rumus_polaritas_negatif", "R/T"), ("skala_kategori", "Bagus")])
def test_a_value_that_does_not_read_is_refused_with_its_key(key, value):
    with pytest.raises(SettingsError, match=key):
        Settings().with_values({key: value}, "uji")


def test_the_sheet_writes_what_it_reads_back():
    own = Settings(office="X", year=2024, negative_indicators=("IKU-03",), category_scale=PERMENDAGRI_86,
                   efficiency_formula=EfficiencyFormula.RATIO, negative_formula=NegativeFormula.INVERSE)
    for key in NEW_KEYS:
        setting = SETTINGS_BY_KEY[key]
        shown = setting.show(getattr(own, setting.attribute))
        assert getattr(Settings().with_values({key: shown}, "uji"), setting.attribute) == getattr(own, setting.attribute)


# -- each setting changes the result, from the sheet and from --config ------------------------------------

POVERTY = ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas=None, capaian=1.2)  # 120 %: right if negative


def test_polaritas_negatif(tmp_path):
    # Unset: the name ("kemiskinan") says lower is better and 120 % fits it; the assumption is a warning.
    unset = check(tmp_path, name="a.xlsx", indicators=[POVERTY])
    assert codes(unset) == [("K108", "H6")] and unset[0].severity.value == "warning"
    # Listed as positive by a settings list that names other indicators: 120 % fits the negative formula
    # only, so it is still no error, but the settings stay the measure (80 %, named in the message).
    listed_other = check(tmp_path, name="d.xlsx", overrides={"polaritas_negatif": ["IKU-09"]}, indicators=[POVERTY])
    assert codes(listed_other) == [("K108", "H6")]
    assert listed_other[0].expected == pytest.approx(80) and "polaritas_negatif" in listed_other[0].message()
    assert codes(check(tmp_path, name="b.xlsx", overrides={"polaritas_negatif": ["IKU-01"]}, indicators=[POVERTY])) == []
    on_sheet = Settings(office="Uji", year=2024, negative_indicators=("IKU-01",))
    assert codes(check(tmp_path, name="c.xlsx", settings=on_sheet, indicators=[POVERTY])) == []


def test_polaritas_negatif_reaches_tabel_33_and_35_by_id(tmp_path):
    rows = dict(
        trend=[trend(1, "IKU-01", "Angka kemiskinan", [(12, 11, 1.0833), (11, 11.5, 0.9545), (10, 8, 1.2)])],
        efficiency=[eff(1, "IKU-01", "Angka kemiskinan", 10, 8, 1000, 900, capaian=1.2)],
    )
    unset = check(tmp_path, name="a.xlsx", **rows)
    # Negative read from the name: every figure fits; said once per table row (not per year), as a warning.
    assert sorted((f.code, f.table) for f in unset if f.code != "X013") == [("K108", "3.3"), ("K108", "3.5")]
    positive = check(tmp_path, name="c.xlsx", overrides={"polaritas_negatif": "IKU-09"}, **rows)
    assert len([f for f in positive if f.code == "K108" and f.expected is not None]) == 4
    assert codes(check(tmp_path, name="b.xlsx", overrides={"polaritas_negatif": "IKU-01"}, **rows)) == []


def test_rumus_polaritas_negatif(tmp_path):
    inverse = ind(1, "IKU-01", "Angka kemiskinan", 10, 8, polaritas="Negatif", capaian=1.25)  # 10 / 8
    found = check(tmp_path, name="a.xlsx", indicators=[inverse])
    # The sheet sets (2 x target - realisasi) / target; 125 % is target / realisasi: a warning naming both.
    assert codes(found) == [("K108", "H6")] and found[0].expected == pytest.approx(120)
    assert "rumus_polaritas_negatif" in found[0].message()
    assert codes(check(tmp_path, name="b.xlsx", overrides={"rumus_polaritas_negatif": "target / realisasi"}, indicators=[inverse])) == []


def test_skala_kategori(tmp_path):
    tinggi = [ind(1, "IKU-02", "Nilai SAKIP", 70, 73.36, kategori="Sangat Tinggi")]
    assert codes(check(tmp_path, name="a.xlsx", indicators=tinggi)) == [("K105", "I6")]
    assert codes(check(tmp_path, name="b.xlsx", overrides={"skala_kategori": "Permendagri 86/2017"}, indicators=tinggi)) == []
    own = {"skala_kategori": ">= 100 Tercapai; Belum Tercapai"}
    found = check(tmp_path, name="c.xlsx", overrides=own, indicators=[ind(1, "IKU-02", "Nilai SAKIP", 70, 66, kategori="Tercapai")])
    assert codes(found) == [("K104", "I6")] and found[0].expected == "Belum Tercapai"


def test_skala_kategori_on_the_sheet_drives_the_template_column(tmp_path):
    settings = Settings(office="Uji", year=2024, category_scale=PERMENDAGRI_86)
    rows = [ind(1, "IKU-02", "Nilai SAKIP", 70, 50)]  # 71,4 %: "Cukup" on Tabel 3.1
    path = performance_workbook(tmp_path / "p86.xlsx", indicators=rows, settings=settings)
    from lkjip_xl.load import load_file

    table = L.TABLE_32
    assert load_file(path).sheet(table.sheet).value(table.first_row, table.col("kategori")) == "Sedang"
    assert codes(check(tmp_path, name="p86b.xlsx", settings=settings, indicators=rows)) == []


SEED_35 = [
    eff(1, "IKU-01", "Indeks IKM", 3.4, 3.44, 2000000000, 1866543961, efisiensi=0.0966),  # mean capaian − serapan
    eff(2, "IKU-02", "Nilai SAKIP", 70, 73.36),
]


def test_rumus_efisiensi(tmp_path):
    # 9,66 is mean capaian − serapan, not the sheet's 100 − serapan: a known formula, so a warning that keeps
    # the sheet's formula as the measure.
    found = check(tmp_path, name="a.xlsx", efficiency=SEED_35)
    assert codes(found) == [("K116", "K7")] and found[0].expected == pytest.approx(6.6728, abs=1e-4)
    assert found[0].severity.value == "warning" and "capaian - serapan" in found[0].message()
    wrong = [dict(SEED_35[0], efisiensi=0.0867), SEED_35[1]]  # no formula gives 8,67
    assert codes(check(tmp_path, name="c.xlsx", efficiency=wrong)) == [("K111", "K7")]
    assert codes(check(tmp_path, name="b.xlsx", overrides={"rumus_efisiensi": "capaian - serapan"}, efficiency=SEED_35)) == []


def test_toleransi_persen(tmp_path):
    rounded_twice = [ind(1, "IKU-01", "Indeks IKM", 85, 86.86, capaian=1.0209)]  # 102,09 for 102,19
    assert codes(check(tmp_path, name="a.xlsx", indicators=rounded_twice)) == [("K101", "H6")]
    assert codes(check(tmp_path, name="b.xlsx", overrides={"toleransi_persen": 0.5}, indicators=rounded_twice)) == []


def test_terima_pemotongan(tmp_path):
    rows = [trend(1, "IKU-01", "Indeks IKM", [(3.28, 3.40, 1.036), (3.32, 3.40), (3.4, 3.44)])]
    assert codes(check(tmp_path, name="a.xlsx", trend=rows)) == [("K102", "G7")]
    assert codes(check(tmp_path, name="b.xlsx", overrides={"terima_pemotongan": "Tidak"}, trend=rows)) == [("K101", "G7")]


# -- the doors ---------------------------------------------------------------------------------------


def test_a_bad_value_on_the_sheet_is_a_warning_and_the_default_is_used(tmp_path):
    path = performance_workbook(tmp_path / "s.xlsx", efficiency=SEED_35)
    workbook = openpyxl.load_workbook(path)
    rows, _ = sheet_settings(path)
    workbook[L.SETTINGS_SHEET].cell(rows["rumus_efisiensi"], L.SETTINGS_VALUE_COL).value = "serapan / 2"
    workbook.save(path)
    result = run_cli("validate", path, "--format", "json")
    data = json.loads(result.stdout)
    assert [(f["code"], f["severity"]) for f in data["findings"] if f["code"] == "S003"] == [("S003", "warning")]
    assert "rumus_efisiensi" in next(f["message"] for f in data["findings"] if f["code"] == "S003")
    assert [f["cell"] for f in data["findings"] if f["code"] == "K116"] == ["K7"]  # checked against 100 - serapan


def test_config_file_end_to_end(tmp_path):
    poverty = dict(POVERTY, id="IKU-09", kategori="Sangat Tinggi")  # typed over the formula: 120 % on P86
    path = performance_workbook(tmp_path / "s.xlsx", indicators=[poverty], efficiency=SEED_35)
    config = tmp_path / "kantor.toml"
    config.write_text(
        'polaritas_negatif = ["IKU-09"]\nrumus_efisiensi = "capaian - serapan"\nskala_kategori = "Permendagri 86/2017"\n',
        encoding="utf-8",
    )
    without = json.loads(run_cli("validate", path, "--format", "json").stdout)
    assert {(f["code"], f["cell"]) for f in without["findings"] if f["code"] != "S001"} == {
        ("K108", "H6"), ("K105", "I6"), ("K116", "K7"), ("X013", "B6"), ("X013", "C7"), ("X013", "C8")
    }
    result = run_cli("validate", path, "--format", "json", "--config", config)
    data = json.loads(result.stdout)
    assert result.returncode == 0, data["findings"]
    assert {f["code"] for f in data["findings"]} == {"S001", "X013"}


def test_a_bad_config_value_cannot_be_checked(tmp_path):
    path = performance_workbook(tmp_path / "s.xlsx", indicators=[POVERTY])
    config = tmp_path / "salah.toml"
    config.write_text('rumus_polaritas_negatif = "R/T"\n', encoding="utf-8")
    result = run_cli("validate", path, "--format", "json", "--config", config)
    assert result.returncode == 2
    assert "rumus_polaritas_negatif" in json.loads(result.stdout)["error"]["message"]
