#!/usr/bin/env bash
# Demo step: scan a bundled Alipay statement (GBK, synthetic, with planted problems), explain an
# alert, write a Chinese dispute report, and keep history in the vault.
set -euo pipefail
SAMPLE="$ROOT/docs/samples/alipay-sample.csv"
step "Scan an Alipay statement export (GBK, 641 rows, synthetic with planted problems)"
show "$W" scan "$SAMPLE" --min-severity medium || true
step "Why? The whole reasoning behind one alert"
id=$("$W" scan "$SAMPLE" --json | python3 -c 'import json,sys
for line in sys.stdin:
    j = json.loads(line)
    if j.get("kind") == "card_testing": print(j["id"]); break')
show "$W" scan "$SAMPLE" --explain "$id"
step "A ready-to-send dispute report (Chinese) for the high-severity alerts"
show "$W" scan "$SAMPLE" --min-severity high --report "$DEMO/dispute.md" --lang zh --fail-on high || echo "(exit $?: --fail-on high was met)"
sed -n '1,40p' "$DEMO/dispute.md"
step "Keep history in the vault (no passphrase needed); importing it again adds nothing"
show "$W" history import "$SAMPLE"
show "$W" history import "$SAMPLE"
show "$W" history stats
