"""The hierarchy of a budget table: which rows sum into which.

Levels come first from codes or the level column (template) or from text signals (free-form sheets).
A row's parent is the nearest row above it of a higher level: programs may hold sub kegiatan directly,
and the JUMLAH row holds the top-level rows. Account lines (rekening) sit below their sub kegiatan and nest by
the length of their account code (5.1.01 > 5.1.01.01).
"""

from __future__ import annotations

import math

from .model import BudgetRow, BudgetTable
from .numbers import money_equal


def _depth(row: BudgetRow) -> tuple[int, int]:
    """How deep a row sits: its level, then (account lines) the parts of its account code."""
    return row.level.rank, len(row.account.split(".")) if row.account else 0


def link_budget_rows(table: BudgetTable) -> None:
    stack: list[tuple[tuple[int, int], BudgetRow]] = []  # (depth, row): each row's depth worked out once
    for row in table.rows:
        row.parent = None
        row.children = []
    top_level: list[BudgetRow] = []
    for row in table.rows:
        if row.level is None:
            continue  # unknown level: reported by a check, kept out of every sum
        depth = _depth(row)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parent = stack[-1][1]
            row.parent = parent
            parent.children.append(row)
        else:
            top_level.append(row)
        stack.append((depth, row))
    if table.total is not None:
        table.total.children = top_level
        for row in top_level:
            row.parent = table.total


def first_reading(row: BudgetRow, key: str) -> float | None:
    """A figure as the sum checks first read it: empty is 0, a mistyped figure its first reading."""
    item = getattr(row, key)
    if item.empty:
        return 0.0
    parsed = item.parsed
    if parsed.value is not None:
        return parsed.value
    return parsed.readings[0] if parsed.readings else None


def sums_hold(row: BudgetRow) -> bool | None:
    """Whether a parent's anggaran or realisasi equals the sum of the rows right below it (its children).

    None when that cannot be told (no children, unreadable figures, everything zero). This is what confirms
    a hierarchy that was guessed: one matching figure is enough, since the other may be a typo.
    """
    if not row.children:
        return None
    known = False
    for key in ("anggaran", "realisasi"):
        own = first_reading(row, key)
        parts = [first_reading(child, key) for child in row.children]
        if own is None or None in parts or (not own and not any(parts)):
            continue
        if money_equal(own, math.fsum(parts)):
            return True
        known = True
    return False if known else None
