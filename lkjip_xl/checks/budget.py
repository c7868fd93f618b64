"""B: the budget tables, Tabel 3.8 (program > kegiatan > sub kegiatan, JUMLAH) and Tabel 3.7.

Money exists only at sub kegiatan level (SIPD): a parent's anggaran and realisasi are checked against the
sum of the sub kegiatan below it, so every wrong total is found in one pass, with the value it should
have. Selisih and persentase are checked against the row's own anggaran and realisasi; where those agree
but the row's anggaran or realisasi are wrong, the parent checks (B103, B106) say what they should be.
A wrong cell gets one finding, under the most specific code that explains it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from operator import attrgetter
from types import MappingProxyType
from dataclasses import dataclass, field

from ..codes import Level, level_from_label
from ..findings import Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..model import (
    LEBIH,
    MISSING_FIELD,
    OTHER,
    REVENUE,
    SISA,
    TOTAL_GROUP,
    BudgetRow,
    BudgetTable,
    Document,
    Field,
    kind_from_account_code,
    kind_from_label,
)
from ..numbers import Agreement, Kind, agreement, money_equal, transposed_digits
from ..settings import Settings
from . import rule
from ..structure import sums_hold
from .cells import Context, Resolution, is_text_number, money_context, number_findings, numbering_gaps, row_number, text_number_runs

RUPIAH, PERCENT = Unit.RUPIAH, Unit.PERCENT

COLUMNS = {
    "anggaran": Text("Anggaran", "Budget"),
    "realisasi": Text("Realisasi", "Spending"),
    "selisih": Text("Selisih", "Difference"),
    "persen": Text("Persentase", "Percentage"),
}
COLUMNS_LOWER = {
    "anggaran": Text("anggaran", "budget"),
    "realisasi": Text("realisasi", "spending"),
    "selisih": Text("selisih", "difference"),
    "persen": Text("persentase", "percentage"),
}
TOTAL_ROW = Text("baris JUMLAH", "the TOTAL row")
TRUTH_NOTE = Text(
    " Menurut sub kegiatannya seharusnya {truth}.", " According to its sub-activities it should be {truth}."
)
LEVELS = {
    Level.PROGRAM: Text("program", "program"),
    Level.KEGIATAN: Text("kegiatan", "activity"),
    Level.SUB_KEGIATAN: Text("sub kegiatan", "sub-activity"),
    Level.AKUN: Text("rekening", "account"),
    Level.TOTAL: Text("JUMLAH", "TOTAL"),
}
# What a row is called when its label names a level other than the one it was placed at (levels.py).
LEVEL_WORDS = {
    "satker": Text("satker", "work unit"),
    "program": LEVELS[Level.PROGRAM],
    "kegiatan": LEVELS[Level.KEGIATAN],
    "sub_kegiatan": LEVELS[Level.SUB_KEGIATAN],
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
        "Selisih {what} tertulis {reported}, padahal dari sub kegiatannya ({formula}) seharusnya {expected}.{note}",
        "The difference of {what} reads {reported}, but from its sub-activities ({formula}) it should be "
        "{expected}.{note}",
    ),
    Text(
        "Selisih induk adalah jumlah selisih rinciannya. Dipakai untuk baris induk yang tidak mencetak anggaran "
        "atau realisasinya sendiri; jika keduanya tercetak dan salah, selisih yang dihitung dari keduanya "
        "disebut pada temuan anggaran/realisasi itu (akar masalahnya), bukan sebagai temuan tersendiri.",
        "A parent's difference is the sum of its lines' differences. Used for a parent row that does not print "
        "its own budget or spending; where they are printed and wrong, a difference computed from them is named "
        "in the budget/spending finding (the root cause), not as a finding of its own.",
    ),
    Text("Hitung ulang dari jumlah rinciannya.", "Recompute it from the sums of its lines."),
)

SELISIH = Check(
    "B104",
    "selisih-salah",
    Severity.ERROR,
    Text("Selisih ≠ anggaran − realisasi", "Difference ≠ budget − spending"),
    Text(
        "Selisih tertulis {reported}, padahal {formula} = {expected}.{note}",
        "The difference reads {reported}, but {formula} = {expected}.{note}",
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
        "Persentase {what} tertulis {reported}, padahal dari sub kegiatannya (Σ realisasi / Σ anggaran) "
        "seharusnya {expected}.{note}",
        "The percentage of {what} reads {reported}, but from its sub-activities (Σ spending / Σ budget) it "
        "should be {expected}.{note}",
    ),
    Text(
        "Persentase induk dihitung dari jumlah realisasi dan jumlah anggaran rinciannya. Dipakai untuk baris "
        "induk yang tidak mencetak anggaran atau realisasinya sendiri; jika keduanya tercetak dan salah, "
        "persentase yang dihitung dari keduanya disebut pada temuan anggaran/realisasi itu.",
        "A parent's percentage is computed from the sums of its lines' spending and budget. Used for a parent "
        "row that does not print its own budget or spending; where they are printed and wrong, a percentage "
        "computed from them is named in the budget/spending finding.",
    ),
    Text("Hitung ulang dari jumlah rinciannya.", "Recompute it from the sums of its lines."),
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

INPUT_AGAINST_DERIVED = Check(
    "B117",
    "input-tidak-cocok-dengan-turunannya",
    Severity.ERROR,
    Text("Anggaran/realisasi tidak cocok dengan selisih dan persentasenya", "Budget/spending disagrees with its difference and percentage"),
    Text(
        "{column} tertulis {reported}, padahal {evidence} sama-sama sesuai dengan {expected}.{diagnosis}{note}",
        "{column} reads {reported}, but {evidence} all fit {expected}.{diagnosis}{note}",
    ),
    Text(
        "Selisih dan persentase dihitung dari anggaran dan realisasi. Bila keduanya (atau salah satunya dan jumlah "
        "di baris induk) menunjuk ke angka lain yang sama, yang salah adalah angka masukannya, bukan turunannya: "
        "temuan diberikan sekali, di sel itu, dengan angka yang seharusnya.",
        "The difference and the percentage are computed from the budget and the spending. When both (or one of "
        "them and the parent's sum) point at the same other figure, the input is what is wrong, not what was "
        "derived from it: the finding is given once, at that cell, with the figure it should hold.",
    ),
    Text(
        "Periksa angka ini terhadap DPA/SP2D. Jika justru angka ini yang benar, hitung ulang selisih dan "
        "persentasenya.",
        "Check this figure against the DPA/SP2D. If it is this figure that is right, recompute the difference "
        "and the percentage.",
    ),
)

SELISIH_REVERSED_TABLE = Check(
    "B118",
    "selisih-realisasi-kurang-anggaran",
    Severity.WARNING,
    Text("Selisih dihitung realisasi − anggaran", "Difference computed as spending − budget"),
    Text(
        "Kolom selisih tabel {table_name} ({header}) di {count} baris berisi realisasi − anggaran, bukan "
        "anggaran − realisasi: diperiksa dengan arti itu.",
        "The difference column of table {table_name} ({header}) holds spending − budget on {count} rows, not "
        "budget − spending: it was checked with that meaning.",
    ),
    Text(
        "LKjIP menulis selisih sebagai anggaran − realisasi (sisa anggaran). Tabel yang seluruhnya memakai "
        "realisasi − anggaran tidak salah hitung, tetapi tandanya terbalik bagi pembaca: satu temuan untuk "
        "tabel, bukan satu per baris. Judul kolom \"Realisasi − Anggaran\" atau \"Lebih/(Kurang)\" "
        "menghilangkan temuan ini.",
        "An LKjIP writes the difference as budget − spending (unspent budget). A table that uses spending − "
        "budget throughout is not miscalculated, but its sign is reversed for the reader: one finding for the "
        "table, not one per row. A column header \"Realisasi − Anggaran\" or \"Lebih/(Kurang)\" removes "
        "this finding.",
    ),
    Text(
        "Tulis arti kolom di judulnya, atau hitung selisih sebagai anggaran − realisasi.",
        "State the meaning in the column header, or compute the difference as budget − spending.",
    ),
)

SELISIH_NOT_CHECKED = Check(
    "B119",
    "selisih-tidak-diperiksa",
    Severity.INFO,
    Text("Kolom selisih tidak diperiksa", "Difference column not checked"),
    Text(
        "Kolom \"{header}\" tabel {table_name} bukan anggaran − realisasi: tidak diperiksa.",
        "The column \"{header}\" of table {table_name} is not budget − spending: not checked.",
    ),
    Text(
        "Judul kolom menyebut selisih lain (mis. pagu sebelum dan sesudah perubahan), yang tidak dapat dihitung "
        "dari anggaran dan realisasi tabel ini.",
        "The header names another difference (e.g. the budget before and after the revision), which cannot be "
        "computed from this table's budget and spending.",
    ),
    Text("Tidak perlu tindakan.", "No action needed."),
)

GROUP_TOTAL = Check(
    "B125",
    "total-kelompok-belanja",
    Severity.ERROR,
    Text("Total ≠ jumlah kelompok belanja", "Total ≠ sum of the spending groups"),
    Text(
        "{column} Total tertulis {reported}, padahal kelompok {groups} berjumlah {expected}.{note}",
        "The Total {column} reads {reported}, but the groups {groups} add up to {expected}.{note}",
    ),
    Text(
        "Dalam rekapitulasi SIPD, kolom Total adalah jumlah kelompok belanja (Operasi, Modal, Tak Terduga, "
        "Transfer) pada baris yang sama.",
        "In a SIPD recapitulation the Total columns are the sum of the spending groups (Operasi, Modal, Tak "
        "Terduga, Transfer) on the same row.",
    ),
    Text("Gunakan =SUM() atas kolom kelompoknya.", "Use a =SUM() over the group columns."),
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
        "{column} tertulis {reported}, seharusnya {intended}: dua angka bersebelahan tertukar.{note}",
        "{column} reads {reported}, it should be {intended}: two adjacent digits are swapped.{note}",
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
        "{column} baris ini ({reported}) sama dengan milik {parent}: tampaknya tersalin; seharusnya "
        "{expected}.{note}",
        "This row's {column} ({reported}) equals that of {parent}: it seems copied; it should be "
        "{expected}.{note}",
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
        "Selisih tertulis {reported}, seharusnya {expected}: tandanya terbalik (selisih = {formula}).{note}",
        "The difference reads {reported}, it should be {expected}: the sign is reversed (difference = "
        "{formula}).{note}",
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
    Text("Nomor urut {number} juga dipakai di baris {other} ({other_label}).", "Row number {number} is also used on row {other} ({other_label})."),
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

_UNREAD = (Kind.AMBIGUOUS, Kind.MALFORMED, Kind.INVALID, Kind.ERROR, Kind.DATE, Kind.BOOL, Kind.UNVERIFIABLE)
_KEYS = ("anggaran", "realisasi", "selisih", "persen")
_GROUP_KEYS = {"anggaran": "anggaran", "realisasi": "realisasi", "selisih": "sisa", "persen": "persen"}
_KEY_INDEX = {key: index for index, key in enumerate(_KEYS)}

FORMULAS = {
    SISA: Text("anggaran − realisasi", "budget − spending"),
    LEBIH: Text("realisasi − anggaran", "spending − budget"),
}
OWN_NOTE = Text(
    " Angka itu dihitung dari anggaran dan realisasi yang benar ({source}); dari yang tertulis di baris ini "
    "hasilnya {own}.",
    " That figure uses the right budget and spending ({source}); the figures printed on this row give {own}.",
)
SOURCES = {
    "children": Text("menurut sub kegiatannya", "per its sub-activities"),
    "input": Text("lihat temuan anggaran/realisasi baris ini", "see this row's budget/spending finding"),
}
FOLLOWS_NOTE = Text(
    " Ikut salah karena angka ini: {cells}; setelah diperbaiki seharusnya {values}.",
    " Wrong because of this figure: {cells}; once it is fixed they should be {values}.",
)
FOLLOWING_CELL = Text("{column} ({cell})", "{column} ({cell})")
AND = Text(" dan ", " and ")
GROUP_NOTE = Text(" Kelompok belanja: {group}.", " Spending group: {group}.")
EVIDENCE_DERIVED = Text("{column} ({cell})", "the {column} ({cell})")
EVIDENCE_PARENT = Text("jumlah di {parent}", "the sum in {parent}")
COPIED_DIAGNOSIS = Text(
    " Realisasi sama persis dengan anggarannya: anggaran tampaknya tersalin ke kolom realisasi.",
    " The spending equals the budget exactly: the budget seems copied into the spending column.",
)
TRANSPOSED_DIAGNOSIS = Text(" Dua angka bersebelahan tertukar.", " Two adjacent digits are swapped.")


def _joined(parts: list, separator: Text = AND):
    """Several phrases as one: "a, b dan c"."""
    if len(parts) == 1:
        return parts[0]
    names = [f"p{index}" for index in range(len(parts))]
    template_id = ", ".join("{" + name + "}" for name in names[:-1]) + separator.id + "{" + names[-1] + "}"
    template_en = ", ".join("{" + name + "}" for name in names[:-1]) + separator.en + "{" + names[-1] + "}"
    return Text(template_id, template_en).with_params(**dict(zip(names, parts)))


def _concat(*parts):
    parts = [part for part in parts if part]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    names = [f"p{index}" for index in range(len(parts))]
    template = "".join("{" + name + "}" for name in names)
    return Text(template, template).with_params(**dict(zip(names, parts)))


def _candidates(item: Field) -> list[float | None]:
    parsed = item.parsed
    if parsed.kind is Kind.EMPTY:
        return [None]
    if parsed.readings:
        return list(parsed.readings)
    return [parsed.value]


def _one_reading(parsed) -> bool:
    """Whether ``_resolve`` has nothing to choose for this figure: its only candidate is its own value."""
    if parsed.kind is Kind.AMBIGUOUS or parsed.kind is Kind.MALFORMED:
        return False
    readings = parsed.readings
    if parsed.kind is Kind.EMPTY or not readings:
        candidate = None if parsed.kind is Kind.EMPTY else parsed.value
    elif len(readings) == 1:
        candidate = readings[0]
    else:
        return False
    value = parsed.value
    return candidate is value or (candidate == value and value == value)  # a NaN is never its own reading


_NOTHING: Mapping = MappingProxyType({})  # a row's resolutions and unresolved readings where nothing was chosen


@dataclass(slots=True)
class _Values:
    """The figures of one row as the checks use them, after ambiguous cells were resolved."""

    anggaran: float | None = None
    realisasi: float | None = None
    selisih: float | None = None
    persen: float | None = None
    resolutions: Mapping[str, Resolution] = field(default_factory=dict)  # _resolve fills a dict of its own
    unresolved: Mapping[str, tuple[float, ...]] = field(default_factory=dict)  # readings of cells nothing chose

    def get(self, key: str) -> float | None:
        return getattr(self, key)


@dataclass
class _Follow:
    """A derived cell consistent with its row's wrong inputs: named in the root cause's finding."""

    key: str
    ref: object
    value: float


class _Checker:
    """The checks of one budget table, on one set of columns (``lane``): the row's own figures (None) or
    one column group of a SIPD recapitulation ("operasi", "modal", ...)."""

    def __init__(self, table: BudgetTable, settings: Settings, text_severity: Severity | None, lane: str | None = None) -> None:
        self.table = table
        self.settings = settings
        self.text_severity = text_severity
        self.lane = lane
        self.values: dict[int, _Values] = {}
        self.findings: list[Finding] = []
        self.all_rows = table.rows + ([table.total] if table.total is not None else [])
        self.corrected: dict[tuple[int, str], float] = {}  # a sub kegiatan's input as its derived figures make it
        self.roots: dict[int, list[Finding]] = {}  # per row: the findings at its wrong inputs
        self.root_by_key: dict[tuple[int, str], Finding] = {}  # per row and key: the root cause there or below
        self.pending: dict[int, tuple[Finding, list[_Follow]]] = {}  # per root finding: the cells it explains
        self._parents_held: dict[int, bool | None] | None = None  # a guessed table's parents: do they add up
        self.groups: list[str] = []  # the other lanes' names, on the main lane of a grouped table
        self.group_roots: dict[tuple[int, str], Finding] = {}  # the group lanes' root causes, by row and key
        self.unbudgeted: dict[int, Finding] = {}  # B109 by row (a group lane's, then read by the Total's)
        self._text_figures: dict[str, list[Field]] = {}  # per key: the column's figures typed as text
        self.expected_memo: dict = {}  # _expected of every row, once run() has corrected the inputs
        self.meaning = table.selisih_meaning or SISA
        # Each row's figures in this lane, read once (the checks ask for them hundreds of thousands of times).
        self.fields: dict[int, tuple[Field, Field, Field, Field]] = {
            id(row): (row.anggaran, row.realisasi, row.selisih, row.persen)
            if lane is None and not row.groups else self._lane_fields(row)  # the first: _lane_fields, without a call
            for row in self.all_rows
        }
        self.selisih_printed = table.has_selisih and any(
            fields[2].parsed.kind is not Kind.EMPTY for fields in self.fields.values()
        )
        self.has_selisih = self.selisih_printed and table.selisih_meaning != OTHER  # whether it is checked

    # -- the figures of a row in this lane ---------------------------------------------------------

    def _lane_fields(self, row: BudgetRow) -> tuple[Field, Field, Field, Field]:
        """The row's anggaran, realisasi, selisih and persen (``_KEYS``) in this lane."""
        if self.lane is None:
            fields = (row.anggaran, row.realisasi, row.selisih, row.persen)
            total = row.groups.get(TOTAL_GROUP) if row.groups else None
            if total is None:
                return fields
            return tuple(getattr(total, _GROUP_KEYS[key]) if item.empty else item for key, item in zip(_KEYS, fields))
        group = row.groups.get(self.lane)
        if group is None:
            return (MISSING_FIELD,) * 4
        return (group.anggaran, group.realisasi, group.sisa, group.persen)

    def _field(self, row: BudgetRow, key: str) -> Field:
        fields = self.fields.get(id(row))
        if fields is None:
            fields = self._lane_fields(row)
        return fields[_KEY_INDEX[key]]

    def _difference(self, a: float | None, r: float | None) -> float | None:
        if a is None or r is None:
            return None
        return r - a if self.meaning == LEBIH else a - r

    # -- resolution ---------------------------------------------------------------------------------

    def _relations(self, row: BudgetRow, a, r, s, p) -> list[str]:
        held = []
        if self.has_selisih and None not in (a, r, s) and money_equal(s, self._difference(a, r), self.settings.tolerance_money):
            held.append("selisih")
        if None not in (a, r, p) and a:
            decimals = self._field(row, "persen").parsed.decimals
            if agreement(p, decimals, r / a * 100, self.settings.tolerance_percent, True) is not Agreement.MISMATCH:
                held.append("persen")
        return held

    def _resolve(self, row: BudgetRow) -> _Values:
        """Choose, for each ambiguous or mistyped figure, the reading that makes the row add up."""
        fields = self.fields.get(id(row)) or self._lane_fields(row)
        a, r, s, p = fields[0].parsed, fields[1].parsed, fields[2].parsed, fields[3].parsed
        number, empty = Kind.NUMBER, Kind.EMPTY
        if (
            (a.kind is number or a.kind is empty) and (r.kind is number or r.kind is empty)
            and (s.kind is number or s.kind is empty) and (p.kind is number or p.kind is empty)
        ):
            # Nothing to choose (nearly every row): each figure is what it says.
            return _Values(a.value, r.value, s.value, p.value, _NOTHING, _NOTHING)
        text = Kind.TEXT
        for parsed in (a, r, s, p):
            kind, readings = parsed.kind, parsed.readings
            if (kind is text or kind is number) and len(readings) == 1 and readings[0] is parsed.value:
                continue  # the usual case of _one_reading, without the call
            if not _one_reading(parsed):
                break
        else:
            # Figures typed as text read one way only ("Rp 1.234.567"): nothing to choose either, and nothing
            # the row's sums could settle (what the whole way below gives, without trying the relations).
            unread = _UNREAD
            return _Values(
                None if a.kind in unread else a.value, None if r.kind in unread else r.value,
                None if s.kind in unread else s.value, None if p.kind in unread else p.value, _NOTHING, _NOTHING,
            )
        options = [_candidates(item) for item in fields]
        best = tuple(option[0] for option in options)
        held = self._relations(row, *best)
        if any(len(option) > 1 for option in options):
            for combination in itertools.product(*options):
                relations = self._relations(row, *combination)
                if len(relations) > len(held):
                    best, held = combination, relations
        values = _Values()
        for key, item, chosen in zip(_KEYS, fields, best):
            parsed = item.parsed
            if parsed.kind in (Kind.AMBIGUOUS, Kind.MALFORMED) or chosen != parsed.value:
                relations = tuple(name for name in held if name in _RELATION_FIELDS[key])
                context = self._context(key, item)
                if relations:
                    values.resolutions[key] = Resolution(chosen, relations, context)
                    setattr(values, key, chosen)
                    continue
                if context is not None and context.certain:
                    # The header's unit and the column's format agree: the reading is sure, the row is checked.
                    values.resolutions[key] = Resolution(context.value, (), context)
                    setattr(values, key, context.value)
                    continue
                if parsed.value is None:
                    values.unresolved[key] = parsed.readings
                    if context is not None:
                        values.resolutions[key] = Resolution(None, (), context)
                    continue
            setattr(values, key, parsed.value if parsed.kind not in _UNREAD or parsed.sure_repair else None)
        return values

    def _context(self, key: str, item: Field) -> Context | None:
        """What the table around an ambiguous money figure says about its reading (cells.money_context)."""
        if key == "persen" or item.parsed.kind is not Kind.AMBIGUOUS:
            return None
        header = self.table.headers.get((self.lane, key), "")
        if key not in self._text_figures:  # once per column: a big table may hold many such figures
            self._text_figures[key] = [field for row in self.all_rows if (field := self._field(row, key)).parsed.is_text]
        others = [field for field in self._text_figures[key] if field is not item]
        return money_context(item.parsed, header, others, self.table.title)

    # -- helpers ------------------------------------------------------------------------------------

    def _sum_value(self, row: BudgetRow, key: str) -> float | None:
        """What this row adds to its parent: empty counts as 0, an unreadable figure as unknown."""
        corrected = self.corrected.get((id(row), key))
        if corrected is not None:
            return corrected
        if self._field(row, key).empty:
            return 0.0
        return self.values[id(row)].get(key)

    def _expected(self, row: BudgetRow, key: str, memo: dict) -> float | None:
        """The row's figure once everything below it is right: the sum of its sub kegiatan for a parent, its
        own figure (as its selisih and % correct it, B117) for a sub kegiatan. ``memo``: by key, by row id."""
        known = memo.get(key)
        if known is None:
            known = memo[key] = {}
        row_id = id(row)
        if row_id not in known:
            if not row.children:
                known[row_id] = self._sum_value(row, key)
            else:
                values = [self._expected(child, key, memo) for child in row.children]
                # fsum: adding 20,000 figures with sen one by one drifts by a sen at trillions of rupiah.
                known[row_id] = None if None in values else math.fsum(values)
        return known[row_id]

    def _expect_all(self, memo: dict) -> None:
        """``_expected`` of every row for anggaran and realisasi, filled into ``memo`` in one pass from the
        deepest rows up (the same figures, without a call per row and child). Only once the inputs are
        corrected for good: the memo then holds for the rest of the run."""
        corrected, values, fields_of, fsum, empty = self.corrected, self.values, self.fields, math.fsum, Kind.EMPTY
        budgets, spent_sums = memo.setdefault("anggaran", {}), memo.setdefault("realisasi", {})
        order = list(reversed(self.table.rows)) + ([self.table.total] if self.table.total is not None else [])
        for row in order:
            row_id = id(row)
            children = row.children
            if not children:  # _sum_value
                fields = fields_of.get(row_id) or self._lane_fields(row)
                own = values[row_id]
                budget = 0.0 if fields[0].parsed.kind is empty else own.anggaran
                spent = 0.0 if fields[1].parsed.kind is empty else own.realisasi
                if corrected:
                    if (fixed := corrected.get((row_id, "anggaran"))) is not None:
                        budget = fixed
                    if (fixed := corrected.get((row_id, "realisasi"))) is not None:
                        spent = fixed
                budgets[row_id], spent_sums[row_id] = budget, spent
                continue
            for key, known in (("anggaran", budgets), ("realisasi", spent_sums)):
                # A child listed above its parent (none is, in a table read in order) is worked out on its own.
                sums = [known[child_id] if (child_id := id(child)) in known else self._expected(child, key, memo)
                        for child in children]
                known[row_id] = None if None in sums else fsum(sums)

    def _leaf_count(self, row: BudgetRow) -> int:
        return sum(self._leaf_count(child) for child in row.children) if row.children else 1

    def _level_name(self, row: BudgetRow) -> Text:
        return LEVEL_WORDS.get(row.level_word) or LEVELS.get(row.level, Text("baris", "row"))

    def _describe(self, row: BudgetRow):
        """How a message names a row: 'program "PROGRAM ..."', or 'the TOTAL row'."""
        if row.level is Level.TOTAL:
            return TOTAL_ROW
        return Text('{level} "{name}"', '{level} "{name}"').with_params(level=self._level_name(row), name=row.name)

    def _kind(self, row: BudgetRow) -> str | None:
        """Revenue or spending: the row's own, its account code's, its parents', the table's."""
        current: BudgetRow | None = row
        while current is not None:
            if current.kind:
                return current.kind
            kind = kind_from_account_code(current.code_text.text)
            if kind is None and current.code is None:
                kind = kind_from_label(current.label.text)  # a PENDAPATAN / BELANJA heading without a budget code
            if kind:
                return kind
            current = current.parent
        return self.table.kind

    def _add(self, check: Check, row: BudgetRow, key: str, severity: Severity | None = None, **params) -> Finding:
        unit = PERCENT if key == "persen" else RUPIAH
        note = params.get("note", "")
        if self.lane is not None:
            note = _concat(GROUP_NOTE.with_params(group=self.lane.replace("_", " ").title()), note)
        params["note"] = note
        params.setdefault("formula", FORMULAS.get(self.meaning, FORMULAS[SISA]))
        finding = check.at(
            self._field(row, key).ref,
            table=self.table.table,
            unit=unit,
            label=row.name,
            severity=severity,
            what=self._describe(row),
            level=self._level_name(row),
            column=COLUMNS[key],
            decimals=self._field(row, key).parsed.decimals,  # the reported figure as its cell shows it
            **params,
        )
        self.findings.append(finding)
        return finding

    def _agrees(self, printed: float, decimals: int | None, computed: float, truncation: bool | None = None) -> Agreement:
        settings = self.settings
        accept = settings.accept_truncation if truncation is None else truncation
        return agreement(printed, decimals, computed, settings.tolerance_percent, accept)

    # -- the checks ---------------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        for row in self.all_rows:
            self.values[id(row)] = self._resolve(row)
        self._number_findings()
        if self.lane is None:
            self._structure_findings()
            if self.table.selisih_meaning == OTHER and self.selisih_printed:
                self._selisih_not_checked()
            elif self.table.selisih_meaning is None:
                self._selisih_convention()
        if self.groups:
            self._group_totals()
        self._inputs_against_derived()
        memo: dict = {}
        self._expect_all(memo)
        self.expected_memo = memo  # for sums_below_total: nothing below changes the inputs again
        # Parents from the deepest up: a total that only repeats a wrong total below it is named there.
        bottom_up = list(reversed(self.table.rows)) + ([self.table.total] if self.table.total is not None else [])
        for row in bottom_up:
            if row.children:
                self._parent_sums(row, self.values[id(row)], memo)
        has_selisih, values_of, fields_of = self.has_selisih, self.values, self.fields
        budgets, spent_sums = memo["anggaran"], memo["realisasi"]  # filled by _expect_all
        for row in self.all_rows:
            row_id = id(row)
            values = values_of[row_id]
            fields = fields_of.get(row_id) or self._lane_fields(row)
            # The row's anggaran and realisasi once everything is right, and where that comes from.
            truth = (budgets[row_id], spent_sums[row_id], "children" if row.children else "input")
            follows: list[_Follow] = []
            if has_selisih:
                self._selisih(row, values, fields[2], truth, follows)
            self._persen(row, values, fields[3], truth, follows)
            if follows:
                self._name_follows(row, follows)
            self._budget_limits(row, values)
        self._describe_follows()
        if self.lane is None:
            self._numbering()
        return self.findings

    def _number_findings(self) -> None:
        keys = tuple(enumerate(_KEYS)) if self.has_selisih else ((0, "anggaran"), (1, "realisasi"), (3, "persen"))
        rows = [(row, self.fields.get(id(row)) or self._lane_fields(row)) for row in self.all_rows]
        # An error value spreads to every formula that reads it: report it where it starts (a typed error, a
        # formula broken on its own), not again in each formula it reaches.
        errors = None  # found at the first error value (most tables have none)
        as_text: list[tuple[Field, str, Unit]] = []  # N001's cells, grouped per column as they are made
        skip = self.skip_cells
        number, empty, text, nil = Kind.NUMBER, Kind.EMPTY, Kind.TEXT, Kind.NIL
        values_of = self.values
        for row, fields in rows:
            resolutions = values_of[id(row)].resolutions
            name = None
            for index, key in keys:
                item = fields[index]
                kind = item.parsed.kind
                resolution = resolutions.get(key) if resolutions else None
                if resolution is None:
                    if kind is number or kind is empty:
                        continue  # most cells: nothing to say (number_findings says nothing of them either)
                    if (kind is text or kind is nil) and item.ref is not None:
                        # A figure typed as text, read one way (is_text_number): N001, in its column's run.
                        if skip and item.ref in skip:
                            continue
                        if name is None:
                            name = row.name
                        as_text.append((item, name, PERCENT if index == 3 else RUPIAH))
                        continue
                if skip and item.ref is not None and item.ref in skip:
                    continue  # the row's own figure, already reported by the main lane
                if kind is Kind.ERROR:
                    if errors is None:
                        errors = [
                            other
                            for _, others in rows
                            for other in (others[index] for index, _ in keys)
                            if other.parsed.kind is Kind.ERROR and other.ref is not None
                        ]
                    if _reached_by(item, errors):
                        continue
                unit = PERCENT if key == "persen" else RUPIAH
                if item.ref is not None and (
                    (resolution is None and (kind is text or kind is nil)) or is_text_number(item, resolution)
                ):
                    if name is None:
                        name = row.name
                    as_text.append((item, name, unit))
                    continue
                self.findings.extend(
                    number_findings(
                        item,
                        table=self.table.table,
                        unit=unit,
                        label=row.name,
                        resolution=resolution,
                        text_severity=self.text_severity,
                    )
                )
        self.findings += text_number_runs(as_text, table=self.table.table, text_severity=self.text_severity)

    skip_cells: frozenset = frozenset()

    def _selisih_not_checked(self) -> None:
        first = next((row.selisih.ref for row in self.all_rows if row.selisih.ref is not None), None)
        self.findings.append(
            SELISIH_NOT_CHECKED.at(first, table=self.table.table, table_name=self.table.table, header=self.table.selisih_header or "Selisih")
        )

    def _selisih_convention(self) -> None:
        """A table whose every selisih is realisasi − anggaran: one warning, then checked with that meaning."""
        if not self.has_selisih:
            return
        tolerance = self.settings.tolerance_money
        lebih = 0
        first = None
        for row in self.all_rows:
            values = self.values[id(row)]
            a, r, s = values.anggaran, values.realisasi, values.selisih
            if None in (a, r, s) or money_equal(a, r, tolerance):
                continue
            if money_equal(s, a - r, tolerance):
                return  # one row with anggaran − realisasi: the table does not use the other convention
            elif money_equal(s, r - a, tolerance):
                lebih += 1
                first = first or row.selisih.ref
        if lebih >= 2:
            self.meaning = LEBIH
            self.findings.append(
                SELISIH_REVERSED_TABLE.at(
                    first, table=self.table.table, table_name=self.table.table,
                    header=self.table.selisih_header or "Selisih", count=lebih,
                )
            )

    def _structure_findings(self) -> None:
        table = self.table
        if table.table == "3.8" and table.total is None and table.rows:
            self.findings.append(NO_TOTAL.at(None, table=table.table, table_name=table.table))
        typed_levels: dict[str, Level | None] = {}  # level_from_label by text: a big table repeats a few words
        for row in table.rows:
            code = row.code
            if code is None:
                text = row.code_text.text
                if text and kind_from_account_code(text) is None:
                    self.findings.append(CODE_INVALID.at(row.code_text.ref, table=table.table, label=row.name, raw=text))
            else:
                if code.changed:
                    self.findings.append(
                        CODE_NORMALISED.at(
                            row.code_text.ref, table=table.table, label=row.name, raw=row.code_text.text,
                            canonical=code.canonical,
                        )
                    )
                level_text = row.level_text.text
                if level_text:
                    typed = typed_levels.get(level_text, typed_levels)
                    if typed is typed_levels:
                        typed = typed_levels[level_text] = level_from_label(level_text)
                    if typed is not None and typed is not code.level:
                        self.findings.append(
                            LEVEL_CONFLICT.at(
                                row.level_text.ref,
                                table=table.table,
                                label=row.name,
                                level_text=level_text,
                                code=code.canonical,
                                level=LEVELS[code.level],
                            )
                        )
            # A figure merged down from the row above is not this row's (a label printed over several lines).
            if row.level is None and any(
                not item.empty and item.parsed.kind is not Kind.MERGED for item in (row.anggaran, row.realisasi)
            ):
                self.findings.append(LEVEL_UNKNOWN.at(row.label.ref or row.anggaran.ref, table=table.table, label=row.name))
            parent = row.parent
            if code is not None and parent is not None and parent.code is not None:
                if not code.canonical.startswith(parent.code.canonical + "."):
                    self.findings.append(
                        CODE_OUTSIDE_PARENT.at(
                            row.code_text.ref,
                            table=table.table,
                            label=row.name,
                            code=code.canonical,
                            parent_code=parent.code.canonical,
                            parent=self._describe(parent),
                        )
                    )

    # -- root causes ----------------------------------------------------------------------------------

    def _hierarchy_sure(self, row: BudgetRow, values: _Values, memo: dict) -> bool:
        """Whether the rows summed into this parent are certainly its children.

        Codes and level columns say so. A hierarchy guessed from text signals is confirmed for this row when
        one of its own sums holds (its anggaran or its realisasi equals the rows below it), or when most of the
        table's other parents add up under the same guess."""
        if self.table.structure != "guessed":
            return True
        held = sums_hold(row)
        if held is True:
            return True
        if self._parents_held is None:
            parents = [other for other in self.all_rows if other.children]
            self._parents_held = {id(other): sums_hold(other) for other in parents}
        others = [result for key, result in self._parents_held.items() if key != id(row) and result is not None]
        if others and 2 * sum(others) > len(others):
            return True
        for key in ("anggaran", "realisasi"):
            printed, expected = values.get(key), self._expected(row, key, memo)
            if printed is not None and expected is not None and (printed or expected) and money_equal(printed, expected):
                return True
        return False

    def _parent_sums(self, row: BudgetRow, values: _Values, memo: dict) -> None:
        tolerance = self.settings.tolerance_money
        severity = None if self._hierarchy_sure(row, values, memo) else Severity.WARNING
        for key, check in (("anggaran", PARENT_ANGGARAN), ("realisasi", PARENT_REALISASI)):
            printed = values.get(key)
            expected = self._expected(row, key, memo)
            if printed is None or expected is None or self._field(row, key).empty:
                continue
            if money_equal(printed, expected, tolerance):
                continue
            group_root = self.group_roots.get((id(row), key))
            if group_root is not None and money_equal(printed, self._groups_sum(row, key) or 0.0, tolerance):
                # A Total that adds its groups up right, one of which is wrong: named there, not again here.
                self._follows_from(group_root, row, key, expected)
                continue
            # The rows right below as printed (not as their own lines correct them).
            direct = [0.0 if self._field(child, key).empty else self.values[id(child)].get(key) for child in row.children]
            adds_up = None not in direct and money_equal(printed, math.fsum(direct), tolerance)
            below = next((self.root_by_key[(id(child), key)] for child in row.children if (id(child), key) in self.root_by_key), None)
            if adds_up and below is not None:
                # The sum of the rows right below it, one of which is wrong: named at that one, not again here.
                self._follows_from(below, row, key, expected)
                continue
            common = dict(reported=printed, expected=expected, severity=severity)
            if key == "realisasi" and values.anggaran is not None and money_equal(printed, values.anggaran):
                finding = self._add(COPIED_REALISASI, row, key, **common)
            elif transposed_digits(printed, expected):
                finding = self._add(TRANSPOSED, row, key, intended=Num(expected, "rupiah"), **common)
            else:
                note = _LINES_WRONG if adds_up else ""
                finding = self._add(check, row, key, count=self._leaf_count(row), note=note, **common)
            self.roots.setdefault(id(row), []).append(finding)
            self.root_by_key[(id(row), key)] = finding

    def _inputs_against_derived(self) -> None:
        """A sub kegiatan whose selisih and % (or one of them and its parent's sum) agree on another anggaran or
        realisasi than the one printed: the input is wrong, reported once, and the sums use the right figure."""
        memo: dict = {}
        tolerance = self.settings.tolerance_money
        for row in self.table.rows:
            if row.children or row.level is None:
                continue
            values = self.values[id(row)]
            a, r, s, p = values.anggaran, values.realisasi, values.selisih, values.persen
            if a is None or r is None:
                continue
            if not self.has_selisih:
                s = None
            if s is not None:
                difference = self._difference(a, r)
                if s == difference or money_equal(s, difference, tolerance):
                    continue  # a selisih that fits its row: no other input its selisih could point at
            persen_item = self._field(row, "persen")
            # With anggaran 0 there is no percentage to compare (B110 says what is wrong there).
            p_fits_row = p is None or not a or self._agrees(p, persen_item.parsed.decimals, r / a * 100, True) is not Agreement.MISMATCH
            if s is None and p_fits_row:
                continue
            for key in ("realisasi", "anggaran"):
                if self._field(row, key).empty:
                    continue
                current = r if key == "realisasi" else a
                for alternative, from_parent in self._alternatives(row, key, a, r, s, memo):
                    if alternative is None or alternative < 0 or money_equal(alternative, current, tolerance):
                        continue
                    a2, r2 = (a, alternative) if key == "realisasi" else (alternative, r)
                    fits = []
                    if s is not None and money_equal(s, self._difference(a2, r2), tolerance):
                        fits.append("selisih")
                    # 0% fits any anggaran with nothing spent: no evidence.
                    if p and r2 and a2 and self._agrees(p, persen_item.parsed.decimals, r2 / a2 * 100, True) is not Agreement.MISMATCH:
                        fits.append("persen")
                    proof = self._parent_proves(row, key, current, alternative, memo)
                    against = self._parent_proves(row, key, current, current, memo)
                    derived = [name for name, value in (("selisih", s), ("persen", p)) if value is not None]
                    sure = (proof and fits and (not from_parent or fits)) or (len(fits) == len(derived) == 2 and not against)
                    if not sure:
                        continue
                    self.corrected[(id(row), key)] = alternative
                    self._report_input(row, key, current, alternative, fits, proof)
                    break
                else:
                    continue
                break

    def _alternatives(self, row: BudgetRow, key: str, a: float, r: float, s: float | None, memo: dict):
        """The input figures the row's own selisih, then its parent's sum, point at."""
        if s is not None:
            if key == "realisasi":
                yield (a + s if self.meaning == LEBIH else a - s), False
            else:
                yield (r - s if self.meaning == LEBIH else r + s), False
        parent = row.parent
        if parent is not None:
            printed = self.values[id(parent)].get(key)
            expected = self._expected(parent, key, memo)
            own = self._sum_value(row, key)
            if printed is not None and expected is not None and own is not None and not self._field(parent, key).empty:
                yield printed - (expected - own), True

    def _parent_proves(self, row: BudgetRow, key: str, current: float, value: float, memo: dict) -> bool:
        """Whether the parent's printed figure equals the sum of its sub kegiatan with this row's figure = value."""
        parent = row.parent
        if parent is None or self._field(parent, key).empty:
            return False
        printed = self.values[id(parent)].get(key)
        expected = self._expected(parent, key, memo)
        if printed is None or expected is None:
            return False
        return money_equal(printed, expected - current + value, self.settings.tolerance_money)

    def _report_input(self, row: BudgetRow, key: str, current: float, alternative: float, fits: list[str], proof: bool) -> None:
        evidence = [
            EVIDENCE_DERIVED.with_params(column=COLUMNS_LOWER[name], cell=self._field(row, name).ref.a1 if self._field(row, name).ref else "-")
            for name in fits
        ]
        if proof and row.parent is not None:
            evidence.append(EVIDENCE_PARENT.with_params(parent=self._describe(row.parent)))
        diagnosis = ""
        values = self.values[id(row)]
        if key == "realisasi" and values.anggaran is not None and money_equal(current, values.anggaran):
            diagnosis = COPIED_DIAGNOSIS
        elif transposed_digits(current, alternative):
            diagnosis = TRANSPOSED_DIAGNOSIS
        finding = self._add(
            INPUT_AGAINST_DERIVED, row, key, reported=current, expected=alternative,
            evidence=_joined(evidence), diagnosis=diagnosis,
        )
        self.roots.setdefault(id(row), []).append(finding)
        self.root_by_key[(id(row), key)] = finding

    def _groups_sum(self, row: BudgetRow, key: str) -> float | None:
        """The sum of a row's groups (the Total excluded) for anggaran or realisasi; None when one is unreadable."""
        values = []
        for name in self.groups:
            group = row.groups.get(name)
            item = getattr(group, key) if group is not None else MISSING_FIELD
            if item.empty:
                continue
            if item.parsed.kind in _UNREAD or item.value is None:
                return None
            values.append(item.value)
        return math.fsum(values)

    def _group_totals(self) -> None:
        """A sub kegiatan's Total against the sum of its groups on the same row (SIPD: Total = Operasi + Modal +
        ...). The groups are the inputs, so the sums above use them. A parent's Total is checked against its
        lines instead (per group and in total), which says more."""
        tolerance = self.settings.tolerance_money
        for row in self.table.rows:
            if not row.groups or row.children:
                continue
            values = self.values[id(row)]
            for key in ("anggaran", "realisasi"):
                total, parts = values.get(key), self._groups_sum(row, key)
                if total is None or parts is None or self._field(row, key).empty or money_equal(total, parts, tolerance):
                    continue
                names = [name.replace("_", " ").title() for name in self.groups if name in row.groups]
                finding = self._add(GROUP_TOTAL, row, key, reported=total, expected=parts, groups=", ".join(names))
                self.roots.setdefault(id(row), []).append(finding)
                self.root_by_key[(id(row), key)] = finding
                self.corrected[(id(row), key)] = parts

    def _follows_from(self, root: Finding, row: BudgetRow, key: str, expected: float) -> None:
        """This row's anggaran or realisasi is wrong only because ``root`` is: named there."""
        self._follow(root, _Follow(key, self._field(row, key).ref, expected))
        self.roots.setdefault(id(row), []).append(root)  # its selisih and % follow the same cause
        self.root_by_key[(id(row), key)] = root

    def _follow(self, root: Finding, item: _Follow) -> None:
        self.pending.setdefault(id(root), (root, []))[1].append(item)

    def _name_follows(self, row: BudgetRow, follows: list[_Follow]) -> None:
        """Name the derived cells that are wrong only because an input is, in the root cause's finding."""
        if not follows:
            return
        roots = self.roots.get(id(row))
        if not roots:
            # No input of this row was found wrong (an unreadable one): report each cell against its truth.
            for item in follows:
                check = PARENT_SELISIH if item.key == "selisih" else PARENT_PERSEN
                self._add(check, row, item.key, reported=self.values[id(row)].get(item.key), expected=item.value)
            return
        for item in follows:
            self._follow(roots[0], item)

    def _describe_follows(self) -> None:
        for root, items in self.pending.values():
            items = sorted(items, key=lambda item: (item.ref.row, item.ref.col) if item.ref else (0, 0))
            cells = [
                FOLLOWING_CELL.with_params(column=COLUMNS_LOWER[item.key], cell=item.ref.a1 if item.ref else "-")
                for item in items
            ]
            shown = [Num(item.value, "percent" if item.key == "persen" else "rupiah") for item in items]
            note = FOLLOWS_NOTE.with_params(cells=_joined(cells), values=_joined(shown))
            root.params["note"] = _concat(root.params.get("note", ""), note)
            root.follows = root.follows + [item.ref for item in items if item.ref is not None]
        self.pending = {}

    # -- derived figures ------------------------------------------------------------------------------

    def _ancestor_with(self, row: BudgetRow, key: str, value: float, equal) -> BudgetRow | None:
        ancestor = row.parent
        while ancestor is not None:
            other = self.values[id(ancestor)].get(key)
            if other is not None and equal(other, value):
                return ancestor
            ancestor = ancestor.parent
        return None

    def _same_amounts(self, row: BudgetRow, other: BudgetRow) -> bool:
        mine, theirs = self.values[id(row)], self.values[id(other)]
        pairs = [(mine.get(key), theirs.get(key)) for key in ("anggaran", "realisasi")]
        return all(a is not None and b is not None and money_equal(a, b) for a, b in pairs)

    def _own_readings(self, row: BudgetRow, values: _Values) -> list[tuple[float, float]]:
        """A parent's own anggaran and realisasi as its row may mean them: each reading of a figure nothing chose
        (a malformed "37.664.381200,00"), and one input as its own selisih and % both put it (realisasi + sisa,
        when the % agrees too). A selisih or % right for one of these is right for its row: where the row is
        wrong against its lines, that is said once at the input, not again at these cells."""
        if not row.children:
            return []
        budgets = [values.anggaran] if values.anggaran is not None else list(values.unresolved.get("anggaran", ()))
        spent = [values.realisasi] if values.realisasi is not None else list(values.unresolved.get("realisasi", ()))
        pairs = [(a, r) for a in budgets for r in spent]
        s, p = values.selisih, values.persen
        if self.has_selisih and s is not None and p is not None and self.meaning != OTHER:
            decimals = self._field(row, "persen").parsed.decimals
            for a, r in list(pairs):
                for a2, r2 in ((r - s if self.meaning == LEBIH else r + s, r), (a, a + s if self.meaning == LEBIH else a - s)):
                    if a2 > 0 and r2 >= 0 and self._agrees(p, decimals, r2 / a2 * 100, True) is not Agreement.MISMATCH:
                        pairs.append((a2, r2))
        return pairs

    def _root_below(self, row: BudgetRow) -> Finding | None:
        """A fault found in a parent below this row (its printed figure against its own lines): the lines this
        row's figures would be computed from disagree with a row between, so they are not sure truth."""
        for child in row.children:
            for key in ("anggaran", "realisasi"):
                root = self.root_by_key.get((id(child), key))
                if root is not None and child.children:
                    return root
            found = self._root_below(child) if child.children else None
            if found is not None:
                return found
        return None

    def _selisih(self, row: BudgetRow, values: _Values, item: Field, truth: tuple, follows: list[_Follow]) -> None:
        """``item``: the row's selisih; ``truth``: its anggaran and realisasi once all is right, and whence."""
        if item.parsed.kind is Kind.EMPTY:
            return
        a, r = values.anggaran, values.realisasi
        truth_a, truth_r, source = truth
        lebih = self.meaning == LEBIH  # _difference, written out: this runs for every row
        own = None if a is None or r is None else r - a if lebih else a - r
        truth = None if truth_a is None or truth_r is None else truth_r - truth_a if lebih else truth_a - truth_r
        if truth is None:
            truth = own
        if truth is None:
            return
        tolerance = self.settings.tolerance_money
        printed = values.selisih
        readings = (printed,) if printed is not None else values.unresolved.get("selisih", ())
        if not readings:
            return
        if printed is not None and money_equal(printed, truth, tolerance):
            return
        if printed is not None and own is not None and money_equal(printed, own, tolerance):
            follows.append(_Follow("selisih", item.ref, truth))  # right for its row, whose inputs are wrong
            return
        if printed is not None and any(money_equal(printed, self._difference(a, r), tolerance) for a, r in self._own_readings(row, values)):
            follows.append(_Follow("selisih", item.ref, truth))  # right for its row as the row means it
            return
        note = ""
        if own is not None and not money_equal(own, truth, tolerance):
            note = OWN_NOTE.with_params(source=SOURCES[source], own=Num(own, "rupiah"))
        for reading in readings:
            if (truth and money_equal(reading, -truth)) or (own and money_equal(reading, -own)):
                self._add(SIGN, row, "selisih", reported=reading, expected=truth, note=note)
                return
        for reading in readings:
            ancestor = self._ancestor_with(row, "selisih", reading, money_equal)
            if ancestor is not None:
                self._add(COPIED_FROM_PARENT, row, "selisih", reported=reading, expected=truth, parent=self._describe(ancestor), note=note)
                return
        for reading in readings:
            for intended, is_truth in ((truth, True), (own, False)):
                if intended is not None and transposed_digits(reading, intended):
                    # Swapped from the row's own (wrong) figures: say what it should be once they are right.
                    note = "" if is_truth else TRUTH_NOTE.with_params(truth=Num(truth, "rupiah"))
                    self._add(TRANSPOSED, row, "selisih", reported=reading, expected=truth, intended=Num(intended, "rupiah"), note=note)
                    return
        root = self._root_below(row) if own is None else None
        if root is not None:
            # Not checkable against its own row, and the lines below disagree with a parent between: said there.
            self._follow(root, _Follow("selisih", item.ref, truth))
            return
        check = SELISIH if own is not None else PARENT_SELISIH
        self._add(check, row, "selisih", reported=readings[0], expected=truth, note=note)

    def _persen(self, row: BudgetRow, values: _Values, item: Field, truth: tuple, follows: list[_Follow]) -> None:
        """``item``: the row's persen; ``truth``: its anggaran and realisasi once all is right, and whence."""
        a, r, printed = values.anggaran, values.realisasi, values.persen
        if printed is None or item.parsed.kind is Kind.EMPTY:
            return
        if a is not None and not a:
            if printed:
                self._add(PERCENT_WITHOUT_BUDGET, row, "persen", reported=printed)
            return
        own = r / a * 100 if a is not None and r is not None else None
        truth_a, truth_r, source = truth
        truth = truth_r / truth_a * 100 if truth_a and truth_r is not None else own
        if truth is None:
            return
        decimals = item.parsed.decimals
        settings = self.settings
        result = agreement(printed, decimals, truth, settings.tolerance_percent, settings.accept_truncation)  # _agrees
        if result is Agreement.TRUNCATED:
            self._add(
                TRUNCATED,
                row,
                "persen",
                reported=printed,
                exact=Num(truth, "percent"),
                rounded=Num(float(_rounded(truth, decimals)), "percent"),
            )
        if result is not Agreement.MISMATCH:
            return
        if own is not None and self._agrees(printed, decimals, own) is not Agreement.MISMATCH:
            follows.append(_Follow("persen", item.ref, truth))  # right for its row, whose inputs are wrong
            return
        if any(a2 and self._agrees(printed, decimals, r2 / a2 * 100) is not Agreement.MISMATCH for a2, r2 in self._own_readings(row, values)):
            follows.append(_Follow("persen", item.ref, truth))  # right for its row as the row means it
            return
        note = ""
        if own is not None and abs(own - truth) >= 0.005:
            note = OWN_NOTE.with_params(source=SOURCES[source], own=Num(own, "percent"))

        def same(other: float, value: float) -> bool:
            return abs(other - value) < 1e-9

        ancestor = self._ancestor_with(row, "persen", printed, same)
        if ancestor is not None and self._same_amounts(row, ancestor):
            ancestor = None  # a parent's only line (a Satker's one program): the same % is no sign of a copy
        if ancestor is not None:
            self._add(COPIED_FROM_PARENT, row, "persen", reported=printed, expected=truth, parent=self._describe(ancestor), note=note)
            return
        if row.children:
            child_percents = [self.values[id(child)].persen for child in row.children]
            if None not in child_percents and len(child_percents) > 1:
                mean = sum(child_percents) / len(child_percents)
                if self._agrees(printed, decimals, mean, True) is not Agreement.MISMATCH:
                    self._add(MEAN_OF_PERCENT, row, "persen", reported=printed, expected=truth, note=note)
                    return
        root = self._root_below(row) if own is None else None
        if root is not None:
            # Not checkable against its own row, and the lines below disagree with a parent between: said there.
            self._follow(root, _Follow("persen", item.ref, truth))
            return
        check = PERSEN if own is not None else PARENT_PERSEN
        self._add(check, row, "persen", reported=printed, expected=truth, note=note)

    def _budget_limits(self, row: BudgetRow, values: _Values) -> None:
        a, r = values.anggaran, values.realisasi
        for key, value in (("anggaran", a), ("realisasi", r)):
            if value is not None and value < 0:
                self._add(NEGATIVE, row, key, reported=value)
        if a is None or r is None:
            return
        if a == 0 and r:
            if self._kind(row) != REVENUE:  # revenue nobody budgeted for is no anomaly
                root = self.unbudgeted.get(id(row)) if self.lane is None else None
                ref = self._field(row, "realisasi").ref
                if root is not None and money_equal(r, self._groups_sum(row, "realisasi") or 0.0, self.settings.tolerance_money):
                    # The Total only adds up a group's spending without a budget: said at the group's cell.
                    if ref is not None:
                        root.follows = root.follows + [ref]
                else:
                    self.unbudgeted[id(row)] = self._add(SPENT_WITHOUT_BUDGET, row, "realisasi", reported=r)
        elif a > 0 and r > a + self.settings.tolerance_money:
            if self._kind(row) != REVENUE:  # revenue above its target is normal
                self._add(OVERSPENT, row, "realisasi", reported=r, expected=a, percent=Num(r / a * 100, "percent"))

    def _numbering(self) -> None:
        numbered = []
        for row in self.table.rows:
            value = row.number.parsed.value
            if value is not None:  # most rows of a big table carry a No.
                number = row_number(value)
                if number is not None:
                    numbered.append((row, number))
        if len(numbered) < 2:
            return
        levels = [row.level for row, _ in numbered if row.level is not None]
        kinds: list[Level] = []  # the levels present, first seen first (a set of them is then built alike)
        for level in levels:
            if level not in kinds:  # by identity: hashing an Enum per row costs a Python call
                kinds.append(level)
        usual = max(set(kinds), key=levels.count) if levels else None
        # A level numbered on purpose besides the usual one (programs 1, 2 above sub kegiatan 1), 2), ...: most
        # of its rows carry a number) is a numbering of its own, checked on its own; a parent numbered here and
        # there (the seed's one numbered program) stays in the usual sequence and gets B122.
        schemes = {
            level
            for level in set(kinds) - {usual}
            if (count := levels.count(level)) >= 2 and count * 2 >= sum(1 for row in self.table.rows if row.level is level)
        }
        sequences = [[item for item in numbered if item[0].level not in schemes] if schemes else numbered]
        sequences += [[item for item in numbered if item[0].level is level] for level in sorted(schemes, key=lambda level: level.rank)]
        for sequence in sequences:
            self.findings += numbering_gaps(self.table.table, sequence, NUMBER_DUPLICATE, NUMBER_GAP, attrgetter("name"))
        if usual is not Level.SUB_KEGIATAN:
            return
        for row, number in sequences[0]:
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


def _rounded(value: float, decimals: int | None):
    from ..numbers import round_half_up

    return round_half_up(value, decimals or 0)


# -- column groups (SIPD "Rekapitulasi belanja") ---------------------------------------------------------


def _group_names(table: BudgetTable) -> list[str]:
    names: list[str] = []
    for row in table.rows + ([table.total] if table.total is not None else []):
        for name in row.groups:
            if name != TOTAL_GROUP and name not in names:
                names.append(name)
    return names


def check_budget_table(table: BudgetTable, settings: Settings, text_severity: Severity | None = None,
                       checked: dict | None = None) -> list[Finding]:
    """``checked``: where to keep the main checker once it has run, by table, for ``sums_below_total``."""
    main = _Checker(table, settings, text_severity)
    main.groups = _group_names(table)
    findings: list[Finding] = []
    if main.groups:
        # Each group on its own first: a Total that only repeats a group's error names it instead.
        own_cells = frozenset(
            main._field(row, key).ref for row in main.all_rows for key in _KEYS if not main._field(row, key).empty
        )
        for name in main.groups:
            lane = _Checker(table, settings, text_severity, lane=name)
            lane.skip_cells = own_cells
            findings.extend(lane.run())
            main.group_roots.update(lane.root_by_key)
            main.unbudgeted.update(lane.unbudgeted)
    main_findings = main.run()
    if checked is not None and not main.groups:
        # Its rows as sums_below_total reads them: resolved, inputs corrected by their selisih and % (the main
        # lane of a table without groups corrects nothing else; the group lanes' Totals would).
        checked[table.table] = (table, settings, main)
    return main_findings + findings


def sums_below_total(table: BudgetTable, settings: Settings, checked: dict | None = None) -> dict[str, float | None]:
    """The anggaran and realisasi a table's JUMLAH should have: the sums of its lowest rows, each read as the
    budget checks read it (ambiguous figures resolved, a sub kegiatan's input corrected by its own selisih and
    %). None for a key when a figure is unreadable or the table has no JUMLAH row. ``checked``: the budget
    checks' checkers by table (``check_budget_table``), whose rows are reused when they read this table."""
    if table.total is None:
        return {"anggaran": None, "realisasi": None}
    kept = (checked or {}).get(table.table)
    if kept is not None and kept[0] is table and kept[1] is settings:
        checker = kept[2]
        memo = checker.expected_memo
    else:
        checker = _Checker(table, settings, None)
        for row in checker.all_rows:
            checker.values[id(row)] = checker._resolve(row)
        checker._inputs_against_derived()
        memo = {}
    return {key: checker._expected(table.total, key, memo) for key in ("anggaran", "realisasi")}


@rule
def budget_tables(document: Document) -> list[Finding]:
    text_severity = Severity.INFO if document.layout == "freeform" else None
    findings: list[Finding] = []
    for table in document.budget.values():
        findings.extend(check_budget_table(table, document.settings, text_severity, document.budget_checked))
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
