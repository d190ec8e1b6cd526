# SPDX-License-Identifier: Apache-2.0
"""Values that behave like Python values, tables out, pickling (issue 18)."""

from __future__ import annotations

import concurrent.futures
import copy
import csv
import datetime
import io
import json
import math
import os
import pickle
import subprocess
import sys

import pytest

import itsma

try:
    import pandas
except ImportError:  # pragma: no cover - Debian's python3-pandas is in scripts/test
    pandas = None


# ---- 1. enums are their words -----------------------------------------------------------------

def test_enums_compare_and_serialise_as_their_words(res):
    assert res.verdict == "nonconformant"
    rr = res.requirements[0]
    assert rr.status == "rated" or rr.status in ("unassessed", "unsupported", "excluded")
    assert json.dumps({"v": res.verdict}) == '{"v": "nonconformant"}'
    assert {"nonconformant": 1}[res.verdict] == 1
    assert itsma.Verdict.NONCONFORMANT.code == itsma.itsma.ITSMA_VERDICT_NONCONFORMANT
    assert int(itsma.Letter.F) == itsma.itsma.ITSMA_LETTER_F
    assert itsma.Verdict(itsma.Verdict.CONFORMANT.code) is itsma.Verdict.CONFORMANT
    assert itsma.Letter.P < itsma.Letter.L and max(itsma.Letter) is itsma.Letter.F
    with pytest.raises(TypeError):
        itsma.Letter.P < "L"                         # never a comparison of text
    assert isinstance(itsma.Status.RATED, str) and f"{itsma.Letter.P_PLUS:>3}" == " P+"


@pytest.mark.skipif(pandas is None, reason="pandas not installed")
def test_pandas_filters_on_words(res):
    df = pandas.DataFrame(res.to_records("requirements"))
    rated = df[df.status == "rated"]
    assert len(rated) == sum(1 for r in res.requirements if r.status == itsma.Status.RATED) > 0
    assert list(df.columns) == list(itsma._tables.REQUIREMENT_COLUMNS)


# ---- 1. dates -----------------------------------------------------------------------------

def test_dates_out_are_dates(asm):
    assert asm.date == datetime.date(2026, 11, 20)
    assert isinstance(asm.evidence[0].collected, datetime.date)


def test_dates_in(asm):
    asm.date = datetime.datetime(2026, 12, 1, 0, 0)
    assert asm.date == datetime.date(2026, 12, 1)
    with pytest.raises(itsma.InvalidArgumentError, match="time of day"):
        asm.date = datetime.datetime(2026, 12, 1, 12, 0)
    for missing in (None, float("nan")):
        e = asm.add_evidence("EV-N", "t", "record", "2026-01-01", expires=missing)
        assert e.expires is None
    with pytest.raises(itsma.InvalidArgumentError):
        asm.date = None
    if pandas is not None:
        asm.date = pandas.Timestamp("2026-10-05")
        assert asm.date == datetime.date(2026, 10, 5)
        with pytest.raises(itsma.InvalidArgumentError):
            asm.date = pandas.Timestamp("2026-10-05 08:00")
        e = asm.add_evidence("EV-T", "t", "record", pandas.Timestamp("2026-01-02"),
                             expires=pandas.NaT)
        assert e.collected == datetime.date(2026, 1, 2) and e.expires is None


def test_empty_cells_are_no_value(asm):
    # what a DataFrame row of a GRC export holds in an empty optional cell
    nan = float("nan")
    e = asm.add_evidence("EV-C", "t", "record", "2026-01-01", uri=nan, by=nan, note=nan,
                         expires=nan)
    assert (e.uri, e.by, e.note, e.expires) == (None, None, None, None)
    r = asm.rate(asm.ratings[0].requirement, "L", evidence=nan, note=nan)
    assert (r.evidence, r.note) == ((), None)
    asm.title = nan
    assert asm.title is None
    with pytest.raises(TypeError):
        asm.add_evidence("EV-D", nan, "record", "2026-01-01")     # a required text


# ---- 1. rating text -----------------------------------------------------------------------

def test_rating_text_follows_the_json_rule(asm):
    rid = asm.ratings[0].requirement
    for bad in ("0x10", ".5", "+5", " 5", "72,5", "1e400", "inf", "nan"):
        with pytest.raises(itsma.InvalidArgumentError):
            asm.rate(rid, bad)
    assert asm.rate(rid, "5e1").value == 50
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate(rid, 10 ** 400)                     # not OverflowError


def test_rating_text_ignores_the_locale(tmp_path):
    script = ("import locale, itsma\n"
              "try:\n    locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')\n"
              "except locale.Error:\n    print('skip'); raise SystemExit\n"
              "print(itsma.parse_rating('72.5'))\n"
              "try:\n    itsma.parse_rating('72,5'); print('accepted')\n"
              "except itsma.InvalidArgumentError:\n    print('refused')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    if out[0] == "skip":
        pytest.skip("de_DE.UTF-8 is not installed (scripts/test installs it)")
    assert out[:2] == ["(None, 72.5)", "refused"]


# ---- 1. copies do not go through untrusted-input limits ------------------------------------

def test_copies_of_a_big_field_keep_working(cat, asm):
    big = "x" * (2 << 20)                            # above the 1 MiB string limit
    asm.add_evidence("EV-BIG", "Big", "record", "2026-01-01", note=big)
    res = asm.score()                                # a result now shares the assessment
    asm.rate(asm.ratings[0].requirement, "F")       # copy on write
    assert asm.evidence["EV-BIG"].note == big
    assert asm.copy().evidence["EV-BIG"].note == big
    assert pickle.loads(pickle.dumps(asm)).evidence["EV-BIG"].note == big
    assert copy.deepcopy(res).assessment.evidence["EV-BIG"].note == big


# ---- 2. tables -----------------------------------------------------------------------------

def test_asdict_on_every_row(res, asm):
    for kind in ("requirements", "sections", "gaps", "capability_gaps", "evidence_issues"):
        for entry in getattr(res, kind):
            d = entry._asdict()
            assert d["id"] == entry.id
            json.dumps(d)                            # plain data
    for rec in (asm.evidence[0], asm.ratings[0], asm.attributes[0], asm.exclusions[0]):
        assert set(rec._asdict()) == set(rec.__dataclass_fields__)
    diff = itsma.compare(res, res)
    for view in (diff.requirements, diff.processes):
        for entry in view:
            assert entry._asdict()["id"] == entry.id
    assert res.requirement_counts["rated"] == res.requirement_counts.rated
    assert dict(res.requirement_counts) == res.requirement_counts._asdict()
    assert dict(res.nonconformities)["major"] == res.nonconformities.major
    assert dict(diff.counts)["improved"] == 0


def test_requirement_records_match_the_csv_report(res, asm, tmp_path):
    cli = os.environ.get("ITSMA_CLI")
    if not cli:
        pytest.skip("ITSMA_CLI not set")
    a = tmp_path / "a.json"
    c = tmp_path / "c.json"
    asm.save(a)
    c.write_text(asm.catalogue.to_json())
    out = subprocess.run([cli, "report", str(a), "--catalogue", str(c), "--format", "csv"],
                         capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    recs = res.to_records("requirements")
    assert list(rows[0]) == list(recs[0])
    assert len(rows) == len(recs)
    for row, rec in zip(rows, recs):
        for k, v in rec.items():
            if isinstance(v, float):
                assert math.isclose(float(row[k]), v, abs_tol=1e-4)
            else:
                assert row[k] == ("" if v is None else str(v))


def test_to_records_kinds(res):
    procs = res.to_records("processes")
    assert all("PA2.1" in p and "capability_level" in p for p in procs)
    gaps = res.to_records("gaps")
    assert [g["id"] for g in gaps] == [g.id for g in res.gaps]
    with pytest.raises(itsma.InvalidArgumentError):
        res.to_records("nope")


def test_assessment_dict_round_trip(asm):
    d = asm.to_dict()
    assert d["format"] == "itsma-assessment/1"
    back = itsma.Assessment.from_dict(d, asm.catalogue)
    assert back == asm and back is not asm
    d["date"] = datetime.date(2026, 1, 1)
    assert itsma.Assessment.from_dict(d, asm.catalogue).date == datetime.date(2026, 1, 1)
    d["date"] = datetime.datetime(2026, 1, 2)
    assert itsma.Assessment.from_dict(d, asm.catalogue).date == datetime.date(2026, 1, 2)
    d["date"] = datetime.datetime(2026, 1, 2, 13, 0)
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Assessment.from_dict(d, asm.catalogue)


# ---- 2. pickling -----------------------------------------------------------------------------

def _score(asm: itsma.Assessment) -> itsma.Result:
    return asm.score()


def test_pickle_round_trips(res, cat):
    for obj in (res, cat, res.assessment, itsma.compare(res, res)):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and type(back) is type(obj)
    for part in (cat.sections[0], cat.requirements[0]):       # found again by id
        back = pickle.loads(pickle.dumps(part))
        assert (type(back), back.id, back.catalogue) == (type(part), part.id, cat)
    assert pickle.loads(pickle.dumps(res)).to_json() == res.to_json()


def test_results_come_back_from_a_process_pool(asm):
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(_score, [asm, asm]))
    assert got[0] == asm.score() and got[1].verdict == asm.score().verdict


# ---- 2. views --------------------------------------------------------------------------------

def test_view_raises_when_changed_during_iteration(asm):
    assert len(asm.ratings) >= 2
    with pytest.raises(RuntimeError, match="changed during iteration"):
        for r in asm.ratings:
            asm.remove_rating(r.requirement)
    with pytest.raises(RuntimeError):
        for e in asm.evidence:
            asm.add_evidence("EV-NEW", "t", "record", "2026-01-01")


def test_catalogue_view_raises_when_changed_during_iteration():
    cat = itsma.Catalogue.new("test:grow", "Growing")
    cat.add_section("A", "A")
    cat.add_requirement("A", "A-01", "Do a thing.")
    with pytest.raises(RuntimeError, match="changed during iteration"):
        for n, s in enumerate(cat.sections):
            cat.add_section(f"B{n}", "B")


def test_views_take_objects_as_keys(asm, res, cat):
    rating = asm.ratings[0]
    req = cat.requirements[rating.requirement]
    assert asm.ratings[req] == rating and req in asm.ratings
    assert res.requirements[req].id == req.id
    a = asm.attributes[0]
    proc = cat.sections[a.process]
    assert asm.attributes[proc, a.attribute] == a


def test_documents_compare_by_value(asm, cat):
    other = itsma.Assessment.from_string(asm.to_json(), cat)
    assert other == asm
    other.title = "changed"
    assert other != asm
    assert itsma.Catalogue.from_string(cat.to_json()) == cat
    assert asm.score() == itsma.Assessment.from_string(asm.to_json(), cat).score()


# ---- 2. the scorer's live result ------------------------------------------------------------

def test_scorer_exposes_the_live_result(asm):
    sc = itsma.Scorer(asm, "advisory")
    gaps = sc.to_records("gaps")
    assert gaps == asm.score("advisory").to_records("gaps")
    rid = gaps[0]["id"]
    sc.rate(rid, "F")
    now = sc.to_records("gaps")
    assert rid not in [g["id"] for g in now] and len(now) == len(gaps) - 1
    assert sc.to_records("sections") == sc.result().to_records("sections")
    assert [g["id"] for g in sc.gaps] == [g["id"] for g in now]
