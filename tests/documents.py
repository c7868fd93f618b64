"""Report documents as offices make them, built in the tests: the seed report as a Word file, a scanned
PDF, a Word 97-2003 .doc."""

from __future__ import annotations

import struct
from pathlib import Path

from pasted import _merge, printed, seed_lines


class _Merges:
    """Where pasted.py's paste would merge cells (the seed's two-row headers, the JUMLAH row), recorded."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int, int, int]] = []

    def merge_cells(self, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
        self.ranges.append((start_row, start_column, end_row, end_column))


def _blocks(lines: list[str]):
    """("table", lines) for runs of tab-separated lines (blank lines inside a table kept out), else
    ("paragraph", line)."""
    index = 0
    while index < len(lines):
        if "\t" not in lines[index]:
            yield "paragraph", lines[index]
            index += 1
            continue
        block = []
        while index < len(lines) and ("\t" in lines[index] or (not lines[index].strip() and index + 1 < len(lines) and "\t" in lines[index + 1])):
            if lines[index].strip():
                block.append(lines[index])
            index += 1
        yield "table", block


def seed_docx(path: Path, lines: list[str] | None = None) -> Path:
    """The seed report's Bab II-III excerpt as Word makes it: captions and narrative as paragraphs, each
    table a Word table, bold where the report is bold, the two-row headers and JUMLAH cells merged."""
    import docx

    document = docx.Document()
    for kind, content in _blocks(lines or seed_lines()):
        if kind == "paragraph":
            text, bold = printed(content)
            if text:
                document.add_paragraph().add_run(text).bold = bold or None
            continue
        rows = [line.split("\t") for line in content]
        width = max(len(cells) for cells in rows)
        table = document.add_table(rows=len(rows), cols=width)
        merges = _Merges()
        for index in range(len(content)):
            _merge(merges, content, index, index + 1, 1)
        for start_row, start_col, end_row, end_col in merges.ranges:
            table.cell(start_row - 1, start_col - 1).merge(table.cell(end_row - 1, end_col - 1))
        covered = {(r, c) for a, b, y, z in merges.ranges for r in range(a, y + 1) for c in range(b, z + 1) if (r, c) != (a, b)}
        for r, cells in enumerate(rows, start=1):
            for c, raw in enumerate(cells, start=1):
                text, bold = printed(raw)
                if text and (r, c) not in covered:
                    table.cell(r - 1, c - 1).paragraphs[0].add_run(text).bold = bold or None
    document.save(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """A scanned report: pages that are pictures only, as a scanner or a phone app saves them."""
    from PIL import Image, ImageDraw

    pages = []
    for number in range(2):
        page = Image.new("RGB", (620, 877), "white")
        draw = ImageDraw.Draw(page)
        draw.text((60, 60), f"Tabel 3.{7 + number}  Realisasi Anggaran", fill="black")
        for row in range(5):
            draw.rectangle((60, 100 + row * 30, 560, 130 + row * 30), outline="black")
            draw.text((70, 108 + row * 30), f"Kegiatan {row + 1}    1.000.000    950.000    95,00", fill="black")
        pages.append(page)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=72)
    return path


def word97_doc(path: Path) -> Path:
    """A minimal Word 97-2003 file: an OLE2 compound file (512-byte sectors) whose directory holds the Root
    Entry and a WordDocument stream, as Word writes it (the stream's content does not matter here)."""
    sector = 512
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # minor, major version, byte order, shifts
    struct.pack_into("<I", header, 44, 1)  # FAT sectors
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<III", header, 60, end, 0, end)  # no mini FAT
    struct.pack_into("<II", header, 68, end, 0)  # no DIFAT sectors
    difat = [0] + [free] * 108
    struct.pack_into("<109I", header, 76, *difat)
    # Sector 0: the FAT; 1: the directory; 2-9: the WordDocument stream (4096 bytes, at the cutoff).
    fat = [fat_sector, end] + [3, 4, 5, 6, 7, 8, 9, end] + [free] * (128 - 10)
    fat_bytes = struct.pack("<128I", *fat)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)  # name length, type, black
        struct.pack_into("<III", raw, 68, free, free, child)  # left, right, child
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    directory = entry("Root Entry", 5, 1, end, 0) + entry("WordDocument", 2, free, 2, 4096) + bytes(256)
    stream = b"\xec\xa5" + bytes(4094)  # Word's FIB magic first
    path.write_bytes(bytes(header) + fat_bytes + directory + stream)
    return path


def word_table(path: Path, rows: list[list[str]], merges: list[tuple[int, int, int, int]] = (), before: list[str] = (),
               more: list[list[list[str]]] = ()) -> Path:
    """A Word file with paragraphs (``before``) and one table as typed: ``rows`` of cell texts (a cell's
    lines split by "\\n", as Enter inside a Word cell makes them), ``merges`` as (row, col, last row, last
    col) from 1, the way Word merges a header's cells; ``more``: further tables after it."""
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    width = max(len(cells) for cells in rows)
    table = document.add_table(rows=len(rows), cols=width)
    covered = {(r, c) for a, b, y, z in merges for r in range(a, y + 1) for c in range(b, z + 1) if (r, c) != (a, b)}
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells, start=1):
            if text and (r, c) not in covered:
                table.cell(r - 1, c - 1).text = text
    for a, b, y, z in merges:
        table.cell(a - 1, b - 1).merge(table.cell(y - 1, z - 1))
    for other in more:  # further tables as typed, after a paragraph each
        document.add_paragraph("")
        added = document.add_table(rows=len(other), cols=max(len(cells) for cells in other))
        for r, cells in enumerate(other):
            for c, text in enumerate(cells):
                added.cell(r, c).text = text
    document.save(str(path))
    return path
