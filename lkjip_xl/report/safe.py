"""Text copied from a workbook, made safe for each output it goes to.

A workbook is untrusted input: its strings must stay text wherever we write them. In a spreadsheet cell or
a CSV field, a leading ``=``, ``+``, ``-`` or ``@`` would make a live formula (CSV injection); on a terminal,
control characters could move the cursor, rewrite earlier lines or change colours. HTML is escaped with
``html.escape``; JSON strings are always text; the summary sheet writes inline strings (report/annotate.py).
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def spreadsheet_text(text: str) -> str:
    """For a CSV field or any cell another program fills from us: a leading apostrophe keeps it text."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def terminal_text(text: str) -> str:
    """For a terminal: control characters (escape sequences included) become spaces."""
    return _CONTROLS.sub(" ", text)
