#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The trend over assessments of one catalogue, quarter after quarter.

Usage:
    trend.py A1.json A2.json ... [-o TREND.html]

Prints each assessment's verdict and compliance, the processes whose capability level
changed, and the requirements that regressed more than once; with -o also writes the
trend report (.html, .md, .csv or .txt).
"""

from __future__ import annotations

import argparse
import sys

import itsma


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("assessments", nargs="+", help="oldest first")
    ap.add_argument("-o", "--output", help="also write the trend report here")
    args = ap.parse_args()
    try:
        t = itsma.trend([itsma.Assessment.load(p).score() for p in args.assessments])
        if args.output:
            t.write_report(args.output)
    except itsma.Error as e:
        print(e, file=sys.stderr)
        return 1
    for p in t.points:
        since = "" if p.nonconformities_opened is None else (
            f", {p.nonconformities_opened} nonconformities opened, {p.nonconformities_closed} closed")
        print(f"{p.date}  {p.verdict!s:14} {p.compliance['default']:5.1f}% overall{since}")
    for process, levels in t.capability.items():
        if len(set(levels)) > 1:
            print(f"process {process}: level " + " -> ".join("-" if v is None else str(v) for v in levels))
    for rid, times in t.repeated_regressions:
        print(f"{rid} regressed {times} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
