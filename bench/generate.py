"""Realistic LKjIP template workbooks of any size, saved the way Excel saves them: with cached values.

    python -m bench.generate --lines 20000 --out besar.xlsx
    python -m bench.generate --count 500 --lines 40 --error-rate 0.02 --out-dir kiriman/

A workbook is the lkjip-xl template filled with N budget lines of Tabel 3.8 (programs > kegiatan > sub
kegiatan with Kepmendagri codes), Tabel 3.7, and the performance tables 3.2, 3.3 and 3.5 for a few
indicators, every figure consistent across tables; then the mistakes reviewers meet are injected at a given
rate per line, and listed (``Workbook.injected``).

openpyxl cannot write cached formula values, and files saved by Excel have them. So the template builder
writes a *skeleton* once per size (styles, protection, validations, conditional formats, every formula),
and the sheets' XML is written here, cell by cell with the skeleton's styles: formulas shared down their
column as Excel stores filled-down formulas, each with the value Excel would cache (computed below with
Excel's semantics; tests/test_bench_generate.py checks them against the ``formulas`` engine and LibreOffice),
and text in the shared-string table.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lkjip_xl.indicators import TABEL_31
from lkjip_xl.load.xlsx import workbook_parts
from lkjip_xl.snapshot import a1, column_letter, parse_a1
from lkjip_xl.template import layout as L
from lkjip_xl.template.build import _write_table, build_template, settings_cell

Pos = tuple[int, int]

PROGRAM, KEGIATAN, SUB = "Program", "Kegiatan", "Sub Kegiatan"

_WORDS = (
    "Penyediaan", "Pemeliharaan", "Koordinasi", "Fasilitasi", "Pembinaan", "Pengelolaan", "Penyelenggaraan",
    "Peningkatan", "Pelaksanaan", "Penyusunan", "Sinkronisasi", "Pengawasan",
)
_OBJECTS = (
    "dokumen perencanaan", "administrasi keuangan", "barang milik daerah", "jasa komunikasi dan listrik",
    "peralatan kantor", "rapat koordinasi", "pelayanan publik", "ketenteraman dan ketertiban umum",
    "pemberdayaan masyarakat desa", "wawasan kebangsaan", "keuangan desa", "data dan informasi",
)
_INDICATORS = (
    ("Indeks Kepuasan Masyarakat", "Nilai", "Positif", (76.0, 90.0)),
    ("Nilai SAKIP", "Nilai", "Positif", (60.0, 80.0)),
    ("Persentase pengaduan tidak tertangani", "%", "Negatif", (5.0, 15.0)),
    ("Persentase desa dengan tata kelola baik", "%", "Positif", (50.0, 95.0)),
    ("Indeks Reformasi Birokrasi", "Nilai", "Positif", (55.0, 75.0)),
)


@dataclass(frozen=True)
class Injected:
    """One mistake put into a workbook on purpose: where, and what kind."""

    sheet: str
    cell: str
    kind: str


@dataclass
class Workbook:
    """What to write: the typed cells per sheet, the table layouts in use, and the injected mistakes."""

    office: str
    year: int
    body_rows: int  # body rows of the Tabel 3.8 the skeleton has (the template's 300, or more)
    inputs: dict[str, dict[Pos, Any]] = field(default_factory=dict)
    injected: list[Injected] = field(default_factory=list)

    @property
    def layout38(self) -> L.TableLayout:
        return replace(L.TABLE_38, body_rows=self.body_rows)

    def layouts(self) -> dict[str, L.TableLayout]:
        out = {table.sheet: table for table in L.TABLES}
        out[L.TABLE_38.sheet] = self.layout38
        return out

    def put(self, sheet: str, row: int, col: int, value: Any) -> None:
        self.inputs.setdefault(sheet, {})[(row, col)] = value


# -- the content ------------------------------------------------------------------------------------


@dataclass
class BudgetLine:
    code: str
    level: str
    uraian: str
    anggaran: Any = None
    realisasi: Any = None


def _program_code(index: int) -> str:
    return f"{1 + index // 990 % 9}.{index // 99 % 10 + 1:02d}.{index % 99 + 1:02d}"


def budget_lines(count: int, rng: random.Random) -> list[BudgetLine]:
    """Exactly ``count`` lines: programs of kegiatan of sub kegiatan; parents carry the sums of their subs."""
    if count < 3:
        raise ValueError("a Tabel 3.8 needs at least 3 lines: a program, a kegiatan and a sub kegiatan")
    small = count <= 60
    subs_per_kegiatan, kegiatan_per_program = (3, 3) if small else (12, 6)
    lines: list[BudgetLine] = []
    subs: list[BudgetLine] = []
    kegiatan_code, sub_number = "", 0

    def add_sub() -> None:
        nonlocal sub_number
        sub_number += 1
        anggaran = rng.randrange(5_000, 2_000_000) * 1000
        realisasi = anggaran if rng.random() < 0.3 else round(anggaran * rng.uniform(0.80, 0.999))
        line = BudgetLine(f"{kegiatan_code}.{sub_number:04d}", SUB, _uraian(rng), anggaran, realisasi)
        lines.append(line)
        subs.append(line)

    program_index = 0
    while count - len(lines) >= 3:
        program = BudgetLine(_program_code(program_index), PROGRAM, "PROGRAM " + _uraian(rng).upper())
        program_index += 1
        lines.append(program)
        for number in range(1, rng.randint(1, 2 * kegiatan_per_program - 1) + 1):
            if count - len(lines) < 2:
                break
            kegiatan_code, sub_number = f"{program.code}.2.{number:02d}", 0
            lines.append(BudgetLine(kegiatan_code, KEGIATAN, _uraian(rng)))
            for _ in range(min(rng.randint(1, 2 * subs_per_kegiatan - 1), count - len(lines))):
                add_sub()
    while len(lines) < count:  # too few left for another program: the last kegiatan gets them
        add_sub()
    sum_parents(lines)
    return lines


def sum_parents(lines: list[BudgetLine]) -> None:
    """Each program and kegiatan gets the sums of its sub kegiatan, as in SIPD."""
    sums: dict[str, list[int]] = {}
    for sub in lines:
        if sub.level == SUB:
            for parent in (sub.code.rsplit(".", 1)[0], sub.code.rsplit(".", 3)[0]):
                total = sums.setdefault(parent, [0, 0])
                total[0] += sub.anggaran
                total[1] += sub.realisasi
    for line in lines:
        if line.level != SUB:
            line.anggaran, line.realisasi = sums[line.code]


def _uraian(rng: random.Random) -> str:
    return f"{rng.choice(_WORDS)} {rng.choice(_OBJECTS)}"


def build(lines: int, error_rate: float = 0.0, seed: int = 0, office: str | None = None, year: int = 2024,
          indicators: int = 3) -> Workbook:
    """The content of one workbook: ``lines`` Tabel 3.8 lines, mistakes injected at ``error_rate`` per line."""
    rng = random.Random(seed)
    body_rows = max(L.TABLE_38.body_rows, lines + 20)
    book = Workbook(office or f"Dinas Contoh {seed:04d} Kabupaten Uji", year, body_rows)
    settings_sheet, office_cell, year_cell = L.SETTINGS_SHEET, settings_cell("nama_opd"), settings_cell("tahun")
    book.put(settings_sheet, *parse_a1(office_cell.split("!")[1].replace("$", "")), book.office)
    book.put(settings_sheet, *parse_a1(year_cell.split("!")[1].replace("$", "")), year)

    budget = budget_lines(lines, rng)
    mistakes = _choose_mistakes(budget, rng, error_rate)
    table = book.layout38
    sheet = table.sheet
    number = 0
    for offset, line in enumerate(budget):
        row = table.first_row + offset
        if line.level == SUB:
            number += 1
            book.put(sheet, row, table.col("no"), number)
        book.put(sheet, row, table.col("kode"), line.code)
        book.put(sheet, row, table.col("uraian"), line.uraian)
        book.put(sheet, row, table.col("anggaran"), line.anggaran)
        book.put(sheet, row, table.col("realisasi"), line.realisasi)
    total_anggaran = sum(line.anggaran for line in budget if line.level == SUB)
    total_realisasi = sum(line.realisasi for line in budget if line.level == SUB)
    _summary_table(book, total_anggaran, total_realisasi)
    _performance_tables(book, rng, indicators, total_anggaran, total_realisasi)
    _inject(book, budget, mistakes, rng)
    _inject_performance(book, rng, error_rate)
    return book


def _summary_table(book: Workbook, anggaran: int, realisasi: int) -> None:
    table = L.TABLE_37
    book.put(table.sheet, table.first_row, table.col("uraian"), "BELANJA DAERAH")
    row = table.first_row + 1
    book.put(table.sheet, row, table.col("no"), 1)
    book.put(table.sheet, row, table.col("uraian"), "Belanja Operasi")
    book.put(table.sheet, row, table.col("anggaran"), anggaran)
    book.put(table.sheet, row, table.col("realisasi"), realisasi)


def _performance_tables(book: Workbook, rng: random.Random, count: int, anggaran: int, realisasi: int) -> None:
    t32, t33, t35 = L.TABLE_32, L.TABLE_33, L.TABLE_35
    for index in range(count):
        name, unit, polarity, (low, high) = _INDICATORS[index % len(_INDICATORS)]
        ident = f"IKU-{index + 1:02d}"
        goal = f"Sasaran {index + 1}: {rng.choice(_OBJECTS)} meningkat"
        years = [(round(rng.uniform(low, high), 2), round(rng.uniform(low, high) * rng.uniform(0.9, 1.1), 2))
                 for _ in range(3)]
        target, actual = years[2]
        row = t32.first_row + index
        for key, value in (("no", index + 1), ("id", ident), ("indikator", name), ("satuan", unit),
                           ("polaritas", polarity), ("target", target), ("realisasi", actual)):
            book.put(t32.sheet, row, t32.col(key), value)
        row = t33.first_row + index
        for key, value in (("no", index + 1), ("id", ident), ("sasaran", goal), ("indikator", name)):
            book.put(t33.sheet, row, t33.col(key), value)
        for offset, (year_target, year_actual) in zip((2, 1, 0), years):
            book.put(t33.sheet, row, t33.col(f"target{offset}"), year_target)
            book.put(t33.sheet, row, t33.col(f"realisasi{offset}"), year_actual)
        row = t35.first_row + index
        for key, value in (("no", index + 1), ("sasaran", goal), ("id", ident), ("indikator", name),
                           ("target", target), ("realisasi", actual)):
            book.put(t35.sheet, row, t35.col(key), value)
        if index == 0:  # as in the seed, the office's whole budget stands on the first sasaran
            book.put(t35.sheet, row, t35.col("anggaran"), anggaran)
            book.put(t35.sheet, row, t35.col("realisasi_rp"), realisasi)


def _transpose(value: int, rng: random.Random) -> int:
    digits = list(str(value))
    pairs = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]]
    if not pairs:
        return value + 1000
    i = rng.choice(pairs)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    return int("".join(digits))


def _rupiah_text(value: int, us: bool) -> str:
    text = f"{value:,}"
    return "Rp " + (text if us else text.replace(",", "."))


_SUB_MISTAKES = ("selisih_typed", "persen_typed", "text_number", "us_format", "over_budget")
_PARENT_MISTAKES = ("parent_sum", "transposed_digits")


def _choose_mistakes(budget: list[BudgetLine], rng: random.Random, rate: float) -> dict[int, str]:
    """Which lines get a mistake, and which. Spending above the budget is real spending: the sums include it."""
    mistakes = {}
    for index, line in enumerate(budget):
        if rng.random() < rate:
            mistakes[index] = rng.choice(_SUB_MISTAKES if line.level == SUB else _PARENT_MISTAKES)
            if mistakes[index] == "over_budget":
                line.realisasi = line.anggaran + rng.randrange(1, 100) * 1000
    if "over_budget" in mistakes.values():
        sum_parents(budget)
    return mistakes


def _inject(book: Workbook, budget: list[BudgetLine], mistakes: dict[int, str], rng: random.Random) -> None:
    """Type the chosen mistakes over the lines (parents as sums of their subs are already written)."""
    table = book.layout38
    col = table.col
    for index, kind in mistakes.items():
        line = budget[index]
        row = table.first_row + index
        key = {"parent_sum": rng.choice(("anggaran", "realisasi")), "transposed_digits": "realisasi",
               "selisih_typed": "selisih", "persen_typed": "persen", "over_budget": "realisasi"}.get(kind, "anggaran")
        if kind == "parent_sum":
            book.put(table.sheet, row, col(key), getattr(line, key) + rng.randrange(1, 500) * 1000)
        elif kind == "transposed_digits":
            book.put(table.sheet, row, col(key), _transpose(line.realisasi, rng))
        elif kind == "selisih_typed":
            book.put(table.sheet, row, col(key), line.anggaran - line.realisasi + rng.randrange(1, 100) * 1000)
        elif kind == "persen_typed":
            book.put(table.sheet, row, col(key), round(line.realisasi / line.anggaran + rng.uniform(0.02, 0.2), 4))
        elif kind in ("text_number", "us_format"):
            book.put(table.sheet, row, col(key), _rupiah_text(line.anggaran, us=kind == "us_format"))
        book.injected.append(Injected(table.sheet, a1(row, col(key)), kind))


def _inject_performance(book: Workbook, rng: random.Random, rate: float) -> None:
    """A capaian typed over its formula, 7% off."""
    table = L.TABLE_32
    inputs = book.inputs.get(table.sheet, {})
    for row in sorted(row for row, col in inputs if col == table.col("target")):
        if rng.random() < rate:
            target, actual = inputs[(row, table.col("target"))], inputs[(row, table.col("realisasi"))]
            book.put(table.sheet, row, table.col("capaian"), round(actual / target * 1.07, 4))
            book.injected.append(Injected(table.sheet, a1(row, table.col("capaian")), "capaian_typed"))


# -- Excel's values of the template's formulas -------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or value == ""


def _n(value: Any) -> float:
    """Excel's N(): numbers stay, text and blanks are 0."""
    return float(value) if isinstance(value, (int, float)) else 0.0


def _ratio(top: Any, bottom: Any) -> Any:
    return "" if _n(bottom) == 0 else _n(top) / _n(bottom)


def _level(code: Any) -> str:
    text = "" if code is None else " ".join(str(code).split()).replace(",", ".")
    if not text:
        return ""
    return {2: PROGRAM, 4: KEGIATAN, 5: SUB}.get(text.count("."), "?")


def _category(capaian: Any) -> str:
    """The template's category formula with the default scale (the seed's Tabel 3.1), in fractions as Excel."""
    if not isinstance(capaian, (int, float)):
        return ""
    for band in TABEL_31.bands:
        if band.bound is None or (capaian >= band.bound / 100 if band.inclusive else capaian > band.bound / 100):
            return band.label
    return TABEL_31.bands[-1].label


def _capaian(target: Any, actual: Any, negative: bool) -> Any:
    """Capaian with the default formula for negative polarity, (2 × target − realisasi) / target."""
    if _n(target) == 0 or not isinstance(actual, (int, float)):
        return ""
    return (2 * target - actual) / target if negative else actual / target


def _efficiency(mean: Any, serapan: Any) -> str:
    if _blank(mean) or _blank(serapan):
        return ""
    if mean >= 1 and serapan < mean:
        return "Efisien"
    if mean < 1 and serapan > mean:
        return "Tidak Efisien"
    return "-"


class _Sheets:
    """Every cell's value as Excel would show it: typed, or its template formula evaluated on demand."""

    def __init__(self, book: Workbook, formula_cells: dict[str, set[Pos]]) -> None:
        self.book = book
        self.layouts = book.layouts()
        self.formula_cells = formula_cells
        self.values: dict[str, dict[Pos, Any]] = {sheet: {} for sheet in formula_cells}

    def get(self, sheet: str, row: int, key: str) -> Any:
        pos = (row, self.layouts[sheet].col(key))
        inputs = self.book.inputs.get(sheet, {})
        if pos in inputs:
            return inputs[pos]
        if pos not in self.formula_cells[sheet]:
            return None
        values = self.values[sheet]
        if pos not in values:
            values[pos] = self.formula(sheet, *pos)
        return values[pos]

    def formula(self, sheet: str, row: int, col: int) -> Any:
        book, table = self.book, self.layouts[sheet]
        if row == 2:  # the subtitle: text joined with the office and the year
            return table.subtitle.replace("{opd}", book.office).replace("{tahun}", str(book.year))
        if row == table.header_row:  # a year over a group of columns
            return book.year - {"tahun2": 2, "tahun1": 1, "tahun0": 0}[table.columns[col - 1].group]
        key = table.columns[col - 1].key
        if table.first_row <= row <= table.last_body_row:
            return self.body(table, row, key)
        if row == table.last_body_row + 1:
            return self.total(table, row, key)
        raise ValueError(f"no formula model for {sheet}!{a1(row, col)}")

    def body(self, table: L.TableLayout, row: int, key: str) -> Any:
        def cell(name: str, at: int = row) -> Any:
            return self.get(table.sheet, at, name)

        if key == "persen":
            return _ratio(cell("realisasi"), cell("anggaran"))
        if key == "serapan":
            return _ratio(cell("realisasi_rp"), cell("anggaran"))
        if key == "level":
            return _level(cell("kode"))
        if key == "selisih":
            if _blank(cell("anggaran")) and _blank(cell("realisasi")):
                return ""
            return _n(cell("anggaran")) - _n(cell("realisasi"))
        if key == "kategori":
            return _category(cell("capaian"))
        if key == "negatif":  # negative in Tabel 3.2 under the same ID (the settings list no indicator)
            return self.negative_in_32(str(cell("id") or "").strip())
        if key.startswith("capaian"):
            offset = key[len("capaian"):]
            negative = str(cell("polaritas") or "").casefold() == "negatif" if table.table == "3.2" else cell("negatif")
            return _capaian(cell("target" + offset), cell("realisasi" + offset), negative)
        if key == "kelompok":  # a row with a budget opens a group; rows below without one share it
            if row == table.first_row:
                return 1
            opens = not _blank(cell("anggaran")) or not _blank(cell("realisasi_rp"))
            return cell("kelompok", row - 1) + (1 if opens else 0)
        if key == "rata_capaian":  # AVERAGEIFS over the group's numeric capaian
            group = cell("kelompok")
            found = [value for r in range(table.first_row, table.last_body_row + 1)
                     if cell("kelompok", r) == group and isinstance(value := cell("capaian", r), (int, float))]
            return sum(found) / len(found) if found else ""
        if key == "efisiensi":  # the default formula, 100 − % serapan
            return "" if _blank(cell("serapan")) else 1 - cell("serapan")
        if key == "kategori_efisiensi":
            return _efficiency(cell("rata_capaian"), cell("serapan"))
        raise ValueError(f"no formula model for {table.sheet} column {key}")

    def negative_in_32(self, ident: str) -> bool:
        table = L.TABLE_32
        rows = self.book.inputs.get(table.sheet, {})
        return bool(ident) and any(
            str(rows.get((r, table.col("id")), "")).casefold() == ident.casefold()
            and str(rows.get((r, table.col("polaritas")), "")).casefold() == "negatif"
            for r in range(table.first_row, table.last_body_row + 1)
        )

    def total(self, table: L.TableLayout, row: int, key: str) -> Any:
        body = range(table.first_row, table.last_body_row + 1)

        def cell(name: str, at: int = row) -> Any:
            return self.get(table.sheet, at, name)

        if key in ("anggaran", "realisasi"):
            if table.table == "3.8":  # SUMIFS over the sub kegiatan
                return sum(_n(cell(key, r)) for r in body if str(cell("level", r) or "").casefold() == "sub kegiatan")
            return sum(_n(cell(key, r)) for r in body)
        if key == "selisih":
            return _n(cell("anggaran")) - _n(cell("realisasi"))
        if key == "persen":
            return _ratio(cell("realisasi"), cell("anggaran"))
        raise ValueError(f"no formula model for {table.sheet} total column {key}")


def cached_values(book: Workbook, formula_cells: dict[str, set[Pos]]) -> dict[str, dict[Pos, Any]]:
    """What Excel caches for each formula cell of the skeleton that staff did not type over."""
    sheets = _Sheets(book, formula_cells)
    for sheet, cells in formula_cells.items():
        if cells and sheet not in sheets.layouts:
            raise ValueError(f"no formula model for sheet {sheet}")
        inputs = book.inputs.get(sheet, {})
        for row, col in cells:
            if (row, col) not in inputs and (row, col) not in sheets.values[sheet]:
                sheets.values[sheet][(row, col)] = sheets.formula(sheet, row, col)
    return sheets.values


# -- writing the package -----------------------------------------------------------------------------

_ROW = re.compile(r"<row ([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*(?:/>|>(.*?)</c>)', re.S)
_FORMULA = re.compile(r"<f>(.*?)</f>", re.S)
_INLINE = re.compile(r"<is><t[^>]*>(.*?)</t></is>", re.S)
_VALUE = re.compile(r"<v>(.*?)</v>", re.S)

SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@dataclass
class SkeletonCell:
    style: str | None
    formula: str | None = None  # XML-escaped, as in the part
    text: str | None = None  # XML-escaped static text
    number: str | None = None


@dataclass
class SkeletonSheet:
    part: str
    head: str  # the XML up to and including <sheetData>
    tail: str  # from </sheetData>
    rows: dict[int, tuple[str, dict[int, SkeletonCell]]]  # row -> (row attributes, cells by column)

    def formula_cells(self) -> set[Pos]:
        return {(r, c) for r, (_, cells) in self.rows.items() for c, cell in cells.items() if cell.formula}


@dataclass
class Skeleton:
    parts: dict[str, bytes]
    sheets: dict[str, SkeletonSheet]


@lru_cache(maxsize=4)
def skeleton(body_rows: int) -> Skeleton:
    """The template as the template builder writes it, with ``body_rows`` rows in Tabel 3.8."""
    workbook = build_template()
    if body_rows != L.TABLE_38.body_rows:
        index = workbook.sheetnames.index(L.TABLE_38.sheet)
        del workbook[L.TABLE_38.sheet]
        _write_table(workbook.create_sheet(L.TABLE_38.sheet, index), replace(L.TABLE_38, body_rows=body_rows))
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
        entries = workbook_parts(archive)
    sheets = {}
    for entry in entries:
        xml = parts[entry.part].decode("utf-8")
        start = xml.index("<sheetData>") + len("<sheetData>")
        end = xml.index("</sheetData>")
        rows = {}
        for match in _ROW.finditer(xml, start, end):
            attributes, body = match.group(1), match.group(2) or ""
            row = int(re.search(r'r="(\d+)"', attributes).group(1))
            cells = {}
            for cell in _CELL.finditer(body):
                content = cell.group(5) or ""
                formula, text, number = _FORMULA.search(content), _INLINE.search(content), _VALUE.search(content)
                cells[_col(cell.group(1))] = SkeletonCell(
                    cell.group(3),
                    formula.group(1) if formula else None,
                    text.group(1) if text and cell.group(4) == "inlineStr" else None,
                    number.group(1) if number and not formula else None,
                )
            rows[row] = (attributes, cells)
        sheets[entry.name] = SkeletonSheet(entry.part, xml[:start], xml[end:], rows)
    return Skeleton(parts, sheets)


def _col(letters: str) -> int:
    return parse_a1(letters + "1")[1]


class _SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def add(self, escaped: str) -> int:
        self.count += 1
        return self.index.setdefault(escaped, len(self.index))

    def xml(self) -> bytes:
        items = "".join(
            f'<si><t xml:space="preserve">{text}</t></si>' if text != text.strip() else f"<si><t>{text}</t></si>"
            for text in self.index
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{self.count}" '
            f'uniqueCount="{len(self.index)}">{items}</sst>'
        ).encode("utf-8")


def _value_cell(ref: str, style: str, value: Any, strings: _SharedStrings, formula: str = "") -> str:
    if value is None:
        return f"<c {ref}{style}/>" if not formula else f"<c {ref}{style}>{formula}<v></v></c>"
    if isinstance(value, bool):
        return f'<c {ref}{style} t="b">{formula}<v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        number = repr(float(value)) if isinstance(value, float) and not value.is_integer() else str(int(value))
        return f"<c {ref}{style}>{formula}<v>{number}</v></c>"
    text = escape(str(value))
    if formula:  # a formula's text result is stored in the cell, not in the shared strings
        return f'<c {ref}{style} t="str">{formula}<v>{text}</v></c>'
    return f'<c {ref}{style} t="s"><v>{strings.add(text)}</v></c>'


def _sheet_xml(sheet: SkeletonSheet, inputs: dict[Pos, Any], cached: dict[Pos, Any], table: L.TableLayout | None,
               strings: _SharedStrings) -> str:
    masters: dict[int, str] = {}  # column -> the shared formula's si, for the table's body columns
    out = [sheet.head]
    placed = set()
    for row in sorted(sheet.rows):
        attributes, cells = sheet.rows[row]
        parts = [f"<row {attributes}>"]
        for col in sorted(cells):
            cell = cells[col]
            ref = f'r="{column_letter(col)}{row}"'
            style = f' s="{cell.style}"' if cell.style is not None else ""
            placed.add((row, col))
            if (row, col) in inputs:
                parts.append(_value_cell(ref, style, inputs[(row, col)], strings))
            elif cell.formula is not None:
                formula = f"<f>{cell.formula}</f>"
                if table is not None and table.first_row <= row <= table.last_body_row:
                    if col not in masters:
                        si = masters[col] = str(len(masters))
                        span = f"{column_letter(col)}{row}:{column_letter(col)}{table.last_body_row}"
                        formula = f'<f t="shared" ref="{span}" si="{si}">{cell.formula}</f>'
                    else:
                        formula = f'<f t="shared" si="{masters[col]}"/>'
                parts.append(_value_cell(ref, style, cached[(row, col)], strings, formula))
            elif cell.text is not None:
                parts.append(f'<c {ref}{style} t="s"><v>{strings.add(cell.text)}</v></c>')
            elif cell.number is not None:
                parts.append(f"<c {ref}{style}><v>{cell.number}</v></c>")
            else:
                parts.append(f"<c {ref}{style}/>")
        parts.append("</row>")
        out.append("".join(parts))
    missing = set(inputs) - placed
    if missing:
        raise ValueError(f"{sheet.part}: cells outside the template: {sorted(missing)[:5]}")
    out.append(sheet.tail)
    return "".join(out)


def render(book: Workbook) -> bytes:
    """The .xlsx file of ``book``."""
    base = skeleton(book.body_rows)
    cached = cached_values(book, {name: sheet.formula_cells() for name, sheet in base.sheets.items()})
    layouts = book.layouts()
    strings = _SharedStrings()
    parts = dict(base.parts)
    for name, sheet in base.sheets.items():
        xml = _sheet_xml(sheet, book.inputs.get(name, {}), cached[name], layouts.get(name), strings)
        parts[sheet.part] = xml.encode("utf-8")
    parts["xl/sharedStrings.xml"] = strings.xml()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    if SST_TYPE not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdSst" Type="{SST_TYPE}" '
                                                'Target="sharedStrings.xml"/></Relationships>')
        parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    if "/xl/sharedStrings.xml" not in types:
        types = types.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CONTENT}"/>'
                                          "</Types>")
        parts["[Content_Types].xml"] = types.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["[Content_Types].xml", *[n for n in parts if n != "[Content_Types].xml"]]:
            archive.writestr(name, parts[name])
    return buffer.getvalue()


def write(path: Path, book: Workbook) -> Path:
    path.write_bytes(render(book))
    return path


def write_many(out_dir: Path, count: int, lines: int, error_rate: float, seed: int = 0) -> list[Path]:
    """``count`` workbooks of different offices; every fifth one is clean, the others carry mistakes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        rate = 0.0 if index % 5 == 0 else error_rate
        book = build(lines, rate, seed=seed + index)
        paths.append(write(out_dir / f"lkjip-{seed + index:05d}.xlsx", book))
    return paths


# -- free-form workbooks: the tables as offices paste and type them (the precision corpus) --------------
#
# Same content as above (budget_lines), written the way the figures reach a reviewer: not the template, but
# tables pasted or typed on ordinary sheets, every figure in one of the forms programs and people store.
# Each form below is one a consistent table really holds; bench/precision.py and
# tests/test_precision_corpus.py expect no error on them.

FREEFORM_MISTAKES = ("parent_sum", "transposed_digits", "wrong_percent", "wrong_capaian", "sign_error")

NBSP = "\u00a0"
PAGE_LINES = 25  # budget lines per printed page of a pasted Tabel 3.8
_PERCENT_FORMAT, _MONEY_FORMAT, _MONEY_SEN_FORMAT = "0.00%", "#,##0", "#,##0.00"


def _half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def _grouped(value: Decimal, thousands: str, decimal: str, decimals: int) -> str:
    """``value`` with its thousands and decimals marked the way a given office writes them."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    groups = f"{int(whole):,}".replace(",", thousands)
    return sign + groups + (decimal + fraction if decimals else "")


def money_forms(value: Decimal) -> list[tuple[Any, str | None]]:
    """Ways a consistent amount is stored: (cell value, number format). Sen only where the amount has sen."""
    sen = value != value.to_integral_value()
    forms: list[tuple[Any, str | None]] = [
        (float(value), _MONEY_SEN_FORMAT if sen else _MONEY_FORMAT),  # a number, or a float sum of floats
        ("Rp " + _grouped(value, ".", ",", 2 if sen else 0), None),
        (_grouped(value, NBSP, ",", 2 if sen else 0), None),  # a space (NBSP) for thousands
        (_grouped(value, ".", ",", 2), None),  # "2.390.574.448,00"
        ("Rp " + _grouped(value, ",", ",", 2), None),  # "12,671,027,494,757,60": commas for both
    ]
    if not sen:
        forms.append(("Rp. " + _grouped(value, ".", ",", 0) + ",-", None))  # whole rupiah: ",-"
    return forms


def nil_forms() -> list[tuple[Any, str | None]]:
    return [(0, _MONEY_FORMAT), ("Rp -", None), ("-", None), ("Rp 0", None)]


def negative_forms(value: Decimal) -> list[tuple[Any, str | None]]:
    """A negative amount (a selisih where realisasi is above anggaran)."""
    text = _grouped(-value, ".", ",", 0)
    return [(float(value), _MONEY_FORMAT), (f"({text})", None), (f"Rp -{text}", None), (f"Rp - {text}", None)]


def percent_forms(realisasi: Decimal, anggaran: Decimal) -> list[tuple[Any, str | None]]:
    """A percentage realisasi / anggaran as programs and people store it."""
    exact = realisasi / anggaran
    shown = _half_up(exact * 100, 2)
    return [
        (float(realisasi) / float(anggaran), _PERCENT_FORMAT),  # =F/E under 0.00%
        (round(float(shown), 2) / 100, _PERCENT_FORMAT),  # =ROUND(F/E*100;2)/100: 0.9634999999999999
        (float(shown), None),  # 96.35 under General
        (f"{shown}".replace(".", ",") + " %", None),  # "96,35 %"
        (f"{shown}".replace(".", ",") + "%", None),
    ]


@dataclass
class FreeformBook:
    """A free-form workbook's cells: sheet -> rows of (value, number format, bold); and the injected mistakes."""

    sheets: dict[str, list[list[tuple[Any, str | None, bool]]]] = field(default_factory=dict)
    injected: list[Injected] = field(default_factory=list)
    merges: dict[str, list[str]] = field(default_factory=dict)

    def sheet(self, name: str) -> list[list[tuple[Any, str | None, bool]]]:
        return self.sheets.setdefault(name, [])

    def save(self, path: Path) -> Path:
        from openpyxl import Workbook as Book
        from openpyxl.styles import Font

        book = Book()
        book.remove(book.active)
        bold = Font(bold=True)
        for name, rows in self.sheets.items():
            sheet = book.create_sheet(name)
            for r, row in enumerate(rows, start=1):
                for c, (value, number_format, is_bold) in enumerate(row, start=1):
                    if value is None or value == "":
                        continue
                    cell = sheet.cell(r, c, value)
                    if number_format:
                        cell.number_format = number_format
                    if is_bold:
                        cell.font = bold
            for span in self.merges.get(name, []):
                sheet.merge_cells(span)
        book.save(path)
        return path


def _cells(*values: Any, bold: bool = False) -> list[tuple[Any, str | None, bool]]:
    out = []
    for value in values:
        value, number_format = value if isinstance(value, tuple) else (value, None)
        out.append((value, number_format, bold))
    return out


def _as_text(forms: list[tuple[Any, str | None]]) -> list[tuple[Any, str | None]]:
    """Only the forms a figure pasted from a report's text takes: "Rp 1.234.567", "96,35%"."""
    return [form for form in forms if isinstance(form[0], str)]


def freeform(lines: int, seed: int = 0, mistake: str | None = None, text_figures: bool = False) -> FreeformBook:
    """A consistent free-form workbook: Tabel 3.8 of ``lines`` budget lines with codes, and Tabel 3.2, 3.3, 3.5
    and 3.7 agreeing with it; with ``mistake`` (one of FREEFORM_MISTAKES) one known mistake, listed in
    ``injected`` at its cell. With ``text_figures`` every Tabel 3.8 figure is text, as pasted from a report
    (the parents' sums and JUMLAH too, written with their sen)."""
    forms = _as_text if text_figures else (lambda found: found)
    rng = random.Random(seed)
    budget = budget_lines(lines, rng)
    # Realisasi with sen on some lines (so that parent sums are float sums), one line above its budget.
    subs = [line for line in budget if line.level == SUB]
    for line in subs:
        if rng.random() < 0.2:
            line.realisasi = line.realisasi - 1 + rng.randrange(1, 100) / 100
    subs[len(subs) // 2].realisasi = subs[len(subs) // 2].anggaran + 2_650_000
    sum_parents(budget)
    book = FreeformBook()
    sheet38 = "Tabel 3.8"
    rows = book.sheet(sheet38)
    rows.append(_cells("Tabel 3.8", bold=True))
    rows.append(_cells(f"Realisasi Anggaran Dinas Contoh {seed:04d} Tahun Anggaran 2024", bold=True))
    rows.append([])
    rows.append(_cells("NO", "KODE", "PROGRAM/KEGIATAN/SUB KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)",
                       "SELISIH (Rp)", "PERSENTASE (%)", bold=True))
    rows.append(_cells(1, 2, 3, 4, 5, "6 = 4 - 5", "7 = 5/4 x 100"))
    first = len(rows) + 1
    picks = random.Random(seed + 1)
    number = 0
    by_row: dict[int, BudgetLine] = {}
    for line in budget:
        anggaran = Decimal(str(line.anggaran)).quantize(Decimal("0.01")).normalize()
        realisasi = Decimal(repr(float(line.realisasi))).quantize(Decimal("0.01"))
        if line.level != SUB and text_figures:  # typed from the printed sums
            realisasi_cell = picks.choice(forms(money_forms(realisasi)))
            anggaran_cell = picks.choice(forms(money_forms(anggaran)))
        elif line.level != SUB:  # a parent's sum as a program adds floats up: 3703.6800000000003
            realisasi_cell = (sum(float(Decimal(repr(float(s.realisasi))).quantize(Decimal("0.01")))
                                  for s in subs if s.code.startswith(line.code + ".")), _MONEY_SEN_FORMAT)
            anggaran_cell = (float(anggaran), _MONEY_FORMAT)
        else:
            realisasi_cell = picks.choice(forms(money_forms(realisasi)))
            anggaran_cell = picks.choice(forms(money_forms(anggaran)))
        selisih = anggaran - realisasi
        if selisih == 0:
            selisih_cell = picks.choice(forms(nil_forms()))
        elif selisih < 0:
            selisih_cell = picks.choice(forms(negative_forms(selisih)))
        else:
            selisih_cell = picks.choice(forms(money_forms(selisih)))
        persen_cell = picks.choice(forms(percent_forms(realisasi, anggaran)))
        if line.level == SUB:
            number += 1
        by_row[len(rows) + 1] = line
        rows.append(_cells(number if line.level == SUB else "", line.code, line.uraian, anggaran_cell, realisasi_cell,
                           selisih_cell, persen_cell, bold=line.level != SUB))
        if len(by_row) % PAGE_LINES == 0:  # the page number the report printed, pasted with the table
            rows.append(_cells(f"Halaman {40 + len(by_row) // PAGE_LINES}"))
    total_anggaran = sum(Decimal(str(s.anggaran)) for s in subs)
    total_realisasi = sum(Decimal(repr(float(s.realisasi))).quantize(Decimal("0.01")) for s in subs)
    if text_figures:
        rows.append(_cells("", "", "JUMLAH", forms(money_forms(total_anggaran))[0],
                           forms(money_forms(total_realisasi))[0],
                           forms(money_forms(total_anggaran - total_realisasi))[0],
                           forms(percent_forms(total_realisasi, total_anggaran))[0], bold=True))
    else:
        rows.append(_cells("", "", "JUMLAH", (float(total_anggaran), _MONEY_FORMAT),
                           (float(total_realisasi), _MONEY_SEN_FORMAT),
                           (float(total_anggaran - total_realisasi), _MONEY_SEN_FORMAT),
                           (float(total_realisasi / total_anggaran), _PERCENT_FORMAT), bold=True))
    _freeform_37(book, total_anggaran, total_realisasi)
    _freeform_performance(book, total_anggaran, total_realisasi)
    if mistake:
        _freeform_mistake(book, mistake, by_row, first, rng)
    return book


def _freeform_37(book: FreeformBook, anggaran: Decimal, realisasi: Decimal) -> None:
    """Tabel 3.7 with "Rp" in its own cell beside each amount, under a header merged over both cells."""
    rows = book.sheet("Tabel 3.7")
    rows.append(_cells("TABEL : 3.7", bold=True))
    rows.append(_cells("No", "URAIAN", "Anggaran (Rp)", "", "Realisasi (Rp)", "", "%", bold=True))
    book.merges["Tabel 3.7"] = ["C2:D2", "E2:F2"]
    rows.append(_cells("", "BELANJA DAERAH", bold=True))
    shown = f"{_half_up(realisasi / anggaran * 100, 2)}".replace(".", ",") + "%"
    amounts = ("Rp", (float(anggaran), _MONEY_FORMAT), "Rp", (float(realisasi), _MONEY_SEN_FORMAT))
    rows.append(_cells("1.", "Belanja Operasi", *amounts, shown))
    rows.append(_cells("", "JUMLAH", *amounts, shown, bold=True))


# Tabel 3.2 / 3.3 / 3.5 indicators: (name, satuan, target, realisasi, printed capaian) with the capaian as a
# consistent office prints it: positive realisasi / target x 100, negative polarity (2 x target - realisasi) /
# target x 100, a word or predikat target (no capaian to compute), a range target (PermenPANRB 6/2022:
# inside the range 100, above it realisasi / upper bound), "-" where there is no target.
_FREEFORM_INDICATORS = (
    ("Indeks Kepuasan Masyarakat", "Nilai", "85", "86,86", "102,19"),
    ("Persentase desa dengan tata kelola baik", "%", "80%", "85,5%", "106,88"),
    ("Opini BPK atas laporan keuangan", "Opini", "WTP", "WTP", "100"),
    ("Nilai SAKIP", "Predikat", "BB", "BB", "100"),
    ("Persentase dokumen perencanaan tepat waktu", "%", "80 - 90%", "85%", "100"),
    ("Angka kematian ibu per 100.000 kelahiran hidup", "Kasus", "100", "90", "110,00"),
    ("Persentase penduduk miskin", "%", "8,5", "8,2", "103,53"),
    ("Jumlah inovasi pelayanan", "Inovasi", "-", "3", "-"),
    ("Laju pertumbuhan ekonomi", "%", "5,2%", "- 2,07%", "- 39,81"),  # a negative as printed: -2,07 / 5,2 x 100
)
_FREEFORM_YEARS = {  # Tabel 3.3: the two earlier years of each indicator (the third is Tabel 3.2's)
    "Indeks Kepuasan Masyarakat": (("82", "83,1", "101,34"), ("84", "84,2", "100,24")),
    "Persentase desa dengan tata kelola baik": (("70%", "68,4%", "97,71"), ("75%", "77%", "102,67")),
    "Opini BPK atas laporan keuangan": (("WTP", "WTP", "100"), ("WTP", "WTP", "100")),
    "Nilai SAKIP": (("B", "B", "100"), ("BB", "B", "-")),
    "Persentase dokumen perencanaan tepat waktu": (("70 - 80%", "82%", "102,50"), ("75 - 85%", "74%", "98,67")),
    "Angka kematian ibu per 100.000 kelahiran hidup": (("110", "104", "105,45"), ("105", "108", "97,14")),
    "Persentase penduduk miskin": (("9,5", "9,1", "104,21"), ("9", "8,8", "102,22")),
    "Jumlah inovasi pelayanan": (("-", "1", "-"), ("-", "2", "-")),
    "Laju pertumbuhan ekonomi": (("5%", "5,3%", "106,00"), ("5,1%", "4,9%", "96,08")),
}


def _freeform_performance(book: FreeformBook, anggaran: Decimal, realisasi: Decimal) -> None:
    rows = book.sheet("Tabel 3.2")
    rows.append(_cells("Tabel 3.2", bold=True))
    rows.append(_cells("Target dan realisasi kinerja Tahun 2024", bold=True))
    rows.append(_cells("No.", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian %", bold=True))
    for number, (name, unit, target, actual, capaian) in enumerate(_FREEFORM_INDICATORS, start=1):
        rows.append(_cells(f"{number}.", name, unit, target, actual, capaian))
    rows = book.sheet("Tabel 3.3")
    rows.append(_cells("Tabel 3.3", bold=True))
    rows.append(_cells("Target dan realisasi Kinerja Tahun 2022, 2023 dan 2024", bold=True))
    rows.append(_cells("NO", "Tujuan/Sasaran", "Indikator Kinerja", "2022", "", "", "2023", "", "", "2024", "", "",
                       bold=True))
    rows.append(_cells("", "", "", *(["Target", "Realisasi", "Capaian %"] * 3), bold=True))
    book.merges["Tabel 3.3"] = ["A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:I3", "J3:L3"]
    for number, (name, unit, target, actual, capaian) in enumerate(_FREEFORM_INDICATORS, start=1):
        earlier = [value for year in _FREEFORM_YEARS[name] for value in year]
        rows.append(_cells(number, "Meningkatnya kinerja pelayanan", name, *earlier, target, actual, capaian))
    # Tabel 3.5: every indicator of the sasaran, the office's whole budget written once and merged down.
    rows = book.sheet("Tabel 3.5")
    rows.append(_cells("Tabel 3.5", bold=True))
    rows.append(_cells("Analisa Efisiensi Penggunaan Anggaran Tahun 2024", bold=True))
    rows.append(_cells("NO", "Tujuan/Sasaran", "Indikator Kinerja", "INDIKATOR KINERJA", "", "", "ANGGARAN", "", "",
                       "Tingkat Efisiensi", bold=True))
    rows.append(_cells("", "", "", "Target", "Realisasi", "% Capaian", "Anggaran (Rp)", "Realisasi (Rp)", "% Serapan",
                       "", bold=True))
    serapan = _half_up(realisasi / anggaran * 100, 2)
    count = len(_FREEFORM_INDICATORS)
    for index, (name, unit, target, actual, capaian) in enumerate(_FREEFORM_INDICATORS):
        budget = ("Rp " + _grouped(anggaran, ".", ",", 0), "Rp " + _grouped(realisasi, ".", ",", 2),
                  f"{serapan}".replace(".", ","), f"{Decimal(100) - serapan}".replace(".", ",")) if index == 0 else ()
        rows.append(_cells(1 if index == 0 else "", "Meningkatnya kinerja pelayanan" if index == 0 else "", name,
                           target, actual, capaian, *budget))
    last = 4 + count
    book.merges["Tabel 3.5"] = ["A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:I3", "J3:J4", f"A5:A{last}", f"B5:B{last}",
                                *(f"{col}5:{col}{last}" for col in "GHIJ")]


def _freeform_mistake(book: FreeformBook, kind: str, by_row: dict[int, BudgetLine], first: int,
                      rng: random.Random) -> None:
    """One known mistake over the consistent tables, at a cell listed in ``book.injected``."""
    rows = book.sheets["Tabel 3.8"]
    parents = [r for r, line in by_row.items() if line.level == KEGIATAN]
    subs = [r for r, line in by_row.items() if line.level == SUB and line.realisasi < line.anggaran]
    if kind == "parent_sum":  # a kegiatan's anggaran not the sum of its lines
        row, col = rng.choice(parents), 4
        value = by_row[row].anggaran + rng.randrange(1, 500) * 1000
        rows[row - 1][col - 1] = (float(value), _MONEY_FORMAT, True)
    elif kind == "transposed_digits":  # a kegiatan's anggaran with two digits swapped
        row, col = rng.choice(parents), 4
        rows[row - 1][col - 1] = (float(_transpose(int(by_row[row].anggaran), rng)), _MONEY_FORMAT, True)
    elif kind == "wrong_percent":  # a line's percentage 3 points off
        row, col = rng.choice(subs), 7
        line = by_row[row]
        shown = _half_up(Decimal(repr(float(line.realisasi))) / Decimal(line.anggaran) * 100, 2) - 3
        rows[row - 1][col - 1] = (f"{shown}".replace(".", ",") + "%", None, False)
    elif kind == "sign_error":  # a positive selisih written negative
        row, col = rng.choice(subs), 6
        line = by_row[row]
        selisih = Decimal(line.anggaran) - Decimal(repr(float(line.realisasi))).quantize(Decimal("0.01"))
        rows[row - 1][col - 1] = (-float(selisih), _MONEY_SEN_FORMAT, False)
    elif kind == "wrong_capaian":  # Tabel 3.2: the first indicator's capaian 7 points off
        row, col = 4, 6
        book.sheets["Tabel 3.2"][row - 1][col - 1] = ("95,19", None, False)
        book.injected.append(Injected("Tabel 3.2", a1(row, col), kind))
        return
    else:
        raise ValueError(f"unknown mistake {kind}")
    book.injected.append(Injected("Tabel 3.8", a1(row, col), kind))


# -- SIPD-style exports ---------------------------------------------------------------------------------------
#
# Modelled on a real export (tests/corpus/realdata/sumenep-dinkes-2026-lra-sipd.xlsx): "Rekapitulasi belanja
# menurut urusan, organisasi, program, kegiatan, sub kegiatan" with the code split over four columns (A urusan /
# bidang, B organisasi, C program > kegiatan > sub kegiatan, D the account under each sub kegiatan), column
# groups Operasi | Modal | Total each Anggaran / Realisasi and a TOTAL %, zeros typed as the text "0,00", a
# Jumlah row; the same rows again on other sheets, filtered down to one bidang (the other rows hidden), and a
# hidden copy of the whole sheet. Amounts are whole rupiah, every parent the sum of its children.

_SIPD_FORMAT = '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-'
_SIPD_BIDANG = ("SEKRETARIAT", "YANKES", "P2P", "KESMAS")
_SIPD_ACCOUNTS = (  # (code under 5.1.02 or 5.2.02, uraian)
    ("01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("01.01.0025", "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover"),
    ("01.01.0052", "Belanja Makanan dan Minuman Rapat"),
)


@dataclass
class _SipdRow:
    codes: tuple[str, str, str, str]
    uraian: str
    amounts: list[int]  # operasi anggaran, realisasi; modal anggaran, realisasi
    bidang: str = ""
    children: list["_SipdRow"] = field(default_factory=list)


def _sipd_rows(rows: int, rng: random.Random) -> list[_SipdRow]:
    """The export's rows in order, about ``rows`` of them, parents summed from their account lines."""
    org = "1.02.2.14.0.00.01.0000"
    urusan = _SipdRow(("1", "", "", ""), "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", [])
    bidang = _SipdRow(("1.02", "", "", ""), "URUSAN PEMERINTAHAN BIDANG KESEHATAN", [])
    office = _SipdRow(("1.02", org, "", ""), "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", [])
    urusan.children, bidang.children = [bidang], [office]
    out = [urusan, bidang, office]
    program_index = 0
    while len(out) < rows - 1:
        program_index += 1
        code = f"1.02.{program_index:02d}"
        program = _SipdRow(("1.02", org, code, ""), f"PROGRAM {_uraian(rng).upper()}", [],
                           _SIPD_BIDANG[program_index % len(_SIPD_BIDANG)])
        office.children.append(program)
        out.append(program)
        for k in range(1, 5):
            kegiatan = _SipdRow(("1.02", org, f"{code}.2.{k:02d}", ""), _uraian(rng), [], program.bidang)
            program.children.append(kegiatan)
            out.append(kegiatan)
            for s in range(1, 4):
                sub_code = f"{code}.2.{k:02d}.{s:04d}"
                sub = _SipdRow(("1.02", org, sub_code, ""), _uraian(rng), [], program.bidang)
                kegiatan.children.append(sub)
                out.append(sub)
                groups = ("5.1.02",) + (("5.2.02",) if s == 3 else ())  # Belanja Modal on one sub in three
                for group in groups:
                    modal = group.startswith("5.2")
                    parents = [_SipdRow(("1.02", org, sub_code, code_), name, [], program.bidang)
                               for code_, name in ((group, "Belanja Modal" if modal else "Belanja Barang dan Jasa"),
                                                   (f"{group}.01", "Belanja Barang"),
                                                   (f"{group}.01.01", "Belanja Barang Pakai Habis"))]
                    sub.children.append(parents[0])
                    parents[0].children.append(parents[1])
                    parents[1].children.append(parents[2])
                    out.extend(parents)
                    for tail, name in _SIPD_ACCOUNTS:
                        anggaran = rng.randrange(1, 5000) * 1000
                        realisasi = rng.randrange(0, anggaran // 1000 + 1) * 1000 if rng.random() < 0.8 else 0
                        amounts = [0, 0, anggaran, realisasi] if modal else [anggaran, realisasi, 0, 0]
                        leaf = _SipdRow(("1.02", org, sub_code, f"{group}.{tail}"), name, amounts, program.bidang)
                        parents[2].children.append(leaf)
                        out.append(leaf)

    def total(row: _SipdRow) -> list[int]:
        if row.children:
            row.amounts = [sum(values) for values in zip(*(total(child) for child in row.children))]
        return row.amounts

    total(urusan)
    return out


def _sipd_figure(value: int) -> Any:
    return value if value else "0,00"  # SIPD writes its zeros as text


def sipd_export(path: Path, rows: int = 4500, sheets: int = 5, seed: int = 0) -> Path:
    """A SIPD-style export: ``sheets`` sheets of about ``rows`` rows each (see the section comment)."""
    from openpyxl import Workbook as Book

    rng = random.Random(seed)
    lines = _sipd_rows(rows, rng)
    book = Book()
    book.remove(book.active)
    names = ["DINKES INDUK", *(_SIPD_BIDANG[: max(0, sheets - 2)]), "DINKES INDUK (2)"][:sheets]
    for index, name in enumerate(names):
        sheet = book.create_sheet(name)
        for r, title in enumerate(("KAB. CONTOH", "REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, "
                                   "ORGANISASI, PROGRAM, KEGIATAN", "BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN",
                                   "TAHUN ANGGARAN 2026"), start=1):
            sheet.cell(r, 1, title)
            sheet.merge_cells(f"A{r}:I{r}")
        sheet.cell(6, 1, "Kode")
        sheet.cell(6, 5, "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan")
        sheet.cell(6, 6, "Kelompok Belanja")
        for col, group in ((6, "Operasi"), (8, "Modal"), (10, "Total")):
            sheet.cell(7, col, group)
        for col, head in enumerate(("Anggaran", "Realisasi") * 3 + ("%",), start=6):
            sheet.cell(8, col, head)
        for span in ("A6:D8", "E6:E8", "F6:I6", "F7:G7", "H7:I7", "J7:L7"):
            sheet.merge_cells(span)
        for col, number in ((1, "1"), (5, "2"), (6, "3"), (7, "4"), (8, "5"), (9, "6")):
            sheet.cell(9, col, number)
        shown = None if index == 0 or name.endswith("(2)") else name
        for r, line in enumerate(lines, start=10):
            for col, code in enumerate(line.codes, start=1):
                if code:
                    sheet.cell(r, col, code)
            sheet.cell(r, 5, line.uraian)
            operasi_a, operasi_r, modal_a, modal_r = line.amounts
            figures = (operasi_a, operasi_r, modal_a, modal_r, operasi_a + modal_a, operasi_r + modal_r)
            for col, value in enumerate(figures, start=6):
                sheet.cell(r, col, _sipd_figure(value)).number_format = _SIPD_FORMAT
            if figures[4]:
                sheet.cell(r, 12, figures[5] / figures[4]).number_format = "0%"
            if line.bidang:
                sheet.cell(r, 16, line.bidang)
            if shown and line.bidang != shown and r > 12:
                sheet.row_dimensions[r].hidden = True
        last = 10 + len(lines)
        sheet.cell(last, 5, "Jumlah")
        operasi_a, operasi_r, modal_a, modal_r = lines[0].amounts
        for col, value in enumerate((operasi_a, operasi_r, modal_a, modal_r, operasi_a + modal_a,
                                     operasi_r + modal_r), start=6):
            sheet.cell(last, col, _sipd_figure(value)).number_format = _SIPD_FORMAT
        sheet.cell(last, 12, (operasi_r + modal_r) / (operasi_a + modal_a)).number_format = "0%"
        sheet.auto_filter.ref = f"A9:Q{last}"
        if name.endswith("(2)"):
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=40, help="Tabel 3.8 budget lines per workbook")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of lines with an injected mistake")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="one workbook")
    parser.add_argument("--count", type=int, help="this many workbooks into --out-dir")
    parser.add_argument("--out-dir", type=Path)
    parser.add_argument("--kind", choices=("template", "text", "sipd"), default="template",
                        help="the template (default); a free-form Tabel 3.8 with its figures as text; a SIPD-style "
                             "export (--lines rows on each of --sheets sheets)")
    parser.add_argument("--sheets", type=int, default=5, help="sheets of a SIPD-style export")
    args = parser.parse_args(argv)
    if args.kind != "template":
        if not args.out:
            parser.error("--kind text / sipd needs --out")
        if args.kind == "text":
            freeform(args.lines, seed=args.seed, text_figures=True).save(args.out)
        else:
            sipd_export(args.out, rows=args.lines, sheets=args.sheets, seed=args.seed)
        print(json.dumps({"file": str(args.out)}))
    elif args.count:
        if not args.out_dir:
            parser.error("--count needs --out-dir")
        paths = write_many(args.out_dir, args.count, args.lines, args.error_rate, args.seed)
        print(f"{len(paths)} workbooks in {args.out_dir}")
    elif args.out:
        book = build(args.lines, args.error_rate, args.seed)
        write(args.out, book)
        print(json.dumps({"file": str(args.out), "injected": [vars(item) for item in book.injected]},
                         ensure_ascii=False, indent=1))
    else:
        parser.error("give --out FILE, or --count N --out-dir DIR")


if __name__ == "__main__":
    main()
