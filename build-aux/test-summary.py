#!/usr/bin/env python3
"""Prints one closing line for a meson test run: test cases (TAP subtests)
passed and failed, read from meson's testlog.json."""
import json
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            text = entry.get("stdout") or ""
            for row in text.splitlines():
                if row.startswith("ok "):
                    if "# SKIP" in row:
                        skipped += 1
                    else:
                        passed += 1
                elif row.startswith("not ok "):
                    failed += 1
            if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and "not ok" not in text:
                failed += 1
except FileNotFoundError:
    print("no test log found", file=sys.stderr)
    sys.exit(1)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
