/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench/gen: writes a synthetic catalogue and assessment of any size, deterministically.
 *
 *   gen CATALOGUE.json ASSESSMENT.json [--processes P] [--requirements R] [--evidence E]
 *       [--cites K] [--seed S]
 *
 * The catalogue has P processes in P/10 groups with R requirements spread over them (and a
 * few should-requirements); the assessment rates every requirement and every process
 * attribute, and holds E evidence records, each cited by K ratings (rating r cites every
 * record e with e mod R in r-K+1..r, so a rating cites about K*E/R records). Some evidence
 * is expired or collected after the assessment date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long long next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static const char *const letters[] = { "N", "P-", "P", "P+", "L-", "L", "L+", "F" };
static const char *const kinds[] = { "document", "record", "interview", "observation", "metric" };
static const char *const pas[] = { "PA2.1", "PA2.2", "PA3.1", "PA3.2",
	                           "PA4.1", "PA4.2", "PA5.1", "PA5.2" };

int main(int argc, char **argv)
{
	long processes = 100, requirements = 5000, evidence = 10000, cites = 3, i, j;
	FILE *c, *a;
	int k;

	if (argc < 3) {
		fprintf(
		    stderr,
		    "usage: gen CATALOGUE.json ASSESSMENT.json [--processes P] [--requirements R]"
		    " [--evidence E] [--cites K] [--seed S]\n");
		return 2;
	}
	for (k = 3; k + 1 < argc; k += 2) {
		long v = strtol(argv[k + 1], NULL, 10);
		if (!strcmp(argv[k], "--processes"))
			processes = v;
		else if (!strcmp(argv[k], "--requirements"))
			requirements = v;
		else if (!strcmp(argv[k], "--evidence"))
			evidence = v;
		else if (!strcmp(argv[k], "--cites"))
			cites = v;
		else if (!strcmp(argv[k], "--seed"))
			state = (unsigned long long)v * 2654435761ULL + 1;
		else {
			fprintf(stderr, "gen: unknown option %s\n", argv[k]);
			return 2;
		}
	}
	if (processes < 1 || requirements < processes || evidence < 1 || cites < 0) {
		fprintf(stderr,
		        "gen: need processes >= 1, requirements >= processes, evidence >= 1\n");
		return 2;
	}
	c = fopen(argv[1], "w");
	a = fopen(argv[2], "w");
	if (!c || !a) {
		perror("gen");
		return 1;
	}
	fprintf(c,
	        "{\n  \"format\": \"itsma-catalogue/1\",\n  \"id\": \"bench:%ld\",\n"
	        "  \"title\": \"Synthetic catalogue, %ld requirements in %ld processes\",\n"
	        "  \"guidance_sources\": {\"itil4\": \"ITIL 4\", \"cobit2019\": \"COBIT 2019\"},\n"
	        "  \"sections\": [\n",
	        requirements, requirements, processes);
	{
		long groups = (processes + 9) / 10, p = 0, r = 0;
		for (i = 0; i < groups; i++) {
			fprintf(c,
			        "%s    {\"id\": \"G%ld\", \"title\": \"Group %ld\", \"weight\": "
			        "%ld, \"sections\": [\n",
			        i ? ",\n" : "", i, i, 1 + i % 3);
			for (j = 0; j < 10 && p < processes; j++, p++) {
				long n = requirements / processes + (p < requirements % processes),
				     q;
				fprintf(c,
				        "%s      {\"id\": \"P%ld\", \"title\": \"Process %ld\", "
				        "\"kind\": \"process\","
				        " \"guidance\": {\"itil4\": [\"Practice %ld\"], "
				        "\"cobit2019\": [\"DSS0%ld\"]},"
				        " \"requirements\": [\n",
				        j ? ",\n" : "", p, p, p % 34, 1 + p % 6);
				for (q = 0; q < n; q++, r++)
					fprintf(c,
					        "%s        {\"id\": \"R%ld\", \"text\": "
					        "\"Requirement %ld of process %ld is met.\"%s%s}",
					        q ? ",\n" : "", r, q, p,
					        q % 7 == 6 ? ", \"obligation\": \"should\"" : "",
					        q % 11 == 10 ? ", \"weight\": 2" : "");
				fprintf(c, "\n      ]}");
			}
			fprintf(c, "\n    ]}");
		}
	}
	fprintf(c, "\n  ]\n}\n");

	fprintf(a,
	        "{\n  \"format\": \"itsma-assessment/1\",\n  \"id\": \"bench-%ld\",\n"
	        "  \"catalogue\": \"bench:%ld\",\n  \"organisation\": \"Benchmark Ltd\",\n"
	        "  \"date\": \"2026-11-20\",\n  \"evidence\": [\n",
	        evidence, requirements);
	for (i = 0; i < evidence; i++) {
		unsigned long long x = next();
		int month = 1 + (int)(x % 12), day = 1 + (int)(x / 12 % 28);
		int future = x % 97 == 0, expired = !future && x % 50 == 0;
		fprintf(a,
		        "%s    {\"id\": \"EV-%ld\", \"title\": \"Ticket %ld exported from the "
		        "service desk\","
		        " \"kind\": \"%s\", \"uri\": \"https://itsm.example/records/%ld\","
		        " \"collected\": \"%d-%02d-%02d\"%s, \"by\": \"collector-%d\"}",
		        i ? ",\n" : "", i, i, kinds[x % 5], i, future ? 2026 : 2025 + (int)(x % 2),
		        future ? 12 : month, day,
		        expired ? ", \"expires\": \"2026-01-31\"" : ", \"expires\": \"2027-12-31\"",
		        (int)(x % 40));
	}
	fprintf(a, "\n  ],\n  \"ratings\": [\n");
	for (i = 0; i < requirements; i++) {
		unsigned long long x = next();
		fprintf(a, "%s    {\"requirement\": \"R%ld\", \"rating\": \"%s\", \"evidence\": [",
		        i ? ",\n" : "", i, letters[x % 8]);
		{
			long t, e, first = 1;
			for (t = 0; t < cites && t < requirements; t++)
				for (e = (i - t + requirements) % requirements; e < evidence;
				     e += requirements) {
					fprintf(a, "%s\"EV-%ld\"", first ? "" : ", ", e);
					first = 0;
				}
		}
		fprintf(a, "]}");
	}
	fprintf(a, "\n  ],\n  \"attributes\": [\n");
	for (i = 0; i < processes; i++)
		for (k = 0; k < 8; k++) {
			unsigned long long x = next();
			fprintf(a,
			        "%s    {\"process\": \"P%ld\", \"attribute\": \"%s\", \"rating\": "
			        "\"%s\", \"evidence\": [\"EV-%ld\"]}",
			        i || k ? ",\n" : "", i, pas[k], letters[k < 2 ? 4 + x % 4 : x % 8],
			        (long)(x % (unsigned long long)evidence));
		}
	fprintf(a, "\n  ],\n  \"targets\": {\"level\": 2}\n}\n");
	if (fclose(c) || fclose(a)) {
		perror("gen");
		return 1;
	}
	return 0;
}
