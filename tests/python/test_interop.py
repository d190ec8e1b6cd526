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


# ---- mapping sets -------------------------------------------------------------------------------

MDATA = ROOT / "tests" / "data" / "mapping"


def mapping_fixture():
    old = itsma.Catalogue.load(MDATA / "old-catalogue.json")
    new = itsma.Catalogue.load(MDATA / "new-catalogue.json")
    return itsma.Mapping.load(MDATA / "mapping-interop.json", old, new), old, new


def test_mapping_oscal_round_trip_is_equal(tmp_path):
    m, old, new = mapping_fixture()
    text = m.to_oscal()
    assert text == m.to_oscal()  # deterministic
    doc = json.loads(text)["mapping-collection"]
    assert doc["metadata"]["oscal-version"] == "1.2.0"
    back = itsma.Mapping.from_oscal(text)
    assert back.to_json() == m.to_json()  # x- keys, n:m maps, equivalent-to, no-target maps
    assert "x-ticket" in back.to_json()
    # bytes and paths too; the id can be named
    path = tmp_path / "m.oscal.json"
    path.write_bytes(text.encode())
    assert itsma.Mapping.from_oscal(path).to_json() == m.to_json()
    assert itsma.Mapping.from_oscal(text.encode(), id="renamed").id == "renamed"
    assert back.maps[10].sources == ("R-01", "R-02") and back.maps[10].targets == ("S-01", "S-02")


def test_mapping_ciso_round_trip_is_equal():
    m, old, new = mapping_fixture()
    yaml = m.to_ciso(old, new, packager="acme")
    assert "urn:acme:risk:req_mapping_set:" in yaml
    back = itsma.Mapping.from_ciso(yaml, old, new)
    assert back.to_json() == m.to_json()
    builtin = itsma.Mapping.builtin("iso20000-1-2011-to-2018")
    assert any(len(x.sources) > 1 or len(x.targets) > 1 for x in builtin)
    again = itsma.Mapping.from_ciso(builtin.to_ciso(), "iso20000-1:2011", "iso20000-1:2018")
    assert again.to_json() == builtin.to_json()


def test_mapping_import_errors_are_located():
    m, old, new = mapping_fixture()
    doc = json.loads(m.to_oscal())
    doc["mapping-collection"]["mappings"][0]["maps"][2]["relationship"] = "same-as"
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Mapping.from_oscal(json.dumps(doc, indent=2), name="bad.json")
    assert e.value.pointer == "/mapping-collection/mappings/0/maps/2/relationship"
    assert e.value.source == "bad.json" and e.value.line > 0
    with pytest.raises(itsma.ParseError):
        itsma.Mapping.from_oscal("{")
    yaml = m.to_ciso(old, new).replace("test-new:m-01", "test-new:nowhere")
    with pytest.raises(itsma.ValidationError) as e:
        itsma.Mapping.from_ciso(yaml, old, new)
    assert e.value.pointer == "/objects/requirement_mapping_set/requirement_mappings/0/target_requirement_urn"
    assert e.value.line > 0
    with pytest.raises(itsma.ValidationError):
        m.to_ciso("iso20000-1:2011", "iso20000-1:2018")  # not the mapping's catalogues
    with pytest.raises(FileNotFoundError) as e:
        itsma.Mapping.from_oscal(ROOT / "no-such-mapping.json")
    assert isinstance(e.value, itsma.ItsmaOSError)
    with pytest.raises(TypeError):
        itsma.Mapping.from_oscal(42)  # type: ignore[arg-type]


def test_mapping_ciso_edited_pairs_warn():
    m, old, new = mapping_fixture()
    yaml = m.to_ciso(old, new)
    edited = yaml.replace("strength_of_relationship: 3\n      annotation: 'Two by two: each pair overlaps.'\n"
                          "      itsma: '{\"map\":10}'",
                          "strength_of_relationship: 9\n      annotation: 'Two by two: each pair overlaps.'\n"
                          "      itsma: '{\"map\":10}'", 1)
    assert edited != yaml
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        back = itsma.Mapping.from_ciso(edited, old, new)
    assert any("one map per pair" in str(w.message) for w in got)
    assert len(back) == len(m) + 3
