"""How likely a coded event is right: type, actors and date all correct.

The event coder's rules are precise on some constructions and weak on others (long live-page
sentences, background told in the simple past, pronoun actors, quoted rhetoric). A logistic
regression over a few dozen indicator features of the coded clause (type and mode, trigger lemma,
tense and dependency of the anchor, where the date came from and how far it lies from the report,
what kind of actors were found, sentence length and position, quotes) gives each event record a
probability of being right, trained on hand-labelled corpus events
(:mod:`storyline.eval.train_event_confidence`). The weights ship as ``event_confidence.json``;
scoring is a sparse dot product. The feature function is written by hand (it reads spaCy tokens);
training uses scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "event_confidence.json"

_PRONOUNS = frozenset("i we you he she it they me us him her them this that these those who".split())
_QUOTES = frozenset("\"“”")
_DATE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tonight|overnight|ago|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"last (?:night|week|month|year)|earlier this (?:week|month|year)|(?:19|20)\d\d)\b", re.I)


def _bin(x: float, edges: tuple, names: tuple) -> str:
    for e, n in zip(edges, names):
        if x <= e:
            return n
    return names[-1]


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days
    except (TypeError, ValueError):
        return None


def features(c, text: str, doc_date: str | None, sent_index: int, in_sentence: int) -> list[str]:
    """Indicator features of one coded event (`storyline.extract.events.Coded` with its record)."""
    e, a, t = c.event, c.anchor, c.trigger
    sent = a.sent
    f = [f"type={e.type}", f"tm={e.type}/{e.mode}", f"modality={e.modality}", f"dsrc={e.date_source}",
         f"prec={e.precision}", f"lemma={t.lemma_.lower()}", f"tag={a.tag_}", f"dep={a.dep_}",
         f"depth={min(c.depth, 3)}", f"pos={a.pos_}"]
    for flag in ("frame", "aim", "planned_by_frame", "collective_agent"):
        if getattr(c, flag, False):
            f.append(flag)
    f.append(f"nact={min(len(c.actors), 2)}")
    f.append(f"nrec={min(len(c.recipients), 2)}")
    if c.recipient_phrases:
        f.append("rphrase")
    for m in c.actors:
        f.append(f"akind={m.kind}")
        if m.text.lower() in _PRONOUNS:
            f.append("apron")
        if m.actor.startswith("role:"):
            f.append("arole")
    for m in c.recipients:
        f.append(f"rkind={m.kind}")
    if any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in ("i", "we") for k in a.children):
        f.append("first_person")
    n = len(sent)
    f.append("slen=" + _bin(n, (12, 25, 40, 60), ("s", "m", "l", "xl", "xxl")))
    f.append("sidx=" + _bin(sent_index, (0, 2, 9, 29), ("0", "1-2", "3-9", "10-29", "30+")))
    f.append("insent=" + _bin(in_sentence, (1, 2, 4), ("1", "2", "3-4", "5+")))
    before = text[sent.start_char : t.idx]
    if sum(ch in _QUOTES for ch in before) % 2 == 1:
        f.append("quoted")
    if sent.text.lstrip().startswith("Q "):
        f.append("question_turn")
    d = _days(e.date_start, doc_date)
    if d is not None:
        f.append("ddays=" + _bin(d, (-366, -31, -8, -2, 0, 7), ("<-1y", "<-1m", "<-1w", "-2..-7", "-1..0", "+1..7", ">7")))
    if e.location:
        f.append("loc")
    if c.recipient_phrases and not c.recipients and all(p[:1].islower() for p in c.recipient_phrases):
        f.append("rphrase_common")  # "need", "control": an object that is no participant
    if any(p[:1].islower() for p in c.recipient_phrases):
        f.append("rphrase_common_any")
    if e.date_source == "report" and _DATE_WORDS.search(sent.text):
        f.append("report_dated_despite_date_words")  # "on Monday" in the sentence, yet the report's date
    for k in a.children:
        if k.dep_ in ("nsubj", "nsubjpass", "dobj"):
            f.append(f"{k.dep_}={k.lemma_.lower()}")
    f += [f"w={w.lemma_.lower()}" for w in sent if w.is_alpha and not w.is_stop and w.pos_ in ("VERB", "NOUN", "ADJ", "ADV")]
    # a few crossings the coder's errors showed: tense with the date's source, position with the date's source
    f += [f"dsrc&tag={e.date_source}&{a.tag_}", f"dsrc&sidx={e.date_source}&{_bin(sent_index, (2, 9), ('lede', 'body', 'deep'))}",
          f"type&nact={e.type}&{min(len(c.actors), 1)}", f"type&modality={e.type}&{e.modality}"]
    return f


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL_FILE.exists():
        return None
    return json.loads(MODEL_FILE.read_text())


def score(feats: list[str], model: dict | None = None) -> float | None:
    """P(right) of an event with these features, or None when no model is shipped."""
    m = model or _model()
    if m is None:
        return None
    w = m["weights"]
    z = m["bias"] + sum(w.get(x, 0.0) for x in set(feats))
    return 1.0 / (1.0 + math.exp(-z))


def threshold() -> float:
    """The confidence below which `storyline events` leaves an event out by default."""
    m = _model()
    return m["threshold"] if m else 0.0
