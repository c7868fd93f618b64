import openpyxl, glob, sys
from decimal import Decimal as D
def d(x): return D(str(x)) if isinstance(x, (int, float)) else (None if x in (None, '') else x)
seen = {}
for f in sorted(glob.glob(sys.argv[1] + '/*.xlsx')):
    try:
        wf = openpyxl.load_workbook(f); wv = openpyxl.load_workbook(f, data_only=True)
    except Exception as e:
        print(f, 'ERR', e); continue
    ws, v = wf.active, wv.active
    office = v['K9'].value
    rows = {}
    for r in range(15, ws.max_row + 1):
        code = ws.cell(r, 4).value
        if code:
            rows[str(code)] = (r, d(v.cell(r, 17).value), d(v.cell(r, 18).value), ws.cell(r, 17).value, ws.cell(r, 18).value)
    probs = []
    for parent in ('4', '5'):
        if parent not in rows: continue
        kids = [k for k in rows if k.startswith(parent + '.') and k.count('.') == 1]
        for i, name in ((1, 'Q'), (2, 'R')):
            s = sum((rows[k][i] or 0) for k in kids if not isinstance(rows[k][i], str))
            if rows[parent][i] != s: probs.append((f'{name}{rows[parent][0]}', rows[parent][i], s, rows[parent][i + 2]))
    for k, (r, a, re_, *_ ) in rows.items():
        if k.startswith('5') and isinstance(a, D) and isinstance(re_, D) and re_ > a: probs.append((f'over R{r}', a, re_))
        if isinstance(a, str) or isinstance(re_, str): probs.append((f'text row {r}', a, re_))
    key = (office, tuple(sorted((k, str(x[1]), str(x[2])) for k, x in rows.items())))
    print(f.split('/')[-1], office, 'nonzero' if any((x[1] or 0) for x in rows.values() if not isinstance(x[1], str)) else 'zero', probs)
