"""The pre-flight: what kind of file this is, and whether it is safe to hand to a parser.

Every file goes through here before any spreadsheet library sees it. The kind comes from the first bytes,
never from the name: offices rename CSV exports, web pages and old .xls files to .xlsx. A zip is bounded
before anything is expanded (member count, declared sizes, compression ratio, part names), and no XML part
may declare a DOCTYPE. What the package carries besides cells (macros, links, embedded objects,
connections, hidden sheets, manual calculation) is listed in an ``Inventory``, read from the package
structure only: nothing is run, nothing is fetched.

Each rejection is an ``InputRejected`` with its own reason code and a message telling the officer what to do.
"""

from __future__ import annotations

import csv
import posixpath
import re
import stat
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from defusedxml import ElementTree as SafeET

from .. import errors as E
from ..errors import InputRejected
from ..i18n import Num, Text
from ..snapshot import Inventory, Oversize

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much a file may hold. An LKjIP workbook is a few hundred kilobytes; these leave a wide margin."""

    file_bytes: int = 100 * MiB  # the file on disk
    members: int = 10_000  # parts in the zip (a workbook has tens)
    expanded_bytes: int = 1024 * MiB  # all parts together, as declared
    part_bytes: int = 64 * MiB  # one part other than a worksheet (shared strings, pivot caches...)
    tree_bytes: int = 16 * MiB  # a part parsed whole into memory (workbook, styles, relationships...)
    ratio: int = 100  # declared size / compressed size, for parts over ratio_floor
    ratio_floor: int = 1 * MiB
    # A worksheet beyond any of these is not read (a finding names it); the rest of the workbook is checked.
    sheet_bytes: int = 32 * MiB  # the sheet's XML, as declared: bounds the time to read it
    sheet_rows: int = 100_000
    sheet_cells: int = 2_000_000  # rows x columns of the used range: python-calamine allocates it whole


LIMITS = Limits()

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_HEAD = 8192

# What a rejected file is, when it is not a workbook at all.
KIND_PDF = Text("dokumen PDF", "a PDF document")
KIND_WORD = Text("dokumen Word", "a Word document")
KIND_POWERPOINT = Text("presentasi PowerPoint", "a PowerPoint presentation")
KIND_OPENDOCUMENT = Text("dokumen OpenDocument yang bukan lembar kerja", "an OpenDocument file that is not a spreadsheet")
KIND_IMAGE = Text("gambar", "a picture")
KIND_ARCHIVE = Text("arsip ZIP biasa", "a plain ZIP archive")
KIND_OLE = Text("berkas Office lama yang tidak dikenal", "an unknown old Office file")
KIND_XML = Text("berkas XML", "an XML file")
KIND_TEXT = Text("berkas teks", "a text file")
KIND_UNKNOWN = Text("jenis tidak dikenal", "unknown kind")

WHY_DUPLICATE = Text("nama ganda", "a duplicate name")
WHY_ESCAPES = Text("keluar dari foldernya", "it leads out of its folder")
WHY_CONTROL = Text("memuat karakter kendali", "it holds control characters")

_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")


def _mb(size: int) -> Num:
    return Num(round(size / MiB, 1))


@dataclass
class Package:
    """A file that passed the pre-flight: an .xlsx/.xlsm package and what it carries."""

    path: Path
    inventory: Inventory


def preflight(path: Path, limits: Limits = LIMITS) -> Package:
    """Classify ``path`` and bound it; an ``InputRejected`` for anything the loader must not open."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputRejected("not_found", E.NOT_FOUND) from None
    except OSError as error:
        raise InputRejected("unreadable", E.UNREADABLE, detail=error.strerror or str(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputRejected("not_a_file", E.NOT_A_FILE)
    if info.st_size == 0:
        raise InputRejected("empty", E.EMPTY)
    if info.st_size > limits.file_bytes:
        raise InputRejected("too_large", E.TOO_LARGE, size=_mb(info.st_size), limit=_mb(limits.file_bytes))
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            if head.startswith(OLE2_MAGIC):
                handle.seek(0)
                raise _ole_rejection(handle)
            if head.startswith(ZIP_MAGICS):
                return _zip_package(path, handle, info.st_size, limits)
    except InputRejected:
        raise
    except OSError as error:
        raise InputRejected("unreadable", E.UNREADABLE, detail=error.strerror or str(error)) from None
    except Exception as error:  # noqa: BLE001 - a damaged package ends in a message, never a traceback
        raise InputRejected("corrupt", E.CORRUPT, detail=type(error).__name__) from None
    raise _other_rejection(head)


# -- not a zip -----------------------------------------------------------------------------------------


def _ole_rejection(handle: BinaryIO) -> InputRejected:
    """An OLE2 compound file: an encrypted .xlsx (Excel wraps those in OLE2), a legacy .xls, or other Office."""
    import msoffcrypto
    import olefile

    try:
        ole = olefile.OleFileIO(handle)
        streams = {"/".join(entry).casefold() for entry in ole.listdir()}
    except Exception:  # noqa: BLE001 - a broken container
        return InputRejected("corrupt", E.CORRUPT, detail="OLE2")
    if "encryptioninfo" in streams and "encryptedpackage" in streams:
        return InputRejected("encrypted", E.ENCRYPTED)
    if "workbook" in streams or "book" in streams:
        try:
            handle.seek(0)
            encrypted = msoffcrypto.OfficeFile(handle).is_encrypted()
        except Exception:  # noqa: BLE001 - msoffcrypto asserts on odd streams; the file is still an .xls
            encrypted = False
        return InputRejected("encrypted", E.ENCRYPTED_XLS) if encrypted else InputRejected("legacy_xls", E.LEGACY_XLS)
    if "worddocument" in streams:
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_WORD)
    if "powerpoint document" in streams:
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_POWERPOINT)
    return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_OLE)


def _other_rejection(head: bytes) -> InputRejected:
    """Neither zip nor OLE2: say what it is, so the officer knows what was sent."""
    if head.startswith(b"%PDF"):
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_PDF)
    if head.startswith(_IMAGES):
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_IMAGE)
    text = _as_text(head)
    if text is None:
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_UNKNOWN)
    lowered = text.lstrip().casefold()
    if lowered.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lowered or 'progid="excel.sheet"' in lowered:
            return InputRejected("xml_spreadsheet", E.XML_SPREADSHEET)
        if re.search(r"<(?:!doctype\s+html|html|table|body|head|meta)\b", lowered):
            return InputRejected("html", E.HTML)
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_XML)
    sample = text if len(text) < _HEAD // 2 else text[: text.rfind("\n") + 1] or text
    try:
        csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_TEXT)
    return InputRejected("csv", E.CSV)


def _as_text(head: bytes) -> str | None:
    """The head of a text file, or None for binary content."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", errors="replace")
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    return None if controls > len(text) // 100 else text


# -- the zip -------------------------------------------------------------------------------------------


def _zip_package(path: Path, handle: BinaryIO, size: int, limits: Limits) -> Package:
    with bounded_zip(handle, size, limits) as archive:
        members = archive.infolist()
        _check_kind(archive, members)
        return _inventory(path, archive, members, limits)


def bounded_zip(handle: BinaryIO, size: int, limits: Limits = LIMITS) -> zipfile.ZipFile:
    """The zip in ``handle``, opened only once its member count, sizes, ratios, names and XML prologs are
    within bounds (an .xlsx here, a .docx in document/preflight.py); the caller closes it."""
    entries, directory_size = _end_record(handle, size)
    if entries is None:
        raise InputRejected("truncated", E.TRUNCATED)
    if entries > limits.members or directory_size > limits.members * 1024:
        raise InputRejected("too_many_parts", E.TOO_MANY_PARTS, count=Num(entries), limit=Num(limits.members))
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile as error:
        raise InputRejected("corrupt", E.CORRUPT, detail=str(error)) from None
    try:
        members = archive.infolist()
        if len(members) > limits.members:
            raise InputRejected("too_many_parts", E.TOO_MANY_PARTS, count=Num(len(members)), limit=Num(limits.members))
        _check_names(members)
        _check_sizes(members, limits)
        _check_prologs(archive, members)
    except BaseException:
        archive.close()
        raise
    return archive


_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"


def _end_record(handle: BinaryIO, size: int) -> tuple[int | None, int]:
    """(entry count, central directory size) from the end record, read before ``zipfile`` parses the
    directory in full; (None, 0) when there is no end record, as in a file cut short."""
    tail_size = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return None, 0
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    locator = tail[at - 20 : at] if at >= 20 else b""
    if locator.startswith(_END64_LOCATOR) and (entries == 0xFFFF or directory_size == 0xFFFFFFFF):
        (offset,) = struct.unpack("<Q", locator[8:16])
        handle.seek(offset)
        record = handle.read(56)
        if not record.startswith(_END64) or len(record) < 56:
            return None, 0
        entries, directory_size = struct.unpack("<QQ", record[32:48])
    return entries, directory_size


def _check_names(members: list[zipfile.ZipInfo]) -> None:
    """Part names: no duplicates (two readers could pick different ones), none leading out, no controls."""
    seen: set[str] = set()
    for info in members:
        name = info.filename
        folded = name.casefold()
        if folded in seen:
            raise InputRejected("unsafe_name", E.UNSAFE_NAME, part=_shown(name), why=WHY_DUPLICATE)
        seen.add(folded)
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
            raise InputRejected("unsafe_name", E.UNSAFE_NAME, part=_shown(name), why=WHY_CONTROL)
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
            raise InputRejected("unsafe_name", E.UNSAFE_NAME, part=_shown(name), why=WHY_ESCAPES)


def _shown(name: str) -> str:
    """A part name fit for a message: control characters made visible, length bounded."""
    visible = "".join(ch if ord(ch) >= 32 and ord(ch) != 127 else f"\\x{ord(ch):02x}" for ch in name)
    return visible if len(visible) <= 120 else visible[:117] + "..."


# Parts read whole into an element tree (here and by the loader): their memory is many times their size.
_TREE_PARTS = re.compile(r"(\.rels|workbook\.xml|styles\.xml|connections\.xml|/externalLink[^/]*\.xml)$", re.IGNORECASE)


def _check_sizes(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Bound what the parts expand to, from the sizes the directory declares (nothing is expanded yet).

    A part that expands to more than declared is stopped by the readers themselves (``zipfile`` and
    python-calamine's zip both refuse to read past the declared size).
    """
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise InputRejected("encrypted", E.ENCRYPTED)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputRejected("corrupt", E.CORRUPT, detail=f"{_shown(info.filename)}: compression {info.compress_type}")
        declared, packed = info.file_size, info.compress_size
        if info.compress_type == zipfile.ZIP_STORED and declared != packed:
            raise InputRejected("corrupt", E.CORRUPT, detail=f"{_shown(info.filename)}: size")
        # Deflate never grows data by more than a few bytes per 16 KiB: more packed than that is a lie.
        if packed > declared + declared // 1000 + 1024:
            raise InputRejected("corrupt", E.CORRUPT, detail=f"{_shown(info.filename)}: size")
        if declared > limits.ratio_floor and declared > limits.ratio * max(packed, 1):
            raise InputRejected(
                "zip_bomb", E.ZIP_BOMB, part=_shown(info.filename), packed=Num(round(packed / 1024, 1)), size=_mb(declared)
            )
        # Worksheets are measured against sheet_bytes later: an oversized one is skipped, not refused.
        limit = limits.tree_bytes if _TREE_PARTS.search(info.filename) else limits.part_bytes
        if declared > limit and "/worksheets/" not in info.filename:
            raise InputRejected("too_large", E.PART_TOO_LARGE, part=_shown(info.filename), size=_mb(declared), limit=_mb(limit))
        total += declared
    if total > limits.expanded_bytes:
        raise InputRejected("zip_bomb", E.ZIP_BOMB_TOTAL, size=_mb(total), limit=_mb(limits.expanded_bytes))


_BLANK = b" \t\r\n"


class _Doctype(Exception):
    pass


class _RootReached(Exception):
    pass


def _check_prologs(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """No XML part may declare a DOCTYPE (the door to entity expansion and external fetches).

    Every part that starts like XML is read up to its root element with expat, which stops at the DOCTYPE
    before any declaration inside it is looked at. Binary parts (pictures, VBA) are skipped after one chunk.
    """
    for info in members:
        if info.is_dir() or info.file_size == 0:
            continue
        with archive.open(info) as stream:
            if _declares_doctype(stream):
                raise InputRejected("doctype", E.DOCTYPE, part=_shown(info.filename))


def _declares_doctype(stream: BinaryIO) -> bool:
    chunks = [stream.read(4096)]
    if not chunks[0].startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has its mark; expat reads it
        start = chunks[0].removeprefix(b"\xef\xbb\xbf").lstrip(_BLANK)
        while not start and chunks[-1]:  # XML may begin after any amount of blank space
            chunks.append(stream.read(65536))
            start = chunks[-1].lstrip(_BLANK)
        if not start.startswith(b"<"):
            return False  # not XML: a picture, vbaProject.bin, printer settings

    def doctype(*_args: object) -> None:
        raise _Doctype

    def root(*_args: object) -> None:
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        while chunk := stream.read(65536):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Doctype:
        return True
    except (_RootReached, expat.ExpatError):
        return False  # malformed XML is the loader's to report as damage
    return False


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The package's main part, from its root relationships."""
    if "_rels/.rels" not in names:
        return None
    for rel in SafeET.fromstring(archive.read("_rels/.rels"), forbid_dtd=True):
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "").lstrip("/")
    return None


def _check_kind(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Only .xlsx/.xlsm go on; other zips (.xlsb, .ods, .docx...) are named."""
    names = {info.filename for info in members}
    if "mimetype" in names:
        with archive.open("mimetype") as stream:
            mimetype = stream.read(200)
        if b"opendocument.spreadsheet" in mimetype:
            raise InputRejected("ods", E.ODS)
        raise InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_OPENDOCUMENT)
    main = _main_part(archive, names)
    if main is None:
        if "xl/workbook.bin" in names:
            raise InputRejected("xlsb", E.XLSB)
        if "xl/workbook.xml" in names:
            raise InputRejected("corrupt", E.CORRUPT, detail="_rels/.rels")
        raise InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_ARCHIVE)
    if main.startswith("word/"):
        raise InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_WORD)
    if main.startswith("ppt/"):
        raise InputRejected("not_workbook", E.NOT_WORKBOOK, kind=KIND_POWERPOINT)
    if main.casefold().endswith(".bin"):
        raise InputRejected("xlsb", E.XLSB)
    if main not in names:
        raise InputRejected("corrupt", E.CORRUPT, detail=_shown(main))


# -- what the package carries --------------------------------------------------------------------------


def _inventory(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], limits: Limits) -> Package:
    from .xlsx import local_name, workbook_parts  # xlsx reads LIMITS from here

    inventory = Inventory()
    by_name = {info.filename: info for info in members}
    for info in members:
        name = info.filename
        lowered = name.casefold()
        if lowered.endswith("vbaproject.bin") or "/macrosheets/" in lowered:
            if not lowered.endswith(".rels"):
                inventory.macros.append(name)
        elif ("/embeddings/" in lowered or "/activex/" in lowered) and not lowered.endswith(".rels"):
            inventory.embedded_objects.append(name)
        elif re.search(r"/externallinks/externallink[^/]*\.xml$", lowered):
            inventory.external_links.extend(_link_targets(archive, name, by_name))
    if "xl/connections.xml" in by_name:
        root = SafeET.fromstring(archive.read("xl/connections.xml"), forbid_dtd=True)
        inventory.connections = [
            element.get("name") or element.get("id", "?") for element in root.iter() if local_name(element.tag) == "connection"
        ]
    for entry in workbook_parts(archive):
        if is_xlwings_steering_sheet(entry.name):
            inventory.steering_sheets.append(entry.name)
        if entry.state in ("hidden", "veryHidden"):
            inventory.hidden_sheets[entry.name] = entry.state
        info = by_name.get(entry.part)
        if info is not None and info.file_size > limits.sheet_bytes:
            inventory.oversized_sheets[entry.name] = Oversize("bytes", info.file_size, limits.sheet_bytes)
    main = _main_part(archive, set(by_name))
    for element in SafeET.fromstring(archive.read(main), forbid_dtd=True).iter():
        if local_name(element.tag) == "calcPr" and element.get("calcMode") == "manual":
            inventory.manual_calculation = True
    return Package(path, inventory)




# xlwings' add-in VBA reads a sheet "<project>.conf" in the active workbook before its own config, and runs
# sheets named "*.py" as embedded code: a submitted workbook can steer the Excel button with them.
XLWINGS_CONFIG_SHEET = "myaddin.conf"


def is_xlwings_steering_sheet(name: str) -> bool:
    folded = name.casefold()
    return folded == XLWINGS_CONFIG_SHEET or folded.endswith(".py")


def _link_targets(archive: zipfile.ZipFile, part: str, by_name: dict[str, zipfile.ZipInfo]) -> list[str]:
    """Where an external link points, as written (a path or URL that is never opened)."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    targets = []
    if rels in by_name:
        for rel in SafeET.fromstring(archive.read(rels), forbid_dtd=True):
            if rel.get("TargetMode") == "External" and rel.get("Target"):
                targets.append(rel.get("Target"))
    return targets or [part]
