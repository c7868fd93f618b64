"""Tables whose hierarchy has no Kepmendagri codes (issue 12): programs marked with Roman numerals, kegiatan
numbered below them, the hierarchy confirmed by the sums. A parent's selisih and % that are right for the row
as its own figures mean it are not wrong again where the row disagrees with its lines: said once, at the input.

The published table (tests/corpus/published, source in its .json) is re-computed here in Decimal.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from lkjip_xl.validate import check_file

BPMPD = Path(__file__).parent / "corpus" / "published" / "prov-jabar-bpmpd-2016-rincian-belanja-langsung.xlsx"


def _errors(report) -> list[tuple[str, str]]:
    return sorted((f.code, f.ref.a1) for f in report.findings if f.severity.value == "error" and f.ref is not None)


def test_bpmpd_rincian_errors_are_each_said_once_at_their_input():
    # Program IX (row 22): its own selisih and % agree on anggaran = realisasi + sisa, not on the printed one.
    realisasi, sisa, printed_anggaran = Decimal("16726996300"), Decimal("1469433700"), Decimal("18198430000")
    meant = realisasi + sisa
    assert meant == Decimal("18196430000") and printed_anggaran - realisasi == Decimal("1471433700")
    assert (realisasi / meant * 100).quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("91.92")  # F22 prints 91,92
    # JUMLAH (row 41): 33.030.490.451 / 37.664.381.200 = 87,697…%, F41 prints 87,70: right for its own row (its
    # anggaran C41 is typed "37.664.381200,00", not read); 87,72% from the kegiatan sums only because the
    # copied kegiatan rows below programs IX and XI make their lines disagree with them (D22, D36).
    assert (Decimal("33030490451") / Decimal("37664381200") * 100).quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("87.70")
    # E24: 959.000.000 - 920.059.100 = 38.940.900, printed 38.940,00.
    assert Decimal("959000000") - Decimal("920059100") == Decimal("38940900")

    report = check_file(BPMPD)
    assert _errors(report) == [("B101", "C22"), ("B102", "D22"), ("B102", "D36"), ("B104", "E24")]
    follows = {ref.a1 for f in report.findings for ref in f.follows}
    assert {"E22", "F22", "F41"} <= follows  # named in their root's finding, not errors of their own
