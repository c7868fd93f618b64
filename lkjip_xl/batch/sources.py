"""Finding the submitted workbooks: in folders (recursively) and inside zip archives of submissions.

A workbook inside an archive is never extracted under its own name: a member called ``../../x.xlsx`` or
``/etc/x.xlsx`` is only a label. The worker that checks it copies its bytes, bounded, to a private
temporary file with a fixed name (``member_file``), and removes it afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputRejected
from ..i18n import Text
from ..report.safe import terminal_text
from .outcome import Rejection

# Everything a reviewer may receive as "the workbook": the ones lkjip-xl cannot read still get a row in
# the report that says why (a legacy .xls, an .ods), rather than silently disappearing from the batch.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods")
# Reports as offices submit them (lkjip_xl/document); a .doc is listed to be refused with its reason.
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc")
CHECKED_SUFFIXES = WORKBOOK_SUFFIXES + DOCUMENT_SUFFIXES
ARCHIVE_SUFFIXES = (".zip",)

MAX_MEMBERS = 100_000  # entries read from one archive's directory
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one workbook inside an archive, uncompressed

NESTED_ARCHIVE = Text(
    "arsip di dalam arsip: ekstrak arsip luar lalu periksa foldernya",
    "an archive inside an archive: extract the outer one and check its folder",
)
MEMBER_TOO_LARGE = Text(
    "berkas di dalam arsip terlalu besar ({size} MiB, batas {limit} MiB)",
    "the file inside the archive is too large ({size} MiB, limit {limit} MiB)",
)
ARCHIVE_BROKEN = Text(
    "arsip zip rusak atau tidak dapat dibaca ({detail})",
    "the zip archive is damaged or cannot be read ({detail})",
)
TOO_MANY_MEMBERS = Text(
    "arsip berisi lebih dari {limit} entri: tidak diperiksa",
    "the archive has more than {limit} entries: not checked",
)
PATH_NOT_FOUND = Text("tidak ditemukan", "not found")
MEMBER_ENCRYPTED = Text(
    "berkas di dalam arsip dilindungi kata sandi: kirim ulang tanpa kata sandi",
    "the file inside the archive is password-protected: send it again without a password",
)

@dataclass(frozen=True)
class Source:
    """One submission to check. ``path`` is on disk: the workbook, or the archive that holds ``member``."""

    name: str  # how reports call it: the path as given, or "archive.zip!folder/book.xlsx"
    path: str  # absolute, so that workers elsewhere (Dask) find the same file on shared storage
    member: str | None = None
    problem: Rejection | None = None  # found while listing: the file will be reported, not opened

    @property
    def suffix(self) -> str:
        return Path(self.member or self.path).suffix.lower()

    @property
    def local_file(self) -> str | None:
        """The workbook on disk, if it is not inside an archive (for a link in the report)."""
        return None if self.member is not None else self.path


def _label(text: str) -> str:
    """A name from an archive or a folder as it may be shown: no control characters."""
    return terminal_text(text)


def _is_regular(path: Path) -> bool:
    """A regular file: not a FIFO or a device, which could block or never end when read."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _skipped(name: str) -> bool:
    """Excel's lock files (~$book.xlsx) and macOS metadata (._book.xlsx, __MACOSX/) are not submissions."""
    base = name.rsplit("/", 1)[-1]
    return base.startswith(("~$", "._")) or name.startswith("__MACOSX/") or "/__MACOSX/" in name


def find_sources(inputs: list[Path], exclude: set[Path] = frozenset()) -> list[Source]:
    """Every workbook under ``inputs`` (folders recursively, zip archives read in place), once each even when
    named twice (a folder and a file in it), sorted by name."""
    excluded = {os.path.realpath(path) for path in exclude}
    found: list[Source] = []
    for given in inputs:
        if given.is_dir():
            for root, dirs, files in os.walk(given):  # symlinked folders are not followed: no loops
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    found.extend(_from_file(Path(root) / file, excluded, listed=False))
        elif given.exists() or given.is_symlink():
            found.extend(_from_file(given, excluded, listed=True))
        else:
            found.append(
                Source(_label(str(given)), os.path.abspath(given), problem=Rejection.of("not_found", PATH_NOT_FOUND))
            )
    unique: dict[tuple[str, str | None], Source] = {}
    for source in found:
        unique.setdefault((os.path.realpath(source.path), source.member), source)
    return sorted(unique.values(), key=lambda source: source.name)


def _from_file(path: Path, excluded: set[str], listed: bool) -> list[Source]:
    """The sources one file gives: itself, the workbooks of an archive, or nothing (other files in folders)."""
    suffix = path.suffix.lower()
    if _skipped(path.name) or os.path.realpath(path) in excluded or not _is_regular(path):
        return []
    name, absolute = _label(str(path)), os.path.abspath(path)
    if suffix in ARCHIVE_SUFFIXES:
        return list(_from_archive(name, absolute))
    if suffix in CHECKED_SUFFIXES or listed:  # a file named on the command line is always reported
        return [Source(name, absolute)]
    return []


def _from_archive(name: str, path: str) -> Iterator[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        yield Source(name, path, problem=Rejection.of("corrupt_archive", ARCHIVE_BROKEN, detail=type(error).__name__))
        return
    if len(infos) > MAX_MEMBERS:
        yield Source(name, path, problem=Rejection.of("too_many_members", TOO_MANY_MEMBERS, limit=MAX_MEMBERS))
        return
    for info in sorted(infos, key=lambda item: item.filename):
        member = info.filename
        if info.is_dir() or _skipped(member):
            continue
        suffix = Path(member).suffix.lower()
        label = f"{name}!{_label(member)}"
        if suffix in ARCHIVE_SUFFIXES:
            yield Source(label, path, member, problem=Rejection.of("nested_archive", NESTED_ARCHIVE))
        elif suffix in CHECKED_SUFFIXES:
            problem = None
            if info.file_size > MAX_MEMBER_BYTES:
                problem = Rejection.of(
                    "too_large", MEMBER_TOO_LARGE, size=info.file_size // 2**20, limit=MAX_MEMBER_BYTES // 2**20
                )
            yield Source(label, path, member, problem=problem)


@contextlib.contextmanager
def member_file(source: Source) -> Iterator[Path]:
    """The workbook of ``source`` as a file: the file itself, or a bounded copy of the archive member in a
    private temporary folder under a fixed name (never the member's own path), removed afterwards."""
    if source.member is None:
        yield Path(source.path)
        return
    folder = tempfile.mkdtemp(prefix="lkjip-batch-")
    try:
        target = Path(folder) / ("kiriman" + source.suffix)
        try:
            with zipfile.ZipFile(source.path) as archive, archive.open(source.member) as reader, target.open("wb") as out:
                copied = 0
                while chunk := reader.read(1 << 20):
                    copied += len(chunk)
                    if copied > MAX_MEMBER_BYTES:  # the directory may understate the size
                        raise InputRejected(
                            "too_large", MEMBER_TOO_LARGE, size=copied // 2**20, limit=MAX_MEMBER_BYTES // 2**20
                        )
                    out.write(chunk)
        except RuntimeError:  # zipfile's word for a member that needs a password
            raise InputRejected("encrypted_member", MEMBER_ENCRYPTED) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError) as error:
            raise InputRejected("corrupt_archive", ARCHIVE_BROKEN, detail=type(error).__name__) from None
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)
