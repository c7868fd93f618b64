"""F: what of a report document (PDF, Word) could not be checked. Emitted by document/check.py, not by a rule:
they are about the document's reading, which the Document model does not carry."""

from __future__ import annotations

from ..findings import Check, Severity
from ..i18n import Text

TABLE_UNREAD = Check(
    "F020",
    "tabel-dokumen-tidak-terbaca",
    Severity.INFO,
    Text("Tabel dokumen tidak diperiksa", "A document table was not checked"),
    Text(
        "{caption} (hlm. {page}) tidak diperiksa: tabel tanpa garis, kolomnya tidak dapat dibaca dengan pasti.",
        "{caption} (p. {page}) was not checked: a table without ruling lines, its columns cannot be read with certainty.",
    ),
    Text(
        "lkjip-xl membaca tabel PDF dari garis-garis tabelnya. Tabel yang angkanya hanya dirapikan dengan spasi "
        "atau tab tidak dibaca: menebak kolomnya dapat menempatkan angka di kolom yang salah.",
        "lkjip-xl reads a PDF's tables from their ruling lines. A table whose figures are only lined up with "
        "spaces or tabs is not read: guessing its columns could put a figure in the wrong column.",
    ),
    Text(
        "Periksa tabel ini sendiri, atau kirim berkas Word laporannya (.docx), yang tabelnya dapat dibaca utuh.",
        "Check this table by hand, or send the report's Word file (.docx), whose tables can be read whole.",
    ),
)

PAGES_UNREAD = Check(
    "F021",
    "halaman-tidak-terbaca",
    Severity.INFO,
    Text("Halaman dokumen tidak dibaca", "Document pages not read"),
    Text(
        "Halaman {page} dan seterusnya tidak dibaca: batas waktu membaca dokumen ({seconds} detik) terlampaui.",
        "Page {page} onwards was not read: the time limit for reading a document ({seconds} seconds) was reached.",
    ),
    Text(
        "Pembacaan PDF dibatasi waktunya agar satu berkas tidak menahan pemeriksaan yang lain.",
        "Reading a PDF is bounded in time so that one file cannot hold up the others.",
    ),
    Text(
        "Kirim bagian laporan yang memuat tabelnya (Bab III), atau berkas Word-nya.",
        "Send the part of the report that holds its tables (Bab III), or its Word file.",
    ),
)

PAGE_DAMAGED = Check(
    "F022",
    "halaman-rusak",
    Severity.INFO,
    Text("Halaman dokumen rusak", "A damaged document page"),
    Text("Halaman {page} tidak dapat dibaca (rusak); halaman lain diperiksa.", "Page {page} cannot be read (damaged); the other pages are checked."),
    Text(
        "Bagian PDF untuk halaman ini tidak utuh, sehingga tabelnya (bila ada) tidak diperiksa.",
        "The PDF's data for this page is incomplete, so its tables (if any) are not checked.",
    ),
    Text("Simpan ulang PDF dari Word, lalu periksa lagi.", "Save the PDF again from Word, then check again."),
)

NARRATIVE_PERCENT = Check(
    "D001",
    "narasi-persen",
    Severity.ERROR,
    Text("Persentase dalam kalimat tidak cocok dengan angkanya sendiri", "A sentence's percentage does not match its own figures"),
    Text(
        "Kalimat ini menulis {reported} padahal realisasi / alokasi × 100 = {expected} (Rp {realised} / Rp {allocated}).",
        "This sentence says {reported} where realisation / allocation × 100 = {expected} (Rp {realised} / Rp {allocated}).",
    ),
    Text(
        "Kalimat yang menyebut alokasi anggaran, realisasinya dan persentasenya harus cocok dengan dirinya sendiri: "
        "persentase = realisasi / alokasi × 100, dibulatkan (atau dipotong) pada desimal yang tercetak.",
        "A sentence that quotes an allocation, its realisation and their percentage must agree with itself: "
        "percentage = realisation / allocation × 100, rounded (or truncated) at the printed decimals.",
    ),
    Text(
        "Periksa ketiga angka terhadap tabel realisasi anggaran, lalu perbaiki yang salah.",
        "Check the three figures against the budget realisation table, then correct the wrong one.",
    ),
)
