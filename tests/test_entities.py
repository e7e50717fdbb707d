"""Entity mentions (cleanup, sentence offsets) and cross-document merging.

Merging tests build mentions by hand so that they test the merge rules, not the NER model;
extraction tests use invented sentences; the shared example checks the real spelling variants.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.model import AnnotatedDocument, Article, Entity, EntityMention
from newsfuse.nlp.entities import (
    alias_index,
    extract_entities,
    find_mentions,
    merge_entities,
    name_key,
    tokens_match,
)
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.segment import split


def _doc(article_id: str, mentions: list[tuple[str, str]]) -> AnnotatedDocument:
    return AnnotatedDocument(
        article=Article(id=article_id, body="x"), sentences=[],
        entities=[EntityMention(text=t, label=lab, sentence=0, start=0, end=len(t))
                  for t, lab in mentions])


def _entity_with(entities: list[Entity], variant: str) -> Entity:
    matches = [e for e in entities if variant in e.variants]
    assert len(matches) == 1, f"{variant!r} is in {len(matches)} entities: {entities}"
    return matches[0]


def _extract(body: str) -> list[EntityMention]:
    article = Article(id="t", body=body)
    return extract_entities(get_nlp()(body), split(article), article)


# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize(("a", "b"), [
    ("Sergiy", "Serhiy"), ("Zelensky", "Zelenskyy"), ("Vassily", "Vasily"),
    ("António", "Antonio"), ("Kyslytsya", "Kislitsa"), ("Nebenzia", "Nebenziya")])
def test_transliteration_variants_match(a, b):
    assert tokens_match(name_key(a), name_key(b))


@pytest.mark.parametrize(("a", "b"), [
    ("Russia", "Russian"), ("Austria", "Australia"), ("Alexander", "Alexandra"),
    ("Zelensky", "Zelenska"), ("Iran", "Iraq"), ("Clinton", "Clifton")])
def test_different_names_do_not_match(a, b):
    assert not tokens_match(name_key(a), name_key(b))


def test_name_key_drops_article_possessive_and_exonym():
    assert name_key("the United Nation's") == "united nation"
    assert name_key("Kiev") == name_key("Kyiv") == "kyiv"
    assert name_key("U.S.") == "us"
    assert name_key("Mt. Kerana") == name_key("Mount Kerana") == "mount kerana"
    assert name_key("Dellow St.") == "dellow st"  # a last "St" is a street, not a saint
    # a code's letters and number are one word however written
    assert name_key("Route N-14") == name_key("Route N 14") == "route n14"
    assert name_key("A-380") == name_key("A380") == "a380"
    assert name_key("Boeing 737") == "boeing 737"


# --------------------------------------------------------------------------- merging


def test_transliterated_people_and_surnames_merge_into_one_entity():
    entities = merge_entities([
        _doc("a", [("Sergiy Kyslytsya", "PERSON"), ("Kyslytsya", "GPE"),
                   ("António Guterres", "PERSON"), ("Volodymyr Zelenskyy", "PERSON")]),
        _doc("b", [("Serhiy Kyslytsya", "PERSON"), ("Kyslytsya", "PERSON"),
                   ("Antonio Guterres", "PERSON"), ("Guterres", "PERSON"),
                   ("Volodymyr Zelensky", "PERSON"), ("Zelensky", "PERSON"),
                   ("Vasily Nebenzya", "PERSON")]),
        _doc("c", [("Vassily Nebenziya", "ORG"), ("Nebenziya", "PERSON"),
                   ("Volodymyr Zelensky", "PERSON")]),
    ])
    kyslytsya = _entity_with(entities, "Sergiy Kyslytsya")
    assert {"Serhiy Kyslytsya", "Kyslytsya"} <= set(kyslytsya.variants)
    assert kyslytsya.type == "PERSON"
    assert kyslytsya.mentions == {"a": 2, "b": 2}
    guterres = _entity_with(entities, "Guterres")
    assert guterres.name == "António Guterres"  # tie in counts: the accented original wins
    assert set(guterres.variants) == {"António Guterres", "Antonio Guterres", "Guterres"}
    zelensky = _entity_with(entities, "Zelensky")
    assert zelensky.name == "Volodymyr Zelensky"  # the most frequent full form
    assert "Volodymyr Zelenskyy" in zelensky.variants
    nebenzia = _entity_with(entities, "Vasily Nebenzya")
    assert {"Vassily Nebenziya", "Nebenziya"} <= set(nebenzia.variants)
    assert nebenzia.type == "PERSON"


def test_people_sharing_a_first_name_stay_apart():
    entities = merge_entities([_doc("a", [
        ("Vladimir Putin", "PERSON"), ("Vladimir Klitschko", "PERSON"),
        ("Volodymyr Zelensky", "PERSON"), ("Putin", "PERSON"), ("Vladimir", "PERSON")])])
    putin = _entity_with(entities, "Vladimir Putin")
    assert set(putin.variants) == {"Vladimir Putin", "Putin"}
    assert _entity_with(entities, "Vladimir Klitschko") is not putin
    assert _entity_with(entities, "Volodymyr Zelensky") is not putin
    # a bare first name is nobody's surname: it is not attached to either Vladimir
    assert _entity_with(entities, "Vladimir").variants == ["Vladimir"]


def test_a_bare_given_name_joins_the_one_person_named_so_in_its_articles():
    entities = merge_entities([
        _doc("a", [("Ilse Marven", "PERSON"), ("Ilse", "PERSON"), ("Tomas Keller", "PERSON")]),
        _doc("b", [("Ilse Marven", "PERSON"), ("Ilse", "PERSON")])])
    assert set(_entity_with(entities, "Ilse").variants) == {"Ilse Marven", "Ilse"}
    # an article that says "Ilse" without naming Ilse Marven may mean another Ilse
    entities = merge_entities([
        _doc("a", [("Ilse Marven", "PERSON"), ("Ilse", "PERSON")]),
        _doc("b", [("Ilse", "PERSON")])])
    assert _entity_with(entities, "Ilse").variants == ["Ilse"]


def test_ambiguous_surname_is_resolved_by_the_article_or_left_alone():
    entities = merge_entities([
        _doc("a", [("Boris Johnson", "PERSON"), ("Johnson", "PERSON")]),
        _doc("b", [("Dustin Johnson", "PERSON")]),
        _doc("c", [("Boris Johnson", "PERSON")]),
    ])
    boris = _entity_with(entities, "Boris Johnson")
    assert boris.mentions == {"a": 2, "c": 1}  # in article a only Boris is named in full
    assert _entity_with(entities, "Dustin Johnson") is not boris

    entities = merge_entities([
        _doc("a", [("Boris Johnson", "PERSON"), ("Johnson", "PERSON")]),
        _doc("c", [("Johnson", "PERSON"), ("Boris Johnson", "PERSON"),
                   ("Dustin Johnson", "PERSON")]),
    ])
    assert _entity_with(entities, "Johnson").variants == ["Johnson"]  # c names two Johnsons


def test_places_exonyms_and_acronyms():
    entities = merge_entities([
        _doc("a", [("Kyiv", "GPE"), ("Kyiv", "PERSON"), ("UN", "ORG"),
                   ("United Nations", "ORG"), ("UN General Assembly", "ORG"),
                   ("Russia", "GPE"), ("Russian", "NORP"), ("Russians", "NORP")]),
        _doc("b", [("KIEV", "GPE"), ("Kiev", "GPE"), ("U.N.", "ORG"), ("UNGA", "ORG"),
                   ("United Nations General Assembly", "ORG"), ("General Assembly", "ORG")]),
    ])
    kyiv = _entity_with(entities, "Kiev")
    assert kyiv.name in {"Kyiv", "Kiev"}  # two mentions each: either is the most frequent
    assert {"Kyiv", "KIEV"} <= set(kyiv.variants) and kyiv.type == "GPE"
    un = _entity_with(entities, "UN")
    assert un.name == "United Nations" and "U.N." in un.variants
    assembly = _entity_with(entities, "UNGA")
    assert assembly.name == "United Nations General Assembly"
    assert {"UN General Assembly", "General Assembly"} <= set(assembly.variants)
    assert assembly is not un
    assert _entity_with(entities, "Russia") is not _entity_with(entities, "Russian")
    assert _entity_with(entities, "Russians") is _entity_with(entities, "Russian")


def test_entities_are_sorted_by_mentions_and_alias_index_maps_variants():
    entities = merge_entities([
        _doc("a", [("Oslo", "GPE"), ("Ingrid Solberg", "PERSON"), ("Solberg", "PERSON")]),
        _doc("b", [("Solberg", "PERSON")])])
    assert [e.name for e in entities] == ["Ingrid Solberg", "Oslo"]
    assert alias_index(entities)[name_key("Solberg")] == "Ingrid Solberg"
    assert merge_entities([]) == []


@pytest.mark.parametrize(("a", "b"), [
    ("Adaeze Okonkwo-Bell", "Adaeze Okonkwo Bell"),   # hyphen or space
    ("Hassan al-Tamimi", "Hassan Al Tamimi"),         # particle, hyphen and case
    ("Zofia Wróblewska", "Zofia Wroblewska"),         # accents
    ("Søren Kjær", "Soren Kjaer"),                    # letters with no accent to drop
    ("Teodor Lisak", "Todor Lisak"),                  # a first name one letter apart
])
def test_spellings_of_one_person_merge(a, b):
    entities = merge_entities([_doc("a", [(a, "PERSON")]), _doc("b", [(b, "PERSON")])])
    assert len(entities) == 1 and set(entities[0].variants) == {a, b}


def test_people_sharing_a_surname_with_other_first_names_stay_apart():
    entities = merge_entities([_doc("a", [("Teodor Lisak", "PERSON"), ("Anka Lisak", "PERSON")]),
                               _doc("b", [("Marek Lisak", "PERSON")])])
    assert len(entities) == 3


def test_a_surname_of_several_words_alone_joins_no_one_of_several_with_it():
    # "Van Duren" ends both full names: it is a surname written alone, not a third person
    # bridging the brother and the sister into one
    entities = merge_entities([_doc("a", [("Hendrik van Duren", "PERSON"),
                                          ("Van Duren", "PERSON"),
                                          ("Sanne van Duren", "PERSON")])])
    assert len([e for e in entities if e.type == "PERSON"]) == 3
    entities = merge_entities([_doc("a", [("Hendrik van Duren", "PERSON")]),
                               _doc("b", [("Van Duren", "PERSON")])])
    assert len(entities) == 1  # one person of that name: the surname is his


@pytest.mark.parametrize(("a", "b"), [
    ("BlueRiver Energy", "Blueriver Energy"),          # case inside a word
    ("Marlow Brick Ltd", "Marlow Brick"),              # legal suffixes
    ("Marlow Brick Inc.", "Marlow Brick"),
    ("Fenwick Ports plc", "Fenwick Ports"),
    ("FC Dornbach", "Football Club Dornbach"),         # initials for a run of words
    ("Kestrel Mining", "Kestrel"),                     # the short form of a company
    ("St. Oriel Primary School", "Saint Oriel Primary School"),  # a short name word
    ("Sankt Oriel Primary School", "Saint Oriel Primary School"),
    ("University of Tarnholm", "Tarnholm University"),  # "X of Place" / "Place X"
])
def test_spellings_of_one_organisation_merge(a, b):
    entities = merge_entities([_doc("a", [(a, "ORG")]), _doc("b", [(b, "ORG")])])
    assert len(entities) == 1 and set(entities[0].variants) == {a, b}


def test_a_plural_nickname_joins_the_one_club_it_ends():
    entities = merge_entities([
        _doc("a", [("Harbin Otters", "ORG"), ("Lakeside Falcons", "FAC")]),
        _doc("b", [("Otters", "ORG"), ("Falcons", "GPE")])])  # the tagger's labels vary
    assert set(_entity_with(entities, "Otters").variants) == {"Harbin Otters", "Otters"}
    assert set(_entity_with(entities, "Falcons").variants) == {"Lakeside Falcons", "Falcons"}


def test_a_plural_name_ending_two_names_or_a_region_stays_apart():
    entities = merge_entities([
        _doc("a", [("Leeds Rhinos", "ORG"), ("Bristol Rhinos", "ORG"), ("Rhinos", "ORG")]),
        _doc("b", [("West Midlands", "LOC"), ("Midlands", "LOC")])])
    assert _entity_with(entities, "Rhinos").variants == ["Rhinos"]
    assert _entity_with(entities, "Midlands").variants == ["Midlands"]


def test_a_short_form_shared_by_two_names_or_a_place_stays_apart():
    entities = merge_entities([
        _doc("a", [("Kestrel Mining", "ORG"), ("Kestrel Airways", "ORG"), ("Kestrel", "ORG")]),
        _doc("b", [("Dornbach", "GPE"), ("Dornbach Mills", "ORG")])])
    assert _entity_with(entities, "Kestrel").variants == ["Kestrel"]
    assert _entity_with(entities, "Dornbach").variants == ["Dornbach"]


def test_a_code_is_the_longer_name_it_ends_whatever_its_tag():
    entities = merge_entities([_doc("a", [("Route N-14", "FAC")]),
                               _doc("b", [("N14", "PERSON")])])
    assert len(entities) == 1 and set(entities[0].variants) == {"Route N-14", "N14"}


def test_canonical_name_is_the_spelling_most_mentions_use():
    entities = merge_entities([
        _doc("a", [("Hassan al-Tamimi", "PERSON"), ("al-Tamimi", "PERSON")]),
        _doc("b", [("Hassan Al Tamimi", "PERSON")])])
    assert entities[0].name == "Hassan al-Tamimi"


def test_an_acronym_defined_in_brackets_is_that_name():
    mentions = _extract("Ownership passed to Tamsin Valley Water Services (TVWS) in May. "
                        "TVWS said the pipes would be replaced.")
    acronyms = [m for m in mentions if m.text == "TVWS"]
    assert len(acronyms) == 2
    long = next(m for m in mentions if m.text == "Tamsin Valley Water Services")
    assert long.label == acronyms[0].label == "ORG"
    entities = merge_entities([AnnotatedDocument(article=Article(id="t", body="x"),
                                                 sentences=[], entities=mentions)])
    assert {"TVWS", "Tamsin Valley Water Services"} <= set(
        _entity_with(entities, "TVWS").variants)


def test_a_name_after_a_title_is_found_when_ner_misses_it():
    mentions = _extract("Brigadier-General Idris Al Baraka, who leads the northern delegation, "
                        "left the talks.")
    assert ("Idris Al Baraka", "PERSON") in [(m.text, m.label) for m in mentions]


def test_an_organisation_name_goes_on_over_its_proper_nouns():
    mentions = _extract("An outage at SkyHarbor Cloud on Tuesday disrupted banks.")
    assert any(m.text == "SkyHarbor Cloud" for m in mentions) or not any(
        m.text == "SkyHarbor" for m in mentions)


# --------------------------------------------------------------------------- extraction


def test_mentions_are_cleaned_and_point_into_the_body():
    body = ("UN Secretary-General Ana Ferreira spoke in Lisbon on Monday.\n"
            "Ferreira's plan was welcomed by the European Union.\n"
            "The talks were filmed. (Photo by Tomas KELLER / AFP)")
    mentions = _extract(body)
    assert all(body[m.start:m.end] == m.text for m in mentions)
    texts = [(m.text, m.label, m.sentence) for m in mentions]
    assert ("Ana Ferreira", "PERSON", 0) in texts
    assert ("Ferreira", "PERSON", 1) in texts  # trailing 's dropped, surname of a named person
    assert ("European Union", "ORG", 1) in texts  # leading "the" dropped
    assert not any("AFP" in m.text or m.text.startswith(("UN ", "The ")) for m in mentions)


def test_a_spaced_dash_or_a_credit_line_ends_a_name():
    body = ("Sir Tomas Okonjo - Kenya 3-1 Ghana (Lagos 1994) - still the fastest hat-trick.\n"
            "Photo: Justin Sullivan/Getty Images Mayor Ruiz speaks at a rally in Ohio.\n"
            "Ngozi Achebe-Marsh met officials from RFE/RL in Prague.")
    texts = [m.text for m in _extract(body)]
    assert "Tomas Okonjo" in texts and "Justin Sullivan" in texts
    assert not any(" - " in t or "Getty" in t for t in texts)
    assert "Ngozi Achebe-Marsh" in texts and "RFE/RL" in texts  # no spaced dash, no agency


def test_a_count_after_a_name_is_no_part_of_it():
    texts = [m.text for m in _extract("Medics had to give Rich 2 doses of Narcan before he woke. "
                                      "King Charles III opened the bridge.")]
    assert "Rich 2" not in texts and "Charles III" in texts


def test_name_after_a_title_is_a_person_whatever_ner_said():
    body = ("Russian Ambassador Vassily Nebenziya argued in the session. "
            "Nebenziya described the move as hostile.")
    mentions = _extract(body)
    people = [m.text for m in mentions if m.label == "PERSON"]
    assert people == ["Vassily Nebenziya", "Nebenziya"]


def test_spans_over_line_breaks_are_dropped():
    doc = get_nlp()("Harbour Lights\nFestival opened on Friday in Port Ellis.")
    article = Article(id="t", body=doc.text)
    mentions = extract_entities(doc, split(article), article)
    assert all("\n" not in m.text for m in mentions)


def test_doc_that_is_not_the_body_is_refused():
    article = Article(id="mismatch", body="Other text.")
    with pytest.raises(ValueError, match="mismatch"):
        extract_entities(get_nlp()("Some text."), split(article), article)


# --------------------------------------------------------------------------- shared example


def _annotate_example(example_dir):
    from tests.example_event import example_documents

    return list(example_documents(example_dir))


EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "ukraine-2022-02-28"


@pytest.fixture(scope="module")
def example_documents():
    if not EXAMPLE.is_dir():
        pytest.skip(f"shared example not found at {EXAMPLE} (../shared is not beside the repo)")
    return _annotate_example(EXAMPLE)


def test_example_spelling_variants_merge(example_documents):
    entities = merge_entities(example_documents)
    kyslytsya = _entity_with(entities, "Sergiy Kyslytsya")
    assert {"Serhiy Kyslytsya", "Kyslytsya"} <= set(kyslytsya.variants)
    assert kyslytsya.type == "PERSON" and len(kyslytsya.mentions) == 2
    zelensky = _entity_with(entities, "Volodymyr Zelenskyy")
    assert zelensky.name == "Volodymyr Zelensky" and "Zelensky" in zelensky.variants
    guterres = _entity_with(entities, "Antonio Guterres")
    assert {"António Guterres", "Guterres"} <= set(guterres.variants)
    assert guterres.name == "António Guterres"
    nebenziya = _entity_with(entities, "Vassily Nebenziya")
    assert nebenziya.type == "PERSON" and "Nebenziya" in nebenziya.variants
    kyiv = _entity_with(entities, "Kyiv")
    assert kyiv.type == "GPE" and kyiv.name == "Kyiv"
    assert not [e for e in entities if e.name in {"Kiev", "KIEV"}]
    assert _entity_with(entities, "Vladimir Putin") is not zelensky
    assert entities[0].mentions and all(
        sum(a.mentions.values()) >= sum(b.mentions.values())
        for a, b in zip(entities, entities[1:], strict=False))


def test_common_words_capitalised_at_sentence_start_are_not_entities():
    from newsfuse.model import Article
    from newsfuse.nlp.entities import extract_entities
    from newsfuse.nlp.pipeline import get_nlp
    from newsfuse.segment import split

    body = ("Anger grew in Port Ellis on Tuesday. Engineers said the bridge was unsafe. "
            "Mayor Marta Kell visited the site.")
    article = Article(id="a", body=body)
    texts = {m.text for m in extract_entities(get_nlp()(body), split(article), article)}
    assert "Anger" not in texts and "Engineers" not in texts
    assert {"Port Ellis", "Marta Kell"} <= texts


def test_an_acronym_spells_a_name_ner_gave_in_two_pieces():
    mentions = _extract("The Astral Research Agency of Vennland (ARAV) said the capsule had "
                        "landed. ARAV engineers cheered.")
    names = [(m.text, m.label) for m in mentions]
    assert ("Astral Research Agency of Vennland", "ORG") in names
    assert not any("(" in text for text, _ in names)
    assert [label for text, label in names if text == "ARAV"] == ["ORG", "ORG"]


def test_a_name_goes_on_over_a_hyphen_joining_a_capitalised_word():
    mentions = _extract("The capsule left the Hoshi-Kaze probe on Monday.")
    assert "Hoshi-Kaze" in [m.text for m in mentions]


def test_a_name_set_beside_a_noun_for_a_person_is_a_persons():
    # the small model tags this name ORG
    mentions = _extract("His lawyer, Ilinca Moraru, spoke to us on the steps of the court.")
    assert ("Ilinca Moraru", "PERSON") in [(m.text, m.label) for m in mentions]


@pytest.mark.parametrize(("a", "b"), [
    ("Leopold Vantongeren", "Leopold Van Tongeren"),  # one surname, together or apart
    ("Mohd Irfan Qureshi", "Mohammed Irfan Qureshi"),  # a contracted given name
])
def test_people_written_together_or_contracted_merge(a, b):
    entities = merge_entities([_doc("a", [(a, "PERSON")]), _doc("b", [(b, "PERSON")])])
    assert len(entities) == 1 and {a, b} <= set(entities[0].variants)


def test_short_given_names_are_not_contractions():
    entities = merge_entities([_doc("a", [("Jan Kowalczyk", "PERSON")]),
                               _doc("b", [("Joanna Kowalczyk", "PERSON")])])
    assert len(entities) == 2


def test_a_name_written_as_one_word_and_as_two_merges():
    entities = merge_entities([_doc("a", [("Hoshikaze", "PRODUCT")]),
                               _doc("b", [("Hoshi-Kaze", "PERSON")])])
    assert len(entities) == 1


@pytest.mark.parametrize(("body", "name"), [
    ("The hill town of São Teodoro recorded its hottest day.", "São Teodoro"),
    ("Mum Fatoumata Diallo lives across the street.", "Fatoumata Diallo"),
    ("Grandmother Marisa Oyelarán, 81, watched helplessly as the house burned.",
     "Marisa Oyelarán"),
    ("Grandad Ilmar Vasquez-Roe, 78, was left waiting for his hip operation.",
     "Ilmar Vasquez-Roe"),
    ("Nurse Sigrid Halvard, 34, was freed late on Saturday, the charity said.",
     "Sigrid Halvard"),
    ('"I heard a whistle," said trader Karim Boutaleb.', "Karim Boutaleb"),
    ("Kenji Tanabe, analyst at Corrow Securities, thinks the market overreacted.",
     "Kenji Tanabe"),
    ("Police spokesperson Superintendent Grace Wanjiru-Otieno said the march was calm.",
     "Grace Wanjiru-Otieno"),
])
def test_names_the_small_model_cuts_short_or_mislabels(body, name):
    mentions = {m.text: m.label for m in _extract(body)}
    assert name in mentions
    if name != "São Teodoro":
        assert mentions[name] == "PERSON"


def test_two_acronyms_defined_in_one_sentence_keep_every_mention():
    # the first name NER gave in two pieces is joined; the second's mentions must survive
    mentions = _extract("The Astral Research Agency of Vennland (ARAV) signed a deal with the "
                        "Kestrian Space Office (KSO) on Monday. ARAV and KSO will share data.")
    names = [m.text for m in mentions]
    assert names.count("ARAV") == 2 and names.count("KSO") == 2
    assert "Kestrian Space Office" in names and "Astral Research Agency" not in names


def test_an_acronym_the_tagger_left_out_spells_a_name_of_another_article():
    # "CLW" is written in one article only, bare, where the tagger finds no name in it; the
    # other article spells it out
    body = "CLW chief executive Tomas Verhoef apologised to passengers on Monday."
    first = AnnotatedDocument(article=Article(id="a", body=body), sentences=[],
                              entities=[EntityMention(text="Tomas Verhoef", label="PERSON",
                                                      sentence=0, start=20, end=33)])
    second = _doc("b", [("Coastal Line Waterways", "ORG")])
    entities = merge_entities([first, second])
    line = _entity_with(entities, "CLW")
    assert line.name == "Coastal Line Waterways" and line.mentions == {"a": 1, "b": 1}
    # an acronym that spells no name of the event is no entity
    alone = AnnotatedDocument(article=Article(id="c", body="The UPDATE came at noon."),
                              sentences=[], entities=[])
    assert not any("UPDATE" in e.variants for e in merge_entities([alone, second]))


def test_a_company_the_tagger_took_for_a_person_merges_with_its_acronym():
    entities = merge_entities([
        _doc("a", [("Velmora Harbour Ferries", "PERSON"), ("Velmora Harbour Ferries", "PERSON")]),
        _doc("b", [("VHF", "ORG"), ("Anna Petrova", "PERSON"), ("AP", "ORG")]),
    ])
    ferries = _entity_with(entities, "VHF")
    assert ferries.name == "Velmora Harbour Ferries" and ferries.type == "ORG"
    # two initials: a person's as often as an organisation's
    assert _entity_with(entities, "AP") is not _entity_with(entities, "Anna Petrova")


def test_a_name_found_once_is_that_name_where_the_tagger_missed_it():
    # the tagger found "Vell-Orrin Half Marathon" in one article; the other writes it with a
    # space, where the tagger found nothing
    body = "The Vell Orrin Half Marathon on Sunday was won again by a local runner."
    missed = AnnotatedDocument(article=Article(id="b", body=body), sentences=[], entities=[])
    entities = merge_entities([_doc("a", [("Vell-Orrin Half Marathon", "EVENT")]), missed])
    race = _entity_with(entities, "Vell Orrin Half Marathon")
    assert "Vell-Orrin Half Marathon" in race.variants and race.mentions == {"a": 1, "b": 1}
    # written in lower case it is no name
    lower = AnnotatedDocument(article=Article(id="c", body="a vell orrin half marathon"),
                              sentences=[], entities=[])
    race = _entity_with(merge_entities([_doc("a", [("Vell-Orrin Half Marathon", "EVENT")]),
                                        lower]), "Vell-Orrin Half Marathon")
    assert race.mentions == {"a": 1}


@pytest.mark.parametrize(("found", "written"), [
    ("Ingrid Saether", "Ingrid Sæther"),
    ("Tomás Ibáñez", "Tomas Ibanez"),
])
def test_a_name_found_once_is_that_name_where_the_tagger_missed_it_in_other_letters(
        found, written):
    body = f"07:58 {written}, the rescue coordinator, spoke to journalists on the quay."
    missed = AnnotatedDocument(article=Article(id="b", body=body), sentences=[], entities=[])
    person = _entity_with(merge_entities([_doc("a", [(found, "PERSON")]), missed]), found)
    # the variant is the name as written, not as folded
    assert written in person.variants and person.mentions == {"a": 1, "b": 1}


def test_a_name_found_once_is_found_before_a_dash_in_other_letters():
    body = "Carbon held by the Ørsted Tern—about 3 GT—was measured; the Orsted Tern is larger."
    missed = AnnotatedDocument(article=Article(id="b", body=body), sentences=[], entities=[])
    tern = _entity_with(merge_entities([_doc("a", [("Orsted Tern", "LOC")]), missed]),
                        "Orsted Tern")
    assert tern.mentions == {"a": 1, "b": 2} and "Ørsted Tern" in tern.variants


def test_a_stock_ticker_is_no_part_of_the_company_name():
    assert [m.text for m in _extract("Brindle Foods Inc BFI.N said profits fell sharply.")] \
        == ["Brindle Foods Inc"]


def test_a_place_with_and_without_arabics_article_is_one_whatever_the_tagger_said():
    entities = merge_entities([_doc("a", [("Al-Zahra", "LOC")]), _doc("b", [("Zahra", "PERSON")])])
    assert len(entities) == 1


def test_al_before_a_persons_name_may_be_a_first_name():
    entities = merge_entities([_doc("a", [("Al Brennick", "PERSON")]),
                               _doc("b", [("Brennick", "PERSON"), ("Joe Brennick", "PERSON")])])
    assert "Joe Brennick" not in _entity_with(entities, "Al Brennick").variants


def test_an_acronym_the_tagger_took_for_a_person_spells_the_long_name():
    entities = merge_entities([_doc("a", [("Tarrow Basin Rural Fire Service", "LOC")]),
                               _doc("b", [("TBRFS", "PERSON")])])
    assert len(entities) == 1 and set(entities[0].variants) == {
        "TBRFS", "Tarrow Basin Rural Fire Service"}


@pytest.mark.parametrize(("text", "names"), [
    ("Will Okafor soften his stance once he takes office?", ["Okafor"]),
    ("Will Okafor said the bridge would reopen.", ["Will Okafor"]),
    ("Browsing Halvorsen's social media accounts shows a quiet, bookish engineer.",
     ["Halvorsen"]),
    ("Checking Lindqvist's records took the auditors a week.", ["Lindqvist"]),
])
def test_a_sentence_opener_is_no_part_of_the_name_after_it(text, names):
    assert [m.text for m in find_mentions(get_nlp()(text))
            if m.label == "PERSON"] == names


def test_a_suspect_named_by_role_is_the_person():
    mentions = find_mentions(get_nlp()("It was obvious Suspect Boyd was in a state of mind to "
                                       "fight, the report said."))
    assert [m.text for m in mentions if m.label == "PERSON"] == ["Boyd"]


def test_a_surname_most_articles_give_one_person_is_that_persons():
    # every story names Ariel Vost, one also his brother Arik: "Vost" is Ariel
    entities = merge_entities([
        _doc("a", [("Ariel Vost", "PERSON"), ("Vost", "PERSON")]),
        _doc("b", [("Ariel Vost", "PERSON"), ("Vost", "PERSON")]),
        _doc("c", [("Ariel Vost", "PERSON"), ("Arik Vost", "PERSON"), ("Vost", "PERSON")]),
    ])
    ariel = _entity_with(entities, "Ariel Vost")
    assert "Vost" in ariel.variants
    assert _entity_with(entities, "Arik Vost") is not ariel


def test_a_speech_verb_opening_the_sentence_is_no_part_of_the_name():
    from newsfuse.nlp.entities import find_mentions
    from newsfuse.nlp.pipeline import get_nlp

    doc = get_nlp()("Union chief Tom Porter rejected the plan on Monday. \u201cWe would have to "
                    "be stupid to accept that deal,\u201d he said. Said Porter, \u201cIf you go "
                    "for their proposal, it's just a joke.\u201d")
    names = [m.text for m in find_mentions(doc) if m.label == "PERSON"]
    assert "Said Porter" not in names and "Porter" in names


def test_a_wires_initials_are_not_another_names():
    entities = merge_entities([_doc("a", [("AP", "ORG"), ("Asia-Pacific", "LOC")]),
                               _doc("b", [("Asia-Pacific", "LOC")])])
    assert _entity_with(entities, "AP") is not _entity_with(entities, "Asia-Pacific")


def test_a_role_in_lower_case_before_a_name_is_cut_from_the_person():
    from spacy.tokens import Span

    from newsfuse.nlp.entities import find_mentions

    doc = get_nlp()("In Kessin, iReporter Jonas Ekdahl said he had lost power overnight.")
    start = next(t.i for t in doc if t.text == "iReporter")
    # the small model sometimes reads the role into the name: "iReporter Jason Asselin"
    doc.ents = [Span(doc, start, start + 3, label="PERSON")]
    assert [(m.text, m.label) for m in find_mentions(doc)] == [("Jonas Ekdahl", "PERSON")]
    doc = get_nlp()("Alain de Vries said he had lost power overnight.")
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    assert [m.text for m in find_mentions(doc)] == ["Alain de Vries"]


def test_a_place_read_apart_before_a_bodys_name_is_part_of_it():
    from spacy.tokens import Span

    from newsfuse.nlp.entities import find_mentions

    doc = get_nlp()("The head of the U.S. Anti-Doping Agency spoke to reporters.")
    place = next(t.i for t in doc if t.text == "U.S.")
    end = next(t.i for t in doc if t.text == "Agency") + 1
    # the small model reads 'U.S.' as a place and 'Anti-Doping Agency' as the body
    doc.ents = [Span(doc, place, place + 1, label="GPE"), Span(doc, place + 1, end, label="ORG")]
    assert [(m.text, m.label) for m in find_mentions(doc)] == [
        ("U.S. Anti-Doping Agency", "ORG")]


def test_a_place_name_goes_on_over_a_particle_ner_stopped_at():
    found = {m.text for m in _extract(
        "Firefighters reached San Lázaro del Monte on Tuesday as the blaze spread.")}
    assert "San Lázaro del Monte" in found


def test_a_reordered_name_shows_the_spelling_most_mentions_use():
    entities = merge_entities([_doc("a", [("Tarnholm University", "ORG")] * 3),
                               _doc("b", [("University of Tarnholm", "ORG")])])
    (entity,) = entities
    assert entity.name == "Tarnholm University"


def test_a_title_before_a_named_persons_surname_is_that_person():
    from newsfuse.api import annotate
    from newsfuse.nlp.entities import merge_entities

    documents = annotate([
        Article(id="a", body="Museum director Ilse Marwood was told of the theft on Sunday. "
                             "The museum stayed shut on Monday."),
        Article(id="b", body="The gallery was closed on Monday. Ms Marwood said the museum had "
                             "been closed since Sunday. Ms Marwood added that it would reopen.")])
    [marwood] = [e for e in merge_entities(documents) if "Marwood" in e.name]
    assert (marwood.name, marwood.type) == ("Ilse Marwood", "PERSON")
    assert marwood.mentions == {"a": 1, "b": 2}


def test_an_acronym_of_a_name_with_its_legal_form_joins_it():
    # cleanco keeps "Brask Mining Company" as "brask mining"; BMC spells the name as written
    entities = merge_entities([_doc("a", [("Tarrow Mining Company", "ORG")]),
                               _doc("b", [("Tarrow Mining Company", "ORG"), ("TMC", "ORG")])])
    merged = _entity_with(entities, "TMC")
    assert "Tarrow Mining Company" in merged.variants and merged.type == "ORG"


def test_a_company_tagged_as_a_person_joins_its_short_name():
    # the tagger calls an unfamiliar "Kessling Biopharma" a person; "Kessling" is the company
    entities = merge_entities([
        _doc("a", [("Kessling Biopharma", "PERSON"), ("Kessling", "ORG"), ("Kessling", "ORG")]),
        _doc("b", [("Kessling", "ORG"), ("Kessling", "PERSON")]),
        _doc("c", [("Kessling Biopharma", "PERSON"), ("Mara Ostrander", "PERSON")])])
    company = _entity_with(entities, "Kessling Biopharma")
    assert company.type == "ORG" and "Kessling" in company.variants
    assert _entity_with(entities, "Mara Ostrander").type == "PERSON"


def test_a_short_title_is_no_word_of_the_name():
    # the tagger takes "Insp. Rafe Okonkwo Hale" whole for an organisation
    found = _extract('"We would rather chase a false sighting than miss a real one," said '
                     'Insp. Rafe Okonkwo Hale, who is leading the police operation.')
    assert [(m.text, m.label) for m in found] == [("Rafe Okonkwo Hale", "PERSON")]


@pytest.mark.parametrize(("a", "b"), [
    ("Priyanka Dall'Olio", "Priyanka Dallolio"),
    ("Colm Ó Riagáin", "Colm O'Riagain"),
])
def test_apostrophes_and_the_irish_o_are_spelling(a, b):
    entities = merge_entities([_doc("a", [(a, "PERSON")]), _doc("b", [(b, "PERSON")])])
    assert {a, b} <= set(_entity_with(entities, a).variants)


def test_a_name_with_an_age_set_off_is_a_person_s():
    # the small model calls "Agnes Mulroney" a place
    found = _extract("Among those on the march was Agnes Mulroney, 64, whose husband was "
                     "treated at Hollins Vale last year.")
    assert ("Agnes Mulroney", "PERSON") in [(m.text, m.label) for m in found]
    scores = _extract("The Tigers beat Harbour City, 98, to 95 on Sunday.")
    assert ("Harbour City", "PERSON") not in [(m.text, m.label) for m in scores]


def test_a_name_without_the_noun_of_its_kind_is_the_same_organisation():
    entities = merge_entities([
        _doc("a", [("Larchfield Primary School", "ORG")]),
        _doc("b", [("Larchfield Primary", "ORG"), ("Harwick Rovers", "ORG")]),
        # two longer names would fit: left apart
        _doc("c", [("Dornbach Grammar", "ORG"), ("Dornbach Grammar School", "ORG"),
                   ("Dornbach Grammar University", "ORG")])])
    assert set(_entity_with(entities, "Larchfield Primary").variants) == {
        "Larchfield Primary School", "Larchfield Primary"}
    assert _entity_with(entities, "Dornbach Grammar").variants == ["Dornbach Grammar"]


def test_a_full_name_whose_surname_the_article_gives_a_person_is_that_person():
    from newsfuse.nlp.entities import Mention, _full_names_of_surnames

    mentions = [Mention(0, 14, "GPE", "Agnes Villaret", 0, 2),
                Mention(20, 28, "PERSON", "Villaret", 4, 5),
                Mention(30, 41, "ORG", "AC Velmora", 6, 8),
                Mention(45, 66, "ORG", "Athletic Club Velmora", 9, 12),
                Mention(70, 77, "PERSON", "Velmora", 13, 14)]
    labels = {m.text: m.label for m in _full_names_of_surnames(mentions)}
    assert labels["Agnes Villaret"] == "PERSON"
    # a club's initials or three words of an organisation stay what they were
    assert labels["AC Velmora"] == "ORG" and labels["Athletic Club Velmora"] == "ORG"
