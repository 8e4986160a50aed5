/* score.c: the scores of rel-score(1), from a contact's tally.  Each
 * function names the rule of the manual page it implements; explain
 * prints the same terms with their evidence, so a person can check a
 * score by hand. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "contact.h"
#include "safe.h"
#include "score.h"

/* Where a score decays: 100 up to the day full, then linearly down to 0
 * on the day zero. */
struct span {
	int full, zero;
};

/* Recency: full one cadence after base; zero at the cadence's limit, or
 * for a cadence of one period, at three of it. */
static struct span
recency_span(int base, struct cadence c)
{
	struct span s = { period_add(base, c.ideal, 1), c.ranged ?
	    period_add(base, c.limit, 1) : period_add(base, c.ideal, 3) };

	return s;
}

/* B: full one feedback period after base, zero at two. */
static struct span
listening_span(int base, struct period every)
{
	struct span s = { period_add(base, every, 1), period_add(base, every,
	    2) };

	return s;
}

static double
decay(struct span s, int today)
{
	if (today <= s.full)
		return 100;
	if (today >= s.zero)
		return 0;
	return 100.0 * (s.zero - today) / (s.zero - s.full);
}

static double
mean2(double a, double b)
{
	if (isnan(a))
		return b;
	if (isnan(b))
		return a;
	return (a + b) / 2;
}

/* The day a clock counts from: the last time (an org's or any of its
 * members'), else since:, else the first record of the contact.  The
 * same baseline as rel-overdue's contact and feedback items. */
static int
clock_base(const struct tally *t, int last, const char *const whys[3],
    const char **why)
{
	*why = whys[0];
	if (last != NO_DATE)
		return last;
	*why = contact_own(t->c, "since") ? whys[1] : whys[2];
	return contact_baseline(t->c, t->first_day);
}

static const char *const recency_whys[3] = {
	"last held interaction",
	"never met; counted from since:",
	"never met; counted from its first record",
};
static const char *const listening_whys[3] = {
	"last feedback",
	"never asked; counted from since:",
	"never asked; counted from its first record",
};

static double
promise_term(int due, int on_time, int penalties)
{
	if (due == 0 && penalties == 0)
		return NAN;
	return clamp100((due ? 100.0 * on_time / due : 100) - 10.0 * penalties);
}

void
score_compute(const struct tally *t, int today, struct scores *s)
{
	double sum = 0, w = 0, respect = 0, trust = 0;
	int i, nres = 0, ntr = 0;
	const char *why;

	for (i = 0; i < NDIMS; i++) {
		s->observed[i] = NAN;
		s->rated[i] = t->rated[i] ? (t->rated[i] - 1) * 25.0 : NAN;
	}
	s->paused = contact_status(t->c) == ST_PAUSED;
	s->base = clock_base(t, t->held_org.day, recency_whys, &why);
	s->base_why = why;
	s->recency = s->base == NO_DATE || s->paused ? NAN :
	    decay(recency_span(s->base, contact_cadence(t->c)), today);
	s->fb_base = clock_base(t, t->fed_org.day, listening_whys, &why);
	s->fb_base_why = why;
	s->observed[D_M] = t->n.m_n ? t->n.m_sum / t->n.m_n : NAN;
	s->observed[D_B] = s->fb_base == NO_DATE || s->paused ? NAN :
	    decay(listening_span(s->fb_base, contact_feedback_every(t->c)),
	    today);
	s->observed[D_W] = promise_term(t->n.ours_due, t->n.ours_on_time,
	    t->n.stood_up_by_us);
	s->observed[D_P] = t->n.fb_scored ? 10.0 * t->n.fb_sum /
	    t->n.fb_scored : NAN;
	s->observed[D_H] = t->n.issues ? t->n.h_sum / t->n.issues : NAN;
	for (i = 0; i < NDIMS; i++) {
		s->dim[i] = mean2(s->observed[i], s->rated[i]);
		if (isnan(s->dim[i]))
			continue;
		if (dim_in_trust((enum dim)i)) {
			trust += s->dim[i];
			ntr++;
		} else {
			respect += s->dim[i];
			nres++;
		}
	}
	s->respect = nres ? respect / nres : NAN;
	s->trust = ntr ? trust / ntr : NAN;
	/* health: recency weighs 1, respect 2, trust 2 */
	if (!isnan(s->recency)) {
		sum += s->recency;
		w += 1;
	}
	if (!isnan(s->respect)) {
		sum += 2 * s->respect;
		w += 2;
	}
	if (!isnan(s->trust)) {
		sum += 2 * s->trust;
		w += 2;
	}
	s->health = w && !s->paused ? sum / w : NAN;
	s->partner = promise_term(t->n.theirs_due, t->n.theirs_on_time,
	    t->n.bumped_by_them);
}

/* Scores are printed as whole numbers, halves rounded up. */
long
score_round(double x)
{
	return (long)floor(x + 0.5);
}

void
score_format(double x, char *out, size_t n)
{
	if (isnan(x))
		snprintf(out, n, "%s", "");
	else
		snprintf(out, n, "%ld", score_round(x));
}

/* explain */

static void
print_result(FILE *fp, const char *name, double x)
{
	if (isnan(x))
		fprintf(fp, "%s = (empty: no evidence)\n", name);
	else
		fprintf(fp, "%s = %ld\n", name, score_round(x));
}

static void
print_evidence(FILE *fp, const struct tally *t, enum ev_kind kind)
{
	size_t i;

	for (i = 0; i < t->nev; i++)
		if (t->ev[i].kind == kind) {
			safe_printf(fp, "    %s:%ld  %s", t->ev[i].file,
			    t->ev[i].line, t->ev[i].what);
			putc('\n', fp);
		}
}

/* The arithmetic of decay(), with its dates, after "per: " (a cadence
 * or a period as written). */
static void
explain_decay(FILE *fp, const char *per, struct span s, int today)
{
	char full[DATE_MAX], zero[DATE_MAX];

	date_format(s.full, full);
	date_format(s.zero, zero);
	fprintf(fp, "%s: 100 until %s, then down to 0 on %s\n", per, full,
	    zero);
	if (today <= s.full)
		fprintf(fp, "  today is not past %s: 100\n", full);
	else if (today >= s.zero)
		fprintf(fp, "  today is on or past %s: 0\n", zero);
	else
		fprintf(fp, "  100 x %d days left / %d days = %.1f\n", s.zero -
		    today, s.zero - s.full, decay(s, today));
}

/* "  last held interaction: 2026-11-02 (a.rel:12), 20 days before today",
 * after lead */
static void
explain_base(FILE *fp, const char *lead, int base, const char *why,
    const struct latest *last, int today)
{
	char day[DATE_MAX];

	date_format(base, day);
	fprintf(fp, "%s%s: %s", lead, why, day);
	if (last->day == base && last->file)
		safe_printf(fp, " (%s:%ld)", last->file, last->line);
	fprintf(fp, ", %d days before today\n", today - base);
}

static void
explain_recency(FILE *fp, const struct tally *t, const struct scores *s,
    int today)
{
	char per[CADENCE_MAX];

	if (s->paused) {
		fprintf(fp, "recency = (empty: paused)\n  the contact is paused: "
		    "its clocks are stopped\n");
		return;
	}
	print_result(fp, "recency", s->recency);
	if (s->base == NO_DATE) {
		fprintf(fp, "  no interaction, since: or dated record\n");
		return;
	}
	explain_base(fp, "  ", s->base, s->base_why, &t->held_org, today);
	cadence_format(contact_cadence(t->c), per);
	fprintf(fp, "  cadence ");
	explain_decay(fp, per, recency_span(s->base, contact_cadence(t->c)),
	    today);
}

/* What --explain says of a dimension without an observed value, and the
 * evidence it lists under one. */
static const struct observed_how {
	const char *none;
	enum ev_kind ev[2];
	int nev;
} how[NDIMS] = {
	[D_I] = { "none; only a rate entry gives it", { 0 }, 0 },
	[D_M] = { "no request answered or past its SLA", { EV_REQUEST }, 1 },
	[D_B] = { "no feedback, since: or dated record", { 0 }, 0 },
	[D_W] = { "no promise of ours come due, no meeting stood up",
	    { EV_PROMISE, EV_STOOD_UP }, 2 },
	[D_P] = { "no feedback score", { EV_FEEDBACK }, 1 },
	[D_H] = { "no issue", { EV_ISSUE }, 1 },
	[D_E] = { "none; only a rate entry gives it", { 0 }, 0 },
};

/* W and partner: "100 x 1 kept on time / 2 come due - 10 x 1 stood up =
 * 40.0", or, with none come due, no division at all. */
static void
explain_promises(FILE *fp, const char *lead, const char *whose, int on_time,
    int due, int penalties, const char *penalty, double x)
{
	if (due == 0)
		fprintf(fp, "%sno promise %s came due: 100 - 10 x %d %s = %.1f\n",
		    lead, whose, penalties, penalty, x);
	else
		fprintf(fp, "%s100 x %d kept on time / %d come due - 10 x %d %s "
		    "= %.1f\n", lead, on_time, due, penalties, penalty, x);
}

static void
explain_observed(FILE *fp, const struct tally *t, const struct scores *s,
    int i, int today)
{
	double x = s->observed[i];
	char per[16];
	int k;

	if (isnan(x)) {
		fprintf(fp, "  observed: %s\n", i == D_B && s->paused ?
		    "none while the contact is paused" : how[i].none);
		return;
	}
	if (i == D_M)
		fprintf(fp, "  observed: mean over %d request(s) (100 within "
		    "the SLA, minus 10 a day late) = %.1f\n", t->n.m_n, x);
	else if (i == D_B) {
		explain_base(fp, "  observed: ", s->fb_base, s->fb_base_why,
		    &t->fed_org, today);
		period_format(contact_feedback_every(t->c), per);
		fprintf(fp, "  feedback-every ");
		explain_decay(fp, per, listening_span(s->fb_base,
		    contact_feedback_every(t->c)), today);
	} else if (i == D_W)
		explain_promises(fp, "  observed: ", "of ours", t->n.ours_on_time,
		    t->n.ours_due, t->n.stood_up_by_us, "stood up", x);
	else if (i == D_P)
		fprintf(fp, "  observed: 10 x %d / %d scores = %.1f\n",
		    t->n.fb_sum, t->n.fb_scored, x);
	else
		fprintf(fp, "  observed: mean over %d issue(s) (100 - 20 x "
		    "(days to tell - 1)) = %.1f\n", t->n.issues, x);
	for (k = 0; k < how[i].nev; k++)
		print_evidence(fp, t, how[i].ev[k]);
}

static void
explain_dim(FILE *fp, const struct tally *t, const struct scores *s, int i,
    int today)
{
	char name[32], letter = dim_letter((enum dim)i);

	snprintf(name, sizeof(name), "%c %s", letter, dim_name((enum dim)i));
	print_result(fp, name, s->dim[i]);
	explain_observed(fp, t, s, i, today);
	if (!isnan(s->rated[i]))
		fprintf(fp, "  rated: %c:%d -> (%d - 1) x 25 = %.0f\n", letter,
		    t->rated[i], t->rated[i], s->rated[i]);
	else
		fprintf(fp, "  rated: no rate entry gives %c\n", letter);
	if (!isnan(s->observed[i]) && !isnan(s->rated[i]))
		fprintf(fp, "  mean: (%.1f + %.0f) / 2 = %.1f\n", s->observed[i],
		    s->rated[i], s->dim[i]);
}

/* "(a + b + c) / 3 = x" over the values present. */
static void
explain_mean(FILE *fp, const double *v, const int *weight, int n)
{
	double sum = 0, w = 0;
	int i, first = 1;

	fprintf(fp, "  (");
	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		fprintf(fp, "%s", first ? "" : " + ");
		if (weight[i] != 1)
			fprintf(fp, "%d x ", weight[i]);
		fprintf(fp, "%.1f", v[i]);
		sum += weight[i] * v[i];
		w += weight[i];
		first = 0;
	}
	if (first)
		fprintf(fp, "nothing present)\n");
	else
		fprintf(fp, ") / %.0f = %.1f\n", w, sum / w);
}

/* "mean of I, M, B, W, P present:" and the mean of respect (trust 0) or
 * of trust (1). */
static void
explain_group(FILE *fp, const struct scores *s, int trust)
{
	static const int ones[NDIMS] = { 1, 1, 1, 1, 1, 1, 1 };
	double v[NDIMS];
	int i, n = 0;

	fprintf(fp, "  mean of");
	for (i = 0; i < NDIMS; i++)
		if (dim_in_trust((enum dim)i) == trust) {
			fprintf(fp, "%s %c", n ? "," : "", dim_letter((enum dim)i));
			v[n++] = s->dim[i];
		}
	fprintf(fp, " present:\n");
	explain_mean(fp, v, ones, n);
}

void
score_explain(FILE *fp, const struct tally *t, const struct scores *s,
    int today)
{
	static const int health_w[3] = { 1, 2, 2 };
	double v[3];
	char day[DATE_MAX];
	int i;

	date_format(today, day);
	safe_printf(fp, "%s (%s), as of %s", t->c->id, contact_name(t->c),
	    day);
	putc('\n', fp);
	fprintf(fp, "Scores are 0 to 100 and printed rounded; an empty one has "
	    "no evidence.\n\n");
	explain_recency(fp, t, s, today);
	for (i = 0; i < NDIMS; i++) {
		fputc('\n', fp);
		explain_dim(fp, t, s, i, today);
	}
	fputc('\n', fp);
	print_result(fp, "respect", s->respect);
	explain_group(fp, s, 0);
	fputc('\n', fp);
	print_result(fp, "trust", s->trust);
	explain_group(fp, s, 1);
	fputc('\n', fp);
	if (s->paused)
		fprintf(fp, "health = (empty: paused)\n  a paused contact has no "
		    "health\n");
	else {
		print_result(fp, "health", s->health);
		fprintf(fp, "  recency weighs 1, respect 2, trust 2:\n");
		v[0] = s->recency;
		v[1] = s->respect;
		v[2] = s->trust;
		explain_mean(fp, v, health_w, 3);
	}
	fputc('\n', fp);
	print_result(fp, "partner", s->partner);
	if (!isnan(s->partner)) {
		explain_promises(fp, "  ", "of theirs", t->n.theirs_on_time,
		    t->n.theirs_due, t->n.bumped_by_them,
		    "bumped, shortened or missed by them", s->partner);
		print_evidence(fp, t, EV_THEIR_PROMISE);
		print_evidence(fp, t, EV_THEIR_BUMP);
	} else
		fprintf(fp, "  no promise of theirs come due, nothing bumped by "
		    "them\n");
}
