"""The event-confidence model: features of coded clauses, scoring, and the shipped weights."""

from __future__ import annotations

import json

from storyline.extract import event_confidence as confidence
from storyline.extract.actors import find_actors
from storyline.extract.events import featured_events
from storyline.nlp.analysis import DocInput, analyze_docs

from test_events import events


def featured(text: str, date: str = "2024-01-10"):
    ((a, doc),) = list(analyze_docs([DocInput("d", text, date)]))
    return featured_events(doc, "d", date, a.sentences, a.timexes, find_actors(doc, "d", a.sentences, a.entities))


def test_features_name_what_the_coder_did():
    ((e, f),) = featured("Israel released 30 Palestinian prisoners on Friday.")
    assert e.type == "RETREAT"
    assert {"type=RETREAT", "tm=RETREAT/release", "dsrc=text", "lemma=release", "nact=1", "akind=state"} <= set(f)
    assert "report_dated_despite_date_words" not in f


def test_a_report_date_despite_a_weekday_is_flagged():
    feats = [f for e, f in featured("Qatar's prime minister met Hamas leaders in Doha, officials said, after talks on Monday "
                                    "had stalled.") if e.type == "CONSULT"]
    assert feats and all(("report_dated_despite_date_words" in f) == ("dsrc=report" in f) for f in feats)


def test_an_agentless_abduction_scores_below_an_attributed_one():
    ((_, bare),) = [(e, f) for e, f in featured("Dozens of people were abducted on 7 October 2023.") if e.type == "ASSAULT"]
    ((_, named),) = [(e, f) for e, f in featured("Hamas gunmen abducted dozens of people on 7 October 2023.") if e.type == "ASSAULT"]
    assert confidence.score(bare) < confidence.score(named)


def test_score_is_a_logistic_of_the_weights():
    model = {"bias": -1.0, "weights": {"a": 2.0, "b": -0.5}, "threshold": 0.5}
    assert abs(confidence.score(["a"], model) - 0.7311) < 1e-3
    assert abs(confidence.score(["a", "a", "b"], model) - 0.6225) < 1e-3  # a feature counts once
    assert abs(confidence.score([], model) - 0.2689) < 1e-3


def test_records_carry_the_shipped_models_confidence():
    shipped = json.loads(confidence.MODEL_FILE.read_text())
    assert 0.0 < shipped["threshold"] < 1.0 and shipped["labels"] >= 1000
    (e,) = [e for e in events("Israel released 30 Palestinian prisoners on Friday.") if e.type == "RETREAT"]
    assert e.confidence is not None and 0.0 < e.confidence < 1.0
