"""One workbook in, one report out: the pipeline every door (CLI, Excel, batch) goes through."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .checks import run_checks
from .checks.structure import SETTING_INVALID
from .findings import Finding, Report
from .model import Document
from .settings import Settings
from .snapshot import WorkbookSnapshot
from .template import extract as template


def _settings(snapshot: WorkbookSnapshot, overrides: dict[str, Any] | None) -> tuple[Settings, list[Finding]]:
    settings, errors = template.read_settings(snapshot)
    findings = [SETTING_INVALID.at(None, table=None, detail=str(error)) for error in errors]
    if overrides:
        settings = settings.with_values(overrides, "--config")
    return settings, findings


def read_document(snapshot: WorkbookSnapshot, overrides: dict[str, Any] | None = None) -> tuple[Document, list[Finding]]:
    """The tables of a workbook: the template, or tables pasted on any sheet (free-form)."""
    settings, findings = _settings(snapshot, overrides)
    if template.is_template(snapshot):
        document = template.extract_template(snapshot, settings)
    else:
        from .freeform import extract_freeform

        document = extract_freeform(snapshot, settings).document
    document.inventory = snapshot.inventory
    return document, findings


def check_snapshot(snapshot: WorkbookSnapshot, overrides: dict[str, Any] | None = None, exports: list | None = None,
                   quiet_refusals: bool = False) -> Report:
    """``exports``: SIPD exports given beside the workbook (reconcile/export.py); an export pasted on a sheet of
    the workbook is found and used too. ``quiet_refusals`` (batch): an export of another office or year is
    reported only when none fits."""
    from .reconcile import exports_inside, reconcile, report_month

    pasted = exports_inside(snapshot, overrides)
    inside = pasted.exports
    document, findings = pasted.read if pasted.read is not None else read_document(pasted.snapshot, overrides)
    findings.extend(run_checks(document))
    reconciliation = None
    if exports or inside:
        outcome = reconcile(document, [*inside, *(exports or [])], quiet_refusals,
                            report_month(pasted.snapshot, document))
        findings.extend(outcome.findings)
        reconciliation = outcome.summary
    return Report(
        file=snapshot.name,
        findings=findings,
        office=document.settings.office or None,
        year=document.settings.year,
        tables=document.tables,
        layout=document.layout,
        readings=list(document.readings.values()),
        reconciliation=reconciliation,
    )


def check_file(path: Path, overrides: dict[str, Any] | None = None, exports: list | None = None,
               quiet_refusals: bool = False) -> Report:
    """A workbook, or a report document (PDF, Word): the same checks, the same report. ``exports``: SIPD
    exports to reconcile the workbook's Tabel 3.8 with (read by reconcile.load_exports)."""
    from .document import check_document, document_kind
    from .load import load_file

    with _cyclic_gc_paused():
        if document_kind(path) is not None:
            return check_document(path, overrides)
        return check_snapshot(load_file(path), overrides, exports, quiet_refusals)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Checking a big table allocates hundreds of thousands of small objects and no garbage cycles worth
    collecting; Python's cyclic collector would traverse them again and again (10-20% of the time). Once it
    is enabled again, its next young-generation pass takes them all at once. No full collection here: in a
    process with a large heap (a test runner, a host application) that costs more than the check itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
