"""One batch from start to end: find the workbooks, check them (here or on Dask), write what was asked."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from ..i18n import Lang, Text
from ..outfile import replacing
from ..report.safe import terminal_text
from .outcome import (
    FAILED, INTERNAL_REASON, PASSED, STATUS_LABELS, STATUS_ORDER, UNCHECKED, Options, Outcome, main_problems, ordered,
)
from .sources import Source, find_sources


PROGRESS = Text("Memeriksa", "Checking")
DONE = Text(
    "{count} berkas diperiksa dalam {seconds} detik: {passed} {passed_label}, {failed} {failed_label}, "
    "{unchecked} {unchecked_label}.",
    "{count} files checked in {seconds} s: {passed} {passed_label}, {failed} {failed_label}, "
    "{unchecked} {unchecked_label}.",
)
ERRORS_LINE = Text("{errors} kesalahan, {warnings} peringatan", "{errors} errors, {warnings} warnings")
REPORT_WRITTEN = Text("Laporan gabungan: {path}", "Consolidated report: {path}")
JSON_WRITTEN = Text("Laporan JSON per berkas: {path}", "Per-file JSON reports: {path}")


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    seconds: float
    json_files: dict[str, Path] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def internal_errors(self) -> int:
        return sum(1 for outcome in self.outcomes if (outcome.error or {}).get("reason") == INTERNAL_REASON)


def check_all(
    sources: list[Source], options: Options, jobs: int, scheduler: str | None, on_done: Callable[[Outcome], None]
) -> list[Outcome]:
    if scheduler:
        from .cluster import run_on_cluster

        # Workers there run under Dask's own memory limit (--memory-limit), not ours.
        return run_on_cluster(sources, replace(options, max_memory_mb=0), scheduler, on_done)
    from .local import run_local

    return run_local(sources, options, jobs, on_done)


@contextmanager
def progress_bar(total: int, lang: Lang, enabled: bool) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar on the terminal (stderr); nothing at all when output goes to a file or a pipe."""
    if not enabled:
        yield lambda outcome: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    tally = {status: 0 for status in STATUS_ORDER}
    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[tally]}"),
        TimeElapsedColumn(), TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(PROGRESS(lang), total=total, tally="")

        def advance(outcome: Outcome) -> None:
            tally[outcome.status] += 1
            shown = "  ".join(
                f"[{color}]{tally[status]} {STATUS_LABELS[status](lang)}[/]"
                for status, color in ((FAILED, "red"), (UNCHECKED, "yellow"), (PASSED, "green"))
                if tally[status]
            )
            bar.update(task, advance=1, tally=shown)

        yield advance


def json_names(sources: list[Source]) -> dict[str, str]:
    """A distinct, safe file name per source for its JSON report, from its name under the common folder."""
    outer = [source.name.split("!", 1)[0] for source in sources]
    try:
        common = os.path.commonpath([os.path.dirname(name) or "." for name in outer]) if outer else ""
    except ValueError:  # absolute and relative names mixed
        common = ""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for source in sources:
        relative = source.name
        if common and common != "." and relative.startswith(common + os.sep):
            relative = relative[len(common) + 1:]
        base = re.sub(r"[^\w.-]+", "_", relative.replace("!", "__").replace("/", "__").replace("\\", "__")).strip("._")
        base = (base or "berkas")[:150]
        candidate, number = base + ".json", 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{base}-{number}.json"
        taken.add(candidate.casefold())
        names[source.name] = candidate
    return names


def write_json(folder: Path, name: str, report: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    with replacing(target, ".json") as temporary:
        temporary.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def run_batch(
    inputs: list[Path],
    options: Options,
    jobs: int = 1,
    scheduler: str | None = None,
    out: Path | None = None,
    json_dir: Path | None = None,
    show_progress: bool | None = None,
) -> BatchResult:
    """Check every workbook under ``inputs``; write the consolidated report and per-file JSON if asked."""
    started = time.perf_counter()
    exclude = {path for path in (out,) if path is not None}
    sources = find_sources(inputs, exclude=exclude)
    names = json_names(sources) if json_dir is not None else {}
    json_files: dict[str, Path] = {}
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    with progress_bar(len(sources), options.lang, show_progress) as advance:

        def done(outcome: Outcome) -> None:
            if json_dir is not None:  # written as results arrive: a long batch leaves what it finished
                json_files[outcome.name] = write_json(json_dir, names[outcome.name], outcome.report)
            advance(outcome)

        outcomes = check_all(sources, options, jobs, scheduler, done) if sources else []
    result = BatchResult(outcomes, time.perf_counter() - started, json_files)
    if out is not None:
        from .workbook import write_report

        write_report(out, outcomes, options.lang, json_files)
    return result


def summary_text(result: BatchResult, lang: Lang, out: Path | None, json_dir: Path | None) -> str:
    """What the terminal shows at the end: the totals, then every file that needs action and why."""
    lines = [
        DONE(
            lang,
            count=len(result.outcomes),
            seconds=f"{result.seconds:.1f}",
            passed=result.count(PASSED),
            passed_label=STATUS_LABELS[PASSED](lang),
            failed=result.count(FAILED),
            failed_label=STATUS_LABELS[FAILED](lang),
            unchecked=result.count(UNCHECKED),
            unchecked_label=STATUS_LABELS[UNCHECKED](lang),
        )
    ]
    for outcome in ordered(result.outcomes):
        if outcome.status == PASSED:
            continue
        label = STATUS_LABELS[outcome.status](lang)
        if outcome.error:
            why = outcome.error["message"]
        else:
            counts = outcome.counts
            why = ERRORS_LINE(lang, errors=counts["error"], warnings=counts["warning"])
            problems = main_problems(outcome, lang)
            why += f" ({problems})" if problems else ""
        who = f" [{outcome.office}]" if outcome.office else ""
        lines.append(terminal_text(f"  {label}: {outcome.name}{who}: {why}"))  # workbook text: no controls
    if out is not None:
        lines.append(REPORT_WRITTEN(lang, path=out))
    if json_dir is not None:
        lines.append(JSON_WRITTEN(lang, path=json_dir))
    return "\n".join(lines) + "\n"
