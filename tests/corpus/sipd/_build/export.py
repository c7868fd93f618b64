"""Read a SIPD export ("Rekapitulasi belanja menurut urusan, organisasi, program, kegiatan ... sub kegiatan") by
hand: our own reading with openpyxl and Decimal, independent of lkjip_xl.

Layout of both Sumenep exports (rows 10 on): the code split over A (urusan/bidang), B (organisasi/unit), C
(program `X.XX.XX`, kegiatan `X.XX.XX.D.XX`, sub kegiatan `X.XX.XX.D.XX.XXXX`), D (account 5.x.xx...), the
name in E, Operasi anggaran/realisasi in F/G, Modal in H/I, Total in J/K (= F + H, G + I). Figures are numbers,
or text typed the Indonesian way ('0,00', '467.998.630.663,83').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import load_workbook


def dec(value) -> Decimal:
    """A figure of the export: a number, or Indonesian text ('1.234.567,89', '0,00'); empty is 0."""
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    s = str(value).strip().replace(".", "").replace(",", ".")
    return Decimal(s)


@dataclass
class Line:
    """One program, kegiatan or sub kegiatan of the export, with where it stands."""
    level: str  # program | kegiatan | sub
    code: str
    name: str
    row: int
    anggaran: Decimal  # Total group: Operasi + Modal
    realisasi: Decimal
    accounts: int = 0  # account leaves summed into a sub kegiatan
    children: list = field(default_factory=list)


LEVELS = {2: "program", 4: "kegiatan", 5: "sub"}


def read_export(path, sheet: str, unit: str):
    """The programs of one organisation unit (column B) as a tree, every figure checked twice:
    a sub kegiatan's Total = the sum of its account leaves (Operasi + Modal), and each parent = sum of children.
    Returns (programs, total_row_figures, notes)."""
    wb = load_workbook(path, data_only=True)
    ws = wb[sheet]
    rows = [[ws.cell(r, c).value for c in range(1, 12)] for r in range(1, ws.max_row + 1)]
    programs: list[Line] = []
    by_code: dict[str, Line] = {}
    accounts: dict[str, list[tuple[int, str, Decimal, Decimal]]] = {}
    for r, values in enumerate(rows, start=1):
        if r < 10:
            continue
        a, b, c, d, e, f, g, h, i, j, k = values
        if str(b or "").strip() != unit or not c:
            continue
        c = str(c).strip()
        ang, rea = dec(f) + dec(h), dec(g) + dec(i)
        # J and K hold =F+H and =G+I; their cached values must agree with our sum
        if j is not None and dec(j) != ang or k is not None and dec(k) != rea:
            raise AssertionError(f"{sheet}!J/K{r}: Total != Operasi + Modal")
        if d:
            accounts.setdefault(c, []).append((r, str(d).strip(), ang, rea))
            continue
        level = LEVELS[c.count(".")]
        line = Line(level, c, str(e).strip(), r, ang, rea)
        by_code[c] = line
        if level == "program":
            programs.append(line)
        else:
            parent = by_code[c.rsplit(".", 1)[0] if level == "sub" else ".".join(c.split(".")[:3])]
            parent.children.append(line)
    for sub in (line for line in by_code.values() if line.level == "sub"):
        accs = accounts.get(sub.code, [])
        codes = [acc for _, acc, _, _ in accs]
        leaves = [(ang, rea) for _, acc, ang, rea in accs if not any(o.startswith(acc + ".") for o in codes)]
        sa, sr = sum((x for x, _ in leaves), Decimal(0)), sum((y for _, y in leaves), Decimal(0))
        if (sa, sr) != (sub.anggaran, sub.realisasi):
            raise AssertionError(f"{sub.code}: account leaves {sa}/{sr} != sub kegiatan {sub.anggaran}/{sub.realisasi}")
        sub.accounts = len(leaves)
    for parent in (line for line in by_code.values() if line.level != "sub"):
        sa = sum((ch.anggaran for ch in parent.children), Decimal(0))
        sr = sum((ch.realisasi for ch in parent.children), Decimal(0))
        if (sa, sr) != (parent.anggaran, parent.realisasi):
            raise AssertionError(f"{parent.code}: children {sa}/{sr} != {parent.anggaran}/{parent.realisasi}")
    return programs


def title_lines(path, sheet: str) -> list[str]:
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    return [str(row[0]) for row in ws.iter_rows(min_row=1, max_row=4, max_col=1, values_only=True) if row[0]]


def is_code(s: str) -> bool:
    return bool(re.fullmatch(r"\d+(\.\d+)+", s))
