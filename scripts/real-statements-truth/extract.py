#!/usr/bin/env python3
# Ground truth for walletsec's real-statement tests: an independent Python reading of the sample
# files (stdlib only, no walletsec code). See README.md in this folder.
"""Derive ground truth for every file under /work/shared/real-statements/ from the file's own columns.
Writes expected.json next to this script. Stdlib only. Usage: python3 extract.py [ROOT]"""
import csv, io, json, os, re, sys
from decimal import Decimal, ROUND_HALF_UP
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx import sheets as xlsx_sheets
import hledger_rules

ROOT = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/real-statements'
CN = '+08:00'

# ---------------------------------------------------------------- helpers
def read_bytes(p):
    with open(p, 'rb') as f:
        return f.read()

def detect_encoding(rel, b):
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-bom'
    try:
        b.decode('ascii'); return 'ascii'
    except UnicodeDecodeError:
        pass
    try:
        b.decode('utf-8'); return 'utf-8'
    except UnicodeDecodeError:
        pass
    head = b[:400].decode('latin-1')
    m = re.search(r'CHARSET:(\S+)', head)
    if m:
        return {'1252': 'cp1252', '8859-1': 'iso-8859-1', 'ISO-8859-1': 'iso-8859-1'}.get(m.group(1), m.group(1))
    if 'cp1252' in rel: return 'cp1252'
    if 'iso8859' in rel or '8859' in rel: return 'iso-8859-1'
    try:
        b.decode('gbk'); return 'gbk'
    except UnicodeDecodeError:
        return 'latin-1'

PYENC = {'utf-8-bom': 'utf-8-sig', 'ascii': 'utf-8', 'utf-8': 'utf-8', 'gbk': 'gbk', 'cp1252': 'cp1252', 'iso-8859-1': 'latin-1'}

def line_endings(b):
    crlf = b.count(b'\r\n'); lf = b.count(b'\n') - crlf
    if crlf and lf: return 'mixed'
    if crlf: return 'CRLF'
    if lf: return 'LF'
    return 'none'

def clean(c):
    return (c or '').strip(' \t\r\n\u3000')

def money(s):
    """'CNY 123.18' / '¥22.30' / '"3,240.28"' / '131.77(已退款89.84)' -> (sign, Decimal-string abs, extra)"""
    s = clean(s)
    extra = None
    m = re.match(r'^(.*?)\((.*)\)$', s)
    if m and re.search(r'\d', m.group(1)):
        s, extra = m.group(1).strip(), m.group(2)
    s = s.replace('¥', '').replace('￥', '').replace(',', '').strip()
    cur = None
    m = re.match(r'^([A-Z]{3})\s*(.*)$', s)
    if m:
        cur, s = m.group(1), m.group(2)
    if s in ('', '-', '/'):
        return None, None, cur, extra
    sign = 1
    if s.startswith('+'): s = s[1:]
    elif s.startswith('-'): sign, s = -1, s[1:]
    d = Decimal(s)
    return sign, s if not s.startswith('0') or s.startswith('0.') or s == '0' else str(d), cur, extra

def norm_amount(s):
    """strip leading zeros but keep the file's scale: '00000000000115.8331' -> '115.8331'"""
    if '.' in s:
        i, f = s.split('.', 1)
        i = i.lstrip('0') or '0'
        return i + '.' + f
    return s.lstrip('0') or '0'

def tx(date, amount, direction, currency, **kw):
    d = {'date': date, 'time': kw.pop('time', None), 'utc_offset': kw.pop('utc_offset', None),
         'direction': direction, 'amount': amount, 'currency': currency, 'id': kw.pop('id', None)}
    d.update({k: v for k, v in kw.items() if v not in (None, '')})
    try:
        if amount is not None and Decimal(amount) == 0 and direction in ('in', 'out'):
            d['direction'] = 'neutral'; d['zero_amount_original_direction'] = direction
    except Exception:
        pass
    return d

def none_if_blank(v):
    v = clean(v)
    return None if v in ('', '/', '-') else v

def csv_rows(text, delimiter=','):
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))

def find_header(rows, must):
    for i, r in enumerate(rows):
        cells = [clean(c) for c in r]
        if all(m in cells for m in must):
            return i, cells
    return None, None

def hhmmss(s):
    s = clean(s)
    if re.fullmatch(r'\d{6}', s):
        return f'{s[:2]}:{s[2:4]}:{s[4:]}'
    return s or None

def split_dt(s):
    """'2023-02-12 21:32:14' / '2023/2/12 21:32' -> (YYYY-MM-DD, HH:MM[:SS])"""
    s = clean(s)
    m = re.match(r'^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$', s)
    if not m: return None, None
    y, mo, d, hh, mi, ss = m.groups()
    date = f'{int(y):04d}-{int(mo):02d}-{int(d):02d}'
    t = None
    if hh is not None:
        t = f'{int(hh):02d}:{mi}' + (f':{ss}' if ss else '')
    return date, t

def ymd(s):
    s = clean(s)
    if re.fullmatch(r'\d{8}', s): return f'{s[:4]}-{s[4:6]}-{s[6:]}'
    m = re.fullmatch(r'(\d{4})[-/](\d{1,2})[-/](\d{1,2})', s)
    if m: return f'{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}'
    return None

def dmy(s):
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', clean(s))
    return f'{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}' if m else None

def mdy(s):
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', clean(s))
    return f'{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}' if m else None

CURMAP = {'人民币': 'CNY', 'CNY': 'CNY', 'RMB': 'CNY', '美元': 'USD', '港币': 'HKD'}

def cnydir(v):
    v = clean(v)
    return {'支出': 'out', '收入': 'in', '其他': 'neutral', '不计收支': 'neutral', '/': 'neutral', '': 'neutral'}.get(v, 'unknown:' + v)

# ---------------------------------------------------------------- layouts
LAYOUTS = {}
def layout(name, signature, mapping, direction_rule, date_fmt, notes=''):
    LAYOUTS[name] = dict(signature=signature, mapping=mapping, direction_rule=direction_rule, date_time_format=date_fmt, notes=notes)

def parse_table(text, must, stop=None):
    rows = csv_rows(text)
    hi, header = find_header(rows, must)
    body = []
    for j in range(hi + 1, len(rows)):
        r = rows[j]
        cells = [clean(c) for c in r]
        if not any(cells):
            if stop == 'blank': break
            continue
        if stop and stop != 'blank' and re.match(stop, cells[0]):
            break
        body.append((j, dict(zip(header, cells)), cells))
    return hi, header, body, rows

def text_line_of_row(text, rows, ri):
    return None  # csv rows == physical lines for all files here (no embedded newlines); index is reported as row index

def L_alipay_legacy(text, enc):
    hi, hdr, body, rows = parse_table(text, ['交易号', '交易创建时间', '收/支', '资金状态'], stop=r'^-{5,}')
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['金额（元）'])
        date, t = split_dt(r['交易创建时间'])
        txs.append(tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易号']),
                      merchant_order_id=none_if_blank(r['商家订单号']), counterparty=none_if_blank(r['交易对方']),
                      status=r['交易状态'], fund_status=none_if_blank(r['资金状态']), refunded=r.get('成功退款（元）'), row=j))
    return 'alipay-legacy-web', hi, hdr, txs

def L_alipay_2021(text, enc):
    hi, hdr, body, rows = parse_table(text, ['收/支', '交易对方', '交易订单号', '交易时间'], stop=r'^-{5,}')
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['金额'])
        date, t = split_dt(r['交易时间'])
        txs.append(tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易订单号']),
                      merchant_order_id=none_if_blank(r['商家订单号']), counterparty=none_if_blank(r['交易对方']),
                      status=r['交易状态'], category=r['交易分类'], row=j))
    return 'alipay-app-2021', hi, hdr, txs

def L_alipay_2023(text, enc):
    hi, hdr, body, rows = parse_table(text, ['交易时间', '交易分类', '收/支', '交易订单号'], stop=r'^-{5,}')
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['金额'])
        date, t = split_dt(r['交易时间'])
        txs.append(tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易订单号']),
                      merchant_order_id=none_if_blank(r['商家订单号']), counterparty=none_if_blank(r['交易对方']),
                      status=r['交易状态'], category=r['交易分类'], row=j))
    return 'alipay-2023', hi, hdr, txs

def wechat_rows_to_txs(hi, hdr, body):
    txs = []
    for j, r, _ in body:
        raw = r['金额(元)']
        if isinstance(raw, tuple):  # numeric xlsx cell: float artefacts, round to fen
            amt = str(Decimal(raw[1]).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)); rawtxt = raw[1]
        else:
            _, amt, _, _ = money(raw); rawtxt = raw
        date, t = split_dt(r['交易时间'])
        st = r['当前状态']
        d = tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易单号']),
               merchant_order_id=none_if_blank(r['商户单号']), counterparty=none_if_blank(r['交易对方']),
               status=st, type=r['交易类型'], row=j)
        if isinstance(raw, tuple): d['amount_raw'] = rawtxt
        m = re.search(r'已退款[（(]?[￥¥]([\d.]+)', st)
        if m: d['refunded'] = m.group(1)
        if st == '已全额退款': d['refunded'] = amt
        txs.append(d)
    return txs

def L_wechat_csv(text, enc):
    hi, hdr, body, rows = parse_table(text, ['交易时间', '交易类型', '收/支', '金额(元)', '交易单号'])
    return 'wechat-csv', hi, hdr, wechat_rows_to_txs(hi, hdr, body)

def L_jd(text, enc):
    hi, hdr, body, rows = parse_table(text, ['交易时间', '商户名称', '交易说明', '收/支', '交易订单号'])
    txs = []
    for j, r, _ in body:
        _, amt, _, extra = money(r['金额'])
        date, t = split_dt(r['交易时间'])
        d = tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易订单号']),
               merchant_order_id=none_if_blank(r['商家订单号']), counterparty=none_if_blank(r['商户名称']),
               status=r['交易状态'], amount_raw=r['金额'], row=j)
        if extra:
            m = re.search(r'已退款([\d.]+)', extra)
            d['refunded'] = m.group(1) if m else (amt if '全额' in extra else extra)
            n = Decimal(amt) - Decimal(d['refunded'])
            d['net_after_refund'] = str(n)
        txs.append(d)
    return 'jd', hi, hdr, txs

def L_meituan(text, enc):
    hi, hdr, body, rows = parse_table(text, ['交易创建时间', '交易成功时间', '收/支', '实付金额'])
    txs = []
    for j, r, _ in body:
        _, amt, _, _ = money(r['实付金额']); _, oamt, _, _ = money(r['订单金额'])
        date, t = split_dt(r['交易创建时间']); sd, st = split_dt(r['交易成功时间'])
        txs.append(tx(date, amt, cnydir(r['收/支']), 'CNY', time=t, utc_offset=CN, id=none_if_blank(r['交易单号']),
                      merchant_order_id=none_if_blank(r['商家单号']), counterparty=None, title=r['订单标题'],
                      order_amount=oamt, success_time=f'{sd} {st}', type=r['交易类型'], payment=r['支付方式'], row=j))
    return 'meituan', hi, hdr, txs

def icbc_common(text, must, name, has_detail):
    hi, hdr, body, rows = parse_table(text, must, stop=r'^(合计金额|人民币合计|.*合计)$')
    txs = []
    for j, r, cells in body:
        if cells[0] in ('',):
            continue
        _, ain, _, _ = money(r['记账金额(收入)']); _, aout, _, _ = money(r['记账金额(支出)'])
        if ain: direction, amt = 'in', ain
        elif aout: direction, amt = 'out', aout
        else: direction, amt = 'unknown', None
        cur = CURMAP.get(r['记账币种'], r['记账币种'])
        txs.append(tx(ymd(r['交易日期']), amt, direction, cur, utc_offset=CN, id=None, summary=r['摘要'],
                      counterparty=none_if_blank(r.get('对方户名')) or none_if_blank(r.get('交易场所')),
                      balance=r['余额'], posting_date=ymd(r.get('记账日期', '')), row=j))
    return name, hi, hdr, txs

def L_icbc_credit(text, enc):
    return icbc_common(text, ['交易日期', '记账日期', '交易金额(收入)', '记账金额(支出)', '对方户名'], 'icbc-credit', False)
def L_icbc_debit_v1(text, enc):
    return icbc_common(text, ['交易日期', '摘要', '钞/汇', '记账金额(收入)', '对方户名'], 'icbc-debit-v1', False)
def L_icbc_debit_v2(text, enc):
    return icbc_common(text, ['交易日期', '摘要', '交易详情', '钞/汇', '对方账户'], 'icbc-debit-v2', True)

def L_cmb_credit(text, enc):
    rows = csv_rows(text)
    title = clean(rows[0][0])
    m = re.search(r'(\d{4})年(\d{2})月', title)
    sy, sm = int(m[1]), int(m[2])
    hi, hdr, body, _ = parse_table(text, ['交易日', '记账日', '交易摘要', '人民币金额'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['人民币金额'])
        def full(md):
            if not md: return None
            mm, dd = map(int, md.split('/'))
            y = sy if mm <= sm else sy - 1   # statement month 2024-01: Dec rows belong to 2023
            return f'{y:04d}-{mm:02d}-{dd:02d}'
        tdate = full(r['交易日']); pdate = full(r['记账日'])
        txs.append(tx(tdate or pdate, amt, 'out' if sign > 0 else 'in', 'CNY', utc_offset=CN, summary=r['交易摘要'],
                      posting_date=pdate, trade_date_missing=(tdate is None) or None, original_amount=r['交易地金额'],
                      card_last4=r['卡号末四位'], row=j))
    return 'cmb-credit', hi, hdr, txs

def L_cmb_credit_short(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日', '记账日', '交易摘要', '人民币金额', '卡号后四位'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['人民币金额'])
        txs.append(tx(ymd(r['交易日']), amt, 'out' if sign > 0 else 'in', 'CNY', utc_offset=CN, summary=r['交易摘要'],
                      posting_date=ymd(r['记账日']), row=j))
    return 'cmb-credit-short (preciouss)', hi, hdr, txs

def L_cmb_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['记账日期', '货币', '交易金额', '联机余额', '对手信息'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['交易金额'])
        txs.append(tx(ymd(r['记账日期']), amt, 'in' if sign > 0 else 'out', CURMAP.get(r['货币'], r['货币']), utc_offset=CN,
                      counterparty=none_if_blank(r['对手信息']), summary=r['交易摘要'], balance=money(r['联机余额'])[1], row=j))
    return 'cmb-debit', hi, hdr, txs

def L_cmb_debit_short(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日期', '摘要', '交易金额', '余额'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['交易金额'])
        txs.append(tx(ymd(r['交易日期']), amt, 'in' if sign > 0 else 'out', 'CNY', utc_offset=CN, summary=r['摘要'],
                      balance=r['余额'], row=j))
    return 'cmb-debit-short (preciouss)', hi, hdr, txs

def L_boc_credit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日', '银行记账日', '卡号后四位', '存入', '支出', '币种'])
    txs = []
    for j, r, _ in body:
        _, ain, _, _ = money(r['存入']); _, aout, _, _ = money(r['支出'])
        txs.append(tx(ymd(r['交易日']), ain or aout, 'in' if ain else 'out', r['币种'], utc_offset=CN,
                      counterparty=r['交易描述'], posting_date=ymd(r['银行记账日']), card_last4=none_if_blank(r['卡号后四位']), row=j))
    return 'boc-credit', hi, hdr, txs

def L_boc_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['记账日期', '记账时间', '币别', '金额', '余额', '对方账户名'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['金额'])
        txs.append(tx(ymd(r['记账日期']), amt, 'in' if sign > 0 else 'out', CURMAP.get(r['币别'], r['币别']), time=r['记账时间'],
                      utc_offset=CN, counterparty=none_if_blank(r['对方账户名']), summary=r['交易名称'], balance=money(r['余额'])[1], row=j))
    return 'boc-debit', hi, hdr, txs

def L_abc_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日期', '交易时间', '交易摘要', '交易金额', '本次余额'])
    txs = []
    for j, r, cells in body:
        sign, amt, _, _ = money(r['交易金额'])
        txs.append(tx(ymd(r['交易日期']), amt, 'in' if sign > 0 else 'out', 'CNY', time=hhmmss(r['交易时间']), utc_offset=CN,
                      id=none_if_blank(r.get('日 志 号')), counterparty=none_if_blank(r.get('对手信息')), summary=r['交易摘要'],
                      balance=r['本次余额'], amount_raw=r['交易金额'], short_row=(len(cells) < len(hdr)) or None, row=j))
    return 'abc-debit', hi, hdr, txs

def L_bocom_credit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日期', '记账日期', '交易说明', '交易币种/金额', '入账币种/金额'])
    txs = []
    for j, r, _ in body:
        _, amt, cur, _ = money(r['入账币种/金额']); _, oamt, ocur, _ = money(r['交易币种/金额'])
        kind = r['交易说明'].split(' ')[0]
        direction = 'out' if kind == '消费' else 'in'
        txs.append(tx(ymd(r['交易日期']), amt, direction, cur, utc_offset=CN, summary=r['交易说明'], kind=kind,
                      original=f'{ocur} {oamt}', posting_date=ymd(r['记账日期']), row=j))
    return 'bocom-credit', hi, hdr, txs

def L_bocom_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['序号', '交易日期', '交易时间', '借贷', '交易金额', '余额'])
    txs = []
    for j, r, _ in body:
        _, amt, _, _ = money(r['交易金额'])
        dc = r['借贷']
        direction = 'out' if dc.startswith('借') or 'Dr' in dc else 'in'
        txs.append(tx(ymd(r['交易日期']), amt, direction, 'CNY', time=r['交易时间'], utc_offset=CN, id=r['序号'],
                      counterparty=none_if_blank(r['对方户名']), summary=r['交易类型'], balance=r['余额'], row=j))
    return 'bocom-debit', hi, hdr, txs

def L_cgb_credit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['交易日期', '入账日期', '交易摘要', '交易金额', '交易货币', '入账金额'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['入账金额'])
        txs.append(tx(ymd(r['交易日期']), amt, 'out' if sign > 0 else 'in', CURMAP.get(r['入账货币'], r['入账货币']), utc_offset=CN,
                      summary=r['交易摘要'], posting_date=ymd(r['入账日期']), row=j))
    return 'cgb-credit', hi, hdr, txs

def L_hsbchk_credit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['Transaction date', 'Post date', 'Billing amount', 'Credit / Debit'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['Billing amount'])
        cd = r['Credit / Debit'].strip().upper()
        txs.append(tx(dmy(r['Transaction date']), amt, 'in' if cd == 'CREDIT' else 'out', r['Billing currency'],
                      counterparty=none_if_blank(r['Merchant name']) or r['Description'], status=r['Transaction status'],
                      posting_date=dmy(r['Post date']), sign_agrees=(sign > 0) == (cd == 'CREDIT'), row=j))
    return 'hsbchk-credit', hi, hdr, txs

def L_hsbchk_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['Date', 'Description', 'Billing amount', 'Billing currency', 'Balance'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['Billing amount'])
        txs.append(tx(dmy(r['Date']), amt, 'in' if sign > 0 else 'out', r['Billing currency'], counterparty=r['Description'],
                      balance=money(r['Balance'])[1], balance_currency=r['Balance currency'], row=j))
    return 'hsbchk-debit', hi, hdr, txs

def L_bmo_credit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['Item #', 'Card #', 'Transaction Date', 'Posting Date', 'Transaction Amount'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['Transaction Amount'])
        txs.append(tx(ymd(r['Transaction Date']), amt, 'out' if sign > 0 else 'in', 'CAD', id=r['Item #'],
                      counterparty=r['Description'], posting_date=ymd(r['Posting Date']), card=r['Card #'].strip("'"), row=j))
    return 'bmo-credit', hi, hdr, txs

def L_bmo_debit(text, enc):
    hi, hdr, body, _ = parse_table(text, ['First Bank Card', 'Transaction Type', 'Date Posted', 'Transaction Amount'])
    txs = []
    for j, r, _ in body:
        sign, amt, _, _ = money(r['Transaction Amount'])
        txs.append(tx(ymd(r['Date Posted']), amt, 'in' if r['Transaction Type'] == 'CREDIT' else 'out', 'CAD',
                      counterparty=r['Description'].strip(), type=r['Transaction Type'], card=r['First Bank Card'].strip("'"), row=j))
    return 'bmo-debit', hi, hdr, txs

def L_td(text, enc):
    txs = []
    for j, r in enumerate(csv_rows(text)):
        cells = [clean(c) for c in r]
        if not any(cells): continue
        _, dr, _, _ = money(cells[2]); _, cr, _, _ = money(cells[3])
        txs.append(tx(mdy(cells[0]), dr or cr, 'out' if dr else 'in', 'CAD', counterparty=cells[1], balance=cells[4], row=j))
    return 'td', None, None, txs

# ---------------------------------------------------------------- OFX
def ofx_dt(s):
    s = (s or '').strip()
    m = re.fullmatch(r'(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?)?(?:\[([+-]?\d+(?:\.\d+)?)(?::(\w+))?\])?', s)
    if not m: return None, None, None, f'unparseable DTPOSTED {s!r}'
    y, mo, d, hh, mi, ss, frac, off, tzn = m.groups()
    import datetime
    try:
        datetime.date(int(y), int(mo), int(d))
    except ValueError:
        return None, None, None, f'invalid calendar date {s!r}'
    t = f'{hh}:{mi}:{ss or "00"}' if hh else None
    o = None
    if off is not None:
        h = float(off); sign = '-' if h < 0 else '+'; h = abs(h)
        o = f'{sign}{int(h):02d}:{int(round((h-int(h))*60)):02d}'
    return f'{y}-{mo}-{d}', t, o, None

def tagval(block, tag):
    m = re.search(r'<' + tag + r'>([^<\r\n]*)', block)
    return m.group(1).strip() if m else None

def parse_ofx(text):
    txs = []; broken = []
    body = text
    for m in re.finditer(r'<STMTTRN>(.*?)</STMTTRN>', body, re.S):
        blk = m.group(1)
        before = body[:m.start()]
        curdef = re.findall(r'<CURDEF>([A-Z]{3})', before)
        inv = before.rfind('<INVBANKTRAN>') > before.rfind('</INVBANKTRAN>')
        cur = tagval(blk, 'CURSYM') or (curdef[-1] if curdef else None)
        raw_amt = tagval(blk, 'TRNAMT'); dtp = tagval(blk, 'DTPOSTED')
        date, t, off, err = ofx_dt(dtp) if dtp else (None, None, None, 'DTPOSTED missing' if dtp is None else 'DTPOSTED empty')
        problems = [err] if err else []
        amt = None; direction = None
        a = (raw_amt or '').replace(',', '.') if raw_amt and re.fullmatch(r'[+-]?\d+,\d+', raw_amt) else raw_amt
        if a is not None and re.fullmatch(r'[+-]?\d*\.?\d+', a):
            direction = 'out' if a.startswith('-') else 'in'
            amt = norm_amount(a.lstrip('+-'))
            if Decimal(amt) == 0: direction = 'neutral'
        else:
            problems.append(f'unparseable TRNAMT {raw_amt!r}')
        d = tx(date, amt, direction, cur, time=t, utc_offset=off, id=tagval(blk, 'FITID') or None, trntype=tagval(blk, 'TRNTYPE'),
               name=tagval(blk, 'NAME'), memo=tagval(blk, 'MEMO'), checknum=tagval(blk, 'CHECKNUM'), amount_raw=raw_amt,
               dtposted_raw=dtp, container='INVBANKTRAN' if inv else 'BANKTRANLIST')
        if problems: d['broken'] = '; '.join(problems)
        txs.append(d)
    return txs

# ---------------------------------------------------------------- QIF
CASH_TYPES = {'bank', 'cash', 'ccard', 'oth a', 'oth l'}
def qif_date(s, order):
    s = s.strip().replace(' ', '')
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/|')(\d{1,4})", s)
    if not m: return None
    a, b, y = m.groups()
    if "'" in s: y = 2000 + int(y)
    elif len(y) == 2: y = 1900 + int(y) if int(y) > 30 else 2000 + int(y)
    else: y = int(y)
    mo, d = (int(a), int(b)) if order == 'mdy' else (int(b), int(a))
    return f'{y:04d}-{mo:02d}-{d:02d}'

def parse_qif(text, order):
    txs = []; sections = []; cur = None; rec = {}; acct = None; in_account = False
    for ln, line in enumerate(text.splitlines()):
        if line.startswith('!'):
            head = line[1:].strip()
            if head.lower().startswith('type:'):
                cur = head[5:].strip().lower(); in_account = False; sections.append(head)
            elif head.lower() == 'account':
                in_account = True; cur = None; sections.append(head)
            else:
                sections.append(head)
            continue
        if not line.strip(): continue
        if line.startswith('^'):
            if in_account and 'N' in rec: acct = rec['N']
            elif cur in CASH_TYPES and rec:
                s = rec['T'].replace(',', '')
                direction = 'out' if s.startswith('-') else 'in'
                a = norm_amount(s.lstrip('+-'))
                if Decimal(a) == 0: direction = 'neutral'
                txs.append(tx(qif_date(rec['D'], order), a, direction, None, id=rec.get('N'), payee=rec.get('P'), memo=rec.get('M'),
                              category=rec.get('L'), date_raw=rec['D'], amount_raw=rec['T'], section=cur, account=acct,
                              splits=rec.get('splits')))
            rec = {}; continue
        k, v = line[0], line[1:]
        if k == 'S': rec.setdefault('splits', []).append({'category': v})
        elif k == '$' and rec.get('splits'): rec['splits'][-1]['amount'] = v
        elif k == 'E' and rec.get('splits'): rec['splits'][-1]['memo'] = v
        elif k == 'A': rec['A'] = rec.get('A', '') + v + '\n'
        else: rec.setdefault(k, v)
    return txs, sections

# ---------------------------------------------------------------- dispatch
def detect_csv(text):
    head = text[:6000]
    rules = [
        ('交易号', '资金状态', L_alipay_legacy), ('收/支', '交易订单号', None),
    ]
    if '交易号' in head and '资金状态' in head: return L_alipay_legacy
    if re.search(r'^收/支\s*,', head, re.M): return L_alipay_2021
    if re.search(r'^交易时间\s*,交易分类', head, re.M): return L_alipay_2023
    if '商户名称,交易说明' in head: return L_jd
    if '交易创建时间,交易成功时间' in head: return L_meituan
    if '交易时间,交易类型,交易对方' in head: return L_wechat_csv
    if '交易金额(收入)' in head and '交易详情' in head: return L_icbc_debit_v2
    if '交易金额(收入)' in head and '钞/汇' in head: return L_icbc_debit_v1
    if '交易金额(收入)' in head: return L_icbc_credit
    if '卡号末四位' in head: return L_cmb_credit
    if '卡号后四位' in head and '人民币金额' in head: return L_cmb_credit_short
    if '联机余额' in head: return L_cmb_debit
    if head.lstrip('\ufeff').startswith('交易日期,摘要,交易金额,余额'): return L_cmb_debit_short
    if '银行记账日' in head: return L_boc_credit
    if '记账日期,记账时间,币别' in head: return L_boc_debit
    if '本次余额' in head: return L_abc_debit
    if '交易币种/金额' in head: return L_bocom_credit
    if '借贷' in head and '序号' in head: return L_bocom_debit
    if '入账货币' in head: return L_cgb_credit
    if 'Credit / Debit' in head: return L_hsbchk_credit
    if 'Billing amount' in head: return L_hsbchk_debit
    if 'Item #,Card #' in head: return L_bmo_credit
    if 'First Bank Card' in head: return L_bmo_debit
    if re.match(r'\d{2}/\d{2}/\d{4},', head): return L_td
    return None

def process(rel):
    p = os.path.join(ROOT, rel)
    b = read_bytes(p)
    enc = detect_encoding(rel, b)
    entry = {'path': rel, 'bytes': len(b), 'encoding': enc, 'line_endings': line_endings(b)}
    ext = rel.rsplit('.', 1)[-1].lower()
    if ext == 'xlsx':
        entry['encoding'] = 'xlsx (UTF-8 XML)'; entry['line_endings'] = 'n/a'
        entry['format'] = 'wechat-xlsx'
        shs = xlsx_sheets(p); entry['sheets'] = []
        chosen = None
        for name, rows in shs:
            grid = [cells for _, cells in rows]
            hi, hdr = find_header([[c if isinstance(c, str) else c[1] for c in r] for r in grid], ['交易时间', '交易类型', '收/支', '金额(元)'])
            info = {'name': name, 'rows': len(rows), 'header_row_index': rows[hi][0] if hi is not None else None,
                    'first_row': [c if isinstance(c, str) else c[1] for c in grid[0]] if grid else None}
            if hi is not None:
                body = []
                for r_i, cells in rows[hi + 1:]:
                    cc = [clean(c) if isinstance(c, str) else c for c in cells]
                    if not any(cc): continue
                    body.append((r_i, dict(zip(hdr, cc)), cc))
                info['transactions'] = wechat_rows_to_txs(hi, hdr, body)
                info['amount_cell_type'] = 'number' if any(isinstance(v, tuple) for _, v, _ in [(0, b_[1]['金额(元)'], 0) for b_ in body]) else 'string'
                info['power_query_table'] = bool(grid and grid[0] and grid[0][0] == 'Column1')
                if chosen is None or (info['power_query_table'] is False and chosen['power_query_table']):
                    chosen = info
                entry['header_cells'] = hdr
            entry['sheets'].append(info)
        entry['data_sheet'] = chosen['name']; entry['header_row_index'] = chosen['header_row_index']
        entry['transactions'] = chosen['transactions']
        for s in entry['sheets']:
            s['transaction_count'] = len(s.pop('transactions', []) or [])
        entry['layout'] = 'wechat-xlsx'
    elif ext in ('ofx', 'qfx'):
        text = b.decode(PYENC.get(enc, 'latin-1'))
        entry['format'] = 'ofx-xml (OFX 2.x)' if '<?OFX' in text or '<?xml' in text else ('ofx-sgml (OFX 1.x)' if 'OFXHEADER:100' in text else 'ofx (no header)')
        hdr = dict(re.findall(r'^\s*(\w+):(\S*)\s*$', text.split('<OFX>')[0], re.M))
        if hdr: entry['ofx_header'] = hdr
        entry['transactions'] = parse_ofx(text)
        entry['investment_transactions_ignored'] = len(re.findall(r'<(BUYSTOCK|SELLSTOCK|BUYMF|SELLMF|INCOME|REINVEST|TRANSFER|BUYOTHER|SELLOTHER|BUYDEBT|SELLDEBT)>', text))
    elif ext == 'qif':
        text = b.decode('utf-8')
        order = 'dmy' if rel.startswith('qifparse/') else 'mdy'
        entry['format'] = 'qif'; entry['qif_date_order'] = order
        entry['transactions'], entry['qif_sections'] = parse_qif(text, order)
    elif ext == 'rules':
        entry['format'] = 'hledger-rules'
        entry['directives'] = hledger_rules.directives(b.decode('utf-8'))
        return entry
    elif ext == 'md':
        entry['format'] = 'documentation'; return entry
    else:
        text = b.decode(PYENC.get(enc, 'latin-1'))
        rules = hledger_rules.rules_for(ROOT, rel)
        if rules:
            entry['format'] = 'hledger-csv'; entry['rules_file'] = rules
            entry.update(hledger_rules.convert(ROOT, rel, rules))
        else:
            fn = detect_csv(text)
            entry['format'] = 'csv'
            name, hi, hdr, txs = fn(text, enc)
            entry['layout'] = name; entry['header_row_index'] = hi; entry['header_cells'] = hdr
            entry['transactions'] = txs
    entry['transaction_count'] = len(entry.get('transactions', []))
    return entry

def main():
    out = []
    for dp, dn, fn in os.walk(ROOT):
        dn.sort()
        for f in sorted(fn):
            rel = os.path.relpath(os.path.join(dp, f), ROOT)
            if rel == 'README.md': continue
            try:
                out.append(process(rel))
            except Exception as e:
                out.append({'path': rel, 'error': repr(e)})
    out.sort(key=lambda e: e['path'])
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump({'root': ROOT, 'files': out}, f, ensure_ascii=False, indent=1)
    for e in out:
        print(f"{e['path']:55s} {e.get('format','?'):22s} {e.get('layout',''):28s} {e.get('encoding','?'):10s} {e.get('line_endings','?'):5s} n={e.get('transaction_count','-')} {e.get('error','')}")

if __name__ == '__main__':
    main()
