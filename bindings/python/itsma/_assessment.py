# SPDX-License-Identifier: Apache-2.0
"""Assessments: :class:`Assessment` and its records (:class:`Evidence`, :class:`Rating`,
:class:`AttributeRating`, :class:`Exclusion`)."""

from __future__ import annotations

import datetime
import json
import os
import weakref
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import itsma as _c
from ._catalogue import Catalogue, Requirement, Section, _delimiter, _id_of, _level
from ._core import (TRUSTED_LIMITS, DateLike, IdentitySet, PathLike, RatingLike, View, _date,
                    _ids, _limits, _neg_none, _no_init, _path, _Pins, _rating, _refuse_init, _text)
from ._enums import Attribute, EvidenceKind, EvidencePolicy, Letter, _letter, _words
from ._errors import ErrorCode, InvalidArgumentError, _from_c
from ._tables import dataclass_asdict
from ._values import date_in, date_out
from ._extensions import Extensions

__all__ = ["Assessment", "Evidence", "Rating", "AttributeRating", "Exclusion", "Carried"]

_MISSING: Any = object()


# ---- records ---------------------------------------------------------------------------------
#
# Records are values: a snapshot taken when they are read. Changing the assessment later
# does not change (or invalidate) a record already read.


@dataclass(frozen=True)
class Evidence:
    """An evidence record of an assessment (a snapshot).

    ``current`` says whether it was current on the assessment's date: collected on or
    before it and not expiring before it.
    """

    _asdict = dataclass_asdict

    id: str
    title: str
    kind: EvidenceKind
    collected: datetime.date
    expires: Optional[datetime.date] = None
    uri: Optional[str] = None
    sha256: Optional[str] = None
    by: Optional[str] = None
    note: Optional[str] = None
    current: bool = True


_CHECKS = {code: word for word, code in _words(
    _c.itsma_evidence_check_name, _c.ITSMA_EVIDENCE_CHECK_OK, _c.ITSMA_EVIDENCE_CHECK_CHANGED,
    _c.ITSMA_EVIDENCE_CHECK_MISSING, _c.ITSMA_EVIDENCE_CHECK_REFUSED,
    _c.ITSMA_EVIDENCE_CHECK_NOT_REGULAR, _c.ITSMA_EVIDENCE_CHECK_TOO_LARGE,
    _c.ITSMA_EVIDENCE_CHECK_UNREADABLE, _c.ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE,
    _c.ITSMA_EVIDENCE_CHECK_NO_DIGEST).items()}


@dataclass(frozen=True)
class EvidenceCheck:
    """What :meth:`Assessment.verify_evidence` found for one evidence record.

    ``status`` is ``"ok"``, ``"changed"``, ``"missing"``, ``"refused"`` (the uri leaves the
    root or is malformed), ``"not-regular"`` (a folder, FIFO, device or socket; never read),
    ``"too-large"``, ``"unreadable"``, ``"not-checkable"`` (no uri, absolute or remote) or
    ``"no-digest"``. ``path`` is the decoded path below the root, ``actual_sha256`` the
    digest computed (ok, changed), ``reason`` a short explanation, ``errno`` the system error
    and ``size`` the bytes hashed (or the size found, too-large).
    """

    evidence: str
    status: str
    path: Optional[str] = None
    actual_sha256: Optional[str] = None
    reason: Optional[str] = None
    errno: int = 0
    size: int = 0

    @property
    def ok(self) -> bool:
        """True when the file matched its recorded digest."""
        return self.status == _CHECKS[_c.ITSMA_EVIDENCE_CHECK_OK]


@dataclass(frozen=True)
class Carried:
    """Where a carried rating came from (its ``carried`` member, docs/formats.md): the
    mapping, the relationship of the map it came through, the source requirement (or
    process) ids, and whether it is marked for review."""

    mapping: Optional[str]
    relationship: str
    sources: Tuple[str, ...]
    review: bool = False


@dataclass(frozen=True)
class Rating:
    """The rating of a requirement (a snapshot): a letter, or a number (``letter`` None).
    ``carried`` is set when the rating was carried from another catalogue."""

    _asdict = dataclass_asdict

    requirement: str
    letter: Optional[Letter]
    value: float
    evidence: Tuple[str, ...] = ()
    note: Optional[str] = None
    carried: Optional[Carried] = None

    @property
    def rating(self) -> Union[Letter, float]:
        """The rating as written: the letter, or the number."""
        return self.letter if self.letter is not None else self.value


@dataclass(frozen=True)
class AttributeRating:
    """The rating of a process attribute (a snapshot)."""

    _asdict = dataclass_asdict

    process: str
    attribute: Attribute
    letter: Optional[Letter]
    value: float
    evidence: Tuple[str, ...] = ()
    note: Optional[str] = None
    carried: Optional[Carried] = None

    @property
    def rating(self) -> Union[Letter, float]:
        """The rating as written: the letter, or the number."""
        return self.letter if self.letter is not None else self.value


@dataclass(frozen=True)
class Exclusion:
    """A scope exclusion: a section or requirement left out, and why."""

    _asdict = dataclass_asdict

    id: str
    reason: str


def _evidence(t: Tuple[Any, ...]) -> Evidence:
    return Evidence(t[0], t[1], EvidenceKind(t[2]), date_out(t[3]),  # type: ignore[arg-type]
                    date_out(t[4]), t[5], t[6], t[7], t[8], t[9])


def _carried(t: Optional[Tuple[Any, ...]]) -> Optional[Carried]:
    return None if t is None else Carried(t[0], t[1], tuple(t[2]), bool(t[3]))


def _rating_record(t: Tuple[Any, ...]) -> Rating:
    return Rating(t[0], _letter(t[1]), t[2], t[3], t[4], _carried(t[5]))


def _attribute_record(t: Tuple[Any, ...]) -> AttributeRating:
    return AttributeRating(t[0], Attribute(t[1]), _letter(t[2]), t[3], t[4], t[5], _carried(t[6]))


# ---- the C object and who uses it -------------------------------------------------------------


class _Handle:
    """One C assessment, its catalogue, and the objects that need it unchanged.

    A result borrows the assessment it scored. Rather than forbid changes while results
    exist, an Assessment that is about to change a C assessment someone else uses first
    switches to a private copy ("copy on write"): old results keep the old C object.
    """

    __slots__ = ("p", "cat", "origin", "users", "pins", "owner", "__weakref__")

    def __init__(self, p: Any, cat: Catalogue, origin: Optional[str] = None,
                 owner: Any = None) -> None:
        self.p = p
        self.cat = cat
        self.owner = owner  # what owns p when the handle does not (a snapshot's C result)
        self.origin = _c.itsma_assessment_origin(p) if origin is None else origin
        self.users = IdentitySet()
        self.pins = _Pins()
        cat._users.add(self)

    def clone(self) -> "_Handle":
        # itsma_assessment_clone: copied in memory, against the same catalogue
        with self.pins:
            p = self.p.py_clone()
        return _Handle(p, self.cat, self.origin)


class Assessment:
    """An assessment (``itsma-assessment/1``): evidence, ratings of requirements and
    process attributes, scope exclusions and capability targets, checked against a
    :class:`Catalogue`.

    ::

        asm = itsma.Assessment.new("iso20000-1:2018", id="acme-q4", date="2026-11-20")
        asm.add_evidence("EV-1", "Incident procedure", kind="document", collected="2026-10-01")
        asm.rate("8.6.1-01", "L", evidence=["EV-1"])
        res = asm.score()
        asm.save("acme.json")

    Every change is checked at once: a bad call raises and changes nothing. The assessment
    keeps its catalogue alive. Results keep the assessment *as it was scored*: changing the
    assessment afterwards does not change them.
    """

    __slots__ = ("_h", "_gen", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: use Assessment.load(), from_string() or new()."""
        _refuse_init(self, "use Assessment.load(), from_string() or new()")

    # ---- construction ----------------------------------------------------------------------

    @classmethod
    def _wrap(cls, h: _Handle) -> Assessment:
        self = object.__new__(cls)
        self._h = h
        self._gen = 0        # counts changes: a view iterating meanwhile raises RuntimeError
        h.users.add(self)
        return self

    @classmethod
    def _adopt(cls, p: Any, catalogue: Optional[Catalogue]) -> Assessment:
        if catalogue is None:
            # The assessment loaded a built-in catalogue itself and owns it.
            catalogue = Catalogue._wrap(_c.itsma_assessment_catalogue(p), keep=p)
        return cls._wrap(_Handle(p, catalogue))

    @classmethod
    def load(cls, path: PathLike, catalogue: Union[Catalogue, str, None] = None, *,
             max_depth: Optional[int] = None, max_string: Optional[int] = None,
             max_records: Optional[int] = None,
             max_bytes: Optional[int] = None) -> Assessment:
        """Load and validate an assessment from a JSON file.

        Parameters
        ----------
        path : str or os.PathLike
            The file.
        catalogue : Catalogue or str, optional
            The catalogue to check it against (or the id of a built-in one). When None,
            the assessment's ``catalogue`` id is looked up among the built-in catalogues.
        max_depth, max_string, max_records, max_bytes : int, optional
            Input limits (see :meth:`Catalogue.load`).

        Raises
        ------
        ItsmaOSError, ParseError, LimitError
            As :meth:`Catalogue.load`.
        ValidationError
            A broken rule, a dangling reference, a ``catalogue`` id that does not match.
        NotFoundError
            No built-in catalogue has the assessment's catalogue id.
        """
        cat = _catalogue(catalogue, optional=True)
        path = _path(path)
        limits = _limits(max_depth, max_string, max_records, max_bytes)
        if cat is None:
            p = _c.CAssessment.py_load_file(path, None, *limits)
        else:
            with cat._pins:
                p = _c.CAssessment.py_load_file(path, cat._p, *limits)
        return cls._adopt(p, cat)

    #: Alias of :meth:`load`.
    load_file = load

    @classmethod
    def from_string(cls, text: Union[str, bytes], catalogue: Union[Catalogue, str, None] = None,
                    source: Optional[str] = "<string>", *, max_depth: Optional[int] = None,
                    max_string: Optional[int] = None, max_records: Optional[int] = None,
                    max_bytes: Optional[int] = None) -> Assessment:
        """Load and validate an assessment from JSON text. As :meth:`load`; *source* is the
        name used in error messages."""
        cat = _catalogue(catalogue, optional=True)
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        source = _text(source, "source", optional=True)
        limits = _limits(max_depth, max_string, max_records, max_bytes)
        if cat is None:
            p = _c.CAssessment.py_load_buffer(text, source, None, *limits)
        else:
            with cat._pins:
                p = _c.CAssessment.py_load_buffer(text, source, cat._p, *limits)
        return cls._adopt(p, cat)

    @classmethod
    def new(cls, catalogue: Union[Catalogue, str], id: str, date: DateLike) -> Assessment:
        """Create an empty assessment of a catalogue (a :class:`Catalogue` or a built-in id).

        *date* is the as-of date (``"YYYY-MM-DD"`` or a :class:`datetime.date`): evidence is
        judged current or not on that day. Raises :class:`InvalidArgumentError` for a bad id
        or date.
        """
        cat = _catalogue(catalogue)
        p = _c.CAssessment.py_create(cat._p, _text(id, "id"), _date(date, "date"))
        return cls._wrap(_Handle(p, cat))  # type: ignore[arg-type]

    @classmethod
    def from_questionnaire(cls, questionnaire: Union[str, bytes, PathLike],
                           catalogue: Union[Catalogue, str], id: str, date: DateLike, *,
                           evidence: Union[str, bytes, PathLike, None] = None,
                           delimiter: Optional[str] = None) -> Assessment:
        """Import a filled questionnaire (see :meth:`Catalogue.questionnaire`) and, when
        given, its evidence sheet, as a new assessment of *catalogue* with *id* and *date*.

        *questionnaire* and *evidence* are CSV text (``bytes``, or a ``str`` that holds a
        line break) or the path of a file (an ``os.PathLike``, or a ``str`` without a line
        break). *delimiter* (``","``, ``";"`` or ``"\t"``) is the separator of both; by
        default it is found from each header row. Columns are found by their header names.

        Raises
        ------
        ParseError
            CSV syntax, a NUL byte or invalid UTF-8 (line and column set).
        ValidationError
            A missing column or a bad cell. The exception describes the first problem; its
            ``problems`` attribute lists them all (a broken evidence record is reported once,
            with the number of rows citing it).
        ItsmaOSError
            A file cannot be read.
        """
        cat = _catalogue(catalogue)
        q, qsource = _csv_input(questionnaire, "questionnaire", "<questionnaire>")
        ev, evsource = (None, None) if evidence is None else _csv_input(evidence, "evidence",
                                                                        "<evidence>")
        with cat._pins:
            p, problems = _c.itsma_py_questionnaire_import(
                q, qsource, ev, evsource, cat._p, _text(id, "id"), _date(date, "date"),
                _delimiter(delimiter, optional=True))
        if p is None:
            errors = [_from_c(*t) for t in problems]
            first = errors[0]
            first.problems = errors
            raise first
        return cls._wrap(_Handle(p, cat, ""))

    def questionnaire(self, target: Optional[int] = None, *, delimiter: str = ",",
                      bom: bool = True) -> str:
        """The questionnaire of the assessment's catalogue (see
        :meth:`Catalogue.questionnaire`) with this assessment's ratings, evidence ids, notes,
        exclusions and per-process targets filled in: a start for the next assessment, or a
        spreadsheet view of this one. Importing it (with :meth:`evidence_sheet`) with
        :meth:`from_questionnaire` gives the same records back."""
        level = -1 if target is None else _level(target)
        h = self._h
        with h.pins, h.cat._pins:
            return _c.itsma_py_questionnaire(h.cat._p, h.p, level, _delimiter(delimiter),
                                             int(bool(bom)))

    def evidence_sheet(self, *, delimiter: str = ",", bom: bool = True) -> str:
        """The assessment's evidence records as CSV, one row each, with the columns id,
        title, kind, collected, expires, uri, sha256, by and note (what
        :meth:`from_questionnaire` reads as *evidence*)."""
        h = self._h
        with h.pins:
            return _c.itsma_py_evidence_sheet(h.p, _delimiter(delimiter), int(bool(bom)))

    def copy(self) -> Assessment:
        """An independent copy of the assessment (of the same catalogue)."""
        return Assessment._wrap(self._h.clone())

    def __copy__(self) -> Assessment:
        return self.copy()

    def __deepcopy__(self, memo: Dict[int, Any]) -> Assessment:
        return self.copy()

    def __reduce__(self) -> Any:
        return (_restore, (self.to_json(), self._h.cat, self.origin or None))

    def __eq__(self, other: object) -> bool:
        """Assessments compare by value: the same document (``to_json()``) of equal
        catalogues."""
        if not isinstance(other, Assessment):
            return NotImplemented
        return self is other or (self.to_json() == other.to_json()
                                 and self.catalogue == other.catalogue)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def to_dict(self) -> Dict[str, Any]:
        """The assessment as plain Python data: the parsed :meth:`to_json`
        (``itsma-assessment/1``; dates as ``"YYYY-MM-DD"`` text, as in the format)."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any],
                  catalogue: Union[Catalogue, str, None] = None) -> Assessment:
        """An assessment from plain Python data in the ``itsma-assessment/1`` shape (what
        :meth:`to_dict` returns), validated as :meth:`from_string` does. Dates inside may
        also be :class:`datetime.date` values (or datetimes / pandas ``Timestamp`` at
        midnight)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"data must be a mapping, not {type(data).__name__}")
        return cls.from_string(json.dumps(data, default=_json_value), catalogue, "<dict>")

    # ---- output ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The assessment as pretty-printed ``itsma-assessment/1`` JSON (deterministic)."""
        h = self._h
        with h.pins:
            return h.p.py_to_json()

    def save(self, path: PathLike) -> None:
        """Save the assessment as JSON, atomically (a failed save leaves the old file).

        Raises :class:`ItsmaOSError` when the file cannot be written.
        """
        path = _path(path)
        h = self._h
        with h.pins:
            h.p.py_save_file(path)

    # ---- evidence files ----------------------------------------------------------------------

    def verify_evidence(self, root: PathLike, max_bytes: int = 0) -> List["EvidenceCheck"]:
        """Check each evidence record's ``sha256`` against the file its relative ``uri``
        names below the folder *root* (the C library's ``itsma_evidence_verify``).

        Files are reached inside *root* only: ``..`` and symbolic links are refused, and only
        regular files are read (a FIFO, device or folder is reported as such, never read);
        files over *max_bytes* (0: 16 GiB) are not read. Returns one :class:`EvidenceCheck`
        per evidence record, in order. Raises :class:`ItsmaOSError` when *root* is no folder.
        """
        r = _path(root)
        if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 0:
            raise TypeError("max_bytes must be a non-negative int")
        h = self._h
        with h.pins:
            rows = _c.itsma_py_verify_evidence(h.p, r, max_bytes)
        return [EvidenceCheck(i, _CHECKS[c], p, a, why, e, n) for i, c, p, a, why, e, n in rows]

    def evidence_report(self, root: PathLike, *, quiet: bool = False,
                        colour: bool = False) -> Tuple[str, int, int]:
        """:meth:`verify_evidence` in words, the bytes of ``itsma evidence verify``: a line per
        checked file (``ok``, ``CHANGED``, ``MISSING``, ``REFUSED``, ...; only the problems
        with ``quiet=True``; ANSI colour with ``colour=True``) and a tally. Returns
        ``(text, checked, ok)``: the check passed when ``checked`` is not 0 and equals ``ok``."""
        r = _path(root)
        flags = (_c.ITSMA_VERIFY_REPORT_QUIET if quiet else 0) | (_c.ITSMA_VERIFY_REPORT_COLOUR if colour else 0)
        h = self._h
        with h.pins:
            text, checked, ok = _c.itsma_py_evidence_report(h.p, r, flags)
        return text, checked, ok

    # ---- scoring -----------------------------------------------------------------------------

    def score(self, evidence_policy: Union[EvidencePolicy, str] = EvidencePolicy.REQUIRED,
              section: Union[str, Section, None] = None) -> Result:
        """Score the assessment (scoring.md) and return a :class:`Result`.

        Parameters
        ----------
        evidence_policy : EvidencePolicy or str
            ``"required"`` (the default: ratings above N without current evidence count 0)
            or ``"advisory"`` (they count as rated).
        section : str or Section, optional
            Score only this section, as if it were the whole catalogue.

        Raises :class:`NotFoundError` for an unknown section. The result keeps the
        assessment as it is now; later changes to the assessment do not affect it.
        """
        policy = EvidencePolicy.parse(evidence_policy, "evidence_policy")
        sec = _id_of(section, "section", optional=True)
        h = self._h
        with h.pins:
            rp = h.p.py_score(int(policy), sec)
            # Registered before the pin is released: nothing may change h in between.
            return Result._wrap(rp, h)

    # ---- carrying to another catalogue ------------------------------------------------------

    def carry(self, mapping: Any, catalogue: Union[Catalogue, str, None] = None, *,
              into: Optional[Assessment] = None) -> Any:
        """Carry the assessment to another catalogue through a :class:`~itsma.Mapping`.

        Returns a :class:`~itsma.Carry`: the new assessment of *catalogue* and a
        :class:`~itsma.CarryReport` (carried, to review, new obligations, dropped), which
        also renders the transition report. See docs/mappings.md for the rules.

        Parameters
        ----------
        mapping : Mapping or str
            The mapping, or the id of a built-in one.
        catalogue : Catalogue or str, optional
            The target catalogue (default: the built-in catalogue the mapping names).
        into : Assessment, optional
            An assessment of the target catalogue to merge into: what it rated stays.

        Raises :class:`ValidationError` when the mapping does not fit the catalogues (the
        pointer names the map, e.g. ``/maps/12/targets/0``), :class:`AlreadyExistsError`
        for an evidence id in both assessments with different content.
        """
        from ._mapping import Carry, CarryReport, Mapping
        m = mapping if isinstance(mapping, Mapping) else Mapping.builtin(
            mapping, source=self._h.cat, target=catalogue)
        cat = _catalogue(catalogue, optional=True)
        if cat is None:
            cat = Catalogue.builtin(m.target_catalogue)
        h = self._h
        with h.pins, cat._pins:
            ih = into._h if into is not None else None
            if ih is not None:
                ih.pins.__enter__()
            try:
                ap, rp = _c.itsma_py_carry(h.p, m._p, cat._p, ih.p if ih is not None else None)
            finally:
                if ih is not None:
                    ih.pins.__exit__(None, None, None)
        carried = Assessment._wrap(_Handle(ap, cat))
        return Carry(carried, CarryReport._wrap(rp, carried, m))

    # ---- properties --------------------------------------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the assessment is checked against."""
        return self._h.cat

    @property
    def id(self) -> str:
        """Assessment id (settable)."""
        return _c.itsma_assessment_id(self._h.p)

    @id.setter
    def id(self, value: str) -> None:
        self._mutate("py_set_id", _text(value, "id"))

    @property
    def date(self) -> datetime.date:
        """As-of date, a :class:`datetime.date` (settable with a date, ``"YYYY-MM-DD"``, or
        a datetime / pandas ``Timestamp`` at midnight)."""
        return date_out(_c.itsma_assessment_date(self._h.p))  # type: ignore[return-value]

    @date.setter
    def date(self, value: DateLike) -> None:
        self._mutate("py_set_date", _date(value, "date"))

    @property
    def title(self) -> Optional[str]:
        """Optional title (settable; None clears it)."""
        return _c.itsma_assessment_title(self._h.p)

    @title.setter
    def title(self, value: Optional[str]) -> None:
        self._mutate("py_set_title", _text(value, "title", optional=True))

    @property
    def organisation(self) -> Optional[str]:
        """Optional organisation (settable)."""
        return _c.itsma_assessment_organisation(self._h.p)

    @organisation.setter
    def organisation(self, value: Optional[str]) -> None:
        self._mutate("py_set_organisation", _text(value, "organisation", optional=True))

    @property
    def assessor(self) -> Optional[str]:
        """Optional assessor (settable)."""
        return _c.itsma_assessment_assessor(self._h.p)

    @assessor.setter
    def assessor(self, value: Optional[str]) -> None:
        self._mutate("py_set_assessor", _text(value, "assessor", optional=True))

    @property
    def origin(self) -> str:
        """The file (or ``"<string>"``) it was loaded from; "" when created in code."""
        return self._h.origin

    # ---- evidence ----------------------------------------------------------------------------

    @property
    def evidence(self) -> View[Evidence]:
        """The evidence records, in order; ``evidence["EV-1"]`` looks one up by id."""
        def count() -> int:
            return _c.itsma_assessment_evidence_count(self._h.p)

        def at(i: int) -> Optional[Evidence]:
            t = _c.itsma_py_evidence_at(self._h.p, i)
            return None if t is None else _evidence(t)

        def find(key: Any) -> Optional[Evidence]:
            if not isinstance(key, str):
                return None
            t = _c.itsma_py_evidence_find(self._h.p, key)
            return None if t is None else _evidence(t)
        return View("evidence", count, at, find, item="evidence record", generation=self._generation)

    def add_evidence(self, id: str, title: str, kind: Union[EvidenceKind, str],
                     collected: DateLike, *, expires: Optional[DateLike] = None,
                     uri: Optional[str] = None, sha256: Optional[str] = None,
                     by: Optional[str] = None, note: Optional[str] = None) -> Evidence:
        """Add an evidence record, or replace the one with the same id (keeping its place
        and the ratings that cite it). Returns the record.

        Parameters
        ----------
        id : str
            Identifier (1 to 64 characters of ``A-Z a-z 0-9 . _ : -``).
        title : str
            Non-empty title.
        kind : EvidenceKind or str
            ``document``, ``record``, ``interview``, ``observation``, ``metric`` or ``other``.
        collected : str or datetime.date
            When it was collected.
        expires : str or datetime.date, optional
            When it stops being current (not before *collected*).
        uri, sha256, by, note : str, optional
            Where it is, its SHA-256 digest (64 lowercase hex digits), who collected it, a note.

        Raises :class:`InvalidArgumentError` naming the bad field.
        """
        self._mutate("py_put_evidence", *_evidence_args(id, title, kind, collected, expires, uri,
                                                        sha256, by, note))
        return self.evidence[id]

    def remove_evidence(self, id: str) -> None:
        """Remove an evidence record.

        Raises :class:`NotFoundError`, or :class:`InvalidArgumentError` while a rating
        still cites it.
        """
        self._mutate("py_remove_evidence", _text(id, "id"))

    # ---- ratings -----------------------------------------------------------------------------

    @property
    def ratings(self) -> View[Rating]:
        """The requirement ratings, in order; ``ratings["8.6.1-01"]`` finds the rating of a
        requirement."""
        def count() -> int:
            return _c.itsma_assessment_rating_count(self._h.p)

        def at(i: int) -> Optional[Rating]:
            t = _c.itsma_py_rating_at(self._h.p, i)
            return None if t is None else _rating_record(t)

        def find(key: Any) -> Optional[Rating]:
            if not isinstance(key, str):
                return None
            t = _c.itsma_py_rating_find(self._h.p, key)
            return None if t is None else _rating_record(t)
        return View("ratings", count, at, find, item="rating of",
                    key=lambda r: r.requirement, generation=self._generation)

    def rate(self, requirement: Union[str, Any], rating: RatingLike, *,
             evidence: Union[Iterable[str], str] = (), note: Optional[str] = None) -> Rating:
        """Rate a requirement (or replace its rating). Returns the rating.

        Parameters
        ----------
        requirement : str or Requirement
            The requirement: its id, or the catalogue's :class:`Requirement` (one of
            another catalogue is refused with :class:`InvalidArgumentError`).
        rating : str, Letter, int or float
            A letter (``"N"``, ``"P-"``, ``"P"``, ``"P+"``, ``"L-"``, ``"L"``, ``"L+"``,
            ``"F"``) or a number from 0 to 100 (also as text, ``"72.5"``).
        evidence : iterable of str, or str
            Ids of the evidence records that support it (each at most once).
        note : str, optional
            A note.

        Raises :class:`NotFoundError` (no such requirement or evidence) or
        :class:`InvalidArgumentError` (bad rating, evidence cited twice).
        """
        args = _rating_args(requirement, rating, evidence, note)
        self._mutate("py_put_rating", *args)
        return self.ratings[_id_of(requirement, "requirement")]  # type: ignore[index]

    def remove_rating(self, requirement: Union[str, Any]) -> None:
        """Remove the rating of a requirement (an id or a :class:`Requirement`). Raises
        :class:`NotFoundError`, or :class:`InvalidArgumentError` for a Requirement of another
        catalogue."""
        self._mutate(*_remove_rating_args(requirement))

    # ---- process attributes -------------------------------------------------------------------

    @property
    def attributes(self) -> View[AttributeRating]:
        """The process-attribute ratings, in order; ``attributes["8.6.1", "PA2.1"]`` finds
        one."""
        def count() -> int:
            return _c.itsma_assessment_attribute_count(self._h.p)

        def at(i: int) -> Optional[AttributeRating]:
            t = _c.itsma_py_attribute_at(self._h.p, i)
            return None if t is None else _attribute_record(t)

        def find(key: Any) -> Optional[AttributeRating]:
            if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)):
                return None
            try:
                attr = Attribute.parse(key[1])
            except (TypeError, ValueError):
                return None
            t = _c.itsma_py_attribute_find(self._h.p, key[0], int(attr))
            return None if t is None else _attribute_record(t)
        return View("attributes", count, at, find, item="attribute rating",
                    key=lambda a: (a.process, str(a.attribute)), generation=self._generation)

    def rate_attribute(self, process: Union[str, Section], attribute: Union[Attribute, str],
                       rating: RatingLike, *, evidence: Union[Iterable[str], str] = (),
                       note: Optional[str] = None) -> AttributeRating:
        """Rate a process attribute from PA2.1 to PA5.2 (PA1.1 is derived) of a process.
        Returns the rating. Raises as :meth:`rate`, and :class:`InvalidArgumentError` when
        the section is not a process."""
        args = _attribute_args(process, attribute, rating, evidence, note)
        self._mutate("py_put_attribute", *args)
        return self.attributes[_id_of(process, "process"), Attribute(args[2])]  # type: ignore[index]

    def remove_attribute(self, process: Union[str, Section],
                         attribute: Union[Attribute, str]) -> None:
        """Remove a process-attribute rating (of a process id or :class:`Section`). Raises
        :class:`NotFoundError`, or :class:`InvalidArgumentError` for a Section of another
        catalogue."""
        self._mutate(*_remove_attribute_args(process, attribute))

    # ---- scope -------------------------------------------------------------------------------

    @property
    def exclusions(self) -> View[Exclusion]:
        """The scope exclusions, in order; ``exclusions["8.2.3"]`` looks one up."""
        def count() -> int:
            return _c.itsma_assessment_exclusion_count(self._h.p)

        def at(i: int) -> Optional[Exclusion]:
            t = _c.itsma_py_exclusion_at(self._h.p, i)
            return None if t is None else Exclusion(*t)

        def find(key: Any) -> Optional[Exclusion]:
            if not isinstance(key, str):
                return None
            t = _c.itsma_py_exclusion_find(self._h.p, key)
            return None if t is None else Exclusion(*t)
        return View("exclusions", count, at, find, generation=self._generation)

    def exclude(self, id: Union[str, Any], reason: str) -> Exclusion:
        """Exclude a section or requirement from the scope (or change the reason).

        Raises :class:`NotFoundError` (no such id) or :class:`InvalidArgumentError` (empty
        reason, or a catalogue that forbids exclusions, such as ISO/IEC 20000-1:2018).
        """
        xid = _id_of(id, "id")
        self._mutate("py_put_exclusion", xid, _text(reason, "reason"))
        return self.exclusions[xid]  # type: ignore[index]

    def remove_exclusion(self, id: Union[str, Any]) -> None:
        """Bring an excluded section or requirement back into scope. Raises
        :class:`NotFoundError`."""
        self._mutate("py_remove_exclusion", _id_of(id, "id"))

    def is_excluded(self, id: Union[str, Any]) -> bool:
        """Whether a section or requirement is out of scope (it, or an enclosing section,
        is excluded). False for unknown ids."""
        return bool(_c.itsma_assessment_is_excluded(self._h.p, _id_of(id, "id")))

    # ---- targets -----------------------------------------------------------------------------

    def set_target(self, process: Union[str, Section, int, None] = None,
                   level: Optional[int] = _MISSING) -> None:
        """Set a target capability level (0 to 5), or remove it with ``level=None``.

        ``set_target(level=2)`` (or ``set_target(2)``) sets the target of every process;
        ``set_target("8.6.1", 3)`` sets (overrides) one process's target.

        Raises :class:`InvalidArgumentError` (level out of range, not a process) or
        :class:`NotFoundError` (no such process).
        """
        if level is _MISSING:
            if isinstance(process, int) and not isinstance(process, bool):
                process, level = None, process
            else:
                raise TypeError("set_target() needs a level (an int from 0 to 5, or None)")
        if level is None:
            lv = -1
        elif isinstance(level, bool) or not isinstance(level, int):
            raise TypeError(f"level must be int or None, not {type(level).__name__}")
        else:
            if level < 0:
                raise InvalidArgumentError(f"target level {level} is out of range (0 to 5)",
                                           code=ErrorCode.EINVAL)
            lv = level
        if process is None:
            self._mutate("py_set_target", lv)
        elif isinstance(process, Section):
            self._mutate("py_set_process_target_of", process._p, lv)
        else:
            self._mutate("py_set_process_target", _text(process, "process"), lv)

    def remove_target(self, process: Union[str, Section, None] = None) -> None:
        """Remove the general target, or the target of one process."""
        self.set_target(process, None)

    @property
    def target(self) -> Optional[int]:
        """The general target level of every process, or None."""
        return _neg_none(_c.itsma_assessment_target(self._h.p))

    @property
    def process_targets(self) -> Dict[str, int]:
        """Per-process targets: process id to level."""
        return dict(_c.itsma_py_process_targets(self._h.p))

    # ---- x- extensions -------------------------------------------------------------------------

    @property
    def extensions(self) -> Extensions:
        """The assessment's own ``x-`` members, a live dict-like view (JSON values)."""
        return self._extensions(0, None, 0, lambda p: p)

    def evidence_extensions(self, id: str) -> Extensions:
        """The ``x-`` members of evidence record ``id`` (live; the record must exist)."""
        eid = _text(id, "id")
        return self._extensions(1, eid, 0, lambda p: _c.itsma_assessment_find_evidence(p, eid))

    def rating_extensions(self, requirement: Union[str, Any]) -> Extensions:
        """The ``x-`` members of the rating of ``requirement`` (live; such a rating must
        exist): where an ITSM tool keeps its ticket references."""
        rid = _id_of(requirement, "requirement")
        return self._extensions(2, rid, 0, lambda p: _c.itsma_assessment_find_rating(p, rid))

    def attribute_extensions(self, process: Union[str, Section],
                             attribute: Union[str, Attribute]) -> Extensions:
        """The ``x-`` members of the rating of a process attribute (live; it must exist)."""
        pid = _id_of(process, "process")
        pa = int(_attribute(attribute))
        return self._extensions(3, pid, pa,
                                lambda p: _c.itsma_assessment_find_attribute(p, pid, pa))

    def _extensions(self, what: int, id: Optional[str], attribute: int,
                    find: Any) -> Extensions:
        names = {0: "assessment", 1: "evidence", 2: "rating", 3: "attribute_rating"}
        count = getattr(_c, f"itsma_{names[what]}_extension_count")
        key = getattr(_c, f"itsma_{names[what]}_extension_key")
        text = getattr(_c, f"itsma_{names[what]}_extension")

        def obj() -> Any:
            o = find(self._h.p)
            if o is None:
                from ._catalogue import _not_found
                raise _not_found(f"no {names[what].replace('_', ' ')} {id!r} in the assessment")
            return o

        if what:
            obj()  # the record must exist now
        return Extensions(lambda: count(obj()), lambda i: key(obj(), i),
                          lambda k: text(obj(), k),
                          lambda k, j: self._mutate("py_set_extension", what, id, attribute, k, j))

    def target_for(self, process: Union[str, Section]) -> Optional[int]:
        """The effective target of a process (its own, else the general one), or None."""
        return _neg_none(_c.itsma_assessment_target_for(self._h.p, _id_of(process, "process")))

    # ---- internals ---------------------------------------------------------------------------

    def _generation(self) -> int:
        return self._gen

    def _mutate(self, method: str, *args: Any) -> None:
        """Call a mutating shim on a C assessment nobody else uses (copying it first if a
        result or another reader still needs the current one)."""
        while True:
            h = self._h
            with h.pins.lock:
                if h.pins.count == 0 and all(u is self for u in h.users):
                    try:
                        getattr(h.p, method)(*args)
                    finally:     # a refused change changes nothing, but counting it is safe
                        self._gen += 1
                    return
            h2 = h.clone()
            with h.pins.lock:
                if self._h is h:
                    h.users.discard(self)
                    h2.users.add(self)
                    self._h = h2

    def __repr__(self) -> str:
        p = self._h.p
        return (f"<itsma.Assessment {self.id!r} catalogue={self.catalogue.id!r} date={self.date}"
                f" evidence={_c.itsma_assessment_evidence_count(p)}"
                f" ratings={_c.itsma_assessment_rating_count(p)}"
                f" attributes={_c.itsma_assessment_attribute_count(p)}"
                f" exclusions={_c.itsma_assessment_exclusion_count(p)}>")


def _csv_input(value: Any, what: str, default_source: str) -> Tuple[Any, str]:
    """CSV text (bytes, or str with a line break) as is, or a file's bytes; and its name."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value), default_source
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value, default_source
    if isinstance(value, (str, os.PathLike)):
        path = _path(value)
        try:
            with open(path, "rb") as f:
                return f.read(), path
        except OSError as e:
            raise _from_c(ErrorCode.EIO, f"cannot read \"{path}\": {e.strerror}", path, 0, 0, 0,
                          "", e.errno or 0) from None
    raise TypeError(f"{what} must be str, bytes or a path, not {type(value).__name__}")


def _catalogue(value: Any, optional: bool = False) -> Optional[Catalogue]:
    if value is None and optional:
        return None
    if isinstance(value, Catalogue):
        return value
    if isinstance(value, str):
        return Catalogue.builtin(value)
    raise TypeError(f"catalogue must be a Catalogue or a built-in catalogue id, "
                    f"not {type(value).__name__}")


def _attribute(value: Any) -> Attribute:
    if isinstance(value, Attribute):
        return value
    if isinstance(value, str):
        return Attribute(_c.itsma_py_attribute_parse(value))
    return Attribute.parse(value, "attribute")


# The arguments of the C shims that put evidence, ratings and attribute ratings (shared by
# Assessment and Scorer, which take the same parameters).

def _evidence_args(id: str, title: str, kind: Union[EvidenceKind, str], collected: DateLike,
                   expires: Optional[DateLike], uri: Optional[str], sha256: Optional[str],
                   by: Optional[str], note: Optional[str]) -> Tuple[Any, ...]:
    k = kind.label if isinstance(kind, EvidenceKind) else _text(kind, "kind")
    return (_text(id, "id"), _text(title, "title"), k, _date(collected, "collected"),
            _date(expires, "expires", optional=True), _text(uri, "uri", optional=True),
            _text(sha256, "sha256", optional=True), _text(by, "by", optional=True),
            _text(note, "note", optional=True))


def _object_or_id(value: Any, cls: type, what: str) -> Tuple[Any, Optional[str]]:
    """(the C object, None) for a catalogue object, (None, its id) for an id: the shims take
    either; the library refuses an object of another catalogue."""
    if isinstance(value, cls):
        return value._p, None
    return None, _text(value, what)


def _rating_args(requirement: Union[str, Any], rating: RatingLike,
                 evidence: Union[Iterable[str], str], note: Optional[str]) -> Tuple[Any, ...]:
    obj, rid = _object_or_id(requirement, Requirement, "requirement")
    letter, value = _rating(rating)
    return (obj, rid, letter, value, list(_ids(evidence, "evidence")),
            _text(note, "note", optional=True))


def _remove_rating_args(requirement: Union[str, Any]) -> Tuple[Any, ...]:
    obj, rid = _object_or_id(requirement, Requirement, "requirement")
    return ("py_remove_rating_of", obj) if obj is not None else ("py_remove_rating", rid)


def _attribute_args(process: Union[str, Section], attribute: Union[Attribute, str],
                    rating: RatingLike, evidence: Union[Iterable[str], str],
                    note: Optional[str]) -> Tuple[Any, ...]:
    obj, pid = _object_or_id(process, Section, "process")
    attr = _attribute(attribute)
    letter, value = _rating(rating)
    return (obj, pid, int(attr), letter, value, list(_ids(evidence, "evidence")),
            _text(note, "note", optional=True))


def _remove_attribute_args(process: Union[str, Section],
                           attribute: Union[Attribute, str]) -> Tuple[Any, ...]:
    obj, pid = _object_or_id(process, Section, "process")
    attr = int(_attribute(attribute))
    return (("py_remove_attribute_of", obj, attr) if obj is not None
            else ("py_remove_attribute", pid, attr))


def _json_value(value: Any) -> Any:
    """Dates inside a document given to from_dict: date, datetime / Timestamp at midnight,
    numpy datetime64 (see :func:`itsma._values.date_in`)."""
    if isinstance(value, datetime.date) or type(value).__name__ == "datetime64":
        return date_in(value, "a date in the document")
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _restore(text: str, catalogue: Catalogue, source: Optional[str]) -> Assessment:
    # A pickle is trusted input (unpickling runs code anyway): no untrusted-input limits.
    with catalogue._pins:
        p = _c.CAssessment.py_load_buffer(text, source, catalogue._p, *TRUSTED_LIMITS)
    return Assessment._wrap(_Handle(p, catalogue))


# Results refer back to assessments; imported last so that both modules are complete.
from ._result import Result  # noqa: E402
