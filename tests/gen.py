#!/usr/bin/env python3
"""Generates rel journals for the property tests and the benchmark.

gen.py SEED ENTRIES [--expect FILE] [--messy]

Writes a valid journal to standard output, with every kind, quoting edge
cases, prose that looks like structure (re:, URLs, +1, ;), notes, tags and
follow-ups; with --expect, also writes to FILE the records that rel-parse
must give for it (as JSON lines: kind, contact, ref, title, attrs, tags,
notes), so that a test can check the CSV with a parser that is not rel's.
With --messy, the words of an entry's line are written as a hurried person
types them: attributes and tags among the title words, runs of blanks and
tabs between words, trailing comments.
"""
import json
import random
import sys

WORDS = ["review", "budget", "roadmap", "quote", "deck", "workshop",
         "invoice", "kick-off", "Q4", "plan", "Zoë", "Ångström", "東京",
         "naïve", "café"]
TRICKY = ['a, b', 'say "hi"', 'back\\slash', 'semi; colon', 'x #hash',
          'tab\there', "O'Neil", 'x:y', '+plus', '  padded  ']
# Title words that look like structure but are prose (rel-journal(5),
# format 1.1): undeclared keys, keys with no value, URLs, +digits, smileys.
PROSE = ["re:", "todo:", "ETA:fri", "https://example.com/a?b=c", "x:y",
         "mailto:jan@example.com", "tel:+4420794600", "+1", "+44", ";)",
         ";-)", "a;b", '27"', "100%", "Müller", "due:", "I:4", "#7",
         "ünïcode:ok", "10:30"]


def title(rng, kind=None):
    n = rng.randint(0, 5)
    words = [rng.choice(WORDS) for _ in range(n)]
    if kind is not None and rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            w = rng.choice(PROSE)
            if kind == "rate" and w == "I:4":
                continue	# an attribute there
            words.insert(rng.randint(0, len(words)), w)
    return " ".join(words)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def attr_value(v):
    if v and not any(c in v for c in ' \t"\\'):
        return v
    return quote(v)


def date(day):
    import datetime
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=day)
    return d.isoformat()


def main():
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    expect = None
    messy = "--messy" in sys.argv
    if "--expect" in sys.argv:
        expect = open(sys.argv[sys.argv.index("--expect") + 1], "w",
                      encoding="utf-8")
    rng = random.Random(seed)
    out = sys.stdout
    recs = []

    def rec(kind, contact, ref="", title="", attrs=(), tags=(), notes=()):
        recs.append({"kind": kind, "contact": contact, "ref": ref,
                     "title": title, "attrs": list(attrs),
                     "tags": list(tags), "notes": "\n".join(notes)})

    out.write("; generated journal, seed %d\n" % seed)
    out.write("option default-cadence 21d\n")
    rec("option", "", attrs=[["default-cadence", "21d"]])
    out.write("option keys topic\n")
    rec("option", "", attrs=[["keys", "topic"]])
    ncontacts = max(3, n // 20)
    ids = ["c%d" % i for i in range(ncontacts)]
    for i, cid in enumerate(ids):
        name = title(rng) or cid
        attrs = [["cadence", rng.choice(["7d", "2w", "1mo", "30d"])]]
        if i % 3 == 0:
            attrs.append(["owner", rng.choice(["paula", "omar"])])
        if i % 4 == 1:
            attrs.append(["expects", rng.choice(TRICKY).strip() or "x"])
        notes = ["Met at %s." % rng.choice(WORDS)] if i % 2 else []
        out.write("contact %s %s\n" % (cid, quote(name)))
        for k, v in attrs:
            out.write("  %s: %s\n" % (k, v))
        for line in notes:
            out.write("  %s\n" % line)
        out.write("\n")
        rec("contact", cid, title=name, attrs=attrs, notes=notes)
    open_refs = []
    day = 0
    for e in range(n):
        day += rng.randint(0, 2)
        d = date(day)
        time = " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59)) \
            if rng.random() < 0.2 else ""
        r = rng.random()
        if open_refs and r < 0.2:
            ref, kind, contacts = open_refs.pop(rng.randrange(len(open_refs)))
            closer = {"promise": rng.choice(["kept", "broken"]),
                      "issue": "resolved", "request": "answered"}[kind]
            if kind == "issue":
                out.write("%s told %s\n" % (d, ref))
                for c in contacts:
                    rec("told", c, ref)
            out.write("%s%s %s %s\n" % (d, time, closer, ref))
            for c in contacts:
                rec(closer, c, ref)
            continue
        contacts = rng.sample(ids, rng.choice([1, 1, 1, 2]))
        kind = rng.choice(["meeting", "call", "email", "message", "visit",
                           "note", "promise", "issue", "request",
                           "feedback", "deal", "referral", "rate"])
        attrs, tags = [], []
        if kind in ("promise", "issue", "request"):
            ref = "r%d" % e
            attrs.append(["id", ref])
            if kind == "promise":
                attrs.append(["due", date(day + rng.randint(1, 20))])
                if rng.random() < 0.3:
                    attrs.append(["by", "them"])
            if kind == "issue":
                attrs.append(["learned", date(max(0, day - rng.randint(0, 3)))])
            open_refs.append((ref, kind, contacts))
        elif kind in ("meeting", "call", "visit"):
            if rng.random() < 0.5:
                attrs.append(["outcome", rng.choice(["held", "shortened",
                              "bumped", "cancelled", "no-show"])])
                attrs.append(["by", rng.choice(["us", "them"])])
            if rng.random() < 0.3:
                attrs.append(["purpose", rng.choice(["give", "ask"])])
            if rng.random() < 0.3:
                attrs.append(["planned", "30m"])
                attrs.append(["actual", rng.choice(["5m", "1h", "1h30m"])])
        elif kind == "feedback":
            attrs.append(["score", str(rng.randint(0, 10))])
        elif kind == "deal":
            attrs.append(["amount", str(rng.randint(100, 9999))])
        elif kind == "rate":
            for k in rng.sample("IMBWPHE", rng.randint(1, 7)):
                attrs.append([k, str(rng.randint(1, 5))])
        if rng.random() < 0.2:
            attrs.append(["topic", rng.choice(TRICKY)])
        if rng.random() < 0.3:
            tags.append(rng.choice(["sales", "q4", "café", "x,y"]))
        notes = []
        if rng.random() < 0.3:
            notes.append(rng.choice(TRICKY).strip() or "note")
            if rng.random() < 0.5:
                notes.append("second line, noted")
        # the head: bare title words, a quoted part, then attributes and
        # tags (with --messy, among the title words)
        bare = title(rng, kind)
        quoted = rng.choice(TRICKY) if rng.random() < 0.3 else None
        full = " ".join(x for x in [bare, quoted] if x)
        words = bare.split(" ") if bare else []
        if quoted is not None:
            words.append(quote(quoted))
        others = ["%s:%s" % (k, attr_value(v)) for k, v in attrs]
        others += ["+" + tg for tg in tags]
        if messy:	# among the title words, in their order
            at = sorted(rng.randint(0, len(words)) for _ in others)
            for i, w in reversed(list(enumerate(others))):
                words.insert(at[i], w)
        else:
            words += others

        def blank():
            return rng.choice([" ", "  ", "\t", " \t "]) if messy else " "
        head = d + (blank() + time[1:] if time else "") + blank() + kind + \
            blank() + ",".join(contacts)
        for w in words:
            head += blank() + w
        if messy and rng.random() < 0.2:
            head += blank() + "; " + rng.choice(WORDS)
        out.write(head + "\n")
        for line in notes:
            out.write("  " + line + "\n")
        ref = ""
        kept = []
        for k, v in attrs:
            if k == "id":
                ref = v
            else:
                kept.append([k, v])
        for c in contacts:
            rec(kind, c, ref, full, kept, tags, notes)
    if expect:
        for r in recs:
            expect.write(json.dumps(r, ensure_ascii=False) + "\n")


main()
