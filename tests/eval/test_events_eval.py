"""The event-coding scorer: gold loading, metrics, the actor-matching rule, and `storyline eval events`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import PROJECT
from storyline.cli import app
from storyline.eval.events import evaluate, load_gold, matches, score
from storyline.extract.records import ActorMention
from storyline.eval.events import _actor_keys, _phrase_keys

DEV = PROJECT / "tests" / "data" / "events-dev.jsonl"


def pred(type_, mode=None, actors=(), recipients=()):
    return {"type": type_, "mode": mode, "coded": True, "actors": list(actors), "recipients": list(recipients)}


def mention(text, actor, name, kind="state", country=None, affiliation=None):
    return ActorMention("d", 0, 0, len(text), text, actor, name, kind, country, None, affiliation)


# --- gold ---------------------------------------------------------------------------------------------

def test_load_gold_normalises(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Hamas freed two hostages.", "event": "retreat", "actor": "Hamas"}),
        json.dumps({"text": "They demanded a truce.", "event": ["DEMAND"], "mode": ["yield"]}),
        "",
    ]), encoding="utf-8")
    a, b = load_gold(p)
    assert (a["event"], a["actor"], a["recipient"]) == ("RETREAT", ["Hamas"], [])
    assert (b["id"], b["event"], b["mode"]) == ("line-2", "REQUEST", "yield")


@pytest.mark.parametrize("line,message", [
    ('{"id": "x", "event": "AGREE"}', "needs 'text' and 'event'"),
    ('{"id": "x", "text": "t", "event": "FIGHT"}', "unknown event type"),
    ("not json", "not JSON"),
])
def test_load_gold_rejects_bad_lines(tmp_path, line, message):
    p = tmp_path / "g.jsonl"
    p.write_text(line, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_gold(p)


def test_dev_gold_is_well_formed():
    recs = load_gold(DEV)
    assert len(recs) >= 150
    assert len({r["id"] for r in recs}) == len(recs)
    types = {r["event"] for r in recs}
    assert len(types) == 16  # every PLOVER type is represented


# --- metrics --------------------------------------------------------------------------------------------

def test_accuracy_macro_f1_and_mode_accuracy():
    gold = [{"id": str(i), "text": "t", "event": e, "mode": m} for i, (e, m) in
            enumerate([("ASSAULT", "abduct"), ("ASSAULT", None), ("AGREE", None), ("CONSULT", "phone")])]
    preds = [pred("ASSAULT", "abduct"), pred("AGREE"), pred("AGREE"), pred("CONSULT", "visit")]
    r = score(gold, preds)
    assert r["type_accuracy"] == 0.75
    # ASSAULT P=1 R=.5 F1=2/3; AGREE P=.5 R=1 F1=2/3; CONSULT F1=1
    assert r["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert (r["mode_lines"], r["mode_accuracy"]) == (2, 0.5)
    assert r["confusions"] == [{"gold": "ASSAULT", "predicted": "AGREE", "count": 1}]


def test_actor_and_recipient_match_rates():
    idf = mention("the IDF", "ISR.military", "Israel Defense Forces", "military", "ISR")
    hamas = mention("Hamas", "org:hamas", "Hamas", "armed_group", "PSE")
    biden = mention("President Biden", "person:joe-biden", "Joe Biden", "person", "USA", "USA.government")
    gold = [
        {"id": "1", "text": "t", "event": "ASSAULT", "actor": ["Israel"], "recipient": ["Hamas", "Qatar"]},
        {"id": "2", "text": "t", "event": "CONSULT", "actor": ["Biden", "protesters"]},
    ]
    preds = [pred("ASSAULT", actors=[_actor_keys(idf)], recipients=[_actor_keys(hamas)]),
             pred("CONSULT", actors=[_actor_keys(biden), _phrase_keys("angry protesters")])]
    r = score(gold, preds)
    assert (r["actor_match"], r["actor_gold"]) == (1.0, 3)
    assert (r["recipient_match"], r["recipient_gold"]) == (0.5, 2)


@pytest.mark.parametrize("gold_name,ok", [
    ("ISR", True),  # the country code
    ("Israel", True),  # a name the gazetteer resolves to the actor's country
    ("Israel Defense Forces", True),  # the canonical name
    ("IDF", True),  # the mention text
    ("the Israeli military", True),  # resolves to ISR via the demonym
    ("Egypt", False),
])
def test_actor_match_rule(gold_name, ok):
    keys = _actor_keys(mention("the IDF", "ISR.military", "Israel Defense Forces", "military", "ISR"))
    assert matches(gold_name, keys) is ok


# --- end to end -----------------------------------------------------------------------------------------

def test_evaluate_codes_each_line(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Hamas released 13 hostages on Friday.", "date": "2023-11-25", "event": "RETREAT", "mode": "release", "actor": ["Hamas"]},
        {"id": "b", "text": "Egypt condemned the strike on the hospital.", "event": "ACCUSE", "actor": ["Egypt"]},
        {"id": "c", "text": "The weather was fine.", "event": "CONSULT"},
    ]), encoding="utf-8")
    r = evaluate(p)
    assert r["lines"] == 3 and r["coded_lines"] == 2  # the last line falls back to a default type
    assert r["type_accuracy"] == 1.0 and r["mode_accuracy"] == 1.0 and r["actor_match"] == 1.0
    assert [d["predicted"] for d in r["details"]] == ["RETREAT", "ACCUSE", "CONSULT"]


def test_cli_eval_events_json_and_usage_errors(tmp_path):
    runner = CliRunner()
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Qatar hosted talks between Israel and Hamas.", "event": "CONSULT",
                             "mode": "third-party"}), encoding="utf-8")
    r = runner.invoke(app, ["eval", "events", str(p), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["lines"] == 1 and data["type_accuracy"] == 1.0 and "details" not in data
    r = runner.invoke(app, ["eval", "events", str(p), "--details"])
    assert r.exit_code == 0 and "macro-F1" in r.stdout
    assert runner.invoke(app, ["eval", "events", str(tmp_path / "missing.jsonl")]).exit_code == 2
    assert runner.invoke(app, ["eval", "events", str(p), "--split", "other"]).exit_code == 2
