#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal (stdin, stdout and stderr all a terminal), answering a `[y/N]`
question with ANSWER ("" answers nothing). Usage: tty_run.py ANSWER CMD...; prints what the terminal
showed and exits with the command's status."""
import os
import pty
import sys

answer = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
seen = b""
answered = False
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    seen += data
    if not answered and b"[y/N]" in seen:
        os.write(fd, answer + b"\r")
        answered = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
