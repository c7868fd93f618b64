"""The narrative against the tables: a sentence's figure compared with the table row the sentence speaks of.

Precision first: a sentence is matched to a row only when the row is named and a figure ties them.

- A budget sentence ("<name> ... alokasi Rp X ... realisasi Rp Y (Z%)") speaks of a row whose label or one
  of whose cells' text (two words or more) is written in the sentence before its figures and which prints X or Y; a JUMLAH / TOTAL row
  is named by printing X as its first figure. The row's other figure is the one in the next (previous)
  column, and only when that figure and X give the sentence's or the row's own percentage: then the
  reading of the row is certain and the sentence's figure that differs is a warning.
- An indicator sentence (the indicator named in quotes, then its figures) speaks of a row that shares two
  words of the name and prints at least one of the sentence's figures (not 0 or 100); the row printing most
  of them, alone. Each other figure is compared with the row's column of its role (the word before it:
  realisasi, capaian, target) when that column is certain (one left, or as many as the sentence's figures
  of that role, in order).

Tables are read here as printed (sheet cells as text), not through the workbook reader: a sentence may
quote any table, whether or not the reader takes it as an LKjIP table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..numbers import Kind, Quantity, parse
from .narrative import BudgetSentence, IndicatorSentence, _fits
from .source import DocumentSnapshot, TablePlace

_WORD = re.compile(r"[a-z]+")
# Words that name nothing: a row label made of them alone is not a name.
_STOP = frozenset(
    "dan atau yang di ke dari pada untuk dengan dalam terhadap oleh serta no nomor rp kegiatan program tahun".split()
)
_TOTALS = frozenset({"jumlah", "total", "sub", "subtotal"})
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _readings(text: str) -> tuple[tuple[float, ...], int]:
    parsed = parse(text, Quantity.VALUE)
    if parsed.kind in (Kind.INVALID, Kind.MALFORMED, Kind.EMPTY, Kind.OUT_OF_RANGE) or not parsed.readings:
        return (), 0
    return parsed.readings, parsed.decimals or 0


def same(a: tuple[float, ...], a_decimals: int, b: tuple[float, ...], b_decimals: int) -> bool:
    """Two printed figures are the same figure: equal at the fewer decimals either prints."""
    step = 10.0 ** -min(a_decimals, b_decimals)
    return any(abs(x - y) < step / 2 + 1e-9 * max(1.0, abs(x)) for x in a for y in b)


@dataclass
class Row:
    sheet: str
    row: int
    place: TablePlace
    label: list[str]  # the words of its text cells
    names: list[list[str]]  # the words of each text cell: a program's, a kegiatan's name
    figures: dict[int, tuple[tuple[float, ...], int, str]]  # column -> readings, decimals, text
    headers: dict[int, str] = field(default_factory=dict)  # column -> the header's words, lowercase

    @property
    def quote(self) -> str:
        return self.place.quotes.get(self.row, "")

    @property
    def page(self) -> int | None:
        return self.place.page_of(self.row)

    def columns_of(self, readings: tuple[float, ...], decimals: int) -> list[int]:
        return [col for col, (values, places, _) in self.figures.items() if same(readings, decimals, values, places)]


def table_rows(snapshot: DocumentSnapshot) -> list[Row]:
    out = []
    for name, sheet in snapshot.sheets.items():
        place = snapshot.places.get(name)
        if place is None:
            continue
        header: dict[int, list[str]] = {}
        seen_data = False
        for row, cells in sheet.rows():
            figures: dict[int, tuple[tuple[float, ...], int, str]] = {}
            label: list[str] = []
            names: list[list[str]] = []
            for col in range(1, len(cells) + 1):
                text = sheet.text(row, col)
                if not text:
                    continue
                readings, decimals = _readings(text)
                if readings:
                    figures[col] = (readings, decimals, text)
                else:
                    label.extend(_words(text))
                    names.append(_words(text))
            numbers_only = figures and all(_COLUMN_NUMBER.match(text) for _, _, text in figures.values())
            years = figures and all(_YEAR.match(text) for _, _, text in figures.values())  # "2022 | 2023 | 2024"
            if not seen_data and (len(figures) < 2 or numbers_only or years):
                for col in range(1, sheet.max_col + 1):  # a header cell spanning columns heads each of them
                    anchor = sheet.merge_anchor(row, col) or (row, col)
                    text = sheet.text(*anchor)
                    if text and (not _readings(text)[0] or _YEAR.match(text)):
                        header.setdefault(col, []).append(text.lower())
                continue
            if numbers_only:
                continue
            seen_data = True
            if figures:
                out.append(Row(name, row, place, label, names, figures, {col: " ".join(texts) for col, texts in header.items()}))
    return out


def _named(row: Row, subject: str) -> bool:
    """The row's label, or the text of one of its cells (its kegiatan's or program's name), two words or more
    that name something, written in the sentence."""
    written = f" {' '.join(_words(subject))} "
    return any(
        len([word for word in words if word not in _STOP]) >= 2 and f" {' '.join(words)} " in written
        for words in (row.label, *row.names)
    )


def _is_total(row: Row) -> bool:
    return bool(row.label) and row.label[0] in _TOTALS and len(row.label) <= 3


@dataclass(frozen=True)
class Mismatch:
    """A sentence's figure and the table's for the same thing."""

    role: str  # "alokasi" | "realisasi" | "capaian" | "target"
    reported: float
    expected: float
    decimals: int  # as the sentence prints its figure
    row: Row
    table_decimals: int = 0  # as the table prints its figure


def _amount_at(row: Row, col: int) -> float | None:
    values, _, _ = row.figures[col]
    return values[0] if len(values) == 1 and values[0] >= 1000 else None


def _percent_fits(row: Row, sentence: BudgetSentence, realised: float, allocated: float) -> bool:
    """The table's pair gives a percentage the sentence or the row prints: the pair is the row's realisation."""
    if allocated <= 0:
        return False
    ratio = Decimal(realised) * 100 / Decimal(allocated)
    if _fits(sentence.percent, sentence.decimals, ratio):
        return True
    for values, decimals, text in row.figures.values():
        if values[0] < 1000 and _fits(Decimal(str(values[0])).quantize(Decimal(1).scaleb(-decimals)), decimals, ratio):
            return True
    return False


def budget_mismatches(sentence: BudgetSentence, rows: list[Row]) -> list[Mismatch]:
    found: dict[str, list[Mismatch]] = {}
    x, y = (float(sentence.allocated),), (float(sentence.realised),)
    for row in rows:
        xs, ys = row.columns_of(x, 0), row.columns_of(y, 0)
        if xs and ys:
            if _named(row, sentence.subject):
                return []  # a row the sentence names prints both: the sentence agrees with the report
            continue
        amounts = [col for col in sorted(row.figures) if _amount_at(row, col) is not None]
        if xs and (_named(row, sentence.subject) or (_is_total(row) and amounts and amounts[0] == xs[0])):
            after = [col for col in amounts if col > xs[0]]
            if after:
                table = _amount_at(row, after[0])
                if _percent_fits(row, sentence, table, sentence.allocated):
                    found.setdefault("realisasi", []).append(Mismatch("realisasi", sentence.realised, table, 0, row))
        elif ys and _named(row, sentence.subject):
            before = [col for col in amounts if col < ys[0]]
            if before:
                table = _amount_at(row, before[-1])
                if _percent_fits(row, sentence, sentence.realised, table):
                    found.setdefault("alokasi", []).append(Mismatch("alokasi", sentence.allocated, table, 0, row))
    # Rows that disagree with each other on the figure: the sentence's row is not certain.
    return [items[0] for items in found.values() if len({item.expected for item in items}) == 1]


_HEADER_OF_ROLE = {"realisasi": "realisasi", "capaian": "capaian", "target": "target"}


def _content(words: list[str]) -> set[str]:
    return {word for word in words if len(word) >= 3 and word not in _STOP}


def _row_mismatches(sentence: IndicatorSentence, row: Row, matched: dict[int, int]) -> list[Mismatch] | None:
    """The sentence's unmatched figures against the row's column of their role; None when one is uncertain."""
    out = []
    used = set(matched.values())
    for index, figure in enumerate(sentence.figures):
        if index in matched:
            continue
        readings, decimals = _readings(figure.raw)
        key = _HEADER_OF_ROLE[figure.role]
        role_columns = [col for col in sorted(row.figures) if key in row.headers.get(col, "")]
        same_role = [i for i, other in enumerate(sentence.figures) if other.role == figure.role]
        column = None
        if len(same_role) == len(role_columns) > 1 and all(
            matched.get(i) in (None, role_columns[k]) for k, i in enumerate(same_role)
        ):
            column = role_columns[same_role.index(index)]
        else:
            free = [col for col in role_columns if col not in used]
            if figure.percent and len(free) > 1:
                free = [col for col in free if "%" in row.headers.get(col, "")]
            if len(free) == 1:
                column = free[0]
        if column is None:
            return None
        values, places, _ = row.figures[column]
        if not same(readings, decimals, values, places):
            out.append(Mismatch(figure.role, readings[0], values[0], decimals, row, places))
    return out


def _shared(name: set[str], label: set[str]) -> int:
    """The name's words the label has too, a word and its shortened form alike ("indeks", "indek")."""
    return sum(1 for word in name if any(word == other or (min(len(word), len(other)) >= 4 and (word.startswith(other) or other.startswith(word))) for other in label))


def _telling(readings: tuple[float, ...], decimals: int) -> bool:
    """A figure that ties a sentence to a row: not 0 or 100, not a small whole number (a count, a list's number)."""
    return decimals > 0 or all(10 <= value != 100 for value in readings)


def indicator_mismatches(sentence: IndicatorSentence, rows: list[Row]) -> list[Mismatch]:
    name = _content(_words(sentence.name))
    if len(name) < 2:
        return []
    scored = []
    for row in rows:
        shared = _shared(name, _content(row.label))
        if shared < 2 or 2 * shared < len(name):
            continue
        matched: dict[int, int] = {}
        for index, figure in enumerate(sentence.figures):
            readings, decimals = _readings(figure.raw)
            if not readings or not _telling(readings, decimals):
                continue
            columns = [col for col in row.columns_of(readings, decimals) if col not in matched.values()]
            if columns:
                matched[index] = columns[0]
        if matched:
            scored.append((len(matched), row, matched))
    if not scored:
        return []
    best = max(score for score, _, _ in scored)
    results = [_row_mismatches(sentence, row, matched) for score, row, matched in scored if score == best]
    if any(result is None for result in results):
        return []
    if len({tuple((m.role, m.reported, m.expected) for m in result) for result in results}) != 1:
        return []  # rows alike in name and figures disagree: no certain row
    return results[0]
