"""The summary as a workbook of its own: for a report document (PDF, Word), which has no sheet to add it to."""

from __future__ import annotations

from pathlib import Path

from .summary import COLUMN_WIDTHS, Summary, summary_grid

SHEET_TITLE = "Ringkasan Validasi"


def write_summary_workbook(summary: Summary, target: Path) -> str:
    """A new .xlsx at ``target`` holding the summary sheet, laid out as every other writer lays it out."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    grid = summary_grid(summary)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    for r, cells in enumerate(grid.rows, start=1):
        for c, value in enumerate(cells, start=1):
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, never a formula (a quote may start with "=")
            bold, color = (r, c) in grid.bold, grid.colors.get((r, c))
            if bold or color:
                cell.font = Font(bold=bold, color=color)
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    workbook.save(target)
    return SHEET_TITLE
