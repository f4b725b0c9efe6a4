"""TLS metrics on hand-made timelines (scores worked out by hand), gold loading, the `sentences` reader."""

from __future__ import annotations

import json

import pytest

from storyline.eval import tls
from storyline.ingest.base import ReadOptions, Source
from storyline.ingest.document import Document
from storyline.ingest.read import read_source

GOLD = {"2010-01-01": ["oil spill"], "2010-01-03": ["well capped"]}  # ROUGE tokens: [oil, spill], [cap]
SYSTEM = {"2010-01-01": ["oil leak"], "2010-01-02": ["capped"]}  # [oil, leak], [cap]


def close(scores: dict, p: float, r: float) -> None:
    assert scores["precision"] == pytest.approx(p)
    assert scores["recall"] == pytest.approx(r)
    assert scores["f1"] == pytest.approx(2 * p * r / (p + r) if p + r else 0.0)


def test_rouge_tokens_clean_stem_and_drop_stop_words_like_rouge155():
    text = "The U.S. Coast-Guard said -LRB- 11 -RRB- workers died ."
    assert tls.rouge_tokens(text) == ["coast", "guard", "lrb", "11", "rrb", "worker", "di"]  # Porter: died -> di
    assert tls.rouge_tokens("Reuters reported on Monday") == ["report", "mondai"]  # Porter step 1c; 'reuters', 'on' are stop words


def test_date_f1():
    close(tls.date_scores(SYSTEM, GOLD), 0.5, 0.5)


def test_concat():
    close(tls.concat(SYSTEM, GOLD, 1), 2 / 3, 2 / 3)  # oil, cap of 3 and 3
    close(tls.concat(SYSTEM, GOLD, 2), 0.0, 0.0)  # (oil leak)(leak cap) vs (oil spill)(spill cap)


def test_agreement_counts_only_same_day_matches():
    close(tls.agreement(SYSTEM, GOLD, 1), 1 / 3, 1 / 3)  # 'oil' on 01-01; 'cap' one day off earns nothing


def test_align_many_to_one_weights_matches_by_date_distance():
    scores = tls.align_m1(SYSTEM, GOLD)
    # precision: 01-01 -> 01-01 (oil, weight 1); 01-02 -> 01-03 (cost 1/2 * 1/3 beats 1/2 * 1): cap * 1/2
    # recall:    01-01 -> 01-01; 01-03 -> 01-02 (1/2 * 1/3 beats 2/3 * 1): cap * 1/2
    close(scores[1], 1.5 / 3, 1.5 / 3)
    close(scores[2], 0.0, 0.0)


def test_align_is_many_to_one():
    gold = {"2010-01-01": ["oil spill"]}
    system = {"2010-01-01": ["oil spill"], "2010-01-02": ["oil spill"]}
    scores = tls.align_m1(system, gold)[1]
    # both system days align to the one gold day: (2 + 2/2) / 4; recall: the same-day match, 2 / 2
    close(scores, 3 / 4, 1.0)


def test_perfect_and_empty_timelines():
    s = tls.score_timeline(GOLD, GOLD)
    for m in tls.METRICS:
        if m in ("concat_r2", "agreement_r2", "align_r2"):
            continue  # 'cap' alone has no bigram
        close(s[m], 1.0, 1.0)
    empty = tls.score_timeline({}, GOLD)
    assert all(empty[m]["f1"] == 0.0 for m in tls.METRICS)


def test_average_means_precision_and_recall_then_f1():
    a = {m: {"precision": 1.0, "recall": 0.0, "f1": 0.0} for m in tls.METRICS}
    b = {m: {"precision": 0.0, "recall": 1.0, "f1": 0.0} for m in tls.METRICS}
    avg = tls.average([a, b])
    close(avg["date"], 0.5, 0.5)  # not the mean of the per-task F1 (0.0)


def test_gold_as_news_tls_loads_it(tmp_path):
    topic = tmp_path / "t"
    (topic / "timelines").mkdir(parents=True)
    (topic / "InputDocs" / "2010-01-01").mkdir(parents=True)
    sep = "-" * 32
    (topic / "timelines" / "t.txt").write_text(
        f"2010-01-03\nB happens . \n{sep}\n2010-01-01\nA happens . \nA goes on . \n{sep}\n2010-01-03\nC happens . \n{sep}\n")
    (g,) = tls.load_gold(topic)  # from the .txt: a repeated date keeps its last entry
    assert g.entries == {"2010-01-01": ["A happens .", "A goes on ."], "2010-01-03": ["C happens ."]}
    assert (g.name, g.l, g.k) == ("t", 2, 2)  # mean 1.5 rounds half to even
    (topic / "timelines.jsonl").write_text(json.dumps([["2010-01-01", ["A happens . \n"]]]) + "\n")
    (g,) = tls.load_gold(topic)
    assert g.entries == {"2010-01-01": ["A happens ."]} and (g.l, g.k) == (1, 1)
    assert tls.find_topics([tmp_path]) == [topic]


def test_sentences_reader_keeps_lines_and_dates_from_the_folder():
    data = "BP says no oil is leaking . \nThe rig sank on Thursday . \n\n".encode()
    (doc,) = read_source(Source("topic/InputDocs/2010-04-23/2073.htm.txt", data), ReadOptions(format="sentences"))
    assert isinstance(doc, Document)
    assert doc.published == "2010-04-23" and doc.date_source == "folder name" and doc.date_precision == "day"
    assert doc.text == "BP says no oil is leaking .\n\nThe rig sank on Thursday ."
    (undated,) = read_source(Source("x/2073.txt", data), ReadOptions(format="sentences"))
    assert undated.published is None


def test_sentence_days_keeps_day_precision_only():
    rows = [
        {"type": "DATE", "value": "2010-04-20", "first_day": "2010-04-20", "last_day": "2010-04-20"},
        {"type": "DATE", "value": "2010-03", "first_day": "2010-03-01", "last_day": "2010-03-31"},
        {"type": "TIME", "value": "2010-04-22TNI", "first_day": None, "last_day": None},
        {"type": "DURATION", "value": "P3D", "first_day": None, "last_day": None},
    ]
    assert tls.sentence_days(rows) == ["2010-04-20", "2010-04-22"]


def test_topic_files_in_range(shared):
    topic = shared("bench", "timeline17", "bpoil_foxnews")
    (g,) = tls.load_gold(topic)
    assert (g.l, g.k) == (13, 4)
    files = tls.topic_files(topic, g.dates[0], g.dates[-1])
    assert len(files) == 20 and len({f.parent.name for f in files}) == 10


def _tiny_topic(root):
    """Three short articles and a two-date gold timeline, in the Timeline17 layout."""
    topic = root / "spill_test"
    docs = {
        "2010-04-21/1.htm.txt": "An explosion on the Deepwater Horizon oil rig on Tuesday injured 17 workers and left 11 missing . \n"
                                "The rig was drilling a well for BP in the Gulf of Mexico off the coast of Louisiana . \n",
        "2010-04-22/2.htm.txt": "The Deepwater Horizon oil rig sank on Thursday in the Gulf of Mexico after the explosion . \n"
                                "Coast guard crews continued to search for the 11 missing workers from the oil rig . \n",
        "2010-04-23/3.htm.txt": "The coast guard said no oil was leaking from the well after the rig sank on Thursday . \n",
    }
    for rel, text in docs.items():
        path = topic / "InputDocs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sep = "-" * 32
    (topic / "timelines").mkdir()
    (topic / "timelines" / "gold.txt").write_text(
        f"2010-04-20\nAn explosion on the Deepwater Horizon rig kills 11 workers . \n{sep}\n"
        f"2010-04-22\nThe rig sinks in the Gulf of Mexico . \n{sep}\n", encoding="utf-8")
    return topic


def test_eval_tls_command_on_a_tiny_topic(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    topic = _tiny_topic(tmp_path)
    args = ["eval", "tls", str(tmp_path), "--cache", str(tmp_path / "cache"), "-p", "1", "--json", "--timelines"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    (task,) = data["tasks"]
    assert task["task"] == "spill_test" and (task["l"], task["k"], task["documents"]) == (2, 1, 2)  # 04-23 is out of range
    assert task["input_cached"] is False
    assert [e["date"] for e in task["timeline"]] and all(len(e["sentences"]) == 1 for e in task["timeline"])
    assert {e["date"] for e in task["timeline"]} <= {"2010-04-20", "2010-04-21", "2010-04-22"}
    assert set(data["average"]) == set(tls.METRICS) and data["average"]["date"]["f1"] > 0
    again = json.loads(CliRunner().invoke(app, args).stdout)
    assert again["tasks"][0]["input_cached"] is True and again["average"] == data["average"]
    text = CliRunner().invoke(app, ["eval", "tls", str(topic), "--cache", str(tmp_path / "cache")])
    assert text.exit_code == 0 and "AR1" in text.stdout and "time" in text.stdout
    assert CliRunner().invoke(app, ["eval", "tls", str(tmp_path / "nothing")]).exit_code == 2


def test_stale_stores_of_a_topic_are_removed(tmp_path):
    for name in ("t-0123456789abcdef.db", "t-0123456789abcdef.db.done", "t-0123456789abcdef.db-wal",
                 "t-fedcba9876543210.db", "t-fedcba9876543210.db-wal", "tt-0123456789abcdef.db", "notes.txt"):
        (tmp_path / name).write_text("x")
    tls._remove_stale_stores(tmp_path, "t", "t-fedcba9876543210.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "t-fedcba9876543210.db",
                                                         "t-fedcba9876543210.db-wal", "tt-0123456789abcdef.db"]
