# SPDX-License-Identifier: Apache-2.0
"""Comparing two results: :func:`compare` and :class:`Diff`."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, NamedTuple, Optional

from . import itsma as _c
from ._core import View, _linear_find, _nan_none, _neg_none, _refuse_init
from ._enums import (Change, Model, Nonconformity, NonconformityChange, Verdict, _nonconformity,
                     _words)
from ._result import RequirementResult, Result
from ._tables import Row, tally

__all__ = ["compare", "Diff", "RequirementDiff", "ProcessDiff", "NonconformityDiff",
           "ComplianceChange", "DiffCounts"]


class ComplianceChange(NamedTuple):
    """A compliance figure before and after, and the difference (None when null)."""

    before: Optional[float]
    after: Optional[float]
    difference: Optional[float]


@tally
class DiffCounts(NamedTuple):
    """Counts of a diff's summary."""

    improved: int
    regressed: int
    unchanged: int
    scope_changes: int
    nonconformities_closed: int
    nonconformities_opened: int
    nonconformities_changed: int
    processes_improved: int
    processes_regressed: int
    processes_unchanged: int


def compare(before: Result, after: Result) -> Diff:
    """Compare an earlier and a later result of assessments of the same catalogue id
    (scoring.md section 8).

    ::

        diff = itsma.compare(q2_result, q4_result)
        for r in diff.requirements:
            if r.change is itsma.Change.REGRESSED:
                print(r.id, r.before.letter, "->", r.after.letter)

    Raises :class:`InvalidArgumentError` when the catalogue ids differ, and
    :class:`TypeError` when an argument is not a :class:`Result`.
    """
    if not isinstance(before, Result) or not isinstance(after, Result):
        raise TypeError("compare() takes two Result objects, not "
                        f"{type(before).__name__} and {type(after).__name__}")
    p = _c.CDiff.py_compare(before._p, after._p)
    d = object.__new__(Diff)
    d._p = p
    d._before = before
    d._after = after
    return d


class Diff:
    """A comparison of two results (``itsma-diff/1``). It keeps both results alive."""

    __slots__ = ("_p", "_before", "_after", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: use itsma.compare()."""
        _refuse_init(self, "use itsma.compare()")

    def __reduce__(self) -> Any:
        return (compare, (self._before, self._after))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diff):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def to_json(self) -> str:
        """The diff as ``itsma-diff/1`` JSON, exactly as the C library writes it."""
        return self._p.py_to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The diff as plain Python data (the parsed :meth:`to_json`)."""
        return json.loads(self.to_json())

    def report(self, format: str = "text", *, colour: bool = False, limit: Optional[int] = None) -> str:
        """The comparison in words, the same bytes as ``itsma compare``: ``format`` is
        ``"text"`` or ``"md"``; ``limit`` caps each list of requirements (default: 15 for
        text, all for Markdown; 0: all)."""
        formats = _words(_c.itsma_report_format_name, _c.ITSMA_REPORT_FORMAT_TEXT, _c.ITSMA_REPORT_FORMAT_MD)
        if format not in formats:
            raise ValueError(f"format must be 'text' or 'md', not {format!r}")
        if limit is not None and limit < 0:
            raise ValueError("limit must not be negative")
        return self._p.py_report(formats[format], 1 if colour else 0,
                                 -1 if limit is None else limit)

    @property
    def before(self) -> Result:
        """The earlier result."""
        return self._before

    @property
    def after(self) -> Result:
        """The later result."""
        return self._after

    @property
    def compliance(self) -> Dict[str, ComplianceChange]:
        """Every compliance figure before, after, and the difference, by model name."""
        p = self._p
        return {m.label: ComplianceChange(
            _nan_none(_c.itsma_diff_compliance_before(p, int(m))),
            _nan_none(_c.itsma_diff_compliance_after(p, int(m))),
            _nan_none(_c.itsma_diff_compliance_difference(p, int(m)))) for m in Model}

    @property
    def verdict_before(self) -> Verdict:
        """The earlier verdict."""
        return Verdict(_c.itsma_diff_verdict_before(self._p))

    @property
    def verdict_after(self) -> Verdict:
        """The later verdict."""
        return Verdict(_c.itsma_diff_verdict_after(self._p))

    @property
    def counts(self) -> DiffCounts:
        """Counts of requirements improved, regressed..., nonconformities closed, opened,
        changed, and processes improved, regressed, unchanged."""
        p = self._p
        return DiffCounts(*(int(_c.itsma_diff_tally_of(p, i))
                            for i in range(_c.ITSMA_DIFF_TALLY_COUNT)))

    @property
    def requirements(self) -> View[RequirementDiff]:
        """Requirements in scope on both sides (or on neither), in catalogue order;
        ``requirements["8.6.1-01"]``."""
        p = self._p

        def find(key: Any) -> Optional[RequirementDiff]:
            q = self._entry(RequirementDiff, _c.itsma_diff_find_requirement(p, key)) \
                if isinstance(key, str) else None
            return q if q is not None and q.change not in _SCOPE else None
        return View("requirements", lambda: _c.itsma_diff_requirement_count(p),
                    lambda i: self._entry(RequirementDiff, _c.itsma_diff_requirement_at(p, i)),
                    find)

    @property
    def scope_changes(self) -> View[RequirementDiff]:
        """Requirements in scope on one side only (change ``excluded`` or ``included``)."""
        p = self._p

        def find(key: Any) -> Optional[RequirementDiff]:
            q = self._entry(RequirementDiff, _c.itsma_diff_find_requirement(p, key)) \
                if isinstance(key, str) else None
            return q if q is not None and q.change in _SCOPE else None
        return View("scope changes", lambda: _c.itsma_diff_scope_change_count(p),
                    lambda i: self._entry(RequirementDiff, _c.itsma_diff_scope_change_at(p, i)),
                    find)

    @property
    def processes(self) -> View[ProcessDiff]:
        """Capability levels of every process applicable on at least one side;
        ``processes["8.6.1"]``."""
        p = self._p

        def items() -> Iterator[ProcessDiff]:
            return iter(view)
        view: View[ProcessDiff] = View(
            "processes", lambda: _c.itsma_diff_process_count(p),
            lambda i: self._entry(ProcessDiff, _c.itsma_diff_process_at(p, i)),
            _linear_find(items), item="process")
        return view

    @property
    def nonconformities(self) -> View[NonconformityDiff]:
        """Requirements whose nonconformity class changed; ``nonconformities["8.6.1-01"]``."""
        p = self._p

        def items() -> Iterator[NonconformityDiff]:
            return iter(view)
        view: View[NonconformityDiff] = View(
            "nonconformity changes", lambda: _c.itsma_diff_nonconformity_count(p),
            lambda i: self._entry(NonconformityDiff, _c.itsma_diff_nonconformity_at(p, i)),
            _linear_find(items))
        return view

    def _entry(self, cls: Any, p: Any) -> Any:
        if p is None:
            return None
        e = object.__new__(cls)
        e._diff = self
        e._p = p
        return e

    def __repr__(self) -> str:
        c = self.counts
        return (f"<itsma.Diff {_c.itsma_assessment_id(self._before._h.p)!r} -> "
                f"{_c.itsma_assessment_id(self._after._h.p)!r} improved={c.improved} "
                f"regressed={c.regressed} unchanged={c.unchanged}>")


_SCOPE = (Change.EXCLUDED, Change.INCLUDED)


class _DiffEntry(Row):
    __slots__ = ("_diff", "_p")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: they come from a Diff."""
        _refuse_init(self, "they come from a Diff")

    @property
    def diff(self) -> Diff:
        """The diff the entry belongs to."""
        return self._diff

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self._p) == int(other._p)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, int(self._p)))


class RequirementDiff(_DiffEntry):
    """The comparison of one requirement."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """The requirement id."""
        return _c.itsma_requirement_diff_id(self._p)

    @property
    def change(self) -> Change:
        """``improved``, ``regressed``, ``unchanged``, or for scope changes ``excluded`` or
        ``included``."""
        return Change(_c.itsma_requirement_diff_change(self._p))

    @property
    def before(self) -> Optional[RequirementResult]:
        """The requirement's entry in the earlier result, or None when it does not list it."""
        return self._diff._before._entry(RequirementResult,  # type: ignore[no-any-return]
                                         _c.itsma_requirement_diff_before(self._p))

    @property
    def after(self) -> Optional[RequirementResult]:
        """The requirement's entry in the later result, or None."""
        return self._diff._after._entry(RequirementResult,  # type: ignore[no-any-return]
                                        _c.itsma_requirement_diff_after(self._p))

    @property
    def difference(self) -> Optional[float]:
        """after - before achievement in percentage points, or None when either side is
        excluded or missing."""
        return _nan_none(_c.itsma_requirement_diff_difference(self._p))

    def __repr__(self) -> str:
        d = self.difference
        return (f"<itsma.RequirementDiff {self.id!r} {self.change}"
                f"{'' if d is None else f' {d:+.2f}'}>")


class ProcessDiff(_DiffEntry):
    """The comparison of one process's capability level."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """The process id."""
        return _c.itsma_process_diff_id(self._p)

    @property
    def change(self) -> Change:
        """``improved``, ``regressed``, ``unchanged``, ``excluded`` or ``included``."""
        return Change(_c.itsma_process_diff_change(self._p))

    @property
    def level_before(self) -> Optional[int]:
        """Capability level before, or None when it was not applicable."""
        return _neg_none(_c.itsma_process_diff_level_before(self._p))

    @property
    def level_after(self) -> Optional[int]:
        """Capability level after, or None when it is not applicable."""
        return _neg_none(_c.itsma_process_diff_level_after(self._p))

    @property
    def target_before(self) -> Optional[int]:
        """Target level before, or None."""
        return _neg_none(_c.itsma_process_diff_target_before(self._p))

    @property
    def target_after(self) -> Optional[int]:
        """Target level after, or None."""
        return _neg_none(_c.itsma_process_diff_target_after(self._p))

    def __repr__(self) -> str:
        return (f"<itsma.ProcessDiff {self.id!r} {self.change} "
                f"{self.level_before} -> {self.level_after}>")


class NonconformityDiff(_DiffEntry):
    """A change of nonconformity class of one requirement."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """The requirement id."""
        return _c.itsma_nonconformity_diff_id(self._p)

    @property
    def change(self) -> NonconformityChange:
        """``closed``, ``opened`` or ``changed``."""
        return NonconformityChange(_c.itsma_nonconformity_diff_change(self._p))

    @property
    def before(self) -> Optional[Nonconformity]:
        """The class before (None for a ``should`` requirement)."""
        return _nonconformity(_c.itsma_nonconformity_diff_before(self._p))

    @property
    def after(self) -> Optional[Nonconformity]:
        """The class after."""
        return _nonconformity(_c.itsma_nonconformity_diff_after(self._p))

    def __repr__(self) -> str:
        return f"<itsma.NonconformityDiff {self.id!r} {self.change}: {self.before} -> {self.after}>"
