"""Sheet8 of the Sumenep 2024 SIPD export (Dinkes / RSUD / Puskesmas) against the organisation rows of its DPA sheet,
E = D / C, F = C - D, G = F / C and the TOTAL row; and the DPA rows whose realisasi has no anggaran.
Usage: python check_sumenep_2024_rekap.py WORKBOOK"""
import sys
from decimal import Decimal as D

import openpyxl

path = sys.argv[1]
v = openpyxl.load_workbook(path, data_only=True, read_only=True)
f = openpyxl.load_workbook(path, read_only=True)


def num(x):
    if x in (None, ''):
        return D(0)
    return D(repr(x)) if isinstance(x, (int, float)) else D(str(x).strip().replace('.', '').replace(',', '.'))


dpa = list(v['DPA'].iter_rows(min_row=1, values_only=True))
orgs = {}
for r, row in enumerate(dpa, start=1):
    if r >= 10 and row[1] and not row[2] and row[0]:
        name = 'Puskesmas' if str(row[4]).startswith('Puskesmas') else str(row[4]).split(',')[0].strip()
        a, re_ = orgs.get(name, (D(0), D(0)))
        orgs[name] = (a + num(row[5]) + num(row[7]), re_ + num(row[6]) + num(row[8]))
print('DPA organisations (anggaran, realisasi):', orgs)
rekap = list(v['Sheet8'].iter_rows(min_row=7, max_row=10, values_only=True))
for row in rekap:
    c, d = num(row[2]), num(row[3])
    print(row[1] or row[0], c, d, 'E ok' if abs(num(row[4]) - d / c) < D('1e-12') else ('E', row[4], d / c),
          'F ok' if abs(num(row[5]) - (c - d)) < D('0.001') else ('F', row[5], c - d),
          'G ok' if abs(num(row[6]) - (c - d) / c) < D('1e-12') else ('G', row[6]))
print('TOTAL C = sum', sum(num(r[2]) for r in rekap[:3]) == num(rekap[3][2]), 'D = sum', sum(num(r[3]) for r in rekap[:3]) == num(rekap[3][3]))
print('realisasi without anggaran (F = 0 < G, or H = 0 < I), DPA rows:')
for r, row in enumerate(dpa, start=1):
    if r >= 10 and row[0] and row[5] not in (None, '') and ((num(row[5]) == 0 < num(row[6])) or (num(row[7]) == 0 < num(row[8]))):
        print('  ', r, row[2], row[3], row[5], row[6], row[7], row[8], 'L =', row[11])
