"""BPMPD Prov. Jawa Barat, LAKIP 2016, Rekapitulasi Belanja (p. 27): BTL, BL, JUMLAH -- a Tabel 3.7-like summary."""
from decimal import Decimal

from lib import E, dec, pct, write_case
from case_bpmpd import ROWS as RINCI, TOT as RTOT, FIRST as RFIRST, D as RD

ROWS = [
    ["REKAPITULASI BELANJA BPMPD PROVINSI JAWA BARAT T.A. 2016"], [],
    [None, "DPA T.A 2016", "REALISASI", "SISA", "%"],
    ["BELANJA TIDAK LANGSUNG", "10.927.840.003,-", "10.605.660.858,-", "322.179.145,-", "97,05"],
    ["BELANJA LANGSUNG", "37.664.381.200,-", "33.030.490.451,00", "4.633.890.749,00", "87,70"],
    ["JUMLAH", "48. 592.221.203,-", "43.636.151.309,-", "4.956.069.894,-", "89,80"],
]


def verify():
    v = lambda r, c: dec(ROWS[r - 1][c])
    for r in (4, 5, 6):
        assert v(r, 1) - v(r, 2) == v(r, 3) and pct(v(r, 2), v(r, 1), 2) == dec(ROWS[r - 1][4]), r
    for c in (1, 2, 3):
        assert v(4, c) + v(5, c) == v(6, c)
    # the BL line agrees with the rincian table's JUMLAH realisasi, and that JUMLAH with the sum of its programs
    progs = [RFIRST + i for i, d in enumerate(RD) if not d[0].isdigit()]
    assert sum(dec(RINCI[r - 1][3]) for r in progs) == v(5, 2) == dec(RINCI[RTOT - 1][3])


if __name__ == "__main__":
    verify()
    write_case("prov-jabar-bpmpd-2016-rekapitulasi-belanja", {
        "source": "andri000me/aplikasi_esakip, static/datalakip/LKIP 2016 DPM-Desa Provinsi Jawa Barat fix.pdf, commit "
                  "324b2cbf7fc2cb27f40433f6252a823d0ee32a25, p. 27 (also /work/shared/realdocs/jabar16-bpmpd-LKIP 2016 DPM-Desa "
                  "Provinsi Jawa Barat fix.pdf)",
        "office": "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa (BPMPD), Provinsi Jawa Barat", "year": 2016,
        "kind": "LAKIP", "tables": ["3.7"],
        "how": "typed as printed, figures as TEXT with the whole-rupiah ',-' and ',00' endings and the malformed '48. 592.221.203,-' "
               "(a space after the first group)",
        "expected": [E("Rekapitulasi!B6", "48. 592.221.203,-", 48592221203,
                       "malformed figure (space after the first group); its value is right: 10.927.840.003 + 37.664.381.200 = "
                       "48.592.221.203", severity="warning", codes=["N003", "N004"], value=Decimal(48592221203))],
        "consistent": True,
        "notes": "Every sisa = DPA - realisasi, every % and the JUMLAH (sums of BTL + BL in all three columns) are exact: the only "
                 "finding is the malformed figure (realdocs F33, a warning: its value is right). The BL realisasi equals the "
                 "rincian table's JUMLAH and the sum of its programs (cross-table agreement).",
    }, "Rekapitulasi", ROWS, store="text", bold_rows=(1, 3, 6), widths={"A": 28, "B": 20, "C": 20, "D": 20})
