# SPDX-License-Identifier: Apache-2.0
"""Mapping sets (``itsma-mapping/1``): :class:`Mapping` and its :class:`Map` records, and
what carrying an assessment gives (:class:`Carry`, :class:`CarryReport`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import itsma as _c
from ._assessment import Assessment, _catalogue
from ._catalogue import Catalogue
from ._core import PathLike, _no_init, _path, _refuse_init, _text
from ._enums import _words
from ._interop import _document

__all__ = ["Mapping", "Map", "Carry", "CarryReport", "RELATIONSHIPS"]

#: The relationship vocabulary (OSCAL 1.2), read "sources RELATIONSHIP targets".
RELATIONSHIPS: Tuple[str, ...] = tuple(_words(
    _c.itsma_relationship_name, _c.ITSMA_RELATIONSHIP_EQUAL_TO, _c.ITSMA_RELATIONSHIP_EQUIVALENT_TO,
    _c.ITSMA_RELATIONSHIP_SUBSET_OF, _c.ITSMA_RELATIONSHIP_SUPERSET_OF, _c.ITSMA_RELATIONSHIP_INTERSECTS_WITH,
    _c.ITSMA_RELATIONSHIP_NO_RELATIONSHIP))

_FORMATS = _words(_c.itsma_transition_format_name, _c.ITSMA_TRANSITION_FORMAT_TEXT,
                  _c.ITSMA_TRANSITION_FORMAT_MARKDOWN, _c.ITSMA_TRANSITION_FORMAT_HTML)


@dataclass(frozen=True)
class Map:
    """One map of a mapping: ``sources RELATIONSHIP targets`` (requirement or section ids)."""

    index: int
    relationship: str
    sources: Tuple[str, ...]
    targets: Tuple[str, ...]
    confidence: Optional[str] = None
    note: Optional[str] = None


def _side(value: Any) -> Optional[Catalogue]:
    return _catalogue(value, optional=True)


#: What the importers read: the document as str or bytes, or a path (``pathlib.Path``).
Document = Union[str, bytes, "os.PathLike[str]"]


class Mapping:
    """A mapping set between two catalogues (``itsma-mapping/1``), checked against them on
    load: every id exists, the revisions match, no map is given twice.

    ::

        m = itsma.Mapping.builtin("iso20000-1-2011-to-2018")
        for mp in m:
            print(mp.sources, mp.relationship, mp.targets)

    The catalogues default to the built-in ones the mapping names; pass ``source=`` and
    ``target=`` (a :class:`Catalogue` or a built-in id) for others. The mapping keeps no
    reference to them.
    """

    __slots__ = ("_p", "_maps", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: use Mapping.load(), from_string(), builtin(), from_oscal() or
        from_ciso()."""
        _refuse_init(self, "use Mapping.load(), from_string(), builtin(), from_oscal() or "
                           "from_ciso()")

    @classmethod
    def _wrap(cls, p: Any) -> Mapping:
        self = object.__new__(cls)
        self._p = p
        self._maps = None
        return self

    @classmethod
    def load(cls, path: PathLike, source: Union[Catalogue, str, None] = None,
             target: Union[Catalogue, str, None] = None) -> Mapping:
        """Load and check a mapping file. Raises :class:`ParseError`,
        :class:`ValidationError` (JSON Pointer, line and column), :class:`NotFoundError`
        (a catalogue it names is not built in) or :class:`ItsmaOSError`."""
        s, t = _side(source), _side(target)
        return cls._wrap(_c.CMapping.py_load_file(_path(path), s._p if s else None, t._p if t else None))

    @classmethod
    def from_string(cls, text: Union[str, bytes], source: Union[Catalogue, str, None] = None,
                    target: Union[Catalogue, str, None] = None,
                    name: Optional[str] = "<string>") -> Mapping:
        """Load and check a mapping from JSON text. As :meth:`load`."""
        s, t = _side(source), _side(target)
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        return cls._wrap(_c.CMapping.py_load_buffer(text, _text(name, "name", optional=True),
                                                     s._p if s else None, t._p if t else None))

    @classmethod
    def builtin(cls, id: str, source: Union[Catalogue, str, None] = None,
                target: Union[Catalogue, str, None] = None) -> Mapping:
        """A mapping built into the library, such as ``"iso20000-1-2011-to-2018"``."""
        s, t = _side(source), _side(target)
        return cls._wrap(_c.CMapping.py_builtin(_text(id, "id"), s._p if s else None,
                                                t._p if t else None))

    @staticmethod
    def builtins() -> List[Tuple[str, str]]:
        """The built-in mappings, as a list of ``(id, title)``."""
        return [(_c.itsma_mapping_builtin_id(i), _c.itsma_mapping_builtin_title(i))
                for i in range(_c.itsma_mapping_builtin_count())]

    def to_json(self) -> str:
        """The mapping as deterministic, pretty-printed ``itsma-mapping/1`` JSON."""
        return self._p.py_to_json()

    def to_markdown(self) -> str:
        """The mapping for people, the same bytes as ``itsma mapping show``: its id,
        catalogues, provenance and description, then a Markdown table of the maps (sources,
        relationship, targets, confidence, note), every text escaped for Markdown."""
        return self._p.py_to_markdown()

    # ---- the ecosystem's formats (docs/interop.md) ---------------------------------------------

    @classmethod
    def from_oscal(cls, data: Document, *, id: Optional[str] = None,
                   name: Optional[str] = None) -> Mapping:
        """Make a mapping from an OSCAL 1.2 ``mapping-collection`` (JSON text, or a path as
        ``pathlib.Path``): its first ``mapping``. Relationships, provenance and confidence
        are OSCAL's vocabulary; what :meth:`to_oscal` wrote comes back equal, ``x-`` keys
        included. *id* names the mapping (default: from the document); *name* names the input
        in messages. The mapping is not checked against catalogues here (:meth:`to_ciso` and
        :meth:`Assessment.carry` check it).

        Raises :class:`ParseError` (JSON syntax) or :class:`ValidationError` (not a usable
        mapping collection, with ``pointer``, ``line`` and ``column``); keys and items itsma
        cannot use give a :class:`UserWarning`.
        """
        text, path = _document(data, "data")
        return cls._wrap(_c.CMapping.py_from_oscal(
            text, _text(name or path or "<string>", "name"), _text(id, "id", optional=True)))

    @classmethod
    def from_ciso(cls, data: Document, source: Union[Catalogue, str],
                  target: Union[Catalogue, str], *, id: Optional[str] = None,
                  name: Optional[str] = None) -> Mapping:
        """Make a mapping from a CISO Assistant mapping library (YAML text, or a path): its
        ``requirement_mapping_set``, whose urns are resolved through the *source* and
        *target* catalogues (a :class:`Catalogue` or a built-in id). What :meth:`to_ciso`
        wrote comes back equal (n:m maps regrouped); other sets give one map per pair.
        Raises as :meth:`from_oscal` (an unknown urn is a :class:`ValidationError` at its
        pointer).
        """
        s, t = _catalogue(source), _catalogue(target)
        assert s is not None and t is not None
        text, path = _document(data, "data")
        with s._pins, t._pins:
            return cls._wrap(_c.CMapping.py_from_ciso(
                text, _text(name or path or "<string>", "name"), s._p, t._p,
                _text(id, "id", optional=True)))

    def to_oscal(self) -> str:
        """The mapping as an OSCAL 1.2 ``mapping-collection`` (JSON), deterministic; ``x-``
        keys travel as props ``extension`` in itsma's namespace."""
        return self._p.py_to_oscal()

    def to_ciso(self, source: Union[Catalogue, str, None] = None,
                target: Union[Catalogue, str, None] = None,
                packager: Optional[str] = None) -> str:
        """The mapping as a CISO Assistant mapping library (YAML): one requirement mapping
        per source-target pair, urns as :meth:`Catalogue.to_ciso_library` makes them with
        *packager* (default ``itsma``). The catalogues default to the built-in ones the
        mapping names; the mapping is checked against them (:class:`ValidationError`)."""
        s = _side(source) or Catalogue.builtin(self.source_catalogue)
        t = _side(target) or Catalogue.builtin(self.target_catalogue)
        with s._pins, t._pins:
            return self._p.py_to_ciso(s._p, t._p, _text(packager, "packager", optional=True))

    # ---- properties ---------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The mapping id."""
        return _c.itsma_mapping_id(self._p)

    @property
    def title(self) -> Optional[str]:
        """The title, or None."""
        return _c.itsma_mapping_title(self._p)

    @property
    def source_catalogue(self) -> str:
        """The id of the source catalogue."""
        return _c.itsma_mapping_source_catalogue(self._p)

    @property
    def source_revision(self) -> int:
        """The content revision of the source catalogue it is written for."""
        return _c.itsma_mapping_source_revision(self._p)

    @property
    def target_catalogue(self) -> str:
        """The id of the target catalogue."""
        return _c.itsma_mapping_target_catalogue(self._p)

    @property
    def target_revision(self) -> int:
        """The content revision of the target catalogue it is written for."""
        return _c.itsma_mapping_target_revision(self._p)

    @property
    def method(self) -> str:
        """``"human"``, ``"automation"`` or ``"hybrid"``."""
        return _c.itsma_mapping_method_name(_c.itsma_mapping_method_of(self._p))

    @property
    def rationale(self) -> str:
        """``"syntactic"``, ``"semantic"`` or ``"functional"``."""
        return _c.itsma_mapping_rationale_name(_c.itsma_mapping_rationale_of(self._p))

    @property
    def status(self) -> str:
        """``"draft"``, ``"complete"`` or ``"deprecated"``."""
        return _c.itsma_mapping_status_name(_c.itsma_mapping_status_of(self._p))

    @property
    def description(self) -> Optional[str]:
        """The provenance description, or None."""
        return _c.itsma_mapping_description(self._p)

    @property
    def origin(self) -> Optional[str]:
        """Where it was loaded from (a file name, ``"<builtin:ID>"``)."""
        return _c.itsma_mapping_origin(self._p)

    @property
    def maps(self) -> Tuple[Map, ...]:
        """The maps, in document order."""
        if self._maps is None:
            self._maps = tuple(Map(i, t[0], tuple(t[1]), tuple(t[2]), t[3] or None, t[4])
                               for i, t in enumerate(_c.itsma_py_maps(self._p)))
        return self._maps

    def __iter__(self) -> Iterator[Map]:
        """The maps, in document order."""
        return iter(self.maps)

    def __len__(self) -> int:
        """The number of maps."""
        return _c.itsma_mapping_map_count(self._p)

    def __repr__(self) -> str:
        return (f"<itsma.Mapping {self.id!r} {self.source_catalogue}@{self.source_revision} -> "
                f"{self.target_catalogue}@{self.target_revision} maps={len(self)}>")


class CarryReport:
    """What carrying did to each target requirement, and the sources it dropped.

    Statuses: ``"carried"`` (full cover), ``"review"`` (partial cover, capped below F, or a
    cover with unrated sources), ``"kept"`` (the assessment merged into rated it already),
    ``"unrated"`` (mapped, but no source rated), ``"new"`` (no source: a new obligation).
    """

    __slots__ = ("_p", "_assessment", "_mapping")

    __init__ = _no_init("use Assessment.carry()")

    @classmethod
    def _wrap(cls, p: Any, assessment: Assessment, mapping: Mapping) -> CarryReport:
        self = object.__new__(cls)
        self._p = p
        self._assessment = assessment
        self._mapping = mapping
        return self

    @property
    def statuses(self) -> List[Tuple[str, str]]:
        """``[(target requirement id, status)]`` in catalogue order."""
        return [(_c.itsma_carry_report_target_id(self._p, i),
                 _c.itsma_carry_status_name(_c.itsma_carry_report_target_status(self._p, i)))
                for i in range(_c.itsma_carry_report_target_count(self._p))]

    def _with(self, status: int) -> List[str]:
        return [_c.itsma_carry_report_target_id(self._p, i)
                for i in range(_c.itsma_carry_report_target_count(self._p))
                if _c.itsma_carry_report_target_status(self._p, i) == status]

    @property
    def carried(self) -> List[str]:
        """Target requirements rated from sources that cover them fully."""
        return self._with(_c.ITSMA_CARRY_STATUS_CARRIED)

    @property
    def to_review(self) -> List[str]:
        """Target requirements rated from partial cover (or with unrated sources): review them."""
        return self._with(_c.ITSMA_CARRY_STATUS_REVIEW)

    @property
    def kept(self) -> List[str]:
        """Target requirements the assessment merged into had rated already."""
        return self._with(_c.ITSMA_CARRY_STATUS_KEPT)

    @property
    def unrated(self) -> List[str]:
        """Target requirements with counterparts that were not rated."""
        return self._with(_c.ITSMA_CARRY_STATUS_UNRATED)

    @property
    def new_obligations(self) -> List[str]:
        """Target requirements no source maps to: new obligations to assess."""
        return self._with(_c.ITSMA_CARRY_STATUS_NEW)

    @property
    def dropped(self) -> List[str]:
        """Source requirements that map to nothing in the target catalogue."""
        return [_c.itsma_carry_report_dropped_at(self._p, i)
                for i in range(_c.itsma_carry_report_dropped_count(self._p))]

    @property
    def attributes_carried(self) -> int:
        """Number of process attribute ratings carried."""
        return _c.itsma_carry_report_attribute_count(self._p)

    def transition_report(self, format: str = "text") -> str:
        """The transition report: ``"text"``, ``"md"`` or ``"html"`` (self-contained).
        Every string is escaped for its reader."""
        try:
            f = _FORMATS[format]
        except (KeyError, TypeError):
            raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}") from None
        h = self._assessment._h
        with h.pins:
            return self._p.py_transition_report(h.p, self._mapping._p, f)

    def __repr__(self) -> str:
        return (f"<itsma.CarryReport carried={len(self.carried)} review={len(self.to_review)} "
                f"new={len(self.new_obligations)} dropped={len(self.dropped)}>")


class Carry(NamedTuple):
    """The outcome of :meth:`Assessment.carry`: the new assessment and the report."""

    assessment: Assessment
    report: CarryReport
