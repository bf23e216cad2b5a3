#!/usr/bin/env bash
# Demo step: create a vault, look at it, change its passphrase.
set -euo pipefail
step "Create a vault (Argon2id-protected master key)"
show "$W" init
step "Status needs no passphrase"
show "$W" status
step "Change the passphrase (the master key is re-wrapped; data untouched)"
printf 'demo only: new-saffron-harbor-77\n' > "$DEMO/new-passphrase"
show "$W" passwd --new-passphrase-file "$DEMO/new-passphrase"
printf '%s\n' "$WALLETSEC_PASSPHRASE" > "$DEMO/old-passphrase"
echo "The old passphrase no longer opens the vault:"
"$W" passwd --passphrase-file "$DEMO/old-passphrase" --new-passphrase-file "$DEMO/new-passphrase" || echo "(exit $?: refused, as it should be)"
# Later steps use the new passphrase.
show "$W" passwd --passphrase-file "$DEMO/new-passphrase" --new-passphrase-file "$DEMO/old-passphrase"
