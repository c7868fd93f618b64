"""``lkjip-xl addin build`` and ``addin install``: the add-in opened as a zip, LibreOffice reading its config."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile

import openpyxl
import pytest
from conftest import run_cli
from defusedxml import ElementTree as SafeET

from lkjip_xl.excel.addin import (
    ADDIN_FILE,
    CONFIG_SHEET,
    ICON_PART,
    RIBBON_PART,
    RIBBON_RELS_PART,
    TEMPLATE_CONFIG_SHEET,
    pinned_settings,
    template_path,
    xlwings_dir,
)

RIBBON_NS = "{http://schemas.microsoft.com/office/2006/01/customui}"
CHANGED = {RIBBON_PART, "xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"}
WINDOWS_PYTHON = r"C:\Users\Keuangan\lkjip\.venv\Scripts\python.exe"


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("addin")
    result = run_cli("addin", "build", "--out", out, "--interpreter", WINDOWS_PYTHON)
    assert result.returncode == 0, result.stderr
    return out / ADDIN_FILE


def test_ribbon_has_the_lkjip_tab_and_one_validasi_button_calling_the_templates_macro(built):
    ribbon = SafeET.fromstring(parts(built)[RIBBON_PART])
    [tab] = ribbon.iter(f"{RIBBON_NS}tab")
    assert tab.get("label") == "LKjIP"
    [button] = ribbon.iter(f"{RIBBON_NS}button")
    assert button.get("label") == "Validasi" and button.get("size") == "large"
    template_ribbon = SafeET.fromstring(parts(template_path())[RIBBON_PART])
    [template_button] = template_ribbon.iter(f"{RIBBON_NS}button")
    assert button.get("onAction") == template_button.get("onAction") == "RibbonMyAddin.RunMain"
    assert "Ringkasan Validasi" in button.get("supertip")


def test_the_button_shows_our_icon(built):
    package = parts(built)
    [button] = SafeET.fromstring(package[RIBBON_PART]).iter(f"{RIBBON_NS}button")
    rels = SafeET.fromstring(package[RIBBON_RELS_PART])
    [image] = [rel for rel in rels if rel.get("Id") == button.get("image")]
    assert image.get("Type").endswith("/relationships/image")
    assert "customUI/" + image.get("Target") == ICON_PART
    icon = package[ICON_PART]
    assert icon[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(icon[16:20], "big") == 64  # 64 px wide
    assert re.search(rb'<Default Extension="png" ContentType="image/png"', package["[Content_Types].xml"])


def test_vba_and_every_other_part_are_xlwings_own_byte_for_byte(built):
    ours, theirs = parts(built), parts(xlwings_dir() / "quickstart_addin_ribbon.xlam")
    assert hashlib.sha256(ours["xl/vbaProject.bin"]).digest() == hashlib.sha256(theirs["xl/vbaProject.bin"]).digest()
    unchanged = {name for name in theirs if ours.get(name) == theirs[name]}
    assert set(theirs) - unchanged == CHANGED
    assert set(ours) - set(theirs) == {RIBBON_RELS_PART, ICON_PART}


def test_config_sheet_pins_every_setting_the_vba_reads(built):
    workbook = parts(built)["xl/workbook.xml"].decode()
    assert f'name="{CONFIG_SHEET}"' in workbook and TEMPLATE_CONFIG_SHEET not in workbook
    vba = (xlwings_dir() / "xlwings_custom_addin.bas").read_text(encoding="utf-8", errors="replace")
    project = re.search(r'PROJECT_NAME As String = "([^"]+)"', vba).group(1)
    assert CONFIG_SHEET == f"{project}.conf"  # the sheet name the VBA looks for
    read_by_vba = set(re.findall(r'GetConfig\("([^"]+)"', vba))
    assert read_by_vba == {key for key, _ in pinned_settings("python")}


def test_libreoffice_reads_the_pinned_config(built, soffice, tmp_path):
    profile = tmp_path / "profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=Calc MS Excel 2007 XML",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path), str(built)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    converted = tmp_path / "lkjip_xl.xlsx"
    assert converted.exists(), result.stderr
    workbook = openpyxl.load_workbook(converted, data_only=True)
    assert workbook.sheetnames == [CONFIG_SHEET]
    config = {key: value for key, value in workbook[CONFIG_SHEET].iter_rows(values_only=True)}
    assert config["INTERPRETER_WIN"] == config["INTERPRETER_MAC"] == WINDOWS_PYTHON
    assert config["ADD_WORKBOOK_TO_PYTHONPATH"] == "false"  # a workbook's folder never provides lkjip_xl
    assert config["PYTHONPATH"] is None and config["LICENSE_KEY"] is None
    assert config["SHOW CONSOLE"] is False and config["USE UDF SERVER"] is False


def test_build_pins_this_python_by_default(tmp_path):
    assert run_cli("addin", "build", "--out", tmp_path).returncode == 0
    sheet = parts(tmp_path / ADDIN_FILE)["xl/worksheets/sheet1.xml"].decode()
    assert f"<t>{sys.executable}</t>" in sheet


# -- install ------------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="Excel exists here")
def test_install_on_linux_says_there_is_no_excel(tmp_path):
    result = run_cli("addin", "install", "--dry-run")
    assert result.returncode == 2
    assert "Excel tidak ada di sistem ini" in result.stderr and "addin build" in result.stderr
    assert result.stdout == ""


def test_dry_run_prints_the_plan_and_changes_nothing(tmp_path):
    xlstart = tmp_path / "XLSTART"
    result = run_cli(
        "addin", "install", "--dry-run", "--platform", "windows", "--xlstart", xlstart, "--interpreter", WINDOWS_PYTHON
    )
    assert result.returncode == 0, result.stderr
    assert str(xlstart / ADDIN_FILE) in result.stdout and WINDOWS_PYTHON in result.stdout
    assert "uji coba: tidak ada yang diubah" in result.stdout
    assert not xlstart.exists()


def test_install_for_windows_writes_the_addin_into_xlstart(tmp_path):
    xlstart = tmp_path / "XLSTART"
    xlstart.mkdir()
    (xlstart / ADDIN_FILE).write_bytes(b"an older add-in")
    result = run_cli("addin", "install", "--platform", "windows", "--xlstart", xlstart, "--interpreter", WINDOWS_PYTHON)
    assert result.returncode == 0, result.stderr
    installed = parts(xlstart / ADDIN_FILE)
    assert f"<t>{WINDOWS_PYTHON}</t>" in installed["xl/worksheets/sheet1.xml"].decode()
    assert sorted(path.name for path in xlstart.iterdir()) == [ADDIN_FILE]  # no temporary file left behind


def test_install_for_macos_also_copies_xlwings_applescript(tmp_path):
    home, xlstart = tmp_path / "home", tmp_path / "Startup"
    args = ("addin", "install", "--platform", "macos", "--xlstart", xlstart, "--interpreter", "/opt/lkjip/bin/python")
    plan = run_cli(*args, "--dry-run", "--lang", "en", env={"HOME": str(home)})
    assert plan.returncode == 0 and "Application Scripts/com.microsoft.Excel" in plan.stdout
    assert not home.exists()
    assert run_cli(*args, env={"HOME": str(home)}).returncode == 0
    [script] = (home / "Library/Application Scripts/com.microsoft.Excel").iterdir()
    assert script.read_bytes() == (xlwings_dir() / script.name).read_bytes()
    assert (xlstart / ADDIN_FILE).exists()


def test_macos_refuses_a_python_path_with_spaces(tmp_path):
    result = run_cli(
        "addin", "install", "--dry-run", "--platform", "macos", "--xlstart", tmp_path,
        "--interpreter", "/Users/ani/My Python/bin/python",
    )  # fmt: skip
    assert result.returncode == 2 and "spasi" in result.stderr


def test_a_python_without_lkjip_xl_is_refused(tmp_path):
    from lkjip_xl.errors import InputRejected
    from lkjip_xl.excel.addin import check_interpreter

    check_interpreter(sys.executable)  # this one has it
    with pytest.raises(InputRejected) as rejected:
        check_interpreter(str(tmp_path / "no-python"))
    assert rejected.value.reason == "interpreter"
