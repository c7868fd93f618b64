"""BPKAD Kota Cimahi: Renstra 2017-2022 table of anggaran/realisasi/rasio 2013-2017 per kegiatan (docx table 5)
and Renja 2017 Tabel 1 (evaluation of 2016: target, realisasi)."""
from decimal import ROUND_DOWN, Decimal

from lib import dec, pct, write_case

SRC = "farizmahad/bpkad, {path}, commit d1a8763 (also /work/shared/realdocs/{local})"
OFFICE = "Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD), Kota Cimahi"
Y = ["1 (2013)", "2 (2014)", "3 (2015)", "4 (2016)", "5 (2017)"]
HEAD = [["NO", "Indikator Kinerja sesuai Fungsi PD", "Target NPSK", "Target IKK", "Target Indikator Lainnya",
         "Target Renstra PD Tahun Ke-"] + [None] * 4 + ["Realisasi Capaian Tahun Ke-"] + [None] * 4 + ["Rasio Capaian Tahun Ke-"] + [None] * 4,
        [None] * 5 + Y * 3,
        [f"({i})" for i in range(1, 21)]]
D = [  # no, kegiatan, target 2013..2015, realisasi 2013..2015, rasio 2013..2015 (2016-2017 empty as printed)
    ("48", "Peningkatan Manajemen Aset/Barang Daerah", ("", "1.617.013.400", "1.025.814.000"), ("", "877.593.718", "606.696.465"), ("", "54%", "59%")),
    ("49", "Penyusunan Rancangan Peraturan Daerah tentang APBD", ("244.796.800", "135.669.517", "140.769.000"), ("241.994.950", "119.460.100", "138.817.750"), ("99%", "88%", "99%")),
    ("50", "Penyusunan Rancangan Peraturan Daerah tentang Perubahan APBD", ("154.295.850", "98.664.000", "161.768.000"), ("152.751.500", "91.838.240", "147.941.400"), ("99%", "93%", "91%")),
    ("51", "Penyusunan Rancangan Peraturan KDH tentang Penjabaran APBD", ("38.197.900", "40.140.000", "29.375.000"), ("37.948.650", "40.140.000", "29.375.000"), ("99%", "100%", "100%")),
    ("52", "Penyusunan Rancangan Peraturan KDH tentang Penjabaran Perubahan APBD", ("70.196.100", "27.720.000", "32.150.000"), ("68.206.150", "27.571.852", "32.109.500"), ("97%", "99%", "100%")),
    ("53", "Penyusunan Rancangan Peraturan KDH tentang Penjabaran Pertanggungjawaban Pelaksanaan APBD", ("150.072.350", "75.308.400", "66.125.000"), ("148.542.535", "74.312.599", "66.104.750"), ("99%", "99%", "100%")),
    ("54", "Penyusunan Sistem Informasi Pengelolaan Keuangan Daerah", ("432.519.000", "1.014.670.000", "1.008.669.000"), ("415.887.505", "990.274.110", "999.884.075"), ("96%", "98%", "99%")),
    ("55", "Penyusunan Rancangan Peraturan Daerah tentang Pertanggungjawaban Pelaksanaan APBD", ("130.014.000", "88.701.000", "69.719.000"), ("128.195.070", "87.772.099", "69.487.250"), ("99%", "99%", "100%")),
    ("56", "Pengendalian Anggaran", ("183.676.943", "84.388.750", "63.743.750"), ("178.831.050", "77.774.340", "55.493.750"), ("97%", "92%", "87%")),
    ("57", "Sinergitas Penganggaran dan Pelaporan Bantuan Keuangan", ("14.527.575", "10.380.200", "12.050.000"), ("12.330.000", "9.977.700", "10.167.600"), ("85%", "96%", "84%")),
]


def renstra_rows():
    rows = [list(h) for h in HEAD]
    for no, name, t, r, q in D:
        rows.append([no, name, None, None, None, *[x or None for x in t], None, None, *[x or None for x in r], None, None,
                     *[x or None for x in q], None, None])
    return rows


def verify_renstra():
    trunc_only = []
    for no, name, t, r, q in D:
        for tt, rr, qq in zip(t, r, q):
            if not tt:
                continue
            exact = dec(rr) / dec(tt) * 100
            half, down = pct(dec(rr), dec(tt), 0), exact.quantize(Decimal(1), ROUND_DOWN)
            assert dec(qq) in (half, down), (no, tt, rr, qq, exact)
            if dec(qq) != half:
                trunc_only.append(no)
    return trunc_only


RENJA = [
    ["Tabel 1"],
    ["Rekapitulasi Evaluasi Hasil Pelaksanaan Renja SKPD dan Pencapaian Renstra SKPD s/d Tahun 2016"],
    ["Program/Kegiatan", "Indikator kinerja Program/Kegiatan", "Target Kinerja Capaian  Program (Renstra SKPD) Tahun 2016",
     "Realisasi capaian program dan kegiatan s/d akhir tahun 2016"],
    ["Program pelayanan Administrasi Perkantoran", "Penyediaan dan peningkatan administrasi perkantoran", "100%", "97%"],
    ["Program peningkatan sarana dan prasarana aparatur", "Peningkatan sarana dan prasarana aparatur", "100%", "98%"],
    ["Program peningkatan pengembangan sistem pelaporan capaian kinerja dan keuangan", "Pengembangan sistem pelaporan capaian kinerja dan keuangan", "100%", "100%"],
    ["Program peningkatan dan pengembangan pengelolaan keuangan daerah", "Penyusunan standar satuan harga", "100%", "100 %"],
    [None, "Penyusunan rancangan perda tentang penyusunan APBD", "100%", "100 %"],
    [None, "Penyusunan rancangan perda KDH tentang penjabaran APBD", "100%", "100 %"],
    [None, "Penyusunan rancangan perda tentang penyusunan perubahan APBD", "100%", "100 %"],
    [None, "Penyusunan rancangan perda KDH tentang penjabaran perubahan APBD", "100%", "100 %"],
    [None, "Penyusunan rancangan perda tentang pertanggungjawaban pelaksanaan APBD 2013", "100%", "95,12%"],
    [None, "Penyusunan rancangan peraturan KDH tentang penjabaran pertanggungjawaban pelaksanaan APBD 2013", "100%", "94,28%"],
    [None, "Penyusunan sistem informasi pengelolaan keuangan daerah", "100%", "89,45%"],
    [None, "Peningkatan manajemen aset daerah", "100%", "86,17%"],
    [None, "Peningkatan Manajemen Investasi Daerah", "100%", "0 %"],
    [None, "Pengendalian Anggaran", "100%", "100 %"],
    [None, "Sinergisitas Penganggaran dan Pelaporan Bantuan Keuangan", "100%", "100 %"],
    [None, "Penghapusan Barang Milik Daerah", "100%", "67 %"],
    [None, "Pemanfaatan Barang Milik Daerah", "100%", "100%"],
]

if __name__ == "__main__":
    trunc = verify_renstra()
    write_case("kota-cimahi-bpkad-renstra-2017-anggaran-realisasi-2013-2015", {
        "source": SRC.format(path="files/laporan/RENSTRA-BPKAD_cimahi_2017-2022.docx",
                             local="cimahi-RENSTRA-BPKAD_cimahi_2017-2022.docx") + ", table 5 (Bab II, kegiatan 48-57)",
        "office": OFFICE, "year": 2017, "kind": "Renstra 2017-2022 (realisasi 2013-2015)", "tables": ["3.3"],
        "how": "copied cell by cell from the Word table (python-docx) as the office typed it: three header rows (group / "
               "year / (1)..(20)), money as numbers (integers under #,##0), rasio as fractions under 0% (Word printed '54%'); "
               "empty years left empty",
        "consistent": True, "expected": [],
        "notes": "Clean control (realdocs clean_controls table 5, verified): every rasio = realisasi / target x 100 to the whole "
                 "percent. 'Target' here is the year's anggaran (Rp), so this is a several-year (3.3-like) money table. "
                 + (f"Rows where only truncation fits: {', '.join(trunc)}. " if trunc else "Every rasio is the half-up rounding. ")
                 + "Kegiatan 48 has no 2013 figures: its 2013 rasio is empty, not 0.",
    }, "Tabel 5", renstra_rows(), money_cols=tuple("FGHIJKLMNO"), pct_cols=tuple("PQRST"), store="number",
        pct_store="fraction", bold_rows=(1, 2, 3), widths={"B": 45},
        merges=("F1:J1", "K1:O1", "P1:T1"))
    write_case("kota-cimahi-bpkad-renja-2017-evaluasi-2016", {
        "source": SRC.format(path="files/laporan/RENJA-BPKAD_2017_KOTA_CIMAHI.docx",
                             local="cimahi-RENJA-BPKAD_2017_KOTA_CIMAHI.docx") + ", table 1",
        "office": OFFICE, "year": 2016, "kind": "Renja 2017 (evaluation of 2016)", "tables": ["3.2"],
        "how": "copied from the Word table as typed, every figure as TEXT exactly as in the document ('100%', '100 %', "
               "'95,12%'); the program name written once, blank below it (merged in Word)",
        "consistent": True, "expected": [],
        "notes": "No derived column: target and realisasi only (target 100 % for every row, so realisasi is the capaian). "
                 "Nothing to recompute; a checker must not report errors here. '0 %' for Manajemen Investasi is a real 0.",
    }, "Renja 2016", RENJA, store="text", bold_rows=(1, 2, 3), widths={"A": 40, "B": 50, "C": 22, "D": 22})
