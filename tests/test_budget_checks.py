"""Tabel 3.8 / 3.7 checks: each check has a case that triggers it and one that does not.

Every case is a real template workbook written with openpyxl and read back through the real loader
(formulas without cached values are evaluated, as for any file saved outside Excel).
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import Line, budget_workbook, parent, sub

from lkjip_xl.template import layout as L
from lkjip_xl.validate import check_file

T = L.TABLE_38
FIRST = T.first_row  # the row of the first line
TOTAL_ROW = T.last_body_row + 1


def cell(key: str, index: int) -> str:
    """The A1 address of column ``key`` on the ``index``-th line (0-based)."""
    return f"{T.letter(key)}{FIRST + index}"


def total_cell(key: str) -> str:
    return f"{T.letter(key)}{TOTAL_ROW}"


def consistent_lines(**changes) -> list[Line]:
    """Program > kegiatan > two sub kegiatan, all adding up; ``changes`` maps an index to Line fields."""
    lines = [
        parent("7.01.01", 300_000, 250_000),
        parent("7.01.01.2.01", 300_000, 250_000),
        sub("7.01.01.2.01.0001", 100_000, 100_000, no=1),
        sub("7.01.01.2.01.0002", 200_000, 150_000, no=2),
    ]
    for index, fields in changes.items():
        line = lines[int(index[1:])]
        for key, value in fields.items():
            setattr(line, key, value)
    return lines


def findings(tmp_path, lines, **kwargs):
    path = budget_workbook(tmp_path / "t.xlsx", lines, **kwargs)
    report = check_file(path)
    return [f for f in report.findings if f.table in ("3.8", "3.7")]


def at(found, code):
    """The cells where ``code`` was reported."""
    return sorted(f.ref.a1 for f in found if f.code == code and f.ref)


def only(found, code):
    matches = [f for f in found if f.code == code]
    assert len(matches) == 1, [(f.code, f.ref and f.ref.a1) for f in found]
    return matches[0]


def test_a_consistent_table_has_no_budget_findings(tmp_path):
    assert findings(tmp_path, consistent_lines()) == []


# -- parent sums ----------------------------------------------------------------------------------


def test_b101_parent_budget_against_its_sub_kegiatan(tmp_path):
    found = findings(tmp_path, consistent_lines(l0={"anggaran": 350_000}))
    finding = only(found, "B101")
    assert finding.ref.a1 == cell("anggaran", 0)
    assert (finding.reported, finding.expected) == (350_000, 300_000)


def test_b101_expected_comes_from_the_sub_kegiatan_not_from_a_wrong_kegiatan(tmp_path):
    found = findings(tmp_path, consistent_lines(l1={"anggaran": 999_000}))
    assert at(found, "B101") == [cell("anggaran", 1)]  # the program, 300.000, is right: not flagged


def test_b102_parent_spending(tmp_path):
    found = findings(tmp_path, consistent_lines(l1={"realisasi": 260_000}))
    finding = only(found, "B102")
    assert (finding.ref.a1, finding.expected) == (cell("realisasi", 1), 250_000)


def test_b111_parent_spending_copied_from_its_budget(tmp_path):
    found = findings(tmp_path, consistent_lines(l0={"realisasi": 300_000}))
    finding = only(found, "B111")
    assert (finding.ref.a1, finding.reported, finding.expected) == (cell("realisasi", 0), 300_000, 250_000)
    assert "B102" not in {f.code for f in found}


def test_b112_transposed_digits_in_a_total(tmp_path):
    lines = consistent_lines(
        l0={"anggaran": 1_234_567},
        l1={"anggaran": 1_243_567},
        l2={"anggaran": 1_000_000},
        l3={"anggaran": 234_567},
    )
    found = findings(tmp_path, lines)
    finding = only(found, "B112")
    assert (finding.ref.a1, finding.expected) == (cell("anggaran", 1), 1_234_567)


def test_a_parents_selisih_and_percentage_computed_from_its_wrong_totals_are_named_at_the_root_cause(tmp_path):
    # Anggaran 400.000 and realisasi 300.000 on the kegiatan (its lines: 300.000, 250.000): selisih 100.000 and
    # 75% are right for the row as printed, wrong for the kegiatan. One cause, reported once per wrong input.
    found = findings(tmp_path, consistent_lines(l1={"anggaran": 400_000, "realisasi": 300_000}))
    assert sorted(f.code for f in found) == ["B101", "B102"]
    root = only(found, "B101")
    assert [ref.a1 for ref in root.follows] == [cell("selisih", 1), cell("persen", 1)]
    message = root.message("id")
    assert "Rp 50.000" in message and "83,33%" in message  # what they should say once it is fixed


def test_b103_b106_a_parent_without_its_own_totals(tmp_path):
    # The kegiatan prints only its selisih and percentage: they are checked against its lines.
    found = findings(tmp_path, consistent_lines(l1={"anggaran": None, "realisasi": None, "selisih": 100_000, "persen": 0.75}))
    assert (only(found, "B103").ref.a1, only(found, "B103").expected) == (cell("selisih", 1), 50_000)
    finding = only(found, "B106")
    assert finding.ref.a1 == cell("persen", 1)
    assert finding.expected == pytest.approx(250_000 / 300_000 * 100)


# -- selisih and persentase per row ----------------------------------------------------------------


def test_b104_difference_is_budget_minus_spending(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"selisih": 10_000}))
    finding = only(found, "B104")
    assert (finding.ref.a1, finding.reported, finding.expected) == (cell("selisih", 2), 10_000, 0)


def test_b115_sign_of_the_difference(tmp_path):
    lines = consistent_lines(
        l0={"realisasi": 300_000}, l1={"realisasi": 300_000}, l3={"realisasi": 200_000, "selisih": 0}
    )
    lines[3] = sub("7.01.01.2.01.0002", 200_000, 250_000, no=2, selisih=50_000)
    found = findings(tmp_path, lines)
    finding = only(found, "B115")
    assert (finding.ref.a1, finding.reported, finding.expected) == (cell("selisih", 3), 50_000, -50_000)


def test_b113_a_line_carrying_its_parents_difference(tmp_path):
    # The kegiatan's difference is 50.000; the first sub kegiatan (fully spent) shows it too.
    found = findings(tmp_path, consistent_lines(l2={"selisih": 50_000}))
    finding = only(found, "B113")
    assert (finding.ref.a1, finding.expected) == (cell("selisih", 2), 0)


def test_b113_a_line_carrying_its_parents_percentage(tmp_path):
    found = findings(tmp_path, consistent_lines(l3={"persen": 250_000 / 300_000}))
    finding = only(found, "B113")
    assert finding.ref.a1 == cell("persen", 3)
    assert finding.expected == 75


def test_b105_percentage_is_spending_over_budget(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"persen": 0.95}))
    finding = only(found, "B105")
    assert (finding.ref.a1, finding.reported, finding.expected) == (cell("persen", 2), 95, 100)


def _ratio_lines(persen):
    return [
        parent("7.01.01", 328, 340),
        sub("7.01.01.2.01.0001", 328, 340, no=1, persen=persen),
    ]


def test_b107_a_truncated_percentage_is_accepted_as_info(tmp_path):
    found = findings(tmp_path, _ratio_lines(1.036))  # 103,6 for 103,658
    finding = only(found, "B107")
    assert finding.severity.value == "info"
    assert "B105" not in {f.code for f in found}


def test_b107_not_for_a_rounded_percentage(tmp_path):
    found = findings(tmp_path, _ratio_lines(1.037))
    assert "B107" not in {f.code for f in found} and "B105" not in {f.code for f in found}


def test_b105_for_a_percentage_neither_rounded_nor_truncated(tmp_path):
    found = findings(tmp_path, _ratio_lines(1.02))  # 102 for 103,658 (103 would be its truncation)
    assert at(found, "B105") == [cell("persen", 1)]


def test_b114_parent_percentage_as_the_mean_of_its_lines(tmp_path):
    lines = [
        parent("7.01.01", 300_000, 200_000, persen=0.75),  # (100% + 50%) / 2
        sub("7.01.01.2.01.0001", 100_000, 100_000, no=1),
        sub("7.01.01.2.01.0002", 200_000, 100_000, no=2),
    ]
    found = findings(tmp_path, lines)
    finding = only(found, "B114")
    assert finding.ref.a1 == cell("persen", 0)
    assert finding.expected == pytest.approx(200 / 3)


# -- budget limits ---------------------------------------------------------------------------------


def test_b108_spending_above_budget_is_always_flagged(tmp_path):
    lines = [parent("7.01.01", 100_000, 120_000), sub("7.01.01.2.01.0001", 100_000, 120_000, no=1)]
    found = findings(tmp_path, lines)
    assert at(found, "B108") == sorted([cell("realisasi", 0), cell("realisasi", 1), total_cell("realisasi")])
    assert all(f.severity.value == "warning" for f in found if f.code == "B108")


def test_b108_not_when_within_budget(tmp_path):
    assert "B108" not in {f.code for f in findings(tmp_path, consistent_lines())}


def test_b109_spending_without_budget(tmp_path):
    lines = consistent_lines(l2={"anggaran": 0, "realisasi": 0})
    lines[2].realisasi = 5_000
    lines[0].realisasi = lines[1].realisasi = 155_000
    lines[0].anggaran = lines[1].anggaran = 200_000
    found = findings(tmp_path, lines)
    assert at(found, "B109") == [cell("realisasi", 2)]


def test_b110_percentage_printed_with_zero_budget(tmp_path):
    lines = [parent("7.01.01", 0, 0), sub("7.01.01.2.01.0001", 0, 0, no=1, persen=1)]
    assert at(findings(tmp_path, lines), "B110") == [cell("persen", 1)]


def test_b110_zero_percent_with_zero_budget_and_spending_is_accepted(tmp_path):
    lines = [parent("7.01.01", 0, 0), sub("7.01.01.2.01.0001", 0, 0, no=1, persen=0)]
    assert findings(tmp_path, lines) == []


# -- numbering -------------------------------------------------------------------------------------


def test_b120_gap_in_numbering(tmp_path):
    found = findings(tmp_path, consistent_lines(l3={"no": 3}))
    finding = only(found, "B120")
    assert finding.ref.a1 == cell("no", 3)
    assert "2" in finding.message("id")


def test_b121_duplicate_number(tmp_path):
    found = findings(tmp_path, consistent_lines(l3={"no": 1}))
    assert at(found, "B121") == [cell("no", 3)]


def test_b122_number_on_a_parent_row(tmp_path):
    lines = consistent_lines(l1={"no": 1}, l2={"no": 2}, l3={"no": 3})
    lines.append(sub("7.01.01.2.01.0003", 0, 0, no=4))
    found = findings(tmp_path, lines)
    assert at(found, "B122") == [cell("no", 1)]
    assert "B120" not in {f.code for f in found}


# -- codes and levels ------------------------------------------------------------------------------


def test_b130_code_in_a_non_standard_form_is_read_and_reported(tmp_path):
    found = findings(tmp_path, consistent_lines(l1={"code": "7.01.01.02.01"}, l2={"code": "7.01.01.2.01.01"}))
    assert at(found, "B130") == [cell("kode", 1), cell("kode", 2)]
    assert {f.code for f in found} == {"B130"}  # the hierarchy is still right: no sum findings


def test_b131_invalid_code_falls_back_to_the_level_column(tmp_path):
    found = findings(tmp_path, consistent_lines(l3={"code": "7.01", "level": "Sub Kegiatan"}))
    assert at(found, "B131") == [cell("kode", 3)]
    assert {f.code for f in found} == {"B131"}


def test_b132_code_outside_its_parent(tmp_path):
    found = findings(tmp_path, consistent_lines(l3={"code": "7.01.02.2.01.0002"}))
    assert at(found, "B132") == [cell("kode", 3)]


def test_b133_level_column_disagrees_with_the_code(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"level": "Program"}))
    assert at(found, "B133") == [cell("level", 2)]


def test_levels_typed_without_codes_build_the_hierarchy(tmp_path):
    lines = consistent_lines()
    for line, level in zip(lines, ("Program", "Kegiatan", "Sub Kegiatan", "Sub Kegiatan")):
        line.code, line.level = None, level
    assert findings(tmp_path, lines) == []
    lines[0].anggaran = 1
    assert at(findings(tmp_path, lines), "B101") == [cell("anggaran", 0)]


def test_b134_row_without_code_or_level(tmp_path):
    lines = consistent_lines()
    lines.append(Line(None, "Baris tanpa kode", 5_000, 5_000))
    found = findings(tmp_path, lines)
    assert at(found, "B134") == [cell("uraian", 4)]


def test_b135_table_without_a_total_row(tmp_path):
    found = findings(tmp_path, consistent_lines(), total={"uraian": None, "anggaran": None, "realisasi": None, "selisih": None, "persen": None})
    assert "B135" in {f.code for f in found}
    assert "B135" not in {f.code for f in findings(tmp_path, consistent_lines())}


# -- the JUMLAH row ---------------------------------------------------------------------------------


def test_typed_total_against_the_sum_of_all_sub_kegiatan(tmp_path):
    found = findings(tmp_path, consistent_lines(), total={"anggaran": 400_000})
    finding = only(found, "B101")
    assert (finding.ref.a1, finding.expected) == (total_cell("anggaran"), 300_000)


def test_total_difference_with_transposed_digits(tmp_path):
    lines = [parent("7.01.01", 2_000_000, 1_866_544), sub("7.01.01.2.01.0001", 2_000_000, 1_866_544, no=1)]
    found = findings(tmp_path, lines, total={"selisih": 134_356})  # 133.456 with 3 and 4 swapped
    finding = only(found, "B112")
    assert (finding.ref.a1, finding.expected) == (total_cell("selisih"), 133_456)


# -- numbers in cells --------------------------------------------------------------------------------


def test_n001_number_typed_as_text(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"anggaran": "Rp 100.000"}))
    finding = only(found, "N001")
    assert (finding.ref.a1, finding.severity.value) == (cell("anggaran", 2), "warning")


def test_n002_us_format(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"anggaran": "Rp 100,000"}))
    assert at(found, "N002") == []  # a lone comma before three digits is ambiguous, not US
    found = findings(tmp_path, consistent_lines(l3={"anggaran": "Rp 200,000.00"}))
    assert at(found, "N002") == [cell("anggaran", 3)]


def test_n003_ambiguous_cell_resolved_by_the_row_arithmetic(tmp_path):
    lines = [parent("7.01.01", 8_002_700, 7_527_530), sub("7.01.01.2.01.0001", 8_002_700, 7_527_530, no=1, selisih="Rp 475,170")]
    found = findings(tmp_path, lines)
    finding = only(found, "N003")
    assert finding.ref.a1 == cell("selisih", 1)
    assert finding.reported == 475_170
    assert "475.170" in finding.message("id")
    assert finding.severity.value == "warning"  # the reading rests on the row adding up: a guess
    assert not {"B104", "B113"} & {f.code for f in found}


def test_n003_ambiguous_cell_that_no_reading_explains(tmp_path):
    lines = [parent("7.01.01", 8_002_700, 7_960_900), sub("7.01.01.2.01.0001", 8_002_700, 7_960_900, no=1, selisih="Rp 475,170")]
    found = findings(tmp_path, lines)
    assert only(found, "N003").reported is None
    assert only(found, "N003").severity.value == "error"
    assert at(found, "B104") == [cell("selisih", 1)]


def test_n004_mistyped_number_mended_by_the_row_arithmetic(tmp_path):
    lines = [parent("7.01.01", 10_005_000, 9_835_000), sub("7.01.01.2.01.0001", 10_005_000, 9_835_000, no=1, selisih="Rp 170.0000")]
    found = findings(tmp_path, lines)
    finding = only(found, "N004")
    assert (finding.ref.a1, finding.reported) == (cell("selisih", 1), 170_000)
    assert "B104" not in {f.code for f in found}


def test_n004_us_form_whose_typo_reading_makes_the_row_add_up(tmp_path):
    lines = [
        parent("7.01.03", 12_655_000, 12_460_000),
        sub("7.01.03.2.01.0002", "Rp 12,655.00", 12_460_000, no=1, selisih=195_000, persen=0.9846),
    ]
    found = findings(tmp_path, lines)
    finding = only(found, "N004")
    assert (finding.ref.a1, finding.reported) == (cell("anggaran", 1), 12_655_000)
    on_lines = [f for f in found if f.ref and f.ref.row < TOTAL_ROW]
    assert [f.code for f in on_lines] == ["N004"]
    # The text is invisible to the template's SUMIFS: the JUMLAH row shows 0 and is reported for it.
    total = only(found, "B101")
    assert (total.ref.a1, total.reported, total.expected) == (total_cell("anggaran"), 0, 12_655_000)


def test_n005_text_that_is_no_number(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"realisasi": "belum ada"}))
    assert at(found, "N005") == [cell("realisasi", 2)]
    assert only(found, "N005").severity.value == "error"  # the template's columns are certain


def test_n006_excel_error_value_reported_where_it_starts(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"realisasi": "#REF!"}))
    assert at(found, "N006") == [cell("realisasi", 2)]  # not again in the formulas it spreads to


def test_n006_error_value_produced_by_a_formula(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"selisih": f"={cell('anggaran', 2)}/0"}))
    assert at(found, "N006") == [cell("selisih", 2)]


def test_n007_date_where_a_number_belongs(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"anggaran": dt.date(2024, 3, 4)}))
    assert at(found, "N007") == [cell("anggaran", 2)]


def test_n008_formula_that_cannot_be_evaluated_is_not_called_wrong(tmp_path):
    found = findings(tmp_path, consistent_lines(l2={"selisih": f"=NOSUCHFUNCTION({cell('anggaran', 2)})"}))
    finding = only(found, "N008")
    assert finding.ref.a1 == cell("selisih", 2)
    assert finding.severity.value == "info"
    assert "B104" not in {f.code for f in found}


def test_formulas_without_cached_values_are_evaluated_and_checked(tmp_path):
    # A wrong formula (spending minus budget) has no cached value: it is evaluated, then found wrong.
    wrong = f"={cell('realisasi', 3)}-{cell('anggaran', 3)}"
    found = findings(tmp_path, consistent_lines(l3={"selisih": wrong}))
    finding = only(found, "B115")
    assert (finding.reported, finding.expected) == (-50_000, 50_000)


# -- Tabel 3.7 ----------------------------------------------------------------------------------------


def _summary(anggaran, realisasi):
    return [Line(None, "Belanja Operasi", anggaran, realisasi, no=1)]


def test_x001_summary_total_against_the_detail_total(tmp_path):
    found = findings(tmp_path, consistent_lines(), summary=_summary(300_000, 240_000))
    finding = only(found, "X001")
    s = L.TABLE_37
    assert finding.ref.a1 == f"{s.letter('realisasi')}{s.last_body_row + 1}"
    assert (finding.reported, finding.expected) == (240_000, 250_000)


def test_x001_silent_when_the_totals_agree(tmp_path):
    assert findings(tmp_path, consistent_lines(), summary=_summary(300_000, 250_000)) == []


def test_tabel_37_total_against_its_lines(tmp_path):
    s = L.TABLE_37
    found = findings(tmp_path, consistent_lines(), summary=_summary(300_000, 250_000), summary_total={"anggaran": 310_000})
    assert at(found, "B101") == [f"{s.letter('anggaran')}{s.last_body_row + 1}"]
    # Its lines agree with Tabel 3.8: the fault is this JUMLAH, said once (B101), not again across tables.
    assert "X001" not in {f.code for f in found}


def test_x001_not_on_tabel_37_when_the_38_total_is_the_one_that_disagrees_with_its_lines(tmp_path):
    found = findings(tmp_path, consistent_lines(), total={"anggaran": 310_000}, summary=_summary(300_000, 250_000))
    assert at(found, "B101") == [total_cell("anggaran")]
    assert "X001" not in {f.code for f in found}


def test_x001_a_true_disagreement_between_two_self_consistent_tables_is_reported_once(tmp_path):
    found = findings(tmp_path, consistent_lines(), summary=_summary(320_000, 250_000))
    assert [f.code for f in found] == ["X001"]
    assert found[0].table == "3.7" and (found[0].reported, found[0].expected) == (320_000, 300_000)


def test_sums_of_many_lines_with_sen_are_exact(tmp_path):
    """Three hundred sub kegiatan of tens of billions with sen, pasted as numbers: added one by one as floats,
    the JUMLAH's selisih comes out 14.728.329.832,48 where the lines give 14.728.329.832,49 (a correct total
    called B103 on a 20,000-line table)."""
    import random
    from decimal import ROUND_HALF_UP, Decimal

    from openpyxl import Workbook

    chance = random.Random(0)
    anggaran = [Decimal(chance.randint(2 * 10**12, 8 * 10**12)) / 100 for _ in range(300)]
    realisasi = [a - Decimal(chance.randint(0, 10**10)) / 100 for a in anggaran]
    total_a, total_r = sum(anggaran), sum(realisasi)
    assert total_a - total_r == Decimal("14728329832.49")
    drifting_a = drifting_r = 0.0
    for a, r in zip(anggaran, realisasi):
        drifting_a, drifting_r = drifting_a + float(a), drifting_r + float(r)
    assert f"{drifting_a - drifting_r:.2f}" == "14728329832.48"  # what adding floats one by one gives

    def line(no, uraian, code, a, r):
        persen = (r / a * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return [no, uraian, code, float(a), float(r), float(a - r), float(persen)]

    book = Workbook()
    sheet = book.active
    sheet.append(["Tabel 3.8 Realisasi Anggaran"])
    sheet.append(["No", "Uraian", "Kode", "Anggaran (Rp)", "Realisasi (Rp)", "Selisih (Rp)", "%"])
    sheet.append(line(1, "PROGRAM PENUNJANG", "7.01.01", total_a, total_r))
    sheet.append(line(None, "Kegiatan Administrasi", "7.01.01.2.01", total_a, total_r))
    for n, (a, r) in enumerate(zip(anggaran, realisasi), start=1):
        sheet.append(line(n, f"Sub kegiatan {n}", f"7.01.01.2.01.{n:04d}", a, r))
    sheet.append(line(None, "JUMLAH", None, total_a, total_r))
    path = tmp_path / "panjang.xlsx"
    book.save(path)
    assert [(f.code, f.ref.a1) for f in check_file(path).findings if f.severity.value == "error"] == []


def test_x001_sums_the_rows_the_budget_checks_resolved(tmp_path):
    """Tabel 3.7 against 3.8 reuses the budget checks' reading of each table's rows (not resolved a second
    time), and its sums are those a fresh reading gives."""
    from lkjip_xl.checks import run_checks
    from lkjip_xl.checks.budget import sums_below_total
    from lkjip_xl.load import load_file
    from lkjip_xl.validate import read_document

    lines = consistent_lines(l3={"realisasi": 105_000})
    path = budget_workbook(tmp_path / "t.xlsx", lines, summary=_summary(320_000, 250_000))
    document, _ = read_document(load_file(path))
    codes = {f.code for f in run_checks(document)}
    assert "X001" in codes
    assert sorted(document.budget_checked) == ["3.7", "3.8"]
    for table in document.budget.values():
        reused = sums_below_total(table, document.settings, document.budget_checked)
        assert reused == sums_below_total(table, document.settings) and None not in reused.values()
