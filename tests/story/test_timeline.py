"""The timeline builder on a small, realistic set of dated sentences (an oil-spill story)."""

from __future__ import annotations

from storyline.story.timeline import Candidate, TimelineParams, build_timeline, rank_dates

DOCS = {
    # doc id: (publication date, [(sentence, days it refers to)])
    "a1": ("2010-04-21", [
        ("An explosion on the Deepwater Horizon oil rig in the Gulf of Mexico injures 17 workers and leaves 11 missing .",
         ["2010-04-20"]),
        ("The rig was drilling an exploratory well for BP off the coast of Louisiana .", []),
        ("Photograph : Reuters", []),
    ]),
    "a2": ("2010-04-23", [
        ("The Deepwater Horizon rig sinks two days after the explosion , and the coast guard says no oil is leaking .",
         ["2010-04-22"]),
        ("Tuesday 's explosion on the rig was the worst offshore accident in the Gulf of Mexico for decades .",
         ["2010-04-20"]),
        ("Coast guard crews continue the search for the 11 missing workers on the rig .", []),
    ]),
    "a3": ("2010-04-25", [
        ("Remotely operated vehicles find oil leaking from the damaged well a mile below the surface of the Gulf .",
         ["2010-04-24"]),
        ("The explosion on the Deepwater Horizon rig on Tuesday killed 11 workers , the coast guard now says .",
         ["2010-04-20"]),
        ("BP says it will drill a relief well to stop the oil leaking from the well .", []),
    ]),
    "a4": ("2010-05-02", [
        ("President Obama visits the Louisiana coast to see the oil spill response .", []),
        ("The oil spill from the BP well is now the size of Jamaica , officials say .", []),
        ("Eleven workers died in the explosion on the Deepwater Horizon rig on 20 April .", ["2010-04-20"]),
    ]),
}


def candidates() -> list[Candidate]:
    out = []
    for doc_id, (pub, sents) in DOCS.items():
        pos = 0
        for i, (text, days) in enumerate(sents):
            out.append(Candidate(doc_id, i, pos, pos + len(text), text, pub, days, source="wire"))
            pos += len(text) + 2
    return out


def test_the_most_mentioned_day_ranks_first():
    ranked = rank_dates(candidates())
    assert ranked[0][0] == "2010-04-20"
    assert {d for d, _ in ranked} >= {"2010-04-20", "2010-04-22", "2010-04-24", "2010-05-02"}


def test_timeline_has_the_requested_shape_and_citations():
    entries = build_timeline(candidates(), n_dates=3, per_date=2)
    assert len(entries) == 3
    assert [e.score for e in entries] == sorted((e.score for e in entries), reverse=True)
    assert entries[0].date == "2010-04-20"
    for e in entries:
        assert 1 <= len(e.sentences) <= 2
        for c in e.sentences:  # each sentence keeps its citation
            assert c.doc_id in DOCS and DOCS[c.doc_id][1][c.sent][0] == c.text and c.end - c.start == len(c.text)
    first = entries[0].sentences[0].text
    assert "explosion" in first and "Deepwater Horizon" in first


def test_no_sentence_is_used_twice_and_short_furniture_is_left_out():
    entries = build_timeline(candidates(), n_dates=10, per_date=3)
    used = [(c.doc_id, c.sent) for e in entries for c in e.sentences]
    assert len(used) == len(set(used))
    assert all(c.text != "Photograph : Reuters" for e in entries for c in e.sentences)


def test_redundant_sentences_are_skipped():
    entries = build_timeline(candidates(), n_dates=1, per_date=4, params=TimelineParams(max_sim=0.3))
    texts = [c.text for c in entries[0].sentences]
    assert len(texts) < 4  # the four reports of the explosion are too alike to all be kept


def test_date_range_and_empty_input():
    entries = build_timeline(candidates(), n_dates=5, per_date=1, date_range=("2010-04-21", "2010-04-30"))
    assert entries and all("2010-04-21" <= e.date <= "2010-04-30" for e in entries)
    assert build_timeline([], 5, 2) == []
    assert build_timeline(candidates(), 0, 2) == []


def test_wire_datelines_are_trimmed_and_the_span_follows():
    from storyline.story.timeline import trim_dateline

    text = "MEXICO CITY | Sat Apr 25 , 2009 7:32 pm EDT MEXICO CITY -LRB- Reuters -RRB- - A new flu has killed 68 people ."
    c = trim_dateline(Candidate("d", 0, 100, 100 + len(text), text, "2009-04-25"))
    assert c.text == "A new flu has killed 68 people ." and c.start == 100 + text.index("A new") and c.end == 100 + len(text)
    plain = "The WHO -LRB- World Health Organization -RRB- - which met on Monday - raised its alert ."
    assert trim_dateline(Candidate("d", 0, 0, len(plain), plain, None)).text == plain


def test_calendar_words_do_not_make_a_dateline_look_relevant():
    cands = candidates() + [Candidate("a5", 0, 0, 40, "Tue Apr 20 , 2010 10:19 pm BST WASHINGTON -LRB-", "2010-04-21",
                                      ["2010-04-20"])]
    entries = build_timeline(cands, n_dates=1, per_date=3)
    assert all("BST" not in c.text for c in entries[0].sentences)
