#!/usr/bin/env bash
# End-to-end: walletsec 2fa. Enrollment, codes against oathtool, replay protection (also across two
# concurrent processes), every import format from independently generated fixtures, exports and their
# round trips, recovery codes, and every bad-input path leaving the vault untouched.

otp() { WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" "$@"; }
OTP_SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
OTP_DIR="$E2E_TMP/2fa"
mkdir -p "$OTP_DIR"
printf '%s\n' "$OTP_SECRET" >"$OTP_DIR/secret.txt"
V=$(new_vault otp-main)

# --- enroll ---------------------------------------------------------------------------------------
expect_error 1 "enroll with a wrong confirmation code" \
    otp 2fa enroll --vault "$V" --issuer Wallet --account alice --secret-file "$OTP_DIR/secret.txt" --confirm 000000 \
    --qr-png "$OTP_DIR/failed.png"
expect_contains "$ERR" "walletsec 2fa enroll --resume" "a failed enroll says how to retry with the same key"
expect_eq "$(sqlite3 "$V/vault.sqlite" 'SELECT COUNT(*) FROM otp_accounts')" "0" "a failed enroll stores no account"
expect_eq "$(sqlite3 "$V/vault.sqlite" "SELECT COUNT(*) FROM meta WHERE key = 'pending_enrollment'")" "1" \
    "a failed enroll keeps the new secret for --resume"
expect_not_contains "$(sqlite3 "$V/vault.sqlite" .dump)" "$OTP_SECRET" "the kept secret is sealed"
expect_eq "$(test -e "$OTP_DIR/failed.png" && echo left || echo removed)" "removed" "a failed enroll removes its QR PNG"
expect_error 1 "resume with a wrong code again" otp 2fa enroll --vault "$V" --resume --confirm 000000
expect_error 2 "resume takes no new account" otp 2fa enroll --vault "$V" --resume --issuer X --confirm 000000
# Ten minutes later the kept secret is gone (and stays gone).
RV10=$(new_vault enroll-expiry)
expect_error 1 "a failed enroll to let expire" otp 2fa enroll --vault "$RV10" --issuer Wallet --account late --confirm 000000
expect_error 2 "resume after ten minutes" otp 2fa enroll --vault "$RV10" --resume --at $(( $(date +%s) + 660 )) --confirm 000000
expect_contains "$ERR" "no enrollment to resume" "expired enrollment explained"
expect_eq "$(sqlite3 "$RV10/vault.sqlite" "SELECT COUNT(*) FROM meta WHERE key = 'pending_enrollment'")" "0" "expired enrollment removed"
expect_error 2 "enroll without a terminal or --confirm" bash -c 'WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" setsid -w "$1" 2fa enroll --vault "$2" --issuer A --account b </dev/null' _ "$W" "$RV10"
before=$(vault_digest "$V")
expect_error 2 "enroll with a bad Base32 secret file" \
    bash -c 'printf "AB1CD\n" > "$1/bad-secret.txt"; WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$2" 2fa enroll --vault "$3" --issuer X --account y --secret-file "$1/bad-secret.txt" --confirm 123456' _ "$OTP_DIR" "$W" "$V"
expect_eq "$(vault_digest "$V")" "$before" "bad Base32 stores nothing"

code=$(oathtool --totp -b "$OTP_SECRET")
expect_exit 0 "enroll with --confirm" otp 2fa enroll --vault "$V" --issuer Wallet --account alice \
    --secret-file "$OTP_DIR/secret.txt" --confirm "$code" --qr-png "$OTP_DIR/enroll.png"
expect_contains "$OUT" "otpauth://totp/Wallet:alice?secret=$OTP_SECRET&issuer=Wallet&algorithm=SHA1&digits=6&period=30" "enroll shows the URI"
expect_contains "$OUT" "▀" "enroll draws a QR code with half blocks"
expect_eq "$(stat -c %a "$OTP_DIR/enroll.png")" "600" "QR PNG is private"
expect_eq "$(head -c 8 "$OTP_DIR/enroll.png" | od -An -tx1 | tr -d ' \n')" "89504e470d0a1a0a" "QR PNG signature"
if command -v zbarimg >/dev/null; then
    expect_eq "$(zbarimg -q --raw "$OTP_DIR/enroll.png" 2>/dev/null)" \
        "otpauth://totp/Wallet:alice?secret=$OTP_SECRET&issuer=Wallet&algorithm=SHA1&digits=6&period=30" "QR PNG decodes to the URI"
else
    echo "skipped: zbarimg not installed, the QR PNG is not decoded"
fi
expect_error 5 "enroll the same account twice" \
    otp 2fa enroll --vault "$V" --issuer Wallet --account alice --secret-file "$OTP_DIR/secret.txt" --confirm "$code"
# The confirmation code was accepted at enrollment: it cannot be replayed.
expect_exit 1 "the enrollment code is already used" otp 2fa verify --vault "$V" Wallet:alice "$code"
expect_contains "$OUT" "this code was already used; wait for the next one" "replay said in plain words"
expect_exit 1 "the enrollment code is already used (zh)" otp 2fa verify --vault "$V" Wallet:alice "$code" --lang zh
expect_contains "$OUT" "此验证码已使用过，请等待下一个验证码" "replay said in plain words (zh)"
expect_eq "$(sqlite3 "$V/vault.sqlite" "SELECT COUNT(*) FROM meta WHERE key = 'pending_enrollment'")" "0" \
    "a successful enroll forgets the kept secret"
expect_exit 0 "enroll shows a key to type by hand" otp 2fa enroll --vault "$RV10" --issuer 招商银行 --account manual \
    --secret-file "$OTP_DIR/secret.txt" --confirm "$(oathtool --totp -b "$OTP_SECRET")"
expect_contains "$OUT" "Key: JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP  (time-based, 6 digits, 30 seconds)" \
    "the manual key is shown in groups of four"
expect_contains "$OUT" "Enter by hand: issuer 招商银行  account manual" "issuer and account beside the manual key"

# --- enroll at a terminal (a pseudo-terminal driver types like a person) -------------------------
ENROLL_PTY="$(dirname "${BASH_SOURCE[0]}")/enroll_pty.py"
PV=$(new_vault enroll-pty)
run_cmd env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" python3 "$ENROLL_PTY" retry "$W" "$PV"
if [ "$CODE" = 0 ]; then pass; else fail "enroll at a terminal: wrong code then right code: $ERR"; fi
pty_code=$(printf '%s\n' "$OUT" | sed -n 's/^CODE=//p')
expect_exit 1 "verify right after enrolling" otp 2fa verify --vault "$PV" alice "$pty_code"
expect_contains "$OUT" "already used" "verify right after enrolling says the code was used"
run_cmd env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" python3 "$ENROLL_PTY" fail3 "$W" "$PV"
if [ "$CODE" = 0 ]; then pass; else fail "enroll at a terminal: three wrong codes: $ERR"; fi
pty_key=$(printf '%s\n' "$OUT" | sed -n 's/^KEY=//p')
expect_eq "$(sqlite3 "$PV/vault.sqlite" "SELECT COUNT(*) FROM otp_accounts WHERE account = 'bob'")" "0" "three wrong codes store no account"
run_cmd env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" python3 "$ENROLL_PTY" resume "$W" "$PV" "$pty_key"
if [ "$CODE" = 0 ]; then pass; else fail "enroll --resume at a terminal: $ERR"; fi
expect_exit 0 "the resumed account gives codes" otp 2fa code --vault "$PV" Wallet:bob --json
expect_eq "$(json_get "$OUT" 'j["code"]')" "$(oathtool --totp -b "$pty_key")" "resumed with the same secret"

# --- list / code ------------------------------------------------------------------------------------
expect_exit 0 "list needs no passphrase" "$W" 2fa list --vault "$V" --json
expect_eq "$(json_get "$OUT" 'j["name"] + " " + j["type"] + " " + str(j["digits"])')" "Wallet:alice totp 6" "list JSON"
expect_not_contains "$OUT" "$OTP_SECRET" "list shows no secret"
at=1700000000
expect_exit 0 "code --at" otp 2fa code --vault "$V" wallet --at $at --json
expect_eq "$(json_get "$OUT" 'j["code"]')" "$(oathtool --totp -b -N @$at "$OTP_SECRET")" "code matches oathtool"
expect_eq "$(json_get "$OUT" 'sorted(j.keys())')" "['account', 'code', 'issuer', 'name', 'seconds_left', 'type']" "code JSON fields"
expect_eq "$(json_get "$OUT" 'j["seconds_left"]')" "$((30 - at % 30))" "seconds_left"
expect_error 2 "code for an unknown name" otp 2fa code --vault "$V" nosuch
expect_error 3 "code with a wrong passphrase" env WALLETSEC_PASSPHRASE=wrong-passphrase "$W" 2fa code --vault "$V"

# --- add --------------------------------------------------------------------------------------------
before=$(vault_digest "$V")
expect_error 2 "add: malformed URI" otp 2fa add --vault "$V" <<<"otpauth://totp"
expect_error 2 "add: bad Base32" otp 2fa add --vault "$V" <<<"otpauth://totp/A:b?secret=JBSW1Y3DP&issuer=A"
expect_error 2 "add: unknown algorithm" otp 2fa add --vault "$V" <<<"otpauth://totp/A:b?secret=$OTP_SECRET&algorithm=MD5"
expect_error 2 "add: digits out of range" otp 2fa add --vault "$V" <<<"otpauth://totp/A:b?secret=$OTP_SECRET&digits=9"
expect_error 2 "add: not a URI" otp 2fa add --vault "$V" <<<"hello"
expect_eq "$(vault_digest "$V")" "$before" "failed adds leave the vault untouched"
expect_exit 0 "add an 8-digit SHA256 account" otp 2fa add --vault "$V" \
    <<<"otpauth://totp/Ex%20Co:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Other&algorithm=SHA256&digits=8"
expect_contains "$ERR" "issuer mismatch" "the linter warns about the issuer mismatch"
expect_exit 0 "code of the added account" otp 2fa code --vault "$V" Other:bob --at $at
expect_contains "$OUT" "$(oathtool --totp=sha256 -d 8 -b -N @$at GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ)" "SHA256/8 code matches oathtool"

# --- verify and replay -------------------------------------------------------------------------------
t=$(( $(date +%s) + 600 ))
c=$(oathtool --totp -b -N @$t "$OTP_SECRET")
expect_exit 0 "verify accepts a fresh code" otp 2fa verify --vault "$V" alice "$c" --at $t
expect_exit 1 "verify rejects the same code again" otp 2fa verify --vault "$V" alice "$c" --at $t --json
expect_eq "$(json_get "$OUT" 'j["reason"]')" "replay" "replay reason in JSON"
prev=$(oathtool --totp -b -N @$((t - 30)) "$OTP_SECRET")
expect_exit 1 "an older step is a replay too" otp 2fa verify --vault "$V" alice "$prev" --at $t
expect_contains "$OUT" "already used" "older step rejected as used"
wrong=$(printf '%06d' $(( (10#$c + 1) % 1000000 )))
expect_exit 1 "verify rejects a wrong code" otp 2fa verify --vault "$V" alice "$wrong" --at $((t + 30)) --window 0
expect_contains "$OUT" "wrong code" "wrong-code reason"
expect_exit 1 "verify rejects a malformed code" otp 2fa verify --vault "$V" alice 12345 --at $((t + 30))
expect_error 2 "verify: window out of range" otp 2fa verify --vault "$V" alice 123456 --window 99

# Two processes verify the same code at once: exactly one may pass. Several rounds, fresh steps each.
race_ok=0
for round in 1 2 3 4 5; do
    rt=$((t + 300 * round))
    rc=$(oathtool --totp -b -N @$rt "$OTP_SECRET")
    otp 2fa verify --vault "$V" alice "$rc" --at $rt >/dev/null 2>&1 &
    p1=$!
    otp 2fa verify --vault "$V" alice "$rc" --at $rt >/dev/null 2>&1 &
    p2=$!
    wait $p1; e1=$?
    wait $p2; e2=$?
    if [ $((e1 + e2)) = 1 ] && { [ $e1 = 0 ] || [ $e2 = 0 ]; }; then race_ok=$((race_ok + 1)); else echo "race round $round: exits $e1 $e2" >&2; fi
done
expect_eq "$race_ok" "5" "concurrent verifies of one code: exactly one accepted each round"

# HOTP: verification advances the counter; an earlier counter's code is a replay.
expect_exit 0 "add an HOTP account" otp 2fa add --vault "$V" \
    <<<"otpauth://hotp/Token:hw?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Token&counter=3"
h4=$(oathtool --hotp -c 4 -b GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ)
expect_exit 0 "HOTP code one ahead is accepted" otp 2fa verify --vault "$V" Token:hw "$h4"
expect_exit 0 "HOTP counter advanced" otp 2fa code --vault "$V" Token:hw
expect_contains "$OUT" "$(oathtool --hotp -c 5 -b GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ)" "code shows counter 5"
expect_exit 1 "HOTP code reused" otp 2fa verify --vault "$V" Token:hw "$h4" --json
expect_eq "$(json_get "$OUT" 'j["reason"]')" "replay" "HOTP reuse is a replay"
expect_exit 0 "remove the HOTP account" otp 2fa remove --vault "$V" Token:hw --yes

# --- recovery codes, rename, remove --------------------------------------------------------------
expect_exit 0 "recovery add from stdin" otp 2fa recovery add --vault "$V" alice <<<$'aaaa-1111\n\nbbbb-2222\n'
expect_contains "$OUT" "2" "two codes stored"
expect_exit 0 "recovery use" otp 2fa recovery use --vault "$V" alice <<<"bbbb-2222"
expect_exit 1 "recovery reuse is rejected" otp 2fa recovery use --vault "$V" alice <<<"bbbb-2222"
expect_contains "$OUT" "already used" "reuse reason"
expect_exit 1 "unknown recovery code" otp 2fa recovery use --vault "$V" alice <<<"zzzz-0000"
expect_exit 0 "recovery show" otp 2fa recovery show --vault "$V" alice --json
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([(o["code"], o["used"]) for o in map(json.loads, sys.stdin)])')" \
    "[('aaaa-1111', False), ('bbbb-2222', True)]" "recovery show marks used codes"
expect_exit 0 "recovery codes are sealed" sqlite3 "$V/vault.sqlite" "SELECT hex(code_sealed) FROM recovery_codes"
expect_not_contains "$OUT$(sqlite3 "$V/vault.sqlite" .dump)" "aaaa-1111" "no plaintext recovery code in the database"
expect_not_contains "$(sqlite3 "$V/vault.sqlite" .dump)" "$OTP_SECRET" "no plaintext secret in the database"
expect_exit 0 "rename" otp 2fa rename --vault "$V" Other:bob "Exchange:bob"
expect_error 5 "rename onto an existing name" otp 2fa rename --vault "$V" Exchange:bob "Wallet:alice"
expect_error 2 "a part of a name removes nothing" otp 2fa remove --vault "$V" e --yes
expect_exit 0 "remove" otp 2fa remove --vault "$V" Exchange:bob --yes
expect_eq "$("$W" 2fa list --vault "$V" | cut -f1)" "Wallet:alice" "one account left"

# --- imports from independently generated fixtures ----------------------------------------------
FX="$OTP_DIR/fixtures"
IMPORT_PW='fixture-password-7'
fat=1700000000
if ( cd "$(dirname "$0")/../.." && scripts/gen-otp-imports "$FX" "$IMPORT_PW" $fat ) >/dev/null 2>&1; then
    printf '%s\n' "$IMPORT_PW" >"$OTP_DIR/import-pw.txt"
    for fixture in uris.txt aegis.json aegis-encrypted.json 2fas.2fas 2fas-encrypted.2fas andotp.json andotp.json.aes; do
        IV=$(new_vault "import-$fixture")
        expect_exit 0 "import $fixture" otp 2fa import --vault "$IV" "$FX/$fixture" --import-password-file "$OTP_DIR/import-pw.txt" --json
        expect_eq "$(json_get "$OUT" 'j["added"]')" "4" "$fixture: four accounts"
        run_cmd otp 2fa code --vault "$IV" --at $fat
        got=$(printf '%s\n' "$OUT" | awk -F'\t' '{print $1, $2}' | sort)
        expect_eq "$got" "$(sort "$FX/expected-codes.txt")" "$fixture: codes match pyotp (Steam included)"
    done
    IV=$(new_vault import-env)
    expect_exit 0 "import password from WALLETSEC_IMPORT_PASSWORD" \
        env WALLETSEC_IMPORT_PASSWORD="$IMPORT_PW" WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$W" 2fa import --vault "$IV" "$FX/aegis-encrypted.json"
    expect_exit 0 "re-import skips duplicates" otp 2fa import --vault "$IV" "$FX/andotp.json" --json
    expect_eq "$(json_get "$OUT" '(j["added"], j["skipped_duplicates"])')" "(0, 4)" "all four skipped as duplicates"

    GV=$(new_vault import-ga)
    expect_exit 0 "import both GA parts from stdin" bash -c 'cat "$1"/ga-part2.txt "$1"/ga-part1.txt | WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$2" 2fa import --vault "$3" - --json' _ "$FX" "$W" "$GV"
    expect_eq "$(json_get "$OUT" '(j["format"], j["added"])')" "('google_migration', 2)" "GA import"
    before=$(vault_digest "$GV")
    expect_error 2 "GA with a missing part" otp 2fa import --vault "$GV" "$FX/ga-part2.txt"
    expect_contains "$ERR" "missing part(s) 1 of 2" "the missing part is named"
    expect_error 3 "wrong import password" env WALLETSEC_IMPORT_PASSWORD=nope WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
        "$W" 2fa import --vault "$GV" "$FX/aegis-encrypted.json"
    expect_error 3 "wrong 2FAS password" env WALLETSEC_IMPORT_PASSWORD=nope WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
        "$W" 2fa import --vault "$GV" "$FX/2fas-encrypted.2fas"
    expect_error 3 "wrong andOTP password" env WALLETSEC_IMPORT_PASSWORD=nope WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
        "$W" 2fa import --vault "$GV" "$FX/andotp.json.aes"
    head -c 600 "$FX/aegis-encrypted.json" >"$OTP_DIR/aegis-truncated.json"
    expect_error 4 "truncated Aegis export" otp 2fa import --vault "$GV" "$OTP_DIR/aegis-truncated.json" --import-password-file "$OTP_DIR/import-pw.txt"
    python3 - "$FX/aegis-encrypted.json" "$OTP_DIR/aegis-corrupt.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
db = j["db"]; j["db"] = db[:20] + ("A" if db[20] != "A" else "B") + db[21:]
json.dump(j, open(sys.argv[2], "w"))
PY
    expect_error 4 "corrupted Aegis export" otp 2fa import --vault "$GV" "$OTP_DIR/aegis-corrupt.json" --import-password-file "$OTP_DIR/import-pw.txt"
    head -c 20 "$FX/andotp.json.aes" >"$OTP_DIR/andotp-truncated.aes"
    expect_error 4 "truncated andOTP export" otp 2fa import --vault "$GV" "$OTP_DIR/andotp-truncated.aes" --import-password-file "$OTP_DIR/import-pw.txt"
    expect_eq "$(vault_digest "$GV")" "$before" "failed imports leave the vault untouched"
else
    echo "skipped: scripts/gen-otp-imports could not set up its Python venv (cryptography, pyotp); fixture imports not run"
fi
before=$(vault_digest "$V")
printf 'just some text\n' >"$OTP_DIR/unknown.txt"
expect_error 2 "unknown import format" otp 2fa import --vault "$V" "$OTP_DIR/unknown.txt"
expect_contains "$ERR" "tried: " "unknown format lists the formats tried"
expect_contains "$ERR" "bitwarden_csv" "the tried list names every format"
expect_eq "$(vault_digest "$V")" "$before" "failed imports leave the main vault untouched"

# --- per-entry skips: the rest imports, what was left out is named, exit 1 -----------------------
SV=$(new_vault import-skips)
printf '\xef\xbb\xbfQR-Code:otpauth://totp/A:b?secret=%s\r\notpauth://totp/C:d?secret=11\r\n' "$OTP_SECRET" >"$OTP_DIR/half-bad.txt"
expect_exit 1 "a bad line is skipped, the rest imports" otp 2fa import --vault "$SV" "$OTP_DIR/half-bad.txt"
expect_contains "$ERR" "C:d (line 2)" "the skipped line is named"
expect_eq "$("$W" 2fa list --vault "$SV" | cut -f1)" "A:b" "the good line was imported"
python3 - "$OTP_DIR/aegis-yandex.json" "$OTP_SECRET" <<'PY'
import json, sys
entry = lambda t, name: {"type": t, "name": name, "issuer": "Bank", "info": {"secret": sys.argv[2], "algo": "SHA1", "digits": 6, "period": 30, "pin": "1234"}}
db = {"version": 2, "entries": [entry("totp", "alice"), entry("yandex", "bob"), entry("motp", "carol")]}
json.dump({"version": 1, "header": {"slots": None, "params": None}, "db": db}, open(sys.argv[1], "w"))
PY
expect_exit 1 "Aegis vault with Yandex and mOTP entries" otp 2fa import --vault "$SV" "$OTP_DIR/aegis-yandex.json" --json
expect_eq "$(json_get "$OUT" '(j["format"], j["added"], j["skipped_duplicates"])')" "('aegis', 1, 0)" "the TOTP entry imports"
expect_eq "$(json_get "$OUT" '[(s["issuer"], s["account"], s["reason"], s.get("detail")) for s in j["skipped"]]')" \
    "[('Bank', 'bob', 'unsupported_type', 'yandex'), ('Bank', 'carol', 'unsupported_type', 'motp')]" "skipped entries in JSON"
expect_exit 1 "skipped entries in Chinese" otp 2fa import --vault "$SV" "$OTP_DIR/aegis-yandex.json" --lang zh
expect_contains "$ERR" "已跳过 Bank:bob" "zh names the skipped entry"

# --- real exports of other apps (../shared/otp-exports/aegis, Aegis's importer fixtures) --------
REAL="$(cd "$(dirname "$0")/../.." && pwd)/../shared/otp-exports/aegis"
if [ -d "$REAL" ]; then
    RV2=$(new_vault import-real)
    for f in plain.txt ente_auth.txt bitwarden.csv duo.json steam.json freeotp.xml stratum_plain.json; do
        expect_exit 0 "import real $f" otp 2fa import --vault "$RV2" "$REAL/$f" --json
        expect_eq "$(json_get "$OUT" 'j["skipped"]')" "[]" "$f: nothing skipped"
    done
    expect_eq "$(json_get "$OUT" 'j["skipped_duplicates"]')" "7" "stratum after plain.txt: all seven already present"
else
    echo "skipped: ../shared/otp-exports absent: real-file imports not run"
fi

# --- imports from QR images (screenshots of a transfer screen) -------------------------------------
QV=$(new_vault qr-src)
for i in $(seq 1 12); do
    printf 'otpauth://totp/Bank%s:user%s?secret=%s&issuer=Bank%s\n' "$i" "$i" "$(printf 'GEZDGNBVGY3TQOJQ%02dAA' "$i" | tr 0-9 A-J)" "$i"
done >"$OTP_DIR/twelve.txt"
expect_exit 0 "import twelve accounts" otp 2fa import --vault "$QV" "$OTP_DIR/twelve.txt"
expect_exit 0 "export them as two migration QR codes" otp 2fa export --vault "$QV" --format migration \
    --output "$OTP_DIR/qr-ga.txt" --qr-png "$OTP_DIR/qr-ga"
if command -v zbarimg >/dev/null; then
    expect_eq "$(zbarimg -q --raw "$OTP_DIR/qr-ga-1.png" "$OTP_DIR/qr-ga-2.png" 2>/dev/null)" "$(cat "$OTP_DIR/qr-ga.txt")" \
        "zbarimg reads the migration QR codes as exported"
fi
QI=$(new_vault qr-import)
before=$(vault_digest "$QI")
python3 - "$OTP_DIR/qr-blank.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
raw = b"".join(b"\0" + bytes((x * 7 + y) % 256 for x in range(64)) for y in range(48))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 48, 8, 0, 0, 0, 0))
open(sys.argv[1], "wb").write(png + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
expect_error 2 "a picture without a QR code" otp 2fa import --vault "$QI" "$OTP_DIR/qr-blank.png"
expect_contains "$ERR" "no QR code found in the picture" "no QR code said so"
expect_contains "$ERR" "qr-blank.png" "the picture is named"
head -c 300 "$OTP_DIR/qr-ga-1.png" >"$OTP_DIR/qr-cut.png"
expect_error 2 "a truncated PNG" otp 2fa import --vault "$QI" "$OTP_DIR/qr-cut.png"
expect_contains "$ERR" "cut short" "truncated PNG said so"
expect_error 2 "only the second of two migration pictures" otp 2fa import --vault "$QI" "$OTP_DIR/qr-ga-2.png"
cp "$OTP_DIR/unknown.txt" "$OTP_DIR/not-really.png"
expect_error 2 "a text file named .png is not read as an image" otp 2fa import --vault "$QI" "$OTP_DIR/not-really.png"
python3 -c 'import struct,sys,zlib; d=b"IHDR"+struct.pack(">IIBBBBB",200000,200000,8,0,0,0,0); sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"+struct.pack(">I",13)+d+struct.pack(">I",zlib.crc32(d)))' \
    >"$OTP_DIR/qr-huge.png"
expect_error 2 "a header announcing 40 gigapixels" otp 2fa import --vault "$QI" "$OTP_DIR/qr-huge.png"
expect_contains "$ERR" "too large" "huge image refused"
expect_eq "$(vault_digest "$QI")" "$before" "failed image imports leave the vault untouched"
# Both parts, out of order, with a URI-list file and the same picture twice: one import.
printf 'otpauth://totp/Extra:me?secret=%s&issuer=Extra\n' "$OTP_SECRET" >"$OTP_DIR/qr-extra.txt"
expect_exit 0 "import two migration pictures and a URI list" otp 2fa import --vault "$QI" \
    "$OTP_DIR/qr-ga-2.png" "$OTP_DIR/qr-extra.txt" "$OTP_DIR/qr-ga-1.png" "$OTP_DIR/qr-ga-1.png" --json
expect_eq "$(json_get "$OUT" '(j["format"], j["added"])')" "('google_migration', 13)" "13 accounts from the pictures and the list"
run_cmd otp 2fa code --vault "$QV" --at $at
src_codes=$OUT
run_cmd otp 2fa code --vault "$QI" --at $at
expect_eq "$(printf '%s\n' "$OUT" | grep -v Extra)" "$src_codes" "the accounts read from pictures give the same codes"
# JPEG screenshots and photos are covered by QRCodeTests, which make them with libjpeg.

# --- exports and their round trips ---------------------------------------------------------------
EV=$(new_vault export-src)
printf 'otpauth://totp/Wallet:alice?secret=%s&issuer=Wallet\notpauth://hotp/Token:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Token&counter=3&algorithm=SHA512&digits=8\notpauth://steam/Steam:gamer?secret=GEZDGNBVGY3TQOJQ&issuer=Steam\n' "$OTP_SECRET" >"$OTP_DIR/three.txt"
expect_exit 0 "import three accounts" otp 2fa import --vault "$EV" "$OTP_DIR/three.txt"
run_cmd otp 2fa code --vault "$EV" --at $at
src_codes=$OUT
printf 'export-password-9\n' >"$OTP_DIR/export-pw.txt"
for format in uris aegis aegis-encrypted migration; do
    file="$OTP_DIR/export-$format"
    if [ $format = aegis-encrypted ]; then
        expect_exit 0 "export $format" otp 2fa export --vault "$EV" --format aegis --encrypt --output "$file" --export-password-file "$OTP_DIR/export-pw.txt"
        expect_not_contains "$(cat "$file")" "$OTP_SECRET" "encrypted export hides the secret"
    else
        expect_exit 0 "export $format" otp 2fa export --vault "$EV" --format $format --output "$file"
    fi
    expect_contains "$ERR" "secrets" "export warns that the file holds secrets"
    expect_eq "$(stat -c %a "$file")" "600" "export $format is mode 0600"
    RV=$(new_vault "roundtrip-$format")
    expect_exit 0 "re-import export $format" otp 2fa import --vault "$RV" "$file" --import-password-file "$OTP_DIR/export-pw.txt"
    run_cmd otp 2fa code --vault "$RV" --at $at
    if [ $format = migration ]; then
        expect_eq "$OUT" "$(printf '%s\n' "$src_codes" | grep -v Steam)" "migration round trip (Steam skipped)"
    else
        expect_eq "$OUT" "$src_codes" "$format round trip keeps every code"
    fi
done
# Our encrypted Aegis export opened by an independent implementation (Python hashlib scrypt + cryptography AES-GCM).
VENV_PY="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.build-venv/bin/python"
if [ -x "$VENV_PY" ] && "$VENV_PY" -c 'import cryptography' 2>/dev/null; then
    opened=$("$VENV_PY" - "$OTP_DIR/export-aegis-encrypted" "$OTP_DIR/export-pw.txt" <<'PY'
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
vault = json.load(open(sys.argv[1])); password = open(sys.argv[2]).read().strip().encode()
slot = [s for s in vault["header"]["slots"] if s["type"] == 1][0]
kek = hashlib.scrypt(password, salt=bytes.fromhex(slot["salt"]), n=slot["n"], r=slot["r"], p=slot["p"], maxmem=1 << 27, dklen=32)
kp = slot["key_params"]
master = AESGCM(kek).decrypt(bytes.fromhex(kp["nonce"]), bytes.fromhex(slot["key"]) + bytes.fromhex(kp["tag"]), None)
params = vault["header"]["params"]
db = json.loads(AESGCM(master).decrypt(bytes.fromhex(params["nonce"]), base64.b64decode(vault["db"]) + bytes.fromhex(params["tag"]), None))
print(" ".join(sorted(f'{e["issuer"]}:{e["name"]}={e["type"]}/{e["info"]["secret"]}' for e in db["entries"])))
PY
)
    expect_eq "$opened" "Steam:gamer=steam/GEZDGNBVGY3TQOJQ Token:carol=hotp/GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ Wallet:alice=totp/$OTP_SECRET" \
        "an independent Aegis decryptor opens our encrypted export"
else
    echo "skipped: no .build-venv with cryptography; the encrypted Aegis export is not opened independently"
fi
expect_contains "$(otp 2fa export --vault "$EV" --format migration --output "$OTP_DIR/m2.txt" 2>&1)" "Steam:gamer" "migration export names what GA cannot hold"
expect_error 5 "export refuses to overwrite" otp 2fa export --vault "$EV" --format uris --output "$OTP_DIR/export-uris"
expect_error 2 "unknown export format" otp 2fa export --vault "$EV" --format pdf --output "$OTP_DIR/x"
expect_error 2 "--encrypt needs aegis" otp 2fa export --vault "$EV" --format uris --encrypt --output "$OTP_DIR/y"
expect_exit 0 "migration export with QR PNGs" otp 2fa export --vault "$EV" --format migration --output "$OTP_DIR/m3.txt" --qr-png "$OTP_DIR/ga" --json
expect_eq "$(json_get "$OUT" 'j["qr_codes"]')" "1" "one QR code for two accounts"
expect_eq "$(stat -c %a "$OTP_DIR/ga-1.png")" "600" "migration QR PNG is private"
if command -v zbarimg >/dev/null; then
    expect_eq "$(zbarimg -q --raw "$OTP_DIR/ga-1.png" 2>/dev/null)" "$(cat "$OTP_DIR/m3.txt")" "migration QR decodes to the exported URI"
    # zbarimg's own output (with its "QR-Code:" prefix) imports as is.
    ZV=$(new_vault import-zbar)
    expect_exit 0 "import zbarimg output" bash -c 'zbarimg -q "$1" 2>/dev/null | WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" "$2" 2fa import --vault "$3" - --json' _ "$OTP_DIR/ga-1.png" "$W" "$ZV"
    expect_eq "$(json_get "$OUT" '(j["format"], j["added"], j["skipped"])')" "('google_migration', 2, [])" "zbarimg output: both accounts"
fi
# Two complete Google Authenticator exports in one file (from two vaults), one part scanned twice.
MV=$(new_vault export-src-2)
printf 'otpauth://totp/Other:zed?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR&issuer=Other\n' | otp 2fa add --vault "$MV" >/dev/null 2>&1
expect_exit 0 "second migration export" otp 2fa export --vault "$MV" --format migration --output "$OTP_DIR/m4.txt"
cat "$OTP_DIR/m3.txt" "$OTP_DIR/m4.txt" "$OTP_DIR/m3.txt" >"$OTP_DIR/two-exports.txt"
TV=$(new_vault import-two-exports)
expect_exit 0 "import two GA exports from one file" otp 2fa import --vault "$TV" "$OTP_DIR/two-exports.txt" --json
expect_eq "$(json_get "$OUT" '(j["format"], j["added"], j["skipped"])')" "('google_migration', 3, [])" "both exports imported once"
expect_contains "$("$W" 2fa --help)" "Example:" "2fa help has an example"

# --- lint and scripted use without a terminal --------------------------------------------------
printf 'otpauth://totp/A:b?secret=%s&issuer=B\n# comment\notpauth://totp/C:d?secret=GEZDGNBV&algorithm=MD5\n' "$OTP_SECRET" >"$OTP_DIR/lint.txt"
expect_exit 1 "lint finds an error" "$W" 2fa lint --json <"$OTP_DIR/lint.txt"
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([(o["line"], o["severity"]) for o in map(json.loads, sys.stdin)])')" \
    "[(1, 'warning'), (3, 'warning'), (3, 'error')]" "lint: mismatch warning, short-secret warning, unknown algorithm error"
expect_exit 0 "lint passes a clean URI" "$W" 2fa lint <<<"otpauth://totp/A:b?secret=$OTP_SECRET&issuer=A"
if command -v setsid >/dev/null; then
    before=$(vault_digest "$V")
    expect_error 2 "enroll without a terminal or --confirm" setsid -w env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" \
        "$W" 2fa enroll --vault "$V" --issuer NoTTY --account x --json
    expect_eq "$(vault_digest "$V")" "$before" "enroll without confirmation stores nothing"
fi
expect_error 2 "zh messages" otp 2fa code --vault "$V" nosuch --lang zh
expect_contains "$ERR" "没有与" "Chinese error message"
touch "$OTP_DIR/clash-1.png"
expect_error 5 "export refuses a clashing QR PNG name" otp 2fa export --vault "$EV" --format migration --output "$OTP_DIR/clash.txt" --qr-png "$OTP_DIR/clash"
expect_eq "$(test -e "$OTP_DIR/clash.txt" && echo written || echo absent)" "absent" "nothing written when a PNG name clashes"
