/*
 * itsma import QUESTIONNAIRE.csv --catalogue ID --id ID --date YYYY-MM-DD
 *              [--evidence EVIDENCE.csv] [-o FILE] [--title T] [--organisation O]
 *              [--assessor A] [--target LEVEL]
 *
 * Turns a filled questionnaire (see `itsma template --format csv`) and an evidence list
 * into an itsma-assessment/1 document. Columns are found by their header, so a
 * spreadsheet may reorder them or add its own. Every bad cell is reported, as
 * "file:line: column "name": message", before anything is written.
 */
#include "report.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: itsma import QUESTIONNAIRE.csv --catalogue ID|FILE --id ID --date YYYY-MM-DD\n"
	"                    [--evidence EVIDENCE.csv] [-o FILE] [--title TEXT]\n"
	"                    [--organisation TEXT] [--assessor TEXT] [--target LEVEL]\n"
	"\n"
	"Turn a filled questionnaire (from 'itsma template CATALOGUE --format csv') into an\n"
	"itsma-assessment/1 document, written to standard output or to FILE.\n"
	"\n"
	"The questionnaire's columns are found by their header: type (requirement, attribute or\n"
	"target), id, process, rating, evidence and note are read; the others (clause,\n"
	"obligation, text) are there for the people filling it in. An empty rating leaves the\n"
	"row unassessed. Ratings are N, P-, P, P+, L-, L, L+, F or a percentage 0-100 (\"72.5\",\n"
	"\"72,5\" and \"72.5%\" all work); a requirement rated 'excluded' is left out of the scope\n"
	"with the note as the reason, where the catalogue allows it. Target rows take a level\n"
	"from 0 to 5. Evidence ids are separated by spaces, commas or semicolons.\n"
	"\n"
	"The evidence list has the columns id,title,kind,collected,expires,uri,sha256,by,note\n"
	"(see 'itsma template --format evidence-csv'); kind is document, record, interview,\n"
	"observation, metric or other; dates are YYYY-MM-DD.\n"
	"\n"
	"CSV files may start with a UTF-8 byte-order mark, use CRLF or LF line endings, and\n"
	"quote fields that hold commas, quotes or line breaks, as spreadsheets write them.\n"
	"Problems are reported as 'file:line: column \"name\": message', all of them, and\n"
	"nothing is written then.\n"
	"\n"
	"Options:\n"
	"  --catalogue ID|FILE   the catalogue (a built-in id or a catalogue file); required\n"
	"  --id ID               the assessment's id; required\n"
	"  --date YYYY-MM-DD     its as-of date: evidence is judged current on it; required\n"
	"  --evidence FILE       the evidence list (CSV)\n"
	"  --title TEXT, --organisation TEXT, --assessor TEXT\n"
	"                        describe the assessment\n"
	"  --target LEVEL        a target capability level 0-5 for every process (target rows\n"
	"                        of the questionnaire override it per process)\n"
	"  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	"  -h, --help            show this help\n"
	"\n"
	"Example:\n"
	"  itsma import q4.csv --catalogue iso20000-1:2018 --id acme-2026-q4 --date 2026-11-20 \\\n"
	"        --evidence evidence.csv -o acme-2026-q4.json\n";

enum { OPT_CATALOGUE, OPT_ID, OPT_DATE, OPT_EVIDENCE, OPT_OUTPUT, OPT_TITLE, OPT_ORG,
	   OPT_ASSESSOR, OPT_TARGET };
static const cli_option options[] = {
	{ "catalogue", 0, 1, OPT_CATALOGUE }, { "id", 0, 1, OPT_ID },
	{ "date", 0, 1, OPT_DATE },           { "evidence", 0, 1, OPT_EVIDENCE },
	{ "output", 'o', 1, OPT_OUTPUT },     { "title", 0, 1, OPT_TITLE },
	{ "organisation", 0, 1, OPT_ORG },    { "organization", 0, 1, OPT_ORG },
	{ "assessor", 0, 1, OPT_ASSESSOR },   { "target", 0, 1, OPT_TARGET },
	{ NULL, 0, 0, 0 }
};

/* ---- keys seen so far, with the line they were first seen on --------------------------------- */

typedef struct seen_set {
	char **keys;
	long *lines;
	size_t cap, count;
} seen_set;

static size_t hash_key(const char *s)
{
	size_t h = 1469598103u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The line @p key was first seen on, or 0 after recording it as seen on @p line. */
static long seen_before(seen_set *set, const char *key, long line)
{
	if (set->count * 2 >= set->cap) {
		seen_set bigger = { NULL, NULL, set->cap ? set->cap * 2 : 256, 0 };
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.lines = xcalloc(bigger.cap, sizeof *bigger.lines);
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->keys[i])
				continue;
			size_t j = hash_key(set->keys[i]) & (bigger.cap - 1);
			while (bigger.keys[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.keys[j] = set->keys[i];
			bigger.lines[j] = set->lines[i];
			bigger.count++;
		}
		free(set->keys);
		free(set->lines);
		*set = bigger;
	}
	size_t j = hash_key(key) & (set->cap - 1);
	while (set->keys[j]) {
		if (strcmp(set->keys[j], key) == 0)
			return set->lines[j];
		j = (j + 1) & (set->cap - 1);
	}
	set->keys[j] = xstrdup(key);
	set->lines[j] = line;
	set->count++;
	return 0;
}

static void seen_free(seen_set *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	free(set->lines);
}

/* ---- reading a table by column names ------------------------------------------------------- */

struct sheet;
static void problem(struct sheet *s, const csv_row *row, const char *col, const char *fmt, ...)
	CLI_PRINTF(4, 5);

typedef struct sheet {
	const char *source;
	csv_table t;
	int problems;
	seen_set seen; /* ids of the rows read so far */
} sheet;

/* Report a key met on an earlier row; returns 1 when it was. */
static int duplicate(sheet *s, const csv_row *row, const char *col, const char *key, const char *what)
{
	long first = seen_before(&s->seen, key, row->line);
	if (first)
		problem(s, row, col, "%s is already on line %ld", what, first);
	return first != 0;
}

/* Column names as written in headers, lower-cased, with their aliases. */
static int header_matches(const char *cell, const char *name)
{
	char norm[64];
	size_t k = 0;
	while (*cell == ' ' || *cell == '\t')
		cell++;
	for (; *cell && k + 1 < sizeof norm; cell++)
		norm[k++] = (char)tolower((unsigned char)*cell);
	while (k > 0 && (norm[k - 1] == ' ' || norm[k - 1] == '\t'))
		k--;
	norm[k] = '\0';
	if (strcmp(norm, name) == 0)
		return 1;
	if (strcmp(name, "text") == 0)
		return strcmp(norm, "requirement text") == 0 || strcmp(norm, "requirement") == 0;
	if (strcmp(name, "evidence") == 0)
		return strcmp(norm, "evidence ids") == 0;
	if (strcmp(name, "id") == 0)
		return strcmp(norm, "requirement id") == 0;
	return 0;
}

static int column(const sheet *s, const char *name)
{
	if (s->t.count == 0)
		return -1;
	const csv_row *h = &s->t.rows[0];
	for (size_t i = 0; i < h->count; i++)
		if (header_matches(h->fields[i], name))
			return (int)i;
	return -1;
}

/* The trimmed cell of a row, "" when the row is short or there is no such column. */
static char *cell(const csv_row *row, int col, char *buf, size_t size)
{
	buf[0] = '\0';
	if (col < 0 || (size_t)col >= row->count)
		return buf;
	const char *s = row->fields[col];
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* The raw cell (notes keep their line breaks), or NULL when empty. */
static const char *raw_cell(const csv_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->count)
		return NULL;
	const char *s = row->fields[col];
	for (const char *p = s; *p; p++)
		if (!isspace((unsigned char)*p))
			return s;
	return NULL;
}

static void problem(sheet *s, const csv_row *row, const char *col, const char *fmt, ...)
{
	va_list ap;
	if (col)
		fprintf(stderr, "%s:%ld: column \"%s\": ", s->source, row->line, col);
	else
		fprintf(stderr, "%s:%ld: ", s->source, row->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	s->problems++;
}

static int need_columns(sheet *s, const char *const *names, size_t n)
{
	int ok = 1;
	if (s->t.count == 0) {
		fprintf(stderr, "%s: the file is empty (it needs a header row)\n", s->source);
		s->problems++;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (column(s, names[i]) < 0) {
			problem(s, &s->t.rows[0], NULL, "the header row has no \"%s\" column", names[i]);
			ok = 0;
		}
	}
	return ok;
}

static int load_sheet(sheet *s, const char *path)
{
	char *data;
	size_t len;
	s->source = path;
	s->problems = 0;
	s->t.rows = NULL;
	s->t.count = 0;
	memset(&s->seen, 0, sizeof s->seen);
	if (cli_read_file(path, &data, &len) < 0)
		return -1;
	int rc = csv_parse(&s->t, data, len, path);
	free(data);
	return rc;
}

/* ---- evidence ------------------------------------------------------------------------------- */

static void import_evidence(sheet *s, itsma_assessment *a)
{
	static const char *const required[] = { "id", "title", "kind", "collected" };
	if (!need_columns(s, required, 4))
		return;
	int c_id = column(s, "id"), c_title = column(s, "title"), c_kind = column(s, "kind");
	int c_coll = column(s, "collected"), c_exp = column(s, "expires"), c_uri = column(s, "uri");
	int c_sha = column(s, "sha256"), c_by = column(s, "by"), c_note = column(s, "note");
	char id[256], title[4096], kind[64], coll[64], exp[64], uri[4096], sha[128], by[1024];

	for (size_t r = 1; r < s->t.count; r++) {
		const csv_row *row = &s->t.rows[r];
		int before = s->problems;
		itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
		long dc = 0, de = 0;

		spec.id = cell(row, c_id, id, sizeof id);
		if (!itsma_id_is_valid(spec.id)) {
			problem(s, row, "id",
			        "\"%s\" is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)", spec.id);
		} else {
			char what[128];
			snprintf(what, sizeof what, "evidence \"%s\"", spec.id);
			duplicate(s, row, "id", spec.id, what);
		}
		spec.title = cell(row, c_title, title, sizeof title);
		if (!*spec.title)
			problem(s, row, "title", "an evidence record needs a title");
		cell(row, c_kind, kind, sizeof kind);
		for (char *p = kind; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (itsma_evidence_kind_parse(&spec.kind, kind, NULL) < 0)
			problem(s, row, "kind",
			        "expected document, record, interview, observation, metric or other, not \"%s\"",
			        kind);
		spec.collected = cell(row, c_coll, coll, sizeof coll);
		if (itsma_date_parse(&dc, spec.collected, NULL) < 0)
			problem(s, row, "collected", "expected a date YYYY-MM-DD, not \"%s\"", spec.collected);
		spec.expires = cell(row, c_exp, exp, sizeof exp);
		if (!*spec.expires)
			spec.expires = NULL;
		else if (itsma_date_parse(&de, spec.expires, NULL) < 0)
			problem(s, row, "expires", "expected a date YYYY-MM-DD or nothing, not \"%s\"",
			        spec.expires);
		else if (de < dc)
			problem(s, row, "expires", "%s is before the date collected, %s", spec.expires,
			        spec.collected);
		spec.uri = cell(row, c_uri, uri, sizeof uri);
		if (!*spec.uri)
			spec.uri = NULL;
		spec.sha256 = cell(row, c_sha, sha, sizeof sha);
		if (!*spec.sha256) {
			spec.sha256 = NULL;
		} else {
			int ok = strlen(sha) == 64;
			for (char *p = sha; *p; p++) {
				*p = (char)tolower((unsigned char)*p);
				if (!isxdigit((unsigned char)*p))
					ok = 0;
			}
			if (!ok)
				problem(s, row, "sha256", "expected 64 hexadecimal digits, not \"%s\"", sha);
		}
		spec.by = cell(row, c_by, by, sizeof by);
		if (!*spec.by)
			spec.by = NULL;
		spec.note = raw_cell(row, c_note);
		if (s->problems != before)
			continue;
		itsma_error err = ITSMA_ERROR_INIT;
		if (itsma_assessment_put_evidence(a, &spec, &err) < 0)
			problem(s, row, NULL, "%s", err.message);
	}
}

/* ---- the questionnaire ------------------------------------------------------------------------ */

/* Normalise a rating cell: "l+" -> "L+", "72,5" -> "72.5", "72.5%" -> "72.5". */
static void normalise_rating(char *r)
{
	size_t n = strlen(r);
	if (n > 0 && r[n - 1] == '%') {
		r[--n] = '\0';
		while (n > 0 && r[n - 1] == ' ')
			r[--n] = '\0';
	}
	int digits = n > 0 && isdigit((unsigned char)r[0]);
	for (char *p = r; *p; p++) {
		if (digits && *p == ',')
			*p = '.';
		else
			*p = (char)toupper((unsigned char)*p);
	}
}

static int is_exclusion(const char *r)
{
	return strcmp(r, "EXCLUDED") == 0 || strcmp(r, "N/A") == 0 || strcmp(r, "NA") == 0;
}

/* Split an evidence cell into ids, checking each against the assessment. */
static size_t evidence_ids(sheet *s, const csv_row *row, char *text, const itsma_assessment *a,
                           const char ***out, int have_evidence_file)
{
	size_t n = 0, cap = 8;
	const char **ids = xmalloc(cap * sizeof *ids);
	char *save = NULL;
	for (char *tok = strtok_r(text, " ,;\t\r\n", &save); tok; tok = strtok_r(NULL, " ,;\t\r\n", &save)) {
		int dup = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(ids[i], tok) == 0)
				dup = 1;
		if (dup)
			continue;
		if (!itsma_assessment_find_evidence(a, tok)) {
			problem(s, row, "evidence", "no evidence record \"%s\"%s", tok,
			        have_evidence_file ? " in the evidence list" : " (no --evidence list was given)");
			continue;
		}
		if (n == cap) {
			cap *= 2;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = tok;
	}
	*out = ids;
	return n;
}

typedef struct columns {
	int type, id, process, rating, evidence, note;
} columns;

static void requirement_row(sheet *s, const csv_row *row, const columns *c, itsma_assessment *a,
                            const char *rid, char *rating, int have_ev)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	char evtext[8192];
	if (!itsma_catalogue_find_requirement(cat, rid)) {
		problem(s, row, "id", "no requirement \"%s\" in catalogue %s", rid, itsma_catalogue_id(cat));
		return;
	}
	char key[300], what[300];
	snprintf(key, sizeof key, "R %s", rid);
	snprintf(what, sizeof what, "requirement %s", rid);
	if (duplicate(s, row, "id", key, what) || !*rating)
		return; /* a second row, or not assessed yet */
	itsma_error err = ITSMA_ERROR_INIT;
	if (is_exclusion(rating)) {
		const char *reason = raw_cell(row, c->note);
		if (!reason) {
			problem(s, row, "note", "an excluded requirement needs the reason in the note");
			return;
		}
		if (itsma_assessment_put_exclusion(a, rid, reason, &err) < 0)
			problem(s, row, "rating", "%s", err.message);
		return;
	}
	itsma_rating_spec spec = ITSMA_RATING_SPEC_INIT;
	spec.requirement = rid;
	if (itsma_rating_parse(&spec.letter, &spec.value, rating, NULL) < 0) {
		problem(s, row, "rating",
		        "expected N, P-, P, P+, L-, L, L+, F or a number from 0 to 100, not \"%s\"", rating);
		return;
	}
	const char **ids = NULL;
	int before = s->problems;
	spec.evidence_count = evidence_ids(s, row, cell(row, c->evidence, evtext, sizeof evtext), a,
	                                   &ids, have_ev);
	spec.evidence = ids;
	spec.note = raw_cell(row, c->note);
	if (s->problems == before && itsma_assessment_put_rating(a, &spec, &err) < 0)
		problem(s, row, NULL, "%s", err.message);
	free(ids);
}

static const itsma_section *process_of_row(sheet *s, const csv_row *row, const columns *c,
                                           const itsma_catalogue *cat, int fallback_to_id)
{
	char pid[256];
	cell(row, c->process, pid, sizeof pid);
	if (!*pid && fallback_to_id)
		cell(row, c->id, pid, sizeof pid);
	const itsma_section *p = itsma_catalogue_find_section(cat, pid);
	if (!p || itsma_section_kind_of(p) != ITSMA_SECTION_PROCESS) {
		problem(s, row, "process", "\"%s\" is not a process of catalogue %s", pid,
		        itsma_catalogue_id(cat));
		return NULL;
	}
	return p;
}

static void attribute_row(sheet *s, const csv_row *row, const columns *c, itsma_assessment *a,
                          const char *name, char *rating, int have_ev)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	char evtext[8192];
	itsma_attribute attr;
	if (strcmp(name, "PA1.1") == 0) {
		problem(s, row, "id", "PA1.1 is derived from the process's requirements and never rated");
		return;
	}
	if (itsma_attribute_parse(&attr, name, 0, NULL) < 0) {
		problem(s, row, "id", "expected a process attribute PA2.1 to PA5.2, not \"%s\"", name);
		return;
	}
	const itsma_section *p = process_of_row(s, row, c, cat, 0);
	if (!p)
		return;
	char key[300], what[300];
	snprintf(key, sizeof key, "A %s %s", itsma_section_id(p), name);
	snprintf(what, sizeof what, "%s of %s", name, itsma_section_id(p));
	if (duplicate(s, row, "id", key, what) || !*rating)
		return;
	itsma_attribute_spec spec = ITSMA_ATTRIBUTE_SPEC_INIT;
	spec.process = itsma_section_id(p);
	spec.attribute = attr;
	if (itsma_rating_parse(&spec.letter, &spec.value, rating, NULL) < 0) {
		problem(s, row, "rating",
		        "expected N, P-, P, P+, L-, L, L+, F or a number from 0 to 100, not \"%s\"", rating);
		return;
	}
	const char **ids = NULL;
	int before = s->problems;
	spec.evidence_count = evidence_ids(s, row, cell(row, c->evidence, evtext, sizeof evtext), a,
	                                   &ids, have_ev);
	spec.evidence = ids;
	spec.note = raw_cell(row, c->note);
	itsma_error err = ITSMA_ERROR_INIT;
	if (s->problems == before && itsma_assessment_put_attribute(a, &spec, &err) < 0)
		problem(s, row, NULL, "%s", err.message);
	free(ids);
}

static void target_row(sheet *s, const csv_row *row, const columns *c, itsma_assessment *a,
                       const char *level_text)
{
	const itsma_section *p = process_of_row(s, row, c, itsma_assessment_catalogue(a), 1);
	if (!p)
		return;
	char key[300], what[300];
	snprintf(key, sizeof key, "T %s", itsma_section_id(p));
	snprintf(what, sizeof what, "the target of %s", itsma_section_id(p));
	if (duplicate(s, row, "id", key, what) || !*level_text)
		return;
	size_t level;
	if (cli_parse_size(level_text, &level) < 0 || level > 5) {
		problem(s, row, "rating", "a target is a capability level from 0 to 5, not \"%s\"",
		        level_text);
		return;
	}
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_assessment_set_process_target(a, itsma_section_id(p), (int)level, &err) < 0)
		problem(s, row, "rating", "%s", err.message);
}

static void import_questionnaire(sheet *s, itsma_assessment *a, int have_ev)
{
	static const char *const required[] = { "id", "rating" };
	if (!need_columns(s, required, 2))
		return;
	columns c = { column(s, "type"), column(s, "id"),       column(s, "process"),
		          column(s, "rating"), column(s, "evidence"), column(s, "note") };
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	char type[64], id[256], rating[64];
	itsma_attribute attr;

	for (size_t r = 1; r < s->t.count; r++) {
		const csv_row *row = &s->t.rows[r];
		cell(row, c.type, type, sizeof type);
		for (char *p = type; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		cell(row, c.id, id, sizeof id);
		normalise_rating(cell(row, c.rating, rating, sizeof rating));
		if (!*type) { /* no type column or cell: tell by the id */
			if (itsma_catalogue_find_requirement(cat, id))
				strcpy(type, "requirement");
			else if (itsma_attribute_parse(&attr, id, 1, NULL) == 0)
				strcpy(type, "attribute");
			else if (itsma_catalogue_find_section(cat, id))
				strcpy(type, "target");
			else
				strcpy(type, "requirement");
		}
		if (strcmp(type, "requirement") == 0)
			requirement_row(s, row, &c, a, id, rating, have_ev);
		else if (strcmp(type, "attribute") == 0)
			attribute_row(s, row, &c, a, id, rating, have_ev);
		else if (strcmp(type, "target") == 0)
			target_row(s, row, &c, a, rating);
		else
			problem(s, row, "type", "expected requirement, attribute or target, not \"%s\"", type);
	}
}

int cmd_import(int argc, char **argv)
{
	cli_args args;
	int id, kind;
	const char *value, *path = NULL, *catalogue = NULL, *aid = NULL, *date = NULL;
	const char *evidence = NULL, *output = NULL, *title = NULL, *org = NULL, *assessor = NULL;
	size_t target = (size_t)-1;
	const char **const operands[] = { &path };
	cli_args_init(&args, "import", help, argc, argv);
	cli_args_operands(&args, operands, 1);
	while ((kind = cli_args_next(&args, options, &id, &value)) == CLI_ARG_OPTION) {
		switch (id) {
		case OPT_CATALOGUE: catalogue = value; break;
		case OPT_ID: aid = value; break;
		case OPT_DATE: date = value; break;
		case OPT_EVIDENCE: evidence = value; break;
		case OPT_OUTPUT: output = value; break;
		case OPT_TITLE: title = value; break;
		case OPT_ORG: org = value; break;
		case OPT_ASSESSOR: assessor = value; break;
		case OPT_TARGET:
			if (cli_parse_size(value, &target) < 0 || target > 5)
				return cli_usage_error("import", "--target must be a level from 0 to 5, not '%s'",
				                       value);
			break;
		default: break;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!path)
		return cli_usage_error("import", "name the questionnaire (CSV) to import");
	if (!catalogue)
		return cli_usage_error("import", "--catalogue is required (e.g. iso20000-1:2018)");
	const char *inputs[] = { catalogue, path, evidence };
	if (cli_stdin_once("import", inputs, 3) != CLI_OK)
		return CLI_USAGE;
	if (!aid)
		return cli_usage_error("import", "--id is required (the new assessment's id)");
	if (!date)
		return cli_usage_error("import", "--date is required (the as-of date, YYYY-MM-DD)");
	if (!itsma_id_is_valid(aid))
		return cli_usage_error("import",
		                       "--id '%s' is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)", aid);
	if (itsma_date_parse(NULL, date, NULL) < 0)
		return cli_usage_error("import", "--date '%s' is not a date YYYY-MM-DD", date);

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = cli_load_catalogue(&cat, catalogue);
	if (rc)
		return rc;
	if (itsma_assessment_new(&a, cat, aid, date, &err) < 0 ||
	    (title && itsma_assessment_set_text(a, "title", title, &err) < 0) ||
	    (org && itsma_assessment_set_text(a, "organisation", org, &err) < 0) ||
	    (assessor && itsma_assessment_set_text(a, "assessor", assessor, &err) < 0) ||
	    (target != (size_t)-1 && itsma_assessment_set_target(a, (int)target, &err) < 0)) {
		cli_print_error(&err);
		itsma_assessment_free(a);
		itsma_catalogue_free(cat);
		return CLI_INVALID;
	}

	int problems = 0;
	sheet ev, q;
	memset(&ev, 0, sizeof ev);
	memset(&q, 0, sizeof q);
	if (evidence) {
		if (load_sheet(&ev, evidence) < 0)
			problems++;
		else
			import_evidence(&ev, a);
		problems += ev.problems;
	}
	if (load_sheet(&q, path) < 0)
		problems++;
	else
		import_questionnaire(&q, a, evidence != NULL);
	problems += q.problems;

	if (problems == 0) {
		char *json = NULL;
		if (itsma_assessment_to_json(&json, a, &err) < 0) {
			cli_print_error(&err);
			rc = CLI_INVALID;
		} else {
			rc = cli_write_output(output, json, strlen(json));
			itsma_free(json);
		}
		if (rc == CLI_OK && output)
			fprintf(stderr, "%s: %zu ratings, %zu process attributes, %zu evidence records\n",
			        output, itsma_assessment_rating_count(a), itsma_assessment_attribute_count(a),
			        itsma_assessment_evidence_count(a));
	} else {
		cli_warn("%d problem%s found; nothing was written", problems, problems == 1 ? "" : "s");
		rc = CLI_INVALID;
	}
	csv_free(&ev.t);
	csv_free(&q.t);
	seen_free(&ev.seen);
	seen_free(&q.seen);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
