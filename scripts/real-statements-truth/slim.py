#!/usr/bin/env python3
"""Shrinks the full ground truth (expected.json written by extract.py + annotate.py) to what the
real-statement tests compare: per file its path, format, layout, encoding and transactions with
date, time, utc_offset, direction, amount, currency and id (plus refunded where a cell carries it).
Usage: python3 slim.py FULL.json > Tests/StatementsTests/RealStatements/expected.json"""
import json, sys

KEEP = ('date', 'time', 'utc_offset', 'direction', 'amount', 'currency', 'id', 'refunded', 'row')
full = json.load(open(sys.argv[1]))
files = []
for f in full['files']:
    files.append({
        'path': f['path'], 'format': f['format'], 'layout': f.get('layout'), 'encoding': f.get('encoding'),
        'transaction_count': len(f.get('transactions', [])),
        'transactions': [{k: t[k] for k in KEEP if k in t} for t in f.get('transactions', [])],
    })
json.dump({'files': files}, sys.stdout, ensure_ascii=False, indent=1)
print()
