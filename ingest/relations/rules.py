"""The relation rule engine: ``rules.yaml`` run over a parsed sentence and its entities.

One small engine runs every rule (GATE's named, prioritised rules; spaCy's pattern files): a
rule fires on a trigger word and the dependency paths from it to two entities, on the path
between two entities directly (:mod:`.paths`), or on the words between two entities that stand
close together ('X, directeur van Y', 'minister X (Y)'): there the order of the words says more
than a parse of a long sentence. The engine only proposes: each firing is a :class:`Match` that
the classifier weighs (:mod:`.classifier`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import combinations, permutations
from typing import TYPE_CHECKING, Any

import yaml

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.pipeline.lexicon import lexicon, lookup_lemma
from beleidsgraaf.ingest.relations.paths import TRANSPARENT, path, predicate_lemma
from beleidsgraaf.records import PREDICATES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "SHORT_TYPES",
    "Arg",
    "Match",
    "Rule",
    "RuleSet",
    "infinitives",
    "parse_example",
    "reference_words",
    "rule_set",
    "trigger_lemmas",
]

ANY = "*"
"""A trigger that any verb or noun answers to: the paths alone say what the rule reads."""

SHORT_TYPES = {
    "Org": "Organisation",
    "Prog": "Programme",
    "Int": "Intervention",
    "Reg": "Region",
    "Pers": "Person",
}


@dataclass(frozen=True, slots=True)
class Arg:
    """An entity named in a sentence: the span it is named by, and who it is."""

    span: Span
    iri: str
    type: str

    @property
    def root(self) -> Token:
        return self.span.root


@dataclass(frozen=True, slots=True)
class Rule:
    """One named, prioritised rule of ``rules.yaml``."""

    id: str
    predicate: str
    priority: int
    types: frozenset[tuple[str, str]]
    trigger: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    path: frozenset[str] = frozenset()
    between: tuple[tuple[frozenset[str], bool], ...] = ()
    """The words from the subject to the object: each a set of lower-case words, and whether it
    may be left out."""
    before: frozenset[str] = frozenset()
    """Words one of which must stand right before the first of the two names (empty: any)."""
    object_first: bool = False
    """The ``between`` words run from the object to the subject ('X, bestaande uit A')."""
    symmetric: bool = False
    examples: tuple[dict[str, Any], ...] = ()

    def allows(self, subject: Arg, obj: Arg) -> bool:
        return subject.iri != obj.iri and (subject.type, obj.type) in self.types


@dataclass(frozen=True, slots=True)
class Match:
    """A rule that relates ``subject`` to ``object`` in one sentence."""

    rule: Rule
    subject: Arg
    object: Arg
    trigger: Token | None = None

    @property
    def predicate(self) -> str:
        return self.rule.predicate


def _types(entries: Iterable[str], where: str) -> frozenset[tuple[str, str]]:
    out = set()
    for entry in entries:
        left, _, right = entry.partition(">")
        if left not in SHORT_TYPES or right not in SHORT_TYPES:
            raise ConfigError(f"{where}: unknown types in {entry!r} (use {', '.join(SHORT_TYPES)})")
        out.add((SHORT_TYPES[left], SHORT_TYPES[right]))
    return frozenset(out)


def _rule(data: dict[str, Any], signatures: dict[str, Any]) -> Rule:
    rid = data.get("id", "?")
    predicate = data.get("predicate")
    if predicate not in PREDICATES:
        raise ConfigError(f"rules.yaml: rule {rid}: unknown predicate {predicate!r}")
    if sum(bool(data.get(k)) for k in ("trigger", "path", "between")) != 1:
        raise ConfigError(f"rules.yaml: rule {rid}: give one of trigger, path or between")
    return Rule(
        id=rid,
        predicate=predicate,
        priority=int(data.get("priority", 50)),
        types=_types(data.get("types") or signatures[predicate], f"rules.yaml: rule {rid}"),
        trigger=frozenset(data.get("trigger") or ()),
        subject=frozenset(data.get("subject") or ()),
        object=frozenset(data.get("object") or data.get("subject") or ()),
        path=frozenset(data.get("path") or ()),
        between=tuple(_word_slot(str(w)) for w in data.get("between") or ()),
        before=_word_slot(str(data["before"]))[0] if data.get("before") else frozenset(),
        object_first=data.get("order") == "object-first",
        symmetric=bool(data.get("symmetric", False)),
        examples=tuple(data.get("examples") or ()),
    )


def _word_slot(entry: str) -> tuple[frozenset[str], bool]:
    """One slot of a ``between`` sequence: 'van|bij?' -> ({'van', 'bij'}, optional); '@name'
    is the lexicon's word list ``name``."""
    optional = entry.endswith("?") and len(entry) > 1
    body = entry[:-1] if optional else entry
    words: set[str] = set()
    for word in body.split("|"):
        if word.startswith("@"):
            found = getattr(lexicon(), word[1:], None)
            if not isinstance(found, frozenset):
                raise ConfigError(f"rules.yaml: no word list {word[1:]!r} in lexicon.yaml")
            words |= found
        else:
            words.add(word.casefold())
    return frozenset(words), optional


def _fits(words: Sequence[str], slots: Sequence[tuple[frozenset[str], bool]]) -> bool:
    """Whether ``words`` fill ``slots`` in order (optional slots may stay empty)."""
    if not slots:
        return not words
    (allowed, optional), rest = slots[0], slots[1:]
    if words and words[0] in allowed and _fits(words[1:], rest):
        return True
    return optional and _fits(words, rest)


@dataclass(slots=True)
class RuleSet:
    """All rules, indexed by the lemma of their trigger."""

    rules: list[Rule]
    by_trigger: dict[str, list[Rule]] = field(default_factory=dict)
    direct: list[Rule] = field(default_factory=list)
    adjacent: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        ids = [r.id for r in self.rules]
        if len(ids) != len(set(ids)):
            raise ConfigError("rules.yaml: rule ids must be unique")
        for rule in self.rules:
            if rule.path:
                self.direct.append(rule)
            if rule.between:
                self.adjacent.append(rule)
            for lemma in rule.trigger:
                self.by_trigger.setdefault(lemma, []).append(rule)

    def matches(self, sent: Span, args: Sequence[Arg]) -> list[Match]:
        """Every rule firing in ``sent`` between two of ``args``."""
        if len(args) < 2:
            return []
        found: list[Match] = []
        adjacent = list(self._adjacent_matches(args)) if self.adjacent else []
        # A role word that a 'between' rule read for the entities around it ('X, voorzitter
        # van Y') triggers nothing else: a parse of a long sentence may hang it elsewhere.
        explained = {i for m in adjacent for i in _read_words(m)}
        anywhere = self.by_trigger.get(ANY, [])
        for token in sent:
            if token.i in explained:
                continue
            # Each rule once per trigger word, however many of its forms name it; the paths from
            # the trigger to the entities are computed once for all its rules.
            triggered = {
                rule.id: rule
                for lemma in trigger_lemmas(token)
                for rule in self.by_trigger.get(lemma, ())
            }
            if token.pos_ in {"VERB", "AUX", "NOUN"}:
                triggered.update((rule.id, rule) for rule in anywhere)
            if not triggered:
                continue
            roles = {
                id(a): _joined(path(token, a.root, _widens)) for a in args if a.root.i != token.i
            }
            for rule in triggered.values():
                found.extend(_fire(rule, token, args, roles))
        if self.direct:
            for a, b in permutations(args, 2):
                between = _joined(path(a.root, b.root, _widens, trim_source=True))
                found.extend(
                    Match(rule, a, b)
                    for rule in self.direct
                    if between in rule.path and rule.allows(a, b)
                )
        # A person whose role or body the words next to the name give is not, besides, a
        # member of another body by a parse of the rest of the sentence.
        held = {m.subject.iri for m in adjacent if m.subject.type == "Person"}
        found = [
            m for m in found if not (m.subject.iri in held and m.object.type == "Organisation")
        ]
        found.extend(adjacent)
        return found

    def _adjacent_matches(self, args: Sequence[Arg]) -> Iterator[Match]:
        """The ``between`` rules: the words from one entity to the next one after it."""
        for a, b in permutations(args, 2):
            gap = b.span.start - a.span.end
            if not 0 <= gap <= _MAX_GAP:
                continue
            doc = a.span.doc
            words = [t.lower_ for t in doc[a.span.end : b.span.start]]
            before = doc[a.span.start - 1].lower_ if a.span.start > 0 else ""
            for rule in self.adjacent:
                subject, obj = (b, a) if rule.object_first else (a, b)
                if (
                    (not rule.before or before in rule.before)
                    and rule.allows(subject, obj)
                    and _fits(words, rule.between)
                ):
                    yield Match(rule, subject, obj)
                    if rule.object_first:
                        # 'bestaande uit A, B en C': the names listed after the first share it.
                        for other in _listed_after(subject, args):
                            if rule.allows(other, obj):
                                yield Match(rule, other, obj)


_MAX_GAP = 6
"""The most words a ``between`` rule reads from one entity to the next."""


_LIST_WORDS = frozenset({",", "en", "&", "of", "de", "het", "'t"})


def _listed_after(first: Arg, args: Sequence[Arg]) -> Iterator[Arg]:
    """The names that continue a list opened by ``first`` ('A, B en de C'): each separated from
    the one before it only by commas, 'en', 'of' and articles."""
    doc = first.span.doc
    last = first
    for arg in sorted(args, key=lambda a: a.span.start):
        if arg.span.start < last.span.end:
            continue
        if not all(t.lower_ in _LIST_WORDS for t in doc[last.span.end : arg.span.start]):
            return
        yield arg
        last = arg


def _read_words(match: Match) -> set[int]:
    """Token indices a ``between`` match read: the words between its entities and the one before
    the subject when the rule asks for one."""
    words = set(range(match.subject.span.end, match.object.span.start))
    if match.rule.before:
        words.add(match.subject.span.start - 1)
    return words


def trigger_lemmas(token: Token) -> Iterator[str]:
    """The trigger names a token answers to: its lemma (with a separable particle joined:
    'uit_voeren' -> 'uitvoeren'), the infinitives its form may come from (the lemmatizer errs on
    verbs it has not seen: 'financiert' -> 'financieren'), and 'dependent_lemma' for each
    dependent that completes it ('beschikbaar_stellen', 'samen_werken', 'deel_nemen')."""
    if token.pos_ not in {"VERB", "NOUN", "ADJ", "AUX", "ADV", "ADP", "PROPN"}:
        return
    lemma = (token.lemma_ or token.lower_).lower().replace("_", "")
    seen = {lemma, predicate_lemma(token).replace("_", ""), token.lower_}
    # The word list's lemma of the form too: the tagger takes an unseen verb for a noun now and
    # then ('ondersteunt'), and the lemmatizer errs on participles ('toegekend').
    listed = lookup_lemma(token.lower_)
    if listed:
        seen.add(listed)
    if token.pos_ in {"VERB", "AUX"} or (listed and listed.endswith("en")):
        seen |= infinitives(token.lower_)
    yield from seen
    for child in token.children:
        word = (child.lemma_ or child.lower_).lower()
        if child.dep_ == "compound:prt":
            yield from (word + base for base in seen)
        if child.dep_ in _COMPLETING:
            yield from (f"{word}_{base}" for base in seen)


_COMPLETING = frozenset(
    {"compound:prt", "xcomp", "obj", "obl", "advmod", "advcl", "case", "obl:arg", "acl"}
)
"""Dependents that complete a trigger ('samen' in 'werkt samen', 'deel' in 'neemt deel'; the
parser hangs such a 'samen' now and then as a clause of its own, 'acl')."""

_PARTICLES = ("uit", "op", "aan", "in", "mee", "samen", "deel", "bij", "voor", "af", "toe",
              "over", "plaats", "tot", "door", "terug", "vrij", "vast", "na", "om")  # fmt: skip
_LONG_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiou])$")


def infinitives(form: str) -> set[str]:
    """Infinitives a Dutch verb form may come from: 'financiert', 'gefinancierd' ->
    'financieren'; 'uitgevoerd' -> 'uitvoeren'; 'kent' -> 'kennen'; 'bestaat' -> 'bestaan'.

    Over-generates on purpose: the candidates are only looked up in the closed list of
    trigger lemmas.
    """
    stems = {form}
    for suffix in ("t", "d", "de", "den", "te", "ten", "en"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stems.add(form[: -len(suffix)])
    for stem in list(stems):
        if stem.startswith("ge") and len(stem) > 4:
            stems.add(stem[2:])
        for particle in _PARTICLES:
            if stem.startswith(particle + "ge") and len(stem) > len(particle) + 4:
                stems.add(particle + stem[len(particle) + 2 :])
    out = set()
    for stem in stems:
        out |= {stem + "en", stem + "n", stem + stem[-1] + "en"}
        out.add(_LONG_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem) + "en")
    return out


def _joined(steps: tuple[str, ...] | None) -> str | None:
    return None if steps is None else "/".join(steps)


def _kind_noun(token: Token) -> bool:
    """A noun that names a kind of entity ('programma', 'regeling', 'regio')."""
    return token.pos_ in {"NOUN", "PROPN"} and lexicon().head_type(token.lower_) is not None


_EXAMPLE_MARKS = frozenset({"zoals", "waaronder", "bijvoorbeeld"})
"""Words that introduce examples of the noun before them."""


def _widens(token: Token) -> bool:
    """Whether the step from ``token`` to its head stays inside one noun phrase: the usual
    widening relations, and a name under a kind noun ('het programma X', 'de regio X'; not
    'het initiatief van X', which has a preposition of its own)."""
    if token.dep_ in TRANSPARENT:
        return True
    if token.dep_ in {"nmod", "obl"} and any(
        c.dep_ == "mark" and c.lower_ in _EXAMPLE_MARKS for c in token.children
    ):
        return True  # 'samenwerken met departementen, zoals X en Y': the examples stand in
    bare = not any(c.dep_ == "case" for c in token.children)
    return token.dep_ in {"nmod", "appos"} and bare and _kind_noun(token.head)


def _fire(
    rule: Rule, trigger: Token, args: Sequence[Arg], roles: dict[int, str | None]
) -> Iterator[Match]:
    """The matches of ``rule`` at ``trigger``; ``roles`` holds each argument's path from it."""
    subjects = [a for a in args if roles.get(id(a)) in rule.subject]
    if rule.symmetric:
        for a, b in combinations(subjects, 2):
            if rule.allows(a, b):
                yield Match(rule, a, b, trigger)
        return
    objects = [a for a in args if roles.get(id(a)) in rule.object]
    for a in subjects:
        for b in objects:
            if a is not b and rule.allows(a, b):
                yield Match(rule, a, b, trigger)


_MARKUP = re.compile(r"\[([^\]]+)\]\((Org|Prog|Int|Reg|Pers)\)")


def parse_example(text: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """An example's plain text and its marked entities as (start, end, name, type)."""
    plain: list[str] = []
    marks: list[tuple[int, int, str, str]] = []
    at = 0
    length = 0
    for m in _MARKUP.finditer(text):
        plain.append(text[at : m.start()])
        length += m.start() - at
        marks.append((length, length + len(m.group(1)), m.group(1), SHORT_TYPES[m.group(2)]))
        plain.append(m.group(1))
        length += len(m.group(1))
        at = m.end()
    plain.append(text[at:])
    return "".join(plain), marks


@cache
def _rules_file() -> dict[str, Any]:
    text = (files("beleidsgraaf.ingest.relations") / "rules.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def rule_set() -> RuleSet:
    """The rules of ``ingest/relations/rules.yaml``."""
    data = _rules_file()
    return RuleSet([_rule(r, data["signatures"]) for r in data["rules"]])


@cache
def reference_words(key: str) -> frozenset[str]:
    """A word list of the ``references`` section of ``rules.yaml`` (lower case)."""
    return frozenset(str(w).casefold() for w in _rules_file()["references"][key])
