"""Direct quotes and who said them.

Quoted spans are found by pairing quote marks over the article body (straight and curly, double
and single, multi-paragraph quotes whose next paragraph reopens the mark). The speaker comes
from the spaCy parse already made for the article, in this order:

1. headline form: 'Quote': Speaker ...;
2. the speech verb that governs the quoted words ("X said, ...", "..., X added", "X wrote on
   Telegram: ..."), or a speech verb right after the quote, or the clause before a colon;
3. for a quote standing alone as its own sentence(s), the speaker of the quote just before it,
   or the person a speech verb in the previous sentence belongs to.

The subject is taken from the verb's own sentence (the parse may run over a paragraph break,
e.g. from a photo credit), and a participle set off by a comma (', calling it "..."') takes the
subject of the sentence's main verb. The subject found is turned into a name: a person's
fullest name in the article ("Guterres" -> "António Guterres"), a pronoun ("he said") into the
nearest person in focus before it (not one inside what somebody else said), a role ("the
Ukrainian envoy", "the judge") into the person the article introduced with that role and
nationality or with that title ("District Judge Ana Ruiz"), else the role phrase itself.
Short quoted fragments without a speech verb are scare quotes and are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from newsfuse import lang
from newsfuse.clean.boilerplate import QUOTED_HEADING
from newsfuse.model import Article, Quote, Sentence
from newsfuse.nlp import AGE_LOOKBACK_SENTENCES, antecedent, doc_text
from newsfuse.nlp.entities import (
    SPEECH_FORMS,
    TICKER,
    Mention,
    after_titles,
    find_mentions,
    fold,
    given_names_match,
    sentence_index,
    tokens_match,
)

# Speech verbs and role groups are language data: see newsfuse/lang.json.
SPEECH_VERBS = lang.SPEECH_VERBS
PERSON_PRONOUNS = frozenset({"he", "she"})
# Words that say which of the two pronouns a person takes.
_GENDERED = {"he": "he", "himself": "he", "she": "she", "herself": "she"}
_HONORIFICS = {"mr": "he", "sir": "he", "mrs": "she", "ms": "she", "miss": "she", "lady": "she"}
PERSON_ROLES = lang.PERSON_ROLES
# A quote of one word is a scare quote or a term ("condemns", "immediate"), never a statement.
MIN_QUOTE_WORDS = 2
# Quoted fragments up to this many words are kept only when a speech verb attributes them:
# "special military operation" (3 words, no speech verb) is a scare quote, while
# called the expulsions a "gross violation" is a reported word choice.
MAX_FRAGMENT_WORDS = 3
# A speech verb this many tokens after the closing mark still introduces its speaker
# ('"...," the general staff of the armed forces said' puts 7 tokens before "said").
POST_VERB_WINDOW = 10
# A speech verb this many tokens before the opening mark, when the parse did not link it:
# 'X told the session that "..."' has 4; a longer gap is usually another clause.
PRE_VERB_WINDOW = 12
# After a quote that ends its own sentence ('"...!" Guterres said'), the attribution must come
# within this many tokens ("said Tomas Keller", "Linda Ortiz said"), else it is the next sentence.
SHORT_ATTRIBUTION_TOKENS = 4
# "said presiding Judge Adolphus Karibi-Whyte": titles may stand between an inverted verb and
# the name it introduces.
INVERTED_NAME_TOKENS = 6
# Sentences of narration between two paragraphs of one person's quotes in a feature.
INTERVIEW_GAP_SENTENCES = 2
# How far back (in sentences) "he"/"she" looks for the person it stands for; news text names
# the speaker again within a paragraph or two.
PRONOUN_LOOKBACK_SENTENCES = 4
# Appositions climbed from a name to the subject it is set beside ("14:05 - The officer Rafael
# Quintanilha").
MAX_APPOSITIONS = 3
# Steps from a name hung on a noun inside a subject's phrase up to the subject (two
# prepositional phrases: "the leader of the party in Parliament").
MAX_PHRASE_CLIMB = 4
# Tokens before a person's name (and in an appositive after it) read as the role that
# introduces them: "Ukraine's representative to the United Nations, Sergiy Kyslytsya" is 7.
ROLE_WINDOW_TOKENS = 8
# Ancestor steps from the quoted words up to their governing verb; deeper links are a different
# clause ("... said X, adding that the talks, which ... 'quote'").
MAX_GOVERNOR_DEPTH = 8
# Subjects that are documents, not speakers: the speaker is their author, when named.
STATEMENT_NOUNS = frozenset({"statement", "report", "letter", "communique", "message", "release",
                             "document", "note", "memo", "editorial", "article", "post",
                             "tweet", "declaration", "text", "resolution", "e-mail", "email"})
# Words left lowercase inside English titles ("Meet the Press", "Lessons from Netscape").
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "on", "in", "at",
                               "to", "for", "from", "with", "by", "as", "vs", "via"})
NOT_SPOKEN_PREPOSITIONS = frozenset({"for", "on"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How a speech verb hangs from the quoted words when the parser makes the quote the main clause.
HANGING_DEPS = frozenset({"parataxis", "ccomp", "advcl", "dep"})
# Clauses that share their subject with the verb they hang from ("... and said", "saying").
SUBJECT_SHARING_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep")  # "quoted as saying"

_SUBORDINATE = {"advcl", "relcl", "acl", "pcomp"}
# Words of a pull quote's credit line: a name, a title and an affiliation.
MAX_CREDIT_WORDS = 12
# Subjects that name nobody ("No one would accuse ...", "someone wrote"), whatever their tag.
_NOBODY_IN_PARTICULAR = {"one", "someone", "somebody", "anyone", "anybody", "everyone",
                         "everybody", "nobody", "no-one"}
# What may follow a quotation before its signature line: its closing marks, then a dash.
_SIGNATURE = re.compile(r"[\"'”’»]*[.!?]?[\"'”’»]*\s*\n\s*[-—–]\s*")
_SIGNED_NAME = re.compile(r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+)(?=\s*(?:,|\n|$))")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# A double prime typed for a closing mark ("in excess of $150,000″"); after feet it is inches
# (5′11″), never a quote's end.
_DOUBLE_PRIME = "\u2033"
_INCHES = re.compile(r"\d+\s*[′']\s*\d+$")
_LINE = re.compile(r"[^\n]+")
_HEADLINE_TAIL = re.compile(r"[\s,.]*[:–—]\s+\S")
# A sentence end right after a closing quote mark: the boundary segmenters miss (abbreviations
# such as "U.N." have no quote mark after them and are not taken for ends).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»]+\s+(?=[^\W\d_])")
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_CONTINUATION = re.compile(r"\s*\n\s*(?:``|[\"“«'‘])?")
# Lines a quote running over paragraphs goes on across: blank ones (pages that put a space on
# the line between paragraphs) and a photo credit set in brackets ("(Image: Getty Images)").
_BETWEEN_PARAGRAPHS = re.compile(r"\s*(?:\([^()\n]*\)|\[[^\[\]\n]*\])?\s*$")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: `start` is the opening mark, `end` is just after the closing mark."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        """Words as written ("home-grown" is one)."""
        return sum(1 for w in self.text.split() if re.search(r"[^\W_]", w))


_NO_MENTION = Mention(0, 0, "", "", 0, 0)


@dataclass
class _Found:
    span: QuoteSpan
    speaker: str | None
    sentence: int
    end_sentence: int


# --------------------------------------------------------------------------- quote marks


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted passage of `text`, in order (see module docstring for the mark rules)."""
    spans: list[QuoteSpan] = []
    # Newswire writes ``quotes'' (DUC, Gigaword), some sites ‘‘quotes’’ with doubled single
    # marks; the same-length rewrite keeps every offset.
    marks = text.replace("``", " “").replace("''", "” ").replace("‘‘", " “").replace("’’", "” ")
    lines = [line for line in _LINE.finditer(marks) if not _BETWEEN_PARAGRAPHS.match(line.group())]
    carried: tuple[str, int] | None = None
    for n, line in enumerate(lines):
        pairs, unclosed = _scan_line(line.group(), line.start(), carried)
        spans.extend(QuoteSpan(s, e, _quote_text(text[s + 1:e - 1])) for s, e in pairs)
        next_line = lines[n + 1].group().lstrip() if n + 1 < len(lines) else ""
        # A quote running on into a paragraph that reopens the mark is one quote.
        reopens = {"double": '"“«', "single": "'‘"}
        carried = unclosed if unclosed and next_line[:1] in reopens[unclosed[0]] else None
    if lines and unclosed and unclosed[0] == "double" and not text[line.end():].strip():
        # a text cut off inside a quote (an excerpt, a feed's first 150 words: it stops
        # mid-sentence): the quote runs to where the text ends. A text that ends on its full
        # stop has a stray mark, not an open quote.
        start, end = unclosed[1], line.start() + len(line.group().rstrip())
        if text[end - 1:end].isalnum():
            spans.append(QuoteSpan(start, end, _quote_text(text[start + 1:end])))
    return [s for s in spans if s.text]


def _scan_line(line: str, offset: int, carried: tuple[str, int] | None
               ) -> tuple[list[tuple[int, int]], tuple[str, int] | None]:
    """Quote pairs of one paragraph, and the quote left open at its end (kind, start)."""
    pairs: list[tuple[int, int]] = []
    double = carried[1] if carried and carried[0] == "double" else None
    single = carried[1] if carried and carried[0] == "single" else None
    first = len(line) - len(line.lstrip()) + 1 if carried is not None else 0
    for i in range(first, len(line)):
        char, prev = line[i], line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if char in _DOUBLE_OPEN or (char in _DOUBLE_CLOSE and double is None
                                    and _opens(prev, nxt)):
            # an opening mark inside an open quote means the earlier one was never closed
            double, single = offset + i, None
        elif char in _DOUBLE_CLOSE or (char == '"' and double is not None) or (
                char == _DOUBLE_PRIME and double is not None and not _INCHES.search(line, 0, i)):
            if double is not None:
                pairs.append((double, offset + i + 1))
                double = None
        elif char == '"':
            double, single = offset + i, None
        elif double is None and char in "‘'’":
            if single is None and char != "’" and _opens(prev, nxt):
                single = offset + i
            elif single is not None and char != "‘" and _closes(prev, nxt):
                pairs.append((single, offset + i + 1))
                single = None
    if double is not None:
        return pairs, ("double", double)
    return pairs, ("single", single) if single is not None else None


def _opens(prev: str, nxt: str) -> bool:
    return (prev.isspace() or prev in "([{—–-/") and (nxt.isalnum() or nxt in ".…")


def _closes(prev: str, nxt: str) -> bool:
    return not prev.isspace() and not nxt.isalnum()


def _quote_text(inner: str) -> str:
    lines = inner.split("\n")
    inner = "\n".join(line for line in lines[:1] + [
        line for line in lines[1:] if not _BETWEEN_PARAGRAPHS.match(line)])
    text = _CONTINUATION.sub(" ", inner)
    return " ".join(text.split()).strip().rstrip(",").strip()


# --------------------------------------------------------------------------- article context


class _Article:
    """The parsed article with lookups shared by all its quotes."""

    def __init__(self, doc: Doc, sentences: list[Sentence], spans: list[QuoteSpan]):
        self.doc = doc
        self.text = doc_text(doc)
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.spans = spans
        self.token_starts = [t.idx for t in doc]
        self.mentions = find_mentions(doc)
        self.quoted = {i for span in spans for i in self.token_range(span.start, span.end)}
        self.mention_of = {i: m for m in self.mentions
                           for i in range(m.first_token, m.end_token)}
        self.found: list[_Found] = []  # quotes attributed so far, in reading order
        self._full_names: dict[str, str] = {}
        self._staff: dict[str, bool] = {}

    def token_range(self, start: int, end: int) -> range:
        return range(bisect_left(self.token_starts, start), bisect_left(self.token_starts, end))

    def sentence_of(self, offset: int) -> int:
        return sentence_index(self.starts, offset)

    @cached_property
    def people(self) -> list[Mention]:
        """People named outside quotes (a name inside a quote is not who is speaking)."""
        return [m for m in self.mentions
                if m.label == "PERSON" and m.first_token not in self.quoted]

    @cached_property
    def genders(self) -> dict[str, str]:
        """Person -> "he" or "she", from what the article writes of them: an honorific before
        the name ("Mr", "Ms"), and the subject pronouns of a sentence of which they are the
        only named subject ("Madsen claims that he ..."). With no evidence, or both, none.

        An honorific counts only where the article gives its surname so at least as often
        as bare: a wire that calls the president "Clinton" writes "Mrs. Clinton" for his
        wife, and "he said" after "Clinton said" is still the president."""
        votes: dict[str, Counter[str]] = {}
        titles: dict[str, Counter[str]] = {}
        bare: Counter[str] = Counter()
        for mention in self.people:
            name = self.full_name(mention.text)
            before = self.doc[mention.first_token - 1].lower_.rstrip(".") \
                if mention.first_token else ""
            if before in _HONORIFICS:
                titles.setdefault(name, Counter())[_HONORIFICS[before]] += 1
            elif mention.end_token - mention.first_token == 1:
                bare[name] += 1
            if self.doc[mention.end_token - 1].dep_ not in SUBJECT_DEPS:
                continue
            sentence = self.sentences[self.sentence_of(mention.start)]
            subjects = [m for m in self.people if sentence.start <= m.start < sentence.end
                        and self.doc[m.end_token - 1].dep_ in SUBJECT_DEPS]
            if len(subjects) != 1:
                continue
            for token in self.doc[mention.end_token:self.token_range(0, sentence.end).stop]:
                if _refers_back(token) and token.i not in self.quoted:
                    votes.setdefault(name, Counter())[_GENDERED[token.lower_]] += 1
        for name, titled in titles.items():
            if titled.total() >= bare[name]:
                votes.setdefault(name, Counter()).update(titled)
        return {name: count.most_common(1)[0][0] for name, count in votes.items()
                if len(count) == 1}

    @cached_property
    def descriptors(self) -> dict[str, set[str]]:
        """Role words and nationality stems written around each person's mentions."""
        result: dict[str, set[str]] = {}
        for mention in self.people:
            result.setdefault(self.full_name(mention.text), set()).update(
                self._words_around(mention))
        for noun, person in self._described_by_age():
            result.setdefault(self.full_name(person.text), set()).update(
                _descriptor_words(noun))
        return result

    def _described_by_age(self) -> list[tuple[Token, Mention]]:
        """'Ana Ruiz won. The 26-year-old postman ...': a noun described by an age alone,
        with no name in its phrase, is the person named last before it (within
        AGE_LOOKBACK_SENTENCES), as the age is."""
        found = []
        for token in self.doc:
            if token.pos_ != "NOUN" or token.i in self.mention_of or not any(
                    c.dep_ == "amod" and _is_age(c) for c in token.children) \
                    or not _has_determiner(token, ("the",)):
                continue
            here = self.sentence_of(token.idx)
            earlier = [m for m in self.people if m.start < token.idx
                       and here - self.sentence_of(m.start) <= AGE_LOOKBACK_SENTENCES]
            if earlier and not any(t.i in self.mention_of
                                   and self.mention_of[t.i].label == "PERSON"
                                   for t in token.subtree):
                found.append((token, earlier[-1]))
        return found

    def _words_around(self, mention: Mention) -> set[str]:
        if self.doc[mention.end_token - 1].dep_ == "pobj":
            return set()  # "a spokesman for D'Amato": the role is someone else's
        sentence = self.sentences[self.sentence_of(mention.start)]
        lo = max(self.token_range(0, sentence.start).stop,
                  mention.first_token - ROLE_WINDOW_TOKENS)
        tokens = list(self.doc[lo:mention.first_token])
        verbs = [n for n, t in enumerate(tokens) if t.pos_ in {"VERB", "AUX"}]
        if verbs:  # words before a verb are another clause's ("The governor said she freed X")
            tokens = tokens[verbs[-1] + 1:]
        after = mention.end_token
        if after < len(self.doc) and self.doc[after].text == ",":
            for token in self.doc[after + 1:after + 1 + ROLE_WINDOW_TOKENS]:
                if token.text == "," or token.idx >= sentence.end:
                    break
                tokens.append(token)
        return {word for token in tokens for word in _descriptor_words(token)}

    def full_name(self, name: str) -> str:
        """The fullest form of a person's name used in this article ("Guterres" -> full)."""
        if name not in self._full_names:
            self._full_names[name] = self._fullest(name)
        return self._full_names[name]

    def _fullest(self, name: str) -> str:
        parts = name.split()
        fuller = [m.text for m in self.mentions
                  if m.label == "PERSON" and len(m.text.split()) > len(parts)
                  and tokens_match(fold(m.text.split()[-1]), fold(parts[-1]))
                  and (len(parts) == 1 or given_names_match(fold(parts[0]),
                                                            fold(m.text.split()[0])))]
        if not fuller:
            return self.by_first_name(name) if len(parts) == 1 else name
        if len(parts) == 1 and len({fold(f.split()[0]) for f in fuller}) > 1:
            # 'says Soper' where the article names Barbara Soper and her daughter Chloe Soper:
            # the one named most often, if clearly; else the surname as written
            counts = Counter(fold(f.split()[0]) for f in fuller).most_common()
            if counts[0][1] < 2 * counts[1][1]:
                return name
            first = counts[0][0]
            fuller = [f for f in fuller if fold(f.split()[0]) == first]
        return max(fuller, key=lambda f: len(f.split()))

    def is_staff(self, name: str) -> bool:
        """The programme or paper's own person (`_credited_as_staff`), searched once a name."""
        if name not in self._staff:
            self._staff[name] = _credited_as_staff(self.text, name)
        return self._staff[name]

    def by_first_name(self, name: str) -> str:
        """'Syed' -> 'Syed Husin Ali' when only one person of the article has that first name
        (Malay, Arabic and Indonesian names are shortened to the first one)."""
        full = {m.text for m in self.mentions if m.label == "PERSON" and len(m.text.split()) > 1
                and fold(m.text.split()[0]) == fold(name)}
        return full.pop() if len(full) == 1 else name


def _descriptor_words(token: Token) -> set[str]:
    words = {token.lemma_.lower(), token.lower_}
    if token.text[:1].isupper():
        words.add(_stem(token.text))
    return words


def _stem(text: str) -> str:
    """Nationality stem shared by a country and its adjective (Ukraine/Ukrainian; see
    lang.nation_stem), marked so that it never equals a role word."""
    return "stem:" + lang.nation_stem(fold(re.sub(r"['’]s$", "", text)))


# --------------------------------------------------------------------------- extraction


def extract_quotes(doc: Doc, sentences: list[Sentence], article: Article) -> list[Quote]:
    """Direct quotes of one article with their speakers, in reading order."""
    if doc_text(doc) != article.body:
        raise ValueError(f"article {article.id}: spaCy doc text is not the article body")
    if not sentences:
        return []
    context = _Article(doc, sentences, find_quote_spans(article.body))
    for span in context.spans:
        if _is_heading(article.body, span):
            continue
        if span.words >= MIN_QUOTE_WORDS and (quote := _attribute(context, span, context.found)):
            context.found.append(quote)
    found = sorted(context.found + _transcript_turns(context), key=lambda f: f.span.start)
    return [Quote(text=f.span.text, speaker=f.speaker, source=article.id, sentence=f.sentence)
            for f in _drop_repeats(found)]


def _is_heading(body: str, span: QuoteSpan) -> bool:
    """A quotation that is its whole line, closed without a full stop: a section heading made of
    a quote ("'This could easily be a composite profile'"), which HTML keeps in the text (see
    boilerplate.QUOTED_HEADING), not a quote of the paragraphs around it."""
    line_start, line_end = _line_around(body, span)
    line = body[line_start:line_end].strip()
    return line == body[span.start:span.end].strip() and bool(QUOTED_HEADING.match(line))


def _line_around(text: str, span: QuoteSpan) -> tuple[int, int]:
    """Start and end offsets of the line (or lines) of `text` the quote span lies on."""
    line_end = text.find("\n", span.end)
    return text.rfind("\n", 0, span.start) + 1, len(text) if line_end == -1 else line_end


# A turn of a broadcast transcript or an interview: a line opening with who speaks and a colon,
# after an optional cue ("CLIP - ", "SOT: "; a dash joined to the word is a hyphenated name's:
# "VUKOVIC-STERLING:"); "PRESENTER:" and "Q:" label turns too.
_TURN = re.compile(r"^(?:[A-Z]{2,12}(?:\s+[-–—]|\s*:)\s*)?(?P<label>[^\n:]{1,80}?):[ \t]+"
                   r"(?P<words>\S[^\n]*)$", re.MULTILINE)
# What may follow the name in a turn's label: a role after a comma, in brackets, or both
# ("HENRIK ODDSEN, FISHERIES MINISTER (clip):").
_TURN_ROLE = re.compile(r"\s*(?:,[^():\n]*)?(?:\([^()\n]*\))?\s*")


def _transcript_turns(context: _Article) -> list[_Found]:
    """Lines of a transcript that a named person speaks, unquoted ("Lestari Wibisono (NRF
    spokeswoman): Our first information is ..."). A line "Name: words" alone may be a
    heading ("Ana Duarte: a life in politics"), so it counts as a turn when its label gives a
    role, when the article has other turns, or when the line before leads into it ("Here is
    what she told us:")."""
    turns = list(_TURN.finditer(context.text))
    found = []
    for match, name, name_end in _guests_turns(context, turns):
        words = match.group("words")
        start, end = match.start("words"), match.end("words")
        if len(words.split()) < MIN_QUOTE_WORDS or any(
                f.span.start < end and start < f.span.end for f in context.found):
            continue
        has_role = match.end("label") > name_end
        led_in = context.text[:match.start()].rstrip().endswith(":")
        if not (has_role or led_in or len(turns) >= 2):
            continue
        found.append(_Found(QuoteSpan(start, end, words), name,
                            context.sentence_of(start), context.sentence_of(end - 1)))
    return found


def _guests_turns(context: _Article, turns: list[re.Match[str]]
                  ) -> list[tuple[re.Match[str], str, int]]:
    """The turns a named person speaks, with the name and where it ends in the label, less
    those of the programme's own people, who narrate and ask ("KWAME OSEI (presenter):",
    "And we understand you spoke to one of them?", credits "Presenter: Niamh ...")."""
    named = []
    staff: set[str] = set()
    for match in turns:
        speaker = _turn_speaker(context, match.start("label"))
        if speaker is None or not _TURN_ROLE.fullmatch(context.text, speaker[1],
                                                        match.end("label")):
            continue
        named.append((match, *speaker))
        role = set(re.findall(r"[a-z-]+", context.text[speaker[1]:match.end("label")].lower()))
        if role & lang.OUTLET_STAFF or match.group("words").rstrip().endswith("?"):
            staff.add(speaker[0])
    staff |= {name for _, name, _ in named if context.is_staff(name)}
    return [turn for turn in named if turn[1] not in staff]


_STAFF_ROLES = "|".join(sorted(lang.OUTLET_STAFF))


def _credited_as_staff(text: str, name: str) -> bool:
    """The transcript's credits give the person a role of the programme's own ("Presenter:
    Niamh Okafor-Doyle. Reporter at the mine: Luca Ferreira-Tan."): the name ends the line
    or the next credit follows. Not a turn that goes on about them ("REPORTER: Oluwaseun
    Bankole spoke to reporters") or thanks them ("HOST: Ade Vukovic-Sterling, thanks.")."""
    credit = re.search(rf"\b(?:{_STAFF_ROLES})\b[^:.\n]{{0,30}}:[ \t]*{re.escape(name)}"
                       r"[ \t]*(?:[.;]?[ \t]*$|[.,;][ \t]*[^\n:.]{1,40}:)", text,
                       re.IGNORECASE | re.MULTILINE)
    # or the programme introduces them as its own: "Our reporter Nadia Ferreira-Holm was at
    # the meeting", "our chief correspondent, Ana Ruiz"
    own = re.search(rf"\bour\s+(?:[\w-]+\s+){{0,2}}(?:{_STAFF_ROLES}),?\s+{re.escape(name)}\b",
                    text, re.IGNORECASE)
    return credit is not None or own is not None


# A name in capitals opening a transcript's turn ("BOGDAN LISOWSKI (recorded):", "DR RENEE
# ALBESCU HART:"), or a surname alone once the guest was introduced ("VUKOVIC-STERLING:").
_CAPITALS_NAME = re.compile(r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’-]+){0,4}(?=[ \t]*[(,:])")


def _turn_speaker(context: _Article, label: int) -> tuple[str, int] | None:
    """Who opens a turn's label at `label`, with where the name ends: a person the tagger
    found there (it may take the cue in: "CLIP - Birgitte Holmqvist"), or a name in capitals,
    as transcripts write them, that the article gives as a person's elsewhere."""
    person = next((m for m in context.people if m.start <= label < m.end), None)
    if person is not None:
        return context.full_name(context.text[label:person.end]), person.end
    capitals = _CAPITALS_NAME.match(context.text, label)
    if capitals is None:
        return None
    words = fold(capitals.group()).split()
    while len(words) > 1 and words[0].rstrip(".") in lang.PERSON_TITLES:
        words = words[1:]  # "DR RENEE ALBESCU HART"
    known = _person_written(context, words)
    return (context.full_name(known.text), capitals.end()) if known else None


def _person_written(context: _Article, words: list[str]) -> Mention | None:
    """The person of the article a transcript label in capitals names: the whole name, its
    first and last words, or (one word) the last name of a person named in full."""
    written = " ".join(words)
    whole = [m for m in context.people if len(m.text.split()) >= 2]
    return next((m for m in context.people if fold(m.text) == written), None) or next(
        (m for m in whole if fold(m.text.split()[-1]) == words[-1]
         and (len(words) == 1 or fold(m.text.split()[0]) == words[0])), None)


# A line that opens with what its quote is about: 'On Murdoch: "Rupert is a tremendous guy."'
_TOPIC_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:On|About|Of|Re)[ \t]+[^\n:]{1,60}:[ \t]*$")


def _after_topic_label(text: str, span: QuoteSpan) -> bool:
    return _TOPIC_LABEL.search(text, max(0, span.start - 80), span.start) is not None


def _attribute(context: _Article, span: QuoteSpan, earlier: list[_Found]) -> _Found | None:
    first = context.sentence_of(span.start + 1 + _leading_space(span, context.text))
    last = context.sentence_of(span.end - 1)
    region = _clause_region(context, span, first, last)
    if _is_title(span.text) and _headline_speaker(context, span) is None \
            and not _said_right_after(context, span):
        return None  # 'said on NBC's "Meet the Press"': a programme, book or film title
    if _SO_CALLED.search(context.text, max(span.start - 12, 0), span.start):
        return None  # 'so-called "command responsibility"' marks a term, not speech
    verb = _speech_verb(context, span, region)
    if verb is not None:
        speaker = _speaker_of_verb(context, verb, span)
        if speaker is None and span.words <= MAX_FRAGMENT_WORDS:
            return None  # a fragment is kept for who chose the words; unknown here
        return _Found(span, speaker, first, last)
    headline = _headline_speaker(context, span) or _according_to_before(context, span, region) \
        or _signed_speaker(context, span) or _fronted_speaker(context, span)
    if headline is not None:
        return _Found(span, headline, first, last)
    if not (_stands_alone(context, span, region) or _after_topic_label(context.text, span)):
        return None  # embedded without a speech verb: a scare quote, title or term
    speaker = _inherited_speaker(context, first, earlier)
    if speaker is None and span.words <= MAX_FRAGMENT_WORDS:
        return None
    return _Found(span, speaker, first, last)


def _fronted_speaker(context: _Article, span: QuoteSpan) -> str | None:
    """'Said Hunter, "If you go for their proposal ..."': a sentence that opens on a speech
    verb and the speaker's name, then the quotation (the tagger reads "Said" as a name)."""
    for mention in context.people:
        between = context.text[mention.end:span.start]
        if mention.end > span.start or not _FRONTED_GAP.fullmatch(between):
            continue
        opener = context.doc[mention.first_token - 1] if mention.first_token else None
        if opener is not None and opener.is_sent_start and opener.lower_ in SPEECH_FORMS:
            return context.full_name(mention.text)
    return None


_FRONTED_GAP = re.compile(r"\s*[,:]\s*[\"“'‘`]*\s*")


# Words between a quote and the speech verb that closes it: a name ("Ana Ruiz said").
MAX_WORDS_BEFORE_VERB = 4


def _said_right_after(context: _Article, span: QuoteSpan) -> bool:
    """'"Sayonara to Silk Road," Schumer said.': words closed by a comma, "!" or "?" inside
    the marks, then a speech verb within a name's length, are speech, however capitalised (a
    title in a sentence goes on: '"The Crown," starring ...', 'in "Meet the Press" on')."""
    if not context.text[span.start + 1:span.end - 1].rstrip().endswith((",", "!", "?")):
        return False
    after = [i for i in context.token_range(span.end, len(context.text))
             if not context.doc[i].is_space][:MAX_WORDS_BEFORE_VERB + 1]
    return any(_is_attribution_verb(context.doc[i], context.quoted) for i in after)


def _is_title(text: str) -> bool:
    """Every content word capitalised, as in titles of books, programmes and laws."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 2 and bool(content) and all(w[0].isupper() for w in content)


def _clause_region(context: _Article, span: QuoteSpan, first: int, last: int) -> tuple[int, int]:
    """Characters that may hold the quote's attribution: its sentences, cut where a sentence
    visibly ends before the quote or inside it (segmenters miss ends next to quote marks)."""
    text = context.text
    start, end = context.sentences[first].start, context.sentences[last].end
    end = _attribution_split_off(context, span, last, end)
    ends_before = list(_SENTENCE_END.finditer(text, start, span.start))
    if ends_before:
        start = ends_before[-1].end()
    following = text[span.end:end].lstrip()
    if span.text[-1:] in ".!?…" and following[:1] and not following[0].islower():
        # '"...!" Guterres said.' still attributes; '"..." So far, APEC ...' does not.
        tokens = [i for i in context.token_range(span.end, end) if not context.doc[i].is_space]
        if not any(_is_attribution_verb(context.doc[i], context.quoted)
                   for i in tokens[:SHORT_ATTRIBUTION_TOKENS]):
            end = span.end
    return start, end


def _attribution_split_off(context: _Article, span: QuoteSpan, last: int, end: int) -> int:
    """'"...!" Tom would say, ...': the segmenter may end the sentence at the closing mark; a
    short attribution opening the next sentence of the same paragraph still belongs to it."""
    following = context.text[span.end:end]
    # a quote closing on "." ends its sentence; "!" and "?" are kept before the attribution
    if (span.text[-1:] not in "!?" or following.strip() or last + 1 >= len(context.sentences)
            or "\n" in following):
        return end
    nxt = context.sentences[last + 1]
    if "\n" in context.text[span.end:nxt.start]:
        return end
    tokens = [i for i in context.token_range(nxt.start, nxt.end) if not context.doc[i].is_space]
    if any(_is_attribution_verb(context.doc[i], context.quoted)
           and not any(c.dep_ == "dobj" for c in context.doc[i].children)
           for i in tokens[:SHORT_ATTRIBUTION_TOKENS]):
        return nxt.end  # "added more staff" has its own object: not an attribution
    return end


def _leading_space(span: QuoteSpan, text: str) -> int:
    inner = text[span.start + 1:span.end]
    return len(inner) - len(inner.lstrip())


def _drop_repeats(found: list[_Found]) -> list[_Found]:
    """A quote repeated, or contained in a longer quote of the same speaker, is kept once."""
    def norm(f: _Found) -> str:
        return " ".join(re.findall(r"[^\W_]+", f.span.text.lower()))
    kept: list[_Found] = []
    for n, quote in enumerate(found):
        text = norm(quote)
        repeated = any(
            other is not quote and other.speaker == quote.speaker
            and f" {text} " in f" {norm(other)} "
            and (len(norm(other)) > len(text) or m < n)
            for m, other in enumerate(found))
        if not repeated:
            kept.append(quote)
    return kept


# --------------------------------------------------------------------------- finding the verb


def _is_speech_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or any(
        (lemma, child.lower_) in lang.PHRASAL_SPEECH_VERBS
        for child in token.children if child.dep_ == "prt")  # "he points out"


def _calls_for(token: Token) -> bool:
    """'call for "silent protests"' asks for the quoted thing; it does not say it."""
    return token.lemma_.lower() == "call" and any(
        c.dep_ == "prep" and c.lower_ in NOT_SPOKEN_PREPOSITIONS for c in token.children)


def _is_attribution_verb(token: Token, quoted: set[int]) -> bool:
    """A speech verb found by position only (no parse link): active, not 'call for', and
    without unquoted content of its own ('"..." Relatives said that he was burned')."""
    return (_is_speech_verb(token) and not _calls_for(token)
            and not any(c.dep_ == "auxpass" or (c.dep_ == "ccomp" and c.i > token.i
                                                    and c.i not in quoted)
                        for c in token.children))


def _speech_verb(context: _Article, span: QuoteSpan, region: tuple[int, int]) -> Token | None:
    """The speech verb that introduces the quote, searched from the strongest evidence down:
    the parse, a speech verb just after the quote, the clause before a colon, one just before."""
    inside = set(context.token_range(span.start, span.end))
    outside = [i for i in context.token_range(*region)
               if i not in context.quoted and not context.doc[i].is_space]
    governing = _governing_verbs(context, inside, set(outside))
    if governing is None:
        return None
    if governing:
        return min(governing, key=lambda t: _distance(t, span))
    after = [i for i in outside if context.doc[i].idx >= span.end][:POST_VERB_WINDOW]
    before = [i for i in outside if context.doc[i].idx < span.start]
    for i in after:
        if _is_attribution_verb(context.doc[i], context.quoted):
            return context.doc[i]
    inverted = _inverted_attribution(context, span, after)
    if inverted is not None:
        return inverted
    if before and context.doc[before[-1]].text == ":":
        return _verb_before_colon(context, before)
    for i in reversed(before[-PRE_VERB_WINDOW:]):
        if _is_attribution_verb(context.doc[i], context.quoted):
            return context.doc[i]
    return None


def _inverted_attribution(context: _Article, span: QuoteSpan, after: list[int]) -> Token | None:
    """'"...," fumed Ifeoma Castellanos' / '"...," Dorota Malin sighed.': a quote that ends
    on a comma, then a verb and a name, or a name and a verb that ends the clause, is that
    person's words whatever the verb (news writes any verb of manner there). Simple tenses
    only: '"The Crown," starring Olivia Colman' names no speaker."""
    written = context.text[span.start:span.end].rstrip(" \"”’'")
    if not written.endswith((",", "?", "!")):
        return None
    doc = context.doc
    words = [doc[i] for i in after[:POST_VERB_WINDOW] if not doc[i].is_punct][:4]
    if len(words) >= 2 and _simple_verb(words[0]) and words[1].pos_ == "PROPN":
        return words[0]
    names = 0
    while names < len(words) and words[names].pos_ == "PROPN":
        names += 1
    if not names and words and words[0].lower_ in _SUBJECT_PRONOUNS:
        names = 1  # '"...," he fumed.': the pronoun stands for the name
    if 0 < names < len(words) and _simple_verb(words[names]):
        verb = words[names]
        following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if following is None or following.is_punct:
            return verb
    return None


_SUBJECT_PRONOUNS = PERSON_PRONOUNS | {"they"}


def _simple_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP")


def _governing_verbs(context: _Article, inside: set[int],
                     outside: set[int]) -> list[Token] | None:
    """Speech verbs above the quoted words in the parse, or hanging from them ('..., he said').

    None when the parse shows the quote is what a speech verb asks or thanks *for*.
    """
    verbs = []
    asked_for = False
    for i in inside:
        token = context.doc[i]
        if (token.head.i in inside and token.head.i != i) or token.is_punct or token.is_space:
            continue  # the quote's own marks and stops hang anywhere; its words decide
        ancestor = token
        for _ in range(MAX_GOVERNOR_DEPTH):
            if ancestor.head.i == ancestor.i or ancestor.head.i not in outside:
                break
            child, ancestor = ancestor, ancestor.head
            if _is_speech_verb(ancestor) and not _acts_on_object(ancestor, child, inside):
                # 'call for "..."', 'thanked them for the "kind words"': the quote is what
                # was asked for or thanked for, not what the subject said
                if child.dep_ == "prep" and child.lower_ in NOT_SPOKEN_PREPOSITIONS:
                    asked_for = True
                else:
                    verbs.append(ancestor)
                break
    if verbs:
        return verbs
    if asked_for:
        return None
    # '"...," he said' parsed the other way round: the verb hangs from the quoted words
    return [context.doc[i] for i in outside
            if context.doc[i].head.i in inside and context.doc[i].dep_ in HANGING_DEPS
            and _is_attribution_verb(context.doc[i], context.quoted)]


def _acts_on_object(verb: Token, child: Token, inside: set[int]) -> bool:
    """A verb that can report speech used for a deed: "maintain many of the projects,
    creating an 'expectations gap'" (the quote is in a clause about what the maintaining
    does, and the verb has an object of its own outside the quote)."""
    return child.dep_ == "advcl" and any(c.dep_ == "dobj" and c.i not in inside
                                         for c in verb.children)


def _verb_before_colon(context: _Article, before: list[int]) -> Token | None:
    """'X wrote on Telegram: "..."' gives the clause's verb (any verb); 'X: "..."' gives X."""
    colon = context.doc[before[-1]]
    if colon.head.pos_ in {"VERB", "AUX"} and colon.head.i in before:
        # 'The story led Herzlich to tweet this message: "..."': the speech verb under the
        # clause's verb is the one the quote reports
        speech = [context.doc[i] for i in before if _is_speech_verb(context.doc[i])
                  and colon.head in context.doc[i].ancestors]
        return speech[-1] if speech else colon.head
    before = before[:-1]
    for i in reversed(before):
        if context.doc[i].pos_ in {"VERB", "AUX"}:
            return context.doc[i]
    for i in reversed(before):
        mention = context.mention_of.get(i)
        # 'On Murdoch: "Rupert is a tremendous guy"': a name after a preposition is what the
        # quote is about, not who speaks
        if mention is not None and mention.label in {"PERSON", "ORG"} \
                and context.doc[mention.end_token - 1].dep_ != "pobj":
            return context.doc[i]
    return None


def _distance(token: Token, span: QuoteSpan) -> int:
    return span.start - token.idx if token.idx < span.start else token.idx - span.end


# --------------------------------------------------------------------------- finding the speaker


def _speaker_of_verb(context: _Article, verb: Token, span: QuoteSpan) -> str | None:
    if verb.i in context.mention_of:  # the colon form gave the name itself
        return _name_of(context, verb)
    if verb.lemma_.lower() == "quote" and verb.dep_ == "conj" and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
        verb = verb.head  # "X told me ..., and I quote, '...'": the writer marks X's words
    subject = _subject(verb, context, span)
    if subject is not None and _unnamed_body(subject) \
            and (own := _self_named(context, span)) is not None:
        return own
    if subject is not None and _unnamed_person(subject):
        # "A senior official with the agency said ... . Graham Andrew told reporters ...":
        # the person described is named by the next sentence, as news introduces people
        named = _named_next(context, verb)
        if named is not None:
            return named
    if subject is None and not _is_passive(verb):
        # not for "Madsen was accused of causing Wall's death '...'": a passive verb's
        # speaker is its agent or no one named, never a name in its complement
        subject = _name_next_to(context, verb) or _age_before(verb)
    if subject is not None:
        return _name_of(context, subject)
    return None


def _unnamed_body(subject: Token) -> bool:
    """'the force', 'the ministry': a body referred to by a noun that names no person."""
    return subject.pos_ == "NOUN" and not lang.is_person_noun(subject.lower_) \
        and _has_determiner(subject, ("the",))


def _self_named(context: _Article, span: QuoteSpan) -> str | None:
    """A statement that names its author as its own first subject ('"The Canadian Special
    Operations Command can confirm that ...," the force said'): that organisation."""
    inside = [i for i in context.token_range(span.start, span.end)
              if not context.doc[i].is_punct and context.doc[i].lower_ != "the"]
    mention = context.mention_of.get(inside[0]) if inside else None
    if mention is None or mention.label != "ORG":
        return None
    if context.doc[mention.end_token - 1].dep_ not in SUBJECT_DEPS:
        return None
    return mention.text


def _unnamed_person(subject: Token) -> bool:
    """'A senior official', 'an aide': one person described, not named."""
    return subject.pos_ == "NOUN" and lang.is_person_noun(subject.lower_) \
        and _has_determiner(subject, ("a", "an"))


def _has_determiner(token: Token, words: tuple[str, ...]) -> bool:
    """The token's noun phrase opens with one of these articles ("the force", "an aide")."""
    return any(c.dep_ == "det" and c.lower_ in words for c in token.children)


def _named_next(context: _Article, verb: Token) -> str | None:
    """The person named at the start of the next sentence of the same paragraph as the
    subject of a speech verb, without a description of their own ('Graham Andrew told
    reporters in Vienna that ...'), else None."""
    current = context.sentence_of(verb.idx)
    if not 0 <= current < len(context.sentences) - 1:
        return None
    following = context.sentences[current + 1]
    if "\n" in context.text[context.sentences[current].end:following.start]:
        return None
    first = context.token_range(following.start, following.start + 1)
    mention = context.mention_of.get(first.start) if first else None
    if mention is None or mention.label != "PERSON" or len(mention.text.split()) < 2:
        return None
    head = context.doc[mention.end_token - 1]
    after = context.doc[mention.end_token] if mention.end_token < len(context.doc) else None
    if head.dep_ != "nsubj" or not _is_speech_verb(head.head) or after is None \
            or after.text == ",":
        return None
    return context.full_name(mention.text)


def _age_before(verb: Token) -> Token | None:
    """'..., the 64-year-old added.' where the parser hung 'old' on the verb as a modifier:
    the age phrase right before the verb is its subject."""
    before = verb.doc[verb.i - 1] if verb.i else None
    return before if before is not None and before.head.i == verb.i and _is_age(before) else None


def _name_next_to(context: _Article, verb: Token) -> Token | None:
    """A person or organisation written right before or after the verb, for parses that hang
    the name elsewhere ('..., UN Secretary-General António Guterres said' as an appositive)."""
    after = range(verb.i + 1, min(verb.i + 1 + INVERTED_NAME_TOKENS, len(context.doc)))
    for i in (verb.i - 1, *after):
        mention = context.mention_of.get(i)
        if mention is not None and mention.label in {"PERSON", "ORG"} and i not in context.quoted:
            return context.doc[i]
        if i > verb.i and context.doc[i].is_punct and context.doc[i].text != ",":
            break  # "recalled the bartender, Matt Galloway" reads on over the comma
    return None


def _subject(verb: Token, context: _Article, span: QuoteSpan) -> Token | None:
    inside = set(context.token_range(span.start, span.end))
    current = verb
    for _ in range(3):
        quoted = _quoted_person(context, current)
        if quoted is not None:
            return quoted
        # "families were told ...": a passive speech verb's subject is the listener; in
        # "was quoted as saying" the passive verb is reached from "saying" and is the speaker
        deps = ("nsubj",) if current is verb and _is_passive(verb) else SUBJECT_DEPS
        subjects = [c for c in current.children if c.dep_ in deps and c.i not in inside
                    and _same_sentence(context, c, verb)]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if current is verb and _is_set_off_participle(verb):
            # "..., Commissioner Ana Duarte told reporters, insisting that ...": the
            # speaker of the verb of speech it hangs on (else the main verb's subject)
            if _is_speech_verb(verb.head):
                said_by = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS
                           and c.i not in inside and _same_sentence(context, c, verb)]
                if said_by:
                    return said_by[0]
            root_subject = _root_subject(context, verb, inside)
            if root_subject is not None:
                return root_subject
        if current is verb and _is_passive(verb):
            return _agent_of(verb)
        if current.dep_ not in SUBJECT_SHARING_DEPS or current.head.i == current.i:
            break
        controller = _object_controller(context, current, inside)
        if controller is not None:
            return controller
        current = current.head
    return _according_to(verb)


def _object_controller(context: _Article, verb: Token, inside: set[int]) -> Token | None:
    """'The payout led Oyelaran to say ...': the object of the verb an infinitive hangs on
    is who says it (object control), not that verb's subject."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children):
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i not in inside
               and c.i < verb.i and _same_sentence(context, c, verb)]
    return objects[0] if objects else None


def _same_sentence(context: _Article, token: Token, verb: Token) -> bool:
    """The parse may run over a paragraph break ('(Photo: Name/Agency)' then 'Director X
    said:'); a subject is only taken from the verb's own sentence."""
    return context.sentence_of(token.idx) == context.sentence_of(verb.idx)


def _is_set_off_participle(verb: Token) -> bool:
    """', calling the scheme "..."', ', adding: "..."': a participle after a comma."""
    return (verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and verb.dep_ in {"advcl", "conj", "xcomp", "acl", "relcl"})


def _root_subject(context: _Article, verb: Token, inside: set[int]) -> Token | None:
    """The subject of the sentence's main verb: 'Judge X rejected the arguments that Y had
    intended to repay them, calling the scheme "..."' is X's word, though the small parser
    hangs 'calling' on the relative clause."""
    root = verb.sent.root
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i not in inside
                and _same_sentence(context, c, verb)]
    return subjects[0] if subjects and root.i < verb.i else None


def _is_passive(verb: Token) -> bool:
    """Passive, except 'X was quoted/cited as saying', where X still is the speaker; also a
    participle joined to a passive verb without an auxiliary of its own ('Wells Fargo was
    fined and accused of ...')."""
    if verb.lemma_.lower() in {"quote", "cite"}:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBN" \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def _agent_of(verb: Token) -> Token | None:
    """'was told by the airline' -> airline; also a "by" phrase the parse hangs lower in the
    verb's phrase ('accused of "widespread illegal practice" by the regulators', with "by"
    on "practice") when it names people or a body."""
    for child in verb.children:
        if child.dep_ == "agent":
            return _object_of(child)
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ == "by" and token.head.pos_ == "NOUN":
            objects = [c for c in token.children if c.dep_ == "pobj" and (
                c.ent_type_ in ("PERSON", "ORG") or lang.is_person_noun(c.lower_)
                or c.lemma_.lower() in lang.ORGANISATION_NOUNS)]
            if objects:
                return objects[0]
    return None


def _quoted_person(context: _Article, verb: Token) -> Token | None:
    """'Netanyahu quoted Clinton as telling him ...' and 'he quoted More's words' are the
    words of the person quoted, not of the subject."""
    if verb.lemma_.lower() != "quote":
        return None
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        for token in (child, *[c for c in child.children if c.dep_ == "poss"]):
            mention = context.mention_of.get(token.i)
            if mention is not None and mention.label == "PERSON":
                return token
            if mention is None and token.pos_ == "PROPN" and any(
                    c.dep_ in {"prep", "advcl"} and c.lower_ == "as" for c in verb.children):
                return token  # 'the Courier quoted Hart as saying': NER did not know Hart
    return None


def _object_of(preposition: Token) -> Token | None:
    """The object of a preposition ("by the airline" -> airline)."""
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _according_to_before(context: _Article, span: QuoteSpan,
                         region: tuple[int, int]) -> str | None:
    """'According to Mayor Elin Strand, "..."': the source named before the quote."""
    before = [context.doc[i] for i in context.token_range(region[0], span.start)]
    for n, token in enumerate(before[:-1]):
        if token.lower_ == "according" and before[n + 1].lower_ == "to":
            source = _object_of(before[n + 1])
            if source is not None:
                return _name_of(context, source)
    return None


def _according_to(verb: Token) -> Token | None:
    for token in verb.subtree:
        if token.lower_ == "according":
            objects = [t for c in token.children for t in c.children if t.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _name_of(context: _Article, token: Token) -> str | None:
    """A subject token turned into the speaker's name (see module docstring)."""
    if token.pos_ == "PRON" and len(token.text) > 1 and token.text.isupper():
        # "WHO said", even where the parse took it for a relative pronoun: an acronym
        return token.text
    token = antecedent(token)
    named = _named_after_role(token) if token.pos_ != "PRON" else None
    if named is not None:
        return context.full_name(named)
    mention = context.mention_of.get(token.i)
    if mention is not None:
        text = _without_age(token, mention.text, mention.label)
        if mention.label == "PERSON":
            return context.full_name(text)
        # 'said Dermot, 47' (the tagger: a place), after 'Taxi driver Dermot Quayle': the one
        # person of the article with that first name
        return context.by_first_name(text) if len(text.split()) == 1 else text
    if token.lower_ in PERSON_PRONOUNS:
        return _resolve_pronoun(context, token.idx, token.lower_)
    if token.lower_ in ("it", "its"):
        return _resolve_it(context, token.idx) or _last_speaker_of_it(context, token) \
            or _unlabelled_body(context, token.idx)
    if token.lower_ == "they":
        return _organisation_as_they(context, token)
    if token.pos_ == "PRON" or token.lower_ in _NOBODY_IN_PARTICULAR:
        return None
    named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
             and context.mention_of.get(c.i, _NO_MENTION).label not in {"GPE", "NORP", "LOC"}]
    if named:  # "Ukraine's envoy, Sergiy Kyslytsya, said", "Chelsea manager Mourinho said"
        mention = context.mention_of.get(named[0].i)
        return context.full_name(mention.text if mention else _phrase_text(named[0]))
    if token.lemma_.lower() in STATEMENT_NOUNS:
        return _author_of(context, token)
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        # (a lowercase word the tagger called a name is a role: "the president-elect said")
        phrase = _phrase(token)
        first = after_titles(token.doc, phrase[0].i, phrase[-1].i + 1)
        return token.doc[first:phrase[-1].i + 1].text
    if _is_age(token):  # "said the 48-year-old": the person the article is writing about
        return _person_of_age(context, token) or _resolve_pronoun(context, token.idx, None)
    age = next((c for c in token.children if c.dep_ == "amod" and _is_age(c)), None)
    if age is not None and _has_determiner(token, ("the",)):
        # "the 29-year-old nurse from New Hadley said": a known person, as "the 48-year-old"
        person = _person_of_age(context, age) or _resolve_pronoun(context, token.idx, None)
        if person:
            return person
    kin = _kin_described(token)
    if kin is not None:
        # "The dad-of-two, speaking from his hospital bed, added": the person in focus
        person = _resolve_pronoun(context, token.idx, lang.PERSON_KIND_PRONOUNS.get(kin))
        if person:
            return person
    return _resolve_role(context, token) or _phrase_text(token)


def _kin_described(token: Token) -> str | None:
    """'the dad-of-two', 'the mother' (a noun of sex or family tie with "the", of nobody
    else: not "the father of one of the victims"): the noun's lemma, else None."""
    lemma = token.lemma_.lower()
    if lemma not in lang.PERSON_KINDS or token.tag_ != "NN" \
            or not _has_determiner(token, ("the",)):
        return None
    for child in token.children:
        if child.dep_ == "prep" and not (child.lower_ == "of" and any(
                c.dep_ == "pobj" and c.like_num and not list(c.children)
                for c in child.children)):
            return None  # "the father of one of the victims" is someone else's
    return lemma


def _named_after_role(subject: Token) -> str | None:
    """'Match of the Day presenter Gary Lineker said', 'Match of the Day pundit Rio Ferdinand
    said': the name set beside a noun for a person's role in the subject's phrase is the
    speaker, whatever the tagger made of the words before the role (a person "Match of") or
    of the name (a place "Rio Ferdinand")."""
    doc = subject.doc
    for token in subject.subtree:
        if token.pos_ != "PROPN" or token.dep_ not in ("appos", "pobj") \
                or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # the last word of a name set in the phrase
        first = token.i
        while first > 0 and doc[first - 1].pos_ == "PROPN":
            first -= 1
        role = doc[first - 1] if first > 0 else None
        if role is not None and role.pos_ == "NOUN" and role.lower_ == role.text \
                and lang.is_person_noun(role.text) and token.i > first:
            return doc[first:token.i + 1].text
    return None


def _without_age(token: Token, name: str, label: str) -> str:
    """'Tamer 24 said' (an export that dropped the commas around an age): the name without
    the age. An organisation keeps its number ("Channel 4 said")."""
    age = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if label in ("ORG", "GPE") or age is None or age.dep_ != "nummod" or age.head != token \
            or not age.like_num or not name.endswith(" " + age.text):
        return name
    return name[:-len(age.text)].rstrip()


def _person_of_age(context: _Article, old: Token) -> str | None:
    """The one person the article gives that age, named before: "said Moriarty, 34" ...
    "the 34-year-old added" (who may be further back than a pronoun looks)."""
    years = next((g.text for c in old.children for g in c.children if g.like_num), None)
    if years is None:
        return None
    # a name the tagger missed counts too ("said Moriarty, 34")
    written = re.finditer(rf"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,3}}),\s*(?:aged\s+)?"
                          rf"{re.escape(years)}\b(?!-)", context.text[:old.idx])
    given = {context.full_name(match.group(1)) for match in written}
    return given.pop() if len(given) == 1 else None


def _is_age(token: Token) -> bool:
    """'the 48-year-old', 'the 9-month-old': a person described by age alone."""
    return token.lower_ == "old" and any(
        c.lemma_.lower() in ("year", "month", "week") and any(g.like_num for g in c.children)
        for c in token.children)


def _author_of(context: _Article, statement: Token) -> str | None:
    """'a statement by the EU said' -> EU, 'the party's statement' -> the party; a statement
    of unknown origin has no speaker."""
    for child in statement.children:
        if child.dep_ == "poss" and (child.pos_ != "PRON" or child.lower_ == "its"):
            return _name_of(context, child)  # "the ministry's statement", "its statement"
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of", "in"} \
                and (author := _object_of(child)) is not None:
            return _name_of(context, author)
    verb = statement.head
    if statement.dep_ in SUBJECT_DEPS:
        # "The report, by the special inspector general, also concludes ...": the parse
        # hangs the aside between the statement and its verb on the verb
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "by" and statement.i < child.i < verb.i \
                    and (author := _object_of(child)) is not None:
                return _name_of(context, author)
    mention = context.mention_of.get(statement.i - 1)
    if mention is not None and mention.label in {"PERSON", "ORG", "GPE"}:
        return context.full_name(mention.text) if mention.label == "PERSON" else mention.text
    if _has_determiner(statement, ("the",)):
        return _earlier_statement_author(context, statement)
    return None  # "A Yugoslav statement said": a nationality is not a speaker


def _earlier_statement_author(context: _Article, statement: Token) -> str | None:
    """'the statement said' refers back to the statement the article brought in before ('In a
    statement, Velmora Cruises acknowledged ...', 'the firm said in a statement'): its author
    is who made that one, the subject of the clause that mentions it."""
    lookback = _lookback_start(context, statement.idx)
    for i in reversed(context.token_range(lookback, statement.idx)):
        earlier = context.doc[i]
        if i in context.quoted or earlier.lemma_.lower() not in STATEMENT_NOUNS:
            continue
        author = _author_of_clause(context, earlier)
        if author is not None:
            return author
    return None


def _author_of_clause(context: _Article, statement: Token) -> str | None:
    """Who made a statement the article mentions: its own author ('the firm's statement'),
    else the subject of the verb it belongs to ('X said in a statement', 'X issued a
    statement')."""
    for child in statement.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in {"by", "from"}):
            return _author_of(context, statement)
    verb = statement.head
    for _ in range(MAX_GOVERNOR_DEPTH):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in context.quoted
                and c.lemma_.lower() not in STATEMENT_NOUNS]
    return _name_of(context, subjects[0]) if subjects and verb.pos_ in {"VERB", "AUX"} else None


def _phrase(token: Token) -> list[Token]:
    """The noun phrase of `token` without clauses, appositives or coordinated parts."""
    cut = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "parataxis"}
    keep = [token]
    for child in token.children:
        if child.dep_ not in cut:
            keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # a phrase never runs over a paragraph break: the parse may hang a photo credit line
    # ('(Image: Name)') on the subject of the paragraph after it
    breaks = [t.i for t in keep if "\n" in t.text]
    keep = [t for t in keep if not any(t.i <= b < token.i or token.i < b <= t.i for b in breaks)]
    while keep and keep[0].i != token.i and (keep[0].dep_ == "det" or (
            keep[0].dep_ == "poss" and keep[0].pos_ == "PRON")):
        keep.pop(0)
    while len(keep) > 1 and TICKER.fullmatch(keep[-1].text):
        keep.pop()  # "Xhibit Corp XBTC.PK said": the company, without its stock ticker
    return keep


def _phrase_text(token: Token) -> str:
    phrase = _phrase(token)
    return token.doc[phrase[0].i:phrase[-1].i + 1].text


def _refers_back(token: Token) -> bool:
    """A pronoun that, after a sentence's only named subject, is that subject: a subject
    ("claims that he left") or a reflexive. Objects ("watched him train", which the parse
    makes a subject) and possessives ("he left her body") are mostly someone else."""
    return token.lower_ in _GENDERED and (
        token.lower_.endswith("self") or token.dep_ in SUBJECT_DEPS)


def _resolve_pronoun(context: _Article, offset: int, pronoun: str | None) -> str | None:
    """'he'/'she' -> within the last PRONOUN_LOOKBACK_SENTENCES, the latest person in focus: a
    grammatical subject (not one inside reported speech: in "Mike Murphy said Michelle is
    heading into her big moment. '...,' he said" Michelle is what Murphy said) or the speaker
    of an earlier quote; else the closest person named."""
    lookback = _lookback_start(context, offset)
    candidates: list[tuple[bool, int, str]] = []  # (not in focus, -position, name)
    for mention in context.people:
        if lookback <= mention.start and mention.end <= offset:
            token = context.doc[mention.end_token - 1]
            if _beside_a_name(context, token):
                continue
            reported = _in_reported_speech(token, context.quoted)
            # the subject of a main clause, not of a subordinate one ("..., he said, before
            # Stephanopoulos moved on": the interviewer is not who speaks next)
            # (the subject of a relative clause is not in focus: in "said Halima Said, whose
            # daughter Amina spent two nights on a drip" the story stays with Said)
            focus = _is_subject(token) and not reported \
                and _above_appositions(token).head.dep_ != "relcl" \
                and not _subordinate(token.head)
            candidates.append((not focus, -mention.start, context.full_name(mention.text)))
    candidates += _unnamed_speakers(context, lookback, offset)
    people = set(context.descriptors)
    candidates += [(False, -f.span.start, f.speaker) for f in context.found
                   if f.speaker in people and lookback <= f.span.start and f.span.end <= offset]
    if not candidates:
        candidates = _unlabelled_people(context, lookback, offset)
    # "she said" is not the man the article calls "he" (nor "he said" the woman): with no
    # one else in view, the speaker is someone the parse did not name, and stays unnamed
    agreeing = [c for c in candidates
                if pronoun is None or context.genders.get(c[2], pronoun) == pronoun]
    # the outlet's own reporter asks ("Our reporter Dan Ferris has been speaking to Priya
    # Deverill ... 'I had eleven patients,' she told him"): another person in view speaks
    guests = [c for c in agreeing if not context.is_staff(c[2])]
    return min(guests or agreeing)[2] if agreeing else None


def _beside_a_name(context: _Article, token: Token) -> bool:
    """A name the parse sets beside another person's name ("Bob Grant, one of the consultants
    brought in by the DA at the time, Hunter, told ..."): the sentence's subject is the first
    name, and the second is no one the story turns to (a misparse, or the same person)."""
    if token.dep_ != "appos":
        return False
    head = context.mention_of.get(token.head.i)
    return head is not None and head.label == "PERSON" and head.end_token - 1 != token.i


def _unnamed_speakers(context: _Article, start: int, end: int) -> list[tuple[bool, int, str]]:
    """People in focus that the article does not name: the subject of a speech verb in a main
    clause whose noun is a role, an office or a title this article writes onto a name ('A
    spokesman for the board said ... He also wrote'), as 'he'/'she' candidates; the name is
    what the role resolves to, else the role phrase."""
    roles = set().union(*PERSON_ROLES, *(_title_words(context.doc, m) for m in context.people))
    found = []
    for i in context.token_range(start, end):
        token = context.doc[i]
        if (token.dep_ != "nsubj" or token.pos_ != "NOUN" or token.tag_ != "NN"
                or i in context.quoted or i in context.mention_of
                or token.lemma_.lower() not in roles or not _is_speech_verb(token.head)
                or _in_reported_speech(token) or _subordinate(token.head)):
            continue
        name = _name_of(context, token)
        if name:
            found.append((False, -token.idx, name))
    return found


def _is_subject(token: Token) -> bool:
    """A name that is its clause's subject, or set beside the subject ('chief technology
    officer Rafael Quintanilha has been speaking': the name is the subject's apposition).
    The small parser hangs a name set off after a long subject on the phrase's last noun
    ("the leader of the party in Parliament, Fausto Bertinotti, seems ...": on
    "Parliament"): the name is still the subject's."""
    top = _above_appositions(token)
    if top.dep_ in SUBJECT_DEPS:
        return True
    if top is token:
        return False
    for _ in range(MAX_PHRASE_CLIMB):
        if top.dep_ not in ("pobj", "prep"):
            break
        top = top.head
    return top.dep_ in SUBJECT_DEPS and top.pos_ == "NOUN"


def _above_appositions(token: Token) -> Token:
    """The noun a name is set beside ("14:05 - The officer Rafael Quintanilha": appositions
    in a row), or the name itself."""
    for _ in range(MAX_APPOSITIONS):
        if token.dep_ != "appos":
            break
        token = token.head
    return token



def _lookback_start(context: _Article, offset: int) -> int:
    """Where a pronoun at `offset` looks back to: PRONOUN_LOOKBACK_SENTENCES sentences, not
    counting those inside a quotation (a quote of three sentences before '..., she said'
    hides nobody who could be 'she')."""
    here = context.sentence_of(offset)
    counted = 1
    while here > 0 and counted < PRONOUN_LOOKBACK_SENTENCES:
        here -= 1
        if not _inside_quotation(context, here):
            counted += 1
    return context.sentences[here].start


def _inside_quotation(context: _Article, index: int) -> bool:
    sentence = context.sentences[index]
    tokens = [i for i in context.token_range(sentence.start, sentence.end)
              if context.doc[i].is_alpha]
    return bool(tokens) and all(i in context.quoted for i in tokens)


def _subordinate(verb: Token) -> bool:
    """A verb of a subordinate clause (so attached, or opened by "before", "as", "when"...)
    that trails its main clause: "..., he said, before Varga moved on". A fronted one sets the
    topic the main clause goes on with ("When Ruiz heard of it, she insisted ...")."""
    trailing = verb.dep_ == "ROOT" or verb.i > verb.head.i
    return trailing and (verb.dep_ in _SUBORDINATE or any(c.dep_ == "mark" for c in verb.children))


def _resolve_it(context: _Article, offset: int,
                labels: tuple[str, ...] = ("ORG", "GPE")) -> str | None:
    """'it said' / 'its statement read' -> the organisation named last within the last
    PRONOUN_LOOKBACK_SENTENCES, a grammatical subject first ("YouTube removed the videos.
    ... It said ..."): what speaks as "it" in news is a company, body or government."""
    lookback = _lookback_start(context, offset)
    candidates = []
    for mention in context.mentions:
        if mention.label in labels and lookback <= mention.start \
                and mention.end <= offset:
            token = context.doc[mention.end_token - 1]
            if token.i in context.quoted:
                continue  # a name inside a quotation is what was said, not who said it
            focus = token.dep_ in SUBJECT_DEPS and not _in_reported_speech(token)
            candidates.append((not focus, -mention.start, mention.text))
    candidates += _unnamed_bodies(context, lookback, offset)
    return min(candidates)[2] if candidates else None


def _unnamed_bodies(context: _Article, start: int, end: int) -> list[tuple[bool, int, str]]:
    """Organisations in focus that the sentence describes without naming: the subject of a
    main clause that is a noun for a body with a word of its own ("The ruling party accused
    U.S. policy-makers of ... '...,' it added": the party speaks, not the Khmer Rouge named as
    the object), as 'it' candidates: the named organisation whose name has that noun ("the
    Cambodian People's Party"), else the phrase. A bare "the company" refers back to the
    organisation named before, which is a candidate already."""
    found = []
    for i in context.token_range(start, end):
        token = context.doc[i]
        if (token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN"
                and token.lemma_.lower() in lang.ORGANISATION_NOUNS
                and any(c.dep_ in ("amod", "compound") for c in token.children)
                and i not in context.quoted and i not in context.mention_of
                and not _in_reported_speech(token) and not _subordinate(token.head)):
            found.append((False, -token.idx, _body_named(context, token) or _phrase_text(token)))
    return found


def _body_named(context: _Article, noun: Token) -> str | None:
    """The organisation named before `noun` whose name holds it ("party" in "Cambodian
    People's Party"), the latest first; not one named inside a quotation ('"... a member of
    Joint Task Force 2 hit a target ...," the force said': the unit the statement is about)."""
    word = noun.lemma_.lower()
    names = [m.text for m in context.mentions if m.label == "ORG" and m.end <= noun.idx
             and word in m.text.lower().split() and m.first_token not in context.quoted]
    return names[-1] if names else None


def _speech_verbs_back(context: _Article, start: int, token: Token) -> Iterator[Token]:
    """The speech verbs outside quotations from character `start` up to `token`, the latest
    first."""
    for verb in reversed(context.doc[context.token_range(start, token.idx).start:token.i]):
        if _is_speech_verb(verb) and verb.i not in context.quoted:
            yield verb


def _last_speaker_of_it(context: _Article, token: Token) -> str | None:
    """'it added' where no organisation is named: the subject of the last speech verb before
    it, when that is a noun phrase that is no person ("The Korvan coalition said in a
    statement ... The strikes '...,' it added")."""
    for verb in _speech_verbs_back(context, _lookback_start(context, token.idx), token):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        mention = context.mention_of.get(subject.i)
        if (mention is not None and mention.label == "PERSON") or subject.ent_type_ == "PERSON":
            return None  # a person said it before: "it" is not that person
        return _name_of(context, subject)
    return None


def _organisation_as_they(context: _Article, token: Token) -> str | None:
    """'In a statement, Carnival told Inside Edition ... However, they say it "..."': a
    company spoken of as "they" right after it spoke. Only an organisation named as the
    subject of the last speech verb, in this sentence or the one before: "they" is most
    often people."""
    start = context.sentences[max(context.sentence_of(token.idx) - 1, 0)].start
    for verb in _speech_verbs_back(context, start, token):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        mention = context.mention_of.get(subject.i)
        return mention.text if mention is not None and mention.label == "ORG" else None
    return None


def _unlabelled_body(context: _Article, offset: int) -> str | None:
    """A last resort for 'it says': the latest subject of a main clause within the look-back
    that is a capitalised proper noun NER left untagged and no person's name in the article
    ("Facebook has always banned pornography ... '...,' it says", with "Facebook" untagged).
    A word the article tags as a person's more often than as an organisation's is a person."""
    labels = Counter((word, m.label) for m in context.mentions
                     if m.label in ("PERSON", "ORG") for word in m.text.split())
    span = context.token_range(_lookback_start(context, offset), offset)
    for token in reversed(context.doc[span.start:span.stop]):
        if (token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.text[:1].isupper()
                and not token.ent_type_ and token.i not in context.quoted
                and token.i not in context.mention_of
                and labels[token.text, "PERSON"] <= labels[token.text, "ORG"]
                and not _in_reported_speech(token) and not _subordinate(token.head)):
            return _phrase_text(token)
    return None


def _unlabelled_people(context: _Article, start: int, end: int) -> list[tuple[bool, int, str]]:
    """Names NER did not tag, as a last resort for 'he'/'she': two or more capitalised proper
    nouns that are the subject of a clause and no organisation or place ('Ana Ruiz, the club's
    coach, was furious.')."""
    found = []
    for token in context.doc[context.token_range(start, end).start:
                             context.token_range(start, end).stop]:
        if (token.dep_ not in SUBJECT_DEPS or token.pos_ != "PROPN" or token.i in context.quoted
                or token.i in context.mention_of or _in_reported_speech(token)):
            continue
        names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text[:1].isupper() and c.i not in context.mention_of]
        if names and token.text[:1].isupper():
            found.append((False, -token.idx, token.doc[names[0].i:token.i + 1].text))
    return found


def _in_reported_speech(token: Token, quoted: set[int] | frozenset[int] = frozenset()) -> bool:
    """Inside what a speech verb reports, however deep: in 'Moult said the brigade would go
    on, as Pell would have wanted' Pell is part of what Moult said. A clause outside a
    quotation that the parse hangs on a verb inside it (`quoted`: the quotations' tokens) is
    not reported by it: in 'Pinnell was adamant: "I don't know ...," he said', "was" under the
    quote's "know" is a misparse, and Pinnell is who speaks."""
    node = token.head
    for _ in range(MAX_GOVERNOR_DEPTH):
        if node.head.i == node.i or (node.i in quoted and token.i not in quoted):
            return False
        if node.dep_ == "ccomp" and _is_speech_verb(node.head):
            # 'Jesse reiterated it in a statement: "...," he said': the parse hangs the clause
            # before a quotation on the verb after it; what "he said" reports is the quote
            return not (quoted and node.i < node.head.i
                        and any(i in quoted for i in range(node.i + 1, node.head.i)))
        node = node.head
    return False


def _resolve_role(context: _Article, token: Token) -> str | None:
    """'the Ukrainian envoy' -> the person this article introduced as Ukraine's envoy."""
    head = token.lemma_.lower()
    roles = [r for r in PERSON_ROLES if head in r]
    nationalities = {_stem(c.text) for c in token.children
                     if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.text[:1].isupper()}
    indefinite = any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another"}
                     for c in token.children)
    if indefinite and token.tag_ not in {"NNS", "NNPS"}:
        return None  # "a nurse wrote", "another nurse noted": someone not named, on purpose
    if not roles:
        titled = [m for m in context.people if head in _title_words(context.doc, m)
                  and m.start < token.idx]
        if titled and token.tag_ not in {"NNS", "NNPS"}:
            return context.full_name(titled[-1].text)  # 'the judge' after 'Judge Ana Ruiz'
        described = _described_as(context, token, {head}, nationalities) \
            if head.endswith(lang.PERSON_SUFFIXES) and head not in lang.ORGANISATION_NOUNS \
            else None
        if described is not None:  # 'the lawyer added' after 'His lawyer, Ilinca Moraru,'
            return described
        named = _resolve_organisation(context, token, nationalities)
        if named is None and head in lang.ORGANISATION_NOUNS and not nationalities \
                and token.tag_ not in {"NNS", "NNPS"}:
            # "the company said": the organisation in focus, as for "it said"
            return _resolve_it(context, token.idx, labels=("ORG",))
        return named
    return _described_as(context, token, set().union(*roles), nationalities)


def _described_as(context: _Article, token: Token, synonyms: set[str],
                  nationalities: set[str]) -> str | None:
    """The person the article describes with one of `synonyms` (and the nationalities)
    next to their name, named last before `token` (else first after its sentence)."""
    if token.tag_ in {"NNS", "NNPS"}:
        return None  # "the two party leaders wrote": several people, keep the phrase
    # "the opposition leader" is not the country's leader: a noun before the role (not an
    # adjective such as "former") must be written around the person too
    kinds = {c.lower_ for c in token.children
             if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()}
    fitting = {name for name, words in context.descriptors.items()
               if words & synonyms and nationalities <= words and kinds <= words}
    if not fitting:
        return None
    mentions = [m for m in context.people if context.full_name(m.text) in fitting]
    before = [m for m in mentions if m.start < token.idx]
    # a person named later in the same sentence is the listener ("the director told film
    # critic Ann Ruiz"), not who the role stands for
    here = context.sentence_of(token.idx)
    later = [m for m in mentions if context.sentence_of(m.start) != here]
    chosen = before[-1] if before else (later[0] if later else None)
    return context.full_name(chosen.text) if chosen else None


def _title_words(doc: Doc, mention: Mention) -> set[str]:
    """Lemmas of the title written onto a name: 'District Judge Ana Ruiz' -> district, judge;
    'Ana Ruiz, the club's coach,' -> coach."""
    words = set()
    i = mention.first_token - 1
    while i >= 0 and doc[i].dep_ in {"compound", "amod", "nmod"} \
            and i < doc[i].head.i < mention.end_token:
        words.add(doc[i].lemma_.lower())
        i -= 1
    last = doc[mention.end_token - 1]
    words.update(c.lemma_.lower() for c in last.children if c.dep_ == "appos")
    return words


def _resolve_organisation(context: _Article, token: Token,
                          nationalities: set[str]) -> str | None:
    """'the ministry said' -> the ministry named last before, when its nationality fits (else
    the first named after); one that writes the noun as the subject does before one that
    only shares its lemma: "the forces said" is the Armed Forces, not a Task Force."""
    head = token.lemma_.lower()
    fitting = []
    for mention in (m for m in context.mentions if m.label == "ORG"):
        tokens = context.doc[mention.first_token:mention.end_token]
        words = {word for t in tokens for word in _descriptor_words(t)}
        if (head in words or token.lower_ in words) and nationalities <= words:
            fitting.append((mention, token.lower_ in words))
    before = [(m, same) for m, same in fitting if m.start < token.idx]
    ranked = sorted(reversed(before), key=lambda pair: not pair[1]) \
        + [(m, same) for m, same in fitting if m.start >= token.idx]
    return ranked[0][0].text if ranked else None


def _headline_speaker(context: _Article, span: QuoteSpan) -> str | None:
    """"'Enough is enough': UN Secretary-General António Guterres" -> the person after the colon."""
    text = context.text
    line_start, line_end = _line_around(text, span)
    if text[line_start:span.start].strip():
        return None
    if not _HEADLINE_TAIL.match(text[span.end:line_end]):
        return _credit_speaker(context, span.end, line_end)
    for mention in context.people:
        if span.end <= mention.start < line_end:
            return context.full_name(mention.text)
    return None


def _credit_speaker(context: _Article, start: int, end: int) -> str | None:
    """A pull quote credited on its own line with no mark between: '"We weren't going to
    leave." Sgt. Ana Ruiz, Harbour Police Department': a short tail without a verb that opens
    with a person's name (titles allowed)."""
    tokens = [context.doc[i] for i in context.token_range(start, end)]
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > MAX_CREDIT_WORDS or any(t.pos_ in ("VERB", "AUX")
                                                          for t in words):
        return None
    for mention in context.people:
        if start <= mention.start < end and all(t.i >= mention.first_token or
                                                t.is_punct or t.is_title for t in tokens
                                                if t.idx < mention.start):
            return context.full_name(mention.text)
    return None


def _signed_speaker(context: _Article, span: QuoteSpan) -> str | None:
    """A quotation set as an epigraph, signed on the next line: '"...".' then '— Carroll
    Quigley, historian': the person named right after the dash."""
    tail = _SIGNATURE.match(context.text, span.end)
    if tail is None:
        return None
    for mention in context.people:
        if tail.end() <= mention.start <= tail.end() + 1:
            return context.full_name(mention.text)
    name = _SIGNED_NAME.match(context.text, tail.end())  # a name NER did not tag
    return name.group(1) if name else None


def _stands_alone(context: _Article, span: QuoteSpan, region: tuple[int, int]) -> bool:
    """No words outside the quote in the sentences it starts and ends in."""
    outside = context.text[region[0]:span.start] + context.text[span.end:region[1]]
    return not re.search(r"[^\W_]", outside)


def _inherited_speaker(context: _Article, first: int, earlier: list[_Found]) -> str | None:
    """A quote on its own continues the quote just before it, or the speech of the sentence
    before it ('Zelensky said he was sceptical. "..."')."""
    if earlier and earlier[-1].end_sentence >= first - 1:
        return earlier[-1].speaker
    if first == 0:
        return None
    previous = context.sentences[first - 1]
    for i in context.token_range(previous.start, previous.end):
        token = context.doc[i]
        if i not in context.quoted and _is_speech_verb(token):
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subjects and (name := _name_of(context, subjects[0])):
                return name
    lead_in = _lead_in_subject(context, previous)
    if lead_in is None and earlier and _interview_goes_on(context, earlier[-1], first):
        return earlier[-1].speaker
    return lead_in


def _interview_goes_on(context: _Article, last: _Found, first: int) -> bool:
    """A feature quoting one person at length sets a line of narration between the quote
    paragraphs ('The Hoover Dam provides water for Las Vegas.'): a quote on its own after at
    most INTERVIEW_GAP_SENTENCES of narration in which nobody else is named or speaks is the
    same speaker's."""
    if last.speaker is None or not 0 < first - 1 - last.end_sentence <= INTERVIEW_GAP_SENTENCES:
        return False
    if last.speaker not in context.descriptors:  # the people the article names
        return False  # an office or a document quoted ('Police noted ... as: "..."')
    start = context.sentences[last.end_sentence + 1].start
    end = context.sentences[first - 1].end
    between = context.token_range(start, end)
    if any(i in context.quoted or _is_speech_verb(context.doc[i]) for i in between):
        return False  # someone speaks in between ('"No, no," I'd protest.')
    # the narration is about someone else: a name the tagger missed as the subject ("Trump
    # will turn 70 on June 14, but he shows no sign of fatigue")
    speaker_words = set(last.speaker.split())
    if any(context.doc[i].dep_ in SUBJECT_DEPS and context.doc[i].text not in speaker_words
           and _may_speak(context.doc[i]) for i in between):
        return False
    return all(context.full_name(m.text) == last.speaker for m in context.mentions
               if m.label in ("PERSON", "ORG") and start <= m.start < end)


def _may_speak(subject: Token) -> bool:
    """A subject that names someone who could be quoted: a person or an organisation, or a
    proper noun the tagger left untagged, unless it takes "the" ("The Hoover Dam provides
    water for Las Vegas": a thing; a person's name takes no article). A place, a work or an
    event the tagger knows is no one."""
    if subject.ent_type_ in ("PERSON", "ORG"):
        return True
    if subject.ent_type_:
        return False
    return subject.pos_ == "PROPN" and not _has_determiner(subject, ("the",))


def _lead_in_subject(context: _Article, previous: Sentence) -> str | None:
    """A quote set as its own paragraph right after a sentence about a named actor ('In its
    reply, the Roads Council defended its budget. "..."') carries that actor's words: the
    named subject of the sentence's main verb (active, and not itself quoted)."""
    roots = {context.doc[i].sent.root for i in context.token_range(previous.start, previous.end)
             if not context.doc[i].is_space}
    for root in roots:
        if root.idx < previous.start or root.i in context.quoted or _is_passive(root):
            continue
        for subject in (c for c in root.children if c.dep_ == "nsubj"):
            mention = context.mention_of.get(subject.i)
            if mention is not None and mention.label in {"PERSON", "ORG"} \
                    and subject.i not in context.quoted:
                return _name_of(context, subject)
    return None
