# SPDX-License-Identifier: Apache-2.0
"""Tables out: the columns of every row type, in one place.

Each row type of the package (a result's requirement, section, gap, capability gap and
evidence issue entries; a diff's requirement, process and nonconformity entries; an
assessment's records) gets ``_asdict()`` from :func:`asdict_of`, and
:func:`records` gives the rows of a result for ``Result.to_records(kind)``::

    pandas.DataFrame(res.to_records("gaps"))
    df[df.status == "rated"]                 # enum members are their words

Values are Python values: enum members (which are ``str``), ``float``, ``int``, ``None``
for "no value" (a pandas NaN), ``datetime.date`` for dates. The ``requirements`` kind has
exactly the columns of ``itsma report --format csv``
(:data:`REQUIREMENT_COLUMNS`); the CSV writes the same values as text.

Adopting it in a new row class takes one line: ``_asdict = asdict_of(COLUMNS)`` (or
``_columns = COLUMNS`` with :class:`Row` as a base class).

:func:`tally` turns a ``NamedTuple`` of counts into something that also reads like a dict
(``counts["rated"]``, ``dict(counts)``, ``counts.items()``), without breaking tuple use.
"""

from __future__ import annotations

from typing import (Any, Callable, Dict, Iterator, List, Mapping, Sequence, Tuple, Type,
                    TypeVar)

from ._enums import Status

__all__ = ["REQUIREMENT_COLUMNS", "COLUMNS", "KINDS", "asdict_of", "Row", "records", "tally",
           "dataclass_asdict"]

#: Columns of ``Result.to_records("requirements")`` - the same, in the same order, as the
#: CSV report of the ``itsma`` command (``itsma report --format csv``).
REQUIREMENT_COLUMNS: Tuple[str, ...] = (
    "id", "clause", "process", "obligation", "status", "achievement", "rating",
    "nonconformity", "gain")

#: Columns of every row type (the attribute names read for ``_asdict()``). A column whose
#: attribute is not the column name is mapped in :data:`_GETTERS`.
COLUMNS: Dict[str, Tuple[str, ...]] = {
    "RequirementResult": REQUIREMENT_COLUMNS,
    "SectionResult": ("id", "is_process", "applicable", "achievement", "letter",
                      "capability_level", "target_level"),
    "Gap": ("id", "process", "obligation", "status", "achievement", "letter",
            "nonconformity", "gain", "guidance"),
    "CapabilityGap": ("id", "level", "target", "attributes"),
    "EvidenceIssue": ("id", "problem", "cited_by"),
    "RequirementDiff": ("id", "change", "before", "after", "difference"),
    "ProcessDiff": ("id", "change", "level_before", "level_after", "target_before",
                    "target_after"),
    "NonconformityDiff": ("id", "change", "before", "after"),
}

#: What ``Result.to_records(kind)`` accepts, and the view of the result each reads.
KINDS: Dict[str, str] = {
    "requirements": "requirements",
    "sections": "sections",
    "processes": "sections",
    "gaps": "gaps",
    "capability_gaps": "capability_gaps",
    "evidence_issues": "evidence_issues",
}


def _plain(value: Any) -> Any:
    """A column value as plain data: catalogue objects by id, entries by their letter."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    kind = type(value).__name__
    if kind in ("Section", "Requirement"):
        return value.id
    if kind == "RequirementResult":          # a diff side: the letter it had
        return value.letter
    if kind == "AttributeNeed":
        return str(value.attribute)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _get(row: Any, column: str) -> Any:
    getter = _GETTERS.get((type(row).__name__, column))
    return _plain(getter(row) if getter else getattr(row, column))


def _requirement_rating(row: Any) -> Any:
    return row.letter


def _requirement_gain(row: Any) -> Any:
    return None if row.status == Status.EXCLUDED else row.gain


def _requirement_clause(row: Any) -> Any:
    return row.requirement.clause


_GETTERS: Dict[Tuple[str, str], Callable[[Any], Any]] = {
    ("RequirementResult", "rating"): _requirement_rating,
    ("RequirementResult", "gain"): _requirement_gain,
    ("RequirementResult", "clause"): _requirement_clause,
}


def asdict_of(columns: Sequence[str]) -> Callable[[Any], Dict[str, Any]]:
    """An ``_asdict()`` method that reads *columns* (attribute names) of its row."""
    cols = tuple(columns)

    def _asdict(self: Any) -> Dict[str, Any]:
        """The row as a dict of plain values (column name to value), for pandas and JSON."""
        return {c: _get(self, c) for c in cols}
    return _asdict


class Row:
    """Base of row types: ``_asdict()`` reads the class's :data:`COLUMNS` entry."""

    __slots__ = ()

    def _asdict(self) -> Dict[str, Any]:
        """The row as a dict of plain values (column name to value), for pandas and JSON."""
        return {c: _get(self, c) for c in COLUMNS[type(self).__name__]}


def _process_row(entry: Any) -> Dict[str, Any]:
    row = {"id": entry.id, "achievement": entry.achievement, "letter": entry.letter,
           "capability_level": entry.capability_level, "target_level": entry.target_level}
    for attribute, a in entry.attributes.items():
        row[str(attribute)] = a.letter
    return row


def records(result: Any, kind: str) -> List[Dict[str, Any]]:
    """The rows of a result's *kind* (see :data:`KINDS`) as a list of dicts.

    ``processes`` is one row per applicable process: its achievement, letter, capability
    and target level, and the letter of every attribute (columns ``PA1.1`` to ``PA5.2``).
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind must be str, not {type(kind).__name__}")
    if kind not in KINDS:
        from ._errors import ErrorCode, InvalidArgumentError
        raise InvalidArgumentError(f"kind must be one of {', '.join(map(repr, KINDS))}, "
                                   f"not {kind!r}", code=ErrorCode.EINVAL)
    view = getattr(result, KINDS[kind])
    if kind == "processes":
        return [_process_row(e) for e in view if e.is_process and e.applicable]
    return [e._asdict() for e in view]


def dataclass_asdict(self: Any) -> Dict[str, Any]:
    """``_asdict()`` of a record dataclass (Evidence, Rating...): its fields as a dict."""
    return {f: getattr(self, f) for f in self.__dataclass_fields__}


# ---- tallies that read like dicts ------------------------------------------------------------

T = TypeVar("T")


def tally(cls: Type[T]) -> Type[T]:
    """Class decorator for a ``NamedTuple`` of counts: it also reads like a mapping.

    ``counts["rated"]`` (ints and slices still index the tuple), ``"rated" in counts``,
    ``counts.keys()``, ``.items()``, ``.get()``, and ``dict(counts)`` gives
    ``{"total": ..., "rated": ...}``. Tuple behaviour (unpacking, ``==`` with a tuple)
    is unchanged.
    """
    base_getitem = cls.__getitem__  # type: ignore[attr-defined]
    fields: Tuple[str, ...] = cls._fields  # type: ignore[attr-defined]

    def __getitem__(self: Any, key: Any) -> Any:
        if isinstance(key, str):
            if key not in fields:
                raise KeyError(key)
            return getattr(self, key)
        return base_getitem(self, key)

    def keys(self: Any) -> Tuple[str, ...]:
        """The names of the counts."""
        return fields

    def items(self: Any) -> Iterator[Tuple[str, Any]]:
        """``(name, count)`` pairs."""
        return iter(zip(fields, self))

    def get(self: Any, key: str, default: Any = None) -> Any:
        """The count of that name, or *default*."""
        return getattr(self, key) if key in fields else default

    def __contains__(self: Any, key: Any) -> bool:
        return key in fields if isinstance(key, str) else tuple.__contains__(self, key)

    cls.__getitem__ = __getitem__  # type: ignore[attr-defined]
    cls.keys = keys  # type: ignore[attr-defined]
    cls.items = items  # type: ignore[attr-defined]
    cls.get = get  # type: ignore[attr-defined]
    cls.__contains__ = __contains__  # type: ignore[attr-defined]
    return cls
