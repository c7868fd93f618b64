"""BPMPD Prov. Jawa Barat, LAKIP 2016, Rincian Belanja Langsung per kegiatan (pp. 27-30): programs I-XI (Roman) with
kegiatan 1-25, anggaran / realisasi / sisa / %, JUMLAH -- the Tabel 3.8-like table of this corpus."""
from decimal import Decimal

from lib import E, dec, pct, write_case

NAME = "prov-jabar-bpmpd-2016-rincian-belanja-langsung"
SHEET = "Belanja Langsung"
D = [
    ("I", "Program Perencanaan Pengendalian dan evaluasi Pembangunan Daerah", "900.000.000,00", "869.633.513,00", "30.366.487,00", "96,63"),
    ("1", "Perencanaan program dan kegiatan BPMPD", "900.000.000,00", "869.633.513,00", "30.366.487,00", "96,63"),
    ("II", "Program Peningkatan Infrastruktur Perdesaan", "3.8000.000.000,00", "3.125.822.300,00", "674.177.700,00", "82,26"),
    ("2", "Peningkatan Kapasitas Aparatur Pemerintah Desa dakam mendukung Pembangunan Desa", "3.800.000.000,00", "3.125.822.300,00", "674.177.700,00", "82,26"),
    ("III", "Program Peningkatan Kesejahteraan Sumber Daya Aparatur", "1.500.000.000,00", "1.111.057.800,00", "388.942.200,00", "74,07"),
    ("3", "Peningkatan Kesejahteraan dan Kemampuan Aparatur BPMPD", "1.500.000.000,00", "1.111.057.800,00", "388.942.200,00", "74,07"),
    ("IV", "Program Pelayanan Administrasi Perkantoran", "2.169.751.200,00", "1.942.551.468,00", "227.199732,00", "89,53"),
    ("4", "Pelayanan Administrasi Kantor BPMPD", "2.169.751.200,00", "1.942.551.468,00", "227.199732,00", "89,53"),
    ("V", "Program Peningkatan Sarana dan Prasarana Aparatur", "1.753.200.000,00", "1.651.780.050,00", "101.419.950,00", "94,22"),
    ("5", "Peningkatkan Sarana dan Prasarana Kantor BPMPD", "1.753.200.000,00", "1.651.780.050,00", "101.419.950,00", "94,22"),
    ("VI", "Program Pemeliharaan Sarana dan Prasarana Aparatur", "2.000.000.000,00", "1.609.776.559,00", "390.223.441,00", "80,49"),
    ("6", "Pemeliharaan Sarana dan Prasarana Kantor BPMPD", "2.000.000.000,00", "1.609.776.559,00", "390.223.441,00", "80,49"),
    ("VII", "Program Pengelolaan Keuangan dan Kekayaan Daerah", "100.000.000,00", "91.580.000,00", "8.420.000,00", "91,58"),
    ("7", "Pengelolaan Keuangan Daerah pada BPMPD Provinsi Jawa Barat", "100.000.000,00", "91.580.000,00", "8.420.000,00", "91,58"),
    ("VIII", "Program Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan", "345.000.000,00", "243.081.150,00", "101.918.850,00", "70,46"),
    ("8", "Penyusunan Dokumen Rencana, Evaluasi, dan Pelaporan Internal BPMPD", "95.000.000,00", "42.150.000,00", "52.850.000,00", "44,37"),
    ("9", "Evaluasi dan Verifikasi Bantuan Keuangan", "250.000.000,00", "200.931.150,00", "49.068.850,00", "80,37"),
    ("IX", "Program Peningkatan Kapasitas Kelembagaan dan Partisipasi Masyarakat", "18.198.430.000,00", "16.726.996.300,00", "1.469.433.700,00", "91,92"),
    ("10", "Peran kelembagaan Desa dalam Perbaikan Rumah Tidak Layak Huni di Kawasan Perdesaan", "750.000.000,00", "616.432.650,00", "133.567.350,00", "82,19"),
    ("11", "Pembinaan Posyantek dan Wartek serta Gelar Teknologi Tepat Guna Tk. Provinsi dan Nasional", "959.000.000,00", "920.059.100,00", "38.940,00", "95,94"),
    ("12", "Peningkatan Kapasitas Lembaga Kemasyarakatan Posyandu di Desa dan Kelurahan", "11.533.955.000,00", "11.132.007.993,00", "401.947.007,00", "96,52"),
    ("13", "Peningkatan Peran Serta Masyarakat Melalui TNI Manunggal Membangun Desa (TMMD) dan Bhakti Siliwangi Manunggal Satata Sariksa (BSMSS) dan Bulan Bhakti Gotong Royong Masyarakat (BBGRM)", "900.000.000,00", "651.301.096,00", "248.698.904,00", "72,37"),
    ("14", "Pemberdayaan Masyarakat Desa Adat", "250.000.000,00", "221.865.120,00", "28.134.880,00", "88,75"),
    ("15", "Penguatan Lembaga Perekonomian Perdesaan", "1.150.000.000,00", "1.034.454.276,00", "115.545.724,00", "89,95"),
    ("16", "Sinkronisasi Penanggulangan masalah kemiskinan di Perdesaan", "400.000.000,00", "337.030.948,00", "62.969.052,00", "84,26"),
    ("17", "Penguatan kelembagaan kelompok masyarakat air minum dan penyehatan lingkungan (AMPL)", "350.000.000,00", "344.498.864,00", "5.501.136,00", "98,43"),
    ("18", "Pembinaan Kader Pemberdayaan Masyarakat (KPM) Desa dan Kelurahan", "800.000.000,00", "673.562.750,00", "126.437.250,00", "84,20"),
    ("19", "Penglelolaan Pelatihan Pemberdayaan Masyarakat Desa dan Kelurahan (Standarisasi Pelatihan)", "400.000.000,00", "337.030.948,00", "62.969.052,00", "84,26"),
    ("20", "Peningkatan Pemasaran Produk Perekonomian Perdesaan", "853.475.000,00", "671.903.503,00", "181.571.497,00", "78,73"),
    ("X", "Program peningkatan dan pembinaan peranserta masyarakat dalam pembangunan", "2.750.000.000,00", "2.291.593.278,00", "458.406.722,00", "83,33"),
    ("21", "Pemberdayaan dan Kesejahteraan Keluarga", "2.750.000.000,00", "2.291.593.278,00", "458.406.722,00", "83,33"),
    ("XI", "Program Pemantapan Pemerintahan dan Pembangunan Desa", "4.150.000.000,00", "3.366.618.033,00", "783.381.967,00", "81,12"),
    ("22", "Pembinaan Pemerintahan Desa dan Kelurahan melalui Lomba Desa/Kelurahan tingkat Provinsi dan Tingkat Nasional", "1.250.000.000,00", "1.165.288.565,00", "84.711.435,00", "93,22"),
    ("23", "Sinergitas Penguatan Peran Pemerintah Desa dan Gubernur Ngamumule Lembur (GNL)", "1.250.000.000,00", "1.165.288.565,00", "84.711.435,00", "93,22"),
    ("24", "Peningkatan Kapasitas Aparatur Pemerintah Desa dalam Mendukung tata Kelola Keuanagn Desa (SIMKEUDES)", "900.000.000,00", "299.613.050,00", "600.386.950,00", "33,29"),
    ("25", "Peningkatan Administrasi Pemerintahan Desa melalui Profil", "750.000.000,00", "662.135.500,00", "87.864.500,00", "88,28"),
]
TOTAL = (None, "JUMLAH", "37.664.381200,00", "33.030.490.451,00", "4.633.890749,00", "87,70")
ROWS = [["RINCIAN BELANJA LANGSUNG PERKEGIATAN DI BPMPD TAHUN ANGGARAN 2016"], [],
        ["NO", "PROGRAM/KEGIATAN", "ANGGARAN (Rp)", "REALISASI", "SISA", "%"],
        [None, None, None, "2016", "ANGGARAN", None]]
FIRST = len(ROWS) + 1
ROWS += [list(d) for d in D] + [list(TOTAL)]
TOT = len(ROWS)
R = {d[0]: FIRST + i for i, d in enumerate(D)}   # row of each program (Roman) / kegiatan number
PROGS = [k for k in R if not k.isdigit()]


def fix(s):  # the malformed groupings of this table, read as their evident value
    return {"3.8000.000.000,00": Decimal(3800000000), "227.199732,00": Decimal(227199732),
            "37.664.381200,00": Decimal(37664381200), "4.633.890749,00": Decimal(4633890749)}.get(s) or dec(s)


def expected():
    v = lambda row, c: fix(ROWS[row - 1][c])
    S = SHEET
    exp = []
    # row arithmetic: sisa = anggaran - realisasi, % = realisasi / anggaran
    bad = []
    for r in range(FIRST, TOT + 1):
        a, re_, s, p = v(r, 2), v(r, 3), v(r, 4), ROWS[r - 1][5]
        if a - re_ != s:
            bad.append(f"E{r}")
        if pct(re_, a, 2) != dec(p):
            bad.append(f"F{r}")
    assert bad == [f"E{R['IX']}", f"F{R['IX']}", f"E{R['11']}"], bad
    ix = R["IX"]
    exp.append(E(f"{S}!C{ix}", "18.198.430.000,00", 18196430000,
                 "realisasi + sisa = 16.726.996.300 + 1.469.433.700 = 18.196.430.000, for which the row's 91,92 % "
                 "(16.726.996.300 / 18.196.430.000 = 91,9245) and the JUMLAH (programs add to 37.664.381.200 only with it) agree; "
                 "with the printed anggaran sisa would be 1.471.433.700 and % 91,91", codes=["B103", "B105"]))
    k11 = R["11"]
    exp.append(E(f"{S}!E{k11}", "38.940,00", 38940900, "959.000.000 - 920.059.100 = 38.940.900 (the printed figure lost "
                 "its last group)", codes=["B103"]))
    # parents against their kegiatan
    for prog, kids in (("IX", [str(i) for i in range(10, 21)]), ("XI", ["22", "23", "24", "25"])):
        sa = sum(v(R[k], 2) for k in kids)
        sr = sum(v(R[k], 3) for k in kids)
        if prog == "IX":
            assert (sa, sr) == (18346430000, 16940147248)
        else:
            assert sa == v(R["XI"], 2) and sr == 3292325680
    exp.append(E(f"{S}!D{ix}", "16.726.996.300,00", 16940147248,
                 "program IX realisasi vs its kegiatan 10-20: they sum to 16.940.147.248 (anggaran 18.346.430.000). Cause: "
                 "kegiatan 19 repeats kegiatan 16 line for line (400.000.000 / 337.030.948 / 62.969.052 / 84,26); the narrative "
                 "(p. 50) gives kegiatan 19 as 250.000.000 / 123.880.000, with which program IX adds up exactly to "
                 "18.196.430.000 / 16.726.996.300. The program figure is right; the copied row is the fault.",
                 codes=["B101", "B102"]))
    exp.append(E(f"{S}!D{R['XI']}", "3.366.618.033,00", 3292325680,
                 "program XI realisasi vs its kegiatan 22-25: 1.165.288.565 + 1.165.288.565 + 299.613.050 + 662.135.500 = "
                 "3.292.325.680 (anggaran adds up exactly to 4.150.000.000). Cause: kegiatan 22 (Lomba Desa) repeats kegiatan 23 "
                 "(GNL); a realisasi of 1.239.580.918 for kegiatan 22 makes the program add up. The program figure is right.",
                 codes=["B102"]))
    exp.append(E(f"{S}!D{R['19']}", "337.030.948,00", 123880000,
                 "kegiatan 19 is a copy of kegiatan 16 (anggaran, realisasi, sisa and % identical); narrative p. 50: 250.000.000 / "
                 "123.880.000 (49,55 %). A judgement from a duplicate row and the narrative: warning", severity="warning",
                 codes=["B104"]))
    exp.append(E(f"{S}!D{R['22']}", "1.165.288.565,00", 1239580918,
                 "kegiatan 22 repeats kegiatan 23 (same realisasi, sisa and %); 1.239.580.918 makes program XI add up (narrative "
                 "p. 63 prints 1.235.580.918 with 99,17 %, which fits 1.239.580.918). Judgement: warning", severity="warning",
                 codes=["B104"]))
    for cell, printed, val, why in (
            (f"C{R['II']}", "3.8000.000.000,00", 3800000000, "malformed grouping (read literally 38.000.000.000); its only kegiatan and realisasi + sisa give 3.800.000.000"),
            (f"E{R['IV']}", "227.199732,00", 227199732, "malformed grouping; value right: 2.169.751.200 - 1.942.551.468 = 227.199.732"),
            (f"E{R['4']}", "227.199732,00", 227199732, "malformed grouping repeated from the program row; value right"),
            (f"C{TOT}", "37.664.381200,00", 37664381200, "malformed grouping of the JUMLAH anggaran; value agrees with Belanja Langsung (p. 27)"),
            (f"E{TOT}", "4.633.890749,00", 4633890749, "malformed grouping of the JUMLAH sisa; value right: 37.664.381.200 - 33.030.490.451")):
        exp.append(E(f"{S}!{cell}", printed, val, why, severity="warning", codes=["N003", "N004"], value=val))
    return exp


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/LKIP 2016 DPM-Desa Provinsi Jawa Barat fix.pdf, commit "
              "324b2cbf7fc2cb27f40433f6252a823d0ee32a25, pp. 27-30 (report pages hal-26..hal-28) (also /work/shared/realdocs/"
              "jabar16-bpmpd-LKIP 2016 DPM-Desa Provinsi Jawa Barat fix.pdf)",
    "office": "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa (BPMPD), Provinsi Jawa Barat", "year": 2016, "kind": "LAKIP",
    "tables": ["3.8"],
    "how": "typed from the PDF as printed, every figure as TEXT with ',00' (malformed groupings kept); programs numbered with "
           "Roman numerals and in bold, kegiatan numbered 1-25 across programs; two-row header; JUMLAH at the end",
}

if __name__ == "__main__":
    META["expected"] = expected()
    META["notes"] = ("realdocs findings F21, F22, F23, F25, F28, F30-F32 verified (F24, F26, F27, F29, F33 are outside this table). "
                     "Tension in D{ix} and D{xi}: the sum check can only show that the program differs from its kegiatan; the "
                     "fault is a copied kegiatan row (warnings at D{k19} and D{k22}). The JUMLAH realisasi equals the sum of the "
                     "programs; the JUMLAH anggaran equals it only with program IX corrected (so it follows from C{ix}). Every "
                     "other row's sisa and % check out.").format(ix=R["IX"], xi=R["XI"], k19=R["19"], k22=R["22"])
    write_case(NAME, META, SHEET, ROWS, store="text", bold_rows=tuple([1, 3, 4, TOT] + [R[p] for p in PROGS]),
               widths={"B": 60, "C": 20, "D": 20, "E": 18, "F": 8})
