# SPDX-License-Identifier: Apache-2.0
"""Enumerations of itsma: :class:`~itsma._values.WordEnum` subclasses.

Each member *is* the word used in the JSON formats (a ``str``): ``Verdict.NONCONFORMANT ==
"nonconformant"``, ``str(Letter.P_PLUS) == "P+"``, ``str(Attribute.PA2_1) == "PA2.1"``, and
``json.dumps`` writes the word. The C library's number is ``.code`` (and ``int(member)``).
Calling the enum with a word or a code returns the member: ``Verdict("conformant") is
Verdict.CONFORMANT``. Every method that takes an enum also accepts its word. Members of one
enum order by code (``Letter.P < Letter.L``).

"No value" (an excluded requirement's letter, a ``should`` requirement's nonconformity) is
``None``, never a member.
"""

from __future__ import annotations

from typing import Callable, Dict, Optional, Tuple

from . import itsma as _c
from ._values import WordEnum

__all__ = [
    "Letter",
    "Attribute",
    "EvidenceKind",
    "SectionKind",
    "Obligation",
    "Basis",
    "LintKind",
    "Exclusions",
    "EvidencePolicy",
    "Model",
    "Verdict",
    "Status",
    "Nonconformity",
    "AttributeStatus",
    "EvidenceProblem",
    "Change",
    "NonconformityChange",
]

# The word of each member comes from the C library's itsma_<type>_name(): C and Python
# cannot disagree on a word (tests/python/test_enum_words.py checks every enum).
def _w(code: int, name: Callable[[int], str]) -> Tuple[str, int]:
    return name(code), code


def _words(name: Callable[[int], str], *codes: int) -> Dict[str, int]:
    """``{word: code}`` of C codes, each word from the C name function (vocabularies the
    package keeps as plain words rather than as an enum)."""
    return {name(code): code for code in codes}


_Labelled = WordEnum  # the name older modules import


class Letter(WordEnum):
    """A rating letter (ISO/IEC 33020): N, P-, P, P+, L-, L, L+, F.

    Results report only the band letters N, P, L and F.
    """

    N = _w(_c.ITSMA_LETTER_N, _c.itsma_letter_name)
    P_MINUS = _w(_c.ITSMA_LETTER_P_MINUS, _c.itsma_letter_name)
    P = _w(_c.ITSMA_LETTER_P, _c.itsma_letter_name)
    P_PLUS = _w(_c.ITSMA_LETTER_P_PLUS, _c.itsma_letter_name)
    L_MINUS = _w(_c.ITSMA_LETTER_L_MINUS, _c.itsma_letter_name)
    L = _w(_c.ITSMA_LETTER_L, _c.itsma_letter_name)
    L_PLUS = _w(_c.ITSMA_LETTER_L_PLUS, _c.itsma_letter_name)
    F = _w(_c.ITSMA_LETTER_F, _c.itsma_letter_name)

    @property
    def achievement(self) -> float:
        """The achievement the letter stands for (per cent): N 0, P 32.5, L 67.5, F 100..."""
        return float(_c.itsma_letter_achievement(int(self)))

    @property
    def band(self) -> Letter:
        """The band letter: P- and P+ give P, L- and L+ give L."""
        return Letter(_c.itsma_letter_band(int(self)))

    @classmethod
    def from_achievement(cls, achievement: float) -> Letter:
        """The band letter (N, P, L or F) of an achievement from 0 to 100."""
        return cls(_c.itsma_letter_from_achievement(float(achievement)))


class Attribute(WordEnum):
    """A process attribute (ISO/IEC 33020). PA1.1 is derived, never rated directly."""

    PA1_1 = _w(_c.ITSMA_PA1_1, _c.itsma_attribute_name)
    PA2_1 = _w(_c.ITSMA_PA2_1, _c.itsma_attribute_name)
    PA2_2 = _w(_c.ITSMA_PA2_2, _c.itsma_attribute_name)
    PA3_1 = _w(_c.ITSMA_PA3_1, _c.itsma_attribute_name)
    PA3_2 = _w(_c.ITSMA_PA3_2, _c.itsma_attribute_name)
    PA4_1 = _w(_c.ITSMA_PA4_1, _c.itsma_attribute_name)
    PA4_2 = _w(_c.ITSMA_PA4_2, _c.itsma_attribute_name)
    PA5_1 = _w(_c.ITSMA_PA5_1, _c.itsma_attribute_name)
    PA5_2 = _w(_c.ITSMA_PA5_2, _c.itsma_attribute_name)

    @property
    def level(self) -> int:
        """The capability level (1 to 5) the attribute belongs to."""
        return int(_c.itsma_attribute_level(int(self)))

    @property
    def title(self) -> str:
        """The attribute's title, such as ``"Performance management"`` for PA2.1."""
        return str(_c.itsma_attribute_title(int(self)))


class EvidenceKind(WordEnum):
    """Kind of an evidence record."""

    DOCUMENT = _w(_c.ITSMA_EVIDENCE_KIND_DOCUMENT, _c.itsma_evidence_kind_name)
    RECORD = _w(_c.ITSMA_EVIDENCE_KIND_RECORD, _c.itsma_evidence_kind_name)
    INTERVIEW = _w(_c.ITSMA_EVIDENCE_KIND_INTERVIEW, _c.itsma_evidence_kind_name)
    OBSERVATION = _w(_c.ITSMA_EVIDENCE_KIND_OBSERVATION, _c.itsma_evidence_kind_name)
    METRIC = _w(_c.ITSMA_EVIDENCE_KIND_METRIC, _c.itsma_evidence_kind_name)
    OTHER = _w(_c.ITSMA_EVIDENCE_KIND_OTHER, _c.itsma_evidence_kind_name)


class SectionKind(WordEnum):
    """Kind of a catalogue section: a group (clause) or a process."""

    GROUP = _w(_c.ITSMA_SECTION_KIND_GROUP, _c.itsma_section_kind_name)
    PROCESS = _w(_c.ITSMA_SECTION_KIND_PROCESS, _c.itsma_section_kind_name)


class Obligation(WordEnum):
    """Obligation of a requirement: ``shall`` (Part 1 style) or ``should`` (Part 2 style)."""

    SHALL = _w(_c.ITSMA_OBLIGATION_SHALL, _c.itsma_obligation_name)
    SHOULD = _w(_c.ITSMA_OBLIGATION_SHOULD, _c.itsma_obligation_name)


class Basis(WordEnum):
    """Where a requirement comes from: ``standard`` (it restates a "shall" of the cited
    clause) or ``good-practice`` (recommended practice; only on a ``should``). A requirement
    without a ``basis`` key has ``None``."""

    STANDARD = _w(_c.ITSMA_BASIS_STANDARD, _c.itsma_basis_name)
    GOOD_PRACTICE = _w(_c.ITSMA_BASIS_GOOD_PRACTICE, _c.itsma_basis_name)


class LintKind(WordEnum):
    """Kind of a catalogue lint problem (docs/catalogues.md)."""

    SHALL_BASIS = _w(_c.ITSMA_LINT_KIND_SHALL_BASIS, _c.itsma_lint_kind_name)
    SHALL_VERIFY = _w(_c.ITSMA_LINT_KIND_SHALL_VERIFY, _c.itsma_lint_kind_name)
    GOOD_PRACTICE_SHALL = _w(_c.ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL, _c.itsma_lint_kind_name)
    WEIGHT = _w(_c.ITSMA_LINT_KIND_WEIGHT, _c.itsma_lint_kind_name)
    NO_GUIDANCE = _w(_c.ITSMA_LINT_KIND_NO_GUIDANCE, _c.itsma_lint_kind_name)
    SHALL_IN_TEXT = _w(_c.ITSMA_LINT_KIND_SHALL_IN_TEXT, _c.itsma_lint_kind_name)
    DUPLICATE_TEXT = _w(_c.ITSMA_LINT_KIND_DUPLICATE_TEXT, _c.itsma_lint_kind_name)
    ID_FORM = _w(_c.ITSMA_LINT_KIND_ID_FORM, _c.itsma_lint_kind_name)
    MISSING_CLAUSE = _w(_c.ITSMA_LINT_KIND_MISSING_CLAUSE, _c.itsma_lint_kind_name)


class Exclusions(WordEnum):
    """Whether a catalogue lets assessments exclude parts of it from their scope."""

    ALLOWED = _w(_c.ITSMA_EXCLUSIONS_ALLOWED, _c.itsma_exclusions_name)
    FORBIDDEN = _w(_c.ITSMA_EXCLUSIONS_FORBIDDEN, _c.itsma_exclusions_name)


class EvidencePolicy(WordEnum):
    """Evidence policy of scoring: ``required`` (unsupported ratings count 0, the default)
    or ``advisory`` (they count as rated)."""

    REQUIRED = _w(_c.ITSMA_EVIDENCE_POLICY_REQUIRED, _c.itsma_evidence_policy_name)
    ADVISORY = _w(_c.ITSMA_EVIDENCE_POLICY_ADVISORY, _c.itsma_evidence_policy_name)


class Model(WordEnum):
    """Compliance models (scoring.md section 3)."""

    DEFAULT = _w(_c.ITSMA_MODEL_DEFAULT, _c.itsma_model_name)
    FLAT = _w(_c.ITSMA_MODEL_FLAT, _c.itsma_model_name)
    FLAT_UNWEIGHTED = _w(_c.ITSMA_MODEL_FLAT_UNWEIGHTED, _c.itsma_model_name)
    ABSOLUTE = _w(_c.ITSMA_MODEL_ABSOLUTE, _c.itsma_model_name)
    SHALL = _w(_c.ITSMA_MODEL_SHALL, _c.itsma_model_name)
    SHOULD = _w(_c.ITSMA_MODEL_SHOULD, _c.itsma_model_name)


class Verdict(WordEnum):
    """Conformity verdict (scoring.md section 5)."""

    CONFORMANT = _w(_c.ITSMA_VERDICT_CONFORMANT, _c.itsma_verdict_name)
    CONDITIONAL = _w(_c.ITSMA_VERDICT_CONDITIONAL, _c.itsma_verdict_name)
    INCOMPLETE = _w(_c.ITSMA_VERDICT_INCOMPLETE, _c.itsma_verdict_name)
    NONCONFORMANT = _w(_c.ITSMA_VERDICT_NONCONFORMANT, _c.itsma_verdict_name)

    @property
    def meaning(self) -> str:
        """One sentence saying what the verdict means (the reports' words)."""
        return str(_c.itsma_verdict_meaning(int(self)))


class Status(WordEnum):
    """Status of a requirement in a result (scoring.md section 2)."""

    RATED = _w(_c.ITSMA_STATUS_RATED, _c.itsma_status_name)
    UNASSESSED = _w(_c.ITSMA_STATUS_UNASSESSED, _c.itsma_status_name)
    UNSUPPORTED = _w(_c.ITSMA_STATUS_UNSUPPORTED, _c.itsma_status_name)
    EXCLUDED = _w(_c.ITSMA_STATUS_EXCLUDED, _c.itsma_status_name)


class Nonconformity(WordEnum):
    """Nonconformity class of an applicable ``shall`` requirement (None otherwise)."""

    NONE = _w(_c.ITSMA_NONCONFORMITY_NONE, _c.itsma_nonconformity_name)
    MINOR = _w(_c.ITSMA_NONCONFORMITY_MINOR, _c.itsma_nonconformity_name)
    MAJOR = _w(_c.ITSMA_NONCONFORMITY_MAJOR, _c.itsma_nonconformity_name)
    UNASSESSED = _w(_c.ITSMA_NONCONFORMITY_UNASSESSED, _c.itsma_nonconformity_name)


class AttributeStatus(WordEnum):
    """Status of a process attribute in a result."""

    DERIVED = _w(_c.ITSMA_ATTRIBUTE_STATUS_DERIVED, _c.itsma_attribute_status_name)
    RATED = _w(_c.ITSMA_ATTRIBUTE_STATUS_RATED, _c.itsma_attribute_status_name)
    UNASSESSED = _w(_c.ITSMA_ATTRIBUTE_STATUS_UNASSESSED, _c.itsma_attribute_status_name)
    UNSUPPORTED = _w(_c.ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED, _c.itsma_attribute_status_name)


class EvidenceProblem(WordEnum):
    """Problem of an evidence record (scoring.md section 7)."""

    UNUSED = _w(_c.ITSMA_EVIDENCE_PROBLEM_UNUSED, _c.itsma_evidence_problem_name)
    EXPIRED = _w(_c.ITSMA_EVIDENCE_PROBLEM_EXPIRED, _c.itsma_evidence_problem_name)
    FUTURE = _w(_c.ITSMA_EVIDENCE_PROBLEM_FUTURE, _c.itsma_evidence_problem_name)


class Change(WordEnum):
    """How a requirement or process changed between two results."""

    UNCHANGED = _w(_c.ITSMA_CHANGE_UNCHANGED, _c.itsma_change_name)
    IMPROVED = _w(_c.ITSMA_CHANGE_IMPROVED, _c.itsma_change_name)
    REGRESSED = _w(_c.ITSMA_CHANGE_REGRESSED, _c.itsma_change_name)
    EXCLUDED = _w(_c.ITSMA_CHANGE_EXCLUDED, _c.itsma_change_name)
    INCLUDED = _w(_c.ITSMA_CHANGE_INCLUDED, _c.itsma_change_name)


class NonconformityChange(WordEnum):
    """How the nonconformity class of a ``shall`` requirement changed."""

    CLOSED = _w(_c.ITSMA_NONCONFORMITY_CHANGE_CLOSED, _c.itsma_nonconformity_change_name)
    OPENED = _w(_c.ITSMA_NONCONFORMITY_CHANGE_OPENED, _c.itsma_nonconformity_change_name)
    CHANGED = _w(_c.ITSMA_NONCONFORMITY_CHANGE_CHANGED, _c.itsma_nonconformity_change_name)


def _letter(value: int) -> Optional[Letter]:
    """A C letter as a Letter, or None for ITSMA_LETTER_NONE."""
    return Letter(int(value)) if value else None


def _nonconformity(value: int) -> Optional[Nonconformity]:
    """A C nonconformity class, or None for ITSMA_NONCONFORMITY_NULL."""
    return Nonconformity(value) if value != _c.ITSMA_NONCONFORMITY_NULL else None
