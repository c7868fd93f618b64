"""B: the budget tables, Tabel 3.8 (program > kegiatan > sub kegiatan, JUMLAH) and Tabel 3.7.

Money exists only at sub kegiatan level (SIPD): a parent's anggaran and realisasi are checked against the
sum of the sub kegiatan below it, so every wrong total is found in one pass, with the value it should
have. Selisih and persentase are checked against the row's own anggaran and realisasi; where those agree
but the row's anggaran or realisasi are wrong, the parent checks (B103, B106) say what they should be.
A wrong cell gets one finding, under the most specific code that explains it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..codes import Level, level_from_label
from ..findings import Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..model import BudgetRow, BudgetTable, Document, Field
from ..numbers import Agreement, Kind, agreement, money_equal, transposed_digits
from ..settings import Settings
from . import rule
from .cells import Resolution, number_findings, numbering_gaps, row_number

RUPIAH, PERCENT = Unit.RUPIAH, Unit.PERCENT

COLUMNS = {
    "anggaran": Text("Anggaran", "Budget"),
    "realisasi": Text("Realisasi", "Spending"),
    "selisih": Text("Selisih", "Difference"),
    "persen": Text("Persentase", "Percentage"),
}
TOTAL_ROW = Text("baris JUMLAH", "the TOTAL row")
TRUTH_NOTE = Text(
    " Menurut sub kegiatannya seharusnya {truth}.", " According to its sub-activities it should be {truth}."
)
LEVELS = {
    Level.PROGRAM: Text("program", "program"),
    Level.KEGIATAN: Text("kegiatan", "activity"),
    Level.SUB_KEGIATAN: Text("sub kegiatan", "sub-activity"),
    Level.TOTAL: Text("JUMLAH", "TOTAL"),
}

PARENT_ANGGARAN = Check(
    "B101",
    "jumlah-anggaran-induk",
    Severity.ERROR,
    Text("Anggaran induk ≠ jumlah rinciannya", "Parent budget ≠ sum of its lines"),
    Text(
        "Anggaran {what} tertulis {reported}, padahal {count} rincian di bawahnya berjumlah "
        "{expected}.{note}",
        "The budget of {what} reads {reported}, but the {count} lines below it add up to "
        "{expected}.{note}",
    ),
    Text(
        "Di SIPD uang hanya ada di tingkat sub kegiatan; anggaran kegiatan, program dan JUMLAH adalah jumlahnya. "
        "Total yang diketik tangan sering tertinggal ketika DPA berubah atau baris disisipkan/dihapus.",
        "In SIPD money exists only at sub-activity level; activity, program and TOTAL budgets are sums. Totals "
        "typed by hand fall behind when the DPA changes or rows are inserted or deleted.",
    ),
    Text(
        "Ganti angka ketikan dengan rumus =SUM() atas rinciannya, atau periksa apakah ada sub kegiatan yang hilang.",
        "Replace the typed figure with a =SUM() over its lines, or check whether a sub-activity is missing.",
    ),
)

PARENT_REALISASI = Check(
    "B102",
    "jumlah-realisasi-induk",
    Severity.ERROR,
    Text("Realisasi induk ≠ jumlah rinciannya", "Parent spending ≠ sum of its lines"),
    Text(
        "Realisasi {what} tertulis {reported}, padahal {count} rincian di bawahnya berjumlah "
        "{expected}.{note}",
        "The spending of {what} reads {reported}, but the {count} lines below it add up to "
        "{expected}.{note}",
    ),
    Text(
        "Realisasi kegiatan, program dan JUMLAH adalah jumlah realisasi sub kegiatannya.",
        "Activity, program and TOTAL spending is the sum of the spending of their sub-activities.",
    ),
    Text("Ganti angka ketikan dengan rumus =SUM() atas rinciannya.", "Replace the typed figure with a =SUM() over its lines."),
)

PARENT_SELISIH = Check(
    "B103",
    "selisih-induk",
    Severity.ERROR,
    Text("Selisih induk ≠ jumlah selisih rinciannya", "Parent difference ≠ sum of its lines' differences"),
    Text(
        "Selisih {what} tertulis {reported}: cocok dengan anggaran dan realisasi baris ini, tetapi "
        "keduanya salah; dari sub kegiatannya selisih seharusnya {expected}.",
        "The difference of {what} reads {reported}: it matches this row's budget and spending, but "
        "both are wrong; from its sub-activities it should be {expected}.",
    ),
    Text(
        "Selisih induk adalah jumlah selisih rinciannya. Jika anggaran atau realisasi induk salah, selisih yang "
        "dihitung dari keduanya ikut salah di laporan.",
        "A parent's difference is the sum of its lines' differences. When the parent's budget or spending is "
        "wrong, the difference computed from them is wrong in the report too.",
    ),
    Text("Perbaiki anggaran dan realisasi baris ini; selisihnya akan ikut benar.", "Fix this row's budget and spending; its difference follows."),
)

SELISIH = Check(
    "B104",
    "selisih-salah",
    Severity.ERROR,
    Text("Selisih ≠ anggaran − realisasi", "Difference ≠ budget − spending"),
    Text(
        "Selisih tertulis {reported}, padahal anggaran − realisasi = {expected}.{note}",
        "The difference reads {reported}, but budget − spending = {expected}.{note}",
    ),
    Text(
        "Selisih adalah anggaran dikurangi realisasi: positif berarti anggaran tidak terserap, negatif berarti "
        "realisasi melebihi anggaran.",
        "The difference is budget minus spending: positive means unspent budget, negative means spending above "
        "the budget.",
    ),
    Text("Gunakan rumus =anggaran−realisasi, bukan angka ketikan.", "Use the formula =budget−spending, not a typed figure."),
)

PERSEN = Check(
    "B105",
    "persentase-salah",
    Severity.ERROR,
    Text("Persentase ≠ realisasi / anggaran", "Percentage ≠ spending / budget"),
    Text(
        "Persentase tertulis {reported}, padahal realisasi / anggaran × 100 = {expected}.{note}",
        "The percentage reads {reported}, but spending / budget × 100 = {expected}.{note}",
    ),
    Text(
        "Persentase penyerapan adalah realisasi dibagi anggaran × 100. Angka yang dibulatkan atau dipotong ke "
        "jumlah desimal yang tercetak diterima.",
        "The absorption percentage is spending divided by budget × 100. A figure rounded or truncated to the "
        "printed decimals is accepted.",
    ),
    Text("Gunakan rumus =realisasi/anggaran dengan format persen.", "Use the formula =spending/budget with a percent format."),
)

PARENT_PERSEN = Check(
    "B106",
    "persentase-induk",
    Severity.ERROR,
    Text("Persentase induk ≠ Σ realisasi / Σ anggaran", "Parent percentage ≠ Σ spending / Σ budget"),
    Text(
        "Persentase {what} tertulis {reported}: cocok dengan anggaran dan realisasi baris ini, "
        "tetapi keduanya salah; dari sub kegiatannya (Σ realisasi / Σ anggaran) seharusnya {expected}.",
        "The percentage of {what} reads {reported}: it matches this row's budget and spending, but "
        "both are wrong; from its sub-activities (Σ spending / Σ budget) it should be {expected}.",
    ),
    Text(
        "Persentase induk dihitung dari jumlah realisasi dan jumlah anggaran rinciannya.",
        "A parent's percentage is computed from the sums of its lines' spending and budget.",
    ),
    Text("Perbaiki anggaran dan realisasi baris ini; persentasenya akan ikut benar.", "Fix this row's budget and spending; its percentage follows."),
)

TRUNCATED = Check(
    "B107",
    "persentase-dipotong",
    Severity.INFO,
    Text("Persentase dipotong, bukan dibulatkan", "Percentage truncated, not rounded"),
    Text(
        "Persentase {reported} adalah hasil pemotongan dari {exact} (dibulatkan: {rounded}): diterima.",
        "The percentage {reported} is {exact} truncated (rounded: {rounded}): accepted.",
    ),
    Text(
        "Laporan sering memotong desimal alih-alih membulatkannya. Keduanya diterima (pengaturan "
        "terima_pemotongan); pemotongan dicatat sebagai info.",
        "Reports often truncate decimals instead of rounding them. Both are accepted (setting "
        "terima_pemotongan); truncation is noted as info.",
    ),
    Text("Tidak perlu tindakan; untuk konsistensi, bulatkan.", "No action needed; round for consistency."),
)

OVERSPENT = Check(
    "B108",
    "realisasi-melebihi-anggaran",
    Severity.WARNING,
    Text("Realisasi melebihi anggaran", "Spending above budget"),
    Text(
        "Realisasi {reported} melebihi anggaran {expected} ({percent}): belanja di luar DPA harus dijelaskan.",
        "Spending {reported} exceeds the budget {expected} ({percent}): spending beyond the DPA must be explained.",
    ),
    Text(
        "Realisasi di atas anggaran berarti belanja melampaui DPA, yang secara hukum tidak boleh terjadi. "
        "Angkanya mungkin salah ketik; jika benar, laporan harus menjelaskannya.",
        "Spending above the budget means spending beyond the DPA, which the law does not allow. The figure may "
        "be a typo; if it is right, the report must explain it.",
    ),
    Text("Periksa angka realisasi terhadap SP2D; jika benar, beri penjelasan di laporan.", "Check the spending against the SP2D; if it is right, explain it in the report."),
)

SPENT_WITHOUT_BUDGET = Check(
    "B109",
    "realisasi-tanpa-anggaran",
    Severity.ERROR,
    Text("Realisasi tanpa anggaran", "Spending without a budget"),
    Text("Ada realisasi {reported} padahal anggarannya 0.", "There is spending of {reported} but the budget is 0."),
    Text("Belanja tanpa anggaran tidak boleh terjadi; biasanya angkanya tertukar baris.", "Spending without a budget must not happen; usually figures slipped a row."),
    Text("Periksa baris ini dan baris di sekitarnya.", "Check this row and the rows around it."),
)

PERCENT_WITHOUT_BUDGET = Check(
    "B110",
    "persentase-tanpa-anggaran",
    Severity.ERROR,
    Text("Persentase tercetak padahal anggaran 0", "Percentage printed with a zero budget"),
    Text(
        "Persentase tertulis {reported} padahal anggaran 0: persentase tidak dapat dihitung.",
        "The percentage reads {reported} but the budget is 0: no percentage can be computed.",
    ),
    Text(
        "Dengan anggaran 0 persentase tidak terdefinisi (N/A). 0% dengan realisasi 0 masih diterima.",
        "With a zero budget the percentage is undefined (N/A). 0% with zero spending is still accepted.",
    ),
    Text("Kosongkan sel atau tulis \"-\".", "Clear the cell or write \"-\"."),
)

NEGATIVE = Check(
    "B116",
    "angka-negatif",
    Severity.ERROR,
    Text("Anggaran atau realisasi negatif", "Negative budget or spending"),
    Text("{column} bernilai negatif: {reported}.", "{column} is negative: {reported}."),
    Text(
        "Anggaran dan realisasi belanja tidak pernah negatif; hanya selisih yang boleh negatif. Tanda minus "
        "biasanya terbawa dari kolom selisih atau dari tempelan.",
        "Budget and spending are never negative; only the difference may be. The minus sign usually comes "
        "from the difference column or from a paste.",
    ),
    Text("Hapus tanda minusnya, atau periksa angka di SIPD.", "Remove the minus sign, or check the figure in SIPD."),
)

COPIED_REALISASI = Check(
    "B111",
    "realisasi-salinan-anggaran",
    Severity.ERROR,
    Text("Realisasi induk tersalin dari anggaran", "Parent spending copied from its budget"),
    Text(
        "Realisasi {what} sama persis dengan anggarannya ({reported}), padahal realisasi "
        "sub kegiatannya berjumlah {expected}: anggaran tampaknya tersalin ke kolom realisasi.",
        "The spending of {what} equals its budget ({reported}), but its sub-activities spent "
        "{expected}: the budget seems to have been copied into the spending column.",
    ),
    Text(
        "Kesalahan umum saat menyalin baris: realisasi induk diisi dengan angka anggarannya.",
        "A common mistake when copying rows: a parent's spending is filled with its budget.",
    ),
    Text("Isi realisasi dengan =SUM() atas realisasi rinciannya.", "Fill the spending with a =SUM() over its lines' spending."),
)

TRANSPOSED = Check(
    "B112",
    "digit-tertukar",
    Severity.ERROR,
    Text("Dua digit tertukar", "Two digits transposed"),
    Text(
        "{column} tertulis {reported}, seharusnya {expected}: dua angka bersebelahan tertukar.{note}",
        "{column} reads {reported}, it should be {expected}: two adjacent digits are swapped.{note}",
    ),
    Text(
        "Salah ketik khas angka yang diketik ulang (133.546.039 untuk 133.456.039). Nilainya dekat, sehingga "
        "mudah lolos dari pemeriksaan sekilas.",
        "The typical typo of a retyped figure (133.546.039 for 133.456.039). The value is close, so it easily "
        "passes a glance.",
    ),
    Text("Ganti dengan nilai yang benar, sebaiknya dengan rumus.", "Replace it with the right value, preferably a formula."),
)

COPIED_FROM_PARENT = Check(
    "B113",
    "nilai-tersalin-dari-induk",
    Severity.ERROR,
    Text("Nilai tersalin dari baris induk", "Value copied from a parent row"),
    Text(
        "{column} baris ini ({reported}) sama dengan milik {parent}: tampaknya tersalin; dari baris ini sendiri "
        "seharusnya {expected}.{note}",
        "This row's {column} ({reported}) equals that of {parent}: it seems copied; from this row itself it "
        "should be {expected}.{note}",
    ),
    Text(
        "Baris yang disalin dari baris di atasnya membawa selisih atau persentase induknya.",
        "A row copied from the one above carries its parent's difference or percentage.",
    ),
    Text("Hitung ulang dari anggaran dan realisasi baris ini.", "Recompute it from this row's budget and spending."),
)

MEAN_OF_PERCENT = Check(
    "B114",
    "rata-rata-persentase",
    Severity.ERROR,
    Text("Persentase induk = rata-rata persentase rincian", "Parent percentage = mean of its lines' percentages"),
    Text(
        "Persentase {what} ({reported}) adalah rata-rata persentase rinciannya, bukan "
        "realisasi / anggaran = {expected}.{note}",
        "The percentage of {what} ({reported}) is the mean of its lines' percentages, not "
        "spending / budget = {expected}.{note}",
    ),
    Text(
        "Rata-rata persentase memberi bobot sama pada sub kegiatan kecil dan besar; persentase induk harus "
        "dihitung dari jumlah uangnya.",
        "A mean of percentages weighs small and large sub-activities alike; a parent's percentage must come "
        "from the sums of money.",
    ),
    Text("Gunakan =realisasi/anggaran pada baris induk.", "Use =spending/budget on the parent row."),
)

SIGN = Check(
    "B115",
    "tanda-selisih-terbalik",
    Severity.ERROR,
    Text("Tanda selisih terbalik", "Difference has the wrong sign"),
    Text(
        "Selisih tertulis {reported}, seharusnya {expected}: tandanya terbalik (anggaran − realisasi; negatif "
        "berarti realisasi melebihi anggaran).{note}",
        "The difference reads {reported}, it should be {expected}: the sign is reversed (budget − spending; "
        "negative means spending above the budget).{note}",
    ),
    Text(
        "Selisih dihitung realisasi − anggaran, atau tanda minus hilang saat diketik ulang.",
        "The difference was computed as spending − budget, or the minus sign was lost when retyped.",
    ),
    Text("Gunakan rumus =anggaran−realisasi.", "Use the formula =budget−spending."),
)

NUMBER_GAP = Check(
    "B120",
    "nomor-urut-meloncat",
    Severity.WARNING,
    Text("Nomor urut meloncat", "Gap in row numbering"),
    Text(
        "Nomor urut meloncat dari {previous} ke {number}: nomor {missing} tidak ada.",
        "Numbering jumps from {previous} to {number}: number {missing} is missing.",
    ),
    Text(
        "Nomor yang hilang biasanya berarti baris terhapus, dan jumlah induknya mungkin masih memuat baris itu.",
        "A missing number usually means a deleted row, and the parent's total may still include it.",
    ),
    Text("Periksa apakah ada sub kegiatan yang terhapus; lalu nomori ulang.", "Check whether a sub-activity was deleted; then renumber."),
)

NUMBER_DUPLICATE = Check(
    "B121",
    "nomor-urut-ganda",
    Severity.WARNING,
    Text("Nomor urut ganda", "Duplicate row number"),
    Text("Nomor urut {number} juga dipakai di baris {other}.", "Row number {number} is also used on row {other}."),
    Text("Nomor ganda biasanya berarti baris tersalin dua kali.", "A duplicate number usually means a row was copied twice."),
    Text("Periksa apakah baris ini duplikat; lalu nomori ulang.", "Check whether this row is a duplicate; then renumber."),
)

NUMBER_ON_PARENT = Check(
    "B122",
    "nomor-urut-pada-induk",
    Severity.WARNING,
    Text("Nomor urut pada baris induk", "Row number on a parent row"),
    Text(
        "Baris {level} ini bernomor {number}, padahal nomor urut tabel ini dipakai untuk {numbered}.",
        "This {level} row is numbered {number}, but this table numbers its {numbered} rows.",
    ),
    Text(
        "Penomoran yang tercampur antar level membuat baris induk terlihat seperti rincian.",
        "Numbering mixed across levels makes a parent row look like a line item.",
    ),
    Text("Hapus nomor dari baris induk dan nomori ulang rinciannya.", "Remove the number from the parent row and renumber the lines."),
)

CODE_NORMALISED = Check(
    "B130",
    "kode-tidak-baku",
    Severity.WARNING,
    Text("Kode ditulis tidak baku", "Code not in the standard form"),
    Text("Kode \"{raw}\" ditulis tidak baku: bentuk bakunya {canonical}.", "Code \"{raw}\" is not in the standard form: {canonical}."),
    Text(
        "Kepmendagri 050-5889/2021: program X.XX.XX, kegiatan X.XX.XX.D.XX, sub kegiatan X.XX.XX.D.XX.XXXX. "
        "Kode dengan level 2 digit, bagian sub 2 atau 3 digit, spasi, koma atau titik di akhir tetap dibaca.",
        "Kepmendagri 050-5889/2021: program X.XX.XX, activity X.XX.XX.D.XX, sub-activity X.XX.XX.D.XX.XXXX. "
        "Codes with a 2-digit level, 2- or 3-digit sub parts, spaces, commas or trailing dots are still read.",
    ),
    Text("Tulis kode dalam bentuk bakunya.", "Write the code in its standard form."),
)

CODE_INVALID = Check(
    "B131",
    "kode-tidak-sah",
    Severity.WARNING,
    Text("Bukan kode anggaran", "Not a budget code"),
    Text(
        "\"{raw}\" bukan kode program, kegiatan atau sub kegiatan (X.XX.XX, X.XX.XX.D.XX, X.XX.XX.D.XX.XXXX).",
        "\"{raw}\" is not a program, activity or sub-activity code (X.XX.XX, X.XX.XX.D.XX, X.XX.XX.D.XX.XXXX).",
    ),
    Text(
        "Tanpa kode yang sah, level baris diambil dari kolom Level.",
        "Without a valid code the row's level is taken from the Level column.",
    ),
    Text("Perbaiki kodenya sesuai DPA/SIPD.", "Fix the code as in the DPA/SIPD."),
)

CODE_OUTSIDE_PARENT = Check(
    "B132",
    "kode-di-luar-induk",
    Severity.WARNING,
    Text("Kode tidak di bawah induknya", "Code not under its parent"),
    Text(
        "Kode {code} tidak berada di bawah kode {parent_code} milik {parent} di atasnya.",
        "Code {code} does not fall under code {parent_code} of {parent} above it.",
    ),
    Text(
        "Baris dijumlahkan ke induk terdekat di atasnya. Kode yang tidak cocok berarti urutan baris salah "
        "atau kodenya salah.",
        "Rows add up into the nearest parent above them. A code that does not fit means the row order or the "
        "code is wrong.",
    ),
    Text("Pindahkan baris ke bawah induknya, atau perbaiki kodenya.", "Move the row under its parent, or fix the code."),
)

LEVEL_CONFLICT = Check(
    "B133",
    "level-tidak-sesuai-kode",
    Severity.WARNING,
    Text("Level tidak sesuai kode", "Level disagrees with the code"),
    Text(
        "Kolom Level berisi \"{level_text}\", padahal kode {code} adalah kode {level}.",
        "The Level column says \"{level_text}\", but code {code} is a {level} code.",
    ),
    Text("Jika ada kode, levelnya diambil dari kode.", "When there is a code, the level comes from the code."),
    Text("Kosongkan kolom Level atau samakan dengan kodenya.", "Clear the Level column or make it match the code."),
)

LEVEL_UNKNOWN = Check(
    "B134",
    "level-tidak-diketahui",
    Severity.WARNING,
    Text("Level baris tidak diketahui", "Row level unknown"),
    Text(
        "Baris ini berisi angka tetapi tidak punya kode maupun level: tidak ikut dalam pemeriksaan jumlah.",
        "This row holds figures but has neither a code nor a level: it is left out of the sum checks.",
    ),
    Text(
        "Tanpa level, lkjip-xl tidak tahu ke induk mana baris dijumlahkan.",
        "Without a level, lkjip-xl cannot tell which parent the row adds up into.",
    ),
    Text("Isi kode atau pilih Level (Program / Kegiatan / Sub Kegiatan).", "Fill in the code or choose a Level."),
)

NO_TOTAL = Check(
    "B135",
    "tanpa-baris-jumlah",
    Severity.WARNING,
    Text("Tabel tanpa baris JUMLAH", "Table without a TOTAL row"),
    Text("Tabel {table_name} tidak punya baris JUMLAH.", "Table {table_name} has no TOTAL row."),
    Text(
        "Baris JUMLAH adalah angka yang dibandingkan dengan Tabel 3.5 dan 3.7.",
        "The TOTAL row is the figure compared with Tables 3.5 and 3.7.",
    ),
    Text("Tambahkan baris JUMLAH di bawah tabel.", "Add a TOTAL row under the table."),
)


# -- reading the rows ---------------------------------------------------------------------------------

_PLAIN = frozenset((Kind.NUMBER, Kind.EMPTY))  # figures with one reading: nothing for the row to resolve
_UNREAD = (Kind.AMBIGUOUS, Kind.MALFORMED, Kind.INVALID, Kind.ERROR, Kind.DATE, Kind.BOOL, Kind.UNVERIFIABLE)


def _candidates(item: Field) -> list[float | None]:
    parsed = item.parsed
    if parsed.kind is Kind.EMPTY:
        return [None]
    if parsed.readings:
        return list(parsed.readings)
    return [parsed.value]


@dataclass
class _Values:
    """The figures of one row as the checks use them, after ambiguous cells were resolved."""

    anggaran: float | None = None
    realisasi: float | None = None
    selisih: float | None = None
    persen: float | None = None
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    unresolved: dict[str, tuple[float, ...]] = field(default_factory=dict)  # readings of cells nothing chose

    def get(self, key: str) -> float | None:
        return getattr(self, key)


class _Checker:
    def __init__(self, table: BudgetTable, settings: Settings, text_severity: Severity | None) -> None:
        self.table = table
        self.settings = settings
        self.text_severity = text_severity
        self.values: dict[int, _Values] = {}
        self.findings: list[Finding] = []
        self.all_rows = table.rows + ([table.total] if table.total is not None else [])

    # -- resolution ---------------------------------------------------------------------------------

    def _relations(self, row: BudgetRow, a, r, s, p) -> list[str]:
        held = []
        if self.table.has_selisih and None not in (a, r, s) and money_equal(s, a - r, self.settings.tolerance_money):
            held.append("selisih")
        if None not in (a, r, p) and a:
            decimals = row.persen.parsed.decimals
            if agreement(p, decimals, r / a * 100, self.settings.tolerance_percent, True) is not Agreement.MISMATCH:
                held.append("persen")
        return held

    def _resolve(self, row: BudgetRow) -> _Values:
        """Choose, for each ambiguous or mistyped figure, the reading that makes the row add up."""
        keys = ("anggaran", "realisasi", "selisih", "persen")
        fields = [getattr(row, key) for key in keys]
        if all(item.parsed.kind in _PLAIN for item in fields):
            # Nothing to choose (nearly every row): each figure is what it says.
            return _Values(*(item.parsed.value for item in fields))
        options = [_candidates(item) for item in fields]
        best = tuple(option[0] for option in options)
        held = self._relations(row, *best)
        if any(len(option) > 1 for option in options):
            for combination in itertools.product(*options):
                relations = self._relations(row, *combination)
                if len(relations) > len(held):
                    best, held = combination, relations
        values = _Values()
        for key, item, chosen in zip(keys, fields, best):
            parsed = item.parsed
            if parsed.kind in (Kind.AMBIGUOUS, Kind.MALFORMED) or chosen != parsed.value:
                relations = tuple(name for name in held if name in _RELATION_FIELDS[key])
                if relations:
                    values.resolutions[key] = Resolution(chosen, relations)
                    setattr(values, key, chosen)
                    continue
                if parsed.value is None:
                    values.unresolved[key] = parsed.readings
                    continue
            setattr(values, key, parsed.value if parsed.kind not in _UNREAD else None)
        return values

    # -- helpers ------------------------------------------------------------------------------------

    def _sum_value(self, row: BudgetRow, key: str) -> float | None:
        """What this row adds to its parent: empty counts as 0, an unreadable figure as unknown."""
        item: Field = getattr(row, key)
        if item.empty:
            return 0.0
        return self.values[id(row)].get(key)

    def _expected(self, row: BudgetRow, key: str, memo: dict) -> float | None:
        """The row's figure as its sub kegiatan make it (its own figure for a sub kegiatan)."""
        cache_key = (id(row), key)
        if cache_key not in memo:
            if not row.children:
                memo[cache_key] = self._sum_value(row, key)
            else:
                total = 0.0
                for child in row.children:
                    value = self._expected(child, key, memo)
                    if value is None:
                        total = None
                        break
                    total += value
                memo[cache_key] = total
        return memo[cache_key]

    def _leaf_count(self, row: BudgetRow) -> int:
        return sum(self._leaf_count(child) for child in row.children) if row.children else 1

    def _level_name(self, row: BudgetRow) -> Text:
        return LEVELS.get(row.level, Text("baris", "row"))

    def _describe(self, row: BudgetRow):
        """How a message names a row: 'program "PROGRAM ..."', or 'the TOTAL row'."""
        if row.level is Level.TOTAL:
            return TOTAL_ROW
        return Text('{level} "{name}"', '{level} "{name}"').with_params(level=self._level_name(row), name=row.name)

    def _add(self, check: Check, row: BudgetRow, key: str, **params) -> None:
        unit = PERCENT if key == "persen" else RUPIAH
        params.setdefault("note", "")
        self.findings.append(
            check.at(
                getattr(row, key).ref,
                table=self.table.table,
                unit=unit,
                label=row.name,
                what=self._describe(row),
                level=self._level_name(row),
                column=COLUMNS[key],
                decimals=getattr(row, key).parsed.decimals,  # the reported figure as its cell shows it
                **params,
            )
        )

    def _truth_note(self, row: BudgetRow, key: str, own: float, memo: dict):
        """For a parent whose own anggaran/realisasi are wrong: what the cell should say per its sub kegiatan."""
        if not row.children:
            return ""
        a, r = self._expected(row, "anggaran", memo), self._expected(row, "realisasi", memo)
        if a is None or r is None:
            return ""
        if key == "selisih":
            truth = a - r
            if money_equal(truth, own):
                return ""
            return TRUTH_NOTE.with_params(truth=Num(truth, "rupiah"))
        if not a:
            return ""
        truth = r / a * 100
        if abs(truth - own) < 0.005:
            return ""
        return TRUTH_NOTE.with_params(truth=Num(truth, "percent"))

    # -- the checks ---------------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        for row in self.all_rows:
            self.values[id(row)] = self._resolve(row)
        self._number_findings()
        self._structure_findings()
        memo: dict = {}
        for row in self.all_rows:
            values = self.values[id(row)]
            if row.children:
                self._parent_sums(row, values, memo)
            if self.table.has_selisih:
                self._selisih(row, values, memo)
            self._persen(row, values, memo)
            self._budget_limits(row, values)
        self._numbering()
        return self.findings

    def _number_findings(self) -> None:
        keys = ("anggaran", "realisasi", "selisih", "persen") if self.table.has_selisih else ("anggaran", "realisasi", "persen")
        # An error value spreads to every formula that reads it: report it where it starts (a typed error, a
        # formula broken on its own), not again in each formula it reaches.
        errors = [
            item
            for row in self.all_rows
            for item in (getattr(row, key) for key in keys)
            if item.parsed.kind is Kind.ERROR and item.ref is not None
        ]
        for row in self.all_rows:
            values = self.values[id(row)]
            for key in keys:
                item = getattr(row, key)
                if item.parsed.kind is Kind.ERROR and _reached_by(item, errors):
                    continue
                self.findings.extend(
                    number_findings(
                        getattr(row, key),
                        table=self.table.table,
                        unit=PERCENT if key == "persen" else RUPIAH,
                        label=row.name,
                        resolution=values.resolutions.get(key),
                        text_severity=self.text_severity,
                    )
                )

    def _structure_findings(self) -> None:
        table = self.table
        if table.table == "3.8" and table.total is None and table.rows:
            self.findings.append(NO_TOTAL.at(None, table=table.table, table_name=table.table))
        for row in table.rows:
            text = row.code_text.text
            if text and row.code is None:
                self.findings.append(CODE_INVALID.at(row.code_text.ref, table=table.table, label=row.name, raw=text))
            elif row.code is not None and row.code.changed:
                self.findings.append(
                    CODE_NORMALISED.at(
                        row.code_text.ref, table=table.table, label=row.name, raw=text, canonical=row.code.canonical
                    )
                )
            if row.code is not None and row.level_text.text:
                typed = level_from_label(row.level_text.text)
                if typed is not None and typed is not row.code.level:
                    self.findings.append(
                        LEVEL_CONFLICT.at(
                            row.level_text.ref,
                            table=table.table,
                            label=row.name,
                            level_text=row.level_text.text,
                            code=row.code.canonical,
                            level=LEVELS[row.code.level],
                        )
                    )
            if row.level is None and any(not getattr(row, key).empty for key in ("anggaran", "realisasi")):
                self.findings.append(LEVEL_UNKNOWN.at(row.label.ref or row.anggaran.ref, table=table.table, label=row.name))
            parent = row.parent
            if row.code is not None and parent is not None and parent.code is not None:
                if not row.code.canonical.startswith(parent.code.canonical + "."):
                    self.findings.append(
                        CODE_OUTSIDE_PARENT.at(
                            row.code_text.ref,
                            table=table.table,
                            label=row.name,
                            code=row.code.canonical,
                            parent_code=parent.code.canonical,
                            parent=self._describe(parent),
                        )
                    )

    def _parent_sums(self, row: BudgetRow, values: _Values, memo: dict) -> None:
        tolerance = self.settings.tolerance_money
        for key, check in (("anggaran", PARENT_ANGGARAN), ("realisasi", PARENT_REALISASI)):
            printed = values.get(key)
            expected = self._expected(row, key, memo)
            if printed is None or expected is None or getattr(row, key).empty:
                continue
            if money_equal(printed, expected, tolerance):
                continue
            common = dict(reported=printed, expected=expected)
            if key == "realisasi" and values.anggaran is not None and money_equal(printed, values.anggaran):
                self._add(COPIED_REALISASI, row, key, **common)
            elif transposed_digits(printed, expected):
                self._add(TRANSPOSED, row, key, **common)
            else:
                direct = [self._sum_value(child, key) for child in row.children]
                note = ""
                if None not in direct and money_equal(printed, sum(direct), tolerance):
                    note = _LINES_WRONG
                self._add(check, row, key, count=self._leaf_count(row), note=note, **common)

    def _ancestor_with(self, row: BudgetRow, key: str, value: float, equal) -> BudgetRow | None:
        ancestor = row.parent
        while ancestor is not None:
            other = self.values[id(ancestor)].get(key)
            if other is not None and equal(other, value):
                return ancestor
            ancestor = ancestor.parent
        return None

    def _selisih(self, row: BudgetRow, values: _Values, memo: dict) -> None:
        item = row.selisih
        a, r = values.anggaran, values.realisasi
        if item.empty or a is None or r is None:
            return
        own = a - r
        tolerance = self.settings.tolerance_money
        printed = values.selisih
        readings = (printed,) if printed is not None else values.unresolved.get("selisih", ())
        if not readings:
            return
        if printed is not None and money_equal(printed, own, tolerance):
            if row.children:
                expected = _difference(self._expected(row, "anggaran", memo), self._expected(row, "realisasi", memo))
                if expected is not None and not money_equal(printed, expected, tolerance):
                    self._add(PARENT_SELISIH, row, "selisih", reported=printed, expected=expected)
            return
        note = self._truth_note(row, "selisih", own, memo)
        for reading in readings:
            if own and money_equal(reading, -own):
                self._add(SIGN, row, "selisih", reported=reading, expected=own, note=note)
                return
        for reading in readings:
            ancestor = self._ancestor_with(row, "selisih", reading, money_equal)
            if ancestor is not None and not money_equal(reading, own):
                self._add_copied(row, "selisih", ancestor, reading, own, note)
                return
        for reading in readings:
            if transposed_digits(reading, own):
                self._add(TRANSPOSED, row, "selisih", reported=reading, expected=own, note=note)
                return
        self._add(SELISIH, row, "selisih", reported=readings[0], expected=own, note=note)

    def _add_copied(self, row: BudgetRow, key: str, ancestor: BudgetRow, reported: float, expected: float, note) -> None:
        self._add(COPIED_FROM_PARENT, row, key, reported=reported, expected=expected, parent=self._describe(ancestor), note=note)

    def _persen(self, row: BudgetRow, values: _Values, memo: dict) -> None:
        item = row.persen
        a, r, printed = values.anggaran, values.realisasi, values.persen
        if item.empty or a is None or r is None or printed is None:
            return
        if not a:
            if printed:
                self._add(PERCENT_WITHOUT_BUDGET, row, "persen", reported=printed)
            return
        own = r / a * 100
        decimals = item.parsed.decimals
        settings = self.settings
        result = agreement(printed, decimals, own, settings.tolerance_percent, settings.accept_truncation)
        if result is Agreement.TRUNCATED:
            self._add(
                TRUNCATED,
                row,
                "persen",
                reported=printed,
                exact=Num(own, "percent"),
                rounded=Num(float(_rounded(own, decimals)), "percent"),
            )
        if result is not Agreement.MISMATCH:
            if row.children:
                expected_a = self._expected(row, "anggaran", memo)
                expected_r = self._expected(row, "realisasi", memo)
                if expected_a and expected_r is not None:
                    expected = expected_r / expected_a * 100
                    if agreement(printed, decimals, expected, settings.tolerance_percent, settings.accept_truncation) is Agreement.MISMATCH:
                        self._add(PARENT_PERSEN, row, "persen", reported=printed, expected=expected)
            return

        def same(other: float, value: float) -> bool:
            return abs(other - value) < 1e-9

        note = self._truth_note(row, "persen", own, memo)
        ancestor = self._ancestor_with(row, "persen", printed, same)
        if ancestor is not None:
            self._add_copied(row, "persen", ancestor, printed, own, note)
            return
        if row.children:
            child_percents = [self.values[id(child)].persen for child in row.children]
            if None not in child_percents and len(child_percents) > 1:
                mean = sum(child_percents) / len(child_percents)
                if agreement(printed, decimals, mean, settings.tolerance_percent, True) is not Agreement.MISMATCH:
                    self._add(MEAN_OF_PERCENT, row, "persen", reported=printed, expected=own, note=note)
                    return
        self._add(PERSEN, row, "persen", reported=printed, expected=own, note=note)

    def _budget_limits(self, row: BudgetRow, values: _Values) -> None:
        a, r = values.anggaran, values.realisasi
        for key, value in (("anggaran", a), ("realisasi", r)):
            if value is not None and value < 0:
                self._add(NEGATIVE, row, key, reported=value)
        if a is None or r is None:
            return
        if a == 0 and r:
            self._add(SPENT_WITHOUT_BUDGET, row, "realisasi", reported=r)
        elif a > 0 and r > a + self.settings.tolerance_money:
            self._add(OVERSPENT, row, "realisasi", reported=r, expected=a, percent=Num(r / a * 100, "percent"))

    def _numbering(self) -> None:
        numbered = [(row, row_number(row.number.parsed.value)) for row in self.table.rows]
        numbered = [(row, number) for row, number in numbered if number is not None]
        if len(numbered) < 2:
            return
        levels = [row.level for row, _ in numbered if row.level is not None]
        usual = max(set(levels), key=levels.count) if levels else None
        self.findings += numbering_gaps(
            self.table.table, [(row, number, row.name) for row, number in numbered], NUMBER_DUPLICATE, NUMBER_GAP
        )
        if usual is not Level.SUB_KEGIATAN:
            return
        for row, number in numbered:
            if row.level is not None and row.level is not usual:
                self.findings.append(
                    NUMBER_ON_PARENT.at(
                        row.number.ref, table=self.table.table, label=row.name,
                        level=self._level_name(row), number=number, numbered=LEVELS[usual],
                    )
                )


_RELATION_FIELDS = {
    "anggaran": ("selisih", "persen"),
    "realisasi": ("selisih", "persen"),
    "selisih": ("selisih",),
    "persen": ("persen",),
}

_LINES_WRONG = Text(
    " Angka ini sama dengan jumlah baris tepat di bawahnya, tetapi baris-baris itu tidak cocok dengan sub "
    "kegiatannya.",
    " It equals the sum of the rows right below it, but those rows disagree with their sub-activities.",
)


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _rounded(value: float, decimals: int | None):
    from ..numbers import round_half_up

    return round_half_up(value, decimals or 0)


def check_budget_table(table: BudgetTable, settings: Settings, text_severity: Severity | None = None) -> list[Finding]:
    return _Checker(table, settings, text_severity).run()


@rule
def budget_tables(document: Document) -> list[Finding]:
    text_severity = Severity.INFO if document.layout == "freeform" else None
    findings: list[Finding] = []
    for table in document.budget.values():
        findings.extend(check_budget_table(table, document.settings, text_severity))
    return findings


def _reached_by(item: Field, errors: list[Field]) -> bool:
    """Whether this formula's error value comes from another cell of the table holding the same one."""
    if item.formula is None or item.ref is None:
        return False
    from ..load.evaluate import refers_to

    return any(
        other is not item
        and other.parsed.text == item.parsed.text
        and refers_to(item.formula, item.ref.sheet, (other.ref.row, other.ref.col))
        for other in errors
    )
