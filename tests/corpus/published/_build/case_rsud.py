"""RSUD Al Ihsan Prov. Jawa Barat, LKIP 2016, Tabel 10 Realisasi Keuangan Kegiatan (pp. 26-29)."""

from lib import E, audit_budget, dec, pct, write_case

NAME = "prov-jabar-rsud-alihsan-2016-tabel-10-realisasi-keuangan"
SHEET = "Tabel 10"
P, K = "P", "K"
D = [  # (level, uraian, anggaran sebelum, anggaran setelah perubahan, realisasi, %)
    (P, "Program Promosi Kesehatan"),
    (K, "Kegiatan Promosi Kesehatan Rumah Sakit", "712.500.000", "712.500.000", "657.664.500", "92,30"),
    (P, "Program Pengembangan Lingkungan Sehat"),
    (K, "Pengelolaan Kesehatan Lingkungan Sehat", "1.500.000.000", "1.500.000.000", "1.402.254.769", "93,48"),
    (P, "Program Pelayanan Kesehatan"),
    (K, "Kegiatan Pembangunan Gedung Utama Perawatan Pelayanan, Perkantoran dan Perparkiran (Gedung A, D &G, dan Gedung F)",
     "204.000.000.000", "201.373.543.411", "133.923.445.412", "66,50"),
    (K, "Pembuatan dan Perhitungan Review Master Plan dan DED Pembangunan Gdg Maskin 6 Lt, Ruang Jenazah serta Mesjid",
     "3.850.000.000", "2.974.630.000", "2.918.885.475", "98,13"),
    (K, "Kegiatan Pelayanan Kesehatan Bagi Masyarakat Jawa Barat", "15.000.000.000", "20.000.000.000", "16.648.276.866", "83,24"),
    (K, "Kegiatan Peningkatan Pengadaan Sarana dan Prasarana Pelayanan Kesehatan", "115.800.000.000", "115.800.000.000", "108.464.944.344", "93,67"),
    (K, "Peningkatan Derajat Kesehatan Dengan Penyediaan Fasilitas Perawatan Kesehatan Bagi Penderita Akibat Dampak Asap Rokok (Pembangunan Gedung Radioterafi Tahap 3)",
     "14.150.000.000", "14.087.527.818", "13.175.857.500", "93,53"),
    (K, "Peningkatan Derajat Kesehatan Dengan Penyediaan Fasilitas Perawatan Kesehatan Bagi Penderita Akibat Dampak Asap Rokok (Pengadaan Sapras Pelayanan Radioterafi dan Kedokteran Nuklir)",
     "25.000.000.000", "25.000.000.000", "24.661.345.000", "98,65"),
    (K, "Kegiatan Peningkatan Pengadaan Obat-obatan, Bahan-bahan Penunjang dan Pelayanan Kesehatan", "95.000.000.000", "87.362.883.014", "78.337.065.173", "89,67"),
    (K, "Kegiatan Pengadaan Sarana dan Prasarana Pelayanan Kesehatan RS (DAK)", "20.700.000.000", "66.696.895.000", "46.713.772.006", "70,04"),
    (K, "Kegiatan Akreditasi Rumah Sakit Rujukan", "343.640.000", "343.640.000", "177.253.854", "51,58"),
    (P, "Program Sumber Daya Kesehatan"),
    (K, "Kegiatan Peningkatan Kualitas dan Kesejahteraan Pegawai RSUD AL Ihsan Provinsi Jawa Barat", "36.500.000.000", "40.400.000.000", "37.975.184.241", "94,00"),
    (P, "Program Manajemen Kesehatan"),
    (K, "Kegiatan Pemasaran Pelayanan Kesehatan, Humas dan Hukum Rumah Sakit", "712.500.000", "712.500.000", "217.962.700", "30,59"),
    (P, "Program Pengembangan Kompetensi Aparatur"),
    (K, "Kegiatan Pengembangan Kompetensi Pegawai RSUD Al Ihsan", "3.496.500.000", "3.324.500.000", "964.709.503", "29,02"),
    (P, "Program Peningkatan Kesejahteraan Sumber Daya Aparatur"),
    (K, "Peningkatan Kesejahteraan dan Kemampuan Aparatur PNS di RSUD Al Ihsan Pro. Jabar", "475.000.000", "475.000.000", "373.027.950", "78,53"),
    (P, "Program Pelayanan Administrasi Perkantoran"),
    (K, "Kegiatan Penyelenggaraan Administrasi Perkantoran", "90.000.000.000", "87.349.389.168", "76.526.027.460", "87,61"),
    (P, "Program Peningkatan Sarana dan Prasarana Aparatur"),
    (K, "Kegiatan Pengadaan Sarana dan Prasarana Aparatur RSUD Al Ihsan", "20.131.354.753", "21.753.154.753", "12.487.453.568", "57,41"),
    (P, "Program Pemeliharaan Sarana dan Prasarana Aparatur"),
    (K, "Kegiatan Pemeliharaan Sarana dan Prasarana Kantor RSUD Al Ihsan", "19.000.000.000", "17.786.250.000", "6.313.697.077", "39,50"),
    (P, "Program Pengelolaan Keuangan Daerah"),
    (K, "Kegiatan Peningkatan Kapasitas Pengelolaan Keuangan RSUD Al Ihsan Provinsi Jawa Barat", "100.000.000", "100.000.000", "99.121.693", "99,12"),
    (P, "Program Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan"),
    (K, "Kegiatan Perencanaan, Evaluasi dan Pelaporan Internal RSUD Al Ihsan Prov. Jabar", "152.000.000", "152.000.000", "138.920.800", "91,40"),
    (K, "Kegiatan Audit Independent Laporan Keuangan Rumah Sakit", "95.000.000", "95.000.000", "78.442.125", "82,57"),
]
TOTAL = ("Total", "666.718.494.753", "707.999.413.164", "562.255.379.016", "79,42")
ROWS = [["Tabel 10. Realisasi Keuangan Kegiatan"],
        ["Program / Kegiatan", "Anggaran", None, "Realisasi Anggaran", "Realisasi %"],
        [None, "Sebelum Perubahan", "Setelah Perubahan", None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)"]]
FIRST = len(ROWS) + 1
ROWS += [list(d[1:]) for d in D]
TOT = len(ROWS) + 1
ROWS.append(list(TOTAL))
KEG = [FIRST + i for i, d in enumerate(D) if d[0] == K]
PROG = [FIRST + i for i, d in enumerate(D) if d[0] == P]


def expected():
    sums = [sum(dec(ROWS[i - 1][c]) for i in KEG) for c in (1, 2, 3)]
    assert sums[0] == dec(TOTAL[1]) and sums[1] == dec(TOTAL[2]) and sums[2] == 562255312016
    bad = audit_budget(ROWS, FIRST, TOT, "C", "D", p="E")
    keg39 = FIRST + [d[1] for d in D].index("Kegiatan Pemeliharaan Sarana dan Prasarana Kantor RSUD Al Ihsan")
    assert bad == [f"E{keg39}: printed 39,50 computed 35.4976", f"E{TOT}: printed 79,42 computed 79.4147"], bad
    return [
        E(f"{SHEET}!E{keg39}", "39,50", pct(dec("6.313.697.077"), dec("17.786.250.000"), 2),
          "6.313.697.077 / 17.786.250.000 (anggaran setelah perubahan, like every other row) x 100 = 35,4976 -> 35,50 "
          "(against 19.000.000.000 it would be 33,23)", codes=["B105"]),
        E(f"{SHEET}!D{TOT}", "562.255.379.016", sums[2],
          "the 21 kegiatan realisasi sum to 562.255.312.016 (difference 67.000); both anggaran columns sum exactly",
          codes=["B102"]),
        E(f"{SHEET}!E{TOT}", "79,42", pct(sums[2], dec(TOTAL[2]), 2),
          "562.255.312.016 / 707.999.413.164 x 100 = 79,4147 -> 79,41 (the printed realisasi 562.255.379.016 gives 79,41 too, "
          "so 79,42 is wrong either way; neither half-up nor truncation)", codes=["B105", "B106"]),
    ]


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/Narasi LKIP Bab I-IV.pdf, commit 324b2cbf7fc2cb27f40433f6252a823d0ee32a25, "
              "pp. 26-29 (also /work/shared/realdocs/jabar16-rsud-alihsan-Narasi LKIP Bab I-IV.pdf)",
    "office": "RSUD Al Ihsan, Provinsi Jawa Barat", "year": 2016, "kind": "LKIP", "tables": ["3.8"],
    "how": "typed from the PDF as printed: caption, two-row header (Anggaran: Sebelum / Setelah Perubahan) and the (1)..(5) row; "
           "program rows carry no figures (bold); money as integers under #,##0, percentages as numbers 92.3 under 0.00",
}

if __name__ == "__main__":
    META["expected"] = expected()
    META["notes"] = ("realdocs findings F89, F90, F91 (verified; F91 is not 'rounding' as findings.json classes it: 79,4147 "
                     "neither rounds nor truncates to 79,42, so it is an error). The % is against the anggaran SETELAH "
                     "perubahan (column C) in every other row: a checker using column B would report 6 false errors. Programs "
                     "print no figures; every program holds the kegiatan below it; Total = sum of all kegiatan.")
    write_case(NAME, META, SHEET, ROWS, money_cols=("B", "C", "D"), pct_cols=("E",), store="number",
               bold_rows=tuple([1, 2, 3, 4, TOT] + PROG), widths={"A": 60, "B": 18, "C": 18, "D": 18, "E": 12},
               merges=("B2:C2",))
