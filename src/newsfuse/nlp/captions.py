"""Figures stated in photo captions.

Wire captions often carry a news paragraph after the picture description ("A man walks past a
damaged building on February 25. – Russian forces reached ... displacing at least 100,000
people."). Cleaning removes captions from the body so they never reach the summary, but the
figures they state are still the outlet's claims, so conflicts and corroboration may use them.
"""

from __future__ import annotations

import re

from newsfuse.model import AnnotatedDocument, Article

CAPTION_REASONS = {"caption"}
# "description. – background": AFP/Getty captions separate the two with a spaced dash.
_BACKGROUND_SPLIT = re.compile(r"\s[–—-]\s")
_CREDIT = re.compile(r"\((?:photo|picture|image|video)\b[^)]*\)\s*$", re.I)


def caption_text(caption: str) -> str:
    """The news part of a caption: its background paragraph, without the credit."""
    parts = _BACKGROUND_SPLIT.split(caption, maxsplit=1)
    background = parts[1] if len(parts) == 2 else parts[0]
    return _CREDIT.sub("", background).strip()


def caption_article(article: Article) -> Article | None:
    texts = [caption_text(block.text) for block in article.removed
             if block.reason in CAPTION_REASONS]
    texts = [t for t in texts if t]
    if not texts:
        return None
    return Article(id=article.id, title=article.title, source=article.source,
                   published=article.published, format=article.format, body="\n".join(texts))


def merge_caption_figures(documents: list[AnnotatedDocument],
                          caption_docs: list[AnnotatedDocument]) -> list[AnnotatedDocument]:
    """Append each caption's sentences (marked `caption`) and its figures to its article."""
    by_id = {doc.article.id: doc for doc in caption_docs}
    for doc in documents:
        captions = by_id.get(doc.article.id)
        if captions is None:
            continue
        offset = len(doc.sentences)
        doc.sentences += [s.model_copy(update={"index": s.index + offset, "caption": True})
                          for s in captions.sentences]
        doc.numbers += [n.model_copy(update={"sentence": n.sentence + offset})
                        for n in captions.numbers]
    return documents
