"""A Word file's tables: each body table as printed, its merged cells as merged ranges, its caption.

Read with python-docx (MIT). Cells spanning columns (gridSpan) or rows (vMerge) are one cell, counted once,
and become a merged range as Excel keeps them, so the free-form reader's merge handling applies. Tables in
text boxes (a cover page's) and nested tables are not LKjIP tables and are not read.
"""

from __future__ import annotations

from pathlib import Path

from .source import Cell, DocumentSnapshot, TablePlace, TITLE_LINES, add_table
from .words import caption_of, clean, stacked_figures

# A table larger than any report's (the 46 x 27 Renstra table is among the widest) is not read whole.
MAX_TABLE_CELLS = 200_000


def _bold(cell) -> bool:
    runs = [run for paragraph in cell.paragraphs for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _grid(table) -> tuple[list[list[Cell]], list[tuple[int, int, int, int]]]:
    spans: dict[object, list[int]] = {}  # a cell's element -> [min_row, min_col, max_row, max_col]
    cells_at: dict[object, Cell] = {}
    rows: list[list[Cell]] = []
    budget = MAX_TABLE_CELLS
    for r, row in enumerate(table.rows, start=1):
        out: list[Cell] = [Cell("")] * row.grid_cols_before
        for c, cell in enumerate(row.cells, start=row.grid_cols_before + 1):
            budget -= 1
            if budget < 0:
                break
            element = cell._tc
            if element not in cells_at:
                cells_at[element] = Cell(clean(cell.text), _bold(cell), stacked_figures(cell.text))
                spans[element] = [r, c, r, c]
                out.append(cells_at[element])
            else:
                span = spans[element]
                span[2], span[3] = max(span[2], r), max(span[3], c)
                out.append(Cell(""))
        rows.append(out)
    merged = [tuple(span) for span in spans.values() if span[:2] != span[2:]]
    return rows, merged  # type: ignore[return-value]


def read_docx(path: Path) -> DocumentSnapshot:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    snapshot = DocumentSnapshot(name=path.name, kind="docx")
    paragraphs: list[str] = []  # the non-empty paragraphs since the last table
    count = 0  # paragraphs read so far, empty ones too: the table's place in the file
    number = 0
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            count += 1
            text = clean(Paragraph(element, document).text)
            if text:
                paragraphs.append(text)
                snapshot.paragraphs.append((None, count, text))
        elif tag == "tbl":
            number += 1
            caption, above = caption_of(paragraphs[-(TITLE_LINES + 1):])
            rows, merged = _grid(Table(element, document))
            add_table(snapshot, TablePlace(number, caption, paragraph=count), above, rows, merged)
            paragraphs = []
    return snapshot
