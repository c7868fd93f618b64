"""K22x: tables of two years without a target ("Realisasi 2023 | Realisasi 2024 | Perubahan (%)").

No capaian can be computed without a target; what such a table defines is its change. It is checked only
where its header says it is a percentage: (N - (N-1)) / (N-1) x 100 (the difference in points is accepted
too, as offices print it for indicators that are percentages themselves). A figure that no reading gives
is a warning (the formula the office meant is not printed: published tables hold "capaian N - 100" under
"PERUBAHAN %"); so is one that has only the opposite sign (a decrease printed as positive).
A change column whose header says nothing of how it is computed, or no change column, is said once (info).
"""

from __future__ import annotations

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..model import ChangeRow, ChangeTable, Document
from ..numbers import Agreement, agreement
from ..settings import Settings
from . import rule

CHANGE_WRONG = Check(
    "K220",
    "perubahan-tidak-cocok",
    Severity.WARNING,
    Text("Perubahan (%) tidak cocok", "Change (%) does not match"),
    Text(
        "Perubahan tertulis {reported}, padahal (nilai {after_year} − nilai {before_year}) / nilai {before_year} × 100 "
        "= {expected} (selisihnya {points}).",
        "The change reads {reported}, but (value {after_year} − value {before_year}) / value {before_year} × 100 "
        "= {expected} (the difference is {points}).",
    ),
    Text(
        "Di tabel perbandingan dua tahun tanpa target, kolom \"Perubahan (%)\" / \"Kenaikan (%)\" adalah "
        "(nilai tahun N − nilai tahun N-1) / nilai tahun N-1 × 100. Selisih dalam poin juga diterima. Peringatan, "
        "bukan kesalahan: rumus yang dimaksud perangkat daerah tidak tertulis di tabel.",
        "In a two-year comparison without a target, the \"Perubahan (%)\" / \"Kenaikan (%)\" column is "
        "(value of year N − value of year N-1) / value of year N-1 × 100. The difference in points is accepted too. "
        "A warning, not an error: the formula the office meant is not written in the table.",
    ),
    Text("Hitung ulang dari nilai kedua tahun.", "Recompute it from the two years' values."),
)

CHANGE_SIGN = Check(
    "K221",
    "perubahan-tanda",
    Severity.WARNING,
    Text("Tanda perubahan terbalik", "Change has the opposite sign"),
    Text(
        "Perubahan tertulis {reported}, padahal dari {before_year} ke {after_year} nilainya {direction}: {expected}.",
        "The change reads {reported}, but from {before_year} to {after_year} the value {direction}: {expected}.",
    ),
    Text(
        "Angkanya cocok dengan perubahan bertanda terbalik. Sebagian perangkat daerah menulis penurunan sebagai "
        "angka positif; karena itu peringatan, bukan kesalahan.",
        "The figure matches the change with its sign reversed. Some offices print a decrease as a positive "
        "figure; hence a warning, not an error.",
    ),
    Text("Periksa tanda angka ini.", "Check this figure's sign."),
)

CHANGE_READING = Check(
    "K222",
    "perbandingan-dibaca",
    Severity.INFO,
    Text("Tabel perbandingan tanpa target", "Comparison table without a target"),
    Text(
        "Tabel nilai {before_year} dan {after_year} tanpa kolom target: capaian tidak dapat dihitung. {what}",
        "A table of {before_year} and {after_year} values without a target column: no achievement can be "
        "computed. {what}",
    ),
    Text(
        "Tabel seperti ini bukan Tabel 3.2/3.3: yang dapat diperiksa hanya kolom perubahan, dan hanya bila "
        "judulnya menyebut persen.",
        "Such a table is no Table 3.2/3.3: only its change column can be checked, and only when its header says "
        "it is a percentage.",
    ),
    Text("Tidak ada yang perlu diperbaiki.", "Nothing to fix."),
)

CHECKED = Text("Kolom \"{header}\" diperiksa sebagai perubahan persen.", "Column \"{header}\" checked as a percentage change.")
NOT_CHECKED = Text(
    "Kolom \"{header}\" tidak diperiksa: judulnya tidak menyebut cara menghitungnya (persen atau selisih).",
    "Column \"{header}\" not checked: its header does not say how it is computed (percent or difference).",
)
NO_COLUMN = Text("Tidak ada kolom perubahan: tidak ada yang diperiksa.", "No change column: nothing was checked.")
DIRECTIONS = {True: Text("naik", "rose"), False: Text("turun", "fell")}


def _agrees(printed, computed: float, settings: Settings) -> bool:
    verdict = agreement(printed.value, printed.parsed.decimals, computed, settings.tolerance_percent, settings.accept_truncation)
    return verdict is not Agreement.MISMATCH


def _readings(field) -> list[float]:
    """Every reading of a figure ("0,267": 0.267 or 267), the one to use first."""
    return list(field.parsed.readings) or ([field.value] if field.parsed.is_number else [])


def _row_finding(table: ChangeTable, row: ChangeRow, settings: Settings) -> Finding | None:
    printed = row.change
    pairs = [(before, after) for before in _readings(row.before) for after in _readings(row.after) if before != 0]
    if not pairs or not printed.parsed.is_number:
        return None
    shown = printed.value
    computed = [((after - before) / before * 100, after - before) for before, after in pairs]
    if any(_agrees(printed, relative, settings) or _agrees(printed, points, settings) for relative, points in computed):
        return None
    relative, points = computed[0]
    before, after = pairs[0]
    years = dict(before_year=table.years[0], after_year=table.years[1])
    if any(_agrees(printed, -rel, settings) or _agrees(printed, -pts, settings) for rel, pts in computed):
        return CHANGE_SIGN.at(
            printed.ref, table=table.name, reported=shown, expected=relative, unit=Unit.PERCENT,
            label=row.label.text or None, direction=DIRECTIONS[after > before], **years,
        )
    return CHANGE_WRONG.at(
        printed.ref, table=table.name, reported=shown, expected=relative, unit=Unit.PERCENT,
        label=row.label.text or None, points=Num(points), **years,
    )


@rule
def change_tables(document: Document) -> list[Finding]:
    findings: list[Finding] = []
    settings = document.settings
    for table in document.changes:
        if not table.change_header:
            what = NO_COLUMN
        elif not table.percent:
            what = NOT_CHECKED.with_params(header=table.change_header)
        else:
            what = CHECKED.with_params(header=table.change_header)
            for row in table.rows:
                finding = _row_finding(table, row, settings)
                if finding is not None:
                    findings.append(finding)
        findings.append(
            CHANGE_READING.at(table.ref, table=table.name, before_year=table.years[0], after_year=table.years[1], what=what)
        )
    return findings
