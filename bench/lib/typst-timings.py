#!/usr/bin/env python3
"""Summarises a Typst timing trace (`nmp report build --timings FILE`, or `typst compile
--timings`): the layout passes, then the events with the most time, by name and template line.

Usage: typst-timings.py TRACE.json [TOP]

"total" counts an event once even when it nests inside itself (recursion); "self" is the time
not spent in events nested inside it. Times are milliseconds.
"""

import json
import sys
from collections import defaultdict


def main() -> None:
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(path, encoding="utf-8") as f:
        events = json.load(f)

    total = defaultdict(float)
    own = defaultdict(float)
    calls = defaultdict(int)
    passes = []
    stacks = defaultdict(list)  # tid -> [(key, start, child_time)]
    for e in events:
        args = e.get("args") or {}
        line = args.get("line", 0)
        key = (e["name"], line)
        stack = stacks[e["tid"]]
        if e["ph"] == "B":
            stack.append([key, e["ts"], 0.0])
            continue
        if not stack:
            continue
        k, start, child = stack.pop()
        dur = e["ts"] - start
        if stack:
            stack[-1][2] += dur
        own[k] += dur - child
        calls[k] += 1
        if all(frame[0] != k for frame in stack):
            total[k] += dur
        if k[0].startswith("layout (") or k[0] in ("eval", "export", "check stabilized"):
            passes.append((k[0], dur))

    print("passes:")
    for name, dur in passes:
        print(f"  {name:<24} {dur / 1000:10.1f} ms")
    print(f"\n{'event':<32} {'line':>5} {'calls':>8} {'total ms':>10} {'self ms':>10}")
    for k in sorted(total, key=lambda k: -total[k])[:top]:
        print(f"{k[0]:<32} {k[1]:>5} {calls[k]:>8} {total[k] / 1000:10.1f} {own[k] / 1000:10.1f}")


if __name__ == "__main__":
    main()
