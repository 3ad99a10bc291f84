"""The trust table (``trust.yaml``): how much each name rule is believed, in one place.

Entity finding (:mod:`.entities`), resolution and extraction each ask it the question they need
('may this span only fill gaps?', 'is this type a guess?'), so a rule's standing is changed in
one line of data, not in several differently-filled sets.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from beleidsgraaf.errors import ConfigError

__all__ = ["PROPERTIES", "has", "rules_with"]

PROPERTIES = frozenset(
    {"weak_span", "weak_type", "guess", "confirm_only", "echo", "topic_guess", "promotable"}
)


@cache
def _table() -> dict[str, frozenset[str]]:
    text = (files("beleidsgraaf.ingest.pipeline") / "trust.yaml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)["rules"]
    table = {str(rule): frozenset(props) for rule, props in rules.items()}
    unknown = {p for props in table.values() for p in props} - PROPERTIES
    if unknown:
        raise ConfigError(f"trust.yaml: unknown properties {sorted(unknown)}")
    return table


def has(rule: str, prop: str) -> bool:
    """Whether the rule (a span's kb_id) has the property; authority IRIs and acronym
    definitions have none."""
    return prop in _table().get(rule, frozenset())


@cache
def rules_with(prop: str) -> frozenset[str]:
    """Every rule with the property."""
    return frozenset(rule for rule, props in _table().items() if prop in props)
