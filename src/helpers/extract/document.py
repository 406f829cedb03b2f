"""Document assembly: one release's people, organisations, events and roles, with evidence spans."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .. import lexicon
from ..dates import find_dates, to_date, year_of_text
from ..ingest import RawDocument
from . import agreements as ag
from . import signing_tense as tense
from .acronyms import short_forms
from .facts import DocFacts, Item, LocalEvent, LocalPerson, Person, person_key
from .inference import infer_affiliations, list_companions
from .legal_forms import is_legal_form, names_before_forms
from .ner import entities, with_model_orgs
from .nlp import Words, sentence_spans, words_of
from .org_fragments import fold_fragments
from .orgs import find_orgs
from .release_orgs import collect_orgs, top_org, units_under_owners
from .roles import assign_roles, carry_list_role, in_contact_block, present, remembered, statement_source
from .same_person import part_index, resolve_initials, resolve_part, resolve_single
from .scanner import scan
from .signing_parties import add_parties, headline_parties, listed_parties, office_holders
from .tagging import tag
from .theme_scope import cross_border, is_country, outside_scope
from .unit_owners import hang_bare_units

_EVENT_OF_ROLE = {"signatory": "signing", "witness": "signing", "presider": "signing",
                  "attendee": "signing", "speaker": "speech", "visitor": "visit", "host": "meeting"}


def extract_document(doc: RawDocument, taxonomy: Path | None = None, ner: str | None = None) -> DocFacts:
    """Extract the people, organisations, events, roles and themes of one release.

    `ner` names an installed spaCy pipeline whose entities the rules may use as candidates.
    """
    text = doc.text
    w = words_of(text)
    ents = entities(text, w, ner) if ner else None
    short = short_forms(text) | names_before_forms(w, text, lexicon.org_stop_words())
    object_role = lexicon.roles()[1]
    sentences = []
    carry: str | None = None
    for a, b in sentence_spans(text):
        s, e = w.index_at(a), w.index_at(b - 1) + 1
        orgs = find_orgs(w, s, e, text, short)
        if ents is not None:
            orgs = with_model_orgs(orgs, ents, w, s, e, text)
        items = scan(w, s, e, text, orgs, ents)
        assign_roles(items, object_role, w)
        carry = carry_list_role(items, carry, text[a:b])
        sentences.append((a, b, s, e, orgs, items))
    facts = DocFacts(doc, {}, {}, [], [], len(w))
    collect_orgs(facts, sentences, doc.source)
    fold_fragments(facts, sentences, w)
    units_under_owners(facts, sentences, w)
    hang_bare_units(facts, sentences)
    bare = _collect_people(facts, sentences, w, text)
    list_companions(facts, sentences, w)
    _build_events(facts, sentences, w, text)
    _drop_org_fragments(facts, bare)
    named = frozenset(k for *_, items in sentences for it in items
                      if it.kind == "person" or it.kind == "org" and not it.value.is_acronym
                      for k in range(it.i, it.j))
    names = named | {k for *_, items in sentences for it in items
                     if it.kind in ("title", "used-title") for k in range(it.i, it.j)}
    ranges = [(s, e) for _, _, s, e, *_ in sentences]
    facts.themes = tag(w, taxonomy, names, w.lower, outside_scope(w, text, ranges),
                       cross_border(w, named, names), ranges)
    return facts


def _collect_people(facts: DocFacts, sentences: list, w: Words, text: str) -> set[str]:
    """Gather the people of the release under one key each; return the keys only ever met bare."""
    named = [it.value for *_, items in sentences for it in items
             if it.kind == "person" and len(it.value.name.split()) >= 2]
    full: list[Person] = [p for p in named if p.cue != "bare"]
    strong = {person_key(p.name) for p in full}
    # Full names first met bare ("John Doe of X attended") still anchor a later "Mr Doe".
    full += [p for p in named if p.cue == "bare" and p.roles]
    parts = part_index(full)
    bare: set[str] = set()
    named_so: set[str] = set()
    ranks: dict[str, str] = {}
    for *_, items in sentences:
        for it in items:
            if it.kind != "person":
                continue
            p: Person = it.value
            key = person_key(p.name)
            if len(p.name.split()) == 1:
                key = resolve_single(p.name, full) or key
            elif (fuller := resolve_initials(p.name, full)) is not None:
                key = fuller  # "Riyad Y. Hamzah" after "Riyad Yousif Hamzah"
            elif (part := resolve_part(p.name, parts)) is not None:
                key = part  # "Al Mansoori" or "Sheikh Ahmed bin Tahnoun" after "Sultan bin Saeed Al Mansoori"
            elif p.cue == "bare" and key not in strong and not p.roles and not p.title:
                it.kind = "dropped"
                continue
            lp = facts.people.setdefault(key, LocalPerson(key, p.name))
            if len(lp.name.split()) < 2 <= len(p.name.split()):
                lp.name = p.name
            a = p.i - 1 if p.i > it.i and lexicon.people()[0].match(w.lower, p.i - 1)[0] == 1 else p.i
            p.span = (w.start[a], w.end[p.j - 1])
            lp.aliases.add(text[p.span[0]:p.span[1]])
            org = top_org(facts, p.org)
            if p.title and (lp.title is None or (org and lp.org is None)):
                lp.title, lp.title_kind = p.title, p.title_kind
            elif not p.title and (rank := _RANK.search(text, max(0, w.start[p.i] - 40), w.start[p.i])):
                ranks.setdefault(key, rank.group(1))  # "Associate Professor A": the title if no office is named
            if org and lp.org is None:
                lp.org = org
            p.name = lp.name
            it.value.key = key
            (bare if p.cue == "bare" else named_so).add(key)
    for key, rank in ranks.items():
        if facts.people[key].title is None:
            facts.people[key].title, facts.people[key].title_kind = rank, "university"
    if "respectively" in text:
        for *_, items in sentences:
            _respectively(facts, items, [])
    return bare - named_so


# an academic rank spelled out right before a name (with honorifics between), the title when no office is named
_RANK = re.compile(r"\b((?:Associate |Assistant |Adjunct |Full )?Professor)\s+(?:(?:Dr|Ir|Eng|Ing)\.?\s+)*$")


def _drop_org_fragments(facts: DocFacts, bare: set[str]) -> None:
    """Drop the people only ever met bare whose name is read off one of the release's organisations."""
    gone = {k for k in bare if k in facts.people and _org_fragment(facts, facts.people[k].name)}
    if not gone:
        return
    for k in gone:
        del facts.people[k]
    for ev in facts.events:
        ev.roles = [r for r in ev.roles if r[0] not in gone]
    facts.events = [ev for ev in facts.events if ev.roles or ev.kind == "signing"]
    facts.mentions = [m for m in facts.mentions if not (m[0] == "person" and m[1] in gone)]


def _org_fragment(facts: DocFacts, name: str) -> bool:
    """Whether a bare name is read off an organisation of the release: the opening words of its name
    ("Rajawali Nusantara" of "PT Rajawali Nusantara Indonesia"), or a name opened by a one-word
    organisation or closed by an acronym the release defines ("Huawei ICT", "Igor Sikorsky KPI")."""
    words = name.lower().split()
    for own in ([x.lower() for x in n.split() if not is_legal_form(x)]
                for lo in facts.orgs.values() for n in {lo.name} | lo.aliases):
        if len(own) >= len(words) and own[:len(words)] == words:  # or the whole name ("Virgin Hyperloop")
            return True
        if len(own) == 1 and words[0] == own[0]:
            return True
    return any(lo.acronym and words[-1] == lo.acronym.lower() for lo in facts.orgs.values())


def _respectively(facts: DocFacts, items: list[Item], parties: list[str]) -> None:
    """"A and B, of X and Y respectively", "A and B, respectively President of X and Director of Y",
    "A and B, the heads of the two institutions, respectively" (the signing's parties): in order."""
    if not any(it.kind == "sep" and it.value == "respectively" for it in items):
        return
    people = [it for it in items if it.kind == "person" and it.value.key in facts.people]
    last = people[-1].j if people else 0
    titles = [it.value for it in items if it.kind == "title" and it.i >= last]
    orgs = [top_org(facts, it.value) for it in items if it.kind == "org" and it.i >= last]
    if people and len(titles) == len(people) and not orgs:
        for it, (title, kind, org) in zip(people, titles):
            lp = facts.people[it.value.key]
            lp.title, lp.title_kind = lp.title or title, lp.title_kind or kind
            orgs.append(top_org(facts, org) if org is not None else None)
    if people and not orgs and len(parties) == len(people) and all("signatory" in it.value.roles for it in people):
        orgs = parties  # the signatories of the two parties, in the order the release names the parties
    if people and len(orgs) == len(people):
        for it, key in zip(people, orgs):
            lp = facts.people[it.value.key]
            lp.org = lp.org or key


def _build_events(facts: DocFacts, sentences: list, w: Words, text: str) -> None:
    doc = facts.doc
    signing: LocalEvent | None = None
    speech: LocalEvent | None = None
    counted = False  # the signing counts its partners ("with eight organisations") and names them after
    # The lead dates the signing only when it speaks of signing or opens by dating what it tells
    # ("On February 27, 2026, at ..."): a byline or a dateline dates the release, not the event. The
    # lead is among the first three sentences of six words or more, not menu lines ("CU Symbols").
    body = [x for x in sentences if x[3] - x[2] >= 6][:3]
    lead = next((d for a, b, s, e, *_ in body if ag.signs(w, s, e) or ag.is_signing(w, s, e)
                 or ag.opens_with_date(w, s, e, text)
                 if (d := ag.sentence_date(text[a:b], doc.published))), None)
    told_after: LocalEvent | None = None  # a signing sentence that ends in a colon names its parties next
    # the headline: the title, or a line of the first three that ends in no stop (under a masthead)
    visit_lead = tense.visit_headline(doc.title) or any(
        tense.visit_words(w, s, e) for a, b, s, e, *_ in sentences[:3] if not text[a:b].rstrip().endswith("."))
    release_date = doc.published or (lead[0] if lead else None)
    quoting, last_end = False, 0  # a quotation open across the sentences of a paragraph
    for a, b, s, e, _orgs, items in sentences:
        sentence = text[a:b]
        said, quoting = tense.quoted(w, s, e, quoting and "\n" not in text[last_end:a])
        last_end = b
        if told_after is not None:
            listed_parties(facts, told_after, w, s, e, items, (a, b))
            told_after = None
        name, ga, gb = ag.agreement(w, s, e, text)
        skip = (w.start[ga] - a, w.end[gb - 1] - a) if name else None
        dated = ag.sentence_date(sentence, doc.published, skip)
        intent = tense.untold(w, s, e) or said or tense.disclaimer(w, s, e)
        tells_signing = ag.is_signing(w, s, e)
        is_signing = tells_signing and not intent and not ag.in_background(w, s, e) \
            and not ag.tallies(w, s, e)
        refers_back = bool(name) and ga > s and w.lower[ga - 1] in ("the", "this", "that", "said")
        # A later signing sentence with a date, after an undated first one (often the headline), is
        # the same signing told in full: it fills the first one instead of starting another.
        fills = signing is not None and signing.date_text is None and dated is not None
        new = is_signing and not tense.as_state(w, s, e) \
            and not tense.earlier(w, s, e, release_date) \
            and not (visit_lead and dated is None and tense.perfect_background(w, s, e))
        # an earlier signing than the one under way, dated against it (an undated one: the release's date)
        told_before = signing is not None and (is_signing or ag.signs(w, s, e)) \
            and tense.earlier(w, s, e, signing.date or release_date)
        if new and signing is not None and (_in_headline(doc, text, signing) or signing.date_text is None
                                            and not any(r[3] == "party" for r in signing.roles)):
            # The body's first signing sentence tells in full the signing the headline sums up, or that
            # a sentence naming no party and no date only mentioned ("exchanges the signed agreement").
            head = [r for r in signing.roles if r[3] == "party"]
            signing.roles = [r for r in signing.roles if r[3] != "party"]
            signing.sentence, signing.agreement = (a, b), name or signing.agreement
            signing.announced = ag.announced(w, s, e, dated)
            _date_signing(signing, w, (s, e), text, (ga, gb) if name else (0, 0), dated, items, facts)
            if not any(r[3] == "party" for r in signing.roles):
                signing.roles += head
        elif new and (signing is None or (not refers_back and not fills and _new_agreement(signing, name))):
            signing = LocalEvent("signing", (a, b), agreement=name, announced=ag.announced(w, s, e, dated))
            _date_signing(signing, w, (s, e), text, (ga, gb) if name else (0, 0), dated, items, facts)
            facts.events.append(signing)
            counted = ag.counts_partners(w, s, e)
        elif counted and signing is not None and ag.names_partners(w, s, e):
            # "... signed MoUs with eight organisations. The organisations are, A, B, C."
            for it in items:
                key = top_org(facts, it.value) if it.kind == "org" else None
                if key and not any(r[1] == key and r[3] == "party" for r in signing.roles):
                    signing.roles.append((None, key, None, "party", a, b))
        elif signing is not None and (is_signing or ag.signs(w, s, e)) and not intent:
            # A later sentence about the same signing fills what the first one left out.
            if not told_before and not tense.another(w, s, e) and (
                    ag.same_signing(w, s, e) or sum(r[3] == "party" for r in signing.roles) < 2):
                add_parties(facts, signing, w, s, e, items, (a, b))
            signing.agreement = signing.agreement or name
            if signing.date_text is None and dated or (day := _day_in_range(signing, dated)):
                _set_date(signing, dated if signing.date_text is None else day)
            elif signing.days > 1 and not dated and (day := ag.day_of_range(sentence, signing.date, signing.days)):
                (signing.date, signing.date_text), signing.days = day, 1  # "on the second day of the workshop"
            if signing.location is None and dated:
                loc, la, _ = ag.place(w, s, e, text, (ga, gb) if name else (0, 0))
                if loc and any(w.lower[k] in ag.SIGN_WORDS for k in range(max(s, la - 6), la)):
                    signing.location = loc
        elif signing is not None and (signing.date_text is None and dated
                                      or (day := _day_in_range(signing, dated))) and ag.the_signing(w, s, e):
            _set_date(signing, dated if signing.date_text is None else day)  # "took part in the signing today"
        recalled = is_signing and not new and signing is not None and signing.sentence != (a, b) and told_before
        background: bool | None = None  # worked out at the first signer the sentence names with no signing
        hint = next((it.value[2] for it in items if it.kind == "trigger"
                     and it.value[2] in ("meeting", "visit")), None)
        for it in items:
            if it.kind != "person":
                continue
            key = it.value.key
            facts.mentions.append(("person", key, *it.value.span))
            if statement_source(w, it.i, s) or in_contact_block(text, w.start[it.i]) or remembered(it, w, s):
                continue  # "A statement issued by A, Director of Information, said": the source, no role
            for role in it.value.roles or (["attendee"] if present(it, w, s) else []):
                kind = _EVENT_OF_ROLE.get(role, "other")
                if role in ("signatory", "witness") and (intent or recalled):
                    continue  # "The MoU will be signed by A", "In 2019 X signed an MoU with Y": not this signing
                if role == "attendee" and hint or role == "host" and hint == "visit":
                    kind = hint  # "visited X, where they met with A": A hosts the visit
                if kind == "signing" and signing is None:
                    if role == "signatory" and background is None:
                        # a signing word of a sentence that tells no signing of the release: hoped, denied
                        # or of earlier years
                        background = (ag.signs(w, s, e) or tells_signing) and (
                            intent or not is_signing or tense.earlier(w, s, e, release_date))
                    if role == "signatory" and background or role == "witness" and intent:
                        continue  # no signing told: a signer of nothing ("recalled that X, signed in 2019")
                    if role == "witness":
                        role = "attendee"  # "The talks took place in the presence of A": present, witnessing nothing
                    kind = "meeting" if role != "attendee" else "other"
                if kind == "speech" and signing is not None or kind == "signing":
                    event = signing
                elif kind == "speech":
                    if speech is None:
                        speech = LocalEvent("speech", (a, b))
                        _set_date(speech, dated)
                        facts.events.append(speech)
                    event = speech
                else:
                    event = _sentence_event(facts, kind, (a, b), dated)
                    if kind == "visit":
                        trig = next((t.j for t in items if t.kind == "trigger"
                                     and t.value[2] == "visit"), it.j)
                        for o in items:
                            if o.kind == "org" and o.i >= trig:
                                okey = top_org(facts, o.value)
                                if okey and not any(r[1] == okey for r in event.roles):
                                    event.roles.append((None, okey, None, "host", a, b))
                                event.location = event.location or o.value.name
                lp = facts.people[key]
                if not any(r[0] == key and r[3] == role for r in event.roles):
                    event.roles.append((key, lp.org, lp.title, role, a, b))
        if hint == "visit" and not ag.is_signing(w, s, e):
            _visiting_bodies(facts, items, w, (a, b), dated)
        _represented_bodies(facts, items, w, (a, b), dated, signing)
        if signing is not None and signing.sentence == (a, b) and sentence.rstrip().endswith(":"):
            told_after = signing  # "... have concluded a MoU for future close collaboration: X and Y."
        for it in items:
            if it.kind == "org":
                facts.mentions.append(("organization", facts.org(it.value.name),
                                       w.start[it.i], w.end[it.j - 1]))
    if signing is not None and sum(r[3] == "party" for r in signing.roles) < 2 and doc.title:
        headline_parties(facts, signing)
    if signing is not None and signing.date_text is None and not signing.announced:
        _set_date(signing, lead)  # the lead sentence dates the release's main event
    if signing is not None and "respectively" in text:
        parties = [r[1] for r in signing.roles if r[3] == "party"]
        for *_, items in sentences:
            _respectively(facts, items, parties)
    _year_from_text(facts, text)
    _finish_events(facts)


def _date_signing(signing: LocalEvent, w: Words, words: tuple[int, int], text: str, name: tuple[int, int],
                  dated, items: list[Item], facts: DocFacts) -> None:
    """Date, place and parties of a signing from the sentence (its words, its span) that tells it."""
    s, e = words
    _set_date(signing, None if signing.announced else dated)
    loc, la, lb = ag.place(w, s, e, text, name)
    signing.location = loc or signing.location
    add_parties(facts, signing, w, s, e, items, signing.sentence, fallback=(la, lb))


def _signers_bodies(facts: DocFacts, ev: LocalEvent) -> None:
    """The organisations of a signing's signatories are its parties (not a country a title names:
    "UAE Minister A")."""
    other: dict[tuple[int, int], bool] = {}  # whether a signer's sentence tells of "the second MoU"
    for r in list(ev.roles):
        org = facts.people[r[0]].org if r[3] == "signatory" else None
        if org and not any(x[1] == org and x[3] == "party" for x in ev.roles) and not is_country(facts.orgs[org].name) \
                and not (r[4:6] != ev.sentence and _tells_another(facts.doc.text, r[4:6], other)):
            ev.roles.append((None, org, None, "party", *r[4:]))


def _tells_another(text: str, span: tuple[int, int], seen: dict[tuple[int, int], bool]) -> bool:
    """Whether the sentence at `span` tells of another agreement than the reported one, once per sentence."""
    if span not in seen:
        w = words_of(text[span[0]:span[1]])
        seen[span] = tense.another(w, 0, len(w))
    return seen[span]


def _in_headline(doc: RawDocument, text: str, event: LocalEvent) -> bool:
    """Whether the event was told by the headline (the title, or a line that ends in no stop, after
    lines that end in none: "Skip to main content", a section name), which sums up the body's first
    signing."""
    a, b = event.sentence
    line = text[a:b].strip()
    if ag.caption(line):
        return True  # "A (center) and B (second left) at the signing ceremony": a photo's caption sums it up too
    if doc.title and line == doc.title.strip():
        return True  # else a headline below a site's name that was taken for the title
    return not line.endswith((".", "!", "?")) and text[b:b + 1] in ("\n", "") and not any(
        x.strip().endswith((".", "!", "?", ":")) for x in text[:a].splitlines())


def _visiting_bodies(facts: DocFacts, items: list[Item], w: Words, span: tuple[int, int], dated) -> None:
    """"A delegation from X visited Y": the bodies of a visit that names no one, X visiting and Y
    (with the bodies listed with it) hosting, as organisation rows of the sentence's visit."""
    trig = next((t for t in items if t.kind == "trigger" and t.value[2] == "visit" and t.value[1] == "before"), None)
    if trig is None or any(it.kind == "person" and it.value.roles for it in items):
        return
    before = [it for it in items if it.kind == "org" and it.j <= trig.i]
    after: list[Item] = []
    for it in items:
        if it.kind == "org" and it.i >= trig.j and (not after or all(
                w.lower[q] in (",", "and", "the", "&") for q in range(after[-1].j, it.i))):
            after.append(it)
    if not before or not after:
        return
    event = _sentence_event(facts, "visit", span, dated)
    for role, its in (("visitor", before), ("host", after)):
        for it in its:
            okey = top_org(facts, it.value)
            if okey and not any(r[1] == okey and r[0] is None for r in event.roles):
                event.roles.append((None, okey, None, role, *span))


def _represented_bodies(facts: DocFacts, items: list[Item], w: Words, span: tuple[int, int], dated,
                        signing: LocalEvent | None) -> None:
    """"Also present were representatives of X": a body whose unnamed members take a role takes
    part, as an organisation row of the event with the role."""
    t = next((t for t in items if t.kind == "trigger" and t.value[1] == "after"
              and t.value[0] in ("attendee", "witness")), None)
    if t is None:
        return
    members = lexicon.member_nouns()
    listed = -1  # end of the last body named after "representatives of", to take "X and Y" both
    for o in items:
        if o.kind != "org" or o.i <= t.j or o.i < 2:
            continue
        k = o.i - 1 - (w.lower[o.i - 1] == "the")
        if not (w.lower[k] in ("of", "from") and w.lower[k - 1] in members
                or listed >= 0 and all(w.lower[q] in (",", "and", "&", "the") for q in range(listed, o.i))):
            listed = -1
            continue
        listed = o.j
        okey = top_org(facts, o.value)
        event = signing if signing is not None and t.value[2] == "signing" else \
            _sentence_event(facts, "meeting", span, dated)
        if okey and not any(r[1] == okey for r in event.roles):
            event.roles.append((None, okey, None, t.value[0], *span))


def _new_agreement(current: LocalEvent, name: str | None) -> bool:
    return bool(name and current.agreement and len(name.split()) >= 2
                and _spelled_out(name) != _spelled_out(current.agreement))


_SPELLED = {"mou": "memorandum of understanding", "moa": "memorandum of agreement", "loi": "letter of intent",
            "moc": "memorandum of cooperation", "mous": "memoranda of understanding"}


def _spelled_out(name: str) -> str:
    """"trilateral MOU" as "trilateral memorandum of understanding": one agreement however written."""
    return " ".join(_SPELLED.get(x, x) for x in name.split())


def _set_date(event: LocalEvent, dated) -> None:
    if dated:
        event.date, event.date_text, event.precision, event.year_source, event.days = dated


def _day_in_range(event: LocalEvent, dated):
    """A sentence's single day that falls in the range of days dating an event ("held September 9-11
    ... The signing took place on September 10"), a year-less one in the range's year ("from 7 to 9
    August 2023 ... On the final day, 9 August"); else None."""
    if not (event.days > 1 and event.date and dated and dated[4] == 1):
        return None
    if dated[2] == "no-year" and (day := find_dates(dated[1])) and day[0].day:
        dated = (to_date(day[0], event.date.year), dated[1], "day", "text", 1)
    if dated[2] == "day" and dated[0] and event.date <= dated[0] < event.date + dt.timedelta(days=event.days):
        return dated
    return None


_VISIT_OR_MEETING = {"visit", "meeting"}


def _sentence_event(facts: DocFacts, kind: str, span: tuple[int, int], dated) -> LocalEvent:
    """The event of `kind` a sentence reports; a visit and a meeting told in one sentence ("X visited
    Y and met Z") are one event, a visit."""
    for ev in facts.events:
        if ev.sentence == span and (ev.kind == kind or {ev.kind, kind} == _VISIT_OR_MEETING):
            if kind == "visit":
                ev.kind = "visit"
            return ev
    ev = LocalEvent(kind, span)
    _set_date(ev, dated)
    facts.events.append(ev)
    return ev


def _year_from_text(facts: DocFacts, text: str) -> None:
    """A year-less date the publication date could not resolve takes the one year the text states
    for it elsewhere (`year_source = text`), as the annotation guide has it; otherwise it stays."""
    for ev in facts.events:
        mention = find_dates(ev.date_text) if ev.precision == "no-year" and ev.date_text else []
        year = year_of_text(text, mention[0].month) if mention else None
        if year and (date := to_date(mention[0], year)):
            ev.date, ev.precision, ev.year_source = date, "day" if mention[0].day else "month", "text"


def _finish_events(facts: DocFacts) -> None:
    """Inherit the lead event's date, fill parties from signatories, infer missing affiliations."""
    lead = next((e for e in facts.events if e.kind == "signing"), None) or (
        facts.events[0] if facts.events else None)
    for ev in facts.events:
        if ev.date_text is None and lead is not None and ev is not lead:
            ev.date, ev.date_text, ev.precision = lead.date, lead.date_text, lead.precision
            ev.year_source = "inherited" if lead.date_text else None
    for ev in facts.events:
        if ev.kind != "signing":
            continue
        if ev.offices:
            office_holders(facts, ev, [r[1] for r in ev.roles if r[3] == "party"])
        _signers_bodies(facts, ev)
    infer_affiliations(facts)
    for ev in facts.events:
        if ev.kind == "signing" and sum(r[3] == "party" for r in ev.roles) < 2:
            _signers_bodies(facts, ev)  # "Head of the College A signed ... on behalf of the University"
        ev.roles = [(k, (facts.people[k].org if k else o), (facts.people[k].title if k else t), role, a, b)
                    for k, o, t, role, a, b in ev.roles]
        bodies = {r[1] for r in ev.roles if r[3] == "party" and r[1] in facts.orgs
                  and not is_country(facts.orgs[r[1]].name)}
        if ev.kind == "signing" and len(bodies) >= 2:  # "Finland and Chile sign MoU": their ministries signed
            ev.roles = [r for r in ev.roles if not (r[3] == "party" and r[1] in facts.orgs
                                                    and is_country(facts.orgs[r[1]].name))]
