# SPDX-License-Identifier: Apache-2.0
"""Incremental re-scoring: :class:`Scorer` (the C library's ``itsma_scorer``)."""

from __future__ import annotations

import threading
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import itsma as _c
from ._assessment import (Assessment, _attribute_args, _evidence_args, _Handle, _rating_args,
                          _remove_attribute_args, _remove_rating_args)
from ._catalogue import Requirement, Section, _id_of
from ._core import DateLike, RatingLike, _text
from ._tables import records
from ._enums import Attribute, EvidenceKind, EvidencePolicy, Verdict
from ._result import (Capability, NonconformityCounts, RequirementCounts, Result, _capability,
                      _compliance, _nonconformities, _requirement_counts, _verdict, _warnings)

__all__ = ["Scorer"]


class Scorer:
    """A live scorer: a result kept up to date while an assessment changes one rating,
    evidence record or attribute rating at a time (``itsma/scorer.h``).

    After each change only what depends on it is recomputed, in time proportional to the
    depth of the catalogue, not its size; the figures are always exactly those
    :meth:`Assessment.score` would give for the assessment as it stands. Meant for
    applications that link their records as evidence and re-score on every change::

        sc = itsma.Scorer(asm)                       # scores asm once
        sc.add_evidence("INC-42", "Incident 42", "record", "2026-11-02")
        sc.rate("8.6.1-01", "L", evidence=["INC-42"])
        sc.compliance["default"], sc.verdict         # up to date after each change
        res = sc.result()                            # an immutable Result of the state now

    The scorer works on its own copy of the assessment: changing the :class:`Assessment`
    given to it later does not change the scorer, and :attr:`assessment` returns a copy of
    the scorer's. Changes have the parameters of the :class:`Assessment` methods of the same
    name and raise the same exceptions (a refused change changes nothing). One scorer may
    be shared by threads: its calls are serialised.
    """

    __slots__ = ("_p", "_h", "_policy", "_lock", "__weakref__")

    def __init__(self, assessment: Assessment,
                 evidence_policy: Union[EvidencePolicy, str] = EvidencePolicy.REQUIRED) -> None:
        """Score *assessment* (a copy of it) and keep the result up to date from now on.

        Raises :class:`InvalidArgumentError` for an unknown evidence policy.
        """
        if not isinstance(assessment, Assessment):
            raise TypeError(f"assessment must be an Assessment, not {type(assessment).__name__}")
        policy = EvidencePolicy.parse(evidence_policy, "evidence_policy")
        h = assessment._h.clone()  # private: the scorer is its only user and writer
        # _p first in __slots__: the C scorer is released before the assessment it borrows
        self._p = _c.CScorer.py_create(h.p, int(policy))
        self._h: _Handle = h
        self._policy = policy
        self._lock = threading.RLock()

    # ---- changes -------------------------------------------------------------------------------

    def add_evidence(self, id: str, title: str, kind: Union[EvidenceKind, str],
                     collected: DateLike, *, expires: Optional[DateLike] = None,
                     uri: Optional[str] = None, sha256: Optional[str] = None,
                     by: Optional[str] = None, note: Optional[str] = None) -> None:
        """Add an evidence record or replace the one with the same id (new dates change
        whether the ratings citing it are supported). See :meth:`Assessment.add_evidence`."""
        args = _evidence_args(id, title, kind, collected, expires, uri, sha256, by, note)
        with self._lock:
            self._p.py_put_evidence(*args)

    def remove_evidence(self, id: str) -> None:
        """Remove an evidence record nothing cites. This change re-scores from scratch
        (the records after it move up one place). See :meth:`Assessment.remove_evidence`."""
        rid = _text(id, "id")
        with self._lock:
            self._p.py_remove_evidence(rid)

    def rate(self, requirement: Union[str, Requirement], rating: RatingLike, *,
             evidence: Union[Iterable[str], str] = (), note: Optional[str] = None) -> None:
        """Rate a requirement or replace its rating. See :meth:`Assessment.rate`."""
        args = _rating_args(requirement, rating, evidence, note)
        with self._lock:
            self._p.py_put_rating(*args)

    def remove_rating(self, requirement: Union[str, Requirement]) -> None:
        """Remove the rating of a requirement. See :meth:`Assessment.remove_rating`."""
        method, *args = _remove_rating_args(requirement)
        with self._lock:
            getattr(self._p, method)(*args)

    def rate_attribute(self, process: Union[str, Section], attribute: Union[Attribute, str],
                       rating: RatingLike, *, evidence: Union[Iterable[str], str] = (),
                       note: Optional[str] = None) -> None:
        """Rate a process attribute (PA2.1 to PA5.2). See :meth:`Assessment.rate_attribute`."""
        args = _attribute_args(process, attribute, rating, evidence, note)
        with self._lock:
            self._p.py_put_attribute(*args)

    def remove_attribute(self, process: Union[str, Section],
                         attribute: Union[Attribute, str]) -> None:
        """Remove a process-attribute rating. See :meth:`Assessment.remove_attribute`."""
        method, *args = _remove_attribute_args(process, attribute)
        with self._lock:
            getattr(self._p, method)(*args)

    def rescore(self) -> None:
        """Score from scratch. The changes above never need it: it recovers a scorer after
        an :class:`ItsmaMemoryError`, whose change may have left the figures behind."""
        with self._lock:
            self._p.py_rescore()

    # ---- the live figures (read at the moment of the call) ------------------------------------

    def _read(self, fn: Any) -> Any:
        with self._lock:
            return fn(_c.itsma_scorer_result(self._p))

    @property
    def verdict(self) -> Verdict:
        """The conformity verdict now."""
        return self._read(_verdict)  # type: ignore[no-any-return]

    @property
    def compliance(self) -> Dict[str, Optional[float]]:
        """Compliance figures by model now (see :attr:`Result.compliance`)."""
        return self._read(_compliance)  # type: ignore[no-any-return]

    @property
    def requirement_counts(self) -> RequirementCounts:
        """Requirement counts now (see :attr:`Result.requirement_counts`)."""
        return self._read(_requirement_counts)  # type: ignore[no-any-return]

    @property
    def nonconformities(self) -> NonconformityCounts:
        """Nonconformity counts now (see :attr:`Result.nonconformities`)."""
        return self._read(_nonconformities)  # type: ignore[no-any-return]

    @property
    def capability(self) -> Capability:
        """Capability summary now (see :attr:`Result.capability`)."""
        return self._read(_capability)  # type: ignore[no-any-return]

    @property
    def warnings(self) -> List[str]:
        """Warnings now (see :attr:`Result.warnings`)."""
        return self._read(_warnings)  # type: ignore[no-any-return]

    @property
    def evidence_policy(self) -> EvidencePolicy:
        """The evidence policy the scorer applies."""
        return self._policy

    @property
    def stats(self) -> Tuple[int, int]:
        """``(incremental, rescored)``: changes applied incrementally, and those that
        scored from scratch (evidence removal, changes to excluded requirements, rescore)."""
        with self._lock:
            inc, full = self._p.py_stats()
        return int(inc), int(full)

    def to_json(self) -> str:
        """The current result as ``itsma-result/1`` JSON: the same bytes as
        ``assessment.score(...).to_json()`` would give now."""
        with self._lock:
            return self._p.py_to_json()  # type: ignore[no-any-return]

    def explain(self, id: Union[str, Requirement, Section]) -> str:
        """Explain the current figure of a requirement or section (see
        :meth:`Result.explain`)."""
        key = _id_of(id, "id")
        with self._lock:
            return self._p.py_explain(key)  # type: ignore[no-any-return]

    # ---- the live entries (rows read at the moment of the call) ------------------------------

    def to_records(self, kind: str = "requirements") -> List[Dict[str, Any]]:
        """Rows of the live result, as :meth:`Result.to_records` gives them for the
        assessment as it stands now (the same columns), read without scoring again."""
        with self._lock:
            live = Result._wrap(_c.itsma_scorer_result(self._p), self._h)
            try:
                return records(live, kind)
            finally:
                self._h.users.discard(live)

    @property
    def gaps(self) -> List[Dict[str, Any]]:
        """The gaps now, in priority order (rows of :meth:`to_records`)."""
        return self.to_records("gaps")

    @property
    def sections(self) -> List[Dict[str, Any]]:
        """Every section's figures now (rows of :meth:`to_records`)."""
        return self.to_records("sections")

    @property
    def requirements(self) -> List[Dict[str, Any]]:
        """Every requirement's figures now (rows of :meth:`to_records`)."""
        return self.to_records("requirements")

    # ---- snapshots -----------------------------------------------------------------------------

    @property
    def assessment(self) -> Assessment:
        """A copy of the assessment as it stands now (changing it does not change the
        scorer)."""
        with self._lock:
            return Assessment._wrap(self._h.clone())

    def result(self) -> Result:
        """A snapshot: an immutable :class:`Result` equal to the live one now, with every
        entry (gaps, evidence issues, sections...) as typed objects, that stays as it is
        while the scorer goes on (``itsma_result_clone``: it has its own copy of the
        assessment, :attr:`Result.assessment`). Costs about one saving, loading and scoring
        of the assessment; the live figures above cost nothing."""
        with self._lock:
            p = self._p.py_snapshot()
        h = _Handle(_c.itsma_result_assessment(p), self._h.cat, self._h.origin, owner=p)
        return Result._wrap(p, h)

    snapshot = result

    # ---- change notification -------------------------------------------------------------------

    def mark(self) -> None:
        """Start a new list of :attr:`changed` sections (empty afterwards)."""
        with self._lock:
            _c.itsma_scorer_mark(self._p)

    @property
    def changed(self) -> List[Section]:
        """The sections (processes and groups) whose figures changed since :meth:`mark`
        (or since the scorer was made), each once, in the order they first changed;
        sections whose figures stayed as they were are not listed."""
        with self._lock:
            n = _c.itsma_scorer_changed_count(self._p)
            ptrs = [_c.itsma_scorer_changed_at(self._p, i) for i in range(n)]
        return [self._h.cat._section(q) for q in ptrs]  # type: ignore[misc]

    @property
    def stale(self) -> bool:
        """Whether the live figures are out of date: after an :class:`ItsmaMemoryError`
        that left the assessment changed but the figures behind (the next change or
        :meth:`rescore` brings them back). Changes through the scorer never leave it so."""
        with self._lock:
            return bool(_c.itsma_scorer_stale(self._p))

    def __repr__(self) -> str:
        with self._lock:
            r = _c.itsma_scorer_result(self._p)
            default = _compliance(r)["default"]
            figure = "null" if default is None else f"{default:.2f}"
            return (f"<itsma.Scorer {_c.itsma_assessment_id(self._h.p)!r}"
                    f" verdict={_verdict(r)} compliance={figure}>")
