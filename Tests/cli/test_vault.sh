#!/usr/bin/env bash
# End-to-end: init, status, passwd, passphrase channels, exit codes, help, concurrency.

V=$(new_vault vault-main)
expect_eq "$(stat -c %a "$V")" "700" "vault folder is 0700"
expect_eq "$(stat -c %a "$V/vault.sqlite")" "600" "vault file is 0600"
# Made in WAL mode (bytes 18 and 19 of the header are 2), so no first writer has to switch it.
expect_eq "$(wal_header_bytes "$V/vault.sqlite")" " 2 2" "a new vault is in WAL mode"

expect_exit 0 "status --json" "$W" status --vault "$V" --json
expect_eq "$(json_get "$OUT" "j['schema_version'] >= 1")" "True" "status reports schema version"
expect_eq "$(json_get "$OUT" "j['kdf']['algorithm']")" "argon2id13" "status reports the KDF"
expect_eq "$(json_get "$OUT" "sorted(j['counts'].keys()) == sorted(set(j['counts'].keys()))")" "True" "status has counts"
expect_eq "$(json_get "$OUT" "'last_backup_at' in j")" "False" "no backup yet"

# init refuses an existing vault, changes nothing.
before=$(vault_digest "$V")
expect_error 5 "init on an existing vault" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --vault "$V" --kdf-memory 8 --kdf-passes 1
expect_eq "$(vault_digest "$V")" "$before" "failed init left the vault unchanged"

# Wrong passphrase: exit 3, one line, nothing changed, the passphrase is not echoed.
expect_error 3 "wrong passphrase" env WALLETSEC_PASSPHRASE="not-the-passphrase-123" WALLETSEC_NEW_PASSPHRASE="whatever-new-pass-456" "$W" passwd --vault "$V"
expect_not_contains "$ERR" "not-the-passphrase-123" "error does not echo the passphrase"
expect_eq "$(vault_digest "$V")" "$before" "wrong passphrase changed nothing"

# JSON errors are one JSON object on stderr.
expect_error 3 "wrong passphrase --json" env WALLETSEC_PASSPHRASE="nope-nope-nope-1" WALLETSEC_NEW_PASSPHRASE="x-new-passphrase-2" "$W" passwd --vault "$V" --json
expect_eq "$(json_get "$ERR" "j['error']['exit_code'], j['error']['status']")" "(3, 'authentication')" "JSON error object"

# Chinese messages.
expect_error 2 "missing vault (zh)" "$W" status --vault "$E2E_TMP/none" --lang zh
expect_contains "$ERR" "保险库" "Chinese error message"

# passwd through files; old passphrase stops working.
printf '%s\n' "$TEST_PASSPHRASE" >"$E2E_TMP/old.pass"
printf 'the second e2e passphrase 9!\n' >"$E2E_TMP/new.pass"
expect_exit 0 "passwd via files" "$W" passwd --vault "$V" --passphrase-file "$E2E_TMP/old.pass" --new-passphrase-file "$E2E_TMP/new.pass" --kdf-memory 8 --kdf-passes 1
expect_error 3 "old passphrase rejected after passwd" "$W" passwd --vault "$V" --passphrase-file "$E2E_TMP/old.pass" --new-passphrase-file "$E2E_TMP/new.pass"
expect_exit 0 "new passphrase works" "$W" passwd --vault "$V" --passphrase-file "$E2E_TMP/new.pass" --new-passphrase-file "$E2E_TMP/old.pass" --kdf-memory 8 --kdf-passes 1

# Weak new passphrases are refused unless --allow-weak.
printf 'abc\n' >"$E2E_TMP/weak.pass"
expect_error 1 "weak passphrase refused" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --vault "$E2E_TMP/weak" --passphrase-file "$E2E_TMP/weak.pass" --kdf-memory 8 --kdf-passes 1
expect_eq "$(test -e "$E2E_TMP/weak/vault.sqlite" && echo yes || echo no)" "no" "no vault after a refused passphrase"
expect_exit 0 "weak passphrase with --allow-weak" "$W" init --vault "$E2E_TMP/weak" --passphrase-file "$E2E_TMP/weak.pass" --allow-weak --kdf-memory 8 --kdf-passes 1

# No passphrase source and no terminal: a clear usage error, not a hang.
expect_error 2 "no passphrase channel" setsid -w "$W" passwd --vault "$V" </dev/null
expect_contains "$ERR" "WALLETSEC_PASSPHRASE" "error names the channels"

# Empty passphrase file.
: >"$E2E_TMP/empty.pass"
expect_error 2 "empty passphrase file" "$W" init --vault "$E2E_TMP/empty" --passphrase-file "$E2E_TMP/empty.pass"
expect_error 2 "missing passphrase file" "$W" init --vault "$E2E_TMP/empty" --passphrase-file "$E2E_TMP/nope.pass"

# Unsafe folder permissions are refused.
U=$(new_vault unsafe)
chmod 777 "$U"
expect_error 4 "world-writable vault folder" "$W" status --vault "$U"
chmod 700 "$U"

# Not a vault.
mkdir -p -m 700 "$E2E_TMP/garbage"
head -c 8192 /dev/urandom >"$E2E_TMP/garbage/vault.sqlite"
expect_error 4 "garbage vault file" "$W" status --vault "$E2E_TMP/garbage"

# A newer schema is refused with a clear message and not modified.
N=$(new_vault newer)
sqlite3 "$N/vault.sqlite" "PRAGMA user_version = 999;"
before=$(vault_digest "$N")
expect_error 2 "newer schema refused" "$W" status --vault "$N"
expect_contains "$ERR" "newer" "newer-schema message"
expect_eq "$(vault_digest "$N")" "$before" "newer vault untouched"

# Location precedence: --vault > WALLETSEC_HOME > XDG_DATA_HOME > HOME.
expect_exit 0 "XDG_DATA_HOME location" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --kdf-memory 8 --kdf-passes 1 --json
expect_eq "$(json_get "$OUT" "j['path']")" "$XDG_DATA_HOME/walletsec" "default path under XDG_DATA_HOME"
expect_error 2 "WALLETSEC_HOME points to no vault" env WALLETSEC_HOME="$E2E_TMP/wh-none" "$W" status
expect_exit 0 "WALLETSEC_HOME wins over XDG_DATA_HOME" env WALLETSEC_HOME="$E2E_TMP/wh" WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --kdf-memory 8 --kdf-passes 1 --json
expect_eq "$(json_get "$OUT" "j['path']")" "$E2E_TMP/wh" "WALLETSEC_HOME path"
expect_exit 0 "HOME fallback" env -u XDG_DATA_HOME HOME="$E2E_TMP/home2" WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --kdf-memory 8 --kdf-passes 1 --json
expect_eq "$(json_get "$OUT" "j['path']")" "$E2E_TMP/home2/.local/share/walletsec" "default path under HOME"

# Usage errors exit 2; help and version exit 0; every command's help has an example.
expect_error 2 "unknown subcommand" "$W" frobnicate
expect_error 2 "unknown option" "$W" status --frobnicate
expect_exit 0 "--version" "$W" --version
expect_eq "$OUT" "$(grep -o 'version = "[^"]*"' "$(dirname "$0")/../../Sources/WalletsecCLI/Walletsec.swift" 2>/dev/null | cut -d'"' -f2 || echo "$OUT")" "version string"
for cmd in init status passwd; do
    expect_exit 0 "$cmd --help" "$W" "$cmd" --help
    expect_contains "$OUT" "Example" "$cmd --help shows an example"
done

# Concurrency: two inits race for one folder: exactly one wins.
R="$E2E_TMP/race"
for i in 1 2 3; do
    (WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --vault "$R" --kdf-memory 8 --kdf-passes 1 >/dev/null 2>&1; echo $? >"$E2E_TMP/race.$i") &
done
wait
wins=$(cat "$E2E_TMP"/race.* | grep -c '^0$')
expect_eq "$wins" "1" "exactly one concurrent init wins"

# Two concurrent passwd from the same old passphrase: exactly one wins, and its passphrase opens the vault.
C=$(new_vault concurrent)
printf 'racer one passphrase 111\n' >"$E2E_TMP/r1.pass"
printf 'racer two passphrase 222\n' >"$E2E_TMP/r2.pass"
for i in 1 2; do
    ("$W" passwd --vault "$C" --passphrase-file "$E2E_TMP/old.pass" --new-passphrase-file "$E2E_TMP/r$i.pass" --kdf-memory 8 --kdf-passes 1 >/dev/null 2>&1; echo $? >"$E2E_TMP/pw.$i") &
done
wait
wins=$(cat "$E2E_TMP"/pw.1 "$E2E_TMP"/pw.2 | grep -c '^0$')
expect_eq "$wins" "1" "exactly one concurrent passwd wins"
opens=0
for i in 1 2; do
    "$W" passwd --vault "$C" --passphrase-file "$E2E_TMP/r$i.pass" --new-passphrase-file "$E2E_TMP/r$i.pass" --kdf-memory 8 --kdf-passes 1 >/dev/null 2>&1 && opens=$((opens + 1))
done
expect_eq "$opens" "1" "exactly one of the racing passphrases opens the vault"
expect_exit 0 "vault intact after the race" "$W" status --vault "$C"

# Shell completions (what scripts/install installs) generate for every shell.
for shell in bash zsh fish; do
    expect_exit 0 "completion script for $shell" "$W" --generate-completion-script "$shell"
    expect_contains "$OUT" "walletsec" "$shell completion mentions walletsec"
done

# init into an existing shared folder (like /tmp) refuses and leaves the folder's mode alone.
mkdir -p "$E2E_TMP/sharedtmp" && chmod 1777 "$E2E_TMP/sharedtmp"
expect_error 4 "init into a world-writable folder" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --vault "$E2E_TMP/sharedtmp" --kdf-memory 8 --kdf-passes 1
expect_eq "$(stat -c %a "$E2E_TMP/sharedtmp")" "1777" "shared folder mode untouched"
