# SPDX-License-Identifier: Apache-2.0
"""Assessment: loading, reading, changing, saving."""

from __future__ import annotations

import copy
import datetime
import gc
import json
import pickle

import pytest

import itsma


def test_load_variants(assessment_path, cat, catalogue_path):
    a = itsma.Assessment.load(assessment_path, catalogue=cat)
    b = itsma.Assessment.load(str(assessment_path), cat)
    c = itsma.Assessment.load_file(assessment_path, catalogue=cat)
    d = itsma.Assessment.from_string(assessment_path.read_text(), cat)
    e = itsma.Assessment.from_string(assessment_path.read_bytes(), catalogue=cat,
                                     source="mine.json")
    assert a.to_json() == b.to_json() == c.to_json() == d.to_json() == e.to_json()
    assert a.catalogue is cat
    assert a.origin == str(assessment_path) and d.origin == "<string>"
    assert e.origin == "mine.json"


def test_load_resolves_builtin_catalogue(tmp_path):
    asm = itsma.Assessment.new("iso20000-1:2018", "acme", datetime.date(2026, 11, 20))
    asm.add_evidence("EV-1", "Procedure", "document", "2026-10-01")
    asm.rate("8.6.1-01", "L", evidence=["EV-1"])
    p = tmp_path / "acme.json"
    asm.save(p)
    loaded = itsma.Assessment.load(p)                    # no catalogue given
    assert loaded.catalogue.id == "iso20000-1:2018"
    assert loaded.to_json() == asm.to_json()
    with_id = itsma.Assessment.load(p, catalogue="iso20000-1:2018")
    assert with_id.to_json() == asm.to_json()
    assert loaded.score().to_json() == asm.score().to_json()


def test_properties(asm, cat):
    assert asm.catalogue is cat
    assert asm.id == "small-q4"
    assert asm.date == datetime.date(2026, 11, 20)
    assert asm.title == "Small assessment"
    assert asm.organisation == "Example IT"
    assert asm.assessor == "A. Assessor"
    assert asm.target == 2
    assert asm.process_targets == {"8.1": 3}
    assert asm.target_for("8.1") == 3 and asm.target_for("8.2") == 2
    assert asm.target_for(cat.sections["8.2"]) == 2
    assert repr(asm) == ("<itsma.Assessment 'small-q4' catalogue='test:small' date=2026-11-20 "
                         "evidence=4 ratings=3 attributes=1 exclusions=1>")


def test_setters(asm):
    asm.id = "renamed"
    asm.date = datetime.date(2026, 12, 31)
    asm.title = None
    asm.organisation = "Org"
    asm.assessor = "Me"
    assert (asm.id, asm.date, asm.title, asm.organisation, asm.assessor) == (
        "renamed", datetime.date(2026, 12, 31), None, "Org", "Me")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.date = "2026-02-29"
    with pytest.raises(itsma.InvalidArgumentError):
        asm.id = "bad id!"
    with pytest.raises(itsma.InvalidArgumentError, match="time of day"):
        asm.date = datetime.datetime(2026, 1, 1, 9, 30)
    assert asm.date == datetime.date(2026, 12, 31)
    asm.date = datetime.datetime(2026, 1, 1)              # midnight: its date
    assert asm.date == datetime.date(2026, 1, 1)


def test_evidence(asm):
    ev = asm.evidence
    assert len(ev) == 4 and ev.ids() == ["EV-1", "EV-2", "EV-3", "EV-4"]
    e1 = ev["EV-1"]
    assert e1 == itsma.Evidence(
        id="EV-1", title="Incident procedure", kind=itsma.EvidenceKind.DOCUMENT,
        collected=datetime.date(2026, 10, 1), expires=datetime.date(2027, 10, 1),
        uri="docs/incident.pdf", sha256="0" * 64, by="J. Auditor", note="Version 3.", current=True)
    assert ev[-1].kind is itsma.EvidenceKind.INTERVIEW
    assert ev["EV-3"].current is False                   # expired before the date
    assert "EV-9" not in ev and ev.get("EV-9") is None

    new = asm.add_evidence("EV-5", "Metric", itsma.EvidenceKind.METRIC,
                           datetime.date(2026, 11, 1), expires="2026-12-01",
                           uri="u", sha256="a" * 64, by="b", note="n")
    assert new == asm.evidence["EV-5"] and new.current
    assert (new.kind, new.expires, new.uri, new.sha256, new.by, new.note) == (
        itsma.EvidenceKind.METRIC, datetime.date(2026, 12, 1), "u", "a" * 64, "b", "n")
    future = asm.add_evidence("EV-6", "Later", "record", "2027-01-01")
    assert not future.current
    # Replacing keeps the position.
    asm.add_evidence("EV-1", "Incident procedure v4", "document", "2026-10-02")
    assert asm.evidence[0].title == "Incident procedure v4"
    assert asm.evidence[0].expires is None
    assert e1.title == "Incident procedure"               # a record is a snapshot
    asm.remove_evidence("EV-6")
    assert "EV-6" not in asm.evidence
    with pytest.raises(itsma.InvalidArgumentError):
        asm.remove_evidence("EV-1")                     # still cited
    with pytest.raises(itsma.NotFoundError):
        asm.remove_evidence("EV-9")
    with pytest.raises(itsma.InvalidArgumentError, match="kind"):
        asm.add_evidence("EV-7", "T", "rumour", "2026-01-01")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.add_evidence("EV-7", "T", "record", "2026-13-01")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.add_evidence("EV-7", "T", "record", "2026-01-02", expires="2026-01-01")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.add_evidence("EV-7", "T", "record", "2026-01-01", sha256="XYZ")
    with pytest.raises(TypeError):
        asm.add_evidence("EV-7", 5, "record", "2026-01-01")
    assert "EV-7" not in asm.evidence                   # a failed call changes nothing


def test_ratings(asm):
    r = asm.ratings
    assert [x.requirement for x in r] == ["8.1-01", "8.2-01", "8.1-02"] == r.ids()
    with pytest.raises(itsma.NotFoundError, match="no rating of '8.1-9'"):
        r["8.1-9"]
    first = r["8.1-01"]
    assert first == itsma.Rating("8.1-01", itsma.Letter.L, 67.5, ("EV-1", "EV-2"),
                                 "Most incidents recorded.")
    assert first.rating is itsma.Letter.L
    numeric = r["8.2-01"]
    assert numeric.letter is None and numeric.value == 72.5 and numeric.rating == 72.5

    assert asm.rate("8.1-01", "L+").letter is itsma.Letter.L_PLUS
    assert asm.rate("8.1-01", itsma.Letter.F, evidence="EV-1").evidence == ("EV-1",)
    assert asm.rate("8.1-01", 55).rating == 55.0
    assert asm.rate("8.1-01", 12.25, note="n").value == 12.25
    assert asm.rate("8.1-01", "33.5").value == 33.5
    req = asm.catalogue.requirements["8.1-01"]
    assert asm.rate(req, "N").letter is itsma.Letter.N
    assert [x.requirement for x in asm.ratings][0] == "8.1-01"   # position kept
    asm.remove_rating("8.1-01")
    assert "8.1-01" not in asm.ratings
    with pytest.raises(itsma.NotFoundError):
        asm.remove_rating("8.1-01")
    with pytest.raises(itsma.NotFoundError):
        asm.rate("nope", "L")
    with pytest.raises(itsma.NotFoundError):
        asm.rate("8.1-01", "L", evidence=["EV-9"])
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate("8.1-01", "L", evidence=["EV-1", "EV-1"])
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate("8.1-01", "Q")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate("8.1-01", 101)
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate("8.1-01", float("nan"))
    with pytest.raises(TypeError):
        asm.rate("8.1-01", True)
    with pytest.raises(TypeError):
        asm.rate("8.1-01", None)
    with pytest.raises(TypeError):
        asm.rate(123, "L")
    with pytest.raises(TypeError):
        asm.rate("8.1-01", "L", evidence=[1])
    with pytest.raises(TypeError):
        asm.rate("8.1-01", "L", evidence=5)


def test_attributes(asm, cat):
    attrs = asm.attributes
    assert len(attrs) == 1
    a = attrs[0]
    assert a == itsma.AttributeRating("8.1", itsma.Attribute.PA2_1, itsma.Letter.P, 32.5,
                                      ("EV-1",), None)
    assert attrs["8.1", "PA2.1"] == a == attrs[("8.1", itsma.Attribute.PA2_1)]
    assert ("8.1", "PA2.2") not in attrs
    assert attrs.ids() == [("8.1", "PA2.1")]
    with pytest.raises(itsma.NotFoundError, match="no attribute rating 8.1/PA2.2"):
        attrs["8.1", "PA2.2"]
    b = asm.rate_attribute(cat.sections["8.2"], itsma.Attribute.PA2_2, 80, evidence=["EV-2"],
                           note="ok")
    assert (b.process, b.attribute, b.letter, b.value, b.note) == (
        "8.2", itsma.Attribute.PA2_2, None, 80.0, "ok")
    assert b.rating == 80.0
    asm.rate_attribute("8.1", "PA2.1", "F")
    assert asm.attributes["8.1", "PA2.1"].letter is itsma.Letter.F
    asm.remove_attribute("8.2", "PA2.2")
    assert len(asm.attributes) == 1
    with pytest.raises(itsma.NotFoundError):
        asm.remove_attribute("8.2", "PA2.2")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate_attribute("8.1", "PA1.1", "L")              # derived, never rated
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate_attribute("8.1", "PA9.9", "L")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate_attribute("8", "PA2.1", "L")                # not a process
    with pytest.raises(itsma.NotFoundError):
        asm.rate_attribute("nope", "PA2.1", "L")
    with pytest.raises(TypeError):
        asm.rate_attribute("8.1", 2.1, "L")


def test_exclusions(asm):
    assert asm.exclusions[0] == itsma.Exclusion("4", "Out of scope for this test.")
    assert asm.exclusions["4"].reason == "Out of scope for this test."
    assert asm.is_excluded("4") and asm.is_excluded("4-01") and not asm.is_excluded("8")
    assert not asm.is_excluded("nope")
    x = asm.exclude("8.2", reason="Not ours.")
    assert x == itsma.Exclusion("8.2", "Not ours.")
    assert asm.is_excluded("8.2-01")
    asm.exclude("8.2", "Changed reason")
    assert asm.exclusions["8.2"].reason == "Changed reason" and len(asm.exclusions) == 2
    asm.remove_exclusion("8.2")
    assert not asm.is_excluded("8.2-01")
    with pytest.raises(itsma.NotFoundError):
        asm.remove_exclusion("8.2")
    with pytest.raises(itsma.NotFoundError):
        asm.exclude("nope", "x")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.exclude("8.1", "")


def test_exclusions_forbidden_by_2018():
    asm = itsma.Assessment.new("iso20000-1:2018", "a", "2026-01-01")
    with pytest.raises(itsma.InvalidArgumentError, match="forbids exclusions"):
        asm.exclude("8.6.1", "no")


def test_targets(asm):
    asm.set_target(level=4)
    assert asm.target == 4
    asm.set_target(1)
    assert asm.target == 1
    asm.set_target("8.2", 5)
    asm.set_target(process="8.1", level=0)
    assert asm.process_targets == {"8.1": 0, "8.2": 5}
    asm.remove_target("8.2")
    assert asm.process_targets == {"8.1": 0}
    asm.set_target("8.1", None)
    assert asm.process_targets == {}
    asm.remove_target()
    assert asm.target is None and asm.target_for("8.1") is None
    with pytest.raises(itsma.InvalidArgumentError):
        asm.set_target(level=6)
    with pytest.raises(itsma.InvalidArgumentError):
        asm.set_target(level=-1)
    with pytest.raises(itsma.InvalidArgumentError):
        asm.set_target("8", 2)                 # not a process
    with pytest.raises(itsma.NotFoundError):
        asm.set_target("nope", 2)
    with pytest.raises(TypeError):
        asm.set_target("8.1")
    with pytest.raises(TypeError):
        asm.set_target(level="2")


def test_new_and_build(iso):
    asm = itsma.Assessment.new(iso, id="acme-q4", date="2026-11-20")
    assert asm.origin == "" and len(asm.evidence) == 0 and asm.target is None
    asm.add_evidence(id="EV-1", title="Incident procedure", kind="document",
                     collected="2026-10-01", expires=None, uri=None, sha256=None)
    asm.rate("8.6.1-01", "L", evidence=["EV-1"], note="…")
    asm.rate_attribute("8.6.1", "PA2.1", "P", evidence=["EV-1"])
    asm.set_target(level=2)
    asm.set_target("8.6.1", 3)
    doc = json.loads(asm.to_json())
    assert doc["catalogue"] == "iso20000-1:2018"
    assert doc["ratings"] == [{"requirement": "8.6.1-01", "rating": "L",
                               "evidence": ["EV-1"], "note": "…"}]
    assert doc["targets"] == {"level": 2, "processes": {"8.6.1": 3}}
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Assessment.new(iso, "a", "2026-02-30")
    with pytest.raises(TypeError):
        itsma.Assessment.new(42, "a", "2026-01-01")
    with pytest.raises(itsma.NotFoundError):
        itsma.Assessment.new("no-such-catalogue", "a", "2026-01-01")


def test_save_round_trip(asm, tmp_path, assessment_path):
    assert json.loads(asm.to_json()) == json.loads(assessment_path.read_text())
    out = tmp_path / "out.json"
    asm.save(out)
    assert out.read_text() == asm.to_json()
    assert "x-tool" in out.read_text()
    again = itsma.Assessment.load(out, asm.catalogue)
    assert again.to_json() == asm.to_json()


def test_copy_and_pickle(asm):
    for other in (asm.copy(), copy.copy(asm), copy.deepcopy(asm),
                  pickle.loads(pickle.dumps(asm))):
        assert other is not asm and other.to_json() == asm.to_json()
    dup = asm.copy()
    dup.rate("8.1-01", "F")
    assert asm.ratings["8.1-01"].letter is itsma.Letter.L
    assert dup.catalogue is asm.catalogue


def test_copy_keeps_extensions_and_carried_and_outlives_the_original(cat):
    # itsma_assessment_clone: the copy writes the same bytes, x- members and carried
    # provenance included, and stays valid and unchanged when the original goes
    doc = json.dumps({
        "format": "itsma-assessment/1", "id": "rich", "catalogue": "test:small",
        "date": "2026-11-20", "x-tool": {"v": [1, 2]},
        "scope": {"exclude": [{"id": "4", "reason": "Out.", "x-e": 1}], "x-s": True},
        "evidence": [{"id": "EV-1", "title": "One", "kind": "document",
                      "collected": "2026-10-01", "x-ev": "e"}],
        "ratings": [{"requirement": "8.1-01", "rating": "L", "evidence": ["EV-1"],
                     "carried": {"mapping": "m", "relationship": "subset-of",
                                 "sources": ["A.1"], "review": True, "x-c": 7}}],
        "targets": {"level": 2, "x-t": "t"}})
    orig = itsma.Assessment.from_string(doc, cat, source="rich.json")
    text = orig.to_json()
    assert '"x-c"' in text and '"review"' in text
    dup = copy.copy(orig)
    assert dup.to_json() == text and dup.origin == "rich.json"
    orig.rate("8.1-01", "N")
    assert dup.ratings["8.1-01"].carried.review is True
    del orig
    gc.collect()
    assert dup.to_json() == text


def test_direct_construction_is_refused():
    for cls in (itsma.Assessment, itsma.Result, itsma.Diff):
        with pytest.raises(TypeError):
            cls()


def test_wrong_types(cat, assessment_path):
    with pytest.raises(TypeError):
        itsma.Assessment.load(assessment_path, catalogue=42)
    with pytest.raises(TypeError):
        itsma.Assessment.load(None)
    with pytest.raises(TypeError):
        itsma.Assessment.from_string(None, cat)


def test_verify_evidence(tmp_path):
    import hashlib
    import os
    root = tmp_path / "evidence"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "ok.txt").write_bytes(b"hello\n")
    (root / "changed.txt").write_bytes(b"tampered\n")
    (root / "folder").mkdir()
    os.symlink("/etc", root / "etcdir")
    os.symlink("/proc/kmsg", root / "kmsg")
    os.mkfifo(root / "fifo")
    good = hashlib.sha256(b"hello\n").hexdigest()
    asm = itsma.Assessment.new("iso20000-1:2018", "acme", "2026-11-20")
    records = [("OK", "sub/ok.txt", good), ("CHANGED", "changed.txt", good),
               ("MISSING", "gone.txt", good), ("UP", "../x", good), ("ETC", "etcdir/passwd", good),
               ("KMSG", "kmsg", good), ("FIFO", "fifo", good), ("DIR", "folder", good),
               ("WEB", "https://example.org/x", good), ("NODIGEST", "sub/ok.txt", None)]
    for eid, uri, sha in records:
        asm.add_evidence(eid, eid, "record", "2026-10-01", uri=uri, sha256=sha)
    checks = asm.verify_evidence(root)
    assert [c.evidence for c in checks] == [r[0] for r in records]
    status = {c.evidence: c for c in checks}
    assert status["OK"].ok and status["OK"].actual_sha256 == good and status["OK"].size == 6
    assert status["OK"].path == "sub/ok.txt"
    assert status["CHANGED"].status == "changed"
    assert status["CHANGED"].actual_sha256 == hashlib.sha256(b"tampered\n").hexdigest()
    assert status["MISSING"].status == "missing" and status["MISSING"].errno == 2
    assert status["UP"].status == "refused"
    assert status["ETC"].status == "refused" and "symbolic link" in status["ETC"].reason
    assert status["KMSG"].status == "refused"
    assert (status["FIFO"].status, status["FIFO"].reason) == ("not-regular", "a FIFO")
    assert (status["DIR"].status, status["DIR"].reason) == ("not-regular", "a directory")
    assert status["WEB"].status == "not-checkable" and status["WEB"].path is None
    assert status["NODIGEST"].status == "no-digest"
    assert asm.verify_evidence(str(root), max_bytes=5)[0].status == "too-large"
    with pytest.raises(itsma.ItsmaOSError):
        asm.verify_evidence(root / "sub" / "ok.txt")
    with pytest.raises(TypeError):
        asm.verify_evidence(root, max_bytes=-1)
    # the same findings in words, as `itsma evidence verify` prints them
    text, checked, ok = asm.evidence_report(root)
    assert (checked, ok) == (8, 1)
    assert f"ok        OK           {root}/sub/ok.txt\n" in text
    assert "REFUSED   UP           ../x: refused: " in text
    assert f"NOT-FILE  FIFO         {root}/fifo: a FIFO, not a regular file; not read\n" in text
    assert text.endswith("; skipped 1 without a digest and 1 not under the root (absolute uri)\n")
    quiet, _, _ = asm.evidence_report(root, quiet=True, colour=True)
    assert " OK " not in quiet and "\x1b[31mCHANGED  \x1b[0m CHANGED" in quiet
