"""F: what of a report document (PDF, Word) could not be checked. Emitted by document/check.py, not by a rule:
they are about the document's reading, which the Document model does not carry."""

from __future__ import annotations

from ..findings import Check, Severity
from ..i18n import Text

TABLE_UNREAD = Check(
    "F020",
    "tabel-dokumen-tidak-terbaca",
    Severity.INFO,
    Text("Tabel dokumen tidak diperiksa", "A document table was not checked"),
    Text(
        "{caption} (hlm. {page}) tidak diperiksa: tabel tanpa garis, kolomnya tidak dapat dibaca dengan pasti.",
        "{caption} (p. {page}) was not checked: a table without ruling lines, its columns cannot be read with certainty.",
    ),
    Text(
        "lkjip-xl membaca tabel PDF dari garis-garis tabelnya. Tabel yang angkanya hanya dirapikan dengan spasi "
        "atau tab tidak dibaca: menebak kolomnya dapat menempatkan angka di kolom yang salah.",
        "lkjip-xl reads a PDF's tables from their ruling lines. A table whose figures are only lined up with "
        "spaces or tabs is not read: guessing its columns could put a figure in the wrong column.",
    ),
    Text(
        "Periksa tabel ini sendiri, atau kirim berkas Word laporannya (.docx), yang tabelnya dapat dibaca utuh.",
        "Check this table by hand, or send the report's Word file (.docx), whose tables can be read whole.",
    ),
)

PAGES_UNREAD = Check(
    "F021",
    "halaman-tidak-terbaca",
    Severity.INFO,
    Text("Halaman dokumen tidak dibaca", "Document pages not read"),
    Text(
        "Halaman {page} dan seterusnya tidak dibaca: batas waktu membaca dokumen ({seconds} detik) terlampaui.",
        "Page {page} onwards was not read: the time limit for reading a document ({seconds} seconds) was reached.",
    ),
    Text(
        "Pembacaan PDF dibatasi waktunya agar satu berkas tidak menahan pemeriksaan yang lain.",
        "Reading a PDF is bounded in time so that one file cannot hold up the others.",
    ),
    Text(
        "Kirim bagian laporan yang memuat tabelnya (Bab III), atau berkas Word-nya.",
        "Send the part of the report that holds its tables (Bab III), or its Word file.",
    ),
)

PAGE_DAMAGED = Check(
    "F022",
    "halaman-rusak",
    Severity.INFO,
    Text("Halaman dokumen rusak", "A damaged document page"),
    Text("Halaman {page} tidak dapat dibaca (rusak); halaman lain diperiksa.", "Page {page} cannot be read (damaged); the other pages are checked."),
    Text(
        "Bagian PDF untuk halaman ini tidak utuh, sehingga tabelnya (bila ada) tidak diperiksa.",
        "The PDF's data for this page is incomplete, so its tables (if any) are not checked.",
    ),
    Text("Simpan ulang PDF dari Word, lalu periksa lagi.", "Save the PDF again from Word, then check again."),
)

STACKED_FIGURES = Check(
    "F023",
    "angka-bertumpuk",
    Severity.INFO,
    Text("Beberapa angka dalam satu sel", "Several figures in one cell"),
    Text(
        "Sel {cell} memuat beberapa angka bertumpuk ({printed}): angka-angka itu tidak diperiksa.",
        "Cell {cell} holds several figures one under the other ({printed}): they are not checked.",
    ),
    Text(
        "Dua baris tabel (dua indikator, dua program) yang dicetak dalam satu sel tanpa garis di antaranya tidak "
        "dapat dipasangkan dengan pasti dengan angka lain di barisnya; menebak pasangannya dapat menyalahkan "
        "angka yang benar.",
        "Two rows of a table (two indicators, two programs) printed in one cell without a line between them "
        "cannot be paired with certainty with the other figures of the row; guessing the pairs could call a "
        "right figure wrong.",
    ),
    Text(
        "Periksa baris ini sendiri, atau beri setiap indikator atau program barisnya sendiri di tabel.",
        "Check this row by hand, or give each indicator or program its own row in the table.",
    ),
)

NARRATIVE_PERCENT = Check(
    "D001",
    "narasi-persen",
    Severity.ERROR,
    Text("Persentase dalam kalimat tidak cocok dengan angkanya sendiri", "A sentence's percentage does not match its own figures"),
    Text(
        "Kalimat ini menulis {reported} padahal realisasi / alokasi × 100 = {expected} (Rp {realised} / Rp {allocated}).",
        "This sentence says {reported} where realisation / allocation × 100 = {expected} (Rp {realised} / Rp {allocated}).",
    ),
    Text(
        "Kalimat yang menyebut alokasi anggaran, realisasinya dan persentasenya harus cocok dengan dirinya sendiri: "
        "persentase = realisasi / alokasi × 100, dibulatkan (atau dipotong) pada desimal yang tercetak.",
        "A sentence that quotes an allocation, its realisation and their percentage must agree with itself: "
        "percentage = realisation / allocation × 100, rounded (or truncated) at the printed decimals.",
    ),
    Text(
        "Periksa ketiga angka terhadap tabel realisasi anggaran, lalu perbaiki yang salah.",
        "Check the three figures against the budget realisation table, then correct the wrong one.",
    ),
)

NARRATIVE_TABLE = Check(
    "D002",
    "narasi-tabel",
    Severity.WARNING,
    Text("Angka dalam kalimat berbeda dengan tabel", "A sentence's figure differs from the table"),
    Text(
        "Kalimat ini menyebut {role} {said}, sedangkan {caption} ({where}) mencetak {printed} pada baris «{row}».",
        "This sentence gives the {role} as {said}, while {caption} ({where}) prints {printed} in the row «{row}».",
    ),
    Text(
        "Kalimat yang menyebut nama indikator, program, kegiatan atau jumlah dan angkanya dicocokkan dengan baris "
        "tabel yang bernama sama dan memuat angka lain dari kalimat itu. Salah satu dari keduanya salah ketik; "
        "mana yang benar tidak dapat dipastikan dari laporan saja.",
        "A sentence that names an indicator, a program, a kegiatan or a total with its figures is matched with "
        "the table row of that name which prints another of the sentence's figures. One of the two is a typo; "
        "which one cannot be told from the report alone.",
    ),
    Text(
        "Samakan kalimat dengan tabel (atau tabel dengan kalimat), sesuai angka yang benar.",
        "Make the sentence and the table agree, on the right figure.",
    ),
)

NARRATIVE_EFFICIENCY = Check(
    "D003",
    "narasi-efisiensi",
    Severity.ERROR,
    Text("Efisiensi dalam kalimat tidak cocok dengan angkanya sendiri", "A sentence's efficiency does not match its own figures"),
    Text(
        "Kalimat ini menulis efisiensi {reported} padahal {formula} = {expected} (alokasi Rp {allocated}, realisasi Rp {realised}).{also}",
        "This sentence says the efficiency is {reported} where {formula} = {expected} (allocation Rp {allocated}, realisation Rp {realised}).{also}",
    ),
    Text(
        "Efisiensi (sisa) anggaran = alokasi - realisasi, dan persentasenya = efisiensi / alokasi × 100, dibulatkan "
        "(atau dipotong) pada desimal yang tercetak.",
        "The efficiency (what is left of the budget) = allocation - realisation, and its percentage = efficiency / "
        "allocation × 100, rounded (or truncated) at the printed decimals.",
    ),
    Text(
        "Hitung ulang efisiensi dari alokasi dan realisasi, lalu perbaiki kalimat (dan tabel yang memuat angka yang sama).",
        "Compute the efficiency again from the allocation and the realisation, then correct the sentence (and any "
        "table printing the same figure).",
    ),
)

NARRATIVE_COUNT = Check(
    "D004",
    "narasi-jumlah-indikator",
    Severity.ERROR,
    Text("Jumlah indikator dalam kalimat tidak cocok dengan rinciannya", "A sentence's count of indicators does not match its parts"),
    Text(
        "Kalimat ini menyebut {whole} indikator, padahal rinciannya berjumlah {parts} = {reported}.",
        "This sentence speaks of {whole} indicators, but its parts add up to {parts} = {reported}.",
    ),
    Text(
        "Kalimat yang membagi indikator ke dalam kategori capaian harus menjumlah ke banyaknya indikator yang disebutnya.",
        "A sentence that divides the indicators into achievement categories must add up to the number of indicators it names.",
    ),
    Text(
        "Hitung ulang banyaknya indikator per kategori dari tabel capaian, lalu perbaiki kalimatnya.",
        "Count the indicators of each category again from the achievement table, then correct the sentence.",
    ),
)

# The roles a narrative figure can have, as D002 names them.
ROLE_TEXTS = {
    "alokasi": Text("alokasi anggaran", "budget allocation"),
    "realisasi": Text("realisasi", "realisation"),
    "capaian": Text("capaian", "achievement"),
    "target": Text("target", "target"),
}
EFFICIENCY_FORMULA = {
    "amount": Text("alokasi - realisasi", "allocation - realisation"),
    "percent": Text("(alokasi - realisasi) / alokasi × 100", "(allocation - realisation) / allocation × 100"),
}
TABLE_ALSO = Text(" {caption} ({where}) mencetak baris «{row}».", " {caption} ({where}) prints the row «{row}».")
UNCAPTIONED = Text("tabel tanpa judul", "an uncaptioned table")

SUMMARY_BODY = Check(
    "D005",
    "ringkasan-eksekutif",
    Severity.WARNING,
    Text("Ringkasan eksekutif berbeda dengan uraian laporan", "The executive summary differs from the report's body"),
    Text(
        "Ikhtisar (ringkasan) eksekutif menyebut {role} {reported}, sedangkan uraian laporan ({where}) menyebut "
        "{expected} untuk angka lain yang sama: «{other}».",
        "The executive summary gives the {role} as {reported}, while the report's body ({where}) gives {expected} "
        "with the same other figures: «{other}».",
    ),
    Text(
        "Kalimat anggaran di ikhtisar eksekutif dicocokkan dengan kalimat di uraian laporan yang memuat dua dari "
        "tiga angkanya yang sama (alokasi, realisasi, persentase); angka ketiga harus sama pula.",
        "A budget sentence of the executive summary is matched with a sentence of the report's body that prints "
        "two of its three figures alike (allocation, realisation, percentage); the third must be alike too.",
    ),
    Text(
        "Samakan ikhtisar eksekutif dengan Bab III (atau sebaliknya), sesuai angka yang benar.",
        "Make the executive summary and Bab III agree, on the right figure.",
    ),
)

NARRATIVE_CATEGORY_COUNT = Check(
    "D006",
    "narasi-kategori-tabel",
    Severity.WARNING,
    Text("Banyaknya indikator per kategori berbeda dengan tabel", "A count of indicators per category differs from the table"),
    Text(
        "Kalimat ini menyebut {reported} indikator «{category}», sedangkan {caption} ({where}) mencetak kategori "
        "«{category}» {expected} kali (dari {whole} indikator, seperti kalimat itu).",
        "This sentence counts {reported} indicators «{category}», while {caption} ({where}) prints the category "
        "«{category}» {expected} times (of {whole} indicators, as the sentence says).",
    ),
    Text(
        "Kalimat yang menghitung indikator per kategori capaian dan menyebut tabelnya dicocokkan dengan kategori "
        "yang tercetak di tabel itu, bila tabel itu memuat kategori untuk semua indikator yang disebut kalimat.",
        "A sentence that counts indicators per achievement category and names its table is compared with the "
        "categories printed in that table, when the table prints a category for every indicator the sentence names.",
    ),
    Text(
        "Hitung ulang indikator per kategori dari tabel, lalu samakan kalimatnya.",
        "Count the indicators per category again from the table, then make the sentence agree.",
    ),
)

COUNT_TOTAL = Check(
    "T001",
    "jumlah-hitungan-salah",
    Severity.ERROR,
    Text("Jumlah tabel hitungan ≠ jumlah barisnya", "A count table's total ≠ the sum of its rows"),
    Text(
        "Baris \"{label}\" tertulis {reported} {unit_word}, padahal {rows} baris di atasnya berjumlah {expected} {unit_word}.{note}",
        "The row \"{label}\" reads {reported} {unit_word}, but the {rows} rows above it add up to {expected} {unit_word}.{note}",
    ),
    Text(
        "Tabel hitungan di laporan (pegawai per golongan, per pendidikan: \"5 orang\") diakhiri baris Jumlah. "
        "Diperiksa hanya bila pembacaannya pasti: satu kolom angka, semua angka dengan satuan yang sama, tiap "
        "baris berangka sampai baris Jumlah yang terakhir, tanpa baris jumlah lain di tengahnya. Baris yang "
        "berjumlah lebih dari Jumlah bisa berisi rincian baris lain: itu peringatan.",
        "A count table in a report (staff per grade, per education: \"5 orang\") ends in a Jumlah row. It is "
        "checked only when its reading is certain: one column of figures, all with the same unit, a figure on "
        "every row down to the last row, the Jumlah, and no other sum row between. Rows adding up to more than "
        "the Jumlah may hold the details of other rows: that is a warning.",
    ),
    Text(
        "Hitung ulang baris-barisnya; periksa baris yang terlewat atau Jumlah yang disalin dari tabel lain.",
        "Recount the rows; look for a row left out or a Jumlah copied from another table.",
    ),
)

NESTED_ROWS = Text(
    " Bila sebagian baris merupakan rincian baris lain, jumlahnya memang lebih besar.",
    " If some rows are details of others, their sum is larger indeed.",
)
