"""No finding may print the same reported and expected figure ("Persentase tertulis 96,35%, padahal ... =
96,35%" shows no fault): checked for every code of the catalogue, and over every workbook the tests know."""

from __future__ import annotations

import string
from pathlib import Path

import pasted
import pytest

from bench.generate import build, write
from lkjip_xl.errors import InputRejected
from lkjip_xl.checks import load_all, run_checks
from lkjip_xl.findings import CATALOGUE, Check, Finding, Report, Unit
from lkjip_xl.load import load_file
from lkjip_xl.snapshot import CellRef
from lkjip_xl.template.contoh import write_example
from lkjip_xl.validate import read_document

load_all()

ROOT = Path(__file__).resolve().parents[1]

# Pairs that print alike in every language and unit but are not equal floats: what float noise and a
# figure judged beyond its printed precision leave.
SAME_PRINT = {
    Unit.RUPIAH: (1234567.0000000002, 1234567.0),
    Unit.PERCENT: (96.35, 96.34999999999999),
    Unit.VALUE: (3.4744000000000006, 3.4744),
}
DIFFERENT = {Unit.RUPIAH: (1234567.0, 1234576.0), Unit.PERCENT: (96.35, 96.34), Unit.VALUE: (3.44, 3.47)}


def _compares_figures(check: Check) -> bool:
    return all("{reported" in text and "{expected" in text for text in (check.message.id, check.message.en))


def _params(check: Check) -> dict[str, str]:
    """Something for every other placeholder of the message, so that it renders."""
    names = {name for text in (check.message.id, check.message.en) for _, name, _, _ in string.Formatter().parse(text) if name}
    return {name: "x" for name in names - {"reported", "expected", "label"}}


COMPARING = sorted(code for code, check in CATALOGUE.items() if _compares_figures(check))


def test_the_catalogue_has_checks_that_compare_figures():
    assert len(COMPARING) >= 15  # B10x, K1xx, X0xx: if this drops, _compares_figures no longer sees them


@pytest.mark.parametrize("code", COMPARING)
@pytest.mark.parametrize("unit", list(Unit))
def test_every_comparing_check_goes_through_the_guard(code, unit):
    check = CATALOGUE[code]
    ref = CellRef("Tabel 3.8", 8, 5)
    same = check.at(ref, table="3.8", reported=SAME_PRINT[unit][0], expected=SAME_PRINT[unit][1], unit=unit, **_params(check))
    different = check.at(ref, table="3.8", reported=DIFFERENT[unit][0], expected=DIFFERENT[unit][1], unit=unit, **_params(check))
    assert same.prints_same and not different.prints_same
    report = Report(file="x.xlsx", findings=[same, different])
    assert report.findings == [different]
    for lang in ("id", "en"):
        reported, expected = different.shown(lang)
        assert reported.render(lang) != expected.render(lang)
        assert reported.render(lang) in different.message(lang) and expected.render(lang) in different.message(lang)


def test_figures_printed_with_more_decimals_are_shown_with_enough_to_differ():
    # A capaian printed as 96,3456% against 96,3461%: both are 96,35% at two decimals, but they differ.
    check = CATALOGUE["B105"]
    finding = check.at(CellRef("Tabel 3.8", 8, 8), table="3.8", reported=96.3456, expected=96.3461, unit=Unit.PERCENT, **_params(check))
    assert not finding.prints_same
    assert "96,3456%" in finding.message("id") and "96,3461%" in finding.message("id")
    assert Report(file="x.xlsx", findings=[finding]).findings == [finding]


# -- every workbook the tests build, the example, the bench generator's, the real ones --------------------


def _corpus(folder: Path) -> list[Path]:
    paths = [ROOT / "workbooks" / "contoh-kecamatan-jati-2024.xlsx"]
    write_example(folder / "konsisten.xlsx", consistent=True)
    paths.append(folder / "konsisten.xlsx")
    paths.append(pasted.one_table_per_sheet(folder / "tempel.xlsx"))
    paths.append(pasted.one_table_per_sheet(folder / "tempel-angka.xlsx", convert=True))
    paths.append(pasted.one_sheet(folder / "satu-lembar.xlsx"))
    paths.append(pasted.messy(folder / "berantakan.xlsx"))
    for seed in range(2):
        write(folder / f"bangkitan-{seed}.xlsx", build(60, 0.2, seed))
        paths.append(folder / f"bangkitan-{seed}.xlsx")
    paths += sorted(path for path in (ROOT / "tests" / "corpus").rglob("*.xlsx") if "_build" not in path.parts)
    return paths


def _printed_pair(finding: Finding, lang: str) -> tuple[str, str]:
    reported, expected = finding.shown(lang)
    render = lambda item: item if isinstance(item, str) else item.render(lang)  # noqa: E731
    return render(reported), render(expected)


def test_no_check_on_any_known_workbook_prints_the_same_reported_and_expected(tmp_path):
    """The checks themselves, before the report's guard: a pair that prints alike is a precision bug."""
    seen_codes: set[str] = set()
    for path in _corpus(tmp_path):
        try:
            document, _ = read_document(load_file(path))
        except InputRejected:  # a published table no reader recognises yet: nothing to compare
            continue
        raw = run_checks(document)
        compared = [f for f in raw if f.reported is not None and f.expected is not None]
        seen_codes.update(f.code for f in compared)
        for finding in compared:
            for lang in ("id", "en"):
                reported, expected = _printed_pair(finding, lang)
                assert reported != expected, (path.name, finding.code, finding.ref, finding.message(lang))
    assert len(seen_codes) >= 10  # the corpus does exercise the comparing checks


def test_messages_on_the_example_never_repeat_one_figure_as_reported_and_expected():
    report = Report(file="contoh", findings=run_checks(read_document(load_file(ROOT / "workbooks" / "contoh-kecamatan-jati-2024.xlsx"))[0]))
    for finding in report.findings:
        if _compares_figures(finding.check) and finding.reported is not None and finding.expected is not None:
            reported, expected = _printed_pair(finding, "id")
            message = finding.message("id")
            assert reported in message and expected in message and reported != expected, message


def test_the_severity_policy_is_written_in_the_generated_rules():
    from lkjip_xl.docs import rules_markdown

    text = rules_markdown()
    assert "## Kebijakan tingkat / Severity policy" in text
    assert "An **error** only where lkjip-xl can show the arithmetic" in text
    assert "**Kesalahan** hanya bila" in text
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == text
