#!/usr/bin/env python3
"""Write the invalid-input fixtures under tests/data/invalid/ from the two small valid
documents (catalogue-small.json, assessment-small.json). Each case is a folder with
input.json (bytes exactly as written here) and, after `regen`, `expected`: the error the
loader must give, as `CODE source:line:column: /pointer: message` (see test_validation.c).
Run: python3 tests/data/make_cases.py  (then review `git diff tests/data/invalid`)."""
import copy, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CAT = json.load(open(os.path.join(HERE, "catalogue-small.json")))
ASM = json.load(open(os.path.join(HERE, "assessment-small.json")))
OUT = os.path.join(HERE, "invalid")

def dump(doc):
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()

cases = {}

def cat_case(name, mutate):
    d = copy.deepcopy(CAT); mutate(d); cases["catalogue-" + name] = dump(d)

def asm_case(name, mutate):
    d = copy.deepcopy(ASM); mutate(d); cases["assessment-" + name] = dump(d)

def raw(name, data):
    cases[name] = data

# --- general rules -------------------------------------------------------------------------
raw("catalogue-syntax-missing-comma", dump(CAT).replace(b'"title": "A small', b'"title" "A small', 1))
raw("catalogue-syntax-trailing-comma", dump(CAT).replace(b'"version": "1",', b'"version": "1",,', 1))
raw("catalogue-syntax-truncated", dump(CAT)[:300])
raw("catalogue-trailing-garbage", dump(CAT) + b"}\n")
raw("catalogue-invalid-utf8", dump(CAT).replace(b"Context", b"Cont\xffext", 1))
raw("catalogue-duplicate-key", dump(CAT).replace(b'"title": "Context",', b'"title": "Context",\n      "title": "Again",', 1))
raw("assessment-duplicate-key-record", dump(ASM).replace(b'"kind": "record",', b'"kind": "record",\n      "kind": "record",', 1))
raw("assessment-duplicate-top-key", dump(ASM).replace(b'"title": "Small assessment",', b'"title": "Small assessment",\n  "title": "Again",', 1))
raw("assessment-empty", b"")
raw("assessment-utf8-bom", b"\xef\xbb\xbf" + dump(ASM))
raw("assessment-not-object", b"[1, 2]\n")
raw("catalogue-nul-in-string", dump(CAT).replace(b"Context", b"Con\\u0000text", 1))
cat_case("unknown-key", lambda d: d["sections"][0].update({"titel": "typo"}))
cat_case("unknown-root-key", lambda d: d.update({"publisherr": "x"}))
cat_case("bad-id-chars", lambda d: d["sections"][0].update({"id": "4 context"}))
cat_case("bad-id-long", lambda d: d["sections"][0].update({"id": "x" * 65}))
cat_case("bad-weight-negative", lambda d: d["sections"][1].update({"weight": -1}))
cat_case("bad-weight-near-dbl-max", lambda d: d["sections"][1].update({"weight": 1.7976931348623157e308}))
cat_case("bad-weight-string", lambda d: d["sections"][1].update({"weight": "2"}))
cat_case("title-not-string", lambda d: d.update({"title": 42}))
cat_case("title-empty", lambda d: d.update({"title": ""}))

# --- catalogue rules ---------------------------------------------------------------------------
cat_case("format-missing", lambda d: d.pop("format"))
cat_case("format-wrong", lambda d: d.update({"format": "itsma-catalogue/2"}))
cat_case("id-missing", lambda d: d.pop("id"))
cat_case("title-missing", lambda d: d.pop("title"))
cat_case("sections-missing", lambda d: d.pop("sections"))
cat_case("sections-empty", lambda d: d.update({"sections": []}))
cat_case("section-id-missing", lambda d: d["sections"][0].pop("id"))
cat_case("section-title-missing", lambda d: d["sections"][0].pop("title"))
cat_case("section-empty", lambda d: d["sections"][0].pop("requirements"))
cat_case("requirement-id-missing", lambda d: d["sections"][0]["requirements"][0].pop("id"))
cat_case("requirement-text-missing", lambda d: d["sections"][0]["requirements"][0].pop("text"))
cat_case("kind-invalid", lambda d: d["sections"][1].update({"kind": "proces"}))
cat_case("process-in-process", lambda d: d["sections"][1]["sections"][0].update({"sections": [
    {"id": "8.1.1", "title": "Sub-process", "kind": "process",
     "requirements": [{"id": "8.1.1-01", "text": "A nested requirement."}]}]}))
cat_case("obligation-invalid", lambda d: d["sections"][0]["requirements"][0].update({"obligation": "must"}))
cat_case("guidance-undeclared", lambda d: d["sections"][1]["sections"][0]["guidance"].update({"mof4": ["Customer Service"]}))
cat_case("guidance-not-list", lambda d: d["sections"][1]["sections"][0]["guidance"].update({"itil4": "Incident management"}))
cat_case("guidance-empty-name", lambda d: d["sections"][1]["sections"][0]["guidance"].update({"itil4": [""]}))
cat_case("guidance-source-not-string", lambda d: d["guidance_sources"].update({"itil4": 4}))
cat_case("duplicate-id-section-requirement", lambda d: d["sections"][0]["requirements"][0].update({"id": "8"}))
cat_case("duplicate-requirement-id", lambda d: d["sections"][1]["sections"][1]["requirements"][0].update({"id": "8.1-01"}))
cat_case("exclusions-invalid", lambda d: d.update({"exclusions": "never"}))
cat_case("generic-practice-pa11", lambda d: d["generic_practices"][0].update({"attribute": "PA1.1"}))
cat_case("generic-practice-bad-attribute", lambda d: d["generic_practices"][0].update({"attribute": "PA9.9"}))
# basis, item, verify, revision and retired ids (issue 13)
R0 = lambda d: d["sections"][0]["requirements"][0]
cat_case("basis-invalid", lambda d: R0(d).update({"basis": "iso"}))
cat_case("basis-good-practice-shall", lambda d: R0(d).update({"basis": "good-practice"}))
cat_case("item-empty", lambda d: R0(d).update({"item": ""}))
cat_case("verify-not-string", lambda d: R0(d).update({"verify": ["Sample ten records."]}))
cat_case("revision-not-integer", lambda d: d.update({"revision": 1.5}))
cat_case("revision-zero", lambda d: d.update({"revision": 0}))
cat_case("retired-live-requirement", lambda d: d.update({"revision": 2, "retired": [
    {"id": "4-01", "revision": 2, "reason": "Split in two."}]}))
cat_case("retired-live-section", lambda d: d.update({"revision": 2, "retired": [
    {"id": "8.1", "revision": 2, "reason": "Merged into 8."}]}))
cat_case("retired-twice", lambda d: d.update({"revision": 2, "retired": [
    {"id": "4-02", "revision": 2, "reason": "Split."}, {"id": "4-02", "revision": 2, "reason": "Again."}]}))
cat_case("retired-reason-missing", lambda d: d.update({"revision": 2, "retired": [{"id": "4-02", "revision": 2}]}))
cat_case("retired-revision-missing", lambda d: d.update({"revision": 2, "retired": [{"id": "4-02", "reason": "Split."}]}))
cat_case("retired-after-revision", lambda d: d.update({"revision": 2, "retired": [
    {"id": "4-02", "revision": 3, "reason": "Split."}]}))
cat_case("retired-unknown-key", lambda d: d.update({"retired": [
    {"id": "4-02", "revision": 1, "reason": "Split.", "why": "typo"}]}))
cat_case("evidence-hint-not-string", lambda d: d["sections"][0]["requirements"][0].update({"evidence_hint": [1]}))

# --- assessment rules --------------------------------------------------------------------------
asm_case("format-missing", lambda d: d.pop("format"))
asm_case("id-missing", lambda d: d.pop("id"))
asm_case("catalogue-missing", lambda d: d.pop("catalogue"))
asm_case("date-missing", lambda d: d.pop("date"))
asm_case("date-invalid-day", lambda d: d.update({"date": "2026-02-29"}))
asm_case("date-malformed", lambda d: d.update({"date": "20/11/2026"}))
asm_case("catalogue-mismatch", lambda d: d.update({"catalogue": "test:other"}))
asm_case("unknown-key", lambda d: d["ratings"][0].update({"comment": "typo"}))
asm_case("evidence-id-missing", lambda d: d["evidence"][0].pop("id"))
asm_case("evidence-title-missing", lambda d: d["evidence"][0].pop("title"))
asm_case("evidence-kind-missing", lambda d: d["evidence"][0].pop("kind"))
asm_case("evidence-kind-invalid", lambda d: d["evidence"][0].update({"kind": "email"}))
asm_case("evidence-collected-missing", lambda d: d["evidence"][0].pop("collected"))
asm_case("evidence-expires-before-collected", lambda d: d["evidence"][0].update({"expires": "2026-09-30"}))
asm_case("evidence-sha256-invalid", lambda d: d["evidence"][0].update({"sha256": "ABC"}))
asm_case("evidence-duplicate-id", lambda d: d["evidence"][1].update({"id": "EV-1"}))
asm_case("rating-requirement-missing", lambda d: d["ratings"][0].pop("requirement"))
asm_case("rating-rating-missing", lambda d: d["ratings"][0].pop("rating"))
asm_case("rating-requirement-unknown", lambda d: d["ratings"][0].update({"requirement": "9.9-99"}))
asm_case("rating-letter-invalid", lambda d: d["ratings"][0].update({"rating": "G"}))
asm_case("rating-number-too-big", lambda d: d["ratings"][1].update({"rating": 101}))
asm_case("rating-evidence-unknown", lambda d: d["ratings"][0].update({"evidence": ["EV-1", "EV-9"]}))
asm_case("rating-evidence-twice", lambda d: d["ratings"][0].update({"evidence": ["EV-1", "EV-1"]}))
asm_case("rating-twice", lambda d: d["ratings"][1].update({"requirement": "8.1-01"}))
asm_case("attribute-process-unknown", lambda d: d["attributes"][0].update({"process": "9"}))
asm_case("attribute-not-process", lambda d: d["attributes"][0].update({"process": "8"}))
asm_case("attribute-pa11", lambda d: d["attributes"][0].update({"attribute": "PA1.1"}))
asm_case("attribute-invalid", lambda d: d["attributes"][0].update({"attribute": "PA6.1"}))
asm_case("attribute-twice", lambda d: d["attributes"].append(copy.deepcopy(d["attributes"][0])))
asm_case("exclusion-unknown", lambda d: d["scope"]["exclude"][0].update({"id": "7"}))
asm_case("exclusion-reason-empty", lambda d: d["scope"]["exclude"][0].update({"reason": ""}))
asm_case("exclusion-reason-missing", lambda d: d["scope"]["exclude"][0].pop("reason"))
asm_case("target-level-range", lambda d: d["targets"].update({"level": 6}))
asm_case("target-level-not-integer", lambda d: d["targets"].update({"level": 2.5}))
asm_case("target-not-process", lambda d: d["targets"]["processes"].update({"8": 2}))
asm_case("builtin-unknown", lambda d: d.update({"catalogue": "iso20000-1:1999"}))
asm_case("exclusion-forbidden", lambda d: d.update({"catalogue": "iso20000-1:2018", "scope": {"exclude": [{"id": "8.2.3", "reason": "No other parties."}]}, "evidence": [], "ratings": [], "attributes": [], "targets": {}}))
raw("assessment-deep-nesting", dump(ASM).replace(b'"x-tool": "tests"', b'"x-tool": ' + b"[" * 100 + b"]" * 100, 1))

# --- strict JSON (RFC 8259): json-c 0.16 accepts these, other parsers do not ----------------------
def xtool(name, value):
    raw("assessment-x-" + name, dump(ASM).replace(b'"x-tool": "tests"', b'"x-tool": ' + value, 1))
xtool("nan", b"NaN")
xtool("infinity", b"[1, -Infinity]")
xtool("number-dot", b"5.")
xtool("leading-zero", b'{"n": 00}')
xtool("raw-tab", b'"a\tb"')
xtool("raw-newline", b'"a\nb"')
xtool("overlong-utf8", b'"a\xc0\xafb"')
xtool("surrogate-utf8", b'"\xed\xa0\x80"')
xtool("above-10ffff", b'"\xf4\x90\x80\x80"')
xtool("lone-surrogate-escape", b'"\\ud800"')
xtool("duplicate-key-inside", b'{"a": 1, "a": 2}')
xtool("nul", b'"a\\u0000b"')
raw("assessment-x-duplicate-top", dump(ASM).replace(b'"x-tool": "tests"', b'"x-tool": "tests",\n  "x-tool": "again"', 1))
raw("assessment-record-x-nan", dump(ASM).replace(b'"x-source": "servicenow"', b'"x-source": NaN', 1))
raw("assessment-note-raw-tab", dump(ASM).replace(b'"note": "Version 3."', b'"note": "Version\t3."', 1))
raw("catalogue-x-infinity", dump(CAT).replace(b'"x-owner": {', b'"x-owner": {"n": Infinity,', 1))
raw("catalogue-key-raw-tab", dump(CAT).replace(b'"title": "Context",', b'"ti\ttle": "Context",', 1))
raw("catalogue-weight-number-dot", dump(CAT).replace(b'"weight": 2,', b'"weight": 2.,', 1))

if os.path.isdir(OUT):
    for name in os.listdir(OUT):
        if name not in cases:
            shutil.rmtree(os.path.join(OUT, name))
for name, data in sorted(cases.items()):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.json"), "wb") as f:
        f.write(data)
print(len(cases), "cases")
