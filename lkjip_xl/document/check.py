"""A report document through the workbook pipeline: its tables read, checked, and every finding placed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import errors as E
from ..errors import InputRejected
from ..findings import Finding, Place, Report
from ..i18n import Num
from .convention import settle_conventions
from .counts import count_findings
from .preflight import check_docx, document_kind, refuse_doc
from .sentences import narrative_findings
from .source import DocumentSnapshot


def load_document(path: Path) -> DocumentSnapshot:
    """The document's tables as a snapshot; an ``InputRejected`` for a file that cannot be read."""
    kind = document_kind(path)
    if kind == "doc":
        refuse_doc()
    try:
        if kind == "docx":
            from .docx import read_docx

            check_docx(path)
            return read_docx(path)
        from .pdf import read_pdf

        return read_pdf(path)
    except InputRejected:
        raise
    except OSError as error:
        raise InputRejected("unreadable", E.UNREADABLE, detail=error.strerror or str(error)) from None
    except Exception as error:  # noqa: BLE001 - a damaged document ends in a message, never a traceback
        raise InputRejected("corrupt", E.CORRUPT_DOCUMENT, detail=type(error).__name__) from None


def place_findings(snapshot: DocumentSnapshot, findings: list[Finding]) -> None:
    """Page, caption and printed row on each finding about a cell of a document table."""
    for finding in findings:
        for item in (finding, *finding.members):
            ref = item.ref
            place = snapshot.places.get(ref.sheet) if ref is not None else None
            if place is not None:
                item.place = Place(place.caption, place.page_of(ref.row), place.number, place.paragraph, place.quotes.get(ref.row))





def unread_findings(snapshot: DocumentSnapshot) -> list[Finding]:
    from ..checks.document import PAGE_DAMAGED, PAGES_UNREAD, TABLE_UNREAD
    from .pdf import READ_SECONDS

    out = []
    for unread in snapshot.unread:
        place = unread.place
        if unread.why == "columns":
            finding = TABLE_UNREAD.at(None, table=None, caption=place.caption, page=place.page)
        elif unread.why == "pages":
            finding = PAGES_UNREAD.at(None, table=None, page=place.page, seconds=Num(READ_SECONDS))
        else:
            finding = PAGE_DAMAGED.at(None, table=None, page=place.page)
        finding.place = Place(place.caption, place.page, place.number or None)
        out.append(finding)
    return out


# Checks of how a spreadsheet stores a figure, which a printed document has no notion of: every figure in a
# document is text, no cell holds a formula, and a merged cell is how a document prints one cell.
SPREADSHEET_ONLY = frozenset({"N001", "N006", "N007", "N008", "N010", "N011"})


# Findings about the workbook as a whole (a table missing, another like it left unchecked): a table checked
# alone has them by construction, they say nothing about it.
_WHOLE_ONLY = frozenset({"S001", "S004"})


def _tables_alone(snapshot: DocumentSnapshot, report: Report, overrides: dict[str, Any] | None) -> list[Finding]:
    """A report holds many tables of one kind (a budget table per source of funds, per year, per chapter);
    the reader takes one of each kind per workbook. Every table the whole-document run left unread is checked
    on its own, as if it were a workbook's only table; its findings join the report (and the whole run's
    "another table like it was not checked" goes)."""
    from ..errors import InputRejected
    from ..validate import check_snapshot

    read = {finding.ref.sheet for finding in report.findings if finding.ref is not None and finding.code not in _WHOLE_ONLY}
    out: list[Finding] = []
    for name, sheet in snapshot.sheets.items():
        if name in read:
            continue
        alone = DocumentSnapshot(name=snapshot.name, kind=snapshot.kind, sheets={name: sheet})
        try:
            single = check_snapshot(alone, overrides)
        except InputRejected:  # no LKjIP table in it
            continue
        out.extend(finding for finding in single.findings if finding.ref is not None and finding.code not in _WHOLE_ONLY)
    return out


def stacked_findings(snapshot: DocumentSnapshot, findings: list[Finding]) -> list[Finding]:
    """A cell with figures stacked in it is said once per row (F023) instead of as a figure it is not: the
    number checks' findings on it go; no check can pair it with the figures of its row."""
    from ..checks.document import STACKED_FIGURES

    out: list[Finding] = []
    said: set[tuple[str, int]] = set()
    for finding in findings:
        ref = finding.ref
        place = snapshot.places.get(ref.sheet) if ref is not None else None
        if place is None or (ref.row, ref.col) not in place.stacked:
            out.append(finding)
            continue
        if not finding.code.startswith("N"):
            out.append(finding)
        if (ref.sheet, ref.row) not in said:
            said.add((ref.sheet, ref.row))
            sheet = snapshot.sheets[ref.sheet]
            out.append(STACKED_FIGURES.at(ref, table=finding.table, cell=ref.a1, printed=sheet.text(ref.row, ref.col)))
    return out


def unsettled_figures_as_warnings(findings: list[Finding]) -> None:
    """An ambiguous figure left after settle_conventions is one its table and document do not settle: whichever
    reading the row is checked under is a guess, so what is said of it (N003) is at most a warning."""
    from ..findings import Severity

    for finding in findings:
        if finding.code == "N003" and finding.severity is Severity.ERROR:
            finding.severity = Severity.WARNING


def assumed_scale(findings: list[Finding], overrides: dict[str, Any] | None) -> None:
    """A report grades its capaian on its own scale (often printed in its own Tabel 3.1, which is not read):
    unless the reviewer names it (skala_kategori), the default scale is an assumption, and a category off it
    is a warning (K104), not an error."""
    from ..findings import Severity

    if overrides and overrides.get("skala_kategori"):
        return
    for finding in findings:
        if finding.code == "K104" and finding.severity is Severity.ERROR:
            finding.severity = Severity.WARNING


def check_document(path: Path, overrides: dict[str, Any] | None = None, snapshot: DocumentSnapshot | None = None) -> Report:
    """Check the report at ``path``; ``snapshot`` is its reading when the caller has loaded it already."""
    from ..validate import check_snapshot

    snapshot = snapshot or load_document(path)
    settle_conventions(snapshot)
    report = check_snapshot(snapshot, overrides)
    alone = _tables_alone(snapshot, report, overrides)
    report.findings = [finding for finding in report.findings if finding.code != "S004"] + alone
    report.findings = [finding for finding in report.findings if finding.code not in SPREADSHEET_ONLY]
    report.findings = stacked_findings(snapshot, report.findings)
    unsettled_figures_as_warnings(report.findings)
    assumed_scale(report.findings, overrides)
    report.findings.extend(unread_findings(snapshot))
    report.findings.extend(narrative_findings(snapshot))
    report.findings.extend(count_findings(snapshot))
    place_findings(snapshot, report.findings)
    report.layout = snapshot.kind
    return report
