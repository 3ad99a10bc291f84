"""Relations of one document: its sentences, what their pronouns point at, and its lists.

The sentence is the unit (:mod:`.decide`), with three document-level additions:

- **who 'we' are**: 'wij', 'we', 'ons', 'onze' (and 'ik' in a letter) stand for the
  document's authors (its publisher in the metadata), as an entity at that word, so the grammar
  relates them like any name ('Wij werken samen met X');
- **what 'het programma' is**: a definite kind noun that is no name itself ('het programma',
  'deze regeling', 'het fonds') stands for the last entity named before it whose name has that
  noun ('het Actieprogramma X', 'het Groeifonds'); 'de overheid' names no one. 'Zij' opening a
  sentence stands for the last actor;
- **lists**: a list item read together with the sentence that introduces it ('De partners
  zijn:' + '• Stichting X') is parsed as one sentence, so 'zijn ... X' relates as in running text.

Relations are read from a parse of the sentence with each name replaced by a common proper noun
('Stichting Brugwerk werkt samen met de Kennisalliantie Zuid' is parsed as 'Philips werkt samen
met de Shell'). A small parser attaches names it has never seen poorly (an unknown capitalised
word is easily taken for an adjective); one familiar word per name keeps the clause intact, and
relation rules only need where each name stands. Evidence is always the original sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, cast

from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.ingest.relations.classifier import RelationModel
from beleidsgraaf.ingest.relations.decide import DEFAULT_THRESHOLD, decide, sentence_candidates
from beleidsgraaf.ingest.relations.features import Candidate
from beleidsgraaf.ingest.relations.rules import Arg, reference_words
from beleidsgraaf.records import CoOccurrence, Evidence, Predicate, Relation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "SYNTAX",
    "ParsedSentence",
    "cooccurrences",
    "decided_relations",
    "document_candidates",
]

SYNTAX = (
    "tok2vec",
    "morphologizer",
    "parser",
    "trainable_lemmatizer",
    "tagger",
    "lemmatizer",
    "attribute_ruler",
)
"""Components that only add grammar: enough to parse a list item with its introduction."""

_ACTOR_TYPES = frozenset({"Organisation", "Person"})


@dataclass(slots=True)
class ParsedSentence:
    """A sentence of the document, its evidence, its entities, and the kind of block it is in."""

    sent: Span
    evidence: Evidence
    args: list[Arg]
    kind: str = "paragraph"
    extra: list[Arg] = field(default_factory=list)
    """Entities that pronouns and definite descriptions point at (see the module docstring)."""


def _kind_of(token: Token) -> str | None:
    """The entity type a kind noun names ('programma' -> Programme), when it is one."""
    if token.pos_ != "NOUN":
        return None
    return lexicon().head_type(token.lower_)


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in reference_words("definite") for c in token.children)


def _refers_back(token: Token, covered: set[int]) -> bool:
    """Whether a token is a definite kind noun that may point back ('het programma'), not one a
    name hangs on ('het programma X': that name is the entity)."""
    if _kind_of(token) is None or not _definite(token):
        return False
    return not any(c.dep_ in {"appos", "flat", "nmod"} and c.i in covered for c in token.children)


def _antecedent(noun: str, earlier: Sequence[Arg]) -> Arg | None:
    """The last entity named with ``noun`` as (the end of) a word of its name: 'het fonds' is
    the 'Nationaal Groeifonds', 'de stichting' the 'Stichting X'; 'de overheid' names none."""
    for arg in reversed(earlier):
        if any(word.endswith(noun) for word in arg.span.text.lower().split()):
            return arg
    return None


def _covered(sentence: ParsedSentence) -> set[int]:
    return {t.i for a in sentence.args for t in a.span}


def _resolve_references(
    sentences: Sequence[ParsedSentence], authors: Sequence[str], letter: bool
) -> None:
    """Add the entities that pronouns and definite kind nouns point at (module docstring)."""
    earlier: list[Arg] = []
    last_actors: list[Arg] = []
    for sentence in sentences:
        covered = _covered(sentence)
        for token in sentence.sent:
            if token.i in covered:
                continue
            word = token.lower_
            span = sentence.sent.doc[token.i : token.i + 1]
            if word in reference_words("authors") or (
                letter and word in reference_words("letter_words")
            ):
                sentence.extra.extend(Arg(span, a, "Organisation") for a in authors)
            elif (
                word in reference_words("carriers")
                and token.i == sentence.sent.start
                and last_actors
            ):
                sentence.extra.extend(Arg(span, a.iri, a.type) for a in last_actors)
            elif _refers_back(token, covered) and (found := _antecedent(token.lower_, earlier)):
                sentence.extra.append(Arg(span, found.iri, found.type))
        earlier.extend(sentence.args)
        actors = [a for a in sentence.args if a.type in _ACTOR_TYPES]
        if actors:
            last_actors = actors


PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "Organisation": ("Philips", "Shell", "Unilever", "Heineken", "Rabobank", "Ahold", "DSM", "KLM"),
    "Region": ("Utrecht", "Groningen", "Zwolle", "Arnhem", "Tilburg"),
    "Person": ("Jansen", "Bakker", "Visser", "Smit"),
    "Programme": ("Horizon", "Galileo", "Copernicus", "Erasmus"),
    "Intervention": ("Deltaplan", "Interreg", "Erasmus", "Horizon"),
}
"""Proper nouns the parser knows well, one per name of a sentence (cycled when there are more)."""


def _parse(nlp: Language, text: str) -> Doc:
    """The grammar of ``text`` as one sentence (the parser may not split it)."""
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    for name, proc in nlp.pipeline:
        if name in SYNTAX:
            doc = proc(doc)
    return doc


def masked_parse(nlp: Language, text: str, located: Sequence[tuple[int, int, Arg]]) -> list[Arg]:
    """Parse ``text`` with each name replaced by a placeholder (module docstring); the names as
    one-token spans of that parse. ``located`` gives each name's characters in ``text``.

    An arg that is one token and no name (a pronoun, 'het programma') is kept as it is.
    """
    spans: list[tuple[int, int, Arg]] = []
    for start, end, arg in sorted(located, key=lambda x: (x[0], -x[1])):
        if spans and start < spans[-1][1]:
            if (start, end) == spans[-1][:2]:
                spans.append((start, end, arg))  # the same words, a second entity
            continue
        spans.append((start, end, arg))
    pieces: list[str] = []
    placed: list[tuple[int, int, Arg]] = []
    at = length = 0
    count: dict[str, int] = {}
    last: tuple[int, int] | None = None
    for start, end, arg in spans:
        if (start, end) == last:
            placed.append((placed[-1][0], placed[-1][1], arg))
            continue
        word = _placeholder(arg, count)
        pieces.append(text[at:start])
        length += start - at
        placed.append((length, length + len(word), arg))
        pieces.append(word)
        length += len(word)
        at, last = end, (start, end)
    pieces.append(text[at:])
    doc = _parse(nlp, "".join(pieces))
    out = []
    for start, end, arg in placed:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.append(Arg(span, arg.iri, arg.type))
    return out


def _placeholder(arg: Arg, count: dict[str, int]) -> str:
    """A placeholder for a name; a pronoun or kind noun standing for an entity stays itself."""
    if len(arg.span) == 1 and not arg.span[0].text[:1].isupper():
        return arg.span.text
    if len(arg.span) == 1 and arg.span[0].lower_ in reference_words("authors"):
        return arg.span.text
    options = PLACEHOLDERS[arg.type]
    n = count.get(arg.type, 0)
    count[arg.type] = n + 1
    return options[n % len(options)]


_STAND_IN = re.compile(r"\b(?:de|het)\s+(?:volgende|onderstaande|navolgende)\s+\w+", re.I)
"""'de volgende partijen': the words of a list's introduction that its items stand for."""
_ITEM_LABEL = re.compile(r"^[^:]{1,40}:\s+")
"""'De werkgeversorganisaties: X en Y': a label before the names of an item."""


def _list_candidates(nlp: Language, intro: ParsedSentence, item: ParsedSentence) -> list[Candidate]:
    """Pairs between a list's introduction and one of its items, parsed as one sentence.

    Where the introduction has words that the items stand for ('werken de volgende partijen
    samen in X:'), each item takes their place ('werken A samen in X'); otherwise it follows the
    introduction ('De partners zijn: A' -> 'De partners zijn A').
    """
    head = intro.sent.text.rstrip().rstrip(":").rstrip()
    body = item.sent.text.strip()
    lead = len(item.sent.text) - len(item.sent.text.lstrip())
    label = _ITEM_LABEL.match(body)
    if label:
        body, lead = body[label.end() :], lead + label.end()
    stand_in = _STAND_IN.search(head)
    intro_chars = [
        (a.span.start_char - intro.sent.start_char, a.span.end_char - intro.sent.start_char, a)
        for a in intro.args
    ]
    if stand_in and not any(s < stand_in.end() and e > stand_in.start() for s, e, _ in intro_chars):
        at, gone = stand_in.start(), stand_in.end() - stand_in.start()
        if body.split(" ", 1)[0] in {"De", "Het", "Een"}:
            body = body[0].lower() + body[1:]  # mid-sentence now: 'Het Ministerie' -> 'het ...'
        joined = head[:at] + body + head[stand_in.end() :]
        intro_chars = [
            (s, e, a) if s < at else (s + len(body) - gone, e + len(body) - gone, a)
            for s, e, a in intro_chars
        ]
        shift = at - lead
    else:
        joined = f"{head} {body}"
        shift = len(head) + 1 - lead
    located = [
        *intro_chars,
        *((a.span.start_char - item.sent.start_char + shift,
           a.span.end_char - item.sent.start_char + shift, a) for a in item.args),
    ]  # fmt: skip
    located = [(s, e, a) for s, e, a in located if 0 <= s < e <= len(joined)]
    args = masked_parse(nlp, joined, located)
    intro_iris = {a.iri for a in intro.args}
    item_iris = {a.iri for a in item.args}
    out = []
    for sent in {a.span.sent.start: a.span.sent for a in args}.values():
        for cand in sentence_candidates(sent, args, source="list"):
            pair = {cand.subject.iri, cand.object.iri}
            if pair & intro_iris and pair & item_iris:
                out.append(cand)
    return out


def document_candidates(
    nlp: Language,
    sentences: Sequence[ParsedSentence],
    authors: Sequence[str] = (),
    *,
    letter: bool = False,
) -> list[tuple[Candidate, ParsedSentence]]:
    """Every candidate pair of the document, each with the sentence that states it (for a list
    item, the item; its evidence then gets the introduction prepended by the caller)."""
    _resolve_references(sentences, authors, letter)
    out: list[tuple[Candidate, ParsedSentence]] = []
    intro: ParsedSentence | None = None
    for sentence in sentences:
        named = [*sentence.args, *sentence.extra]
        if len({a.iri for a in named}) >= 2:
            start = sentence.sent.start_char
            args = masked_parse(
                nlp,
                sentence.sent.text,
                [(a.span.start_char - start, a.span.end_char - start, a) for a in named],
            )
            sent = args[0].span.sent if args else sentence.sent
            out.extend((c, sentence) for c in sentence_candidates(sent, args))
        if sentence.kind == "list_item" and intro is not None and sentence.args:
            out.extend((c, sentence) for c in _list_candidates(nlp, intro, sentence))
        elif sentence.kind != "list_item":
            intro = sentence if sentence.sent.text.rstrip().endswith(":") else None
    return out


def _evidence(candidate: Candidate, sentence: ParsedSentence) -> Evidence:
    """A list item's evidence reads with its introduction ('De partners zijn: X')."""
    if candidate.source == "list":
        return replace(sentence.evidence, text=candidate.sent.doc.text)
    return sentence.evidence


def decided_relations(
    candidates: Sequence[tuple[Candidate, ParsedSentence]],
    threshold: float = DEFAULT_THRESHOLD,
    model: RelationModel | None = None,
) -> list[Relation]:
    """The relations the candidates state, with evidence, method and confidence."""
    sentence_of = {id(c): s for c, s in candidates}
    decisions = decide([c for c, _ in candidates], model, threshold)
    return [
        Relation(
            d.candidate.subject.iri,
            cast(Predicate, d.predicate),
            d.candidate.object.iri,
            _evidence(d.candidate, sentence_of[id(d.candidate)]),
            method=d.method,
            confidence=round(d.confidence, 3),
        )
        for d in decisions
    ]


def cooccurrences(sentences: Iterable[tuple[Sequence[str], Evidence]]) -> list[CoOccurrence]:
    """Weighted links between entities named in the same sentence (weight = sentences).

    Evidence keeps the first three sentences of each pair.
    """
    weight: dict[tuple[str, str], int] = defaultdict(int)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for iris, ev in sentences:
        distinct = sorted(set(iris))
        for i, a in enumerate(distinct):
            for b in distinct[i + 1 :]:
                weight[(a, b)] += 1
                if len(evidence[(a, b)]) < 3:
                    evidence[(a, b)].append(ev)
    return [CoOccurrence(a, b, w, tuple(evidence[(a, b)])) for (a, b), w in sorted(weight.items())]
