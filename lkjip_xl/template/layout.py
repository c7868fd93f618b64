"""The template's layout: sheet names, columns and rows, declared once.

The template builder writes this layout; the template extractor reads it back. Change it here and both
follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..indicators import Polarity
from ..numbers import Quantity
from ..snapshot import column_letter

TEMPLATE_MARKER_KEY = "versi_templat"
TEMPLATE_VERSION = "lkjip-xl/1"
SETTINGS_SHEET = "Pengaturan"
INSTRUCTIONS_SHEET = "Petunjuk"
SUMMARY_SHEET = "Ringkasan Validasi"
MARKS_SHEET = "_lkjip_tanda"  # hidden: the cells the Excel button marked, so the next click can unmark them
_SUMMARY_NAME = re.compile(rf"{re.escape(SUMMARY_SHEET.casefold())}(?: \(\d+\))?")  # Excel's " (2)" for a copy


def is_summary_sheet(name: str) -> bool:
    return _SUMMARY_NAME.fullmatch(name.casefold()) is not None


def is_output_sheet(name: str) -> bool:
    """Sheets lkjip-xl itself writes into a workbook (summaries, the button's marks): output, never input."""
    return is_summary_sheet(name) or name.casefold() == MARKS_SHEET.casefold()


# Settings sheet: key (column A, a stable id), label (B), value (C), help (D).
SETTINGS_FIRST_ROW = 4
SETTINGS_KEY_COL, SETTINGS_LABEL_COL, SETTINGS_VALUE_COL, SETTINGS_HELP_COL = 1, 2, 3, 4

MONEY_FORMAT = '"Rp "#,##0;[Red]"Rp "-#,##0;"Rp -"'
PERCENT_FORMAT = "0.00%"
VALUE_FORMAT = "#,##0.00"
NUMBER_FORMAT = "0"
TEXT_FORMAT = "@"

TOTAL_LABEL = "JUMLAH"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    input: bool  # typed by staff (unlocked); otherwise derived (a formula, locked)
    quantity: Quantity | None = None
    number_format: str | None = None
    group: str | None = None  # a header spanning several columns (years in 3.3, ANGGARAN in 3.5)
    hidden: bool = False  # a helper of the formulas, not part of the printed table


@dataclass(frozen=True)
class TableLayout:
    table: str
    sheet: str
    title: str
    subtitle: str  # "{opd}" and "{tahun}" are filled from the settings sheet by formula
    columns: tuple[Column, ...]
    body_rows: int
    total_row: bool = False
    header_rows: int = 1  # 2 when columns are grouped under a spanning header

    @property
    def header_row(self) -> int:
        return 4

    @property
    def numbers_row(self) -> int:
        """The row of column numbers (1, 2, 3, ...) that LKjIP tables print under their header."""
        return self.header_row + self.header_rows

    @property
    def first_row(self) -> int:
        return self.numbers_row + 1

    @property
    def last_body_row(self) -> int:
        return self.first_row + self.body_rows - 1

    @cached_property
    def _col_numbers(self) -> dict[str, int]:
        return {column.key: index for index, column in enumerate(self.columns, start=1)}

    def col(self, key: str) -> int:
        return self._col_numbers[key]  # a dict: this is called for every cell read (20,000-line tables)

    def letter(self, key: str) -> str:
        return column_letter(self.col(key))

    def keys(self) -> list[str]:
        return [column.key for column in self.columns]


def _money(key: str, header: str, width: float = 18, input: bool = True, group: str | None = None) -> Column:
    return Column(key, header, width, input, Quantity.MONEY, MONEY_FORMAT, group)


def _percent(key: str, header: str, width: float = 12, input: bool = False, group: str | None = None) -> Column:
    return Column(key, header, width, input, Quantity.PERCENT, PERCENT_FORMAT, group)


def _value(key: str, header: str, width: float = 11, group: str | None = None) -> Column:
    return Column(key, header, width, True, Quantity.VALUE, VALUE_FORMAT, group)


def _text(key: str, header: str, width: float, input: bool = True, number_format: str | None = None) -> Column:
    return Column(key, header, width, input, None, number_format)


def _helper(key: str, header: str, number_format: str | None = None) -> Column:
    """A hidden column after the printed ones: a value several formulas of the row share."""
    return Column(key, header, 10, False, None, number_format, hidden=True)


TABLE_38 = TableLayout(
    table="3.8",
    sheet="Tabel 3.8",
    title="Tabel 3.8",
    subtitle="Realisasi Anggaran {opd} Tahun Anggaran {tahun}",
    columns=(
        _text("no", "No", 5, number_format=NUMBER_FORMAT),
        _text("kode", "Kode", 19, number_format=TEXT_FORMAT),
        _text("level", "Level", 13),
        _text("uraian", "Program / Kegiatan / Sub Kegiatan", 60),
        _money("anggaran", "Jumlah Anggaran"),
        _money("realisasi", "Realisasi"),
        _money("selisih", "Selisih", input=False),
        _percent("persen", "Persentase"),
    ),
    body_rows=300,
    total_row=True,
)

TABLE_37 = TableLayout(
    table="3.7",
    sheet="Tabel 3.7",
    title="Tabel 3.7",
    subtitle="Realisasi Anggaran Kinerja {opd} Tahun Anggaran {tahun}",
    columns=(
        _text("no", "No", 5, number_format=NUMBER_FORMAT),
        _text("uraian", "Uraian", 45),
        _money("anggaran", "Anggaran (Rp)"),
        _money("realisasi", "Realisasi (Rp)"),
        _percent("persen", "%"),
    ),
    body_rows=8,
    total_row=True,
)

POLARITY_CHOICES = tuple(polarity.value for polarity in Polarity)

TABLE_32 = TableLayout(
    table="3.2",
    sheet="Tabel 3.2",
    title="Tabel 3.2",
    subtitle="Target dan Realisasi Kinerja {opd} Tahun {tahun}",
    columns=(
        _text("no", "No", 5, number_format=NUMBER_FORMAT),
        _text("id", "ID Indikator", 12, number_format=TEXT_FORMAT),
        _text("indikator", "Indikator Kinerja Utama", 45),
        _text("satuan", "Satuan", 10),
        _text("polaritas", "Polaritas", 11),
        _value("target", "Target"),
        _value("realisasi", "Realisasi"),
        _percent("capaian", "Capaian %"),
        _text("kategori", "Kategori", 14, input=False),
        _text("keterangan", "Efisiensi / Keterangan", 20),
    ),
    body_rows=30,
)


def _year_columns(offset: int) -> tuple[Column, ...]:
    group = f"tahun{offset}"
    return (
        _value(f"target{offset}", "Target", group=group),
        _value(f"realisasi{offset}", "Realisasi", group=group),
        _percent(f"capaian{offset}", "Capaian %", group=group),
    )


TABLE_33 = TableLayout(
    table="3.3",
    sheet="Tabel 3.3",
    title="Tabel 3.3",
    subtitle="Target dan Realisasi Kinerja {opd} Tiga Tahun Terakhir",
    columns=(
        _text("no", "No", 5, number_format=NUMBER_FORMAT),
        _text("id", "ID Indikator", 12, number_format=TEXT_FORMAT),
        _text("sasaran", "Tujuan / Sasaran", 35),
        _text("indikator", "Indikator Kinerja", 30),
        *_year_columns(2),
        *_year_columns(1),
        *_year_columns(0),
        _helper("negatif", "Polaritas negatif"),
    ),
    body_rows=30,
    header_rows=2,
)

TABLE_35 = TableLayout(
    table="3.5",
    sheet="Tabel 3.5",
    title="Tabel 3.5",
    subtitle="Analisa Efisiensi Penggunaan Anggaran {opd} Tahun {tahun}",
    columns=(
        _text("no", "No", 5, number_format=NUMBER_FORMAT),
        _text("sasaran", "Tujuan / Sasaran", 35),
        _text("id", "ID Indikator", 12, number_format=TEXT_FORMAT),
        _text("indikator", "Indikator Kinerja", 28),
        Column("target", "Target", 10, True, Quantity.VALUE, VALUE_FORMAT, "kinerja"),
        Column("realisasi", "Realisasi", 10, True, Quantity.VALUE, VALUE_FORMAT, "kinerja"),
        _percent("capaian", "% Capaian", group="kinerja"),
        _money("anggaran", "Anggaran (Rp)", group="anggaran"),
        _money("realisasi_rp", "Realisasi (Rp)", group="anggaran"),
        _percent("serapan", "% Serapan", group="anggaran"),
        _percent("efisiensi", "Tingkat Efisiensi"),
        _text("kategori_efisiensi", "Efisien / Tidak", 14, input=False),
        _helper("negatif", "Polaritas negatif"),
        # Rows left empty under a budget share it (the seed prints one budget for two sasaran, merged):
        # which budget group a row belongs to, and the group's mean capaian.
        _helper("kelompok", "Kelompok anggaran", NUMBER_FORMAT),
        _helper("rata_capaian", "Rata-rata capaian kelompok", PERCENT_FORMAT),
    ),
    body_rows=20,
    header_rows=2,
)

GROUP_HEADERS = {
    "tahun2": "{tahun-2}",
    "tahun1": "{tahun-1}",
    "tahun0": "{tahun}",
    "kinerja": "INDIKATOR KINERJA",
    "anggaran": "ANGGARAN",
}

TABLES: tuple[TableLayout, ...] = (TABLE_32, TABLE_33, TABLE_35, TABLE_37, TABLE_38)
TABLES_BY_ID = {layout.table: layout for layout in TABLES}
