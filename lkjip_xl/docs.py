"""The catalogue of checks, generated from their declarations: ``lkjip-xl rules`` and docs/rules.md."""

from __future__ import annotations

from .checks import load_all
from .findings import CATALOGUE, GROUP_AT, GROUPS, Check
from .i18n import Lang, Text

INTRO = Text(
    "Setiap pemeriksaan punya kode tetap (muncul di JSON dan di sheet Ringkasan Validasi), tingkat, arti, "
    "dan cara memperbaikinya. Dokumen ini dibuat dari kode: `lkjip-xl rules --format markdown`.",
    "Every check has a stable code (it appears in the JSON and on the Ringkasan Validasi sheet), a severity, "
    "what it means and how to fix it. This document is generated from the code: "
    "`lkjip-xl rules --format markdown`.",
)
POLICY_TITLE = Text("Kebijakan tingkat", "Severity policy")
# The policy every check's severity follows (issue 11). Held by the code: the report's guard (findings.py)
# drops a finding whose reported and expected figures print alike, figures are compared at the precision
# their cells show (numbers.py), and a reading that rests on a guess lowers the severity where it is made.
POLICY = [
    Text(
        "**Kesalahan** hanya bila lkjip-xl dapat menunjukkan hitungan yang dilanggar angka tertulis, dengan "
        "bacaan tabel yang pasti.",
        "An **error** only where lkjip-xl can show the arithmetic that the printed figure breaks, under a reading "
        "of the table it is sure of.",
    ),
    Text(
        "Apa pun yang bertumpu pada dugaan (tata letak, polaritas, rumus, bacaan angka ambigu) paling tinggi "
        "**peringatan**.",
        "Anything that rests on a guess (of layout, polarity, formula, the reading of an ambiguous figure) is at "
        "most a **warning**.",
    ),
    Text(
        "Apa yang tidak dapat diperiksa disebut sekali, sebagai **info**. Bila ragu, lebih baik diam.",
        "What cannot be checked is said once, as **info**. When unsure, say less.",
    ),
    Text(
        "Angka dibandingkan pada ketelitian yang ditampilkan selnya: desimal format angkanya (format persen "
        "bergeser 2), 15 digit bermakna Excel, desimal teks yang diketik. Rupiah tepat sampai rupiah (atau sen "
        "bila tertulis). Temuan yang nilai tertulis dan seharusnya tercetak sama bukan temuan dan tidak "
        "dilaporkan.",
        "Figures are compared at the precision their cell shows: its number format's decimals (percent formats "
        "shift by 2), Excel's 15 significant digits, a typed text's own decimals. Money is exact to the rupiah "
        "(or the sen where shown). A finding whose reported and expected values print alike is no finding and "
        "is not reported.",
    ),
    Text(
        "Peringatan dan info yang berulang pada satu kolom ({group_at} sel atau lebih, satu kode) dilaporkan sekali, "
        "dengan jumlah sel serta sel pertama dan terakhir; JSON memuat daftar selnya. Kesalahan tetap satu per "
        "sel.",
        "Warnings and info repeated down one column ({group_at} cells or more, one code) are reported once, with the "
        "number of cells and the first and last cell; the JSON lists every cell. Errors stay one per cell.",
    ),
]
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
    lines += [f"## {POLICY_TITLE('id')} / {POLICY_TITLE('en')}", ""]
    for lang in ("id", "en"):
        lines += [f"- {item(lang, group_at=GROUP_AT)}" for item in POLICY] + [""]
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
