"""Synthetic press releases about invented cooperation agreements, for speed tests."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from . import lexicon

_STOP = {"of", "and", "for", "the", "co.,", "ltd.", "people's"}
_KINDS = ("university", "company", "research", "government", "association")
_FIRST_DAY = dt.date(2019, 1, 1)
_N_DAYS = (dt.date(2025, 12, 31) - _FIRST_DAY).days


@dataclass(frozen=True)
class Org:
    """An invented organisation."""

    name: str
    short: str
    kind: str
    city: str
    field: str


@dataclass(frozen=True)
class Person:
    """An invented person holding one title at one organisation."""

    given: str
    family: str
    western: bool
    female: bool
    honorific: str
    title: str
    org: Org

    def full(self, caps: bool = False) -> str:
        """'Given Family' for western names, 'Family Given' otherwise (family in capitals if caps)."""
        family = self.family.upper() if caps else self.family
        return f"{self.given} {family}" if self.western else f"{family} {self.given}"

    def forms(self, rng: random.Random) -> dict[str, str]:
        """The ways a release names this person: title first, title after, honorific, short."""
        hon = "Ms" if self.honorific == "Mr" and self.female else self.honorific
        org = self.org.short if rng.random() < 0.6 else self.org.name
        after = f"{self.full(caps=rng.random() < 0.05)}, {self.title} of {org}"
        first = after if " of " in self.title else f"{self.org.short} {self.title} {self.full()}"
        return {"first": first, "after": after, "hon": f"{hon} {self.full()}",
                "gov": f"the {self.title} of {self.org.short}, {hon} {self.full()}",
                "short": f"{hon} {self.family}", "pos": "her" if self.female else "his"}


def _acronym(name: str) -> str:
    """Initials of the capitalised words of `name` ('Westmere University of Technology' -> 'WUT')."""
    return "".join(w[0] for w in name.split() if w.lower() not in _STOP and w[0].isupper())


def _make_org(rng: random.Random, lex: dict, kind: str) -> Org:
    """One organisation of `kind` built from the name patterns."""
    field = rng.choice(sorted(lex["fields"]))
    spec = lex["fields"][field]
    city = rng.choice(lex["places"])
    name = rng.choice(lex["org_patterns"][kind]).format(
        place=city, overseas=rng.choice(lex["overseas_places"]), brand=rng.choice(lex["brands"]),
        field_noun=spec["noun"], field_long=spec["long"])
    short = _acronym(name)
    return Org(name, short if len(short) >= 2 else name, kind, city, field)


def _make_person(rng: random.Random, lex: dict, org: Org, title: str) -> Person:
    """One person with a title at `org`."""
    names, western, female = lex["names"], rng.random() < 0.35, rng.random() < 0.4
    pool = ("west" if western else "cn") + ("_given_f" if female else "_given_m")
    family = rng.choice(names["west_family" if western else "cn_family"])
    return Person(rng.choice(names[pool]), family, western, female,
                  rng.choice(lex["honorifics"][org.kind]), title, org)


def build_world(rng: random.Random, lex: dict, n_orgs: int = 240) -> list[list[Person]]:
    """A fixed cast: for each invented organisation, the people who speak for it."""
    world, seen = [], set()
    while len(world) < n_orgs:
        org = _make_org(rng, lex, rng.choice(_KINDS))
        if org.name in seen:
            continue
        seen.add(org.name)
        titles = rng.sample(lex["titles"][org.kind], k=min(5, len(lex["titles"][org.kind])))
        world.append([_make_person(rng, lex, org, t) for t in titles])
    return world


def _date(pattern: str, day: dt.date) -> str:
    """`day` formatted with strftime codes plus {d} (day without zero) and {th} (ordinal suffix)."""
    th = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return day.strftime(pattern).format(d=day.day, th=th)


def _people_list(items: list[str]) -> str:
    """'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(phrase: str) -> str:
    """`phrase` with 'a' or 'an' in front."""
    return ("an " if phrase[0] in "aeiou" else "a ") + phrase


def _cap(text: str) -> str:
    """`text` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def _context(rng: random.Random, lex: dict, staff_a: list[Person], staff_b: list[Person],
             event: dt.date) -> dict[str, str]:
    """Every placeholder value one release needs, apart from the speaker's."""
    a, b = staff_a[0].org, staff_b[0].org
    w1, s1, p, *rest_a = staff_a
    w2, s2, *rest_b = staff_b
    agreement = rng.choice(lex["agreements"])
    topic = rng.choice(lex["fields"][a.field]["topics"])
    ctx = {"a": a.name, "b": b.name, "a_short": a.short, "b_short": b.short, "city": a.city,
           "topic": topic,
           "topic2": rng.choice([x for x in lex["fields"][b.field]["topics"] if x != topic]),
           "field_long": lex["fields"][a.field]["long"].lower(), "agreement": agreement,
           "agreement_cap": _cap(agreement), "agreement_a": _article(agreement),
           "agreement_a_cap": _cap(_article(agreement)),
           "when": _date(rng.choice(lex["templates"]["when"]), event)}
    ctx["topic_cap"] = ctx["topic"].title()
    for key, person in (("w1", w1), ("w2", w2), ("s1", s1), ("s2", s2), ("p", p),
                        ("v", w2), ("h", rng.choice(rest_a or [w1]))):
        for form, text in person.forms(rng).items():
            ctx[f"{key}_{form}"] = text
    ctx["venue"] = rng.choice(lex["venues"]).format(**ctx)
    ctx["lab"] = rng.choice(lex["labs"]).format(**ctx)
    guests = rest_a + rest_b
    picked = rng.sample(guests, k=min(3, len(guests)))
    ctx["people"] = _people_list([g.forms(rng)["after"] for g in picked])
    return ctx


def _fill(rng: random.Random, templates: list[str], ctx: dict[str, str]) -> str:
    """One template of `templates`, filled from `ctx`, as a sentence."""
    return _cap(rng.choice(templates).format(**ctx)).replace("..", ".")


def _said(rng: random.Random, lex: dict, ctx: dict[str, str], templates: list[str],
          speaker: Person, other: Org) -> str:
    """One sentence from `templates` with `speaker` talking about the partnership with `other`."""
    forms = speaker.forms(rng)
    theme = rng.choice(lex["themes"]).format(**ctx)
    return _fill(rng, templates, dict(ctx, x_short=forms["short"], x_pos=forms["pos"],
                                      x_org=speaker.org.short, y_org=other.short, theme=theme,
                                      quote=rng.choice(lex["quotes"])))


def _tail(rng: random.Random, lex: dict, ctx: dict[str, str], org: Org, published: dt.date,
          gov: bool) -> list[str]:
    """Byline, the government 'Ends/' date line when `gov`, and the footer."""
    t = lex["templates"]
    writer, ed1, ed2 = (_make_person(rng, lex, org, "").full() for _ in range(3))
    tail = [_fill(rng, t["byline"], dict(ctx, w=writer, e1=ed1, e2=ed2))]
    if gov:
        return tail + [_date(t["ends_line"], published), t["gov_footer"].format(**ctx)]
    return tail + [_fill(rng, t["footer"], dict(
        ctx, n=str(rng.randint(1, 300)), street=rng.choice(lex["streets"]),
        tel=f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)}", year=str(published.year),
        slug=org.short.lower().replace(" ", "-")))]


def make_release(rng: random.Random, lex: dict, world: list[list[Person]]) -> tuple[dt.date, str]:
    """One synthetic release: its event date and its full text (roughly 250-400 words)."""
    t = lex["templates"]
    staff_a, staff_b = rng.sample(world, k=2)
    event = _FIRST_DAY + dt.timedelta(days=rng.randrange(_N_DAYS))
    published = event + dt.timedelta(days=rng.randrange(0, 6))
    ctx = _context(rng, lex, staff_a, staff_b, event)
    opening = _fill(rng, t["signing"], ctx)
    if "{w1_gov}" not in opening:
        opening += " " + _fill(rng, t["witnessing"], ctx)
    body = [opening + " " + _fill(rng, t["presiding"], ctx), _fill(rng, t["signatories"], ctx)]
    speakers = [(staff_a[0], staff_b[0].org), (staff_b[0], staff_a[0].org)]
    body += [_said(rng, lex, ctx, t["speech"], who, other) + " "
             + _said(rng, lex, ctx, t["extra"], who, other) for who, other in speakers]
    acts = [a.format(**ctx) for a in rng.sample(lex["actions"], k=3)]
    body.append(_fill(rng, t["content"], dict(ctx, act1=acts[0], act2=acts[1], act3=acts[2])))
    body.append(_fill(rng, t["visit"], ctx) + " " + _fill(rng, t["attendees"], ctx))
    gov = staff_a[0].org.kind == "government" and rng.random() < 0.7
    date_line = "" if gov else _date(rng.choice(t["date_line"]), published)
    head = [rng.choice(t["nav"]).format(**ctx), rng.choice(t["title"]).format(**ctx), date_line]
    tail = _tail(rng, lex, ctx, staff_a[0].org, published, gov)
    words, target = sum(len(x.split()) for x in head + body + tail), rng.randint(240, 380)
    while words < target:
        who, other = rng.choice(speakers)
        extra = _said(rng, lex, ctx, t["extra"] + t["speech"], who, other)
        body.insert(rng.randint(2, len(body) - 2), extra)
        words += len(extra.split())
    return event, "\n\n".join([x for x in head if x] + body + tail) + "\n"


def generate_corpus(out_dir: Path, n: int = 10_000, seed: int = 0) -> Path:
    """Write `n` synthetic releases as OUT_DIR/<year>/release-<i>.txt; the same seed gives the same files."""
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    rng, lex = random.Random(seed), lexicon.load("synth")
    world = build_world(rng, lex)
    out_dir = Path(out_dir)
    for i in range(n):
        event, text = make_release(rng, lex, world)
        path = out_dir / str(event.year) / f"release-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """Command line: python -m helpers.synth OUT_DIR -n 10000 --seed 0."""
    parser = argparse.ArgumentParser(prog="python -m helpers.synth",
                                     description="Write a synthetic corpus of press releases.")
    parser.add_argument("out_dir", type=Path, help="folder to write the releases to")
    parser.add_argument("-n", type=int, default=10_000, help="number of releases (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    generate_corpus(args.out_dir, args.n, args.seed)
    print(f"wrote {args.n} releases to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
