#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Build an assessment from a CSV export of an ITSM tool, save it, and score it.

Usage:
    from_csv.py [EXPORT.csv] [-o ASSESSMENT.json] [--catalogue ID|FILE]
                [--id ID] [--date YYYY-MM-DD]

The CSV has one row per evidence record (a ticket, a knowledge article, a change...) and
says which requirements it supports. Columns (the names of a typical export; the sample
itsm_export.csv beside this script is used by default):

    record_id        evidence id (the tool's record number)
    type             evidence kind: document, record, interview, observation, metric, other
    short_description
    opened           date collected (YYYY-MM-DD)
    valid_until      optional expiry date
    link             optional URI
    collected_by     optional
    requirements     requirement ids the record supports, separated by ";"
    finding          optional rating the assessor gave those requirements on this record
                     (N, P-, P, P+, L-, L, L+, F or 0-100)
    comment          optional note

Each requirement is rated with the *lowest* finding among the rows that cite it (a single
bad ticket is a finding), citing every row linked to it. Rows without a finding still
count as evidence. Problems in a row are reported with its line number and skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

import itsma

HERE = os.path.dirname(os.path.abspath(__file__))


def load_rows(path: str) -> List[Tuple[int, Dict[str, str]]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = {"record_id", "type", "short_description", "opened", "requirements"} - set(
            reader.fieldnames or [])
        if missing:
            raise SystemExit(f"{path}: missing column(s): {', '.join(sorted(missing))}")
        return [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k})
                for row in reader]


def build(rows: List[Tuple[int, Dict[str, str]]], catalogue: itsma.Catalogue, asm_id: str,
          date: str, source: str) -> Tuple[itsma.Assessment, int]:
    """The assessment, and the number of rows skipped because of an error."""
    asm = itsma.Assessment.new(catalogue, id=asm_id, date=date)
    asm.title = f"Imported from {os.path.basename(source)}"
    findings: Dict[str, List[Tuple[float, str, str]]] = defaultdict(list)  # req -> ratings
    citations: Dict[str, List[str]] = defaultdict(list)                   # req -> evidence
    skipped = 0

    for line, row in rows:
        where = f"{source}:{line}"
        try:
            ev = asm.add_evidence(row["record_id"], row["short_description"], row["type"],
                                  row["opened"], expires=row.get("valid_until") or None,
                                  uri=row.get("link") or None,
                                  by=row.get("collected_by") or None,
                                  note=row.get("comment") or None)
        except itsma.Error as e:   # bad id, kind or date: named in the message
            print(f"{where}: skipped: {e.message}", file=sys.stderr)
            skipped += 1
            continue
        reqs = [r.strip() for r in row["requirements"].split(";") if r.strip()]
        for req in reqs:
            if req not in catalogue.requirements:
                print(f"{where}: {ev.id}: no requirement {req!r} in {catalogue.id}",
                      file=sys.stderr)
                continue
            citations[req].append(ev.id)
            if row.get("finding"):
                try:
                    letter, value = itsma.parse_rating(row["finding"])
                except itsma.InvalidArgumentError as e:
                    print(f"{where}: {ev.id}: {e.message}", file=sys.stderr)
                    continue
                findings[req].append((value, row["finding"], ev.id))

    for req, cited in citations.items():
        if not findings.get(req):
            continue                      # evidence only: left for the assessor to rate
        value, text, worst = min(findings[req])
        others = len(findings[req]) - 1
        note = f"Lowest finding ({text}) on {worst}" + (
            f"; {others} other record(s) rated" if others else "")
        asm.rate(req, text, evidence=list(dict.fromkeys(cited)), note=note)
    return asm, skipped


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", default=os.path.join(HERE, "itsm_export.csv"))
    ap.add_argument("-o", "--output", help="write the assessment JSON here")
    ap.add_argument("--catalogue", default="iso20000-1:2018",
                    help="built-in catalogue id or catalogue file (default iso20000-1:2018)")
    ap.add_argument("--id", default="itsm-import", help="assessment id")
    ap.add_argument("--date", default="2026-11-20",
                    help="as-of date of the assessment (default 2026-11-20; 'today' for today)")
    args = ap.parse_args(argv)

    date = datetime.date.today().isoformat() if args.date == "today" else args.date
    try:
        builtin_ids = [i for i, _ in itsma.Catalogue.builtins()]
        cat = (itsma.Catalogue.builtin(args.catalogue) if args.catalogue in builtin_ids
               else itsma.Catalogue.load(args.catalogue))
        asm, skipped = build(load_rows(args.csv), cat, args.id, date, args.csv)
        if args.output:
            asm.save(args.output)
        res = asm.score()
    except itsma.Error as e:
        print(f"from_csv.py: {e}", file=sys.stderr)
        return 1

    print(f"{asm.id}: {len(asm.evidence)} evidence records, {len(asm.ratings)} ratings"
          f"{f', {skipped} row(s) skipped' if skipped else ''}"
          f"{f' -> {args.output}' if args.output else ''}")
    print(f"verdict {res.verdict}, default compliance {res.compliance['default']:.2f}")
    print("Rated requirements:")
    for rating in asm.ratings:
        entry = res.requirements[rating.requirement]
        print(f"  {rating.requirement:12} {str(rating.rating):4} -> {entry.status}, "
              f"{entry.letter}  ({', '.join(rating.evidence)})")
    for issue in res.evidence_issues:
        print(f"  evidence {issue.id}: {issue.problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
