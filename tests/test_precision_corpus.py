"""The precision corpus (tests/corpus/README.md): on every case, the real validate pipeline reports no error at a
cell not listed as an expected error, and every expected error at its cell.

Cases failing today are listed in XFAIL, with why: they are strict, so when a fix lands the case passes, the
xfail turns red, and its entry must be removed here. The 20,000-line synthetic case is in the benchmark only
(python -m bench.precision), it takes about 30 s.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import openpyxl
import pytest
from conftest import run_cli

from bench.generate import FREEFORM_MISTAKES, freeform
from bench.precision import CORPORA, Case, cases, run


# case id -> why it fails today. Remove an entry when its case passes (strict xfail turns red then).
XFAIL: dict[str, str] = {}  # empty since the three published layouts (Bappeda, Disbun, Diskanlaut) are read


def _all_cases() -> list[Case]:
    return [case for corpus in CORPORA for case in cases(corpus, big=False)]


def _params() -> list:
    return [pytest.param(case, id=case.id,
                         marks=[pytest.mark.xfail(strict=True, reason=XFAIL[case.id])] if case.id in XFAIL else [])
            for case in _all_cases()]


@pytest.mark.parametrize("case", _params())
def test_no_false_error_and_every_expected_error(case, tmp_path):
    outcome = run(case, tmp_path)
    assert outcome.refusal_ok, f"expected refusal {case.refused}, got {outcome.refused}"
    false = "\n".join(f"  {seen.where} {seen.code}: {seen.message}" for seen in outcome.false_errors)
    assert not outcome.false_errors, f"{len(outcome.false_errors)} false errors in {case.id}:\n{false}"
    missed = "\n".join(f"  {item.where}: {item.why}" for item in outcome.missed)
    assert not outcome.missed, f"expected errors not found in {case.id}:\n{missed}"
    undeserved = "\n".join(f"  {seen.where} {seen.code}: {seen.message}" for seen in outcome.undeserved_warnings)
    assert not outcome.undeserved_warnings, f"warnings a consistent table does not deserve in {case.id}:\n{undeserved}"


def test_every_xfail_entry_names_a_case():
    """Stale entries are removed; entries of a corpus not present yet (published) wait for it."""
    present = {case.id.split("/")[0] for case in _all_cases()}
    assert {name for name in XFAIL if name.split("/")[0] in present} <= {case.id for case in _all_cases()}


def test_every_corpus_has_cases_but_the_published_one_may_be_missing():
    ids = {case.id.split("/")[0] for case in _all_cases()}
    assert {"synthetic", "realdata", "seed"} <= ids


def test_refusal_cases_exit_2_with_their_reason_through_the_cli():
    refusals = [case for case in _all_cases() if case.refused]
    assert refusals, "the realdata corpus keeps a legacy .xls"
    for case in refusals:
        path = case.make(None)
        result = run_cli("validate", path, "--format", "json")
        assert result.returncode == case.refused["exit_code"], result.stderr
        assert json.loads(result.stdout)["error"]["reason"] == case.refused["reason"]
        assert "Traceback" not in result.stderr


# -- the synthetic corpus is what it claims: consistent, and each mistake where it is listed --------------


def _amount(value) -> Decimal:
    """An independent reading of the forms bench.generate.freeform writes (not lkjip_xl's parser)."""
    if isinstance(value, (int, float)):
        return Decimal(repr(float(value)))
    text = value.replace("\u00a0", " ").strip()
    if text in ("-", "Rp -"):
        return Decimal(0)
    negative = text.startswith("(") or text.startswith("Rp -") or text.startswith("-")
    text = re.sub(r"^Rp\.?\s*-?\s*|[()\s]|,-$", "", text)
    if re.fullmatch(r"\d{1,3}(,\d{3})*,\d\d", text):  # commas for thousands and sen
        text = text[:-3].replace(",", "") + "." + text[-2:]
    else:
        text = text.replace(".", "").replace(",", ".")
    return -Decimal(text) if negative else Decimal(text)


def _percent(value) -> Decimal:
    if isinstance(value, str):
        return Decimal(value.replace("%", "").replace(",", ".").strip())
    return Decimal(repr(value)) * (100 if value < 2 else 1)


def _inconsistent_cells(path) -> set[str]:
    """Tabel 3.8 recomputed by hand: parents = sums of their sub kegiatan (by code), selisih, persentase at 2
    decimals; JUMLAH = the sum of every sub kegiatan."""
    sheet = openpyxl.load_workbook(path)["Tabel 3.8"]
    rows = [row for row in sheet.iter_rows(min_row=6) if row[2].value]
    lines = {row[0].row: row for row in rows if row[1].value}
    subs = {r: row for r, row in lines.items() if row[1].value.count(".") == 5}
    bad = set()
    for r, row in list(lines.items()) + [(rows[-1][0].row, rows[-1])]:
        code = row[1].value
        anggaran, realisasi = _amount(row[3].value), _amount(row[4].value)
        if code is None or code not in {s[1].value for s in subs.values()}:
            children = [s for s in subs.values() if code is None or s[1].value.startswith(code + ".")]
            true_anggaran = sum(_amount(s[3].value) for s in children)
            true_realisasi = sum(_amount(s[4].value) for s in children)
            if anggaran != true_anggaran:
                bad.add(f"D{r}")
            if abs(realisasi - true_realisasi) > Decimal("0.001"):
                bad.add(f"E{r}")
            # A parent's selisih and % follow from its lines: a wrong sum is one mistake, at the sum.
            anggaran, realisasi = true_anggaran, true_realisasi
        if abs(_amount(row[5].value) - (anggaran - realisasi)) > Decimal("0.001"):
            bad.add(f"F{r}")
        shown = (realisasi / anggaran * 100).quantize(Decimal("0.01"))
        if abs(_percent(row[6].value) - shown) > Decimal("0.005") + Decimal("1e-9"):
            bad.add(f"G{r}")
    return bad


def test_synthetic_tables_are_consistent_by_an_independent_recomputation(tmp_path):
    for seed, lines in ((1, 40), (3, 300)):
        assert _inconsistent_cells(freeform(lines, seed=seed).save(tmp_path / f"k{seed}.xlsx")) == set()


@pytest.mark.parametrize("mistake", [m for m in FREEFORM_MISTAKES if m != "wrong_capaian"])
def test_each_injected_mistake_breaks_exactly_its_cell(mistake, tmp_path):
    book = freeform(40, seed=5, mistake=mistake)
    bad = _inconsistent_cells(book.save(tmp_path / "salah.xlsx"))
    assert bad == {item.cell for item in book.injected}


def test_injected_capaian_is_off_its_row():
    book = freeform(40, seed=5, mistake="wrong_capaian")
    (item,) = book.injected
    rows = book.sheets[item.sheet]
    row = rows[int(item.cell[1:]) - 1]
    target, actual, capaian = (Decimal(cell[0].replace(",", ".")) for cell in row[3:6])
    assert (actual / target * 100).quantize(Decimal("0.01")) != capaian


# -- bench/RESULTS.md keeps both benchmarks' sections ---------------------------------------------------


def test_precision_section_replaces_itself_and_keeps_the_speed_sections(tmp_path):
    from bench.precision import write_section

    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nspeed\n\n## Machine\n\n- CPU\n", encoding="utf-8")
    write_section(results, ["## Precision", "", "first", "", "### False errors", ""])
    write_section(results, ["## Precision", "", "second", ""])
    text = results.read_text(encoding="utf-8")
    assert "speed" in text and "## Machine\n\n- CPU" in text
    assert "second" in text and "first" not in text and text.count("## Precision") == 1


def test_speed_benchmark_keeps_the_precision_section(tmp_path):
    import argparse

    import bench.run as speed

    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nold speed\n\n## Profile\n\nby hand\n\n## Precision\n\nkept\n\n"
                       "### False errors\n- x\n")
    run = speed.Run(1.0, 1.0, 10.0, 10.0, 0, 12)
    big = tmp_path / "besar.xlsx"
    big.write_bytes(b"x")
    phases = {"load": 1, "openpyxl": 1, "import": 0, "extract": 0, "checks": 0, "text": 0, "out": 0, "findings": 0}
    measured = {name: {"runs": [run], "base": {"openpyxl": [run], "calamine": [run]}, "phases": phases, "path": big}
                for name in ("text", "numeric", "sipd")}
    args = argparse.Namespace(results=results, files=1, repeat=1, lines=10, sipd_rows=10)
    speed.write_results(args, measured, tmp_path, {1: [run], 2: [run]}, {}, (0, 0, 0), (0, 0, 0), 1.0)
    text = results.read_text(encoding="utf-8")
    assert "old speed" not in text and "## Precision\n\nkept\n\n### False errors\n- x" in text
    assert "## Profile\n\nby hand\n" in text and text.index("## Profile") < text.index("## Precision")
