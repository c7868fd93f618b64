"""K: the performance tables, Tabel 3.2 (this year), 3.3 (three years) and 3.5 (performance against budget).

Every printed capaian is recomputed from its own row's target and realisasi, with the indicator's polarity
(the settings' list, Tabel 3.2's Polaritas column, else read from its name) and the configured
negative-polarity formula, and judged with the rounding rule of domain.md. A capaian that misses that
formula but fits another known one (realisasi / target, (2t − r) / t, t / r) is a warning (K108), never a
typo; only a figure that fits none is an error. Words ("WTP", "BB", "N/A") and ranges ("80 - 90%") are
values, not broken numbers: a range is checked against its bounds (K117, a warning), words are listed once
per table as not checkable (K109), "-" stands for nothing. Tabel 3.5's budget groups (a budget and the rows below it that
share it, as merged cells print it) give % serapan, the tingkat efisiensi of the configured formula and
the efisien / tidak efisien rule. IKM and SAKIP have sanity checks of their own. Figures shared between
tables are compared in ``cross.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from ..findings import SHEET_ROW, Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..indicators import (
    READINGS,
    SCALE_PRESETS,
    EfficiencyFormula,
    IkmScale,
    NegativeFormula,
    Polarity,
    Range,
    Verdict,
    Word,
    capaian,
    capaian_range,
    efficiency,
    efficiency_verdict,
    family,
    figure_with_unit,
    id_key,
    ikm_scale,
    is_efficiency_label,
    lower_is_better,
    name_key,
    parse_polarity,
    predikat_in,
    range_capaian,
    range_readings,
    read_verdict,
    read_word_or_range,
    sakip_predikat,
    scale_of_words,
    text_key,
)
from ..model import Document, EfficiencyRow, Field, IndicatorRow, IndicatorTable, TextField, TrendRow
from ..numbers import EXCEL_ERRORS, Agreement, Kind, Quantity, agreement, parse, printed_bounds, round_half_up, shown_within
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
        "Capaian tidak dibatasi 100. Angka yang dibulatkan atau dipotong ke jumlah desimal tercetak diterima. "
        "Angka yang cocok dengan rumus lazim lain bukan kesalahan melainkan K108 (peringatan); kesalahan ini "
        "berarti tidak ada rumus lazim yang menghasilkan angka tercetak.",
        "The achievement comes from the same row's target and actual: actual / target × 100 for a positive "
        "indicator, the configured negative-polarity formula where lower is better. It is not capped at 100. "
        "A figure rounded or truncated to the printed decimals is accepted. A figure that fits another known "
        "formula is no error but K108 (a warning); this error means no known formula gives the printed figure.",
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

CAPAIAN_ROUNDED_INPUTS = Check(
    "K118",
    "capaian-dari-angka-dibulatkan",
    Severity.WARNING,
    Text("Capaian hanya cocok dengan angka yang tidak dibulatkan", "Achievement fits only the unrounded figures"),
    Text(
        "Capaian{year} tertulis {reported}; dari angka tercetak {formula} = {expected}. Target dan realisasi "
        "tercetak dibulatkan: angka yang tercetak sama memberi capaian {low} sampai {high}, jadi {reported} "
        "bisa dihitung dari angka yang tidak dibulatkan.",
        "The achievement{year} reads {reported}; from the printed figures {formula} = {expected}. The target and "
        "actual are printed rounded: figures that print the same give {low} to {high}, so {reported} may come "
        "from the unrounded figures.",
    ),
    Text(
        "Angka yang diketik atau dicetak sebagai teks (seperti di laporan PDF atau Word) hanya menunjukkan "
        "desimal yang tercetak: 0,09 bisa 0,085 sampai 0,095. Capaian disebut salah (K101) hanya bila tidak ada "
        "target dan realisasi yang tercetak sama yang memberi capaian tercetak; bila ada, ini peringatan. Angka "
        "yang tersimpan sebagai angka di sel dihitung apa adanya.",
        "Figures typed or printed as text (as in a PDF or Word report) show only their printed decimals: 0,09 "
        "may be 0,085 to 0,095. An achievement is called wrong (K101) only when no target and actual that print "
        "the same give the printed achievement; when some do, this is a warning. Figures stored as numbers are "
        "computed as they are.",
    ),
    Text(
        "Hitung capaian dari target dan realisasi yang tidak dibulatkan, atau cetak keduanya dengan desimal "
        "yang cukup.",
        "Compute the achievement from the unrounded target and actual, or print both with enough decimals.",
    ),
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
        "Tanpa target (belum ditargetkan, 0, atau \"-\") capaian tidak terdefinisi. Angka di sel capaian itu "
        "bukan hasil hitung; sering realisasi yang tersalin. Capaian kosong, \"-\" atau berupa kata (N/A) di "
        "sana benar dan tidak dilaporkan, begitu pula capaian 100 untuk target 0 yang tercapai (realisasi 0). Peringatan "
        "bila target kosong pada tabel yang ditempel atau dicetak (kolomnya dibaca dari judul, dugaan) dan bila target "
        "0 pada indikator yang makin kecil makin baik (capaiannya mengikuti kebiasaan instansi).",
        "Without a target (not set yet, 0, or \"-\") the achievement is undefined. The figure in that cell is "
        "no computation; often the actual was copied there. An empty achievement, \"-\" or a word (N/A) there "
        "is right and not reported, and so is 100 for a zero target met (actual 0). A warning where the target is "
        "empty in a pasted or printed table (its columns read from their headers, a guess) and where a zero target "
        "belongs to a lower-is-better indicator (its achievement follows the office's own convention).",
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

POLARITY_ASSUMED = Check(
    "K108",
    "polaritas-diasumsikan",
    Severity.WARNING,
    Text("Polaritas atau rumus capaian diasumsikan", "Polarity or achievement formula assumed"),
    Text(
        "Capaian{year} {reported} mengikuti {formula}; {why} Tetapkan polaritas indikator ini di Pengaturan "
        "(polaritas_negatif, rumus_polaritas_negatif) atau di kolom Polaritas Tabel 3.2.",
        "The achievement{year} {reported} follows {formula}; {why} Set this indicator's polarity in the "
        "settings (polaritas_negatif, rumus_polaritas_negatif) or in the Polarity column of Table 3.2.",
    ),
    Text(
        "Tanpa pengaturan, polaritas diambil dari nama indikator (angka kematian, kemiskinan, pengangguran, "
        "stunting, prevalensi, kasus, lama pelayanan, jumlah pengaduan, inflasi, gini ... makin kecil makin "
        "baik; \"cakupan\", \"penurunan\", \"penanganan\" membaliknya) atau dari rumus yang cocok dengan "
        "capaian tercetak: realisasi / target, (2 × target − realisasi) / target, target / realisasi. Capaian "
        "yang cocok dengan salah satu rumus itu tidak pernah disebut salah ketik; yang diasumsikan dikatakan di "
        "sini agar dipastikan.",
        "Without settings, the polarity is taken from the indicator's name (mortality, poverty, unemployment, "
        "stunting, prevalence, cases, service time, complaints, inflation, gini ... lower is better; "
        "\"cakupan\", \"penurunan\", \"penanganan\" turn it round) or from the formula that fits the printed "
        "achievement: actual / target, (2 × target − actual) / target, target / actual. An achievement that fits "
        "one of those is never called a typo; what was assumed is said here, to be confirmed.",
    ),
    Text(
        "Pastikan polaritas dan rumusnya di lembar Pengaturan (atau --config); setelah itu peringatan ini hilang "
        "bila angkanya sesuai.",
        "Confirm the polarity and the formula on the Pengaturan sheet (or --config); the warning then goes when "
        "the figure fits.",
    ),
)

NOT_CHECKED = Check(
    "K109",
    "capaian-tidak-diperiksa",
    Severity.INFO,
    Text("Capaian yang tidak dapat diperiksa", "Achievements that cannot be checked"),
    Text(
        "{count} capaian tidak diperiksa karena target, realisasi atau capaiannya bukan angka: {rows}.",
        "{count} achievement(s) not checked because the target, actual or achievement is no number: {rows}.",
    ),
    Text(
        "Target dan realisasi berupa kata (WTP, predikat BB, Hijau, Tercapai, N/A) adalah nilai, bukan angka "
        "yang rusak: tidak ada capaian yang dapat dihitung darinya. Realisasi yang sama dengan targetnya "
        "(target WTP, realisasi WTP, capaian 100%) dianggap sesuai; pada skala berurutan (predikat AA > A > BB > "
        "B > CC > C > D, opini WTP > WDP > TW > TMP) capaian boleh dinyatakan, tetapi bukan hasil hitung. Capaian "
        "\"-\" tanpa target adalah benar dan tidak disebut di sini.",
        "Targets and actuals written as words (WTP, grade BB, Hijau, Tercapai, N/A) are values, not broken "
        "numbers: no achievement can be computed from them. An actual equal to its target (target WTP, actual "
        "WTP, achievement 100%) is consistent; on an ordered scale (grades AA > A > BB > B > CC > C > D, opinions "
        "WTP > WDP > TW > TMP) an achievement may be stated, but it is no computation. An achievement of \"-\" "
        "without a target is right and is not listed here.",
    ),
    Text("Tidak perlu tindakan; periksa capaian ini dengan tangan.", "No action needed; check these achievements by hand."),
)

RANGE_CAPAIAN = Check(
    "K117",
    "capaian-target-rentang",
    Severity.WARNING,
    Text("Capaian tidak sesuai target rentang", "Achievement does not fit a range target"),
    Text(
        "Capaian{year} tertulis {reported}, padahal realisasi {realisasi} terhadap target {target} memberi "
        "{expected}, dan tidak ada rumus lazim yang menghasilkan angka tercetak.",
        "The achievement{year} reads {reported}, but an actual of {realisasi} against the target {target} gives "
        "{expected}, and no usual formula gives the printed figure.",
    ),
    Text(
        "Target berupa rentang (\"80 - 90%\", \"7 – 8\", \"≥ 80\") diukur terhadap rentangnya (PermenPANRB "
        "6/2022): realisasi di dalam rentang dihitung 100%, di atas rentang dibagi batas atasnya, di bawahnya "
        "dibagi batas bawahnya. Karena cara instansi berbeda, angka yang cocok dengan rumus lazim mana pun "
        "terhadap salah satu batas juga diterima; selebihnya peringatan, bukan kesalahan.",
        "A target written as a range (\"80 - 90%\", \"7 – 8\", \"≥ 80\") is measured against its range "
        "(PermenPANRB 6/2022): an actual inside the range counts as 100%, above it is divided by the upper bound, "
        "below it by the lower bound. Since offices differ, a figure that fits any usual formula against either "
        "bound is accepted too; anything else is a warning, not an error.",
    ),
    Text("Hitung ulang capaian terhadap rentang target.", "Recompute the achievement against the target range."),
)

SERAPAN = Check(
    "K110",
    "serapan-salah",
    Severity.ERROR,
    Text("% serapan ≠ realisasi / anggaran", "% absorption ≠ spending / budget"),
    Text(
        "% serapan tertulis {reported}, padahal realisasi / anggaran × 100 = {expected}.{note}",
        "% absorption reads {reported}, but spending / budget × 100 = {expected}.{note}",
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

EFFICIENCY_OTHER_FORMULA = Check(
    "K116",
    "efisiensi-rumus-lain",
    Severity.WARNING,
    Text("Tingkat efisiensi mengikuti rumus lain", "Efficiency level follows another formula"),
    Text(
        "Tingkat efisiensi {reported} mengikuti rumus {used}, bukan {formula} {source} ({expected}).{follows} "
        "Pastikan rumus_efisiensi di Pengaturan.",
        "The efficiency level {reported} follows {used}, not {formula} {source} ({expected}).{follows} Confirm "
        "rumus_efisiensi in the settings.",
    ),
    Text(
        "Tidak ada rumus efisiensi nasional: 100 − serapan, capaian − serapan dan capaian / serapan sama-sama "
        "dipakai. Angka yang cocok dengan salah satunya tidak disebut salah; diperiksa dengan rumus itu dan "
        "diberi peringatan agar rumusnya dipastikan.",
        "There is no national efficiency formula: 100 − absorption, achievement − absorption and achievement / "
        "absorption are all in use. A figure that fits one of them is not called wrong; it is checked with that "
        "formula, with a warning to confirm it.",
    ),
    Text(
        "Tetapkan rumus_efisiensi di Pengaturan sesuai cara instansi menghitung, atau hitung ulang dengan rumus "
        "yang ditetapkan.",
        "Set rumus_efisiensi in the settings to the office's way, or recompute with the configured formula.",
    ),
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
    Text("Nomor urut {number} juga dipakai di baris {other} ({other_label}).", "Row number {number} is also used on row {other} ({other_label})."),
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
    Text("ID {id} juga dipakai di baris {other} tabel ini ({other_label}).", "ID {id} is also used on row {other} of this table ({other_label})."),
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
NEGATIVE_FROM_NAME = Text(
    " Polaritas negatif diambil dari nama indikator: pastikan di Pengaturan.",
    " Negative polarity taken from the indicator's name: confirm it in the settings.",
)
WHY_NAME = Text(
    "polaritas negatif diambil dari nama indikator (makin kecil makin baik).",
    "negative polarity taken from the indicator's name (lower is better).",
)
WHY_NAME_OTHER = Text(
    "nama indikator menunjukkan makin kecil makin baik, tetapi angka tercetak hanya cocok dengan rumus ini "
    "({assumed} memberi {computed}).",
    "the indicator's name says lower is better, but the printed figure fits only this formula ({assumed} gives "
    "{computed}).",
)
WHY_FIGURE = Text(
    "hanya rumus itu yang cocok dengan angka tercetak ({assumed} memberi {computed}).",
    "only that formula fits the printed figure ({assumed} gives {computed}).",
)
WHY_CONFIGURED = Text(
    "padahal {where} menetapkan {configured}, yang memberi {computed}.",
    "but {where} sets {configured}, which gives {computed}.",
)
SAID_BY_SETTINGS = Text("pengaturan polaritas_negatif", "the setting polaritas_negatif")
SAID_BY_COLUMN = Text("kolom Polaritas Tabel 3.2", "the Polarity column of Table 3.2")
SAID_BY_FORMULA = Text("pengaturan rumus_polaritas_negatif", "the setting rumus_polaritas_negatif")
WORD_TARGET = Text("target berupa kata", "the target is a word")
WORD_REALISASI = Text("realisasi berupa kata", "the actual is a word")
WORD_CAPAIAN = Text("capaian berupa kata", "the achievement is a word")
DASH_CAPAIAN = Text("capaian ditulis \"-\"", "the achievement reads \"-\"")
SCALE_WORDS = Text(
    "target dan realisasi pada skala {scale}: capaiannya penilaian, bukan hitungan",
    "target and actual on the {scale} scale: the achievement is a judgement, not a computation",
)
RANGE_WITHOUT_FIGURE = Text("target rentang tanpa realisasi berupa angka", "a range target without a numeric actual")
LABEL_YEAR = Text("{label} {year}", "{label} {year}")
NOT_CHECKED_ROW = Text("{label} ({cell}: {reason})", "{label} ({cell}: {reason})")
MORE_ROWS = Text("dan {count} lainnya", "and {count} more")
FOLLOWS_SERAPAN = Text(
    " Sel berikut dihitung dari angka ini dan benar setelah serapan diperbaiki: {cells}.",
    " These cells were computed from this figure and are right once the absorption is fixed: {cells}.",
)
FOLLOWER = Text("{cell} menjadi {value}", "{cell} becomes {value}")
CONFIGURED = Text("yang ditetapkan di Pengaturan", "set in the settings")
DEFAULT = Text("(bawaan, belum ditetapkan di Pengaturan)", "(the default, not set in the settings)")
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
    return item.parsed.value if item.parsed.kind in _READABLE or item.parsed.sure_repair else None


def _candidates(item: Field) -> list[float | None]:
    parsed = item.parsed
    if parsed.kind in _READABLE or parsed.sure_repair:
        return [parsed.value]
    if parsed.kind in (Kind.AMBIGUOUS, Kind.MALFORMED) and parsed.readings:
        return list(parsed.readings)
    return [None]


def _goal(row) -> TextField | None:
    return getattr(row, "goal", None)  # Tabel 3.3 and 3.5 rows name their sasaran; 3.2 rows do not


def row_label(row) -> str:
    goal = _goal(row)
    if row.name.text or row.indicator_id.text or (goal.text if goal else ""):
        return row.name.text or row.indicator_id.text or goal.text
    # The sheet row the officer sees: a free-form table's rows are numbered in the template's layout.
    return SHEET_ROW.with_params(row=sheet_row(row))


def sheet_row(row) -> int:
    """The sheet row of an indicator row (its cells' row), not its index in the table."""
    # Tabel 3.3 rows keep their figures per year: only the fields a row has are looked at.
    fields = (getattr(row, name, None) for name in ("indicator_id", "name", "number", "target", "realisasi", "capaian"))
    ref = next((field.ref for field in fields if getattr(field, "ref", None) is not None), None)
    return ref.row if ref is not None else row.row


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


@dataclass(frozen=True)
class Basis:
    """How a row's capaian is computed (polarity, negative formula) and where the polarity comes from:
    "settings" or "column" (the office said so), "name" (read from the indicator's name), "default"."""

    polarity: Polarity
    formula: NegativeFormula
    source: str

    @property
    def reading(self) -> tuple[Polarity, NegativeFormula]:
        return (self.polarity, self.formula if self.polarity is Polarity.NEGATIVE else NegativeFormula.DOUBLE_TARGET)

    @property
    def certain(self) -> bool:
        return self.source in ("settings", "column")


class Indicators:
    """The name, polarity and kind (IKM, SAKIP) of every indicator of a document.

    Polarity: negative when the settings list it or its Tabel 3.2 row says so, as the template's formulas
    have it (Tabel 3.3 and 3.5 rows take their 3.2 row's column).
    """

    def __init__(self, document: Document) -> None:
        self.settings = document.settings
        self.listed = {id_key(entry) for entry in document.settings.negative_indicators}
        self.configured = "polaritas_negatif" in document.settings.sources
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
        return self.basis(row).polarity

    def basis(self, row) -> Basis:
        """How this row's capaian is computed, and where that comes from: the settings' list, the Polaritas
        column of its Tabel 3.2 row, its name (a hint), or the default (positive)."""
        formula = self.settings.negative_formula
        if self.is_listed(row):
            return Basis(Polarity.NEGATIVE, formula, "settings")
        own = self._main_row(row)
        column = self.column(own) if own is not None else None
        if column is not None:
            return Basis(column, formula, "column")
        if own is not None and own.polarity.text.strip():
            return Basis(Polarity.POSITIVE, formula, "column")  # unreadable: K106 says it is computed as Positif
        if self.configured:
            return Basis(Polarity.POSITIVE, formula, "settings")  # a list was given and does not name it
        # The unit is named with the indicator ("- Rabies | kasus/tahun" under "Jumlah kasus penyakit hewan").
        unit = getattr(getattr(row, "unit", None), "text", "") or ""
        if self.family(row) is None and (lower_is_better(f"{self.name(row)} {unit}") or (own is not None and lower_is_better(own.name.text))):
            return Basis(Polarity.NEGATIVE, formula, "name")
        return Basis(Polarity.POSITIVE, formula, "default")

    def family(self, row) -> str | None:
        """IKM or SAKIP, from the row's own name or that of its Tabel 3.2 row."""
        own = self._main_row(row)
        return family(self.name(row)) or (family(own.name.text) if own is not None else None)


# -- one row's target, realisasi and capaian ------------------------------------------------------------


def word_or_range(item: Field) -> Word | Range | None:
    """A performance cell holding a value that is no figure: a word ("WTP", "BB", "N/A") or a range."""
    parsed = item.parsed
    if parsed.kind is not Kind.INVALID or not parsed.text:
        return None
    return read_word_or_range(parsed.text)


def as_figure(item: Field) -> Field:
    """A figure printed with its unit ("30 LPK", "1.000 orang") as the figure it is; any other cell as it is."""
    parsed = item.parsed
    if parsed.kind is not Kind.INVALID or not parsed.text:
        return item
    split = figure_with_unit(parsed.text)
    if split is None:
        return item
    figure = parse(split[0], Quantity.VALUE)
    if figure.kind not in (Kind.TEXT, Kind.AMBIGUOUS):
        return item
    return Field(item.ref, figure, item.formula)


@dataclass
class Outcome:
    """What a row's figures say once read: the values used, the capaian they give, how the printed one fares."""

    target: float | None
    realisasi: float | None
    capaian: float | None  # computed; None when it cannot be (no target, target 0, no realisasi)
    printed: float | None  # the printed capaian ("-" is none)
    agreement: Agreement | None  # printed against computed; None when either is missing
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    scales: tuple[IkmScale | None, IkmScale | None] = (None, None)  # IKM: target's and realisasi's scale
    fitted: tuple[Polarity, NegativeFormula] | None = None  # another known formula the printed figure follows
    fitted_value: float | None = None
    range_target: Range | None = None  # the target is a range ("80 - 90%")
    unchecked: Text | None = None  # why no capaian can be computed (words), for K109
    # A printed capaian off the printed figures but within what figures printing the same give (K118).
    rounded_range: tuple[float, float] | None = None

    @property
    def agrees(self) -> bool:
        return self.agreement is not None and self.agreement is not Agreement.MISMATCH

    @property
    def consistent(self) -> bool:
        """The printed capaian follows from its own row's figures under some known formula."""
        return self.agrees or self.fitted is not None or self.rounded_range is not None

    @property
    def carried(self) -> float | None:
        """The capaian this row passes on (to a mean, a category): the printed one where it follows a formula."""
        if self.fitted is not None or self.rounded_range is not None:
            return self.printed
        return self.capaian if self.capaian is not None else self.printed


def evaluate(
    target: Field,
    realisasi: Field,
    printed: Field,
    basis: Basis,
    settings: Settings,
    kind: str | None = None,
) -> Outcome:
    """Read one row's figures. An ambiguous or mistyped target/realisasi takes the reading that makes the
    printed capaian hold, if one does. IKM figures on two scales are compared on the target's scale. A
    printed capaian that misses the row's own formula but fits another known one is recorded as fitted."""
    target, realisasi = as_figure(target), as_figure(realisasi)
    shown = number(printed)
    decimals = printed.parsed.decimals
    dash = printed.parsed.kind is Kind.NIL
    if dash:
        shown = None  # "-": no capaian stated, not a capaian of 0
    words = (word_or_range(target), word_or_range(realisasi), word_or_range(printed))
    if dash or any(words):
        special = _words_outcome(target, realisasi, words, shown, decimals, dash, basis, settings)
        if special is not None:
            return special

    def compute(t: float | None, r: float | None, reading=basis.reading) -> tuple[float | None, tuple]:
        scales = (ikm_scale(t), ikm_scale(r)) if kind == "ikm" else (None, None)
        if None not in scales and scales[0] is not scales[1]:
            r = scales[1].convert(r, scales[0])
        return capaian(t, r, *reading), scales

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
    outcome = Outcome(t, r, value, shown, result, resolutions, scales)
    if result is Agreement.MISMATCH:
        for reading in READINGS:
            other, _ = compute(t, r, reading) if reading != basis.reading else (None, None)
            if other is not None and judge(shown, decimals, other, settings) is not Agreement.MISMATCH:
                outcome.fitted, outcome.fitted_value = reading, other
                break
    if result is Agreement.MISMATCH and outcome.fitted is None and kind != "ikm" and not resolutions:
        outcome.rounded_range = _rounded_fit(target, realisasi, shown, decimals, basis, settings)
    return outcome


def _rounded_fit(target: Field, realisasi: Field, shown: float, decimals: int | None, basis: Basis,
                 settings: Settings) -> tuple[float, float] | None:
    """The capaian that a target and realisasi printing as shown may give, when the printed capaian is among
    them: figures printed as text show only their decimals (0,17 / 0,09 is 188,89, but 0,1745 / 0,0924 that
    print the same give 188,85 to 188,90). None when the printed figures are whole numbers stored as numbers
    or the printed capaian fits none of them."""
    bounds = [printed_bounds(item.parsed) for item in (target, realisasi)]
    if bounds == [None, None]:
        return None
    values = [number(target), number(realisasi)]
    if None in values:
        return None
    box = [bound or (value, value) for bound, value in zip(bounds, values)]
    found = capaian_range(box[0], box[1], *basis.reading)
    if found is None or not shown_within(shown, decimals, *found, settings.tolerance_percent, settings.accept_truncation):
        return None
    return found


def _words_outcome(target, realisasi, words, shown, decimals, dash, basis, settings) -> Outcome | None:
    """The outcome of a row where a word, a range or "-" stands for a figure; None when the ordinary
    arithmetic applies after all (no target: K103's own rule; "-" with nothing to compare)."""
    t_word, r_word, c_word = words
    t, r = number(target), number(realisasi)
    if t_word is None and (target.empty or t == 0):
        return None  # no target: a "-" or a word as capaian is right, a figure is K103
    if isinstance(t_word, Word):
        if isinstance(r_word, Word) and r_word.key == t_word.key:
            agreement_100 = None if shown is None else judge(shown, decimals, 100.0, settings)
            if agreement_100 is not Agreement.MISMATCH:
                return Outcome(None, None, 100.0, shown, agreement_100)  # realisasi "WTP" for target "WTP"
        scale = scale_of_words(t_word, r_word) if isinstance(r_word, Word) else None
        return Outcome(None, r, None, shown, None, unchecked=SCALE_WORDS.with_params(scale=scale) if scale else WORD_TARGET)
    if isinstance(t_word, Range):
        if r is None:
            return Outcome(None, None, None, shown, None, range_target=t_word, unchecked=RANGE_WITHOUT_FIGURE)
        expected = range_capaian(t_word, r, basis.polarity, basis.formula)
        if shown is None:
            return Outcome(None, r, expected, None, None, range_target=t_word)
        results = [judge(shown, decimals, value, settings) for value in [expected, *range_readings(t_word, r)]]
        fits = [result for result in results if result is not Agreement.MISMATCH]
        return Outcome(None, r, expected, shown, fits[0] if fits else Agreement.MISMATCH, range_target=t_word)
    if r_word is not None:
        return Outcome(t, None, None, shown, None, unchecked=WORD_REALISASI)
    if t is not None and r is not None and (c_word is not None or dash):
        return Outcome(t, r, None, None, None, unchecked=WORD_CAPAIAN if c_word is not None else DASH_CAPAIAN)
    return None


def year_text(year: int | None) -> object:
    return YEAR.with_params(year=year) if year else ""


@dataclass(frozen=True)
class TableContext:
    """What every check of one table needs besides its rows."""

    table: str
    settings: Settings
    text_severity: Severity | None = None  # numbers stored as text: info on free-form sheets, as in budget.py
    # Which column is the target and which the capaian was read from a pasted table's headers (a guess), not
    # from the template's fixed columns.
    columns_guessed: bool = False

    @classmethod
    def of(cls, document: Document, table: str) -> TableContext:
        freeform = document.layout == "freeform"
        return cls(table, document.settings, Severity.INFO if freeform else None, freeform)

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
    basis: Basis,
    kind: str | None,
    year: int | None = None,
) -> list[Finding]:
    """Everything about one (target, realisasi, capaian) triple: its cells, its capaian, IKM and SAKIP sanity."""
    findings: list[Finding] = []
    settings = context.settings
    common = dict(table=context.table, label=label)
    for key, item, unit in (("target", target, VALUE), ("realisasi", realisasi, VALUE), ("capaian", printed, PERCENT)):
        if item.parsed.kind is Kind.NIL or word_or_range(item) is not None or as_figure(item) is not item:
            continue  # "WTP", "BB", "80 - 90%", "30 LPK", "-": a value as printed (or none), not a broken number
        findings.extend(context.numbers(item, unit, label, outcome.resolutions.get(key)))
    findings.extend(_family_findings(kind, target, realisasi, outcome, common))
    shown = outcome.printed
    shown_year = year_text(year)
    if shown is None or printed.empty or outcome.unchecked is not None:
        return findings
    if outcome.range_target is not None:
        if outcome.agreement is Agreement.MISMATCH:
            findings.append(
                RANGE_CAPAIAN.at(
                    printed.ref, reported=shown, expected=outcome.capaian, unit=PERCENT, year=shown_year,
                    realisasi=Num(outcome.realisasi), target=outcome.range_target.text, **common,
                )
            )
        return findings
    if target.empty or outcome.target == 0:
        if outcome.target == 0 and outcome.realisasi == 0 and shown == 100:
            return findings  # a zero target met (no case, no delay): 100 % by the usual convention
        # K103 shows no arithmetic. Where the columns were guessed, an empty target beside a figure may be a
        # column read wrong (a realisasi of another year, a mean of the rows above); where lower is better, a
        # zero target (no case at all) is a real target whose capaian offices compute by conventions of their
        # own. Either way a warning.
        empty_guessed = context.columns_guessed and target.empty
        guessed = Severity.WARNING if empty_guessed or basis.polarity is Polarity.NEGATIVE else None
        note = COPIED_ACTUAL if outcome.realisasi is not None and abs(shown - outcome.realisasi) < 1e-9 else ""
        findings.append(
            CAPAIAN_WITHOUT_TARGET.at(
                printed.ref, reported=shown, unit=PERCENT, year=shown_year,
                target=_target_text(target), note=note, severity=guessed, **common,
            )
        )
        return findings
    if outcome.capaian is None:
        return findings
    formula = _formula_name(basis.reading)
    if outcome.agreement is Agreement.MISMATCH:
        if outcome.fitted is not None:
            findings.append(_fitted_finding(printed, outcome, basis, settings, shown_year, common))
        else:
            if outcome.rounded_range is not None:
                low, high = outcome.rounded_range
                findings.append(
                    CAPAIAN_ROUNDED_INPUTS.at(
                        printed.ref, reported=shown, expected=outcome.capaian, unit=PERCENT, year=shown_year,
                        formula=formula, low=Num(low, "percent"), high=Num(high, "percent"), **common,
                    )
                )
                return findings
            note = _implied_actual(outcome, printed, realisasi, basis.polarity)
            if not note and basis.source == "name":
                note = NEGATIVE_FROM_NAME
            # Lower is better by its name only, and nothing happened (0 cases, 0 delays): target / realisasi, the
            # usual formula there, has no value, and what the office prints for it is its own convention.
            unsure = Severity.WARNING if basis.source == "name" and outcome.realisasi == 0 else None
            findings.append(
                CAPAIAN.at(
                    printed.ref, reported=shown, expected=outcome.capaian, unit=PERCENT, year=shown_year, formula=formula,
                    note=note, severity=unsure, **common,
                )
            )
        return findings
    if outcome.agreement is Agreement.TRUNCATED:
        findings.append(
            CAPAIAN_TRUNCATED.at(
                printed.ref, reported=shown, unit=PERCENT, year=shown_year,
                exact=Num(outcome.capaian, "percent"),
                rounded=Num(float(round_half_up(outcome.capaian, printed.parsed.decimals or 0)), "percent"),
                **common,
            )
        )
    if basis.source == "name":
        findings.append(
            POLARITY_ASSUMED.at(
                printed.ref, reported=shown, unit=PERCENT, year=shown_year, formula=formula, why=WHY_NAME,
                assumed="name", **common,
            )
        )
    return findings


def _formula_name(reading: tuple[Polarity, NegativeFormula]) -> Text:
    polarity, formula = reading
    return FORMULA_NAMES[Polarity.POSITIVE if polarity is Polarity.POSITIVE else formula]


def _target_text(target: Field):
    if target.empty:
        return TARGET_EMPTY
    return target.parsed.text if target.parsed.kind is Kind.NIL and target.parsed.text else TARGET_ZERO


def _fitted_finding(printed: Field, outcome: Outcome, basis: Basis, settings: Settings, year, common: dict) -> Finding:
    """A capaian that misses the row's formula but fits another known one: a warning, never a typo. What the
    office configured stays the measure (``expected``); what was only assumed is said to be confirmed."""
    fitted_polarity, fitted_formula = outcome.fitted
    computed = Num(outcome.capaian, "percent")
    expected = None
    if basis.certain and fitted_polarity is not basis.polarity:
        where = SAID_BY_SETTINGS if basis.source == "settings" else SAID_BY_COLUMN
        why = WHY_CONFIGURED.with_params(where=where, configured=_formula_name(basis.reading), computed=computed)
        expected = outcome.capaian
    elif fitted_polarity is basis.polarity and "rumus_polaritas_negatif" in settings.sources:
        why = WHY_CONFIGURED.with_params(where=SAID_BY_FORMULA, configured=_formula_name(basis.reading), computed=computed)
        expected = outcome.capaian
    elif basis.source == "name" and fitted_polarity is Polarity.POSITIVE:
        why = WHY_NAME_OTHER.with_params(assumed=_formula_name(basis.reading), computed=computed)
    else:
        why = WHY_FIGURE.with_params(assumed=_formula_name(basis.reading), computed=computed)
    return POLARITY_ASSUMED.at(
        printed.ref, reported=outcome.printed, expected=expected, unit=PERCENT, year=year,
        formula=_formula_name(outcome.fitted), why=why, **common,
    )


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
    if parse(printed, Quantity.PERCENT).kind in (Kind.TEXT, Kind.FOREIGN, Kind.NUMBER):
        return []  # a figure ("63,36 %") in the category column is no label to judge: say nothing
    scale = settings.category_scale
    common = dict(table="3.2", label=row_label(row), printed=printed, scale=str(scale))
    own = scale.knows(printed)
    if own is None:
        others = [other for other in SCALE_PRESETS if other != scale and other.knows(printed)]
        note = OTHER_SCALE.with_params(other=others[0].name) if others else ""
        return [CATEGORY_UNKNOWN.at(row.category.ref, labels=", ".join(scale.labels), note=note, **common)]
    values = [value for value in (outcome.capaian, outcome.printed if outcome.consistent else None) if value is not None]
    if not values:
        values = [outcome.printed] if outcome.printed is not None else []
    if not values or any(scale.category(value) == own for value in values):
        return []
    # The scale nobody set is the default one, a guess of the office's own (Diskanlaut's Tabel 3.1 ends at
    # "< 55 Kurang", with no "Sangat Kurang"): judged against it, a category is at most a warning.
    guessed = Severity.WARNING if "skala_kategori" not in settings.sources else None
    return [
        CATEGORY.at(
            row.category.ref, expected=scale.category(values[0]), capaian=Num(values[0], "percent"), severity=guessed,
            **common,
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
                ID_DUPLICATE.at(
                    row.indicator_id.ref, table=table, label=row_label(row), id=row.indicator_id.text,
                    other=sheet_row(ids[key]), other_label=row_label(ids[key]),
                )
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
    unchecked: list[tuple] = []
    for row in document.indicators.rows:
        basis = indicators.basis(row)
        kind = indicators.family(row)
        outcome = evaluate(row.target, row.realisasi, row.capaian, basis, settings, kind)
        label = row_label(row)
        findings += capaian_findings(context, label, row.target, row.realisasi, row.capaian, outcome, basis, kind)
        unchecked += _unchecked(label, row.capaian, outcome)
        findings += _polarity_findings(row, indicators)
        findings += _category_findings(row, outcome, settings)
        if kind == "sakip":
            findings += _predikat_findings(row, outcome)
        match = verdicts.index.find(row)
        verdict = verdicts.by_row.get(id(match.row)) if match else None
        findings += _word_findings("3.2", row, row.note, verdict, with_rule=match is not None)
    findings += numbering_findings("3.2", document.indicators.rows)
    findings += not_checked_findings("3.2", unchecked)
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
    unchecked: list[tuple] = []
    for row in document.trend.rows:
        basis = indicators.basis(row)
        kind = indicators.family(row)
        label = row_label(row)
        row_findings: list[Finding] = []
        for figures, year in zip(row.years, trend_years(document, row)):
            outcome = evaluate(figures.target, figures.realisasi, figures.capaian, basis, document.settings, kind)
            row_findings += capaian_findings(
                context, label, figures.target, figures.realisasi, figures.capaian, outcome, basis, kind, year
            )
            unchecked += _unchecked(label, figures.capaian, outcome, year)
        # The polarity read from the name is said once per indicator, not once per year.
        named = [f for f in row_findings if f.params.get("assumed") == "name"]
        findings += [f for f in row_findings if f.params.get("assumed") != "name"] + named[:1]
    findings += numbering_findings("3.3", document.trend.rows)
    findings += not_checked_findings("3.3", unchecked)
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
        values = [o.carried for o in self.outcomes]
        values = [value for value in values if value is not None]
        return sum(values) / len(values) if values else None

    @property
    def printed_mean(self) -> float | None:
        """The mean of the capaian as printed, where a wrong one is carried into the efficiency."""
        values = [o.printed for o in self.outcomes if o.printed is not None]
        return sum(values) / len(values) if values else None

    @property
    def verdict(self) -> Verdict | None:
        return efficiency_verdict(self.mean_capaian, self.serapan)


def budget_groups(document: Document, indicators: Indicators) -> list[BudgetGroup]:
    groups: list[BudgetGroup] = []
    for row in rows_of(document.efficiency):
        outcome = evaluate(
            row.target, row.realisasi, row.capaian, indicators.basis(row), document.settings, indicators.family(row)
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
    efficiency_findings, follows_serapan = _efficiency_findings(group, settings)
    verdict_findings, verdict_follows = _verdict_findings(group, settings)
    followers = [item for item in (follows_serapan, verdict_follows) if item is not None]
    findings = _serapan_findings(group, settings, followers) + efficiency_findings + verdict_findings
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
        if item.parsed.kind is Kind.NIL:
            continue  # "-" where nothing can be computed is what the cell should say
        if value is not None and not (zero_serapan_ok and item is row.serapan and value == 0):
            findings.append(
                PERCENT_WITHOUT_BUDGET.at(item.ref, table="3.5", label=row_label(row), reported=value, unit=PERCENT, column=column, reason=reason)
            )
    return findings


def _serapan_findings(group: BudgetGroup, settings: Settings, followers: list | None = None) -> list[Finding]:
    """% serapan against realisasi / anggaran. ``followers``: the cells computed from this wrong serapan (the
    efficiency, the verdict) with what they should show once it is right: named here, not reported again."""
    head = group.head
    printed = number(head.serapan)
    if group.serapan is None:
        if head.anggaran.empty and head.realisasi_rp.empty:
            return _without_budget(head, NO_BUDGET)
        if group.anggaran == 0:
            # 0 % of a zero budget with nothing spent is acceptable (domain.md); anything else is not.
            return _without_budget(head, ZERO_BUDGET, zero_serapan_ok=not group.realisasi)
        return []
    if printed is None or head.serapan.parsed.kind is Kind.NIL:
        return []
    if judge(printed, head.serapan.parsed.decimals, group.serapan, settings) is not Agreement.MISMATCH:
        return []
    note = FOLLOWS_SERAPAN.with_params(cells=joined(followers)) if followers else ""
    return [
        SERAPAN.at(
            head.serapan.ref, table="3.5", label=row_label(head), reported=printed, expected=group.serapan, unit=PERCENT,
            note=note,
        )
    ]


def _efficiency_findings(group: BudgetGroup, settings: Settings) -> tuple[list[Finding], object | None]:
    """The tingkat efisiensi against its formula, and, when the printed figure is the formula applied to a
    wrong printed serapan, the value it should have (the serapan's finding names it; no second finding)."""
    head = group.head
    formula = settings.efficiency_formula
    expected = efficiency(group.serapan, group.mean_capaian, formula)
    shown = number(head.efisiensi)
    if shown is None or expected is None or head.efisiensi.parsed.kind is Kind.NIL:
        return [], None
    decimals = head.efisiensi.parsed.decimals

    def fits(value: float | None) -> bool:
        return value is not None and judge(shown, decimals, value, settings) is not Agreement.MISMATCH

    if fits(expected):
        return [], None
    printed_serapan = number(head.serapan) if head.serapan.parsed.kind is not Kind.NIL else None
    serapan_wrong = printed_serapan is not None and judge(
        printed_serapan, head.serapan.parsed.decimals, group.serapan, settings
    ) is Agreement.MISMATCH
    printed_mean = group.printed_mean
    # Root cause: the efficiency follows from the printed serapan or the printed capaian, which are wrong and
    # have their own findings (K110, K101); this cell is right once they are.
    if serapan_wrong and (
        fits(efficiency(printed_serapan, group.mean_capaian, formula)) or fits(efficiency(printed_serapan, printed_mean, formula))
    ):
        return [], FOLLOWER.with_params(cell=head.efisiensi.ref.a1, value=Num(expected, "percent"))
    if printed_mean != group.mean_capaian and fits(efficiency(group.serapan, printed_mean, formula)):
        return [], None
    common = dict(table="3.5", label=row_label(head), reported=shown, unit=PERCENT)
    for other in EfficiencyFormula:
        if other is not formula and fits(efficiency(group.serapan, group.mean_capaian, other)):
            configured = "rumus_efisiensi" in settings.sources
            return [
                EFFICIENCY_OTHER_FORMULA.at(
                    head.efisiensi.ref, expected=expected if configured else None, used=other.value,
                    formula=formula.value, source=CONFIGURED if configured else DEFAULT, follows="", **common,
                )
            ], None
    return [
        EFFICIENCY.at(
            head.efisiensi.ref, expected=expected, formula=formula.value, serapan=Num(group.serapan, "percent"),
            mean=_percent_or_dash(group.mean_capaian), **common,
        )
    ], None


def _percent_or_dash(value: float | None):
    return Num(value, "percent") if value is not None else "-"


def _verdict_findings(group: BudgetGroup, settings: Settings) -> tuple[list[Finding], object | None]:
    """The efisien / tidak efisien word against the rule, and, when it follows the rule applied to a wrong
    printed serapan, what it should say once the serapan is right (named by K110, not reported again)."""
    cell = group.head.efisiensi_label
    if not cell.text or group.serapan is None:
        return [], None
    verdict = group.verdict
    written, own_word = read_verdict(cell.text)
    if not own_word and cell.text != NO_VERDICT:
        return _word_findings("3.5", group.head, cell, verdict, with_rule=True), None
    if written is verdict or (written is None and verdict is None):
        return [], None
    expected = verdict.value if verdict else NO_VERDICT
    serapan = group.head.serapan
    printed_serapan = number(serapan) if serapan.parsed.kind is not Kind.NIL else None
    if printed_serapan is not None and judge(printed_serapan, serapan.parsed.decimals, group.serapan, settings) is Agreement.MISMATCH:
        if written is efficiency_verdict(group.mean_capaian, printed_serapan):
            return [], FOLLOWER.with_params(cell=cell.ref.a1, value=expected)
    severity = Severity.WARNING if verdict is None else None
    return [
        VERDICT.at(
            cell.ref, table="3.5", label=row_label(group.head), severity=severity,
            expected=expected, printed=cell.text,
            mean=_percent_or_dash(group.mean_capaian), serapan=Num(group.serapan, "percent"),
            verdict=VERDICT_NAMES[verdict],
        )
    ], None


def joined(items: list) -> object:
    """Phrases joined with "; " in whichever language the message is rendered."""
    template = "; ".join("{item%d}" % index for index in range(len(items)))
    return Text(template, template).with_params(**{f"item{index}": item for index, item in enumerate(items)})


@rule
def efficiency_table(document: Document) -> list[Finding]:
    """Tabel 3.5: each row's capaian, each budget group's serapan, efficiency and verdict."""
    if document.efficiency is None:
        return []
    context = TableContext.of(document, "3.5")
    indicators = Indicators(document)
    findings: list[Finding] = []
    unchecked: list[tuple] = []
    for group in budget_groups(document, indicators):
        for row, outcome in zip(group.rows, group.outcomes):
            label, kind = row_label(row), indicators.family(row)
            findings += capaian_findings(
                context, label, row.target, row.realisasi, row.capaian, outcome, indicators.basis(row), kind
            )
            unchecked += _unchecked(label, row.capaian, outcome)
            for item, unit in ((row.anggaran, RUPIAH), (row.realisasi_rp, RUPIAH), (row.serapan, PERCENT), (row.efisiensi, PERCENT)):
                if unit is PERCENT and item.parsed.kind is Kind.NIL:
                    continue  # "-" for a percentage that cannot be computed: what the cell should say
                findings += context.numbers(item, unit, label)
        findings += _group_findings(group, document.settings)
    findings += numbering_findings("3.5", document.efficiency.rows)
    findings += not_checked_findings("3.5", unchecked)
    return findings


def _unchecked(label: str, printed: Field, outcome: Outcome, year: int | None = None) -> list[tuple]:
    if outcome.unchecked is None:
        return []
    return [(printed.ref, LABEL_YEAR.with_params(label=label, year=year) if year else label, outcome.unchecked)]


def not_checked_findings(table: str, unchecked: list[tuple]) -> list[Finding]:
    """One info per table naming the capaian that words left uncheckable (K109), never one per row."""
    if not unchecked:
        return []
    shown = unchecked[:MAX_LISTED]
    items = [NOT_CHECKED_ROW.with_params(label=label, cell=ref.a1 if ref else "-", reason=reason) for ref, label, reason in shown]
    if len(unchecked) > MAX_LISTED:
        items.append(MORE_ROWS.with_params(count=len(unchecked) - MAX_LISTED))
    return [NOT_CHECKED.at(unchecked[0][0], table=table, count=len(unchecked), rows=joined(items))]


MAX_LISTED = 10

