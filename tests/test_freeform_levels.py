"""Program / kegiatan / sub kegiatan without codes: text signals first, sums to confirm or to choose where the
text is silent, and never a cascade of findings from a guess."""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook

from conftest import EXAMPLE
from pasted import paste, read, report_lines, table_lines

HEADER = "No\tUraian\tJumlah Anggaran\tRealisasi\tSelisih\tPersentase"


def book(tmp_path, lines, name="book.xlsx", **options):
    workbook = Workbook()
    paste(workbook.active, lines, **options)
    path = tmp_path / name
    workbook.save(path)
    return path


def levels(document) -> list[tuple[str, str | None]]:
    return [(row.name, row.level.value if row.level else None) for row in document.budget["3.8"].rows]


def errors(findings) -> list[tuple[str, str]]:
    return [(finding.code, finding.ref.a1 if finding.ref else "-") for finding in findings if finding.severity.value == "error"]


def line(no: str, label: str, anggaran: int, realisasi: int, bold: bool = False) -> str:
    def rp(value: int) -> str:
        return "Rp " + f"{value:,}".replace(",", ".") if value else "Rp -"

    percent = f"{realisasi / anggaran * 100:.2f}".replace(".", ",") + "%" if anggaran else "0%"
    label = f"<b>{label}</b>" if bold else label
    return "\t".join((no, label, rp(anggaran), rp(realisasi), rp(anggaran - realisasi), percent))


def strip_signals(lines: list[str], numbering: bool = False) -> list[str]:
    """The table with its bold lost and (unless ``numbering``) its row numbers gone, as a careless paste."""
    out = []
    for text in lines:
        text = re.sub(r"</?b>", "", text)
        cells = text.split("\t")
        if not numbering and len(cells) > 2 and cells[0].strip().isdigit():
            cells[0] = ""
        out.append("\t".join(cells))
    return out


@pytest.fixture(scope="module")
def example_levels():
    document, _ = read(EXAMPLE)
    return levels(document)


@pytest.mark.parametrize("bold", [True, False], ids=["as-printed", "bold-lost"])
def test_the_seeds_hierarchy_is_the_one_its_codes_give_despite_its_errors(tmp_path, example_levels, bold):
    """The seed's 3.8 has a program whose realisasi copies its anggaran, two kegiatan whose totals are wrong,
    and a gap in its numbering: the text signals hold, and the sums do not move any row."""
    document, _ = read(book(tmp_path, table_lines("3.8"), bold=bold))
    assert levels(document) == example_levels
    assert document.budget["3.8"].structure == "guessed"


@pytest.fixture(scope="module")
def consistent_lines(tmp_path_factory):
    from lkjip_xl.template.contoh import write_example

    path = tmp_path_factory.mktemp("consistent") / "consistent.xlsx"
    write_example(path, consistent=True)
    return report_lines(path)["3.8"]


def test_with_no_signal_but_the_program_names_the_sums_tell_kegiatan_from_sub_kegiatan(tmp_path, example_levels, consistent_lines):
    document, findings = read(book(tmp_path, strip_signals(consistent_lines)))
    assert levels(document) == example_levels
    assert errors(findings) == []
    sources = {row.level_source for row in document.budget["3.8"].rows if row.level is not None}
    assert "sums" in sources


def test_a_guess_the_sums_cannot_confirm_does_not_flood_the_report(tmp_path, example_levels):
    """No bold, no numbering, wrong kegiatan totals: two kegiatan cannot be told from sub kegiatan. The report
    says so (S002), and the findings stay those of the rows concerned, not a cascade."""
    template_document, template_findings = read(EXAMPLE)
    document, findings = read(book(tmp_path, strip_signals(table_lines("3.8"))))
    wrong = [a for a, b in zip(levels(document), example_levels) if a != b]
    assert [name for name, _ in wrong] == ["Administrasi Keuangan Perangkat Daerah", "Administrasi Umum Perangkat Daerah"]
    assert len(errors(findings)) <= len(errors(template_findings))
    guessed = next(finding for finding in findings if finding.code == "S002")
    assert guessed.severity.value == "warning"


def test_numbering_alone_can_give_the_levels(tmp_path):
    lines = [
        HEADER,
        line("1", "Penunjang urusan", 30_000_000, 29_000_000),
        line("1.1", "Administrasi keuangan", 30_000_000, 29_000_000),
        line("1.1.1", "Penyediaan gaji", 10_000_000, 10_000_000),
        line("1.1.2", "Penyediaan alat tulis", 20_000_000, 19_000_000),
        line("2", "Pelayanan publik", 5_000_000, 5_000_000),
        line("2.1", "Pelayanan perizinan", 5_000_000, 5_000_000),
        line("2.1.1", "Perizinan non usaha", 5_000_000, 5_000_000),
        "\tJUMLAH\tRp 35.000.000\tRp 34.000.000\tRp 1.000.000\t97,14%",
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == [
        "program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "program", "kegiatan", "sub_kegiatan",
    ]
    assert errors(findings) == []


def test_roman_arabic_and_letter_numbering(tmp_path):
    lines = [
        HEADER,
        line("I", "Penunjang urusan", 30_000_000, 29_000_000),
        line("1", "Administrasi keuangan", 30_000_000, 29_000_000),
        line("a.", "Penyediaan gaji", 10_000_000, 10_000_000),
        line("b.", "Penyediaan alat tulis", 20_000_000, 19_000_000),
    ]
    document, _ = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]


def test_upper_case_bold_programs_without_the_word_program(tmp_path):
    lines = [
        HEADER,
        line("", "PENUNJANG URUSAN PEMERINTAHAN DAERAH", 30_000_000, 29_000_000, bold=True),
        line("", "Administrasi Keuangan", 30_000_000, 29_000_000, bold=True),
        line("1", "Penyediaan gaji", 10_000_000, 10_000_000),
        line("2", "Penyediaan alat tulis", 20_000_000, 19_000_000),
        line("", "PELAYANAN PUBLIK", 5_000_000, 5_000_000, bold=True),
        line("3", "Perizinan non usaha", 5_000_000, 5_000_000),
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == [
        "program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "program", "sub_kegiatan",
    ]
    assert errors(findings) == []


def test_a_sub_kegiatan_printed_bold_by_mistake_stays_a_sub_kegiatan(tmp_path):
    lines = [
        HEADER,
        line("", "PROGRAM PENUNJANG URUSAN", 35_000_000, 34_000_000, bold=True),
        line("", "Administrasi Keuangan", 30_000_000, 29_000_000, bold=True),
        line("1", "Penyediaan gaji", 10_000_000, 10_000_000, bold=True),
        line("2", "Penyediaan alat tulis", 20_000_000, 19_000_000),
        line("", "Administrasi Umum", 5_000_000, 5_000_000, bold=True),
        line("3", "Penyediaan bahan bacaan", 5_000_000, 5_000_000),
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == [
        "program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan",
    ]
    assert errors(findings) == []
    assert next(f for f in findings if f.code == "S002").severity.value == "info"


def test_codes_in_front_of_the_labels_give_the_levels_and_nothing_is_guessed(tmp_path):
    lines = [
        HEADER,
        line("", "7.01.01 PROGRAM PENUNJANG URUSAN", 30_000_000, 29_000_000),
        line("", "7.01.01.2.02 Administrasi Keuangan", 30_000_000, 29_000_000),
        line("1", "7.01.01.2.02.0001 Penyediaan gaji", 10_000_000, 10_000_000),
        line("2", "7.01.01.02.02.0002 Penyediaan alat tulis", 20_000_000, 19_000_000),
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert document.budget["3.8"].structure == "code"
    codes = {finding.code: finding.ref.a1 if finding.ref else None for finding in findings}
    assert "S002" not in codes
    assert codes["B130"] == "B5"  # the 2-digit level is read and its canonical form reported


def test_a_code_column_removes_the_guess(tmp_path):
    lines = [
        "No\tKode\tUraian\tAnggaran\tRealisasi\tSelisih\tPersentase",
        *(
            "\t".join([cells[0], code, *cells[1:]])
            for code, cells in (
                ("7.01.01", line("", "Administrasi", 30_000_000, 29_000_000).split("\t")),
                ("7.01.01.2.02", line("", "Keuangan", 30_000_000, 29_000_000).split("\t")),
                ("7.01.01.2.02.0001", line("1", "Gaji", 30_000_000, 29_000_000).split("\t")),
            )
        ),
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == ["program", "kegiatan", "sub_kegiatan"]
    assert document.budget["3.8"].structure == "code"
    assert not [finding for finding in findings if finding.code == "S002"]


def test_a_parent_that_does_not_add_up_is_named_by_s002_and_found_by_b101(tmp_path):
    """One figure that adds up confirms the structure (the other may be a typo); here neither does, so the
    guessed hierarchy is not sure and B101 is a warning, not an error."""
    lines = [
        HEADER,
        line("", "PROGRAM PENUNJANG URUSAN", 31_000_000, 28_000_000, bold=True),
        line("1", "Penyediaan gaji", 10_000_000, 10_000_000),
        line("2", "Penyediaan alat tulis", 20_000_000, 19_000_000),
    ]
    document, findings = read(book(tmp_path, lines))
    guessed = next(finding for finding in findings if finding.code == "S002")
    assert guessed.severity.value == "warning" and "baris 2;" in guessed.message("id")
    assert ("B101", "C2") not in errors(findings)
    assert ("B101", "warning") in [(f.code, f.severity.value) for f in findings if f.ref is not None and f.ref.a1 == "C2"]


def test_an_upper_case_program_without_the_word_among_named_programs(tmp_path):
    lines = [
        HEADER,
        line("", "PROGRAM PENUNJANG URUSAN", 30_000_000, 29_000_000, bold=True),
        line("1", "Penyediaan gaji", 10_000_000, 10_000_000),
        line("2", "Penyediaan alat tulis", 20_000_000, 19_000_000),
        line("", "PELAYANAN PUBLIK", 5_000_000, 5_000_000, bold=True),
        line("3", "Perizinan non usaha", 5_000_000, 5_000_000),
    ]
    document, findings = read(book(tmp_path, lines))
    assert [level for _, level in levels(document)] == ["program", "sub_kegiatan", "sub_kegiatan", "program", "sub_kegiatan"]
    assert errors(findings) == []
