"""Typing a table's figures into the template, the way a person would, driven by template/layout.py.

A figure in the Indonesian form (or already a number) is typed as a number; US-form, mistyped and
ambiguous figures stay text, as pasted, so that the template's checks still flag them. A derived cell
(selisih, persentase, capaian, JUMLAH) keeps the template's formula where the formula shows the printed
figure, and holds the printed figure where the office typed over it. Used by the example workbook
(contoh.py) and by ``lkjip-xl import``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..indicators import Polarity, capaian, efficiency, id_key, marked_negative
from ..numbers import EMPTY, Kind, Parsed, Quantity, parse
from ..settings import Settings
from .layout import TableLayout

Values = dict[str, Any]


def typed(parsed: Parsed, quantity: Quantity) -> object:
    """What a person typing the figure leaves in the cell: a number, or the text as pasted."""
    if parsed.kind is Kind.EMPTY:
        return None
    if parsed.kind in (Kind.NUMBER, Kind.TEXT, Kind.NIL) and parsed.value is not None:
        value = parsed.value
        if quantity is Quantity.PERCENT:
            # 15 significant digits drop the division's float noise (96.67 / 100 = 0.9667000000000001) without
            # cutting a small share (0.13233104598% kept whole; 10 decimals made it a different figure).
            return float(f"{value / 100:.15g}")
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


@dataclass(frozen=True)
class Context:
    """What the template's performance formulas read besides their own row: the settings sheet, and the
    indicator IDs Tabel 3.2 marks Negatif (Tabel 3.3 and 3.5 take their polarity from there)."""

    settings: Settings = field(default_factory=Settings)
    negative_ids: frozenset[str] = frozenset()

    def polarity(self, table: str, values: Values) -> Polarity:
        """As the template's ``negatif`` formulas decide it (build.py: _listed_negative, _negative_polarity)."""
        indicator_id = str(values.get("id") or "")
        listed = id_key(indicator_id or str(values.get("indikator") or ""))
        if listed and listed in {id_key(entry) for entry in self.settings.negative_indicators}:
            return Polarity.NEGATIVE
        if table == "3.2":
            negative = marked_negative(str(values.get("polaritas") or ""))
        else:
            negative = bool(indicator_id.strip()) and id_key(indicator_id) in self.negative_ids
        return Polarity.NEGATIVE if negative else Polarity.POSITIVE


def _fraction(points: float | None) -> float | None:
    return None if points is None else points / 100


def _capaian(values: Values, context: Context, table: str, offset: str = "") -> float | None:
    polarity = context.polarity(table, values)
    target, actual = _number(values, f"target{offset}"), _number(values, f"realisasi{offset}")
    return _fraction(capaian(target, actual, polarity, context.settings.negative_formula))


def _efisiensi(values: Values, context: Context) -> float | None:
    # Without the group's mean capaian (other rows) only the default formula is known here; for the others
    # the printed figure is typed, and the checks compare it with the rule.
    serapan = _ratio(values, "realisasi_rp", "anggaran")
    return _fraction(efficiency(None if serapan is None else serapan * 100, None, context.settings.efficiency_formula))


# What each derived cell's formula (build.py) shows, from the typed inputs of its row and the context:
# percentages as fractions, as the template stores them. None: not known here (the printed figure is typed).
DERIVED: dict[str, dict[str, Callable[[Values, Context], float | None]]] = {
    "3.8": {
        "selisih": lambda v, _: _difference(v, "anggaran", "realisasi"),
        "persen": lambda v, _: _ratio(v, "realisasi", "anggaran"),
    },
    "3.7": {"persen": lambda v, _: _ratio(v, "realisasi", "anggaran")},
    "3.2": {"capaian": lambda v, c: _capaian(v, c, "3.2")},
    "3.3": {f"capaian{k}": (lambda v, c, k=k: _capaian(v, c, "3.3", str(k))) for k in (0, 1, 2)},
    "3.5": {
        "capaian": lambda v, c: _capaian(v, c, "3.5"),
        "serapan": lambda v, _: _ratio(v, "realisasi_rp", "anggaran"),
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


def write_row(
    sheet, table: TableLayout, row: int, printed: dict[str, Any], total: bool = False, context: Context = Context()
) -> None:
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
                if shows_same(value, derived[key](values, context), quantity, parsed.decimals):
                    continue
        cell.value = value
