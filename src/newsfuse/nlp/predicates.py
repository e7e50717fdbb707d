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
                               agent=agent, patient=patient))
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
        return None
    agent = next((_name(c) for c in token.children if c.dep_ in _SUBJECTS), None)
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    if by is not None:
        agent = next((_name(c) for c in by.children if c.dep_ == "pobj"), None)
    patient = next((_name(c) for c in token.children if c.dep_ in _OBJECTS), None)
    return lemma, _denied_verb(token), agent, patient


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
