#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Score an assessment and print the top gaps with guidance.

Usage:
    assess.py                               score a small assessment built here in code
    assess.py ASSESSMENT.json               score a saved assessment (built-in catalogue)
    assess.py ASSESSMENT.json --catalogue CATALOGUE.json
    options: --top N (gaps to show, default 10), --policy required|advisory,
             --section ID (score one section only)

Without an argument the script records a little evidence for incident, problem and change
management against the built-in ISO/IEC 20000-1:2018 catalogue, rates a few requirements
and process attributes, and scores that.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

import itsma


def build_demo() -> itsma.Assessment:
    """A small assessment of the built-in ISO/IEC 20000-1:2018 catalogue, made in code."""
    cat = itsma.Catalogue.builtin("iso20000-1:2018")
    asm = itsma.Assessment.new(cat, id="demo-q4", date="2026-11-20")
    asm.title = "Demonstration assessment"
    asm.organisation = "Example IT"

    asm.add_evidence("EV-1", "Incident management procedure v3", "document", "2026-10-01",
                     expires="2027-10-01", uri="https://intranet.example/itsm/incident.pdf")
    asm.add_evidence("EV-2", "Sample of 25 incident tickets, October", "record", "2026-11-02")
    asm.add_evidence("EV-3", "Interview with the service desk lead", "interview", "2026-11-05",
                     by="A. Assessor")
    asm.add_evidence("EV-4", "Problem register export", "record", "2025-06-30",
                     expires="2026-06-30", note="Stale: not refreshed this year.")
    asm.add_evidence("EV-5", "Change advisory board minutes", "record", "2026-11-10")

    # Incident management: mostly in place.
    asm.rate("8.6.1-01", "F", evidence=["EV-1", "EV-2"])
    asm.rate("8.6.1-02", "L", evidence=["EV-2"], note="Component often left empty.")
    asm.rate("8.6.1-03", "L+", evidence=["EV-1", "EV-2"])
    asm.rate("8.6.1-04", "P", evidence=["EV-3"], note="Escalation is informal.")
    asm.rate("8.6.1-05", 72.5, evidence=["EV-2"])
    # Problem management: rated, but the evidence has expired.
    for req in cat.sections["8.6.3"].requirements[:4]:
        asm.rate(req.id, "L", evidence=["EV-4"])
    # Change management: policy missing.
    asm.rate("8.5.1.1-01", "N", note="No change management policy yet.")
    asm.rate("8.5.1.1-04", "P-", evidence=["EV-5"])

    asm.rate_attribute("8.6.1", "PA2.1", "L", evidence=["EV-1"])
    asm.rate_attribute("8.6.1", "PA2.2", "P", evidence=["EV-2"])
    asm.set_target("8.6.1", 2)
    asm.set_target("8.6.3", 1)
    return asm


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def report(res: itsma.Result, top: int) -> None:
    asm = res.assessment
    cat = res.catalogue
    counts = res.requirement_counts
    nc = res.nonconformities
    cap = res.capability
    print(f"{asm.id}: {cat.title}")
    print(f"  as of {asm.date}, evidence policy {res.policy}"
          + (f", section {res.scope.id} only" if res.scope else ""))
    print(f"  verdict:     {res.verdict}")
    print("  compliance:  " + ", ".join(f"{model} {fmt(v)}" for model, v in
                                        res.compliance.items()))
    print(f"  requirements: {counts.applicable} applicable, {counts.rated} rated, "
          f"{counts.unassessed} unassessed, {counts.unsupported} unsupported, "
          f"{counts.excluded} excluded")
    print(f"  nonconformities: {nc.major} major, {nc.minor} minor, {nc.unassessed} unassessed")
    print(f"  capability:  {cap.processes} processes, levels {fmt(cap.min, 0)} to "
          f"{fmt(cap.max, 0)} (mean {fmt(cap.mean, 2)}), targets met {cap.targets_met} "
          f"of {cap.targets_set}")

    names = cat.guidance_sources
    print(f"\nTop {min(top, len(res.gaps))} of {len(res.gaps)} gaps (priority order):")
    for n, gap in enumerate(res.gaps[:top], 1):
        where = f" [{gap.process.id} {gap.process.title}]" if gap.process else ""
        print(f"{n:3}. {gap.requirement} {gap.status} {gap.letter}, "
              f"+{gap.gain:.2f} points{where}")
        print(textwrap.indent(textwrap.fill(gap.requirement.text, 88), "       "))
        for source, values in gap.guidance.items():
            print(f"       {names.get(source, source)}: {', '.join(values)}")

    if res.capability_gaps:
        print(f"\nProcesses below their target ({len(res.capability_gaps)}):")
        for cg in res.capability_gaps[:top]:
            needs = ", ".join(f"{a.attribute} {a.letter}->{a.needed}" for a in cg.attributes)
            print(f"  {cg.process.id} {cg.process.title}: level {cg.level}, target "
                  f"{cg.target}; needs {needs}")
    if res.evidence_issues:
        print("\nEvidence issues:")
        for issue in res.evidence_issues:
            cited = f" (cited by {', '.join(issue.cited_by)})" if issue.cited_by else ""
            print(f"  {issue.id} {issue.evidence.title!r}: {issue.problem}{cited}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("assessment", nargs="?", help="an itsma-assessment/1 JSON file")
    ap.add_argument("--catalogue", help="catalogue file or built-in id (default: the "
                                        "built-in catalogue the assessment names)")
    ap.add_argument("--policy", default="required", choices=["required", "advisory"])
    ap.add_argument("--section", help="score only this section")
    ap.add_argument("--top", type=int, default=10, help="gaps to show (default 10)")
    args = ap.parse_args(argv)

    try:
        if args.assessment:
            cat = None
            if args.catalogue:
                ids = [i for i, _ in itsma.Catalogue.builtins()]
                cat = (args.catalogue if args.catalogue in ids
                       else itsma.Catalogue.load(args.catalogue))
            asm = itsma.Assessment.load(args.assessment, catalogue=cat)
        else:
            asm = build_demo()
        res = asm.score(evidence_policy=args.policy, section=args.section)
    except itsma.Error as e:
        print(f"assess.py: {e}", file=sys.stderr)
        return 1
    report(res, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
