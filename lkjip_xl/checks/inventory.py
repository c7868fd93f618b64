"""F: what the file carries besides its tables: macros, links, embedded objects, hidden or unread sheets.

The loader lists these from the package structure (``Document.inventory``); nothing here opens the file,
and nothing listed is ever run or fetched. They are findings, not rejections: the tables are still checked,
and the reviewer learns what else came with them.
"""

from __future__ import annotations

from ..findings import Check, Finding, Severity
from ..i18n import Num, Text
from ..model import Document
from ..template import layout as L
from . import rule

MACROS = Check(
    "F001",
    "makro",
    Severity.WARNING,
    Text("Buku kerja memuat makro", "The workbook holds macros"),
    Text(
        "Buku kerja memuat makro ({parts}). Makro tidak dijalankan oleh lkjip-xl.",
        "The workbook holds macros ({parts}). lkjip-xl does not run them.",
    ),
    Text(
        "Makro VBA atau lembar makro Excel 4.0 dapat mengubah angka saat berkas dibuka, dan merupakan jalan umum "
        "perangkat perusak. Laporan LKjIP tidak memerlukan makro.",
        "VBA macros or Excel 4.0 macro sheets can change figures when the file is opened and are a common "
        "carrier of malware. An LKjIP report needs no macros.",
    ),
    Text(
        "Simpan sebagai Excel Workbook (.xlsx), yang membuang makro, lalu kirim berkas itu.",
        "Save it as an Excel Workbook (.xlsx), which drops the macros, and send that file.",
    ),
)

EXTERNAL_LINKS = Check(
    "F002",
    "tautan-eksternal",
    Severity.WARNING,
    Text("Rumus merujuk buku kerja lain", "Formulas refer to other workbooks"),
    Text(
        "Buku kerja ini mengambil nilai dari berkas lain: {targets}. Tautan tidak dibuka; yang diperiksa adalah "
        "nilai yang tersimpan.",
        "This workbook takes values from other files: {targets}. The links are not opened; the stored values "
        "are what is checked.",
    ),
    Text(
        "Angka yang diambil dari berkas lain ikut berubah bila berkas itu berubah, dan tidak dapat diperiksa "
        "oleh penerima yang tidak memiliki berkas itu.",
        "Figures taken from another file change when that file changes, and cannot be checked by a recipient "
        "who does not have it.",
    ),
    Text(
        "Di Excel: Data > Edit Links > Break Link, agar nilainya tersimpan di buku kerja ini.",
        "In Excel: Data > Edit Links > Break Link, so that the values are kept in this workbook.",
    ),
)

EMBEDDED_OBJECTS = Check(
    "F003",
    "objek-tertanam",
    Severity.WARNING,
    Text("Buku kerja memuat objek tertanam", "The workbook holds embedded objects"),
    Text(
        "Buku kerja memuat objek tertanam atau kontrol ActiveX ({parts}). Objek itu tidak dibuka.",
        "The workbook holds embedded objects or ActiveX controls ({parts}). They are not opened.",
    ),
    Text(
        "Objek tertanam (dokumen lain, paket, kontrol ActiveX) tidak termasuk tabel dan dapat membawa program "
        "yang berjalan saat diklik.",
        "Embedded objects (other documents, packages, ActiveX controls) are not part of the tables and can "
        "carry programs that run when clicked.",
    ),
    Text("Hapus objek itu dari buku kerja, lalu kirim ulang.", "Remove the objects from the workbook and send it again."),
)

CONNECTIONS = Check(
    "F004",
    "koneksi-data",
    Severity.WARNING,
    Text("Buku kerja memuat koneksi data", "The workbook holds data connections"),
    Text(
        "Buku kerja memuat koneksi data: {names}. Koneksi tidak dijalankan; yang diperiksa adalah nilai yang "
        "tersimpan.",
        "The workbook holds data connections: {names}. They are not refreshed; the stored values are what is "
        "checked.",
    ),
    Text(
        "Koneksi ke basis data, web atau Power Query dapat mengganti angka saat diperbarui, sehingga angka yang "
        "dilihat penerima bisa berbeda dari yang dikirim.",
        "Connections to a database, the web or Power Query can replace figures when refreshed, so what a "
        "recipient sees can differ from what was sent.",
    ),
    Text(
        "Di Excel: Data > Queries & Connections, hapus koneksinya (nilainya tetap), lalu simpan.",
        "In Excel: Data > Queries & Connections, delete the connections (the values stay), then save.",
    ),
)

HIDDEN_SHEET = Check(
    "F005",
    "sheet-tersembunyi",
    Severity.INFO,
    Text("Sheet tersembunyi", "Hidden sheet"),
    Text("Sheet \"{sheet}\" disembunyikan.{copy}", "The sheet \"{sheet}\" is hidden.{copy}"),
    Text(
        "Sheet tersembunyi tidak terlihat oleh pembaca, tetapi rumus tabel dapat mengambil nilai darinya.",
        "A hidden sheet is not seen by readers, yet the tables' formulas can take values from it.",
    ),
    Text("Tampilkan (klik kanan tab sheet > Unhide) atau hapus bila tidak dipakai.", "Unhide it (right-click a sheet tab > Unhide) or delete it if unused."),
)

HIDDEN_COPY = Text(
    " Isinya salinan Tabel {table} di sheet \"{sheet}\" (tidak diperiksa dua kali).",
    " It holds a copy of Table {table} on the sheet \"{sheet}\" (not checked twice).",
)

VERY_HIDDEN_SHEET = Check(
    "F006",
    "sheet-sangat-tersembunyi",
    Severity.WARNING,
    Text("Sheet sangat tersembunyi", "Very hidden sheet"),
    Text(
        "Sheet \"{sheet}\" sangat tersembunyi (very hidden): tidak muncul di menu Unhide.{copy}",
        "The sheet \"{sheet}\" is very hidden: it does not appear in the Unhide menu.{copy}",
    ),
    Text(
        "Status \"very hidden\" hanya dapat dipasang lewat VBA atau alat lain, dan dipakai untuk menyembunyikan "
        "isi dari pengguna, termasuk lembar makro perangkat perusak.",
        "The \"very hidden\" state can only be set through VBA or other tools, and is used to hide content from "
        "users, malware macro sheets included.",
    ),
    Text(
        "Minta pembuatnya menampilkan atau menghapus sheet itu (VBA: Sheets(\"...\").Visible = True).",
        "Ask the author to show or delete the sheet (VBA: Sheets(\"...\").Visible = True).",
    ),
)

PROTECTED_SHEETS = Check(
    "F007",
    "sheet-terlindungi",
    Severity.INFO,
    Text("Sheet terlindungi", "Protected sheets"),
    Text("Sheet terlindungi: {sheets}.", "Protected sheets: {sheets}."),
    Text(
        "Perlindungan sheet mencegah perubahan dan dapat menyembunyikan rumus. Sheet templat lkjip-xl memang "
        "dilindungi (hanya sel isian yang terbuka) dan tidak dilaporkan.",
        "Sheet protection prevents changes and can hide formulas. The lkjip-xl template's sheets are protected "
        "on purpose (only input cells are open) and are not reported.",
    ),
    Text("Tidak perlu tindakan, kecuali pemeriksa perlu melihat rumusnya.", "No action needed, unless the reviewer needs to see the formulas."),
)

MANUAL_CALCULATION = Check(
    "F008",
    "hitung-manual",
    Severity.WARNING,
    Text("Perhitungan manual", "Manual calculation"),
    Text(
        "Perhitungan buku kerja diatur manual: hasil rumus yang tersimpan mungkin belum diperbarui.",
        "The workbook is set to manual calculation: the stored formula results may be out of date.",
    ),
    Text(
        "Dengan perhitungan manual, Excel tidak menghitung ulang rumus saat angka diubah. lkjip-xl memeriksa "
        "hasil yang tersimpan, yang bisa jadi tidak sesuai dengan angka di sebelahnya.",
        "With manual calculation Excel does not recalculate formulas when figures change. lkjip-xl checks the "
        "stored results, which may not match the figures beside them.",
    ),
    Text(
        "Di Excel: Formulas > Calculation Options > Automatic, tekan F9, simpan, lalu periksa lagi.",
        "In Excel: Formulas > Calculation Options > Automatic, press F9, save, then check again.",
    ),
)

SHEET_TOO_LARGE = Check(
    "F009",
    "sheet-terlalu-besar",
    Severity.ERROR,
    Text("Sheet terlalu besar, tidak dibaca", "Sheet too large, not read"),
    Text("Sheet \"{sheet}\" tidak dibaca: {size}.", "The sheet \"{sheet}\" was not read: {size}."),
    Text(
        "Tabel LKjIP berisi ratusan baris. Sheet yang melewati batas (biasanya karena format atau isi yang "
        "terbawa sampai baris ke-1.048.576 atau kolom terakhir) tidak dibaca agar pemeriksaan tetap cepat dan "
        "aman; tabel di dalamnya tidak diperiksa. Peringatan saja bila sheet itu bukan sheet tabel templat.",
        "LKjIP tables have hundreds of rows. A sheet past the limits (usually formatting or content carried down "
        "to row 1,048,576 or to the last column) is not read, so that the check stays fast and safe; the tables "
        "in it are not checked. Only a warning when it is not one of the template's table sheets.",
    ),
    Text(
        "Hapus baris dan kolom di luar tabel (pilih, klik kanan > Delete), simpan, lalu periksa lagi.",
        "Delete the rows and columns outside the table (select, right-click > Delete), save, then check again.",
    ),
)

SIZE_TEXTS = {
    "rows": Text("lebih dari {limit} baris", "more than {limit} rows"),
    "cells": Text("rentang terpakainya lebih dari {limit} sel", "its used range exceeds {limit} cells"),
    "bytes": Text("isinya {value} MB, batas {limit} MB", "its content is {value} MB, limit {limit} MB"),
}

_LISTED = 10  # names listed in one message; the rest are counted


def _names(items: list[str]) -> str:
    shown = [f'"{item}"' for item in items[:_LISTED]]
    if len(items) > _LISTED:
        shown.append(f"(+{len(items) - _LISTED})")
    return ", ".join(shown)


def _template_sheets() -> set[str]:
    return {table.sheet for table in L.TABLES} | {L.SETTINGS_SHEET, L.INSTRUCTIONS_SHEET}


STEERING_SHEETS = Check(
    "F010",
    "lembar-pengarah-xlwings",
    Severity.WARNING,
    Text("Lembar yang mengarahkan add-in Excel", "Sheets that steer the Excel add-in"),
    Text(
        "Buku kerja memuat lembar {sheets}: add-in xlwings membacanya sebagai konfigurasi atau kode Python. "
        "Jangan buka berkas ini dengan tombol Validasi di Excel.",
        "The workbook holds the sheets {sheets}: xlwings' add-in reads them as configuration or Python code. "
        "Do not open this file with the Validasi button in Excel.",
    ),
    Text(
        "VBA add-in xlwings membaca lembar \"myaddin.conf\" buku kerja yang aktif sebelum konfigurasinya "
        "sendiri, dan lembar berakhiran \".py\" adalah kode tertanam. Buku kerja kiriman yang membawanya "
        "dapat mengarahkan tombol Validasi ke program lain. lkjip-xl sendiri tidak menjalankan apa pun.",
        "xlwings' add-in VBA reads the active workbook's \"myaddin.conf\" sheet before its own configuration, "
        "and sheets ending in \".py\" are embedded code. A submitted workbook carrying them can point the "
        "Validasi button at another program. lkjip-xl itself runs nothing.",
    ),
    Text(
        "Minta kantor pengirim menghapus lembar itu; periksa berkas ini hanya dengan lkjip-xl validate.",
        "Ask the sending office to delete those sheets; check this file only with lkjip-xl validate.",
    ),
)


@rule
def file_contents(document: Document) -> list[Finding]:
    inventory = document.inventory
    findings: list[Finding] = []
    if inventory.macros:
        findings.append(MACROS.at(None, table=None, parts=_names(inventory.macros)))
    if inventory.external_links:
        findings.append(EXTERNAL_LINKS.at(None, table=None, targets=_names(inventory.external_links)))
    if inventory.embedded_objects:
        findings.append(EMBEDDED_OBJECTS.at(None, table=None, parts=_names(inventory.embedded_objects)))
    if inventory.connections:
        findings.append(CONNECTIONS.at(None, table=None, names=_names(inventory.connections)))
    if inventory.manual_calculation:
        findings.append(MANUAL_CALCULATION.at(None, table=None))
    if inventory.steering_sheets:
        findings.append(STEERING_SHEETS.at(None, table=None, sheets=_names(inventory.steering_sheets)))
    return findings


@rule
def sheet_states(document: Document) -> list[Finding]:
    inventory = document.inventory
    findings: list[Finding] = []
    copies = {sheet: (table, reading.sheet) for table, reading in document.readings.items() for sheet in reading.copies}
    for sheet, state in inventory.hidden_sheets.items():
        check = VERY_HIDDEN_SHEET if state == "veryHidden" else HIDDEN_SHEET
        # A hidden copy of a checked table is said here, once (S004 names only the visible copies).
        copy = HIDDEN_COPY.with_params(table=copies[sheet][0], sheet=copies[sheet][1]) if sheet in copies else ""
        findings.append(check.at(None, table=None, sheet=sheet, copy=copy))
    # The template protects its own sheets (also when an office copies them into another workbook).
    protected = [sheet for sheet in inventory.protected_sheets if sheet not in _template_sheets()]
    if protected:
        findings.append(PROTECTED_SHEETS.at(None, table=None, sheets=_names(protected)))
    tables = {table.sheet for table in L.TABLES}
    for sheet, oversize in inventory.oversized_sheets.items():
        # Only an unread sheet that could hold a table leaves the check incomplete.
        severity = Severity.WARNING if document.layout == "template" and sheet not in tables else None
        if oversize.measure == "bytes":
            size = SIZE_TEXTS["bytes"].with_params(value=Num(round(oversize.value / 2**20, 1)), limit=Num(oversize.limit // 2**20))
        else:
            size = SIZE_TEXTS[oversize.measure].with_params(limit=Num(oversize.limit))
        findings.append(SHEET_TOO_LARGE.at(None, table=None, sheet=sheet, size=size, severity=severity))
    return findings
