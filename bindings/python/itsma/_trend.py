# SPDX-License-Identifier: Apache-2.0
"""Trends: :func:`trend` over several results of one catalogue, assessment after assessment."""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import itsma as _c
from ._core import PathLike, _neg_none, _no_init, _path
from ._enums import Verdict, _words
from ._result import Result, _format_of_path, _write_text

__all__ = ["trend", "Trend", "TrendPoint"]


class TrendPoint(NamedTuple):
    """One assessment of a trend: its figures, and the nonconformities opened and closed
    since the assessment before (None for the first)."""

    result: Result
    date: str
    verdict: Verdict
    compliance: Dict[str, Optional[float]]
    nonconformities_opened: Optional[int]
    nonconformities_closed: Optional[int]


def trend(results: Sequence[Result]) -> Trend:
    """The trend over results of one catalogue, oldest first (by assessment date)::

        t = itsma.trend([q1, q2, q3, q4])
        for p in t.points:
            print(p.date, p.verdict, p.compliance["default"])
        t.capability["8.6.1"]        # [1, 1, 1, 3]
        t.repeated_regressions       # [("9.2-07", 2), ...]
        html = t.report("html")

    Raises :class:`InvalidArgumentError` for no result, results of different catalogues or
    out of chronological order. The trend keeps the results alive.
    """
    results = list(results)
    for r in results:
        if not isinstance(r, Result):
            raise TypeError(f"a trend is made of Result objects, not {type(r).__name__}")
    p = _c.CTrend.py_create([r._p for r in results])
    t = object.__new__(Trend)
    t._p = p
    t._results = tuple(results)
    return t


class Trend:
    """A trend over results (itsma/trend.h). It keeps its results alive."""

    __slots__ = ("_p", "_results", "__weakref__")

    __init__ = _no_init("use itsma.trend()")

    @property
    def results(self) -> List[Result]:
        """The results, oldest first."""
        return list(self._results)

    @property
    def points(self) -> List[TrendPoint]:
        """Each assessment's date, verdict, compliance by model name, and the
        nonconformities opened and closed since the one before."""
        out = []
        for i, r in enumerate(self._results):
            d = _c.itsma_trend_diff_at(self._p, i)
            opened = int(_c.itsma_diff_tally_of(d, _c.ITSMA_DIFF_TALLY_NC_OPENED)) if d else None
            closed = int(_c.itsma_diff_tally_of(d, _c.ITSMA_DIFF_TALLY_NC_CLOSED)) if d else None
            out.append(TrendPoint(r, r.assessment.date, r.verdict, r.compliance, opened, closed))
        return out

    @property
    def capability(self) -> Dict[str, List[Optional[int]]]:
        """Capability level of every process (of the latest catalogue, in catalogue order)
        in each result; None where the process is not applicable."""
        p = self._p
        n = len(self._results)
        return {_c.itsma_trend_process_id(p, k): [_neg_none(_c.itsma_trend_process_level(p, k, i)) for i in range(n)]
                for k in range(_c.itsma_trend_process_count(p))}

    @property
    def repeated_regressions(self) -> List[Tuple[str, int]]:
        """``(requirement id, times)`` of the requirements that regressed more than once,
        most regressions first, then catalogue order."""
        p = self._p
        return [(_c.itsma_trend_repeat_id(p, j), int(_c.itsma_trend_repeat_times(p, j)))
                for j in range(_c.itsma_trend_repeat_count(p))]

    def report(self, format: str = "text", *, colour: bool = False, width: int = 96) -> str:
        """The trend as ``itsma trend`` prints it: ``"text"``, ``"md"``, ``"html"`` (a page
        with a line chart) or ``"csv"`` (one row per assessment)."""
        formats = _words(_c.itsma_report_format_name, _c.ITSMA_REPORT_FORMAT_TEXT, _c.ITSMA_REPORT_FORMAT_MD,
                         _c.ITSMA_REPORT_FORMAT_HTML, _c.ITSMA_REPORT_FORMAT_CSV)
        if format not in formats:
            raise ValueError(f"format must be one of {', '.join(formats)}, not {format!r}")
        if width < 0:
            raise ValueError("width must not be negative")
        return self._p.py_report(formats[format], 1 if colour else 0, width)

    def write_report(self, path: PathLike, format: Optional[str] = None, **options: Any) -> None:
        """Write :meth:`report` to a file atomically; the format follows the extension
        unless given."""
        path = _path(path)
        _write_text(path, self.report(format or _format_of_path(path), **options))

    def __len__(self) -> int:
        return len(self._results)

    def __repr__(self) -> str:
        dates = [r.assessment.date for r in self._results]
        return f"<itsma.Trend of {len(dates)} results, {dates[0]} to {dates[-1]}>"
