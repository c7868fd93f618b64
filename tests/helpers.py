"""Building small real workbooks from the template for one check at a time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkjip_xl.settings import Settings
from lkjip_xl.template import layout as L
from lkjip_xl.template.build import build_template

KEEP = object()  # leave the template's formula in the cell


@dataclass
class Line:
    """A Tabel 3.8 line; money and percent cells take what a person types (numbers, or text as pasted).

    ``selisih`` and ``persen`` default to the template's formulas.
    """

    code: str | None = None
    uraian: str = ""
    anggaran: Any = None
    realisasi: Any = None
    selisih: Any = KEEP
    persen: Any = KEEP
    no: Any = None
    level: Any = KEEP


def sub(code: str, anggaran: Any, realisasi: Any, **more: Any) -> Line:
    return Line(code, more.pop("uraian", f"Sub kegiatan {code}"), anggaran, realisasi, **more)


def parent(code: str, anggaran: Any, realisasi: Any, **more: Any) -> Line:
    return Line(code, more.pop("uraian", f"Induk {code}"), anggaran, realisasi, **more)


def write_cells(sheet, table: L.TableLayout, row: int, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value is KEEP:
            continue
        sheet.cell(row, table.col(key)).value = value


def budget_workbook(
    path: Path,
    lines: list[Line],
    total: dict[str, Any] | None = None,
    settings: Settings | None = None,
    summary: list[Line] | None = None,
    summary_total: dict[str, Any] | None = None,
) -> Path:
    """A template workbook with these Tabel 3.8 lines (and optionally Tabel 3.7), saved to ``path``."""
    workbook = build_template(settings or Settings(office="Kecamatan Uji", year=2024))
    fill_budget(workbook, lines, total)
    if summary is not None:
        summary_table = L.TABLE_37
        summary_sheet = workbook[summary_table.sheet]
        for offset, line in enumerate(summary):
            write_cells(
                summary_sheet,
                summary_table,
                summary_table.first_row + offset,
                {"no": line.no, "uraian": line.uraian, "anggaran": line.anggaran, "realisasi": line.realisasi, "persen": line.persen},
            )
        if summary_total:
            write_cells(summary_sheet, summary_table, summary_table.last_body_row + 1, summary_total)
    workbook.save(path)
    return path


def fill_budget(workbook, lines: list[Line], total: dict[str, Any] | None = None) -> None:
    """Type these lines into the Tabel 3.8 sheet of a template workbook."""
    table = L.TABLE_38
    sheet = workbook[table.sheet]
    for offset, line in enumerate(lines):
        write_cells(
            sheet,
            table,
            table.first_row + offset,
            {
                "no": line.no,
                "kode": line.code,
                "level": line.level,
                "uraian": line.uraian,
                "anggaran": line.anggaran,
                "realisasi": line.realisasi,
                "selisih": line.selisih,
                "persen": line.persen,
            },
        )
    if total:
        write_cells(sheet, table, table.last_body_row + 1, total)


def performance_workbook(
    path: Path,
    indicators: list[dict[str, Any]] = (),
    trend: list[dict[str, Any]] = (),
    efficiency: list[dict[str, Any]] = (),
    settings: Settings | None = None,
    budget: list[Line] | None = None,
) -> Path:
    """A template workbook with these rows of Tabel 3.2, 3.3 and 3.5 (column key -> what a person types;
    derived columns keep their formulas unless given). Without ``budget`` the budget sheets are left out,
    which keeps the workbook quick to check."""
    workbook = build_template(settings or Settings(office="Kecamatan Uji", year=2024))
    for table, rows in ((L.TABLE_32, indicators), (L.TABLE_33, trend), (L.TABLE_35, efficiency)):
        for offset, values in enumerate(rows):
            write_cells(workbook[table.sheet], table, table.first_row + offset, values)
    if budget is None:
        for table in (L.TABLE_37, L.TABLE_38):
            del workbook[table.sheet]
    else:
        fill_budget(workbook, budget)
    workbook.save(path)
    return path
