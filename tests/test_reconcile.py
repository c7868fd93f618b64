"""Tabel 3.8 against the SIPD export it was copied from (issue 15), on reports built from real exports.

The exports are real (tests/corpus/realdata: Dinkes Sumenep 2024, a whole-year export with figures typed as
text and 32 organisation units; /work/shared/realdata "LRA DINKES.xlsx" as the corpus copy
sumenep-dinkes-2026-lra-sipd.xlsx, TA 2026 s.d. Juni). Each report is written with openpyxl as an officer
copies the export: programs, kegiatan and sub kegiatan with their figures, selisih and persentase worked out,
parents the sums of the lines as typed, a JUMLAH row; with a code column, codes in the Uraian, or names only.
Mistakes are injected and recorded; the real command is run and its findings asserted at their cells.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from lkjip_xl.load import load_file
from lkjip_xl.reconcile.export import read_export

REAL = Path(__file__).parent / "corpus" / "realdata"
WHOLE_YEAR = REAL / "sumenep-dinkes-2024-sipd-text-figures.xlsx"
MID_YEAR = REAL / "sumenep-dinkes-2026-lra-sipd.xlsx"
OFFICE = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kabupaten Sumenep"
DINAS = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana"


@pytest.fixture(scope="module")
def whole_year():
    return read_export(load_file(WHOLE_YEAR), WHOLE_YEAR.name)


@pytest.fixture(scope="module")
def mid_year():
    return read_export(load_file(MID_YEAR), MID_YEAR.name)


def write_report(path: Path, export, *, codes: str | None = "column", year: int = 2024, office: str = OFFICE,
                 change: dict | None = None, leave_out: set = frozenset(), rename: dict | None = None,
                 no_code: set = frozenset()) -> dict:
    """Tabel 3.8 of the Dinas unit of ``export`` as an officer types it. ``change``: {(code, key): figure typed};
    ``leave_out``: codes not copied; ``rename``: {code: name typed}; ``no_code``: lines typed without their code.
    Returns {code: sheet row}."""
    change, rename = change or {}, rename or {}
    entries = [entry for entry in export.entries if entry.unit in (DINAS, "")]
    children = {}
    for entry in entries:
        children.setdefault(id(entry.parent) if entry.parent else None, []).append(entry)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.8"
    sheet.append([f"Tabel 3.8 Realisasi Anggaran {office} Tahun {year}"])
    header = ["No", "Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Selisih (Rp)", "Persentase (%)"]
    sheet.append(header if codes == "column" else [h for h in header if h != "Kode"])
    rows: dict[str, int] = {}
    lines: list[tuple] = []

    def figures(entry):
        kids = [kid for kid in children.get(id(entry), []) if kid.code not in leave_out]
        if kids:
            sums = [figures(kid) for kid in kids]
            return sum(a for a, _ in sums), sum(r for _, r in sums)
        return change.get((entry.code, "anggaran"), entry.anggaran), change.get((entry.code, "realisasi"), entry.realisasi)

    def walk(entry, number):
        if entry.code in leave_out:
            return
        anggaran, realisasi = figures(entry)
        name = rename.get(entry.code, entry.name)
        code = None if entry.code in no_code else entry.code
        label = {"column": name, "uraian": f"{code} {name}" if code else name, None: name}[codes]
        cells = [number, code, label] if codes == "column" else [number, label]
        cells += [anggaran, realisasi, anggaran - realisasi, realisasi / anggaran * 100 if anggaran else 0]
        sheet.append(cells)
        rows[entry.code] = sheet.max_row
        lines.append((anggaran, realisasi, entry.level.value))
        for kid in children.get(id(entry), []):
            walk(kid, None)

    for number, program in enumerate(children.get(None, []), start=1):
        walk(program, number)
    programs = [(a, r) for a, r, level in lines if level == "program"]
    total_a, total_r = sum(a for a, _ in programs), sum(r for _, r in programs)
    filler = [None, None, "JUMLAH"] if codes == "column" else [None, "JUMLAH"]
    sheet.append(filler + [total_a, total_r, total_a - total_r, total_r / total_a * 100])
    rows["JUMLAH"] = sheet.max_row
    book.save(path)
    return rows


def validate(report: Path, *exports: Path, lang: str = "id") -> dict:
    args = ["validate", report, "--format", "json", "--lang", lang]
    for export in exports:
        args += ["--sipd", export]
    result = run_cli(*args, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def r_findings(data: dict) -> list[dict]:
    return [finding for finding in data["findings"] if finding["code"].startswith("R")]


def at(data: dict, cell: str) -> list[dict]:
    return [finding for finding in r_findings(data) if finding["cell"] == cell]


def col(codes: str | None, key: str) -> str:
    letters = {"anggaran": "D", "realisasi": "E"} if codes == "column" else {"anggaran": "C", "realisasi": "D"}
    return letters[key]


def subs(export, unit=DINAS):
    return [entry for entry in export.entries if entry.level.value == "sub_kegiatan" and entry.unit in (unit, "")]


def test_a_faithful_copy_with_codes_gets_no_r_finding_and_every_line_is_matched_by_code(tmp_path, whole_year):
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, whole_year)
    data = validate(report, WHOLE_YEAR)
    assert r_findings(data) == []
    rec = data["reconciliation"]
    assert rec["matched_by_code"] == len(rows) - 1 == rec["report_lines"]
    assert rec["matched_by_name"] == 0 and rec["only_in_report"] == [] and rec["only_in_sipd"] == []
    assert rec["exports"][0]["unit"] == DINAS and rec["exports"][0]["year"] == 2024 and rec["exports"][0]["whole_year"]
    assert rec["totals"]["report"]["anggaran"] == pytest.approx(rec["totals"]["sipd"]["anggaran"])


def _digits_swapped(value: float) -> float:
    text = str(int(value))
    for i in range(len(text) - 2, 0, -1):
        if text[i] != text[i + 1]:
            return float(text[:i] + text[i + 1] + text[i] + text[i + 2:])
    raise AssertionError(value)


def test_copying_mistakes_are_found_at_their_cells_with_sipds_value(tmp_path, whole_year):
    lines = [entry for entry in subs(whole_year) if entry.anggaran and entry.realisasi and entry.anggaran > 10_000_000]
    by_kegiatan = {}
    for entry in lines:
        by_kegiatan.setdefault(entry.parent.code, []).append(entry)
    picks = [group[0] for group in by_kegiatan.values()][:4]
    mistyped, transposed, neighbour, left = picks
    # The neighbour: the next sub kegiatan of the export, whose realisasi differs.
    following = subs(whole_year)[subs(whole_year).index(neighbour) + 1]
    assert following.realisasi != neighbour.realisasi
    change = {
        (mistyped.code, "anggaran"): mistyped.anggaran + 1_000_000,
        (transposed.code, "realisasi"): _digits_swapped(transposed.realisasi),
        (neighbour.code, "realisasi"): following.realisasi,
    }
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, whole_year, change=change, leave_out={left.code})
    data = validate(report, WHOLE_YEAR)
    findings = r_findings(data)

    one = at(data, f"D{rows[mistyped.code]}")
    assert [(f["code"], f["severity"]) for f in one] == [("R001", "error")]
    assert one[0]["reported"] == mistyped.anggaran + 1_000_000 and one[0]["expected"] == mistyped.anggaran
    assert f"{WHOLE_YEAR.name}, sheet DPA, J{mistyped.anggaran_ref.row}" in one[0]["message"]
    assert mistyped.name in one[0]["message"] and f"kode {mistyped.code}" in one[0]["message"]
    # Its kegiatan, program and JUMLAH were worked out from the mistyped figure: named in it, not reported again.
    assert f"D{rows[mistyped.parent.code]}" in one[0]["follows"] and f"D{rows['JUMLAH']}" in one[0]["follows"]

    two = at(data, f"E{rows[transposed.code]}")
    assert [(f["code"], f["severity"]) for f in two] == [("R002", "error")]
    assert two[0]["expected"] == transposed.realisasi and "tertukar" in two[0]["message"]

    three = at(data, f"E{rows[neighbour.code]}")
    assert [(f["code"], f["severity"]) for f in three] == [("R003", "error")]
    assert three[0]["expected"] == neighbour.realisasi and following.code in three[0]["message"]

    four = [f for f in findings if f["code"] == "R004"]
    assert len(four) == 1 and four[0]["severity"] == "warning" and left.code in four[0]["message"]
    assert four[0]["cell"] == f"C{rows[left.parent.code]}"  # at the kegiatan it belongs under
    assert data["reconciliation"]["only_in_sipd"][0]["code"] == left.code
    # Nothing else: every parent difference is explained by the lines.
    assert len(findings) == 4, findings
    assert not any(f["code"].startswith("B") and f["severity"] == "error" for f in data["findings"])


def test_codes_typed_in_the_uraian_are_matched_by_code(tmp_path, whole_year):
    target = subs(whole_year)[5]
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, whole_year, codes="uraian", change={(target.code, "anggaran"): target.anggaran + 500})
    data = validate(report, WHOLE_YEAR)
    assert [(f["code"], f["severity"], f["cell"]) for f in r_findings(data)] == [("R001", "error", f"C{rows[target.code]}")]
    assert data["reconciliation"]["matched_by_code"] == data["reconciliation"]["report_lines"]


def test_a_name_only_report_is_matched_by_name_and_a_name_alone_never_carries_an_error(tmp_path, whole_year):
    candidates = [entry for entry in subs(whole_year) if entry.anggaran and entry.realisasi]
    exact, misspelt, both = candidates[3], candidates[8], candidates[12]
    # "Penyediaan" written "Peny." and "dan" as "&" are the same name; a dropped letter is only similar.
    wrong_name = misspelt.name[:6] + misspelt.name[7:]
    report = tmp_path / "laporan.xlsx"
    rows = write_report(
        report, whole_year, codes=None,
        change={(exact.code, "realisasi"): exact.realisasi + 25_000, (misspelt.code, "anggaran"): misspelt.anggaran + 7_000,
                (both.code, "anggaran"): both.anggaran + 40_000, (both.code, "realisasi"): both.realisasi + 30_000},
        rename={misspelt.code: wrong_name},
    )
    data = validate(report, WHOLE_YEAR)
    # The same name, and the anggaran agrees with SIPD: the line is SIPD's, its realisasi is mistyped.
    exact_finding = at(data, f"D{rows[exact.code]}")
    assert [(f["code"], f["severity"]) for f in exact_finding] == [("R001", "error")]
    assert "menurut nama yang sama" in exact_finding[0]["message"]
    # The same name, but neither figure agrees: nothing besides the name says it is that line.
    for column in ("C", "D"):
        alone = at(data, f"{column}{rows[both.code]}")
        assert [(f["code"], f["severity"]) for f in alone] == [("R001", "warning")], alone
        assert "Hanya nama yang sama" in alone[0]["message"]
    similar = at(data, f"C{rows[misspelt.code]}")
    assert [(f["code"], f["severity"]) for f in similar] == [("R001", "warning")]
    assert "nama yang mirip" in similar[0]["message"]
    assert not [f for f in r_findings(data) if f["severity"] == "error" and f not in exact_finding]
    rec = data["reconciliation"]
    assert rec["matched_by_code"] == 0 and rec["matched_by_similar_name"] >= 1
    assert rec["matched_by_name"] + rec["matched_by_similar_name"] + len(rec["only_in_report"]) == rec["report_lines"]


def test_a_line_without_code_under_a_kegiatan_matched_by_code_is_confirmed_by_its_parent(tmp_path, whole_year):
    """Both figures of the line differ, but its kegiatan is matched by code and has one line of that name: an
    error. The same line in a report without any code: a warning."""
    target = next(entry for entry in subs(whole_year)[10:] if entry.anggaran and entry.realisasi)
    change = {(target.code, "anggaran"): target.anggaran + 60_000, (target.code, "realisasi"): target.realisasi + 50_000}
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, whole_year, change=change, no_code={target.code})
    data = validate(report, WHOLE_YEAR)
    for column in ("D", "E"):
        found = at(data, f"{column}{rows[target.code]}")
        assert [(f["code"], f["severity"]) for f in found] == [("R001", "error")], found
        assert "menurut nama yang sama" in found[0]["message"]
    names_only = tmp_path / "tanpa-kode.xlsx"
    rows = write_report(names_only, whole_year, codes=None, change=change)
    data = validate(names_only, WHOLE_YEAR)
    assert [f["severity"] for f in at(data, f"C{rows[target.code]}")] == ["warning"]
    assert [f["severity"] for f in at(data, f"D{rows[target.code]}")] == ["warning"]


def test_abbreviations_are_the_same_name():
    from lkjip_xl.reconcile.match import normalise

    assert normalise("Peny. Gaji & Tunjangan ASN") == normalise("Penyediaan Gaji dan Tunjangan ASN")
    assert normalise("1.2. PROGRAM  Penunjang Urusan Pemerintahan Daerah Kab/Kota") == normalise(
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )


def test_a_mid_year_export_is_said_once_and_its_realisasi_differences_are_warnings(tmp_path, mid_year):
    target = subs(mid_year)[2]
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, mid_year, year=2026, change={(target.code, "anggaran"): target.anggaran + 100_000})
    data = validate(report, MID_YEAR)
    findings = r_findings(data)
    period = [f for f in findings if f["code"] == "R006"]
    assert len(period) == 1 and period[0]["severity"] == "warning" and "SD JUNI" in period[0]["message"]
    assert [(f["code"], f["severity"]) for f in at(data, f"D{rows[target.code]}")] == [("R001", "error")]
    assert len(findings) == 2, findings
    assert data["reconciliation"]["exports"][0]["period_month"] == 6

    # The year-end report's realisasi against the June export: warnings, never errors.
    year_end = tmp_path / "akhir-tahun.xlsx"
    rows = write_report(year_end, mid_year, year=2026, change={(target.code, "realisasi"): (target.realisasi or 0) + 9_000_000})
    data = validate(year_end, MID_YEAR)
    spent = at(data, f"E{rows[target.code]}")
    assert [(f["code"], f["severity"]) for f in spent] == [("R001", "warning")]
    assert not [f for f in r_findings(data) if f["severity"] == "error"]


def test_an_export_of_another_year_or_office_is_refused_with_the_reason(tmp_path, whole_year):
    report = tmp_path / "laporan.xlsx"
    write_report(report, whole_year, year=2025)
    data = validate(report, WHOLE_YEAR)
    assert [(f["code"], f["severity"]) for f in r_findings(data)] == [("R007", "warning")]
    assert "2024" in r_findings(data)[0]["message"] and "2025" in r_findings(data)[0]["message"]
    assert data["reconciliation"]["exports"][0]["used"] is False

    other = tmp_path / "kecamatan.xlsx"
    write_report(other, whole_year, office="Kecamatan Jati Kabupaten Blora")
    data = validate(other, WHOLE_YEAR)
    assert [f["code"] for f in r_findings(data)] == ["R007"]
    assert "perangkat daerah lain" in r_findings(data)[0]["message"]


def test_an_export_pasted_on_a_sheet_of_the_workbook_is_used_and_the_workbook_is_not_changed(tmp_path, mid_year):
    target = subs(mid_year)[4]
    report = tmp_path / "laporan.xlsx"
    rows = write_report(report, mid_year, year=2026, change={(target.code, "anggaran"): target.anggaran + 10})
    # The officer pastes the export (values and merged headers) on a sheet with a name of their own.
    source = openpyxl.load_workbook(MID_YEAR, data_only=True).worksheets[0]
    book = openpyxl.load_workbook(report)
    pasted = book.create_sheet("data dari sipd")
    for row in source.iter_rows(values_only=True):
        pasted.append(list(row))
    for merged in source.merged_cells.ranges:  # Excel's paste keeps the merged header ("Kode" over A:D)
        pasted.merge_cells(str(merged))
    book.save(report)
    data = validate(report)
    assert data["tables"] == ["3.8"]
    findings = at(data, f"D{rows[target.code]}")
    assert [(f["code"], f["severity"]) for f in findings] == [("R001", "error")]
    assert "data dari sipd" in findings[0]["message"]
    assert data["reconciliation"]["exports"][0]["inside_workbook"] is True
    # The summary sheet carries the reconciliation.
    out = tmp_path / "hasil.xlsx"
    result = run_cli("validate", report, "--out", out, "--lang", "en", timeout=300)
    assert result.returncode == 1, result.stderr
    texts = [cell for row in openpyxl.load_workbook(out)["Ringkasan Validasi"].iter_rows(values_only=True) for cell in row if cell]
    assert "Reconciliation with SIPD" in texts and "Lines matched" in texts


@pytest.mark.parametrize("kind", ["text", "not_export"])
def test_bad_sipd_input_gets_a_message_and_exit_2(tmp_path, kind, whole_year):
    report = tmp_path / "laporan.xlsx"
    write_report(report, whole_year)
    if kind == "text":
        bad = tmp_path / "ekspor.xlsx"
        bad.write_text("bukan buku kerja")
    else:
        bad = report  # a report, not an export
    result = run_cli("validate", report, "--sipd", bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(bad) in result.stderr and "--sipd" in result.stderr
    if kind == "not_export":
        assert "bukan ekspor SIPD" in result.stderr


def test_batch_offers_every_export_to_every_workbook_and_each_takes_its_own_year(tmp_path, whole_year, mid_year):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    old, new = subs(whole_year)[6], subs(mid_year)[7]
    rows_2024 = write_report(folder / "dinkes-2024.xlsx", whole_year, change={(old.code, "anggaran"): old.anggaran + 1})
    rows_2026 = write_report(folder / "dinkes-2026.xlsx", mid_year, year=2026, change={(new.code, "anggaran"): new.anggaran + 2})
    out = tmp_path / "json"
    result = run_cli("batch", folder, "--json-dir", out, "--jobs", "1", "--timeout", "300", "--sipd", WHOLE_YEAR, "--sipd", MID_YEAR, timeout=600)
    assert result.returncode == 1, result.stderr
    reports = {path.stem: json.loads(path.read_text()) for path in out.glob("*.json")}
    first = next(data for name, data in reports.items() if "2024" in name)
    second = next(data for name, data in reports.items() if "2026" in name)
    assert [(f["code"], f["cell"]) for f in r_findings(first)] == [("R001", f"D{rows_2024[old.code]}")]
    # The June export: said once for the 2026 workbook; the 2024 export not used there, without a finding.
    assert sorted((f["code"], f["cell"]) for f in r_findings(second)) == sorted([("R001", f"D{rows_2026[new.code]}"), ("R006", None)])
    assert [export["used"] for export in second["reconciliation"]["exports"]] == [False, True]


# -- Tabel 3.7: totals per belanja type ---------------------------------------------------------------

DINAS_UNIT_CODE = "1.02.2.14.0.00.01.0000"  # column B of the export's rows of the Dinas (not its RSUD, Puskesmas)


def _rupiah(text) -> Decimal:
    """A figure of the export as typed there ("24.295.000", "21.505.750,00")."""
    return Decimal(str(text).replace(".", "").replace(",", "."))


def sipd_types_by_hand(path: Path = WHOLE_YEAR) -> dict[str, tuple[Decimal, Decimal]]:
    """The Dinas's anggaran and realisasi per account (5.1.01, ...) and per type (5.1, 5.2), summed with Decimal
    from the export's account rows right under each sub kegiatan (codes of three parts, column D), Operasi
    (F, G) plus Modal (H, I): without lkjip-xl."""
    sums: dict[str, list[Decimal]] = {}
    for row in openpyxl.load_workbook(path, read_only=True)["DPA"].iter_rows(min_row=10, values_only=True):
        if row[1] != DINAS_UNIT_CODE or not isinstance(row[3], str) or row[3].count(".") != 2:
            continue
        anggaran, realisasi = _rupiah(row[5]) + _rupiah(row[7]), _rupiah(row[6]) + _rupiah(row[8])
        for code in (row[3], row[3][:3]):
            pair = sums.setdefault(code, [Decimal(0), Decimal(0)])
            pair[0] += anggaran
            pair[1] += realisasi
    return {code: (a, r) for code, (a, r) in sums.items()}


def write_table_37(path: Path, lines: list[tuple[str, Decimal, Decimal]], year: int = 2024) -> dict[str, int]:
    """Tabel 3.7 on its own sheet of the workbook at ``path``, figures as Excel stores them (floats, the
    percentage from a division); the JUMLAH the sum of the lines marked top-level ("1."/"2.")."""
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Tabel 3.7")
    sheet.append([f"Tabel 3.7 Realisasi Anggaran per Jenis Belanja {OFFICE} Tahun {year}"])
    sheet.append(["No", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"])
    rows: dict[str, int] = {}
    total_a = total_r = Decimal(0)
    for number, label, anggaran, realisasi in lines:
        sheet.append([number, label, float(anggaran), float(realisasi), float(realisasi) / float(anggaran) * 100])
        rows[label] = sheet.max_row
        if number:
            total_a, total_r = total_a + anggaran, total_r + realisasi
    sheet.append([None, "JUMLAH", float(total_a), float(total_r), float(total_r) / float(total_a) * 100])
    rows["JUMLAH"] = sheet.max_row
    book.save(path)
    return rows


def test_tabel_37_totals_per_belanja_type_are_reconciled_with_the_export(tmp_path, whole_year):
    by_hand = sipd_types_by_hand()
    pegawai, barang, hibah, modal = by_hand["5.1.01"], by_hand["5.1.02"], by_hand["5.1.05"], by_hand["5.2"]
    assert by_hand["5.1"] == (pegawai[0] + barang[0] + hibah[0], pegawai[1] + barang[1] + hibah[1])

    def lines(pegawai_r=pegawai[1], modal_a=modal[0]):
        operasi_a, operasi_r = pegawai[0] + barang[0] + hibah[0], pegawai_r + barang[1] + hibah[1]
        return [("1.", "Belanja Operasi", operasi_a, operasi_r), ("", "Belanja Pegawai", pegawai[0], pegawai_r),
                ("", "Belanja Barang dan Jasa", barang[0], barang[1]), ("", "Belanja Hibah", hibah[0], hibah[1]),
                ("2.", "Belanja Modal", modal_a, modal[1])]

    faithful = tmp_path / "laporan.xlsx"
    write_report(faithful, whole_year)
    write_table_37(faithful, lines())
    data = validate(faithful, WHOLE_YEAR)
    assert r_findings(data) == []
    checked = {item["jenis"]: item for item in data["reconciliation"]["jenis_belanja"]["checked"]}
    assert set(checked) == {"operasi", "pegawai", "barang_jasa", "modal"}
    assert checked["pegawai"]["sipd"]["realisasi"] == float(pegawai[1])
    # The summary sheet shows each compared row with both sides.
    out = tmp_path / "hasil.xlsx"
    result = run_cli("validate", faithful, "--sipd", WHOLE_YEAR, "--out", out, timeout=300)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["Ringkasan Validasi"]
    shown = {row[0]: row[2] for row in sheet.iter_rows(values_only=True) if row[0] and str(row[0]).startswith("Tabel 3.7 ")}
    label = next(key for key in shown if key.startswith("Tabel 3.7 Belanja Pegawai ("))
    rupiah = f"Rp {int(pegawai[1]):,}".replace(",", ".")
    assert shown[label].count(rupiah) == 2, shown[label]  # the report's realisasi and SIPD's, alike

    # Pegawai's realisasi mistyped (Operasi and JUMLAH worked out from it), Modal's anggaran with two digits swapped.
    mistyped = tmp_path / "salah-ketik.xlsx"
    write_report(mistyped, whole_year)
    swapped = Decimal(_digits_swapped(float(modal[0])))
    rows = write_table_37(mistyped, lines(pegawai_r=pegawai[1] + 1_000_000, modal_a=swapped))
    data = validate(mistyped, WHOLE_YEAR)
    found = sorted((f["code"], f["severity"], f["cell"], f["expected"]) for f in r_findings(data))
    assert found == [("R009", "error", f"C{rows['Belanja Modal']}", float(modal[0])),
                     ("R009", "error", f"D{rows['Belanja Pegawai']}", float(pegawai[1]))], found
    on_pegawai = at(data, f"D{rows['Belanja Pegawai']}")[0]
    assert f"D{rows['Belanja Operasi']}" in on_pegawai["follows"]  # Operasi's difference is Pegawai's
    assert "rekening 5.1.01" in on_pegawai["message"] and "Tabel 3.7" in on_pegawai["message"]

    # A Tabel 3.8 that leaves out a budgeted SIPD line may be of another scope than the export: warnings.
    left = next(entry for entry in subs(whole_year) if entry.anggaran)
    narrower = tmp_path / "sebagian.xlsx"
    write_report(narrower, whole_year, leave_out={left.code})
    rows = write_table_37(narrower, lines(pegawai_r=pegawai[1] + 1_000_000))
    data = validate(narrower, WHOLE_YEAR)
    on_pegawai = at(data, f"D{rows['Belanja Pegawai']}")
    assert [(f["code"], f["severity"]) for f in on_pegawai] == [("R009", "warning")]
    assert "tidak memuat semua baris SIPD" in on_pegawai[0]["message"]

    # A Tabel 3.7 none of whose figures agrees with the Dinas's (here: the Dinas with its RSUD and Puskesmas,
    # every figure a quarter larger) may be of a wider scope: warnings only.
    wider = tmp_path / "lebih-luas.xlsx"
    write_report(wider, whole_year)
    rows = write_table_37(wider, [(number, label, a * Decimal("1.25"), r * Decimal("1.25")) for number, label, a, r in lines()])
    data = validate(wider, WHOLE_YEAR)
    assert {f["severity"] for f in r_findings(data)} == {"warning"} and len(at(data, f"C{rows['Belanja Modal']}")) == 1


def test_tabel_37_in_the_old_btl_bl_form_is_not_compared(tmp_path, whole_year):
    by_hand = sipd_types_by_hand()
    pegawai, barang = by_hand["5.1.01"], by_hand["5.1.02"]
    report = tmp_path / "laporan.xlsx"
    write_report(report, whole_year)
    # Belanja Pegawai under both BTL and BL: neither is the export's 5.1.01 (the figures below are not SIPD's).
    write_table_37(report, [("1.", "Belanja Tidak Langsung", pegawai[0] / 2, pegawai[1] / 2),
                            ("", "Belanja Pegawai", pegawai[0] / 2, pegawai[1] / 2),
                            ("2.", "Belanja Langsung", pegawai[0] / 2 + barang[0], pegawai[1] / 2 + barang[1]),
                            ("", "Belanja Pegawai", pegawai[0] / 2, pegawai[1] / 2),
                            ("", "Belanja Barang dan Jasa", barang[0], barang[1])])
    data = validate(report, WHOLE_YEAR)
    assert r_findings(data) == []
    assert data["reconciliation"]["jenis_belanja"]["not_checked"]
    out = tmp_path / "hasil.xlsx"
    assert run_cli("validate", report, "--sipd", WHOLE_YEAR, "--out", out, timeout=300).returncode in (0, 1)
    texts = [cell for row in openpyxl.load_workbook(out)["Ringkasan Validasi"].iter_rows(values_only=True) for cell in row if cell]
    assert "Tabel 3.7 per jenis belanja" in texts
