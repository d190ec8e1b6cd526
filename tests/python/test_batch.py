# SPDX-License-Identifier: Apache-2.0
"""examples/python/batch.py: a folder of assessments into one DataFrame, with a process
pool and with Dask (issue 18, section 4)."""

from __future__ import annotations

import concurrent.futures
import json
import os
import pathlib
import sys

import pytest

import itsma

pandas = pytest.importorskip("pandas")
EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python"
sys.path.insert(0, str(EXAMPLES))
import batch  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    batch.generate(d, 1000, seed=7)
    return d


def _expected(path: str) -> dict:
    asm = itsma.Assessment.load(path)
    res = asm.score()
    return {"id": asm.id, "verdict": res.verdict, "default": res.compliance["default"],
            "majors": res.nonconformities.major, "level_min": res.capability.min}


def test_process_pool_scores_a_thousand(folder):
    items = batch.folder_items(folder)
    assert len(items) == 1000
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        df = batch.score_table(items, pool, chunk=50)
    assert len(df) == 1000 and list(df["file"]) == items
    assert (df["error"] == "").all()
    for i in (0, 499, 999):
        e = _expected(items[i])
        row = df.iloc[i]
        assert (row["id"], row["verdict"], row["majors"], row["level_min"]) == (
            e["id"], e["verdict"], e["majors"], e["level_min"])
        assert row["compliance_default"] == pytest.approx(e["default"])
    # the same table scored here, one by one
    here = batch.score_table(items[:100])
    pandas.testing.assert_frame_equal(here, df.iloc[:100].reset_index(drop=True))
    # words filter in pandas; levels of every process are columns
    assert len(df[df.verdict == "nonconformant"]) == (df.verdict == "nonconformant").sum()
    assert "level 8.6.1" in df.columns and df["level 8.6.1"].notna().any()


def test_dask_local_cluster_gives_the_same_table(folder, monkeypatch):
    distributed = pytest.importorskip("distributed")
    # spawned workers import batch from the examples folder
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(EXAMPLES), os.environ.get("PYTHONPATH", "")]))
    items = batch.folder_items(folder)[:200]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        df = batch.score_table(items, client.get_executor(), chunk=25)
    pandas.testing.assert_frame_equal(df, batch.score_table(items))


def test_json_items_and_broken_files(folder, tmp_path):
    items = batch.folder_items(folder)[:3]
    texts = [pathlib.Path(p).read_text() for p in items]
    dicts = [json.loads(t) for t in texts]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "itsma-assessment/1", "catalogue": "iso20000-1:2018", "id": 5}')
    df_paths = batch.score_table(items)
    for given in (texts, dicts):
        df = batch.score_table(given, catalogue_source="iso20000-1:2018")
        assert list(df["id"]) == list(df_paths["id"])
        assert list(df["compliance_default"]) == list(df_paths["compliance_default"])
    df = batch.score_table([bad, items[0]])
    assert df.iloc[0]["error"] != "" and df.iloc[1]["error"] == ""
    assert df.iloc[1]["verdict"] == df_paths.iloc[0]["verdict"]
