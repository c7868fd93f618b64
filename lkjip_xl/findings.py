"""Checks, the findings they produce, and the report that gathers them.

A ``Check`` is a declaration: a stable code, a severity, and its texts in both languages (title, message
template, what it means, how to fix it). The catalogue of every check, ``lkjip-xl rules`` and
``docs/rules.md`` are generated from these declarations, in the manner of ruff's and sqlfluff's rule docs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .i18n import Lang, Num, Phrase, Text
from .snapshot import CellRef, column_letter


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    def label(self, lang: Lang = "id") -> str:
        return SEVERITY_LABELS[self](lang)


SEVERITY_LABELS = {
    Severity.ERROR: Text("Kesalahan", "Error"),
    Severity.WARNING: Text("Peringatan", "Warning"),
    Severity.INFO: Text("Info", "Info"),
}


class Unit(enum.Enum):
    RUPIAH = "rupiah"
    PERCENT = "percent"
    VALUE = "value"


# Groups order the catalogue and say where a check looks.
GROUPS = {
    "N": Text("Angka dalam sel", "Numbers in cells"),
    "B": Text("Anggaran (Tabel 3.7 dan 3.8)", "Budget (Tables 3.7 and 3.8)"),
    "K": Text("Kinerja (Tabel 3.2, 3.3 dan 3.5)", "Performance (Tables 3.2, 3.3 and 3.5)"),
    "X": Text("Antar tabel", "Across tables"),
    "S": Text("Struktur buku kerja", "Workbook structure"),
    "F": Text("Berkas", "File"),
    "D": Text("Narasi laporan (PDF, Word)", "The report's narrative (PDF, Word)"),
    "T": Text("Tabel lain dalam laporan (PDF, Word)", "Other tables of a report (PDF, Word)"),
    "R": Text("Rekonsiliasi dengan ekspor SIPD", "Reconciliation with the SIPD export"),
}

CATALOGUE: dict[str, Check] = {}


@dataclass(frozen=True)
class Check:
    code: str
    name: str  # a short slug, stable like the code
    severity: Severity
    title: Text
    message: Text  # a template: {reported}, {expected} and the params given at the finding
    description: Text  # what it means and why it matters
    fix: Text  # what the officer should do

    def __post_init__(self) -> None:
        if self.code in CATALOGUE:
            raise ValueError(f"duplicate check code {self.code}")
        if self.code[0] not in GROUPS:
            raise ValueError(f"check code {self.code} has no group")
        CATALOGUE[self.code] = self

    @property
    def group(self) -> str:
        return self.code[0]

    def at(
        self,
        ref: CellRef | None,
        *,
        table: str | None,
        reported: float | None = None,
        expected: float | str | None = None,
        unit: Unit | None = None,
        label: str | None = None,
        severity: Severity | None = None,
        decimals: int | None = None,
        **params: Any,
    ) -> Finding:
        """``decimals``: how many the reported figure's cell shows, when the check knows (see Finding.shown)."""
        return Finding(
            check=self,
            ref=ref,
            table=table,
            reported=reported,
            expected=expected,
            unit=unit,
            label=label,
            severity=severity or self.severity,
            params=params,
            decimals=decimals,
        )


@dataclass(frozen=True)
class Place:
    """Where a finding on a report document (PDF, Word) is, as the reviewer finds it in the printed report."""

    caption: str | None  # the table's caption as printed ("Tabel 3.7", "TABEL 3.8")
    page: int | None = None  # PDF: the page, from 1
    table_number: int | None = None  # the table's number in the document, from 1
    paragraph: int | None = None  # Word: the paragraphs before the table
    quote: str | None = None  # the printed row

    def where(self, lang: Lang = "id") -> str:
        if self.page is not None:
            return PAGE(lang, page=self.page)
        if self.table_number is None and self.paragraph is not None:  # a sentence of a Word file
            return PARAGRAPH(lang, paragraph=self.paragraph)
        return DOCUMENT_TABLE(lang, number=self.table_number, paragraph=self.paragraph)


PAGE = Text("hlm. {page}", "p. {page}")
PARAGRAPH = Text("par. {paragraph}", "para. {paragraph}")
DOCUMENT_TABLE = Text("tabel ke-{number} (par. {paragraph})", "table {number} (para. {paragraph})")


@dataclass
class Finding:
    check: Check
    ref: CellRef | None
    table: str | None
    reported: float | None
    expected: float | str | None  # a text where the expected value is a label (a category, a verdict)
    unit: Unit | None
    label: str | None
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict)
    # Cells that are wrong only because this one is (a selisih computed from a wrong anggaran): named here,
    # not reported on their own, so a root cause is reported once.
    follows: list[CellRef] = field(default_factory=list)
    # A finding that stands for the same finding in many cells of one column (see group_repeated): those
    # findings, first to last (a tuple, or ``Members`` that makes each only when asked). Empty for a finding
    # about one cell.
    members: Sequence[Finding] = ()
    decimals: int | None = None  # how many decimals the reported figure's cell shows, when known
    place: Place | None = None  # on a report document: page, caption and printed row (document/check.py)

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def count(self) -> int:
        return len(self.members) or 1

    def shown(self, lang: Lang = "id") -> tuple[Num | str | None, Num | str | None]:
        """``reported`` and ``expected`` as every output prints them: at the unit's usual decimals, or with as
        many more as it takes to tell them apart (a figure printed with 4 decimals, wrong in the third)."""
        unit = self.unit.value if self.unit else "value"
        reported, expected = _shown(self.reported, unit), _shown(self.expected, unit)
        shown = self.decimals if unit != "rupiah" and self.decimals is not None else None
        if shown is not None and shown <= _MAX_SHOWN_DECIMALS:  # as the cell shows it: 36%, not 35,69%
            reported = Num(reported.value, unit, shown) if isinstance(reported, Num) else reported
            expected = Num(expected.value, unit, shown) if isinstance(expected, Num) else expected
        if isinstance(reported, Num) and isinstance(expected, Num):
            # Money is exact to the sen, never printed finer; other figures may have been printed to 6 places.
            for decimals in (2,) if unit == "rupiah" else range((shown or 0) + 1, _MAX_SHOWN_DECIMALS + 1):
                if reported.render(lang) != expected.render(lang):
                    break
                reported, expected = Num(reported.value, unit, decimals), Num(expected.value, unit, decimals)
        return reported, expected

    @property
    def prints_same(self) -> bool:
        """Whether the reported and the expected figure print the same text: then the finding shows no
        fault (float noise, a figure equal at the precision it is printed) and is no finding."""
        if self.reported is None or self.expected is None:
            return False
        reported, expected = self.shown("id")
        render = lambda item: item.render("id") if isinstance(item, Num) else str(item)  # noqa: E731
        return render(reported) == render(expected)

    def message(self, lang: Lang = "id") -> str:
        if self.members:
            first, last = self.members[0].ref, self.members[-1].ref
            return GROUPED(
                lang,
                count=self.count,
                column=column_letter(first.col) if first else "",
                first=first.a1 if first else "",
                last=last.a1 if last else "",
                message=self.members[0].message(lang),
            )
        reported, expected = self.shown(lang)
        values = {"reported": reported, "expected": expected, "label": self.label or "", **self.params}
        return self.check.message(lang, **values)

    def sort_key(self) -> tuple:
        ref = self.ref
        return (
            _table_order(self.table),
            ref.sheet if ref else "",
            ref.row if ref else 0,
            ref.col if ref else 0,
            self.severity.rank,
            self.code,
        )

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        out = {
            "code": self.code,
            "name": self.check.name,
            "severity": self.severity.value,
            "table": self.table,
            "sheet": self.ref.sheet if self.ref else None,
            "cell": self.ref.a1 if self.ref else None,
            "row_label": said(self.label, lang),
            "message": self.message(lang),
            "reported": self.reported,
            "expected": self.expected,
            "unit": self.unit.value if self.unit else None,
            "follows": [ref.a1 for ref in self.follows],
            "count": self.count,
        }
        if self.place is not None:  # a document: where the reviewer finds it in the printed report
            out["checked_as"], out["table"] = self.table, self.place.caption
            out.update(page=self.place.page, table_number=self.place.table_number, quote=self.place.quote)
            if self.place.paragraph is not None:
                out["paragraph"] = self.place.paragraph
        if self.members:  # a group: every cell it stands for, first to last
            out["cells"] = [ref.a1 for ref in member_refs(self.members) if ref]
            out["last_cell"] = out["cells"][-1] if out["cells"] else None
        return out


_MAX_SHOWN_DECIMALS = 6

# A row without an uraian, indicator or code is named by the sheet row the officer sees.
SHEET_ROW = Text("baris {row}", "row {row}")


def said(value: Any, lang: Lang) -> Any:
    """A finding's label or parameter in the output's language (a Text or Phrase), else as it is."""
    return value.render(lang) if isinstance(value, (Text, Phrase)) else value


GROUPED = Text(
    "{count} sel di kolom {column} ({first} s.d. {last}), mis. {first}: {message}",
    "{count} cells in column {column} ({first} to {last}), e.g. {first}: {message}",
)

# A column with this many findings of one code (not errors) gets one finding for them all. Fewer read
# better one per cell, each with its own link; many (409 "0,00" typed as text, 20,000 lines pasted as
# text) would bury everything else.
GROUP_AT = 10


class Members(Sequence):
    """A group's findings, one per cell, each made only when asked for.

    A column of 20,000 figures typed as text is one finding: the reports need its cells, its first cell's
    message and whether every cell reports the same figure; only the Excel button's notes need each cell's
    own finding. ``refs`` and ``reported`` are per cell, first to last; ``make(index)`` makes a cell's finding.
    """

    def __init__(self, refs: Sequence[CellRef], reported: Sequence[Any], make: Callable[[int], Finding]) -> None:
        self.refs, self.reported, self._make = refs, reported, make

    def __len__(self) -> int:
        return len(self.refs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(len(self.refs))[index])
        return self._make(range(len(self.refs))[index])


def member_refs(members: Sequence[Finding]) -> Sequence[CellRef | None]:
    return members.refs if isinstance(members, Members) else [member.ref for member in members]


def grouped_run(refs: list[CellRef], reported: list[Any], make: Callable[[int], Finding]) -> list[Finding]:
    """Findings of one check and severity (not errors) in cells of one column of one table, as
    ``group_repeated`` leaves them, without making a finding per cell when they are many: one finding per
    cell below ``GROUP_AT``, else their group, the cells' own findings made only if asked for (``Members``)."""
    if len(refs) < GROUP_AT:
        return [make(index) for index in range(len(refs))]
    rows = [ref.row for ref in refs]
    order = sorted(range(len(refs)), key=rows.__getitem__)
    if order != list(range(len(refs))):
        refs, reported = [refs[i] for i in order], [reported[i] for i in order]
        make = lambda index, make=make: make(order[index])  # noqa: E731
    first = make(0)
    value = first.reported
    return [
        Finding(
            check=first.check,
            ref=first.ref,
            table=first.table,
            reported=value if all(other == value for other in reported) else None,
            expected=first.expected,  # the run's check gives none, or the same for every cell
            unit=first.unit,
            label=None,
            severity=first.severity,
            params=first.params,
            members=Members(refs, reported, make),
        )
    ]


def group_repeated(findings: list[Finding]) -> list[Finding]:
    """One finding per sheet, table, column and code for warnings and info repeated down a column; errors
    stay one per cell. A group made already (``grouped_run``) is kept, or regrouped with the column's other
    findings of its code."""
    columns: dict[tuple, list[Finding]] = {}
    out: list[Finding] = []
    for finding in findings:
        ref = finding.ref
        if finding.severity is Severity.ERROR or ref is None:
            out.append(finding)
        else:
            key = (ref.sheet, finding.table, ref.col, finding.code, finding.severity)
            columns.setdefault(key, []).append(finding)
    for members in columns.values():
        if len(members) == 1 and members[0].members:
            out.append(members[0])  # one group, alone in its column
            continue
        if any(member.members for member in members):
            members = [cell for member in members for cell in (member.members or (member,))]
        if len(members) < GROUP_AT:
            out.extend(members)
            continue
        members.sort(key=lambda finding: finding.ref.row)
        first = members[0]
        same = lambda name: getattr(first, name) if all(getattr(m, name) == getattr(first, name) for m in members) else None  # noqa: E731
        out.append(
            Finding(
                check=first.check,
                ref=first.ref,
                table=first.table,
                reported=same("reported"),
                expected=same("expected"),
                unit=first.unit,
                label=None,
                severity=first.severity,
                params=first.params,
                members=tuple(members),
            )
        )
    return out


def _shown(value: float | str | None, unit: str) -> Num | str | None:
    """A number in the language's style; a text (an expected category or label) as it is."""
    return value if value is None or isinstance(value, str) else Num(value, unit)


def _table_order(table: str | None) -> tuple[int, str]:
    return (0, "") if table is None else (1, table)


@dataclass
class Report:
    """Everything found in one workbook."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    office: str | None = None
    year: int | None = None
    tables: list[str] = field(default_factory=list)  # the tables that were found and checked
    layout: str | None = None  # "template" or "freeform"
    # How each free-form table was read (freeform/reading.py's Reading): ``explain(lang)`` for validate
    # --explain, ``summary_row(lang)`` (table, where it was found, columns read) for the summary sheet.
    readings: list[Any] = field(default_factory=list)
    # The reconciliation with SIPD exports (reconcile/engine.py), when there was one: exports used, lines
    # matched by code and by name, lines on one side only, totals on both sides.
    reconciliation: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        # The one gate every finding passes on its way to any output (text, JSON, summary sheet, button):
        # a finding whose reported and expected figures print the same shows no fault and is dropped;
        # repeated findings of a column are grouped.
        self.findings = group_repeated([finding for finding in self.findings if not finding.prints_same])

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def counts(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    def counts_by_table(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for finding in self.findings:
            key = finding.table or "-"
            out.setdefault(key, {severity.value: 0 for severity in Severity})[finding.severity.value] += 1
        return dict(sorted(out.items()))

    @property
    def valid(self) -> bool:
        return self.counts()["error"] == 0

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        return {
            "file": self.file,
            "valid": self.valid,
            "office": self.office,
            "year": self.year,
            "layout": self.layout,
            "tables": self.tables,
            "counts": self.counts(),
            "findings": [finding.to_dict(lang) for finding in self.sorted()],
            **({"reconciliation": self.reconciliation} if self.reconciliation is not None else {}),
        }
