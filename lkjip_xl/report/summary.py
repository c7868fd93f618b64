"""The content of the "Ringkasan Validasi" sheet, shared by the annotated copy and the Excel add-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import __version__
from ..findings import Finding, Report, Severity, member_refs, said
from ..i18n import Lang, Num, Text
from .safe import cell_text

TITLE = Text("Ringkasan Validasi LKjIP", "LKjIP Validation Summary")
FILE = Text("Berkas", "File")
OFFICE = Text("Perangkat daerah", "Office")
YEAR = Text("Tahun", "Year")
CHECKED = Text("Diperiksa", "Checked")
CHECKED_WITH = Text("Diperiksa dengan", "Checked with")  # the version: which rules checked the file
RESULT = Text("Hasil", "Result")
PASSED = Text("LULUS: tidak ada kesalahan", "PASSED: no errors")
FAILED = Text("TIDAK LULUS: {errors} kesalahan", "FAILED: {errors} errors")
TABLE = Text("Tabel", "Table")
TOTAL = Text("Jumlah", "Total")
COUNT_HEADERS = [TABLE, Severity.ERROR, Severity.WARNING, Severity.INFO]
# The columns of a finding, here and in the batch report (batch/workbook.py).
NUMBER = Text("No", "No")
SEVERITY = Text("Tingkat", "Severity")
CODE = Text("Kode", "Code")
CELL = Text("Sel", "Cell")
ROW = Text("Baris", "Row")
REPORTED = Text("Tertulis", "Reported")
EXPECTED = Text("Seharusnya", "Expected")
MESSAGE = Text("Pesan", "Message")
FINDING_HEADERS = [NUMBER, SEVERITY, CODE, TABLE, CELL, ROW, REPORTED, EXPECTED, MESSAGE]
# A report document's findings: where in the printed report (page, caption) and the printed row.
PLACE = Text("Letak", "Where")
PRINTED_ROW = Text("Baris tercetak", "Printed row")
DOCUMENT_FINDING_HEADERS = [NUMBER, SEVERITY, CODE, TABLE, PLACE, PRINTED_ROW, REPORTED, EXPECTED, MESSAGE]
FINDINGS_TITLE = Text("Temuan", "Findings")
WORKBOOK_WIDE = Text("(buku kerja)", "(workbook)")
# How each free-form table was read (freeform/reading.py, as validate --explain says it), under the findings.
READINGS_TITLE = Text("Cara tabel dibaca", "How the tables were read")
FOUND_AT = Text("Ditemukan di", "Found at")
COLUMNS_READ = Text("Kolom yang dibaca (huruf: arti)", "Columns read (letter: meaning)")
# The reading rows sit under the findings' Tabel, Sel and Pesan columns, where their widths fit.
READING_COLUMNS = (4, 5, 9)
RECONCILIATION_TITLE = Text("Rekonsiliasi dengan SIPD", "Reconciliation with SIPD")
EXPORT = Text("Ekspor SIPD", "SIPD export")
EXPORT_USED = Text("{file} ({sheet}): {office}, tahun {year}, {period}{unit}", "{file} ({sheet}): {office}, year {year}, {period}{unit}")
EXPORT_REFUSED = Text("{file} ({sheet}): tidak dipakai: {reason}", "{file} ({sheet}): not used: {reason}")
WHOLE_YEAR = Text("setahun penuh", "whole year")
UNTIL_MONTH = Text("sampai bulan {month} (\"{said}\")", "up to month {month} (\"{said}\")")
UNIT = Text(", unit \"{unit}\"", ", unit \"{unit}\"")
MATCHED = Text("Baris cocok", "Lines matched")
MATCHED_VALUE = Text(
    "{code} menurut kode, {name} menurut nama, {similar} menurut nama yang mirip (dari {lines} baris Tabel 3.8)",
    "{code} by code, {name} by name, {similar} by a similar name (of {lines} lines of Table 3.8)",
)
ONLY_REPORT = Text("Hanya di laporan", "Only in the report")
ONLY_SIPD = Text("Hanya di SIPD (beranggaran)", "Only in SIPD (with budget)")
TOTALS = Text("Jumlah anggaran / realisasi", "Total budget / spending")
TOTALS_VALUE = Text("laporan {ra} / {rr}; SIPD {sa} / {sr}", "report {ra} / {rr}; SIPD {sa} / {sr}")
JENIS_ROW = Text("Tabel 3.7 {label} ({cell}), anggaran / realisasi", "Table 3.7 {label} ({cell}), budget / spending")
JENIS_NOT_CHECKED = Text("Tabel 3.7 per jenis belanja", "Table 3.7 by type of spending")
JENIS_OLD_FORM = Text(
    "tidak dibandingkan: bentuk {form} (belanja pegawai terbagi di keduanya)",
    "not compared: the {form} form (staff spending is split over both)",
)


def reconciliation_rows(data: dict | None, lang: Lang) -> list[tuple[str, str]]:
    """The reconciliation (report.reconciliation) as label / value rows: the summary sheet's section and the text
    report's."""
    if not data:
        return []
    rows: list[tuple[str, str]] = []
    for export in data["exports"]:
        if export.get("used"):
            period = WHOLE_YEAR(lang) if export["whole_year"] else UNTIL_MONTH(lang, month=export["period_month"], said=export["period_text"] or "")
            unit = UNIT(lang, unit=export["unit"]) if export.get("unit") else ""
            value = EXPORT_USED(lang, file=export["file"], sheet=export["sheet"], office=export["office"] or "-",
                                year=export["year"] or "-", period=period, unit=unit)
        else:
            value = EXPORT_REFUSED(lang, file=export["file"], sheet=export["sheet"], reason=export["refused"])
        rows.append((EXPORT(lang), value))
    if "report_lines" not in data:
        return rows
    rows.append((MATCHED(lang), MATCHED_VALUE(lang, code=data["matched_by_code"], name=data["matched_by_name"],
                                              similar=data["matched_by_similar_name"], lines=data["report_lines"])))
    only_report = "; ".join(f"{item['cell']} {item['label']}" for item in data["only_in_report"]) or "-"
    only_sipd = "; ".join(f"{item['code']} {item['name']}" for item in data["only_in_sipd"]) or "-"
    rows.append((ONLY_REPORT(lang), f"{len(data['only_in_report'])}: {only_report}" if data["only_in_report"] else "0"))
    rows.append((ONLY_SIPD(lang), f"{len(data['only_in_sipd'])}: {only_sipd}" if data["only_in_sipd"] else "0"))
    totals = data.get("totals") or {}
    if totals:
        rows.append((TOTALS(lang), _both_sides(totals["report"], totals["sipd"], lang)))
    rows.extend(_jenis_rows(data.get("jenis_belanja") or {}, lang))
    return rows


def _both_sides(report: dict, sipd: dict, lang: Lang) -> str:
    """Anggaran / realisasi of the report and of SIPD, as rupiah ("-" where a side has none)."""
    def money(value) -> str:
        return Num(value, "rupiah").render(lang) if value is not None else "-"

    return TOTALS_VALUE(lang, ra=money(report.get("anggaran")), rr=money(report.get("realisasi")),
                        sa=money(sipd.get("anggaran")), sr=money(sipd.get("realisasi")))


def _jenis_rows(jenis: dict, lang: Lang) -> list[tuple[str, str]]:
    """Tabel 3.7's rows per jenis belanja against the export (reconcile/jenis.py), or why they were not compared."""
    rows = [(JENIS_ROW(lang, label=(item["label"] or item["jenis"]).strip(), cell=item["cell"] or "-"),
             _both_sides(item["report"], item["sipd"], lang))
            for item in jenis.get("checked", [])]
    if jenis.get("not_checked"):
        rows.append((JENIS_NOT_CHECKED(lang), JENIS_OLD_FORM(lang, form=jenis["not_checked"])))
    return rows


COLUMN_WIDTHS = [5, 12, 11, 11, 16, 40, 18, 18, 120]
COUNTS_FIRST_COLUMN = 2  # the counts table sits in B:E, where its headers fit
SEVERITY_COLORS = {"error": "FFC00000", "warning": "FFB07000", "info": "FF2F5597"}  # font colours, ARGB
LINK_COLOR = "FF0563C1"
LINK_COLUMN = 5  # "Sel": the finding's cell, a link to it


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
    readings_title: str = ""
    reading_headers: list[str] = field(default_factory=list)
    readings: list[tuple[str, str, str]] = field(default_factory=list)  # (table, where found, columns read)
    reconciliation_title: str = ""
    reconciliation: list[tuple[str, str]] = field(default_factory=list)  # (label, value): reconciliation_rows


def _label(item: Text | Severity, lang: Lang) -> str:
    return item.label(lang) if isinstance(item, Severity) else item(lang)


def _shown(value: Num | str | None, lang: Lang) -> str:
    """A figure as the finding's message prints it (Finding.shown): the two columns never disagree with it."""
    if value is None:
        return ""
    return value if isinstance(value, str) else value.render(lang)


def _cells(finding: Finding) -> str:
    """The finding's cell, or a group's first and last cells (the link goes to the first)."""
    ref = finding.ref
    if ref is None:
        return ""
    last = member_refs(finding.members)[-1] if finding.members else None
    return f"{ref.sheet}!{ref.a1} … {last.a1}" if last is not None and last != ref else f"{ref.sheet}!{ref.a1}"


def build_summary(report: Report, lang: Lang = "id", when: dt.datetime | None = None) -> Summary:
    counts = report.counts()
    info = [(FILE(lang), report.file)]
    if report.office:
        info.append((OFFICE(lang), report.office))
    if report.year:
        info.append((YEAR(lang), str(report.year)))
    info.append((CHECKED(lang), (when or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")))
    info.append((CHECKED_WITH(lang), f"lkjip-xl {__version__}"))
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
        reported, expected = finding.shown(lang)
        place = finding.place  # a document: its page and printed row instead of a cell to link to
        rows.append(
            FindingRow(
                number=number,
                finding=finding,
                severity=finding.severity.label(lang),
                code=finding.code,
                table=(place.caption or finding.table or "") if place else finding.table or "",
                cell=" ".join(part for part in (place.where(lang), place.caption) if part) if place else _cells(finding),
                sheet=ref.sheet if ref and not place else None,
                address=ref.a1 if ref and not place else None,
                label=(place.quote or said(finding.label, lang) or "") if place else said(finding.label, lang) or "",
                reported=_shown(reported, lang),
                expected=_shown(expected, lang),
                message=finding.message(lang),
            )
        )
    headers = DOCUMENT_FINDING_HEADERS if report.layout in ("pdf", "docx") else FINDING_HEADERS
    return Summary(
        title=TITLE(lang),
        info=info,
        count_headers=[_label(item, lang) for item in COUNT_HEADERS],
        counts=count_rows,
        findings_title=FINDINGS_TITLE(lang),
        finding_headers=[header(lang) for header in headers],
        findings=rows,
        readings_title=READINGS_TITLE(lang),
        reading_headers=[TABLE(lang), FOUND_AT(lang), COLUMNS_READ(lang)],
        readings=[(f"{TABLE(lang)} {table}", where, columns) for table, where, columns in (reading.summary_row(lang) for reading in report.readings)],
        reconciliation_title=RECONCILIATION_TITLE(lang),
        reconciliation=reconciliation_rows(report.reconciliation, lang),
    )


Pos = tuple[int, int]
Value = str | int | None


@dataclass
class SummaryGrid:
    """Where each part of the summary goes on the sheet (1-based rows and columns from A1).

    Every writer of the sheet (the annotated file copy, the live Excel book) lays it out from here, so the
    two look the same. ``None`` is a cell left empty; a str is text and must stay text (never become a
    formula); an int is a count.
    """

    rows: list[list[Value]]
    header_row: int = 0  # the findings table's header
    bold: set[Pos] = field(default_factory=set)
    colors: dict[Pos, str] = field(default_factory=dict)  # font colour, ARGB
    links: dict[Pos, FindingRow] = field(default_factory=dict)  # cells that link to the finding's cell

    @property
    def columns(self) -> int:
        return max(len(row) for row in self.rows)

    @property
    def last_row(self) -> int:
        return len(self.rows)



def summary_grid(summary: Summary) -> SummaryGrid:
    width = len(summary.finding_headers)
    grid = SummaryGrid(rows=[])

    def add(cells: list[Value], bold: tuple[int, ...] = (), first: int = 1) -> int:
        cells = [cell_text(cell) if isinstance(cell, str) else cell for cell in cells]  # every writer's limit
        grid.rows.append([None] * (first - 1) + cells + [None] * (width - len(cells) - first + 1))
        row = len(grid.rows)
        grid.bold.update((row, col) for col in bold)
        return row

    add([summary.title], bold=(1,))
    add([])
    for label, value in summary.info:
        add([label, None, value], bold=(1,))
    add([])
    first = COUNTS_FIRST_COLUMN
    add(list(summary.count_headers), bold=tuple(range(first, first + len(summary.count_headers))), first=first)
    for index, counts in enumerate(summary.counts):
        last = index == len(summary.counts) - 1
        add([str(counts[0]), *counts[1:]], bold=(first,) if last else (), first=first)
    add([])
    add([summary.findings_title], bold=(1,))
    grid.header_row = add(list(summary.finding_headers), bold=tuple(range(1, width + 1)))
    for item in summary.findings:
        severity = item.finding.severity.value
        row = add(
            [
                item.number,
                item.severity,
                item.code,
                item.table,
                item.cell,
                item.label,
                item.reported,
                item.expected,
                item.message,
            ],
            bold=(2,) if severity == "error" else (),
        )
        grid.colors[(row, 2)] = SEVERITY_COLORS[severity]
        if item.sheet and item.address:
            grid.colors[(row, LINK_COLUMN)] = LINK_COLOR
            grid.links[(row, LINK_COLUMN)] = item
    if summary.readings:
        add([])
        add([summary.readings_title], bold=(1,))

        def placed(values) -> list[Value]:
            cells: list[Value] = [None] * width
            for col, value in zip(READING_COLUMNS, values):
                cells[col - 1] = value
            return cells

        add(placed(summary.reading_headers), bold=READING_COLUMNS)
        for reading in summary.readings:
            add(placed(reading))
    if summary.reconciliation:
        add([])
        add([summary.reconciliation_title], bold=(1,))
        for label, value in summary.reconciliation:
            add([label, None, value], bold=(1,))
    return grid
