# SPDX-License-Identifier: Apache-2.0
"""The bindings give exactly the C library's output: the same result and diff JSON as the
C API called directly (through ctypes) and as the `itsma score` program."""

from __future__ import annotations

import subprocess

import pytest

import itsma


@pytest.fixture(scope="module")
def iso_assessment(tmp_path_factory):
    """A saved assessment of the built-in 2018 catalogue with a bit of everything."""
    iso = itsma.Catalogue.builtin("iso20000-1:2018")
    asm = itsma.Assessment.new(iso, "parity", "2026-11-20")
    asm.organisation = "Parity Ltd"
    asm.add_evidence("EV-1", "Procedure", "document", "2026-10-01", expires="2027-10-01")
    asm.add_evidence("EV-2", "Old record", "record", "2024-01-01", expires="2025-01-01")
    asm.add_evidence("EV-3", "Future", "observation", "2027-01-01")
    asm.add_evidence("EV-4", "Unused", "metric", "2026-01-01")
    letters = ["N", "P-", "P", "P+", "L-", "L", "L+", "F", 12.5, 99]
    for i, req in enumerate(iso.requirements):
        if i % 4 == 3:
            continue
        ev = [["EV-1"], ["EV-2"], ["EV-3"], []][i % 4]
        asm.rate(req, letters[i % len(letters)], evidence=ev)
    for i, p in enumerate(iso.processes):
        asm.rate_attribute(p, "PA2.1", ["L", "F", "P"][i % 3], evidence=["EV-1"])
        if i % 2:
            asm.rate_attribute(p, "PA2.2", "F", evidence=["EV-2"])
    asm.set_target(level=1)
    asm.set_target("8.6.1", 3)
    path = tmp_path_factory.mktemp("parity") / "parity.json"
    asm.save(path)
    return path


CASES = [("required", None), ("advisory", None), ("required", "8.6"),
         ("advisory", "8.6.1")]
SMALL_CASES = [("required", None), ("advisory", None), ("required", "8"),
               ("advisory", "8.1")]


@pytest.mark.parametrize("policy,section", SMALL_CASES)
def test_small_result_matches_c_api(capi, assessment_path, catalogue_path, policy, section):
    cat = itsma.Catalogue.load(catalogue_path)
    res = itsma.Assessment.load(assessment_path, cat).score(policy, section)
    expected = capi.score_json(assessment_path, catalogue_path,
                               policy=int(itsma.EvidencePolicy(policy)), section=section)
    assert res.to_json() == expected


@pytest.mark.parametrize("policy,section", CASES)
def test_builtin_result_matches_c_api(capi, iso_assessment, policy, section):
    res = itsma.Assessment.load(iso_assessment).score(policy, section)
    expected = capi.score_json(iso_assessment, policy=int(itsma.EvidencePolicy(policy)),
                               section=section)
    assert res.to_json() == expected


def test_diff_matches_c_api(capi, assessment_path, catalogue_path, tmp_path):
    cat = itsma.Catalogue.load(catalogue_path)
    before = itsma.Assessment.load(assessment_path, cat)
    after = before.copy()
    after.rate("8.2-01", "F", evidence=["EV-2"])
    after.remove_exclusion("4")
    after_path = tmp_path / "after.json"
    after.save(after_path)
    diff = itsma.compare(before.score(), after.score())
    assert diff.to_json() == capi.score_json(after_path, catalogue_path,
                                             compare_with=assessment_path)


def test_built_in_code_equals_loaded(capi, iso_assessment):
    """An assessment built through the bindings and one loaded from its file score alike."""
    loaded = itsma.Assessment.load(iso_assessment)
    copy = itsma.Assessment.from_string(loaded.to_json(), "iso20000-1:2018")
    assert copy.score().to_json() == loaded.score().to_json() == capi.score_json(
        iso_assessment)


@pytest.mark.parametrize("policy,section", CASES)
def test_result_matches_the_cli(cli, iso_assessment, policy, section):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    args = [cli, "score", "--evidence-policy", policy]
    if section:
        args += ["--section", section]
    out = subprocess.run(args + [str(iso_assessment)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    res = itsma.Assessment.load(iso_assessment).score(policy, section)
    assert res.to_json() == out.stdout


def test_small_result_matches_the_cli(cli, assessment_path, catalogue_path):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    out = subprocess.run([cli, "score", "--catalogue", str(catalogue_path),
                          str(assessment_path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    cat = itsma.Catalogue.load(catalogue_path)
    assert itsma.Assessment.load(assessment_path, cat).score().to_json() == out.stdout
