"""N003 settled by context (issue 11): "475,170" reads 475,17 (Indonesian decimals) or 475.170 (US thousands).
The unit a header or the table's title names ("(Rp)": whole rupiah; "(Rp. Juta)", "Rp triliun", "(Ribu
Rupiah)": decimals) and the number format of the column's other rows settle it: a warning naming the reading,
not an error; when both agree the message says the reading is certain and the row is checked with it.

Each table is a free-form Tabel 3.7 typed as an office types it (figures as text, as printed), written with
openpyxl and read back; every expected figure is recomputed here with Decimal.
"""

from __future__ import annotations

from decimal import Decimal, ROUND_HALF_UP

from openpyxl import Workbook

from lkjip_xl.validate import check_file


def tabel_37(path, unit: str, lines, total, title_line: str | None = None):
    """Caption, an optional line under it, the header No | Uraian | Anggaran unit | Realisasi unit | %, the
    lines and JUMLAH; figures as given (text as printed, or numbers)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.7"
    rows = [["Tabel 3.7 Realisasi Anggaran Dinas Contoh Tahun 2023"]]
    if title_line:
        rows.append([title_line])
    rows += [[], ["No", "Uraian", f"Anggaran {unit}".strip(), f"Realisasi {unit}".strip(), "%"]]
    rows += [[number, *line] for number, line in enumerate(lines, start=1)]
    rows.append([None, "JUMLAH", *total])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    book.save(path)
    return path


def pct(realisasi: str, anggaran: str) -> Decimal:
    return (Decimal(realisasi) / Decimal(anggaran) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def n003(report):
    (finding,) = [f for f in report.findings if f.code == "N003"]
    return finding


def errors(report):
    return sorted((f.code, f.ref.a1) for f in report.findings if f.severity.value == "error")


def test_rupiah_header_and_us_rows_make_the_whole_rupiah_reading_certain(tmp_path):
    """Header "(Rp)" (no thousandths of a rupiah) and the other rows in the US form ("1,250,500,000") agree:
    "475,170" is Rp 475.170. The row is checked with it: 450.500 / 475.170 = 94,81%, printed 90 (B105, an
    error); the JUMLAH holds (1.250.500.000 + 2.310.125.000 + 475.170 = 3.561.100.170). Before: N003 was an
    error and the row went unchecked."""
    assert pct("450500", "475170") == Decimal("94.81")
    assert pct("1180250000", "1250500000") == Decimal("94.38") and pct("2105600000", "2310125000") == Decimal("91.15")
    assert 1_250_500_000 + 2_310_125_000 + 475_170 == 3_561_100_170 and 1_180_250_000 + 2_105_600_000 + 450_500 == 3_286_300_500
    assert pct("3286300500", "3561100170") == Decimal("92.28")
    lines = [
        ("Belanja Pegawai", "1,250,500,000", "1,180,250,000", 94.38),
        ("Belanja Barang dan Jasa", "2,310,125,000", "2,105,600,000", 91.15),
        ("Belanja Modal", "475,170", 450500, 90),
    ]
    report = check_file(tabel_37(tmp_path / "rp.xlsx", "(Rp)", lines, ["3,561,100,170", "3,286,300,500", 92.28]))
    finding = n003(report)
    assert (finding.ref.a1, finding.severity.value, finding.reported) == ("C6", "warning", 475170)
    assert (
        'menurut satuan di judul kolom "Anggaran (Rp)" dan format angka baris lain di kolom ini (mis. 1,250,500,000 '
        "di C4), bacaannya pasti Rp 475.170, dan baris ini diperiksa dengan bacaan itu." in finding.message("id")
    )
    assert "make the reading Rp 475,170 certain, and the row is checked with it" in finding.message("en")
    assert errors(report) == [("B105", "E6")]
    (b105,) = [f for f in report.findings if f.code == "B105"]
    assert round(b105.expected, 2) == 94.81


def test_a_scaled_header_alone_settles_the_reading_as_a_warning(tmp_path):
    """"(Rp. Juta)": figures in millions carry decimals, so 475,17 (juta); the other rows (two decimals) say
    nothing about a third. No reading makes the row add up (450,5 / 475,17 = 94,81%; / 475.170 = 0,09%;
    printed 90): a warning naming the reading the header gives (before: an error), not a certain one, so the
    row is not checked with it."""
    assert pct("450.5", "475.17") == Decimal("94.81") and pct("450.5", "475170") == Decimal("0.09")
    lines = [
        ("Belanja Pegawai", "1.250,50", "1.180,25", 94.38),
        ("Belanja Barang dan Jasa", "2.310,13", "2.105,60", 91.15),
        ("Belanja Modal", "475,170", 450.5, 90),
    ]
    report = check_file(tabel_37(tmp_path / "juta.xlsx", "(Rp. Juta)", lines, ["4.035,80", "3.736,35", 92.58]))
    finding = n003(report)
    assert (finding.ref.a1, finding.severity.value, finding.reported) == ("C6", "warning", None)
    message = finding.message("id")
    assert 'Tidak ada bacaan yang membuat baris ini cocok; menurut satuan di judul kolom "Anggaran (Rp. Juta)", bacaannya Rp 475,17.' in message
    assert "pasti" not in message
    assert errors(report) == []


def test_the_reading_that_adds_up_and_the_titles_unit_agree(tmp_path):
    """"(dalam triliun rupiah)" under the caption, headers without a unit: 475,17 (triliun) is the reading the
    title gives, and the one that makes the row add up (450,5 / 475,17 = 94,81%, printed 94,81). The message
    says both; JUMLAH 1.250,50 + 2.310,13 + 475,17 = 4.035,80 and 3.736,35 / 4.035,80 = 92,58%."""
    assert Decimal("1250.50") + Decimal("2310.13") + Decimal("475.17") == Decimal("4035.80")
    assert pct("3736.35", "4035.80") == Decimal("92.58")
    lines = [
        ("Belanja Pegawai", "1.250,50", "1.180,25", 94.38),
        ("Belanja Barang dan Jasa", "2.310,13", "2.105,60", 91.15),
        ("Belanja Modal", "475,170", 450.5, 94.81),
    ]
    path = tabel_37(tmp_path / "triliun.xlsx", "", lines, ["4.035,80", "3.736,35", 92.58], title_line="(dalam triliun rupiah)")
    report = check_file(path)
    finding = n003(report)
    assert (finding.ref.a1, finding.severity.value, finding.reported) == ("C7", "warning", 475.17)
    message = finding.message("id")
    assert "Bacaan Rp 475,17 membuat persentase baris ini cocok. Bacaan ini juga sesuai dengan satuan di judul tabel" in message
    assert "(dalam triliun rupiah)" in message
    assert errors(report) == []


def test_context_that_disagrees_settles_nothing(tmp_path):
    """"(Ribu Rupiah)" says decimals, the other rows in the US form say whole thousands: no settled reading,
    and no reading makes the row add up (printed 90): N003 stays an error, as before."""
    lines = [
        ("Belanja Pegawai", "1,250,500", "1,180,250", 94.38),
        ("Belanja Barang dan Jasa", "2,310,125", "2,105,600", 91.15),
        ("Belanja Modal", "475,170", 450500, 90),
    ]
    report = check_file(tabel_37(tmp_path / "ribu.xlsx", "(Ribu Rupiah)", lines, ["4,035,795", "3,736,350", 92.58]))
    finding = n003(report)
    assert finding.severity.value == "error"
    assert finding.message("id").endswith("Tidak ada bacaan yang membuat baris ini cocok.")


def test_money_scale_reads_the_units_offices_write():
    from lkjip_xl.numbers import money_scale

    assert [money_scale(text) for text in ("(Rp)", "Anggaran (Rp. Juta)", "Rp triliun", "Realisasi (Ribu Rupiah)", "Rp. (000)",
                                           "dalam jutaan rupiah", "Rp Miliar", "Realisasi")] == [
        "", "juta", "triliun", "ribu", "ribu", "juta", "miliar", None]
