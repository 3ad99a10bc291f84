"""Dated, offline snapshots of public organisation registries, as Python records.

Two snapshots ship in this folder (``README.md`` gives source, licence, date and the refresh
command; nothing is fetched at run time):

``ror-nl.json``
    the Research Organization Registry (ROR), filtered to the Netherlands: universities,
    hogescholen, research institutes, funders, some ministries and provinces, with their
    Wikidata, ISNI, GRID and Crossref Funder ids;
``overheid-nl.json``
    the Dutch government's organisations with their TOOI identifiers (ministries, provinces,
    municipalities, zbo's, agencies, inspectorates, advisory councils), with OWMS and Wikidata.

Both are read lazily and cached. Every record becomes a :class:`RegistryRecord` whose ``iri`` is
the registry's own identifier and whose ``same_as`` are the other identifiers the registry gives
for the same organisation, as IRIs an analyst can join on.

Examples
--------
>>> from beleidsgraaf.ontology.registries import ror_records
>>> tud = next(r for r in ror_records() if r.iri == "https://ror.org/02e2c7k09")
>>> tud.wikidata
'http://www.wikidata.org/entity/Q752663'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "ROR",
    "TOOI",
    "WIKIDATA",
    "RegistryName",
    "RegistryRecord",
    "Snapshot",
    "government_records",
    "registry_records",
    "ror_records",
    "snapshot",
]

ROR = "https://ror.org/"
WIKIDATA = "http://www.wikidata.org/entity/"
TOOI = "https://identifier.overheid.nl/tooi/id/"
ISNI = "https://isni.org/isni/"
FUNDREF = "https://doi.org/10.13039/"

_FILES = {"ROR": "ror-nl.json", "TOOI": "overheid-nl.json"}


@dataclass(frozen=True, slots=True)
class RegistryName:
    """One name a registry gives an organisation."""

    value: str
    kind: str
    """'label' (official or display name), 'alias' (other name) or 'acronym'."""
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """One organisation in a registry snapshot."""

    registry: str
    """'ROR' or 'TOOI'."""
    iri: str
    """The registry's identifier as an IRI (``https://ror.org/…``, ``…/tooi/id/…``)."""
    names: tuple[RegistryName, ...]
    types: tuple[str, ...]
    """ROR's organisation types ('education', 'funder', …) or the government kind
    ('ministerie', 'provincie', 'gemeente', 'zbo', 'agentschap', 'inspectie', 'adviescollege')."""
    country: str
    active: bool
    """False for a ROR record marked inactive, or a government organisation with a successor:
    the organisation no longer exists under this identifier."""
    wikidata: str | None
    """The Wikidata entity IRI the registry gives (its preferred one)."""
    same_as: tuple[str, ...]
    """Other identifier IRIs of the same organisation (ISNI, Crossref Funder DOI, OWMS)."""
    parents: tuple[str, ...] = ()
    """IRIs of records this one is part of (ROR 'parent' relationships)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where a snapshot came from: the facts its README and every registry link cite."""

    registry: str
    source: str
    licence: str
    release: str | None
    date: str | None

    @property
    def label(self) -> str:
        """Short citation, e.g. 'ROR v2.9 (2026-06-23)'."""
        release = f" {self.release}" if self.release else ""
        return f"{self.registry}{release} ({self.date or 'undated'})"


@cache
def _load(registry: str) -> dict[str, Any]:
    text = (files("beleidsgraaf.ontology.registries") / _FILES[registry]).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def snapshot(registry: str) -> Snapshot:
    """Source, licence, release and date of the snapshot of ``registry`` ('ROR' or 'TOOI')."""
    data = _load(registry)
    return Snapshot(
        registry, data["source"], data["licence"], data.get("release"), data.get("date")
    )


def _kind(types: list[str]) -> str:
    for kind in ("label", "acronym"):
        if kind in types:
            return kind
    return "alias"


def _ror_record(raw: dict[str, Any]) -> RegistryRecord:
    ids = raw.get("ids", {})
    same_as = [ISNI + v.replace(" ", "") for v in ids.get("isni", [])[:1]]
    same_as += [FUNDREF + v for v in ids.get("fundref", [])[:1]]
    return RegistryRecord(
        registry="ROR",
        iri=ROR + raw["id"],
        names=tuple(
            RegistryName(n["value"], _kind(n["types"]), n.get("lang")) for n in raw["names"]
        ),
        types=tuple(raw["types"]),
        country="NL",
        active=raw["status"] == "active",
        wikidata=WIKIDATA + ids["wikidata"][0] if ids.get("wikidata") else None,
        same_as=tuple(same_as),
        parents=tuple(ROR + r["id"] for r in raw["relationships"] if r["type"] == "parent"),
    )


def _government_record(raw: dict[str, Any]) -> RegistryRecord:
    ids = raw.get("ids", {})
    return RegistryRecord(
        registry="TOOI",
        iri=raw["id"],
        names=tuple(RegistryName(n["value"], _kind(n["types"]), "nl") for n in raw["names"]),
        types=(raw["kind"],),
        country="NL",
        active=not raw.get("ended"),
        wikidata=WIKIDATA + ids["wikidata"] if ids.get("wikidata") else None,
        same_as=tuple(v for k, v in sorted(ids.items()) if k == "owms"),
    )


@cache
def ror_records() -> tuple[RegistryRecord, ...]:
    """Every record of the ROR snapshot (organisations in the Netherlands)."""
    return tuple(_ror_record(r) for r in _load("ROR")["records"])


@cache
def government_records() -> tuple[RegistryRecord, ...]:
    """Every record of the government register snapshot (organisations with a TOOI id)."""
    return tuple(_government_record(r) for r in _load("TOOI")["records"])


def registry_records() -> tuple[RegistryRecord, ...]:
    """Both snapshots together: the records :mod:`beleidsgraaf.ontology.linking` matches."""
    return ror_records() + government_records()
