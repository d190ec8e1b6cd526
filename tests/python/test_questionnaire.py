# SPDX-License-Identifier: Apache-2.0
"""Questionnaires: Catalogue.questionnaire / evidence_sheet, Assessment.questionnaire /
evidence_sheet / from_questionnaire (the C library's itsma/questionnaire.h)."""

from __future__ import annotations

import csv
import io
import pathlib

import pytest

import itsma

ROOT = pathlib.Path(__file__).resolve().parents[2]
Q4 = ROOT / "examples" / "data" / "acme-2026-q4.json"


def rows(text: str, delimiter: str = ","):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))


@pytest.fixture(scope="module")
def iso() -> itsma.Catalogue:
    return itsma.Catalogue.builtin("iso20000-1:2018")


def test_catalogue_questionnaire(iso):
    text = iso.questionnaire(target=2)
    assert text.startswith("\ufefftype,id,clause,process,obligation,text,rating,evidence,note,item,verify\r\n")
    r = rows(text)
    kinds = [x[0] for x in r[1:]]
    assert kinds.count("requirement") == 539 and kinds.count("attribute") == 168
    assert [x[6] for x in r if x[0] == "target"] == ["2"] * 21
    assert not iso.questionnaire(bom=False, delimiter=";").startswith("\ufeff")
    assert iso.questionnaire(delimiter="tab").startswith("\ufefftype\tid\t")
    with pytest.raises(itsma.InvalidArgumentError):
        iso.questionnaire(delimiter="|")
    with pytest.raises(itsma.InvalidArgumentError):
        iso.questionnaire(target=6)
    assert iso.evidence_sheet(bom=False) == "id,title,kind,collected,expires,uri,sha256,by,note\r\n"


def test_round_trip_of_the_sample(iso, tmp_path):
    a = itsma.Assessment.load(Q4)
    q, e = a.questionnaire(delimiter=";"), a.evidence_sheet()
    qpath, epath = tmp_path / "q.csv", tmp_path / "e.csv"
    qpath.write_text(q, encoding="utf-8", newline="")
    epath.write_text(e, encoding="utf-8", newline="")
    for qin, ein in ((q, e), (qpath, epath), (str(qpath), q.encode() and e.encode())):
        b = itsma.Assessment.from_questionnaire(qin, iso, id=a.id, date=a.date, evidence=ein)
        assert b.id == a.id and b.date == a.date
        assert [(x.requirement, x.rating, x.evidence, x.note) for x in b.ratings] == \
               [(x.requirement, x.rating, x.evidence, x.note) for x in a.ratings]
        assert b.evidence_sheet() == e and b.questionnaire(delimiter=";") == q
        assert b.score().to_json() == a.score().to_json()


def test_formulas_are_neutralised_and_come_back(iso):
    a = itsma.Assessment.new(iso, "t", "2026-11-20")
    a.add_evidence("E1", "=1+2", kind="record", collected="2026-01-01", by="@ops", note="'-x")
    a.rate("8.6.1-01", "L", evidence=["E1"], note="+1 call")
    e, q = a.evidence_sheet(), a.questionnaire()
    assert "\"'=1+2\"" in e and "\"'@ops\"" in e and "\"''-x\"" in e
    assert "\"'+1 call\"" in q
    b = itsma.Assessment.from_questionnaire(q, iso, "t", "2026-11-20", evidence=e)
    assert b.to_json() == a.to_json()


def test_problems_have_positions(iso):
    with pytest.raises(itsma.ValidationError) as info:
        itsma.Assessment.from_questionnaire("id;rating\n8.6.1-01;Q\nnope;F\n", iso, "x", "2026-01-01")
    e = info.value
    assert (e.source, e.line, e.column) == ("<questionnaire>", 2, 10)
    assert [(p.line, p.column) for p in e.problems] == [(2, 10), (3, 1)]
    with pytest.raises(itsma.ParseError) as info:
        itsma.Assessment.from_questionnaire(b"id,rating,note\n8.6.1-01,F,caf\xe9\n", iso, "x", "2026-01-01")
    assert (info.value.line, info.value.column) == (2, 15)
    with pytest.raises(itsma.ParseError):
        itsma.Assessment.from_questionnaire(b"id,rating,note\n8.6.1-01,F,a\x00b\n", iso, "x", "2026-01-01")
    with pytest.raises(itsma.ItsmaOSError):
        itsma.Assessment.from_questionnaire("no-such-file.csv", iso, "x", "2026-01-01")
    with pytest.raises(TypeError):
        itsma.Assessment.from_questionnaire(42, iso, "x", "2026-01-01")
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Assessment.from_questionnaire("id,rating\n", iso, "bad id", "2026-01-01")


def test_broken_evidence_is_reported_once(iso):
    ids = [r.id for r in iso.requirements][:40]
    q = "id,rating,evidence\n" + "".join(f"{i},F,E1\n" for i in ids)
    e = "id,title,kind,collected\nE1,Policy,document,2026-02-30\n"
    with pytest.raises(itsma.ValidationError) as info:
        itsma.Assessment.from_questionnaire(q, iso, "x", "2026-11-20", evidence=e)
    problems = info.value.problems
    assert len(problems) == 2
    assert "40 rows of <questionnaire> cite it" in problems[1].message


def test_separator_option(iso):
    q = "id;rating\n8.6.1-01;F\n"
    assert len(itsma.Assessment.from_questionnaire(q, iso, "x", "2026-01-01").ratings) == 1
    assert len(itsma.Assessment.from_questionnaire(q, iso, "x", "2026-01-01", delimiter=";").ratings) == 1
    with pytest.raises(itsma.ValidationError):
        itsma.Assessment.from_questionnaire(q, iso, "x", "2026-01-01", delimiter="\t")
