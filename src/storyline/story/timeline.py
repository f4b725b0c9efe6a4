"""Extractive timeline summarization: pick the key dates of a story and a few cited sentences for each.

A date-wise method in the manner of DATEWISE (Ghalandari & Ifrim, ACL 2020), unsupervised:

1. **Date selection.** A candidate sentence refers to the days of its time expressions resolved at
   day precision (``Candidate.dates``). A day's salience grows with how many sentences refer to it
   *back* from a later publication (events are reported again and again after they happened), with
   how many distinct documents refer to it, and with how many documents were published that day
   (each log-scaled, weighted by :class:`TimelineParams`); days outside the story's span
   (``date_range``) are ignored.
2. **Sentence candidates per date.** The sentences that mention the day, plus the leading sentences
   (``lead``) of the documents published on the day or the next (``pub_days``) that mention no other
   day.
3. **Sentence ranking.** Sentences are TF-IDF vectors (IDF over the whole input); a date's centroid
   keeps the terms that its mention and publication sentences share (the "PM-mean" centroid of
   DATEWISE), plus a little of the collection's own topic vector (its most widespread terms: the
   story, whatever it is about; no keyword query needed). Sentences are picked greedily by cosine to
   that centroid, within a length window, skipping one too similar to a sentence already chosen for
   this or any earlier (more salient) date.

Written by hand (numpy-free, dict vectors): the pools per date are small, and no maintained
library implements date-wise TLS over pre-resolved dates.

API::

    from storyline.story.timeline import Candidate, build_timeline

    cands = [Candidate(doc_id, sent_idx, start, end, text, pub_date="2010-04-23",
                       dates=["2010-04-20"], weight=1.0, source="bbc"), ...]
    entries = build_timeline(cands, n_dates=20, per_date=2, date_range=("2010-04-20", "2010-09-19"))
    for e in entries:           # ranked by salience; sort by e.date for a chronology
        e.date, e.score, [(c.doc_id, c.sent, c.start, c.end, c.text) for c in e.sentences]

``Candidate.dates`` are ISO days (``YYYY-MM-DD``) the sentence refers to; leave it empty to let the
publication date stand in. ``weight`` scales a sentence's vote in date selection (e.g. a coded event's
salience); ``source`` (outlet, ...) is carried along for the caller. Everything
tunable sits in :class:`TimelineParams`; the defaults were tuned once across the eight Timeline17
development timelines (``storyline eval tls``; ``bench/tls.py`` re-checks them leave-one-out), and no
parameter is topic-specific.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Iterable, Sequence

__all__ = ["Candidate", "TimelineEntry", "TimelineParams", "DateStats", "build_timeline", "date_statistics",
           "rank_dates"]


@dataclass
class Candidate:
    doc_id: str
    sent: int  # sentence index in its document
    start: int  # character span in the document's text
    end: int
    text: str
    pub_date: str | None  # YYYY-MM-DD
    dates: list[str] = field(default_factory=list)  # days the sentence refers to (YYYY-MM-DD)
    weight: float = 1.0
    source: str | None = None


@dataclass
class TimelineEntry:
    date: str
    score: float
    sentences: list[Candidate]


@dataclass
class TimelineParams:
    # date selection: score = w_back*log1p(sents before pub) + w_same*log1p(sents on/after pub)
    #                        + w_docs*log1p(docs mentioning) + w_pub*log1p(docs published)
    w_back: float = 0.5
    w_same: float = 0.0
    w_docs: float = 1.0
    w_pub: float = 1.0
    # sentence pools
    lead: int = 5  # leading sentences of a document that may speak for its publication date
    pub_days: int = 2  # documents published on the day and the next ones speak for it
    min_tokens: int = 8  # sentence length window (content words)
    max_tokens: int = 60
    # sentence ranking
    topic_weight: float = 0.5  # share of the collection's topic vector in each centroid
    max_sim: float = 0.5  # cosine above which a sentence repeats one already chosen


# --------------------------------------------------------------------------------------------------
# Text vectors
# --------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z][a-z0-9'-]*[a-z0-9]|[0-9][0-9.,]*[0-9]|[a-z]")
STOP = frozenset("""a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those
through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves 's n't -lrb- -rrb- -lsb- -rsb- said says say told mr mrs ms will also would one two new year years last first
since just like now still may might must shall us according""".split())


# Calendar and clock words: they say *when*, which the dates already carry, not *what*.
CALENDAR = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
thur thurs fri sat sun today yesterday tomorrow morning afternoon evening night week weekend month day am pm gmt bst
edt est cdt cst pdt pst utc cet""".split())
_LETTERS = re.compile(r"[a-z]")
# A wire dateline opening a sentence: "WASHINGTON | Tue Apr 21 , 2009 ... -LRB- Reuters -RRB- - ", "PARIS (AFP) - ".
_DATELINE = re.compile(
    r"^(?:[^\n]{0,120}?(?:\(|-LRB-)\s*)?[A-Z][\w.&/]*(?: [A-Z][\w.&/]*)?\s*(?:\)|-RRB-)\s*(?:-{1,2}|\u2013|\u2014)\s+(?=\S)")


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def terms(text: str) -> list[str]:
    """Content terms: no stop words, numbers or calendar words."""
    return [w for w in words(text) if w not in STOP and w not in CALENDAR and len(w) > 1 and _LETTERS.match(w)]


def content_length(text: str) -> int:
    """Words with letters, without bracket tokens (-LRB-) or calendar words: the length window's measure."""
    return sum(1 for w in words(text) if _LETTERS.match(w) and w not in CALENDAR and not w.startswith("-"))


def trim_dateline(c: Candidate) -> Candidate:
    """The candidate without a leading wire dateline (its span moved accordingly)."""
    m = _DATELINE.match(c.text)
    if not m or len(c.text) - m.end() < 20 or re.search(r"\b[a-z]{3,}\b", c.text[: m.end()]):
        return c  # a dateline is place names, times and an agency: no lower-case words
    return replace(c, text=c.text[m.end():], start=c.start + m.end())


Vector = dict[str, float]


def _norm(v: Vector) -> Vector:
    n = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / n for k, x in v.items()} if n else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


class _Space:
    """TF-IDF over the candidate sentences (sublinear tf, smoothed idf), unit-length vectors."""

    def __init__(self, texts: Sequence[str]):
        self.tokens = [terms(t) for t in texts]
        df: Counter = Counter()
        for toks in self.tokens:
            df.update(set(toks))
        n = len(texts)
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
        self.vectors = [_norm({t: (1 + math.log(c)) * self.idf[t] for t, c in Counter(toks).items()}) for toks in self.tokens]


# --------------------------------------------------------------------------------------------------
# Date selection
# --------------------------------------------------------------------------------------------------


@dataclass
class DateStats:
    sents_back: float = 0.0  # sentences referring to the day from a later publication date
    sents_same: float = 0.0  # ... from the same day or earlier (announcements, schedules)
    docs: set = field(default_factory=set)  # documents referring to it
    pub_docs: set = field(default_factory=set)  # documents published on it

    def features(self) -> dict[str, float]:
        return {"sents_back": self.sents_back, "sents_same": self.sents_same, "docs": float(len(self.docs)),
                "pub_docs": float(len(self.pub_docs))}


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _explicit_dates(c: Candidate) -> list[str]:
    return sorted({d for d in c.dates if d and _ISO_DAY.match(d)})


def date_statistics(candidates: Iterable[Candidate]) -> dict[str, DateStats]:
    stats: dict[str, DateStats] = defaultdict(DateStats)
    for c in candidates:
        if c.pub_date and _ISO_DAY.match(c.pub_date):
            stats[c.pub_date].pub_docs.add(c.doc_id)
        for d in _explicit_dates(c):
            s = stats[d]
            if c.pub_date and d < c.pub_date:
                s.sents_back += c.weight
            else:
                s.sents_same += c.weight
            s.docs.add(c.doc_id)
    return stats


def date_score(s: DateStats, p: TimelineParams) -> float:
    return (p.w_back * math.log1p(s.sents_back) + p.w_same * math.log1p(s.sents_same)
            + p.w_docs * math.log1p(len(s.docs)) + p.w_pub * math.log1p(len(s.pub_docs)))


def rank_dates(candidates: Sequence[Candidate], params: TimelineParams | None = None,
               date_range: tuple[str, str] | None = None) -> list[tuple[str, float]]:
    """All referred-to or publication days, most salient first: (day, score)."""
    p = params or TimelineParams()
    stats = date_statistics(candidates)
    ranked = []
    for d, s in stats.items():
        if date_range and not (date_range[0] <= d <= date_range[1]):
            continue
        ranked.append((d, date_score(s, p)))
    ranked.sort(key=lambda x: (-x[1], x[0]))
    return ranked


# --------------------------------------------------------------------------------------------------
# The timeline
# --------------------------------------------------------------------------------------------------


def _add(acc: Vector, v: Vector, w: float = 1.0) -> None:
    for k, x in v.items():
        acc[k] = acc.get(k, 0.0) + w * x


def _mean(vectors: list[Vector]) -> Vector:
    acc: Vector = {}
    for v in vectors:
        _add(acc, v, 1 / len(vectors))
    return acc


def build_timeline(candidates: Sequence[Candidate], n_dates: int, per_date: int, *,
                   date_range: tuple[str, str] | None = None,
                   params: TimelineParams | None = None) -> list[TimelineEntry]:
    """The `n_dates` most salient days, each with up to `per_date` sentences, ranked by salience."""
    p = params or TimelineParams()
    cands = [trim_dateline(c) for c in candidates]
    if not cands or n_dates <= 0 or per_date <= 0:
        return []
    space = _Space([c.text for c in cands])
    n_words = [content_length(c.text) for c in cands]

    by_mention: dict[str, list[int]] = defaultdict(list)
    by_pub: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        days = _explicit_dates(c)
        for d in days:
            by_mention[d].append(i)
        if c.pub_date and c.sent < p.lead and (not days or days == [c.pub_date]):
            by_pub[c.pub_date].append(i)

    # the collection's topic vector: terms spread over many documents
    doc_terms: dict[str, set] = defaultdict(set)
    for i, c in enumerate(cands):
        doc_terms[c.doc_id].update(space.tokens[i])
    doc_freq: Counter = Counter()
    for ts in doc_terms.values():
        doc_freq.update(ts)
    n_docs = max(1, len(doc_terms))
    topic = _norm({t: (df / n_docs) ** 2 * space.idf[t] for t, df in doc_freq.most_common(200)})

    chosen_vectors: list[Vector] = []
    entries: list[TimelineEntry] = []
    for day, score in rank_dates(cands, p, date_range):
        if len(entries) >= n_dates:
            break
        ment = by_mention.get(day, [])
        pub: list[int] = []
        try:
            d0 = date.fromisoformat(day)
        except ValueError:  # not a calendar day
            continue
        for k in range(p.pub_days):
            pub.extend(by_pub.get((d0 + timedelta(days=k)).isoformat(), []))
        pool = list(dict.fromkeys(ment + pub))
        pool = [i for i in pool if p.min_tokens <= n_words[i] <= p.max_tokens]
        if not pool:
            continue
        c_ment = _mean([space.vectors[i] for i in ment]) if ment else {}
        c_pub = _mean([space.vectors[i] for i in pub]) if pub else {}
        if c_ment and c_pub:
            centroid = {t: 0.5 * (x + c_pub[t]) for t, x in c_ment.items() if t in c_pub}
        else:
            centroid = c_ment or c_pub
        centroid = _norm(centroid)
        if p.topic_weight:
            mixed = {t: (1 - p.topic_weight) * x for t, x in centroid.items()}
            _add(mixed, topic, p.topic_weight)
            centroid = _norm(mixed)
        ranked = sorted(pool, key=lambda i: (-cosine(space.vectors[i], centroid), cands[i].doc_id, cands[i].sent))
        picked: list[int] = []
        for i in ranked:
            if len(picked) >= per_date:
                break
            v = space.vectors[i]
            if any(cosine(v, u) > p.max_sim for u in chosen_vectors):
                continue
            picked.append(i)
            chosen_vectors.append(v)
        if picked:
            entries.append(TimelineEntry(day, score, [cands[i] for i in picked]))
    return entries
