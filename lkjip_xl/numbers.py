"""Reading the numbers of LKjIP tables, one cell at a time.

Real tables mix Indonesian (``1.720.118.000``, ``2.390.574.448,00``) and US (``4,500,000``) forms, nil
marks (``Rp -``), negatives (``Rp - 349.000``, ``(1.234.567)``), percentages (``93,33%``, ``0.9333`` in a
%-formatted cell) and typos (``Rp 12,655.00`` for 12.655.000). The parser never guesses silently: every
reading it could make is kept, and the rules pick the one that makes the row's arithmetic hold.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import re
from dataclasses import dataclass, replace
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache


class Kind(enum.Enum):
    """What a cell holds. The values appear in JSON, keep them stable."""

    NUMBER = "number"  # a real number cell
    TEXT = "text"  # a number typed as text in the Indonesian form
    FOREIGN = "foreign"  # a number typed as text in the US form
    NIL = "nil"  # "-", "Rp -": zero as printed
    AMBIGUOUS = "ambiguous"  # text with several valid readings
    MALFORMED = "malformed"  # text valid in no convention; repaired readings only (value: the one sure repair)
    INVALID = "invalid"  # text that is no number at all
    EMPTY = "empty"
    ERROR = "error"  # an Excel error value (#REF!, #DIV/0!, ...)
    DATE = "date"  # a date or time where a number belongs
    BOOL = "bool"
    UNVERIFIABLE = "unverifiable"  # a formula whose value is unknown (no cached value, not evaluable)
    OUT_OF_RANGE = "out_of_range"  # a number beyond MAX_MAGNITUDE: a typo or a hostile value, never used
    CIRCULAR = "circular"  # a formula on a circular reference
    MERGED = "merged"  # a cell covered by a merged range it does not start: it shows the first cell's value


class Quantity(enum.Enum):
    """What a column measures: it decides how a lone separator is read."""

    MONEY = "money"  # rupiah: a lone separator before 3 digits groups thousands
    PERCENT = "percent"  # a lone separator is a decimal mark
    VALUE = "value"  # indicator values (3,44 / 86,86 / 50.918): like percent, but "x.ddd" is ambiguous


@dataclass(frozen=True)
class CellError:
    """An Excel error value such as ``#REF!``: kept apart from text that merely looks like one."""

    code: str

    def __str__(self) -> str:
        return self.code


class Unverifiable:
    """The value of a formula cell we could not know (no cached value, the formula engine cannot evaluate it)."""

    _instance: Unverifiable | None = None

    def __new__(cls) -> Unverifiable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNVERIFIABLE"


UNVERIFIABLE = Unverifiable()


class Circular(Unverifiable):
    """The value of a formula cell on a circular reference: it has none (Excel warns and shows 0)."""

    _instance: Circular | None = None

    def __repr__(self) -> str:
        return "CIRCULAR"


CIRCULAR = Circular()

EXCEL_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!")


# Built hundreds of thousands of times for a big table: slotted and hashable, treated as immutable
# (a frozen dataclass's __init__ is several times slower).
@dataclass(slots=True, unsafe_hash=True)
class Parsed:
    """One cell read as a number.

    ``value`` is the reading to use (None when there is none); ``readings`` lists every reading worth
    trying, ``value`` first when there is one. ``decimals`` is how many decimals were printed (for the
    rounding rule); ``percent`` values are in points (93.33, not 0.9333).
    """

    kind: Kind
    value: float | None = None
    readings: tuple[float, ...] = ()
    decimals: int | None = None
    text: str | None = None
    form: str | None = None  # "id" or "us" for text numbers
    currency: bool = False
    percent_sign: bool = False

    @property
    def is_number(self) -> bool:
        return self.value is not None

    @property
    def is_text(self) -> bool:
        return self.text is not None

    @property
    def sure_repair(self) -> bool:
        """A malformed figure with the one reading anybody would take ("1,584,085, 700"): checked as that."""
        return self.kind is Kind.MALFORMED and self.value is not None


EMPTY = Parsed(Kind.EMPTY)

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*|\s*(?:rp\.?|idr)$", re.IGNORECASE)
_DASHES = "-\u2212\u2013\u2014"
_BODY = re.compile(r"^[0-9][0-9.,]*$|^[.,][0-9]+$")
_NIL = re.compile(rf"^[{_DASHES}]+(?:\s*[.,]\s*[{_DASHES}]+)?$")  # "-", "–", "-,-"
# ",-" or ".-" after whole rupiah ("Rp 7.631.085.000,-"): no sen, written out.
_WHOLE_RUPIAH = re.compile(rf"[.,]\s*[{_DASHES}]+$")
# Digits grouped by spaces (NBSP and thin spaces are spaces by now): "7 631 085 000", "1 250,50".
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$")
# A space printed after a group's separator ("1,584,085, 700": Bappeda Jawa Barat 2016, Tabel 3.7), the groups
# otherwise whole: one reading, the figure without the space; still a malformed cell.
_SPACE_AFTER_SEPARATOR = re.compile(r"^\d{1,3}(?:[.,] ?\d{3})*[.,] \d{3}(?:[.,] ?\d{3})*$")


# No LKjIP figure comes near this: the whole national budget is about 3.3e15 rupiah. Past it a cell is a typo
# or a hostile value, and arithmetic on it could overflow to infinity.
MAX_MAGNITUDE = 1e15


def parse(value: object, quantity: Quantity, number_format: str | None = None) -> Parsed:
    """Read one cell value (as a spreadsheet library returns it) as a number of the given quantity."""
    kind = type(value)
    if (kind is float or kind is int) and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:  # NaN fails the test
        return _parse_number(value, quantity, number_format)  # most cells: a plain number in range
    if kind is str:
        quick = _parse_quick(value, quantity)  # most text figures: one form, one reading, never negative
        if quick is not None and quick.value <= MAX_MAGNITUDE:
            return quick
    parsed = _parse(value, quantity, number_format)
    readings = tuple(reading for reading in parsed.readings if abs(reading) <= MAX_MAGNITUDE)
    if (parsed.value is not None and not abs(parsed.value) <= MAX_MAGNITUDE) or (parsed.readings and not readings):
        text = parsed.text if parsed.text is not None else f"{parsed.value:g}"
        return Parsed(Kind.OUT_OF_RANGE, text=text, currency=parsed.currency, percent_sign=parsed.percent_sign)
    return parsed if readings == parsed.readings else replace(parsed, readings=readings)


def _parse(value: object, quantity: Quantity, number_format: str | None) -> Parsed:
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if value is CIRCULAR:
        return Parsed(Kind.CIRCULAR)
    if value is UNVERIFIABLE:
        return Parsed(Kind.UNVERIFIABLE)
    if isinstance(value, CellError):
        return Parsed(Kind.ERROR, text=value.code)
    if isinstance(value, bool):
        return Parsed(Kind.BOOL, text=str(value).upper())
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):
        return Parsed(Kind.DATE, text=str(value))
    if isinstance(value, (int, float)):
        return _parse_number(value, quantity, number_format)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return Parsed(Kind.INVALID, text=str(value))
        return _parse_number(float(value), quantity, number_format)
    return _parse_text(str(value), quantity)


def _decimals_of(number: Decimal) -> int:
    """How many decimals ``number`` has once its trailing zeros are dropped (0 for a whole number)."""
    text = str(number)  # asked for every percent cell: read off the text when it has no exponent
    if "E" not in text:
        point = text.find(".")
        return 0 if point < 0 else len(text.rstrip("0")) - point - 1
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# Enum members as module constants for the per-cell path: read through their class, each costs 0.1 µs in 3.11.
_NUMBER, _PERCENT = Kind.NUMBER, Quantity.PERCENT


def _parse_number(value: float | int, quantity: Quantity, number_format: str | None) -> Parsed:
    if isinstance(value, float) and value != value:
        return Parsed(Kind.INVALID, text=str(value))
    percent = quantity is _PERCENT and number_format is not None and is_percent_format(number_format)
    if not percent and (value.is_integer() if isinstance(value, float) else -(2**53) <= value <= 2**53):
        # A whole number has no decimals (money is nearly always whole rupiah).
        result = float(value)
        return Parsed(_NUMBER, result, (result,), 0)
    exact = excel_decimal(value)
    if percent:
        exact = exact.scaleb(2)
    result = float(exact)
    decimals = _decimals_of(exact)
    shown = format_decimals(number_format) if percent and number_format is not None else None
    if shown is not None:
        # The cell shows no more decimals than its format's, whatever it stores: 0.96345 under 0.00% reads
        # 96,35%. A figure with fewer (1.036, typed as 103,6%, in a template's 0.00% cell) keeps its own: the
        # zeros the format pads with were never part of it.
        decimals = min(decimals, shown)
    return Parsed(_NUMBER, result, (result,), decimals)


# Excel keeps and shows 15 significant digits: a float's 16th and 17th (0.9634999999999999 for what the
# cell shows as 96,35%, 1234567.0000000002 from a sum) are noise of binary arithmetic, never printed.
EXCEL_DIGITS = 15
_FIFTEEN_DIGITS = Context(prec=EXCEL_DIGITS, rounding="ROUND_HALF_UP")


def excel_decimal(value: float | int) -> Decimal:
    """The number Excel holds for ``value``: its shortest decimal text cut to 15 significant digits."""
    if isinstance(value, float) and math.isfinite(value):
        # Asked for every percent cell and every rounding: the digits counted on the text, the cut made by a
        # 15-digit context in one step (the same Decimal, representation included, as the general way below).
        text = repr(value)
        if len(text.partition("e")[0].replace("-", "").replace(".", "").lstrip("0")) <= EXCEL_DIGITS:
            return Decimal(text)
        return _FIFTEEN_DIGITS.create_decimal(text).normalize(_EXACT)
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not exact.is_finite() or not exact:
        return exact
    digits = exact.adjusted() + 1  # digits before the decimal point (negative for 0.000x)
    places = EXCEL_DIGITS - digits
    if -exact.as_tuple().exponent <= places:
        return exact
    return exact.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP", context=_EXACT).normalize(_EXACT)


@lru_cache(maxsize=256)
def format_decimals(number_format: str) -> int | None:
    """How many decimals a number format shows ("0.00%" 2, "#,##0" 0); None for General or a format whose
    decimals cannot be told (several sections that differ, scientific)."""
    sections = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).split(";")
    counts = set()
    for section in sections[:2]:  # positive and negative; zero and text sections show no figure of ours
        if not section.strip() or section.strip().lower() == "general" or "e" in section.lower():
            return None
        integer, point, fraction = section.partition(".")
        if not any(ch in integer + fraction for ch in "0#?"):
            return None
        counts.add(sum(ch in "0#?" for ch in fraction) if point else 0)
    return counts.pop() if len(counts) == 1 else None


@lru_cache(maxsize=256)
def is_percent_format(number_format: str) -> bool:
    """Whether a number format shows its value times 100 (a "%" outside quoted literals and escapes).

    It is the only thing about a cell's format that changes how its number reads, so it is all that
    loaders keep of number formats.
    """
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


# The forms most text figures take ("Rp 1.234.567", "1.234.567,89", "Rp. 7.631.085.000,-", "7 631 085", "96,35%",
# "0,00", "250"): one reading only, the Indonesian one, read here in one match. Whatever else, or any doubt (a
# lone "1.720": thousands or a decimal point), goes the whole way below, which gives these forms the same
# reading (tests/test_numbers.py holds both paths equal), as _parse_quick does.
_PLAIN_ID = re.compile(
    r"(?P<rp>Rp\.? ?)?(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
    r"(?:,(?P<frac>\d\d?)|,-)?(?P<pct> ?%)?"
)


# Rupiah with commas for the thousands and the sen alike ("Rp 3,137,007,278,58", see _sen_grouped): no convention
# reads it, so the whole way ends there after trying them all; money only, ASCII digits as _BODY wants them.
_SEN_GROUPED = re.compile(r"(?P<rp>Rp\.? ?)?(?P<int>[0-9]{1,3}(?:,[0-9]{3})+),(?P<sen>[0-9][0-9])")


_TEXT, _MONEY = Kind.TEXT, Quantity.MONEY  # as module constants: see _parse_number


def _parse_quick(raw: str, quantity: Quantity) -> Parsed | None:
    """The reading of a text in one of the common forms above, else None (then only the whole way tells)."""
    plain = _PLAIN_ID.fullmatch(raw)
    if plain is not None:
        rp, integer, fraction, pct = plain.groups()
        if not fraction and integer.count(".") == 1:
            return None  # "1.720": thousands, or a decimal point
        digits = integer.replace(".", "").replace(" ", "").replace("\u00a0", "")
        value = float(digits + "." + fraction if fraction else digits)
        return Parsed(_TEXT, value, (value,), len(fraction) if fraction else 0, raw, "id", rp is not None,
                      pct is not None)
    if quantity is _MONEY:
        sen = _SEN_GROUPED.fullmatch(raw)
        if sen is not None:
            rp, integer, cents = sen.groups()
            value = float(integer.replace(",", "") + "." + cents)
            return Parsed(_TEXT, value, (value,), 2, raw, "id", rp is not None, False)
    return None


def _parse_text(raw: str, quantity: Quantity) -> Parsed:
    quick = _parse_quick(raw, quantity)
    return quick if quick is not None else _parse_text_fully(raw, quantity)


# Cached: what the quick forms leave is mostly a few texts repeated down a column ("-", "Rp -", "WTP"), each
# worth 5 us the whole way. Bounded, and a Parsed is never changed once made.
@lru_cache(maxsize=1024)
def _parse_text_fully(raw: str, quantity: Quantity) -> Parsed:
    text = raw.strip()
    if text.upper() in EXCEL_ERRORS:
        return Parsed(Kind.ERROR, text=text.upper())
    body = _SPACES.sub(" ", text)
    currency = False
    sign = 1
    # A sign may stand before or after the currency mark: "-Rp 4.000" and "Rp -4.000" are both seen.
    for _ in range(2):
        stripped = _CURRENCY.sub("", body).strip()
        if stripped != body:
            currency = True
            body = stripped
        if body[:1] in _DASHES and not _NIL.match(body):
            sign = -sign
            body = body[1:].strip()
    percent_sign = body.endswith("%")
    if percent_sign:
        body = body[:-1].strip()
    if body.startswith("(") and body.endswith(")"):
        sign = -sign
        body = body[1:-1].strip()
        stripped = _CURRENCY.sub("", body).strip()
        currency = currency or stripped != body
        body = stripped
        if body.endswith("%"):  # "(28,39%)"
            percent_sign = True
            body = body[:-1].strip()
    whole = _WHOLE_RUPIAH.search(body) if body[:1].isdigit() else None
    if whole:
        body = body[: whole.start()].rstrip()
    if not body or _NIL.match(body):
        if body or currency or raw.strip() in _DASHES:
            return Parsed(Kind.NIL, value=0.0, readings=(0.0,), decimals=0, text=raw, currency=currency)
        return Parsed(Kind.INVALID, text=raw)
    if " " in body and _SPACE_AFTER_SEPARATOR.match(body) and len(set(re.findall(r"[.,]", body))) == 1:
        mended = _read_digits(body.replace(" ", ""), sign, quantity, raw, currency, percent_sign)
        if mended.value is not None:
            return Parsed(Kind.MALFORMED, value=mended.value, readings=(mended.value,), decimals=mended.decimals,
                          text=raw, currency=currency, percent_sign=percent_sign)
    if " " in body:
        if not _SPACE_GROUPED.match(body):  # "12 5" or "1 2 3": no grouping anybody prints
            return Parsed(Kind.INVALID, text=raw, currency=currency, percent_sign=percent_sign)
        body = body.replace(" ", "")
    if not _BODY.match(body):
        return Parsed(Kind.INVALID, text=raw, currency=currency, percent_sign=percent_sign)
    return _read_digits(body, sign, quantity, raw, currency, percent_sign)


@dataclass
class _Reading:
    value: Decimal
    form: str  # "id", "us", "plain", "repair"


def _groups_ok(groups: list[str]) -> bool:
    """Thousands groups: the first 1-3 digits, every later one exactly 3."""
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and all(g.isdigit() for g in groups)


def _as_decimal(integer_groups: list[str], fraction: str | None) -> Decimal | None:
    try:
        digits = "".join(integer_groups) or "0"
        return Decimal(f"{digits}.{fraction}") if fraction else Decimal(digits)
    except InvalidOperation:
        return None


def _convention_reading(body: str, thousands: str, decimal: str, max_fraction: int) -> Decimal | None:
    """The value of ``body`` under one convention, or None when it breaks that convention."""
    if body.count(decimal) > 1:
        return None
    integer, _, fraction = body.partition(decimal)
    if decimal in body and (not fraction.isdigit() or len(fraction) > max_fraction):
        return None
    if thousands in fraction:
        return None
    groups = integer.split(thousands) if integer else [""]
    if len(groups) > 1 and not _groups_ok(groups):
        return None
    if len(groups) == 1 and not (groups[0].isdigit() or (groups[0] == "" and fraction)):
        return None
    return _as_decimal(groups, fraction or None)


def _repairs(body: str) -> list[Decimal]:
    """Readings of a body that breaks every convention, or that may hide a typo.

    Every separator is taken as a thousands separator and the last group is mended to three digits:
    ``12,655.00`` -> 12.655.000 (a zero lost), ``170.0000`` -> 170.000 (a zero too many).
    """
    groups = re.split(r"[.,]", body)
    if len(groups) < 2 or not all(g.isdigit() for g in groups) or not 1 <= len(groups[0]) <= 3:
        return []
    if any(len(g) != 3 for g in groups[1:-1]):
        return []
    last = groups[-1]
    if len(last) == 3:
        return []
    mended = last[:3] if len(last) > 3 else last.ljust(3, "0")
    value = _as_decimal(groups[:-1] + [mended], None)
    return [value] if value is not None else []


def _read_digits(body: str, sign: int, quantity: Quantity, raw: str, currency: bool, percent_sign: bool) -> Parsed:
    is_money = quantity is Quantity.MONEY
    readings: list[_Reading] = []
    if body.isdigit():
        readings.append(_Reading(Decimal(body), "plain"))
    else:
        for form, thousands, decimal in (("id", ".", ","), ("us", ",", ".")):
            value = _convention_reading(body, thousands, decimal, _max_fraction(body, form, quantity))
            if value is not None:
                readings.append(_Reading(value, form))
        readings = _prefer_by_quantity(body, readings, quantity)
    distinct = _distinct(readings)
    if not distinct and is_money:
        sen = _sen_grouped(body)
        if sen is not None:
            value = float(sign * sen)
            return Parsed(Kind.TEXT, value=value, readings=(value,), decimals=2, form="id", text=raw,
                          currency=currency, percent_sign=percent_sign)
    # Only a body outside the Indonesian form may hide a typo worth mending ("12,655.00", "170.0000").
    suspicious = not distinct or any(d.form == "us" for d in distinct)
    repairs = [r for r in _repairs(body) if all(r != d.value for d in distinct)] if is_money and suspicious else []

    def signed(values: list[Decimal]) -> tuple[float, ...]:
        return tuple(float(sign * v) for v in values)

    common = dict(text=raw, currency=currency, percent_sign=percent_sign)
    if not distinct:
        if repairs:
            return Parsed(Kind.MALFORMED, value=None, readings=signed(repairs), decimals=0, **common)
        return Parsed(Kind.INVALID, **common)
    if len(distinct) > 1:
        values = [d.value for d in distinct] + repairs
        return Parsed(Kind.AMBIGUOUS, value=None, readings=signed(values), decimals=None, **common)
    reading = distinct[0]
    decimals = _decimals_of(reading.value) if reading.form != "plain" else 0
    text_decimals = _printed_decimals(body, reading.form)
    kind = Kind.FOREIGN if reading.form == "us" and _has_grouping_or_decimal(body) else Kind.TEXT
    value = float(sign * reading.value)
    return Parsed(
        kind,
        value=value,
        readings=(value,) + signed(repairs),
        decimals=text_decimals if text_decimals is not None else decimals,
        form=reading.form if reading.form in ("id", "us") else "id",
        **common,
    )


def _sen_grouped(body: str) -> Decimal | None:
    """``21,276,070,424,00``: commas for the thousands and the sen alike, the last group of two digits
    being the sen (a form some systems print). Read only where no convention reads the body."""
    if "." in body or body[-3:-2] != ",":  # commas only: "1.234.56" may as well be 1.234.56[7] mistyped
        return None
    groups = body.split(",")
    if len(groups) < 3 or not _groups_ok(groups[:-1]) or len(groups[-1]) != 2 or not groups[-1].isdigit():
        return None
    return _as_decimal(groups[:-1], groups[-1])


def _max_fraction(body: str, form: str, quantity: Quantity) -> int:
    """How many decimals a convention may carry. Money has sen (2), except that in the Indonesian form a
    lone comma before three digits ("475,170") is still read as a decimal mark, so the cell comes out
    ambiguous instead of silently taking the US reading."""
    if quantity is not Quantity.MONEY:
        return 6
    lone_comma = form == "id" and "." not in body and body.count(",") == 1
    return 3 if lone_comma else 2


def _has_grouping_or_decimal(body: str) -> bool:
    return "," in body or "." in body


def _printed_decimals(body: str, form: str) -> int | None:
    mark = {"id": ",", "us": "."}.get(form)
    if mark is None or mark not in body:
        return 0
    return len(body.rpartition(mark)[2])


def _prefer_by_quantity(body: str, readings: list[_Reading], quantity: Quantity) -> list[_Reading]:
    """Drop readings that the column's quantity makes implausible.

    For money a lone separator followed by exactly three digits groups thousands (``Rp 1.720`` is
    1720, ``Rp 475,170`` stays ambiguous only when both conventions survive). For percentages and
    indicator values a lone separator followed by one or two digits is a decimal mark in either form.
    """
    if len(readings) < 2:
        return readings
    separators = [ch for ch in body if ch in ".,"]
    lone = len(separators) == 1
    fraction_len = len(body.rpartition(separators[-1])[2]) if separators else 0
    if quantity is Quantity.MONEY:
        if lone and fraction_len == 3:
            # "1.720" groups thousands in the Indonesian form; "475,170" could be 475.170 (ID decimal)
            # or 475170 (US thousands): both survive and the cell is ambiguous.
            if separators[0] == ".":
                return [r for r in readings if r.form == "id"]
            return readings
        return readings
    if lone and fraction_len != 3:
        return [r for r in readings if r.value == _decimal_mark_value(body)] or readings
    if lone and fraction_len == 3 and quantity is Quantity.PERCENT:
        return [r for r in readings if r.value == _decimal_mark_value(body)] or readings
    return readings


# The unit a money header or a table's title names: "(Rp. Juta)", "Rp triliun", "(Ribu Rupiah)", "Rp. (000)",
# "dalam jutaan rupiah"; "(Rp)" alone is whole rupiah.
_MONEY_SCALE = re.compile(r"\b(?:(ribu|ribuan|000)|(juta|jutaan)|(miliar|milyar)|(triliun|trilyun))\b", re.IGNORECASE)
_RUPIAH = re.compile(r"\b(?:rp|rupiah|idr)\b", re.IGNORECASE)
_SCALES = ("ribu", "juta", "miliar", "triliun")


def money_scale(text: str) -> str | None:
    """The scale a money header or title names: "ribu", "juta", "miliar" or "triliun"; "" for plain rupiah
    ("(Rp)"); None when it names no money unit."""
    match = _MONEY_SCALE.search(text or "")
    if match:
        return next(scale for scale, group in zip(_SCALES, match.groups()) if group)
    return "" if _RUPIAH.search(text or "") else None


def _decimal_mark_value(body: str) -> Decimal:
    integer, _, fraction = body.replace(",", ".").rpartition(".")
    return Decimal(f"{integer or '0'}.{fraction}")


def _distinct(readings: list[_Reading]) -> list[_Reading]:
    seen: dict[Decimal, _Reading] = {}
    for reading in readings:
        seen.setdefault(reading.value, reading)
    return list(seen.values())


# -- the rounding rule -------------------------------------------------------------------------------


class Agreement(enum.Enum):
    EXACT = "exact"  # equal, or equal to the computed value rounded half-up to the printed decimals
    TRUNCATED = "truncated"  # equal to the computed value truncated to the printed decimals
    WITHIN_TOLERANCE = "tolerance"  # off, but within the configured tolerance
    MISMATCH = "mismatch"


# Enough digits for any finite float at any printed precision (the default 28 fail past 1e28, which a
# percentage over a tiny budget reaches).
_EXACT = Context(prec=400)


def round_half_up(value: float, decimals: int) -> Decimal:
    """``value`` as printed with ``decimals`` decimals: Excel's 15 digits first (96.34499999999999 from a
    division is the 96,345 that ROUND(x;2) and the cell's format both show as 96,35), then half up."""
    quantum = Decimal(1).scaleb(-decimals)
    return excel_decimal(value).quantize(quantum, rounding="ROUND_HALF_UP", context=_EXACT)


def truncate(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return excel_decimal(value).quantize(quantum, rounding="ROUND_DOWN", context=_EXACT)


# A stored number carries more digits than anybody printed; past this many decimals it is compared
# with a relative epsilon instead of by rounding.
_MAX_PRINTED_DECIMALS = 6


def agreement(
    value: float, decimals: int | None, computed: float, tolerance: float = 0.0, accept_truncation: bool = True
) -> Agreement:
    """Whether a printed value agrees with the value computed from its inputs (domain.md, "Rounding").

    ``decimals`` is how many decimals were printed (None: as many as the value has).
    """
    if not (math.isfinite(value) and math.isfinite(computed)):
        return Agreement.EXACT if value == computed else Agreement.MISMATCH
    if decimals is None:
        decimals = _decimals_of(excel_decimal(value))
    if abs(value - computed) <= 1e-9 * max(1.0, abs(computed)):
        return Agreement.EXACT
    if 0 <= decimals <= _MAX_PRINTED_DECIMALS and _same_when_shown(value, computed, decimals):
        return Agreement.EXACT
    if decimals <= _MAX_PRINTED_DECIMALS:
        printed = round_half_up(value, decimals)  # what the cell shows
        if printed == round_half_up(computed, decimals):
            return Agreement.EXACT
        if accept_truncation and printed == truncate(computed, decimals):
            return Agreement.TRUNCATED
    if abs(value - computed) <= tolerance + 1e-9:
        return Agreement.WITHIN_TOLERANCE
    return Agreement.MISMATCH


_POWERS = tuple(10.0**exponent for exponent in range(_MAX_PRINTED_DECIMALS + 1))  # exact in binary


def _same_when_shown(value: float, computed: float, decimals: int) -> bool:
    """A sure yes, without decimal arithmetic, to ``round_half_up(value) == round_half_up(computed)`` at these
    decimals (False: not sure, ask that). Below 10^(12-decimals) Excel's 15 digits keep three decimals more
    than shown and a float is off by far less than that, so a ``value`` within a hundredth of a step of the
    step ``n`` and a ``computed`` within 0.49 of a step of it both show as ``n`` (the binary errors, the cut to
    15 digits included, stay under 0.001 of a step)."""
    scale = _POWERS[decimals]
    limit = 1e12 / scale
    if not (-limit < value < limit and -limit < computed < limit):
        return False
    steps = value * scale
    nearest = round(steps)
    return abs(steps - nearest) <= 0.01 and abs(computed * scale - nearest) < 0.49


def printed_bounds(parsed: Parsed) -> tuple[float, float] | None:
    """Every value a figure typed or printed as text may stand for: all that show as printed at its decimals
    ("0,09" is anything from 0,085 to 0,095; "20" from 19,5 to 20,5). None for a number cell, whose stored
    value is the whole figure, and for a figure that is no single reading."""
    if parsed.kind not in (Kind.TEXT, Kind.FOREIGN) or parsed.value is None or parsed.decimals is None:
        return None
    half = 0.5 * 10.0 ** -parsed.decimals
    return parsed.value - half, parsed.value + half


def shown_within(value: float, decimals: int | None, low: float, high: float, tolerance: float = 0.0,
                 accept_truncation: bool = True) -> bool:
    """Whether some value from ``low`` to ``high`` shows as the printed ``value`` (rounded half up or, when
    accepted, truncated to its decimals; within the tolerance)."""
    if not all(map(math.isfinite, (value, low, high))):
        return False
    if decimals is None or decimals > _MAX_PRINTED_DECIMALS:
        decimals = min(_decimals_of(excel_decimal(value)), _MAX_PRINTED_DECIMALS)
    unit = 10.0 ** -decimals
    shown_low, shown_high = value - unit / 2 - tolerance, value + unit / 2 + tolerance
    if accept_truncation:  # 188,8999 truncates to 188,89: a truncated figure stands for up to a unit beyond it
        if value >= 0:
            shown_high = max(shown_high, value + unit)
        else:
            shown_low = min(shown_low, value - unit)
    eps = 1e-9 * max(1.0, abs(value))
    return low <= shown_high + eps and high >= shown_low - eps


def money_equal(a: float, b: float, tolerance: float = 0.0) -> bool:
    """Money agrees to the sen (two decimals), plus the configured tolerance in rupiah, each figure taken at
    Excel's 15 digits first (1234567.0000000002 is Rp 1.234.567; 0.285 is 29 sen, not the 28 of 28.499...)."""
    if a == b:
        return True
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(tolerance * 100)):
        return False
    if abs(a - b) > tolerance + 1:  # plainly apart: no rounding can bring them together
        return False
    if -1e12 < a < 1e12 and -1e12 < b < 1e12:
        # Figures within a hundredth of a sen of whole sen (nearly all: typed to the sen, or sums of such) are
        # those sen at Excel's 15 digits too (below 10^12 rupiah it keeps three decimals and a float is off by
        # far less): compared as whole numbers of sen, without decimal arithmetic.
        sen_a, sen_b = a * 100, b * 100
        whole_a, whole_b = round(sen_a), round(sen_b)
        if abs(sen_a - whole_a) <= 0.01 and abs(sen_b - whole_b) <= 0.01:
            return abs(whole_a - whole_b) <= _tolerance_sen(tolerance)
    return abs(_sen(a) - _sen(b)) <= _tolerance_sen(tolerance)


@lru_cache(maxsize=16)
def _tolerance_sen(tolerance: float) -> Decimal:
    """The money tolerance in whole sen, as ``money_equal`` compares it (one setting per run)."""
    return round_half_up(tolerance, 2) * 100


def _sen(value: float) -> Decimal:
    return round_half_up(value, 2) * 100


def transposed_digits(a: float, b: float) -> bool:
    """True when ``a`` is ``b`` with two adjacent digits swapped (133.546.039 vs 133.456.039)."""
    sa, sb = _digit_string(a), _digit_string(b)
    if sa is None or sb is None or len(sa) != len(sb) or sa == sb:
        return False
    diff = [i for i, (x, y) in enumerate(zip(sa, sb)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]


def _digit_string(value: float) -> str | None:
    if value < 0 or not math.isfinite(value * 100):
        return None
    cents = round(value * 100)
    return str(cents // 100) if cents % 100 == 0 else str(cents)


@dataclass
class NumberStyle:
    """How numbers are written back to a person, per language."""

    thousands: str
    decimal: str

    def format(self, value: float, decimals: int = 0) -> str:
        # Rounded as agreement() rounds, so that a message shows the figures the comparison used.
        shown = round_half_up(value, decimals) if math.isfinite(value) else value
        negative = shown < 0
        text = f"{abs(shown):,.{decimals}f}"
        integer, _, fraction = text.partition(".")
        integer = integer.replace(",", self.thousands)
        out = integer + (self.decimal + fraction if fraction else "")
        return ("-" if negative else "") + out


STYLES = {"id": NumberStyle(".", ","), "en": NumberStyle(",", ".")}


def format_money(value: float, lang: str = "id", decimals: int | None = None) -> str:
    """Rupiah as printed: whole rupiah, or to the sen where there are sen (``decimals`` to show more)."""
    if decimals is None:
        decimals = 0 if money_equal(value, round(value)) else 2
    return "Rp " + STYLES[lang].format(value, decimals)


def format_percent(value: float, lang: str = "id", decimals: int = 2) -> str:
    return STYLES[lang].format(value, decimals) + "%"


def format_value(value: float, lang: str = "id", decimals: int | None = None) -> str:
    if decimals is None:
        decimals = min(_decimals_of(excel_decimal(value)), 4) if math.isfinite(value) else 0
    return STYLES[lang].format(value, decimals)
