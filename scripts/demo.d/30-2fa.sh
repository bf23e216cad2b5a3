#!/usr/bin/env bash
# Demo step: two-factor. Enroll with a fixed demo secret (scripted with --confirm), show a code,
# verify it, and watch the replay get rejected; then recovery codes and an encrypted export.
set -euo pipefail
secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP  # demo secret only, never a real account's
printf '%s\n' "$secret" >"$DEMO/demo-2fa-secret.txt"

step "Enroll a 2FA account (the code the phone would show comes from oathtool here)"
code=$(oathtool --totp -b "$secret")
show "$W" 2fa enroll --issuer DemoWallet --account demo@example.com \
    --secret-file "$DEMO/demo-2fa-secret.txt" --confirm "$code" --qr-png "$DEMO/demo-2fa.png"

step "List accounts (no passphrase, no secrets) and show the next code"
show "$W" 2fa list
next=$(( $(date +%s) + 30 ))
show "$W" 2fa code DemoWallet --at "$next"
next_code=$("$W" 2fa code DemoWallet --at "$next" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')

step "Verify that code, then try to replay it"
show "$W" 2fa verify DemoWallet "$next_code" --at "$next"
"$W" 2fa verify DemoWallet "$next_code" --at "$next" || echo "(exit $?: the replay was rejected, as it should be)"

step "Recovery codes are stored sealed; a used one cannot be used again"
printf 'demo-1111\ndemo-2222\n' | show "$W" 2fa recovery add DemoWallet
# The code comes on standard input (never argv: shell history and `ps` would keep it).
printf 'demo-1111\n' | show "$W" 2fa recovery use DemoWallet
printf 'demo-1111\n' | "$W" 2fa recovery use DemoWallet || echo "(exit $?: a used code is refused, as it should be)"
show "$W" 2fa recovery show DemoWallet

step "Export for Aegis, encrypted with a password slot (file mode 0600)"
printf 'demo only: export-password\n' >"$DEMO/export-password"
show "$W" 2fa export --format aegis --encrypt --output "$DEMO/aegis-export.json" --export-password-file "$DEMO/export-password"
ls -l "$DEMO/aegis-export.json"
