#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Check the evidence files of an assessment against the SHA-256 digests it records.

    verify_evidence.py ASSESSMENT.json ROOT [--catalogue CATALOGUE.json]

Files are looked up inside ROOT only ('..' and symbolic links are refused) and only regular
files are read. Exits 1 when any checked file is not as recorded, or nothing was checked.
"""
import argparse
import sys

import itsma


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("assessment")
    ap.add_argument("root")
    ap.add_argument("--catalogue", help="a catalogue file (default: the built-in one named)")
    args = ap.parse_args()
    cat = itsma.Catalogue.load(args.catalogue) if args.catalogue else None
    asm = itsma.Assessment.load(args.assessment, catalogue=cat)
    checked = [c for c in asm.verify_evidence(args.root)
               if c.status not in ("not-checkable", "no-digest")]
    for c in checked:
        print(f"{c.status:12} {c.evidence}: {c.path or ''} {'' if c.ok else c.reason or c.actual_sha256}")
    ok = sum(c.ok for c in checked)
    print(f"{len(checked)} checked, {ok} ok")
    return 0 if checked and ok == len(checked) else 1


if __name__ == "__main__":
    sys.exit(main())
