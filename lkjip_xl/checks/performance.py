"""K: the performance tables, Tabel 3.2 (this year), 3.3 (three years) and 3.5 (performance against budget).

Every printed capaian is recomputed from its own row's target and realisasi, with the indicator's polarity
(Tabel 3.2's Polaritas column or the settings' list) and the configured negative-polarity formula, and
judged with the rounding rule of domain.md. Tabel 3.5's budget groups (a budget and the rows below it that
share it, as merged cells print it) give % serapan, the tingkat efisiensi of the configured formula and
the efisien / tidak efisien rule. IKM and SAKIP have sanity checks of their own. Figures shared between
tables are compared in ``cross.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..indicators import (
    SCALE_PRESETS,
    IkmScale,
    NegativeFormula,
    Polarity,
    Verdict,
    capaian,
    efficiency,
    efficiency_verdict,
    family,
    id_key,
    ikm_scale,
    is_efficiency_label,
    name_key,
    parse_polarity,
    predikat_in,
    read_verdict,
    sakip_predikat,
    text_key,
)
from ..model import Document, EfficiencyRow, Field, IndicatorRow, IndicatorTable, TextField, TrendRow
from ..numbers import EXCEL_ERRORS, Agreement, Kind, agreement, round_half_up
from ..settings import Settings
from ..snapshot import CellRef
from . import rule
from .cells import Resolution, number_findings, numbering_gaps, row_number

VALUE, PERCENT, RUPIAH = Unit.VALUE, Unit.PERCENT, Unit.RUPIAH

CAPAIAN = Check(
    "K101",
    "capaian-salah",
    Severity.ERROR,
    Text("Capaian ≠ realisasi / target", "Achievement ≠ actual / target"),
    Text(
        "Capaian{year} tertulis {reported}, padahal {formula} = {expected}.{note}",
        "The achievement{year} reads {reported}, but {formula} = {expected}.{note}",
    ),
    Text(
        "Capaian dihitung dari target dan realisasi baris yang sama: realisasi / target × 100 untuk indikator "
        "berpolaritas positif, rumus polaritas negatif yang diatur untuk indikator yang makin kecil makin baik. "
        "Capaian tidak dibatasi 100. Angka yang dibulatkan atau dipotong ke jumlah desimal tercetak diterima.",
        "The achievement comes from the same row's target and actual: actual / target × 100 for a positive "
        "indicator, the configured negative-polarity formula where lower is better. It is not capped at 100. "
        "A figure rounded or truncated to the printed decimals is accepted.",
    ),
    Text(
        "Gunakan rumus templat (kolom capaian) atau hitung ulang dari target dan realisasi; periksa juga apakah "
        "target atau realisasi yang salah ketik.",
        "Use the template's formula or recompute from target and actual; check too whether the target or the "
        "actual is the mistyped figure.",
    ),
)

CAPAIAN_TRUNCATED = Check(
    "K102",
    "capaian-dipotong",
    Severity.INFO,
    Text("Capaian dipotong, bukan dibulatkan", "Achievement truncated, not rounded"),
    Text(
        "Capaian{year} ({reported}) adalah hasil pemotongan dari {exact} (dibulatkan: {rounded}): diterima.",
        "The achievement{year} ({reported}) is {exact} truncated (rounded: {rounded}): accepted.",
    ),
    Text(
        "Laporan sering memotong desimal alih-alih membulatkannya (103,6 untuk 103,658). Keduanya diterima "
        "(pengaturan terima_pemotongan); pemotongan dicatat sebagai info.",
        "Reports often truncate decimals instead of rounding them (103.6 for 103.658). Both are accepted "
        "(setting terima_pemotongan); truncation is noted as info.",
    ),
    Text("Tidak perlu tindakan; untuk konsistensi, bulatkan.", "No action needed; round for consistency."),
)

CAPAIAN_WITHOUT_TARGET = Check(
    "K103",
    "capaian-tanpa-target",
    Severity.ERROR,
    Text("Capaian tercetak padahal target 0 atau kosong", "Achievement printed with a zero or empty target"),
    Text(
        "Capaian{year} tertulis {reported} padahal targetnya {target}: capaian tidak dapat dihitung.{note}",
        "The achievement{year} reads {reported} but the target is {target}: no achievement can be computed.{note}",
    ),
    Text(
        "Tanpa target (belum ditargetkan, atau 0) capaian tidak terdefinisi. Angka di sel capaian itu bukan "
        "hasil hitung; sering realisasi yang tersalin.",
        "Without a target (not set yet, or 0) the achievement is undefined. The figure in that cell is no "
        "computation; often the actual was copied there.",
    ),
    Text(
        "Kosongkan capaian atau tulis \"-\", dan jelaskan di narasi bahwa indikator belum ditargetkan.",
        "Clear the achievement or write \"-\", and say in the text that the indicator had no target.",
    ),
)

CATEGORY = Check(
    "K104",
    "kategori-salah",
    Severity.ERROR,
    Text("Kategori tidak sesuai skala", "Category does not fit the scale"),
    Text(
        "Kategori tertulis \"{printed}\", padahal capaian {capaian} pada skala {scale} termasuk \"{expected}\".",
        "The category reads \"{printed}\", but an achievement of {capaian} is \"{expected}\" on the {scale} scale.",
    ),
    Text(
        "Kategori capaian mengikuti skala pengukuran kinerja (bawaan Tabel 3.1: > 100 Sangat Baik, 85–100 Baik, "
        "65–<85 Cukup, 50–<65 Kurang, < 50 Sangat Kurang; pengaturan skala_kategori).",
        "The category follows the performance scale (default Table 3.1: > 100 Sangat Baik, 85–100 Baik, "
        "65–<85 Cukup, 50–<65 Kurang, < 50 Sangat Kurang; setting skala_kategori).",
    ),
    Text("Pakai kolom Kategori templat, atau tulis kategori sesuai skala.", "Use the template's Category column, or write the category of the scale."),
)

CATEGORY_UNKNOWN = Check(
    "K105",
    "kategori-tidak-dikenal",
    Severity.WARNING,
    Text("Kategori bukan bagian skala", "Category not on the scale"),
    Text(
        "\"{printed}\" bukan kategori skala {scale} ({labels}).{note}",
        "\"{printed}\" is not a category of the {scale} scale ({labels}).{note}",
    ),
    Text(
        "Kategori harus salah satu label skala yang dipakai instansi. Label dari skala lain biasanya berarti "
        "pengaturan skala_kategori belum sesuai.",
        "The category must be a label of the office's scale. A label from another scale usually means the "
        "setting skala_kategori does not match.",
    ),
    Text("Tulis salah satu label skala, atau sesuaikan pengaturan skala_kategori.", "Write a label of the scale, or adjust the setting skala_kategori."),
)

POLARITY_UNKNOWN = Check(
    "K106",
    "polaritas-tidak-dikenal",
    Severity.WARNING,
    Text("Polaritas tidak dikenal", "Unknown polarity"),
    Text(
        "Polaritas \"{text}\" tidak dikenal (Positif atau Negatif): dihitung sebagai Positif.",
        "Polarity \"{text}\" is unknown (Positif or Negatif): computed as Positif.",
    ),
    Text(
        "Kolom Polaritas hanya mengenal Positif (makin besar makin baik) dan Negatif (makin kecil makin baik).",
        "The Polarity column knows only Positif (higher is better) and Negatif (lower is better).",
    ),
    Text("Pilih Positif atau Negatif dari daftar.", "Choose Positif or Negatif from the list."),
)

POLARITY_CONFLICT = Check(
    "K107",
    "polaritas-bertentangan",
    Severity.WARNING,
    Text("Polaritas bertentangan dengan pengaturan", "Polarity contradicts the settings"),
    Text(
        "Kolom Polaritas berisi Positif, padahal pengaturan polaritas_negatif menyebut indikator ini: dihitung "
        "sebagai Negatif.",
        "The Polarity column says Positif, but the setting polaritas_negatif names this indicator: computed as "
        "Negatif.",
    ),
    Text(
        "Indikator yang disebut di pengaturan polaritas_negatif dihitung sebagai Negatif di semua tabel.",
        "An indicator named in the setting polaritas_negatif is computed as Negatif in every table.",
    ),
    Text("Samakan kolom Polaritas dengan pengaturan.", "Make the Polarity column agree with the settings."),
)

SERAPAN = Check(
    "K110",
    "serapan-salah",
    Severity.ERROR,
    Text("% serapan ≠ realisasi / anggaran", "% absorption ≠ spending / budget"),
    Text(
        "% serapan tertulis {reported}, padahal realisasi / anggaran × 100 = {expected}.",
        "% absorption reads {reported}, but spending / budget × 100 = {expected}.",
    ),
    Text(
        "Penyerapan anggaran adalah realisasi (Rp) dibagi anggaran (Rp) × 100.",
        "Budget absorption is spending (Rp) divided by budget (Rp) × 100.",
    ),
    Text("Gunakan rumus templat =realisasi/anggaran.", "Use the template's formula =spending/budget."),
)

EFFICIENCY = Check(
    "K111",
    "efisiensi-salah",
    Severity.ERROR,
    Text("Tingkat efisiensi tidak sesuai rumusnya", "Efficiency level does not follow its formula"),
    Text(
        "Tingkat efisiensi tertulis {reported}, padahal {formula} = {expected} (serapan {serapan}, rata-rata "
        "capaian {mean}).",
        "The efficiency level reads {reported}, but {formula} = {expected} (absorption {serapan}, mean "
        "achievement {mean}).",
    ),
    Text(
        "Tidak ada rumus nasional; instansi menetapkannya (pengaturan rumus_efisiensi, bawaan 100 − % serapan). "
        "\"capaian\" adalah rata-rata % capaian sasaran yang didanai anggaran itu.",
        "There is no national formula; the office sets it (setting rumus_efisiensi, default 100 − % absorption). "
        "\"capaian\" is the mean achievement of the sasaran that budget funds.",
    ),
    Text("Hitung ulang dengan rumus templat.", "Recompute with the template's formula."),
)

VERDICT = Check(
    "K112",
    "efisien-tidak-sesuai-aturan",
    Severity.ERROR,
    Text("Kesimpulan efisien tidak sesuai aturan", "Efficiency verdict contradicts the rule"),
    Text(
        "Tertulis \"{printed}\", padahal dengan rata-rata capaian {mean} dan serapan {serapan} menurut aturan "
        "{verdict}.",
        "It reads \"{printed}\", but with a mean achievement of {mean} and absorption of {serapan} the rule says "
        "{verdict}.",
    ),
    Text(
        "Efisien: rata-rata capaian sasaran ≥ 100% dan serapan lebih kecil darinya. Tidak efisien: rata-rata "
        "capaian < 100% dan serapan lebih besar darinya. Di luar keduanya aturan tidak menyimpulkan apa pun "
        "(peringatan, bukan kesalahan).",
        "Efficient: the sasaran's mean achievement ≥ 100% and absorption below it. Not efficient: mean "
        "achievement < 100% and absorption above it. Otherwise the rule concludes nothing (a warning, not an "
        "error).",
    ),
    Text("Tulis kesimpulan sesuai aturan, atau pakai kolom templat.", "Write the verdict of the rule, or use the template's column."),
)

VERDICT_WORD = Check(
    "K113",
    "istilah-efisiensi-tidak-baku",
    Severity.WARNING,
    Text("Istilah efisiensi di luar aturan", "Efficiency word outside the rule"),
    Text(
        "\"{printed}\" bukan istilah aturan efisiensi (Efisien / Tidak Efisien).{note}",
        "\"{printed}\" is not a word of the efficiency rule (Efisien / Tidak Efisien).{note}",
    ),
    Text(
        "Aturan efisiensi LKjIP hanya mengenal Efisien dan Tidak Efisien; tingkatan seperti \"Sangat Efisien\" "
        "tidak punya dasar hitungan.",
        "The LKjIP efficiency rule knows only Efisien and Tidak Efisien; grades like \"Sangat Efisien\" have "
        "no computation behind them.",
    ),
    Text("Tulis Efisien atau Tidak Efisien sesuai Tabel 3.5.", "Write Efisien or Tidak Efisien as Table 3.5 concludes."),
)

PERCENT_WITHOUT_BUDGET = Check(
    "K114",
    "persentase-tanpa-anggaran",
    Severity.ERROR,
    Text("Persentase tercetak tanpa anggaran", "Percentage printed without a budget"),
    Text(
        "{column} tertulis {reported} padahal {reason}.",
        "{column} reads {reported} but {reason}.",
    ),
    Text(
        "Serapan dan efisiensi dihitung dari anggaran. Tanpa anggaran (0, atau baris yang berbagi anggaran "
        "baris di atasnya) tidak ada yang dapat dihitung.",
        "Absorption and efficiency come from the budget. Without one (0, or a row sharing the budget of the row "
        "above) nothing can be computed.",
    ),
    Text("Kosongkan sel, atau isi anggaran baris ini.", "Clear the cell, or fill in this row's budget."),
)

OVERSPENT = Check(
    "K115",
    "realisasi-melebihi-anggaran-3.5",
    Severity.WARNING,
    Text("Realisasi melebihi anggaran (Tabel 3.5)", "Spending above budget (Table 3.5)"),
    Text(
        "Realisasi {reported} melebihi anggaran {expected}: belanja di luar DPA harus dijelaskan.",
        "Spending {reported} exceeds the budget {expected}: spending beyond the DPA must be explained.",
    ),
    Text(
        "Realisasi di atas anggaran berarti belanja melampaui DPA.",
        "Spending above the budget means spending beyond the DPA.",
    ),
    Text("Periksa angkanya terhadap Tabel 3.8.", "Check the figure against Table 3.8."),
)

IKM_SCALES_IN_ROW = Check(
    "K120",
    "skala-ikm-bercampur",
    Severity.ERROR,
    Text("Target dan realisasi IKM pada skala berbeda", "IKM target and actual on different scales"),
    Text(
        "Realisasi {reported} memakai skala {scale}, targetnya {target} skala {target_scale}: pada skala target "
        "realisasi ini {expected} (NIK = NI × 25).",
        "The actual {reported} is on the {scale} scale, the target {target} on {target_scale}: on the target's "
        "scale this actual is {expected} (NIK = NI × 25).",
    ),
    Text(
        "IKM (PermenPANRB 14/2017) punya dua skala: NI 1–4 dan NIK 25–100, NIK = NI × 25. Capaian dari dua "
        "skala berbeda tidak bermakna; lkjip-xl menghitungnya setelah dikonversi.",
        "The IKM (PermenPANRB 14/2017) has two scales: NI 1–4 and NIK 25–100, NIK = NI × 25. An achievement "
        "across two scales means nothing; lkjip-xl computes it after converting.",
    ),
    Text("Tulis target dan realisasi pada skala yang sama.", "Write target and actual on the same scale."),
)

IKM_OUT_OF_SCALE = Check(
    "K121",
    "nilai-ikm-di-luar-skala",
    Severity.ERROR,
    Text("Nilai IKM di luar kedua skala", "IKM value on neither scale"),
    Text(
        "Nilai IKM {reported} tidak berada di skala NI (1–4) maupun NIK (25–100).",
        "The IKM value {reported} is on neither the NI (1–4) nor the NIK (25–100) scale.",
    ),
    Text(
        "Nilai IKM selalu 1–4 (NI) atau 25–100 (NIK). Angka lain biasanya salah ketik atau persentase.",
        "An IKM value is always 1–4 (NI) or 25–100 (NIK). Anything else is usually a typo or a percentage.",
    ),
    Text("Periksa angkanya terhadap hasil survei kepuasan masyarakat.", "Check the figure against the satisfaction survey."),
)

SAKIP_RANGE = Check(
    "K122",
    "nilai-sakip-di-luar-rentang",
    Severity.ERROR,
    Text("Nilai SAKIP di luar 0–100", "SAKIP score outside 0–100"),
    Text("Nilai SAKIP {reported} berada di luar rentang 0–100.", "The SAKIP score {reported} is outside 0–100."),
    Text("Nilai evaluasi SAKIP adalah angka 0–100.", "A SAKIP evaluation score is a number from 0 to 100."),
    Text("Periksa angkanya terhadap LHE SAKIP.", "Check the figure against the SAKIP evaluation report."),
)

SAKIP_PREDIKAT = Check(
    "K123",
    "predikat-sakip-salah",
    Severity.ERROR,
    Text("Predikat SAKIP tidak sesuai nilainya", "SAKIP grade does not fit its score"),
    Text(
        "Predikat tertulis {printed}, padahal nilai SAKIP {nilai} berpredikat {expected}.",
        "The grade reads {printed}, but a SAKIP score of {nilai} is graded {expected}.",
    ),
    Text(
        "Predikat SAKIP: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D ≤ 30.",
        "SAKIP grades: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D ≤ 30.",
    ),
    Text("Samakan predikat dengan nilainya (LHE SAKIP).", "Make the grade agree with the score (SAKIP evaluation report)."),
)

NUMBER_DUPLICATE = Check(
    "K130",
    "nomor-indikator-ganda",
    Severity.WARNING,
    Text("Nomor urut ganda", "Duplicate row number"),
    Text("Nomor urut {number} juga dipakai di baris {other}.", "Row number {number} is also used on row {other}."),
    Text(
        "Nomor ganda sering berarti beberapa tabel satu baris yang ditempel jadi satu (seperti Tabel 3.2 contoh), "
        "atau baris tersalin dua kali.",
        "A duplicate number often means several one-row tables pasted into one (as in the example's Table 3.2), "
        "or a row copied twice.",
    ),
    Text("Nomori ulang baris tabel.", "Renumber the table's rows."),
)

NUMBER_GAP = Check(
    "K131",
    "nomor-indikator-meloncat",
    Severity.WARNING,
    Text("Nomor urut meloncat", "Gap in row numbering"),
    Text(
        "Nomor urut meloncat dari {previous} ke {number}: nomor {missing} tidak ada.",
        "Numbering jumps from {previous} to {number}: number {missing} is missing.",
    ),
    Text("Nomor yang hilang biasanya berarti indikator terhapus.", "A missing number usually means a deleted indicator."),
    Text("Periksa apakah ada indikator yang hilang; lalu nomori ulang.", "Check whether an indicator is missing; then renumber."),
)

ID_DUPLICATE = Check(
    "K132",
    "id-indikator-ganda",
    Severity.WARNING,
    Text("ID indikator ganda", "Duplicate indicator ID"),
    Text("ID {id} juga dipakai di baris {other} tabel ini.", "ID {id} is also used on row {other} of this table."),
    Text(
        "ID mencocokkan indikator antar tabel; ID ganda membuat pencocokan salah.",
        "The ID matches an indicator across tables; a duplicate ID makes the matching wrong.",
    ),
    Text("Beri setiap indikator ID sendiri, sama di semua tabel.", "Give every indicator its own ID, the same in every table."),
)

FORMULA_NAMES = {
    Polarity.POSITIVE: Text("realisasi / target × 100", "actual / target × 100"),
    NegativeFormula.DOUBLE_TARGET: Text(
        "(2 × target − realisasi) / target × 100 (polaritas negatif)", "(2 × target − actual) / target × 100 (negative polarity)"
    ),
    NegativeFormula.INVERSE: Text("target / realisasi × 100 (polaritas negatif)", "target / actual × 100 (negative polarity)"),
}
VERDICT_NAMES = {
    Verdict.EFFICIENT: Text("efisien", "efficient"),
    Verdict.INEFFICIENT: Text("tidak efisien", "not efficient"),
    None: Text("tidak dapat disimpulkan", "nothing can be concluded"),
}
NO_VERDICT = "-"  # what the template's column shows when the rule concludes nothing
YEAR = Text(" {year}", " for {year}")
TARGET_ZERO = Text("0", "0")
TARGET_EMPTY = Text("kosong", "empty")
COPIED_ACTUAL = Text(
    " Angkanya sama dengan realisasi: tampaknya realisasi tersalin ke kolom capaian.",
    " It equals the actual: the actual seems to have been copied into the achievement column.",
)
OTHER_SCALE = Text(" Label itu milik skala {other}: periksa pengaturan skala_kategori.", " That label belongs to the {other} scale: check the setting skala_kategori.")
IMPLIED_ACTUAL = Text(
    " Capaian tercetak cocok dengan realisasi {implied}, bukan {realisasi}: salah satunya salah ketik.",
    " The printed achievement fits an actual of {implied}, not {realisasi}: one of them is a typo.",
)
RULE_SAYS = Text(" Menurut Tabel 3.5: {verdict}.", " According to Table 3.5: {verdict}.")
SHARED_BUDGET = Text("baris ini berbagi anggaran baris di atasnya", "this row shares the budget of the row above")
ZERO_BUDGET = Text("anggarannya 0", "its budget is 0")
NO_BUDGET = Text("baris ini tidak punya anggaran", "this row has no budget")
COLUMN_SERAPAN = Text("% serapan", "% absorption")
COLUMN_EFFICIENCY = Text("Tingkat efisiensi", "The efficiency level")

# -- reading --------------------------------------------------------------------------------------

_READABLE = (Kind.NUMBER, Kind.TEXT, Kind.FOREIGN, Kind.NIL)


def number(item: Field) -> float | None:
    """The figure of a cell when it reads as one number (ambiguous and broken cells do not)."""
    return item.parsed.value if item.parsed.kind in _READABLE else None


def _candidates(item: Field) -> list[float | None]:
    parsed = item.parsed
    if parsed.kind in _READABLE:
        return [parsed.value]
    if parsed.kind in (Kind.AMBIGUOUS, Kind.MALFORMED) and parsed.readings:
        return list(parsed.readings)
    return [None]


def _goal(row) -> TextField | None:
    return getattr(row, "goal", None)  # Tabel 3.3 and 3.5 rows name their sasaran; 3.2 rows do not


def row_label(row) -> str:
    goal = _goal(row)
    return row.name.text or row.indicator_id.text or (goal.text if goal else "") or f"baris {row.row}"


def label_ref(row) -> CellRef | None:
    """The cell that names a row: its ID, its indicator, or its sasaran."""
    goal = _goal(row)
    return row.indicator_id.ref or row.name.ref or (goal.ref if goal else None)


def judge(printed: float, decimals: int | None, computed: float, settings: Settings) -> Agreement:
    """The rounding rule of domain.md for a printed percentage, with the configured tolerance."""
    return agreement(printed, decimals, computed, settings.tolerance_percent, settings.accept_truncation)


# -- which indicator is which ------------------------------------------------------------------------


@dataclass
class Match:
    row: object  # the row of the other table
    by_name: bool  # matched by normalised name, because an ID was missing


class IndicatorIndex:
    """The rows of one table, found by indicator ID, or by normalised name where an ID is missing."""

    def __init__(self, rows: list, names: Callable[[object], str]) -> None:
        self.names = names
        self.by_id: dict[str, object] = {}
        self.by_name: dict[str, object] = {}
        for row in rows:
            if row.indicator_id.text:
                self.by_id.setdefault(id_key(row.indicator_id.text), row)
            if names(row):
                self.by_name.setdefault(name_key(names(row)), row)

    def find(self, row) -> Match | None:
        key = id_key(row.indicator_id.text)
        if key and key in self.by_id:
            return Match(self.by_id[key], False)
        name = self.names(row)
        other = self.by_name.get(name_key(name)) if name else None
        if other is not None and not (key and other.indicator_id.text):
            return Match(other, True)
        return None


def rows_of(table: IndicatorTable | None) -> list:
    return table.rows if table is not None else []


# -- what is known about each indicator across the tables ---------------------------------------------


class Indicators:
    """The name, polarity and kind (IKM, SAKIP) of every indicator of a document.

    Polarity: negative when the settings list it or its Tabel 3.2 row says so, as the template's formulas
    have it (Tabel 3.3 and 3.5 rows take their 3.2 row's column).
    """

    def __init__(self, document: Document) -> None:
        self.listed = {id_key(entry) for entry in document.settings.negative_indicators}
        # A Tabel 3.5 printed without an indicator column (the seed's) names its rows by sasaran only.
        self.by_goal = {
            text_key(row.goal.text): row.name.text for row in rows_of(document.trend) if row.goal.text and row.name.text
        }
        self.main = self.index(rows_of(document.indicators))

    def name(self, row) -> str:
        goal = _goal(row)
        return row.name.text or (self.by_goal.get(text_key(goal.text), "") if goal else "")

    def index(self, rows: list) -> IndicatorIndex:
        return IndicatorIndex(rows, self.name)

    def is_listed(self, row) -> bool:
        key = id_key(row.indicator_id.text or row.name.text)
        return bool(key) and key in self.listed

    @staticmethod
    def column(row: IndicatorRow) -> Polarity | None:
        try:
            return parse_polarity(row.polarity.text)
        except ValueError:
            return None

    def _main_row(self, row) -> IndicatorRow | None:
        if isinstance(row, IndicatorRow):
            return row
        match = self.main.find(row)
        return match.row if match is not None else None

    def polarity(self, row) -> Polarity:
        own = self._main_row(row)
        if self.is_listed(row) or (own is not None and self.column(own) is Polarity.NEGATIVE):
            return Polarity.NEGATIVE
        return Polarity.POSITIVE

    def family(self, row) -> str | None:
        """IKM or SAKIP, from the row's own name or that of its Tabel 3.2 row."""
        own = self._main_row(row)
        return family(self.name(row)) or (family(own.name.text) if own is not None else None)


# -- one row's target, realisasi and capaian ------------------------------------------------------------


@dataclass
class Outcome:
    """What a row's figures say once read: the values used, the capaian they give, how the printed one fares."""

    target: float | None
    realisasi: float | None
    capaian: float | None  # computed; None when it cannot be (no target, target 0, no realisasi)
    printed: float | None  # the printed capaian
    agreement: Agreement | None  # printed against computed; None when either is missing
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    scales: tuple[IkmScale | None, IkmScale | None] = (None, None)  # IKM: target's and realisasi's scale

    @property
    def agrees(self) -> bool:
        return self.agreement is not None and self.agreement is not Agreement.MISMATCH


def evaluate(
    target: Field,
    realisasi: Field,
    printed: Field,
    polarity: Polarity,
    settings: Settings,
    kind: str | None = None,
) -> Outcome:
    """Read one row's figures. An ambiguous or mistyped target/realisasi takes the reading that makes the
    printed capaian hold, if one does. IKM figures on two scales are compared on the target's scale."""
    shown = number(printed)
    decimals = printed.parsed.decimals

    def compute(t: float | None, r: float | None) -> tuple[float | None, tuple]:
        scales = (ikm_scale(t), ikm_scale(r)) if kind == "ikm" else (None, None)
        if None not in scales and scales[0] is not scales[1]:
            r = scales[1].convert(r, scales[0])
        return capaian(t, r, polarity, settings.negative_formula), scales

    options = [_candidates(target), _candidates(realisasi)]
    t, r = number(target), number(realisasi)
    resolutions: dict[str, Resolution] = {}
    if shown is not None and any(len(option) > 1 for option in options):
        for t_reading, r_reading in itertools.product(*options):
            value, _ = compute(t_reading, r_reading)
            if value is not None and judge(shown, decimals, value, settings) is not Agreement.MISMATCH:
                t, r = t_reading, r_reading
                for key, item, reading in (("target", target, t), ("realisasi", realisasi, r)):
                    if item.parsed.kind in (Kind.AMBIGUOUS, Kind.MALFORMED):
                        resolutions[key] = Resolution(reading, ("capaian",))
                break
    value, scales = compute(t, r)
    result = None if value is None or shown is None else judge(shown, decimals, value, settings)
    return Outcome(t, r, value, shown, result, resolutions, scales)


def year_text(year: int | None) -> object:
    return YEAR.with_params(year=year) if year else ""


@dataclass(frozen=True)
class TableContext:
    """What every check of one table needs besides its rows."""

    table: str
    settings: Settings
    text_severity: Severity | None = None  # numbers stored as text: info on free-form sheets, as in budget.py

    @classmethod
    def of(cls, document: Document, table: str) -> TableContext:
        return cls(table, document.settings, Severity.INFO if document.layout == "freeform" else None)

    def numbers(self, item: Field, unit: Unit, label: str, resolution: Resolution | None = None) -> list[Finding]:
        return number_findings(
            item, table=self.table, unit=unit, label=label, resolution=resolution, text_severity=self.text_severity
        )


def capaian_findings(
    context: TableContext,
    label: str,
    target: Field,
    realisasi: Field,
    printed: Field,
    outcome: Outcome,
    polarity: Polarity,
    kind: str | None,
    year: int | None = None,
) -> list[Finding]:
    """Everything about one (target, realisasi, capaian) triple: its cells, its capaian, IKM and SAKIP sanity."""
    findings: list[Finding] = []
    settings = context.settings
    common = dict(table=context.table, label=label)
    for key, item, unit in (("target", target, VALUE), ("realisasi", realisasi, VALUE), ("capaian", printed, PERCENT)):
        if kind == "sakip" and item.parsed.kind is Kind.INVALID and predikat_in(item.parsed.text or ""):
            continue  # a SAKIP predikat written as the figure is a word, not a broken number
        findings.extend(context.numbers(item, unit, label, outcome.resolutions.get(key)))
    findings.extend(_family_findings(kind, target, realisasi, outcome, common))
    shown = outcome.printed
    shown_year = year_text(year)
    if shown is None or printed.empty:
        return findings
    if target.empty or outcome.target == 0:
        note = COPIED_ACTUAL if outcome.realisasi is not None and abs(shown - outcome.realisasi) < 1e-9 else ""
        findings.append(
            CAPAIAN_WITHOUT_TARGET.at(
                printed.ref, reported=shown, unit=PERCENT, year=shown_year,
                target=TARGET_EMPTY if target.empty else TARGET_ZERO, note=note, **common,
            )
        )
        return findings
    if outcome.capaian is None:
        return findings
    formula = FORMULA_NAMES[polarity if polarity is Polarity.POSITIVE else settings.negative_formula]
    if outcome.agreement is Agreement.MISMATCH:
        note = _implied_actual(outcome, printed, realisasi, polarity)
        findings.append(
            CAPAIAN.at(
                printed.ref, reported=shown, expected=outcome.capaian, unit=PERCENT, year=shown_year, formula=formula,
                note=note, **common,
            )
        )
    elif outcome.agreement is Agreement.TRUNCATED:
        findings.append(
            CAPAIAN_TRUNCATED.at(
                printed.ref, reported=shown, unit=PERCENT, year=shown_year,
                exact=Num(outcome.capaian, "percent"),
                rounded=Num(float(round_half_up(outcome.capaian, printed.parsed.decimals or 0)), "percent"),
                **common,
            )
        )
    return findings


def _implied_actual(outcome: Outcome, printed: Field, realisasi: Field, polarity: Polarity):
    """When a precise printed capaian fits a realisasi one typo away from the printed one, say so: it tells
    which figure to look at (the seed's 101,95 is 86,66 / 85, its realisasi reads 86,86)."""
    if polarity is not Polarity.POSITIVE or outcome.target is None or outcome.realisasi is None:
        return ""
    if (printed.parsed.decimals or 0) < 2:
        return ""
    decimals = realisasi.parsed.decimals or 0
    implied = round_half_up(outcome.printed * outcome.target / 100, decimals)
    actual = round_half_up(outcome.realisasi, decimals)
    if not _one_typo_apart(str(implied), str(actual)):
        return ""
    return IMPLIED_ACTUAL.with_params(implied=Num(float(implied)), realisasi=Num(outcome.realisasi))


def _one_typo_apart(a: str, b: str) -> bool:
    """Same length, and one digit different or two neighbours swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def _family_findings(kind: str | None, target: Field, realisasi: Field, outcome: Outcome, common: dict) -> list[Finding]:
    findings = []
    if kind == "ikm":
        for item, value, scale in ((target, outcome.target, outcome.scales[0]), (realisasi, outcome.realisasi, outcome.scales[1])):
            if value is not None and value != 0 and scale is None:
                findings.append(IKM_OUT_OF_SCALE.at(item.ref, reported=value, unit=VALUE, **common))
        target_scale, own_scale = outcome.scales
        if None not in outcome.scales and target_scale is not own_scale:
            findings.append(
                IKM_SCALES_IN_ROW.at(
                    realisasi.ref,
                    reported=outcome.realisasi,
                    expected=own_scale.convert(outcome.realisasi, target_scale),
                    unit=VALUE,
                    scale=own_scale.value,
                    target=Num(outcome.target),
                    target_scale=target_scale.value,
                    **common,
                )
            )
    elif kind == "sakip":
        for item, value in ((target, outcome.target), (realisasi, outcome.realisasi)):
            if value is not None and not 0 <= value <= 100:
                findings.append(SAKIP_RANGE.at(item.ref, reported=value, unit=VALUE, **common))
    return findings


# -- Tabel 3.2 ---------------------------------------------------------------------------------------


def _category_findings(row: IndicatorRow, outcome: Outcome, settings: Settings) -> list[Finding]:
    printed = row.category.text
    if not printed or printed == NO_VERDICT or printed.upper() in EXCEL_ERRORS:
        return []  # an error value is not a label (a broken formula: N006 where it is a figure)
    scale = settings.category_scale
    common = dict(table="3.2", label=row_label(row), printed=printed, scale=str(scale))
    own = scale.knows(printed)
    if own is None:
        others = [other for other in SCALE_PRESETS if other != scale and other.knows(printed)]
        note = OTHER_SCALE.with_params(other=others[0].name) if others else ""
        return [CATEGORY_UNKNOWN.at(row.category.ref, labels=", ".join(scale.labels), note=note, **common)]
    values = [value for value in (outcome.capaian, outcome.printed if outcome.agrees else None) if value is not None]
    if not values:
        values = [outcome.printed] if outcome.printed is not None else []
    if not values or any(scale.category(value) == own for value in values):
        return []
    return [
        CATEGORY.at(
            row.category.ref, expected=scale.category(values[0]), capaian=Num(values[0], "percent"), **common
        )
    ]


def _polarity_findings(row: IndicatorRow, indicators: Indicators) -> list[Finding]:
    common = dict(table="3.2", label=row_label(row))
    try:
        written = parse_polarity(row.polarity.text)
    except ValueError:
        return [POLARITY_UNKNOWN.at(row.polarity.ref, text=row.polarity.text, **common)]
    if written is Polarity.POSITIVE and indicators.is_listed(row):
        return [POLARITY_CONFLICT.at(row.polarity.ref, **common)]
    return []


def _predikat_findings(row: IndicatorRow, outcome: Outcome) -> list[Finding]:
    """A SAKIP row whose note (or unit) names a predikat: it must be the predikat of the realisasi."""
    if outcome.realisasi is None:
        return []
    for cell in (row.note, row.unit):
        written = predikat_in(cell.text)
        if written is None:
            continue
        expected = sakip_predikat(outcome.realisasi)
        if written != expected:
            return [
                SAKIP_PREDIKAT.at(
                    cell.ref, table="3.2", label=row_label(row), expected=expected, printed=written,
                    nilai=Num(outcome.realisasi),
                )
            ]
        return []
    return []


def _word_findings(table: str, row, cell: TextField, verdict: Verdict | None, with_rule: bool) -> list[Finding]:
    """An efficiency word that is not the rule's own (K113)."""
    if not cell.text or cell.text == NO_VERDICT or not is_efficiency_label(cell.text):
        return []
    _, own_word = read_verdict(cell.text)
    if own_word:
        return []
    note = RULE_SAYS.with_params(verdict=VERDICT_NAMES[verdict]) if with_rule else ""
    expected = (verdict.value if verdict else NO_VERDICT) if with_rule else None
    return [VERDICT_WORD.at(cell.ref, table=table, label=row_label(row), printed=cell.text, expected=expected, note=note)]


def numbering_findings(table: str, rows: list) -> list[Finding]:
    """Duplicate and missing row numbers, duplicate indicator IDs."""
    numbered = [(row, row_number(number(row.number)), row_label(row)) for row in rows]
    findings = numbering_gaps(table, [item for item in numbered if item[1] is not None], NUMBER_DUPLICATE, NUMBER_GAP)
    ids: dict[str, object] = {}
    for row in rows:
        key = id_key(row.indicator_id.text)
        if not key:
            continue
        if key in ids:
            findings.append(
                ID_DUPLICATE.at(row.indicator_id.ref, table=table, label=row_label(row), id=row.indicator_id.text, other=ids[key].row)
            )
        ids.setdefault(key, row)
    return findings


@rule
def indicator_table(document: Document) -> list[Finding]:
    """Tabel 3.2: capaian, category, polarity, SAKIP predikat, the efficiency word, numbering."""
    if document.indicators is None:
        return []
    settings = document.settings
    context = TableContext.of(document, "3.2")
    indicators = Indicators(document)
    verdicts = verdicts_by_indicator(document, indicators)
    findings: list[Finding] = []
    for row in document.indicators.rows:
        polarity = indicators.polarity(row)
        kind = indicators.family(row)
        outcome = evaluate(row.target, row.realisasi, row.capaian, polarity, settings, kind)
        label = row_label(row)
        findings += capaian_findings(context, label, row.target, row.realisasi, row.capaian, outcome, polarity, kind)
        findings += _polarity_findings(row, indicators)
        findings += _category_findings(row, outcome, settings)
        if kind == "sakip":
            findings += _predikat_findings(row, outcome)
        match = verdicts.index.find(row)
        verdict = verdicts.by_row.get(id(match.row)) if match else None
        findings += _word_findings("3.2", row, row.note, verdict, with_rule=match is not None)
    findings += numbering_findings("3.2", document.indicators.rows)
    return findings


# -- Tabel 3.3 ---------------------------------------------------------------------------------------


def trend_years(document: Document, row: TrendRow) -> list[int | None]:
    """The year of each of a row's column groups (three in the template, as many as the header names in a
    pasted table): the header's, or counted back from the settings' year."""
    year = document.settings.year
    last = len(row.years) - 1
    return [
        figures.year if figures.year else (year - (last - index) if year else None)
        for index, figures in enumerate(row.years)
    ]


@rule
def trend_table(document: Document) -> list[Finding]:
    """Tabel 3.3: each year's capaian."""
    if document.trend is None:
        return []
    context = TableContext.of(document, "3.3")
    indicators = Indicators(document)
    findings: list[Finding] = []
    for row in document.trend.rows:
        polarity = indicators.polarity(row)
        kind = indicators.family(row)
        for figures, year in zip(row.years, trend_years(document, row)):
            outcome = evaluate(figures.target, figures.realisasi, figures.capaian, polarity, document.settings, kind)
            findings += capaian_findings(
                context, row_label(row), figures.target, figures.realisasi, figures.capaian, outcome, polarity, kind, year
            )
    findings += numbering_findings("3.3", document.trend.rows)
    return findings


# -- Tabel 3.5 ---------------------------------------------------------------------------------------


@dataclass
class BudgetGroup:
    """A budget of Tabel 3.5 and the rows it funds: the row that states it and the rows below left empty."""

    rows: list[EfficiencyRow]
    outcomes: list[Outcome]
    anggaran: float | None
    realisasi: float | None

    @property
    def head(self) -> EfficiencyRow:
        return self.rows[0]

    @property
    def serapan(self) -> float | None:
        if self.anggaran is None or self.realisasi is None or self.anggaran == 0:
            return None
        return self.realisasi / self.anggaran * 100

    @property
    def mean_capaian(self) -> float | None:
        values = [o.capaian if o.capaian is not None else o.printed for o in self.outcomes]
        values = [value for value in values if value is not None]
        return sum(values) / len(values) if values else None

    @property
    def verdict(self) -> Verdict | None:
        return efficiency_verdict(self.mean_capaian, self.serapan)


def budget_groups(document: Document, indicators: Indicators) -> list[BudgetGroup]:
    groups: list[BudgetGroup] = []
    for row in rows_of(document.efficiency):
        outcome = evaluate(
            row.target, row.realisasi, row.capaian, indicators.polarity(row), document.settings, indicators.family(row)
        )
        opens = not (row.anggaran.empty and row.realisasi_rp.empty)
        if opens or not groups:
            groups.append(BudgetGroup([], [], number(row.anggaran), number(row.realisasi_rp)))
        groups[-1].rows.append(row)
        groups[-1].outcomes.append(outcome)
    return groups


@dataclass
class Verdicts:
    """Tabel 3.5's verdict for each of its rows, and an index to find a 3.2 indicator among them."""

    by_row: dict[int, Verdict | None]
    index: IndicatorIndex


def verdicts_by_indicator(document: Document, indicators: Indicators) -> Verdicts:
    groups = budget_groups(document, indicators)
    by_row = {id(row): group.verdict for group in groups for row in group.rows if group.serapan is not None}
    return Verdicts(by_row, indicators.index([row for group in groups for row in group.rows if id(row) in by_row]))


def _group_findings(group: BudgetGroup, settings: Settings) -> list[Finding]:
    findings = _serapan_findings(group, settings) + _efficiency_findings(group, settings) + _verdict_findings(group)
    if group.anggaran and group.realisasi is not None and group.realisasi > group.anggaran + settings.tolerance_money:
        head = group.head
        findings.append(
            OVERSPENT.at(head.realisasi_rp.ref, table="3.5", label=row_label(head), reported=group.realisasi, expected=group.anggaran, unit=RUPIAH)
        )
    for row in group.rows[1:]:
        findings += _without_budget(row, SHARED_BUDGET)
    return findings


def _without_budget(row: EfficiencyRow, reason: Text, zero_serapan_ok: bool = False) -> list[Finding]:
    """Serapan or efficiency printed where there is no budget to compute them from (K114)."""
    findings = []
    for item, column in ((row.serapan, COLUMN_SERAPAN), (row.efisiensi, COLUMN_EFFICIENCY)):
        value = number(item)
        if value is not None and not (zero_serapan_ok and item is row.serapan and value == 0):
            findings.append(
                PERCENT_WITHOUT_BUDGET.at(item.ref, table="3.5", label=row_label(row), reported=value, unit=PERCENT, column=column, reason=reason)
            )
    return findings


def _serapan_findings(group: BudgetGroup, settings: Settings) -> list[Finding]:
    head = group.head
    printed = number(head.serapan)
    if group.serapan is None:
        if head.anggaran.empty and head.realisasi_rp.empty:
            return _without_budget(head, NO_BUDGET)
        if group.anggaran == 0:
            # 0 % of a zero budget with nothing spent is acceptable (domain.md); anything else is not.
            return _without_budget(head, ZERO_BUDGET, zero_serapan_ok=not group.realisasi)
        return []
    if printed is None or judge(printed, head.serapan.parsed.decimals, group.serapan, settings) is not Agreement.MISMATCH:
        return []
    return [SERAPAN.at(head.serapan.ref, table="3.5", label=row_label(head), reported=printed, expected=group.serapan, unit=PERCENT)]


def _efficiency_findings(group: BudgetGroup, settings: Settings) -> list[Finding]:
    head = group.head
    formula = settings.efficiency_formula
    expected = efficiency(group.serapan, group.mean_capaian, formula)
    shown = number(head.efisiensi)
    if shown is None or expected is None:
        return []
    if judge(shown, head.efisiensi.parsed.decimals, expected, settings) is not Agreement.MISMATCH:
        return []
    return [
        EFFICIENCY.at(
            head.efisiensi.ref, table="3.5", label=row_label(head), reported=shown, expected=expected, unit=PERCENT,
            formula=formula.value, serapan=Num(group.serapan, "percent"), mean=_percent_or_dash(group.mean_capaian),
        )
    ]


def _percent_or_dash(value: float | None):
    return Num(value, "percent") if value is not None else "-"


def _verdict_findings(group: BudgetGroup) -> list[Finding]:
    cell = group.head.efisiensi_label
    if not cell.text or group.serapan is None:
        return []
    verdict = group.verdict
    written, own_word = read_verdict(cell.text)
    if not own_word and cell.text != NO_VERDICT:
        return _word_findings("3.5", group.head, cell, verdict, with_rule=True)
    if written is verdict or (written is None and verdict is None):
        return []
    severity = Severity.WARNING if verdict is None else None
    return [
        VERDICT.at(
            cell.ref, table="3.5", label=row_label(group.head), severity=severity,
            expected=verdict.value if verdict else NO_VERDICT, printed=cell.text,
            mean=_percent_or_dash(group.mean_capaian), serapan=Num(group.serapan, "percent"),
            verdict=VERDICT_NAMES[verdict],
        )
    ]


@rule
def efficiency_table(document: Document) -> list[Finding]:
    """Tabel 3.5: each row's capaian, each budget group's serapan, efficiency and verdict."""
    if document.efficiency is None:
        return []
    context = TableContext.of(document, "3.5")
    indicators = Indicators(document)
    findings: list[Finding] = []
    for group in budget_groups(document, indicators):
        for row, outcome in zip(group.rows, group.outcomes):
            label, kind = row_label(row), indicators.family(row)
            findings += capaian_findings(
                context, label, row.target, row.realisasi, row.capaian, outcome, indicators.polarity(row), kind
            )
            for item, unit in ((row.anggaran, RUPIAH), (row.realisasi_rp, RUPIAH), (row.serapan, PERCENT), (row.efisiensi, PERCENT)):
                findings += context.numbers(item, unit, label)
        findings += _group_findings(group, document.settings)
    findings += numbering_findings("3.5", document.efficiency.rows)
    return findings

