"""Entity resolution: one canonical entity with a stable IRI per actor, in all documents.

Mentions found by the pipeline are clustered with a union-find over evidence that two surface
forms name the same thing:

- the same authority IRI ('VU', 'Vrije Universiteit', 'VRIJE UNIVERSITEIT');
- the same *loose key*: the name without case, diacritics, punctuation, hyphens, spaces, a leading
  article or a plural/possessive "'s" ('MBO-Raad' = 'MBO Raad', 'CIV’s' = 'CIV');
- an acronym definition in the document, linking the long form, the short form and every later
  use of the short form ('Regionaal Investeringsfonds mbo (RIF)' ... 'het RIF');
- an acronym plus an organisation head noun ('4TU.Federatie' = '4TU').

Two names are never merged on similarity alone: 'Noord-Holland' is not 'Landsdeel Noord', 'VU' is
not 'UT'. Across documents, :func:`unify` gives a bare acronym the IRI of its long form when
another document of the batch defines it.

The canonical label is the authority's preferred label, else the long form of a defined acronym,
else the most frequent surface form (mixed case preferred over capitals). The IRI is the
authority IRI, else ``entity_iri(label)`` -- derived from content only, so re-ingesting gives the
same IRIs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import cast

from beleidsgraaf.ingest.pipeline.acronyms import is_acronym
from beleidsgraaf.ingest.pipeline.cues import adjective_stems, is_place
from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.ingest.pipeline.trust import has
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.records import Entity, EntityType, Evidence, Extraction

__all__ = [
    "Cluster",
    "Mention",
    "Unifier",
    "loose_key",
    "normalise_name",
    "resolve_mentions",
    "unify",
    "variant_keys",
]

_ARTICLE = re.compile(r"^(?:de|het|een|the)\s+", re.IGNORECASE)
_LINE_HYPHEN = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACE = re.compile(r"\s+")
_PLURAL = re.compile(r"['’`]s$", re.IGNORECASE)
_PUNCT_EDGES = " \t\n\r.,;:!?()[]{}\"'‘’“”„-–—/"
_ACR_HEAD = re.compile(r"^(?P<acr>[A-Za-z0-9&]+)[.\-\s](?P<head>[A-Za-zÀ-ÿ]+)$")

# Ties go to the earlier type: a named instrument ('regeling') is more specific than a programme.
_TYPE_ORDER: tuple[EntityType, ...] = (
    "Organisation",
    "Intervention",
    "Programme",
    "Region",
    "Person",
)


def normalise_name(name: str) -> str:
    """The gold standard's normalisation: NFKC, casefold, line-end hyphens joined, spaces
    collapsed, surrounding punctuation and a leading article stripped.

    Examples
    --------
    >>> normalise_name("  het Tech-\\nniekpact. ")
    'techniekpact'
    """
    text = unicodedata.normalize("NFKC", name)
    text = _LINE_HYPHEN.sub(r"\1\2", text)
    text = _SPACE.sub(" ", text).casefold().strip(_PUNCT_EDGES + " ")
    text = _ARTICLE.sub("", text).strip(_PUNCT_EDGES + " ")
    return text


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """A key that ignores case, diacritics, punctuation, spacing, articles and a plural "'s".

    Cached: relation finding asks for the key of the same few hundred names of a document over
    and over (a profile of a 300-document build: 167,000 calls, a quarter of extraction).

    Examples
    --------
    >>> loose_key("MBO-Raad") == loose_key("MBO Raad") == loose_key("de mbo raad")
    True
    >>> loose_key("CIV’s") == loose_key("CIV")
    True
    """
    text = _PLURAL.sub("", normalise_name(name))
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isalnum())


_JOINING_WORDS = frozenset({"en", "and", "&", "+"})
_UNVARIED = frozenset({"Person", "Region"})
"""Types whose names are never matched by variant: 'Universiteit Twente' is not 'Twente'."""


def variant_keys(name: str) -> list[str]:
    """Loose keys of other ways to write the same name: 'X en Y' as 'X & Y' or 'X and Y', and
    without an optional opening word ('Hogeschool Saxion' -> 'Saxion', 'Nationaal Techniekpact'
    -> 'Techniekpact'; ``optional_name_prefixes`` in the lexicon) when what is left is a name
    itself, not a place.

    Examples
    --------
    >>> variant_keys("Smart and Sustainable") == variant_keys("Smart & Sustainable")
    True
    >>> loose_key("Saxion") in variant_keys("Hogeschool Saxion")
    True
    >>> variant_keys("Universiteit Twente")
    []
    """
    words = name.split()
    out: list[str] = []
    joined = [w for w in words if w.casefold() not in _JOINING_WORDS]
    if len(joined) != len(words) and len(joined) >= 2:
        out.append(loose_key(" ".join(joined)))
    if len(words) >= 2 and words[0].casefold() in lexicon().optional_name_prefixes:
        rest = " ".join(words[1:])
        if rest[:1].isupper() and not is_place(rest):
            out.append(loose_key(rest))
    return [k for k in out if k]


@dataclass(slots=True)
class Mention:
    """One surface form found in one sentence of a document."""

    text: str
    type: str
    rule: str
    """The span's kb_id: an authority IRI, 'acr:<short form>' or 'rule:<name>'."""
    evidence: Evidence
    sentence: int
    """Index of the sentence in the document (for relations and co-occurrence)."""
    start: int = 0
    end: int = 0
    """Character offsets of the mention inside the sentence text."""

    @property
    def authority(self) -> str | None:
        return self.rule if self.rule.startswith(BASE) else None

    def forms(self) -> list[str]:
        """The surface form, plus the same without quotes and without a descriptive head.

        'bacheloropleiding Mechanical Engineering' -> also 'Mechanical Engineering';
        "Impactprogramma 'Creating Secure Societies'" -> also 'Creating Secure Societies'. A
        capitalised head that is part of the name ('Techniekpact Twente') is kept whole.
        """
        return _forms(self.text, self.rule)


@dataclass(slots=True)
class Cluster:
    """Mentions resolved to one entity."""

    iri: str
    label: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    source: str = "rule"
    guessed: bool = False
    """True when no mention's rule gave evidence for the type (structure may correct it)."""
    acronym: str | None = None
    """The short form, when the document defines one for this entity."""


_QUOTES = "'‘’“”\"„`"
_QUOTED_TAIL = re.compile(r"^(?P<head>\S+)\s+[" + _QUOTES + r"](?P<title>.+?)[" + _QUOTES + r"]$")
_PLACE_HEADS = frozenset({"provincie", "gemeente", "regio", "deelregio", "landsdeel"})


_CODE_NAME = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z0-9][\w&+!.\-]*$")
_NAMESPACED = re.compile(r"^(?P<acr>[A-Z0-9][A-Za-z0-9]*[A-Z0-9])\.(?P<rest>\S.*)$")


def _forms(text: str, rule: str) -> list[str]:
    forms = [text]
    # '4TU.Centre for Engineering Education' is also 'Centre for Engineering Education'.
    spaced = _NAMESPACED.match(text)
    if spaced and (" " in spaced["rest"] or is_acronym(spaced["rest"])):
        forms.append(spaced["rest"])
    if rule == "rule:adjective" and len(text) > 6:
        forms.append(re.sub(r"(?:s|i)?(?:che|se)$", "", text))  # 'Nederlandse' -> 'Nederland'
    if rule == "rule:place_adjective":
        forms[:0] = [stem for stem in adjective_stems(text) if is_place(stem)][:1]  # the place
    quoted = _QUOTED_TAIL.match(text)
    if quoted:
        forms.append(f"{quoted['head']} {quoted['title']}")
        forms.append(quoted["title"])
    elif rule == "rule:head":
        head, _, rest = text.partition(" ")
        if head.casefold() in lexicon().weak_heads and " " not in rest and _CODE_NAME.match(rest):
            # 'Project F-TOP' is 'F-Top', 'Programma HTSF' is 'HTSF': a generic head before a
            # code-like name (acronym, hyphenated or CamelCase) only says what it is.
            forms.append(rest)
        if (
            rest
            and head.islower()
            and head not in _PLACE_HEADS
            and lexicon().head_type(head) is not None
            and rest[:1].isupper()
            and not is_place(rest)
        ):
            # ... but 'hogeschool Arnhem-Nijmegen' is not the area 'Arnhem-Nijmegen'.
            forms.append(rest)
    unquoted = text.translate({ord(q): None for q in _QUOTES})
    if unquoted != text and unquoted not in forms:
        forms.append(unquoted)
    # 'Technopolis B.V.' / 'Technopolis Group' are Technopolis; 'VO-HO netwerken' is the
    # 'VO-HO netwerk' named in the singular elsewhere.
    bare = _LEGAL_FORM.sub("", text)
    if bare != text and " " not in bare and not is_acronym(bare) and len(bare) >= 4:
        forms.append(bare)
    if text[:4].casefold() == "www.":
        forms.append(text[4:])  # 'www.arbeidsmarktinzicht.nl' is 'Arbeidsmarktinzicht.nl'
    words = text.split()
    dutch = lexicon().head_translations.get(words[-1].casefold()) if len(words) > 1 else None
    if dutch is not None:
        if words[-1][:1].isupper():
            dutch = dutch.capitalize()
        forms.append(" ".join([*words[:-1], dutch]))  # 'X Alliance' is 'X Alliantie'
    if len(words) > 1:
        singular = _singular(words[-1])
        if singular is not None:
            forms.append(" ".join([*words[:-1], singular]))
    return forms


_LEGAL_FORM = re.compile(
    r"\s+(?:B\.?V\.?|N\.?V\.?|Group|Groep|Holding|Ltd\.?|GmbH|Inc\.?)$", re.IGNORECASE
)


def _singular(word: str) -> str | None:
    """The singular of a plural head noun ('netwerken' -> 'netwerk', 'pilots' -> 'pilot')."""
    heads = lexicon().heads
    low = word.casefold()
    for suffix in ("en", "s"):
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and stem in heads:
            return word[: -len(suffix)]
    return None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group(mentions: list[Mention]) -> list[list[int]]:
    uf = _UnionFind(len(mentions))
    first_by: dict[str, int] = {}

    def link(key: str, i: int) -> None:
        if key in first_by:
            uf.union(first_by[key], i)
        else:
            first_by[key] = i

    acronyms: dict[str, str] = {}
    standalone = {m.text for m in mentions if is_acronym(m.text)}
    for m in mentions:
        if m.rule.startswith("acr:"):
            acronyms[m.rule[4:]] = m.rule
    for i, m in enumerate(mentions):
        if m.authority:
            link("iri:" + m.authority, i)
        if m.rule.startswith("acr:"):
            link(m.rule, i)
        for form in m.forms():
            key = loose_key(form)
            if key:
                link("key:" + key, i)
            bag = _word_bag(form)
            if bag:
                link("bag:" + bag, i)
        if m.type not in _UNVARIED and not m.authority:
            for variant in variant_keys(m.text):
                link(f"variant:{m.type}:{variant}", i)
        # A later use of a defined acronym (exact case), singular or plural.
        bare = _PLURAL.sub("", m.text)
        if bare in acronyms:
            link(acronyms[bare], i)
        match = _ACR_HEAD.match(m.text)
        if match and is_acronym(match["acr"]) and lexicon().head_type(match["head"]):
            # '4TU.Federatie' is 4TU, 'HTSF-programma' is HTSF.
            link("key:" + loose_key(match["acr"]), i)
        first, _, rest = m.text.partition(" ")
        if (
            rest
            and len(first) >= 3
            and is_acronym(first)
            and first in standalone
            and all(w[:1].isupper() or not w.isalpha() for w in rest.split())
            # What the context says is an activity ('onder de naam XQ TV') is something the
            # body does, not the body; a head noun in the name ('XQ Academie') may still be
            # part of the body's own full name.
            and not (m.rule == "rule:cue" and m.type == "Intervention")
        ):
            # 'SEO Economisch Onderzoek' is SEO when SEO is also named on its own.
            link("key:" + loose_key(first), i)
    _link_variants(mentions, first_by, uf)
    _link_transpositions(mentions, first_by, uf)
    _link_dropped_word(mentions, uf)
    _link_kind_short_form(mentions, uf)
    _link_initials(mentions, uf)
    _link_former_names(mentions, uf)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def _link_variants(mentions: list[Mention], first_by: dict[str, int], uf: _UnionFind) -> None:
    """Link a name to the name it is a variant of (:func:`variant_keys`), when both are of one
    type ('Hogeschool Saxion' and 'Saxion', both organisations)."""
    for i, m in enumerate(mentions):
        if m.type in _UNVARIED or m.authority:
            continue
        for variant in variant_keys(m.text):
            j = first_by.get("key:" + variant)
            if j is not None and mentions[j].type == m.type:
                uf.union(j, i)


_LONGEST_TYPO_KEY = 200
"""Longest key tried for swapped letters; real names are far shorter (the corpus: under 80)."""


def _link_transpositions(mentions: list[Mention], first_by: dict[str, int], uf: _UnionFind) -> None:
    """Link a name to another that differs by two swapped neighbouring letters.

    Swapped letters are the commonest typing error ('Duistland' for 'Duitsland', 'SWZ' for
    'SZW'); two real names of six letters or more that differ only so are very rare. Only a
    whole key is compared. Short acronyms are another matter: 'NOW' (a 2020 wage scheme) and
    'NWO' (the research council) are both real. So an all-capital acronym of three to five
    letters is taken for a typo only of a known actor (an authority entry), only when it is
    not itself known or defined in the text, and only when it is the rarer form.
    """
    counts = Counter(loose_key(m.text) for m in mentions)
    for i, m in enumerate(mentions):
        key = loose_key(m.text)
        if len(key) > _LONGEST_TYPO_KEY:
            continue  # no name: trying every swap would cost the key's length squared
        short = len(key) < 6
        if short and not (len(key) >= 3 and m.text.isupper() and m.text.isalpha()):
            continue
        if short and (m.authority is not None or m.rule.startswith("acr:")):
            continue
        for j in range(len(key) - 1):
            if key[j] == key[j + 1]:
                continue
            swapped = key[:j] + key[j + 1] + key[j] + key[j + 2 :]
            target = first_by.get("key:" + swapped)
            if target is None:
                continue
            if short and (
                not any(n.authority for n in mentions if loose_key(n.text) == swapped)
                or counts[swapped] <= counts[key]
            ):
                continue
            uf.union(target, i)


def _link_dropped_word(mentions: list[Mention], uf: _UnionFind) -> None:
    """Link a name of three or more words to the one longer name it is with one word left out.

    Long names lose a word in passing ('Platform voor Technologie' for 'Platform Talent voor
    Technologie'). Only a capitalised word after the first may be missing, never a place ('X
    Noord' is not 'X Noord Veluwe'), and only when exactly one longer entity fits.
    """
    dropped: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for j, m in enumerate(mentions):
        if m.type in {"Person", "Region"} or m.authority:
            continue
        words = m.text.split()
        if len(words) < 4:
            continue
        keys = [loose_key(w) for w in words]
        for k in range(1, len(words)):
            if words[k][:1].isupper() and not is_place(words[k]):
                dropped[tuple(keys[:k] + keys[k + 1 :])].add(j)
    if not dropped:
        return
    for i, m in enumerate(mentions):
        words = m.text.split()
        if len(words) < 3 or m.type in {"Person", "Region"}:
            continue
        longer = dropped.get(tuple(loose_key(w) for w in words))
        if longer:
            roots = {uf.find(j) for j in longer}
            if len(roots) == 1:
                uf.union(roots.pop(), i)


def _link_kind_short_form(mentions: list[Mention], uf: _UnionFind) -> None:
    """Link a name made only of kind words ('de Regio Deal') to the one longer name it opens.

    A text that has named 'Regio Deal Kustland' goes on with 'de Regio Deal': the short form
    points back, when exactly one longer entity opens with it. A single word ('Techniekpact')
    may name a body of its own and is left alone.
    """
    lex = lexicon()
    short: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        words = m.text.split()
        if len(words) >= 2 and all(lex.head_type(w) is not None for w in words):
            short[tuple(loose_key(w) for w in words)].append(i)
    if not short:
        return
    for key, members in short.items():
        longer = {
            uf.find(j)
            for j, m in enumerate(mentions)
            if len(m.text.split()) > len(key)
            and tuple(loose_key(w) for w in m.text.split()[: len(key)]) == key
        }
        if len(longer) == 1:
            root = longer.pop()
            for i in members:
                uf.union(root, i)


_RENAMED = re.compile(
    r"^\s*(?:\([^()]{1,20}\)|\))?\s*,?\s*\(?\s*"
    r"(?:(?P<plain>voorheen|v/h|beter bekend als|ook bekend als|formerly)"
    r"|(?P<named>hiervoor|eerder|vroeger|destijds|toen nog|ook wel))\s*$",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(r"^\s*(?:genaamd|geheten|genoemd)\b", re.IGNORECASE)
_NOT_RENAMED = frozenset({"Person", "Region"})
_SITE_HEADS = frozenset({"platform", "portal", "portaal", "loket", "site", "website"})
_WEB_FORM = re.compile(r"^(?:https?://)?(?:www\.)?[\w\-]+\.(?:nl|com|org|eu|nu|net)/?$", re.I)


def _link_former_names(mentions: list[Mention], uf: _UnionFind) -> None:
    """Link a name to its former or other name, or to its web address, in the same sentence.

    'X (XA), hiervoor Y genaamd', 'X (voorheen Y)', 'X, beter bekend als Y': Dutch policy texts
    state a renaming or a second name with these phrases between the two names. Words that also
    mean something else ('hiervoor' = 'for this', 'eerder' = 'earlier') count only with
    'genaamd' / 'geheten' / 'genoemd' after the second name. Persons and places are left out.
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    index = {id(m): i for i, m in enumerate(mentions)}
    for m in mentions:
        if m.type not in _NOT_RENAMED and m.end > m.start:
            by_sentence[m.sentence].append(m)
    for members in by_sentence.values():
        members.sort(key=lambda m: m.start)
        text = members[0].evidence.text
        for a, b in pairwise(members):
            if text[a.start : a.end] != a.text or text[b.start : b.end] != b.text:
                continue
            if _WEB_FORM.match(b.text) and not text[a.end : b.start].strip():
                # 'Platform X www.x.nl' closing an entry or sentence: the address of the
                # named thing, given with its name (in running text a site has a cue:
                # 'de site www.x.nl', 'zie www.x.nl').
                if not text[b.end :].strip(" .;,)"):
                    uf.union(index[id(a)], index[id(b)])
                    if a.type == "Organisation" and _SITE_HEADS & set(a.text.casefold().split()):
                        # 'X Platform www.x.nl': a platform or portal with its own site is the
                        # online instrument, not a body ('platform' names both).
                        a.type = "Intervention"
                continue
            frame = _RENAMED.match(text[a.end : b.start])
            if frame is None:
                continue
            if frame["named"] and not _NAMED_AFTER.match(text[b.end :]):
                continue
            uf.union(index[id(a)], index[id(b)])


def _word_bag(text: str) -> str | None:
    """The words of a name of three or more capitalised words, in sorted order.

    Policy texts shuffle the words of one name ('Nationale Agenda MedTech' / 'Nationale MedTech
    Agenda'); the same three or more capitalised words in another order are the same name.
    Lower-case words are left out of the test and the key, so 'Agenda voor de Techniek' and
    'Techniek voor de Agenda' still differ only if their capitalised words do.
    """
    words = text.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return " ".join(sorted(loose_key(w) for w in words))


def _initials(text: str) -> str | None:
    """The initials of a name's capitalised words: 'High Tech for a Sustainable Future' -> HTSF."""
    words = [w for w in re.split(r"[\s\-]+", text) if w[:1].isupper()]
    if len(words) < 3 or any(is_acronym(w) for w in words):
        return None
    return "".join(w[0] for w in words)


def _link_initials(mentions: list[Mention], uf: _UnionFind) -> None:
    """Link an undefined acronym to the one name in the document whose initials it spells.

    Documents often use a short form without ever defining it in brackets ('het HTSF-programma'
    ... 'High Tech for a Sustainable Future'). Three letters or more, and exactly one name with
    those initials, so a chance match of two letters or of two candidate names links nothing.
    """
    spelled: dict[str, set[int]] = defaultdict(set)
    for j, m in enumerate(mentions):
        for form in m.forms():
            initials = _initials(form)
            if initials is not None:
                spelled[initials].add(j)
            head, _, rest = form.partition(" ")
            if rest and " " not in rest and is_acronym(rest) and head[:1].isupper():
                # 'Masterplan B&T' is 'MB&T': the head's initial before the acronym.
                spelled[head[0] + rest].add(j)
    for i, m in enumerate(mentions):
        for form in m.forms():
            match = _ACR_HEAD.match(form)
            acronym = match["acr"] if match else form
            if len(acronym) < 3 or not acronym.isupper() or not acronym.replace("&", "").isalpha():
                continue
            # One entity (however many of its forms spell the initials), not one form.
            roots = {uf.find(j) for j in spelled.get(acronym, ())}
            if len(roots) == 1:
                uf.union(roots.pop(), i)


def _kind_not_actor(members: list[Mention]) -> bool:
    """Whether an undefined acronym is only ever used for a kind of organisation.

    A single organisation is not pluralised nor counted: 'de UMC's', 'de LOP's', 'per TU', 'de
    TU-rectoren' speak of a class, like 'universiteiten'. An acronym the text defines, that the
    authority list knows, or that is also used on its own ('het UWV') has other mentions and is
    kept; one with only such class uses (names.py marks them 'rule:kind') is no actor.
    """
    return all(m.rule == "rule:kind" for m in members)


def _names_a_topic(label: str, members: list[Mention]) -> bool:
    """Whether an entity is a field of knowledge or a scale rather than an actor or programme.

    'Key Enabling Technologies (KET)', 'Quantum Technologies', 'Advanced Materials', 'Technology
    Readiness Levels (TRL)': policy texts list fields and measurement scales in title case, often
    with an acronym, which makes them look like names. A name whose last words are an English
    plural field noun or a readiness scale (``topic_heads`` in the lexicon) names such a topic,
    unless the authority list knows it or a head noun in the text says what kind of body it is.
    Any spelled-out form counts: 'KEM’s (Key Enabling Methodologies)' is labelled by its
    acronym.
    """
    if any(m.authority or m.rule == "rule:head" for m in members):
        return False
    lex = lexicon()
    return lex.is_topic(label) or any(lex.is_topic(m.text) for m in members)


def _choose_type(members: list[Mention]) -> tuple[EntityType, bool]:
    """The entity's type by weighted vote, and whether it is only a guess."""
    votes: Counter[str] = Counter()
    guessed = True
    for m in members:
        if m.authority:
            return cast(EntityType, m.type), False
        if m.type not in _TYPE_ORDER:
            continue  # an acronym definition without a head noun says nothing about the type
        votes[m.type] += 1 if has(m.rule, "weak_type") else 1000
        guessed = guessed and has(m.rule, "weak_type")
    # Evidence outweighs any number of guesses: one 'Masterplan B&T' (a head noun) types the
    # entity, however often its bare acronym 'MB&T' was guessed to be an organisation.
    best = max(_TYPE_ORDER, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
    return best, guessed


def _shape_score(text: str) -> tuple[int, int]:
    """Prefer names as written in running text: mixed case, no leading lower-case head."""
    mixed = 0 if text.isupper() and len(text) > 6 else 1
    lead = 0 if text[:1].islower() else 1
    return (mixed, lead)


def _label_form(mention: Mention) -> str:
    """The form of a mention that may label its entity: the place of a place adjective
    ('Nederlandse' -> 'Nederland'), the name of a lower-case mention, else its text."""
    if mention.rule == "rule:place_adjective":
        return mention.forms()[0]
    return mention.forms()[-1] if mention.text[:1].islower() else mention.text


def _choose_label(members: list[Mention], authority_labels: dict[str, str]) -> str:
    for m in members:
        if m.authority and m.authority in authority_labels:
            return authority_labels[m.authority]
    long_forms = [m.text for m in members if m.rule.startswith("acr:") and m.text != m.rule[4:]]
    if long_forms:
        return Counter(long_forms).most_common(1)[0][0]
    counts = Counter(_ARTICLE.sub("", _label_form(m)) for m in members)
    return max(counts, key=lambda t: (_shape_score(t), counts[t], len(t)))


_DOTTED = re.compile(r"^(?P<prefix>[A-Z0-9][A-Za-z0-9&]*[A-Z0-9])\.[A-Z][a-zà-ÿ]")
"""'Acro.Word': a short form, a dot and a capitalised word with no space between them."""


def _name_families(mentions: list[Mention]) -> set[str]:
    """Prefixes that open two or more distinct dotted names in the document, or a known body's.

    Organisations brand their units as 'Acro.Unit' ('XQ.Federatie', 'XQ.Ethics', 'XQ.Onderzoek').
    One such name alone may be two sentences run together ('TNO.Het'), but a prefix the text
    uses for several different names is a family of names, so each member is a name even when
    it is written only once.
    """
    seen: dict[str, set[str]] = {}
    for m in mentions:
        match = _DOTTED.match(m.text)
        if match:
            seen.setdefault(match["prefix"], set()).add(m.text.split()[0])
    # The prefix of a body the authority list knows is a family by itself ('4TU.Onderzoek').
    known = {m.text for m in mentions if m.authority}
    return {prefix for prefix, names in seen.items() if len(names) > 1 or prefix in known}


def _in_family(text: str, families: set[str]) -> bool:
    """Whether ``text`` is a dotted name whose prefix is a family (see ``_name_families``)."""
    match = _DOTTED.match(text)
    return match is not None and match["prefix"] in families


def resolve_mentions(
    mentions: Iterable[Mention], authority_labels: dict[str, str] | None = None
) -> list[Cluster]:
    """Cluster one document's mentions into entities (see the module docstring).

    ``authority_labels`` maps authority IRIs to preferred labels.
    """
    items = list(mentions)
    labels = authority_labels or {}
    clusters: list[Cluster] = []
    families = _name_families(items)
    for group in _group(items):
        members = [items[i] for i in sorted(group)]
        # All-capital runs are only kept when something else confirms them.
        if all(has(m.rule, "confirm_only") for m in members):
            continue
        # A capitalised run named once, with nothing saying what it is, is more often a heading
        # fragment than an actor: it needs a second mention (or a head noun, cue, acronym).
        if (
            len(members) == 1
            and has(members[0].rule, "guess")
            and not _in_family(members[0].text, families)
        ):
            continue
        if _kind_not_actor(members):
            continue
        label = _choose_label(members, labels)
        if _names_a_topic(label, members):
            continue
        authority = next((m.authority for m in members if m.authority), None)
        acronym = next((m.rule[4:] for m in members if m.rule.startswith("acr:")), None)
        source = "authority" if authority else "acronym" if acronym else "rule"
        kind, guessed = _choose_type(members)
        clusters.append(
            Cluster(
                iri=authority or entity_iri(label),
                label=label,
                type=kind,
                guessed=guessed,
                mentions=members,
                source=source,
                acronym=acronym,
            )
        )
    return clusters


class Unifier:
    """Gives each actor one IRI across documents, one document at a time.

    It remembers, per entity seen so far, only ``(iri, label, type)`` under its loose key and
    under each acronym it was defined with -- a few hundred bytes per distinct actor, not the
    documents -- so a build of thousands of documents streams through it. A bare acronym gets the
    long form of a definition in an earlier document ('VU' -> 'Vrije Universiteit'); an entity
    whose loose key equals an earlier one's gets that entity's IRI.

    The trade-off of streaming: a document that uses an acronym *before* the batch reaches the
    document defining it keeps its own entity for it (the next build, which sees the definition
    first if that document is unchanged, still does). :func:`unify` learns from a whole batch
    before renaming and has no such order effect, at the cost of holding the batch.
    """

    def __init__(self) -> None:
        self._defined: dict[str, tuple[str, str, EntityType]] = {}
        self._by_key: dict[str, tuple[str, str, EntityType]] = {}
        self._variants: dict[tuple[str, str], tuple[str, str, EntityType]] = {}

    def learn(self, extraction: Extraction) -> None:
        """Remember the entities of one document (the first holder of a name wins)."""
        for entity in extraction.entities:
            known = self._lookup(entity) or (entity.iri, entity.label, entity.type)
            self._by_key.setdefault(loose_key(entity.label), known)
            if entity.type not in _UNVARIED:
                for variant in variant_keys(entity.label):
                    self._variants.setdefault((entity.type, variant), known)
            for mention in entity.mentions:
                if is_acronym(mention) and mention != entity.label:
                    self._defined.setdefault(mention, known)

    def _lookup(self, entity: Entity) -> tuple[str, str, EntityType] | None:
        """The earlier entity this one is: the same loose key, or a written variant of the
        same type (:func:`variant_keys`, either way round)."""
        key = loose_key(entity.label)
        if key in self._by_key:
            return self._by_key[key]
        if entity.type in _UNVARIED:
            return None
        variants = variant_keys(entity.label)
        for variant in variants:
            found = self._by_key.get(variant)
            if found is not None and found[2] == entity.type:
                return found
        for variant in (key, *variants):
            found = self._variants.get((entity.type, variant))
            if found is not None:
                return found
        return None

    def apply(self, extraction: Extraction) -> Extraction:
        """Rename the document's entities to the IRIs learnt so far; relations follow."""
        rename: dict[str, str] = {}
        for entity in extraction.entities:
            target = self._defined.get(entity.label) or self._lookup(entity)
            if target is not None and target[0] != entity.iri:
                rename[entity.iri] = target[0]
                entity.iri, entity.label, entity.type = target
        if rename:
            _rename(extraction, rename)
        return extraction

    def __call__(self, extraction: Extraction) -> Extraction:
        """Learn from a document, then unify it: what streaming extraction does per document."""
        self.learn(extraction)
        return self.apply(extraction)


def unify(extractions: list[Extraction]) -> list[Extraction]:
    """Give each entity one IRI across a batch of documents held in memory.

    Like :class:`Unifier`, but every document is learnt from before any is renamed, so the
    order of the batch does not matter.
    """
    unifier = Unifier()
    for extraction in extractions:
        unifier.learn(extraction)
    for extraction in extractions:
        unifier.apply(extraction)
    return extractions


def _rename(extraction: Extraction, rename: dict[str, str]) -> None:
    """Apply an IRI rename to one extraction, merging entities that now share an IRI."""
    from beleidsgraaf.records import CoOccurrence, Relation

    merged: dict[str, Entity] = {}
    for entity in extraction.entities:
        if entity.iri in merged:
            keep = merged[entity.iri]
            keep.mentions.extend(m for m in entity.mentions if m not in keep.mentions)
            keep.evidence.extend(entity.evidence)
        else:
            merged[entity.iri] = entity
    extraction.entities = list(merged.values())
    relations: dict[tuple[str, str, str, int], Relation] = {}
    for r in extraction.relations:
        s, o = rename.get(r.subject, r.subject), rename.get(r.object, r.object)
        if s == o:
            continue
        relations.setdefault((s, r.predicate, o, r.evidence.start), replace(r, subject=s, object=o))
    extraction.relations = list(relations.values())
    pairs: dict[tuple[str, str], CoOccurrence] = {}
    for c in extraction.cooccurrences:
        a, b = sorted((rename.get(c.a, c.a), rename.get(c.b, c.b)))
        if a == b:
            continue
        old = pairs.get((a, b))
        pairs[(a, b)] = CoOccurrence(
            a, b, c.weight + (old.weight if old else 0), (old.evidence if old else ()) + c.evidence
        )
    extraction.cooccurrences = list(pairs.values())
