"""Build the report/export pairs of tests/corpus/sipd from the two real Sumenep SIPD exports.

Usage (from the repository root): .venv/bin/python tests/corpus/sipd/_build/build.py

Deterministic: the same exports give the same workbooks (fixed rows, fixed mistakes, no randomness, fixed
document dates). Every SIPD figure written into a case's JSON comes from export.py (openpyxl + Decimal, the
account leaves summed up to the sub kegiatan), never from lkjip-xl.
"""
from __future__ import annotations

import copy
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import Line, read_export  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
EXPORTS = OUT / "exports"
UNIT = "1.02.2.14.0.00.01.0000"  # the Dinas itself (the 2024 export also holds RSUD and 30 Puskesmas units)
OFFICE = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kabupaten Sumenep"

EXPORT_2026 = dict(
    file="exports/sumenep-dinkes-2026-sd-juni.xlsx", sheet="DINKES INDUK", year=2026,
    source="aliefneutron/realisasi_anggaran, `LRA DINKES.xlsx`, commit abd7350db0248f8ee6500b4f4b3a13404722d72b",
    period="TA 2026, realisasi s.d. Juni 2026 (the office's own PAGU AKAS / % AKAS columns say 'SD JUNI')")
EXPORT_2024 = dict(
    file="exports/sumenep-dinkes-2024.xlsx", sheet="DPA", year=2024,
    source="aliefneutron/realisasi_anggaran, `data/REALISASI BELANJA DINKES.xlsx`, commit "
           "bed7360c45ed0df5a137a27d9556eb9a1e939cb6",
    period="TA 2024, the whole year (no 's.d.' anywhere; realisasi of the year)")


# -- the table as the officer copies it -------------------------------------------------------------------
@dataclass
class Row:
    level: str  # program | kegiatan | sub | extra | jumlah
    code: str
    name: str
    anggaran: Decimal
    realisasi: Decimal
    sipd: Line | None  # the export's line it was copied from (None: JUMLAH, or a row SIPD has not)
    children: list = field(default_factory=list)
    sheet_row: int = 0


def copy_table(programs: list[Line]) -> list[Row]:
    """Program > kegiatan > sub kegiatan rows, figures from the export's Total group (the sub kegiatan's own
    figure, which export.py checked equals the sum of its account leaves)."""
    out = []
    for p in programs:
        prow = Row("program", p.code, p.name, p.anggaran, p.realisasi, p)
        for k in p.children:
            krow = Row("kegiatan", k.code, k.name, k.anggaran, k.realisasi, k)
            krow.children = [Row("sub", s.code, s.name, s.anggaran, s.realisasi, s) for s in k.children]
            prow.children.append(krow)
        out.append(prow)
    return out


def recompute(programs: list[Row]) -> None:
    """Parents = sums of the rows the report keeps (after a mistake: from the mistyped figure)."""
    for p in programs:
        for k in p.children:
            k.anggaran = sum((s.anggaran for s in k.children), Decimal(0))
            k.realisasi = sum((s.realisasi for s in k.children), Decimal(0))
        p.anggaran = sum((k.anggaran for k in p.children), Decimal(0))
        p.realisasi = sum((k.realisasi for k in p.children), Decimal(0))


def flat(programs: list[Row]) -> list[Row]:
    rows = []
    for p in programs:
        rows.append(p)
        for k in p.children:
            rows.append(k)
            rows.extend(k.children)
    total = Row("jumlah", "", "JUMLAH", sum((p.anggaran for p in programs), Decimal(0)),
                sum((p.realisasi for p in programs), Decimal(0)), None)
    return rows + [total]


def find(programs: list[Row], code: str) -> tuple[Row, Row, Row]:
    for p in programs:
        for k in p.children:
            for s in k.children:
                if s.code == code:
                    return p, k, s
    raise KeyError(code)


# -- copying mistakes ---------------------------------------------------------------------------------------
def mistype_digit(v: Decimal, position: int) -> Decimal:
    """One digit typed wrong: the digit at `position` (0 = first) becomes the next digit (9 -> 8)."""
    s = str(int(v))
    d = int(s[position])
    return Decimal(s[:position] + str(d + 1 if d < 9 else d - 1) + s[position + 1:])


def swap_digits(v: Decimal, position: int) -> Decimal:
    """Two neighbouring digits swapped (133.456.039 -> 133.546.039)."""
    s = str(int(v))
    assert s[position] != s[position + 1], (v, position)
    return Decimal(s[:position] + s[position + 1] + s[position] + s[position + 2:])


@dataclass
class Mistake:
    kind: str  # digit | swap | neighbour | left_out | extra_row
    code: str  # the sub kegiatan
    column: str = ""  # anggaran | realisasi
    arg: object = None  # digit position, or the neighbour's code, or the extra row (code, name, a, r, source)
    why: str = ""
    # filled in by apply():
    reported: Decimal | None = None
    sipd_value: Decimal | None = None


def apply(programs: list[Row], mistakes: list[Mistake]) -> None:
    for m in mistakes:
        if m.kind in ("digit", "swap", "neighbour"):
            _, _, s = find(programs, m.code)
            sipd = getattr(s.sipd, m.column)
            if m.kind == "digit":
                wrong = mistype_digit(sipd, m.arg)
            elif m.kind == "swap":
                wrong = swap_digits(sipd, m.arg)
            else:
                _, _, other = find(programs, m.arg)
                wrong = getattr(other.sipd, m.column)
            assert wrong != sipd
            setattr(s, m.column, wrong)
            assert s.realisasi <= s.anggaran, f"{m.code}: a mistake must not make realisasi > anggaran"
            m.reported, m.sipd_value = wrong, sipd
        elif m.kind == "left_out":
            _, k, s = find(programs, m.code)
            assert s.sipd.anggaran > 0
            k.children.remove(s)
            m.sipd_value = s.sipd.anggaran
        elif m.kind == "extra_row":
            code, name, a, r, _src = m.arg
            kegiatan_code = code.rsplit(".", 1)[0]
            for p in programs:
                for k in p.children:
                    if k.code == kegiatan_code:
                        k.children.append(Row("extra", code, name, Decimal(a), Decimal(r), None))
                        k.children.sort(key=lambda row: row.code)
                        break
                else:
                    continue
                break
            else:
                raise KeyError(kegiatan_code)
    recompute(programs)


# -- how the officer types it ------------------------------------------------------------------------------
@dataclass
class Layout:
    codes: bool = True  # a Kode column with the Kepmendagri codes
    names: str = "exact"  # exact (as SIPD prints them) | weak (abbreviated, misspelt)
    store: str = "number"  # number (money int, % as a fraction under 0.00%) | text (Indonesian, as typed)
    period: str = ""  # the title's period line
    paste_export: dict | None = None  # the export pasted as a sheet (values), no --sipd
    paste_sheet: str = "Sheet1"


def columns(layout: Layout) -> dict[str, str]:
    keys = (["no", "code"] if layout.codes else ["no"]) + ["name", "anggaran", "realisasi", "selisih", "pct"]
    return {k: get_column_letter(i) for i, k in enumerate(keys, start=1)}


WEAK = [  # (what SIPD prints, what officers type): abbreviations and misspellings seen in LKjIP tables
    ("Kabupaten/Kota", "Kab/Kota"), ("Perangkat Daerah", "PD"), ("Sumber Daya Manusia", "SDM"),
    ("Keluarga Berencana", "KB"), ("Dokumen", "Dok."), ("Perencanaan", "Perencanan"),
    ("Penganggaran", "Pengangaran"), ("Koordinasi", "Kordinasi"), ("Pelayanan", "Pelayanann"),
    ("Kesehatan", "Kesehatn"), (" dan ", " & "), ("Pemerintahan", "Pemerintah"), ("Penyediaan", "Penyedian"),
    ("Pelaksanaan", "Pelaksanan"), ("Pengendalian", "Pengendalin"), ("Masyarakat", "Masyarakt"),
]
# The common abbreviations a name matcher is expected to know (issue 15: "normalised: case, spacing,
# punctuation, common abbreviations"): a name changed only by one of them still matches exactly. Every other
# change is a misspelling: only a similar name, never the basis of an error.
ABBREVIATIONS = {"Kab/Kota", "PD", "SDM", "KB", " & "}


def weak_name(name: str, i: int) -> tuple[str, bool]:
    """One of the WEAK rules that apply, chosen by row index (a slight change: one abbreviation or misspelling
    per name); upper case kept where SIPD prints it. Returns the name and whether it is misspelt (a weak
    match) rather than abbreviated."""
    out = name
    # (an abbreviation the name already spells out, 'KELUARGA BERENCANA (KB)', is not typed twice)
    rules = [(a, b) for a, b in WEAK if a.lower() in out.lower() and b.strip().lower() not in out.lower()]
    if rules:
        a, b = (rules[i % len(rules):] + rules[:i % len(rules)])[0]
        idx = out.lower().find(a.lower())
        out = out[:idx] + (b.upper() if out[idx:idx + len(a)].isupper() else b) + out[idx + len(a):]
        return out, b not in ABBREVIATIONS
    # nothing to abbreviate: a letter left out of the longest word, as typed in a hurry
    word = max(name.split(), key=len)
    return name.replace(word, word[:-3] + word[-2:], 1), True


def money_text(v: Decimal) -> str:
    s = f"{int(v):,}".replace(",", ".")
    return "Rp " + s


def pct_text(r: Decimal, a: Decimal) -> str:
    p = (r / a * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{p}".replace(".", ",") + "%"


def write_report(path: Path, rows: list[Row], layout: Layout, year: int) -> list[int]:
    """Write the workbook (sheet 'Tabel 3.8'; each Row learns its sheet_row); return the rows whose name is
    misspelt (weak names)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.8"
    col = columns(layout)
    ws["A1"] = "Tabel 3.8"
    ws["A2"] = f"Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan {OFFICE}"
    ws["A3"] = layout.period
    for c in ("A1", "A2", "A3"):
        ws[c].font = Font(bold=True)
    head = {"no": "No", "code": "Kode", "name": "Program / Kegiatan / Sub Kegiatan", "anggaran": "Anggaran (Rp)",
            "realisasi": "Realisasi (Rp)", "selisih": "Selisih (Rp)", "pct": "Persentase (%)"}
    for k, letter in col.items():
        ws[f"{letter}5"] = head[k]
        ws[f"{letter}5"].font = Font(bold=True)
        ws[f"{letter}5"].alignment = Alignment(horizontal="center", wrap_text=True)
        ws[f"{letter}6"] = list(col).index(k) + 1
    r = 7
    program_no = 0
    weak_rows: list[int] = []
    for i, row in enumerate(rows):
        row.sheet_row = r
        if row.level == "program":
            program_no += 1
            ws[f"{col['no']}{r}"] = program_no
        if layout.codes and row.code:
            ws[f"{col['code']}{r}"] = row.code
            ws[f"{col['code']}{r}"].number_format = "@"
        name = row.name
        if layout.names == "weak" and row.level != "jumlah":
            name, misspelt = weak_name(row.name, i)
            if misspelt:
                weak_rows.append(r)
        ws[f"{col['name']}{r}"] = name
        selisih = row.anggaran - row.realisasi
        if layout.store == "number":
            for k, v in (("anggaran", row.anggaran), ("realisasi", row.realisasi), ("selisih", selisih)):
                ws[f"{col[k]}{r}"] = int(v)
                ws[f"{col[k]}{r}"].number_format = "#,##0"
            if row.anggaran:
                ws[f"{col['pct']}{r}"] = float(row.realisasi) / float(row.anggaran)  # as Excel's =E/D stores it
                ws[f"{col['pct']}{r}"].number_format = "0.00%"
        else:
            for k, v in (("anggaran", row.anggaran), ("realisasi", row.realisasi), ("selisih", selisih)):
                ws[f"{col[k]}{r}"] = money_text(v)
                ws[f"{col[k]}{r}"].alignment = Alignment(horizontal="right")
            if row.anggaran:
                ws[f"{col['pct']}{r}"] = pct_text(row.realisasi, row.anggaran)
                ws[f"{col['pct']}{r}"].alignment = Alignment(horizontal="right")
        if row.level in ("program", "kegiatan", "jumlah"):
            for letter in col.values():
                ws[f"{letter}{r}"].font = Font(bold=True)
        r += 1
    widths = {"no": 5, "code": 20, "name": 60, "anggaran": 20, "realisasi": 20, "selisih": 20, "pct": 12}
    for k, letter in col.items():
        ws.column_dimensions[letter].width = widths[k]
    if layout.paste_export:
        paste_values(wb, layout.paste_export, layout.paste_sheet)
    wb.properties.creator = "lkjip-xl test corpus"
    wb.save(path)
    fixed_stamps(path, datetime(year + 1, 1, 15) if year < 2026 else datetime(2026, 7, 10))
    return weak_rows


def fixed_stamps(path: Path, when: datetime) -> None:
    """The same bytes on every build: the zip entries' times and the document's created/modified dates."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(fixed, data)


def paste_values(wb: Workbook, export: dict, sheet_name: str) -> None:
    """The export's main sheet pasted as values (Paste Special > Nilai) into a new sheet: text stays text
    ('0,00'), formula cells keep the values Excel cached, error values stay error values, merges kept."""
    src = load_workbook(OUT / export["file"], data_only=True)[export["sheet"]]
    ws = wb.create_sheet(sheet_name)
    for row in src.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            target = ws.cell(cell.row, cell.column, cell.value)
            target.number_format = cell.number_format
    for rng in src.merged_cells.ranges:
        ws.merge_cells(str(rng))
    for letter, dim in src.column_dimensions.items():
        ws.column_dimensions[letter].width = dim.width


# -- one case ------------------------------------------------------------------------------------------------
def cell_of(layout: Layout, row: Row, column: str) -> str:
    return f"Tabel 3.8!{columns(layout)[column]}{row.sheet_row}"


def sipd_where(export: dict, line: Line, column: str) -> str:
    letter = {"anggaran": "J", "realisasi": "K"}[column]
    group = {"anggaran": "F + H", "realisasi": "G + I"}[column]
    return (f"{Path(export['file']).name} {export['sheet']}!{letter}{line.row} (Total = {group} of row "
            f"{line.row}, {line.code}; = the sum of its {line.accounts} account rows)"
            if line.level == "sub" else
            f"{Path(export['file']).name} {export['sheet']}!{letter}{line.row} (Total = {group}, {line.code})")


def num(v: Decimal | None):
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


def build_case(name: str, export: dict, layout: Layout, mistakes: list[Mistake], *, match: str, how: str,
               notes: str, expect_period_note: bool = False, realisasi_errors: bool = True,
               paired_with: dict | None = None) -> None:
    """`paired_with`: the export given with --sipd when it is not the one the table was copied from (then the
    pair must be refused for reconciliation: another year)."""
    programs = copy_table(read_export(OUT / export["file"], export["sheet"], UNIT))
    mistakes = copy.deepcopy(mistakes)
    apply(programs, mistakes)
    rows = flat(programs)
    path = OUT / f"{name}.xlsx"
    weak_rows = write_report(path, rows, layout, export["year"])
    jumlah = rows[-1]
    records = []
    for m in mistakes:
        rec = {"kind": m.kind, "sub_kegiatan": m.code, "why": m.why}
        if m.kind in ("digit", "swap", "neighbour"):
            p, k, s = find(programs, m.code)
            rec.update(cell=cell_of(layout, s, m.column), column=m.column, reported=num(m.reported),
                       printed=money_text(m.reported) if layout.store == "text" else num(m.reported),
                       sipd=num(m.sipd_value), sipd_where=sipd_where(export, s.sipd, m.column), row=s.sheet_row)
            # what follows from the mistyped figure: its selisih and %, and the parents' figures
            rec["follows"] = [cell_of(layout, s, c) for c in ("selisih", "pct")] + [
                cell_of(layout, parent, c) for parent in (k, p, jumlah) for c in (m.column, "selisih", "pct")]
            rec["accept"] = [{"cell": rec["cell"], "sipd": rec["sipd"]}]
        elif m.kind == "left_out":
            line = next(s for p in read_export(OUT / export["file"], export["sheet"], UNIT)
                        for k in p.children for s in k.children if s.code == m.code)
            p, k = next((p, k) for p in programs for k in p.children if k.code == m.code.rsplit(".", 1)[0])
            rec.update(name=line.name, sipd_anggaran=num(line.anggaran), sipd_realisasi=num(line.realisasi),
                       sipd_where=sipd_where(export, line, "anggaran"), row=k.sheet_row,
                       cell=cell_of(layout, k, "anggaran"), sipd=num(k.sipd.anggaran),
                       sipd_kegiatan_where=sipd_where(export, k.sipd, "anggaran") + ": SIPD's kegiatan anggaran, "
                       "which includes the left-out row; the report's kegiatan is summed without it")
            rec["accept"] = [{"cell": cell_of(layout, k, "anggaran"), "sipd": num(k.sipd.anggaran)}]
            if line.realisasi:
                rec["accept"].append({"cell": cell_of(layout, k, "realisasi"), "sipd": num(k.sipd.realisasi)})
            rec["follows"] = [cell_of(layout, parent, c) for parent in (k, p, jumlah)
                              for c in ("anggaran", "realisasi", "selisih", "pct")]
        elif m.kind == "extra_row":
            code, xname, a, r, src = m.arg
            p, k, s = find(programs, code)
            rec.update(name=xname, row=s.sheet_row, cell=cell_of(layout, s, "anggaran"), reported=num(Decimal(a)),
                       sipd=None, sipd_where=f"not in {Path(export['file']).name} ({src})")
            rec["accept"] = [{"cell": cell_of(layout, s, "anggaran"), "sipd": None},
                             {"cell": cell_of(layout, k, "anggaran"), "sipd": num(k.sipd.anggaran)}]
            rec["follows"] = [cell_of(layout, s, c) for c in ("realisasi", "selisih", "pct")] + [
                cell_of(layout, parent, c) for parent in (k, p, jumlah)
                for c in ("anggaran", "realisasi", "selisih", "pct")]
        records.append(rec)
    # rows whose SIPD name is shared by another program/kegiatan/sub kegiatan of the export: a name match
    # there is ambiguous, never the basis of an error
    names = [r.sipd.name.lower() for r in rows if r.sipd]
    ambiguous = sorted({r.sheet_row for r in rows if r.sipd and names.count(r.sipd.name.lower()) > 1})
    meta = {
        "source": f"built by tests/corpus/sipd/_build/build.py from the real SIPD export {export['file']} "
                  f"(copied as is from {export['source']})",
        "office": OFFICE,
        "year": export["year"],
        "kind": "LKjIP Tabel 3.8 with its SIPD export",
        "tables": ["3.8"],
        "how": how,
        "sipd": [] if layout.paste_export else [(paired_with or export)["file"]],
        "expect_refused": paired_with is not None,
        "sipd_sheet": layout.paste_sheet if layout.paste_export else None,
        "export_period": export["period"],
        "report_period": layout.period,
        "match": match,
        "consistent": not records,
        "expected": expected_list(records, match, realisasi_errors),
        "mistakes": records,
        "expect_period_note": expect_period_note,
        "realisasi_errors": realisasi_errors,
        "ambiguous_name_rows": ambiguous,
        "misspelt_name_rows": weak_rows,
        "rows": {"program": sum(r.level == "program" for r in rows),
                 "kegiatan": sum(r.level == "kegiatan" for r in rows),
                 "sub_kegiatan": sum(r.level in ("sub", "extra") for r in rows), "jumlah_row": jumlah.sheet_row},
        "jumlah": {"anggaran": num(jumlah.anggaran), "realisasi": num(jumlah.realisasi)},
        "notes": notes,
    }
    verify(path, layout, meta)
    (OUT / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    print(f"{name}: {len(rows)} rows, {len(records)} mistakes")


def expected_list(records: list[dict], match: str, realisasi_errors: bool) -> list[dict]:
    """The corpus format's `expected` (notes/corpus-format.md), with the export given: a figure that differs
    from SIPD is an error when its row is matched by code or by an exact, unambiguous name (the engine's rule;
    the acceptance test also takes a warning for an exact name), a warning for a realisasi against an export
    of another period; a row on one side only is a warning. Weak name matches: nothing may be more than a
    warning, so nothing is expected."""
    if match == "name-weak":
        return []
    out = []
    for rec in records:
        figure = rec["kind"] in ("digit", "swap", "neighbour")
        error = figure and (realisasi_errors or rec["column"] != "realisasi")
        out.append({"cell": rec["cell"], "severity": "error" if error else "warning", "codes": [],
                    "printed": rec.get("printed"), "value": rec.get("reported"), "expected_value": rec.get("sipd"),
                    "why": f"{rec['kind']}: {rec['why']}; SIPD: {rec['sipd_where']}"})
    return out


def verify(path: Path, layout: Layout, meta: dict) -> None:
    """Read the written table back (openpyxl, our own reading of the text figures) and check it is consistent
    in itself: selisih = anggaran - realisasi, % = realisasi / anggaran, every parent the sum of the rows under
    it up to the next row of its level, JUMLAH the sum of the programs; and every mistake's cell holds the
    mistyped figure."""
    ws = load_workbook(path)["Tabel 3.8"]
    col = columns(layout)

    def fig(letter, r):
        v = ws[f"{letter}{r}"].value
        if isinstance(v, str):
            v = v.replace("Rp", "").replace("%", "").strip().replace(".", "").replace(",", ".")
        return None if v is None else Decimal(str(v))

    rows = []
    r = 7
    while ws[f"{col['name']}{r}"].value:
        bold = ws[f"{col['name']}{r}"].font.b
        name = ws[f"{col['name']}{r}"].value
        level = "jumlah" if name == "JUMLAH" else "program" if ws[f"{col['no']}{r}"].value else \
            "kegiatan" if bold else "sub"
        rows.append((r, level, fig(col["anggaran"], r), fig(col["realisasi"], r)))
        a, x = fig(col["anggaran"], r), fig(col["realisasi"], r)
        assert fig(col["selisih"], r) == a - x, (path.name, r)
        p = fig(col["pct"], r)
        if layout.store == "number":
            # openpyxl writes 16 significant digits (as Excel shows them): equal to that precision
            assert abs(p - Decimal(x) / Decimal(a)) < Decimal("1e-15"), (path.name, r)
        else:
            assert p == (x / a * 100).quantize(Decimal("0.01"), ROUND_HALF_UP), (path.name, r)
        r += 1
    rank = {"sub": 0, "kegiatan": 1, "program": 2, "jumlah": 3}
    for i, (r, level, a, x) in enumerate(rows):
        if level == "sub":
            continue
        below = []
        for r2, level2, a2, x2 in rows[i + 1:]:
            if rank[level2] >= rank[level]:
                break
            if rank[level2] == rank[level] - 1 or level == "jumlah" and level2 == "program":
                below.append((a2, x2))
        if level == "jumlah":
            below = [(a2, x2) for _, level2, a2, x2 in rows if level2 == "program"]
        assert (a, x) == (sum(b[0] for b in below), sum(b[1] for b in below)), (path.name, r)
    for rec in meta["mistakes"]:
        if "column" in rec:
            letter, row = rec["cell"].split("!")[1][0], rec["row"]
            assert fig(letter, row) == Decimal(rec["reported"]), (path.name, rec["cell"])


# -- the cases ----------------------------------------------------------------------------------------------
SEMESTER = "Tahun Anggaran 2026, realisasi Semester I (s.d. 30 Juni 2026)"
YEAR_END_2026 = "Tahun Anggaran 2026, realisasi s.d. 31 Desember 2026"
YEAR_END_2024 = "Tahun Anggaran 2024, realisasi s.d. 31 Desember 2024"

MISTAKES_2026 = [
    Mistake("digit", "1.02.01.2.01.0001", "anggaran", 2,
            "one digit mistyped while copying the anggaran (the third digit one higher)"),
    Mistake("swap", "1.02.01.2.06.0004", "realisasi", 3,
            "two neighbouring digits of the realisasi swapped (4th and 5th digit)"),
    Mistake("neighbour", "2.14.03.2.03.0003", "realisasi", "2.14.03.2.03.0001",
            "the realisasi of the row above (the neighbouring sub kegiatan) copied into this row"),
    Mistake("left_out", "1.02.01.2.09.0006", why="a sub kegiatan with budget in SIPD left out of the table "
            "(its kegiatan, program and JUMLAH then summed without it)"),
    Mistake("extra_row", "1.02.02.2.02.0043", arg=(
        "1.02.02.2.02.0043", "Pengelolaan Kawasan tanpa rokok", 79999800, 79583150,
        "a sub kegiatan of TA 2024 (2024 export DPA, anggaran 79.999.800, realisasi 79.583.150) that the 2026 "
        "export does not have: last year's row kept"),
        why="a row SIPD does not have (last year's sub kegiatan kept in the table, with last year's figures)"),
]

MISTAKES_2024 = [
    Mistake("digit", "1.02.01.2.02.0001", "realisasi", 4, "one digit of the realisasi mistyped (5th digit)"),
    Mistake("swap", "1.02.02.2.02.0009", "anggaran", 2, "two neighbouring digits of the anggaran swapped"),
    Mistake("neighbour", "2.14.02.2.02.0013", "anggaran", "2.14.02.2.02.0012",
            "the anggaran of the row above copied into this row"),
    Mistake("left_out", "2.14.03.2.01.0008", why="a sub kegiatan with budget in SIPD left out of the table"),
]


def main() -> None:
    for old in OUT.glob("*.xlsx"):
        old.unlink()
    for old in OUT.glob("*.json"):
        old.unlink()
    e26, e24 = EXPORT_2026, EXPORT_2024
    common = ("Tabel 3.8 of the Dinas (organisation unit 1.02.2.14.0.00.01.0000) made as a finance officer makes "
              "it from the export: program > kegiatan > sub kegiatan rows in the export's order, Anggaran and "
              "Realisasi copied from the export's Total group (J, K = Operasi + Modal; at sub kegiatan level the "
              "sum of the account rows), Selisih = Anggaran - Realisasi, % = Realisasi / Anggaran, parents summed, "
              "JUMLAH = sum of the programs. ")
    numbers = "Figures typed as numbers (#,##0), % as the fraction Excel's =E/D stores, under 0.00%. "
    text = "Figures typed as Indonesian text ('Rp 22.696.700', '13,56%'). "
    build_case("sumenep-dinkes-2026-s1-kode-angka", e26, Layout(codes=True, period=SEMESTER), [], match="code",
               how=common + numbers + "With the Kepmendagri codes. A faithful copy.",
               notes="Semester I report against the s.d. Juni export: the same period, nothing to find.")
    build_case("sumenep-dinkes-2026-s1-nama-teks", e26, Layout(codes=False, store="text", period=SEMESTER), [],
               match="name-exact", how=common + text + "No code column: names exactly as SIPD prints them. "
               "A faithful copy.", notes="Matched by name only.")
    build_case("sumenep-dinkes-2026-s1-nama-singkat", e26, Layout(codes=False, names="weak", period=SEMESTER), [],
               match="name-weak", how=common + numbers + "No code column; names slightly abbreviated or misspelt "
               "(one change a name) the way officers type them ('Kab/Kota', 'SDM', 'Perencanan', '&'). "
               "A faithful copy of the figures.",
               notes="Weak name matches: never the basis of an error.")
    build_case("sumenep-dinkes-2026-s1-ekspor-ditempel", e26,
               Layout(codes=True, period=SEMESTER, paste_export=e26), [], match="code",
               how=common + numbers + "With codes. The export's main sheet (DINKES INDUK) pasted as values into "
               "sheet 'Sheet1' of the same workbook (no --sipd). A faithful copy.",
               notes="The export inside the workbook must be recognised by its layout and title, not its name.")
    build_case("sumenep-dinkes-2026-s1-kode-salah", e26, Layout(codes=True, period=SEMESTER), MISTAKES_2026,
               match="code", how=common + numbers + "With codes. Copying mistakes injected (recorded in "
               "'mistakes'), selisih, % and parents recomputed from the mistyped figures: the table is consistent.",
               notes="Each mistake must be an R error at its cell with expected = SIPD's figure.")
    build_case("sumenep-dinkes-2026-s1-ekspor-ditempel-salah", e26,
               Layout(codes=True, period=SEMESTER, paste_export=e26), MISTAKES_2026[:3], match="code",
               how=common + numbers + "With codes; the export pasted as values into 'Sheet1'. Three copying "
               "mistakes injected, table recomputed.", notes="As kode-salah, the export inside the workbook.")
    build_case("sumenep-dinkes-2026-s1-nama-teks-salah", e26, Layout(codes=False, store="text", period=SEMESTER),
               MISTAKES_2026, match="name-exact",
               how=common + text + "No code column, names exactly as SIPD. The kode-salah mistakes injected.",
               notes="Names match SIPD's exactly (normalised) and uniquely, except the rows in "
                     "ambiguous_name_rows: an error is allowed there only by an exact unambiguous name match.")
    build_case("sumenep-dinkes-2026-s1-nama-singkat-salah", e26, Layout(codes=False, names="weak", period=SEMESTER),
               MISTAKES_2026, match="name-weak", how=common + numbers + "No code column, names abbreviated and "
               "misspelt. The kode-salah mistakes injected.",
               notes="Weak name matches only: no R error anywhere (a warning is fine).")
    build_case("sumenep-dinkes-2026-tahunan-vs-juni", e26, Layout(codes=True, period=YEAR_END_2026),
               [MISTAKES_2026[0], MISTAKES_2026[1]], match="code", expect_period_note=True, realisasi_errors=False,
               how=common + numbers + "With codes; the title says the year-end (s.d. 31 Desember 2026) while the "
               "export is s.d. Juni. The figures are the June ones (a draft checked against the only export at "
               "hand), with one anggaran digit mistyped and one realisasi transposition.",
               notes="The period difference must be said once; the anggaran mistake stays an error (the budget is "
                     "the year's in both), the realisasi one at most a warning.")
    build_case("sumenep-dinkes-2024-kode-angka", e24, Layout(codes=True, period=YEAR_END_2024), [], match="code",
               how=common + numbers + "With codes; the Dinas unit only (the export also holds RSUD H. Moh. Anwar "
               "and 30 Puskesmas as units .0001-.0031 with the same program codes). A faithful copy.",
               notes="The report's JUMLAH equals the Dinas unit's total (1.02 block 295.600.967.124 + 2.14 block "
                     "10.889.561.647 = 306.490.528.771), not the export's Jumlah (622.014.417.997).")
    build_case("sumenep-dinkes-2024-kode-angka-vs-ekspor-2026", e24, Layout(codes=True, period=YEAR_END_2024), [],
               match="code", paired_with=e26,
               how=common + numbers + "The 2024 table (as sumenep-dinkes-2024-kode-angka) given with the 2026 "
               "export: the wrong year's file attached.",
               notes="An export of another year (TA 2026 against a TA 2024 report) must be refused for "
                     "reconciliation with the reason: no figure compared, no R error.")
    build_case("sumenep-dinkes-2024-kode-salah", e24, Layout(codes=True, period=YEAR_END_2024), MISTAKES_2024,
               match="code", how=common + numbers + "With codes, the Dinas unit only; copying mistakes injected and "
               "the table recomputed.", notes="Year-end report, whole-year export: every mistake is an error.")


if __name__ == "__main__":
    main()
