from newsfuse.model import Article
from newsfuse.segment import split


def test_offsets_point_into_the_body():
    body = ('The ferry left at 9 a.m. on Friday. It ran aground near Port Ellis.\n'
            '"We heard a bang," said the captain. Nobody was hurt.')
    sentences = split(Article(id="a", body=body))
    assert [s.text for s in sentences] == [
        "The ferry left at 9 a.m. on Friday.", "It ran aground near Port Ellis.",
        '"We heard a bang," said the captain.', "Nobody was hurt."]
    assert all(body[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_sentences_never_cross_lines():
    body = "Harbour closed\nThe harbour was closed on Saturday."
    assert [s.text for s in split(Article(id="a", body=body))] == [
        "Harbour closed", "The harbour was closed on Saturday."]


def test_closing_quote_stays_with_its_sentence():
    body = 'She said: “We will rebuild.” The mayor agreed.'
    texts = [s.text for s in split(Article(id="a", body=body))]
    assert texts[0].endswith("rebuild.”")


def test_chinese_sentences_end_at_full_width_stops():
    body = "港口周三关闭。官员说：“码头将在周五重新开放。”渔民表示担忧！"
    sentences = split(Article(id="a", body=body))
    assert [s.text for s in sentences] == [
        "港口周三关闭。", "官员说：“码头将在周五重新开放。”", "渔民表示担忧！"]
    assert all(body[s.start:s.end] == s.text for s in sentences)


def test_abbreviated_titles_do_not_end_a_sentence():
    body = ("Harbour Police Sgt. Mira Castell found the boat at dawn. Then Lt. Col. Oren Vask "
            "arrived with Det. Ilse Marr. The inquiry ends on Friday.")
    assert [s.text for s in split(Article(id="a", body=body))] == [
        "Harbour Police Sgt. Mira Castell found the boat at dawn.",
        "Then Lt. Col. Oren Vask arrived with Det. Ilse Marr.",
        "The inquiry ends on Friday."]


def test_an_abbreviated_month_before_its_days_ends_no_sentence():
    body = "The two delegations meet in Tessaly for more talks on Nov. 7-8. The port stays shut."
    assert [s.text for s in split(Article(id="m", body=body))] == [
        "The two delegations meet in Tessaly for more talks on Nov. 7-8.", "The port stays shut."]


def test_an_abbreviated_title_in_a_lower_cased_export_does_not_end_a_sentence():
    # exports that lower-case a text and capitalise after each full stop
    body = "the storm hit kessin on tuesday, harbour police sgt. Mira castell said. Crews came."
    assert [s.text for s in split(Article(id="lc", body=body))] == [
        "the storm hit kessin on tuesday, harbour police sgt. Mira castell said.", "Crews came."]
