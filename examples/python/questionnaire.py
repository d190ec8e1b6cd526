#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Hand a spreadsheet questionnaire out, and read the filled one back.

    questionnaire.py write FOLDER          # FOLDER/questionnaire.csv, FOLDER/evidence.csv
    questionnaire.py import FOLDER         # the filled files -> FOLDER/assessment.json

``write`` starts the quarter's questionnaire from last quarter's assessment (the sample
acme-2026-q3.json): ratings, evidence ids, notes and targets are filled in, ready to be
updated. The files open in any spreadsheet; save them as CSV (with ',', ';' or tab).
``import`` reads them back, prints each problem with its line and column, and on success
saves and scores the new assessment.

Without real users at hand, ``write`` then plays the assessor with the standard csv module:
it re-rates one requirement, adds an evidence record, and saves the sheets the way a
European spreadsheet does (';' separators).
"""

from __future__ import annotations

import csv
import io
import pathlib
import sys

from typing import Callable, List

import itsma

HERE = pathlib.Path(__file__).resolve().parent
LAST_QUARTER = HERE.parent / "data" / "acme-2026-q3.json"


def edit(path: pathlib.Path, change: Callable[[List[List[str]]], None]) -> None:
    """Read a CSV file, let `change` edit its rows, save it ';'-separated."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    change(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)


def write(folder: pathlib.Path) -> None:
    last = itsma.Assessment.load(LAST_QUARTER)
    folder.mkdir(parents=True, exist_ok=True)
    q, e = folder / "questionnaire.csv", folder / "evidence.csv"
    q.write_text(last.questionnaire(), encoding="utf-8", newline="")
    e.write_text(last.evidence_sheet(), encoding="utf-8", newline="")
    print(f"wrote {q.name} ({len(last.ratings)} ratings from {last.id}) and {e.name}")

    def new_evidence(rows: List[List[str]]) -> None:
        rows.append(["EV-Q4-1", "Incident review, Q4", "record", "2026-11-10", "", "", "", "", ""])

    def rerate(rows: List[List[str]]) -> None:
        header = rows[0]
        rid, rating, ev = header.index("id"), header.index("rating"), header.index("evidence")
        for row in rows[1:]:
            if row[rid] == "8.6.1-01":
                row[rating], row[ev] = "F", (row[ev] + " EV-Q4-1").strip()

    edit(e, new_evidence)
    edit(q, rerate)


def import_(folder: pathlib.Path) -> int:
    try:
        asm = itsma.Assessment.from_questionnaire(
            folder / "questionnaire.csv", "iso20000-1:2018", id="acme-2026-q4", date="2026-11-20",
            evidence=folder / "evidence.csv")
    except itsma.Error as e:
        for problem in getattr(e, "problems", [e]):
            print(problem, file=sys.stderr)
        return 1
    out = folder / "assessment.json"
    asm.save(out)
    res = asm.score()
    r = asm.ratings['8.6.1-01'].rating
    rating = r.label if isinstance(r, itsma.Letter) else f"{r:g}"
    print(f"imported {len(asm.ratings)} ratings and {len(asm.evidence)} evidence records "
          f"into {out.name}: 8.6.1-01 is {rating}, "
          f"verdict {res.verdict.label}")
    return 0


def main(argv: List[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("write", "import"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    folder = pathlib.Path(argv[2])
    if argv[1] == "write":
        write(folder)
        return 0
    return import_(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
