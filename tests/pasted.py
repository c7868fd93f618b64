"""Workbooks as offices make them: the seed report's tables pasted from the report, in several layouts.

tests/data/seed-bab3.txt is the seed report from Tabel 2.3-1 to the end of Tabel 3.8, verbatim: tables
are tab-separated lines, <b> marks bold, captions and titles are markdown. Pasting it into a sheet gives
what a copy from Word gives: one cell per table cell, bold where the report is bold, merged cells for the
two-row headers and the JUMLAH row, every figure as printed (text). ``convert=True`` gives the same cells
after Excel has turned the figures it can read into numbers with its own formats ("Rp" money, 0.9333 in
a % cell); US-form, mistyped and ambiguous figures stay text, as Excel leaves them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

SEED = Path(__file__).parent / "data" / "seed-bab3.txt"
BOLD = Font(bold=True)


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def printed(raw: str) -> tuple[str, bool]:
    """The text of one cell or line as the report shows it, and whether it is bold."""
    text = raw.strip()
    bold = "<b>" in text or text.lstrip("#").strip().startswith("**")
    text = re.sub(r"</?b>", "", text)
    text = re.sub(r"^#+\s*", "", text).replace("**", "").replace("\\*", "*")
    return text.strip(), bold


def _caption_index(lines: list[str], table: str) -> int:
    for index, line in enumerate(lines):
        text, _ = printed(line)
        if re.fullmatch(rf"(?i)tabel\s*:?\s*{re.escape(table)}", text):
            return index
    raise KeyError(table)


def table_lines(table: str, lines: list[str] | None = None) -> list[str]:
    """One table as printed: its caption and titles, its header(s) and rows, up to the paragraph after it."""
    lines = lines or seed_lines()
    start = _caption_index(lines, table)
    out = []
    seen_table = False
    for line in lines[start:]:
        is_row = "\t" in line
        is_title = line.strip().startswith(("**", "#")) or not line.strip()
        if seen_table and not is_row and not is_title:
            break
        seen_table = seen_table or is_row
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


# -- what Excel makes of a pasted figure (Indonesian regional settings) ------------------------------

_GROUPED = r"\d{1,3}(?:\.\d{3})+"
_PLAIN = r"\d+"


def _id_number(body: str) -> tuple[float, int] | None:
    """An Indonesian-form number and its decimals; None when Excel would leave it text."""
    match = re.fullmatch(rf"(-?)({_GROUPED}|{_PLAIN})(?:,(\d+))?", body)
    if not match:
        return None
    sign, integer, fraction = match.groups()
    if fraction and len(fraction) == 3 and "." not in integer:
        return None  # "475,170": thousands or decimals? left as text (see module doc)
    value = float(integer.replace(".", "") + ("." + fraction if fraction else ""))
    return (-value if sign else value), len(fraction or "")


def excel_value(text: str) -> tuple[object, str | None]:
    """The value and number format Excel leaves for a pasted cell text."""
    body = text.strip()
    if body.endswith("%") and not body.endswith(" %"):
        number = _id_number(body[:-1])
        if number is not None:
            value, decimals = number
            return round(value / 100, decimals + 2), "0%" if not decimals else "0." + "0" * decimals + "%"
        return text, None
    currency = re.fullmatch(r"Rp ?(-?[\d.,]+)", body)
    if currency:
        number = _id_number(currency.group(1))
        if number is not None:
            value, decimals = number
            return value, '"Rp"#,##0' + ("." + "0" * decimals if decimals else "")
        return text, None
    number = _id_number(body)
    if number is not None:
        value, decimals = number
        fmt = "#,##0" + ("." + "0" * decimals if decimals else "") if "." in body else None
        return (int(value) if value.is_integer() and not decimals else value), fmt
    return text, None


# -- pasting -----------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"^[\d.,%\s()-]*$|^Rp")


def _is_header(cells: list[str]) -> bool:
    texts = [printed(cell)[0] for cell in cells]
    filled = [text for text in texts if text]
    return bool(texts and texts[0]) and len(filled) >= 3 and not any(_NUMERIC.match(text) for text in filled)


@dataclass
class Pasted:
    """Where each pasted line went: line index -> sheet row."""

    rows: dict[int, int]
    last_row: int


def paste(sheet, lines: list[str], row: int = 1, col: int = 1, convert: bool = False, blank_rows: bool = True) -> Pasted:
    where: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if blank_rows:
                row += 1
            continue
        where[index] = row
        cells = line.split("\t") if "\t" in line else [line]
        for offset, raw in enumerate(cells):
            text, bold = printed(raw)
            if not text:
                continue
            value, fmt = excel_value(text) if convert and "\t" in line else (text, None)
            cell = sheet.cell(row, col + offset, value)
            if fmt:
                cell.number_format = fmt
            if bold:
                cell.font = BOLD
        _merge(sheet, lines, index, row, col)
        row += 1
    return Pasted(where, row - 1)


def _merge(sheet, lines: list[str], index: int, row: int, col: int) -> None:
    """Merged cells as Word tables have them: two-row headers, and the JUMLAH row's first two cells."""
    cells = lines[index].split("\t")
    following = lines[index + 1].split("\t") if index + 1 < len(lines) and "\t" in lines[index + 1] else None
    if "\t" in lines[index] and following and not following[0].strip() and _is_header(cells):
        width = max(len(cells), len(following))
        cells += [""] * (width - len(cells))
        following += [""] * (width - len(following))
        start = 0
        while start < width:
            if not cells[start].strip():
                start += 1
                continue
            end = start
            if following[start].strip():
                while end + 1 < width and not cells[end + 1].strip() and following[end + 1].strip():
                    end += 1
                if end > start:
                    sheet.merge_cells(start_row=row, start_column=col + start, end_row=row, end_column=col + end)
            else:
                sheet.merge_cells(start_row=row, start_column=col + start, end_row=row + 1, end_column=col + start)
            start = end + 1
    elif len(cells) > 2 and printed(cells[0])[0].upper() == "JUMLAH" and not cells[1].strip():
        sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 1)


# -- layouts -----------------------------------------------------------------------------------------

TABLES = ("3.2", "3.3", "3.5", "3.7", "3.8")


def one_table_per_sheet(path: Path, convert: bool = False, order: tuple[str, ...] = ("3.8", "3.7", "3.2", "3.3", "3.5")) -> Path:
    """Each table on its own sheet, pasted at A1; the sheets are named Sheet1, Sheet2, ..."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, table in enumerate(order, start=1):
        paste(workbook.create_sheet(f"Sheet{number}"), table_lines(table), convert=convert)
    workbook.save(path)
    return path


def one_sheet(path: Path, convert: bool = False) -> Path:
    """The whole excerpt of the report on one sheet: paragraphs, and tables lkjip-xl does not check, between."""
    workbook = Workbook()
    paste(workbook.active, seed_lines(), convert=convert)
    workbook.active.title = "Laporan"
    workbook.save(path)
    return path


def messy(path: Path) -> Path:
    """Tables away from A1, a title above, blank rows inside, notes under them, several to a sheet."""
    workbook = Workbook()
    first = workbook.active
    first.title = "Data"
    first["A1"] = "LKjIP Kecamatan Jati 2024 - lampiran tabel"
    row = 3
    for table in ("3.2", "3.3"):
        lines = table_lines(table)
        spaced = []
        for number, line in enumerate(lines):
            spaced.append(line)
            if "\t" in line and number % 3 == 0:
                spaced.append("")
                spaced.append("")
        pasted = paste(first, spaced, row=row, col=2)
        first.cell(pasted.last_row + 2, 2, "Sumber: Bagian Organisasi, data diolah")
        row = pasted.last_row + 6
    second = workbook.create_sheet("Lembar2")
    pasted = paste(second, table_lines("3.5"), row=2, col=1, convert=True)
    second.cell(pasted.last_row + 1, 1, "Keterangan: anggaran kedua sasaran dicetak sekali")
    third = workbook.create_sheet("Sheet3 (2)")
    row = 1
    for table in ("3.7", "3.8"):
        lines = [line for line in table_lines(table)]
        body = [line for line in lines if "\t" in line]
        # Blank rows between the body lines, as left after deleting rows.
        spaced = []
        for number, line in enumerate(lines):
            spaced.append(line)
            if line in body and number % 5 == 0:
                spaced.append("")
        pasted = paste(third, spaced, row=row, col=3)
        third.cell(pasted.last_row + 1, 3, "*) Sumber: SIPD")
        row = pasted.last_row + 4
    workbook.save(path)
    return path
