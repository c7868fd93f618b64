"""The precision benchmark: lkjip-xl on corpora whose true inconsistencies are known, written to bench/RESULTS.md.

    python -m bench.precision                 # every corpus, results into bench/RESULTS.md
    python -m bench.precision --corpus realdata --results /tmp/r.md

Per corpus: the files, the errors at cells not listed as expected errors (false errors, goal 0), the expected
errors found at their cell (recall, goal all), and the warnings per 1,000 checked cells; then every false
error (file, cell, code, message) so that an engineer can act on it.

"Checked cells" are the cells holding a figure (any non-empty value: a number, a number typed as text, a word
target, "-") in the tables the tool recognised: every Field of the document it read. Cells the tool did not
recognise as a table are not counted, so a tool that finds fewer tables does not look quieter per cell.

Corpora (tests/corpus/README.md describes the files):
- ``synthetic``: consistent free-form workbooks made in the run by bench.generate.freeform (small, and
  20,000 lines), and one variant per injected mistake, the mistake's cell as the expected error.
- ``published``: tests/corpus/published/ (tables typed from published reports), when present.
- ``realdata``: tests/corpus/realdata/ (real workbooks made by offices).
- ``sipd``: tests/corpus/sipd/ (Tabel 3.8 workbooks built from real SIPD exports, checked with their export as
  ``validate --sipd`` does: injected copying mistakes are the expected errors; issue 15).
- ``seed``: workbooks/contoh-kecamatan-jati-2024.xlsx, its pinned findings (tests/test_example.py,
  tests/test_performance_example.py) as the expected list: every error there is a real one.
- ``reports``: LKjIP/LAKIP reports as offices submit them (PDF, Word), through the document checker
  (lkjip_xl.document.check_document): ../shared/realdocs and tests/corpus/reports/, each folder with a
  findings.json of hand-verified findings. A document has no cells: a finding's place is its page ("p.12"; a
  Word table: "tabel 3"). The expected errors are the "must" findings, found when an error at their page
  reports their printed figure; a false error is an error on a page with no must finding; the clean controls
  are pages whose figures all check out (errors there are counted apart, goal 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = ROOT / "workbooks" / "contoh-kecamatan-jati-2024.xlsx"
# the workbook corpora (tests/test_precision_corpus.py)
CORPORA = ("synthetic", "published", "realdata", "sipd", "seed")
# Every corpus the benchmark measures: the workbooks, and the report documents (tests/test_realdocs.py and
# tests/test_reports_corpus.py pin what the document checker finds on those, finding by finding).
ALL_CORPORA = CORPORA + ("reports",)
# Report documents with hand-verified findings: the shared ones beside the clone, and the ones kept in the repository.
REPORT_FOLDERS = (ROOT.parent / "shared" / "realdocs", CORPUS / "reports")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Warnings a consistent synthetic table deserves: realisasi above anggaran (one line is over budget on purpose),
# and a polarity the tool had to assume from the indicator's name (no Pengaturan in a free-form workbook).
DESERVED_WARNINGS = ("B108",)
BIG_LINES = 20_000


@dataclass(frozen=True)
class Expected:
    sheet: str
    cell: str
    severity: str
    codes: tuple[str, ...] = ()
    why: str = ""
    value: float | None = None  # a report's printed figure: found only by an error that reports it
    sentence: str | None = None  # a figure of the running text, as printed: found too by an error quoting it

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.sheet else self.cell  # a report's place has no sheet ("p.12")


@dataclass
class Case:
    corpus: str
    name: str
    make: Callable[[Path], Path]  # writes or finds the workbook (in a scratch folder) and returns its path
    expected: list[Expected] = field(default_factory=list)
    refused: dict[str, Any] | None = None  # {"exit_code": 2, "reason": "legacy_xls"}
    slow: bool = False  # kept out of the default test run
    deserved_warnings: tuple[str, ...] | None = None  # when set, any other warning counts against the case
    clean: tuple[str, ...] = ()  # a report's clean controls: places ("p.12") whose figures all check out
    exports: tuple[Path, ...] = ()  # SIPD exports given beside the workbook (validate --sipd)

    @property
    def id(self) -> str:
        return f"{self.corpus}/{self.name}"


@dataclass
class Seen:
    sheet: str | None
    cell: str | None
    code: str
    severity: str
    message: str
    reported: float | None = None
    place: str | None = None  # a report document's page ("p.12") or Word table ("tabel 3")
    quote: str | None = None  # the printed row or sentence

    @property
    def where(self) -> str:
        if self.place is not None:
            return self.place
        return f"{self.sheet}!{self.cell}" if self.cell else "(no cell)"


@dataclass
class Outcome:
    case: Case
    findings: list[Seen] = field(default_factory=list)
    checked_cells: int = 0
    seconds: float = 0.0
    refused: str | None = None  # the reason the tool gave for not checking the file

    @property
    def expected_errors(self) -> list[Expected]:
        return [item for item in self.case.expected if item.severity == "error"]

    @property
    def false_errors(self) -> list[Seen]:
        allowed = {item.where for item in self.expected_errors}
        return [seen for seen in self.findings if seen.severity == "error" and seen.where not in allowed]

    @property
    def found(self) -> list[Expected]:
        errors = [seen for seen in self.findings if seen.severity == "error"]
        return [item for item in self.expected_errors if any(_matches(item, seen) for seen in errors)]

    @property
    def errors_on_clean(self) -> list[Seen]:
        return [seen for seen in self.findings if seen.severity == "error" and seen.where in self.case.clean]

    @property
    def missed(self) -> list[Expected]:
        found = set(self.found)
        return [item for item in self.expected_errors if item not in found]

    @property
    def warnings(self) -> list[Seen]:
        return [seen for seen in self.findings if seen.severity == "warning"]

    @property
    def undeserved_warnings(self) -> list[Seen]:
        if self.case.deserved_warnings is None:
            return []
        return [seen for seen in self.warnings if not deserved(seen.code, self.case.deserved_warnings)]

    @property
    def refusal_ok(self) -> bool:
        want = self.case.refused
        return (want is None and self.refused is None) or (want is not None and self.refused == want.get("reason"))

    @property
    def passed(self) -> bool:
        return not self.false_errors and not self.missed and not self.undeserved_warnings and self.refusal_ok


def _matches(item: Expected, seen: Seen) -> bool:
    """The finding is the expected one: at its place, and (a report's figure) reporting its printed value. A
    sentence whose amount is wrong is found by the error on its percentage, which quotes the sentence (a table
    row's quote holds every figure of the row: there the figure itself must be reported)."""
    if seen.where != item.where:
        return False
    if item.value is None or (seen.reported is not None and abs(seen.reported - item.value) < 0.005):
        return True
    return bool(item.sentence and seen.quote and item.sentence in seen.quote)


def deserved(code: str, codes: tuple[str, ...]) -> bool:
    """A warning a consistent table deserves: one of ``codes``, or one that says a polarity was assumed (its
    check's name speaks of polarity, whatever code the catalogue gives it)."""
    from lkjip_xl.findings import CATALOGUE

    check = CATALOGUE.get(code)
    return code in codes or (check is not None and "polar" in check.name.casefold())


# -- the corpora -------------------------------------------------------------------------------------


def _expected_from_json(items: list[dict[str, Any]]) -> list[Expected]:
    out = []
    for item in items:
        sheet, _, cell = item["cell"].rpartition("!")
        out.append(Expected(sheet.strip("'"), cell.replace("$", "").upper(), item["severity"],
                            tuple(item.get("codes") or ()), item.get("why", "")))
    return out


def stored_cases(corpus: str, folder: Path | None = None) -> list[Case]:
    """Every NAME.json with its workbook (NAME.xlsx, .xlsm or .xls) in tests/corpus/<corpus>/."""
    folder = folder or CORPUS / corpus
    cases = []
    for meta in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        data = json.loads(meta.read_text(encoding="utf-8"))
        books = [path for path in meta.parent.glob(meta.stem + ".*") if path.suffix.lower() in (".xlsx", ".xlsm", ".xls")]
        if not books:
            raise FileNotFoundError(f"{meta}: no workbook {meta.stem}.xlsx beside it")
        book = books[0]
        exports = tuple(folder / name for name in data.get("sipd", []))
        cases.append(Case(corpus, meta.stem, lambda _scratch, book=book: book,
                          _expected_from_json(data.get("expected", [])), data.get("refused"), exports=exports))
    return cases


def _test_module(name: str):
    """A test module's pinned lists (tests/ is not a package; its conftest is imported on the way)."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_cases() -> list[Case]:
    """The example workbook: the pinned findings of its two tests, with the severity the catalogue gives the
    Tabel 3.8 ones (they are pinned without it) and the pinned severity of the performance ones."""
    from lkjip_xl.checks import load_all
    from lkjip_xl.findings import CATALOGUE

    load_all()
    budget = _test_module("test_example").SEED_38
    performance = _test_module("test_performance_example").SEED_PERFORMANCE
    expected = {Expected("Tabel 3.8", cell, CATALOGUE[code].severity.value, (code,)) for code, cell, *_ in budget}
    expected |= {Expected("Tabel " + table, cell, severity, (code,)) for table, code, cell, severity, *_ in performance}
    # One cell may carry several pinned findings (an error and an info): the strongest is what the cell must get.
    strongest: dict[str, Expected] = {}
    for item in sorted(expected, key=lambda item: SEVERITY_RANK[item.severity]):
        strongest[item.where] = item
    return [Case("seed", "contoh-kecamatan-jati-2024", lambda _scratch: SEED, sorted(strongest.values(),
                                                                                       key=lambda e: e.where))]


def synthetic_cases(big: bool = True) -> list[Case]:
    """Consistent free-form workbooks and one variant per injected mistake (bench.generate.freeform)."""
    from bench.generate import FREEFORM_MISTAKES, freeform

    def maker(lines: int, seed: int, mistake: str | None) -> Callable[[Path], Path]:
        def make(scratch: Path) -> Path:
            return freeform(lines, seed=seed, mistake=mistake).save(scratch / f"sintetis-{lines}-{seed}-{mistake}.xlsx")
        return make

    cases = [Case("synthetic", f"konsisten-{lines}-seed{seed}", maker(lines, seed, None),
                  deserved_warnings=DESERVED_WARNINGS) for lines, seed in ((40, 1), (60, 2), (300, 3))]
    for index, mistake in enumerate(FREEFORM_MISTAKES):
        seed = 10 + index
        injected = freeform(40, seed=seed, mistake=mistake).injected
        expected = [Expected(item.sheet, item.cell, "error", (), f"injected: {item.kind}") for item in injected]
        cases.append(Case("synthetic", f"salah-{mistake}-seed{seed}", maker(40, seed, mistake), expected))
    if big:
        cases.append(Case("synthetic", f"konsisten-{BIG_LINES}", maker(BIG_LINES, 7, None), slow=True,
                          deserved_warnings=DESERVED_WARNINGS))
    return cases


def report_place(page: int | None, table: int | None) -> str:
    return f"p.{page}" if page is not None else f"tabel {table}"


def report_cases(folders: tuple[Path, ...] = REPORT_FOLDERS) -> list[Case]:
    """Every report listed in a findings.json of ``folders`` (those that exist), its must findings expected as
    errors at their page with their printed figure, its clean controls kept apart."""
    out = []
    for folder in folders:
        meta = folder / "findings.json"
        if not meta.is_file():
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, about in data["files"].items():
            path = folder / name
            if not path.is_file():
                raise FileNotFoundError(f"{meta}: {name} is listed but not in {folder}")
            musts = [item for item in data["findings"] if item["file"] == name and item["severity"] == "must"]
            expected = [Expected("", report_place(item.get("page"), item.get("table")), "error", (),
                                 f"{item['id']}: {item.get('why', '')}", item.get("printed_value"),
                                 item.get("printed") if item.get("where") != "table" else None)
                        for item in musts]
            clean = tuple(report_place(item.get("page"), item.get("table"))
                          for item in data.get("clean_controls", []) if item["file"] == name)
            refused = {"exit_code": 2, "reason": "scanned_pdf"} if about.get("scanned") else None
            out.append(Case("reports", name, lambda _scratch, path=path: path, expected, refused, clean=clean))
    return out


def cases(corpus: str, big: bool = True) -> list[Case]:
    if corpus == "synthetic":
        return synthetic_cases(big)
    if corpus == "seed":
        return seed_cases()
    if corpus == "reports":
        return report_cases()
    return stored_cases(corpus)


# -- running one case --------------------------------------------------------------------------------


def _figure_cells(document: Any) -> int:
    """Distinct cells holding a figure in the tables the tool read (every non-empty Field of the document)."""
    return len(_figure_refs(document))


def _figure_refs(document: Any) -> set[tuple[str, int, int]]:
    from lkjip_xl.model import Field

    seen: set[tuple[str, int, int]] = set()

    def visit(value: Any) -> None:
        if isinstance(value, Field):
            if value.ref is not None and not value.empty:
                seen.add((value.ref.sheet, value.ref.row, value.ref.col))
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                if item.name not in ("parent", "children", "settings", "inventory"):
                    visit(getattr(value, item.name))

    for name in ("budget", "indicators", "trend", "efficiency"):
        visit(getattr(document, name, None))
    return seen


def _document_cells(snapshot: Any) -> int:
    """A report's checked cells: those the whole-document reading took, and those of every table it left,
    read alone (as check_document checks them)."""
    from lkjip_xl.document.source import DocumentSnapshot
    from lkjip_xl.errors import InputRejected
    from lkjip_xl.validate import read_document

    def read(one: Any) -> set[tuple[str, int, int]]:
        try:
            return _figure_refs(read_document(one)[0])
        except InputRejected:  # no LKjIP table in it
            return set()

    cells = read(snapshot)
    taken = {sheet for sheet, _, _ in cells}
    for name, sheet in snapshot.sheets.items():
        if name not in taken:
            cells |= read(DocumentSnapshot(name=snapshot.name, kind=snapshot.kind, sheets={name: sheet}))
    return len(cells)


def _timed(outcome: Outcome, check):
    """``check()``'s result, its time kept on ``outcome``; None when the file was refused (the reason kept)."""
    from lkjip_xl.errors import InputRejected

    started = time.perf_counter()
    try:
        return check()
    except InputRejected as rejection:
        outcome.refused = rejection.reason
        return None
    finally:
        outcome.seconds = time.perf_counter() - started


def run_report(case: Case, path: Path) -> Outcome:
    """A report document through check_document, as the CLI checks it. The document is read once: the
    PDF's reading takes seconds, and both the check and the count of checked cells need it."""

    from lkjip_xl.document import check as document_check

    def check():
        snapshot = document_check.load_document(path)
        return document_check.check_document(path, snapshot=snapshot), _document_cells(snapshot)

    outcome = Outcome(case)
    done = _timed(outcome, check)
    if done is None:
        return outcome
    report, cells = done
    outcome.findings = [Seen(f.ref.sheet if f.ref else None, f.ref.a1 if f.ref else None, f.code, f.severity.value,
                             f.message(), f.reported,
                             report_place(f.place.page, f.place.table_number) if f.place else "(no page)",
                             f.place.quote if f.place else None)
                        for f in report.sorted()]
    outcome.checked_cells = cells
    return outcome


def run(case: Case, scratch: Path) -> Outcome:
    """The real validate pipeline on one case (check_snapshot, as the CLI runs it), and the cells it read."""
    from lkjip_xl.load import load_file
    from lkjip_xl.reconcile import load_exports
    from lkjip_xl.validate import check_snapshot, read_document

    path = case.make(scratch)
    if case.corpus == "reports":
        return run_report(case, path)

    def check():
        snapshot = load_file(path)
        return check_snapshot(snapshot, exports=load_exports(list(case.exports)) if case.exports else None), snapshot

    outcome = Outcome(case)
    done = _timed(outcome, check)
    if done is None:
        return outcome
    report, snapshot = done
    outcome.findings = [Seen(f.ref.sheet if f.ref else None, f.ref.a1 if f.ref else None, f.code, f.severity.value,
                             f.message()) for f in report.sorted()]
    outcome.checked_cells = _figure_cells(read_document(snapshot)[0])
    return outcome


def run_all(corpora: tuple[str, ...] = ALL_CORPORA, big: bool = True) -> Iterator[Outcome]:
    with tempfile.TemporaryDirectory(prefix="lkjip-precision-") as folder:
        for corpus in corpora:
            for case in cases(corpus, big):
                yield run(case, Path(folder))


# -- the report --------------------------------------------------------------------------------------


@dataclass
class Totals:
    files: int = 0
    consistent_files: int = 0
    errors_on_consistent: int = 0
    false_errors: int = 0
    expected_errors: int = 0
    found: int = 0
    warnings: int = 0
    checked_cells: int = 0
    refusals_wrong: int = 0
    undeserved: int = 0
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.case.corpus == "reports":  # a report is never wholly clean: its clean controls stand in
            self.consistent_files += len(outcome.case.clean)
            self.errors_on_consistent += len(outcome.errors_on_clean)
        else:
            consistent = not outcome.expected_errors and outcome.case.refused is None
            self.consistent_files += consistent
            if consistent:
                self.errors_on_consistent += sum(seen.severity == "error" for seen in outcome.findings)
        self.false_errors += len(outcome.false_errors)
        self.expected_errors += len(outcome.expected_errors)
        self.found += len(outcome.found)
        self.warnings += len(outcome.warnings)
        self.checked_cells += outcome.checked_cells
        self.refusals_wrong += not outcome.refusal_ok
        self.undeserved += len(outcome.undeserved_warnings)
        self.seconds += outcome.seconds

    @property
    def per_thousand(self) -> str:
        return f"{1000 * self.warnings / self.checked_cells:.1f}" if self.checked_cells else "-"


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace("|", "\\|")


def section(outcomes: list[Outcome], corpora: tuple[str, ...], missing: list[str], limit: int = 40) -> list[str]:
    by_corpus: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_corpus.setdefault(outcome.case.corpus, []).append(outcome)
    lines = [
        "## Precision",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `python -m bench.precision`. False errors: "
        "errors at cells not listed as expected errors (goal 0). Recall: expected errors found at their cell (goal "
        "all). Warnings per 1,000 checked cells, where checked cells are the cells holding a figure (any non-empty "
        "value) in the tables the tool recognised. Synthetic tables deserve only "
        f"{', '.join(DESERVED_WARNINGS)} (one line is over budget on purpose) and a warning that a polarity was "
        "assumed (angka kematian ibu, penduduk miskin); any other warning there is undeserved. Refusals wrong: files refused (exit 2, e.g. no_tables) that "
        "should have been checked, or the reverse. Reports (PDF, Word): places are pages; expected errors are the "
        "hand-verified must findings, found when an error at their page reports their printed figure; false errors "
        "are errors on pages with no must finding; in place of consistent files, the clean-control pages. The "
        "shared reports' findings.json is read as it is: an error it does not list counts as false here even when "
        "it was recomputed by hand and found true since (those are pinned with their arithmetic in "
        "tests/test_realdocs.py's ERRORS and listed below: read them before counting them as false alarms).",
        "",
        "| corpus | files | errors on consistent files (reports: on clean-control pages) | false errors | expected errors found | warnings / 1,000 "
        "checked cells (all warnings) | undeserved warnings | checked cells | refusals wrong | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus in corpora:
        if corpus in missing:
            lines.append(f"| {corpus} | 0 (no corpus yet) | | | | | | | | |")
            continue
        totals = Totals()
        for outcome in by_corpus.get(corpus, []):
            totals.add(outcome)
        consistent = "clean-control pages" if corpus == "reports" else "consistent"
        lines.append(f"| {corpus} | {totals.files} ({totals.consistent_files} {consistent}) | "
                     f"**{totals.errors_on_consistent}** | **{totals.false_errors}** | "
                     f"**{totals.found} / {totals.expected_errors}** | {totals.per_thousand} "
                     f"({totals.warnings}) | {totals.undeserved if corpus == 'synthetic' else '-'} | "
                     f"{totals.checked_cells:,} | {totals.refusals_wrong} | "
                     f"{totals.seconds:.1f} |")
    lines += ["", "Per file:", "", "| file | false errors | expected found | warnings | checked cells |", "|---|---|---|---|---|"]
    for outcome in outcomes:
        refused = f" (refused: {outcome.refused})" if outcome.refused else ""
        lines.append(f"| {outcome.case.id}{refused} | {len(outcome.false_errors)} | {len(outcome.found)} / "
                     f"{len(outcome.expected_errors)} | {len(outcome.warnings)} | {outcome.checked_cells:,} |")
    lines += ["", "### False errors", ""]
    for outcome in outcomes:
        false = outcome.false_errors
        if not false:
            continue
        lines.append(f"- `{outcome.case.id}` ({len(false)}):")
        for seen in false[:limit]:
            lines.append(f"  - {seen.where} {seen.code}: {_cell(seen.message)[:200]}")
        if len(false) > limit:
            lines.append(f"  - ... and {len(false) - limit} more")
    lines += ["", "### Warnings a consistent synthetic table does not deserve", ""]
    for outcome in outcomes:
        for seen in outcome.undeserved_warnings[:limit]:
            lines.append(f"- `{outcome.case.id}` {seen.where} {seen.code}: {_cell(seen.message)[:200]}")
    lines += ["", "### Expected errors missed", ""]
    for outcome in outcomes:
        for item in outcome.missed:
            lines.append(f"- `{outcome.case.id}` {item.where}: {_cell(item.why)[:200]}")
        if not outcome.refusal_ok:
            lines.append(f"- `{outcome.case.id}`: expected refusal {outcome.case.refused}, got {outcome.refused}")
    lines.append("")
    return lines


def write_section(results: Path, lines: list[str]) -> None:
    """Replace (or append) the '## Precision' section of RESULTS.md, keeping the other sections."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    start = text.find("\n## Precision\n")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[: start + 1] + (text[end + 1:] if end >= 0 else "")
    results.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=ALL_CORPORA, help="one corpus (repeatable); default all")
    parser.add_argument("--no-big", action="store_true", help=f"leave out the {BIG_LINES:,}-line synthetic case")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    corpora = tuple(args.corpus or ALL_CORPORA)
    missing = [corpus for corpus in corpora
               if corpus in ("published", "realdata", "sipd", "reports") and not cases(corpus)]
    outcomes = []
    for outcome in run_all(corpora, big=not args.no_big):
        outcomes.append(outcome)
        print(f"{outcome.case.id}: {len(outcome.false_errors)} false errors, {len(outcome.found)}/"
              f"{len(outcome.expected_errors)} expected errors found, {len(outcome.warnings)} warnings, "
              f"{outcome.checked_cells} checked cells{', refused ' + outcome.refused if outcome.refused else ''} "
              f"({outcome.seconds:.1f} s)", flush=True)
    lines = section(outcomes, corpora, missing)
    print("\n".join(lines))
    write_section(args.results, lines)
    print(f"results written to {args.results}")


if __name__ == "__main__":
    main()
