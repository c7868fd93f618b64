"""BPKAD Kab. Polewali Mandar, Sub Bidang Penyusunan Anggaran, Pengukuran Kinerja 2022 (SIMKINERJA page)."""
from decimal import Decimal

from lib import pct, write_case

NAME = "kab-polman-bpkad-subbid-anggaran-2022-pengukuran-kinerja"
SHEET = "Pengukuran Kinerja"
ROWS = [
    ["Pengukuran Kinerja Tahun 2022"],
    ["Sub Bidang Penyusunan Anggaran"],
    [],
    ["Sasaran Kegiatan / Sub-Kegiatan", "Indikator", "Satuan", "Target", "Realisasi", "Target Kinerja(%)"],
    ["Sasaran Kegiatan :"],
    ["Meningkatnya Kualitas Penganggaran Pendapatan dan Belanja Daerah",
     "Persentase Perangkat Daerah yang Menyampaikan Dokumen Penganggaran Sesuai Standar dan Tepat Waktu", "persen", "95.56", "93", "97.32"],
    ["Sasaran Sub-Kegiatan :"],
    ["Tersusunnya Peraturan Daerah tentang APBD dan Peraturan Kepala Daerah tentang Penjabaran APBD",
     "Jumlah Rancangan Perda/Perbup Tentang APBD yang Tersusun sesuai standar dan tepat waktu", "dokumen", "2", "3", "150.00"],
    ["Tersusunnya Peraturan Daerah Tentang Perubahan APBD dan Peraturan Kepala Daerah Tentang Penjabaran Perubahan APBD",
     "Jumlah Rancangan Perda/Perbup Tentang Perubahan APBD yang Tersusun sesuai standar dan tepat waktu", "dokumen", "3", "5", "166.67"],
    [],
    [],
    ["Kegiatan / Sub-Kegiatan", "Alokasi Anggaran (Rp)", "Realisasi Anggaran (Rp)", "Realisasi(%)"],
    ["Kegiatan :"],
    ["Koordinasi dan Penyusunan Rencana Anggaran Daerah", "1,004,422,800", "1,000,972,958", "99.66"],
    ["Sub-Kegiatan :"],
    ["Koordinasi dan Penyusunan Peraturan Daerah Tentang APBD dan Peraturan Kepala Daerah Tentang Penjabaran APBD",
     "808,430,200", "805,369,584", "99.62"],
    ["Koordinasi dan Penyusunan Peraturan Daerah Tentang Perubahan APBD dan Peraturan Kepala Daerah Tentang Penjabaran Perubahan APBD",
     "195,992,600", "195,603,374", "99.80"],
]


def us(s):
    return Decimal(s.replace(",", ""))


def verify():
    for r in (6, 8, 9):
        t, re_, c = ROWS[r - 1][3:6]
        exact = us(re_) / us(t) * 100
        assert pct(us(re_), us(t), 2) == Decimal(c), (r, exact)
    (a1, r1, p1), (a2, r2, p2), (a3, r3, p3) = (ROWS[i - 1][1:4] for i in (14, 16, 17))
    assert us(a2) + us(a3) == us(a1) and us(r2) + us(r3) == us(r1)
    for a, r, p in ((a1, r1, p1), (a2, r2, p2), (a3, r3, p3)):
        assert pct(us(r), us(a), 2) == Decimal(p)


META = {
    "source": "https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022 "
              "(SIMKINERJA 2022 Kabupaten Polewali Mandar, Pengukuran Kinerja Tahun 2022, Sub Bidang Penyusunan Anggaran; "
              "page text as stored in the search corpus 'pages')",
    "office": "Badan Pengelolaan Keuangan dan Aset Daerah (Sub Bidang Penyusunan Anggaran), Kabupaten Polewali Mandar",
    "year": 2022, "kind": "SIMKINERJA pengukuran kinerja (eselon IV), published web page",
    "tables": ["3.2", "3.8"],
    "how": "both tables of the page pasted one below the other on one sheet, every figure as TEXT exactly as the page "
           "prints it (US format: 1,004,422,800 and 99.66). The page's monthly realisation columns (1..12) are left out "
           "(their positions are lost in the page text); the Jumlah column is kept as Realisasi.",
    "consistent": True,
    "expected": [],
    "notes": "Recomputed: capaian 93/95.56 = 97,32; 3/2 = 150,00; 5/3 = 166,67; kegiatan = sum of its two sub-kegiatan "
             "(808.430.200 + 195.992.600 = 1.004.422.800; 805.369.584 + 195.603.374 = 1.000.972.958); % 99,66 / 99,62 / 99,80 "
             "all exact at 2 decimals; the monthly figures on the page also sum to each Jumlah. US-format text in an "
             "Indonesian office's table deserves at most a warning/info.",
}

if __name__ == "__main__":
    verify()
    write_case(NAME, META, SHEET, ROWS, store="text", bold_rows=(1, 2, 4, 12),
               widths={"A": 50, "B": 40, "C": 18, "D": 18, "E": 12, "F": 12})
