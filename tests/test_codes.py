"""Budget codes (Kepmendagri 050-5889/2021): accepted, normalised, levelled."""

import pytest

from lkjip_xl.codes import Level, level_from_label, parse_code


@pytest.mark.parametrize(
    "raw, canonical, level",
    [
        ("7.01.01", "7.01.01", Level.PROGRAM),
        ("7.01.01.2.01", "7.01.01.2.01", Level.KEGIATAN),
        ("7.01.01.2.01.0001", "7.01.01.2.01.0001", Level.SUB_KEGIATAN),
        ("7.01.01.02.01", "7.01.01.2.01", Level.KEGIATAN),
        ("7.01.01.2.01.01", "7.01.01.2.01.0001", Level.SUB_KEGIATAN),
        ("7.01.01.2.01.001", "7.01.01.2.01.0001", Level.SUB_KEGIATAN),
        ("7.01.01.", "7.01.01", Level.PROGRAM),
        (" 7.01.01 .2.01 ", "7.01.01.2.01", Level.KEGIATAN),
        ("7,01,01,2,01", "7.01.01.2.01", Level.KEGIATAN),
        ("1.02.01.1.05", "1.02.01.1.05", Level.KEGIATAN),
    ],
)
def test_codes_are_normalised(raw, canonical, level):
    code = parse_code(raw)
    assert code is not None
    assert code.canonical == canonical
    assert code.level is level
    assert code.changed == (raw.strip() != canonical)


@pytest.mark.parametrize("raw", ["", "7", "7.01", "7.01.01.2", "7.01.01.3.01", "abc", "7.01.01.2.01.12345", "10.01.01"])
def test_non_codes(raw):
    assert parse_code(raw) is None


def test_parent_is_the_code_minus_its_last_segment():
    assert parse_code("7.01.01.2.01.0001").parent == "7.01.01.2.01"
    assert parse_code("7.01.01.2.01").parent == "7.01.01"
    assert parse_code("7.01.01").parent is None


@pytest.mark.parametrize("text, level", [("Program", Level.PROGRAM), ("sub  kegiatan", Level.SUB_KEGIATAN), ("PROGAM", Level.PROGRAM), ("x", None)])
def test_level_labels(text, level):
    assert level_from_label(text) is level
