"""Two small published tables of other years:
- Puslatbang KMP LAN, LAKIP 2021, Tabel 3.67 (flipbook p. 105, report p. 92): one indicator, target/realisasi/capaian.
- Inspektorat Kab. Labuhanbatu Utara, draft reviu LPPD TA 2020 (scribd, p. 1): Capaian Kinerja Makro N-1 vs N."""
from decimal import Decimal

from lib import E, dec, pct, write_case

# ---- Puslatbang KMP LAN 2021
LAN = [
    ["Tabel.3.67 Capaian Nilai Evaluasi Kinerja Anggaran"],
    ["Indikator Kinerja", "Target", "Realisasi", "Capaian"],
    ["Nilai Evaluasi Kinerja Anggaran", "89", "87.93", "98.80%"],
]
assert pct(Decimal("87.93"), Decimal(89), 2) == Decimal("98.80")

# ---- Labuhanbatu Utara TA 2020
LAB = [
    ["a.1 Capaian Kinerja Makro"],
    ["NO", "INDIKATOR KINERJA MAKRO", "CAPAIN KINERJA TAHUN N-1", "CAPAIN KINERJA TAHUN N", "PERUBAHAN %"],
    ["1", "Indeks Pembangunan Manusia", "71,43", "71,61", "- 28,39%"],
    ["2", "Angka Kemiskinan", "9,57", "9,53", "- 90,47%"],
    ["3", "Angka Pengangguran", "5,84", "6,82", "- 93,18%"],
    ["4", "Pertumbuhan Ekonomi", "17.259,19", "17.306,59", "17.206,59"],
    ["5", "Pendapatan per Kapita", "24.378,34", "25.191,24", "25.091,24"],
    ["6", "Ketimpangan Pendapatan", "0,267", "0,262", "- 99,738%"],
]


def labura_expected():
    out = []
    for r in range(3, 9):
        no, name, a, b, p = LAB[r - 1]
        a, b = dec(a), dec(b)
        assert b - 100 == dec(p), (r, b - 100, p)   # every printed 'perubahan' is capaian N minus 100
        places = 3 if r == 8 else 2
        ch = ((b - a) / a * 100).quantize(Decimal(1).scaleb(-places), "ROUND_HALF_UP")
        out.append(E(f"Kinerja Makro!E{r}", p, ch,
                     f"printed perubahan = capaian N - 100 ({LAB[r - 1][3]} - 100); the change from N-1 is "
                     f"({LAB[r - 1][3]} - {LAB[r - 1][2]}) / {LAB[r - 1][2]} x 100 = {ch}", severity="warning"))
    return out


if __name__ == "__main__":
    write_case("lan-puslatbang-kmp-2021-tabel-3-67", {
        "source": "https://fliphtml5.com/agdol/iduq/LAKIP_Puslatbang_KMP_LAN_Tahun_2021/105/ (LAKIP Puslatbang KMP LAN Tahun "
                  "2021, report page 92, Tabel 3.67)",
        "office": "Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan (Puslatbang KMP), Lembaga Administrasi Negara",
        "year": 2021, "kind": "LAKIP", "tables": ["3.2"],
        "how": "typed from the flipbook text as printed, figures as TEXT with a decimal POINT ('87.93', '98.80%')",
        "consistent": True, "expected": [],
        "notes": "87.93 / 89 x 100 = 98,797 -> 98.80: consistent. The narrative below the table says '87.93 atau 98.90%' (a "
                 "narrative slip, not in the table). '87.93' is a decimal point: the report prints all decimals with points.",
    }, "Tabel 3.67", LAN, store="text", bold_rows=(1, 2), widths={"A": 34})
    write_case("kab-labura-inspektorat-2020-kinerja-makro", {
        "source": "https://id.scribd.com/document/678345672/Draft-Lhr-Lppd-Labura-2021-Bahan-1 (Inspektorat Kabupaten "
                  "Labuhanbatu Utara, draft Laporan Hasil Reviu of the LPPD/Ikhtisar Kinerja TA 2020, p. 1, table a.1)",
        "office": "Inspektorat Kabupaten Labuhanbatu Utara (reviu of the Pemerintah Kabupaten Labuhanbatu Utara TA 2020)",
        "year": 2020, "kind": "LPPD reviu (capaian kinerja makro)", "tables": ["3.3"],
        "how": "typed as printed, figures as TEXT: '71,43', '- 28,39%' (minus, space, digits), '17.259,19'; header spelled "
               "'CAPAIN' as printed",
        "expected": labura_expected(),
        "notes": "Every printed PERUBAHAN equals capaian N minus 100 (71,61 - 100 = -28,39; 25.191,24 - 100 = 25.091,24): a formula "
                 "slip, listed as warnings because which change formula the office meant (relative %, or points) is a "
                 "judgement; expected_value is the relative change at the printed decimals. Angka kemiskinan and pengangguran "
                 "are lower-is-better. 'Pertumbuhan Ekonomi' printed as 17.259,19 is not a growth rate (looks like PDRB): a "
                 "content problem no arithmetic can prove.",
        "consistent": False,
    }, "Kinerja Makro", LAB, store="text", bold_rows=(1, 2), widths={"B": 32, "C": 16, "D": 16, "E": 14})
