"""Reconciliation of the report's Tabel 3.8 with the SIPD export it was copied from (issue 15).

``load_exports`` reads the exports given on the command line (``--sipd``), ``exports_inside`` finds an export
pasted on a sheet of the checked workbook, ``reconcile`` matches and compares (engine.py). Findings: R0xx
(checks.py).
"""

from __future__ import annotations

from pathlib import Path
from dataclasses import dataclass
from typing import Any

from ..errors import InputRejected
from ..i18n import Text
from ..snapshot import WorkbookSnapshot
from .engine import Outcome, reconcile
from .export import SipdExport, period_of, read_export, sheet_exports, title_lines

__all__ = ["Outcome", "SipdExport", "exports_inside", "load_exports", "reconcile", "report_month"]

NOT_AN_EXPORT = Text(
    "bukan ekspor SIPD: tidak ada tabel belanja dengan kode Kepmendagri sampai sub kegiatan (mis. \"Rekapitulasi "
    "belanja menurut urusan, organisasi, program, kegiatan ...\", kolom Kode | Uraian | Anggaran | Realisasi)",
    "not an SIPD export: no spending table with Kepmendagri codes down to the sub-activity (e.g. \"Rekapitulasi "
    "belanja menurut urusan, organisasi, program, kegiatan ...\", columns Kode | Uraian | Anggaran | Realisasi)",
)


@dataclass
class Inside:
    """What ``exports_inside`` found: the exports, the workbook to read the report from and, when it had to read
    it to decide, that reading (document, findings)."""

    exports: list[SipdExport]
    snapshot: WorkbookSnapshot
    read: tuple[Any, list] | None = None


def load_exports(paths: list[Path]) -> list[SipdExport]:
    """The exports at ``paths``; a file that cannot be read or holds no export raises InputRejected naming it."""
    from ..load import load_file

    exports = []
    for path in paths:
        snapshot = load_file(path)
        export = read_export(snapshot, path.name)
        if export is None:
            raise InputRejected("not_sipd_export", NOT_AN_EXPORT)
        exports.append(export)
    return exports


def exports_inside(snapshot: WorkbookSnapshot, overrides: dict[str, Any] | None = None) -> Inside:
    """An SIPD export pasted on sheets of the workbook (recognised by its title and layout, any sheet name), and
    the workbook without those sheets for the report's own tables, with their reading (read once: the caller
    checks it). A workbook that holds only an export (or whose other sheets have no Tabel 3.8) is read as it
    is: there is nothing to reconcile."""
    nothing = Inside([], snapshot)
    names = sheet_exports(snapshot)
    if not names or len(names) == len(snapshot.sheets):
        return nothing
    from ..freeform.detect import find_tables
    from ..template.extract import is_template

    if not is_template(snapshot):
        # Read as a whole, the workbook's Tabel 3.8 is on an export sheet: it is an export (with copies and
        # summaries of it on other sheets), checked as it is, not a report beside an export.
        found = find_tables(snapshot).tables.get("3.8")
        if found is None or found.sheet.name in names:
            return nothing
    rest = WorkbookSnapshot(snapshot.name, {name: sheet for name, sheet in snapshot.sheets.items() if name not in names}, snapshot.inventory)
    from ..validate import read_document

    try:
        read = read_document(rest, overrides)
    except InputRejected:
        return nothing
    if "3.8" not in read[0].budget:
        return nothing
    export = read_export(WorkbookSnapshot(snapshot.name, {name: snapshot.sheets[name] for name in names}), snapshot.name, inside=True)
    if export is None:
        return nothing
    return Inside([export], rest, read)


def report_month(snapshot: WorkbookSnapshot, document) -> int:
    """Up to which month the report's Tabel 3.8 gives realisasi, as the lines above its first row say
    ("realisasi Semester I (s.d. 30 Juni 2026)"); the whole year (12) when they name no period."""
    table = document.budget.get("3.8")
    sheet = snapshot.sheets.get(table.sheet) if table is not None and table.rows else None
    if sheet is None:
        return 12
    return period_of(title_lines(sheet, min(row.row for row in table.rows))).month
