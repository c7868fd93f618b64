"""X: figures that appear in several tables must agree."""

from __future__ import annotations

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Text
from ..model import Document
from ..numbers import Kind, money_equal
from . import rule

TOTALS_37_38 = Check(
    "X001",
    "jumlah-3.7-vs-3.8",
    Severity.ERROR,
    Text("JUMLAH Tabel 3.7 ≠ JUMLAH Tabel 3.8", "Table 3.7 TOTAL ≠ Table 3.8 TOTAL"),
    Text(
        "{column} JUMLAH Tabel 3.7 tertulis {reported}, padahal JUMLAH Tabel 3.8 {expected}.",
        "The {column} TOTAL of Table 3.7 reads {reported}, but the Table 3.8 TOTAL is {expected}.",
    ),
    Text(
        "Tabel 3.7 meringkas Tabel 3.8: anggaran dan realisasi totalnya harus sama.",
        "Table 3.7 summarises Table 3.8: their total budget and spending must be the same.",
    ),
    Text("Samakan kedua tabel, mulai dari yang jumlahnya cocok dengan rinciannya.", "Make the two tables agree, starting from the one whose total matches its lines."),
)

_COLUMNS = {"anggaran": Text("Anggaran", "budget"), "realisasi": Text("Realisasi", "spending")}


def _printed(field) -> float | None:
    parsed = field.parsed
    return parsed.value if parsed.kind not in (Kind.EMPTY, Kind.UNVERIFIABLE) else None


@rule
def summary_against_detail(document: Document) -> list[Finding]:
    summary, detail = document.budget.get("3.7"), document.budget.get("3.8")
    if summary is None or detail is None or summary.total is None or detail.total is None:
        return []
    findings = []
    for key, column in _COLUMNS.items():
        reported = _printed(getattr(summary.total, key))
        expected = _printed(getattr(detail.total, key))
        if reported is None or expected is None or money_equal(reported, expected, document.settings.tolerance_money):
            continue
        findings.append(
            TOTALS_37_38.at(
                getattr(summary.total, key).ref,
                table="3.7",
                reported=reported,
                expected=expected,
                unit=Unit.RUPIAH,
                label="JUMLAH",
                column=column,
            )
        )
    return findings
