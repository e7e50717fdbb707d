from newsfuse.model import Article, RemovedBlock
from newsfuse.nlp.captions import caption_article, caption_text


def test_background_paragraph_of_a_wire_caption_is_kept_without_credit():
    caption = ("A rescuer carries a child across a flooded street in Hirske on March 2, 2025. "
               "– The dam breach displaced at least 4,000 people, officials said. "
               "(Photo by Ana Brill / AFP)")
    expected = "The dam breach displaced at least 4,000 people, officials said."
    assert caption_text(caption) == expected


def test_caption_article_collects_only_captions():
    article = Article(id="a", body="Body.", removed=[
        RemovedBlock(text="Residents wait on a roof. – 300 homes were flooded.", reason="caption"),
        RemovedBlock(text="Subscribe to our newsletter", reason="promo")])
    captions = caption_article(article)
    assert captions is not None and captions.id == "a"
    assert captions.body == "300 homes were flooded."
    assert caption_article(Article(id="b", body="Body.")) is None
