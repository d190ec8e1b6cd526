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
