"""The hierarchy of a budget table: which rows sum into which.

Levels come first from codes or the level column (template) or from text signals (free-form sheets).
A row's parent is the nearest row above it of a higher level: programs may hold sub kegiatan directly,
and the JUMLAH row holds the top-level rows.
"""

from __future__ import annotations

from .codes import Level
from .model import BudgetRow, BudgetTable


def link_budget_rows(table: BudgetTable) -> None:
    stack: list[BudgetRow] = []
    for row in table.rows:
        row.parent = None
        row.children = []
    top_level: list[BudgetRow] = []
    for row in table.rows:
        if row.level is None:
            continue  # unknown level: reported by a check, kept out of every sum
        while stack and stack[-1].level.rank >= row.level.rank:
            stack.pop()
        if stack:
            row.parent = stack[-1]
            stack[-1].children.append(row)
        else:
            top_level.append(row)
        stack.append(row)
    if table.total is not None:
        table.total.children = top_level
        for row in top_level:
            row.parent = table.total
