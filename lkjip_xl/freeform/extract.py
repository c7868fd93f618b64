"""A workbook that is not the template, read into the table model.

Each table found (detect.py) is read by the template's own reader through a view in the template's
layout (view.py); Tabel 3.8 then gets the levels its rows do not state (levels.py). The office and year,
which the template keeps on its settings sheet, come from the tables' titles when nothing else gave them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..codes import Level
from ..errors import InputRejected
from ..i18n import Text
from ..model import BudgetTable, Document
from ..settings import Settings
from ..snapshot import WorkbookSnapshot
from ..structure import link_budget_rows
from ..template import layout as L
from ..template.extract import attach, read_table
from .detect import Detection, Found, find_tables
from .levels import group_rows_by_sums, guess_levels, levels_from_words
from .performance import closest_header, drop_column_number_rows, header_years, looks_like_performance, summary_rows
from .reading import Reading, account_levels, account_lines, fill_budget, is_copy, prepare_budget, reading_of
from .view import TableView

NO_TABLES = Text(
    "tidak ada Tabel 3.2, 3.3, 3.5, 3.7 atau 3.8 yang dikenali di buku kerja ini: setiap tabel perlu baris "
    "judul kolom (mis. \"Uraian | Jumlah Anggaran | Realisasi | Selisih | Persentase\").{closest} Atau isi "
    "templat lkjip-xl (lkjip-xl template --out templat.xlsx).",
    "no Table 3.2, 3.3, 3.5, 3.7 or 3.8 was recognised in this workbook: each table needs its row of column "
    "headers (e.g. \"Uraian | Jumlah Anggaran | Realisasi | Selisih | Persentase\").{closest} Or fill in the "
    "lkjip-xl template (lkjip-xl template --out template.xlsx).",
)

NO_PERFORMANCE_TABLES = Text(
    "tidak ada Tabel 3.2, 3.3 atau 3.5 yang dikenali di buku kerja ini: tabel kinerja perlu baris judul kolom "
    "dengan indikator, target dan realisasi, mis. \"No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian "
    "(%)\"; Tabel 3.3 dengan tahunnya di atas Target | Realisasi | Capaian (atau \"Target 2024\").{closest} Atau isi "
    "templat lkjip-xl (lkjip-xl template --out templat.xlsx).",
    "no Table 3.2, 3.3 or 3.5 was recognised in this workbook: a performance table needs its row of column headers "
    "with the indicator, target and actual, e.g. \"No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian "
    "(%)\"; Table 3.3 with its years above Target | Realisasi | Capaian (or \"Target 2024\").{closest} Or fill in "
    "the lkjip-xl template (lkjip-xl template --out template.xlsx).",
)


@dataclass
class FreeformRead:
    document: Document
    detection: Detection
    views: dict[str, TableView]


def read_tables(detection: Detection, document: Document) -> dict[str, TableView]:
    views: dict[str, TableView] = {}
    for layout in L.TABLES:
        found = detection.tables.get(layout.table)
        if found is None:
            document.missing.append(layout.table)
            continue
        budget_layout = None
        if layout.table in ("3.7", "3.8"):
            budget_layout = prepare_budget(found)
            found.text_spans = budget_layout.spans
        if layout.table in ("3.2", "3.3", "3.5"):
            drop_column_number_rows(found)
        view = TableView(found, layout)
        views[layout.table] = view
        table = read_table(view, layout)
        levels: dict[int, str] = {}
        if isinstance(table, BudgetTable):
            for row in table.rows:
                row.number_text = view.printed(row.row, "no")  # "1)" below "a." below "1.": the form is the level
            _mend_total(table, found, view)
            account_lines(table, view.row_of, budget_layout)
            if account_levels(table, found, view.row_of, budget_layout):
                pass  # an LRA's account codes give its hierarchy
            elif levels_from_words(table):
                pass  # every line names its level, one above the program among them (Satker)
            elif table.table == "3.8":
                guess_levels(table)
            else:
                group_rows_by_sums(table)
            levels = {view.row_of(row.row): row.level_word or row.level.value for row in table.rows if row.level is not None}
            fill_budget(table, found, view.row_of, budget_layout)
        else:
            if table.table == "3.3":
                header_years(table, found, view)
            summary_rows(table, found, view)
        reading = reading_of(found, layout.table, budget_layout, levels)
        _note_other_blocks(detection, found, reading)
        document.readings[layout.table] = reading
        attach(document, table)
        if found.sheet.name not in document.sheets_read:
            document.sheets_read.append(found.sheet.name)
    return views


def _note_other_blocks(detection: Detection, found: Found, reading: Reading) -> None:
    """Blocks like the checked table that were not taken: copies of it (said once, never checked twice) and
    other candidates (named, not checked)."""
    for block in detection.unplaced:
        if block.kind != found.kind:
            continue
        if is_copy(block, found):
            reading.copies.append(block.sheet.name)
        else:
            reading.others.append(str(block.ref))


def _mend_total(table: BudgetTable, found: Found, view: TableView) -> None:
    """A total the template reader did not know by its label ("JUMLAH BELANJA") is still the total."""
    if table.total is None and found.total_row is not None and table.rows:
        last = table.rows[-1]
        if view.row_of(last.row) == found.total_row:
            table.rows.pop()
            last.level, last.level_source = Level.TOTAL, "label"
            table.total = last
            link_budget_rows(table)


_YEAR = re.compile(r"\b(?:tahun(?:\s+anggaran)?|t\.?\s?a\.?)\s*(20\d\d)\b", re.IGNORECASE)
_OFFICE = re.compile(
    r"\b((?:kecamatan|kelurahan|dinas|badan|kantor|sekretariat|inspektorat|satuan|rsud|rumah sakit|bagian)\b.*?)"
    r"(?=\s+(?:tahun|ta|t\.a\.)\b|\s*$)",
    re.IGNORECASE,
)


def title_settings(detection: Detection, settings: Settings) -> Settings:
    """The office and year the tables' titles name, where the settings have none."""
    years: Counter[int] = Counter()
    offices: Counter[str] = Counter()
    for found in detection.tables.values():
        for title in found.titles:
            found_years = [int(year) for year in _YEAR.findall(title)]
            if found_years:
                years[max(found_years)] += 1
            match = _OFFICE.search(title)
            if match:
                offices[match.group(1).strip(" ,.:")] += 1
    values: dict[str, object] = {}
    if settings.year is None and years:
        values["tahun"] = years.most_common(1)[0][0]
    if not settings.office and offices:
        values["nama_opd"] = offices.most_common(1)[0][0]
    return settings.with_values(values, "judul tabel") if values else settings


def extract_freeform(snapshot: WorkbookSnapshot, settings: Settings) -> FreeformRead:
    """The tables of a workbook that is not the template; refused when it holds none of ours."""
    detection = find_tables(snapshot)
    if not detection.tables and not detection.forms and not detection.changes:
        # A workbook of indicators only is told the header a performance table needs, not the budget one.
        if looks_like_performance(snapshot):
            raise InputRejected("no_tables", NO_PERFORMANCE_TABLES, closest=closest_header(detection.found))
        raise InputRejected("no_tables", NO_TABLES, closest=closest_header(detection.found, budget=True))
    document = Document(snapshot.name, title_settings(detection, settings), layout="freeform")
    views = read_tables(detection, document)
    attach_forms(detection, document)
    document.changes.extend(detection.changes)
    return FreeformRead(document, detection, views)


def attach_forms(detection: Detection, document: Document) -> None:
    """Renja/RKPD evaluation forms join the document under names of their own ("Evaluasi Renja", then
    "Evaluasi Renja (Sheet2)"). A workbook holding only forms (or comparison tables) is no LKjIP: its missing
    tables are not news."""
    names: set[str] = set()
    for form in detection.forms:
        if form.name in names:
            form.name = f"{form.name} ({form.sheet})"
        names.add(form.name)
        document.evaluations.append(form)
        if form.sheet not in document.sheets_read:
            document.sheets_read.append(form.sheet)
    if (detection.forms or detection.changes) and not detection.tables:
        document.missing.clear()
