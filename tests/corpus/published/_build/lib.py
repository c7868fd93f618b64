"""Helpers to type published LKjIP tables into workbooks and recompute them by hand.

The figures themselves live in the case scripts (case_*.py) as printed; this module only turns a printed
figure into a Decimal (our own reading, independent of lkjip_xl.numbers), stores it the way the case says
an officer pasted it, and writes NAME.xlsx + NAME.json next to this folder.
"""
from __future__ import annotations

import json
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent.parent


def dec(printed) -> Decimal | None:
    """Read a printed Indonesian figure: 'Rp 1.234.567,00', '96,35 %', '-', '(1.234)'. None when empty/nil."""
    if printed is None:
        return None
    if isinstance(printed, (int, float, Decimal)):
        return Decimal(str(printed))
    s = str(printed).strip().replace("\u00a0", " ")
    s = re.sub(r"^Rp\.?\s*", "", s).replace("%", "").strip()
    if s.endswith(",-"):
        s = s[:-2]
    if s in ("", "-"):
        return None
    neg = s.startswith("(") and s.endswith(")") or s.startswith("-")
    s = s.strip("()").lstrip("-").strip().replace(" ", "")
    s = s.replace(".", "").replace(",", ".")
    v = Decimal(s)
    return -v if neg else v


def dec_us(printed) -> Decimal | None:
    """Read a US-grouped figure as printed in some Indonesian tables: '4,499,237,000', '99.48'."""
    if printed is None:
        return None
    s = str(printed).replace("%", "").replace(",", "").strip()
    return None if s in ("", "-") else Decimal(s)


def decimals_of(printed) -> int:
    s = str(printed).replace("%", "").strip()
    return len(s.split(",")[1]) if "," in s else 0


def pct(num, den, places: int) -> Decimal:
    """num / den x 100, ROUND_HALF_UP at `places`."""
    q = Decimal(1).scaleb(-places)
    return (Decimal(num) / Decimal(den) * 100).quantize(q, ROUND_HALF_UP)


def pct_accepts(printed, num, den) -> bool:
    """True when the printed percentage is num/den x 100 rounded half-up or truncated to its own decimals."""
    p = dec(printed)
    places = decimals_of(printed) if isinstance(printed, str) else max(0, -p.as_tuple().exponent)
    q = Decimal(1).scaleb(-places)
    exact = Decimal(num) / Decimal(den) * 100
    return p in (exact.quantize(q, ROUND_HALF_UP), exact.quantize(q, ROUND_DOWN))


def E(cell, printed, expected_value, why, severity="error", codes=(), value=None):
    v = value if value is not None else dec(printed)
    return {"cell": cell, "severity": severity, "codes": list(codes), "printed": printed,
            "value": _num(v), "expected_value": _num(Decimal(expected_value)), "why": why}


def _num(v):
    if v is None:
        return None
    v = Decimal(v)
    return int(v) if v == v.to_integral_value() else float(v)


def write_case(name, meta, sheet, rows, *, money_cols=(), pct_cols=(), num_cols=(), store="text",
               pct_store="number", bold_rows=(), widths=None, merges=(), us=False):
    """rows: list of (row_number, [values by column letter order starting at A]) or plain lists from row 1.

    store: 'text' keeps every figure as printed (a string); 'number' turns money into int (or Decimal with
    sen into float), pct cells into numbers (pct_store 'number' = 96.35, 'fraction' = 0.9635 under '0.00%').
    """
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            col = get_column_letter(c)
            cell = ws.cell(row=r, column=c)
            read = dec_us if us else dec
            if store == "number" and isinstance(v, str) and col in money_cols + num_cols and _is_fig(v):
                d = read(v)
                cell.value = 0 if d is None else (int(d) if d == d.to_integral_value() else float(d))
                cell.number_format = "#,##0" if d is None or d == d.to_integral_value() else "#,##0.00"
            elif store == "number" and isinstance(v, str) and col in pct_cols and _is_fig(v):
                d = read(v)
                places = (len(v.split(".")[1].replace("%", "").strip()) if "." in v else 0) if us else decimals_of(v)
                if d is None:
                    cell.value = v
                elif pct_store == "fraction":
                    cell.value = float(d / 100)
                    cell.number_format = "0%" if places == 0 else "0." + "0" * places + "%"
                else:
                    cell.value = float(d)
                    cell.number_format = "0" if places == 0 else "0." + "0" * places
            else:
                cell.value = v
            if r in bold_rows:
                cell.font = Font(bold=True)
            if isinstance(v, str) and len(v) > 30:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for rng in merges:
        ws.merge_cells(rng)
    for col, w in (widths or {}).items():
        ws.column_dimensions[col].width = w
    path = OUT / f"{name}.xlsx"
    wb.save(path)
    meta = dict(meta)
    meta.setdefault("consistent", not meta.get("expected"))
    order = ["source", "office", "year", "kind", "tables", "how", "consistent", "expected", "notes"]
    out = {k: meta[k] for k in order if k in meta}
    (OUT / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return path


def _is_fig(v: str) -> bool:
    s = v.strip()
    return bool(re.fullmatch(r"(Rp\.?\s*)?[-(]?\s*[\d.,\s]*\d[\d.,]*\)?\s*%?(,-)?|(Rp\.?\s*)?-", s))


def audit_budget(rows, first, last, a, r, p=None, s=None, label=""):
    """Print every row (1-based sheet rows first..last) whose %, selisih don't follow from anggaran/realisasi."""
    out = []
    for i in range(first, last + 1):
        row = rows[i - 1]
        A, R = dec(_at(row, a)), dec(_at(row, r))
        if A is None and R is None:
            continue
        if p and _at(row, p) is not None and A:
            if not pct_accepts(_at(row, p), R or 0, A):
                out.append(f"{label}{p}{i}: printed {_at(row, p)} computed {pct(R or 0, A, 4)}")
        if s and _at(row, s) is not None:
            S = dec(_at(row, s)) or Decimal(0)
            if S != (A or 0) - (R or 0):
                out.append(f"{label}{s}{i}: printed {_at(row, s)} computed {(A or 0) - (R or 0)}")
    return out


def _at(row, col):
    idx = ord(col) - ord("A")
    return row[idx] if idx < len(row) else None


def col_sum(rows, col, idx):
    return sum((dec(_at(rows[i - 1], col)) or Decimal(0)) for i in idx)
