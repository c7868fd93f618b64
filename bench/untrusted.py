"""How long, and how much memory, a hostile or huge file takes to get its answer, against an ordinary one.

    .venv/bin/python bench/untrusted.py

Each case is one real ``lkjip-xl validate`` run. The baseline, measured in the same run, is the example
workbook (the seed's tables, 300 template rows). Goal: every case answers within 3x the baseline's time and
memory: a million rows, a 2 GiB zip bomb or a quadratic running total must not cost more than an ordinary
report does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus import MAIN_NS, XML_HEAD, Formula, Sheet, deflate_bomb, lkjip_workbook, raw_zip, xlsx_parts, zip_of  # noqa: E402


def million_rows(folder: Path) -> Path:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>{n * 7}</v></c></row>' for n in range(1, 1_000_001))
    return lkjip_workbook(folder / "million.xlsx", [Sheet("Data", raw_data=rows)])


def million_compact_rows(folder: Path) -> Path:
    rows = "".join(f"<row><c><v>{n * 7919 % 100_003}</v></c></row>" for n in range(1_000_000))
    return lkjip_workbook(folder / "compact.xlsx", [Sheet("Data", raw_data=rows)])


def cells_far_apart(folder: Path) -> Path:
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return lkjip_workbook(folder / "far.xlsx", [Sheet("Data", raw_data=rows)])


def zip_bomb(folder: Path) -> Path:
    members = [m for m in zip_of(xlsx_parts([Sheet("Data", {1: {1: 1}})])) if m.name != "xl/worksheets/sheet1.xml"]
    head = f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    sheet = deflate_bomb("xl/worksheets/sheet1.xml", head, b" " * (1 << 20), 2048, b"</sheetData></worksheet>")
    return raw_zip(folder / "bomb.xlsx", members + [sheet])


def running_total(folder: Path) -> Path:
    rows = {row: {1: row, 2: Formula(f"SUM(A1:A{row})")} for row in range(1, 3001)}  # a shape per row, no cache
    return lkjip_workbook(folder / "running.xlsx", [Sheet("Data", rows)])


CASES: dict[str, Callable[[Path], Path]] = {
    "million rows (77 MB of XML)": million_rows,
    "million compact rows (29 MB)": million_compact_rows,
    "two cells, A1 and XFD1048576": cells_far_apart,
    "zip bomb, 2 GiB in 2 MB": zip_bomb,
    "running total, 3,000 distinct formulas": running_total,
}


def run(path: Path) -> tuple[float, float, str]:
    """Seconds, peak memory in MB, and the answer (exit code and reason or F009)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "lkjip_xl", "validate", str(path), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    data = json.loads(output)
    answer = data["error"]["reason"] if data.get("error") else ",".join(
        sorted({f["code"] for f in data["findings"] if f["code"] in ("F009", "N008")})
    )
    return seconds, usage.ru_maxrss / 1024, f"exit {os.waitstatus_to_exitcode(status)} {answer}"


def build_all(folder: Path) -> None:
    for name, build in CASES.items():
        build(folder).rename(folder / f"{list(CASES).index(name)}.xlsx")


def main() -> None:
    base_seconds, base_memory, _ = run(ROOT / "workbooks" / "contoh-kecamatan-jati-2024.xlsx")
    print(f"{'baseline: the example workbook':42} {base_seconds:6.2f} s {memory_text(base_memory)}")
    with tempfile.TemporaryDirectory() as folder:
        # Built in another process: a child's peak memory counts the parent's at exec, so this one stays small.
        subprocess.run([sys.executable, __file__, "--build", folder], check=True)
        for index, name in enumerate(CASES):
            path = Path(folder) / f"{index}.xlsx"
            seconds, memory, answer = run(path)
            print(
                f"{name:42} {seconds:6.2f} s {memory_text(memory)}   x{seconds / base_seconds:.1f} time "
                f"x{memory / base_memory:.1f} memory   {answer}   ({path.stat().st_size / 1e6:.1f} MB file)"
            )


def memory_text(megabytes: float) -> str:
    return f"{megabytes:5.0f} MB"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        build_all(Path(sys.argv[2]))
    else:
        main()
