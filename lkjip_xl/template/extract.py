"""Reading a workbook made from our template into the table model."""

from __future__ import annotations

import re
from typing import Any

from ..codes import Level, level_from_label, parse_code
from ..model import (
    BudgetRow,
    BudgetTable,
    Document,
    EfficiencyRow,
    Field,
    IndicatorRow,
    IndicatorTable,
    TextField,
    TrendRow,
    YearFigures,
)
from ..numbers import Kind, Parsed, Quantity, Unverifiable, parse
from ..settings import SETTINGS_BY_KEY, Settings, SettingsError
from ..snapshot import SheetSnapshot, WorkbookSnapshot, a1
from ..structure import link_budget_rows
from . import layout as L
from .layout import TableLayout


def is_template(snapshot: WorkbookSnapshot) -> bool:
    sheet = snapshot.sheet(L.SETTINGS_SHEET)
    if sheet is None:
        return False
    return any(sheet.text(row, L.SETTINGS_KEY_COL) == L.TEMPLATE_MARKER_KEY for row in range(1, sheet.max_row + 1))


def read_settings(snapshot: WorkbookSnapshot, base: Settings | None = None) -> tuple[Settings, list[SettingsError]]:
    """The values of the settings sheet, keyed by column A, and the values that could not be used.

    Keys we do not know (from a newer template) are left alone; a bad value keeps its default.
    """
    settings = base or Settings()
    errors: list[SettingsError] = []
    sheet = snapshot.sheet(L.SETTINGS_SHEET)
    if sheet is None:
        return settings, errors
    for row in range(1, sheet.max_row + 1):
        key = sheet.text(row, L.SETTINGS_KEY_COL)
        if key in SETTINGS_BY_KEY:
            try:
                settings = settings.with_values({key: sheet.value(row, L.SETTINGS_VALUE_COL)}, f"'{sheet.name}'!C{row}")
            except SettingsError as error:
                errors.append(error)
    return settings, errors


BUDGET_TABLES = ("3.7", "3.8")


class _Reader:
    """Cells of one table sheet, by column key."""

    def __init__(self, sheet: SheetSnapshot, table: TableLayout) -> None:
        self.sheet = sheet
        self.table = table
        # Per key, where its figures are and what they measure: asked for every figure of the table.
        self.figures = {column.key: (table.col(column.key), column.quantity or Quantity.VALUE) for column in table.columns}
        self.budget = table.table in BUDGET_TABLES
        # The columns staff type into or see, each with whether the template's own formula fills it: a helper
        # column of those formulas (hidden) shows something on every row, typed into or not.
        self.shown = [
            (table.col(column.key), column.key == "level" or not column.input) for column in table.columns if not column.hidden
        ]

    def field(self, row: int, key: str) -> Field:
        col, quantity = self.figures[key]
        # A budget line's figure merged into another line's shows that line's figure, not its own (in Tabel
        # 3.5 one anggaran merged over a sasaran's indicators is the layout, not a mistake).
        ref, anchor, value, number_format, formula = self.sheet.figure(row, col, self.budget)
        if anchor is not None:
            return Field(ref, Parsed(Kind.MERGED, text=a1(*anchor)))
        return Field(ref, parse(value, quantity, number_format), formula)

    def text(self, row: int, key: str) -> TextField:
        ref, value, bold = self.sheet.label(row, self.figures[key][0])
        if value is None:
            return TextField(ref, "", bold)
        return TextField(ref, value.strip() if value.__class__ is str else _as_text(value), bold)

    def row_has_input(self, row: int) -> bool:
        """Whether staff put anything on this row: a formula of ours that shows nothing does not count."""
        for col, formula_of_ours in self.shown:
            if formula_of_ours and self.sheet.has_formula(row, col):
                continue  # the template's own formula: it shows something only when an input does
            value = self.sheet.value(row, col)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                return True
        return False

    def body_rows(self) -> range:
        """Rows from the first body row to the last row with content (the sheet may have grown)."""
        return range(self.table.first_row, self.sheet.max_row + 1)


def _as_text(value: Any) -> str:
    if isinstance(value, Unverifiable):
        return ""  # a formula in a text column whose result is unknown (circular ones too)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_total_label(text: str) -> bool:
    folded = text.casefold()
    if "jumlah" not in folded and "total" not in folded:  # most labels, without the regex (asked for every row)
        return False
    return re.sub(r"[\s:]+", " ", text).strip().casefold() in ("jumlah", "total", "jumlah total")


# -- Tabel 3.8 / 3.7 ---------------------------------------------------------------------------------


def _budget_row(reader: _Reader, row: int, has_code: bool, label: TextField) -> BudgetRow:
    keys = reader.figures
    code_text = reader.text(row, "kode") if has_code else TextField(None)
    level_text = reader.text(row, "level") if "level" in keys else TextField(None)
    code = parse_code(code_text.text) if code_text.text else None
    if code is not None:
        level, source = code.level, "code"
    else:
        level, source = level_from_label(level_text.text) if level_text.text else None, "column"
    return BudgetRow(
        row=row,
        label=label,
        level=level,
        level_source=source,
        number=reader.field(row, "no"),
        code_text=code_text,
        code=code,
        level_text=level_text,
        anggaran=reader.field(row, "anggaran"),
        realisasi=reader.field(row, "realisasi"),
        selisih=reader.field(row, "selisih") if "selisih" in keys else Field(None),
        persen=reader.field(row, "persen"),
    )


def _budget_table(sheet: SheetSnapshot, table: TableLayout) -> BudgetTable:
    reader = _Reader(sheet, table)
    has_code = "kode" in table.keys()
    rows: list[BudgetRow] = []
    total: BudgetRow | None = None
    for row in reader.body_rows():
        label = reader.text(row, "uraian")
        if _is_total_label(label.text):
            total = _budget_row(reader, row, has_code, label)
            total.level, total.level_source = Level.TOTAL, "label"
            break
        if not reader.row_has_input(row):
            continue
        budget_row = _budget_row(reader, row, has_code, label)
        if table.table == "3.7" and budget_row.level is None:
            budget_row.level, budget_row.level_source = Level.SUB_KEGIATAN, "table"
        rows.append(budget_row)
    result = BudgetTable(table.table, sheet.name, rows, total, has_selisih="selisih" in table.keys())
    result.headers = {(None, column.key): column.header for column in table.columns}
    link_budget_rows(result)
    return result


# -- Tabel 3.2, 3.3, 3.5 -----------------------------------------------------------------------------


def _indicator_table(sheet: SheetSnapshot, table: TableLayout) -> IndicatorTable:
    reader = _Reader(sheet, table)
    rows = []
    for row in reader.body_rows():
        if not reader.row_has_input(row):
            continue
        rows.append(
            IndicatorRow(
                row=row,
                number=reader.field(row, "no"),
                indicator_id=reader.text(row, "id"),
                name=reader.text(row, "indikator"),
                unit=reader.text(row, "satuan"),
                polarity=reader.text(row, "polaritas"),
                target=reader.field(row, "target"),
                realisasi=reader.field(row, "realisasi"),
                capaian=reader.field(row, "capaian"),
                category=reader.text(row, "kategori"),
                note=reader.text(row, "keterangan"),
            )
        )
    return IndicatorTable(table.table, sheet.name, rows)


def _header_year(sheet: SheetSnapshot, table: TableLayout, offset: int) -> int | None:
    value = sheet.value(table.header_row, table.col(f"target{offset}"))
    try:
        year = int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None
    return year if 1990 <= year <= 2100 else None


def _trend_table(sheet: SheetSnapshot, table: TableLayout) -> IndicatorTable:
    reader = _Reader(sheet, table)
    years = {offset: _header_year(sheet, table, offset) for offset in (2, 1, 0)}
    rows = []
    for row in reader.body_rows():
        if not reader.row_has_input(row):
            continue
        rows.append(
            TrendRow(
                row=row,
                number=reader.field(row, "no"),
                indicator_id=reader.text(row, "id"),
                goal=reader.text(row, "sasaran"),
                name=reader.text(row, "indikator"),
                years=[
                    YearFigures(
                        years[offset],
                        reader.field(row, f"target{offset}"),
                        reader.field(row, f"realisasi{offset}"),
                        reader.field(row, f"capaian{offset}"),
                    )
                    for offset in (2, 1, 0)
                ],
            )
        )
    return IndicatorTable(table.table, sheet.name, rows)


def _efficiency_table(sheet: SheetSnapshot, table: TableLayout) -> IndicatorTable:
    reader = _Reader(sheet, table)
    rows = []
    for row in reader.body_rows():
        if not reader.row_has_input(row):
            continue
        rows.append(
            EfficiencyRow(
                row=row,
                number=reader.field(row, "no"),
                goal=reader.text(row, "sasaran"),
                indicator_id=reader.text(row, "id"),
                name=reader.text(row, "indikator"),
                target=reader.field(row, "target"),
                realisasi=reader.field(row, "realisasi"),
                capaian=reader.field(row, "capaian"),
                anggaran=reader.field(row, "anggaran"),
                realisasi_rp=reader.field(row, "realisasi_rp"),
                serapan=reader.field(row, "serapan"),
                efisiensi=reader.field(row, "efisiensi"),
                efisiensi_label=reader.text(row, "kategori_efisiensi"),
            )
        )
    return IndicatorTable(table.table, sheet.name, rows)


def read_table(sheet: SheetSnapshot, table: TableLayout) -> BudgetTable | IndicatorTable:
    """One table in the template's layout. ``sheet`` may also be a free-form table seen through that layout
    (freeform/view.py): anything with the SheetSnapshot reading methods."""
    if table.table in BUDGET_TABLES:
        return _budget_table(sheet, table)
    if table.table == "3.3":
        return _trend_table(sheet, table)
    if table.table == "3.5":
        return _efficiency_table(sheet, table)
    return _indicator_table(sheet, table)


def attach(document: Document, table: BudgetTable | IndicatorTable) -> None:
    """Put a table read by ``read_table`` in its place in the document; an empty Tabel 3.8 counts as missing."""
    if isinstance(table, BudgetTable):
        if table.rows:
            document.budget[table.table] = table
        elif table.table == "3.8":
            document.missing.append(table.table)
    elif table.table == "3.2":
        document.indicators = table
    elif table.table == "3.3":
        document.trend = table
    elif table.table == "3.5":
        document.efficiency = table


def extract_template(snapshot: WorkbookSnapshot, settings: Settings) -> Document:
    """The tables of a template workbook. ``settings`` already holds the settings sheet's values."""
    document = Document(snapshot.name, settings, layout="template")
    for table in L.TABLES:
        sheet = snapshot.sheet(table.sheet)
        if sheet is None:
            document.missing.append(table.table)
            continue
        document.sheets_read.append(sheet.name)
        attach(document, read_table(sheet, table))
    return document
