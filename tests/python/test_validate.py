# SPDX-License-Identifier: Apache-2.0
"""itsma.validate_file / validate_string: every problem of a document, none raised."""

from __future__ import annotations

import json
import pathlib

import pytest

import itsma


def test_valid_documents(catalogue_path: pathlib.Path, assessment_path: pathlib.Path,
                         cat: itsma.Catalogue) -> None:
    v = itsma.validate_file(catalogue_path)
    assert v.ok and v.kind == "catalogue" and v.problems == []
    v = itsma.validate_file(assessment_path, cat)
    assert v.ok and v.kind == "assessment"
    v = itsma.validate_string(itsma.Catalogue.builtin("iso20000-1:2018").to_json())
    assert v.ok and v.kind == "catalogue"


def test_every_problem_is_reported(assessment_path: pathlib.Path, cat: itsma.Catalogue) -> None:
    doc = json.loads(assessment_path.read_text())
    doc["evidence"][0]["kind"] = "rumour"
    doc["evidence"][1]["collected"] = "2026-13-01"
    doc["ratings"][0]["rating"] = "Q"
    v = itsma.validate_string(json.dumps(doc, indent=2), cat, source="broken.json")
    assert not v.ok and v.kind == "assessment"
    assert len(v.problems) >= 3
    pointers = [p.pointer for p in v.problems]
    assert "/evidence/0/kind" in pointers
    assert "/evidence/1/collected" in pointers
    assert "/ratings/0/rating" in pointers
    for p in v.problems:
        assert isinstance(p, itsma.Error) and isinstance(p, ValueError)
        assert p.source == "broken.json" and p.line and p.column
        assert str(p).startswith("broken.json:")


def test_loading_stops_where_validation_goes_on(assessment_path: pathlib.Path,
                                                cat: itsma.Catalogue) -> None:
    doc = json.loads(assessment_path.read_text())
    doc["evidence"][0]["kind"] = "rumour"
    doc["ratings"][0]["rating"] = "Q"
    text = json.dumps(doc, indent=2)
    with pytest.raises(itsma.ValidationError) as first:
        itsma.Assessment.from_string(text, cat)
    v = itsma.validate_string(text, cat)
    assert v.problems[0].message == first.value.message
    # both problems, and what follows from the first (a rating citing the skipped record)
    assert {"/evidence/0/kind", "/ratings/0/rating"} <= {p.pointer for p in v.problems}


def test_syntax_error_and_unknown_format() -> None:
    v = itsma.validate_string('{"format": "itsma-catalogue/1", "id": ')
    assert not v.ok and isinstance(v.problems[0], itsma.ParseError)
    assert v.problems[0].line == 1
    v = itsma.validate_string('{"format": "something/9"}')
    assert not v.ok and v.kind is None


def test_unreadable_file(tmp_path: pathlib.Path) -> None:
    v = itsma.validate_file(tmp_path / "missing.json")
    assert not v.ok and len(v.problems) == 1
    assert isinstance(v.problems[0], FileNotFoundError)


def test_arguments() -> None:
    with pytest.raises(TypeError):
        itsma.validate_string(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        itsma.validate_file(None)  # type: ignore[arg-type]
    v = itsma.validate_string(b'{"format": "itsma-catalogue/1"}')
    assert not v.ok and v.kind == "catalogue"


def test_validate_mapping_documents():
    mdir = pathlib.Path(__file__).resolve().parents[1] / "data" / "mapping"
    old = itsma.Catalogue.load(mdir / "old-catalogue.json")
    doc = json.loads((mdir / "mapping.json").read_text())
    # only the source catalogue given: the target is not built in
    v = itsma.validate_string(json.dumps(doc), old, source="m.json")
    assert v.kind == "mapping" and not v.ok
    assert [p.pointer for p in v.problems] == ["/target/catalogue"]
    assert v.problems[0].source == "m.json" and v.problems[0].line > 0
    v = itsma.validate_file(pathlib.Path(__file__).resolve().parents[2] / "data" / "mappings" /
                            "iso20000-1-2011-to-2018.json")
    assert v.kind == "mapping" and v.ok
    doc["maps"][0]["relationship"] = "same-as"
    v = itsma.validate_string(json.dumps(doc, indent=2), old)
    assert "/maps/0/relationship" in [p.pointer for p in v.problems]
