"""Affiliations a release does not state: inferred from the signing, the delegation, a title's
"of the College", the title's kind or the publisher, and flagged so."""

from __future__ import annotations

import re

from .. import lexicon
from .facts import DocFacts
from .nlp import Words, is_cap, words_of
from .orgs import find_orgs
from .release_orgs import GENERIC_COMPANY, by_function, headed, header_body, top_org
from .theme_scope import is_country
from .titles import posted
from .unit_owners import people_of_parts, people_of_units


def infer_affiliations(facts: DocFacts) -> None:
    """Give a person with no stated organisation the delegation's organisation (a visitor), the one
    organisation a title's "of the College" points to, the party a title's "of X" begins, the one
    party whose kind their title implies, else the publisher when its kind holds such a title."""
    parties = {r[1] for ev in facts.events for r in ev.roles if r[3] == "party"}
    for ev in facts.events:
        _counterpart(facts, ev)
    publisher = _publisher(facts)
    if publisher and facts.orgs[publisher].parent in facts.orgs:
        publisher = facts.orgs[publisher].parent  # "Media Unit, Ministry of X" speaks for X
    people_of_units(facts)
    people_of_parts(facts, publisher)
    delegation = _delegation_org(facts)
    text = facts.doc.text
    visitors = {r[0] for ev in facts.events for r in ev.roles if r[0] and (
        r[3] == "visitor" or r[3] != "host" and _in_delegation(text[r[4]:r[5]]))}
    side = _visiting_side(facts) if visitors else None
    hosts = {r[0] for ev in facts.events for r in ev.roles if r[0] and r[3] == "host"}
    home = _hosting_side(facts, visitors) if hosts else None
    guests = {facts.people[k].org for k in visitors if k in facts.people} | {delegation}
    portfolios: dict[frozenset[str], list[str]] | None = None  # read once, at the first person with no body
    for lp in facts.people.values():
        if lp.org:
            continue
        if posted(lp.title):
            # "Ambassador of Japan to India" beside "the Embassy of Japan in India": the post they head
            post = _post_of(facts, lp.title)
            lp.org, lp.flag = (post, "inferred-from-title") if post else (None, "unknown")
            continue
        if (named_in := _named_in_title(facts, lp.title, parties)) is not None:
            lp.org, lp.flag = named_in, "inferred-from-title"  # "Vice Chairman of the X University Board"
            continue
        if portfolios is None:
            portfolios = _portfolios(facts)
        if (held := _portfolio_body(portfolios, lp.title)) is not None:
            lp.org, lp.flag = held, "inferred-from-title"  # "Secretary for Innovation and Talent Development"
            continue
        if (owner := _owner_before(facts, lp, publisher)) is not None:
            lp.org, lp.flag = owner, "inferred-from-title"  # "toured NLU's School and met the university's VP"
            continue
        if delegation and lp.key in visitors:
            lp.org, lp.flag = delegation, "inferred-from-delegation"  # "A delegation from X ... led by A"
            continue
        if lp.key in visitors and side is not None:
            lp.org, lp.flag = side, "inferred-from-visit"  # a visitor is of the one body that is not host
            continue
        if lp.key in hosts and lp.key not in visitors and home is not None:
            lp.org, lp.flag = home, "inferred-from-visit"  # a host is of the one body no visitor is from
            continue
        if (head_org := _the_head_of(facts, lp.title, publisher)) is not None:
            lp.org, lp.flag = head_org, "inferred-from-title"  # "Head of the College"
            continue
        place = _title_place(lp.title)
        named = [k for k in parties if k in facts.orgs and _starts_with(facts.orgs[k].name.lower(), place)] \
            if place else []
        if place and not named and lp.title_kind == "government":
            # "Mayor of Sanqiao" where the release names the "Sanqiao Municipal Government"
            named = [k for k, o in facts.orgs.items() if o.parent is None and o.kind == "government"
                     and _starts_with(o.name.lower(), place)]
        if len(named) == 1:
            lp.org, lp.flag = named[0], "inferred-from-title"  # "Secretary of Haigang District"
            continue
        kinds = [k for k in parties if k in facts.orgs and facts.orgs[k].kind == lp.title_kind != "other"] or [
            k for k in parties if k in facts.orgs and facts.orgs[k].kind == "research"
            and not _ACADEMIC_TITLES.isdisjoint(_TITLE_WORDS.findall((lp.title or "").lower()))]  # a Registrar
        minister = "minister" in (lp.title or "").lower().replace("-", " ").split()
        if len(kinds) > 1 and minister:
            kinds = [k for k in kinds if _ministry(facts.orgs[k])]  # a minister's ministry
        if minister and not any(_ministry(facts.orgs[k]) for k in kinds):
            # "signed at the head office of the Ministry of X, in the presence of the Minister": the one ministry
            ministries = [k for k, o in facts.orgs.items() if o.parent is None and _ministry(o)]
            kinds = ministries if len(ministries) == 1 else kinds
        if not kinds and lp.title_kind == "government":
            # "the Deputy Minister, Hon. A" where the release's one government body is a witness, no party
            kinds = [k for k, o in facts.orgs.items() if o.parent is None and o.kind == "government"
                     and not is_country(o.name) and (not minister or _ministry(o))]
            kinds = kinds if len(kinds) == 1 else []
        if not kinds and lp.title_kind not in (None, "other") and not minister:
            # No party of the title's kind: the one party whose kind the text never says (an acronym).
            kinds = [k for k in parties if k in facts.orgs and facts.orgs[k].kind == "other"
                     and not is_country(facts.orgs[k].name)]
        if lp.key in hosts and lp.key not in visitors:
            kinds = [k for k in kinds if k not in guests]  # "Vice Mayor A met the delegation": never the guests' body
        if lp.title_kind and len(kinds) == 1:
            lp.org, lp.flag = kinds[0], "inferred-from-title"
        elif lp.title_kind and publisher and _holds(facts.orgs[publisher].kind, lp.title_kind):
            lp.org, lp.flag = publisher, "inferred-from-publisher"
        else:
            lp.flag = "unknown"


def _ministry(lo) -> bool:
    """Whether an organisation's name has the word "Ministry" (a minister's body)."""
    return "ministry" in lo.name.lower().split()


_ACADEMIC_TITLES = {"registrar", "bursar", "dean", "vice-chancellor", "rector", "vice-rector", "provost", "librarian",
                    "prorector", "pro-rector", "pro-vice-chancellor"}  # no "President": regions and companies have them
_HOLDS = {"university": {"university", "research"}, "research": {"research", "university"}}


def _holds(kind: str, title_kind: str) -> bool:
    """Whether a body of this kind has people with titles of that kind: any body has a Director, a
    research institute has deans and a registrar too."""
    return title_kind == "other" or kind in ("other", title_kind) or kind in _HOLDS.get(title_kind, ())


_SIGN_VERBS = {"signs", "signed", "inks", "inked", "sign", "ink"}
_TITLE_WORDS = re.compile(r"[\w&'’-]+")


_MISSIONS = {"embassy", "consulate", "consulate-general", "mission", "high commission"}


def _post_of(facts: DocFacts, title: str | None) -> str | None:
    """The one embassy, consulate or mission the release names for the country of a diplomat's title
    ("Consul-General of Thailand in Hong Kong": the "Royal Thai Consulate-General in Hong Kong")."""
    m = re.search(r"\bof (?:the )?([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*?)(?= (?:to|in)\b|$)", title or "")
    if m is None:
        return None
    country = m.group(1)
    stem = country[:5].lower()
    posts = [k for k, o in facts.orgs.items() if o.parent is None and any(x in k for x in _MISSIONS)
             and (country.lower() in k or any(x.startswith(stem) for x in k.split()))]
    return posts[0] if len(posts) == 1 else None


def _named_in_title(facts: DocFacts, title: str | None, parties: set[str]) -> str | None:
    """The party whose name, short form or acronym a title holds, the longest one named ("Vice
    Chairman of the Executive Committee of Khalifa University Board of Trustees")."""
    if not title or len(title.split()) < 3:
        return None
    words = " " + " ".join(_TITLE_WORDS.findall(title)) + " "
    for keys in (sorted(parties), sorted(k for k in facts.orgs if k not in parties)):  # a party first
        # another body of the release only by a name of two words or more ("President of GIT Dubai")
        named = [(len(name), lo.parent or key) for key in keys if (lo := facts.orgs.get(key))
                 for name in (lo.name, lo.acronym, *lo.aliases) if name and len(name) > 2 and f" {name} " in words
                 and (key in parties or " " in name)]
        if named:
            return max(named)[1]
    return None


_PORTFOLIO = re.compile(r"\b(?:for|of)\s+(.+)$")
_NOT_OWN = {"of", "for", "and", "the", "&", "on", "in"}


def _own_words(name: str) -> frozenset[str]:
    """A name's words less its head words and joining words ("Innovation and Talent Development Bureau"
    -> innovation, talent, development)."""
    heads = lexicon.org_heads()[0]
    words = [x.lower() for x in _TITLE_WORDS.findall(name)]
    return frozenset(x for q, x in enumerate(words) if x not in _NOT_OWN and not heads.match(words, q, q + 1)[0])


def _portfolios(facts: DocFacts) -> dict[frozenset[str], list[str]]:
    """The release's top-level bodies by their own words."""
    out: dict[frozenset[str], list[str]] = {}
    for k, lo in facts.orgs.items():
        if lo.parent is None:
            out.setdefault(_own_words(lo.name), []).append(k)
    return out


def _portfolio_body(portfolios: dict[frozenset[str], list[str]], title: str | None) -> str | None:
    """The one top-level body whose name, less its head words, is the portfolio a title holds: the
    "Secretary for Innovation and Talent Development" heads the "Innovation and Talent Development
    Bureau", the "Cabinet Secretary for Information, Communications and the Digital Economy" the
    "Ministry of Information, Communications and the Digital Economy"."""
    m = _PORTFOLIO.search(title or "")
    if m is None or not m.group(1)[:1].isupper():
        return None  # not "advisor for international cooperation": a portfolio written small names no body
    portfolio = _own_words(m.group(1))
    hits = portfolios.get(portfolio, []) if len(portfolio) >= 2 else []
    return hits[0] if len(hits) == 1 else None


_THE_HEAD = re.compile(r"\b(?:of|at|in) the ([A-Z][a-z]+)$")  # "Head of the College", "Director of X at the Ministry"
_THE_HEADS = re.compile(r"\bthe ([A-Za-z][a-z]+)['’]s\s+(?:[A-Z][a-z]+\s+)?$")  # "the Council's Board Chairperson"
_OF_THE = re.compile(r" of the ([a-z]+) (?=[A-Z])")


def _owner_before(facts: DocFacts, lp, publisher: str | None) -> str | None:
    """The organisation "the university's" before a person's title points back to: the nearest one
    named before it in the sentence whose name has that head word; "the University's", named in no
    sentence before, is the release's one university (or its publisher), else the last one named
    before the sentence."""
    if not lp.title:
        return None
    text = facts.doc.text
    for ev in facts.events:
        for r in ev.roles:
            if r[0] != lp.key:
                continue
            a, b = r[4], r[5]
            at = text.find(lp.title, a, b)
            m = _THE_HEADS.search(text[max(a, at - 30):at]) if at > a else None
            after = m is None and at >= a and (m := _OF_THE.match(text, at + len(lp.title))) is not None
            head = m.group(1).lower() if m else ""  # "the university's Dean", "President of the university A"
            if m is None or not (head in GENERIC_COMPANY or lexicon.org_heads()[0].match([head], 0)[0]):
                continue
            named = [(start, key) for kind, key, start, _ in facts.mentions
                     if kind == "organization" and a <= start < at and key in facts.orgs
                     and _has_head(facts, key, head)]
            if named:
                key = max(named)[1]
                return facts.orgs[key].parent or key
            if m.group(1)[:1].isupper() or head in GENERIC_COMPANY or after:  # "the company's technical director"
                one = _one_with_head(facts, head, publisher)
                before = [(start, key) for kind, key, start, _ in facts.mentions
                          if kind == "organization" and start < a and key in facts.orgs and _has_head(facts, key, head)]
                if one is None and before:
                    key = max(before)[1]
                    return facts.orgs[key].parent or key
                return one
    return None


def _visiting_side(facts: DocFacts) -> str | None:
    """The one top-level organisation of a release that hosts no visit, when a visit has a host."""
    hosts = {r[1] if r[0] is None else facts.people[r[0]].org for ev in facts.events for r in ev.roles
             if r[3] == "host" and (r[0] is None or r[0] in facts.people)}
    return _the_other_body(facts, hosts)


def _hosting_side(facts: DocFacts, visitors: set[str]) -> str | None:
    """The one top-level organisation of a release that no visitor is from, when visitors are known."""
    guests = {facts.people[k].org for k in visitors if k in facts.people and facts.people[k].org}
    return _the_other_body(facts, guests, named_only=True)


def _the_other_body(facts: DocFacts, side: set, named_only: bool = False) -> str | None:
    """The one top-level organisation (not a country) outside the bodies of one side of a visit, when
    that side has any; `named_only` leaves out units named by function alone (an ownerless faculty)."""
    side = {facts.orgs[k].parent or k for k in side if k in facts.orgs}
    if not side:
        return None
    others = {lo.parent or k for k, lo in facts.orgs.items() if not is_country(lo.name)
              and not (named_only and not lo.parent and not lo.acronym and by_function(lo))} - side
    return others.pop() if len(others) == 1 else None


def _has_head(facts: DocFacts, key: str, head: str) -> bool:
    lo = facts.orgs[key]
    if head in GENERIC_COMPANY:  # a body named by a company's name ("Hoshino Membrane Engineering") counts too
        return lo.kind in ("company", "other")
    names = [lo.name] + ([facts.orgs[lo.parent].name] if lo.parent in facts.orgs else [])
    return any(headed(n, head) for n in names)


def _the_head_of(facts: DocFacts, title: str | None, publisher: str | None) -> str | None:
    """The top-level organisation a title's "of the College" points to: the one the release names
    with that head word, or the publisher when it is one of several."""
    m = _THE_HEAD.search(title or "")
    if m is None or not lexicon.org_heads()[0].match([m.group(1).lower()], 0)[0]:
        return None
    return _one_with_head(facts, m.group(1).lower(), publisher)


def _one_with_head(facts: DocFacts, head: str, publisher: str | None) -> str | None:
    """The one top-level organisation of the release with that head word, or the publisher among several."""
    tops = {lo.parent or k for k, lo in facts.orgs.items() if headed(lo.name, head)
            or head in GENERIC_COMPANY and lo.kind == "company"}
    if len(tops) == 1:
        return tops.pop()
    return publisher if publisher in tops else None


# "delegations from X and " before Y counts Y too: a list of names right after "from"
_DELEGATION_BEFORE = re.compile(r"\b[Dd]elegations?\s+(?:from|of)\s+(?:the\s+)?(?:(?:[A-Z][\w'’&-]*\s+|of\s+|for\s+|"
                                r"the\s+|and\s+)*[A-Z][\w'’&-]*(?:,\s*|\s+and\s+)(?:the\s+)?)?$")
_DELEGATION_AFTER = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+)?delegations?\b", re.IGNORECASE)


# A sentence where the delegation meets people, or is shown round by them ("visited X, where A
# explained ..."): its people are the hosts, not members of the delegation
_HOSTING = re.compile(r"\b(?:met|meets|meet|received|receives|welcomed|welcomes|hosted|hosts|briefed|guided|showed|"
                      r"shown|explained|where)\b", re.IGNORECASE)


def _in_delegation(sentence: str) -> bool:
    """Whether a sentence lists a delegation's members ("The CDU delegation includes A, B"), not
    the people it met ("the delegation visited X and met Ms A")."""
    return "delegation" in sentence.lower() and not _HOSTING.search(sentence)


def _delegation_org(facts: DocFacts) -> str | None:
    """The one top-level organisation a release's delegation comes from ("a delegation from X",
    "the X delegation", "X's high-level delegation"), or None."""
    text = facts.doc.text
    found = set()
    for kind, key, a, b in facts.mentions:
        if kind == "organization" and key in facts.orgs and (
                _DELEGATION_BEFORE.search(text[max(0, a - 120):a]) or _DELEGATION_AFTER.match(text[b:b + 30])):
            found.add(facts.orgs[key].parent or key)
    return found.pop() if len(found) == 1 else None


def _counterpart(facts: DocFacts, ev) -> None:
    """In a two-party signing where one signatory's organisation is a party, the one signatory
    without an organisation signed for the other party."""
    if ev.kind != "signing":
        return
    parties = list(dict.fromkeys(r[1] for r in ev.roles if r[3] == "party"))
    signers = list(dict.fromkeys(r[0] for r in ev.roles if r[3] == "signatory"))
    if len(parties) != 2 or len(signers) != 2:
        return
    bare = [k for k in signers if facts.people[k].org is None]
    known = [facts.people[k].org for k in signers if facts.people[k].org is not None]
    if len(bare) == 1 and len(known) == 1 and known[0] in parties:
        lp = facts.people[bare[0]]
        lp.org, lp.flag = next(p for p in parties if p != known[0]), "inferred-from-signing"


def _title_place(title: str | None) -> str | None:
    """The place or short form a title names after "of" ("Party Secretary of Haigang District" ->
    "haigang district", "Vice President for Research of Helix" -> "helix")."""
    if not title or " of " not in title:
        return None
    place = title.rsplit(" of ", 1)[1].lower().removeprefix("the ").strip()
    return place if len(place) >= 3 and place[:1].isalpha() else None


def _starts_with(name: str, place: str) -> bool:
    """Whether an organisation's name opens with a place of six letters or more, or with a short
    form that is its whole first word or words ("helix" of "helix biomedical group")."""
    return name.startswith(place) and (len(place) >= 6 or name[len(place):len(place) + 1] in ("", " "))


_DOMAIN_SKIP = {"www", "news", "en", "english", "edu", "com", "org", "gov", "net", "ac", "cn", "hk",
                "uk", "info", "int", "eng", "global", "web", "site", "home", "press", "media"}


def _publisher(facts: DocFacts) -> str | None:
    """Key of the organisation that publishes a release: its source (name or web domain), or the
    subject of a headline "X signs ... with Y"."""
    doc = facts.doc
    if doc.source:
        key = facts.org(doc.source)
        if key in facts.orgs:
            return key
        parts = {p for p in doc.source.lower().replace("/", ".").split(".") if len(p) > 2} - _DOMAIN_SKIP
        hits = [k for k, o in facts.orgs.items()
                if (o.acronym or "").lower() in parts or (o.name.split() or [""])[0].lower() in parts]
        if len(hits) == 1:
            return hits[0]
    if (key := header_body(facts)) is not None:
        return key  # a site header that is the publisher's name: "Zuiderzee University of Technology"
    if doc.title:
        w = words_of(doc.title)
        orgs = find_orgs(w, 0, len(w), doc.title)
        first = next((o.name for o in orgs if o.i <= 1), None)
        j = next((o.j for o in orgs if o.i <= 1), 1)
        if first is None and w.text and w.text[0].isupper():
            first = w.text[0]  # "SDUT Signs ..."
        # "X signs ...", "X, Brazilian University Sign MoU", "X and Y sign": the body named first
        signs = next((q for q in range(j, min(len(w), j + 6)) if w.lower[q] in _SIGN_VERBS), None)
        if first is not None and signs is not None and (signs == j or w.lower[j] in (",", "and", "&")):
            key = facts.org(first)
            if key not in facts.orgs:  # "MKU signs ...": the organisation the acronym stands for
                key = next((k for k, o in facts.orgs.items() if o.acronym == first and o.name != first), key)
            return key if key in facts.orgs else None
    return None


_TEAM = {"team", "delegation", "side"}
_COMPRISED = {"comprised", "included", "includes", "comprises", "consisted"}


def _opens_scope(w: Words, it) -> bool:
    """Whether an organisation opens the list of its own people: "and, from X, A, ...", "the visiting X
    team comprised A, ... and B"."""
    j = it.j
    if it.i > 0 and w.lower[it.i - 1] == "from" and j < len(w) and w.text[j] == ",":
        return True
    return j + 1 < len(w) and w.lower[j] in _TEAM and w.lower[j + 1] in _COMPRISED


_LIST_GAP = {",", ";", "and", "the", "&", "who", "was", "were", "is", "are", "accompanied", "by", "as", "well",
             "also", "including", "along", "together", "joined", "team", "delegation", "side", "comprised", "included",
             "includes", "comprises", "consisted", "of", "besides"}


def list_companions(facts: DocFacts, sentences: list, w: Words) -> None:
    """People with a title and no organisation who accompany a person of an organisation ("the
    Rector of X, Dr A, who was accompanied by the Vice Chancellor, Dr B; the Secretary General, Dr
    C"), with no other organisation named between, belong to it. A list alone does not say so: "A,
    Rector of X, and B, Rector" are counterparts, and a caption's "A, Chairman of X; B" too."""
    for *_, items in sentences:
        last: str | None = None  # organisation of the person just before
        chain: str | None = None  # organisation of the person being accompanied
        scope: str | None = None  # organisation whose people the list names next ("from X, A, B and C")
        end: int | None = None
        for it in items:
            if it.kind in ("title", "used-title"):
                end = it.j
            elif it.kind == "org":
                if top_org(facts, it.value) not in (last, chain):
                    last = chain = None
                end = it.j
                scope = top_org(facts, it.value) if _opens_scope(w, it) else None  # "and, from X, Dr. A, Head ..."
            elif it.kind == "person" and it.value.key in facts.people:
                q = it.i
                while end is not None and q > end and is_cap(w.text[q - 1]) and w.lower[q - 1] not in _LIST_GAP:
                    q -= 1  # "accompanied by the Academic Vice Chancellor": a title's modifier
                gap = w.lower[end:q] if end is not None else []
                if any(x not in _LIST_GAP for x in gap):
                    last = chain = None
                elif "accompanied" in gap:
                    chain = last
                elif ";" not in gap:
                    chain = None
                lp = facts.people[it.value.key]
                if not lp.org and (chain or scope) and lp.title:
                    lp.org, lp.flag = chain or scope, "inferred-from-companion"
                last = lp.org
                end = it.j
