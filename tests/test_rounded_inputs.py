"""A capaian printed from figures that are themselves printed rounded (issue 17, Bappeda 2016 Tabel 3.2): one
policy for a workbook's text figures and a document's (where every figure is text).

A figure typed or printed as text shows only its decimals: "0,09" may be 0,085 to 0,095. A capaian is wrong
(K101) only when no target and realisasi printing as shown give it; otherwise it is a K118 warning. A figure
stored as a number is the whole figure: the capaian is computed from it as it is.
"""

from __future__ import annotations

from openpyxl import Workbook

from documents import word_table
from pasted import read

from lkjip_xl.document.check import check_document

HEADER = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"]


def _workbook(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Tabel 3.2"
    for r, row in enumerate([HEADER, *rows], start=3):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, float):
                cell.number_format = "0.00"
    workbook.save(path)
    return path


def _capaian(findings):
    return sorted((f.code, f.severity.value, f.ref.a1, f.reported) for f in findings if f.code in ("K101", "K118"))


def test_text_figures_printed_rounded_give_a_warning_not_an_error(tmp_path):
    rows = [
        # 0,17 / 0,09 = 188,89; 0,1745 / 0,0924 print the same and give 188,85..: 173,68 to 205,88 holds 188,90.
        [1, "Persentase aparatur bersertifikat", "Persen", "0,09", "0,17", "188,90"],
        # 33,33 / 31,00 = 107,52; figures printing the same give 107,48 to 107,55: 106,25 is wrong.
        [2, "Persentase SDM perencana", "Persen", "31,00", "33,33", "106,25"],
        # 35,34 / 20 = 176,70; 35,344 / 20 = 176,72 prints the same (Diskanlaut 2016 Tabel 3.2).
        [3, "Penurunan kasus pelanggaran", "%", "20", "35,34", "176,72"],
    ]
    _, findings = read(_workbook(tmp_path / "teks.xlsx", rows))
    assert _capaian(findings) == [
        ("K101", "error", "F5", 106.25), ("K118", "warning", "F4", 188.9), ("K118", "warning", "F6", 176.72)
    ]
    warning = next(f for f in findings if f.code == "K118" and f.ref.a1 == "F4")
    assert "188,89" in warning.message("id") and "173,68" in warning.message("id") and "205,88" in warning.message("id")


def test_figures_stored_as_numbers_are_whole_figures(tmp_path):
    # Stored as numbers (shown with two decimals), 0.09 and 0.17 are all there is: 188,89, not 189,5. Typed
    # as text, the same figures may stand for 0,0924 and 0,1751, which give 189,5.
    numbers = [[1, "Persentase aparatur bersertifikat", "Persen", 0.09, 0.17, 189.5]]
    _, findings = read(_workbook(tmp_path / "angka.xlsx", numbers))
    assert _capaian(findings) == [("K101", "error", "F4", 189.5)]
    texts = [[1, "Persentase aparatur bersertifikat", "Persen", "0,09", "0,17", "189,5"]]
    _, findings = read(_workbook(tmp_path / "teks.xlsx", texts))
    assert _capaian(findings) == [("K118", "warning", "F4", 189.5)]


def test_a_document_table_follows_the_same_policy(tmp_path):
    rows = [HEADER, ["1", "Persentase aparatur bersertifikat", "Persen", "0,09", "0,17", "188,90"],
            ["2", "Persentase SDM perencana", "Persen", "31,00", "33,33", "106,25"]]
    path = word_table(tmp_path / "tabel32.docx", rows, before=["Tabel 3.2 Capaian Kinerja"])
    found = {(f.code, f.severity.value, f.reported) for f in check_document(path).findings if f.code in ("K101", "K118")}
    assert found == {("K118", "warning", 188.9), ("K101", "error", 106.25)}
