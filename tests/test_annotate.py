"""The annotated copy: the original's parts untouched, a summary sheet added, readable by real clients."""

from __future__ import annotations

import hashlib
import json
import zipfile
from xml.etree import ElementTree

import openpyxl
from conftest import EXAMPLE, libreoffice_roundtrip, run_cli
from helpers import budget_workbook, parent, sub

from lkjip_xl.template.layout import SUMMARY_SHEET

CHANGED_TO_ADD_A_SHEET = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}


def hashes(path):
    with zipfile.ZipFile(path) as archive:
        return {name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()}


def annotate(source, out, *extra):
    result = run_cli("validate", source, "--out", out, *extra)
    assert result.returncode in (0, 1), result.stderr
    assert out.exists()
    return result


def test_every_original_part_stays_byte_identical(tmp_path):
    out = tmp_path / "hasil.xlsx"
    annotate(EXAMPLE, out)
    before, after = hashes(EXAMPLE), hashes(out)
    unchanged = {name for name in before if before[name] == after.get(name)}
    assert set(before) - unchanged == CHANGED_TO_ADD_A_SHEET
    added = set(after) - set(before)
    assert len(added) == 1 and added.pop().startswith("xl/worksheets/sheet")


def test_summary_sheet_counts_findings_and_links_each_to_its_cell(tmp_path):
    out = tmp_path / "hasil.xlsx"
    annotate(EXAMPLE, out)
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[-1] == SUMMARY_SHEET
    original = openpyxl.load_workbook(EXAMPLE)
    assert workbook.sheetnames[:-1] == original.sheetnames
    sheet = workbook[SUMMARY_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[:3] == ("No", "Tingkat", "Kode"))
    findings = rows[header + 1 :]
    assert len(findings) > 40
    first = header + 2  # 1-based row of the first finding: Tabel 3.2 comes first
    assert sheet.cell(first, 5).hyperlink.location.startswith("'Tabel 3.2'!")
    b101 = first + next(i for i, row in enumerate(findings) if row[2] == "B101")  # the first of Tabel 3.8
    link = sheet.cell(b101, 5).hyperlink
    assert link.location == "'Tabel 3.8'!E8"
    assert sheet.cell(b101, 7).value == "Rp 1.720.118.000" and sheet.cell(b101, 8).value == "Rp 1.718.975.700"
    totals = next(row for row in rows if row[1] == "Jumlah")
    assert totals[2] == sum(1 for row in findings if row[1] == "Kesalahan")


def test_summary_in_english(tmp_path):
    out = tmp_path / "result.xlsx"
    annotate(EXAMPLE, out, "--lang", "en")
    rows = list(openpyxl.load_workbook(out)[SUMMARY_SHEET].iter_rows(values_only=True))
    assert any(row[:3] == ("No", "Severity", "Code") for row in rows)


def test_libreoffice_opens_the_copy_with_original_sheets_unchanged(soffice, tmp_path):
    out = tmp_path / "hasil.xlsx"
    annotate(EXAMPLE, out)
    converted = libreoffice_roundtrip(soffice, out, tmp_path / "lo")
    reopened = openpyxl.load_workbook(converted)
    assert SUMMARY_SHEET in reopened.sheetnames
    original = openpyxl.load_workbook(EXAMPLE)
    for name in original.sheetnames:
        for row_a, row_b in zip(original[name].iter_rows(values_only=True), reopened[name].iter_rows(values_only=True), strict=True):
            for a, b in zip(row_a, row_b, strict=True):
                if isinstance(a, str) and a.startswith("="):
                    continue  # LibreOffice rewrites formula text; their values are compared elsewhere
                assert a == b or (a in (None, "") and b in (None, "")), (name, a, b)
    summary = list(reopened[SUMMARY_SHEET].iter_rows(values_only=True))
    assert any(row[2] == "B112" for row in summary if len(row) > 2)


def test_strings_from_the_workbook_never_become_formulas(tmp_path):
    source = budget_workbook(
        tmp_path / "jahat.xlsx",
        [parent("7.01.01", 999, 100), sub("7.01.01.2.01.0001", 100, 100, no=1), sub("7.01.01.2.01.0002", 100, 0, no=2)],
    )
    hostile = ['=HYPERLINK("http://contoh.invalid","klik")', "@SUM(1+1)", "+1+2", "-2+3"]
    workbook = openpyxl.load_workbook(source)
    sheet = workbook["Tabel 3.8"]
    for offset, text in enumerate(hostile[:3]):
        cell = sheet.cell(6 + offset, 4)
        cell.value = text
        cell.data_type = "s"  # text that looks like a formula, as a pasted cell holds it
    sheet.cell(7, 7).value = hostile[3]
    sheet.cell(7, 7).data_type = "s"
    workbook.save(source)
    out = tmp_path / "hasil.xlsx"
    annotate(source, out)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist()) - set(zipfile.ZipFile(source).namelist())
        xml = archive.read(names.pop()).decode()
    assert "<f>" not in xml and "<f " not in xml
    summary = openpyxl.load_workbook(out)[SUMMARY_SHEET]
    cells = [summary.cell(row, col) for row in range(1, summary.max_row + 1) for col in range(1, 10)]
    texts = {cell.value for cell in cells}
    assert hostile[0] in texts and hostile[1] in texts  # row labels of findings, kept as text
    assert any(hostile[3] in str(text) for text in texts)  # inside a message
    assert all(cell.data_type != "f" for cell in cells)


def test_a_formula_in_a_text_column_that_cannot_be_evaluated_is_harmless(tmp_path):
    source = budget_workbook(
        tmp_path / "rumus.xlsx",
        [parent("7.01.01", 100, 100, uraian='=HYPERLINK("http://contoh.invalid","klik")'), sub("7.01.01.2.01.0001", 100, 100, no=1)],
    )
    result = run_cli("validate", source, "--format", "json")
    assert result.returncode == 0, result.stdout


def test_revalidating_an_annotated_copy_names_the_new_sheet_uniquely(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    annotate(EXAMPLE, first)
    annotate(first, second)
    names = openpyxl.load_workbook(second).sheetnames
    assert names[-2:] == [SUMMARY_SHEET, f"{SUMMARY_SHEET} (2)"]


def test_out_may_not_be_the_input(tmp_path):
    copy = tmp_path / "kiriman.xlsx"
    copy.write_bytes(EXAMPLE.read_bytes())
    result = run_cli("validate", copy, "--out", copy, "--format", "json")
    assert result.returncode == 2
    assert '"output_is_input"' in result.stdout


def test_an_annotated_copy_validates_like_the_original(tmp_path):
    out = tmp_path / "hasil.xlsx"
    annotate(EXAMPLE, out)
    original = json.loads(run_cli("validate", EXAMPLE, "--format", "json").stdout)
    again = json.loads(run_cli("validate", out, "--format", "json").stdout)
    assert again["findings"] == original["findings"]


def test_sheets_lkjip_xl_wrote_are_never_read_as_tables(tmp_path):
    import openpyxl as xl

    def table_37(sheet, total):
        sheet.append(["TABEL : 3.7"])
        sheet.append(["No", "URAIAN", "Anggaran (Rp)", "Realisasi (Rp)", "%"])
        sheet.append(["1.", "Belanja Langsung", "Rp 2.000.000.000", "Rp 1.866.543.961", "93,33%"])
        sheet.append([None, "JUMLAH", total, "Rp 1.866.543.961", "93,33%"])

    source = tmp_path / "tempel.xlsx"
    workbook = xl.Workbook()
    table_37(workbook.active, "Rp 9")  # looks like a table, but it is ours: an earlier summary
    workbook.active.title = f"{SUMMARY_SHEET} (2)"
    table_37(workbook.create_sheet("Sheet2"), "Rp 2.000.000.000")
    workbook.save(source)
    data = json.loads(run_cli("validate", source, "--format", "json").stdout)
    assert data["tables"] == ["3.7"]
    assert data["counts"]["error"] == 0, data["findings"]


def test_our_own_output_sheets_are_not_input(tmp_path):
    # A workbook the button marked carries a hidden marks sheet and a summary: neither is the office's
    # content (no F005 "hidden sheet"), nor a table to find.
    book = openpyxl.load_workbook(EXAMPLE)
    book.create_sheet("_lkjip_tanda").sheet_state = "hidden"
    summary = book.create_sheet(f"{SUMMARY_SHEET} (2)")
    summary["A1"], summary["A3"], summary["C3"] = "Tabel 3.8", "Uraian", "Anggaran"
    marked = tmp_path / "ditandai.xlsx"
    book.save(marked)
    original = json.loads(run_cli("validate", EXAMPLE, "--format", "json").stdout)
    result = json.loads(run_cli("validate", marked, "--format", "json").stdout)
    assert result["counts"] == original["counts"]
    assert [f["code"] for f in result["findings"]] == [f["code"] for f in original["findings"]]


def test_a_workbook_that_binds_the_relationship_prefix_on_each_sheet_gets_a_readable_copy(tmp_path):
    """openpyxl with lxml installed writes <sheet xmlns:r="..." r:id="..."/>: r: is not bound where we add ours."""
    source = tmp_path / "lxml-style.xlsx"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(EXAMPLE) as original, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                if f'<sheet xmlns:r="{rel_ns}"' not in text:  # the committed example may be written so already
                    text = text.replace(f' xmlns:r="{rel_ns}"', "", 1)
                    text = text.replace("<sheet ", f'<sheet xmlns:r="{rel_ns}" ')
                assert f'<workbook xmlns:r="{rel_ns}"' not in text
                data = text.encode("utf-8")
            copy.writestr(item, data)
    out = tmp_path / "hasil.xlsx"
    annotate(source, out)
    with zipfile.ZipFile(out) as archive:
        ElementTree.fromstring(archive.read("xl/workbook.xml"))  # namespace-strict, like lxml
    assert openpyxl.load_workbook(out).sheetnames[-1] == SUMMARY_SHEET


def _summary_rows(path):
    sheet = openpyxl.load_workbook(path)[SUMMARY_SHEET]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_summary_shows_how_each_free_form_table_was_read_under_the_findings(tmp_path):
    """The reading --explain prints, in short: one row per table with where it was found and its columns
    (letter: meaning), from the same Reading (freeform/reading.py), not a second description."""
    from pathlib import Path

    from lkjip_xl.freeform import extract_freeform
    from lkjip_xl.load import load_file
    from lkjip_xl.settings import Settings

    source = Path(__file__).parent / "corpus" / "published" / "prov-jabar-bpmpd-2016-rincian-belanja-langsung.xlsx"
    out = tmp_path / "hasil.xlsx"
    annotate(source, out)
    rows = _summary_rows(out)
    title = next(index for index, row in enumerate(rows) if row[0] == "Cara tabel dibaca")
    assert rows[title + 1][3:5] == ("Tabel", "Ditemukan di") and rows[title + 1][8] == "Kolom yang dibaca (huruf: arti)"
    findings_header = next(index for index, row in enumerate(rows) if row[0] == "No" and row[2] == "Kode")
    assert findings_header < title  # under the findings
    reading = extract_freeform(load_file(source), Settings()).document.readings["3.8"]
    table, where, columns = reading.summary_row()
    assert (rows[title + 2][3], rows[title + 2][4], rows[title + 2][8]) == (f"Tabel {table}", where, columns)
    assert where == "'Belanja Langsung'!A3"
    assert columns == "A: no; B: uraian; C: anggaran; D: realisasi; E: selisih; F: persen"
    assert len(rows) == title + 3  # one table, one row
    explained = run_cli("validate", "--explain", source).stdout
    assert "kolom C: 'ANGGARAN (Rp)' -> anggaran" in explained  # the same meaning, the same words


def test_the_reading_is_in_english_under_lang_en(tmp_path):
    """Under --lang en the summary's reading rows and validate --explain are English: column meanings, their
    evidence, row roles and levels (Indonesian only before: "A: no; B: uraian; C: anggaran ...")."""
    from pathlib import Path

    source = Path(__file__).parent / "corpus" / "published" / "prov-jabar-bpmpd-2016-rincian-belanja-langsung.xlsx"
    out = tmp_path / "result.xlsx"
    annotate(source, out, "--lang", "en")
    rows = _summary_rows(out)
    title = next(index for index, row in enumerate(rows) if row[0] == "How the tables were read")
    assert rows[title + 2][3] == "Table 3.8"
    assert rows[title + 2][8] == "A: no.; B: description; C: budget; D: actual; E: difference; F: percentage"
    explained = run_cli("validate", "--explain", "--lang", "en", source).stdout
    assert "column C: 'ANGGARAN (Rp)' -> budget (certain; header 'ANGGARAN (Rp)')" in explained
    assert "  rows column headers: " in explained and "rows data (program): " in explained
    for indonesian in ("kolom ", "judul ", "pasti", "baris ", "uraian;"):
        assert indonesian not in explained.split("Table 3.8 (")[1], indonesian
    sumenep = Path(__file__).parent / "corpus" / "realdata" / "sumenep-dinkes-2026-lra-sipd.xlsx"
    data = json.loads(run_cli("validate", "--explain", "--lang", "en", "--format", "json", sumenep).stdout)
    (reading,) = data["readings"]
    assert "-> group Operasi: budget (certain;" in reading and "rows data (account line): " in reading
    assert "copies of the same table (not checked again): SEKRETARIAT" in reading


def test_a_template_workbook_has_no_reading_section(tmp_path):
    out = tmp_path / "hasil.xlsx"
    annotate(EXAMPLE, out)
    assert not any(row[0] in ("Cara tabel dibaca", "How the tables were read") for row in _summary_rows(out))
