"""TREC/SGML newswire files (DUC, TREC, AQUAINT, TDT, Gigaword): several documents per file.

    <DOC>
    <DOCNO> APW19981016.0240 </DOCNO>
    <HEADLINE> ... </HEADLINE>          (optional; also HL, HEAD, TITLE)
    <DATE_TIME> ... </DATE_TIME>        (optional; also DATE)
    <TEXT> hard-wrapped text, or <P> paragraphs </P> </TEXT>
    </DOC>

Each DOC becomes one article, as a JSONL line would. The text keeps its line breaks (the clean
stage reflows hard-wrapped text); <P> paragraphs become lines. The LaTeX-style quote marks of
these collections (``like this'') become typographic ones, and SGML entities are decoded.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

from newsfuse.ingest.records import parse_date
from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.model import Article

_DOC = re.compile(r"<DOC(?:\s[^>]*)?>(.*?)</DOC>", re.S | re.I)
# Gigaword and AQUAINT-2 carry the id as an attribute: <DOC id="NYT_ENG_20050101.0001" ...>
_DOC_ID_ATTR = re.compile(r"<DOC\s[^>]*\bid=\"([^\"]+)\"", re.I)
_TEXT_FIELDS = ("TEXT", "BODY", "LP")
_TITLE_FIELDS = ("HEADLINE", "HL", "HEAD", "TITLE")
_DATE_FIELDS = ("DATE_TIME", "DATE")
_PARAGRAPH = re.compile(r"<P(?:\s[^>]*)?>(.*?)(?:</P>|(?=<P[\s>])|$)", re.S | re.I)
_TAG = re.compile(r"<[^>]{1,200}>")
# DOCNO prefixes carry the source and the date: APW19981016.0240, NYT_ENG_20050101.0001,
# XIE19980101.0001, LA010189-0001 (no date parsed for the last kind).
_DOCNO_SOURCE_DATE = re.compile(r"^([A-Z]+(?:_[A-Z]+)?)_?(\d{8})")
_QUOTES = (("``", "“"), ("''", "”"))


def parse_trec(name: str, text: str) -> Iterator[Article]:
    documents = _DOC.findall(text)
    if not documents:
        raise UnreadableInput("TREC file without a complete <DOC> ... </DOC>")
    found = False
    for number, inner in enumerate(documents, 1):
        article = _document(inner, _doc_id(text, inner) or f"{name}#{number}")
        if article is not None:
            found = True
            yield article
    if not found:
        raise UnreadableInput("TREC file whose documents have no <TEXT>")


def _doc_id(text: str, inner: str) -> str | None:
    docno = _field(inner, "DOCNO")
    if docno:
        return docno
    start = text.find(inner)
    opening = text.rfind("<DOC", 0, start)
    match = _DOC_ID_ATTR.match(text, opening) if opening >= 0 else None
    return match.group(1) if match else None


def _document(inner: str, doc_id: str) -> Article | None:
    body = next((value for tag in _TEXT_FIELDS if (value := _raw_field(inner, tag))), None)
    if body is None or not _TAG.sub("", body).strip():
        return None
    title = next((value for tag in _TITLE_FIELDS if (value := _field(inner, tag))), None)
    published = _docno_date(doc_id)
    if published is None:
        published = next((parse_date(value) for tag in _DATE_FIELDS
                          if (value := _field(inner, tag))), None)
    return Article(id=doc_id, title=title, source=_docno_source(doc_id), published=published,
                   raw=_body_text(body), format="text")


def _raw_field(inner: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", inner, re.S | re.I)
    return match.group(1) if match else None


def _field(inner: str, tag: str) -> str | None:
    value = _raw_field(inner, tag)
    if value is None:
        return None
    flat = " ".join(_plain(_TAG.sub(" ", value)).split())
    return flat or None


def _plain(text: str) -> str:
    for latex, typographic in _QUOTES:
        text = text.replace(latex, typographic)
    return html.unescape(text)


def _body_text(body: str) -> str:
    paragraphs = [p for p in _PARAGRAPH.findall(body) if p.strip()]
    if paragraphs:
        # explicit paragraphs: each one a line, its own wrapping undone
        return "\n".join(" ".join(_plain(_TAG.sub(" ", p)).split()) for p in paragraphs)
    return _plain(_TAG.sub(" ", body)).strip("\n")


def _docno_source(doc_id: str) -> str | None:
    match = _DOCNO_SOURCE_DATE.match(doc_id)
    return match.group(1) if match else None


def _docno_date(doc_id: str) -> dt.date | None:
    match = _DOCNO_SOURCE_DATE.match(doc_id)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(2), "%Y%m%d").date()
    except ValueError:
        return None
