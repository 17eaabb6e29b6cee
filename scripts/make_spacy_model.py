"""Save a blank Danish spaCy pipeline with the lookup lemmatizer to disk for Rasa's SpacyNLP.

Runs in the Rasa environment (spaCy 3.4); needs spacy-lookups-data, no download.
Usage: python scripts/make_spacy_model.py models/spacy_da
"""

import sys
from pathlib import Path

import spacy


def main(target: str) -> None:
    nlp = spacy.blank("da")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "da_blank_lookup"
    nlp.meta["description"] = "Blank Danish pipeline with lookup lemmatizer (spacy-lookups-data)"
    Path(target).mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    doc = nlp("virksomhederne ledige")
    print(f"Saved {target}: lemmas {[t.lemma_ for t in doc]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/spacy_da")
