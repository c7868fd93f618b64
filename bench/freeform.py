"""How long reading a free-form workbook takes against loading it: table detection must stay a fraction of
the load (calamine values + one XML pass), whatever else the sheets hold.

    .venv/bin/python bench/freeform.py [programs] [paragraph rows]

Prints the load time, the detection time and their ratio, and the time of the whole check, for a Tabel 3.8
of ``programs`` x 11 rows pasted as text next to a sheet of report paragraphs. Goal: detection / load <= 0.5.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from lkjip_xl.freeform.detect import find_tables
from lkjip_xl.load import load_file
from lkjip_xl.validate import check_snapshot


def workbook(path: Path, programs: int, paragraphs: int) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Tabel 3.8"])
    sheet.append(["No", "Program/Kegiatan", "Jumlah Anggaran", "Realisasi", "Selisih", "Persentase"])
    number = 0
    for program in range(programs):
        sheet.append(["", f"PROGRAM {program}", "Rp 9.000.000", "Rp 9.000.000", "Rp -", "100%"])
        sheet.append(["", f"Kegiatan {program}", "Rp 9.000.000", "Rp 9.000.000", "Rp -", "100%"])
        for sub in range(9):
            number += 1
            sheet.append([number, f"Sub kegiatan {program}.{sub}", "Rp 1.000.000", "Rp 1.000.000", "Rp -", "100%"])
    total = f"Rp {programs * 9:,}.000.000".replace(",", ".")
    sheet.append(["JUMLAH", "", total, total, "Rp -", "100%"])
    narrative = book.create_sheet("Narasi")
    for row in range(paragraphs):
        narrative.append([f"Paragraf {row}: uraian capaian kinerja dan realisasi anggaran kecamatan."])
    book.save(path)
    return path


def main(programs: int = 200, paragraphs: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = workbook(Path(folder) / "bench.xlsx", programs, paragraphs)
        start = time.perf_counter()
        snapshot = load_file(path)
        loaded = time.perf_counter()
        find_tables(snapshot)
        detected = time.perf_counter()
        check_snapshot(snapshot)
        checked = time.perf_counter()
    load, detect = loaded - start, detected - loaded
    print(f"rows: {programs * 11} budget, {paragraphs} narrative")
    print(f"load {load:.2f} s, detection {detect:.2f} s (ratio {detect / load:.2f}), whole check {checked - detected:.2f} s")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
