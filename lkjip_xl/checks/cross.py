"""X: figures that appear in several tables must agree."""

from __future__ import annotations

import math

from dataclasses import dataclass

from ..findings import Check, Finding, Severity, Unit
from ..i18n import Num, Text
from ..indicators import IkmScale, Range, Word, ikm_scale, read_verdict
from ..model import Document, Field, TrendRow
from ..numbers import Agreement, Kind, agreement, money_equal
from . import rule
from .performance import (
    VERDICT_NAMES,
    IndicatorIndex,
    Indicators,
    Outcome,
    as_figure,
    word_or_range,
    budget_groups,
    evaluate,
    label_ref,
    number,
    row_label,
    rows_of,
    trend_years,
    verdicts_by_indicator,
    year_text,
)

TOTALS_37_38 = Check(
    "X001",
    "jumlah-3.7-vs-3.8",
    Severity.ERROR,
    Text("JUMLAH Tabel 3.7 ≠ JUMLAH Tabel 3.8", "Table 3.7 TOTAL ≠ Table 3.8 TOTAL"),
    Text(
        "{column} JUMLAH Tabel 3.7 tertulis {reported}, padahal rincian Tabel 3.8 berjumlah {expected}.",
        "The {column} TOTAL of Table 3.7 reads {reported}, but the lines of Table 3.8 add up to {expected}.",
    ),
    Text(
        "Tabel 3.7 meringkas Tabel 3.8: anggaran dan realisasi totalnya harus sama.",
        "Table 3.7 summarises Table 3.8: their total budget and spending must be the same.",
    ),
    Text("Samakan kedua tabel, mulai dari yang jumlahnya cocok dengan rinciannya.", "Make the two tables agree, starting from the one whose total matches its lines."),
)

_COLUMNS = {"anggaran": Text("Anggaran", "budget"), "realisasi": Text("Realisasi", "spending")}


def _printed(field) -> float | None:
    parsed = field.parsed
    return parsed.value if parsed.kind not in (Kind.EMPTY, Kind.UNVERIFIABLE) else None


@rule
def summary_against_detail(document: Document) -> list[Finding]:
    """Tabel 3.7's JUMLAH against Tabel 3.8's, once, where the fault is.

    A JUMLAH that disagrees with its own rows is already reported in its table (B101/B102): when the other
    table agrees with those rows, that JUMLAH is the whole fault and nothing is said here. Only a disagreement
    that remains once each table's JUMLAH is its rows' sum is reported, on Tabel 3.7's JUMLAH.
    """
    summary, detail = document.budget.get("3.7"), document.budget.get("3.8")
    if summary is None or detail is None or summary.total is None or detail.total is None:
        return []
    from .budget import sums_below_total

    settings = document.settings
    tolerance = settings.tolerance_money
    sums: list[dict[str, float | None]] = []  # the two tables' sums, worked out only when the JUMLAHs differ
    findings = []
    for key, column in _COLUMNS.items():
        reported = _printed(getattr(summary.total, key))
        printed_detail = _printed(getattr(detail.total, key))
        if reported is None or printed_detail is None or money_equal(reported, printed_detail, tolerance):
            continue
        if not sums:
            checked = document.budget_checked
            sums = [sums_below_total(summary, settings, checked), sums_below_total(detail, settings, checked)]
        summary_rows, detail_rows = sums[0][key], sums[1][key]

        def same(a, b) -> bool:
            return a is not None and b is not None and money_equal(a, b, tolerance)

        if same(reported, detail_rows) or same(summary_rows, printed_detail) or same(summary_rows, detail_rows):
            continue  # one JUMLAH is wrong against its own rows (reported there); the tables' rows agree
        expected = detail_rows if detail_rows is not None else printed_detail
        findings.append(
            TOTALS_37_38.at(
                getattr(summary.total, key).ref,
                table="3.7",
                reported=reported,
                expected=expected,
                unit=Unit.RUPIAH,
                label="JUMLAH",
                column=column,
            )
        )
    return findings


# -- the same indicator in Tabel 3.2, 3.3 and 3.5 -------------------------------------------------------

INDICATOR_VALUE = Check(
    "X010",
    "nilai-indikator-antar-tabel",
    Severity.ERROR,
    Text("Target/realisasi indikator berbeda antar tabel", "Indicator target/actual differs between tables"),
    Text(
        "{column}{year} tertulis {reported}, padahal Tabel {other} menulis {other_value}{converted}.{note}",
        "The {column}{year} reads {reported}, but Table {other} has {other_value}{converted}.{note}",
    ),
    Text(
        "Target dan realisasi tahun ini ada di Tabel 3.2, di kolom tahun terakhir Tabel 3.3 dan di Tabel 3.5: "
        "angkanya harus sama. Indikator dicocokkan dengan ID-nya (atau namanya bila tanpa ID); nilai IKM "
        "dibandingkan setelah dikonversi ke skala yang sama (NIK = NI × 25). Perbedaan dilaporkan sekali: di "
        "Tabel 3.3/3.5 (salinan dari Tabel 3.2), kecuali bila baris Tabel 3.2 tidak cocok dengan dirinya sendiri "
        "(capaiannya tidak mengikuti target dan realisasinya) sementara salinannya cocok: maka di Tabel 3.2. "
        "Capaian yang berbeda hanya karena target/realisasinya berbeda tidak dilaporkan lagi.",
        "This year's target and actual appear in Table 3.2, in the last year of Table 3.3 and in Table 3.5: "
        "they must be the same. Indicators are matched by ID (or by name without one); IKM values are compared "
        "after converting to one scale (NIK = NI × 25). A difference is reported once: in Table 3.3/3.5 (the "
        "copies of Table 3.2), unless the Table 3.2 row disagrees with itself (its achievement does not follow "
        "from its target and actual) while the copy agrees with itself: then in Table 3.2. An achievement that "
        "differs only because its target/actual differ is not reported again.",
    ),
    Text("Samakan angkanya dengan sumber datanya, di semua tabel.", "Make the figure agree with its source, in every table."),
)

INDICATOR_CAPAIAN = Check(
    "X011",
    "capaian-antar-tabel",
    Severity.ERROR,
    Text("Capaian indikator berbeda antar tabel", "Indicator achievement differs between tables"),
    Text(
        "Capaian{year} tertulis {reported}, padahal Tabel {other} menulis {expected}.{note}",
        "The achievement{year} reads {reported}, but Table {other} has {expected}.{note}",
    ),
    Text(
        "Satu indikator punya satu capaian per tahun. Capaian yang berbeda antar tabel (di contoh: empat angka "
        "untuk IKM 2024) membuat pembaca tidak tahu mana yang benar. Peringatan saja bila bedanya hanya dari "
        "target/realisasi yang dibulatkan berbeda. Tidak dilaporkan bila bedanya berasal dari target/realisasi "
        "yang berbeda (X010) atau dari capaian yang tidak mengikuti target dan realisasinya sendiri (K101): "
        "kesalahannya di sana. Bila satu tabel tidak dapat diperiksa sendiri, temuan diletakkan di tabel itu.",
        "An indicator has one achievement per year. Achievements that differ between tables (in the example: "
        "four figures for the 2024 IKM) leave the reader not knowing which is right. Only a warning when the "
        "difference comes from target/actual rounded differently. Not reported when the difference comes from "
        "differing targets/actuals (X010) or from an achievement that does not follow its own target and actual "
        "(K101): the fault is there. When one table cannot be checked on its own, the finding goes there.",
    ),
    Text(
        "Hitung capaian sekali dari target dan realisasi yang benar, lalu pakai angka yang sama di semua tabel.",
        "Compute the achievement once from the right target and actual, then use that figure in every table.",
    ),
)

IKM_SCALES = Check(
    "X012",
    "skala-ikm-antar-tabel",
    Severity.WARNING,
    Text("IKM ditulis pada skala berbeda antar tabel", "IKM written on different scales between tables"),
    Text(
        "IKM di Tabel {table_name} ditulis pada skala {scale} ({range}), di Tabel {others} pada skala {other_scale}. "
        "Angka dibandingkan setelah dikonversi (NIK = NI × 25).",
        "The IKM in Table {table_name} is on the {scale} scale ({range}), in Table {others} on the {other_scale} "
        "scale. Figures are compared after converting (NIK = NI × 25).",
    ),
    Text(
        "Nilai IKM punya dua skala: NI 1–4 dan NIK 25–100. Satu laporan sebaiknya memakai satu skala agar "
        "pembaca dapat membandingkan angkanya.",
        "The IKM has two scales: NI 1–4 and NIK 25–100. One report should use one scale so readers can compare "
        "its figures.",
    ),
    Text("Pakai satu skala di semua tabel (lazimnya NIK, 25–100).", "Use one scale in every table (usually NIK, 25–100)."),
)

INDICATOR_MISSING = Check(
    "X013",
    "indikator-tidak-ada-di-tabel-lain",
    Severity.WARNING,
    Text("Indikator tidak ada di tabel lain", "Indicator missing from another table"),
    Text("Indikator \"{name}\" tidak ditemukan di Tabel {other}.", "Indicator \"{name}\" was not found in Table {other}."),
    Text(
        "Setiap IKU Tabel 3.2 juga dilaporkan di Tabel 3.3 dan 3.5. Indikator dicocokkan dengan ID-nya, atau "
        "namanya bila tanpa ID: ID yang berbeda atau salah ketik membuatnya tidak ditemukan.",
        "Every key indicator of Table 3.2 is also reported in Tables 3.3 and 3.5. Indicators are matched by ID, "
        "or by name without one: a different or mistyped ID leaves it unmatched.",
    ),
    Text("Tambahkan indikatornya, atau samakan ID-nya di semua tabel.", "Add the indicator, or make its ID the same in every table."),
)

INDICATOR_WORD = Check(
    "X015",
    "nilai-kata-antar-tabel",
    Severity.WARNING,
    Text("Target/realisasi berupa kata berbeda antar tabel", "Indicator target/actual word differs between tables"),
    Text(
        "{column}{year} tertulis \"{printed}\", padahal Tabel {other} menulis \"{other_text}\".",
        "The {column}{year} reads \"{printed}\", but Table {other} has \"{other_text}\".",
    ),
    Text(
        "Target dan realisasi berupa kata (opini WTP, predikat BB, \"Tercapai\") atau rentang (\"80 - 90%\") juga "
        "harus sama di Tabel 3.2, 3.3 dan 3.5. Huruf besar, spasi dan kata \"opini\"/\"predikat\" tidak dihitung; "
        "kata yang ditulis lain dapat berarti sama, maka ini peringatan.",
        "Targets and actuals written as words (opinion WTP, grade BB, \"Tercapai\") or ranges (\"80 - 90%\") must "
        "also be the same in Tables 3.2, 3.3 and 3.5. Case, spaces and the words \"opini\"/\"predikat\" do not "
        "count; words written differently may mean the same, so this is a warning.",
    ),
    Text("Samakan tulisannya dengan sumber datanya, di semua tabel.", "Make it agree with its source, in every table."),
)

MATCHED_BY_NAME = Check(
    "X014",
    "dicocokkan-dengan-nama",
    Severity.INFO,
    Text("Indikator dicocokkan dengan nama", "Indicator matched by name"),
    Text(
        "Tanpa ID indikator, baris ini dicocokkan dengan \"{other_name}\" di Tabel {other} berdasarkan namanya.",
        "Without an indicator ID, this row was matched by name with \"{other_name}\" in Table {other}.",
    ),
    Text(
        "Nama indikator sering ditulis berbeda antar tabel (\"Indek Kepuasan Masyarakat (IKM)\", \"Indeks IKM\"). "
        "Pencocokan nama membuang huruf besar, tanda baca dan kata umum; ID membuatnya pasti.",
        "Indicator names are often written differently between tables. Name matching drops case, punctuation "
        "and common words; an ID makes it certain.",
    ),
    Text("Isi kolom ID Indikator (sama di semua tabel).", "Fill in the indicator ID column (the same in every table)."),
)

BUDGET_35 = Check(
    "X020",
    "anggaran-3.5-vs-3.8",
    Severity.ERROR,
    Text("Anggaran Tabel 3.5 ≠ JUMLAH Tabel 3.8", "Table 3.5 budget ≠ Table 3.8 TOTAL"),
    Text(
        "{column} Tabel 3.5 berjumlah {reported}{groups}, padahal JUMLAH Tabel 3.8 {expected}.",
        "The {column} of Table 3.5 totals {reported}{groups}, but the Table 3.8 TOTAL is {expected}.",
    ),
    Text(
        "Tabel 3.5 membandingkan kinerja dengan seluruh anggaran yang mendanainya: jumlah anggaran dan "
        "realisasinya sama dengan JUMLAH Tabel 3.8. Anggaran yang dipakai beberapa sasaran ditulis sekali "
        "(baris di bawahnya dikosongkan, seperti sel gabungan).",
        "Table 3.5 compares performance with all the budget behind it: its budget and spending total the Table "
        "3.8 TOTAL. A budget shared by several sasaran is written once (the rows below left empty, like merged "
        "cells).",
    ),
    Text("Samakan dengan JUMLAH Tabel 3.8.", "Make it agree with the Table 3.8 TOTAL."),
)

VERDICT_32 = Check(
    "X021",
    "efisiensi-3.2-vs-3.5",
    Severity.ERROR,
    Text("Efisiensi Tabel 3.2 bertentangan dengan Tabel 3.5", "Table 3.2 efficiency contradicts Table 3.5"),
    Text(
        "Tabel 3.2 menyebut \"{printed}\", padahal menurut Tabel 3.5 indikator ini {verdict}.",
        "Table 3.2 says \"{printed}\", but according to Table 3.5 this indicator is {verdict}.",
    ),
    Text(
        "Kesimpulan efisiensi datang dari Tabel 3.5 (rata-rata capaian sasaran terhadap serapan anggarannya).",
        "The efficiency verdict comes from Table 3.5 (the sasaran's mean achievement against its budget absorption).",
    ),
    Text("Samakan kolom Efisiensi Tabel 3.2 dengan Tabel 3.5.", "Make Table 3.2's efficiency column agree with Table 3.5."),
)

COLUMN_NAMES = {"target": Text("Target", "target"), "realisasi": Text("Realisasi", "actual")}
CONVERTED = Text(" (skala {scale}; pada skala tabel ini {value})", " ({scale} scale; on this table's scale {value})")
OWN_INPUTS = Text(
    " Hanya angka Tabel {table_name} yang cocok dengan target dan realisasinya sendiri.",
    " Only Table {table_name}'s figure agrees with its own target and actual.",
)
NEITHER_OWN = Text(
    " Tidak satu pun cocok dengan target dan realisasinya sendiri.", " Neither agrees with its own target and actual."
)
ROUNDED_INPUTS = Text(
    " Keduanya cocok dengan target dan realisasi tabelnya sendiri, yang sama kecuali pembulatannya: hitung "
    "capaian dari angka yang tidak dibulatkan.",
    " Each fits its own table's target and actual, which differ only in their rounding: compute the achievement "
    "from the unrounded figures.",
)
OWN_FAULT = Text(
    " Baris Tabel {table_name} ini juga tidak cocok dengan dirinya sendiri (capaian {capaian}), salinannya cocok: "
    "periksa angka di sini.",
    " This Table {table_name} row also disagrees with itself (achievement {capaian}) while the copy agrees with "
    "itself: check the figure here.",
)
CAPAIAN_FOLLOWS = Text(
    " Capaian {capaian} mengikuti angka ini dan ikut berubah bila angka ini diperbaiki.",
    " The achievement {capaian} follows from this figure and changes with it.",
)
CELL_OF = Text("{table} ({cell})", "{table} ({cell})")
GROUPS = Text(" ({count} anggaran)", " ({count} budgets)")
BOTH = Text("{first} dan {second}", "{first} and {second}")
SCALE_RANGES = {IkmScale.NI: "1–4", IkmScale.NIK: "25–100"}


@dataclass
class _Figures:
    """One indicator's figures for the current year in one table."""

    table: str
    row: object
    target: Field
    realisasi: Field
    capaian: Field
    outcome: Outcome
    kind: str | None
    year: int | None = None

    @property
    def faulty(self) -> bool:
        """Its printed capaian does not follow from its own target and realisasi (K101 says so)."""
        outcome = self.outcome
        return outcome.agreement is Agreement.MISMATCH and outcome.fitted is None and outcome.range_target is None

    def cell(self, key: str) -> Field:
        return getattr(self, key)


def _current_figures(document: Document, indicators: Indicators) -> dict[str, list[_Figures]]:
    settings = document.settings
    out: dict[str, list[_Figures]] = {"3.2": [], "3.3": [], "3.5": []}
    for row in rows_of(document.indicators):
        out["3.2"].append(_figures("3.2", row, row.target, row.realisasi, row.capaian, indicators, settings, settings.year))
    for row in rows_of(document.trend):
        current, year = row.years[-1], trend_years(document, row)[-1]
        out["3.3"].append(_figures("3.3", row, current.target, current.realisasi, current.capaian, indicators, settings, year))
    for row in rows_of(document.efficiency):
        out["3.5"].append(_figures("3.5", row, row.target, row.realisasi, row.capaian, indicators, settings, settings.year))
    return out


def _figures(table: str, row, target: Field, realisasi: Field, capaian: Field, indicators: Indicators, settings, year) -> _Figures:
    kind = indicators.family(row)
    outcome = evaluate(target, realisasi, capaian, indicators.basis(row), settings, kind)
    return _Figures(table, row, target, realisasi, capaian, outcome, kind, year)


def _agrees(printed: float, decimals: int | None, computed: float, settings, tolerance: float = 0.0) -> bool:
    return agreement(printed, decimals, computed, tolerance, settings.accept_truncation) is not Agreement.MISMATCH


def _same(a: float, a_decimals: int | None, b: float, b_decimals: int | None, settings, tolerance: float = 0.0) -> bool:
    """One figure printed twice: equal once either is rounded (or truncated) to the other's decimals."""
    return _agrees(a, a_decimals, b, settings, tolerance) or _agrees(b, b_decimals, a, settings, tolerance)


def _compared(mine: _Figures, theirs: _Figures, key: str, settings) -> tuple[bool, float, object] | None:
    """Whether one figure agrees between two tables, the other's value on this table's scale and the note
    on the conversion; None when either is not a number."""
    cell, other = as_figure(mine.cell(key)), as_figure(theirs.cell(key))
    value, other_value = number(cell), number(other)
    if value is None or other_value is None:
        return None
    scales = (ikm_scale(value), ikm_scale(other_value)) if mine.kind == "ikm" else (None, None)
    if None not in scales and scales[0] is not scales[1]:
        # IKM on two scales: compare on each table's own scale, either way round.
        expected = scales[1].convert(other_value, scales[0])
        agrees = _agrees(value, cell.parsed.decimals, expected, settings) or _agrees(
            other_value, other.parsed.decimals, scales[0].convert(value, scales[1]), settings
        )
        return agrees, expected, CONVERTED.with_params(scale=scales[1].value, value=Num(expected))
    return _same(value, cell.parsed.decimals, other_value, other.parsed.decimals, settings), other_value, ""


def _word_key(item: Field) -> str | None:
    """How a word or range value compares: its place on a known scale, else its text without case or spaces."""
    value = word_or_range(item)
    if isinstance(value, Word):
        return f"{value.scale}:{value.rank}" if value.scale else value.key
    if isinstance(value, Range):
        return f"range:{value.low}:{value.high}"
    return None


def _word_findings(mine: _Figures, theirs: _Figures) -> list[Finding]:
    """X015: a word (or range) target or realisasi that another table writes differently."""
    findings = []
    for key in ("target", "realisasi"):
        cell, other = mine.cell(key), theirs.cell(key)
        own, their = _word_key(cell), _word_key(other)
        if own is None or their is None or own == their:
            continue
        findings.append(
            INDICATOR_WORD.at(
                cell.ref, table=mine.table, label=row_label(mine.row), expected=other.parsed.text,
                column=COLUMN_NAMES[key], year=year_text(mine.year), other=_named([theirs], key),
                printed=cell.parsed.text, other_text=other.parsed.text,
            )
        )
    return findings


def _differs(mine: _Figures, theirs: _Figures, key: str, settings) -> bool:
    compared = _compared(mine, theirs, key, settings)
    return compared is not None and not compared[0]


def _named(others: list[_Figures], key: str):
    """"3.3 (L7)" or "3.3 (L7) dan 3.5 (F7)": the other tables, with the cell each holds the figure in."""
    names = [CELL_OF.with_params(table=f.table, cell=f.cell(key).ref.a1 if f.cell(key).ref else "-") for f in others]
    return BOTH.with_params(first=names[0], second=names[1]) if len(names) == 2 else names[0]


def _value_finding(at: _Figures, others: list[_Figures], key: str, settings) -> list[Finding]:
    """One X010 at ``at``'s cell, naming every table that disagrees with it."""
    compared = _compared(at, others[0], key, settings)
    if compared is None:
        return []
    _, expected, converted = compared
    cell = as_figure(at.cell(key))
    other_value = number(as_figure(others[0].cell(key)))
    if at.faulty:
        note = OWN_FAULT.with_params(table_name=at.table, capaian=at.capaian.ref.a1 if at.capaian.ref else "-")
    elif at.outcome.consistent and not at.capaian.empty:
        note = CAPAIAN_FOLLOWS.with_params(capaian=at.capaian.ref.a1 if at.capaian.ref else "-")
    else:
        note = ""
    return [
        INDICATOR_VALUE.at(
            cell.ref, table=at.table, label=row_label(at.row), reported=number(cell), expected=expected, unit=Unit.VALUE,
            column=COLUMN_NAMES[key], year=year_text(at.year), other=_named(others, key), other_value=Num(other_value),
            converted=converted, note=note,
        )
    ]


def _capaian_finding(mine: _Figures, theirs: _Figures, settings) -> list[Finding]:
    """Two printed capaian of one indicator and year that differ while their targets and realisasi agree.

    A capaian that does not follow from its own figures already has its K101: the difference is no second
    fault. Two capaian that each follow from the same figures differ only in rounding (a warning). Where one
    table cannot be checked on its own (no figures), the finding goes to it, with the checked one's value."""
    shown, other_shown = mine.outcome.printed, theirs.outcome.printed
    if shown is None or other_shown is None:
        return []
    decimals = (mine.capaian.parsed.decimals, theirs.capaian.parsed.decimals)
    if _same(shown, decimals[0], other_shown, decimals[1], settings, settings.tolerance_percent):
        return []
    if mine.faulty or theirs.faulty:
        return []
    consistent = [f for f in (mine, theirs) if f.outcome.consistent]
    if len(consistent) == 2:
        if mine.outcome.fitted is not None or theirs.outcome.fitted is not None:
            return []  # one follows another formula than the indicator's: its K108 says so
        at, other, note, severity = mine, theirs, ROUNDED_INPUTS, Severity.WARNING
    elif consistent:
        other = consistent[0]
        at = theirs if other is mine else mine
        note, severity = OWN_INPUTS.with_params(table_name=other.table), None
    else:
        at, other, note, severity = mine, theirs, NEITHER_OWN, None
    return [
        INDICATOR_CAPAIAN.at(
            at.capaian.ref, table=at.table, label=row_label(at.row), reported=at.outcome.printed,
            expected=other.outcome.printed, unit=Unit.PERCENT, year=year_text(at.year), other=_named([other], "capaian"),
            note=note, severity=severity,
        )
    ]


def _index(indicators: Indicators, figures: list[_Figures]) -> tuple[IndicatorIndex, dict[int, _Figures]]:
    return indicators.index([item.row for item in figures]), {id(item.row): item for item in figures}


@rule
def indicators_across_tables(document: Document) -> list[Finding]:
    """This year's figures of an indicator in Tabel 3.3 and 3.5 against Tabel 3.2 (3.5 against 3.3 when 3.2
    lacks it). Each difference is reported once, where the fault is (see X010)."""
    settings = document.settings
    indicators = Indicators(document)
    figures = _current_figures(document, indicators)
    indexes = {table: _index(indicators, figures[table]) for table in ("3.2", "3.3")}
    findings: list[Finding] = []
    # (table, row, key) -> the figures the finding sits at, and the tables that disagree with it
    differences: dict[tuple, tuple[_Figures, list[_Figures]]] = {}
    for table in ("3.3", "3.5"):
        for mine in figures[table]:
            for reference in ("3.2", "3.3") if table == "3.5" else ("3.2",):
                index, by_row = indexes[reference]
                match = index.find(mine.row)
                if match is not None:
                    break
            if match is None:
                if figures["3.2"]:
                    findings.append(_missing(mine.row, table, "3.2"))
                continue
            theirs = by_row[id(match.row)]
            if match.by_name:
                findings.append(
                    MATCHED_BY_NAME.at(
                        label_ref(mine.row), table=table, label=row_label(mine.row),
                        other=theirs.table, other_name=row_label(theirs.row),
                    )
                )
            differing = [key for key in ("target", "realisasi") if _differs(mine, theirs, key, settings)]
            for key in differing:
                # The copy (3.3/3.5) holds the finding, unless only the source disagrees with itself.
                at, other = (theirs, mine) if theirs.faulty and mine.outcome.consistent else (mine, theirs)
                differences.setdefault((at.table, id(at.row), key), (at, key, []))[2].append(other)
            words = _word_findings(mine, theirs)
            findings += words
            if not differing and not words:
                findings += _capaian_finding(mine, theirs, settings)
    for at, key, others in differences.values():
        findings += _value_finding(at, others, key, settings)
    for table in ("3.3", "3.5"):
        if figures[table]:
            index, _ = _index(indicators, figures[table])
            findings += [_missing(item.row, "3.2", table) for item in figures["3.2"] if index.find(item.row) is None]
    findings += _ikm_scale_findings(indicators, figures)
    return _once_per_cell(findings)


def _once_per_cell(findings: list[Finding]) -> list[Finding]:
    """Two copies that both point at one cell of Tabel 3.2 make one finding there."""
    seen: set[tuple] = set()
    out = []
    for finding in findings:
        key = (finding.code, finding.ref.sheet, finding.ref.a1) if finding.ref else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        out.append(finding)
    return out


def _missing(row, table: str, other: str) -> Finding:
    return INDICATOR_MISSING.at(label_ref(row), table=table, label=row_label(row), name=row_label(row), other=other)


def _ikm_scale_findings(indicators: Indicators, figures: dict[str, list[_Figures]]) -> list[Finding]:
    """One warning per IKM indicator whose tables use different scales, at the tables in the minority."""
    findings = []
    others = {table: _index(indicators, figures[table]) for table in ("3.3", "3.5")}
    for reference in figures["3.2"]:
        if reference.kind != "ikm":
            continue
        group = [reference]
        for index, by_row in others.values():
            match = index.find(reference.row)
            if match is not None:
                group.append(by_row[id(match.row)])
        scales = {item.table: _table_scale(item) for item in group}
        scales = {table: scale for table, scale in scales.items() if scale is not None}
        if len(set(scales.values())) < 2:
            continue
        counts = {scale: list(scales.values()).count(scale) for scale in set(scales.values())}
        usual = max(counts, key=lambda scale: (counts[scale], scale is scales.get("3.2")))
        agreeing = _tables([table for table, scale in scales.items() if scale is usual])
        for item in group:
            scale = scales.get(item.table)
            if scale is None or scale is usual:
                continue
            cell = item.target if ikm_scale(number(item.target)) is scale else item.realisasi
            findings.append(
                IKM_SCALES.at(
                    cell.ref, table=item.table, label=row_label(item.row), table_name=item.table, scale=scale.value,
                    range=SCALE_RANGES[scale], others=agreeing, other_scale=usual.value,
                )
            )
    return findings


def _tables(tables: list[str]):
    return BOTH.with_params(first=tables[0], second=tables[1]) if len(tables) == 2 else tables[0]


def _table_scale(item: _Figures) -> IkmScale | None:
    """The IKM scale a table writes an indicator on: that of most of its figures (every year in Tabel 3.3)."""
    if isinstance(item.row, TrendRow):
        cells = [cell for year in item.row.years for cell in (year.target, year.realisasi)]
    else:
        cells = [item.target, item.realisasi]
    scales = [ikm_scale(number(cell)) for cell in cells]
    scales = [scale for scale in scales if scale is not None]
    return max(set(scales), key=scales.count) if scales else None


# -- Tabel 3.5 against Tabel 3.8 and 3.2 --------------------------------------------------------------


def _leaf_sum(table, key: str) -> float | None:
    """The sum of a budget table's lowest rows (what its JUMLAH should be), None when one is unreadable."""
    values = []
    for row in table.rows:
        if row.children or row.level is None:
            continue
        item = getattr(row, key)
        if item.empty:
            continue
        value = _printed(item)
        if value is None:
            return None
        values.append(value)
    return math.fsum(values)  # exact: a long table's sen must not drift


@rule
def efficiency_budget_against_total(document: Document) -> list[Finding]:
    detail = document.budget.get("3.8")
    if detail is None or detail.total is None or document.efficiency is None:
        return []
    groups = [
        group
        for group in budget_groups(document, Indicators(document))
        if not (group.head.anggaran.empty and group.head.realisasi_rp.empty)
    ]
    findings = []
    tolerance = document.settings.tolerance_money
    for key, attribute, cell in (("anggaran", "anggaran", "anggaran"), ("realisasi", "realisasi", "realisasi_rp")):
        values = [getattr(group, attribute) for group in groups]
        expected = _printed(getattr(detail.total, key))
        if not values or None in values or expected is None:
            continue
        total = math.fsum(values)
        if money_equal(total, expected, tolerance):
            continue
        leaves = _leaf_sum(detail, key)
        if leaves is not None and money_equal(total, leaves, tolerance):
            continue  # Tabel 3.5 is right; the 3.8 JUMLAH is not (B101/B102 say so)
        head = groups[0].head
        findings.append(
            BUDGET_35.at(
                getattr(head, cell).ref, table="3.5", label=row_label(head), reported=total, expected=expected,
                unit=Unit.RUPIAH, column=_COLUMNS[key], groups=GROUPS.with_params(count=len(groups)) if len(groups) > 1 else "",
            )
        )
    return findings


@rule
def efficiency_word_against_table_35(document: Document) -> list[Finding]:
    """Tabel 3.2's efficiency word against the verdict of Tabel 3.5 for the same indicator."""
    if document.indicators is None or document.efficiency is None:
        return []
    verdicts = verdicts_by_indicator(document, Indicators(document))
    findings = []
    for row in document.indicators.rows:
        written, own_word = read_verdict(row.note.text)
        if not own_word:
            continue  # another word ("Sangat Efisien"): K113 reports it, with Tabel 3.5's verdict
        match = verdicts.index.find(row)
        verdict = verdicts.by_row.get(id(match.row)) if match else None
        if written is None or verdict is None or written is verdict:
            continue
        findings.append(
            VERDICT_32.at(row.note.ref, table="3.2", label=row_label(row), expected=verdict.value, printed=row.note.text, verdict=VERDICT_NAMES[verdict])
        )
    return findings
