"""Reading the words of a pasted table: cell text without markup, header words, captions, row signals.

Reports are written by hand, so every word is matched with the variants and misspellings of real
reports ("Prosentase", "Realisai", "PROGAM").
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

# HTML left in text copied from a web viewer of the report: <b> marks bold, line breaks become spaces.
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)[^>]*>")
_BOLD_TAGS = ("b", "strong")
_BREAK_TAGS = ("br", "p", "li", "div", "td", "th")


def cell_text(value: Any) -> tuple[str, bool]:
    """A cell's text as printed, and whether markup in it said bold ("<b>JUMLAH</b>")."""
    if value is None:
        return "", False
    if type(value) is str:
        return (spaced(value), False) if "<" not in value else _text_of(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), False
    return _text_of(str(value))


def spaced(text: str) -> str:
    """A text without markup, its runs of white space (NBSP too) one space, none at either end. str.split
    knows white space as re's \\s does, at a fraction of a substitution's cost (every cell of a sheet)."""
    return " ".join(text.split())


# Cached: markup is rare, and a text that has it is asked for again (its bold flag, its words).
# Bounded: on a wordy table of 20,000 distinct lines a cache of all of them cost 27 MB for no time won
# (issue 13's memory goal).
@lru_cache(maxsize=4096)
def _text_of(text: str) -> tuple[str, bool]:
    bold = False
    if "<" in text:

        def replace(match: re.Match) -> str:
            nonlocal bold
            name = match.group(2).casefold()
            if name in _BOLD_TAGS:
                bold = True
            return " " if name in _BREAK_TAGS else ""

        text = _TAG.sub(replace, text)
    return spaced(text), bold


_WORD = re.compile(r"%|[0-9a-z]+")


@lru_cache(maxsize=4096)  # asked again and again for the same header and label texts
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words of a header or label; "%" counts as a word."""
    return tuple(_WORD.findall(text.casefold()))


# -- header words ------------------------------------------------------------------------------------

# What a header cell says its column holds. The first concept whose word appears wins, so the order
# matters: "Realisasi %" is a percentage, "Realisasi (Rp)" an amount, "% Capaian" an achievement.
CONCEPTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # "Jenis Anggaran/Program", "Sumber Anggaran", "Jenis Belanja": the kind of a line, a label, never a figure.
    ("uraian", ("jenis", "sumber")),
    ("efisiensi", ("efisiensi",)),
    ("efisien", ("efisien",)),  # "Efisien / Tidak": the verdict, not the figure
    ("serapan", ("serapan", "penyerapan")),
    ("selisih", ("selisih", "sisa", "silpa")),  # SILPA: sisa lebih (pembiayaan) anggaran
    ("capaian", ("capaian",)),
    ("persen", ("persentase", "prosentase", "presentase", "persen", "%")),
    ("realisasi", ("realisasi",)),
    ("target", ("target",)),
    ("anggaran", ("anggaran", "pagu", "alokasi", "dpa", "dipa")),
    ("id", ("id",)),
    ("uraian", ("uraian",)),  # "Kode / Uraian" holds labels (with their codes in front)
    ("kode", ("kode", "rekening")),
    ("indikator", ("indikator", "iku")),
    ("satuan", ("satuan",)),
    ("polaritas", ("polaritas",)),
    ("sasaran", ("sasaran", "tujuan")),
    ("uraian", ("program", "kegiatan", "belanja", "urusan", "rincian")),
    ("kategori", ("kategori", "predikat", "kriteria")),
    ("keterangan", ("keterangan", "ket")),
    ("level", ("level",)),
    ("no", ("no", "nomor")),
)
_VOCABULARY = sorted({word for _, words in CONCEPTS for word in words if len(word) >= 5})


def _first_concepts() -> dict[str, int]:
    """Each header word's first concept in that order: a text's concept is the one of its words' that comes first."""
    first: dict[str, int] = {}
    for rank, (_, words) in enumerate(CONCEPTS):
        for word in words:
            first.setdefault(word, rank)
    return first


_FIRST_CONCEPT = _first_concepts()


@lru_cache(maxsize=4096)
def _spelled(word: str) -> str:
    """The vocabulary word a misspelt header word stands for ("realisai" -> "realisasi"), else itself."""
    if len(word) < 5 or not word.isalpha() or word in _VOCABULARY:
        return word
    close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.8)
    return close[0] if close else word


@lru_cache(maxsize=4096)
def concept(text: str) -> str | None:
    """The concept of a header cell's text, or None."""
    words = [_spelled(word) for word in tokens(text)]
    if not words or len(words) > 12:
        return None
    # "Target Kinerja Capaian Program", "Realisasi capaian program s/d akhir tahun": a header that starts with
    # target / realisasi names that figure, the capaian after it is what is measured ("Realisasi Capaian %"
    # stays a percentage).
    if words[0] in ("target", "realisasi") and "capaian" in words and not {"%", "persen", "persentase"} & set(words):
        return words[0]
    ranks = [_FIRST_CONCEPT[word] for word in words if word in _FIRST_CONCEPT]
    return CONCEPTS[min(ranks)][0] if ranks else None



_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_of(text: str) -> int | None:
    """The year a header cell names ("2022", "Tahun 2023", "TA 2024"), when it names exactly one."""
    found = _YEAR.findall(text)
    if len(found) != 1 or len(text) > 20:
        return None
    return int(found[0])


def years_named(text: str) -> set[int]:
    """Every year a header text names, however long the text ("Capaian Tahun Lalu 2015")."""
    return {int(year) for year in _YEAR.findall(text)}


def has_rp(text: str) -> bool:
    return "rp" in tokens(text)


# -- captions ----------------------------------------------------------------------------------------

_CAPTION = re.compile(
    r"^\s*tabel\s*(?:no\.?\s*)?[:.]?\s*([0-9]+|[ivx]+)\s*[.,\-]\s*([0-9]+)(?:\s*[-.]\s*[0-9]+)?\b", re.IGNORECASE
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def caption_number(text: str) -> str | None:
    """The table number of a caption ("Tabel 3.8", "TABEL : 3.7", "Tabel III.5"), as "3.8"."""
    if len(text) > 200:
        return None
    match = _CAPTION.match(text)
    if not match:
        return None
    chapter = match.group(1).casefold()
    chapter_number = _ROMAN.get(chapter) if not chapter.isdigit() else int(chapter)
    if chapter_number is None:
        return None
    suffix = text[match.end(2):match.end()].strip()
    return f"{chapter_number}.{int(match.group(2))}" + (suffix if suffix else "")


# -- row signals (Tabel 3.8 without codes) -----------------------------------------------------------

_PROGRAM_SPELLINGS = ("program", "progam", "porgram", "prgram", "progran", "pogram", "programm")


def starts_with_program(text: str) -> bool:
    words = tokens(text)
    return bool(words) and _program_word(words[0])


# Cached: a table's labels start with few distinct words ("Sub", "Kegiatan", "Penyediaan"), each compared
# letter by letter with "program" (on a 20,000-line table, 7% of reading it).
@lru_cache(maxsize=4096)
def _program_word(first: str) -> bool:
    return first in _PROGRAM_SPELLINGS or (
        len(first) >= 6 and difflib.SequenceMatcher(None, first, "program").ratio() >= 0.8
    )


def explicit_level_word(text: str) -> str | None:
    """ "kegiatan" or "sub_kegiatan" when the label says so first ("Sub Kegiatan: ...", "Kegiatan ...")."""
    words = tokens(text)
    if words[:2] == ("sub", "kegiatan") or words[:1] in (("subkegiatan",),):
        return "sub_kegiatan"
    if words[:1] == ("kegiatan",):
        return "kegiatan"
    return None


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


# 1 to 99999, also with a thousands point or comma ("1.000", "1,250": sub kegiatan numbered 1,000 and above).
_NUMBER = r"(?:\d{1,5}|\d{1,2}[.,]\d{3})"
_ARABIC = re.compile(rf"^{_NUMBER}\.?$")
_ARABIC_PAREN = re.compile(rf"^{_NUMBER}\)$")  # "1)"
_ARABIC_BOTH = re.compile(rf"^\({_NUMBER}\)\.?$")  # "(1)"
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
# I to XXXIX, written the usual way (XI, XIV, XXV); L, C alone are letters here.
_ROMAN_NUMBER = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})[.)]?$", re.IGNORECASE)
_LETTER = re.compile(r"^[a-z]\.?$", re.IGNORECASE)  # "A", "A.", "a", "a."
_LETTER_PAREN = re.compile(r"^\(?[a-z]\)$", re.IGNORECASE)  # "a)", "(a)"

# Prominence of each numbering, larger above: the outline of Indonesian official documents (tata naskah
# dinas: I. > A. > 1. > a. > 1) > a) > (1) > (a)), with an unnumbered row above the numbered ones (the seed
# numbers its sub kegiatan only) and 1 > 1.1 > 1.1.1.
ROMAN, NONE, CAPITAL, ARABIC, LOWER, ARABIC_PAREN, LOWER_PAREN, ENCLOSED = 10, 8, 7, 6, 3, 2, 1, 0
UNNUMBERED = NONE  # numbering_rank of a text that is no row number (or no text)


def numbering_rank(text: str) -> int:
    """How prominent a row's number is (the ranks above). Parents are the prominent rows."""
    text = text.strip()
    if not text:
        return NONE
    if _ARABIC.match(text):
        return ARABIC
    if _DOTTED.match(text):
        return max(LOWER + 1, ARABIC - text.rstrip(".").count("."))
    if _ARABIC_PAREN.match(text):
        return ARABIC_PAREN
    if _ARABIC_BOTH.match(text):
        return ENCLOSED
    if _LETTER.match(text) and text[0].islower():
        return LOWER  # "i." after "h." is a letter; lowercase numerals of one letter are rarer than that
    if _ROMAN_NUMBER.match(text):
        return ROMAN
    if _LETTER.match(text):
        return CAPITAL
    if _LETTER_PAREN.match(text):
        return ENCLOSED if text.startswith("(") else LOWER_PAREN
    return NONE


_COLUMN_NUMBER_CELL = re.compile(r"\(?-?(\d{1,2})\)?(?:\s*=\s*[\d\s()+\-–x×X*/:.,%]+)?")


def integer_cells(values: Iterable[str]) -> list[int] | None:
    """The integers of a row of column numbers ("1 2 3 4", "(1) (2) (3)", "6 = 4 - 5", "(7)=(5)/(4)x100"),
    else None."""
    numbers = []
    for text in values:
        # "(2)" typed into a cell is -2 to Excel (accounting negative): a column number all the same. A
        # number may carry its column's definition after "=".
        match = _COLUMN_NUMBER_CELL.fullmatch(text.strip().removesuffix(".0"))
        if not match:
            return None
        numbers.append(int(match.group(1)))
    return numbers
