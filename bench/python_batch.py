#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Batch scoring throughput: examples/python/batch.py on generated assessments.

Usage (from the build tree; PYTHONPATH must find the itsma package):
    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/python_batch.py [N] [--repeat R]

Generates N (default 1,000) assessments of the built-in ISO/IEC 20000-1:2018 catalogue (429
requirements, about 90% rated, process attributes of the 22 processes), then scores the
folder into one DataFrame with a process pool of 1 and of 2 workers and, when distributed
is installed, a Dask LocalCluster of 1 and 2 worker processes. Prints
assessments per second for each (the best of --repeat runs, default 3); never fails on time.
Figures are in bench/README.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import pathlib
import sys
import tempfile
import time
from typing import Any, Callable, List

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "examples" / "python"))
import batch  # noqa: E402


CAT = "iso20000-1:2018"   # given, as a batch of one catalogue would: no peek into each file


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=25)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="itsma-batch-") as d:
        t0 = time.perf_counter()
        items = batch.generate(d, args.n, seed=1)
        print(f"generated {args.n} assessments in {time.perf_counter() - t0:.1f} s "
              f"({sum(os.path.getsize(p) for p in items) / 1e6:.1f} MB)")
        rows = []
        t = best(lambda: batch.score_table(items, chunk=args.chunk, catalogue_source=CAT), args.repeat)
        rows.append(("in this process (no executor)", 1, t))
        for workers in (1, 2):
            with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
                batch.score_table(items[:workers * args.chunk], pool, chunk=args.chunk, catalogue_source=CAT)  # warm
                t = best(lambda: batch.score_table(items, pool, chunk=args.chunk, catalogue_source=CAT),
                         args.repeat)
            rows.append(("ProcessPoolExecutor", workers, t))
        try:
            import distributed
        except ImportError:
            distributed = None
        if distributed is not None:
            os.environ["PYTHONPATH"] = os.pathsep.join(
                [str(HERE.parent / "examples" / "python"), os.environ.get("PYTHONPATH", "")])
            for workers in (1, 2):
                with distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                              processes=True, dashboard_address=None) as c, \
                        distributed.Client(c) as client:
                    ex = client.get_executor()
                    batch.score_table(items[:workers * args.chunk], ex, chunk=args.chunk, catalogue_source=CAT)
                    t = best(lambda: batch.score_table(items, ex, chunk=args.chunk, catalogue_source=CAT),
                             args.repeat)
                rows.append(("Dask LocalCluster", workers, t))
    print(f"{'executor':<32} {'workers':>7} {'seconds':>8} {'assessments/s':>14}")
    for name, workers, t in rows:
        print(f"{name:<32} {workers:>7} {t:>8.2f} {args.n / t:>14.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
