# SPDX-License-Identifier: Apache-2.0
"""itsma: ISO/IEC 20000 service management self-assessment.

Python bindings of the itsma C library. Load a requirement catalogue, record evidence
and ratings in an assessment, score it, and compare results::

    import itsma

    cat = itsma.Catalogue.builtin("iso20000-1:2018")      # or Catalogue.load("my.json")
    asm = itsma.Assessment.new(cat, id="acme-q4", date="2026-11-20")
    asm.add_evidence("EV-1", "Incident procedure", "document", "2026-10-01")
    asm.rate("8.6.1-01", "L", evidence=["EV-1"])
    res = asm.score()
    print(res.verdict, res.compliance["default"])
    for gap in res.gaps[:5]:
        print(gap.requirement, f"{gap.gain:.2f}", gap.guidance)

Main classes: :class:`Catalogue` (with :class:`Section`, :class:`Requirement`),
:class:`Assessment` (with :class:`Evidence`, :class:`Rating`, :class:`AttributeRating`,
:class:`Exclusion`), :class:`Result` and :func:`compare` / :class:`Diff`; :class:`Scorer`
keeps a result up to date change by change, and :func:`validate_file` /
:func:`validate_string` report every problem of a document at once. :class:`Mapping`
relates two catalogues; :meth:`Assessment.carry` carries an assessment across one (for
example from ISO/IEC 20000-1:2011 to 2018) and renders the transition report.

Errors are exceptions derived from :class:`Error` and from the matching built-in
(:class:`ParseError` and :class:`ValidationError` are ``ValueError``, :class:`NotFoundError`
a ``LookupError``, :class:`ItsmaOSError` an ``OSError``...). Objects keep what they borrow
alive, so deleting them in any order is safe. Long calls release the GIL.
"""

from __future__ import annotations

from typing import Optional, Tuple

from . import itsma as _c
from ._assessment import Assessment, AttributeRating, Evidence, EvidenceCheck, Exclusion, Rating
from ._catalogue import Catalogue, GenericPractice, LintProblem, Requirement, Retired, Section
from ._core import View
from ._diff import (ComplianceChange, Diff, DiffCounts, NonconformityDiff, ProcessDiff,
                    RequirementDiff, compare)
from ._enums import (Attribute, AttributeStatus, Basis, Change, EvidenceKind, EvidencePolicy,
                     EvidenceProblem, Exclusions, Letter, LintKind, Model, Nonconformity,
                     NonconformityChange, Obligation, SectionKind, Status, Verdict)
from ._errors import (AlreadyExistsError, Error, ErrorCode, InvalidArgumentError,
                      ItsmaMemoryError, ItsmaOSError, LimitError, NotFoundError, ParseError,
                      SchemaError, StateError, ValidationError)
from ._result import (AttributeNeed, AttributeResult, Capability, CapabilityGap,
                      EvidenceIssue, Gap, NonconformityCounts, REPORT_SECTIONS, RequirementCounts,
                      RequirementResult, Result, ResultWarning, SectionResult)
from ._extensions import Extensions
from ._scorer import Scorer
from ._trend import Trend, TrendPoint, trend
from ._validate import Validation, validate_file, validate_string
from . import _interop  # noqa: F401  (adds the OSCAL and CISO Assistant methods)
from ._assessment import Carried
from ._mapping import RELATIONSHIPS, Carry, CarryReport, Map, Mapping

#: Version of the itsma C library the module runs with ("0.1.0").
__version__: str = _c.itsma_version()

#: Licence of itsma (code and built-in data), as an SPDX identifier.
__license__: str = "Apache-2.0"

#: Version of the itsma C library the module was built against.
LIBRARY_VERSION: str = _c.ITSMA_VERSION


def version() -> str:
    """The version of the itsma C library in use, for example ``"0.1.0"``."""
    return _c.itsma_version()


def parse_rating(text: str) -> Tuple[Optional[Letter], float]:
    """Parse a rating written as a letter (``"L+"``) or a number (``"72.5"``).

    Returns ``(letter, achievement)``: the letter (None for a number) and the per-cent
    value it stands for. Raises :class:`InvalidArgumentError` for anything else.
    """
    if not isinstance(text, str):
        raise TypeError(f"a rating must be str, not {type(text).__name__}")
    letter, value = _c.itsma_py_rating_parse(text)
    return (Letter(letter) if letter else None), value


def is_valid_id(text: str) -> bool:
    """Whether *text* is a valid identifier: 1 to 64 characters of ``A-Z a-z 0-9 . _ : -``."""
    if not isinstance(text, str):
        raise TypeError(f"an id must be str, not {type(text).__name__}")
    return bool(_c.itsma_id_is_valid(text))


__all__ = [
    # catalogues
    "Catalogue", "Section", "Requirement", "GenericPractice", "Retired", "LintProblem",
    # assessments
    "Assessment", "Evidence", "EvidenceCheck", "Rating", "AttributeRating", "Exclusion",
    # results
    "Result", "SectionResult", "RequirementResult", "Gap", "CapabilityGap", "EvidenceIssue",
    "AttributeResult", "AttributeNeed", "RequirementCounts", "NonconformityCounts",
    "Capability", "REPORT_SECTIONS", "Extensions", "ResultWarning",
    # incremental re-scoring and validation
    "Scorer", "Validation", "validate_file", "validate_string",
    # mapping sets and carrying
    "Mapping", "Map", "Carry", "CarryReport", "Carried", "RELATIONSHIPS",
    # comparison
    "compare", "Diff", "RequirementDiff", "ProcessDiff", "NonconformityDiff",
    "ComplianceChange", "DiffCounts",
    # trends
    "trend", "Trend", "TrendPoint",
    # enums
    "Letter", "Attribute", "EvidenceKind", "SectionKind", "Obligation", "Basis", "LintKind",
    "Exclusions",
    "EvidencePolicy", "Model", "Verdict", "Status", "Nonconformity", "AttributeStatus",
    "EvidenceProblem", "Change", "NonconformityChange",
    # errors
    "Error", "ErrorCode", "ParseError", "ValidationError", "SchemaError", "NotFoundError",
    "AlreadyExistsError", "ItsmaOSError", "ItsmaMemoryError", "InvalidArgumentError",
    "LimitError", "StateError",
    # helpers
    "View", "version", "parse_rating", "is_valid_id", "__version__", "LIBRARY_VERSION",
]

# Public classes print as itsma.X (help(), repr of the types, tracebacks).
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("itsma."):
        try:
            _obj.__module__ = "itsma"
        except (AttributeError, TypeError):
            pass
del _name, _obj
