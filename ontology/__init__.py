"""The beleidsgraaf ontology, controlled vocabularies, authority list, SHACL shapes and validation.

Submodules: ``iri`` (minting IRIs), ``namespace`` (the ``BG`` terms), ``authority`` (vocabularies
and the authority list as Python and RDF), ``validate`` (SHACL validation), ``reference``
(the generated Markdown reference). The data files (``beleidsgraaf.ttl``, ``concepts.ttl``,
``authority.csv``, ``shapes.ttl``) ship with the package.

``vocabulary_graph`` is re-exported lazily, so ``import beleidsgraaf.ontology`` parses nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["vocabulary_graph"]


def __getattr__(name: str) -> Any:
    if name == "vocabulary_graph":
        from beleidsgraaf.ontology.authority import vocabulary_graph

        return vocabulary_graph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
