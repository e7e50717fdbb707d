"""Facts stated by two or more independent sources, read off the alignment."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from newsfuse.align import Alignment, figures_of
from newsfuse.model import CorroboratedFact
from newsfuse.script import word_count
from newsfuse.segment import leans_back
from newsfuse.synthesize.conflicts import Agreement

# Fragments shorter than this ("He said.", datelines) are not facts worth listing.
MIN_FACT_WORDS = 6
# A clause on its own says less than a sentence: "Two people died" is a fact.
MIN_PROPOSITION_WORDS = 3
MAX_FACTS = 20
# Two candidate facts sharing one sentence are one fact told twice when their wordings are
# this close (MiniLM cosine); below it they are two facts of one long sentence.
SAME_FACT_COSINE = 0.6
# A figure that independent sources give alike for one quantity (`conflicts.Agreement`: a
# toll, a precise count, an amount, a day) is a fact they corroborate ("Two people died" /
# "Two deaths have been confirmed"); a small count of anything only when their sentences
# also echo each other (support from `support_score`). It is shown as the shortest member
# sentence when that is little more than the figure (up to this many words), else as the
# shortest clause holding the figure (one read off the parse before a punctuation cut), else
# not at all: a long sentence around a shared figure says more than the sources share.
AGREEMENT_SENTENCE_WORDS = 14


@dataclass
class _Candidate:
    part: int
    members: dict[str, int]  # article id -> sentence index stating the fact
    count: int
    score: float


def corroborated_facts(alignment: Alignment, excluded: set[tuple[str, int]] | None = None,
                       agreements: list[Agreement] | None = None) -> list[CorroboratedFact]:
    """Parts of sentences stated by 2+ independent voices, most voices first, each fact once,
    then the figures they give alike (`agreements`) that no listed fact holds yet.

    `excluded` sentences (quote fragments without their speaker) may confirm a fact but are
    never shown as its wording.
    """
    excluded = excluded or set()
    facts = _stated_facts(alignment, excluded)
    for agreement in agreements or []:
        if len(facts) >= MAX_FACTS:
            break
        fact = _agreed_fact(alignment, agreement, excluded)
        if fact is None or any(_holds(old, fact) for old in facts):
            continue
        same = next((k for k, old in enumerate(facts) if old.text == fact.text), None)
        if same is None:
            facts.append(fact)
        else:  # one wording of two agreements (a and b, b and c): one fact of all three
            sources = sorted(set(facts[same].sources) | set(fact.sources))
            facts[same] = CorroboratedFact(text=fact.text, sources=sources,
                                           count=alignment.independent_count(sources),
                                           stated_in={**facts[same].stated_in,
                                                      **fact.stated_in})
    return facts


def _stated_facts(alignment: Alignment,
                  excluded: set[tuple[str, int]]) -> list[CorroboratedFact]:
    chosen: list[_Candidate] = []
    for candidate in sorted(_candidates(alignment), key=lambda c: (-c.count, -c.score, c.part)):
        if not any(_same_fact(alignment, candidate, other) for other in chosen):
            chosen.append(candidate)
    members: dict[str, dict[str, int]] = {}
    for candidate in chosen:
        found = _shown_text(alignment, candidate, excluded)
        if found is None:
            continue
        shown, stating = found
        # Two candidates shown in one wording are one fact: its sources are both's. A cited
        # source must state every figure of the wording: "evacuated more than 3,000 residents"
        # is not cited to a source that only says the villages were evacuated.
        merged = {**members.get(shown, {}), **stating}
        members[shown] = _giving(alignment, merged, figures_of(shown))
        if len(members) == MAX_FACTS:
            break
    facts = []
    for shown, stating in members.items():
        sources = sorted(stating)
        count = alignment.independent_count(sources)
        if count >= 2:
            facts.append(CorroboratedFact(text=shown, sources=sources, count=count,
                                          stated_in={doc: stating[doc] for doc in sources}))
    return facts


def echoed_figures(alignment: Alignment,
                   figures: dict[tuple[str, int], list[tuple[str, float, str]]]) -> list[Agreement]:
    """Days two independent sources give alike in sentences that echo each other (support
    from `support_score`, under `cite_score`): "A cool change is expected on Friday" /
    "Forecasters expect cooler conditions by Friday". The figure linker of `conflicts` asks
    more of a day than of other figures (one verb and a shared noun, or close surroundings,
    as days are stated all over an event); here the sentences' echo is the second signal.
    Other figures keep to the linker: with them too, the 15 judged real clusters got 5 facts,
    2 of them wrong. `figures`: (article id, sentence index) -> distinctive figures as
    (kind, value, phrase)."""
    found: dict[tuple, Agreement] = {}
    for p, support in enumerate(alignment.support):
        part = alignment.parts[p]
        if part.proposition:
            continue
        mine = alignment.sentences[part.sentence]
        own = [f for f in figures.get((mine.doc_id, mine.index), [])
               if f[0] == "date" and f[2] in part.text]
        for doc, s in support.items():
            theirs = alignment.sentences[s.sentence]
            if s.score >= alignment.cite_score \
                    or alignment.voice(doc) == alignment.voice(mine.doc_id):
                continue
            for kind, value, phrase in own:
                match = next((f for f in figures.get((doc, theirs.index), [])
                              if f[:2] == (kind, value)), None)
                if match is not None:
                    key = (kind, value, mine.doc_id, mine.index, doc, theirs.index)
                    found.setdefault(key, Agreement(value=value, stated={
                        mine.doc_id: (mine.index, phrase), doc: (theirs.index, match[2])}))
    return list(found.values())


def _agreed_fact(alignment: Alignment, agreement: Agreement,
                 excluded: set[tuple[str, int]]) -> CorroboratedFact | None:
    """The fact of a figure given alike, in the first wording whose other figures its
    sources all state too."""
    members = {doc: at for doc, (index, _) in agreement.stated.items()
               if (at := alignment.position(doc, index)) is not None}
    if not agreement.distinctive:
        echoed = {doc for doc, i in members.items() for other, j in members.items()
                  if alignment.voice(other) != alignment.voice(doc)
                  and _echoes(alignment, i, other, j)}
        members = {doc: i for doc, i in members.items() if doc in echoed}
    if alignment.independent_count(list(members)) < 2:
        return None
    own = figures_of(" ".join(phrase for _, phrase in agreement.stated.values()))
    for shown in _agreement_wordings(alignment, members, agreement, excluded):
        # every other figure of the wording must be in each cited sentence, as for stated facts
        sources = sorted(_giving(alignment, members, figures_of(shown) - own))
        count = alignment.independent_count(sources)
        if count >= 2:
            return CorroboratedFact(text=shown, sources=sources, count=count,
                                    stated_in={doc: members[doc] for doc in sources})
    return None


def _echoes(alignment: Alignment, i: int, other: str, j: int) -> bool:
    """A part of sentence `i` is supported by sentence `j` of article `other` (any score the
    alignment keeps, i.e. from `support_score`), or a part of `j` by `i`."""
    own = alignment.sentences[i].doc_id
    return any((found := alignment.support[p].get(other)) is not None and found.sentence == j
               for p in alignment.parts_of(i)) or any(
        (found := alignment.support[p].get(own)) is not None and found.sentence == i
        for p in alignment.parts_of(j))


def _agreement_wordings(alignment: Alignment, members: dict[str, int], agreement: Agreement,
                        excluded: set[tuple[str, int]]) -> list[str]:
    """Member sentences that are little more than the figure, shortest first; then the
    clauses holding the figure: read off the parse first, then punctuation cuts of a fact's
    length ("When fire tore through ..." is a clause, "On Thursday" is not)."""
    shown = [i for i in members.values()
             if (alignment.sentences[i].doc_id, alignment.sentences[i].index) not in excluded]
    texts = sorted((word_count(alignment.sentences[i].text), alignment.sentences[i].text)
                   for i in shown)
    wordings = [text for words, text in texts
                if words <= AGREEMENT_SENTENCE_WORDS and _reads_as_statement(text)]
    phrases = {agreement.stated[alignment.sentences[i].doc_id][1] for i in shown}
    # the parse's propositions (also those not aligned: nearly the whole sentence) before
    # punctuation cuts
    candidates = [(True, alignment.parts[p].text) for i in shown for p in alignment.parts_of(i)
                  if not alignment.parts[p].whole and not alignment.parts[p].proposition]
    candidates += [(False, text) for i in shown for text in alignment.statements.get(i, [])]
    clauses = sorted((cut, word_count(text), text) for cut, text in candidates
                     if word_count(text) >= (MIN_FACT_WORDS if cut else MIN_PROPOSITION_WORDS)
                     and any(phrase in text for phrase in phrases) and _reads_alone(text))
    wordings += [_as_sentence(text.rstrip(" .,;")) for *_, text in clauses]
    return list(dict.fromkeys(wordings))


# Words that make a clause subordinate ("When the dam gave way on Sunday") or join it to one
# before ("And colleagues conducted ..."), and relative pronouns after a noun ("The dam, which
# broke two days ago"): such a clause does not read as a statement on its own, so it is no
# wording for a fact.
_SUBORDINATORS = {"when", "while", "where", "as", "after", "before", "because", "since",
                  "although", "though", "if", "unless", "until", "once", "whether", "why",
                  "how", "that", "which", "who", "and", "but", "or", "nor",
                  # a list set off from its noun: "Including volunteers from Ardbrae, joined the
                  # search" is what is left when a figure's words are cut from the clause
                  "including", "such"}
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _reads_as_statement(text: str) -> bool:
    """A sentence a reader takes as a claim: not a question ("But where does his goal
    rank?"), not a line leading into what follows ("The Latest on the shooting (all times
    local):"), not a dash-led live-blog line, and not a piece of a quotation whose other end
    is in another sentence ('It was warm to the touch."')."""
    stripped = text.strip()
    if not stripped or stripped.endswith(("?", ":")) or stripped[0] in "—–-":
        return False
    if _in_capitals(stripped):
        return False  # a broadcast's transcript in capitals: "THAT FATHER WENT BEFORE A JUDGE"
    return stripped.count('"') % 2 == 0 and stripped.count("“") == stripped.count("”")


# Share of a sentence's letters in capitals above which it is set in capitals throughout.
CAPITALS_SHARE = 0.8


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_FACT_WORDS * 3 \
        and sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)


def _reads_alone(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0].lower().strip(",;:") not in _SUBORDINATORS \
        and not _RELATIVE.search(text)


def _holds(fact: CorroboratedFact, new: CorroboratedFact) -> bool:
    """A listed fact already states the new one: it cites its sources and holds its wording
    or gives its figure."""
    if not set(new.sources) <= set(fact.sources):
        return False
    return new.text.rstrip(".") in fact.text or bool(figures_of(new.text) & figures_of(fact.text))


def _shown_text(alignment: Alignment, candidate: _Candidate,
                excluded: set[tuple[str, int]]) -> tuple[str, dict[str, int]] | None:
    """Unless another source states all of its sentence firmly enough to be cited, a fact is
    shown as the clause read off the parse that every other source of it states: the whole
    sentence would list details no other source gives, or a fact only its own source has, as
    corroborated."""
    sentence_index = alignment.parts[candidate.part].sentence
    sentence = alignment.sentences[sentence_index]
    own = alignment.voice(sentence.doc_id)
    whole = any(alignment.voice(doc) != own for doc in alignment.matches[sentence_index])
    if not whole and (sentence.doc_id, sentence.index) not in excluded:
        others = [doc for doc in candidate.members if doc != sentence.doc_id]
        stated = [p for p in alignment.parts_of(sentence_index)
                  if alignment.parts[p].proposition
                  and word_count(alignment.parts[p].text) >= MIN_PROPOSITION_WORDS
                  # another clause that leans on what came before ("it was flying in a
                  # team") or hangs on a noun ("dogs, which are searching") says less than
                  # the fact's own clause ("and Carvel said it was flying in a team")
                  and (p == candidate.part or not leans_back(alignment.parts[p].text)
                       and not _RELATIVE.search(alignment.parts[p].text))
                  and all(_cited(alignment, p, doc) for doc in others)]
        if stated:
            best = max(stated, key=lambda p: (p == candidate.part, min(
                alignment.support[p][doc].score for doc in others)))
            return _as_sentence(alignment.parts[best].text.rstrip(" .")), candidate.members
    return _wording(alignment, candidate, excluded)


def _cited(alignment: Alignment, part: int, doc: str) -> bool:
    found = alignment.support[part].get(doc)
    return found is not None and found.score >= alignment.cite_score


def _candidates(alignment: Alignment) -> list[_Candidate]:
    found = []
    for p, support in enumerate(alignment.support):
        if not support or p in alignment.verbless:
            continue
        sentence = alignment.parts[p].sentence
        members = {alignment.sentences[sentence].doc_id: sentence}
        # A listed fact cites its sources: only support firm enough to cite counts (a
        # proposition's support is kept only from there, plus its margin: align._supports).
        members |= {doc: s.sentence for doc, s in support.items()
                    if s.score >= alignment.cite_score}
        count = alignment.independent_count(list(members))
        if count >= 2:
            found.append(_Candidate(part=p, members=members, count=count,
                                    score=float(np.mean([s.score for s in support.values()]))))
    return found


def _same_fact(alignment: Alignment, candidate: _Candidate, other: _Candidate) -> bool:
    shared = set(candidate.members.values()) & set(other.members.values())
    if len(shared) >= 2:
        return True
    if not shared:
        return False
    vectors = alignment.part_vectors
    return float(vectors[candidate.part] @ vectors[other.part]) >= SAME_FACT_COSINE


def _wording(alignment: Alignment, candidate: _Candidate,
             excluded: set[tuple[str, int]]) -> tuple[str, dict[str, int]] | None:
    """The member sentence other sources state most fully, then one that reads on its own,
    the fact's own sentence first (when the fact is a whole sentence), then the shortest: the
    wording that puts the least unconfirmed detail beside the fact. Only a sentence whose
    figures two voices of the fact give can be its wording (a live blog's "09:38 Travel: Buses
    are replacing trams ..." is not what the others say: its clock time would leave one
    source); failing that, the fact's own clause when the parse made it."""
    part = alignment.parts[candidate.part]
    shown = [i for i in candidate.members.values()
             if (alignment.sentences[i].doc_id, alignment.sentences[i].index) not in excluded
             and word_count(alignment.sentences[i].text) >= MIN_FACT_WORDS
             and _reads_as_statement(alignment.sentences[i].text)]
    share = {i: alignment.confirmed_share(i) for i in shown}
    # the fact's own sentence is its best wording when the fact is that whole sentence
    own = part.sentence if part.whole else -1
    # among those, one that reads on its own: "He will nominate ..." leaves the reader asking who
    ranked = sorted(shown, key=lambda i: (-share[i], leans_back(alignment.sentences[i].text),
                                          i != own, len(alignment.sentences[i].text), i))
    # another sentence only as fully confirmed as the first: a less confirmed one says more
    # than the sources share
    for i in ranked:
        if share[i] < share[ranked[0]]:
            break
        stating = _stating(alignment, candidate, i)
        if _stated_by_two(alignment, stating, alignment.sentences[i].text):
            return alignment.sentences[i].text, stating
    # else the clause the members state: one read off the parse, or a punctuation cut that
    # reads alone ("The cancellation of the exam." has no verb and makes no fact, see
    # `Alignment.verbless`; "Who, according to the prosecution, were rewarded ..." does not
    # read alone)
    origin = alignment.sentences[part.sentence]
    if (origin.doc_id, origin.index) in excluded:
        return None
    text = part.text.strip(" .,;:")
    if not part.whole:
        for clause in _clause_wordings(alignment, part.sentence, text, part.start):
            if _stated_by_two(alignment, candidate.members, clause):
                return _as_sentence(clause), candidate.members
    # else the fact's own sentence, however short ("Route 9 is closed."), which every member
    # states, when the parse reads a statement in it ("(Source: Syrian Coalition)" is none):
    # shorter than a fact is listed in, but no wording that says more than they do
    if part.whole and word_count(text) >= MIN_PROPOSITION_WORDS \
            and _reads_as_statement(origin.text) \
            and alignment.statements.get(part.sentence) \
            and _stated_by_two(alignment, candidate.members, origin.text):
        return origin.text, candidate.members
    return None


# Conjunctions that join a clause to the one before without making it any less asserted:
# "..., and the Federated States of Carvel said it was flying in a team" states its clause.
_JOINING = {"and", "but"}


def _clause_wordings(alignment: Alignment, sentence: int, text: str,
                     start: int) -> list[str]:
    """Wordings of a punctuation clause (at `start` in its sentence) that read on their own:
    the clause itself; without the conjunction that joins it to a clause before (not to a
    name: "Eugene Richardson, of Partners In Health, and colleagues conducted a survey" is not
    what "Colleagues conducted a survey" says); then the propositions the parse reads inside
    it ("as the chipmaker struggles with weak demand" holds "the chipmaker struggles with weak
    demand"), none leaning on a sentence before ("it was flying in ...")."""
    words = text.split()
    clauses = [text]
    statements = alignment.statements.get(sentence, [])
    whole = alignment.sentences[sentence].text
    if words and words[0].lower() in _JOINING and any(
            -1 < whole.find(s) <= start - len(s) for s in statements):
        clauses.append(" ".join(words[1:]))
    wordings = [c for c in clauses if word_count(c) >= MIN_FACT_WORDS and _reads_alone(c)
                and _reads_as_statement(c)]
    inside = [s.strip(" .,;:") for s in statements]
    wordings += [s for s in inside if s in text and word_count(s) >= MIN_FACT_WORDS
                 and _reads_alone(s) and _reads_as_statement(s) and not leans_back(s)]
    return wordings


def _stating(alignment: Alignment, candidate: _Candidate, index: int) -> dict[str, int]:
    """The members of a fact that state member sentence `index`. A sentence of the article
    the fact was found in holds the part the others state. Another member's sentence was
    found as support for that part and may say more than it (a historian's sentence on
    Canadian snipers in both world wars, found as support for '"Canada has a world-class
    sniper system.'; "The American-provided instruments measure real levels of radiation on
    the ground", found for "Low levels of radiation have been detected well beyond Tokyo"):
    it is stated only by its own article and by those that state all of it firmly enough to
    be cited. Failing two such voices the fact is shown in the words the members state."""
    part = alignment.parts[candidate.part]
    origin = alignment.sentences[part.sentence].doc_id
    own = alignment.sentences[index].doc_id
    if own == origin:
        return candidate.members
    return {doc: i for doc, i in candidate.members.items()
            if doc == own or doc in alignment.matches[index]}


def _stated_by_two(alignment: Alignment, members: dict[str, int], text: str) -> bool:
    """Two independent voices among `members` give every figure of `text`."""
    giving = _giving(alignment, members, figures_of(text))
    return alignment.independent_count(list(giving)) >= 2


def _giving(alignment: Alignment, members: dict[str, int],
            figures: frozenset[str]) -> dict[str, int]:
    """The members (article id -> sentence index) whose sentence gives every one of
    `figures`: only they may be cited for a wording that holds them."""
    return {doc: i for doc, i in members.items()
            if figures <= figures_of(alignment.sentences[i].text)}


def _as_sentence(text: str) -> str:
    """A clause shown as a sentence of its own: capitalised, with a full stop."""
    return text[0].upper() + text[1:] + "."
