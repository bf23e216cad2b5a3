#!/usr/bin/env bash
# Shared helpers for the CLI end-to-end tests: run the built binary against temporary vaults
# and count passes and failures. Each Tests/cli/test_*.sh file is sourced by Tests/cli/run.sh.

: "${WALLETSEC_BIN:?set WALLETSEC_BIN to the walletsec binary}"
W="$WALLETSEC_BIN"
PASSED=${PASSED:-0}
FAILED=${FAILED:-0}
FAILURES=${FAILURES:-}
E2E_TMP=${E2E_TMP:-$(mktemp -d /tmp/walletsec-e2e.XXXXXX)}
# Test-only passphrases: never real secrets.
export TEST_PASSPHRASE='e2e-test-passphrase-Zq7!vault'

pass() { PASSED=$((PASSED + 1)); }
fail() {
    FAILED=$((FAILED + 1))
    FAILURES="${FAILURES}  - $1"$'\n'
    echo "FAIL: $1" >&2
}

# new_vault NAME: creates a fast-KDF vault under the run's temp folder and prints its path.
new_vault() {
    local dir="$E2E_TMP/$1"
    WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" init --vault "$dir" --kdf-memory 8 --kdf-passes 1 >/dev/null 2>&1 ||
        { echo "cannot create vault $dir" >&2; return 1; }
    echo "$dir"
}

# run_cmd CMD...: runs a command, capturing $OUT, $ERR and $CODE (stdin is whatever the caller gives).
run_cmd() {
    local out_file="$E2E_TMP/.out" err_file="$E2E_TMP/.err"
    "$@" >"$out_file" 2>"$err_file"
    CODE=$?
    OUT=$(cat "$out_file")
    ERR=$(cat "$err_file")
}

# expect_exit CODE DESCRIPTION CMD...: runs CMD and checks its exit code.
expect_exit() {
    local want=$1 desc=$2
    shift 2
    run_cmd "$@"
    if [ "$CODE" = "$want" ]; then pass; else fail "$desc: exit $CODE, wanted $want (stderr: ${ERR:0:200})"; fi
}

# expect_error CODE DESCRIPTION CMD...: a user error: the code, exactly one stderr line, no stack trace.
expect_error() {
    local want=$1 desc=$2
    shift 2
    expect_exit "$want" "$desc" "$@"
    local lines
    lines=$(printf '%s' "$ERR" | grep -c '' || true)
    if [ "$lines" -ge 1 ] && [ "$lines" -le 2 ] && ! printf '%s' "$ERR" | grep -qiE 'fatal error|stack|backtrace|Current stack'; then
        pass
    else
        fail "$desc: stderr should be one clear line, got $lines lines: ${ERR:0:300}"
    fi
}

expect_contains() {
    local haystack=$1 needle=$2 desc=$3
    if printf '%s' "$haystack" | grep -qF -- "$needle"; then pass; else fail "$desc: missing '$needle' in: ${haystack:0:300}"; fi
}

expect_not_contains() {
    local haystack=$1 needle=$2 desc=$3
    if printf '%s' "$haystack" | grep -qF -- "$needle"; then fail "$desc: found forbidden '$needle'"; else pass; fi
}

expect_eq() {
    if [ "$1" = "$2" ]; then pass; else fail "$3: got '$1', wanted '$2'"; fi
}

# json_get JSON PYTHON_EXPR: evaluates an expression over the parsed object `j`.
json_get() {
    python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}

# wal_header_bytes DB: bytes 18 and 19 of an SQLite file's header (" 2 2" when it is in WAL mode).
wal_header_bytes() {
    od -An -tu1 -j18 -N2 "$1" | tr -s ' '
}

# vault_digest DIR: a digest of the vault's logical content, to prove a failed command changed nothing.
vault_digest() {
    sqlite3 "$1/vault.sqlite" .dump 2>/dev/null | sha256sum | cut -d' ' -f1
}
