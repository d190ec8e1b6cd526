# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the itsma Python test suite.

Run by CTest (test `python`) with the interpreter that built the module and PYTHONPATH set
to the build-tree package; by hand:

    PYTHONPATH=build/bindings/python /usr/bin/python3 -m pytest -q tests/python

Environment (optional): ITSMA_LIBRARY, the built libitsma (for the C-API parity tests;
by default the copy the extension loaded), and ITSMA_CLI, the built `itsma` program.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import os
import pathlib
from typing import Optional

import pytest

import itsma

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "data"


@pytest.fixture(scope="session")
def data_dir() -> pathlib.Path:
    return DATA


@pytest.fixture(scope="session")
def catalogue_path() -> pathlib.Path:
    return DATA / "catalogue.json"


@pytest.fixture(scope="session")
def assessment_path() -> pathlib.Path:
    return DATA / "assessment.json"


@pytest.fixture
def cat(catalogue_path: pathlib.Path) -> itsma.Catalogue:
    return itsma.Catalogue.load(catalogue_path)


@pytest.fixture
def asm(assessment_path: pathlib.Path, cat: itsma.Catalogue) -> itsma.Assessment:
    return itsma.Assessment.load(assessment_path, catalogue=cat)


@pytest.fixture
def res(asm: itsma.Assessment) -> itsma.Result:
    return asm.score()


@pytest.fixture(scope="session")
def iso() -> itsma.Catalogue:
    return itsma.Catalogue.builtin("iso20000-1:2018")


@pytest.fixture(autouse=True)
def _collect():
    """Collect garbage after every test, so that a lifetime bug crashes close to its test."""
    yield
    gc.collect()


# ---- the C API through ctypes (an independent path to compare against) ----------------------


class CError(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_int),
        ("sys_errno", ctypes.c_int),
        ("line", ctypes.c_int),
        ("column", ctypes.c_int),
        ("offset", ctypes.c_size_t),
        ("source", ctypes.c_char * 160),
        ("pointer", ctypes.c_char * 160),
        ("message", ctypes.c_char * 256),
        ("reserved", ctypes.c_ulonglong * 8),
    ]


class CScoreOptions(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("evidence_policy", ctypes.c_int),
        ("section", ctypes.c_char_p),
    ]


class CApi:
    """Just enough of the C API, called directly, to produce result and diff JSON."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib = lib
        vp = ctypes.c_void_p
        pvp = ctypes.POINTER(vp)
        err = ctypes.POINTER(CError)
        lib.itsma_catalogue_load_file.argtypes = [pvp, ctypes.c_char_p, vp, err]
        lib.itsma_catalogue_builtin.argtypes = [pvp, ctypes.c_char_p, err]
        lib.itsma_catalogue_free.argtypes = [vp]
        lib.itsma_assessment_load_file.argtypes = [pvp, ctypes.c_char_p, vp, vp, err]
        lib.itsma_assessment_free.argtypes = [vp]
        lib.itsma_score.argtypes = [pvp, vp, ctypes.POINTER(CScoreOptions), err]
        lib.itsma_result_free.argtypes = [vp]
        lib.itsma_result_to_json.argtypes = [pvp, vp, err]
        lib.itsma_compare.argtypes = [pvp, vp, vp, err]
        lib.itsma_diff_free.argtypes = [vp]
        lib.itsma_diff_to_json.argtypes = [pvp, vp, err]
        lib.itsma_free.argtypes = [vp]

    def _check(self, rc: int, e: CError) -> None:
        if rc < 0:
            raise RuntimeError(f"C API error {rc}: {e.message.decode()}")

    def _string(self, fn, obj) -> str:
        out = ctypes.c_void_p()
        e = CError()
        self._check(fn(ctypes.byref(out), obj, ctypes.byref(e)), e)
        try:
            return ctypes.string_at(out.value).decode("utf-8")
        finally:
            self.lib.itsma_free(out)

    def score_json(self, assessment: os.PathLike, catalogue: Optional[os.PathLike] = None,
                   policy: int = 0, section: Optional[str] = None,
                   compare_with: Optional[os.PathLike] = None) -> str:
        """Score (and optionally compare two assessments) through the C API; the JSON."""
        lib = self.lib
        e = CError()
        cat = ctypes.c_void_p()
        if catalogue is not None:
            self._check(lib.itsma_catalogue_load_file(ctypes.byref(cat),
                                                      os.fsencode(catalogue), None,
                                                      ctypes.byref(e)), e)
        objects = []
        try:
            results = []
            for path in ([compare_with] if compare_with else []) + [assessment]:
                a = ctypes.c_void_p()
                self._check(lib.itsma_assessment_load_file(ctypes.byref(a), os.fsencode(path),
                                                           cat, None, ctypes.byref(e)), e)
                objects.append((lib.itsma_assessment_free, a))
                opts = CScoreOptions(1, policy, section.encode() if section else None)
                r = ctypes.c_void_p()
                self._check(lib.itsma_score(ctypes.byref(r), a, ctypes.byref(opts),
                                            ctypes.byref(e)), e)
                objects.append((lib.itsma_result_free, r))
                results.append(r)
            if compare_with:
                d = ctypes.c_void_p()
                self._check(lib.itsma_compare(ctypes.byref(d), results[0], results[1],
                                              ctypes.byref(e)), e)
                objects.append((lib.itsma_diff_free, d))
                return self._string(lib.itsma_diff_to_json, d)
            return self._string(lib.itsma_result_to_json, results[0])
        finally:
            for free, obj in reversed(objects):
                free(obj)
            lib.itsma_catalogue_free(cat)


@pytest.fixture(scope="session")
def capi() -> CApi:
    path = os.environ.get("ITSMA_LIBRARY")
    if path:
        lib = ctypes.CDLL(path)
    else:
        # The extension has loaded libitsma already; dlopen finds it by its soname.
        try:
            lib = ctypes.CDLL("libitsma.so.1")
        except OSError:
            pytest.skip("set ITSMA_LIBRARY to the built libitsma")
    return CApi(lib)


@pytest.fixture(scope="session")
def cli() -> Optional[str]:
    path = os.environ.get("ITSMA_CLI")
    if path and os.access(path, os.X_OK):
        return path
    return None


def rss_bytes() -> int:
    """Resident set size of this process (from /proc/self/statm)."""
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def load_json(text: str):
    return json.loads(text)
