#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Keep an assessment's figures live while an ITSM tool feeds it records.

Usage:
    live.py [ASSESSMENT.json] [--records N]

An ITSM tool that links its incident, change and audit records as evidence re-scores every
time one of them changes. This script plays such a feed against a saved assessment (by
default the sample ACME assessment): incident records arrive as evidence and are cited by
the incident-management requirement they support, an audit certificate lapses, and an
assessor re-rates a requirement. A Scorer brings the figures up to date after each change
in microseconds, and at the end the live result is compared, byte for byte, with scoring
the assessment from scratch.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import itsma

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "data", "acme-2026-q4.json")


def show(label: str, sc: itsma.Scorer) -> None:
    default = sc.compliance["default"]
    nc = sc.nonconformities
    print(f"  {label:<24} compliance {default:6.2f}  verdict {sc.verdict}  "
          f"(major {nc.major}, minor {nc.minor}, unassessed {nc.unassessed})")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("assessment", nargs="?", default=SAMPLE)
    ap.add_argument("--records", type=int, default=2000, help="incident records to feed")
    args = ap.parse_args(argv)

    asm = itsma.Assessment.load(args.assessment)
    sc = itsma.Scorer(asm)
    print(f"{asm.id}: {len(asm.evidence)} evidence records, {len(asm.ratings)} ratings")
    show("start", sc)

    # 1. An auditor finds incident handling weak: 8.6.1-02 drops to P until records show
    #    otherwise.
    sc.rate("8.6.1-02", "P", evidence=["EV-861-1"], note="closure codes missing")
    show("8.6.1-02 re-rated P", sc)

    # 2. The ITSM tool feeds its incident records; each one closed within target is cited
    #    by the requirement, the last ten at a time (a sliding window of evidence).
    t0 = time.perf_counter()
    window: list[str] = []
    for n in range(1, args.records + 1):
        rid = f"INC-{n:05d}"
        sc.add_evidence(rid, f"Incident {n} closed within target", "record",
                        f"2026-{1 + n % 10:02d}-{1 + n % 28:02d}", by="itsm-feed")
        window = (window + [rid])[-10:]
        if n % 5 == 0:
            sc.rate("8.6.1-02", "L" if n < args.records else "F", evidence=window)
    elapsed = time.perf_counter() - t0
    changes = args.records + args.records // 5
    show(f"{args.records} incidents fed", sc)
    print(f"    {changes} changes in {elapsed * 1e3:.0f} ms, Python calls included "
          f"({changes / elapsed:,.0f} a second)")

    # 3. An audit certificate lapses: its expiry date moves before the assessment date, so
    #    every rating citing only it becomes unsupported.
    ev = sc.assessment.evidence["EV-861-3-Q4"]
    sc.add_evidence(ev.id, ev.title, ev.kind, ev.collected, expires="2026-11-01", uri=ev.uri,
                    sha256=ev.sha256, by=ev.by, note="certificate lapsed")
    show("EV-861-3-Q4 expired", sc)
    print("    8.6.1-01 " + next(line for line in sc.explain("8.6.1-01").splitlines()
                                 if line.startswith("Status:")))

    inc, full = sc.stats
    same = sc.to_json() == sc.assessment.score().to_json()
    print(f"  {inc} changes applied incrementally, {full} rescored; "
          f"live result equals scoring from scratch: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
