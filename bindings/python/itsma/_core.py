# SPDX-License-Identifier: Apache-2.0
"""Shared plumbing of the itsma package: argument conversion and collection views."""

from __future__ import annotations

import datetime
import math
import numbers
import operator
import os
import threading
import weakref
from typing import (Any, Callable, Dict, Generic, Iterator, List, NoReturn, Optional, Sequence,
                    Tuple, TypeVar, Union, overload)

from . import itsma as _c
from ._enums import Letter
from ._errors import ErrorCode, InvalidArgumentError, NotFoundError
from ._values import date_in, is_missing

T = TypeVar("T")

#: What a path argument may be: a str or any :class:`os.PathLike` (``pathlib.Path``).
PathLike = Union[str, os.PathLike]
#: A date argument: ``"YYYY-MM-DD"``, a :class:`datetime.date`, or a datetime / pandas
#: ``Timestamp`` at midnight (see :func:`itsma._values.date_in`).
DateLike = Union[str, datetime.date]
#: A rating: a letter (``"L+"`` or :class:`Letter`) or a number from 0 to 100.
RatingLike = Union[str, float, int, Letter]


def _nan_none(x: float) -> Optional[float]:
    """The C library's NaN "null" figures as None."""
    return None if math.isnan(x) else x


def _neg_none(x: int) -> Optional[int]:
    """The C library's -1 "none" levels as None."""
    return None if x < 0 else x


def _path(path: Any, what: str = "path") -> str:
    """A path argument as str (accepts str, bytes and os.PathLike)."""
    try:
        p = os.fspath(path)
    except TypeError:
        raise TypeError(f"{what} must be str or os.PathLike, not {type(path).__name__}") from None
    if isinstance(p, bytes):
        p = os.fsdecode(p)
    return p


def _text(value: Any, what: str, optional: bool = False) -> Optional[str]:
    """A text argument: str (or "no value" when optional: None, NaN, pandas NA - what an
    empty cell of a DataFrame holds); TypeError otherwise."""
    if optional and is_missing(value):
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str{' or None' if optional else ''}, "
                        f"not {type(value).__name__}")
    return value


def _date(value: Any, what: str, optional: bool = False) -> Optional[str]:
    """A date argument (see :func:`itsma._values.date_in`)."""
    return date_in(value, what, optional)


def _ids(value: Any, what: str) -> Tuple[str, ...]:
    """A list of ids: any iterable of str, or one str; "no value" (None, NaN) is none."""
    if is_missing(value):
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (bytes, bytearray)):
        raise TypeError(f"{what} must be str or an iterable of str, not {type(value).__name__}")
    try:
        items = tuple(value)
    except TypeError:
        raise TypeError(f"{what} must be str or an iterable of str, "
                        f"not {type(value).__name__}") from None
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"every item of {what} must be str, not {type(item).__name__}")
    return items


def _rating(value: Any) -> Tuple[int, float]:
    """(C letter, value) of a rating given as a letter, its text, or a number."""
    if isinstance(value, Letter):
        return int(value), 0.0
    if isinstance(value, bool):
        raise TypeError("a rating must be a letter or a number, not bool")
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except OverflowError:                       # an int beyond any float: 10**400
            raise InvalidArgumentError(
                f"expected a rating: a letter or a number from 0 to 100, not {value!r:.40}",
                code=ErrorCode.EINVAL) from None
        return _c.ITSMA_LETTER_NONE, number
    if isinstance(value, str):
        letter, number = _c.itsma_py_rating_parse(value)
        return letter, number
    raise TypeError(f"a rating must be a letter (str) or a number, not {type(value).__name__}")


def _limits(max_depth: Optional[int], max_string: Optional[int], max_records: Optional[int],
            max_bytes: Optional[int]) -> Tuple[int, int, int, int]:
    out = []
    for name, v in (("max_depth", max_depth), ("max_string", max_string),
                    ("max_records", max_records), ("max_bytes", max_bytes)):
        if v is None:
            out.append(0)
            continue
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"{name} must be int or None, not {type(v).__name__}")
        if v <= 0:
            raise InvalidArgumentError(f"{name} must be positive", code=ErrorCode.EINVAL)
        out.append(v)
    return out[0], out[1], out[2], out[3]


#: Load limits for re-reading a document this package wrote itself (copies, copy-on-write,
#: pickles): the limits of Catalogue.load()/Assessment.load() are for untrusted input, and
#: a field the library accepted once must not make its own copy fail. The depth stays the
#: default (the formats nest far less); the rest is unbounded in practice.
TRUSTED_LIMITS: Tuple[int, int, int, int] = (0, 1 << 62, 1 << 62, 1 << 62)


def _refuse_init(obj: Any, made_by: str) -> NoReturn:
    """What the ``__init__`` of a class whose objects come from elsewhere does: raise a
    TypeError that says where they come from. (A real ``def __init__`` that calls this,
    rather than an ``__init__`` attribute made by a function, keeps the class typed for
    mypy.)"""
    raise TypeError(f"{type(obj).__name__} objects are not created directly: {made_by}")


def _no_init(made_by: str) -> Callable[..., None]:
    """An __init__ that refuses direct construction and says where objects come from.
    Kept for modules written against it; mypy sees a class that uses it as untyped, so
    new classes write ``def __init__`` calling :func:`_refuse_init` instead."""
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"{type(self).__name__} objects are not created directly: {made_by}")
    __init__.__doc__ = f"Not for direct use: {made_by}"
    return __init__


def _short(text: Optional[str], n: int = 40) -> str:
    if text is None:
        return ""
    return text if len(text) <= n else text[: n - 1] + "\u2026"


class IdentitySet:
    """A set of weak references by identity: objects that compare by value (assessments,
    results) are still told apart, and never hashed (a result's hash reads its JSON)."""

    __slots__ = ("_refs",)

    def __init__(self) -> None:
        self._refs: Dict[int, "weakref.ref[Any]"] = {}

    def add(self, obj: Any) -> None:
        key = id(obj)
        refs = self._refs

        def gone(_: Any, key: int = key) -> None:
            refs.pop(key, None)
        self._refs[key] = weakref.ref(obj, gone)

    def discard(self, obj: Any) -> None:
        ref = self._refs.get(id(obj))
        if ref is not None and ref() is obj:
            del self._refs[id(obj)]

    def __iter__(self) -> Iterator[Any]:
        for ref in list(self._refs.values()):
            obj = ref()
            if obj is not None:
                yield obj

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Pins:
    """Counts calls that read a C object without the GIL, so that nothing changes it then."""

    __slots__ = ("lock", "count")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0

    def __enter__(self) -> "_Pins":
        with self.lock:
            self.count += 1
        return self

    def __exit__(self, *exc: Any) -> None:
        with self.lock:
            self.count -= 1


class View(Sequence[T], Generic[T]):
    """A live, read-only view of a collection of the C library.

    Supports ``len()``, iteration, indexing with ints (negative too) and slices, and
    lookup by id where the items have one: ``result.requirements["8.6.1-01"]`` (a missing
    id raises :class:`~itsma.NotFoundError`, a :class:`KeyError`). ``id in view`` tests for
    an id; :meth:`get` returns a default instead of raising; :meth:`ids` lists the ids.
    The view follows its owner: after a change, it shows the new contents.
    """

    __slots__ = ("_count", "_at", "_find", "_name", "_item", "_key", "_generation")

    def __init__(self, name: str, count: Callable[[], int], at: Callable[[int], Optional[T]],
                 find: Optional[Callable[[Any], Optional[T]]] = None, *,
                 item: Optional[str] = None,
                 key: Optional[Callable[[T], Any]] = None,
                 generation: Optional[Callable[[], int]] = None) -> None:
        self._name = name
        self._item = item or (name[:-1] if name.endswith("s") else name)
        self._count = count
        self._at = at
        self._find = find
        self._key = key
        self._generation = generation

    def _changed(self, start: Optional[int]) -> None:
        if start is not None and self._generation is not None and self._generation() != start:
            raise RuntimeError(f"{self._name} changed during iteration")

    def __len__(self) -> int:
        return int(self._count())

    def _get(self, i: int) -> T:
        n = len(self)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError(f"{self._name} index out of range")
        item = self._at(i)
        if item is None:
            raise IndexError(f"{self._name} index out of range")
        return item

    @overload
    def __getitem__(self, key: int) -> T: ...

    @overload
    def __getitem__(self, key: slice) -> List[T]: ...

    @overload
    def __getitem__(self, key: str) -> T: ...

    def __getitem__(self, key: Any) -> Any:
        key = _key_of(key)
        if isinstance(key, slice):
            return [self._get(i) for i in range(*key.indices(len(self)))]
        if isinstance(key, int) and not isinstance(key, bool):
            return self._get(key)
        if hasattr(key, "__index__") and not isinstance(key, (bool, str, tuple)):
            return self._get(operator.index(key))      # numpy integers and the like
        if self._find is not None and (isinstance(key, (str, tuple))):
            item = self._find(key)
            if item is None:
                raise NotFoundError(f"no {self._item} {_key_text(key)}",
                                    code=ErrorCode.ENOTFOUND)
            return item
        if self._find is not None:
            raise TypeError(f"{self._name} indices must be int, slice or str, "
                            f"not {type(key).__name__}")
        raise TypeError(f"{self._name} indices must be int or slice, not {type(key).__name__}")

    def __iter__(self) -> Iterator[T]:
        # Like a dict: changing the collection while iterating over it raises RuntimeError
        # (an iteration by index over a list that shrinks would silently skip items).
        start = self._generation() if self._generation is not None else None
        for i in range(len(self)):
            self._changed(start)
            item = self._at(i)
            if item is not None:
                yield item
        self._changed(start)

    def __reversed__(self) -> Iterator[T]:
        start = self._generation() if self._generation is not None else None
        for i in reversed(range(len(self))):
            self._changed(start)
            item = self._at(i)
            if item is not None:
                yield item
        self._changed(start)

    def __contains__(self, key: object) -> bool:
        key = _key_of(key)
        if self._find is not None and isinstance(key, (str, tuple)):
            return self._find(key) is not None
        return any(item == key for item in self)

    def get(self, key: Any, default: Any = None) -> Any:
        """The item with that id, or *default* when there is none."""
        if self._find is None:
            raise TypeError(f"{self._name} have no ids")
        item = self._find(_key_of(key))
        return default if item is None else item

    def ids(self) -> List[Any]:
        """The ids of the items, in order (what ``view[id]`` accepts)."""
        if self._find is None:
            raise TypeError(f"{self._name} have no ids")
        key = self._key or (lambda item: getattr(item, "id"))
        return [key(item) for item in self]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, View):
            return list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        n = len(self)
        return f"<itsma {self._name}: {n} item{'s' if n != 1 else ''}>"


def _key_of(key: Any) -> Any:
    """An object given as a key by its id: ``asm.ratings[requirement]``,
    ``res.requirements[gap]``, ``asm.attributes[process, "PA2.1"]`` (catalogue objects and
    result entries have an ``id``)."""
    if isinstance(key, (str, int, slice)):
        return key
    if isinstance(key, tuple):
        return tuple(_key_of(k) for k in key)
    ident = getattr(key, "id", None)
    return ident if isinstance(ident, str) else key


def _key_text(key: Any) -> str:
    if isinstance(key, tuple):
        return "/".join(str(k) for k in key)
    return repr(key)


def _linear_find(view_items: Callable[[], Iterator[Any]], attr: str = "id"
                 ) -> Callable[[Any], Any]:
    def find(key: Any) -> Any:
        if not isinstance(key, str):
            return None
        for item in view_items():
            if getattr(item, attr) == key:
                return item
        return None
    return find
