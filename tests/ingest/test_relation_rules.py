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


def test_a_role_read_next_to_a_name_outranks_a_parse_of_the_rest(syntax_nlp: Language) -> None:
    """'X, voorzitter van Y' read from the words beside the names; the parser's attachment of
    'minister' and 'voorzitter' in a long sentence may put them on the wrong person."""
    text = (
        "Dat zeiden minister [Jan Bakker](Pers) ([Werk](Org)) en [Piet Smit](Pers) (voorzitter "
        "van de [Kustbond](Org)) vandaag."
    )
    plain, marks = parse_example(text)
    anchor = syntax_nlp.make_doc(plain)[0:1]
    args = masked_parse(
        syntax_nlp, plain, [(s, e, Arg(anchor, name, kind)) for s, e, name, kind in marks]
    )
    found = {
        (m.subject.iri, m.predicate, m.object.iri)
        for m in rule_set().matches(args[0].span.sent, args)
    }
    assert ("Jan Bakker", "partOf", "Werk") in found
    assert ("Piet Smit", "coordinates", "Kustbond") in found
    assert not {f for f in found if f[0] == "Piet Smit" and f[2] == "Werk"}
