"""Typing a table's figures into the template, the way a person would, driven by template/layout.py.

A figure in the Indonesian form (or already a number) is typed as a number; US-form, mistyped and
ambiguous figures stay text, as pasted, so that the template's checks still flag them. A derived cell
(selisih, persentase, capaian, JUMLAH) keeps the template's formula where the formula shows the printed
figure, and holds the printed figure where the office typed over it. Used by the example workbook
(contoh.py) and by ``lkjip-xl import``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..numbers import EMPTY, Kind, Parsed, Quantity, parse
from .layout import TableLayout

Values = dict[str, Any]


def typed(parsed: Parsed, quantity: Quantity) -> object:
    """What a person typing the figure leaves in the cell: a number, or the text as pasted."""
    if parsed.kind is Kind.EMPTY:
        return None
    if parsed.kind in (Kind.NUMBER, Kind.TEXT, Kind.NIL) and parsed.value is not None:
        value = parsed.value
        if quantity is Quantity.PERCENT:
            return round(value / 100, 10)
        return int(value) if float(value).is_integer() else value
    return parsed.text


def _number(values: Values, key: str) -> float | None:
    value = values.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _ratio(values: Values, top: str, bottom: str) -> float | None:
    a, b = _number(values, top), _number(values, bottom)
    return a / b if a is not None and b else None


def _difference(values: Values, a: str, b: str) -> float | None:
    x, y = _number(values, a), _number(values, b)
    return x - y if x is not None and y is not None else None


def _capaian(values: Values, target: str, actual: str) -> float | None:
    t, r = _number(values, target), _number(values, actual)
    if t is None or r is None or not t:
        return None
    return (2 * t - r) / t if values.get("polaritas") == "Negatif" else r / t


def _efisiensi(values: Values) -> float | None:
    serapan = _ratio(values, "realisasi_rp", "anggaran")
    return None if serapan is None else 1 - serapan


# What each derived cell's formula (build.py) shows, from the typed inputs of its row: percentages as
# fractions, as the template stores them.
DERIVED: dict[str, dict[str, Callable[[Values], float | None]]] = {
    "3.8": {
        "selisih": lambda v: _difference(v, "anggaran", "realisasi"),
        "persen": lambda v: _ratio(v, "realisasi", "anggaran"),
    },
    "3.7": {"persen": lambda v: _ratio(v, "realisasi", "anggaran")},
    "3.2": {"capaian": lambda v: _capaian(v, "target", "realisasi")},
    "3.3": {f"capaian{k}": (lambda v, k=k: _ratio(v, f"realisasi{k}", f"target{k}")) for k in (0, 1, 2)},
    "3.5": {
        "capaian": lambda v: _ratio(v, "realisasi", "target"),
        "serapan": lambda v: _ratio(v, "realisasi_rp", "anggaran"),
        "efisiensi": _efisiensi,
    },
}


def _percent_shown(value: float, decimals: int) -> float:
    return round(value * 100, decimals)


def shows_same(value: object, formula_value: float | None, quantity: Quantity, decimals: int | None) -> bool:
    """Whether the template's formula, showing ``formula_value``, prints what the report printed."""
    if not isinstance(value, (int, float)) or formula_value is None:
        return False
    if quantity is Quantity.PERCENT:
        shown = decimals or 0
        return _percent_shown(value, shown + 2) == _percent_shown(formula_value, shown + 2) or round(
            value * 100, shown
        ) == round(formula_value * 100, shown)
    return abs(value - formula_value) < 0.005


def write_row(sheet, table: TableLayout, row: int, printed: dict[str, Any], total: bool = False) -> None:
    """Type one row into the template. ``printed`` maps column keys to what the report shows: the text as
    printed or a Parsed for a figure, a string or number for the other columns. Keys left out keep what
    the template has there; on the JUMLAH row (``total``) the figures a formula should show are unknown."""
    values: Values = {}
    figures: dict[str, tuple[Parsed, Quantity]] = {}
    for column in table.columns:
        if column.key not in printed:
            continue
        item = printed[column.key]
        if column.quantity is None:
            values[column.key] = item if item != "" else None
            continue
        parsed = item if isinstance(item, Parsed) else parse(item, column.quantity) if item else EMPTY
        figures[column.key] = (parsed, column.quantity)
        values[column.key] = typed(parsed, column.quantity)
    derived = {} if total else DERIVED.get(table.table, {})
    for key, value in values.items():
        cell = sheet.cell(row, table.col(key))
        if isinstance(cell.value, str) and cell.value.startswith("="):
            if value is None:
                continue  # nothing printed: the template's formula stays
            if key in figures and key in derived:
                parsed, quantity = figures[key]
                if shows_same(value, derived[key](values), quantity, parsed.decimals):
                    continue
        cell.value = value
