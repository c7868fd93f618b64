"""The benchmark: lkjip-xl against baselines measured in the same run, written to bench/RESULTS.md.

    python -m bench.run                      # the full run (about 5 minutes on 2 cores)
    python -m bench.run --files 100 --repeat 1 --results /tmp/r.md   # a quick look

Ratios (each the median of --repeat runs, runs of the two sides interleaved so that a busy machine
slows both alike; wall-clock and CPU time both reported):
- ``validate`` of a workbook with a 20,000-line Tabel 3.8 / openpyxl's own read-only pass over the same
  file (load_workbook(read_only=True), every row of every sheet). Goal: below 1.0.
- ``batch --jobs 1`` / ``batch --jobs 2`` over 500 seed-sized workbooks. Goal: at least 1.7.
Also: files per second, and peak memory (the largest process for validate, the whole process tree for
batch). Generated workbooks are kept in bench/.work/, keyed by the generator's source.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
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

PHASES = """
import gc, json, sys, time
from pathlib import Path
clock = time.process_time
start = clock()
from lkjip_xl.load import load_file
from lkjip_xl.validate import read_document
from lkjip_xl.checks import load_all, run_checks
load_all()
imported = clock()
gc.disable()  # as validate.check_file does while checking
snapshot = load_file(Path(sys.argv[1]))
loaded = clock()
document, _ = read_document(snapshot)
extracted = clock()
findings = run_checks(document)
checked = clock()
gc.enable()
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        pass
book.close()
read = clock()
print(json.dumps({"import": imported - start, "load": loaded - imported, "extract": extracted - loaded,
                  "checks": checked - extracted, "findings": len(findings), "openpyxl": read - checked}))
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float  # the largest single process (ru_maxrss)
    tree_peak_mb: float  # the whole process tree, sampled every 0.2 s
    returncode: int


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
    errors_file = tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors_file)
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
    if process.returncode not in (0, 1):  # 2: a file could not be checked, so its time would not count
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {errors[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, process.returncode)


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


def seed_sized(count: int) -> Path:
    folder = WORK / f"kiriman-{count}-{generator_key()}"
    if not (folder / "selesai").exists():
        _generate("--count", str(count), "--lines", "40", "--error-rate", "0.02", "--out-dir", str(folder))
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    python = sys.executable
    load_before = os.getloadavg()

    print(f"generating workbooks in {WORK} (kept for later runs) ...", flush=True)
    big = big_workbook(args.lines)
    folder = seed_sized(args.files)

    validate_runs, openpyxl_runs = [], []
    for _ in range(args.repeat):
        validate_runs.append(measure([python, "-m", "lkjip_xl", "validate", str(big), "--format", "json"]))
        openpyxl_runs.append(measure([python, "-c", OPENPYXL_PASS, str(big)]))
    phases = json.loads(subprocess.run([python, "-c", PHASES, str(big)], cwd=ROOT, capture_output=True,
                                       text=True, check=True).stdout)
    print(f"validate {median(validate_runs, 'wall'):.2f} s, openpyxl {median(openpyxl_runs, 'wall'):.2f} s", flush=True)

    batch_runs: dict[int, list[Run]] = {1: [], 2: []}
    for _ in range(max(1, args.repeat - 1)):
        for jobs in (1, 2):
            batch_runs[jobs].append(measure([python, "-m", "lkjip_xl", "batch", str(folder), "--jobs", str(jobs)]))
    print(f"batch jobs 1 {median(batch_runs[1], 'wall'):.1f} s, jobs 2 {median(batch_runs[2], 'wall'):.1f} s", flush=True)
    load_after = os.getloadavg()

    write_results(args, big, folder, validate_runs, openpyxl_runs, phases, batch_runs, load_before, load_after)
    print(f"results written to {args.results}")


def write_results(args, big: Path, folder: Path, validate_runs, openpyxl_runs, phases, batch_runs,
                  load_before, load_after) -> None:
    v_wall, o_wall = median(validate_runs, "wall"), median(openpyxl_runs, "wall")
    v_cpu, o_cpu = median(validate_runs, "cpu"), median(openpyxl_runs, "cpu")
    b1, b2 = median(batch_runs[1], "wall"), median(batch_runs[2], "wall")
    files = args.files
    rows = [
        ("`validate` 20,000-line 3.8 / openpyxl read-only pass, wall clock", f"**{v_wall / o_wall:.2f}**",
         "< 1.0", f"{v_wall:.2f} s / {o_wall:.2f} s"),
        ("same, CPU time", f"**{v_cpu / o_cpu:.2f}**", "< 1.0", f"{v_cpu:.2f} s / {o_cpu:.2f} s"),
        (f"`batch --jobs 1` / `batch --jobs 2`, {files} seed-sized workbooks", f"**{b1 / b2:.2f}**", "≥ 1.7",
         f"{b1:.1f} s / {b2:.1f} s"),
        ("files per second, `--jobs 2` (`--jobs 1`)", f"**{files / b2:.1f}**", "", f"({files / b1:.1f})"),
        ("cores the machine gave `--jobs 2` (CPU seconds / wall seconds; `--jobs 1`)",
         f"**{median(batch_runs[2], 'cpu') / b2:.2f}**", "2.0 when idle",
         f"({median(batch_runs[1], 'cpu') / b1:.2f})"),
        ("loading alone (python-calamine + one XML pass) / openpyxl read-only pass, CPU, same process",
         f"**{phases['load'] / phases['openpyxl']:.2f}**", "", f"{phases['load']:.2f} s / {phases['openpyxl']:.2f} s"),
        ("peak memory, `validate` 20,000 lines (openpyxl pass)", f"**{median(validate_runs, 'peak_mb'):.0f} MiB**",
         "", f"({median(openpyxl_runs, 'peak_mb'):.0f} MiB)"),
        ("peak memory, `batch --jobs 2`, all processes (`--jobs 1`)",
         f"**{median(batch_runs[2], 'tree_peak_mb'):.0f} MiB**", "", f"({median(batch_runs[1], 'tree_peak_mb'):.0f} MiB)"),
    ]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `python -m bench.run` (medians of "
        f"{args.repeat} interleaved runs for validate, {max(1, args.repeat - 1)} for batch). Regenerate after "
        "changing the loader, the rules or the batch: the numbers are only meaningful against the baseline "
        "measured in the same run.",
        "",
        "| measure | result | goal | detail |",
        "|---|---|---|---|",
        *[f"| {name} | {value} | {goal} | {detail} |" for name, value, goal, detail in rows],
        "",
        f"`validate` on {args.lines:,} lines, CPU seconds by phase: interpreter and imports {phases['import']:.2f}, "
        f"loading (python-calamine values + one XML pass) {phases['load']:.2f}, reading the tables "
        f"{phases['extract']:.2f}, checks {phases['checks']:.2f} ({phases['findings']} findings); openpyxl's read-only "
        f"pass in the same process {phases['openpyxl']:.2f}. The CPU of this shared machine changes speed from "
        "one minute to the next (up to 1.5x): compare numbers within one run only.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in machine().items()],
        f"- Load average before / after the run: {load_before[0]:.2f} / {load_after[0]:.2f} (the machine is "
        "shared: other work running at the same time slows both sides of each ratio)",
        "",
        "## Inputs",
        "",
        f"- `{big.name}`: {args.lines:,} Tabel 3.8 lines ({big.stat().st_size / 2**20:.1f} MiB), performance "
        "tables, 0.5% of lines with an injected mistake, Excel-style (shared formulas, cached values, shared strings).",
        f"- `{folder.name}/`: {files} workbooks of 40 Tabel 3.8 lines each (the seed's size) in the 300-row "
        "template, 2% of lines with mistakes in four of five.",
        "- Both made by `bench/generate.py`; kept in `bench/.work/` until the generator changes.",
        "",
    ]
    text = "\n".join(lines)
    previous = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
    precision = previous.find("\n## Precision\n")
    if precision >= 0:  # bench.precision's section, kept: its own run rewrites it
        text = text.rstrip("\n") + "\n" + previous[precision:]
    args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
