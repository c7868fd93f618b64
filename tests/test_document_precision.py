"""Precision on printed reports (issue 17 under issue 11's policy): what the document checker may call an error.

Word tables written with python-docx and read back through the document checker (figures as typed), and template
workbooks through the workbook checker. Each case is a cause of false errors seen on tests/corpus/reports.
"""

from __future__ import annotations

from documents import word_table
from test_performance_checks import check, codes, ind

from lkjip_xl.document.check import check_document
from lkjip_xl.document.convention import AMERICAN, INDONESIAN, read_ambiguous
from lkjip_xl.indicators import family

HEADER = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"]


def _found(path, code):
    return [(f.severity.value, f.reported) for f in check_document(path).findings if f.code == code]


def _errors(path):
    return {(f.code, f.reported) for f in check_document(path).findings if f.severity.value == "error"}


# -- the number convention, settled by the table's or the document's unambiguous figures ----------------------


def test_an_ambiguous_figure_is_read_in_the_convention_the_other_figures_show(tmp_path):
    # Disperindag 2016 prints American figures: "2,500" is 2.500 units there (2600 / 2500 = 104.00), as "12.5"
    # and "104.00" show; "1,250" beside Indonesian "1,3" and "104,00" is 1,25.
    american = word_table(tmp_path / "us.docx", [HEADER, ["1", "Jumlah unit usaha", "Unit", "2,500", "2600", "104.00"],
                                                 ["2", "Nilai ekspor", "%", "12.5", "15", "120.00"]],
                          before=["Tabel 3.2 Capaian Kinerja"])
    indonesian = word_table(tmp_path / "id.docx", [HEADER, ["1", "Nilai produksi", "%", "1,250", "1,3", "104,00"],
                                                   ["2", "Nilai ekspor", "%", "12,5", "15", "120,00"]],
                            before=["Tabel 3.2 Capaian Kinerja"])
    for path in (american, indonesian):
        assert _found(path, "N003") == [] and _errors(path) == set(), path.name
    assert read_ambiguous("202,955", AMERICAN) == 202955 and read_ambiguous("203.955", AMERICAN) == 203.955
    assert read_ambiguous("1,309", INDONESIAN) == 1.309 and read_ambiguous("1.309", INDONESIAN) == 1309
    assert read_ambiguous("1,309,000", AMERICAN) is None  # not ambiguous: left as printed


def test_an_ambiguous_figure_nothing_settles_is_never_an_error_on_a_document(tmp_path):
    # Both conventions in the table ("50.00" and "1,3"): "1,250" reads either way and the row holds under neither.
    path = word_table(tmp_path / "mixed.docx", [HEADER, ["1", "Nilai produksi", "%", "1,250", "1,3", "50.00"],
                                                ["2", "Nilai ekspor", "%", "10", "5", "50,00"]],
                      before=["Tabel 3.2 Capaian Kinerja"])
    assert ("warning", None) in _found(path, "N003")
    assert not [f for f in check_document(path).findings if f.code == "N003" and f.severity.value == "error"]


# -- which indicator is the satisfaction index --------------------------------------------------------------


def test_ikm_after_another_noun_is_industri_kecil_menengah():
    for name in ("IKM", "Nilai IKM", "Indeks Kepuasan Masyarakat (IKM)", "Hasil Survei IKM", "Nilai SKM"):
        assert family(name) == "ikm", name
    for name in ("Peningkatan Nilai Produksi IKM", "Peningkatan Jumlah unit usaha IKM", "Jumlah SDM IKM yang bersertifikat"):
        assert family(name) is None, name


def test_a_count_of_small_industries_is_no_ikm_out_of_scale(tmp_path):
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Peningkatan Jumlah SDM IKM yang bersertifikat", 2500, 2285, capaian=0.914)])
    assert "K121" not in [code for code, _ in codes(found)]


# -- K103: a capaian without a target -------------------------------------------------------------------------


def test_a_zero_target_met_is_100_percent_by_convention(tmp_path):
    met = check(tmp_path, name="a.xlsx", indicators=[ind(1, "IKU-01", "Tingkat keterlambatan pelaporan", 0, 0, capaian=1.0)])
    assert "K103" not in [f.code for f in met]
    # In the template the columns are certain: a figure where no capaian can be computed stays an error.
    copied = check(tmp_path, name="b.xlsx", indicators=[ind(1, "IKU-01", "Jumlah dokumen perencanaan", 0, 2, capaian=0.02)])
    assert [f.severity.value for f in copied if f.code == "K103"] == ["error"]


def test_a_zero_target_where_lower_is_better_leaves_the_capaian_to_the_offices_convention(tmp_path):
    # Disnak 2016 p.21: "- Rabies | kasus/ tahun | 0 | 2 | 92,59": a zero-case target is a real one; its unit says
    # lower is better as its name would.
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Rabies", 0, 2, satuan="Kasus/tahun", polaritas=None, capaian=0.9259)])
    assert [f.severity.value for f in found if f.code == "K103"] == ["warning"]


def test_a_capaian_without_a_target_in_a_printed_table_is_a_warning(tmp_path):
    # BPLHD 2016 Tabel 3.3: the reader takes a column of figures for the capaian where no target stands beside it.
    path = word_table(tmp_path / "t.docx", [HEADER, ["1", "Jumlah dokumen", "Dok", "", "6", "6"],
                                            ["2", "Nilai ekspor", "%", "12,5", "15", "120,00"]],
                      before=["Tabel 3.2 Capaian Kinerja"])
    assert _found(path, "K103") == [("warning", 6.0)]


def test_lower_is_better_by_name_with_nothing_happened_is_no_error(tmp_path):
    # Disperindag 2016: "Tingkat keterlambatan pelaporan" target 2, realisasi 0, printed 1000: target / realisasi has
    # no value, and no formula is stated; what the office prints there is its convention.
    found = check(tmp_path, indicators=[ind(1, "IKU-01", "Tingkat keterlambatan pelaporan", 2, 0, polaritas=None, capaian=10.0)])
    assert [f.severity.value for f in found if f.code == "K101"] == ["warning"]


# -- which column is the capaian ------------------------------------------------------------------------------


def test_a_percentage_of_the_budget_is_the_serapan_not_the_capaian(tmp_path):
    # Disperindag 2016 Tabel 3.5: 94.69 is the realisasi anggaran, 5.31 = 100 - 94.69 the efficiency.
    rows = [["No", "Indikator Kinerja", "Sat", "Target", "Realisasi", "Anggaran (Rp.)", "Realisasi Anggaran (%)", "Tingkat Efisiensi"],
            ["1", "Jumlah eksportir", "Eksportir", "125", "208", "1,855,000,000", "94.69", "5.31"],
            ["2", "Cakupan pengawasan barang beredar", "%", "1.5", "10.90", "1,000,000,000", "88.81", "11.19"]]
    path = word_table(tmp_path / "t35.docx", rows, before=["Tabel 3.5 Efisiensi Penggunaan Sumber Daya"])
    assert {code for code, _ in _errors(path)} == set()


def test_a_capaian_printed_before_the_target_is_another_years(tmp_path):
    # Biro Organisasi 2016 Tabel 10 (p.24), its year over Target | Realisasi not read: "Capaian Tahun 2015" comes
    # before them, "%" over "Realisasi" after them is the capaian. 78,57 / 95 = 82,71: 31,57 is wrong.
    rows = [["No", "Indikator", "Capaian Tahun 2015", "Target", "Realisasi", "%", "Target Akhir", "Capaian terhadap Renstra (%)"],
            ["", "", "", "", "", "Realisasi", "Renstra", ""],
            ["1", "Jumlah rekomendasi", "1", "1", "2", "200", "1", "200"],
            ["2", "Prosentase pegawai", "30", "95", "78,57", "31,57", "100", "78,57"]]
    path = word_table(tmp_path / "t10.docx", rows, before=["Tabel 10 Pencapaian Kinerja"])
    assert _errors(path) == {("K101", 31.57)}
