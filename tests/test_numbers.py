"""Number parsing: every form of domain.md's table, per cell, and the rounding rule."""

from __future__ import annotations

import datetime as dt

import pytest

from lkjip_xl.numbers import (
    UNVERIFIABLE,
    Agreement,
    CellError,
    Kind,
    Quantity,
    agreement,
    format_money,
    format_percent,
    money_equal,
    parse,
    transposed_digits,
)

MONEY, PERCENT, VALUE = Quantity.MONEY, Quantity.PERCENT, Quantity.VALUE


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("Rp1.720.118.000", 1720118000, 0),
        ("Rp 6.910.000", 6910000, 0),
        ("2.390.574.448,00", 2390574448, 2),
        ("Rp. 1.500", 1500, 0),
        ("IDR 12.000", 12000, 0),
        ("Rp 0", 0, 0),
        ("Rp -4.080.000", -4080000, 0),
        ("Rp - 349.000", -349000, 0),
        ("-Rp 4.000", -4000, 0),
        ("(1.234.567)", -1234567, 0),
        ("Rp (1.234.567)", -1234567, 0),
        ("  Rp\u00a06.910.000 ", 6910000, 0),
    ],
)
def test_indonesian_money(text, value, decimals):
    parsed = parse(text, MONEY)
    assert parsed.kind is Kind.TEXT
    assert parsed.value == value
    assert parsed.decimals == decimals


@pytest.mark.parametrize("text, value", [("Rp 4,500,000", 4500000), ("1,002,654,953.00", 1002654953)])
def test_us_money_inside_an_indonesian_table_is_read_and_marked_foreign(text, value):
    parsed = parse(text, MONEY)
    assert parsed.kind is Kind.FOREIGN
    assert parsed.value == value


@pytest.mark.parametrize("text", ["Rp -", "-", "Rp  -", "\u2013"])
def test_nil_marks_are_zero(text):
    parsed = parse(text, MONEY)
    assert parsed.kind is Kind.NIL
    assert parsed.value == 0


def test_minus_space_digits_is_negative_not_nil():
    assert parse("Rp - 349.000", MONEY).value == -349000


def test_lone_comma_before_three_digits_is_ambiguous_money():
    parsed = parse("Rp 475,170", MONEY)
    assert parsed.kind is Kind.AMBIGUOUS
    assert parsed.value is None
    assert set(parsed.readings) == {475.17, 475170}


def test_us_form_with_cents_keeps_the_typo_reading_as_an_alternative():
    parsed = parse("Rp 12,655.00", MONEY)
    assert parsed.kind is Kind.FOREIGN
    assert parsed.value == 12655
    assert parsed.readings == (12655, 12655000)


def test_indonesian_form_offers_no_typo_reading():
    assert parse("2.390.574.448,00", MONEY).readings == (2390574448,)


def test_a_group_of_four_digits_is_malformed_with_a_mended_reading():
    parsed = parse("Rp 170.0000", MONEY)
    assert parsed.kind is Kind.MALFORMED
    assert parsed.value is None
    assert parsed.readings == (170000,)


def test_lone_dot_before_three_digits_groups_thousands_in_money():
    assert parse("Rp 1.720", MONEY).value == 1720


@pytest.mark.parametrize("text", ["abc", "Rp abc", "12a", "1..2", "n/a"])
def test_text_that_is_no_number(text):
    assert parse(text, MONEY).kind is Kind.INVALID


@pytest.mark.parametrize(
    "text, value, decimals, kind",
    [
        ("93,33%", 93.33, 2, Kind.TEXT),
        ("97.33%", 97.33, 2, Kind.FOREIGN),
        ("100 %", 100, 0, Kind.TEXT),
        ("104,8", 104.8, 1, Kind.TEXT),
        ("99,975", 99.975, 3, Kind.TEXT),
    ],
)
def test_percent_text(text, value, decimals, kind):
    parsed = parse(text, PERCENT)
    assert (parsed.kind, parsed.value, parsed.decimals) == (kind, value, decimals)


def test_percent_in_a_percent_formatted_cell_is_scaled_to_points():
    parsed = parse(0.9333, PERCENT, "0.00%")
    assert parsed.value == 93.33
    assert parsed.decimals == 2


def test_a_quoted_percent_sign_in_a_format_does_not_scale():
    assert parse(93.33, PERCENT, '0.00"%"').value == 93.33


def test_plain_number_cells():
    parsed = parse(92.32, PERCENT)
    assert parsed.kind is Kind.NUMBER and parsed.value == 92.32 and parsed.decimals == 2
    assert parse(1720118000.0, MONEY).decimals == 0


@pytest.mark.parametrize("text, value", [("3,44", 3.44), ("86,86", 86.86), ("1.804,59", 1804.59), ("3.44", 3.44)])
def test_indicator_values(text, value):
    assert parse(text, VALUE).value == value


def test_indicator_value_with_a_lone_dot_before_three_digits_is_ambiguous():
    parsed = parse("50.918", VALUE)
    assert parsed.kind is Kind.AMBIGUOUS
    assert set(parsed.readings) == {50918, 50.918}


def test_cell_kinds_that_are_not_numbers():
    assert parse(None, MONEY).kind is Kind.EMPTY
    assert parse("   ", MONEY).kind is Kind.EMPTY
    assert parse(CellError("#REF!"), MONEY).kind is Kind.ERROR
    assert parse("#DIV/0!", MONEY).kind is Kind.ERROR
    assert parse(dt.date(2024, 3, 4), VALUE).kind is Kind.DATE
    assert parse(True, MONEY).kind is Kind.BOOL
    assert parse(UNVERIFIABLE, MONEY).kind is Kind.UNVERIFIABLE
    assert parse(float("nan"), MONEY).kind is Kind.INVALID


# -- the rounding rule (domain.md) -------------------------------------------------------------------


def test_truncated_percent_is_accepted_as_truncation():
    assert agreement(103.6, 1, 103.658, 0, True) is Agreement.TRUNCATED


def test_rounded_percent_is_exact():
    assert agreement(103.7, 1, 103.658, 0, True) is Agreement.EXACT
    assert agreement(93.33, 2, 1866543961 / 2e9 * 100, 0, True) is Agreement.EXACT


def test_neither_rounded_nor_truncated_is_a_mismatch():
    assert agreement(103, 0, 3.40 / 3.32 * 100, 0, True) is Agreement.MISMATCH


def test_truncation_can_be_refused():
    assert agreement(103.6, 1, 103.658, 0, False) is Agreement.MISMATCH


def test_tolerance_widens_acceptance():
    assert agreement(92.32, 2, 92.10, 0.0, True) is Agreement.MISMATCH
    assert agreement(92.32, 2, 92.10, 0.25, True) is Agreement.WITHIN_TOLERANCE


def test_money_is_exact_to_the_sen():
    assert money_equal(100.004, 100.0)
    assert not money_equal(100.01, 100.0)
    assert money_equal(1000, 1001, tolerance=1)


def test_transposed_digits():
    assert transposed_digits(133546039, 133456039)
    assert not transposed_digits(133456093, 133546039)  # two swaps
    assert not transposed_digits(133456039, 133456039)
    assert not transposed_digits(1234, 12340)


def test_numbers_written_back_in_each_language():
    assert format_money(1720118000, "id") == "Rp 1.720.118.000"
    assert format_money(1720118000, "en") == "Rp 1,720,118,000"
    assert format_money(-349000, "id") == "Rp -349.000"
    assert format_percent(93.326, "id") == "93,33%"
    assert format_percent(93.326, "en") == "93.33%"


# -- Indonesian figure forms (issue 11) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("Rp. 7.631.085.000,-", 7631085000, 0),  # ",-": whole rupiah, no sen
        ("Rp 7.631.085.000,--", 7631085000, 0),
        ("7.631.085.000.-", 7631085000, 0),
        ("Rp7.631.085.000,00", 7631085000, 2),
        ("RP 7.631.085.000", 7631085000, 0),
        ("Rp.7.631.085.000", 7631085000, 0),
        ("IDR 7.631.085.000", 7631085000, 0),
        ("Rp 7.631.085.000", 7631085000, 0),
        ("(2.650.000)", -2650000, 0),
        ("Rp (2.650.000,-)", -2650000, 0),
        ("7 631 085 000", 7631085000, 0),  # spaces as thousands
        ("7\u00a0631\u00a0085\u00a0000", 7631085000, 0),  # NBSP
        ("7\u2009631\u2009085\u2009000", 7631085000, 0),  # thin space
        ("7\u202f631\u202f085\u202f000,50", 7631085000.5, 2),  # narrow NBSP, with sen
        ("12,671,027,494,757,60", 12671027494757.6, 2),  # thousands and sen both with commas
        ("21,276,070,424,00", 21276070424, 2),
        ("1,234,56", 1234.56, 2),
    ],
)
def test_indonesian_figure_forms_read_as_numbers(text, value, decimals):
    parsed = parse(text, MONEY)
    assert parsed.kind is Kind.TEXT  # well-formed Indonesian text: N001 (info on pasted sheets), no error
    assert parsed.value == value and parsed.readings == (value,)
    assert parsed.decimals == decimals


@pytest.mark.parametrize("text", ["Rp -", "-", "\u2013", "\u2014", "Rp. -", "Rp -,-", "-,-", "Rp  \u2013"])
def test_every_nil_mark_is_zero(text):
    parsed = parse(text, MONEY)
    assert (parsed.kind, parsed.value) == (Kind.NIL, 0)


@pytest.mark.parametrize("text, value", [("- 28,39%", -28.39), ("-28,39 %", -28.39), ("(28,39%)", -28.39), ("\u2212 28,39 %", -28.39)])
def test_negative_percentages(text, value):
    parsed = parse(text, PERCENT)
    assert (parsed.kind, parsed.value, parsed.decimals, parsed.percent_sign) == (Kind.TEXT, value, 2, True)


@pytest.mark.parametrize("text", ["12 5", "1 2 3", "1234 567"])
def test_spaces_that_group_nothing_are_not_read_as_one_number(text):
    assert parse(text, MONEY).kind is Kind.INVALID


def test_dots_for_thousands_and_sen_stay_a_mistyped_figure():
    # "1.234.56" may be 1.234.56[7] with a digit lost as well as sen: left to the row's arithmetic.
    assert parse("1.234.56", MONEY).kind is Kind.MALFORMED


# -- the precision a cell shows --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number_format, decimals",
    [("0.00%", 2), ("0%", 0), ("0.0%", 1), ("#,##0.00", 2), ("General", None), ("[Red]0.00%;-0.00%", 2), ('0.00" %"', 2)],
)
def test_decimals_of_a_number_format(number_format, decimals):
    from lkjip_xl.numbers import format_decimals

    assert format_decimals(number_format) == decimals


@pytest.mark.parametrize(
    "stored, number_format, value, decimals",
    [
        (0.9634999999999999, "0.00%", 96.35, 2),  # =ROUND(x;2)/100 as Excel stores it
        (0.96345, "0.00%", 96.345, 2),  # more digits than shown: judged as shown (96,35%)
        (1.036, "0.00%", 103.6, 1),  # typed 103,6%: the format's padding zeros are no printed digits
        (0.41349, "0%", 41.349, 0),
    ],
)
def test_a_percent_cell_is_read_at_the_precision_it_shows(stored, number_format, value, decimals):
    parsed = parse(stored, PERCENT, number_format)
    assert (parsed.value, parsed.decimals) == (value, decimals)


def test_float_noise_beyond_excels_15_digits_is_dropped():
    assert parse(1234567.0000000002, MONEY).value == 1234567 and parse(1234567.0000000002, MONEY).decimals == 0
    assert parse(96.34999999999999, PERCENT).value == 96.35 and parse(96.34999999999999, PERCENT).decimals == 2
    assert parse(0.1 + 0.2, VALUE).decimals == 1


def test_agreement_rounds_a_noisy_quotient_as_excel_shows_it():
    # 192.690.000 / 200.000.000 × 100 is 96,345 exactly; in floats it may come out a hair below.
    assert agreement(96.35, 2, 96.34499999999999) is Agreement.EXACT
    assert agreement(0.9634999999999999 * 100, 2, 192_690_000 / 200_000_000 * 100) is Agreement.EXACT
    assert agreement(96.45, 2, 96.345) is Agreement.MISMATCH


def test_money_is_exact_to_the_sen_after_float_noise():
    assert money_equal(1234567.0000000002, 1234567)
    assert money_equal(0.1 + 0.2, 0.3)
    assert money_equal(100000000.1 + 50000000.2, 150000000.3)
    assert not money_equal(1234567, 1234568)
    assert not money_equal(1234567.01, 1234567)
    assert format_money(0.285) == "Rp 0,29"  # 0.285 is 28.499999... in binary; Excel prints 0,29


def test_messages_round_as_the_comparison_rounds():
    assert format_percent(96.345) == "96,35%"  # f"{96.345:.2f}" gives 96.34
    assert format_percent(96.34499999999999) == "96,35%"


def test_the_quick_reading_of_common_text_figures_equals_the_whole_reading():
    """Issue 13: the common forms of a text figure are read in one match (numbers._parse_quick); every text the
    quick path takes must read exactly as the whole way reads it, whatever the column's quantity."""
    import random

    from lkjip_xl import numbers

    rng = random.Random(13)
    texts = ["0", "0,00", "250", "1.720", "1.720,5", "Rp 1.720", "475,170", "1.234.567", "Rp. 7.631.085.000,-",
             "7\u00a0631\u00a0085", "96,35%", "96,35 %", "100 %", "Rp 0", "12,655.00", "1.234\u00a0567", "Rp  1.234"]
    for _ in range(3000):
        digits = str(rng.randrange(0, 10 ** rng.randrange(1, 17)))
        grouped = f"{int(digits):,}"
        for separator in (".", "\u00a0", " ", ","):
            figure = grouped.replace(",", separator)
            texts += [figure, "Rp " + figure, "Rp." + figure + ",-", figure + "," + str(rng.randrange(100)),
                      figure + "," + f"{rng.randrange(100):02d}" + " %", "Rp" + figure + ",-%",
                      "Rp " + figure + "," + f"{rng.randrange(100):02d}"]  # with ",": sen grouped like thousands
    for _ in range(20000):  # anything made of the characters figures are made of
        texts.append("".join(rng.choice("0123456789.,% Rp-\u00a0") for _ in range(rng.randrange(1, 14))))
    quick = 0
    for text in texts:
        quick += numbers._parse_quick(text, Quantity.MONEY) is not None
        for quantity in Quantity:
            fast, whole = numbers._parse_text(text, quantity), numbers._parse_text_fully(text, quantity)
            assert fast == whole and type(fast.value) is type(whole.value), (text, quantity, fast, whole)
    assert quick > len(texts) / 3  # the quick path is taken, not only the whole way


def test_the_quick_comparisons_give_what_decimal_rounding_gives():
    """Issue 13: agreement and money_equal answer without decimal arithmetic where floats settle it. Each
    answer must be the rounding rule's, worked out in decimals: figures half a step apart or a hair nearer or
    farther, past 10^12, with float noise, at every printed precision."""
    import random

    from lkjip_xl.numbers import round_half_up

    rng = random.Random(13)
    # Steps apart, past 0.49 where a figure's last kept digits round up first (Excel's 15 digits, then the shown
    # decimals) and a float's noise matters.
    nudges = (0.5, -0.5, 0.49, -0.49, 0.489, -0.489, 0.47, -0.47, 0.45, 0.4999999, 0.5000001, -0.5000001, 0.0, 1e-7)
    quick_agreements = 0
    for _ in range(30000):
        decimals = rng.randint(0, 6)
        step = 10.0 ** -decimals
        magnitude = 10 ** (rng.randint(-2, 15 - decimals) + rng.random())  # every decade alike
        printed = round(rng.uniform(-magnitude, magnitude), decimals)
        if rng.random() < 0.3:
            printed += rng.uniform(-0.02, 0.02) * step  # a stored figure with more decimals than it shows
        computed = printed + (rng.choice(nudges) if rng.random() < 0.7 else rng.uniform(-0.6, 0.6)) * step
        near = abs(printed - computed) <= 1e-9 * max(1.0, abs(computed))
        shown_alike = round_half_up(printed, decimals) == round_half_up(computed, decimals)
        exact = agreement(printed, decimals, computed, 0.0, False) is Agreement.EXACT
        assert exact == (near or shown_alike), (printed, computed, decimals)
        quick_agreements += shown_alike and not near
    assert quick_agreements > 5000  # the cases the quick answer is for were tried

    for _ in range(30000):
        magnitude = 10 ** (rng.randint(-2, 14) + rng.random())
        a = round(rng.uniform(-magnitude, magnitude), rng.choice((0, 2, 3)))
        b = a + (rng.choice((0.005, -0.005, 0.0049, 0.0047, 0.0045, 0.0049999, 0.0050001, 1e-7, 0.01)) if rng.random() < 0.7
                 else rng.uniform(-0.02, 0.02))
        if rng.random() < 0.3:
            b = (a * 7 + b * 3 - a * 7) / 3 * 3  # float noise of arithmetic
        for tolerance in (0.0, 0.004, 1.0):
            sen_apart = abs(round_half_up(a, 2) - round_half_up(b, 2)) * 100
            expected = a == b or (abs(a - b) <= tolerance + 1 and sen_apart <= round_half_up(tolerance, 2) * 100)
            assert money_equal(a, b, tolerance) == expected, (a, b, tolerance)


def _excel_decimal_by_quantize(value: float) -> "Decimal":
    """The general way excel_decimal takes for an int, written out for floats: the reference its quick way
    for floats must equal, representation included."""
    from decimal import Context, Decimal

    exact = Decimal(repr(value))
    if not exact.is_finite() or not exact:
        return exact
    places = 15 - (exact.adjusted() + 1)
    if -exact.as_tuple().exponent <= places:
        return exact
    whole = Context(prec=400)
    return exact.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP", context=whole).normalize(whole)


def test_excel_decimal_cuts_floats_to_15_digits_exactly_as_quantizing_does():
    import random

    from lkjip_xl.numbers import excel_decimal

    rng = random.Random(13)
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 1e-5, 123456789.0, 2.0**53, 1e22, 9.999999999999999, 99.99999999999999]
    for _ in range(30_000):
        exponent = rng.randint(-12, 16)
        values.append(rng.uniform(-1, 1) * 10.0**exponent)  # 16 to 17 digits: cut
        values.append(round(rng.uniform(0, 1), rng.randint(0, 8)) * 10.0**exponent)  # few digits: kept
        # a 16th digit of 5: the half the cut rounds up, with binary noise either side
        half = float(f"{rng.randint(10**14, 10**15 - 1)}5e{rng.randint(-20, 5)}")
        values += [half, -half, half * (1 + 2**-52), half * (1 - 2**-52)]
        values.append(rng.randint(1, 10**9) / rng.randint(1, 10**7))  # a percentage's division
    for value in values:
        quick, reference = excel_decimal(value), _excel_decimal_by_quantize(value)
        assert quick == reference and quick.as_tuple() == reference.as_tuple(), (value, quick, reference)


def test_decimals_of_a_decimal_read_off_its_text_as_normalizing_gives_them():
    import random
    from decimal import Decimal

    from lkjip_xl.numbers import _decimals_of

    rng = random.Random(5)
    texts = ["0", "0.000", "-0.50", "12.0", "100", "1E+2", "1.5E-7", "-2.500E-9", "NaN", "Infinity", "-Infinity"]
    for _ in range(20_000):
        digits = str(rng.randint(0, 10**rng.randint(1, 17)))
        point = rng.randint(0, len(digits))
        texts.append(("-" if rng.random() < 0.3 else "") + digits[:point] + "." + digits[point:] + "0" * rng.randint(0, 3))
        texts.append(f"{digits}E{rng.randint(-12, 12)}")
    for text in texts:
        number = Decimal(text)
        exponent = number.normalize().as_tuple().exponent
        assert _decimals_of(number) == (max(0, -exponent) if isinstance(exponent, int) else 0), text
