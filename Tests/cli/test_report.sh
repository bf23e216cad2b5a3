#!/usr/bin/env bash
# CLI end-to-end: the scan table in the user's words (display-width columns, plain when piped,
# colour only on a terminal without NO_COLOR) and the dispute report (--report, --report-alerts)
# in both languages and all three formats. Sourced by Tests/cli/run.sh (helpers from lib.sh).

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/docs/samples"
ALIPAY="$SAMPLES/alipay-sample.csv"
REPORT_TMP="$E2E_TMP/report"
mkdir -p "$REPORT_TMP"

# A bill with a regular rent payment, a coffee shop with a Chinese name, and a double charge at a
# counterparty whose name is markup.
python3 - "$REPORT_TMP/bill.csv" <<'PY'
import sys
rows = []
def row(time, category, payee, amount, order, merchant):
    rows.append(f"{time},{category},{payee},acct,{payee}订单,支出,{amount},余额宝,交易成功,{order}\t,{merchant}\t,,")
for m in range(1, 13):
    row(f"2024-{m:02d}-01 09:00:00", "住房", "房东王先生", "3500.00", f"R{m:02d}", f"MR{m:02d}")
    for k in range(20):
        row(f"2024-{m:02d}-{k + 2:02d} 12:{k:02d}:00", "餐饮", "星巴克咖啡（国贸店）", f"{30 + k % 7}.50", f"S{m:02d}{k:02d}", f"MS{m:02d}{k:02d}")
row("2024-12-28 20:00:00", "其他", "<script>alert(1)</script>", "88.00", "X1", "MX1")
row("2024-12-28 20:00:30", "其他", "<script>alert(1)</script>", "88.00", "X2", "MX2")
header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"
open(sys.argv[1], "w").write("支付宝交易明细\n" + header + "\n" + "\n".join(rows) + "\n")
PY
BILL="$REPORT_TMP/bill.csv"

# --- the table in the user's words ---
run_cmd "$W" scan "$ALIPAY" --lang zh
expect_contains "$OUT" "可能重复扣款" "zh table: kinds in Chinese"
expect_contains "$OUT" "元" "zh table: amounts in 元"
expect_not_contains "$OUT" "amount_outlier" "zh table: no raw kind names"
expect_not_contains "$OUT" "duplicate 1" "zh summary: no raw kind names"
expect_not_contains "$OUT" $'\033[' "piped table has no colour"
expect_not_contains "$(printf '%s\n' "$OUT" | grep '^[高中低] ')" "+08:00" "table times as the wallet shows them"
# Rows sorted by severity: no 高 row after a 中 or 低 row.
order=$(printf '%s\n' "$OUT" | python3 -c '
import sys
seen = [l.split()[0] for l in sys.stdin if l[:1] in "高中低" and len(l.split()) > 1]
print("ok" if seen == sorted(seen, key="高中低".index) and seen else "bad %s" % seen)')
expect_eq "$order" ok "rows sorted by severity"
run_cmd "$W" scan "$ALIPAY" --lang en
expect_contains "$OUT" "Possible double charge" "en table: kinds in plain words"
expect_contains "$OUT" "¥" "en table: CNY as ¥"

# Columns line up by display width with Chinese counterparty names (and a markup name, shown as text).
run_cmd env COLUMNS=120 "$W" scan "$BILL" --lang zh
aligned=$(printf '%s\n' "$OUT" | python3 -c '
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = sys.stdin.read().split("\n")
header = lines[0]
cols = {width(header[:header.index("编号")])}
for l in lines[1:]:
    for token in l.split():
        if token.startswith("dup-"): cols.add(width(l[:l.index(token)]))
print(len(cols))')
expect_eq "$aligned" 1 "ID column aligned by display width"
expect_contains "$OUT" "<script>alert(1)" "a markup name is printed as text in the terminal"

# Colour on a terminal, none with NO_COLOR.
tty_run() {
    python3 - "$@" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
os.waitpid(pid, 0)
print("colour" if b"\x1b[1;31m" in out else "plain")
PY
}
expect_eq "$(unset NO_COLOR; TERM=xterm tty_run "$W" scan "$ALIPAY" --lang zh)" colour "colour on a terminal"
expect_eq "$(NO_COLOR=1 TERM=xterm tty_run "$W" scan "$ALIPAY" --lang zh)" plain "NO_COLOR turns colour off"

# --- the dispute report ---
ids=$("$W" scan "$ALIPAY" --json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
alerts = [j for j in rows if j.get("type") == "alert"]
medium = [a["id"] for a in alerts if a["severity"] in ("medium", "high")]
low = [a["id"] for a in alerts if a["severity"] == "low"]
dup = [a["id"] for a in alerts if a["kind"] == "duplicate"]
print(" ".join(medium)); print(" ".join(low)); print(dup[0])')
medium_ids=$(printf '%s\n' "$ids" | sed -n 1p)
low_ids=$(printf '%s\n' "$ids" | sed -n 2p)
dup_id=$(printf '%s\n' "$ids" | sed -n 3p)

for lang in zh en; do
    for ext in md txt html; do
        file="$REPORT_TMP/default-$lang.$ext"
        run_cmd "$W" scan "$ALIPAY" --lang "$lang" --report "$file"
        expect_eq "$CODE" 0 "$lang $ext report exits 0"
        expect_eq "$(stat -c %a "$file")" 600 "$lang $ext report is 0600"
        text=$(cat "$file")
        expect_contains "$text" "95188" "$lang $ext: Alipay's customer-service number"
        if [ "$lang" = zh ]; then
            expect_contains "$text" "交易争议报告" "zh $ext title"
            expect_contains "$text" "支付宝" "zh $ext institution"
            expect_contains "$text" "事情经过" "zh $ext: a place for the user's account"
            expect_contains "$text" "冻结账户" "zh $ext: requests"
        else
            expect_contains "$text" "Transaction dispute report" "en $ext title"
            expect_contains "$text" "Alipay" "en $ext institution"
            expect_contains "$text" "What happened" "en $ext: a place for the user's account"
            expect_contains "$text" "Freeze the account" "en $ext: requests"
        fi
        expect_contains "$text" "alipay-sample.csv" "$lang $ext: the statement file as evidence"
        for id in $medium_ids; do expect_contains "$text" "$id" "$lang $ext: medium-or-above alert $id"; done
        for id in $low_ids; do expect_not_contains "$text" "$id" "$lang $ext: low alert $id left out by default"; done
    done
    txt=$(cat "$REPORT_TMP/default-$lang.txt")
    for syntax in '|' '#' '**' '- [ ]'; do
        expect_not_contains "$txt" "$syntax" "$lang txt has no Markdown syntax $syntax"
    done
    expect_contains "$(cat "$REPORT_TMP/default-$lang.html")" "@media print" "$lang html prints cleanly"
done

# --report-alerts: only the chosen alert.
run_cmd "$W" scan "$ALIPAY" --lang zh --report "$REPORT_TMP/one.txt" --report-alerts "$dup_id"
expect_eq "$CODE" 0 "--report-alerts exits 0"
one=$(cat "$REPORT_TMP/one.txt")
expect_contains "$one" "$dup_id" "chosen alert in the report"
expect_contains "$one" "第 1 项" "one case"
expect_not_contains "$one" "第 2 项" "nothing the user did not choose"
for id in $medium_ids; do [ "$id" = "$dup_id" ] || expect_not_contains "$one" "$id" "unchosen $id left out"; done
expect_error 2 "--report-alerts with an unknown id" "$W" scan "$ALIPAY" --report "$REPORT_TMP/none.md" --report-alerts dup-00000000
expect_eq "$([ -e "$REPORT_TMP/none.md" ] && echo yes || echo no)" no "no report for an unknown id"
expect_error 2 "--report-alerts needs --report" "$W" scan "$ALIPAY" --report-alerts "$dup_id"

# HTML escaping of a counterparty named <script>, and the rent payment stays out.
run_cmd "$W" scan "$BILL" --lang en --report "$REPORT_TMP/bill.html"
html=$(cat "$REPORT_TMP/bill.html")
expect_contains "$html" "&lt;script&gt;alert(1)&lt;/script&gt;" "HTML escapes the counterparty"
expect_not_contains "$html" "<script" "no script element in the page"
expect_not_contains "$html" "房东王先生" "the rent payment is not in the report"
expect_contains "$html" "¥176.00" "total in dispute"

# Never over an existing file; the existing one is untouched.
before=$(sha256sum "$REPORT_TMP/default-zh.md")
expect_error 5 "--report never overwrites" "$W" scan "$ALIPAY" --report "$REPORT_TMP/default-zh.md"
expect_eq "$(sha256sum "$REPORT_TMP/default-zh.md")" "$before" "existing report untouched"
