"""The corpus actor registry: voting roles, folding name variants, role-only mentions, corrections, storage."""

from __future__ import annotations

import json

import pytest

from storyline.extract.actors import find_actors
from storyline.extract.records import ActorMention
from storyline.nlp.analysis import DocInput, analyze_docs
from storyline.story.actors import Registry, build_registry


def pm(doc, name, text=None, role=None, aff=None, actor=None, country=None):
    from storyline.extract.actors import slug

    return ActorMention(doc, 0, 0, len(text or name), text or name, actor or "person:" + slug(name), name, "person",
                        country, role, aff)


def test_role_vote_across_documents_beats_a_one_off():
    ms = [pm(f"d{i}", "Benjamin Netanyahu", "Israeli Prime Minister Benjamin Netanyahu", "prime minister", "ISR.government")
          for i in range(5)]
    ms.append(pm("x", "Benjamin Netanyahu", "President Benjamin Netanyahu", "president", None))
    ms += [pm(f"d{i}", "Netanyahu", "Mr Netanyahu", "prime minister", "ISR.government", actor="person:benjamin-netanyahu")
           for i in range(5)]  # one vote per document, however often it is repeated
    reg = build_registry(ms)
    a = reg.get("person:benjamin-netanyahu")
    assert (a.role, a.affiliation, a.country) == ("prime minister", "ISR.government", "ISR")
    assert a.documents == 6 and a.mentions == 11
    assert a.aliases["Mr Netanyahu"] == 5 and "Israeli Prime Minister Benjamin Netanyahu" in dict(a.top_aliases())


def test_surname_only_mentions_fold_into_the_full_name():
    ms = [pm(f"d{i}", "Ismail Haniyeh", "Hamas leader Ismail Haniyeh", "leader", "org:hamas") for i in range(4)]
    ms += [pm("e1", "Haniyeh"), pm("e2", "Haniyeh")]
    reg = build_registry(ms)
    assert reg.resolve("person:haniyeh") == "person:ismail-haniyeh"
    assert reg.get("person:ismail-haniyeh").documents == 6
    # a later document's bare surname resolves too
    assert reg.resolve(pm("new", "Haniyeh")) == "person:ismail-haniyeh"


def test_ambiguous_surname_stays_apart_unless_the_role_tells():
    ms = [pm("a", "Tamim bin Hamad Al Thani", role="emir", aff="QAT.government"),
          pm("b", "Mohammed bin Abdulrahman Al Thani", role="prime minister", aff="QAT.government"),
          pm("c", "Al Thani")]
    reg = build_registry(ms)
    assert reg.resolve("person:al-thani") not in ("person:tamim-bin-hamad-al-thani", "person:mohammed-bin-abdulrahman-al-thani")
    reg = build_registry([*ms, pm("d", "Al Thani", "Prime minister Al Thani", "prime minister", "QAT.government")])
    assert reg.resolve("person:al-thani") == "person:mohammed-bin-abdulrahman-al-thani"


def test_spelling_variants_and_nicknames_with_one_role_are_one_person():
    ms = [pm(f"a{i}", "Abdel Fattah al-Sisi", role="president", aff="EGY.government") for i in range(4)]
    ms += [pm(f"b{i}", "Abdul Fattah el-Sisi", role="president", aff="EGY.government") for i in range(2)]
    ms += [pm(f"c{i}", "William Burns", role="director", aff="USA.intelligence") for i in range(3)]
    ms += [pm(f"e{i}", "Bill Burns", role="director", aff="USA.intelligence") for i in range(2)]
    ms += [pm("f", "Chris Burns")]  # someone else
    reg = build_registry(ms)
    assert reg.resolve("person:abdul-fattah-el-sisi") == "person:abdel-fattah-al-sisi"
    assert reg.resolve("person:bill-burns") == "person:william-burns"
    assert reg.resolve("person:chris-burns") == "person:chris-burns"


def test_role_only_mentions_resolve_to_the_holder():
    ms = [pm(f"d{i}", "Mohammed bin Abdulrahman Al Thani", role="prime minister", aff="QAT.government") for i in range(3)]
    ms += [pm("z", "Someone Else", role="prime minister", aff="QAT.government")]
    role = ActorMention("r", 0, 0, 22, "Qatar's prime minister", "role:QAT.government:prime-minister",
                        "prime minister of Qatar", "person", "QAT", "prime minister", "QAT.government")
    reg = build_registry([*ms, role])
    holder = "person:mohammed-bin-abdulrahman-al-thani"
    assert reg.resolve(role) == holder
    assert reg.get(holder).aliases["Qatar's prime minister"] == 1


def test_role_only_mentions_resolve_to_the_holder_at_the_reports_date():
    # Haniyeh leads Hamas until he is killed at the end of July 2024; Sinwar is named leader in August
    dates = {f"h{i}": f"2024-0{i + 1}-15" for i in range(7)}
    dates |= {f"s{i}": d for i, d in enumerate(["2024-08-10", "2024-09-05", "2024-09-12", "2024-10-10"])}
    dates |= {"late": "2024-09-20", "old": "2023-06-01", "r": None}
    ms = [pm(d, "Ismail Haniyeh", "Hamas leader Ismail Haniyeh", "leader", "org:hamas") for d in dates if d[0] == "h"]
    ms += [pm(d, "Yahya Sinwar", "Hamas leader Yahya Sinwar", "leader", "org:hamas") for d in dates if d[0] == "s"]
    ms.append(pm("late", "Ismail Haniyeh", "Hamas leader Ismail Haniyeh", "leader", "org:hamas"))  # a look back
    role = "role:org:hamas:leader"
    reg = build_registry([*ms, ActorMention("r", 0, 0, 16, "the Hamas leader", role, "leader of Hamas", "person",
                                            None, "leader", "org:hamas")], dates=dates)
    haniyeh, sinwar = "person:ismail-haniyeh", "person:yahya-sinwar"
    assert reg.resolve(role) == haniyeh  # no date: the holder named in most documents
    assert reg.canonical(role, "2024-03-02") == haniyeh
    assert reg.canonical(role, "2024-07-30") == haniyeh  # both terms cover it: the main holder ...
    assert reg.canonical(role, "2024-09-18") == sinwar  # ... unless the other is named so much more nearby
    assert reg.canonical(role, "2024-12-01") == sinwar  # after every term: the latest holder
    assert reg.canonical(role, "2023-12-01") == haniyeh  # before every term: the first
    assert reg.canonical(role, "2025-06-01") == role  # long after: nobody known, the role stays a role
    assert Registry.from_dict(json.loads(json.dumps(reg.to_dict()))).canonical(role, "2024-09-18") == sinwar
    assert reg.terms_of(sinwar) == [{"role": "leader", "affiliation": "org:hamas", "first": "2024-08-10", "last": "2024-10-10",
                                     "documents": 4}]
    assert [e["terms"] for e in reg.entries("Yahya Sinwar")] == [reg.terms_of(sinwar)]
    # the user's holder holds at every date
    fixed = build_registry(ms, {"roles": {"org:hamas|leader": haniyeh}}, dates)
    assert fixed.canonical(role, "2024-09-18") == haniyeh


def test_a_party_the_tagger_took_for_a_person_is_left_out():
    ms = [pm(f"d{i}", "Labour") for i in range(5)] + [pm("e", "Labour MPs"), pm("f", "Senior Labour", actor="person:labour")]
    ms += [pm("g", "Daniel Ben Senior"), pm("h", "Rasha Sheikh")]  # surnames that are also such words
    reg = build_registry(ms)
    assert "person:labour" not in reg.actors and "person:labour-mps" not in reg.actors
    assert reg.name("person:labour") == "Labour"
    assert {"person:daniel-ben-senior", "person:rasha-sheikh"} <= set(reg.actors)


def test_noise_persons_are_left_out():
    ms = [pm("a", "Laughter"), pm("b", "Laughter"),
          pm("c", "Rafah", "the Rafah"), pm("d", "Rafah"), pm("e", "Rafah")]
    reg = build_registry(ms)
    assert not reg.persons()


def test_corrections_file(tmp_path):
    ms = [pm(f"d{i}", "Yahya Sinwar", role="leader", aff="org:hamas") for i in range(3)]
    ms += [pm("x", "Abu Ibrahim"), pm("y", "Abu Ibrahim")]
    ms += [ActorMention("d0", 0, 0, 5, "Hamas", "org:hamas", "Hamas", "armed_group", "PSE")]
    ms += [pm("z", "Some Noise", role="official")]
    corr = tmp_path / "actors.yaml"
    corr.write_text("""
actors:
  person:yahya-sinwar:
    role: leader in Gaza
    aliases: [The Man from Khan Younis]
    merge: [person:abu-ibrahim]
  org:hamas:
    name: Hamas (Islamic Resistance Movement)
  person:new-person:
    name: New Person
    kind: person
    country: QAT
drop: [person:some-noise]
""", encoding="utf-8")
    reg = build_registry(ms, corr)
    s = reg.get("person:yahya-sinwar")
    assert s.role == "leader in Gaza" and s.documents == 5
    assert reg.resolve("person:abu-ibrahim") == "person:yahya-sinwar"
    assert reg.resolve(pm("q", "Unknown", "The Man from Khan Younis")) == "person:yahya-sinwar"
    assert reg.get("org:hamas").name == "Hamas (Islamic Resistance Movement)"
    assert reg.get("person:new-person").country == "QAT"
    assert reg.resolve("person:some-noise") is None and reg.get("person:some-noise") is None


def test_corrections_rename_and_bad_kind(tmp_path):
    ms = [pm("a", "Yahya Sinwar", role="leader", aff="org:hamas")]
    corr = tmp_path / "c.yaml"
    corr.write_text("actors:\n  person:yahya-sinwar:\n    rename: person:yahya-al-sinwar\n", encoding="utf-8")
    reg = build_registry(ms, corr)
    assert reg.resolve("person:yahya-sinwar") == "person:yahya-al-sinwar" and reg.get("person:yahya-al-sinwar").role == "leader"
    corr.write_text("actors:\n  person:yahya-sinwar:\n    kind: warlord\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_registry(ms, corr)


def test_to_dict_round_trip():
    ms = [pm(f"d{i}", "Antony Blinken", "US Secretary of State Antony Blinken", "secretary of state", "USA.government")
          for i in range(3)] + [pm("e", "Blinken")]
    reg = build_registry(ms)
    back = Registry.from_dict(json.loads(json.dumps(reg.to_dict())))
    assert back.to_dict() == reg.to_dict()
    assert back.resolve("person:blinken") == "person:antony-blinken"
    assert back.resolve(pm("new", "Blinken")) == "person:antony-blinken"
    assert back.resolve("role:USA.government:secretary-of-state") == "person:antony-blinken"


def test_from_text_across_documents():
    texts = [
        "CIA director William Burns arrived in Doha for talks with Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani.",
        "William Burns, who heads the CIA, met Egyptian President Abdel Fattah al-Sisi in Cairo.",
        "Mr Burns is expected in Paris. The Qatari prime minister said a deal was within reach.",
        "Basem Naim, a senior Hamas official, said the group had not received the proposal.",
        "Naim said the movement wanted a permanent ceasefire. Egypt's president said the crossing would open.",
    ]
    pairs = list(analyze_docs([DocInput(f"t{i}", t, "2024-02-01") for i, t in enumerate(texts)]))
    ms = [m for a, doc in pairs for m in find_actors(doc, a.doc_id, a.sentences)]
    reg = build_registry(ms)
    burns = reg.get("person:william-burns")
    assert (burns.role, burns.affiliation, burns.documents) == ("director", "USA.intelligence", 3)
    naim = reg.get(reg.resolve("person:naim"))
    assert naim.id == "person:basem-naim" and naim.affiliation == "org:hamas"
    assert reg.resolve("role:QAT.government:prime-minister") == "person:mohammed-bin-abdulrahman-al-thani"
    assert reg.resolve("role:EGY.government:president") == "person:abdel-fattah-al-sisi"


@pytest.mark.shared
def test_seed_documents(shared):
    """The five seed documents through reading, parsing, actors and the registry (a few seconds)."""
    from storyline.ingest.document import Document
    from storyline.ingest.read import read_paths

    docs = [d for d in read_paths([str(shared("corpus", "seeds"))]) if isinstance(d, Document)]
    assert len(docs) == 5
    items = [DocInput(d.ref, d.text, (d.published or "")[:10] or None, d.kind) for d in docs]
    ms = [m for a, doc in analyze_docs(items) for m in find_actors(doc, a.doc_id, a.sentences)]
    for m in ms:
        assert m.kind in ("state", "government", "military", "intelligence", "police", "armed_group", "party", "igo",
                          "ngo", "media", "person", "civilians", "other")
    reg = build_registry(ms)
    netanyahu = reg.get(reg.resolve("person:netanyahu"))
    assert (netanyahu.id, netanyahu.role, netanyahu.affiliation) == ("person:benjamin-netanyahu", "prime minister", "ISR.government")
    assert reg.resolve("role:USA.government:secretary-of-state") == "person:antony-blinken"
    assert reg.get("org:hamas").documents >= 4


def test_two_names_run_together_do_not_join_two_people():
    ms = [pm(f"a{i}", "Joe Biden", role="president", aff="USA.government") for i in range(5)]
    ms += [pm(f"b{i}", "Donald Trump", role="former president", aff="USA.government") for i in range(3)]
    ms += [pm("c", "Joe Biden Donald Trump", role="president", aff="USA.government"), pm("d", "Trump")]
    reg = build_registry(ms)
    assert reg.resolve("person:trump") == "person:donald-trump"
    assert reg.resolve("person:donald-trump") != reg.resolve("person:joe-biden")
