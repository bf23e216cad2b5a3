#!/usr/bin/env bash
# Runs every Tests/cli/test_*.sh against the built binary and prints "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
export WALLETSEC_BIN=${WALLETSEC_BIN:-$here/../../.build/debug/walletsec}
export E2E_TMP=$(mktemp -d /tmp/walletsec-e2e.XXXXXX)
trap 'rm -rf "$E2E_TMP"' EXIT
# Messages are compared in English unless a test asks for Chinese (test_language.sh sets both).
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
unset WALLETSEC_PASSPHRASE WALLETSEC_NEW_PASSPHRASE WALLETSEC_IMPORT_PASSWORD WALLETSEC_HOME
export HOME="$E2E_TMP/home" XDG_DATA_HOME="$E2E_TMP/home/.local/share"
mkdir -p "$HOME"
# shellcheck source=lib.sh
source "$here/lib.sh"
for file in "$here"/test_*.sh; do
    [ -n "${E2E_ONLY:-}" ] && [[ "$file" != *"$E2E_ONLY"* ]] && continue
    echo "== $(basename "$file")"
    # shellcheck disable=SC1090
    source "$file"
done
if [ "$FAILED" -gt 0 ]; then
    echo "Failures:"
    printf '%s' "$FAILURES"
fi
echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
