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


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _marked_table(path: Path, wrong_program: int | None = None) -> Path:
    """Twelve programs marked I..XII in the No column (plain text, not bold, no "Program" word), each with two
    kegiatan numbered from 1.000 on (as typed: "1.000", "1.001", ...); figures as a LAKIP prints them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Realisasi"
    sheet.append(["Realisasi Anggaran Belanja Langsung Tahun 2016"])
    sheet.append(["No", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa Anggaran (Rp)", "%"])
    number = 1000
    total_a = total_r = 0
    for index, roman in enumerate(ROMAN):
        lines = [(10_000_000 * (index + 1), 9_000_000 * (index + 1)), (5_000_000, 4_000_000 + 1000 * index)]
        a, r = sum(x for x, _ in lines), sum(y for _, y in lines)
        printed_a = a + 1_000_000 if index == wrong_program else a
        sheet.append([roman, f"Peningkatan layanan bidang {index + 1}", printed_a, r, printed_a - r, round(r / printed_a * 100, 2)])
        for la, lr in lines:
            sheet.append([f"{number // 1000}.{number % 1000:03d}", f"Penyediaan jasa layanan {number}", la, lr, la - lr, round(lr / la * 100, 2)])
            number += 1
        total_a, total_r = total_a + a, total_r + r
    sheet.append([None, "JUMLAH", total_a, total_r, total_a - total_r, round(total_r / total_a * 100, 2)])
    book.save(path)
    return path


def test_roman_programs_up_to_xii_and_kegiatan_numbered_from_1000_are_the_hierarchy(tmp_path):
    from lkjip_xl.freeform import extract_freeform
    from lkjip_xl.load import load_file
    from lkjip_xl.settings import Settings

    path = _marked_table(tmp_path / "marked.xlsx")
    table = extract_freeform(load_file(path), Settings()).document.budget["3.8"]
    programs = [row for row in table.rows if row.children]
    assert [row.number.parsed.text or row.number.value for row in programs] == ROMAN
    assert all(len(row.children) == 2 for row in programs)
    assert _errors(check_file(path)) == []


def test_a_program_that_is_not_the_sum_of_its_numbered_kegiatan_is_an_error(tmp_path):
    # Program XI (index 10): kegiatan 110.000.000 + 5.000.000 = 115.000.000; printed 116.000.000 with its own sisa
    # and % computed from it (116.000.000 - 104.010.000), so only the sum of its kegiatan shows the fault.
    a = Decimal(110_000_000) + Decimal(5_000_000)
    assert a == Decimal(115_000_000)
    path = _marked_table(tmp_path / "marked.xlsx", wrong_program=10)
    found = _errors(check_file(path))
    assert found == [("B101", "C33")]  # title row 1, header row 2, program k (from 0) at row 3 + 3k: XI at 33


def test_numbering_ranks_roman_numerals_past_x_and_numbers_from_1000():
    from lkjip_xl.freeform.words import numbering_rank

    # Programs XI..XXV rank with I..X (not as unnumbered rows); kegiatan 1.000 / 1000 / 1,250 rank with 1, 2
    # (not as a dotted 1.000 = a third level); L and C alone are letters, not 50 and 100.
    assert {numbering_rank(text) for text in ("I", "IX", "X", "XI", "XII", "XIV", "XIX", "XXV", "IV.")} == {5}
    assert {numbering_rank(text) for text in ("1", "25", "1000", "1.000", "1,250", "12.500")} == {3}
    assert numbering_rank("1.1") == 2 and numbering_rank("A") == numbering_rank("C") == numbering_rank("L") == 0
    assert numbering_rank("IIII") == 4  # not a numeral
