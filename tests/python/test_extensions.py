# SPDX-License-Identifier: Apache-2.0
"""x- extensions: a live dict-like view on catalogues, sections, requirements, the
assessment, evidence, ratings and attribute ratings; kept through save and load."""

from __future__ import annotations

import math

import pytest

import itsma


def _catalogue():
    cat = itsma.Catalogue.new("ext:cat", "Extensions")
    proc = cat.add_section("P", "A process", kind="process")
    cat.add_requirement(proc, "P-01", "Do it.")
    return cat


def test_catalogue_objects():
    cat = _catalogue()
    assert dict(cat.extensions) == {}
    cat.extensions["x-owner"] = {"team": "ops", "n": [1, 2.5, None, True]}
    cat.sections["P"].extensions["x-s"] = "é"
    cat.requirements["P-01"].extensions["x-r"] = 7
    assert cat.extensions["x-owner"] == {"team": "ops", "n": [1, 2.5, None, True]}
    assert cat.sections["P"].extensions["x-s"] == "é"
    assert list(cat.requirements["P-01"].extensions) == ["x-r"]
    assert "x-r" in cat.requirements["P-01"].extensions
    del cat.requirements["P-01"].extensions["x-r"]
    assert len(cat.requirements["P-01"].extensions) == 0
    with pytest.raises(KeyError):
        del cat.requirements["P-01"].extensions["x-r"]
    with pytest.raises(KeyError):
        cat.extensions["x-none"]
    with pytest.raises(itsma.InvalidArgumentError):
        cat.extensions["ticket"] = 1
    with pytest.raises(ValueError):
        cat.extensions["x-nan"] = math.nan
    again = itsma.Catalogue.from_string(cat.to_json())
    assert again.extensions["x-owner"]["team"] == "ops"
    assert again.sections["P"].extensions["x-s"] == "é"


def test_assessment_records(tmp_path):
    cat = _catalogue()
    asm = itsma.Assessment.new(cat, "a", "2026-11-20")
    asm.add_evidence("EV", "Procedure", "document", "2026-10-01")
    asm.rate("P-01", "L", evidence=["EV"])
    asm.rate_attribute("P", "PA2.1", "F", evidence=["EV"])
    asm.extensions["x-run"] = 3
    asm.evidence_extensions("EV")["x-doc"] = "DMS-1"
    asm.rating_extensions("P-01")["x-ticket"] = "INC-42"
    asm.attribute_extensions("P", "PA2.1")["x-pa"] = [1]
    res = asm.score()  # a result reads the assessment: later changes copy it first
    tickets = asm.rating_extensions("P-01")
    tickets["x-ticket"] = "INC-43"
    assert tickets["x-ticket"] == "INC-43"
    assert res.assessment.rating_extensions("P-01")["x-ticket"] == "INC-42"
    with pytest.raises(itsma.NotFoundError):
        asm.rating_extensions("P-99")
    path = tmp_path / "a.json"
    asm.save(path)
    b = itsma.Assessment.load(path, catalogue=cat)
    assert b.extensions["x-run"] == 3
    assert b.evidence_extensions("EV")["x-doc"] == "DMS-1"
    assert b.rating_extensions("P-01")["x-ticket"] == "INC-43"
    assert b.attribute_extensions("P", itsma.Attribute.PA2_1)["x-pa"] == [1]


def test_structured_warnings():
    cat = _catalogue()
    cat.add_section("G", "A group")
    cat.add_requirement("G", "G-01", "Also do it.")
    asm = itsma.Assessment.new(cat, "a", "2026-11-20")
    asm.exclude("G", "Not here.")
    asm.rate("G-01", "F")
    res = asm.score("advisory")
    (w,) = res.warning_details
    assert w.kind == "excluded-rating" and w.subject == "G-01"
    assert w.attribute is None and w.exclusion == "G"
    assert w.text == res.warnings[0]
    assert isinstance(w, itsma.ResultWarning)
