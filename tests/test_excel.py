"""The ribbon button, run through xlwings' remote engine against the example workbook as Excel would show it.

Each test asserts what Excel is told to do (the remote engine's actions, carried out by tests/excel_double.py):
the summary sheet, the fills and notes on flagged cells, and that a second click leaves nothing stale.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLE, libreoffice_roundtrip, run_cli
from excel_double import ExcelDouble, SheetModel

from lkjip_xl.excel.marks import FILLS, MARKS_SHEET
from lkjip_xl.excel.reader import read_snapshot
from lkjip_xl.findings import Severity
from lkjip_xl.load import load_file
from lkjip_xl.numbers import CellError
from lkjip_xl.snapshot import parse_a1
from lkjip_xl.template.layout import SUMMARY_SHEET

OUR_FILLS = set(FILLS.values())
BUDGET = "Tabel 3.8"


def cell_key(finding: dict) -> tuple[str, str]:
    return finding["sheet"], finding["cell"]


def flagged_cells(report) -> set[tuple[str, tuple[int, int]]]:
    return {(f.ref.sheet, (f.ref.row, f.ref.col)) for f in report.findings if f.ref is not None}


def cells_with_our_fill(excel: ExcelDouble) -> set[tuple[str, tuple[int, int]]]:
    return {(sheet.name, pos) for sheet in excel.sheets for pos, fill in sheet.fills.items() if fill in OUR_FILLS}


def cells_with_our_note(excel: ExcelDouble) -> set[tuple[str, tuple[int, int]]]:
    return {
        (sheet.name, pos) for sheet in excel.sheets for pos, note in sheet.notes.items() if note.startswith("LKjIP ")
    }


def summary_findings(excel: ExcelDouble) -> list[list]:
    sheet = excel.sheet(SUMMARY_SHEET)
    rows, _ = sheet.extent()
    grid = [[sheet.value(r, c) for c in range(1, 10)] for r in range(1, rows + 1)]
    header = next(i for i, row in enumerate(grid) if row[:3] == ["No", "Tingkat", "Kode"])
    return [(header + 2 + i, row) for i, row in enumerate(grid[header + 1 :])]


# -- one click: the same findings as the headless command, written into the workbook ------------------------


def test_button_finds_exactly_what_the_headless_command_finds(excel, headless):
    outcome = excel.press()
    ribbon = outcome.report.to_dict()["findings"]
    assert len(ribbon) == len(headless["findings"]) > 40
    for mine, theirs in zip(ribbon, headless["findings"]):
        for key in ("code", "severity", "table", "sheet", "cell", "row_label", "unit", "message"):
            assert mine[key] == theirs[key], (key, mine, theirs)
        for key in ("reported", "expected"):
            exact = theirs[key] is None or isinstance(theirs[key], str)  # a text: an expected label
            assert mine[key] == (theirs[key] if exact else pytest.approx(theirs[key], rel=1e-12))
    assert outcome.report.counts() == headless["counts"]


def test_summary_sheet_lists_every_finding_with_a_link_to_its_cell(excel, headless):
    excel.press()
    rows = summary_findings(excel)
    assert [(row[2], row[4]) for _, row in rows] == [
        (f["code"], f"{f['sheet']}!{f['cell']}") for f in headless["findings"]
    ]
    sheet = excel.sheet(SUMMARY_SHEET)
    for (number, row), finding in zip(rows, headless["findings"]):
        link = sheet.formulas[(number, 5)]
        assert link == f'=HYPERLINK("#\'{finding["sheet"]}\'!{finding["cell"]}","{finding["sheet"]}!{finding["cell"]}")'
        assert sheet.font_colors[(number, 5)] == "#0563c1"
        assert row[8] == finding["message"]
    b101 = next(row for _, row in rows if row[2] == "B101")  # Tabel 3.8's first finding
    assert b101[6:8] == ["Rp 1.720.118.000", "Rp 1.718.975.700"]  # reported vs recomputed, as the officer reads them
    assert sheet.number_formats[(rows[0][0], 9)] == "@"  # text stays text
    counts = next(r for r in range(1, 20) if sheet.value(r, 2) == "Jumlah")
    expected = headless["counts"]
    assert [sheet.value(counts, c) for c in (3, 4, 5)] == [expected["error"], expected["warning"], expected["info"]]
    assert excel.sheets[excel.active].name == SUMMARY_SHEET
    assert sheet.frozen == f"1:{rows[0][0] - 1}"
    [alert] = excel.alerts
    done = f"Validasi selesai: {expected['error']} kesalahan, {expected['warning']} peringatan, {expected['info']} info."
    assert alert[0].startswith(done) and alert[3] == "critical"


def test_every_flagged_cell_gets_the_fill_of_its_severity_and_a_note_with_its_messages(excel, headless):
    excel.press()
    by_cell: dict[tuple[str, str], list[dict]] = {}
    for finding in headless["findings"]:
        by_cell.setdefault(cell_key(finding), []).append(finding)
    for (sheet, cell), findings in by_cell.items():
        model = excel.sheet(sheet)
        pos = parse_a1(cell)
        worst = min((Severity(f["severity"]) for f in findings), key=lambda severity: severity.rank)
        assert model.fills[pos] == FILLS[worst]
        for finding in findings:
            assert f"{finding['code']}: {finding['message']}" in model.notes[pos]
    assert len(cells_with_our_fill(excel)) == len(by_cell)
    assert len(cells_with_our_note(excel)) == len(by_cell)
    marks = excel.sheet(MARKS_SHEET)
    assert not marks.visible
    first = headless["findings"][0]
    column, row = "".join(ch for ch in first["cell"] if ch.isalpha()), "".join(ch for ch in first["cell"] if ch.isdigit())
    assert marks.formulas[(3, 1)] == f"=ROW('{first['sheet']}'!${column}${row})"


def test_the_officers_own_colours_and_notes_survive_two_clicks(excel):
    budget = excel.sheet(BUDGET)
    e24, f8, e11, h8 = parse_a1("E24"), parse_a1("F8"), parse_a1("E11"), parse_a1("H8")
    budget.fills[e24] = "#ffff00"  # flagged now, fixed before the second click
    budget.notes[f8] = "catatan saya"  # the officer's own note on a flagged cell
    budget.fills[parse_a1("D12")] = "#00b0f0"  # not flagged at all
    budget.notes[parse_a1("D13")] = "jangan dihapus"

    first = excel.press()
    assert budget.fills[e24] == FILLS[Severity.WARNING] and budget.notes[f8] == "catatan saya"
    assert budget.notes[e11].startswith("LKjIP ")

    excel.type(BUDGET, "E24", 76800000)  # the officer fixes the US-formatted amounts ...
    excel.type(BUDGET, "F24", 76800000)
    budget.fills[h8] = "#00ff00"  # ... recolours a flagged cell ...
    budget.notes[e11] = "sudah dicek"  # ... and writes into one of our notes
    excel.applied.clear()
    second = excel.press()

    fixed = flagged_cells(first.report) - flagged_cells(second.report)
    assert fixed == {(BUDGET, e24), (BUDGET, parse_a1("F24"))}
    assert budget.fills[e24] == "#ffff00" and parse_a1("F24") not in budget.fills  # restored as they were
    assert e24 not in budget.notes and parse_a1("F24") not in budget.notes
    assert budget.fills[parse_a1("G8")] == FILLS[Severity.ERROR]  # still flagged: still marked
    assert budget.fills[h8] == FILLS[Severity.ERROR]  # still flagged: marked again over the new colour
    assert budget.notes[e11] == "sudah dicek" and budget.notes[f8] == "catatan saya"
    assert budget.fills[parse_a1("D12")] == "#00b0f0" and budget.notes[parse_a1("D13")] == "jangan dihapus"
    assert cells_with_our_fill(excel) == flagged_cells(second.report)
    assert cells_with_our_note(excel) == flagged_cells(second.report) - {(BUDGET, f8), (BUDGET, e11)}
    # unchanged marks are left alone: no note is written twice
    assert not [a for a in excel.applied if a["func"] == "addNote"]
    assert [s.name for s in excel.sheets].count(SUMMARY_SHEET) == 1 and excel.has_sheet(MARKS_SHEET)


def test_a_second_click_on_an_unchanged_workbook_touches_no_marked_cell(excel):
    first = excel.press()
    fills = {sheet.name: dict(sheet.fills) for sheet in excel.sheets if sheet.name != SUMMARY_SHEET}
    excel.applied.clear()
    second = excel.press()
    assert flagged_cells(second.report) == flagged_cells(first.report)
    assert not [a for a in excel.applied if a["func"] in ("setRangeColor", "addNote", "deleteNote")]
    assert {sheet.name: sheet.fills for sheet in excel.sheets if sheet.name != SUMMARY_SHEET} == fills


def test_the_colour_recorded_for_a_cell_is_the_one_it_had_before_our_mark(excel):
    excel.press()
    excel.sheet(BUDGET).fills[parse_a1("H8")] = "#00ff00"  # recoloured by the officer after the first click
    excel.press()
    marks = excel.sheet(MARKS_SHEET)

    def recorded(cell: str):
        row = next(r for (r, _), f in marks.formulas.items() if f == f"=ROW('Tabel 3.8'!{cell})")
        return marks.value(row, 2)

    assert recorded("$H$8") == "#00ff00"
    assert recorded("$G$8") == "#f2f2f2"  # the template's grey on a derived cell
    assert recorded("$E$8") is None


def test_marks_follow_their_cells_when_the_officer_inserts_rows(excel):
    budget = excel.sheet(BUDGET)
    original_fills = dict(budget.fills)
    first = excel.press()
    excel.insert_rows(BUDGET, 15, count=2)
    second = excel.press()

    def moved(cells):
        return {(sheet, (row + 2 if sheet == BUDGET and row >= 15 else row, col)) for sheet, (row, col) in cells}

    assert flagged_cells(second.report) == moved(flagged_cells(first.report))
    assert cells_with_our_fill(excel) == flagged_cells(second.report)
    assert cells_with_our_note(excel) == flagged_cells(second.report)
    shifted = {(row + 2 if row >= 15 else row, col): fill for (row, col), fill in original_fills.items()}
    for pos, fill in shifted.items():
        if (BUDGET, pos) not in flagged_cells(second.report):
            assert budget.fills.get(pos) == fill, pos
    # the record still knows each cell's own colour and that the notes are ours, so a later fix undoes them
    marks = excel.sheet(MARKS_SHEET)
    rows = range(3, marks.extent()[0] + 1)
    assert {marks.value(row, 2) for row in rows} <= {None, *original_fills.values()}
    assert all(marks.value(row, 4) for row in rows)


def test_a_second_click_replaces_the_summary_and_keeps_a_sheet_of_the_same_name_that_is_not_ours(excel):
    mine = SheetModel(SUMMARY_SHEET, values={(1, 1): "catatan rapat"})
    excel.sheets.append(mine)
    excel.press()
    excel.press()
    names = [sheet.name for sheet in excel.sheets]
    assert names.count(SUMMARY_SHEET) == 1 and names.count(f"{SUMMARY_SHEET} (2)") == 1
    assert excel.sheet(SUMMARY_SHEET).value(1, 1) == "catatan rapat"
    assert excel.sheet(f"{SUMMARY_SHEET} (2)").value(1, 1) == "Ringkasan Validasi LKjIP"


def test_summary_sheet_matches_the_annotated_copy(excel, tmp_path):
    import openpyxl

    excel.press()
    out = tmp_path / "hasil.xlsx"
    assert run_cli("validate", EXAMPLE, "--out", out).returncode == 1
    copy = openpyxl.load_workbook(out)[SUMMARY_SHEET]
    live = excel.sheet(SUMMARY_SHEET)
    rows, cols = live.extent()
    assert (rows, cols) == (copy.max_row, copy.max_column)
    for r in range(1, rows + 1):
        if copy.cell(r, 1).value in ("Berkas", "Diperiksa"):
            continue  # the path given vs the book's name; the time of each run
        for c in range(1, cols + 1):
            expected = copy.cell(r, c).value
            assert live.value(r, c) == (None if expected == "" else expected), (r, c)  # Excel stores no empty text


def test_text_taken_from_the_workbook_stays_text_in_the_summary(tmp_path, soffice):
    from helpers import budget_workbook, parent, sub

    source = tmp_path / "minus.xlsx"
    lines = [parent("7.01.01", 300, 200, uraian="-Program penunjang"), sub("7.01.01.2.01.0001", 100, 100)]
    budget_workbook(source, lines)
    excel = ExcelDouble.from_workbook(source, libreoffice_roundtrip(soffice, source, tmp_path / "lo"))
    outcome = excel.press()  # the double refuses "-Program..." written where Excel would read a formula
    labels = [row[5] for _, row in summary_findings(excel)]
    assert "-Program penunjang" in labels and not outcome.report.valid


def test_a_label_longer_than_a_cell_holds_is_cut_to_fit_in_the_summary(tmp_path, soffice):
    from helpers import budget_workbook, parent, sub

    source = tmp_path / "panjang.xlsx"
    label = "Sub kegiatan " + "panjang " * 5000  # 40,000 characters: Excel refuses such a cell
    # The program's sums are off: its name is quoted in the messages, which come out longer still.
    budget_workbook(source, [parent("7.01.01", 300, 200, uraian=label), sub("7.01.01.2.01.0001", 100, 100)])
    excel = ExcelDouble.from_workbook(source, libreoffice_roundtrip(soffice, source, tmp_path / "lo"))
    excel.press()  # the double refuses a longer text, as Excel does
    longest = max(len(value) for value in excel.sheet(SUMMARY_SHEET).values.values() if isinstance(value, str))
    assert longest == 32_767


# -- when something is wrong -----------------------------------------------------------------------------------


def test_a_workbook_carrying_the_addins_config_sheet_is_not_run(excel):
    excel.sheets.append(SheetModel("myaddin.conf", values={(1, 1): "INTERPRETER_WIN", (1, 2): r"\\server\python.exe"}))
    assert excel.press() is None
    [alert] = excel.alerts
    assert "myaddin.conf" in alert[0] and alert[3] == "critical"
    assert {a["func"] for a in excel.applied} <= {"alert"}


def test_a_protected_sheet_is_reported_and_the_rest_still_done(excel):
    excel.sheet(BUDGET).protected = True
    outcome = excel.press()
    assert outcome.marks.failed_sheets == [BUDGET]
    assert "Tabel 3.8" in excel.alerts[-1][0] and "diproteksi" in excel.alerts[-1][0]
    assert excel.has_sheet(SUMMARY_SHEET) and len(summary_findings(excel)) == len(outcome.report.findings)
    filled = cells_with_our_fill(excel)
    assert filled and not [cell for cell in filled if cell[0] == BUDGET]  # the other tables' cells are still marked


# -- reading -----------------------------------------------------------------------------------------------------


def test_the_live_snapshot_is_the_file_snapshot(excel):
    live = read_snapshot(excel.live())
    file = load_file(EXAMPLE)
    assert list(live.sheets) == list(file.sheets)
    for name, expected in file.sheets.items():
        got = live.sheets[name]
        assert set(got.formulas) == set(expected.formulas), name
        for row, cells in expected.rows():
            for col, value in enumerate(cells, start=1):
                shown = pytest.approx(value) if isinstance(value, float) else value
                assert got.value(row, col) == shown, (name, row, col)
                if value is None:
                    continue
                assert ((row, col) in got.bold) == ((row, col) in expected.bold), (name, row, col)
                if isinstance(value, (int, float)):  # where a format changes how the value reads
                    assert got.number_format(row, col) == expected.number_format(row, col), (name, row, col)


def test_reading_asks_excel_about_blocks_not_cells(excel):
    live = excel.live()
    snapshot = read_snapshot(live)
    values = [value for sheet in snapshot for _, cells in sheet.rows() for value in cells if value is not None]
    numbers = [value for value in values if isinstance(value, (int, float))]
    assert live.calls["formulas"] == len(snapshot.sheets)  # one bulk read per sheet
    # cell by cell: a format for every number, a font for every filled cell
    assert live.calls["number_format"] + live.calls["bold"] < (len(numbers) + len(values)) / 3


def test_a_click_on_a_big_table_costs_calls_by_blocks_of_cells_not_by_cells(tmp_path):
    """Issue 13: the round trips to Excel of one click. A consistent Tabel 3.8 of 2,000 lines (the template with
    every other table, saved with cached values as Excel saves it) against one of 200: ten times the cells, a
    few more calls (one more bulk read per 2,000 rows, about two more asks per block formatted alike)."""
    from bench import generate

    trips = {}
    for lines in (200, 2000):
        path = generate.write(tmp_path / f"besar-{lines}.xlsx", generate.build(lines))
        excel = ExcelDouble.from_workbook(path, path)
        outcome = excel.press()
        assert outcome.report.counts()["error"] == 0
        trips[lines] = sum(excel.calls.values())
    assert excel.calls["values"] == excel.calls["formulas"] == 8  # 7 sheets, Tabel 3.8 in two chunks of rows
    # 444 and 490 calls in this run; splitting a block at each gap between numbered lines (parents have no
    # number) instead of halving it added about 80, growing with the rows.
    assert trips[2000] - trips[200] < 60 and trips[2000] < 600, trips


def test_excel_error_values_and_empty_text_read_as_the_file_loader_reads_them():
    excel = ExcelDouble("kecil.xlsx", [SheetModel("S", values={(1, 1): "#DIV/0!", (1, 2): 5.0, (2, 1): "teks"})])
    sheet = read_snapshot(excel.live()).sheets["S"]
    assert sheet.value(1, 1) == CellError("#DIV/0!")
    assert sheet.values == [[CellError("#DIV/0!"), 5.0], ["teks", None]]


def test_the_headless_command_never_imports_xlwings():
    code = (
        "import sys\n"
        "from lkjip_xl.cli import cli\n"
        f"try:\n    cli(['validate', {str(EXAMPLE)!r}, '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "print('xlwings' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
