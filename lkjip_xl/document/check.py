"""A report document through the workbook pipeline: its tables read, checked, and every finding placed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import errors as E
from ..errors import InputRejected
from ..findings import Finding, Place, Report
from ..i18n import Num
from .preflight import check_docx, document_kind, refuse_doc
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


# A PDF page that ends in "Rp." with its amount on the next page (the running footer between): the sentence
# is read across the break, from this far back on the page before.
CARRY_REACH = 300
_DANGLING = re.compile(r"Rp\.?\s*(?!.*Rp)(?!.*\d{1,3}(?:[.,]\d{3})+)", re.DOTALL)


def narrative_texts(snapshot: DocumentSnapshot) -> list[tuple[int | None, int | None, str, int]]:
    """(page, paragraph, text, carried): the running text, each PDF page with the sentence the page before
    left unfinished at a dangling "Rp" (its first ``carried`` characters)."""
    out = []
    previous = ""
    for page, paragraph, text in snapshot.paragraphs:
        carried = ""
        if page is not None:
            dangling = _DANGLING.search(previous[-CARRY_REACH:])
            if dangling:
                tail = previous[-CARRY_REACH:]
                carried = tail[: dangling.end()] + " "
            previous = text
        out.append((page, paragraph, carried + text, len(carried)))
    return out


def _table_place(row) -> dict[str, Any]:
    from ..checks.document import UNCAPTIONED

    from ..findings import DOCUMENT_TABLE, PAGE

    where = (PAGE.with_params(page=row.page) if row.page is not None
             else DOCUMENT_TABLE.with_params(number=row.place.number, paragraph=row.place.paragraph))
    return {"caption": row.place.caption or UNCAPTIONED, "where": where, "row": row.quote}


def narrative_findings(snapshot: DocumentSnapshot) -> list[Finding]:
    """The narrative's own arithmetic (D001, D003, D004) and its figures against the tables (D002)."""
    from ..checks.document import (EFFICIENCY_EXPECTED, NARRATIVE_COUNT, NARRATIVE_EFFICIENCY, NARRATIVE_PERCENT,
                                   NARRATIVE_TABLE, ROLE_TEXTS, TABLE_ALSO)
    from ..findings import Unit
    from .against import budget_mismatches, indicator_mismatches, table_rows
    from .narrative import (budget_sentences, contradictions, count_contradictions, efficiency_contradictions,
                            indicator_sentences)

    rows = table_rows(snapshot)
    out = []

    def placed(finding: Finding, page, paragraph, quote: str) -> None:
        finding.place = Place(None, page, None, paragraph, quote)
        out.append(finding)

    for page, paragraph, text, carried in narrative_texts(snapshot):
        fresh = lambda item: item.start + len(item.quote) > carried  # noqa: E731 - not the page before's
        for item in contradictions(text):
            if not fresh(item):
                continue
            finding = NARRATIVE_PERCENT.at(
                None, table=None, reported=item.printed, expected=item.expected, unit=Unit.PERCENT,
                decimals=item.decimals, allocated=Num(item.allocated), realised=Num(item.realised),
            )
            placed(finding, page, paragraph, item.quote)
        for item in efficiency_contradictions(text):
            if not fresh(item):
                continue
            unit = Unit.RUPIAH if item.what == "amount" else Unit.PERCENT
            # The table row printing the sentence's allocation and realisation, one printing its efficiency too first.
            both = sorted(
                (row for row in rows if row.columns_of((float(item.allocated),), 0) and row.columns_of((float(item.realised),), 0)),
                key=lambda row: not row.columns_of((item.printed,), item.decimals),
            )
            also = TABLE_ALSO.with_params(**_table_place(both[0])) if both else ""
            expected_text = EFFICIENCY_EXPECTED[item.what].with_params(expected=Num(item.expected, unit.value, item.decimals))
            finding = NARRATIVE_EFFICIENCY.at(
                None, table=None, reported=item.printed, expected=item.expected, unit=unit, decimals=item.decimals,
                allocated=Num(item.allocated), realised=Num(item.realised), expected_text=expected_text, also=also,
            )
            placed(finding, page, paragraph, item.quote)
        for item in count_contradictions(text):
            if not fresh(item):
                continue
            finding = NARRATIVE_COUNT.at(
                None, table=None, reported=sum(item.parts), expected=item.whole, unit=Unit.VALUE, decimals=0,
                whole=Num(item.whole), parts=" + ".join(str(part) for part in item.parts),
            )
            placed(finding, page, paragraph, item.quote)
        mismatches = [(sentence, budget_mismatches(sentence, rows)) for sentence in budget_sentences(text) if fresh(sentence)]
        mismatches += [(sentence, indicator_mismatches(sentence, rows)) for sentence in indicator_sentences(text) if fresh(sentence)]
        for sentence, items in mismatches:
            for item in items:
                unit = Unit.RUPIAH if item.role in ("alokasi", "realisasi") and item.expected >= 1000 else Unit.VALUE
                finding = NARRATIVE_TABLE.at(
                    None, table=None, reported=item.reported, expected=item.expected, unit=unit, decimals=item.decimals,
                    role=ROLE_TEXTS[item.role], **_table_place(item.row),
                )
                placed(finding, page, paragraph, sentence.quote)
    return out


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


def check_document(path: Path, overrides: dict[str, Any] | None = None) -> Report:
    from ..validate import check_snapshot

    snapshot = load_document(path)
    report = check_snapshot(snapshot, overrides)
    alone = _tables_alone(snapshot, report, overrides)
    report.findings = [finding for finding in report.findings if finding.code != "S004"] + alone
    report.findings = [finding for finding in report.findings if finding.code not in SPREADSHEET_ONLY]
    report.findings.extend(unread_findings(snapshot))
    report.findings.extend(narrative_findings(snapshot))
    place_findings(snapshot, report.findings)
    report.layout = snapshot.kind
    return report
