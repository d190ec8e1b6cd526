#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Score a folder of assessments into one pandas DataFrame, on one machine or a Dask cluster.

Usage:
    batch.py FOLDER                          every *.json in FOLDER, a process pool
    batch.py FOLDER --workers 4 -o out.csv   4 processes; write the table as CSV
    batch.py FOLDER --dask                   a Dask LocalCluster on this machine
    batch.py FOLDER --dask tcp://host:8786   an existing Dask cluster
    batch.py FOLDER --generate 1000          first write 1,000 made-up assessments there
    options: --catalogue CATALOGUE.json|ID (default: each assessment's built-in catalogue),
             --policy required|advisory, --chunk N (assessments per task, default 25)

One row per assessment: file, id, date, catalogue, verdict, the compliance figures of every
model, the capability levels (min, max, mean and one column per process), the numbers of
major and minor nonconformities and of unassessed ``shall`` requirements, and an ``error``
column (empty when it scored; a file that does not load gets its message, not a crash).

Assessments are independent, so the work is split into chunks mapped over an executor:
``concurrent.futures.ProcessPoolExecutor`` on one machine, or the ``concurrent.futures``
executor of a Dask client (``client.get_executor()``) for a cluster - the same
:func:`score_table` either way. Items are file paths (each worker reads its own files:
nothing big crosses the network) or JSON documents (text or dicts, for assessments that are
not files). Each worker process loads a catalogue once (:func:`catalogue`) and reuses it
for every assessment it scores.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import functools
import json
import os
import pathlib
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

import pandas

import itsma

#: An assessment to score: a path, or its JSON (text starting with "{", or a dict).
Item = Union[str, "os.PathLike[str]", Dict[str, Any]]


@functools.lru_cache(maxsize=8)
def catalogue(source: str) -> itsma.Catalogue:
    """The catalogue of *source* (a file, or a built-in id), loaded once per process."""
    if os.path.exists(source):
        return itsma.Catalogue.load(source)
    return itsma.Catalogue.builtin(source)


def _load(item: Item, cat_source: Optional[str]) -> tuple[str, itsma.Assessment]:
    if isinstance(item, dict) or (isinstance(item, str) and item.lstrip().startswith("{")):
        doc = item if isinstance(item, dict) else json.loads(item)
        name = str(doc.get("id", "<json>"))
        source = cat_source or str(doc.get("catalogue", ""))
        if isinstance(item, dict):
            return name, itsma.Assessment.from_dict(item, catalogue(source))
        return name, itsma.Assessment.from_string(item, catalogue(source), name)
    path = os.fspath(item)
    if cat_source is None:
        with open(path, encoding="utf-8") as f:
            head = json.load(f)
        cat_source = str(head.get("catalogue", ""))
    return path, itsma.Assessment.load(path, catalogue(cat_source))


def score_row(item: Item, cat_source: Optional[str] = None,
              policy: str = "required") -> Dict[str, Any]:
    """Score one assessment into one row (a dict; see the module docstring)."""
    row: Dict[str, Any] = {"file": None, "id": None}
    try:
        name, asm = _load(item, cat_source)
        row["file"] = name
        res = asm.score(policy)
    except (itsma.Error, OSError, ValueError) as e:
        row["file"] = row["file"] or (os.fspath(item) if not isinstance(item, dict) else None)
        row["error"] = str(e)
        return row
    cap = res.capability
    nc = res.nonconformities
    row.update({"id": asm.id, "date": asm.date, "catalogue": asm.catalogue.id,
                "verdict": res.verdict})
    for model, figure in res.compliance.items():
        row[f"compliance_{model}"] = figure
    row.update({"level_min": cap.min, "level_max": cap.max, "level_mean": cap.mean,
                "targets_met": cap.targets_met, "majors": nc.major, "minors": nc.minor,
                "unassessed_shall": nc.unassessed})
    sections = res.sections
    for process in asm.catalogue.processes:
        entry = sections.get(process.id)
        row[f"level {process.id}"] = None if entry is None else entry.capability_level
    row["error"] = ""
    return row


def _score_chunk(items: Sequence[Item], cat_source: Optional[str],
                 policy: str) -> List[Dict[str, Any]]:
    return [score_row(item, cat_source, policy) for item in items]


def _chunks(items: Sequence[Item], size: int) -> Iterator[Sequence[Item]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def score_table(items: Iterable[Item], executor: Optional[concurrent.futures.Executor] = None,
                *, catalogue_source: Optional[str] = None, policy: str = "required",
                chunk: int = 25) -> pandas.DataFrame:
    """Score every item into one DataFrame (one row per item, in the order given).

    *executor* is any :class:`concurrent.futures.Executor`: a ``ProcessPoolExecutor``, or
    ``distributed.Client(...).get_executor()`` for Dask; None scores here, one by one.
    """
    items = list(items)
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    parts = list(_chunks(items, chunk))
    n = len(parts)
    if executor is None:
        results: Iterable[List[Dict[str, Any]]] = map(
            _score_chunk, parts, [catalogue_source] * n, [policy] * n)
    else:
        results = executor.map(_score_chunk, parts, [catalogue_source] * n, [policy] * n)
    rows = [row for part in results for row in part]
    return pandas.DataFrame(rows)


def folder_items(folder: Union[str, "os.PathLike[str]"]) -> List[str]:
    """The ``*.json`` files of a folder, sorted by name."""
    return sorted(str(p) for p in pathlib.Path(folder).glob("*.json"))


def generate(folder: Union[str, "os.PathLike[str]"], n: int, seed: int = 1,
             catalogue_id: str = "iso20000-1:2018") -> List[str]:
    """Write *n* made-up assessments of a built-in catalogue into *folder* (to try the
    batch, or to measure it): random ratings, evidence and process targets. Returns the
    paths."""
    import random
    cat = catalogue(catalogue_id)
    reqs = [r.id for r in cat.requirements]
    procs = [p.id for p in cat.processes]
    letters = ["N", "P-", "P", "P+", "L-", "L", "L+", "F"]
    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rnd = random.Random(seed * 1_000_003 + i)
        evidence = [{"id": f"EV-{k}", "title": f"Record {k}", "kind": "record",
                     "collected": f"2026-{rnd.randint(1, 10):02d}-{rnd.randint(1, 28):02d}"}
                    for k in range(20)]
        ratings = [{"requirement": r, "rating": rnd.choice(letters),
                    "evidence": [f"EV-{rnd.randrange(20)}"]}
                   for r in reqs if rnd.random() < 0.9]
        attributes = [{"process": p, "attribute": a, "rating": rnd.choice(letters[4:]),
                       "evidence": [f"EV-{rnd.randrange(20)}"]}
                      for p in procs for a in ("PA2.1", "PA2.2") if rnd.random() < 0.6]
        doc = {"format": "itsma-assessment/1", "id": f"unit-{i:05d}",
               "catalogue": catalogue_id, "date": "2026-11-20",
               "organisation": f"Business unit {i}", "evidence": evidence,
               "ratings": ratings, "attributes": attributes,
               "targets": {"level": rnd.randint(1, 3)}}
        if not procs:
            del doc["targets"]
        path = out / f"unit-{i:05d}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    return paths


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--catalogue", default=None)
    ap.add_argument("--policy", default="required", choices=["required", "advisory"])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--chunk", type=int, default=25)
    ap.add_argument("--dask", nargs="?", const="local", default=None, metavar="ADDRESS")
    ap.add_argument("-o", "--output", default=None, help="write the table as CSV")
    ap.add_argument("--generate", type=int, default=0, metavar="N",
                    help="first write N made-up assessments into FOLDER")
    args = ap.parse_args(argv)

    if args.generate:
        generate(args.folder, args.generate)

    items = folder_items(args.folder)
    if args.dask is None:
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.workers) as pool:
            df = score_table(items, pool, catalogue_source=args.catalogue,
                             policy=args.policy, chunk=args.chunk)
    else:
        from distributed import Client, LocalCluster
        if args.dask == "local":
            with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                              processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                df = score_table(items, client.get_executor(),
                                 catalogue_source=args.catalogue, policy=args.policy,
                                 chunk=args.chunk)
        else:
            with Client(args.dask) as client:
                df = score_table(items, client.get_executor(),
                                 catalogue_source=args.catalogue, policy=args.policy,
                                 chunk=args.chunk)
    if args.output:
        df.to_csv(args.output, index=False)
    failed = int((df["error"] != "").sum()) if len(df) else 0
    print(f"{len(df)} assessments scored ({failed} failed)")
    if len(df):
        print(df["verdict"].value_counts(dropna=False).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
