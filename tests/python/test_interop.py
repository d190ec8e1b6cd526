# SPDX-License-Identifier: Apache-2.0
"""OSCAL and CISO Assistant from Python (docs/interop.md)."""

import csv
import io
import json
import pathlib
import warnings

import pytest

import itsma

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI_DATA = ROOT / "tests" / "cli" / "data"
SAMPLE = ROOT / "examples" / "data" / "acme-2026-q4.json"
LOW = (ROOT / "tests" / "data" / "oscal" / "examples" /
       "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json")


def test_from_oscal_fixture_warns_and_nests():
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        cat = itsma.Catalogue.from_oscal(CLI_DATA / "oscal-nested.json", id="fixture")
    assert cat.id == "fixture"
    assert any("not a key of a control" in str(w.message) for w in got)
    req = cat.requirements["c-1"]
    assert "weekly, monthly" in req.text
    assert cat.requirements["c-1.1"].obligation == itsma.Obligation.SHOULD
    assert "c-1.2" not in [r.id for r in cat.requirements]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_from_oscal_error_has_pointer():
    doc = json.loads((CLI_DATA / "oscal-nested.json").read_text())
    doc["catalog"]["groups"][0]["controls"][0]["title"] = 5
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Catalogue.from_oscal(json.dumps(doc))
    assert e.value.pointer == "/catalog/groups/0/controls/0/title"


@pytest.mark.skipif(not LOW.exists(), reason="tests/data/oscal examples not present")
def test_sp800_53_low_scores():
    cat = itsma.Catalogue.from_oscal(LOW)
    asm = itsma.Assessment.new(cat, "low", "2026-11-20")
    first = cat.requirements[0]
    asm.rate(first.id, "N")
    res = asm.score()
    assert res.requirements[first.id] is not None


def test_ciso_round_trip_is_equal():
    for cid in ("iso20000-1:2018", "iso20000-1:2011"):
        cat = itsma.Catalogue.builtin(cid)
        text = cat.to_ciso_library()
        assert text.startswith("urn: urn:itsma:risk:library:")
        back = itsma.Catalogue.from_ciso_library(text)
        assert back.to_json() == cat.to_json()


def test_ciso_library_packager_checked():
    cat = itsma.Catalogue.builtin("iso20000-1:2018")
    assert "urn:acme:risk:framework:" in cat.to_ciso_library("acme")
    with pytest.raises(itsma.InvalidArgumentError):
        cat.to_ciso_library("Not Valid")


def test_result_exports():
    asm = itsma.Assessment.load(SAMPLE)
    res = asm.score()
    ar = json.loads(res.to_oscal_assessment_results())
    assert ar["assessment-results"]["metadata"]["oscal-version"] == "1.1.2"
    assert res.to_oscal_assessment_results() == res.to_oscal_assessment_results()
    poam = json.loads(res.to_oscal_poam())
    items = poam["plan-of-action-and-milestones"]["poam-items"]
    assert [i["props"][0]["value"] for i in items] == [g.requirement.id for g in res.gaps]
    rows = list(csv.DictReader(io.StringIO(res.to_ciso_audit_csv())))
    assert {r["compliance_result"] for r in rows} <= {
        "compliant", "partially_compliant", "non_compliant", "not_assessed", "not_applicable"}
    assert len(rows) == len(asm.catalogue.requirements)
