"""Disnakertrans Prov. Jawa Barat, LKIP 2016: Tabel 3.1 (target/realisasi, pp. 26-28) and Tabel 3.7 APBN (p. 53)."""
from decimal import ROUND_DOWN, Decimal

from lib import dec, pct, write_case

SRC = ("andri000me/aplikasi_esakip, static/datalakip/LKIP DISNAKERTRANS 2016.pdf, commit "
       "324b2cbf7fc2cb27f40433f6252a823d0ee32a25 (also /work/shared/realdocs/jabar16-disnakertrans-LKIP DISNAKERTRANS 2016.pdf)")
OFFICE = "Dinas Tenaga Kerja dan Transmigrasi, Provinsi Jawa Barat"

# ---- Tabel 3.1 (a Tabel 3.2-like table: indikator, target, realisasi, capaian + kategori)
T31 = [
    ["Tabel 3.1"], ["Target dan Realisasi Tahun 2016"],
    ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Kategori Penilaian", None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", None],
    ["1.", "Meningkatnya kualitas tenaga kerja", "Persentase pencari kerja terdaftar yang memiliki sertifikat kompetensi", "0,53%", "0,34 %", "63,36 %", "(Sedang)"],
    [None, None, "Persentase pencari kerja terdaftar yang memiliki sertifikat pelatihan", "3,93 %", "2,29%", "58,34 %", "(Sedang)"],
    [None, None, "Jumlah LPK yang terakreditasi", "30 LPK", "21 LPK", "70 %", "(Sedang)"],
    ["2.", "Meningkatnya penempatan tenaga kerja", "Persentase serapan tenaga kerja melalui sektor usaha primer, sekunder dan tersier", "87,45 %", "72,16 %", "82,51 %", "(Baik)"],
    [None, None, "Jumlah wirausaha baru", "1.000 orang", "640 orang", "64 %", "(Sedang)"],
    ["3.", "Terwujudnya hubungan industrial yang harmonis", "Persentase penyelesaian kasus hubungan industrial", "65 %", "90,70 %", "139,54 %", "(Sangat Baik)"],
    ["4.", "Terwujudnya pelaksanaan norma ketenagakerjaan di tempat kerja", "Persentase penurunan jumlah kecelakaan kerja", "19,14 %", "-7,20 %", "-37,60 %", "(Kurang)"],
    [None, None, "Jumlah PPTKIS yang beroperasi sesuai prosedur", "125 lembaga", "202 lembaga", "161,60 %", "(Sangat Baik)"],
    [None, None, "Persentase penyelesaian kasus TKI-B", "25 %", "63,64 %", "254,55%", "(Sangat Baik)"],
    ["5.", "Meningkatnya kesejahteraan tenaga kerja", "Persentase kenaikan UMK", "5%", "14,59 %", "291,80 %", "(Sangat Baik)"],
    ["6.", "Meningkatnya kesiapan calon transmigran sebelum ditempatkan di daerah penempatan transmigrasi", "Jumlah calon transmigran yang memiliki sertifikat pelatihan", "180 KK", "206 KK", "114,44 %", "(Sangat Baik)"],
]


def lead(s):
    return dec(s.split()[0]) if " " in s and not s.strip().endswith("%") else dec(s)


def verify_31():
    """Every capaian either equals realisasi/target (half-up or truncated) or lies within what the unrounded,
    printed-to-2-decimals realisasi allows. None is a proven inconsistency."""
    notes = []
    for row in T31[4:]:
        t, r, c = lead(row[3]), lead(row[4]), dec(row[5])
        places = len(row[5].replace("%", "").strip().split(",")[1]) if "," in row[5] else 0
        q = Decimal(1).scaleb(-places)
        exact = r / t * 100
        ok = c in (exact.quantize(q), exact.quantize(q, ROUND_DOWN), pct(r, t, places))
        if not ok:
            rp = len(row[4].replace("%", "").strip().split(",")[1]) if "," in row[4] else 0
            half = Decimal(5).scaleb(-rp - 1)
            lo, hi = sorted(((r - half) / t * 100, (r + half) / t * 100))
            assert lo <= c <= hi, (row, lo, hi)
            notes.append(f"{row[5].strip()} (from printed figures {pct(r, t, 2)}, allowed {lo:.2f}..{hi:.2f})")
    return notes


# ---- Tabel 3.7 APBN (a Tabel 3.7-like budget summary with sub totals), US-format figures as printed
T37 = [
    ["Tabel 3.7"], ["Pagu Anggaran dan Realisasi APBN Tahun 2016"],
    ["NO.", "JENIS ANGGARAN/PROGRAM", "PAGU DIPA (Rp.)", None, "REALISASI S/D BULAN INI", None, "FISIK (Bobot Tertimbang)"],
    [None, None, "AWAL", "REVISI", "KEUANGAN", None, None],
    [None, None, None, None, "(Rp.)", "%", "%"],
    ["1.", "Dekonsentrasi"],
    [None, "1. Program Penempatan dan Pemberdayaan Tenaga Kerja (04)", "4,499,237,000", "3,633,525,000", "3,614,620,000", "99.48", "99.48"],
    [None, "2. Program Pengembangan Hubungan Industrial dan Peningkatan Jaminan Sosial Tenaga Kerja (05)", "3,049,494,000", "2,427,694,000", "2,426,439,100", "99.95", "99.95"],
    [None, "3. Program Perlindungan Tenaga Kerja dan Pengembangan Sistem Pengawasan Ketenagakerjaan (08)", "4,280,000,000", "3,196,640,000", "3,196,115,000", "99.98", "99.98"],
    [None, "4. Program Peningkatan Kompetensi Tenaga Kerja dan Produktivitas (13)", "4,660,970,000", "4,649,310,000", "4,630,520,000", "99.60", "99.60"],
    [None, "JUMLAH I", "16,489,701,000", "13,907,169,000", "13,867,694,100", "99.72", "99.72"],
    ["2.", "Tugas Pembantuan"],
    [None, "1. Program Penyiapan Kawasan dan Pembangunan Permukiman Transmigrasi (07)", "5,212,370,000", "4,193,690,000", "3,941,240,825", "93.98", "93.98"],
    [None, "2. Program Pembangunan dan Pengembangan Kawasan Transmigrasi (08)", "137,232,000", "137,232,000", "134,819,880", "98.24", "98.24"],
    [None, "JUMLAH II", "5,349,602,000", "4,330,922,000", "4,076,060,705", "94.12", "94.12"],
    [None, "JUMLAH I + II", "21,839,303,000", "18,238,091,000", "17,943,754,805", "98.39", "98.39"],
]


def us(s):
    return Decimal(s.replace(",", ""))


def verify_37():
    for i in (7, 8, 9, 10, 11, 13, 14, 15, 16):
        row = T37[i - 1]
        assert pct(us(row[4]), us(row[3]), 2) == Decimal(row[5]), row
    for col in (2, 3, 4):
        s1 = sum(us(T37[i - 1][col]) for i in (7, 8, 9, 10))
        s2 = sum(us(T37[i - 1][col]) for i in (13, 14))
        assert s1 == us(T37[10][col]) and s2 == us(T37[14][col]) and s1 + s2 == us(T37[15][col])


if __name__ == "__main__":
    rounding = verify_31()
    write_case("prov-jabar-disnakertrans-2016-tabel-3-1-target-realisasi", {
        "source": SRC + ", pp. 26-28 (report pages 17-19)", "office": OFFICE, "year": 2016, "kind": "LKIP",
        "tables": ["3.2"],
        "how": "typed from the PDF as printed, every figure as TEXT with its unit ('0,53%', '30 LPK', '1.000 orang'); the "
               "printed cell '63,36 % (Sedang)' is split into the capaian (F) and its category (G) under the one header (6)",
        "consistent": True, "expected": [],
        "notes": "No true inconsistency. Capaian from the printed (rounded) figures differs for " + "; ".join(rounding) +
                 ": each printed capaian lies within what a realisasi rounded to its 2 printed decimals allows, so none is "
                 "provable (realdocs findings F03-F07, classed 'rounding': confirmed; at most info). 82,51 is the "
                 "truncation of 72,16/87,45 = 82,5157. The indicator 'penurunan jumlah kecelakaan kerja' has a negative "
                 "realisasi (-7,20 %): capaian -37,60 % follows the positive formula as printed.",
    }, "Tabel 3.1", T31, store="text", bold_rows=(1, 2, 3, 4), widths={"B": 28, "C": 40, "D": 12, "E": 12, "F": 12, "G": 14},
        merges=("F3:G3", "F4:G4"))
    verify_37()
    write_case("prov-jabar-disnakertrans-2016-tabel-3-7-apbn", {
        "source": SRC + ", p. 53 (report page 44)", "office": OFFICE, "year": 2016, "kind": "LKIP", "tables": ["3.7"],
        "how": "typed from the PDF p. 53 as printed: three-row header with merged group cells, money as numbers "
               "(integers under #,##0; the PDF prints US grouping 4,499,237,000), % keuangan and % fisik as numbers 99.48",
        "consistent": True, "expected": [],
        "notes": "Clean control (realdocs clean_controls p. 53, verified): every % = realisasi / pagu REVISI, JUMLAH I, II and "
                 "I + II are exact sums of their programs in all three money columns. The % is against the revised pagu, "
                 "not the initial one (AWAL): a checker taking AWAL as anggaran would be wrong. Fisik % equals keuangan % here.",
    }, "Tabel 3.7", T37, money_cols=("C", "D", "E"), pct_cols=("F", "G"), store="number",
        bold_rows=(1, 2, 3, 4, 5, 11, 15, 16), widths={"B": 50, "C": 16, "D": 16, "E": 16},
        merges=("C3:D3", "E3:F3"), us=True)
