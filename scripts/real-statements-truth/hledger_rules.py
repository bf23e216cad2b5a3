# Ground truth for walletsec's real-statement tests: an independent Python reading of the sample
# files (stdlib only, no walletsec code). See README.md in this folder.
"""A small model of hledger's CSV rules (enough for the sample files), used to derive expected transactions."""
import csv, io, os, re
from decimal import Decimal, InvalidOperation

HFIELDS_RE = re.compile(r'^(date2?|status|code|description|comment\d*|account\d+|amount\d*(-in|-out)?|currency\d*|balance\d*)$')
TOP = ('skip', 'fields', 'date-format', 'decimal-mark', 'newest-first', 'intra-day-reversed', 'include', 'encoding',
       'separator', 'balance-type', 'timezone', 'source', 'archive')

def rules_for(root, rel):
    d, f = os.path.split(rel)
    cands = []
    if rel.endswith(('.csv', '.ssv', '.tsv')):
        cands.append(rel + '.rules')
        cands.append(os.path.join(d, f.rsplit('.', 1)[0] + '.rules'))
        m = re.match(r'sample\.fr\.(\w+)\.csv$', f)
        if m:
            cands.insert(0, os.path.join(d, {'utf8': 'sample.csv.rules'}.get(m[1], f'sample.csv.{m[1]}.rules')))
    for c in cands:
        if os.path.exists(os.path.join(root, c)):
            return c
    return None

def load(root, rules_rel, notes, seen=None):
    text = open(os.path.join(root, rules_rel), encoding='utf-8').read()
    lines = []
    for ln in text.splitlines():
        m = re.match(r'^include\s+(.*)$', ln.strip())
        if m and not ln.startswith((' ', '\t')):
            inc = os.path.join(os.path.dirname(rules_rel), m.group(1).strip())
            if os.path.exists(os.path.join(root, inc)):
                lines += load(root, inc, notes)
            else:
                notes.append(f'include {m.group(1).strip()} -> {inc} does not exist: real hledger stops with a file-not-found error')
            continue
        lines.append(ln)
    return lines

def directives(text):
    used = []
    lines = text.splitlines(); i = 0
    def add(x):
        if x not in used: used.append(x)
    while i < len(lines):
        ln = lines[i]; s = ln.strip()
        if not s or s[0] in '#;*':
            i += 1; continue
        if ln[0] in ' \t':
            name = s.split()[0]; add('(in if) ' + name + (' with regex group \\N' if re.search(r'\\\d', s) else '')); i += 1; continue
        w = s.split()[0]
        if w == 'if' or w.startswith('if,') or w.startswith('if|'):
            add('if-table' if len(w) > 2 else 'if-block')
            rest = s[2:].strip()
            ms = [rest] if rest else []
            j = i + 1
            if not rest:
                while j < len(lines) and lines[j].strip() and lines[j][0] not in ' \t':
                    ms.append(lines[j].strip()); j += 1
            if len(ms) > 1: add('if: several matchers on separate lines (OR-ed)')
            for mm in ms:
                if mm.startswith('&'): add('if: & (AND) matcher')
                if re.match(r'^&?\s*!?%\w+', mm): add('if: %field matcher')
                elif mm: add('if: whole-record matcher')
                if '!' in mm[:3]: add('if: negated matcher')
            i = j; continue
        if w in TOP: add(w + (' ' + s[len(w):].strip() if w in ('skip', 'date-format', 'decimal-mark', 'encoding', 'separator', 'include') else ''))
        elif HFIELDS_RE.match(w): add(w + (' (interpolated %field)' if '%' in s else ' (constant)'))
        else: add('UNKNOWN ' + w)
        i += 1
    return used

def parse_rules(lines):
    R = {'assign': {}, 'ifs': [], 'skip': 0, 'fields': None, 'date-format': None, 'decimal-mark': None, 'separator': None,
         'encoding': None, 'newest-first': False, 'intra-day-reversed': False}
    i = 0
    while i < len(lines):
        ln = lines[i]; s = ln.strip()
        if not s or s[0] in '#;*': i += 1; continue
        w = s.split()[0]; val = s[len(w):].lstrip(' \t')
        # values keep trailing spaces except newline (hledger keeps the rest of the line)
        raw_val = ln.lstrip()[len(w):].lstrip(' \t')
        if w == 'if':
            ms = [val] if val else []
            j = i + 1
            if not val:
                while j < len(lines) and lines[j].strip() and lines[j][0] not in ' \t':
                    ms.append(lines[j].strip()); j += 1
            assigns = {}
            while j < len(lines) and lines[j][:1] in (' ', '\t') and lines[j].strip():
                t = lines[j].strip(); k = t.split()[0]
                assigns[k] = lines[j].lstrip()[len(k):].lstrip(' \t')
                j += 1
            R['ifs'].append((ms, assigns)); i = j; continue
        if w == 'skip': R['skip'] = int(val or 1)
        elif w == 'fields': R['fields'] = [f.strip().lower() for f in val.split(',')]
        elif w in ('date-format', 'decimal-mark', 'separator', 'encoding'): R[w] = val.strip()
        elif w in ('newest-first', 'intra-day-reversed'): R[w] = True
        else: R['assign'][w] = raw_val
        i += 1
    return R

def strftime_to_re(fmt):
    out = ''; i = 0
    table = {'Y': r'(?P<Y>\d{4})', 'y': r'(?P<y>\d{2})', 'm': r'(?P<m>\d{2})', 'd': r'(?P<d>\d{2})', '-m': r'(?P<m>\d{1,2})',
             '-d': r'(?P<d>\d{1,2})', 'H': r'(?P<H>\d{2})', 'M': r'(?P<M>\d{2})', 'S': r'(?P<S>\d{2})', 'z': r'(?P<z>[+-]\d{4})',
             'b': r'(?P<b>[A-Za-z]{3})', 'h': r'(?P<b>[A-Za-z]{3})', 'e': r'\s?(?P<d>\d{1,2})'}
    while i < len(fmt):
        if fmt[i] == '%':
            k = fmt[i + 1]
            if k == '-': k = '-' + fmt[i + 2]; i += 1
            out += table[k]; i += 2
        else:
            out += re.escape(fmt[i]); i += 1
    return '^' + out + '$'

MON = {m: i for i, m in enumerate('jan feb mar apr may jun jul aug sep oct nov dec'.split(), 1)}

def parse_date(s, fmt, notes):
    s = s.strip()
    if not fmt:
        m = re.fullmatch(r'(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})', s)
        return (f'{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}', None) if m else (None, None)
    m = re.match(strftime_to_re(fmt), s)
    if not m: return None, None
    g = m.groupdict()
    y = g.get('Y') or (('20' + g['y']) if g.get('y') else None)
    if y is None:
        y = '1970'; notes.append(f'date-format {fmt!r} has no year: hledger (Haskell time parser) defaults the year to 1970')
    mo = g.get('m') or MON[g['b'].lower()]
    return f'{int(y):04d}-{int(mo):02d}-{int(g["d"]):02d}', g.get('z')

def interpolate(tmpl, rec, names, groups):
    def rep(m):
        k = m.group(1)
        if k.isdigit():
            i = int(k) - 1; return rec[i] if i < len(rec) else ''
        k = k.lower()
        return rec[names.index(k)] if k in names and names.index(k) < len(rec) else m.group(0)
    v = re.sub(r'%([A-Za-z0-9_-]+)', rep, tmpl)
    if groups:
        v = re.sub(r'\\(\d)', lambda m: groups[int(m.group(1)) - 1] or '', v)
    return v

def matches(ms, rec, names):
    """OR over lines; a line starting with & is AND-ed to the previous one."""
    groups = None; result = False; cur = None
    for raw in ms:
        andop = raw.startswith('&')
        mm = raw[1:].strip() if andop else raw
        neg = mm.startswith('!'); mm = mm[1:].strip() if neg else mm
        fm = re.match(r'^%(\w+)\s+(.*)$', mm)
        if fm:
            k = fm.group(1).lower(); pat = fm.group(2)
            target = rec[names.index(k)] if k in names else (rec[int(k) - 1] if k.isdigit() else '')
        else:
            pat = mm; target = ','.join(rec)
        m = re.search(pat, target, re.I)
        ok = bool(m) != neg
        if m and not neg and m.groups(): groups = m.groups()
        cur = (cur and ok) if andop else ok
        if not andop:
            result = result or (cur if False else False)
        # simpler: evaluate groups of AND chains
    # re-evaluate properly as OR of AND-chains
    chains = []; 
    for raw in ms:
        if raw.startswith('&') and chains: chains[-1].append(raw[1:].strip())
        else: chains.append([raw])
    def one(mm):
        neg = mm.startswith('!'); mm2 = mm[1:].strip() if neg else mm
        fm = re.match(r'^%(\w+)\s+(.*)$', mm2)
        if fm:
            k = fm.group(1).lower(); target = rec[names.index(k)] if k in names else (rec[int(k) - 1] if k.isdigit() else '')
            pat = fm.group(2)
        else:
            pat = mm2; target = ','.join(rec)
        m = re.search(pat, target, re.I)
        return (bool(m) != neg), (m.groups() if m and m.groups() else None)
    for ch in chains:
        res = [one(x) for x in ch]
        if all(r[0] for r in res):
            g = next((r[1] for r in res if r[1]), None)
            return True, g
    return False, None

def norm_amt(v, decimal_mark):
    v = v.strip()
    if not v: return None
    cost = None
    m = re.match(r'^(.*?)\s*(@@?\s*.*)$', v)
    if m and m.group(1).strip():
        v, cost = m.group(1).strip(), m.group(2)
    r = _norm_amt(v, decimal_mark)
    if cost and isinstance(r, dict): r['cost'] = cost
    return r

def _norm_amt(v, decimal_mark):
    neg = False
    if v.startswith('(') and v.endswith(')'): neg = not neg; v = v[1:-1].strip()
    while v[:1] in '+-':
        if v[0] == '-': neg = not neg
        v = v[1:].strip()
    sym = ''
    m = re.match(r'^([^\d.,]*)([\d.,]+)\s*(.*)$', v)
    if not m: return {'unparsed': v}
    pre, num, post = m.groups()
    if decimal_mark == ',':
        num = num.replace('.', '').replace(',', '.')
    else:
        num = num.replace(',', '')
    if pre.strip() and pre.strip()[-1] == '-': neg = not neg; pre = pre.strip()[:-1]
    return {'neg': neg, 'num': num, 'commodity': (pre.strip() or post.strip() or None)}

def tz_seen(txs):
    return any(t.get('utc_offset') for t in txs)

def convert(root, rel, rules_rel):
    notes = []
    R = parse_rules(load(root, rules_rel, notes))
    enc = (R['encoding'] or 'utf-8').lower().replace('iso8859-1', 'latin-1')
    raw = open(os.path.join(root, rel), 'rb').read()
    text = raw.decode({'cp1252': 'cp1252', 'latin-1': 'latin-1'}.get(enc, 'utf-8-sig'))
    sep = {'\\t': '\t', 'TAB': '\t', 'tab': '\t', 'SPACE': ' ', ';': ';', ',': ','}.get(R['separator'] or '', None)
    if sep is None:
        sep = '\t' if rel.endswith('.tsv') else ';' if rel.endswith('.ssv') else ','
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=sep)]
    if any('"\t' in ln for ln in text.splitlines()):
        notes.append('a quoted field is followed by TAB before the separator: hledger\'s CSV parser is strict about quoting and is expected to reject this line (unverified); walletsec should strip the TAB')
    rows = [r for r in rows if any(c.strip() for c in r)]
    data = rows[R['skip']:]
    names = R['fields'] or []
    txs = []
    for idx, rec in enumerate(data):
        rec = [c.strip('\t') for c in rec]
        A = {}
        for k in names:
            if k and k != '_' and HFIELDS_RE.match(k): A[k] = '%' + k
        A.update(R['assign'])
        groups_for = {}
        for ms, assigns in R['ifs']:
            ok, g = matches(ms, rec, names)
            if ok:
                for k, v in assigns.items(): A[k] = v; groups_for[k] = g
        val = {k: interpolate(v, rec, names, groups_for.get(k)) for k, v in A.items()}
        date, tz = parse_date(val.get('date', ''), R['date-format'], notes)
        dm = R['decimal-mark']
        postings = []
        cur_default = val.get('currency', None)
        def mk(n, key_amt, key_in, key_out):
            a = val.get(key_amt); ai = val.get(key_in); ao = val.get(key_out)
            cand = []
            if a is not None and a.strip(): cand.append(('amount', norm_amt(a, dm)))
            for kk, vv in (('in', ai), ('out', ao)):
                if vv is not None and vv.strip():
                    p = norm_amt(vv, dm)
                    if 'num' in p and Decimal(p['num']) != 0:
                        if kk == 'out': p['neg'] = not p['neg']
                        cand.append((kk, p))
                    elif 'num' in p and not cand:
                        pass
            return cand
        explicit = any(re.match(r'amount\d', k) for k in A)
        plist = []
        if explicit:
            for n in range(1, 10):
                c = mk(n, f'amount{n}', f'amount{n}-in', f'amount{n}-out')
                if c or f'account{n}' in val:
                    plist.append((n, c))
        else:
            c = mk(1, 'amount', 'amount-in', 'amount-out')
            plist.append((1, c))
        for n, c in plist:
            if len(c) > 1: notes.append(f'record {idx}: both amount-in and amount-out non-zero -> hledger error')
            amt = None; commodity = None
            if c:
                p = c[0][1]
                if 'num' in p:
                    amt = ('-' if p['neg'] and Decimal(p['num']) != 0 else '') + p['num']
                    commodity = p['commodity']
            cur = val.get(f'currency{n}', cur_default)
            if cur is not None and commodity is None and amt is not None: commodity = cur
            bal = val.get(f'balance{n}', val.get('balance') if n == 1 else None)
            cost = c[0][1].get('cost') if c else None
            postings.append({'account': val.get(f'account{n}'), 'amount': amt, 'commodity': commodity, **({'cost': cost} if cost else {}),
                             **({'balance_assertion': bal.strip()} if bal and bal.strip() else {})})
        p1 = postings[0] if postings else {}
        amt = p1.get('amount')
        d = {'date': date, 'utc_offset': (tz[:3] + ':' + tz[3:]) if tz else None, 'description': (val.get('description') or '').strip() or None,
             'direction': None if amt is None else ('neutral' if Decimal(amt) == 0 else 'out' if amt.startswith('-') else 'in'),
             'amount': None if amt is None else amt.lstrip('-'), 'currency': (p1.get('commodity') or '').strip() or None, 'id': val.get('code') or None,
             'status': val.get('status') or None, 'postings': postings, 'record_index': idx + R['skip']}
        if amt is None:
            d['note'] = 'posting-1 amount value is empty: hledger getAmount ignores empty values, so the posting gets no amount (a lone amountless posting balances to 0)'
        txs.append(d)
    if R['newest-first']: txs.reverse()
    if tz_seen(txs):
        notes.append('date-format has %z: hledger converts each zoned time to the LOCAL time zone of the machine before taking the date (15:40 -0700 = 06:40 next day at +08:00); dates here are the file-local dates')
    ds = [t['date'] for t in txs if t['date']]
    if ds and ds[0] > ds[-1]:
        notes.append('first date is newer than the last: hledger reverses the records (then stably sorts by date); expected.json keeps file order')
    return {'transactions': txs, 'hledger_notes': sorted(set(notes)), 'separator': sep, 'skip': R['skip'],
            'header_row_index': 0 if R['skip'] else None, 'header_cells': rows[0] if R['skip'] else None,
            'rules_directives': directives(open(os.path.join(root, rules_rel), encoding='utf-8').read())}
