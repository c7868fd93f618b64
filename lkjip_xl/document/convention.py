"""A document's number convention (Indonesian 1.234,56 or American 1,234.56), settled from its unambiguous figures.

A figure such as "202,955" or "1.309" reads two ways. Offices print a whole report in one convention, and most of
its figures show which ("4,775,000,000" and "92.94" can only be American, "1.855.000.000" and "63,36" only
Indonesian). A table's convention is settled by its own unambiguous figures when they all agree (a table with both
is not settled); a table with none takes the document's, when all the document's agree. Under a settled convention an ambiguous figure
is read as that convention reads it (the cell then holds the number); where nothing settles it, it stays ambiguous
(N003, at most a warning on a document: any reading of it would be a guess).
"""

from __future__ import annotations

import re

from ..numbers import Kind, Quantity, parse
from .source import DocumentSnapshot

INDONESIAN, AMERICAN = "id", "us"

# One separator followed by exactly three digits: the only printed form both conventions read (differently).
_AMBIGUOUS = re.compile(r"^\s*([-−]?)\s*(\d{1,3})([.,])(\d{3})\s*%?\s*$")


def _convention_of(text: str) -> str | None:
    """The convention a printed figure can only be written in, if it shows one."""
    parsed = parse(text, Quantity.VALUE)
    if parsed.kind is Kind.FOREIGN:
        return AMERICAN
    if parsed.kind is Kind.TEXT and re.search(r"\d[.,]\d", text):
        return INDONESIAN
    return None


def _settled(counts: set[str]) -> str | None:
    return next(iter(counts)) if len(counts) == 1 else None


def read_ambiguous(text: str, convention: str) -> float | None:
    """An ambiguous figure's value under a convention; None for any other text."""
    match = _AMBIGUOUS.match(text)
    if match is None:
        return None
    sign, whole, mark, fraction = match.groups()
    thousands = (mark == ",") == (convention == AMERICAN)
    value = float(whole + fraction) if thousands else float(f"{whole}.{fraction}")
    return -value if sign else value


def settle_conventions(snapshot: DocumentSnapshot) -> None:
    """Each ambiguous figure of a table whose convention is settled becomes the number it is there."""
    seen: dict[str, set[str]] = {}
    for name, sheet in snapshot.sheets.items():
        seen[name] = {
            convention
            for _, cells in sheet.rows()
            for value in cells
            if isinstance(value, str) and (convention := _convention_of(value)) is not None
        }
    document = _settled(set().union(*seen.values())) if seen else None
    for name, sheet in snapshot.sheets.items():
        convention = _settled(seen[name]) if seen[name] else document
        if convention is None:
            continue
        for row, cells in sheet.rows():
            for col, value in enumerate(cells, start=1):
                if isinstance(value, str) and (number := read_ambiguous(value, convention)) is not None:
                    sheet.set_value(row, col, number)
