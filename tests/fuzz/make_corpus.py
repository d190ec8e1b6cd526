#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the seed corpora of the fuzz targets (tests/fuzz/corpus/<what>/seed-*).

Valid documents and near-misses: small catalogues, the built-in catalogues whole and cut,
assessments of the built-in catalogues with every feature, and broken variants (truncated,
garbled, wrong types, broken rules). Deterministic; re-run after a format change. Files whose
names do not start with "seed-" (crash-*, regressions) are left alone.
"""
import copy, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "corpus")
rnd = random.Random(20000)


def load_builtin(name):
    with open(os.path.join(ROOT, "data", "catalogues", name), "rb") as f:
        return f.read()


def walk(cat):
    secs, reqs, procs = [], [], []

    def rec(s):
        secs.append(s["id"])
        if s.get("kind") == "process":
            procs.append(s["id"])
        for r in s.get("requirements", []):
            reqs.append(r["id"])
        for c in s.get("sections", []):
            rec(c)

    for s in cat["sections"]:
        rec(s)
    return secs, reqs, procs


def dump(doc, pretty=True):
    if pretty:
        return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()


# ---- catalogues ----------------------------------------------------------------------------

SMALL = {
    "format": "itsma-catalogue/1",
    "id": "demo:1",
    "title": "Demo catalogue",
    "version": "1",
    "publisher": "itsma",
    "description": "A small catalogue with every feature.",
    "source": "none",
    "exclusions": "allowed",
    "guidance_sources": {"itil4": "ITIL 4", "cobit2019": "COBIT 2019"},
    "generic_practices": [
        {"attribute": "PA2.1", "id": "GP2.1.1", "text": "Targets are set."},
        {"attribute": "PA3.1", "id": "GP3.1.1", "text": "A standard process exists.", "x-note": [1, 2]},
    ],
    "sections": [
        {"id": "8", "clause": "8", "title": "Operation", "weight": 2,
         "guidance": {"itil4": ["Service value system"]},
         "requirements": [{"id": "8-01", "text": "Operation is planned.", "obligation": "shall"}],
         "sections": [
             {"id": "8.1", "title": "Incidents", "kind": "process", "purpose": "Restore service.",
              "guidance": {"itil4": ["Incident management"], "cobit2019": ["DSS02"]},
              "requirements": [
                  {"id": "8.1-01", "clause": "8.1", "text": "Incidents are recorded.", "weight": 1.5,
                   "evidence_hint": ["record", "procedure"], "tags": ["resolution"]},
                  {"id": "8.1-02", "text": "Incidents are prioritised.", "obligation": "should",
                   "weight": 0, "x-origin": {"row": 12}},
              ],
              "sections": [
                  {"id": "8.1.1", "title": "Major incidents",
                   "requirements": [{"id": "8.1.1-01", "text": "Major incidents have a procedure."}]}
              ]},
             {"id": "8.2", "title": "Changes", "kind": "process",
              "requirements": [{"id": "8.2-01", "text": "Changes are assessed \u00e9\u4e2d."}]},
         ]},
        {"id": "9", "title": "Evaluation", "x-kept": True,
         "requirements": [{"id": "9-01", "text": "Results are measured.", "weight": 1e-3}]},
    ],
    "x-generator": {"name": "make_corpus.py", "nested": [[], {}, None, 1.5e300, "\t\"\\"]},
}

MINIMAL = {"format": "itsma-catalogue/1", "id": "m", "title": "M",
           "sections": [{"id": "s", "title": "S", "requirements": [{"id": "r", "text": "T"}]}]}


def deep_catalogue(levels):
    inner = {"id": "d%d" % levels, "title": "deep", "requirements": [{"id": "rq", "text": "t"}]}
    for i in range(levels - 1, 0, -1):
        inner = {"id": "d%d" % i, "title": "deep", "sections": [inner]}
    return {"format": "itsma-catalogue/1", "id": "deep", "title": "Deep", "sections": [inner]}


def catalogue_misses():
    out = []
    def variant(f):
        d = json.loads(json.dumps(SMALL))
        f(d)
        out.append(dump(d))
    variant(lambda d: d.pop("format"))
    variant(lambda d: d.update(format="itsma-catalogue/2"))
    variant(lambda d: d.update(id="bad id!"))
    variant(lambda d: d.update(title=""))
    variant(lambda d: d.update(sections=[]))
    variant(lambda d: d.update(exclusions="sometimes"))
    variant(lambda d: d.update(colour="blue"))
    variant(lambda d: d["sections"][0].update(kind="procedure"))
    variant(lambda d: d["sections"][0]["sections"][0]["sections"][0].update(kind="process"))
    variant(lambda d: d["sections"][0].update(weight=-1))
    variant(lambda d: d["sections"][0].update(weight="1"))
    variant(lambda d: d["sections"][0]["requirements"][0].update(id="8.1"))
    variant(lambda d: d["sections"][0]["requirements"][0].update(obligation="must"))
    variant(lambda d: d["sections"][0]["requirements"][0].update(evidence_hint=["", 1]))
    variant(lambda d: d["sections"][0].update(guidance={"mof4": ["x"]}))
    variant(lambda d: d["sections"][0].update(guidance={"itil4": None}))
    variant(lambda d: d["sections"][1].pop("requirements"))
    variant(lambda d: d["generic_practices"].append({"attribute": "PA1.1", "id": "GP", "text": "x"}))
    variant(lambda d: d["generic_practices"].append({"attribute": "PA2.1", "id": "GP2.1.1", "text": "x"}))
    variant(lambda d: d.update(guidance_sources={"itil4": 4}))
    variant(lambda d: d["sections"][0]["requirements"].append({"id": "9-01", "text": "dup"}))
    text = dump(SMALL).decode()
    out.append(text.replace('"title": "Operation"', '"title": "Operation", "title": "Again"').encode())
    out.append(text.replace('"Incidents are recorded."', '"Incidents\\u0000are recorded."').encode())
    out.append(text.replace('"Incidents are recorded."', '"Incidents \\ud800 recorded."').encode())
    out.append(dump(SMALL).replace(b"Incidents are", b"Incidents \xc3\x28 are"))
    out.append(dump(SMALL) + b"  {}")
    out.append(b"\xef\xbb\xbf" + dump(MINIMAL))
    out.append(b"")
    out.append(b"   \n")
    out.append(b"[" * 200 + b"]" * 200)
    out.append(b'{"format": "itsma-catalogue/1", "x-deep": ' + b"[" * 70 + b"]" * 70 + b"}")
    out.append(b"nul\x00l")
    return out


# ---- assessments --------------------------------------------------------------------------

KINDS = ["document", "record", "interview", "observation", "metric", "other"]
LETTERS = ["N", "P-", "P", "P+", "L-", "L", "L+", "F"]
ATTRS = ["PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"]


def assessment(cat, nratings, nev=6, exclusions=False, targets=True, seed=0):
    r = random.Random(seed)
    secs, reqs, procs = walk(cat)
    ev = []
    for i in range(nev):
        e = {"id": "EV-%03d" % i, "title": "Evidence %d" % i, "kind": KINDS[i % len(KINDS)],
             "collected": "2026-%02d-01" % (1 + i % 12)}
        if i % 2:
            e["expires"] = "2027-01-%02d" % (1 + i)
        if i % 3 == 0:
            e["uri"] = "https://example.org/ev/%d" % i
            e["sha256"] = "%064x" % r.getrandbits(256)
        if i == 4:
            e["expires"] = "2026-06-01"  # expired before the assessment date
        if i == 5:
            e["collected"] = "2027-01-01"  # in the future
        if i % 4 == 1:
            e["by"] = "J. Auditor"
            e["note"] = "Seen on site."
        ev.append(e)
    ratings = []
    for q in r.sample(reqs, min(nratings, len(reqs))):
        x = {"requirement": q}
        x["rating"] = r.choice(LETTERS) if r.random() < 0.7 else r.choice([0, 12.5, 50, 99.9, 100])
        cites = r.sample([e["id"] for e in ev], r.randint(0, min(3, len(ev))))
        if cites:
            x["evidence"] = cites
        if r.random() < 0.2:
            x["note"] = "Note on %s" % q
        ratings.append(x)
    attrs = []
    for p in procs[:4]:
        for a in r.sample(ATTRS, 3):
            y = {"process": p, "attribute": a, "rating": r.choice(LETTERS)}
            if ev:
                y["evidence"] = [ev[r.randrange(len(ev))]["id"]]
            attrs.append(y)
    doc = {"format": "itsma-assessment/1", "id": "acme-%d" % seed, "catalogue": cat["id"],
           "title": "Assessment %d" % seed, "organisation": "Acme IT", "assessor": "A. Ssessor",
           "date": "2026-11-20"}
    if exclusions:
        doc["scope"] = {"exclude": [{"id": secs[-1], "reason": "Not in scope."},
                                    {"id": reqs[0], "reason": "Done by a supplier."}]}
    doc["evidence"] = ev
    doc["ratings"] = ratings
    doc["attributes"] = attrs
    if targets and procs:
        doc["targets"] = {"level": 2, "processes": {procs[0]: 3, procs[-1]: 1}}
    return doc


def reorder(doc, keys):
    out = {}
    for k in keys:
        if k in doc:
            out[k] = doc[k]
    for k in doc:
        if k not in out:
            out[k] = doc[k]
    return out


def assessment_misses(cat):
    base = assessment(cat, 12, seed=7)
    secs, reqs, procs = walk(cat)
    out = []
    def variant(f):
        d = json.loads(json.dumps(base))
        f(d)
        out.append(dump(d))
    variant(lambda d: d.pop("date"))
    variant(lambda d: d.update(date="2026-02-29"))
    variant(lambda d: d.update(catalogue="no-such-catalogue"))
    variant(lambda d: d.update(format="itsma-assessment/0"))
    variant(lambda d: d.update(ratings={}))
    variant(lambda d: d["ratings"].append({"requirement": "nope", "rating": "F"}))
    variant(lambda d: d["ratings"].append(dict(d["ratings"][0])))
    variant(lambda d: d["ratings"][0].update(rating="G"))
    variant(lambda d: d["ratings"][0].update(rating=100.5))
    variant(lambda d: d["ratings"][0].update(evidence=["EV-000", "EV-000"]))
    variant(lambda d: d["ratings"][0].update(evidence=["EV-999"]))
    variant(lambda d: d["evidence"][0].update(sha256="ABC"))
    variant(lambda d: d["evidence"][1].update(expires="2020-01-01"))
    variant(lambda d: d["evidence"][0].update(kind="rumour"))
    variant(lambda d: d["evidence"].append(dict(d["evidence"][0])))
    variant(lambda d: d["attributes"].append({"process": procs[0], "attribute": "PA1.1", "rating": "F"}))
    variant(lambda d: d["attributes"].append({"process": secs[0], "attribute": "PA2.1", "rating": "F"}))
    variant(lambda d: d.update(targets={"level": 6}))
    variant(lambda d: d.update(targets={"processes": {secs[0]: 1}}))
    variant(lambda d: d.update(scope={"exclude": [{"id": secs[1], "reason": ""}]}))
    variant(lambda d: d.update(scope={"exclude": [{"id": secs[1], "reason": "x"}]}))
    variant(lambda d: d.update(extra=1))
    text = dump(base).decode()
    out.append(text.replace('"date": "2026-11-20"', '"date": "2026-11-20", "date": "2026-11-21"').encode())
    out.append(text.replace('"id": "acme-7"', '"id": "acme-7", "x-a": 1, "x-a": 2').encode())
    out.append(text.replace('"title": "Evidence 0"', '"title": "Evidence 0", "title": "x"').encode())
    out.append(b'{"format": "itsma-assessment/1", "ratings": [' + b"{}," * 50 + b"{}]}")
    out.append(b'{"x-deep": ' + b"[" * 100 + b"]" * 100 + b"}")
    out.append(b'{"evidence": [' + b"[" * 70 + b"]" * 70 + b"]}")
    out.append(b"[]")
    out.append(b'{"\\u0066ormat": "itsma-assessment/1"}')
    out.append(b"{")
    out.append(b'{"format"')
    return out


def cut(data, n=6):
    """Truncated copies of data at several points."""
    res = []
    for i in range(1, n + 1):
        k = len(data) * i // (n + 1)
        res.append(data[:k])
    return res


def garble(data, count=4, seed=0):
    r = random.Random(seed)
    res = []
    for _ in range(count):
        b = bytearray(data)
        for _ in range(r.randint(1, 4)):
            pos = r.randrange(len(b))
            op = r.randrange(3)
            if op == 0:
                b[pos] = r.choice(b'{}[]",:\\0aZ \x00\xff')
            elif op == 1:
                del b[pos]
            else:
                b.insert(pos, r.choice(b'{}[]",:\\'))
        res.append(bytes(b))
    return res


def write(what, files):
    d = os.path.join(OUT, what)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.startswith("seed-"):
            os.remove(os.path.join(d, f))
    for name, data in files:
        with open(os.path.join(d, "seed-" + name), "wb") as f:
            f.write(data)


RELS = ["equal-to", "equivalent-to", "subset-of", "superset-of", "intersects-with"]


def mapping_doc(c2011, c2018, n, seed):
    """A mapping between the built-in catalogues: n maps of every relationship and shape."""
    r = random.Random(seed)
    s_secs, s_reqs, s_procs = walk(c2011)
    t_secs, t_reqs, t_procs = walk(c2018)
    maps, seen = [], set()
    while len(maps) < n:
        rel = r.choice(RELS + ["no-relationship"])
        src = sorted(set(r.sample(s_reqs, r.choice([1, 1, 1, 2, 3]))))
        tgt = [] if rel == "no-relationship" else sorted(set(r.sample(t_reqs, r.choice([1, 1, 2]))))
        if r.random() < 0.1 and rel in ("equal-to", "equivalent-to"):
            src, tgt = [r.choice(s_procs)], [r.choice(t_procs)]
        key = (tuple(src), tuple(tgt))
        if key in seen:
            continue
        seen.add(key)
        m = {"relationship": rel, "sources": src}
        if tgt:
            m["targets"] = tgt
        if r.random() < 0.5:
            m["confidence"] = r.choice(["high", "medium", "low"])
        if r.random() < 0.3:
            m["note"] = "Note <%d> & *more*" % len(maps)
        maps.append(m)
    return {"format": "itsma-mapping/1", "id": "fuzz-%d" % seed, "title": "Fuzz mapping",
            "source": {"catalogue": c2011["id"], "revision": 1},
            "target": {"catalogue": c2018["id"], "revision": 1},
            "provenance": {"method": "automation", "rationale": "syntactic", "status": "draft",
                           "description": "generated"},
            "maps": maps}


def mapping_misses(good):
    """Documents with one broken rule each."""
    out = []

    def variant(f):
        d = json.loads(json.dumps(good))
        f(d)
        out.append(dump(d))
    variant(lambda d: d.update({"format": "itsma-mapping/2"}))
    variant(lambda d: d.update({"extra": 1}))
    variant(lambda d: d["source"].update({"revision": 0}))
    variant(lambda d: d["source"].update({"revision": "1"}))
    variant(lambda d: d["target"].update({"revision": 2}))
    variant(lambda d: d["target"].update({"catalogue": "other"}))
    variant(lambda d: d["provenance"].update({"method": "magic"}))
    variant(lambda d: d["provenance"].pop("status"))
    variant(lambda d: d["maps"][0].update({"relationship": "same-as"}))
    variant(lambda d: d["maps"][0].update({"sources": []}))
    variant(lambda d: d["maps"][0].update({"sources": ["nope"]}))
    variant(lambda d: d["maps"][1].update({"targets": ["nope", "nope"]}))
    variant(lambda d: d["maps"].append(dict(d["maps"][0])))
    variant(lambda d: d["maps"][0].update({"confidence": 3}))
    variant(lambda d: d["maps"][0].update({"x-ext": {"a": [1, 2]}}))
    return out


def mapping_seeds(c2011, c2018):
    good = [mapping_doc(c2011, c2018, n, seed) for seed, n in ((1, 5), (2, 40), (3, 150))]
    files = [("m-%d.json" % i, dump(d)) for i, d in enumerate(good)]
    files.append(("m-compact.json", dump(good[1], False)))
    files += [("m-miss-%02d.json" % i, d) for i, d in enumerate(mapping_misses(good[0]))]
    files += [("m-cut-%d.json" % i, d) for i, d in enumerate(cut(dump(good[1])))]
    files += [("m-garbled-%d.json" % i, d) for i, d in enumerate(garble(dump(good[1]), 6, 3))]
    builtin = os.path.join(ROOT, "data", "mappings", "iso20000-1-2011-to-2018.json")
    if os.path.exists(builtin):
        with open(builtin, "rb") as f:
            files.append(("builtin-2011-to-2018.json", f.read()))
    return files


def main():
    if sys.argv[1:] == ["mapping"]:
        write("mapping", mapping_seeds(json.loads(load_builtin("iso20000-1-2011.json")),
                                       json.loads(load_builtin("iso20000-1-2018.json"))))
        return
    b2018 = load_builtin("iso20000-1-2018.json")
    b2011 = load_builtin("iso20000-1-2011.json")
    c2018 = json.loads(b2018)
    c2011 = json.loads(b2011)

    cats = [("small.json", dump(SMALL)), ("small-compact.json", dump(SMALL, False)),
            ("minimal.json", dump(MINIMAL)), ("deep-20.json", dump(deep_catalogue(20))),
            ("deep-40.json", dump(deep_catalogue(40)))]
    cats += [("builtin-2011-cut-%d.json" % i, d) for i, d in enumerate(cut(b2011, 3))]
    cats += [("small-cut-%d.json" % i, d) for i, d in enumerate(cut(dump(SMALL)))]
    cats += [("small-garbled-%d.json" % i, d) for i, d in enumerate(garble(dump(SMALL), 6, 1))]
    cats += [("miss-%02d.json" % i, d) for i, d in enumerate(catalogue_misses())]
    write("catalogue", cats + [("builtin-2018.json", b2018), ("builtin-2011.json", b2011)])

    valid = []
    valid.append(("a2018-small.json", dump(assessment(c2018, 8, seed=1))))
    valid.append(("a2018-many.json", dump(assessment(c2018, 120, nev=12, seed=2))))
    valid.append(("a2018-all.json", dump(assessment(c2018, 429, nev=20, seed=3))))
    valid.append(("a2018-compact.json", dump(assessment(c2018, 30, seed=4), False)))
    valid.append(("a2018-late.json", dump(reorder(assessment(c2018, 20, seed=5),
                                              ["ratings", "attributes", "targets", "evidence", "id",
                                               "date", "format", "catalogue"]))))
    valid.append(("a2018-empty.json", dump({"format": "itsma-assessment/1", "id": "e",
                                            "catalogue": "iso20000-1:2018", "date": "2026-01-01"})))
    ext = assessment(c2018, 6, seed=6)
    ext["x-tool"] = {"name": "sheet", "rows": [1, 2, 3]}
    ext["evidence"][0]["x-row"] = 4
    ext["ratings"][0]["x-cell"] = "B7"
    ext["targets"]["x-why"] = "board"
    ext["scope"] = {"x-note": "full scope"}
    valid.append(("a2018-ext.json", dump(ext)))
    valid.append(("a2011-excl.json", dump(assessment(c2011, 40, exclusions=True, seed=8))))
    valid.append(("a2011-late.json", dump(reorder(assessment(c2011, 25, exclusions=True, seed=9),
                                              ["scope", "ratings", "catalogue", "evidence"]))))
    misses = [("miss-%02d.json" % i, d) for i, d in enumerate(assessment_misses(c2018))]
    cutg = [("a2018-cut-%d.json" % i, d) for i, d in enumerate(cut(valid[0][1]))]
    cutg += [("a2018-garbled-%d.json" % i, d) for i, d in enumerate(garble(valid[1][1], 6, 2))]
    write("assessment", valid + misses + cutg)
    write("score", valid + misses[:6])
    write("save_roundtrip", valid + cats[:5] + misses[-6:])
    write("mapping", mapping_seeds(c2011, c2018))
    # validation: documents with no, one and many problems of every kind
    many = assessment(c2018, 60, nev=30, seed=10)
    for i, e in enumerate(many["evidence"]):
        if i % 3 == 0:
            e["kind"] = "bogus"
        elif i % 3 == 1:
            e["collected"] = "2026-13-01"
    for i, r in enumerate(many["ratings"]):
        if i % 2:
            r["rating"] = "Z"
    many["x-tool"] = {"rows": [1, 2.5, -0.0, 1e300, "\u00e9\U0001F600", None, True]}
    late = reorder(copy.deepcopy(many), ["ratings", "attributes", "evidence", "format", "id", "catalogue", "date"])
    badcat = json.loads(dump(SMALL))
    for s in badcat["sections"]:
        s["weight"] = -1
        for r in s.get("requirements", []):
            r["text"] = ""
    write("validate", cats[:8] + valid[:4] + misses[:12] + cutg[:4] +
          [("many-problems.json", dump(many)), ("many-problems-late.json", dump(late)),
           ("catalogue-problems.json", dump(badcat)),
           ("strict-nan.json", dump(ext).replace(b'"x-tool": {', b'"x-tool": {"n": NaN, ', 1)),
           ("strict-tab.json", dump(ext).replace(b'"name": "sheet"', b'"name": "she\tet"', 1)),
           ("strict-overlong.json", dump(ext).replace(b'"name": "sheet"', b'"name": "\xc0\xaf"', 1)),
           ("dup-top-x.json", dump(ext).replace(b'"x-tool": {', b'"x-tool": 1, "x-tool": {', 1))])


if __name__ == "__main__":
    sys.exit(main())
