"""Whether a file is a document (PDF, Word) and whether it can be read, before any parser sees it.

The kind comes from the first bytes, as for workbooks: "%PDF", an OLE2 file with a WordDocument stream
(Word 97-2003), or a zip whose main part is word/document.xml. A .docx zip passes the workbook pre-flight's
bounds (load/preflight.py: member count, sizes, ratios, names, no DOCTYPE) before python-docx opens it.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from .. import errors as E
from ..errors import InputRejected
from ..i18n import Num
from ..load.preflight import LIMITS, OLE2_MAGIC, ZIP_MAGICS, bounded_zip

# An LKjIP is 30 to 150 pages; a document far beyond that is not a report to check in one go.
MAX_PAGES = 600


def document_kind(path: Path) -> str | None:
    """"pdf", "docx" or "doc" for a document; None for anything else (the workbook pre-flight names it)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(b"%PDF"):
                return "pdf"
            if head.startswith(OLE2_MAGIC):
                return "doc" if _is_word_97(path) else None
            if head.startswith(ZIP_MAGICS):
                with zipfile.ZipFile(handle) as archive:
                    return "docx" if "word/document.xml" in archive.namelist() else None
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return None


def _is_word_97(path: Path) -> bool:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return ole.exists("WordDocument")
    except Exception:  # noqa: BLE001 - a broken container is the workbook pre-flight's to name
        return False


def check_docx(path: Path) -> None:
    """The .docx zip within the workbook bounds; an InputRejected otherwise."""
    size = path.stat().st_size
    if size > LIMITS.file_bytes:
        raise InputRejected("too_large", E.TOO_LARGE, size=Num(round(size / (1 << 20), 1)), limit=Num(LIMITS.file_bytes >> 20))
    with path.open("rb") as handle:
        with bounded_zip(handle, size):
            pass


def open_pdf(path: Path):
    """pdfplumber's PDF, refused when encrypted, damaged, too long or without any text (a scan)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(str(path))
        pages = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputRejected("encrypted", E.ENCRYPTED_DOCUMENT) from None
    except Exception as error:  # noqa: BLE001 - a damaged file ends in a message, never a traceback
        raise InputRejected("corrupt", E.CORRUPT_DOCUMENT, detail=type(error).__name__) from None
    if len(pages) > MAX_PAGES:
        pdf.close()
        raise InputRejected("too_many_pages", E.TOO_MANY_PAGES, pages=Num(len(pages)), limit=Num(MAX_PAGES))
    return pdf


def refuse_scanned(has_text: bool) -> None:
    if not has_text:
        raise InputRejected("scanned_pdf", E.SCANNED_PDF)


def refuse_doc() -> None:
    raise InputRejected("legacy_doc", E.LEGACY_DOC)
