"""Accuracy of a syntax model on a CoNLL-U file, the standard way: ``beleidsgraaf model evaluate``.

The model parses the file's gold tokens (tokenisation is not scored), ten sentences per document
so that sentence boundaries are predicted as in running text. Scores are spaCy's: UPOS accuracy,
unlabelled and labelled attachment (punctuation excluded, as in spaCy's published figures),
lemma accuracy, and sentence-boundary F1. They are fractions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.syntax.training import docs_from_sentences
from beleidsgraaf.ingest.syntax.treebank import harmonise, parse_conllu

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["SCORES", "evaluate_conllu"]

SCORES: dict[str, str] = {
    "upos": "pos_acc",
    "uas": "dep_uas",
    "las": "dep_las",
    "lemma": "lemma_acc",
    "sents_f": "sents_f",
}
"""Our key → the key of spaCy's scorer."""


def evaluate_conllu(path: Path, nlp: Language, *, harmonised: bool = False) -> dict[str, float]:
    """Score ``nlp`` on the sentences of ``path``; also returns ``sentences`` and ``tokens``.

    ``harmonised`` first maps old label versions to today's scheme (as for training); a current
    UD release needs none.

    Raises
    ------
    ConfigError
        The file cannot be read or holds no sentences.
    """
    from spacy.tokens import Doc
    from spacy.training import Example

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read CoNLL-U: {exc}") from exc
    sentences = list(parse_conllu(text))
    if not sentences:
        raise ConfigError(f"{path}: no CoNLL-U sentences found")
    if harmonised:
        sentences = [harmonise(s) for s in sentences]
    examples = [
        Example(
            Doc(
                nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]
            ),
            gold,
        )
        for gold in docs_from_sentences(sentences, vocab=nlp.vocab)
    ]
    scores = nlp.evaluate(examples)
    result = {ours: float(scores.get(theirs) or 0.0) for ours, theirs in SCORES.items()}
    result["sentences"] = len(sentences)
    result["tokens"] = sum(len(s.rows) for s in sentences)
    return result
