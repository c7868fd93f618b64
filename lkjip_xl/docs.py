"""The catalogue of checks, generated from their declarations: ``lkjip-xl rules`` and docs/rules.md."""

from __future__ import annotations

from .checks import load_all
from .findings import CATALOGUE, GROUPS, Check
from .i18n import Lang, Text

INTRO = Text(
    "Setiap pemeriksaan punya kode tetap (muncul di JSON dan di sheet Ringkasan Validasi), tingkat, arti, "
    "dan cara memperbaikinya. Dokumen ini dibuat dari kode: `lkjip-xl rules --format markdown`.",
    "Every check has a stable code (it appears in the JSON and on the Ringkasan Validasi sheet), a severity, "
    "what it means and how to fix it. This document is generated from the code: "
    "`lkjip-xl rules --format markdown`.",
)
SEVERITY = Text("Tingkat", "Severity")
MEANING = Text("Arti", "Meaning")
FIX = Text("Perbaikan", "Fix")
EXAMPLE = Text("Contoh pesan", "Example message")


def checks() -> list[Check]:
    load_all()
    return [CATALOGUE[code] for code in sorted(CATALOGUE, key=lambda code: (list(GROUPS).index(code[0]), code))]


def rules_text(lang: Lang = "id") -> str:
    lines = []
    for check in checks():
        lines.append(f"{check.code}  {check.severity.label(lang):<10} {check.name}: {check.title(lang)}")
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """Both languages, Indonesian first, one section per check."""
    lines = ["# lkjip-xl: daftar pemeriksaan / checks", "", INTRO("id"), "", INTRO("en"), ""]
    group = None
    for check in checks():
        if check.group != group:
            group = check.group
            lines += [f"## {group}: {GROUPS[group]('id')} / {GROUPS[group]('en')}", ""]
        lines += [
            f"### {check.code} `{check.name}`",
            "",
            f"**{check.title('id')}** / *{check.title('en')}*",
            "",
            f"- {SEVERITY('id')} / {SEVERITY('en')}: `{check.severity.value}`",
            f"- {MEANING('id')}: {check.description('id')}",
            f"- {FIX('id')}: {check.fix('id')}",
            f"- {MEANING('en')}: {check.description('en')}",
            f"- {FIX('en')}: {check.fix('en')}",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
