"""An SIPD export, read by the free-form reader (one reader, not two) into the lines reconciliation needs.

The export ("Rekapitulasi belanja menurut urusan, organisasi, program, kegiatan ...", an LRA, a DPA) is read
as the free-form reader reads any budget table: split code columns, the Kelompok Belanja groups, account rows
under each sub kegiatan. Here each program, kegiatan and sub kegiatan becomes an ``Entry`` with the figure
SIPD gives it (the Total group, else the row's own figure, else the sum of its groups; a sub kegiatan without
a figure of its own gets the sum of its account rows), the cell it stands in, and the organisation unit it
sits under (a Dinkes export holds the Dinas, its RSUD and every Puskesmas, each with the same codes).
The title says the year, the office and the period ("s.d. Juni", "Bulan Juni", "30 Juni 2026").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..codes import Level
from ..errors import InputRejected
from ..model import TOTAL_GROUP, BudgetRow, Field
from ..settings import Settings
from ..snapshot import CellRef, SheetSnapshot, WorkbookSnapshot
from ..freeform.words import cell_text, tokens

LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)

# Words of an SIPD export's title: what tells it from a report's own Tabel 3.8 pasted on a sheet.
_TITLE = re.compile(
    r"rekapitulasi\s+belanja|laporan\s+realisasi\s+anggaran|dokumen\s+pelaksanaan\s+anggaran|\bsipd\b|\blra\b",
    re.IGNORECASE,
)
# A report's own caption ("Tabel 3.8 Realisasi Anggaran ..."): the sheet is the report's table, not an export.
_CAPTION = re.compile(r"^\s*tabel\b", re.IGNORECASE)
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agt": 8, "agu": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "s.d. Juni", "SD JUNI", "s/d 30 Juni 2026", "sampai dengan Juni", "Bulan Juni", "Januari - Juni".
_UNTIL = re.compile(rf"\b(?:s\s*\.?\s*/?\s*d\b\.?|sampai\s+dengan|hingga|bulan)\s*(?:tanggal\s*)?(?:\d{{1,2}}\s+)?({_MONTH})\b", re.IGNORECASE)
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(20\d\d)\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](20\d\d)\b")
_TRIWULAN = re.compile(r"\b(?:triwulan|tw)\s*(i{1,3}|iv|[1-4])\b|\bsemester\s*(i{1,2}|[12])\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:tahun(?:\s+anggaran)?|t\.?\s?a\.?)\s*:?\s*(20\d\d)\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Period:
    """Up to which month the export's realisasi runs: 12 is the whole year; ``said`` is the text that says so."""

    month: int = 12
    said: str = ""

    @property
    def whole_year(self) -> bool:
        return self.month >= 12


@dataclass(eq=False)
class Account:
    """An account row (5.1.02.01 ...) under a sub kegiatan: what Tabel 3.7's totals per belanja type sum."""

    code: str
    parent: str  # the account row it sits under ("" at the top, right under the sub kegiatan)
    anggaran: float | None
    realisasi: float | None


@dataclass(eq=False)
class Entry:
    """One program, kegiatan or sub kegiatan of the export, with SIPD's figures and where they stand."""

    code: str  # canonical Kepmendagri code
    level: Level
    name: str
    anggaran: float | None
    realisasi: float | None
    anggaran_ref: CellRef | None
    realisasi_ref: CellRef | None
    label_ref: CellRef | None
    unit: str  # the organisation (SKPD / unit) it sits under
    index: int  # order in the export
    groups: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)  # operasi, modal, ...
    parent: Entry | None = None
    summed_accounts: int = 0  # >0: the figure is the sum of this many account rows
    accounts: list[Account] = field(default_factory=list)  # a sub kegiatan's account rows, every depth

    @property
    def row(self) -> int | None:
        ref = self.label_ref or self.anggaran_ref
        return ref.row if ref is not None else None


@dataclass(eq=False)
class SipdExport:
    file: str  # as the user named it (a path, or the workbook's own name for a sheet inside it)
    sheet: str
    title: str
    year: int | None
    period: Period
    office: str  # the office its title or organisation rows name
    units: list[str]
    entries: list[Entry]
    inside: bool = False  # a sheet of the checked workbook

    def where(self, ref: CellRef | None) -> str:
        if ref is None:
            return f"{self.file} ({self.sheet})"
        return f"{self.file}, sheet {self.sheet}, {ref.a1}"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "inside_workbook": self.inside,
            "title": self.title,
            "office": self.office or None,
            "year": self.year,
            "period_month": self.period.month,
            "whole_year": self.period.whole_year,
            "period_text": self.period.said or None,
            "units": self.units,
            "lines": {level.value: sum(1 for entry in self.entries if entry.level is level) for level in LEVELS},
        }


def _value(item: Field) -> float | None:
    return item.value if item is not None and item.parsed.is_number else None


def _figure(row: BudgetRow, key: str) -> tuple[float | None, CellRef | None]:
    """SIPD's figure of a line: the Total group's, else the row's own, else the sum of the groups."""
    total = row.groups.get(TOTAL_GROUP)
    if total is not None and (value := _value(getattr(total, key))) is not None:
        return value, getattr(total, key).ref
    own: Field = getattr(row, key)
    if (value := _value(own)) is not None:
        return value, own.ref
    parts = [getattr(group, key) for name, group in row.groups.items() if name != TOTAL_GROUP]
    values = [_value(part) for part in parts if part.ref is not None]
    if values and all(value is not None for value in values):
        return sum(values), (parts[0].ref if parts else None)
    return None, own.ref


def _accounts_sum(row: BudgetRow, key: str) -> float | None:
    """A sub kegiatan's figure as the sum of its account rows (the top ones: deeper ones are inside them)."""
    accounts = [child for child in row.children if child.level is Level.AKUN]
    values = [_figure(child, key)[0] for child in accounts]
    if not accounts or any(value is None for value in values):
        return None
    return sum(values)


def _account_rows(row: BudgetRow) -> list[Account]:
    out = []
    stack = [(child, "") for child in row.children]
    while stack:
        child, parent = stack.pop(0)
        if child.level is not Level.AKUN or not child.account:
            continue
        out.append(Account(child.account, parent, _figure(child, "anggaran")[0], _figure(child, "realisasi")[0]))
        stack.extend((grandchild, child.account) for grandchild in child.children)
    return out


def title_lines(sheet: SheetSnapshot, first_header_row: int) -> list[str]:
    lines = []
    for row in range(1, max(1, first_header_row)):
        texts = [cell_text(value)[0].strip() for value in (sheet.values[row - 1] if row <= sheet.max_row else [])]
        text = " ".join(text for text in texts if text)
        if text:
            lines.append(text)
    return lines


def header_lines(sheet: SheetSnapshot, rows: list[int]) -> list[str]:
    return [" ".join(cell_text(value)[0].strip() for value in sheet.values[row - 1] if value is not None) for row in rows]


def period_of(texts: list[str], values: list[object] = ()) -> Period:
    """The last month the export's title or header names as its end ("s.d. Juni"); the whole year otherwise."""
    for text in texts:
        match = _UNTIL.search(text)
        if match:
            return Period(MONTHS[match.group(1).casefold()], match.group(0))
        match = _DATE.search(text)
        if match:
            month, day = MONTHS[match.group(2).casefold()], int(match.group(1))
            return Period(12 if (month, day) == (12, 31) else month if month < 12 else 11, match.group(0))
        match = _NUMERIC_DATE.search(text)
        if match and 1 <= int(match.group(2)) <= 12:
            day, month = int(match.group(1)), int(match.group(2))
            return Period(12 if (month, day) == (12, 31) else min(month, 11), match.group(0))
        match = _TRIWULAN.search(text)
        if match:
            quarter, half = match.group(1), match.group(2)
            month = 3 * _ROMAN[quarter.casefold()] if quarter else 6 * _ROMAN[half.casefold()]
            return Period(month, match.group(0))
    for value in values:
        if isinstance(value, dt.datetime | dt.date) and (value.month, value.day) != (12, 31):
            return Period(value.month if value.month < 12 else 11, value.strftime("%d-%m-%Y"))
    return Period()


def year_of(texts: list[str]) -> int | None:
    for text in texts:
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


def is_export_title(texts: list[str]) -> bool:
    return any(_TITLE.search(text) for text in texts)


def read_export(snapshot: WorkbookSnapshot, file: str, inside: bool = False) -> SipdExport | None:
    """The export in ``snapshot``, or None when it holds no budget table with Kepmendagri codes down to the
    sub kegiatan (then it is no SIPD export)."""
    from ..freeform import extract_freeform
    from ..freeform.reading import ABOVE_PROGRAM

    try:
        read = extract_freeform(snapshot, Settings())
    except InputRejected:
        return None
    table = read.document.budget.get("3.8") or read.document.budget.get("3.7")
    if table is None:
        return None
    found = read.detection.tables[table.table]
    sheet = found.sheet
    titles = title_lines(sheet, found.header.rows[0])
    split_code = sum(1 for column in found.header.columns if column.concept == "kode") >= 2
    if any(_CAPTION.match(text) for text in titles) or not (is_export_title(titles) or split_code):
        return None  # a report's own table ("Tabel 3.8 ..."), not an export
    reading = read.document.readings.get(table.table)
    label_col = found.header.keys.get("uraian")
    # The organisation rows (urusan, bidang, SKPD) above each block of programs: the unit its lines sit under.
    above = sorted(reading.left_out.get(ABOVE_PROGRAM, [])) if reading is not None else []
    unit_at: dict[int, str] = {}
    for row in above:
        text = sheet.text(row, label_col) if label_col else ""
        if text:
            unit_at[row] = text
    entries: list[Entry] = []
    by_row: dict[int, Entry] = {}
    units: list[str] = []
    for index, row in enumerate(table.rows):
        if row.level not in LEVELS or row.code is None or row.code.level is not row.level:
            continue
        anggaran, anggaran_ref = _figure(row, "anggaran")
        realisasi, realisasi_ref = _figure(row, "realisasi")
        summed = 0
        if row.level is Level.SUB_KEGIATAN and (anggaran is None or realisasi is None):
            anggaran = anggaran if anggaran is not None else _accounts_sum(row, "anggaran")
            realisasi = realisasi if realisasi is not None else _accounts_sum(row, "realisasi")
            summed = sum(1 for child in row.children if child.level is Level.AKUN)
        sheet_row = row.label.ref.row if row.label.ref is not None else None
        unit = ""
        if sheet_row is not None:
            before = [r for r in unit_at if r < sheet_row]
            unit = unit_at[max(before)] if before else ""
        if unit and unit not in units:
            units.append(unit)
        groups = {
            name: (_value(group.anggaran), _value(group.realisasi)) for name, group in row.groups.items() if name != TOTAL_GROUP
        }
        entry = Entry(row.code.canonical, row.level, row.label.text.strip(), anggaran, realisasi, anggaran_ref,
                      realisasi_ref, row.label.ref, unit, index, groups, summed_accounts=summed,
                      accounts=_account_rows(row) if row.level is Level.SUB_KEGIATAN else [])
        entries.append(entry)
        by_row[id(row)] = entry
    for row in table.rows:
        entry = by_row.get(id(row))
        if entry is None:
            continue
        parent = row.parent
        while parent is not None and id(parent) not in by_row:
            parent = parent.parent
        entry.parent = by_row.get(id(parent)) if parent is not None else None
    if not any(entry.level is Level.SUB_KEGIATAN for entry in entries):
        return None
    headers = header_lines(sheet, [*found.header.rows, *found.repeated_headers[:1]])
    top_values = [value for row in sheet.values[: found.header.rows[0]] for value in row if value is not None]
    period = period_of(titles + headers, top_values)
    office = _office(titles) or (_skpd(units) or "")
    return SipdExport(file, sheet.name, " / ".join(titles), year_of(titles), period, office, units, entries, inside)


_OFFICE_WORDS = re.compile(r"\b(dinas|badan|kecamatan|kelurahan|sekretariat|inspektorat|satuan|rsud|rumah sakit|kantor|bagian|puskesmas)\b", re.IGNORECASE)


def _office(titles: list[str]) -> str:
    for text in titles:
        if _OFFICE_WORDS.search(text) and not _TITLE.search(text):
            return text
    return ""


def _skpd(units: list[str]) -> str:
    return next((unit for unit in units if _OFFICE_WORDS.search(unit)), "")


# Words every office name shares: they say nothing about which office it is.
_GENERIC = {
    "dinas", "badan", "kecamatan", "kelurahan", "kabupaten", "kab", "kota", "provinsi", "prov", "pemerintah",
    "daerah", "dan", "sekretariat", "kantor", "satuan", "unit", "bagian", "urusan", "bidang", "pemerintahan",
    "perangkat", "organisasi", "skpd", "opd", "tahun", "anggaran", "ta", "se", "of", "the", "pengendalian",
}


def office_words(text: str) -> set[str]:
    return {word for word in tokens(text) if word not in _GENERIC and not word.isdigit() and len(word) > 2}


def sheet_exports(snapshot: WorkbookSnapshot) -> list[str]:
    """Sheets of a workbook that look like an SIPD export by their title (read fully later)."""
    names = []
    for sheet in snapshot:
        top = [cell_text(value)[0] for row in sheet.values[:8] for value in row if value is not None]
        if any(_CAPTION.match(text) for text in top):
            continue
        if is_export_title(top) and any("kode" in tokens(text) for row in sheet.values[:15] for text in (cell_text(v)[0] for v in row if v is not None)):
            names.append(sheet.name)
    return names
