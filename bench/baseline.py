#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The Python baseline: what someone would script themselves with the json module.

    baseline.py CATALOGUE.json ASSESSMENT.json

Loads both files whole, computes every requirement's status and achievement (scoring.md §2:
excluded, unassessed, unsupported under the `required` policy, rated) and the default
compliance (§3: weighted means of applicable children, unweighted where all weigh 0), and
prints `compliance=...` for itsma_bench to compare with itsma's figure.
"""
import datetime
import json
import sys

LETTERS = {"N": 0, "P-": 23.75, "P": 32.5, "P+": 41.25, "L-": 58.75, "L": 67.5, "L+": 76.25, "F": 100}


def day(s):
    return datetime.date.fromisoformat(s).toordinal()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cat = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        asm = json.load(f)
    today = day(asm["date"])
    current = {}
    for e in asm.get("evidence", []):
        ok = day(e["collected"]) <= today and ("expires" not in e or day(e["expires"]) >= today)
        current[e["id"]] = ok
    ratings = {r["requirement"]: r for r in asm.get("ratings", [])}
    excluded = {x["id"] for x in asm.get("scope", {}).get("exclude", [])}
    statuses = {}

    def requirement(q):
        r = ratings.get(q["id"])
        if r is None:
            statuses[q["id"]] = "unassessed"
            return 0.0
        v = r["rating"]
        a = LETTERS[v] if isinstance(v, str) else float(v)
        if a > 0 and not any(current.get(e, False) for e in r.get("evidence", [])):
            statuses[q["id"]] = "unsupported"
            return 0.0
        statuses[q["id"]] = "rated"
        return a

    def mean(parts):
        if not parts:
            return None
        wsum = sum(w for w, _ in parts)
        if wsum > 0:
            return sum(w * a for w, a in parts) / wsum
        return sum(a for _, a in parts) / len(parts)

    def section(s):
        if s["id"] in excluded:
            return None
        parts = []
        for q in s.get("requirements", []):
            if q["id"] in excluded:
                statuses[q["id"]] = "excluded"
                continue
            parts.append((q.get("weight", 1), requirement(q)))
        for c in s.get("sections", []):
            a = section(c)
            if a is not None:
                parts.append((c.get("weight", 1), a))
        return mean(parts)

    tops = []
    for s in cat["sections"]:
        a = section(s)
        if a is not None:
            tops.append((s.get("weight", 1), a))
    compliance = mean(tops)
    counts = {}
    for v in statuses.values():
        counts[v] = counts.get(v, 0) + 1
    print("compliance=%.6f rated=%d unsupported=%d unassessed=%d"
          % (compliance if compliance is not None else float("nan"), counts.get("rated", 0),
             counts.get("unsupported", 0), counts.get("unassessed", 0)))


if __name__ == "__main__":
    main()
