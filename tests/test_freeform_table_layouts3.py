"""Three real table layouts, each built here as an office types it (figures as text, as printed), with one
mistake of the real table, and a variant that takes away what makes the reading sure:

- Tabel 3.7 per jenis belanja without a JUMLAH (Diskanlaut Jawa Barat 2016, p.22): "1. BELANJA TIDAK LANGSUNG"
  over lines "a." to "g.", "2. BELANJA LANGSUNG" over "a." to "c.".
- An APBN Tabel 3.7 whose labels name their level: Satker > Program > Kegiatan (Disbun Jawa Barat 2016, p.74).
- An "analisis program/kegiatan" table captioned 3.7: indicators with target, realisasi and capaian beside their
  program's Keuangan (Pagu | Realisasi | Capaian %) (Bappeda Jawa Barat 2016, pp.43-46).

The published copies of the real tables are in tests/corpus/published/ (precision corpus); these are smaller.
"""

from __future__ import annotations

from openpyxl import Workbook

from lkjip_xl.numbers import Kind, Quantity, parse
from pasted import read


def _book(tmp_path, rows: list[list[object]], name: str = "book.xlsx", merges: tuple[str, ...] = ()):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    path = tmp_path / name
    workbook.save(path)
    return path


def _errors(findings) -> set[tuple[str, str]]:
    return {(f.code, f.ref.a1) for f in findings if f.severity.value == "error" and f.ref is not None}


# -- Tabel 3.7 per jenis belanja, groups numbered 1. / 2. over lettered lines, no JUMLAH -------------------

JENIS_BELANJA = [
    ["Tabel 3.7"],
    ["Realisasi Belanja Dinas"],
    [],
    ["No.", "Belanja Dinas", "Anggaran Tahun 2016", "Realisasi Tahun 2016", "%"],
    [None, None, "(Rp)"],
    ["1.", "BELANJA TIDAK LANGSUNG", "1.000.000.000,00", "900.000.000,00", "90,00"],
    [None, "a. Belanja Pegawai", "1.000.000.000,00", "900.000.000,00", "90,00"],
    [None, "b. Belanja Hibah", "0,00", "0,00", "0,00"],
    ["2.", "BELANJA LANGSUNG", "600.000.000,00", "570.000.000,00", "95,00"],  # realisasi: lines add to 450.000.000
    [None, "a. Belanja Pegawai", "100.000.000,00", "50.000.000,00", "50,00"],
    [None, "b. Belanja Barang dan Jasa", "300.000.000,00", "250.000.000,00", "83,33"],
    [None, "c. Belanja Modal", "200.000.000,00", "150.000.000,00", "75,00"],
]


def test_numbered_groups_without_a_jumlah_are_checked_against_their_lines(tmp_path):
    document, findings = read(_book(tmp_path, JENIS_BELANJA))
    table = document.budget["3.7"]
    assert [row.name for row in table.rows if row.children] == ["BELANJA TIDAK LANGSUNG", "BELANJA LANGSUNG"]
    assert _errors(findings) == {("B102", "D9")}  # 570.000.000 against 450.000.000; its 95,00 follows from it


def test_a_unit_row_under_the_header_is_header_not_a_line(tmp_path):
    document, _ = read(_book(tmp_path, JENIS_BELANJA))
    roles = {row.row: row.role for row in document.readings["3.7"].rows}
    assert (roles[4], roles[5], roles[6]) == ("judul kolom", "judul kolom", "data")


def test_groups_that_look_like_their_lines_are_not_taken_for_groups(tmp_path):
    """Without numbering or upper case setting them apart, a row equal to the rows after it proves nothing."""
    rows = [list(row) for row in JENIS_BELANJA]
    for row in rows[5:]:
        if len(row) > 1:
            row[0] = None
            row[1] = row[1].title().removeprefix("A. ").removeprefix("B. ").removeprefix("C. ")
    document, findings = read(_book(tmp_path, rows))
    assert not any(row.children for row in document.budget["3.7"].rows)
    assert not {code for code, _ in _errors(findings)} & {"B101", "B102"}


# -- Satker > Program > Kegiatan named by their labels --------------------------------------------------

APBN = [
    ["Tabel 3.7"],
    ["Pagu dan Realisasi Program/Kegiatan APBN"],
    [None, "PROGRAM/ KEGIATAN/ URAIAN", "Jumlah Anggaran", "Realisasi Keuangan", None],
    [None, None, None, "(Rp)", "(%)"],
    [None, "TOTAL", "1.300.000.000", "1.100.000.000", "84,62"],
    [None, "Satker Dinas Perkebunan (05) Ditjen Perkebunan", "1.000.000.000", "850.000.000", "85,00"],
    [None, "Program Peningkatan Produksi Tanaman Perkebunan", "1.000.000.000", "850.000.000", "85,00"],
    ["1", "Kegiatan Pengembangan Tanaman Tahunan (TP)", "600.000.000", "500.000.000", "83,33"],
    ["2", "Kegiatan Dukungan Perlindungan Perkebunan (TP)", "400.000.000", "300.000.000", "75,00"],
    [None, "Satker Dinas Perkebunan (08) Ditjen PSP", "300.000.000", "250.000.000", "83,33"],
    [None, "Program Penyediaan Prasarana dan Sarana Pertanian", "300.000.000", "250.000.000", "83,33"],
    ["1", "Kegiatan Perluasan Areal (TP)", "100.000.000", "100.000.000", "100,00"],
    ["2", "Kegiatan Dukungan Manajemen Ditjen PSP", "200.000.000", "150.000.000", "75,00"],
]


def test_satker_program_kegiatan_from_the_labels_words(tmp_path):
    document, findings = read(_book(tmp_path, APBN, merges=("D3:E3",)))
    table = document.budget["3.7"]
    assert [len(row.children) for row in table.rows] == [1, 2, 0, 0] * 2
    assert [row.level_word for row in table.rows] == ["satker", "program", "kegiatan", "kegiatan"] * 2
    # Program 1's realisasi 850.000.000 against its kegiatan's 800.000.000: the satker above repeats it (follows).
    found = {(f.code, f.ref.a1): f for f in findings if f.severity.value == "error"}
    assert set(found) == {("B102", "D7")}
    assert "program \"Program Peningkatan" in found[("B102", "D7")].message()


def test_a_program_repeating_its_satkers_figures_is_no_copied_percentage(tmp_path):
    """The satker's one program has its figures, so its percentage too: a wrong % is wrong on each row (B105),
    not "copied from the parent" (B113)."""
    rows = [list(row) for row in APBN]
    rows[5][4] = rows[6][4] = "86,00"  # 850.000.000 / 1.000.000.000 = 85,00
    rows[6][3] = rows[5][3] = "850.000.000"
    rows[7][3], rows[7][4] = "550.000.000", "91,67"  # the kegiatan add up again
    _, findings = read(_book(tmp_path, rows, merges=("D3:E3",)))
    assert _errors(findings) == {("B105", "E6"), ("B105", "E7")}


def test_labels_without_a_level_above_the_program_keep_the_old_reading(tmp_path):
    rows = [row for row in APBN if not (len(row) > 1 and str(row[1]).startswith("Satker"))]
    document, _ = read(_book(tmp_path, rows, merges=("D3:E3",)))
    assert not any(row.level_word for row in document.budget["3.7"].rows)


# -- An analysis table captioned 3.7: performance against budget --------------------------------------

ANALISIS = [
    ["Tabel 3.7."],
    ["Analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan pencapaian pernyataan kinerja"],
    ["No", "Sasaran", "Indikator", "Tahun 2016", None, None, None, "Nama Progam", "Keuangan", None, None],
    [None, None, None, "Satuan", "Target", "Realisasi", "Capaian %", None, "Pagu", "Realisasi", "Capaian %"],
    ["1", "Meningkatnya kinerja perencanaan", "Tingkat kesesuaian perencanaan", "Persen", "85,00", "87,50", "102,94",
     "Program Perencanaan", "2,223,750,000", "2,138,872,676", "96,45"],  # 96,18
    [None, None, "Persentase SDM perencana", "Persen", "31,00", "33,33", "106,25",  # 107,52
     "Program Pengembangan Kompetensi", "1,790,000,000", "1,584,085, 700", "88,50"],
]


def test_an_analysis_table_captioned_3_7_is_checked_as_performance_against_budget(tmp_path):
    document, findings = read(_book(tmp_path, ANALISIS, merges=("D3:G3", "I3:K3")))
    assert "3.5" in document.readings and "3.7" not in document.readings
    columns = {column.letter: column.meaning for column in document.readings["3.5"].columns}
    assert (columns["I"], columns["J"], columns["K"]) == ("anggaran", "realisasi_rp", "serapan")
    assert _errors(findings) == {("K110", "K5"), ("K101", "G6")}
    # 1,584,085, 700 is read as 1.584.085.700 (88,50 holds) and said once, as a warning.
    (malformed,) = [f for f in findings if f.ref is not None and f.ref.a1 == "J6"]
    assert (malformed.code, malformed.severity.value, malformed.reported) == ("N004", "warning", 1_584_085_700)


def test_a_space_after_a_separator_is_the_figure_without_it():
    parsed = parse("1,584,085, 700", Quantity.MONEY)
    assert (parsed.kind, parsed.value, parsed.sure_repair) == (Kind.MALFORMED, 1_584_085_700, True)
    assert parse("1.584.085. 700", Quantity.MONEY).value == 1_584_085_700
    # Mixed separators, or a group that is not whole, have no one reading.
    assert not parse("1.584, 700", Quantity.MONEY).sure_repair
    assert parse("12, 5", Quantity.MONEY).kind is Kind.INVALID
    assert parse("11.805.00 0", Quantity.MONEY).kind is Kind.INVALID


# -- a category judged against a scale nobody set ------------------------------------------------------


def test_a_category_against_the_default_scale_is_a_warning_and_an_error_once_the_scale_is_set(tmp_path):
    """Diskanlaut's own Tabel 3.1 ends at "< 55 Kurang": its "Kurang" for a 0,14 % capaian is right there, and
    "Sangat Kurang" only on the default scale. Set by the officer, the scale makes the category sure."""
    import json

    from conftest import run_cli

    path = _book(tmp_path, [
        ["Tabel 3.2"],
        ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori"],
        ["1", "Produksi Garam", "%", "105", "0,15", "0,14", "Kurang"],
        ["2", "Produksi Olahan", "%", "110", "125", "113,64", "Sangat Baik"],
    ])
    default = json.loads(run_cli("validate", path, "--format", "json").stdout)
    assert [(f["code"], f["severity"]) for f in default["findings"] if f["code"] == "K104"] == [("K104", "warning")]
    config = tmp_path / "lkjip.toml"
    config.write_text('skala_kategori = "Tabel 3.1"\n')
    chosen = json.loads(run_cli("validate", path, "--format", "json", "--config", config).stdout)
    assert [(f["code"], f["severity"]) for f in chosen["findings"] if f["code"] == "K104"] == [("K104", "error")]
