"""The command line: exit codes, settings, and the generated catalogue of checks."""

from __future__ import annotations

import json

import openpyxl

from conftest import EXAMPLE, ROOT, run_cli
from helpers import budget_workbook, parent, sub

from lkjip_xl.docs import rules_markdown
from lkjip_xl.findings import CATALOGUE


def test_exit_0_without_errors_even_with_warnings(tmp_path):
    path = budget_workbook(tmp_path / "ok.xlsx", [parent("7.01.01", 100, 120), sub("7.01.01.2.01.0001", 100, 120, no=1)])
    result = run_cli("validate", path, "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["counts"]["error"] == 0 and data["counts"]["warning"] > 0


def test_exit_1_with_errors():
    assert run_cli("validate", EXAMPLE).returncode == 1


def test_exit_2_for_a_missing_file(tmp_path):
    result = run_cli("validate", tmp_path / "tidak-ada.xlsx", "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["error"]["reason"] == "not_found"
    assert "tidak-ada.xlsx" in result.stderr


def test_exit_2_for_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "surat.xlsx"
    path.write_text("Ini bukan buku kerja.")
    result = run_cli("validate", path)
    assert result.returncode == 2
    assert "surat.xlsx" in result.stderr


def test_config_file_overrides_the_settings_sheet(tmp_path):
    lines = [parent("7.01.01", 1_400_000, 1_289_349), sub("7.01.01.2.01.0001", 1_400_000, 1_289_349, no=1, persen=0.9232)]
    path = budget_workbook(tmp_path / "p.xlsx", lines)
    strict = json.loads(run_cli("validate", path, "--format", "json").stdout)
    assert "B105" in {f["code"] for f in strict["findings"]}
    config = tmp_path / "lkjip.toml"
    config.write_text("toleransi_persen = 0.25\n")
    lenient = json.loads(run_cli("validate", path, "--format", "json", "--config", config).stdout)
    assert "B105" not in {f["code"] for f in lenient["findings"]}


def test_truncation_setting_in_the_workbook(tmp_path):
    lines = [parent("7.01.01", 3400, 3280), sub("7.01.01.2.01.0001", 3400, 3280, no=1, persen=0.964)]  # 96,47
    path = budget_workbook(tmp_path / "p.xlsx", lines)
    accepted = json.loads(run_cli("validate", path, "--format", "json").stdout)
    assert {f["code"] for f in accepted["findings"] if f["table"] == "3.8"} == {"B107"}
    config = tmp_path / "lkjip.toml"
    config.write_text('terima_pemotongan = "tidak"\n')
    refused = json.loads(run_cli("validate", path, "--format", "json", "--config", config).stdout)
    assert {f["code"] for f in refused["findings"] if f["table"] == "3.8"} == {"B105"}


def test_a_bad_setting_in_the_workbook_is_reported_and_defaulted(tmp_path):
    import openpyxl

    path = budget_workbook(tmp_path / "p.xlsx", [parent("7.01.01", 1, 1), sub("7.01.01.2.01.0001", 1, 1, no=1)])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Pengaturan"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "toleransi_persen")
    sheet.cell(row, 3).value = "banyak"
    workbook.save(path)
    data = json.loads(run_cli("validate", path, "--format", "json").stdout)
    assert "S003" in {f["code"] for f in data["findings"]}


def test_an_unknown_config_key_is_refused(tmp_path):
    config = tmp_path / "lkjip.toml"
    config.write_text("toleransi = 1\n")
    result = run_cli("validate", EXAMPLE, "--config", config, "--format", "json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["reason"] == "config"


def test_rules_lists_every_check():
    result = run_cli("rules")
    assert result.returncode == 0
    for code in CATALOGUE:
        assert code in result.stdout


def test_docs_rules_md_is_generated_from_the_code():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_every_check_has_texts_in_both_languages():
    from lkjip_xl.checks import load_all

    load_all()
    for check in CATALOGUE.values():
        for text in (check.title, check.message, check.description, check.fix):
            assert text.id.strip() and text.en.strip(), check.code
            assert text.id != text.en or check.code == "N008", check.code


def test_tables_not_there_are_said_once_a_warning_in_the_template_info_on_free_form_sheets(tmp_path):
    template = budget_workbook(tmp_path / "templat.xlsx", [parent("7.01.01", 100, 90), sub("7.01.01.2.01.0001", 100, 90, no=1)])
    book = openpyxl.load_workbook(template)
    for name in ("Tabel 3.2", "Tabel 3.3", "Tabel 3.5"):  # an office that deleted the sheets it did not fill
        del book[name]
    book.save(template)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Realisasi"
    for row in (
        ["Tabel 3.8 Realisasi Anggaran"],
        ["No", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Selisih (Rp)", "%"],
        [1, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN", 1000000, 900000, 100000, 90],
        [None, "Penyediaan Jasa Kantor", 1000000, 900000, 100000, 90],
        [None, "JUMLAH", 1000000, 900000, 100000, 90],
    ):
        sheet.append(row)
    freeform = tmp_path / "ekspor.xlsx"
    book.save(freeform)
    for path, severity in ((template, "warning"), (freeform, "info")):
        data = json.loads(run_cli("validate", path, "--format", "json").stdout)
        missing = [finding for finding in data["findings"] if finding["code"] == "S001"]
        assert [(finding["severity"], finding["table"]) for finding in missing] == [(severity, None)]
        assert "3.2, 3.3, 3.5" in missing[0]["message"]
