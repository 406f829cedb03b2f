"""Score extracted tables against hand-written gold facts, as `../shared/annotation-guide.md` says."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import CorpusError
from .extract.nlp import sentence_spans, words_of
from .extract.tagging import theme_aliases
from .lexicon import people as people_lexicon
from .lexicon import word_set

ROLES_SCORED = ("signatory", "witness", "presider")
_ORG_STOP = frozenset({"the", "of", "and", "for", "co", "ltd", "inc", "limited", "corporation"})
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- normalisation and matching --------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower case without diacritics or punctuation, one space between words."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(_fold(h) for h in word_set("people", "honorifics"))


def person_key(name: str) -> tuple[str, ...]:
    """A person's name as a sorted word tuple, honorifics dropped: order and case do not count."""
    honorifics = _honorifics()
    words = _fold(name).split()
    while words and words[0] in honorifics:
        words = words[1:]
    return tuple(sorted(words))


def _org_name(name: str) -> str:
    """An organisation's name folded, without a leading "The" ("The Aerospace Corporation")."""
    folded = _fold(name)
    return folded[4:] if folded.startswith("the ") else folded


def _org_words(name: str) -> frozenset[str]:
    return frozenset(w for w in _fold(name).split() if w not in _ORG_STOP)


@dataclass(frozen=True)
class Org:
    """An organisation as scored: its full name and acronym."""

    name: str
    acronym: str | None = None


def orgs_match(a: Org, b: Org) -> bool:
    """The guide's rule: same normalised name, an acronym in common, or 80 % word containment."""
    na, nb = _org_name(a.name), _org_name(b.name)
    if not na or not nb:
        return False
    forms_a = {na} | ({_fold(a.acronym)} if a.acronym else set())
    forms_b = {nb} | ({_fold(b.acronym)} if b.acronym else set())
    if forms_a & forms_b:
        return True
    wa, wb = _org_words(a.name), _org_words(b.name)
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) >= 2 and small <= big and len(small) >= 0.8 * len(big)


def _match_pairs(gold: list, found: list, same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in list order: each gold item takes the first free match."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            if fi not in used and same(g, f):
                used.add(fi)
                pairs.append((gi, fi))
                break
    return pairs


def titles_agree(gold: str, found: str | None) -> bool:
    """The extracted title holds the gold title's words, or lies inside them."""
    if not found:
        return False
    g, f = set(_fold(gold).split()), set(_fold(found).split())
    return bool(g and f) and (g <= f or f <= g)


# --- facts -----------------------------------------------------------------------------------

def load_gold(path: Path) -> list[dict]:
    """Gold facts, one JSON object per line; a malformed line is a CorpusError naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read gold facts ({exc.strerror or exc})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{n}: malformed JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not rec.get("id"):
            raise CorpusError(f"{path}:{n}: a gold record needs an `id`")
        out.append(rec)
    return out


def _doc_keys(path: str) -> list[str]:
    stem = path.rsplit("/", 1)[-1]
    keys = [path, stem]
    if "#" not in path and "." in stem:
        keys += [path.rsplit(".", 1)[0], stem.rsplit(".", 1)[0]]
    return keys


def _written_names(mentions: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """Each person's name as the release first writes it in full (the guide's name), keyed by (doc,
    person): the people table holds one name across releases, which may be another release's spelling."""
    if mentions is None or not len(mentions):
        return {}
    honorific = people_lexicon()[0]
    out: dict[tuple[str, str], str] = {}
    for row in mentions[mentions["kind"] == "person"].sort_values(["doc_id", "start"]).itertuples():
        if (row.doc_id, row.entity_id) in out:
            continue
        w = words_of(row.text)
        n = honorific.match(w.lower, 0)[0]  # the mention opens with the honorific the extractor read
        if len(w.text) - n >= 2:
            out[(row.doc_id, row.entity_id)] = row.text[w.start[n]:] if n else row.text
    return out


def facts_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, dict]:
    """The extracted facts of each document in the gold format, keyed by path (and stem)."""
    docs, events, parts = tables["documents"], tables["events"], tables["participants"]
    orgs = tables["organizations"].set_index("org_id")
    names = tables["people"].set_index("person_id")["name"].to_dict()
    written = _written_names(tables.get("mentions"))
    themes = tables["themes"]

    def org_of(org_id) -> Org | None:
        if not isinstance(org_id, str) or org_id not in orgs.index:
            return None
        row = orgs.loc[org_id]
        return Org(row["name"], row["acronym"] if isinstance(row["acronym"], str) else None)

    out: dict[str, dict] = {}
    for doc in docs.itertuples():
        ev = events[events["doc_id"] == doc.doc_id].sort_values("start")
        signing = None
        sig = ev[ev["kind"] == "signing"]
        doc_parts = parts[parts["doc_id"] == doc.doc_id].sort_values(["start", "role"])
        if len(sig):
            first = sig.iloc[0]
            prow = doc_parts[(doc_parts["event_id"] == first["event_id"]) & (doc_parts["role"] == "party")]
            date = first["date"]
            iso = None if pd.isna(date) else pd.Timestamp(date).date().isoformat()
            if iso and first.get("date_precision", "day") != "day":
                iso = iso[:7] if first.get("date_precision") == "month" else iso[:4]  # not a full date
            signing = {
                "date": iso,
                "parties": _unique(o for o in map(org_of, prow["org_id"]) if o),
                "sentence": first["sentence"],
            }
        people: dict[str, dict] = {}
        for row in doc_parts.itertuples():
            if not isinstance(row.person_id, str):
                continue
            name = written.get((doc.doc_id, row.person_id)) or names.get(row.person_id, "")
            p = people.setdefault(row.person_id, {"name": name, "title": None,
                                                  "org": None, "roles": [], "sentence": row.sentence})
            if row.role not in p["roles"]:
                p["roles"].append(row.role)
            p["title"] = p["title"] or (row.title if isinstance(row.title, str) else None)
            p["org"] = p["org"] or org_of(row.org_id)
        taking_part = _unique(o for o in map(org_of, doc_parts["org_id"]) if o)
        published = doc.published
        facts = {
            "doc_id": doc.doc_id, "path": doc.path, "text": doc.text,
            "published": None if pd.isna(published) else pd.Timestamp(published).date().isoformat(),
            "signing": signing, "organizations": taking_part, "people": list(people.values()),
            "themes": sorted(set(themes.loc[themes["doc_id"] == doc.doc_id, "theme"])),
        }
        for key in _doc_keys(doc.path):
            out.setdefault(key, facts)
    return out


def _unique(items) -> list:
    seen: list = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


# --- scoring ---------------------------------------------------------------------------------

@dataclass
class Count:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """A share of hits among the cases that count."""

    hit: int = 0
    n: int = 0

    def value(self) -> float | None:
        return round(self.hit / self.n, 4) if self.n else None


@dataclass
class Evaluation:
    """Scores over a gold set, and per release what was missed, added or wrong."""

    counts: dict[str, Count] = field(default_factory=dict)
    ratios: dict[str, Ratio] = field(default_factory=dict)
    dates_guessed: int = 0
    no_signing_given_one: int = 0
    releases: int = 0
    missing_documents: list[str] = field(default_factory=list)
    diffs: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The scores keyed as the annotation guide names them."""
        out: dict = {k: c.scores() for k, c in self.counts.items()}
        for k, r in self.ratios.items():
            out[k] = r.value()
            out[f"{k}_n"] = r.n
        out.update(dates_guessed=self.dates_guessed, no_signing_given_one=self.no_signing_given_one,
                   releases=self.releases, missing_documents=self.missing_documents)
        return out


MEASURES = ("people", "organizations", "parties", *(f"role:{r}" for r in ROLES_SCORED), "themes")
RATIOS = ("title_acc", "affiliation_acc", "signing_date_acc")


def evaluate(gold: list[dict], facts: dict[str, dict]) -> Evaluation:
    """Score extracted facts (`facts_from_tables`) against gold records."""
    ev = Evaluation(counts={m: Count() for m in MEASURES}, ratios={r: Ratio() for r in RATIOS})
    for rec in gold:
        ev.releases += 1
        found = facts.get(str(rec["id"]))
        if found is None:
            ev.missing_documents.append(str(rec["id"]))
            found = {"signing": None, "organizations": [], "people": [], "themes": [], "text": ""}
        ev.diffs[str(rec["id"])] = _score_release(rec, found, ev)
    return ev


def _gold_orgs(rec: dict) -> list[Org]:
    return [Org(o["name"], o.get("acronym")) for o in rec.get("organizations") or [] if o.get("name")]


def _gold_org_ref(ref: str | None, orgs: list[Org]) -> Org | None:
    """A gold `org`/party reference, by name or acronym, as an Org with both forms."""
    if not ref:
        return None
    for o in orgs:
        if _fold(ref) in {_fold(o.name), _fold(o.acronym or "")}:
            return o
    return Org(ref)


def _score_release(rec: dict, found: dict, ev: Evaluation) -> list[str]:
    diff: list[str] = []
    gorgs = _gold_orgs(rec)
    text = found["text"]
    _score_set(ev.counts["organizations"], gorgs, found["organizations"], orgs_match, "organization",
               lambda o: o.name + _where(text, o.name), diff)

    gpeople = [p for p in rec.get("people") or [] if p.get("name")]
    fpeople = found["people"]
    pairs = _match_pairs(gpeople, fpeople, lambda g, f: person_key(g["name"]) == person_key(f["name"]))
    matched_g = {g for g, _ in pairs}
    matched_f = {f for _, f in pairs}
    ev.counts["people"].add(len(pairs), len(fpeople) - len(pairs), len(gpeople) - len(pairs))
    for gi, g in enumerate(gpeople):
        if gi not in matched_g:
            diff.append(f"missed person: {g['name']}" + _where(found["text"], g["name"]))
    for fi, f in enumerate(fpeople):
        if fi not in matched_f:
            diff.append(f"added person: {f['name']} ({', '.join(f['roles'])}) in «{_short(f['sentence'])}»")
    for role in ROLES_SCORED:
        count = ev.counts[f"role:{role}"]
        by_f = dict(pairs)
        for gi, g in enumerate(gpeople):
            has_g = role in (g.get("roles") or [])
            has_f = gi in by_f and role in fpeople[by_f[gi]]["roles"]
            if has_g and has_f:
                count.add(1, 0, 0)
            elif has_g:
                count.add(0, 0, 1)
                diff.append(f"missed {role}: {g['name']}" + _where(text, g["name"]))
            elif has_f:
                count.add(0, 1, 0)
                diff.append(f"wrong {role}: {g['name']} in «{_short(fpeople[by_f[gi]]['sentence'])}»")
        for fi, f in enumerate(fpeople):
            if fi not in matched_f and role in f["roles"]:
                count.add(0, 1, 0)
    for gi, fi in pairs:
        g, f = gpeople[gi], fpeople[fi]
        if g.get("title"):
            ok = titles_agree(g["title"], f["title"])
            ev.ratios["title_acc"].hit += ok
            ev.ratios["title_acc"].n += 1
            if not ok:
                diff.append(f"title of {g['name']}: gold «{g['title']}», found «{f['title']}»")
        gorg = _gold_org_ref(g.get("org"), gorgs)
        if gorg:
            ok = f["org"] is not None and orgs_match(gorg, f["org"])
            ev.ratios["affiliation_acc"].hit += ok
            ev.ratios["affiliation_acc"].n += 1
            if not ok:
                diff.append(f"affiliation of {g['name']}: gold «{g['org']}», found "
                            f"«{f['org'].name if f['org'] else None}»")

    gsig, fsig = rec.get("signing"), found["signing"]
    if gsig is not None and not any(gsig.get(k) for k in ("date", "location", "agreement", "parties")):
        gsig = None  # {"date": null, ..., "parties": []}: written out, but no signing all the same
    gparties = [_gold_org_ref(p, gorgs) for p in (gsig or {}).get("parties") or []]
    _score_set(ev.counts["parties"], gparties, (fsig or {}).get("parties") or [], orgs_match, "party",
               lambda o: o.name + _where(text, o.name), diff)
    if gsig is None and fsig is not None:
        ev.no_signing_given_one += 1
        diff.append(f"signing found where the release reports none: «{_short(fsig['sentence'])}»")
    if gsig is not None:
        gdate, fdate = gsig.get("date"), (fsig or {}).get("date")
        if gdate and _FULL_DATE.match(gdate):
            ev.ratios["signing_date_acc"].n += 1
            ev.ratios["signing_date_acc"].hit += fdate == gdate
            if fdate != gdate:
                diff.append(f"signing date: gold {gdate}, found {fdate}")
        elif fdate and _FULL_DATE.match(fdate):
            ev.dates_guessed += 1
            diff.append(f"signing date guessed: gold {gdate}, found {fdate}")
        if fsig is None:
            diff.append("signing missed")

    aliases = theme_aliases()
    gthemes = {aliases.get(t, t) for t in rec.get("themes") or []}
    fthemes = {aliases.get(t, t) for t in found["themes"]}
    ev.counts["themes"].add(len(gthemes & fthemes), len(fthemes - gthemes), len(gthemes - fthemes))
    diff += [f"missed theme: {t}" for t in sorted(gthemes - fthemes)]
    diff += [f"added theme: {t}" for t in sorted(fthemes - gthemes)]
    return diff


def _score_set(count: Count, gold: list, found: list, same, label: str, show, diff: list[str]) -> None:
    pairs = _match_pairs(gold, found, same)
    count.add(len(pairs), len(found) - len(pairs), len(gold) - len(pairs))
    mg, mf = {g for g, _ in pairs}, {f for _, f in pairs}
    diff += [f"missed {label}: {show(g)}" for i, g in enumerate(gold) if i not in mg]
    diff += [f"added {label}: {show(f)}" for i, f in enumerate(found) if i not in mf]


def _short(sentence: str | None, width: int = 160) -> str:
    s = " ".join((sentence or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _where(text: str, name: str) -> str:
    """The sentence of `text` where a name's longest word first appears, to show a miss in context."""
    words = sorted(_fold(name).split(), key=len, reverse=True)
    if not words or not text:
        return ""
    folded = _fold(text)
    for a, b in sentence_spans(text):
        sent = text[a:b]
        if words[0] in _fold(sent).split():
            return f" in «{_short(sent)}»"
    return "" if words[0] in folded else " (name not in the text)"


# --- presentation ----------------------------------------------------------------------------

def scores_table(ev: Evaluation) -> pd.DataFrame:
    """One row per measure: P, R, F1 and counts for sets, the share and its base for ratios."""
    rows = [{"measure": m, **ev.counts[m].scores()} for m in MEASURES]
    rows += [{"measure": r, "f1": ev.ratios[r].value(), "tp": ev.ratios[r].hit,
              "n": ev.ratios[r].n} for r in RATIOS]
    rows += [{"measure": "dates_guessed", "n": ev.dates_guessed},
             {"measure": "no_signing_given_one", "n": ev.no_signing_given_one}]
    return pd.DataFrame(rows).set_index("measure")


def format_report(ev: Evaluation, diff: bool = False) -> str:
    """Plain-text scores (and, with `diff`, what each release missed, added or got wrong)."""
    lines = [f"{ev.releases} releases scored" + (f"; not in the tables: {', '.join(ev.missing_documents)}"
                                                  if ev.missing_documents else "")]
    lines.append(f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for m in MEASURES:
        s = ev.counts[m].scores()
        lines.append(f"{m:<22}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    for r in RATIOS:
        v = ev.ratios[r].value()
        lines.append(f"{r:<22}{'-' if v is None else f'{v:.3f}':>21}   of {ev.ratios[r].n}")
    lines.append(f"{'dates_guessed':<22}{ev.dates_guessed:>21}")
    lines.append(f"{'no_signing_given_one':<22}{ev.no_signing_given_one:>21}")
    if diff:
        for rid, items in ev.diffs.items():
            if items:
                lines.append(f"\n## {rid}")
                lines += [f"  - {item}" for item in items]
    return "\n".join(lines)


def evaluate_paths(gold_path: Path, tables_dir: Path, split: str | None = None,
                   present_only: bool = False) -> Evaluation:
    """Read gold facts and extracted tables from disk and score them (`split` filters gold records;
    `present_only` keeps those whose release the tables hold, for a partly pulled corpus)."""
    from .store import read_tables

    gold = load_gold(gold_path)
    if split:
        gold = [g for g in gold if g.get("split") == split]
        if not gold:
            raise CorpusError(f"{gold_path}: no gold record has split {split!r}")
    facts = facts_from_tables(read_tables(tables_dir))
    if present_only:
        gold = [g for g in gold if str(g["id"]) in facts]
        if not gold:
            raise CorpusError(f"{tables_dir}: the tables hold no release of {gold_path}")
    return evaluate(gold, facts)
