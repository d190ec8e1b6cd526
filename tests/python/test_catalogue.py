# SPDX-License-Identifier: Apache-2.0
"""Catalogue, Section, Requirement: loading, reading, building, saving."""

from __future__ import annotations

import copy
import json
import pathlib
import pickle

import pytest

import itsma


def test_load_accepts_str_and_pathlike(catalogue_path):
    a = itsma.Catalogue.load(str(catalogue_path))
    b = itsma.Catalogue.load(catalogue_path)
    c = itsma.Catalogue.load_file(catalogue_path)
    assert a.id == b.id == c.id == "test:small"
    assert b.origin == str(catalogue_path)


def test_from_string_str_and_bytes(catalogue_path):
    text = catalogue_path.read_text()
    a = itsma.Catalogue.from_string(text)
    b = itsma.Catalogue.from_string(text.encode(), source="mine.json")
    c = itsma.Catalogue.from_string(bytearray(text.encode()))
    assert a.origin == "<string>"
    assert b.origin == "mine.json"
    assert a.to_json() == b.to_json() == c.to_json()


def test_builtins():
    ids = dict(itsma.Catalogue.builtins())
    assert "iso20000-1:2018" in ids and "iso20000-1:2011" in ids
    for cid, title in ids.items():
        cat = itsma.Catalogue.builtin(cid)
        assert cat.id == cid and cat.title == title
        shipped = itsma.Catalogue.builtin_json(cid)
        assert json.loads(shipped)["id"] == cid
    with pytest.raises(itsma.NotFoundError):
        itsma.Catalogue.builtin("nope")
    with pytest.raises(itsma.NotFoundError):
        itsma.Catalogue.builtin_json("nope")


def test_builtin_2018_shape(iso):
    assert iso.exclusions is itsma.Exclusions.FORBIDDEN
    assert len(iso.requirements) > 400
    assert iso.sections["8.6.1"].title == "Incident management"
    assert iso.sections["8.6.1"].is_process
    assert iso.requirements["8.6.1-01"].section.id == "8.6.1"
    assert iso.guidance_sources == {"itil4": "ITIL 4", "cobit2019": "COBIT 2019",
                                    "mof4": "MOF 4.0"}
    assert str(iso).startswith("<itsma.Catalogue 'iso20000-1:2018'")


def test_properties(cat):
    assert cat.id == "test:small"
    assert cat.title == "A small catalogue for tests"
    assert cat.version == "1"
    assert cat.publisher is None and cat.description is None and cat.source is None
    assert cat.exclusions is itsma.Exclusions.ALLOWED
    assert str(cat.exclusions) == "allowed"
    assert cat.guidance_sources == {"itil4": "ITIL 4", "cobit2019": "COBIT 2019"}
    gp = cat.generic_practices
    assert gp == [itsma.GenericPractice(itsma.Attribute.PA2_1, "GP2.1.1",
                                        "Performance is planned and monitored.")]
    assert repr(cat) == (f"<itsma.Catalogue 'test:small' sections=4 requirements=4 "
                         f"origin={cat.origin!r}>")


def test_setters(cat):
    cat.title = "Renamed"
    cat.version = "2"
    cat.publisher = "Me"
    cat.description = "Desc"
    cat.source = "Src"
    cat.exclusions = "forbidden"
    assert (cat.title, cat.version, cat.publisher, cat.description, cat.source) == (
        "Renamed", "2", "Me", "Desc", "Src")
    assert cat.exclusions is itsma.Exclusions.FORBIDDEN
    cat.exclusions = itsma.Exclusions.ALLOWED
    cat.version = None
    assert cat.version is None
    with pytest.raises(itsma.InvalidArgumentError):
        cat.title = ""
    with pytest.raises(TypeError):
        cat.title = 5
    with pytest.raises(itsma.InvalidArgumentError):
        cat.exclusions = "sometimes"


def test_section_views(cat):
    secs = cat.sections
    assert len(secs) == 4
    assert [s.id for s in secs] == ["4", "8", "8.1", "8.2"] == secs.ids()
    assert secs[0].id == "4" and secs[-1].id == "8.2"
    assert [s.id for s in secs[1:3]] == ["8", "8.1"]
    assert [s.id for s in reversed(secs)] == ["8.2", "8.1", "8", "4"]
    assert secs["8.1"].title == "Incident management"
    assert "8.1" in secs and "nope" not in secs
    assert secs.get("nope") is None and secs.get("nope", 1) == 1
    assert secs[0] in secs
    with pytest.raises(IndexError):
        secs[4]
    with pytest.raises(IndexError):
        secs[-5]
    with pytest.raises(itsma.NotFoundError) as e:
        secs["nope"]
    assert isinstance(e.value, KeyError) and isinstance(e.value, LookupError)
    with pytest.raises(TypeError):
        secs[1.5]
    assert [s.id for s in cat.top_sections] == ["4", "8"]
    assert cat.top_sections["8"].id == "8"
    assert "8.1" not in cat.top_sections
    assert [s.id for s in cat.processes] == ["8.1", "8.2"]
    assert "8" not in cat.processes
    with pytest.raises(itsma.NotFoundError, match="no process '8'"):
        cat.processes["8"]
    assert [(d, s.id) for d, s in cat.walk()] == [(0, "4"), (0, "8"), (1, "8.1"), (1, "8.2")]
    assert "4 items" in repr(secs)


def test_section_properties(cat):
    s8, s81 = cat.sections["8"], cat.sections["8.1"]
    assert s81.catalogue is cat
    assert s81.clause == "8.1"
    assert s81.purpose == "Restore service quickly."
    assert s81.kind is itsma.SectionKind.PROCESS and s81.is_process
    assert s8.kind is itsma.SectionKind.GROUP and not s8.is_process
    assert s8.weight == 2 and s81.weight == 1
    assert (s8.index, s8.depth, s81.index, s81.depth) == (1, 0, 2, 1)
    assert s8.parent is None and s81.parent == s8
    assert s81.process == s81 and s8.process is None
    assert [c.id for c in s8.children] == ["8.1", "8.2"]
    assert s8.children["8.2"].id == "8.2" and "4" not in s8.children
    assert [r.id for r in s81.requirements] == ["8.1-01", "8.1-02"]
    assert s81.requirements["8.1-02"].obligation is itsma.Obligation.SHOULD
    assert "8.2-01" not in s81.requirements
    assert [r.id for r in s8.all_requirements()] == ["8.1-01", "8.1-02", "8.2-01"]
    assert s8.guidance == {"itil4": ["Service desk"]}
    assert s81.guidance == {"itil4": ["Incident management"], "cobit2019": ["DSS02"]}
    assert str(s81) == "8.1"
    assert repr(s81) == "<itsma.Section '8.1' process 'Incident management'>"
    assert s81 == cat.sections[2] and hash(s81) == hash(cat.sections[2])
    assert s81 != s8 and len({s81, cat.sections["8.1"], s8}) == 2


def test_requirement_properties(cat):
    reqs = cat.requirements
    assert [r.id for r in reqs] == ["4-01", "8.1-01", "8.1-02", "8.2-01"]
    r = reqs["8.1-01"]
    assert r.catalogue is cat
    assert r.clause == "8.1" and r.text == "Incidents are recorded."
    assert r.obligation is itsma.Obligation.SHALL and str(r.obligation) == "shall"
    assert r.weight == 1 and reqs["8.1-02"].weight == 0.5
    assert r.index == 1
    assert r.section.id == "8.1" and r.process.id == "8.1"
    assert reqs["4-01"].process is None
    assert r.evidence_hints == ["record"] and r.tags == ["resolution"]
    assert reqs["8.2-01"].evidence_hints == [] and reqs["8.2-01"].tags == []
    assert str(r) == "8.1-01"
    assert repr(r) == "<itsma.Requirement '8.1-01' shall: 'Incidents are recorded.'>"
    assert r == reqs[1] and hash(r) == hash(reqs[1]) and r != reqs[0]


def test_to_json_and_save_round_trip(cat, tmp_path, catalogue_path):
    text = cat.to_json()
    assert json.loads(text) == json.loads(catalogue_path.read_text())
    out = tmp_path / "saved.json"
    cat.save(out)
    assert out.read_text() == text
    assert itsma.Catalogue.load(out).to_json() == text
    assert "x-owner" in text        # x- extensions are kept


def test_copy_pickle(cat):
    for other in (cat.copy(), copy.copy(cat), copy.deepcopy(cat),
                  pickle.loads(pickle.dumps(cat))):
        assert other is not cat and other.to_json() == cat.to_json()
    dup = cat.copy()
    dup.title = "Changed"
    assert cat.title != "Changed"


def test_build_in_code():
    cat = itsma.Catalogue.new("my:cat", "My catalogue")
    assert cat.origin == "" and len(cat.sections) == 0
    cat.put_guidance_source("itil4", "ITIL 4")
    cat.add_generic_practice("PA2.1", "GP-1", "Plan it.")
    cat.add_generic_practice(itsma.Attribute.PA3_1, "GP-2", "Define it.")
    top = cat.add_section("1", "Top", clause="1", weight=2)
    proc = cat.add_section("1.1", "A process", parent=top, kind="process",
                           purpose="Why", weight=1.5)
    cat.add_section("2", "Second", kind=itsma.SectionKind.GROUP)
    cat.add_guidance(proc, "itil4", "Incident management")
    cat.add_guidance("1.1", "itil4", "Service desk")
    r1 = cat.add_requirement(proc, "1.1-01", "Do it.", clause="1.1", weight=3,
                             evidence_hints=["record"], tags=("a", "b"))
    r2 = cat.add_requirement("2", "2-01", "Maybe do it.", obligation="should")
    assert isinstance(top, itsma.Section) and isinstance(r1, itsma.Requirement)
    assert [s.id for s in cat.sections] == ["1", "1.1", "2"]
    assert proc.parent == top and proc.is_process and proc.weight == 1.5
    assert proc.guidance == {"itil4": ["Incident management", "Service desk"]}
    assert (r1.section, r1.weight, r1.evidence_hints, r1.tags) == (proc, 3, ["record"],
                                                                   ["a", "b"])
    assert r2.obligation is itsma.Obligation.SHOULD
    assert [g.id for g in cat.generic_practices] == ["GP-1", "GP-2"]
    again = itsma.Catalogue.from_string(cat.to_json())
    assert again.to_json() == cat.to_json()


def test_build_errors():
    cat = itsma.Catalogue.new("my:cat", "My catalogue")
    cat.add_section("1", "Top")
    with pytest.raises(itsma.AlreadyExistsError):
        cat.add_section("1", "Again")
    with pytest.raises(itsma.NotFoundError):
        cat.add_section("2", "Orphan", parent="nope")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_section("bad id!", "Bad")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_section("3", "Heavy", weight=-1)
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_section("3", "Kind", kind="clause")
    with pytest.raises(TypeError):
        cat.add_section("3", "Weight", weight="1")
    with pytest.raises(itsma.NotFoundError):
        cat.add_requirement("nope", "r", "Text")
    with pytest.raises(itsma.AlreadyExistsError):
        cat.add_requirement("1", "1", "Text")        # ids are shared with sections
    with pytest.raises(TypeError):
        cat.add_requirement("1", "r", "Text", tags=[1])
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_guidance("1", "undeclared", "x")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.add_generic_practice("PA1.1", "GP", "derived, not allowed")
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Catalogue.new("bad id!", "T")
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Catalogue.new("ok", "")


def test_catalogue_in_use_cannot_change(cat):
    asm = itsma.Assessment.new(cat, "a", "2026-01-01")
    with pytest.raises(itsma.InvalidArgumentError, match="in use"):
        cat.add_section("9", "Late")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.title = "Late"
    copy_ = cat.copy()
    copy_.add_section("9", "Late")                   # a copy is free
    del asm
    import gc
    gc.collect()
    cat.add_section("9", "Now fine")                 # no assessment uses it any more
    assert "9" in cat.sections


def test_builtin_owned_by_assessment_is_read_only(assessment_path, tmp_path):
    asm = itsma.Assessment.new("iso20000-1:2018", "a", "2026-01-01")
    p = tmp_path / "a.json"
    asm.save(p)
    loaded = itsma.Assessment.load(p)          # resolves the built-in catalogue itself
    with pytest.raises(itsma.InvalidArgumentError):
        loaded.catalogue.title = "x"
    assert loaded.catalogue.id == "iso20000-1:2018"


def test_direct_construction_is_refused():
    for cls in (itsma.Catalogue, itsma.Section, itsma.Requirement):
        with pytest.raises(TypeError):
            cls()


def test_type_errors(cat):
    with pytest.raises(TypeError):
        itsma.Catalogue.load(42)
    with pytest.raises(TypeError):
        itsma.Catalogue.from_string(42)
    with pytest.raises(TypeError):
        itsma.Catalogue.builtin(None)
    with pytest.raises(TypeError):
        itsma.Catalogue.load(pathlib.Path("x"), max_depth="3")
    with pytest.raises(ValueError):
        itsma.Catalogue.builtin("a\0b")
