#!/usr/bin/env bash
# Demo step: password strength with Chinese and English feedback, a breach list, and generated passphrases.
set -euo pipefail
printf 'woaini1314\nzhang19900101\n13912873465\n1qaz2wsx\nliuyang520\nTr0ub4dor&3\ncorrect horse battery staple\n' >"$DEMO/passwords.txt"
step "Check passwords (Chinese feedback; --show because these are samples, never do that with real ones)"
show "$W" password check --stdin --show --lang zh <"$DEMO/passwords.txt"
step "The same in English, with a minimum score (exit 1 when any is below it)"
show "$W" password check --stdin --show --min-score 3 <"$DEMO/passwords.txt" || echo "(exit $?: some passwords are below score 3)"
step "A breached password scores 0 whatever its pattern score (HIBP SHA1:count list, memory-mapped)"
printf '%s:42\n' "$(printf 'correct horse battery staple' | sha1sum | cut -d' ' -f1 | tr a-f A-F)" >"$DEMO/pwned.txt"
printf 'correct horse battery staple\n' | "$W" password check --stdin --breach-list "$DEMO/pwned.txt" --json | python3 -m json.tool
step "Generate a passphrase, a pinyin passphrase and a password"
show "$W" password generate --words 6
show "$W" password generate --pinyin
show "$W" password generate --length 20
step "The vault refuses weak passphrases (score below 3) unless --allow-weak"
WALLETSEC_PASSPHRASE=zhang19900101 "$W" init --vault "$DEMO/weak-vault" || echo "(exit $?: refused)"
