"""Recompute a SIPD 'Rekapitulasi belanja' export whose hierarchy must be read from its codes (organisations of one
bidang may come after another urusan's block): A urusan/bidang, B organisasi, C program/kegiatan/sub kegiatan,
D account. Every parent = the sum of its children (F, G, H, I, figures typed as Indonesian text), J = F + H,
K = G + I, and the columns named in header row 8 ('%' = K / J, 'SISA' = J - K, '% SISA' = SISA / J) against their
cached values. Usage: python check_sipd_codes.py WORKBOOK"""
import sys
from collections import defaultdict
from decimal import Decimal as D

import openpyxl
from openpyxl.utils import get_column_letter

path = sys.argv[1]
wf = openpyxl.load_workbook(path, read_only=True)
wv = openpyxl.load_workbook(path, read_only=True, data_only=True)


def num(v):
    if v is None or v == '':
        return D(0)
    if isinstance(v, (int, float)):
        return D(repr(v))
    return D(str(v).strip().replace('.', '').replace(',', '.'))


def segs(code):
    return len(str(code).split('.')) if code else 0


for name in wf.sheetnames:
    if wf[name].max_column < 11:
        continue
    formulas = list(wf[name].iter_rows(min_row=1, values_only=True))
    values = list(wv[name].iter_rows(min_row=1, values_only=True))
    header = formulas[7]
    derived = {str(h).strip(): i for i, h in enumerate(header) if i >= 11 and h}
    rows, problems, over = [], [], []
    for r in range(9, len(formulas)):
        f, v = formulas[r], values[r]
        a, b, c, d = (str(x).strip() if x not in (None, '') else None for x in f[:4])
        if not a or not str(f[5] or '').strip():
            continue
        F, G, H, I = (num(v[k]) for k in range(5, 9))
        row = dict(r=r + 1, a=a, b=b, c=c, d=d, F=F, G=G, H=H, I=I)
        rows.append(row)
        J, K = F + H, G + I
        for col, want in ((9, J), (10, K)):
            if not isinstance(v[col], (int, float)) or D(repr(v[col])) != want:
                problems.append((f'{get_column_letter(col + 1)}{r + 1}', v[col], want))
        for label, want in (('%', K / J if J else None), ('SISA', J - K), ('% SISA', (J - K) / J if J else None)):
            col = derived.get(label)
            if col is None or not isinstance(f[col], str) or not f[col].startswith('='):
                continue
            got = v[col]
            if want is None:
                if got != '#DIV/0!':
                    problems.append((f'{get_column_letter(col + 1)}{r + 1}', got, 'div0'))
            elif not isinstance(got, (int, float)) or abs(D(repr(got)) - want) > D('1e-6') * max(abs(want), 1):
                problems.append((f'{get_column_letter(col + 1)}{r + 1}', got, want))
        if G > F or I > H:
            over.append((r + 1, c, d, F, G, H, I))
    children = defaultdict(list)
    for row in rows:
        a, b, c, d = row['a'], row['b'], row['c'], row['d']
        if d:
            parent = (a, b, c, '.'.join(d.split('.')[:-1])) if segs(d) > 3 else (a, b, c, None)
        elif c:
            parent = (a, b, '.'.join(c.split('.')[:-1]) if segs(c) == 6 else '.'.join(c.split('.')[:3]) if segs(c) == 5 else None, None)
        elif b:
            parent = (a, None, None, None)
        else:
            parent = (a.split('.')[0], None, None, None) if segs(a) == 2 else None
        if parent:
            children[parent].append(row)
    for row in rows:
        kids = children.get((row['a'], row['b'], row['c'], row['d']))
        if not kids:
            continue
        for col in 'FGHI':
            total = sum(k[col] for k in kids)
            if total != row[col]:
                problems.append((f'{col}{row["r"]}', row[col], total, [k['r'] for k in kids][:6]))
    print(name, len(rows), 'rows;', len(problems), 'inconsistencies;', len(over), 'rows with realisasi above anggaran')
    for p in problems[:30]:
        print('  ', p)
    for o in over[:30]:
        print('   over', o)
