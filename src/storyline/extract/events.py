"""PLOVER events in one analysed document: who did what to whom, where, when, how sure.

Rules over the stored spaCy parse (no extra parsing), driven by the lexicon `plover.yaml`
(types, modes and coding rules from the PLOVER manual, github.com/openeventdata/PLOVER). Written
by hand: no public coder produces PLOVER modes together with modality (asserted, planned,
hypothetical, negated, claimed) and resolved event dates.

How a sentence is coded:

1. Triggers. A verb in the lexicon gives a type and mode, refined by its particle ("hand over"),
   preposition ("call for", "pull out of"), object ("release hostages" vs "release a statement",
   "send troops" vs "send aid"), or intransitive subject ("aid trucks entered"). An event noun
   ("talks", "truce", "strikes", "the October 7 attack") is a trigger when a light verb governs it
   ("launched strikes", "held talks", "issued evacuation orders"), when it is a headline or
   clause subject, or when it carries its own participants or date ("Israeli strikes on Rafah").
2. Frames. Verbs whose meaning depends on their complement code the complement into a mode:
   "agree/offer/promise to release" is CONCEDE/release (to "send a delegation": AGREE); "call
   for / urge / demand a ceasefire" is REQUEST/yield; "refuse to release" REJECT/yield;
   "threaten to withdraw from the treaty" THREATEN/relations; "warn that ... will" THREATEN,
   "warn that X is ..." ACCUSE. A complement of an agreement is kept as its own planned event
   ("agreed to release" -> the release, planned); complements of requests, refusals and threats
   are not events.
3. Reporting verbs ("said", "told", "according to") are never events: the event they report is
   coded, with modality "claimed" when the claimant is a party to it (an actor or recipient of
   the event, or one of the conflict's parties listed in the lexicon), with `claimed_by`.
4. Modality: negated (a negation on the trigger or its controlling verb, "no" on an event noun);
   hypothetical (if/unless clauses, could/would/might, questions, "possible truce"); planned
   ("will", "is expected to", "plans to", "upcoming talks", an agreement's complement).
   PLOVER's single-category rule then applies: a planned release or ceasefire is CONCEDE, a
   planned cooperative act AGREE, a planned use of force announced by its actor THREATEN.
5. Participants: the actor is the agent (subject, "by" agent of a passive, possessor or
   adjective of an event noun: "Hamas's attack", "Israeli strikes"), the recipient the object or
   prepositional target ("strikes on Gaza", "met with", "sanctions against", "recalled its
   ambassador from Israel"); coordinated subjects give several actors; pronouns resolve to the
   nearest plausible actor mention. Both are ActorMention ids (`find_actors`).
6. When: a time expression in the event's own clause (not one in a nested clause), else the
   date of the noun a relative clause hangs from ("the 7 October attack, in which ... were
   killed"), else a well-known anchor from the lexicon ("taken hostage" by Hamas -> 2023-10-07),
   else, for asserted, claimed and negated events, the publication date (date_source "report"). Planned
   and hypothetical events without a stated date stay undated. Dates long before the document
   keep their true value ("in 2011" -> 2011, precision year).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from datetime import date, timedelta
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from storyline.extract import event_confidence as confidence
from storyline.extract.figures import _after_since, _is_under
from storyline.extract.records import ActorMention, Event
from storyline.extract.vocabulary import load_config

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_OBJ = ("dobj", "obj", "attr", "oprd", "dative")
_CLAUSE = ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp")
_PERSONAL = {"it", "they", "he", "she", "them", "him", "her", "its", "their", "his", "we", "i", "us", "me", "our", "my"}
_PRONOUNS = {"it", "they", "he", "she", "them", "him", "her", "its", "their", "his", "who", "which", "that"}
_SINGULAR = frozenset({"he", "she", "him", "her", "his", "it", "its"})
_MODALS_HYPO = {"could", "would", "might", "may", "should", "must", "ought", "'d", "can", "ca"}
_MODALS_FUT = {"will", "'ll", "shall", "wo"}
_CONCESSION_TYPES = ("RETREAT", "CONCEDE")
_RETREAT_TO_CONCEDE = {"release": "release", "ceasefire": "ceasefire", "withdraw": "withdraw", "access": "access",
                       "return": "release", "disarm": None, "resign": None}
_THREAT_MODE = {("COERCE", "arrest"): "arrest", ("COERCE", "restrict"): "restrict", ("COERCE", "withhold"): "restrict",
                ("COERCE", "curfew"): "restrict", ("COERCE", "ban"): "ban", ("COERCE", "deport"): "expel",
                ("SANCTION", "expel"): "expel", ("ASSAULT", "territory"): "territory"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_PLACE_PREPS = {"in", "at", "into", "near", "across", "throughout", "inside", "outside", "within", "around"}
_DIRECTIONS = {"southern", "northern", "central", "eastern", "western", "north", "south", "east", "west"}
_IRREGULAR = {
    "take": ["took", "taken", "takes", "taking"], "hold": ["held", "holds", "holding"], "meet": ["met", "meets", "meeting"],
    "speak": ["spoke", "spoken", "speaks", "speaking"], "send": ["sent", "sends", "sending"], "fight": ["fought", "fights", "fighting"],
    "shoot": ["shot", "shoots", "shooting"], "beat": ["beaten", "beats", "beating"], "withdraw": ["withdrew", "withdrawn", "withdraws", "withdrawing"],
    "strike": ["struck", "stricken", "strikes", "striking"], "break": ["broke", "broken", "breaks", "breaking"],
    "seek": ["sought", "seeks", "seeking"], "lead": ["led", "leads", "leading"], "begin": ["began", "begun", "begins", "beginning"],
    "give": ["gave", "given", "gives", "giving"], "cut": ["cuts", "cutting"], "shut": ["shuts", "shutting"], "hit": ["hits", "hitting"],
    "bring": ["brought", "brings", "bringing"], "deny": ["denied", "denies", "denying"], "ally": ["allied"],
    "free": ["freed", "frees", "freeing"], "flee": ["fled", "flees", "fleeing"], "lose": ["lost", "loses", "losing"],
    "sell": ["sold", "sells", "selling"], "tell": ["told", "tells", "telling"], "say": ["said", "says", "saying"],
}


# --- the lexicon ---------------------------------------------------------------------------------

@dataclass
class VerbEntry:
    default: tuple | None
    frame: str | None = None
    objects: dict = field(default_factory=dict)
    preps: dict = field(default_factory=dict)
    particles: dict = field(default_factory=dict)
    subjects: dict = field(default_factory=dict)
    complements: dict = field(default_factory=dict)
    reciprocal: tuple | None = None  # the code when the subject is coordinated ("Biden and Netanyahu spoke")


@dataclass
class Lexicon:
    types: dict
    groups: dict[str, frozenset]
    group_of: dict[str, tuple[str, ...]]
    verbs: dict[str, VerbEntry]
    light_verbs: frozenset
    nouns: dict[str, tuple | None]
    noun_modifiers: dict[str, dict[str, tuple | None]]
    hypothetical_modifiers: frozenset
    planned_modifiers: frozenset
    planning_verbs: frozenset
    reporting_verbs: frozenset
    parties: frozenset
    anchors: list
    forms: dict[str, str]  # inflected form -> verb lemma, for verbs the tagger calls nouns in headlines
    adjectives: dict[str, tuple | None] = field(default_factory=dict)
    protesters: frozenset = frozenset()
    quantity_nouns: frozenset = frozenset()
    third_party_cues: frozenset = frozenset()
    ambiguous_nouns: frozenset = frozenset()
    theme_words: frozenset = frozenset()
    assault_modes: dict = field(default_factory=dict)


def _key(k) -> str:
    """YAML 1.1 reads the prepositions 'on' and 'off' as booleans."""
    if k is True:
        return "on"
    if k is False:
        return "off"
    return str(k).lower()


def _code(value) -> tuple | None:
    """'TYPE/mode' -> (TYPE, mode); 'frame:request' -> ('FRAME', 'request'); null -> None."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {_key(k): _code(v) for k, v in value.items()}
    value = str(value)
    if value.startswith("frame:"):
        return ("FRAME", value[6:])
    kind, _, mode = value.partition("/")
    return (kind, mode or None)


def _verb_forms(lemma: str) -> list[str]:
    out = list(_IRREGULAR.get(lemma, []))
    if lemma.endswith("e"):
        out += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    else:
        double = len(lemma) <= 7 and re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma) and not lemma.endswith(("en", "er", "on"))
        stem = lemma + lemma[-1] if double else lemma
        out += [lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"), stem + "ed", stem + "ing"]
    return out


def build_lexicon(data: dict) -> Lexicon:
    groups = {k: frozenset(str(w).lower() for w in v) for k, v in data.get("groups", {}).items()}
    group_of: dict[str, list[str]] = {}
    for g, words in groups.items():
        for w in words:
            group_of.setdefault(w, []).append(g)
    verbs = {}
    forms = {}
    for lemma, e in data.get("verbs", {}).items():
        e = e or {}
        verbs[lemma] = VerbEntry(
            default=_code(e.get("default")), frame=e.get("frame"),
            objects={_key(k): _code(v) for k, v in (e.get("objects") or {}).items()},
            preps={_key(k): _code(v) for k, v in (e.get("preps") or {}).items()},
            particles={_key(k): _code(v) for k, v in (e.get("particles") or {}).items()},
            subjects={_key(k): _code(v) for k, v in (e.get("subjects") or {}).items()},
            complements={_key(k): _code(v) for k, v in (e.get("complements") or {}).items()},
            reciprocal=_code(e.get("reciprocal")),
        )
        for f in _verb_forms(lemma):
            forms.setdefault(f, lemma)
    return Lexicon(
        types=data.get("types", {}),
        groups=groups,
        group_of={k: tuple(v) for k, v in group_of.items()},
        verbs=verbs,
        light_verbs=frozenset(data.get("light_verbs", [])),
        nouns={_key(k): _code(v) for k, v in data.get("nouns", {}).items()},
        noun_modifiers={_key(k): {_key(m): _code(c) for m, c in v.items()} for k, v in data.get("noun_modifiers", {}).items()},
        hypothetical_modifiers=frozenset(data.get("hypothetical_modifiers", [])),
        planned_modifiers=frozenset(data.get("planned_modifiers", [])),
        planning_verbs=frozenset(data.get("planning_verbs", [])),
        reporting_verbs=frozenset(data.get("reporting_verbs", [])),
        parties=frozenset(data.get("parties", [])),
        anchors=list(data.get("anchors", [])),
        forms=forms,
        adjectives={_key(k): _code(v) for k, v in data.get("adjectives", {}).items()},
        protesters=frozenset(data.get("protesters", [])),
        quantity_nouns=frozenset(data.get("quantity_nouns", [])),
        third_party_cues=frozenset(data.get("third_party_cues", [])),
        ambiguous_nouns=frozenset(data.get("ambiguous_nouns", [])),
        theme_words=frozenset(data.get("theme_words", [])),
        assault_modes={m: frozenset(w) for m, w in (data.get("assault_modes") or {}).items()},
    )


@lru_cache(maxsize=4)
def load_lexicon(extra: str | None = None) -> Lexicon:
    return build_lexicon(load_config("plover.yaml", "STORYLINE_PLOVER", extra))


# --- coded events before they become records ------------------------------------------------------

@dataclass
class Coded:
    """An event as the coder sees it: tokens, participants (mentions and plain phrases), depth."""

    type: str
    mode: str | None
    trigger: Token  # the word that names the event
    anchor: Token  # the word that carries its syntax (a light verb, or the trigger itself)
    frame: bool = False
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    actor_phrases: list[str] = field(default_factory=list)  # agents with no actor mention ("protesters")
    recipient_phrases: list[str] = field(default_factory=list)
    modality: str = "asserted"
    claimed_by: str | None = None
    planned_by_frame: bool = False  # the complement of an agreement ("agreed to release")
    complement: Token | None = None  # a frame's complement ("urged Hamas to release" -> release)
    depth: int = 0  # distance of the anchor from its sentence root, reporting verbs not counted
    aim: bool = False  # planned only as an infinitive's aim ("to support"), not announced
    collective_agent: bool = False  # an agent with no actor mention that still says who: "police", "settlers"
    event: Event | None = None


def extract_events(doc: Doc, doc_id: str, doc_date: str | None, sentences, timexes,
                   actors: list[ActorMention] | None = None, lexicon: Lexicon | None = None) -> list[Event]:
    """Events with at least one participant in a parsed document, each with its confidence;
    `sentences`, `timexes` are the analysis records, `actors` the document's actor mentions
    (`storyline.extract.actors.find_actors`)."""
    out = []
    for e, feats in featured_events(doc, doc_id, doc_date, sentences, timexes, actors, lexicon):
        e.confidence = confidence.score(feats)
        out.append(e)
    return out


def featured_events(doc: Doc, doc_id: str, doc_date: str | None, sentences, timexes,
                    actors: list[ActorMention] | None = None, lexicon: Lexicon | None = None) -> list[tuple[Event, list[str]]]:
    """The records `extract_events` keeps, each with the features its confidence is scored on."""
    coded = [c for c in code_document(doc, doc_id, doc_date, sentences, timexes, actors, lexicon) if reportable(c, doc.text)]
    per_sentence = Counter(c.event.sent for c in coded)
    return [(c.event, confidence.features(c, doc.text, doc_date, c.event.sent, per_sentence[c.event.sent])) for c in coded]


# hand-checked samples of the coder's raw output showed where it goes wrong; these are kept out
_ANOTHER = frozenset({"first", "latest", "new", "another", "second", "third", "fresh", "recent", "last"})
_WEAPON_MODES = ("aerial", "heavy-weapons", "explosives", "firearms", "primitive")
_NARRATED = frozenset({"when", "while", "after", "before", "since", "until", "once", "as", "because", "although", "though"})
_GO_ON = frozenset({"press", "keep", "carry", "step", "ramp", "push", "forge", "go", "move", "maintain", "sustain"})
_HABITUAL = frozenset("frequently repeatedly often regularly routinely usually always constantly consistently "
                      "sometimes occasionally periodically habitually continually typically generally previously "
                      "formerly normally ordinarily long persistently".split())
_COLLECTIVES = frozenset("police protester protestor demonstrator activist student militant gunman fighter settler troop "
                         "soldier army military rebel insurgent crowd rioter mob jihadist attacker assailant terrorist "
                         "militia".split())
_PEOPLE = frozenset("man men woman people person resident patient doctor nurse journalist student refugee victim survivor "
                    "voter lawmaker legislator senator mp counterpart colleague partner ally neighbour neighbor community "
                    "public population employee staff volunteer pilgrim worshipper farmer fisherman driver worker "
                    "official leader minister negotiator mediator lawyer judge prosecutor critic opponent rival "
                    "host guest visitor delegate envoy ambassador diplomat citizen national suspect perpetrator".split())
_LARGE_NUMBERS = frozenset("dozens hundreds thousands tens millions scores dozen hundred thousand".split())
_IMPLICATIVES = frozenset("manage begin start continue proceed resume succeed help go get dare bother remember "
                          "fail refuse decline".split())
_CAUSATIVES = frozenset("see want get have need expect like keep leave find watch wish".split())
_WH = frozenset("why what how when where whether if which who".split())
_KIN = frozenset("grandmother grandfather grandparent mother father parent family son daughter wife husband brother "
                 "sister relative cousin aunt uncle friend child grandchild niece nephew".split())
_AUDIENCE = frozenset("reporter journalist press media correspondent interviewer audience viewer listener "
                      "programme program show podcast newspaper outlet crowd supporter".split())
_NON_STATE_HEADS = frozenset("group faction militant gunman fighter wing movement party member coalition bloc militia "
                             "organisation organization cell network activist protester".split())
_NO_COMMENT = frozenset("comment elaborate specify speculate disclose detail discuss say confirm "
                        "name identify draw".split())
_AGENTLESS = frozenset({("RETREAT", "release"), ("CONCEDE", "release"), ("ASSAULT", "abduct"),
                        ("CONCEDE", "ceasefire"), ("RETREAT", "ceasefire")})


def _heads_in(c: Coded, words: frozenset) -> bool:
    """Whether a recipient phrase's head (its last word) is one of `words` (singular or plural)."""
    for p in c.recipient_phrases:
        w = p.split()[-1].lower().strip(".,'\"") if p.split() else ""
        if w in words or w.rstrip("s") in words or (w.endswith("ies") and w[:-3] + "y" in words):
            return True
    return False


def reportable(c: Coded, text: str) -> bool:
    """Whether a coded event is kept as a record: something that happened (or is planned) on a
    date, done by a named actor or a collective ("police", "settlers"). Left out: undated events
    (nothing to place on a timeline); events without an actor (like PETRARCH: "we fight back",
    "the facility was supplied"; "the president", whom no actor resolves), except an agentless
    release, truce or abduction dated by the text itself ("hostages were freed on Friday"); questions (a briefing's "can you confirm talks tomorrow?"); habitual
    events ("has repeatedly accused"); and event nouns dated only by the report ("Israel's
    continued bombardment"), which carry no tense of their own."""
    e = c.event
    if e is None or e.date is None:
        return False
    if text[e.sentence_start : e.sentence_end].rstrip(" \n\"'”’)").endswith("?"):
        return False
    heads = {c.anchor, c.trigger}
    v = c.anchor
    while v.dep_ == "conj" and v.head.i != v.i:  # "has repeatedly condemned ... and called for"
        v = v.head
        heads.add(v)
    if any(k.dep_ in ("advmod", "npadvmod") and k.lower_ in _HABITUAL for v in heads for k in v.children):
        return False
    if c.anchor.pos_ in ("NOUN", "PROPN") and e.date_source == "report":
        return False
    if e.modality == "negated" and not any(k.dep_ == "neg" or k.lower_ in ("never", "no") for k in c.anchor.children):
        return False  # "has not admitted attacking": unconfirmed, not undone
    if e.type == "CONSULT" and (any(m.kind == "media" for m in c.actors + c.recipients) or _heads_in(c, _AUDIENCE | _KIN)
                                or any(k.dep_ == "prep" and any(g.lower_ in ("this", "that", "it") for g in k.children)
                                       for k in c.anchor.children)):
        return False  # an interview ("spoke to reporters"), a family visit, "spoke to that": no consultation
    if e.type == "COOPERATE" and c.anchor.dep_ == "relcl" and c.anchor.tag_ in ("VBZ", "VBP"):
        return False  # "Dr X, who works with MSF": a job, not an act
    if any(k.dep_ in ("dobj", "dative", "iobj") and k.lower_ in ("me", "us", "you") for k in c.anchor.children) or any(
            p.split()[0].lower() in ("our", "my", "your") for p in c.recipient_phrases if p):
        return False  # "a colleague has asked me", "I told you": the speaker's exchange, not an event
    if c.actors or c.collective_agent:
        return True
    return (e.type, e.mode) in _AGENTLESS and e.date_source in ("text", "anchor") and bool(
        c.recipients or any(_named(p) for p in c.recipient_phrases))


_NOT_NAMES = frozenset("i me my you your we us our they them their he him his she her it its one this that these "
                      "those who whom which what everyone everybody someone somebody anyone all".split())


def _courtesy(t: Token, kids: list[Token]) -> bool:
    """Formulas of speech, not events: "thank you (all)", "welcome, everyone", "I'm asking you"."""
    if t.lemma_.lower() == "thank" and any(k.dep_ == "dobj" and k.lower_ in ("you", "y'all") for k in kids):
        return True  # "Thank you, Karine", "I want to thank you for coming"
    if t.lemma_.lower() in ("thank", "welcome", "ask") and not any(k.dep_ in ("nsubj", "nsubjpass") and
                                                                   k.lower_ not in ("i", "we") for k in kids):
        objs = [k for k in kids if k.dep_ in ("dobj", "npadvmod", "appos")]
        return bool(objs) and all(o.lower_ in ("you", "everyone", "everybody", "all", "guys", "folks") for o in objs)
    return False


def _named(phrase: str) -> bool:
    return any(w.lower() not in _NOT_NAMES for w in phrase.split())


def code_document(doc: Doc, doc_id: str, doc_date: str | None, sentences, timexes,
                  actors: list[ActorMention] | None = None, lexicon: Lexicon | None = None) -> list[Coded]:
    """Like `extract_events`, keeping the coder's view of each event (`Coded.event` is the record)."""
    lx = lexicon or load_lexicon()
    ctx = _Coder(doc, doc_id, doc_date, sentences or [], timexes or [], actors or [], lx)
    out: list[Coded] = []
    for sent in doc.sents:
        out.extend(ctx.sentence(sent))
    return out


def main_event(coded: list[Coded]) -> Coded | None:
    """The sentence's main event: verbs (and adjectives) before nouns, then the one nearest the root
    (reporting verbs are transparent), then the first."""
    if not coded:
        return None
    return min(coded, key=lambda c: (c.anchor.pos_ in ("NOUN", "PROPN"), c.depth, c.trigger.i))


def fallback_type(tokens, lexicon: Lexicon | None = None) -> tuple[str, str | None] | None:
    """The strongest lexical cue when no event is coded: the default of the lexicon word nearest the
    root (any part of speech), else None."""
    lx = lexicon or load_lexicon()
    best = None
    for t in tokens:
        low, lem = t.lower_, t.lemma_.lower()
        code = None
        for key in (lem, lx.forms.get(low), low):
            if key and key in lx.verbs and lx.verbs[key].default and lx.verbs[key].default[0] != "FRAME":
                code = lx.verbs[key].default
                break
            if key and lx.nouns.get(key):
                code = lx.nouns[key]
                break
        if code:
            depth = len(list(t.ancestors))
            if best is None or depth < best[0]:
                best = (depth, code)
    return best[1] if best else None


# --- the coder --------------------------------------------------------------------------------------

class _Coder:
    def __init__(self, doc, doc_id, doc_date, sentences, timexes, actors, lx: Lexicon):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call
        self.doc_id = doc_id
        self.doc_date = doc_date if doc_date and len(doc_date) >= 10 else None
        self.doc_date = self.doc_date[:10] if self.doc_date else None
        self.lx = lx
        self.sent_starts = [s.start for s in sentences]
        self.sentences = sentences
        self.timexes = [t for t in timexes if t.type == "DATE" and t.first_day]
        self.tx_starts = [t.start for t in self.timexes]
        self.spans = [t for t in timexes if (t.type == "DURATION" and t.value.startswith("P") and not t.value.startswith("PT"))
                      or t.value in ("PAST_REF", "FUTURE_REF")]  # "in the past week", "in recent years"
        # token -> actor mention covering it
        self.mention_at: dict[int, ActorMention] = {}
        starts = [t.idx for t in doc]
        for m in actors:
            i = bisect.bisect_left(starts, m.start)
            while i < len(doc) and doc[i].idx < m.end:
                self.mention_at.setdefault(i, m)
                i += 1
        self.mentions = sorted(actors, key=lambda m: m.start)
        self.themes: set[int] = set()
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        # tokens that are dates or times, never participants
        self.temporal = {t.i for t in doc if t.ent_type_ in ("DATE", "TIME")}

    # --- words -----------------------------------------------------------------------------------
    def lemma(self, t: Token) -> str:
        lem = t.lemma_.lower()
        if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.text[:1].isupper() and lem not in self.lx.verbs:
            return self.lx.forms.get(t.lower_, lem)
        return lem

    def is_verbal(self, t: Token) -> bool:
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            if t.dep_ in ("amod", "compound"):  # "visiting groups" is no visit, "Released hostage children" no release
                return t.i > self.cur_start and t.text[:1].isupper() and t.i + 1 < self.cur_end and self.doc[t.i + 1].text[:1].isupper()
            return True
        # headline verbs tagged as proper nouns: "Biden Backs Israel's Hospital Raid"
        return (t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.lower_ in self.lx.forms
                and t.lower_ not in self.lx.nouns and t.lemma_.lower() not in self.lx.nouns and not t.ent_type_
                and t.dep_ in ("ROOT", "compound", "nsubj") and t.i > self.cur_start
                and self.doc[t.i - 1].text[:1].isupper() and t.i + 1 < self.cur_end and self.doc[t.i + 1].text[:1].isupper())

    def keys(self, t: Token) -> list[str]:
        lem = "ceasefire" if _cease_fire(t) else t.lemma_.lower()
        out = [lem, t.lower_]
        out.extend(self.lx.group_of.get(lem, ()))
        if t.lower_ != lem:
            out.extend(self.lx.group_of.get(t.lower_, ()))
        if t.like_num or t.text in ("$", "£", "€"):
            out.append("money")
        return out

    def lookup(self, table: dict, t: Token):
        """A token's entry in a pattern table: by a compound naming the kind ("rescue teams", "evacuation
        orders"), then by lemma, form and group. (found, value)."""
        for c in t.children:
            if c.dep_ == "compound":
                for k in self.keys(c):
                    if k in table and table[k] is not None:
                        return True, table[k]
        for k in self.keys(t):
            if k in table:
                return True, table[k]
        for c in t.children:  # an adjective naming the thing: "humanitarian assistance"
            if c.dep_ == "amod":
                for k in self.keys(c):
                    if k in table and table[k] is not None:
                        return True, table[k]
        return False, None

    # --- triggers --------------------------------------------------------------------------------
    def verb_code(self, t: Token) -> tuple | None:
        """(type, mode) for a verb from its entry and patterns; ('FRAME', name) for frames; None."""
        lem = self.lemma(t)
        e = self.lx.verbs.get(lem)
        if e is None:
            return None
        if lem in ("fire", "launch") and t.i >= 2 and self.doc[t.i - 1].text == "-" and self.doc[t.i - 2].lower_ == "test":
            return ("MOBILIZE", "weapons")  # "test-fired a missile": a show of force, not an attack
        kids = list(t.children)
        if _courtesy(t, kids):
            return None
        # prepositions, also those hanging from a particle ("pulled out of the talks")
        preps = [c for c in kids if c.dep_ in ("prep", "agent", "dative")
                 and not any(g.dep_ == "pobj" and g.i in self.temporal for g in c.children)]  # not "called ... on Wednesday"
        preps += [m for c in kids if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
        preps += [g for c in kids if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "back", "away", "off")
                  for g in c.children if g.dep_ == "prep"]
        for c in preps:  # specific: a preposition with its object
            v = e.preps.get(c.lower_)
            if isinstance(v, dict):
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    found, val = self.lookup(v, pobj)
                    if found:
                        return val
        if lem in ("hand", "give", "turn") and any(c.dep_ in ("dobj", "dative") and c.lower_ in _REFLEXIVE for c in kids) \
                and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("over", "up", "in") for c in kids):
            return ("RETREAT", "disarm")  # "fighters handing themselves over": a surrender, no release
        for c in kids:
            if (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == t.i + 1)) and c.lower_ in e.particles:
                return e.particles[c.lower_]
        for c in preps:
            v = e.preps.get(c.lower_, "-")
            if v != "-" and not isinstance(v, dict):
                if e.objects and any(o.dep_ == "dobj" and self.lookup(e.objects, o)[0] for o in kids):
                    break  # "fired rockets at the crossing": the object tells the weapon, not "at"
                return v
        if e.reciprocal:
            for c in kids:
                if c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children):
                    return e.reciprocal
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
        objs = [c for c in kids if c.dep_ in _OBJ or (passive and c.dep_ == "nsubjpass")]
        if not objs:  # "approved and delivered arms": coordinated verbs share their object
            for c in kids:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    objs += [g for g in c.children if g.dep_ in _OBJ]
            if t.dep_ == "conj":
                objs += [g for g in t.head.children if g.dep_ in _OBJ]
        if t.dep_ in ("acl", "relcl") and (t.tag_ == "VBN" or passive):
            objs.append(t.head)  # "hostages released by Hamas": the modified noun is the object
        comps = [c for c in kids if c.dep_ in ("oprd", "xcomp", "npadvmod", "advmod", "acomp", "dobj", "attr", "prep")]
        if e.complements:
            for c in comps:
                found, val = self.lookup(e.complements, c)
                if found:
                    return val
                if c.dep_ == "prep":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        found, val = self.lookup(e.complements, pobj)
                        if found:
                            return val
        if e.objects:
            for o in objs:
                if o.lemma_.lower() in self.lx.quantity_nouns or o.like_num:  # "dozens of drones"
                    o = next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                              if g.dep_ == "pobj"), o)
                found, val = self.lookup(e.objects, o)
                if found:
                    if val is not None and val[1] is None and o.pos_ in ("NOUN", "PROPN"):
                        own = self.noun_code(o)  # "resumed its bombing campaign": the noun's mode
                        if own is not None and own[0] == val[0] and own[1]:
                            val = own
                    return val
            # the object of a preposition: "cut ties with", "send troops to"
            for c in kids:
                if c.dep_ == "prep" and not objs:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and c.lower_ in ("of", "from", "on", "to", "for"):
                        found, val = self.lookup(e.objects, pobj)
                        if found and val is not None:
                            return val
        if e.subjects:
            for s in kids:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    found, val = self.lookup(e.subjects, s)
                    if found:
                        if set(self.keys(s)) & self.lx.theme_words:
                            self.themes.add(t.i)  # "aid trucks entered": the subject is what moves, not an agent
                        return val
        if e.frame:
            return ("FRAME", e.frame)
        return e.default

    def noun_code(self, t: Token) -> tuple | None:
        lem = "ceasefire" if _cease_fire(t) else t.lemma_.lower()
        low = t.lower_
        if lem in ("call", "calls", "appeal", "demand", "plea", "push", "pressure", "rejection"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        kind = "REJECT" if lem == "rejection" else "REQUEST"
                        return (kind, self.request_mode(self.code_any(pobj), pobj))
        for c in t.children:
            if c.dep_ in ("compound", "amod"):
                key = f"{c.lower_} {lem}"
                if key in self.lx.nouns:
                    return self.lx.nouns[key]
                mods = self.lx.noun_modifiers.get(lem)
                if mods and c.lemma_.lower() in mods:
                    return mods[c.lemma_.lower()]
        for key in (lem, low):
            if key in self.lx.nouns:
                return self.lx.nouns[key]
        return None

    # --- one sentence ------------------------------------------------------------------------------
    def sentence(self, sent: Span) -> list[Coded]:
        self.cur = sent  # Token.sent walks the whole document: keep the span at hand
        lo = bisect.bisect_left(self.ent_starts, sent.start)
        hi = bisect.bisect_left(self.ent_starts, sent.end)
        self.places = [e for e in self.ents[lo:hi] if e.label_ in ("GPE", "LOC", "FAC")]
        self.toks = list(sent)
        self.cur_text = self.text[sent.start_char : sent.end_char]
        self.cur_low = self.cur_text.lower()
        self.cur_lemmas = {t.lemma_.lower() for t in self.toks}
        self.cur_start, self.cur_end = sent.start, sent.end
        self.dated: dict[int, tuple] = {}  # the dates of this sentence's events so far, by anchor token
        consumed: set[int] = set()
        found: dict[int, Coded] = {}
        frames: list[tuple[Token, str]] = []
        # verbs first
        for t in self.toks:
            if not self.is_verbal(t):
                continue
            code = self.verb_code(t)
            if code is None:
                if self.lemma(t) in self.lx.light_verbs:
                    self.light(t, found, consumed)
                continue
            if code[0] == "FRAME":
                frames.append((t, code[1]))
                continue
            found[t.i] = Coded(code[0], code[1], t, t)
            # a light-verb reading can refine: "resume talks" is coded by the verb itself
        for t, name in frames:
            c = self.frame(t, name, found, consumed)
            if c is not None:
                found[t.i] = c
        # evaluative predicates: "siege conditions unacceptable, says Lammy"
        for t in self.toks:
            postposed = t.dep_ == "amod" and t.head.i < t.i and t.head.dep_ in ("nsubj", "ROOT") and \
                self.lemma(t.head.head) in self.lx.reporting_verbs
            if t.pos_ == "ADJ" and (t.dep_ in ("ROOT", "acomp", "ccomp", "conj", "xcomp") or postposed) and t.lemma_.lower() in self.lx.adjectives:
                code = self.lx.adjectives[t.lemma_.lower()]
                if code:
                    found[t.i] = Coded(code[0], code[1], t, t)
        # nouns
        for t in self.toks:
            if t.i in found or t.i in consumed or t.pos_ not in ("NOUN", "PROPN"):
                continue
            code = self.noun_code(t)
            if code is None or not self.noun_is_event(t):
                continue
            found[t.i] = Coded(code[0], code[1], t, t)
        out = []
        for i in sorted(found):
            c = found[i]
            if c.anchor.i in consumed and not c.frame and not c.planned_by_frame:
                continue
            self.participants(c)
            self.modality(c)
            self.adjust(c)
            c.depth = self.depth(c.anchor)
            out.append(c)
            c.event = self.record(c, sent)
        return out

    def depth(self, t: Token) -> int:
        d = 0
        while t.head.i != t.i:
            t = t.head
            if not (t.pos_ in ("VERB", "AUX") and self.lemma(t) in self.lx.reporting_verbs):
                d += 1
        return d

    def light(self, v: Token, found: dict, consumed: set) -> None:
        """'launched strikes on Gaza', 'held talks', 'issued evacuation orders': the noun's event."""
        passive = any(c.dep_ == "auxpass" for c in v.children)
        objs = [c for c in v.children if c.dep_ in ("dobj", "attr") or (passive and c.dep_ == "nsubjpass")]
        if not objs and v.pos_ not in ("VERB", "AUX"):  # a headline verb: the nouns right after it
            objs = [t for t in self.doc[v.i + 1 : min(self.cur_end, v.i + 4)] if t.pos_ in ("NOUN", "PROPN")]
        for o in objs:
            if o.lemma_.lower() in self.lx.quantity_nouns:  # "another round of evacuation orders"
                o = next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), o)
            code = self.noun_code(o)
            if code is None:
                continue
            if self.lemma(v) == "have" and "talks" not in self.lx.group_of.get(o.lemma_.lower(), ()):
                continue  # "had talks", not "has rockets at its disposal"
            found[v.i] = Coded(code[0], code[1], o, v)
            consumed.add(o.i)
            return

    def noun_is_event(self, t: Token) -> bool:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.dep_ == "appos" and t.head.head.pos_ == "NOUN":
            return False  # "Qatar's prime minister - a mediator in talks between Israel and Hamas - said": who he is
        if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and self.lemma(t.head) in self.lx.reporting_verbs \
                and not any(k.dep_ == "auxpass" for k in t.head.children):
            return False  # talks do not speak: the parser made the appositive's noun ("a mediator in talks - said") the subject
        ambiguous = t.lemma_.lower() in self.lx.ambiguous_nouns  # "deliveries" of babies, a press "release"
        if not ambiguous and t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
            return True
        if not ambiguous and (t.dep_ == "ROOT" or t.head.i == t.i):
            return True
        if ambiguous:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    if any(g.dep_ == "pobj" and ("captives" in self.lx.group_of.get(g.lemma_.lower(), ()) or
                                                 "aid" in self.lx.group_of.get(g.lemma_.lower(), ())) for g in c.children):
                        return True
        if t.dep_ in ("dobj", "pobj", "conj", "appos", "attr", "npadvmod") and t.head.pos_ == "VERB" \
                and self.lemma(t.head) in self.lx.light_verbs:
            return True
        for c in t.children:
            if c.dep_ == "poss" and (c.i in self.mention_at or c.pos_ == "PROPN"):
                return True
            if c.dep_ in ("amod", "compound") and c.i in self.mention_at:
                return True
            if c.dep_ == "prep" and c.lower_ in ("by", "on", "against", "between", "with"):
                return True
        if self.timex_under(t, t, direct=True):
            return True
        return False

    # --- frames ----------------------------------------------------------------------------------
    def complement(self, t: Token) -> tuple[Token | None, tuple | None]:
        """The complement of a frame verb and its own code: xcomp/ccomp verb, or object noun."""
        cands = []
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                cands.append(c)
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr"):
                cands.append(c)
                cands.extend(g for g in c.children if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and g.tag_ == "VB")
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "of", "against", "with"):
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        cands.append(g)
        for c in t.children:  # "calls for pause to become an end": 'for' marks a clause
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("for", "to") for m in c.children):
                cands.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
                cands.append(c)
        for c in t.children:
            if c.dep_ == "dobj":  # "urged Israel to allow aid": the object's own xcomp
                for g in c.children:
                    if g.dep_ in ("xcomp", "acl") and g.pos_ == "VERB":
                        cands.append(g)
        for c in list(cands):  # "vowed to press on with the offensive", "to keep up the pressure": what goes on
            if c.pos_ == "VERB" and self.lemma(c) in _GO_ON and self.code_any(c) is None:
                cands.extend(g for g in c.children if g.dep_ == "dobj")
                cands.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "on")
                             for g in p.children if g.dep_ == "pobj")
        deal = None
        for c in cands:
            code = self.code_any(c)
            if code is not None and code[0] != "FRAME" and not (code[0] == "AGREE" and c.pos_ in ("NOUN", "PROPN")):
                return c, code
            # a deal's content: "deal for the release", "agreement to free 50 hostages"
            if c.pos_ in ("NOUN", "PROPN"):
                for g in c.subtree:
                    if g.i != c.i and g.dep_ in ("pobj", "xcomp", "acl", "relcl", "dobj", "conj", "compound"):
                        gc = self.code_any(g)
                        if gc is not None and gc[0] in _CONCESSION_TYPES:
                            return g, gc
            if code is not None and code[0] != "FRAME" and deal is None:
                deal = (c, code)
        if deal is not None:
            return deal
        return (cands[0] if cands else None), None

    def code_any(self, t: Token) -> tuple | None:
        if self.is_verbal(t):
            code = self.verb_code(t)
            if code is None and self.lemma(t) in self.lx.light_verbs:
                for o in t.children:
                    if o.dep_ in ("dobj", "attr"):
                        code = self.noun_code(o)
                        if code:
                            return code
            return code
        if t.pos_ in ("NOUN", "PROPN"):
            return self.noun_code(t)
        return None

    def frame(self, t: Token, name: str, found: dict, consumed: set) -> Coded | None:
        comp, code = self.complement(t)
        lem = self.lemma(t)
        keep_complement = False
        if comp is not None:
            for g in comp.subtree:
                if g.i in found or self.noun_code(g):
                    consumed.add(g.i)
            consumed.add(comp.i)
        if name == "agree":
            x = next((k for k in t.children if k.dep_ == "xcomp"), None)
            xe = self.lx.verbs.get(self.lemma(x)) if x is not None else None
            if xe is not None and xe.frame == "reject":  # "vowed to reject any sanctions": a refusal announced
                consumed.add(x.i)
                return Coded("REJECT", None, t, t, frame=True)
            # "agreed that Hamas should release": a demand on the complement's subject
            if comp is not None and comp.dep_ == "ccomp" and any(a.lower_ in ("should", "must") for a in comp.children):
                return Coded("REQUEST", self.request_mode(code), t, t, frame=True, complement=comp)
            if code is None:
                return Coded(self.lx.verbs[lem].default[0] if self.lx.verbs.get(lem) and self.lx.verbs[lem].default else "AGREE",
                             None, t, t, frame=True)
            kind, mode = code
            if kind in _CONCESSION_TYPES:
                c = Coded("CONCEDE", _RETREAT_TO_CONCEDE.get(mode, mode) if kind == "RETREAT" else mode, t, t, frame=True)
                keep_complement = comp is not None and self.is_verbal(comp) or (comp is not None and comp.lemma_.lower() in ("release", "exchange", "swap", "handover", "withdrawal"))
            elif kind in ("ASSAULT", "COERCE", "THREATEN", "SANCTION") and lem in ("vow", "pledge", "promise", "commit"):
                c = Coded("THREATEN", _THREAT_MODE.get((kind, mode), "violence"), t, t, frame=True)
            elif kind == "SUPPORT" and lem in ("accept",):
                c = Coded("AGREE", None, t, t, frame=True)
            elif kind == "REJECT":
                c = Coded("REJECT", mode, t, t, frame=True)  # "vowed to reject any sanctions"
            else:
                c = Coded("AGREE", None, t, t, frame=True)
                keep_complement = kind in ("CONSULT", "AID", "COOPERATE", "RETREAT") and self.is_verbal(comp)
            if keep_complement and comp is not None:
                sub = Coded(kind, mode, comp, comp, planned_by_frame=True)
                sub.modality = "planned"
                found[comp.i] = sub
            return c
        if name == "request":
            if t.tag_ == "VBN" and not any(k.dep_ in ("aux", "auxpass") for k in t.children) and lem == "ask":
                return None  # "Asked about the troops, Kirby says ...": an interview question
            if comp is not None and any(k.lower_ in _WH for k in comp.subtree if k.i < comp.i or k.dep_ == "mark"):
                return None  # "asked if the U.S. will send a delegation", "asks why ...": a question, not a demand
            if lem in ("press", "push", "ask") and (comp is None or (comp.pos_ in ("NOUN", "PROPN") and comp.dep_ == "dobj"
                                                                  and not any(k.dep_ == "prep" and k.lower_ == "for" for k in t.children)
                                                                  and comp.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"))):
                return None  # "didn't press a button": no one is asked to do anything
            if lem == "ask" and any(g.lower_ in _WH and g.head.dep_ in ("ccomp", "xcomp", "advcl", "pcomp")
                                    and g.dep_ in ("advmod", "mark", "nsubj", "dobj", "attr") for g in t.subtree):
                return None  # "asks the prime minister why the UK isn't ...": a question
            asked = next((g for p in t.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                          if g.dep_ == "pobj"), comp)  # "appealed for help to restart care": help is what is asked
            return Coded("REQUEST", self.request_mode(code, asked), t, t, frame=True, complement=comp)
        if name == "reject":
            if comp is not None and comp.lemma_.lower() in _NO_COMMENT:
                return None  # "declined to comment" refuses nothing
            return Coded("REJECT", self.request_mode(code) if code else None, t, t, frame=True)
        if name == "threaten":
            if t.dep_ == "relcl" and not any(k.dep_ in ("xcomp", "ccomp") for k in t.children):
                return None  # "a squad that threatened the troops": posed a danger, made no threat
            return Coded("THREATEN", self.threat_mode(code), t, t, frame=True)
        if name == "warn":
            clause = next((c for c in t.children if c.dep_ in ("ccomp", "xcomp", "advcl")), None)
            against = any(c.dep_ == "prep" and c.lower_ == "against" and not any(
                g.lemma_.lower() in ("danger", "risk", "threat", "consequence", "peril") for g in c.children) for c in t.children)
            if clause is None:  # "warned of a dire situation" is no threat; "warned of retaliation" is
                if against or (code and code[0] in ("ASSAULT", "COERCE", "SANCTION", "THREATEN")):
                    return Coded("THREATEN", self.threat_mode(code), t, t, frame=True)
                return None
            irrealis = any(g.lower_ in _MODALS_FUT | _MODALS_HYPO | {"if", "unless", "going"} for g in clause.subtree)
            coercive = bool(code and code[0] in ("ASSAULT", "COERCE", "SANCTION"))
            if against or coercive:
                return Coded("THREATEN", self.threat_mode(code) or ("violence" if irrealis else None), t, t, frame=True)
            if irrealis and self.own_clause(t, clause):  # "Israel warned that it would strike back"
                return Coded("THREATEN", self.threat_mode(code) or "violence", t, t, frame=True)
            if irrealis:
                return None  # "the world may be facing the most dangerous time": a forecast, no threat
            if clause.dep_ in ("xcomp", "ccomp") and any(k.dep_ == "aux" and k.lower_ == "to" for k in clause.children) and not any(
                    k.dep_ == "mark" and k.lower_ == "that" for k in clause.children) or (
                    clause.dep_ == "ccomp" and clause.tag_ == "VB" and not any(k.dep_ in ("nsubj", "nsubjpass") for k in clause.children)):
                return Coded("REQUEST", "change", t, t, frame=True, complement=clause)  # "warned members not to escalate"
            inner = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            told = any(k.dep_ in ("dobj", "dative") and self.mention_for(k, False) is not None for k in t.children)
            if told or (inner is not None and self.mention_for(inner, True) is not None):
                return Coded("ACCUSE", "disapprove", t, t, frame=True)  # "warned that the West risks being complicit"
            return None  # "warned that the population faces famine": a statement of fact
        return None

    def own_clause(self, v: Token, clause: Token) -> bool:
        """Whether the warner is the subject of its warning ("Israel warned that it would...")."""
        subj = next((k for k in v.children if k.dep_ == "nsubj"), None)
        inner = next((k for k in clause.subtree if k.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or inner is None:
            return inner is None
        if inner.lower_ in ("it", "they", "we", "he", "she", "i"):
            return True
        a, b = self.mention_for(subj, True), self.mention_for(inner, True)
        return a is not None and b is not None and a.actor == b.actor

    @staticmethod
    def request_mode(code, what: Token | None = None) -> str | None:
        if code is None:
            # "appealed for international help": assistance asked for, though "help" codes no event itself
            return "assist" if what is not None and what.lemma_.lower() in _HELP else "change"
        kind, mode = code
        if kind == "AGREE":
            return None  # a proposal or a deal: none of the modes
        if kind in ("RETREAT", "CONCEDE") or (kind == "SANCTION" and mode is None):
            return "yield"
        if kind == "CONSULT":
            return "meet"
        if kind in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        return "change"

    @staticmethod
    def threat_mode(code) -> str | None:
        if code is None:
            return None
        kind, mode = code
        if (kind, mode) in _THREAT_MODE:
            return _THREAT_MODE[(kind, mode)]
        if kind == "ASSAULT":
            return "violence"
        if kind in ("SANCTION", "REJECT") or (kind == "RETREAT" and mode == "withdraw"):
            return "relations"
        if kind == "COERCE":
            return "restrict"
        return None

    # --- participants ----------------------------------------------------------------------------
    def participants(self, c: Coded) -> None:
        a = c.anchor
        agents, patients = [], []
        if a.pos_ == "ADJ":
            subj = [k for k in a.children if k.dep_ in ("nsubj", "nsubjpass")] or \
                   [k for k in a.head.children if k.dep_ in ("nsubj", "nsubjpass") and a.dep_ == "acomp"] or \
                   ([a.head] if a.dep_ == "amod" else [])
            patients = [p for s in subj for p in self.expand(s)]
            claimant = self.claimant(a)
            c.actors = [claimant] if claimant is not None else []
            c.actor_phrases = []
            c.recipients, c.recipient_phrases = self.to_mentions(patients)
            return
        if (a.pos_ in ("NOUN", "PROPN") and c.trigger.i == a.i and self.is_verbal(a)) or (
                a.dep_ == "compound" and a.pos_ in ("VERB", "AUX")):
            # a headline verb the tagger took for a name: "Arab Envoys Reject Blinken's Call"
            before = [m for m in self.mentions if m.end <= a.idx and a.idx - m.end <= 2 and m.start >= self.cur.start_char]
            after = [m for m in self.mentions if m.start >= a.idx + len(a.text) and m.start - a.idx - len(a.text) <= 2 and m.end <= self.cur.end_char]
            c.actors, c.recipients = before[-1:], after[:1]
            if not before:
                j = a.i - 1
                while j >= self.cur_start and self.doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
                    j -= 1
                if j + 1 < a.i:
                    c.actor_phrases = [self.doc[j + 1 : a.i].text]
            return
        if a.pos_ in ("NOUN", "PROPN") and c.trigger.i == a.i:
            agents, patients = self.noun_roles(a)
        else:
            agents = [] if a.i in self.themes else self.agents(a)
            patients = self.patients(a, c)
            if not agents:  # "Fighting between Israel and Hamas was suspended"
                for k in a.children:
                    if k.dep_ in ("nsubj", "nsubjpass"):
                        for p in k.children:
                            if p.dep_ == "prep" and p.lower_ == "between":
                                agents = [x for g in p.children if g.dep_ == "pobj" for x in self.expand(g)]
            if c.trigger.i != a.i:  # light verb: the noun's own participants too
                # the event noun is no participant ("launched a series of attacks on Israel from Gaza")
                patients = [h for h in patients if not _is_under(c.trigger, h)]
                na, np = self.noun_roles(c.trigger)
                agents = agents or na
                patients = patients or np
        # reciprocal: consultations and two-sided violence with one side named as recipient of "with"
        if c.type == "CONSULT" and c.mode is None and not patients and len(agents) < 2:
            pass
        if c.type == "CONSULT":  # "Qatar hosted talks between Israel and Hamas": the parties are the actors
            talks = [c.trigger] + [k for k in c.anchor.children if k.dep_ in ("dobj", "nsubjpass", "nsubj")]
            between = [x for n in talks for p in n.children if p.dep_ == "prep" and p.lower_ == "between"
                       for g in p.children if g.dep_ == "pobj" for x in self.expand(g)]
            if between:
                hosts = [h for h in agents if h.i not in {b.i for b in between} and h.i not in self.temporal
                         and not h.like_num]  # not "tomorrow's meeting between ..."
                agents, patients = between, hosts + [p for p in patients if p.i not in {b.i for b in between}]
                if hosts and c.mode in (None, "visit"):
                    c.mode = "third-party"
        agents = [h for h in agents if h.i not in self.temporal and not h.like_num]
        patients = [h for h in patients if h.i not in self.temporal and not h.like_num and h.i not in self.themes]
        if c.type == "REQUEST":  # who is asked, not who is named inside what is asked for:
            # "demanded the release of Palestinian prisoners", "called for aid access to Gaza"
            patients = [h for h in patients if h.i in self.mention_at or h.pos_ in ("PRON", "PROPN") or self.actor_like(h)]
        c.actors, c.actor_phrases = self.to_mentions(agents, agent=True)
        c.collective_agent = any(self.mention_for(h, True) is None and (
            h.lemma_.lower() in _COLLECTIVES or (h.ent_type_ == "ORG" and h.pos_ == "PROPN")) for h in agents)
        c.recipients, c.recipient_phrases = self.to_mentions(patients)
        c.recipient_phrases = [p for p, h in zip(c.recipient_phrases, [h for h in patients if self.mention_for(h) is None
                                                                        and h.pos_ in ("NOUN", "PROPN")]) if self.actor_like(h)]
        ids = {m.actor for m in c.actors}
        c.recipients = [m for m in c.recipients if m.actor not in ids]
        # demands voiced by demonstrators are protests (PLOVER: DEMAND, ambiguities)
        if c.type in ("REQUEST", "ACCUSE", "REJECT") and any(
                g.lemma_.lower() in self.lx.protesters for h in agents for g in h.subtree if not self.nested(g, h)):
            c.type, c.mode = "PROTEST", "demo"

    def agents(self, v: Token) -> list[Token]:
        if _small_passive(v):
            return []  # "the deal will see 50 citizens released": the citizens are released
        t = v
        for _ in range(6):
            kids = list(t.children)
            subj = [k for k in kids if k.dep_ in ("nsubj", "csubj") and k.dep_ != "expl"]
            by = [g for k in kids if k.dep_ == "agent" for g in k.children if g.dep_ == "pobj"]
            if by:
                return self.expand(by[0])
            if len(subj) == 2 and any(k.dep_ == "cc" for k in min(subj, key=lambda k: k.i).children):
                return [h for k in sorted(subj, key=lambda k: k.i) for h in self.expand(k)]  # "A and B called": A's "and" left unlinked
            if subj:
                s = min(subj, key=lambda k: abs(t.i - k.i))  # two subjects is a misparse: "DEIR AL-BALAH, Gaza Strip: Netanyahu pushed"
                if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                    return self.expand(t.head)
                return self.expand(s)
            if any(k.dep_ == "nsubjpass" for k in kids):
                return []
            if t.dep_ in ("conj", "xcomp", "advcl", "acl") and t.head.i != t.i:
                if t.dep_ == "acl":
                    return []
                if t.dep_ == "xcomp" and any(k.dep_ == "dobj" for k in t.head.children) and self.lemma(t.head) in (
                        "urge", "ask", "press", "push", "call", "force", "order", "tell", "allow", "help"):
                    return self.expand(next(k for k in t.head.children if k.dep_ == "dobj"))
                t = t.head
                continue
            break
        return []

    def patients(self, v: Token, c: Coded) -> list[Token]:
        kids = list(v.children)
        out: list[Token] = []
        if _small_passive(v):
            out.extend(self.expand(next(k for k in kids if k.dep_ == "nsubj")))
        for k in kids:
            if k.dep_ in ("dobj", "dative", "iobj", "nsubjpass") and not (c.frame and c.type in ("REJECT",) and k.dep_ == "dobj"):
                out.extend(self.expand(k))
        if v.dep_ in ("acl", "relcl") and (v.tag_ == "VBN" or any(k.dep_ == "auxpass" for k in kids)) and v.head.pos_ in ("NOUN", "PROPN") \
                and not any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in ("who", "which", "that") for k in kids):
            out.extend(self.expand(v.head))
        if c.frame and c.type == "REJECT":  # "rejected Blinken's call": the call's author
            for k in kids:
                if k.dep_ == "dobj":
                    for p in k.children:
                        if p.dep_ == "poss":
                            out.extend(self.expand(p))
        preps = _RECIPIENT_PREPS.get(c.type, ("to",))
        for k in kids:
            if k.dep_ in ("prep", "dative") and k.lower_ in preps:
                for g in k.children:
                    if g.dep_ == "pobj":
                        out.extend(self.expand(g))
        if c.type == "CONSULT" and c.frame is False:
            for k in kids:
                if k.dep_ == "prep" and k.lower_ == "between":
                    for g in k.children:
                        if g.dep_ == "pobj":
                            out.extend(self.expand(g))
        if c.type == "REQUEST" and c.frame:
            comp = c.complement
            if comp is not None and comp.dep_ == "ccomp":
                for k in comp.children:
                    if k.dep_ in ("nsubj", "nsubjpass"):
                        out.extend(self.expand(k))
        return out

    def noun_roles(self, n: Token) -> tuple[list[Token], list[Token]]:
        agents, patients = [], []
        for c in n.children:
            if c.dep_ in ("amod", "compound") and _pro_or_anti(c):
                continue  # "a pro-Palestinian demonstration" is no act of the Palestinian state
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i in self.mention_at):
                agents.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "between":
                agents.extend(self.expand(g) for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "to", "of", "for"):
                patients.extend(g for g in c.children if g.dep_ == "pobj")
        flat = []
        for a in agents:
            flat.extend(a if isinstance(a, list) else self.expand(a))
        # a light verb's subject or a noun subject's verb: "Israel launched strikes"
        if not flat and n.dep_ in ("dobj", "attr") and n.head.pos_ == "VERB" and (
                n.dep_ == "attr" or self.lemma(n.head) in self.lx.light_verbs):
            flat = self.agents(n.head)  # not "the envoy condemned the attacks": who condemns did not attack
        return flat, [p for q in patients for p in self.expand(q)]

    def expand(self, t: Token) -> list[Token]:
        """A head and the heads coordinated with it ('Israel and Hamas')."""
        out = [t]
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ == "PROPN" and t.pos_ == "NOUN" and c.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "students in Leeds, Newcastle and Bristol" parsed as students + Newcastle + Bristol
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.extend(self.expand(c))
            elif c.dep_ == "appos" and _listed(c):  # "A, B and C" parsed as A + appos(B, conj C)
                out.extend(self.expand(c))
        return out

    def to_mentions(self, heads: list[Token], agent: bool = False) -> tuple[list[ActorMention], list[str]]:
        mentions: list[ActorMention] = []
        phrases: list[str] = []
        for h in heads:
            m = self.mention_for(h, agent)
            if m is not None:
                if all(x.actor != m.actor for x in mentions):
                    mentions.append(m)
            elif h.pos_ in ("NOUN", "PROPN"):
                phrases.append(self.phrase(h))
        return mentions, phrases

    def actor_like(self, h: Token) -> bool:
        """Whether a noun without an actor mention can be a participant: not an event, weapon, aid or
        other thing named by the lexicon ('troops', 'curfew', 'asylum' are not recipients)."""
        lem = h.lemma_.lower()
        if lem in self.lx.nouns or _cease_fire(h):
            return False
        groups = set(self.lx.group_of.get(lem, ()))
        if groups:
            return bool(groups & {"captives", "delegates", "envoys"})
        # a common noun must name people ("residents", "colleagues"); "need", "control", "his condolences",
        # "ambulances" are what the act is about, not who it is done to
        return h.pos_ != "NOUN" or lem in _PEOPLE or lem in _COLLECTIVES or lem in _KIN or lem in _AUDIENCE \
            or any(k.pos_ == "PROPN" for k in h.children if k.dep_ == "compound")

    def mention_for(self, h: Token, agent: bool = False) -> ActorMention | None:
        if h.i in self.mention_at:
            m = self.mention_at[h.i]
            if agent and m.kind == "state" and self.inside_name(m):
                return None  # "Palestine Action", "London for a Free Palestine": a group, not the state
            return m
        if h.pos_ == "PRON" or h.lower_ in _PRONOUNS:
            return self.resolve_pronoun(h) if h.lower_ in _PERSONAL else None
        if agent and "agents" in self.lx.group_of.get(h.lemma_.lower(), ()):
            own = next((k for k in h.children if k.dep_ == "poss" and k.lower_ in ("its", "their")), None)
            if own is not None and not any(t.i in self.mention_at for t in _np_tokens(h, ("relcl", "acl", "appos", "prep"))):
                m = self.resolve_pronoun(own)  # "the military said its troops detained": the military
                if m is not None and m.kind != "person":
                    return m
        if h.lemma_.lower() in self.lx.quantity_nouns or h.lemma_.lower() in _LARGE_NUMBERS:
            of = next((g for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), None)
            if of is not None:  # "thousands of Hamas fighters", "waves of Hamas fighters"
                return self.mention_for(of, agent)
        skip = ("relcl", "acl", "appos", "advcl", "conj", "cc")
        if not agent and h.lemma_.lower() in _SETTLEMENTS and any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" and g.i not in self.mention_at
                for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children):
            return None  # "strikes on the city of Khan Younis in southern Gaza": a place, not Gaza's state
        if not agent:  # a mention anywhere in the noun phrase: "Russia's decision", "a deal with Hamas"
            found = [(t, self.mention_at[t.i]) for t in _np_tokens(h, skip) if t.i in self.mention_at]
            found += [(t, self.mention_at[t.i]) for k in h.children if k.dep_ == "appos" and h.pos_ == "NOUN"
                      for t in _np_tokens(k, skip) if t.i in self.mention_at and self.mention_at[t.i].kind == "person"]
            person = next((m for _, m in found if m.kind == "person"), None)
            if person is not None and all(m.kind == "person" or (m.kind == "state" and t.dep_ in ("amod", "compound", "det"))
                                          for t, m in found):
                return person  # "the Palestinian journalist Diaa Kahlout", "its Gaza correspondent X": the person
            return found[0][1] if found else None
        # an agent: the one named before the head ("Hamas's attack killed", "Israeli special forces"),
        # or in an "of"/"from" phrase of a body ("a team from Israel's Mossad"; not "the death of X")
        body = "agents" in self.lx.group_of.get(h.lemma_.lower(), ())
        near = sorted(_np_tokens(h, skip + ("prep",)), key=lambda t: -t.i)
        if h.pos_ == "PROPN" or body:
            near += [g for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "from") for g in _np_tokens(p, skip)]
        for t in near:
            if t.i in self.mention_at:
                m = self.mention_at[t.i]
                if m.kind == "person" and t.i != h.i and h.i not in self.mention_at and h.lemma_.lower() in _AIDES \
                        and any(g.dep_ == "poss" for g in (t, t.head) if g.head.i == h.i):
                    return None  # "Biden's national security adviser urged": the adviser, not Biden
                if m.kind == "state" and t.i != h.i and t.dep_ in ("amod", "compound") and not body \
                        and h.lemma_.lower() not in self.lx.nouns:
                    return None  # "Palestinian Christians", "a Japanese company": people of a state, not the state
                if m.kind == "state" and (h.lemma_.lower() in _NON_STATE_HEADS or self.inside_name(m)):
                    return None  # "the Palestinian militant group", "Palestinian factions": not the state
                return m
        return None

    def inside_name(self, m: ActorMention) -> bool:
        """Whether a mention is part of a longer organisation or work name the tagger found."""
        i = bisect.bisect_right(self.ent_starts, self.doc.char_span(m.start, m.end, alignment_mode="expand").start) - 1
        for e in self.ents[max(0, i - 1) : i + 1]:
            if e.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT") and e.start_char <= m.start and m.end <= e.end_char \
                    and (e.end_char - e.start_char) > (m.end - m.start) + 3 and not e.text.lower().startswith("the "):
                return True
        return False

    def resolve_pronoun(self, p: Token) -> ActorMention | None:
        low = p.lower_
        if low in ("we", "i", "us", "me", "our", "my"):  # a quoted speaker: "'We have detained four,' the police said"
            t = p
            while t.head.i != t.i:
                t = t.head
                if t.pos_ in ("VERB", "AUX") and self.lemma(t) in self.lx.reporting_verbs and not _is_under(p, next(
                        (k for k in t.children if k.dep_ in ("nsubj", "nsubjpass")), t)):
                    subj = next((k for k in t.children if k.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        return self.mention_at.get(subj.i) or next((self.mention_at[g.i] for g in subj.subtree if g.i in self.mention_at), None)
            return None
        if low == "you":
            return None
        return self.antecedent(p, low in ("he", "she", "him", "her", "his"), self.cur, 0)

    def antecedent(self, p: Token, person: bool, sent: Span, hops: int) -> ActorMention | None:
        """A third-person pronoun's actor, by the subjects around it (centering): the subject of a
        verb above it ("Hamas said it had released"), else an earlier subject in its sentence, else
        the main subject of the sentence before (itself resolved if a pronoun). An antecedent that
        is no actor ("the President", "the group") blocks: no guess from farther away."""
        fits = lambda m: m is not None and (m.kind == "person") == person  # noqa: E731
        n = p.head
        if p.dep_ == "poss" and n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.pos_ == "VERB":
            obj = next((k for k in n.head.head.children if k.dep_ == "dobj" and k.i < p.i), None)
            m = self.subject_mention(obj) if obj is not None else None
            if fits(m):
                return m  # "failed to condemn Hamas for its attacks": Hamas's
        if _response_to(p):  # "Israel launched a campaign to destroy Hamas in response to its attack": not Israel's
            before = [m for m in self.mentions if sent.start_char <= m.start and m.end <= p.idx and fits(m)]
            verb = p.head.head.head.head
            subj = next((self.subject_mention(k) for k in verb.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            others = [m for m in before if subj is None or m.actor != subj.actor]
            return others[-1] if others else None
        # an object pronoun is not its own clause's subject: "Washington has called on it"
        own = p.lower_ not in ("its", "their", "his", "her") and p.dep_ not in ("nsubj", "nsubjpass")
        t = p
        while t.head.i != t.i:
            t = t.head
            if own and t.pos_ in ("VERB", "AUX"):
                own = False
                continue
            for c in t.children:
                # a passive's agent is its logical subject: "hostages taken by Hamas during its attack"
                s = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else c
                if s is not None and c.dep_ in ("nsubj", "agent") and s.i != p.i and s.i < p.i:
                    m = self.subject_mention(s)
                    if fits(m):
                        return m
        for c in reversed(self.doc[sent.start : p.i]):
            if c.dep_ in ("nsubj", "nsubjpass") and not _is_under(p, c):
                m = self.subject_mention(c)
                if fits(m):
                    return m
        if sent.start == 0 or hops >= 2:
            return None
        prev = self.doc[sent.start - 1].sent
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or (p.lower_ in _SINGULAR and any(c.dep_ == "conj" for c in subj.children)):
            return None  # "The Vice President and Minister Gantz discussed ... She urged": which one?
        m = self.subject_mention(subj)
        if fits(m):
            return m
        if m is None and subj.lower_ in _PERSONAL and (subj.lower_ in ("he", "she")) == person:
            return self.antecedent(subj, person, prev, hops + 1)
        return None

    def subject_mention(self, s: Token) -> ActorMention | None:
        m = self.mention_at.get(s.i) or next(
            (self.mention_at[g.i] for g in s.subtree if g.i in self.mention_at and not self.nested(g, s)), None)
        return None if m is not None and m.kind == "state" and self.inside_name(m) else m

    def phrase(self, h: Token) -> str:
        keep = _np_tokens(h, ("relcl", "acl", "appos", "prep", "punct", "cc", "conj"))
        if not keep:
            return h.text
        lo, hi = min(t.i for t in keep), max(t.i for t in keep)
        while lo < hi and self.doc[lo].dep_ in ("det", "nummod", "quantmod", "predet") or self.doc[lo].is_punct:
            lo += 1
            if lo > hi:
                return h.text
        return self.doc[lo : hi + 1].text

    # --- modality ---------------------------------------------------------------------------------
    def modality(self, c: Coded) -> None:
        a = c.anchor
        negated = hypothetical = planned = False
        if c.planned_by_frame:
            planned = True
        # the clause chain above the anchor, up to a reporting verb or the root
        chain = [a]
        t = a
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.head.dep_ == "dobj" and a.head.head.lemma_.lower() in _CAUSATIVES:
            t = a.head.head  # "will see 50 citizens released": the release is as sure as the seeing
            chain.append(t)
        while t.head.i != t.i and (_small_passive(t) or not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in t.children)) and (
                t.dep_ in ("xcomp", "conj", "aux", "acomp") or _small_passive(t)
                or (t.dep_ in ("advcl", "ccomp", "acl") and any(k.dep_ == "aux" and k.lower_ == "to" for k in t.children))):
            t = t.head
            chain.append(t)
        for v in chain:
            kids = list(v.children)
            if (any(k.dep_ == "neg" for k in kids) or any(k.lower_ in ("never", "no") and k.dep_ in ("neg", "advmod", "det") for k in kids)) \
                    and (v is a or all(x.dep_ != "conj" for x in chain[: chain.index(v)])):
                negated = True
            if v is not a and self.lemma(v) in ("fail", "refuse", "decline") and not c.frame:
                negated = True
            auxes = [k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")]
            if any(x in _MODALS_HYPO for x in auxes):
                # "Hamas said it would come to Cairo": the future of a past report, not a hypothesis
                backshift = ("would" in auxes and "have" not in auxes and v.dep_ == "ccomp" and v.head.tag_ == "VBD"
                             and self.lemma(v.head) in self.lx.reporting_verbs
                             and not any(k.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in k.children) for k in kids))
                if backshift:
                    planned = True
                else:
                    hypothetical = True
            if any(x in _MODALS_FUT for x in auxes):
                planned = True
            if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids):
                hypothetical = True
            if any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in k.children) for k in kids):
                hypothetical = True  # "if Hamas fails to fulfil its commitments, Israel can resume operations"
            if v is not a and self.lemma(v) in self.lx.planning_verbs and not c.frame:
                planned = True
            if v.lower_ == "going" and any(k.dep_ == "xcomp" for k in kids):
                planned = True
        # "is expected to be freed", "are set to be released", "due to be released"
        for v in chain:
            if v.dep_ == "xcomp" and self.lemma(v.head) in self.lx.planning_verbs and not c.frame:
                planned = True
            if v.dep_ in ("acl", "relcl") and any(k.lower_ == "to" and k.dep_ == "aux" for k in v.children):
                planned = True
        if a.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in a.children):
            hypothetical = True
        if a.tag_ == "VBG" and any(k.dep_ == "aux" and k.lower_ in ("is", "are", "'s", "'re", "am") for k in a.children) \
                and any(k.dep_ in ("advmod", "npadvmod") and k.lower_ in _LATER for k in a.children):
            planned = True  # "cabinet ministers are meeting later": a present progressive of the future
        # an infinitive is an aim, not a deed, unless its verb says it happened: "closer to help
        # negotiate a deal", "sent troops to secure the border" (but "began to withdraw")
        if a.tag_ == "VBG" and a.dep_ == "pcomp" and a.head.head.pos_ in ("NOUN", "PROPN"):
            planned = c.aim = True  # "instructions for attacking and taking hostages": a plan's content
        if not planned and not c.planned_by_frame and any(self.aim(v) for v in chain if v.head.i != v.i):
            planned = c.aim = True
        # event nouns: "no halt", "possible truce", "upcoming talks", "the deal for the release"
        if a.pos_ in ("NOUN", "PROPN") or c.trigger.i != a.i:
            n = c.trigger
            for k in n.children:
                if k.dep_ == "det" and k.lower_ == "no":
                    negated = True
                if k.dep_ in ("amod", "compound") and k.lemma_.lower() in self.lx.hypothetical_modifiers:
                    hypothetical = True
                if k.dep_ in ("amod", "compound", "nmod") and (k.lemma_.lower() in self.lx.planned_modifiers
                                                              or k.lower_ in self.lx.planned_modifiers):
                    planned = True
            h = n.head
            if h.pos_ in ("VERB", "AUX") and n.dep_ == "dobj" and self.lemma(h) in _ORGANISE and (
                    h.tag_ == "VBG" or any(k.dep_ == "aux" and k.lower_ in _MODALS_FUT for k in h.children)):
                planned = True  # "he is organising a meeting": not held yet
            if a.pos_ in ("NOUN", "PROPN"):
                own = self.timex_under(n, n, direct=True)
                if self.doc_date and own is not None and own.first_day and own.first_day > self.doc_date \
                        and not _MONTH_RE.search(own.text):
                    planned = True  # "tomorrow's meeting", "next week's talks": not held yet
                dated = own is not None and any(k.dep_ in ("det", "poss") and k.lower_ != "a" for k in n.children)
                # "the Hamas attacks of 7 October" happened
                if h.pos_ in ("VERB", "AUX") and n.dep_ in ("dobj", "nsubjpass", "nsubj") and not dated:
                    hk = [k.lower_ for k in h.children if k.dep_ in ("aux", "auxpass")]
                    if any(x in _MODALS_HYPO for x in hk):
                        hypothetical = True
                    if any(x in _MODALS_FUT for x in hk):
                        planned = True
                    if any(k.dep_ == "neg" for k in h.children):
                        negated = True
        # questions from the floor are not assertions
        text = self.cur_text.strip()
        if text.endswith("?") or re.match(r"^Q\b", text):
            hypothetical = True
        claimant = self.claimant(a)
        if negated:
            c.modality = "negated"
        elif hypothetical:
            c.modality = "hypothetical"
        elif planned:
            c.modality = "planned"
        elif claimant is not None and self.is_party(claimant, c):
            c.modality = "claimed"
        else:
            c.modality = "asserted"
        c.claimed_by = claimant.actor if c.modality == "claimed" else None

    def aim(self, v: Token) -> bool:
        """Whether an infinitive is only aimed at: "sent troops to secure the border", "efforts to try
        to get Israel and Hamas to agree" (an implicative verb is as real as its own clause: "got them to agree")."""
        if not any(k.dep_ == "aux" and k.lower_ == "to" for k in v.children) or v.head.i == v.i:
            return False
        h = v.head
        entry = self.lx.verbs.get(self.lemma(h))
        if entry is not None and entry.frame:
            return entry.frame == "request"  # "urged Hamas to accept": asked, not done
        return self.lemma(h) not in _IMPLICATIVES or self.aim(h)

    def claimant(self, a: Token) -> ActorMention | None:
        t = a
        while t.head.i != t.i:
            child, t = t, t.head
            if child.dep_ == "advcl" and self.lemma(t) in self.lx.reporting_verbs and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in _NARRATED for m in child.children):
                break  # "when the prime minister arrived on Monday, he told ...": told by the writer, not by him
            if t.pos_ in ("VERB", "AUX") and self.lemma(t) in self.lx.reporting_verbs and child.dep_ not in _SUBJ:
                subj = next((k for k in t.children if k.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    continue
                return self.mention_for(subj) or next((self.mention_at[g.i] for g in subj.subtree if g.i in self.mention_at), None)
        if "according" not in self.cur_low:
            return None
        for tok in self.toks:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                pobj = next((g for g in self.doc[tok.i + 1].children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.mention_for(pobj) or next((self.mention_at[g.i] for g in pobj.subtree if g.i in self.mention_at), None)
        return None

    def is_party(self, m: ActorMention, c: Coded) -> bool:
        keys = {m.actor, m.country, m.affiliation, m.actor.split(".")[0]} - {None}
        if keys & self.lx.parties:
            return True
        for x in c.actors + c.recipients:
            if keys & ({x.actor, x.country, x.affiliation, x.actor.split(".")[0]} - {None}):
                return True
        return False

    def adjust(self, c: Coded) -> None:
        """PLOVER's single-category rule for planned events; talks through mediators are third-party."""
        if c.type == "CONSULT" and c.mode in (None, "visit") and any(
                lem in self.lx.third_party_cues for lem in self.cur_lemmas):
            c.mode = "third-party"
        if c.type == "CONSULT" and c.mode is None and any(
                t.lemma_.lower() in ("phone", "telephone", "videoconference", "video") for t in c.anchor.subtree):
            c.mode = "phone"
        if c.type == "CONSULT" and c.mode is None and len({m.country for m in c.actors + c.recipients if m.country}) >= 3:
            c.mode = "multilateral"  # officials of three or more states around one table
        if c.type == "ASSAULT" and c.mode is None:  # the weapon named in the clause or by the agent
            skip = _CLAUSE + ("conj",)
            words = {t.lemma_.lower() for t in _np_tokens(c.anchor, skip)} | {t.lemma_.lower() for t in _np_tokens(c.trigger, skip)}
            words |= {w.lower() for p in c.actor_phrases for w in p.split()}
            for mode, cues in self.lx.assault_modes.items():
                if words & cues:
                    c.mode = mode
                    break
        if c.frame or c.planned_by_frame or c.aim or c.modality != "planned":
            return
        if c.type == "RETREAT":
            c.type, c.mode = "CONCEDE", _RETREAT_TO_CONCEDE.get(c.mode, c.mode)
        elif c.type in ("AID", "COOPERATE", "SUPPORT"):
            c.type, c.mode = "AGREE", None
        elif c.type in ("ASSAULT", "COERCE", "SANCTION") and c.actors and c.anchor.pos_ in ("VERB", "AUX") \
                and any(k.lower_ in _MODALS_FUT for k in c.anchor.children if k.dep_ == "aux"):
            c.type, c.mode = "THREATEN", self.threat_mode((c.type, c.mode))

    # --- place and time ------------------------------------------------------------------------------
    def location(self, c: Coded) -> str | None:
        scope = c.anchor
        for ent in self.places:
            root = ent.root
            if not _is_under(root, scope) or self.nested(root, scope):
                continue
            prev = self.doc[ent.start - 1] if ent.start > 0 else None
            if prev is None:
                continue
            ok = prev.lower_ in _PLACE_PREPS or prev.lower_ in _DIRECTIONS or (c.type == "ASSAULT" and prev.lower_ in ("on", "against"))
            if not ok:
                continue
            text = ent.text
            if prev.lower_ in _DIRECTIONS:
                text = f"{prev.text} {text}"
            return text
        # a place the tagger missed: a proper noun after "in", "at", "near" ("in Rafah")
        for t in self.toks:
            if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in ("in", "near", "at", "inside") and t.i not in self.temporal \
                    and _is_under(t, scope) and not self.nested(t, scope) and not t.ent_type_ in ("PERSON", "ORG", "NORP", "DATE", "TIME") \
                    and (self.mention_at.get(t.i) is None or self.mention_at[t.i].kind == "state"):
                lo = t.i
                while lo - 1 >= self.cur_start and self.doc[lo - 1].dep_ == "compound" and self.doc[lo - 1].pos_ == "PROPN":
                    lo -= 1
                return self.doc[lo : t.i + 1].text
        return None

    def nested(self, t: Token, top: Token) -> bool:
        """Whether t sits in a clause of its own below `top` (another verb in between)."""
        x = t
        while x.i != top.i and x.head.i != x.i:
            if x.dep_ in _CLAUSE and x.pos_ in ("VERB", "AUX") and x.i != top.i:
                return True
            if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and x.head.i == top.i and _own_clause(x, top):
                return True  # "Israel has accused UNRWA, but in January it sacked ...": the other clause's date
            x = x.head
        return False

    @staticmethod
    def in_argument(root: Token, scope: Token) -> bool:
        """Whether a date sits inside a verb's object or complement phrase (past an adjective or a
        noun that is the object), rather than modifying the verb."""
        x = root.head
        while x.i != scope.i and x.head.i != x.i:
            if x.dep_ in ("dobj", "attr", "oprd", "acomp", "dative") and x.head.i == scope.i and x.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
                return True
            if x.pos_ == "ADJ" and x.dep_ in ("amod", "acomp"):
                return True
            x = x.head
        return False

    @staticmethod
    def before_after(root: Token, scope: Token) -> bool:
        """A date inside "following/after/before its invasion of 1978" dates that other event."""
        x = root
        while x.i != scope.i and x.head.i != x.i:
            if x.dep_ == "prep" and x.lower_ in ("following", "after", "before", "prior", "until", "amid"):
                return True
            if _in_response(x):
                return True  # "cut the power in response to the attack on 7 October": that attack's day
            x = x.head
        return False

    def sentence_timexes(self, sent: Span):
        lo = bisect.bisect_left(self.tx_starts, sent.start_char)
        hi = bisect.bisect_left(self.tx_starts, sent.end_char)
        return self.timexes[lo:hi]

    def timex_under(self, t: Token, scope: Token, direct: bool = False):
        for tx in self.sentence_timexes(self.cur):
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if not _is_under(root, scope) or (root.i == scope.i):
                continue
            if scope.pos_ not in ("NOUN", "PROPN") and root.dep_ in ("compound", "nmod", "poss", "amod", "nummod", "det") \
                    and root.head.pos_ in ("NOUN", "PROPN") \
                    and not (root.head.dep_ in ("nsubj", "nsubjpass") and root.head.head.i == scope.i):
                continue  # "accused staff of involvement in the 7 October attack": the attack's date
            if scope.pos_ not in ("NOUN", "PROPN") and self.in_argument(root, scope):
                continue  # "surrender those responsible for Oct. 7": a date of the object, not of the act
            if self.nested(root, scope):
                continue
            if direct and scope.pos_ in ("NOUN", "PROPN"):
                x = root
                while x.head.i != scope.i and x.head.i != x.i:
                    if x.head.pos_ in ("VERB", "AUX"):
                        break
                    x = x.head
                if x.head.i != scope.i:
                    continue
            if tx.value.startswith("P") or _after_since(span) or self.before_after(root, scope):
                continue
            return tx
        return None

    def when(self, c: Coded) -> tuple[str | None, str | None, str | None, str | None, str | None]:
        """(date, first day, last day, precision, source)."""
        a = c.anchor
        tx = self.timex_under(c.trigger, c.trigger, direct=True) if c.trigger.i != a.i else None
        t = a
        while tx is None:
            tx = self.timex_under(t, t)
            if tx is not None or t.dep_ != "conj" or t.head.i == t.i or any(
                    k.dep_ == "amod" and k.lower_ in ("subsequent", "ensuing", "later", "following") for k in t.children):
                break  # "Hamas's 7 October attack and the subsequent bombardment": not that day
            t = t.head
        if tx is None and a.dep_ in ("relcl", "acl") and a.head.pos_ in ("NOUN", "PROPN"):
            noun = a.head  # "the 7 October attack, in which ... were killed"
            for x in self.sentence_timexes(self.cur):
                span = self.doc.char_span(x.start, x.end, alignment_mode="expand")
                if span is not None and _is_under(span.root, noun) and not _is_under(span.root, a) and not x.value.startswith("P"):
                    tx = x
                    break
        if tx is None and a.dep_ in ("relcl", "acl") and self.dated.get(a.head.i, (None,) * 5)[4] == "anchor":
            return self.dated[a.head.i]  # "the Hamas attack that killed 1,200": the known attack's day
        if tx is None and a.dep_ == "advcl" and any(ch.dep_ in ("advmod", "mark") and ch.lower_ in _AT_THE_TIME
                                                     for ch in a.children):
            tx = self.timex_under(a.head, a.head)  # "the war began in October, when Hamas attacked"
        if tx is None and a.pos_ in ("NOUN", "PROPN") and a.dep_ in ("nsubj", "nsubjpass") and a.head.pos_ in ("VERB", "AUX") \
                and not (a.left_edge.i > 1 and self.doc[a.left_edge.i - 1].lower_ in _RELATIVE_TO
                         and self.doc[a.left_edge.i - 2].lemma_.lower() in _TIME_UNITS):
            # (not "Last Monday - two days after Hamas's attack - she received": the parser lost the "after")
            tx = self.head_timex(a)  # "a rocket attack over the weekend killed four soldiers": the killing's day
        if tx is None and a.dep_ == "advcl" and a.tag_ == "VBG" and a.head.pos_ in ("VERB", "AUX") and not any(
                ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in a.children):
            tx = self.head_timex(a)  # "France said Wednesday ..., calling for a pause": that Wednesday
        if tx is not None:
            progressive = a.tag_ == "VBG" and any(k.dep_ == "aux" and k.lower_ in ("is", "are", "'s", "'re") for k in a.children)
            if (c.modality == "planned" or progressive) and self.doc_date and tx.last_day and tx.last_day < self.doc_date \
                    and tx.text.lower().strip(" .") in _WEEKDAYS:
                # "will release them on Friday": the coming Friday, not the last one
                d = (date.fromisoformat(tx.first_day) + timedelta(days=7)).isoformat()
                return d, d, d, "day", "text"
            past = _told_past(a) or (a.tag_ == "VBN" and a.dep_ == "acl")  # "the hostages taken ... over the weekend"
            if c.modality in ("asserted", "claimed") and past and self.doc_date and tx.first_day and tx.first_day > self.doc_date \
                    and (tx.text.lower().strip(" .") in _WEEKDAYS or tx.value.endswith("-WE")):
                # "declared a siege on Monday, saying supplies would be cut": done, so the last Monday (weekend)
                d0 = date.fromisoformat(tx.first_day) - timedelta(days=7)
                if tx.value.endswith("-WE"):
                    y, w, _ = d0.isocalendar()
                    d1 = (date.fromisoformat(tx.last_day) - timedelta(days=7)).isoformat()
                    return f"{y}-W{w:02d}-WE", d0.isoformat(), d1, "week", "text"
                return d0.isoformat(), d0.isoformat(), d0.isoformat(), "day", "text"
            if re.fullmatch(r"\d{4}-(?:W\d\d|\d\d)", tx.value) and tx.first_day and tx.last_day:
                anchor = self.anchor_date(c)  # "launched an attack more than three weeks ago", "earlier this month": the known day, if it fits
                if anchor and (date.fromisoformat(tx.first_day) - timedelta(days=7)).isoformat() <= anchor <= tx.last_day:
                    return anchor, anchor, anchor, "day", "anchor"
                if "W" in tx.value and self.doc_date and _WEEKS_AGO.search(tx.text.lower()):
                    # "two weeks ago" is about 14 days back, give or take a few, not one ISO week: the month, if
                    # the whole span lies in one, else the week. The tagger's week tells how many weeks back.
                    report = date.fromisoformat(self.doc_date)
                    n = (report - timedelta(days=report.weekday()) - date.fromisoformat(tx.first_day)).days // 7
                    mid = report - timedelta(days=7 * n)
                    lo, hi = mid - timedelta(days=3 * min(n, 3)), mid + timedelta(days=3 * min(n, 3))
                    if lo.month == hi.month and lo.year == hi.year:
                        first = lo.replace(day=1)
                        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                        return f"{first:%Y-%m}", first.isoformat(), last.isoformat(), "month", "text"
            anchor = self.anchor_date(c) if len(tx.value) == 10 else None
            if anchor is not None and tx.value > anchor and tx.value[4:] == anchor[4:]:
                # "Hamas's attack on October 7" written a year on: the attack's day, not its anniversary
                return anchor, anchor, anchor, "day", "text"
            if a.pos_ in ("NOUN", "PROPN") and c.modality in ("asserted", "claimed") and self.doc_date and len(tx.value) == 10 \
                    and tx.value > self.doc_date and _MONTH_RE.search(tx.text) and not re.search(r"\d{4}|'\d\d", tx.text):
                # "the October 7th attack" a year on, "the attacks of 7 October": the last such day, not the next
                d = f"{int(tx.value[:4]) - 1}{tx.value[4:]}"
                if d <= self.doc_date:
                    return d, d, d, "day", "text"
            if c.modality in ("asserted", "claimed") and not progressive and self.doc_date and tx.first_day and tx.first_day > self.doc_date \
                    and not any(k.dep_ == "aux" and k.lower_ in _MODALS_FUT | _MODALS_HYPO for k in a.children):
                # told as done, yet after its report: a day the tagger read forward or that belongs to another clause
                return (None,) * 5
            return tx.value, tx.first_day, tx.last_day, _precision(tx.value), "text"
        if c.modality in ("asserted", "claimed", "negated") and not any(
                k.dep_ == "aux" and k.lower_ in _MODALS_FUT | _MODALS_HYPO for k in a.children):
            rep = a  # "Hamas said yesterday it accepted the terms": no later than the saying
            while (rep.dep_ == "conj" or (rep.dep_ == "advcl" and rep.tag_ == "VBG" and not any(
                    ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in rep.children))) and rep.head.i != rep.i:
                rep = rep.head  # "France said Wednesday it was concerned, calling for a pause"
            if rep.dep_ == "ccomp" and rep.head.pos_ in ("VERB", "AUX") and self.lemma(rep.head) in self.lx.reporting_verbs \
                    and not any(k.dep_ in ("aux", "auxpass") and k.lower_ in ("had", "'d") for k in a.children):
                # (not "Kirby said on Monday that Gantz had requested the meeting": some day before that Monday)
                tx = self.head_timex(rep)
                if tx is not None:
                    return tx.value, tx.first_day, tx.last_day, _precision(tx.value), "text"
        anchor = self.anchor_date(c)
        if anchor is not None:
            return anchor, anchor, anchor, "day", "anchor"
        if c.modality in ("asserted", "claimed", "negated") and self.doc_date and not self.background(a):
            return self.doc_date, self.doc_date, self.doc_date, "day", "report"
        return None, None, None, None, None

    def head_timex(self, t: Token):
        """The date of the verb above `t`, if it is not one inside t's own phrase."""
        tx = self.timex_under(t.head, t.head)
        if tx is not None and _is_under(self.doc.char_span(tx.start, tx.end, alignment_mode="expand").root, t):
            return None
        return tx

    def background(self, a: Token) -> bool:
        """Whether an event without a date of its own is background rather than the day's news, so
        the report's date is not its date: told in a "since"/"after"/"before" clause or the past
        perfect ("had freed"); or, past the lede (first two sentences), anything but a finite verb of a
        main clause (a reported clause counts as main): event nouns ("the invasion", "negotiations"),
        participles and gerunds ("working with", "evacuating"), relative and subordinate clauses."""
        if a.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in _BEFORE_THE_REPORT for ch in a.children):
            return True
        if a.dep_ == "relcl" and a.head.lemma_.lower() in ("day", "night", "morning", "evening", "week", "time", "moment", "hour"):
            return True  # "CCTV from the day Hamas launched attacks": that day's, not the report's
        if self.doc_date and any(ch.dep_ == "prep" and ch.lower_ in ("after", "following") and self.old_date_under(ch)
                                 for ch in a.children):
            return True  # "the offensive began after the October attack", written in January
        if self.doc_date and any(_in_response(g) and not self.nested(g, a) and self.old_date_under(g, days=1) for g in a.subtree):
            return True  # "cut the power in response to the attack on 7 October": some day since
        if any(ch.lower_ == "since" and ch.dep_ in ("prep", "mark") or (ch.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in ch.children)) for ch in a.children):
            return True  # "Houthis have launched attacks since the start of the war": a record, not the day's news
        for tx in self.spans:
            if self.cur.start_char <= tx.start < self.cur.end_char:
                span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
                if span is not None and _is_under(span.root, a) and not self.nested(span.root, a):
                    return True  # "arrested 200 members in the past week": a span, not a day
        if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in ("had", "'d") for ch in a.children):
            return True
        if any(ch.dep_ == "advmod" and ch.lower_ in _HABITUAL for ch in a.children):
            return True  # "Netanyahu has long rejected", "has repeatedly called for": a stance of no one day
        if a.tag_ == "VBG" and any(ch.dep_ == "aux" and ch.lower_ in ("was", "were") for ch in a.children) \
                and self.sent_index(self.cur.start_char) >= LEDE:
            return True  # "he was providing security at the festival": a circumstance
        if any(ch.dep_ == "prep" and ch.lower_ == "during" and not any(g.i in self.temporal for g in ch.subtree)
               for ch in a.children):
            return True  # "during the truce, Hamas released 105 hostages": the truce's time, not the report's
        if self.sent_index(self.cur.start_char) < LEDE:
            return False
        return not (self.finite(a) and self.main_clause(a))

    def old_date_under(self, t: Token, days: int = 30) -> bool:
        """Whether a phrase holds a date a month (`days`) or more before the report."""
        limit = (date.fromisoformat(self.doc_date) - timedelta(days=days)).isoformat()
        lo, hi = min(g.idx for g in t.subtree), max(g.idx + len(g) for g in t.subtree)
        return any(lo <= tx.start and tx.end <= hi and tx.last_day and tx.last_day < limit
                   for tx in self.sentence_timexes(self.cur))

    @staticmethod
    def finite(v: Token) -> bool:
        if v.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        return any(ch.dep_ in ("aux", "auxpass") and ch.tag_ in ("VBD", "VBZ", "VBP", "MD") for ch in v.children)

    def main_clause(self, v: Token) -> bool:
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if v.dep_ == "ROOT":
            return True
        if v.dep_ in ("ccomp", "parataxis") and v.head.pos_ in ("VERB", "AUX") \
                and self.lemma(v.head) in self.lx.reporting_verbs:
            return self.main_clause(v.head) or self.sent_index(self.cur.start_char) < LEDE
        return False

    def anchor_date(self, c: Coded) -> str | None:
        """A well-known date for an undated event: its actor is the anchor's (or the sentence names a
        cue such as the kibbutz), its trigger a hostage-taking or an attack noun."""
        if c.modality not in ("asserted", "claimed"):
            return None
        for an in self.lx.anchors:
            if c.type not in an.get("types", []) or (self.doc_date and self.doc_date < str(an["date"])):
                continue
            by_actor = bool({m.actor for m in c.actors} & set(an.get("actors", [])))
            by_cue = any(w in self.cur_low for w in an.get("cues", []))
            if c.trigger.pos_ in ("NOUN", "PROPN"):
                ok = c.trigger.lemma_.lower() in an.get("nouns", []) and by_actor and not (
                    c.trigger.tag_ == "NNS" and not any(k.dep_ in ("det", "poss") for k in c.trigger.children))
                # a bare plural is a kind of act, not the one day: "launched suicide bomb attacks on Israelis";
                # "a Hamas rocket attack" months on is another attack; so is "its first missile attack in months"
                ok = ok and not any(k.dep_ in ("amod", "compound") and (k.lower_ in _ANOTHER or any(
                    k.lemma_.lower() in self.lx.assault_modes.get(m, ()) for m in _WEAPON_MODES)) for k in c.trigger.children)
                if ok and self.doc_date and any(k.dep_ == "det" and k.lower_ in ("a", "an") for k in c.trigger.children):
                    ok = date.fromisoformat(self.doc_date) - date.fromisoformat(str(an["date"])) <= timedelta(days=30)
            else:
                ok = c.mode in an.get("modes", []) and (by_actor or (by_cue and not c.actors)) and not any(
                    k.dep_ == "aux" and k.lower_ in ("has", "have") for k in c.anchor.children)
            if ok:
                return str(an["date"])
        return None

    # --- the record ---------------------------------------------------------------------------------
    def record(self, c: Coded, sent: Span) -> Event:
        date, d0, d1, precision, source = self.dated[c.anchor.i] = self.when(c)
        trig = c.trigger
        start, end = trig.idx, trig.idx + len(trig.text)
        for k in trig.children:  # keep a particle or a negation-free phrase: "handed over", "called for"
            if k.dep_ == "prt" and k.i == trig.i + 1:
                end = k.idx + len(k.text)
        sent_idx = self.sent_index(sent.start_char)
        return Event(
            doc_id=self.doc_id, sent=sent_idx, start=start, end=end, trigger=self.text[start:end], type=c.type,
            mode=c.mode, actors=[m.actor for m in c.actors], recipients=[m.actor for m in c.recipients],
            actor_text=[m.text for m in c.actors] + c.actor_phrases,
            recipient_text=[m.text for m in c.recipients] + c.recipient_phrases,
            location=self.location(c), date=date, date_start=d0, date_end=d1, precision=precision, date_source=source,
            modality=c.modality, claimed_by=c.claimed_by, sentence_start=sent.start_char, sentence_end=sent.end_char,
        )

    def sent_index(self, char: int) -> int:
        if not self.sentences:
            return 0
        i = bisect.bisect_right(self.sent_starts, char) - 1
        return self.sentences[max(0, i)].idx


_RECIPIENT_PREPS = {
    "CONSULT": ("with", "to"),
    "ASSAULT": ("on", "against", "at"),
    "SANCTION": ("on", "against", "from", "with"),
    "REQUEST": ("on", "to"),
    "SUPPORT": ("for", "with"),
    "AID": ("to", "for"),
    "RETREAT": ("to",),
    "CONCEDE": ("with", "to"),
    "THREATEN": ("against", "with"),
    "COERCE": ("against", "on"),
    "PROTEST": ("against",),
    "ACCUSE": ("against",),
    "REJECT": (),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "MOBILIZE": ("against",),
}


def _pro_or_anti(t: Token) -> bool:
    """'pro-Palestinian', 'anti-Israel' (one token or three)."""
    low = t.lower_
    if low.startswith(("pro-", "anti-")):
        return True
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("pro", "anti")


def _told_past(v: Token) -> bool:
    """Whether a verb (or the verb a noun event hangs from) is told in the simple past or the perfect."""
    while v.pos_ in ("NOUN", "PROPN") and v.head.i != v.i:
        v = v.head
    return v.tag_ == "VBD" or (v.tag_ == "VBN" and any(k.dep_ == "aux" and k.lemma_ == "have" for k in v.children))


def _listed(appos: Token) -> bool:
    """An apposition that is really the second item of a list: ', B and C' after A."""
    return appos.pos_ in ("NOUN", "PROPN") and appos.left_edge.i > 0 and appos.doc[appos.left_edge.i - 1].text == "," \
        and any(c.dep_ == "cc" for c in appos.children) \
        and any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in appos.children)


def _small_passive(v: Token) -> bool:
    """A past participle with a subject and no auxiliary: a passive small clause ("see 50 hostages
    released", "had its ambassador recalled")."""
    if v.tag_ == "VBD" and v.dep_ == "ccomp" and v.head.lemma_.lower() in _CAUSATIVES \
            and any(k.dep_ == "nsubj" for k in v.children) and not any(k.dep_ in ("aux", "auxpass") for k in v.children):
        return True  # the tagger's past tense after "see", "want": "will see 50 citizens released"
    return v.tag_ == "VBN" and v.dep_ in ("ccomp", "xcomp", "oprd", "advcl", "conj") \
        and any(k.dep_ == "nsubj" for k in v.children) and not any(k.dep_ in ("aux", "auxpass") for k in v.children) \
        and not (v.dep_ == "conj" and v.head.tag_ in ("VBD", "VBZ", "VBP"))


def _np_tokens(h: Token, skip: tuple) -> list[Token]:
    """A head and its dependents, not descending into the listed relations."""
    out, stack = [], [h]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in skip)
    return out


def _cease_fire(t: Token) -> bool:
    """'cease-fire' split by the tokenizer: 'fire' after 'cease' and a hyphen."""
    if t.lower_ != "fire" or t.i < 2:
        return False
    doc = t.doc
    return doc[t.i - 1].text in ("-", "‐", "–") and doc[t.i - 2].lower_ == "cease"


LEDE = 2  # sentences at a document's start that report its news, whatever their syntax
_AT_THE_TIME = frozenset({"when", "as", "while"})
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I)
_AIDES = frozenset("adviser advisor aide spokesman spokeswoman spokesperson envoy deputy lawyer attorney son daughter wife "
                   "husband brother sister mother father secretary official minister representative negotiator".split())
_REFLEXIVE = frozenset({"themselves", "himself", "herself", "itself", "ourselves", "myself"})
_ORGANISE = frozenset({"organise", "organize", "arrange", "plan", "prepare", "schedule", "convene", "call", "seek", "propose"})
_LATER = frozenset({"later", "tomorrow", "soon", "tonight", "shortly"})
_TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})
_BEFORE_THE_REPORT = frozenset({"since", "after", "before", "until", "till"})
_RELATIVE_TO = _BEFORE_THE_REPORT | {"following"}  # "two days after/following the attack"


_RESPONSES = frozenset({"response", "retaliation", "reprisal", "revenge"})
_SETTLEMENTS = frozenset({"city", "town", "village", "camp", "neighbourhood", "neighborhood", "district", "suburb",
                          "area", "outskirts", "heart", "centre", "center", "governorate", "region", "province"})
_WEEKS_AGO = re.compile(r"\bweeks ago\b")  # "two weeks ago"; not "a week ago"
_HELP = frozenset({"help", "assistance", "support", "protection", "relief", "backing"})


def _response_to(p: Token) -> bool:
    """Whether a possessive is of what a response answers: "in response to its attack"."""
    n = p.head
    return p.dep_ == "poss" and n.dep_ == "pobj" and n.head.lower_ in ("to", "for") and n.head.head.lemma_.lower() in _RESPONSES \
        and n.head.head.head.i != n.head.head.i


def _in_response(p: Token) -> bool:
    """Whether a preposition says "in response to", "in retaliation for" (what follows is an earlier event)."""
    return p.dep_ == "prep" and p.lower_ in ("in", "as") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _RESPONSES for g in p.children)


def _own_clause(conj: Token, head: Token) -> bool:
    """Whether a coordinated verb is a clause of its own: its own subject ("but it sacked"), or
    another tense than its head's ("has been bombarding for a month and began an offensive")."""
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in conj.children):
        return True
    aux = lambda v: {k.lower_ for k in v.children if k.dep_ in ("aux", "auxpass")}  # noqa: E731
    perfect = {"has", "have", "had", "'s", "'ve"}
    return bool(aux(head) & perfect) and not aux(conj) and conj.tag_ == "VBD"


def _precision(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
