# SPDX-License-Identifier: Apache-2.0
"""Basis, list items, verify, content revision, retired ids, effective weights and the lint."""

from __future__ import annotations

import json
import pathlib

import pytest

import itsma

V2 = pathlib.Path(__file__).resolve().parent.parent / "data" / "catalogue-v2.json"


@pytest.fixture()
def v2() -> itsma.Catalogue:
    return itsma.Catalogue.load(V2)


def test_basis_item_verify(v2):
    r = v2.requirements["8.1-03"]
    assert r.basis is itsma.Basis.STANDARD and str(r.basis) == "standard"
    assert r.item == "b) 2)"
    assert r.verify.startswith("In the same sample")
    s = v2.requirements["8.1-04"]
    assert s.basis is itsma.Basis.GOOD_PRACTICE and s.item is None and s.verify is None
    small = itsma.Catalogue.builtin("iso20000-1:2011")
    assert small.requirements[0].basis is None or isinstance(small.requirements[0].basis, itsma.Basis)


def test_revision_and_retired(v2):
    assert v2.revision == 2
    assert v2.retired == [itsma.Retired("4-01", 2, "Not an obligation of the clause; now 4-02."),
                          itsma.Retired("8.1-02", 2, "Merged into 8.1-01.")]
    assert v2.find_retired("8.1-02").reason == "Merged into 8.1-01."
    assert v2.is_retired("4-01") and not v2.is_retired("4-02")
    assert v2.to_json() == V2.read_text(encoding="utf-8")


def test_build_with_basis_and_retired():
    cat = itsma.Catalogue.new("t", "T")
    assert cat.revision is None and cat.retired == []
    cat.revision = 2
    cat.add_section("5", "Leadership", clause="5")
    with pytest.raises(itsma.InvalidArgumentError, match="good-practice"):
        cat.add_requirement("5", "5-01", "Commitment is shown.", basis="good-practice")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_requirement("5", "5-01", "Commitment is shown.", basis="iso")
    r = cat.add_requirement("5", "5-01", "Commitment is shown.", item="a)",
                            basis=itsma.Basis.STANDARD, verify="Interview top management.")
    assert (r.basis, r.item, r.verify) == (itsma.Basis.STANDARD, "a)", "Interview top management.")
    cat.add_requirement("5", "5-02", "Reviews are held.", obligation="should", basis="good-practice")
    with pytest.raises(itsma.AlreadyExistsError):
        cat.add_retired("5-01", 2, "In use.")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_retired("5-09", 3, "After the revision.")
    with pytest.raises(TypeError):
        cat.add_retired("5-09", "2", "Not an int.")
    cat.add_retired("5-09", 2, "Not an obligation of clause 5.")
    with pytest.raises(itsma.AlreadyExistsError, match="retired"):
        cat.add_requirement("5", "5-09", "Reused.")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.revision = 1
    with pytest.raises(TypeError):
        cat.revision = 2.0
    doc = json.loads(cat.to_json())
    assert doc["revision"] == 2
    assert doc["retired"] == [{"id": "5-09", "revision": 2, "reason": "Not an obligation of clause 5."}]
    assert list(doc["sections"][0]["requirements"][0]) == ["id", "item", "text", "basis", "verify"]
    assert itsma.Catalogue.from_string(cat.to_json()).to_json() == cat.to_json()


def test_load_errors_point_at_the_key():
    doc = json.loads(V2.read_text(encoding="utf-8"))
    doc["sections"][0]["requirements"][0]["basis"] = "good-practice"
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Catalogue.from_string(json.dumps(doc))
    assert e.value.pointer == "/sections/0/requirements/0/basis"
    doc = json.loads(V2.read_text(encoding="utf-8"))
    doc["retired"].append({"id": "8.1-01", "revision": 2, "reason": "Oops."})
    with pytest.raises(itsma.ValidationError, match="retired") as e:
        itsma.Catalogue.from_string(json.dumps(doc))
    assert e.value.pointer == "/sections/1/sections/0/requirements/0/id"


def test_effective_weights(v2):
    w = v2.effective_weights()
    assert list(w) == [r.id for r in v2.requirements]
    assert w["8.1-04"] == pytest.approx(0.25 / 3.25)
    assert sum(w.values()) == pytest.approx(1)
    assert v2.requirements["4-02"].effective_weight == pytest.approx(1 / 3.25)
    # the same as the gains of an assessment where nothing is rated
    a = itsma.Assessment.new(v2, "empty", "2026-01-01")
    res = a.score()
    for q in res.requirements:
        assert q.gain == pytest.approx(100 * w[q.requirement.id])


def test_lint(v2):
    assert v2.lint(clauses=["4", "8", "8.1"]) == []
    cat = v2.copy()
    cat.add_requirement("8.1", "8.1-5", "The organization shall close incidents.")
    problems = cat.lint(clauses=["4", "8", "8.2"])
    kinds = [p.kind for p in problems]
    assert kinds == [itsma.LintKind.SHALL_BASIS, itsma.LintKind.SHALL_VERIFY,
                     itsma.LintKind.SHALL_IN_TEXT, itsma.LintKind.ID_FORM,
                     itsma.LintKind.MISSING_CLAUSE]
    assert problems[0].subject == "8.1-5" and "basis" in problems[0].message
    assert problems[-1] == itsma.LintProblem(itsma.LintKind.MISSING_CLAUSE, "8.2",
                                             "clause 8.2 is missing: no section has it as its clause")
    assert cat.lint(skip=["shall-basis", itsma.LintKind.SHALL_VERIFY, "shall-in-text", "id-form"]) == []
    assert cat.lint(skip="shall-basis")[0].kind is itsma.LintKind.SHALL_VERIFY
    with pytest.raises(itsma.InvalidArgumentError):
        cat.lint(skip=["nope"])
    with pytest.raises(TypeError):
        cat.lint(clauses=[4])


def test_builtin_clauses():
    clauses = itsma.Catalogue.builtin_clauses("iso20000-1:2018")
    assert "8.6.1" in clauses and "4" in clauses and all("\t" not in c for c in clauses)
    cat = itsma.Catalogue.builtin("iso20000-1:2018")
    assert cat.lint(clauses=clauses, skip=["shall-basis", "shall-verify", "weight", "no-guidance",
                                           "duplicate-text"]) == []
    with pytest.raises(itsma.NotFoundError):
        itsma.Catalogue.builtin_clauses("nope:1")


SCRIPT = pathlib.Path(__file__).resolve().parent.parent.parent / "scripts" / "catalogue-weights"


def run_script(*args):
    import subprocess
    import sys
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, check=False)


def test_weights_script(tmp_path):
    # unbalanced on purpose: a clause of 1 shall, a process of 3 shalls under a lone should
    doc = {"format": "itsma-catalogue/1", "id": "w", "title": "W", "x-top": 1, "sections": [
        {"id": "4", "clause": "4", "title": "Four", "requirements": [
            {"id": "4-01", "text": "One.", "x-r": True}]},
        {"id": "8", "title": "Eight", "weight": 7, "requirements": [
            {"id": "8-01", "text": "Lone should.", "obligation": "should"}], "sections": [
            {"purpose": "P.", "id": "8.1", "title": "Process", "kind": "process", "requirements": [
                {"id": "8.1-01", "text": "A.", "weight": 3}, {"id": "8.1-02", "text": "B."},
                {"id": "8.1-03", "text": "C.", "obligation": "shall"}]}]}]}
    path = tmp_path / "w.json"
    path.write_text(json.dumps(doc))
    r = run_script(path)
    assert r.returncode == 0, r.stderr
    text = path.read_text(encoding="utf-8")
    cat = itsma.Catalogue.load(path)
    assert cat.to_json() == text                       # canonical: the library saves it unchanged
    w = cat.effective_weights()
    assert w["4-01"] == w["8.1-01"] == w["8.1-02"] == w["8.1-03"] == pytest.approx(1 / 4.25)
    assert w["8-01"] == pytest.approx(0.25 / 4.25)
    assert cat.sections["8"].weight == 3.25 and cat.sections["8.1"].weight == 3
    assert cat.lint(skip=["shall-basis", "shall-verify", "no-guidance", "id-form"]) == []
    assert list(json.loads(text)["sections"][1]["sections"][0]) == [
        "id", "title", "kind", "purpose", "weight", "requirements"]
    assert json.loads(text)["x-top"] == 1 and json.loads(text)["sections"][0]["requirements"][0]["x-r"]
    # idempotent, and --check tells a file that would change
    assert run_script("--check", path).returncode == 0
    r = run_script(path)
    assert r.returncode == 0 and path.read_text(encoding="utf-8") == text and r.stdout == ""
    doc["sections"][0]["weight"] = 2
    path.write_text(json.dumps(doc))
    r = run_script("--check", path)
    assert r.returncode == 1 and "differ" in r.stderr
    assert json.loads(path.read_text())["sections"][0]["weight"] == 2   # --check writes nothing
    path.write_text('{"format": "itsma-catalogue/1", "sections": [], "oops": 1}')
    r = run_script(path)
    assert r.returncode == 1 and "unknown key 'oops'" in r.stderr


def test_weights_script_fixes_the_builtin_weights(tmp_path):
    """Issue 13 section 4: with every weight 1, the should 4.1-03 weighed 1.19 % of the 2018
    figure, 26 times the median shall, and lone shoulds beside a process's sub-sections
    (8.5.1-01) a quarter of the process. After the script: every shall the same, every
    should a quarter of that, and the lint's weight rule holds."""
    for cid in ("iso20000-1:2018", "iso20000-1:2011"):
        before = itsma.Catalogue.builtin(cid)
        path = tmp_path / (cid.replace(":", "-") + ".json")
        path.write_text(itsma.Catalogue.builtin_json(cid), encoding="utf-8")
        assert run_script(path).returncode == 0
        cat = itsma.Catalogue.load(path)
        w = cat.effective_weights()
        shall = [w[r.id] for r in cat.requirements if r.obligation is itsma.Obligation.SHALL]
        should = [w[r.id] for r in cat.requirements if r.obligation is itsma.Obligation.SHOULD]
        assert max(shall) == pytest.approx(min(shall))
        assert all(x == pytest.approx(0.25 * shall[0]) for x in should)
        assert cat.lint(skip=[k for k in itsma.LintKind if k is not itsma.LintKind.WEIGHT]) == []
        # the content is untouched: only weights (and key order) change
        assert [(r.id, r.text, r.obligation) for r in cat.requirements] == \
            [(r.id, r.text, r.obligation) for r in before.requirements]
    cat18 = itsma.Catalogue.builtin("iso20000-1:2018")
    if cat18.revision is None:              # 0.1.0 content: the defect the issue names
        problems = {p.subject for p in cat18.lint(skip=[k for k in itsma.LintKind
                                                         if k is not itsma.LintKind.WEIGHT])}
        assert "4.1-03" in problems
