"""Merging coded events across documents, and the event timeline built from them."""

from storyline.story.event_timeline import build_event_timeline, salience
from storyline.story.events import confident_events, merge_events


def row(doc, sentence, *, type="RETREAT", mode="release", date="2023-11-24", actors=("org:hamas",),
        recipients=(), outlet=None, copy_of=None, start=0, modality="asserted", sent=0):
    return {
        "doc_id": doc, "doc_ref": f"ref-{doc}", "outlet": outlet or f"Outlet {doc}", "doc_date": date,
        "duplicate_of": copy_of, "sent": sent, "start": start, "end": start + 5, "trigger": "freed",
        "type": type, "mode": mode, "actors": list(actors), "recipients": list(recipients),
        "actor_text": [], "recipient_text": [], "location": None, "date": date, "date_start": date,
        "date_end": date, "precision": "day", "date_source": "text", "modality": modality, "claimed_by": None,
        "sentence_start": 0, "sentence_end": len(sentence), "sentence": sentence,
    }


def test_reports_of_one_release_by_several_outlets_become_one_event():
    rows = [
        row("a", "Hamas freed 13 Israeli hostages on Friday, the first day of the truce."),
        row("b", "Thirteen Israeli hostages were released by Hamas as the truce began.", date="2023-11-24"),
        {**row("c", "Hamas released 13 Israelis and several Thai workers on the first day of the pause.",
               date="2023-11-25"), "date_source": "report"},  # reported a day later: still the same happening
    ]
    merged = merge_events(rows)
    assert len(merged) == 1
    m = merged[0]
    assert m.sources == 3 and m.documents == 3
    assert m.date == "2023-11-24"
    assert [c.doc_id for c in m.citations] == ["a", "b", "c"]
    assert all(c.sentence for c in m.citations)


def test_syndicated_copy_adds_a_citation_not_a_source():
    rows = [
        row("a", "Hamas freed 13 Israeli hostages on Friday.", outlet="Wire"),
        row("b", "Hamas freed 13 Israeli hostages on Friday.", outlet="Local Paper", copy_of="a"),
    ]
    [m] = merge_events(rows)
    assert m.sources == 1 and m.documents == 2
    assert {c.copy_of for c in m.citations} == {None, "a"}


def test_different_types_dates_or_happenings_stay_apart():
    rows = [
        row("a", "Hamas freed 13 Israeli hostages on Friday."),
        row("b", "Israeli jets struck a school in Khan Younis.", type="ASSAULT", mode="aerial",
            actors=("ISR.military",)),
        row("c", "Hamas freed 11 more hostages as the truce was extended.", date="2023-11-27"),
        row("d", "Qatar hosted talks between Israeli and Hamas negotiators in Doha.", type="CONSULT",
            mode="third-party", actors=("ISR", "org:hamas")),
        row("e", "Egyptian officials received a delegation in Cairo to discuss aid deliveries.", type="CONSULT",
            mode="visit", actors=("EGY",)),
    ]
    merged = merge_events(rows)
    assert len(merged) == 5


def test_two_strikes_by_one_army_on_one_day_stay_apart_unless_told_alike():
    strike = dict(type="ASSAULT", mode="aerial", actors=("ISR.military",), date="2024-04-01")
    rows = [
        row("a", "The military said it struck a command centre in the grounds of a hospital in Deir al-Balah.", **strike),
        row("b", "Seven aid workers died when the military attacked their convoy with missile strikes.", **strike),
        row("c", "The military's strike on the aid convoy killed seven aid workers, the charity said.", **strike),
    ]
    merged = merge_events(rows)
    assert sorted(len(m.citations) for m in merged) == [1, 2]
    # a release is done once a day: one actor and one mode are enough
    rows = [row("a", "Hamas freed 13 Israeli hostages on Friday."), row("b", "The group handed captives to the Red Cross.")]
    assert len(merge_events(rows)) == 1


def test_reports_of_one_mass_abduction_in_different_words_are_one_event():
    taken = dict(type="ASSAULT", mode="abduct", date="2023-10-07")
    rows = [
        row("a", "More than 200 hostages were taken into Gaza by the gunmen.", **taken),
        row("b", "Militants stormed kibbutz communities near the border fence at dawn.", type="ASSAULT", mode=None,
            date="2023-10-07"),
        row("c", "Families from the kibbutz communities near the border were seized at dawn.", **taken),
    ]
    [m] = merge_events(rows)
    assert (m.mode, m.documents) == ("abduct", 3)


def test_events_of_a_period_merge_only_when_told_alike_and_undated_ones_stay_single():
    r1 = row("a", "Hamas freed hostages in November.")
    r1.update(date="2023-11", date_start="2023-11-01", date_end="2023-11-30", precision="month")
    r2 = dict(r1, doc_id="b")  # the same sentence again: one event, two citations
    r4 = dict(r1, doc_id="d", sentence="Hamas fighters shelled a tank convoy in November.", type="ASSAULT",
              mode="heavy-weapons")
    r3 = row("c", "Hamas freed hostages.")
    r3.update(date=None, date_start=None, date_end=None)
    r5 = dict(r3, doc_id="e")
    merged = merge_events([r1, r2, r3, r4, r5])
    assert sorted(m.documents for m in merged) == [1, 1, 1, 2]
    assert merged[-1].date is None  # undated last


def test_a_period_retelling_joins_the_day_event_it_retells():
    day = [row(d, "Hamas gunmen attacked southern Israel on 7 October, killing 1,200 people and taking 250 hostages.",
               type="ASSAULT", mode="firearms", date="2023-10-07", recipients=("ISR",)) for d in ("a", "b")]
    retold = row("c", "The war began in October when Hamas gunmen attacked Israel, killing 1,200 people and taking "
                      "250 hostages.", type="ASSAULT", mode="firearms", date="2023-10", recipients=("ISR",))
    retold.update(date_start="2023-10-01", date_end="2023-10-31", precision="month", doc_date="2024-05-31")
    other = row("d", "Israeli troops shot two gunmen at a checkpoint in October.", type="ASSAULT", mode="firearms",
                date="2023-10", actors=("ISR.military",), recipients=("org:hamas",))
    other.update(date_start="2023-10-01", date_end="2023-10-31", precision="month")
    merged = merge_events(day + [retold, other])
    attack = next(m for m in merged if m.documents == 3)
    assert attack.date == "2023-10-07" and attack.precision == "day"  # the day, not the month that retells it
    assert len(merged) == 2  # the checkpoint shooting, with a shared actor but other words, stays apart


def test_merged_event_takes_the_most_asserted_modality_and_the_actors_of_all_reports():
    rows = [
        row("a", "Hamas said it would free 13 hostages on Friday.", modality="planned"),
        row("b", "Hamas freed 13 hostages on Friday, handing them to the Red Cross.", recipients=("org:icrc",)),
    ]
    [m] = merge_events(rows)
    assert m.modality == "asserted"
    assert m.recipients == ["org:icrc"]


def test_timeline_keeps_the_most_salient_dates_in_calendar_order():
    rows = []
    for i in range(6):  # a release reported by six outlets
        rows.append(row(f"r{i}", "Hamas freed 13 Israeli hostages on the first day of the truce.", outlet=f"O{i}"))
    rows.append(row("x", "A minister accused the other side of lying.", type="ACCUSE", mode=None,
                    date="2023-11-20", actors=("ISR.government",)))
    for i in range(3):
        rows.append(row(f"t{i}", "Negotiators met in Doha under Qatari mediation.", type="CONSULT",
                        mode="third-party", date="2023-11-15", actors=("ISR", "org:hamas"), outlet=f"O{i}"))
    days = build_event_timeline(merge_events(rows), n_dates=2, per_date=2)
    assert [d.date for d in days] == ["2023-11-15", "2023-11-24"]
    assert days[1].events[0].type == "RETREAT" and days[1].events[0].sources == 6


def test_timeline_lists_one_event_per_happening_on_a_date():
    rows = [
        row("a", "Hamas freed 13 Israeli hostages on Friday."),
        row("b", "Israel freed 39 Palestinian prisoners on Friday.", actors=("ISR",), mode="release"),
        row("c", "Israeli jets struck Khan Younis on Friday morning.", type="ASSAULT", mode="aerial",
            actors=("ISR.military",)),
    ]
    [day] = build_event_timeline(merge_events(rows), n_dates=0, per_date=3)
    assert len(day.events) == 3
    assert {e.type for e in day.events} == {"RETREAT", "ASSAULT"}


def test_a_quiet_weeks_key_event_beats_a_busy_weeks_minor_one():
    rows = []
    for i in range(40):  # a heavily covered week: many small events
        tag = "".join(chr(97 + int(c)) for c in f"{i:02d}")  # distinct words: "aa", "ab", ...
        rows.append(row(f"b{i}", f"Shelling{tag} hit quarter{tag} beside market{tag}.", type="ASSAULT", mode=None,
                        date=f"2023-10-{10 + i % 5:02d}", actors=(f"X{i}",), outlet=f"O{i}"))
    rows.append(row("q1", "Mediators hosted a new round of talks in Cairo.", type="CONSULT", mode="third-party",
                    date="2024-03-03", actors=("ISR", "org:hamas"), outlet="A"))
    rows.append(row("q2", "A new round of talks opened in Cairo under Egyptian mediation.", type="CONSULT",
                    mode="third-party", date="2024-03-03", actors=("ISR", "org:hamas"), outlet="B"))
    days = build_event_timeline(merge_events(rows), n_dates=3, per_date=1)
    assert "2024-03-03" in [d.date for d in days]


def test_actor_ids_are_made_canonical_before_merging():
    rows = [
        row("a", "Haniyeh said the group freed 13 hostages.", actors=("person:haniyeh",)),
        row("b", "Ismail Haniyeh said the group freed 13 hostages on Friday.", actors=("person:ismail-haniyeh",)),
    ]
    canon = {"person:haniyeh": "person:ismail-haniyeh"}
    [m] = merge_events(rows, canonical=lambda a, when=None: canon.get(a, a))
    assert m.actors == ["person:ismail-haniyeh"]


def test_two_triggers_of_one_sentence_are_one_citation():
    s = "An Israeli air strike killed a Hezbollah commander in southern Lebanon on Monday."
    rows = [row("a", s, type="ASSAULT", mode="aerial", start=11), row("a", s, type="ASSAULT", mode="aerial", start=30),
            row("b", "Israel killed a senior Hezbollah commander in an air strike in Lebanon.", type="ASSAULT", mode="aerial")]
    [m] = merge_events(rows)
    assert [c.doc_id for c in m.citations] == ["a", "b"] and m.documents == 2


def test_a_quiet_month_keeps_its_key_date():
    rows = []
    for day in range(1, 21):  # a heavily covered month: several outlets report an abduction every day
        for k in range(3):
            rows.append(row(f"oct{day}-{k}", f"Gunmen abducted villagers in district {day} near the border.", type="ASSAULT",
                            mode="abduct", date=f"2023-10-{day:02d}", actors=(f"org:g{day}",), outlet=f"Outlet {k}"))
    rows.append(row("feb", "Mediators from Qatar and Egypt met Israeli and Hamas negotiators in Paris on Sunday.",
                    type="CONSULT", mode="third-party", date="2024-02-25", actors=("ISR", "org:hamas")))
    for day in (5, 12):
        rows.append(row(f"feb{day}", "A minister criticised the plan in a speech.", type="ACCUSE", mode="disapprove",
                        date=f"2024-02-{day:02d}", actors=("GBR",)))
    days = [d.date for d in build_event_timeline(merge_events(rows), n_dates=8, per_date=1)]
    assert len(days) == 8 and "2024-02-25" in days  # by score alone, October's 20 dates would fill all 8


def test_releases_stated_on_consecutive_days_stay_apart():
    rows = [row("a", "Hamas freed 13 Israeli hostages on Friday, the first day of the truce.", date="2023-11-24"),
            row("b", "Hamas freed 13 Israeli hostages on Saturday, the second day of the truce.", date="2023-11-25"),
            {**row("c", "Hamas freed 13 Israeli hostages, the second group under the truce.", date="2023-11-25"),
             "date_source": "report"}]
    merged = merge_events(rows)
    assert sorted(m.date for m in merged) == ["2023-11-24", "2023-11-25"]
    assert {m.date: m.documents for m in merged}["2023-11-25"] == 2


def test_a_later_retelling_joins_the_earlier_event():
    rows = [row("a", "Turkey recalled its ambassador to Israel for consultations.", type="SANCTION", mode="withdraw",
                date="2023-11-04", actors=("TUR",), recipients=("ISR",)),
            {**row("b", "Turkey recalled its ambassador to Israel, and Israel's envoy returned home.", type="SANCTION",
                   mode="withdraw", date="2024-01-02", actors=("TUR",), recipients=("ISR",)), "date_source": "report"}]
    [m] = merge_events(rows)
    assert m.date == "2023-11-04" and m.documents == 2


def test_a_single_report_of_a_round_of_talks_keeps_its_date():
    rows = []
    for day in range(1, 28):  # a month of strikes, each told by three outlets
        for k in range(3):
            rows.append(row(f"s{day}-{k}", f"Jets struck district{chr(97 + day % 26)}{day} overnight.", type="ASSAULT",
                            mode="aerial", date=f"2024-01-{day:02d}", actors=(f"org:g{day}",), outlet=f"Outlet {k}"))
    rows.append(row("paris", "Qatar's prime minister and the CIA director met the Mossad chief in Paris on Sunday.",
                    type="CONSULT", mode="multilateral", date="2024-01-28",
                    actors=("role:QAT.government:prime-minister", "USA.intelligence"), recipients=("ISR.mossad",)))
    rows.append(row("club", "The council convened a meeting of local clubs.", type="CONSULT", mode="multilateral",
                    date="2024-02-14", actors=("GBR.government",)))
    days = [d.date for d in build_event_timeline(merge_events(rows), n_dates=10, per_date=1)]
    assert "2024-01-28" in days  # talks between parties of three states: a round of the negotiations
    assert "2024-02-14" not in days  # one state's own meeting is no round of talks


def test_a_likelier_coding_is_more_salient():
    sure = merge_events([{**row("a", "Hamas freed 13 Israeli hostages on Friday."), "confidence": 0.9}])[0]
    unsure = merge_events([{**row("b", "Hamas freed 13 Israeli hostages on Friday."), "confidence": 0.2}])[0]
    assert sure.confidence == 0.9 and salience(sure) > salience(unsure)


def test_confident_events_keep_those_at_the_threshold_and_those_without_a_score():
    merged = merge_events([{**row("a", "Hamas freed 13 hostages on Friday."), "confidence": 0.9},
                           {**row("b", "Israel struck a school.", type="ASSAULT", mode="aerial", actors=("ISR",)),
                            "confidence": 0.3},
                           row("c", "Qatar hosted talks in Doha.", type="CONSULT", mode="third-party", actors=("QAT",))])
    assert {m.type for m in confident_events(merged, 0.5)} == {"RETREAT", "CONSULT"}
    assert len(confident_events(merged, 0.0)) == 3


def test_the_likelier_report_speaks_for_the_event():
    rows = [{**row("a", "Hamas freed 13 Israeli hostages on Friday, officials in several capitals said.", outlet="A"),
             "confidence": 0.3},
            {**row("b", "Hamas freed 13 Israeli hostages on Friday.", outlet="B"), "confidence": 0.9}]
    [m] = merge_events(rows)
    assert m.summary == "Hamas freed 13 Israeli hostages on Friday." and m.confidence == 0.9
    assert m.summary_citation.doc_id == "b" and m.citations[0].doc_id == "a"


def test_a_participant_of_one_outlet_only_is_not_the_merged_events():
    rows = [
        row("a", "Israeli forces began an attack on Rafah on Monday.", type="ASSAULT", mode=None, actors=("ISR.military",),
            recipients=()),
        row("b", "Israeli forces began an attack on the city of Rafah on Monday.", type="ASSAULT", mode=None,
            actors=("ISR.military",), recipients=("org:nasser",), outlet="Live page"),
        row("c", "Israel's army began an attack on Rafah on Monday, a live page said.", type="ASSAULT", mode=None,
            actors=("ISR.military",), recipients=("org:nasser",), outlet="Live page"),
    ]
    [m] = merge_events(rows)
    assert m.summary_citation.doc_id == "a"
    assert m.recipients == []  # one outlet's repeated coding does not speak for the event
    rows[0]["outlet"] = "Wire"
    rows[2]["outlet"] = "Paper"  # two outlets of three name it: it is the event's
    assert merge_events(rows)[0].recipients == ["org:nasser"]
    # so with participants known only by their words, and the mode: the cited report's
    rows = [{**row("a", "The army struck a command centre in the grounds of a hospital.", type="ASSAULT", mode="aerial",
                   actors=("ISR.military",)), "recipient_text": ["command centre"]},
            {**row("b", "The army struck a command centre in the hospital grounds, killing four.", type="ASSAULT",
                   mode=None, actors=("ISR.military",), outlet="Live page"), "recipient_text": ["four"]}]
    [m] = merge_events(rows)
    assert (m.summary_citation.doc_id, m.recipient_text, m.mode) == ("a", ["command centre"], "aerial")


def test_the_other_side_of_an_attack_does_not_join_its_attackers():
    attack = dict(type="ASSAULT", mode=None, date="2023-10-07")
    rows = [{**row("a", "Hamas's assault on southern Israel on 7 October killed 1,200 people.", actors=("org:hamas",),
                   recipients=("ISR",), **attack), "confidence": 0.95}]
    rows += [{**row(x, "Hamas and the Israeli army fought in southern Israel on 7 October after the assault.",
                    actors=("org:hamas", "ISR.military"), **attack), "confidence": 0.2} for x in "bcd"]
    [m] = merge_events(rows)
    assert m.summary_citation.doc_id == "a"
    assert m.actors == ["org:hamas"]  # the army of the attacked state is not among the attackers


def test_the_cited_report_tells_the_event_as_the_merged_record_has_it():
    rows = [
        row("a", "The White House will convene a roundtable on Monday on the hostages.", type="CONSULT", mode=None,
            actors=("USA.government",), modality="planned"),
        row("b", "The White House convened a roundtable on the hostages on Monday.", type="CONSULT", mode=None,
            actors=("USA.government",)),
    ]
    rows[0]["confidence"], rows[1]["confidence"] = 0.95, 0.6  # the planned report is the likelier coding
    [m] = merge_events(rows)
    assert m.modality == "asserted" and m.summary_citation.doc_id == "b"


def test_a_period_event_does_not_join_the_day_event_of_its_own_sentence():
    text = ("An earlier Israeli strike on an Iranian consulate at the beginning of the month was followed by a "
            "retaliatory attack by Iran on Israel on 13 April.")
    attack = row("a", text, type="ASSAULT", mode=None, date="2024-04-13", actors=("IRN",), recipients=("ISR",), start=90)
    strike = row("a", text, type="ASSAULT", mode=None, date="2024-04", actors=("ISR",), recipients=("IRN",), start=25)
    strike.update(date_start="2024-04-01", date_end="2024-04-30", precision="month")
    merged = merge_events([attack, strike])
    assert sorted(m.date for m in merged) == ["2024-04", "2024-04-13"]
