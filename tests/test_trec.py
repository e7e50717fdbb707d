"""TREC/SGML newswire files: several documents per file, read like JSONL records."""

import datetime as dt
import textwrap

from newsfuse.clean import clean
from newsfuse.ingest import read

STORY = ("Ferry services between Oravik and the outer islands resumed on Thursday after a "
         "three-day stoppage, the port authority said. ``We expect the backlog to clear by the "
         "weekend,'' said harbour master Ilse Brandvold, adding that 40 sailings had been "
         "cancelled since Monday. Freight operators said supplies of fuel and fresh food on the "
         "islands had run low during the storm & were being restocked first.")


def trec_doc(docno: str, text: str, extra: str = "") -> str:
    wrapped = "\n".join(line + " " for line in textwrap.wrap(text, 68))
    return (f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<DOCTYPE> NEWS </DOCTYPE>\n{extra}"
            f"<TEXT>\n{wrapped}\n</TEXT>\n</DOC>\n")


def test_trec_file_named_like_a_document_in_a_folder(tmp_path):
    folder = tmp_path / "cluster"
    folder.mkdir()
    body = STORY.replace("&", "&amp;")
    (folder / "XYZ20240308.0112").write_text(
        trec_doc("XYZ20240308.0112", body)
        + trec_doc("XYZ20240308.0150", body.replace("Thursday", "Friday"),
                   "<HEADLINE> Island ferries sail again </HEADLINE>\n"), encoding="latin-1")
    (folder / "notes.md5").write_text("d41d8cd98f00b204e9800998ecf8427e  x\n")
    result = read([folder])
    assert not result.errors
    first, second = result.articles
    assert (first.id, first.source, first.published) == ("XYZ20240308.0112", "XYZ",
                                                         dt.date(2024, 3, 8))
    assert first.title is None and second.title == "Island ferries sail again"
    cleaned = clean(first)
    assert "\n" not in cleaned.body  # the wrapped story is one paragraph again
    assert "“We expect the backlog to clear by the weekend,” said" in cleaned.body
    assert "the storm & were" in cleaned.body
    assert not cleaned.removed


def test_paragraph_tags_and_date_field(tmp_path):
    text = ("<DOC>\n<DOCNO>LKT-0042</DOCNO>\n<DATE_TIME> 2023-11-02 </DATE_TIME>\n<TEXT>\n"
            "<P>\nThe first paragraph of the wire story runs over\ntwo lines.\n</P>\n"
            "<P>\nA second paragraph follows.\n</P>\n</TEXT>\n</DOC>\n")
    path = tmp_path / "lkt.sgml"
    path.write_text(text)
    [article] = read([path]).articles
    assert article.published == dt.date(2023, 11, 2)
    assert article.raw == ("The first paragraph of the wire story runs over two lines.\n"
                           "A second paragraph follows.")


def test_trec_document_without_text_is_named(tmp_path):
    path = tmp_path / "broken.sgml"
    path.write_text("<DOC>\n<DOCNO> ABC19990101.0001 </DOCNO>\n</DOC>\n")
    result = read([path])
    assert not result.articles
    assert "no <TEXT>" in result.errors[0].message
