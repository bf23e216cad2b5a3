#!/usr/bin/env python3
"""Runs the stock `age` with its passphrase prompt answered through a pseudo-terminal (age reads
passphrases only from a terminal). Usage: age_pty.py PASSPHRASE AGE-ARGS...; exits with age's status."""
import os
import pty
import sys

passphrase = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp("age", ["age"] + sys.argv[2:])
seen = b""
answered = 0
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    seen += data
    while seen.count(b"passphrase") > answered:
        os.write(fd, passphrase + b"\r")
        answered += 1
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
