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
