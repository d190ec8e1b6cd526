#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a catalogue as a checklist to read and tick (the same bytes as
``itsma catalogue show``), or every requirement's effective weight, and a new assessment of it
to fill in (the same bytes as ``itsma template``).

Usage:
    checklist.py [CATALOGUE-ID] [-o CHECKLIST.md] [--weights] [--template NEW.json]

The format follows the extension of -o: .md (a Markdown checklist), .txt (text), and .json
with --weights. Without -o the checklist goes to standard output as Markdown.
"""

from __future__ import annotations

import argparse
import sys

import itsma


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalogue", nargs="?", default="iso20000-1:2018", help="a built-in catalogue id")
    ap.add_argument("-o", "--output", help="where to write the checklist")
    ap.add_argument("--weights", action="store_true", help="the effective weights instead")
    ap.add_argument("--template", help="also write a new assessment to fill in here")
    args = ap.parse_args()

    cat = itsma.Catalogue.builtin(args.catalogue)
    if args.output:
        cat.write_render(args.output, weights=args.weights)  # the format follows the extension
        print(f"wrote {args.output}: {len(cat.requirements)} requirements of {cat.id}")
    else:
        sys.stdout.write(cat.render("md", weights=args.weights))
    if args.template:
        with open(args.template, "w", encoding="utf-8") as f:
            f.write(cat.template("q1", target=2))
        a = itsma.Assessment.load(args.template)
        print(f"wrote {args.template}: assessment {a.id} of {a.catalogue.id}, nothing rated yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
