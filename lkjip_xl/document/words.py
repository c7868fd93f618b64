"""Captions and cell texts as a document prints them."""

from __future__ import annotations

import re

# "Tabel 3.7", "TABEL 3.8", "Tabel 3,9", "Tabel 9", "Tabel III.2", "Tabel 2.3-1": a caption starts a line.
CAPTION = re.compile(r"^\s*tabel\s*:?\s*([0-9IVX]+(?:\s*[.,]\s*\d+)*(?:\s*-\s*\d+)?)\b", re.IGNORECASE)


def clean(text: str) -> str:
    """One line, single spaces: a cell's wrapped lines and a paragraph's soft breaks joined."""
    return " ".join(text.split())


def caption_of(lines: list[str]) -> tuple[str | None, list[str]]:
    """The caption among the lines just above a table (the last one that starts with "Tabel"), as printed
    (its number part: "Tabel 3.7"), and the lines to copy above the table: from the caption on. Without a
    caption nothing is copied: a sentence above a table is no title of it."""
    for index in range(len(lines) - 1, -1, -1):
        match = CAPTION.match(lines[index])
        if match:
            return match.group(0).strip(), lines[index:]
    return None, []


# A cell that holds a figure (an amount, a percentage), not a header word; a year alone is a header's.
FIGURE_CELL = re.compile(r"^(?!(?:19|20)\d\d$)[-(]?\s*(?:rp\.?\s*)?\d[\d.,\s]*%?\)?$", re.IGNORECASE)


def stacked_figures(raw: str) -> bool:
    """A cell whose lines are two or more figures, one under the other ("85" over "70", two programs' pagu in
    one cell): no one figure of its row. A figure broken over two lines ("1.234." / "567") is no such cell."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(lines) < 2 or not all(FIGURE_CELL.match(line) for line in lines):
        return False
    return all(line[-1].isdigit() or line[-1] in "%)" for line in lines[:-1]) and not any(
        line.endswith((".", ",")) for line in lines)
