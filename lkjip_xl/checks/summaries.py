"""K21x: the Jumlah and Rata-rata rows under a performance table (3.2, 3.3, 3.5 pasted from a report).

Such a row is a summary, never an indicator (freeform/performance.py sets it aside). What it is checked
against depends on what it says it is and on the column:
- "Rata-rata capaian": the capaian / serapan / efisiensi columns are the mean of the capaian printed above
  (the mean of realisasi / target x 100 is accepted too: an AVERAGE over unrounded formulas; so is the row's own
  realisasi / target x 100, where it prints the averaged target and realisasi). An error when
  every row above prints one; a warning when some do not (which rows were averaged is then a guess).
- "Jumlah" / "Total": rupiah columns are the sum of the rows above (an error: money adds up); target and
  realisasi too, but a warning (indicators of different units are summed only by habit); a capaian there is
  accepted as the sum, the mean, or Jumlah realisasi / Jumlah target x 100, else a warning.
Figures a summary row prints that none of this covers are named once per table (info).
"""

from __future__ import annotations

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Text
from ..model import Document, Field, IndicatorTable, SummaryRow
from ..numbers import Agreement, agreement, money_equal
from ..settings import Settings
from . import rule
from ..freeform.performance import row_figure

_PERCENTS = ("capaian", "serapan", "efisiensi")
_MONEY = ("anggaran", "realisasi_rp")
# The two figures a percentage is made of, for "Jumlah realisasi / Jumlah target".
_RATIO_OF = {"capaian": ("realisasi", "target"), "serapan": ("realisasi_rp", "anggaran")}

_NAMES = {
    "target": Text("target", "target"),
    "realisasi": Text("realisasi", "actual"),
    "capaian": Text("capaian", "achievement"),
    "anggaran": Text("anggaran", "budget"),
    "realisasi_rp": Text("realisasi anggaran", "budget spent"),
    "serapan": Text("serapan", "absorption"),
    "efisiensi": Text("efisiensi", "efficiency"),
}

_DESCRIPTION = Text(
    "Baris \"Rata-rata capaian\" di bawah tabel kinerja adalah rata-rata capaian yang tertulis di atasnya (rata-rata "
    "realisasi / target × 100 juga diterima); baris \"Jumlah\" adalah jumlah baris di atasnya (sampai baris ringkasan "
    "sebelumnya). Kesalahan hanya bila hitungannya pasti: rupiah yang dijumlah, rata-rata capaian yang semua "
    "barisnya terisi. Selebihnya peringatan.",
    "A \"Rata-rata capaian\" row under a performance table is the mean of the achievements printed above it (the "
    "mean of actual / target × 100 is accepted too); a \"Jumlah\" row is the sum of the rows above it (up to the "
    "previous summary row). An error only where the arithmetic is certain: rupiah summed, a mean over rows that "
    "all print one. Otherwise a warning.",
)

SUMMARY_WRONG = Check(
    "K210",
    "ringkasan-salah",
    Severity.ERROR,
    Text("Baris Jumlah / Rata-rata salah", "Total / mean row wrong"),
    Text(
        "Nilai {figure}{year} di baris \"{row_name}\" tertulis {reported}, padahal {how} {count} baris di atasnya = {expected}.",
        "The {figure}{year} on row \"{row_name}\" reads {reported}, but the {how} of the {count} rows above it = {expected}.",
    ),
    _DESCRIPTION,
    Text("Perbaiki rentang rumus SUM/AVERAGE baris ini atau angka yang salah di atasnya.",
         "Fix the range of this row's SUM/AVERAGE formula or the wrong figure above it."),
)

SUMMARY_DOUBTFUL = Check(
    "K211",
    "ringkasan-diragukan",
    Severity.WARNING,
    Text("Baris Jumlah / Rata-rata tidak cocok", "Total / mean row does not match"),
    Text(
        "Nilai {figure}{year} di baris \"{row_name}\" tertulis {reported}, padahal {how} {count} baris di atasnya = {expected}.",
        "The {figure}{year} on row \"{row_name}\" reads {reported}, but the {how} of the {count} rows above it = {expected}.",
    ),
    _DESCRIPTION,
    Text("Periksa baris mana yang dijumlah / dirata-ratakan.", "Check which rows were summed / averaged."),
)

SUMMARY_UNCHECKED = Check(
    "K212",
    "ringkasan-tidak-diperiksa",
    Severity.INFO,
    Text("Angka baris ringkasan tidak diperiksa", "Summary row figures not checked"),
    Text(
        "Baris ringkasan {rows} dibaca sebagai ringkasan, bukan indikator; {figures} di baris itu tidak diperiksa "
        "(tidak jelas dihitung dari apa).",
        "Summary rows {rows} were read as summaries, not indicators; their {figures} were not checked (what they are "
        "computed from is unclear).",
    ),
    Text(
        "Baris \"Rata-rata\" hanya diperiksa pada kolom capaian; angka lain di baris ringkasan disebut di sini "
        "sekali, tidak dijadikan kesalahan.",
        "A \"Rata-rata\" row is checked in its achievement columns only; other figures on summary rows are named "
        "here once, never turned into errors.",
    ),
    Text("Tidak ada yang perlu diperbaiki.", "Nothing to fix."),
)

HOW = {
    "mean": Text("rata-rata", "mean"),
    "sum": Text("jumlah", "sum"),
}


def _number(field: Field | None) -> float | None:
    return field.value if field is not None and field.parsed.is_number else None


def _ratio(row, name: str, index: int) -> float | None:
    parts = _RATIO_OF.get(name)
    if not parts:
        return None
    top, bottom = (_number(row_figure(row, part, index)) for part in parts)
    return top / bottom * 100 if top is not None and bottom else None


def _agrees(printed: Field, computed: float, settings: Settings) -> bool:
    verdict = agreement(printed.value, printed.parsed.decimals, computed, settings.tolerance_percent, settings.accept_truncation)
    return verdict is not Agreement.MISMATCH


class _Summary:
    def __init__(self, table: IndicatorTable, summary: SummaryRow, years: list[int | None], settings: Settings):
        self.table, self.summary, self.years, self.settings = table, summary, years, settings
        self.unchecked: set[str] = set()

    def finding(self, check: Check, key: tuple[str, int], printed: Field, computed: float, how: str, count: int, unit: Unit) -> Finding:
        name, index = key
        year = self.years[index] if self.table.table == "3.3" and index < len(self.years) else None
        return check.at(
            printed.ref, table=self.table.table, reported=printed.value, expected=computed, unit=unit,
            label=self.summary.label.text, figure=_NAMES[name], year=f" {year}" if year else "",
            row_name=self.summary.label.text, how=HOW[how], count=count,
        )

    def check(self) -> list[Finding]:
        findings: list[Finding] = []
        for key, printed in self.summary.fields.items():
            if _number(printed) is None:
                continue
            found = self.mean(key, printed) if self.summary.kind == "mean" else self.sum(key, printed)
            if found is not None:
                findings.append(found)
        return findings

    def _column(self, key: tuple[str, int]) -> tuple[list[float], bool]:
        """The numbers printed above in this column, and whether every row above prints one."""
        values = [_number(row_figure(row, *key)) for row in self.summary.above]
        numbers = [value for value in values if value is not None]
        return numbers, len(numbers) == len(values)

    def mean(self, key, printed: Field) -> Finding | None:
        name, index = key
        numbers, complete = self._column(key)
        if name not in _PERCENTS or not numbers:
            self.unchecked.add(name)
            return None
        computed = sum(numbers) / len(numbers)
        ratios = [_ratio(row, name, index) for row in self.summary.above]
        if _agrees(printed, computed, self.settings):
            return None
        if all(ratio is not None for ratio in ratios) and ratios and _agrees(printed, sum(ratios) / len(ratios), self.settings):
            return None
        own = self._own_ratio(name, index)
        if own is not None and _agrees(printed, own, self.settings):
            return None  # the row's own realisasi / target x 100 (of the averaged figures)
        check = SUMMARY_WRONG if complete else SUMMARY_DOUBTFUL
        return self.finding(check, key, printed, computed, "mean", len(numbers), Unit.PERCENT)

    def _own_ratio(self, name: str, index: int) -> float | None:
        parts = _RATIO_OF.get(name)
        if not parts:
            return None
        top, bottom = (_number(self.summary.fields.get((part, index))) for part in parts)
        return top / bottom * 100 if top is not None and bottom else None

    def sum(self, key, printed: Field) -> Finding | None:
        name, index = key
        numbers, _ = self._column(key)
        fields = [row_figure(row, *key) for row in self.summary.above]
        readable = all(field is None or field.empty or _number(field) is not None for field in fields)
        if not numbers or not readable:
            self.unchecked.add(name)
            return None
        total = sum(numbers)
        if name in _MONEY:
            if money_equal(printed.value, total, self.settings.tolerance_money):
                return None
            return self.finding(SUMMARY_WRONG, key, printed, total, "sum", len(numbers), Unit.RUPIAH)
        if name in _PERCENTS:
            candidates = [total, total / len(numbers)]
            parts = _RATIO_OF.get(name)
            if parts:
                top = sum(_number(row_figure(row, parts[0], index)) or 0.0 for row in self.summary.above)
                bottom = sum(_number(row_figure(row, parts[1], index)) or 0.0 for row in self.summary.above)
                if bottom:
                    candidates.append(top / bottom * 100)
            if any(_agrees(printed, candidate, self.settings) for candidate in candidates):
                return None
            return self.finding(SUMMARY_DOUBTFUL, key, printed, total / len(numbers), "mean", len(numbers), Unit.PERCENT)
        if agreement(printed.value, printed.parsed.decimals, total) is not Agreement.MISMATCH:
            return None
        return self.finding(SUMMARY_DOUBTFUL, key, printed, total, "sum", len(numbers), Unit.VALUE)


def _table_findings(table: IndicatorTable, settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    unchecked: set[str] = set()
    rows: list[str] = []
    for summary in table.summaries:
        years = [figures.year for figures in getattr(summary.above[0], "years", [])] if summary.above else []
        checker = _Summary(table, summary, years, settings)
        findings += checker.check()
        unchecked |= checker.unchecked
        rows.append(str(summary.row))
    if unchecked:
        first = table.summaries[0].label.ref
        names = [_NAMES[name] for name in _NAMES if name in unchecked]
        findings.append(SUMMARY_UNCHECKED.at(first, table=table.table, rows=", ".join(rows), figures=names))
    return findings


@rule
def summary_rows(document: Document) -> list[Finding]:
    findings: list[Finding] = []
    for table in (document.indicators, document.trend, document.efficiency):
        if table is not None and table.summaries:
            findings += _table_findings(table, document.settings)
    return findings
