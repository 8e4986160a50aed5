/* gen.c: writes a realistic journal of N entries for the benchmark.
 *
 *	gen journal N [SEED [K]]	a rel journal (rel-journal(5))
 *	gen ledger N [SEED]		a ledger-cli journal, N transactions
 *
 * The output depends only on its arguments.  A rel journal has N entries
 * in date order from 2021-01-04 to 2026-11-20 and N/20 contacts in groups
 * of an org and four of its people.  Each group is a client with a
 * relationship window: it starts at some entry, lasts a while and ends,
 * and at most MAXACTIVE groups are active at once (half the groups when
 * that is fewer).  A group's contact blocks come just before its first
 * entry (at the top for the clients of the first day); about half the
 * groups that end get a "status ORG,P1,P2,P3,P4 ended REASON" entry on
 * their last day; after that no entry names them, though a follow-up of a
 * ref opened before may still come.  Entries: interactions with times,
 * outcomes and purposes, notes, tags, promises, issues and requests with
 * their follow-ups (a few days later, some late, some never), feedback,
 * deals, referrals and self-ratings, each about a client active at the
 * time, some clients much busier than others.
 *
 * With K, the journal has the contacts and refs of a K-entry journal and
 * N entries: no group starts after entry K (the groups active then stay
 * to the end) and no promise, issue or request is opened after it (an
 * interaction comes instead; follow-ups of earlier refs still do).  The
 * benchmark uses it to see that memory does not grow with entries alone.
 *
 * With GEN_IDS=FILE in the environment, a journal's counts of distinct
 * contact ids and ref ids are written to FILE as "contacts C refs R".
 * Built by tests/bench/gen-journal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- output: one buffer, written in large blocks */

static char obuf[1 << 16];
static size_t olen;

static void
flush(void)
{
	if (fwrite(obuf, 1, olen, stdout) != olen) {
		perror("gen: write");
		exit(2);
	}
	olen = 0;
}

static void
put(const char *s)
{
	size_t len = strlen(s);

	if (olen + len > sizeof(obuf))
		flush();
	memcpy(obuf + olen, s, len);
	olen += len;
}

static void
putnum(long v, int width)	/* zero-padded to width digits */
{
	char tmp[24];
	int i = 0;

	if (v < 0) {
		put("-");
		v = -v;
	}
	do {
		tmp[i++] = '0' + v % 10;
		v /= 10;
	} while (v || i < width);
	if (olen + i > sizeof(obuf))
		flush();
	while (i)
		obuf[olen++] = tmp[--i];
}

/* ---- randomness: xorshift64*, deterministic across platforms */

static unsigned long long rs = 88172645463325252ULL;

static int
rnd(unsigned n)			/* 0 .. n-1 */
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return (int)(((rs * 2685821657736338717ULL) >> 33) % n);
}

#define PICK(a) ((a)[rnd(N(a))])

/* ---- dates: days since 1970-01-01 */

static long
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097L + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static void
putdate(long day, char sep)
{
	int y, m, d;
	char s[2] = { sep, 0 };

	civil(day, &y, &m, &d);
	putnum(y, 4);
	put(s);
	putnum(m, 2);
	put(s);
	putnum(d, 2);
}

/* ---- the people */

static const char *first[][2] = {
	{ "Jan", "jan" }, { "Tomás", "tomas" }, { "Priya", "priya" },
	{ "Helen", "helen" }, { "Ruth", "ruth" }, { "Dieter", "dieter" },
	{ "Esme", "esme" }, { "Kwame", "kwame" }, { "Zoë", "zoe" },
	{ "Søren", "soren" }, { "Aiko", "aiko" }, { "Marta", "marta" },
	{ "Chen", "chen" }, { "Fatima", "fatima" }, { "Lucas", "lucas" },
	{ "Ingrid", "ingrid" }, { "Rafael", "rafael" }, { "Noor", "noor" },
	{ "Björn", "bjorn" }, { "Amara", "amara" }, { "Diego", "diego" },
	{ "Yuki", "yuki" }, { "Olga", "olga" }, { "Sean", "sean" },
};
static const char *surname[] = {
	"Novak", "Reyes", "Nair", "Marsh", "Ellison", "Brandt", "Quayle",
	"Mensah", "Okafor", "Lindqvist", "Tanaka", "Kowalski", "Haddad",
	"Moreau", "García", "O'Brien", "Schmidt", "Costa", "Dubois", "Rossi",
	"Jensen", "Silva", "Åberg", "Müller", "Nakamura",
};
static const char *orgword[][2] = {
	{ "Brightfield", "brightfield" }, { "Ostara", "ostara" },
	{ "Millbrook", "millbrook" }, { "Vantage", "vantage" },
	{ "Copperline", "copperline" }, { "Harlow", "harlow" },
	{ "Northwind", "northwind" }, { "Bluestone", "bluestone" },
	{ "Redfern", "redfern" }, { "Ashgrove", "ashgrove" },
	{ "Kestrel", "kestrel" }, { "Juniper", "juniper" },
	{ "Halcyon", "halcyon" }, { "Meridian", "meridian" },
	{ "Larkspur", "larkspur" }, { "Oakridge", "oakridge" },
	{ "Thornbury", "thornbury" }, { "Westmoor", "westmoor" },
};
static const char *orgkind[] = {
	"Coffee Roasters", "Health", "Library Trust", "Freight", "Data",
	"Arts Festival", "Logistics", "Foods", "Legal LLP", "Dental Group",
	"Architects", "Bikes", "Brewing Co.", "Insurance", "Energy", "Press",
	"Robotics", "Housing Association",
};
static const char *owners[] = { "maya", "lena", "omar", "paula" };
static const char *cadences[] = { "7d", "14d", "2w", "21d", "30d", "1mo",
	"45d", "3mo" };
static const char *expects[] = {
	"staging link and a changelog every Friday",
	"a written summary after every call",
	"everything in writing, contracts in German",
	"monthly invoice with hours per task",
	"a call before anything goes live",
	"quotes within two working days",
};
static const char *orgabout[] = {
	"Charity. Trustees meet the first Tuesday of the month.",
	"Good people; we send each other work.",
	"Roastery in Leith, ships across the EU. Web shop is ours.",
	"Budget year starts in April; quotes before February.",
};
static const char *about[] = {
	"Founder. Decides fast, wants numbers rather than mood boards.",
	"Clinical lead. Overbooked; keep agendas to three items.",
	"Prefers calls before 09:30 or not at all.",
	"Likes cycling and natural wine; hates long decks.",
	"New in the role since spring; still finding her feet.",
	"Signs off on anything with a price on it.",
};

static long ncontacts, ngroups, ndeclared;

/* Contact c: c % 5 == 0 is an org, the next four are its people. */
static void
putcontact(long c)
{
	if (c % 5 == 0) {
		put(orgword[c / 5 % N(orgword)][1]);
		put("-");
	} else
		put(first[c % N(first)][1]);
	putnum(c, 1);
}

static long
person_of(long g)
{
	return g * 5 + 1 + rnd(4);
}

/* ---- the clients over time
 *
 * There are nslots slots, each holding one group at a time, one after
 * another from the first entry to the last: a slot's windows partition
 * the entries 0 .. K-1 (K = N but for the variant above), each about 0.7
 * to 1.3 times the mean (nslots * K / ngroups entries), and the last one
 * runs on to the end of the journal.
 * Groups are numbered in the order they start.  Some slots are much busier
 * than others, so some clients are. */

#define MAXACTIVE 2000		/* groups active at once, at most */

struct window {
	long start, end;	/* entries start .. end - 1; end nentries: open */
	int slot, ended;	/* ended: a status entry ends it */
};

static struct window *win;
static long *slot;		/* slot -> its group now, or -1 */
static long nslots;
static long idsafter;		/* K: no new group or ref from entry K on */
static long forced = -1;	/* the group the next group() returns, or -1 */

static void *
xalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL) {
		perror("gen");
		exit(2);
	}
	return p;
}

static int
bystart(const void *a, const void *b)
{
	const struct window *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->slot > y->slot) - (x->slot < y->slot);
}

static long nentries;

static void
schedule(void)
{
	long s, j, k, g = 0, per, extra;
	double *w, sum, at;

	nslots = ngroups / 2 < MAXACTIVE ? ngroups / 2 : MAXACTIVE;
	if (nslots < 1)
		nslots = 1;
	per = ngroups / nslots;
	extra = ngroups % nslots;	/* the quietest slots hold one more */
	win = xalloc((size_t)ngroups, sizeof(*win));
	slot = xalloc((size_t)nslots, sizeof(*slot));
	w = xalloc((size_t)per + 1, sizeof(*w));
	for (s = 0; s < nslots; s++) {
		slot[s] = -1;
		k = per + (s >= nslots - extra);
		for (sum = 0, j = 0; j < k; j++)
			sum += w[j] = 700 + rnd(601);
		for (at = 0, j = 0; j < k; j++, g++) {
			win[g].slot = (int)s;
			win[g].start = (long)(at / sum * idsafter);
			if (j > 0 && win[g].start <= win[g - 1].start)
				win[g].start = win[g - 1].start + 1;
			if (j > 0)
				win[g - 1].end = win[g].start;
			at += w[j];
		}
		win[g - 1].end = nentries;
	}
	free(w);
	qsort(win, (size_t)ngroups, sizeof(*win), bystart);
	for (g = 0; g < ngroups; g++)
		win[g].ended = win[g].end < nentries && rnd(2);
}

static long
group(void)			/* an active client; some are much busier */
{
	long g;

	if ((g = forced) >= 0) {
		forced = -1;
		return g;
	}
	do
		g = slot[rnd(2) ? rnd((unsigned)nslots) :
		    rnd(rnd((unsigned)nslots) + 1)];
	while (g < 0);
	return g;
}

static long
anygroup(void)			/* any client, for the ledger */
{
	if (rnd(2))
		return rnd((unsigned)ngroups);
	return rnd(rnd((unsigned)ngroups) + 1);
}

/* The contact blocks of group g, known since a day up to spread days
 * before day since. */
static void
putgroup(long g, long since, unsigned spread)
{
	long c;

	ndeclared++;
	for (c = g * 5; c < g * 5 + 5; c++) {
		put("contact ");
		putcontact(c);
		put(" \"");
		if (c % 5 == 0) {
			put(orgword[c / 5 % N(orgword)][0]);
			put(" ");
			put(orgkind[(c / 5 / N(orgword) + c) % N(orgkind)]);
			put("\"\n  kind: org\n");
		} else {
			put(first[c % N(first)][0]);
			put(" ");
			put(PICK(surname));
			put("\"\n  org: ");
			putcontact(c - c % 5);
			put("\n");
		}
		put("  cadence: ");
		put(PICK(cadences));
		put("\n  since: ");
		putdate(since - rnd(spread), '-');
		put("\n  owner: ");
		put(owners[c / 5 % N(owners)]);
		put("\n");
		if (rnd(3) == 0) {
			put("  expects: ");
			put(PICK(expects));
			put("\n");
		}
		if (rnd(2) == 0) {
			put("  ");
			put(c % 5 ? PICK(about) : PICK(orgabout));
			put("\n");
		}
		put("\n");
	}
}

/* ---- the entries */

static const char *titles[] = {
	"Quarterly review", "Shop redesign kickoff", "Scope for the patient app",
	"Prototype review", "Route board walkthrough", "Phase 2 planning",
	"Renewal terms for next year", "Intro to their new analyst",
	"Questions on the quote", "Migration plan for the old site",
	"Budget check-in", "Where the project stands", "Weekly status",
	"Roadmap draft for Q1", "Depot tour and lunch", "Accessibility findings",
	"Kickoff date and who is in the room", "Retrospective on the launch",
	"Hiring plan and an intro to Bob", "Pricing for the subscription add-on",
	"Follow-up on the workshop", "Onboarding the support team",
};
static const char *quoted[] = {
	"\"Checkout \\\"Pay now\\\" button dead on Safari\"",
	"\"Trustees' evening: presented the audit\"",
	"\"Events calendar: questions on the quote\"",
	"\"Reminders went out an hour early\"", "\"Final clinical wording\"",
	"\"Homepage and product page mockups\"", "\"Q1 roadmap draft\"",
	"\"Audit log export for the regulator\"", "\"Brand style guide, PDF\"",
};
static const char *refword[] = { "quote", "mocks", "proto", "export",
	"audit", "deck", "roadmap", "fix", "report", "styleguide" };
static const char *notes[] = {
	"Pulled into another meeting; agreed to reschedule.",
	"Sent three examples from other libraries. No ask attached.",
	"Ward emergency; she dialled in from a corridor.",
	"I double-booked it with the dentist. My fault; rebooked.",
	"Waited twenty minutes, emailed. Reply came the next morning.",
	"Their IT wants everything in-house next year.",
	"Two trustees asked for the demo again afterwards.",
	"Priya owns the copy; Tomás signs off on prices.",
	"Wants fewer revision rounds and a fixed weekly slot.",
	"Caught by the night shift at 07:10; twelve users affected.",
	"Needs the last 90 days, CSV is fine.",
	"Five days late. Testing took longer than I planned for.",
};
static const char *tags[] = { "web", "app", "kickoff", "onsite", "a11y",
	"checkout", "hiring", "renewal", "billing", "q4", "support", "café" };
static const char *comments[] = { "Workshop was the most useful thing",
	"\"Prototype is solid; too many emails from us\"",
	"\"Checkout conversion up 12%; happy\"", "Calendar quote was clear",
	"Mockups good; wants fewer revision rounds", "\"Slow to answer\"" };

/* A follow-up waiting to be written: at entry index when. */
struct due {
	long when, num, due;
	int kind, word;
};
enum { PROMISE, TOLD, RESOLVED, REQUEST };

static struct due *heap;
static size_t nheap, heapcap;

static void
push(struct due d)
{
	size_t i = nheap++, p;

	if (nheap > heapcap) {
		heapcap = heapcap ? heapcap * 2 : 1024;
		if ((heap = realloc(heap, heapcap * sizeof(*heap))) == NULL) {
			perror("gen");
			exit(2);
		}
	}
	for (; i > 0 && heap[p = (i - 1) / 2].when > d.when; i = p)
		heap[i] = heap[p];
	heap[i] = d;
}

static struct due
pop(void)
{
	struct due top = heap[0], last = heap[--nheap];
	size_t i = 0, c;

	for (; (c = 2 * i + 1) < nheap; i = c) {
		if (c + 1 < nheap && heap[c + 1].when < heap[c].when)
			c++;
		if (heap[c].when >= last.when)
			break;
		heap[i] = heap[c];
	}
	heap[i] = last;
	return top;
}

static long span, start, nrefs;

static long
later(long i, int days)		/* the entry index days after entry i */
{
	return i + 1 + (long)((double)days * nentries / span);
}

static void
putref(const struct due *d)
{
	put(refword[d->word]);
	put("-");
	putnum(d->num, 1);
}

static void
puttime(void)
{
	put(" ");
	putnum(8 + rnd(11), 2);
	put(":");
	putnum(rnd(4) * 15, 2);
}

static void
note(int percent)
{
	if ((int)rnd(100) < percent) {
		put("  ");
		put(PICK(notes));
		put("\n");
	}
}

static void
followup(long i, long day, struct due d)
{
	static const char *late[] = { "", "", "", "", "", "       ; a day early",
		"  ; late, see notes" };
	int r = rnd(100);

	putdate(day, '-');
	if (rnd(4) == 0)
		puttime();
	switch (d.kind) {
	case PROMISE:
		if (r < 12) {
			put(" moved ");
			putref(&d);
			put(" due:");
			d.due = day + 7 + rnd(21);
			putdate(d.due, '-');
			put("\n");
			note(40);
			d.when = later(i, (int)(d.due - day) - 3 + rnd(8));
			push(d);
			return;
		}
		put(r < 88 ? " kept " : " broken ");
		break;
	case TOLD:
		put(" told ");
		break;
	case RESOLVED:
		put(" resolved ");
		break;
	case REQUEST:
		put(" answered ");
		break;
	}
	putref(&d);
	put(PICK(late));
	put("\n");
	note(15);
	if (d.kind == TOLD && rnd(100) < 85) {
		d.kind = RESOLVED;
		d.when = later(i, 1 + rnd(10));
		push(d);
	}
}

static void
subject(long g, int maypair)
{
	long a = person_of(g), b;
	int r = rnd(100);

	if (r < 12) {
		putcontact(g * 5);
		return;
	}
	putcontact(a);
	if (maypair && r < 27) {
		b = person_of(g);
		if (b != a) {
			put(",");
			putcontact(b);
		}
	}
}

static void
duration(void)
{
	static const char *d[] = { "15m", "30m", "45m", "1h", "1h30m", "2h" };

	put(PICK(d));
}

static void
interaction(const char *kind, int timed, int outcomes)
{
	static const char *purpose[] = { "give", "ask", "mutual" };
	int r;

	if ((int)rnd(100) < timed)
		puttime();
	put(" ");
	put(kind);
	put(" ");
	subject(group(), 1);
	put(" ");
	put(rnd(6) ? PICK(titles) : PICK(quoted));
	if (outcomes) {
		put(" planned:");
		duration();
		r = rnd(100);
		if (r < 75)
			put(" actual:"), duration(), put(" outcome:held");
		else if (r < 83)
			put(" actual:5m outcome:shortened by:them");
		else if (r < 90)
			put(rnd(3) ? " outcome:bumped by:them" :
			    " outcome:bumped by:us");
		else if (r < 95)
			put(" outcome:cancelled by:them");
		else
			put(rnd(2) ? " outcome:no-show by:them" :
			    " outcome:no-show by:us");
	}
	if (rnd(100) < 35)
		put(" purpose:"), put(PICK(purpose));
}

static void
opener(long i, long day, int kind, const char *name)
{
	struct due d = { 0, i, 0, kind, (int)rnd(N(refword)) };

	nrefs++;
	put(" ");
	put(name);
	put(" ");
	subject(group(), 0);
	put(" ");
	put(rnd(3) ? PICK(titles) : PICK(quoted));
	put(" id:");
	putref(&d);
	switch (kind) {
	case PROMISE:
		d.due = day + 3 + rnd(19);
		put(" due:");
		putdate(d.due, '-');
		if (rnd(4) == 0)
			put(" by:them");
		if (rnd(100) < 92) {
			d.when = later(i, (int)(d.due - day) - 4 + rnd(9));
			push(d);
		}
		break;
	case TOLD:
		put(" learned:");
		putdate(day - rnd(4), '-');
		put(rnd(3) ? " severity:medium" : " severity:high");
		put(rnd(4) ? " ours:yes" : " ours:no");
		if (rnd(100) < 95) {
			d.when = later(i, rnd(5));
			push(d);
		}
		break;
	case REQUEST:
		if (rnd(3) == 0)
			put(rnd(2) ? " sla:1d" : " sla:5d");
		if (rnd(100) < 90) {
			d.when = later(i, rnd(6));
			push(d);
		}
		break;
	}
}

/* One letter per kind, repeated by weight: meeting, call, email, message
 * (g), visit, note (o), promise, issue, request, feedback, deal, referral
 * (x), rate (t). */
static const char mix[] = "MMMMMMMCCCCCCCEEEEEEEEEEEGGGGGVVOOOPPPPPPIIRRRFFFDDXT";
static const char talk[] = "MMMMMMMCCCCCCCEEEEEEEEEEEGGGGGVV";	/* the M..V */

/* An entry of a kind drawn from kinds (mix, or talk: an interaction). */
static void
entry(long i, long day, const char *kinds)
{
	int k = kinds[rnd((unsigned)strlen(kinds))];
	int r;

	if (i >= idsafter && (k == 'P' || k == 'I' || k == 'R'))
		k = talk[rnd(sizeof(talk) - 1)];	/* no new refs */

	putdate(day, '-');
	switch (k) {
	case 'M':
		interaction("meeting", 95, 1);
		break;
	case 'C':
		interaction("call", 80, rnd(2));
		break;
	case 'E':
		interaction("email", 30, 0);
		break;
	case 'G':
		interaction("message", 30, 0);
		break;
	case 'V':
		interaction("visit", 60, 0);
		break;
	case 'O':
		put(" note ");
		subject(group(), 0);
		put(" ");
		put(PICK(notes));
		break;
	case 'P':
		opener(i, day, PROMISE, "promise");
		break;
	case 'I':
		opener(i, day, TOLD, "issue");
		break;
	case 'R':
		opener(i, day, REQUEST, "request");
		break;
	case 'X':
		put(" referral ");
		putcontact(person_of(group()));
		put(" to:");
		putcontact(group() * 5);
		put(rnd(2) ? " by:us" : " by:them");
		break;
	case 'F':
		put(" feedback ");
		putcontact(person_of(group()));
		put(" score:");
		putnum(rnd(4) ? 6 + rnd(5) : rnd(6), 1);
		put(" ");
		put(PICK(comments));
		break;
	case 'D':
		put(" deal ");
		putcontact(group() * 5);
		put(" ");
		put(PICK(quoted));
		put(" amount:");
		putnum(500 + rnd(400) * 100, 1);
		if (rnd(10) == 0)
			put(" currency:GBP");
		break;
	case 'T':
		put(" rate ");
		putcontact(person_of(group()));
		put(" B:"), putnum(1 + rnd(5), 1);
		put(" P:"), putnum(1 + rnd(5), 1);
		if (rnd(2)) {
			put(" I:"), putnum(1 + rnd(5), 1);
			put(" M:"), putnum(1 + rnd(5), 1);
			put(" W:"), putnum(1 + rnd(5), 1);
			put(" H:"), putnum(1 + rnd(5), 1);
			put(" E:"), putnum(1 + rnd(5), 1);
		}
		break;
	}
	r = rnd(100);
	if (r < 30 && k != 'T' && k != 'X') {
		put(" +");
		put(PICK(tags));
		if (r < 5)
			put(" +"), put(PICK(tags));
	}
	put("\n");
	if (k == 'D' && rnd(2))
		put("  po: PO-"), putnum(i, 6), put("\n");
	note(k == 'I' ? 60 : 25);
}

static const char *reasons[] = {
	"Project finished; parted amicably",
	"Budget cut; they will call when it is back",
	"Moved the work in-house",
	"Values did not match; parted amicably",
	"Chose another agency after the tender",
	"Acquired; the new owners have their own team",
	"Contract ran out and they did not renew",
	"Site launched and handed over; nothing more planned",
};
static const char *farewell[] = {
	"Handed over the credentials and the documentation.",
	"Sent the final invoice and a thank-you card.",
	"Asked them for a reference; they said yes.",
	"Archived the shared drive; access removed.",
};

/* Group g's relationship ends on day: one status entry ends its org and
 * the org's four people. */
static void
ended(long g, long day)
{
	long c;

	putdate(day, '-');
	put(" status ");
	for (c = g * 5; c < g * 5 + 5; c++) {
		if (c > g * 5)
			put(",");
		putcontact(c);
	}
	put(" ended ");
	put(PICK(reasons));
	put("\n");
	if (rnd(3) == 0) {
		put("  ");
		put(PICK(farewell));
		put("\n");
	}
}

static int
byend(const void *a, const void *b)
{
	long x = win[*(const long *)a].end, y = win[*(const long *)b].end;

	if (x != y)
		return x < y ? -1 : 1;
	return (*(const long *)a > *(const long *)b) -
	    (*(const long *)a < *(const long *)b);
}

/* Entry i is one of, in this order: the status entry of a group that ends
 * (a group that ends without one just leaves its slot); the first entry of
 * a group that starts, an interaction, after its contact blocks; a
 * follow-up that is due; any other entry.  One that cannot be written at
 * its entry waits for the next. */
static void
journal(void)
{
	long i, day, month = -1, g, next = 0, e = 0, nends = 0, *ends;
	int y, m, d;

	put("; Generated by tests/bench/gen for the benchmark: a small agency's\n"
	    "; client journal over several years.\n\n"
	    "option default-cadence 30d\noption feedback-every 90d\n"
	    "option default-sla 2d\noption currency EUR\n\n");
	schedule();
	ends = xalloc((size_t)ngroups, sizeof(*ends));
	for (g = 0; g < ngroups; g++)
		if (win[g].end < nentries)
			ends[nends++] = g;
	qsort(ends, (size_t)nends, sizeof(*ends), byend);
	for (; next < ngroups && win[next].start == 0; next++) {
		putgroup(next, start, 700);	/* clients before the journal */
		slot[win[next].slot] = next;
	}
	for (i = 0; i < nentries; i++) {
		day = start + (long)((double)i * span / nentries);
		civil(day, &y, &m, &d);
		if (y * 12 + m != month) {
			month = y * 12 + m;
			put("\n; ---- ");
			putnum(y, 4), put("-"), putnum(m, 2);
			put(" ----\n\n");
		}
		for (g = -1; g < 0 && e < nends && win[ends[e]].end <= i &&
		    ends[e] < next; e++) {
			slot[win[ends[e]].slot] = -1;
			if (win[ends[e]].ended)
				g = ends[e];
		}
		if (g >= 0) {
			ended(g, day);
			continue;
		}
		if (next < ngroups && win[next].start <= i &&
		    slot[win[next].slot] < 0) {
			put("\n");
			putgroup(next, day, 21);
			slot[win[next].slot] = forced = next;
			next++;
			entry(i, day, talk);
		} else if (nheap && heap[0].when <= i)
			followup(i, day, pop());
		else
			entry(i, day, mix);
	}
	free(ends);
}

/* ---- ledger-cli: the same business from the books' side */

static const char *vendors[] = { "Hetzner Online", "Deutsche Bahn",
	"Office Depot", "Figma", "GitHub", "Café Nero", "Lufthansa",
	"Adobe", "Fastmail", "Staples", "IKEA", "Uber", "Coworking Leith" };
static const char *expense[] = { "Expenses:Hosting", "Expenses:Travel",
	"Expenses:Office:Supplies", "Expenses:Software", "Expenses:Software",
	"Expenses:Meals", "Expenses:Travel:Flights", "Expenses:Software",
	"Expenses:Mail", "Expenses:Office:Supplies", "Expenses:Office:Furniture",
	"Expenses:Travel:Taxi", "Expenses:Rent" };
static const char *remarks[] = { "; receipt in scans/", "; Invoice ",
	"; paid late, reminder sent ", "; split with Omar, ref " };

/* A posting: the account, then the amount in column 45, or none for the
 * amount that ledger works out. */
static void
posting(const char *account, long cents)
{
	static const char pad[] = "                                        ";
	size_t len = strlen(account);

	put("    ");
	put(account);
	if (cents >= 0) {
		put(len < 38 ? pad + len : "  ");
		putnum(cents / 100, 1);
		put(".");
		putnum(cents % 100, 2);
		put(" EUR");
	}
	put("\n");
}

static void
ledger(void)
{
	long i, day, g, cents;
	char income[64];
	int v;

	put("; Generated by tests/bench/gen for the benchmark: a small agency's\n"
	    "; books over several years, for ledger-cli.\n\n");
	for (i = 0; i < nentries; i++) {
		day = start + (long)((double)i * span / nentries);
		putdate(day, '/');
		put(rnd(10) ? " * " : " ! ");
		if (rnd(3) == 0)
			put("("), putnum(1000 + i, 1), put(") ");
		if (rnd(100) < 40) {	/* a client's invoice, or its payment */
			g = anygroup();
			put(orgword[g % N(orgword)][0]);
			put(" ");
			put(orgkind[(g / N(orgword) + g * 5) % N(orgkind)]);
			put("\n");
			if (rnd(4) == 0)
				put("    "), put(PICK(remarks)), putnum(i, 6), put("\n");
			cents = 50000 + rnd(2000) * 1000;
			if (rnd(2)) {
				snprintf(income, sizeof(income),
				    "Income:Consulting:%s-%ld",
				    orgword[g % N(orgword)][1], g * 5);
				posting("Assets:Receivable", cents);
				posting(income, -1);
			} else {
				posting("Assets:Bank:Checking", cents);
				posting("Assets:Receivable", -1);
			}
			continue;
		}
		v = rnd(N(vendors));	/* an expense, some with VAT */
		put(vendors[v]);
		put("\n");
		if (rnd(4) == 0)
			put("    "), put(PICK(remarks)), putnum(i, 6), put("\n");
		cents = 300 + rnd(30000);
		posting(expense[v], cents);
		if (rnd(5) < 2)
			posting("Expenses:Tax:VAT", cents / 5);
		posting(rnd(4) ? "Assets:Bank:Checking" : "Liabilities:CreditCard",
		    -1);
		if (rnd(5) == 0)
			put("\n");
	}
}

int
main(int argc, char **argv)
{
	const char *ids = getenv("GEN_IDS");
	int isjournal = argc > 1 && strcmp(argv[1], "journal") == 0;
	FILE *f;

	if (argc < 3 || argc > 4 + isjournal || (!isjournal &&
	    strcmp(argv[1], "ledger")) || (nentries = atol(argv[2])) < 1 ||
	    (argc == 5 && (idsafter = atol(argv[4])) < 1)) {
		fputs("usage: gen journal ENTRIES [SEED [K]]\n"
		    "       gen ledger ENTRIES [SEED]\n", stderr);
		return 2;
	}
	if (argc >= 4)
		rs += strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15ULL;
	if (idsafter == 0 || idsafter > nentries)
		idsafter = nentries;
	start = days_from_civil(2021, 1, 4);
	span = days_from_civil(2026, 11, 20) - start;
	ncontacts = (isjournal ? idsafter : nentries) / 20;
	if (ncontacts < 10)
		ncontacts = 10;
	ngroups = ncontacts / 5;
	ncontacts = ngroups * 5;
	if (isjournal)
		journal();
	else
		ledger();
	flush();
	if (fflush(stdout) != 0)
		return 2;
	if (isjournal && ids && *ids) {
		if ((f = fopen(ids, "w")) == NULL ||
		    fprintf(f, "contacts %ld refs %ld\n", ndeclared * 5L,
		    nrefs) < 0 || fclose(f) != 0) {
			perror(ids);
			return 2;
		}
	}
	return 0;
}
