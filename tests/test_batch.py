"""lkjip-xl batch over a folder mixing good, erroneous, broken and hostile workbooks (real files, real CLI)."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from batch_fixtures import HOSTILE_OFFICE, expected, submissions, without_cached_values, workbook_bytes
from conftest import libreoffice_roundtrip, run_cli


def statuses(json_dir: Path) -> dict[str, str]:
    """The status each per-file JSON report gives (the validate format: valid, or an error)."""
    out = {}
    for path in json_dir.glob("*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        out[report["file"]] = "unchecked" if report.get("error") else ("passed" if report["valid"] else "failed")
    return out


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("batch")
    work = base / "kerja"
    work.mkdir()
    folder = submissions(work / "kiriman")
    before = sorted(str(path) for path in base.rglob("*"))
    result = run_cli("batch", "kiriman", "--out", "hasil/laporan.xlsx", "--json-dir", "hasil/json", "--jobs", "2",
                     "--timeout", "90", cwd=work, timeout=600)
    return base, work, folder, before, result


def test_each_file_gets_the_right_status_and_the_batch_goes_on(mixed_run):
    _, work, _, _, result = mixed_run
    assert result.returncode == 2, result.stdout + result.stderr  # some files could not be checked, none hit a bug
    assert statuses(work / "hasil" / "json") == expected(Path("kiriman"))
    assert "TIDAK DAPAT DIPERIKSA: kiriman/rusak.xlsx" in result.stdout
    assert "kiriman/kiriman.zip!dalam.zip" in result.stdout and "arsip di dalam arsip" in result.stdout


def test_json_report_is_the_validate_format(mixed_run):
    _, work, _, _, _ = mixed_run
    direct = run_cli("validate", work / "kiriman" / "salah.xlsx", "--format", "json")
    from_batch = json.loads((work / "hasil" / "json" / "salah.xlsx.json").read_text(encoding="utf-8"))
    mine = json.loads(direct.stdout)
    assert mine.pop("file").endswith("salah.xlsx") and from_batch.pop("file") == "kiriman/salah.xlsx"
    assert mine == from_batch and mine["findings"]
    broken = run_cli("validate", work / "kiriman" / "rusak.xlsx", "--format", "json")
    batch_broken = json.loads((work / "hasil" / "json" / "rusak.xlsx.json").read_text(encoding="utf-8"))
    assert json.loads(broken.stdout)["error"] == batch_broken["error"]


def test_archive_members_are_never_extracted_under_their_own_names(mixed_run):
    base, work, _, before, _ = mixed_run
    created = sorted(set(str(path) for path in base.rglob("*")) - set(before))
    assert all("/hasil" in path for path in created), created
    assert not any(path.name == "keluar.xlsx" for path in base.parent.rglob("keluar.xlsx"))


def test_report_workbook_rows_links_and_filters(mixed_run):
    _, work, _, _, _ = mixed_run
    report = work / "hasil" / "laporan.xlsx"
    book = load_workbook(report)
    assert book.sheetnames == ["Ringkasan", "Temuan", "Kode"]
    summary = book["Ringkasan"]
    header = next(row for row in range(1, 20) if summary.cell(row, 2).value == "Berkas")
    rows = {summary.cell(row, 2).value: row for row in range(header + 1, summary.max_row + 1)}
    want = {name: status for name, status in expected(Path("kiriman")).items()}
    labels = {"passed": "LULUS", "failed": "TIDAK LULUS", "unchecked": "TIDAK DAPAT DIPERIKSA"}
    assert {name: summary.cell(row, 5).value for name, row in rows.items()} == {n: labels[s] for n, s in want.items()}
    assert summary.auto_filter.ref.startswith(f"A{header}:")
    # unchecked first, then failed, then passed
    order = [summary.cell(row, 5).value for row in sorted(rows.values())]
    assert order == sorted(order, key=["TIDAK DAPAT DIPERIKSA", "TIDAK LULUS", "LULUS"].index)
    wrong = rows["kiriman/salah.xlsx"]
    assert summary.cell(wrong, 6).value > 0 and summary.cell(wrong, 9).value  # errors counted, main problems named
    link = summary.cell(wrong, 11).hyperlink
    findings = book["Temuan"]
    target_row = int(link.location.split("!A")[1])
    assert findings.cell(target_row, 1).value == "kiriman/salah.xlsx"
    assert summary.cell(wrong, 12).hyperlink.target == "json/salah.xlsx.json"
    assert summary.cell(wrong, 2).hyperlink.target == "../kiriman/salah.xlsx"
    broken = json.loads((work / "hasil" / "json" / "rusak.xlsx.json").read_text(encoding="utf-8"))
    assert summary.cell(rows["kiriman/rusak.xlsx"], 10).value == broken["error"]["message"]
    assert findings.auto_filter.ref == f"A1:L{findings.max_row}"
    offices = {findings.cell(row, 2).value for row in range(2, findings.max_row + 1)}
    assert "Kecamatan Jati Kabupaten Blora" in offices
    tables = {findings.cell(row, 4).value for row in range(2, findings.max_row + 1)}
    assert "3.8" in tables
    codes = book["Kode"]
    assert {codes.cell(row, 1).value for row in range(2, codes.max_row + 1)} >= {"B101", "B104"}


def test_strings_from_submissions_stay_text(mixed_run):
    _, work, _, _, _ = mixed_run
    report = work / "hasil" / "laporan.xlsx"
    with zipfile.ZipFile(report) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(name) and b"<f " not in archive.read(name) for name in sheets)
    values = CalamineWorkbook.from_path(str(report)).get_sheet_by_name("Ringkasan").to_python()
    assert any(row[2] == HOSTILE_OFFICE for row in values)


def test_report_opens_in_libreoffice(mixed_run, soffice, tmp_path):
    _, work, _, _, _ = mixed_run
    converted = libreoffice_roundtrip(soffice, work / "hasil" / "laporan.xlsx", tmp_path)
    book = CalamineWorkbook.from_path(str(converted))
    assert book.sheet_names == ["Ringkasan", "Temuan", "Kode"]
    rows = book.get_sheet_by_name("Ringkasan").to_python()
    assert any(row[2] == HOSTILE_OFFICE for row in rows)  # still the text, not a live HYPERLINK
    assert any(row[4] == "TIDAK DAPAT DIPERIKSA" for row in rows)


def test_quiet_when_piped(mixed_run):
    _, _, _, _, result = mixed_run
    assert result.stderr == ""  # no progress bar and no worker noise (the crashing file's backtrace)


@pytest.mark.parametrize(
    "files, code",
    [
        ({"a.xlsx": dict(seed=1), "b.xlsx": dict(seed=2)}, 0),
        ({"a.xlsx": dict(seed=1), "b.xlsx": dict(seed=3, error_rate=0.2)}, 1),
    ],
)
def test_exit_code_says_whether_any_file_had_errors(tmp_path, files, code):
    for name, params in files.items():
        (tmp_path / name).write_bytes(workbook_bytes(**params))
    result = run_cli("batch", tmp_path, "--jobs", "1")
    assert result.returncode == code, result.stdout + result.stderr


def test_a_file_over_its_time_limit_is_stopped_and_reported(tmp_path):
    # 2,000 lines without cached values: the formula engine needs over ten times the 1 s limit (the lowest
    # the CLI takes); the 30-line file with cached values a fraction of it.
    (tmp_path / "cepat.xlsx").write_bytes(workbook_bytes(seed=1))
    (tmp_path / "lambat.xlsx").write_bytes(without_cached_values(workbook_bytes(lines=2000, seed=2)))
    result = run_cli("batch", tmp_path, "--timeout", "1", "--json-dir", tmp_path / "json")
    assert result.returncode == 2
    reports = {path.name: json.loads(path.read_text()) for path in (tmp_path / "json").glob("*.json")}
    assert reports["lambat.xlsx.json"]["error"]["reason"] == "timeout"
    assert reports["cepat.xlsx.json"]["valid"] is True


def test_a_password_protected_member_is_reported(tmp_path):
    if shutil.which("zip") is None:  # the zip tool makes password-protected archives (Python's zipfile cannot)
        (pytest.fail if os.environ.get("CI") else pytest.skip)("the zip tool is needed: .ci/run installs it")
    (tmp_path / "a.xlsx").write_bytes(workbook_bytes(seed=1))
    subprocess.run(["zip", "-q", "-P", "rahasia", "kunci.zip", "a.xlsx"], cwd=tmp_path, check=True)
    (tmp_path / "a.xlsx").unlink()
    result = run_cli("batch", tmp_path / "kunci.zip", "--json-dir", tmp_path / "json")
    assert result.returncode == 2, result.stdout + result.stderr
    report = json.loads((tmp_path / "json" / "kunci.zip__a.xlsx.json").read_text())
    assert report["error"]["reason"] == "encrypted_member"


def test_no_workbooks_is_an_error(tmp_path):
    (tmp_path / "catatan.txt").write_text("x")
    result = run_cli("batch", tmp_path)
    assert result.returncode == 2 and "tidak ada buku kerja" in result.stderr


def test_a_file_named_twice_is_checked_once(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for seed, name in enumerate(("a.xlsx", "b.xlsx"), start=1):
        (folder / name).write_bytes(workbook_bytes(seed=seed))
    result = run_cli("batch", folder, folder / "a.xlsx", folder, "--json-dir", tmp_path / "json")
    assert result.returncode == 0 and "2 berkas diperiksa" in result.stdout, result.stdout + result.stderr
    assert sorted(path.name for path in (tmp_path / "json").iterdir()) == ["a.xlsx.json", "b.xlsx.json"]


def test_output_inside_the_folder_is_not_checked_next_time(tmp_path):
    # run_cli refuses an existing file being rewritten, which is the point here: a plain run.
    (tmp_path / "a.xlsx").write_bytes(workbook_bytes(seed=1))
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "lkjip_xl", "batch", str(tmp_path), "--out",
                                 str(tmp_path / "laporan.xlsx")], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and "1 berkas diperiksa" in result.stdout, result.stdout + result.stderr


def test_progress_bar_on_a_terminal(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(workbook_bytes(seed=1))
    controller, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen([sys.executable, "-m", "lkjip_xl", "batch", str(tmp_path)], stdout=subprocess.PIPE,
                               stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(controller)
    assert b"Memeriksa" in shown
    assert b"Memeriksa" not in process.stdout.read()
