"""Every example of every relation rule (``ingest/relations/rules.yaml``), run on the shipped
parser: a rule gives exactly the pairs its example lists, and nothing for an example with none.

The entities are marked in the example ('[Stichting Brugwerk](Org)'), so these tests check the
grammar and the rule, not the name finder; the sentence is parsed as extraction parses it, each
name replaced by a placeholder proper noun. Each rule runs alone: another rule's firing is no
excuse for this one.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from beleidsgraaf.ingest.relations.document import masked_parse
from beleidsgraaf.ingest.relations.rules import Arg, RuleSet, parse_example, rule_set

EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.id}-{n}")
    for rule in rule_set().rules
    for n, example in enumerate(rule.examples)
]


def _pairs(nlp: Language, rule: Any, example: dict[str, Any]) -> set[str]:
    """The pairs ``rule`` alone gives on the example, parsed as extraction parses it (each name
    masked by a placeholder, :func:`masked_parse`)."""
    text, marks = parse_example(example["text"])
    anchor = nlp.make_doc(text)[0:1]
    args = masked_parse(nlp, text, [(s, e, Arg(anchor, name, kind)) for s, e, name, kind in marks])
    assert len(args) == len(marks), f"cannot place every name in {text!r}"
    sentences = {a.span.sent.start: a.span.sent for a in args}.values()
    return {
        f"{m.subject.iri} > {m.object.iri}"
        for sent in sentences
        for m in RuleSet([rule]).matches(sent, args)
    }


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(syntax_nlp: Language, rule: Any, example: dict[str, Any]) -> None:
    assert _pairs(syntax_nlp, rule, example) == set(example.get("pairs") or [])


def test_every_rule_has_a_positive_example() -> None:
    missing = [r.id for r in rule_set().rules if not any(e.get("pairs") for e in r.examples)]
    assert missing == []
