"""Writing the template workbook (``lkjip-xl template``) with openpyxl.

Staff type only into unlocked input cells; derived cells (selisih, persentase, capaian, JUMLAH) are
formulas the ``formulas`` package can evaluate too (SUM/SUMIFS, never SUBTOTAL), locked and shaded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..indicators import SCALE_PRESETS, EfficiencyFormula, NegativeFormula, Polarity, Scale, Verdict
from ..settings import SETTINGS, Settings
from . import layout as L
from .layout import TableLayout

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DERIVED_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

LEVEL_CHOICES = ("Program", "Kegiatan", "Sub Kegiatan")

# Fixed document properties keep the generated file reproducible.
_FIXED_TIME = dt.datetime(2025, 1, 1)


def settings_cell(key: str) -> str:
    """The absolute address of a setting's value on the settings sheet (for formulas)."""
    for offset, setting in enumerate(SETTINGS):
        if setting.key == key:
            return f"'{L.SETTINGS_SHEET}'!$C${L.SETTINGS_FIRST_ROW + 2 + offset}"
    raise KeyError(key)


def build_template(settings: Settings | None = None) -> Workbook:
    """The template workbook, filled with ``settings`` (defaults when None)."""
    settings = settings or Settings()
    workbook = Workbook()
    workbook.properties.creator = "lkjip-xl"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    instructions = workbook.active
    instructions.title = L.INSTRUCTIONS_SHEET
    _write_instructions(instructions)
    _write_settings(workbook.create_sheet(L.SETTINGS_SHEET), settings)
    for table in L.TABLES:
        sheet = workbook.create_sheet(table.sheet)
        _write_table(sheet, table)
    return workbook


def write_template(path: Path, settings: Settings | None = None) -> None:
    build_template(settings).save(path)


# -- instructions -------------------------------------------------------------------------------------

INSTRUCTIONS = [
    ("Templat LKjIP: Tabel 3.2, 3.3, 3.5, 3.7 dan 3.8", TITLE),
    ("", None),
    ("Cara mengisi", BOLD),
    ("1. Isi sheet Pengaturan: nama perangkat daerah dan tahun anggaran. Judul setiap tabel mengikutinya.", None),
    ("2. Ketik hanya di sel putih. Sel abu-abu berisi rumus (selisih, persentase, capaian, JUMLAH) dan terkunci.", None),
    ("3. Tabel 3.8: satu baris per program, kegiatan dan sub kegiatan, berurutan seperti di DPA/SIPD.", None),
    ("   Isi kolom Kode dengan kode Kepmendagri 050-5889/2021 (mis. 7.01.01, 7.01.01.2.01, 7.01.01.2.01.0001):", None),
    ("   Level terisi otomatis dari kode. Tanpa kode, pilih Level dari daftar (Program / Kegiatan / Sub Kegiatan).", None),
    ("   Anggaran dan realisasi diketik per sub kegiatan. Baris program dan kegiatan harus sama dengan jumlah", None),
    ("   rinciannya: sel merah berarti tidak sama. Baris JUMLAH menjumlahkan semua sub kegiatan.", None),
    ("4. Ketik angka sebagai angka (1720118000), bukan teks (\"Rp 1.720.118.000\"): teks tidak ikut dijumlahkan.", None),
    ("5. Persentase diketik sebagai persen (93,33%). Kolom capaian dan persentase dihitung otomatis.", None),
    ("6. Tabel 3.2, 3.3 dan 3.5: beri setiap indikator ID yang sama di semua tabel (mis. IKU-01), agar", None),
    ("   angkanya dapat dicocokkan antar tabel. Polaritas Negatif untuk indikator yang makin kecil makin baik.", None),
    ("   Polaritas, skala kategori, rumus efisiensi dan rumus polaritas negatif diatur di sheet Pengaturan.", None),
    ("   Tabel 3.5: anggaran yang mendanai beberapa sasaran ditulis sekali; baris sasaran di bawahnya dikosongkan", None),
    ("   (seperti sel gabungan): efisiensinya memakai rata-rata capaian sasaran-sasaran itu.", None),
    ("7. Jika perlu baris tambahan, sisipkan baris di tengah tabel (bukan di bawah JUMLAH) agar rumus ikut.", None),
    ("", None),
    ("Memeriksa", BOLD),
    ("Di Excel: tab LKjIP > Validasi. Tanpa Excel: lkjip-xl validate NAMA_BERKAS.xlsx --out hasil.xlsx", None),
    ("Hasil pemeriksaan ada di sheet \"Ringkasan Validasi\": setiap temuan menunjuk sel yang salah.", None),
    ("", None),
    ("Warna", BOLD),
    ("Putih: isian. Abu-abu: rumus. Merah: jumlah tidak cocok. Kuning: realisasi melebihi anggaran.", None),
]


def _write_instructions(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 110
    for row, (text, font) in enumerate(INSTRUCTIONS, start=1):
        cell = sheet.cell(row, 1, text)
        if font is not None:
            cell.font = font
    sheet.protection.sheet = True


# -- settings ---------------------------------------------------------------------------------------


def _write_settings(sheet: Worksheet, settings: Settings) -> None:
    sheet["A1"] = "Pengaturan"
    sheet["A1"].font = TITLE
    sheet["A2"] = "Kolom A adalah kunci yang dibaca lkjip-xl (sama dengan kunci di berkas --config): jangan diubah."
    for col, header in enumerate(("Kunci", "Pengaturan", "Nilai", "Keterangan"), start=1):
        cell = sheet.cell(L.SETTINGS_FIRST_ROW, col, header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BORDER
    # The first row under the header marks the workbook as this template (and which version of it).
    marker_row = L.SETTINGS_FIRST_ROW + 1
    sheet.cell(marker_row, L.SETTINGS_KEY_COL, L.TEMPLATE_MARKER_KEY)
    sheet.cell(marker_row, L.SETTINGS_LABEL_COL, "Versi templat")
    sheet.cell(marker_row, L.SETTINGS_VALUE_COL, L.TEMPLATE_VERSION)
    sheet.cell(marker_row, L.SETTINGS_HELP_COL, "Diisi oleh lkjip-xl: jangan diubah.")
    values = settings.to_dict()
    for offset, setting in enumerate(SETTINGS):
        row = marker_row + 1 + offset
        sheet.cell(row, L.SETTINGS_KEY_COL, setting.key)
        sheet.cell(row, L.SETTINGS_LABEL_COL, setting.label("id"))
        value = setting.show(values[setting.key])
        if isinstance(value, bool):
            value = "Ya" if value else "Tidak"
        value_cell = sheet.cell(row, L.SETTINGS_VALUE_COL, value)
        value_cell.protection = UNLOCKED
        value_cell.border = BORDER
        help_cell = sheet.cell(row, L.SETTINGS_HELP_COL, setting.help("id"))
        help_cell.alignment = WRAP
        if setting.choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(setting.choices) + '"', allow_blank=True)
            sheet.add_data_validation(validation)
            validation.add(value_cell)
    for letter, width in (("A", 20), ("B", 42), ("C", 34), ("D", 80)):
        sheet.column_dimensions[letter].width = width
    sheet.protection.sheet = True


# -- tables -----------------------------------------------------------------------------------------


def _subtitle_formula(table: TableLayout) -> str:
    parts = []
    text = table.subtitle
    while text:
        for token, ref in (("{opd}", settings_cell("nama_opd")), ("{tahun}", settings_cell("tahun"))):
            if text.startswith(token):
                parts.append(ref)
                text = text[len(token):]
                break
        else:
            next_token = min((i for i in (text.find("{opd}"), text.find("{tahun}")) if i > 0), default=len(text))
            parts.append('"' + text[:next_token].replace('"', '""') + '"')
            text = text[next_token:]
    return "=" + "&".join(parts)


def _group_header(group: str) -> str:
    template = L.GROUP_HEADERS[group]
    year = settings_cell("tahun")
    for token, formula in (("{tahun-2}", f"{year}-2"), ("{tahun-1}", f"{year}-1"), ("{tahun}", year)):
        if template == token:
            return f'=IF({year}="","",{formula})'
    return template


def _write_header(sheet: Worksheet, table: TableLayout) -> None:
    sheet.cell(1, 1, table.title).font = TITLE
    sheet.cell(2, 1, _subtitle_formula(table)).font = BOLD
    top = table.header_row
    col = 1
    columns = list(table.columns)
    while col <= len(columns):
        column = columns[col - 1]
        if table.header_rows == 2 and column.group:
            span = 1
            while col + span <= len(columns) and columns[col + span - 1].group == column.group:
                span += 1
            sheet.cell(top, col, _group_header(column.group))
            sheet.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
            for offset in range(span):
                sheet.cell(top + 1, col + offset, columns[col + offset - 1].header)
            col += span
        else:
            sheet.cell(top, col, column.header)
            if table.header_rows == 2:
                sheet.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
            col += 1
    for row in range(top, table.numbers_row + 1):
        for col in range(1, len(columns) + 1):
            cell = sheet.cell(row, col)
            cell.font = BOLD
            cell.fill = HEADER_FILL
            cell.alignment = CENTER
            cell.border = BORDER
    for col in range(1, len(columns) + 1):
        sheet.cell(table.numbers_row, col, col)
    for col, column in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[sheet.cell(1, col).column_letter]
        dimension.width = column.width
        dimension.hidden = column.hidden
    sheet.freeze_panes = sheet.cell(table.first_row, 1)


def _formulas(table: TableLayout, row: int) -> dict[str, str]:
    """The formula of every derived column on body row ``row``."""
    c = {key: f"{table.letter(key)}{row}" for key in table.keys()}
    if table.table == "3.8":
        code = f'SUBSTITUTE(TRIM({c["kode"]}),",",".")'
        dots = f'LEN({code})-LEN(SUBSTITUTE({code},".",""))'
        return {
            "level": f'=IF(TRIM({c["kode"]})="","",IF({dots}=2,"Program",IF({dots}=4,"Kegiatan",'
            f'IF({dots}=5,"Sub Kegiatan","?"))))',
            "selisih": f'=IF(AND({c["anggaran"]}="",{c["realisasi"]}=""),"",N({c["anggaran"]})-N({c["realisasi"]}))',
            "persen": f'=IF(N({c["anggaran"]})=0,"",N({c["realisasi"]})/N({c["anggaran"]}))',
        }
    if table.table == "3.7":
        return {"persen": f'=IF(N({c["anggaran"]})=0,"",N({c["realisasi"]})/N({c["anggaran"]}))'}
    if table.table == "3.2":
        negative = f'OR({c["polaritas"]}="{Polarity.NEGATIVE.value}",{_listed_negative(c["id"], c["indikator"])})'
        return {
            "capaian": _capaian_formula(c["target"], c["realisasi"], negative),
            "kategori": _category_formula(c["capaian"]),
        }
    if table.table == "3.3":
        formulas = {
            f"capaian{offset}": _capaian_formula(c[f"target{offset}"], c[f"realisasi{offset}"], c["negatif"])
            for offset in (2, 1, 0)
        }
        return {**formulas, "negatif": "=" + _negative_polarity(c["id"], c["indikator"])}
    if table.table == "3.5":
        return _efficiency_formulas(table, row, c)
    raise KeyError(table.table)


# -- performance formulas: polarity, category scale and efficiency follow the settings sheet -------------


def _setting_choice(key: str) -> str:
    """A setting's value as the choices are compared: no spaces, lower case (as ``indicators._normal``)."""
    return f'LOWER(SUBSTITUTE({settings_cell(key)}," ",""))'


def _choice(value: str) -> str:
    return '"' + "".join(value.split()).lower() + '"'


def _listed_negative(indicator_id: str, name: str) -> str:
    """Whether the settings' list of negative-polarity indicators names this row's ID (its name without ID)."""
    # &"" keeps an empty cell text: the formulas package turns IF's bare empty reference into 0, Excel does not.
    key = f'UPPER(SUBSTITUTE(IF(TRIM({indicator_id})="",{name}&"",{indicator_id}&"")," ",""))'
    cell = settings_cell("polaritas_negatif")
    entries = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({cell}," ",""),",",";"),CHAR(10),";")'
    return f'AND(LEN({key})>0,ISNUMBER(FIND(";"&{key}&";",";"&UPPER({entries})&";")))'


def _negative_polarity(indicator_id: str, name: str) -> str:
    """For Tabel 3.3 and 3.5: negative when the settings list it or its row in Tabel 3.2 (same ID) says so."""
    table = L.TABLE_32

    def span(key: str) -> str:
        letter = table.letter(key)
        return f"'{table.sheet}'!${letter}${table.first_row}:${letter}${table.last_body_row}"

    in_32 = f'COUNTIFS({span("id")},{indicator_id},{span("polaritas")},"{Polarity.NEGATIVE.value}")>0'
    return f'OR({_listed_negative(indicator_id, name)},IF(TRIM({indicator_id})="",FALSE,{in_32}))'


def _capaian_formula(target: str, actual: str, negative: str) -> str:
    inverse = f'{_setting_choice("rumus_polaritas_negatif")}={_choice(NegativeFormula.INVERSE.value)}'
    return (
        f'=IF(OR(N({target})=0,NOT(ISNUMBER({actual}))),"",IF({negative},'
        f'IF({inverse},IF({actual}=0,"",{target}/{actual}),(2*{target}-{actual})/{target}),{actual}/{target}))'
    )


def _scale_formula(capaian: str, scale: Scale) -> str:
    formula = f'"{scale.bands[-1].label}"'
    for band in reversed(scale.bands[:-1]):
        operator = ">=" if band.inclusive else ">"
        formula = f'IF({capaian}{operator}{band.bound / 100!r},"{band.label}",{formula})'
    return formula


def _category_formula(capaian: str) -> str:
    """The category of the configured scale: the presets are written out; an own scale leaves the cell empty."""
    chosen = _setting_choice("skala_kategori")
    default, *others = SCALE_PRESETS
    formula = f'IF(OR({chosen}="",{chosen}={_choice(default.name)}),{_scale_formula(capaian, default)},"")'
    for scale in others:
        formula = f"IF({chosen}={_choice(scale.name)},{_scale_formula(capaian, scale)},{formula})"
    return f'=IF(NOT(ISNUMBER({capaian})),"",{formula})'


def _efficiency_formulas(table: TableLayout, row: int, c: dict[str, str]) -> dict[str, str]:
    """Tabel 3.5. A row with a budget opens a group; the rows below without one share it (the seed's merged
    cells). Efficiency and the efisien rule use the mean capaian of the group's rows."""
    first, last = table.first_row, table.last_body_row

    def span(key: str) -> str:
        return f"${table.letter(key)}${first}:${table.letter(key)}${last}"

    group, serapan, mean = c["kelompok"], c["serapan"], c["rata_capaian"]
    chosen = _setting_choice("rumus_efisiensi")
    opens = f'OR(LEN({c["anggaran"]})>0,LEN({c["realisasi_rp"]})>0)'
    previous = f"{table.letter('kelompok')}{row - 1}"
    return {
        "capaian": _capaian_formula(c["target"], c["realisasi"], c["negatif"]),
        "serapan": f'=IF(N({c["anggaran"]})=0,"",N({c["realisasi_rp"]})/N({c["anggaran"]}))',
        "efisiensi": f'=IF({serapan}="","",IF({chosen}={_choice(EfficiencyFormula.DIFFERENCE.value)},'
        f'IF({mean}="","",{mean}-{serapan}),IF({chosen}={_choice(EfficiencyFormula.RATIO.value)},'
        f'IF(OR({mean}="",{serapan}=0),"",{mean}/{serapan}),1-{serapan})))',
        "kategori_efisiensi": f'=IF(OR({serapan}="",{mean}=""),"",IF(AND({mean}>=1,{serapan}<{mean}),'
        f'"{Verdict.EFFICIENT.value}",IF(AND({mean}<1,{serapan}>{mean}),"{Verdict.INEFFICIENT.value}","-")))',
        "negatif": "=" + _negative_polarity(c["id"], c["indikator"]),
        "kelompok": "=1" if row == first else f"=IF({opens},{previous}+1,{previous})",
        "rata_capaian": f'=IFERROR(AVERAGEIFS({span("capaian")},{span("kelompok")},{group}),"")',
    }


def _total_formulas(table: TableLayout) -> dict[str, str]:
    first, last, total = table.first_row, table.last_body_row, table.last_body_row + 1
    c = {key: table.letter(key) for key in table.keys()}

    def span(key: str) -> str:
        return f"{c[key]}{first}:{c[key]}{last}"

    if table.table == "3.8":
        subs = f'{span("level")},"Sub Kegiatan"'
        return {
            "anggaran": f"=SUMIFS({span('anggaran')},{subs})",
            "realisasi": f"=SUMIFS({span('realisasi')},{subs})",
            "selisih": f"={c['anggaran']}{total}-{c['realisasi']}{total}",
            "persen": f'=IF(N({c["anggaran"]}{total})=0,"",{c["realisasi"]}{total}/{c["anggaran"]}{total})',
        }
    return {
        "anggaran": f"=SUM({span('anggaran')})",
        "realisasi": f"=SUM({span('realisasi')})",
        "persen": f'=IF(N({c["anggaran"]}{total})=0,"",{c["realisasi"]}{total}/{c["anggaran"]}{total})',
    }


def _write_table(sheet: Worksheet, table: TableLayout) -> None:
    _write_header(sheet, table)
    for row in range(table.first_row, table.last_body_row + 1):
        formulas = _formulas(table, row)
        for col, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row, col)
            cell.border = BORDER
            if column.number_format:
                cell.number_format = column.number_format
            if column.key in formulas:
                cell.value = formulas[column.key]
            if column.input:
                cell.protection = UNLOCKED
            else:
                cell.fill = DERIVED_FILL
            if column.key in ("uraian", "indikator", "sasaran"):
                cell.alignment = WRAP
    if table.total_row:
        row = table.last_body_row + 1
        label_col = table.col("uraian")
        sheet.cell(row, label_col, L.TOTAL_LABEL)
        for key, formula in _total_formulas(table).items():
            sheet.cell(row, table.col(key), formula)
        for col, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row, col)
            cell.font = BOLD
            cell.fill = TOTAL_FILL
            cell.border = BORDER
            if column.number_format and col != label_col:
                cell.number_format = column.number_format
    _add_validations(sheet, table)
    if table.table == "3.8":
        _add_budget_highlights(sheet, table)
    sheet.protection = _protection()


def _protection():
    from openpyxl.worksheet.protection import SheetProtection

    # Locked cells stay locked; rows may be inserted, deleted and formatted so the table can grow.
    return SheetProtection(
        sheet=True,
        formatCells=False,
        formatColumns=False,
        formatRows=False,
        insertRows=False,
        deleteRows=False,
        sort=True,
        autoFilter=False,
    )


def _add_validations(sheet: Worksheet, table: TableLayout) -> None:
    first, last = table.first_row, table.last_body_row
    if "level" in table.keys():
        validation = DataValidation(
            type="list", formula1='"' + ",".join(LEVEL_CHOICES) + '"', allow_blank=True, showErrorMessage=True
        )
        validation.error = "Pilih Program, Kegiatan atau Sub Kegiatan."
        sheet.add_data_validation(validation)
        validation.add(f"{table.letter('level')}{first}:{table.letter('level')}{last}")
    if "polaritas" in table.keys():
        validation = DataValidation(
            type="list", formula1='"' + ",".join(L.POLARITY_CHOICES) + '"', allow_blank=True, showErrorMessage=True
        )
        sheet.add_data_validation(validation)
        validation.add(f"{table.letter('polaritas')}{first}:{table.letter('polaritas')}{last}")


def _add_budget_highlights(sheet: Worksheet, table: TableLayout) -> None:
    """Live hints while typing: a parent row that is not the sum of its sub kegiatan, realisasi above anggaran."""
    first, last = table.first_row, table.last_body_row
    code, level = table.letter("kode"), table.letter("level")
    for key in ("anggaran", "realisasi"):
        letter = table.letter(key)
        target = f"{letter}{first}:{letter}{last}"
        children = (
            f'SUMIFS({letter}${first}:{letter}${last},${level}${first}:${level}${last},"Sub Kegiatan",'
            f'${code}${first}:${code}${last},TRIM(${code}{first})&".*")'
        )
        condition = (
            f'=AND(OR(${level}{first}="Program",${level}{first}="Kegiatan"),TRIM(${code}{first})<>"",'
            f"ROUND(N({letter}{first}),2)<>ROUND({children},2))"
        )
        sheet.conditional_formatting.add(target, FormulaRule(formula=[condition[1:]], fill=ERROR_FILL))
    anggaran, realisasi = table.letter("anggaran"), table.letter("realisasi")
    over = f"N(${realisasi}{first})>N(${anggaran}{first})"
    sheet.conditional_formatting.add(
        f"{realisasi}{first}:{realisasi}{last}", FormulaRule(formula=[over], fill=WARNING_FILL)
    )
