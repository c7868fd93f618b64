"""Budget codes of the Kepmendagri 050-5889/2021 nomenclature.

program ``X.XX.XX``, kegiatan ``X.XX.XX.D.XX``, sub kegiatan ``X.XX.XX.D.XX.XXXX``. Codes in the wild carry
a 2-digit level (``7.01.01.02.01``), 2- or 3-digit sub parts, trailing dots, spaces and commas for dots:
they are accepted, normalised, and the canonical form is reported.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Level(enum.Enum):
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    # An account line (rekening 5.1.02.01.01.0001) under a sub kegiatan: the fourth level of a SIPD export.
    AKUN = "rekening"
    TOTAL = "jumlah"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label_id(self) -> str:
        return {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan", "rekening": "Rekening",
            "jumlah": "Jumlah"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        return {"program": "Program", "kegiatan": "Activity", "sub_kegiatan": "Sub-activity", "rekening": "Account",
            "jumlah": "Total"}[
            self.value
        ]


_RANKS = {Level.TOTAL: 0, Level.PROGRAM: 1, Level.KEGIATAN: 2, Level.SUB_KEGIATAN: 3, Level.AKUN: 4}

_LEVEL_WORDS = {
    "program": Level.PROGRAM,
    "progam": Level.PROGRAM,
    "kegiatan": Level.KEGIATAN,
    "sub kegiatan": Level.SUB_KEGIATAN,
    "subkegiatan": Level.SUB_KEGIATAN,
    "sub-kegiatan": Level.SUB_KEGIATAN,
    "jumlah": Level.TOTAL,
    "total": Level.TOTAL,
}


def level_from_label(text: str) -> Level | None:
    """The level typed in a level column ("Program", "Sub Kegiatan", ...)."""
    return _LEVEL_WORDS.get(re.sub(r"\s+", " ", text.strip().casefold()))


@dataclass(slots=True, unsafe_hash=True)  # one per budget line: built often, treated as immutable
class Code:
    raw: str
    canonical: str
    level: Level

    @property
    def changed(self) -> bool:
        return self.raw.strip() != self.canonical

    @property
    def parent(self) -> str | None:
        segments = self.canonical.split(".")
        if self.level is Level.PROGRAM:
            return None
        keep = 3 if self.level is Level.KEGIATAN else 5
        return ".".join(segments[:keep])


_SEGMENTS = re.compile(r"^\d+(?:\.\d+)*$")


_CANONICAL = re.compile(r"\d\.\d\d\.\d\d(?:\.[12]\.\d\d(\.\d{4})?)?")
_LEVEL_BY_LENGTH = {7: Level.PROGRAM, 12: Level.KEGIATAN, 17: Level.SUB_KEGIATAN}


def parse_code(raw: str) -> Code | None:
    """Normalise a budget code; None when it is not one."""
    if type(raw) is str and _CANONICAL.fullmatch(raw):
        return Code(raw, raw, _LEVEL_BY_LENGTH[len(raw)])  # already in the standard form (most codes)
    text = re.sub(r"\s+", "", str(raw)).replace(",", ".").strip(".")
    if not text or not _SEGMENTS.match(text):
        return None
    segments = text.split(".")
    if len(segments) not in (3, 5, 6):
        return None
    urusan, bidang, program = segments[:3]
    if len(urusan) != 1 or not 1 <= len(bidang) <= 2 or not 1 <= len(program) <= 2:
        return None
    canonical = [urusan, bidang.zfill(2), program.zfill(2)]
    level = Level.PROGRAM
    if len(segments) >= 5:
        unit, kegiatan = segments[3], segments[4]
        if unit.lstrip("0") not in ("1", "2") or len(unit) > 2 or not 1 <= len(kegiatan) <= 2:
            return None
        canonical += [unit.lstrip("0"), kegiatan.zfill(2)]
        level = Level.KEGIATAN
    if len(segments) == 6:
        sub = segments[5]
        if not 1 <= len(sub) <= 4:
            return None
        canonical.append(sub.zfill(4))
        level = Level.SUB_KEGIATAN
    return Code(raw=str(raw), canonical=".".join(canonical), level=level)
