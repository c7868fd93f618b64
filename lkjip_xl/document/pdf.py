"""A PDF's tables, read from their ruling lines (pdfplumber, MIT): cells as printed, spans as merged ranges.

Only ruled tables are read: pdfplumber's table finder with the lines strategy gives each cell's box, so
the columns are certain. A caption over rows of figures with no ruling lines under it is a table whose
columns would have to be guessed from text positions: it is named as not checked, not guessed.

A table cut by a page break goes on: a table at the top of a page without a caption of its own, with the
same columns as the table that ended the page before, is the rest of that table (one sheet, each row
remembering its page).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .source import Cell, DocumentSnapshot, TablePlace, Unread, TITLE_LINES, add_table
from .words import CAPTION, FIGURE_CELL, caption_of, clean, stacked_figures

# Bounds: the time a document may take to read (a crafted page can keep pdfminer busy), and how far above
# a table its caption may sit (points; a caption and two title lines).
READ_SECONDS = 120.0
CAPTION_REACH = 90.0
# A table that starts within this many points of the page's top may continue the previous page's table.
TOP_MARGIN = 150.0
_EPS = 1.0
_FIGURES = re.compile(r"\d[\d.,]*")


@dataclass
class _Pending:
    place: TablePlace
    above: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # the page of each row

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def extend(self, rows: list[list[Cell]], merged: list[tuple[int, int, int, int]], page: int) -> None:
        offset = len(self.rows)
        self.rows.extend(rows)
        self.merged.extend((a + offset, b, c + offset, d) for a, b, c, d in merged)
        self.pages.extend([page] * len(rows))


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].casefold()
    return "bold" in name or name.endswith((",b", "-b")) or "black" in name or "heavy" in name


# Rulings closer than this (points) are one: double borders and cell padding drawn as rectangles leave
# slivers of a few points between them, which are no columns or rows of the table.
_SNAP = 7.0


def _snapped(values: list[float], texts: list[tuple[float, float]] = ()) -> tuple[list[float], dict[float, int]]:
    """Boundaries, with those within _SNAP of the previous one taken as the same; each value -> its index.

    ``texts``: the extents of the cells holding text along this axis. A run of close boundaries that has
    swallowed one of them whole (header lines ruled a few points apart with padding between them: Diskanlaut's
    Tabel 3.7, "Anggaran Tahun 2016" over "(Rp)", each line 11,7 pt with 5,8 pt slivers) is one header row; it
    ends where the next text cell starts, so that the first line of the body is not read as part of the header."""
    bounds: list[float] = []
    index: dict[float, int] = {}
    previous = None
    starts = {start for start, _ in texts}
    for value in sorted(set(values)):
        swallowed = bounds and value in starts and any(bounds[-1] <= start and end <= value for start, end in texts)
        if previous is None or value - previous > _SNAP or swallowed:
            bounds.append(value)
        index[value] = len(bounds) - 1
        previous = value
    return bounds, index


def _grid(table, chars) -> tuple[list[list[Cell]], list[tuple[int, int, int, int]]]:
    """The table's cells on the grid of its rulings, each cell's span as a merged range."""
    texts = table.extract()
    boxes = []
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box:
                boxes.append((tuple(round(v, 1) for v in box), texts[r][c] or ""))
    filled = [box for box, text in boxes if text.strip()]
    _, col_index = _snapped([v for box, _ in boxes for v in (box[0], box[2])], [(box[0], box[2]) for box in filled])
    _, row_index = _snapped([v for box, _ in boxes for v in (box[1], box[3])], [(box[1], box[3]) for box in filled])
    spans: dict[tuple[int, int], list] = {}  # (row, col) of a cell's first grid cell -> [last row, last col, text]
    stacked: set[tuple[int, int]] = set()  # grid cells whose lines are figures one under the other
    for (x0, top, x1, bottom), raw in boxes:
        text = clean(raw)
        r, c = row_index[top], col_index[x0]
        if stacked_figures(raw):
            stacked.add((r, c))
        last_r, last_c = row_index[bottom] - 1, col_index[x1] - 1
        if last_r < r or last_c < c:
            if not text:
                continue  # a sliver
            last_r, last_c = max(r, last_r), max(c, last_c)
        if (r, c) in spans:  # two boxes on one grid cell once slivers are gone: one cell
            span = spans[(r, c)]
            span[0], span[1] = max(span[0], last_r), max(span[1], last_c)
            # A padded inner box drawn inside its cell holds the cell's own text again: once is what is printed.
            if text and text not in span[2]:
                span[2] = text if span[2] in text else " ".join(part for part in (span[2], text) if part)
        else:
            spans[(r, c)] = [last_r, last_c, text]
    used_rows = sorted({r for r, _ in spans})
    used_cols = sorted({c for _, c in spans})
    new_row = {r: i for i, r in enumerate(used_rows)}
    new_col = {c: i for i, c in enumerate(used_cols)}
    last_of = lambda old, mapping: max(i for o, i in mapping.items() if o <= old)  # noqa: E731
    rows = [[Cell("") for _ in used_cols] for _ in used_rows]
    merged: list[tuple[int, int, int, int]] = []
    anchor: dict[tuple[int, int], tuple[int, int]] = {}
    for (r, c), (last_r, last_c, text) in spans.items():
        top, left = new_row[r], new_col[c]
        bottom, right = last_of(last_r, new_row), last_of(last_c, new_col)
        rows[top][left] = Cell(text, stacked=(r, c) in stacked)
        if (bottom, right) != (top, left):
            merged.append((top + 1, left + 1, bottom + 1, right + 1))
        for rr in range(top, bottom + 1):
            for cc in range(left, right + 1):
                anchor.setdefault((rr, cc), (top, left))
    # Bold: every character of the cell set in a bold face.
    xs = sorted((x, new_col[i]) for x, i in col_index.items() if i in new_col)
    ys = sorted((y, new_row[i]) for y, i in row_index.items() if i in new_row)
    weights: dict[tuple[int, int], list[bool]] = {}
    x_min, top_min, x_max, bottom_max = table.bbox
    for char in chars:
        if not char["text"].strip():
            continue
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not (x_min <= x <= x_max and top_min <= y <= bottom_max):
            continue
        col = next((i for value, i in reversed(xs) if value <= x), None)
        row = next((i for value, i in reversed(ys) if value <= y), None)
        key = anchor.get((row, col)) if row is not None and col is not None else None
        if key is not None:
            weights.setdefault(key, []).append(_is_bold(char.get("fontname", "")))
    for (r, c), flags in weights.items():
        if all(flags) and rows[r][c].text:
            rows[r][c].bold = True
    return _join_bands(rows, merged)


def _join_bands(rows: list[list[Cell]], merged: list[tuple[int, int, int, int]]) -> tuple[list[list[Cell]], list]:
    """One row for a header cell's lines that the PDF ruled apart: where most cells of a row span the same
    rows down (a header band) and the others are one line per row, those lines are one cell's text."""
    row = 1
    while row <= len(rows):
        spans = [m for m in merged if m[0] == row and m[2] > row]
        ends = {m[2] for m in spans}
        if len(spans) < 2 or len(ends) != 1:
            row += 1
            continue
        end = ends.pop()
        spanned = {col for m in spans for col in range(m[1], m[3] + 1)}
        others = [col for col in range(1, len(rows[row - 1]) + 1) if col not in spanned]
        inside = [m for m in merged if row <= m[0] <= end and m not in spans]
        if not others or any(m[2] > end or m[0] > row or m[1] != m[3] for m in inside):
            row += 1
            continue
        if any(FIGURE_CELL.match(rows[r - 1][col - 1].text) for r in range(row, end + 1) for col in others
               if col <= len(rows[r - 1])):
            # Figures under a sasaran cell spanning two indicator rows ("85" over "70"): body rows, each its own.
            row += 1
            continue
        for col in others:
            texts = [rows[r - 1][col - 1].text for r in range(row, end + 1) if col <= len(rows[r - 1])]
            rows[row - 1][col - 1] = Cell(" ".join(text for text in texts if text), rows[row - 1][col - 1].bold)
        gone = end - row
        del rows[row : end]
        merged = [
            (a, b, row, d) if (a, c) == (row, end) else (a - gone, b, c - gone, d) if a > end else (a, b, c, d)
            for a, b, c, d in merged
            if not (row <= a <= end and (a, c) != (row, end) and a != row) and not (a == row and c != end and c > row)
        ]
        merged = [m for m in merged if (m[0], m[1]) != (m[2], m[3])]
        row += 1
    return rows, merged


def _lines_above(page, top: float) -> list[str]:
    region = page.crop((0, max(0.0, top - CAPTION_REACH), page.width, max(0.1, top - 0.5)))
    text = region.extract_text() or ""
    return [clean(line) for line in text.splitlines() if clean(line)]


def _unruled_captions(page, tables) -> list[str]:
    """Captions on the page over rows of figures, with no ruled table below them on the page."""
    out = []
    tops = [table.bbox[1] for table in tables]
    lines = page.extract_text_lines(return_chars=False) if hasattr(page, "extract_text_lines") else []
    for index, line in enumerate(lines):
        match = CAPTION.match(line["text"])
        if not match or any(top > line["top"] for top in tops):
            continue
        below = lines[index + 1 : index + 12]
        if sum(1 for item in below if len(_FIGURES.findall(item["text"])) >= 3) >= 3:
            out.append(match.group(0).strip())
    return out


def read_pdf(path: Path) -> DocumentSnapshot:
    from .preflight import open_pdf, refuse_scanned

    snapshot = DocumentSnapshot(name=path.name, kind="pdf")
    pending: list[_Pending] = []
    number = 0
    started = time.monotonic()
    has_text = False
    with open_pdf(path) as pdf:
        for page_number, page in enumerate(pdf.pages, start=1):
            if has_text and time.monotonic() - started > READ_SECONDS:
                snapshot.unread.append(Unread(TablePlace(0, None, page=page_number), "pages"))
                break
            try:
                chars = page.chars
                tables = sorted(page.find_tables(), key=lambda table: table.bbox[1]) if chars else []
            except Exception:  # noqa: BLE001 - one damaged page is named, the others are read
                snapshot.unread.append(Unread(TablePlace(0, None, page=page_number), "damaged"))
                continue
            has_text = has_text or bool(chars)
            if chars:
                snapshot.paragraphs.append((page_number, None, clean(page.extract_text() or "")))
            for index, table in enumerate(tables):
                rows, merged = _grid(table, chars)
                if not rows or max(len(row) for row in rows) < 2:
                    continue  # a box around a paragraph or a picture, not a table
                above = _lines_above(page, table.bbox[1])
                caption, titles = caption_of(above[-(TITLE_LINES + 1):])
                previous = pending[-1] if pending else None
                continues = (
                    caption is None
                    and index == 0
                    and table.bbox[1] < TOP_MARGIN
                    and previous is not None
                    and previous.pages[-1] == page_number - 1
                    and previous.width == max(len(row) for row in rows)
                )
                if continues:
                    previous.extend(rows, merged, page_number)
                    continue
                number += 1
                item = _Pending(TablePlace(number, caption, page=page_number), titles)
                item.extend(rows, merged, page_number)
                pending.append(item)
            for caption in _unruled_captions(page, tables):
                number += 1
                snapshot.unread.append(Unread(TablePlace(number, caption, page=page_number), "columns"))
            page.flush_cache()
    refuse_scanned(has_text)
    for item in pending:
        sheet = add_table(snapshot, item.place, item.above, item.rows, item.merged)
        first = sheet.max_row - len(item.rows)
        item.place.row_pages = {first + index: page for index, page in enumerate(item.pages, start=1)}
    return snapshot
