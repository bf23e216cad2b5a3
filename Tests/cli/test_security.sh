#!/usr/bin/env bash
# End-to-end: hostile input and secrets (issue 11). No secret in any message, recovery codes never on argv,
# reads that leave the vault file byte-for-byte unchanged (also on read-only media), temporary files removed
# on SIGINT/SIGTERM, and the CLI edges age, gh and pass users expect (folders, /dev/null, -i -, -R -,
# 2fa export to stdout, exact 2fa remove).

S="$E2E_TMP/security"
mkdir -p "$S"
sec() { WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" "$@"; }
file_sha() { sha256sum "$1" | cut -d' ' -f1; }
SV=$(new_vault sec-vault)
SEC_SECRET=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
printf 'otpauth://totp/Wallet:alice?secret=%s&issuer=Wallet\n' "$SEC_SECRET" | sec 2fa add --vault "$SV" >/dev/null 2>&1
printf 'otpauth://totp/Exchange:bob?secret=JBSWY3DPEHPK3PXP&issuer=Exchange\n' | sec 2fa add --vault "$SV" >/dev/null 2>&1
printf 'rec-aaaa-1111\nrec-bbbb-2222\n' | sec 2fa recovery add --vault "$SV" Wallet:alice >/dev/null 2>&1

# --- an identity given as a recipient is named, never printed ----------------------------------
expect_exit 0 "age keygen" "$W" age keygen -o "$S/key.txt"
identity=$(grep '^AGE-SECRET-KEY-1' "$S/key.txt")
recipient=$(grep -o 'age1[a-z0-9]*' "$S/key.txt")
printf 'statement\n' >"$S/plain.txt"
expect_error 2 "age encrypt -R identity file" "$W" age encrypt -R "$S/key.txt" -o "$S/x.age" "$S/plain.txt"
expect_contains "$ERR" "an identity (AGE-SECRET-KEY-1…), not a recipient" "says it is an identity"
expect_not_contains "$ERR" "${identity#AGE-SECRET-KEY-1}" "the identity's key is not printed (-R)"
expect_error 2 "age encrypt -r identity text" "$W" age encrypt -r "$identity" -o "$S/x.age" "$S/plain.txt"
expect_not_contains "$ERR" "${identity#AGE-SECRET-KEY-1}" "the identity's key is not printed (-r)"
expect_error 2 "backup -R identity file" sec backup --vault "$SV" -R "$S/key.txt" -o "$S/x.age"
expect_not_contains "$ERR" "${identity#AGE-SECRET-KEY-1}" "the identity's key is not printed (backup)"
printf 'hunter2-not-a-recipient\n' >"$S/passphrase.txt"
expect_error 2 "a passphrase file as -R" "$W" age encrypt -R "$S/passphrase.txt" -o "$S/x.age" "$S/plain.txt"
expect_contains "$ERR" "line 1" "the bad line is named by number"
expect_not_contains "$ERR" "hunter2" "the bad line is not quoted"
expect_eq "$(ls -A "$S" | grep -c '^x.age\|tmp' || true)" "0" "no output or temporary file after the refusals"

# --- secrets in URIs, passwords and passphrases never reach stderr or stdout -----------------------
for uri in "otpauth://totp/X:y?secret=${SEC_SECRET}&digits=99" "otpauth://totp/X:y?secret=${SEC_SECRET}&algorithm=MD5" \
    "otpauth://bogus/X:y?secret=${SEC_SECRET}" "otpauth://totp/X:y?secret=${SEC_SECRET}&secret=${SEC_SECRET}"; do
    run_cmd sec 2fa add --vault "$SV" <<<"$uri"
    expect_eq "$CODE" "2" "malformed URI refused: ${uri%%\?*}"
    expect_not_contains "$OUT$ERR" "$SEC_SECRET" "the URI's secret is not echoed"
    printf '%s\n' "$uri" >"$S/uris.txt"
    run_cmd sec 2fa import --vault "$SV" "$S/uris.txt" --json
    expect_not_contains "$OUT$ERR" "$SEC_SECRET" "an import's skipped entry does not echo the secret"
    run_cmd "$W" 2fa lint <<<"$uri"
    expect_not_contains "$OUT$ERR" "$SEC_SECRET" "lint does not echo the secret"
done
expect_error 3 "wrong passphrase (code)" env WALLETSEC_PASSPHRASE='wrong-passphrase-Secret-99' "$W" 2fa code --vault "$SV"
expect_not_contains "$OUT$ERR" "wrong-passphrase-Secret-99" "a wrong passphrase is not echoed"
expect_error 3 "wrong passphrase (--json)" env WALLETSEC_PASSPHRASE='wrong-passphrase-Secret-99' "$W" 2fa code --vault "$SV" --json
expect_not_contains "$OUT$ERR" "wrong-passphrase-Secret-99" "a wrong passphrase is not in the JSON error"

# --- recovery codes never on the command line -------------------------------------------------------
expect_error 2 "recovery code as an argument" sec 2fa recovery use --vault "$SV" Wallet:alice rec-aaaa-1111
expect_contains "$ERR" "standard input" "says how to pass the code"
expect_exit 0 "the refused code is still unused" sec 2fa recovery show --vault "$SV" Wallet:alice --json
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([o["used"] for o in map(json.loads, sys.stdin)])')" "[False, False]" "nothing was marked"
expect_exit 0 "recovery code on stdin" sec 2fa recovery use --vault "$SV" Wallet:alice <<<"rec-aaaa-1111"
expect_not_contains "$OUT$ERR" "rec-aaaa-1111" "the used code is not printed"
expect_error 2 "empty recovery code" sec 2fa recovery use --vault "$SV" Wallet:alice </dev/null

# --- reads never write -------------------------------------------------------------------------------
before=$(file_sha "$SV/vault.sqlite")
expect_exit 0 "status" "$W" status --vault "$SV"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "status left the vault file unchanged"
expect_exit 0 "2fa list" "$W" 2fa list --vault "$SV"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "2fa list left the vault file unchanged"
expect_exit 0 "2fa code (TOTP)" sec 2fa code --vault "$SV"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "2fa code left the vault file unchanged"
expect_exit 0 "history list" "$W" history list --vault "$SV"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "history list left the vault file unchanged"
expect_exit 0 "recovery show" sec 2fa recovery show --vault "$SV" Wallet:alice
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "recovery show left the vault file unchanged"
run_cmd env WALLETSEC_PASSPHRASE='not-the-vault-passphrase-1' "$W" 2fa add --vault "$SV" <<<"otpauth://totp/New:one?secret=JBSWY3DPEHPK3PXP"
expect_eq "$CODE" "3" "wrong passphrase refused: 2fa add"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "wrong passphrase left the vault file unchanged: 2fa add"
for args in "2fa code" "2fa export --format uris --output $S/never.txt" "backup -r $recipient -o $S/never.age" \
    "2fa remove Wallet:alice --yes" "2fa recovery show Wallet:alice"; do
    # shellcheck disable=SC2086
    run_cmd env WALLETSEC_PASSPHRASE='not-the-vault-passphrase-1' "$W" $args --vault "$SV" </dev/null
    expect_eq "$CODE" "3" "wrong passphrase refused: $args"
    expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "wrong passphrase left the vault file unchanged: $args"
done
expect_exit 0 "backup for verify" sec backup --vault "$SV" -r "$recipient" -o "$S/verify.age"
before=$(file_sha "$SV/vault.sqlite")
expect_exit 0 "backup verify" sec backup verify --vault "$SV" -i "$S/key.txt" "$S/verify.age"
expect_eq "$(file_sha "$SV/vault.sqlite")" "$before" "backup verify left the vault file unchanged"

# A crafted backup (one value out of range) is refused whole with its record named; nothing is stored.
expect_exit 0 "decrypt the backup's payload" "$W" age decrypt -i "$S/key.txt" -o "$S/payload.jsonl" "$S/verify.age"
crafted_record=$(python3 - "$S/payload.jsonl" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
for i, line in enumerate(lines):
    if '"table":"otp_accounts"' in line:
        lines[i] = re.sub(r'"digits":[0-9]+', '"digits":9223372036854775807', line, count=1)
        print(i + 1)
        break
open(sys.argv[1], "w").write("\n".join(lines))
PY
)
expect_exit 0 "re-encrypt the crafted payload" "$W" age encrypt -r "$recipient" -o "$S/crafted.age" "$S/payload.jsonl"
rm -f "$S/payload.jsonl"
CV=$(new_vault crafted-restore)
crafted_before=$(file_sha "$CV/vault.sqlite")
expect_error 4 "restore of a crafted backup" sec restore --vault "$CV" -i "$S/key.txt" "$S/crafted.age"
expect_contains "$ERR" "record $crafted_record has a bad value for otp_accounts.digits" "the record and column are named"
expect_eq "$(file_sha "$CV/vault.sqlite")" "$crafted_before" "the refused restore left the vault file unchanged"
expect_error 4 "zh: restore of a crafted backup" sec --lang zh restore --vault "$CV" -i "$S/key.txt" "$S/crafted.age"
expect_contains "$ERR" "第 $crafted_record 条记录中 otp_accounts.digits 的值无效" "zh: the record and column are named"
expect_error 4 "backup verify of a crafted backup" sec backup verify --vault "$SV" -i "$S/key.txt" "$S/crafted.age"

expect_exit 0 "a write still works after reads" sec 2fa rename --vault "$SV" Exchange:bob Exchange:carol
expect_exit 0 "and is visible" "$W" 2fa list --vault "$SV"
expect_contains "$OUT" "Exchange:carol" "renamed account listed"

# A writer killed mid-transaction in rollback-journal mode (a replacing restore switches the old vault's
# journal mode, and the first open after it switches back) leaves a hot journal, which a read-only
# connection may not roll back: the next command, even a read, lets SQLite roll it back and goes on.
# kill_writer_mid_transaction DB: switches DB to rollback-journal mode and leaves it with a hot journal.
kill_writer_mid_transaction() {
    python3 - "$1" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=DELETE")
db.close()
pid = os.fork()
if pid == 0:
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA cache_size=1")  # pages spill into the file before the commit that never comes
    db.execute("BEGIN IMMEDIATE")
    db.execute("CREATE TABLE half_written(x)")
    db.execute("INSERT INTO half_written SELECT randomblob(4000) FROM"
               " (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 500) SELECT i FROM c)")
    os._exit(0)
os.waitpid(pid, 0)
PY
}
HV="$S/hot-journal"
cp -a "$SV" "$HV"
kill_writer_mid_transaction "$HV/vault.sqlite"
expect_eq "$(test -s "$HV/vault.sqlite-journal" && echo hot)" "hot" "a killed writer left a hot journal"
expect_exit 0 "status after a killed writer" "$W" status --vault "$HV" --json
expect_eq "$(json_get "$OUT" "j['counts']['otp_accounts']")" "2" "the committed accounts are all there"
expect_eq "$(sqlite3 "$HV/vault.sqlite" "SELECT count(*) FROM sqlite_master WHERE name = 'half_written'")" "0" \
    "the uncommitted change was rolled back"
expect_exit 0 "2fa code after a killed writer" sec 2fa code --vault "$HV" Wallet:alice
rm -rf "$HV"

# A vault made by an earlier walletsec is in rollback-journal mode until its first writer switches it to
# WAL. SQLite answers that switch "busy" at once, without waiting, while another process is writing
# (waiting could deadlock), so a command started beside another one failed with exit 5. Another
# process holds a write transaction for a moment; the command waits for it and succeeds.
BV="$S/rollback-mode"
cp -a "$SV" "$BV"
hold_write() {
    rm -f "$BV/held"
    python3 - "$BV" "$1" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1] + "/vault.sqlite", isolation_level=None)
db.execute("PRAGMA journal_mode=DELETE")
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
open(sys.argv[1] + "/held", "w").close()
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
PY
    HOLDER=$!
    for _ in $(seq 1 400); do test -e "$BV/held" && break; sleep 0.05; done
}
hold_write 0.5
expect_exit 0 "2fa rename beside another writer, on a rollback-journal vault" sec 2fa rename --vault "$BV" \
    Wallet:alice Wallet:ann
wait "$HOLDER"
expect_eq "$(sqlite3 "$BV/vault.sqlite" "PRAGMA journal_mode")" "wal" "the first writer switched it to WAL"
expect_eq "$(sqlite3 "$BV/vault.sqlite" "SELECT value FROM settings WHERE key = 'held'")" "1" \
    "the other process's write is kept"
expect_exit 0 "the rename is there" "$W" 2fa list --vault "$BV"
expect_contains "$OUT" "Wallet:ann" "renamed beside the other writer"
rm -rf "$BV"

# A vault on read-only media can be inspected: a read-only bind mount (root), else skipped.
RO="$S/ro"
mkdir -p "$RO" && chmod 700 "$RO"
cp -a "$SV/vault.sqlite" "$RO/vault.sqlite"
if mount --bind -o ro "$RO" "$RO" 2>/dev/null; then
    if touch "$RO/probe" 2>/dev/null; then
        rm -f "$RO/probe"
        echo "note: read-only bind mount is writable here; read-only media test skipped" >&2
    else
        ro_before=$(file_sha "$RO/vault.sqlite")
        expect_exit 0 "status on read-only media" "$W" status --vault "$RO" --json
        expect_eq "$(json_get "$OUT" "j['counts']['otp_accounts']")" "2" "read-only vault counted"
        expect_exit 0 "2fa list on read-only media" "$W" 2fa list --vault "$RO"
        expect_exit 0 "2fa code on read-only media" sec 2fa code --vault "$RO" Wallet:alice
        expect_error 2 "a change on read-only media" sec 2fa rename --vault "$RO" Wallet:alice Wallet:zed
        expect_contains "$ERR" "read-only media" "says why"
        expect_eq "$(file_sha "$RO/vault.sqlite")" "$ro_before" "read-only vault unchanged"
        expect_eq "$(ls -A "$RO")" "vault.sqlite" "nothing created beside it"
    fi
    umount "$RO"
    # A write cut off on writable media, then the media made read-only: the recovery SQLite does on
    # open cannot write, and reading past the journal would read a half-written file. Refused, saying
    # so (it was exit 70 with SQLite's words); on writable media again, the next command recovers.
    kill_writer_mid_transaction "$RO/vault.sqlite"
    if mount --bind -o ro "$RO" "$RO" 2>/dev/null && ! touch "$RO/probe" 2>/dev/null; then
        hot_before=$(file_sha "$RO/vault.sqlite")
        expect_error 2 "status of a vault left mid-write, on read-only media" "$W" status --vault "$RO"
        expect_contains "$ERR" "was not closed cleanly" "says why"
        expect_contains "$ERR" "copy the folder to writable storage" "and what to do"
        expect_error 2 "zh: 2fa list of a vault left mid-write, on read-only media" "$W" --lang zh 2fa list --vault "$RO"
        expect_contains "$ERR" "上次未正常关闭" "zh: says why"
        expect_eq "$(file_sha "$RO/vault.sqlite")" "$hot_before" "the vault left mid-write is unchanged"
        umount "$RO"
        expect_exit 0 "status once the media is writable again" "$W" status --vault "$RO" --json
        expect_eq "$(json_get "$OUT" "j['counts']['otp_accounts']")" "2" "recovered: the committed accounts are there"
        # A change committed to the WAL but not yet into the file, by a process that was killed, and the
        # index (-shm) not copied along: SQLite cannot read that log on read-only media, and the file
        # alone is out of date (it was read as such before, silently missing the change).
        python3 - "$RO/vault.sqlite" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA wal_autocheckpoint=0")
db.execute("UPDATE otp_accounts SET account = 'only-in-the-log' WHERE account = 'alice'")
os._exit(0)
PY
        rm -f "$RO/vault.sqlite-shm"
        if mount --bind -o ro "$RO" "$RO" 2>/dev/null && ! touch "$RO/probe" 2>/dev/null; then
            expect_error 2 "2fa list of a vault whose last change is only in the log, on read-only media" \
                "$W" 2fa list --vault "$RO"
            expect_contains "$ERR" "was not closed cleanly" "says why, instead of listing the old name"
            umount "$RO"
            expect_exit 0 "2fa list once the media is writable again" "$W" 2fa list --vault "$RO"
            expect_contains "$OUT" "Wallet:only-in-the-log" "the change from the log is there"
        else
            rm -f "$RO/probe"
            umount "$RO" 2>/dev/null
        fi
    else
        rm -f "$RO/probe"
        umount "$RO" 2>/dev/null
    fi
else
    echo "note: cannot bind-mount read-only (not root?); read-only media test skipped" >&2
fi

# --- temporary files removed on SIGINT and SIGTERM ----------------------------------------------------
GEN="$(dirname "$W")/gen-statements"
BIG=$(new_vault sec-big)
"$GEN" --out "$S/big" --rows 60000 --accounts 1 --formats alipay >/dev/null 2>&1
"$W" history import --vault "$BIG" "$S"/big/*.alipay.csv >/dev/null 2>&1
mkdir -p "$S/out"
set -m # job control: background jobs keep the default SIGINT disposition
for sig in INT TERM; do
    # The binary itself in the background (not a shell function), so the signal reaches it. A suite
    # started in the background of a non-interactive shell inherits SIGINT ignored, which bash cannot
    # undo and walletsec rightly keeps (nohup's contract); python resets both signals before the exec,
    # as a terminal's Ctrl-C would find them.
    WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$W" backup --vault "$BIG" -r "$recipient" -o "$S/out/big.age" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        [ -n "$(find "$S/out" -name '.big.age.tmp-*' -size +100k 2>/dev/null)" ] && break
        sleep 0.05
    done
    seen=$(find "$S/out" -name '.big.age.tmp-*' | wc -l)
    kill -"$sig" "$pid"
    wait "$pid"
    status=$?
    expect_eq "$seen" "1" "a temporary file was being written before SIG$sig"
    expect_eq "$status" "$((128 + $(kill -l "$sig")))" "backup ended by SIG$sig"
    expect_eq "$(ls -A "$S/out")" "" "no temporary file left after SIG$sig"
done
set +m
expect_exit 0 "last backup not recorded by the interrupted runs" "$W" status --vault "$BIG" --json
expect_eq "$(json_get "$OUT" "'last_backup_at' in j")" "False" "no backup recorded"

# --- a folder where a file is expected: exit 2, one line ----------------------------------------------
mkdir -p "$S/folder"
expect_error 2 "age encrypt -o folder" "$W" age encrypt -r "$recipient" -o "$S/folder" "$S/plain.txt"
expect_error 2 "age encrypt input folder" "$W" age encrypt -r "$recipient" -o "$S/f.age" "$S/folder"
expect_error 2 "age encrypt -R folder" "$W" age encrypt -R "$S/folder" -o "$S/f.age" "$S/plain.txt"
expect_error 2 "age decrypt -i folder" "$W" age decrypt -i "$S/folder" "$S/verify.age"
expect_error 2 "age keygen -o folder" "$W" age keygen -o "$S/folder"
expect_error 2 "backup -o folder" sec backup --vault "$SV" -r "$recipient" -o "$S/folder"
expect_error 2 "backup verify folder" sec backup verify --vault "$SV" "$S/folder"
expect_error 2 "restore folder" sec restore --vault "$SV" --merge "$S/folder"
expect_error 2 "2fa import folder" sec 2fa import --vault "$SV" "$S/folder"
expect_error 2 "2fa export --output folder" sec 2fa export --vault "$SV" --format uris --output "$S/folder"
expect_error 2 "--passphrase-file folder" "$W" 2fa code --vault "$SV" --passphrase-file "$S/folder"
expect_error 2 "scan folder" "$W" scan --no-history "$S/folder"
expect_error 2 "scan --rules folder" "$W" scan --no-history --format csv --rules "$S/folder" "$S/plain.txt"
expect_error 2 "history import folder" "$W" history import --vault "$SV" "$S/folder"
expect_error 2 "password --breach-list folder" "$W" password check --stdin --breach-list "$S/folder" <<<"x"
expect_eq "$(ls -A "$S/folder")" "" "nothing written into the folder"

# --- special files and standard input, as in age -----------------------------------------------------
expect_exit 0 "age encrypt -o /dev/null" "$W" age encrypt -r "$recipient" -o /dev/null "$S/plain.txt"
expect_exit 0 "age decrypt -o /dev/null" "$W" age decrypt -i "$S/key.txt" -o /dev/null "$S/verify.age"
expect_exit 0 "backup -o /dev/null" sec backup --vault "$SV" -r "$recipient" -o /dev/null
expect_exit 0 "2fa export -o /dev/null" sec 2fa export --vault "$SV" --format uris --output /dev/null
expect_exit 0 "age encrypt -R - (recipients on stdin)" "$W" age encrypt -R - -o "$S/stdin.age" "$S/plain.txt" <<<"$recipient"
expect_exit 0 "age decrypt -i - (identity on stdin)" "$W" age decrypt -i - "$S/stdin.age" <"$S/key.txt"
expect_eq "$OUT" "statement" "decrypted with the identity from stdin"
expect_error 2 "-i - with the data on stdin too" "$W" age decrypt -i - <"$S/key.txt"
mkfifo "$S/pipe"
(cat "$S/pipe" >"$S/from-pipe.age") &
expect_exit 0 "age encrypt into a FIFO" "$W" age encrypt -r "$recipient" -o "$S/pipe" "$S/plain.txt"
wait
expect_exit 0 "what went through the FIFO decrypts" "$W" age decrypt -i "$S/key.txt" "$S/from-pipe.age"
expect_eq "$OUT" "statement" "FIFO output is a whole age file"

# --- 2fa export to standard output ---------------------------------------------------------------------
expect_exit 0 "2fa export --output - (pipe)" sec 2fa export --vault "$SV" --format uris --output -
expect_contains "$OUT" "secret=$SEC_SECRET" "the export is on stdout"
expect_eq "$(ls -A "$PWD" | grep -cx -- '-' || true)" "0" "no file named '-'"
run_cmd python3 "$(dirname "${BASH_SOURCE[0]}")/tty_run.py" "" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
    "$W" 2fa export --vault "$SV" --format uris --output -
expect_eq "$CODE" "2" "export to a terminal refused"
expect_not_contains "$OUT" "$SEC_SECRET" "no secret on the terminal"
run_cmd python3 "$(dirname "${BASH_SOURCE[0]}")/tty_run.py" "" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
    "$W" 2fa export --vault "$SV" --format uris --output - --force
expect_eq "$CODE" "0" "export to a terminal with --force"
expect_contains "$OUT" "$SEC_SECRET" "--force prints it"

# --- 2fa remove: exact name, confirmation -------------------------------------------------------------
expect_error 2 "remove by a part of the name" sec 2fa remove --vault "$SV" wal --yes
expect_contains "$ERR" "Wallet:alice" "suggests the full name"
expect_error 2 "remove without a terminal and without --yes" sec 2fa remove --vault "$SV" Wallet:alice </dev/null
expect_contains "$ERR" "--yes" "says to pass --yes"
run_cmd python3 "$(dirname "${BASH_SOURCE[0]}")/tty_run.py" "n" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
    "$W" 2fa remove --vault "$SV" Wallet:alice
expect_eq "$CODE" "2" "answering no removes nothing"
expect_exit 0 "still listed" "$W" 2fa list --vault "$SV"
expect_contains "$OUT" "Wallet:alice" "Wallet:alice kept"
run_cmd python3 "$(dirname "${BASH_SOURCE[0]}")/tty_run.py" "y" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
    "$W" 2fa remove --vault "$SV" Wallet:alice
expect_eq "$CODE" "0" "answering yes removes"
expect_exit 0 "list after remove" "$W" 2fa list --vault "$SV"
expect_not_contains "$OUT" "Wallet:alice" "Wallet:alice removed"

# --- history ack: only an alert id a scan of this vault printed -----------------------------------------
AV=$(new_vault sec-ack)
"$GEN" --out "$S/small" --rows 400 --accounts 1 --formats alipay >/dev/null 2>&1
small=$(ls "$S"/small/*.alipay.csv)
expect_exit 0 "scan without the vault" "$W" scan --vault "$AV" --no-history "$small" --json
unseen=$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([j["id"] for j in map(json.loads, sys.stdin) if "id" in j][0])')
before=$(file_sha "$AV/vault.sqlite")
expect_error 2 "ack of an id no scan of this vault printed" "$W" history ack "$unseen" --vault "$AV"
expect_contains "$ERR" "no scan of this vault reported" "says why"
expect_error 2 "ack of a well-formed made-up id" "$W" history ack dup-0123abcd --vault "$AV"
expect_eq "$(file_sha "$AV/vault.sqlite")" "$before" "refused acks changed nothing"
expect_exit 0 "scan with the vault" "$W" scan --vault "$AV" "$small" --json
seen=$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([j["id"] for j in map(json.loads, sys.stdin) if "id" in j][0])')
expect_eq "$seen" "$unseen" "the same alert"
expect_exit 0 "ack of an id the scan printed" "$W" history ack "$seen" --vault "$AV" --json
expect_eq "$(json_get "$OUT" "j['acknowledged'], j['found_in_history']")" "(True, False)" "acknowledged from the scan's record"
expect_error 2 "another profile's scan does not count" "$W" history ack "$seen" --vault "$AV" --profile other
expect_exit 0 "the acknowledged alert is hidden next time" "$W" scan --vault "$AV" "$small" --json
expect_not_contains "$OUT" "\"id\":\"$seen\"" "hidden after ack"

# --- escape sequences in outside text never reach the terminal -------------------------------------------
# A counterparty, an issuer or a file name can carry ESC ] 0 (window title), ESC ] 52 (clipboard),
# ESC [ 2J (clear screen), a carriage return or a C1 CSI (U+009B). Human output must show them as inert
# text; JSON keeps the exact data (escaped by the encoder).
controls_in_output() {
    python3 - "$E2E_TMP/.out" "$E2E_TMP/.err" <<'PY'
import sys
data = b"".join(open(p, "rb").read() for p in sys.argv[1:])
bad = [b for b in data if (b < 0x20 and b not in (9, 10)) or b == 0x7f]
print("none" if not bad and b"\xc2\x9b" not in data else "found %r" % bad[:8])
PY
}
EV=$(new_vault escape-vault)
hostile_name=$'Shop\033]0;pwned\007\033]52;c;ZXZpbA==\007\033[2J\r\302\233X'
{
    printf '%s\n' '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>'
    for fitid in esc1 esc2; do
        printf '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105120000<TRNAMT>-49.00<FITID>%s<NAME>%s</STMTTRN>\n' \
            "$fitid" "$hostile_name"
    done
    printf '%s\n' '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'
} >"$S/escape.ofx"
run_cmd "$W" scan "$S/escape.ofx" --no-history
expect_contains "$OUT" "Shop]0;pwned" "scan table: the counterparty is shown"
expect_eq "$(controls_in_output)" "none" "scan table: no control character from the statement"
run_cmd "$W" scan "$S/escape.ofx" --no-history --json
expect_contains "$OUT" 'Shop\u001b]0;pwned' "scan --json keeps the exact counterparty, escaped"
expect_exit 0 "import the statement" sec history import "$S/escape.ofx" --vault "$EV"
run_cmd sec history list --vault "$EV"
expect_contains "$OUT" "Shop]0;pwned" "history list: the counterparty is shown"
expect_eq "$(controls_in_output)" "none" "history list: no control character from the statement"
run_cmd "$W" scan "$S/escape"$'\033]0;t\007'".ofx" --no-history
expect_eq "$CODE" "2" "a missing file whose name holds escapes: exit 2"
expect_eq "$(controls_in_output)" "none" "the error names the file without its control characters"
printf 'otpauth://totp/Evil%%1B%%5D0%%3Bpwned%%07:eve?secret=JBSWY3DPEHPK3PXP&issuer=Evil%%1B%%5D0%%3Bpwned%%07\n' |
    run_cmd sec 2fa add --vault "$EV"
expect_eq "$(controls_in_output)" "none" "2fa add: no control character from the URI"
run_cmd sec 2fa list --vault "$EV"
expect_eq "$(controls_in_output)" "none" "2fa list: no control character from a stored name"
# Names lose their control characters when they are stored, so JSON and exports carry none either.
run_cmd sec 2fa list --vault "$EV" --json
expect_contains "$OUT" '"issuer":"Evil]0;pwned"' "2fa list --json: the issuer as stored, without its controls"
expect_not_contains "$OUT" '\u001b' "2fa list --json: no escape in a stored name"
expect_exit 0 "export the account" sec 2fa export --vault "$EV" --format uris --output "$S/escape-uris.txt"
expect_not_contains "$(cat "$S/escape-uris.txt")" "%1B" "the export carries no escape on to another app"
