"""Bakesbangpol Prov. Jawa Barat, LKIP 2016, Tabel 3.7 (p. 26-27): 24 kegiatan + Jumlah."""
from lib import E, audit_budget, col_sum, dec, pct, write_case

NAME = "prov-jabar-bakesbangpol-2016-tabel-3-7"
SHEET = "Tabel 3.7"
D = [  # no, kegiatan, anggaran, realisasi, % -- as printed
    ("1", "Penguatan Peran dan Fungsi Forum-Forum Mitra Strategis Bakesbangpol Jabar", "369.200.000", "356.060.000", "96,44%"),
    ("2", "Rapat Kerja Bidang Kesbangpol", "518.230.000", "494.663.970", "95,45%"),
    ("3", "Peningkatan Pendidikan Politik bagi Pelajar dan Mahasiswa di Jawa Barat", "668.220.000", "584.890.803", "87,53%"),
    ("4", "Pelayanan/Kemudahan Anggota Masyarakat Difabel dalam Pemilukada", "588.575.000", "535.568.200", "90,99%"),
    ("5", "Peningkatan Kualitas Pendidikan Politik bagi Masyarakat di Jawa Barat", "735.600.000", "674.829.561", "91,74%"),
    ("6", "Peningkatan Tata Nilai dan Etika Kehidupan Bermasyarakat Berbangsa dan Bernegara Bagi Generasi Muda", "376.800.000", "371.125.000", "98,49%"),
    ("7", "Penguatan Wawasan Kebangsaan Melalui Kohesi Budaya Lokal Jawa Barat", "731.980.000", "715.445.000", "97,74%"),
    ("8", "Pendidikan Bela Negara Bagi Generasi Muda", "702.655.000", "653.124.800", "92,95%"),
    ("9", "Pemantapan Ideologi Bangsa", "419.940.000", "416.940.000", "99,29%"),
    ("10", "Kegiatan Pencegahan Penyalahgunaan Narkotika di Jawa Barat Tahun 2016", "739.950.000", "705.845.000", "95,39%"),
    ("11", "Pengawasan Orang Asing dan Imigran Gelap di Jawa Barat", "644.580.000", "490.022.000", "76,02%"),
    ("12", "Rencana Aksi Penanganan Konflik Sosial di Jawa Barat", "447.499.000", "284.023.500", "63,47%"),
    ("13", "Pemberdayaan ormas di Jawa Barat", "443.350.000", "430.851.000", "97,18%"),
    ("14", "Komunikasi dan Kerjasama Antar umat Beragama", "430.400.000", "422.810.000", "98,24%"),
    ("15", "Penguatan Pemahaman Kearifan Lokal bagi Pelaku Budaya di Jawa Barat", "367.225.000", "365.153.450", "99,44%"),
    ("16", "Penguatan Komunikasi Masyarakat dalam Penyelesaian Konflik Lokal di Jawa Barat", "736.200.000", "720.565.000", "97,88%"),
    ("17", "Penguatan Kewaspadaan dan Deteksi Dini di Jawa Barat", "585.880.000", "539.522.650", "92,09%"),
    ("18", "Peningkatan Kesejahteraan Aparatur Bakesbangpol", "663.930.000", "358.925.500", "54,06%"),
    ("19", "Pelayanan Administrasi Perkantoran Bakesbangpol", "2.289.196.000", "2.211.630.152", "96,61%"),
    ("20", "Pengadaan Sarana dan Prasarana Bakesbangpol", "545.000.000", "518.608.250", "95,16%"),
    ("21", "Pembangunan Gedung Kantor Bakesbangpol Jawa Barat", "372.500.000", "267.374.000", "71,78%"),
    ("22", "Pemeliharaan Sarana dan Prasarana Kantor Bakesbangpol", "935.278.000", "875.004.321", "91,63%"),
    ("23", "Penatausahaan Keuangan Bakesbangpol", "100.000.000", "96.583.600", "96,58%"),
    ("24", "Perencanaan Evaluasi dan Pelaporan Internal Bakesbangpol", "101.327.000", "95.879.300", "94,62%"),
]
TOTAL = (None, "Jumlah", "14.513.515.000", "13.167.445.057", "90,73%")
ROWS = [["Tabel 3.7"], ["Realisasi Anggaran Belanja Langsung Tahun 2016"],
        ["Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat"], [],
        ["No", "Kegiatan", "Anggaran", "Realisasi", "%"], [None, None, "(Rp.)", "(Rp.)", None]]
FIRST = len(ROWS) + 1
ROWS += [list(r) for r in D] + [list(TOTAL)]
LAST = FIRST + len(D) - 1
TOT = LAST + 1


def expected():
    r22 = FIRST + 21
    others = col_sum(ROWS, "D", [i for i in range(FIRST, LAST + 1) if i != r22])
    fixed = dec(TOTAL[3]) - others
    assert fixed == 857004321 and pct(fixed, dec("935.278.000"), 2) == dec("91,63")
    assert col_sum(ROWS, "C", range(FIRST, LAST + 1)) == dec(TOTAL[2])
    return [E(f"{SHEET}!D{r22}", "875.004.321", fixed,
              f"Jumlah 13.167.445.057 minus the other 23 realisasi = {fixed:,} (digits 57/75 transposed); "
              "the row's own 91,63 % = 857.004.321 / 935.278.000 agrees with it (875.004.321 would give 93,56 %). "
              f"The Jumlah (row {TOT}) and the row's % are right; only this figure is wrong.",
              codes=["B101", "B102", "B103"])]


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/3. LKIP 2016 (Draft).pdf, commit 324b2cbf7fc2cb27f40433f6252a823d0ee32a25, "
              "pp. 26-27 (also /work/shared/realdocs/jabar16-kesbangpol-3. LKIP 2016 (Draft).pdf)",
    "office": "Badan Kesatuan Bangsa dan Politik, Provinsi Jawa Barat",
    "year": 2016, "kind": "LKIP", "tables": ["3.7"],
    "how": "typed from the PDF pp. 26-27 as printed (caption, two-row header with (Rp.)); money as integers "
           "under #,##0, percentages as fractions under 0.00% (what Excel keeps after pasting 96,44%)",
}

if __name__ == "__main__":
    print(audit_budget(ROWS, FIRST, TOT, "C", "D", p="E"))
    META["expected"] = expected()
    META["notes"] = ("realdocs findings.json F87 (verified: Jumlah minus the other rows = 857.004.321, and 91,63 % fits it). "
                     "Every other row's % and the Jumlah anggaran/realisasi/% check out (Jumlah 90,73 % = 13.167.445.057 / 14.513.515.000). "
                     "The tool may also point at the row's % (93,56 % from the printed realisasi) or at the Jumlah realisasi: both follow "
                     "from the one wrong realisasi and are not listed.")
    write_case(NAME, META, SHEET, ROWS, money_cols=("C", "D"), pct_cols=("E",), store="number",
               pct_store="fraction", bold_rows=(5, 6, TOT), widths={"B": 48, "C": 18, "D": 18, "E": 10})
