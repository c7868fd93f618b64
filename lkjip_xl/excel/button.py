"""What one click on "Validasi" does: read the workbook, check it, write the summary sheet, mark the cells, tell.

The ribbon's VBA runs ``import lkjip_xl; lkjip_xl.main()`` in the interpreter pinned in the add-in; xlwings
hands over the workbook the click came from (``Book.caller``). Whatever goes wrong ends as an Excel alert in
Indonesian; only when even the alert cannot be shown does the message go to stderr, which the add-in's VBA shows
in a message box.
"""

from __future__ import annotations

import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputRejected
from ..findings import Report
from ..i18n import Lang, Text
from ..load.preflight import is_xlwings_steering_sheet
from ..report.summary import build_summary
from ..template.layout import SUMMARY_SHEET
from ..validate import check_snapshot
from .live import LiveBook, Unread
from .marks import MarkResult, update_marks
from .reader import read_snapshot, recognise_percent_columns
from .summary_sheet import write_summary

LANG: Lang = "id"  # finance officers read Indonesian; the add-in has no other language setting
TITLE = "LKjIP"

DONE = Text(
    "Validasi selesai: {errors} kesalahan, {warnings} peringatan, {infos} info.\n\n"
    'Sel yang perlu diperbaiki diberi warna dan catatan; daftar lengkapnya ada di sheet "{sheet}". '
    "Setelah memperbaiki, klik Validasi lagi.",
    "Validation done: {errors} errors, {warnings} warnings, {infos} info.\n\n"
    'Cells to fix are coloured and carry a note; the full list is on the sheet "{sheet}". '
    "After fixing them, click Validasi again.",
)
PASSED = Text(
    'Validasi selesai: tidak ada kesalahan ({warnings} peringatan, {infos} info). Rinciannya ada di sheet "{sheet}".',
    'Validation done: no errors ({warnings} warnings, {infos} info). The details are on the sheet "{sheet}".',
)
NOT_MARKED = Text(
    "Sel di sheet {sheets} tidak dapat ditandai karena sheet itu diproteksi. "
    'Temuannya tetap tercantum di sheet "{sheet}".',
    "Cells on the sheet(s) {sheets} could not be marked because the sheet is protected. "
    'Their findings are still listed on the sheet "{sheet}".',
)
FOREIGN_CONFIG = Text(
    "Buku kerja ini berisi sheet {sheets}. Sheet seperti itu dapat mengubah program Python yang dijalankan "
    "add-in, jadi buku kerja ini tidak diperiksa. Hapus sheet itu, simpan, lalu klik Validasi lagi.",
    "This workbook contains the sheet(s) {sheets}. Such sheets can change which Python program the add-in "
    "runs, so this workbook was not checked. Delete them, save, then click Validasi again.",
)
FAILED = Text(
    "Validasi tidak dapat diselesaikan ({detail}).\n\n"
    'Sheet "{sheet}" dan tanda sel mungkin belum lengkap. Mohon laporkan masalah ini bersama berkas log:\n{log}',
    "Validation could not be completed ({detail}).\n\n"
    'The sheet "{sheet}" and the cell marks may be incomplete. Please report this with the log file:\n{log}',
)
# The summary's line on what this Excel could not tell (xlwings' remote engine: Excel on the web, xlwings
# Server), one part per thing unread, each saying what was done instead and what went unchecked.
UNREAD_LABEL = Text("Tidak terbaca di Excel ini", "Not readable in this Excel")
UNREAD_PARTS = {
    "formulas": Text(
        "rumus (nilai yang tampil yang diperiksa; asal nilai galat yang menjalar lewat rumus tidak diperiksa: "
        "galat dilaporkan di setiap sel yang menampilkannya)",
        "formulas (the values shown were checked; where an error value spreads through formulas was not checked: "
        "it is reported at every cell showing it)",
    ),
    "number_formats": Text(
        "format angka (persen dikenali dari kolomnya: angka 0–2 di kolom capaian, persentase dan % serapan "
        "dibaca sebagai pecahan, 0,9333 = 93,33%)",
        "number formats (percentages recognised by their column: numbers of 0–2 in the capaian, persentase and "
        "% serapan columns read as fractions, 0.9333 = 93.33%)",
    ),
    "bold": Text(
        "huruf tebal (tingkat program/kegiatan tanpa kode ditebak tanpanya)",
        "bold (program/kegiatan levels without codes guessed without it)",
    ),
    "fills": Text(
        "warna sel (sel yang ditandai dianggap masih berwarna tanda; tanda yang dihapus meninggalkan sel tanpa warna)",
        "cell colours (marked cells taken to still show the mark; a removed mark leaves the cell without fill)",
    ),
    "note_texts": Text(
        "isi catatan sel (catatan tanda dianggap belum diubah)",
        "note text (the marks' notes taken as unchanged)",
    ),
    "calculation": Text(
        "nilai terbaru (perhitungan diatur Manual: nilai yang diperiksa mungkin belum dihitung ulang; klik Validasi "
        "lagi setelah Excel menghitung)",
        "current values (calculation is set to Manual: the values checked may not be recalculated; click Validasi "
        "again once Excel has calculated)",
    ),
    "notes": Text(
        "catatan sel tidak dapat ditulis (pesan tiap sel hanya ada di ringkasan ini)",
        "notes cannot be written (each cell's messages are on this summary only)",
    ),
}
NO_CALLER = Text(
    "lkjip-xl: tombol Validasi harus diklik di Excel, pada buku kerja yang ingin diperiksa ({detail}).",
    "lkjip-xl: the Validasi button must be clicked in Excel, on the workbook to check ({detail}).",
)


@dataclass
class Outcome:
    report: Report
    sheet: str  # the summary sheet
    marks: MarkResult
    unread: Unread  # what this Excel could not tell


def main(book: Any = None) -> Outcome | None:
    """The button. From Excel, the workbook is the one the click came from; tests hand one over (an xlwings
    Book, or a LiveBook)."""
    if book is None:
        import xlwings as xw

        try:
            book = xw.Book.caller()
        except Exception as error:  # noqa: BLE001 - started outside Excel: a message, not a traceback
            raise SystemExit(NO_CALLER(LANG, detail=type(error).__name__)) from None
    return press(book if isinstance(book, LiveBook) else LiveBook(book))


def press(live: LiveBook, lang: Lang = LANG) -> Outcome | None:
    """Validate the workbook and show the result; never raises (but for SystemExit when no alert can be shown)."""
    try:
        foreign = foreign_config_sheets(live.sheet_names())
        if foreign:
            live.alert(FOREIGN_CONFIG(lang, sheets=foreign), TITLE, critical=True)
            return None
        outcome = _validate(live, lang)
        live.alert(_message(outcome, lang), TITLE, critical=not outcome.report.valid)
        return outcome
    except InputRejected as rejection:  # e.g. no LKjIP table found: the officer gets the reason, no log
        live.alert(f"{live.name}: {rejection.message(lang)}", TITLE, critical=True)
        return None
    except Exception as error:  # noqa: BLE001 - the officer gets an alert, the details go to a log file
        message = FAILED(lang, detail=_describe(error), sheet=SUMMARY_SHEET, log=_log(error))
        try:
            live.alert(message, TITLE, critical=True)
        except Exception:  # noqa: BLE001 - Excel itself is gone or busy: the add-in's VBA shows stderr
            raise SystemExit(message) from None
        return None


def _validate(live: LiveBook, lang: Lang) -> Outcome:
    live.screen_updating(False)
    try:
        unread = Unread(calculation=not live.recalculate_if_manual())
        snapshot = read_snapshot(live, unread)
        if unread.number_formats:
            recognise_percent_columns(snapshot)
        report = check_snapshot(snapshot)
        marks = update_marks(live, report, lang, unread)  # before the summary, which says what it could not read
        summary = build_summary(report, lang)
        if unread:
            summary.info.append((UNREAD_LABEL(lang), unread_line(unread, lang)))
        sheet = write_summary(live, summary)
        live.activate(sheet)
        return Outcome(report, sheet, marks, unread)
    finally:
        live.screen_updating(True)


def unread_line(unread: Unread, lang: Lang) -> str:
    """One line: what the engine could not tell, what was done instead, what was not checked."""
    return "; ".join(text(lang) for what, text in UNREAD_PARTS.items() if getattr(unread, what)) + "."


def foreign_config_sheets(names: list[str]) -> list[str]:
    """Sheets that steer xlwings' add-in VBA from inside the workbook: its config sheet and embedded code."""
    return [name for name in names if is_xlwings_steering_sheet(name)]


def _message(outcome: Outcome, lang: Lang) -> str:
    counts = outcome.report.counts()
    params = {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"], "sheet": outcome.sheet}
    text = (PASSED if outcome.report.valid else DONE)(lang, **params)
    if outcome.marks.failed_sheets:
        text += "\n\n" + NOT_MARKED(lang, sheets=outcome.marks.failed_sheets, sheet=outcome.sheet)
    return text


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _log(error: Exception) -> str:
    """Write the traceback where support can ask for it; the path, or a note that it could not be written."""
    path = Path(tempfile.gettempdir()) / "lkjip-xl-excel.log"
    try:
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return "-"
    return str(path)
