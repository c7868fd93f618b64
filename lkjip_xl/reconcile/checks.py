"""R: the report's Tabel 3.8 against the SIPD export its figures were copied from (declarations only; the
engine is reconcile/engine.py)."""

from __future__ import annotations

from ..findings import Check, Severity
from ..i18n import Text

# The two figures compared with SIPD, and how the findings name their column.
KEYS = ("anggaran", "realisasi")
COLUMN = {"anggaran": Text("Anggaran", "Budget"), "realisasi": Text("Realisasi", "Spending")}

_COPY_FIX = Text(
    "Salin ulang angka dari SIPD (lihat sel ekspor yang disebut), lalu hitung ulang selisih, persentase dan "
    "jumlah induknya.",
    "Copy the figure again from SIPD (see the export cell named), then recompute its selisih, percentage and "
    "parent totals.",
)

DIFFERS = Check(
    "R001",
    "beda-dengan-sipd",
    Severity.ERROR,
    Text("Angka berbeda dengan SIPD", "Figure differs from SIPD"),
    Text(
        "{column} {what} tertulis {reported}, di SIPD {expected} ({where}: {sipd_label}); dicocokkan {match}.{note}",
        "{column} of {what} reads {reported}, SIPD has {expected} ({where}: {sipd_label}); matched {match}.{note}",
    ),
    Text(
        "Angka Tabel 3.8 disalin tangan dari SIPD. Salah ketik saat menyalin, dengan selisih, persentase dan "
        "induknya dihitung dari angka yang salah, tetap konsisten di dalam tabel: hanya ekspor SIPD yang "
        "menunjukkannya. Kesalahan hanya bila baris cocok menurut kode Kepmendagri, atau menurut nama yang sama "
        "persis setelah dinormalkan dan hanya satu yang dikuatkan oleh hal lain: angka lain baris itu (bukan nol) "
        "sama dengan SIPD, atau induknya cocok menurut kode dan nama itu hanya satu di bawahnya. Kecocokan nama "
        "saja, atau nama yang mirip, paling tinggi peringatan.",
        "Table 3.8's figures are copied by hand from SIPD. A figure mistyped while copying, with its selisih, "
        "percentage and parents worked out from it, is consistent inside the table: only the SIPD export shows "
        "it. An error only when the line matched by Kepmendagri code, or by a name that is the same after "
        "normalising, found once and confirmed by something else: another (non-zero) figure of the line agrees "
        "with SIPD, or its parent matched by code and the name occurs once under it. A match by the name alone, "
        "or by a similar name, is a warning at most.",
    ),
    _COPY_FIX,
)

TRANSPOSED = Check(
    "R002",
    "tertukar-dengan-sipd",
    Severity.ERROR,
    Text("Dua digit tertukar dibanding SIPD", "Two digits transposed against SIPD"),
    Text(
        "{column} {what} tertulis {reported}, di SIPD {expected} ({where}: {sipd_label}): dua digit "
        "bersebelahan tertukar saat menyalin; dicocokkan {match}.{note}",
        "{column} of {what} reads {reported}, SIPD has {expected} ({where}: {sipd_label}): two adjacent digits "
        "were swapped while copying; matched {match}.{note}",
    ),
    Text(
        "Angka yang sama dengan SIPD kecuali dua digit bersebelahan yang bertukar tempat (133.546.039 untuk "
        "133.456.039): salah ketik yang paling umum saat menyalin.",
        "The SIPD figure with two adjacent digits swapped (133,546,039 for 133,456,039): the commonest typing "
        "mistake while copying.",
    ),
    _COPY_FIX,
)

NEIGHBOUR = Check(
    "R003",
    "angka-baris-tetangga",
    Severity.ERROR,
    Text("Angka dari baris lain di SIPD", "Figure taken from another SIPD line"),
    Text(
        "{column} {what} tertulis {reported}, padahal itu angka {source} di SIPD ({source_where}); angka "
        "baris ini di SIPD {expected} ({where}: {sipd_label}); dicocokkan {match}.{note}",
        "{column} of {what} reads {reported}, which is SIPD's figure of {source} ({source_where}); this line's "
        "figure in SIPD is {expected} ({where}: {sipd_label}); matched {match}.{note}",
    ),
    Text(
        "Saat menyalin baris demi baris, mata mudah melompat ke baris sebelah (atau ke kolom anggaran): angka "
        "yang tertulis sama persis dengan angka baris tetangga di ekspor SIPD.",
        "Copying line by line, the eye easily slips to the next line (or to the budget column): the figure "
        "written is exactly the SIPD figure of a neighbouring line.",
    ),
    _COPY_FIX,
)

LEFT_OUT = Check(
    "R004",
    "tidak-ada-di-laporan",
    Severity.WARNING,
    Text("Baris SIPD yang beranggaran tidak ada di laporan", "A budgeted SIPD line is not in the report"),
    Text(
        "{level} {code} {name} (anggaran {anggaran}, realisasi {realisasi}; {where}) ada di SIPD tetapi tidak "
        "ada di Tabel 3.8{under}.",
        "{level} {code} {name} (budget {anggaran}, spending {realisasi}; {where}) is in SIPD but not in Table "
        "3.8{under}.",
    ),
    Text(
        "Setiap sub kegiatan yang beranggaran di DPA termasuk dalam realisasi anggaran perangkat daerah. Laporan "
        "yang meninggalkannya mengecilkan anggaran dan realisasi (kecuali laporan itu memang hanya sebagian, "
        "mis. satu bidang: karena itu peringatan).",
        "Every sub-activity with a budget in the DPA is part of the office's budget realisation. A report that "
        "leaves one out understates budget and spending (unless the report covers only a part, e.g. one "
        "division: hence a warning).",
    ),
    Text("Tambahkan baris itu ke Tabel 3.8, atau jelaskan mengapa tidak dilaporkan.",
         "Add the line to Table 3.8, or explain why it is not reported."),
)

NOT_IN_SIPD = Check(
    "R005",
    "tidak-ada-di-sipd",
    Severity.WARNING,
    Text("Baris laporan tidak ditemukan di SIPD", "A report line is not found in SIPD"),
    Text(
        "{what} tidak ditemukan di ekspor SIPD ({exports}){why}.",
        "{what} is not found in the SIPD export ({exports}){why}.",
    ),
    Text(
        "Baris Tabel 3.8 yang kodenya atau namanya tidak ada di ekspor: salah kode, nama yang diubah terlalu "
        "jauh, atau baris dari tahun atau perangkat daerah lain.",
        "A Table 3.8 line whose code or name the export does not have: a wrong code, a name changed too much, "
        "or a line from another year or office.",
    ),
    Text("Periksa kode dan nama baris itu terhadap SIPD.", "Check the line's code and name against SIPD."),
)

PERIOD = Check(
    "R006",
    "periode-ekspor-sebagian",
    Severity.WARNING,
    Text("Ekspor SIPD bukan setahun penuh", "The SIPD export is not for the whole year"),
    Text(
        "Ekspor SIPD {file} hanya sampai bulan {month} (\"{said}\"), sedangkan LKjIP melaporkan realisasi "
        "setahun: perbedaan realisasi hanya peringatan.",
        "The SIPD export {file} runs only to month {month} (\"{said}\"), while the LKjIP reports the whole "
        "year's spending: differences in spending are only warnings.",
    ),
    Text(
        "Realisasi ekspor tengah tahun (\"s.d. Juni\") lebih kecil dari realisasi akhir tahun yang dilaporkan; "
        "anggarannya tetap dapat dibandingkan.",
        "A mid-year export's spending (\"s.d. Juni\") is lower than the year-end spending reported; its budget "
        "can still be compared.",
    ),
    Text("Ekspor ulang dari SIPD untuk periode Januari s.d. Desember.", "Export again from SIPD for January to December."),
)

REFUSED = Check(
    "R007",
    "ekspor-sipd-tidak-dipakai",
    Severity.WARNING,
    Text("Ekspor SIPD tidak dipakai untuk rekonsiliasi", "SIPD export not used for reconciliation"),
    Text("Ekspor SIPD {file} tidak dipakai: {reason}.", "The SIPD export {file} is not used: {reason}."),
    Text(
        "Rekonsiliasi hanya bermakna dengan ekspor perangkat daerah dan tahun yang sama dengan laporan.",
        "Reconciliation means something only with an export of the report's own office and year.",
    ),
    Text("Berikan ekspor SIPD perangkat daerah dan tahun laporan ini.", "Give the SIPD export of this report's office and year."),
)

TOTAL = Check(
    "R008",
    "jumlah-beda-dengan-sipd",
    Severity.WARNING,
    Text("JUMLAH berbeda dengan total SIPD", "TOTAL differs from SIPD's total"),
    Text(
        "{column} JUMLAH tertulis {reported}, total {count} program di SIPD {expected} ({where}).",
        "{column} of the TOTAL reads {reported}, the {count} programs in SIPD total {expected} ({where}).",
    ),
    Text(
        "Perbedaan JUMLAH yang tidak dijelaskan oleh baris-baris di atas (angka berbeda, baris yang tidak ada di "
        "salah satu sisi): mungkin laporan hanya mencakup sebagian ekspor, karena itu peringatan.",
        "A difference in the TOTAL not explained by the lines above (differing figures, lines on one side only): "
        "the report may cover only part of the export, hence a warning.",
    ),
    Text("Bandingkan program-program laporan dengan SIPD.", "Compare the report's programs with SIPD."),
)

JENIS = Check(
    "R009",
    "jenis-belanja-beda-dengan-sipd",
    Severity.ERROR,
    Text("Jumlah per jenis belanja berbeda dengan SIPD", "Total per type of spending differs from SIPD"),
    Text(
        "{column} {what} di Tabel 3.7 tertulis {reported}, di SIPD {expected} ({source}; {where}).{note}",
        "{column} of {what} in Table 3.7 reads {reported}, SIPD has {expected} ({source}; {where}).{note}",
    ),
    Text(
        "Tabel 3.7 meringkas anggaran dan realisasi per jenis belanja (Operasi, Pegawai, Barang dan Jasa, Modal, "
        "Tak Terduga, Transfer). SIPD memberikan jumlahnya: kolom kelompok belanja ekspor (Operasi | Modal | Tak "
        "Terduga | Transfer) dan baris rekening (5.1 operasi, 5.1.01 pegawai, 5.1.02 barang dan jasa, 5.2 modal, "
        "5.3 tak terduga, 5.4 transfer). Hanya baris yang namanya satu jenis saja, sekali dalam tabel; bentuk lama "
        "Belanja Tidak Langsung / Langsung tidak dibandingkan. Kesalahan hanya bila cakupannya pasti sama: Tabel "
        "3.8 memuat semua baris SIPD yang beranggaran, satu ekspor, dan ada angka lain Tabel 3.7 (bukan nol) yang "
        "sama dengan SIPD; untuk realisasi, ekspornya setahun penuh. Selain itu peringatan. Selisih Belanja Operasi yang dijelaskan oleh Pegawai dan Barang dan Jasa disebut pada baris itu.",
        "Table 3.7 sums up budget and spending per type (Operasi, Pegawai, Barang dan Jasa, Modal, Tak Terduga, "
        "Transfer). SIPD gives these totals: the export's spending-group columns (Operasi | Modal | Tak Terduga | "
        "Transfer) and its account rows (5.1 operating, 5.1.01 staff, 5.1.02 goods and services, 5.2 capital, 5.3 "
        "unforeseen, 5.4 transfers). Only rows whose name is one type and nothing else, once in the table; the old "
        "Belanja Tidak Langsung / Langsung form is not compared. An error only when the scope is surely the same: "
        "Table 3.8 holds every budgeted SIPD line, one export, and another (non-zero) figure of Table 3.7 agrees "
        "with SIPD; for spending, the export covers the whole year. A warning otherwise. A Belanja Operasi difference explained by Pegawai and Barang dan Jasa is named on those rows.",
    ),
    Text("Salin ulang jumlah jenis belanja itu dari SIPD.", "Copy that type's total again from SIPD."),
)
