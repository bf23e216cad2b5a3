#!/usr/bin/env python3
# Ground truth for walletsec's real-statement tests: an independent Python reading of the sample
# files (stdlib only, no walletsec code). See README.md in this folder.
"""Adds column mappings + detected quirks to expected.json (run after extract.py)."""
import json, os, re
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
E = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
ROOT = E['root']

C = lambda **k: k
COLUMNS = {
 'alipay-legacy-web': C(date='交易创建时间 (also 付款时间, 最近修改时间)', time='same cell', amount='金额（元）', direction='收/支 (支出/收入/empty)', counterparty='交易对方', transaction_id='交易号', merchant_order_id='商家订单号', currency='none (CNY implied)', balance='none', status='交易状态 + 资金状态', refund='成功退款（元）'),
 'alipay-app-2021': C(date='交易时间 (last column)', time='same cell', amount='金额', direction='收/支 (支出/收入/其他)', counterparty='交易对方 (+对方账号)', transaction_id='交易订单号', merchant_order_id='商家订单号', currency='none (CNY)', balance='none', status='交易状态', category='交易分类'),
 'alipay-2023': C(date='交易时间 (first column)', time='same cell', amount='金额', direction='收/支 (支出/收入/不计收支)', counterparty='交易对方 (+对方账号)', transaction_id='交易订单号', merchant_order_id='商家订单号', currency='none (CNY)', balance='none', status='交易状态', category='交易分类', payment_method='收/付款方式'),
 'wechat-csv': C(date='交易时间', time='same cell', amount='金额(元) with ¥ prefix', direction='收/支 (支出/收入/"/" = neutral)', counterparty='交易对方', transaction_id='交易单号', merchant_order_id='商户单号', currency='none (CNY)', balance='none', status='当前状态 (refund info "已退款(￥5.00)", "已全额退款")', type='交易类型', payment_method='支付方式'),
 'wechat-xlsx': C(date='交易时间', time='same cell', amount='金额(元): "¥28.16" string or numeric cell (2026-03 Sheet1, derived probe)', direction='收/支', counterparty='交易对方', transaction_id='交易单号', merchant_order_id='商户单号', currency='none (CNY)', balance='none', status='当前状态'),
 'jd': C(date='交易时间', time='same cell (followed by TAB)', amount='金额 ("131.77(已退款89.84)", "468.32(已全额退款)")', direction='收/支 (支出/收入/不计收支)', counterparty='商户名称', transaction_id='交易订单号', merchant_order_id='商家订单号', currency='none (CNY)', balance='none', status='交易状态', description='交易说明', payment_method='收/付款方式'),
 'meituan': C(date='交易创建时间 (交易成功时间 second timestamp)', time='same cell', amount='实付金额 (¥; 订单金额 = pre-discount)', direction='收/支 (支出/收入)', counterparty='none (订单标题 holds merchant/order text)', transaction_id='交易单号', merchant_order_id='商家单号', currency='none (CNY)', balance='none', status='交易类型 (支付/退款/还款)', payment_method='支付方式'),
 'icbc-credit': C(date='交易日期 (记账日期 = posting)', time='none', amount='记账金额(收入) / 记账金额(支出) (交易金额(收入/支出) = original-currency amount)', direction='which of the in/out columns is filled', counterparty='交易场所 (对方户名 mostly blank)', transaction_id='none', merchant_order_id='none', currency='记账币种 (人民币 -> CNY); 交易币种 for original', balance='余额 (negative = owed)', status='none', summary='摘要'),
 'icbc-debit-v1': C(date='交易日期', time='none', amount='记账金额(收入) / 记账金额(支出) (交易金额 columns are "-")', direction='which column is filled', counterparty='对方户名', transaction_id='none', merchant_order_id='none', currency='记账币种', balance='余额 (redacted xx,yyyy.zz)', status='none', summary='摘要', place='交易场所', cash_or_remit='钞/汇'),
 'icbc-debit-v2': C(date='交易日期', time='none', amount='记账金额(收入) / 记账金额(支出)', direction='which column is filled', counterparty='对方户名 (+对方账户)', transaction_id='none', merchant_order_id='none', currency='记账币种', balance='余额', status='none', summary='摘要 + 交易详情'),
 'cmb-credit': C(date='交易日 MM/DD (may be empty -> use 记账日); year from title "(… 2024年01月)"', time='none', amount='人民币金额 (signed; "8,000.00" quoted)', direction='sign: positive = spending (out), negative = repayment/refund (in)', counterparty='交易摘要', transaction_id='none', merchant_order_id='none', currency='CNY (人民币金额); 交易地金额 has "(CN)" suffix', balance='none', status='none', card='卡号末四位'),
 'cmb-credit-short (preciouss)': C(date='交易日 yyyymmdd', time='none', amount='人民币金额 signed', direction='sign: positive = out, negative = in (refund)', counterparty='交易摘要', transaction_id='none', merchant_order_id='none', currency='CNY', balance='none', status='none', card='卡号后四位'),
 'cmb-debit': C(date='记账日期', time='none', amount='交易金额 signed, thousands separators in quotes', direction='sign', counterparty='对手信息', transaction_id='none', merchant_order_id='none', currency='货币 (CNY)', balance='联机余额', status='none', summary='交易摘要 / 客户摘要'),
 'cmb-debit-short (preciouss)': C(date='交易日期', time='none', amount='交易金额 signed', direction='sign', counterparty='none', transaction_id='none', merchant_order_id='none', currency='CNY', balance='余额', status='none', summary='摘要'),
 'boc-credit': C(date='交易日 (银行记账日 = posting)', time='none', amount='存入 / 支出', direction='存入 filled = in, 支出 filled = out', counterparty='交易描述', transaction_id='none', merchant_order_id='none', currency='币种 (CNY, USD)', balance='none', status='none', card='卡号后四位 (may be empty)'),
 'boc-debit': C(date='记账日期', time='记账时间 HH:MM:SS', amount='金额 signed', direction='sign', counterparty='对方账户名 (+对方卡号/账号, 对方开户行)', transaction_id='none', merchant_order_id='none', currency='币别 (人民币)', balance='余额 ("3,240.28")', status='none', summary='交易名称 / 附言', channel='渠道'),
 'abc-debit': C(date='交易日期 yyyymmdd', time='交易时间 HHMMSS (may be empty)', amount='交易金额 with explicit +/-', direction='sign', counterparty='对手信息 ("--" = none)', transaction_id='日 志 号 (header has spaces)', merchant_order_id='none', currency='none (CNY)', balance='本次余额', status='none', summary='交易摘要 / 交易附言', channel='交易渠道'),
 'bocom-credit': C(date='交易日期 (记账日期 = posting)', time='none', amount='入账币种/金额 "CNY 123.18" (交易币种/金额 = original, e.g. "JPY 1000.00")', direction='first word of 交易说明: 消费 = out; 退货 / 信用卡还款 = in (amounts are unsigned)', counterparty='交易说明 after the first word', transaction_id='none', merchant_order_id='none', currency='prefix of 入账币种/金额', balance='none', status='none'),
 'bocom-debit': C(date='交易日期', time='交易时间', amount='交易金额 (unsigned)', direction='借贷: "借 Dr" = out, "贷 Cr" = in', counterparty='对方户名 (+对方账号)', transaction_id='序号 (row number only)', merchant_order_id='none', currency='none (CNY)', balance='余额', status='none', summary='交易类型 / 摘要'),
 'cgb-credit': C(date='交易日期 yyyy/mm/dd (入账日期 = posting)', time='none', amount='入账金额 signed (交易金额 = original)', direction='sign: positive = out, negative = in (refund/repayment)', counterparty='交易摘要 "（消费）示例商户A"', transaction_id='none', merchant_order_id='none', currency='入账货币 (人民币)', balance='none', status='none'),
 'hsbchk-credit': C(date='Transaction date dd/mm/yyyy (Post date = posting)', time='none', amount='Billing amount signed, quoted, followed by 1-2 TABs', direction='Credit / Debit column (CREDIT = in, DEBIT = out; may have trailing space); sign agrees', counterparty='Merchant name (empty for payments) else Description', transaction_id='none', merchant_order_id='none', currency='Billing currency', balance='none', status='Transaction status (POSTED)'),
 'hsbchk-debit': C(date='Date dd/mm/yyyy', time='none', amount='Billing amount signed, quoted + TAB', direction='sign', counterparty='Description', transaction_id='none', merchant_order_id='none', currency='Billing currency', balance='Balance (+Balance currency)', status='none'),
 'bmo-credit': C(date='Transaction Date yyyymmdd (Posting Date)', time='none', amount='Transaction Amount (positive = charge)', direction='sign: positive = out, negative = in', counterparty='Description', transaction_id='Item # (row number)', merchant_order_id='none', currency='none (CAD)', balance='none', status='none', card="Card # wrapped in single quotes"),
 'bmo-debit': C(date='Date Posted yyyymmdd', time='none', amount="' Transaction Amount' (header has a leading space) signed", direction='Transaction Type CREDIT/DEBIT (= sign)', counterparty='Description (space padded)', transaction_id='none', merchant_order_id='none', currency='none (CAD)', balance='none', status='none'),
 'td': C(date='col 1 MM/DD/YYYY', time='none', amount='col 3 debit / col 4 credit', direction='which column is filled', counterparty='col 2', transaction_id='none', merchant_order_id='none', currency='none (CAD)', balance='col 5', status='none'),
}
OFX_COLS = C(date='DTPOSTED', time='DTPOSTED (HHMMSS[.XXX])', utc_offset='DTPOSTED [h:TZ] suffix; none = unspecified (spec: GMT)', amount='TRNAMT (signed)', direction='sign of TRNAMT', counterparty='NAME (+MEMO)', transaction_id='FITID', check_number='CHECKNUM', currency='CURRENCY/CURSYM in the STMTTRN, else CURDEF of the statement', balance='LEDGERBAL/AVAILBAL BALAMT (statement level)', type='TRNTYPE')
QIF_COLS = C(date='D', amount='T (U = same, Quicken)', direction='sign of T', counterparty='P', memo='M', category='L (S/$/E = splits)', transaction_id='N (check number or DEP/TXFR/ATM)', cleared='C', currency='none', address='A')

NOTES = {
 'double-entry-generator/alipay-2019-legacy.csv': 'cells space-padded; empty 商家订单号 cell is spaces+TAB; trailing empty column after last comma; footer after "-----" line: 共2笔记录 / 已收入 / 已支出 summary (not transactions)',
 'double-entry-generator/alipay-2021-app.csv': 'banner line before header; 收/支 first, 交易时间 last; `其他` = neutral (余额宝 transfers, refunds of closed trades); the 退款 row (其他, 退款成功) and the original 支出 row with 交易关闭 both present; footer/导出信息 block AFTER the data; header summary 共21笔 but 9 rows (redacted)',
 'double-entry-generator/alipay-2021-app-v2.csv': 'as 2021 app; one row `收入,…,退款成功,退款` duplicating the `其他` refund row; one row with unpadded amount "10.00,"; rows from 2020 and 2021-12 outside the stated period',
 'double-entry-generator/alipay-2023-current.csv': '24-line preamble (header at row 24); mix of padded and unpadded rows; 不计收支 rows (refunds, 余额宝); ids end with TAB; 2023-07 rows outside the stated period (2023-02-10..13); summary says 66 records',
 'beancount-daoru/alipay-2020-12.csv': 'current layout, unpadded, banner 支付宝支付科技有限公司; ids without TAB; 等待确认收货 and 交易关闭 statuses (closed trade with amount 0.00 is 不计收支); 3 rows dated 2020-12-15 after the period end 2020-12-14',
 'beancount-daoru/alipay-2023-02.csv': 'same as deb-sig alipay-2023-current plus one 2025-12-20 row',
 'preciouss/alipay_sample.csv': 'legacy 16 columns but UTF-8 and a TAB before EVERY comma; a row with empty 收/支 and 交易关闭 (neutral)',
 'double-entry-generator/wechat-2019.csv': 'preamble lines padded with commas; `¥` amounts; ids "3985734\\t"; summary 共43笔 but 2 rows',
 'double-entry-generator/wechat-2025-csv.csv': 'some cells quoted and followed by TAB: `"3985734"\\t,`; ids with trailing spaces; `/` in 收/支 = neutral (零钱提现, 理财通, 信用卡还款); 备注 "服务费¥0.10"; unknown type "deg-不认识的-txType"; "¥50.0" one decimal',
 'double-entry-generator/wechat-2025-09.xlsx': 'two sheets: sheet 1 "example-wechat-records" is a Power-Query table (row 0 = Column1..Column11, header at row 17), Sheet1 is the export (header row 16); both hold the same 27 rows; amounts are "¥…" strings',
 'double-entry-generator/wechat-2026-03.xlsx': 'Sheet1 has one more preamble line "4. 本账单中所有时间均为UTC+08:00时间" (header row 17) and NUMERIC amount cells with float artefacts (548.58000000000004, 7.0000000000000007E-2) -> round to 2 dp; the Power-Query sheet still has "¥" strings',
 'beancount-daoru/wechat-xlsx-2019.xlsx': 'single sheet, header row 16, strings; includes a refund pair: 美团平台商户-退款 收入 ¥0.11 (当前状态 已退款￥0.11) and the original 支出 ¥50.71 with 已退款(￥0.11)',
 'preciouss/wechat_sample.csv': 'no comma padding in preamble; statuses 已全额退款 / 已退款￥50.00 / 已退款(￥5.00); a `/` neutral row with 交易关闭',
 'preciouss/wechat_sample.xlsx': 'minimal sheet with inline strings, header row 8, only column A in preamble rows',
 'double-entry-generator/bank-jd.csv': 'UTF-8 BOM; 21-line preamble; time cell followed by TAB; amounts "131.77(已退款89.84)" and "468.32(已全额退款)"; 0.00 rows (先享后付); header total 支出 1648.43 = sum of (amount - 已退款) over 支出 rows (raw sum 2277.70) -> the file total uses the net amount',
 'double-entry-generator/bank-mt.csv': 'UTF-8 BOM + CRLF; preamble with `""` lines; `¥` on both 订单金额 and 实付金额 (differ when discounted); ids quoted + TAB; 交易类型 还款 (月付 repayment) counted as 支出 row but excluded from the header total (支出 23笔 1175.68 = 1223.80 - 48.12)',
 'beancount-daoru/meituan-2025-02.csv': 'same content as deb-sig bank-mt.csv but LF line endings',
 'double-entry-generator/bank-icbc-credit.csv': '6 preamble lines (明细查询文件下载, 卡号, 子账户类别); every cell padded with spaces and a TAB inside the quotes; balances negative "-6,086.11"; blank line " " then footer `合计金额,…` (not a transaction); trailing comma',
 'double-entry-generator/bank-icbc-debit-v1.csv': 'as credit; 交易金额(收入/支出) hold "-" and 交易币种 "-", the 记账金额 columns hold the values; 余额 redacted "xx,yyyy.zz"; footer `人民币合计`',
 'double-entry-generator/bank-icbc-debit-v2.csv': 'v1 + 交易详情 and 对方账户 columns',
 'double-entry-generator/bank-cmb-credit.csv': 'title row with statement month 2024年01月; dates MM/DD WITHOUT YEAR (12/29 -> 2023, 01/02 -> 2024); 交易日 empty for repayments (use 记账日); 交易地金额 "-3.90(CN)"; "8,000.00" quoted',
 'double-entry-generator/bank-cmb-debit.csv': 'thousands separators in quoted amounts and balances; rows not in date order',
 'double-entry-generator/bank-boc-credit.csv': 'title row 中国银行信用卡账单(2025年01月); 存入/支出 columns; USD row (MICROSOFT*XBOX); 卡号后四位 empty for interest; matches the JD file (131.77 charge / 89.84 refund)',
 'double-entry-generator/bank-boc-debit.csv': 'balances quoted "3,240.28"; placeholder cells "-------------------"; 币别 人民币',
 'double-entry-generator/bank-abc_debit.csv': 'yyyymmdd + HHMMSS (time may be empty); explicit "+"; header cell "日 志 号" contains spaces; row 3 has only 7 of 9 cells; a "+0.00" 利息税 row (zero -> neutral); counterparty "--"',
 'double-entry-generator/bank-bocom_credit.csv': 'amounts "CNY 123.18" and "CNY13.50" (no space); foreign "JPY 1000.00" billed as "CNY 49.85"; amounts unsigned, direction from the first word of 交易说明',
 'double-entry-generator/bank-bocom_debit.csv': '借贷 "借 Dr"/"贷 Cr"; trailing empty 摘要; dates not in order (2025-01-01 first)',
 'double-entry-generator/bank-cgb_credit.csv': 'yyyy/mm/dd; negative = refund/repayment; currency 人民币',
 'double-entry-generator/bank-hsbchk-credit.csv': 'quoted amounts followed by one or two TABs ("-18.00"\\t\\t,); "DEBIT " with trailing space; HKD row in a CNY card; dd/mm/yyyy',
 'double-entry-generator/bank-hsbchk-debit.csv': 'quoted amounts/balances + TAB; "12500.00" without separator next to "3,612.17"; trailing space in last cell; CNY row in an HKD account',
 'double-entry-generator/bank-bmo-credit.csv': 'preamble "Following data is valid as of …" + blank line; card number in single quotes; "6.0" one decimal',
 'double-entry-generator/bank-bmo-debit.csv': 'two blank lines before AND after the header; header cell " Transaction Amount" with leading space; descriptions padded to 80 chars',
 'double-entry-generator/bank-td.csv': 'no header; 5 columns date,description,debit,credit,balance; two trailing empty lines',
}

NOTES.update({
 'hledger/coinbase2.csv': 'timestamps `2017-09-29 15:40:00 -0700` (%z); 8-decimal BTC amounts; fee rows have empty Amount/Currency (amountless posting to account `assets:crypto:Coinbase:`); cost `@@ £%transfer_total`; balance column -> balance assertion; the Output comment in the rules file comes from a fuller rules version (it books fees), do not assert it',
 'hledger/csb43.csv': 'CRLF; 28 columns with a duplicated header name (branch_code); fields list uses `_` for unused columns; `currency` is a CSV column (EUR)',
 'hledger/csv-sample.csv': 'no header; date `10/2009/09` = %d/%Y/%m; separate amount-in/amount-out columns; emoji in the description',
 'hledger/csv-sample.ssv': 'same data, `;` separator chosen by the .ssv extension',
 'hledger/csv-sample.tsv': 'same data, TAB separator chosen by the .tsv extension; trailing empty field',
 'hledger/monefy.csv': '`"1,280.8"` thousands separator + decimal-mark .; amount and currency in separate columns joined by the rules; two columns both named currency',
 'hledger/monzo.csv': 'one record (extracted from the rules comments); mixed-case field names in `fields`; Money Out column duplicates Amount; trailing space in `currency %Currency `',
 'hledger/sample.csv': 'all cells quoted; dates 2012/3/22 (no padding, default Y/M/D); amounts signed',
 'hledger/sample.fr.utf8.csv': 'UTF-8: CAFÉ — €20 REÇU',
 'hledger/sample.fr.cp1252.csv': 'cp1252 bytes: 0x97 em dash and 0x80 euro sign (undecodable as ISO-8859-1); use with sample.csv.cp1252.rules (`include` + `encoding cp1252`)',
 'hledger/sample.fr.iso88591.csv': 'ISO-8859-1: em dash and euro replaced by literal `?` in the file (CAFÉ ? ?20 REÇU); use with sample.csv.iso88591.rules',
 'hledger/stripe.csv': 'all cells quoted; empty last cell; currency `usd` -> `$` via whole-record matcher `,usd,`; three postings (net, -gross, -fee when non-zero)',
 'hledger/wellsfargo-checking.csv': 'no header (skip 0); dates %-m/%-d/%Y; code column 2392; the rules include a missing `.common.rules`',
 'hledger/ynab4-rtl.csv': 'amounts prefixed with the right-to-left Jordanian dinar sign `د.ا.‏` (contains U+200F RLM); 3-decimal amounts; Outflow/Inflow columns both filled (one is 0.000); rules extract digits with regex groups and set currency JOD',
 'derived-probes/repro/hhmmss.csv': 'from bank-abc_debit.csv: yyyymmdd date + HHMMSS time column `123456` (time is not a hledger field; rules use date-format %Y%m%d)',
 'derived-probes/repro/hledger-fields.csv': 'field named `amount_` (not a hledger field) assigned via `amount %amount_`; no currency',
 'derived-probes/repro/neg-amount-out.csv': 'from cmb_credit_sample.csv (299.00 / -299.00): negative value in an amount-out column -> hledger makes it positive',
 'derived-probes/repro/no-year.csv': 'from bank-cmb-credit.csv: `01/02` with date-format %m/%d -> hledger year 1970',
 'derived-probes/repro/quote-tab-amount.csv': 'from bank-hsbchk-debit.csv: `"-1.00"\\t,"3,612.17"\\t` quoted cells followed by TAB',
 'derived-probes/repro/wechat-quote-tab.csv': 'minimal repro modelled on wechat-2025-csv.csv: header + one 2025-04 style row with `"4200001"\\t,`; UTF-8 BOM; no preamble (header row 0)',
 'derived-probes/repro/alipay-qita.csv': 'from alipay-2021-app.csv: header + the `其他` (neutral) 余额宝-单次转入 row, unpadded, no banner',
 'derived-probes/repro/ofx-4dp.ofx': 'from fidelity-savings.ofx: one STMTTRN with `+00000000000115.8331` directly in BANKTRANLIST; DTPOSTED date only',
 'derived-probes/repro/ofx-latin1.ofx': 'minimal repro modelled on 8859-1.qfx: CHARSET:8859-1, NAME `Carte prépayée` in ISO-8859-1 bytes',
 'derived-probes/repro/qif-cat.qif': 'minimal repro (canada.qif style): a !Type:Cat list (not transactions) before one !Type:Bank record',
 'derived-probes/repro/qif-invst.qif': 'minimal repro modelled on gnucash/swipe.qif: a single !Type:Invst record -> 0 cash transactions',
 'derived-probes/alipay-2023-excel-dates.csv': 'alipay-2023-current.csv re-saved by Excel: `2023/2/12 21:32` (unpadded month/day, no seconds); else identical',
 'derived-probes/alipay-2023-noseconds.csv': 'alipay-2023-current.csv with times cut to HH:MM',
 'derived-probes/alipay-2026-preamble-minus1.csv': 'alipay-2023-current.csv with the 特别提示 line `9.本明细仅供个人对账使用。` removed -> header moves from row 24 to 23',
 'derived-probes/wechat-csv-thousands.csv': 'preciouss/wechat_sample.csv with `¥129.00` changed to `"¥1,129.00"` (quoted, thousands separator)',
 'derived-probes/wechat-xlsx-numeric-amount.xlsx': 'preciouss/wechat_sample.xlsx with the 金额(元) cells turned into numeric cells (45.50 …) instead of "¥45.50" strings',
 'ofxparse/chase_cc.qfx': 'declares CHARSET:1252 but NAME bytes are UTF-8 (C2 A6 = ¦); no blank line between header and <OFX>; [0:GMT] offsets',
 'ofxparse/anzcc.ofx': 'OFX 2 XML header but SGML-style unclosed leaf elements; credit card (CCSTMTRS)',
 'ofxparse/checking.ofx': 'TAB-indented SGML; DTPOSTED with .000 milliseconds and no zone; CHECKNUM 319',
 'ofxparse/bank_medium.ofx': 'one STMTTRN per line; [-5:EST]; apostrophes in NAME',
 'ofxparse/ofx-v102-empty-tags.ofx': 'leading whitespace before OFXHEADER; body on one line; empty CURDEF, currency in CURRENCY/CURSYM; empty FITID and NAME; MEMO `CBA:Transfer`',
 'ofxparse/suncorp.ofx': 'OFX 2 XML, CRLF, date-only DTPOSTED',
 'ofxparse/fidelity-savings.ofx': 'INVSTMTRS with 4 INVBANKTRAN cash rows; 4-decimal zero-padded TRNAMT; [-4:EDT]',
 'ofxparse/fidelity.ofx': 'whole body on one line; BUYSTOCK/INCOME/REINVEST ignored; 3 INVBANKTRAN cash rows (4-decimal)',
 'ofxparse/investment_401k.ofx': 'investment transactions only (no INVBANKTRAN) -> 0',
 'ofxparse/multiple_accounts.ofx': 'two accounts with balances only, no STMTTRN -> 0',
 'ofxparse/error_message.ofx': 'STATUS CODE 2000 ERROR, no statement -> 0',
 'ofxparse/bank_small.ofx': 'empty <OFX></OFX> -> 0',
 'ofxtools/stmtrs_euro.ofx': 'decimal comma `-200,00`, `200,29` balances; CURDEF still USD',
 'ofxtools/br_nubank_cc.ofx': 'Nubank BR credit card, BRL, [-3:GMT] offsets (zone name GMT despite -3), UUID FITIDs',
 'ofxtools/invstmtrs.ofx': 'OFX 2 investment statement; 1 INVBANKTRAN cash row counted, securities transactions ignored',
 'actual/data-multi-decimal.ofx': 'TRNAMT `-30.000` and `-3.77000` (3 and 5 decimals)',
 'actual/html-vals.qfx': 'body on few long lines; `&amp;` and double-escaped `&amp;lt;DEFTPYMT&amp;gt;` in NAME/MEMO; [-5:EST]',
 'actual/1252.qfx': 'cp1252 bytes incl. 0x80 (€) and 0x97 (—)',
 'actual/8859-1.qfx': 'ISO-8859-1 bytes (é)',
 'actual/utf-8.qfx': 'ENCODING:UTF-8, CHARSET:NONE; € and — in UTF-8',
 'actual/data-payee-memo.ofx': 'NAME+MEMO, NAME only, MEMO only, neither',
 'actual/tracking-number.ofx': 'no SIGNON block; CHECKNUM 2002',
 'actual/data-payee-memo.qif': 'MM/DD/YYYY; P/M combinations',
 'actual/data-with-categories.qif': 'MM/DD/YY two-digit year; L categories',
 'actual/qif-account.qif': '!Account header (NChecking Main, TBank) before !Type:Bank',
 'actual/qif-category.qif': 'M/DD/YYYY without padding; T before P',
 'actual/tracking-number.qif': 'N check number 1001',
 'gnucash/abc.qif': 'CRLF; `!Type:Bank ` trailing space; `^^` terminators; `D8/ 1/97` space-padded dates; thousands separators; N = DEP/TXFR/101',
 'gnucash/canada.qif': 'CRLF; long !Type:Cat list; !Option:AutoSwitch/!Account lists; two Bank accounts (2 and 3 rows) with `D8/31\' 0` apostrophe years; split transaction (S/E/$); trailing Invst account ignored',
 'gnucash/swipe.qif': '!Type:Invst only -> 0 cash transactions',
 'qifparse/file.qif': 'DD/MM/YYYY; Cat list, !Account, Cash (3 rows, one with A address lines and S/$ splits), Invst and Memorized ignored',
 'qifparse/transactions_only.qif': 'DD/MM/YYYY; !Type:Cash only',
 'qifparse-jmoonware/comma_test.qif': "`D2/14' 5` apostrophe years (2005); U and T both present; thousands separators `-20,000.00`; CX cleared",
})

def autodetect(path, b, e):
    q = []
    if b.startswith(b'\xef\xbb\xbf'): q.append('UTF-8 BOM')
    if e.get('line_endings') == 'CRLF': q.append('CRLF')
    if path.endswith('.xlsx'): return q
    enc = {'gbk': 'gbk', 'cp1252': 'cp1252', 'iso-8859-1': 'latin-1'}.get(e.get('encoding'), 'utf-8-sig')
    t = b.decode(enc, 'replace')
    if re.search(r'"\t+[,\n]', t): q.append('quoted cell followed by TAB(s)')
    elif re.search(r'\t,', t): q.append('TAB before the comma (unquoted)')
    if '¥' in t or '￥' in t: q.append('¥/￥ amount prefix')
    if re.search(r',CNY ?\d', t): q.append('`CNY 123.18` currency-prefixed amounts')
    if re.search(r'\d\((已退款|已全额退款)', t): q.append('amount with refund suffix `(已退款…)`')
    if re.search(r'"-?\d{1,3}(,\d{3})+\.\d+', t): q.append('thousands separators inside quotes')
    if re.search(r'[+-]\d{4}\b', t) and 'hledger' in path and 'coinbase' in path: q.append('timestamps with -0700 offsets')
    tx = e.get('transactions') or []
    sc = sorted({len((x.get('amount') or '').split('.')[1]) for x in tx if '.' in (x.get('amount') or '')})
    if sc and max(sc) > 2: q.append('amounts with ' + '/'.join(map(str, sc)) + ' decimals')
    n = [x for x in tx if x.get('direction') == 'neutral']
    if n: q.append(f'{len(n)} neutral row(s)')
    m = re.search(r'共[：:]?(\d+)笔', t)
    if m and int(m.group(1)) != len(tx): q.append(f'summary says {m.group(1)} records, file holds {len(tx)} (redacted sample)')
    br = [x for x in tx if x.get('broken')]
    if br: q.append(f'{len(br)} broken row(s): ' + '; '.join(f"FITID {x.get('id')}: {x['broken']}" for x in br))
    return q

for e in E['files']:
    p = e['path']; b = open(os.path.join(ROOT, p), 'rb').read()
    lay = e.get('layout')
    if e.get('format') == 'csv' or e.get('format') == 'wechat-xlsx':
        e['columns'] = COLUMNS.get(lay)
    elif e.get('format', '').startswith('ofx'):
        e['columns'] = OFX_COLS
    elif e.get('format') == 'qif':
        e['columns'] = QIF_COLS
    e['quirks'] = autodetect(p, b, e) + ([NOTES[p]] if p in NOTES else [])
    tx = e.get('transactions') or []
    e['direction_counts'] = {d: sum(1 for x in tx if x.get('direction') == d) for d in ('in', 'out', 'neutral')} if tx else {}
json.dump(E, open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('annotated', len(E['files']))
