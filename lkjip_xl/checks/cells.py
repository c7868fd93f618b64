"""N: what a single cell holds, before any arithmetic: text, foreign forms, typos, errors, dates.

The table checks call ``number_findings`` for every figure they read, so each cell is judged once, with
the reading the row's arithmetic chose when the cell was ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..findings import Check, Finding, Severity, Unit, grouped_run
from ..i18n import Num, Phrase, Text
from ..model import Field
from ..numbers import MAX_MAGNITUDE, Kind, Parsed, format_money, money_scale

TEXT_NUMBER = Check(
    "N001",
    "angka-sebagai-teks",
    Severity.WARNING,
    Text("Angka tersimpan sebagai teks", "Number stored as text"),
    Text(
        "\"{text}\" tersimpan sebagai teks, bukan angka (dibaca {value}). Excel tidak menjumlahkan teks.",
        "\"{text}\" is stored as text, not as a number (read as {value}). Excel does not add up text.",
    ),
    Text(
        "Sel angka berisi teks. Rumus SUM dan SUMIFS melewatinya, sehingga jumlah di Excel bisa salah tanpa "
        "terlihat. Peringatan di templat; info pada lembar bebas yang ditempel dari laporan, tempat teks lazim.",
        "A number cell holds text. SUM and SUMIFS skip it, so totals in Excel can be wrong without showing it. "
        "A warning in the template; info on free-form sheets pasted from a report, where text is the norm.",
    ),
    Text(
        "Ketik ulang sebagai angka tanpa \"Rp\" dan titik (mis. 1720118000), atau pakai Data > Text to Columns.",
        "Retype it as a number without \"Rp\" and separators, or use Data > Text to Columns.",
    ),
)

FOREIGN_FORM = Check(
    "N002",
    "format-amerika",
    Severity.WARNING,
    Text("Angka berformat Amerika", "Number in US format"),
    Text(
        "\"{text}\" ditulis dalam format Amerika; dibaca {canonical} (format Indonesia).",
        "\"{text}\" is written in the US format: read as {value}, in the Indonesian form {canonical}.",
    ),
    Text(
        "Dalam tabel berbahasa Indonesia titik memisahkan ribuan dan koma menandai desimal. Angka berformat "
        "Amerika biasanya ditempel dari komputer berpengaturan lain, dan mudah salah dibaca (4,500 bisa berarti "
        "empat setengah atau empat ribu lima ratus).",
        "In an Indonesian table dots separate thousands and a comma marks decimals. A US-format number usually "
        "comes from a computer with other regional settings and is easily misread (4,500 may be four and a "
        "half or four thousand five hundred).",
    ),
    Text(
        "Ketik sebagai angka, atau tulis dalam format Indonesia (titik pemisah ribuan, koma desimal).",
        "Type it as a number, or write it in the Indonesian form (dots for thousands, a comma for decimals).",
    ),
)

AMBIGUOUS = Check(
    "N003",
    "angka-ambigu",
    Severity.ERROR,
    Text("Angka ambigu", "Ambiguous number"),
    Text("\"{text}\" dapat dibaca {readings}. {resolution}", "\"{text}\" can be read as {readings}. {resolution}"),
    Text(
        "Satu pemisah dengan tiga angka di belakangnya (475,170) berarti desimal dalam format Indonesia tetapi "
        "ribuan dalam format Amerika. Laporan yang terbit tidak boleh memuat angka yang dapat dibaca dua cara. "
        "Kesalahan bila tidak ada bacaan yang membuat baris cocok; peringatan yang menyebut bacaannya bila satu "
        "bacaan membuat baris cocok (bacaan itu dugaan, bukan bukti) atau bila konteksnya menentukan bacaan: "
        "satuan di judul kolom atau tabel (\"(Rp)\": rupiah utuh; \"(Rp. Juta)\", \"Rp triliun\", \"(Ribu "
        "Rupiah)\": desimal) atau format angka baris lain di kolom itu (format Amerika; tiga desimal). Bila "
        "keduanya sepakat, bacaan itu pasti, disebut demikian, dan baris diperiksa dengannya.",
        "One separator followed by three digits (475,170) is a decimal in the Indonesian form but thousands in "
        "the US form. A published report must not hold a figure that reads two ways. An error when no reading "
        "makes the row add up; a warning naming the reading when one does (that reading is a guess, not a proof) "
        "or when its context settles it: the unit in the column header or the table's title (\"(Rp)\": whole "
        "rupiah; \"(Rp. Juta)\", \"Rp triliun\", \"(Ribu Rupiah)\": decimals) or the number format of the "
        "column's other rows (US form; three decimals). When both agree the reading is certain, said so, and "
        "the row is checked with it.",
    ),
    Text(
        "Tulis angka lengkap dalam format Indonesia (mis. 475.170). Bacaan yang membuat baris cocok disebut "
        "di pesan.",
        "Write the full figure in the Indonesian form (e.g. 475.170). The reading that makes the row add up is "
        "named in the message.",
    ),
)

READ_AS = Text("Dibaca {value}.", "Read as {value}.")

MALFORMED = Check(
    "N004",
    "angka-salah-tulis",
    Severity.ERROR,
    Text("Angka salah tulis", "Malformed number"),
    Text("\"{text}\" bukan angka yang tertulis benar. {resolution}", "\"{text}\" is not a well-written number. {resolution}"),
    Text(
        "Kelompok ribuan harus tiga angka. \"Rp 170.0000\" (satu nol berlebih) atau \"Rp 12,655.00\" (untuk "
        "12.655.000) adalah salah ketik yang lolos ke laporan. Bacaan perbaikan dicoba terhadap selisih, "
        "persentase dan jumlah baris.",
        "Thousands groups have three digits. \"Rp 170.0000\" (a zero too many) or \"Rp 12,655.00\" (for "
        "12.655.000) are typos that reached the report. Mended readings are tried against the row's selisih, "
        "percentage and sums.",
    ),
    Text("Perbaiki angkanya; pesan menyebut bacaan yang membuat baris cocok.", "Fix the figure; the message names the reading that makes the row add up."),
)

NOT_A_NUMBER = Check(
    "N005",
    "bukan-angka",
    Severity.ERROR,
    Text("Bukan angka", "Not a number"),
    Text("\"{text}\" bukan angka, padahal kolom ini berisi angka.", "\"{text}\" is not a number, but this column holds numbers."),
    Text(
        "Kolom angka berisi teks yang tidak dapat dibaca sebagai angka. Kesalahan di templat; peringatan pada "
        "lembar bebas, tempat kolom angka ditebak dari judul dan isinya.",
        "A number column holds text that cannot be read as a number. An error in the template; a warning on "
        "free-form sheets, where the number columns are guessed from their headers and contents.",
    ),
    Text("Ganti dengan angkanya, atau kosongkan sel.", "Replace it with the figure, or clear the cell."),
)

ERROR_VALUE = Check(
    "N006",
    "nilai-galat",
    Severity.ERROR,
    Text("Nilai galat Excel", "Excel error value"),
    Text("Sel berisi nilai galat Excel {text}.", "The cell holds the Excel error value {text}."),
    Text(
        "#REF!, #DIV/0!, #VALUE! dan sejenisnya berarti rumus atau rujukannya rusak (baris terhapus, pembagian "
        "dengan nol, teks dalam hitungan).",
        "#REF!, #DIV/0!, #VALUE! and the like mean a formula or its reference is broken (a deleted row, a "
        "division by zero, text in arithmetic).",
    ),
    Text("Periksa rumus sel ini dan sel yang dirujuknya.", "Check this cell's formula and the cells it refers to."),
)

DATE_VALUE = Check(
    "N007",
    "tanggal-bukan-angka",
    Severity.ERROR,
    Text("Tanggal di kolom angka", "Date in a number column"),
    Text("Sel berisi tanggal ({text}), padahal kolom ini berisi angka.", "The cell holds a date ({text}), but this column holds numbers."),
    Text(
        "Excel mengubah ketikan seperti 3.4 atau 1/2 menjadi tanggal. Nilainya lalu bukan angka yang dimaksud.",
        "Excel turns entries like 3.4 or 1/2 into dates. The value is then not the intended number.",
    ),
    Text("Ubah format sel menjadi Angka lalu ketik ulang nilainya.", "Set the cell format to Number and retype the value."),
)

UNVERIFIABLE = Check(
    "N008",
    "rumus-tak-terverifikasi",
    Severity.INFO,
    Text("Rumus tidak dapat diverifikasi", "Formula cannot be verified"),
    Text(
        "Rumus ={formula} tidak punya nilai tersimpan dan tidak dapat dihitung ulang: sel ini tidak diperiksa.",
        "The formula ={formula} has no stored value and cannot be recalculated: this cell was not checked.",
    ),
    Text(
        "Berkas yang disimpan oleh program selain Excel tidak menyimpan hasil rumus. lkjip-xl menghitung "
        "ulang rumus itu; rumus dengan fungsi yang tidak dikenalnya, rujukan melingkar atau rujukan ke buku "
        "kerja lain tidak dapat dihitung, dan tidak dianggap salah.",
        "Files saved by programs other than Excel keep no formula results. lkjip-xl recalculates them; a "
        "formula with a function it does not know, a circular reference or a link to another workbook cannot "
        "be recalculated, and is not taken as wrong.",
    ),
    Text(
        "Buka dan simpan berkas di Excel (atau LibreOffice) agar hasil rumus tersimpan, lalu periksa lagi.",
        "Open and save the file in Excel (or LibreOffice) so the results are stored, then check again.",
    ),
)

OUT_OF_RANGE = Check(
    "N009",
    "angka-di-luar-batas",
    Severity.ERROR,
    Text("Angka di luar batas wajar", "Number beyond any plausible value"),
    Text(
        "\"{text}\" melebihi angka LKjIP mana pun (lebih dari {limit}): tidak dipakai dalam hitungan.",
        "\"{text}\" exceeds any LKjIP figure (more than {limit}): it is left out of the arithmetic.",
    ),
    Text(
        "Seluruh APBN sekitar Rp 3,3 ribu triliun (3,3 × 10^15). Angka sebesar itu di tabel perangkat daerah "
        "adalah salah ketik, tempelan yang rusak, atau nilai yang sengaja dibuat; angka itu tidak dijumlahkan agar "
        "hitungan lain tetap bermakna.",
        "The whole national budget is about Rp 3.3 quadrillion (3.3 × 10^15). A figure that large in an office's "
        "table is a typo, a broken paste or a deliberate value; it is not added up, so that the other sums stay "
        "meaningful.",
    ),
    Text("Periksa dan ketik ulang angkanya.", "Check and retype the figure."),
)

CIRCULAR = Check(
    "N010",
    "rujukan-melingkar",
    Severity.ERROR,
    Text("Rujukan melingkar", "Circular reference"),
    Text(
        "Rumus ={formula} merujuk dirinya sendiri, langsung atau lewat sel lain: nilainya tidak dapat dihitung.",
        "The formula ={formula} refers to itself, directly or through other cells: it has no value.",
    ),
    Text(
        "Excel memperingatkan rujukan melingkar dan menampilkan 0 atau nilai lama. Sel yang bergantung padanya "
        "ikut tidak dapat diperiksa. Ditemukan pada rumus yang dihitung ulang oleh lkjip-xl (berkas tanpa "
        "hasil rumus tersimpan).",
        "Excel warns of a circular reference and shows 0 or a stale value. The cells that depend on it cannot be "
        "checked either. Found in formulas lkjip-xl recalculates (files without stored results).",
    ),
    Text(
        "Perbaiki rumusnya agar tidak merujuk sel yang bergantung padanya (Formulas > Error Checking > "
        "Circular References menunjukkan selnya).",
        "Fix the formula so that it does not refer to cells that depend on it (Formulas > Error Checking > "
        "Circular References shows them).",
    ),
)

MERGED = Check(
    "N011",
    "sel-gabungan",
    Severity.ERROR,
    Text("Sel gabungan di kolom angka", "Merged cell in a number column"),
    Text(
        "Sel ini tergabung dengan {anchor}: angkanya hanya ada di {anchor}, bagi rumus sel ini kosong.",
        "This cell is merged into {anchor}: the figure lives in {anchor} only; for formulas this cell is empty.",
    ),
    Text(
        "Menggabungkan sel angka dari beberapa baris atau kolom menampilkan satu angka untuk semuanya, tetapi "
        "hanya sel pertama yang menyimpannya. Jumlah dan persentase baris lain lalu salah tanpa terlihat.",
        "Merging number cells across rows or columns shows one figure for all of them, but only the first cell "
        "holds it. Sums and percentages of the other rows are then silently wrong.",
    ),
    Text(
        "Pisahkan sel (Home > Merge & Center > Unmerge Cells) dan isi angka setiap baris.",
        "Unmerge the cells (Home > Merge & Center > Unmerge Cells) and fill in each row's figure.",
    ),
)

RESOLVED = Text(
    "Bacaan {chosen} membuat {relations} baris ini cocok.", "The reading {chosen} makes this row's {relations} add up."
)
UNRESOLVED = Text("Tidak ada bacaan yang membuat baris ini cocok.", "No reading makes this row add up.")
RELATION_NAMES = {
    "selisih": Text("selisih", "difference"),
    "persen": Text("persentase", "percentage"),
    "jumlah": Text("jumlah induk", "parent total"),
    "capaian": Text("capaian", "achievement"),
}


CONTEXT_CERTAIN = Text(" Bacaan ini juga pasti menurut {reasons}.", " This reading is also certain from {reasons}.")
CONTEXT_AGREES = Text(" Bacaan ini juga sesuai dengan {reasons}.", " This reading also fits {reasons}.")
CONTEXT_ONLY = Text(
    "Tidak ada bacaan yang membuat baris ini cocok; menurut {reasons}, bacaannya {value}.",
    "No reading makes this row add up; {reasons} point to the reading {value}.",
)
CONTEXT_ONLY_CERTAIN = Text(
    "Tidak ada bacaan yang membuat baris ini cocok; menurut {reasons}, bacaannya pasti {value}, dan baris ini "
    "diperiksa dengan bacaan itu.",
    "No reading makes this row add up; {reasons} make the reading {value} certain, and the row is checked with it.",
)
BY_HEADER_UNIT = Text("satuan di judul kolom \"{header}\"", "the unit in the column header \"{header}\"")
BY_TITLE_UNIT = Text("satuan di judul tabel \"{header}\"", "the unit in the table's title \"{header}\"")
BY_OTHER_ROWS = Text(
    "format angka baris lain di kolom ini (mis. {example} di {cell})",
    "the number format of the other rows in this column (e.g. {example} at {cell})",
)


@dataclass(frozen=True)
class Context:
    """The reading of an ambiguous money figure ("475,170") that the table around it settles, and why: the
    unit its header names, the number format of the other rows of its column, or both (then certain)."""

    value: float
    certain: bool
    reasons: tuple

    def phrase(self) -> object:
        if len(self.reasons) == 1:
            return self.reasons[0]
        return BOTH_REASONS.with_params(first=self.reasons[0], second=self.reasons[1])


BOTH_REASONS = Text("{first} dan {second}", "{first} and {second}")


def money_context(parsed: Parsed, header: str, others: list[Field], title: str = "") -> Context | None:
    """What the context says about "475,170" in a money column: 475,17 (Indonesian decimals) or 475.170
    (whole rupiah, a comma for thousands). Each signal votes for one:
    - the unit in the header or the table's title: thousands, millions, billions or trillions of rupiah
      ("(Rp. Juta)", "Rp triliun", "(Ribu Rupiah)") print decimals, so the Indonesian reading; plain rupiah
      ("(Rp)") prints no thousandths of a rupiah, so the whole-rupiah reading;
    - the other rows of the column: written in the US form ("1,234,567") votes whole rupiah; Indonesian figures
      with three decimals ("1.234,567") vote the Indonesian reading; anything else does not vote.
    One vote settles the reading (a warning); two that agree make it certain; two that disagree settle nothing."""
    if parsed.kind is not Kind.AMBIGUOUS or len(parsed.readings) < 2:
        return None
    decimal_reading, whole_reading = parsed.readings[0], parsed.readings[1]
    if decimal_reading * 1000 != whole_reading:  # only the lone comma before three digits reads this way
        return None
    votes: list[tuple[str, object]] = []
    scale, said = money_scale(header), BY_HEADER_UNIT.with_params(header=header)
    if scale is None:  # "(dalam jutaan rupiah)" under the caption
        scale, said = money_scale(title), BY_TITLE_UNIT.with_params(header=title)
    if scale is not None:
        votes.append(("decimal" if scale else "whole", said))
    us = next((item for item in others if item.parsed.kind is Kind.FOREIGN), None)
    thousandths = next(
        (item for item in others if item.parsed.kind is Kind.TEXT and item.parsed.form == "id" and item.parsed.decimals == 3), None
    )
    if (us is None) != (thousandths is None):
        example = us or thousandths
        where = example.ref.a1 if example.ref is not None else "-"
        votes.append(("whole" if us else "decimal", BY_OTHER_ROWS.with_params(example=example.parsed.text, cell=where)))
    if not votes or len({vote for vote, _ in votes}) > 1:
        return None
    value = decimal_reading if votes[0][0] == "decimal" else whole_reading
    return Context(value, certain=len(votes) > 1, reasons=tuple(reason for _, reason in votes))


@dataclass
class Resolution:
    """Which reading of an ambiguous or mistyped cell the row's arithmetic chose, and what its context says."""

    chosen: float | None
    relations: tuple[str, ...] = ()
    context: Context | None = None

    def phrase(self, unit: Unit) -> Phrase:
        context = self.context
        if self.chosen is None or not self.relations:
            if context is not None:
                settles = CONTEXT_ONLY_CERTAIN if context.certain else CONTEXT_ONLY
                return settles.with_params(reasons=context.phrase(), value=Num(context.value, unit.value))
            return UNRESOLVED.with_params()
        names = [RELATION_NAMES[name] for name in self.relations]
        resolved = RESOLVED.with_params(chosen=Num(self.chosen, unit.value), relations=names)
        if context is None or context.value != self.chosen:
            return resolved
        said = (CONTEXT_CERTAIN if context.certain else CONTEXT_AGREES).with_params(reasons=context.phrase())
        return CONTEXT_JOINED.with_params(first=resolved, second=said)


CONTEXT_JOINED = Text("{first}{second}", "{first}{second}")


def _canonical(value: float, unit: Unit) -> str:
    if unit is Unit.RUPIAH:
        return format_money(value, "id")
    return Num(value, unit.value).render("id")


def ambiguity_severity(resolution: Resolution | None) -> Severity:
    """How sure N003 may be. A reading that makes the row add up settles the figure as far as the arithmetic
    goes: taking it is a guess, so a warning that names the reading. With no reading that fits, the figure
    reads two ways and the row holds under neither: an error."""
    if resolution is not None and resolution.chosen is not None and resolution.relations:
        return Severity.WARNING
    if resolution is not None and resolution.context is not None:
        return Severity.WARNING  # the header's unit or the column's format settles it: said, not an error
    return AMBIGUOUS.severity


def number_findings(
    field: Field,
    *,
    table: str,
    unit: Unit,
    label: str | None = None,
    resolution: Resolution | None = None,
    text_severity: Severity | None = None,
) -> list[Finding]:
    """What is wrong with how this one cell holds its number, if anything. ``text_severity`` is given on
    free-form sheets (numbers as text are info there), where the columns' reading is a guess."""
    parsed = field.parsed
    kind = parsed.kind
    if (kind is Kind.NUMBER or kind is Kind.EMPTY) and resolution is None:
        return []  # most cells
    common = dict(table=table, label=label, unit=unit)
    if kind is Kind.UNVERIFIABLE:
        return [UNVERIFIABLE.at(field.ref, formula=(field.formula or "").lstrip("="), **common)]
    if kind is Kind.CIRCULAR:
        return [CIRCULAR.at(field.ref, formula=(field.formula or "").lstrip("="), **common)]
    if kind is Kind.MERGED:
        return [MERGED.at(field.ref, anchor=parsed.text, **common)]
    if kind is Kind.ERROR:
        return [ERROR_VALUE.at(field.ref, text=parsed.text, **common)]
    if kind is Kind.DATE:
        return [DATE_VALUE.at(field.ref, text=parsed.text, **common)]
    if kind is Kind.OUT_OF_RANGE:
        return [OUT_OF_RANGE.at(field.ref, text=parsed.text, limit=Num(MAX_MAGNITUDE, unit.value), **common)]
    if kind in (Kind.INVALID, Kind.BOOL):
        # On a pasted sheet the column was taken for a number column from its header and its neighbours (a
        # guess: "TOTAL" may sit in a label column read as figures); in the template it is certain.
        guessed = text_severity is not None
        return [NOT_A_NUMBER.at(field.ref, text=parsed.text, severity=Severity.WARNING if guessed else None, **common)]
    if kind is Kind.AMBIGUOUS:
        resolution = resolution or Resolution(None)
        readings = [Num(value, unit.value) for value in parsed.readings]
        return [
            AMBIGUOUS.at(
                field.ref,
                reported=resolution.chosen,
                text=parsed.text,
                readings=readings,
                resolution=resolution.phrase(unit),
                severity=ambiguity_severity(resolution),
                **common,
            )
        ]
    mended = resolution is not None and resolution.chosen is not None and resolution.chosen != parsed.value
    if parsed.sure_repair:
        # One sure reading (a space after a separator): the figure is read and checked; the cell is a warning.
        phrase = resolution.phrase(unit) if resolution is not None else READ_AS.with_params(value=Num(parsed.value, unit.value))
        return [MALFORMED.at(field.ref, reported=parsed.value, text=parsed.text, severity=Severity.WARNING,
                             resolution=phrase, **common)]
    if kind is Kind.MALFORMED or mended:
        resolution = resolution or Resolution(None)
        return [
            MALFORMED.at(
                field.ref, reported=resolution.chosen, text=parsed.text, resolution=resolution.phrase(unit), **common
            )
        ]
    if kind is Kind.FOREIGN:
        return [
            FOREIGN_FORM.at(
                field.ref,
                reported=parsed.value,
                text=parsed.text,
                value=Num(parsed.value, unit.value),
                canonical=_canonical(parsed.value, unit),
                **common,
            )
        ]
    if kind in (Kind.TEXT, Kind.NIL):
        return [text_number(field, table=table, unit=unit, label=label, text_severity=text_severity)]
    return []


def is_text_number(field: Field, resolution: Resolution | None) -> bool:
    """Whether ``number_findings`` gives this cell N001 and nothing else: a figure stored as text that reads
    one way (not mended by the row's sums)."""
    parsed = field.parsed
    if parsed.kind is not Kind.TEXT and parsed.kind is not Kind.NIL:
        return False
    return resolution is None or resolution.chosen is None or resolution.chosen == parsed.value


def text_number(
    field: Field, *, table: str, unit: Unit, label: str | None, text_severity: Severity | None = None
) -> Finding:
    """N001 at one cell (see ``is_text_number``)."""
    parsed = field.parsed
    return TEXT_NUMBER.at(
        field.ref,
        reported=parsed.value,
        text=parsed.text,
        value=Num(parsed.value, unit.value),
        severity=text_severity,
        table=table,
        label=label,
        unit=unit,
    )


def text_number_runs(cells: list[tuple[Field, Any, Unit]], *, table: str, text_severity: Severity | None) -> list[Finding]:
    """N001 for many cells (``is_text_number``, each with its label, a row's name, and unit): one finding per
    column with ``GROUP_AT`` or more of them, its cells' own findings made only if asked for (a pasted table of
    20,000 lines has 80,000 figures stored as text)."""
    # Per column, in the order their first cells come: its cells, their refs and their values, gathered in one
    # pass (each figure is read once: on a big table the reads, not the loop, cost the time).
    columns: dict[tuple[str, int], tuple[list, list, list]] = {}
    latest: dict[int, tuple[str, tuple[list, list, list]]] = {}  # by column number: the sheet and run last seen
    for cell in cells:
        field = cell[0]
        ref = field.ref
        seen = latest.get(ref.col)
        if seen is None or seen[0] != ref.sheet:
            run = columns.get((ref.sheet, ref.col))
            if run is None:
                run = columns[(ref.sheet, ref.col)] = ([], [], [])
            seen = latest[ref.col] = (ref.sheet, run)
        run = seen[1]
        run[0].append(cell)
        run[1].append(ref)
        run[2].append(field.parsed.value)
    findings: list[Finding] = []
    for run_cells, refs, values in columns.values():
        # What each cell's own finding needs (its figure, label and unit), and no more: a group must not keep
        # the whole table alive.
        def make(index: int, run_cells=run_cells) -> Finding:
            field, label, unit = run_cells[index]
            return text_number(field, table=table, unit=unit, label=label, text_severity=text_severity)

        findings += grouped_run(refs, values, make)
    return findings


def row_number(value: float | None) -> int | None:
    """A row's No. when it is one (a positive whole number)."""
    return int(value) if value is not None and float(value).is_integer() and value > 0 else None


def numbering_gaps(
    table: str, numbered: list[tuple], duplicate: Check, gap: Check, label_of: Callable[[Any], Any] | None = None
) -> list[Finding]:
    """Repeated and skipped row numbers, at the number cell. ``numbered``: in order, each numbered row (with
    its ``number`` field and sheet ``row``), its number and its label; or, given ``label_of``, each row and its
    number, labels worked out only for the rows a finding names (a big table numbers 20,000 rows)."""
    findings = []
    seen: dict[int, Any] = {}
    labels: dict[int, Any] = {}  # id(row) -> its label, to name the other row of a duplicate (without label_of)
    previous = None
    previous_row = None
    for item in numbered:
        row, number = item[0], item[1]
        if number == 1 and previous is not None and (previous > 1 or _parent(row) is not _parent(previous_row)):
            seen = {}  # numbering that restarts: a new group (A. Belanja Operasi 1, 2 / B. Belanja Modal 1, 2)
        if number in seen:
            other = seen[number].number.ref
            # The sheet row the officer sees (a free-form table's rows are numbered in the template's layout).
            findings.append(
                duplicate.at(
                    row.number.ref, number=number, other=other.row if other else seen[number].row,
                    other_label=labels[id(seen[number])] if label_of is None else label_of(seen[number]),
                    table=table, label=item[2] if label_of is None else label_of(row),
                )
            )
        elif previous is not None and number > previous + 1:
            missing = [str(n) for n in range(previous + 1, number)]
            shown = missing if len(missing) <= 5 else [missing[0], "…", missing[-1]]
            findings.append(gap.at(row.number.ref, previous=previous, number=number, missing=shown, table=table,
                                   label=item[2] if label_of is None else label_of(row)))
        seen.setdefault(number, row)
        if label_of is None:
            labels[id(row)] = item[2]
        previous, previous_row = number, row
    return findings


def _parent(row: Any) -> Any:
    """The group a budget line sits in (None for rows without a hierarchy)."""
    return getattr(row, "parent", None)
