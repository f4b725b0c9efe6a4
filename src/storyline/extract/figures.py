"""Reported figures from one analysed document: what is counted, what happened to it, as of when,
says who, and whether it is fact, proposal, demand, history or hypothesis.

Rules over spaCy's dependency parse and the language layer's numbers and time expressions,
driven by `vocabulary.yaml`. Hand-written: no library extracts attributed, dated figures.
The scheme is ../shared/gold/FIGURES.md.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from storyline.extract.records import Figure
from storyline.extract.vocabulary import Vocabulary, load_vocabulary

FIGURE_KINDS = ("count", "money", "percent")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_EVENT_NOUNS = {"attack", "incident", "raid", "assault", "massacre", "onslaught", "rampage", "infiltration", "incursion"}
_RUNNING_STATES = {"held", "dead", "imprisoned", "sheltering", "displaced", "missing", "other"}


def extract_figures(doc: Doc, doc_id: str, doc_date: str | None, numbers, timexes, sentences,
                    vocab: Vocabulary | None = None, restored: bool = False) -> list[Figure]:
    """Figures in a parsed document; `numbers`, `timexes`, `sentences` are the analysis records.

    `restored`: the sentence boundaries were guessed by the transcript model, so a sentence that
    plainly runs on ("... agreed that among them") passes its attribution to the next.
    """
    vocab = vocab or load_vocabulary()
    ctx = _Context(doc, doc_id, doc_date, timexes, sentences, vocab)
    ctx.restored = restored
    out: list[Figure] = []
    for n in numbers:
        if n.kind not in FIGURE_KINDS:
            continue
        fig = ctx.figure(n, out)
        if fig is not None:
            out.append(fig)
    return out


class _Context:
    def __init__(self, doc, doc_id, doc_date, timexes, sentences, vocab):
        self.doc = doc
        self.doc_id = doc_id
        self.doc_date = doc_date
        self.timexes = timexes
        self.sentences = sentences
        self.v = vocab
        self.inner_unit: dict[int, tuple[str, str | None]] = {}  # figure start -> the counted noun's own unit

    # --- the counted -------------------------------------------------------------------------
    def anchor(self, n) -> Token | None:
        span = self.doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        nums = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in ("handful", "dozen", "dozens", "scores",
                                                                                      "hundreds", "thousands", "millions", "few", "several")]
        return nums[-1] if nums else span[-1]

    def lemma(self, t: Token) -> str:
        return t.lemma_.lower()

    def unit_sense(self, t: Token):
        for key in (self.lemma(t), t.lower_, t.lower_.rstrip("s")):
            if key in self.v.units:
                return self.v.units[key]
        return None

    def counted_noun(self, a: Token) -> Token | None:
        """The noun the number counts, or None for an elliptical figure ('four were freed')."""
        if a.pos_ in ("NOUN", "PROPN") and a.lower_ in ("handful", "dozen", "dozens", "scores", "hundreds", "thousands", "millions"):
            of = [c for c in a.children if c.dep_ == "prep" and c.lower_ == "of"]
            pobj = [g for c in of for g in c.children if g.dep_ == "pobj"]
            return pobj[0] if pobj else None
        head = a
        while head.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod", "npadvmod") and head.head.i != head.i:
            head = head.head
            if head.pos_ in ("NOUN", "PROPN"):
                return head
        # "about a 100 um prisoners": a noun right after the number
        for t in self.doc[a.i + 1 : a.i + 4]:
            if t.pos_ in ("NOUN", "PROPN") and self.unit_sense(t):
                return t
            if t.pos_ not in ("INTJ", "ADJ", "X", "PART") and t.lower_ not in ("um", "uh"):
                break
        return None

    def antecedent_unit(self, a: Token, earlier: list[Figure]):
        """Unit of an elliptical figure: the figure before it in the sentence, else the last counted noun."""
        sent = a.sent
        for f in reversed(earlier):
            if sent.start_char <= f.start < a.idx:
                unit, group = self.inner_unit.get(f.start, (f.unit, f.group))
                return unit, group, f.status
        for t in reversed(self.doc[max(0, sent.start - 80) : a.i]):
            sense = self.unit_sense(t) if t.pos_ in ("NOUN", "PROPN") else None
            if sense and sense.unit not in ("usd", "ils"):
                return sense.unit, sense.group, None
        return None

    # --- what happened -----------------------------------------------------------------------
    def phrase_status(self, t: Token) -> str | None:
        """Verb + object/particle/complement phrases: 'take shelter', 'lose lives', 'shot dead'."""
        for c in t.children:
            if c.dep_ in ("dobj", "prt", "acomp", "oprd", "xcomp", "advmod"):
                status = self.v.status_of.get(f"{self.lemma(t)} {self.lemma(c)}") or self.v.status_of.get(f"{t.lower_} {c.lower_}")
                if status:
                    return status
        return None

    def status_of_token(self, t: Token) -> str | None:
        phrase = self.phrase_status(t)
        if phrase:
            return phrase
        keys = [self.lemma(t), t.lower_]
        for key in keys:
            if key in self.v.status_of:
                return self.v.status_of[key]
        return None

    def status(self, noun: Token | None, a: Token) -> str | None:
        start = noun if noun is not None else a
        while start.dep_ == "conj" and start.head.i != start.i and start.head.pos_ == start.pos_:
            start = start.head  # "60 hostages and 180 prisoners": both get the first conjunct's verb
        # modifiers of the counted noun ("hostages freed", "Palestinians imprisoned", "wounded people")
        mods = [c for c in start.children if c.dep_ in ("acl", "amod", "relcl") and c.i > start.i - 3]
        # the governing predicate: climb through prepositions and nouns ("release of 60", "deaths of 25")
        t = start
        path = []
        while t.head.i != t.i:
            path.append(t)
            t = t.head
            if t.pos_ in ("VERB", "AUX", "ADJ") and t.dep_ != "prep":
                break
            if t.pos_ == "NOUN" and (self.status_of_token(t) or self.lemma(t) not in self.v.containers):
                break
        governor = t
        for m in mods:  # a participle right after the counted: "67,000 injured", "Palestinians imprisoned"
            if noun is None and m.i == start.i + 1:
                s = self.status_of_token(m)
                if s:
                    return s
        candidates = []
        if governor.pos_ == "NOUN" and path and path[-1].dep_ == "pobj":
            candidates.append(governor)
        if governor.pos_ in ("VERB", "AUX", "ADJ") and self.phrase_status(governor):
            return self.phrase_status(governor)
        if governor.pos_ in ("VERB", "AUX", "ADJ"):
            # follow xcomp chains ("are believed to remain") and light verbs
            chain = [governor] + [c for c in governor.children if c.dep_ in ("xcomp", "acomp", "oprd")]
            candidates.extend(reversed(chain))
        elif governor.pos_ == "NOUN":
            candidates.append(governor)
        for cand in candidates:
            s = self.status_of_token(cand)
            if s:
                return s
        for m in mods:
            s = self.status_of_token(m)
            if s:
                return s
        # nearby status words in the same clause, after then before the number
        sent = a.sent
        described = {d.i for c in start.children if c.dep_ in ("relcl", "acl") for d in c.subtree}
        for t in list(self.doc[a.i + 1 : min(sent.end, a.i + 9)]) + list(reversed(self.doc[max(sent.start, a.i - 6) : a.i])):
            if t.i in described:
                continue
            if t.pos_ in ("VERB", "ADJ", "NOUN") and t.i != (noun.i if noun is not None else -1):
                s = self.status_of_token(t)
                if s and s != "other":
                    return s
        return None

    # --- group and place ---------------------------------------------------------------------
    def group(self, noun: Token | None, sense) -> str | None:
        if noun is None:
            return None
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or c.lower_ in ("civilian", "israeli", "palestinian", "american")):
                return c.text.capitalize() if c.text.islower() else c.text
        return sense.group if sense else None

    def place(self, a: Token, noun: Token | None, verb: Token | None = None) -> str | None:
        """The first place after the figure, introduced by in/from/..., within the figure's own clause."""
        sent = a.sent
        scope = verb if verb is not None and _is_under(a, verb) else (noun if noun is not None else a)
        best = None
        for ent in sent.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and ent.start_char > a.idx and _is_under(ent.root, scope) \
                    and not any(t.lower_ == "according" for t in ent.root.ancestors):
                prev = self.doc[ent.start - 1] if ent.start > 0 else None
                if prev is not None and prev.lower_ in ("in", "on", "from", "inside", "within", "across", "throughout",
                                                        "southern", "northern", "central"):
                    best = ent
                    break
        if best is None:
            return None
        text = best.text
        prev = self.doc[best.start - 1]
        if prev.lower_ in ("southern", "northern", "central", "eastern", "western"):
            text = f"{prev.text} {text}"
        return text

    # --- who says so -------------------------------------------------------------------------
    def span_text(self, head: Token) -> str:
        """A source's words: the noun phrase without appositions, relative clauses or trailing clauses."""
        keep = {head.i}
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "punct" and c.text in ("-", "‐", "’", "'", ".", "&"):
                    keep.add(c.i)
                    continue
                if c.dep_ in ("appos", "relcl", "acl", "punct", "advcl", "cc", "conj") or (c.dep_ == "prep" and c.lower_ not in ("of", "in", "for", "from")):
                    continue
                keep.add(c.i)
                stack.append(c)
        lo = hi = head.i
        glue = lambda i: self.doc[i].text in ("-", "‐") and not self.doc[i - 1].whitespace_  # "Hamas-run"
        while lo - 1 in keep or (lo - 2 in keep and glue(lo - 1)):
            lo -= 1
        while hi + 1 in keep or (hi + 2 in keep and glue(hi + 1)):
            hi += 1
        text = self.doc[lo : hi + 1].text
        return re.sub(r"\s+", " ", text).strip(" ,")

    def source_head(self, t: Token) -> Token:
        """'intelligence from the IDF' -> the IDF; 'UN estimates' stays."""
        if self.lemma(t) in self.v.information_nouns:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        return t

    def resolve_pronoun(self, t: Token) -> str | None:
        """'it', 'the ministry', 'the official' -> the body named before."""
        if t.pos_ == "NOUN":  # "the ministry" -> the last fuller mention, "the Hamas-run health ministry"
            for chunk in reversed([c for c in self.doc.noun_chunks if c.end <= t.i]):
                if chunk.root.lemma_.lower() == self.lemma(t) and len(chunk) > 2:
                    return chunk.text
            return None
        if t.lower_ in ("it", "they"):  # the last named subject before: "The ministry issued figures. It said ..."
            subjects = [c for c in self.doc[max(0, t.sent.start - 120) : t.sent.start]
                        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            if subjects:
                return self.span_text(subjects[-1])
        labels = ("PERSON",) if t.lower_ in ("he", "she") else ("ORG", "PERSON", "GPE", "NORP")
        for ent in reversed([e for e in self.doc.ents if e.end <= t.i and e.label_ in labels]):
            if t.sent.start - ent.sent.start <= 120:
                return ent.text
        return None

    def source(self, a: Token) -> str | None:
        found = self._source_in_sentence(a)
        if found is None and getattr(self, "restored", False):
            prev = self._previous_sentence(a.sent)
            if prev is not None and self._runs_on(prev):
                found = self._according_to(prev)
        return found

    def _previous_sentence(self, sent: Span) -> Span | None:
        return self.doc[sent.start - 1].sent if sent.start > 0 else None

    @staticmethod
    def _runs_on(sent: Span) -> bool:
        """A sentence that stops mid-construction: it ends on a preposition's object pronoun, a preposition,
        a determiner or a conjunction ("... agreed that among them")."""
        last = [t for t in sent if not t.is_space and not t.is_punct]
        if not last:
            return False
        t = last[-1]
        return t.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART") or (t.dep_ == "pobj" and t.pos_ == "PRON")

    def _according_to(self, sent: Span) -> str | None:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.span_text(pobj)
        return None

    def _source_in_sentence(self, a: Token) -> str | None:
        # a reporting verb above the figure, reached from its complement
        t = a
        while t.head.i != t.i:
            child, t = t, t.head
            if t.pos_ == "NOUN" and self.lemma(t) in self.v.information_nouns and child.dep_ in ("acl", "ccomp", "relcl") \
                    and any(m.lower_ == "that" and m.dep_ == "mark" for m in child.children):
                return self.span_text(t)  # "media reports that ... two soldiers"
            if self.lemma(t) in self.v.report_verbs and t.pos_ in ("VERB", "AUX") and child.dep_ not in _SUBJ:
                subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "expl"), None)
                if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "you"):
                    continue
                if any(c.dep_ == "nummod" or c.like_num for c in subj.children) or self.unit_sense(subj) and subj.ent_type_ != "NORP" \
                        and self.lemma(subj) not in ("people", "person", "official", "source", "individual"):
                    continue  # the counted, not a source ("About 137 hostages are believed ...")
                if subj.lower_ in ("it", "they", "he", "she") or (subj.pos_ == "NOUN" and self.lemma(subj) in ("agency", "ministry")
                                                                 and [c for c in subj.children if c.lower_ == "the"] and len(list(subj.children)) == 1):
                    return self.resolve_pronoun(subj) or self.span_text(subj)
                return self.span_text(self.source_head(subj))
        # "according to X" anywhere in the sentence
        return self._according_to(a.sent)

    # --- when --------------------------------------------------------------------------------
    def sentence_timexes(self, sent: Span):
        return [t for t in self.timexes if sent.start_char <= t.start < sent.end_char and t.type == "DATE" and t.first_day]

    def period_for(self, sent: Span) -> dict | None:
        low = sent.text.lower()
        for p in self.v.periods:
            if any(re.search(rf"\b{re.escape(w)}\b", low) for w in p["words"]):
                if self.doc_date and self.doc_date >= p["start"]:
                    return p
        return None

    def time(self, a: Token, verb: Token | None, status: str, modality: str) -> tuple[str | None, str | None, str | None]:
        sent = a.sent
        # a date in the figure's own clause: its verb, the verbs it is conjoined with or complements,
        # and the noun a relative clause hangs from ("a raid on Oct 7 in which 1,200 were killed")
        if verb is not None and modality != "proposed" and _present_perfect(verb) and not self._as_of_date(sent):
            return self._doc_day()  # "have been killed": a running total up to the report
        if verb is not None and modality != "proposed":
            t, came_from = verb, a
            while True:
                for tx in self.sentence_timexes(sent):
                    tok = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
                    if tok is None:
                        continue
                    root = tok.root
                    if not _is_under(root, t) or _is_under(root, came_from):
                        continue
                    direct = root.head.i == t.i or root.head.head.i == t.i
                    if status in _RUNNING_STATES and not direct:
                        continue
                    if _after_since(tok):
                        return self._doc_day()  # a running total since a date stands as of the document's date
                    period = self.period_for(sent)
                    if period and tx.first_day <= period["end"] and period["start"] <= tx.last_day:
                        break  # "a truce in late November": the truce's own days
                    return (tx.value if not tx.value.startswith("P") else None), tx.first_day, tx.last_day
                if t.head.i == t.i or t.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "pcomp", "relcl", "acl"):
                    break
                stop = t.dep_ in ("relcl", "acl")
                came_from, t = t, t.head
                if stop:
                    # one look at the noun the clause modifies, then no further
                    for tx in self.sentence_timexes(sent):
                        tok = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
                        if tok is not None and _is_under(tok.root, t) and not _is_under(tok.root, came_from) and status not in _RUNNING_STATES:
                            return (tx.value if not tx.value.startswith("P") else None), tx.first_day, tx.last_day
                    break
        if modality == "proposed":
            return self._doc_day()
        period = self.period_for(sent)
        if period and status in ("released", "exchanged", "delivered", "killed", "taken", "other"):
            if any(w.lower_ in ("earlier", "previously", "before") and w.dep_ == "advmod" for w in (verb.children if verb is not None else [])):
                end = (date.fromisoformat(period["start"]) - timedelta(days=1)).isoformat()
                return f"{self.v.crisis_start}/{end}", self.v.crisis_start, end
            end = min(period["end"], self.doc_date)
            return f"{period['start']}/{end}", period["start"], end
        # "during the incident": the event dated in the sentences just before
        scope = list(verb.subtree) if verb is not None else []
        if any(t.lower_ in _EVENT_NOUNS and t.head.lower_ in ("during", "in") and any(c.lower_ == "the" for c in t.children)
               for t in scope) and not self.sentence_timexes(sent):
            prev = [tx for tx in self.timexes if tx.type == "DATE" and tx.first_day and tx.first_day == tx.last_day
                    and sent.start_char - 600 <= tx.start < sent.start_char]
            if prev:
                return prev[-1].value, prev[-1].first_day, prev[-1].last_day
        return self._doc_day()

    def _as_of_date(self, sent: Span) -> bool:
        """'as of Sunday', 'by Friday', 'until 1 December': the total is dated by the text."""
        for tx in self.sentence_timexes(sent):
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None and span.start >= 2 and (self.doc[span.start - 1].lower_ in ("by", "until", "through")
                                                          or self.doc[span.start - 2 : span.start].text.lower() == "as of"):
                return True
        return False

    def _doc_day(self):
        if self.doc_date and len(self.doc_date) == 10:
            return self.doc_date, self.doc_date, self.doc_date
        return None, None, None

    # --- fact, offer, demand, history ----------------------------------------------------------
    def modality(self, a: Token, verb: Token | None) -> str:
        t = a
        seen_finite_past = False
        while t.head.i != t.i:
            t = t.head
            lem = self.lemma(t)
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in t.children):
                return "hypothetical"
            if t.pos_ == "VERB" and lem in self.v.demand_words:
                return "demanded"
            if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBN") and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were") for c in t.children):
                seen_finite_past = True
            if t.tag_ == "VBD":
                seen_finite_past = True
            if lem in ("if", "unless") or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
                return "hypothetical"
            if not seen_finite_past and t.pos_ == "NOUN" and lem in self.v.proposal_words:
                return "proposed"
            if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in t.children):
                return "proposed"
        # "in exchange for 800 prisoners" with no past-tense event around it
        for tok in self.doc[max(a.sent.start, a.i - 4) : a.i]:
            if tok.lower_ == "exchange" and not seen_finite_past:
                return "proposed"
        return "reported"

    def partitive_parent(self, a: Token, earlier: list[Figure]) -> Figure | None:
        """'among them' / 'of whom' / 'including' just before: the subset of the figure before it."""
        window = self.doc[max(0, a.i - 10) : a.i]
        words = [t.lower_ for t in window]
        if not any(w in ("among", "including", "whom") for w in words):
            return None
        before = [f for f in earlier if f.start < a.idx and a.idx - f.end < 400]
        return before[-1] if before else None

    # --- one figure -----------------------------------------------------------------------------
    def figure(self, n, earlier: list[Figure]) -> Figure | None:
        a = self.anchor(n)
        if a is None:
            return None
        if n.kind == "money":
            unit, group, status_hint, noun = (n.unit or "usd"), None, None, None
        elif n.kind == "percent":
            unit, group, status_hint, noun = "percent", None, None, None
        else:
            noun = self.counted_noun(a)
            unit = group = status_hint = None
            generic = False
            if noun is not None:
                container = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
                if noun.dep_ == "poss":
                    container = noun.head
                if container is not None and self.lemma(container) in self.v.containers:
                    unit = self.v.containers[self.lemma(container)]
                    inner = self.unit_sense(noun)
                    group = self.group(noun, inner)
                    if inner is not None:
                        self.inner_unit[n.start] = (inner.unit, group)
                else:
                    sense = self.unit_sense(noun)
                    lem = self.lemma(noun)
                    if sense is not None:
                        unit, status_hint, group = sense.unit, sense.status, self.group(noun, sense)
                    elif lem in self.v.not_units or lem in self.v.status_of or noun.pos_ == "PROPN" or noun.ent_type_ in ("DATE", "TIME", "ORG", "GPE"):
                        return None
                    elif noun.tag_ in ("NNS",) and noun.is_alpha:
                        unit, group = lem, self.group(noun, None)
                        generic = True
                    else:
                        return None
            else:
                if a.dep_ in ("nummod", "compound") and a.head.pos_ in ("PROPN",):
                    return None
                prior = self.antecedent_unit(a, earlier)
                if prior is None:
                    return None
                unit, group, status_hint = prior[0], None, None
        verb = _governing_verb(noun if noun is not None else a)
        parsed_status = self.status(noun, a)
        own_status = status_hint or parsed_status
        parent = self.partitive_parent(a, earlier)
        status = own_status or (parent.status if parent is not None else None) or ("held" if unit == "hostage" else "other")
        if status_hint == "dead" and parsed_status == "killed":
            status = "killed"
        if n.kind == "count" and generic and status == "other":
            return None  # a count of something outside the vocabulary, with nothing happening to it ("five principles")
        modality = self.modality(a, verb)
        if parent is not None and own_status is None:
            modality = parent.modality
        time, t0, t1 = self.time(a, verb, status, modality)
        if t1 and t1 < self.v.crisis_start and modality == "reported":
            modality = "historical"
        sent = a.sent
        sent_idx = next((s.idx for s in self.sentences if s.start <= n.start < s.end), 0)
        return Figure(
            doc_id=self.doc_id, sent=sent_idx, start=n.start, end=n.end, value_text=n.text, value=n.value,
            high=n.high if n.qualifier == "range" else None, qualifier=n.qualifier, unit=unit, status=status,
            measure=f"{unit}.{status}", group=group, place=self.place(a, noun, verb), time=time, time_start=t0, time_end=t1,
            source=self.source(a), modality=modality, sentence_start=sent.start_char, sentence_end=sent.end_char,
        )


def _after_since(span: Span) -> bool:
    """'since October 7', 'since Hamas's 7 October attack', 'since the war began on 7 October'."""
    doc = span.doc
    if any(t.lower_ == "since" for t in doc[max(span.sent.start, span.start - 6) : span.start]):
        return True
    t = span.root
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ == "since" or any(c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in t.children):
            return True
    return False


def _present_perfect(verb: Token) -> bool:
    """'have been killed', 'has risen': the perfect of the present (not 'had')."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve", "’ve") for c in verb.children)


def _is_under(t: Token, ancestor: Token) -> bool:
    while True:
        if t.i == ancestor.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head


def _governing_verb(t: Token) -> Token | None:
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t if t.pos_ in ("VERB", "AUX") else None
