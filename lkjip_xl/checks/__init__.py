"""The checks: each module declares its checks (codes, severities, texts) and the rules that emit them.

A rule is a function from a ``Document`` to findings, registered with ``@rule``. ``run_checks`` runs
them all; the catalogue of codes lives in ``findings.CATALOGUE``.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..findings import Finding
from ..model import Document

Rule = Callable[[Document], Iterable[Finding]]
RULES: list[Rule] = []


def rule(function: Rule) -> Rule:
    RULES.append(function)
    return function


def load_all() -> None:
    """Import every check module so that its checks and rules are registered."""
    from . import budget, cells, change, cross, document, evaluation, inventory, performance, structure, summaries  # noqa: F401
    from ..reconcile import checks as reconcile_checks  # noqa: F401  (R: run by validate when there is an export)


def run_checks(document: Document) -> list[Finding]:
    load_all()
    findings: list[Finding] = []
    for function in RULES:
        findings.extend(function(document))
    return findings
