"""Tabel 3.7's totals per belanja type against the SIPD export's: the export's column groups (Operasi | Modal |
Tak Terduga | Transfer, summed over its programs) and its account rows (5.1 operasi, 5.1.01 pegawai, 5.1.02
barang dan jasa, 5.2 modal, 5.3 tak terduga, 5.4 transfer, summed over its sub kegiatan).

Only a row whose Uraian names one type and nothing else ("Belanja Pegawai", "5.1.01 Belanja Pegawai"), once in
the table, is compared. A table in the old Belanja Tidak Langsung / Belanja Langsung form is not: its Belanja
Pegawai is split between the two, which the export's accounts cannot tell apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codes import Level
from ..findings import Finding, Severity, Unit
from ..i18n import Text
from ..model import BudgetRow, BudgetTable, Document
from ..numbers import money_equal
from .checks import COLUMN, JENIS, KEYS
from .export import Entry, SipdExport
from .match import normalise


@dataclass(frozen=True)
class Jenis:
    key: str
    account: str  # the account code its rows start with
    group: str | None  # the export's column group holding it, when the export has one
    names: re.Pattern


def _names(*alternatives: str) -> re.Pattern:
    return re.compile(rf"^(?:belanja\s+)?(?:{'|'.join(alternatives)})$")


TYPES = (
    Jenis("operasi", "5.1", "operasi", _names("operasi")),
    Jenis("pegawai", "5.1.01", None, _names("pegawai")),
    Jenis("barang_jasa", "5.1.02", None, _names(r"barang\s+dan\s+jasa", r"barang\s+jasa")),
    Jenis("modal", "5.2", "modal", _names("modal")),
    Jenis("tak_terduga", "5.3", "tak_terduga", _names(r"(?:tidak|tak)\s+terduga")),
    Jenis("transfer", "5.4", "transfer", _names("transfer")),
)
# Parts of Belanja Operasi that Tabel 3.7 may list under it: a difference they explain is said on them.
PARTS = {"operasi": ("pegawai", "barang_jasa")}
FROM_GROUP = Text("jumlah kelompok belanja {group} dari {count} program", "the sum of the {group} group over {count} programs")
FROM_ACCOUNTS = Text("jumlah rekening {code} dari {count} sub kegiatan", "the sum of accounts {code} over {count} sub-activities")
NOT_WHOLE = Text(
    " Cakupan Tabel 3.7 belum pasti sama dengan ekspor (Tabel 3.8 tidak memuat semua baris SIPD yang beranggaran, "
    "atau tidak satu pun angka lain Tabel 3.7 sama dengan SIPD): karena itu peringatan.",
    " Table 3.7 may not cover what the export covers (Table 3.8 does not hold every budgeted SIPD line, or no "
    "other figure of Table 3.7 agrees with SIPD): hence a warning.",
)
PARTIAL = Text(" Ekspor hanya sampai bulan {month}.", " The export runs only to month {month}.")
OLD_FORM = "belanja tidak langsung / belanja langsung"


@dataclass
class SipdTotal:
    anggaran: float | None
    realisasi: float | None
    source: Text


def jenis_of(row: BudgetRow) -> Jenis | None:
    text = normalise(row.label.text or "")
    return next((jenis for jenis in TYPES if jenis.names.match(text)), None)


def _from_groups(jenis: Jenis, programs: list[Entry]) -> SipdTotal | None:
    if jenis.group is None or not programs or not all(jenis.group in entry.groups for entry in programs):
        return None
    sums = []
    for index in (0, 1):
        values = [entry.groups[jenis.group][index] for entry in programs]
        sums.append(None if any(value is None for value in values) else sum(values))
    return SipdTotal(sums[0], sums[1], FROM_GROUP.with_params(group=jenis.group.replace("_", " ").title(), count=len(programs)))


def _under(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def _from_accounts(jenis: Jenis, subs: list[Entry]) -> SipdTotal | None:
    """The topmost account rows of the type under every sub kegiatan; None when a sub kegiatan with money has no
    account rows (the export does not list them) or a figure is not a number."""
    if not subs:
        return None
    sums = [0.0, 0.0]
    for entry in subs:
        if not entry.accounts:
            if entry.anggaran or entry.realisasi:
                return None
            continue
        for account in entry.accounts:
            if not _under(account.code, jenis.account) or (account.parent and _under(account.parent, jenis.account)):
                continue
            for index, value in enumerate((account.anggaran, account.realisasi)):
                if value is None:
                    return None
                sums[index] += value
    return SipdTotal(sums[0], sums[1], FROM_ACCOUNTS.with_params(code=jenis.account, count=len(subs)))


def sipd_total(jenis: Jenis, entries: list[Entry], tolerance: float) -> SipdTotal | None:
    """SIPD's total of a belanja type: from its column group and from its account rows; when the export gives
    both and they disagree, none (the export is not sure of it)."""
    programs = [entry for entry in entries if entry.level is Level.PROGRAM]
    subs = [entry for entry in entries if entry.level is Level.SUB_KEGIATAN]
    found = [total for total in (_from_groups(jenis, programs), _from_accounts(jenis, subs)) if total is not None]
    if not found:
        return None
    first = found[0]
    for other in found[1:]:
        for key in KEYS:
            a, b = getattr(first, key), getattr(other, key)
            if a is None or b is None or not money_equal(a, b, tolerance):
                return None
    return first


def reconcile_jenis(document: Document, pool: list[tuple[Entry, SipdExport]], partial: SipdExport | None,
                    scope_sure: bool) -> tuple[list[Finding], dict]:
    """Findings R009 on Tabel 3.7's rows and the summary's ``jenis_belanja``."""
    table: BudgetTable | None = document.budget.get("3.7")
    summary: dict = {"checked": [], "not_checked": None}
    if table is None or not pool:
        return [], summary
    if any("langsung" in normalise(row.label.text or "").split() for row in table.rows):
        summary["not_checked"] = OLD_FORM
        return [], summary
    rows: dict[str, list[BudgetRow]] = {}
    for row in table.rows:
        jenis = jenis_of(row)
        if jenis is not None:
            rows.setdefault(jenis.key, []).append(row)
    entries = [entry for entry, _ in pool]
    exports = ", ".join(dict.fromkeys(f"{export.file} ({export.sheet})" for _, export in pool))
    units = ", ".join(dict.fromkeys(entry.unit for entry in entries if entry.unit))
    where = f"{exports}{': ' + units if units else ''}"
    tolerance = document.settings.tolerance_money
    compared = []
    for jenis in sorted(TYPES, key=lambda jenis: jenis.key in PARTS):  # parts before what they make up
        found = rows.get(jenis.key, [])
        if len(found) != 1:
            continue  # not named, or named twice (which one is the total?)
        total = sipd_total(jenis, entries, tolerance)
        if total is not None:
            compared.append((jenis, found[0], total))
    # The same scope as the export's unit (not, say, the Dinas with its RSUD and Puskesmas): Tabel 3.8 holds
    # every budgeted line of that unit, one export gives it, and some non-zero figure of Tabel 3.7 agrees.
    scope_sure = scope_sure and len({id(export) for _, export in pool}) == 1 and any(
        _number(getattr(row, key)) and money_equal(_number(getattr(row, key)), getattr(total, key) or 0.0, tolerance)
        for _, row, total in compared for key in KEYS
    )
    diffs: dict[tuple[str, str], float] = {}
    findings: dict[tuple[str, str], Finding] = {}
    for jenis, row, total in compared:
        checked = {"jenis": jenis.key, "label": row.label.text, "cell": row.label.ref.a1 if row.label.ref else None,
                   "report": {}, "sipd": {}}
        summary["checked"].append(checked)
        for key in KEYS:
            item, sipd = getattr(row, key), getattr(total, key)
            reported = _number(item)
            checked["report"][key], checked["sipd"][key] = reported, sipd
            if reported is None or sipd is None:
                continue
            diffs[(jenis.key, key)] = reported - sipd
            if money_equal(reported, sipd, tolerance):
                continue
            parts = [diffs.get((part, key)) for part in PARTS.get(jenis.key, ())]
            if parts and all(part is not None for part in parts) and money_equal(reported - sipd, sum(parts), tolerance):
                for part in PARTS[jenis.key]:
                    if (part, key) in findings and item.ref is not None:
                        findings[(part, key)].follows.append(item.ref)
                continue
            partial_here = key == "realisasi" and partial is not None
            severity = Severity.ERROR if scope_sure and not partial_here else Severity.WARNING
            note = _note(scope_sure, partial if partial_here else None)
            finding = JENIS.at(item.ref, table="3.7", reported=reported, expected=sipd, unit=Unit.RUPIAH,
                               label=row.label.text or None, severity=severity, column=COLUMN[key],
                               what=(row.label.text or "").strip(), source=total.source, where=where, note=note)
            findings[(jenis.key, key)] = finding
    return list(findings.values()), summary


def _number(item) -> float | None:
    return item.value if item.parsed.is_number else None


_TWO = Text("{a}{b}", "{a}{b}")


def _note(scope_sure: bool, partial: SipdExport | None):
    first = "" if scope_sure else NOT_WHOLE
    second = PARTIAL.with_params(month=partial.period.month) if partial is not None else ""
    return _TWO.with_params(a=first, b=second)
