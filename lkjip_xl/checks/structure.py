"""S: the workbook as a whole: tables that are missing, settings that cannot be used."""

from __future__ import annotations

from ..findings import Check, Finding, Severity
from ..i18n import Text
from ..model import Document
from . import rule

# Tabel 3.7 is optional: many offices fold it into the text.
EXPECTED_TABLES = ("3.2", "3.3", "3.5", "3.8")

TABLE_MISSING = Check(
    "S001",
    "tabel-tidak-ada",
    Severity.WARNING,
    Text("Tabel tidak ditemukan", "Table not found"),
    Text("Tabel {table_name} tidak ditemukan atau kosong: tidak diperiksa.", "Table {table_name} was not found or is empty: not checked."),
    Text(
        "LKjIP memuat Tabel 3.2, 3.3, 3.5 dan 3.8. Tabel yang tidak ada tidak dapat diperiksa, begitu pula "
        "pencocokan angkanya dengan tabel lain.",
        "An LKjIP holds Tables 3.2, 3.3, 3.5 and 3.8. A missing table cannot be checked, nor can its figures be "
        "matched against other tables.",
    ),
    Text("Isi sheet tabel tersebut di templat.", "Fill in that table's sheet in the template."),
)

SETTING_INVALID = Check(
    "S003",
    "pengaturan-tidak-sah",
    Severity.WARNING,
    Text("Pengaturan tidak dapat dipakai", "Setting cannot be used"),
    Text("{detail}: dipakai nilai bawaan.", "{detail}: the default is used."),
    Text(
        "Nilai di sheet Pengaturan tidak sesuai jenisnya (mis. teks untuk toleransi).",
        "A value on the settings sheet does not fit its kind (e.g. text for a tolerance).",
    ),
    Text("Perbaiki nilai di sheet Pengaturan.", "Fix the value on the settings sheet."),
)


@rule
def missing_tables(document: Document) -> list[Finding]:
    return [
        TABLE_MISSING.at(None, table=table, table_name=table)
        for table in EXPECTED_TABLES
        if table in document.missing
    ]
