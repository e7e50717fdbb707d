"""The longest body analysed: longer cleaned texts are cut at a sentence end, with a warning.

spaCy refuses texts of 1,000,000 characters or more (and needs about 1 GB of memory per
100,000 for the parser), so one long file (a 2 MB log, a book-length transcript) would stop a
whole batch. The longest articles of the shared data have about 60,000 characters.
"""

from __future__ import annotations

from newsfuse.model import Article, InputError

# Cuts prefer a sentence end, else a word end, in the last tenth of the allowance.
_SEARCH_SHARE = 0.1


def cut_long_articles(articles: list[Article], limit: int) -> list[InputError]:
    """Cut cleaned bodies to `limit` characters at a sentence or word end; one warning each."""
    warnings = []
    for article in articles:
        if len(article.body) <= limit:
            continue
        size = len(article.body)
        article.body = cut_text(article.body, limit)
        warnings.append(InputError(
            item=article.item_name,
            message=f"warning: text of {size:,} characters cut to the first "
                    f"{len(article.body):,} (analysis limit {limit:,})"))
    return warnings


def cut_text(text: str, limit: int) -> str:
    """`text` up to `limit` characters, ending at a sentence end, a line or a word when one is
    near the limit: no half sentence is analysed."""
    head = text[:limit]
    floor = int(limit * (1 - _SEARCH_SHARE))
    for mark in (". ", "\n", " "):
        position = head.rfind(mark, floor)
        if position > 0:
            return head[:position + 1].rstrip()
    return head
