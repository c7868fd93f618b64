"""A sheet with a stray cell far from its table (a note at row 1,000,000, an "x" at XFD1) or a <dimension> tag
that claims the whole sheet: the loader reads it without allocating the empty grid in between (issue 12, 13).
The table is checked as if the stray cell were not there, and the stray cell keeps its value."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import Workbook, load_workbook

from bench.generate import freeform
from lkjip_xl.load import load_file
from lkjip_xl.load.xlsx import MAX_STRAYS, _strays


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    """A free-form Tabel 3.8 of 40 lines, figures as text, as a report pastes it."""
    return freeform(40, seed=5, text_figures=True).save(tmp_path_factory.mktemp("stray") / "tabel.xlsx")


def _findings(path: Path) -> dict:
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    out = json.loads(result.stdout)
    out.pop("file")
    return out


def _with(table: Path, target: Path, cells: dict[str, object]) -> Path:
    book = load_workbook(table)
    sheet = next(sheet for sheet in book.worksheets if "3.8" in sheet.title)
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(target)
    return target


@pytest.mark.parametrize(
    "cells",
    [{"B1000000": "catatan lama"}, {"XFD1": "x"}, {"XFD1048576": 7, "XFD1": "x", "A900000": 12.5}],
    ids=["far-below", "far-right", "corners"],
)
def test_a_stray_cell_far_from_the_table_leaves_the_table_read_as_without_it(tmp_path, table, cells):
    path = _with(table, tmp_path / "stray.xlsx", cells)
    assert _findings(path) == _findings(table)  # no F009, the same findings
    sheet = next(sheet for sheet in load_file(path).sheets.values() if "3.8" in sheet.name)
    for ref, value in cells.items():
        row, col = int(re.sub("[A-Z]", "", ref)), 0
        for letter in re.sub("[0-9]", "", ref):
            col = col * 26 + ord(letter) - 64
        assert sheet.value(row, col) == value  # kept, at its place
    assert sum(len(cells) for cells in sheet.values) < 100_000  # no dense grid up to it


def test_a_dimension_tag_claiming_the_whole_sheet_reads_as_the_cells_say(tmp_path, table):
    path = tmp_path / "dimensi.xlsx"
    with zipfile.ZipFile(table) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                assert count == 1
            target.writestr(info, data)
    assert _findings(path) == _findings(table)
    lying, honest = load_file(path), load_file(table)
    assert {name: sheet.values for name, sheet in lying.sheets.items()} == {
        name: sheet.values for name, sheet in honest.sheets.items()
    }


STRAY_VALUES = [1, 1.5, "teks", True, False, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), dt.time(3, 4), 0.25]


def test_a_stray_cell_reads_as_python_calamine_reads_the_same_cell_in_the_grid(tmp_path):
    """The few cells read apart from python-calamine: numbers, texts (shared and inline), booleans, dates
    and times under their number formats, each equal to what calamine gives for the same cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    for col, value in enumerate(STRAY_VALUES, start=1):
        for row in (2, 1_000_000):
            sheet.cell(row, col, value)
            if col == len(STRAY_VALUES):
                sheet.cell(row, col).number_format = "0%"
    sheet.cell(3, 1, "<b>inline</b>")
    book.save(tmp_path / "nilai.xlsx")
    loaded = load_file(tmp_path / "nilai.xlsx").sheets["Data"]
    near = [loaded.value(2, col) for col in range(1, len(STRAY_VALUES) + 1)]
    far = [loaded.value(1_000_000, col) for col in range(1, len(STRAY_VALUES) + 1)]
    assert far == near and [type(value) for value in far] == [type(value) for value in near]
    assert near[2] == "teks" and isinstance(near[5], dt.date)


def test_strays_are_the_fewest_cells_that_bring_the_rest_within_the_limit():
    table = [(row, col) for row in range(1, 20_001) for col in range(1, 11)]
    assert _strays(table + [(1, 16384)], 2_000_000) == {(1, 16384)}
    assert _strays(table + [(1_000_000, 2), (1_048_576, 16_384)], 2_000_000) == {(1_000_000, 2), (1_048_576, 16_384)}
    everywhere = [(n * 1000, 16384) for n in range(1, MAX_STRAYS + 2)]
    assert _strays(table + everywhere, 2_000_000) is None  # more than MAX_STRAYS: the sheet stays unread (F009)
