"""Whatever part of the report an office pastes, cut, reordered or half converted, reading it never fails:
either tables are found and checked, or the workbook is refused with a clear reason (no_tables)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from lkjip_xl.checks import run_checks
from lkjip_xl.errors import InputRejected
from lkjip_xl.load import load_file
from lkjip_xl.validate import read_document
from pasted import paste, seed_lines

LINES = seed_lines()


@st.composite
def pastes(draw):
    start = draw(st.integers(0, len(LINES) - 1))
    chunk = LINES[start : draw(st.integers(start + 1, min(len(LINES), start + 120)))]
    dropped = draw(st.sets(st.integers(0, len(chunk) - 1), max_size=8))
    chunk = [line for index, line in enumerate(chunk) if index not in dropped]
    if len(chunk) > 2 and draw(st.booleans()):
        i, j = sorted(draw(st.lists(st.integers(0, len(chunk) - 1), min_size=2, max_size=2, unique=True)))
        chunk[i], chunk[j] = chunk[j], chunk[i]
    options = dict(convert=draw(st.booleans()), merge=draw(st.booleans()), bold=draw(st.booleans()))
    return chunk, options, draw(st.integers(1, 3)), draw(st.integers(1, 3))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pastes())
def test_any_cut_of_the_report_is_read_or_refused_never_failing(tmp_path, case):
    lines, options, row, col = case
    workbook = Workbook()
    paste(workbook.active, lines, row=row, col=col, **options)
    path = tmp_path / "cut.xlsx"
    workbook.save(path)
    try:
        document, findings = read_document(load_file(path))
    except InputRejected as rejection:
        assert rejection.reason == "no_tables"
        return
    assert document.tables or set(document.missing) >= {"3.2", "3.3", "3.5", "3.8"}  # empty tables: S001
    for finding in findings + run_checks(document):
        assert finding.message("id") and finding.message("en")
