"""Odd cells: error values, circular references, merged number cells, dates, enormous or negative amounts,
sheets of a million rows. Each gets a finding at its cell (or a clear refusal), never a crash or a hang."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import run_cli
from corpus import Formula, Sheet, template_sheets, write_zip, xlsx_parts
from helpers import budget_workbook, parent, sub

from lkjip_xl.load import evaluate
from lkjip_xl.load.preflight import LIMITS
from lkjip_xl.numbers import UNVERIFIABLE
from lkjip_xl.snapshot import SheetSnapshot, WorkbookSnapshot

PROGRAM, SUB_1, SUB_2 = "7.01.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002"


def _findings(path: Path, expected_exit: int | None = None) -> list[dict]:
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    if expected_exit is not None:
        assert result.returncode == expected_exit
    return json.loads(result.stdout)["findings"]


def _at(findings: list[dict], code: str) -> set[str]:
    return {finding["cell"] for finding in findings if finding["code"] == code}


def _workbook(tmp_path: Path, lines, merged: str | list[str] = (), extra: list[Sheet] = ()) -> Path:
    """Tabel 3.8 rows from 6: the program, then its sub kegiatan; JUMLAH after them."""
    sheets = template_sheets(lines)
    ranges = [merged] if isinstance(merged, str) else list(merged)
    if ranges:
        cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in ranges)
        sheets[1].after_data = f'<mergeCells count="{len(ranges)}">{cells}</mergeCells>'
    return write_zip(tmp_path / "laporan.xlsx", xlsx_parts(sheets + list(extra)))


@pytest.mark.parametrize("code", ["#REF!", "#DIV/0!", "#VALUE!", "#N/A"])
def test_an_excel_error_value_is_reported_at_its_cell(tmp_path, code):
    from lkjip_xl.numbers import CellError

    path = _workbook(tmp_path, [(PROGRAM, "Program", 300, 200), (SUB_1, "Sub", CellError(code), 200), (SUB_2, "Sub", 300, 0)])
    findings = _findings(path, expected_exit=1)
    assert _at(findings, "N006") == {"E7"}
    assert code in next(f["message"] for f in findings if f["code"] == "N006")


def test_a_typed_error_hides_only_the_same_error_in_formulas(tmp_path):
    from lkjip_xl.numbers import CellError

    lines = [
        (PROGRAM, "Program", Formula("SUM(E7:E8)", CellError("#N/A")), 200),  # the typed #N/A spread here
        (SUB_1, "Sub", CellError("#N/A"), 100),
        (SUB_2, "Sub", 300, Formula("#REF!+1", CellError("#REF!"))),  # a formula broken on its own
    ]
    findings = _findings(_workbook(tmp_path, lines), expected_exit=1)
    assert _at(findings, "N006") == {"E7", "F8"}


def test_figures_without_error_values_have_no_n006(tmp_path):
    path = _workbook(tmp_path, [(PROGRAM, "Program", 300, 200), (SUB_1, "Sub", 300, 200)])
    assert not _at(_findings(path), "N006")


def test_a_date_where_a_number_belongs(tmp_path):
    lines = [parent(PROGRAM, 100, 50), sub(SUB_1, dt.datetime(2024, 3, 4), 50, no=1)]
    findings = _findings(budget_workbook(tmp_path / "tanggal.xlsx", lines), expected_exit=1)
    assert "E7" in _at(findings, "N007")


def test_a_circular_reference_is_named_at_each_of_its_cells(tmp_path):
    path = _workbook(tmp_path, [(PROGRAM, "Program", Formula("E7"), 50), (SUB_1, "Sub", Formula("E6"), 50)])
    findings = _findings(path, expected_exit=1)
    assert _at(findings, "N010") == {"E6", "E7"}


def test_a_formula_that_only_looks_back_is_not_circular(tmp_path):
    path = _workbook(tmp_path, [(PROGRAM, "Program", Formula("E7"), 50), (SUB_1, "Sub", 100, 50)])
    findings = _findings(path)
    assert not _at(findings, "N010") and not _at(findings, "N008")


def test_a_merged_number_cell_is_reported_where_it_reads_empty(tmp_path):
    lines = [(PROGRAM, "Program", 300, 200), (SUB_1, "Sub", 100, 100), (SUB_2, "Sub", 200, 100)]
    findings = _findings(_workbook(tmp_path, lines, merged="E7:E8"), expected_exit=1)
    assert _at(findings, "N011") == {"E8"}
    # The hidden 200 of E8 is not summed as if it showed, nor taken as 0: no misleading parent total.
    assert "E6" not in _at(findings, "B101")


def test_among_many_merged_ranges_the_one_that_matters_is_seen(tmp_path):
    # 250 lines and 50,000 ranges below the table (the sheet's index of merged cells is built once).
    lines = [(PROGRAM, "Program", 250, 250)] + [(f"7.01.01.2.01.{n:04d}", "Sub", 1, 1) for n in range(1, 251)]
    merged = ["E7:E8"] + [f"Z{row}:AA{row}" for row in range(1000, 51_000)]
    findings = _findings(_workbook(tmp_path, lines, merged=merged), expected_exit=1)
    assert _at(findings, "N011") == {"E8"}


def test_the_merge_index_answers_as_excel_shows_the_sheet():
    sheet = SheetSnapshot("S", values=[[None] * 6 for _ in range(10)])
    sheet.merged = [(2, 2, 3, 4), (1, 1, 10, 6), (8, 5, 40, 9)]  # the second overlaps everything: crafted
    assert sheet.merge_anchor(3, 4) == (2, 2) and sheet.merge_anchor(2, 3) == (2, 2)
    assert sheet.merge_anchor(2, 2) is None  # the first cell holds the figure
    assert sheet.merge_anchor(9, 5) == (8, 5)  # clipped to the grid, not dropped
    assert sheet.merge_anchor(1, 1) is None and sheet.merge_anchor(5, 5) is None  # past the budget: left out
    assert sheet.merge_anchor(20, 7) is None  # beyond the grid no cell holds anything


def test_unmerged_cells_have_no_n011(tmp_path):
    lines = [(PROGRAM, "Program", 300, 200), (SUB_1, "Sub", 100, 100), (SUB_2, "Sub", 200, 100)]
    assert not _at(_findings(_workbook(tmp_path, lines)), "N011")


@pytest.mark.parametrize(
    "anggaran",
    [1e300, 1.7e308, -1e20, "Rp 1" + "0" * 400, "9" * 40],
    ids=["1e300", "near-float-max", "-1e20", "400-digit-text", "40-digit-text"],
)
def test_an_enormous_amount_is_a_finding_not_an_overflow(tmp_path, anggaran):
    path = _workbook(tmp_path, [(PROGRAM, "Program", anggaran, 5), (SUB_1, "Sub", anggaran, 5), (SUB_2, "Sub", anggaran, 5)])
    findings = _findings(path, expected_exit=1)
    assert {"E6", "E7", "E8"} <= _at(findings, "N009")


def test_a_large_but_possible_amount_is_not_out_of_range(tmp_path):
    amount = 900_000_000_000_000  # Rp 900 trillion: absurd for an office, but not past the bound
    path = _workbook(tmp_path, [(PROGRAM, "Program", amount, 5), (SUB_1, "Sub", amount, 5)])
    assert not _at(_findings(path), "N009")


def test_negative_budget_or_spending_is_reported(tmp_path):
    path = _workbook(tmp_path, [(PROGRAM, "Program", -500, -100), (SUB_1, "Sub", -500, -100)])
    findings = _findings(path, expected_exit=1)
    assert {"E6", "F6", "E7", "F7"} <= _at(findings, "B116")


def test_a_negative_difference_alone_is_not_b116(tmp_path):
    path = _workbook(tmp_path, [(PROGRAM, "Program", 100, 120), (SUB_1, "Sub", 100, 120)])  # selisih -20
    assert not _at(_findings(path), "B116")


# -- a million rows -----------------------------------------------------------------------------------


def _rows(count: int, compact: bool = False) -> str:
    if compact:  # no references: the smallest XML a million rows can take
        return "".join(f"<row><c><v>{n * 7919 % 100_003}</v></c></row>" for n in range(count))
    return "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>{n * 7}</v></c></row>' for n in range(1, count + 1))


LINES = [(PROGRAM, "Program", 300, 200), (SUB_1, "Sub", 100, 100), (SUB_2, "Sub", 200, 50)]


@pytest.mark.parametrize(
    "data, size",
    [
        (lambda: _rows(1_000_000), "MB"),  # 77 MB of XML: refused by its declared size, before reading
        (lambda: _rows(1_000_000, compact=True), "100.000 baris"),  # 29 MB: stopped at row 100,001
        # cells all over the sheet, more than MAX_STRAYS to leave out as stray cells (see test_stray_cells.py)
        (lambda: "".join(f'<row r="{n * 1000}"><c r="A{n * 1000}"><v>1</v></c><c r="XFD{n * 1000}"><v>1</v></c></row>' for n in range(1, 1002)), "sel"),
    ],
    ids=["million-rows", "million-compact-rows", "cells-everywhere"],
)
def test_a_huge_sheet_is_left_unread_and_the_rest_is_checked(tmp_path, data, size):
    path = _workbook(tmp_path, LINES, extra=[Sheet("Data", raw_data=data())])
    findings = _findings(path, expected_exit=1)
    unread = [finding for finding in findings if finding["code"] == "F009"]
    assert len(unread) == 1 and '"Data"' in unread[0]["message"] and size in unread[0]["message"]
    assert unread[0]["severity"] == "warning"  # not a table sheet of the template
    assert "F6" in _at(findings, "B102")  # Tabel 3.8 was still checked


def test_a_huge_table_sheet_is_an_error(tmp_path):
    sheets = template_sheets(LINES)
    sheets[1].raw_data = _rows(LIMITS.sheet_rows + 1, compact=True)
    findings = _findings(write_zip(tmp_path / "laporan.xlsx", xlsx_parts(sheets)), expected_exit=1)
    unread = next(finding for finding in findings if finding["code"] == "F009")
    assert unread["severity"] == "error" and "Tabel 3.8" in unread["message"]


# -- the formula engine's work is bounded --------------------------------------------------------------


def _uncached(formulas: dict[tuple[int, int], str], values: dict[tuple[int, int], float]) -> WorkbookSnapshot:
    sheet = SheetSnapshot("Data", formulas=formulas)
    for (row, col), value in values.items():
        sheet.set_value(row, col, value)
    return WorkbookSnapshot("x", {"Data": sheet})


def test_distinct_formulas_past_the_compile_budget_stay_unverifiable(monkeypatch):
    monkeypatch.setattr(evaluate, "COMPILE_BUDGET", 10)  # the real budget costs seconds to spend
    formulas = {(row, 2): f"A{row}+{row}" for row in range(1, 16)}  # each a shape of its own
    snapshot = _uncached(formulas, {(row, 1): 1.0 for row in range(1, 16)})
    evaluate.evaluate_uncached(snapshot, {"Data": set(formulas)})
    values = [snapshot.sheets["Data"].value(row, 2) for row in range(1, 16)]
    assert values[:10] == [1.0 + row for row in range(1, 11)]
    assert values[10:] == [UNVERIFIABLE] * 5


def test_a_long_running_total_reads_a_bounded_number_of_cells(monkeypatch):
    monkeypatch.setattr(evaluate, "READ_BUDGET", 5_000)
    rows = 200  # =SUM($A$1:An) reads n cells: 20,100 in all
    formulas = {(row, 2): f"SUM($A$1:A{row})" for row in range(1, rows + 1)}
    snapshot = _uncached(formulas, {(row, 1): 1.0 for row in range(1, rows + 1)})
    evaluate.evaluate_uncached(snapshot, {"Data": set(formulas)})
    sheet = snapshot.sheets["Data"]
    assert [sheet.value(row, 2) for row in (1, 2, 99)] == [1.0, 2.0, 99.0]  # 4,950 cells read by row 99
    assert [sheet.value(row, 2) for row in (101, rows)] == [UNVERIFIABLE, UNVERIFIABLE]
