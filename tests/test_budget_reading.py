"""Budget checks on tables as the readers hand them over (model objects), for what only a reading can say:
revenue or spending, what the selisih column means, column groups (SIPD recapitulations), a guessed
hierarchy, root causes on sub kegiatan.

Figures are parsed from what a cell holds, the way Excel stores it: money as numbers, percentages as the
fraction under a % format (=K/J), text as typed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.checks.budget import check_budget_table
from lkjip_xl.codes import Level, parse_code
from lkjip_xl.model import (
    LEBIH,
    OTHER,
    REVENUE,
    TOTAL_GROUP,
    BudgetRow,
    BudgetTable,
    Field,
    GroupFigures,
    TextField,
    kind_from_account_code,
    kind_from_label,
)
from lkjip_xl.numbers import Quantity, parse
from lkjip_xl.settings import Settings
from lkjip_xl.snapshot import CellRef
from lkjip_xl.structure import link_budget_rows

SHEET = "Tabel 3.8"
COLUMNS = {"anggaran": 3, "realisasi": 4, "selisih": 5, "persen": 6}
PERCENT_FORMAT = "0.00%"


def money(value, row: int, col: int) -> Field:
    return Field(CellRef(SHEET, row, col), parse(value, Quantity.MONEY, "#,##0"))


def percent(value, row: int, col: int) -> Field:
    return Field(CellRef(SHEET, row, col), parse(value, Quantity.PERCENT, PERCENT_FORMAT))


def line(row: int, level: Level | None, a, r, s=None, p=None, code: str = "", label: str = "", **more) -> BudgetRow:
    """A budget line at sheet row ``row``; ``s`` and ``p`` default to what a formula stores (a − r, r / a)."""
    s = (a - r) if s is None and a is not None and r is not None else s
    p = (r / a) if p is None and a else p
    return BudgetRow(
        row=row,
        label=TextField(CellRef(SHEET, row, 2), label or f"baris {row}"),
        level=level,
        level_source=more.pop("level_source", "code"),
        code_text=TextField(CellRef(SHEET, row, 1), code),
        code=parse_code(code) if code else None,
        anggaran=money(a, row, 3) if a is not None else Field(None),
        realisasi=money(r, row, 4) if r is not None else Field(None),
        selisih=money(s, row, 5) if s is not None else Field(None),
        persen=percent(p, row, 6) if p is not None else Field(None),
        **more,
    )


def table(rows: list[BudgetRow], total: BudgetRow | None = None, **more) -> BudgetTable:
    result = BudgetTable("3.8", SHEET, rows, total, **more)
    link_budget_rows(result)
    return result


def check(result: BudgetTable):
    """The findings, but for B135 (no JUMLAH row: these small tables have none)."""
    return [f for f in check_budget_table(result, Settings()) if f.code != "B135"]


def codes_at(found) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.ref.a1 if f.ref else "-", f.severity.value) for f in found)


P, K, S, T = Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN, Level.TOTAL


def two_subs() -> list[BudgetRow]:
    """Kegiatan (row 2) > sub kegiatan (rows 3, 4): 300.000 budget, 250.000 spent, consistent."""
    figures = {2: (300_000, 250_000), 3: (100_000, 100_000), 4: (200_000, 150_000)}
    return [line(row, K if row == 2 else S, a, r) for row, (a, r) in figures.items()]


# -- root causes on a sub kegiatan ----------------------------------------------------------------------


def test_a_consistent_table_gives_nothing():
    assert check(table(two_subs())) == []


def test_realisasi_copied_from_anggaran_on_a_sub_kegiatan_is_reported_once_at_the_realisasi():
    # The officer typed selisih 50.000 and 75% (right), then pasted the anggaran into realisasi.
    rows = two_subs()
    rows[2] = line(4, S, 200_000, 200_000, s=50_000, p=0.75)
    found = check(table(rows))
    assert codes_at(found) == [("B117", "D4", "error")]
    finding = found[0]
    assert (finding.reported, finding.expected) == (200_000, 150_000)
    message = finding.message("id")
    assert "tersalin" in message and "E4" in message and "F4" in message
    # Never told to write selisih 0 or 100%: those were right.
    assert not [f for f in found if f.ref.a1 in ("E4", "F4")]


def test_the_parent_sum_alone_proves_a_mistyped_realisasi_and_names_its_percentage():
    # Realisasi 105.000 typed for 150.000 (selisih typed right); % by formula from the wrong figure.
    rows = two_subs()
    rows[2] = line(4, S, 200_000, 105_000, s=50_000)
    found = check(table(rows))
    assert codes_at(found) == [("B117", "D4", "error")]
    assert found[0].expected == 150_000
    assert [ref.a1 for ref in found[0].follows] == ["F4"]  # 52,50%: right for 105.000, wrong for 150.000


def test_when_the_parent_confirms_the_printed_realisasi_the_derived_figures_are_wrong():
    rows = two_subs()
    rows[2] = line(4, S, 200_000, 150_000, s=80_000, p=0.60)  # both typed for a realisasi of 120.000
    found = check(table(rows))
    assert codes_at(found) == [("B104", "E4", "error"), ("B105", "F4", "error")]
    assert [f.expected for f in sorted(found, key=lambda f: f.code)] == [50_000, 75]


# -- a guessed hierarchy ----------------------------------------------------------------------------------


def _guessed(rows):
    for row in rows:
        row.level_source = "style"
        row.code, row.code_text = None, TextField(None)
    return table(rows, structure="guessed")


def test_an_unconfirmed_guessed_parent_sum_is_a_warning():
    rows = two_subs()
    rows[0] = line(2, K, 310_000, 260_000)  # neither sum holds: maybe not the parent of rows 3-4 at all
    found = check(_guessed(rows))
    assert codes_at(found) == [("B101", "C2", "warning"), ("B102", "D2", "warning")]


def test_a_guessed_parent_confirmed_by_its_other_sum_keeps_the_error():
    rows = two_subs()
    rows[0] = line(2, K, 300_000, 260_000)  # the anggaran adds up: the hierarchy holds
    found = check(_guessed(rows))
    assert ("B102", "D2", "error") in codes_at(found)


def test_a_guessed_parent_is_confirmed_when_most_other_parents_add_up():
    rows = [line(1, P, 900_000, 740_000), *two_subs(), line(5, K, 600_000, 490_000), line(6, S, 600_000, 490_000)]
    rows[1] = line(2, K, 310_000, 260_000)  # neither of its sums holds; the program's and the other kegiatan's do
    rows[0] = line(1, P, 910_000, 750_000)  # the program adds up its kegiatan as printed: named at row 2
    found = check(_guessed(rows))
    assert codes_at(found) == [("B101", "C2", "error"), ("B102", "D2", "error")]


def test_with_codes_a_parent_sum_is_an_error():
    rows = two_subs()
    rows[0] = line(2, K, 310_000, 260_000)
    assert codes_at(check(table(rows))) == [("B101", "C2", "error"), ("B102", "D2", "error")]


# -- revenue ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, kind",
    [("4", REVENUE), ("4.1", REVENUE), ("4.1.01", REVENUE), ("5.1.02", "spending"), ("4.01.01", None), ("7.01.01", None)],
)
def test_account_codes_tell_revenue_from_spending(code, kind):
    assert kind_from_account_code(code) == kind


def test_revenue_above_its_target_is_no_finding_spending_above_its_budget_is():
    rows = [
        line(2, None, 1_000_000, 1_250_000, code="4", label="PENDAPATAN DAERAH"),
        line(3, None, 1_000_000, 1_250_000, code="4.1", label="PENDAPATAN ASLI DAERAH"),
        line(4, None, 900_000, 950_000, code="5", label="BELANJA DAERAH"),
    ]
    for row in rows:
        row.level = S  # flat: no sums between them
    found = check(table(rows))
    assert codes_at(found) == [("B108", "D4", "warning")]


def test_a_revenue_table_or_row_set_by_the_reader():
    rows = [line(2, S, 1_000_000, 1_250_000), line(3, S, 500_000, 600_000)]
    assert [f.code for f in check(table(rows))] == ["B108", "B108"]
    assert check(table(rows, kind=REVENUE)) == []
    rows[0].kind = REVENUE
    assert [f.ref.a1 for f in check(table(rows))] == ["D3"]


def test_the_toba_lra_reads_4_as_revenue_and_5_as_spending():
    """Kab. Toba, Kecamatan Borbor, LRA s.d. 31 Oktober 2022 (realdata/toba-47_lra_...): codes 4 > 4.1-4.3
    (PENDAPATAN) and 5 > 5.1-5.4 (BELANJA) in one table."""
    assert [kind_from_account_code(code) for code in ("4", "4.1", "4.2", "4.3", "5", "5.1", "5.4")] == [REVENUE] * 4 + ["spending"] * 3


# -- what the selisih column means --------------------------------------------------------------------


def _lebih_rows():
    """Every selisih written realisasi − anggaran."""
    return [
        line(2, K, 300_000, 250_000, s=-50_000),
        line(3, S, 100_000, 90_000, s=-10_000),
        line(4, S, 200_000, 160_000, s=-40_000),
    ]


def test_a_table_using_realisasi_minus_anggaran_throughout_is_one_warning():
    found = check(table(_lebih_rows()))
    assert codes_at(found) == [("B118", "E2", "warning")]
    assert "3 baris" in found[0].message("id")


def test_a_header_saying_realisasi_minus_anggaran_removes_the_warning_and_checks_by_it():
    assert check(table(_lebih_rows(), selisih_meaning=LEBIH)) == []
    rows = _lebih_rows()
    rows[2] = line(4, S, 200_000, 160_000, s=40_000)  # this one anggaran − realisasi: wrong under LEBIH
    found = check(table(rows, selisih_meaning=LEBIH))
    assert codes_at(found) == [("B115", "E4", "error")]
    assert found[0].expected == -40_000


def test_one_reversed_row_in_a_sisa_table_is_that_rows_sign_error():
    rows = two_subs()
    rows[1] = line(3, S, 100_000, 90_000, s=-10_000)
    rows[0] = line(2, K, 300_000, 240_000)
    found = check(table(rows))
    assert codes_at(found) == [("B115", "E3", "error")]


def test_a_pendapatan_heading_without_a_code_makes_its_lines_revenue():
    assert (kind_from_label("PENDAPATAN ASLI DAERAH"), kind_from_label("Belanja Operasi"), kind_from_label("Program X")) == (REVENUE, "spending", None)
    rows = [line(2, K, 1_000_000, 1_250_000, label="PENDAPATAN DAERAH"), line(3, S, 1_000_000, 1_250_000, label="Retribusi")]
    assert check(table(rows)) == []


def test_another_selisih_is_not_checked_and_said_once():
    rows = [line(2, K, 300_000, 250_000, s=12_345), line(3, S, 100_000, 100_000, s=999), line(4, S, 200_000, 150_000, s=7)]
    found = check(table(rows, selisih_meaning=OTHER, selisih_header="Selisih pagu sebelum dan sesudah"))
    assert codes_at(found) == [("B119", "E2", "info")]
    assert "pagu sebelum" in found[0].message("id")


# -- column groups --------------------------------------------------------------------------------------

GROUP_COLUMNS = {"operasi": (3, 4), "modal": (5, 6)}
TOTAL_COLUMNS = (7, 8, 9)  # anggaran, realisasi, %


def grouped(row: int, level, operasi, modal, total=None, persen=None, code="") -> BudgetRow:
    """A SIPD recapitulation line: Operasi (C, D), Modal (E, F), Total (G = C+E, H = D+F, I = H/G)."""
    groups = {}
    for name, (a, r) in (("operasi", operasi), ("modal", modal)):
        col_a, col_r = GROUP_COLUMNS[name]
        groups[name] = GroupFigures(anggaran=money(a, row, col_a), realisasi=money(r, row, col_r))
    total_a, total_r = total or (operasi[0] + modal[0], operasi[1] + modal[1])
    persen = persen if persen is not None else (total_r / total_a if total_a else None)
    groups[TOTAL_GROUP] = GroupFigures(
        anggaran=money(total_a, row, 7), realisasi=money(total_r, row, 8),
        persen=percent(persen, row, 9) if persen is not None else Field(None),
    )
    item = BudgetRow(row=row, label=TextField(CellRef(SHEET, row, 2), f"baris {row}"), level=level, level_source="code", groups=groups)
    # The reader hands the Total group over as the row's own figures too (the same Field objects).
    item.anggaran, item.realisasi, item.persen = groups[TOTAL_GROUP].anggaran, groups[TOTAL_GROUP].realisasi, groups[TOTAL_GROUP].persen
    return item


def _grouped_rows():
    return [
        grouped(2, K, (300_000, 120_000), (50_000, 10_000)),
        grouped(3, S, (100_000, 100_000), (50_000, 10_000)),
        grouped(4, S, (200_000, 20_000), (0, 0)),
    ]


def test_a_consistent_grouped_table_gives_nothing():
    assert [f for f in check(table(_grouped_rows(), has_selisih=False)) if f.severity.value != "info"] == []


def test_the_total_percentage_is_checked_against_the_total_group_not_another():
    rows = _grouped_rows()
    rows[1] = grouped(3, S, (100_000, 100_000), (50_000, 10_000), persen=1.0)  # Operasi's 100%, not 110/150
    found = check(table(rows, has_selisih=False))
    assert codes_at(found) == [("B105", "I3", "error")]
    assert found[0].expected == pytest.approx(110_000 / 150_000 * 100)


def test_the_total_group_against_the_sum_of_the_groups():
    rows = _grouped_rows()
    rows[2] = grouped(4, S, (200_000, 20_000), (0, 0), total=(210_000, 20_000))
    rows[0] = grouped(2, K, (300_000, 120_000), (50_000, 10_000), total=(360_000, 130_000))
    found = check(table(rows, has_selisih=False))
    assert ("B125", "G4", "error") in codes_at(found)
    b125 = next(f for f in found if f.code == "B125" and f.ref.a1 == "G4")
    assert b125.expected == 200_000 and "Operasi" in b125.message("id")


def test_parent_sums_per_group():
    rows = _grouped_rows()
    # The kegiatan's Modal anggaran typed 60.000 (its lines: 50.000); its Total is typed as printed (360.000).
    rows[0] = grouped(2, K, (300_000, 120_000), (60_000, 10_000))
    found = check(table(rows, has_selisih=False))
    assert codes_at(found) == [("B101", "E2", "error")]  # the Modal anggaran, once
    modal = found[0]
    assert "Modal" in modal.message("id") and modal.expected == 50_000
    # The Total anggaran (360.000 = Operasi + Modal as printed) and the Total % follow from it.
    assert [ref.a1 for ref in modal.follows] == ["G2", "I2"]
    assert "350.000" in modal.message("id")


def test_a_sub_kegiatan_total_that_does_not_add_its_groups_up_is_the_root_not_its_parent():
    rows = _grouped_rows()
    rows[2] = grouped(4, S, (200_000, 20_000), (0, 0), total=(210_000, 20_000))
    found = check(table(rows, has_selisih=False))
    assert codes_at(found) == [("B125", "G4", "error")]  # the kegiatan's 350.000 is right: no B101 there
    assert [ref.a1 for ref in found[0].follows] == ["I4"]


# -- a real SIPD recapitulation ----------------------------------------------------------------------------

DINKES = Path(__file__).parent / "corpus" / "realdata" / "sumenep-dinkes-2026-lra-sipd.xlsx"


def _dinkes_table() -> BudgetTable:
    """Sheet DINKES INDUK as the layout reader is to hand it over: program/kegiatan/sub kegiatan rows (code
    in C, no account code in D), Operasi F-G, Modal H-I, Total J-K-L (=F+H, =G+I, =K/J), the Jumlah row."""
    workbook = openpyxl.load_workbook(DINKES, read_only=True, data_only=True)
    sheet = workbook["DINKES INDUK"]
    rows, total = [], None
    for number, cells in enumerate(sheet.iter_rows(min_row=10, max_row=1054), start=10):
        values = [cell.value for cell in cells[:12]]
        code, account, label = values[2], values[3], values[4]
        is_total = label == "Jumlah"
        if account or (not code and not is_total):
            continue  # account (rekening) rows under a sub kegiatan, urusan and SKPD rows above the programs

        def field(col: int, quantity=Quantity.MONEY) -> Field:
            cell = cells[col - 1]
            return Field(CellRef("DINKES INDUK", number, col), parse(cell.value, quantity, cell.number_format))

        groups = {
            "operasi": GroupFigures(anggaran=field(6), realisasi=field(7)),
            "modal": GroupFigures(anggaran=field(8), realisasi=field(9)),
            TOTAL_GROUP: GroupFigures(anggaran=field(10), realisasi=field(11), persen=field(12, Quantity.PERCENT)),
        }
        parsed = parse_code(code) if code else None
        row = BudgetRow(
            row=number, label=TextField(CellRef("DINKES INDUK", number, 5), label or ""),
            level=T if is_total else parsed.level, level_source="code",
            code_text=TextField(CellRef("DINKES INDUK", number, 3), code or ""), code=parsed, groups=groups,
        )
        if is_total:
            total = row
        else:
            rows.append(row)
    return table(rows, total, has_selisih=False)


@pytest.fixture(scope="module")
def dinkes():
    return _dinkes_table()


def test_the_real_sipd_recapitulation_has_no_error_when_each_group_is_read_as_its_own(dinkes):
    found = check(dinkes)
    assert [f for f in found if f.severity.value == "error"] == []
    # L10-like cells (Total %) are checked against the Total group: 110.220.428.484 / 270.412.308.791.
    assert len(dinkes.rows) > 100 and all(row.groups for row in dinkes.rows)


def test_a_wrong_figure_in_the_real_recapitulation_is_found_in_its_group(dinkes):
    row = next(row for row in dinkes.rows if row.level is S and row.groups["operasi"].realisasi.value)
    operasi = row.groups["operasi"]
    right = operasi.realisasi.value
    operasi.realisasi = Field(operasi.realisasi.ref, parse(right + 1_000, Quantity.MONEY, "#,##0"))
    try:
        found = [f for f in check(dinkes) if f.severity.value == "error"]
    finally:
        operasi.realisasi = Field(operasi.realisasi.ref, parse(right, Quantity.MONEY, "#,##0"))
    cells = {(f.code, f.ref.a1) for f in found}
    # The line's Total no longer equals Operasi + Modal; its kegiatan's Operasi realisasi no longer adds up.
    assert ("B125", f"K{row.row}") in cells
    assert ("B102", f"G{row.parent.row}") in cells


def test_a_total_that_only_repeats_a_wrong_total_below_it_is_named_there_not_reported_again():
    # A sub kegiatan's realisasi now reads 160.000 (selisih and % by formula); its kegiatan still says 250.000,
    # and the program and JUMLAH add up the rows right below them as printed.
    rows = [line(1, P, 300_000, 250_000), *two_subs()]
    rows[3] = line(4, S, 200_000, 160_000)
    total = line(9, T, 300_000, 250_000)
    found = check(table(rows, total))
    assert codes_at(found) == [("B102", "D2", "error")]  # the kegiatan: the parent sum is the proof
    assert found[0].expected == 260_000
    assert [ref.a1 for ref in found[0].follows] == ["D1", "E1", "F1", "E2", "F2", "D9", "E9", "F9"]
