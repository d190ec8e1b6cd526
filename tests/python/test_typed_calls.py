# SPDX-License-Identifier: Apache-2.0
"""Typed calls under the Pythonic surface: properties call one C setter each, sections and
requirements go to the C library as objects (one of another catalogue is refused there),
generic practices travel as attributes."""

from __future__ import annotations

import pytest

import itsma


def test_catalogue_properties_each_have_their_setter(cat: itsma.Catalogue) -> None:
    cat = cat.copy()
    for name in ("version", "publisher", "description", "source"):
        setattr(cat, name, f"new {name}")
        assert getattr(cat, name) == f"new {name}"
        with pytest.raises(itsma.InvalidArgumentError, match="non-empty"):
            setattr(cat, name, "")                  # loading refuses it: so does the setter
        assert getattr(cat, name) == f"new {name}"
        setattr(cat, name, None)
        assert getattr(cat, name) is None
    cat.title = "Retitled"
    with pytest.raises(itsma.InvalidArgumentError):
        cat.title = ""
    with pytest.raises(TypeError):
        cat.title = None                            # required: checked before the C call
    assert cat.title == "Retitled"
    again = itsma.Catalogue.from_string(cat.to_json())
    assert (again.title, again.version) == ("Retitled", None)


def test_builders_take_sections_of_this_catalogue(cat: itsma.Catalogue) -> None:
    mine, other = cat.copy(), cat.copy()            # equal content, distinct catalogues
    theirs = other.sections["8"]
    with pytest.raises(itsma.InvalidArgumentError, match="not a section of"):
        mine.add_section("8.9", "Elsewhere", parent=theirs)
    with pytest.raises(itsma.InvalidArgumentError):
        mine.add_requirement(other.sections["4"], "4-09", "Elsewhere.")
    mine.put_guidance_source("itil4x", "ITIL 4")
    with pytest.raises(itsma.InvalidArgumentError):
        mine.add_guidance(theirs, "itil4x", "Elsewhere")
    with pytest.raises(itsma.NotFoundError):
        mine.add_requirement("9.9", "9.9-01", "Nowhere.")
    assert "8.9" not in mine.sections and "4-09" not in mine.requirements
    assert "itil4x" not in mine.sections["8"].guidance
    sub = mine.add_section("8.9", "Here", parent=mine.sections["8"])
    req = mine.add_requirement(sub, "8.9-01", "Here.")
    mine.add_guidance(sub, "itil4x", "Here")
    assert (sub.parent.id, req.section.id, sub.guidance) == ("8", "8.9", {"itil4x": ["Here"]})


def test_generic_practices_are_attributes(cat: itsma.Catalogue) -> None:
    c = itsma.Catalogue.new("gp:test", "GP")
    c.add_generic_practice(itsma.Attribute.PA4_2, "GP4.2.1", "Controlled.")
    c.add_generic_practice("PA2.1", "GP2.1.1", "Planned.")
    assert [(g.attribute, g.id) for g in c.generic_practices] == [
        (itsma.Attribute.PA4_2, "GP4.2.1"), (itsma.Attribute.PA2_1, "GP2.1.1")]
    with pytest.raises(itsma.InvalidArgumentError, match="PA1.1"):
        c.add_generic_practice(itsma.Attribute.PA1_1, "GP1", "Derived.")
    with pytest.raises(itsma.AlreadyExistsError):
        c.add_generic_practice("PA3.1", "GP2.1.1", "Twice.")


def test_ratings_by_object_or_id(asm: itsma.Assessment, cat: itsma.Catalogue) -> None:
    twin = cat.copy()                               # the same ids, another catalogue
    q, p = cat.requirements["8.1-02"], cat.sections["8.2"]
    asm.rate(q, "L")
    assert asm.ratings["8.1-02"].rating is itsma.Letter.L
    asm.rate("8.1-02", "F")
    assert asm.ratings["8.1-02"].rating is itsma.Letter.F
    before = asm.to_json()
    with pytest.raises(itsma.InvalidArgumentError, match="not one of catalogue"):
        asm.rate(twin.requirements["8.1-02"], "P")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.remove_rating(twin.requirements["8.1-02"])
    with pytest.raises(itsma.InvalidArgumentError):
        asm.rate_attribute(twin.sections["8.2"], "PA2.1", "F")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.remove_attribute(twin.sections["8.2"], "PA2.1")
    with pytest.raises(itsma.InvalidArgumentError, match="not a process"):
        asm.rate_attribute(cat.sections["8"], "PA2.1", "F")
    with pytest.raises(itsma.InvalidArgumentError):
        asm.set_target(twin.sections["8.2"], 3)
    assert asm.to_json() == before                  # refused changes change nothing
    asm.rate_attribute(p, "PA3.2", "L")
    asm.set_target(p, 4)
    assert asm.target_for("8.2") == 4
    asm.remove_attribute(p, "PA3.2")
    asm.remove_rating(q)
    assert "8.1-02" not in asm.ratings
    with pytest.raises(itsma.NotFoundError):
        asm.remove_rating(q)


def test_scorer_by_object(asm: itsma.Assessment, cat: itsma.Catalogue) -> None:
    sc = itsma.Scorer(asm)
    twin = cat.copy()
    q, p = cat.requirements["8.2-01"], cat.sections["8.2"]
    sc.rate(q, "P")
    sc.rate_attribute(p, "PA2.2", "F")
    assert sc.to_json() == sc.assessment.score().to_json()
    with pytest.raises(itsma.InvalidArgumentError):
        sc.rate(twin.requirements["8.2-01"], "F")
    with pytest.raises(itsma.InvalidArgumentError):
        sc.remove_rating(twin.requirements["8.2-01"])
    with pytest.raises(itsma.InvalidArgumentError):
        sc.remove_attribute(twin.sections["8.2"], "PA2.2")
    sc.remove_attribute(p, "PA2.2")
    sc.remove_rating(q)
    assert sc.to_json() == sc.assessment.score().to_json()
    with pytest.raises(itsma.NotFoundError):
        sc.remove_rating(q)
