"""The generic vocabulary the rule components type names with (``lexicon.yaml``).

Loaded once per process with ``importlib.resources`` (never at import time), and exposed as
frozen sets so components can test membership cheaply inside their token loops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from spacy.lang.nl.stop_words import STOP_WORDS

__all__ = ["Lexicon", "is_common_word", "lexicon", "looks_like_verb", "lookup_lemma"]


_LAST_PART = re.compile(r"[.\-/@&+]")
"""Separators of joined words ('4TU.Impact', 'O&O-fonds', 'Health@4TU')."""


@dataclass(frozen=True)
class Lexicon:
    """Word lists from ``lexicon.yaml``, lower-cased (acronyms keep their case)."""

    heads: dict[str, str]
    """head noun -> entity type."""
    head_suffixes: tuple[tuple[str, str], ...]
    """(suffix, type) for compounds, longest suffix first."""
    weak_heads: frozenset[str]
    region_cues: frozenset[str]
    compass_prefixes: frozenset[str]
    person_cues: frozenset[str]
    portfolio_words: frozenset[str]
    member_nouns: frozenset[str]
    connectors: frozenset[str]
    tussenvoegsels: frozenset[str]
    articles: frozenset[str]
    generic_acronyms: frozenset[str]
    stop_words: frozenset[str]
    function_words: frozenset[str]
    street_suffixes: tuple[str, ...]
    person_cue_suffixes: tuple[str, ...]
    places: tuple[str, ...]
    actor_plurals: frozenset[str]
    generic_bodies: frozenset[str]
    head_translations: dict[str, str]
    title_cues: frozenset[str]
    agreement_heads: tuple[str, ...]
    generic_body_prefixes: tuple[str, ...]
    topic_heads: tuple[str, ...]
    topic_plurals: tuple[str, ...]
    site_nouns: frozenset[str]
    """Premises an organisation owns ('fabriek', 'opleidingscentrum'): their owner is a body."""
    optional_name_prefixes: frozenset[str] = frozenset()
    """Words a name may be written with or without ('Hogeschool Saxion', 'Saxion')."""
    ordinals: frozenset[str] = frozenset()
    """Capitalised ordinals that open a body's name ('Tweede Kamer')."""
    address_words: frozenset[str] = frozenset()
    """Words that open the postal part of an address ('Postbus'); a name ends before them."""
    _memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def head_type(self, word: str) -> str | None:
        """Type marked by ``word`` as a head noun, or as a compound ending in one.

        Examples
        --------
        >>> lexicon().head_type("Investeringsfonds")
        'Intervention'
        >>> lexicon().head_type("Sectorplancommissie")
        'Organisation'
        >>> lexicon().head_type("Techniek") is None
        True
        >>> lexicon().head_type("4TU.Impact") is None, lexicon().head_type("HTSF-programma")
        (True, 'Programme')
        """
        low = word.casefold()
        if low in self._memo:
            return self._memo[low]
        found = self.heads.get(low)
        # Only the last part of a joined word is a compound: '4TU.Impact' ends in 'impact',
        # which is no 'pact'; 'HTSF-programma' ends in the head 'programma' itself.
        last = _LAST_PART.split(low)[-1]
        if found is None and last != low:
            found = self.heads.get(last)
        if found is None:
            found = next(
                (
                    kind
                    for suffix, kind in self.head_suffixes
                    if len(last) >= len(suffix) + 3 and last.endswith(suffix)
                ),
                None,
            )
        self._memo[low] = found
        return found

    def is_generic_body(self, name: str) -> bool:
        """True for the organ of some organisation ('Dagelijks Bestuur', 'Raad van Toezicht').

        Examples
        --------
        >>> lexicon().is_generic_body("College van Bestuur")
        True
        >>> lexicon().is_generic_body("Raad voor Cultuur")
        False
        """
        low = " ".join(name.casefold().strip(".").split())
        return low in self.generic_bodies or low.startswith(self.generic_body_prefixes)

    def is_topic(self, name: str) -> bool:
        """True for a name headed by a field of knowledge or a scale ('Quantum Technologies').

        Examples
        --------
        >>> lexicon().is_topic("Key Enabling Technologies"), lexicon().is_topic("Quantum Delta")
        (True, False)
        """
        words = name.casefold().strip(" .").split()
        return any(
            words[-len(head.split()) :] == head.split() for head in self.topic_heads if words
        )


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    text = (files("beleidsgraaf.ingest.pipeline") / "lexicon.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    heads: dict[str, str] = {}
    for kind, members in data["heads"].items():
        for word in members:
            heads.setdefault(str(word).casefold(), kind)
    # Compounds: only suffixes of 4+ letters, so 'lab' or 'dag' never type 'Verslag' or 'Kabinet'
    # (and the few short ones listed in the lexicon that end no ordinary Dutch word: 'Girlsday').
    short = {str(w).casefold() for w in data["short_head_suffixes"]}
    suffixes = sorted(
        ((w, k) for w, k in heads.items() if (len(w) >= 4 or w in short) and w.isalpha()),
        key=lambda item: -len(item[0]),
    )

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data[key])

    return Lexicon(
        heads=heads,
        head_suffixes=tuple(suffixes),
        weak_heads=words("weak_heads"),
        region_cues=words("region_cues"),
        compass_prefixes=words("compass_prefixes"),
        person_cues=words("person_cues"),
        portfolio_words=words("portfolio_words"),
        member_nouns=words("member_nouns"),
        connectors=words("connectors"),
        tussenvoegsels=words("tussenvoegsels"),
        articles=words("articles"),
        generic_acronyms=frozenset(str(w) for w in data["generic_acronyms"]),
        stop_words=frozenset(STOP_WORDS),
        function_words=words("function_words"),
        street_suffixes=tuple(words("street_suffixes")),
        person_cue_suffixes=tuple(words("person_cue_suffixes")),
        places=tuple(str(p) for p in data["places"]),
        actor_plurals=words("actor_plurals"),
        generic_bodies=words("generic_bodies"),
        head_translations={
            str(k).casefold(): str(v).casefold() for k, v in data["head_translations"].items()
        },
        title_cues=words("title_cues"),
        agreement_heads=tuple(words("agreement_heads")),
        generic_body_prefixes=tuple(words("generic_body_prefixes")),
        topic_heads=tuple(words("topic_heads")),
        topic_plurals=tuple(words("topic_plurals")),
        site_nouns=words("site_nouns"),
        optional_name_prefixes=words("optional_name_prefixes"),
        ordinals=words("ordinals"),
        address_words=words("address_words"),
    )


@cache
def _lemma_table() -> Any:
    from spacy.lookups import load_lookups

    return load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")


def lookup_lemma(lower: str) -> str | None:
    """The lemma spacy-lookups-data lists for a lower-case word form, if any.

    Examples
    --------
    >>> lookup_lemma("toegekend"), lookup_lemma("qwxz")
    ('toekennen', None)
    """
    found = _lemma_table().get(lower)
    return str(found) if found else None


@cache
def _lemmas() -> frozenset[str]:
    return frozenset(str(v) for v in _lemma_table().values())


def is_common_word(lower: str) -> bool:
    """True for ordinary Dutch words (stop words, or forms and lemmas in spacy-lookups-data).

    A capitalised word that is also an ordinary word ('Daarnaast', 'Techniek') is not a name on
    its own; a word outside this set ('Innofunding', 'Twente') may be.

    Examples
    --------
    >>> is_common_word("leerkrachten"), is_common_word("twente")
    (True, False)
    """
    return lower in lexicon().stop_words or lower in _lemmas() or lower in _lemma_table()


@cache
def looks_like_verb(lower: str) -> bool:
    """True for an inflected Dutch verb form ('vormt', 'moest', 'leidde'), by its lemma.

    spacy-lookups-data maps inflected forms to lemmas; a form whose lemma is an infinitive
    ('-en') and which itself ends like a finite verb (-t, -de, -te, or the bare stem) is a verb.
    Nouns map to singular nouns ('leerlijnen' -> 'leerlijn'), so they do not qualify; an
    infinitive ('richten') is a lemma that is also listed as a form.

    Examples
    --------
    >>> looks_like_verb("vormt"), looks_like_verb("leerlijnen")
    (True, False)
    """
    lemma = str(_lemma_table().get(lower, lower))
    if lemma == lower:
        # An infinitive is its own lemma and is also the plural present ('zij richten').
        return lower.endswith("en") and lower in _lemmas()
    if not lemma.endswith("en"):
        return False
    return lower.endswith(("t", "de", "te", "den", "ten")) or lower == lemma[:-2]
