"""The example workbook (the seed report's tables as printed) and its consistent twin."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE, run_cli

from lkjip_xl.template.contoh import write_example

# Every Tabel 3.8 inconsistency of the seed report: (code, cell, reported, expected).
SEED_38 = [
    ("B101", "E8", 1720118000, 1718975700),  # program total typed from the DPA murni, not its lines
    ("B111", "F8", 1720118000, 1608282861),  # realisasi copied from anggaran
    # The JUMLAH's selisih, digits swapped, on a program row: expected is what it should say once the
    # program's anggaran and realisasi are right (1.718.975.700 − 1.608.282.861), not 0 from the copied realisasi.
    ("B104", "G8", 133456093, 110692839),
    ("B113", "H8", 93.33, 93.56),  # the JUMLAH's percentage on a program row; 1.608.282.861 / 1.718.975.700
    ("B101", "E11", 1528600000, 1407200000),  # names G11 and H11, computed from it (root cause once)
    ("B102", "F11", 1487735424, 1296548961),
    ("N002", "H11", 97.33, None),  # "97.33%"
    ("B105", "H12", 92.32, 92.10),  # 1.289.348.961 / 1.400.000.000
    ("B101", "E14", 160568000, 119217700),  # number 6 is missing below it; names G14
    ("B102", "F14", 160092830, 119175900),
    ("B105", "H14", 99.97, 99.96),  # 119.175.900 / 119.217.700 (from this row's own figures: 99,70%)
    ("B120", "A17", None, None),  # 5 -> 7
    ("B113", "G17", 475170, 41800),  # the kegiatan's selisih on its line ("Rp 475,170")
    ("N003", "G17", None, None),
    ("B113", "H17", 99.97, 99.48),
    ("N002", "E21", 4500000, None),
    ("N002", "F21", 4500000, None),
    ("N002", "E24", 76800000, None),
    ("N002", "F24", 76800000, None),
    ("N002", "E25", 46848000, None),
    ("N002", "F25", 46848000, None),
    ("N002", "E26", 26848000, None),
    ("N002", "F26", 26848000, None),
    ("N002", "E27", 20000000, None),
    ("N002", "F27", 20000000, None),
    ("B108", "F28", 19285000, 15205000),
    ("B108", "F29", 10225000, 7575000),
    ("B115", "G29", 2650000, -2650000),
    ("B108", "F30", 9060000, 7630000),
    ("B122", "A31", None, None),  # the numbered program row (18)
    ("N004", "E33", 12655000, None),  # "Rp 12,655.00" for 12.655.000
    ("N004", "G37", 170000, None),  # "Rp 170.0000"
    ("B108", "F42", 8759000, 8410000),
    ("N002", "F42", 8759000, None),
    ("B108", "F43", 8759000, 8410000),
    ("N002", "F43", 8759000, None),
    ("B101", "E306", 2000000000, 1874930700),  # names H306
    ("B102", "F306", 1866543961, 1768301861),
    # 2.000.000.000 − 1.866.543.961 = 133.456.039 with two digits swapped; once the JUMLAH's anggaran and
    # realisasi are right it is 1.874.930.700 − 1.768.301.861.
    ("B112", "G306", 133546039, 106628839),
    ("N002", "H306", 93.33, None),  # "93.33%"
]


def _rounded(value):
    return None if value is None else round(value, 2)


@pytest.fixture(scope="module")
def example_json():
    result = run_cli("validate", EXAMPLE, "--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_every_tabel_38_inconsistency_of_the_seed_at_its_cell_with_its_expected_value(example_json):
    found = [
        (f["code"], f["cell"], _rounded(f["reported"]), _rounded(f["expected"]))
        for f in example_json["findings"]
        if f["table"] == "3.8"
    ]
    assert found == [(code, cell, _rounded(rep), _rounded(exp)) for code, cell, rep, exp in SEED_38]
    assert all(f["sheet"] == "Tabel 3.8" for f in example_json["findings"] if f["table"] == "3.8")


def test_a_root_cause_names_the_cells_that_follow_from_it(example_json):
    by_cell = {(f["code"], f["cell"]): f for f in example_json["findings"] if f["table"] == "3.8"}
    assert by_cell[("B101", "E11")]["follows"] == ["G11", "H11"]
    assert "G11" in by_cell[("B101", "E11")]["message"] and "110.651.039" in by_cell[("B101", "E11")]["message"]
    assert by_cell[("B101", "E14")]["follows"] == ["G14"]
    assert by_cell[("B101", "E306")]["follows"] == ["H306"]
    # No finding tells the officer to write a figure computed from a wrong input.
    assert not [f for f in example_json["findings"] if f["cell"] in ("G11", "H11", "G14", "H306") and f["severity"] == "error"]


def test_tabel_37_agrees_with_the_printed_38_total(example_json):
    assert [f for f in example_json["findings"] if f["table"] == "3.7"] == []


def test_json_shape(example_json):
    assert set(example_json) >= {"file", "valid", "counts", "findings"}
    assert example_json["valid"] is False
    assert set(example_json["counts"]) == {"error", "warning", "info"}
    for finding in example_json["findings"]:
        assert set(finding) >= {"code", "severity", "table", "sheet", "cell", "message", "reported", "expected"}
        assert finding["severity"] in ("error", "warning", "info")
    assert example_json["counts"]["error"] == sum(f["severity"] == "error" for f in example_json["findings"])


def test_consistent_example_reports_no_error_and_exits_0(tmp_path):
    path = tmp_path / "konsisten.xlsx"
    write_example(path, consistent=True)
    result = run_cli("validate", path, "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0, [f for f in data["findings"] if f["severity"] == "error"]
    assert data["valid"] is True and data["counts"]["error"] == 0
    # Spending above budget stays a warning, and only that.
    assert {f["code"] for f in data["findings"] if f["severity"] == "warning"} <= {"B108"}


def test_english_messages(tmp_path):
    result = run_cli("validate", EXAMPLE, "--format", "json", "--lang", "en")
    data = json.loads(result.stdout)
    message = next(f["message"] for f in data["findings"] if f["code"] == "B112")
    assert message.startswith("Difference reads Rp 133,546,039") or "133,546,039" in message


def test_text_report_is_grouped_by_table_in_indonesian():
    result = run_cli("validate", EXAMPLE)
    assert result.returncode == 1
    out = result.stdout
    assert "Tabel 3.8" in out and "Kesalahan" in out and "TIDAK LULUS" in out
    assert out.index("Tabel 3.8") < out.index("B112")
