"""Tables whose hierarchy has no Kepmendagri codes (issue 12): programs marked with Roman numerals, kegiatan
numbered below them, the hierarchy confirmed by the sums. A parent's selisih and % that are right for the row
as its own figures mean it are not wrong again where the row disagrees with its lines: said once, at the input.

The published table (tests/corpus/published, source in its .json) is re-computed here in Decimal.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from lkjip_xl.codes import Level
from lkjip_xl.freeform import extract_freeform
from lkjip_xl.load import load_file
from lkjip_xl.settings import Settings
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
    roman = {numbering_rank(text) for text in ("I", "IX", "X", "XI", "XII", "XIV", "XIX", "XXV", "IV.")}
    arabic = {numbering_rank(text) for text in ("1", "25", "1000", "1.000", "1,250", "12.500", "3.")}
    assert len(roman) == 1 and len(arabic) == 1
    assert numbering_rank("A") == numbering_rank("C") == numbering_rank("L") == numbering_rank("B.")  # letters
    assert numbering_rank("IIII") == numbering_rank("")  # not a numeral: like an unnumbered row
    # The outline of official documents: I. > (unnumbered) > A. > 1. > 1.1 > 1.1.1 > a. > 1) > a) > (1).
    order = ["I", "", "A.", "1.", "1.1", "1.1.1", "a.", "1)", "a)", "(1)"]
    ranks = [numbering_rank(text) for text in order]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks), dict(zip(order, ranks))


# -- letters as a level (issue 12): as offices type them ------------------------------------------------------

_PROGRAMS = [
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", [
        ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
         [("Penyusunan Dokumen Perencanaan Perangkat Daerah", 24_295_000, 21_505_750),
          ("Evaluasi Kinerja Perangkat Daerah", 34_746_300, 32_085_000)]),
        ("Administrasi Keuangan Perangkat Daerah",
         [("Penyediaan Gaji dan Tunjangan ASN", 1_250_500_000, 1_180_250_000),
          ("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 18_750_000, 17_980_000),
          ("Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", 9_500_000, 9_100_000)]),
    ]),
    ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", [
        ("Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
         [("Pengelolaan Pelayanan Kesehatan Ibu Hamil", 48_200_000, 45_150_000),
          ("Pengelolaan Pelayanan Kesehatan Balita", 61_300_000, 58_900_000)]),
        ("Penyediaan dan Pengelolaan Sistem Informasi Kesehatan",
         [("Pengelolaan Sistem Informasi Kesehatan", 22_000_000, 20_750_000)]),
    ]),
]


def _line(no, name, anggaran, realisasi):
    # Selisih typed, persentase as the office's formula leaves it (a float, rounded to 2 decimals as printed).
    return [no, name, anggaran, realisasi, anggaran - realisasi, round(realisasi / anggaran * 100, 2)]


def _lettered_table(path, program_mark, kegiatan_mark, sub_mark, wrong_kegiatan=None, program_word=True):
    """Tabel 3.8 without codes, numbered program / kegiatan / sub kegiatan by the marks given (each a function
    of the indexes), sub kegiatan numbering restarting under each kegiatan; every parent the sum of its lines,
    but ``wrong_kegiatan``'s anggaran typed 1.000.000 too high."""
    rows = [["TABEL 3.8"], ["Realisasi Anggaran Dinas Kesehatan Tahun 2024"], [],
            ["No", "Program/Kegiatan/Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Selisih (Rp)", "Persentase (%)"]]
    total_a = total_r = 0
    for p, (program, kegiatan) in enumerate(_PROGRAMS):
        a = sum(line[1] for _, lines in kegiatan for line in lines)
        r = sum(line[2] for _, lines in kegiatan for line in lines)
        total_a, total_r = total_a + a, total_r + r
        rows.append(_line(program_mark(p), program if program_word else program.removeprefix("Program "), a, r))
        for k, (name, lines) in enumerate(kegiatan):
            a = sum(line[1] for line in lines) + (1_000_000 if name == wrong_kegiatan else 0)
            rows.append(_line(kegiatan_mark(p, k), name, a, sum(line[2] for line in lines)))
            rows += [_line(sub_mark(p, k, s), *line) for s, line in enumerate(lines)]
    rows.append([None, "JUMLAH", total_a, total_r, total_a - total_r, round(total_r / total_a * 100, 2)])
    book = Workbook()
    book.active.title = "Tabel 3.8"
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


TWO_ROMAN = ("I", "II")
LETTERED = {
    # I / A / 1: Roman programs, capital-letter kegiatan, sub kegiatan 1, 2 under each kegiatan.
    "roman-capital-arabic": (lambda p: TWO_ROMAN[p], lambda p, k: "AB"[k], lambda p, k, s: s + 1),
    # the same typed with points: "I.", "A.", "1." (text)
    "roman-capital-arabic-points": (lambda p: TWO_ROMAN[p] + ".", lambda p, k: "AB"[k] + ".", lambda p, k, s: f"{s + 1}."),
    # A / 1 / a.: capital-letter programs, numbered kegiatan, lower-case lettered sub kegiatan
    "capital-arabic-lower": (lambda p: "AB"[p], lambda p, k: k + 1, lambda p, k, s: "abc"[s] + "."),
    # 1. / a. / 1): the outline of official documents
    "arabic-lower-paren": (lambda p: p + 1, lambda p, k: "ab"[k] + ".", lambda p, k, s: f"{s + 1})"),
    # a. / 1. / 1): lower-case letters number the programs here; 1. restarts under each of them
    "lower-arabic-paren": (lambda p: "ab"[p] + ".", lambda p, k: f"{k + 1}.", lambda p, k, s: f"{s + 1})"),
    # I / 1.1 / 1.1.1
    "roman-dotted": (lambda p: TWO_ROMAN[p], lambda p, k: f"{p + 1}.{k + 1}", lambda p, k, s: f"{p + 1}.{k + 1}.{s + 1}"),
}
# Sheet rows: header at 4; program I at 5, its kegiatan at 6 and 9, program II at 13, its kegiatan at 14, 17.
PROGRAM_ROWS, KEGIATAN_ROWS = [5, 13], [6, 9, 14, 17]


@pytest.mark.parametrize("name", sorted(LETTERED))
def test_letters_and_outline_numbering_give_the_levels(tmp_path, name):
    """Each numbering read as its level (before, "A"/"a." ranked below every number: the kegiatan of I / A / 1
    were read as sub kegiatan, 4 false B101/B102 warnings; 1. / a. / 1) gave B121/B122 besides; a. / 1. / 1)
    without the word "Program" read a. as the deepest level). The sums confirm it: every parent equals its lines (recomputed below), so no finding but the S002 info."""
    for _, kegiatan in _PROGRAMS:
        for _, lines in kegiatan:
            assert all(Decimal(a) - Decimal(r) >= 0 for _, a, r in lines)
    path = _lettered_table(tmp_path / f"{name}.xlsx", *LETTERED[name], program_word=name != "lower-arabic-paren")
    table = extract_freeform(load_file(path), Settings()).document.budget["3.8"]
    levels = {row.label.ref.row: row.level for row in table.rows}
    assert [row for row, level in levels.items() if level is Level.PROGRAM] == PROGRAM_ROWS
    assert [row for row, level in levels.items() if level is Level.KEGIATAN] == KEGIATAN_ROWS
    report = check_file(path)
    assert [(f.code, f.severity.value) for f in report.findings if f.table == "3.8"] == [("S002", "info")]


def test_a_lettered_kegiatan_whose_total_is_wrong_is_found_at_its_cell(tmp_path):
    """I / A. / 1. without the word "Program" (the numbering alone gives the levels): kegiatan B of program I
    (row 9) typed 1.279.750.000 where its three lines add up to 1.250.500.000 + 18.750.000 + 9.500.000 =
    1.278.750.000: B101 at C9, an error (the other six parents add up, so the hierarchy is confirmed)."""
    assert 1_250_500_000 + 18_750_000 + 9_500_000 == 1_278_750_000
    marks = LETTERED["roman-capital-arabic-points"]
    path = _lettered_table(tmp_path / "wrong.xlsx", *marks, wrong_kegiatan="Administrasi Keuangan Perangkat Daerah", program_word=False)
    report = check_file(path)
    assert _errors(report) == [("B101", "C9")]
    (b101,) = [f for f in report.findings if f.code == "B101"]
    assert (b101.reported, b101.expected) == (1_279_750_000, 1_278_750_000)
