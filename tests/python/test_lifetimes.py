# SPDX-License-Identifier: Apache-2.0
"""Lifetimes: objects keep what they borrow alive; deleting in any order never crashes;
changing an assessment never invalidates results or records already taken."""

from __future__ import annotations

import gc
import itertools
import weakref

import pytest

import itsma


def make_chain(catalogue_path, assessment_path):
    cat = itsma.Catalogue.load(catalogue_path)
    asm = itsma.Assessment.load(assessment_path, cat)
    res = asm.score()
    res2 = asm.score(evidence_policy="advisory")
    diff = itsma.compare(res, res2)
    return {"cat": cat, "asm": asm, "res": res, "diff": diff}


def exercise(name, obj):
    """Use an object thoroughly (touching what it borrows)."""
    if name == "cat":
        assert obj.id == "test:small"
        assert [r.id for r in obj.requirements] == ["4-01", "8.1-01", "8.1-02", "8.2-01"]
        obj.to_json()
    elif name == "asm":
        assert obj.catalogue.id == "test:small"
        assert len(obj.ratings) == 3 and obj.evidence["EV-1"].title
        obj.score().to_json()
        obj.to_json()
    elif name == "res":
        assert obj.assessment.id == "small-q4"
        assert obj.requirements["8.1-01"].requirement.section.title == "Incident management"
        obj.to_json()
        obj.explain("8.1-01")
        [g.guidance for g in obj.gaps]
    elif name == "diff":
        obj.to_json()
        assert obj.before.catalogue.sections["8.1"].is_process
        [(r.before, r.after) for r in obj.requirements]
    elif name == "section":
        assert obj.title == "Incident management" and obj.parent.id == "8"
        assert [r.text for r in obj.requirements]
    elif name == "entry":
        assert obj.status is itsma.Status.RATED and obj.requirement.text
        assert obj.rating.letter is itsma.Letter.L and obj.result.to_json()
    elif name == "gap":
        assert obj.requirement.text and obj.guidance is not None and obj.process.title
    elif name == "view":
        assert [r.id for r in obj] == ["8.1-01", "8.1-02"]
    elif name == "rdiff":
        assert obj.before.requirement.text and obj.after.status


@pytest.mark.parametrize("order", list(itertools.permutations(["cat", "asm", "res", "diff"])))
def test_delete_in_every_order(order, catalogue_path, assessment_path):
    objs = make_chain(catalogue_path, assessment_path)
    for name in order:
        del objs[name]
        gc.collect()
        for survivor, obj in objs.items():
            exercise(survivor, obj)


def test_children_outlive_their_parents(catalogue_path, assessment_path):
    objs = make_chain(catalogue_path, assessment_path)
    children = {
        "section": objs["cat"].sections["8.1"],
        "entry": objs["res"].requirements["8.1-01"],
        "gap": objs["res"].gaps["8.1-01"],
        "view": objs["cat"].sections["8.1"].requirements,
        "rdiff": objs["diff"].requirements["8.1-01"],
    }
    objs.clear()
    gc.collect()
    for name, child in children.items():
        exercise(name, child)
    del child
    # Dropping the children then frees everything.
    refs = [weakref.ref(children["entry"].result), weakref.ref(children["section"].catalogue),
            weakref.ref(children["rdiff"].diff)]
    children.clear()
    gc.collect()
    assert all(r() is None for r in refs)


def test_catalogue_deleted_before_assessment(catalogue_path, assessment_path):
    cat = itsma.Catalogue.load(catalogue_path)
    asm = itsma.Assessment.load(assessment_path, cat)
    ref = weakref.ref(cat)
    del cat
    gc.collect()
    assert ref() is not None                 # the assessment keeps it alive
    exercise("asm", asm)
    del asm
    gc.collect()
    assert ref() is None                     # and lets it go


def test_assessment_deleted_before_result(catalogue_path, assessment_path):
    asm = itsma.Assessment.load(assessment_path, itsma.Catalogue.load(catalogue_path))
    res = asm.score()
    ref = weakref.ref(asm)
    del asm
    gc.collect()
    assert ref() is None                     # the result holds the C assessment, not the wrapper
    exercise("res", res)
    snapshot = res.assessment
    del res
    gc.collect()
    exercise("asm", snapshot)


def test_builtin_catalogue_owned_by_loaded_assessment(tmp_path):
    asm = itsma.Assessment.new("iso20000-1:2018", "a", "2026-01-01")
    asm.add_evidence("EV-1", "Doc", "document", "2025-12-01")
    asm.rate("8.6.1-01", "L", evidence="EV-1")
    p = tmp_path / "a.json"
    asm.save(p)
    del asm
    loaded = itsma.Assessment.load(p)
    cat = loaded.catalogue
    sec = cat.sections["8.6.1"]
    res = loaded.score()
    del loaded, cat
    gc.collect()
    assert sec.title == "Incident management"
    assert res.requirements["8.6.1-01"].letter is itsma.Letter.L
    del res
    gc.collect()
    assert sec.catalogue.requirements["8.6.1-01"].text


def test_records_are_snapshots(asm):
    ev = asm.evidence["EV-2"]
    rating = asm.ratings["8.1-01"]
    view = asm.ratings
    asm.rate("8.1-01", "F", evidence=["EV-1"])
    asm.remove_rating("8.1-01")
    asm.remove_evidence("EV-2")
    gc.collect()
    assert ev.title == "Ticket sample" and rating.letter is itsma.Letter.L
    assert "8.1-01" not in view                 # views are live


def test_copy_on_write_keeps_results(asm):
    results = []
    for letter in ["N", "P", "L", "F"]:
        asm.rate("8.2-01", letter, evidence=["EV-2"])
        results.append(asm.score())
    achievements = [r.requirements["8.2-01"].achievement for r in results]
    assert achievements == [0, 32.5, 67.5, 100]
    assert [r.assessment.ratings["8.2-01"].letter for r in results] == [
        itsma.Letter.N, itsma.Letter.P, itsma.Letter.L, itsma.Letter.F]
    diff = itsma.compare(results[0], results[-1])
    assert diff.requirements["8.2-01"].change is itsma.Change.IMPROVED


def test_result_assessment_snapshot_is_independent(asm):
    res = asm.score()
    snap = res.assessment
    snap.rate("8.2-01", "F", evidence=["EV-2"])         # changes a copy, not res, not asm
    assert res.requirements["8.2-01"].status is itsma.Status.UNSUPPORTED
    assert asm.ratings["8.2-01"].value == 72.5
    assert snap.ratings["8.2-01"].letter is itsma.Letter.F
    asm.rate("8.2-01", "P", evidence=["EV-2"])
    assert snap.ratings["8.2-01"].letter is itsma.Letter.F
    assert res.assessment.ratings["8.2-01"].value == 72.5


def test_many_objects_interleaved(catalogue_path, assessment_path):
    keep = []
    for i in range(200):
        objs = make_chain(catalogue_path, assessment_path)
        keep.append(objs["diff"].requirements[0])
        keep.append(objs["res"].sections["8.1"])
        if i % 3 == 0:
            keep.append(objs["asm"])
    gc.collect()
    for k in keep:
        repr(k)
