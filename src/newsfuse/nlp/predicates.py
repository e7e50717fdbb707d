"""Predicates of each sentence from the spaCy parse: the verb lemma, whether it is denied, and
the named actor and target ("Velmora paid", "signed Ferraz").

Two sentences close in words may still say opposite things ("no one was killed" / "two were
killed") or the same thing of different actors ("Velmora paid" / "Santa Elvira paid"); the
alignment (`align.py`) reads these records so such pairs are not taken as support.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsfuse.model import Predicate, Sentence
from newsfuse.nlp.dates import FUTURE_AUXILIARIES, INTENT_VERBS

# Verbs that carry no content of their own: their polarity is the polarity of their
# complement ("was not a cyberattack" denies the cyberattack, not being).
LIGHT_VERBS = {"be", "have", "do", "get", "make", "take", "say", "tell"}
# Determiners and pronouns that deny what they attach to ("no fatalities", "nobody died").
_DENYING = {"no", "nobody", "none", "nothing", "neither", "nor", "never", "noone"}
_SUBJECTS = {"nsubj", "csubj"}
_NOT_CLAIMS = {"aux", "auxpass", "amod", "compound"}
_OBJECTS = {"dobj", "nsubjpass", "obj"}


def extract_predicates(doc: Doc, sentences: list[Sentence]) -> list[Predicate]:
    """Every content verb, and every noun a 'no' denies, with the sentence it is in."""
    body = [s for s in sentences if not s.caption]
    starts = [s.start for s in body]
    found = []
    for token in doc:
        if not body:
            break
        # Participles used as adjectives ("never-before-seen video") describe, not claim.
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.dep_ in _NOT_CLAIMS:
            continue
        predicate = _predicate(token)
        if predicate is None:
            continue
        lemma, negated, agent, patient = predicate
        sentence = body[max(bisect_right(starts, token.idx) - 1, 0)].index
        found.append(Predicate(sentence=sentence, start=token.idx, lemma=lemma, negated=negated,
                               agent=agent, patient=patient,
                               time=_time(token) if token.pos_ != "NOUN" else ""))
    return found


def _predicate(token: Token) -> tuple[str, bool, str | None, str | None] | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        # A noun is a predicate only when denied ("there were no fatalities"); a denied
        # subject ("no one was killed") denies its verb instead.
        if token.dep_ in _SUBJECTS | {"nsubjpass"} or not _denied_noun(token):
            return None
        return lemma, True, None, None
    if lemma in LIGHT_VERBS:
        # Its complement carries the claim: "was not a cyberattack" -> cyberattack denied.
        complement = next((c for c in token.children if c.dep_ in ("attr", "dobj", "acomp")
                           and c.pos_ in ("NOUN", "ADJ")), None)
        if complement is None or not _denied_verb(token):
            return None
        return complement.lemma_.lower(), True, None, None
    if not any(c.dep_ in _SUBJECTS | {"nsubjpass", "expl"} for c in token.children):
        # A verb the parse gives no subject is often misattached ("... and no panic button
        # was activated" read as a conjoined noun): its polarity is not to be trusted. A
        # denied infinitive is plain: "would meet the president, though not to offer his
        # resignation" denies the offer.
        if _denied_infinitive(token):
            return lemma, True, None, None
        if _time(token) == "ahead":
            return lemma, _denied_verb(token), None, None  # "threatened to lodge a motion"
        return None
    agent = next((_name(c) for c in token.children if c.dep_ in _SUBJECTS), None)
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    if by is not None:
        agent = next((_name(c) for c in by.children if c.dep_ == "pobj"), None)
    patient = next((_name(c) for c in token.children if c.dep_ in _OBJECTS), None)
    return lemma, _denied_verb(token), agent, patient


# Infinitives climbed to the verb whose time they share ("expected to meet to elect").
MAX_INFINITIVE_HOPS = 3
# Verbs whose infinitive tells what is planned, expected or threatened, not done: the date
# reader's verbs of intent, and those of an attempt or a refusal ("failed to pass").
_INTENT = INTENT_VERBS | {"likely", "try", "attempt", "propose", "offer", "refuse", "fail"}


def _time(verb: Token, depth: int = 0) -> str:
    """'done' for a past or perfect tense ('elected', 'has lodged', 'was elected'), 'ahead'
    for a future, conditional or modal, or an infinitive of intent ('will elect', 'would
    offer', 'is expected to elect'), else ''. A verb told as done is not supported by one
    told as ahead: a story written before a vote only forecasts it."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # the auxiliaries of what is not (yet) done: the future, the conditional, the modals
    if any(a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries) or _intended(verb):
        return "" if any(a.lemma_ == "have" for a in auxiliaries) else "ahead"
    if any(a.lower_ == "to" for a in auxiliaries) and verb.head is not verb \
            and verb.head.pos_ in ("VERB", "AUX") and depth < MAX_INFINITIVE_HOPS:
        # "is expected to meet Thursday to elect Lahoud": an infinitive's time is its verb's
        return "ahead" if _time(verb.head, depth + 1) == "ahead" else ""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" and a.tag_ in
                                 ("VBZ", "VBP", "VBD") for a in auxiliaries):
        return "done"
    return ""


def _intended(verb: Token) -> bool:
    """An infinitive under a verb of intent: 'threatened to lodge', 'is expected to elect'."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _denied_infinitive(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _denied_verb(verb: Token) -> bool:
    """'did not pay', 'never paid', 'no one was killed', 'nobody died'."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in _DENYING:
            return True
        if child.dep_ in _SUBJECTS | {"nsubjpass"} and _denied_noun(child):
            return True
    return False


def _denied_noun(noun: Token) -> bool:
    return noun.lower_ in _DENYING or any(
        c.dep_ == "det" and c.lower_ in _DENYING for c in noun.children)


def _name(token: Token) -> str | None:
    """The proper name a subject or object is ('AC Velmora'), else None."""
    if token.pos_ != "PROPN":
        return None
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(w.text for w in sorted([*words, token], key=lambda t: t.i))
