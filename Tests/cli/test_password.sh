#!/usr/bin/env bash
# End-to-end: password check (stdin, JSON Lines, order, --show, --min-score, breach lists, user inputs,
# languages, no-terminal errors), password generate, and the strength rule on vault passphrases.

P="$E2E_TMP/passwords"
mkdir -p "$P"
printf 'woaini1314\nkX9#mQ2$vL7@pR4w\n\nzhang19900101\r\ncorrect horse battery staple\n' >"$P/list.txt"

# JSON Lines, one result per input line, in input order, with exactly the documented fields.
expect_exit 0 "check --stdin --json" "$W" password check --stdin --json <"$P/list.txt"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "5" "one result per input line (the empty line included)"
scores=$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(" ".join(str(json.loads(l)["score"]) for l in sys.stdin))')
expect_eq "$scores" "0 4 0 1 4" "scores in input order (CRLF handled)"
first=$(printf '%s\n' "$OUT" | head -1)
expect_eq "$(json_get "$first" "sorted(j.keys())")" "['breached', 'crack_times_seconds', 'guesses', 'guesses_log10', 'patterns', 'score', 'suggestions', 'warning']" "result fields"
expect_eq "$(json_get "$first" "sorted(j['crack_times_seconds'].keys())")" "['offline_fast', 'offline_slow', 'online', 'online_throttled']" "crack time fields"
expect_eq "$(json_get "$first" "[sorted(p.keys()) for p in j['patterns']] == [['kind']] * len(j['patterns']) and len(j['patterns']) > 0")" "True" "without --show a pattern is its kind alone"
# Nothing derived from the text: no ranks, years, positions, dictionaries, parts or tokens, and coarse totals.
for field in '"rank":' '"year":' '"i":' '"j":' '"dictionary":' '"parts":' '"token":' '"l33t":' '1990'; do
    expect_not_contains "$OUT" "$field" "no $field without --show"
done
expect_eq "$(json_get "$first" "len(str(int(j['guesses'])).rstrip('0')) <= 2")" "True" "guesses coarsened to two digits"
expect_eq "$(json_get "$first" "j['breached'] is None and j['warning'] is not None and len(j['suggestions']) > 0")" "True" "feedback present, breach unchecked"
expect_eq "$(json_get "$first" "abs(j['crack_times_seconds']['online'] - j['guesses'] / 10) < 1e-6 * j['guesses']")" "True" "online crack time is guesses/10"
expect_not_contains "$OUT" "woaini1314" "passwords are not printed without --show"
expect_not_contains "$OUT" "zhang" "matched pieces are not printed without --show"
expect_eq "$(printf '%s' "$ERR" | wc -c)" "0" "no progress output when stderr is not a terminal"

expect_exit 0 "check --show" "$W" password check --stdin --json --show <"$P/list.txt"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | head -1)" "j['password'], j['patterns'][0]['token']")" "('woaini1314', 'woaini1314')" "--show includes the password"
expect_eq "$(json_get "$(printf '%s\n' "$OUT" | sed -n 4p)" "all({'kind','token','i','j','guesses','guesses_log10'} <= set(p) for p in j['patterns']) and any(p.get('year') == 1990 for p in j['patterns'])")" "True" "--show: pattern details, years included"

# Human-readable output and Chinese feedback.
expect_exit 0 "check text zh" sh -c "printf '5201314\n' | \"$W\" password check --stdin --lang zh"
expect_contains "$OUT" "评分 0/4" "Chinese score line"
expect_contains "$OUT" "爱情数字" "Chinese warning names love numbers"
expect_exit 0 "check text en" sh -c "printf '13912873465\n' | \"$W\" password check --stdin"
expect_contains "$OUT" "score 2/4" "phone number scores 2"
expect_contains "$OUT" "phone number" "English warning names the phone number"

# --min-score: exit 1 when any password is below it; results are still printed.
expect_exit 1 "min-score 3 with weak passwords" "$W" password check --stdin --min-score 3 <"$P/list.txt"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "5" "results printed before exit 1"
expect_exit 0 "min-score 3 with strong passwords" sh -c "printf 'correct horse battery staple\n' | \"$W\" password check --stdin --min-score 3"
expect_error 2 "min-score out of range" "$W" password check --stdin --min-score 7

# User inputs make a password weaker.
expect_exit 0 "without user input" sh -c "printf 'kangaroo13912873465\n' | \"$W\" password check --stdin --json"
without=$(json_get "$OUT" "j['guesses_log10']")
expect_exit 0 "with user input" sh -c "printf 'kangaroo13912873465\n' | \"$W\" password check --stdin --json --show --user-input 13912873465 --user-input bob@example.com"
expect_eq "$(json_get "$OUT" "j['guesses_log10'] < $without and any(p.get('dictionary') == 'user_inputs' for p in j['patterns'])")" "True" "user input lowers the estimate"

# Breach lists: a sorted HIBP file (mmap + binary search) and a k-anonymity range file.
sha1() { printf '%s' "$1" | sha1sum | cut -d' ' -f1 | tr a-f A-F; }
{
    printf '%s:42\n' "$(sha1 'correct horse battery staple')"
    for k in $(seq 1 300); do printf '%s:1\n' "$(printf 'filler%s' "$k" | sha1sum | cut -d' ' -f1 | tr a-f A-F)"; done
} | sort >"$P/pwned.txt"
expect_exit 0 "breach list" "$W" password check --stdin --json --breach-list "$P/pwned.txt" <"$P/list.txt"
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([(json.loads(l)["breached"], json.loads(l)["score"]) for l in sys.stdin][-2:])')" "[(False, 1), (True, 0)]" "breached password scores 0"
expect_exit 1 "breached fails min-score" sh -c "printf 'correct horse battery staple\n' | \"$W\" password check --stdin --breach-list \"$P/pwned.txt\" --min-score 3"
expect_contains "$OUT" "breached" "text output says breached"
hash=$(sha1 'correct horse battery staple')
printf '%s:7\r\n%s:0\r\n' "${hash:5}" "0000000000000000000000000000000000A" >"$P/${hash:0:5}.txt"
expect_exit 0 "range file" sh -c "printf 'correct horse battery staple\ncorrect horse battery stable\n' | \"$W\" password check --stdin --json --breach-list \"$P/${hash:0:5}.txt\""
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print([json.loads(l)["breached"] for l in sys.stdin])')" "[True, False]" "range file lookup"
expect_error 2 "missing breach list" "$W" password check --stdin --breach-list "$P/none.txt"
printf 'not a hash list\n' >"$P/bad.txt"
expect_error 2 "malformed breach list" "$W" password check --stdin --breach-list "$P/bad.txt"

# Odd input: invalid UTF-8, NUL bytes, very long lines. Nothing crashes.
expect_exit 0 "invalid UTF-8" sh -c "printf '\377\376abc\n\000x\n' | \"$W\" password check --stdin --json"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "2" "two results for odd bytes"
expect_exit 0 "5000-character line" sh -c "python3 -c 'print(\"woaini1314\" * 500)' | \"$W\" password check --stdin --json"
expect_eq "$(json_get "$OUT" "j['score'] <= 1")" "True" "a long repeat stays weak"

# The default is a no-echo prompt on the terminal (a pseudo-terminal from script(1); the password is typed
# after the prompt is up, as a person would).
if command -v script >/dev/null; then
    run_cmd sh -c "(sleep 1; printf 'woaini1314\n') | timeout 20 script -qec '\"$W\" password check' /dev/null"
    expect_contains "$OUT" "Password to check:" "prompt shown on the terminal"
    expect_contains "$OUT" "score 0/4" "prompted password checked"
    expect_not_contains "$OUT" "woaini1314" "typed password not echoed"
fi

# No terminal to prompt on: a clear usage error, not a hang.
expect_error 2 "no terminal for the prompt" setsid -w "$W" password check </dev/null

# generate
expect_exit 0 "generate words" "$W" password generate --words 6 --json
expect_eq "$(json_get "$OUT" "len(j['password'].split('-')), j['entropy_bits'], j['score'] >= 3")" "(6, 78, True)" "six words, 78 bits"
expect_exit 0 "generate length" "$W" password generate --length 20 --count 3
expect_eq "$(printf '%s\n' "$OUT" | cut -f1 | awk '{print length($0)}' | sort -u)" "20" "three 20-character passwords"
expect_exit 0 "generate pinyin" "$W" password generate --pinyin --json
expect_eq "$(json_get "$OUT" "len(j['password'].split('-'))")" "8" "eight pinyin syllables by default"
expect_error 2 "words and length" "$W" password generate --words 4 --length 10
expect_error 2 "pinyin with length" "$W" password generate --length 10 --pinyin
expect_error 2 "too short" "$W" password generate --length 2
expect_exit 0 "help has an example" "$W" password check --help
expect_contains "$OUT" "Example:" "check --help example"

# Vault passphrases: the estimator must score them 3 or more unless --allow-weak.
expect_error 1 "init with a weak passphrase" env WALLETSEC_PASSPHRASE="zhang19900101" "$W" init --vault "$E2E_TMP/weak-vault" --kdf-memory 8 --kdf-passes 1
expect_contains "$ERR" "score 1/4" "the refusal gives the score"
expect_not_contains "$ERR" "zhang19900101" "the refusal does not echo the passphrase"
expect_eq "$([ -e "$E2E_TMP/weak-vault/vault.sqlite" ] && echo yes || echo no)" "no" "no vault created"
expect_error 1 "init with a long but common passphrase" env WALLETSEC_PASSPHRASE="woaiwojiawoaiwojia" "$W" init --vault "$E2E_TMP/weak-vault" --kdf-memory 8 --kdf-passes 1 --lang zh
expect_contains "$ERR" "密码太弱" "Chinese refusal"
expect_exit 0 "init --allow-weak" env WALLETSEC_PASSPHRASE="zhang19900101" "$W" init --vault "$E2E_TMP/weak-vault" --kdf-memory 8 --kdf-passes 1 --allow-weak
V=$(new_vault vault-password)
before=$(vault_digest "$V")
expect_error 1 "passwd to a weak passphrase" env WALLETSEC_PASSPHRASE="$TEST_PASSPHRASE" WALLETSEC_NEW_PASSPHRASE="1qaz2wsx3edc" "$W" passwd --vault "$V" --kdf-memory 8 --kdf-passes 1
expect_eq "$(vault_digest "$V")" "$before" "refused passwd changed nothing"
