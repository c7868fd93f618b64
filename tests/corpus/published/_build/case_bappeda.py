"""Bappeda Prov. Jawa Barat, LKIP 2016, Tabel 3.7 'Analisis program/kegiatan' (pp. 43-46): a Tabel 3.5-like table
(indikator target/realisasi/capaian beside program pagu/realisasi/%)."""
from decimal import ROUND_DOWN, Decimal

from lib import E, dec, pct, write_case

NAME = "prov-jabar-bappeda-2016-tabel-3-7-analisis-program"
SHEET = "Tabel 3.7"
PPE = "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"
PDATA = "Program Pengembangan Data/Informasi/Statistik Daerah"
ROWS = [
    ["Tabel 3.7."],
    ["Analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan pencapaian pernyataan kinerja"],
    ["No", "Sasaran", "Indikator", "Tahun 2016", None, None, None, "Nama Progam", "Keuangan", None, None],
    [None, None, None, "Satuan", "Target", "Realisasi", "Capaian %", None, "Pagu", "Realisasi", "Capaian %"],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
    ["1", "Meningkatnya Kesesuaian Prioritas Pembangunan RKPD Terhadap Prioritas Pembangunan RPJMD",
     "Tingkat Kesesuaian Prioritas Pembangunan RKPD Dengan Prioritas Pembangunan RPJMD", "Persen", "100", "100", "100", PPE,
     "2,005,000,000", "1,957,834,426", "97,64"],
    ["2", "Meningkatnya Kesesuaian Target Program Renstra OPD Terhadap Target Program RPJMD",
     "Tingkat Kesesuaian Target Program Renstra OPD Terhadap Target Program RPJMD", "Persen", "100", "100", "100", PPE + ";",
     "2,379,500,000", "2,337,147,110", "98,22"],
    ["3", "Meningkatnya Kesesuaian Target Kegiatan Renja OPD Terhadap Target Prioritas Pembangunan RKPD",
     "Tingkat Kesesuaian Target Kegiatan Renja OPD Terhadap Target Prioritas Pembangunan RKPD", "Persen", "100", "100", "100",
     PPE + ";", "1,790,000,000", "1,584,085, 700", "89,76"],
    ["4", "Meningkatnya kinerja perencanaan pembangunan daerah", "Tingkat kesesuaian perencanaan pembangunan Pusat, Provinsi dan Kab/Kota",
     "Persen", "85,00", "87,50", "102,94", PPE + ";", "2,223,750,000", "2,138,872,676", "96,45"],
    [None, None, "Persentase usulan dari pelaku pembangunan yang sesuai dengan prioritas pembangunan Jawa Barat", "Persen",
     "75,00", "75,40", "100,53", PPE + ";", "2,201,500,000", "2,194,923,546", "99,72"],
    ["5", "Meningkatnya konsistensi dan kinerja penataan ruang", "Tingkat keselarasan rencana tata ruang Provinsi dengan tata ruang Kab/Kota",
     "Persen", "75,00", "100,00", "133,33", "Program Penataan Ruang", "2,069,307,000", "1,777,476,866", "84,47"],
    ["6", "Meningkatnya kualitas layanan perencanaan pembangunan daerah", "Tingkat layanan informasi perencanaan pembangunan daerah",
     "Persen", "100", "100", "100", PDATA, "2,420,810,000", "2,371,740,604", "98,45"],
    [None, None, "Tingkat layanan satu data pembangunan Jawa Barat", "Persen", "90,00", "88,59", "98,43", PDATA,
     "1,397,870,000.00", "1,388,819,900.00", "99,35"],
    [None, None, "Tingkat aksesibilitas informasi pembangunan", "Persen", "20", "19,99", "99,95", PDATA,
     "871,800,000", "842,883,543", "97,84"],
    ["7", "Meningkatnya konsistensi pelaksanaan pembangunan terhadap rencana pembangunan",
     "Tingkat konsistensi pelaksanaan pembangunan terhadap rencana pembangunan", "Persen", "90,00", "82,00", "91,11", PPE,
     "1,939,050,000.00", "1,932,498,518.00", "99,60"],
    ["8", "Meningkatnya kesesuaian perencanaan dengan penganggaran",
     "Tingkat kesesuaian sasaran pembangunan dari perencanaan jangka panjang, jangka menengah dan tahunan", "Persen", "80,00",
     "85,00", "106,25", PPE, "1,670,000,000.00", "1,381,617,625.00", "82.73"],
    [None, None, "Tingkat kesesuaian perencanaan dengan penganggaran", "Persen", "90,00", "100,00", "111,11", PPE,
     "840,000,000.00", "822,786,057.00", "97,95"],
    ["9", "Meningkatnya kompetensi sumberdaya aparatur", "Persentase aparatur perencana OPD & Kab/Kota yang memiliki sertifikat kompetensi",
     "Persen", "0,09", "0,17", "188,90", PPE, "672,000,000.00", "670,323,928.00", "99,75"],
    [None, None, None, None, None, None, None, "Program Kerjasama Pembangunan", "1,050,000,000", "1,048,357,079.00", "99,84"],
    [None, None, "Persentase SDM perencana terhadap kebutuhan ideal", "Persen", "31,00", "33,33", "106,25",
     "Program Pengembangan Kompetensi Aparatur", "390,000,000", "355,987,000.00", "91,20"],
]
FIRST, LAST = 6, len(ROWS)


def usd(s):
    return Decimal(s.replace(",", "").replace(" ", ""))


def idd(s):
    return dec(s)


def ok(printed, exact):
    places = len(printed.replace(".", ",").split(",")[1]) if ("," in printed or "." in printed) else 0
    q = Decimal(1).scaleb(-places)
    p = Decimal(printed.replace(",", "."))
    return p in (exact.quantize(q), exact.quantize(q, ROUND_DOWN), (exact + 0).quantize(q, "ROUND_HALF_UP"))


def expected():
    exp, cap_notes = [], []
    for r in range(FIRST, LAST + 1):
        row = ROWS[r - 1]
        if row[4]:
            t, re_, c = idd(row[4]), idd(row[5]), row[6]
            if not ok(c, re_ / t * 100):
                half = Decimal("0.005") if "," in row[5] else Decimal("0.5")
                lo, hi = (re_ - half) / t * 100, (re_ + half) / t * 100
                if lo <= idd(c) <= hi:
                    cap_notes.append(f"G{r} {c} (from printed figures {pct(re_, t, 2)}; a realisasi rounded to its printed "
                                     f"decimals allows {lo:.2f}..{hi:.2f}: not provable)")
                else:
                    exp.append(E(f"{SHEET}!G{r}", c, pct(re_, t, 2),
                                 f"capaian = {row[5]} / {row[4]} x 100 = {re_ / t * 100:.4f} -> {pct(re_, t, 2)}; even the widest "
                                 f"reading of the rounded realisasi gives only {lo:.2f}..{hi:.2f}", codes=["K101"]))
        a, rr, p = usd(row[8]), usd(row[9]), row[10]
        if not ok(p, rr / a * 100):
            exp.append(E(f"{SHEET}!K{r}", p, pct(rr, a, 2), f"keuangan % = {row[9]} / {row[8]} x 100 = {rr / a * 100:.4f} -> "
                                                               f"{pct(rr, a, 2)}", codes=["B105", "K105"], value=Decimal(p.replace(",", "."))))
    exp.append(E(f"{SHEET}!J8", "1,584,085, 700", usd("1,584,085,700"),
                 "malformed figure: a space inside the grouping (read as 1.584.085.700; the printed 89,76 % fits neither reading "
                 "exactly, see K8)", severity="warning", codes=["N003", "N004"], value=usd("1,584,085,700")))
    return exp, cap_notes


META = {
    "source": "andri000me/aplikasi_esakip, static/datalakip/LKIP 2016 Full.pdf, commit 324b2cbf7fc2cb27f40433f6252a823d0ee32a25, "
              "pp. 43-46 (report pages III-20..III-23) (also /work/shared/realdocs/jabar16-bappeda-LKIP 2016 Full.pdf)",
    "office": "Badan Perencanaan Pembangunan Daerah (Bappeda), Provinsi Jawa Barat", "year": 2016, "kind": "LKIP",
    "tables": ["3.5"],
    "how": "typed from the PDF as printed, every figure as TEXT: money with US grouping ('2,005,000,000', some with '.00'), "
           "capaian with Indonesian decimal commas ('102,94') and one '82.73' with a point, the malformed '1,584,085, 700' kept; "
           "two-row header (Tahun 2016 / Keuangan groups) and the 1..11 number row; sasaran and No written once per sasaran",
}

if __name__ == "__main__":
    exp, cap_notes = expected()
    keys = sorted(e["cell"] for e in exp)
    assert len(exp) == 10, keys
    META["expected"] = exp
    META["notes"] = ("realdocs findings F56-F63 and F66 verified (errors); F65 (malformed figure) is a warning. Not errors: "
                     "K6 97,64 is the truncation of 97,6476 (F64 'rounding'); " + "; ".join(cap_notes) +
                     " (F67 'rounding', confirmed). The program pagu of sasaran 9 spans two programs (rows 18-19): the row "
                     "without an indicator belongs to the indicator above. No efficiency column in this table.")
    write_case(NAME, META, SHEET, ROWS, store="text", bold_rows=(1, 2, 3, 4, 5), merges=("D3:G3", "I3:K3"),
               widths={"B": 30, "C": 36, "H": 30, "I": 18, "J": 18})
