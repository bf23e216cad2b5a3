#!/usr/bin/env bash
# Both languages everywhere (issue 14, docs/glossary.md): every command's help page, parser errors with a
# "did you mean", the start guide and `status`, chosen from --lang, LC_ALL, LC_MESSAGES or LANG; global
# options accepted before the subcommand. The command tree is walked, so a new command is covered automatically.

LANG_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
zh() { env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$@"; }
en() { env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 "$@"; }
has_cjk() { python3 -c 'import re,sys; print("yes" if re.search("[\u3400-\u9fff]", sys.argv[1]) else "no")' "$1"; }

lang_subcommands_of() {
    en "$W" "$@" --help 2>/dev/null | sed -n '/SUBCOMMANDS/,$p' | awk '/^  [a-z0-9]/{print $1}' | grep -vx help
}
lang_leaves=()
lang_groups=("")
lang_walk() {
    local subs
    subs=$(lang_subcommands_of "$@")
    if [ -z "$subs" ]; then
        lang_leaves+=("$*")
        return
    fi
    lang_groups+=("$*")
    local s
    for s in $subs; do lang_walk "$@" "$s"; done
}
for top in $(lang_subcommands_of); do lang_walk "$top"; done
expect_eq "$([ "${#lang_leaves[@]}" -ge 30 ] && echo yes || echo "only ${#lang_leaves[@]}")" "yes" "language: command tree walked"

# Every page, leaf or group, in both languages.
for cmd in "${lang_groups[@]}" "${lang_leaves[@]}"; do
    # shellcheck disable=SC2086
    run_cmd zh "$W" $cmd --help
    expect_eq "$CODE" "0" "zh: walletsec $cmd --help exits 0"
    problems=$(printf '%s' "$OUT" | python3 "$LANG_HERE/check_help_language.py" zh)
    expect_eq "$problems" "" "zh: walletsec $cmd --help is Chinese"
    # shellcheck disable=SC2086
    run_cmd en "$W" $cmd --help
    problems=$(printf '%s' "$OUT" | python3 "$LANG_HERE/check_help_language.py" en)
    expect_eq "$problems" "" "en: walletsec $cmd --help is English"
done
for leaf in "${lang_leaves[@]}"; do
    # shellcheck disable=SC2086
    run_cmd zh "$W" $leaf --help
    expect_contains "$OUT" "示例：" "zh: walletsec $leaf --help shows 示例"
    # A parser error on every leaf, in both languages, one line plus the hint, exit 2.
    # shellcheck disable=SC2086
    expect_error 2 "zh: walletsec $leaf with an unknown option" zh "$W" $leaf --no-such-option-zz
    # (ArgumentParser names a missing argument before an unknown option; either way the line is Chinese.)
    expect_eq "$(has_cjk "$(printf '%s' "$ERR" | head -1)")" "yes" "zh: parser error in Chinese ($leaf): $ERR"
    # A parser error carries the hint; a check of the command's own (2fa enroll: --issuer needed) is one line.
    [ "$(printf '%s\n' "$ERR" | wc -l)" -ge 2 ] &&
        expect_contains "$ERR" "查看用法：walletsec $leaf --help" "zh: hint names the command's help ($leaf)"
    # shellcheck disable=SC2086
    expect_error 2 "en: walletsec $leaf with an unknown option" en "$W" $leaf --no-such-option-zz
    expect_eq "$(has_cjk "$ERR")" "no" "en: parser error in English ($leaf): $ERR"
    [ "$(printf '%s\n' "$ERR" | wc -l)" -ge 2 ] &&
        expect_contains "$ERR" "See 'walletsec $leaf --help'." "en: hint names the command's help ($leaf)"
done

# The language's sources, in order: --lang anywhere, LC_ALL, LC_MESSAGES, LANG.
run_cmd env LANG=zh_CN.UTF-8 "$W" status --help --lang en
expect_contains "$OUT" "OVERVIEW:" "--lang en wins over LANG=zh"
run_cmd env LANG=en_US.UTF-8 "$W" --lang zh status --help
expect_contains "$OUT" "概述：" "--lang zh before the subcommand"
run_cmd en "$W" --lang zh help status
expect_contains "$OUT" "概述：显示保险库" "--lang zh help status: Chinese page and headers"
run_cmd zh "$W" help 2fa verify
expect_contains "$OUT" "概述：核对验证码" "zh: walletsec help 2fa verify"
run_cmd env LANG=en_US.UTF-8 LC_MESSAGES=zh_CN.UTF-8 "$W" status --help
expect_contains "$OUT" "概述：" "LC_MESSAGES wins over LANG"
run_cmd env LANG=zh_CN.UTF-8 LC_MESSAGES=zh_CN.UTF-8 LC_ALL=en_US.UTF-8 "$W" status --help
expect_contains "$OUT" "OVERVIEW:" "LC_ALL wins over LC_MESSAGES and LANG"

# Parser errors: did you mean, missing argument, bad value, unknown command — both languages.
expect_error 2 "zh: mistyped option" zh "$W" status --jsno
expect_contains "$ERR" "未知选项“--jsno”。您是不是想输入“--json”？" "zh: did you mean --json"
expect_error 2 "en: mistyped option" en "$W" status --jsno
expect_contains "$ERR" "Unknown option '--jsno'. Did you mean '--json'?" "en: did you mean --json"
expect_error 2 "zh: mistyped command" zh "$W" statsu
expect_contains "$ERR" "walletsec 没有“statsu”这个命令。您是不是想输入“status”？" "zh: did you mean status"
expect_error 2 "en: mistyped command" en "$W" statsu
expect_contains "$ERR" "Unknown command 'statsu' for 'walletsec'. Did you mean 'status'?" "en: did you mean status"
expect_error 2 "en: mistyped subcommand (swapped letters)" en "$W" 2fa lsit
expect_contains "$ERR" "Did you mean 'list'?" "en: lsit → list"
expect_error 2 "zh: mistyped subcommand after --lang" en "$W" --lang zh 2fa lsit
expect_contains "$ERR" "walletsec 2fa 没有“lsit”这个命令。您是不是想输入“list”？" "zh: lsit → list"
expect_error 2 "zh: missing argument" zh "$W" 2fa verify
expect_contains "$ERR" "缺少参数“<name>”" "zh: missing argument named"
expect_error 2 "en: missing argument" en "$W" 2fa verify
expect_contains "$ERR" "Missing expected argument '<name>'" "en: missing argument named"
expect_error 2 "zh: missing value" zh "$W" password check --min-score
expect_contains "$ERR" "选项“--min-score <n>”缺少取值" "zh: missing value"
expect_error 2 "zh: bad value" zh "$W" scan --min-severity extreme x.csv
expect_contains "$ERR" "“extreme”不是“--min-severity <low|medium|high>”的有效取值（可选：low、medium、high）" "zh: bad value"
expect_error 2 "en: bad value" en "$W" scan --min-severity extreme x.csv
expect_contains "$ERR" "The value 'extreme' is invalid for '--min-severity <low|medium|high>'" "en: bad value"
run_cmd zh "$W" --json status --jsno
expect_eq "$(json_get "$ERR" 'j["error"]["status"]')" "usage" "zh: --json parser error is a JSON object"
expect_contains "$(json_get "$ERR" 'j["error"]["message"]')" "您是不是想输入“--json”" "zh: JSON parser error in Chinese"

# The start guide: no arguments.
run_cmd zh "$W"
expect_eq "$CODE" "0" "zh: start guide exits 0"
expect_contains "$OUT" "第一步" "zh: start guide says where to start"
expect_contains "$OUT" "walletsec init" "zh: start guide names the first command"
expect_contains "$OUT" "双重验证" "zh: start guide names 2FA in the glossary's words"
expect_not_contains "$OUT" "SUBCOMMANDS" "zh: start guide is not the raw command list"
run_cmd en "$W"
expect_contains "$OUT" "Start here" "en: start guide"
expect_contains "$OUT" "walletsec init" "en: start guide names the first command"
run_cmd en "$W" --lang zh
expect_contains "$OUT" "第一步" "--lang zh alone gives the Chinese start guide"

# status in both languages, with global options before the subcommand.
LV=$(new_vault lang-status)
run_cmd zh "$W" status --vault "$LV"
expect_eq "$CODE" "0" "zh: status exits 0"
expect_contains "$OUT" "双重验证账户：" "zh: status names 2FA accounts"
expect_contains "$OUT" "已忽略的告警：" "zh: status names ignored alerts (ack = 忽略)"
expect_not_contains "$OUT" "alert_acks" "zh: status prints no raw table names"
expect_not_contains "$OUT" "otp_accounts" "zh: status prints no raw table names"
run_cmd en "$W" status --vault "$LV"
expect_contains "$OUT" "2FA accounts:" "en: status names 2FA accounts"
expect_not_contains "$OUT" "alert_acks" "en: status prints no raw table names"
# A raw ISO timestamp (2026-12-02T05:25:55Z), matched as one: the vault's path is random and may hold "T0".
expect_eq "$(printf '%s\n' "$OUT" | grep -cE '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:' || true)" "0" \
    "en: status shows no raw UTC timestamp"
run_cmd en "$W" --json status --vault "$LV"
expect_eq "$(json_get "$OUT" 'j["counts"]["otp_accounts"]')" "0" "--json before the subcommand: JSON keeps table names"
run_cmd en "$W" --vault "$LV" --lang zh status
expect_contains "$OUT" "保险库位置：$LV" "--vault and --lang before the subcommand"
run_cmd en "$W" --vault="$LV" --json status
expect_eq "$(json_get "$OUT" 'j["path"]')" "$LV" "--vault=DIR before the subcommand"
run_cmd env TZ=Asia/Shanghai LANG=zh_CN.UTF-8 "$W" status --vault "$LV"
expect_contains "$OUT" "（北京时间）" "zh: vault times in Beijing time, not UTC"
