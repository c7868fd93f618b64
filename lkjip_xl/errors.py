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
