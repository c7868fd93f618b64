"""The "Ringkasan Validasi" sheet in the live workbook, laid out from the same grid as the annotated copy."""

from __future__ import annotations

from ..report.annotate import unique_sheet_name
from ..report.summary import COLUMN_WIDTHS, TITLE, FindingRow, Summary, summary_grid
from ..snapshot import quoted_sheet
from ..template.layout import SUMMARY_SHEET, is_summary_sheet
from .live import LiveBook, boxes


def write_summary(live: LiveBook, summary: Summary) -> str:
    """Replace the previous run's summary sheet with this one, written in blocks; the new sheet's name."""
    for sheet in previous_summaries(live):
        live.delete_sheet(sheet)
    name = unique_sheet_name(live.sheet_names(), SUMMARY_SHEET)
    live.add_sheet(name)
    grid = summary_grid(summary)
    everything = (1, 1, grid.last_row, grid.columns)
    # The Text format goes on first: Excel then keeps a message such as "=..." or "93,33%" as the text it is,
    # never turning it into a formula or a number. Counts and links are the exceptions.
    live.set_number_format(name, everything, "@")
    counts = [
        (row, col)
        for row, cells in enumerate(grid.rows, 1)
        for col, value in enumerate(cells, 1)
        if isinstance(value, int)
    ]
    for box in boxes(counts + list(grid.links)):
        live.set_number_format(name, box, "General")
    live.write_values(name, 1, 1, grid.rows)
    for top, left, bottom, right in boxes(grid.links):
        formulas = [[hyperlink(grid.links[(row, left)])] for row in range(top, bottom + 1)]
        live.write_formulas(name, (top, left, bottom, right), formulas)
    for box in boxes(grid.bold):
        live.set_bold(name, box)
    for color in sorted(set(grid.colors.values())):
        for box in boxes(pos for pos, value in grid.colors.items() if value == color):
            live.set_font_color(name, box, "#" + color[2:].lower())
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        live.set_column_width(name, col, width)
    live.freeze_rows(name, grid.header_row)
    return name


def previous_summaries(live: LiveBook) -> list[str]:
    """Summary sheets an earlier run (or an annotated copy) wrote: our name, and our title in A1."""
    titles = {TITLE("id"), TITLE("en")}
    found = []
    for sheet in live.sheet_names():
        if is_summary_sheet(sheet) and live.values(sheet, (1, 1, 1, 1))[0][0] in titles:
            found.append(sheet)
    return found


def hyperlink(item: FindingRow) -> str:
    """A formula that jumps to the finding's cell; its text is the cell's name."""
    target = f"#{quoted_sheet(item.sheet)}!{item.address}"
    return f'=HYPERLINK("{_literal(target)}","{_literal(item.cell)}")'


def _literal(text: str) -> str:
    return text.replace('"', '""')
