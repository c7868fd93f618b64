"""The narrative's findings: each sentence of the running text read (narrative.py) and checked against its own
figures (D001, D003, D004), the tables (D002, against.py) and, in the executive summary, the report's body (D005).

Every finding's place is the sentence's: its page (PDF) or paragraph (Word) and the sentence as printed; the
table row or body sentence it is compared with is quoted in the message.
"""

from __future__ import annotations

import re
from typing import Any

from ..findings import Finding, Place
from ..i18n import Num
from .source import DocumentSnapshot


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
    return {"caption": row.place.caption or UNCAPTIONED, "where": _table_where(row.place, row.page), "row": row.quote}


def _table_where(place, page: int | None):
    """Where a table (or its row) is: the page of a PDF, the table's number and paragraph in a Word file."""
    from ..findings import DOCUMENT_TABLE, PAGE

    if page is not None:
        return PAGE.with_params(page=page)
    return DOCUMENT_TABLE.with_params(number=place.number, paragraph=place.paragraph)


def narrative_findings(snapshot: DocumentSnapshot) -> list[Finding]:
    """The narrative's own arithmetic (D001, D003, D004), its figures against the tables (D002, D006) and the
    executive summary against the body (D005)."""
    from ..checks.document import (EFFICIENCY_FORMULA, NARRATIVE_COUNT, NARRATIVE_EFFICIENCY, NARRATIVE_PERCENT,
                                   NARRATIVE_CATEGORY_COUNT, NARRATIVE_TABLE, ROLE_TEXTS, SUMMARY_BODY,
                                   TABLE_ALSO)
    from ..findings import PAGE, PARAGRAPH, Unit
    from .against import budget_mismatches, indicator_mismatches, table_rows
    from .narrative import (budget_sentences, contradictions, count_contradictions, counts, efficiency_contradictions,
                            indicator_sentences)

    rows = table_rows(snapshot)
    out = []

    def placed(finding: Finding, page, paragraph, quote: str) -> None:
        finding.place = Place(None, page, None, paragraph, quote)
        out.append(finding)

    texts = narrative_texts(snapshot)
    in_summary = summary_span(texts)
    summary: list = []  # (page, paragraph, budget sentence) of the executive summary, of the body
    body: list = []
    for index, (page, paragraph, text, carried) in enumerate(texts):
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
            finding = NARRATIVE_EFFICIENCY.at(
                None, table=None, reported=item.printed, expected=item.expected, unit=unit, decimals=item.decimals,
                allocated=Num(item.allocated), realised=Num(item.realised), formula=EFFICIENCY_FORMULA[item.what], also=also,
            )
            placed(finding, page, paragraph, item.quote)
        for item in count_contradictions(text):
            if not fresh(item):
                continue
            finding = NARRATIVE_COUNT.at(
                None, table=None, reported=sum(n for n, _ in item.parts), expected=item.whole, unit=Unit.VALUE, decimals=0,
                whole=Num(item.whole), parts=" + ".join(str(n) for n, _ in item.parts),
            )
            placed(finding, page, paragraph, item.quote)
        for item in counts(text):
            if not fresh(item):
                continue
            for number, category, expected, place in category_differences(item, snapshot):
                where = _table_where(place, place.page)
                finding = NARRATIVE_CATEGORY_COUNT.at(
                    None, table=None, reported=number, expected=expected, unit=Unit.VALUE, decimals=0,
                    category=category, caption=place.caption, where=where, whole=Num(item.whole),
                )
                placed(finding, page, paragraph, item.quote)
        budget = [sentence for sentence in budget_sentences(text) if fresh(sentence)]
        (summary if index in in_summary else body).extend((page, paragraph, sentence) for sentence in budget)
        mismatches = [(sentence, budget_mismatches(sentence, rows)) for sentence in budget]
        mismatches += [(sentence, indicator_mismatches(sentence, rows)) for sentence in indicator_sentences(text) if fresh(sentence)]
        for sentence, items in mismatches:
            for item in items:
                unit = Unit.RUPIAH if item.role in ("alokasi", "realisasi") and item.expected >= 1000 else Unit.VALUE
                finding = NARRATIVE_TABLE.at(
                    None, table=None, reported=item.reported, expected=item.expected, unit=unit, decimals=item.decimals,
                    role=ROLE_TEXTS[item.role], said=Num(item.reported, unit.value, item.decimals),
                    printed=Num(item.expected, unit.value, item.table_decimals), **_table_place(item.row),
                )
                placed(finding, page, paragraph, sentence.quote)
    for page, paragraph, sentence in summary:
        for role, reported, expected, (where_page, where_paragraph, other) in summary_differences(sentence, body):
            where = PAGE.with_params(page=where_page) if where_page is not None else PARAGRAPH.with_params(paragraph=where_paragraph)
            finding = SUMMARY_BODY.at(
                None, table=None, reported=reported, expected=expected, unit=Unit.RUPIAH, decimals=0,
                role=ROLE_TEXTS[role], where=where, other=other.quote,
            )
            placed(finding, page, paragraph, sentence.quote)
    return out


# The executive summary: from its heading ("IKHTISAR EKSEKUTIF", "RINGKASAN EKSEKUTIF") to the first chapter
# ("BAB I"), or the foreword or contents put between. A table of contents names it with dot leaders: not the
# summary.
_SUMMARY = re.compile(r"^\W{0,3}(?:[^\n]{0,200}?\b)?(ikhtisar|ringkasan)\s+eksekutif\b", re.IGNORECASE)
_CHAPTER_ONE = re.compile(r"\bBAB\s+(?:I|1)\b(?!\s*[IV.])|kata\s+pengantar|daftar\s+isi|d\s?a\s?f\s?t\s?a\s?r\s+i\s?s\s?i", re.IGNORECASE)
_CONTENTS = re.compile(r"daftar\s+isi|\.{5,}", re.IGNORECASE)


def summary_span(texts: list[tuple[int | None, int | None, str, int]]) -> set[int]:
    """The indexes of the texts that make the executive summary (empty when there is none)."""
    start = next((index for index, (_, _, text, carried) in enumerate(texts)
                  if _SUMMARY.match(text[carried:]) and not _CONTENTS.search(text[carried:])), None)
    if start is None:
        return set()
    out = {start}
    for index in range(start + 1, len(texts)):
        text = texts[index][2][texts[index][3]:]
        if _CHAPTER_ONE.search(text[:300]):  # the first chapter, or the foreword or contents between
            break
        out.add(index)
    return out


def summary_differences(sentence, body: list) -> list[tuple[str, int, int, tuple]]:
    """The summary sentence's figure that differs from a body sentence printing its other two figures alike;
    nothing when body sentences disagree with each other on it."""
    found: dict[str, set] = {}
    places: dict[str, tuple] = {}
    for place in body:
        other = place[2]
        same_percent = other.percent == sentence.percent
        if other.allocated == sentence.allocated and other.realised == sentence.realised:
            return []  # the body says it as the summary does
        if same_percent and other.allocated == sentence.allocated:
            found.setdefault("realisasi", set()).add(other.realised)
            places.setdefault("realisasi", place)
        elif same_percent and other.realised == sentence.realised:
            found.setdefault("alokasi", set()).add(other.allocated)
            places.setdefault("alokasi", place)
    out = []
    for role, values in found.items():
        if len(values) == 1:
            reported = sentence.realised if role == "realisasi" else sentence.allocated
            out.append((role, reported, values.pop(), places[role]))
    return out


# The executive summary: from its heading ("IKHTISAR EKSEKUTIF", "RINGKASAN EKSEKUTIF") to the first chapter
# ("BAB I"), or the foreword or contents put between. A table of contents names it with dot leaders: not the
# summary.
_SUMMARY = re.compile(r"^\W{0,3}(?:[^\n]{0,200}?\b)?(ikhtisar|ringkasan)\s+eksekutif\b", re.IGNORECASE)
_CHAPTER_ONE = re.compile(r"\bBAB\s+(?:I|1)\b(?!\s*[IV.])|kata\s+pengantar|daftar\s+isi|d\s?a\s?f\s?t\s?a\s?r\s+i\s?s\s?i", re.IGNORECASE)
_CONTENTS = re.compile(r"daftar\s+isi|\.{5,}", re.IGNORECASE)


def summary_span(texts: list[tuple[int | None, int | None, str, int]]) -> set[int]:
    """The indexes of the texts that make the executive summary (empty when there is none)."""
    start = next((index for index, (_, _, text, carried) in enumerate(texts)
                  if _SUMMARY.match(text[carried:]) and not _CONTENTS.search(text[carried:])), None)
    if start is None:
        return set()
    out = {start}
    for index in range(start + 1, len(texts)):
        text = texts[index][2][texts[index][3]:]
        if _CHAPTER_ONE.search(text[:300]):  # the first chapter, or the foreword or contents between
            break
        out.add(index)
    return out


def summary_differences(sentence, body: list) -> list[tuple[str, int, int, tuple]]:
    """The summary sentence's figure that differs from a body sentence printing its other two figures alike;
    nothing when body sentences disagree with each other on it."""
    found: dict[str, set] = {}
    places: dict[str, tuple] = {}
    for place in body:
        other = place[2]
        same_percent = other.percent == sentence.percent
        if other.allocated == sentence.allocated and other.realised == sentence.realised:
            return []  # the body says it as the summary does
        if same_percent and other.allocated == sentence.allocated:
            found.setdefault("realisasi", set()).add(other.realised)
            places.setdefault("realisasi", place)
        elif same_percent and other.realised == sentence.realised:
            found.setdefault("alokasi", set()).add(other.allocated)
            places.setdefault("alokasi", place)
    out = []
    for role, values in found.items():
        if len(values) == 1:
            reported = sentence.realised if role == "realisasi" else sentence.allocated
            out.append((role, reported, values.pop(), places[role]))
    return out


# A category as a table prints it for one indicator: in brackets after its capaian ("139,54 % (Sangat Baik)").
_PRINTED_CATEGORY = re.compile(r"\(\s*(sangat\s+baik|sangat\s+kurang|baik|cukup|sedang|kurang)\s*\)", re.IGNORECASE)


def category_differences(count, snapshot: DocumentSnapshot) -> list[tuple[int, str, int, Any]]:
    """(the sentence's number, category, the table's number, the table's place) for each part of a count that
    differs from the categories printed in the table it names; nothing unless that table prints exactly as many
    categories as the sentence's whole (every indicator read) and the sentence names every part's category."""
    if count.table is None or any(category is None for _, category in count.parts):
        return []
    for place in snapshot.places.values():
        caption = re.sub(r"\s", "", place.caption or "").replace(",", ".").lower()
        if not re.fullmatch(r"tabel:?" + re.escape(count.table), caption):
            continue
        printed: dict[str, int] = {}
        for quote in place.quotes.values():
            for match in _PRINTED_CATEGORY.finditer(quote):
                category = " ".join(match.group(1).lower().split())
                printed[category] = printed.get(category, 0) + 1
        if sum(printed.values()) != count.whole:
            return []
        return [(number, category, printed.get(category, 0), place) for number, category in count.parts
                if printed.get(category, 0) != number]
    return []
