"""The ribbon add-in: made from the installed xlwings' own ribbon add-in, installed into Excel's start folder.

xlwings ships ``quickstart_addin_ribbon.xlam`` (what ``xlwings quickstart NAME --addin --ribbon`` copies). Its
VBA (``xl/vbaProject.bin``) is taken as it is, byte for byte: its ribbon callback runs ``import NAME;
NAME.main()`` where NAME is the add-in's file name, so the file is called ``lkjip_xl.xlam``. Only three parts
change, at the zip level: the ribbon XML (tab "LKjIP", button "Validasi", our icon), the name of the add-in's
config sheet, and that sheet's content.

The config sheet pins every setting the VBA reads (interpreter, PYTHONPATH, adding the workbook's folder to
the path, conda, console, license key...): a setting left out would fall through to a ``myaddin.conf`` file in
the workbook's folder or the user's profile, where anyone could put one. One layer stays above it and cannot
be closed without changing the VBA: a sheet named ``myaddin.conf`` inside the workbook being checked. The
button refuses such workbooks (button.py), but by then the VBA has already read that sheet; see README.md, "Catatan keamanan untuk tim TI".
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as SafeET

from ..errors import InputRejected
from ..i18n import Lang, Text
from ..load.preflight import XLWINGS_CONFIG_SHEET
from ..report.annotate import write_package

ADDIN_FILE = "lkjip_xl.xlam"  # the VBA imports the module named like the file: import lkjip_xl; lkjip_xl.main()
TEMPLATE_FILE = "quickstart_addin_ribbon.xlam"
RIBBON_PART = "customUI/customUI.xml"
RIBBON_RELS_PART = "customUI/_rels/customUI.xml.rels"
ICON_PART = "customUI/images/lkjip.png"
ICON_ID = "lkjipIcon"
TEMPLATE_CONFIG_SHEET = "_myaddin.conf"  # shipped switched off: the VBA reads "<PROJECT_NAME>.conf"
CONFIG_SHEET = XLWINGS_CONFIG_SHEET  # PROJECT_NAME is "myaddin" in the shipped VBA
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RIBBON_NS = "http://schemas.microsoft.com/office/2006/01/customui"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

TAB_LABEL = "LKjIP"
GROUP_LABEL = "Pemeriksaan"
BUTTON_LABEL = "Validasi"
SCREENTIP = "Validasi tabel LKjIP"
SUPERTIP = (
    'Periksa Tabel 3.2, 3.3, 3.5, 3.7 dan 3.8 di buku kerja ini. Hasilnya ada di sheet "Ringkasan Validasi"; '
    "sel yang salah diberi warna dan catatan. Perbaiki, lalu klik Validasi lagi."
)

Setting = tuple[str, str | bool]

NO_EXCEL = Text(
    "Excel tidak ada di sistem ini ({system}): add-in hanya dapat dipasang di Windows atau macOS. "
    "Untuk membuat berkasnya saja: lkjip-xl addin build --out FOLDER",
    "Excel does not run on this system ({system}): the add-in installs on Windows or macOS only. "
    "To make the file only: lkjip-xl addin build --out FOLDER",
)
XLSTART_NEEDED = Text(
    "folder XLSTART Excel untuk {platform} tidak dapat ditentukan dari sistem ini: sebutkan dengan --xlstart",
    "Excel's XLSTART folder for {platform} cannot be found from this system: give it with --xlstart",
)
BAD_INTERPRETER = Text(
    "Python {path} tidak dapat menjalankan lkjip-xl ({detail}). Pasang lkjip-xl di Python itu "
    "(pip install lkjip-xl) atau sebutkan Python lain dengan --interpreter",
    "Python {path} cannot run lkjip-xl ({detail}). Install lkjip-xl into that Python (pip install lkjip-xl) "
    "or name another one with --interpreter",
)
SPACES_ON_MAC = Text(
    "di macOS, add-in xlwings tidak dapat menjalankan Python yang jalurnya mengandung spasi ({path}): "
    "pasang lkjip-xl di folder tanpa spasi",
    "on macOS, xlwings' add-in cannot start a Python whose path contains spaces ({path}): "
    "install lkjip-xl in a folder without spaces",
)
LOCKED = Text(
    "{path} tidak dapat ditulis ({detail}). Tutup Excel lalu jalankan perintah ini lagi",
    "{path} cannot be written ({detail}). Quit Excel, then run this command again",
)
NO_TEMPLATE = Text(
    "templat add-in xlwings ({path}) tidak ditemukan: pasang ulang xlwings",
    "xlwings' add-in template ({path}) is missing: reinstall xlwings",
)


# -- building -------------------------------------------------------------------------------------------


def xlwings_dir() -> Path:
    """The installed xlwings package, found without importing it."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise InputRejected("no_xlwings", NO_TEMPLATE, path="xlwings")
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_version() -> str:
    return importlib.metadata.version("xlwings")


def template_path() -> Path:
    return xlwings_dir() / TEMPLATE_FILE


def pinned_settings(interpreter: str) -> list[Setting]:
    """Every key xlwings' add-in VBA reads with GetConfig, with the value the add-in must use."""
    return [
        ("INTERPRETER_WIN", interpreter),
        ("INTERPRETER_MAC", interpreter),
        ("INTERPRETER", interpreter),
        ("PYTHONPATH", ""),
        ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),  # a submitted workbook's folder must not provide lkjip_xl
        ("ONEDRIVE_CONSUMER_WIN", ""),
        ("ONEDRIVE_COMMERCIAL_WIN", ""),
        ("SHAREPOINT_WIN", ""),
        ("ONEDRIVE_CONSUMER_MAC", ""),
        ("ONEDRIVE_COMMERCIAL_MAC", ""),
        ("SHAREPOINT_MAC", ""),
        ("CONDA PATH", ""),
        ("CONDA ENV", ""),
        ("USE UDF SERVER", False),
        ("SHOW CONSOLE", False),  # errors reach the officer as alerts, never a console window
        ("LICENSE_KEY", ""),  # blocks the VBA's embedded-code path (Python code carried in ".py" sheets)
        ("UDF MODULES", ""),
        ("DEBUG UDFS", False),
        ("SHOW_ERROR_POPUPS", "True"),
        ("TEMP DIR", "%TEMP%"),  # where the VBA writes Python's error log (it expands %TEMP% on Windows)
    ]


def build_addin(out_dir: Path, interpreter: str) -> Path:
    """Write ``out_dir/lkjip_xl.xlam`` with ``interpreter`` pinned; its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / ADDIN_FILE
    write_addin(target, interpreter)
    return target


def write_addin(target: Path, interpreter: str) -> None:
    template = template_path()
    if not template.is_file():
        raise InputRejected("no_template", NO_TEMPLATE, path=template)
    with zipfile.ZipFile(template) as archive:
        on_action = _ribbon_action(archive.read(RIBBON_PART))
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
        config_part = _sheet_part(archive, workbook_xml, TEMPLATE_CONFIG_SHEET)
        replaced = {
            RIBBON_PART: ribbon_xml(on_action).encode("utf-8"),
            "xl/workbook.xml": _rename_sheet(workbook_xml, TEMPLATE_CONFIG_SHEET, CONFIG_SHEET).encode("utf-8"),
            config_part: config_sheet_xml(archive.read(config_part).decode("utf-8"), pinned_settings(interpreter)),
            "[Content_Types].xml": _with_png_type(archive.read("[Content_Types].xml").decode("utf-8")).encode("utf-8"),
        }
        added = {
            RIBBON_RELS_PART: _ribbon_rels().encode("utf-8"),
            ICON_PART: importlib.resources.files(__package__).joinpath("icon.png").read_bytes(),
        }
        write_package(archive, archive.infolist(), replaced, added, target)


def _ribbon_action(xml: bytes) -> str:
    """The VBA callback of the template's button: ours must call the same one."""
    root = SafeET.fromstring(xml)
    button = next(element for element in root.iter() if element.tag.rpartition("}")[2] == "button")
    return button.get("onAction", "")


def ribbon_xml(on_action: str) -> str:
    return (
        f'<customUI xmlns="{RIBBON_NS}">'
        "<ribbon><tabs>"
        f'<tab id="lkjipTab" label={quoteattr(TAB_LABEL)}>'
        f'<group id="lkjipGroup" label={quoteattr(GROUP_LABEL)}>'
        f'<button id="lkjipValidasi" label={quoteattr(BUTTON_LABEL)} size="large" onAction={quoteattr(on_action)} '
        f'image="{ICON_ID}" screentip={quoteattr(SCREENTIP)} supertip={quoteattr(SUPERTIP)} keytip="V"/>'
        "</group></tab></tabs></ribbon></customUI>"
    )


def _ribbon_rels() -> str:
    target = ICON_PART.removeprefix("customUI/")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="{ICON_ID}" Type="{IMAGE_REL}" Target="{target}"/></Relationships>'
    )


def _with_png_type(types_xml: str) -> str:
    if re.search(r'Extension="png"', types_xml, re.IGNORECASE):
        return types_xml
    return types_xml.replace("</Types>", '<Default Extension="png" ContentType="image/png" /></Types>')


def _sheet_part(archive: zipfile.ZipFile, workbook_xml: str, name: str) -> str:
    sheet = next(
        element
        for element in SafeET.fromstring(workbook_xml.encode("utf-8")).iter()
        if element.tag.rpartition("}")[2] == "sheet" and element.get("name") == name
    )
    rel_id = sheet.get(f"{{{REL_NS}}}id")
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(rel.get("Target") for rel in rels if rel.get("Id") == rel_id)
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _rename_sheet(workbook_xml: str, old: str, new: str) -> str:
    attribute = f"name={quoteattr(old)}"
    if workbook_xml.count(attribute) != 1:
        raise ValueError(f"the xlwings template has no single sheet {old!r}")
    return workbook_xml.replace(attribute, f"name={quoteattr(new)}")


def config_sheet_xml(template_sheet: str, settings: list[Setting]) -> bytes:
    """The template's config sheet with its data replaced by ``settings`` (key in A, value in B, from row 1).

    The rest of the sheet's XML (its code name, which ties it to the VBA project) is kept.
    """
    rows = []
    for row, (key, value) in enumerate(settings, start=1):
        cells = f'<c r="A{row}" t="inlineStr"><is><t>{escape(key)}</t></is></c>'
        if isinstance(value, bool):
            cells += f'<c r="B{row}" t="b"><v>{int(value)}</v></c>'
        elif value:
            cells += f'<c r="B{row}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        rows.append(f'<row r="{row}">{cells}</row>')
    data = f"<sheetData>{''.join(rows)}</sheetData>"
    xml = re.sub(
        r"<sheetData>.*?</sheetData>|<sheetData\s*/>", lambda _: data, template_sheet, count=1, flags=re.DOTALL
    )
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:B{len(settings)}" />', xml, count=1)
    return xml.encode("utf-8")


# -- installing -----------------------------------------------------------------------------------------

MAC_STARTUP = "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
MAC_SCRIPTS = "Library/Application Scripts/com.microsoft.Excel"

PLAN_TITLE = Text(
    "Pemasangan add-in LKjIP untuk Excel ({platform}):", "Installing the LKjIP add-in for Excel ({platform}):"
)
STEP_BUILD = Text(
    "buat {file} dari add-in pita xlwings {version} (VBA tidak diubah), dengan Python {interpreter} "
    "tertanam di dalamnya (folder buku kerja tidak dimasukkan ke path Python)",
    "make {file} from xlwings {version}'s ribbon add-in (VBA unchanged), with Python {interpreter} "
    "pinned inside it (the workbook's folder is not put on Python's path)",
)
STEP_COPY = Text("simpan ke {path} (versi lama ditimpa)", "save it as {path} (replacing an older one)")
STEP_SCRIPT = Text(
    "salin {script} ke {folder} (macOS: izin bagi Excel untuk menjalankan Python)",
    "copy {script} to {folder} (macOS: lets Excel start Python)",
)
STEP_RESTART = Text(
    'lalu tutup Excel sepenuhnya dan buka lagi: tab "LKjIP" dengan tombol "Validasi" muncul di pita',
    'then quit Excel completely and start it again: the "LKjIP" tab with the "Validasi" button appears',
)
DRY_RUN = Text("(uji coba: tidak ada yang diubah)", "(dry run: nothing was changed)")
INSTALLED = Text("Add-in terpasang: {path}", "Add-in installed: {path}")


@dataclass
class InstallPlan:
    platform: str
    addin: Path
    interpreter: str
    applescript: tuple[Path, Path] | None  # source, target (macOS)

    def describe(self, lang: Lang) -> list[str]:
        steps = [
            STEP_BUILD(lang, file=ADDIN_FILE, version=xlwings_version(), interpreter=self.interpreter),
            STEP_COPY(lang, path=self.addin),
        ]
        if self.applescript:
            steps.append(STEP_SCRIPT(lang, script=self.applescript[0].name, folder=self.applescript[1].parent))
        steps.append(STEP_RESTART(lang))
        title = PLAN_TITLE(lang, platform="Windows" if self.platform == "windows" else "macOS")
        return [title] + [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]


def current_platform() -> str | None:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return None


def default_xlstart(platform: str) -> Path | None:
    """Excel's per-user start folder: what it opens at start-up (xlwings installs its own add-in there too)."""
    if platform == "windows":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART" if appdata else None
    return Path.home() / MAC_STARTUP


def plan_install(
    platform: str | None = None, xlstart: Path | None = None, interpreter: str | None = None
) -> InstallPlan:
    here = current_platform()
    platform = platform or here
    if platform is None:
        raise InputRejected("no_excel", NO_EXCEL, system=sys.platform)
    if xlstart is None:
        xlstart = default_xlstart(platform) if platform == here else None
        if xlstart is None:
            raise InputRejected("xlstart_unknown", XLSTART_NEEDED, platform=platform)
    interpreter = interpreter or sys.executable
    if platform == "macos" and " " in interpreter:
        raise InputRejected("interpreter", SPACES_ON_MAC, path=interpreter)
    if platform == here:
        check_interpreter(interpreter)
    applescript = None
    if platform == "macos":
        script = f"xlwings-{xlwings_version()}.applescript"
        applescript = (xlwings_dir() / script, Path.home() / MAC_SCRIPTS / script)
    return InstallPlan(platform, xlstart / ADDIN_FILE, interpreter, applescript)


def check_interpreter(interpreter: str) -> None:
    """The pinned Python must import lkjip_xl and xlwings, or the button fails with a ModuleNotFoundError."""
    try:
        result = subprocess.run(
            [interpreter, "-c", "import lkjip_xl, xlwings"], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise InputRejected("interpreter", BAD_INTERPRETER, path=interpreter, detail=type(error).__name__) from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["?"])[-1]
        raise InputRejected("interpreter", BAD_INTERPRETER, path=interpreter, detail=last)


def install(plan: InstallPlan) -> None:
    try:
        plan.addin.parent.mkdir(parents=True, exist_ok=True)
        write_addin(plan.addin, plan.interpreter)
        if plan.applescript:
            source, target = plan.applescript
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    except OSError as error:
        path = error.filename or plan.addin
        raise InputRejected("locked", LOCKED, path=path, detail=error.strerror or type(error).__name__) from None
