#!/usr/bin/env bash
# Demo step: phone migration. A "new phone" vault makes a device key, the "old phone" (the demo vault)
# backs up to it in the age-v1 format, the new phone restores, and both phones show the same 2FA codes.
set -euo pipefail
NEW="$DEMO/newphone"
HAS_2FA=false
# (`2fa --help` also succeeds on this branch's placeholder, so look for the real `2fa code --at`.)
if "$W" 2fa code --help 2>&1 | grep -q -- '--at'; then HAS_2FA=true; fi

if $HAS_2FA; then
    step "Old phone: a 2FA account to carry over (sample secret)"
    printf 'otpauth://totp/Demo%%20Wallet:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo%%20Wallet\n' |
        show "$W" 2fa add
fi

step "New phone: its own vault and a device key (scan the QR code on the old phone)"
show "$W" init --vault "$NEW" --kdf-memory 64 --kdf-passes 2
show "$W" device keygen --vault "$NEW" --label "new phone"
RCPT=$("$W" device list --vault "$NEW" --json | sed -n 's/.*"recipient":"\([^"]*\)".*/\1/p' | head -1)

step "Old phone: back up everything to the new phone's key (an age-v1 file)"
show "$W" backup -r "$RCPT" -o "$DEMO/phone.age"
head -c 120 "$DEMO/phone.age" | head -3
echo "..."

step "New phone: check the backup, then restore it"
show "$W" backup verify --vault "$NEW" "$DEMO/phone.age"
show "$W" restore --vault "$NEW" "$DEMO/phone.age"

if $HAS_2FA; then
    step "A second restore is refused: the new phone holds data now"
    "$W" restore --vault "$NEW" "$DEMO/phone.age" || echo "(exit $?: refused; --merge or --replace would be needed)"
fi

step "A damaged backup (last byte cut off) is rejected and nothing changes"
head -c -1 "$DEMO/phone.age" >"$DEMO/tampered.age"
"$W" restore --vault "$NEW" --replace "$DEMO/tampered.age" || echo "(exit $?: rejected)"

if $HAS_2FA; then
    step "Both phones show the same 2FA codes"
    AT=$(date +%s)
    OLD_CODES=$("$W" 2fa code --json --at "$AT" | sed -n 's/.*"code":"\{0,1\}\([0-9]*\).*/\1/p')
    NEW_CODES=$("$W" 2fa code --vault "$NEW" --json --at "$AT" | sed -n 's/.*"code":"\{0,1\}\([0-9]*\).*/\1/p')
    echo "old phone: $OLD_CODES"
    echo "new phone: $NEW_CODES"
    if [ -n "$OLD_CODES" ] && [ "$OLD_CODES" = "$NEW_CODES" ]; then echo "2FA codes match."; else
        echo "2FA codes differ!" >&2
        exit 1
    fi
else
    step "Both phones hold the same data"
    show "$W" status
    show "$W" status --vault "$NEW"
fi
