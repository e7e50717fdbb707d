"""Speaker attribution patterns found on full web pages (issue 8), on invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsfuse.nlp.pipeline import get_nlp
from newsfuse.nlp.quotes import _phrase_text
from tests.test_quotes import _pairs


@pytest.mark.parametrize("body, speakers", [
    pytest.param('In a statement to the Harbour Gazette, Velmora Cruises acknowledged that a '
                 'recorder was found in a cabin.\n"This is an unusual occurrence and we are '
                 'looking into it," the statement said.', ["Velmora Cruises"],
                 id="the-statement-is-the-one-brought-in-before"),
    pytest.param('The coastguard said in a statement that the ferry had been towed to port.\n'
                 'A passenger told reporters the engine had caught fire.\n'
                 '"Nobody was injured," the statement said.', ["coastguard"],
                 id="the-statement-author-is-the-subject-that-issued-it"),
    pytest.param('A rescue worker described the scene.\n"The water came in very fast," the '
                 'statement said.', [None], id="the-statement-with-none-before-has-no-author"),
    pytest.param('A spokesman for the Dorval County Water Board said that the pumps were working '
                 'again.\nHe also wrote that "the reservoir is full and the pipes are clean."',
                 ["spokesman for the Dorval County Water Board"],
                 id="he-after-an-unnamed-spokesman-is-the-spokesman"),
    pytest.param('Governor Lena Marsh toured the flooded valley on Tuesday with two engineers.\n'
                 'The river had risen by four metres overnight. Roads to the north were closed.\n'
                 'The governor also said the state would ask for federal help.\n'
                 'Sign up for our morning newsletter. You can unsubscribe at any time.\n'
                 '"We cannot rebuild this valley alone," she said.', ["Lena Marsh"],
                 id="she-after-the-governor-said-is-the-governor"),
    pytest.param('"We keep the roads open," said Petra Lind, the county engineer.\n'
                 'In its reply to the audit, the Roads Council defended its winter budget.\n'
                 '"Every crew worked double shifts during the storm."',
                 ["Petra Lind", "Roads Council"],
                 id="a-quote-paragraph-after-a-named-subject-is-the-subjects"),
    pytest.param('The bridge was closed by the Roads Council on Monday.\n'
                 '"Every crew worked double shifts during the storm."', [None],
                 id="a-passive-lead-in-gives-no-speaker"),
    pytest.param('Before the war, Harbor Mail was the only shop in the valley. \n \n “Dad, I got '
                 'you a new hat and a bell for your bike!” Tom would say, never able to keep a '
                 'secret until the big day.', ["Tom"],
                 id="an-attribution-the-segmenter-split-off-still-attributes"),
    pytest.param('Gov. Lena Marsh postponed the hearing set for today so that Tomas Ridder could '
                 'testify. The Democratic governor said she delayed Ridder’s hearing “so that the '
                 'court can hear every witness first.”', ["Democratic governor"],
                 id="a-role-in-another-clause-before-a-name-is-not-that-names"),
    pytest.param('His lawyer, Ilinca Moraru, spoke to us on the steps of the court. She said the '
                 'judges had ignored key evidence. "This verdict rests on the word of two '
                 'businessmen. We will take it to the Supreme Court," the lawyer added.',
                 ["Ilinca Moraru"], id="the-role-noun-of-a-name-in-apposition-is-that-person"),
    pytest.param('I spoke to the head curator, Dr. Hana Kobayashi, this afternoon. She told me her '
                 'team had rehearsed for months.\n"We are not allowed to make mistakes," the '
                 'curator added.', ["Hana Kobayashi"],
                 id="a-role-noun-outside-the-role-table-is-the-person-so-described"),
    pytest.param('Brightwell, the retailer, said sales rose. Its chief, Mara Lind, was pleased.\n'
                 '"We had a strong year," the retailer said.', ["Brightwell"],
                 id="an-organisation-noun-stays-the-organisation"),
    pytest.param('"I heard a whistle," said trader Karim Boutaleb. "My brother was buying bread '
                 'for his children. We still have not found him."\nKarim has sold tomatoes at '
                 'the same stall for 30 years. He was counting his takings when the blast hit.\n'
                 '"There are no weapons here," the 52-year-old added.',
                 ["Karim Boutaleb", "Karim Boutaleb", "Karim Boutaleb"],
                 id="the-lookback-does-not-count-the-sentences-of-a-long-quote"),
    pytest.param('14:50 - Security researcher Piotr Zielinski says operators must act '
                 '"tonight, not next month".\n14:05 - The chief technology officer Rafael '
                 'Quintanilha has been speaking to journalists. He confirmed the demand. "They '
                 'want $5 million and we will not pay it," he said.',
                 ["Piotr Zielinski", "Rafael Quintanilha"],
                 id="a-name-in-apposition-to-the-subject-is-in-focus"),
    pytest.param('Grace Mwende-Obi, who runs a stall, said she got a message.\n"I almost did it," '
                 'she said.\n"Now I understand where they got it from," the 64-year-old added. '
                 '"I want to know why nobody warned us."',
                 ["Grace Mwende-Obi", "Grace Mwende-Obi", "Grace Mwende-Obi"],
                 id="an-age-the-parser-hung-on-the-verb-is-its-subject"),
    pytest.param('"My daughter could not even stand," said Halima Said, whose nine-year-old '
                 'daughter Amina spent two nights on a drip.\n"We send our children to school '
                 'to learn," the 34-year-old added.', ["Halima Said", "Halima Said"],
                 id="the-subject-of-a-relative-clause-is-not-in-focus"),
    pytest.param('John Miller, 29, graduated in May. "If the job means crossing borders, '
                 'nothing can be done," he points out. "Some of them told me my surname was the '
                 'problem," he recounts.', ["John Miller", "John Miller"],
                 id="points-out-and-recounts-report-speech"),
    pytest.param('Farmer Odile Brandt said she would pay "in excess of $40,000\u2033 to the '
                 'cooperative. The shed is 5\u203211\u2033 tall.', ["Farmer Odile Brandt"],
                 id="a-double-prime-closes-a-quote-but-not-after-feet"),
    pytest.param('The mayor welcomed the ruling. "Goodbye to Harbour Mall," Okafor said. '
                 'She had watched "The Crown," starring the cast of the play.', ["Okafor"],
                 id="capitalised-words-closed-by-a-comma-before-said-are-speech"),
    pytest.param('Marta Kowal delivered her third child on Sunday. Her daughter Ewa Maria Kowal, '
                 'six, was at home. It ended up being "a very quick birth," says Kowal.',
                 ["Kowal"], id="a-surname-two-people-of-the-article-share-stays-a-surname"),
    pytest.param('President-elect Ilse Varga named a new envoy on Thursday. The president-elect '
                 'said the envoy would "keep the old friendship" between the two nations.',
                 ["president-elect"], id="a-hyphenated-role-is-no-name-cut-after-its-title"),
    pytest.param('Marek Halvorsen beat a rare bone cancer. That story of survival led Halvorsen '
                 'to tweet this message on arrival at the airport: "Two years ago I was told I '
                 'would never walk again."', ["Marek Halvorsen"],
                 id="a-speech-verb-under-the-verb-before-a-colon-reports-the-quote"),
    pytest.param('"Some patients show signs of exposure to agents that attack the nerves," WHO '
                 'said in a statement. "Most cases come from two villages" WHO said.',
                 ["WHO", "WHO"], id="an-acronym-spelled-like-a-pronoun-is-a-speaker"),
    pytest.param('Residents waited at the garage. "The garage is small so there is not much '
                 'space to move around" Tamer 24 said.', ["Tamer"],
                 id="an-age-whose-commas-were-dropped-is-not-in-the-name"),
    pytest.param('The Korvan coalition said in a statement that its jets hit 16 targets. The '
                 'strikes "have severely limited the group\'s movement" it added.',
                 ["Korvan coalition"], id="it-after-an-unnamed-body-that-spoke-is-that-body"),
    pytest.param('The 46-year-old Harlan Osk was accused of causing Mira Tessel\'s death "in an '
                 'unknown manner" before he was remanded in custody.', [None],
                 id="a-passive-accusation-without-its-agent-names-no-speaker"),
    pytest.param('Earlier this month, Brightwell Bank was fined $18m and accused of "widespread '
                 'illegal practice" by the regulators.', ["regulators"],
                 id="a-passive-accusation-is-its-agents-words"),
    pytest.param('A senior official with the regional water authority said the situation '
                 'remained "very serious." Halvard Onstad told reporters in Brenna that two of '
                 'the reservoirs were only half full.', ["Halvard Onstad"],
                 id="a-person-described-then-named-in-the-next-sentence"),
    pytest.param('A witness said the driver "never even slowed down." Halvard Onstad, who runs '
                 'the bakery on the corner, told reporters he had heard the crash.', ["witness"],
                 id="a-described-person-is-not-a-next-speaker-described-in-their-own-right"),
    pytest.param('In a statement, Brightwave Cruise Lines told reporters they had searched the '
                 'cabin. However, they say the device "was not connected to any power '
                 'source."', ["Brightwave Cruise Lines"], id="they-right-after-a-company-spoke"),
    pytest.param('The couple told reporters the crew had been rude. They say the cabin "was '
                 'never cleaned properly."', [None], id="they-after-people-spoke-is-no-company"),
    pytest.param('The Veldran Armed Forces said a sniper had set a record. "The Veldran Army '
                 'Command can confirm that a member of Task Unit 7 hit a target at 3,100 metres," '
                 'the force said in an email.', ["Veldran Army Command"],
                 id="a-statement-naming-its-author-as-its-first-subject"),
    pytest.param('The report, by the regional inspector of works, also concludes that the '
                 'town will not have the money to maintain most of the new bridges, creating a '
                 '"repair gap" for years to come.', ["regional inspector of works"],
                 id="a-report-by-someone-concludes-and-maintain-with-an-object-reports-nothing"),
    pytest.param('Quillbook has always banned violent images, but it is now diving into the '
                 'details. “We remove photographs of injured people unless they are news,” it '
                 'says.', ["Quillbook"], id="it-after-a-name-the-tagger-left-untagged"),
])
def test_speakers_from_the_context(body: str, speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in _pairs(body)] == speakers


def test_a_subject_phrase_stops_at_a_paragraph_break():
    # the parse of a page hung a photo credit line on the subject of the next paragraph
    words = ["”", "\n", "(", "Image", ":", "Ana", "Ruiz", ")", "\n", "Rangers", "noted", "it"]
    heads = [3, 3, 3, 9, 3, 6, 3, 6, 9, 10, 10, 10]
    deps = ["punct", "dep", "punct", "nmod", "punct", "compound", "appos", "punct", "dep",
            "nsubj", "ROOT", "dobj"]
    doc = Doc(get_nlp().vocab, words=words, spaces=[False] * len(words), heads=heads, deps=deps)
    assert _phrase_text(doc[9]) == "Rangers"


@pytest.mark.parametrize(("body", "speaker"), [
    pytest.param('The Marrel Health Ministry said on Monday that 40 clinics had closed. "We are '
                 'sending staff from the capital," the ministry said. Later the Marrel Ministry '
                 'of Finance approved new funds.', "Marrel Health Ministry",
                 id="the-body-named-before-not-the-one-named-after"),
    pytest.param('The Veldran Armed Forces confirmed on Friday that a member of Joint Task Force '
                 '7 reached the border. "We can confirm that the unit crossed the border at '
                 'dawn," the forces said in a statement. Members of the Veldran Special '
                 'Operations Task Force do not accompany combat units, officials added.',
                 "Veldran Armed Forces", id="the-forces-are-the-armed-forces-not-a-task-force"),
])
def test_a_body_named_by_its_noun_is_the_one_named_before(body: str, speaker: str) -> None:
    assert [s for s, _ in _pairs(body)] == [speaker]
