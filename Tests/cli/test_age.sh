#!/usr/bin/env bash
# walletsec age: interop with Debian's age in both directions (X25519, armor, passphrase through a
# pseudo-terminal) at chunk-boundary sizes, strict rejection, exit codes, nothing written on failure.
AGE_DIR="$E2E_TMP/age"
mkdir -p "$AGE_DIR"
AGE_PTY="$(dirname "${BASH_SOURCE[0]}")/age_pty.py"

expect_exit 0 "age keygen" "$W" age keygen -o "$AGE_DIR/ours.txt"
OUR_RCPT=$(printf '%s' "$OUT" | sed -n 's/^Public key: //p')
expect_eq "$(stat -c %a "$AGE_DIR/ours.txt")" "600" "identity file is private"
expect_eq "$(age-keygen -y "$AGE_DIR/ours.txt")" "$OUR_RCPT" "age-keygen reads our identity file"
age-keygen -o "$AGE_DIR/theirs.txt" 2>/dev/null
THEIR_RCPT=$(age-keygen -y "$AGE_DIR/theirs.txt")
expect_error 5 "keygen refuses to overwrite" "$W" age keygen -o "$AGE_DIR/ours.txt"

for size in 0 1 65535 65536 65537 131072 10485760; do
    head -c "$size" /dev/urandom >"$AGE_DIR/p.$size"
    # ours -> age, binary and armored
    "$W" age encrypt -r "$THEIR_RCPT" -o "$AGE_DIR/o.$size.age" "$AGE_DIR/p.$size"
    if age -d -i "$AGE_DIR/theirs.txt" "$AGE_DIR/o.$size.age" | cmp -s - "$AGE_DIR/p.$size"; then pass; else fail "age decrypts ours ($size)"; fi
    "$W" age encrypt -a -r "$THEIR_RCPT" <"$AGE_DIR/p.$size" >"$AGE_DIR/o.$size.asc"
    if age -d -i "$AGE_DIR/theirs.txt" "$AGE_DIR/o.$size.asc" | cmp -s - "$AGE_DIR/p.$size"; then pass; else fail "age decrypts our armor ($size)"; fi
    # age -> ours, binary and armored
    age -r "$OUR_RCPT" -o "$AGE_DIR/a.$size.age" "$AGE_DIR/p.$size"
    if "$W" age decrypt -i "$AGE_DIR/ours.txt" "$AGE_DIR/a.$size.age" | cmp -s - "$AGE_DIR/p.$size"; then pass; else fail "we decrypt age's ($size)"; fi
    age -a -r "$OUR_RCPT" -o "$AGE_DIR/a.$size.asc" "$AGE_DIR/p.$size"
    if "$W" age decrypt -i "$AGE_DIR/ours.txt" -o "$AGE_DIR/d.$size" "$AGE_DIR/a.$size.asc" && cmp -s "$AGE_DIR/d.$size" "$AGE_DIR/p.$size"; then pass; else fail "we decrypt age's armor ($size)"; fi
done

# Passphrases (scrypt) both ways; age only reads them from a terminal, so a pty answers its prompt.
AGE_PASS='e2e age passphrase: violet-anchor-93'
printf '%s\n' "$AGE_PASS" >"$AGE_DIR/pass"
for size in 0 1 65535 65536 65537 131072 10485760; do
    "$W" age encrypt -p --passphrase-file "$AGE_DIR/pass" -o "$AGE_DIR/op.$size.age" "$AGE_DIR/p.$size"
    rm -f "$AGE_DIR/op.$size.out"
    # (age creates its -o file on the first write, so an empty payload leaves none.)
    if python3 "$AGE_PTY" "$AGE_PASS" -d -o "$AGE_DIR/op.$size.out" "$AGE_DIR/op.$size.age" >/dev/null &&
        cat "$AGE_DIR/op.$size.out" 2>/dev/null | cmp -s - "$AGE_DIR/p.$size"; then pass; else fail "age decrypts our passphrase file ($size)"; fi
    python3 "$AGE_PTY" "$AGE_PASS" -p -o "$AGE_DIR/ap.$size.age" "$AGE_DIR/p.$size" >/dev/null
    if WALLETSEC_PASSPHRASE="$AGE_PASS" "$W" age decrypt "$AGE_DIR/ap.$size.age" | cmp -s - "$AGE_DIR/p.$size"; then pass; else fail "we decrypt age's passphrase file ($size)"; fi
done
expect_error 3 "wrong passphrase" env WALLETSEC_PASSPHRASE="not the passphrase" "$W" age decrypt -o "$AGE_DIR/none" "$AGE_DIR/ap.0.age"
# A work factor above 2^22 is refused at once, before scrypt allocates 8 GiB.
sed '0,/^-> scrypt/s/^\(-> scrypt [^ ]*\) 18$/\1 23/' "$AGE_DIR/ap.0.age" >"$AGE_DIR/wf23.age"
expect_error 4 "scrypt work factor 23 refused" env WALLETSEC_PASSPHRASE="$AGE_PASS" "$W" age decrypt "$AGE_DIR/wf23.age"
expect_error 2 "-p with -r" env WALLETSEC_PASSPHRASE="$AGE_PASS" "$W" age encrypt -p -r "$OUR_RCPT" "$AGE_DIR/p.1"
expect_error 1 "weak passphrase refused" env WALLETSEC_PASSPHRASE="short" "$W" age encrypt -p -o "$AGE_DIR/weak.age" "$AGE_DIR/p.1"

# Failures: wrong key 3, malformed/tampered 4, and no output file appears.
expect_error 3 "identity that does not match" "$W" age decrypt -i "$AGE_DIR/theirs.txt" -o "$AGE_DIR/x" "$AGE_DIR/a.1.age"
expect_eq "$(test -e "$AGE_DIR/x" && echo yes || echo no)" "no" "nothing written on wrong key"
expect_error 4 "not an age file" "$W" age decrypt -i "$AGE_DIR/ours.txt" "$AGE_DIR/p.1"
expect_error 2 "bad recipient" "$W" age encrypt -r age1notarecipient "$AGE_DIR/p.1"
expect_error 2 "missing identity file" "$W" age decrypt -i "$AGE_DIR/missing.txt" "$AGE_DIR/a.1.age"
expect_error 5 "output exists" "$W" age encrypt -r "$OUR_RCPT" -o "$AGE_DIR/p.1" "$AGE_DIR/p.1"
size=131072
len=$(stat -c %s "$AGE_DIR/a.$size.age")
flips_ok=0
for i in $(seq 1 25); do
    cp "$AGE_DIR/a.$size.age" "$AGE_DIR/t.age"
    offset=$((RANDOM * 32768 % len + RANDOM % 32768))
    offset=$((offset % len))
    python3 -c 'import sys; p,o,b=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]); d=bytearray(open(p,"rb").read()); d[o]^=1<<b; open(p,"wb").write(d)' "$AGE_DIR/t.age" "$offset" $((RANDOM % 8))
    rm -f "$AGE_DIR/t.out"
    "$W" age decrypt -i "$AGE_DIR/ours.txt" -o "$AGE_DIR/t.out" "$AGE_DIR/t.age" 2>/dev/null
    code=$?
    if { [ "$code" = 4 ] || [ "$code" = 3 ]; } && [ ! -e "$AGE_DIR/t.out" ]; then flips_ok=$((flips_ok + 1)); else echo "flip at $offset: exit $code" >&2; fi
done
expect_eq "$flips_ok" "25" "25 CLI bit flips rejected with nothing written"
for cut in 65551 65552 65553 $((len - 1)); do
    head -c $((len - 131072 - 32 + cut - 65552)) "$AGE_DIR/a.$size.age" >"$AGE_DIR/cut.age"
    expect_error 4 "truncated at $cut" "$W" age decrypt -i "$AGE_DIR/ours.txt" -o "$AGE_DIR/cut.out" "$AGE_DIR/cut.age"
done
expect_eq "$(test -e "$AGE_DIR/cut.out" && echo yes || echo no)" "no" "nothing written on truncation"
rm -rf "$AGE_DIR"
