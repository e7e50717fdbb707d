"""Captions run into a one-line page's story are cut out; a page of captions is a gallery."""

import pytest

from newsfuse.clean import NotAnArticle, clean
from newsfuse.clean.glued import cut_glued_captions
from newsfuse.model import Article

CAPTION = ("Rescuers carry a boy to a boat on the flooded quay of Vellmar, monday, march 4, "
           "2024. The river rose two metres in a night and forced...")
FULL_CAPTION = ("Rescuers carry a boy to a boat on the flooded quay of Vellmar, monday, march 4, "
                "2024. The river rose two metres in a night and forced the evacuation of the "
                "old town.")
STORY = ("Vellmar ( ap ) — the Lenne river burst its banks on Monday and forced some 800 "
         "residents of Vellmar's old town from their homes, the regional fire service said. "
         "Boats took the last families off the quay by noon, and the town hall opened a shelter "
         "in the sports hall.")


def test_wire_captions_glued_before_the_story_are_cut_out():
    raw = (f"{CAPTION} ( associated press ) {FULL_CAPTION} ( ap photo/ana ruiz ) "
           f"( associated press ) {STORY}")
    article = clean(Article(id="one-line", raw=raw))
    assert article.body.startswith("Vellmar ( ap ) — the Lenne river burst")
    assert "Rescuers carry" not in article.body
    assert sum(block.reason == "caption" for block in article.removed) == 2


def test_story_text_before_a_picture_stays():
    lead = ("The Lenne river burst its banks on Monday and forced some 800 residents of "
            "Vellmar's old town from their homes, the regional fire service said, and boats "
            "took the last families off the quay by noon while the town hall opened a shelter "
            "in the sports hall for those who had nowhere else to go that night.")
    text, cut = cut_glued_captions(f"{lead} In this photo taken monday, rescuers carry a boy "
                                   f"to a boat. ( ap photo/ana ruiz ) The water fell on Tuesday.")
    assert text == f"{lead} The water fell on Tuesday."
    assert cut[0].text.startswith("In this photo taken monday")


def test_a_dateline_is_no_caption_credit():
    text, cut = cut_glued_captions(STORY)
    assert text == STORY and cut == []


def test_a_page_of_glued_captions_is_a_gallery():
    raw = " ".join([f"{CAPTION} ( associated press ) {FULL_CAPTION} ( ap photo/ana ruiz ) "
                    "( associated press )"] * 3)
    with pytest.raises(NotAnArticle, match="gallery"):
        clean(Article(id="gallery", raw=raw))


def test_a_lead_sentence_over_captions_is_a_gallery_but_a_wire_story_start_is_not():
    lead = "The Lenne river burst its banks on Monday, forcing 800 people from their homes."
    captions = f"{CAPTION} ( associated press ) {FULL_CAPTION} ( ap photo/ana ruiz )"
    with pytest.raises(NotAnArticle, match="gallery"):
        clean(Article(id="lead", raw=f"{lead} {captions}"))
    short_story = "Vellmar ( ap ) — the Lenne river burst its banks on Monday, forcing 800"
    assert clean(Article(id="story", raw=f"{captions} {short_story}")).body == short_story


def test_captions_credited_with_a_bar_make_a_gallery():
    caption = ("the mayor of Vellmar announces the flood relief fund at the town hall on "
               "monday...")
    raw = "1 of 6 view caption " + " ".join(
        [f"( ana ruiz &#124; the vellmar post ) {caption}"] * 4)
    with pytest.raises(NotAnArticle, match="gallery"):
        clean(Article(id="bar-credits", raw=raw))


def test_advertisement_labels_between_sentences_are_cut_and_listed():
    raw = ("Advertisement the harbour board voted on tuesday to close the old ferry terminal, "
           "a spokesman said. Advertisement continue reading the main story the terminal "
           "opened in 1961 and handled two million passengers a year at its peak. The board "
           "ran an advertisement in the local paper to find a buyer for the building.")
    article = clean(Article(id="ad", raw=raw))
    assert not article.body.startswith("Advertisement")
    assert "Advertisement continue" not in article.body
    assert "said. the terminal opened in 1961" in article.body
    assert "ran an advertisement in the local paper" in article.body  # prose keeps the word
    assert [b.text for b in article.removed if b.reason == "advertisement"] == [
        "Advertisement", "Advertisement"]
    assert [b.text for b in article.removed if b.reason == "continue-label"] == [
        "continue reading the main story"]


def test_where_a_page_breaks_its_story_for_a_box_the_label_is_cut():
    raw = ("The harbour board voted on tuesday to close the old ferry terminal, a spokesman "
           "said. Story continued below the terminal opened in 1961 and handled two million "
           "passengers a year at its peak, the board said.")
    article = clean(Article(id="continued", raw=raw))
    assert "said. the terminal opened in 1961" in article.body
    assert [b.reason for b in article.removed] == ["continue-label"]


@pytest.mark.parametrize(("raw", "body_start", "reason"), [
    # highlights run into a one-line story, cut up to the wire's dateline
    ("Story highlights the ferry terminal will close in may the board wants a buyer for the "
     "building kessin ( cnn ) the harbour board voted on tuesday to close the old ferry "
     "terminal, a spokesman said. The terminal opened in 1961.",
     "the harbour board voted on tuesday", "highlights"),
    # a newsletter box, from its pitch to its error message
    ("Get daily updates directly to your inbox + subscribe thank you for subscribing! could "
     "not subscribe, try again later invalid email a ferry pilot from kessin has become the "
     "first person to swim across the harbour at night, the port said. He swam for three "
     "hours.", "a ferry pilot from kessin has become", "newsletter"),
], ids=["highlights", "newsletter box"])
def test_page_furniture_before_a_one_line_story_is_cut(raw, body_start, reason):
    article = clean(Article(id=reason, raw=raw))
    assert article.body.startswith(body_start)
    assert [b.reason for b in article.removed] == [reason]


def test_player_notices_promos_and_cms_metadata_run_into_a_one_line_page_are_cut():
    story = " ".join(["The board will meet again in May to choose a buyer for the building."] * 8)
    raw = ('Poster= " http://video.example.test/images/77/kessin-harbour.jpg?pubid=77 " true '
           "Details published on march 3, 2024 written by ana ruiz hits: 1763 the harbour board "
           "voted to close the old terminal. Media playback is unsupported on your device media "
           "caption tomas keller described a \" sad day \" the terminal opened in 1961, a "
           "spokesman said. [ what you need to know to start your day: get kessin today in your "
           "inbox. ] it handled two million passengers a year. " + story)
    article = clean(Article(id="furniture", raw=raw))
    assert article.body.startswith(
        "the harbour board voted to close the old terminal. tomas keller described a \" sad "
        "day \" the terminal opened in 1961, a spokesman said. it handled two million "
        "passengers a year.")
    assert sorted(b.reason for b in article.removed) == [
        "byline", "caption-label", "markup", "newsletter", "video-player"]


def test_a_caption_on_its_own_line_keeps_its_label_and_goes_whole():
    raw = ("Harbour terminal to close\n\n"
           "The harbour board voted on Tuesday to close the old ferry terminal, a spokesman "
           "said.\n\nImage caption The old terminal opened in 1961\n\n"
           "It handled two million passengers a year at its peak, the board said.")
    article = clean(Article(id="caption", raw=raw))
    assert "opened in 1961" not in article.body


def test_a_wire_write_throughs_pick_up_mark_is_cut():
    raw = ("   KESSIN, Norway (AP) _ The harbour board voted on Monday to close the old ferry\n"
           "terminal, ending 60 years of crossings to the islands.\n"
           "   The board said the terminal's piers were no longer safe. Passengers will use\n"
           "the new quay from March. The vote, 3rd graf pvs\n")
    article = clean(Article(id="pickup", raw=raw))
    assert article.body.endswith("Passengers will use the new quay from March.")
    assert [b.text for b in article.removed if b.reason == "wire-pickup"] \
        == ["The vote, 3rd graf pvs"]
