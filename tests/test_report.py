from newsfuse.model import AnnotatedDocument, Article, Quote, Sentence
from newsfuse.synthesize.report import unattributed_quote_sentences


def doc_with_quote(texts: list[str], quote: str, speaker: str) -> AnnotatedDocument:
    sentences = [Sentence(doc_id="a", index=i, start=0, end=len(t), text=t)
                 for i, t in enumerate(texts)]
    return AnnotatedDocument(article=Article(id="a", body=" ".join(texts)), sentences=sentences,
                             quotes=[Quote(text=quote, speaker=speaker, source="a", sentence=0)])


def test_sentences_inside_a_long_quote_without_the_speaker_are_excluded():
    doc = doc_with_quote(
        ['The mayor said, "We will rebuild the bridge.', "It will take two years.",
         'Nobody will be left behind," Marta Kell added.', "Traffic resumed on Friday."],
        "We will rebuild the bridge. It will take two years. Nobody will be left behind",
        "Marta Kell")
    assert unattributed_quote_sentences([doc]) == {("a", 1)}


def test_known_vectors_embed_only_new_texts():
    import numpy as np

    from newsfuse.nlp.embed import KnownVectors

    calls = []

    def fake_embedder(texts):
        calls.append(list(texts))
        return np.ones((len(texts), 384), dtype=np.float32)

    known = KnownVectors(["a"], np.zeros((1, 384), dtype=np.float32), fake_embedder)
    vectors = known(["a", "b", "a"])
    assert calls == [["b"]]
    assert vectors.shape == (3, 384) and vectors[0].sum() == 0 and vectors[1].sum() == 384


def test_the_report_title_is_a_headline_not_a_lead_sentence_taken_for_one():
    from newsfuse.synthesize.report import event_title

    titles = ["Crews investigate after the harbour crane at Kesselby collapsed onto two "
              "moored ferries on Saturday morning.",
              "Kesselby crane collapses onto ferries"]
    documents = [AnnotatedDocument(article=Article(id=str(k), title=t, body="Text."),
                                   sentences=[]) for k, t in enumerate(titles)]
    assert event_title(documents, None, []) == titles[1]


def test_without_headlines_the_title_is_a_summary_sentence_that_reads_alone():
    from newsfuse.model import SummarySentence
    from newsfuse.synthesize.report import event_title

    summary = [SummarySentence(text='He said: "the water was colder than we thought."',
                               sources=["a"]),
               SummarySentence(text="Kessin ( ap ) a ferry pilot swam across the harbour at "
                               "night on Sunday.", sources=["b"])]
    assert event_title([], None, summary) == (
        "a ferry pilot swam across the harbour at night on Sunday.")
    # a wire story's place dateline opens its lead, not the event's title
    summary[1] = SummarySentence(text="KESSIN — A ferry pilot swam across the harbour at night "
                                 "on Sunday.", sources=["b"])
    assert event_title([], None, summary) == (
        "A ferry pilot swam across the harbour at night on Sunday.")


def _title_near_the_ledes(texts: dict[tuple[str, int], str],
                          summary_keys: list[tuple[str, int]]) -> str:
    """The title `event_title` makes, without headlines, from summary sentences `texts[k]`."""
    from newsfuse.align import align
    from newsfuse.model import SummarySentence
    from newsfuse.nlp.embed import get_embedder
    from newsfuse.synthesize.report import event_title

    sentences = [Sentence(doc_id=doc, index=i, start=0, end=len(t), text=t)
                 for (doc, i), t in texts.items()]
    alignment = align(sentences, get_embedder()([s.text for s in sentences]))
    summary = [SummarySentence(text=texts[k], sources=[k[0]]) for k in summary_keys]
    return event_title([], alignment, summary)


def test_without_headlines_the_title_is_the_summary_sentence_nearest_the_ledes():
    texts = {("a", 0): "The Tarrow council voted on Monday to close the Keller Street library.",
             ("a", 1): "The library opened in 1962 with money from a shipping family.",
             ("b", 0): "Tarrow councillors decided to shut the Keller Street library on Monday.",
             ("c", 0): "The closure of the Keller Street library angered readers in Tarrow."}
    assert _title_near_the_ledes(texts, [("a", 1), ("a", 0)]) == texts[("a", 0)]


def test_a_dateline_split_off_as_a_sentence_is_not_the_lede_a_title_is_near():
    texts = {("a", 0): "TARROW, Norland.",
             ("a", 1): "The Tarrow council voted on Monday to close the Keller Street library.",
             ("a", 2): "The mayor's sister is in the Norland Softball Hall of Fame in Tarrow."}
    assert _title_near_the_ledes(texts, [("a", 2), ("a", 1)]) == texts[("a", 1)]


def test_a_live_pages_headline_is_not_the_event_title():
    from newsfuse.synthesize.report import _LIVE_COVERAGE

    assert _LIVE_COVERAGE.search("Aldermoor museum theft: live updates")
    assert _LIVE_COVERAGE.search("Sallowfield chlorine leak - as it happened")
    assert not _LIVE_COVERAGE.search("Residents live in fear after Sallowfield leak")


def test_summary_sentences_lose_the_dateline_or_time_stamp_they_open_with():
    from newsfuse.synthesize.report import without_opening_marks

    assert without_opening_marks("CORVINA, Aug 14 (SportsWire) - Corvina Athletic completed "
                                 "the signing on Thursday.") == \
        "Corvina Athletic completed the signing on Thursday."
    assert without_opening_marks("14:05 - Our sources say the fee was £42m.") == \
        "Our sources say the fee was £42m."
    assert without_opening_marks("NATO - the alliance said on Friday it would act.") == \
        "NATO - the alliance said on Friday it would act."


def test_a_live_pages_time_stamp_without_a_dash_is_cut_too():
    from newsfuse.synthesize.report import without_opening_marks

    assert without_opening_marks("09:40 Police say the mountain road is closed tonight.") == \
        "Police say the mountain road is closed tonight."
    assert without_opening_marks("9.30 percent of voters backed the plan on Monday.") == \
        "9.30 percent of voters backed the plan on Monday."


def test_a_quote_keeps_its_article_s_spelling_of_the_speaker():
    import newsfuse

    articles = [
        Article(id="a", source="Harbour Post", body=(
            "Port director Ilse Wendtland said the container quay would reopen on Friday. "
            "\"We have checked every crane twice and found no damage,\" Wendtland said. "
            "The quay closed after a storm surge flooded the terminal on Monday.")),
        Article(id="b", source="Coast Radio", body=(
            "The container quay flooded by Monday's storm surge will reopen on Friday, port "
            "director Ilse Wendland said. \"Every crane has been inspected and none is damaged,\" "
            "Wendland told reporters. Shipping lines had diverted vessels to other ports.")),
    ]
    report = newsfuse.analyze(articles)
    speakers = {q.source: q.speaker for q in report.quotes}
    assert speakers == {"a": "Ilse Wendtland", "b": "Ilse Wendland"}
    merged = [e for e in report.entities if "Ilse Wendtland" in [e.name, *e.variants]]
    assert merged and {"Ilse Wendtland", "Ilse Wendland"} <= {merged[0].name, *merged[0].variants}


def test_the_merged_name_completes_a_title_and_surname():
    from newsfuse.synthesize.report import _speaker_shown

    assert _speaker_shown("Mr Stumpf", "John Stumpf") == "John Stumpf"
    assert _speaker_shown("Ekdal", "Malin Ekdahl") == "Malin Ekdal"
    assert _speaker_shown("Ingrid Soberg", "Ingrid Søberg") == "Ingrid Soberg"
    assert _speaker_shown("Marek", "Marek Dunleavy") == "Marek Dunleavy"
    assert _speaker_shown("WHO", "World Health Organization") == "World Health Organization"
