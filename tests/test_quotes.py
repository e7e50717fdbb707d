"""Quote spans and speaker attribution, on invented sentences for each pattern and on the
shared example (speakers checked against the people the articles name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.model import Article, Quote
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.nlp.quotes import extract_quotes, find_quote_spans
from newsfuse.segment import split

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "ukraine-2022-02-28"


def _quotes(body: str) -> list[Quote]:
    article = Article(id="t", body=body)
    return extract_quotes(get_nlp()(body), split(article), article)


def _pairs(body: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in _quotes(body)]


# --------------------------------------------------------------------------- quote marks


def test_quote_marks_pair_and_apostrophes_are_not_quotes():
    text = ("The fishermen's union met the soldiers' families. "
            "'Stay calm': Mayor Ana Ferreira. She said “we will rebuild” and ‘soon’.")
    assert [s.text for s in find_quote_spans(text)] == ["Stay calm", "we will rebuild", "soon"]


def test_quote_continued_in_next_paragraph_is_one_span():
    text = '"The river rose in minutes.\n"Then the power went out," she said.'
    spans = find_quote_spans(text)
    assert [s.text for s in spans] == ["The river rose in minutes. Then the power went out"]


def test_single_quoted_paragraphs_continue_like_double_ones():
    text = "He said: 'The river rose in minutes.\n'Then the power went out.'"
    assert [s.text for s in find_quote_spans(text)] == [
        "The river rose in minutes. Then the power went out."]


def test_quote_runs_on_across_blank_lines_and_a_bracketed_credit():
    text = ("The swimmer told the Harbour Post: “The water was colder than I thought.\n \n"
            "(Image: Lena Okafor)\n“I kept going until the buoy.”\nThe race ends in May.")
    assert [s.text for s in find_quote_spans(text)] == [
        "The water was colder than I thought. I kept going until the buoy."]


def test_doubled_single_marks_are_double_quotes():
    text = "‘‘We have asked for more ferries,’’ the harbour master said. The ferry’s engine failed."
    assert [s.text for s in find_quote_spans(text)] == ["We have asked for more ferries"]


def test_unclosed_quote_mark_gives_no_span():
    assert find_quote_spans('He said "we will see\nNothing else happened.') == []


# --------------------------------------------------------------------------- speaker patterns


def test_speaker_after_the_quote():
    body = ('The storm flooded the lower town on Friday.\n'
            '"We will rebuild the bridge before winter," Mayor Ana Ferreira said.')
    quotes = _quotes(body)
    assert [(q.speaker, q.text, q.sentence) for q in quotes] == [
        ("Ana Ferreira", "We will rebuild the bridge before winter", 1)]
    assert quotes[0].source == "t"


def test_speaker_after_an_inverted_verb():
    body = ('Tap water was tested twice.\n'
            '"The water is safe to drink," said Tomas Keller, the city engineer.')
    assert _pairs(body) == [("Tomas Keller", "The water is safe to drink")]


def test_speaker_before_the_quote():
    body = 'Prime Minister Rolf Andersen said, "Nobody will be left behind."'
    assert _pairs(body) == [("Rolf Andersen", "Nobody will be left behind.")]


def test_speaker_before_a_colon():
    body = 'Opposition leader Marta Novak wrote on Telegram: "The vote was rigged from the start."'
    assert _pairs(body) == [("Marta Novak", "The vote was rigged from the start.")]


def test_quote_over_several_sentences_is_one_quote():
    body = ('Rescuers reached the coast at noon.\n"The first wave hit at dawn. The second came an '
            'hour later. We had no warning," Captain Lena Ortiz told reporters.')
    quotes = _quotes(body)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Lena Ortiz"
    assert quotes[0].text.startswith("The first wave") and quotes[0].text.endswith("no warning")
    assert quotes[0].sentence == 1  # where the quote starts, not where the speaker is named


def test_quoted_as_saying():
    body = ('Tomas Keller was quoted as saying, "The levee will hold until spring."\n'
            '"We rebuilt it twice," Ana Ferreira was quoted as saying by the Harbour Times.')
    assert _pairs(body) == [("Tomas Keller", "The levee will hold until spring."),
                            ("Ana Ferreira", "We rebuilt it twice")]


def test_quoted_person_is_the_speaker_and_spokesman_is_not_the_boss():
    body = ('Mayor Ana Ferreira quoted Tomas Keller as saying the pumps "will not last a week".\n'
            'A spokesman for Ferreira said, "The mayor has no comment on the pumps."')
    assert _pairs(body) == [("Tomas Keller", "will not last a week"),
                            ("spokesman for Ferreira", "The mayor has no comment on the pumps.")]


def test_listener_of_a_passive_speech_verb_is_not_the_speaker():
    body = ('The families were told that the search was "over for this winter season".\n'
            'Harbour manager Keller said: "We will search again in spring."')
    assert _pairs(body) == [(None, "over for this winter season"),
                            ("Keller", "We will search again in spring.")]


def test_pronoun_speaker_is_the_person_named_before():
    body = ('Ana Ferreira met Tomas Keller in the town hall. Keller promised new pumps. '
            '"The pumps arrive next week," he said.')
    assert _pairs(body) == [("Tomas Keller", "The pumps arrive next week")]


def test_pronoun_skips_people_inside_reported_speech():
    body = ('Harbour engineer Tomas Keller said Ana Ferreira was facing her hardest winter. '
            '"She will need every pump we have," he said.')
    assert _pairs(body) == [("Tomas Keller", "She will need every pump we have")]


def test_surname_speaker_gets_the_full_name():
    body = ('Health minister Oskar Lind visited the hospital in Tarnow on Sunday.\n'
            '"We will add forty beds by March," Lind said.')
    assert _pairs(body) == [("Oskar Lind", "We will add forty beds by March")]


def test_role_speaker_resolves_to_the_person_introduced_with_that_role():
    body = ("Norway's ambassador to the European Union, Ingrid Solberg, met the fishermen in "
            "Bergen on Monday.\nThe talks lasted three hours.\n"
            '"We are ready to help with the new quotas," the Norwegian envoy said.')
    assert _pairs(body) == [("Ingrid Solberg", "We are ready to help with the new quotas")]


def test_role_of_another_nationality_is_kept_as_the_role():
    body = ("Sweden's ambassador, Karin Holm, met the fishermen in Bergen on Monday.\n"
            '"We are ready to help with the new quotas," the Norwegian envoy said.')
    assert _pairs(body) == [("Norwegian envoy", "We are ready to help with the new quotas")]


def test_role_phrase_without_a_name_is_the_speaker():
    body = ('Roads were shut.\n'
            '"Three bridges were closed overnight," the regional fire service said.')
    assert _pairs(body) == [("regional fire service", "Three bridges were closed overnight")]


def test_curly_quotes_and_single_quoted_headline():
    body = ('‘We will not leave’: Mayor Ana Ferreira vows to stay\n'
            '“We expected rain, not a flood,” farmer Jonas Berg said.')
    assert _pairs(body) == [("Ana Ferreira", "We will not leave"),
                            ("Jonas Berg", "We expected rain, not a flood")]


def test_quote_on_its_own_continues_the_previous_speaker():
    body = ('"We are exhausted," nurse Clara Weiss said.\n'
            '"Nobody on this ward has slept for two days."')
    assert _pairs(body) == [("Clara Weiss", "We are exhausted"),
                            ("Clara Weiss", "Nobody on this ward has slept for two days.")]


def test_scare_quotes_are_skipped_but_attributed_fragments_kept():
    body = ('The "peace plan" was published on Monday. It no longer "condemns" the move. '
            'The council, which considers the dam a "national treasure of sorts", met. '
            'It is the first ruling on so-called "river rights" in the region. '
            'Clubs must field "home-grown" players. '
            'The mayor thanked the crews for their "tireless night work". '
            'Mayor Ana Ferreira called the closure a "grave mistake".')
    assert _pairs(body) == [("Ana Ferreira", "grave mistake")]


def test_titles_in_quotes_are_not_quotes():
    body = ('Mayor Ana Ferreira said on the programme "Good Morning Harbour" that the dam '
            'would hold. Her book "Lessons from the Flood" came out in May.')
    assert _pairs(body) == []


def test_headline_repeating_a_body_quote_is_kept_once():
    body = ("'Enough waiting': Mayor Ana Ferreira\n"
            'Mayor Ana Ferreira said, "Enough waiting. The dam must be repaired now."\n'
            'Mayor Ana Ferreira said, "Enough waiting. The dam must be repaired now."')
    assert _pairs(body) == [("Ana Ferreira", "Enough waiting. The dam must be repaired now.")]


def test_doc_that_is_not_the_body_is_refused():
    article = Article(id="mismatch", body="Other text.")
    with pytest.raises(ValueError, match="mismatch"):
        extract_quotes(get_nlp()("Some text."), split(article), article)


# --------------------------------------------------------------------------- shared example


@pytest.fixture(scope="module")
def example_quotes() -> list[Quote]:
    if not EXAMPLE.is_dir():
        pytest.skip(f"shared example not found at {EXAMPLE} (../shared is not beside the repo)")
    from tests.example_event import example_documents

    return [q for document in example_documents(EXAMPLE) for q in document.quotes]


# Short keys (a few words of each quote) -> who said it; the speaker must contain the name.
EXPECTED_SPEAKERS = {
    "full-fledged war": "Kyslytsya",  # "the Ukrainian envoy said, ..."
    "Chernobyl radiation": "Kyslytsya",  # "..., the Ukrainian envoy to UN said"
    "Putin goes on": "Kyslytsya",
    "352 people": "Kyslytsya",
    "Have no illusions": "Kyslytsya",
    "democracy fails next": "Kyslytsya",  # its own sentence after a Kyslytsya quote
    "Escalating violence": "António Guterres",
    "fighting in Ukraine must stop": "Guterres",
    "distorted and thwarted": "Vassily Nebenziya",
    "start soon": "Leonid Slutsky",  # wrote on the Telegram messenger service: "..."
    "do not really believe": "Volodymyr Zelensky",  # "..., he said" after Zelensky
    "save your lives": "Volodymyr Zelensky",
    "reduced the pace": "general staff of the armed forces",
    "hold Russia to account": "Linda Thomas-Greenfield",
    "key issue of the talks": "Ukrainian presidency",
}


@pytest.mark.parametrize(("key", "speaker"), EXPECTED_SPEAKERS.items())
def test_example_quotes_have_the_right_speaker(example_quotes, key, speaker):
    matching = [q for q in example_quotes if key in q.text]
    assert matching, f"no quote contains {key!r}"
    assert all(q.speaker and speaker in q.speaker for q in matching), matching


def test_example_has_no_scare_quotes_or_speakerless_quotes(example_quotes):
    texts = [q.text for q in example_quotes]
    assert not [t for t in texts if len(t.split()) < 2]
    assert not [t for t in texts if "special military operation" in t]
    assert all(q.speaker for q in example_quotes)
    assert not [q for q in example_quotes if q.speaker and "Ambassador" in q.speaker]
    assert len({(q.source, q.text) for q in example_quotes}) == len(example_quotes)


def test_newswire_backtick_quotes():
    body = "``The levee held,'' said Tomas Keller. ``We were lucky.''"
    assert _pairs(body) == [("Tomas Keller", "The levee held"), ("Tomas Keller", "We were lucky.")]


def test_unnamed_role_and_new_sentence_are_not_resolved_to_someone():
    body = ('Tomas Keller, the harbour spokesman, opened the gates on Monday.\n'
            '"The gates will stay open all week," a spokesman said.\nThe storm passed.\n'
            '"The fence was cut in two places." Relatives said that the farm had been sold.')
    assert _pairs(body) == [("spokesman", "The gates will stay open all week"),
                            (None, "The fence was cut in two places.")]


# --------------------------------------------------------------------------- speaker forms


@pytest.mark.parametrize(("body", "speaker", "words"), [
    # a pronoun after a named person, in the quote's own sentence
    ('Mayor Lucia Fontaine toured the embankment on foot. '
     '"The levee held for six hours," she said.', "Lucia Fontaine", "levee held"),
    # title and name after the quote, and before a colon
    ('"Nothing moved in the yard all night," harbour master Kofi Mensah said.',
     "Kofi Mensah", "Nothing moved"),
    ('Coach Tereza Hulme told reporters: "We were never in this game."',
     "Tereza Hulme", "never in this game"),
    # a quote of several sentences
    ('"The water came in fast. We had ten minutes to leave," said farmer Ilse Brandt.',
     "Ilse Brandt", "We had ten minutes"),
    # a quote standing alone after a sentence naming its speaker
    ('Ilse Brandt said the village was lost. "There is nothing left to go back to."',
     "Ilse Brandt", "nothing left"),
    # the person inside what someone else said is not who speaks next
    ('Captain Vera Okafor said the crews would keep working, as Tom Reyes would have wanted. '
     '"It is what he asked of us," she said.', "Vera Okafor", "what he asked"),
    # 'the judge' is the person the article introduced with that title
    ('Presiding Judge Amara Lind read the verdict to a silent room. '
     '"You betrayed every client who trusted you," the judge told Pavel Drum.',
     "Amara Lind", "You betrayed"),
    # a participle after a comma belongs to the sentence's subject
    ('Judge Amara Lind rejected claims that Pavel Drum had meant to repay investors, calling '
     'the scheme "a deliberate fraud from the start".', "Amara Lind", "deliberate fraud"),
    # ... unless it hangs on a verb of speech with a subject of its own
    ('The provincial roads agency has suspended the licence of Corvallo Haulage pending an '
     'investigation, and a public inquiry will hold its first hearing on Thursday, Roads '
     'Commissioner Talia Okonkwo-Reyes told reporters, insisting that "nobody should drive for '
     'a firm that cannot say who is at the wheel."', "Talia Okonkwo-Reyes", "nobody should"),
    # 'the baker' is the person a sentence before described as "The 31-year-old baker"
    ('Port Ellis cheered for Tomas Ferreira-Lund on Sunday.\n\nThe 31-year-old baker from the '
     'old harbour finished seventh in his first marathon.\n\n"My legs are finished, but I have '
     'never been so proud," the baker added.', "Tomas Ferreira-Lund", "never been so proud"),
    # "and I quote": the writer marks the words of the person who told them
    ('The observatory head, Sigrun Halvarsdottir, told me a few minutes ago, and I quote, '
     '"the lava fountains have eased a little, but the gas output is still climbing."',
     "Sigrun Halvarsdottir", "gas output"),
    # "the 34-year-old" is the one person the article gave that age, further back than a
    # pronoun looks
    ('Declan Moriarty and his partner are among 2,000 travellers stranded on Veyra.\n\n"We '
     'have one bag and a lot of patience," said Moriarty, 34.\n\nThe pair had planned a week '
     'of diving. They got two days. Their hotel is full of other stranded divers, and the '
     'ferry company has no spare berths.\n\n"Honestly? We would come back in a heartbeat," '
     'the 34-year-old added.', "Moriarty", "come back in a heartbeat"),
    # a wire's stock ticker is no part of the company that speaks
    ('Brindle Foods Inc BFI.N said on Friday it would begin an "orderly wind-down" of the '
     'chain.', "Brindle Foods Inc", "orderly wind-down"),
    # a photo credit before the attribution is not the speaker
    ('Crowds wait at the gate. (Photo: Lena Moss/Delta Herald)\n\n'
     'Terminal manager Ravi Sethi said: "We worked on paper all day. It cannot happen again."',
     "Ravi Sethi", "worked on paper"),
    # a name NER misses after a title, then 'he said'
    ('Brigadier-General Idris Al Baraka, who leads the northern delegation, left early.\n'
     '"We did not come here to give up land," he said.', "Idris Al Baraka", "give up land"),
    # the person an outlet quotes, not the outlet
    ('"The figures are simply wrong," the Valley Courier quoted Hart as saying.',
     "Hart", "simply wrong"),
    ('Lena Hart told the Valley Courier: "We were not warned at all."',
     "Lena Hart", "not warned"),
    # 'according to' before the quote
    ('According to Mayor Elin Strand, "the town has never seen anything like it."',
     "Elin Strand", "never seen"),
    # a name the NER model does not tag, then 'she said'
    ('Ana Ruiz, the club\'s coach, was furious. "That was never a penalty," she said.',
     "Ana Ruiz", "never a penalty"),
])
def test_speaker_forms(body, speaker, words):
    quotes = [q for q in _quotes(body) if words in q.text]
    assert quotes, f"no quote with {words!r} in {_pairs(body)}"
    assert quotes[0].speaker == speaker


def test_the_object_of_led_to_say_is_the_speaker():
    text = ('The payout led Marta Oyelaran, a governance expert at Kestrel University, to say '
            'that "without question" the bonus should be returned.')
    article = Article(id="invented", body=text)
    found = extract_quotes(get_nlp()(text), split(article), article)
    assert [q.speaker for q in found] == ["Marta Oyelaran"]


def test_she_said_is_not_given_to_the_man_named_last():
    """The lawyer is the only woman the article writes of; the defendant, named last, is 'he':
    'she said' is the lawyer's."""
    text = ("Defence lawyer Ilse Brandvold said her client would appeal the verdict. "
            "Tomas Ekwall was convicted on Friday of fraud, and he was led away by guards. "
            "\"My client has not admitted anything,\" she said.")
    assert [q.speaker for q in _quotes(text) if "admitted" in q.text] == ["Ilse Brandvold"]


def test_speaker_after_an_abbreviated_rank_is_the_name():
    body = ('"We searched every shed on the island," said Harbour Police Sgt. Mira Castell.')
    assert _pairs(body) == [("Mira Castell", "We searched every shed on the island")]


def test_a_name_entity_running_over_the_verb_is_not_the_speaker():
    # en_core_web_sm tagged "Cooper told Entertainment Weekly" as one WORK_OF_ART on a real
    # page; the same mistake is set by hand on an invented sentence
    from spacy.tokens import Span

    body = "“Your whole body is electrified,” Tavo told Arts Monthly of the show in March."
    article = Article(id="t", body=body)
    doc = get_nlp()(body)
    start = next(t.i for t in doc if t.text == "Tavo")
    doc.ents = [Span(doc, start, start + 4, label="WORK_OF_ART")]
    quotes = extract_quotes(doc, split(article), article)
    assert [q.speaker for q in quotes] == ["Tavo"]


@pytest.mark.parametrize(("body", "speakers"), [
    pytest.param('Envoy Tarik Osmani pushed back at a question from host Lena Varga. "The valley '
                 'is ours," he said, before Varga moved on to the border. "We have no interest '
                 'in crossing it," he said.', ["Tarik Osmani", "Tarik Osmani"],
                 id="he-said-not-the-subject-of-a-trailing-before-clause"),
    pytest.param('Chief Anton Bray said the boy phoned his aunt again. When Officer Mira Castell '
                 'heard the call, she went back to the farm. "We were not leaving without him," '
                 'she said.', ["Mira Castell"],
                 id="a-fronted-when-clause-keeps-its-subject-in-focus"),
    pytest.param('Video site Harbourview Media Ltd removed 40 videos on Monday after complaints '
                 'from parents. Its statement read: "We have clear rules on what may be posted." '
                 'The company later added more staff. "We remove anything that breaks them," it '
                 'said.', ["Harbourview Media Ltd"] * 2,
                 id="it-and-its-statement-are-the-organisation"),
    pytest.param('The report came out on Monday after months of delay. "Nothing was done in '
                 'time," it said.', [None], id="it-with-no-organisation-in-view-is-nobody"),
    pytest.param('Nurse Mira Castell treated the patient on Monday. A nurse wrote: "Patient had a '
                 'high fever and was confused."', ["nurse"],
                 id="a-nurse-is-not-the-nurse-named-before"),
    pytest.param('Tavi Renn has always shot on location.\n"I do not judge my characters," the '
                 'director told Washington Post chief film critic Mara Quill in a profile '
                 'published last week.', ["director"], id="a-role-is-not-the-listener-after-it"),
    pytest.param('The search lasted all night.\n“We were not going to leave until we found him.” '
                 'Sgt. Mira Castell, Orrin County Police Department\nPolice had received a tip.',
                 ["Mira Castell"], id="a-pull-quote-credited-on-its-line"),
])
def test_speakers_in_view(body: str, speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in _pairs(body)] == speakers


def test_a_quotation_signed_on_the_next_line_is_the_signers():
    body = ('"The harbour will outlive every one of us, and the town owes it far more than it '
            'admits."\n- Ilse Marrow, historian, from "The Tessford Docks"\n'
            'The port reopened on Friday.')
    assert _pairs(body)[0] == ("Ilse Marrow", "The harbour will outlive every one of us, and "
                               "the town owes it far more than it admits.")


def test_a_speaker_described_by_age_is_the_person_written_about():
    body = ("Mirela Dan lives in a flooded street of Oskaby that still has no running water.\n"
            '"We have no plan and nothing to wait for," said the 48-year-old.')
    assert _pairs(body) == [("Mirela Dan", "We have no plan and nothing to wait for")]


def test_the_company_said_is_the_organisation_in_focus():
    body = ("Northgate Cloud Inc. said the outage was over by Tuesday evening.\n"
            '"Customers will get service credits," the company said.')
    assert _pairs(body) == [("Northgate Cloud Inc.", "Customers will get service credits")]
    # with no organisation in view, the word stays
    assert _pairs('Residents of Kesselby said the ferry was late again.\n'
                  '"It is a disgrace," the company said.')[0][0] == "company"


def test_a_name_inside_the_quotation_is_not_its_speaker():
    body = ("Residents gathered at the pier.\n"
            '"We stand with the people of Oskaby and all of Norland," the council said.')
    assert _pairs(body)[0][0] == "council"


def test_an_interview_goes_on_across_a_line_of_narration():
    body = ("Swimmer Lena Okafor told the Harbour Post about the crossing.\n"
            '"The water was colder than I thought," she said.\n'
            "The strait is four kilometres wide at its narrowest point.\n"
            '"I kept going until the buoy."\n'
            "Mayor Ivo Brandt praised the rescue crews.\n"
            '"We were lucky."')
    assert _pairs(body) == [("Lena Okafor", "The water was colder than I thought"),
                            ("Lena Okafor", "I kept going until the buoy."),
                            ("Ivo Brandt", "We were lucky.")]


def test_an_interview_goes_on_across_a_line_about_a_named_thing():
    # "The Kessel Bridge" is a structure's name: the narration names no one else
    body = ("Swimmer Lena Okafor told the Harbour Post about the crossing.\n"
            '"The water was colder than I thought," she said.\n'
            "The Kessel Bridge, on the border of the two provinces, carries the coast road.\n"
            '"I swam under it twice before anyone saw me."')
    assert _pairs(body)[-1] == ("Lena Okafor", "I swam under it twice before anyone saw me.")


def test_no_interview_goes_on_past_someone_else_speaking():
    body = ('"We can stop looking at it," Tomas Orlev would say.\n'
            '"No, no," I would protest. "The boat is fun."')
    assert _pairs(body)[-1] == (None, "The boat is fun.")


# --------------------------------------------------------------------------- transcripts


def test_a_transcript_turn_of_a_named_person_is_a_quote():
    body = ("Harbour closure: what we know\n\n"
            "PRESENTER: The harbour at Tollund stays shut today. Here is the port's director.\n\n"
            "CLIP - Birgitte Holmqvist, port director: We will not reopen until every crane "
            "has been inspected.\n\n"
            "Joran Veldkamp (dockers' union): Our members have lost a week of pay already.")
    pairs = _pairs(body)
    assert ("Birgitte Holmqvist", "We will not reopen until every crane has been inspected.") \
        in pairs
    assert ("Joran Veldkamp", "Our members have lost a week of pay already.") in pairs
    assert not any(text.startswith("The harbour at Tollund") for _, text in pairs)


def test_a_lone_name_and_colon_line_is_a_heading_not_a_turn():
    body = ("Profile of the new mayor\n\n"
            "Marit Solberg: a life spent on the council benches of Tollund.\n\n"
            "The new mayor of Tollund took office on Monday after eleven years on the council.")
    assert _pairs(body) == []


def test_turns_in_capitals_of_people_the_transcript_names_and_not_of_its_own_people():
    body = ("Transcript of the 7am bulletin. Presenter: Ines Albrecht. Reporter at the quay: "
            "Tomas Reyes-Lind.\n\n"
            "INES ALBRECHT: Good morning. The last of the stranded crew came ashore overnight. "
            "Tomas, you spoke to the skipper?\n\n"
            "TOMAS REYES-LIND: I did. Skipper Pavla Jurkova was the last to leave the trawler.\n\n"
            "PAVLA JURKOVA (recorded): We never lost hope. The sea was kind to us in the end.")
    pairs = _pairs(body)
    assert ("Pavla Jurkova", "We never lost hope. The sea was kind to us in the end.") in pairs
    # the presenter asks, the reporter is credited as one: their turns are narration
    assert not any(speaker in ("Ines Albrecht", "Tomas Reyes-Lind") for speaker, _ in pairs)


def test_turns_labelled_by_title_and_name_or_surname_and_not_the_programmes_reporter():
    body = ("HOST: With me is the former harbour master Ottilie Brandt-Kessel, and we hear "
            "from the port's doctor, Dr Ivo Lindqvist.\n\n"
            "BRANDT-KESSEL: The storm wall was never built to this height. Everyone knew "
            "it.\n\n"
            "DR IVO LINDQVIST: We treated nine sailors for cold overnight, all are stable.\n\n"
            "HOST: Ottilie Brandt-Kessel, thanks. Our reporter Senna Quist-Arden was at the "
            "quay.\n\n"
            "SENNA QUIST-ARDEN: The crews are still pumping water out of the lower streets.\n\n"
            "HOST: Senna Quist-Arden, thank you.")
    pairs = _pairs(body)
    assert not any(speaker == "Senna Quist-Arden" for speaker, _ in pairs)
    assert ("Ottilie Brandt-Kessel", "The storm wall was never built to this height. "
            "Everyone knew it.") in pairs
    assert ("Ivo Lindqvist", "We treated nine sailors for cold overnight, all are stable.") \
        in pairs


@pytest.mark.parametrize(("body", "speaker"), [
    ('"I heard it on the radio, not from my bank," fumed Odile Marchetti, a baker.',
     "Odile Marchetti"),
    ('"We will rebuild the pier," Tomasz Grell sighed.', "Tomasz Grell"),
])
def test_any_verb_between_a_quote_and_a_name_attributes_it(body, speaker):
    assert [s for s, _ in _pairs(body)] == [speaker]


def test_any_verb_between_a_quote_and_a_pronoun_attributes_it_to_the_person_in_view():
    body = ("Harbour master Ines Kallberg has demanded answers from the ship's owners. "
            '"Somebody made a mistake out there, and this town is paying for it," she fumed.')
    assert _pairs(body) == [("Ines Kallberg", "Somebody made a mistake out there, and this "
                                              "town is paying for it")]


def test_the_dad_of_two_is_the_person_in_focus_not_the_father_of_someone_else():
    body = ('Survivor Tobias Renn, 31, who was dug out after 40 minutes, said: "I heard a '
            'crack like a gunshot."\n\n'
            'The dad-of-two, speaking from his hospital bed, added: "The snow sets like '
            'concrete."\n\n'
            'Later the father of one of the victims said: "We want answers."')
    pairs = dict((text, speaker) for speaker, text in _pairs(body))
    assert pairs["The snow sets like concrete."] == "Tobias Renn"
    assert pairs["We want answers."] != "Tobias Renn"


def test_a_title_in_quotes_before_a_participle_has_no_speaker():
    assert _pairs('"The Lantern," starring Mira Osei, returns in May.') == []


def test_a_line_opening_with_what_the_quote_is_about_is_not_its_speaker():
    body = ("Mayor Hilde Brandvold talked about the council members she works with.\n\n"
            '"I have known most of them for twenty years," Brandvold said.\n\n'
            'On Okafor: "Tunde is a tremendous colleague. I think he is one of the people I '
            'really respect."\n\n'
            'On Lise Marven: "Great planner. The greatest. We are on the same page. We think '
            'alike."\n\n'
            'Kessler: "We will appeal the ruling as soon as possible."')
    pairs = _pairs(body)
    assert ("Hilde Brandvold", "Tunde is a tremendous colleague. I think he is one of the "
            "people I really respect.") in pairs
    assert ("Hilde Brandvold", "Great planner. The greatest. We are on the same page. We think "
            "alike.") in pairs
    assert ("Kessler", "We will appeal the ruling as soon as possible.") in pairs


def test_the_name_after_a_role_in_the_subject_is_the_speaker_not_the_show_before_it():
    body = ('"It was one of the best cup finals I have seen in years. It augurs well for the '
            'league," said Goal of the Week presenter Ilse Marven.')
    assert _pairs(body) == [("Ilse Marven", "It was one of the best cup finals I have seen "
                             "in years. It augurs well for the league")]


def test_a_quote_after_narration_about_someone_else_is_not_the_last_speakers():
    # "Sterling", a name that is also a word, is the narration's subject though the tagger
    # names nobody there: the quote after it is not Sanders's
    body = ('Among her confidants is harbour chief Tomas Keller. "He is a very good friend of '
            'mine," says Marven. "He calls me a lot."\n\n'
            'Sanders called a Marven win a "real danger to the whole coast" on May 27.\n\n'
            'Sterling will turn 70 on June 14, but she shows no sign of fatigue even as our '
            'conversation drifts toward 11 p.m. She has been at this since either 4 a.m. or '
            '6 a.m. (she offers different times at different moments). "Today, I\'m up at six '
            'in the morning, I\'m meeting some of the biggest people in the port. Then I had '
            'to give a speech to a big group."')
    speakers = {text[:5]: speaker for speaker, text in _pairs(body)}
    assert speakers["real "] == "Sanders" and speakers["Today"] != "Sanders"


def test_a_text_cut_off_inside_a_quote_keeps_the_quote_to_its_end():
    body = ("A ferry pilot from Kessin swam across the harbour at night. Speaking to the local "
            'paper, Tomas Keller said: "It was colder than we thought and the current was '
            "strong. You go out at night to feel free, don't you? We")
    assert _pairs(body) == [("Tomas Keller", "It was colder than we thought and the current "
                             "was strong. You go out at night to feel free, don't you? We")]


def test_a_stray_mark_in_a_text_that_ends_on_its_full_stop_opens_no_quote():
    body = ('The council approved the plan on Monday. Critics called it a "rushed job. The mayor '
            "said work would start in May. Residents of the old quarter will be consulted in "
            "April.")
    assert not any(text.startswith("rushed job") for _, text in _pairs(body))


def test_a_spouses_honorific_does_not_give_the_bare_surname_her_gender():
    body = ("Governor Arne Vollan landed in Tarrow on Monday. Vollan's wife, Ingrid, toured a "
            "school with the mayor. Mrs. Vollan met teachers there. The opposition accused "
            "Kessler of blocking the harbour plan. Vollan said the region needed the new "
            "bridge. \"We cannot wait another decade,\" he said.")
    assert _pairs(body)[-1] == ("Arne Vollan", "We cannot wait another decade")


def test_a_name_set_off_after_a_long_subject_is_the_subject_a_pronoun_takes_up():
    # the small parser hangs "Fausto Brenner" on "Parliament", the subject phrase's last noun
    body = ("\"We should save this coalition,\" said Ines Varga, the party's chairwoman. "
            "Varga was unwilling to join the rebels. But the leader of the Social Renewal "
            "Party in Parliament, Fausto Brenner, seems to have no such compunctions. On "
            "Friday, he told reporters that he did not fear an election. \"Sometimes you must "
            "lose to win,\" he said.")
    assert _pairs(body)[-1] == ("Fausto Brenner", "Sometimes you must lose to win")


def test_a_sentence_opening_on_said_and_the_name_attributes_the_quote():
    # the small tagger reads "Said" before "Porter" as a name
    body = ("Union chief Tom Porter rejected the plan on Monday. \u201cWe would have to be "
            "stupid to accept that deal,\u201d he said. Said Porter, \u201cIf you go for their "
            "proposal, it's just a joke.\u201d")
    assert _pairs(body)[-1] == ("Tom Porter", "If you go for their proposal, it's just a joke.")


def test_it_added_is_the_unnamed_body_in_focus_not_the_name_it_spoke_of():
    body = ("The Drava Workers' Front ruled the valley from 1975 to 1979. The ruling party "
            "accused the ministry of not acting in time to protect the valley from the Front. "
            "\"They must not make unjust accusations against those who freed the valley,\" it "
            "added.")
    assert _pairs(body)[-1][0] == "ruling party"


def test_a_role_with_a_noun_before_it_is_only_someone_described_so():
    told = ("Drava leader Tomas Brenner has guaranteed the safety of all politicians. Ines Varga "
            "said on Wednesday that she was unsatisfied with the guarantee. \"It should be easy "
            "for them to say so,\" the opposition leader said in a statement.")
    assert _pairs(told)[-1][0] != "Tomas Brenner"
    described = ("Drava leader Tomas Brenner has guaranteed the safety of all politicians. "
                 "Opposition leader Ines Varga was unsatisfied. \"It should be easy for them to "
                 "say so,\" the opposition leader said in a statement.")
    assert _pairs(described)[-1][0] == "Ines Varga"



def test_a_clause_the_parse_hangs_on_a_quote_keeps_its_subject_in_focus():
    body = ("Tomas Keller studied engineering in Lindau before he moved to Drava.\n\n"
            "Last year he made a film with his friend Jonas Ekdahl. Ekdahl, speaking to a local "
            "paper, was adamant about his friend's innocence: \"I don't know how they got Tomas "
            "wrapped into this, but I'm sure it's not him,\" he said.")
    assert ("Jonas Ekdahl", "I don't know how they got Tomas wrapped into this, but I'm sure "
            "it's not him") in _pairs(body)


def test_a_name_set_beside_the_subjects_name_does_not_take_its_quote():
    body = ("Ines Albrecht took over from Prosecutor Tomas Keller in 2001.\n\nFormer county "
            "prosecutor Jonas Ekdahl, one of a number of consultants on the case brought in "
            "early on by the county prosecutor at the time, Keller, told the station he was "
            "confounded by the decision. \"This is craziness,\" he said.")
    assert ("Jonas Ekdahl", "This is craziness") in _pairs(body)


def test_a_quotation_that_is_its_whole_line_is_a_heading_not_a_quote():
    body = ("Tomas Keller, the inspector, said the wall had not been checked for six years.\n\n"
            "'A failure of oversight'\n\n"
            "The report's authors said the port authority had ignored three warnings.")
    assert not any("oversight" in text for _, text in _pairs(body))



def test_a_clause_before_a_quote_is_not_what_the_he_said_after_it_reports():
    """The small parser hangs "Tomas reiterated ..." on the "said" after the quote, as if it
    were what he said: its subject is who speaks, not a name inside reported speech."""
    from newsfuse.nlp.quotes import _in_reported_speech

    text = ("Tomas reiterated that sentiment in a statement about his future wife: \"This was "
            "actually the best year of my life because I fell in love with my best friend,\" "
            "he said.")
    doc = get_nlp()(text)
    quoted = {t.i for t in doc if text.index("\"") < t.idx < text.rindex("\"")}
    tomas = doc[0]
    assert tomas.head.dep_ == "ccomp" and tomas.head.head.lemma_ == "say"  # the misparse
    assert _in_reported_speech(tomas)  # read without the quotation
    assert not _in_reported_speech(tomas, quoted)


def test_a_turn_labelled_with_a_role_and_a_cue():
    body = ("MARTA VILLE, ANCHOR: Good evening. The harbour stays shut tonight.\n\n"
            "KAI ROSTEN, REPORTER: Ports Minister Edda Lange came to the quay this afternoon. "
            "Here's what she told us.\n\n"
            "EDDA LANGE, PORTS MINISTER (clip): We are not closing the port for good. The "
            "ferries will sail again once the wall is checked.")
    pairs = _pairs(body)
    assert ("Edda Lange", "We are not closing the port for good. The ferries will sail again "
            "once the wall is checked.") in pairs
    assert not any(speaker in ("Marta Ville", "Kai Rosten") for speaker, _ in pairs)


@pytest.mark.parametrize(("body", "speaker"), [
    # the outlet's own reporter is not "she"
    ("13:30 Our reporter Dan Ferris has been speaking to Priya Deverill, a ward sister at "
     "Hollins Vale with 19 years' experience. \"Last Thursday night I had eleven patients and "
     "one healthcare assistant,\" she told him.", "Priya Deverill"),
    # a first name the tagger calls a place is the one person named so
    ("Taxi driver Dermot Quayle was waiting at a red light when one of the apes leapt onto "
     "his roof.\n\"I heard this almighty thud and then there was a face staring at me upside "
     "down through the windscreen,\" said Dermot, 47.", "Dermot Quayle"),
])
def test_the_speaker_is_the_person_the_article_means(body: str, speaker: str):
    assert [found for found, _ in _pairs(body)] == [speaker]


def test_the_noun_described_by_an_age_is_the_person_the_article_is_about():
    body = ("Lukas Bremmer had been saving for a flat for four years when hackers broke into the "
            "exchange.\n\n\"I watched my balance on the app and prayed it would not change,\" the "
            "29-year-old nurse from New Hadley said.")
    assert [speaker for speaker, _ in _pairs(body)] == ["Lukas Bremmer"]
