"""Named-entity mentions per article, and their merging into one entity across articles.

Mentions come from spaCy's NER, cleaned of the junk the small model leaves (leading "the",
trailing "'s", titles glued to names, photo credits after a slash, spans over line breaks)
and completed with two in-document repairs: a name right after a personal title
("Ambassador Vassily Nebenziya") is a person whatever label NER gave it, and a bare surname
of a person named in full elsewhere in the article is that person.

Merging works on folded names (accents removed, case and punctuation ignored) compared token
by token through a transliteration skeleton (Serhiy/Sergiy, Zelensky/Zelenskyy,
Vassily/Vasily), plus acronyms (UN -> United Nations), unique suffixes (General Assembly ->
United Nations General Assembly), surname-only mentions when one full name fits, and a small
table of exonyms (Kiev -> Kyiv) that no string distance can find. Hyphens count as spaces
(al-Nuri / Al Nuri), letters are transliterated to ASCII by anyascii (Sæther / Saether),
companies' legal suffixes are dropped with cleanco's table (Ltd, Inc, plc), an acronym
defined in brackets ("Halvorsen Freight Solutions (HFS)") or standing for a run of words
("AC Velmora" / "Athletic Club Velmora") joins its long form, and a one-word short form
joins the one longer non-place name that starts with it ("Bellcastle" / "Bellcastle
Dredging").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from anyascii import anyascii
from cleanco import basename as company_basename
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from newsfuse import lang
from newsfuse.model import AnnotatedDocument, Article, Entity, EntityMention, Sentence
from newsfuse.nlp import TIME_STAMP, doc_text

ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                           "WORK_OF_ART", "LAW", "LANGUAGE"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
# Personal titles, honorifics and exonyms are language data: see newsfuse/lang.json.
PERSON_TITLES = lang.PERSON_TITLES
HONORIFICS = lang.HONORIFICS
EXONYMS = lang.EXONYMS
FAMILIES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org",
            "NORP": "norp"}
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "&"})
# Skeleton similarity (rapidfuzz ratio: twice the common subsequence over the total length;
# equal to difflib's ratio on all the pairs below) above which two name tokens are one
# spelling. Calibrated on transliteration pairs (sergiy/serhiy, zelensky/zelenskyy,
# vassily/vasily, kyslytsya/kislitsa, nebenzia/nebenziya all score >= 0.93 after
# skeletonising) against different names (austria/australia 0.88, clinton/clifton 0.86,
# mali/malawi 0.80; sergei/sergiy 0.91 is the same name): 0.9 keeps the first group and
# rejects the second.
TOKEN_MATCH_RATIO = 0.9
# First names are compared only when the surnames already match, so a looser ratio is safe and
# catches Dmitry/Dmytro (0.83) and Oleksandr/Aleksandr; different people with one surname and
# similar first names differ by a gendered ending, which BLOCKING_SUFFIXES rejects.
GIVEN_NAME_MATCH_RATIO = 0.8
# Endings that make a different word even though the skeletons are close: demonyms
# (Russia/Russian 0.91, Georgia/Georgian 0.93) and feminine forms (Daniel/Danielle,
# Martin/Martina, Lavrov/Lavrova). The plural "s" is not here: Ukrainian/Ukrainians is one NORP.
BLOCKING_SUFFIXES = frozenset({"n", "an", "ian", "ns", "ans", "ese", "ish", "i", "ic", "a", "e",
                               "le", "ne", "na", "ova", "eva", "ina", "aia"})
# A single-token mention labelled PERSON that is nobody's surname is most often a place or
# organisation the small NER model did not know (it tagged "Kyiv" PERSON 5 times out of 9 on
# the shared example); such votes count a quarter.
WEAK_PERSON_VOTE = 0.25
# Tie-break between labels with equal votes: the more specific label wins.
LABEL_PRIORITY = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                  "WORK_OF_ART", "LANGUAGE"]
# Transliteration skeleton: digraphs and letters that English renderings of Cyrillic, Arabic
# and other names swap freely (Ukrainian г is h, Russian г is g; й/ий give y, i, iy, yy).
_SKELETON_RULES = [("kh", "h"), ("zh", "z"), ("ph", "f"), ("ck", "k"), ("ks", "x"), ("ou", "u"),
                   ("y", "i"), ("j", "i"), ("w", "v"), ("g", "h"), ("q", "k")]
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
# Labels of names that may carry a company's legal suffix.
COMPANY_LABELS = frozenset({"ORG", "FAC", "PRODUCT"})
# An acronym as written: two to six capitals, optionally dotted ("HFS", "U.N.").
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
_DEFINED_ACRONYM = re.compile(r"\s*\(\s*((?:[A-Z]\.?){2,6})\s*\)")

# Tags of common words; see _capitalised_common_word.
COMMON_WORD_TAGS = {"NOUN", "ADJ", "VERB", "ADV"}


# --------------------------------------------------------------------------- name folding


def fold(text: str) -> str:
    """Lowercase, transliterated to ASCII (Wróbel -> wrobel, Sæther -> saether), curly
    apostrophes straightened, dots and spaces normalised."""
    plain = _ascii(text.replace("’", "'").replace("‘", "'")).replace(".", "").lower()
    return " ".join(plain.split())


def _ascii(text: str) -> str:
    """`text` without accents, transliterated to ASCII (Wróbel -> Wrobel, Sæther -> Saether)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return anyascii("".join(c for c in decomposed if not unicodedata.combining(c)))


def name_key(text: str, company: bool = False) -> str:
    """Folded name without leading article or trailing possessive, exonyms and short name
    words ("St." -> saint) replaced, hyphens read as spaces (Achebe-Marsh / Achebe Marsh,
    al-Nuri / Al Nuri); with `company`, without a legal suffix (Ltd, Inc, plc, GmbH:
    cleanco's table of legal forms)."""
    if company:
        text = company_basename(text) or text
    tokens = _HYPHEN.sub(" ", fold(text)).split()
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if tokens:
        tokens[-1] = re.sub(r"'s?$", "", tokens[-1])
    tokens = _elided(tokens)
    # "St." before another word is "Saint"; a last "St" is a street ("Main St.")
    tokens = [lang.NAME_WORD_ABBREVIATIONS.get(t, t) for t in tokens[:-1]] + tokens[-1:]
    return " ".join(EXONYMS.get(token, token) for token in _joined_codes(tokens) if token)


def _elided(tokens: list[str]) -> list[str]:
    """Apostrophes inside a name are spelling ("Dall'Olio" / "Dallolio", "O'Riagain"), and an
    Irish "Ó" is the same particle as "O'" ("Ó Riagáin" / "O'Riagain"): one form for each."""
    joined: list[str] = []
    for token in (re.sub(r"(?<=\w)'(?=\w)", "", t) for t in tokens):
        if joined and joined[-1] == "o" and len(joined) >= 2 and token.isalpha():
            joined[-1] += token  # "colm o riagain" -> "colm oriagain"
        else:
            joined.append(token)
    return joined


def _joined_codes(tokens: list[str]) -> list[str]:
    """A code's letters and number are one word however written: 'N-14', 'N 14' and 'N14'
    (a road), 'A-380' and 'A380'."""
    joined: list[str] = []
    for token in tokens:
        if token.isdigit() and joined and joined[-1].isalpha() and len(joined[-1]) <= 2:
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def skeleton(token: str) -> str:
    """A token reduced so that transliteration variants of one name become (nearly) equal."""
    text = fold(token).replace("'", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def tokens_match(a: str, b: str, min_ratio: float = TOKEN_MATCH_RATIO) -> bool:
    """True when two name tokens are spellings of one name (see TOKEN_MATCH_RATIO)."""
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb or sa[0] != sb[0]:
        return False
    if sa == sb:
        return True
    shorter, longer = sorted((sa, sb), key=len)
    if min(len(sa), len(sb)) <= 3 or (longer.startswith(shorter)
                                      and longer[len(shorter):] in BLOCKING_SUFFIXES):
        return False
    if sa.endswith("a") != sb.endswith("a"):  # Alexander/Alexandra, Zelensky/Zelenska
        return False
    return fuzz.ratio(sa, sb) / 100 >= min_ratio


def _is_initial(token: str) -> bool:
    return len(token) <= 2


def given_names_match(a: str, b: str) -> bool:
    """First names agree: same spelling family, one is an initial of the other, or one is
    a short form written with the other's letters in order ('Mohd' / 'Mohammed', 'Wm' /
    'William')."""
    if _is_initial(a) or _is_initial(b):
        return a[0] == b[0]
    shorter, longer = sorted((a, b), key=len)
    if _is_contraction(shorter) and shorter[0] == longer[0] and _in_order(shorter, longer):
        return True
    return tokens_match(a, b, GIVEN_NAME_MATCH_RATIO)


def _is_contraction(name: str) -> bool:
    """'Mohd', 'Chas', 'Thos', 'Saml': four letters, one vowel at most, ending in a consonant
    (shorter names such as 'Jan' or 'Ana' are names of their own, not 'Joanna' cut short)."""
    vowels = sum(letter in "aeiouy" for letter in name)
    return len(name) == 4 and vowels <= 1 and name[-1] not in "aeiouy"


def _in_order(short: str, long: str) -> bool:
    """Every letter of `short` is in `long`, in the same order."""
    letters = iter(long)
    return all(letter in letters for letter in short)


# --------------------------------------------------------------------------- mentions in one doc


@dataclass(frozen=True)
class Mention:
    """A cleaned entity mention: character and token offsets into the spaCy doc."""

    start: int
    end: int
    label: str
    text: str
    first_token: int
    end_token: int


def find_mentions(doc: Doc) -> list[Mention]:
    """Cleaned NER mentions of `doc`, titles relabelled and bare surnames added, by position.

    Computed once per document (entities and quotes both read them) and kept on the doc."""
    if _MENTIONS_KEY not in doc.user_data:
        doc.user_data[_MENTIONS_KEY] = tuple(_find_mentions(doc))
    return list(doc.user_data[_MENTIONS_KEY])


_MENTIONS_KEY = "newsfuse.mentions"


def _find_mentions(doc: Doc) -> list[Mention]:
    text = doc_text(doc)
    mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS
                if (m := _clean_span(ent, text)) is not None]
    mentions = [_relabel_after_title(doc, m) for m in mentions]
    mentions = _extend_names(doc, mentions)
    mentions = _join_places_to_bodies(doc, mentions)
    mentions = _add_titled_names(doc, mentions)
    mentions = _add_aged_names(doc, mentions)
    mentions = _add_defined_acronyms(doc, mentions)
    mentions = _full_names_of_surnames(mentions)
    return sorted(_add_surname_mentions(doc, mentions), key=lambda m: m.start)


def extract_entities(doc: Doc, sentences: list[Sentence], article: Article) -> list[EntityMention]:
    """Entity mentions of one article with their sentence index and offsets into its body."""
    if doc_text(doc) != article.body:
        raise ValueError(f"article {article.id}: spaCy doc text is not the article body")
    starts = [s.start for s in sentences]
    return [EntityMention(text=m.text, label=m.label, sentence=sentence_index(starts, m.start),
                          start=m.start, end=m.end)
            for m in find_mentions(doc)]


def sentence_index(sentence_starts: list[int], offset: int) -> int:
    """Index of the sentence holding `offset` (the previous one for text between sentences)."""
    return max(bisect_right(sentence_starts, offset) - 1, 0)


# A stock ticker with its exchange, as wires write it after a company's name ("BFI.N"), not
# an initialism ("U.N", "U.S").
TICKER = re.compile(r"[A-Z0-9]{2,6}\.[A-Z]{1,3}|[A-Z0-9]\.[A-Z]{2,3}")


_DASHES = {"-", "–", "—"}
_AGENCY_AFTER = re.compile(lang.agency_pattern(), re.IGNORECASE)


def _descriptor_before_name(word: str) -> bool:
    """A word in lower case that is no name particle ("de", "van", "al", "bin"): a name starts
    with a capital, so the word describes the person ("iReporter", "blogger")."""
    return word[:1].islower() and (len(word) > 4 or any(c.isupper() for c in word[1:]))


def _clean_span(span: Span, body: str) -> Mention | None:
    doc = span.doc
    if any(t.is_space or "\n" in t.text for t in span):
        return None  # a span over a line break joins a heading or caption to the body
    if _capitalised_common_word(span):
        return None
    if any(t.pos_ == "VERB" and t.tag_ in lang.FINITE_VERB_TAGS for t in span):
        return None  # NER run over a clause: "Cooper told Entertainment Weekly" as one title
    first, end = span.start, span.end
    for i in range(first, end):
        spaced = body[doc[i].idx - 1:doc[i].idx].isspace()
        if spaced and doc[i].text in _DASHES and i == first + 1 and doc[first].text.isupper():
            first = i + 1  # "CLIP - Birgitte Holmqvist": a label before the name
            continue
        if spaced and doc[i].text in {"/", "|", *_DASHES}:
            # "Daniel LEAL / AFP": a photo credit after the name (not "RFE/RL"); "Geoff Hurst
            # - England": a name and the side after a spaced dash (not "Achebe-Marsh")
            end = i
            break
        if doc[i].text == "/" and _AGENCY_AFTER.match(body, doc[i].idx + 1):
            end = i  # "Justin Sullivan/Getty Images": the photographer's credit line
            break
        if doc[i].text == "(" and i > first:
            end = i  # "Vennland (ARAV": a name and the bracket after it (an acronym, a place)
            break
        if i > first and TICKER.fullmatch(doc[i].text):
            end = i  # "Xhibit Corp XBTC.PK": a wire's stock ticker after the company's name
            break
    while first < end and (doc[first].lower_ in DETERMINERS or doc[first].is_punct
                           or TIME_STAMP.match(doc[first].text)):
        first += 1  # (a live blog's "14:50 - " before a name is no part of it)
    if end - first >= 2 and _sentence_opener(doc[first], span.label_ == "PERSON"):
        first += 1  # "Will Trump moderate ...?", "Browsing Ulbricht's accounts ..."
    if end - first >= 2 and _speech_verb_before_quote(doc, first, end):
        first += 1  # 'Said Hunter, "If you go for their proposal ..."': the verb opens it
    while end > first and (doc[end - 1].text in POSSESSIVE_TOKENS or doc[end - 1].is_punct):
        end -= 1
    label = span.label_
    if label != "PERSON" and end - first >= 3 and _only_before_people(doc[first]) \
            and doc[first].text[:1].isupper() and doc[first + 1].text[:1].isupper():
        label = "PERSON"  # 'Mum Fatoumata Diallo' tagged ORG whole: a title, then a person
    if label == "PERSON":
        first = after_titles(doc, first, end)
        while end - first > 1 and _descriptor_before_name(doc[first].text):
            first += 1  # "iReporter Jason Asselin": a role in lower case, then the name
        while end - first > 1 and doc[end - 1].like_num:
            end -= 1  # "give Rich 2 doses": a count after a name (not "Channel 4", an ORG)
    if first >= end:
        return None
    start_char, end_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = body[start_char:end_char]
    if len(text) < 2 or not _WORD.search(text) or not (text[0].isupper() or text[0].isdigit()):
        return None
    return Mention(start_char, end_char, label, text, first, end)


# Titles that start no organisation's or place's name ('General Motors', 'President Hotel'
# do start with a title): with two more words, the span is a person's name.
# Family ties used as titles ("Grandmother Dolores Azcárate", "Grandad Marek Dunleavy") are
# among them: the honorifics that are also kinship nouns (lang.json).
_ONLY_BEFORE_PEOPLE = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "superintendent",
    "inspector", "constable", "detective", "sergeant", "corporal", "lieutenant", "sgt", "sgt.",
    "lt", "lt.", "col", "col.", "capt", "capt.", "nurse"}) | (lang.HONORIFICS & lang.PERSON_KINDS)


def _only_before_people(token: Token) -> bool:
    """A title that opens no organisation's name, also written short ("Insp. Rafe
    Okonkwo Hale", which the tagger took whole for an organisation)."""
    return token.lower_ in _ONLY_BEFORE_PEOPLE or (
        token.text.endswith(".") and token.lower_.rstrip(".") in lang.NAME_ABBREVIATIONS)


# Parts of speech a name never opens with: a capitalised sentence opener glued to the name
# after it ("Despite Ross Ulbricht's claims"; an auxiliary only in a question, see
# _sentence_opener).
_OPENER_TAGS = {"VERB", "ADV", "SCONJ", "ADP", "PRON", "PART", "INTJ", "CCONJ"}


def _speech_verb_before_quote(doc: Doc, first: int, end: int) -> bool:
    """'Said Hunter, "..."', 'Added Stern: "..."': a sentence opening on a speech verb, the
    speaker and then the quotation; the tagger runs the verb into the name ("Said" is also
    a given name, so only this order, with the quotation after, counts)."""
    opener = doc[first]
    if not opener.is_sent_start or opener.lower_ not in SPEECH_FORMS or end + 1 >= len(doc):
        return False
    return doc[end].text in {",", ":"} and doc[end + 1].text in _OPENING_QUOTES


_OPENING_QUOTES = {'"', "“", "``", "'", "‘"}
# Finite forms of the speech verbs ("said", "added", "asks"), as a sentence opens with them.
SPEECH_FORMS = frozenset(
    {"said", "says", "told", "wrote", "cried"}
    | {form for verb in lang.SPEECH_VERBS
       for form in (verb + ("d" if verb.endswith("e") else "ed"), verb + "s")})


def _sentence_opener(token: Token, person: bool) -> bool:
    """A sentence's first word, capitalised only by its place, that the tagger ran into the
    name after it: a word of a part of speech no name starts with, or, before a person's
    name, a gerund ('Browsing Ulbricht's accounts show ...', which the small model tags as a
    proper noun; a place may start so: 'Reading Borough Council')."""
    if not token.is_sent_start or token.text.isupper() or token.i + 1 >= len(token.doc):
        return False
    if token.pos_ == "AUX":  # a question's auxiliary; "Will Okafor said ..." is a name
        return token.sent.text.rstrip().rstrip("\"'”’)").endswith("?")
    if token.pos_ in _OPENER_TAGS and (person or token.pos_ != "VERB"):
        return True  # (a place's name may open with a verb's form: 'Reading Borough Council')
    return (person and token.lower_.endswith("ing") and token.tag_ in ("NNP", "VBG")
            and token.nbor().pos_ == "PROPN" and _gerund_of_a_verb(token.lower_))


def _gerund_of_a_verb(word: str) -> bool:
    """'browsing' (browse), 'reading' (read); not 'irving' or 'sterling'."""
    from newsfuse.nlp.pipeline import verb_lemmas

    stem = word[:-3]
    return len(stem) >= 3 and bool({stem, stem + "e"} & verb_lemmas())


def _capitalised_common_word(span: Span) -> bool:
    """'Anger grew…', 'Engineers said…': a common word capitalised only by its position.

    The small model tags such sentence openers as ORG or PERSON; its tagger still reads them
    as nouns or adjectives, which a name it recognised (PROPN) is not. All-caps datelines
    ('KIEV') and nationalities are kept.
    """
    token = span[0]
    return (len(span) == 1 and token.is_sent_start and token.pos_ in COMMON_WORD_TAGS
            and not token.text.isupper() and span.label_ not in {"NORP", "GPE"})


def after_titles(doc: Doc, first: int, end: int) -> int:
    """First token of the name proper: after any title word or possessor inside the span."""
    name_start = first
    for i in range(first, end - 1):
        token = doc[i]
        if _is_title(token) or token.text in POSSESSIVE_TOKENS:
            name_start = i + 1
    while name_start < end - 1 and doc[name_start].is_punct:
        name_start += 1
    return name_start


def _is_title(token: Token) -> bool:
    """A personal title, also written short ("Insp.", "Supt")."""
    return token.lower_ in PERSON_TITLES or token.lower_.rstrip(".") in lang.NAME_ABBREVIATIONS


def _relabel_after_title(doc: Doc, mention: Mention) -> Mention:
    if mention.label == "PERSON":
        return mention
    before = doc[mention.first_token - 1] if mention.first_token else None
    if (before is not None and before.lower_ in HONORIFICS and before.text[:1].isupper()) \
            or _set_beside_a_person_noun(doc, mention):
        return Mention(mention.start, mention.end, "PERSON", mention.text,
                       mention.first_token, mention.end_token)
    return mention


def _set_beside_a_person_noun(doc: Doc, mention: Mention) -> bool:
    """'His lawyer, Ilinca Moraru,' / 'Ilinca Moraru, his lawyer,' / 'trader Karim Boutaleb':
    a name in apposition to a common noun for a person (an ending such as -er, -or, -ist,
    -man), or written after one, is a person's, though the small model tags some foreign
    names ORG."""
    last = doc[mention.end_token - 1]
    nouns = [c for c in last.children if c.dep_ == "appos"
             or c.dep_ == "compound" and c.i < mention.first_token and c.is_lower]
    if last.dep_ == "appos":
        nouns.append(last.head)
    return any(n.pos_ == "NOUN" and n.lemma_.lower().endswith(lang.PERSON_SUFFIXES)
               and n.lemma_.lower() not in lang.ORGANISATION_NOUNS for n in nouns)


def _covered(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.first_token, m.end_token)}


def _mention(doc: Doc, first: int, end: int, label: str) -> Mention:
    start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
    # the span's own text: doc.text is rebuilt from every token on each access
    return Mention(start, stop, label, doc[first:end].text, first, end)


def _is_name_word(token: Token) -> bool:
    return (token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper()
            and "\n" not in token.text_with_ws and not TICKER.fullmatch(token.text))


def _joins_by_hyphen(doc: Doc, at: int) -> bool:
    """Token `at` is a hyphen written without spaces between a word and a capitalised one."""
    return 0 < at < len(doc) - 1 and doc[at].text in ("-", "‑") \
        and not doc[at - 1].whitespace_ and not doc[at].whitespace_ \
        and doc[at + 1].text[:1].isupper()


# Lower-case words inside place names of many languages ("San Lázaro del Monte", "Rio de
# Janeiro", "Castell de Ferro", "Bergen op Zoom").
_NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "das", "la", "le",
                             "van", "von", "der", "den", "op", "sur", "am", "an"})


def _extend_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'NorthGate Cloud' when NER stopped at 'NorthGate': an organisation's name goes on over
    the capitalised proper nouns its last word is a compound of; any name goes on over a
    hyphen joining a capitalised word to it ('Hoshi-Kaze')."""
    covered = _covered(mentions)
    result = []
    for m in mentions:
        first, end = m.first_token, m.end_token
        while end + 1 not in covered and _joins_by_hyphen(doc, end):
            end += 2  # "Hoshi-Kaze" when NER stopped at "Hoshi"
        while first > 0 and first - 1 not in covered and _is_name_word(doc[first - 1]) \
                and doc[first - 1].dep_ == "compound" and first <= doc[first - 1].head.i < end \
                and not _is_title(doc[first - 1]) \
                and not doc[first - 1].lower_.endswith(lang.PERSON_SUFFIXES) \
                and not _sentence_opener(doc[first - 1], m.label == "PERSON") \
                and not _speech_verb_before_quote(doc, first - 1, end):
            first -= 1  # "São Teodoro" when NER began at "Teodoro" (not "Officer" Ruiz)
        while end + 1 < len(doc) and end not in covered and end + 1 not in covered \
                and doc[end].lower_ in _NAME_PARTICLES and doc[end].text.islower() \
                and _is_name_word(doc[end + 1]) and m.label != "PERSON":
            end += 2  # "San Lázaro del Monte" when NER stopped at "San Lázaro"
        if m.label in COMPANY_LABELS:
            while (end < len(doc) and end not in covered and _is_name_word(doc[end])
                   and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
                   and doc[end].ent_type_ not in {"DATE", "TIME"}):
                end += 1
        result.append(m if (first, end) == (m.first_token, m.end_token)
                      else _mention(doc, first, end, m.label))
    return result


def _join_places_to_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'U.S. Anti-Doping Agency' when NER read a place, 'U.S.', and an organisation,
    'Anti-Doping Agency': the place that modifies the body's name right before it is part of
    the name (else the body merges with the 'World Anti-Doping Agency' of the same story)."""
    result: list[Mention] = []
    for m in mentions:
        before = result[-1] if result else None
        if (m.label in COMPANY_LABELS and before is not None and before.label == "GPE"
                and before.end_token == m.first_token
                and doc[before.end_token - 1].dep_ in ("compound", "nmod", "amod")
                and m.first_token <= doc[before.end_token - 1].head.i < m.end_token):
            result[-1] = _mention(doc, before.first_token, m.end_token, m.label)
            continue
        result.append(m)
    return result


def _add_titled_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Colonel-General Tahir Al Nuri' when NER found nobody: two or more capitalised proper
    nouns right after a capitalised personal title (not 'the General Assembly': a title before
    a name has no article)."""
    covered = _covered(mentions)
    added = []
    i = 0
    while i < len(doc):
        token = doc[i]
        previous = doc[i - 1].lower_ if i else ""
        if not (token.text[:1].isupper() and token.lower_ in HONORIFICS
                and previous not in DETERMINERS):
            i += 1
            continue
        first = i + 1
        while first < len(doc) and (doc[first].lower_ in PERSON_TITLES
                                    or doc[first].text == "-"):
            first += 1  # 'Colonel-General', 'Deputy Prime Minister'
        end = first
        while end < len(doc) and end not in covered and _is_name_word(doc[end]) \
                and doc[end].lower_ not in PERSON_TITLES:
            end += 1
            if _joins_by_hyphen(doc, end):
                end += 1  # 'Grace Wanjiru-Otieno'
        if end - first >= 2:
            added.append(_mention(doc, first, end, "PERSON"))
        i = max(end, i + 1)
    return mentions + added


def _add_aged_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Agnes Mulroney, 64, whose husband ...': two or three capitalised proper nouns with an
    age set off by commas after them, then a word that goes on about them ("who", "whose",
    a verb, an article), are a person's name, whether NER found nobody or a place (the small
    model called "Agnes Mulroney" a GPE)."""
    if not _MAY_BE_AGED.search(doc_text(doc)):
        return mentions  # most texts have no ", 64," and need no pass over every token
    by_span = {(m.first_token, m.end_token): k for k, m in enumerate(mentions)}
    covered = _covered(mentions)
    result, added = list(mentions), []
    for token in doc[2:len(doc) - 2]:
        i = token.i
        if not (token.text.isdigit() and 1 <= int(token.text) <= 120
                and doc[i - 1].text == "," and doc[i + 1].text == ","
                and _goes_on_about_someone(doc[i + 2])):
            continue
        end = first = i - 1
        while first > 0 and end - first < 3 and _is_name_word(doc[first - 1]) \
                and not _is_title(doc[first - 1]):
            first -= 1
        if end - first < 2:
            continue
        known = by_span.get((first, end))
        if known is not None and result[known].label != "PERSON":
            result[known] = _mention(doc, first, end, "PERSON")
        elif known is None and not covered & set(range(first, end)):
            added.append(_mention(doc, first, end, "PERSON"))
    return result + added


_MAY_BE_AGED = re.compile(r",\s*\d+\s*,")


def _goes_on_about_someone(token: Token) -> bool:
    return token.lower_ in ("who", "whose", "a", "an", "the") or token.pos_ in ("VERB", "AUX")


def _add_defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Halvorsen Freight Solutions (HFS)' defines HFS: the acronym in brackets and its other
    uses are mentions of that name. A name given an acronym is an organisation, whatever
    label NER gave it."""
    text = doc_text(doc)
    named: dict[int, Mention] = {}  # mention index -> the name its acronym spells out
    added: list[Mention] = []
    covered = _covered(mentions)
    for n, m in enumerate(mentions):
        found = _DEFINED_ACRONYM.match(text, m.end)
        if found is None:
            continue
        acronym = found.group(1)
        first = _spelled_out_from(doc, m, acronym.replace(".", "").lower())
        if first is None or (first == m.first_token and m.label in {"GPE", "NORP", "LOC"}):
            continue
        label = "ORG" if m.label in {"PERSON", "GPE", "NORP", "LOC"} else m.label
        named[n] = _mention(doc, first, m.end_token, label)
        covered.update(range(first, m.end_token))
        for token in doc:
            if token.text == acronym and token.i not in covered:
                added.append(_mention(doc, token.i, token.i + 1, label))
                covered.add(token.i)
    # "Astral Research Agency" NER gave apart from "of Vennland" is part of one name now
    kept = [named.get(n, m) for n, m in enumerate(mentions)
            if n in named or not any(name.first_token <= m.first_token < name.end_token
                                     for name in named.values())]
    return kept + added


# How many words before a name in front of an acronym may belong to the name it spells
# ("Astral Research Agency of Vennland (ARAV)": NER gave "Vennland" alone).
MAX_SPELLED_WORDS = 8


def _spelled_out_from(doc: Doc, mention: Mention, acronym: str) -> int | None:
    """First token of the name the acronym after `mention` spells out: the mention itself,
    or the capitalised words (and 'of', 'the', ...) before it on its line; None if none."""
    first = mention.first_token
    while True:
        words = name_key(doc[first:mention.end_token].text, True).split()
        if _initials(words) == acronym:
            return first
        if first == 0 or mention.first_token - first >= MAX_SPELLED_WORDS:
            return None
        before = doc[first - 1]
        if "\n" in before.text_with_ws or not (
                before.text[:1].isupper() or before.lower_ in ACRONYM_STOPWORDS):
            return None
        first -= 1


# Labels the small model gives a person's full name that it does not know ("Agnes Villaret
# (NURW):" a GPE); an organisation only as two words ("Athletic Club Velmora" is a club of
# the town Velmora, whatever the tagger called the town alone) without initials.
_MISTAKEN_FOR_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _full_names_of_surnames(mentions: list[Mention]) -> list[Mention]:
    """A name of two or three words whose last word this doc gives alone as a person's ("Ms
    Villaret") is that person's full name, whatever NER said ("Agnes Villaret": GPE)."""
    surnames = {fold(m.text) for m in mentions if m.label == "PERSON" and " " not in m.text}
    if not surnames:
        return mentions
    result = []
    for m in mentions:
        words = m.text.split()
        if m.label in _MISTAKEN_FOR_PLACES and 2 <= len(words) <= (2 if m.label == "ORG" else 3) \
                and all(w[:1].isupper() and not w.isupper() for w in words) \
                and fold(words[-1]) in surnames:  # not "AC Velmora", a club's initials
            m = Mention(m.start, m.end, "PERSON", m.text, m.first_token, m.end_token)
        result.append(m)
    return result


def _add_surname_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames of people named in full in this doc are that person, whatever NER said."""
    surnames = {fold(m.text.split()[-1]) for m in mentions
                if m.label == "PERSON" and len(m.text.split()) >= 2}
    if not surnames:
        return mentions
    result = []
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.first_token, m.end_token))
        single = m.end_token - m.first_token == 1
        if m.label != "PERSON" and single and fold(m.text) in surnames:
            m = Mention(m.start, m.end, "PERSON", m.text, m.first_token, m.end_token)
        result.append(m)
    for token in doc:
        if (token.i not in covered and token.text[:1].isupper()
                and (token.pos_ == "PROPN" or not token.is_sent_start)
                and fold(token.text) in surnames):
            result.append(Mention(token.idx, token.idx + len(token.text), "PERSON", token.text,
                                  token.i, token.i + 1))
    return result


# --------------------------------------------------------------------------- cross-document merge


@dataclass
class _Group:
    """All mentions whose folded key is identical."""

    key: str
    labels: Counter = field(default_factory=Counter)
    variants: Counter = field(default_factory=Counter)
    mentions: Counter = field(default_factory=Counter)

    @property
    def tokens(self) -> list[str]:
        return self.key.split()


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            result[self.find(key)].append(key)
        return result


def merge_entities(documents: list[AnnotatedDocument]) -> list[Entity]:
    """One Entity per real-world entity over all documents, most mentioned first."""
    groups = _group_mentions(documents)
    if not groups:
        return []
    surnames = {g.tokens[-1] for g in groups.values() if len(g.tokens) >= 2
                and g.labels.most_common(1)[0][0] == "PERSON"}
    label_of = {k: _vote(g, surnames) for k, g in groups.items()}
    # acronyms the tagger left out ("TAWU general secretary ..."): kept only if they spell
    # out a name of the event
    _add_missed_occurrences(documents, groups)
    unnamed = _unnamed_acronyms(documents, groups)
    groups |= unnamed
    label_of |= {k: "ORG" for k in unnamed}
    uf = _UnionFind(groups)
    _merge_spelling_variants(groups, label_of, uf)
    _merge_joined_spellings(groups, uf)
    _merge_article_prefixed(groups, label_of, uf)
    _merge_reordered_institutions(groups, label_of, uf)
    expansions = _merge_acronyms(groups, label_of, uf)
    for key in unnamed:
        if key not in expansions:
            del groups[key], uf.parent[key]
    expanded = _merge_expanded_names(groups, label_of, expansions, uf)
    _merge_suffixes(groups, label_of, expanded, uf)
    _merge_plural_nicknames(groups, label_of, uf)
    _merge_acronyms_inside(groups, label_of, uf)
    _merge_people(groups, label_of, uf)
    _merge_titled_surnames(groups, label_of, uf)
    _merge_short_forms(groups, label_of, uf)
    _merge_dropped_kinds(groups, label_of, uf)
    entities = [_build_entity([groups[k] for k in keys], surnames)
                for keys in uf.clusters().values()]
    return sorted(entities, key=lambda e: (-sum(e.mentions.values()), e.name))


def alias_index(entities: list[Entity]) -> dict[str, str]:
    """Folded variant -> canonical name, to put other records' names on the merged entities."""
    index: dict[str, str] = {}
    for entity in entities:
        for variant in entity.variants:
            index.setdefault(name_key(variant), entity.name)
    return index


def _group_mentions(documents: list[AnnotatedDocument]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for document in documents:
        for mention in document.entities:
            key = name_key(mention.text, company=mention.label in COMPANY_LABELS)
            if not key:
                continue
            group = groups.setdefault(key, _Group(key))
            group.labels[mention.label] += 1
            group.variants[_display_form(mention.text)] += 1
            group.mentions[document.article.id] += 1
    return groups


def _add_missed_occurrences(documents: list[AnnotatedDocument],
                            groups: dict[str, _Group]) -> None:
    """A name of two words or more that the tagger found somewhere in the event is that name
    wherever else it is written, also with a space for its hyphen or the other way round
    ("Port-Saline Marathon" / "The Port Saline Marathon on Sunday", where the tagger found
    nothing): its occurrences outside every found name are mentions of it."""
    long = sorted((k for k in groups if len(k.split()) >= 2 and all(
        re.fullmatch(r"[a-z0-9'’]+", t) for t in k.split())), key=len, reverse=True)
    if not long:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        r"[\s\-‐]+".join(re.escape(t) for t in k.split()) for k in long) + r")(?![\w-])",
        re.IGNORECASE)
    for document in documents:
        body = document.article.body
        # matched in the body folded as keys are ("Ingrid Sæther" where the tagger found
        # "Ingrid Saether" elsewhere), counted in the words as written
        folded, offsets = _folded_with_offsets(body)
        for match in pattern.finditer(folded):
            start, end = offsets[match.start()], offsets[match.end() - 1] + 1
            text = body[start:end]
            key = " ".join(re.split(r"[\s\-‐]+", match.group()))
            if key not in groups or not text[0].isupper() or "\n" in text \
                    or _inside_a_found_name(document, start, end):
                continue
            groups[key].variants[_display_form(text)] += 1
            groups[key].mentions[document.article.id] += 1


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character as `fold` folds a name's letters (lower case,
    ASCII: "æ" -> "ae", "ñ" -> "n"; other characters as they are), and for each folded
    character the offset of the one it came from."""
    parts: list[str] = []
    offsets: list[int] = []
    for at, char in enumerate(text):
        if char in "’‘":
            folded = "'"
        elif char.isascii() or not char.isalpha():
            folded = char.lower()  # a dash stays one dash ("0.06 GT C—on par"), not "--"
        else:
            folded = _ascii(char).lower()
        parts.append(folded)
        offsets += [at] * len(folded)
    return "".join(parts), offsets


def _inside_a_found_name(document: AnnotatedDocument, start: int, end: int) -> bool:
    """The characters start..end overlap a name the tagger found in the document."""
    return any(m.start < end and start < m.end for m in document.entities)


_BARE_ACRONYM = re.compile(r"(?<![\w.-])[A-Z]{3,6}(?![\w-])")


def _unnamed_acronyms(documents: list[AnnotatedDocument],
                      groups: dict[str, _Group]) -> dict[str, _Group]:
    """Acronyms of three to six capitals written in the articles outside every name the
    tagger found, as groups of their own. Two-letter ones ("US", "AP") are too often
    something else."""
    found: dict[str, _Group] = {}
    for document in documents:
        for match in _BARE_ACRONYM.finditer(document.article.body):
            key = match.group().lower()
            if key in groups or _inside_a_found_name(document, match.start(), match.end()):
                continue
            group = found.setdefault(key, _Group(key))
            group.labels["ORG"] += 1
            group.variants[match.group()] += 1
            group.mentions[document.article.id] += 1
    return found


def _display_form(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s$", "", text))


def _vote(group: _Group, surnames: set[str]) -> str:
    """Label of a group by weighted majority (see WEAK_PERSON_VOTE)."""
    weights: Counter = Counter()
    weak = len(group.tokens) == 1 and not any(tokens_match(group.key, s) for s in surnames)
    for label, count in group.labels.items():
        weights[label] += count * (WEAK_PERSON_VOTE if weak and label == "PERSON" else 1.0)
    return max(weights, key=lambda lab: (weights[lab], -_priority(lab)))


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _family(label: str) -> str:
    return FAMILIES.get(label, label)


def _merge_spelling_variants(groups: dict[str, _Group], label_of: dict[str, str],
                             uf: _UnionFind) -> None:
    """Non-person names of one family whose tokens are pairwise spellings of each other."""
    buckets: dict[tuple, list[_Group]] = defaultdict(list)
    for key, group in groups.items():
        family = _family(label_of[key])
        if family != "person":
            buckets[(family, len(group.tokens), skeleton(group.key)[:1])].append(group)
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if all(tokens_match(x, y) for x, y in zip(a.tokens, b.tokens, strict=True)):
                    uf.union(a.key, b.key)


# Shortest name written together or apart that is merged on that alone ('Hoshikaze' /
# 'Hoshi-Kaze'); shorter ones ('Al Ain' / 'Alain') are too often two names.
MIN_JOINED_NAME = 6


def _merge_joined_spellings(groups: dict[str, _Group], uf: _UnionFind) -> None:
    """One name written as one word and as several ('Hoshikaze' / 'Hoshi-Kaze', 'Port Saline'
    / 'Portsaline'), whatever label NER gave each spelling."""
    first: dict[str, str] = {}
    for key, group in groups.items():
        joined = "".join(group.tokens)
        if len(joined) < MIN_JOINED_NAME:
            continue
        if joined in first:
            uf.union(key, first[joined])
        else:
            first[joined] = key


# Arabic's article, written joined to a name or not ("Al-Shams reservoir" / "Shams reservoir").
_ARTICLE_PREFIXES = ("al", "el")


def _merge_article_prefixed(groups: dict[str, _Group], label_of: dict[str, str],
                            uf: _UnionFind) -> None:
    """A place or organisation name with and without a leading 'al-'/'el-' (the bare form
    may be tagged as a person: 'Shams'). A person's is left alone: 'Al' is also a first name
    ('Al Smith' is no 'Smith')."""
    for key, group in groups.items():
        tokens = group.tokens
        if len(tokens) < 2 or tokens[0] not in _ARTICLE_PREFIXES:
            continue
        bare = " ".join(tokens[1:])
        if bare in groups and _family(label_of[key]) != "person":
            uf.union(key, bare)


def _merge_reordered_institutions(groups: dict[str, _Group], label_of: dict[str, str],
                                  uf: _UnionFind) -> None:
    """An institution named "X of Place" and "Place X" ("University of Pellworth" /
    "Pellworth University", "Museum of Arvik" / "Arvik Museum"), X one word."""
    for key, group in groups.items():
        tokens = group.tokens
        if len(tokens) < 3 or tokens[1] != "of" or _family(label_of[key]) == "person":
            continue
        reordered = " ".join(tokens[2:] + tokens[:1])
        if reordered in groups and _family(label_of[reordered]) != "person":
            uf.union(key, reordered)


def _is_acronym_group(group: _Group) -> bool:
    return len(group.tokens) == 1 and any(
        re.fullmatch(r"(?:[A-Z]\.?){2,6}", v.replace(" ", "")) for v in group.variants)


def _initials(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in ACRONYM_STOPWORDS)


def _initials_of(group: _Group) -> set[str]:
    """The initials of a name with and without its legal form: "Brask Mining Company" is
    BMC, though it is kept as "brask mining" (cleanco drops "Company")."""
    return {_initials(group.tokens)} | {_initials(name_key(v).split()) for v in group.variants}


# News agencies known by their initials ("AP", "AFP", "UPI"): the initials of another name
# ("Asia-Pacific") are not theirs.
_WIRE_CODES = frozenset(fold(name) for name in lang.WIRE_SERVICES if name.isupper())


def _merge_acronyms(groups: dict[str, _Group], label_of: dict[str, str],
                    uf: _UnionFind) -> dict[str, list[str]]:
    """UN -> United Nations, when the initials fit exactly one cluster of spelled-out names.

    Returns the expansion of every acronym merged this way.
    """
    expansions: dict[str, list[str]] = {}
    spelled = [g for g in groups.values() if len(g.tokens) >= 2
               and _family(label_of[g.key]) != "norp"]
    for group in groups.values():
        if not _is_acronym_group(group) or group.key in _WIRE_CODES:
            continue  # "AP" is the wire, not the initials of "Asia-Pacific"
        # the tagger takes an unfamiliar company for a person ("Nusa Rintang Ferries"), and an
        # unfamiliar acronym too ("KBRFS"); three initials or more are rarely a person's, two
        # often are ("AP" / "Anna Petrova")
        person = _family(label_of[group.key]) == "person"
        fits = [g for g in spelled if group.key in _initials_of(g)
                and (len(g.tokens) >= 3 or not person and _family(label_of[g.key]) != "person")]
        if len({uf.find(g.key) for g in fits}) == 1:
            uf.union(group.key, fits[0].key)
            expansions[group.key] = min((g.tokens for g in fits), key=len)
    return expansions


def _merge_expanded_names(groups: dict[str, _Group], label_of: dict[str, str],
                          expansions: dict[str, list[str]], uf: _UnionFind) -> dict[str, list[str]]:
    """'UN General Assembly' is 'United Nations General Assembly' once UN is known.

    Returns every key's tokens with acronyms spelled out (people's names are left alone).
    """
    expanded: dict[str, list[str]] = {}
    first_with: dict[str, str] = {}
    for key, group in groups.items():
        if _family(label_of[key]) == "person":
            expanded[key] = group.tokens
            continue
        expanded[key] = [w for t in group.tokens for w in expansions.get(t, [t])]
        joined = " ".join(expanded[key])
        if joined in first_with:
            uf.union(key, first_with[joined])
        else:
            first_with[joined] = key
    return expanded


def _merge_suffixes(groups: dict[str, _Group], label_of: dict[str, str],
                    expanded: dict[str, list[str]], uf: _UnionFind) -> None:
    """'Security Council' -> 'UN Security Council' when exactly one longer name ends so."""
    for key in groups:
        tokens = expanded[key]
        family = _family(label_of[key])
        code = _is_code(tokens)  # 'N14' / 'Route N-14', whatever the tagger called the code
        if (len(tokens) < 2 and not code) or (family in {"person", "norp"} and not code):
            continue  # one word ends too many names
        longer = [k for k in groups if _ends(expanded[k], tokens)
                  and (code or _family(label_of[k]) == family)]
        if len({uf.find(k) for k in longer}) == 1:
            uf.union(key, longer[0])


def _merge_plural_nicknames(groups: dict[str, _Group], label_of: dict[str, str],
                            uf: _UnionFind) -> None:
    """'Bengals' is 'Cincinnati Bengals' when exactly one longer name of the event ends with
    it: a club called by its plural nickname once named in full (the tagger's label for
    either varies from mention to mention: 'Jets' a place, 'Buffalo Bills' a person). Not a
    name that ends in 'ss', 'us' or 'is' (Paris, Ramos), nor one tagged as a person."""
    for key, group in groups.items():
        if len(group.tokens) != 1 or not _PLURAL_NAME.fullmatch(key) \
                or label_of[key] == "PERSON":
            continue
        longer = {uf.find(k) for k, g in groups.items()
                  if len(g.tokens) >= 2 and g.tokens[-1] == key
                  and label_of[k] not in ("GPE", "LOC")}  # 'West Midlands' names a region
        if len(longer) == 1:
            uf.union(key, longer.pop())


_PLURAL_NAME = re.compile(r"[a-z]{3,}(?<![su]s)(?<!is)s")


def _is_code(tokens: list[str]) -> bool:
    return len(tokens) == 1 and bool(re.fullmatch(r"[a-z]{1,3}\d{1,4}", tokens[0]))


def _merge_acronyms_inside(groups: dict[str, _Group], label_of: dict[str, str],
                           uf: _UnionFind) -> None:
    """'AC Velmora' is 'Athletic Club Velmora': the names agree but for a run of words that
    the other writes as its initials."""
    names = [g for k, g in groups.items() if _family(label_of[k]) not in {"person", "norp"}]
    for short in names:
        if short.key in _WIRE_CODES:
            continue  # "AP" alone is the wire
        for n, token in enumerate(short.tokens):
            if not any(_ACRONYM.fullmatch(w) for v in short.variants
                       for w in v.replace("-", " ").split() if w.lower() == token):
                continue
            before, after = short.tokens[:n], short.tokens[n + 1:]
            for long in names:
                middle = long.tokens[len(before):len(long.tokens) - len(after)]
                if (long is not short and len(middle) >= 2
                        and long.tokens[:len(before)] == before
                        and long.tokens[len(long.tokens) - len(after):] == after
                        and _initials(middle) == token):
                    uf.union(short.key, long.key)


def _merge_short_forms(groups: dict[str, _Group], label_of: dict[str, str],
                       uf: _UnionFind) -> None:
    """'Bellcastle' is 'Bellcastle Dredging' when exactly one longer name of the event starts
    with it and that name is no place: the way news shortens a company or club after naming
    it in full. A one-word name NER called a person counts only as weakly a person here."""
    clusters: dict[str, set[str]] = defaultdict(set)
    # A "person" whose first name is an organisation of the event is that organisation's
    # name mis-tagged ("Kallmeyer Biopharma" beside the company "Kallmeyer"): joined only to
    # a short form tagged as an organisation.
    people: dict[str, set[str]] = defaultdict(set)
    for key, group in groups.items():
        if len(group.tokens) < 2 or _family(label_of[key]) in {"place", "norp"}:
            continue
        found = people if _family(label_of[key]) == "person" else clusters
        found[group.tokens[0]].add(uf.find(key))
    merged = {uf.find(k) for k, g in groups.items() if len(g.tokens) >= 2}
    for key, group in groups.items():
        family = _family(label_of[key])
        if (len(group.tokens) != 1 or family in {"place", "norp"} or uf.find(key) in merged
                or _is_acronym_group(group)):
            continue  # already part of a longer name ('UN' of 'United Nations')
        fits = clusters.get(group.key, set())
        if not fits and family == "org":
            fits = set(people.get(group.key, set()))
        if len(fits) == 1 and not _is_surname_of_someone(group, groups, label_of):
            uf.union(key, fits.pop())


def _merge_dropped_kinds(groups: dict[str, _Group], label_of: dict[str, str],
                         uf: _UnionFind) -> None:
    """'Larchfield Primary' is 'Larchfield Primary School': a name of two words or more that
    another organisation's name, and only one, extends by the noun of its kind ('school',
    'hospital', 'university'), as news drops it once the kind is plain."""
    names = {k: g for k, g in groups.items() if _family(label_of[k]) == "org"}
    for key, group in names.items():
        if len(group.tokens) < 2:
            continue  # one word: `_merge_short_forms`
        longer = {uf.find(k) for k, g in names.items()
                  if len(g.tokens) == len(group.tokens) + 1
                  and g.tokens[:-1] == group.tokens
                  and g.tokens[-1] in lang.ORGANISATION_NOUNS}
        if len(longer) == 1:
            uf.union(key, longer.pop())


def _is_surname_of_someone(group: _Group, groups: dict[str, _Group],
                           label_of: dict[str, str]) -> bool:
    return any(label_of[k] == "PERSON" and len(g.tokens) >= 2 and g.tokens[-1] == group.key
               for k, g in groups.items())


def _merge_titled_surnames(groups: dict[str, _Group], label_of: dict[str, str],
                           uf: _UnionFind) -> None:
    """"Ms Marwood", "Det. Supt. Keogh": titles before the surname of the one person the event
    names in full with it are that person, whatever the tagger called them (ORG, most often)."""
    full = [g for k, g in groups.items() if label_of[k] == "PERSON" and len(g.tokens) >= 2
            and g.tokens[0] not in lang.HONORIFICS]
    for key, group in groups.items():
        words = group.tokens
        if len(words) < 2 or not all(word in lang.HONORIFICS for word in words[:-1]):
            continue
        owners = {uf.find(g.key) for g in full if g.tokens[-1] == words[-1] and g.key != key}
        if len(owners) == 1:
            label_of[key] = "PERSON"
            uf.union(key, owners.pop())


def _merge_people(groups: dict[str, _Group], label_of: dict[str, str], uf: _UnionFind) -> None:
    people = [g for k, g in groups.items() if label_of[k] == "PERSON"]
    named = [g for g in people if len(g.tokens) >= 2]
    # "Von Trapp" ends "Maria von Trapp" and "Johannes von Trapp": a surname of several words
    # written alone, which joins a full name only as a one-word surname does
    surnames_only = {g.key for g in named if any(_ends(h.tokens, g.tokens) for h in named)}
    full = [g for g in named if g.key not in surnames_only]
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for group in full:
        # by the surname's first letter, and by that of all words after the given name
        # ('Van Tongeren' / 'Vantongeren')
        for key in {skeleton(group.tokens[-1])[:1], skeleton("".join(group.tokens[1:]))[:1]}:
            by_surname[key].append(group)
    for members in by_surname.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if _same_person(a.tokens, b.tokens):
                    uf.union(a.key, b.key)
    _merge_mislabelled_names(groups, label_of, full, uf)
    for group in people:
        if len(group.tokens) == 1 or group.key in surnames_only:
            _merge_surname_only(group, full, uf)
    for group in people:
        if len(group.tokens) == 1 and uf.find(group.key) == group.key \
                and not _is_surname_of_someone(group, groups, label_of):
            _merge_given_name_only(group, full, uf)


def _ends(name: list[str], tail: list[str]) -> bool:
    """`name` ends with all the words of the shorter `tail`."""
    return len(tail) < len(name) and name[-len(tail):] == tail


def _merge_mislabelled_names(groups: dict[str, _Group], label_of: dict[str, str],
                             full: list[_Group], uf: _UnionFind) -> None:
    """A full name spelled like a person's full name is that person, even if NER said ORG
    ('Vassily Nebenziya' was ORG once on the shared example)."""
    for key, group in groups.items():
        if label_of[key] == "PERSON" or len(group.tokens) < 2:
            continue
        for person in full:
            if len(person.tokens) == len(group.tokens) and _same_person(group.tokens,
                                                                         person.tokens):
                uf.union(key, person.key)
                break


def _same_person(a: list[str], b: list[str]) -> bool:
    if not tokens_match(a[-1], b[-1]):
        # 'Leopold Van Tongeren' / 'Leopold Vantongeren': one surname written apart or
        # together
        return len(a) != len(b) and "".join(a[1:]) == "".join(b[1:]) \
            and given_names_match(a[0], b[0])
    if given_names_match(a[0], b[0]):
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and longer[-len(shorter):] == shorter  # López Obrador


# Articles naming only one person of a surname, needed (and most of them) before a bare
# surname that another article shares with a second person is taken as the first one's.
MIN_SOLE_ARTICLES = 2


def _merge_surname_only(group: _Group, full: list[_Group], uf: _UnionFind) -> None:
    """'Guterres' -> 'António Guterres' when one person (cluster) has that surname.

    When several people share the surname, each article the bare surname appears in must name
    exactly one of them in full, and all these articles the same one; or most of them (at
    least MIN_SOLE_ARTICLES) name only that one, and the others name them too: "Sharon" in
    ten stories that all name Ariel Sharon, one of which also names Arik Sharon.
    """
    fits = [g for g in full if _ends(g.tokens, group.tokens)] if len(group.tokens) > 1 \
        else [g for g in full if tokens_match(group.key, g.tokens[-1])]
    clusters = {uf.find(g.key) for g in fits}
    if len(clusters) > 1:
        per_article = [{uf.find(g.key) for g in fits if article in g.mentions}
                       for article in group.mentions]
        sole = [found for found in per_article if len(found) == 1]
        clusters = set().union(*sole) if sole else set()
        if len(sole) != len(per_article) and not (
                len(sole) >= MIN_SOLE_ARTICLES and 2 * len(sole) > len(per_article)
                and all(clusters <= found for found in per_article)):
            return
    if len(clusters) == 1:
        uf.union(group.key, clusters.pop())


def _merge_given_name_only(group: _Group, full: list[_Group], uf: _UnionFind) -> None:
    """'Heidi' -> 'Heidi Heitkamp' ("Heidi will vote no", the president said of the senator):
    a bare given name that is no one's surname, of one person only, named in full in every
    article the given name is in (a first name is shared more often than a surname)."""
    fits = [g for g in full if g.tokens[0] == group.key]
    clusters = {uf.find(g.key) for g in fits}
    if len(clusters) != 1:
        return
    named_in = {article for g in fits for article in g.mentions}
    if set(group.mentions) <= named_in:
        uf.union(group.key, clusters.pop())


def _build_entity(members: list[_Group], surnames: set[str]) -> Entity:
    variants: Counter = Counter()
    mentions: Counter = Counter()
    votes: Counter = Counter()
    # a name with an acronym is an organisation's, whatever the tagger said of it
    acronym = any(_is_acronym_group(g) for g in members)
    # "Kallmeyer Biopharma" tagged a person beside the company "Kallmeyer" is no full name
    companies = {g.key for g in members if len(g.tokens) == 1 and _vote(g, surnames) == "ORG"}
    people = not acronym and any(
        len(g.tokens) >= 2 and _vote(g, surnames) == "PERSON" and g.tokens[0] not in companies
        for g in members)
    for group in members:
        variants.update(group.variants)
        mentions.update(group.mentions)
        for label, count in group.labels.items():
            weak = label == "PERSON" and not people and len(group.tokens) == 1
            votes[label] += count * (WEAK_PERSON_VOTE if weak else 1.0)
    if people:
        votes["PERSON"] = max(votes.values()) + 1  # a full personal name fixes the type
    elif acronym and len(votes) > 1:
        votes.pop("PERSON", None)
    label = max(votes, key=lambda lab: (votes[lab], -_priority(lab)))
    return Entity(name=_canonical(variants), type=label,
                  variants=sorted(variants, key=lambda v: (-variants[v], v)),
                  mentions=dict(sorted(mentions.items())))


def _canonical(variants: Counter) -> str:
    """Most complete form (not an acronym, most words), then the spelling most mentions use
    (a short form written inside a full one backs it: 'Al-Sayegh' backs 'Mohammed
    Al-Sayegh'), then most frequent, then accented."""
    def score(v: str) -> tuple:
        acronym = bool(_ACRONYM.fullmatch(v.replace(" ", "")))
        backing = sum(count for u, count in variants.items() if f" {u} " in f" {v} ")
        # "of" adds no word: "Bay of Koge" is no more complete than "Køge Bay"
        words = [w for w in name_key(v).split() if w != "of"]
        # a title is no word of the name: "Ilse Marwood" is more complete than "Ms Marwood"
        # ("Bishop Orrin Pullings" than "Orrin Pullings" all the same)
        named = [w for w in words if w not in lang.HONORIFICS]
        return (not acronym, len(named), len(words), not v.isupper(), backing, variants[v],
                fold(v) != v.lower(), v)
    return max(variants, key=score)
