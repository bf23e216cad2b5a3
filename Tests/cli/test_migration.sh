#!/usr/bin/env bash
# Phone migration end to end: device key on the new phone, backup on the old one, restore, refusal,
# merge, replace, passphrase backups opened by the stock age, tampered backups, and a restore killed
# with SIGKILL at 50 random moments that leaves the vault either as it was or fully restored.
MIG="$E2E_TMP/migration"
mkdir -p "$MIG"
export WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE"
BACKUP_PASS='e2e backup passphrase: copper-kettle-58'

# mig_content DIR: a digest of the data tables (sealed columns as "sealed", their plaintext differs only by
# nonce), so "as before" and "fully restored" can be told apart from anything in between.
mig_content() {
    python3 - "$1/vault.sqlite" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
h = hashlib.sha256()
skip = {"meta", "key_slots", "grdb_migrations", "device_identities"}
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
    if name in skip:
        continue
    cols = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')]
    sel = ", ".join(f'CASE WHEN "{c}" IS NULL THEN NULL ELSE \'sealed\' END' if c.endswith("_sealed") else f'"{c}"' for c in cols)
    for row in db.execute(f'SELECT {sel} FROM "{name}" ORDER BY 1'):
        h.update(repr((name, row)).encode())
print(h.hexdigest())
PY
}

# mig_fill DIR N: settings, N transactions and an alert acknowledgement, written with SQL as other
# capabilities would.
mig_fill() {
    python3 - "$1/vault.sqlite" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = int(sys.argv[2])
db.execute("INSERT INTO settings VALUES ('language', 'zh')")
db.executemany(
    "INSERT INTO transactions (key, id, source, source_id, occurred_at, utc_offset_seconds, amount_minor,"
    " direction, currency, counterparty, imported_at)"
    " VALUES (?, ?, 'alipay', ?, 1772330400, 28800, ?, 'out', 'CNY', ?, '2026-03-02')",
    [(f"alipay:s{i}", f"s{i}", f"s{i}", -i * 13, f"商户 \"{i}\"") for i in range(1, n + 1)])
db.execute("INSERT INTO alert_acks (id, kind, transaction_ids, note, acknowledged_at) VALUES ('a1', 'dup', '[1,2]', 'ok', '2026')")
db.commit()
PY
}

OLD=$(new_vault mig-old)
mig_fill "$OLD" 3000
"$W" device keygen --vault "$OLD" --label old --no-qr >/dev/null
NEW=$(new_vault mig-new)
expect_exit 0 "device keygen on the new phone" "$W" device keygen --vault "$NEW" --label "new phone"
expect_contains "$OUT" "age1" "keygen shows the recipient"
expect_contains "$OUT" $'\u2580' "keygen draws a QR code"
run_cmd "$W" device list --vault "$NEW" --json
RCPT=$(json_get "$OUT" 'j["recipient"]')
expect_eq "$(json_get "$OUT" 'j["label"]')" "new phone" "device list"

expect_exit 0 "backup to the device key" "$W" backup --vault "$OLD" -r "$RCPT" -o "$MIG/phone.age" --json
expect_eq "$(json_get "$OUT" 'j["counts"]["transactions"]')" "3000" "backup counts"
expect_eq "$(json_get "$OUT" 'j["includes_identities"]')" "False" "identities left out by default"
run_cmd "$W" status --vault "$OLD" --json
expect_eq "$(json_get "$OUT" 'j["last_backup_at"] is not None')" "True" "backup time recorded"
expect_error 5 "backup refuses to overwrite" "$W" backup --vault "$OLD" -r "$RCPT" -o "$MIG/phone.age"
expect_exit 0 "backup verify" "$W" backup verify --vault "$NEW" "$MIG/phone.age" --json
expect_eq "$(json_get "$OUT" 'j["backup"]["records"]')" "3002" "verify reports the records"

BEFORE_NEW=$(vault_digest "$NEW")
cp -a "$NEW" "$MIG/pristine"
expect_exit 0 "restore on the new phone" "$W" restore --vault "$NEW" "$MIG/phone.age"
expect_contains "$OUT" "Migration checklist" "restore prints the checklist"
expect_contains "$OUT" "Revoke the old device" "checklist names the old device"
expect_eq "$(mig_content "$NEW")" "$(mig_content "$OLD")" "restored content equals the old phone's"
expect_eq "$("$W" device list --vault "$NEW" --json | wc -l)" "1" "the new phone keeps its own key only"
run_cmd "$W" restore --vault "$NEW" "$MIG/phone.age" --lang zh
expect_eq "$CODE" "5" "a vault with data is refused"
expect_contains "$ERR" "--merge" "refusal names --merge"
expect_exit 0 "merge adds nothing new" "$W" restore --vault "$NEW" --merge "$MIG/phone.age" --json
expect_eq "$(json_get "$OUT" 'j["unchanged"]["transactions"]')" "3000" "merge sees everything present"
sqlite3 "$NEW/vault.sqlite" "UPDATE settings SET value = 'en' WHERE key = 'language'; DELETE FROM transactions WHERE CAST(substr(id, 2) AS INTEGER) > 2990;"
expect_exit 1 "merge with a conflict exits 1" "$W" restore --vault "$NEW" --merge "$MIG/phone.age" --json
expect_eq "$(json_get "$OUT" 'j["added"]["transactions"]')" "10" "merge adds the missing rows"
expect_eq "$(json_get "$OUT" '[c["table"] + "/" + c["key"] for c in j["conflicts"]]')" "['settings/language']" "merge reports the conflict"
expect_eq "$(sqlite3 "$NEW/vault.sqlite" "SELECT value FROM settings WHERE key = 'language'")" "en" "the conflict is left alone"
expect_exit 0 "replace" "$W" restore --vault "$NEW" --replace "$MIG/phone.age" --json
COPY=$(json_get "$OUT" 'j["previous_copy"]')
expect_eq "$(sqlite3 "$COPY" "SELECT value FROM settings WHERE key = 'language'")" "en" "the old vault is kept as a dated copy"
expect_eq "$(mig_content "$NEW")" "$(mig_content "$OLD")" "replace installs the backup"
expect_eq "$(wal_header_bytes "$NEW/vault.sqlite")" " 2 2" "the restored vault is already in WAL mode"
expect_eq "$(find "$NEW" -name '.restore-*' | wc -l)" "0" "no staging file is left beside it"
# Another process with the vault open: the swap waits for it (SQLite lock) instead of pulling the file
# from under it, then installs; the new database never sees the old one's WAL.
python3 -c 'import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); c.execute("SELECT count(*) FROM settings").fetchall(); time.sleep(1.5)' "$NEW/vault.sqlite" &
holder=$!
sleep 0.3
expect_exit 0 "replace while another process has the vault open" "$W" restore --vault "$NEW" --replace "$MIG/phone.age"
wait "$holder"
expect_eq "$(mig_content "$NEW")" "$(mig_content "$OLD")" "the waited-for replace installed the backup"
expect_exit 0 "the vault opens after the swap" "$W" status --vault "$NEW"
expect_error 2 "merge and replace together" "$W" restore --vault "$NEW" --merge --replace "$MIG/phone.age"

# Identities travel only with --include-identities; a key from age-keygen opens backups too.
age-keygen -o "$MIG/k.txt" 2>/dev/null
expect_exit 0 "backup with identities" "$W" backup --vault "$OLD" -R <(age-keygen -y "$MIG/k.txt") --include-identities -a -o "$MIG/ids.age"
expect_contains "$(age -d -i "$MIG/k.txt" "$MIG/ids.age" | head -1)" '"format":"walletsec-backup"' "age -d opens a backup"
expect_contains "$(age -d -i "$MIG/k.txt" "$MIG/ids.age")" '"table":"device_identities"' "identities included on request"
THIRD=$(new_vault mig-third)
expect_exit 0 "restore with -i" "$W" restore --vault "$THIRD" -i "$MIG/k.txt" "$MIG/ids.age"
expect_eq "$("$W" device list --vault "$THIRD" --json | wc -l)" "1" "identity restored"
age-keygen -o "$MIG/other.txt" 2>/dev/null
NOKEY=$(new_vault mig-nokey)
expect_error 3 "a key that does not match" "$W" restore --vault "$NOKEY" -i "$MIG/other.txt" "$MIG/ids.age"
expect_error 3 "a vault without device keys" "$W" restore --vault "$NOKEY" "$MIG/ids.age"

# Passphrase backups: strength-checked, opened by the stock age (pty) and restored elsewhere.
expect_error 1 "weak backup passphrase" env WALLETSEC_BACKUP_PASSPHRASE=short "$W" backup --vault "$OLD" -o "$MIG/weak.age"
expect_exit 0 "passphrase backup" env WALLETSEC_BACKUP_PASSPHRASE="$BACKUP_PASS" "$W" backup --vault "$OLD" --passphrase -o "$MIG/pass.age"
python3 "$(dirname "${BASH_SOURCE[0]}")/age_pty.py" "$BACKUP_PASS" -d -o "$MIG/pass.jsonl" "$MIG/pass.age" >/dev/null
expect_contains "$(tail -1 "$MIG/pass.jsonl")" '"type":"trailer"' "age decrypts a passphrase backup to JSON Lines"
FOURTH=$(new_vault mig-fourth)
expect_error 3 "wrong backup passphrase" env WALLETSEC_BACKUP_PASSPHRASE="not it at all" "$W" restore --vault "$FOURTH" "$MIG/pass.age"
expect_exit 0 "restore a passphrase backup" env WALLETSEC_BACKUP_PASSPHRASE="$BACKUP_PASS" "$W" restore --vault "$FOURTH" "$MIG/pass.age"
expect_eq "$(mig_content "$FOURTH")" "$(mig_content "$OLD")" "passphrase backup restores everything"

# Tampered backups: exit 4 (or 3 when the key stanza is hit), the vault untouched, no file left behind.
len=$(stat -c %s "$MIG/phone.age")
bad=0
for i in $(seq 1 20); do
    cp -a "$MIG/pristine/." "$MIG/target" 2>/dev/null || cp -a "$MIG/pristine" "$MIG/target"
    python3 -c 'import sys,random; p=sys.argv[1]; d=bytearray(open(p,"rb").read()); o=random.randrange(len(d)); d[o]^=1<<random.randrange(8); open(p+".t","wb").write(d)' "$MIG/phone.age"
    "$W" restore --vault "$MIG/target" "$MIG/phone.age.t" >/dev/null 2>&1
    code=$?
    if { [ "$code" = 4 ] || [ "$code" = 3 ]; } && [ "$(vault_digest "$MIG/target")" = "$BEFORE_NEW" ] &&
        [ -z "$(ls -A "$MIG/target" | grep -v '^vault.sqlite$')" ]; then :; else bad=$((bad + 1)); echo "tamper run $i: exit $code" >&2; fi
    rm -rf "$MIG/target"
done
expect_eq "$bad" "0" "20 tampered backups rejected, vault untouched"
# The header (with its valid MAC) of another backup to the same key, in front of this one's payload.
"$W" backup --vault "$OLD" -r "$RCPT" -o "$MIG/other.age" >/dev/null
python3 -c 'import sys; a=open(sys.argv[1],"rb").read(); b=open(sys.argv[2],"rb").read(); cut=lambda d: d.index(b"\n", d.index(b"\n--- ")+1)+1; open(sys.argv[3],"wb").write(b[:cut(b)]+a[cut(a):])' "$MIG/phone.age" "$MIG/other.age" "$MIG/spliced.age"
cp -a "$MIG/pristine" "$MIG/target"
expect_error 4 "a header from another backup" "$W" restore --vault "$MIG/target" "$MIG/spliced.age"
expect_eq "$(vault_digest "$MIG/target")" "$BEFORE_NEW" "spliced backup leaves the vault untouched"
rm -rf "$MIG/target"
head -c $((len / 2)) "$MIG/phone.age" >"$MIG/half.age"
cp -a "$MIG/pristine" "$MIG/target"
expect_error 4 "truncated backup" "$W" restore --vault "$MIG/target" "$MIG/half.age"
expect_eq "$(vault_digest "$MIG/target")" "$BEFORE_NEW" "truncated backup leaves the vault untouched"
rm -rf "$MIG/target"

# Crash safety: SIGKILL a replacing restore at 50 random moments.
cp -a "$MIG/pristine" "$MIG/crash-base"
mig_fill "$MIG/crash-base" 5 2>/dev/null || sqlite3 "$MIG/crash-base/vault.sqlite" "INSERT INTO settings VALUES ('x','y')"
BEFORE=$(mig_content "$MIG/crash-base")
cp -a "$MIG/crash-base" "$MIG/crash"
start=$(date +%s%N)
"$W" restore --vault "$MIG/crash" --replace "$MIG/phone.age" >/dev/null
duration_ms=$((($(date +%s%N) - start) / 1000000))
AFTER=$(mig_content "$MIG/crash")
rm -rf "$MIG/crash"
outcomes_before=0
outcomes_after=0
broken=0
for i in $(seq 1 "${MIG_CRASH_RUNS:-50}"); do
    cp -a "$MIG/crash-base" "$MIG/crash"
    "$W" restore --vault "$MIG/crash" --replace "$MIG/phone.age" >/dev/null 2>&1 &
    pid=$!
    delay=$((RANDOM % (duration_ms * 2 + 20)))
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # Opening the vault first lets SQLite roll back a hot journal, as any later walletsec run would.
    if ! opened=$("$W" status --vault "$MIG/crash" 2>&1 >/dev/null); then
        broken=$((broken + 1)); echo "crash run $i: vault does not open after ${delay} ms: $opened" >&2
        ls -la "$MIG/crash" >&2
    elif ! state=$(mig_content "$MIG/crash"); then
        broken=$((broken + 1)); echo "crash run $i: vault unreadable" >&2
    elif [ "$state" = "$BEFORE" ]; then
        outcomes_before=$((outcomes_before + 1))
    elif [ "$state" = "$AFTER" ]; then
        outcomes_after=$((outcomes_after + 1))
    else
        broken=$((broken + 1)); echo "crash run $i: in-between state after ${delay} ms" >&2
    fi
    rm -rf "$MIG/crash"
done
echo "   crash test: $outcomes_before left as before, $outcomes_after fully restored (restore takes ~${duration_ms} ms)"
expect_eq "$broken" "0" "50 SIGKILLed restores leave the vault as before or fully restored"
rm -rf "$MIG"
unset WALLETSEC_PASSPHRASE
