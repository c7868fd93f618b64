"""The report as a person reads it in a terminal: grouped by table, Indonesian by default."""

from __future__ import annotations

from itertools import groupby

from ..findings import Report, Severity
from ..i18n import Lang, Text
from .safe import terminal_text

HEADER = Text("{errors} kesalahan, {warnings} peringatan, {infos} info", "{errors} errors, {warnings} warnings, {infos} info")
TABLE = Text("Tabel {table}", "Table {table}")
GENERAL = Text("Buku kerja", "Workbook")
PASSED = Text("Hasil: LULUS (tidak ada kesalahan)", "Result: PASSED (no errors)")
FAILED = Text("Hasil: TIDAK LULUS ({errors} kesalahan)", "Result: FAILED ({errors} errors)")
TABLES = Text("Tabel yang diperiksa: {tables}", "Tables checked: {tables}")
LAYOUTS = {
    "template": Text("templat lkjip-xl", "lkjip-xl template"),
    "freeform": Text("lembar bebas", "free-form sheets"),
    "pdf": Text("dokumen PDF", "PDF document"),
    "docx": Text("dokumen Word", "Word document"),
}
QUOTE = Text("tercetak: «{quote}»", "printed: «{quote}»")

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(report: Report, lang: Lang = "id", color: bool = False) -> str:
    import click

    def paint(text: str, severity: Severity) -> str:
        return click.style(text, fg=_COLORS[severity], bold=severity is Severity.ERROR) if color else text

    counts = report.counts()
    lines = [terminal_text(report.file)]
    who = terminal_text(", ".join(part for part in (report.office, str(report.year) if report.year else None) if part))
    layout = LAYOUTS[report.layout](lang) if report.layout in LAYOUTS else None
    if who or layout:
        lines.append(" — ".join(part for part in (who, layout) if part))
    if report.tables:
        lines.append(TABLES(lang, tables=", ".join(report.tables)))
    lines.append(HEADER(lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"]))
    for table, findings in groupby(report.sorted(), key=lambda finding: finding.table):
        lines.append("")
        lines.append(TABLE(lang, table=table) if table else GENERAL(lang))
        for finding in findings:
            where = finding.ref.a1 if finding.ref else "-"
            if finding.ref and table and not finding.ref.sheet.endswith(table):
                where = f"{finding.ref.sheet}!{finding.ref.a1}"
            place = finding.place
            if place is not None:  # a document: the page (or table number) and caption as printed
                where = " ".join(part for part in (place.where(lang), place.caption) if part)
            severity = paint(f"{finding.severity.label(lang):<10}", finding.severity)
            lines.append(f"  {terminal_text(where):<7} {severity} {finding.code}  {terminal_text(finding.message(lang))}")
            if place is not None and place.quote:
                lines.append(f"          {QUOTE(lang, quote=terminal_text(place.quote))}")
    if report.reconciliation:
        from .summary import RECONCILIATION_TITLE, reconciliation_rows

        lines.append("")
        lines.append(RECONCILIATION_TITLE(lang))
        lines.extend(f"  {label}: {terminal_text(value)}" for label, value in reconciliation_rows(report.reconciliation, lang))
    lines.append("")
    lines.append(PASSED(lang) if report.valid else paint(FAILED(lang, errors=counts["error"]), Severity.ERROR))
    return "\n".join(lines) + "\n"
