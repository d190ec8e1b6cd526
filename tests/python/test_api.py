# SPDX-License-Identifier: Apache-2.0
"""The package surface: exports, docstrings, help(), type hints, enums, helpers."""

from __future__ import annotations

import inspect
import io
import pathlib
import pickle
import pydoc
import typing

import pytest

import itsma
from itsma import itsma as c


def public_members(obj):
    for name, member in inspect.getmembers(obj):
        if name.startswith("_") and name not in ("__init__",):
            continue
        yield name, member


def test_all_exports_exist():
    for name in itsma.__all__:
        assert hasattr(itsma, name), name
    assert itsma.__version__ == itsma.version() == itsma.LIBRARY_VERSION
    assert itsma.__version__.count(".") == 2


def test_every_public_class_and_method_has_a_docstring():
    missing = []
    for name in itsma.__all__:
        obj = getattr(itsma, name)
        if isinstance(obj, str):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and not issubclass(obj, (tuple, BaseException)):
            for mname, member in vars(obj).items():
                if mname.startswith("_"):
                    continue
                if isinstance(member, (property, staticmethod, classmethod)) or callable(member):
                    doc = (member.__func__.__doc__ if isinstance(member, (staticmethod,
                                                                          classmethod))
                           else member.__doc__)
                    if not (doc or "").strip() and not isinstance(member, int):
                        missing.append(f"{name}.{mname}")
    assert missing == []


def test_help_is_useful():
    out = io.StringIO()
    pydoc.Helper(output=out).help(itsma.Assessment)
    text = out.getvalue()
    for word in ("class Assessment", "rate(", "rate_attribute(", "add_evidence(",
                 "score(", "save(", "to_json(", "load(", "evidence_policy",
                 "Raises", "catalogue"):
        assert word in text, word
    out = io.StringIO()
    pydoc.Helper(output=out).help(itsma)
    assert "Catalogue" in out.getvalue() and "compare" in out.getvalue()


def test_classes_print_as_itsma():
    assert itsma.Catalogue.__module__ == "itsma"
    assert repr(itsma.Assessment) == "<class 'itsma.Assessment'>"


def test_type_hints_resolve():
    for cls in (itsma.Catalogue, itsma.Assessment, itsma.Result, itsma.Diff):
        for name, member in vars(cls).items():
            fn = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
            fn = fn.fget if isinstance(fn, property) else fn
            if callable(fn) and not name.startswith("__"):
                typing.get_type_hints(fn)
    hints = typing.get_type_hints(itsma.compare)
    assert hints["return"] is itsma.Diff


def test_py_typed_is_shipped():
    assert (pathlib.Path(itsma.__file__).parent / "py.typed").exists()


def test_enums_match_the_library():
    assert [str(x) for x in itsma.Letter] == ["N", "P-", "P", "P+", "L-", "L", "L+", "F"]
    assert [str(x) for x in itsma.Attribute] == [
        "PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"]
    assert [str(x) for x in itsma.Verdict] == ["conformant", "conditional", "incomplete",
                                               "nonconformant"]
    assert [str(x) for x in itsma.Model] == ["default", "flat", "flat_unweighted", "absolute",
                                             "shall", "should"]
    assert [str(x) for x in itsma.Status] == ["rated", "unassessed", "unsupported",
                                              "excluded"]
    assert [str(x) for x in itsma.EvidenceKind] == ["document", "record", "interview",
                                                    "observation", "metric", "other"]
    assert [str(x) for x in itsma.Basis] == ["standard", "good-practice"]
    assert [str(x) for x in itsma.LintKind] == [
        "shall-basis", "shall-verify", "good-practice-shall", "weight", "no-guidance",
        "shall-in-text", "duplicate-text", "id-form", "missing-clause"]
    assert len(itsma.LintKind) == c.ITSMA_LINT_KIND_COUNT
    assert len(itsma.Model) == c.ITSMA_MODEL_COUNT
    assert len(itsma.Attribute) == c.ITSMA_ATTRIBUTE_COUNT
    for enum in (itsma.Nonconformity, itsma.AttributeStatus, itsma.EvidenceProblem,
                 itsma.Change, itsma.NonconformityChange, itsma.EvidencePolicy,
                 itsma.SectionKind, itsma.Obligation, itsma.Exclusions, itsma.Basis,
                 itsma.LintKind):
        for member in enum:
            assert enum(str(member)) is member
            assert enum.parse(str(member)) is member and enum.parse(int(member)) is member
            assert bool(member)
            assert f"{member}" == str(member) == member.label
            assert pickle.loads(pickle.dumps(member)) is member
    assert itsma.Verdict("conformant") is itsma.Verdict.CONFORMANT
    assert repr(itsma.Verdict.CONFORMANT) == "<Verdict.CONFORMANT: 'conformant'>"
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Verdict.parse("great")
    with pytest.raises(TypeError):
        itsma.Verdict.parse(1.5)


def test_letter_and_attribute_helpers():
    assert itsma.Letter.P_PLUS.achievement == 41.25
    assert itsma.Letter.F.achievement == 100
    assert itsma.Letter.L_MINUS.band is itsma.Letter.L
    assert itsma.Letter.from_achievement(15) is itsma.Letter.N
    assert itsma.Letter.from_achievement(15.01) is itsma.Letter.P
    assert itsma.Letter.from_achievement(85.5) is itsma.Letter.F
    assert [a.level for a in itsma.Attribute] == [1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_parse_rating_and_ids():
    assert itsma.parse_rating("L+") == (itsma.Letter.L_PLUS, 76.25)
    assert itsma.parse_rating("72.5") == (None, 72.5)
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.parse_rating("101")
    assert itsma.is_valid_id("8.6.1-01") and not itsma.is_valid_id("no spaces")
    assert not itsma.is_valid_id("") and not itsma.is_valid_id("x" * 65)


def test_view_protocol(cat):
    reqs = cat.requirements
    assert isinstance(reqs, itsma.View)
    from collections.abc import Sequence
    assert isinstance(reqs, Sequence)
    assert reqs.index(reqs[2]) == 2 and reqs.count(reqs[0]) == 1
    assert reqs == list(reqs) and reqs == tuple(reqs)
    assert reqs[::2] == [reqs[0], reqs[2]]
    assert reqs[-2:] == [reqs[2], reqs[3]]
    with pytest.raises(TypeError):
        hash(reqs)
    with pytest.raises(TypeError):
        cat.generic_practices[0].attribute.parse(None)
    assert repr(reqs) == "<itsma requirements: 4 items>"


def test_low_level_module_is_documented():
    assert "private" in c.__doc__
    assert c.CCatalogue.py_load_file.__doc__
    assert c.itsma_section_title.__doc__


def test_low_level_module_refuses_none_and_wrong_pointers(cat):
    for fn in (lambda: c.itsma_section_id(None),
               lambda: c.itsma_result_compliance(None, 0),
               lambda: c.CDiff.py_compare(None, None),
               lambda: c.CAssessment.py_to_json(None)):
        with pytest.raises(ValueError):
            fn()
    with pytest.raises(TypeError):
        c.itsma_requirement_id(cat.sections[0]._p)       # a section is not a requirement
