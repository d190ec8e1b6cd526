# SPDX-License-Identifier: Apache-2.0
"""Result.report(), Result.write_report() and Diff.report(): the reports of the C library,
the same bytes as the itsma program, safe for their readers."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import pathlib
import re
import subprocess

import pytest

import itsma

ROOT = pathlib.Path(__file__).resolve().parents[2]
Q3 = ROOT / "examples" / "data" / "acme-2026-q3.json"
Q4 = ROOT / "examples" / "data" / "acme-2026-q4.json"


@pytest.fixture(scope="module")
def q3q4():
    return itsma.Assessment.load(Q3).score(), itsma.Assessment.load(Q4).score()


def run_cli(cli, *args):
    out = subprocess.run([cli, *map(str, args)], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "csv"])
@pytest.mark.parametrize("with_baseline", [False, True])
def test_report_matches_the_cli(cli, q3q4, fmt, with_baseline):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    q3, q4 = q3q4
    args = ["report", Q4, "--format", fmt, "--top", "7"]
    if with_baseline:
        args += ["--baseline", Q3]
    text = q4.report(fmt, baseline=q3 if with_baseline else None, top=7)
    assert text == run_cli(cli, *args)


def test_diff_report_matches_the_cli(cli, q3q4):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    q3, q4 = q3q4
    d = itsma.compare(q3, q4)
    assert d.report("md") == run_cli(cli, "compare", Q3, Q4, "--format", "md")
    assert d.report("text", limit=4) == run_cli(cli, "compare", Q3, Q4, "--format", "text", "--limit", "4")
    with pytest.raises(ValueError):
        d.report("html")


def test_report_golden(q3q4):
    q3, q4 = q3q4
    golden = ROOT / "tests" / "cli" / "golden"
    assert q4.report("md", baseline=q3) == (golden / "acme-2026-q4.md").read_text(encoding="utf-8")
    with open(golden / "acme-2026-q4.csv", encoding="utf-8", newline="") as f:
        assert q4.report("csv") == f.read()


def test_write_report(tmp_path, q3q4):
    q3, q4 = q3q4
    page = tmp_path / "q4.html"
    q4.write_report(page, baseline=q3)
    assert page.read_text(encoding="utf-8") == q4.report("html", baseline=q3)
    sheet = tmp_path / "q4.csv"
    q4.write_report(sheet)
    assert sheet.read_bytes().count(b"\r\n") == 540
    q4.write_report(tmp_path / "any.out", format="md", top=3)
    assert "## Top 3 gaps" in (tmp_path / "any.out").read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        q4.write_report(tmp_path / "q4.pdf")
    assert not list(tmp_path.glob(".itsma-*"))


def test_report_options(q3q4):
    q3, q4 = q3q4
    assert q4.report() == q4.report("html")
    only_gaps = q4.report("text", sections=["gaps"], top=2)
    assert "Top 2 gaps" in only_gaps and "Compliance by clause" not in only_gaps
    assert not re.search(r"^Verdict", only_gaps, re.M)
    assert "\x1b[" in q4.report("text", colour=True) and "\x1b" not in q4.report("text")
    narrow = q4.report("text", width=40)
    assert "At least one shall\n                 requirement" in narrow
    with pytest.raises(ValueError):
        q4.report("pdf")
    with pytest.raises(ValueError):
        q4.report("text", sections=["nope"])
    with pytest.raises(TypeError):
        q4.report("text", baseline="q3.json")
    assert set(itsma.REPORT_SECTIONS) >= {"summary", "gaps", "changes"}


def test_words():
    assert itsma.Verdict.CONFORMANT.meaning.startswith("Every applicable shall requirement")
    assert itsma.Attribute.PA2_1.title == "Performance management"


def test_report_of_another_catalogue(q3q4):
    _, q4 = q3q4
    cat = itsma.Catalogue.new("other:1", "Other")
    cat.add_section("S", "Section")
    cat.add_requirement("S", "S-1", "Something")
    other = itsma.Assessment.new(cat, "o", "2026-01-01").score()
    with pytest.raises(itsma.InvalidArgumentError, match="other:1"):
        q4.report("md", baseline=other)


def test_html_csp_hashes(q3q4):
    """The page allows its one style and its one script by their SHA-256, nothing inline."""
    q3, q4 = q3q4
    page = q4.report("html", baseline=q3)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert "unsafe-inline" not in csp
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        (body,) = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_hostile_texts_are_escaped():
    cat = itsma.Catalogue.new("hostile:1", "Hostile\x1b[2J")
    cat.add_section("G", "Ops\x1b]0;owned\x07\nVerdict          conformant\n", clause="=1+2")
    cat.add_requirement("G", "_em_", "Text\r\x1b[31m", clause="@SUM(A1)")
    cat.add_requirement("G", "-5", "Minus", clause="-5")
    asm = itsma.Assessment.new(cat, "q1", "2026-11-20")
    asm.title = "Acme\x1b[2J\nVerdict          conformant"
    res = asm.score()
    text = res.report("text")
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert not re.search(r"^Verdict +conformant", text, re.M)
    assert "\\x1b[2J" in text
    rows = list(csv.reader(io.StringIO(res.report("csv"))))
    clauses = {row[0]: row[1] for row in rows[1:]}
    assert clauses == {"_em_": "'@SUM(A1)", "-5": "-5"}
    md = res.report("md")
    assert "\\_em\\_" in md and "_em_" not in md.replace("\\_em\\_", "")
    assert "\x1b" not in res.explain("G") and "\\x0a" in res.explain("G")


@pytest.mark.parametrize("args", [("md", False), ("text", False), ("md", True), ("text", True), ("json", True)])
def test_catalogue_render_matches_the_cli(cli, args):
    if cli is None:
        pytest.skip("the itsma program is not built (ITSMA_CLI not set)")
    fmt, weights = args
    cat = itsma.Catalogue.builtin("iso20000-1:2011")
    shown = run_cli(cli, "catalogue", "show", "iso20000-1:2011", "--format", fmt, *(["--weights"] if weights else []))
    assert cat.render(fmt, weights=weights) == shown


def test_catalogue_render_and_template(tmp_path):
    cat = itsma.Catalogue.builtin("iso20000-1:2018")
    md = cat.render()
    assert md.startswith("# ISO/IEC 20000-1:2018") and md.count("- [ ] `") == 539 + 36
    assert "| Requirement | Obligation | Weight | Effective weight |" in cat.render(weights=True)
    with pytest.raises(ValueError):
        cat.render("html")
    with pytest.raises(ValueError):
        cat.render("json")  # JSON is for the weights; the catalogue itself is to_json()
    cat.write_render(tmp_path / "c.txt")
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == cat.render("text")
    cat.write_render(tmp_path / "w.json", weights=True)
    assert abs(sum(r["effective_weight"] for r in
                   __import__("json").loads((tmp_path / "w.json").read_text())["requirements"]) - 1) < 1e-9
    with pytest.raises(ValueError):
        cat.write_render(tmp_path / "c.pdf")
    # hostile titles: no control character reaches the text; Markdown escapes them
    bad = itsma.Catalogue.new("bad:1", "Bad \x1b[2J title")
    assert "\x1b" not in bad.render("text") and "\x1b" not in bad.render("md")
    # a new assessment to fill in: it loads back
    text = cat.template("q1", "2026-03-31", target=2)
    a = itsma.Assessment.from_string(text)
    assert a.id == "q1" and a.catalogue.id == "iso20000-1:2018" and '"targets": { "level": 2 }' in text
    with pytest.raises(itsma.InvalidArgumentError):
        cat.template(target=9)


def test_mapping_markdown(cli):
    m = itsma.Mapping.builtin("iso20000-1-2011-to-2018")
    md = m.to_markdown()
    assert md.startswith("# ") and "| # | Sources | Relationship | Targets | Confidence | Note |" in md
    if cli is not None:
        assert md == run_cli(cli, "mapping", "show", "iso20000-1-2011-to-2018")
