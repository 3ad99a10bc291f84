"""Every beleidsgraaf pipeline component, registered with spaCy under a versioned name.

Importing this module registers the factories (spaCy's own convention); it builds nothing.
Bump the version suffix when a component's behaviour changes incompatibly, and keep the old one
registered while configs still name it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from beleidsgraaf.ingest.pipeline.acronyms import AcronymDetector
from beleidsgraaf.ingest.pipeline.authority import AuthorityMatcher, authority_names
from beleidsgraaf.ingest.pipeline.entities import EntityConsolidator, ModelEntities
from beleidsgraaf.ingest.pipeline.entries import EntryNames
from beleidsgraaf.ingest.pipeline.names import NameFinder
from beleidsgraaf.ingest.pipeline.patterns import PatternFinder
from beleidsgraaf.ingest.pipeline.tokenizer import create_tokenizer

__all__ = [
    "make_acronyms",
    "make_authority",
    "make_entities",
    "make_entries",
    "make_model_entities",
    "make_names",
    "make_patterns",
    "make_tokenizer",
]


@registry.tokenizers("beleidsgraaf_tokenizer.v1")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    return create_tokenizer()


@Language.factory("beleidsgraaf_authority_v1")
def make_authority(nlp: Language, name: str) -> AuthorityMatcher:
    return AuthorityMatcher(nlp, name, authority_names())


@Language.factory("beleidsgraaf_acronyms_v1", default_config={"max_words": 10})
def make_acronyms(nlp: Language, name: str, max_words: int) -> AcronymDetector:
    return AcronymDetector(nlp, name, max_words=max_words)


@Language.factory("beleidsgraaf_names_v1")
def make_names(nlp: Language, name: str) -> NameFinder:
    return NameFinder(nlp, name)


@Language.factory("beleidsgraaf_patterns_v1")
def make_patterns(nlp: Language, name: str) -> PatternFinder:
    return PatternFinder(nlp, name)


@Language.factory("beleidsgraaf_entries_v1")
def make_entries(nlp: Language, name: str) -> EntryNames:
    return EntryNames(nlp, name)


@Language.factory("beleidsgraaf_model_entities_v1")
def make_model_entities(nlp: Language, name: str) -> ModelEntities:
    return ModelEntities(nlp, name)


@Language.factory("beleidsgraaf_entities_v1")
def make_entities(nlp: Language, name: str) -> EntityConsolidator:
    return EntityConsolidator(nlp, name)
