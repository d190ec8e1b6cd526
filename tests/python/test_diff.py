# SPDX-License-Identifier: Apache-2.0
"""compare() and Diff: every property agrees with the diff JSON."""

from __future__ import annotations

import pytest

import itsma


def approx(x):
    return None if x is None else pytest.approx(x, rel=1e-6, abs=1e-9)


def label(x):
    return None if x is None else str(x)


@pytest.fixture
def before_after(asm):
    before = asm.score()
    asm.rate("8.2-01", "F", evidence=["EV-2"])          # unsupported N -> rated F
    asm.rate("8.1-01", "P", evidence=["EV-1"])          # L -> P: regressed
    asm.remove_exclusion("4")                           # 4-01 comes into scope
    asm.rate_attribute("8.2", "PA2.1", "F", evidence=["EV-2"])
    asm.rate_attribute("8.2", "PA2.2", "F", evidence=["EV-2"])
    after = asm.score()
    return before, after


def test_compare(before_after):
    before, after = before_after
    diff = itsma.compare(before, after)
    assert diff.before is before and diff.after is after
    doc = diff.to_dict()
    assert doc["format"] == "itsma-diff/1"
    assert str(diff.verdict_before) == "nonconformant"
    assert diff.verdict_before is before.verdict and diff.verdict_after is after.verdict
    comp = diff.compliance
    assert list(comp) == [str(m) for m in itsma.Model]
    for model, change in comp.items():
        assert change.before == approx(before.compliance[model])
        assert change.after == approx(after.compliance[model])
        if change.before is not None and change.after is not None:
            assert change.difference == approx(change.after - change.before)

    by_id = {r.id: r for r in diff.requirements}
    assert by_id["8.2-01"].change is itsma.Change.IMPROVED
    assert by_id["8.2-01"].difference == pytest.approx(100)
    assert by_id["8.1-01"].change is itsma.Change.REGRESSED
    assert by_id["8.1-01"].before.letter is itsma.Letter.L
    assert by_id["8.1-01"].after.letter is itsma.Letter.P
    assert by_id["8.1-01"].before.result is before and by_id["8.1-01"].after.result is after
    assert diff.requirements["8.2-01"] == by_id["8.2-01"]
    assert "4-01" not in diff.requirements and "4-01" in diff.scope_changes
    sc = diff.scope_changes["4-01"]
    assert sc.change is itsma.Change.INCLUDED
    assert sc.before.status is itsma.Status.EXCLUDED and sc.difference is None

    procs = diff.processes
    assert procs["8.2"].level_before == 0 and procs["8.2"].change is itsma.Change.IMPROVED
    assert procs["8.2"].target_before == 2 == procs["8.2"].target_after
    ncs = {n.id: n for n in diff.nonconformities}
    assert ncs["8.2-01"].change is itsma.NonconformityChange.CLOSED
    assert ncs["8.2-01"].before is itsma.Nonconformity.MAJOR
    assert ncs["8.2-01"].after is itsma.Nonconformity.NONE
    assert diff.nonconformities["8.2-01"] == ncs["8.2-01"]

    c = diff.counts
    assert c.improved >= 1 and c.regressed >= 1 and c.scope_changes == 1
    assert c.nonconformities_closed >= 1 and c.processes_improved >= 1
    assert repr(diff).startswith("<itsma.Diff 'small-q4' -> 'small-q4' improved=")
    assert repr(sc) == "<itsma.RequirementDiff '4-01' included>"
    assert repr(by_id["8.2-01"]) == "<itsma.RequirementDiff '8.2-01' improved +100.00>"
    assert "8.2" in repr(procs["8.2"])
    assert "closed" in repr(ncs["8.2-01"])
    assert diff.requirements[0].diff is diff


def test_diff_properties_match_json(before_after):
    before, after = before_after
    diff = itsma.compare(before, after)
    doc = diff.to_dict()
    assert doc == itsma.compare(before, after).to_dict()     # deterministic
    summ = doc["summary"]
    assert {k: (approx(v.before), approx(v.after), approx(v.difference))
            for k, v in diff.compliance.items()} == {
        k: (approx(v["before"]), approx(v["after"]), approx(v["difference"]))
        for k, v in summ["compliance"].items()}
    assert (str(diff.verdict_before), str(diff.verdict_after)) == (
        summ["verdict"]["before"], summ["verdict"]["after"])
    c = diff.counts
    assert (c.improved, c.regressed, c.unchanged, c.scope_changes) == tuple(
        summ["requirements"].values())
    assert (c.nonconformities_closed, c.nonconformities_opened,
            c.nonconformities_changed) == tuple(summ["nonconformities"].values())
    assert (c.processes_improved, c.processes_regressed, c.processes_unchanged) == tuple(
        summ["capability"].values())

    def side(entry):
        if entry is None:
            return None
        return {"status": str(entry.status), "achievement": approx(entry.achievement),
                "rating": label(entry.letter), "nonconformity": label(entry.nonconformity)}

    for view, key in ((diff.requirements, "requirements"),
                      (diff.scope_changes, "scope_changes")):
        assert len(view) == len(doc[key])
        for r, js in zip(view, doc[key]):
            assert (r.id, str(r.change), r.difference) == (
                js["id"], js["change"], approx(js["difference"]))
            assert side(r.before) == (None if js.get("before") is None else
                                      {k: approx(v) if k == "achievement" else v
                                       for k, v in js["before"].items()})
            assert side(r.after) == (None if js.get("after") is None else
                                     {k: approx(v) if k == "achievement" else v
                                      for k, v in js["after"].items()})
    assert [(p.id, str(p.change), p.level_before, p.level_after, p.target_before,
             p.target_after) for p in diff.processes] == [
        (js["id"], js["change"], js["before"], js["after"], js["target_before"],
         js["target_after"]) for js in doc["processes"]]
    assert [(n.id, str(n.change), label(n.before), label(n.after))
            for n in diff.nonconformities] == [
        (js["requirement"], js["change"], js["before"], js["after"])
        for js in doc["nonconformities"]]


def test_compare_errors(res, iso):
    with pytest.raises(TypeError):
        itsma.compare(res, "x")
    with pytest.raises(TypeError):
        itsma.compare(None, res)
    other = itsma.Assessment.new(iso, "other", "2026-01-01").score()
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.compare(res, other)


def test_compare_with_itself(res):
    diff = itsma.compare(res, res)
    assert diff.counts.regressed == 0 and diff.counts.improved == 0
    assert all(r.change is itsma.Change.UNCHANGED for r in diff.requirements)
    assert len(diff.nonconformities) == 0
