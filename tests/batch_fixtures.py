"""Folders of submissions for the batch tests: good, erroneous, broken and hostile workbooks, and archives."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

from openpyxl import Workbook

from bench import generate
from conftest import EXAMPLE

HOSTILE_OFFICE = '=HYPERLINK("http://example.invalid","klik")'
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

# name (relative to the folder) -> the status batch must give it
EXPECTED = {
    "baik.xlsx": "passed",
    "salah.xlsx": "failed",
    "contoh-tanpa-cache.xlsx": "failed",  # saved by openpyxl: the formula engine computes its values
    "kantor-jahil.xlsx": "passed",  # strings that look like formulas: text in every output
    "rusak.xlsx": "unchecked",
    "terpotong.xlsx": "unchecked",
    "kosong.xlsx": "unchecked",
    "lama.xls": "unchecked",
    "kiriman.zip!dinas-a/lkjip.xlsx": "passed",
    "kiriman.zip!../../keluar.xlsx": "failed",
    "kiriman.zip!dalam.zip": "unchecked",
}
CRASHING = {"sel-terjauh.xlsx": "unchecked"}  # one cell at XFD1048576: a dense read of it cannot fit in memory


def workbook_bytes(lines: int = 30, error_rate: float = 0.0, seed: int = 1, office: str | None = None) -> bytes:
    return generate.render(generate.build(lines, error_rate, seed=seed, office=office))


def without_cached_values(data: bytes) -> bytes:
    """The workbook as a program other than Excel saves it: formulas without their values."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                part = re.sub(rb"(</f>|<f [^>]*/>)<v>[^<]*</v>", rb"\1", part)
            target.writestr(info.filename, part)
    return out.getvalue()


def far_cell_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tabel 3.8"
    sheet["A1"] = "x"
    sheet["XFD1048576"] = 1
    workbook.save(path)
    return path


def submissions(folder: Path, crashing: bool = True, example: bool = True) -> Path:
    """A folder of submissions as an Inspektorat receives them, plus files that are not submissions."""
    folder.mkdir(parents=True, exist_ok=True)
    good = workbook_bytes(seed=1)
    wrong = workbook_bytes(error_rate=0.15, seed=3)
    (folder / "baik.xlsx").write_bytes(good)
    (folder / "salah.xlsx").write_bytes(wrong)
    if example:
        shutil.copy(EXAMPLE, folder / "contoh-tanpa-cache.xlsx")
    (folder / "kantor-jahil.xlsx").write_bytes(workbook_bytes(seed=2, office=HOSTILE_OFFICE))
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (folder / "terpotong.xlsx").write_bytes(good[: len(good) // 2])
    (folder / "kosong.xlsx").write_bytes(b"")
    (folder / "lama.xls").write_bytes(OLE_MAGIC + bytes(4096))
    if crashing:
        far_cell_workbook(folder / "sel-terjauh.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as inner:
        inner.writestr("x.xlsx", good)
    with zipfile.ZipFile(folder / "kiriman.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dinas-a/lkjip.xlsx", good)
        archive.writestr("../../keluar.xlsx", wrong)
        archive.writestr("dalam.zip", buffer.getvalue())
        archive.writestr("~$dinas-a.xlsx", b"lock")
        archive.writestr("__MACOSX/dinas-a/._lkjip.xlsx", b"resource fork")
        archive.writestr("catatan.txt", b"bukan buku kerja")
    (folder / "catatan.txt").write_text("bukan buku kerja")
    (folder / "~$baik.xlsx").write_bytes(b"lock")
    return folder


def expected(folder: Path, crashing: bool = True, example: bool = True) -> dict[str, str]:
    """Statuses by the name batch reports (the folder as given, then the path in it)."""
    out = dict(EXPECTED)
    if crashing:
        out.update(CRASHING)
    if not example:
        del out["contoh-tanpa-cache.xlsx"]
    return {f"{folder}/{name}": status for name, status in out.items()}
