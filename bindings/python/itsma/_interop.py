# SPDX-License-Identifier: Apache-2.0
"""The ecosystem's formats (docs/interop.md): OSCAL catalogs in, OSCAL assessment results and
POA&M out, CISO Assistant libraries both ways and its audit CSV out.

The methods are attached to :class:`Catalogue` and :class:`Result`; the C library does the
work, these only pass the text along. Mapping sets (OSCAL mapping-collection and CISO
Assistant mapping libraries) are methods of :class:`Mapping` itself (``_mapping.py``).
"""

from __future__ import annotations

import os
from typing import Optional, Tuple, Union

from . import itsma as _c
from ._catalogue import Catalogue
from ._core import _text
from ._errors import ErrorCode, _from_c
from ._result import Result


def _document(data: Union[str, bytes, "os.PathLike[str]"],
              what: str) -> Tuple[Union[str, bytes], Optional[str]]:
    """Text to import and its name: a str or bytes document, or a path (os.PathLike). A file
    that cannot be read raises :class:`ItsmaOSError` (a :class:`FileNotFoundError` when it is
    missing), as the library's own loaders do."""
    if isinstance(data, os.PathLike):
        path = os.fspath(data)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        try:
            with open(path, "rb") as f:
                return f.read(), path
        except OSError as e:
            raise _from_c(ErrorCode.EIO, "%s: %s" % (path, e.strerror or e), path, 0, 0, 0, "",
                          e.errno or 0) from None
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (str, bytes)):
        raise TypeError("%s must be str, bytes or a path, not %s" % (what, type(data).__name__))
    return data, None


def _from_oscal(cls, data: Union[str, bytes, os.PathLike], source: Optional[str] = None, *,
                id: Optional[str] = None) -> Catalogue:
    """Make a catalogue from an OSCAL catalog (JSON text, or a path as ``pathlib.Path``).

    OSCAL 1.0.x to 1.2.x. Groups become sections, controls requirements, parameters are
    written into the text, guidance is kept in ``x-oscal-guidance`` (docs/interop.md).
    Keys OSCAL does not define give a :class:`UserWarning`. *id* names the new catalogue
    (default: made from the catalog's title); *source* names the input in messages.

    Raises :class:`ParseError` (JSON syntax) or :class:`ValidationError` (not a usable
    catalog, with ``pointer``, ``line`` and ``column``).
    """
    text, name = _document(data, "data")
    p = _c.CCatalogue.py_from_oscal(text, _text(source or name or "<string>", "source"),
                                    _text(id, "id", optional=True))
    return cls._wrap(p)


def _from_ciso_library(cls, data: Union[str, bytes, os.PathLike], source: Optional[str] = None,
                       *, id: Optional[str] = None) -> Catalogue:
    """Make a catalogue from a CISO Assistant library (YAML text, or a path).

    Assessable requirement nodes become requirements, the others sections; a library that
    :meth:`to_ciso_library` wrote comes back equal. Raises as :meth:`from_oscal`.
    """
    text, name = _document(data, "data")
    p = _c.CCatalogue.py_from_ciso_library(text, _text(source or name or "<string>", "source"),
                                           _text(id, "id", optional=True))
    return cls._wrap(p)


def _to_ciso_library(self: Catalogue, packager: Optional[str] = None) -> str:
    """The catalogue as a CISO Assistant library (YAML), urns ``urn:PACKAGER:risk:...``
    (default packager ``itsma``)."""
    return self._p.py_to_ciso_library(_text(packager, "packager", optional=True))


def _to_oscal_assessment_results(self: Result) -> str:
    """The result as an OSCAL 1.1.2 ``assessment-results`` document (JSON)."""
    return self._p.py_to_oscal_ar()


def _to_oscal_poam(self: Result) -> str:
    """The result's gaps as an OSCAL 1.1.2 ``plan-of-action-and-milestones`` (JSON)."""
    return self._p.py_to_oscal_poam()


def _to_ciso_audit_csv(self: Result, packager: Optional[str] = None) -> str:
    """The result as CSV in CISO Assistant's audit columns (formulas neutralised)."""
    return self._p.py_to_ciso_audit_csv(_text(packager, "packager", optional=True))


Catalogue.from_oscal = classmethod(_from_oscal)  # type: ignore[attr-defined]
Catalogue.from_ciso_library = classmethod(_from_ciso_library)  # type: ignore[attr-defined]
Catalogue.to_ciso_library = _to_ciso_library  # type: ignore[attr-defined]
Result.to_oscal_assessment_results = _to_oscal_assessment_results  # type: ignore[attr-defined]
Result.to_oscal_poam = _to_oscal_poam  # type: ignore[attr-defined]
Result.to_ciso_audit_csv = _to_ciso_audit_csv  # type: ignore[attr-defined]
