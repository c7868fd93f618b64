"""Sekretariat Daerah Prov. Sumatera Utara, Laporan Kinerja 2021, Tabel 19 (report p. 41, flipbook page 49)."""
from decimal import Decimal

from lib import E, dec, pct, write_case

NAME = "prov-sumut-setda-2021-tabel-19-realisasi-keuangan"
SHEET = "Tabel 19"
IND = ("Persentase kegiatan dalam pembinaan aparatur pemerintahan dalam penyelenggaran kebijakan pemerintahan "
       "di daerah serta Kegiatan Evaluasi Kerjasama Pemerintah/ Badan Usaha/ Swasta")
ROWS = [
    ["Tabel 19"],
    ["Realisasi Keuangan Sasaran Strategis-3"],
    ["NO", "INDIKATOR KINERJA", "PROGRAM/ KINERJA", "ANGGARAN (Rp)", "REALISASI (Rp)", "CAPAIAN REALISASI ANGGARAN (%)"],
    ["1", "2", "3", "4", "5", "6"],
    ["1", IND, "Program Pemerintahan Dan Otonomi Daerah", None, None, "88.6"],
    [None, None, "Kegiatan Pelaksanaan Tugas Pemerintahan"],
    [None, None, "1. Sub Kegiatan Fasilitasi Pelaksanaan Pemerintahan Umum", "749.930.215", "702.188.300", "93.6"],
    [None, None, "Kegiatan Fasilitasi Kerjasama Daerah"],
    [None, None, "1.Sub Kegiatan Fasilitasi Kerjasama antar Pemerintah", "216.194.000", "188.957.200", "87.4"],
    [None, None, "2.Sub Kegiatan Fasilitasi Kerjasama Badan Usaha/Swasta", "378.896.500", "351.953.546", "92.9"],
    [None, None, "3.Sub Kegiatan Evaluasi Pelaksanaan Kerja Sama", "398.379.650", "307.055.630", "80.5"],
]
SUBS = (7, 9, 10, 11)


def expected():
    A = sum(dec(ROWS[i - 1][3]) for i in SUBS)
    R = sum(dec(ROWS[i - 1][4]) for i in SUBS)
    assert (A, R) == (1743400365, 1550154676)
    for i in (7, 9, 10):
        assert pct(dec(ROWS[i - 1][4]), dec(ROWS[i - 1][3]), 1) == Decimal(ROWS[i - 1][5])
    p11 = pct(dec("307.055.630"), dec("398.379.650"), 1)
    mean = sum(Decimal(ROWS[i - 1][5]) for i in SUBS) / 4
    assert p11 == Decimal("77.1") and mean == Decimal("88.6")
    return [
        E(f"{SHEET}!F11", "80.5", p11, "307.055.630 / 398.379.650 x 100 = 77,08 -> 77.1 at the printed 1 decimal",
          codes=["B105"], value=Decimal("80.5")),
        E(f"{SHEET}!F5", "88.6", pct(R, A, 1),
          "program % = sum of realisasi / sum of anggaran of its 4 sub kegiatan = 1.550.154.676 / 1.743.400.365 x 100 = "
          "88,92 -> 88.9; the printed 88.6 is the mean of the four printed percentages (93.6+87.4+92.9+80.5)/4",
          codes=["B105", "B106", "B110"], value=Decimal("88.6")),
    ]


META = {
    "source": "https://fliphtml5.com/xgkox/cyxe/LAPORAN_KINERJA_SEKRETARIAT_DAERAH_PROVINSI_SUMATERA_UTARA_TAHUN_2021/49 "
              "(Laporan Kinerja Sekretariat Daerah Provinsi Sumatera Utara 2021, report page 41, Tabel 19)",
    "office": "Sekretariat Daerah Provinsi Sumatera Utara (sasaran strategis 3: kerja sama daerah)",
    "year": 2021, "kind": "LKjIP (Laporan Kinerja)", "tables": ["3.8"],
    "how": "typed from the flipbook text of p. 41 as printed: caption, header and its (1)..(6) number row; money as text "
           "with dots, percentages as text with a decimal POINT as printed (93.6); the program row has only its %.",
}

if __name__ == "__main__":
    META["expected"] = expected()
    META["notes"] = ("The narrative above the table lists exactly these four sub kegiatan, so the program holds all of them. "
                     "Kegiatan rows carry no figures. The three other sub kegiatan percentages are exact at 1 decimal. "
                     "'88.6' and '93.6' with a point are the printer's decimal mark, not thousands.")
    write_case(NAME, META, SHEET, ROWS, store="text", bold_rows=(1, 2, 3, 5),
               widths={"B": 40, "C": 45, "D": 16, "E": 16, "F": 14})
