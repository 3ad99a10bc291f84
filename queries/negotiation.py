"""Content negotiation for ``serve``: which format answers a request, from its ``Accept`` header.

The header is parsed by Werkzeug (RFC 9110: q-values, ``type/*`` and ``*/*`` ranges, the most
specific range deciding, ``q=0`` meaning 'not this'), never matched by substring: Jena's
``rsparql`` asks for ``application/sparql-results+json, ...;q=0.9, ..., text/csv;q=0.5`` and
must get JSON, not the CSV a substring test finds first. On equal preference the server's order
below decides; a request whose ``Accept`` admits none of the offered types gets 406.
"""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from beleidsgraaf.graph.results import GRAPH_FORMATS, RESULTS_FORMATS

__all__ = ["BOOLEAN_OFFERS", "GRAPH_OFFERS", "RESULTS_OFFERS", "choose", "describe", "offers_for"]

# media type -> output format name (graph.results), in the server's order of preference; the
# first is the answer to a request without Accept (or with */*).
RESULTS_OFFERS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    # what generic clients ask for; answered with the SPARQL results type
    "application/json": "json",
    "application/xml": "xml",
}
BOOLEAN_OFFERS: dict[str, str] = {
    k: v for k, v in RESULTS_OFFERS.items() if v in ("json", "xml")
}  # CSV and TSV are defined for SELECT only
GRAPH_OFFERS: dict[str, str] = {
    "application/n-triples": "nt",
    "text/turtle": "turtle",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "text/plain": "nt",  # the N-Triples type before RFC registration
}
assert set(RESULTS_OFFERS.values()) <= set(RESULTS_FORMATS)
assert set(GRAPH_OFFERS.values()) <= set(GRAPH_FORMATS)


def offers_for(kind: str) -> dict[str, str]:
    """The media types offered for a result ``kind`` ('select', 'ask' or 'construct')."""
    return {"select": RESULTS_OFFERS, "ask": BOOLEAN_OFFERS}.get(kind, GRAPH_OFFERS)


def choose(accept: str | None, kind: str) -> str | None:
    """The output format for this ``Accept`` header and result kind; ``None`` means 406.

    Examples
    --------
    >>> choose("application/sparql-results+json, text/csv;q=0.5", "select")
    'json'
    >>> choose("text/*, text/csv;q=0", "select")
    'tsv'
    >>> choose("application/sparql-results+xml", "ask"), choose("text/csv", "ask")
    ('xml', None)
    >>> choose(None, "construct"), choose("application/rdf+xml;q=0.9, text/turtle", "construct")
    ('nt', 'turtle')
    """
    offers = offers_for(kind)
    if accept is None or not accept.strip():
        return next(iter(offers.values()))
    best = parse_accept_header(accept, MIMEAccept).best_match(list(offers))
    return offers[best] if best is not None else None


def describe(kind: str) -> str:
    """The offered media types, for a 406 message."""
    return ", ".join(offers_for(kind))
