# SPDX-License-Identifier: Apache-2.0
"""Values where Python code meets itsma: word-valued enums, dates in and out, "no value".

Any wrapper module can adopt these with one line:

* :class:`WordEnum` - the base of every itsma enum. A member *is* its word in the JSON
  formats (a ``str``): ``Verdict.NONCONFORMANT == "nonconformant"``, ``json.dumps`` writes
  the word, a pandas column of members filters with ``df.status == "rated"``. The C
  library's number is :attr:`WordEnum.code` (and ``int(member)``).
* :func:`date_in` - a date argument: ``"YYYY-MM-DD"``, :class:`datetime.date`,
  :class:`datetime.datetime` at midnight, pandas ``Timestamp``, numpy ``datetime64``;
  None / NaN / NaT mean "no value" where a value is optional.
* :func:`date_out` - the library's ``"YYYY-MM-DD"`` text as a :class:`datetime.date`.
* :func:`is_missing` - None, a float NaN, pandas ``NaT``/``NA``: "no value".
"""

from __future__ import annotations

import datetime
import enum
import math
from typing import Any, Optional, Type, TypeVar, Union

from ._errors import ErrorCode, InvalidArgumentError

__all__ = ["WordEnum", "date_in", "date_out", "is_missing"]

E = TypeVar("E", bound="WordEnum")


class WordEnum(str, enum.Enum):
    """An enum whose members are their words in the JSON formats.

    A member compares equal to its word and hashes like it (``Status.RATED == "rated"``,
    ``{"rated": 1}[Status.RATED]``), serialises as it (``json.dumps``, CSV, pandas) and
    prints as it. The C library's number is :attr:`code` (also ``int(member)``); members
    of one enum order by that number (``Letter.P < Letter.L``, ``Verdict`` from conformant
    to nonconformant), and ordering against anything else raises :class:`TypeError`
    rather than comparing text. Calling the enum with a word or a code returns the member:
    ``Verdict("conformant")``, ``Verdict(0)``.

    Members are declared as ``NAME = ("word", code)``.
    """

    _code: int

    def __new__(cls, word: str, code: int) -> "WordEnum":
        obj = str.__new__(cls, word)
        obj._value_ = word
        obj._code = int(code)
        return obj

    @property
    def code(self) -> int:
        """The C library's number of the member (``ITSMA_...``)."""
        return self._code

    @property
    def label(self) -> str:
        """The word used in the JSON formats (the member's value; kept for older code)."""
        return str.__str__(self)

    def __int__(self) -> int:
        return self._code

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return format(str.__str__(self), spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {str.__str__(self)!r}>"

    def __reduce_ex__(self, protocol: Any) -> Any:
        return type(self), (str.__str__(self),)

    # Ordering by the C number within one enum; never by text.
    def _order(self, other: Any) -> int:
        if type(other) is not type(self):
            raise TypeError(f"'<' and the like compare {type(self).__name__} members with "
                            f"each other (by code), not with {type(other).__name__}")
        return self._code - other._code

    def __lt__(self, other: Any) -> bool:
        return self._order(other) < 0

    def __le__(self, other: Any) -> bool:
        return self._order(other) <= 0

    def __gt__(self, other: Any) -> bool:
        return self._order(other) > 0

    def __ge__(self, other: Any) -> bool:
        return self._order(other) >= 0

    __eq__ = str.__eq__
    __ne__ = str.__ne__
    __hash__ = str.__hash__

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            for member in cls:
                if member._code == value:
                    return member
        return None

    @classmethod
    def parse(cls: Type[E], value: Union[E, str, int], what: Optional[str] = None) -> E:
        """Return the member for a member, its word or its code.

        Raises :class:`~itsma.InvalidArgumentError` (a :class:`ValueError`) for an unknown
        word or code, and :class:`TypeError` for anything else.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise TypeError(f"{what or cls.__name__} must be a {cls.__name__} or str, "
                            f"not {type(value).__name__}")
        try:
            return cls(value)
        except ValueError:
            known = ", ".join(repr(str(m)) for m in cls)
            raise InvalidArgumentError(
                f"{what or cls.__name__} must be one of {known}, not {value!r}",
                code=ErrorCode.EINVAL) from None


# ---- "no value" ------------------------------------------------------------------------------

def is_missing(value: Any) -> bool:
    """Whether *value* means "no value": None, a float NaN, pandas ``NaT`` or ``NA``.

    Duck-typed (pandas is not imported): ``NaT`` and ``NA`` are recognised by type name.
    """
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    name = type(value).__name__
    if name in ("NaTType", "NAType"):
        return True
    if name == "datetime64" and str(value) == "NaT":
        return True
    return False


# ---- dates -----------------------------------------------------------------------------------

def date_in(value: Any, what: str, optional: bool = False) -> Optional[str]:
    """A date argument as the library's ``"YYYY-MM-DD"`` text (or None when optional and
    missing).

    Accepts ``"YYYY-MM-DD"`` (checked by the library), :class:`datetime.date`,
    :class:`datetime.datetime` and pandas ``Timestamp`` whose time is midnight (any other
    time raises :class:`~itsma.InvalidArgumentError`: an as-of date is a day, and silently
    dropping the time would hide a mistake), and numpy ``datetime64``. None, NaN and
    ``NaT`` mean "no value": accepted where the value is optional, else
    :class:`~itsma.InvalidArgumentError`.
    """
    if is_missing(value):
        if optional:
            return None
        raise InvalidArgumentError(f"{what} needs a date, not {value!r}", code=ErrorCode.EINVAL)
    if isinstance(value, str):
        return value
    if type(value).__name__ == "datetime64":          # numpy, without importing it
        value = value.astype("datetime64[us]").item()
        if isinstance(value, int):                   # beyond datetime's range
            raise InvalidArgumentError(f"{what}: {value!r} is out of range",
                                       code=ErrorCode.EINVAL)
    if isinstance(value, datetime.datetime):          # pandas Timestamp is one too
        nanos = getattr(value, "nanosecond", 0)
        if (value.hour, value.minute, value.second, value.microsecond, nanos) != (0, 0, 0, 0, 0):
            raise InvalidArgumentError(
                f"{what} must be a date; {value.isoformat()} has a time of day "
                f"(pass .date() to drop it)", code=ErrorCode.EINVAL)
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{what} must be a date (datetime.date or 'YYYY-MM-DD')"
                    f"{' or None' if optional else ''}, not {type(value).__name__}")


def date_out(text: Optional[str]) -> Optional[datetime.date]:
    """The library's ``"YYYY-MM-DD"`` (or None) as a :class:`datetime.date` (or None)."""
    if text is None or text == "":
        return None
    return datetime.date.fromisoformat(text)
