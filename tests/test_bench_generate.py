"""The benchmark's workbooks are realistic: Excel-style cached values that are right, and findable mistakes."""

from __future__ import annotations

import copy
import random

import pytest
from python_calamine import CalamineWorkbook

from bench import generate
from conftest import libreoffice_roundtrip
from lkjip_xl.load.evaluate import evaluate_uncached
from lkjip_xl.load.xlsx import read_xlsx
from lkjip_xl.numbers import UNVERIFIABLE
from lkjip_xl.template import layout as L
from lkjip_xl.validate import check_file


def same(a, b) -> bool:
    a, b = (None if x == "" else x for x in (a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory):
    """Every kind of mistake, a negative-polarity indicator, and a Tabel 3.8 longer than the template's."""
    book = generate.build(330, error_rate=0.08, seed=11, indicators=5)
    path = tmp_path_factory.mktemp("gen") / "salah.xlsx"
    generate.write(path, book)
    return book, path


def test_line_counts_are_exact():
    for count in (3, 4, 40, 61, 1000):
        lines = generate.budget_lines(count, random.Random(count))
        assert len(lines) == count
        assert lines[0].level == generate.PROGRAM and lines[-1].level == generate.SUB


def test_cached_values_are_what_the_formula_engine_computes(mistaken):
    _, path = mistaken
    snapshot, uncached = read_xlsx(path)
    assert not uncached  # every formula has its cached value, as in a file saved by Excel
    recomputed = copy.deepcopy(snapshot)
    pending = {name: set(sheet.formulas) for name, sheet in snapshot.sheets.items() if sheet.formulas}
    evaluate_uncached(recomputed, pending)
    checked = skipped = 0
    for name, positions in pending.items():
        for pos in positions:
            engine = recomputed.sheets[name].value(*pos)
            if engine is UNVERIFIABLE:
                skipped += 1
                continue
            checked += 1
            assert same(snapshot.sheets[name].value(*pos), engine), (name, pos, snapshot.sheets[name].formula(*pos))
    assert checked > 1000 and skipped == 0


def test_cached_values_are_what_libreoffice_computes(mistaken, soffice, tmp_path):
    _, path = mistaken
    converted = libreoffice_roundtrip(soffice, path, tmp_path)
    ours, theirs = CalamineWorkbook.from_path(str(path)), CalamineWorkbook.from_path(str(converted))
    for table in L.TABLES:
        mine = ours.get_sheet_by_name(table.sheet).to_python(skip_empty_area=False)
        other = theirs.get_sheet_by_name(table.sheet).to_python(skip_empty_area=False)
        for row in range(table.first_row - 1, len(mine)):
            for col in range(len(table.columns)):
                theirs_value = other[row][col] if row < len(other) and col < len(other[row]) else ""
                assert same(mine[row][col], theirs_value), (table.sheet, row + 1, col + 1)


@pytest.mark.parametrize("lines, seed", [(30, 1), (45, 2), (400, 3)])
def test_a_workbook_without_mistakes_passes_clean(tmp_path, lines, seed):
    path = generate.write(tmp_path / "bersih.xlsx", generate.build(lines, seed=seed))
    report = check_file(path)
    assert report.counts() == {"error": 0, "warning": 0, "info": 0}, [f.message() for f in report.findings]
    assert set(report.tables) == {"3.2", "3.3", "3.5", "3.7", "3.8"}


def test_every_injected_mistake_is_found_at_its_cell(mistaken):
    book, path = mistaken
    report = check_file(path)
    found = {(f.ref.sheet, f.ref.a1) for f in report.findings if f.ref is not None}
    kinds = {item.kind for item in book.injected}
    assert kinds == set(generate._SUB_MISTAKES + generate._PARENT_MISTAKES) | {"capaian_typed"}
    missed = [item for item in book.injected if (item.sheet, item.cell) not in found]
    assert not missed


def test_the_sipd_style_export_is_laid_out_as_the_real_one_and_read_as_consistent(tmp_path):
    """Issue 13's SIPD-style input (bench/generate.py sipd_export), modelled on
    tests/corpus/realdata/sumenep-dinkes-2026-lra-sipd.xlsx: column groups, codes over four columns, account
    rows under each sub kegiatan, zeros as the text "0,00", copies filtered to one bidang and a hidden copy."""
    from openpyxl import load_workbook

    path = generate.sipd_export(tmp_path / "sipd.xlsx", rows=300, sheets=5, seed=3)
    book = load_workbook(path)
    assert [sheet.sheet_state for sheet in book.worksheets] == ["visible"] * 4 + ["hidden"]
    sheet = book.worksheets[0]
    assert [sheet.cell(7, col).value for col in (6, 8, 10)] == ["Operasi", "Modal", "Total"]
    accounts = [row for row in range(10, sheet.max_row + 1) if str(sheet.cell(row, 4).value or "").startswith("5.")]
    assert len(accounts) > 100 and all(sheet.cell(row, 3).value for row in accounts)
    assert "0,00" in {sheet.cell(row, 8).value for row in accounts}
    assert any(book.worksheets[1].row_dimensions[row].hidden for row in range(13, 60))
    report = check_file(path)
    assert report.counts()["error"] == 0, [f for f in report.findings if f.severity.value == "error"][:3]


def test_the_text_figure_table_has_every_figure_as_text():
    book = generate.freeform(120, seed=4, text_figures=True)
    rows = book.sheets["Tabel 3.8"][5:]
    figures = [cell[0] for row in rows if len(row) >= 7 for cell in row[3:7]]
    assert len(figures) > 400 and all(isinstance(value, str) for value in figures)
    assert any(value.startswith("Rp") for value in figures) and any(value.endswith("%") for value in figures)
