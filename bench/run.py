"""The benchmark: lkjip-xl against baselines measured in the same run, written to bench/RESULTS.md.

    python -m bench.run                      # the full run (about 8 minutes on 2 cores, inputs generated once)
    python -m bench.run --files 100 --repeat 1 --results /tmp/r.md   # a quick look

Each ratio is the median of --repeat runs, the runs of both sides interleaved so that a busy machine slows both
alike; wall-clock and CPU time both reported. Baselines: openpyxl's own read-only pass over the same file
(load_workbook(read_only=True), every row of every sheet) and a bare python-calamine read (every sheet's
values), the practical floor for reading a workbook in Python. Goals (issue 13):
- text-figure 20,000-line free-form Tabel 3.8, ``validate --out``: <= 1.0x openpyxl; peak memory <= 200 MB;
  the text report well under 200 lines;
- numeric 20,000-line template: <= 0.6x openpyxl and <= 8x calamine;
- SIPD-style export, 5 sheets x 4,500 rows: <= 1.0x openpyxl;
- ``batch --jobs 1`` / ``batch --jobs 2`` over 500 files (seed-sized, with text-figure and SIPD-style
  workbooks in the mix): >= 1.8;
- the ribbon button's round trips to Excel for a 2,000-line Tabel 3.8 (counted by tests/excel_double.py).
Also: where the time of each ``validate`` goes, phase by phase. Generated workbooks are kept in bench/.work/,
keyed by the generator's source.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"

OPENPYXL_PASS = """
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
cells = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
book.close()
print(cells)
"""

CALAMINE_PASS = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
print(cells)
"""

# validate's phases in one process, as the CLI runs them (CPU seconds; the text report and the --out copy
# included), then openpyxl's read-only pass in the same process for scale.
PHASES = """
import gc, json, sys, tempfile, time
from pathlib import Path
clock = time.process_time
start = clock()
from lkjip_xl.load import load_file
from lkjip_xl.validate import read_document
from lkjip_xl.checks import load_all, run_checks
from lkjip_xl.findings import Report
from lkjip_xl.report.text import render_text
from lkjip_xl.report.annotate import add_summary_sheet
from lkjip_xl.report.summary import build_summary
load_all()
imported = clock()
gc.disable()  # as validate.check_file does while checking
snapshot = load_file(Path(sys.argv[1]))
loaded = clock()
document, findings = read_document(snapshot)
extracted = clock()
findings.extend(run_checks(document))
checked = clock()
gc.freeze()  # as the CLI does: the workbook's objects are never traversed by the collector again
gc.enable()
report = Report(file=snapshot.name, findings=findings, office=document.settings.office or None,
                year=document.settings.year, tables=document.tables, layout=document.layout)
text = render_text(report, "id", color=False)
reported = clock()
with tempfile.TemporaryDirectory() as folder:
    add_summary_sheet(Path(sys.argv[1]), Path(folder) / "out.xlsx", build_summary(report, "id"))
written = clock()
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        pass
book.close()
read = clock()
print(json.dumps({"import": imported - start, "load": loaded - imported, "extract": extracted - loaded,
                  "checks": checked - extracted, "text": reported - checked, "out": written - reported,
                  "findings": len(findings), "openpyxl": read - written}))
"""

# The ribbon button's round trips to Excel: one click on a consistent template workbook, counted by the test
# double (tests/excel_double.py, the same counter tests/test_excel.py asserts on).
BUTTON = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, "tests")
from bench import generate
from excel_double import ExcelDouble
trips = {}
with tempfile.TemporaryDirectory() as folder:
    for lines in map(int, sys.argv[1:]):
        path = generate.write(Path(folder) / f"besar-{lines}.xlsx", generate.build(lines))
        excel = ExcelDouble.from_workbook(path, path)
        excel.press()
        trips[lines] = {"calls": sum(excel.calls.values()), "by_method": excel.calls}
print(json.dumps(trips))
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float  # the largest single process (ru_maxrss)
    tree_peak_mb: float  # the whole process tree, sampled every 0.2 s
    returncode: int
    lines: int = 0  # lines the command printed


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def measure(command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command``; its wall time, CPU time and memory (itself and its children)."""
    errors_file, output_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=output_file, stderr=errors_file)
    peak = [0]
    done = threading.Event()

    def sample() -> None:  # every 0.2 s: reading /proc costs CPU the measured processes share
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    errors_file.seek(0)
    errors = errors_file.read().decode(errors="replace")
    errors_file.close()
    output_file.seek(0)
    lines = output_file.read().count(b"\n")
    output_file.close()
    if process.returncode not in (0, 1):  # 2: a file could not be checked, so its time would not count
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {errors[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, process.returncode,
               lines)


def generator_key() -> str:
    """Generated workbooks are kept until the generator changes."""
    return hashlib.sha256((ROOT / "bench" / "generate.py").read_bytes()).hexdigest()[:12]


def _generate(*args: str) -> None:
    # In a child process: this one stays small, so that the peak memory its children report is their own
    # (a child's ru_maxrss starts from its parent's size at fork).
    subprocess.run([sys.executable, "-m", "bench.generate", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def big_workbook(lines: int) -> Path:
    path = WORK / f"besar-{lines}-{generator_key()}.xlsx"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        _generate("--lines", str(lines), "--error-rate", "0.005", "--seed", "7", "--out", str(path))
    return path


def text_workbook(lines: int) -> Path:
    """A free-form Tabel 3.8 with every figure as text, as pasted from a report ("Rp 1.234.567", "96,35%")."""
    path = WORK / f"teks-{lines}-{generator_key()}.xlsx"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        _generate("--kind", "text", "--lines", str(lines), "--seed", "7", "--out", str(path))
    return path


def sipd_workbook(rows: int, sheets: int = 5) -> Path:
    """A SIPD-style export: column groups, codes over four columns, account rows, hidden copies."""
    path = WORK / f"sipd-{sheets}x{rows}-{generator_key()}.xlsx"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        _generate("--kind", "sipd", "--lines", str(rows), "--sheets", str(sheets), "--out", str(path))
    return path


def seed_sized(count: int) -> Path:
    """``count`` files: seed-sized template workbooks, and one in 25 a text-figure free-form Tabel 3.8 of 2,000
    lines or a SIPD-style export of 5 sheets x 450 rows (alternately), as an office's batch holds them."""
    folder = WORK / f"kiriman-campuran-{count}-{generator_key()}"
    if not (folder / "selesai").exists():
        odd = count // 25
        _generate("--count", str(count - odd), "--lines", "40", "--error-rate", "0.02", "--out-dir", str(folder))
        text, sipd = text_workbook(2000), sipd_workbook(450)
        for index in range(odd):
            source = text if index % 2 == 0 else sipd
            shutil.copyfile(source, folder / f"{source.stem.split('-')[0]}-{index:03d}.xlsx")
        (folder / "selesai").write_text("")
    return folder


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
        memory = f"{int(memory) / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "lkjip_xl", "bench"], cwd=ROOT,
                           capture_output=True, text=True)
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("openpyxl", "python-calamine", "pebble"))
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": memory,
        "System": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Libraries": versions,
        "Code": (commit.stdout.strip() or "?") + (" + uncommitted changes" if dirty.stdout.strip() else ""),
    }


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def ratio_pair(first: list[str], baselines: dict[str, list[str]], repeat: int) -> tuple[list[Run], dict[str, list[Run]]]:
    """``first`` and each baseline command, ``repeat`` times, interleaved."""
    runs: list[Run] = []
    base: dict[str, list[Run]] = {name: [] for name in baselines}
    for _ in range(repeat):
        runs.append(measure(first))
        for name, command in baselines.items():
            base[name].append(measure(command))
    return runs, base


def phases_of(path: Path) -> dict[str, float]:
    return json.loads(subprocess.run([sys.executable, "-c", PHASES, str(path)], cwd=ROOT, capture_output=True,
                                     text=True, check=True).stdout)


def button_trips(lines: tuple[int, ...] = (200, 2000)) -> dict[str, dict]:
    """The round trips one click costs, per Tabel 3.8 size (None where xlwings is not installed)."""
    done = subprocess.run([sys.executable, "-c", BUTTON, *map(str, lines)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"button round trips not counted: {done.stderr.strip().splitlines()[-1:]}", flush=True)
        return {}
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--sipd-rows", type=int, default=4_500)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    python = sys.executable
    began = time.perf_counter()
    load_before = os.getloadavg()

    # lkjip-xl's own bytecode compiled first, as pip does when it installs a package (openpyxl's and calamine's
    # already are): an editable checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    # from source on every run (0.1 s of each validate).
    compileall.compile_dir(ROOT / "lkjip_xl", quiet=1)
    print(f"generating workbooks in {WORK} (kept for later runs) ...", flush=True)
    inputs = {"text": text_workbook(args.lines), "numeric": big_workbook(args.lines),
              "sipd": sipd_workbook(args.sipd_rows)}
    folder = seed_sized(args.files)

    measured: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, path in inputs.items():
            command = [python, "-m", "lkjip_xl", "validate", str(path), "--out", str(Path(scratch) / "out.xlsx")]
            runs, base = ratio_pair(command, {"openpyxl": [python, "-c", OPENPYXL_PASS, str(path)],
                                              "calamine": [python, "-c", CALAMINE_PASS, str(path)]}, args.repeat)
            measured[name] = {"runs": runs, "base": base, "phases": phases_of(path), "path": path}
            print(f"{name}: validate --out {median(runs, 'wall'):.2f} s, openpyxl {median(base['openpyxl'], 'wall'):.2f}"
                  f" s, calamine {median(base['calamine'], 'wall'):.2f} s", flush=True)

    batch_runs: dict[int, list[Run]] = {1: [], 2: []}
    for _ in range(max(1, args.repeat - 1)):
        for jobs in (1, 2):
            batch_runs[jobs].append(measure([python, "-m", "lkjip_xl", "batch", str(folder), "--jobs", str(jobs)]))
    print(f"batch jobs 1 {median(batch_runs[1], 'wall'):.1f} s, jobs 2 {median(batch_runs[2], 'wall'):.1f} s", flush=True)
    trips = button_trips()
    load_after = os.getloadavg()
    took = time.perf_counter() - began
    write_results(args, measured, folder, batch_runs, trips, load_before, load_after, took)
    print(f"results written to {args.results} ({took / 60:.1f} minutes)")


def _met(value: float, goal: float, at_most: bool = True) -> str:
    return "met" if (value <= goal if at_most else value >= goal) else "**not met**"


PHASE_NAMES = (("load", "loading"), ("extract", "reading the tables"), ("checks", "checks"),
               ("text", "text report"), ("out", "--out copy"))


def write_results(args, measured, folder: Path, batch_runs, trips, load_before, load_after, took: float) -> None:
    rows = []
    labels = {"text": f"text-figure {args.lines:,}-line free-form Tabel 3.8",
              "numeric": f"numeric {args.lines:,}-line template", "sipd": f"SIPD-style export, 5 sheets x {args.sipd_rows:,} rows"}
    goals = {"text": (("openpyxl", 1.0),), "numeric": (("openpyxl", 0.6), ("calamine", 8.0)),
             "sipd": (("openpyxl", 1.0),)}
    for name, data in measured.items():
        wall = median(data["runs"], "wall")
        for base_name, goal in goals[name]:
            base = median(data["base"][base_name], "wall")
            rows.append((f"`validate --out`, {labels[name]} / {base_name} read", f"**{wall / base:.2f}x**", f"≤ {goal}x",
                         _met(wall / base, goal), f"{wall:.2f} s / {base:.2f} s; CPU {median(data['runs'], 'cpu'):.2f} s / "
                         f"{median(data['base'][base_name], 'cpu'):.2f} s"))
    text = measured["text"]["runs"]
    peak = median(text, "peak_mb")
    rows.append((f"peak memory, {labels['text']} (openpyxl read)", f"**{peak:.0f} MiB**", "≤ 200 MB",
                 _met(peak * 1.048576, 200), f"({median(measured['text']['base']['openpyxl'], 'peak_mb'):.0f} MiB)"))
    printed = int(median(text, "lines"))
    rows.append((f"lines of text report, {labels['text']}", f"**{printed}**", "well under 200", _met(printed, 199), ""))
    for name in ("numeric", "sipd"):
        rows.append((f"peak memory, {labels[name]}", f"**{median(measured[name]['runs'], 'peak_mb'):.0f} MiB**", "", "",
                     f"text report {int(median(measured[name]['runs'], 'lines'))} lines"))
    b1, b2 = median(batch_runs[1], "wall"), median(batch_runs[2], "wall")
    files = args.files
    rows += [
        (f"`batch --jobs 1` / `batch --jobs 2`, {files} files (text and SIPD in the mix)", f"**{b1 / b2:.2f}**", "≥ 1.8",
         _met(b1 / b2, 1.8, at_most=False), f"{b1:.1f} s / {b2:.1f} s"),
        ("files per second, `--jobs 2` (`--jobs 1`)", f"**{files / b2:.1f}**", "", "", f"({files / b1:.1f})"),
        ("cores the machine gave `--jobs 2` (CPU seconds / wall seconds; `--jobs 1`)",
         f"**{median(batch_runs[2], 'cpu') / b2:.2f}**", "2.0 when idle", "", f"({median(batch_runs[1], 'cpu') / b1:.2f})"),
        ("peak memory, `batch --jobs 2`, all processes (`--jobs 1`)",
         f"**{median(batch_runs[2], 'tree_peak_mb'):.0f} MiB**", "", "", f"({median(batch_runs[1], 'tree_peak_mb'):.0f} MiB)"),
    ]
    if trips:
        small, big = trips.get("200", {}).get("calls"), trips.get("2000", {}).get("calls")
        rows.append(("ribbon button: round trips to Excel, one click on a 2,000-line Tabel 3.8 (200 lines)",
                     f"**{big}**", "grows with blocks, not cells", "", f"({small}); by method: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(trips['2000']['by_method'].items()))))
    phase_lines = []
    for name, data in measured.items():
        p = data["phases"]
        phase_lines.append(f"- {labels[name]}: imports {p['import']:.2f}, " + ", ".join(
            f"{label} {p[key]:.2f}" for key, label in PHASE_NAMES) + f" ({p['findings']} findings); openpyxl's "
            f"read-only pass in the same process {p['openpyxl']:.2f}.")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `python -m bench.run` (medians of "
        f"{args.repeat} interleaved runs for validate, {max(1, args.repeat - 1)} for batch; the whole run took "
        f"{took / 60:.1f} minutes with the inputs already generated). Regenerate after changing the loader, the "
        "rules or the batch: the numbers are only meaningful against the baselines measured in the same run "
        "(openpyxl's read-only pass; a bare python-calamine read, the practical floor). lkjip-xl's bytecode is "
        "compiled before the runs, as pip does when it installs a package.",
        "",
        "| measure | result | goal | | detail |",
        "|---|---|---|---|---|",
        *[f"| {name} | {value} | {goal} | {met} | {detail} |" for name, value, goal, met, detail in rows],
        "",
        "CPU seconds of `validate --out` by phase, in one process (as the CLI runs them):",
        "",
        *phase_lines,
        "",
        "The CPU of this shared machine changes speed from one minute to the next (up to 1.5x): compare numbers "
        "within one run only.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in machine().items()],
        f"- Load average before / after the run: {load_before[0]:.2f} / {load_after[0]:.2f} (the machine is "
        "shared: other work running at the same time slows both sides of each ratio)",
        "",
        "## Inputs",
        "",
        *[f"- `{data['path'].name}` ({data['path'].stat().st_size / 2**20:.1f} MiB): {labels[name]}" for name, data in
          measured.items()],
        "  (text: every Tabel 3.8 figure text as pasted from a report, in the forms offices print, with Tabel 3.2, "
        "3.3, 3.5, 3.7; numeric: the template, Excel-style shared formulas and cached values, 0.5% of lines with an "
        "injected mistake; SIPD: column groups Operasi | Modal | Total, codes over four columns, account rows "
        "under each sub kegiatan, three copies filtered to one bidang and a hidden copy).",
        f"- `{folder.name}/`: {files} files: seed-sized template workbooks (40 lines, 2% of lines with mistakes), "
        "one in 25 a 2,000-line text-figure Tabel 3.8 or a 5 x 450-row SIPD-style export.",
        "- All made by `bench/generate.py`; kept in `bench/.work/` until the generator changes.",
        "",
    ]
    text_out = "\n".join(lines)
    previous = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
    for marker in ("\n## Profile\n", "\n## Precision\n"):  # sections written by hand or by bench.precision, kept
        at = previous.find(marker)
        if at >= 0:
            end = previous.find("\n## ", at + len(marker))
            if marker == "\n## Precision\n" or end < 0:
                end = len(previous)
            text_out = text_out.rstrip("\n") + "\n" + previous[at:end].rstrip("\n") + "\n"
    args.results.write_text(text_out, encoding="utf-8")


if __name__ == "__main__":
    main()
