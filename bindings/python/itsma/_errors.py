# SPDX-License-Identifier: Apache-2.0
"""Exceptions raised by itsma.

Every failure of the C library becomes an exception: never a return code, never a crash.
All of them derive from :class:`Error`, which carries the details of the C library's
``itsma_error`` (code, message, source, line, column, byte offset, JSON Pointer, errno),
and each also derives from the matching built-in exception, so ordinary handlers work::

    try:
        cat = itsma.Catalogue.load("cat.json")
    except FileNotFoundError:          # an ItsmaOSError with errno ENOENT
        ...
    except ValueError as e:            # ParseError, ValidationError, ...
        print(f"{e.source}:{e.line}:{e.column}: {e.message}")

This module is pure Python: the extension imports it lazily and calls :func:`_from_c`.
"""

from __future__ import annotations

import enum
import errno as _errno
import os
from typing import Dict, Optional, Type

__all__ = [
    "ErrorCode",
    "Error",
    "ParseError",
    "ValidationError",
    "SchemaError",
    "NotFoundError",
    "AlreadyExistsError",
    "ItsmaOSError",
    "ItsmaMemoryError",
    "InvalidArgumentError",
    "LimitError",
    "StateError",
]


class ErrorCode(enum.IntEnum):
    """The C library's error codes (``itsma_error_code``; append-only, never renumbered)."""

    OK = 0
    ERROR = -1
    ENOMEM = -2
    EINVAL = -3
    EIO = -4
    EPARSE = -5
    ESCHEMA = -6
    ENOTFOUND = -7
    EEXISTS = -8
    ELIMIT = -9
    ESTATE = -10

    def __str__(self) -> str:
        return "ITSMA_" + self.name


class Error(Exception):
    """Base class of every itsma exception.

    Attributes
    ----------
    code : ErrorCode or int
        The C error code (``ErrorCode.EPARSE``, ...).
    message : str
        What went wrong, without position.
    source : str or None
        The file name, ``"<string>"`` or ``"<buffer>"``; None when unknown.
    line, column : int or None
        1-based position in the input (column in code points); None when not applicable.
    offset : int or None
        Byte offset into the (UTF-8) input, when a position is known.
    pointer : str or None
        RFC 6901 JSON Pointer of the offending value (``"/ratings/3/rating"``).
    errno : int or None
        The system error number of an I/O failure.

    ``str(e)`` is formatted the way compilers print errors:
    ``source:line:column: message``, or ``source: /pointer: message``.
    """

    code: int
    message: str
    source: Optional[str]
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]
    pointer: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: int = ErrorCode.ERROR,
        source: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
        pointer: Optional[str] = None,
        errno: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        _fill(self, message, code, source, line, column, offset, pointer, errno)

    @property
    def name(self) -> str:
        """The symbolic name of the code, for example ``"ITSMA_EPARSE"``."""
        try:
            return str(ErrorCode(self.code))
        except ValueError:
            return "ITSMA_UNKNOWN"

    def __str__(self) -> str:
        return _format(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_format(self)!r}, code={self.name})"

    def __reduce__(self):  # type: ignore[override]
        state = dict(self.__dict__)
        if isinstance(self, OSError):
            state["errno"] = self.errno
            state["filename"] = self.filename
        return (_rebuild, (type(self), state))


def _fill(
    e: BaseException,
    message: str,
    code: int,
    source: Optional[str],
    line: Optional[int],
    column: Optional[int],
    offset: Optional[int],
    pointer: Optional[str],
    errno: Optional[int],
) -> None:
    try:
        code = ErrorCode(code)
    except ValueError:
        pass
    d = e.__dict__
    d["code"] = code
    d["message"] = message
    d["source"] = source or None
    d["line"] = line or None
    d["column"] = column or None
    d["offset"] = offset if line else None
    d["pointer"] = pointer or None
    if not isinstance(e, OSError):
        d["errno"] = errno or None


def _format(e: Error) -> str:
    where = e.source or ""
    if e.line:
        return f"{where or '<input>'}:{e.line}:{e.column or 0}: {e.message}"
    if e.pointer:
        return f"{where + ': ' if where else ''}{e.pointer}: {e.message}"
    if where:
        return f"{where}: {e.message}"
    return e.message


def _rebuild(cls: type, state: dict) -> BaseException:
    state = dict(state)
    e = cls.__new__(cls)
    if isinstance(e, OSError):
        err, filename = state.pop("errno", None), state.pop("filename", None)
        OSError.__init__(e, err or 0, state.get("message"), filename)
        if not err:
            e.errno = None
    else:
        Exception.__init__(e, state.get("message"))
    e.__dict__.update(state)
    return e


class ParseError(Error, ValueError):
    """A JSON syntax error or invalid UTF-8 (``ITSMA_EPARSE``).

    Shaped like :class:`json.JSONDecodeError`: besides :attr:`line` and :attr:`column`
    it offers ``lineno``, ``colno``, ``pos`` (the byte offset) and ``msg``.
    """

    @property
    def lineno(self) -> Optional[int]:
        """Alias of :attr:`line` (as in :class:`json.JSONDecodeError`)."""
        return self.line

    @property
    def colno(self) -> Optional[int]:
        """Alias of :attr:`column`."""
        return self.column

    @property
    def pos(self) -> Optional[int]:
        """Alias of :attr:`offset` (a byte offset into the UTF-8 input)."""
        return self.offset

    @property
    def msg(self) -> str:
        """Alias of :attr:`message`."""
        return self.message


class ValidationError(Error, ValueError):
    """Valid JSON of the wrong shape or breaking a rule (``ITSMA_ESCHEMA``).

    :attr:`pointer` names the offending value; :attr:`line` and :attr:`column` give its
    place in the file where known.
    """


#: Alias of :class:`ValidationError` (the C code is ``ITSMA_ESCHEMA``).
SchemaError = ValidationError


class NotFoundError(Error, KeyError):
    """No such object: an id, a file's built-in catalogue, a section to score
    (``ITSMA_ENOTFOUND``). A :class:`LookupError` (precisely a :class:`KeyError`), so it
    is also what looking up a missing id in a collection raises."""


class AlreadyExistsError(Error, ValueError):
    """An object with that id already exists (``ITSMA_EEXISTS``)."""


class InvalidArgumentError(Error, ValueError):
    """An invalid argument, or a change that would break a rule (``ITSMA_EINVAL``)."""


class LimitError(Error, ValueError):
    """A documented limit (nesting depth, string length, record count, input size) was
    exceeded (``ITSMA_ELIMIT``)."""


class StateError(Error, RuntimeError):
    """An object was changed behind the back of one that depends on it: a live scorer's
    catalogue, a result's assessment (``ITSMA_ESTATE``)."""


class ItsmaMemoryError(Error, MemoryError):
    """The C library ran out of memory (``ITSMA_ENOMEM``)."""


class ItsmaOSError(Error, OSError):
    """A file could not be read or written (``ITSMA_EIO``).

    An :class:`OSError` with :attr:`errno`, :attr:`strerror` and :attr:`filename` set.
    For the common errno values the exception is also the matching built-in subclass,
    so ``except FileNotFoundError`` and ``except PermissionError`` work.
    """

    def __init__(
        self,
        message: str,
        *,
        code: int = ErrorCode.EIO,
        source: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
        pointer: Optional[str] = None,
        errno: Optional[int] = None,
    ) -> None:
        OSError.__init__(self, errno or 0, message, source)
        if not errno:
            self.errno = None
        _fill(self, message, code, source, line, column, offset, pointer, errno)

    def __str__(self) -> str:
        return _format(self)


def _os_subclass(name: str, builtin: Type[OSError]) -> Type[ItsmaOSError]:
    cls = type(name, (ItsmaOSError, builtin), {"__doc__": f"An :class:`ItsmaOSError` that is "
                                                         f"also a :class:`{builtin.__name__}`.",
                                               "__module__": __name__})
    return cls  # type: ignore[return-value]


ItsmaFileNotFoundError = _os_subclass("ItsmaFileNotFoundError", FileNotFoundError)
ItsmaPermissionError = _os_subclass("ItsmaPermissionError", PermissionError)
ItsmaIsADirectoryError = _os_subclass("ItsmaIsADirectoryError", IsADirectoryError)
ItsmaNotADirectoryError = _os_subclass("ItsmaNotADirectoryError", NotADirectoryError)
ItsmaFileExistsError = _os_subclass("ItsmaFileExistsError", FileExistsError)

_OS_BY_ERRNO: Dict[int, Type[ItsmaOSError]] = {
    _errno.ENOENT: ItsmaFileNotFoundError,
    _errno.EACCES: ItsmaPermissionError,
    _errno.EPERM: ItsmaPermissionError,
    _errno.EISDIR: ItsmaIsADirectoryError,
    _errno.ENOTDIR: ItsmaNotADirectoryError,
    _errno.EEXIST: ItsmaFileExistsError,
}

_BY_CODE: Dict[int, Type[Error]] = {
    ErrorCode.ERROR: Error,
    ErrorCode.ENOMEM: ItsmaMemoryError,
    ErrorCode.EINVAL: InvalidArgumentError,
    ErrorCode.EIO: ItsmaOSError,
    ErrorCode.EPARSE: ParseError,
    ErrorCode.ESCHEMA: ValidationError,
    ErrorCode.ENOTFOUND: NotFoundError,
    ErrorCode.EEXISTS: AlreadyExistsError,
    ErrorCode.ELIMIT: LimitError,
    ErrorCode.ESTATE: StateError,
}


def _from_c(
    code: int,
    message: str,
    source: str,
    line: int,
    column: int,
    offset: int,
    pointer: str,
    sys_errno: int,
) -> Error:
    """Build the exception for a filled ``itsma_error`` (called by the extension)."""
    cls = _BY_CODE.get(code, Error)
    if cls is ItsmaOSError and sys_errno in _OS_BY_ERRNO:
        cls = _OS_BY_ERRNO[sys_errno]
    if not message:
        message = os.strerror(sys_errno) if sys_errno else "unknown error"
    return cls(message, code=code, source=source, line=line, column=column, offset=offset,
               pointer=pointer, errno=sys_errno)
