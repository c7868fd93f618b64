"""Shared fixtures: real CLI runs (with a guard that the input file is never changed) and LibreOffice."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
EXAMPLE = WORKBOOKS / "contoh-kecamatan-jati-2024.xlsx"
TEMPLATE = WORKBOOKS / "lkjip-template.xlsx"


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def run_cli(
    *args: object, cwd: Path | None = None, env: dict | None = None, timeout: float = 120, memory: int | None = None
):
    """Run the real ``lkjip-xl`` command; every existing file named in ``args`` must be unchanged after.

    ``memory`` caps the process's address space in bytes (a run that needs more fails instead of swapping).
    """
    paths = [Path(str(arg)) for arg in args if not str(arg).startswith("-") and Path(str(arg)).is_file()]
    before = {path: fingerprint(path) for path in paths}
    full_env = {**os.environ, **(env or {})}
    full_env.pop("LKJIP_XL_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "lkjip_xl", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        preexec_fn=None if memory is None else lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory)),
    )
    for path, print_ in before.items():
        assert fingerprint(path) == print_, f"{path} was modified by lkjip-xl {' '.join(map(str, args))}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def required_soffice() -> str:
    """LibreOffice, the independent spreadsheet client; CI installs it, so there it must be present."""
    path = soffice_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc")
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


@pytest.fixture
def soffice():
    return required_soffice()


def libreoffice_roundtrip(soffice: str, source: Path, out_dir: Path) -> Path:
    """Open ``source`` in LibreOffice, recalculate, save as .xlsx into ``out_dir``; the saved file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = out_dir / (source.stem + ".xlsx")
    assert result.returncode == 0 and converted.exists(), result.stderr + result.stdout
    return converted


# -- the example as the Excel button sees it (tests/test_excel.py, tests/test_excel_remote.py) --------------


@pytest.fixture(scope="module")
def computed_example(tmp_path_factory):
    """The example as Excel would show it: its formulas calculated (by LibreOffice; openpyxl stores none)."""
    return libreoffice_roundtrip(required_soffice(), EXAMPLE, tmp_path_factory.mktemp("computed"))


@pytest.fixture(scope="module")
def headless():
    """The headless command's JSON report on the example, to compare the button's findings with."""
    result = run_cli("validate", EXAMPLE, "--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def excel(computed_example):
    """The example open in the test double of desktop Excel, showing LibreOffice's calculated values."""
    from excel_double import ExcelDouble

    return ExcelDouble.from_workbook(EXAMPLE, computed_example)
