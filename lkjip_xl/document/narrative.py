"""The narrative's own arithmetic: "alokasi anggaran Rp X ... realisasi Rp Y (Z%)", where Y / X is not Z %.

Only a sentence that names the allocation, then the realisation, then the percentage, each as printed, is
read; the figures are compared with each other, not with any table (that is the next step: the table row
the sentence speaks of). A percentage that is Y / X rounded or truncated at its printed decimals is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

# An amount as offices print it: 1.250.000.000 / 1,397,870,000 (groups of three), then perhaps ",00", ".00",
# ",-" or "-" (kept out of the figure).
_AMOUNT = r"Rp\.?\s*(\d{1,3}(?:[.,]\s?\d{3})+)(?!\d)(?:[.,]\d{2}(?!\d))?"  # "1.577250.000": no amount
_PERCENT = r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%"
SENTENCE = re.compile(
    # No other amount between the words and their figures: "... realisasi Rp Y sehingga efisiensi Rp W atau Z%"
    # is Z of W, not of Y.
    r"(?:alokasi|anggaran|pagu)(?:(?!Rp)[^%]){0,80}?" + _AMOUNT + r"(?:(?!Rp)[^%]){0,120}?realisasi(?:(?!Rp)[^%]){0,80}?"
    + _AMOUNT + r"[^%\d]{0,40}?" + _PERCENT,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Contradiction:
    quote: str
    allocated: int
    realised: int
    printed: float  # the percentage as printed
    decimals: int
    expected: float


def _amount(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def contradictions(text: str) -> list[Contradiction]:
    out = []
    for match in SENTENCE.finditer(text):
        allocated, realised = _amount(match.group(1)), _amount(match.group(2))
        raw = match.group(3)
        decimals = len(re.split(r"[.,]", raw)[1]) if re.search(r"[.,]", raw) else 0
        printed = Decimal(raw.replace(",", "."))
        if allocated == 0:
            continue
        ratio = Decimal(realised) * 100 / Decimal(allocated)
        step = Decimal(1).scaleb(-decimals)
        if printed in (ratio.quantize(step, ROUND_HALF_UP), ratio.quantize(step, ROUND_DOWN)):
            continue
        out.append(Contradiction(" ".join(match.group(0).split()), allocated, realised, float(printed), decimals, float(ratio)))
    return out
