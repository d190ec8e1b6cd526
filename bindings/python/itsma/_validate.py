# SPDX-License-Identifier: Apache-2.0
"""Validation that reports every problem of a document: :func:`validate_file`,
:func:`validate_string` (the C library's ``itsma/validate.h``)."""

from __future__ import annotations

from typing import List, NamedTuple, Optional, Union

from . import itsma as _c
from ._assessment import _catalogue
from ._catalogue import Catalogue
from ._core import PathLike, _path, _text
from ._enums import _words
from ._errors import Error, _from_c

__all__ = ["Validation", "validate_file", "validate_string"]

_KINDS = {code: word for word, code in _words(_c.itsma_document_kind_name,
                                               _c.ITSMA_DOCUMENT_KIND_CATALOGUE,
                                               _c.ITSMA_DOCUMENT_KIND_ASSESSMENT,
                                               _c.ITSMA_DOCUMENT_KIND_MAPPING).items()}


class Validation(NamedTuple):
    """What validating a document found.

    ``kind`` is ``"catalogue"``, ``"assessment"``, ``"mapping"`` or None (no known
    ``"format"``);
    ``problems`` lists every problem in document order, each an :class:`Error` (the same
    exception a load would raise for it, not raised) with its source, line, column and JSON
    Pointer. A document is valid when there is none: ``if validation.ok: ...``.
    """

    kind: Optional[str]
    problems: List[Error]

    @property
    def ok(self) -> bool:
        """True when the document has no problem."""
        return not self.problems


def _validation(t: tuple) -> Validation:
    kind, problems = t
    return Validation(_KINDS.get(kind), [_from_c(*p) for p in problems])


def validate_file(path: PathLike, catalogue: Union[Catalogue, str, None] = None) -> Validation:
    """Validate a catalogue, assessment or mapping file and report every problem, not just
    the first (a load stops at the first). An assessment is checked against *catalogue* (a
    :class:`Catalogue` or a built-in id), or by default the built-in catalogue its
    ``catalogue`` member names; a mapping's source and target likewise (*catalogue* serves
    the side with its id, the built-ins the other). A file that cannot be read is one
    problem (an :class:`ItsmaOSError`)."""
    cat = _catalogue(catalogue, optional=True)
    p = _path(path)
    if cat is None:
        return _validation(_c.itsma_py_validate_file(p, None))
    with cat._pins:
        return _validation(_c.itsma_py_validate_file(p, cat._p))


def validate_string(text: Union[str, bytes], catalogue: Union[Catalogue, str, None] = None,
                    source: Optional[str] = None) -> Validation:
    """Validate a catalogue, assessment or mapping held in a string; *source* names it in the
    problems (default ``"<string>"``). See :func:`validate_file`."""
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    cat = _catalogue(catalogue, optional=True)
    name = _text(source, "source", optional=True) or "<string>"
    if cat is None:
        return _validation(_c.itsma_py_validate_buffer(text, name, None))
    with cat._pins:
        return _validation(_c.itsma_py_validate_buffer(text, name, cat._p))
