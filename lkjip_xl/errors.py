"""Why a workbook could not be checked: a stable reason code and a message that tells the officer what to do."""

from __future__ import annotations

from typing import Any

from .i18n import Lang, Text


class InputRejected(Exception):
    """The file cannot be checked. ``reason`` is stable (it appears in JSON); the text says what to do."""

    def __init__(self, reason: str, text: Text, **params: Any) -> None:
        self.reason = reason
        self.text = text
        self.params = params
        super().__init__(f"{reason}: {text('en', **params)}")

    def message(self, lang: Lang = "id") -> str:
        return self.text(lang, **self.params)


def rejection_report(file: str, reason: str, message: str) -> dict[str, Any]:
    """The JSON report of a file that could not be checked: ``validate --format json`` and ``batch --json-dir``."""
    return {"file": file, "valid": False, "error": {"reason": reason, "message": message}, "counts": None, "findings": []}


NOT_FOUND = Text("berkas tidak ditemukan", "file not found")
UNREADABLE = Text("berkas tidak dapat dibaca: {detail}", "file cannot be read: {detail}")
CORRUPT = Text(
    "berkas rusak atau bukan buku kerja Excel yang utuh ({detail}): simpan ulang dari Excel sebagai .xlsx",
    "the file is damaged or not a complete Excel workbook ({detail}): save it again from Excel as .xlsx",
)

# -- the pre-flight (load/preflight.py): what kind of file this is, and whether it is safe to open -----

NOT_A_FILE = Text(
    "bukan berkas biasa (folder, perangkat atau pipa): sebutkan berkas .xlsx",
    "not a regular file (a folder, device or pipe): name an .xlsx file",
)
EMPTY = Text(
    "berkas kosong (0 bita), kemungkinan unggahan atau lampirannya gagal: minta kiriman ulang berkas .xlsx",
    "the file is empty (0 bytes), probably a failed upload or attachment: ask for the .xlsx file again",
)
TOO_LARGE = Text(
    "berkas terlalu besar ({size} MB, batas {limit} MB): hapus gambar, lampiran atau sheet yang tidak perlu, "
    "simpan ulang, lalu kirim lagi",
    "the file is too large ({size} MB, limit {limit} MB): remove pictures, attachments or sheets that are not "
    "needed, save it again and send it again",
)
PART_TOO_LARGE = Text(
    "bagian {part} di dalam berkas terlalu besar ({size} MB, batas {limit} MB): hapus data yang tidak perlu, "
    "simpan ulang, lalu kirim lagi",
    "the part {part} inside the file is too large ({size} MB, limit {limit} MB): remove data that is not "
    "needed, save it again and send it again",
)
TRUNCATED = Text(
    "berkas terpotong (tidak lengkap), biasanya karena unduhan atau salinan yang terputus: ambil ulang berkas "
    "dari pengirimnya, lalu periksa lagi",
    "the file is truncated (incomplete), usually an interrupted download or copy: fetch it again from the "
    "sender, then check again",
)
ENCRYPTED = Text(
    "berkas dilindungi kata sandi: buka di Excel, hapus kata sandinya (File > Info > Protect Workbook > "
    "Encrypt with Password, kosongkan), simpan ulang tanpa kata sandi, lalu kirim lagi",
    "the file is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook > "
    "Encrypt with Password, clear it), save it again without a password and send it again",
)
ENCRYPTED_XLS = Text(
    "berkas Excel 97-2003 (.xls) yang dilindungi kata sandi: buka di Excel, hapus kata sandinya, lalu simpan "
    "sebagai Excel Workbook (.xlsx) tanpa kata sandi",
    "a password-protected Excel 97-2003 file (.xls): open it in Excel, remove the password, then save it as "
    "an Excel Workbook (.xlsx) without a password",
)
LEGACY_XLS = Text(
    "berkas berformat lama Excel 97-2003 (.xls): buka di Excel, pilih File > Save As > Excel Workbook (.xlsx), "
    "lalu kirim berkas .xlsx itu",
    "the file is in the old Excel 97-2003 format (.xls): open it in Excel, choose File > Save As > Excel "
    "Workbook (.xlsx), and send that .xlsx file",
)
XLSB = Text(
    "berkas berformat Excel Binary Workbook (.xlsb): buka di Excel, simpan sebagai Excel Workbook (.xlsx), "
    "lalu kirim berkas .xlsx itu",
    "the file is an Excel Binary Workbook (.xlsb): open it in Excel, save it as an Excel Workbook (.xlsx), "
    "and send that .xlsx file",
)
ODS = Text(
    "berkas berformat OpenDocument (.ods, dari LibreOffice atau WPS): simpan sebagai Excel 2007-365 (.xlsx), "
    "lalu kirim berkas .xlsx itu",
    "the file is an OpenDocument spreadsheet (.ods, from LibreOffice or WPS): save it as Excel 2007-365 "
    "(.xlsx) and send that .xlsx file",
)
CSV = Text(
    "berkas ini teks CSV yang hanya diberi nama Excel: buka di Excel, periksa kolomnya, lalu simpan sebagai "
    "Excel Workbook (.xlsx)",
    "the file is CSV text that merely has an Excel name: open it in Excel, check its columns, then save it as "
    "an Excel Workbook (.xlsx)",
)
HTML = Text(
    "berkas ini halaman web (HTML) yang hanya diberi nama Excel, biasanya hasil ekspor sebuah aplikasi: buka di "
    "Excel, lalu simpan sebagai Excel Workbook (.xlsx)",
    "the file is a web page (HTML) that merely has an Excel name, usually an export from an application: open "
    "it in Excel, then save it as an Excel Workbook (.xlsx)",
)
XML_SPREADSHEET = Text(
    "berkas ini XML Spreadsheet 2003, bukan buku kerja .xlsx: buka di Excel, lalu simpan sebagai Excel "
    "Workbook (.xlsx)",
    "the file is an XML Spreadsheet 2003, not an .xlsx workbook: open it in Excel, then save it as an Excel "
    "Workbook (.xlsx)",
)
NOT_WORKBOOK = Text(
    "berkas ini bukan buku kerja Excel ({kind}): kirim laporan LKjIP dalam bentuk .xlsx",
    "the file is not an Excel workbook ({kind}): send the LKjIP report as .xlsx",
)
ZIP_BOMB = Text(
    "berkas ditolak demi keamanan: bagian {part} mengembang dari {packed} KB menjadi {size} MB, jauh melebihi "
    "buku kerja biasa. Simpan ulang dari Excel; bila berkas memang dari Excel, laporkan ke pengelola lkjip-xl",
    "the file is refused for safety: the part {part} expands from {packed} KB to {size} MB, far beyond any "
    "ordinary workbook. Save it again from Excel; if it does come from Excel, report it to the lkjip-xl team",
)
ZIP_BOMB_TOTAL = Text(
    "berkas ditolak demi keamanan: isinya mengembang menjadi {size} MB (batas {limit} MB). Simpan ulang dari "
    "Excel; bila berkas memang dari Excel, laporkan ke pengelola lkjip-xl",
    "the file is refused for safety: its content expands to {size} MB (limit {limit} MB). Save it again from "
    "Excel; if it does come from Excel, report it to the lkjip-xl team",
)
TOO_MANY_PARTS = Text(
    "berkas ditolak demi keamanan: memuat {count} bagian (batas {limit}), padahal buku kerja biasa memuat "
    "puluhan. Simpan ulang dari Excel",
    "the file is refused for safety: it holds {count} parts (limit {limit}) where an ordinary workbook holds "
    "dozens. Save it again from Excel",
)
UNSAFE_NAME = Text(
    "berkas ditolak demi keamanan: nama bagian \"{part}\" tidak sah ({why}), hal yang tidak pernah ditulis "
    "Excel. Simpan ulang dari Excel",
    "the file is refused for safety: the part name \"{part}\" is not valid ({why}), which Excel never writes. "
    "Save it again from Excel",
)
DOCTYPE = Text(
    "berkas ditolak demi keamanan: bagian {part} memuat deklarasi DOCTYPE, yang tidak pernah ditulis Excel. "
    "Simpan ulang dari Excel",
    "the file is refused for safety: the part {part} holds a DOCTYPE declaration, which Excel never writes. "
    "Save it again from Excel",
)

# -- reports as documents (document/preflight.py) ------------------------------------------------------

SCANNED_PDF = Text(
    "PDF ini hasil pindai (gambar tanpa lapisan teks): angkanya tidak dapat dibaca. Kirim berkas Word "
    "laporannya (.docx), atau PDF yang disimpan langsung dari Word (File > Save As > PDF)",
    "this PDF is a scan (pictures without a text layer): its figures cannot be read. Send the report's Word "
    "file (.docx), or a PDF saved directly from Word (File > Save As > PDF)",
)
LEGACY_DOC = Text(
    "berkas berformat lama Word 97-2003 (.doc): buka di Word, pilih File > Save As > Word Document (.docx), "
    "lalu kirim berkas .docx itu (atau PDF yang disimpan dari Word)",
    "the file is in the old Word 97-2003 format (.doc): open it in Word, choose File > Save As > Word "
    "Document (.docx), and send that .docx file (or a PDF saved from Word)",
)
ENCRYPTED_DOCUMENT = Text(
    "dokumen dilindungi kata sandi: simpan ulang tanpa kata sandi (atau kirim berkas Word-nya), lalu kirim lagi",
    "the document is password-protected: save it again without a password (or send its Word file) and send it again",
)
CORRUPT_DOCUMENT = Text(
    "dokumen rusak atau tidak utuh ({detail}): simpan ulang dari Word sebagai .docx atau PDF, lalu kirim lagi",
    "the document is damaged or incomplete ({detail}): save it again from Word as .docx or PDF and send it again",
)
TOO_MANY_PAGES = Text(
    "dokumen terlalu panjang ({pages} halaman, batas {limit}): kirim bagian laporan yang memuat tabelnya (Bab III)",
    "the document is too long ({pages} pages, limit {limit}): send the part of the report that holds its tables (Bab III)",
)
