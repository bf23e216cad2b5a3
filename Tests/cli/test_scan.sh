#!/usr/bin/env bash
# CLI end-to-end: walletsec scan and walletsec history on the bundled samples and generated files.
# Sourced by Tests/cli/run.sh (helpers from lib.sh).

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/docs/samples"
ALIPAY="$SAMPLES/alipay-sample.csv"
SCAN_TMP="$E2E_TMP/scan"
mkdir -p "$SCAN_TMP"
GEN="$(dirname "$W")/gen-statements"

# --- scan a file alone (no vault anywhere) ---
run_cmd "$W" scan "$ALIPAY" --json
expect_eq "$CODE" 0 "scan sample exits 0"
summary=$(printf '%s\n' "$OUT" | tail -1)
expect_eq "$(json_get "$summary" 'j["type"]')" summary "last JSON line is the summary"
expect_eq "$(json_get "$summary" 'j["rows"]')" 641 "summary counts the sample's rows"
expect_eq "$(json_get "$summary" 'j["skipped"]')" 0 "nothing skipped"
expect_eq "$(json_get "$summary" 'j["files"][0]["encoding"]')" GB18030 "GBK sample decoded"
expect_eq "$(json_get "$summary" 'sorted(j["alerts"].keys()) == sorted(["duplicate","amount_outlier","velocity","card_testing","new_payee_large","odd_hour","recurring_change","foreign_currency","structuring","balance_gap"])')" True "alerts by kind lists every kind"
expect_eq "$(json_get "$summary" 'j["alerts"]["duplicate"] >= 1 and j["alerts"]["card_testing"] >= 1')" True "planted problems found"
alert=$(printf '%s\n' "$OUT" | head -1)
expect_eq "$(json_get "$alert" 'j["type"] == "alert" and all(k in j for k in ["id","kind","severity","transaction_ids","explanation","numbers"])')" True "alert line has the documented fields"
expect_eq "$(json_get "$alert" 'bool(j["explanation"]["en"]) and bool(j["explanation"]["zh"])')" True "explanation in both languages"
alerts_lines=$(printf '%s\n' "$OUT" | grep -c '"type":"alert"')
expect_eq "$alerts_lines" "$(json_get "$summary" 'j["alerts_total"]')" "one line per alert"

# Labels of the sample: every planted family is found.
found=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys, csv
labels = {}
for row in csv.DictReader(open(sys.argv[1])):
    if row["family"] != "balance_gap": labels.setdefault(row["family"], set()).add(row["transaction_id"])
hit = set()
for line in sys.stdin:
    j = json.loads(line)
    if j.get("type") == "alert" and set(j["transaction_ids"]) & labels.get(j["kind"], set()): hit.add(j["kind"])
print(len(set(labels) - hit))' "$SAMPLES/sample-labels.csv")
expect_eq "$found" 0 "every planted family in the sample is detected (balances: see the bank CSV)"

# Human table and severity filters.
run_cmd "$W" scan "$ALIPAY"
expect_eq "$CODE" 0 "table exits 0"
expect_contains "$OUT" "Possible double charge" "table names kinds in plain words"
expect_contains "$OUT" "641 rows" "table summary"
run_cmd "$W" scan "$ALIPAY" --lang zh
expect_contains "$OUT" "可能重复扣款" "Chinese kinds"
run_cmd "$W" scan "$ALIPAY" --json --min-severity high
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(all(json.loads(l).get("severity","high")=="high" for l in sys.stdin))')" True "--min-severity high hides the rest"
expect_exit 1 "--fail-on high with high alerts exits 1" "$W" scan "$ALIPAY" --fail-on high
expect_exit 0 "--fail-on high after filtering to none" "$W" scan "$ALIPAY" --since 2030-01-01 --fail-on low
expect_error 2 "--since needs a date" "$W" scan "$ALIPAY" --since yesterday

# --explain and --report.
dup_id=$("$W" scan "$ALIPAY" --json | python3 -c 'import json,sys
for l in sys.stdin:
    j=json.loads(l)
    if j.get("kind")=="duplicate": print(j["id"]); break')
run_cmd "$W" scan "$ALIPAY" --explain "$dup_id"
expect_eq "$CODE" 0 "--explain exits 0"
expect_contains "$OUT" "Reasoning:" "--explain prints the reasoning"
expect_contains "$OUT" "smallest_gap_seconds" "--explain prints the numbers"
run_cmd "$W" scan "$ALIPAY" --explain "$dup_id" --json
expect_eq "$(json_get "$OUT" 'len(j["reasoning"]) >= 2')" True "--explain --json carries the reasoning"
expect_error 2 "--explain an unknown id" "$W" scan "$ALIPAY" --explain dup-00000000
run_cmd "$W" scan "$ALIPAY" --min-severity high --report "$SCAN_TMP/dispute.md" --lang zh
expect_eq "$CODE" 0 "--report exits 0"
report=$(cat "$SCAN_TMP/dispute.md" 2>/dev/null)
expect_contains "$report" "交易争议报告" "Chinese dispute report"
expect_contains "$report" "交易订单号" "report has order numbers"
expect_contains "$report" "请客服回答" "report has questions"
expect_eq "$(stat -c %a "$SCAN_TMP/dispute.md")" 600 "report is private"
before=$(sha256sum "$SCAN_TMP/dispute.md")
expect_error 5 "--report never overwrites" "$W" scan "$ALIPAY" --report "$SCAN_TMP/dispute.md"
expect_eq "$(sha256sum "$SCAN_TMP/dispute.md")" "$before" "existing report untouched"

# --- bad input ---
printf 'name,value\na,1\n' >"$SCAN_TMP/unknown.csv"
expect_error 2 "unknown layout" "$W" scan "$SCAN_TMP/unknown.csv"
expect_contains "$ERR" "expected" "unknown layout names what was expected"
expect_error 2 "missing file" "$W" scan "$SCAN_TMP/nope.csv"
expect_error 2 "a folder" "$W" scan "$SCAN_TMP"
head -c 4000 /dev/urandom >"$SCAN_TMP/garbage.bin"
expect_error 2 "garbage bytes" "$W" scan "$SCAN_TMP/garbage.bin"
: >"$SCAN_TMP/empty.csv"
expect_error 2 "empty file" "$W" scan "$SCAN_TMP/empty.csv"
head -c -30 "$ALIPAY" >"$SCAN_TMP/truncated.csv"
run_cmd "$W" scan "$SCAN_TMP/truncated.csv" --json
expect_eq "$CODE" 0 "truncated file still scans"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["skipped"]')" 1 "the cut row is counted"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["skipped_rows"][0]["line"]')" "$(wc -l <"$ALIPAY")" "the cut row's line"
run_cmd "$W" scan "$SCAN_TMP/truncated.csv"
expect_contains "$ERR" "truncated.csv:" "skipped rows are reported with file:line"
expect_error 2 "--strict makes a malformed row fatal" "$W" scan "$SCAN_TMP/truncated.csv" --strict
expect_contains "$ERR" "truncated.csv:$(wc -l <"$ALIPAY")" "--strict names file:line"
# A row whose amount is not a number: the reason in the user's language; JSON keeps the English reason.
iconv -f GBK -t UTF-8 "$ALIPAY" | sed '0,/,自动续费,支出,50.00,/s//,自动续费,支出,五十元,/' >"$SCAN_TMP/bad-amount.csv"
BAD_LINE="$(grep -n ',五十元,' "$SCAN_TMP/bad-amount.csv" | cut -d: -f1)"
run_cmd "$W" --lang zh scan "$SCAN_TMP/bad-amount.csv"
expect_eq "$CODE" 0 "a bad row is skipped, not fatal"
expect_contains "$ERR" "跳过 1 行格式错误的记录" "zh: the skipped-row summary"
expect_contains "$ERR" "bad-amount.csv:$BAD_LINE：无法读取“金额”（金额）" "zh: the reason is in Chinese"
expect_not_contains "$ERR" "unreadable" "zh: no English reason"
run_cmd "$W" scan "$SCAN_TMP/bad-amount.csv"
expect_contains "$ERR" "bad-amount.csv:$BAD_LINE: unreadable 金额 (amount)" "en: the reason in English"
run_cmd "$W" --lang zh scan "$SCAN_TMP/bad-amount.csv" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["skipped_rows"][0]["reason"]')" "unreadable 金额 (amount)" \
    "--json keeps the English reason"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'sorted(j["skipped_rows"][0])')" "['file', 'line', 'reason']" \
    "--json skipped_rows keep their fields"
expect_error 2 "--strict in Chinese" "$W" --lang zh scan "$SCAN_TMP/bad-amount.csv" --strict
expect_contains "$ERR" "bad-amount.csv:$BAD_LINE：无法读取“金额”（金额）（--strict）" "zh: --strict names the reason in Chinese"
iconv -f GBK -t UTF-8 "$ALIPAY" | sed 's/,金额,/,钱,/' >"$SCAN_TMP/missing-column.csv"
expect_error 2 "a missing column" "$W" scan "$SCAN_TMP/missing-column.csv"
expect_contains "$ERR" "金额" "the missing column is named"
expect_error 2 "--format csv without rules" "$W" scan "$ALIPAY" --format csv
expect_error 2 "--format wechat on an Alipay file" "$W" scan "$ALIPAY" --format wechat
expect_error 2 "--rules with --format ofx" "$W" scan "$ALIPAY" --format ofx --rules "$SAMPLES/bank-sample.rules"
printf 'frobnicate 1\n' >"$SCAN_TMP/bad.rules"
expect_error 2 "a bad rules file" "$W" scan "$SAMPLES/bank-sample.csv" --rules "$SCAN_TMP/bad.rules"
printf '!Type:Bank\nD03/04/2024\nT-12.00\nPShop\n^\n' >"$SCAN_TMP/ambiguous.qif"
expect_error 2 "ambiguous QIF dates" "$W" scan "$SCAN_TMP/ambiguous.qif"
expect_contains "$ERR" "--date-order" "the error says how to resolve it"
expect_exit 0 "--date-order resolves QIF dates" "$W" scan "$SCAN_TMP/ambiguous.qif" --date-order dmy
run_cmd "$W" scan "$SCAN_TMP/ambiguous.qif" --date-order dmy --no-history --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["files"][0]["currency_assumed"]')" True "QIF without --currency says CNY was assumed"
run_cmd "$W" scan "$SCAN_TMP/ambiguous.qif" --date-order dmy --no-history --json --currency usd
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["files"][0]["currency_assumed"]')" False "--currency sets the QIF currency"
expect_error 2 "--currency needs a three-letter code" "$W" scan "$SCAN_TMP/ambiguous.qif" --currency dollars
printf '!Type:Cat\nNFood\n^\n!Type:Bank \nD1/2/05\nT-1,000.00\n^^\n!Type:Invst\nD1/3/05\nNBuy\nT5.00\n^\n' >"$SCAN_TMP/sections.qif"
run_cmd "$W" scan "$SCAN_TMP/sections.qif" --date-order mdy --no-history --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" '(j["rows"], j["skipped"], j["files"][0]["not_cash"])')" "(1, 0, 2)" "QIF lists and Invst are not cash, not malformed"
printf '<OFX><BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-1.00<FITID>a\n' >"$SCAN_TMP/open.ofx"
run_cmd "$W" scan "$SCAN_TMP/open.ofx" --json
expect_eq "$CODE" 0 "an OFX with an unclosed transaction is a counted skip"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["skipped"]')" 1 "unclosed STMTTRN counted"

# --- other formats ---
run_cmd "$W" scan "$SAMPLES/bank-sample.csv" --rules "$SAMPLES/bank-sample.rules" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["rows"]')" 641 "rules CSV reads every row"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["alerts"]["balance_gap"] >= 1')" True "balances checked"
run_cmd "$W" scan "$SAMPLES/wechat-sample.csv" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["files"][0]["format"]')" wechat "WeChat CSV detected"
if [ -x "$GEN" ]; then
    "$GEN" --out "$SCAN_TMP/gen" --accounts 1 --rows 500 --per-family 1 --formats wechat-xlsx,ofx,acclog,qif >/dev/null
    for f in account-001.wechat.xlsx account-001.ofx account-001_ACCLOG.csv; do
        run_cmd "$W" scan "$SCAN_TMP/gen/$f" --json
        expect_eq "$CODE" 0 "scan $f"
        expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["rows"] > 500 and j["skipped"] == 0')" True "$f rows read"
    done
    expect_exit 0 "scan generated QIF" "$W" scan "$SCAN_TMP/gen/account-001.qif" --date-order mdy
fi

# --- overlapping exports scanned together ---
iconv -f GBK -t UTF-8 "$ALIPAY" >"$SCAN_TMP/all.csv"
head -n 400 "$SCAN_TMP/all.csv" >"$SCAN_TMP/newer.csv"
{ head -n 24 "$SCAN_TMP/all.csv"; tail -n +300 "$SCAN_TMP/all.csv"; } >"$SCAN_TMP/older.csv"
whole=$("$W" scan "$SCAN_TMP/all.csv" --json | grep '"type":"alert"' | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))')
run_cmd "$W" scan "$SCAN_TMP/newer.csv" "$SCAN_TMP/older.csv" --json
parts=$(printf '%s\n' "$OUT" | grep '"type":"alert"' | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))')
expect_eq "$parts" "$whole" "overlapping exports give the same alerts as one export"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["overlapping_rows"] > 50 and j["rows"] == 641')" True "overlap merged"

# --- history ---
VAULT=$(new_vault scanvault)
expect_error 2 "history import needs a vault" "$W" history import "$ALIPAY" --vault "$E2E_TMP/no-such-vault"
run_cmd "$W" history import "$SCAN_TMP/older.csv" --vault "$VAULT" --json
expect_eq "$CODE" 0 "history import exits 0"
older_rows=$(json_get "$(printf '%s\n' "$OUT" | head -1)" 'j["rows"]')
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | head -1)" 'j["added"]')" "$older_rows" "older export imported"
run_cmd "$W" history import "$SCAN_TMP/newer.csv" "$SCAN_TMP/older.csv" --vault "$VAULT" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["added"]')" $((641 - older_rows)) "only the new rows are added"
digest=$(vault_digest "$VAULT")
run_cmd "$W" history import "$SCAN_TMP/all.csv" --vault "$VAULT" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["added"] == 0 and j["alerts_total"] == 0')" True "re-importing adds nothing and raises nothing"
expect_eq "$(vault_digest "$VAULT")" "$digest" "re-import leaves the vault unchanged"
expect_error 2 "import of a bad file stores nothing" "$W" history import "$SCAN_TMP/unknown.csv" --vault "$VAULT"
expect_eq "$(vault_digest "$VAULT")" "$digest" "failed import changed nothing"
run_cmd "$W" history stats --vault "$VAULT" --json
expect_eq "$(json_get "$OUT" 'j["transactions"]')" 641 "stats count"
run_cmd "$W" history list --vault "$VAULT" --json --limit 3
expect_eq "$(printf '%s\n' "$OUT" | grep -c '"counterparty"')" 3 "list --limit"
run_cmd "$W" status --vault "$VAULT" --json
expect_eq "$(json_get "$OUT" 'j["counts"]["transactions"]')" 641 "status counts history rows"
run_cmd "$W" scan "$SCAN_TMP/newer.csv" --vault "$VAULT" --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["history_rows"] + j["rows"]')" 641 "history is the baseline"
run_cmd "$W" history ack "$dup_id" --vault "$VAULT" --note "checked with the merchant" --json
expect_eq "$(json_get "$OUT" 'j["acknowledged"] and j["found_in_history"]')" True "ack"
run_cmd "$W" scan "$ALIPAY" --vault "$VAULT" --json
expect_not_contains "$OUT" "\"id\":\"$dup_id\"" "an acknowledged alert is hidden"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["hidden_acknowledged"]')" 1 "hidden count reported"
run_cmd "$W" scan "$ALIPAY" --vault "$VAULT" --json --include-acknowledged
expect_contains "$OUT" "\"id\":\"$dup_id\"" "--include-acknowledged shows it"
expect_error 2 "ack of a malformed id" "$W" history ack nonsense --vault "$VAULT"
expect_error 2 "forget needs a scope" "$W" history forget --vault "$VAULT"
run_cmd "$W" history forget --all --vault "$VAULT" --json
expect_eq "$(json_get "$OUT" 'j["removed"]')" 641 "forget --all"
# Four-decimal OFX amounts (brokerage cash rows) keep every digit in history (v4-history-sub-minor).
printf '%s\n' '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT' \
    '<DTPOSTED>20240105<TRNAMT>-115.8331<FITID>sub1<NAME>Broker cash</STMTTRN></BANKTRANLIST></STMTRS>' \
    '</STMTTRNRS></BANKMSGSRSV1></OFX>' >"$SCAN_TMP/sub-minor.ofx"
expect_exit 0 "import a four-decimal OFX amount" "$W" history import "$SCAN_TMP/sub-minor.ofx" --vault "$VAULT"
run_cmd "$W" history list --vault "$VAULT" --json
expect_eq "$(json_get "$OUT" 'j["amount"] + " " + str(j["amount_minor"])')" "115.8331 11583" "history keeps 115.8331"
run_cmd "$W" history forget --all --vault "$VAULT" --json
