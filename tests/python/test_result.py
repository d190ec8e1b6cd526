# SPDX-License-Identifier: Apache-2.0
"""Result: every property agrees with the result JSON; policies, scopes, explain."""

from __future__ import annotations

import json

import pytest

import itsma


def approx(x):
    return None if x is None else pytest.approx(x, rel=1e-6, abs=1e-9)


def label(x):
    return None if x is None else str(x)


def check_against_json(res: itsma.Result) -> dict:
    """Every property of the result and its entries equals the C library's JSON."""
    doc = res.to_dict()
    assert res.to_dict() == json.loads(res.to_json())
    asm = res.assessment
    assert doc["assessment"] == asm.id
    assert doc["catalogue"] == res.catalogue.id
    assert doc["date"] == asm.date.isoformat()
    assert doc["policy"]["evidence"] == str(res.policy)
    summ = doc["summary"]
    assert res.compliance == {k: approx(v) for k, v in summ["compliance"].items()}
    assert list(res.compliance) == list(summ["compliance"])
    assert str(res.verdict) == summ["verdict"]
    assert res.requirement_counts._asdict() == summ["requirements"]
    assert res.nonconformities._asdict() == summ["nonconformities"]
    cap = res.capability._asdict()
    assert cap == {k: approx(v) for k, v in summ["capability"].items()}

    assert len(res.sections) == len(doc["sections"])
    for entry, js in zip(res.sections, doc["sections"]):
        assert entry.id == js["id"] == entry.section.id
        assert entry.applicable is js["applicable"]
        assert entry.achievement == approx(js.get("achievement"))
        assert label(entry.letter) == js.get("rating")
        if "capability_level" in js:
            assert entry.capability_level == js["capability_level"]
            assert entry.target_level == js["target_level"]
            assert {str(k): (approx(v.achievement), label(v.letter), str(v.status))
                    for k, v in entry.attributes.items()} == {
                k: (approx(v["achievement"]), v["rating"], v["status"])
                for k, v in js["attributes"].items()}
        else:
            assert entry.capability_level is None
            assert len(entry.attributes) == 0
        assert res.sections[entry.id] == entry

    assert len(res.requirements) == len(doc["requirements"])
    for entry, js in zip(res.requirements, doc["requirements"]):
        assert entry.id == js["id"] == entry.requirement.id
        assert entry.section.id == js["section"]
        assert (entry.process.id if entry.process else None) == js["process"]
        assert str(entry.obligation) == js["obligation"]
        assert str(entry.status) == js["status"]
        assert entry.achievement == approx(js["achievement"])
        assert label(entry.letter) == js["rating"]
        assert label(entry.nonconformity) == js["nonconformity"]
        assert res.requirements[entry.id] == entry
        rating = asm.ratings.get(entry.id)
        assert entry.rating == rating

    assert len(res.gaps) == len(doc["gaps"])
    for gap, js in zip(res.gaps, doc["gaps"]):
        assert gap.id == js["requirement"] == str(gap.requirement)
        assert (gap.process.id if gap.process else None) == js["process"]
        assert str(gap.obligation) == js["obligation"]
        assert str(gap.status) == js["status"]
        assert label(gap.letter) == js["rating"]
        assert gap.achievement == approx(js["achievement"])
        assert gap.gain == approx(js["gain"])
        assert gap.guidance == js["guidance"]
        assert gap.result_entry == res.requirements[gap.id]
        assert gap.nonconformity == res.requirements[gap.id].nonconformity
        assert res.gaps[gap.id] == gap

    assert len(res.capability_gaps) == len(doc["capability_gaps"])
    for cg, js in zip(res.capability_gaps, doc["capability_gaps"]):
        assert cg.id == js["process"] == cg.process.id
        assert (cg.level, cg.target) == (js["level"], js["target"])
        assert [(str(a.attribute), label(a.letter), str(a.needed)) for a in cg.attributes] == [
            (a["attribute"], a["rating"], a["needed"]) for a in js["attributes"]]
        assert res.capability_gaps[cg.id] == cg

    assert len(res.evidence_issues) == len(doc["evidence_issues"])
    for issue, js in zip(res.evidence_issues, doc["evidence_issues"]):
        assert issue.id == js["evidence"] == issue.evidence.id
        assert str(issue.problem) == js["problem"]
        assert issue.cited_by == js["cited_by"]
        assert res.evidence_issues[issue.id] == issue
    return doc


def test_small_result(res):
    doc = check_against_json(res)
    assert res.verdict is itsma.Verdict.NONCONFORMANT
    assert res.compliance["default"] == pytest.approx(22.5)
    assert res.compliance["flat"] == pytest.approx(27)
    assert res.policy is itsma.EvidencePolicy.REQUIRED
    assert res.scope is None
    assert res.capability == itsma.Capability(2, 0, 1, 0.5, 2, 0)
    assert res.requirement_counts == itsma.RequirementCounts(4, 3, 1, 1, 0, 2)
    assert res.nonconformities == itsma.NonconformityCounts(1, 1, 0)
    excluded = res.requirements["4-01"]
    assert excluded.status is itsma.Status.EXCLUDED
    assert excluded.achievement is None and excluded.letter is None
    assert excluded.nonconformity is None and excluded.weight == 0 and excluded.gain == 0
    assert res.sections["4"].applicable is False and res.sections["4"].achievement is None
    r = res.requirements["8.1-01"]
    assert r.status is itsma.Status.RATED and r.letter is itsma.Letter.L
    assert r.nonconformity is itsma.Nonconformity.MINOR and r.achievement == 67.5
    assert r.rating.evidence == ("EV-1", "EV-2")
    assert res.requirements["8.2-01"].status is itsma.Status.UNSUPPORTED
    assert res.requirements["8.1-02"].nonconformity is None          # should
    sec = res.sections["8.1"]
    assert sec.capability_level == 1 and sec.target_level == 3 and sec.is_process
    assert sec.attributes[itsma.Attribute.PA2_1].status is itsma.AttributeStatus.RATED
    assert sec.attributes["PA1.1"].status is itsma.AttributeStatus.DERIVED
    with pytest.raises(KeyError):
        sec.attributes["PA9.9"]
    assert [g.id for g in res.gaps] == ["8.2-01", "8.1-01", "8.1-02"]
    assert [g.id for g in res.capability_gaps] == ["8.1", "8.2"]
    assert res.capability_gaps["8.1"].attributes[0] == itsma.AttributeNeed(
        itsma.Attribute.PA1_1, itsma.Letter.L, itsma.Letter.F)
    assert [(i.id, str(i.problem)) for i in res.evidence_issues] == [
        ("EV-3", "expired"), ("EV-4", "unused")]
    assert res.evidence_issues["EV-3"].cited_by == ["8.1-02"]
    assert res.warnings == []
    assert doc["summary"]["verdict"] == "nonconformant"


def test_advisory_policy(asm):
    res = asm.score(evidence_policy="advisory")
    check_against_json(res)
    assert res.policy is itsma.EvidencePolicy.ADVISORY
    assert res.requirements["8.2-01"].achievement == 72.5
    assert asm.score(itsma.EvidencePolicy.ADVISORY).to_json() == res.to_json()
    with pytest.raises(itsma.InvalidArgumentError):
        asm.score(evidence_policy="lenient")
    with pytest.raises(TypeError):
        asm.score(evidence_policy=1.0)


def test_section_scope(asm, cat):
    res = asm.score(section="8.1")
    check_against_json(res)
    assert res.scope == cat.sections["8.1"]
    assert [r.id for r in res.requirements] == ["8.1-01", "8.1-02"]
    assert asm.score(section=cat.sections["8.1"]).to_json() == res.to_json()
    assert "scope='8.1'" in repr(res)
    with pytest.raises(itsma.NotFoundError):
        asm.score(section="nope")


def test_builtin_catalogue_result(iso):
    asm = itsma.Assessment.new(iso, "iso", "2026-11-20")
    asm.add_evidence("EV-1", "Procedure", "document", "2026-10-01")
    asm.add_evidence("EV-2", "Old", "record", "2024-01-01", expires="2025-01-01")
    for i, req in enumerate(iso.requirements[:200]):
        asm.rate(req, ["N", "P", "L", "F", "L+"][i % 5], evidence=["EV-1"] if i % 3 else ["EV-2"])
    for p in iso.processes[:5]:
        asm.rate_attribute(p, "PA2.1", "L", evidence="EV-1")
        asm.rate_attribute(p, "PA2.2", "F", evidence="EV-1")
    asm.set_target(level=2)
    res = asm.score()
    check_against_json(res)
    gains = sum(g.gain for g in res.gaps) + sum(
        r.gain for r in res.requirements if r.letter is itsma.Letter.F)
    assert gains == pytest.approx(100 - res.compliance["default"], abs=1e-6)
    assert len(res.capability_gaps) > 0


def test_warnings_for_rated_excluded(cat):
    asm = itsma.Assessment.new(cat, "w", "2026-01-01")
    asm.rate("4-01", "F")
    asm.exclude("4", "Out")
    res = asm.score()
    assert len(res.warnings) >= 1 and all(isinstance(w, str) for w in res.warnings)


def test_explain(res, cat):
    text = res.explain("8.1-01")
    assert "8.1-01" in text and "EV-1" in text
    assert res.explain(cat.requirements["8.1-01"]) == text
    assert res.requirements["8.1-01"].explain() == text
    assert res.gaps["8.1-01"].explain() == text
    sec = res.explain("8.1")
    assert "8.1" in sec and res.sections["8.1"].explain() == sec
    with pytest.raises(itsma.NotFoundError):
        res.explain("nope")
    with pytest.raises(TypeError):
        res.explain(3)


def test_save(res, tmp_path):
    p = tmp_path / "result.json"
    res.save(p)
    assert p.read_text() == res.to_json()
    with pytest.raises(OSError):
        res.save(tmp_path / "missing" / "result.json")


def test_result_is_immutable_snapshot(asm):
    res = asm.score()
    before = res.to_json()
    asm.rate("8.2-01", "F", evidence=["EV-2"])
    asm.remove_rating("8.1-01")
    asm.add_evidence("EV-9", "New", "record", "2026-11-01")
    assert res.to_json() == before
    assert res.assessment.ratings["8.1-01"].letter is itsma.Letter.L
    assert "EV-9" not in res.assessment.evidence and "EV-9" in asm.evidence
    assert asm.score().to_json() != before
    check_against_json(res)


def test_entries_and_reprs(res):
    assert repr(res) == "<itsma.Result 'small-q4' verdict=nonconformant compliance=22.50>"
    assert repr(res.sections["8.1"]) == "<itsma.SectionResult '8.1' achievement=45.00 (P) level=1>"
    assert repr(res.sections["4"]) == "<itsma.SectionResult '4' not applicable>"
    assert repr(res.requirements["8.1-01"]) == "<itsma.RequirementResult '8.1-01' rated 67.50 (L) minor>"
    assert repr(res.requirements["4-01"]) == "<itsma.RequirementResult '4-01' excluded>"
    assert repr(res.gaps[0]).startswith("<itsma.Gap '8.2-01' unsupported (N) gain=50")
    assert repr(res.capability_gaps[0]) == "<itsma.CapabilityGap '8.1' level=1 target=3>"
    assert repr(res.evidence_issues[0]) == "<itsma.EvidenceIssue 'EV-3' expired>"
    entry = res.requirements[1]
    assert entry.result is res
    assert entry == res.requirements["8.1-01"] and hash(entry) == hash(res.requirements[1])
    assert entry != res.requirements[2]
    assert res.gaps[-1] == res.gaps[2]
    assert res.sections[1:3] == [res.sections[1], res.sections[2]]
