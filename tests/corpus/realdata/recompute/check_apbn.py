import openpyxl, re
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_DOWN
wb = openpyxl.load_workbook('tests/corpus/realdata/apbn-satker-2023-2025-realisasi-belanja.xlsx')
ws = wb['Sheet1']
def money(v):
    if isinstance(v, (int, float)): return D(str(v))
    t = v.strip()
    m = re.fullmatch(r'([\d,]+),(\d\d)', t)
    return D(m.group(1).replace(',', '') + '.' + m.group(2))
bad = []; n = 0
for r in range(2, ws.max_row + 1):
    g, h, i = ws.cell(r, 7), ws.cell(r, 8), ws.cell(r, 9)
    if g.value is None: continue
    n += 1
    a, re_ = money(g.value), money(h.value)
    fmt = i.number_format
    dec = len(fmt.split('.')[1]) if '.' in fmt else 0
    printed = D(str(i.value)).quantize(D(1).scaleb(-dec), ROUND_HALF_UP) if dec else D(str(i.value)).quantize(D(1), ROUND_HALF_UP)
    if a == 0:
        if re_ != 0 or i.value not in (0, None): bad.append((r, 'anggaran 0', re_, i.value))
        continue
    comp = re_ / a * 100
    q = D(1).scaleb(-dec)
    if printed not in (comp.quantize(q, ROUND_HALF_UP), comp.quantize(q, ROUND_DOWN)):
        bad.append((r, a, re_, i.value, fmt, comp))
    if re_ > a: bad.append((r, 'realisasi>anggaran', a, re_))
print(n, 'rows')
for b in bad: print(b)
