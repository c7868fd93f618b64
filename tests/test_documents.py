"""Reports as offices submit them (issue 17): a Word file and a PDF go through the workbook's pipeline.

The seed report made into a Word document gives the example workbook's table findings, each placed at its
table and printed row; scanned PDFs and Word 97-2003 files are refused with their own reasons.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLE, run_cli
from documents import scanned_pdf, seed_docx, word97_doc, word_table
from pasted import finding_keys, freeform_only, paired_cells, read

from lkjip_xl.checks import run_checks
from lkjip_xl.document.check import SPREADSHEET_ONLY, check_document, load_document
from lkjip_xl.validate import read_document


@pytest.fixture(scope="module")
def example():
    return read(EXAMPLE)


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return seed_docx(tmp_path_factory.mktemp("seed") / "LKjIP Kecamatan Jati 2024.docx")


def test_the_seed_as_a_word_file_gives_the_examples_table_findings(example, seed):
    template_document, template_findings = example
    snapshot = load_document(seed)
    document, findings = read_document(snapshot)
    findings += run_checks(document)
    assert document.tables == ["3.2", "3.3", "3.5", "3.7", "3.8"]
    mapping = paired_cells(template_document, document)
    expected = finding_keys([f for f in template_findings if f.code not in SPREADSHEET_ONLY], mapping)
    assert len(expected) == 51
    assert finding_keys([f for f in findings if not freeform_only(f) and f.code not in SPREADSHEET_ONLY]) == expected


def test_word_tables_keep_their_captions_merges_and_place(seed):
    snapshot = load_document(seed)
    captions = [place.caption for place in snapshot.places.values()]
    # As printed: the seed writes "TABEL : 3.7"; its last table (the efficiency notes) has no caption.
    assert captions == ["Tabel 2.3-1", "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5", "Tabel 3.6",
                        "TABEL : 3.7", "TABEL : 3.8", None]
    name, place = next((name, place) for name, place in snapshot.places.items() if place.caption == "TABEL : 3.8")
    sheet = snapshot.sheets[name]
    assert place.paragraph and place.page is None
    # The caption is kept for the findings, not put on the sheet: the table is taken by its header.
    assert all(not sheet.text(row, 1).startswith("TABEL") for row, _ in sheet.rows())
    # The JUMLAH row's first two cells are one Word cell: one merged range, its text once.
    jumlah = next(row for row, _ in sheet.rows() if sheet.text(row, 1).upper() == "JUMLAH")
    assert (jumlah, 1, jumlah, 2) in sheet.merged and sheet.text(jumlah, 2) == ""
    assert place.quotes[jumlah].startswith("JUMLAH | ")


def test_validate_a_word_report_json_text_and_summary_workbook(seed, tmp_path):
    out = tmp_path / "HASIL.xlsx"
    result = run_cli("validate", seed, "--format", "json", "--out", out)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["layout"] == "docx"
    total = next(f for f in report["findings"] if f["code"] == "B112")  # the JUMLAH's selisih, digits swapped
    assert total["table"] == "TABEL : 3.8" and total["checked_as"] == "3.8" and total["page"] is None
    assert total["paragraph"] > 0 and total["quote"].startswith("JUMLAH | ") and "133.546.039" in total["quote"]
    assert (total["reported"], total["expected"]) == (133546039, 106628839)
    summary = load_workbook(out, read_only=True)["Ringkasan Validasi"]
    rows = [row for row in summary.iter_rows(values_only=True)]
    assert any(row[3] == "TABEL : 3.8" and row[5] and "133.546.039" in row[5] for row in rows)
    text = run_cli("validate", seed)
    assert text.returncode == 1
    assert "TABEL : 3.8" in text.stdout and "tercetak: «JUMLAH | " in text.stdout


def test_a_scanned_pdf_is_refused_and_asks_for_the_word_file(tmp_path):
    result = run_cli("validate", scanned_pdf(tmp_path / "LKjIP scan.pdf"), "--format", "json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["reason"] == "scanned_pdf" and ".docx" in error["message"] and "Traceback" not in result.stderr


def test_a_word_97_file_is_refused_and_asks_for_docx(tmp_path):
    result = run_cli("validate", word97_doc(tmp_path / "LKjIP.doc"), "--format", "json", "--lang", "en")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["reason"] == "legacy_doc" and "Word Document (.docx)" in error["message"]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "corrupt"),  # cut off after its first bytes
        (b"%PDF-1.7\n" + b"\x00" * 2000, "corrupt"),
    ],
)
def test_a_damaged_pdf_is_a_message_not_a_traceback(tmp_path, content, reason):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(content)
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["error"]["reason"] in (reason, "scanned_pdf") and "Traceback" not in result.stderr


def test_batch_over_a_folder_mixing_workbooks_and_reports(seed, tmp_path):
    import shutil

    folder = tmp_path / "kiriman"
    folder.mkdir()
    shutil.copy(seed, folder / "laporan.docx")
    shutil.copy(EXAMPLE, folder / "contoh.xlsx")
    word97_doc(folder / "lama.doc")
    result = run_cli("batch", folder, "--jobs", "1", "--json-dir", tmp_path / "json")
    assert result.returncode == 2, result.stdout + result.stderr  # the .doc cannot be checked
    reports = {path.name: json.loads(path.read_text()) for path in (tmp_path / "json").glob("*.json")}
    docx = next(report for name, report in reports.items() if "laporan" in name)
    assert docx["layout"] == "docx" and docx["counts"]["error"] > 0
    assert any(f.get("quote") for f in docx["findings"])
    doc = next(report for name, report in reports.items() if "lama" in name)
    assert doc["error"]["reason"] == "legacy_doc"


def test_reading_a_pdf_is_bounded_in_time_and_says_which_pages_were_not_read(monkeypatch):
    from pathlib import Path

    from lkjip_xl.document import pdf

    path = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs" / "jabar16-kesbangpol-3. LKIP 2016 (Draft).pdf"
    if not path.exists():
        import os

        assert os.environ.get("CI") != "true", path
        pytest.skip("realdocs not here")
    class Clock:  # a second per page read, whatever the machine: the bound stops the reading at page 28
        now = 0.0

        def monotonic(self) -> float:
            self.now += 1.0
            return self.now

    monkeypatch.setattr(pdf, "time", Clock())
    monkeypatch.setattr(pdf, "READ_SECONDS", 26.0)
    report = check_document(path)
    unread = [f for f in report.findings if f.code == "F021"]
    assert len(unread) == 1 and unread[0].severity.value == "info"
    assert unread[0].place.page == 28 and "Halaman 28 dan seterusnya tidak dibaca" in unread[0].message("id")
    # The pages before the bound were checked: Tabel 3.7's wrong realisasi (p. 27) is still found.
    assert any(f.code == "B117" and f.place.page == 27 for f in report.findings)


def test_a_sentence_whose_percentage_contradicts_its_own_figures_is_an_error(tmp_path):
    import docx

    document = docx.Document()
    sentences = [
        # 1.235.580.918 / 1.250.000.000 = 98,85 %, printed 99,17: the one error.
        "Kegiatan ini dengan alokasi anggaran sebesar Rp. 1.250.000.000,- realisasi anggaran sebesar "
        "Rp. 1.235.580.918,- (99,17 %) dan realisasi fisik 100%.",
        # Right: 96,8125 rounds to 96,81; truncated at the printed decimals is accepted too (93,095 -> 93,09).
        "Alokasi anggaran Rp 160.000.000 dengan realisasi Rp 154.900.000 atau 96,81%.",
        "pagu anggaran Rp 200.000.000,00 terealisasi sebesar Rp 186.190.000,00 atau 93,09 %.",
        # The seed's sentence: 7,67 % is of the efficiency amount, not of the realisation: not read.
        "Anggaran, dari alokasi Anggaran sebesar Rp 2.000.000.000,- terrealisasi sebesar Rp. 1.866.543.961 "
        "sehingga terdapat efisiensi anggaran sebesar Rp. 133.546.039 atau 7,67 %",
    ]
    for sentence in sentences:
        document.add_paragraph(sentence)
    table = document.add_table(rows=3, cols=4)  # a report has its tables too: this one is checked as usual
    for r, cells in enumerate([["Uraian", "Anggaran", "Realisasi", "%"], ["Belanja", "100", "90", "90"], ["JUMLAH", "100", "90", "90"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "narasi.docx"
    document.save(str(path))
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode == 1, result.stderr
    narrative = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "D001"]
    assert len(narrative) == 1
    finding = narrative[0]
    assert (finding["reported"], round(finding["expected"], 2)) == (99.17, 98.85)
    assert finding["paragraph"] == 1 and finding["page"] is None and "Rp. 1.235.580.918" in finding["quote"]
    assert "98,85%" in finding["message"] and "99,17%" in finding["message"]


def _errors(path):
    return {(f.code, f.reported, None if f.expected is None else round(f.expected, 2))
            for f in check_document(path).findings if f.severity.value == "error"}


def test_last_years_capaian_is_not_taken_for_this_years(tmp_path):
    # Bappeda 2016 Tabel 3.5 (pp. 35-37): "Capaian Tahun Lalu 2015" before "Tahun 2016 / Target | Realisasi |
    # Realisasi %": the capaian of the 2016 target is "Realisasi %", last year's figure is no capaian of it.
    rows = [
        ["No", "Indikator", "Capaian Tahun Lalu 2015", "Tahun 2016", "", "", "Target Akhir Renstra"],
        ["", "", "", "Target", "Realisasi", "Realisasi %", ""],
        ["1", "Tingkat keselarasan rencana tata ruang", "87", "75", "100", "133,33", "85"],
        ["2", "Tingkat konsistensi pelaksanaan", "80", "90", "82,00", "91,11", "90"],
        # 33,33 / 31,00 = 107,516...: 106,25 is wrong (the table is checked, on its own capaian column).
        ["3", "Persentase SDM perencana", "27,50", "31,00", "33,33", "106,25", "35"],
    ]
    merges = [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 6), (1, 7, 2, 7)]
    path = word_table(tmp_path / "tabel35.docx", rows, merges, before=["Tabel 3.5 Perbandingan Realisasi Kinerja"])
    assert _errors(path) == {("K101", 106.25, 107.52)}


def test_a_group_word_over_the_header_and_column_numbers_repeated_in_the_body(tmp_path):
    # RSUD Al Ihsan 2016 Tabel 10 (pp.26-29): "Anggaran" alone over "Sebelum Perubahan (2) | Setelah Perubahan
    # (3)", the column numbers typed into the header and repeated at the top of each page without it.
    rows = [
        ["", "Anggaran", "", "", ""],
        ["Program / Kegiatan (1)", "Sebelum Perubahan (2)", "Setelah Perubahan (3)", "Realisasi Anggaran (4)", "Realisasi % (5)"],
        ["Program Pemeliharaan Sarana dan Prasarana Aparatur", "", "", "", ""],
        # 6.313.697.077 / 17.786.250.000 (after the change) = 35,4976 -> 35,50: 39,50 is wrong.
        ["Kegiatan Pemeliharaan Sarana dan Prasarana Kantor", "19.000.000.000", "17.786.250.000", "6.313.697.077", "39,50"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["Program Peningkatan Pengembangan Sistem Pelaporan", "", "", "", ""],
        ["Kegiatan Audit Independent Laporan Keuangan", "95.000.000", "95.000.000", "78.442.125", "82,57"],
        # 6.392.139.202 / 17.881.250.000 = 35,7475 -> 35,75.
        ["Total", "19.095.000.000", "17.881.250.000", "6.392.139.202", "35,75"],
    ]
    path = word_table(tmp_path / "tabel10.docx", rows, before=["Tabel 10 Realisasi Keuangan"])
    assert _errors(path) == {("B105", 39.5, 35.5)}


def test_figures_stacked_in_one_cell_are_said_not_checked(tmp_path):
    # Two indicators typed into one row, their figures one under the other in each cell ("85" over "75"):
    # no figure of the row can be paired with certainty. Said once (F023, info), never read as one figure.
    rows = [
        ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        ["1", "Tingkat kesesuaian perencanaan; Persentase usulan yang sesuai", "Persen", "85\n75", "87,50\n75,40", "102,94\n100,53"],
        ["2", "Tingkat keselarasan rencana tata ruang", "Persen", "75,00", "100,00", "133,33"],
        ["3", "Persentase SDM perencana", "Persen", "31,00", "33,33", "106,25"],  # 107,52: the table is checked
    ]
    path = word_table(tmp_path / "bertumpuk.docx", rows, before=["Tabel 3.2 Capaian Kinerja"])
    findings = check_document(path).findings
    assert _errors(path) == {("K101", 106.25, 107.52)}
    stacked = [f for f in findings if f.code == "F023"]
    assert len(stacked) == 1 and stacked[0].severity.value == "info" and "85 75" in stacked[0].message("id")
    assert not [f for f in findings if f.code.startswith("N") and f.ref and f.ref.row == stacked[0].ref.row]


def test_the_jumlah_of_a_count_table(tmp_path):
    # Cimahi Renstra 2017-2022 pendidikan table: 5 + 2 + 1 + 1 + 4 + 6 + 6 + 1 + 1 + 1 + 2 + 1 + 1 + 2 + 3 + 1 = 38,
    # "JUMLAH 40 orang". Its golongan table (1 + 3 + 6 + 4 + 12 + 8 + 3 + 3 = 40) is right.
    def counts(name, figures, total, label="JUMLAH"):
        rows = [["No", "Tingkat Pendidikan", "Jumlah Orang"]]
        rows += [[f"{index}.", f"Jurusan {index}", f"{figure} orang"] for index, figure in enumerate(figures, start=1)]
        rows.append([label, "", f"{total} orang"])
        budget = [["Uraian", "Anggaran", "Realisasi", "%"], ["Belanja", "100", "90", "90"], ["JUMLAH", "100", "90", "90"]]
        return check_document(word_table(tmp_path / name, rows, [(len(rows), 1, len(rows), 2)], more=[budget]))

    wrong = [f for f in counts("pendidikan.docx", [5, 2, 1, 1, 4, 6, 6, 1, 1, 1, 2, 1, 1, 2, 3, 1], 40).findings if f.code == "T001"]
    assert [(f.severity.value, f.reported, f.expected, f.ref.a1) for f in wrong] == [("error", 40, 38, "C18")]
    assert "40 orang" in wrong[0].message("id") and "38 orang" in wrong[0].message("id")
    assert not [f for f in counts("golongan.docx", [1, 3, 6, 4, 12, 8, 3, 3], 40, "Total Jumlah PNS").findings if f.code == "T001"]
    # More than the Jumlah: some rows may be details of others, which no count table says: a warning.
    over = [f for f in counts("lebih.docx", [10, 4, 6, 5], 15).findings if f.code == "T001"]
    assert [(f.severity.value, f.expected) for f in over] == [("warning", 25)]


def test_a_category_off_the_assumed_scale_is_a_warning_in_a_report(tmp_path):
    # A report grades on its own scale (Diskanlaut 2016: "Sangat Baik" for 100 %); the default scale (Blora's
    # Tabel 3.1: 100 is "Baik") is an assumption there: K104 is a warning unless skala_kategori is given.
    rows = [["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori"],
            ["1", "Jumlah kawasan konservasi", "Kawasan", "1", "1", "100", "Sangat Baik"],
            ["2", "Konsumsi ikan", "%", "102,00", "110,00", "107,84", "Sangat Baik"]]
    path = word_table(tmp_path / "kategori.docx", rows, before=["Tabel 3.3 Capaian Kinerja"])
    assert [(f.severity.value, f.ref.row) for f in check_document(path).findings if f.code == "K104"] == [("warning", 2)]
    given = check_document(path, {"skala_kategori": "Tabel 3.1"}).findings
    assert [f.severity.value for f in given if f.code == "K104"] == ["error"]


def test_the_years_capaian_under_a_percent_sign_beside_last_year_and_the_end_target(tmp_path):
    # Biro Organisasi Jawa Barat 2016 Tabel 10 (pp.23-24): "Capaian Tahun 2015", then "Tahun 2016 / Target |
    # Realisasi | % Realisasi" ("%" typed over "Realisasi" in its column alone), then the Renstra's end target and
    # the capaian against it; under the rows a mean ("Rata-rata" printed outside the cells).
    rows = [
        ["No", "Sasaran", "Indikator", "Capaian Tahun 2015", "Tahun 2016", "", "", "Target Akhir Renstra",
         "Capaian Tahun 2016 terhadap Target Akhir Renstra (%)"],
        ["", "", "", "", "Target", "Realisasi", "%", "", ""],
        ["", "", "", "", "", "", "Realisasi", "", ""],
        ["1", "Meningkatnya kapasitas", "Jumlah kebijakan", "1", "1", "2", "200", "1", "200"],
        # 78,57 / 95 = 82,705 -> 82,71 (31,57 is near 30 / 95): wrong. 78,57 / 100 = 78,57 against the end target.
        ["7", "Meningkatkan kinerja", "Prosentase OPD nilai CC ke atas", "30", "95", "78,57", "31,57", "100", "78,57"],
        ["", "", "", "", "", "", "102,12", "", "106,52"],
    ]
    merges = [(1, 1, 3, 1), (1, 2, 3, 2), (1, 3, 3, 3), (1, 4, 3, 4), (1, 5, 1, 7), (2, 5, 3, 5), (2, 6, 3, 6),
              (1, 8, 3, 8), (1, 9, 3, 9)]
    path = word_table(tmp_path / "tabel10.docx", rows, merges, before=["Tabel 10 Pencapaian Kinerja Tahun 2016"])
    assert _errors(path) == {("K101", 31.57, 82.71)}
def test_the_seeds_narrative_figures_are_reported_against_its_tables(seed):
    """Issue 17's seed figures: 86,66 (Tabel 3.2 prints 86,86), 102,4 % twice (Tabel 3.3's 2024 capaian is
    101,1; Tabel 3.4's % capaian of 3,44 / 3,96 is 86,86), and the efficiency sentence's Rp 133.546.039 and
    7,67 % (2.000.000.000 - 1.866.543.961 = 133.456.039, which is 6,67 % of the allocation)."""
    result = run_cli("validate", seed, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    against = {(f["reported"], f["expected"]): f for f in findings if f["code"] == "D002"}
    assert set(against) == {(86.66, 86.86), (102.4, 101.1), (102.4, 86.86)}
    for (reported, expected), table in [((86.66, 86.86), "Tabel 3.2"), ((102.4, 101.1), "Tabel 3.3"), ((102.4, 86.86), "Tabel 3.4")]:
        finding = against[(reported, expected)]
        assert finding["severity"] == "warning" and finding["paragraph"] > 0 and finding["page"] is None
        printed = f"{reported:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        assert printed in finding["quote"] and "Kepuasan Masyarakat" in finding["quote"]  # the sentence
        assert table in finding["message"] and "«" in finding["message"]  # the table, its place and its row
    efficiency = {(f["reported"], round(f["expected"], 2)): f for f in findings if f["code"] == "D003"}
    assert set(efficiency) == {(133546039, 133456039), (7.67, 6.67)}
    amount, percent = efficiency[(133546039, 133456039)], efficiency[(7.67, 6.67)]
    for finding in (amount, percent):
        assert finding["severity"] == "error" and "Rp. 133.546.039 atau 7,67 %" in finding["quote"]
    # The table rows printing the same figures: the JUMLAH of TABEL : 3.8 and Tabel 3.5's efficiency.
    assert "TABEL : 3.8" in amount["message"] and "«JUMLAH | Rp 2.000.000.000" in amount["message"]
    assert "Tabel 3.5" in percent["message"] and "| 7,67»" in percent["message"]


def _report(tmp_path, paragraphs: list[str], rows: list[list[str]], caption: str = "Tabel 3.7"):
    import docx

    document = docx.Document()
    for paragraph in paragraphs[:1]:
        document.add_paragraph(paragraph)
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
    path = tmp_path / "laporan.docx"
    document.save(str(path))
    return [f for f in check_document(path).findings if f.code.startswith("D")]


_BELANJA = [
    ["No", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
    ["1.", "Belanja Tidak Langsung", "29.958.823.906,00", "29.084.854.694,00", "97,08"],
    ["2.", "Belanja Langsung", "86.414.023.700,00", "81.501.814.214,00", "94,32"],
]


def test_a_budget_sentence_against_the_row_it_names(tmp_path):
    # Diskanlaut 2016 p.21 / Tabel 3.7 p.22: the sentence's realisasi has two digits swapped.
    sentence = ("Belanja Tidak Langsung dialokasikan Rp 29.958.823.906,00 dan direalisasikan sebesar Rp 29.084.854.694,00 "
                "atau 97,08%, sedangkan Belanja Langsung dialokasikan sebesar Rp 86.414.023.700,00 dan dapat "
                "direalisasikan sebesar Rp 81.051.814.214,00 atau 94,32%.")
    findings = [f for f in _report(tmp_path, [sentence], _BELANJA) if f.code == "D002"]
    assert [(f.reported, f.expected) for f in findings] == [(81_051_814_214, 81_501_814_214)]
    assert "Tabel 3.7" in findings[0].message("id") and "Belanja Langsung | 86.414.023.700,00" in findings[0].message("id")


def test_a_budget_sentence_is_matched_only_to_a_row_it_names_and_reads_for_certain(tmp_path):
    sentences = [
        # Names no row ("Kegiatan lain"): the same allocation in a row is not enough.
        "Kegiatan lain dengan alokasi anggaran sebesar Rp 86.414.023.700,00 dan realisasi sebesar Rp 81.051.814.214,00 atau 94,32%.",
        # Names the row, but the row's next amount and the allocation give neither the sentence's nor the row's
        # percentage: the row's columns are not certain (here: the row prints the perubahan, then the realisasi).
        "Belanja Modal dengan alokasi anggaran Rp 1.000.000.000 dan realisasi Rp 900.000.000 atau 90%.",
    ]
    rows = _BELANJA + [["3.", "Belanja Modal", "1.000.000.000", "1.200.000.000", "950.000.000"]]
    assert [f for f in _report(tmp_path, sentences, rows) if f.code == "D002"] == []


def test_an_efficiency_sentence_must_agree_with_itself(tmp_path):
    sentences = [
        "Dari alokasi anggaran sebesar Rp 500.000.000 terealisasi sebesar Rp 450.000.000 sehingga terdapat efisiensi "
        "anggaran sebesar Rp 50.000.000 atau 10 %.",  # right
        "Dari alokasi anggaran sebesar Rp 400.000.000 terealisasi sebesar Rp 380.000.000 sehingga terdapat sisa "
        "anggaran sebesar Rp 20.000.000 atau 6 %.",  # 20 / 400 = 5 %
    ]
    findings = [f for f in _report(tmp_path, sentences, _BELANJA) if f.code == "D003"]
    assert [(f.reported, f.expected, f.severity.value) for f in findings] == [(6.0, 5.0, "error")]


def test_a_count_of_indicators_must_add_up(tmp_path):
    sentences = [
        # Disnakertrans 2016 p.36: 6 + 1 + 4 + 1 = 12, not 11.
        "Berdasarkan data pada Tabel 3.1 terlihat bahwa dari 11 indikator sasaran strategis, sebanyak 6 indikator "
        "tercapai sangat baik (di atas 100%), 1 indikator tercapai baik (80 - 100%), 4 indikator tercapai sedang "
        "(50 - 80%) dan sebanyak 1 indikator tercapai kurang (< 50)",
        "Dari 5 indikator kinerja, 3 indikator tercapai sangat baik dan 2 indikator tercapai baik.",  # right
    ]
    findings = [f for f in _report(tmp_path, sentences, _BELANJA) if f.code == "D004"]
    assert [(f.reported, f.expected, f.severity.value) for f in findings] == [(12, 11, "error")]
    assert "6 + 1 + 4 + 1" in findings[0].message("id")


def test_a_count_of_indicators_per_category_against_the_table_it_names(tmp_path):
    sentence = ("Berdasarkan data pada Tabel 3.1 terlihat bahwa dari 4 indikator sasaran, sebanyak 2 indikator tercapai "
                "sangat baik (di atas 100%), 1 indikator tercapai baik (80 - 100%) dan 1 indikator tercapai sedang (50 - 80%).")
    capaian = [["No", "Indikator", "Target", "Realisasi", "Capaian"],
               ["1", "Indikator A", "10", "15", "150 % (Sangat Baik)"],
               ["2", "Indikator B", "10", "9", "90 % (Baik)"],
               ["3", "Indikator C", "10", "9,5", "95 % (Baik)"],
               ["4", "Indikator D", "10", "6", "60 % (Sedang)"]]
    # The sentence's parts add up (no D004), but the table prints one "Sangat Baik" and two "Baik".
    found = [f for f in _report(tmp_path, [sentence], capaian, caption="Tabel 3.1") if f.code in ("D004", "D006")]
    assert sorted((f.code, f.reported, f.expected) for f in found) == [("D006", 1, 2), ("D006", 2, 1)]
    # A table that does not print a category for every indicator counted is not compared.
    capaian[4][4] = "60 %"
    assert [f for f in _report(tmp_path, [sentence], capaian, caption="Tabel 3.1") if f.code == "D006"] == []


_CAPAIAN_31 = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
               ["1", "Persentase pencari kerja bersertifikat", "0,53%", "0,34 %", "63,36 % (Sedang)"],
               ["2", "Jumlah LPK yang terakreditasi", "30 LPK", "21 LPK", "70 % (Sedang)"],
               ["3", "Persentase penurunan jumlah kecelakaan kerja", "19,14 %", "-7,20 %", "-37,60 %"],
               ["", "", "", "", "(Kurang)"],  # the category wrapped onto a line of its own
               ["4", "Persentase kenaikan UMK", "5%", "14,59 %", "291,80 % (Sangat Baik)"]]


def test_a_count_of_indicators_below_target_against_the_table_it_names(tmp_path):
    # Disnakertrans 2016 p.36: "5 indikator ... kurang dari target" where Tabel 3.1 prints six capaian below 100.
    sentence = "Dari Tabel 3.1 terlihat ada 2 indikator yang realisasinya kurang dari target, yaitu persentase pencari kerja."
    found = [f for f in _report(tmp_path, [sentence], _CAPAIAN_31, caption="Tabel 3.1") if f.code == "D007"]
    assert [(f.reported, f.expected, f.severity.value) for f in found] == [(2, 3, "warning")]
    message = found[0].message("id")
    assert "Tabel 3.1" in message and "3 dari 4 indikatornya: 63,36 %; 70 %; -37,60 %" in message
    assert found[0].place.quote == "Dari Tabel 3.1 terlihat ada 2 indikator yang realisasinya kurang dari target"
    # Said as the table counts: nothing; "melebihi target" counts the capaian above 100.
    agreeing = ["Dari Tabel 3.1 terlihat ada 3 indikator yang tidak mencapai target.",
                "Dari Tabel 3.1 terlihat 1 indikator yang melebihi target."]
    assert [f for f in _report(tmp_path, agreeing, _CAPAIAN_31, caption="Tabel 3.1") if f.code == "D007"] == []


def test_a_count_against_the_target_is_not_compared_with_a_table_not_read_for_certain(tmp_path):
    # Each table below counts two or three capaian under 100, not one: compared, it would be a finding.
    sentence = "Dari Tabel 3.1 terlihat ada 1 indikator yang realisasinya kurang dari target."
    # An indicator without its capaian.
    missing = [list(row) for row in _CAPAIAN_31]
    missing[2][4] = ""
    # Two realisasi columns (2015 and 2016): which one the capaian is of is not certain.
    two_years = [row[:4] + [row[3]] + row[4:] for row in _CAPAIAN_31]
    two_years[0][3:5] = ["Realisasi 2015", "Realisasi 2016"]
    for rows in (missing, two_years):
        assert [f for f in _report(tmp_path, [sentence], rows, caption="Tabel 3.1") if f.code == "D007"] == []
    # Another table named than the one printed.
    assert [f for f in _report(tmp_path, [sentence], _CAPAIAN_31, caption="Tabel 3.2") if f.code == "D007"] == []


def test_an_indicator_sentence_against_the_row_it_names_and_only_one(tmp_path):
    sentence = "Untuk indikator “Nilai SAKIP” dengan target 75 diperoleh nilai 73,36 sehingga capaian sebesar 104,8 %."
    header = ["No", "Indikator", "Target", "Realisasi", "Capaian %"]
    rows = [header, ["1", "Nilai SAKIP", "70", "73,36", "104,8"]]
    found = [f for f in _report(tmp_path, [sentence], rows) if f.code == "D002"]
    assert [(f.reported, f.expected) for f in found] == [(75, 70)]
    # Two rows alike in name and in the sentence's other figures give different targets: no row is certain.
    rows.append(["2", "Nilai SAKIP Renstra", "80", "73,36", "104,8"])
    assert [f for f in _report(tmp_path, [sentence], rows) if f.code == "D002"] == []


def test_the_executive_summary_against_the_body(tmp_path):
    import docx

    document = docx.Document()
    for text in [
        "IKHTISAR EKSEKUTIF",
        # The summary's realisasi: 24.275.063.039 is the body's; the summary prints 22.599.636.052 reversed digits.
        "Pada tahun 2016 alokasi anggaran Belanja Langsung sebesar Rp 24.275.063.039 dengan realisasi sebesar "
        "Rp 22.599.636.502 atau 93,10%.",
        "Alokasi anggaran Belanja Tidak Langsung Rp 5.000.000.000 dengan realisasi Rp 4.500.000.000 atau 90%.",  # as the body
        "BAB I PENDAHULUAN",
        "Latar belakang.",
        "BAB III AKUNTABILITAS KINERJA",
        "Alokasi anggaran Belanja Langsung adalah sebesar Rp 24.275.063.039,00 dan realisasinya adalah sebesar "
        "Rp. 22.599.636.052,00 atau 93,10%.",
        "Alokasi anggaran Belanja Tidak Langsung Rp 5.000.000.000 dengan realisasi Rp 4.500.000.000 atau 90%.",
    ]:
        document.add_paragraph(text)
    document.add_paragraph("Tabel 3.7")  # a report has its tables: one the reader takes, so the report is checked
    table = document.add_table(rows=len(_BELANJA), cols=len(_BELANJA[0]))
    for r, cells in enumerate(_BELANJA):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "ikhtisar.docx"
    document.save(str(path))
    findings = [f for f in check_document(path).findings if f.code == "D005"]
    assert [(f.reported, f.expected, f.severity.value, f.place.paragraph) for f in findings] == [
        (22_599_636_502, 22_599_636_052, "warning", 2)
    ]
    assert "par. 7" in findings[0].message("id") and "Rp. 22.599.636.052,00" in findings[0].message("id")
