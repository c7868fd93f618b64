"""Performance tables (3.2, 3.3, 3.5) as offices paste them: summary rows and years read from the header.

- A "Jumlah" or "Rata-rata capaian" row under the indicators is a summary, never an indicator: detect.py
  sets it aside, ``summary_rows`` reads it with the rows it stands under (checks/summaries.py checks it).
- Tabel 3.3 has as many years as its header names (2, 3, 4, 5...), each from its own header ("2023" above
  Target / Realisasi / Capaian, or "Target 2023"): ``header_years`` rebuilds each row's years from them, in
  year order, instead of the template's three fixed groups.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..model import ChangeRow, ChangeTable, Field, IndicatorTable, SummaryRow, TextField, YearFigures
from ..i18n import Phrase, Text
from ..numbers import Quantity, parse
from .words import cell_text, tokens, year_of

if TYPE_CHECKING:  # detect.py asks summary_kind of every row: no import back at run time
    from .detect import Found
    from .view import TableView

# The words a summary label may hold after "Jumlah" / "Total" / "Rata-rata": "Jumlah penduduk miskin" is an
# indicator, "Rata-rata capaian kinerja sasaran (%)" a summary.
_SUMMARY_WORDS = {
    "jumlah", "total", "rata", "ratarata", "capaian", "kinerja", "sasaran", "indikator", "iku", "keseluruhan",
    "seluruh", "persentase", "persen", "%", "dan", "anggaran", "program", "kegiatan", "tujuan", "nilai",
}


def summary_kind(text: str) -> str | None:
    """ "mean" for a "Rata-rata ..." label, "sum" for "Jumlah" / "Total", else None."""
    words = tokens(text)
    if not words or len(words) > 8 or not set(words) <= _SUMMARY_WORDS:
        return None
    if words[:2] == ("rata", "rata") or words[0] == "ratarata":
        return "mean"
    if words[0] in ("jumlah", "total"):
        return "sum"
    return None


_QUANTITY = {"target": Quantity.VALUE, "realisasi": Quantity.VALUE, "capaian": Quantity.PERCENT}
_YEAR_CONCEPTS = {"target": "target", "realisasi": "realisasi", "capaian": "capaian", "persen": "capaian"}


def _field(found: Found, row: int, col: int, quantity: Quantity) -> Field:
    sheet = found.sheet
    value = sheet.value(row, col)
    if isinstance(value, str) and "<" in value:
        value = cell_text(value)[0]
    return Field(sheet.ref(row, col), parse(value, quantity, sheet.number_format(row, col)), sheet.formula(row, col))


def year_columns(found: Found) -> list[tuple[int, dict[str, int]]]:
    """Each year the header names, in year order, with its target / realisasi / capaian columns."""
    years: dict[int, dict[str, int]] = {}
    for column in found.header.columns:
        name = _YEAR_CONCEPTS.get(column.concept or "")
        if column.year and name:
            years.setdefault(column.year, {}).setdefault(name, column.col)
    return sorted(years.items())


def header_years(table: IndicatorTable, found: Found, view: TableView) -> None:
    """Tabel 3.3's rows with every year of the header (the template reader knows three)."""
    years = year_columns(found)
    if not years:
        return
    for row in table.rows:
        source = view.row_of(row.row)
        if source is None:
            continue
        row.years = [
            YearFigures(
                year,
                *(
                    _field(found, source, cols[name], _QUANTITY[name]) if name in cols else Field(None)
                    for name in ("target", "realisasi", "capaian")
                ),
            )
            for year, cols in years
        ]


# Which figures of a row a summary can stand for: (name, year index) -> the row's field.
def row_figure(row, name: str, index: int) -> Field | None:
    years = getattr(row, "years", None)
    if years is not None:
        return getattr(years[index], name, None) if index < len(years) else None
    return getattr(row, name, None)


_TABLE_FIGURES = {
    "3.2": ("target", "realisasi", "capaian"),
    "3.5": ("target", "realisasi", "capaian", "anggaran", "realisasi_rp", "serapan", "efisiensi"),
}
_MONEY = {"anggaran", "realisasi_rp"}
_PERCENT = {"capaian", "serapan", "efisiensi"}


def _summary_fields(table: IndicatorTable, found: Found, row: int) -> dict[tuple[str, int], Field]:
    fields: dict[tuple[str, int], Field] = {}
    if table.table == "3.3":
        for index, (_, cols) in enumerate(year_columns(found)):
            for name, col in cols.items():
                fields[(name, index)] = _field(found, row, col, _QUANTITY[name])
        return fields
    for name in _TABLE_FIGURES.get(table.table, ()):
        col = found.header.keys.get(name)
        if col is not None:
            quantity = Quantity.MONEY if name in _MONEY else Quantity.PERCENT if name in _PERCENT else Quantity.VALUE
            fields[(name, 0)] = _field(found, row, col, quantity)
    return fields


def summary_rows(table: IndicatorTable, found: Found, view: TableView) -> None:
    """The table's Jumlah / Rata-rata rows, each with the rows above it (up to the previous summary)."""
    previous = 0
    for summary in found.summaries:
        label = next(
            (
                TextField(found.sheet.ref(summary, col), text)
                for col in range(found.header.first_col, found.header.last_col + 1)
                if summary_kind(text := cell_text(found.sheet.value(summary, col))[0])
            ),
            None,
        )
        if label is None:
            continue
        above = [row for row in table.rows if previous < (view.row_of(row.row) or 0) < summary]
        table.summaries.append(
            SummaryRow(summary, summary_kind(label.text) or "sum", label, _summary_fields(table, found, summary), above)
        )
        previous = summary


# -- values of two years without a target ------------------------------------------------------------

_CHANGE_WORDS = {"perubahan", "kenaikan", "peningkatan", "pertumbuhan", "penurunan", "selisih"}
_LABELS = ("indikator", "sasaran", "uraian")


def _change_column(found: Found):
    return next((column for column in found.header.columns if set(tokens(column.own)) & _CHANGE_WORDS), None)


_BEFORE_N = re.compile(r"(?<![a-z0-9])n\s*[-\u2212]\s*(\d)(?!\d)")
_YEAR_N = re.compile(r"(?:\btahun|\bth\.?|\bthn)\s+n\b(?!\s*[-\u2212+])|\(\s*n\s*\)")


def _year(column) -> int | None:
    """The year a column's values are for: "2023" above it, "Realisasi 2023", or relative to the year of the
    report ("Tahun N-1" is -1, "Tahun N" is 0, as the Permendagri forms and macro tables print them)."""
    year = column.year or year_of(column.own)
    if year:
        return year
    text = column.own.casefold()
    match = _BEFORE_N.search(text)
    if match:
        return -int(match.group(1))
    return 0 if _YEAR_N.search(text) else None


def _shown(year: int) -> str:
    return str(year) if year > 100 else ("N" if year == 0 else f"N{year}")


_VALUE_CONCEPTS = (None, "realisasi", "capaian")  # without a target, "Capaian Kinerja Tahun N" is the value reached


def is_change_table(found: Found) -> bool:
    """Figures for two or more years and no target: a comparison, not a Tabel 3.3."""
    if any(column.concept == "target" for column in found.header.columns):
        return False
    change = _change_column(found)
    yearly = [column for column in found.header.columns if column is not change and _year(column) is not None]
    if len({_year(column) for column in yearly}) < 2:
        return False
    return all(column.concept in _VALUE_CONCEPTS for column in yearly)


def read_change_table(found: Found) -> ChangeTable | None:
    change = _change_column(found)
    years: dict[int, int] = {}
    for column in found.header.columns:
        if column is not change and _year(column) is not None and column.concept in _VALUE_CONCEPTS:
            years.setdefault(_year(column), column.col)
    if len(years) < 2:
        return None
    (before_year, before_col), (after_year, after_col) = sorted(years.items())[-2:]
    change = _change_column(found)
    words = set(tokens(change.text)) if change else set()
    percent = bool(words & {"%", "persen", "persentase", "prosentase"})
    label_col = next((column.col for column in found.header.columns if column.concept in _LABELS), None)
    sheet = found.sheet
    rows = []
    for row in found.rows:
        label = TextField(sheet.ref(row, label_col), cell_text(sheet.value(row, label_col))[0]) if label_col else TextField(None)
        rows.append(
            ChangeRow(
                row, label,
                _field(found, row, before_col, Quantity.VALUE),
                _field(found, row, after_col, Quantity.VALUE),
                _field(found, row, change.col, Quantity.PERCENT if percent else Quantity.VALUE) if change else Field(None),
            )
        )
    shown = (_shown(before_year), _shown(after_year))
    return ChangeTable(
        f"Perbandingan {shown[0]} dan {shown[1]}", sheet.name, shown,
        change.text if change else "", percent, rows, found.ref,
    )


def take_change_tables(items: list) -> tuple[list[ChangeTable], list]:
    tables: list[ChangeTable] = []
    kept = []
    for item in items:
        table = read_change_table(item) if is_change_table(item) else None
        if table is None:
            kept.append(item)
        else:
            tables.append(table)
    return tables, kept


# -- when nothing was found --------------------------------------------------------------------------

_PERFORMANCE_WORDS = {"indikator", "capaian", "target", "sasaran", "iku", "kinerja"}
_BUDGET_WORDS = {"anggaran", "pagu", "belanja", "selisih", "rekening", "serapan"}
_SCAN_ROWS = 200


def looks_like_performance(snapshot) -> bool:
    """Whether a workbook in which no table was found speaks of indicators and never of budgets."""
    performance = budget = False
    for sheet in snapshot:
        for _, cells in itertools.islice(sheet.rows(), _SCAN_ROWS):
            for value in cells:
                if isinstance(value, str) and len(value) <= 200:
                    words = tokens(value)
                    performance = performance or bool(set(words) & _PERFORMANCE_WORDS)
                    # "Tahun Anggaran 2024" in a performance table's title names the year, not a budget.
                    budget = budget or any(
                        word in _BUDGET_WORDS and not (word == "anggaran" and index and words[index - 1] == "tahun")
                        for index, word in enumerate(words)
                    )
    return performance and not budget


# -- column numbers Excel turned into figures -----------------------------------------------------------

_COLUMN_NUMBER = re.compile(r"^\((\d{1,2})\)$")


def drop_column_number_rows(found: Found) -> None:
    """A row whose label cells read "(1) (2) (3)" is the header's column numbers, even where Excel turned the
    figures' "(6)" into -6 (and -0,06 under a % format) so that it no longer reads as a numbers row."""
    labels = sorted(found.label_cols | {column.col for column in found.header.columns if column.concept in ("no", "id")})
    for row in list(found.rows):
        numbers = []
        for col in labels:
            match = _COLUMN_NUMBER.match(cell_text(found.sheet.value(row, col))[0])
            if match:
                numbers.append(int(match.group(1)))
        if len(numbers) >= 2 and len(numbers) == len(labels) and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            found.rows.remove(row)
            found.repeated_headers.append(row)


CLOSEST = Text(
    " Judul kolom terdekat, di {cell}: \"{header}\" (tanpa {missing}).",
    " The closest header, at {cell}: \"{header}\" (without {missing}).",
)
_NEEDED = {
    ("target",): Text("Target", "Target"),
    ("realisasi",): Text("Realisasi", "Realisasi"),
    ("target", "realisasi"): Text("Target dan Realisasi", "Target and Realisasi"),
    ("anggaran",): Text("Anggaran", "Anggaran"),
    ("anggaran", "realisasi"): Text("Anggaran dan Realisasi", "Anggaran and Realisasi"),
}


def closest_header(found: list, budget: bool = False) -> Phrase | str:
    """The header block nearest to a performance table (the one with an indicator column or the most of
    target / realisasi / capaian), or with ``budget`` to a budget table (uraian / anggaran / realisasi), and
    what it lacks: the reason no table was recognised."""
    best = None
    wanted = {"uraian", "anggaran", "realisasi"} if budget else {"target", "realisasi", "capaian", "indikator"}
    needed = ("anggaran", "realisasi") if budget else ("target", "realisasi")
    for item in found:
        concepts = {column.concept for column in item.header.columns}
        score = len(concepts & wanted)
        if score and (best is None or score > best[0]):
            best = (score, item, concepts)
    if best is None:
        return ""
    _, item, concepts = best
    missing = [name for name in needed if name not in concepts]
    if not missing:
        return ""
    header = " | ".join(column.text for column in item.header.columns)
    return CLOSEST.with_params(cell=str(item.ref), header=header[:160], missing=_NEEDED[tuple(missing)])
