"""newsfuse: make sense of many news articles about the same events, offline.

    >>> import newsfuse
    >>> report = newsfuse.analyze(["a.txt", "b.html"])      # doctest: +SKIP
    >>> print(newsfuse.summarize(["a.txt", "b.html"], max_words=100))  # doctest: +SKIP
"""

from newsfuse.api import NoArticlesError, analyze, summarize
from newsfuse.config import Config
from newsfuse.model import Article, EventReport

__all__ = ["Article", "Config", "EventReport", "NoArticlesError", "analyze", "summarize"]
__version__ = "0.1.0"
