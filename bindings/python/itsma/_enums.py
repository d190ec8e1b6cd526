# SPDX-License-Identifier: Apache-2.0
"""Enumerations of itsma, as :class:`enum.IntEnum` subclasses.

Each member's value is the C library's enum value and its ``str()`` (and :attr:`label`) is
the word used in the JSON formats: ``str(Verdict.NONCONFORMANT) == "nonconformant"``,
``str(Letter.P_PLUS) == "P+"``, ``str(Attribute.PA2_1) == "PA2.1"``. Calling the enum with a
label parses it: ``Verdict("conformant") is Verdict.CONFORMANT``. Every method that takes an
enum also accepts its label. Every member is true (even those whose value is 0).

"No value" (an excluded requirement's letter, a ``should`` requirement's nonconformity) is
``None``, never a member.
"""

from __future__ import annotations

import enum
from typing import Any, Callable, Dict, Optional, Type, TypeVar, Union

from . import itsma as _c
from ._errors import ErrorCode, InvalidArgumentError

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

E = TypeVar("E", bound="_Labelled")

_LABELS: Dict[type, Dict[int, str]] = {}


class _Labelled(enum.IntEnum):
    """An IntEnum whose ``str()`` is its label in the JSON formats."""

    @property
    def label(self) -> str:
        """The word used in the JSON formats (``"nonconformant"``, ``"P+"``, ``"PA2.1"``)."""
        return _LABELS[type(self)][int(self)]

    def __str__(self) -> str:
        return self.label

    def __bool__(self) -> bool:
        # A member is a value, not a number: Verdict.CONFORMANT (0) is true, like every
        # member, so that "if entry.letter:" tells a letter from None.
        return True

    def __format__(self, spec: str) -> str:
        return format(self.label, spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.label!r}>"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            labels = _LABELS.get(cls, {})
            for member in cls:
                if labels.get(int(member)) == value:
                    return member
        return None

    @classmethod
    def parse(cls: Type[E], value: Union[E, str, int], what: Optional[str] = None) -> E:
        """Return the member for a member, its label or its value.

        Raises :class:`~itsma.InvalidArgumentError` (a :class:`ValueError`) for an unknown
        label or value, and :class:`TypeError` for anything else.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise TypeError(f"{what or cls.__name__} must be a {cls.__name__} or str, "
                            f"not {type(value).__name__}")
        try:
            return cls(value)
        except ValueError:
            known = ", ".join(repr(str(m)) for m in cls)
            raise InvalidArgumentError(
                f"{what or cls.__name__} must be one of {known}, not {value!r}",
                code=ErrorCode.EINVAL) from None


def _labels(cls: Type[_Labelled], name: Callable[[int], str]) -> None:
    _LABELS[cls] = {int(m): name(int(m)) for m in cls}


def _fixed(cls: Type[_Labelled], labels: Dict[int, str]) -> None:
    _LABELS[cls] = dict(labels)


class Letter(_Labelled):
    """A rating letter (ISO/IEC 33020): N, P-, P, P+, L-, L, L+, F.

    Results report only the band letters N, P, L and F.
    """

    N = _c.ITSMA_LETTER_N
    P_MINUS = _c.ITSMA_LETTER_P_MINUS
    P = _c.ITSMA_LETTER_P
    P_PLUS = _c.ITSMA_LETTER_P_PLUS
    L_MINUS = _c.ITSMA_LETTER_L_MINUS
    L = _c.ITSMA_LETTER_L
    L_PLUS = _c.ITSMA_LETTER_L_PLUS
    F = _c.ITSMA_LETTER_F

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


class Attribute(_Labelled):
    """A process attribute (ISO/IEC 33020). PA1.1 is derived, never rated directly."""

    PA1_1 = _c.ITSMA_PA1_1
    PA2_1 = _c.ITSMA_PA2_1
    PA2_2 = _c.ITSMA_PA2_2
    PA3_1 = _c.ITSMA_PA3_1
    PA3_2 = _c.ITSMA_PA3_2
    PA4_1 = _c.ITSMA_PA4_1
    PA4_2 = _c.ITSMA_PA4_2
    PA5_1 = _c.ITSMA_PA5_1
    PA5_2 = _c.ITSMA_PA5_2

    @property
    def level(self) -> int:
        """The capability level (1 to 5) the attribute belongs to."""
        return int(_c.itsma_attribute_level(int(self)))

    @property
    def title(self) -> str:
        """The attribute's title, such as ``"Performance management"`` for PA2.1."""
        return str(_c.itsma_attribute_title(int(self)))


class EvidenceKind(_Labelled):
    """Kind of an evidence record."""

    DOCUMENT = _c.ITSMA_EVIDENCE_DOCUMENT
    RECORD = _c.ITSMA_EVIDENCE_RECORD
    INTERVIEW = _c.ITSMA_EVIDENCE_INTERVIEW
    OBSERVATION = _c.ITSMA_EVIDENCE_OBSERVATION
    METRIC = _c.ITSMA_EVIDENCE_METRIC
    OTHER = _c.ITSMA_EVIDENCE_OTHER


class SectionKind(_Labelled):
    """Kind of a catalogue section: a group (clause) or a process."""

    GROUP = _c.ITSMA_SECTION_GROUP
    PROCESS = _c.ITSMA_SECTION_PROCESS


class Obligation(_Labelled):
    """Obligation of a requirement: ``shall`` (Part 1 style) or ``should`` (Part 2 style)."""

    SHALL = _c.ITSMA_SHALL
    SHOULD = _c.ITSMA_SHOULD


class Basis(_Labelled):
    """Where a requirement comes from: ``standard`` (it restates a "shall" of the cited
    clause) or ``good-practice`` (recommended practice; only on a ``should``). A requirement
    without a ``basis`` key has ``None``."""

    STANDARD = _c.ITSMA_BASIS_STANDARD
    GOOD_PRACTICE = _c.ITSMA_BASIS_GOOD_PRACTICE


class LintKind(_Labelled):
    """Kind of a catalogue lint problem (docs/catalogues.md)."""

    SHALL_BASIS = _c.ITSMA_LINT_SHALL_BASIS
    SHALL_VERIFY = _c.ITSMA_LINT_SHALL_VERIFY
    GOOD_PRACTICE_SHALL = _c.ITSMA_LINT_GOOD_PRACTICE_SHALL
    WEIGHT = _c.ITSMA_LINT_WEIGHT
    NO_GUIDANCE = _c.ITSMA_LINT_NO_GUIDANCE
    SHALL_IN_TEXT = _c.ITSMA_LINT_SHALL_IN_TEXT
    DUPLICATE_TEXT = _c.ITSMA_LINT_DUPLICATE_TEXT
    ID_FORM = _c.ITSMA_LINT_ID_FORM
    MISSING_CLAUSE = _c.ITSMA_LINT_MISSING_CLAUSE


class Exclusions(_Labelled):
    """Whether a catalogue lets assessments exclude parts of it from their scope."""

    ALLOWED = _c.ITSMA_EXCLUSIONS_ALLOWED
    FORBIDDEN = _c.ITSMA_EXCLUSIONS_FORBIDDEN


class EvidencePolicy(_Labelled):
    """Evidence policy of scoring: ``required`` (unsupported ratings count 0, the default)
    or ``advisory`` (they count as rated)."""

    REQUIRED = _c.ITSMA_POLICY_REQUIRED
    ADVISORY = _c.ITSMA_POLICY_ADVISORY


class Model(_Labelled):
    """Compliance models (scoring.md section 3)."""

    DEFAULT = _c.ITSMA_MODEL_DEFAULT
    FLAT = _c.ITSMA_MODEL_FLAT
    FLAT_UNWEIGHTED = _c.ITSMA_MODEL_FLAT_UNWEIGHTED
    ABSOLUTE = _c.ITSMA_MODEL_ABSOLUTE
    SHALL = _c.ITSMA_MODEL_SHALL
    SHOULD = _c.ITSMA_MODEL_SHOULD


class Verdict(_Labelled):
    """Conformity verdict (scoring.md section 5)."""

    CONFORMANT = _c.ITSMA_VERDICT_CONFORMANT
    CONDITIONAL = _c.ITSMA_VERDICT_CONDITIONAL
    INCOMPLETE = _c.ITSMA_VERDICT_INCOMPLETE
    NONCONFORMANT = _c.ITSMA_VERDICT_NONCONFORMANT

    @property
    def meaning(self) -> str:
        """One sentence saying what the verdict means (the reports' words)."""
        return str(_c.itsma_verdict_meaning(int(self)))


class Status(_Labelled):
    """Status of a requirement in a result (scoring.md section 2)."""

    RATED = _c.ITSMA_STATUS_RATED
    UNASSESSED = _c.ITSMA_STATUS_UNASSESSED
    UNSUPPORTED = _c.ITSMA_STATUS_UNSUPPORTED
    EXCLUDED = _c.ITSMA_STATUS_EXCLUDED


class Nonconformity(_Labelled):
    """Nonconformity class of an applicable ``shall`` requirement (None otherwise)."""

    NONE = _c.ITSMA_NC_NONE
    MINOR = _c.ITSMA_NC_MINOR
    MAJOR = _c.ITSMA_NC_MAJOR
    UNASSESSED = _c.ITSMA_NC_UNASSESSED


class AttributeStatus(_Labelled):
    """Status of a process attribute in a result."""

    DERIVED = _c.ITSMA_ATTR_DERIVED
    RATED = _c.ITSMA_ATTR_RATED
    UNASSESSED = _c.ITSMA_ATTR_UNASSESSED
    UNSUPPORTED = _c.ITSMA_ATTR_UNSUPPORTED


class EvidenceProblem(_Labelled):
    """Problem of an evidence record (scoring.md section 7)."""

    UNUSED = _c.ITSMA_EVIDENCE_UNUSED
    EXPIRED = _c.ITSMA_EVIDENCE_EXPIRED
    FUTURE = _c.ITSMA_EVIDENCE_FUTURE


class Change(_Labelled):
    """How a requirement or process changed between two results."""

    UNCHANGED = _c.ITSMA_CHANGE_UNCHANGED
    IMPROVED = _c.ITSMA_CHANGE_IMPROVED
    REGRESSED = _c.ITSMA_CHANGE_REGRESSED
    EXCLUDED = _c.ITSMA_CHANGE_EXCLUDED
    INCLUDED = _c.ITSMA_CHANGE_INCLUDED


class NonconformityChange(_Labelled):
    """How the nonconformity class of a ``shall`` requirement changed."""

    CLOSED = _c.ITSMA_NC_CHANGE_CLOSED
    OPENED = _c.ITSMA_NC_CHANGE_OPENED
    CHANGED = _c.ITSMA_NC_CHANGE_CHANGED


_labels(Letter, _c.itsma_letter_name)
_labels(Attribute, _c.itsma_attribute_name)
_labels(EvidenceKind, _c.itsma_evidence_kind_name)
_fixed(SectionKind, {_c.ITSMA_SECTION_GROUP: "group", _c.ITSMA_SECTION_PROCESS: "process"})
_fixed(Obligation, {_c.ITSMA_SHALL: "shall", _c.ITSMA_SHOULD: "should"})
_labels(Basis, _c.itsma_basis_name)
_labels(LintKind, _c.itsma_lint_kind_name)
_fixed(Exclusions, {_c.ITSMA_EXCLUSIONS_ALLOWED: "allowed",
                    _c.ITSMA_EXCLUSIONS_FORBIDDEN: "forbidden"})
_labels(EvidencePolicy, _c.itsma_evidence_policy_name)
_labels(Model, _c.itsma_model_name)
_labels(Verdict, _c.itsma_verdict_name)
_labels(Status, _c.itsma_status_name)
_labels(Nonconformity, _c.itsma_nonconformity_name)
_labels(AttributeStatus, _c.itsma_attribute_status_name)
_labels(EvidenceProblem, _c.itsma_evidence_problem_name)
_labels(Change, _c.itsma_change_name)
_labels(NonconformityChange, _c.itsma_nc_change_name)


def _letter(value: int) -> Optional[Letter]:
    """A C letter as a Letter, or None for ITSMA_LETTER_NONE."""
    return Letter(value) if value else None


def _nonconformity(value: int) -> Optional[Nonconformity]:
    """A C nonconformity class, or None for ITSMA_NC_NULL."""
    return Nonconformity(value) if value != _c.ITSMA_NC_NULL else None
