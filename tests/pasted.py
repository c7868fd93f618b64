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


def paste(
    sheet,
    lines: list[str],
    row: int = 1,
    col: int = 1,
    convert: bool = False,
    blank_rows: bool = True,
    bold: bool = True,
    merge: bool = True,
) -> Pasted:
    """Paste ``lines`` at (row, col). ``bold=False``, ``merge=False``: as a paste that kept text only."""
    where: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if blank_rows:
                row += 1
            continue
        where[index] = row
        cells = line.split("\t") if "\t" in line else [line]
        for offset, raw in enumerate(cells):
            text, is_bold = printed(raw)
            if not text:
                continue
            value, fmt = excel_value(text) if convert and "\t" in line else (text, None)
            cell = sheet.cell(row, col + offset, value)
            if fmt:
                cell.number_format = fmt
            if is_bold and bold:
                cell.font = BOLD
        if merge:
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


# -- comparing the findings of two layouts of the same tables ----------------------------------------


def read(path: Path):
    """The document and report of a workbook, through the pipeline every door uses."""
    from lkjip_xl.checks import run_checks
    from lkjip_xl.load import load_file
    from lkjip_xl.validate import read_document

    document, findings = read_document(load_file(path))
    return document, findings + run_checks(document)


def _pair_rows(a, b, mapping: dict) -> None:
    from dataclasses import fields, is_dataclass

    from lkjip_xl.model import BudgetRow, Field, TextField

    for item in fields(a):
        left, right = getattr(a, item.name), getattr(b, item.name)
        if isinstance(left, (Field, TextField)):
            if left.ref is not None and right.ref is not None:
                mapping[left.ref] = right.ref
        elif isinstance(left, list) and left and is_dataclass(left[0]) and not isinstance(left[0], BudgetRow):
            for x, y in zip(left, right):
                _pair_rows(x, y, mapping)


def paired_cells(first, second) -> dict:
    """Cell of ``first`` -> the cell of ``second`` holding the same figure, row by row, table by table.

    The rows must pair up one to one with the same labels: a row lost or invented fails here.
    """
    mapping: dict = {}
    for table_id in sorted(set(first.budget) | set(second.budget)):
        a, b = first.budget[table_id], second.budget[table_id]
        assert [row.name for row in a.rows] == [row.name for row in b.rows], table_id
        for x, y in zip(a.rows + [a.total], b.rows + [b.total]):
            _pair_rows(x, y, mapping)
    for attribute in ("indicators", "trend", "efficiency"):
        a, b = getattr(first, attribute), getattr(second, attribute)
        assert (a is None) == (b is None), attribute
        if a is not None:
            assert len(a.rows) == len(b.rows), attribute
            for x, y in zip(a.rows, b.rows):
                _pair_rows(x, y, mapping)
    return mapping


def finding_keys(findings, mapping: dict | None = None) -> list[tuple]:
    """What must agree between layouts: code, severity, table, cell (mapped), reported and expected."""
    out = []
    for finding in findings:
        ref = finding.ref
        if ref is not None and mapping is not None:
            assert ref in mapping, f"{finding.code} at {ref} has no counterpart"
            ref = mapping[ref]
        out.append((finding.code, finding.severity.value, finding.table, str(ref), finding.reported, finding.expected))
    return sorted(out, key=repr)


def freeform_only(finding) -> bool:
    """Findings a free-form layout adds by its nature: the guessed structure, numbers kept as text,
    indicators matched across tables by name (a pasted table has no ID column), and what the reading left
    unchecked (S004: the template's own helper columns are no LKjIP column)."""
    return finding.code in ("S002", "S004", "X014") or (finding.code == "N001" and finding.severity.value == "info")


# -- a template workbook's tables printed as a report prints them -------------------------------------


def _printed_figure(value, number_format, quantity) -> str:
    from lkjip_xl.numbers import STYLES, Kind, Quantity, format_money, format_value, parse

    parsed = parse(value, quantity, number_format)
    if parsed.kind is Kind.EMPTY:
        return ""
    if parsed.kind is not Kind.NUMBER:
        return parsed.text or ""
    if quantity is Quantity.MONEY:
        return format_money(parsed.value, "id")
    if quantity is Quantity.PERCENT:
        return STYLES["id"].format(parsed.value, 2) + "%"
    return format_value(parsed.value, "id")


def report_lines(template: Path, drop: tuple[str, ...] = ("kode", "level")) -> dict[str, list[str]]:
    """Each table of a template workbook as the report would print it, in the seed's text form: caption,
    header (two rows under a group), column numbers, rows with parents and JUMLAH in bold."""
    from lkjip_xl.codes import Level
    from lkjip_xl.load import load_file
    from lkjip_xl.template import layout as L
    from lkjip_xl.validate import read_document

    snapshot = load_file(template)
    document, _ = read_document(snapshot)
    year = document.settings.year
    tables = {**document.budget}
    for item in (document.indicators, document.trend, document.efficiency):
        if item is not None:
            tables[item.table] = item
    out: dict[str, list[str]] = {}
    for layout in L.TABLES:
        if layout.table not in tables:
            continue
        sheet = snapshot.sheet(layout.sheet)
        columns = [column for column in layout.columns if column.key not in drop]
        group_text = {
            "tahun2": str(year - 2), "tahun1": str(year - 1), "tahun0": str(year),
        } | {key: text for key, text in L.GROUP_HEADERS.items() if not text.startswith("{")}
        if layout.header_rows == 2:
            top = [group_text[column.group] if column.group else column.header for column in columns]
            for index in range(len(columns) - 1, 0, -1):
                if columns[index].group and columns[index].group == columns[index - 1].group:
                    top[index] = ""
            header = ["\t".join(top), "\t".join(column.header if column.group else "" for column in columns)]
        else:
            header = ["\t".join(column.header for column in columns)]
        lines = [f"**Tabel {layout.table}**", "", *header, "\t".join(str(n) for n in range(1, len(columns) + 1))]
        table = tables[layout.table]
        rows = list(table.rows) + ([table.total] if getattr(table, "total", None) is not None else [])
        for model_row in rows:
            level = getattr(model_row, "level", None)
            strong = level in (Level.PROGRAM, Level.KEGIATAN, Level.TOTAL) or (hasattr(model_row, "level") and level is None)
            cells = []
            for column in columns:
                value = sheet.value(model_row.row, layout.col(column.key))
                if column.quantity is None:
                    text = "" if value is None else (str(int(value)) if isinstance(value, float) and value.is_integer() else str(value))
                    if strong and column.key == "uraian":
                        text = f"<b>{text}</b>"
                else:
                    text = _printed_figure(value, sheet.number_format(model_row.row, layout.col(column.key)), column.quantity)
                cells.append(text)
            lines.append("\t".join(cells))
        out[layout.table] = lines
    return out


def rendered_workbook(template: Path, path: Path, convert: bool = False, **paste_options) -> Path:
    """A free-form workbook holding a template workbook's tables as printed, one sheet each."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, lines in enumerate(report_lines(template).values(), start=1):
        paste(workbook.create_sheet(f"Sheet{number}"), lines, convert=convert, **paste_options)
    workbook.save(path)
    return path
