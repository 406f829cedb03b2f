"""Whether a signing sentence tells of the reported signing or of another: an intention ("hope to
sign", "agreed to prepare ... and to sign it"), a denial ("No agreement was signed"), a signed state,
another agreement, or an earlier one ("recalled the memorandum X signed in 2021")."""

from __future__ import annotations

import datetime as dt

from .. import lexicon
from ..dates import MONTHS, WEEKDAYS
from .agreements import _HEAD_WORDS, _SIGN_PAST, PAST_SIGN, SIGN_WORDS, entered_into, in_relative_clause
from .nlp import Words, words_of

_BUILT_ON = {"build", "built", "builds", "building", "existing", "previous", "prior", "earlier", "former"}


_EARLIER = {"previously", "formerly", "earlier", "already", "once", "similar", "since"}
# "has signed similar agreements"; "since the two governments signed an agreement"


_RECALL = {"recalled", "recalling", "recalls", "recall", "remembered", "reminded", "reminding", "referring", "referred"}


_PLURAL_HEADS = {"agreements", "mous", "moas", "memoranda", "memorandums", "protocols", "accords"}
_COUNTS = {"over", "more", "dozens", "numerous", "several", "many", "hundreds", "some", "number"}
_NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}  # "has signed ... with two"
_SPANS = {"years", "months", "weeks", "decades", "year", "month", "decade"}  # "two years after"


_MEETINGS = {"visit", "meeting", "talks", "trip", "mission", "forum", "tour"}


_AHEAD = {"will", "shall", "scheduled", "planned", "expected", "slated", "set", "targeted", "due", "foreseen",
          "envisaged"}  # "the signing ... is scheduled for"


_NEGATIONS = {"not", "never", "n't", "no", "without", "nor", "neither"}
_CALLED_OFF = {"postponed", "cancelled", "canceled", "delayed", "deferred"}  # "the signing ... has been postponed"


def as_state(w: Words, s: int, e: int) -> bool:
    """Whether words s..e open with a signing told as a state ("With the agreement now signed, ..."):
    it tells of a signing the release reported, or an earlier one, never a new one."""
    return s + 2 < e and w.lower[s] == "with" and w.lower[s + 1] in ("the", "this", "that") and any(
        w.lower[k] in SIGN_WORDS for k in range(s + 2, min(e, s + 8)))


def another(w: Words, s: int, e: int) -> bool:
    """Whether words s..e tell of another signing than the one reported ("also signed an MoU with
    X", "a second agreement", "separately signed"), so that its parties are not the report's."""
    for k in range(s, e):
        low = w.lower[k]
        if low in SIGN_WORDS and k > s and w.lower[k - 1] in ("also", "separately", "additionally"):
            return True
        if (low in _HEAD_WORDS or low == "signing") and k > s \
                and w.lower[k - 1] in ("another", "second", "third", "fourth", "further", "separate"):
            return True  # "The second MoU, with X", "In a second signing"
        if k == s and low in ("second", "secondly", "third", "thirdly") and k + 1 < e and w.text[k + 1] == ",":
            return True  # "Second, the Rector and Professor A signed an agreement on academic mobility"
        if low in _HEAD_WORDS and any(w.lower[q] in _BUILT_ON for q in range(max(s, k - 4), k)):
            return True  # "the agreement built on the memorandum RUT signed with X": an earlier one
    return False


def _signs_at(w: Words, s: int, e: int) -> list[int]:
    """Where words s..e hold a signing word."""
    lowers = w.lower[s:e]
    if SIGN_WORDS.isdisjoint(lowers) and "entered" not in lowers:
        return []
    return [k for k in range(s, e) if w.lower[k] in SIGN_WORDS
            or w.lower[k] == "entered" and (entered_into(w, k, k + 1) or k > s and w.lower[k - 1] in _PASSIVE_BE
                                            and w.lower[k + 1:k + 2] == ["into"])]  # "into an MoU", "been entered into"


def intended(w: Words, s: int, e: int) -> bool:
    """Whether every signing word of words s..e is an intention ("hope to sign", "will be signed")."""
    signs_at = _signs_at(w, s, e)
    if not signs_at:
        return False
    cues = lexicon.intention_cues()
    return all(_intention_at(w, s, e, k, cues) for k in signs_at)


def untold(w: Words, s: int, e: int) -> bool:
    """Whether every signing word of words s..e is an intention or denied ("No memorandum was signed
    during the visit: both rectors hope to sign it this autumn"): the sentence tells of no signing."""
    signs_at = _signs_at(w, s, e)
    if not signs_at:
        return False
    denied = [_negated_at(w, s, k) for k in signs_at]
    if any(no and "yet" in w.lower[max(s, k - 4):k + 3] for k, no in zip(signs_at, denied)):
        return True  # "Although some called the symposium a signing ceremony, no agreement has been signed yet"
    if not _CLAIMS.isdisjoint(w.lower[s:signs_at[0]]) and not _UNTRUE.isdisjoint(w.lower[s:e]):
        return True  # "Reports claiming that X signed an MoU with Y are untrue and baseless"
    cues = lexicon.intention_cues()
    return all(no or _intention_at(w, s, e, k, cues) for k, no in zip(signs_at, denied))


_CLAIMS = {"claiming", "claim", "claims", "claimed", "alleging", "alleged", "allegations", "rumours", "rumors",
           "speculation", "reports", "reported", "suggesting"}
_UNTRUE = {"untrue", "false", "baseless", "unfounded", "incorrect", "inaccurate", "misleading", "denied", "denies",
           "deny", "refuted", "refutes", "rejected", "rejects"}


def _intention_at(w: Words, s: int, e: int, k: int, cues) -> bool:
    """Whether the signing word at k is an intention, not a signing that happened."""
    low = w.lower[k]
    after = w.lower[k + 1:k + 3]
    if after[:1] and (after[0] in _TALKS or after[0] == "up") or after == ["on", "as"] \
            or len(after) == 2 and after[0] == "the" and after[1] in _TALKS:
        return True  # "concluded negotiations on an agreement", "signed up for", "signed on as a partner"
    if k > s and (w.lower[k - 1] in ("a", "an") or w.lower[k - 1] == "the" and low == "renewed") \
            and k + 1 < e and w.lower[k + 1] in _HEAD_WORDS:
        return True  # "discussed the shape of a renewed agreement": a participle before its noun is no verb
    past = low in PAST_SIGN and not any(w.lower[q] in ("be", "been", "being") for q in range(max(s, k - 3), k))
    # "would be drafted and signed": not a signing that happened
    if k - 1 >= s and w.lower[k - 1] == "be":
        return True  # "an agreement to be signed by DOST", "proposed that it be signed in May": not signed yet
    if k - 2 >= s and w.lower[k - 1] == "to" and low == "sign" and w.text[k - 2][:1].isupper() \
            and w.lower[k - 2] not in ("to", "and"):
        return True  # "Tarn University and Osk Institute to sign MoU": a headline's future
    if _conditional(w, s, k):
        return True  # "an update when a definitive agreement has been concluded": not signed yet
    if low == "signing" and (k - s <= 2 or w.lower[k - 1] in ("the", "their", "its")) and _called_off(w, k, e):
        return True  # "The signing ceremony of an MoU between X and Y, which was set for May, has been postponed"
    if low == "signed" and k + 1 < e and w.lower[k + 1] in _SIGNED_THINGS:
        return True  # "the two sides exchanged the signed copies of the MoU": a thing, no signing
    if low == "signing" and k > s and w.lower[k - 1] == "for":
        return True  # "are to be submitted for signing at the next meeting": a purpose, not a signing
    if low == "signing" and k - 2 >= s and w.lower[k - 1] == "the" and (w.lower[k - 2] in ("towards", "toward") or (
            k - 3 >= s and w.lower[k - 2] == "to" and w.lower[k - 3] in _LEADING)):
        return True  # "the remaining steps leading to the signing of the agreement": a goal, not a signing
    if low == "sign" and k > s and w.lower[k - 1] == "and" and "to" in w.lower[max(s, k - 30):k - 1]:
        return True  # "authorizing the CEO to discuss the draft with the other side and sign it": an infinitive
    if low == "concluded" and not _TALKS.isdisjoint(w.lower[k + 1:k + 8]):
        return True  # "concluded the third and final round of negotiations on an arrangement": talks, no signing
    if low in PAST_SIGN and k > s and w.lower[k - 1] in _CONDITIONS:
        return True  # "the MoU, when signed, will be implemented", "If entered into, the agreement": to come
    if low in PAST_SIGN and _coordinated_to_come(w, s, k):
        return True  # "is expected to be submitted to the Council and, subject to its approval, signed"
    if low == "sign" and k - 2 >= s and w.lower[k - 1] in ("we", "they", "you") and w.lower[k - 2] in _HEAD_WORDS \
            and any(w.lower[q] in ("will", "shall") for q in range(k + 1, min(e, k + 9))):
        return True  # "the MoU we sign in San Diego will be a strong basis": a signing to come
    ahead = low == "signing" and (any(w.lower[q] in _AHEAD for q in range(k + 1, min(e, k + 7))) or any(
        w.lower[q] in ("will", "shall") and PAST_SIGN.isdisjoint(w.lower[k + 1:q]) and "," not in w.text[k + 1:q]
        for q in range(k + 7, min(e, k + 16))) or any(  # "The signing of the agreement between X and Y will"
        w.lower[q] == "under" and w.lower[q + 1] in _PENDING for q in range(k + 1, min(e - 1, k + 16))) or any(
        w.lower[q] in ("is", "are", "has", "have") and w.lower[q + 1] in _AHEAD | _CALLED_OFF | {"been"}
        and (w.lower[q + 1] != "been" or w.lower[q + 2] in _AHEAD | _CALLED_OFF)
        for q in range(k + 1, min(e - 2, k + 16)))) \
        or k > s and w.lower[k - 1] == "to" and any(w.lower[q] in cues and w.text[q].islower()
                                                    for q in range(max(s, k - _reach(w, s, k)), k))
    # "agreed to prepare a memorandum on the joint laboratory and to sign it in May"
    return not (past or not ahead and not any(w.lower[q] in cues and (w.text[q].islower() or q == s
                                                                       and len(w.text[q]) > 5)
                                              for q in range(max(s, k - 5), k)))  # "Preparations for the signing of"


_TALKS = {"negotiations", "talks", "discussions", "consultations"}
_SIGNED_THINGS = {"copies", "copy", "documents", "document", "texts", "text", "versions", "version", "originals",
                  "instruments"}
_PENDING = {"consideration", "discussion", "negotiation", "review", "preparation"}  # "is under consideration"
_CONDITIONS = {"when", "once", "if", "until", "till", "unless", "after", "before", "soon"}  # "as soon as"
_PERFECT = {"has", "have", "is", "are"}
_PASSIVE_BE = {"be", "been", "being"}
_LEADING = {"leading", "lead", "leads", "steps", "step", "way", "path", "road", "run-up", "prelude"}


def _conditional(w: Words, s: int, k: int) -> bool:
    """Whether a signing word at k is the perfect or present of a condition ("once the agreement is
    signed", "when an agreement has been concluded"): a signing still to come, not "when it was signed"."""
    aux = next((q for q in range(k - 1, max(s, k - 3) - 1, -1) if w.lower[q] in _PERFECT), None)
    return aux is not None and any(w.lower[q] in _CONDITIONS for q in range(max(s, aux - 5), aux))


_MODALS = {"to", "will", "would", "shall", "should", "could", "can", "may", "might", "must"}


def _coordinated_to_come(w: Words, s: int, k: int) -> bool:
    """Whether the participle at k is the second of a passive still to come: "to be submitted ... and
    signed", "will be reviewed by both boards and then signed" (not "was approved and signed")."""
    conj = next((q for q in range(k - 1, max(s, k - 9) - 1, -1) if w.lower[q] == "and"), None)
    if conj is None:
        return False
    return any(w.lower[q] == "be" and q > s and w.lower[q - 1] in _MODALS for q in range(max(s, conj - 12), conj))


def _called_off(w: Words, k: int, e: int) -> bool:
    """Whether the signing the sentence opens with "has been postponed" or "was cancelled", and did
    not then take place ("The signing, postponed from March, took place today" is a signing)."""
    return any(w.lower[q] in _CALLED_OFF and w.lower[q - 1] in ("been", "was", "were", "is", "are")
               for q in range(k + 1, e)) and not {"took", "held", "finally", "eventually"} & set(w.lower[k:e])


def _reach(w: Words, s: int, k: int) -> int:
    """How far back from an infinitive "to sign" at k an intention cue may stand: 12 words, or 24 for a
    second infinitive ("agreed to prepare a memorandum on ... and to sign it during the next visit") or
    after a verb that licenses someone to sign."""
    if k - 2 >= s and w.lower[k - 2] == "and" or any(w.lower[q] in _LICENSING for q in range(max(s, k - 24), k)):
        return 24  # "authorised the Minister of X, Y, Z, Dragana A, to sign it": the cue before a long object
    return 12


_LICENSING = {"authorised", "authorized", "authorises", "authorizes", "authorise", "authorize", "authorising",
              "authorizing", "mandated", "empowered", "instructed"}


def negated(w: Words, s: int, e: int) -> bool:
    """Whether every signing word of words s..e is denied ("No agreement was signed", "did not sign",
    "without signing"): the sentence tells of no signing."""
    signs_at = _signs_at(w, s, e)
    return bool(signs_at) and all(_negated_at(w, s, k) for k in signs_at)


def _negated_at(w: Words, s: int, k: int) -> bool:
    """Whether the signing word at k is denied."""
    return any(w.lower[q] in _NEGATIONS and w.lower[q + 1] != "only" for q in range(max(s, k - 4), k)) \
        or k - 5 >= s and w.lower[k - 5] == "no" and w.lower[k - 2] in _PERFECT \
        or _denied_subject(w, s, k)  # "No binding agreement has been signed"


_STILL = {"has", "have", "had", "was", "were", "is", "are", "been", "be", "yet", "ever", "so", "far", "formally",
          "officially", "actually"}


def _denied_subject(w: Words, s: int, k: int) -> bool:
    """Whether the signing verb at k has "no" agreement for its subject: "no agreement has yet been
    concluded", "No formal memorandum has so far been signed"."""
    q = k - 1
    while q > s and w.lower[q] in _STILL:
        q -= 1
    if q - 2 > s and w.lower[q - 1] == "of" and w.lower[q - 2] in _HEAD_WORDS:
        q -= 2  # "no memorandum of understanding has been signed"
    if q == k - 1 or w.lower[q] not in _HEAD_WORDS:
        return False
    # "No such memorandum or agreement has been signed"; not "No sooner had the agreement been signed"
    return any(w.lower[p] == "no" and w.lower[p + 1] != "sooner" for p in range(max(s, q - 5), q))


_FRAMES = {"under", "implementation", "implementing", "implement", "framework", "extension", "extend", "renewal",
           "renew", "pursuant", "accordance", "existing", "current", "progress", "reviewed", "reviewing", "review"}
_WHEN_WORDS = {"today", "yesterday", *WEEKDAYS}


def framed(w: Words, s: int, e: int) -> bool:
    """Whether a signing participle only names the agreement some other work stands under ("reviewed the
    implementation of the agreement signed between X and Y", "set up under the MoU signed by X and Y"),
    with no day of its own in the participle's clause: an agreement in force, not one signed in the
    reported event ("Under the MoU signed today, ..." is today's)."""
    for k in range(s + 1, e):
        if w.lower[k] not in _SIGN_PAST:
            continue
        head = next((q for q in range(k - 1, max(s, k - 6) - 1, -1) if w.lower[q] in _HEAD_WORDS), None)
        if head is None or w.lower[k - 1] in ("was", "were", "been", "be", "is", "are", "has", "have") \
                or not any(w.lower[q] in _FRAMES for q in range(max(s, head - 7), head)):
            continue
        clause = w.lower[head:next((q for q in range(k + 1, e) if w.text[q] in (",", ";")), e)]
        if not any(x in _WHEN_WORDS or x[:1].isdigit() and not (len(x) == 4 and x.isdigit()) for x in clause):
            return True  # a month or a year alone: "the memorandum signed in Seoul in May 2021" is framed still
    return False


def earlier(w: Words, s: int, e: int, date: dt.date | None) -> bool:
    """Whether words s..e tell of an earlier agreement: "previously signed", "signed in 2010"
    (a year before `date`, or opening an undated release's sentence), near a signing word, "signed
    when A was then ...", or "This followed ..."; not a sentence that merely says "already" elsewhere."""
    if SIGN_WORDS.isdisjoint(w.lower[s:e]) and _HEAD_WORDS.isdisjoint(w.lower[s:e]):
        return False  # no signing word and no agreement to be an earlier one
    if framed(w, s, e):
        return True
    signs_at = [k for k in range(s, e) if w.lower[k] in SIGN_WORDS or w.lower[k] in _HEAD_WORDS
                or w.lower[k] == "entered" and k + 1 < e and w.lower[k + 1] == "into"]
    if signs_at and s + 1 < e and w.lower[s] in ("this", "it", "that") and w.lower[s + 1] in ("followed", "follows"):
        return True  # "This followed a meeting in Khartoum where an agreement was signed"
    if signs_at and s + 1 < e and w.lower[s] == "in" and _year(w.lower[s + 1]) and (
            date is None or int(w.lower[s + 1]) < date.year and "today" not in w.lower[s:e]):
        return True  # "In 2006 Australia and the US signed a Treaty ...": a year alone or an earlier one
    if signs_at and any(w.lower[q] in _RECALL for q in range(s, signs_at[0])) and "today" not in w.lower[s:e]:
        return True  # "She recalled the memorandum ABCA signed with TAASE in 2021"
    if signs_at and any(w.lower[q] in _MEETINGS and w.lower[q + 1] in ("follows", "followed")
                        and w.lower[q + 2] in ("the", "a", "an") for q in range(s, signs_at[0] - 2)):
        return True  # "The visit follows the MoU ISS signed with X in 2021"
    had = "had" in w.lower[s:e]
    if len(signs_at) > 1:
        # "X, which signed an MoU with Y in 2019, signed ... today": the clause's signing is background
        signs_at = [k for k in signs_at if not in_relative_clause(w, s, k)] or signs_at
    # the sentence's own signing verb: not an infinitive ("hope to sign X, adding that it builds on the MoU
    # signed in 2020"), and "entered into" an agreement as well as "signed" one
    verbs = [k for k in signs_at if (w.lower[k] in SIGN_WORDS or w.lower[k] == "entered") and w.lower[k - 1] != "to"] \
        or [-1]
    for k in signs_at:
        if any(w.lower[q] in _EARLIER for q in range(max(s, k - 4), min(e, k + 2))):
            return True
        if any(w.lower[q:q + 2] in (["so", "far"], ["thus", "far"], ["to", "date"]) for q in range(max(s, k - 4), k)):
            return True  # "the Ministry has so far signed programmes with 30 countries"
        if w.lower[k] in SIGN_WORDS and any(w.lower[q] in _PLURAL_HEADS for q in range(k + 1, min(e, k + 6))) \
                and any(w.lower[q] in _COUNTS or w.lower[q].isdigit() and w.lower[q + 1].endswith("s")
                        or w.lower[q] in _NUMBERS and w.lower[k - 1] in ("has", "have")
                        for q in range(k + 1, min(e - 1, k + 9))):
            return True  # "has signed MoUs with over 50 institutions": a record of agreements, not one signing
        if date is not None and w.lower[k] in _HEAD_WORDS and _dated_before(w, s, k, date.year) \
                and any(w.lower[q] in _SIGN_PAST for q in range(k + 1, min(e, k + 3))):
            return True  # "joint projects under the 2021 research exchange protocol signed between A and B"
        if w.lower[k] in SIGN_WORDS and any(w.lower[q] == "last" and w.lower[q + 1] in _LAST
                                            for q in range(max(s, k - 12), min(e - 1, k + 14))) \
                and "today" not in w.lower[s:e]:
            return True  # "the signing of an MoU between the two last year", "Last year, A and B signed"
        if w.lower[k] in SIGN_WORDS and any(w.lower[q] == "after" and w.lower[q - 1] in _SPANS
                                            for q in range(max(s + 1, k - 12), k)) and "today" not in w.lower[s:e]:
            return True  # "The visit comes two years after A and B signed an agreement"
        if had and w.lower[k] in PAST_SIGN and _pluperfect(w, s, k):
            return True
        if "when" in w.lower[max(s, k - 5):k] and any(
                _year(w.lower[q]) and (date is None or int(w.lower[q]) < date.year) for q in range(max(s, k - 8), k)):
            return True  # "have cooperated since 2017, when they signed a letter of intent"
        if "when" in w.lower[k + 1:k + 3] and "then" in w.lower[k + 2:min(e, k + 14)]:
            return True  # "the MoU was signed when Prof. A was then the Director of ..."
        # the clause of the sentence's own signing verb, up to a comma or the next one: not "renewed on May 4, first
        # signed in 2015"; "signed a letter of intent on the exchange of tide-gauge data in 2016"
        stop = next((q for q in range(k + 1, e) if w.lower[q] in SIGN_WORDS
                     or w.text[q] == "," and not (q + 1 < e and _year(w.lower[q + 1]))), e)  # not "May 4, 2016"
        if w.lower[k] in _SIGN_PAST and any(w.lower[q] in _BUILT_ON for q in range(max(s, k - 8), k - 1)) \
                and any(w.lower[q] in _HEAD_WORDS for q in range(max(s, k - 5), k)):
            return True  # "would build on the memorandum of understanding signed between A and B"
        if date is not None and k == verbs[0] and any(
                _year(w.lower[q]) and int(w.lower[q]) < date.year for q in range(k, min(stop, k + 24))):
            return True
        if date is not None and w.lower[k] in _SIGN_PAST and _months_before(w, k, stop, date) >= 2:
            return True  # "the agreement signed by the two universities in September" in a November release
        if date is not None and w.lower[k] in SIGN_WORDS and k == verbs[0] and any(
                w.lower[q] == "in" and _year(w.lower[q + 1]) and int(w.lower[q + 1]) < date.year
                and SIGN_WORDS.isdisjoint(w.lower[max(s, q - 8):q]) and "today" not in w.lower[q:k]
                for q in range(max(s, k - 12), k - 1)):
            return True  # "in 2019 the University signed a framework agreement with X", "Earlier, in 2019, X signed"
    return False


_LAST = {"year", "month", "spring", "summer", "autumn", "fall", "winter"}


def _months_before(w: Words, k: int, stop: int, date: dt.date) -> int:
    """How many months before `date` the month a signing participle at k is dated by ("signed in
    September", "signed in Santiago in March"), with no day or year of its own; 0 when none."""
    for q in range(k + 1, min(stop, k + 10) - 3):
        if w.lower[q] == "on" and w.lower[q + 1].isdigit() and MONTHS.get(w.lower[q + 2]) and _year(w.lower[q + 3]) \
                and int(w.lower[q + 3]) == date.year:
            months = date.month - MONTHS[w.lower[q + 2]]  # "signed in Astana on 14 May 2024" in October 2024
            return months if months >= 3 else 0  # a full date two months back may still be the reported signing
    for q in range(k + 1, min(stop, k + 10) - 1):
        month = MONTHS.get(w.lower[q + 1]) if w.lower[q] == "in" and len(w.lower[q + 1]) > 3 else None
        if month is not None and q + 2 < len(w) and _year(w.lower[q + 2]) and int(w.lower[q + 2]) == date.year:
            return max(date.month - month, 0)  # "signed a letter of intent in February 2024" in an August 2024 release
        if month is not None and not (q + 2 < len(w) and w.lower[q + 2][:1].isdigit()) \
                and not w.lower[q - 1][:1].isdigit():
            return (date.month - month) % 12
    return 0


def _dated_before(w: Words, s: int, k: int, year: int) -> bool:
    """Whether the noun phrase of the agreement word at k carries an earlier year ("the 2021 research
    exchange protocol"), not a year of the words before it ("in 2019, signed an agreement")."""
    for q in range(k - 1, max(s, k - 5), -1):
        if not w.text[q].isalnum() or w.lower[q] in SIGN_WORDS:
            return False
        if _year(w.lower[q]):
            return int(w.lower[q]) < year and q > s and w.lower[q - 1] in ("the", "a", "an", "its", "their", "this")
    return False


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _pluperfect(w: Words, s: int, k: int) -> bool:
    """Whether the signing verb at k is told in the past of the past: "had (been) signed", or a "when"
    clause under a pluperfect ("A consensus had been reached when X and Y signed an MoU")."""
    if any(w.lower[q] == "had" for q in range(max(s, k - 3), k)):
        return True
    when = next((q for q in range(k - 1, max(s, k - 10) - 1, -1) if w.lower[q] == "when"), None)
    return when is not None and any(w.lower[q] == "had" for q in range(max(s, when - 6), when))


_VISIT_WORDS = {"visit", "visits", "visited", "delegation", "meets", "meeting", "talks", "review", "reviews",
                "forum", "conference", "tour", "tours", "welcomes", "hosts", "discuss", "discusses"}
_OCCASION = {"today", "yesterday", "during", "occasion", "ceremony", "sidelines", "visit", "meeting", *WEEKDAYS}


def visit_headline(title: str | None) -> bool:
    """Whether a headline tells a visit, a meeting or a forum and no signing ("Chilean delegation
    visits Northshore to review joint program"), or a signing still to come or called off ("MoU
    signing postponed due to cyclone"): the release's event is no signing."""
    if not title:
        return False
    w = words_of(title)
    return visit_words(w, 0, len(w))


def visit_words(w: Words, s: int, e: int) -> bool:
    """`visit_headline` for a headline that is words s..e of a text already split into words."""
    words = set(w.lower[s:e])
    if words & SIGN_WORDS:
        return intended(w, s, e) or negated(w, s, e)
    return bool(words & _VISIT_WORDS)


def perfect_background(w: Words, s: int, e: int) -> bool:
    """Whether every signing verb of words s..e is a present perfect with no occasion of its own ("KIM
    and KIPS have signed an agreement that provides for ..."): under a visit's headline, background."""
    signs_at = _signs_at(w, s, e)
    return bool(signs_at) and all(w.lower[k] == "signed" and k > s and w.lower[k - 1] in ("has", "have")
                                  for k in signs_at) and _OCCASION.isdisjoint(w.lower[s:e])


_OPEN, _CLOSE = {"“", "«"}, {"”", "»"}


def quoted(w: Words, s: int, e: int, inside: bool) -> tuple[bool, bool]:
    """Whether every signing word of words s..e stands inside a quotation ('"We have more signed
    agreements than active projects," she said'): what someone says, not the signing reported.
    `inside` says a quotation is open as the sentence starts; gives also whether one is open at its end."""
    words = w.lower[s:e]
    if '"' not in words and _OPEN.isdisjoint(words) and _CLOSE.isdisjoint(words):
        return inside and not SIGN_WORDS.isdisjoint(words), inside  # no quotation mark: all inside or none
    signs, said = 0, 0
    for k in range(s, e):
        t = w.text[k]
        if t in _OPEN or t == '"' and not inside:
            inside = True
        elif t in _CLOSE or t == '"':
            inside = False
        elif w.lower[k] in SIGN_WORDS:
            signs += 1
            said += inside
    return signs > 0 and said == signs, inside


_DISCLAIMERS = {"forward-looking", "cautionary"}


def disclaimer(w: Words, s: int, e: int) -> bool:
    """Whether words s..e are a release's legal disclaimer ("This press release contains
    forward-looking statements regarding ... the signing of definitive agreements"): no event."""
    words = w.lower[s:e]
    return not _DISCLAIMERS.isdisjoint(words) or "safe" in words and any(
        w.lower[k] == "safe" and w.lower[k + 1] in ("harbor", "harbour") for k in range(s, e - 1))

