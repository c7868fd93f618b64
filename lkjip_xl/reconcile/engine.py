"""Reconciling a report's Tabel 3.8 with SIPD exports: which exports may be used, the matching, the
comparison of each matched line's anggaran and realisasi, lines on one side only, and the totals.

A difference in a parent (program, kegiatan, JUMLAH) that its lines explain (the report's parents are sums of
the report's own lines, so one mistyped sub kegiatan moves its kegiatan and program too) is named in the
line's finding (``follows``), not reported again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..codes import Level
from ..findings import Finding, Severity, Unit
from ..i18n import Num, Text
from ..model import BudgetTable, Document
from ..numbers import money_equal, transposed_digits
from .checks import COLUMN, DIFFERS, KEYS, LEFT_OUT, NEIGHBOUR, NOT_IN_SIPD, PERIOD, REFUSED, TOTAL, TRANSPOSED
from .export import Entry, SipdExport, office_words
from .jenis import reconcile_jenis
from .match import CODE, NAME, Line, Match, Matcher, normalise, report_lines

LEVEL = {
    Level.PROGRAM: Text("Program", "Program"),
    Level.KEGIATAN: Text("Kegiatan", "Activity"),
    Level.SUB_KEGIATAN: Text("Sub kegiatan", "Sub-activity"),
}
BY_CODE = Text("menurut kode {code}", "by code {code}")
BY_NAME = Text("menurut nama yang sama (\"{name}\")", "by the same name (\"{name}\")")
BY_SIMILAR = Text("hanya menurut nama yang mirip ({ratio}%: \"{name}\")", "only by a similar name ({ratio}%: \"{name}\")")
AMBIGUOUS = Text(" Lebih dari satu baris SIPD cocok: kecocokan tidak pasti.", " More than one SIPD line fits: the match is not sure.")
CODE_DIFFERS = Text(" Kode laporan {code} tidak ada di SIPD.", " The report's code {code} is not in SIPD.")
NAMES_DIFFER = Text(" Nama di SIPD berbeda jauh (\"{name}\"): periksa kodenya.", " SIPD's name is quite different (\"{name}\"): check the code.")
NAME_ONLY = Text(
    " Hanya nama yang sama yang menghubungkan baris ini dengan SIPD (tidak ada angka lain baris ini yang sama "
    "dengan SIPD, dan induknya tidak cocok menurut kode): karena itu peringatan.",
    " Only the same name links this line to SIPD (no other figure of the line agrees with SIPD, and its parent "
    "is not matched by code): hence a warning.",
)
PARTIAL = Text(" Ekspor hanya sampai bulan {month}.", " The export runs only to month {month}.")
FOLLOWS = Text(" Karena itu juga: {cells}.", " Hence also: {cells}.")
THE_ROW = Text("baris {row}", "row {row}")
ANGGARAN_OF_SAME = Text("anggaran baris ini", "this line's budget")
UNDER = Text(" (di bawah {what}, {cell})", " (under {what}, {cell})")
WHY_CODE = Text(", kode {code}", ", code {code}")
WHY_NAME = Text(", menurut nama", ", by name")
OTHER_YEAR = Text("ekspor tahun {export}, laporan tahun {report}", "the export is of {export}, the report of {report}")
OTHER_OFFICE = Text("ekspor perangkat daerah lain (\"{export}\"; laporan: \"{report}\")",
                    "the export is of another office (\"{export}\"; report: \"{report}\")")
NOTHING_MATCHED = Text("tidak satu pun baris Tabel 3.8 cocok dengan ekspor ini (kode maupun nama)",
                       "no line of Table 3.8 matches this export (by code or by name)")
NO_TABLE = Text("buku kerja tidak memiliki Tabel 3.8 untuk direkonsiliasi", "the workbook has no Table 3.8 to reconcile")


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def _refusal(export: SipdExport, document: Document) -> Text | None:
    settings = document.settings
    if export.year is not None and settings.year is not None and export.year != settings.year:
        return OTHER_YEAR.with_params(export=export.year, report=settings.year)
    if export.office and settings.office:
        ours = office_words(settings.office)
        theirs = office_words(" ".join([export.office, export.title, *export.units]))
        if ours and theirs and not ours & theirs:
            return OTHER_OFFICE.with_params(export=export.office, report=settings.office)
    return None


def _unit_scope(export: SipdExport, lines: list[Line]) -> tuple[str, list[Entry]]:
    """The organisation unit of the export the report is of: the one where most report lines find their code or
    name with the same anggaran (a Dinkes export holds the Dinas, its RSUD and each Puskesmas)."""
    units = {}
    for entry in export.entries:
        units.setdefault(entry.unit, []).append(entry)
    if len(units) <= 1:
        return next(iter(units), ""), export.entries
    best, best_score = None, (-1, -1)
    for unit, entries in units.items():
        matches = Matcher([(entry, export) for entry in entries], similar=False).match(lines)
        equal = sum(
            1 for match in matches.values()
            if match.line.row.anggaran.value is not None and match.entry.anggaran is not None
            and money_equal(match.line.row.anggaran.value, match.entry.anggaran)
        )
        score = (equal, len(matches))
        if score > best_score:
            best, best_score = unit, score
    return best, units[best]


def _match_text(match: Match) -> Text:
    if match.basis == CODE:
        return BY_CODE.with_params(code=match.entry.code)
    if match.basis == NAME:
        return BY_NAME.with_params(name=match.entry.name)
    return BY_SIMILAR.with_params(ratio=round(match.ratio * 100), name=match.entry.name)


def _what(line: Line) -> str:
    row = line.row
    name = (row.label.text or "").strip()
    return f"{line.code} {name}".strip() if line.code and line.code not in name else name or f"baris {row.row}"


def _value(line: Line, key: str) -> float | None:
    item = getattr(line.row, key)
    return item.value if item.parsed.is_number else None


def _neighbours(entry: Entry, pool: list[Entry]) -> list[Entry]:
    """The SIPD lines of the same level right before and after ``entry`` in the export."""
    same = [other for other in pool if other.level is entry.level]
    at = next((index for index, other in enumerate(same) if other is entry), None)
    if at is None:
        return []
    return [same[index] for index in (at - 1, at + 1) if 0 <= index < len(same)]


def reconcile(document: Document, exports: list[SipdExport], quiet_refusals: bool = False,
              report_month: int = 12) -> Outcome:
    """``quiet_refusals`` (batch, where every export is offered to every workbook): exports that do not fit are
    listed in the summary and said as a finding only when none fits. ``report_month``: the month the report's
    realisasi runs to (its title's "s.d. 30 Juni"); an export that runs to the same month is not partial."""
    outcome = Outcome()
    refusals: list[Finding] = []
    table: BudgetTable | None = document.budget.get("3.8")
    summary: dict[str, Any] = {"exports": [], "matched_by_code": 0, "matched_by_name": 0, "matched_by_similar_name": 0,
                               "ambiguous": 0, "only_in_report": [], "only_in_sipd": [], "totals": {}}
    outcome.summary = summary
    usable: list[SipdExport] = []
    for export in exports:
        info = export.to_dict()
        reason = _refusal(export, document) if table is not None else NO_TABLE
        if reason is not None:
            info["used"], info["refused"] = False, reason.render("id")
            refusals.append(REFUSED.at(None, table="3.8", file=_name(export), reason=reason))
        else:
            info["used"], info["refused"] = True, None
            usable.append(export)
        summary["exports"].append(info)
    if table is None or not usable:
        outcome.findings.extend(refusals)
        return outcome
    lines = report_lines(table)
    pool: list[tuple[Entry, SipdExport]] = []
    for export in usable:
        unit, entries = _unit_scope(export, lines)
        next(info for info in summary["exports"] if info["file"] == export.file and info["sheet"] == export.sheet)["unit"] = unit or None
        pool.extend((entry, export) for entry in entries)
    matches = Matcher(pool).match(lines)
    for export in list(usable):
        if not any(match.export is export for match in matches.values()):
            info = next(info for info in summary["exports"] if info["file"] == export.file and info["sheet"] == export.sheet)
            info["used"], info["refused"] = False, NOTHING_MATCHED("id")
            refusals.append(REFUSED.at(None, table="3.8", file=_name(export), reason=NOTHING_MATCHED))
            usable.remove(export)
    if not quiet_refusals or not usable:
        outcome.findings.extend(refusals)
    if not usable:
        return outcome
    pool = [(entry, export) for entry, export in pool if export in usable]
    entries = [entry for entry, _ in pool]
    partial = next((export for export in usable
                    if not export.period.whole_year and export.period.month != report_month), None)
    if partial is not None:
        outcome.findings.append(
            PERIOD.at(None, table="3.8", file=_name(partial), month=partial.period.month, said=partial.period.said)
        )
    matched_entries = {id(match.entry) for match in matches.values()}
    left_out = _left_out(lines, matches, pool, matched_entries)
    # The difference each line shows, and what its lines (report and SIPD) explain of its parent's.
    diffs: dict[tuple[int, str], float] = {}
    findings_of: dict[tuple[int, str], Finding] = {}
    for line in reversed(lines):  # children before parents
        match = matches.get(id(line))
        if match is None:
            continue
        for key in KEYS:
            reported, sipd = _value(line, key), getattr(match.entry, key)
            if reported is None or sipd is None:
                continue
            diff = reported - sipd
            diffs[(id(line), key)] = diff
            if money_equal(reported, sipd, document.settings.tolerance_money):
                continue
            explained = _explained(line, key, matches, diffs, left_out, entries)
            if explained is not None and money_equal(diff, explained, document.settings.tolerance_money) and line.children:
                _add_follows(line, key, findings_of, getattr(line.row, key).ref)
                continue
            name_only = match.basis == NAME and not _corroborated(line, match, key, matches, entries, document)
            finding = _difference(line, match, key, reported, sipd, entries, partial, document, name_only)
            outcome.findings.append(finding)
            findings_of[(id(line), key)] = finding
    for entry, export, parent_line in left_out:
        under = UNDER.with_params(what=_what(parent_line), cell=parent_line.row.label.ref.a1) if parent_line and parent_line.row.label.ref else ""
        ref = parent_line.row.label.ref if parent_line is not None else (table.total.label.ref if table.total is not None else None)
        outcome.findings.append(
            LEFT_OUT.at(ref, table="3.8", level=LEVEL[entry.level], code=entry.code, name=entry.name,
                        anggaran=Num(entry.anggaran or 0, "rupiah"), realisasi=Num(entry.realisasi or 0, "rupiah"),
                        where=export.where(entry.label_ref), under=under, label=_what(parent_line) if parent_line else None)
        )
        summary["only_in_sipd"].append({"code": entry.code, "name": entry.name, "level": entry.level.value,
                                        "anggaran": entry.anggaran, "realisasi": entry.realisasi,
                                        "file": export.file, "sheet": export.sheet,
                                        "cell": entry.label_ref.a1 if entry.label_ref else None})
    exports_text = ", ".join(_name(export) for export in usable)
    for line in lines:
        if id(line) in matches:
            continue
        if line.parent is not None and id(line.parent) not in matches:
            continue  # its parent is said already
        why = WHY_CODE.with_params(code=line.code) if line.code else WHY_NAME
        outcome.findings.append(NOT_IN_SIPD.at(line.row.label.ref, table="3.8", what=_what(line), exports=exports_text,
                                               why=why, label=line.row.label.text or None))
        summary["only_in_report"].append({"label": line.row.label.text, "code": line.code,
                                          "cell": line.row.label.ref.a1 if line.row.label.ref else None})
    _totals(table, lines, matches, diffs, findings_of, pool, document, outcome)
    jenis_findings, outcome.summary["jenis_belanja"] = reconcile_jenis(document, pool, partial, scope_sure=not left_out)
    outcome.findings.extend(jenis_findings)
    for match in matches.values():
        if match.basis == CODE:
            summary["matched_by_code"] += 1
        elif match.basis == NAME:
            summary["matched_by_name"] += 1
        else:
            summary["matched_by_similar_name"] += 1
        summary["ambiguous"] += match.ambiguous
    summary["report_lines"] = len(lines)
    return outcome


def _name(export: SipdExport) -> str:
    return f"{export.file} ({export.sheet})"


def _left_out(lines, matches, pool, matched_entries):
    """SIPD lines with money that no report line matched, at the levels the report lists, whose parent is
    matched (the highest missing line only: a missing kegiatan, not each of its sub kegiatan)."""
    levels = {line.row.level for line in lines if id(line) in matches}
    line_of_entry = {id(match.entry): match.line for match in matches.values()}
    out = []
    for entry, export in pool:
        if id(entry) in matched_entries or entry.level not in levels:
            continue
        if not (entry.anggaran or entry.realisasi):
            continue
        if entry.parent is not None and id(entry.parent) not in matched_entries:
            continue
        if entry.parent is None and entry.level is not Level.PROGRAM:
            continue
        out.append((entry, export, line_of_entry.get(id(entry.parent)) if entry.parent else None))
    return out


def _explained(line, key, matches, diffs, left_out, entries) -> float | None:
    """What the line's own lines (report children, SIPD children) make its difference: None when a child is
    not compared."""
    match = matches[id(line)]
    total = 0.0
    for child in line.children:
        if id(child) in matches:
            if (id(child), key) not in diffs:
                return None
            total += diffs[(id(child), key)]
        else:
            value = _value(child, key)
            if value is None:
                return None
            total += value
    matched = {id(matches[id(child)].entry) for child in line.children if id(child) in matches}
    for entry in entries:
        if entry.parent is match.entry and id(entry) not in matched:
            total -= getattr(entry, key) or 0.0
    return total


def _add_follows(line, key, findings_of, ref, stack=None) -> None:
    stack = list(line.children) if stack is None else stack
    while stack:
        child = stack.pop(0)
        finding = findings_of.get((id(child), key))
        if finding is not None:
            if ref is not None:
                finding.follows.append(ref)
            return
        stack.extend(child.children)


def _corroborated(line: Line, match: Match, key: str, matches: dict[int, Match], entries: list[Entry],
                  document: Document) -> bool:
    """Whether a line matched by name only is the SIPD line for something besides its name: its other figure
    agrees with SIPD's (a non-zero figure: zeros agree by chance), or its parent is matched by code and no
    other SIPD line under that parent has the same name. A name alone is never the basis of an error."""
    for other in KEYS:
        if other == key:
            continue
        reported, sipd = _value(line, other), getattr(match.entry, other)
        if reported and sipd and money_equal(reported, sipd, document.settings.tolerance_money):
            return True
    parent = matches.get(id(line.parent)) if line.parent is not None else None
    if parent is None or parent.basis != CODE or not parent.sure or match.entry.parent is not parent.entry:
        return False
    same_name = [entry for entry in entries if entry.parent is parent.entry and normalise(entry.name) == line.norm]
    return len(same_name) == 1


def _difference(line: Line, match: Match, key: str, reported: float, sipd: float, entries: list[Entry],
                partial: SipdExport | None, document: Document, name_only: bool = False) -> Finding:
    entry, export = match.entry, match.export
    sure = match.sure and not name_only and not (key == "realisasi" and partial is not None)
    severity = Severity.ERROR if sure else Severity.WARNING
    notes: list[Text | str] = []
    if name_only and match.sure:
        notes.append(NAME_ONLY)
    if match.ambiguous:
        notes.append(AMBIGUOUS)
    if match.code_differs:
        notes.append(CODE_DIFFERS.with_params(code=line.code))
    if match.basis == CODE and not match.sure and not match.ambiguous:
        notes.append(NAMES_DIFFER.with_params(name=entry.name))
    if key == "realisasi" and partial is not None:
        notes.append(PARTIAL.with_params(month=partial.period.month))
    common = dict(table="3.8", reported=reported, expected=sipd, unit=Unit.RUPIAH, label=line.row.label.text or None,
                  severity=severity, column=COLUMN[key], what=_what(line), where=export.where(getattr(entry, f"{key}_ref")),
                  sipd_label=f"{entry.code} {entry.name}", match=_match_text(match), note=_Joined(notes))
    ref = getattr(line.row, key).ref
    if transposed_digits(reported, sipd):
        return TRANSPOSED.at(ref, **common)
    tolerance = document.settings.tolerance_money
    if key == "realisasi" and entry.anggaran is not None and money_equal(reported, entry.anggaran, tolerance):
        return NEIGHBOUR.at(ref, source=ANGGARAN_OF_SAME, source_where=export.where(entry.anggaran_ref), **common)
    for other in _neighbours(entry, entries):
        value = getattr(other, key)
        if value is not None and money_equal(reported, value, tolerance):
            return NEIGHBOUR.at(ref, source=f"{other.code} {other.name}", source_where=export.where(getattr(other, f"{key}_ref")), **common)
    return DIFFERS.at(ref, **common)


_NOTES = Text("{a}{b}{c}{d}", "{a}{b}{c}{d}")


def _Joined(parts: list):
    """Up to four notes in one message parameter, each rendered in the message's language."""
    padded = [*parts, "", "", "", ""][:4]
    return _NOTES.with_params(**dict(zip("abcd", padded)))


def _totals(table, lines, matches, diffs, findings_of, pool, document, outcome) -> None:
    """JUMLAH against the sum of SIPD's programs; a difference its lines explain is not said again."""
    programs = [(entry, export) for entry, export in pool if entry.level is Level.PROGRAM]
    sipd = {key: sum(getattr(entry, key) or 0.0 for entry, _ in programs) for key in KEYS}
    total = table.total
    reported = {key: (getattr(total, key).value if total is not None and getattr(total, key).parsed.is_number else None) for key in KEYS}
    outcome.summary["totals"] = {"report": reported, "sipd": sipd, "sipd_programs": len(programs)}
    if total is None or not programs:
        return
    top = [line for line in lines if line.parent is None]
    for key in KEYS:
        if reported[key] is None or money_equal(reported[key], sipd[key], document.settings.tolerance_money):
            continue
        explained = 0.0
        known = True
        for line in top:
            if id(line) in matches:
                if (id(line), key) not in diffs:
                    known = False
                explained += diffs.get((id(line), key), 0.0)
            else:
                explained += _value(line, key) or 0.0
        matched = {id(matches[id(line)].entry) for line in top if id(line) in matches}
        explained -= sum(getattr(entry, key) or 0.0 for entry, _ in programs if id(entry) not in matched)
        if known and money_equal(reported[key] - sipd[key], explained, document.settings.tolerance_money):
            _add_follows(None, key, findings_of, getattr(total, key).ref, stack=list(top))
            continue
        export = programs[0][1]
        outcome.findings.append(
            TOTAL.at(getattr(total, key).ref, table="3.8", reported=reported[key], expected=sipd[key], unit=Unit.RUPIAH,
                     label=total.label.text or None, column=COLUMN[key], count=len(programs), where=_name(export))
        )
