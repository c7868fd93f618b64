"""The content of the "Ringkasan Validasi" sheet, shared by the annotated copy and the Excel add-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding, Report, Severity
from ..i18n import Lang, Num, Text

TITLE = Text("Ringkasan Validasi LKjIP", "LKjIP Validation Summary")
FILE = Text("Berkas", "File")
OFFICE = Text("Perangkat daerah", "Office")
YEAR = Text("Tahun", "Year")
CHECKED = Text("Diperiksa", "Checked")
RESULT = Text("Hasil", "Result")
PASSED = Text("LULUS: tidak ada kesalahan", "PASSED: no errors")
FAILED = Text("TIDAK LULUS: {errors} kesalahan", "FAILED: {errors} errors")
TABLE = Text("Tabel", "Table")
TOTAL = Text("Jumlah", "Total")
COUNT_HEADERS = [TABLE, Severity.ERROR, Severity.WARNING, Severity.INFO]
FINDING_HEADERS = [
    Text("No", "No"),
    Text("Tingkat", "Severity"),
    Text("Kode", "Code"),
    Text("Tabel", "Table"),
    Text("Sel", "Cell"),
    Text("Baris", "Row"),
    Text("Tertulis", "Reported"),
    Text("Seharusnya", "Expected"),
    Text("Pesan", "Message"),
]
FINDINGS_TITLE = Text("Temuan", "Findings")
WORKBOOK_WIDE = Text("(buku kerja)", "(workbook)")
COLUMN_WIDTHS = [5, 12, 11, 11, 16, 40, 18, 18, 120]
COUNTS_FIRST_COLUMN = 2  # the counts table sits in B:E, where its headers fit


@dataclass
class FindingRow:
    number: int
    finding: Finding
    severity: str
    code: str
    table: str
    cell: str  # what the link shows
    sheet: str | None  # where the link goes (None: no cell)
    address: str | None
    label: str
    reported: str
    expected: str
    message: str


@dataclass
class Summary:
    title: str
    info: list[tuple[str, str]]
    count_headers: list[str]
    counts: list[list[object]]
    findings_title: str
    finding_headers: list[str]
    findings: list[FindingRow]


def _label(item: Text | Severity, lang: Lang) -> str:
    return item.label(lang) if isinstance(item, Severity) else item(lang)


def _shown(value: float | str | None, finding: Finding, lang: Lang) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    unit = finding.unit.value if finding.unit else "value"
    return Num(value, unit).render(lang)


def build_summary(report: Report, lang: Lang = "id", when: dt.datetime | None = None) -> Summary:
    counts = report.counts()
    info = [(FILE(lang), report.file)]
    if report.office:
        info.append((OFFICE(lang), report.office))
    if report.year:
        info.append((YEAR(lang), str(report.year)))
    info.append((CHECKED(lang), (when or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")))
    info.append((RESULT(lang), PASSED(lang) if report.valid else FAILED(lang, errors=counts["error"])))
    by_table = report.counts_by_table()
    # Every table checked gets its row, a clean one too: the reader sees what was checked.
    for table in report.tables:
        by_table.setdefault(table, {severity.value: 0 for severity in Severity})
    count_rows: list[list[object]] = []
    for table, table_counts in sorted(by_table.items()):
        name = f"{TABLE(lang)} {table}" if table != "-" else WORKBOOK_WIDE(lang)
        count_rows.append([name, table_counts["error"], table_counts["warning"], table_counts["info"]])
    count_rows.append([TOTAL(lang), counts["error"], counts["warning"], counts["info"]])
    rows = []
    for number, finding in enumerate(report.sorted(), start=1):
        ref = finding.ref
        rows.append(
            FindingRow(
                number=number,
                finding=finding,
                severity=finding.severity.label(lang),
                code=finding.code,
                table=finding.table or "",
                cell=f"{ref.sheet}!{ref.a1}" if ref else "",
                sheet=ref.sheet if ref else None,
                address=ref.a1 if ref else None,
                label=finding.label or "",
                reported=_shown(finding.reported, finding, lang),
                expected=_shown(finding.expected, finding, lang),
                message=finding.message(lang),
            )
        )
    return Summary(
        title=TITLE(lang),
        info=info,
        count_headers=[_label(item, lang) for item in COUNT_HEADERS],
        counts=count_rows,
        findings_title=FINDINGS_TITLE(lang),
        finding_headers=[header(lang) for header in FINDING_HEADERS],
        findings=rows,
    )
