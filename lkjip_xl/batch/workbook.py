"""The consolidated report of a batch: one new workbook, written here and nowhere else (openpyxl).

Sheets:
- "Ringkasan": one row per file (office, year, status, counts by severity, main problems, why a file
  could not be checked), linking to the file itself, to its rows in "Temuan" and to its JSON report;
- "Temuan": every finding of every file, one row each, with a filter on every column (office, table,
  code, severity...);
- "Kode": per check, how many files and findings.

Whatever comes from a submitted workbook (office names, row labels, messages quoting cells) is written as
text, never as a formula: a value starting with ``=`` stays the characters it is.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from ..findings import CATALOGUE, Severity
from ..i18n import Lang, Text
from ..outfile import replacing
from ..report.safe import cell_text
from ..report.summary import (
    CELL, CHECKED, CODE, EXPECTED, FILE, FINDINGS_TITLE, MESSAGE, NUMBER, OFFICE, REPORTED, ROW, SEVERITY, TABLE, YEAR,
)
from .outcome import FAILED, PASSED, STATUS_LABELS, STATUS_ORDER, UNCHECKED, Outcome, main_problems, ordered

SUMMARY_SHEET = Text("Ringkasan", "Summary")
FINDINGS = FINDINGS_TITLE  # the sheet, and the count column in "Kode"
CODES_SHEET = Text("Kode", "Codes")
TITLE = Text("Hasil Pemeriksaan LKjIP: {count} berkas", "LKjIP Check Results: {count} files")
STATUS = Text("Status", "Status")
MAIN_PROBLEMS = Text("Masalah utama", "Main problems")
REASON = Text("Alasan tidak dapat diperiksa", "Why it could not be checked")
DETAILS = Text("Rincian", "Details")
SEE_FINDINGS = Text("lihat {count} temuan", "see {count} findings")
JSON_REPORT = Text("Laporan JSON", "JSON report")
SHEET = Text("Sheet", "Sheet")
TITLE_COLUMN = Text("Judul", "Title")
FILES = Text("Berkas", "Files")
TRUNCATED = Text(
    "{count} temuan lagi tidak muat dalam satu sheet: lihat laporan JSON per berkas (--json-dir).",
    "{count} more findings do not fit in one sheet: see the per-file JSON reports (--json-dir).",
)

MAX_ROWS = 1_048_576  # Excel's limit per sheet

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
LINK_FONT = Font(color="0563C1", underline="single")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
STATUS_FILLS = {
    PASSED: PatternFill("solid", fgColor="E2EFDA"),
    FAILED: PatternFill("solid", fgColor="FFC7CE"),
    UNCHECKED: PatternFill("solid", fgColor="FFEB9C"),
}
WRAP = Alignment(wrap_text=True, vertical="top")
UNIT_FORMATS = {"rupiah": "#,##0", "percent": "0.00", "value": "General"}


class _Sheet:
    """A write-only sheet that turns Python values into cells: text stays text, numbers get formats."""

    def __init__(self, workbook: Workbook, title: str, widths: list[float]) -> None:
        self.sheet = workbook.create_sheet(title)
        self.rows = 0
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: Any, *, font=None, fill=None, number_format=None, link: Hyperlink | str | None = None,
             wrap: bool = False) -> Cell:
        if isinstance(value, str):
            text = cell_text(ILLEGAL_CHARACTERS_RE.sub("", value))
            cell = WriteOnlyCell(self.sheet, value=text)
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
        else:
            cell = WriteOnlyCell(self.sheet, value=value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format
        if wrap:
            cell.alignment = WRAP
        if link is not None:
            cell.hyperlink = link
            cell.font = LINK_FONT
        return cell

    def append(self, cells: list[Any]) -> int:
        self.sheet.append([item if isinstance(item, Cell) or item is None else self.cell(item) for item in cells])
        self.rows += 1
        return self.rows

    def header(self, labels: list[str]) -> int:
        return self.append([self.cell(label, font=BOLD, fill=HEADER_FILL) for label in labels])

    def table(self, first: int, columns: int) -> None:
        """A filter over the table whose header is row ``first``, and the header kept in view."""
        self.sheet.auto_filter.ref = f"A{first}:{get_column_letter(columns)}{max(self.rows, first)}"
        self.sheet.freeze_panes = f"A{first + 1}"


def _file_link(path: str | None, folder: Path) -> str | None:
    if not path:
        return None
    try:
        relative = os.path.relpath(path, folder)
    except ValueError:  # another drive
        relative = path
    return quote(PurePath(relative).as_posix())


def write_report(
    path: Path,
    outcomes: list[Outcome],
    lang: Lang = "id",
    json_files: dict[str, Path] | None = None,
    when: dt.datetime | None = None,
) -> Path:
    """The consolidated report of ``outcomes`` at ``path`` (written to a temporary file, then renamed)."""
    from ..checks import load_all

    load_all()  # the catalogue gives the checks' titles
    outcomes = ordered(outcomes)
    folder = path.resolve().parent
    json_files = json_files or {}
    workbook = Workbook(write_only=True)

    # Where each file's findings start in "Temuan" (header on row 1), for the links from "Ringkasan".
    first_rows: dict[str, int] = {}
    row = 2
    for outcome in outcomes:
        if outcome.findings:
            first_rows[outcome.name] = row
            row += len(outcome.findings)

    summary = _Sheet(workbook, SUMMARY_SHEET(lang), [5, 45, 34, 7, 22, 11, 11, 8, 60, 50, 18, 24])
    findings_title = FINDINGS(lang)
    # Above the table, in the wide column B: what was checked, when, and the totals per status.
    summary.append([None, summary.cell(TITLE(lang, count=len(outcomes)), font=TITLE_FONT)])
    summary.append([None, CHECKED(lang), (when or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")])
    tally = Counter(outcome.status for outcome in outcomes)
    for status in STATUS_ORDER:
        summary.append([None, summary.cell(STATUS_LABELS[status](lang), fill=STATUS_FILLS[status]), tally[status]])
    summary.append([])
    headers = [
        NUMBER(lang), FILE(lang), OFFICE(lang), YEAR(lang), STATUS(lang),
        Severity.ERROR.label(lang), Severity.WARNING.label(lang), Severity.INFO.label(lang),
        MAIN_PROBLEMS(lang), REASON(lang), DETAILS(lang), JSON_REPORT(lang),
    ]
    header_row = summary.header(headers)
    for number, outcome in enumerate(outcomes, start=1):
        counts = outcome.counts
        error = outcome.error
        details = None
        if outcome.name in first_rows:
            location = f"'{findings_title}'!A{first_rows[outcome.name]}"
            details = summary.cell(
                SEE_FINDINGS(lang, count=len(outcome.findings)), link=Hyperlink(ref="", location=location)
            )
        json_path = json_files.get(outcome.name)
        summary.append([
            number,
            summary.cell(outcome.name, link=_file_link(outcome.local_file, folder)),
            outcome.office or "",
            outcome.year,
            summary.cell(STATUS_LABELS[outcome.status](lang), fill=STATUS_FILLS[outcome.status]),
            None if error else counts["error"],
            None if error else counts["warning"],
            None if error else counts["info"],
            summary.cell(main_problems(outcome, lang), wrap=True),
            summary.cell(error["message"], wrap=True) if error else "",
            details,
            summary.cell(json_path.name, link=_file_link(str(json_path), folder)) if json_path else None,
        ])
    summary.table(header_row, len(headers))

    _write_findings(workbook, findings_title, outcomes, lang)
    _write_codes(workbook, outcomes, lang)

    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, ".xlsx") as temporary:
        workbook.save(temporary)
    return path


def _write_findings(workbook: Workbook, title: str, outcomes: list[Outcome], lang: Lang) -> None:
    sheet = _Sheet(workbook, title, [40, 30, 7, 7, 7, 12, 12, 8, 40, 18, 18, 100])
    headers = [
        text(lang)
        for text in (FILE, OFFICE, YEAR, TABLE, CODE, SEVERITY, SHEET, CELL, ROW, REPORTED, EXPECTED, MESSAGE)
    ]
    sheet.header(headers)
    severity_labels = {severity.value: severity.label(lang) for severity in Severity}
    left = sum(len(outcome.findings) for outcome in outcomes)
    for outcome in outcomes:
        for finding in outcome.findings:
            if sheet.rows >= MAX_ROWS - 1:
                sheet.append([TRUNCATED(lang, count=left)])
                sheet.table(1, len(headers))
                return
            left -= 1
            number_format = UNIT_FORMATS.get(finding.get("unit") or "value")
            sheet.append([
                outcome.name,
                outcome.office or "",
                outcome.year,
                finding.get("table") or "",
                finding["code"],
                severity_labels.get(finding["severity"], finding["severity"]),
                finding.get("sheet") or "",
                finding.get("cell") or "",
                finding.get("row_label") or "",
                sheet.cell(finding.get("reported"), number_format=number_format),
                sheet.cell(finding.get("expected"), number_format=number_format),
                finding.get("message") or "",
            ])
    sheet.table(1, len(headers))


def _write_codes(workbook: Workbook, outcomes: list[Outcome], lang: Lang) -> None:
    sheet = _Sheet(workbook, CODES_SHEET(lang), [8, 12, 70, 10, 10])
    files: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    severity_of: dict[str, str] = {}
    for outcome in outcomes:
        codes = [finding["code"] for finding in outcome.findings]
        findings.update(codes)
        files.update(set(codes))
        for finding in outcome.findings:
            severity_of.setdefault(finding["code"], finding["severity"])
    headers = [CODE(lang), SEVERITY(lang), TITLE_COLUMN(lang), FILES(lang), FINDINGS(lang)]
    sheet.header(headers)
    for code in sorted(files, key=lambda code: (-files[code], code)):
        check = CATALOGUE.get(code)
        severity = check.severity if check else Severity(severity_of[code])
        sheet.append([code, severity.label(lang), check.title(lang) if check else "", files[code], findings[code]])
    sheet.table(1, len(headers))
