"""The narrative's figures: what a sentence says, read for the checks on it.

Four kinds of sentence are read, each only in the form offices write it, and nothing else:

- a budget sentence: "alokasi anggaran Rp X ... realisasi Rp Y (Z%)". Its own arithmetic (Y / X is Z %,
  rounded or truncated at the printed decimals) is D001; its figures against the table row it names are
  against.py's.
- an efficiency sentence: "alokasi Rp X ... terealisasi Rp Y sehingga efisiensi (sisa) Rp W atau Z %":
  W must be X - Y and Z must be W / X (D003).
- a count: "dari 11 indikator ..., 6 indikator ... , 1 indikator ... dan 4 indikator ...": the parts must
  add up to the whole (D004).
- an indicator sentence: an indicator named in quotes, then its figures ("diperoleh nilai 86,66 sehingga
  capaian 101,95 %"), each with the word before it (realisasi, capaian, target) as its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

# An amount as offices print it: 1.250.000.000 / 1,397,870,000 (groups of three), then perhaps ",00", ".00",
# ",-" or "-" (kept out of the figure).
_DIGITS = r"(\d{1,3}(?:[.,]\s?\d{3})+)(?!\d)(?:[.,]\d{2}(?!\d))?"
_AMOUNT = r"Rp\.?\s*" + _DIGITS  # "1.577250.000": no amount
_PERCENT = r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%"
SENTENCE = re.compile(
    # No other amount between the words and their figures: "... realisasi Rp Y sehingga efisiensi Rp W atau Z%"
    # is Z of W, not of Y.
    r"(?:alokasi|anggaran|pagu)(?:(?!Rp)[^%]){0,80}?" + _AMOUNT + r"(?:(?!Rp)[^%]){0,120}?realisasi(?:(?!Rp)[^%]){0,80}?"
    + _AMOUNT + r"[^%\d]{0,40}?" + _PERCENT,
    re.IGNORECASE,
)
# "... alokasi Rp X ... terealisasi Rp Y sehingga (terdapat) efisiensi / sisa (anggaran) Rp W atau Z %".
EFFICIENCY = re.compile(
    r"(?:alokasi|anggaran|pagu)(?:(?!Rp)[^%]){0,80}?" + _AMOUNT + r"(?:(?!Rp)[^%]){0,120}?realisasi(?:(?!Rp)[^%]){0,80}?"
    + _AMOUNT + r"[^%\d]{0,40}?(?:efisiensi|sisa|selisih)(?:(?!Rp)[^%\d]){0,40}?" + _AMOUNT
    + r"(?:[^%\d]{0,15}?" + _PERCENT + r")?",
    re.IGNORECASE,
)


def _amount(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _percent(raw: str) -> tuple[Decimal, int]:
    decimals = len(re.split(r"[.,]", raw)[1]) if re.search(r"[.,]", raw) else 0
    return Decimal(raw.replace(",", ".")), decimals


def _fits(printed: Decimal, decimals: int, ratio: Decimal) -> bool:
    """The printed percentage is the ratio rounded or truncated at its printed decimals."""
    step = Decimal(1).scaleb(-decimals)
    return printed in (ratio.quantize(step, ROUND_HALF_UP), ratio.quantize(step, ROUND_DOWN))


def _quote(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Contradiction:
    quote: str
    allocated: int
    realised: int
    printed: float  # the percentage as printed
    decimals: int
    expected: float
    start: int


def contradictions(text: str) -> list[Contradiction]:
    out = []
    for match in SENTENCE.finditer(text):
        allocated, realised = _amount(match.group(1)), _amount(match.group(2))
        printed, decimals = _percent(match.group(3))
        if allocated == 0:
            continue
        ratio = Decimal(realised) * 100 / Decimal(allocated)
        if _fits(printed, decimals, ratio):
            continue
        out.append(Contradiction(_quote(match.group(0)), allocated, realised, float(printed), decimals, float(ratio), match.start()))
    return out


@dataclass(frozen=True)
class BudgetSentence:
    """'... <subject> alokasi Rp X ... realisasi Rp Y (Z%)': the figures and the words before them."""

    quote: str
    subject: str  # the sentence's words before the allocation: where it names its program or kegiatan
    allocated: int
    realised: int
    percent: Decimal
    decimals: int
    start: int  # where the match starts in the text (for a PDF page carried over a page break)


# A sentence starts after a full stop that ends a word (not one inside a figure) or after a percentage.
_SENTENCE_START = re.compile(r"(?:[^\d\s]\.|%\)?[.,;]?|[:;])\s+")
SUBJECT_REACH = 200


def _subject(text: str, start: int) -> str:
    window = text[max(0, start - SUBJECT_REACH) : start]
    starts = [match.end() for match in _SENTENCE_START.finditer(window)]
    return window[starts[-1] :] if starts else window


def budget_sentences(text: str) -> list[BudgetSentence]:
    out = []
    for match in SENTENCE.finditer(text):
        printed, decimals = _percent(match.group(3))
        subject = _subject(text, match.start()) + " " + text[match.start() : match.start(1)]
        out.append(BudgetSentence(_quote(match.group(0)), subject, _amount(match.group(1)), _amount(match.group(2)),
                                  printed, decimals, match.start()))
    return out


@dataclass(frozen=True)
class EfficiencyContradiction:
    """An efficiency (sisa) sentence whose own figures disagree: ``what`` is "amount" or "percent"."""

    quote: str
    what: str
    allocated: int
    realised: int
    printed: float
    expected: float
    decimals: int
    start: int


def efficiency_contradictions(text: str) -> list[EfficiencyContradiction]:
    out = []
    for match in EFFICIENCY.finditer(text):
        allocated, realised, left = (_amount(match.group(index)) for index in (1, 2, 3))
        if allocated == 0 or realised > allocated:
            continue
        quote = _quote(match.group(0))
        if left != allocated - realised:
            out.append(EfficiencyContradiction(quote, "amount", allocated, realised, left, allocated - realised, 0, match.start()))
        if match.group(4):
            printed, decimals = _percent(match.group(4))
            right = Decimal(allocated - realised) * 100 / Decimal(allocated)
            # A percentage that fits the printed amount is that amount's: the amount is the finding then.
            if not _fits(printed, decimals, right) and not _fits(printed, decimals, Decimal(left) * 100 / Decimal(allocated)):
                out.append(EfficiencyContradiction(quote, "percent", allocated, realised, float(printed), float(right), decimals, match.start()))
    return out


# "dari 11 indikator (sasaran strategis), sebanyak 6 indikator tercapai sangat baik (...), 1 indikator ...
# dan (sebanyak) 1 indikator ...": each part "N indikator" with words (and a bracketed range) after it.
_PART = r"(?:sebanyak\s+)?(\d{1,3})\s+indikator\b[^,;.\d()]{0,60}(?:\([^()]{0,30}\))?"
COUNT = re.compile(
    r"\bdari\s+(\d{1,3})\s+indikator\b[^,;.\d]{0,60}?,\s*(" + _PART + r"(?:\s*,\s*(?:dan\s+)?" + _PART + r"|\s+dan\s+" + _PART + r")+)",
    re.IGNORECASE,
)


# The achievement categories a count names ("6 indikator tercapai sangat baik"), longest first.
CATEGORY = re.compile(r"sangat\s+baik|sangat\s+kurang|baik|cukup|sedang|kurang", re.IGNORECASE)
_CAPTION_NAMED = re.compile(r"\btabel\s*:?\s*(\d+(?:\s*[.,]\s*\d+)*)", re.IGNORECASE)


def category_of(text: str) -> str | None:
    match = CATEGORY.search(text)
    return " ".join(match.group(0).lower().split()) if match else None


@dataclass(frozen=True)
class Count:
    """'(Berdasarkan Tabel 3.1) dari N indikator, a indikator <category>, b indikator <category> ...'."""

    quote: str
    whole: int
    parts: tuple[tuple[int, str | None], ...]  # each part's number and the category it names
    table: str | None  # the table the sentence says it counts ("3.1"), when it names one
    start: int


def counts(text: str) -> list[Count]:
    out = []
    for match in COUNT.finditer(text):
        pieces = re.split(r"(?:sebanyak\s+)?\b(\d{1,3})\s+indikator\b", match.group(2), flags=re.IGNORECASE)
        parts = tuple((int(pieces[index]), category_of(pieces[index + 1].split("(")[0])) for index in range(1, len(pieces) - 1, 2))
        named = _CAPTION_NAMED.search(_subject(text, match.start()))
        table = re.sub(r"\s", "", named.group(1)).replace(",", ".") if named else None
        out.append(Count(_quote(match.group(0)), int(match.group(1)), parts, table, match.start()))
    return out


def count_contradictions(text: str) -> list[Count]:
    """The counts whose parts do not add up to their whole."""
    return [item for item in counts(text) if len(item.parts) >= 2 and sum(n for n, _ in item.parts) != item.whole]


# An indicator sentence: the indicator's name in quotes, then its figures up to the sentence's end.
_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{4,160})[\u201d\"]")
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)(?![\d]|[.,]\d)(\s*%)?")
_ROLE = re.compile(r"\b(realisasi|nilai|capaian|mencapai|target)\w*", re.IGNORECASE)
ROLES = {"realisasi": "realisasi", "nilai": "realisasi", "capaian": "capaian", "mencapai": "capaian", "target": "target"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"[^\d\s]\.(?:\s|$)|\.\s+(?=[A-Z])")


@dataclass(frozen=True)
class Figure:
    raw: str
    role: str
    percent: bool


@dataclass(frozen=True)
class IndicatorSentence:
    quote: str
    name: str
    figures: tuple[Figure, ...]
    start: int


def indicator_sentences(text: str) -> list[IndicatorSentence]:
    out = []
    for match in _QUOTED.finditer(text):
        end = _SENTENCE_END.search(text, match.end())
        rest = text[match.end() : end.start() + 1 if end else len(text)]
        following = _QUOTED.search(rest)
        if following:  # the figures after another quoted name are that name's
            rest = rest[: following.start()]
        figures = []
        for figure in _FIGURE.finditer(rest):
            raw = figure.group(1)
            after = rest[figure.end() : figure.end() + 12]
            if _YEAR.fullmatch(raw) or re.match(r"\s*\(\s*[a-z]+\s*\)", after):  # a year, "3 (tiga)"
                continue
            if rest[figure.start() - 1 : figure.start()] == "(" or after.startswith(")"):
                continue  # "(1)": an enumeration
            roles = _ROLE.findall(rest[: figure.start()])
            if not roles:
                continue
            figures.append(Figure(raw, ROLES[roles[-1].lower()], bool(figure.group(2))))
        if figures:
            quote = _quote(text[match.start() : match.end() + len(rest)])
            out.append(IndicatorSentence(quote, match.group(1).strip(), tuple(figures), match.start()))
    return out
