"""Propositions: each clause of a sentence as a statement of its own, read off the parse.

News packs several facts into one sentence ("Emergency crews moved 3,800 people out as the
river spilled over the wall, officials said"). Another outlet states one of them on its own,
so the alignment compares clauses. Punctuation cuts (`align.split_parts`) miss a clause joined
without a comma and keep appositives and attribution in; here every verb with its own subject
becomes one proposition, without
  - the clauses embedded in it (adverbial, complement, non-restrictive relative clauses and
    conjoined verbs with a subject of their own: each is its own proposition),
  - appositives ("Treloar, the 61-year-old managing director, was acquitted") and phrases
    set off by commas ("The town, with 84,000 people, will become ..."),
  - attribution ("according to the agency"; a verb of saying whose complement is the claim),
and a relative clause keeps the noun it describes ("the fire, which was ignited by lightning").
Words are kept as written, so a proposition can be quoted back from its article.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsfuse.model import Proposition, Sentence

_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Children cut out whole: clauses of their own and asides.
_EMBEDDED = {"appos", "parataxis", "advcl", "ccomp", "mark"}
# Words that may open a relative clause as its subject ("which was ignited").
_RELATIVE_PRONOUNS = {"WDT", "WP"}
# Modifiers shown with the noun a relative clause describes ("the old dam, which ...").
_NOUN_MODIFIERS = {"det", "compound", "amod", "poss", "nummod"}
# A proposition needs this many words to say anything ("Two people died").
MIN_WORDS = 3


def extract_propositions(doc: Doc, sentences: list[Sentence]) -> list[Proposition]:
    """Every clause with a subject of its own, by the sentence it is in (captions left out)."""
    body = [s for s in sentences if not s.caption]
    starts = [s.start for s in body]
    found = []
    for token in doc:
        if not body or not _clause_head(token):
            continue
        sentence = body[max(bisect_right(starts, token.idx) - 1, 0)]
        words = [t for t in _words(token) if sentence.start <= t.idx < sentence.end]
        if len(words) >= MIN_WORDS:
            found.append(Proposition(sentence=sentence.index, start=words[0].idx,
                                     end=words[-1].idx + len(words[-1].text),
                                     text=_text(words), spans=_spans(words)))
    return found


def _clause_head(token: Token) -> bool:
    """A verb with a subject of its own whose clause makes a claim on its own."""
    if token.pos_ not in ("VERB", "AUX"):
        return False  # first: most tokens are not verbs, and their children cost a walk
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return False
    # "the time fake accounts were created" and "those who have access" describe; "Tolstedt,
    # who led the division" says something of Tolstedt
    if token.dep_ == "relcl" and (subjects[0].tag_ not in _RELATIVE_PRONOUNS
                                  or not _after_comma(token)):
        return False
    # a capitalised verb inside a sentence belongs to a title ("A Star Is Born")
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    # "no indication whether X", "asked if X": X is not claimed
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in token.children):
        return False
    # "... caretaker premier until a new government is formed": a present tense after a
    # conjunction of time tells what has not happened yet ("until the storm passed" has)
    if _is_present(token) and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS
                                  for c in token.children):
        return False
    # "nor did he believe that X", "she did not say X": X is denied or left open
    if _under_denied_verb(token):
        return False
    # "Chile's claim that the dictator has immunity", "rumours that the bank would close": a
    # clause that says what a claim, report or fear holds is not claimed by the writer
    if token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN" \
            and token.head.lemma_.lower() in _HEARSAY_NOUNS:
        return False
    # a verb with a subject of its own and no auxiliary is no statement when it is bare, a
    # subjunctive ("(the West wants) that Norland stop enriching": what someone asks for, not
    # what is), or a participle, an aside to another clause ("Aldham itself voting against by
    # a clear margin")
    if token.tag_ in ("VB", "VBG") and not any(c.dep_ in ("aux", "auxpass")
                                               for c in token.children):
        return False
    # "police said (that) X": X is the claim, said is attribution; and "a study shows X"
    # without X says nothing
    return not any(c.dep_ == "ccomp" for c in token.children)


_DENYING_WORDS = {"not", "never", "nor", "neither"}
# Nouns whose "that" clause tells what someone claims, reports, fears or hopes.
_HEARSAY_NOUNS = {"claim", "allegation", "assertion", "accusation", "charge", "belief",
                  "suggestion", "idea", "notion", "rumour", "rumor", "report", "fear", "hope",
                  "possibility", "speculation", "theory", "argument", "view", "impression",
                  "suspicion", "assumption", "prediction", "promise", "threat", "warning"}
_TIME_MARKS = {"until", "till", "before", "once", "when", "after", "as soon as"}
_PRESENT_TAGS = {"VBZ", "VBP"}


def _is_present(verb: Token) -> bool:
    """A present tense: of the verb, or of its first auxiliary ("is formed", "has met")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (auxiliaries[0] if auxiliaries else verb).tag_ in _PRESENT_TAGS


# Adverbs that disown what a verb of saying carries: "erroneously claimed that X".
_DISOWNING_WORDS = {"falsely", "erroneously", "wrongly", "mistakenly", "incorrectly"}
# Things that say something no one stands behind: "the tweet, which said that X".
_UNVOUCHED_SAYERS = {"tweet", "post", "message", "hoax", "rumour", "rumor"}


def _under_denied_verb(token: Token) -> bool:
    """The clause is the complement of a verb that is denied, however far up, or of one that
    says it falsely or through a tweet, a hoax or a rumour ("a tweet erroneously claimed that
    there were two explosions", "the tweet, which said that ...": both sources of a hacked
    account's story had the hoax listed as a fact they corroborate)."""
    while token.dep_ in ("ccomp", "xcomp"):
        token = token.head
        if any(c.dep_ == "neg" or c.lower_ in _DENYING_WORDS for c in token.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in _DISOWNING_WORDS for c in token.children):
            return True
        sayer = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if token.dep_ == "relcl" and (sayer is None or sayer.tag_ in _RELATIVE_PRONOUNS):
            sayer = token.head  # "the tweet, which said ...": the noun the clause describes
        if sayer is not None and sayer.lemma_.lower() in _UNVOUCHED_SAYERS:
            return True
        # "said X, nor did he believe Y": the "nor" hangs on the first of the joined verbs
        if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _DENYING_WORDS
                                        and c.i < token.i for c in token.head.children):
            return True
    return False


def _words(head: Token) -> list[Token]:
    """The clause's words in order, without what is cut out of it."""
    drop: set[int] = set()
    verbs_joined = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in head.children)
    for child in head.children:
        if (child.dep_ in _EMBEDDED
                or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"))
                or (child.dep_ == "cc" and verbs_joined)
                or (child.dep_ == "prep" and child.lower_ == "according")):
            drop |= {t.i for t in child.subtree}
    for token in head.subtree:
        if token.i in drop or token.i == head.i:
            continue
        # appositives and clauses set off by a comma or a bracket: "41m" read as an
        # appositive of "41" is a misparse, not an aside
        if token.dep_ in ("appos", "relcl", "acl") and _after_comma(token) \
                or token.dep_ == "prep" and _set_off(token):
            drop |= {t.i for t in token.subtree}
    # in the order written: a subtree walks a non-projective parse out of order ("the area
    # where the girl was dangling and spoke", with "where" hung on "spoke")
    words = sorted((t for t in head.subtree if t.i not in drop), key=lambda t: t.i)
    words = _trim(words)
    # "when his car was swept off the road": the parse often hangs "when" / "where" on the
    # verb as an adverb, not as the clause's marker; read alone, the clause starts after it
    # ("why the engine cut out" presupposes that it did)
    if head.dep_ != "relcl":
        while words and words[0].tag_ == "WRB" and words[0].head.i == head.i:
            words.pop(0)
    if head.dep_ == "relcl" and words and words[0].tag_ in _RELATIVE_PRONOUNS \
            and words[0].dep_ in _SUBJECTS:
        # the noun it describes, as written before it ("Tahir al-Nuri, who leads the
        # delegation"): read alone, the clause says who does what
        noun = head.head
        described = sorted((t for t in noun.subtree
                            if t.i == noun.i or (t.i < noun.i and t.dep_ in _NOUN_MODIFIERS)),
                           key=lambda t: t.i)
        # the comma before the pronoun, not the brackets of an aside cut out between them
        # ("HPV (human papillomavirus), which ..." -> "HPV, which ...")
        between = [t for t in noun.doc[noun.i + 1:words[0].i]
                   if t.is_punct and t.text not in _BRACKETS][-1:]
        words = described + between + words
    return _balanced(words)


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_OPENING_OF = {close: opening for opening, close in _BRACKETS.items()}


def _balanced(words: list[Token]) -> list[Token]:
    """Without a bracket whose partner was cut away ('churns over] really stupid stuff')."""
    unmatched: set[int] = set()
    open_at: list[Token] = []
    for token in words:
        if token.text in _BRACKETS:
            open_at.append(token)
        elif token.text in _OPENING_OF:
            if open_at and open_at[-1].text == _OPENING_OF[token.text]:
                open_at.pop()
            else:
                unmatched.add(token.i)
    unmatched |= {t.i for t in open_at}
    return [t for t in words if t.i not in unmatched]


def _set_off(token: Token) -> bool:
    """Between two commas: an aside ("The municipality, with a population of 84,000, will
    become ..."); a phrase after a comma that ends the clause may carry its point."""
    last = token.right_edge.i
    return _after_comma(token) and last + 1 < len(token.doc) \
        and token.doc[last + 1].text == ","


def _after_comma(token: Token) -> bool:
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text in (",", "(", "—", "–")


def _trim(words: list[Token]) -> list[Token]:
    """Without punctuation and conjunctions at the edges, nor commas beside a cut."""
    kept = {t.i for t in words}
    words = [t for t in words if not (t.is_punct and t.text in ",—–-()[]"
                                      and not (t.i - 1 in kept and t.i + 1 in kept))]
    while words and (words[0].is_punct or words[0].dep_ in ("cc", "mark")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    return words


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?"}


def _text(words: list[Token]) -> str:
    """The words as written, one space where a cut joins two pieces."""
    out = []
    for k, token in enumerate(words):
        out.append(token.text)
        if k + 1 < len(words):
            after = words[k + 1]
            out.append(token.whitespace_ if after.i == token.i + 1
                       else "" if after.text in _NO_SPACE_BEFORE else " ")
    return "".join(out)


def _spans(words: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of runs of adjacent words."""
    spans: list[tuple[int, int]] = []
    for k, token in enumerate(words):
        end = token.idx + len(token.text)
        if k and words[k - 1].i == token.i - 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((token.idx, end))
    return spans
