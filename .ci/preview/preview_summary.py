#!/usr/bin/env python3
"""preview_summary.py <preview.json>: one line from `pulumi preview --json` output, "N to create, ..., E errors",
then each error diagnostic on lines of its own ("  | ..."). Used by real-preview.sh and examples-preview.sh."""
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("unreadable preview output: %s" % e); sys.exit(0)
errors = [x.get("message", "").strip() for x in d.get("diagnostics", []) if x.get("severity") == "error"]
ops = d.get("changeSummary", {})
parts = ", ".join("%d to %s" % (n, op) for op, n in sorted(ops.items())) or "no steps"
print("%s, %d errors" % (parts, len(errors)))
for e in errors:
    print("  | " + e.replace("\n", "\n  | "))
