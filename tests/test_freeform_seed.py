"""The seed report's tables pasted into plain workbooks give the template example's findings, at their own cells.

Layouts (tests/pasted.py): all text, one table per sheet named Sheet1..5; the same after Excel's conversion
of the figures; the whole report excerpt on one sheet (paragraphs and the tables lkjip-xl does not check in
between); tables away from A1 with blank rows, notes and several tables to a sheet.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLE, run_cli
from pasted import (
    finding_keys,
    freeform_only,
    messy,
    one_sheet,
    one_table_per_sheet,
    paired_cells,
    read,
    rendered_workbook,
)

from lkjip_xl.template import layout as L

LAYOUTS = {
    "text": lambda path: one_table_per_sheet(path),
    "converted": lambda path: one_table_per_sheet(path, convert=True),
    "one-sheet": lambda path: one_sheet(path),
    "messy": lambda path: messy(path),
}


@pytest.fixture(scope="module")
def example():
    return read(EXAMPLE)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pasted_seed_gives_the_examples_findings_at_its_own_cells(tmp_path, example, layout):
    path = LAYOUTS[layout](tmp_path / f"{layout}.xlsx")
    template_document, template_findings = example
    document, findings = read(path)
    assert document.layout == "freeform"
    assert document.tables == ["3.2", "3.3", "3.5", "3.7", "3.8"]
    sheets = set(load_workbook(path, read_only=True).sheetnames)
    assert all(finding.ref is None or finding.ref.sheet in sheets for finding in findings)
    mapping = paired_cells(template_document, document)
    expected = finding_keys(template_findings, mapping)
    # Tabel 3.8: 19 errors, 21 warnings (a parent's selisih and % computed from its wrong totals are named in
    # the root cause's finding); 3.2, 3.3, 3.5: 5 errors, 3 warnings, 3 info
    assert len(expected) == 51
    # Without codes the hierarchy is guessed; 8 of its 12 parents add up, which confirms it: the sums of the
    # other four stay errors.
    assert finding_keys([finding for finding in findings if not freeform_only(finding)]) == expected


@pytest.mark.parametrize("layout", ["text", "converted"])
def test_the_report_says_the_structure_was_guessed_and_which_parents_do_not_add_up(tmp_path, layout):
    document, findings = read(LAYOUTS[layout](tmp_path / "seed.xlsx"))
    guessed = [finding for finding in findings if finding.code == "S002"]
    assert len(guessed) == 1
    message = guessed[0].message("id")
    # The program whose realisasi copies its anggaran, the two kegiatan whose totals are wrong, and JUMLAH.
    assert guessed[0].severity.value == "warning"
    assert "8 dari 12 baris induk" in message and "9, 14, 17, 51" in message


def test_numbers_as_text_are_info_on_free_form_sheets_and_fewer_once_excel_converted_them(tmp_path):
    _, as_text = read(LAYOUTS["text"](tmp_path / "text.xlsx"))
    _, converted = read(LAYOUTS["converted"](tmp_path / "converted.xlsx"))
    text_infos = [finding for finding in as_text if finding.code == "N001"]
    assert text_infos and {finding.severity.value for finding in text_infos} == {"info"}
    assert 0 < len([finding for finding in converted if finding.code == "N001"]) < len(text_infos) / 4


def test_validate_json_and_summary_sheet_point_at_the_free_form_cells(tmp_path):
    path = LAYOUTS["text"](tmp_path / "seed.xlsx")
    out = tmp_path / "checked.xlsx"
    result = run_cli("validate", path, "--format", "json", "--out", out)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["layout"] == "freeform"
    program = [f for f in report["findings"] if f["code"] == "B101" and f["row_label"].startswith("PROGRAM PENUNJANG")]
    assert [(f["sheet"], f["cell"]) for f in program] == [("Sheet1", "C9")]
    summary = load_workbook(out, read_only=True)["Ringkasan Validasi"]
    cells = {str(value) for row in summary.iter_rows(values_only=True) for value in row if value}
    assert "Sheet1!C9" in cells


@pytest.fixture(scope="module")
def consistent_template(tmp_path_factory):
    from lkjip_xl.template.contoh import write_example

    path = tmp_path_factory.mktemp("consistent") / "consistent.xlsx"
    write_example(path, consistent=True)
    return path


@pytest.mark.parametrize("convert", [False, True], ids=["text", "converted"])
def test_a_consistent_free_form_workbook_gives_no_error(tmp_path, consistent_template, convert):
    path = rendered_workbook(consistent_template, tmp_path / "consistent.xlsx", convert=convert)
    result = run_cli("validate", path, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0, [f["message"] for f in report["findings"] if f["severity"] == "error"]
    assert report["counts"]["error"] == 0 and report["tables"] == ["3.2", "3.3", "3.5", "3.7", "3.8"]
    guessed = [f for f in report["findings"] if f["code"] == "S002"]
    assert len(guessed) == 1 and guessed[0]["severity"] == "info" and "12 dari 12" in guessed[0]["message"]


def test_one_wrong_figure_in_the_consistent_workbook_is_found_at_its_cell(tmp_path, consistent_template):
    path = rendered_workbook(consistent_template, tmp_path / "consistent.xlsx")
    workbook = load_workbook(path)
    sheet = workbook["Sheet5"]  # Tabel 3.8
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "Penyediaan bahan logistik kantor")
    sheet.cell(row, 3).value = "Rp 51.656.000"  # two digits swapped
    workbook.save(path)
    _, findings = read(path)
    errors = [finding for finding in findings if finding.severity.value == "error"]
    # Its selisih and %, and its kegiatan's total, all agree on 51.565.000: the anggaran is the one wrong
    # figure, reported once at its cell (not as a wrong selisih, % and kegiatan total).
    assert [(finding.code, finding.ref.a1) for finding in errors] == [("B117", f"C{row}")]
    assert (errors[0].reported, errors[0].expected) == (51_656_000, 51_565_000)


def test_template_sheets_copied_out_without_their_settings_sheet_are_read_as_free_form(tmp_path, example):
    """An office copies the template's sheets into its own workbook: the Pengaturan sheet (the template's
    marker) is gone, so the free-form reader takes over, finds the Kode column, and guesses nothing."""
    workbook = load_workbook(EXAMPLE)
    del workbook["Pengaturan"]
    # Tabel 3.3's year headers are formulas on the settings sheet; a copy made in Excel keeps what they showed.
    table = L.TABLE_33
    for offset in (2, 1, 0):
        workbook[table.sheet].cell(table.header_row, table.col(f"target{offset}")).value = 2024 - offset
    workbook.save(tmp_path / "copied.xlsx")
    template_document, template_findings = example
    document, findings = read(tmp_path / "copied.xlsx")
    assert document.layout == "freeform" and document.budget["3.8"].structure == "code"
    assert not [finding for finding in findings if finding.code == "S002"]
    mapping = paired_cells(template_document, document)
    assert finding_keys([f for f in findings if not freeform_only(f)]) == finding_keys(template_findings, mapping)
