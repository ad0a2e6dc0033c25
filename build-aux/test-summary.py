#!/usr/bin/env python3
"""Prints one closing line for one or more meson test runs: test cases (TAP
subtests) passed and failed, read from each run's meson testlog.json and
added up. A missing log (a build that failed before its tests ran) counts
as one failure.

Usage: test-summary.py TESTLOG.json [TESTLOG.json ...]"""
import json
import sys

passed = failed = skipped = 0
missing = False
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
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
        print(f"no test log found: {path}", file=sys.stderr)
        failed += 1
        missing = True

if len(sys.argv) < 2:
    print("usage: test-summary.py TESTLOG.json [TESTLOG.json ...]", file=sys.stderr)
    sys.exit(2)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if missing else 0)
