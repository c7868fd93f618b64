import openpyxl
from decimal import Decimal as D
from openpyxl.utils import column_index_from_string as ci
P = 'tests/corpus/realdata/sukabumi-bappeda-2018-evaluasi-renja.xlsx'
v = openpyxl.load_workbook(P, data_only=True).active
def g(col, r):
    x = v.cell(r, ci(col)).value
    return D(str(x)) if isinstance(x, (int, float)) else None
bad = []
def close(a, b): return a is not None and b is not None and abs(a - b) < D('1e-9')
for r in list(range(18, 38)) + [43, 44]:
    W = g('O', r) + g('Q', r) + g('S', r) + g('U', r); X = g('P', r) + g('R', r) + g('T', r) + g('V', r)
    checks = {'W': W, 'X': X, 'Y': W / g('M', r) * 100, 'Z': X / g('N', r) * 100, 'AA': g('K', r) + W, 'AB': g('L', r) + X}
    checks['AC'] = checks['AA'] / g('H', r) * 100; checks['AD'] = checks['AB'] / g('J', r) * 100
    for col, want in checks.items():
        if not close(g(col, r), want): bad.append((f'{col}{r}', g(col, r), want))
for parent, kids in ((17, range(18, 38)), (42, (43, 44))):
    for col in ('J', 'L', 'N', 'P', 'R', 'T', 'V', 'X', 'AB'):
        s = sum(g(col, k) for k in kids)
        if g(col, parent) != s: bad.append((f'{col}{parent}', g(col, parent), s))
    ab = g('L', parent) + g('X', parent)
    if g('AB', parent) != ab: bad.append((f'AB{parent} (14 = 6 + 12)', g('AB', parent), ab))
for b in bad: print(b)
