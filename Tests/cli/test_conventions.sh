#!/usr/bin/env bash
# CLI conventions across every command (docs/cli.md): each leaf command's --help shows an example and
# offers --json, found by walking the command tree so new commands are covered automatically.

subcommands_of() {
    "$W" "$@" --help 2>/dev/null | sed -n '/SUBCOMMANDS/,$p' | awk '/^  [a-z0-9]/{print $1}' | grep -vx help
}

leaves=()
walk() {
    local subs
    subs=$(subcommands_of "$@")
    if [ -z "$subs" ]; then
        leaves+=("$*")
        return
    fi
    local s
    for s in $subs; do walk "$@" "$s"; done
}
for top in $(subcommands_of); do walk "$top"; done

expect_eq "$([ "${#leaves[@]}" -ge 30 ] && echo yes || echo "only ${#leaves[@]}")" "yes" "command tree walked"
for leaf in "${leaves[@]}"; do
    # shellcheck disable=SC2086
    run_cmd "$W" $leaf --help
    expect_eq "$CODE" "0" "$leaf --help exits 0"
    expect_contains "$OUT" "Example" "$leaf --help shows an example"
    expect_contains "$OUT" "--json" "$leaf offers --json"
    expect_contains "$OUT" "--lang" "$leaf offers --lang"
done

# Start-up cost: libzbar (and through it X11, xcb, dbus, systemd, v4l2) is opened only when an image is
# scanned; linking it again would slow every command's start by ~15% in the dynamic loader.
if command -v ldd >/dev/null 2>&1; then
    linked=$(ldd "$W" 2>&1)
    expect_contains "$linked" "libc.so" "ldd lists walletsec's libraries"
    expect_not_contains "$linked" "libzbar" "walletsec does not link libzbar (dlopened on first image scan)"
    expect_not_contains "$linked" "libX11" "walletsec does not link X11"
    expect_not_contains "$linked" "libdbus" "walletsec does not link dbus"
fi
