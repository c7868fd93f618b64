"""What checking one submission gave, as plain data that crosses process and machine boundaries.

``check_source`` is the one function every worker runs, in a local process or on a Dask worker: the same
pipeline as ``validate`` (``check_file``), its report kept in the format of ``validate --format json``.
Nothing it meets in a file ends the batch: a file that cannot be read, or that trips a bug, becomes an
outcome that says so.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..checks import load_all
from ..errors import InputRejected, rejection_report
from ..findings import CATALOGUE, Severity
from ..i18n import Lang, Text

if TYPE_CHECKING:
    from .sources import Source

PASSED, FAILED, UNCHECKED = "passed", "failed", "unchecked"
STATUS_ORDER = (UNCHECKED, FAILED, PASSED)  # the ones a reviewer must act on first
STATUS_LABELS = {
    PASSED: Text("LULUS", "PASSED"),
    FAILED: Text("TIDAK LULUS", "FAILED"),
    UNCHECKED: Text("TIDAK DAPAT DIPERIKSA", "NOT CHECKED"),
}

TIMED_OUT = Text(
    "pemeriksaan melebihi batas waktu {seconds} detik dan dihentikan",
    "checking took longer than {seconds} seconds and was stopped",
)
KILLED = Text(
    "proses pemeriksa dihentikan (sinyal {signal}) pada berkas ini; berkas mungkin rusak atau terlalu besar untuk "
    "dibaca",
    "the checking process was killed (signal {signal}) on this file; the file may be damaged or too large to read",
)
CRASHED = Text(
    "proses pemeriksa berhenti mendadak pada berkas ini (kode keluar {code}); berkas mungkin rusak atau "
    "terlalu besar",
    "the checking process died on this file (exit code {code}); the file may be damaged or too large",
)
OUT_OF_MEMORY = Text(
    "berkas ini membutuhkan memori melebihi batas {limit} MiB per proses",
    "this file needs more memory than the limit of {limit} MiB per process",
)
OUT_OF_MEMORY_UNCAPPED = Text(
    "berkas ini membutuhkan lebih banyak memori daripada yang tersedia",
    "this file needs more memory than is available",
)
INTERNAL = Text(
    "kesalahan internal lkjip-xl ({detail}); mohon laporkan bersama berkasnya",
    "internal lkjip-xl error ({detail}); please report it with the file",
)
INTERNAL_REASON = "internal_error"


def died(exitcode: int | None) -> Rejection:
    """Why a worker process ended while checking a file: a signal (negative code) or an exit code."""
    if exitcode is not None and exitcode < 0:
        return Rejection.of("crashed", KILLED, signal=-exitcode)
    return Rejection.of("crashed", CRASHED, code=exitcode)


@dataclass(frozen=True)
class Rejection:
    """Why a file cannot be checked, picklable (an ``InputRejected`` is not): reason code, text, params."""

    reason: str
    text: Text
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, reason: str, text: Text, **params: Any) -> Rejection:
        return cls(reason, text, tuple(sorted(params.items())))

    @classmethod
    def from_error(cls, error: InputRejected) -> Rejection:
        return cls.of(error.reason, error.text, **error.params)

    @classmethod
    def timed_out(cls, seconds: float) -> Rejection:
        return cls.of("timeout", TIMED_OUT, seconds=f"{seconds:g}")

    @classmethod
    def for_error(cls, error: BaseException, options: Options) -> Rejection:
        """What an exception met while checking one file says about it (in the worker or sent back from it)."""
        if isinstance(error, InputRejected):
            return cls.from_error(error)
        if isinstance(error, MemoryError):
            if options.max_memory_mb > 0:
                return cls.of("out_of_memory", OUT_OF_MEMORY, limit=options.max_memory_mb)
            return cls.of("out_of_memory", OUT_OF_MEMORY_UNCAPPED)
        # A bug of lkjip-xl met on one file: that file's outcome (exit code 3), never the batch's end.
        return cls.of(INTERNAL_REASON, INTERNAL, detail=type(error).__name__)

    def message(self, lang: Lang) -> str:
        return self.text(lang, **dict(self.params))


@dataclass(frozen=True)
class Options:
    """How every file of a batch is checked."""

    lang: Lang = "id"
    overrides: dict[str, Any] | None = None  # --config
    timeout: float = 120.0  # seconds per file
    max_memory_mb: int = 2048  # per worker process; 0 = no limit (on Dask and Windows there is none)
    # --sipd: SIPD exports (reconcile.SipdExport, read once) offered to every workbook; each workbook is
    # reconciled with those of its own office and year, the others are listed in its JSON, not reported.
    exports: tuple = ()


@dataclass
class Outcome:
    name: str
    status: str  # PASSED, FAILED or UNCHECKED
    report: dict[str, Any]  # the file's report, as ``validate --format json`` prints it
    seconds: float = 0.0
    local_file: str | None = None  # the workbook on disk, for a link (None inside an archive)

    @property
    def counts(self) -> dict[str, int]:
        return self.report.get("counts") or {"error": 0, "warning": 0, "info": 0}

    @property
    def findings(self) -> list[dict[str, Any]]:
        return self.report.get("findings") or []

    @property
    def office(self) -> str | None:
        return self.report.get("office")

    @property
    def year(self) -> int | None:
        return self.report.get("year")

    @property
    def error(self) -> dict[str, str] | None:
        return self.report.get("error")


def unchecked(source: Source, rejection: Rejection, lang: Lang, seconds: float = 0.0) -> Outcome:
    """The outcome of a file that could not be checked."""
    return Outcome(
        source.name,
        UNCHECKED,
        rejection_report(source.name, rejection.reason, rejection.message(lang)),
        seconds,
        source.local_file,
    )


def check_source(source: Source, options: Options) -> Outcome:
    """Check one submission; never raises for anything a file can do."""
    from ..validate import check_file
    from .sources import member_file

    started = time.perf_counter()
    try:
        if source.problem is not None:
            return unchecked(source, source.problem, options.lang)
        with member_file(source) as path:
            report = check_file(path, options.overrides, list(options.exports), quiet_refusals=bool(options.exports))
        report.file = source.name
        status = PASSED if report.valid else FAILED
        return Outcome(source.name, status, report.to_dict(options.lang), time.perf_counter() - started, source.local_file)
    except Exception as error:  # noqa: BLE001 - one file's bug is that file's outcome, never the batch's end
        rejection = Rejection.for_error(error, options)
    return unchecked(source, rejection, options.lang, time.perf_counter() - started)


TOP_PROBLEMS = 3


def ordered(outcomes: list[Outcome]) -> list[Outcome]:
    """Files to act on first: could not be checked, then failed (most errors first), then passed; by name."""
    return sorted(outcomes, key=lambda o: (STATUS_ORDER.index(o.status), -o.counts["error"], o.name))


def main_problems(outcome: Outcome, lang: Lang) -> str:
    """The most frequent checks of a file, errors first: "B101 ×5 Jumlah induk ...; N004 ×2 ..."."""
    load_all()  # the checks' titles (a Dask run has not imported them in this process)
    counts = Counter((Severity(f["severity"]).rank, f["code"]) for f in outcome.findings)
    top = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))[:TOP_PROBLEMS]
    parts = []
    for (_, code), count in top:
        check = CATALOGUE.get(code)
        parts.append(f"{code} ×{count}" + (f" {check.title(lang)}" if check else ""))
    return "; ".join(parts)
