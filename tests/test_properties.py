"""Property-based tests (hypothesis): the number parser on any value, and the whole pipeline on mutated
workbooks. No exception escapes, no example takes more than a few seconds, each runs at least 2,000 examples.

The examples are cheap on purpose: a small workbook held in memory, mutated at the XML, zip or byte level,
written to a temporary file and checked in-process. ``derandomize`` makes every run the same.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from datetime import timedelta

from corpus import Formula, RawMember, Sheet, deflated, raw_bytes, template_sheets, untouched, xlsx_parts
from defusedxml import ElementTree as SafeET
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.checks.cells import number_findings
from lkjip_xl.errors import InputRejected
from lkjip_xl.findings import Unit
from lkjip_xl.model import Field
from lkjip_xl.numbers import (
    CIRCULAR,
    EXCEL_ERRORS,
    MAX_MAGNITUDE,
    UNVERIFIABLE,
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
from lkjip_xl.report.annotate import sheet_xml
from lkjip_xl.report.summary import build_summary
from lkjip_xl.report.text import render_text
from lkjip_xl.snapshot import CellRef
from lkjip_xl.validate import check_file

EXAMPLES = 2_000
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# -- the number parser --------------------------------------------------------------------------------

NUMBERISH = st.text(alphabet="0123456789.,-\u2212()% Rp\u00a0IDR+eE", max_size=40)
CELL_VALUES = st.one_of(
    NUMBERISH,
    st.text(max_size=40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.timedeltas(),
    st.booleans(),
    st.none(),
    st.sampled_from(EXCEL_ERRORS).map(CellError),
    st.sampled_from([UNVERIFIABLE, CIRCULAR]),
)
NUMBER_FORMATS = st.one_of(
    st.none(),
    st.sampled_from(["0.00%", "0%", '"%"0', "General", '"Rp "#,##0;[Red]"Rp "-#,##0;"Rp -"', "@", "dd/mm/yyyy"]),
    st.text(max_size=20),
)
WITH_VALUE = (Kind.NUMBER, Kind.TEXT, Kind.FOREIGN, Kind.NIL)


def test_the_number_parser_takes_any_cell_value():
    runs = 0

    @PROPERTY
    @given(CELL_VALUES, st.sampled_from(Quantity), NUMBER_FORMATS, st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(Unit))
    def check(value, quantity, number_format, computed, unit):
        nonlocal runs
        runs += 1
        parsed = parse(value, quantity, number_format)
        assert isinstance(parsed.kind, Kind)
        assert (parsed.value is not None) == (parsed.kind in WITH_VALUE)
        for reading in parsed.readings:
            assert abs(reading) <= MAX_MAGNITUDE  # finite, and never enough to overflow a sum
        if parsed.value is not None:
            assert parsed.readings[0] == parsed.value
            agreement(parsed.value, parsed.decimals, computed)
            money_equal(parsed.value, computed)
            transposed_digits(parsed.value, computed)
        field = Field(CellRef("Tabel 3.8", 7, 5), parsed, "E6" if parsed.kind in (Kind.UNVERIFIABLE, Kind.CIRCULAR) else None)
        for finding in number_findings(field, table="3.8", unit=unit, label="Sub kegiatan"):
            finding.message("id"), finding.message("en")

    check()
    assert runs >= EXAMPLES


def test_printed_figures_read_back_as_themselves():
    runs = 0

    @PROPERTY
    @given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=-(10**8), max_value=10**8))
    def check(rupiah, hundredths):
        nonlocal runs
        runs += 1
        assert parse(format_money(rupiah, "id"), Quantity.MONEY).value == rupiah
        assert parse(format_percent(hundredths / 100, "id"), Quantity.PERCENT).value == hundredths / 100

    check()
    assert runs >= EXAMPLES


# -- the pipeline on mutated workbooks ----------------------------------------------------------------


def _base_parts() -> dict[str, bytes]:
    """A small template workbook that exercises the loader: formulas with and without cached values,
    shared strings, a merged cell, text numbers, an error value, a hidden sheet."""
    lines = [
        ("7.01.01", "PROGRAM PENUNJANG", 300_000, 260_000),
        ("7.01.01.2.01", "Kegiatan perencanaan", 300_000, 260_000),
        ("7.01.01.2.01.0001", "Penyusunan dokumen", 100_000, "Rp 60.000"),
        ("7.01.01.2.01.0002", "Evaluasi kinerja", 200_000.5, 200_000),
        ("7.01.01.2.01.0003", "Koordinasi", Formula("E8+E9", 300_000.5), CellError("#REF!")),
    ]
    sheets = template_sheets(lines)
    sheets[1].after_data = '<mergeCells count="1"><mergeCell ref="B6:D6"/></mergeCells>'
    sheets.append(Sheet("Catatan", {1: {1: "rujukan", 2: Formula("'Tabel 3.8'!E6*2", 600_000)}}, state="hidden"))
    parts = xlsx_parts(sheets)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>JUMLAH</t></si></sst>"
    )
    return parts


BASE = _base_parts()
PART_NAMES = sorted(BASE)
XML_BITS = st.text(alphabet='<>/="\'&;#x01239AZaz:. \n', max_size=12)
CELL_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "NaN", "1e999", "-0", "#REF!", "1,5", "TRUE", "_x001B_[2J", "=1+1"]),
)
REFS = st.one_of(
    st.sampled_from(["A0", "XFD1048576", "XFE1", "ZZZZ1", "", "1A", "$A$1", "A-1", "E999999999"]),
    st.builds(lambda c, r: f"{c}{r}", st.text(alphabet="ABCDEFGHXYZ", min_size=1, max_size=3), st.integers(0, 2_000_000)),
)


# Mostly inside the XML, where the loader and the checks must cope; some at the zip and byte level, where
# the pre-flight must.
MUTATIONS = ["value"] * 5 + ["ref"] * 3 + ["splice"] * 3 + ["drop", "duplicate", "rename", "flip", "truncate"]


@st.composite
def mutated(draw) -> bytes:
    """The base workbook with one or two mutations."""
    parts = dict(BASE)
    byte_mutations = []
    for _ in range(draw(st.integers(1, 2))):
        how = draw(st.sampled_from(MUTATIONS))
        if how in ("flip", "truncate"):
            byte_mutations.append((how, draw(st.integers(0, 10**6)), draw(st.integers(1, 255))))
            continue
        name = draw(st.sampled_from(sorted(parts)))
        text = parts[name].decode("utf-8", errors="replace")
        if how == "splice":
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, min(len(text), start + 40)))
            text = text[:start] + draw(XML_BITS) + text[end:]
        elif how == "value":
            values = list(re.finditer(r"(?<=<v>)[^<]*(?=</v>)|(?<=<t xml:space=\"preserve\">)[^<]*(?=</t>)", text))
            if values:
                match = draw(st.sampled_from(values))
                text = text[: match.start()] + draw(CELL_TEXT) + text[match.end() :]
        elif how == "ref":
            refs = list(re.finditer(r'(?<= r=")[^"]*(?=")|(?<= ref=")[^"]*(?=")', text))
            if refs:
                match = draw(st.sampled_from(refs))
                text = text[: match.start()] + draw(REFS) + text[match.end() :]
        elif how == "drop":
            parts.pop(name)
            continue
        elif how == "duplicate":
            parts[name + "\x00dup"] = parts[name]  # written under the same name below
            continue
        elif how == "rename":
            parts[draw(st.sampled_from(["xl/worksheets/sheet9.xml", "../evil.xml", "xl/Workbook.xml", "xl/x.bin"]))] = parts.pop(name)
            continue
        parts[name] = text.encode("utf-8")
    data = _zip(parts)
    for how, position, value in byte_mutations:
        if not data:
            break
        position %= len(data)
        data = data[:position] + bytes([data[position] ^ value]) + data[position + 1 :] if how == "flip" else data[:position]
    return data


_DEFLATED: dict[tuple[str, bytes], RawMember] = {}  # the base's parts are compressed once, not per example


def _zip(parts: dict[str, bytes]) -> bytes:
    members = []
    for name, data in parts.items():
        key = (name, data)
        if key not in _DEFLATED:
            _DEFLATED[key] = deflated(name.split("\x00")[0], data)  # a duplicate is written under the same name
        members.append(_DEFLATED[key] if key[1] is BASE.get(name) else _DEFLATED.pop(key))
    return raw_bytes(members)


def test_the_pipeline_takes_any_mutated_workbook(tmp_path):
    import formulas  # noqa: F401 - imported once here, not inside the first example that needs it

    runs, outcomes = 0, {"checked": 0, "refused": 0}
    path = tmp_path / "mutan.xlsx"

    @PROPERTY
    @given(mutated())
    def check(data):
        nonlocal runs
        runs += 1
        path.write_bytes(data)
        with untouched(path):
            try:
                report = check_file(path)
            except InputRejected as rejection:
                outcomes["refused"] += 1
                assert rejection.reason and rejection.message("id") and rejection.message("en")
                return
        outcomes["checked"] += 1
        json.dumps(report.to_dict("id"), ensure_ascii=False)
        render_text(report, "en")
        xml, _ = sheet_xml(build_summary(report, "id", when=dt.datetime(2025, 1, 1)))
        SafeET.fromstring(xml.encode("utf-8"))  # the summary sheet is always well-formed XML

    check()
    assert runs >= EXAMPLES
    assert outcomes["checked"] > EXAMPLES // 4 and outcomes["refused"] > EXAMPLES // 10  # both paths exercised


def test_the_base_workbook_is_checked_cleanly(tmp_path):
    """The unmutated workbook reads as a template, so the mutations start from a meaningful file."""
    path = tmp_path / "dasar.xlsx"
    path.write_bytes(_zip(BASE))
    report = check_file(path)
    assert report.tables == ["3.8"]
    codes = {finding.code for finding in report.findings}
    assert {"N001", "N006", "F005"} <= codes
