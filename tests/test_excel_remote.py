"""The button where Excel tells only the values it shows: xlwings' remote engine, as Excel on the web and
xlwings Server drive it. Nothing here answers a read the engine cannot do: the button gets the payload a client
sends (the sheets' shown values from A1, their visibility, which cells have notes) and the actions it gives back
are all it does. Its findings are compared with the headless command's on the same values.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE, libreoffice_roundtrip, run_cli
from excel_double import ExcelDouble
from test_excel import cells_with_our_fill, cells_with_our_note, flagged_cells, summary_findings

import lkjip_xl
from lkjip_xl.excel import button
from lkjip_xl.excel.marks import FILLS, MARKS_SHEET
from lkjip_xl.findings import Severity
from lkjip_xl.snapshot import column_letter, parse_a1
from lkjip_xl.template.layout import SUMMARY_SHEET

BUDGET = "Tabel 3.8"
# Findings only formula text can give: a formula the file loader could not recalculate (N008) or that refers to
# itself (N010). A live Excel has every formula's value, so no button gives them; a file without stored results
# does. Where an error value spreads through formulas, the headless command reports it once, where it starts;
# without formulas the button reports it at every cell that shows it (N006).
FORMULA_ONLY = {"N008", "N010"}
COMPARED = ("code", "severity", "table", "sheet", "cell", "row_label", "unit", "message", "reported", "expected")


def remote_book(payload: dict):
    """The workbook as the remote engine gives it to ``main()`` (excel_double set the noncommercial licence)."""
    import xlwings as xw

    return xw.Book(json=payload)


def client_payload(computed: Path, name: str) -> dict:
    """What xlwings' Office.js client sends with a click: per sheet, the values Excel shows from A1 to the last
    used cell ("" for an empty cell, dates as ISO text, error values as their text), its visibility and the
    addresses of its notes; the book's name, active sheet and selection; its named ranges (none here)."""

    def shown(value):
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return value

    workbook = openpyxl.load_workbook(computed, data_only=True)
    sheets = []
    for ws in workbook.worksheets:
        values = [
            [shown(ws.cell(r, c).value) for c in range(1, ws.max_column + 1)] for r in range(1, ws.max_row + 1)
        ]
        notes = [{"address": f"${column_letter(c.column)}${c.row}"} for row in ws.iter_rows() for c in row if c.comment]
        sheets.append(
            {
                "name": ws.title,
                "values": values,
                "visibility": "Visible" if ws.sheet_state == "visible" else "Hidden",
                "notes": notes,
                "pictures": [],
                "shapes": [],
                "charts": [],
                "tables": [],
            }
        )
    import xlwings as xw

    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def _key(finding: dict) -> tuple:
    return finding["code"], finding["sheet"], finding["cell"]


def assert_same_findings(ribbon: list[dict], headless: list[dict]) -> None:
    """The same findings field by field, but for the formula-only ones (named in FORMULA_ONLY)."""
    mine = [f for f in ribbon if f["code"] not in FORMULA_ONLY]
    theirs = [f for f in headless if f["code"] not in FORMULA_ONLY]
    assert [_key(f) for f in mine] == [_key(f) for f in theirs]
    for a, b in zip(mine, theirs):
        for key in COMPARED:
            if isinstance(b[key], float):
                assert a[key] == pytest.approx(b[key], rel=1e-12), (key, a, b)
            else:
                assert a[key] == b[key], (key, a, b)


def test_the_bare_remote_engine_finds_what_the_headless_command_finds(computed_example, headless):
    book = remote_book(client_payload(computed_example, EXAMPLE.name))
    outcome = lkjip_xl.main(book)
    assert outcome is not None
    assert outcome.unread.formulas and outcome.unread.number_formats and outcome.unread.bold
    ribbon = outcome.report.to_dict()["findings"]
    assert len(ribbon) > 40
    assert_same_findings(ribbon, headless["findings"])
    assert outcome.report.counts() == headless["counts"]
    actions = book.json()["actions"]
    [alert] = [action["args"] for action in actions if action["func"] == "alert"]
    counts = headless["counts"]
    assert alert[0].startswith(f"Validasi selesai: {counts['error']} kesalahan, {counts['warning']} peringatan")


def test_percentages_are_recognised_by_their_column_without_number_formats(computed_example):
    """The template stores each percentage as a fraction under a percent format (0.9333 shown as 93,33%): read
    without the format, Tabel 3.8's persentase and 3.5's % serapan would all be 100 times too small."""
    outcome = lkjip_xl.main(remote_book(client_payload(computed_example, EXAMPLE.name)))
    scaled = [f for f in outcome.report.findings if f.code in ("B105", "K101", "K110") and f.reported is not None]
    wrong_scale = [f for f in scaled if f.reported < 2]
    assert not wrong_scale
    g7 = next(f for f in outcome.report.findings if f.code == "K102" and f.ref.sheet == "Tabel 3.5")
    assert g7.reported == pytest.approx(101.1)  # 1.011 under "0.00%": truncated from 101,18%, accepted


def test_the_summary_and_the_marks_are_written_as_on_desktop_excel(computed_example, headless):
    desktop = ExcelDouble.from_workbook(EXAMPLE, computed_example)
    desktop.press()
    remote = ExcelDouble.from_workbook(EXAMPLE, computed_example)
    outcome = remote.press_remote()
    assert [row for _, row in summary_findings(remote)] == [row for _, row in summary_findings(desktop)]
    assert cells_with_our_fill(remote) == cells_with_our_fill(desktop) == flagged_cells(outcome.report)
    assert cells_with_our_note(remote) == cells_with_our_note(desktop)
    for sheet in (s for s in desktop.sheets if s.name not in (SUMMARY_SHEET, MARKS_SHEET)):
        assert remote.sheet(sheet.name).notes == sheet.notes
        assert {pos: fill for pos, fill in remote.sheet(sheet.name).fills.items() if fill in FILLS.values()} == {
            pos: fill for pos, fill in sheet.fills.items() if fill in FILLS.values()
        }
    assert not remote.sheet(MARKS_SHEET).visible
    assert remote.sheets[remote.active].name == SUMMARY_SHEET


def test_the_summary_says_in_one_line_what_this_excel_could_not_read(excel):
    excel.press_remote()
    sheet = excel.sheet(SUMMARY_SHEET)
    rows = {sheet.value(r, 1): sheet.value(r, 3) for r in range(1, 12)}
    line = rows[button.UNREAD_LABEL("id")]
    assert line.startswith("rumus (nilai yang tampil yang diperiksa;") and line.endswith(".")
    for part in ("format angka (persen dikenali dari kolomnya", "huruf tebal", "warna sel"):
        assert part in line
    assert "\n" not in line
    english = button.unread_line(button.Unread(formulas=True, number_formats=True), "en")
    assert english.startswith("formulas (the values shown were checked;") and "number formats" in english


def test_desktop_excel_writes_no_such_line(excel):
    outcome = excel.press()
    assert not outcome.unread
    sheet = excel.sheet(SUMMARY_SHEET)
    assert button.UNREAD_LABEL("id") not in {sheet.value(r, 1) for r in range(1, 12)}


def test_a_second_remote_click_undoes_the_marks_of_fixed_cells_and_keeps_the_rest(excel):
    budget = excel.sheet(BUDGET)
    e24, f24, g8 = parse_a1("E24"), parse_a1("F24"), parse_a1("G8")
    first = excel.press_remote()
    assert budget.fills[e24] == FILLS[Severity.WARNING] and budget.notes[e24].startswith("LKjIP ")

    excel.type(BUDGET, "E24", 76800000)  # the officer fixes the US-formatted amounts
    excel.type(BUDGET, "F24", 76800000)
    excel.applied.clear()
    second = excel.press_remote()

    fixed = flagged_cells(first.report) - flagged_cells(second.report)
    assert fixed == {(BUDGET, e24), (BUDGET, f24)}
    assert e24 not in budget.fills and f24 not in budget.fills  # their colour before the mark could not be read
    assert e24 not in budget.notes and f24 not in budget.notes
    assert budget.fills[g8] == FILLS[Severity.ERROR]
    assert cells_with_our_fill(excel) == cells_with_our_note(excel) == flagged_cells(second.report)
    # unchanged marks are left alone
    touched = {a["func"] for a in excel.applied if a["func"] in ("setRangeColor", "addNote", "deleteNote")}
    recoloured = [a for a in excel.applied if a["func"] == "setRangeColor" and a["args"][0] is not None]
    assert touched == {"setRangeColor", "deleteNote"} and not recoloured
    assert [s.name for s in excel.sheets].count(SUMMARY_SHEET) == 1


def test_remote_marks_follow_their_cells_when_the_officer_inserts_rows(excel):
    first = excel.press_remote()
    excel.insert_rows(BUDGET, 15, count=2)
    second = excel.press_remote()

    def moved(cells):
        return {(sheet, (row + 2 if sheet == BUDGET and row >= 15 else row, col)) for sheet, (row, col) in cells}

    assert flagged_cells(second.report) == moved(flagged_cells(first.report))
    assert cells_with_our_fill(excel) == cells_with_our_note(excel) == flagged_cells(second.report)


def test_a_mark_recorded_on_desktop_excel_is_undone_on_the_web(excel):
    """The record written by desktop Excel is read on the remote engine from its values (row, column, sheet)."""
    excel.sheet(BUDGET).fills[parse_a1("E24")] = "#ffff00"  # the officer's colour, recorded by the desktop click
    excel.press()
    excel.type(BUDGET, "E24", 76800000)
    excel.type(BUDGET, "F24", 76800000)
    excel.press_remote()
    budget = excel.sheet(BUDGET)
    assert budget.fills[parse_a1("E24")] == "#ffff00"  # the recorded colour comes back
    assert parse_a1("E24") not in budget.notes


def test_a_client_that_cannot_add_notes_still_gets_the_fills_and_the_summary(computed_example):
    """Office.js before ExcelApi 1.18 sends no notes and cannot add one (the remote engine raises)."""
    payload = client_payload(computed_example, EXAMPLE.name)
    for sheet in payload["sheets"]:
        del sheet["notes"]
    book = remote_book(payload)
    outcome = lkjip_xl.main(book)
    assert outcome is not None and outcome.unread.notes
    actions = book.json()["actions"]
    assert not [a for a in actions if a["func"] == "addNote"]
    filled = {(a["sheet_position"], a["start_row"], a["start_column"]) for a in actions if a["func"] == "setRangeColor"}
    assert len(filled) == len(flagged_cells(outcome.report))
    texts = [value for a in actions if a["func"] == "setValues" for row in a["values"] for value in row]
    assert any(isinstance(text, str) and "catatan sel tidak dapat ditulis" in text for text in texts)


def test_manual_calculation_on_the_remote_engine_is_said_in_the_summary_line(computed_example):
    """Desktop Excel calculates before the button reads; a remote client sent its values with the click and
    calculates only after the button's actions."""
    payload = client_payload(computed_example, EXAMPLE.name)
    payload["book"]["calculation"] = "Manual"
    book = remote_book(payload)
    outcome = lkjip_xl.main(book)
    assert outcome.unread.calculation
    actions = book.json()["actions"]
    assert [a["func"] for a in actions].count("calculate") == 1
    texts = [value for a in actions if a["func"] == "setValues" for row in a["values"] for value in row]
    assert any(isinstance(text, str) and "perhitungan diatur Manual" in text for text in texts)
    payload["book"]["calculation"] = "Automatic"
    assert not lkjip_xl.main(remote_book(payload)).unread.calculation


def test_a_truly_unexpected_error_still_asks_to_report_it_with_the_log(computed_example, monkeypatch):
    def broken(snapshot):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(button, "check_snapshot", broken)  # a bug inside lkjip-xl, on this engine
    book = remote_book(client_payload(computed_example, EXAMPLE.name))
    assert lkjip_xl.main(book) is None
    actions = book.json()["actions"]
    [alert] = [action["args"] for action in actions if action["func"] == "alert"]
    text, title, _, mode, _ = alert
    assert title == "LKjIP" and mode == "critical"
    assert text.startswith("Validasi tidak dapat diselesaikan (ZeroDivisionError: float division by zero)")
    assert "Mohon laporkan" in text
    log = Path(text.rsplit("\n", 1)[1])
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert not [a for a in actions if a["func"] in ("addSheet", "setValues", "setRangeColor", "addNote")]


# -- a free-form workbook: the seed's tables pasted, figures converted by Excel (fractions under % formats) --


@pytest.fixture(scope="module")
def pasted(tmp_path_factory):
    from pasted import one_sheet

    return one_sheet(tmp_path_factory.mktemp("pasted") / "tempel.xlsx", convert=True)


def test_a_free_form_workbook_on_the_bare_remote_engine(pasted):
    result = run_cli("validate", pasted, "--format", "json")
    assert result.returncode == 1, result.stderr
    headless = json.loads(result.stdout)
    book = remote_book(client_payload(pasted, pasted.name))  # typed, not calculated: its values are as shown
    outcome = lkjip_xl.main(book)
    assert outcome is not None and outcome.unread.number_formats
    ribbon = outcome.report.to_dict()["findings"]
    assert len(ribbon) > 40
    # Its Tabel 3.2 column F mixes 101.95 (typed) and 1.048 under "0.0%" (converted from "104,8%"): each number
    # is read alone, or 1.048 would be a 1,05% capaian (K101) that Tabel 3.3 and 3.5 contradict (X011).
    assert_same_findings(ribbon, headless["findings"])
    assert outcome.report.counts() == headless["counts"]


def test_an_error_value_spreading_through_formulas_is_reported_at_every_cell_showing_it(tmp_path, soffice):
    """The one formula-only difference a live workbook shows: the headless command reads the formulas and reports
    an error value once, where it starts; without them, every cell showing it is reported (N006). Every other
    finding is the same."""
    from helpers import budget_workbook, parent, sub

    source = tmp_path / "galat.xlsx"
    lines = [parent("7.01.01", 300, 200), sub("7.01.01.2.01.0001", "#DIV/0!", 100), sub("7.01.01.2.01.0002", 300, 100)]
    budget_workbook(source, lines)
    result = run_cli("validate", source, "--format", "json")
    headless = json.loads(result.stdout)["findings"]
    computed = libreoffice_roundtrip(soffice, source, tmp_path / "lo")
    outcome = lkjip_xl.main(remote_book(client_payload(computed, source.name)))
    ribbon = outcome.report.to_dict()["findings"]
    assert [_key(f) for f in headless if f["code"] == "N006"] == [("N006", BUDGET, "E7")]
    spread = {f["cell"] for f in ribbon if f["code"] == "N006"}
    assert spread == {"E7", "G7", "H7", "E306", "G306", "H306"}  # the line's selisih and %, the JUMLAH row
    assert_same_findings([f for f in ribbon if f["code"] != "N006"], [f for f in headless if f["code"] != "N006"])


def test_tingkat_efisiensi_is_read_as_fractions_only_beside_a_serapan_of_fractions(computed_example):
    """Efisiensi sits near 0: 0.0767 may be 7,67% or 0,08 points. The template stores it, like % serapan, as a
    fraction; where % serapan is typed in points (93.33), so is it taken to be."""
    from lkjip_xl.excel.live import LiveBook
    from lkjip_xl.excel.reader import read_snapshot, recognise_percent_columns

    def efisiensi_format(serapan):
        payload = client_payload(computed_example, EXAMPLE.name)
        sheet = next(s for s in payload["sheets"] if s["name"] == "Tabel 3.5")
        assert sheet["values"][6][10] == pytest.approx(0.0767)  # K7
        sheet["values"][6][9] = serapan  # J7
        snapshot = read_snapshot(LiveBook(remote_book(payload)))
        recognise_percent_columns(snapshot)
        return snapshot.sheets["Tabel 3.5"].number_format(7, 11)

    assert efisiensi_format(0.9332719805) == "0.00%"
    assert efisiensi_format(93.33) is None


def test_a_rata_rata_row_under_a_free_form_table_is_read_as_its_column(tmp_path):
    """A "Rata-rata capaian" row is a summary of the capaian column: its fraction under "0.00%" is one too."""
    import openpyxl

    path = tmp_path / "rata-rata.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kinerja"
    sheet.append(["Tabel 3.2"])
    sheet.append(["No", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian %"])
    lines = [
        (1, "Indeks Kepuasan Masyarakat", "Nilai", 85, 86.86, 86.86 / 85),
        (2, "Nilai SAKIP", "Nilai", 70, 73.36, 73.36 / 70),
    ]
    for line in lines:
        sheet.append(list(line))
    sheet.append([None, "Rata-rata capaian", None, None, None, (lines[0][5] + lines[1][5]) / 2 + 0.05])  # 5 points off
    for row in (3, 4, 5):
        sheet.cell(row, 6).number_format = "0.00%"
    workbook.save(path)
    headless = json.loads(run_cli("validate", path, "--format", "json").stdout)["findings"]
    ribbon = lkjip_xl.main(remote_book(client_payload(path, path.name))).report.to_dict()["findings"]
    assert [f["reported"] for f in headless if f["code"] == "K210"] == [pytest.approx(108.49, abs=0.01)]
    assert_same_findings(ribbon, headless)


# -- an SIPD export pasted on a sheet: the button reconciles too (issue 15) ------------------------------


def test_the_remote_button_reconciles_with_an_export_pasted_on_a_sheet(tmp_path):
    """The remote client sends only values: no merged cells, so the export's "Kode" header over A:D is one cell
    A6 beside three empty ones. The export is still recognised (its title, its code columns) and used."""
    from test_reconcile import MID_YEAR, subs, write_report

    from lkjip_xl.load import load_file
    from lkjip_xl.reconcile.export import read_export

    mid_year = read_export(load_file(MID_YEAR), MID_YEAR.name)
    target = subs(mid_year)[4]
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, mid_year, year=2026, change={(target.code, "anggaran"): target.anggaran + 10})
    source = openpyxl.load_workbook(MID_YEAR, data_only=True).worksheets[0]
    assert any(str(merged).startswith("A") and merged.max_col >= 4 for merged in source.merged_cells.ranges)
    book = openpyxl.load_workbook(report)
    pasted = book.create_sheet("data dari sipd")
    for row in source.iter_rows(values_only=True):
        pasted.append(list(row))
    for merged in source.merged_cells.ranges:  # as Excel pastes it; the remote client does not send them
        pasted.merge_cells(str(merged))
    book.save(report)
    headless = json.loads(run_cli("validate", report, "--format", "json", timeout=300).stdout)

    outcome = lkjip_xl.main(remote_book(client_payload(report, report.name)))
    assert outcome is not None
    ribbon = outcome.report.to_dict()
    found = [(f["code"], f["severity"], f["cell"]) for f in ribbon["findings"] if f["code"].startswith("R")]
    assert ("R001", "error", f"D{rows[target.code]}") in found
    assert ribbon["reconciliation"]["exports"][0]["inside_workbook"] is True
    assert ribbon["reconciliation"]["matched_by_code"] == headless["reconciliation"]["matched_by_code"]
    assert_same_findings(ribbon["findings"], headless["findings"])
