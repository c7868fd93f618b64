"""The performance side of the domain (domain.md, "Formulas"): capaian with polarity, category scales,
tingkat efisiensi and its qualitative rule, the IKM scales and the SAKIP predikat.

Pure functions on numbers: the checks, the settings and the template's formulas all follow these.
Percentages are in points (104.8, not 1.048).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass


def _normal(text: str) -> str:
    """Lower case without spaces: how a setting's choice or a label is compared (Excel: LOWER(SUBSTITUTE(x," ","")))."""
    return "".join(str(text).split()).lower()


# -- polarity and capaian -----------------------------------------------------------------------------


class Polarity(enum.Enum):
    POSITIVE = "Positif"  # higher is better
    NEGATIVE = "Negatif"  # lower is better: poverty rate, complaints, service time


def parse_polarity(text: str) -> Polarity | None:
    """The polarity a cell names; None for an empty cell. Raises ValueError for anything else.

    Only the two words of the template's drop-down count, as in its formulas (``=polaritas="Negatif"``).
    """
    word = text.strip().casefold()
    if not word:
        return None
    for polarity in Polarity:
        if word == polarity.value.casefold():
            return polarity
    raise ValueError(text)


def marked_negative(text: str) -> bool:
    """Whether a Polaritas cell says Negatif (anything else, unreadable text too, leaves the positive rule)."""
    try:
        return parse_polarity(text) is Polarity.NEGATIVE
    except ValueError:
        return False


class NegativeFormula(enum.Enum):
    """How capaian is computed for a negative-polarity indicator (configurable: offices differ)."""

    DOUBLE_TARGET = "(2 x target - realisasi) / target"  # PermenPANRB 6/2022 "kondisi khusus"
    INVERSE = "target / realisasi"

    @classmethod
    def parse(cls, value: object) -> NegativeFormula:
        key = _normal(value).replace("×", "x").replace("*", "x").replace("−", "-")
        for formula in cls:
            if key == _normal(formula.value):
                return formula
        raise ValueError(value)


def capaian(
    target: float | None,
    realisasi: float | None,
    polarity: Polarity = Polarity.POSITIVE,
    negative_formula: NegativeFormula = NegativeFormula.DOUBLE_TARGET,
) -> float | None:
    """Capaian in points, or None when it cannot be computed (no target, target 0, no realisasi)."""
    if target is None or realisasi is None or target == 0:
        return None
    if polarity is Polarity.NEGATIVE:
        if negative_formula is NegativeFormula.INVERSE:
            return None if realisasi == 0 else target / realisasi * 100
        return (2 * target - realisasi) / target * 100
    return realisasi / target * 100


def capaian_range(
    target: tuple[float, float],
    realisasi: tuple[float, float],
    polarity: Polarity = Polarity.POSITIVE,
    negative_formula: NegativeFormula = NegativeFormula.DOUBLE_TARGET,
) -> tuple[float, float] | None:
    """The lowest and highest capaian of any target and realisasi within the given bounds; None when a
    divisor's bounds hold 0. Every formula is monotonic in each figure, so the corners bound it."""
    divisor = realisasi if polarity is Polarity.NEGATIVE and negative_formula is NegativeFormula.INVERSE else target
    if divisor[0] <= 0 <= divisor[1]:
        return None
    values = [capaian(t, r, polarity, negative_formula) for t in target for r in realisasi]
    if any(value is None for value in values):
        return None
    return min(values), max(values)  # type: ignore[type-var]


# -- efficiency (Tabel 3.5) ---------------------------------------------------------------------------


class EfficiencyFormula(enum.Enum):
    """Tingkat efisiensi: no national formula, so it is a setting (default: the seed's 100 − % serapan)."""

    REMAINDER = "100 - serapan"
    DIFFERENCE = "capaian - serapan"
    RATIO = "capaian / serapan"

    @classmethod
    def parse(cls, value: object) -> EfficiencyFormula:
        key = _normal(value).replace("%", "").replace("−", "-")
        for formula in cls:
            if key == _normal(formula.value):
                return formula
        raise ValueError(value)


def efficiency(serapan: float | None, mean_capaian: float | None, formula: EfficiencyFormula) -> float | None:
    """Tingkat efisiensi in points from % serapan and the mean capaian of the sasaran it funds."""
    if serapan is None:
        return None
    if formula is EfficiencyFormula.REMAINDER:
        return 100 - serapan
    if mean_capaian is None:
        return None
    if formula is EfficiencyFormula.DIFFERENCE:
        return mean_capaian - serapan
    return None if serapan == 0 else mean_capaian / serapan * 100


class Verdict(enum.Enum):
    """The qualitative rule of the seed's A.6 (domain.md): the only two words it defines."""

    EFFICIENT = "Efisien"
    INEFFICIENT = "Tidak Efisien"


def efficiency_verdict(mean_capaian: float | None, serapan: float | None) -> Verdict | None:
    """Efisien: mean capaian ≥ 100 and serapan < it; tidak efisien: mean < 100 and serapan > it; else none."""
    if mean_capaian is None or serapan is None:
        return None
    if mean_capaian >= 100 and serapan < mean_capaian:
        return Verdict.EFFICIENT
    if mean_capaian < 100 and serapan > mean_capaian:
        return Verdict.INEFFICIENT
    return None


def read_verdict(text: str) -> tuple[Verdict | None, bool]:
    """What an efficiency label says, and whether it is one of the rule's own words.

    "Sangat Efisien" means efficient but is not the rule's word; "Kurang Efisien" says neither.
    """
    words = _normal(text)
    for verdict in Verdict:
        if words == _normal(verdict.value):
            return verdict, True
    if "efisien" not in words:
        return None, False
    if re.search(r"(tidak|tdk)efisien|^inefisien", words):  # "Sangat Tidak Efisien" too
        return Verdict.INEFFICIENT, False
    if "kurangefisien" in words:
        return None, False
    return Verdict.EFFICIENT, False


def is_efficiency_label(text: str) -> bool:
    return "efisien" in _normal(text)


# -- category scales ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """Capaian above ``bound`` (or at it when ``inclusive``) gets ``label``; the last band has no bound."""

    label: str
    bound: float | None = None
    inclusive: bool = True

    def holds(self, value: float) -> bool:
        if self.bound is None:
            return True
        return value >= self.bound if self.inclusive else value > self.bound

    def spec(self) -> str:
        if self.bound is None:
            return self.label
        return f"{'>=' if self.inclusive else '>'} {_number_text(self.bound)} {self.label}"


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Scale:
    """A category scale, highest band first. ``name`` is the preset's name, or "" for an office's own scale."""

    bands: tuple[Band, ...]
    name: str = ""

    def category(self, value: float) -> str:
        value = round(value, 9)  # 85.00000000000001 (85/100*100) is 85, as Excel's 0.85 is
        for band in self.bands:
            if band.holds(value):
                return band.label
        return self.bands[-1].label

    @property
    def labels(self) -> list[str]:
        return [band.label for band in self.bands]

    def knows(self, label: str) -> str | None:
        """This scale's spelling of ``label`` (compared without case and spaces), or None."""
        wanted = _normal(label)
        return next((own for own in self.labels if _normal(own) == wanted), None)

    @property
    def spec(self) -> str:
        return "; ".join(band.spec() for band in self.bands)

    def __str__(self) -> str:
        return self.name or self.spec


# The seed's Tabel 3.1 (Inspektorat Kab. Blora) and the bands of Permendagri 86/2017.
TABEL_31 = Scale(
    (Band("Sangat Baik", 100, False), Band("Baik", 85), Band("Cukup", 65), Band("Kurang", 50), Band("Sangat Kurang")),
    "Tabel 3.1",
)
PERMENDAGRI_86 = Scale(
    (
        Band("Sangat Tinggi", 90, False),  # ≥ 91
        Band("Tinggi", 75, False),  # 76–90
        Band("Sedang", 65, False),  # 66–75
        Band("Rendah", 50, False),  # 51–65
        Band("Sangat Rendah"),  # ≤ 50
    ),
    "Permendagri 86/2017",
)
SCALE_PRESETS = (TABEL_31, PERMENDAGRI_86)

_BAND = re.compile(r"^(?P<op>>=|≥|>)\s*(?P<bound>-?\d+(?:[.,]\d+)?)\s*%?\s*(?P<label>.+)$")


def parse_scale(value: object) -> Scale:
    """A preset's name, or an office's own scale: "> 100 Sangat Baik; >= 85 Baik; ...; Sangat Kurang".

    Bands go from the highest down; the last one has no bound. Raises ValueError when it does not read.
    """
    text = str(value).strip()
    for preset in SCALE_PRESETS:
        if _normal(text) == _normal(preset.name):
            return preset
    parts = [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
    if len(parts) < 2:
        raise ValueError(value)
    bands = []
    for part in parts[:-1]:
        match = _BAND.match(part)
        if not match:
            raise ValueError(part)
        bound = float(match.group("bound").replace(",", "."))
        bands.append(Band(match.group("label").strip(), bound, match.group("op") != ">"))
    if _BAND.match(parts[-1]):
        raise ValueError(parts[-1])  # the lowest band takes everything below: it has no bound
    bands.append(Band(parts[-1]))
    bounds = [band.bound for band in bands[:-1]]
    if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
        raise ValueError(value)
    return Scale(tuple(bands))


# -- IKM and SAKIP -------------------------------------------------------------------------------------

IKM_FACTOR = 25  # NIK = NI × 25 (PermenPANRB 14/2017)


class IkmScale(enum.Enum):
    NI = "NI"  # nilai interval, 1–4
    NIK = "NIK"  # nilai interval konversi, 25–100

    def convert(self, value: float, to: IkmScale) -> float:
        if self is to:
            return value
        return value * IKM_FACTOR if to is IkmScale.NIK else value / IKM_FACTOR


def ikm_scale(value: float | None) -> IkmScale | None:
    """Which IKM scale a value is on; None when it is on neither (or missing)."""
    if value is None:
        return None
    if 1 <= value <= 4:
        return IkmScale.NI
    if 25 <= value <= 100:
        return IkmScale.NIK
    return None


# Nilai SAKIP → predikat (domain.md): above each bound.
PREDIKAT = (("AA", 90), ("A", 80), ("BB", 70), ("B", 60), ("CC", 50), ("C", 30), ("D", None))


def sakip_predikat(nilai: float) -> str:
    for predikat, bound in PREDIKAT:
        if bound is None or nilai > bound:
            return predikat
    return "D"


_PREDIKAT_TEXT = re.compile(r"^(?:predikat\s*:?\s*)?\(?\s*(AA|BB|CC|A|B|C|D)\s*\)?$", re.IGNORECASE)
_PREDIKAT_IN_TEXT = re.compile(r"predikat\s*:?\s*\(?\s*(AA|BB|CC|A|B|C|D)\b", re.IGNORECASE)


def predikat_in(text: str) -> str | None:
    """A SAKIP predikat written in a cell: "BB", "Predikat BB", "(BB)"; None when there is none."""
    text = text.strip()
    match = _PREDIKAT_TEXT.match(text) or _PREDIKAT_IN_TEXT.search(text)
    return match.group(1).upper() if match else None


# -- which indicator is which ---------------------------------------------------------------------

_IKM = re.compile(r"kepuasan\s+masyarakat")
# The abbreviations IKM and SKM name the satisfaction index only as the thing measured: alone, or after a word
# that says which figure of it ("Nilai IKM", "Hasil Survei IKM"). After another noun they qualify it: "unit
# usaha IKM", "Nilai Produksi IKM" and "SDM IKM" speak of Industri Kecil Menengah, which has no index scale.
_IKM_ABBREVIATION = re.compile(r"(?:^|\b(indeks|indek|index|nilai|survei|survey|hasil|skor|capaian|rata|peningkatan|"
                               r"meningkatnya|tingkat|target|realisasi)\s+|\(\s*)(?:ikm|skm)\b")
_SAKIP = re.compile(r"\bs?akip\b|akuntabilitas\s+kinerja")
_FILLER = {"indeks", "indek", "index", "nilai", "predikat", "persentase", "prosentase", "jumlah", "tingkat", "dan", "di", "yang", "terhadap", "pada"}


def _folded(text: str) -> str:
    # Accents go as the marks NFKD splits off ("Kéren" is "Keren"), before the rest of the punctuation.
    text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


def family(name: str) -> str | None:
    """"ikm" or "sakip" for the two indicators with rules of their own, from the indicator's name."""
    folded = _folded(name)
    if _IKM.search(folded) or _IKM_ABBREVIATION.search(folded):
        return "ikm"
    if _SAKIP.search(folded):
        return "sakip"
    return None


def text_key(text: str) -> str:
    """A text as compared when it names something (a sasaran): no case, accents, punctuation or extra spaces."""
    return " ".join(_folded(text).split())


def name_key(name: str) -> str:
    """A name reduced for matching one indicator across tables when it has no ID.

    "Indek Kepuasan Masyarakat (IKM)" and "Indeks IKM" are one indicator; so are "Predikat Nilai Sakip"
    and "Nilai SAKIP". Other names lose case, punctuation and filler words ("indeks", "nilai", ...).
    """
    known = family(name)
    if known:
        return known
    return " ".join(word for word in _folded(name).split() if word not in _FILLER)


def id_key(text: str) -> str:
    """An indicator ID or a list entry as compared (Excel: UPPER(SUBSTITUTE(x," ",""))): no case, no spaces."""
    return "".join(text.split()).casefold()


def split_list(value: object) -> tuple[str, ...]:
    """Entries of a list setting: a TOML array, or text separated by commas, semicolons or new lines."""
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else re.split(r"[,;\n]", str(value))
    return tuple(str(item).strip() for item in items if str(item).strip())


# -- which way is better: polarity read from an indicator's name ------------------------------------------

# Words that make an indicator "lower is better" (domain.md: poverty rate, complaints, service time).
_LOWER_IS_BETTER = re.compile(
    r"\bkematian\b|\bangka kematian\b|\baki\b|\bakb\b|\bakaba\b|\bkemiskinan\b|\bpenduduk miskin\b"
    r"|\bpengangguran\b|\btpt\b|\bstunting\b|\bwasting\b|\bgizi (buruk|kurang)\b|\bprevalensi\b|\bkasus\b"
    r"|\bangka kesakitan\b|\bmorbiditas\b|\binsiden(si)?\b|\bkriminalitas\b|\btindak (pidana|kriminal)\b"
    r"|\b(waktu|lama|lamanya) (rata rata )?(pelayanan|layanan|penyelesaian|proses|tunggu)\b"
    r"|\b(jumlah|banyaknya) (pengaduan|keluhan|temuan)\b|\binflasi\b|\bketimpangan\b|\bgini\b"
    r"|\bputus sekolah\b|\bbuta (huruf|aksara)\b|\bkawasan kumuh\b|\bpemukiman kumuh\b|\bpermukiman kumuh\b"
    r"|\btidak layak huni\b|\brtlh\b|\bbacklog\b|\bkecelakaan\b|\bpelanggaran\b|\bketerlambatan\b"
)
# Words that turn such a name back to "higher is better": the share of cases handled, the fall of a rate.
_HIGHER_IS_BETTER = re.compile(
    r"\bcakupan\b|\bpenurunan\b|\bmenurun(nya)?\b|\bturun(nya)?\b|\bberkurang(nya)?\b|\bpengurangan\b"
    r"|\bpenanganan\b|\bditangani\b|\btertangani\b|\bdiselesaikan\b|\bterselesaikan\b|\bpenyelesaian (kasus|pengaduan|temuan)\b"
    r"|\bditindaklanjuti\b|\btindak lanjut\b|\bpencegahan\b|\bpenanggulangan\b|\bbebas\b|\bdirespon\b|\bterlayani\b"
    r"|\bketepatan\b|\btepat waktu\b|\bkecepatan\b|\bterungkap\b|\bpengungkapan\b|\bpenegakan\b|\bpenindakan\b"
    r"|\bpengendalian\b|\bterkendali\b|\byang (mendapat|mendapatkan|memperoleh|dirawat|dilayani)\b"
)


def lower_is_better(name: str) -> bool:
    """Whether an indicator's name says lower is better ("Angka kematian ibu", "Prevalensi stunting"), and
    nothing in it turns that round ("Cakupan penanganan kasus", "Persentase penurunan angka kemiskinan").
    A hint, never a certainty: the checks say when they lean on it."""
    folded = _folded(name)
    return bool(_LOWER_IS_BETTER.search(folded)) and not _HIGHER_IS_BETTER.search(folded)


# -- values that are not numbers: words and ranges ----------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A target, realisasi or capaian written as a word: "WTP", "BB", "Hijau", "Tercapai", "N/A".

    ``scale`` names a known ordered scale (SAKIP predikat, BPK opinion) and ``rank`` the word's place on it
    (0 is best); both None for other words."""

    text: str
    scale: str | None = None
    rank: int | None = None

    @property
    def key(self) -> str:
        return _normal(self.text)


@dataclass(frozen=True)
class Range:
    """A target written as a range: "80 - 90%", "7 – 8", "≥ 80" (``high`` None), "≤ 5" (``low`` None)."""

    low: float | None
    high: float | None
    text: str

    def contains(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    @property
    def bounds(self) -> tuple[float, ...]:
        return tuple(bound for bound in (self.low, self.high) if bound is not None)


# BPK's audit opinions, best first (WTP, WDP, TW, TMP/disclaimer); the SAKIP predikat are PREDIKAT above.
_OPINI = (
    ("WTP", ("wtp", "wajartanpapengecualian")),
    ("WDP", ("wdp", "wajardenganpengecualian")),
    ("TW", ("tw", "tidakwajar")),
    ("TMP", ("tmp", "tidakmenyatakanpendapat", "disclaimer")),
)
_NUMBER = r"(\d+(?:[.,]\d+)*)"
_RANGE = re.compile(
    rf"^{_NUMBER}\s*%?\s*(?:[-\u2212\u2013\u2014]|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*{_NUMBER}\s*%?$",
    re.IGNORECASE,
)
_BOUND = re.compile(
    rf"^(≥|>=|>|min(?:imal|imum|\.)?|sekurang[- ]kurangnya|≤|<=|<|maks(?:imal|imum|\.)?|max(?:imal|imum|\.)?|paling\s+banyak)"
    rf"\s*:?\s*{_NUMBER}\s*%?$",
    re.IGNORECASE,
)


def _bound_value(text: str) -> float | None:
    from .numbers import Kind, Quantity, parse

    parsed = parse(text, Quantity.VALUE)
    return parsed.value if parsed.kind in (Kind.TEXT, Kind.FOREIGN) else None


def read_word_or_range(text: str) -> Word | Range | None:
    """What a cell that is no number says, when it is a value of its own; None for broken figures
    ("86,8a" keeps its finding: it has digits and is no range)."""
    clean = " ".join(text.split())
    match = _RANGE.match(clean)
    if match:
        low, high = _bound_value(match.group(1)), _bound_value(match.group(2))
        if low is not None and high is not None and low <= high:
            return Range(low, high, clean)
        return None
    match = _BOUND.match(clean)
    if match:
        value = _bound_value(match.group(2))
        if value is None:
            return None
        at_most = match.group(1).lower().startswith(("≤", "<", "maks", "max", "paling"))
        return Range(None, value, clean) if at_most else Range(value, None, clean)
    if re.search(r"\d", clean) or not re.search(r"[^\W\d_]", clean):
        return None
    predikat = predikat_in(clean)
    if predikat is not None:
        return Word(clean, "predikat", [p for p, _ in PREDIKAT].index(predikat))
    key = _normal(re.sub(r"(?i)^opini\s*:?\s*", "", clean)).strip("().")
    for rank, (_, spellings) in enumerate(_OPINI):
        if key in spellings:
            return Word(clean, "opini", rank)
    return Word(clean)


def range_capaian(
    target: Range,
    realisasi: float,
    polarity: Polarity = Polarity.POSITIVE,
    negative_formula: NegativeFormula = NegativeFormula.DOUBLE_TARGET,
) -> float | None:
    """Capaian against a range target as PermenPANRB 6/2022 is read here: a realisasi inside the range is
    100; outside it, the capaian is computed against the bound it passed (above the range: the upper bound,
    below it: the lower bound). "≤ x" targets are lower-is-better whatever the polarity setting says."""
    if target.contains(realisasi):
        return 100.0
    if target.low is None:
        polarity = Polarity.NEGATIVE
    bound = target.high if target.high is not None and realisasi > target.high else target.low
    return capaian(bound, realisasi, polarity, negative_formula)


def range_readings(target: Range, realisasi: float) -> list[float]:
    """Every capaian an office may print for a range target: 100 inside it, and any known formula against
    either bound. Offices differ and the regulation's text is short, so a figure is only doubted when it
    is none of these."""
    readings = [100.0] if target.contains(realisasi) else []
    for bound in target.bounds:
        for polarity, formula in READINGS:
            value = capaian(bound, realisasi, polarity, formula)
            if value is not None:
                readings.append(value)
    return readings


# The three ways a capaian is computed from one target and one realisasi.
READINGS = (
    (Polarity.POSITIVE, NegativeFormula.DOUBLE_TARGET),
    (Polarity.NEGATIVE, NegativeFormula.DOUBLE_TARGET),
    (Polarity.NEGATIVE, NegativeFormula.INVERSE),
)


def scale_of_words(target: Word, realisasi: Word) -> str | None:
    """The ordered scale both words are on (SAKIP predikat, BPK opinion), or None."""
    return target.scale if target.scale is not None and target.scale == realisasi.scale else None


_WITH_UNIT = re.compile(r"^([+\-\u2212]?\s*\d[\d.,]*)\s+([^\W\d_][^\d%]*)$")


def figure_with_unit(text: str) -> tuple[str, str] | None:
    """"30 LPK", "1.000 orang", "12 bulan": a figure printed with its unit (the number's text, the unit);
    None otherwise. The unit is a word of two letters or more after a space ("86,8a" stays broken)."""
    match = _WITH_UNIT.match(" ".join(text.split()))
    if not match or len(match.group(2).strip()) < 2 or read_word_or_range(text) is not None:
        return None
    return match.group(1).replace(" ", ""), match.group(2).strip()
