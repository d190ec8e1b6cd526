#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the HTML report of an assessment: one self-contained page with SVG charts (the
same bytes as ``itsma report --format html``), optionally with what changed since an
earlier assessment.

Usage:
    html_report.py ASSESSMENT.json [--baseline EARLIER.json] [-o REPORT.html] [--top N]

Without -o the page is written next to the assessment, as ASSESSMENT.html. The format
follows the extension of -o: .html, .md, .csv or .txt.
"""

from __future__ import annotations

import argparse
import os
import sys

import itsma


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("assessment")
    ap.add_argument("--baseline", help="an earlier assessment of the same catalogue")
    ap.add_argument("-o", "--output", help="where to write the report")
    ap.add_argument("--top", type=int, default=10, help="how many gaps to list (default 10)")
    args = ap.parse_args()

    try:
        result = itsma.Assessment.load(args.assessment).score()
        baseline = itsma.Assessment.load(args.baseline).score() if args.baseline else None
        output = args.output or os.path.splitext(args.assessment)[0] + ".html"
        result.write_report(output, baseline=baseline, top=args.top)
    except itsma.Error as e:
        print(e, file=sys.stderr)
        return 1
    print(f"{output}: {result.verdict}, overall compliance {result.compliance['default']:.1f}%"
          + (f", since {baseline.assessment.date}" if baseline else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
