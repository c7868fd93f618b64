"""``lkjip-xl bundle``: the zip IT copies to office PCs, installed there with no package index.

Making a bundle downloads wheels through pip's configured index (the registry CI uses); installing one must
not reach any index: the install runs with PIP_NO_INDEX=1 and no pip configuration file, so only the
bundle's own folder of wheels is there to install from.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE, run_cli

from lkjip_xl import __version__
from lkjip_xl.bundle import SCRIPTS, build_bundle, build_wheel, write_script
from lkjip_xl.bundle.closure import closure, wheels_in
from lkjip_xl.bundle.targets import PYTHONS, targets
from lkjip_xl.template.layout import SUMMARY_SHEET

ROOT_REQUIREMENT = f"lkjip-xl=={__version__}"


def offline_env(**more: str) -> dict[str, str]:
    """This environment without any way for pip to reach an index: only --find-links folders remain."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", **more)
    return env


def extract(bundle: Path, into: Path) -> Path:
    """Unpack like unzip and Finder do: the file modes stored in the zip are kept (the scripts' exec bit)."""
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            path = Path(archive.extract(info, into))
            mode = info.external_attr >> 16 & 0o777
            if mode:
                path.chmod(mode)
        (top,) = {name.split("/")[0] for name in archive.namelist()}
    return into / top


def check_manifest(folder: Path, platform: str) -> dict:
    """MANIFEST.json names the version and every other file with its sha256; SHA256SUMS says the same."""
    manifest = json.loads((folder / "MANIFEST.json").read_text("utf-8"))
    assert (manifest["name"], manifest["version"], manifest["platform"]) == ("lkjip-xl", __version__, platform)
    assert manifest["python"] == list(PYTHONS)
    listed = {item["path"]: item["sha256"] for item in manifest["files"]}
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.name not in ("MANIFEST.json", "SHA256SUMS")
    }
    assert set(listed) == present
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text("utf-8").splitlines())
    assert sums == listed
    assert SCRIPTS[platform] in listed
    assert f"wheels/lkjip_xl-{__version__}-py3-none-any.whl" in listed
    return manifest


def offline_resolution(wheels: Path, target) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-index", "--find-links", wheels,
               "--dest", wheels, *target.pip_options(), ROOT_REQUIREMENT]
    return subprocess.run(command, env=offline_env(), capture_output=True, text=True, timeout=600)


def test_linux_bundle_installs_with_its_script_and_no_index(tmp_path):
    result = run_cli("bundle", "--platform", "linux", "--out", tmp_path / "out", timeout=900)
    assert result.returncode == 0, result.stderr
    bundle = tmp_path / "out" / f"lkjip-xl-{__version__}-linux.zip"
    folder = extract(bundle, tmp_path / "usb")
    check_manifest(folder, "linux")
    venv = tmp_path / "home" / "lkjip"
    env = offline_env(LKJIP_XL_HOME=str(venv), LKJIP_XL_PYTHON=sys.executable, HOME=str(tmp_path / "home"))

    installed = subprocess.run([folder / "install.sh"], env=env, capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"lkjip-xl, version {__version__}" in installed.stdout

    # The new environment's own lkjip-xl, not this checkout's, checks the example as the tests here do.
    where = subprocess.run([venv / "bin" / "python", "-c", "import lkjip_xl; print(lkjip_xl.__file__)"],
                           env=env, capture_output=True, text=True, cwd=tmp_path, check=True)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    checked = subprocess.run([venv / "bin" / "lkjip-xl", "validate", EXAMPLE, "--format", "json"],
                             env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    here = run_cli("validate", EXAMPLE, "--format", "json")
    assert checked.returncode == here.returncode == 1, checked.stderr
    assert json.loads(checked.stdout)["findings"] == json.loads(here.stdout)["findings"]

    # Run again (a newer bundle is installed the same way): the environment is upgraded in place.
    again = subprocess.run([folder / "install.sh"], env=env, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "upgrading" in again.stdout and "creating" not in again.stdout


def test_windows_and_macos_bundles_hold_a_wheel_for_every_dependency_and_python(tmp_path):
    own = build_wheel(None, tmp_path / "dist", log=lambda _line: None)  # once for both (bundle --wheel)
    for platform in ("windows", "macos"):
        bundle = build_bundle(platform, tmp_path / "out", wheel=own, log=lambda _line: None)
        folder = extract(bundle.path, tmp_path / platform)
        check_manifest(folder, platform)
        assert (folder / "addin" / "lkjip_xl.xlam").is_file()
        wheels = wheels_in(folder / "wheels")
        for target in targets(platform):
            # The wheels a Python of that machine installs: every requirement, its markers read for that machine.
            found = closure(ROOT_REQUIREMENT, wheels, target)
            assert not found.missing, (target.label, found.missing)
            needs = {"windows": {"pywin32"}, "macos": {"appscript", "psutil"}}[platform]  # markers for that system
            assert needs <= set(found.wheels), target.label
        # pip itself, with no index, finds all of lkjip-xl's wheels for each Python in the bundle (side by side:
        # each run only reads the folder, the files being there already).
        with ThreadPoolExecutor(max_workers=3) as pool:
            runs = pool.map(lambda target: (target, offline_resolution(folder / "wheels", target)), targets(platform))
            for target, resolved in runs:
                assert resolved.returncode == 0, (target.label, resolved.stderr)
        # Nothing is in the bundle that no target installs.
        used = set().union(*({w.path.name for w in closure(ROOT_REQUIREMENT, wheels, t).wheels.values()}
                             for t in targets(platform)))
        assert used == {wheel.path.name for wheel in wheels}


@pytest.mark.parametrize("platform", ["linux", "macos"])
def test_posix_install_scripts_parse(tmp_path, platform):
    write_script(tmp_path, platform)
    script = tmp_path / SCRIPTS[platform]
    text = script.read_text("utf-8")
    assert "$$" not in text and f'"lkjip-xl=={__version__}"' in text
    assert text.count("--no-index --find-links") == 2
    assert ("addin install" in text) is (platform == "macos")  # no Excel on Linux
    for shell in ("bash", "sh"):  # macOS runs .command with bash; sh -n keeps it POSIX
        if shutil.which(shell):
            checked = subprocess.run([shell, "-n", script], capture_output=True, text=True)
            assert checked.returncode == 0, (shell, checked.stderr)


def test_windows_install_script_reads_as_cmd_would(tmp_path):
    write_script(tmp_path, "windows")
    raw = (tmp_path / "install.bat").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "cmd.exe needs CRLF to find labels"
    lines = raw.decode("utf-8").split("\r\n")
    assert lines[0] == "@echo off"
    commands = [line.strip() for line in lines if line.strip() and not line.lower().startswith("rem ")]
    labels = {line[1:].lower() for line in commands if line.startswith(":")}
    jumps = {target.lower() for line in commands for target in re.findall(r"\bgoto\s+(\w+)", line, re.IGNORECASE)}
    assert jumps and jumps <= labels, jumps - labels
    for line in commands:
        assert line.count('"') % 2 == 0, line  # an unclosed quote swallows the rest of the line
        assert "$" not in line, line  # every template field filled
        outside = re.sub(r'"[^"]*"', "", line)
        assert "(" not in outside and ")" not in outside, line  # no blocks: %VAR% expands once per block
    wheels = next(line for line in commands if line.lower().startswith('set "wheels='))
    assert wheels == 'set "WHEELS=%~dp0wheels"'  # the folder beside the script, wherever IT unpacked it
    installs = [line for line in commands if " -m pip install " in line]
    assert len(installs) == 2
    for line in installs:
        assert line.startswith('"%VENV%\\Scripts\\python.exe" -m pip install --no-index --find-links "%WHEELS%"')
        assert f'"lkjip-xl=={__version__}"' in line and line.endswith("|| goto failed")
    assert '"%VENV%\\Scripts\\lkjip-xl.exe" addin install || goto failed' in commands
    assert commands.index(next(line for line in commands if "addin install" in line)) > commands.index(installs[-1])


def test_version_comes_from_one_place_and_is_on_the_summary_sheet(tmp_path):
    assert importlib.metadata.version("lkjip-xl") == __version__
    assert run_cli("--version").stdout.strip() == f"lkjip-xl, version {__version__}"
    out = tmp_path / "hasil.xlsx"
    assert run_cli("validate", EXAMPLE, "--out", out).returncode == 1
    sheet = openpyxl.load_workbook(out)[SUMMARY_SHEET]
    info = {sheet.cell(row, 1).value: sheet.cell(row, 3).value for row in range(1, 12)}
    assert info["Diperiksa dengan"] == f"lkjip-xl {__version__}"


def test_a_file_that_is_not_our_wheel_is_refused_without_a_traceback(tmp_path):
    other = tmp_path / "openpyxl-3.1.5-py2.py3-none-any.whl"
    other.write_bytes(b"")
    result = run_cli("bundle", "--platform", "windows", "--out", tmp_path, "--wheel", other)
    assert result.returncode == 2 and "bukan wheel lkjip-xl" in result.stderr
