"""Dinas Perikanan dan Kelautan Prov. Jawa Barat, LKIP 2016 Bab III, Tabel 3.7 Realisasi Belanja (p. 22)."""
from decimal import Decimal

from lib import E, dec, pct, write_case

NAME = "prov-jabar-diskanlaut-2016-tabel-3-7-realisasi-belanja"
SHEET = "Tabel 3.7"
ROWS = [
    ["Tabel 3.7"], ["Realisasi Belanja Dinas Perikanan dan Kelautan"], ["Provinsi Jawa Barat Tahun 2016"], [],
    ["No.", "Belanja Dinas", "Anggaran Tahun 2016", "Realisasi Tahun 2016", "%"],
    [None, None, "(Rp)", None, None],
    ["BELANJA DINAS PERIKANAN DAN KELAUTAN PROVINSI JAWA BARAT"],
    ["1.", "BELANJA TIDAK LANGSUNG", "29.958.823.906,00", "29.084.854.694,00", "94.32"],
    [None, "a. Belanja Pegawai", "29.958.823.906,00", "29.084.854.694,00", "94.32"],
    [None, "b. Belanja Subsidi", "0,00", "0,00", "0,00"],
    [None, "c. Belanja Hibah", "0,00", "0,00", "0,00"],
    [None, "d. Belanja Bantuan Sosial", "0,00", "0,00", "0,00"],
    [None, "e. Belanja Bagi Hasil kepada Provinsi/Kabupaten/Kota dan Pemerintah Desa", "0,00", "0,00", "0,00"],
    [None, "g. Belanja Tidak Terduga", "0,00", "0,00", "0,00"],
    ["2.", "BELANJA LANGSUNG", "86.414.023.700,00", "81.501.814.214,00", "94.32"],
    [None, "a. Belanja Pegawai", "2.878.425.000,00", "1.894.455.000,00", "65,82"],
    [None, "b. Belanja Barang dan Jasa", "56.350.186.845,00", "38.515.745.801,00", "68,35"],
    [None, "c. Belanja Modal", "27.185.411.855,00", "13.500.516.405,00", "49,66"],
]


def expected():
    btl = pct(dec("29.084.854.694,00"), dec("29.958.823.906,00"), 2)
    assert btl == Decimal("97.08")
    a = sum(dec(ROWS[i - 1][2]) for i in (16, 17, 18))
    r = sum(dec(ROWS[i - 1][3]) for i in (16, 17, 18))
    assert a == dec(ROWS[14][2]) and r == 53910717206
    for i in (16, 17, 18):
        assert pct(dec(ROWS[i - 1][3]), dec(ROWS[i - 1][2]), 2) == dec(ROWS[i - 1][4])
    return [
        E(f"{SHEET}!E8", "94.32", btl, "29.084.854.694 / 29.958.823.906 x 100 = 97,08 (the narrative p. 21 also says 97,08 %; "
          "94.32 is the Belanja Langsung percentage copied up)", codes=["B105"], value=Decimal("94.32")),
        E(f"{SHEET}!E9", "94.32", btl, "the only non-zero line of BTL: 29.084.854.694 / 29.958.823.906 x 100 = 97,08",
          codes=["B105"], value=Decimal("94.32")),
        E(f"{SHEET}!D15", "81.501.814.214,00", r,
          "Belanja Langsung realisasi vs its lines a-c: 1.894.455.000 + 38.515.745.801 + 13.500.516.405 = 53.910.717.206 "
          "(anggaran adds up exactly: 2.878.425.000 + 56.350.186.845 + 27.185.411.855 = 86.414.023.700; each line's % fits "
          "its own figures)", codes=["B102"]),
    ]


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/BAB III AKUNTABILITAS KINERJA 2016.pdf, commit "
              "324b2cbf7fc2cb27f40433f6252a823d0ee32a25, p. 22 (also /work/shared/realdocs/jabar16-diskanlaut-BAB III AKUNTABILITAS KINERJA 2016.pdf)",
    "office": "Dinas Perikanan dan Kelautan, Provinsi Jawa Barat", "year": 2016, "kind": "LKIP (Bab III)",
    "tables": ["3.7"],
    "how": "typed from the PDF p. 22 as printed, every figure as TEXT with ',00' sen: the % column mixes '94.32' (point) "
           "and '65,82' (comma) exactly as printed; caption on three rows; group title row above the table body",
}

if __name__ == "__main__":
    META["expected"] = expected()
    META["notes"] = ("realdocs findings F52, F53, F55 (verified). F55 is a judgement about WHICH figure is wrong: the BL row is "
                     "consistent with itself (81.501.814.214 / 86.414.023.700 = 94,32) and with the page's total, so the lines "
                     "a-c may be the incomplete ones; the arithmetic (parent != sum of lines) is certain, and it is listed at "
                     "the parent realisasi where a sum check reports it. E15 (94.32) follows from D15 and is not listed. Lines "
                     "with anggaran 0 and realisasi 0 print 0,00 %: acceptable. Lettering skips f (e. then g.): cosmetic.")
    write_case(NAME, META, SHEET, ROWS, store="text", bold_rows=(1, 2, 3, 5, 6, 7, 8, 15),
               widths={"B": 50, "C": 22, "D": 22, "E": 10})
