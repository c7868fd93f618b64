"""K2xx: the Renja / RKPD evaluation forms of Permendagri 86/2017, checked by the form's own definitions.

The form's row of column numbers defines its derived columns ("12 = 8+9+10+11": the year's realisasi is the
sum of the four triwulan; "13 = 12/7*100": the capaian is realisasi / target x 100), in K and in Rp. Only
those definitions are checked, on rows that name a program, kegiatan or indicator; a "Rata-rata capaian"
row is compared with the mean of the capaian printed above it (a warning: which rows the office averaged is
a judgement). What the form does not define is not checked, and said once (K204).
"""

from __future__ import annotations

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Text
from ..model import Document, EvaluationForm, Field, FormDefinition, FormRow
from ..numbers import Agreement, agreement, money_equal, money_scale
from ..settings import Settings
from . import rule

FORM_SUM = Check(
    "K201",
    "evaluasi-jumlah-salah",
    Severity.ERROR,
    Text("Kolom jumlah formulir evaluasi salah", "Evaluation form's sum column wrong"),
    Text(
        "Kolom {number} ({part}) tertulis {reported}, padahal formulir menetapkan {definition}: {expected}.",
        "Column {number} ({part}) reads {reported}, but the form defines {definition}: {expected}.",
    ),
    Text(
        "Formulir evaluasi Renja/RKPD (Permendagri 86/2017) menuliskan rumus kolomnya di baris nomor kolom, mis. "
        "\"12 = 8+9+10+11\": realisasi tahun ini adalah jumlah realisasi triwulan I-IV, untuk kinerja (K) dan "
        "anggaran (Rp) masing-masing. Sel kosong di antara yang dijumlah dihitung nol, seperti di Excel.",
        "The Renja/RKPD evaluation form (Permendagri 86/2017) prints its column formulas in the column-number "
        "row, e.g. \"12 = 8+9+10+11\": the year's realisation is the sum of quarters I-IV, for performance (K) and "
        "budget (Rp) each. An empty cell among the terms counts as zero, as in Excel.",
    ),
    Text(
        "Hitung ulang sel ini dari kolom yang disebut rumusnya, atau perbaiki angka yang salah ketik di kolom itu.",
        "Recompute this cell from the columns its formula names, or fix the mistyped figure among them.",
    ),
)

FORM_RATIO = Check(
    "K202",
    "evaluasi-capaian-salah",
    Severity.ERROR,
    Text("Tingkat capaian formulir evaluasi salah", "Evaluation form's achievement wrong"),
    Text(
        "Kolom {number} ({part}) tertulis {reported}, padahal formulir menetapkan {definition}: {expected}.",
        "Column {number} ({part}) reads {reported}, but the form defines {definition}: {expected}.",
    ),
    Text(
        "Formulir evaluasi menetapkan tingkat capaian di baris nomor kolom, mis. \"13 = 12/7*100\": realisasi "
        "tahun ini dibagi target tahun ini × 100, untuk K dan Rp masing-masing. Angka yang dibulatkan atau "
        "dipotong ke jumlah desimal tercetak diterima.",
        "The evaluation form defines its achievement columns in the column-number row, e.g. \"13 = 12/7*100\": "
        "this year's realisation divided by this year's target × 100, for K and Rp each. A figure rounded or "
        "truncated to the printed decimals is accepted.",
    ),
    Text(
        "Hitung ulang dari kedua kolom yang disebut rumusnya.",
        "Recompute it from the two columns its formula names.",
    ),
)

FORM_MEAN = Check(
    "K203",
    "evaluasi-rata-rata",
    Severity.WARNING,
    Text("Rata-rata capaian bukan rata-rata baris di atasnya", "Mean achievement is not the mean of the rows above"),
    Text(
        "Baris \"{label_text}\" kolom {number} ({part}) tertulis {reported}, padahal rata-rata {count} capaian "
        "tertulis di atasnya {expected}.",
        "Row \"{label_text}\" column {number} ({part}) reads {reported}, but the mean of the {count} achievements "
        "printed above it is {expected}.",
    ),
    Text(
        "Baris \"Rata-rata capaian kinerja\" formulir evaluasi dibandingkan dengan rata-rata capaian yang tertulis "
        "di baris program/kegiatan di atasnya (sampai baris ringkasan sebelumnya). Peringatan, bukan kesalahan: "
        "baris mana yang dirata-ratakan adalah pilihan perangkat daerah.",
        "The form's \"Rata-rata capaian kinerja\" row is compared with the mean of the achievements printed on the "
        "program/activity rows above it (up to the previous summary row). A warning, not an error: which rows are "
        "averaged is the office's choice.",
    ),
    Text(
        "Periksa rentang rumus AVERAGE baris ini.",
        "Check the range of this row's AVERAGE formula.",
    ),
)

FORM_READING = Check(
    "K204",
    "evaluasi-dibaca",
    Severity.INFO,
    Text("Cara formulir evaluasi dibaca", "How the evaluation form was read"),
    Text(
        "{form_name} dibaca dari baris nomor kolom (baris {numbers_row}); diperiksa: {checked}.{unlabelled}{unread}{scales}{unsure}",
        "{form_name} was read from its column-number row (row {numbers_row}); checked: {checked}.{unlabelled}{unread}{scales}{unsure}",
    ),
    Text(
        "Formulir evaluasi Renja/RKPD bukan tabel LKjIP: hanya rumus yang tertulis di baris nomor kolomnya yang "
        "diperiksa, pada baris yang menyebut program, kegiatan atau indikator. Yang lain disebut di sini sekali, "
        "tidak dijadikan kesalahan.",
        "A Renja/RKPD evaluation form is no LKjIP table: only the formulas printed in its column-number row are "
        "checked, on rows that name a program, activity or indicator. Everything else is named here once, never "
        "turned into errors.",
    ),
    Text("Tidak ada yang perlu diperbaiki.", "Nothing to fix."),
)

UNLABELLED = Text(
    " Tidak diperiksa: baris tanpa uraian ({rows}).", " Not checked: rows without a label ({rows})."
)
UNREAD = Text(
    " Rumus/kolom tidak dikenali, tidak diperiksa: {items}.", " Formulas/columns not understood, not checked: {items}."
)
SCALES_DIFFER = Text(
    " Kolom Rp tidak diperiksa karena rupiah dan ribuan rupiah bercampur: {items}.",
    " Rp columns not checked because rupiah and thousands of rupiah are mixed: {items}.",
)
UNSURE = Text(
    " Kolom nomor {numbers} tidak dapat dibagi menjadi K dan Rp: tidak diperiksa.",
    " Columns numbered {numbers} could not be split into K and Rp: not checked.",
)
NO_DEFINITION = Text("tidak ada rumus yang dikenali", "no formula understood")


def _number(field: Field) -> float | None:
    return field.value if field.parsed.is_number else None


def _operand(field: Field | None) -> tuple[bool, float]:
    """(usable, value): an empty cell counts as zero, a text that is no number makes the sum unknowable."""
    if field is None:
        return False, 0.0
    if field.empty:
        return True, 0.0
    value = _number(field)
    return (value is not None), (value or 0.0)


def _scale(form: EvaluationForm, number: int, part: str) -> str:
    """The scale a Rp header names ("Rp. (000)", "Rp (ribu)", "juta"), "" for plain rupiah."""
    column = form.column(number, part)
    return (money_scale(column.header.rsplit("/", 1)[-1]) or "") if column else ""


def _same_scale(form: EvaluationForm, numbers, part: str) -> bool:
    """Figures in rupiah and in thousands of rupiah are never compared."""
    return part != "Rp" or len({_scale(form, number, part) for number in numbers}) == 1


def _sum_finding(form: EvaluationForm, row: FormRow, definition: FormDefinition, part: str, settings: Settings) -> Finding | None:
    if not _same_scale(form, (definition.number, *definition.operands), part):
        return None
    target = row.fields.get((definition.number, part))
    printed = _number(target) if target else None
    if printed is None:
        return None
    terms = [_operand(row.fields.get((number, part))) for number in definition.operands]
    if not all(usable for usable, _ in terms) or all(row.fields[(n, part)].empty for n in definition.operands):
        return None
    computed = sum(value for _, value in terms)
    if part == "Rp":
        if money_equal(printed, computed, settings.tolerance_money):
            return None
        unit = Unit.RUPIAH
    else:
        if agreement(printed, target.parsed.decimals, computed, 0.0, False) is not Agreement.MISMATCH:
            return None
        unit = Unit.VALUE
    return FORM_SUM.at(
        target.ref, table=form.name, reported=printed, expected=computed, unit=unit, label=row.label.text or None,
        number=definition.number, part=part or "-", definition=definition.text,
    )


def _ratio_finding(form: EvaluationForm, row: FormRow, definition: FormDefinition, part: str, settings: Settings) -> Finding | None:
    if not _same_scale(form, definition.operands, part):
        return None
    target = row.fields.get((definition.number, part))
    printed = _number(target) if target else None
    numerator, denominator = (row.fields.get((number, part)) for number in definition.operands)
    top = _number(numerator) if numerator else None
    bottom = _number(denominator) if denominator else None
    if printed is None or top is None or not bottom:
        return None
    computed = top / bottom * 100
    verdict = agreement(printed, target.parsed.decimals, computed, settings.tolerance_percent, settings.accept_truncation)
    if verdict is not Agreement.MISMATCH:
        return None
    return FORM_RATIO.at(
        target.ref, table=form.name, reported=printed, expected=computed, unit=Unit.PERCENT,
        label=row.label.text or None, number=definition.number, part=part or "-", definition=definition.text,
    )


def _mean_findings(form: EvaluationForm, settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    ratios = [definition for definition in form.definitions if definition.kind == "ratio"]
    above: list[FormRow] = []
    for row in form.rows:
        if row.role == "data":
            above.append(row)
            continue
        if row.role == "mean":
            for definition in ratios:
                for part in form.parts(definition.number):
                    finding = _mean_finding(form, row, above, definition, part, settings)
                    if finding is not None:
                        findings.append(finding)
        if row.role in ("mean", "summary"):
            above = []
    return findings


def _mean_finding(form, row: FormRow, above: list[FormRow], definition, part: str, settings: Settings) -> Finding | None:
    target = row.fields.get((definition.number, part))
    printed = _number(target) if target else None
    values = [value for value in (_number(r.fields[(definition.number, part)]) for r in above) if value is not None]
    if printed is None or not values:
        return None
    computed = sum(values) / len(values)
    if agreement(printed, target.parsed.decimals, computed, settings.tolerance_percent, settings.accept_truncation) is not Agreement.MISMATCH:
        return None
    return FORM_MEAN.at(
        target.ref, table=form.name, reported=printed, expected=computed, unit=Unit.PERCENT, label=row.label.text,
        label_text=row.label.text, number=definition.number, part=part or "-", count=len(values),
    )


def _reading(form: EvaluationForm) -> Finding:
    checked = ", ".join(definition.text for definition in form.definitions)
    unlabelled = [str(row.row) for row in form.rows if row.role == "unlabelled"]
    scales = []
    for definition in form.definitions:
        numbers = definition.operands if definition.kind == "ratio" else (definition.number, *definition.operands)
        if "Rp" in form.parts(definition.number) and not _same_scale(form, numbers, "Rp"):
            scales.append(definition.text)
    first = form.definitions[0].ref if form.definitions else None
    return FORM_READING.at(
        first, table=form.name, form_name=form.title or form.name, numbers_row=form.numbers_row,
        checked=checked or NO_DEFINITION,
        unlabelled=UNLABELLED.with_params(rows=", ".join(unlabelled)) if unlabelled else "",
        unread=UNREAD.with_params(items="; ".join(form.unread)) if form.unread else "",
        scales=SCALES_DIFFER.with_params(items="; ".join(scales)) if scales else "",
        unsure=UNSURE.with_params(numbers=", ".join(map(str, form.unsure))) if form.unsure else "",
    )


@rule
def evaluation_forms(document: Document) -> list[Finding]:
    findings: list[Finding] = []
    settings = document.settings
    for form in document.evaluations:
        findings.append(_reading(form))
        for row in form.rows:
            if row.role != "data":
                continue
            for definition in form.definitions:
                check = _sum_finding if definition.kind == "sum" else _ratio_finding
                for part in form.parts(definition.number):
                    finding = check(form, row, definition, part, settings)
                    if finding is not None:
                        findings.append(finding)
        findings.extend(_mean_findings(form, settings))
    return findings
