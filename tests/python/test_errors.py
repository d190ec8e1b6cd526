# SPDX-License-Identifier: Apache-2.0
"""Every exception type, with its fields; wrong argument types raise TypeError."""

from __future__ import annotations

import errno
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

import itsma
from itsma import _errors

SYNTAX = '{\n  "format": "itsma-catalogue/1",\n  "id" "x"\n}\n'
BAD_WEIGHT = ('{"format": "itsma-catalogue/1", "id": "x", "title": "t",\n'
              ' "sections": [{"id": "s", "title": "T", "weight": -1}]}')


def test_hierarchy():
    assert issubclass(itsma.ParseError, (itsma.Error, ValueError))
    assert issubclass(itsma.ValidationError, itsma.Error)
    assert issubclass(itsma.ValidationError, ValueError)
    assert itsma.SchemaError is itsma.ValidationError
    assert issubclass(itsma.NotFoundError, itsma.Error)
    assert issubclass(itsma.NotFoundError, LookupError)
    assert issubclass(itsma.ItsmaOSError, itsma.Error) and issubclass(itsma.ItsmaOSError, OSError)
    assert issubclass(itsma.ItsmaMemoryError, itsma.Error)
    assert issubclass(itsma.ItsmaMemoryError, MemoryError)
    assert issubclass(itsma.InvalidArgumentError, itsma.Error)
    assert issubclass(itsma.InvalidArgumentError, ValueError)
    assert issubclass(itsma.LimitError, itsma.Error) and issubclass(itsma.LimitError, ValueError)
    assert issubclass(itsma.AlreadyExistsError, itsma.Error)
    assert issubclass(itsma.Error, Exception)


def test_parse_error_fields():
    with pytest.raises(itsma.ParseError) as info:
        itsma.Catalogue.from_string(SYNTAX, source="cat.json")
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, itsma.Error)
    assert e.code == itsma.ErrorCode.EPARSE and e.name == "ITSMA_EPARSE"
    assert (e.source, e.line, e.column) == ("cat.json", 3, 8)
    assert e.offset == SYNTAX.index('"x"')
    assert (e.lineno, e.colno, e.pos, e.msg) == (3, 8, e.offset, e.message)
    assert e.pointer is None and e.errno is None
    assert "expected" in e.message
    assert str(e) == f"cat.json:3:8: {e.message}"
    assert repr(e).startswith("ParseError(") and repr(e).endswith("code=ITSMA_EPARSE)")


def test_parse_error_from_file(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text(SYNTAX)
    with pytest.raises(itsma.ParseError) as info:
        itsma.Catalogue.load(p)
    assert info.value.source == str(p) and info.value.line == 3


def test_parse_error_invalid_utf8():
    with pytest.raises(itsma.ParseError) as info:
        itsma.Catalogue.from_string(b'{"a": "\xff"}')
    assert (info.value.line, info.value.column) == (1, 8)


def test_column_counts_code_points():
    text = '{"format": "itsma-catalogue/1", "id": "é€😀" "x"}'
    with pytest.raises(itsma.ParseError) as info:
        itsma.Catalogue.from_string(text)
    assert info.value.column == text.index('"x"') + 1        # code points, 1-based
    assert info.value.offset == len(text[: text.index('"x"')].encode())  # bytes


def test_validation_error_fields():
    with pytest.raises(itsma.ValidationError) as info:
        itsma.Catalogue.from_string(BAD_WEIGHT)
    e = info.value
    assert isinstance(e, itsma.SchemaError) and isinstance(e, ValueError)
    assert e.code == itsma.ErrorCode.ESCHEMA
    assert e.pointer == "/sections/0/weight"
    column = BAD_WEIGHT.split("\n")[1].index("-1") + 1
    assert (e.line, e.column) == (2, column)
    assert str(e) == f"<string>:2:{column}: {e.message}"


def test_validation_error_assessment(cat):
    text = ('{"format": "itsma-assessment/1", "id": "a", "catalogue": "test:small",'
            ' "date": "2026-01-01", "ratings": [{"requirement": "8.1-01", "rating": "Q"}]}')
    with pytest.raises(itsma.ValidationError) as info:
        itsma.Assessment.from_string(text, cat)
    assert info.value.pointer == "/ratings/0/rating"
    text = text.replace('"test:small"', '"other"').replace('"Q"', '"L"')
    with pytest.raises(itsma.ValidationError) as info:
        itsma.Assessment.from_string(text, cat)
    assert info.value.pointer == "/catalogue"


def test_not_found_error():
    with pytest.raises(itsma.NotFoundError) as info:
        itsma.Catalogue.builtin("nope")
    e = info.value
    assert isinstance(e, LookupError) and isinstance(e, KeyError)
    assert e.code == itsma.ErrorCode.ENOTFOUND and "nope" in str(e)
    text = ('{"format": "itsma-assessment/1", "id": "a", "catalogue": "nope",'
            ' "date": "2026-01-01"}')
    with pytest.raises(itsma.NotFoundError) as info:
        itsma.Assessment.from_string(text)
    assert info.value.pointer == "/catalogue" and info.value.line == 1


def test_os_error_missing_file(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(itsma.ItsmaOSError) as info:
        itsma.Catalogue.load(missing)
    e = info.value
    assert isinstance(e, OSError) and isinstance(e, FileNotFoundError)
    assert e.errno == errno.ENOENT and e.filename == str(missing)
    assert e.strerror == e.message and e.code == itsma.ErrorCode.EIO
    assert e.source == str(missing)
    assert str(e).startswith(str(missing) + ": ")
    with pytest.raises(FileNotFoundError):
        itsma.Assessment.load(missing)


def test_os_error_directory_and_save(tmp_path, cat, asm):
    with pytest.raises(itsma.ItsmaOSError) as info:
        itsma.Catalogue.load(tmp_path)
    assert info.value.errno == errno.EISDIR and isinstance(info.value, IsADirectoryError)
    target = tmp_path / "no" / "such" / "dir.json"
    with pytest.raises(itsma.ItsmaOSError) as info:
        cat.save(target)
    assert info.value.errno == errno.ENOENT and info.value.filename == str(target)
    with pytest.raises(FileNotFoundError):
        asm.save(target)
    with pytest.raises(OSError):
        asm.save(tmp_path)                      # a folder, not a file


def test_limit_error():
    with pytest.raises(itsma.LimitError) as info:
        itsma.Catalogue.from_string("[[[[1]]]]", max_depth=2)
    e = info.value
    assert isinstance(e, ValueError) and e.code == itsma.ErrorCode.ELIMIT
    assert (e.line, e.column) == (1, 3)
    with pytest.raises(itsma.LimitError):
        itsma.Catalogue.from_string("{}", max_bytes=1)
    with pytest.raises(itsma.LimitError):
        itsma.Catalogue.from_string('{"format": "' + "x" * 100 + '"}', max_string=10)
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.Catalogue.from_string("{}", max_depth=0)


def test_limit_error_records(catalogue_path):
    with pytest.raises(itsma.LimitError):
        itsma.Catalogue.load(catalogue_path, max_records=1)


def test_invalid_argument_error(cat):
    with pytest.raises(itsma.InvalidArgumentError) as info:
        itsma.Assessment.new(cat, "a", "2026-02-29")
    e = info.value
    assert isinstance(e, ValueError) and e.code == itsma.ErrorCode.EINVAL
    assert e.line is None and e.source is None and str(e) == e.message
    with pytest.raises(itsma.InvalidArgumentError):
        itsma.parse_rating("excellent")


def test_already_exists_error():
    cat = itsma.Catalogue.new("c", "C")
    cat.add_section("1", "One")
    with pytest.raises(itsma.AlreadyExistsError) as info:
        cat.add_section("1", "Again")
    assert isinstance(info.value, ValueError)
    assert info.value.code == itsma.ErrorCode.EEXISTS


def test_memory_error_mapping():
    e = _errors._from_c(-2, "out of memory", "", 0, 0, 0, "", 0)
    assert type(e) is itsma.ItsmaMemoryError and isinstance(e, MemoryError)
    assert e.code == itsma.ErrorCode.ENOMEM and str(e) == "out of memory"


def test_generic_and_unknown_codes():
    e = _errors._from_c(-1, "boom", "src", 0, 0, 0, "/a/b", 0)
    assert type(e) is itsma.Error and str(e) == "src: /a/b: boom"
    e = _errors._from_c(-99, "", "", 0, 0, 0, "", 0)
    assert type(e) is itsma.Error and e.code == -99 and e.name == "ITSMA_UNKNOWN"
    e = _errors._from_c(-4, "", "f", 0, 0, 0, "", errno.EACCES)
    assert isinstance(e, PermissionError) and e.errno == errno.EACCES
    assert e.message == os.strerror(errno.EACCES)


def test_error_codes_match_the_library():
    from itsma import itsma as c
    for code in itsma.ErrorCode:
        assert getattr(c, "ITSMA_" + code.name) == code.value
        assert c.itsma_error_code_name(code.value) == str(code)


def test_exceptions_pickle(tmp_path):
    errors = []
    for fn in (lambda: itsma.Catalogue.from_string(SYNTAX),
               lambda: itsma.Catalogue.from_string(BAD_WEIGHT),
               lambda: itsma.Catalogue.load(tmp_path / "missing.json"),
               lambda: itsma.Catalogue.builtin("nope")):
        with pytest.raises(itsma.Error) as info:
            fn()
        errors.append(info.value)
    for e in errors:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e) and str(back) == str(e)
        assert (back.code, back.line, back.column, back.pointer, back.source) == (
            e.code, e.line, e.column, e.pointer, e.source)
        assert getattr(back, "errno", None) == getattr(e, "errno", None)


def test_type_errors(asm, cat):
    cases = [
        lambda: itsma.Catalogue.load(None),
        lambda: itsma.Catalogue.from_string(["{}"]),
        lambda: itsma.Catalogue.builtin(1),
        lambda: itsma.Assessment.new(cat, 1, "2026-01-01"),
        lambda: itsma.Assessment.new(cat, "a", 20260101),
        lambda: asm.rate("8.1-01", object()),
        lambda: asm.rate("8.1-01", "L", note=1),
        lambda: asm.rate_attribute("8.1", None, "L"),
        lambda: asm.add_evidence("E", "T", 3, "2026-01-01"),
        lambda: asm.exclude("8.1", reason=None),
        lambda: asm.score(section=1),
        lambda: asm.save(None),
        lambda: asm.evidence[1.0],
        lambda: cat.add_requirement("8.1", "x", "t", weight=None),
        lambda: itsma.compare(asm, asm),
        lambda: itsma.parse_rating(5),
        lambda: itsma.is_valid_id(None),
    ]
    for case in cases:
        with pytest.raises(TypeError):
            case()


def test_out_of_memory_is_an_exception():
    """Under an address-space limit the library reports ENOMEM instead of crashing or
    reporting something else. Tried with several limits, so that allocations fail in
    different places."""
    script = textwrap.dedent("""
        import resource, gc, itsma
        big = ('{"format": "itsma-catalogue/1", "id": "big", "title": "t", "sections": ['
               + ",".join('{"id": "s%d", "title": "%s", "requirements": [{"id": "r%d", '
                          '"text": "t"}]}' % (i, "x" * 200, i) for i in range(40000)) + "]}")
        itsma.Catalogue.from_string(big)              # valid without a limit
        gc.collect()
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        for extra in (4, 8, 16, 24, 32, 48, 64):
            resource.setrlimit(resource.RLIMIT_AS, (vm + extra * 2**20, resource.RLIM_INFINITY))
            try:
                itsma.Catalogue.from_string(big)
                outcome = "ok"
            except itsma.ItsmaMemoryError:
                outcome = "ItsmaMemoryError"
            except itsma.Error as e:
                outcome = "%s: %s" % (type(e).__name__, e)
            except MemoryError:
                outcome = "MemoryError"                # Python's own allocation failed
            resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)
            print(outcome)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr          # no crash, whatever happened
    outcomes = out.stdout.splitlines()
    if "ItsmaMemoryError" not in outcomes:
        pytest.skip(f"could not make the library run out of memory: {outcomes}")
    # Anything else is a misreport (at bb58055 the loader called a tree that json-c left
    # incomplete for lack of memory a "duplicate key").
    wrong = [o for o in outcomes if o not in ("ok", "ItsmaMemoryError", "MemoryError")]
    assert wrong == []
