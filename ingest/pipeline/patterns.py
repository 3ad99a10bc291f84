"""Component ``beleidsgraaf_patterns_v1``: names found by the token patterns of ``patterns.yaml``.

One small engine (spaCy's ``Matcher``) runs every pattern rule; overlaps are settled by the
rules' priorities, then by length, never by the order they are written in. The spans go to
``doc.spans["bg_patterns"]`` with ``kb_id`` ``pattern:<rule id>``, where the consolidator
(:mod:`.entities`) weighs them with the other finders by the trust table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.records import ENTITY_TYPES

__all__ = ["PATTERNS_KEY", "PatternFinder", "PatternRule", "pattern_rules"]

PATTERNS_KEY = "bg_patterns"


@dataclass(frozen=True, slots=True)
class PatternRule:
    """One rule of ``patterns.yaml``."""

    id: str
    label: str
    priority: int
    patterns: tuple[Any, ...]
    keep: tuple[int | None, int | None]
    examples: tuple[str, ...]


def _with_word_lists(value: Any) -> Any:
    """``value`` with every ``"@name"`` replaced by the lexicon's word list ``name``
    (``{LOWER: {IN: "@person_cues"}}``): a word list lives in ``lexicon.yaml`` only."""
    if isinstance(value, str) and value.startswith("@"):
        words = getattr(lexicon(), value[1:], None)
        if not isinstance(words, frozenset):
            raise ConfigError(f"patterns.yaml: no word list {value[1:]!r} in lexicon.yaml")
        return sorted(words)
    if isinstance(value, dict):
        return {k: _with_word_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_word_lists(v) for v in value]
    return value


def _rule(data: dict[str, Any]) -> PatternRule:
    rid = str(data.get("id", "?"))
    if data.get("label") not in ENTITY_TYPES:
        raise ConfigError(f"patterns.yaml: rule {rid}: unknown label {data.get('label')!r}")
    keep = data.get("keep") or [None, None]
    return PatternRule(
        id=rid,
        label=str(data["label"]),
        priority=int(data.get("priority", 50)),
        patterns=tuple(_with_word_lists(data["pattern"])),
        keep=(keep[0], keep[1]),
        examples=tuple(data.get("examples") or ()),
    )


@cache
def pattern_rules() -> tuple[PatternRule, ...]:
    """The rules of ``ingest/pipeline/patterns.yaml``."""
    text = (files("beleidsgraaf.ingest.pipeline") / "patterns.yaml").read_text(encoding="utf-8")
    rules = tuple(_rule(r) for r in yaml.safe_load(text)["rules"])
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ConfigError("patterns.yaml: rule ids must be unique")
    return rules


class PatternFinder:
    """Run every pattern rule over a Doc; keep the best non-overlapping spans."""

    def __init__(self, nlp: Language, name: str, rules: tuple[PatternRule, ...] | None = None):
        self.name = name
        self.rules = {r.id: r for r in (rules if rules is not None else pattern_rules())}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.surface_matcher = Matcher(nlp.vocab, validate=True)
        for rule in self.rules.values():
            self.matcher.add(rule.id, list(rule.patterns))
            self.surface_matcher.add(rule.id, [_surface(p) for p in rule.patterns])

    def __call__(self, doc: Doc) -> Doc:
        # Without a grammar (the 'none' model setting) the rules run on their surface conditions.
        matcher = self.matcher if doc.has_annotation("POS") else self.surface_matcher
        found: list[tuple[int, int, Span]] = []
        for match_id, start, end in matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            tokens = list(range(start, end))[slice(*rule.keep)]
            if not tokens:
                continue
            span = Span(
                doc, tokens[0], tokens[-1] + 1, label=rule.label, kb_id=f"pattern:{rule.id}"
            )
            found.append((rule.priority, len(span), span))
        kept: list[Span] = []
        taken: set[int] = set()
        for _, _, span in sorted(found, key=lambda f: (-f[0], -f[1], f[2].start)):
            if not taken & set(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        doc.spans[PATTERNS_KEY] = sorted(kept, key=lambda s: s.start)
        return doc


_GRAMMAR = frozenset({"POS", "TAG", "MORPH", "DEP", "LEMMA"})


def _surface(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``pattern`` without its conditions on the grammar's annotations."""
    return [{k: v for k, v in token.items() if k not in _GRAMMAR} for token in pattern]


_MARK = re.compile(r"\[([^\]]+)\]\((Org|Prog|Int|Reg|Pers)\)")
_TYPES = {"Org": "Organisation", "Prog": "Programme", "Int": "Intervention", "Reg": "Region",
          "Pers": "Person"}  # fmt: skip


def parse_example(text: str) -> tuple[str, list[tuple[str, str]]]:
    """An example's plain text and its marked (name, type) pairs."""
    marks = [(m.group(1), _TYPES[m.group(2)]) for m in _MARK.finditer(text)]
    return _MARK.sub(lambda m: m.group(1), text), marks
