"""Values for formulas that have no cached value (files saved by openpyxl and other non-Excel tools).

Excel's semantics come from the ``formulas`` package, but not through its whole-workbook model: that
compiles every formula of the book (seconds for a few thousand, and on our own template it did not finish
in ten minutes). Instead each distinct formula *shape* (the same formula copied down a column) is compiled
once and evaluated per cell on inputs taken from the snapshot. ``formulas`` is imported only when a
workbook has such cells. ``#NAME?`` means the engine lacks a function: that cell is unverifiable, never
wrong; so is a cell in a circular chain or one whose references we cannot resolve.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..numbers import CIRCULAR, UNVERIFIABLE, CellError
from ..snapshot import WorkbookSnapshot

Pos = tuple[int, int]

_REF = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?"
    r"(?P<c1>\$?[A-Z]{1,3})?(?P<r1>\$?\d+)?(?::(?P<c2>\$?[A-Z]{1,3})?(?P<r2>\$?\d+)?)?$",
    re.IGNORECASE,
)


# Work bounds over the whole workbook, so that a hostile or odd file ends in seconds: past them the
# remaining formulas stay unverifiable. A running total (=SUM($A$1:A5) copied down) reads a number of cells
# quadratic in its length; each distinct formula shape costs a compilation (5 to 20 ms).
READ_BUDGET = 500_000  # cells read into range arguments
COMPILE_BUDGET = 200  # distinct formula shapes compiled (the template has 22)


class _Unsupported(Exception):
    """A reference or construct this evaluator does not resolve: the cell stays unverifiable."""


@dataclass(frozen=True)
class _Ref:
    sheet: str | None  # as written, unquoted; None = the formula's own sheet
    rows: tuple[int, int] | None  # None for whole columns
    cols: tuple[int, int] | None  # None for whole rows
    absolute: tuple[bool, bool, bool, bool]  # $ on c1, r1, c2, r2

    def name(self) -> str:
        """The input name ``formulas`` gives this reference: upper case, no $ and no quotes."""
        return _normal_name(self.text)

    text: str = ""


def _normal_name(text: str) -> str:
    name = text.replace("$", "").replace("'", "").upper()
    sheet, bang, reference = name.rpartition("!")
    first, colon, last = reference.partition(":")
    # ``formulas`` names a one-cell range ($A$1:A1, the first row of a running total) as the cell itself.
    return sheet + bang + first if colon and first == last else name


def _col_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _parse_ref(text: str) -> _Ref:
    match = _REF.match(text)
    if not match or not (match.group("c1") or match.group("r1")):
        raise _Unsupported(text)  # a defined name, a structured reference, an external book
    sheet = match.group("sheet")
    if sheet:
        sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        if sheet.startswith("["):
            raise _Unsupported(text)
    c1, r1, c2, r2 = (match.group(k) or "" for k in ("c1", "r1", "c2", "r2"))
    if not match.group(0).count(":"):
        c2, r2 = c1, r1
    absolute = (c1.startswith("$"), r1.startswith("$"), c2.startswith("$"), r2.startswith("$"))
    cols = (_col_number(c1.strip("$")), _col_number(c2.strip("$"))) if c1 and c2 else None
    rows = (int(r1.strip("$")), int(r2.strip("$"))) if r1 and r2 else None
    if cols is None and rows is None:
        raise _Unsupported(text)
    return _Ref(sheet, rows, cols, absolute, text)


def refers_to(formula: str, sheet: str, cell: Pos) -> bool:
    """Whether ``formula`` (on ``sheet``) reads ``cell`` of its own sheet, directly or within a range."""
    try:
        refs = _shape(formula, cell)[1]
    except Exception:  # noqa: BLE001 - a formula the tokenizer or this reader cannot follow reads nothing known
        return False
    row, col = cell
    return any(
        (ref.sheet is None or ref.sheet == sheet)
        and (ref.rows is None or ref.rows[0] <= row <= ref.rows[1])
        and (ref.cols is None or ref.cols[0] <= col <= ref.cols[1])
        for ref in refs
    )


def _shape(formula: str, here: Pos) -> tuple[str, list[_Ref]]:
    """The formula with relative references written as offsets from its cell, and its references."""
    from openpyxl.formula.tokenizer import Tokenizer

    parts: list[str] = []
    refs: list[_Ref] = []
    for token in Tokenizer("=" + formula.lstrip("=")).items:
        if token.type == "OPERAND" and token.subtype == "RANGE":
            ref = _parse_ref(token.value)
            refs.append(ref)
            row, col = here
            fields = []
            for value, is_abs, origin in (
                (ref.cols[0] if ref.cols else None, ref.absolute[0], col),
                (ref.rows[0] if ref.rows else None, ref.absolute[1], row),
                (ref.cols[1] if ref.cols else None, ref.absolute[2], col),
                (ref.rows[1] if ref.rows else None, ref.absolute[3], row),
            ):
                fields.append("-" if value is None else f"${value}" if is_abs else f"{value - origin:+d}")
            parts.append(f"<{(ref.sheet or '').upper()}!{','.join(fields)}>")
        else:
            parts.append(token.value)
    return "".join(parts), refs


@dataclass
class _Compiled:
    function: Callable[..., Any]
    positions: list[int]  # for each input of the function, the index of the reference that feeds it
    # Results by scalar inputs: a formula copied down a column over empty rows is computed once.
    results: dict = field(default_factory=dict)


class FormulaEvaluator:
    """Evaluates the uncached formula cells of one snapshot, in place."""

    def __init__(self, snapshot: WorkbookSnapshot, pending: dict[str, set[Pos]]) -> None:
        os.environ.setdefault("TQDM_DISABLE", "1")
        import formulas
        import numpy
        import schedula

        self._formulas = formulas
        self._numpy = numpy
        self._empty = schedula.EMPTY
        from formulas.tokens.operand import XlError

        self._xl_error = XlError
        self.snapshot = snapshot
        self.pending = {(sheet, pos) for sheet, positions in pending.items() for pos in positions}
        self.by_upper = {name.upper(): name for name in snapshot.sheets}
        self.compiled: dict[str, _Compiled | None] = {}
        self.done: dict[tuple[str, Pos], Any] = {}
        self.active: dict[tuple[str, Pos], None] = {}  # the chain being evaluated, in order
        self.circular: set[tuple[str, Pos]] = set()  # cells on a chain that leads back to itself
        self.cells_read = 0

    def run(self) -> None:
        # schedula logs a traceback for every function it cannot dispatch (HYPERLINK, unknown names): those
        # cells end up unverifiable, which is the whole story; the log would only alarm the user.
        logger = logging.getLogger("schedula")
        level = logger.level
        logger.setLevel(logging.CRITICAL + 1)  # its child loggers inherit this
        try:
            with self._numpy.errstate(all="ignore"):  # an overflow is a #NUM! result, not a console warning
                for sheet, pos in sorted(self.pending, key=lambda item: (item[0], item[1])):
                    self._value(sheet, pos)
        finally:
            logger.setLevel(level)
        for key in self.circular:
            self.done[key] = CIRCULAR
        for (sheet, pos), value in self.done.items():
            self.snapshot.sheets[sheet].set_value(*pos, value)

    # -- evaluation ---------------------------------------------------------------------------------

    def _value(self, sheet: str, pos: Pos) -> Any:
        key = (sheet, pos)
        if key not in self.pending:
            return self.snapshot.sheets[sheet].value(*pos)
        if key in self.done:
            return self.done[key]
        if key in self.active:  # a circular reference: the chain from this cell on is the circle
            chain = list(self.active)
            self.circular.update(chain[chain.index(key) :])
            return UNVERIFIABLE
        self.active[key] = None
        try:
            value = self._evaluate(sheet, pos)
        except (_Unsupported, RecursionError):
            value = UNVERIFIABLE
        except Exception:  # noqa: BLE001 - the engine failing on one formula leaves that cell unverifiable
            value = UNVERIFIABLE
        finally:
            self.active.pop(key, None)
        self.done[key] = value
        return value

    def _evaluate(self, sheet: str, pos: Pos) -> Any:
        formula = self.snapshot.sheets[sheet].formula(*pos) or ""
        shape, refs = _shape(formula, pos)
        compiled = self.compiled.get(shape)
        if shape not in self.compiled:
            if len(self.compiled) >= COMPILE_BUDGET:
                raise _Unsupported("compile budget spent")
            compiled = self.compiled[shape] = self._compile(formula, refs)
        if compiled is None:
            raise _Unsupported(formula)
        args = []
        for index in compiled.positions:
            value = self._input(sheet, refs[index])
            if value is UNVERIFIABLE:
                return UNVERIFIABLE
            args.append(value)
        key = _memo_key(args)
        if key is None:
            return self._plain(compiled.function(*args))
        if key not in compiled.results:
            compiled.results[key] = self._plain(compiled.function(*args))
        return compiled.results[key]

    def _compile(self, formula: str, refs: list[_Ref]) -> _Compiled | None:
        function = self._formulas.Parser().ast("=" + formula.lstrip("="))[1].compile()
        names = [ref.name() for ref in refs]
        positions = []
        for name in function.inputs:
            normal = _normal_name(name)
            if normal not in names:
                return None
            positions.append(names.index(normal))
        return _Compiled(function, positions)

    def _input(self, sheet: str, ref: _Ref) -> Any:
        target = sheet
        if ref.sheet is not None:
            target = self.by_upper.get(ref.sheet.upper())
            if target is None:
                return self._xl_error("#REF!")
        snapshot_sheet = self.snapshot.sheets[target]
        rows = ref.rows or (1, max(snapshot_sheet.max_row, 1))
        cols = ref.cols or (1, max(snapshot_sheet.max_col, 1))
        if rows[0] == rows[1] and cols[0] == cols[1]:
            return self._to_engine(self._value(target, (rows[0], cols[0])))
        self.cells_read += (rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1)
        if self.cells_read > READ_BUDGET:
            raise _Unsupported("read budget spent")
        grid = self._numpy.empty((rows[1] - rows[0] + 1, cols[1] - cols[0] + 1), dtype=object)
        for r in range(rows[0], rows[1] + 1):
            for c in range(cols[0], cols[1] + 1):
                value = self._value(target, (r, c))
                if value is UNVERIFIABLE:
                    return UNVERIFIABLE
                grid[r - rows[0], c - cols[0]] = self._to_engine(value)
        return grid

    def _to_engine(self, value: Any) -> Any:
        if value is None:
            return self._empty
        if isinstance(value, CellError):
            return self._xl_error(value.code)
        return value

    def _plain(self, value: Any) -> Any:
        if isinstance(value, self._numpy.ndarray):
            if value.size != 1:
                return UNVERIFIABLE  # an array result (spill) is not one cell's value
            value = value.ravel()[0]
        if value is self._empty:
            return None
        if isinstance(value, self._xl_error):
            code = str(value)
            return UNVERIFIABLE if code == "#NAME?" else CellError(code)
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, str) and value == "":
            return None
        return value


def _memo_key(args: list[Any]) -> tuple | None:
    """A hashable key of scalar inputs, typed so that 1 and True and 1.0 stay apart; None for arrays."""
    key = []
    for value in args:
        if hasattr(value, "shape"):
            return None
        key.append((type(value).__name__, value))
    return tuple(key)


def evaluate_uncached(snapshot: WorkbookSnapshot, pending: dict[str, set[Pos]]) -> None:
    """Fill in the values of the ``pending`` formula cells of ``snapshot``; UNVERIFIABLE where that fails."""
    if pending:
        FormulaEvaluator(snapshot, pending).run()
