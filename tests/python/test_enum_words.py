# SPDX-License-Identifier: Apache-2.0
"""Every word of the package comes from the C library: each enum member's value is the C
itsma_<type>_name() of its code, each word parses back through the C itsma_<type>_parse(),
and the vocabularies kept as plain words (RELATIONSHIPS, REPORT_SECTIONS, ...) and the
field names of the count tuples are the C words too."""

from __future__ import annotations

import pytest

import itsma
from itsma import itsma as c
from itsma._values import WordEnum

# Each public enum of the package and the C type its words are the names of.
ENUMS = {
    itsma.Letter: "letter",
    itsma.Attribute: "attribute",
    itsma.EvidenceKind: "evidence_kind",
    itsma.SectionKind: "section_kind",
    itsma.Obligation: "obligation",
    itsma.Basis: "basis",
    itsma.LintKind: "lint_kind",
    itsma.Exclusions: "exclusions",
    itsma.EvidencePolicy: "evidence_policy",
    itsma.Model: "model",
    itsma.Verdict: "verdict",
    itsma.Status: "status",
    itsma.Nonconformity: "nonconformity",
    itsma.AttributeStatus: "attribute_status",
    itsma.EvidenceProblem: "evidence_problem",
    itsma.Change: "change",
    itsma.NonconformityChange: "nonconformity_change",
}


def test_every_public_word_enum_is_checked():
    public = [getattr(itsma, n) for n in itsma.__all__]
    word_enums = {e for e in public if isinstance(e, type) and issubclass(e, WordEnum)}
    assert word_enums == set(ENUMS)


@pytest.mark.parametrize("enum", list(ENUMS), ids=lambda e: e.__name__)
def test_member_words_are_the_c_names_and_parse_back(enum):
    ctype = ENUMS[enum]
    name = getattr(c, f"itsma_{ctype}_name")
    parse = getattr(c, f"itsma_py_{ctype}_parse")
    for member in enum:
        assert str(member) == name(member.code) != ""
        assert parse(str(member)) == member.code
        assert enum(str(member)) is member


# Every C enumeration with a parse shim: (type, its codes with a word).
C_TYPES = {
    "error_code": [c.ITSMA_OK, c.ITSMA_ERROR, c.ITSMA_ENOMEM, c.ITSMA_EINVAL, c.ITSMA_EIO,
                   c.ITSMA_EPARSE, c.ITSMA_ESCHEMA, c.ITSMA_ENOTFOUND, c.ITSMA_EEXISTS,
                   c.ITSMA_ELIMIT],
    "tally": list(range(c.ITSMA_TALLY_COUNT)),
    "diff_tally": list(range(c.ITSMA_DIFF_TALLY_COUNT)),
    "warning_kind": list(range(c.ITSMA_WARNING_KIND_COUNT)),
    "document_kind": [c.ITSMA_DOCUMENT_KIND_CATALOGUE, c.ITSMA_DOCUMENT_KIND_ASSESSMENT],
    "evidence_check": list(range(c.ITSMA_EVIDENCE_CHECK_OK, c.ITSMA_EVIDENCE_CHECK_NO_DIGEST + 1)),
    "report_format": [c.ITSMA_REPORT_FORMAT_TEXT, c.ITSMA_REPORT_FORMAT_MD, c.ITSMA_REPORT_FORMAT_HTML,
                      c.ITSMA_REPORT_FORMAT_CSV],
    "report_section": [1 << i for i in range(9)] + [c.ITSMA_REPORT_SECTION_ALL],
    "relationship": list(range(c.ITSMA_RELATIONSHIP_EQUAL_TO, c.ITSMA_RELATIONSHIP_NO_RELATIONSHIP + 1)),
    "mapping_method": [c.ITSMA_MAPPING_METHOD_HUMAN, c.ITSMA_MAPPING_METHOD_AUTOMATION, c.ITSMA_MAPPING_METHOD_HYBRID],
    "mapping_rationale": [c.ITSMA_MAPPING_RATIONALE_SYNTACTIC, c.ITSMA_MAPPING_RATIONALE_SEMANTIC,
                          c.ITSMA_MAPPING_RATIONALE_FUNCTIONAL],
    "mapping_status": [c.ITSMA_MAPPING_STATUS_DRAFT, c.ITSMA_MAPPING_STATUS_COMPLETE,
                       c.ITSMA_MAPPING_STATUS_DEPRECATED],
    "confidence": [c.ITSMA_CONFIDENCE_HIGH, c.ITSMA_CONFIDENCE_MEDIUM, c.ITSMA_CONFIDENCE_LOW],
    "carry_status": list(range(c.ITSMA_CARRY_STATUS_CARRIED, c.ITSMA_CARRY_STATUS_NEW + 1)),
    "transition_format": [c.ITSMA_TRANSITION_FORMAT_TEXT, c.ITSMA_TRANSITION_FORMAT_MARKDOWN,
                          c.ITSMA_TRANSITION_FORMAT_HTML],
}
C_TYPES.update({t: [m.code for m in e] for e, t in ENUMS.items()})


@pytest.mark.parametrize("ctype", sorted(C_TYPES))
def test_c_words_round_trip_and_unknown_words_raise(ctype):
    name = getattr(c, f"itsma_{ctype}_name")
    parse = getattr(c, f"itsma_py_{ctype}_parse")
    words = [name(code) for code in C_TYPES[ctype]]
    assert all(words) and len(set(words)) == len(words)
    for code, word in zip(C_TYPES[ctype], words):
        assert parse(word) == code
    for bad in ("", "no-such-word", words[0].upper() if words[0] != words[0].upper()
                else words[0].lower(), " " + words[0]):
        with pytest.raises(itsma.InvalidArgumentError) as info:
            parse(bad)
        assert isinstance(info.value, ValueError)
        for word in words:              # the message lists every accepted word
            assert word in info.value.message


def test_plain_word_vocabularies_are_the_c_words():
    assert itsma.RELATIONSHIPS == tuple(c.itsma_relationship_name(i)
                                        for i in C_TYPES["relationship"])
    assert list(itsma.REPORT_SECTIONS) == [c.itsma_report_section_name(1 << i)
                                           for i in range(9)]
    assert all(itsma.REPORT_SECTIONS[c.itsma_report_section_name(b)] == b
               for b in itsma.REPORT_SECTIONS.values())


def test_count_tuples_are_named_by_the_c_tallies():
    diff_words = tuple(c.itsma_diff_tally_name(i) for i in range(c.ITSMA_DIFF_TALLY_COUNT))
    assert itsma.DiffCounts._fields == diff_words
    tally = [c.itsma_tally_name(i) for i in range(c.ITSMA_TALLY_COUNT)]
    assert itsma.RequirementCounts._fields == tuple(tally[:6])
    assert tuple("nonconformities_" + f for f in itsma.NonconformityCounts._fields) == \
        tuple(tally[6:9])
    assert {"processes", "targets_set", "targets_met"} <= set(itsma.Capability._fields)
    assert {"processes", "targets_set", "targets_met"} == set(tally[9:])


def test_transition_and_carry_words():
    # the transition report's formats are the C words (no Python-only alias)
    from itsma import _mapping
    assert set(_mapping._FORMATS) == {"text", "md", "html"}
    assert [c.itsma_carry_status_name(i) for i in C_TYPES["carry_status"]] == \
        ["carried", "review", "kept", "unrated", "new"]
