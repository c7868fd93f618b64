"""Dinas Perkebunan Prov. Jawa Barat, LKIP 2016: Tabel 3.5 SILPA (p. 57) and Tabel 3.7 APBN TP (p. 74), two sheets."""
from decimal import Decimal

from lib import E, audit_budget, dec, pct, write_case

NAME = "prov-jabar-disbun-2016-tabel-3-5-silpa-dan-3-7-apbn"
T35 = [
    ["Tabel 3.5"], ["SILPA Total APBD dan APBN"], ["Dinas Perkebunan Provinsi Jawa Barat"], ["Tahun Anggaran 2016"],
    ["No", "Sumber Anggaran", "Anggaran (Rp)", "Realisasi (Rp)", "SILPA*)", None],
    [None, None, None, None, "Rp", "%"],
    ["1", "2", "3", "4", "5", "6"],
    [None, "TOTAL", "71.097.795.842", "62.833.046.831", "8.264.749.011", "11,62"],
    ["1", "APBD", "44.495.611.842", "43.433.436.071", "1.062.175.771", "2,39"],
    [None, "Urusan Wajib", "19.061.928.000", "18.331.068.711", "730.859.289", "3,83"],
    [None, "Urusan Pilihan", "25.433.683.842", "25.102.367.360", "331.316.482", "1,30"],
    ["2", "APBN", "26.602.184.000", "19.399.610.760", "7.202.573.240", "27,08"],
    [None, "a. Tugas Pembantuan", "22.061.479.000", "15.332.496.000", "6.728.983.000", "30,50"],
    [None, "b. Dekonsentrasi", "4.540.705.000", "4.067.114.760", "473.590.240", "10,43"],
]
T37 = [
    ["Tabel 3.7"], ["Pagu dan Realisasi Program/Kegiatan APBN"], ["Sub Sektor Perkebunan Jawa Barat TA. 2016"],
    [None, "PROGRAM/ KEGIATAN/ URAIAN", "Jumlah Anggaran", "Realisasi Keuangan", None, "Realisasi"],
    [None, None, None, "(Rp)", "(%)", "(Fisik)"],
    [None, "1", "2", "3", "4", "5"],
    [None, "TOTAL", "22.061.479.000", "15.332.496.000", "69,50", "100,00"],
    [None, "Satker Dinas Perkebunan Provinsi Jawa Barat (05) Ditjen Perkebunan", "21.244.979.000", "14.526.566.000", "68,42", "100,00"],
    [None, "Program Peningkatan Produksi Dan Produktivitas Tanaman Perkebunan Berkelanjutan", "21.244.979.000", "14.526.566.000", "68,42", "100,00"],
    ["1", "Kegiatan Pengembangan Tanaman Tahunan dan Penyegar (TP)", "10.927.469.000", "8.142.416.000", "74,51", "100,00"],
    ["2", "Kegiatan Dukungan Perlindungan Perkebunan (TP)", "3.415.750.000", "3.196.065.000", "93,57", "100,00"],
    ["3", "Kegiatan Dukungan Manajemen dan Dukungan Teknis Lainnya Ditjen Perkebunan (TP)", "737.920.000", "736.980.000", "99,87", "100,00"],
    ["4", "Kegiatan Pengembangan Tanaman Semusim dan Rempah (TP)", "5.194.000.000", "1.582.829.000", "30,47", "100,00"],
    ["5", "Kegiatan Dukungan Pengolahan dan Pemasaran Hasil Perkebunan", "601.900.000", "510.272.000", "84,78", "100,00"],
    ["6", "Kegiatan Dukungan Perbenihan Tanaman Perkebunan (TP)", "367.940.000", "169.790.000", "47,43", "100,00"],
    [None, "Satker Dinas Perkebunan Provinsi Jawa Barat (08) Ditjen PSP", "816.500.000", "805.930.000", "98,73", "100,00"],
    [None, "Program Penyediaan dan Pengembangan Prasarana dan Sarana Pertanian", "816.500.000", "805.930.000", "98,73", "100,00"],
    ["1", "Kegiatan Perluasan Areal dan Pengelolaan Lahan Pertanian (TP)", "400.000.000", "400.000.000", "100,00", "100,00"],
    ["2", "Kegiatan Dukungan Manajemen dan Dukungan Teknis Lainnya Ditjen PSP", "416.500.000", "405.930.000", "97,46", "100,00"],
]


def verify_35():
    v = lambda r, c: dec(T35[r - 1][c])
    for r in range(8, 15):
        assert v(r, 2) - v(r, 3) == v(r, 4), r
        assert pct(v(r, 4), v(r, 2), 2) == v(r, 5), (r, pct(v(r, 4), v(r, 2), 4))
    for c in (2, 3, 4):
        assert v(10, c) + v(11, c) == v(9, c) and v(13, c) + v(14, c) == v(12, c) and v(9, c) + v(12, c) == v(8, c)


def expected_37():
    S = "Tabel 3.7"
    v = lambda r, c: dec(T37[r - 1][c])
    keg = range(10, 16)
    a, r = sum(v(i, 2) for i in keg), sum(v(i, 3) for i in keg)
    assert a == v(9, 2) and r == 14338352000
    assert v(8, 2) == v(9, 2) and v(8, 3) == v(9, 3) and v(16, 2) == v(17, 2) and v(18, 2) + v(19, 2) == v(17, 2) and v(18, 3) + v(19, 3) == v(17, 3)
    assert v(8, 2) + v(16, 2) == v(7, 2) and v(8, 3) + v(16, 3) == v(7, 3)
    bad = audit_budget(T37, 7, 19, "C", "D", p="E")
    assert [b.split(":")[0] for b in bad] == ["E8", "E9", "E15", "E16", "E17"], bad
    p05, p08, p6 = pct(v(9, 3), v(9, 2), 2), pct(v(16, 3), v(16, 2), 2), pct(v(15, 3), v(15, 2), 2)
    assert (p05, p08, p6) == (Decimal("68.38"), Decimal("98.71"), Decimal("46.15"))
    why05 = "14.526.566.000 / 21.244.979.000 x 100 = 68,376 -> 68,38 (with the kegiatan sum 14.338.352.000 it would be 67,49: wrong either way)"
    why08 = "805.930.000 / 816.500.000 x 100 = 98,7055 -> 98,71 (not a truncation either)"
    return [
        E(f"{S}!D9", "14.526.566.000", r, "the program's six kegiatan sum to realisasi 8.142.416.000 + 3.196.065.000 + 736.980.000 + "
          "1.582.829.000 + 510.272.000 + 169.790.000 = 14.338.352.000 (difference 188.214.000; anggaran adds up exactly)",
          codes=["B102"]),
        E(f"{S}!E8", "68,42", p05, why05, codes=["B105"]),
        E(f"{S}!E9", "68,42", p05, why05, codes=["B105"]),
        E(f"{S}!E15", "47,43", p6, "169.790.000 / 367.940.000 x 100 = 46,146 -> 46,15", codes=["B105"]),
        E(f"{S}!E16", "98,73", p08, why08, codes=["B105"]),
        E(f"{S}!E17", "98,73", p08, why08, codes=["B105"]),
    ]


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/LKIP Disbun 2016.pdf, commit 324b2cbf7fc2cb27f40433f6252a823d0ee32a25, "
              "p. 57 (Tabel 3.5) and p. 74 (Tabel 3.7) (also /work/shared/realdocs/jabar16-disbun-LKIP Disbun 2016.pdf)",
    "office": "Dinas Perkebunan, Provinsi Jawa Barat", "year": 2016, "kind": "LKIP", "tables": ["3.7", "3.8"],
    "how": "two sheets as an office workbook would hold them. 'Tabel 3.5' (SILPA: TOTAL on top, anggaran, realisasi, sisa, % sisa) "
           "typed with money as integers and % as numbers 11.62; 'Tabel 3.7' (satker > program > kegiatan, TOTAL on top) typed "
           "as TEXT exactly as printed, with the (1)..(5) column-number row",
}

if __name__ == "__main__":
    verify_35()
    META["expected"] = expected_37()
    META["notes"] = ("Tabel 3.5 is a clean control (realdocs, verified): TOTAL = APBD + APBN, sub rows add up, SILPA = anggaran - "
                     "realisasi and % = SILPA / anggaran (a % of the UNSPENT part, not of realisasi) exact. Tabel 3.7: realdocs "
                     "F107-F110 verified. D9: which figure is wrong is a judgement (the TOTAL 15.332.496.000 agrees with Tabel 3.5's "
                     "Tugas Pembantuan realisasi, so a kegiatan realisasi may be the missing 188.214.000); the parent != sum of "
                     "kegiatan is certain. The Satker (05) row repeats its only program (D8 follows D9 and is not listed). The "
                     "printed 68,42 and 98,73 are wrong on their own rows, so each occurrence is listed. Fisik 100,00 is not "
                     "derived from money.")
    from openpyxl import load_workbook
    path = write_case(NAME, META, "Tabel 3.5", T35, money_cols=("C", "D", "E"), pct_cols=("F",), store="number",
                      bold_rows=(1, 2, 3, 4, 5, 6, 7, 8), widths={"B": 30, "C": 18, "D": 18, "E": 18}, merges=("E5:F5",))
    tmp = write_case(NAME + "-tmp", {}, "Tabel 3.7", T37, store="text", bold_rows=(1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17),
                     merges=("D4:E4",))
    wb, wb2 = load_workbook(path), load_workbook(tmp)
    src = wb2["Tabel 3.7"]
    dst = wb.create_sheet("Tabel 3.7")
    for row in src.iter_rows():
        for c in row:
            if c.value is not None:
                d = dst.cell(row=c.row, column=c.column, value=c.value)
                d.font = c.font.copy()
                d.number_format = c.number_format
    dst.merge_cells("D4:E4")
    dst.column_dimensions["B"].width = 60
    wb.save(path)
    tmp.unlink()
    tmp.with_suffix(".json").unlink()
