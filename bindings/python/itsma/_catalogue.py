# SPDX-License-Identifier: Apache-2.0
"""Requirement catalogues: :class:`Catalogue`, :class:`Section`, :class:`Requirement`."""

from __future__ import annotations

import datetime
import os
import weakref
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import itsma as _c
from ._core import (TRUSTED_LIMITS, PathLike, View, _ids, _limits, _path, _Pins, _refuse_init,
                    _short, _text)
from ._enums import Attribute, Basis, Exclusions, LintKind, Obligation, SectionKind
from ._errors import ErrorCode, InvalidArgumentError, NotFoundError
from ._extensions import Extensions

__all__ = ["Catalogue", "Section", "Requirement", "GenericPractice", "Retired", "LintProblem"]


class GenericPractice(NamedTuple):
    """A generic practice: an indicator for a process attribute (PA2.1 to PA5.2)."""

    attribute: Attribute
    id: str
    text: str


class Retired(NamedTuple):
    """A retired id: no section or requirement of the catalogue may use it again."""

    id: str
    revision: int  #: the catalogue revision that retired it
    reason: str


class LintProblem(NamedTuple):
    """A problem found by :meth:`Catalogue.lint`."""

    kind: LintKind
    subject: str  #: the requirement id, or the missing clause
    message: str


class Catalogue:
    """A requirement catalogue (``itsma-catalogue/1``): a tree of sections holding
    requirements, such as ISO/IEC 20000-1.

    Create one with :meth:`load` (a JSON file), :meth:`from_string`, :meth:`builtin` (a
    catalogue compiled into the library) or :meth:`new` (to build one in code)::

        cat = itsma.Catalogue.builtin("iso20000-1:2018")
        for req in cat.requirements:
            print(req.id, req.text)
        cat.sections["8.6.1"].title            # 'Incident management'

    A catalogue that an assessment uses cannot be modified any more (that would invalidate
    the assessment): build it completely first, or modify a :meth:`copy`.
    """

    __slots__ = ("_p", "_keep", "_users", "_pins", "_gen", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: use Catalogue.load(), from_string(), builtin() or new()."""
        _refuse_init(self, "use Catalogue.load(), from_string(), builtin() or new()")

    # ---- construction ----------------------------------------------------------------------

    @classmethod
    def _wrap(cls, p: Any, keep: Any = None) -> Catalogue:
        self = object.__new__(cls)
        self._p = p
        self._keep = keep
        self._users: "weakref.WeakSet[Any]" = weakref.WeakSet()
        self._pins = _Pins()
        self._gen = 0        # counts changes: a view iterating meanwhile raises RuntimeError
        return self

    def _generation(self) -> int:
        return self._gen

    @classmethod
    def load(cls, path: PathLike, *, max_depth: Optional[int] = None,
             max_string: Optional[int] = None, max_records: Optional[int] = None,
             max_bytes: Optional[int] = None) -> Catalogue:
        """Load and validate a catalogue from a JSON file.

        Parameters
        ----------
        path : str or os.PathLike
            The file.
        max_depth, max_string, max_records, max_bytes : int, optional
            Limits on nesting depth, string length (bytes), records of one kind and file
            size (bytes); the library's defaults when None.

        Raises
        ------
        ItsmaOSError
            The file cannot be read (``FileNotFoundError`` too when it does not exist).
        ParseError
            A JSON syntax error (``line``, ``column`` set).
        ValidationError
            A broken format rule (``pointer`` set).
        LimitError
            A limit was exceeded.
        """
        p = _c.CCatalogue.py_load_file(_path(path),
                                       *_limits(max_depth, max_string, max_records, max_bytes))
        return cls._wrap(p)

    #: Alias of :meth:`load`.
    load_file = load

    @classmethod
    def from_string(cls, text: Union[str, bytes], source: Optional[str] = "<string>", *,
                    max_depth: Optional[int] = None, max_string: Optional[int] = None,
                    max_records: Optional[int] = None,
                    max_bytes: Optional[int] = None) -> Catalogue:
        """Load and validate a catalogue from JSON text (str, or UTF-8 bytes).

        *source* is the name used in error messages. Raises as :meth:`load`.
        """
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        p = _c.CCatalogue.py_load_buffer(text, _text(source, "source", optional=True),
                                         *_limits(max_depth, max_string, max_records,
                                                  max_bytes))
        return cls._wrap(p)

    @classmethod
    def builtin(cls, id: str) -> Catalogue:
        """Load a catalogue built into the library, such as ``"iso20000-1:2018"``.

        Raises :class:`NotFoundError` for an unknown id (see :meth:`builtins`).
        """
        return cls._wrap(_c.CCatalogue.py_builtin(_text(id, "id")))

    @staticmethod
    def builtins() -> List[Tuple[str, str]]:
        """The built-in catalogues, as a list of ``(id, title)``."""
        out = []
        for i in range(_c.itsma_catalogue_builtin_count()):
            out.append((_c.itsma_catalogue_builtin_id(i), _c.itsma_catalogue_builtin_title(i)))
        return out

    @staticmethod
    def builtin_json(id: str) -> str:
        """The JSON text of a built-in catalogue, exactly as shipped."""
        _text(id, "id")
        for i in range(_c.itsma_catalogue_builtin_count()):
            if _c.itsma_catalogue_builtin_id(i) == id:
                return _c.itsma_py_builtin_json(i)
        raise _not_found(f"no built-in catalogue {id!r}")

    @staticmethod
    def builtin_clauses(id: str) -> List[str]:
        """The clauses of the standard's tree shipped with a built-in catalogue (for
        :meth:`lint`); ``[]`` when it has no clause list."""
        _text(id, "id")
        for i in range(_c.itsma_catalogue_builtin_count()):
            if _c.itsma_catalogue_builtin_id(i) == id:
                text = _c.itsma_py_builtin_clauses(i) or ""
                return [line.split("\t", 1)[0].strip() for line in text.splitlines()
                        if line.strip() and not line.startswith("#")]
        raise _not_found(f"no built-in catalogue {id!r}")

    @classmethod
    def new(cls, id: str, title: str) -> Catalogue:
        """Create an empty catalogue to build in code with :meth:`add_section` and
        :meth:`add_requirement`. Raises :class:`InvalidArgumentError` for a bad id or title."""
        return cls._wrap(_c.CCatalogue.py_create(_text(id, "id"), _text(title, "title")))

    def copy(self) -> Catalogue:
        """An independent copy (through its JSON), which may be modified freely."""
        return _catalogue_restore(self.to_json(), self.origin or None)

    def __copy__(self) -> Catalogue:
        return self.copy()

    def __deepcopy__(self, memo: Dict[int, Any]) -> Catalogue:
        return self.copy()

    def __eq__(self, other: object) -> bool:
        """Catalogues compare by value: the same document (``to_json()``)."""
        if not isinstance(other, Catalogue):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()

    def __hash__(self) -> int:
        # equal catalogues have the same id; a catalogue being built should not be a key
        return hash(("Catalogue", _c.itsma_catalogue_id(self._p)))

    def __reduce__(self) -> Any:
        return (_catalogue_restore, (self.to_json(), self.origin or None))

    # ---- output ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The catalogue as pretty-printed ``itsma-catalogue/1`` JSON (deterministic)."""
        with self._pins:
            return self._p.py_to_json()

    def render(self, format: str = "md", *, weights: bool = False) -> str:
        """The catalogue for people, the same bytes as ``itsma catalogue show``: ``format``
        ``"md"`` (the default: a checklist to tick, clause by clause, each requirement with its
        obligation, item, basis, effective weight, evidence hints and how to verify it, then
        the generic practices) or ``"text"`` (for a terminal). With ``weights=True``, every
        requirement's weight and effective weight instead, also as ``"json"``. Text from the
        catalogue is escaped for the format. ::

            open("checklist.md", "w").write(itsma.Catalogue.builtin("iso20000-1:2018").render())
        """
        formats = {"md": _c.ITSMA_REPORT_FORMAT_MD, "text": _c.ITSMA_REPORT_FORMAT_TEXT}
        if weights and format == "json":
            with self._pins:
                return self._p.py_weights_json()
        if format not in formats:
            raise ValueError(f"format must be md or text{' or json' if weights else ''}, not {format!r}")
        view = _c.ITSMA_CATALOGUE_VIEW_WEIGHTS if weights else _c.ITSMA_CATALOGUE_VIEW_CHECKLIST
        with self._pins:
            return self._p.py_render(view, formats[format])

    def write_render(self, path: PathLike, format: Optional[str] = None, *, weights: bool = False) -> None:
        """Write :meth:`render` to a file, atomically. Without ``format``, it follows the
        file's extension (``.md``, ``.txt``, and ``.json`` with ``weights=True``)."""
        from ._result import _write_text  # pylint: disable=import-outside-toplevel
        path = _path(path)
        if format is None:
            ext = {".md": "md", ".markdown": "md", ".txt": "text", ".json": "json"}
            format = ext.get(os.path.splitext(path)[1].lower())
            if format is None:
                raise ValueError(f"cannot tell the format from {path!r}: pass format=")
        _write_text(path, self.render(format, weights=weights))

    def template(self, id: str = "new-assessment", date: Optional[str] = None,
                 target: Optional[int] = None) -> str:
        """A new assessment of this catalogue to fill in, as ``itsma template`` writes it:
        ``itsma-assessment/1`` JSON with no ratings yet, a target level for every process when
        *target* (0 to 5) is given, and the requirements and processes to rate under
        ``x-checklist``. *date* (``YYYY-MM-DD``) defaults to today."""
        level = -1 if target is None else _level(target)
        when = datetime.date.today().isoformat() if date is None else _text(date, "date")
        with self._pins:
            return self._p.py_template_json(_text(id, "id"), when, level)

    def questionnaire(self, target: Optional[int] = None, *, delimiter: str = ",",
                      bom: bool = True) -> str:
        """The questionnaire of this catalogue as CSV text, for a spreadsheet: one row per
        requirement, per process attribute (PA2.1 to PA5.2 of every process) and per process
        target, with the columns type, id, clause, process, obligation, text, rating,
        evidence and note. Fill it in and read it back with
        :meth:`Assessment.from_questionnaire`.

        *target* (0 to 5) fills every target row; *delimiter* is ``","``, ``";"`` or
        ``"\t"``; *bom* starts the text with a UTF-8 byte-order mark (so that spreadsheets
        read it as UTF-8). Cells a spreadsheet would run as formulas are written as text
        (see docs/questionnaire.md). To start from an earlier assessment's ratings, use
        :meth:`Assessment.questionnaire`.
        """
        level = -1 if target is None else _level(target)
        with self._pins:
            return _c.itsma_py_questionnaire(self._p, None, level, _delimiter(delimiter), int(bool(bom)))

    def evidence_sheet(self, *, delimiter: str = ",", bom: bool = True) -> str:
        """An empty evidence sheet (CSV): the header ``id,title,kind,collected,expires,uri,
        sha256,by,note`` that :meth:`Assessment.from_questionnaire` reads as *evidence*. The
        evidence sheet of an assessment's records is :meth:`Assessment.evidence_sheet`."""
        return _c.itsma_py_evidence_sheet(None, _delimiter(delimiter), int(bool(bom)))

    def save(self, path: PathLike) -> None:
        """Save the catalogue as JSON, atomically (a failed save leaves the old file).

        Raises :class:`ItsmaOSError` when the file cannot be written.
        """
        path = _path(path)
        with self._pins:
            self._p.py_save_file(path)

    # ---- properties --------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """Catalogue id, such as ``"iso20000-1:2018"``."""
        return _c.itsma_catalogue_id(self._p)

    @property
    def title(self) -> str:
        """Title (settable)."""
        return _c.itsma_catalogue_title(self._p)

    @title.setter
    def title(self, value: str) -> None:
        self._mutate(self._p.py_set_title, _text(value, "title"))

    @property
    def version(self) -> Optional[str]:
        """Optional version string (settable; None clears it)."""
        return _c.itsma_catalogue_version(self._p)

    @version.setter
    def version(self, value: Optional[str]) -> None:
        self._mutate(self._p.py_set_version, _text(value, "version", optional=True))

    @property
    def publisher(self) -> Optional[str]:
        """Optional publisher (settable)."""
        return _c.itsma_catalogue_publisher(self._p)

    @publisher.setter
    def publisher(self, value: Optional[str]) -> None:
        self._mutate(self._p.py_set_publisher, _text(value, "publisher", optional=True))

    @property
    def description(self) -> Optional[str]:
        """Optional description (settable)."""
        return _c.itsma_catalogue_description(self._p)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        self._mutate(self._p.py_set_description, _text(value, "description", optional=True))

    @property
    def source(self) -> Optional[str]:
        """Optional source, such as the standard paraphrased (settable)."""
        return _c.itsma_catalogue_source(self._p)

    @source.setter
    def source(self, value: Optional[str]) -> None:
        self._mutate(self._p.py_set_source, _text(value, "source", optional=True))

    @property
    def exclusions(self) -> Exclusions:
        """Whether assessments may exclude parts of the catalogue (settable with an
        :class:`Exclusions` or ``"allowed"``/``"forbidden"``)."""
        return Exclusions(_c.itsma_catalogue_exclusions(self._p))

    @exclusions.setter
    def exclusions(self, value: Union[Exclusions, str]) -> None:
        v = Exclusions.parse(value, "exclusions")
        self._mutate(self._p.py_set_exclusions, int(v))

    @property
    def revision(self) -> Optional[int]:
        """Revision of the catalogue's content (an int >= 1), or None (settable)."""
        return _c.itsma_catalogue_revision(self._p) or None

    @revision.setter
    def revision(self, value: Optional[int]) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"revision must be an int or None, not {type(value).__name__}")
        if value is not None and not 1 <= value <= 2**31 - 1:
            raise InvalidArgumentError(f"revision must be from 1 to {2**31 - 1}, not {value}",
                                       code=ErrorCode.EINVAL)
        self._mutate(self._p.py_set_revision, value or 0)

    @property
    def retired(self) -> List[Retired]:
        """The retired ids, in the order of the catalogue's ``retired`` list."""
        p = self._p
        out = []
        for i in range(_c.itsma_catalogue_retired_count(p)):
            r = _c.itsma_catalogue_retired_at(p, i)
            out.append(Retired(_c.itsma_retired_id(r), _c.itsma_retired_revision(r),
                               _c.itsma_retired_reason(r)))
        return out

    def find_retired(self, id: str) -> Optional[Retired]:
        """The retired entry of *id*, or None when *id* is not retired."""
        r = _c.itsma_catalogue_find_retired(self._p, _text(id, "id"))
        if r is None:
            return None
        return Retired(_c.itsma_retired_id(r), _c.itsma_retired_revision(r),
                       _c.itsma_retired_reason(r))

    def is_retired(self, id: str) -> bool:
        """Whether *id* is retired (may never be used again)."""
        return self.find_retired(id) is not None

    def add_retired(self, id: str, revision: int, reason: str) -> None:
        """Retire an id that no section or requirement uses.

        Raises :class:`AlreadyExistsError` (in use, or retired already) or
        :class:`InvalidArgumentError` (bad id, revision after :attr:`revision`, empty reason).
        """
        if isinstance(revision, bool) or not isinstance(revision, int):
            raise TypeError(f"revision must be an int, not {type(revision).__name__}")
        if not 1 <= revision <= 2**31 - 1:
            raise InvalidArgumentError(f"revision must be from 1 to {2**31 - 1}, not {revision}",
                                       code=ErrorCode.EINVAL)
        self._mutate(self._p.py_add_retired, _text(id, "id"), revision, _text(reason, "reason"))

    def effective_weights(self) -> Dict[str, float]:
        """Every requirement's effective weight in the default model with everything
        applicable (its share of the overall figure; they add up to 1), by id in catalogue
        order. One linear pass: prefer it to :attr:`Requirement.effective_weight` in loops."""
        p = self._p
        with self._pins:
            weights = self._p.py_effective_weights()
        return {_c.itsma_requirement_id(_c.itsma_catalogue_requirement_at(p, i)): w
                for i, w in enumerate(weights)}

    def lint(self, clauses: Optional[Iterable[str]] = None,
             skip: Iterable[Union[LintKind, str]] = ()) -> List[LintProblem]:
        """Check the catalogue against the authoring rules of docs/catalogues.md.

        *clauses* lists clauses that must each be a section's clause (for a built-in
        catalogue, :meth:`builtin_clauses`); *skip* names kinds not to check. Returns the
        problems, per requirement in catalogue order, then the missing clauses; ``[]`` when
        there is none.
        """
        mask = 0
        for k in ([skip] if isinstance(skip, (str, LintKind)) else skip):
            mask |= 1 << int(LintKind.parse(k, "skip"))
        names = list(_ids(clauses, "clauses")) if clauses is not None else []
        with self._pins:
            found = self._p.py_lint(names, mask)
        return [LintProblem(LintKind(k), subject, message) for k, subject, message in found]

    @property
    def extensions(self) -> Extensions:
        """The catalogue's ``x-`` members, a live dict-like view (JSON values)."""
        return Extensions(lambda: _c.itsma_catalogue_extension_count(self._p),
                          lambda i: _c.itsma_catalogue_extension_key(self._p, i),
                          lambda k: _c.itsma_catalogue_extension(self._p, k),
                          lambda k, j: self._mutate(self._p.py_set_extension, 0, None, k, j))

    @property
    def origin(self) -> str:
        """The file (or ``"<string>"``) the catalogue was loaded from; "" when built in code."""
        return _c.itsma_catalogue_origin(self._p)

    @property
    def guidance_sources(self) -> Dict[str, str]:
        """Declared guidance sources: key (``"itil4"``) to display name (``"ITIL 4"``)."""
        p = self._p
        return {_c.itsma_catalogue_guidance_source_key(p, i):
                _c.itsma_catalogue_guidance_source_name(p, i)
                for i in range(_c.itsma_catalogue_guidance_source_count(p))}

    @property
    def generic_practices(self) -> List[GenericPractice]:
        """Generic practices (indicators for PA2.1 to PA5.2), in order."""
        p = self._p
        return [GenericPractice(Attribute(int(_c.itsma_catalogue_generic_practice_attribute(p, i))),
                                _c.itsma_catalogue_generic_practice_id(p, i),
                                _c.itsma_catalogue_generic_practice_text(p, i))
                for i in range(_c.itsma_catalogue_generic_practice_count(p))]

    @property
    def sections(self) -> View[Section]:
        """Every section in catalogue order (depth first); ``sections["8.6.1"]`` looks one
        up by id."""
        p = self._p
        return View("sections", lambda: _c.itsma_catalogue_section_count(p),
                    lambda i: self._section(_c.itsma_catalogue_section_at(p, i)),
                    lambda key: self._section(_c.itsma_catalogue_find_section(p, key))
                    if isinstance(key, str) else None,
                    generation=self._generation)

    @property
    def top_sections(self) -> View[Section]:
        """The top-level sections (the roots of the tree; see :attr:`Section.children`)."""
        p = self._p

        def find(key: Any) -> Optional[Section]:
            s = self._section(_c.itsma_catalogue_find_section(p, key)) \
                if isinstance(key, str) else None
            return s if s is not None and s.depth == 0 else None
        return View("top sections", lambda: _c.itsma_catalogue_top_count(p),
                    lambda i: self._section(_c.itsma_catalogue_top_at(p, i)), find,
                    generation=self._generation)

    @property
    def processes(self) -> View[Section]:
        """The process sections, in catalogue order."""
        p = self._p

        def find(key: Any) -> Optional[Section]:
            s = self._section(_c.itsma_catalogue_find_section(p, key)) \
                if isinstance(key, str) else None
            return s if s is not None and s.is_process else None
        return View("processes", lambda: _c.itsma_catalogue_process_count(p),
                    lambda i: self._section(_c.itsma_catalogue_process_at(p, i)), find,
                    item="process", generation=self._generation)

    @property
    def requirements(self) -> View[Requirement]:
        """Every requirement in catalogue order; ``requirements["8.6.1-01"]`` looks one up."""
        p = self._p
        return View("requirements", lambda: _c.itsma_catalogue_requirement_count(p),
                    lambda i: self._requirement(_c.itsma_catalogue_requirement_at(p, i)),
                    lambda key: self._requirement(_c.itsma_catalogue_find_requirement(p, key))
                    if isinstance(key, str) else None,
                    generation=self._generation)

    def walk(self) -> Iterator[Tuple[int, Section]]:
        """Yield ``(depth, section)`` for every section, depth first (catalogue order)."""
        for s in self.sections:
            yield s.depth, s

    # ---- building ----------------------------------------------------------------------------

    def put_guidance_source(self, key: str, name: str) -> None:
        """Declare a guidance source (``"itil4"``, ``"ITIL 4"``), or rename one."""
        self._mutate(self._p.py_put_guidance_source, _text(key, "key"), _text(name, "name"))

    def add_generic_practice(self, attribute: Union[Attribute, str], id: str, text: str) -> None:
        """Add a generic practice for an attribute from PA2.1 to PA5.2."""
        attr = Attribute.parse(attribute, "attribute")
        self._mutate(self._p.py_add_generic_practice, int(attr), _text(id, "id"),
                     _text(text, "text"))

    def add_section(self, id: str, title: str, *, parent: Union[str, Section, None] = None,
                    clause: Optional[str] = None, purpose: Optional[str] = None,
                    kind: Union[SectionKind, str] = SectionKind.GROUP,
                    weight: float = 1.0) -> Section:
        """Add a section (at the top, or under *parent*) and return it.

        Raises :class:`InvalidArgumentError` (bad id, empty title, bad weight, a process
        inside a process, a *parent* Section of another catalogue),
        :class:`AlreadyExistsError` (id taken) or :class:`NotFoundError` (no section with
        the id *parent*).
        """
        k = SectionKind.parse(kind, "kind")
        s = self._mutate(self._p.py_add_section, self._section_arg(parent, "parent", optional=True),
                         _text(id, "id"), _text(clause, "clause", optional=True),
                         _text(title, "title"), _text(purpose, "purpose", optional=True),
                         int(k), _weight(weight))
        return self._section(s)  # type: ignore[return-value]

    def add_requirement(self, section: Union[str, Section], id: str, text: str, *,
                        clause: Optional[str] = None,
                        obligation: Union[Obligation, str] = Obligation.SHALL,
                        weight: float = 1.0, evidence_hints: Iterable[str] = (),
                        tags: Iterable[str] = (), item: Optional[str] = None,
                        basis: Union[Basis, str, None] = None,
                        verify: Optional[str] = None) -> Requirement:
        """Add a requirement to a section and return it. Raises as :meth:`add_section`, and
        :class:`InvalidArgumentError` for a good-practice shall or an empty item or verify."""
        o = Obligation.parse(obligation, "obligation")
        b = int(Basis.parse(basis, "basis")) if basis is not None else 0
        r = self._mutate(self._p.py_add_requirement, self._section_arg(section, "section"),
                         _text(id, "id"),
                         _text(clause, "clause", optional=True), _text(text, "text"), int(o),
                         _weight(weight), list(_ids(evidence_hints, "evidence_hints")),
                         list(_ids(tags, "tags")), _text(item, "item", optional=True), b,
                         _text(verify, "verify", optional=True))
        return self._requirement(r)  # type: ignore[return-value]

    def add_guidance(self, section: Union[str, Section], source: str, value: str) -> None:
        """Add a guidance value (``"Incident management"``) of a declared source to a section."""
        self._mutate(self._p.py_add_guidance, self._section_arg(section, "section"),
                     _text(source, "source"), _text(value, "value"))

    # ---- internals ---------------------------------------------------------------------------

    def _section_arg(self, value: Union[str, Section, None], what: str,
                     optional: bool = False) -> Any:
        """The C section a builder gets: a Section as it is (the library refuses one of
        another catalogue), an id looked up here (NotFoundError when there is none)."""
        if value is None and optional:
            return None
        if isinstance(value, Section):
            return value._p
        sid = _text(value, what)
        p = _c.itsma_catalogue_find_section(self._p, sid)
        if p is None:
            raise NotFoundError(f"no section {sid!r} in catalogue {self.id!r}",
                                code=ErrorCode.ENOTFOUND)
        return p

    def _mutate(self, fn: Any, *args: Any) -> Any:
        with self._pins.lock:
            if self._keep is not None or len(self._users) or self._pins.count:
                raise InvalidArgumentError(
                    f"catalogue {self.id!r} is in use by an assessment and cannot be modified; "
                    "build it completely first, or modify a copy()", code=ErrorCode.EINVAL)
            try:
                return fn(*args)
            finally:
                self._gen += 1

    def _section(self, p: Any) -> Optional[Section]:
        if p is None:
            return None
        s = object.__new__(Section)
        s._cat = self
        s._p = p
        return s

    def _requirement(self, p: Any) -> Optional[Requirement]:
        if p is None:
            return None
        r = object.__new__(Requirement)
        r._cat = self
        r._p = p
        return r

    def __repr__(self) -> str:
        origin = self.origin
        return (f"<itsma.Catalogue {self.id!r} sections={_c.itsma_catalogue_section_count(self._p)}"
                f" requirements={_c.itsma_catalogue_requirement_count(self._p)}"
                f"{' origin=' + repr(origin) if origin else ''}>")


def _not_found(message: str) -> Exception:
    from ._errors import NotFoundError
    return NotFoundError(message, code=ErrorCode.ENOTFOUND)


def _weight(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"weight must be a number, not {type(value).__name__}")
    return float(value)


def _id_of(value: Any, what: str, optional: bool = False) -> Optional[str]:
    if isinstance(value, (Section, Requirement)):
        return value.id
    return _text(value, what, optional)


class Section:
    """A section of a catalogue: a clause, a group, or a process.

    Sections come from their :class:`Catalogue` (``cat.sections["8.6.1"]``) and keep it
    alive. ``str(section)`` is its id.
    """

    __slots__ = ("_cat", "_p")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: they come from a Catalogue (cat.sections[...])."""
        _refuse_init(self, "they come from a Catalogue (cat.sections[...])")

    @property
    def extensions(self) -> Extensions:
        """The section's ``x-`` members, a live dict-like view (JSON values)."""
        cat = self._cat
        return Extensions(lambda: _c.itsma_section_extension_count(self._p),
                          lambda i: _c.itsma_section_extension_key(self._p, i),
                          lambda k: _c.itsma_section_extension(self._p, k),
                          lambda k, j: cat._mutate(cat._p.py_set_extension, 1, self.id, k, j))

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the section belongs to."""
        return self._cat

    @property
    def id(self) -> str:
        """Section id."""
        return _c.itsma_section_id(self._p)

    @property
    def clause(self) -> Optional[str]:
        """Clause reference, or None."""
        return _c.itsma_section_clause(self._p)

    @property
    def title(self) -> str:
        """Title."""
        return _c.itsma_section_title(self._p)

    @property
    def purpose(self) -> Optional[str]:
        """Purpose, or None."""
        return _c.itsma_section_purpose(self._p)

    @property
    def kind(self) -> SectionKind:
        """:attr:`SectionKind.GROUP` or :attr:`SectionKind.PROCESS`."""
        return SectionKind(_c.itsma_section_kind_of(self._p))

    @property
    def is_process(self) -> bool:
        """Whether the section is a process (capability levels are computed for it)."""
        return _c.itsma_section_kind_of(self._p) == _c.ITSMA_SECTION_KIND_PROCESS

    @property
    def weight(self) -> float:
        """Weight (default 1)."""
        return _c.itsma_section_weight(self._p)

    @property
    def index(self) -> int:
        """Position in catalogue order (in :attr:`Catalogue.sections`)."""
        return _c.itsma_section_index(self._p)

    @property
    def depth(self) -> int:
        """Depth in the tree: 0 for a top-level section."""
        return _c.itsma_section_depth(self._p)

    @property
    def parent(self) -> Optional[Section]:
        """The enclosing section, or None at the top."""
        return self._cat._section(_c.itsma_section_parent(self._p))

    @property
    def process(self) -> Optional[Section]:
        """The nearest enclosing process (the section itself if it is one), or None."""
        return self._cat._section(_c.itsma_section_process(self._p))

    @property
    def children(self) -> View[Section]:
        """The direct sub-sections."""
        p, cat = self._p, self._cat

        def find(key: Any) -> Optional[Section]:
            s = cat.sections.get(key) if isinstance(key, str) else None
            return s if s is not None and s.parent == self else None
        return View("sections", lambda: _c.itsma_section_child_count(p),
                    lambda i: cat._section(_c.itsma_section_child_at(p, i)), find,
                    generation=self._cat._generation)

    @property
    def requirements(self) -> View[Requirement]:
        """The section's own requirements (not those of sub-sections; see
        :meth:`all_requirements`)."""
        p, cat = self._p, self._cat

        def find(key: Any) -> Optional[Requirement]:
            r = cat.requirements.get(key) if isinstance(key, str) else None
            return r if r is not None and r.section == self else None
        return View("requirements", lambda: _c.itsma_section_requirement_count(p),
                    lambda i: cat._requirement(_c.itsma_section_requirement_at(p, i)), find,
                    generation=self._cat._generation)

    def all_requirements(self) -> List[Requirement]:
        """Every requirement in the section and its sub-sections, in catalogue order."""
        out: List[Requirement] = list(self.requirements)
        for child in self.children:
            out.extend(child.all_requirements())
        return out

    @property
    def guidance(self) -> Dict[str, List[str]]:
        """Guidance values by source key: ``{"itil4": ["Incident management"], ...}``
        (only the sources the section lists)."""
        out: Dict[str, List[str]] = {}
        p = self._p
        for key in self._cat.guidance_sources:
            n = _c.itsma_section_guidance_count(p, key)
            if n:
                out[key] = [_c.itsma_section_guidance_at(p, key, i) for i in range(n)]
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Section):
            return NotImplemented
        return int(self._p) == int(other._p)

    def __hash__(self) -> int:
        return hash(("Section", int(self._p)))

    def __reduce__(self) -> Any:
        # pickles as (its catalogue, its id): the catalogue pickles as its JSON
        return (_find_section, (self._cat, self.id))

    def __str__(self) -> str:
        return self.id

    def __repr__(self) -> str:
        kind = " process" if self.is_process else ""
        return f"<itsma.Section {self.id!r}{kind} {_short(self.title)!r}>"


class Requirement:
    """A requirement of a catalogue.

    Requirements come from their :class:`Catalogue` (``cat.requirements["8.6.1-01"]``) and
    keep it alive. ``str(requirement)`` is its id.
    """

    __slots__ = ("_cat", "_p")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: they come from a Catalogue (cat.requirements[...])."""
        _refuse_init(self, "they come from a Catalogue (cat.requirements[...])")

    def __reduce__(self) -> Any:
        return (_find_requirement, (self._cat, self.id))

    @property
    def extensions(self) -> Extensions:
        """The requirement's ``x-`` members, a live dict-like view (JSON values)."""
        cat = self._cat
        return Extensions(lambda: _c.itsma_requirement_extension_count(self._p),
                          lambda i: _c.itsma_requirement_extension_key(self._p, i),
                          lambda k: _c.itsma_requirement_extension(self._p, k),
                          lambda k, j: cat._mutate(cat._p.py_set_extension, 2, self.id, k, j))

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the requirement belongs to."""
        return self._cat

    @property
    def id(self) -> str:
        """Requirement id."""
        return _c.itsma_requirement_id(self._p)

    @property
    def clause(self) -> Optional[str]:
        """Clause reference, or None."""
        return _c.itsma_requirement_clause(self._p)

    @property
    def text(self) -> str:
        """The requirement's text."""
        return _c.itsma_requirement_text(self._p)

    @property
    def obligation(self) -> Obligation:
        """:attr:`Obligation.SHALL` or :attr:`Obligation.SHOULD`."""
        return Obligation(_c.itsma_requirement_obligation(self._p))

    @property
    def weight(self) -> float:
        """Weight (default 1)."""
        return _c.itsma_requirement_weight(self._p)

    @property
    def basis(self) -> Optional[Basis]:
        """:attr:`Basis.STANDARD`, :attr:`Basis.GOOD_PRACTICE`, or None when unspecified."""
        b = _c.itsma_requirement_basis(self._p)
        return Basis(b) if b else None

    @property
    def item(self) -> Optional[str]:
        """The list item of the clause (``"a)"``, ``"b) 2)"``), or None."""
        return _c.itsma_requirement_item(self._p)

    @property
    def verify(self) -> Optional[str]:
        """How an auditor tests the requirement, or None."""
        return _c.itsma_requirement_verify(self._p)

    @property
    def effective_weight(self) -> float:
        """Share of the overall figure in the default model with everything applicable
        (computed for the whole catalogue: use :meth:`Catalogue.effective_weights` in loops)."""
        cat = self._cat
        with cat._pins:
            return cat._p.py_effective_weights()[self.index]  # type: ignore[no-any-return]

    @property
    def index(self) -> int:
        """Position in catalogue order (in :attr:`Catalogue.requirements`)."""
        return _c.itsma_requirement_index(self._p)

    @property
    def section(self) -> Section:
        """The section that holds the requirement."""
        return self._cat._section(_c.itsma_requirement_section(self._p))  # type: ignore

    @property
    def process(self) -> Optional[Section]:
        """The nearest enclosing process, or None outside every process."""
        return self._cat._section(_c.itsma_requirement_process(self._p))

    @property
    def evidence_hints(self) -> List[str]:
        """Kinds of evidence that would support the requirement (``["procedure", ...]``)."""
        p = self._p
        return [_c.itsma_requirement_evidence_hint_at(p, i)
                for i in range(_c.itsma_requirement_evidence_hint_count(p))]

    @property
    def tags(self) -> List[str]:
        """Tags."""
        p = self._p
        return [_c.itsma_requirement_tag_at(p, i) for i in range(_c.itsma_requirement_tag_count(p))]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Requirement):
            return NotImplemented
        return int(self._p) == int(other._p)

    def __hash__(self) -> int:
        return hash(("Requirement", int(self._p)))

    def __str__(self) -> str:
        return self.id

    def __repr__(self) -> str:
        return f"<itsma.Requirement {self.id!r} {self.obligation}: {_short(self.text)!r}>"


_DELIMITERS = {",": ",", ";": ";", "\t": "\t", "tab": "\t"}


def _delimiter(value: Optional[str], optional: bool = False) -> int:
    """A CSV separator as the C library takes it (0: find it from the header row)."""
    if value is None and optional:
        return 0
    if not isinstance(value, str) or value not in _DELIMITERS:
        raise InvalidArgumentError(f"delimiter must be ',', ';' or a tab, not {value!r}",
                                   code=ErrorCode.EINVAL)
    return ord(_DELIMITERS[value])


def _level(value: Any) -> int:
    """A target capability level 0 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
        raise InvalidArgumentError(f"target must be a capability level from 0 to 5, not {value!r}",
                                   code=ErrorCode.EINVAL)
    return value


def _catalogue_restore(text: str, source: Optional[str]) -> Catalogue:
    """A catalogue from JSON this package wrote (a copy, a pickle): no untrusted-input
    limits, which a field the library accepted once must not trip."""
    return Catalogue._wrap(_c.CCatalogue.py_load_buffer(text, source, *TRUSTED_LIMITS))


def _find_section(catalogue: Catalogue, id: str) -> Section:
    return catalogue.sections[id]


def _find_requirement(catalogue: Catalogue, id: str) -> Requirement:
    return catalogue.requirements[id]
