"""Language data: one place, read from its tables."""

from __future__ import annotations

import re

import pytest

from newsfuse import lang


def test_months_and_weekdays_come_from_the_calendar():
    assert lang.MONTHS[0] == "January" and len(lang.MONTHS) == 12
    assert lang.WEEKDAYS[0] == "Monday" and len(lang.WEEKDAYS) == 7
    assert lang.MONTH_NUMBER["sep"] == 9 and lang.MONTH_NUMBER["dec"] == 12


def test_word_lists_are_loaded_as_sets():
    assert {"mayor", "judge", "captain"} <= lang.PERSON_TITLES
    assert "say" in lang.SPEECH_VERBS and "say" in lang.REPORTING_VERBS
    assert lang.SPEECH_VERBS | {"report"} >= lang.REPORTING_VERBS
    assert any("envoy" in group and "ambassador" in group for group in lang.PERSON_ROLES)
    assert lang.EXONYMS["kiev"] == "kyiv"


@pytest.mark.parametrize(("word", "code"), [
    ("Norway", "NOR"), ("Norwegian", "NOR"), ("Dutch", "NLD"), ("Swiss", "CHE"),
    ("Austrian", "AUT"), ("Australian", "AUS"), ("Kenyan", "KEN"), ("Chinese", "CHN"),
])
def test_country_codes_of_names_and_nationality_adjectives(word, code):
    assert lang.country_code(word) == code


def test_unknown_or_ambiguous_nationality_has_no_country():
    assert lang.country_code("Dravenian") is None
    assert lang.country_code("Turkish") is None  # Turkey, Turkmenistan, Turks and Caicos


def test_nation_stem_joins_a_country_and_its_adjective():
    assert lang.nation_stem("Ukraine's") == lang.nation_stem("Ukrainian")
    assert lang.nation_stem("Dutch") == lang.nation_stem("Netherlands")


def test_agency_pattern_matches_whole_names_only():
    pattern = re.compile(lang.agency_pattern())
    assert pattern.search("Ann Example/AFP/Getty Images")
    assert not pattern.search("a map of the APEC region")


def test_the_language_of_a_text_seen_before_is_not_detected_again(monkeypatch):
    """Online adds read the open events' articles again each time: their languages are
    remembered by a digest of the text."""
    from newsfuse.cluster import features

    calls: list[str] = []
    real = features.detect_language

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(features, "detect_language", counting)
    monkeypatch.setattr(features, "_LANGUAGES", {})
    english = "The ferry to Vellmar was cancelled on Sunday because of the storm, they said."
    french = "Le ferry pour Vellmar a été annulé dimanche à cause de la tempête, dit la mairie."
    first = [features.cached_language(t) for t in (english, french, english, french)]
    assert first == ["en", "fr", "en", "fr"] and calls == [english, french]


def test_nouns_for_people_by_wordnet_and_by_ending():
    from newsfuse.lang import is_person_noun

    assert all(is_person_noun(w) for w in ("pupils", "thieves", "gunmen", "children", "girls",
                                           "evacuees", "jihadists"))
    assert not any(is_person_noun(w) for w in ("shops", "accounts", "satellites", "wolves",
                                               "bodies"))
