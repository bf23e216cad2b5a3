#!/usr/bin/env bash
# End-to-end across capabilities: a phone with imported history, 2FA and recovery codes migrates to a
# new phone through a device-key backup, and everything reads back the same there.

here_int=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SAMPLES="$here_int/../../docs/samples"
IO=$(new_vault int-old)
IN=$(new_vault int-new)
export WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE"

expect_exit 0 "import the sample Alipay statement" "$W" history import --vault "$IO" "$SAMPLES/alipay-sample.csv" --json
rows=$(printf '%s\n' "$OUT" | tail -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["added"])')
expect_exit 0 "re-import adds nothing" "$W" history import --vault "$IO" "$SAMPLES/alipay-sample.csv" --json
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["added"], j["alerts_total"])')" "0 0" "re-import is silent"

printf 'otpauth://totp/Alipay:alice%%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Alipay\n' |
    "$W" 2fa add --vault "$IO" >/dev/null 2>&1
printf 'ali-rec-0001\nali-rec-0002\n' | "$W" 2fa recovery add --vault "$IO" alipay >/dev/null 2>&1
"$W" 2fa recovery use --vault "$IO" alipay <<<"ali-rec-0001" >/dev/null 2>&1

expect_exit 0 "device keygen on the new phone" "$W" device keygen --vault "$IN" --json --no-qr
recipient=$(json_get "$OUT" "j['recipient']")
expect_exit 0 "backup to the new phone's key" "$W" backup --vault "$IO" -r "$recipient" -o "$E2E_TMP/int.age"
expect_exit 0 "restore on the new phone" "$W" restore --vault "$IN" "$E2E_TMP/int.age"

expect_eq "$("$W" history list --vault "$IN" --json --limit 100000 2>/dev/null | wc -l)" "$rows" "every transaction arrived"
expect_eq "$("$W" history list --vault "$IN" --json --limit 100000 2>/dev/null | sha256sum)" \
    "$("$W" history list --vault "$IO" --json --limit 100000 2>/dev/null | sha256sum)" "history identical on both phones"
expect_eq "$("$W" 2fa code --vault "$IN" --json --at 1800000000 2>/dev/null)" \
    "$("$W" 2fa code --vault "$IO" --json --at 1800000000 2>/dev/null)" "2FA codes identical on both phones"
expect_exit 0 "recovery codes arrived" "$W" 2fa recovery show --vault "$IN" alipay
expect_contains "$OUT" "ali-rec-0002" "unused recovery code present"
expect_contains "$OUT" "used" "used mark travelled"
expect_exit 0 "scan on the new phone uses the restored history" "$W" scan --vault "$IN" "$SAMPLES/alipay-sample.csv" --json
unset WALLETSEC_PASSPHRASE
