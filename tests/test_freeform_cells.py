"""One free-form table mixing every form a cell takes: text as printed, numbers Excel converted with its own
"Rp" and % formats, a percent stored as 0.9667 in a % cell, a percent in points, US-form text, markup."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from pasted import read

RP = '"Rp"#,##0'
PCT = "0.00%"


def mixed_table(path, program_persen=(0.9667, PCT)):
    """Tabel 3.8: a program, two sub kegiatan and JUMLAH; (value, number format) per cell, None = General."""
    rows = [
        ("No", "Program/Kegiatan", "Jumlah Anggaran", "Realisasi", "Selisih", "Persentase"),
        (None, ("PROGRAM PENUNJANG URUSAN", "bold"), "Rp 30.000.000", (29_000_000, RP), "Rp 1,000,000", program_persen),
        (1, "Penyediaan gaji", (10_000_000, "#,##0"), "<b>Rp 10.000.000</b>", "Rp -", "100 %"),
        ("2.", "Penyediaan alat tulis", "20.000.000", "Rp 19.000.000", 1_000_000, 95),
        ("JUMLAH", None, (30_000_000, RP), (29_000_000, RP), (1_000_000, RP), (0.96667, "0.0%")),
    ]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lembar1"
    sheet["A1"] = "Tabel 3.8"
    for r, row in enumerate(rows, start=3):
        for c, item in enumerate(row, start=1):
            value, style = item if isinstance(item, tuple) else (item, None)
            cell = sheet.cell(r, c, value)
            if style == "bold":
                cell.font = Font(bold=True)
            elif style:
                cell.number_format = style
    workbook.save(path)
    return path


def test_every_form_in_one_table_reads_as_the_same_figures(tmp_path):
    document, findings = read(mixed_table(tmp_path / "mixed.xlsx"))
    table = document.budget["3.8"]
    program, gaji, alat = table.rows
    figures = [(row.anggaran.value, row.realisasi.value, row.selisih.value, row.persen.value) for row in (*table.rows, table.total)]
    assert figures == [
        (30_000_000, 29_000_000, 1_000_000, 96.67),
        (10_000_000, 10_000_000, 0, 100),
        (20_000_000, 19_000_000, 1_000_000, 95),
        (30_000_000, 29_000_000, 1_000_000, pytest.approx(96.667)),
    ]
    assert [row.number.value for row in table.rows] == [None, 1, 2]  # "2." numbers its row like 2
    assert gaji.realisasi.ref.a1 == "D5" and gaji.label.text == "Penyediaan gaji"
    assert [finding.severity.value for finding in findings if finding.severity.value == "error"] == []
    by_code = {(finding.code, finding.ref.a1) for finding in findings if finding.ref}
    assert ("N002", "E4") in by_code  # "Rp 1,000,000": US form, a warning
    assert ("N001", "C4") in by_code and ("N001", "D4") not in by_code  # text is noted; a converted number is not


def test_a_wrong_percent_stored_as_a_fraction_is_found_at_its_cell(tmp_path):
    _, findings = read(mixed_table(tmp_path / "mixed.xlsx", program_persen=(0.9767, PCT)))
    wrong = [(finding.code, finding.ref.a1, finding.reported) for finding in findings if finding.severity.value == "error"]
    assert wrong == [("B105", "F4", pytest.approx(97.67))]
