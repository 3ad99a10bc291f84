"""Every example of every name pattern (``ingest/pipeline/patterns.yaml``), through the shipped
grammar and the pattern engine: a pattern finds exactly the names its example marks, typed as
marked, and nothing in an example without a mark."""

from __future__ import annotations

import pytest
from spacy.language import Language

from beleidsgraaf.ingest.pipeline.patterns import (
    PATTERNS_KEY,
    PatternFinder,
    parse_example,
    pattern_rules,
)

EXAMPLES = [
    pytest.param(rule, text, id=f"{rule.id}-{n}")
    for rule in pattern_rules()
    for n, text in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_pattern_example(syntax_nlp: Language, rule, example: str) -> None:  # type: ignore[no-untyped-def]
    text, marks = parse_example(example)
    doc = PatternFinder(syntax_nlp, "patterns", (rule,))(syntax_nlp(text))
    found = [(s.text, s.label_) for s in doc.spans[PATTERNS_KEY]]
    assert found == marks


def test_every_pattern_has_a_positive_and_a_negative_example() -> None:
    for rule in pattern_rules():
        marked = [parse_example(e)[1] for e in rule.examples]
        assert any(marked) and not all(marked), rule.id


def test_a_higher_priority_wins_an_overlap(syntax_nlp: Language) -> None:
    rules = pattern_rules()
    doc = PatternFinder(syntax_nlp, "patterns", rules)(
        syntax_nlp("De stuurgroep Nationale Leesagenda en het lid Verbeek spraken.")
    )
    assert [(s.text, s.label_) for s in doc.spans[PATTERNS_KEY]] == [
        ("stuurgroep Nationale Leesagenda", "Organisation"),
        ("Verbeek", "Person"),
    ]
