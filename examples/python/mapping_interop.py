#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A mapping set out to OSCAL and CISO Assistant and back (docs/interop.md).

Usage:
    mapping_interop.py [MAPPING_ID] [-o DIR]

Writes the built-in mapping (default: ISO/IEC 20000-1:2011 to 2018) as an OSCAL
mapping-collection and as a CISO Assistant mapping library into DIR (default: the current
folder), reads both back and says whether each came back equal.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import itsma


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mapping", nargs="?", default="iso20000-1-2011-to-2018")
    ap.add_argument("-o", "--output", default=".", help="folder for the two files")
    args = ap.parse_args()
    out = pathlib.Path(args.output)
    try:
        m = itsma.Mapping.builtin(args.mapping)
        oscal = out / f"{m.id.replace(':', '_')}.oscal.json"
        oscal.write_text(m.to_oscal(), encoding="utf-8")
        ciso = out / f"{m.id.replace(':', '_')}.ciso.yaml"
        ciso.write_text(m.to_ciso(), encoding="utf-8")
        from_oscal = itsma.Mapping.from_oscal(oscal)
        from_ciso = itsma.Mapping.from_ciso(ciso, m.source_catalogue, m.target_catalogue)
    except itsma.Error as e:
        print(f"mapping_interop: {e}", file=sys.stderr)
        return 1
    n_to_m = sum(1 for x in m if len(x.sources) > 1 or len(x.targets) > 1)
    print(f"{m.id}: {len(m)} maps ({n_to_m} n:m)")
    for name, back in (("OSCAL", from_oscal), ("CISO Assistant", from_ciso)):
        print(f"{name} round trip: {'equal' if back.to_json() == m.to_json() else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
