# SPDX-License-Identifier: Apache-2.0
"""Long calls release the GIL; concurrent use from several threads is safe."""

from __future__ import annotations

import json
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
    """How often this thread ran while another thread was in the middle of fn()."""
    window = {}
    stamps = []

    def worker():
        window["t0"] = time.perf_counter()
        fn()
        window["t1"] = time.perf_counter()

    th = threading.Thread(target=worker)
    th.start()
    while th.is_alive():
        stamps.append(time.perf_counter())
    th.join()
    t0, t1 = window["t0"], window["t1"]
    margin = (t1 - t0) * 0.25
    return sum(1 for s in stamps if t0 + margin < s < t1 - margin)


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
