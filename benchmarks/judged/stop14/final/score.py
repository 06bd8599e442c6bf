#!/usr/bin/env python3
"""Score a blind judge's calls.  usage: score.py SHEET.md JUDGMENTS.py ALL_TIPS.md LABEL

JUDGMENTS.py defines J = {case_number: dict(R="gne..", M="01..", W=[tip ids], N="note")}:
R one letter per shown tip (g goed, e enigszins, n niet), M one flag per reason line in sheet
order (1 = misreads the text), W the (up to 3) tips the judge would most want to give.
"""
import importlib.util, re, sys

sheet_path, judg_path, tips_path, label = sys.argv[1:5]
spec = importlib.util.spec_from_file_location("j", judg_path)
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
J = mod.J
tips = re.findall(r'^- \*\*([a-z0-9-]+)\*\* — (.+)$', open(tips_path).read(), re.M)
title2id = {t.strip(): i for i, t in tips}
cases = {}
for block in re.split(r'^## Casus ', open(sheet_path).read(), flags=re.M)[1:]:
    num = int(block.split()[0]); shown = []
    for line in block.split('\n'):
        m = re.match(r'^\d+\. \*\*(.+)\*\*$', line.strip())
        if m:
            shown.append({'id': title2id[m.group(1).strip()], 'reasons': 0})
        elif line.strip().startswith('- Waarom:'):
            shown[-1]['reasons'] += 1
    cases[num] = shown
problems = []
tot = dict(tips=0, goed=0, atleast=0, cases_goed=0, reasons=0, misread=0, wanted=0, wanted_shown=0)
for n, shown in sorted(cases.items()):
    j = J[n]
    nre = sum(s['reasons'] for s in shown)
    if len(j['R']) != len(shown): problems.append(f'case {n}: {len(j["R"])} ratings for {len(shown)} tips')
    if len(j['M']) != nre: problems.append(f'case {n}: {len(j["M"])} reason flags for {nre} lines')
    for w in j['W']:
        if w not in title2id.values(): problems.append(f'case {n}: unknown wanted tip {w}')
    ids = [s['id'] for s in shown]
    tot['tips'] += len(j['R']); tot['goed'] += j['R'].count('g')
    tot['atleast'] += j['R'].count('g') + j['R'].count('e'); tot['cases_goed'] += 'g' in j['R']
    tot['reasons'] += len(j['M']); tot['misread'] += j['M'].count('1')
    tot['wanted'] += len(j['W']); tot['wanted_shown'] += sum(w in ids for w in j['W'])
pct = lambda a, b: f'{100*a/max(b,1):.1f} % ({a}/{b})'
nc = len(cases)
print(f"{label}: {nc} cases, {tot['tips']} shown tips ({tot['tips']/nc:.2f} per case)")
print(f"  shown tips rated goed              {pct(tot['goed'], tot['tips'])}   target >= 60 %")
print(f"  shown tips goed or enigszins       {pct(tot['atleast'], tot['tips'])}   target >= 90 %")
print(f"  cases with at least one goed tip   {pct(tot['cases_goed'], nc)}   target >= 95 %")
print(f"  wanted tips shown                  {pct(tot['wanted_shown'], tot['wanted'])}")
print(f"  reason lines that misread          {pct(tot['misread'], tot['reasons'])}   target <= 5 %")
print(f"  cases without a goed tip: {[n for n in sorted(cases) if 'g' not in J[n]['R']]}")
for p in problems: print('  PROBLEM', p)
