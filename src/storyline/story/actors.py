"""The corpus-level actor registry: canonical actors with their aliases, learned from all mentions.

`build_registry(mentions, corrections)` folds the per-document `ActorMention`s of a corpus into
canonical actors — name, kind, country, and for persons role and affiliation — with every surface
form seen (with counts), the number of mentions and of documents:

- person names that differ only by particles or spelling of "al-"/"el-" share an actor; a name that
  is part of one longer name ("Netanyahu", "Sheikh Tamim", "Karine") folds into it when that longer
  name is the only one, or plainly the dominant one (3x the documents), or the only one whose role
  fits; two full names with the same surname, the same role and affiliation and a compatible first
  name ("Abdel Fattah al-Sisi", "Abdul Fattah el-Sisi") are one person;
- a person's role and affiliation are voted across documents (one vote per document and stated
  role, "former ..." only when nothing else is known): "Israeli Prime Minister Benjamin Netanyahu"
  in 300 documents beats a one-off;
- a role mention without a name ("Qatar's prime minister", "the Emir of Qatar", "the CIA chief"; id
  ``role:<affiliation>:<role>``) resolves to the person who holds that role in most documents, or,
  given the report's date and the documents' dates, to the person who held it then: each holder's
  term runs from a month before the first to a month after the last document that names him with
  that role; where terms overlap, the one named most often within a month of the date wins, the
  main holder unless another is named more than twice as often ("Hamas's leader" is Haniyeh in March 2024 and
  Sinwar in September 2024); long after the last term (`STALE`) the holder is unknown;
- one-word "persons" that never fold into a full name and never carry a role (NER noise such as
  "Laughter") are left out.

`registry.resolve(mention)` gives the canonical id of any mention (or id), also for documents added
later. `Registry.to_dict()` / `Registry.from_dict()` store it as JSON.

Corrections file (YAML), applied after learning; every key is optional::

    actors:
      person:benjamin-netanyahu:        # an existing id (or a new one, to create an actor)
        name: Benjamin Netanyahu        # display name
        kind: person                    # one of ACTOR_KINDS
        country: ISR
        role: prime minister
        affiliation: ISR.government
        aliases: [Bibi]                 # extra surface forms that resolve here
        merge: [person:bibi]            # other ids folded into this one (their mentions and aliases too)
      person:yahya-sinwar:
        rename: person:yahya-al-sinwar  # change the canonical id (old id keeps resolving)
    drop: [person:laughter]             # remove actors; their mentions resolve to nothing (None)
    roles:                              # who holds a role without a name (at every date)
      "QAT.government|prime minister": person:mohammed-bin-abdulrahman-al-thani
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from datetime import date, timedelta
from typing import Iterable, Mapping

import yaml

from storyline.extract.actors import name_key, parse_role_actor_id, slug
from storyline.extract.records import ACTOR_KINDS, ActorMention
from storyline.story.events import iso_day

DOMINANCE = 3.0  # a short name folds into the most common longer name when it has this many times the documents
TERM_WINDOW = 30  # days by which a holder's term is widened, and in which his documents decide between overlapping terms
STALE = 120  # days after the last (before the first) document naming any holder when a role's holder is unknown


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aliases: dict[str, int] = field(default_factory=dict)  # surface forms as written -> mentions
    names: dict[str, int] = field(default_factory=dict)  # name variants (persons) -> mentions
    roles: dict[str, int] = field(default_factory=dict)  # "role|affiliation" -> documents stating it
    mentions: int = 0
    documents: int = 0
    merged: list[str] = field(default_factory=list)  # ids folded into this one

    def top_aliases(self, n: int = 5) -> list[tuple[str, int]]:
        return sorted(self.aliases.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


class _Agg:
    """Running totals for one raw id."""

    __slots__ = ("names", "aliases", "kinds", "countries", "docs", "mentions", "votes", "affs")

    def __init__(self):
        self.names = Counter()
        self.aliases = Counter()
        self.kinds = Counter()
        self.countries = Counter()
        self.docs: set[str] = set()
        self.mentions = 0
        self.votes: dict[str, set[str]] = defaultdict(set)  # "role|aff" -> documents
        self.affs = Counter()


class Registry:
    def __init__(self):
        self.actors: dict[str, Actor] = {}
        self.redirect: dict[str, str | None] = {}  # raw or old id -> canonical id (None: dropped)
        self.role_holders: dict[str, str] = {}  # "affiliation|role" -> person id
        self.role_terms: dict[str, dict[str, list[str]]] = {}  # "affiliation|role" -> person id -> sorted dates stating it
        self.alias_index: dict[str, str] = {}  # lower-case alias from corrections -> id
        self.unlisted: dict[str, Actor] = {}  # name-like noise left out of the registry (corrections can bring it in)
        self._keys: dict[tuple, str] = {}  # person name key -> id
        self._by_word: dict[str, set[str]] = defaultdict(set)  # name word -> person ids

    # --- lookup -----------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        cid = self.resolve(actor_id)
        return self.actors.get(cid) if cid else None

    def persons(self) -> list[Actor]:
        return sorted((a for a in self.actors.values() if a.kind == "person"), key=lambda a: -a.documents)

    def resolve(self, mention: ActorMention | str, when: str | None = None) -> str | None:
        """The canonical id of a mention (or of an id); None for a dropped actor. `when` (ISO date of
        the report) picks who held a role named without a person at that time."""
        if isinstance(mention, str):
            actor, name, text, role, aff = mention, None, None, None, None
        else:
            actor, name, text, role, aff = mention.actor, mention.name, mention.text, mention.role, mention.affiliation
        for surface in (text, name):
            if surface and surface.lower() in self.alias_index:
                return self.alias_index[surface.lower()]
        parsed = parse_role_actor_id(actor) if actor.startswith("role:") else None
        if parsed:
            key = f"{parsed[0]}|{parsed[1]}"
            if actor in self.redirect and self.redirect[actor] != self.role_holders.get(key):
                return self.redirect[actor]  # the user's correction
            return self.holder(key, when) or actor
        if actor in self.redirect:
            return self.redirect[actor]
        if actor in self.actors:
            return actor
        if actor.startswith("person:"):
            key = name_key(name or actor[len("person:"):])
            if key in self._keys:
                return self._keys[key]
            hit = self._superset(key, role, aff)
            if hit:
                return hit
        return actor

    def _superset(self, key: tuple, role: str | None, aff: str | None) -> str | None:
        if not key:
            return None
        sets = [self._by_word.get(w, set()) for w in key]
        cands = set.intersection(*sets) if sets else set()
        cands = [c for c in cands if c in self.actors]
        if role or aff:
            fit = [c for c in cands if (role and self.actors[c].role == role) or (aff and self.actors[c].affiliation == aff)]
            if len(fit) == 1:
                return fit[0]
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            cands.sort(key=lambda c: -self.actors[c].documents)
            if self.actors[cands[0]].documents >= DOMINANCE * max(1, self.actors[cands[1]].documents):
                return cands[0]
        return None

    def _index(self) -> None:
        self._keys.clear()
        self._by_word.clear()
        for a in self.actors.values():
            if a.kind != "person":
                continue
            for n in [a.name, *a.names]:
                key = name_key(n)
                if key:
                    self._keys.setdefault(key, a.id)
                    for w in key:
                        self._by_word[w].add(a.id)

    def canonical(self, actor_id: str, when: str | None = None) -> str:
        """The canonical id of an id (a role's holder at `when`), the id itself when the registry does not know it."""
        return self.resolve(actor_id, when) or actor_id

    def holder(self, key: str, when: str | None = None) -> str | None:
        """Who holds the role `key` ("affiliation|role"): at `when` (ISO date) if the terms tell, else overall."""
        terms = self.role_terms.get(key)
        day = iso_day(when)
        if day is None or not terms:
            return self.role_holders.get(key)
        # the terms are sorted ISO days, which compare as dates: no parsing per call
        window = timedelta(days=TERM_WINDOW)
        lo, hi = (day - window).isoformat(), (day + window).isoformat()
        covering = [p for p, ds in terms.items() if ds[0] <= hi and lo <= ds[-1]]
        if not covering:  # before every term: the first holder; after: the latest; long before or after: nobody known
            cur = day.isoformat()
            later = [p for p, ds in terms.items() if ds[-1] < cur]
            if later:
                p = max(later, key=lambda p: (terms[p][-1], len(terms[p]), p))
                gap = (day - date.fromisoformat(terms[p][-1])).days
            else:
                p = min(terms, key=lambda p: (terms[p][0], -len(terms[p]), p))
                gap = (date.fromisoformat(terms[p][0]) - day).days
            return p if gap <= STALE else None

        def near(p: str) -> int:
            return bisect_right(terms[p], hi) - bisect_left(terms[p], lo)

        overall = self.role_holders.get(key)
        if overall in covering:  # the main holder, unless another is named more than twice as often around the date
            covering = [p for p in covering if p == overall or near(p) > max(1, 2 * near(overall))]
            if len(covering) == 1:
                return covering[0]
        return max(covering, key=lambda p: (near(p), len(terms[p]), p))

    def name(self, actor_id: str) -> str:
        actor = self.get(actor_id) or self.unlisted.get(actor_id)
        if actor:
            return actor.name
        parsed = parse_role_actor_id(actor_id)
        if parsed:
            body = self.get(parsed[0])
            return f"{body.name if body else parsed[0]} {parsed[1]}"
        return actor_id.split(":", 1)[-1]

    def lookup(self, query: str) -> set[str]:
        """Ids a user's query means: an exact id, name or alias first, else those containing it."""
        q = query.strip().lower()
        exact = {a.id for a in self.actors.values()
                 if q in (a.id.lower(), a.name.lower()) or any(q == x.lower() for x in a.aliases)}
        if q in self.alias_index:
            exact.add(self.alias_index[q])
        if exact:
            return exact
        return {a.id for a in self.actors.values()
                if q in a.id.lower() or q in a.name.lower() or any(q in x.lower() for x in a.aliases)}

    def entries(self, query: str | None = None, kind: str | None = None) -> list[dict]:
        """Registry entries as plain dicts, most mentioned first."""
        ids = self.lookup(query) if query else set(self.actors)
        out = []
        for a in sorted((self.actors[i] for i in ids if i in self.actors), key=lambda a: (-a.mentions, a.id)):
            if kind and a.kind != kind:
                continue
            out.append({"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role,
                        "affiliation": a.affiliation, "mentions": a.mentions, "documents": a.documents,
                        "terms": self.terms_of(a.id), "aliases": [x for x, _ in a.top_aliases(10)], "merged": a.merged})
        return out

    def terms_of(self, actor_id: str) -> list[dict]:
        """The roles a person is named with, each with the first and last dated document naming it
        (what resolves a role named without a person at a date, see `holder`)."""
        out = []
        for key, terms in sorted(self.role_terms.items()):
            days = terms.get(actor_id)
            if days:
                aff, _, role = key.partition("|")
                out.append({"role": role, "affiliation": aff, "first": days[0], "last": days[-1], "documents": len(days)})
        return sorted(out, key=lambda t: (-t["documents"], t["first"]))

    # --- storage ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "actors": [asdict(a) for a in sorted(self.actors.values(), key=lambda a: (-a.mentions, a.id))],
            "redirect": dict(sorted(self.redirect.items())),
            "role_holders": dict(sorted(self.role_holders.items())),
            "role_terms": {k: dict(sorted(v.items())) for k, v in sorted(self.role_terms.items())},
            "alias_index": dict(sorted(self.alias_index.items())),
            "unlisted": [asdict(a) for a in sorted(self.unlisted.values(), key=lambda a: (-a.mentions, a.id))],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Registry":
        reg = cls()
        for a in data.get("actors", []):
            reg.actors[a["id"]] = Actor(**a)
        reg.redirect = dict(data.get("redirect", {}))
        reg.role_holders = dict(data.get("role_holders", {}))
        reg.role_terms = {k: dict(v) for k, v in data.get("role_terms", {}).items()}
        reg.alias_index = dict(data.get("alias_index", {}))
        for a in data.get("unlisted", []):
            reg.unlisted[a["id"]] = Actor(**a)
        reg._index()
        return reg

    def __len__(self) -> int:
        return len(self.actors)


# --- building ------------------------------------------------------------------------------------


class _UF:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[x] = self.parent[p]
            p = self.parent[p]
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _top_vote(votes: dict[str, int]) -> tuple[str | None, str | None]:
    """(role, affiliation) from per-document votes: the most attested role, then its most attested affiliation."""
    if not votes:
        return None, None
    by_role, by_aff = Counter(), Counter()
    for key, n in votes.items():
        role, _, aff = key.partition("|")
        if role:
            by_role[role] += n
        if aff:
            by_aff[aff] += n
    current = Counter({r: n for r, n in by_role.items() if not r.startswith("former")})
    role = (current or by_role).most_common(1)[0][0] if by_role else None
    with_role = Counter()
    for key, n in votes.items():
        r, _, aff = key.partition("|")
        if aff and r == role:
            with_role[aff] += n
    aff = (with_role or by_aff).most_common(1)[0][0] if (with_role or by_aff) else None
    return role, aff


def _country_of(aff: str | None, actors: dict[str, Actor]) -> str | None:
    if not aff:
        return None
    if aff in actors and actors[aff].country:
        return actors[aff].country
    head = aff.split(".", 1)[0]
    return head if len(head) == 3 and head.isupper() else None


def load_registry(mentions: Iterable[ActorMention], corrections: str | Path | None = None,
                  dates: Mapping[str, str | None] | None = None) -> Registry:
    """The registry of these mentions, with the user's corrections (default: $STORYLINE_ACTORS, if set).
    `dates` (document id -> ISO date) dates the terms of role holders."""
    import os

    corrections = corrections or os.environ.get("STORYLINE_ACTORS") or None
    if not corrections:
        return build_registry(mentions, dates=dates)
    if not Path(corrections).is_file():
        raise FileNotFoundError(f"{corrections}: no such actor corrections file")
    try:
        data = yaml.safe_load(Path(corrections).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ValueError(f"{corrections}{where}: not valid YAML: {getattr(err, 'problem', None) or err}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{corrections}: expected a mapping with actors:, drop: and roles:")
    try:
        return build_registry(mentions, data, dates)
    except (AttributeError, TypeError, ValueError) as err:
        raise ValueError(f"{corrections}: {err}") from None


def build_registry(mentions: Iterable[ActorMention], corrections: str | Path | dict | None = None,
                   dates: Mapping[str, str | None] | None = None) -> Registry:
    aggs: dict[str, _Agg] = defaultdict(_Agg)
    role_aggs: dict[str, _Agg] = defaultdict(_Agg)
    for m in mentions:
        parsed = parse_role_actor_id(m.actor) if m.actor.startswith("role:") else None
        agg = role_aggs[m.actor] if parsed else aggs[m.actor]
        agg.mentions += 1
        agg.docs.add(m.doc_id)
        agg.aliases[m.text] += 1
        agg.names[m.name] += 1
        agg.kinds[m.kind] += 1
        if m.country:
            agg.countries[m.country] += 1
        if m.kind == "person" and (m.role or m.affiliation):
            agg.votes[f"{m.role or ''}|{m.affiliation or ''}"].add(m.doc_id)
        elif m.affiliation:
            agg.affs[m.affiliation] += 1

    reg = Registry()
    # non-persons: one actor per id
    for aid, agg in aggs.items():
        kind = agg.kinds.most_common(1)[0][0]
        if kind == "person":
            continue
        reg.actors[aid] = Actor(aid, agg.names.most_common(1)[0][0], kind,
                                agg.countries.most_common(1)[0][0] if agg.countries else None,
                                None, agg.affs.most_common(1)[0][0] if agg.affs else None,
                                dict(agg.aliases), {}, {}, agg.mentions, len(agg.docs))
    stated = _build_persons(reg, {a: g for a, g in aggs.items() if g.kinds.most_common(1)[0][0] == "person"})
    _role_holders(reg, role_aggs, stated, dates or {})
    if corrections:
        apply_corrections(reg, corrections)
    reg._index()
    return reg


def _build_persons(reg: Registry, aggs: dict[str, _Agg]) -> dict[str, dict[str, set[str]]]:
    """Fold person mentions into the registry's persons; returns each person's "role|aff" -> documents."""
    uf = _UF()
    stated: dict[str, dict[str, set[str]]] = {}
    keys: dict[str, tuple] = {}
    for aid, agg in aggs.items():
        keys[aid] = name_key(agg.names.most_common(1)[0][0]) or name_key(aid[len("person:"):])
        uf.find(aid)
    # same key: same person
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for aid, key in keys.items():
        by_key[key].append(aid)
    for ids in by_key.values():
        for other in ids[1:]:
            uf.union(other, ids[0])

    def docs_of(root: str) -> int:
        return len(set().union(*(aggs[i].docs for i in members[root])))

    def votes_of(root: str) -> Counter:
        c = Counter()
        for i in members[root]:
            for k, d in aggs[i].votes.items():
                c[k] += len(d)
        return c

    members: dict[str, list[str]] = defaultdict(list)
    for aid in aggs:
        members[uf.find(aid)].append(aid)

    def join(a: str, b: str) -> None:
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            uf.union(ra, rb)
            members[rb].extend(members.pop(ra, []))

    by_word: dict[str, set[tuple]] = defaultdict(set)
    for key in by_key:
        for w in key:
            by_word[w].add(key)

    unique = _unique_roles()

    def longest(root: str) -> tuple:
        return max((keys[i] for i in members[root]), key=len)

    def variants() -> None:
        """Full names with one surname and one role: spelling variants and nicknames of one person."""
        by_surname: dict[str, list[str]] = defaultdict(list)
        for root in list(members):
            key = longest(root)
            if len(key) >= 2:
                by_surname[key[-1]].append(root)
        for roots in by_surname.values():
            if len(roots) < 2:
                continue
            roots.sort(key=docs_of, reverse=True)
            tops = {r: _top_vote(votes_of(r)) for r in roots}
            for i, r in enumerate(roots[1:], 1):
                role, aff = tops[r]
                if not role:
                    continue
                for d in roots[:i]:
                    if uf.find(d) != d:
                        continue
                    drole, daff = tops[d]
                    same = role == drole and aff and aff == daff and role.removeprefix("deputy ") in unique
                    # "Secretary Blinken" (a generic word of the same role), "Prime Minister Bibi Netanyahu"
                    fits = drole and (role == drole or (role not in unique and role in drole.split())) \
                        and (not aff or aff == daff) and docs_of(d) >= 2 * docs_of(r)
                    if same or fits:
                        join(r, d)
                        break

    # two full names run together by the tagger ("Joe Biden Donald Trump"): no one's longer name
    glued = {k for k in by_key if any(k[:i] in by_key and k[i:] in by_key for i in range(2, len(k) - 1))}

    def subsets() -> None:
        """A name inside longer names folds into the longer one, longest first."""
        for key in sorted(by_key, key=len, reverse=True):
            if not key:
                continue
            sups = set.intersection(*(by_word[w] for w in key)) - {key}
            sups = {k for k in sups if len(k) > len(key) and _in_order(key, k) and k not in glued}
            first_name = False
            if len(key) == 1:  # one word: a surname ("Haniyeh"), else a first name only when unambiguous
                surname = {k for k in sups if k[-1] == key[0]}
                first_name = not surname
                sups = surname or sups
            if not sups:
                continue
            me = uf.find(by_key[key][0])
            roots = {uf.find(by_key[k][0]) for k in sups} - {me}
            if not roots:
                continue
            target = None
            if len(roots) == 1:
                target = next(iter(roots))
            elif not first_name:
                mine = _top_vote(votes_of(me))
                if mine[0] or mine[1]:
                    fit = [r for r in roots if _compatible(mine, _top_vote(votes_of(r)))]
                    if len(fit) == 1:
                        target = fit[0]
                if target is None:
                    ranked = sorted(roots, key=docs_of, reverse=True)
                    if docs_of(ranked[0]) >= DOMINANCE * max(1, docs_of(ranked[1])):
                        target = ranked[0]
            if target is not None and _compatible(_top_vote(votes_of(me)), _top_vote(votes_of(target)), loose=True):
                join(me, target)

    variants()
    subsets()
    variants()

    for root, ids in members.items():
        names, aliases, countries = Counter(), Counter(), Counter()
        docs: set[str] = set()
        votes: dict[str, set[str]] = defaultdict(set)
        n = 0
        for i in ids:
            g = aggs[i]
            names.update(g.names)
            aliases.update(g.aliases)
            countries.update(g.countries)
            docs |= g.docs
            n += g.mentions
            for k, d in g.votes.items():
                votes[k] |= d
        vote_counts = {k: len(d) for k, d in votes.items()}
        role, aff = _top_vote(vote_counts)
        full = [nm for nm in names if len(_name_words(nm)) >= 2]
        name = max(full or names, key=lambda nm: (names[nm], len(nm)))
        cid = "person:" + slug(name)
        country = _country_of(aff, reg.actors) or (countries.most_common(1)[0][0] if countries else None)
        actor = Actor(cid, name, "person", country, role, aff, dict(aliases), dict(names), vote_counts, n, len(docs),
                      sorted(i for i in ids if i != cid))
        # a place the tagger took for a person ("the Rafah crossing"), or a lone word that never gets a
        # full name or a role ("Laughter"): kept aside, not an actor of the registry
        titled = len(set().union(*votes.values())) if votes else 0
        if _placelike(aliases, names, n, titled, len(docs)) or (not role and not aff and not full):
            for i in ids:
                reg.unlisted[i] = actor if i == ids[0] else reg.unlisted.get(ids[0], actor)
                reg.redirect[i] = i
            continue
        if cid in reg.actors:  # two people share a name slug: keep the bigger under the plain id
            cid = f"{cid}-{len(reg.actors)}"
            actor.id = cid
        reg.actors[cid] = actor
        stated[cid] = votes
        for i in ids:
            if i != cid:
                reg.redirect[i] = cid
    return stated


_HONORIFIC_RE = None
_PLACE_HEADS = frozenset({"crossing", "hospital", "room", "center", "centre", "street", "camp", "airport", "square", "bridge",
                          "school", "university", "stadium", "hall", "avenue", "road", "port", "base", "mosque", "church"})


def _placelike(aliases: dict, names: dict, mentions: int, titled_docs: int, docs: int) -> bool:
    """Never "Mr X"/"Dr X", hardly ever titled, and written "the X" now and then: a place, not a person
    ("the Rafah crossing", "the James S. Brady Press Briefing Room")."""
    global _HONORIFIC_RE
    if _HONORIFIC_RE is None:
        import re

        from storyline.extract.actors import load_gazetteer

        words = sorted(load_gazetteer().honorifics, key=len, reverse=True)
        _HONORIFIC_RE = re.compile(r"^(?:%s)\b" % "|".join(re.escape(w) for w in words), re.I)
    if titled_docs > 0.1 * docs or any(_HONORIFIC_RE.match(a) for a in aliases):
        return False
    keys = {name_key(n) for n in names}
    if any(a.rsplit(" ", 1)[-1].lower() in _PLACE_HEADS for a in aliases):
        return True  # "Rafah Crossing", "Nasser Hospital", "... Press Briefing Room"
    the = sum(n for a, n in aliases.items() if a[:4].lower() == "the " and name_key(a[4:]) in keys)
    return the >= max(1, 0.01 * mentions)


_GROUP_WORDS = frozenset({"mps", "meps", "lawmakers", "legislators", "members", "supporters", "officials", "ministers",
                          "leaders", "activists", "voters", "councillors", "peers", "senators", "delegates"})


def _name_words(name: str) -> list[str]:
    """The words of a name less a leading "Senior"/"Former" and group words: "Senior Labour" and
    "Labour MPs" are no full names (the tagger's PERSON for a party)."""
    from storyline.extract.actors import load_gazetteer

    words = [w for w in name_key(name) if w not in _GROUP_WORDS]
    while words and words[0] in load_gazetteer().role_prefixes:
        words = words[1:]
    return words


def _unique_roles() -> frozenset:
    from storyline.extract.actors import load_gazetteer

    return load_gazetteer().unique_roles


def _in_order(short: tuple, long: tuple) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _compatible(a: tuple, b: tuple, loose: bool = False) -> bool:
    """Do two (role, affiliation) votes fit one person? Loose: unknown fits anything."""
    (ra, fa), (rb, fb) = a, b
    if loose:
        return not (fa and fb and fa.split(".")[0] != fb.split(".")[0] and fa.split(":")[0] == fb.split(":")[0])
    if ra and rb and ra != rb:
        return False
    if fa and fb and fa != fb:
        return False
    return bool((fa and fa == fb) or (ra and ra == rb))


def _role_holders(reg: Registry, role_aggs: dict[str, _Agg], stated: dict[str, dict[str, set[str]]],
                  dates: Mapping[str, str | None]) -> None:
    """Who holds each role named without a person: the person with the most documents stating it;
    with the documents' dates, each candidate's dated documents stating it (their term)."""
    wanted = {}
    for rid, agg in role_aggs.items():
        aff, role = parse_role_actor_id(rid)
        wanted[f"{aff}|{role}"] = (rid, agg)
    holders: dict[str, Counter] = defaultdict(Counter)
    for a in reg.actors.values():
        if a.kind != "person":
            continue
        if a.role and a.affiliation:  # the role a person is best known by counts double
            holders[f"{a.affiliation}|{a.role}"][a.id] += a.roles.get(f"{a.role}|{a.affiliation}", 1) + 2
        for key, n in a.roles.items():
            role, _, aff = key.partition("|")
            if role and aff and n >= 2:
                holders[f"{aff}|{role}"][a.id] += n
    for key in set(wanted) | set(holders):
        if holders.get(key):
            reg.role_holders[key] = holders[key].most_common(1)[0][0]
            terms = {}
            aff, _, role = key.partition("|")
            for pid in holders[key]:
                days = sorted({d for d in (iso_day(dates.get(doc)) for doc in stated.get(pid, {}).get(f"{role}|{aff}", ()))
                               if d is not None})
                if days:
                    terms[pid] = [d.isoformat() for d in days]
            if terms:
                reg.role_terms[key] = terms
    for key, (rid, agg) in wanted.items():
        holder = reg.role_holders.get(key)
        if holder:
            a = reg.actors[holder]
            for k, v in agg.aliases.items():
                a.aliases[k] = a.aliases.get(k, 0) + v
            a.mentions += agg.mentions
            reg.redirect[rid] = holder


def apply_corrections(reg: Registry, path: str | Path | dict) -> None:
    """Apply a user corrections file (format in the module docstring)."""
    data = path if isinstance(path, dict) else (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})
    for aid, spec in (data.get("actors") or {}).items():
        spec = spec or {}
        if not isinstance(spec, dict):
            raise ValueError(f"actors: {aid}: expected fields such as name:, kind:, aliases:, not a {type(spec).__name__}")
        target = reg.resolve(aid) or aid
        actor = reg.actors.get(target) or _promote(reg, target)
        if actor is None:
            kind = spec.get("kind") or ("person" if aid.startswith("person:") else "other")
            actor = reg.actors[aid] = Actor(aid, spec.get("name") or aid.split(":", 1)[-1], kind)
            target = aid
        for other in spec.get("merge") or []:
            oid = reg.resolve(other) or other
            src = reg.actors.pop(oid, None) or reg.unlisted.pop(oid, None)
            if src is not None and oid != target:
                for k, v in src.aliases.items():
                    actor.aliases[k] = actor.aliases.get(k, 0) + v
                for k, v in src.names.items():
                    actor.names[k] = actor.names.get(k, 0) + v
                actor.mentions += src.mentions
                actor.documents += src.documents
                actor.merged.extend([oid, *src.merged])
            _repoint(reg, oid, target)
            reg.redirect[other] = target
        for fld in ("name", "kind", "country", "role", "affiliation"):
            if fld in spec:
                if fld == "kind" and spec[fld] not in ACTOR_KINDS:
                    raise ValueError(f"{aid}: unknown kind {spec[fld]!r} (one of {', '.join(ACTOR_KINDS)})")
                setattr(actor, fld, spec[fld])
        for alias in spec.get("aliases") or []:
            actor.aliases.setdefault(alias, 0)
            actor.names.setdefault(alias, 0) if actor.kind == "person" else None
            reg.alias_index[alias.lower()] = target
        if spec.get("rename"):
            new = spec["rename"]
            reg.actors.pop(target)
            actor.merged.append(target)
            actor.id = new
            reg.actors[new] = actor
            _repoint(reg, target, new)
            reg.redirect[target] = new
    for aid in data.get("drop") or []:
        target = reg.resolve(aid) or aid
        reg.actors.pop(target, None)
        _repoint(reg, target, None)
        reg.redirect[aid] = None
        reg.redirect[target] = None
    for key, holder in (data.get("roles") or {}).items():
        if not isinstance(holder, str) or "|" not in str(key):
            raise ValueError(f"roles: {key}: expected 'affiliation|role': an actor id, such as "
                             f'"QAT.government|prime minister": person:mohammed-bin-abdulrahman-al-thani')
        reg.role_holders[key] = reg.resolve(holder) or holder
        reg.role_terms.pop(key, None)  # the user's holder, whatever the dates
    reg._index()


def _promote(reg: Registry, aid: str) -> Actor | None:
    """An unlisted actor named in the corrections joins the registry."""
    actor = reg.unlisted.pop(aid, None)
    if actor is not None:
        actor.id = aid
        reg.actors[aid] = actor
        reg.redirect.pop(aid, None)
    return actor


def _repoint(reg: Registry, old: str, new: str | None) -> None:
    for k, v in list(reg.redirect.items()):
        if v == old:
            reg.redirect[k] = new
    for k, v in list(reg.role_holders.items()):
        if v == old:
            if new is None:
                del reg.role_holders[k]
            else:
                reg.role_holders[k] = new
    for terms in reg.role_terms.values():
        if old in terms:
            days = terms.pop(old)
            if new is not None:
                terms[new] = sorted(set(terms.get(new, [])) | set(days))
    for k, v in list(reg.alias_index.items()):
        if v == old:
            if new is None:
                del reg.alias_index[k]
            else:
                reg.alias_index[k] = new
