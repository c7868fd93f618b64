"""S: the workbook as a whole: tables that are missing, settings that cannot be used."""

from __future__ import annotations

from ..findings import Check, Finding, Severity
from ..i18n import Text
from ..freeform.reading import ABOVE_PROGRAM, ACCOUNT_LINE, SUBTOTAL, TOP_TOTAL
from ..model import BudgetRow, BudgetTable, Document
from ..structure import sums_hold
from . import rule

# Tabel 3.7 is optional: many offices fold it into the text.
EXPECTED_TABLES = ("3.2", "3.3", "3.5", "3.8")

TABLE_MISSING = Check(
    "S001",
    "tabel-tidak-ada",
    Severity.WARNING,
    Text("Tabel tidak ditemukan", "Table not found"),
    Text("Tidak ditemukan atau kosong: Tabel {table_name}; tidak diperiksa.", "Not found or empty: Table {table_name}; not checked."),
    Text(
        "LKjIP memuat Tabel 3.2, 3.3, 3.5 dan 3.8. Tabel yang tidak ada tidak dapat diperiksa, begitu pula "
        "pencocokan angkanya dengan tabel lain. Disebut sekali untuk semua tabel itu: peringatan bila sheet "
        "tabelnya di templat kosong, info untuk lembar bebas (buku kerja yang memang hanya berisi sebagian tabel, "
        "mis. ekspor SIPD).",
        "An LKjIP holds Tables 3.2, 3.3, 3.5 and 3.8. A missing table cannot be checked, nor can its figures be "
        "matched against other tables. Said once for all of them: a warning when the template's sheets for them "
        "are empty, info for free-form sheets (a workbook that only holds some tables, e.g. a SIPD export).",
    ),
    Text("Isi sheet tabel tersebut di templat.", "Fill in that table's sheet in the template."),
)

STRUCTURE_GUESSED = Check(
    "S002",
    "struktur-ditebak",
    Severity.INFO,
    Text("Struktur program/kegiatan ditebak", "Program/activity structure guessed"),
    Text(
        "Tabel {table_name} tidak punya kode maupun kolom level: level {count} baris (program, kegiatan, sub "
        "kegiatan) ditebak dari teksnya (awalan PROGRAM, huruf kapital, cetak tebal, penomoran). {confirmed} dari "
        "{parents} baris induk sama dengan jumlah baris di bawahnya.{unconfirmed}",
        "Table {table_name} has neither codes nor a level column: the level of {count} rows (program, activity, "
        "sub-activity) was guessed from their text (PROGRAM prefix, upper case, bold, numbering). {confirmed} of "
        "{parents} parent rows equal the sum of the rows below them.{unconfirmed}",
    ),
    Text(
        "Tanpa kode, lkjip-xl menebak baris mana menjumlahkan baris mana, lalu memastikannya dengan angka: induk "
        "yang sama dengan jumlah baris di bawahnya mengonfirmasi tebakan. Di mana angka tidak cocok, tanda pada "
        "teks yang dipakai; jika tebakannya salah, temuan jumlah (B101, B102) di baris itu ikut salah. Info bila setiap "
        "induk cocok; peringatan, dengan daftar barisnya, bila ada yang tidak.",
        "Without codes, lkjip-xl guesses which rows add up into which, then checks the guess against the "
        "figures: a parent that equals the rows below it confirms it. Where the figures disagree the text signals "
        "are kept; if the guess is wrong, the sum findings (B101, B102) on that row are wrong too. Info when every "
        "parent adds up; a warning listing the rows when some do not.",
    ),
    Text(
        "Periksa level baris yang disebut. Agar tidak perlu menebak: tambahkan kolom Kode (kode Kepmendagri "
        "050-5889/2021), atau pindahkan tabel ke templat dengan lkjip-xl import.",
        "Check the level of the rows named. To remove the guess: add a Kode column (Kepmendagri 050-5889/2021 "
        "codes), or move the table into the template with lkjip-xl import.",
    ),
)

UNCONFIRMED = Text(" Tidak sama: baris {rows}; periksa levelnya.", " Not equal: rows {rows}; check their level.")

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


NOT_UNDERSTOOD = Check(
    "S004",
    "tidak-dikenali",
    Severity.INFO,
    Text("Bagian tabel tidak dikenali", "Part of a table not understood"),
    Text("Tabel {table_name}: {parts}: tidak diperiksa.", "Table {table_name}: {parts}: not checked."),
    Text(
        "lkjip-xl memeriksa hanya kolom yang artinya pasti dari judul dan letaknya, dan hanya baris yang "
        "tingkatnya pasti. Kolom yang judulnya tidak dikenali dan baris di luar program / kegiatan / sub "
        "kegiatan (urusan, perangkat daerah, rincian per rekening) tidak diperiksa; bukan kesalahan. "
        "lkjip-xl validate --explain menunjukkan bagaimana setiap tabel dibaca.",
        "lkjip-xl checks only columns whose meaning is certain from their header and position, and only rows "
        "whose level is certain. Columns with a header it does not know and rows outside program / activity / "
        "sub-activity (urusan, office, lines per account) are not checked; this is not an error. "
        "lkjip-xl validate --explain shows how each table was read.",
    ),
    Text(
        "Tidak perlu tindakan. Agar semuanya diperiksa, pindahkan tabel ke templat (lkjip-xl import).",
        "No action needed. To have everything checked, move the table into the template (lkjip-xl import).",
    ),
)

UNREAD_COLUMNS = Text("kolom {columns} tidak dikenali", "columns {columns} not recognised")
COPIES = Text(
    "salinannya di sheet {sheets} (sama isinya, tidak dilaporkan dua kali)",
    "its copies on sheets {sheets} (same content, not reported twice)",
)
OTHER_BLOCKS = Text("tabel serupa lain di {cells}", "other similar tables at {cells}")
ROLE_NAMES = {
    SUBTOTAL: Text("subtotal (\"Jumlah Program ...\", \"Sub Total\")", "subtotal (\"Jumlah Program ...\", \"Sub Total\")"),
    TOP_TOTAL: Text("JUMLAH di atas tabel (yang di bawah diperiksa)", "JUMLAH above the table (the one below is checked)"),
    ACCOUNT_LINE: Text(
        "rincian per rekening (akun) yang kodenya tidak menunjukkan sub kegiatannya",
        "per-account line (rekening) whose code does not show its sub-activity",
    ),
    ABOVE_PROGRAM: Text("urusan / perangkat daerah (di atas program)", "urusan / office (above the programs)"),
}
LEFT_OUT_ROWS = Text("{count} baris {role} ({rows})", "{count} {role} rows ({rows})")


@rule
def not_understood(document: Document) -> list[Finding]:
    """One info per free-form table naming what its reading could not map (freeform/reading.py)."""
    findings = []
    for table, reading in document.readings.items():
        parts = []
        unread = reading.unread
        if unread:
            columns = ", ".join(f"{column.letter} ({column.header})" for column in unread[:8])
            if len(unread) > 8:
                columns += f", … ({len(unread)})"
            parts.append(UNREAD_COLUMNS.with_params(columns=columns))
        for role, rows in reading.left_out.items():
            shown = ", ".join(str(row) for row in rows[:6]) + (", …" if len(rows) > 6 else "")
            parts.append(LEFT_OUT_ROWS.with_params(count=len(rows), role=ROLE_NAMES.get(role, role), rows=shown))
        visible = [sheet for sheet in reading.copies if sheet not in document.inventory.hidden_sheets]
        if visible:  # a hidden copy is said with its sheet (F005), once
            parts.append(COPIES.with_params(sheets=", ".join(visible)))
        if reading.others:
            parts.append(OTHER_BLOCKS.with_params(cells=", ".join(reading.others[:6])))
        if parts:
            findings.append(NOT_UNDERSTOOD.at(reading.ref, table=table, table_name=table, parts=_joined(parts)))
    return findings


def _joined(parts: list) -> object:
    """Texts joined with "; " in either language."""
    if len(parts) == 1:
        return parts[0]
    return JOINED.with_params(first=parts[0], rest=_joined(parts[1:]))


JOINED = Text("{first}; {rest}", "{first}; {rest}")


@rule
def missing_tables(document: Document) -> list[Finding]:
    """One finding for every table not there: what cannot be checked is said once. An empty sheet of the
    template is worth a warning; free-form sheets often hold only some tables on purpose (a SIPD export)."""
    missing = [table for table in EXPECTED_TABLES if table in document.missing]
    if not missing:
        return []
    severity = None if document.layout == "template" else Severity.INFO
    return [TABLE_MISSING.at(None, table=None, severity=severity, table_name=", ".join(missing))]


def _guessed(table: BudgetTable) -> Finding:
    rows = [row for row in table.rows if row.level is not None and row.level_source != "code"]
    parents: list[BudgetRow] = [row for row in table.rows if row.children]
    if table.total is not None and table.total.children:
        parents.append(table.total)
    results = [(row, sums_hold(row)) for row in parents]
    unconfirmed = [row for row, holds in results if holds is False]
    shown = ", ".join(str(row.label.ref.row if row.label.ref else row.row) for row in unconfirmed[:8])
    if len(unconfirmed) > 8:
        shown += f", … ({len(unconfirmed)})"
    first = next((row.label.ref for row in table.rows if row.label.ref is not None), None)
    return STRUCTURE_GUESSED.at(
        first,
        table=table.table,
        severity=Severity.WARNING if unconfirmed else None,
        table_name=table.table,
        count=len(rows),
        confirmed=sum(1 for _, holds in results if holds is True),
        parents=len(parents),
        unconfirmed=UNCONFIRMED.with_params(rows=shown) if unconfirmed else "",
    )


@rule
def guessed_structure(document: Document) -> list[Finding]:
    return [_guessed(table) for table in document.budget.values() if table.structure == "guessed"]
