#!/usr/bin/env python3
"""Drives `walletsec 2fa enroll` through a pseudo-terminal, as a person would type at it.

Usage: enroll_pty.py SCENARIO WALLETSEC VAULT [EXPECTED_KEY]
  retry   enroll 招商银行:alice; a wrong code, then the right one (from oathtool and the key shown)
  fail3   enroll Wallet:bob; three wrong codes: exit 1 and a hint to --resume
  resume  enroll --resume: the same key as EXPECTED_KEY is shown, the right code finishes it
Checks: the typed code is echoed, the key is grouped in fours with issuer and account beside it,
tries left are counted. Prints KEY=<base32> and CODE=<code used> on success; exits 1 with the reason
on the first failed check. WALLETSEC_PASSPHRASE comes from the environment."""
import os
import pty
import re
import select
import subprocess
import sys
import time

scenario, binary, vault = sys.argv[1:4]
expected_key = sys.argv[4] if len(sys.argv) > 4 else None
PROMPT = b"Current code shown by the phone: "


def fail(reason):
    print(f"enroll_pty {scenario}: {reason}", file=sys.stderr)
    sys.exit(1)


args = [binary, "2fa", "enroll", "--vault", vault, "--lang", "en"]
if scenario == "retry":
    args += ["--issuer", "招商银行", "--account", "alice"]
elif scenario == "fail3":
    args += ["--issuer", "Wallet", "--account", "bob"]
elif scenario == "resume":
    args += ["--resume"]
else:
    fail("unknown scenario")

pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, args)

seen = b""


def read_until(pattern, timeout=30):
    """Reads the terminal until `pattern` (bytes regex) matches what arrived since the last call's match."""
    global seen
    deadline = time.time() + timeout
    while True:
        match = re.search(pattern, seen)
        if match:
            consumed, seen = seen[: match.end()], seen[match.end():]
            return consumed
        remaining = deadline - time.time()
        if remaining <= 0:
            fail(f"timed out waiting for {pattern!r}; got {seen[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                match = re.search(pattern, seen)
                if match:
                    continue
                fail(f"the program ended before {pattern!r}; got {seen[-400:]!r}")
            seen += data


def read_rest():
    global seen
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    rest, seen = seen, b""
    return rest


def totp(key, at):
    return subprocess.run(["oathtool", "--totp", "-b", "-N", f"@{at}", key], capture_output=True, text=True,
                          check=True).stdout.strip()


def wrong_code(key):
    now = int(time.time())
    near = {totp(key, now + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in ("000000", "111111", "222222") if c not in near)


def type_code(code):
    os.write(fd, code.encode() + b"\r")
    # Echo on: the digits come back on the terminal right after the prompt.
    echoed = read_until(re.escape(code.encode()) + rb"\r?\n")
    if code.encode() not in echoed:
        fail(f"typed code not echoed: {echoed!r}")


intro = read_until(re.escape(PROMPT))
text = intro.decode("utf-8", "replace")
key_line = re.search(r"Key: ([A-Z2-7 ]+?)  \(", text)
if not key_line:
    fail(f"no manual key line in: {text[-600:]!r}")
grouped = key_line.group(1)
if not re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", grouped):
    fail(f"key not grouped in fours: {grouped!r}")
key = grouped.replace(" ", "")
issuer, account = {"retry": ("招商银行", "alice"), "fail3": ("Wallet", "bob"), "resume": ("Wallet", "bob")}[scenario]
if f"Enter by hand: issuer {issuer}  account {account}" not in text:
    fail(f"issuer and account not shown beside the key: {text[-600:]!r}")
if expected_key is not None and key != expected_key:
    fail(f"--resume shows another key: {key} != {expected_key}")

if scenario == "fail3":
    bad = wrong_code(key)
    for left in ("2 tries left", "1 try left"):
        type_code(bad)
        read_until(re.escape(left.encode()))
        read_until(re.escape(PROMPT))
    type_code(bad)
    rest = read_rest().decode("utf-8", "replace")
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 1:
        fail(f"exit {code} after three wrong codes, wanted 1: {rest!r}")
    if "walletsec 2fa enroll --resume" not in rest:
        fail(f"no --resume hint: {rest!r}")
    print(f"KEY={key}")
    sys.exit(0)

if scenario == "retry":
    type_code(wrong_code(key))
    read_until(rb"wrong code.*2 tries left")
    read_until(re.escape(PROMPT))
right = totp(key, int(time.time()))
type_code(right)
rest = read_rest().decode("utf-8", "replace")
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
if code != 0 or "Enrolled" not in rest:
    fail(f"exit {code} with the right code: {rest!r}")
print(f"KEY={key}")
print(f"CODE={right}")
