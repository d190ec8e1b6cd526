# SPDX-License-Identifier: Apache-2.0
"""x- extension members as a live, dict-like view (C: itsma/extension.h)."""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator, MutableMapping, Optional


class Extensions(MutableMapping[str, Any]):
    """The ``x-`` members of one object, as a live mapping of key to JSON value.

    Reading parses the stored JSON text (``json.loads``); assigning stores ``json.dumps`` of
    the value (NaN and Infinity are refused); ``del`` removes the member. Keys start with
    ``x-``. Changes go through the owner's checks: a catalogue in use by an assessment
    cannot be changed, an assessment is copied first when a result still reads it. Saving
    writes the members back; scoring ignores them.
    """

    __slots__ = ("_count", "_key", "_text", "_set")

    def __init__(self, count: Callable[[], int], key: Callable[[int], Optional[str]],
                 text: Callable[[str], Optional[str]],
                 set_: Callable[[str, Optional[str]], None]) -> None:
        self._count = count
        self._key = key
        self._text = text
        self._set = set_

    def __len__(self) -> int:
        return self._count()

    def __iter__(self) -> Iterator[str]:
        keys = [self._key(i) for i in range(self._count())]
        return iter([k for k in keys if k is not None])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._text(key) is not None

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise KeyError(key)
        t = self._text(key)
        if t is None:
            raise KeyError(key)
        return json.loads(t)

    def __setitem__(self, key: str, value: Any) -> None:
        if not isinstance(key, str):
            raise TypeError(f"extension key must be str, not {type(key).__name__}")
        self._set(key, json.dumps(value, allow_nan=False, ensure_ascii=False))

    def __delitem__(self, key: str) -> None:
        if not isinstance(key, str) or self._text(key) is None:
            raise KeyError(key)
        self._set(key, None)

    def __repr__(self) -> str:
        return f"<itsma.Extensions {dict(self)!r}>"
