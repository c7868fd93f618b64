"""Program, kegiatan or sub kegiatan, for a Tabel 3.8 without codes (domain.md).

No signal is reliable alone, so they are weighed in order:

1. what the label says: a code in front of it ("7.01.01 PROGRAM ..."), "PROGRAM" (also "PROGAM") or
   "Kegiatan" / "Sub Kegiatan" as its first word;
2. the row's style: upper case, bold, and its numbering (the seed numbers its sub kegiatan and leaves
   parents unnumbered). Rows of one style share a level; a more prominent style never sits deeper;
3. the sums: a parent's amounts equal the rows below it. They choose only where the text is silent or
   ambiguous (a third style between two others, or one style for every row), and never overrule it: the
   seed's deliberate errors (a kegiatan whose total is wrong, a program whose realisasi copies its
   anggaran) must not turn it into a different hierarchy.

The budget checks then work from the sub kegiatan upward, so a wrong guess costs the findings of the
rows concerned, not a cascade; the S002 finding says the structure was guessed and which parents do
not add up.
"""

from __future__ import annotations

import itertools
import re

from ..codes import Level, parse_code
from ..model import BudgetRow, BudgetTable, TextField
from ..numbers import Kind, money_equal
from ..structure import first_reading, link_budget_rows, sums_hold
from .words import ARABIC, CAPITAL, LOWER, explicit_level_word, is_upper, numbering_rank, starts_with_program, tokens

_LEADING_CODE = re.compile(r"^\s*(\d{1,2}(?:\s*[.,]\s*\d{1,4}){2,5})[.:\s-]+(?=\D)")
MAX_HYPOTHESES = 64

Style = tuple[bool, bool, int]  # upper case, bold, numbering rank: larger is more prominent


def _has_figures(row: BudgetRow) -> bool:
    return any(not getattr(row, key).empty for key in ("anggaran", "realisasi", "selisih", "persen"))


def _number_text(row: BudgetRow) -> str:
    if row.number_text:
        return row.number_text
    parsed = row.number.parsed
    if parsed.text is not None:
        return parsed.text
    if parsed.value is not None and float(parsed.value).is_integer():
        return str(int(parsed.value))
    return ""


def style(row: BudgetRow, letters_enclose: bool = False) -> Style:
    rank = numbering_rank(_number_text(row))
    if letters_enclose and rank == LOWER:
        rank = CAPITAL  # "a. Belanja Operasi" above "1. Belanja Pegawai" in this table
    return (is_upper(row.label.text), row.label.bold, rank)


_LOWER_LETTER = re.compile(r"^([a-z])[.)]?$")


def _letters_enclose_numbers(rows: list[BudgetRow]) -> bool:
    """Whether lower-case letters number the groups and 1, 2 the lines in each ("a. ... 1. 2. b. ... 1. 2."),
    not the usual outline (1. a. b. 2. a. b.): the numbering that restarts at 1 right after every lettered row is
    the one inside it. In the usual outline the number after a lettered row goes on (2 after 1, a, b)."""
    restarts = 0
    previous_letter = False
    for row in rows:
        text = _number_text(row)
        if _LOWER_LETTER.match(text):
            previous_letter = True
            continue
        if previous_letter and numbering_rank(text) == ARABIC:
            number = int(re.sub(r"\D", "", text) or 0)
            if number != 1:
                return False
            restarts += 1
        previous_letter = False
    return restarts >= 2


def _from_label(row: BudgetRow) -> bool:
    """Set the level the label states, if it states one."""
    text = row.label.text
    match = _LEADING_CODE.match(text)
    code = parse_code(match.group(1)) if match else None
    if code is not None:
        row.code, row.code_text = code, TextField(row.label.ref, match.group(1).strip(), row.label.bold)
        row.level, row.level_source = code.level, "code"
        return True
    if starts_with_program(text):
        row.level, row.level_source = Level.PROGRAM, "label"
        return True
    word = explicit_level_word(text)
    if word is not None:
        row.level, row.level_source = Level(word), "label"
        return True
    return False


def _hypotheses(styles: list[Style], programs_known: bool) -> list[dict[Style, Level]]:
    """Levels for the row styles, what the text says first: distinct styles, distinct levels, bottom up.

    Where the text is clear (programs named, and one style for kegiatan above one for sub kegiatan, as in
    the seed) that is the only hypothesis: the sums may not overrule it. Otherwise (upper case rows besides
    the named programs may be programs too) every assignment in which a more prominent style never sits
    deeper is a hypothesis for the sums to choose from.
    """
    styles = sorted(styles, reverse=True)
    if len(styles) == 1:
        return [{styles[0]: Level.SUB_KEGIATAN}]
    if programs_known and len(styles) == 2 and not styles[0][0]:
        return [{styles[0]: Level.KEGIATAN, styles[1]: Level.SUB_KEGIATAN}]
    allowed = []
    for index, item in enumerate(styles):
        if index == len(styles) - 1:
            allowed.append((Level.SUB_KEGIATAN,))
        elif not programs_known or item[0]:
            allowed.append((Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN))
        else:
            allowed.append((Level.KEGIATAN, Level.SUB_KEGIATAN))
    ladder = (Level.SUB_KEGIATAN, Level.KEGIATAN, Level.PROGRAM)
    default = {}
    for depth, (item, levels) in enumerate(zip(reversed(styles), reversed(allowed))):
        wanted = ladder[min(depth, 2)]
        default[item] = wanted if wanted in levels else levels[0]
    hypotheses = [default]
    for levels in itertools.islice(itertools.product(*allowed), MAX_HYPOTHESES):
        assignment = dict(zip(styles, levels))
        if assignment != default and _monotone(assignment):
            hypotheses.append(assignment)
    return hypotheses


def _monotone(assignment: dict[Style, Level]) -> bool:
    ordered = sorted(assignment.items(), reverse=True)
    ranks = [level.rank for _, level in ordered]
    return ranks == sorted(ranks)


def _score(table: BudgetTable) -> int:
    link_budget_rows(table)
    parents = [row for row in table.rows if row.children]
    if table.total is not None:
        parents.append(table.total)
    return sum(1 for row in parents if sums_hold(row) is True)


def _split_by_sums(rows: list[BudgetRow], table: BudgetTable) -> list[BudgetRow]:
    """Where every open row looks alike: the rows whose amounts equal the rows after them (kegiatan).

    Within each run of open rows, the partition into [kegiatan, its sub kegiatan...] and lone sub kegiatan
    that makes the most kegiatan add up (anggaran and realisasi both), by dynamic programming.
    """
    open_ids = {id(row) for row in rows}
    runs: list[list[BudgetRow]] = [[]]
    for row in table.rows:
        if id(row) in open_ids:
            runs[-1].append(row)
        elif row.level is not None:
            runs.append([])
    heads: list[BudgetRow] = []
    for run in runs:
        heads.extend(_heads(run))
    return heads


def _heads(run: list[BudgetRow], either: bool = False) -> list[BudgetRow]:
    """``either``: a head needs its anggaran or its realisasi to equal the rows after it (one may be the
    table's error), instead of both."""
    n = len(run)
    amounts = [(first_reading(row, "anggaran"), first_reading(row, "realisasi")) for row in run]
    best: list[tuple[int, list[int]]] = [(0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = best[i + 1]
        a, r = amounts[i]
        if a is None or r is None or not a:
            continue
        sum_a = sum_r = 0.0
        for j in range(i + 1, n):
            member_a, member_r = amounts[j]
            if member_a is None or member_r is None:
                break
            sum_a, sum_r = sum_a + member_a, sum_r + member_r
            hold_a, hold_r = money_equal(sum_a, a), money_equal(sum_r, r)
            if (hold_a or hold_r) if either else (hold_a and hold_r):
                count, chosen = best[j + 1]
                if count + 1 > best[i][0]:
                    best[i] = (count + 1, [i, *chosen])
            if sum_a > a and a > 0:
                break
    return [run[index] for index in best[0][1]]


def guess_levels(table: BudgetTable) -> None:
    """Give every row with figures and no level one, and link the hierarchy."""
    candidates = [row for row in table.rows if row.level is None and _has_figures(row)]
    if not candidates:
        return
    open_rows = [row for row in candidates if not _from_label(row)]
    if any(row.level_source != "code" for row in candidates):
        table.structure = "guessed"
    if open_rows:
        _choose(table, open_rows)
    link_budget_rows(table)
    _flat_if_sums_say_so(table, candidates)


def _flat_if_sums_say_so(table: BudgetTable, guessed: list[BudgetRow]) -> None:
    """A guess no parent confirms ("Kegiatan ..." rows taken for parents of the rows after them), while the
    JUMLAH is the sum of every line: the lines are one level (RSUD Al Ihsan's Tabel 10: programs without
    figures, each holding kegiatan whose names do not all start with "Kegiatan")."""
    total = table.total
    parents = [row for row in guessed if row.children]
    if total is None or not parents or any(sums_hold(row) is True for row in parents):
        return
    before = [(row, row.level, row.level_source) for row in guessed]
    for row in guessed:
        if row.level_source != "code" and row.level is not Level.PROGRAM:
            row.level, row.level_source = Level.SUB_KEGIATAN, "sums"
    link_budget_rows(table)
    if sums_hold(total) is not True:
        for row, level, source in before:
            row.level, row.level_source = level, source
        link_budget_rows(table)


def _choose(table: BudgetTable, open_rows: list[BudgetRow]) -> None:
    enclose = _letters_enclose_numbers(open_rows)
    styles = {id(row): style(row, enclose) for row in open_rows}
    programs_known = any(row.level is Level.PROGRAM for row in table.rows)
    hypotheses = _hypotheses(sorted(set(styles.values())), programs_known)

    def apply(assignment: dict[Style, Level], source: str) -> None:
        for row in open_rows:
            row.level, row.level_source = assignment[styles[id(row)]], source

    default = hypotheses[0]
    best, best_key = default, None
    for assignment in hypotheses:
        apply(assignment, "style")
        deviations = sum(1 for item, level in assignment.items() if level is not default[item])
        key = (_score(table), -deviations)
        if best_key is None or key > best_key:
            best, best_key = assignment, key
    apply(best, "style" if best is default else "sums")
    if len(hypotheses) == 1 and len(default) == 1:
        # Every open row looks alike: only the sums can tell a kegiatan from its sub kegiatan.
        score = _score(table)
        heads = _split_by_sums(open_rows, table)
        for row in heads:
            row.level, row.level_source = Level.KEGIATAN, "sums"
        if heads and _score(table) <= score:
            for row in heads:
                row.level, row.level_source = Level.SUB_KEGIATAN, "style"


def group_rows_by_sums(table: BudgetTable) -> bool:
    """Tabel 3.7 without codes, with group rows ("A. BELANJA OPERASI" above its lines, "B. BELANJA MODAL"):
    the rows whose amounts equal the lines after them are the groups, when that makes the JUMLAH add up
    and a flat reading does not. Otherwise nothing changes (a flat list, or a hierarchy the sums do not
    confirm: then the JUMLAH is checked against every line, as before)."""
    total = table.total
    if total is None and len(table.rows) >= 3:
        return _numbered_groups(table)
    if total is None or len(table.rows) < 3:
        return False
    link_budget_rows(table)
    if sums_hold(total) is not False:
        return False
    heads = _heads(table.rows, either=True)
    if not heads:
        _flat_unsure(table)
        return False
    before = [(row.level, row.level_source) for row in table.rows]
    for row in heads:
        row.level, row.level_source = Level.KEGIATAN, "sums"
    link_budget_rows(table)
    confirmed = sums_hold(total) is True and all(sums_hold(row) is True for row in heads)
    confirmed = confirmed and all(row.parent is not None and row.parent.level is Level.KEGIATAN for row in table.rows if row not in heads)
    if not confirmed:
        for row, (level, source) in zip(table.rows, before):
            row.level, row.level_source = level, source
        link_budget_rows(table)
        _flat_unsure(table)
        return False
    table.structure = "guessed"
    return True


def _flat_unsure(table: BudgetTable) -> None:
    """The JUMLAH is not the sum of the lines, and the lines do not all look alike (upper case, bold or
    numbering set some apart: a Satker > Program > Kegiatan the sums do not confirm). Reading them as one flat
    list is then a guess: said so (S002), and the budget checks do not hold the sums as certain."""
    if len({style(row) for row in table.rows}) > 1:
        table.structure = "guessed"


def _numbered_groups(table: BudgetTable) -> bool:
    """Tabel 3.7 without a JUMLAH, its lines under group rows that look unlike them ("1. BELANJA TIDAK LANGSUNG"
    over "a. Belanja Pegawai" ... "g. Belanja Tidak Terduga", then "2. BELANJA LANGSUNG" over its lines a-c:
    Diskanlaut Jawa Barat 2016). The group rows are those whose anggaran or realisasi equals the lines after
    them; the reading is taken only when it starts at the first row, every group row adds up that way, and the
    group rows share no style (case, bold, numbering) with the lines: then the other figure of a group is
    checked against its lines. Otherwise nothing changes."""
    rows = [row for row in table.rows if _has_figures(row)]  # a title row over the groups is none of them
    heads = _heads(rows, either=True)
    if not heads or heads[0] is not rows[0]:
        return False
    lines = [row for row in rows if row not in heads]
    if not lines or {style(row) for row in heads} & {style(row) for row in lines}:
        return False
    before = [(row.level, row.level_source) for row in table.rows]
    for row in rows:
        row.level, row.level_source = (Level.KEGIATAN if row in heads else Level.SUB_KEGIATAN), "sums"
    link_budget_rows(table)
    if all(sums_hold(row) is True for row in heads):
        table.structure = "guessed"
        return True
    for row, (level, source) in zip(table.rows, before):
        row.level, row.level_source = level, source
    link_budget_rows(table)
    return False


# Words that name a level above the program in APBN tables (Satker = satuan kerja, the spending unit).
_ABOVE_PROGRAM = {("satker",), ("satuan", "kerja")}
_LADDER = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def _level_word(text: str) -> str | None:
    words = tokens(text)
    if words[:1] in _ABOVE_PROGRAM or words[:2] in _ABOVE_PROGRAM:
        return "satker"
    if starts_with_program(text):
        return "program"
    return explicit_level_word(text)


def levels_from_words(table: BudgetTable) -> bool:
    """A table whose every line names its level, one above the program among them ("Satker ... (05)" over
    "Program ..." over "Kegiatan ...", an APBN Tabel 3.7 without codes: Disbun Jawa Barat 2016): the words
    give the levels, the highest word the program's place and so on down (a table has three levels), and each
    row keeps its word for the messages. The hierarchy stays one read from text (S002): a parent's sums are
    errors only where one of its own sums holds (checks/budget.py)."""
    rows: list[BudgetRow] = []
    words: list[str] = []
    for row in table.rows:
        # A line under a figure merged down from the row above (a label printed over several lines) has none of
        # its own.
        if not any(not item.empty and item.parsed.kind is not Kind.MERGED
                   for item in (row.anggaran, row.realisasi, row.selisih, row.persen)):
            continue
        word = _level_word(row.label.text)
        if word is None:
            return False  # a line naming no level: most tables say so on their second line
        rows.append(row)
        words.append(word)
    present = [word for word in ("satker", "program", "kegiatan", "sub_kegiatan") if word in words]
    if not rows or "satker" not in present or len(present) > len(_LADDER):
        return False
    for row in table.rows:
        row.level = None  # a line without figures (the rest of a label printed over several lines) is no level
    for row, word in zip(rows, words):
        row.level, row.level_source = _LADDER[present.index(word)], "label"
        row.level_word = word
    table.structure = "guessed"
    link_budget_rows(table)
    return True
