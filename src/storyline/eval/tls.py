"""Timeline summarization (TLS) evaluation on Timeline17-format topics, as Ghalandari & Ifrim (2020).

A topic folder holds articles under ``InputDocs/<YYYY-MM-DD>/<id>.htm.txt`` (one sentence per line,
tokenized; the folder name is the publication date) and gold timelines under ``timelines/`` (and
``timelines.jsonl``, the news-tls format). For each gold timeline (one task) the articles published
between its first and last date are ingested into a store and analysed by the project's language
layer (sentences, time expressions resolved to days); :func:`storyline.story.timeline.build_timeline`
then builds a timeline of ``l`` dates with up to ``k`` sentences each, and it is scored with:

* date-selection P/R/F1 (exact day matches);
* ROUGE-1 and ROUGE-2 in the ``concat``, ``agreement`` and ``align+ m:1`` variants of tilse
  (Martschat & Markert 2017), the last one being the AR1-F / AR2-F of the paper;
* averages as the reference script computes them: precision and recall averaged over tasks, then F1.

Gold timelines are read the way news-tls reads them: ``timelines.jsonl`` when present (a repeated
date keeps its last entry), else the ``.txt`` files; ``l`` = distinct gold dates, ``k`` = mean number
of sentences per date, rounded (half to even, like ``round(np.mean(...))``).

What is hand-written here, and why. tilse 0.2.1 (PyPI) scores with the Perl ROUGE-1.5.5 script,
through a subprocess per date pair, and needs Perl with XML::DOM and a WordNet exception DB: too
heavy for this project's test runs and CI. The metrics are therefore re-implemented in Python,
following tilse's code (``tilse/evaluation/rouge.py`` and ``util.py``) and ROUGE-1.5.5 run as tilse
runs it (``-n 2 -m -s -f A -t 2``, i.e. raw counts, Porter stemming, stop-word removal):

* text preparation as ROUGE-1.5.5 ``readText``/``createNGram``: "-" split off, every character
  outside ``[A-Za-z0-9-]`` replaced by a space, lower-cased, tokens split on whitespace; stop words
  (ROUGE's ``smart_common_words.txt``, the entries that can survive that cleaning) are dropped, so
  are tokens not starting with ``[a-z0-9$]``; tokens longer than 3 characters are Porter-stemmed
  (NLTK's ``PorterStemmer`` in its ``MARTIN_EXTENSIONS`` mode, the Perl reference implementation's
  behaviour). Not reproduced: ROUGE's WordNet irregular-form exceptions (``went`` → ``go``), a
  small difference on a few irregular words;
* n-grams run over the whole concatenated summary (ROUGE joins a summary's sentences), matches are
  clipped counts; a summary's counts are (hit, system total, gold total) as ``-t 2`` reports them;
* the alignment of ``align+ m:1`` uses tilse's cost ``(1 - 1/(|Δdays|+1)) * (1 - approx. ROUGE-1
  F1)`` where the approximation works on raw whitespace tokens (no stemming, no stop words), exactly
  as ``util.compute_rouge_approximation``; each system date (precision) and each gold date (recall)
  goes to its lowest-cost counterpart (first one on ties, as ``argmin``), matches are weighted by
  ``1/(|Δdays|+1)``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

# --------------------------------------------------------------------------------------------------
# Gold timelines
# --------------------------------------------------------------------------------------------------

SEPARATOR = "-" * 32
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class GoldTimeline:
    name: str
    entries: dict[str, list[str]]  # YYYY-MM-DD -> summary sentences (tokenized text)

    @property
    def dates(self) -> list[str]:
        return sorted(self.entries)

    @property
    def l(self) -> int:  # noqa: E743
        return len(self.entries)

    @property
    def k(self) -> int:
        sizes = [len(s) for s in self.entries.values()]
        return round(sum(sizes) / len(sizes)) if sizes else 0


def parse_timeline_txt(text: str) -> list[tuple[str, list[str]]]:
    """Entries of a Timeline17 ``.txt`` timeline in file order: (date line, sentences)."""
    out = []
    for block in text.split(SEPARATOR):
        lines = [ln.strip() for ln in block.strip("\n").split("\n") if ln.strip()]
        if lines:
            out.append((lines[0], lines[1:]))
    return out


def load_gold(topic: Path) -> list[GoldTimeline]:
    """The topic's gold timelines as news-tls loads them (``timelines.jsonl`` first, else ``timelines/*.txt``)."""
    jsonl = topic / "timelines.jsonl"
    out: list[GoldTimeline] = []
    txt = {p.stem: {d for d, _ in parse_timeline_txt(p.read_text("utf-8"))} for p in sorted((topic / "timelines").glob("*.txt"))} \
        if (topic / "timelines").is_dir() else {}
    if jsonl.exists():
        lines = [ln for ln in jsonl.read_text("utf-8").splitlines() if ln.strip()]
        for i, line in enumerate(lines):
            entries: dict[str, list[str]] = {}
            for day, sents in json.loads(line):
                entries[day[:10]] = [s.strip() for s in sents if s.strip()]  # a repeated date: the last one wins
            entries = {d: s for d, s in entries.items() if DAY.match(d)}
            name = topic.name
            if len(lines) > 1:  # name it after the .txt timeline with the same dates
                best = max(txt, key=lambda k: len(txt[k] & set(entries)), default=None)
                name = f"{topic.name}/{best}" if best else f"{topic.name}/{i + 1}"
            out.append(GoldTimeline(name, entries))
        return out
    for path in sorted((topic / "timelines").glob("*.txt")):
        entries = {}
        for day, sents in parse_timeline_txt(path.read_text("utf-8")):
            if DAY.match(day):
                entries[day] = sents
        out.append(GoldTimeline(f"{topic.name}/{path.stem}" if len(txt) > 1 else topic.name, entries))
    return out


def is_topic(path: Path) -> bool:
    return (path / "InputDocs").is_dir() and ((path / "timelines").is_dir() or (path / "timelines.jsonl").exists())


def find_topics(paths: Iterable[Path]) -> list[Path]:
    """Topic folders among `paths`, or directly under them (a dataset folder)."""
    out = []
    for p in paths:
        if is_topic(p):
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(c for c in p.iterdir() if c.is_dir() and is_topic(c)))
    return out


# --------------------------------------------------------------------------------------------------
# ROUGE as tilse runs ROUGE-1.5.5
# --------------------------------------------------------------------------------------------------

# ROUGE-1.5.5 data/smart_common_words.txt, the entries that survive ROUGE's cleaning (letters, digits).
_SMART = """reuters ap jan feb mar apr may jun jul aug sep oct nov dec tech news index mon tue wed thu fri sat a
able about above according accordingly across actually after afterwards again against all allow allows almost
alone along already also although always am amid among amongst an and another any anybody anyhow anyone anything
anyway anyways anywhere apart appear appreciate appropriate are around as aside ask asking associated at available
away awfully b be became because become becomes becoming been before beforehand behind being believe below beside
besides best better between beyond both brief but by c came can cannot cant cause causes certain certainly changes
clearly co com come comes concerning consequently consider considering contain containing contains corresponding
could course currently d definitely described despite did different do does doing done down downwards during e
each edu eg eight either else elsewhere enough entirely especially et etc even ever every everybody everyone
everything everywhere ex exactly example except f far few fifth five followed following follows for former formerly
forth four from further furthermore g get gets getting given gives go goes going gone got gotten greetings h had
happens hardly has have having he hello help hence her here hereafter hereby herein hereupon hers herself hi him
himself his hither hopefully how howbeit however i ie if ignored immediate in inasmuch inc indeed indicate
indicated indicates inner insofar instead into inward is it its itself j just k keep keeps kept know knows known l
lately later latter latterly least less lest let like liked likely little look looking looks ltd m mainly many may
maybe me mean meanwhile merely might more moreover most mostly much must my myself n namely nd near nearly
necessary need needs neither never nevertheless new next nine no nobody non none noone nor normally not nothing
novel now nowhere o obviously of off often oh ok okay old on once one ones only onto or other others otherwise
ought our ours ourselves out outside over overall own p particular particularly per perhaps placed please plus
possible presumably probably provides q que quite qv r rather rd re really reasonably regarding regardless regards
relatively respectively right s said same saw say saying says second secondly see seeing seem seemed seeming seems
seen self selves sensible sent serious seriously seven several shall she should since six so some somebody somehow
someone something sometime sometimes somewhat somewhere soon sorry specified specify specifying still sub such sup
sure t take taken tell tends th than thank thanks thanx that thats the their theirs them themselves then thence
there thereafter thereby therefore therein theres thereupon these they think third this thorough thoroughly those
though three through throughout thru thus to together too took toward towards tried tries truly try trying twice
two u un under unfortunately unless unlikely until unto up upon us use used useful uses using usually uucp v value
various very via viz vs w want wants was way we welcome well went were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why
will willing wish with within without wonder would x y yes yet you your yours yourself yourselves z zero"""
STOPWORDS = frozenset(_SMART.split())
_NON_WORD = re.compile(r"[^A-Za-z0-9\-]")
_STARTS_OK = re.compile(r"^[a-z0-9$]")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(PorterStemmer.MARTIN_EXTENSIONS)


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    return _stemmer().stem(token, to_lowercase=False) if len(token) > 3 else token


def rouge_tokens(text: str) -> list[str]:
    """A text's tokens as ROUGE-1.5.5 counts them with -m -s (stemmed, no stop words)."""
    text = _NON_WORD.sub(" ", text.replace("-", " - ")).lower()
    return [_stem(t) for t in text.split() if t not in STOPWORDS and _STARTS_OK.match(t)]


@lru_cache(maxsize=100_000)
def _sentence_tokens(sentence: str) -> tuple[str, ...]:
    return tuple(rouge_tokens(sentence))


def ngram_counts(sentences: Sequence[str], n: int) -> Counter:
    """Clipped-count bag of n-grams of a summary (its sentences joined, as ROUGE reads them)."""
    tokens: list[str] = []
    for s in sentences:
        tokens.extend(_sentence_tokens(s))
    if n == 1:
        return Counter(tokens)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class Counts:
    """ROUGE raw counts of one comparison: hits, system n-grams, gold n-grams (-t 2: H, P, M)."""

    hit: float = 0.0
    sys: float = 0.0
    gold: float = 0.0


def rouge_counts(system: Sequence[str], gold: Sequence[str], n: int) -> Counts:
    s, g = ngram_counts(system, n), ngram_counts(gold, n)
    hit = sum(min(c, g[t]) for t, c in s.items() if t in g)
    return Counts(hit, sum(s.values()), sum(g.values()))


def prf(hit_p: float, denom_p: float, hit_r: float, denom_r: float) -> dict:
    p = hit_p / denom_p if denom_p else 0.0
    r = hit_r / denom_r if denom_r else 0.0
    return {"precision": p, "recall": r, "f1": f1(p, r)}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


Timeline = dict[str, list[str]]  # YYYY-MM-DD -> sentences


def concat(system: Timeline, gold: Timeline, n: int) -> dict:
    sys_sents = [s for d in sorted(system) for s in system[d]]
    gold_sents = [s for d in sorted(gold) for s in gold[d]]
    c = rouge_counts(sys_sents, gold_sents, n)
    return prf(c.hit, c.sys, c.hit, c.gold)


def agreement(system: Timeline, gold: Timeline, n: int) -> dict:
    hit = sys_total = gold_total = 0.0
    for d in set(system) | set(gold):
        c = rouge_counts(system.get(d, []), gold.get(d, []), n)
        if d in system:
            sys_total += c.sys
        if d in gold:
            gold_total += c.gold
        hit += c.hit
    return prf(hit, sys_total, hit, gold_total)


def _ordinal(d: str) -> int:
    return date.fromisoformat(d).toordinal()


def _raw_counts(sentences: Sequence[str]) -> Counter:
    return Counter(t for x in sentences for t in x.split())


def _approx_f1(s: Counter, g: Counter) -> float:
    if len(s) > len(g):
        match = sum(min(c, s[t]) for t, c in g.items() if t in s)
    else:
        match = sum(min(c, g[t]) for t, c in s.items() if t in g)
    p = match / sum(s.values()) if s else 0.0
    r = match / sum(g.values()) if g else 0.0
    return f1(p, r)


def approx_rouge1(system: Sequence[str], gold: Sequence[str]) -> float:
    """tilse's ``compute_rouge_approximation``: ROUGE-1 F1 on raw whitespace tokens, one reference."""
    return _approx_f1(_raw_counts(system), _raw_counts(gold))


def _hits(s: Counter, g: Counter) -> int:
    if len(s) > len(g):
        s, g = g, s
    return sum(min(c, g[t]) for t, c in s.items() if t in g)


def align_m1(system: Timeline, gold: Timeline, ns: Sequence[int] = (1, 2)) -> dict[int, dict]:
    """tilse's ``align_date_content_costs_many_to_one`` (align+ m:1) for each n in `ns`."""
    sys_dates, gold_dates = sorted(system), sorted(gold)
    grams = {n: ({d: ngram_counts(system[d], n) for d in sys_dates}, {d: ngram_counts(gold[d], n) for d in gold_dates})
             for n in ns}
    out = {}
    if not sys_dates or not gold_dates:
        for n in ns:
            sys_total = sum(sum(c.values()) for c in grams[n][0].values())
            gold_total = sum(sum(c.values()) for c in grams[n][1].values())
            out[n] = prf(0.0, sys_total, 0.0, gold_total)
        return out
    raw_sys = [_raw_counts(system[d]) for d in sys_dates]
    raw_gold = [_raw_counts(gold[d]) for d in gold_dates]
    so = [_ordinal(d) for d in sys_dates]
    go = [_ordinal(d) for d in gold_dates]
    # cost[i][j] between system date i and gold date j; tilse computes the same matrix for both directions
    cost = [[(1 - 1 / (abs(so[i] - go[j]) + 1)) * (1 - _approx_f1(raw_sys[i], raw_gold[j])) if so[i] != go[j] else 0.0
             for j in range(len(go))] for i in range(len(so))]
    prec_map = [min(range(len(go)), key=lambda j: (cost[i][j], j)) for i in range(len(so))]
    rec_map = [min(range(len(so)), key=lambda i: (cost[i][j], i)) for j in range(len(go))]
    for n in ns:
        sg, gg = grams[n]
        hit_p = hit_r = 0.0
        for i, j in enumerate(prec_map):
            hit_p += _hits(sg[sys_dates[i]], gg[gold_dates[j]]) / (abs(so[i] - go[j]) + 1)
        for j, i in enumerate(rec_map):
            hit_r += _hits(sg[sys_dates[i]], gg[gold_dates[j]]) / (abs(so[i] - go[j]) + 1)
        sys_total = sum(sum(c.values()) for c in sg.values())
        gold_total = sum(sum(c.values()) for c in gg.values())
        out[n] = prf(hit_p, sys_total, hit_r, gold_total)
    return out


def date_scores(system: Timeline, gold: Timeline) -> dict:
    shared = len(set(system) & set(gold))
    return prf(shared, len(system), shared, len(gold))


METRICS = ("date", "concat_r1", "concat_r2", "agreement_r1", "agreement_r2", "align_r1", "align_r2")


def score_timeline(system: Timeline, gold: Timeline) -> dict[str, dict]:
    """All scores of one task: each a dict of precision, recall, f1."""
    al = align_m1(system, gold)
    return {
        "date": date_scores(system, gold),
        "concat_r1": concat(system, gold, 1),
        "concat_r2": concat(system, gold, 2),
        "agreement_r1": agreement(system, gold, 1),
        "agreement_r2": agreement(system, gold, 2),
        "align_r1": al[1],
        "align_r2": al[2],
    }


def average(task_scores: Sequence[dict[str, dict]]) -> dict[str, dict]:
    """As news-tls ``experiments/evaluate.py``: mean precision and mean recall over tasks, then F1."""
    out = {}
    metrics = [m for m in METRICS if all(m in t for t in task_scores)] if task_scores else METRICS
    for m in metrics:
        if not task_scores:
            out[m] = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
            continue
        p = sum(t[m]["precision"] for t in task_scores) / len(task_scores)
        r = sum(t[m]["recall"] for t in task_scores) / len(task_scores)
        out[m] = {"precision": p, "recall": r, "f1": f1(p, r)}
    return out


# --------------------------------------------------------------------------------------------------
# Topic input: ingest (``sentences`` reader) and analyse into a store, cached by content
# --------------------------------------------------------------------------------------------------

INPUT_VERSION = 1  # bump when what is stored for a topic changes (reader, options)


def topic_files(topic: Path, first: str | None = None, last: str | None = None) -> list[Path]:
    """The topic's article files, those published in [first, last] when given (the standard protocol)."""
    out = []
    for folder in sorted((topic / "InputDocs").iterdir()):
        if not folder.is_dir() or not DAY.match(folder.name):
            continue
        if (first and folder.name < first) or (last and folder.name > last):
            continue
        out.extend(sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")))
    return out


def content_key(topic: Path, files: Sequence[Path]) -> str:
    """Hash of what the store is made from: the files (path under the topic, bytes), the analysis version
    and the source code of the readers and the language layer (so a changed tagger is never served stale)."""
    from storyline.pipeline.analyze import STORED_VERSION

    h = hashlib.sha256(f"tls/{INPUT_VERSION}/{STORED_VERSION}".encode())
    package = Path(__file__).resolve().parents[1]  # the reader and the language layer's code, as it is now
    for src in sorted([*package.joinpath("ingest").rglob("*.py"), *package.joinpath("nlp").rglob("*.py")]):
        h.update(src.read_bytes())
    for p in files:
        h.update(str(p.relative_to(topic)).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline" / "tls"


def _remove_stale_stores(store_dir: Path, topic: str, keep: str) -> None:
    """Stores of this topic made from other input or older code (``<topic>-<16 hex>.db`` and companions)."""
    pattern = re.compile(re.escape(topic) + r"-[0-9a-f]{16}\.db(?:-wal|-shm|\.done)?$")
    for p in store_dir.iterdir():
        if pattern.match(p.name) and not p.name.startswith(keep):
            p.unlink(missing_ok=True)


@dataclass
class PreparedTopic:
    url: str
    documents: int
    ingest_errors: list[str] = field(default_factory=list)
    analyzed: int = 0
    cached: bool = False
    seconds: float = 0.0


def prepare_topic(topic: Path, files: Sequence[Path], store_dir: Path, *, processes: int | None = None,
                  on_progress: Callable[[int], None] | None = None) -> PreparedTopic:
    """Ingest `files` (publication date = their folder name) and analyse them, in a store under `store_dir`.

    The store's name carries a hash of the files' content, so a store made from the same input is reused
    as it is (ingest and analysis are incremental: an interrupted run resumes).
    """
    from sqlalchemy import func, select

    from storyline.ingest.base import ReadOptions
    from storyline.pipeline.analyze import STORED_VERSION, run_analyze
    from storyline.pipeline.ingest import ingest
    from storyline.store import analyses as analysis_store
    from storyline.store.db import open_engine
    from storyline.store.schema import documents

    t0 = time.perf_counter()
    store_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{store_dir / f'{topic.name}-{content_key(topic, files)}.db'}"
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.scalar(select(func.count()).select_from(documents)) or 0
            pending = analysis_store.count_pending(conn, STORED_VERSION)
        done_marker = Path(url.split("///", 1)[1] + ".done")
        out = PreparedTopic(url, n, cached=done_marker.exists() and n > 0 and pending == 0)
        if not out.cached:
            _remove_stale_stores(store_dir, topic.name, Path(url.split("///", 1)[1]).name)
            summary = ingest(engine, [str(p) for p in files], ReadOptions(format="sentences"))
            out.ingest_errors = [e for e in summary.errors if "empty file" not in e]
            result = run_analyze(engine, processes=processes, on_progress=on_progress)
            out.analyzed = result.analyzed
            out.ingest_errors += result.errors
            with engine.connect() as conn:
                out.documents = conn.scalar(select(func.count()).select_from(documents)) or 0
            done_marker.write_text("ok\n")
    finally:
        engine.dispose()
    out.seconds = time.perf_counter() - t0
    return out


_TIME_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def sentence_days(timexes: Iterable[dict]) -> list[str]:
    """The days a sentence's time expressions resolve to at day precision."""
    out = []
    for t in timexes:
        if t["type"] == "DATE" and t.get("first_day") and t["first_day"] == t.get("last_day"):
            out.append(t["first_day"])
        elif t["type"] == "TIME":
            m = _TIME_DAY.match(t["value"] or "")
            if m:
                out.append(m.group(1))
    return sorted(set(out))


def load_candidates(url: str, first: str | None = None, last: str | None = None):
    """Every analysed sentence of the documents published in [first, last], as timeline candidates."""
    from sqlalchemy import select

    from storyline.store.db import open_engine
    from storyline.store.schema import documents, sentences, timexes
    from storyline.story.timeline import Candidate

    engine = open_engine(url, create=False)
    try:
        with engine.connect() as conn:
            q = select(documents.c.id, documents.c.pub_date, documents.c.text, documents.c.outlet)
            if first:
                q = q.where(documents.c.pub_date >= first)
            if last:
                q = q.where(documents.c.pub_date <= last)
            docs = {r[0]: r for r in conn.execute(q.order_by(documents.c.pub_date, documents.c.ref))}
            tx: dict[tuple[str, int], list[dict]] = {}
            for r in conn.execute(select(timexes.c.doc_id, timexes.c.sent, timexes.c.type, timexes.c.value,
                                         timexes.c.first_day, timexes.c.last_day)):
                if r[0] in docs:
                    tx.setdefault((r[0], r[1]), []).append(dict(r._mapping))
            out = []
            for doc_id, idx, start, end in conn.execute(
                select(sentences.c.doc_id, sentences.c.idx, sentences.c.start, sentences.c.end)
                .order_by(sentences.c.doc_id, sentences.c.idx)
            ):
                doc = docs.get(doc_id)
                if doc is None:
                    continue
                out.append(Candidate(doc_id, idx, start, end, doc[2][start:end], doc[1],
                                     sentence_days(tx.get((doc_id, idx), [])), source=doc[3]))
    finally:
        engine.dispose()
    order = {d: i for i, d in enumerate(docs)}
    out.sort(key=lambda c: (order[c.doc_id], c.sent))
    return out


# --------------------------------------------------------------------------------------------------
# The evaluation
# --------------------------------------------------------------------------------------------------


def system_timeline(entries) -> Timeline:
    return {e.date: [c.text for c in e.sentences] for e in entries}


def run_task(candidates, gold: GoldTimeline, params=None) -> tuple[Timeline, list, float]:
    """Build the system timeline of one task (input restricted to the gold span); (timeline, entries, seconds)."""
    from storyline.story.timeline import build_timeline

    first, last = gold.dates[0], gold.dates[-1]
    t0 = time.perf_counter()
    cands = [c for c in candidates if c.pub_date and first <= c.pub_date <= last]
    entries = build_timeline(cands, gold.l, gold.k, date_range=(first, last), params=params)
    return system_timeline(entries), entries, time.perf_counter() - t0


def evaluate(topics: Sequence[Path], *, store_dir: Path | None = None, processes: int | None = None, params=None,
             on_topic: Callable[[str, str], None] | None = None) -> dict:
    """Prepare each topic (cached in `store_dir`, else in a temporary folder), build and score every task."""
    import tempfile

    t_start = time.perf_counter()
    tasks = []
    prep_seconds = build_seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="storyline-tls-") as tmp:
        base = store_dir or Path(tmp)
        for topic in topics:
            golds = [g for g in load_gold(topic) if g.entries]
            if not golds:
                continue
            first = min(g.dates[0] for g in golds)
            last = max(g.dates[-1] for g in golds)
            files = topic_files(topic, first, last)
            if on_topic:
                on_topic(topic.name, f"{len(files)} articles")
            prep = prepare_topic(topic, files, base, processes=processes)
            prep_seconds += prep.seconds
            if on_topic:
                on_topic(topic.name, f"{prep.documents} documents {'(stored analysis reused)' if prep.cached else f'analysed in {prep.seconds:.0f} s'}")
            candidates = load_candidates(prep.url, first, last)
            for g in golds:
                system, entries, secs = run_task(candidates, g, params)
                build_seconds += secs
                tasks.append({
                    "task": g.name,
                    "topic": topic.name,
                    "l": g.l,
                    "k": g.k,
                    "documents": len({c.doc_id for c in candidates if g.dates[0] <= c.pub_date <= g.dates[-1]}),
                    "system_dates": len(system),
                    "scores": score_timeline(system, g.entries),
                    "timeline": [{"date": e.date, "score": round(e.score, 4),
                                  "sentences": [{"doc": c.doc_id, "sent": c.sent, "start": c.start, "end": c.end,
                                                 "text": c.text} for c in e.sentences]} for e in entries],
                    "input_cached": prep.cached,
                    "input_errors": prep.ingest_errors,
                })
    from dataclasses import asdict

    from storyline.story.timeline import TimelineParams

    return {
        "tasks": tasks,
        "average": average([t["scores"] for t in tasks]),
        "averaging": "precision and recall averaged over tasks, then F1 (news-tls experiments/evaluate.py)",
        "params": asdict(params or TimelineParams()),
        "seconds": {"total": time.perf_counter() - t_start, "prepare": prep_seconds, "timelines": build_seconds},
    }
