"""The Renja / RKPD evaluation forms of Permendagri 86/2017, read by the form's own column numbers.

The form ("Evaluasi Hasil terhadap RENJA PD", "Evaluasi terhadap Hasil RKPD") is no LKjIP table: it has
targets, realisasi per triwulan and capaian, each in K (kinerja) and Rp (anggaran), under a header of two or
three rows, and a row of column numbers that defines the derived columns: "12 = 8+9+10+11",
"13 = 12/7*100". Read as a Tabel 3.2 it pairs the wrong columns; read here, each column is known by its
number and part, and only what the numbers row defines is checked (checks/evaluation.py).

A row is data when it names a program, kegiatan or indicator; "Rata-rata ..." and "Jumlah ..." rows are
summaries; rows with figures and no label (the form's own helper rows under a summary) are left unchecked.
"""

from __future__ import annotations

import re

from ..model import EvaluationForm, Field, FormColumn, FormDefinition, FormRow, TextField
from ..numbers import Quantity, parse
from ..snapshot import SheetSnapshot
from .headers import is_header_like, row_cells
from .words import caption_number, cell_text, concept, tokens

# How far above the header the form's title may be, and below it its row of column numbers.
TITLE_REACH = 10
NUMBERS_REACH = 4
_FORM_WORDS = {"renja": "Evaluasi Renja", "rkpd": "Evaluasi RKPD", "renstra": "Evaluasi Renstra"}
_NUMBER_CELL = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=\s*(.+))?$")
_SUM = re.compile(r"^\d{1,2}(?:\s*\+\s*\d{1,2})+$")
_RATIO = re.compile(r"^\(?\s*(\d{1,2})\s*/\s*(\d{1,2})\s*\)?\s*[x×*]\s*100\s*%?$", re.IGNORECASE)
_LABEL_CONCEPTS = ("uraian", "indikator", "sasaran", "kode")
_K_WORDS = {"k", "kinerja", "fisik", "volume"}
_RP_WORDS = {"rp", "anggaran", "keuangan"}


def form_name(sheet: SheetSnapshot, header_row: int) -> tuple[str, str] | None:
    """The form's name and title when a title above the header says "Evaluasi ... Renja / RKPD"."""
    for row in range(max(1, header_row - TITLE_REACH), header_row):
        for col in range(1, min(sheet.max_col, 40) + 1):
            text = cell_text(sheet.value(row, col))[0]
            words = tokens(text)
            if "evaluasi" in words:
                for word, name in _FORM_WORDS.items():
                    if word in words:
                        return name, text
    return None


def _numbers_cells(sheet: SheetSnapshot, row: int) -> list[tuple[int, int, str | None]] | None:
    """(column, number, definition) of a row of column numbers, numbers rising; else None."""
    out: list[tuple[int, int, str | None]] = []
    for col in range(1, sheet.max_col + 1):
        value = sheet.value(row, col)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if sheet.merge_anchor(row, col) is not None:
            continue
        match = _NUMBER_CELL.match(cell_text(value)[0])
        if not match:
            return None
        out.append((col, int(match.group(1)), match.group(2)))
    numbers = [number for _, number, _ in out]
    if len(out) < 5 or numbers != sorted(set(numbers)) or not any(definition for _, _, definition in out):
        return None
    return out


def numbers_row(sheet: SheetSnapshot, header_row: int) -> int | None:
    """The row of column numbers with at least one definition ("13 = 12/7*100") under the header."""
    for row in range(header_row + 1, header_row + 1 + NUMBERS_REACH):
        if _numbers_cells(sheet, row) is not None:
            return row
    return None


def _part(text: str) -> str | None:
    words = set(tokens(text))
    if words & _RP_WORDS:
        return "Rp"
    if words & _K_WORDS:
        return "K"
    return None


def _header_text(sheet: SheetSnapshot, rows: range, col: int) -> str:
    texts: list[str] = []
    for row in rows:
        anchor = sheet.merge_anchor(row, col) or (row, col)
        text = cell_text(sheet.value(*anchor))[0]
        if text and text not in texts:
            texts.append(text)
    return " / ".join(texts)


def _columns(sheet: SheetSnapshot, header_row: int, row: int, cells) -> tuple[list[FormColumn], list[int]]:
    """Each number's columns: one, or its K and Rp parts named in the header row just above the numbers."""
    columns: list[FormColumn] = []
    unsure: list[int] = []
    header_rows = range(header_row, row)
    last_col = sheet.max_col
    for index, (col, number, _) in enumerate(cells):
        merge = next((m for m in sheet.merged if m[0] <= row <= m[2] and m[1] == col), None)
        end = merge[3] if merge else (cells[index + 1][0] - 1 if index + 1 < len(cells) else col)
        end = min(end, last_col)
        # The header row just above the numbers names the parts of a wide number ("K", "Rp. (000)"); a number
        # whose header is one merged cell has one column. Any other word there leaves the number unread.
        parts: dict[str, int] = {}
        for sub in range(col, end + 1 if end > col else col):
            text = "" if sheet.merge_anchor(row - 1, sub) else cell_text(sheet.value(row - 1, sub))[0]
            if not text or row - 1 == header_row:
                continue
            part = _part(text)
            if part is None or part in parts:
                parts = {"?": col}
                break
            parts[part] = sub
        if "?" in parts or (end > col and len(parts) == 1):
            unsure.append(number)
            continue
        if not parts:
            parts = {"": col}
        for part, sub in parts.items():
            columns.append(FormColumn(number, part, sub, _header_text(sheet, header_rows, sub)))
    return columns, unsure


def _definition(number: int, text: str, ref) -> FormDefinition | None:
    body = re.sub(r"\((\d{1,2})\)", r"\1", text.strip())  # "(12)/(7) x 100" as "12/7 x 100"
    if _SUM.match(body):
        return FormDefinition(number, "sum", tuple(int(n) for n in re.findall(r"\d+", body)), f"{number} = {body}", ref)
    match = _RATIO.match(body)
    if match:
        return FormDefinition(number, "ratio", (int(match.group(1)), int(match.group(2))), f"{number} = {body}", ref)
    return None


def _role(sheet: SheetSnapshot, row: int, first_figure_col: int, label_cols: list[int]) -> tuple[str, TextField] | None:
    for col in range(1, first_figure_col):
        text = cell_text(sheet.value(row, col))[0]
        words = tokens(text)
        if col in label_cols and len(words) > 4:
            continue  # "Jumlah aparatur yang mengikuti diklat" names an indicator
        if words[:2] == ("rata", "rata") or words[:1] == ("ratarata",):
            return "mean", TextField(sheet.ref(row, col), text)
        if words[:1] in (("jumlah",), ("total",), ("predikat",)):
            return "summary", TextField(sheet.ref(row, col), text)
    for col in label_cols:
        text = cell_text(sheet.value(row, col))[0]
        if text and not re.fullmatch(r"[\d.\s]*", text):
            return "data", TextField(sheet.ref(row, col), text)
    return None


def read_form(sheet: SheetSnapshot, header_row: int) -> EvaluationForm | None:
    """The evaluation form whose header starts at ``header_row``, or None when it is not one."""
    named = form_name(sheet, header_row)
    row = numbers_row(sheet, header_row)
    if named is None or row is None:
        return None
    cells = _numbers_cells(sheet, row) or []
    columns, unsure = _columns(sheet, header_row, row, cells)
    definitions: list[FormDefinition] = []
    unread: list[str] = []
    for col, number, text in cells:
        if not text:
            continue
        definition = _definition(number, text, sheet.ref(row, col))
        if definition is None:
            unread.append(f"{number} = {text}")
        else:
            definitions.append(definition)
    defined = {definition.number: definition for definition in definitions}
    inputs = {n for d in definitions for n in d.operands}
    figure_numbers = set(defined) | inputs
    figure_cols = [c.col for c in columns if c.number in figure_numbers]
    if not figure_cols:
        return None
    first_figure = min(figure_cols)
    label_cols = [c.col for c in columns if c.col < first_figure and concept(c.header) in _LABEL_CONCEPTS]

    def quantity(column: FormColumn) -> Quantity:
        if column.number in defined and defined[column.number].kind == "ratio":
            return Quantity.PERCENT
        return Quantity.MONEY if column.part == "Rp" else Quantity.VALUE

    rows: list[FormRow] = []
    for body in range(row + 1, sheet.max_row + 1):
        cells = row_cells(sheet, body)
        if rows and cells and (caption_number(cells[0][1]) or is_header_like(cells)):
            break  # the next table on the sheet
        fields = {
            (column.number, column.part): Field(
                sheet.ref(body, column.col),
                parse(sheet.value(body, column.col), quantity(column), sheet.number_format(body, column.col)),
                sheet.formula(body, column.col),
            )
            for column in columns
            if column.number in figure_numbers
        }
        role = _role(sheet, body, first_figure, label_cols)
        if role is None:
            if any(field.parsed.is_number for field in fields.values()):
                rows.append(FormRow(body, "unlabelled", TextField(sheet.ref(body, first_figure)), fields))
            continue
        rows.append(FormRow(body, role[0], role[1], fields))
    name, title = named
    used = sorted(number for number in unsure if number in figure_numbers)
    return EvaluationForm(name, sheet.name, title, row, columns, definitions, rows, unread, used)


def take_forms(sheet: SheetSnapshot, items: list) -> tuple[list[EvaluationForm], list]:
    """The evaluation forms among a sheet's table blocks, and the blocks that are not part of one."""
    forms: list[EvaluationForm] = []
    kept = []
    inside_until = 0
    for item in items:
        start = item.header.rows[0]
        if start <= inside_until:
            continue  # a header-like row inside the form (its sub-header, a footer) is the form's own
        form = read_form(sheet, start)
        if form is None:
            kept.append(item)
            continue
        forms.append(form)
        inside_until = max([form.numbers_row, *(row.row for row in form.rows)])
    return forms, kept
