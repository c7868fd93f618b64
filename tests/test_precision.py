"""Figures judged at the precision the cell shows, stored the way Excel stores them; repeated findings grouped.

Each workbook is a real .xlsx written with openpyxl (a Tabel 3.8 pasted on a sheet, the free-form door) and
read back through the loader: percentages as fractions under a % format, the fraction being what a
formula such as =ROUND(r/a*100;2)/100 leaves (0.9634999999999999 for 96,35%), sums of sen with float noise.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from openpyxl import Workbook

from lkjip_xl.load import load_file
from lkjip_xl.validate import check_file

HEADER = ["No", "Program/Kegiatan/Sub Kegiatan", "Jumlah Anggaran", "Realisasi", "Selisih", "Persentase"]


def _excel_round(value: float, decimals: int) -> float:
    """Excel's ROUND: half away from zero on the decimal value (Python's round() is half-even on binary)."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def budget_sheet(path: Path, subs: list[tuple[float, float]], percent_format: str = "0.00%", text_anggaran: bool = False) -> Path:
    """A consistent Tabel 3.8: one program, one kegiatan, these sub kegiatan (anggaran, realisasi). Every
    persen is =ROUND(r/a*100;2)/100 as Excel stores it, under ``percent_format``; parents are float sums."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.8"
    sheet.append(["Tabel 3.8 Realisasi Anggaran"])
    sheet.append(HEADER)

    def line(no, name, anggaran, realisasi, text=False):
        persen = _excel_round(realisasi / anggaran * 100, 2) / 100
        shown_anggaran = f"Rp {anggaran:,.0f}".replace(",", ".") if text else anggaran
        sheet.append([no, name, shown_anggaran, realisasi, anggaran - realisasi, persen])
        sheet.cell(sheet.max_row, 6).number_format = percent_format
        for col in (3, 4, 5):
            if not isinstance(sheet.cell(sheet.max_row, col).value, str):
                sheet.cell(sheet.max_row, col).number_format = "#,##0.00"

    anggaran = sum(a for a, _ in subs)
    realisasi = 0.0
    for _, r in subs:
        realisasi += r  # Excel's SUM adds in binary floating point: 0.1 + 0.2 is 0.30000000000000004
    line("", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", anggaran, realisasi)
    line("", "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja", anggaran, realisasi)
    for number, (a, r) in enumerate(subs, start=1):
        line(number, f"Sub Kegiatan Penyusunan Dokumen {number}", a, r, text=text_anggaran)
    line("", "JUMLAH", anggaran, realisasi)
    book.save(path)
    return path


# 192.690.000 / 200.000.000 = 96,345% exactly: Excel's ROUND gives 96,35 and stores 0.9634999999999999.
NOISY = [(200_000_000, 192_690_000), (150_000_000, 123_456_789.1), (75_500_000, 70_000_000.2), (1_000_000, 999_999.99)]


def test_the_noisy_fraction_is_read_as_the_cell_shows_it(tmp_path):
    path = budget_sheet(tmp_path / "persen.xlsx", NOISY)
    sheet = load_file(path).sheets["Tabel 3.8"]
    from lkjip_xl.numbers import Quantity, parse

    row = next(r for r in range(1, 12) if sheet.value(r, 3) == 200_000_000)
    assert sheet.value(row, 6) == 0.9634999999999999  # stored as Excel stores it
    parsed = parse(sheet.value(row, 6), Quantity.PERCENT, sheet.number_format(row, 6))
    assert (parsed.value, parsed.decimals) == (96.35, 2)


def test_a_consistent_table_stored_with_float_noise_has_no_finding_on_its_figures(tmp_path):
    report = check_file(budget_sheet(tmp_path / "persen.xlsx", NOISY))
    figures = [f for f in report.findings if f.table == "3.8" and f.code[0] in "BN"]  # not S002: levels guessed
    assert [(f.code, f.ref.a1 if f.ref else None, f.message()) for f in figures] == []


def test_a_percent_shown_with_fewer_decimals_is_compared_at_those(tmp_path):
    # The cell stores 0.41349 (a formula over figures with hidden decimals) under "0%": it shows 41%, and
    # r / a = 41,27% shows 41% too. What the reader sees agrees: nothing to report.
    path = budget_sheet(tmp_path / "nol.xlsx", [(1_000_000, 412_700)], percent_format="0%")
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Tabel 3.8"]
    for row in range(3, sheet.max_row + 1):
        sheet.cell(row, 6).value = 0.41349
    book.save(path)
    report = check_file(path)
    assert [f.code for f in report.findings if f.table == "3.8" and f.code[0] in "BN"] == []


def test_a_real_mismatch_at_the_shown_precision_is_still_an_error(tmp_path):
    path = budget_sheet(tmp_path / "salah.xlsx", NOISY)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Tabel 3.8"]
    row = next(r for r in range(1, 12) if sheet.cell(r, 3).value == 200_000_000)
    sheet.cell(row, 6).value = 0.9644999999999999  # shows 96,45%; the row gives 96,35%
    book.save(path)
    report = check_file(path)
    wrong = [f for f in report.findings if f.severity.value == "error" and f.ref and f.ref.row == row]
    assert [f.code for f in wrong] == ["B105"]
    assert "96,45%" in wrong[0].message() and "96,35%" in wrong[0].message()


def test_three_hundred_text_figures_in_one_column_give_one_grouped_info_line(tmp_path):
    subs = [(1_000_000 + 1000 * n, 1_000_000) for n in range(300)]
    path = budget_sheet(tmp_path / "teks.xlsx", subs, text_anggaran=True)
    result = run_cli("validate", path)
    lines = [line for line in result.stdout.splitlines() if "N001" in line]
    assert len(lines) == 1, lines
    assert "Info" in lines[0] and "300 sel di kolom C" in lines[0]
    data = json.loads(run_cli("validate", path, "--format", "json").stdout)
    grouped = [f for f in data["findings"] if f["code"] == "N001"]
    assert len(grouped) == 1
    assert grouped[0]["count"] == 300 and len(grouped[0]["cells"]) == 300
    assert grouped[0]["cell"] == grouped[0]["cells"][0] and grouped[0]["last_cell"] == grouped[0]["cells"][-1]
    assert data["counts"]["info"] == sum(f["severity"] == "info" for f in data["findings"])


def test_the_summary_sheet_shows_the_group_once(tmp_path):
    from openpyxl import load_workbook

    subs = [(1_000_000 + 1000 * n, 1_000_000) for n in range(300)]
    path = budget_sheet(tmp_path / "teks.xlsx", subs, text_anggaran=True)
    out = tmp_path / "teks-diperiksa.xlsx"
    run_cli("validate", path, "--out", out)
    sheet = load_workbook(out)["Ringkasan Validasi"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    grouped = [row for row in rows if "N001" in row]
    assert len(grouped) == 1
    assert "Tabel 3.8!C5 … C304" in grouped[0] and "300 sel di kolom C" in grouped[0][-1]


def test_a_group_stands_for_every_cell_of_it_where_cells_are_marked(tmp_path):
    """The button marks each cell of a group with that cell's own message; errors are never grouped."""
    from lkjip_xl.checks.cells import TEXT_NUMBER
    from lkjip_xl.excel.marks import wanted_marks
    from lkjip_xl.findings import GROUP_AT, Report, Severity, Unit
    from lkjip_xl.snapshot import CellRef

    def text_number(row, severity=None):
        return TEXT_NUMBER.at(CellRef("Tabel 3.8", row, 3), table="3.8", reported=row, unit=Unit.RUPIAH, text=f"Rp {row}", value=row, severity=severity)

    rows = range(5, 5 + GROUP_AT + 2)
    report = Report(file="x", findings=[text_number(row, Severity.INFO) for row in rows])
    assert len(report.findings) == 1 and report.findings[0].count == len(rows)
    marks = wanted_marks(report, "id")
    assert sorted(row for _, row, _ in marks) == list(rows)
    assert '"Rp 7"' in marks[("Tabel 3.8", 7, 3)][1]
    few = Report(file="x", findings=[text_number(row, Severity.INFO) for row in rows[: GROUP_AT - 1]])
    assert len(few.findings) == GROUP_AT - 1  # a handful reads better one per cell
    errors = Report(file="x", findings=[text_number(row, Severity.ERROR) for row in rows])
    assert len(errors.findings) == len(rows)


def test_a_word_in_a_guessed_number_column_is_a_warning_not_an_error(tmp_path):
    from openpyxl import load_workbook

    path = budget_sheet(tmp_path / "kata.xlsx", NOISY)
    book = load_workbook(path)
    book["Tabel 3.8"]["D6"] = "belum ada"
    book.save(path)
    found = [f for f in check_file(path).findings if f.code == "N005"]
    assert [(f.ref.a1, f.severity.value) for f in found] == [("D6", "warning")]


def test_a_finding_prints_the_figure_as_its_cell_shows_it(tmp_path):
    from openpyxl import load_workbook

    path = budget_sheet(tmp_path / "tampil.xlsx", [(1_000_000, 330_800), (1_000_000, 500_000)], percent_format="0%")
    book = load_workbook(path)
    sheet = book["Tabel 3.8"]
    row = next(r for r in range(1, 12) if sheet.cell(r, 4).value == 330_800)
    sheet.cell(row, 6).value = 0.3569  # shows 36%; the row gives 33,08%, shown 33%
    book.save(path)
    wrong = [f for f in check_file(path).findings if f.ref and f.ref.row == row and f.code == "B105"]
    assert len(wrong) == 1
    assert "tertulis 36%" in wrong[0].message() and "= 33%" in wrong[0].message()
    assert "36%" in wrong[0].message("en") and "33%" in wrong[0].message("en")


def test_a_column_of_text_figures_is_one_finding_made_as_such_and_each_cell_keeps_its_own(tmp_path):
    """N001 on a column of figures typed as text is made once per column (checks/cells.text_number_runs),
    not once per cell and grouped later; each cell's own finding is still there for the button's notes,
    the same as the per-cell check gives it."""
    from lkjip_xl.checks.cells import number_findings
    from lkjip_xl.excel.marks import wanted_marks
    from lkjip_xl.findings import Members, Severity, Unit
    from lkjip_xl.validate import read_document

    subs = [(1_000_000 + 1000 * n, 1_000_000) for n in range(300)]
    report = check_file(budget_sheet(tmp_path / "teks.xlsx", subs, text_anggaran=True))
    group = next(f for f in report.findings if f.code == "N001")
    assert isinstance(group.members, Members) and group.count == 300
    document = read_document(load_file(tmp_path / "teks.xlsx"))[0]
    by_cell = {row.anggaran.ref: row for row in document.budget["3.8"].rows}
    severity = Severity.INFO if document.layout == "freeform" else None
    for index in (0, 1, 150, 299):
        row = by_cell[group.members.refs[index]]
        own = number_findings(row.anggaran, table="3.8", unit=Unit.RUPIAH, label=row.name, text_severity=severity)
        assert [f.to_dict() for f in own] == [group.members[index].to_dict()]
    marks = wanted_marks(report, "id")
    assert len([cell for cell in marks if cell[2] == group.ref.col]) == 300


def test_a_group_made_at_once_joins_the_other_findings_of_its_column_as_if_made_one_by_one():
    from lkjip_xl.checks.cells import TEXT_NUMBER
    from lkjip_xl.findings import GROUP_AT, Members, Report, Severity, Unit, grouped_run
    from lkjip_xl.snapshot import CellRef

    def one(row):
        return TEXT_NUMBER.at(CellRef("T", row, 3), table="3.8", reported=1.0, unit=Unit.RUPIAH, text="1", value=1, severity=Severity.INFO)

    rows = list(range(20, 20 + GROUP_AT))
    made = grouped_run([CellRef("T", row, 3) for row in rows], [1.0] * len(rows), lambda index: one(rows[index]))
    assert len(made) == 1 and isinstance(made[0].members, Members)
    alone = Report(file="x", findings=list(made)).findings
    assert [f.to_dict() for f in alone] == [f.to_dict() for f in Report(file="x", findings=[one(row) for row in rows]).findings]
    joined = Report(file="x", findings=made + [one(5), one(99)]).findings
    every = Report(file="x", findings=[one(row) for row in [5, *rows, 99]]).findings
    assert [f.to_dict() for f in joined] == [f.to_dict() for f in every] and joined[0].count == GROUP_AT + 2
