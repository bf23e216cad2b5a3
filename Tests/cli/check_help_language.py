#!/usr/bin/env python3
"""Checks one help page (stdin) is in the language named by argv[1] (zh or en): prints one problem a line.

zh: the overview has Chinese, every argument and option has Chinese help, ArgumentParser's own headers are
translated. en: no Chinese in the overview or in any option's help, English headers."""
import re
import sys

CJK = re.compile(r"[\u3400-\u9fff]")
lang = sys.argv[1]
page = sys.stdin.read()
lines = page.split("\n")
problems = []
headers = {"zh": ("概述：", "用法：", "选项："), "en": ("OVERVIEW:", "USAGE:", "OPTIONS:")}[lang]
for header in headers:
    if not any(line.startswith(header) for line in lines):
        problems.append(f"no {header} header")
overview = [line for line in lines if line.startswith(headers[0])]
if overview and bool(CJK.search(overview[0])) != (lang == "zh"):
    problems.append(f"overview in the wrong language: {overview[0]}")

# Entries of the ARGUMENTS/OPTIONS sections: a line indented by two spaces starting with - or <, and the help
# text after the names (same line) or on the more-indented lines below.
section = None
entries = []
for line in lines:
    if re.match(r"^(参数：|选项：|ARGUMENTS:|OPTIONS:)", line):
        section = line
        continue
    if re.match(r"^\S", line):
        section = None
        continue
    if section is None:
        continue
    if re.match(r"^  [-<]", line):
        parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        if len(parts) == 1 and len(line) > 26:  # a label that fills its column: help starts at column 26
            parts = [line[:26].strip(), line[26:].strip()]
        entries.append([parts[0], parts[1] if len(parts) > 1 else ""])
    elif line.startswith("    ") and entries:
        entries[-1][1] += " " + line.strip()
if not entries:
    problems.append("no options found")
for name, help_text in entries:
    if not help_text.strip():
        problems.append(f"{name}: no help text")
    elif bool(CJK.search(help_text)) != (lang == "zh"):
        problems.append(f"{name}: help in the wrong language: {help_text[:80]}")
print("\n".join(problems))
