"""The example workbook: LKjIP Kecamatan Jati, Kabupaten Blora, 2024 (shared/seed), entered into the template.

Every figure is the one the report prints, errors included, the way a real submission looks: figures in
the Indonesian form are typed as numbers; US-form and mistyped figures stay text, as pasted; a derived
cell keeps the template's formula where the printed figure equals it, and holds the typed figure where
the office overwrote it. Codes (absent from the printed table) follow Kepmendagri 050-5889/2021.

``consistent=True`` gives the same tables made consistent: totals and derived figures as the sub kegiatan
make them, numbers in the Indonesian form, numbering in order. It must report no error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook

from ..numbers import Quantity, parse
from ..settings import Settings
from . import layout as L
from .build import build_template
from .fill import write_row

SETTINGS = Settings(office="Kecamatan Jati Kabupaten Blora", year=2024)


@dataclass(frozen=True)
class BudgetLine:
    no: str
    code: str
    uraian: str
    anggaran: str = ""
    realisasi: str = ""
    selisih: str = ""
    persen: str = ""


# Tabel 3.8 as printed (seed lines 867-937), with the two heading rows of the printed table.
TABLE_38 = [
    BudgetLine("", "", "UNSUR KEWILAYAHAN"),
    BudgetLine("", "", "KECAMATAN"),
    BudgetLine("", "7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN/KOTA",
               "Rp1.720.118.000", "Rp1.720.118.000", "Rp 133.456.093", "93,33%"),
    BudgetLine("", "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
               "Rp 6.910.000", "Rp 6.910.000", "Rp -", "100%"),
    BudgetLine("1", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
               "Rp 6.910.000", "Rp 6.910.000", "Rp -", "100%"),
    BudgetLine("", "7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah",
               "Rp 1.528.600.000", "Rp 1.487.735.424", "Rp 40.864.576", "97.33%"),
    BudgetLine("2", "7.01.01.2.02.0001", "Penyediaan gaji dan tunjangan ASN",
               "Rp 1.400.000.000", "Rp 1.289.348.961", "Rp 110.651.039", "92,32%"),
    BudgetLine("3", "7.01.01.2.02.0002", "Penyediaan administrasi pelaksanaan tugas ASN",
               "Rp 7.200.000", "Rp 7.200.000", "Rp -", "100%"),
    BudgetLine("", "7.01.01.2.06", "Administrasi Umum Perangkat Daerah",
               "Rp 160.568.000", "Rp 160.092.830", "Rp 475.170", "99,97%"),
    BudgetLine("4", "7.01.01.2.06.0002", "Penyediaan Peralatan dan perlengkapan kantor",
               "Rp 0", "Rp 0", "Rp -", "0%"),
    BudgetLine("5", "7.01.01.2.06.0004", "Penyediaan bahan logistik kantor",
               "Rp 51.565.000", "Rp 51.565.000", "Rp -", "100%"),
    BudgetLine("7", "7.01.01.2.06.0005", "Penyediaan barang cetakan dan penggandaan",
               "Rp 8.002.700", "Rp 7.960.900", "Rp 475,170", "99,97%"),
    BudgetLine("8", "7.01.01.2.06.0006", "Penyediaan bahan bacaan dan peraturan perundang-undangan",
               "Rp 1.800.000", "Rp 1.800.000", "Rp -", "100%"),
    BudgetLine("9", "7.01.01.2.06.0009", "Penyelenggaraan rapat koordinasi dan konsultasi SKPD",
               "Rp 57.850.000", "Rp 57.850.000", "Rp -", "100%"),
    BudgetLine("", "7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",
               "Rp 138.800.000", "Rp 138.800.000", "Rp -", "100%"),
    BudgetLine("10", "7.01.01.2.08.0001", "Penyediaan jasa surat menyurat",
               "Rp 4,500,000", "Rp 4,500,000", "Rp -", "100%"),
    BudgetLine("11", "7.01.01.2.08.0002", "Penyediaan jasa komunikasi, sumber daya air dan listrik",
               "Rp 51.600.000", "Rp 51.600.000", "Rp -", "100%"),
    BudgetLine("12", "7.01.01.2.08.0003", "Penyedia jasa Peralatan dan perlengkapan kantor",
               "Rp 5.900.000", "Rp 5.900.000", "Rp -", "100%"),
    BudgetLine("13", "7.01.01.2.08.0004", "Penyedia jasa Pelayanan Umum Kantor",
               "Rp 76,800,000", "Rp 76,800,000", "Rp -", "100%"),
    BudgetLine("", "7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan daerah",
               "Rp 46,848,000", "Rp 46,848,000", "Rp -", "100%"),
    BudgetLine("14", "7.01.01.2.09.0001", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan "
               "Perorangan Dinas atau Kendaraan Dinas Jabatan",
               "Rp 26,848,000", "Rp 26,848,000", "Rp -", "100%"),
    BudgetLine("15", "7.01.01.2.09.0006", "Pemeliharaan peralatan dan mesin lainnya",
               "Rp 20,000,000", "Rp 20,000,000", "Rp -", "100%"),
    BudgetLine("", "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
               "Rp 15.205.000", "Rp 19.285.000", "Rp -4.080.000", "126,83%"),
    BudgetLine("16", "7.01.02.2.02.0001", "Pelaksanaan Urusan Pemerintahan Yang Terkait Dengan Pelayanan Dan "
               "Perijinan Non Usaha",
               "Rp 7.575.000", "Rp 10.225.000", "Rp 2.650.000", "134,98%"),
    BudgetLine("17", "7.01.02.2.02.0002", "Pelaksanaan urusan pemerintahan yang terkait dengan kewenangan lain "
               "yang dilimpahkan",
               "Rp 7.630.000", "Rp 9.060.000", "Rp -1.430.000", "118,74%"),
    BudgetLine("18", "7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
               "Rp 78.260.000", "Rp 78.065.000", "Rp 195.000", "99,75%"),
    BudgetLine("19", "7.01.03.2.01.0001", "Peningkatan Partisipasi Masyarakat dalam forum musyawarah perencanaan "
               "pembangunan didesa",
               "Rp 15.555.000", "Rp 15.555.000", "Rp -", "100 %"),
    BudgetLine("20", "7.01.03.2.01.0002", "Sinkronisasi Progam Kerja Dan Kegiatan Pemberdayaan Masyarakat Yang "
               "Dilakukan Oleh Pemerintah Dan Swasta Diwilayah Kerja Kecamatan",
               "Rp 12,655.00", "Rp 12.460.000", "Rp 195.000", "98,46 %"),
    BudgetLine("21", "7.01.03.2.01.0003", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat Dikecamatan",
               "Rp 50.050.000", "Rp 50.050.000", "Rp -", "100 %"),
    BudgetLine("", "7.01.04", "PROGAM KOORDINASI KETENTRAMAN DAN KETERTIPAN UMUM",
               "Rp 35.030.000", "Rp 34.860.000", "Rp 170.000", "99,51 %"),
    BudgetLine("22", "7.01.04.2.01.0001", "Koordinasi / Sinergi Dengan Perangkat Daerah Yang Tugas Dan Fungsinya "
               "Dibidang Penegakan Peraturan Perundang Undangan Dan Atau Kepolisian Republik Indonesia",
               "Rp 19.990.000", "Rp 19.990.000", "Rp -", "100 %"),
    BudgetLine("23", "7.01.04.2.01.0002", "Sinergitas Dengan Kepolisian Negara Republik Indonesia, Tentara "
               "Nasional Indonesia Dan Vertikal Dikecamatan Jati",
               "Rp 10.005.000", "Rp 9.835.000", "Rp 170.0000", "98,30 %"),
    BudgetLine("24", "7.01.04.2.01.0003", "Harmonisasi Hubungan Dengan Tokoh Agama Dan Tokoh Masyarakat",
               "Rp 5.035.000", "Rp 5.035.000", "Rp -", "100%"),
    BudgetLine("", "7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
               "Rp 19.050.000", "Rp 19.050.000", "Rp -", "100%"),
    BudgetLine("25", "7.01.05.2.01.0001", "Fasilitasi Dan Koordinasi Pembinaan (Bintek, Sosialisasi, Konsultasi) "
               "Wawasan Kebangsaan Dan Ketahanan Nasional",
               "Rp 14.050.000", "Rp 14.050.000", "Rp -", "100%"),
    BudgetLine("26", "7.01.05.2.01.0002", "Pelaksanaan Tugas Forum Koordinasi Pimpinan Dikecamatan",
               "Rp 5.000.000", "Rp 5.000.000", "Rp -", "100%"),
    BudgetLine("", "7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
               "Rp 8.410.000", "Rp 8,759,000", "Rp - 349.000", "104,15%"),
    BudgetLine("27", "7.01.06.2.01.0002", "Fasilitasi pengelolaan keuangan desa dan pendayagunaan asset desa",
               "Rp 8.410.000", "Rp 8,759,000", "Rp - 349.000", "104,15%"),
]
TOTAL_38 = BudgetLine("", "", "JUMLAH", "Rp 2.000.000.000", "Rp 1.866.543.961", "Rp 133.546.039", "93.33%")

# Tabel 3.7 (seed lines 856-863).
TABLE_37 = [
    BudgetLine("", "", "BELANJA DAERAH"),
    BudgetLine("1", "", "Belanja Langsung", "Rp 2.000.000.000", "Rp 1.866.543.961", persen="93,33%"),
]
TOTAL_37 = BudgetLine("", "", "JUMLAH", "Rp 2.000.000.000", "Rp 1.866.543.961", persen="93,33%")


@dataclass(frozen=True)
class Indicator:
    """An indicator row of Tabel 3.2 (seed lines 748-762): the report prints two one-row tables."""

    no: str
    id: str
    name: str
    unit: str
    target: str
    realisasi: str
    capaian: str
    note: str = ""


TABLE_32 = [
    Indicator("1", "IKU-01", "Indek Kepuasan Masyarakat (IKM)", "Nilai", "85", "86,86", "101,95", "Sangat Efisien"),
    Indicator("1", "IKU-02", "Predikat Nilai Sakip", "Nilai", "70", "73,36", "104,8%"),
]


@dataclass(frozen=True)
class Trend:
    """An indicator row of Tabel 3.3 (seed lines 766-773): (target, realisasi, capaian) for 2022, 2023, 2024."""

    no: str
    id: str
    goal: str
    name: str
    years: tuple[tuple[str, str, str], ...]


TABLE_33 = [
    Trend("1", "IKU-01", "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan", "Indeks IKM",
          (("3,28", "3,40", "103,6"), ("3,32", "3,40", "103"), ("3,4", "3,44", "101,1"))),
    Trend("2", "IKU-02", "Terwujudnya birokrasi yang bersih dan akuntabel", "Nilai SAKIP",
          (("0", "47,11", "47,11"), ("70", "47,11", "67,3"), ("70", "73,36", "104,8"))),
]


@dataclass(frozen=True)
class Efficiency:
    """A row of Tabel 3.5 (seed lines 823-832); the budget is printed once for both sasaran."""

    no: str
    goal: str
    id: str
    name: str
    target: str
    realisasi: str
    capaian: str
    anggaran: str = ""
    realisasi_rp: str = ""
    serapan: str = ""
    efisiensi: str = ""


TABLE_35 = [
    Efficiency("1", "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Kecamatan", "IKU-01", "Indeks IKM",
               "3,4", "3,44", "101,1", "2.000.000.000", "1.866.543.961", "93,33", "7,67"),
    Efficiency("2", "Terwujudnya birokrasi yang bersih dan akuntabel", "IKU-02", "Nilai SAKIP",
               "70", "73,36", "104,8"),
]


# -- writing ----------------------------------------------------------------------------------------


def _write_budget(sheet, table: L.TableLayout, lines: list[BudgetLine], total: BudgetLine) -> None:
    keys = table.keys()
    for offset, line in enumerate(lines):
        printed = {
            "no": int(line.no) if line.no else None,
            "uraian": line.uraian,
            "anggaran": line.anggaran,
            "realisasi": line.realisasi,
            "persen": line.persen,
        }
        if "kode" in keys:
            printed["kode"] = line.code or None
        if "selisih" in keys:
            printed["selisih"] = line.selisih
        write_row(sheet, table, table.first_row + offset, printed)
    # The template's JUMLAH row sits under its body rows: the office typed over its formulas.
    amounts = {"anggaran": total.anggaran, "realisasi": total.realisasi, "persen": total.persen}
    if "selisih" in keys:
        amounts["selisih"] = total.selisih
    write_row(sheet, table, table.last_body_row + 1, amounts, total=True)


def _write_rows(sheet, table: L.TableLayout, rows: list[dict]) -> None:
    for offset, printed in enumerate(rows):
        write_row(sheet, table, table.first_row + offset, printed)


def _indicator_cells(item: Indicator) -> dict:
    return {
        "no": int(item.no),
        "id": item.id,
        "indikator": item.name,
        "satuan": item.unit,
        "polaritas": "Positif",
        "target": item.target,
        "realisasi": item.realisasi,
        "capaian": item.capaian,
        "keterangan": item.note or None,
    }


def _trend_cells(item: Trend) -> dict:
    cells = {"no": int(item.no), "id": item.id, "sasaran": item.goal, "indikator": item.name}
    for offset, (target, actual, capaian) in zip((2, 1, 0), item.years):
        cells.update({f"target{offset}": target, f"realisasi{offset}": actual, f"capaian{offset}": capaian})
    return cells


def _efficiency_cells(item: Efficiency) -> dict:
    return {
        "no": int(item.no),
        "sasaran": item.goal,
        "id": item.id,
        "indikator": item.name,
        "target": item.target,
        "realisasi": item.realisasi,
        "capaian": item.capaian,
        "anggaran": item.anggaran,
        "realisasi_rp": item.realisasi_rp,
        "serapan": item.serapan,
        "efisiensi": item.efisiensi,
    }


def build_example(consistent: bool = False) -> Workbook:
    workbook = build_template(SETTINGS)
    lines38, total38, lines37, total37 = TABLE_38, TOTAL_38, TABLE_37, TOTAL_37
    indicators, trend, efficiency = TABLE_32, TABLE_33, TABLE_35
    if consistent:
        lines38, total38 = _consistent_budget(TABLE_38)
        leaves = [line for line in lines38 if line.no]
        lines37 = [
            TABLE_37[0],
            replace(TABLE_37[1], anggaran=_sum(leaves, "anggaran"), realisasi=_sum(leaves, "realisasi"), persen=""),
        ]
        total37 = BudgetLine("", "", "JUMLAH")
        indicators, trend, efficiency = _consistent_performance(_sum(leaves, "anggaran"), _sum(leaves, "realisasi"))
    _write_budget(workbook[L.TABLE_38.sheet], L.TABLE_38, lines38, total38)
    _write_budget(workbook[L.TABLE_37.sheet], L.TABLE_37, lines37, total37)
    _write_rows(workbook[L.TABLE_32.sheet], L.TABLE_32, [_indicator_cells(item) for item in indicators])
    _write_rows(workbook[L.TABLE_33.sheet], L.TABLE_33, [_trend_cells(item) for item in trend])
    _write_rows(workbook[L.TABLE_35.sheet], L.TABLE_35, [_efficiency_cells(item) for item in efficiency])
    return workbook


def write_example(path: Path, consistent: bool = False) -> None:
    build_example(consistent).save(path)


# -- the consistent version -------------------------------------------------------------------------

# The readings that make the printed rows add up (see the findings N003/N004 on the example).
_MENDED = {"Rp 12,655.00": "12.655.000"}


def _leaf_amount(printed: str) -> str:
    printed = _MENDED.get(printed, printed)
    value = parse(printed, Quantity.MONEY).value
    return f"{value:,.0f}".replace(",", ".") if value is not None else ""


def _consistent_budget(lines: list[BudgetLine]) -> tuple[list[BudgetLine], BudgetLine]:
    """Totals typed as the sum of their sub kegiatan; selisih and persentase left to the template's formulas."""
    from ..codes import Level, parse_code

    leaves = [line for line in lines if line.code and parse_code(line.code).level is Level.SUB_KEGIATAN]
    out: list[BudgetLine] = []
    number = 0
    for line in lines:
        if not line.code:
            out.append(line)
            continue
        code = parse_code(line.code)
        if code.level is Level.SUB_KEGIATAN:
            number += 1
            out.append(BudgetLine(str(number), line.code, line.uraian, _leaf_amount(line.anggaran), _leaf_amount(line.realisasi)))
            continue
        children = [leaf for leaf in leaves if leaf.code.startswith(code.canonical + ".")]
        out.append(
            BudgetLine(
                "",
                line.code,
                line.uraian,
                _sum(children, "anggaran"),
                _sum(children, "realisasi"),
            )
        )
    total = BudgetLine("", "", "JUMLAH")
    return out, total


def _sum(lines: list[BudgetLine], key: str) -> str:
    total = sum(parse(_MENDED.get(getattr(line, key), getattr(line, key)), Quantity.MONEY).value or 0 for line in lines)
    return f"{total:,.0f}".replace(",", ".")


def _consistent_performance(anggaran: str, realisasi: str) -> tuple[list[Indicator], list[Trend], list[Efficiency]]:
    """IKM on one scale (NI) everywhere, no capaian without a target, derived figures left to the formulas,
    and the budget of Tabel 3.5 equal to the JUMLAH of Tabel 3.8."""
    indicators = [
        Indicator("1", "IKU-01", "Indeks Kepuasan Masyarakat (IKM)", "Nilai", "3,4", "3,44", "", "Efisien"),
        Indicator("2", "IKU-02", "Nilai SAKIP", "Nilai", "70", "73,36", ""),
    ]
    trend = [
        Trend("1", "IKU-01", TABLE_33[0].goal, "Indeks IKM",
              (("3,28", "3,40", ""), ("3,32", "3,40", ""), ("3,4", "3,44", ""))),
        Trend("2", "IKU-02", TABLE_33[1].goal, "Nilai SAKIP",
              (("", "47,11", ""), ("70", "47,11", ""), ("70", "73,36", ""))),
    ]
    efficiency = [
        replace(TABLE_35[0], capaian="", anggaran=anggaran, realisasi_rp=realisasi, serapan="", efisiensi=""),
        replace(TABLE_35[1], capaian=""),
    ]
    return indicators, trend, efficiency
