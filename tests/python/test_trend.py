# SPDX-License-Identifier: Apache-2.0
"""itsma.trend() and Trend: the trend of the C library, the same bytes as `itsma trend`."""

from __future__ import annotations

import gc
import pathlib
import subprocess

import pytest

import itsma

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
QUARTERS = [DATA / f"acme-2026-q{q}.json" for q in (1, 2, 3, 4)]


@pytest.fixture(scope="module")
def results():
    return [itsma.Assessment.load(p).score() for p in QUARTERS]


def test_trend_figures(results):
    t = itsma.trend(results)
    assert len(t) == 4 and t.results == results
    points = t.points
    assert [p.date.isoformat() for p in points] == ["2026-02-20", "2026-05-20", "2026-08-20", "2026-11-20"]
    assert points[0].nonconformities_opened is None and points[0].nonconformities_closed is None
    assert points[3].nonconformities_closed == 45 and points[3].nonconformities_opened == 0
    assert points[3].compliance == results[3].compliance
    assert all(p.verdict is itsma.Verdict.NONCONFORMANT for p in points)
    assert t.capability["8.6.1"] == [1, 1, 1, 3]
    assert len(t.capability) == 21
    assert ("9.2-07", 2) in t.repeated_regressions and len(t.repeated_regressions) == 7
    for rid, times in t.repeated_regressions:
        regressed = sum(1 for i in range(1, 4)
                        if itsma.compare(results[i - 1], results[i]).requirements[rid].change
                        is itsma.Change.REGRESSED)
        assert regressed == times


@pytest.mark.parametrize("fmt", ["text", "md", "html", "csv"])
def test_trend_report_matches_the_cli(cli, results, fmt):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    out = subprocess.run([cli, "trend", *map(str, QUARTERS), "--format", fmt], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert itsma.trend(results).report(fmt) == out.stdout.decode("utf-8")


def test_trend_errors_and_lifetime(results, tmp_path):
    with pytest.raises(itsma.InvalidArgumentError, match="oldest first"):
        itsma.trend([results[1], results[0]])
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.trend([])
    with pytest.raises(TypeError):
        itsma.trend([results[0], "q2.json"])
    with pytest.raises(ValueError):
        itsma.trend(results).report("pdf")
    # the trend keeps its results (and their assessments) alive
    t = itsma.trend([itsma.Assessment.load(p).score() for p in QUARTERS[:2]])
    gc.collect()
    assert t.points[1].compliance["default"] == pytest.approx(results[1].compliance["default"])
    t.write_report(tmp_path / "trend.html")
    assert (tmp_path / "trend.html").read_text(encoding="utf-8") == t.report("html")
