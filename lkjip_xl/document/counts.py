"""Count tables of a report: staff per grade or per education, "5 orang" down one column and a Jumlah row.

They are no LKjIP table, but their Jumlah is the same arithmetic (issue 17, the Cimahi Renstra's pendidikan
table: 38 orang listed, "JUMLAH 40 orang"). Read only when certain (see COUNT_TOTAL); otherwise nothing is said.
"""

from __future__ import annotations

import re

from ..findings import Finding, Unit
from ..freeform.words import tokens
from ..snapshot import SheetSnapshot
from .source import DocumentSnapshot

# "5 orang", "1.000 orang", "4 Orang": a whole count with its unit word.
_COUNT = re.compile(r"^(\d{1,3}(?:\.\d{3})*|\d+)\s+([a-z]{2,})$", re.IGNORECASE)
_TOTAL_WORDS = ("jumlah", "total", "subtotal")


def _count(text: str) -> tuple[int, str] | None:
    match = _COUNT.match(text.strip())
    return (int(match.group(1).replace(".", "")), match.group(2).casefold()) if match else None


def _label(cells: dict[int, str], col: int) -> str:
    return " ".join(text for c, text in sorted(cells.items()) if c != col and text.strip() not in (":", "-"))


def _count_table(sheet: SheetSnapshot):
    """(body rows, total row, column, unit, total label, counts down to the total) of a count table read with
    certainty, else None."""
    rows: list[tuple[int, dict[int, str]]] = []
    for row, values in sheet.rows():
        cells = {col: str(value).strip() for col, value in enumerate(values, start=1) if value not in (None, "")}
        if cells:
            rows.append((row, cells))
    counted = [(row, cells, {col: _count(text) for col, text in cells.items() if _count(text)}) for row, cells in rows]
    columns = {col for _, _, found in counted for col in found}
    units = {unit for _, _, found in counted for _, unit in found.values()}
    if len(columns) != 1 or len(units) != 1:
        return None
    col = columns.pop()
    first = next(index for index, (_, _, found) in enumerate(counted) if found)
    body = counted[first:]
    if len(body) < 3 or any(not found for _, _, found in body):
        return None  # a row without a count among them (a group heading, a note): not certain
    labels = [_label(cells, col) for _, cells, _ in body]
    if (tokens(labels[-1])[:1] or ("",))[0] not in _TOTAL_WORDS:
        return None
    if any((tokens(label)[:1] or ("",))[0] in _TOTAL_WORDS or tokens(label)[:2] == ("sub", "total") for label in labels[:-1]):
        return None  # a sum row inside: the rows are groups, not one list
    values = [found[col][0] for _, _, found in body]
    return [row for row, _, _ in body[:-1]], body[-1][0], col, units.pop(), labels[-1], values


def count_findings(snapshot: DocumentSnapshot) -> list[Finding]:
    from ..checks.document import COUNT_TOTAL, NESTED_ROWS
    from ..findings import Severity

    out = []
    for sheet in snapshot.sheets.values():
        reading = _count_table(sheet)
        if reading is None:
            continue
        rows, total_row, col, unit, label, values = reading
        *parts, total = values
        if sum(parts) == total:
            continue
        over = sum(parts) > total  # rows that are details of others would add up to more, never to less
        out.append(
            COUNT_TOTAL.at(
                sheet.ref(total_row, col), table=None, reported=float(total), expected=float(sum(parts)),
                unit=Unit.VALUE, label=label, rows=len(rows), unit_word=unit, note=NESTED_ROWS if over else "",
                severity=Severity.WARNING if over else None,
            )
        )
    return out
