"""``lkjip-xl import``: the tables of a free-form workbook copied into the template.

Offices reach the template this way: every table lkjip-xl recognised is typed into its sheet of a new
template (template/fill.py, driven by template/layout.py), Tabel 3.8 with the levels it had to guess in
the Level column, and the office name and year from the tables' titles. What could not be placed (a
column the template has no place for, rows beyond the template's, a second copy of a table, notes) is
listed, and so are the template columns left for the office to fill. The submitted workbook is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import Lang, Phrase, Text
from ..indicators import id_key, marked_negative
from ..model import BudgetRow, Document
from ..numbers import parse
from ..outfile import replacing
from ..report.safe import terminal_text
from ..settings import Settings
from ..snapshot import WorkbookSnapshot, a1, quoted_sheet
from ..structure import sums_hold
from ..template import layout as L
from ..template.build import build_template
from ..template.fill import Context, write_row
from .detect import Detection, Found, table_by_kind
from .extract import FreeformRead, extract_freeform
from .view import TableView
from .words import cell_text

PLACED = Text("Tabel {table}: {rows} baris dari {source} ke sheet \"{sheet}\".", "Table {table}: {rows} rows from {source} to sheet \"{sheet}\".")
LEVELS = Text(
    "Tabel 3.8: level {count} baris ditebak dan ditulis di kolom Level; periksa.{unconfirmed}",
    "Table 3.8: the level of {count} rows was guessed and written in the Level column; check it.{unconfirmed}",
)
UNCONFIRMED = Text(
    " Baris induk yang tidak sama dengan jumlah rinciannya: {rows}.",
    " Parent rows that do not equal the sum of their lines: {rows}.",
)
TO_FILL = Text("Tabel {table}: kolom {columns} tidak ada di tabel asal; isi di templat.", "Table {table}: column(s) {columns} are not in the source table; fill them in the template.")
COLUMN = Text("Tabel {table}: kolom \"{header}\" ({cell}) tidak punya tempat di templat.", "Table {table}: column \"{header}\" ({cell}) has no place in the template.")
OVERFLOW = Text(
    "Tabel {table}: {count} baris mulai {cell} melebihi {capacity} baris templat.",
    "Table {table}: {count} rows from {cell} on exceed the template's {capacity} rows.",
)
MISSING = Text("Tabel {table} tidak ditemukan.", "Table {table} was not found.")
DUPLICATE = Text(
    "Tabel di {cell}: tidak dipakai, Tabel {table} sudah diambil dari {other}.",
    "Table at {cell}: not used, Table {table} was already taken from {other}.",
)
UNFIT = Text(
    "Tabel di {cell} (judul \"Tabel {caption}\"): judul kolomnya tidak cocok dengan tabel itu.",
    "Table at {cell} (caption \"Tabel {caption}\"): its column headers do not fit that table.",
)
OTHER = Text(
    "Tabel {caption} di {cell}: tidak diperiksa lkjip-xl, tidak dipindahkan.",
    "Table {caption} at {cell}: not checked by lkjip-xl, not copied.",
)
LEFT_OUT = Text(
    "Tabel {table}: {count} baris {role} tidak dipindahkan ({rows}).",
    "Table {table}: {count} {role} rows were not copied ({rows}).",
)
GROUP_COLUMNS = Text(
    "Tabel {table}: kolom kelompok {columns} tidak punya tempat di templat; yang dipindahkan kelompok \"{group}\".",
    "Table {table}: the group columns {columns} have no place in the template; the group \"{group}\" was copied.",
)
NOTES = Text("{count} baris catatan di dalam atau di bawah tabel tidak dipindahkan ({cells}).", "{count} note rows in or under the tables were not copied ({cells}).")
NOT_LKJIP = Text(
    "{name} di {cell}: bukan tabel LKjIP, tidak dipindahkan (validate memeriksanya di tempat).",
    "{name} at {cell}: no LKjIP table, not copied (validate checks it where it is).",
)
SUMMARIES = Text(
    "Baris Jumlah / Rata-rata Tabel {table} tidak dipindahkan ({cells}): templat tidak punya baris ringkasan.",
    "The Jumlah / Rata-rata rows of Table {table} were not copied ({cells}): the template has no summary row.",
)
NOT_PLACED = Text("Tidak dipindahkan:", "Not placed:")
SETTINGS_FROM_TITLES = Text("Pengaturan dari judul tabel: {what}.", "Settings from the table titles: {what}.")
NO_SETTINGS = Text(
    "Nama perangkat daerah dan tahun tidak terbaca dari judul tabel: isi di sheet Pengaturan.",
    "The office name and year could not be read from the table titles: fill them on the Pengaturan sheet.",
)


@dataclass
class Imported:
    placed: list[Phrase] = field(default_factory=list)
    not_placed: list[Phrase] = field(default_factory=list)


def _cell(found: Found, row: int, col: int) -> str:
    return str(found.sheet.ref(row, col))


def _printed(view: TableView, row: int, column: L.Column) -> Any:
    """A cell of the found table as the report prints it: a Parsed figure, or text / a row number."""
    col = view.layout.col(column.key)
    value = view.value(row, col)
    if column.quantity is not None:
        return parse(value, column.quantity, view.number_format(row, col))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) or value is None:
        return value
    return cell_text(value)[0] or None


def _level_cells(row: BudgetRow | None) -> dict[str, Any]:
    if row is None or row.level is None:
        return {}
    if row.level_source == "code" and row.code_text.text:
        return {"kode": row.code_text.text}
    return {"level": row.level.label_id}


def _copy_table(sheet, view: TableView, read: FreeformRead, result: Imported, context: Context) -> None:
    layout, found = view.layout, view.found
    mapped = [column for column in layout.columns if column.key in found.header.keys]
    budget = read.document.budget.get(layout.table)
    rows_by_number = {row.row: row for row in budget.rows} if budget else {}
    capacity = layout.body_rows
    for index in range(min(len(found.rows), capacity)):
        row = layout.first_row + index
        printed = {column.key: _printed(view, row, column) for column in mapped}
        if layout.table == "3.8":
            printed.update(_level_cells(rows_by_number.get(row)))
        write_row(sheet, layout, row, printed, context=context)
    if found.total_row is not None and layout.total_row:
        row = view.template_row(found.total_row)
        amounts = {column.key: _printed(view, row, column) for column in mapped if column.quantity is not None}
        write_row(sheet, layout, layout.last_body_row + 1, amounts, total=True)
    last = found.last_row
    source = f"{quoted_sheet(found.sheet.name)}!{a1(found.header.rows[0], found.header.first_col)}:{a1(last, found.header.last_col)}"
    result.placed.append(PLACED.with_params(table=layout.table, rows=min(len(found.rows), capacity), source=source, sheet=layout.sheet))
    if len(found.rows) > capacity:
        extra = found.rows[capacity:]
        result.not_placed.append(
            OVERFLOW.with_params(table=layout.table, count=len(extra), cell=_cell(found, extra[0], found.header.first_col), capacity=capacity)
        )
    for column in found.header.unplaced:
        result.not_placed.append(
            COLUMN.with_params(table=layout.table, header=column.text, cell=_cell(found, found.header.rows[-1], column.col))
        )
    empty = [column.header for column in layout.columns if column.input and column.key not in found.header.keys]
    if layout.table == "3.8":
        empty = [header for header in empty if header not in ("Kode", "Level")]
    if empty:
        result.placed.append(TO_FILL.with_params(table=layout.table, columns=", ".join(f'"{header}"' for header in empty)))
    if budget is not None and budget.structure == "guessed":
        guessed = [row for row in budget.rows if row.level is not None and row.level_source != "code"]
        parents = [row for row in budget.rows if row.children] + ([budget.total] if budget.total else [])
        unconfirmed = [row for row in parents if sums_hold(row) is False]
        template_rows = ", ".join(
            str(layout.last_body_row + 1 if row is budget.total else row.row) for row in unconfirmed
        )
        result.placed.append(
            LEVELS.with_params(
                count=len(guessed), unconfirmed=UNCONFIRMED.with_params(rows=template_rows) if unconfirmed else ""
            )
        )


def _not_read(read: FreeformRead, result: Imported) -> None:
    """What the reading left out of a table (freeform/reading.py): the same rows and columns validate does not
    check are not copied, and are named."""
    from ..checks.structure import ROLE_NAMES

    for table, reading in read.document.readings.items():
        for role, rows in reading.left_out.items():
            shown = ", ".join(str(row) for row in rows[:6]) + (", …" if len(rows) > 6 else "")
            result.not_placed.append(
                LEFT_OUT.with_params(table=table, count=len(rows), role=ROLE_NAMES.get(role, role), rows=shown)
            )
        found = read.detection.tables.get(table)
        if found is not None and found.header.groups and found.header.money_group is not None:
            others = [column for column in found.header.columns
                      if column.nearest_group in found.header.groups and column.nearest_group != found.header.money_group
                      and column.concept is not None]
            if others:
                columns = ", ".join(f"{column.text} ({_cell(found, found.header.rows[-1], column.col)})" for column in others)
                result.not_placed.append(GROUP_COLUMNS.with_params(table=table, columns=columns, group=found.header.money_group))


def _leftovers(detection: Detection, result: Imported) -> None:
    for found in detection.unplaced:
        wanted = found.caption if found.caption in L.TABLES_BY_ID else table_by_kind(found)
        taken = detection.tables.get(wanted or "")
        if taken is not None:
            result.not_placed.append(DUPLICATE.with_params(cell=str(found.ref), table=wanted, other=str(taken.ref)))
        else:
            result.not_placed.append(UNFIT.with_params(cell=str(found.ref), caption=wanted))
    for found in detection.others:
        if found.caption:
            result.not_placed.append(OTHER.with_params(caption=found.caption, cell=str(found.ref)))
    for table, found in detection.tables.items():
        if found.summaries:
            cells = ", ".join(_cell(found, row, found.header.first_col) for row in found.summaries)
            result.not_placed.append(SUMMARIES.with_params(table=table, cells=cells))
    for form in detection.forms:
        result.not_placed.append(NOT_LKJIP.with_params(name=form.name, cell=f"{form.sheet}!A{form.numbers_row}"))
    for change in detection.changes:
        result.not_placed.append(NOT_LKJIP.with_params(name=change.name, cell=str(change.ref)))
    notes = [
        _cell(found, row, found.header.first_col) for found in detection.tables.values() for row in found.notes
    ]
    if notes:
        shown = ", ".join(notes[:5]) + (", …" if len(notes) > 5 else "")
        result.not_placed.append(NOTES.with_params(count=len(notes), cells=shown))


def import_snapshot(snapshot: WorkbookSnapshot, settings: Settings | None = None):
    """The template filled with the tables of ``snapshot``, and what was and was not placed."""
    read = extract_freeform(snapshot, settings or Settings())
    document = read.document
    workbook = build_template(document.settings)
    result = Imported()
    context = _context(document)
    for layout in L.TABLES:
        view = read.views.get(layout.table)
        if view is None:
            result.not_placed.append(MISSING.with_params(table=layout.table))
            continue
        _copy_table(workbook[layout.sheet], view, read, result, context)
    what = [f"{key} = {value}" for key, value in document.settings.to_dict().items() if key in ("nama_opd", "tahun") and value]
    result.placed.append(SETTINGS_FROM_TITLES.with_params(what="; ".join(what)) if what else NO_SETTINGS.with_params())
    _not_read(read, result)
    _leftovers(read.detection, result)
    return workbook, result


def _context(document: Document) -> Context:
    """What the imported template's formulas will read: the settings it is built with, and the IDs its
    Tabel 3.2 marks Negatif."""
    marked = [row for row in document.indicators.rows if row.indicator_id.text] if document.indicators else []
    negative = {id_key(row.indicator_id.text) for row in marked if marked_negative(row.polarity.text)}
    return Context(document.settings, frozenset(negative))


def write_import(snapshot: WorkbookSnapshot, out: Path) -> Imported:
    """Write the template filled from ``snapshot`` to ``out`` (a temporary file, then renamed)."""
    workbook, result = import_snapshot(snapshot)
    with replacing(Path(out), ".xlsx") as temporary:
        workbook.save(temporary)
    return result


def render(result: Imported, lang: Lang) -> list[str]:
    """Lines for the terminal: sheet names, headers and captions come from the workbook, so no controls."""
    lines = [phrase.render(lang) for phrase in result.placed]
    if result.not_placed:
        lines.append(NOT_PLACED(lang))
        lines += [f"  - {phrase.render(lang)}" for phrase in result.not_placed]
    return [terminal_text(line) for line in lines]

