"""Actor mentions on realistic sentences: named bodies, nominal actors, titled persons, appositives,
role phrases, short names resolved within the document."""

from __future__ import annotations

import time

import pytest

from storyline.extract.actors import find_actors, load_gazetteer, name_key, parse_role_actor_id, role_actor_id
from storyline.nlp.analysis import DocInput, analyze_docs


def actors_of(text: str) -> list:
    ((a, doc),) = list(analyze_docs([DocInput("d", text, "2024-02-01")]))
    return find_actors(doc, "d", a.sentences, a.entities)


def mention(text: str, surface: str):
    ms = actors_of(text)
    hits = [m for m in ms if m.text == surface or m.text.lower() == surface.lower()]
    assert hits, [(m.text, m.actor) for m in ms]
    return hits[0]


# --- states, bodies, organisations ----------------------------------------------------------------

@pytest.mark.parametrize("text,surface,actor,kind,country", [
    ("The Israel Defense Forces said its troops had entered the camp overnight.", "The Israel Defense Forces", "ISR.military", "military", "ISR"),
    ("A statement from the IDF on Tuesday described the raid as precise.", "the IDF", "ISR.military", "military", "ISR"),
    ("Israel's army says it has widened its ground operation.", "Israel's army", "ISR.military", "military", "ISR"),
    ("The Israeli military later withdrew from the area.", "The Israeli military", "ISR.military", "military", "ISR"),
    ("Qatari mediators are expected to present a revised text.", "Qatari mediators", "QAT.government", "government", "QAT"),
    ("The Egyptian government denied that it had received the plan.", "The Egyptian government", "EGY.government", "government", "EGY"),
    ("Hamas officials told reporters that no agreement had been reached.", "Hamas officials", "org:hamas", "armed_group", "PSE"),
    ("Figures released by the health ministry in Gaza put the toll higher.", "the health ministry in Gaza", "org:gaza-health-ministry", "government", "PSE"),
    ("Negotiators from Islamic Jihad arrived in Cairo on Monday.", "Islamic Jihad", "org:islamic-jihad", "armed_group", "PSE"),
    ("The International Committee of the Red Cross collected the captives at the border.", "The International Committee of the Red Cross", "org:icrc", "ngo", None),
    ("Egypt and Qatar issued a joint appeal.", "Egypt", "EGY", "state", "EGY"),
    ("Dozens of Palestinian prisoners were freed from Ofer jail.", "Palestinian prisoners", "PSE.civilians", "civilians", "PSE"),
    ("Washington has urged both sides to accept the proposal.", "Washington", "USA", "state", "USA"),
    ("Officials at the CIA declined to comment.", "the CIA", "USA.intelligence", "intelligence", "USA"),
    ("Israeli negotiators travelled to Doha late on Sunday.", "Israeli negotiators", "ISR.government", "government", "ISR"),
])
def test_states_bodies_organisations(text, surface, actor, kind, country):
    m = mention(text, surface)
    assert (m.actor, m.kind, m.country) == (actor, kind, country)


def test_demonyms_come_from_the_country_library():
    g = load_gazetteer()
    assert g.index[("palestinian",)]["demonym"] == "PSE"
    assert g.index[("qatari",)]["demonym"] == "QAT"
    assert g.index[("american",)]["demonym"] == "USA"
    assert g.index[("egyptian",)]["demonym"] == "EGY"


def test_a_city_is_not_a_state_when_it_is_only_a_place():
    ms = actors_of("Talks resumed in Cairo on Sunday.")
    assert not [m for m in ms if m.actor == "EGY"]


# --- persons with titles and appositives --------------------------------------------------------

@pytest.mark.parametrize("text,surface,actor,role,affiliation", [
    # pre-modifier titles
    ("Hamas leader Ismail Haniyeh said the group had responded positively.", "Hamas leader Ismail Haniyeh",
     "person:ismail-haniyeh", "leader", "org:hamas"),
    ("CIA director William Burns flew to Paris for another round.", "CIA director William Burns",
     "person:william-burns", "director", "USA.intelligence"),
    ("Israeli Prime Minister Benjamin Netanyahu rejected the terms.", "Israeli Prime Minister Benjamin Netanyahu",
     "person:benjamin-netanyahu", "prime minister", "ISR.government"),
    ("Egyptian President Abdel Fattah al-Sisi hosted the delegations.", "Egyptian President Abdel Fattah al-Sisi",
     "person:abdel-fattah-al-sisi", "president", "EGY.government"),
    ("Israel's defence minister Yoav Gallant visited the troops.", "Israel's defence minister Yoav Gallant",
     "person:yoav-gallant", "defence minister", "ISR.government"),
    ("Mossad chief David Barnea met the mediators in Doha.", "Mossad chief David Barnea",
     "person:david-barnea", "director", "ISR.mossad"),
    # "chief" before the title's head noun modifies it: a spokesman, not the army's head
    ("Chief IDF spokesman Daniel Hagari said troops had entered the camp.", "Chief IDF spokesman Daniel Hagari",
     "person:daniel-hagari", "spokesperson", "ISR.military"),
    # appositives after the name
    ("Basem Naim, a senior Hamas official, said the group wanted guarantees.", "Basem Naim",
     "person:basem-naim", "official", "org:hamas"),
    ("Antony Blinken, the US Secretary of State, arrived in Tel Aviv on Monday.", "Antony Blinken",
     "person:antony-blinken", "secretary of state", "USA.government"),
    # the role phrase first, then the name
    ("The talks were hosted by Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, in Doha.",
     "Sheikh Mohammed bin Abdulrahman Al Thani", "person:mohammed-bin-abdulrahman-al-thani", "prime minister", "QAT.government"),
    ("He spoke by phone with the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, on Friday.",
     "Sheikh Tamim bin Hamad Al Thani", "person:tamim-bin-hamad-al-thani", "emir", "QAT.government"),
    # "X, who heads Y"
    ("William Burns, who heads the CIA, met his Egyptian counterpart.", "William Burns",
     "person:william-burns", "director", "USA.intelligence"),
    # owner after the name
    ("The President spoke with Amir Tamim bin Hamad Al Thani of Qatar about the captives.", "Amir Tamim bin Hamad Al Thani",
     "person:tamim-bin-hamad-al-thani", "emir", "QAT.government"),
])
def test_titled_persons(text, surface, actor, role, affiliation):
    m = mention(text, surface)
    assert (m.actor, m.kind, m.role, m.affiliation) == (actor, "person", role, affiliation)


def test_role_phrase_resolves_to_the_person_the_document_names():
    text = ("Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, met the negotiators. "
            "Later the Qatari prime minister said a deal was close.")
    m = mention(text, "the Qatari prime minister")
    assert m.actor == "person:mohammed-bin-abdulrahman-al-thani" and m.kind == "person"


def test_role_phrase_without_a_name_is_a_role_placeholder():
    m = mention("Qatar's prime minister said the talks would continue.", "Qatar's prime minister")
    assert m.actor == role_actor_id("QAT.government", "prime minister") == "role:QAT.government:prime-minister"
    assert parse_role_actor_id(m.actor) == ("QAT.government", "prime minister")
    assert (m.role, m.affiliation, m.country) == ("prime minister", "QAT.government", "QAT")
    assert mention("The CIA chief was in Cairo.", "The CIA chief").actor == "role:USA.intelligence:director"


def test_anonymous_official_speaks_for_the_body():
    assert mention("An Israeli official said the proposal was unworkable.", "An Israeli official").actor == "ISR.government"
    assert mention("A Hamas official said the group would study it.", "A Hamas official").actor == "org:hamas"


def test_short_names_resolve_within_the_document():
    text = ("CIA director William Burns arrived in Doha. Hamas leader Ismail Haniyeh was also in the city. "
            "Mr Burns met the mediators, and Haniyeh later said the group was ready.")
    ms = actors_of(text)
    burns = [m for m in ms if m.text == "Mr Burns"][0]
    haniyeh = [m for m in ms if m.text == "Haniyeh"][0]
    assert (burns.actor, burns.name, burns.role, burns.affiliation) == ("person:william-burns", "William Burns", "director", "USA.intelligence")
    assert (haniyeh.actor, haniyeh.role, haniyeh.affiliation) == ("person:ismail-haniyeh", "leader", "org:hamas")


def test_given_name_that_is_a_role_word():
    ms = actors_of("Brig Gen Amir Avivi, a retired officer, spoke to reporters.")
    m = [m for m in ms if m.kind == "person"][0]
    assert m.actor == "person:amir-avivi" and m.role != "emir"


def test_place_taken_for_a_person_is_dropped():
    ms = actors_of("Strikes hit the city of Khan Younis again. Khan Younis has been under siege for weeks.")
    assert not [m for m in ms if m.kind == "person"]


def test_spans_sentences_and_order():
    text = "Talks stalled. The Israeli military said Hamas fighters had fired rockets."
    ms = actors_of(text)
    assert [m.actor for m in ms] == ["ISR.military", "org:hamas"]
    for m in ms:
        assert text[m.start:m.end] == m.text and m.sent == 1 and m.doc_id == "d"


def test_name_key_ignores_particles_and_honorifics_are_not_names():
    assert name_key("Abdel Fattah al-Sisi") == name_key("Abdel Fattah el-Sisi") == ("abdel", "fattah", "sisi")


def test_fast_enough():
    text = ("Israeli Prime Minister Benjamin Netanyahu met CIA director William Burns. Hamas officials said "
            "Qatari and Egyptian mediators had passed on the proposal. ") * 40
    ((a, doc),) = list(analyze_docs([DocInput("d", text, None)]))
    find_actors(doc, "d", a.sentences)
    t = time.perf_counter()
    for _ in range(5):
        find_actors(doc, "d", a.sentences)
    per_doc = (time.perf_counter() - t) / 5
    assert per_doc < 0.25, per_doc  # a 1,000-word document; typically ~10 ms


def test_a_parliament_is_the_states_legislature_not_its_government():
    found = {m.text: m for m in actors_of("The Israeli parliament approved the law on Monday, and Congress passed "
                                          "the aid bill while Britain's parliament debated a motion.")}
    assert found["The Israeli parliament"].actor == "ISR.legislature" and found["The Israeli parliament"].name == "Knesset"
    assert found["Congress"].actor == "USA.legislature"
    assert found["Britain's parliament"].actor == "GBR.legislature"


def test_a_language_or_an_origin_is_not_the_state():
    texts = {m.text for m in actors_of("Belgium's French-speaking culture minister criticised the decision, and a "
                                        "British-born activist was detained, while French troops evacuated citizens.")}
    assert "French" not in texts and "British" not in texts
    assert "French troops" in texts
