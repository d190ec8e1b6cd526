# SPDX-License-Identifier: Apache-2.0
"""Long calls release the GIL; concurrent use from several threads is safe."""

from __future__ import annotations

import json
import sys
import threading
import time

import pytest

import itsma


@pytest.fixture(scope="module")
def big(iso):
    """A large assessment of the built-in catalogue (about 20 MB of JSON)."""
    reqs = [r.id for r in iso.requirements]
    doc = {"format": "itsma-assessment/1", "id": "big", "catalogue": iso.id,
           "date": "2026-11-20",
           "evidence": [{"id": f"EV-{i}", "title": f"Evidence record number {i}",
                         "kind": "record", "collected": "2026-01-01"} for i in range(200000)],
           "ratings": [{"requirement": r, "rating": "L",
                        "evidence": [f"EV-{j}" for j in range(i * 10, i * 10 + 10)]}
                       for i, r in enumerate(reqs)]}
    text = json.dumps(doc)
    return text, itsma.Assessment.from_string(text, iso)


def main_thread_ran_during(fn) -> int:
    """How often this thread ran while another thread was inside fn().

    With the default switch interval (5 ms) the interpreter takes the GIL from a thread by
    force, so this thread also ran while a GIL-holding fn() was *about* to run: between
    the worker's start time and its call of fn() (and after fn() returned), and on a loaded
    machine the worker could wait tens of milliseconds to get a CPU back, so that this
    thread's forced turn spilled into the middle of the window. That made the check of a
    call that keeps the GIL fail now and then (3 of 7 runs under load). Here no thread is
    ever switched by force during the measurement (a switch interval of 30 s): this
    thread runs inside the window only if fn() itself releases the GIL. This thread yields
    now and then (a 10 microsecond sleep) so that the worker gets the GIL back whenever it
    wants it.
    """
    window = {}
    stamps = []

    def worker():
        window["t0"] = time.perf_counter()
        fn()
        window["t1"] = time.perf_counter()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(30.0)
    try:
        th = threading.Thread(target=worker)
        th.start()
        n = 0
        while th.is_alive():
            stamps.append(time.perf_counter())
            n += 1
            if n % 32 == 0:
                time.sleep(1e-5)
        th.join()
    finally:
        sys.setswitchinterval(interval)
    t0, t1 = window["t0"], window["t1"]
    return sum(1 for s in stamps if t0 < s < t1)


def _python_busy(seconds: float) -> None:
    """Pure Python work that never releases the GIL by itself (only a forced switch, at a
    bytecode boundary, could take it away)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_method_does_not_count_forced_switches():
    # The flaky failures came from forced switches being counted as the call releasing the
    # GIL: with the default switch interval this thread got a turn every 5 ms of the
    # worker's Python code, and under load such a turn landed inside the window.
    assert main_thread_ran_during(lambda: _python_busy(0.2)) < 50


def test_method_detects_a_call_that_keeps_the_gil(big):
    text, _ = big
    assert main_thread_ran_during(lambda: json.loads(text)) < 50


@pytest.mark.parametrize("call", ["Assessment.from_string", "Assessment.to_json",
                                  "Result.to_json", "Catalogue.from_string"])
def test_long_calls_release_the_gil(big, iso, call):
    text, asm = big
    res = asm.score()
    cat_text = json.dumps({**json.loads(iso.to_json()), "x-pad": ["x" * 100] * 100000})
    fn = {
        "Assessment.from_string": lambda: itsma.Assessment.from_string(text, iso),
        "Assessment.to_json": lambda: [asm.to_json() for _ in range(3)],
        "Result.to_json": lambda: [res.to_json() for _ in range(3)],
        "Catalogue.from_string": lambda: [itsma.Catalogue.from_string(cat_text)
                                          for _ in range(3)],
    }[call]
    assert main_thread_ran_during(fn) > 1000


def test_load_and_save_release_the_gil(big, iso, tmp_path):
    text, asm = big
    p = tmp_path / "big.json"
    p.write_text(text)
    assert main_thread_ran_during(lambda: itsma.Assessment.load(p, iso)) > 1000
    assert main_thread_ran_during(lambda: asm.save(tmp_path / "out.json")) > 100


def test_score_releases_the_gil(big):
    _, asm = big
    assert main_thread_ran_during(lambda: [asm.score() for _ in range(20)]) > 100


def test_concurrent_scoring_while_changing(asm):
    """Readers score and serialise one assessment while the main thread keeps changing it:
    no crash, and every result is consistent with one of the states it went through."""
    stop = threading.Event()
    errors = []
    seen = set()

    def reader():
        try:
            while not stop.is_set():
                res = asm.score()
                doc = json.loads(res.to_json())
                entry = next(r for r in doc["requirements"] if r["id"] == "8.2-01")
                seen.add(entry["achievement"])
                json.loads(asm.to_json())
                if entry["status"] == "rated":
                    assert res.assessment.ratings["8.2-01"].value == entry["achievement"]
        except Exception as e:            # reported below
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    values = [0, 32.5, 67.5, 100]
    for i in range(400):
        asm.rate("8.2-01", ["N", "P", "L", "F"][i % 4], evidence=["EV-2"])
        asm.add_evidence(f"EV-X{i % 7}", "Churn", "record", "2026-01-01")
    stop.set()
    for t in threads:
        t.join()
    assert not errors, errors
    assert seen <= set(values) | {0}


def test_concurrent_loads_share_a_catalogue(assessment_path, cat):
    results = []
    errors = []

    def load():
        try:
            for _ in range(200):
                results.append(itsma.Assessment.load(assessment_path, cat).score().to_json())
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(results)) == 1
