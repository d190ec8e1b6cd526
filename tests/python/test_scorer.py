# SPDX-License-Identifier: Apache-2.0
"""itsma.Scorer: a live result, always equal to scoring the assessment from scratch."""

from __future__ import annotations

import random
import threading

import pytest

import itsma


def fresh(sc: itsma.Scorer) -> str:
    """The JSON of scoring the scorer's assessment from scratch."""
    return sc.assessment.score(sc.evidence_policy).to_json()


def test_starts_equal_to_score(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    assert sc.to_json() == asm.score().to_json()
    res = asm.score()
    assert sc.verdict == res.verdict
    assert sc.compliance == res.compliance
    assert sc.requirement_counts == res.requirement_counts
    assert sc.nonconformities == res.nonconformities
    assert sc.capability == res.capability
    assert sc.warnings == res.warnings
    assert sc.stats == (0, 0)
    assert "itsma.Scorer" in repr(sc)


def test_changes_follow_and_stay_equal(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    before = sc.compliance["default"]
    sc.rate("8.1-01", "F", evidence=["EV-1"])
    sc.add_evidence("EV-9", "Change log", "record", "2026-09-01", expires="2027-09-01")
    sc.rate("8.2-01", "L", evidence=["EV-9"], note="seen")
    sc.rate_attribute("8.1", "PA2.2", "F", evidence=["EV-9"])
    assert sc.to_json() == fresh(sc)
    assert sc.compliance["default"] != before
    sc.remove_attribute("8.1", "PA2.2")
    sc.remove_rating("8.2-01")
    assert sc.to_json() == fresh(sc)
    inc, full = sc.stats
    assert inc == 6 and full == 0
    sc.remove_evidence("EV-9")  # nothing cites it any more: re-scores from scratch
    assert sc.stats == (6, 1)
    assert sc.to_json() == fresh(sc)


def test_works_on_its_own_copy(asm: itsma.Assessment) -> None:
    original = asm.to_json()
    sc = itsma.Scorer(asm)
    sc.rate("8.1-01", "N")
    assert asm.to_json() == original  # the assessment given is untouched
    asm.rate("8.1-01", "F", evidence=["EV-1"])  # and changing it leaves the scorer alone
    assert sc.assessment.ratings["8.1-01"].rating == itsma.Letter.N
    copy = sc.assessment
    copy.rate("8.1-01", "P")  # a copy: the scorer does not see it
    assert sc.assessment.ratings["8.1-01"].rating == itsma.Letter.N
    assert sc.to_json() == fresh(sc)


def test_result_is_an_immutable_snapshot(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    res = sc.result()
    text = res.to_json()
    assert text == sc.to_json()
    sc.rate("8.1-01", "N")
    sc.add_evidence("EV-1", "Incident procedure", "document", "2027-01-01")  # future now
    assert res.to_json() == text  # the snapshot does not move
    assert sc.to_json() != text
    assert list(res.gaps) and res.gaps[0].requirement


def test_refused_changes_change_nothing(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    text = sc.to_json()
    refused = [
        (itsma.NotFoundError, lambda: sc.rate("no-such-requirement", "L")),
        (itsma.NotFoundError, lambda: sc.rate("8.1-01", "L", evidence=["EV-404"])),
        (itsma.InvalidArgumentError, lambda: sc.rate("8.1-01", "L", evidence=["EV-1", "EV-1"])),
        (itsma.InvalidArgumentError, lambda: sc.rate("8.1-01", "Q")),
        (itsma.InvalidArgumentError, lambda: sc.add_evidence("EV-1", "", "document", "2026-01-01")),
        (itsma.InvalidArgumentError,
         lambda: sc.add_evidence("EV-1", "t", "document", "2026-01-01", expires="2025-01-01")),
        (itsma.InvalidArgumentError, lambda: sc.remove_evidence("EV-1")),  # still cited
        (itsma.NotFoundError, lambda: sc.remove_attribute("8.1", "PA5.2")),
        (itsma.InvalidArgumentError, lambda: sc.rate_attribute("8.1", "PA1.1", "F")),
    ]
    for exc, change in refused:
        with pytest.raises(exc):
            change()
    with pytest.raises(ValueError):
        itsma.Scorer(asm, evidence_policy="lenient")
    with pytest.raises(TypeError):
        itsma.Scorer("not an assessment")  # type: ignore[arg-type]
    assert sc.to_json() == text
    assert sc.stats == (0, 0)


def test_advisory_policy_and_explain(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm, evidence_policy="advisory")
    assert sc.evidence_policy == itsma.EvidencePolicy.ADVISORY
    sc.rate("8.1-01", "L")  # no evidence: still counts under the advisory policy
    assert sc.requirement_counts.unsupported >= 1
    assert sc.to_json() == fresh(sc)
    assert '"evidence": "advisory"' in sc.to_json()
    assert "8.1-01" in sc.explain("8.1-01")
    with pytest.raises(itsma.NotFoundError):
        sc.explain("nope")


def test_random_changes_on_the_builtin_catalogue(iso: itsma.Catalogue) -> None:
    rnd = random.Random(20261126)
    asm = itsma.Assessment.new(iso, "live", "2026-11-20")
    asm.set_target(2)
    ids = [f"EV-{i}" for i in range(60)]
    for i, e in enumerate(ids):
        asm.add_evidence(e, f"Record {i}", "record", f"2026-{1 + i % 10:02d}-01",
                         expires="2026-10-31" if i % 7 == 0 else None)
    reqs = [r.id for r in iso.requirements]
    procs = [s.id for s in iso.sections if s.kind == itsma.SectionKind.PROCESS]
    letters = ["N", "P-", "P", "P+", "L-", "L", "L+", "F", 42.5]
    sc = itsma.Scorer(asm)
    for step in range(600):
        k = rnd.random()
        if k < 0.45:
            sc.rate(rnd.choice(reqs), rnd.choice(letters), evidence=rnd.sample(ids, rnd.randint(0, 3)))
        elif k < 0.55:
            try:
                sc.remove_rating(rnd.choice(reqs))
            except itsma.NotFoundError:
                pass
        elif k < 0.8:
            i = rnd.randrange(len(ids))
            month = rnd.randint(1, 12)  # December: collected after the assessment date
            sc.add_evidence(ids[i], f"Record {i}", "record", f"2026-{month:02d}-15",
                            expires=rnd.choice([None, f"2026-{month:02d}-28", "2027-01-01"]))
        elif k < 0.85:
            ids.append(f"EV-new-{step}")
            sc.add_evidence(ids[-1], "New record", "metric", "2026-11-01")
        else:
            sc.rate_attribute(rnd.choice(procs), rnd.choice(["PA2.1", "PA2.2", "PA3.1", "PA3.2"]),
                              rnd.choice(letters), evidence=rnd.sample(ids, 1))
        if step % 100 == 99:
            assert sc.to_json() == fresh(sc), f"differs after {step + 1} changes"
    inc, full = sc.stats
    assert inc >= 500 and full == 0


def test_threads_share_one_scorer(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    errors = []

    def work(seed: int) -> None:
        rnd = random.Random(seed)
        try:
            for _ in range(300):
                sc.rate(rnd.choice(["8.1-01", "8.1-02", "8.2-01"]), rnd.choice(["N", "P", "L", "F"]),
                        evidence=["EV-1"])
                sc.compliance  # noqa: B018 (a read between changes)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)
    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sc.to_json() == fresh(sc)


def test_deleting_in_any_order(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    res = sc.result()
    copy = sc.assessment
    del asm
    del sc
    assert res.to_json()
    assert copy.to_json()


def test_snapshot_is_the_c_clone(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    sc.rate("8.1-01", "L", evidence=["EV-1"])
    snap = sc.result()
    text = snap.to_json()
    assert text == fresh(sc) == sc.to_json()
    assert isinstance(snap, itsma.Result) and sc.snapshot().to_json() == text
    # typed entries, from the snapshot's own copy of the assessment
    assert all(isinstance(g, itsma.Gap) for g in snap.gaps)
    assert [g.requirement.id for g in snap.gaps] == [row["id"] for row in sc.gaps]
    assert snap.assessment.ratings["8.1-01"].rating == itsma.Letter.L
    for _ in range(20):
        sc.rate("8.1-01", random.choice(["N", "P", "F"]))
    assert snap.to_json() == text  # it stays as it was
    assert snap.assessment.ratings["8.1-01"].rating == itsma.Letter.L
    # changing the snapshot's assessment copies it: the snapshot does not move
    a2 = snap.assessment
    a2.rate("8.1-01", "N")
    assert snap.to_json() == text
    del sc
    assert snap.to_json() == text


def test_changed_sections(asm: itsma.Assessment) -> None:
    sc = itsma.Scorer(asm)
    assert sc.changed == []
    res0 = asm.score()
    sc.rate("8.1-01", "F", evidence=["EV-1"])
    res1 = sc.result()
    def figures(s: itsma.SectionResult) -> tuple:
        return (s.applicable, s.achievement, s.letter, s.capability_level)
    moved = [s.id for s in res1.sections if figures(s) != figures(res0.sections[s.id])]
    changed = [s.id for s in sc.changed]
    assert changed and sorted(changed) == sorted(moved)
    assert all(isinstance(s, itsma.Section) for s in sc.changed)
    sc.mark()
    assert sc.changed == []
    sc.rate("8.1-01", "F", evidence=["EV-1"])  # the same rating again: nothing moves
    assert sc.changed == []
    assert sc.stale is False
