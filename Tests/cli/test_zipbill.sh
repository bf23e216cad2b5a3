#!/usr/bin/env bash
# CLI end-to-end: password-protected ZIP bills (scan and history import), and history profiles that
# keep each helped person's history apart. Sourced by Tests/cli/run.sh (helpers from lib.sh).

ZIP_SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/docs/samples"
MAKE_ZIP="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/make_zip.py"
ZIP_TMP="$E2E_TMP/zipbill"
mkdir -p "$ZIP_TMP"
# Test-only ZIP password: never a real secret.
ZIP_PW='e2e-zip-pw-Kx9#解压'
cp "$ZIP_SAMPLES/alipay-sample.csv" "$ZIP_TMP/alipay_record.csv"
printf 'receipt' >"$ZIP_TMP/receipt.png"
ZIP_TEST_PASSWORD="$ZIP_PW" python3 "$MAKE_ZIP" "$ZIP_TMP/aes.zip" aes "$ZIP_TMP/alipay_record.csv"
ZIP_TEST_PASSWORD="$ZIP_PW" python3 "$MAKE_ZIP" "$ZIP_TMP/pkware.zip" pkware "$ZIP_TMP/alipay_record.csv"
python3 "$MAKE_ZIP" "$ZIP_TMP/plain.zip" none "$ZIP_TMP/alipay_record.csv"
python3 "$MAKE_ZIP" "$ZIP_TMP/pictures.zip" none "$ZIP_TMP/receipt.png"
head -c 2000 "$ZIP_TMP/aes.zip" >"$ZIP_TMP/truncated.zip"
printf '%s\n' "$ZIP_PW" >"$ZIP_TMP/pw.txt"
printf 'wrong-password\n' >"$ZIP_TMP/wrong.txt"

# --- scan a ZIP bill: the statement inside reads like the CSV itself ---
run_cmd "$W" scan "$ZIP_TMP/alipay_record.csv" --no-history --json
direct_rows=$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["rows"]')
direct_alerts=$(printf '%s\n' "$OUT" | grep '"type":"alert"' | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))')
WALLETSEC_ZIP_PASSWORD="$ZIP_PW" run_cmd "$W" scan "$ZIP_TMP/aes.zip" --no-history --json
expect_eq "$CODE" 0 "AES ZIP bill with the password from the environment exits 0"
summary=$(printf '%s\n' "$OUT" | tail -1)
expect_eq "$(json_get "$summary" 'j["rows"]')" "$direct_rows" "AES ZIP: same rows as the CSV"
expect_eq "$(json_get "$summary" 'j["files"][0]["file"]')" "$ZIP_TMP/aes.zip/alipay_record.csv" "entry named inside the archive"
zip_alerts=$(printf '%s\n' "$OUT" | grep '"type":"alert"' | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))')
expect_eq "$zip_alerts" "$direct_alerts" "AES ZIP: same alerts as the CSV"
expect_not_contains "$OUT$ERR" "$ZIP_PW" "the ZIP password is never printed"
first_alert=$(printf '%s\n' "$OUT" | grep -m1 '"type":"alert"')
expect_eq "$(json_get "$first_alert" 'j["transactions"][0]["file"]')" "$ZIP_TMP/aes.zip/alipay_record.csv" "alert rows name the archive entry"
run_cmd "$W" scan "$ZIP_TMP/pkware.zip" --no-history --json --zip-password-file "$ZIP_TMP/pw.txt"
expect_eq "$CODE" 0 "PKWARE ZIP bill with --zip-password-file exits 0"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["rows"]')" "$direct_rows" "PKWARE ZIP: same rows"
run_cmd "$W" scan "$ZIP_TMP/plain.zip" "$ZIP_TMP/aes.zip" --no-history --json --zip-password-file "$ZIP_TMP/pw.txt"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["overlapping_rows"]')" "$direct_rows" "two archives join the scan like two files"
run_cmd "$W" scan "$ZIP_TMP/plain.zip" --no-history </dev/null
expect_eq "$CODE" 0 "an unencrypted ZIP needs no password"

# --- failures: wrong password 3, no password 2, damaged 4, no statement 2 ---
expect_error 3 "wrong ZIP password exits 3" "$W" scan "$ZIP_TMP/aes.zip" --no-history --zip-password-file "$ZIP_TMP/wrong.txt"
expect_contains "$ERR" "wrong ZIP password" "wrong password named"
expect_not_contains "$ERR" "wrong-password" "the wrong password is not echoed"
WALLETSEC_ZIP_PASSWORD=wrong-password expect_error 3 "wrong PKWARE password from the environment exits 3" "$W" scan "$ZIP_TMP/pkware.zip" --no-history
expect_error 2 "encrypted ZIP without a password and no terminal exits 2" "$W" scan "$ZIP_TMP/aes.zip" --no-history </dev/null
expect_contains "$ERR" "--zip-password-file" "tells how to pass the password"
expect_contains "$ERR" "WALLETSEC_ZIP_PASSWORD" "names the environment variable"
expect_error 4 "truncated ZIP exits 4" "$W" scan "$ZIP_TMP/truncated.zip" --no-history --zip-password-file "$ZIP_TMP/pw.txt"
expect_error 2 "ZIP without a statement exits 2" "$W" scan "$ZIP_TMP/pictures.zip" --no-history
expect_contains "$ERR" "holds no statement" "no statement named"
run_cmd "$W" scan "$ZIP_TMP/aes.zip" --no-history --json --lang zh --zip-password-file "$ZIP_TMP/wrong.txt"
expect_contains "$ERR" "解压密码错误" "Chinese message for a wrong password"

# --- history import of a ZIP bill, per profile ---
ZV=$(new_vault zipvault)
digest=$(vault_digest "$ZV")
expect_error 3 "import with a wrong password stores nothing" "$W" history import "$ZIP_TMP/aes.zip" --vault "$ZV" --zip-password-file "$ZIP_TMP/wrong.txt"
expect_eq "$(vault_digest "$ZV")" "$digest" "vault unchanged after the wrong password"
WALLETSEC_ZIP_PASSWORD="$ZIP_PW" run_cmd "$W" history import "$ZIP_TMP/aes.zip" --vault "$ZV" --profile cust-a --json
expect_eq "$CODE" 0 "import ZIP bill into profile cust-a"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["added"]')" "$direct_rows" "every row added to cust-a"
WALLETSEC_ZIP_PASSWORD="$ZIP_PW" run_cmd "$W" history import "$ZIP_TMP/pkware.zip" --vault "$ZV" --profile 客户_b --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["added"]')" "$direct_rows" "the same bill is stored again for another profile"
run_cmd "$W" history import "$ZIP_TMP/plain.zip" --vault "$ZV" --profile cust-a --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["already_present"]')" "$direct_rows" "re-import into cust-a adds nothing"
run_cmd "$W" history stats --vault "$ZV" --profile cust-a --json
expect_eq "$(json_get "$OUT" 'j["transactions"]')" "$direct_rows" "stats counts the profile's rows"
expect_eq "$(json_get "$OUT" 'j["profile"]')" cust-a "stats names its profile"
expect_eq "$(json_get "$OUT" '[(p["name"], p["transactions"]) for p in j["profiles"]] == [("cust-a", '"$direct_rows"'), ("客户_b", '"$direct_rows"')]')" True "stats lists rows per profile"
run_cmd "$W" history stats --vault "$ZV" --json
expect_eq "$(json_get "$OUT" 'j["transactions"]')" 0 "the default profile me holds nothing"
run_cmd "$W" history list --vault "$ZV" --profile 客户_b --limit 0 --json
expect_eq "$(printf '%s\n' "$OUT" | grep -c '"id"')" "$direct_rows" "history list shows the profile's rows"
run_cmd "$W" history list --vault "$ZV" --json
expect_eq "$OUT" "" "history list of me shows none of them"

# --- scans use only their own profile's baseline ---
run_cmd "$W" scan "$ZIP_SAMPLES/alipay-sample.csv" --vault "$ZV" --profile cust-a --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["history_rows"]')" 0 "cust-a's rows are the scanned file itself"
printf '%s\n' "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注," \
    "2030-01-01 10:00:00,日用百货,书店,,书,支出,50.00,余额,交易成功,ZB-NEW-1	,,," >"$ZIP_TMP/new.csv"
run_cmd "$W" scan "$ZIP_TMP/new.csv" --vault "$ZV" --profile cust-a --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["history_rows"]')" "$direct_rows" "cust-a's history is its baseline"
run_cmd "$W" scan "$ZIP_TMP/new.csv" --vault "$ZV" --profile cust-c --json
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | tail -1)" 'j["history_rows"]')" 0 "another profile's rows are never the baseline"
expect_error 2 "a bad profile name exits 2" "$W" scan "$ZIP_TMP/new.csv" --vault "$ZV" --profile "a/b"
expect_error 2 "a bad profile name exits 2 for history" "$W" history stats --vault "$ZV" --profile ""

# --- acknowledgements and forgetting are per profile ---
alert_id=$(printf '%s\n' "$direct_alerts" | python3 -c 'import ast,sys; print(ast.literal_eval(sys.stdin.read())[0])')
run_cmd "$W" history ack "$alert_id" --vault "$ZV" --profile cust-a --note "seen" --json
expect_eq "$(json_get "$OUT" 'j["found_in_history"]')" True "ack found in cust-a's history"
run_cmd "$W" history acks --vault "$ZV" --profile cust-a --json
expect_contains "$OUT" "$alert_id" "cust-a lists its acknowledgement"
run_cmd "$W" history acks --vault "$ZV" --profile 客户_b --json
expect_eq "$OUT" "" "客户_b has no acknowledgements"
run_cmd "$W" history forget --all --vault "$ZV" --profile cust-a --json
expect_eq "$(json_get "$OUT" 'j["removed"]')" "$direct_rows" "forget removes cust-a's rows"
run_cmd "$W" history stats --vault "$ZV" --profile 客户_b --json
expect_eq "$(json_get "$OUT" 'j["transactions"]')" "$direct_rows" "客户_b keeps its rows"
