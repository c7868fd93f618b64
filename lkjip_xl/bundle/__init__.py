"""``lkjip-xl bundle``: one zip that IT copies to office PCs, installed there with no package index.

The zip holds one folder, ``lkjip-xl-VERSION-PLATFORM/``:
  wheels/            lkjip-xl's wheel (built by PyPA ``build``) and every dependency's wheel for the platform
                     and Python 3.11-3.13, fetched by ``pip download`` from pip's configured index
  install.bat | install.command | install.sh
                     creates the virtual environment (or upgrades it in place), installs with
                     ``pip --no-index --find-links wheels``, then runs ``lkjip-xl addin install``
  addin/lkjip_xl.xlam   the add-in (Windows, macOS), for IT to inspect: ``addin install`` writes the one with
                     each user's own Python pinned
  MANIFEST.json, SHA256SUMS   the version, the targets, and every file with its sha256
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import shutil
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

from .. import __version__
from ..i18n import Text
from .closure import as_pip_argument, closure, wheels_in
from .targets import PLATFORMS, PYTHONS, Target, targets

PACKAGE = "lkjip-xl"
SCRIPTS = {"windows": "install.bat", "macos": "install.command", "linux": "install.sh"}
# What the add-in in the bundle has pinned: where the install script puts the virtual environment.
ADDIN_INTERPRETER = {"windows": r"%USERPROFILE%\lkjip\Scripts\python.exe", "macos": "~/lkjip/bin/python"}
MAX_ROUNDS = 4  # pip download runs per target; each round adds what pip skipped for this machine's markers
PARALLEL_DOWNLOADS = 3  # pip download processes at once: they wait on the index as much as on the CPU

NO_SOURCE = Text(
    "folder sumber lkjip-xl (dengan pyproject.toml) tidak ditemukan: jalankan dari salinan sumber proyek "
    "atau sebutkan dengan --source",
    "lkjip-xl's source folder (with pyproject.toml) was not found: run from a copy of the project's source "
    "or give it with --source",
)
STEP_FAILED = Text("{step} gagal:\n{detail}", "{step} failed:\n{detail}")
INCOMPLETE = Text(
    "tidak ada wheel untuk {target}: {missing}",
    "no wheel for {target}: {missing}",
)
NOT_OUR_WHEEL = Text("{path} bukan wheel lkjip-xl", "{path} is not an lkjip-xl wheel")
NO_BUILD_TOOLS = Text(
    "membuat bundel memerlukan paket build dan packaging: pip install -e '.[bundle]'",
    "making a bundle needs the build and packaging packages: pip install -e '.[bundle]'",
)


class BundleError(Exception):
    def __init__(self, text: Text, **params: object) -> None:
        super().__init__(text("en", **params))
        self.text, self.params = text, params


@dataclass
class Bundle:
    path: Path
    files: int
    size: int  # bytes of the zip
    seconds: float


def source_folder() -> Path | None:
    """The project checkout this lkjip_xl was imported from, if it was (an editable install or the tests)."""
    root = Path(__file__).resolve().parent.parent.parent
    return root if (root / "pyproject.toml").is_file() and (root / "lkjip_xl").is_dir() else None


def build_bundle(
    platform: str, out: Path, source: Path | None = None, wheel: Path | None = None, log: Callable[[str], None] = print
) -> Bundle:
    """Write ``out/lkjip-xl-VERSION-PLATFORM.zip``; needs pip's configured index (here, not on the office PC).

    lkjip-xl's wheel is ``wheel`` when given (a release IT already has), else built from ``source``.
    """
    if platform not in PLATFORMS:
        raise ValueError(platform)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lkjip-bundle-") as work:
        own = wheel or build_wheel(source, Path(work) / "dist", log)
        version = wheel_version(own)  # the bundle's version is its wheel's
        name = f"{PACKAGE}-{version}-{platform}"
        folder = Path(work) / name
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        shutil.copy2(own, wheels / own.name)
        chosen = download(platform, wheels, version, log)
        for path in wheels.glob("*.whl"):
            if path.name not in chosen:
                path.unlink()  # fetched for this machine's markers only (not needed by the target)
        if platform in ADDIN_INTERPRETER:
            from ..excel.addin import build_addin

            build_addin(folder / "addin", ADDIN_INTERPRETER[platform])
        write_script(folder, platform, version)
        write_manifest(folder, platform, version)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{name}.zip"
        write_zip(folder, target)
    with zipfile.ZipFile(target) as archive:
        files = len(archive.namelist())
    return Bundle(target, files, target.stat().st_size, time.monotonic() - started)


def wheel_version(path: Path) -> str:
    try:
        name, version, _build, _tags = parse_wheel_filename(path.name)
    except InvalidWheelFilename:
        name = None
    if name != PACKAGE:
        raise BundleError(NOT_OUR_WHEEL, path=path)
    return str(version)


def build_wheel(source: Path | None, dist: Path, log: Callable[[str], None]) -> Path:
    """lkjip-xl's wheel, built by PyPA build from an sdist of ``source`` (so nothing stale in the tree gets in)."""
    if importlib.util.find_spec("build") is None:
        raise BundleError(NO_BUILD_TOOLS)
    source = source or source_folder()
    if source is None or not (source / "pyproject.toml").is_file():
        raise BundleError(NO_SOURCE)
    log(f"{PACKAGE} {__version__}: wheel")
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)], "python -m build")
    return next(dist.glob("*.whl"))


def download(platform: str, wheels: Path, version: str, log: Callable[[str], None]) -> set[str]:
    """Fetch every dependency for each target into ``wheels``; the file names some target installs.

    The first target finds what pip skips for this machine's markers (pywin32 on Linux...); the others,
    told at once, run side by side, each into its own folder (two pips never write one file).
    """
    own = next(wheels.glob("lkjip_xl-*.whl"))
    first, *others = targets(platform)
    skipped = fetch(first, own, version, wheels / f".{first.abi}-{first.arch.platform_machine}", [])
    with ThreadPoolExecutor(max_workers=PARALLEL_DOWNLOADS) as pool:
        jobs = [pool.submit(fetch, target, own, version, wheels / f".{target.abi}-{target.arch.platform_machine}",
                            skipped) for target in others]
        for job in jobs:
            job.result()
    for folder in sorted(wheels.glob(".*")):
        for path in folder.glob("*.whl"):
            if not (wheels / path.name).exists():
                path.rename(wheels / path.name)
        shutil.rmtree(folder)
    # Chosen from everything fetched, as pip on the PC chooses among the bundle's wheels.
    everything = wheels_in(wheels)
    chosen: set[str] = set()
    for target in targets(platform):
        found = closure(f"{PACKAGE}=={version}", everything, target)
        if found.missing:
            missing = ", ".join(str(requirement) for requirement, _extra in found.missing)
            raise BundleError(INCOMPLETE, target=target.label, missing=missing)
        log(f"{target.label}: {len(found.wheels)} wheels")
        chosen |= {wheel.path.name for wheel in found.wheels.values()}
    return chosen


def fetch(target: Target, own: Path, version: str, dest: Path, skipped: list[tuple[Requirement, str]]) -> list:
    """``pip download`` for one target until its closure is complete; what pip had skipped (for later targets)."""
    environment = target.markers()
    # Asked for by name (without the marker pip would read for this machine), where the target's markers want it.
    extra = sorted({
        as_pip_argument(requirement)
        for requirement, asked_by in skipped
        if requirement.marker is None or requirement.marker.evaluate({**environment, "extra": asked_by})
    })
    found_skipped: list[tuple[Requirement, str]] = []
    for _round in range(MAX_ROUNDS):
        command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--dest", str(dest)]
        _run(command + target.pip_options() + [str(own), *extra], f"pip download ({target.label})")
        found = closure(f"{PACKAGE}=={version}", wheels_in(dest), target)
        wanted = {as_pip_argument(requirement) for requirement, _extra in found.missing}
        if not found.missing or wanted <= set(extra):
            break
        extra = sorted(set(extra) | wanted)
        found_skipped += found.missing
    if found.missing:
        missing = ", ".join(str(requirement) for requirement, _extra in found.missing)
        raise BundleError(INCOMPLETE, target=target.label, missing=missing)
    return found_skipped


def write_script(folder: Path, platform: str, version: str = __version__) -> None:
    name = SCRIPTS[platform]
    source = "install.bat" if platform == "windows" else "install.sh"
    template = string.Template(resources.files(__package__).joinpath("scripts", source).read_text("utf-8"))
    if platform == "macos":
        addin_step = '"$venv/bin/lkjip-xl" addin install || fail "lkjip-xl addin install"'
    else:
        addin_step = 'echo "Excel tidak ada di Linux: add-in tidak dipasang / no Excel on Linux: no add-in"'
    text = template.substitute(version=version, platform=platform, addin_step=addin_step)
    newline = "\r\n" if platform == "windows" else "\n"  # cmd.exe finds labels reliably only with CRLF
    (folder / name).write_bytes(text.replace("\n", newline).encode("utf-8"))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(folder: Path, platform: str, version: str) -> None:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    listed = [{"path": path.relative_to(folder).as_posix(), "sha256": sha256(path), "size": path.stat().st_size}
              for path in files]
    manifest = {
        "name": PACKAGE,
        "version": version,
        "platform": platform,
        "python": list(PYTHONS),
        "targets": sorted({target.arch.name for target in targets(platform)}),
        "built": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "install": SCRIPTS[platform],
        "files": listed,
    }
    (folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    # The same hashes as `sha256sum -c SHA256SUMS` (Linux, macOS: shasum -a 256 -c) reads them.
    (folder / "SHA256SUMS").write_text("".join(f"{item['sha256']}  {item['path']}\n" for item in listed), "utf-8")


def write_zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", (1980, 1, 1, 0, 0, 0))
            script = path.name in SCRIPTS.values()
            entry.external_attr = (0o100755 if script else 0o100644) << 16  # Finder and unzip keep the exec bit
            # Wheels are zips already: stored as they are.
            entry.compress_type = zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())


def _run(command: list[str], step: str) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BundleError(STEP_FAILED, step=step, detail=str(error)) from None
    if result.returncode != 0:
        detail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise BundleError(STEP_FAILED, step=step, detail=detail)
