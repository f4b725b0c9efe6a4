"""Actor mentions in one analysed document, resolved to canonical actors.

What is found: named states, organisations and persons (spaCy's GPE, ORG, NORP and PERSON entities
plus a gazetteer scan), nominal actors built from a state or organisation and a body noun ("Israel's
army", "the Israeli military", "Qatari mediators", "Hamas officials", "the health ministry in
Gaza"), and persons with the title or appositive that says who they are:

    Hamas leader Ismail Haniyeh               pre-modifier title (owner + role before the name)
    Israel's prime minister Benjamin Netanyahu
    Basem Naim, a senior Hamas official,      appositive after the name
    the Emir of Qatar, Sheikh Tamim ...       role phrase, then the name
    Antony Blinken, the US Secretary of State
    William Burns, who heads the CIA          "X, who heads/leads Y"

A role phrase with no name ("Qatar's prime minister", "the CIA chief") becomes a mention of the
person holding that role in the document when the document names them, else a placeholder id
``role:<affiliation>:<role>`` (e.g. ``role:QAT.government:prime-minister``) that the corpus
registry (`storyline.story.actors`) resolves to a person. Later short forms of a name in the same
document ("Haniyeh", "Mr Burns", "Sheikh Tamim") resolve to the full name used earlier, and take
the role and affiliation the document gives that person.

Canonical ids (see `ActorMention`): a state is its ISO 3166-1 alpha-3 code ("ISR"), a state body
"ISR.military", "ISR.government", "USA.intelligence", a state's people "PSE.civilians", an
organisation "org:hamas", a person "person:ismail-haniyeh".

Where the knowledge comes from:
- countries, their names, capitals and demonyms ("Israeli", "Qatari", "Palestinian" -> PSE):
  pycountry (ISO 3166) and countryinfo (names, alternative spellings, capitals, demonyms);
- organisations with their aliases (Hamas, Islamic Jihad, IDF, Mossad, CIA, UN agencies, ICRC,
  the health ministry in Gaza, ...), body nouns and role words: `actors.yaml` beside this module,
  hand-written because no maintained library lists militant groups, UN agencies and the bodies of
  the states in this conflict under the aliases the news uses;
- persons: nothing is listed; names, roles and affiliations are read from the text.

Plain token rules over spaCy's tokens and entities (no extra parsing), so it is cheap enough to
run on every document during analysis.
"""

from __future__ import annotations

import bisect
import glob
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from storyline.extract.records import ActorMention

GAZETTEER = Path(__file__).with_name("actors.yaml")
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "ben", "the", "de", "van", "von", "da"})
_DETS = frozenset({"the", "a", "an"})
_PLACE_CUES = frozenset({"the", "in", "near", "into", "across", "around", "towards", "toward", "outside", "inside",
                         "at", "from", "southern", "northern", "central", "eastern", "western", "through"})
_PLACE_NOUNS = frozenset({"city", "town", "camp", "heart", "centre", "center", "outskirts", "area", "south", "north", "east",
                          "west", "parts", "streets", "governorate", "village", "neighbourhood", "neighborhood", "suburbs"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_LANGUAGE_OR_ORIGIN = frozenset({"speaking", "speaker", "speakers", "language", "born", "descent", "origin", "style"})
_STATE_KINDS = {"government": "government", "legislature": "government", "military": "military",
                "intelligence": "intelligence", "police": "police", "civilians": "civilians"}


# --- the gazetteer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgEntry:
    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None


@dataclass
class Gazetteer:
    index: dict[tuple[str, ...], dict[str, object]] = field(default_factory=dict)  # phrase -> {type: payload}
    cased: dict[tuple[str, ...], dict[str, list[str]]] = field(default_factory=dict)  # phrase -> {type: aliases as written}
    maxlen: dict[str, int] = field(default_factory=dict)  # first word -> longest phrase
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    demonym: dict[str, str] = field(default_factory=dict)  # ISO3 -> adjective
    orgs: dict[str, OrgEntry] = field(default_factory=dict)  # id -> entry
    unique_roles: frozenset = frozenset()
    role_by_kind: dict[str, dict[str, str]] = field(default_factory=dict)
    military_roles: frozenset = frozenset()
    role_prefixes: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset = frozenset()
    head_verbs: dict[str, str] = field(default_factory=dict)
    name_like: frozenset = frozenset()
    hyphenated_roles: tuple = ()

    def add(self, words: list[str], kind: str, payload, written: str) -> None:
        key = tuple(w.lower().replace("’", "'") for w in words)
        if not key:
            return
        slot = self.index.setdefault(key, {})
        if kind in slot and kind in ("state", "demonym", "demonym_pl", "capital"):
            return  # the first (more populous / more specific) source wins
        slot[kind] = payload
        self.cased.setdefault(key, {}).setdefault(kind, []).append(written)
        self.maxlen[key[0]] = max(self.maxlen.get(key[0], 0), len(key))


# A wire dateline at the start of a line: place in capitals, then a region or the agency, then a dash or colon
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*)*)"
                       r"(?:,[ \t]+[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*){0,3})?[ \t]*(?:\((?:AP|AFP|Reuters|CNN|UPI)\)[ \t]*)?"
                       r"(?<=[\w)])[ \t]*[:\u2014\u2013]")


def _words(text: str) -> list[str]:
    """Split an alias the way spaCy's tokenizer splits running text."""
    return [t.text for t in _tokenizer()(text)] if text else []


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _country_data() -> list[dict]:
    """countryinfo's per-country records (name, altSpellings, capital, demonym, ISO, population)."""
    import countryinfo

    out = []
    for path in sorted(glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            rec = json.load(fh)
        if isinstance(rec, dict) and isinstance(rec.get("ISO"), dict) and rec["ISO"].get("alpha3"):
            out.append(rec)
    out.sort(key=lambda r: -(r.get("population") or 0))  # an ambiguous demonym goes to the more populous
    return out


def _plural(word: str) -> str | None:
    if word.endswith(("ese", "ss", "sh", "ch", "i")) and not word.endswith(("ni", "qi", "ri", "li", "ti", "di", "si", "zi")):
        return None if not word.endswith("i") else word + "s"
    return word + "s"


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    import pycountry

    data = yaml.safe_load(Path(path or GAZETTEER).read_text(encoding="utf-8"))
    g = Gazetteer()
    # organisations first: "Israel Defense Forces" must not read as Israel + forces
    for rec in data.get("organisations", []):
        entry = OrgEntry(rec["id"], rec["name"], rec["kind"], rec.get("country"), rec.get("affiliation"))
        g.orgs[entry.id] = entry
        for alias in [rec["name"], *rec.get("aliases", [])]:
            g.add(_words(alias), "org", entry, alias)
    # states from ISO 3166 and countryinfo
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if ", " in name:  # ISO's inverted names read the normal way: "Palestine, State of" -> "State of Palestine"
            head, _, tail = name.partition(", ")
            if tail.lower().endswith((" of", " of the")) or tail.lower() == "the":
                name = f"{tail} {head}"
        g.countries[c.alpha_3] = name
        for n in {c.name, name, getattr(c, "official_name", None)}:
            if n and "," not in n:
                g.add(_words(n), "state", c.alpha_3, n)
                if n.lower().startswith("the "):
                    g.add(_words(n[4:]), "state", c.alpha_3, n[4:])
    for rec in _country_data():
        iso = rec["ISO"]["alpha3"]
        if iso not in g.countries:
            continue
        names = [rec["name"], *[a for a in rec.get("altSpellings", []) if len(a) > 3 and a.isascii()]]
        for n in names:
            g.add(_words(n), "state", iso, n)
        dem = (rec.get("demonym") or "").strip()
        if dem:
            g.demonym.setdefault(iso, dem)
            g.add(_words(dem), "demonym", iso, dem)
            pl = _plural(dem)
            if pl:
                g.add(_words(pl), "demonym_pl", iso, pl)
        cap = rec.get("capital")
        if isinstance(cap, str) and cap:
            g.add(_words(cap), "capital", iso, cap)
    for iso, names in (data.get("states") or {}).items():
        for n in names:
            g.add(_words(n), "state", iso, n)
    for iso, names in (data.get("demonyms") or {}).items():
        for i, n in enumerate(names):
            g.add(_words(n), "demonym", iso, n)
            if i == 0:
                g.demonym[iso] = n
            pl = _plural(n) if n[0].isupper() and not n.isupper() and "." not in n else None
            if pl:
                g.add(_words(pl), "demonym_pl", iso, pl)
    for iso, names in (data.get("capitals") or {}).items():
        for n in names:
            g.add(_words(n), "capital", iso, n)
    for body, forms in (data.get("bodies") or {}).items():
        for f in forms:
            g.add(_words(f), "body", body, f)
    for f in data.get("org_bodies") or []:
        g.add(_words(f), "org_body", True, f)
    unique = set()
    for role, spec in (data.get("roles") or {}).items():
        if spec.get("unique"):
            unique.add(role)
        for f in spec["forms"]:
            g.add(_words(f), "role", role, f)
    g.unique_roles = frozenset(unique)
    g.hyphenated_roles = tuple(r for r in data.get("roles") or {} if "-" in r)
    g.role_by_kind = data.get("role_by_kind") or {}
    g.military_roles = frozenset(data.get("military_roles") or [])
    g.role_prefixes = data.get("role_prefixes") or {}
    for p in g.role_prefixes:
        g.add([p], "prefix", g.role_prefixes[p], p)
    g.honorifics = frozenset(h.lower() for h in data.get("honorifics") or [])
    for h in g.honorifics:
        g.add([h], "honor", True, h)
    g.head_verbs = data.get("head_verbs") or {}
    g.name_like = frozenset(data.get("name_like_roles") or [])
    return g


# --- helpers ---------------------------------------------------------------------------------------


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def name_key(name: str) -> tuple[str, ...]:
    """The words of a person's name that identify it: lower case, no particles ("al-", "bin")."""
    return tuple(w for w in slug(name).split("-") if w and w not in NAME_PARTICLES)


def role_actor_id(affiliation: str, role: str) -> str:
    return f"role:{affiliation}:{role.replace(' ', '-')}"


def parse_role_actor_id(actor: str) -> tuple[str, str] | None:
    """(affiliation, role) of a ``role:<affiliation>:<role>`` id, else None."""
    if not actor.startswith("role:") or actor.count(":") < 2:
        return None
    aff, role = actor[len("role:"):].rsplit(":", 1)
    spaced = role.replace("-", " ")
    for canon in load_gazetteer().hyphenated_roles:  # "secretary-general" keeps its hyphen
        if spaced.endswith(canon.replace("-", " ")):
            return aff, spaced[: len(spaced) - len(canon)] + canon
    return aff, spaced


def _plain_role_phrase(text: str) -> bool:
    """ "the prime minister": a definite, lower-case role that refers back to someone named nearby."""
    head, _, rest = text.partition(" ")
    return head.lower() == "the" and rest[:1].islower()


def _case_ok(written: str, words: list[str]) -> bool:
    """Proper names need their capitals in the text; acronyms must match exactly."""
    letters = [ch for ch in written if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):  # acronym: IDF, US, WHO
        return "".join(words).replace("’", "'") == written.replace(" ", "").replace("’", "'")
    if written[:1].isupper():
        first = words[0]
        return first[:1].isupper() or not first[:1].isalpha()
    return True


_ENTITY_TYPES = ("org", "state", "demonym", "demonym_pl", "capital")
_NOUN_TYPES = ("body", "org_body", "role", "prefix", "honor")


class _Tokens:
    """spaCy tokens by non-space position, made on demand (building them all is the slow part)."""

    __slots__ = ("doc", "di")

    def __init__(self, doc, di):
        self.doc, self.di = doc, di

    def __len__(self) -> int:
        return len(self.di)

    def __getitem__(self, k: int):
        return self.doc[self.di[k]]


@dataclass
class _Chunk:
    start: int  # index into the document's non-space tokens
    end: int
    types: dict[str, object]

    def has(self, *kinds: str) -> bool:
        return any(k in self.types for k in kinds)


@dataclass
class _Person:
    start: int  # span of the mention (honorifics included)
    end: int
    name_start: int  # span of the name proper
    name_end: int
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    zone_start: int | None = None  # where a pre-modifier title starts


class _Extractor:
    def __init__(self, doc, doc_id: str, sentences, g: Gazetteer, text: str | None = None):
        import numpy as np
        from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_SPACE, LENGTH, SENT_START

        self.doc = doc
        self.text = text if text is not None else doc.text  # the document's text, when the caller has it
        self.doc_id = doc_id
        self.g = g
        if len(doc):
            arr = doc.to_array([IDX, LENGTH, IS_SPACE, ENT_TYPE, ENT_IOB, SENT_START]).astype(np.int64)
        else:
            arr = np.zeros((0, 6), dtype=np.int64)
        mask = arr[:, 2] == 0
        sel = arr[mask]
        self.di = np.nonzero(mask)[0].tolist()  # document index of each non-space token
        self.tstart = sel[:, 0].tolist()
        self.tend = (sel[:, 0] + sel[:, 1]).tolist()
        text = self.text
        self.words = [text[a:b] for a, b in zip(self.tstart, self.tend)]
        self.norm = [w.lower().replace("’", "'") for w in self.words]
        strings = doc.vocab.strings
        labels = {0: ""}
        self.ent = [labels[e] if e in labels else labels.setdefault(e, strings[e]) for e in sel[:, 3].tolist()]
        self.ent_begin = (sel[:, 4] == 3).tolist()
        self.toks = _Tokens(doc, self.di)
        if sentences:
            self.sent_starts = [s.start for s in sentences]
        else:  # the parse's own sentence starts
            starts = arr[:, 0][arr[:, 5] == 1].tolist()
            self.sent_starts = starts if starts and arr.shape[0] and arr[0, 5] == 1 else [0, *starts]
        self.out: list[ActorMention] = []

    # --- step 1: gazetteer chunks --------------------------------------------------------------
    def chunks(self) -> list[_Chunk]:
        g, norm, words = self.g, self.norm, self.words
        person_tok = [e == "PERSON" for e in self.ent]
        out = []
        i, n = 0, len(words)
        maxlen = g.maxlen
        while i < n:
            longest = maxlen.get(norm[i])
            if longest is None:
                i += 1
                continue
            hit = None
            for length in range(min(longest, n - i), 0, -1):
                key = tuple(norm[i : i + length])
                slot = g.index.get(key)
                if not slot:
                    continue
                cased = g.cased[key]
                types = {}
                for kind, payload in slot.items():
                    if kind in _ENTITY_TYPES:
                        if not any(_case_ok(w, words[i : i + length]) for w in cased[kind]):
                            continue
                        if kind != "org" and person_tok[i] and kind != "demonym":
                            continue  # "Jordan Bardella", "Chad Smith"
                    types[kind] = payload
                if "role" in types and length == 1 and key[0] in g.name_like and words[i][:1].isupper():
                    nxt = norm[i + 1] if i + 1 < n else ""
                    if nxt != "of" and nxt not in g.honorifics:
                        types["weak_role"] = types.pop("role")  # "Amir Avivi" is a name; see persons()
                if types:
                    hit = _Chunk(i, i + length, types)
                    break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _person_spans(self):
        """(start, end) of spaCy's PERSON entities, in non-space token positions."""
        a = None
        for k, e in enumerate(self.ent):
            if a is not None and (e != "PERSON" or self.ent_begin[k]):
                yield a, k
                a = None
            if e == "PERSON" and a is None:
                a = k
        if a is not None:
            yield a, len(self.ent)

    # --- step 2: persons -----------------------------------------------------------------------
    def persons(self, chunks: list[_Chunk]) -> tuple[list[_Person], list[_Chunk]]:
        toks = self.toks
        covered = {}
        for c in chunks:
            for k in range(c.start, c.end):
                covered[k] = c
        persons = []
        words = self.words
        for a, b in self._person_spans():
            # leading titles, owners, honorifics inside the entity ("President Biden", "Sheikh Tamim")
            first = covered.get(a) if a in covered else covered.get(a - 1)
            if first is not None and "weak_role" in first.types and first.end < b:
                # "Amir Tamim ... of Qatar": the title of a name followed by its state
                k = b + (b < len(self.norm) and self.norm[b] in ("'s",))
                if k + 1 < len(self.norm) and self.norm[k] == "of" and any(
                        self._owner(c) for c in self._chunks_at.get(k + 1 + (self.norm[k + 1] == "the"), ())):
                    first.types["role"] = first.types.pop("weak_role")
            while a < b and a in covered and covered[a].end <= b and covered[a].has(*_ENTITY_TYPES, "role", "honor", "prefix", "body"):
                a = covered[a].end
            while b > a and self.norm[b - 1] in ("'s", "'", "-", ".", ","):
                b -= 1
            if a >= b or not any(words[k][:1].isupper() for k in range(a, b)):
                continue
            if any(k in covered and covered[k].has("org") for k in range(a, b)):
                continue  # an organisation the NER took for a person
            persons.append(self._person(a, b, covered))
        # honorific + capitalised words the NER missed ("Mr Sinwar")
        taken = {k for p in persons for k in range(p.start, p.end)}
        for c in chunks:
            if "honor" in c.types and c.end < len(toks) and c.end not in taken and self.norm[c.start] not in ("his", "her"):
                b = c.end
                while b < len(words) and words[b][:1].isupper() and words[b].isalpha() and b not in covered and b - c.end < 4:
                    b += 1
                if b > c.end and words[c.start][:1].isupper():
                    persons.append(self._person(c.end, b, covered))
        persons.sort(key=lambda p: p.start)
        # drop gazetteer chunks inside persons
        inside = set()
        for p in persons:
            inside.update(range(p.start, p.end))
        kept = [c for c in chunks if c.start not in inside and c.end - 1 not in inside]
        return persons, kept

    def _person(self, a: int, b: int, covered) -> _Person:
        start = a
        k = a - 1
        while k >= 0 and k in covered and covered[k].start == k and set(covered[k].types) <= {"honor", "prefix"} \
                and self.words[k][:1].isupper():
            start = k  # "Sheikh", "Mr" before the name
            k -= 1
        return _Person(start, b, a, b)

    # --- step 3: noun phrases --------------------------------------------------------------------
    def runs(self, chunks: list[_Chunk], persons: list[_Person]) -> list[list]:
        """Maximal sequences of chunks, persons and glue words, in order."""
        items: list = sorted([*chunks, *persons], key=lambda x: x.start)
        runs, cur, last_end = [], [], None
        glue = ("'s", "'", "of", "the", "-")
        for it in items:
            if cur and last_end is not None:
                gap = self.norm[last_end : it.start]
                prev = cur[-1]
                ok = all(w in glue for w in gap) and len(gap) <= 2
                if gap == ["and"] and isinstance(prev, _Chunk) and "role" in prev.types and isinstance(it, _Chunk) and "role" in it.types:
                    ok = True
                if gap and gap[-1] == "the" and gap[0] != "of":
                    ok = False
                if isinstance(prev, _Person):
                    ok = False  # a name ends its phrase
                if isinstance(it, _Chunk) and it.has(*_ENTITY_TYPES) and isinstance(prev, _Chunk) and prev.has(*_ENTITY_TYPES) \
                        and not prev.has("body", "role", "org_body") and "of" not in gap:
                    ok = False  # "Egypt Qatar", "Israel Hamas": two actors side by side
                if not ok:
                    runs.append(cur)
                    cur = []
            cur.append(it)
            last_end = it.end
        if cur:
            runs.append(cur)
        return runs

    def _det_start(self, k: int) -> int:
        return k - 1 if k > 0 and self.norm[k - 1] in _DETS else k

    def _owner(self, c: _Chunk):
        """(kind, payload) of a chunk that names a state or organisation."""
        for kind in ("org", "state", "demonym", "demonym_pl", "capital"):
            if kind in c.types:
                return kind, c.types[kind]
        return None

    def _affiliation(self, owner, body: str | None, role: str | None) -> tuple[str | None, str | None, str | None]:
        """(affiliation id, country, affiliation kind) of a title's owner."""
        if owner is None:
            return None, None, None
        kind, payload = owner
        if kind == "org":
            return payload.id, payload.country, payload.kind
        iso = payload
        if body and body != "civilians":
            return f"{iso}.{body}", iso, _STATE_KINDS[body]
        if role in self.g.military_roles:
            return f"{iso}.military", iso, "military"
        if role == "spy chief":
            return f"{iso}.intelligence", iso, "intelligence"
        return f"{iso}.government", iso, "government"

    def _norm_role(self, role: str | None, aff_kind: str | None, prefix: str) -> str | None:
        if role is None:
            return None
        role = self.g.role_by_kind.get(aff_kind or "", {}).get(role, role)
        if role == "spy chief":
            role = "director"
        return f"{prefix} {role}".strip() if prefix else role

    def parse_zone(self, items: list) -> dict:
        """Owner, body and role of a title phrase ("Israel's army spokesman", "the Emir of Qatar")."""
        owner = body = role = None
        prefix = ""
        org_body = False
        for it in items:
            if isinstance(it, _Person):
                continue
            if role is None and "prefix" in it.types:
                p = it.types["prefix"]
                if p:
                    prefix = p
                continue
            o = self._owner(it)
            if o and owner is None:
                owner = o
            elif "role" in it.types and role is None:
                role = it.types["role"]
            elif "body" in it.types and body is None and owner is not None and owner[0] != "org":
                body = it.types["body"]
            elif "role" in it.types and role == "head":
                role = it.types["role"]  # "chief" before the title's head noun: "chief military spokesman"
                org_body = org_body or "org_body" in it.types
            elif "org_body" in it.types:
                org_body = True
            elif o and role is not None:
                pass
        if owner and owner[0] == "demonym_pl" and (role or body):
            owner = ("demonym", owner[1])
        return {"owner": owner, "body": body, "role": role, "prefix": prefix, "org_body": org_body}

    def split_run(self, run: list) -> list[list]:
        """One run may hold several phrases: a new one starts at an owner after a completed phrase."""
        parts, cur = [], []
        for it in run:
            if cur and isinstance(it, _Chunk) and it.has(*_ENTITY_TYPES) and not self._joined_by_of(cur[-1], it):
                z = self.parse_zone(cur)
                if z["owner"] is not None and (z["body"] or z["org_body"] or (z["role"] is None and not any(
                        isinstance(x, _Chunk) and x.has("role", "prefix") for x in cur))):
                    parts.append(cur)
                    cur = []
            cur.append(it)
        if cur:
            parts.append(cur)
        return parts

    def _joined_by_of(self, a, b) -> bool:
        return "of" in self.norm[a.end : b.start] or "'s" in self.norm[a.end : b.start]

    # --- step 4: mentions ------------------------------------------------------------------------
    def mention(self, a: int, b: int, actor: str, name: str, kind: str, country=None, role=None, affiliation=None,
                with_det=True) -> ActorMention:
        if with_det:
            a = self._det_start(a)
        start = self.tstart[a]
        end = self.tend[b - 1]
        sent = max(0, bisect.bisect_right(self.sent_starts, start) - 1)
        text = self.text[start:end]
        return ActorMention(self.doc_id, sent, start, end, text, actor, name, kind, country, role, affiliation)

    def owner_actor(self, owner, body: str | None, a: int, b: int, org_body: bool = False) -> ActorMention | None:
        kind, payload = owner
        g = self.g
        if kind != "org" and b + 1 < len(self.toks) and self.toks[b].text == "-" and self.toks[b + 1].lower_ in _LANGUAGE_OR_ORIGIN:
            return None  # "French-speaking", "British-born": a language or an origin, not the state
        if kind == "org":
            return self.mention(a, b, payload.id, payload.name, payload.kind, payload.country, None, payload.affiliation)
        iso = payload
        if kind == "demonym_pl" and not body:
            body = "civilians"
        if body:
            actor = f"{iso}.{body}"
            entry = g.orgs.get(actor)
            dem = g.demonym.get(iso, g.countries.get(iso, iso))
            if body == "civilians":
                name = _plural(dem) or f"{dem} people"
            else:
                name = entry.name if entry else f"{dem} {body}"
            return self.mention(a, b, actor, name, _STATE_KINDS[body], iso)
        if kind == "capital":
            head = self.toks[b - 1]
            if head.dep_ not in _SUBJ_DEPS:
                return None
        return self.mention(a, b, iso, g.countries.get(iso, iso), "state", iso)

    def run(self) -> list[ActorMention]:
        chunks = self.chunks()
        persons, chunks = self.persons(chunks)
        runs = self.runs(chunks, persons)
        pmentions: list[tuple[_Person, ActorMention]] = []
        role_only: list[tuple[ActorMention, int]] = []  # (mention, token end) of role phrases without a name
        for run in runs:
            for part in self.split_run(run):
                self.interpret(part, pmentions, role_only)
        self.appositives(pmentions, role_only)
        self.resolve_doc(pmentions, role_only)
        lines = [m.span(1) for m in _DATELINE.finditer(self.text) if not m.group(0).endswith(":") or "," in m.group(0)]
        if lines:  # "DEIR AL-BALAH, Gaza Strip:" says where the report was filed, names no actor
            self.out = [m for m in self.out if not any(a <= m.start < b for a, b in lines)]
        self.out.sort(key=lambda m: m.start)
        return self.out

    def interpret(self, part: list, pmentions, role_only) -> None:
        person = part[-1] if isinstance(part[-1], _Person) else None
        zone = part[:-1] if person else part
        z = self.parse_zone(zone)
        g = self.g
        if person is not None:
            p = person
            if z["owner"] or z["role"]:
                aff, country, aff_kind = self._affiliation(z["owner"], z["body"], z["role"])
                p.role = self._norm_role(z["role"], aff_kind, z["prefix"])
                p.affiliation, p.country = aff, country
                p.zone_start = zone[0].start
            if p.role is not None and p.affiliation is None:
                self._post_owner(p, z)
            a = p.zone_start if p.zone_start is not None else p.start
            m = self.mention(a, p.end, "", "", "person", p.country, p.role, p.affiliation)
            pmentions.append((p, m))
            return
        if not zone:
            return
        a, b = zone[0].start, zone[-1].end
        # leading prefix words only ("former") with nothing else
        if z["role"] is not None:
            if z["owner"] is None:
                m = self.mention(a, b, "", z["role"], "person", None, self._norm_role(z["role"], None, z["prefix"]), None)
                role_only.append((m, b, False))
                return
            aff, country, aff_kind = self._affiliation(z["owner"], z["body"], z["role"])
            role = self._norm_role(z["role"], aff_kind, z["prefix"])
            m = self.mention(a, b, role_actor_id(aff, role), f"{role} of {self._display(aff)}", "person", country, role, aff)
            if z["role"] in g.unique_roles and not z["prefix"].startswith(("former", "deputy")):
                role_only.append((m, b, True))
                return
            # a generic role ("an Israeli official") speaks for its body unless it names a person nearby
            role_only.append((m, b, None if z["prefix"].startswith("former") else self._body_mention(z, aff, country, a, b)))
            return
        if z["owner"] is None:
            return
        m = self.owner_actor(z["owner"], z["body"], a, b, z["org_body"])
        if m:
            self.out.append(m)

    def _post_owner(self, p: _Person, z: dict) -> None:
        """ "Amir Sheikh Tamim bin Hamad Al Thani of Qatar": the owner after the name."""
        k = p.end
        if k + 1 < len(self.norm) and self.norm[k] == "of":
            k += 1 + (self.norm[k + 1] == "the")
            for c in self._chunks_at.get(k, ()):
                o = self._owner(c)
                if o:
                    aff, country, aff_kind = self._affiliation(o, None, z["role"])
                    p.role = self._norm_role(z["role"], aff_kind, z["prefix"])
                    p.affiliation, p.country = aff, country
                    return

    def _body_mention(self, z, aff, country, a, b) -> ActorMention | None:
        owner = z["owner"]
        if owner[0] == "org":
            return self.owner_actor(owner, None, a, b)
        body = aff.split(".", 1)[1] if aff and "." in aff else None
        return self.owner_actor(("state", owner[1]), body, a, b)

    def _display(self, actor: str | None) -> str:
        if actor is None:
            return "?"
        if actor in self.g.orgs:
            return self.g.orgs[actor].name
        iso, _, body = actor.partition(".")
        country = self.g.countries.get(iso, iso)
        return f"{country} ({body})" if body and body != "government" else country

    # --- appositives -----------------------------------------------------------------------------
    def appositives(self, pmentions, role_only) -> None:
        norm = self.norm
        role_by_start = {}
        for m, b, _ in role_only:
            role_by_start[self._tok_at(m.start)] = (m, b)
        person_by_start = {self._tok_at(m.start): (p, m) for p, m in pmentions}
        for p, m in pmentions:
            e = p.end
            if e < len(norm) and norm[e] in (",", "(", "-", "–", "—"):
                k = e + 1
                # "X, who heads the CIA"
                if k + 1 < len(norm) and norm[k] == "who":
                    verb = self.toks[k + 1].lemma_.lower()
                    if verb in self.g.head_verbs:
                        self._who_heads(p, m, k + 2, self.g.head_verbs[verb])
                    continue
                hit = role_by_start.get(k)
                if hit is None and k < len(norm) and norm[k] in _DETS:
                    hit = role_by_start.get(k + 1)
                if hit and p.role is None:
                    rm, b = hit
                    if b >= len(norm) or norm[b] in (",", ".", ")", ";", ":", "-", "–", "—", "said", "says", "told", "who", "and") \
                            or self.toks[b].pos_ in ("VERB", "AUX"):
                        self._attach(p, m, rm)
        # "Qatar's prime minister, Sheikh Mohammed ..."
        for rm, b, _ in role_only:
            if b + 1 < len(norm) and norm[b] in (",", "-", "–", "—"):
                hit = person_by_start.get(b + 1)
                if hit and hit[0].role is None:
                    p, m = hit
                    e = p.end
                    if e >= len(norm) or norm[e] in (",", ".", ")", ";", ":", "-", "–", "—") or self.toks[e].pos_ in ("VERB", "AUX"):
                        self._attach(p, m, rm)

    def _attach(self, p: _Person, m: ActorMention, rm: ActorMention) -> None:
        p.role, p.affiliation, p.country = rm.role, rm.affiliation, rm.country
        m.role, m.affiliation, m.country = rm.role, rm.affiliation, rm.country
        rm.name = "@person"  # resolved to this person once ids are known
        rm.actor = f"@{id(p)}"

    def _who_heads(self, p: _Person, m: ActorMention, k: int, role: str) -> None:
        toks = self.toks
        if k < len(toks) and self.norm[k] in _DETS:
            k += 1
        for c in self._chunks_at.get(k, ()):
            o = self._owner(c)
            if o is None:
                continue
            body = None
            after = c.end
            if after + 1 < len(toks) and self.norm[after] == "'s":
                nxt = self._chunks_at.get(after + 1, ())
                for c2 in nxt:
                    if "body" in c2.types and o[0] != "org":
                        body = c2.types["body"]
            aff, country, aff_kind = self._affiliation(o, body, role)
            p.role = self._norm_role(role, aff_kind, "")
            p.affiliation, p.country = aff, country
            m.role, m.affiliation, m.country = p.role, aff, country
            return

    def _tok_at(self, char: int) -> int:
        return self._tok_start_index.get(char, -1)

    # --- within-document resolution --------------------------------------------------------------
    def resolve_doc(self, pmentions, role_only) -> None:
        # names the text treats as places ("in Rafah", "the Khan Younis area"): not persons
        placeish = set(self._place_keys())
        norm = self.norm
        for p, _ in pmentions:
            if p.role is None and p.zone_start is None and p.start == p.name_start and p.start > 0 and (
                    norm[p.start - 1] in _PLACE_CUES or (norm[p.start - 1] == "of" and p.start > 1 and norm[p.start - 2] in _PLACE_NOUNS)):
                placeish.add(name_key(self._name(p)))
        if placeish:
            pmentions[:] = [(p, m) for p, m in pmentions if p.role is not None or name_key(self._name(p)) not in placeish]
        clusters: list[dict] = []  # {"key": set, "name": str, "members": [...]}
        order = sorted(range(len(pmentions)), key=lambda i: -len(name_key(self._name(pmentions[i][0]))))
        assign: dict[int, dict] = {}
        for i in order:
            p, _ = pmentions[i]
            name = self._name(p)
            key = name_key(name)
            if not key:
                continue
            kset = set(key)
            same = [c for c in clusters if c["key"] == key]
            if same:
                assign[i] = same[0]
                continue
            sup = [c for c in clusters if kset < c["keyset"]]
            if len(sup) == 1 or (sup and len({c["last"] for c in sup}) == 1 and len(sup) == len({id(c) for c in sup}) == 1):
                assign[i] = sup[0]
                continue
            if len(sup) > 1:
                # "Mr Thani" with two Al Thanis in the text: only if the title tells them apart
                fit = [c for c in sup if p.role and c["role"] == p.role]
                if len(fit) == 1:
                    assign[i] = fit[0]
                    continue
            c = {"key": key, "keyset": kset, "name": name, "last": key[-1], "role": p.role, "members": []}
            clusters.append(c)
            assign[i] = c
        for i, c in assign.items():
            c["members"].append(i)
        for c in clusters:
            votes = Counter()
            for i in c["members"]:
                p, _ = pmentions[i]
                if p.role or p.affiliation:
                    votes[(p.role, p.affiliation, p.country)] += 1 + (p.affiliation is not None)
            best = votes.most_common(1)[0][0] if votes else (None, None, None)
            c["best"] = best
            c["id"] = "person:" + "-".join(slug(c["name"]).split("-"))
            for i in c["members"]:
                p, m = pmentions[i]
                m.actor, m.name = c["id"], c["name"]
                if m.role is None and m.affiliation is None:
                    m.role, m.affiliation, m.country = best
                self.out.append(m)
        by_pid = {}
        for i, c in assign.items():
            by_pid[id(pmentions[i][0])] = c
        holders: dict[tuple, list] = {}
        for c in clusters:
            role, aff, _ = c["best"]
            if role:
                holders.setdefault((aff, role), []).append(c)
                holders.setdefault((None, role), []).append(c)
        for rm, _, fallback in role_only:
            if rm.actor.startswith("@"):  # an appositive of a named person
                c = by_pid.get(int(rm.actor[1:]))
                if c:
                    rm.actor, rm.name = c["id"], c["name"]
                    self.out.append(rm)
                continue
            if rm.affiliation is None and not _plain_role_phrase(rm.text):
                continue  # "Mr. President", "THE PRESIDENT:" (an address or a speaker label)
            if fallback is True or rm.affiliation is None:  # a role held by one person: who holds it here?
                hs = holders.get((rm.affiliation, rm.role), [])
                if len(hs) == 1:
                    c = hs[0]
                    rm.actor, rm.name = c["id"], c["name"]
                    rm.role, rm.affiliation, rm.country = c["best"]
                    self.out.append(rm)
                elif rm.affiliation is not None:
                    self.out.append(rm)  # role:<affiliation>:<role>, for the registry
            elif fallback:
                self.out.append(fallback)

    def _place_keys(self):
        """Name keys of the document's place entities: the same words tagged PERSON elsewhere are a place."""
        a = None
        for k, e in enumerate(self.ent):
            if a is not None and (e != self.ent[a] or self.ent_begin[k]):
                yield name_key(self.text[self.tstart[a] : self.tend[k - 1]])
                a = None
            if e in _PLACE_LABELS and a is None:
                a = k
        if a is not None:
            yield name_key(self.text[self.tstart[a] : self.tend[-1]])

    def _name(self, p: _Person) -> str:
        a, b = p.name_start, p.name_end
        while a < b and (self.norm[a] in self.g.honorifics or (self.words[a] == "Q" and a + 1 < b)):
            a += 1  # "Q" opens a reporter's question in briefing transcripts
        if a >= b:
            a = p.name_start
        text = self.text[self.tstart[a] : self.tend[b - 1]]
        return " ".join(text.split())

    def prepare(self, chunks_all: list[_Chunk]) -> None:
        self._chunks_at = {}
        for c in chunks_all:
            self._chunks_at.setdefault(c.start, []).append(c)


def find_actors(doc, doc_id: str, sentences=None, entities=None, gazetteer: Gazetteer | None = None,
                text: str | None = None) -> list[ActorMention]:
    """Actor mentions in a parsed document, in text order.

    `doc` is the spaCy Doc (from `analyze_docs` or `load_doc`); `sentences` the analysis's sentence
    records (for the `sent` index; the Doc's own sentences are used when omitted). `entities` is
    accepted for symmetry with the other extractors; the Doc's entities are read directly.
    `text`: the document's text (the Doc's own text) when the caller has it, which saves rebuilding it.
    """
    ex = _Extractor(doc, doc_id, sentences, gazetteer or load_gazetteer(), text)
    ex._tok_start_index = {start: k for k, start in enumerate(ex.tstart)}
    chunks = ex.chunks()
    ex.prepare(chunks)
    ex.chunks = lambda: chunks  # type: ignore[method-assign]
    return ex.run()
