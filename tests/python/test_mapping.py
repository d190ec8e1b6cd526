# SPDX-License-Identifier: Apache-2.0
"""Mapping sets and carrying from Python (issue 14 §5): itsma.Mapping (load, builtin,
iterate maps), Assessment.carry(mapping, catalogue=...), the carry report and the
transition report."""

from __future__ import annotations

import json
import pathlib

import pytest

import itsma

MAPPING_DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "mapping"


@pytest.fixture()
def cats():
    return (itsma.Catalogue.load(MAPPING_DATA / "old-catalogue.json"),
            itsma.Catalogue.load(MAPPING_DATA / "new-catalogue.json"))


@pytest.fixture()
def mapping(cats):
    return itsma.Mapping.load(MAPPING_DATA / "mapping.json", source=cats[0], target=cats[1])


@pytest.fixture()
def old(cats):
    return itsma.Assessment.load(MAPPING_DATA / "old-assessment.json", cats[0])


def test_load_and_iterate(mapping):
    assert mapping.id == "test:old-to-new"
    assert (mapping.source_catalogue, mapping.source_revision) == ("test:old", 1)
    assert (mapping.target_catalogue, mapping.target_revision) == ("test:new", 1)
    assert (mapping.method, mapping.rationale, mapping.status) == ("human", "semantic", "complete")
    assert len(mapping) == 10 and len(list(mapping)) == 10
    m = mapping.maps[4]
    assert (m.index, m.relationship, m.sources, m.targets) == (4, "superset-of", ("P-02", "P-03"), ("Q-02",))
    assert mapping.maps[0].confidence == "high" and mapping.maps[1].confidence is None
    assert mapping.maps[5].targets == () and mapping.maps[5].note == "Not required any more."
    assert {m.relationship for m in mapping} <= set(itsma.RELATIONSHIPS)
    # saving is deterministic and loads back the same
    text = mapping.to_json()
    again = itsma.Mapping.from_string(text, source=mapping_source(), target=mapping_target())
    assert again.to_json() == text
    assert json.loads(text)["x-tool"] == {"name": "fixture"}


def mapping_source():
    return itsma.Catalogue.load(MAPPING_DATA / "old-catalogue.json")


def mapping_target():
    return itsma.Catalogue.load(MAPPING_DATA / "new-catalogue.json")


def test_errors_name_the_map(cats):
    doc = json.loads((MAPPING_DATA / "mapping.json").read_text())
    doc["maps"][3]["targets"] = ["Q-99"]
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Mapping.from_string(json.dumps(doc, indent=2), source=cats[0], target=cats[1], name="m.json")
    assert e.value.pointer == "/maps/3/targets/0"
    assert e.value.line > 0 and e.value.source == "m.json"
    doc["maps"][3]["targets"] = ["Q-01"]
    doc["maps"][0]["relationship"] = "same-as"
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Mapping.from_string(json.dumps(doc), source=cats[0], target=cats[1])
    assert e.value.pointer == "/maps/0/relationship"
    with pytest.raises(itsma.ParseError):
        itsma.Mapping.from_string("{", source=cats[0], target=cats[1])
    with pytest.raises(itsma.NotFoundError):
        itsma.Mapping.builtin("no-such-mapping")
    with pytest.raises(itsma.NotFoundError):
        # the catalogues it names are not built in
        itsma.Mapping.load(MAPPING_DATA / "mapping.json")


def test_builtins_listed():
    ids = [i for i, _ in itsma.Mapping.builtins()]
    assert "iso20000-1-2011-to-2018" in ids


def test_carry(old, mapping, cats):
    carried, report = old.carry(mapping, catalogue=cats[1])
    assert carried.catalogue is cats[1]
    r = carried.ratings["M-01"]
    assert r.letter == itsma.Letter.F and r.evidence == ("e1",)
    assert r.carried == itsma.Carried("test:old-to-new", "equal-to", ("A-01",), False)
    r = carried.ratings["M-02"]
    assert r.letter == itsma.Letter.L and r.carried.review and r.carried.sources == ("A-02", "A-03")
    assert carried.ratings["M-04"].letter == itsma.Letter.L_PLUS  # capped below F
    assert carried.ratings["Q-02"].letter == itsma.Letter.P  # weakest link
    assert "M-03" not in carried.ratings
    a = carried.attributes[("S", "PA2.1")]
    assert a.letter == itsma.Letter.F and a.carried.relationship == "equivalent-to"
    assert report.new_obligations == ["M-03", "S-01", "S-02", "N-01"]
    assert report.unrated == ["Q-03"]
    assert "M-02" in report.to_review and "M-01" in report.carried
    assert report.dropped == ["R-01", "R-02", "X-01"]
    assert report.attributes_carried == 2
    # the carried assessment is a valid itsma-assessment/1 document
    again = itsma.Assessment.from_string(carried.to_json(), cats[1])
    assert again.ratings["M-02"].carried.review
    assert itsma.validate_string(carried.to_json(), cats[1]).ok


def test_carry_merge_keeps_existing(old, mapping, cats):
    into = itsma.Assessment.load(MAPPING_DATA / "new-partial.json", cats[1])
    carried, report = old.carry(mapping, catalogue=cats[1], into=into)
    assert carried.ratings["M-01"].letter == itsma.Letter.P and carried.ratings["M-01"].carried is None
    assert "M-01" in report.kept
    assert carried.id == "new-2026"
    assert "M-02" not in into.ratings  # the input is unchanged


def test_transition_report(old, mapping, cats):
    _, report = old.carry(mapping, catalogue=cats[1])
    text = report.transition_report()
    assert "Ratings to review" in text and "N-01 (should)" in text
    # a dropped source says why: the note of its no-relationship map, or that no map names it
    assert "X-01: marked no-relationship: Not required any more." in text
    assert "R-01: in no requirement-level map" in text
    md = report.transition_report("md")
    assert "Knowledge \\<new\\> \\& \\*marked\\*" in md
    html = report.transition_report("html")
    assert html.startswith("<!DOCTYPE html>") and "Knowledge &lt;new&gt; &amp; *marked*" in html
    with pytest.raises(ValueError):
        report.transition_report("pdf")


def test_carry_error_names_the_map(old, cats):
    # a mapping for the wrong target catalogue
    m = itsma.Mapping.load(MAPPING_DATA / "mapping.json", source=cats[0], target=cats[1])
    with pytest.raises(itsma.ValidationError) as e:
        old.carry(m, catalogue=cats[0])
    assert e.value.pointer == "/target/catalogue"
