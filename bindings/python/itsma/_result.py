# SPDX-License-Identifier: Apache-2.0
"""Scoring results: :class:`Result` and its entries."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Union

from . import itsma as _c
from ._assessment import Assessment, Evidence, Rating, _evidence, _Handle, _rating_record
from ._catalogue import Catalogue, Requirement, Section, _id_of
from ._core import (PathLike, View, _linear_find, _nan_none, _neg_none, _path, _refuse_init,
                    _short)
from ._tables import Row, records, tally
from ._enums import (Attribute, AttributeStatus, EvidencePolicy, EvidenceProblem, Letter, Model,
                     Nonconformity, Obligation, Status, Verdict, _letter, _nonconformity, _words)

__all__ = ["Result", "SectionResult", "RequirementResult", "Gap", "CapabilityGap",
           "EvidenceIssue", "AttributeResult", "AttributeNeed", "RequirementCounts",
           "NonconformityCounts", "Capability", "REPORT_SECTIONS"]


@tally
class RequirementCounts(NamedTuple):
    """Requirement counts of a result's summary."""

    total: int
    applicable: int
    excluded: int
    rated: int
    unassessed: int
    unsupported: int


@tally
class NonconformityCounts(NamedTuple):
    """Nonconformities of applicable ``shall`` requirements."""

    major: int
    minor: int
    unassessed: int


@tally
class Capability(NamedTuple):
    """Capability summary: applicable processes, min/max/mean level (None when there is
    no applicable process), processes with a target and those meeting it."""

    processes: int
    min: Optional[int]
    max: Optional[int]
    mean: Optional[float]
    targets_set: int
    targets_met: int


class AttributeResult(NamedTuple):
    """One process attribute of a process in a result."""

    attribute: Attribute
    achievement: Optional[float]
    letter: Optional[Letter]
    status: AttributeStatus


class AttributeNeed(NamedTuple):
    """An attribute standing in the way of a capability target: its letter now and the
    letter needed (L or F)."""

    attribute: Attribute
    letter: Optional[Letter]
    needed: Letter


class Result:
    """The result of scoring an assessment (``itsma-result/1``, scoring.md).

    ::

        res = asm.score()
        res.verdict                              # Verdict.NONCONFORMANT
        res.compliance["default"]                # 63.2
        res.requirements["8.6.1-01"].status      # Status.RATED
        res.sections["8.6.1"].capability_level   # 1
        for gap in res.gaps[:10]:
            print(gap.requirement, gap.gain, gap.guidance)
        res.to_json()                            # the same bytes as the C library

    A result is immutable. It keeps the assessment it scored alive, as it was scored.
    Figures that the format defines as null are None.
    """

    __slots__ = ("_p", "_h", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: use Assessment.score()."""
        _refuse_init(self, "use Assessment.score()")

    @classmethod
    def _wrap(cls, p: Any, h: _Handle) -> Result:
        self = object.__new__(cls)
        self._p = p
        self._h = h
        h.users.add(self)
        return self

    # ---- output ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The result as ``itsma-result/1`` JSON, exactly as the C library writes it."""
        return self._p.py_to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The result as plain Python data (the parsed :meth:`to_json`)."""
        return json.loads(self.to_json())

    def save(self, path: PathLike) -> None:
        """Write :meth:`to_json` to a file, atomically (temporary file, then rename)."""
        _write_text(_path(path), self.to_json())

    def report(self, format: str = "html", baseline: Optional[Result] = None, *, top: int = 10,
               sections: Optional[Iterable[str]] = None, colour: bool = False, width: int = 96) -> str:
        """A report of this result for people or spreadsheets, the same bytes as
        ``itsma report``: ``format`` is ``"html"`` (the default: one self-contained page with
        SVG charts), ``"text"`` (a terminal; ANSI colour only with ``colour=True``), ``"md"``
        or ``"csv"`` (one row per requirement). With ``baseline``, an earlier result of the same
        catalogue, the report also says what changed. ``top`` gaps are listed; ``sections``
        chooses parts by name (:data:`REPORT_SECTIONS`; default all); ``width`` is where
        the text report's prose wraps. Text from the documents is escaped for the format
        (terminal controls, Markdown, HTML, CSV formulas). ::

            html = q4.report("html", baseline=q3)
        """
        if format not in _REPORT_FORMATS:
            raise ValueError(f"format must be one of {', '.join(_REPORT_FORMATS)}, not {format!r}")
        if baseline is not None and not isinstance(baseline, Result):
            raise TypeError(f"baseline must be a Result or None, not {type(baseline).__name__}")
        bits = _report_sections(sections)
        if top < 0 or width < 0:
            raise ValueError("top and width must not be negative")
        return self._p.py_report(baseline._p if baseline is not None else None, _REPORT_FORMATS[format],
                                 top, bits, 1 if colour else 0, width)

    def write_report(self, path: PathLike, format: Optional[str] = None,
                     baseline: Optional[Result] = None, **options: Any) -> None:
        """Write :meth:`report` to a file, atomically. Without ``format``, it follows the
        file's extension (``.txt``, ``.md``, ``.html``, ``.csv``), as ``itsma report -o``
        does; other options are those of :meth:`report`."""
        path = _path(path)
        if format is None:
            format = _format_of_path(path)
        _write_text(path, self.report(format, baseline, **options))


    def explain(self, id: Union[str, Requirement, Section]) -> str:
        """Explain in words how the figure of a requirement or section came about (its
        rating, the evidence judged current or not, the weighted mean of a section, the
        attributes and capability level of a process). Raises :class:`NotFoundError`."""
        return self._p.py_explain(_id_of(id, "id"))

    def to_records(self, kind: str = "requirements") -> List[Dict[str, Any]]:
        """Rows of the result as a list of dicts, for ``pandas.DataFrame(...)``.

        *kind* is ``"requirements"`` (the columns of ``itsma report --format csv``: id,
        clause, process, obligation, status, achievement, rating, nonconformity, gain),
        ``"sections"``, ``"processes"`` (one row per applicable process, with a column
        per attribute), ``"gaps"``, ``"capability_gaps"`` or ``"evidence_issues"``. Each
        row is the entry's ``_asdict()``; "no value" is None.
        """
        return records(self, kind)

    def __reduce__(self) -> Any:
        # A result pickles as what it scored: the assessment (as JSON, with its catalogue),
        # the policy and the scope; unpickling scores it again (scoring is deterministic).
        scope = self.scope
        return (_result_restore, (self.assessment, self.policy.label,
                                  None if scope is None else scope.id))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    # ---- summary -----------------------------------------------------------------------------

    @property
    def assessment(self) -> Assessment:
        """The assessment as it was scored (changing it does not change this result)."""
        return Assessment._wrap(self._h)

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of the assessment."""
        return self._h.cat

    @property
    def policy(self) -> EvidencePolicy:
        """The evidence policy used."""
        return EvidencePolicy(_c.itsma_result_policy(self._p))

    @property
    def scope(self) -> Optional[Section]:
        """The section scored alone, or None for the whole catalogue."""
        return self._h.cat._section(_c.itsma_result_scope(self._p))

    @property
    def verdict(self) -> Verdict:
        """The conformity verdict."""
        return _verdict(self._p)

    @property
    def compliance(self) -> Dict[str, Optional[float]]:
        """Compliance figures (0 to 100, or None) by model: ``default``, ``flat``,
        ``flat_unweighted``, ``absolute``, ``shall``, ``should``."""
        return _compliance(self._p)

    @property
    def requirement_counts(self) -> RequirementCounts:
        """Requirement counts: total, applicable, excluded, rated, unassessed, unsupported."""
        return _requirement_counts(self._p)

    @property
    def nonconformities(self) -> NonconformityCounts:
        """Counts of major and minor nonconformities and unassessed ``shall``
        requirements."""
        return _nonconformities(self._p)

    @property
    def capability(self) -> Capability:
        """Capability summary: processes, min, max, mean, targets_set, targets_met."""
        return _capability(self._p)

    @property
    def warnings(self) -> List[str]:
        """Warnings (for example ratings of excluded requirements)."""
        return _warnings(self._p)

    @property
    def warning_details(self) -> List[ResultWarning]:
        """The same warnings, structured: kind, subject id, attribute, exclusion id."""
        p = self._p
        out = []
        for i in range(_c.itsma_result_warning_count(p)):
            attr = _c.itsma_result_warning_attribute(p, i)
            out.append(ResultWarning(_c.itsma_warning_kind_name(_c.itsma_result_warning_kind(p, i)),
                               _c.itsma_result_warning_subject(p, i),
                               None if attr == _c.ITSMA_ATTRIBUTE_COUNT else Attribute(attr),
                               _c.itsma_result_warning_exclusion(p, i),
                               _c.itsma_result_warning_at(p, i)))
        return out

    # ---- entries -----------------------------------------------------------------------------

    @property
    def sections(self) -> View[SectionResult]:
        """Figures of every section in scope, in catalogue order; ``sections["8.6.1"]``."""
        p = self._p
        return View("sections", lambda: _c.itsma_result_section_count(p),
                    lambda i: self._entry(SectionResult, _c.itsma_result_section_at(p, i)),
                    lambda key: self._entry(SectionResult, _c.itsma_result_find_section(p, key))
                    if isinstance(key, str) else None)

    @property
    def requirements(self) -> View[RequirementResult]:
        """Figures of every requirement in scope, in catalogue order;
        ``requirements["8.6.1-01"]``."""
        p = self._p
        return View("requirements", lambda: _c.itsma_result_requirement_count(p),
                    lambda i: self._entry(RequirementResult, _c.itsma_result_requirement_at(p, i)),
                    lambda key: self._entry(RequirementResult,
                                            _c.itsma_result_find_requirement(p, key))
                    if isinstance(key, str) else None)

    @property
    def gaps(self) -> View[Gap]:
        """Gaps (requirements not rated F) in priority order, each with its gain and
        guidance; ``gaps["8.6.1-01"]`` finds the gap of a requirement."""
        p = self._p

        def items() -> Iterator[Gap]:
            return iter(view)
        view: View[Gap] = View("gaps", lambda: _c.itsma_result_gap_count(p),
                               lambda i: self._entry(Gap, _c.itsma_result_gap_at(p, i)),
                               _linear_find(items), item="gap for")
        return view

    @property
    def capability_gaps(self) -> View[CapabilityGap]:
        """Processes below their target, with the attributes in the way;
        ``capability_gaps["8.6.1"]``."""
        p = self._p

        def items() -> Iterator[CapabilityGap]:
            return iter(view)
        view: View[CapabilityGap] = View(
            "capability gaps", lambda: _c.itsma_result_capability_gap_count(p),
            lambda i: self._entry(CapabilityGap, _c.itsma_result_capability_gap_at(p, i)),
            _linear_find(items))
        return view

    @property
    def evidence_issues(self) -> View[EvidenceIssue]:
        """Evidence problems (unused, expired, future), in evidence order;
        ``evidence_issues["EV-7"]``."""
        p = self._p

        def items() -> Iterator[EvidenceIssue]:
            return iter(view)
        view: View[EvidenceIssue] = View(
            "evidence issues", lambda: _c.itsma_result_evidence_issue_count(p),
            lambda i: self._entry(EvidenceIssue, _c.itsma_result_evidence_issue_at(p, i)),
            _linear_find(items))
        return view

    def _entry(self, cls: Any, p: Any) -> Any:
        if p is None:
            return None
        e = object.__new__(cls)
        e._res = self
        e._p = p
        return e

    def __repr__(self) -> str:
        default = _nan_none(_c.itsma_result_compliance(self._p, _c.ITSMA_MODEL_DEFAULT))
        figure = "null" if default is None else f"{default:.2f}"
        scope = self.scope
        return (f"<itsma.Result {_c.itsma_assessment_id(self._h.p)!r} verdict={self.verdict}"
                f" compliance={figure}{' scope=' + repr(scope.id) if scope else ''}>")


# ---- summary figures of a C result (shared with the live Scorer, which reads them at once) --

#: The parts of a report that ``sections=`` can choose (itsma_report_section).
REPORT_SECTIONS = _words(
    _c.itsma_report_section_name, _c.ITSMA_REPORT_SECTION_SUMMARY, _c.ITSMA_REPORT_SECTION_CLAUSES,
    _c.ITSMA_REPORT_SECTION_CAPABILITY, _c.ITSMA_REPORT_SECTION_GAPS, _c.ITSMA_REPORT_SECTION_NONCONFORMITIES,
    _c.ITSMA_REPORT_SECTION_EVIDENCE, _c.ITSMA_REPORT_SECTION_WARNINGS, _c.ITSMA_REPORT_SECTION_CHANGES,
    _c.ITSMA_REPORT_SECTION_REQUIREMENTS)
_REPORT_FORMATS = _words(_c.itsma_report_format_name, _c.ITSMA_REPORT_FORMAT_TEXT, _c.ITSMA_REPORT_FORMAT_MD,
                         _c.ITSMA_REPORT_FORMAT_HTML, _c.ITSMA_REPORT_FORMAT_CSV)
_EXTENSIONS = {".txt": "text", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
               ".csv": "csv"}


def _report_sections(sections: Optional[Iterable[str]]) -> int:
    if sections is None:
        return int(_c.ITSMA_REPORT_SECTION_ALL)
    if isinstance(sections, str):
        sections = [sections]
    bits = 0
    for name in sections:
        if name not in REPORT_SECTIONS:
            raise ValueError(f"unknown report section {name!r} (expected one of {', '.join(REPORT_SECTIONS)})")
        bits |= REPORT_SECTIONS[name]
    return bits


def _format_of_path(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in _EXTENSIONS:
        raise ValueError(f"cannot tell the report format from {path!r}: pass format=")
    return _EXTENSIONS[ext]


def _write_text(path: str, text: str) -> None:
    """Write text to a file atomically (temporary file, then rename), bytes as they are."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".itsma-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _verdict(p: Any) -> Verdict:
    return Verdict(_c.itsma_result_verdict(p))


def _compliance(p: Any) -> Dict[str, Optional[float]]:
    return {m.label: _nan_none(_c.itsma_result_compliance(p, int(m))) for m in Model}


def _tally(p: Any, which: int) -> int:
    return int(_c.itsma_result_tally(p, which))


def _requirement_counts(p: Any) -> RequirementCounts:
    return RequirementCounts(*(_tally(p, w) for w in (
        _c.ITSMA_TALLY_TOTAL, _c.ITSMA_TALLY_APPLICABLE, _c.ITSMA_TALLY_EXCLUDED,
        _c.ITSMA_TALLY_RATED, _c.ITSMA_TALLY_UNASSESSED, _c.ITSMA_TALLY_UNSUPPORTED)))


def _nonconformities(p: Any) -> NonconformityCounts:
    return NonconformityCounts(_tally(p, _c.ITSMA_TALLY_NC_MAJOR),
                               _tally(p, _c.ITSMA_TALLY_NC_MINOR),
                               _tally(p, _c.ITSMA_TALLY_NC_UNASSESSED))


def _capability(p: Any) -> Capability:
    return Capability(_tally(p, _c.ITSMA_TALLY_PROCESSES),
                      _neg_none(_c.itsma_result_capability_min(p)),
                      _neg_none(_c.itsma_result_capability_max(p)),
                      _nan_none(_c.itsma_result_capability_mean(p)),
                      _tally(p, _c.ITSMA_TALLY_TARGETS_SET), _tally(p, _c.ITSMA_TALLY_TARGETS_MET))


class ResultWarning(NamedTuple):
    """A warning of a result: ``kind`` is ``"excluded-rating"``, ``"excluded-attribute"`` or
    ``"no-applicable"``; ``subject`` the requirement or process id; ``attribute`` the rated
    process attribute (or None); ``exclusion`` the exclusion id behind it (or None);
    ``text`` the message."""

    kind: str
    subject: str
    attribute: Optional[Attribute]
    exclusion: Optional[str]
    text: str


def _warnings(p: Any) -> List[str]:
    return [_c.itsma_result_warning_at(p, i) for i in range(_c.itsma_result_warning_count(p))]


class _Entry(Row):
    """An entry borrowed from a result (which it keeps alive)."""

    __slots__ = ("_res", "_p")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: they come from a Result."""
        _refuse_init(self, "they come from a Result")

    @property
    def result(self) -> Result:
        """The result the entry belongs to."""
        return self._res

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self._p) == int(other._p)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, int(self._p)))


class _AttributeMap(Mapping[Attribute, AttributeResult]):
    """Attributes of a process, keyed by :class:`Attribute` (or its label, ``"PA2.1"``)."""

    __slots__ = ("_d",)

    def __init__(self, d: Dict[Attribute, AttributeResult]) -> None:
        self._d = d

    def __getitem__(self, key: Union[Attribute, str]) -> AttributeResult:
        try:
            attr = Attribute.parse(key)
        except (TypeError, ValueError):
            raise KeyError(key) from None
        return self._d[attr]

    def __iter__(self) -> Iterator[Attribute]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __repr__(self) -> str:
        return "{" + ", ".join(f"'{k}': {v!r}" for k, v in self._d.items()) + "}"


class SectionResult(_Entry):
    """Figures of one section in a result."""

    __slots__ = ()

    @property
    def section(self) -> Section:
        """The catalogue section."""
        return self._res._h.cat._section(_c.itsma_section_result_section(self._p))  # type: ignore

    @property
    def id(self) -> str:
        """The section id."""
        return _c.itsma_section_id(_c.itsma_section_result_section(self._p))

    @property
    def is_process(self) -> bool:
        """Whether the section is a process."""
        return (_c.itsma_section_kind_of(_c.itsma_section_result_section(self._p))
                == _c.ITSMA_SECTION_KIND_PROCESS)

    @property
    def applicable(self) -> bool:
        """Whether the section is applicable (not excluded, with an applicable requirement)."""
        return bool(_c.itsma_section_result_applicable(self._p))

    @property
    def achievement(self) -> Optional[float]:
        """Default-model achievement (0 to 100), or None when not applicable."""
        return _nan_none(_c.itsma_section_result_achievement(self._p))

    @property
    def letter(self) -> Optional[Letter]:
        """Band letter of the achievement, or None when not applicable."""
        return _letter(_c.itsma_section_result_letter(self._p))

    @property
    def capability_level(self) -> Optional[int]:
        """Capability level (0 to 5) of an applicable process, else None."""
        return _neg_none(_c.itsma_section_result_capability_level(self._p))

    @property
    def target_level(self) -> Optional[int]:
        """Target level of a process, or None."""
        return _neg_none(_c.itsma_section_result_target_level(self._p))

    @property
    def attributes(self) -> Mapping[Attribute, AttributeResult]:
        """Attributes of an applicable process (PA1.1 to PA5.2), keyed by
        :class:`Attribute` or label; empty for other sections."""
        p = self._p
        if not (self.is_process and self.applicable):
            return _AttributeMap({})
        d = {}
        for a in Attribute:
            d[a] = AttributeResult(
                a, _nan_none(_c.itsma_section_result_attribute_achievement(p, int(a))),
                _letter(_c.itsma_section_result_attribute_letter(p, int(a))),
                AttributeStatus(_c.itsma_section_result_attribute_status(p, int(a))))
        return _AttributeMap(d)

    def explain(self) -> str:
        """:meth:`Result.explain` for this section."""
        return self._res.explain(self.id)

    def __repr__(self) -> str:
        if not self.applicable:
            return f"<itsma.SectionResult {self.id!r} not applicable>"
        level = self.capability_level
        return (f"<itsma.SectionResult {self.id!r} achievement={self.achievement:.2f}"
                f" ({self.letter}){'' if level is None else f' level={level}'}>")


class RequirementResult(_Entry):
    """Figures of one requirement in a result."""

    __slots__ = ()

    @property
    def requirement(self) -> Requirement:
        """The catalogue requirement."""
        return self._res._h.cat._requirement(  # type: ignore[return-value]
            _c.itsma_requirement_result_requirement(self._p))

    @property
    def id(self) -> str:
        """The requirement id."""
        return _c.itsma_requirement_id(_c.itsma_requirement_result_requirement(self._p))

    @property
    def section(self) -> Section:
        """The section that holds the requirement."""
        return self.requirement.section

    @property
    def process(self) -> Optional[Section]:
        """The enclosing process, or None."""
        return self.requirement.process

    @property
    def obligation(self) -> Obligation:
        """``shall`` or ``should``."""
        return Obligation(_c.itsma_requirement_obligation(
            _c.itsma_requirement_result_requirement(self._p)))

    @property
    def status(self) -> Status:
        """``rated``, ``unassessed``, ``unsupported`` or ``excluded``."""
        return Status(_c.itsma_requirement_result_status(self._p))

    @property
    def achievement(self) -> Optional[float]:
        """Achievement (0 to 100), or None when excluded."""
        return _nan_none(_c.itsma_requirement_result_achievement(self._p))

    @property
    def letter(self) -> Optional[Letter]:
        """Band letter (N, P, L, F), or None when excluded."""
        return _letter(_c.itsma_requirement_result_letter(self._p))

    @property
    def nonconformity(self) -> Optional[Nonconformity]:
        """Nonconformity class of an applicable ``shall`` requirement, else None."""
        return _nonconformity(_c.itsma_requirement_result_nonconformity(self._p))

    @property
    def weight(self) -> float:
        """Effective weight in the default model (0 when excluded)."""
        return _c.itsma_requirement_result_weight(self._p)

    @property
    def gain(self) -> float:
        """Percentage points of default compliance gained by reaching 100 (0 when
        excluded)."""
        return _c.itsma_requirement_result_gain(self._p)

    @property
    def rating(self) -> Optional[Rating]:
        """The assessment's rating of the requirement, or None."""
        r = _c.itsma_requirement_result_rating(self._p)
        return None if r is None else _rating_record(_c.itsma_py_rating_record(r))

    def explain(self) -> str:
        """:meth:`Result.explain` for this requirement."""
        return self._res.explain(self.id)

    def __repr__(self) -> str:
        a = self.achievement
        nc = self.nonconformity
        figure = "" if a is None else f" {a:.2f} ({self.letter})"
        return (f"<itsma.RequirementResult {self.id!r} {self.status}{figure}"
                f"{'' if nc is None else ' ' + str(nc)}>")


class Gap(_Entry):
    """A gap: an applicable requirement not rated F, with what closing it would gain and
    the guidance of its enclosing sections."""

    __slots__ = ()

    def _q(self) -> Any:
        return _c.itsma_gap_requirement(self._p)

    @property
    def result_entry(self) -> RequirementResult:
        """The requirement's entry in the result (status, achievement, letter...)."""
        return self._res._entry(RequirementResult, self._q())  # type: ignore[no-any-return]

    @property
    def requirement(self) -> Requirement:
        """The catalogue requirement (``str()`` gives its id, ``.text`` its text)."""
        return self._res._h.cat._requirement(  # type: ignore[return-value]
            _c.itsma_requirement_result_requirement(self._q()))

    @property
    def id(self) -> str:
        """The requirement id."""
        return _c.itsma_requirement_id(_c.itsma_requirement_result_requirement(self._q()))

    @property
    def process(self) -> Optional[Section]:
        """The enclosing process, or None."""
        return self.requirement.process

    @property
    def obligation(self) -> Obligation:
        """``shall`` or ``should``."""
        return self.result_entry.obligation

    @property
    def status(self) -> Status:
        """The requirement's status."""
        return Status(_c.itsma_requirement_result_status(self._q()))

    @property
    def achievement(self) -> float:
        """The requirement's achievement."""
        return _c.itsma_requirement_result_achievement(self._q())

    @property
    def letter(self) -> Optional[Letter]:
        """The requirement's band letter."""
        return _letter(_c.itsma_requirement_result_letter(self._q()))

    @property
    def nonconformity(self) -> Optional[Nonconformity]:
        """The requirement's nonconformity class (None for ``should``)."""
        return _nonconformity(_c.itsma_requirement_result_nonconformity(self._q()))

    @property
    def gain(self) -> float:
        """Percentage points of default compliance gained if it reached 100."""
        return _c.itsma_gap_gain(self._p)

    @property
    def guidance(self) -> Dict[str, List[str]]:
        """Merged guidance of the enclosing sections (nearest first) by source key:
        ``{"itil4": ["Incident management"], "cobit2019": ["DSS02"]}``."""
        p = self._p
        out: Dict[str, List[str]] = {}
        for i in range(_c.itsma_gap_guidance_source_count(p)):
            key = _c.itsma_gap_guidance_source_key(p, i)
            out[key] = [_c.itsma_gap_guidance_at(p, key, j)
                        for j in range(_c.itsma_gap_guidance_count(p, key))]
        return out

    def explain(self) -> str:
        """:meth:`Result.explain` for the requirement."""
        return self._res.explain(self.id)

    def __repr__(self) -> str:
        return (f"<itsma.Gap {self.id!r} {self.status} ({self.letter}) gain={self.gain:.4g}: "
                f"{_short(_c.itsma_requirement_text(_c.itsma_requirement_result_requirement(self._q())))!r}>")


class CapabilityGap(_Entry):
    """A process whose capability level is below its target."""

    __slots__ = ()

    @property
    def process(self) -> Section:
        """The process."""
        return self._res._h.cat._section(_c.itsma_capability_gap_process(self._p))  # type: ignore

    @property
    def id(self) -> str:
        """The process id."""
        return _c.itsma_section_id(_c.itsma_capability_gap_process(self._p))

    @property
    def level(self) -> int:
        """Its capability level."""
        return _c.itsma_capability_gap_level(self._p)

    @property
    def target(self) -> int:
        """Its target level."""
        return _c.itsma_capability_gap_target(self._p)

    @property
    def attributes(self) -> List[AttributeNeed]:
        """The attributes standing in the way, in PA order, with the letter needed."""
        return [AttributeNeed(Attribute(a), _letter(letter), Letter(needed))
                for a, letter, needed in _c.itsma_py_capability_gap_attributes(self._p)]

    def __repr__(self) -> str:
        return f"<itsma.CapabilityGap {self.id!r} level={self.level} target={self.target}>"


class EvidenceIssue(_Entry):
    """A problem with an evidence record: unused, expired or collected in the future."""

    __slots__ = ()

    @property
    def evidence(self) -> Evidence:
        """The evidence record (a snapshot)."""
        e = _c.itsma_evidence_issue_evidence(self._p)
        return _evidence(_c.itsma_py_evidence_record(e, _c.itsma_assessment_day(self._res._h.p)))

    @property
    def id(self) -> str:
        """The evidence id."""
        return _c.itsma_evidence_id(_c.itsma_evidence_issue_evidence(self._p))

    @property
    def problem(self) -> EvidenceProblem:
        """``unused``, ``expired`` or ``future``."""
        return EvidenceProblem(_c.itsma_evidence_issue_problem(self._p))

    @property
    def cited_by(self) -> List[str]:
        """What cites it: requirement ids, then ``PROCESS/PAx.y``."""
        p = self._p
        return [_c.itsma_evidence_issue_cited_by_at(p, i)
                for i in range(_c.itsma_evidence_issue_cited_by_count(p))]

    def __repr__(self) -> str:
        return f"<itsma.EvidenceIssue {self.id!r} {self.problem}>"


def _result_restore(assessment: Assessment, policy: str, scope: Optional[str]) -> Result:
    return assessment.score(policy, scope)
