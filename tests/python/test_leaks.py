# SPDX-License-Identifier: Apache-2.0
"""No C memory leaks: 100,000 load/score iterations keep the resident size flat."""

from __future__ import annotations

import gc
import os

import pytest

import itsma

from conftest import rss_bytes

ITERATIONS = int(os.environ.get("ITSMA_LEAK_ITERATIONS", "100000"))
WARMUP = 5000
LIMIT = 4 * 2**20          # bytes of growth allowed after the warm-up


def test_load_score_loop_keeps_rss_flat(catalogue_path, assessment_path):
    cat_text = catalogue_path.read_text()
    asm_text = assessment_path.read_text()
    broken = asm_text.replace('"date"', '"date" "x"', 1)
    cat = itsma.Catalogue.from_string(cat_text)

    def one(i: int) -> None:
        nonlocal cat
        if i % 10:
            asm = itsma.Assessment.from_string(asm_text, cat)
        else:
            asm = itsma.Assessment.load(assessment_path, cat)
        res = asm.score(evidence_policy="advisory" if i % 3 == 0 else "required")
        assert res.requirement_counts.total == 4
        if i % 50 == 0:
            # The other paths: a new catalogue, JSON out, an error, copy on write, a diff,
            # borrowed entries.
            cat = itsma.Catalogue.from_string(cat_text)
            res.to_json()
            try:
                itsma.Assessment.from_string(broken, cat)
            except itsma.ParseError as e:
                assert e.line
            asm.rate("8.2-01", "F", evidence=["EV-2"])
            diff = itsma.compare(res, asm.score())
            assert diff.requirements["8.2-01"].after.letter is itsma.Letter.F
            [g.guidance for g in res.gaps]
            res.explain("8.1-01")

    for i in range(WARMUP):
        one(i)
    gc.collect()
    start = rss_bytes()
    samples = []
    for i in range(ITERATIONS):
        one(i)
        if i % 20000 == 0:
            samples.append(rss_bytes() - start)
    gc.collect()
    growth = rss_bytes() - start
    samples.append(growth)
    assert growth < LIMIT, (f"resident size grew by {growth / 2**20:.1f} MiB over "
                            f"{ITERATIONS} iterations (samples, MiB: "
                            f"{[round(s / 2**20, 2) for s in samples]})")


def test_scorer_and_validation_keep_rss_flat():
    """Scorers (created, changed, refused changes, snapshots, freed) and validation runs
    that find problems, 20,000 times."""
    here = os.path.dirname(os.path.abspath(__file__))
    cat = itsma.Catalogue.load(os.path.join(here, "data", "catalogue.json"))
    text = open(os.path.join(here, "data", "assessment.json"), encoding="utf-8").read()
    asm = itsma.Assessment.from_string(text, cat)
    broken = text.replace('"document"', '"rumour"', 1)

    def one(i: int) -> None:
        sc = itsma.Scorer(asm)
        sc.rate("8.1-01", "LF"[i % 2], evidence=["EV-1"])
        sc.add_evidence("EV-9", "Log", "record", "2026-09-01")
        try:
            sc.rate("8.1-01", "L", evidence=["EV-404"])
        except itsma.NotFoundError:
            pass
        sc.compliance
        if i % 10 == 0:
            sc.result().to_json()
            sc.to_json()
        v = itsma.validate_string(broken, cat)
        assert not v.ok

    for i in range(2000):
        one(i)
    gc.collect()
    start = rss_bytes()
    for i in range(20000):
        one(i)
    gc.collect()
    growth = rss_bytes() - start
    assert growth < LIMIT, f"resident size grew by {growth / 2**20:.1f} MiB"


@pytest.mark.parametrize("case", ["builtin", "errors"])
def test_other_paths_keep_rss_flat(case, tmp_path):
    """Built-in catalogue loads (500, each a few MB) and every error path (20,000 times)."""
    missing = tmp_path / "missing.json"

    def one() -> None:
        if case == "builtin":
            cat = itsma.Catalogue.builtin("iso20000-1:2011")
            assert cat.requirements[0].text
        else:
            for fn, exc in ((lambda: itsma.Catalogue.load(missing), FileNotFoundError),
                            (lambda: itsma.Catalogue.builtin("nope"), itsma.NotFoundError),
                            (lambda: itsma.Catalogue.from_string("[1,"), itsma.ParseError),
                            (lambda: itsma.Catalogue.from_string("{}"), itsma.ValidationError),
                            (lambda: itsma.parse_rating("?"), itsma.InvalidArgumentError)):
                try:
                    fn()
                except exc:
                    pass

    n = 500 if case == "builtin" else 20000
    for _ in range(n // 10):
        one()
    gc.collect()
    start = rss_bytes()
    for _ in range(n):
        one()
    gc.collect()
    growth = rss_bytes() - start
    assert growth < LIMIT, f"resident size grew by {growth / 2**20:.1f} MiB"
