"""The sentence scanner: the people, organisations, titles, role triggers and separators of a sentence."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .. import lexicon
from .acronyms import is_acronym
from .affiliation import appositions
from .agreements import HEAD_WORDS, PAST_SIGN, SIGN_WORDS
from .bare_names import beside_a_body, described_as_body, heads_a_bracket, signed_for, wire_or_listing
from .facts import Item, OrgSpan, Person
from .legal_forms import form_after_run, legal_form_at, legal_suffix
from .names import (
    NAME_WORD,
    after_title,
    given_names_before,
    honorific_len,
    join_name,
    list_name,
    monsieur,
    name_words,
    tail_name,
    upper_family,
)
from .nlp import Words, is_cap
from .org_bounds import heading_word
from .places import REGION_WORDS, holds_place, not_a_name_word, noun_in
from .theme_scope import is_country
from .titles import own_board, possessive_owner, title_at

_ADJECTIVAL = {"newly", "the", "a", "an", "its", "their", "freshly", "duly"}
_LIST_SEP = {",", "and", "&", ";", "as", "well", "respectively", "also", "both", "the", "other", "with", "who"}
_TITLED_HONOURS = {"ambassador", "senator"}
_REGION_NOUNS = REGION_WORDS | {"municipality", "city"}
_CAPTIONS = {"photo", "photos", "pictured", "caption", "photograph"}
_SIGNING_NOUNS = {"signing", "signature", "signatures", "signatory", "signatories"}
_QUOTE_END = {'"', "”", "’", "'"}
_PASSIVE = {"was", "were", "been", "be", "being", "is", "are"}
_BEFORE_TITLE = {"the", ",", "as", "(", "two", "three", "four", "five", "several", "its", "their",
                 "said", "says", "added", "noted", "explained", "by", "'s", "’s", "a", "an"}  # "A, a glaciologist at X"
_OBJECT_OF = {"of", "from", "with", "between", "for", "to", "by", "among", "on", "behalf"}
_TITLE_JOIN = {"of", "for", "at", "and", "&", "the", "on", "in", "to"}
_NOT_MODIFIER = {"a", "an", "the", "and", "or", "of", "by", "with", "to", "for", "as", "at", "in", "on", "is", "was",
                 "were", "are", "be", "been", "his", "her", "its", "their", "our", "my", "your", "said", "says",
                 "that", "this", "who", "which", "from", "former", "then", "new", "also", "when", "while", "s"}


def _quoted(w: Words, s: int, k: int) -> bool:
    """Whether word k stands inside a quotation opened in its sentence (the name of an event or a
    motto: "the “Shandong-Hong Kong Opening-up and Shared Future” forum")."""
    depth = 0
    for q in range(s, k):
        t = w.text[q]
        if t == "“":
            depth += 1
        elif t == "”":
            depth = max(0, depth - 1)
        elif t == '"':
            depth = 1 - depth if depth <= 1 else depth
    return depth > 0


def _object(w: Words, s: int, k: int) -> bool:
    """Whether the phrase at k is a preposition's object ("on behalf of the two sides")."""
    k -= 1
    while k >= s and w.lower[k] == "the":
        k -= 1
    return k >= s and w.lower[k] in _OBJECT_OF


_OWN_CUES = {"two", "three", "four", "five", "both", "by", "between", "led", "headed"}  # words the scanner reads itself


def _lexicon_firsts() -> frozenset[str]:
    return lexicon.roles()[0].first | lexicon.titles()[0].first | lexicon.people()[0].first


@lru_cache(maxsize=1)
def _plain_skip() -> frozenset[str]:
    """Lower-case words the scanner must look at (triggers, titles, separators, "two", "by", "between")."""
    return frozenset(_lexicon_firsts() | _LIST_SEP | _OWN_CUES)


@lru_cache(maxsize=1)
def _plain_sep() -> frozenset[str]:
    """Separators no other rule of the scanner looks at (",", "and", "&"): taken at once."""
    return frozenset(_LIST_SEP - _lexicon_firsts() - _OWN_CUES - _TALK_VERBS)


def scan(w: Words, s: int, e: int, text: str, orgs: list[OrgSpan], ents=None) -> list[Item]:
    """The persons, organisations, titles, role triggers and separators of words s..e, in order.

    `ents` (a model's `ner.Entities`, optional) vetoes bare names it reads as organisations or
    places and proposes the people it finds.
    """
    honor, not_name = lexicon.people()
    titles, _ = lexicon.titles()
    triggers, _ = lexicon.roles()
    bare_stop = lexicon.bare_stop_words()
    never_first = lexicon.never_first_name()
    group_nouns = lexicon.group_nouns()
    orgs_at = {o.i: o for o in orgs}
    items: list[Item] = []
    plain = _plain_skip()
    seps = _plain_sep()
    k = s
    while k < e:
        if k in orgs_at:
            o = orgs_at[k]
            items.append(Item("org", o.i, o.j, o))
            k = o.j
            continue
        word, low = w.text[k], w.lower[k]
        if k != s and low not in plain and word[:1].islower():
            k += 1  # most words: lower case and in no lexicon
            continue
        if k != s and low in seps and word == low:
            items.append(Item("sep", k, k + 1, low))
            k += 1
            continue
        n = (honor.match(w.lower, k, e)[0] if low in honor.first else 0) or (monsieur(w, k, e) if word == "M." else 0)
        if n and is_cap(word):
            n = max(n, honorific_len(w, k, e, honor))
            m = name_words(w, k + n, e, not_name, loose=True)
            if m == k + n and (q := _after_particles(w, k + n, e)) > k + n:
                m = name_words(w, q, e, not_name, loose=True)  # "said Dr van der Linde": particles, then the name
            if m > k + n and not _rank_of_body(w, k, n, m) and (w.lower[k + n] not in never_first or m - k - n >= 3
                              and w.lower[k + n] not in titles.first and w.lower[k + n] not in not_name):
                office = next((w.text[q] for q in range(k, k + n) if w.lower[q] in _TITLED_HONOURS), None)
                items.append(Item("person", k, m, Person(k + n, m, join_name(w, k + n, m), "honorific",
                                                         office, "government" if office else None)))
                k = m  # "Ambassador Ryu Seong-hoon": an honorific that is the office too
                continue
        licensed = is_cap(word) or (low in titles.first and k > s and (
            w.lower[k - 1] in _BEFORE_TITLE or (items and items[-1].j == k and items[-1].kind == "org")
            or w.text[k - 1] in ("'s", "’s", "'", "’") and k - 2 >= s and is_cap(w.text[k - 2])))
        # "COAA's head of operations, Capt. A", "Bophelo Robotics' chief technology officer, Ms A"
        # "finance director Adam Jaufurally", "by technical manager A": a lower-case title after a
        # lower-case word of its own counts when a name follows it
        modified = not licensed and low in titles.first and k > s and w.text[k - 1].isalpha() \
            and w.text[k - 1].islower() and w.lower[k - 1] not in _NOT_MODIFIER
        if licensed or modified:
            parsed = title_at(w, k, e, orgs_at, text) if low in titles.first else None
            if parsed and modified and after_title(w, parsed[0], e, not_name, honor, never_first, comma=False) is None:
                parsed = None
            if parsed and modified:
                k -= 1
                parsed = (parsed[0], text[w.start[k]:w.end[k]] + " " + parsed[1], *parsed[2:])
            if parsed:
                end, title, kind, org, plural = parsed
                end, title = own_board(w, end, e, title, text)
                if org is not None and org not in orgs:
                    orgs.append(org)  # named by the title's tail only
                # "A, president of X, B, vice president": a title after "A," is A's, not B's.
                owned = _owned(items, w, k)
                person = after_title(w, end, e, not_name, honor, never_first, comma=not owned)
                if person is not None and person[0] == end and lexicon.org_heads()[0].match(w.lower, end - 1, end)[0] \
                        and holds_place(w.text[person[0]:person[1]]):
                    person = None  # "Director of the Science and Technology Park Novi Sad": a city, no name
                if person is not None and person[0] in orgs_at and orgs_at[person[0]].j >= person[1] \
                        and not w.text[person[0]].isupper():  # not "Prof. NGONO ABENA Marie-Claire"
                    person = None  # "(Chief Technology Officer, Karoo Photonics)": the body, not a name
                if person is None and end + 1 < e and w.text[end] == ":" and _bracket_owner(items, w, k) is not None:
                    person = after_title(w, end + 1, e, not_name, honor, never_first, comma=False)
                    # "Kitakami University (President: TAKAHASHI Kenjiro)", "X Co. (Head office: Y; CEO: A)"
                if person is None and (q := _portfolio_end(w, end, e)) > end \
                        and (person := after_title(w, q, e, not_name, honor, never_first, comma=not owned)):
                    end, title = q, text[w.start[k]:w.end[q - 1]]  # "Deputy Vice-Chancellor Research, Professor A"
                if person is None and (q := _small_portfolio_end(w, end, e, orgs_at))[0] > end \
                        and (person := after_title(w, q[0], e, not_name, honor, never_first, comma=True)):
                    # "COAA's head of operations, A"
                    end, title, org = q[0], text[w.start[k]:w.end[q[0] - 1]], org or q[1]
                if person is not None and person[1] - person[0] >= 3 and not_a_name_word(w.text[person[0]]) \
                        and w.lower[person[0] + 1] not in lexicon.name_particles():  # not "Annelies de Vries"
                    person = (person[0] + 1, person[1])  # "... Innovative Activities Zhamila Aitzhanova"
                if person is None and end < e and w.lower[end] in lexicon.name_particles() \
                        and (rest := after_title(w, end + 1, e, not_name, honor, never_first, comma=False)):
                    person = (end, rest[1])  # "... Research Ashraf el Sheihy": the family name after a particle
                family_only = person is not None and (person[1] - person[0] == 1 or person[1] - person[0] == 2
                                                      and w.lower[person[0]] in lexicon.name_particles())
                if family_only and end - k >= 3 \
                        and NAME_WORD.match(w.text[end - 1]) and w.lower[end - 1] not in bare_stop \
                        and w.lower[end - 2] not in _TITLE_JOIN and w.text[end] != ",":
                    person = (end - 1, person[1])  # "Secretary for X & Technology Nicholas Yang", "Ashraf el Sheihy"
                    end = end - 1
                    title = text[w.start[k]:w.end[end - 1]]
                    if org is not None and org.name.endswith(" " + w.text[end]):
                        cut = replace(org, j=min(org.j, end), name=org.name[:-len(w.text[end]) - 1])  # its ministry
                        orgs[:] = [cut if o is org else o for o in orgs]
                        org = cut
                prev = items[-1] if items else None
                if org is not None and org.parent is None and not org.is_acronym \
                        and not lexicon.org_heads()[1].isdisjoint(org.name.lower().split()) \
                        and (owner := possessive_owner(w, s, k, text)) is not None:
                    org.parent = owner.name  # "WVUT's Dean of the Faculty of Computing": the faculty is WVUT's
                    orgs.append(owner)
                    items.append(Item("org", owner.i, owner.j, owner))
                if org is None and (body := _bracket_owner(items, w, k)) is not None:
                    org = body  # "Hanbit National University (President Park Jin-ho)", "X (KIHES, President A)"
                elif org is None and prev is not None and prev.kind == "org" and prev.j in (k, k - 1) \
                        and not is_country(prev.value.name):
                    org = prev.value  # not "UAE Minister of Economy": a country before a title is a nationality
                elif org is None and k - 2 > s and w.lower[k - 2:k] == ["by", "the"] \
                        and (last := next((it for it in reversed(items) if it.kind == "org"), None)) is not None \
                        and last.j == k - 2 and last.i > s and w.lower[last.i - 1] in (";", "and"):
                    org = last.value  # "X was represented by its CEO, A; and Y by the Managing Director, B"
                elif org is None and k > s and w.lower[k - 1] == "its" \
                        and (last := next((it for it in reversed(items) if it.kind == "org"), None)) is not None \
                        and not _generic_body_between(w, last.j, k - 1):
                    org = last.value  # "on behalf of UTAR was its President A": the body "its" refers to
                elif org is None and ((owner := possessive_owner(w, s, k, text)) is not None
                                      or (owner := _name_before_title(w, s, k, items, person)) is not None):
                    org = owner  # "Strathclyde's Principal, Prof. Sir Jim McDonald", "Argencon President A"
                    orgs.append(owner)
                    items[:] = [it for it in items if not (it.kind == "person" and it.value.cue == "bare"
                                                           and owner.i <= it.i < owner.j)]  # "Hydrotech Boréal's CTO"
                    items.append(Item("org", owner.i, owner.j, owner))
                if person is not None:
                    a, b = person
                    items.append(Item("person", k, b, Person(a, b, join_name(w, a, b), "title", title, kind, org)))
                    k = b
                    while plural and (nxt := list_name(w, k, e, not_name)):
                        a, b = nxt
                        items.append(Item("sep", k, k + 1, ","))
                        items.append(Item("person", a, b, Person(a, b, join_name(w, a, b), "title", title, kind, org)))
                        k = b
                elif (org is None or org.j <= end - 2) and (split := tail_name(w, k, end, bare_stop)) is not None:
                    title = text[w.start[k]:w.end[split - 1]]  # "Secretary for X & Technology Nicholas Yang"
                    items.append(Item("person", k, end, Person(split, end, join_name(w, split, end), "title",
                                                               title, kind, org)))
                    k = end
                elif plural and word[:1].islower() and low in lexicon.member_nouns() \
                        and ":" not in w.text[end:min(e, end + 6)]:  # not "the heads of the three universities: A, B"
                    k += 1  # "signed by representatives of X and Y": the bodies take part, no title
                else:
                    items.append(Item("title", k, end, (title, kind, org), plural))
                    k = end
                continue
        if low in ("two", "both", "three", "four", "five") and k + 1 < e and w.lower[k + 1] in group_nouns \
                and not _object(w, s, k):
            items.append(Item("sep", k, k + 2, "group"))  # "the two parties signed": not the people before
            k += 2
            continue
        if word[:1].islower() or k == s or w.text[k - 1] in ("–", "—", ":", "]"):  # "MILAN (ITALPRESS) – Signed by"
            n, trig = triggers.match(w.lower, k, e) if low in triggers.first else (0, None)
            if n and n == 1 and low in ("signed", "inked") and k > s and w.lower[k - 1] in _ADJECTIVAL:
                n = 0  # "present the newly signed MOU": an adjective, not the signing
            if n and trig[0] == "signatory" and _no_signing_cue(w, s, e, k, n):
                n = 0
            if n:
                if trig[0] == "speaker" and trig[1] == "before" and k > s and (w.text[k - 1] in _QUOTE_END or (
                        w.text[k - 1] == "," and k - 1 > s and w.text[k - 2] in _QUOTE_END)):
                    trig = ("speaker", "after", trig[2])  # “…,” said the Director, Rob Strain
                if trig[1] == "before" and k + n < e and w.lower[k + n] == "by" and trig[0] != "signatory":
                    trig, n = (trig[0], "after", trig[2]), n + 1  # a passive: "was also attended by A"
                if w.lower[k + n - 1] == "between":
                    trig = (trig[0], trig[1], "between")  # "signed between": bodies as often as people
                items.append(Item("trigger", k, k + n, trig))
                k += n
                continue
            if low in ("led", "headed") and k + 1 < e and w.lower[k + 1] == "by" \
                    and "delegation" in w.lower[max(s, k - 8):k]:
                # "a delegation from X headed by A": the delegation's head is a visitor
                items.append(Item("trigger", k, k + 2, ("visitor", "after", "visit")))
                k += 2
                continue
            if low in _TALK_VERBS and (m := _talk_end(w, k, e)):
                items.append(Item("trigger", k, m, ("speaker", "before", "speech")))  # "gave a popular science lecture"
                k = m
                continue
            if word == "Signing" and not HEAD_WORDS.isdisjoint(w.lower[k + 1:k + 7]) and ":" in w.text[k + 1:e]:
                # a caption "Signing the framework agreement in Sydney: A, Title of X; B, Title of Y": they sign
                items.append(Item("trigger", k, k + 1, ("signatory", "after", "signing")))
                k += 1
                continue
            if low == "signing" and k > s and w.text[k - 1] == "," and len(items) >= 2 and items[-2].kind == "person" \
                    and not HEAD_WORDS.isdisjoint(w.lower[k + 1:k + 4]):
                # a caption "A (right), and B, signing the memorandum": they sign
                items.append(Item("trigger", k, k + 1, ("signatory", "before", "signing")))
                k += 1
                continue
            if low == "by" and _signed_by(w, s, k, items):
                items.append(Item("trigger", k, k + 1, ("signatory", "after", "signing")))
                k += 1
                continue
            if low == "between" and not any(it.kind == "trigger" for it in items) \
                    and not SIGN_WORDS.isdisjoint(w.lower[s:k]):
                # "The signing ceremony took place at X, between President of Y Prof. A and ...": the
                # people (or bodies) the signing is between
                items.append(Item("trigger", k, k + 1, ("signatory", "after", "between")))
                k += 1
                continue
        if ents is not None and k in ents.people and low not in bare_stop and ents.people[k] <= e:
            m = ents.people[k]
            items.append(Item("person", k, m, Person(k, m, join_name(w, k, m), "model")))
            k = m
            continue
        if heading_word(w, k, text) and k + 1 < e and is_cap(w.text[k + 1]):
            k += 1  # "About Tarn Ltd.", "SOURCE Tarn Ltd.": the heading is no word of the name
            continue
        family = word.isupper() and is_acronym(word) and upper_family(w, k, e, not_name)  # "PARK Ji-hoon"
        if is_cap(word) and (low not in bare_stop or family) and (not is_acronym(word) or family):
            m = name_words(w, k, e, bare_stop, loose=family)
            q = form_after_run(w, k, e)  # "Vindhav Sensorik A/S": a form the name run swallows still closes it
            if (q > m or q and q + legal_form_at(w, q, e) > m) \
                    and not any(titles.match(w.lower, x, q)[0] for x in range(m, q)) \
                    and not ({"'s", "’s"} & set(w.text[k:q])):  # "Solmar Energía Dominicana S.R.L.": a word no name has
                k = _add_body(items, orgs, w, text, k, legal_suffix(w, q, e), "company")
                continue
            prev = items[-1] if items else None
            if m - k >= 2 and prev is not None and prev.kind == "org" and prev.j == k and " of " in prev.value.name \
                    and not prev.value.is_acronym and (m >= e or not is_cap(w.text[m])):
                # "the Diplomatic Academy of Chile Andrés Bello and ESO signed": the name closes the body's name
                prev.value.name = text[w.start[prev.value.i]:w.end[m - 1]]
                prev.value.j = prev.j = m
                k = m
                continue
            if m - k >= 2 and (ents is not None and ents.vetoes(k, m) or (
                    m < e and is_cap(w.text[m]) and w.lower[m] in not_name and w.lower[m] not in honor.first)):
                k = m  # the model reads it otherwise, or it runs on into a longer name ("MTU Aero Engines")
                continue
            if m - k >= 2 and (wire_or_listing(w, s, k, m, e)
                               or any(is_country(x) and x not in lexicon.country_given_names() for x in w.text[k:m])
                               or _quoted(w, s, k)):
                k = m  # "Aluminium Bahrain has signed": a body's name
                continue
            legal = False
            if (q := next((q for q in range(k + 2, m) if (f := legal_form_at(w, q, e))
                           and (len(w.lower[q].replace(".", "")) >= 3 or f >= 2 and q + f >= m)), None)) is not None:
                m = q  # "Tarnby Bioenergia Ltda. and ...": the name ends at its legal form
            if m - k >= 2 and (described_as_body(w, m, e) or beside_a_body(w, k, m, e, items, orgs_at)
                               or signed_for(w, s, k, m, e) or heads_a_bracket(w, m, e)
                               or (legal := legal_form_at(w, m, e) > 0
                                   or m + 1 < e and w.text[m] == "," and legal_form_at(w, m + 1, e) > 0)):
                # "Bohemia Cryotech a.s.", "Virgin Hyperloop, the leader": a company
                k = _add_body(items, orgs, w, text, k, legal_suffix(w, m, e) if legal else m, "company")
                continue
            if m - k >= 2 and (holds_place(w.text[k:m]) and not (  # "Rosa Elvira MENDOZA DE LA CRUZ": a person
                    m - k >= 3 and w.text[k + 2].isupper() and given_names_before(w, k + 2, not_name))
                               or noun_in(w.text[k:m]) or k > s and w.lower[k - 1] in ("the", "in")
                               or m < e and w.lower[m] in _REGION_NOUNS):  # "in Cabo Delgado province"
                # "Costa Rica and China will sign", "São Paulo": a place; "Molecular Biology", "the Design
                # Kitchen": a thing (a bare person is never "the A B")
                k = m
                continue
            if m - k >= 2 and k >= s + 2 and w.lower[k - 1] == "for" and w.lower[k - 2] in ("signing", "signed") \
                    and m < e and w.lower[m] in ("was", "were", "is", "are", ","):
                k = _add_body(items, orgs, w, text, k, m, "other")  # "signing for Anadolu Batarya was its Chairman, A"
                continue
            if m - k >= 2:
                items.append(Item("person", k, m, Person(k, m, join_name(w, k, m), "bare")))
                k = m
                continue
        if low in _LIST_SEP or word in ("(", ")", ";", ":"):
            items.append(Item("sep", k, k + 1, low))
        k += 1
    named = [(it.value.i, it.value.j) for it in items if it.kind == "person"]
    if named:  # the rest gives people titles and bodies: nothing to do in a sentence with no one
        _colon_list_titles(items, w)
        appositions(items, w)
        # "Mr. Mohamed-Amine EL ALAOUI": capitals inside a person's name are no acronym
        orgs[:] = [o for o in orgs if not ((o.is_acronym or o.name.isupper())
                                           and any(a <= o.i and o.j <= b for a, b in named))]
    return items


def _add_body(items: list[Item], orgs: list[OrgSpan], w: Words, text: str, k: int, m: int, kind: str) -> int:
    """Record words k..m as an organisation the scan found by its shape; return where the scan goes on."""
    body = OrgSpan(k, m, text[w.start[k]:w.end[m - 1]], None, kind)
    orgs.append(body)
    items.append(Item("org", k, m, body))
    return m


_RANKS = {"general", "major", "captain", "commander", "admiral", "marshal", "colonel", "brigadier"}


def _rank_of_body(w: Words, k: int, n: int, m: int) -> bool:
    """Whether a rank and one word are a body's name ("General Assembly", "Major Projects"), not a
    person: the word is an organisation's head word (a family name "Park" aside)."""
    return m == k + n + 1 and w.lower[k] in _RANKS and w.lower[k + n] != "park" \
        and lexicon.org_heads()[0].match(w.lower, k + n, m)[0] > 0


def _no_signing_cue(w: Words, s: int, e: int, k: int, n: int) -> bool:
    """Whether a signatory cue at k signs nothing: "after the signing" in a photo caption ("Photo: (From
    left) A, B ... after the signing"), "concluded" with no agreement ("concluded a five-day mission"),
    "on behalf of" in a sentence with no signing ("On behalf of the university, A extended a warm welcome")."""
    if _caption(w, s) and w.lower[k] in ("after", "following", "while") \
            or w.lower[k] == "concluded" and HEAD_WORDS.isdisjoint(w.lower[k + 1:k + 6]):
        return True  # a caption's "A and B sign the agreement" is the signing, its "after the signing" is not
    return w.lower[k:k + n] == ["on", "behalf", "of"] and SIGN_WORDS.isdisjoint(w.lower[s:e]) \
        and not _SIGNING_NOUNS.intersection(w.lower[s:e])


def _after_particles(w: Words, k: int, e: int) -> int:
    """Where the capitalised word after the name particles at k begins ("van der Linde"), else k."""
    q = k
    while q < e and q - k < 3 and w.text[q].islower() and w.lower[q] in lexicon.name_particles():
        q += 1
    return q if q > k and q < e and is_cap(w.text[q]) and w.text[q].isalpha() else k


def _generic_body_between(w: Words, a: int, b: int) -> bool:
    """Whether "the University", "the Company" stands between words a and b: a body named by its head
    word alone, which "its" after it refers to ("Signing for X was A; signing for the University was
    its Vice-Chancellor, B": B is not X's)."""
    heads = lexicon.org_heads()[0]
    return any(w.lower[q] == "the" and w.text[q + 1][:1].isupper() and heads.match(w.lower, q + 1, q + 2)[0]
               and w.text[q + 2] not in ("'s", "’s") for q in range(a, b - 1))  # not "X, the Institute's partner"


def _caption(w: Words, s: int) -> bool:
    """Whether the sentence at s is a photo caption: "Photo: ...", "[Photo caption] ...", "From left: ..."."""
    q = s + 1 if w.text[s] in ("[", "(") else s
    return w.lower[q] in _CAPTIONS or w.lower[q:q + 2] == ["from", "left"]


def _colon_list_titles(items: list[Item], w: Words) -> None:
    """Give a plural title's singular to the people a colon lists after it ("the Vice-Chancellors of
    the three institutions: Prof. A (X), Prof. B (Y) and Prof. C (Z)"), or that follow it at once."""
    for n, it in enumerate(items):
        if it.kind == "person" and it.value.cue == "title" and it.value.title and it.i < it.value.i \
                and w.lower[it.i] != it.value.title.split()[0].lower() and w.lower[it.i].endswith("s"):
            _share_title(items[n + 1:], it.value.title, it.value.title_kind)  # "the rectors prof. A (X), doc. B (Y)"
            continue
        if it.kind != "title" or not it.plural:
            continue
        title, kind, org = it.value
        # "the rectors of X, Y and Z: A, B and C, respectively": the bodies run on to the colon
        reach = 30 if org is not None else 6
        colon = next((q for q in range(it.j, min(len(w), it.j + reach)) if w.text[q] == ":"), None)
        if colon is None and n + 1 < len(items) and items[n + 1].kind == "person" and items[n + 1].i <= it.j:
            colon = it.j - 1  # "by the rectors prof. Ing. A (X), doc. B (Y) and prof. C (Z)"
        between = [x for x in items[n + 1:] if x.i < colon] if colon is not None else []
        if colon is None or any(x.kind != "sep" and not (org is not None and x.kind == "org") for x in between):
            continue
        listed = [x for x in items[n + 1:] if x.i > colon]
        _share_title(listed, title, kind)
        bodies = [org] + [x.value for x in between if x.kind == "org"] if org is not None else []
        people = _head_people(listed)
        if len(bodies) > 1 and len(people) == len(bodies) and "respectively" in w.lower[colon:people[-1].j + 4]:
            for x, body in zip(people, bodies):
                x.value.org = x.value.org or body


def _head_people(items: list[Item]) -> list[Item]:
    """The people listed at the head of `items`, up to the list's end."""
    people = []
    for x in items:
        if x.kind == "person":
            people.append(x)
        elif x.kind not in ("sep", "org") or x.kind == "sep" and x.value == ";":
            break
    return people


def _share_title(items: list[Item], title: str, kind: str | None) -> None:
    """Give `title` to the people listed at the head of `items` who have none, up to the list's end."""
    for x in _head_people(items):
        if x.value.title is None:
            x.value.title, x.value.title_kind = title, kind


def _bracket_owner(items: list[Item], w: Words, k: int) -> OrgSpan | None:
    """The body whose bracket a title at k opens, after its acronym or alone: "X (President A)",
    "X (XI, President A)"."""
    body = next((it for it in reversed(items) if it.kind == "org"), None)
    if body is not None and body.j < k and w.text[body.j] != "(":  # "(Head office: Tokyo; CEO: A)": a label inside
        body = next((it for it in reversed(items) if it.kind == "org" and it.j < k and w.text[it.j] == "("
                     and ")" not in w.text[it.j:k]), body)
    if body is None or body.j >= k or w.text[body.j] != "(" or is_country(body.value.name):
        return None
    between = w.text[body.j + 1:k]
    return body.value if not between or len(between) == 2 and between[1] == "," \
        and between[0] == body.value.acronym or between[-1] == ";" and ":" in between and ")" not in between \
        else None  # "X (Head office: Tokyo; President: A)": a segment of the body's own bracket


def _name_before_title(w: Words, s: int, k: int, items: list[Item], person) -> OrgSpan | None:
    """A capitalised name of up to three words right before a title that a person follows
    ("Argencon President Sebastián Mocorrea", "Tarn Aerospace Country Director A"): the organisation
    the title belongs to. Its first word is no word of names, titles or places; a later one may be
    a place ("Intel Ireland General Manager A")."""
    a = k - 1
    if person is None or a < s or (items and items[-1].j > a) or not is_cap(w.text[a]):
        return None
    stop, title_words = lexicon.bare_stop_words(), lexicon.titles()[1]
    honor = lexicon.people()[0]

    def plain(q: int) -> bool:
        return is_cap(w.text[q]) and w.lower[q] not in title_words and not honor.match(w.lower, q)[0]

    if not plain(a):
        return None
    first = a
    while first - 1 >= s and k - first < 3 and plain(first - 1) and (items == [] or items[-1].j <= first - 1):
        first -= 1
    while first < a and w.lower[first] in stop:
        first += 1  # "Chinese Tarn President A": the name starts after the nationality
    if w.lower[first] in stop:
        return None
    if first - 1 >= s and (is_cap(w.text[first - 1]) or w.text[first - 1] in ("'s", "’s")):
        return None  # part of a longer name
    if is_country(" ".join(w.text[first:k])):
        return None  # "the Cook Islands Prime Minister": a nationality
    return OrgSpan(first, k, " ".join(w.text[first:k]), None, "other")


def _portfolio_end(w: Words, k: int, e: int) -> int:
    """End of a portfolio written after a title with no "of"/"for" ("Deputy Vice-Chancellor Research",
    "Pro Vice-Chancellor Regional Campuses and Global Engagements"), up to its comma; else k."""
    start = q = k + (k < e and w.text[k] == ":")  # "Deputy Vice-Chancellor: Research and Innovation, Prof. A"
    portfolio = lexicon.word_set("titles", "portfolios") | {"and", "&"}
    while q < e and q - start < 6 and w.lower[q] in portfolio and (is_cap(w.text[q]) or w.text[q] in ("and", "&")):
        q += 1
    return q if q > start and q < e and w.text[q] == "," and w.lower[q - 1] not in ("and", "&") else k


_TALK_VERBS = {"gave", "delivered", "made", "give", "deliver"}
_TALKS = {"lecture", "lectures", "talk", "talks", "speech", "speeches", "presentation", "presentations",
          "address", "keynote", "remarks", "briefing"}


def _small_portfolio_end(w: Words, k: int, e: int, orgs_at: dict[int, OrgSpan]) -> tuple[int, OrgSpan | None]:
    """End of a portfolio written small after a title, before a comma, with the body it may end in
    ("head of operations, Capt. A", "director of technology transfer of SENIA, Dr. A"), else (k, None)."""
    if k >= e or w.lower[k] not in ("of", "for"):
        return k, None
    q = k + 1
    while q < e and q - k <= 5 and (w.text[q].isalpha() and w.text[q].islower() or w.text[q] == "and") \
            and w.lower[q] not in ("of", "at"):
        q += 1
    if q == k + 1 or w.lower[q - 1] == "and":
        return k, None
    body = None
    if q + 1 < e and w.lower[q] in ("of", "at") and (body := orgs_at.get(q + 1 + (w.lower[q + 1] == "the"))):
        q = body.j
    return (q, body) if q < e and w.text[q] == "," else (k, None)


def _talk_end(w: Words, k: int, e: int) -> int:
    """End of "gave a (popular science) lecture" at word k (up to four words between), else 0."""
    for q in range(k + 1, min(e, k + 6)):
        if w.lower[q] in _TALKS:
            return q + 1
        if not w.text[q][:1].islower() and w.text[q] not in ("a", "an"):
            return 0
    return 0


_AGENT_VERBS = SIGN_WORDS | PAST_SIGN | {"executed", "initialled", "initialed", "exchanged"}  # whose "by" names signers


def _signed_by(w: Words, s: int, k: int, items: list[Item]) -> bool:
    """Whether "by" at k follows an agreement or a signing ("the signing of the X Agreement by")."""
    if w.lower[k - 1] in ("and", ";") and any(it.kind == "trigger" and it.value[:2] == ("signatory", "after")
                                               for it in items):
        return True  # "signed by A, Director of X, and by B", "by A; by B; and by C": agents of the same signing
    sig = next((it for it in items if it.kind == "trigger" and it.value[0] == "signatory"), None)
    bare_title = bool(items) and items[-1].kind == "title" and items[-1].j == k  # "in the presence of the Minister by"
    if (w.text[k - 1] == "," or bare_title) and sig is not None and sig.i > s and w.lower[sig.i - 1] in _PASSIVE \
            and any(it.kind == "trigger" and it.value[0] == "witness" and it.i > sig.i for it in items):
        return True  # "was signed in the presence of A, Chairman of X, by B and C": the signing's agents
    if w.lower[k - 1].endswith("ed") and w.lower[k - 1] not in _AGENT_VERBS:
        return False  # "flanked by", "accompanied by": another verb's agents
    heads = lexicon.signed_by_heads()
    last = next((it.j for it in reversed(items) if it.kind in ("trigger", "person")), s)  # not "attended by A, and by"
    if any(w.lower[q] in heads for q in range(max(last, k - 14), k)):
        return True
    # "was signed today by", "was signed on October 23, 2017 by": a passive signing's agents
    at = next((n for n in range(len(items) - 1, -1, -1) if items[n].kind in ("trigger", "person")), None)
    trig = items[at] if at is not None else None
    # "Signed at X by"; "signed on Tuesday, 5 March 2024, at the X Hall, Bangkok, by": only a date and
    # places between the verb and its agents
    near = trig is not None and (k - trig.j <= 12 or k - trig.j <= 24 and all(
        it.kind in ("sep", "org") or it.kind == "title" and w.text[it.i].islower()  # "the company's head office"
        for it in items[at + 1:]) and not w.lower[k - 1].endswith("ed"))  # not "hosted by"
    return near and trig.kind == "trigger" and trig.value[0] == "signatory" \
        and (trig.i == s or w.lower[trig.i - 1] in _PASSIVE)


def _owned(items: list[Item], w: Words, k: int) -> bool:
    """Whether a title at k is the apposition of the untitled person just before ("A, the Dean of X")."""
    j = len(items) - 1
    while j >= 0 and items[j].kind == "sep" and items[j].value in (",", "the"):
        j -= 1
    if j >= 0 and items[j].kind == "title" and j + 1 < len(items) and items[j + 1].value == ",":
        return _owned(items[:j], w, items[j].i)  # "A, Member of X, Party Secretary of Y, B"
    return j >= 0 and items[j].kind == "person" and items[j].value.title is None \
        and items[j].j < k and w.text[items[j].j] == "," \
        and all(w.lower[q] in (",", "the") or is_cap(w.text[q]) for q in range(items[j].j, k))


