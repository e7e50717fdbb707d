import numpy as np

from newsfuse.align import align
from newsfuse.model import AnnotatedDocument, Article, EntityMention, Sentence
from newsfuse.synthesize.unique import unique_facts


def test_only_unmatched_salient_statements_are_unique():
    texts = {"a": ["The river rose four metres in one hour near the Bilyi Kamin dam.",
                   "Nobody had time to take anything with them,\" said the chief of rescue.",
                   "Rescue teams evacuated the villages overnight while the water kept rising."],
             "b": ["Rescue crews evacuated the villages overnight as the water kept rising."]}
    sentences, documents = [], []
    for doc_id, lines in texts.items():
        doc_sentences = [Sentence(doc_id=doc_id, index=i, start=0, end=len(t), text=t)
                         for i, t in enumerate(lines)]
        sentences += doc_sentences
        documents.append(AnnotatedDocument(
            article=Article(id=doc_id, body=" ".join(lines)), sentences=doc_sentences,
            entities=[EntityMention(text="X", label="GPE", sentence=i, start=0, end=1)
                      for i in range(len(lines))]))
    vectors = np.array([[0.5, 0.85, 0], [1, 0.3, 0.1], [1, 0, 0], [1, 0.01, 0]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    facts = unique_facts(align(sentences, vectors), documents)
    assert [(f.source, f.text[:9]) for f in facts] == [("a", "The river")]
