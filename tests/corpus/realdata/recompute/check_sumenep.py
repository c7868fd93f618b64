"""Recompute a SIPD 'Rekapitulasi belanja' export by hand: every parent (urusan, bidang, organisasi, program,
kegiatan, sub kegiatan, account levels) = the sum of its children in F, G, H, I; J = F + H, K = G + I, L = K / J;
where present M = J - K (sisa) and N = M / J. Usage: python check_sumenep.py [WORKBOOK] (default: the 2026 one)."""
import sys
import openpyxl
from decimal import Decimal as D
P = sys.argv[1] if len(sys.argv) > 1 else 'tests/corpus/realdata/sumenep-dinkes-2026-lra-sipd.xlsx'
wf = openpyxl.load_workbook(P)
wv = openpyxl.load_workbook(P, data_only=True)
def num(v):
    if v is None: return None
    if isinstance(v, (int, float)): return D(str(v))
    t = str(v).strip()
    if t in ('0,00', '0', '-', ''): return D(0)
    return D(t.replace('.', '').replace(',', '.'))
def level(a, b, c, d, e):
    if e and str(e).strip().lower() == 'jumlah' and not a: return -1
    if d: return 3 + len(str(d).split('.'))  # 5.1.02 -> 6
    if c: return {3: 3, 5: 4, 6: 5}[len(str(c).split('.'))]
    if b: return 2
    if a: return len(str(a).split('.')) - 1
    return None
problems = []
summary = {}
for name in wf.sheetnames:
    f, v = wf[name], wv[name]
    rows = []
    for r in range(10, f.max_row + 1):
        a, b, c, d, e = (f.cell(r, k).value for k in range(1, 6))
        lv = level(a, b, c, d, e)
        if lv is None: continue
        rows.append(dict(r=r, lv=lv, code=d or c or b or a, F=num(v.cell(r, 6).value) or D(0), G=num(v.cell(r, 7).value) or D(0),
                         H=num(v.cell(r, 8).value) or D(0), I=num(v.cell(r, 9).value) or D(0), J=v.cell(r, 10).value,
                         K=v.cell(r, 11).value, L=v.cell(r, 12).value, M=v.cell(r, 13).value, N=v.cell(r, 14).value,
                         Nf=f.cell(r, 14).value, Mf=f.cell(r, 13).value, hidden=f.row_dimensions[r].hidden))
    summary[name] = (len(rows), sum(x['hidden'] for x in rows))
    for i, row in enumerate(rows):
        # formulas' cached values
        J, K = row['F'] + row['H'], row['G'] + row['I']
        if row['J'] is None or D(str(row['J'])) != J: problems.append((name, f"J{row['r']}", row['J'], J))
        if row['K'] is None or D(str(row['K'])) != K: problems.append((name, f"K{row['r']}", row['K'], K))
        if J != 0:
            Lc = K / J
            if row['L'] is None or abs(D(str(row['L'])) - Lc) > D('1e-12'): problems.append((name, f"L{row['r']}", row['L'], Lc))
        elif row['L'] is not None and not isinstance(row['L'], str): problems.append((name, f"L{row['r']}", row['L'], 'div0'))
        # children
        kids, depth = [], None
        for other in rows[i + 1:]:
            if row['lv'] != -1 and other['lv'] <= row['lv'] or other['lv'] == -1: break
            if depth is None: depth = other['lv']
            if other['lv'] < depth: depth = other['lv']; kids = []  # shallower: restart (should not happen)
            if other['lv'] == depth: kids.append(other)
        if row['lv'] == -1:
            kids = [o for o in rows if o['lv'] == 0]
        if kids:
            for col in 'FGHI':
                s = sum(k[col] for k in kids)
                if s != row[col]: problems.append((name, f"{col}{row['r']}", row[col], s, row['code'], [k['r'] for k in kids][:8]))
        if isinstance(row['Mf'], str) and row['Mf'].startswith('='):
            if not isinstance(row['M'], (int, float)) or D(str(row['M'])) != J - K:
                problems.append((name, f"M{row['r']}", row['M'], J - K))
            if isinstance(row['Nf'], str) and row['Nf'] == f"=M{row['r']}/J{row['r']}" and J:
                if not isinstance(row['N'], (int, float)) or abs(D(str(row['N'])) - (J - K) / J) > D('1e-12'):
                    problems.append((name, f"N{row['r']}", row['N']))
        if row['G'] > row['F'] or row['I'] > row['H']: problems.append((name, f"over {row['r']}", row['F'], row['G'], row['H'], row['I']))
print(summary)
for p in problems: print(p)
