"""Matching the report's Tabel 3.8 lines to the SIPD export's: by Kepmendagri code where the report has one,
else by name.

A name is compared after normalising what copying by hand changes: case, spacing, punctuation, a number or
code in front, the level word ("Program", "Kegiatan"), and common abbreviations ("Peny." for Penyediaan,
"&" for dan). A name equal after that, and found once (within the parent already matched when it occurs
more than once), is as good as a code. A name that is only similar (a misspelling: the ratio of
``difflib``) is shown as such and never carries an error.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..codes import Level, parse_code
from ..model import BudgetRow, BudgetTable
from ..numbers import money_equal
from .export import LEVELS, Entry, SipdExport

CODE, NAME, SIMILAR = "code", "name", "similar"
# A misspelt name still matches from this similarity on (difflib ratio of the normalised names) ...
SIMILAR_AT = 0.85
# ... when the next best is clearly worse.
SIMILAR_MARGIN = 0.05
# A code match whose names are less alike than this is not sure enough for an error (a mistyped code).
NAMES_UNLIKE = 0.5

_ABBREVIATIONS = {
    "peny": "penyediaan", "penyed": "penyediaan", "penyel": "penyelenggaraan", "penyelenggaran": "penyelenggaraan",
    "koord": "koordinasi", "kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan", "prov": "provinsi",
    "pemb": "pembangunan", "pemkab": "pemerintah kabupaten", "pemda": "pemerintah daerah", "pel": "pelayanan",
    "pelay": "pelayanan", "peng": "pengelolaan", "pengel": "pengelolaan", "adm": "administrasi",
    "admin": "administrasi", "keu": "keuangan", "yg": "yang", "dg": "dengan", "dgn": "dengan", "utk": "untuk",
    "thd": "terhadap", "tdk": "tidak", "sd": "sumber daya", "sdm": "sumber daya manusia", "kes": "kesehatan",
    "masy": "masyarakat", "pemerintahaan": "pemerintahan", "kab/kota": "kabupaten kota", "pd": "perangkat daerah",
}
_LEADING = re.compile(r"^\s*(?:\d+(?:[.,]\s*\d+)*\.?|[a-z]\.|[a-z]\)|\d+\)|[ivx]+\.)\s+", re.IGNORECASE)
_CODE_IN_LABEL = re.compile(r"^\s*(\d{1,2}(?:\s*[.,]\s*\d{1,4}){2,5})\.?(?=\s|$)")
_LEVEL_WORDS = re.compile(r"^(?:program|progam|sub\s*-?\s*kegiatan|kegiatan)\b\s*:?\s*", re.IGNORECASE)


def normalise(name: str) -> str:
    text = name.casefold().replace("&", " dan ")
    text = _CODE_IN_LABEL.sub(" ", text)
    text = _LEADING.sub(" ", text)
    text = _LEVEL_WORDS.sub("", text.strip())
    words = re.findall(r"[a-z0-9]+(?:/[a-z0-9]+)?", text)
    out = []
    for word in words:
        word = _ABBREVIATIONS.get(word, word)
        out.extend(word.replace("/", " ").split())
    return " ".join(out)


def code_of(row: BudgetRow) -> str | None:
    """The row's Kepmendagri code: its code cell, or a code typed in front of its Uraian."""
    if row.code is not None:
        return row.code.canonical
    match = _CODE_IN_LABEL.match(row.label.text or "")
    if match:
        code = parse_code(match.group(1))
        return code.canonical if code is not None else None
    return None


@dataclass(eq=False)
class Line:
    """One program, kegiatan or sub kegiatan of the report's Tabel 3.8."""

    row: BudgetRow
    code: str | None
    norm: str
    parent: Line | None = None
    children: list[Line] = field(default_factory=list)


@dataclass(eq=False)
class Match:
    line: Line
    entry: Entry
    export: SipdExport
    basis: str  # CODE, NAME or SIMILAR
    ratio: float = 1.0  # how alike the names are
    ambiguous: bool = False  # more than one SIPD line fits; the one chosen is not sure
    code_differs: bool = False  # found by name although the report's code is not SIPD's

    @property
    def sure(self) -> bool:
        """Sure enough for an error: by code with names alike, or by a name exact after normalising and unique."""
        if self.ambiguous or self.code_differs:
            return False
        if self.basis == CODE:
            return self.ratio >= NAMES_UNLIKE
        return self.basis == NAME


def report_lines(table: BudgetTable) -> list[Line]:
    lines: list[Line] = []
    by_row: dict[int, Line] = {}
    for row in table.rows:
        if row.level not in LEVELS:
            continue
        line = Line(row, code_of(row), normalise(row.label.text or ""))
        by_row[id(row)] = line
        lines.append(line)
    for line in lines:
        parent = line.row.parent
        while parent is not None and id(parent) not in by_row:
            parent = parent.parent
        if parent is not None:
            line.parent = by_row[id(parent)]
            line.parent.children.append(line)
    return lines


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def _equal_anggaran(line: Line, entry: Entry) -> bool:
    value = line.row.anggaran.value
    return value is not None and entry.anggaran is not None and money_equal(value, entry.anggaran)


def _pick(line: Line, candidates: list[Entry]) -> tuple[Entry, bool]:
    """One of several candidates: the only one with the same anggaran, else the first (ambiguous)."""
    if len(candidates) == 1:
        return candidates[0], False
    equal = [entry for entry in candidates if _equal_anggaran(line, entry)]
    if len(equal) == 1:
        return equal[0], False
    return (equal or candidates)[0], True


class Matcher:
    def __init__(self, entries: list[tuple[Entry, SipdExport]], similar: bool = True):
        """``similar``: also match by a similar name (the slow part; not needed to choose a unit)."""
        self.entries = entries
        self.similar = similar
        self.by_code: dict[str, list[tuple[Entry, SipdExport]]] = {}
        self.by_name: dict[str, list[tuple[Entry, SipdExport]]] = {}
        self.norms: dict[int, str] = {}
        self.exports = {id(entry): export for entry, export in entries}
        for entry, export in entries:
            self.by_code.setdefault(entry.code, []).append((entry, export))
            norm = normalise(entry.name)
            self.norms[id(entry)] = norm
            self.by_name.setdefault(norm, []).append((entry, export))

    def match(self, lines: list[Line]) -> dict[int, Match]:
        """Each line's match (keyed by id(line)), parents before their children."""
        matches: dict[int, Match] = {}
        for line in lines:
            found = self._match(line, matches)
            if found is not None:
                matches[id(line)] = found
        return matches

    def _within_parent(self, line: Line, candidates: list[tuple[Entry, SipdExport]], matches: dict[int, Match]):
        parent = matches.get(id(line.parent)) if line.parent is not None else None
        if parent is None or len(candidates) < 2:
            return candidates
        inside = [item for item in candidates if item[0].parent is parent.entry]
        return inside or candidates

    def _match(self, line: Line, matches: dict[int, Match]) -> Match | None:
        exports = self.exports
        if line.code is not None and line.code in self.by_code:
            candidates = self._within_parent(line, self.by_code[line.code], matches)
            entry, ambiguous = _pick(line, [entry for entry, _ in candidates])
            return Match(line, entry, exports[id(entry)], CODE, _name_likeness(line.norm, self.norms[id(entry)]), ambiguous)
        code_differs = line.code is not None
        if not line.norm:
            return None
        candidates = self.by_name.get(line.norm, [])
        if len(candidates) > 1 and line.row.level is not None and line.row.level_source in ("code", "column"):
            candidates = [item for item in candidates if item[0].level is line.row.level] or candidates
        candidates = self._within_parent(line, candidates, matches)
        if candidates:
            entry, ambiguous = _pick(line, [entry for entry, _ in candidates])
            return Match(line, entry, exports[id(entry)], NAME, 1.0, ambiguous, code_differs)
        if not self.similar:
            return None
        scored = sorted(
            ((_ratio(line.norm, self.norms[id(entry)]), index) for index, (entry, _) in enumerate(self.entries)
             if difflib.SequenceMatcher(None, line.norm, self.norms[id(entry)]).real_quick_ratio() >= SIMILAR_AT),
            reverse=True,
        )
        if scored and scored[0][0] >= SIMILAR_AT:
            best, index = scored[0]
            clear = len(scored) == 1 or scored[1][0] <= best - SIMILAR_MARGIN
            entry, export = self.entries[index]
            return Match(line, entry, export, SIMILAR, best, not clear, code_differs)
        return None


def _name_likeness(a: str, b: str) -> float:
    """How alike two normalised names are; a name contained in the other (shortened) counts as alike."""
    if not a or not b:
        return 1.0  # no name to compare: the code alone speaks
    if a in b or b in a:
        return 1.0
    return _ratio(a, b)
