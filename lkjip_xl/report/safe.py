"""Text copied from a workbook, made safe for the output it goes to.

A workbook is untrusted input: its strings must stay text wherever we write them. On a terminal, control
characters could move the cursor, rewrite earlier lines or change colours. Elsewhere text stays text by
construction: JSON strings are always text, and the summary sheets write inline strings or string cells
(report/annotate.py, batch/workbook.py), never formulas made from workbook text; a cell only has to fit.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")

# Excel holds at most this many characters in a cell: it reports a damaged file past it, and refuses the write.
CELL_TEXT_LIMIT = 32_767


def cell_text(text: str) -> str:
    """For a spreadsheet cell: cut to what Excel holds."""
    return text[:CELL_TEXT_LIMIT]


def terminal_text(text: str) -> str:
    """For a terminal: control characters (escape sequences included) become spaces."""
    return _CONTROLS.sub(" ", text)
