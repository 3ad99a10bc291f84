"""The curator file: a user's corrections, applied to every extraction so they survive re-ingestion.

A curator file is YAML (``.yaml``/``.yml``) with up to four sections; names are matched like the
gold standard matches them (case, spacing, punctuation and a leading article ignored) against an
entity's label and every surface form, or given as a full entity IRI::

    # curation.yaml
    merge:            # several names are one entity; 'into' gives its label
      - into: Vrije Universiteit Amsterdam
        names: [VU, VU Amsterdam, Vrije Universiteit]
    rename:           # a better label (the IRI follows the new label)
      Techniekpact 2013: Techniekpact
    retype:           # Organisation | Programme | Intervention | Region | Person
      Jet-Net & TechNet: Intervention
    reject:           # not an entity at all; its relations go too
      - Bron
      - Tabel
    link:             # verdicts on registry links (ontology/linking.py), by record IRI
      accept:         # a candidate that is right: asserted as skos:exactMatch
        Technologische Universiteit Eindhoven: https://ror.org/02c2kyt77
      reject:         # a link or candidate that is wrong: never asserted nor proposed
        Hogeschool Saxion: [https://ror.org/005t9n460]

Order of application: reject, merge, rename, retype (``link`` is applied when the graph is
written). Renames apply all at once, each to the
entities its old name matched before any rename, so a swap (``A: B`` and ``B: A``) swaps and a
chain (``A: B``, ``B: C``) does not run on. An entry that matches nothing is ignored (the file is
shared by all documents of a corpus); a name that names nothing (empty, or only punctuation or an
article) is an error, as it would match nothing or give an entity no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

import yaml

from beleidsgraaf.config import read_text_file
from beleidsgraaf.errors import CuratorError
from beleidsgraaf.ingest.metadata import YAMLTooLarge, load_yaml
from beleidsgraaf.ingest.resolution import normalise_name
from beleidsgraaf.ontology.iri import BASE, entity_iri
from beleidsgraaf.ontology.linking import LinkDecisions, parse_link_decisions
from beleidsgraaf.records import ENTITY_TYPES, CoOccurrence, Entity, EntityType, Extraction

__all__ = ["Curation", "apply_curation", "load_curation"]


@dataclass(frozen=True)
class Curation:
    """A parsed curator file (see the module docstring)."""

    merges: tuple[tuple[str, tuple[str, ...]], ...] = ()
    renames: dict[str, str] = field(default_factory=dict)
    retypes: dict[str, EntityType] = field(default_factory=dict)
    rejects: tuple[str, ...] = ()
    links: LinkDecisions = field(default_factory=LinkDecisions)


def _name(path: Path, where: str, value: object) -> str:
    """A name as written in the file; it must name something."""
    if not isinstance(value, str):
        raise CuratorError(f"{path}: {where} must be a name, not {type(value).__name__}")
    if not value.startswith(BASE) and not normalise_name(value):
        raise CuratorError(f"{path}: {where}: {value!r} names nothing (give a name)")
    return value.strip()


def _strings(path: Path, where: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise CuratorError(f"{path}: {where} must be a list of names")
    return tuple(_name(path, where, v) for v in value)


def _mapping(path: Path, where: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise CuratorError(f"{path}: {where} must map names to names")
    return {_name(path, where, k): _name(path, f"{where} {k!r}", v) for k, v in value.items()}


def load_curation(path: Path) -> Curation:
    """Read and check a curator file.

    Raises
    ------
    CuratorError
        The file is missing, not YAML, or has an unknown section, type or shape.
    """
    path = Path(path)
    try:
        data = load_yaml(read_text_file(path))
    except FileNotFoundError as exc:
        raise CuratorError(f"{path}: curator file not found") from exc
    except IsADirectoryError as exc:
        raise CuratorError(f"{path}: is a folder, not a curator file") from exc
    except OSError as exc:
        raise CuratorError(f"{path}: cannot read curator file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CuratorError(f"{path}: cannot read curator file: {exc}") from exc
    except YAMLTooLarge as exc:
        raise CuratorError(f"{path}: refused: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise CuratorError(f"{path}: not valid YAML{where}") from exc
    if data is None:
        return Curation()
    if not isinstance(data, dict):
        raise CuratorError(f"{path}: expected sections merge/rename/retype/reject/link")
    unknown = set(data) - {"merge", "rename", "retype", "reject", "link"}
    if unknown:
        raise CuratorError(
            f"{path}: unknown section {sorted(unknown)[0]!r} "
            "(known: merge, rename, retype, reject, link)"
        )
    merges = []
    entries = data.get("merge") or []
    if not isinstance(entries, list):
        raise CuratorError(f"{path}: merge must be a list of entries with 'into' and 'names'")
    for i, item in enumerate(entries, start=1):
        if not isinstance(item, dict) or "into" not in item:
            raise CuratorError(f"{path}: merge entry {i} needs 'into' and 'names'")
        into = _name(path, f"merge entry {i} 'into'", item["into"])
        merges.append((into, _strings(path, f"merge entry {i} 'names'", item.get("names"))))
    retypes = _mapping(path, "retype", data.get("retype") or {})
    for name, kind in retypes.items():
        if kind not in ENTITY_TYPES:
            raise CuratorError(
                f"{path}: retype {name!r}: unknown type {kind!r} (known: {', '.join(ENTITY_TYPES)})"
            )
    return Curation(
        merges=tuple(merges),
        renames=_mapping(path, "rename", data.get("rename") or {}),
        retypes=cast(dict[str, EntityType], retypes),
        rejects=_strings(path, "reject", data.get("reject")) if data.get("reject") else (),
        links=parse_link_decisions(str(path), data.get("link")),
    )


def _matches(entity: Entity, name: str) -> bool:
    if name.startswith(BASE):
        return entity.iri == name
    key = normalise_name(name)
    return any(normalise_name(form) == key for form in (entity.label, *entity.mentions))


def _reiri(extraction: Extraction, new_iri: dict[str, str]) -> None:
    """Point relations and co-occurrences at new IRIs, all at once (``old -> new``)."""

    def new(iri: str) -> str:
        return new_iri.get(iri, iri)

    extraction.relations = [
        replace(r, subject=new(r.subject), object=new(r.object)) for r in extraction.relations
    ]
    extraction.cooccurrences = [
        CoOccurrence(new(c.a), new(c.b), c.weight, c.evidence) for c in extraction.cooccurrences
    ]


def apply_curation(extraction: Extraction, curation: Curation) -> Extraction:
    """Apply the corrections to one extraction in place (and return it)."""
    for name in curation.rejects:
        gone = {e.iri for e in extraction.entities if _matches(e, name)}
        if gone:
            extraction.entities = [e for e in extraction.entities if e.iri not in gone]
            extraction.relations = [
                r for r in extraction.relations if r.subject not in gone and r.object not in gone
            ]
            extraction.cooccurrences = [
                c for c in extraction.cooccurrences if c.a not in gone and c.b not in gone
            ]
    for into, names in curation.merges:
        members = [e for e in extraction.entities if any(_matches(e, n) for n in (into, *names))]
        if not members:
            continue
        keep = next((e for e in members if _matches(e, into)), members[0])
        new_iri = entity_iri(into) if keep.source != "authority" else keep.iri
        for other in members:
            if other is keep:
                continue
            keep.mentions.extend(m for m in other.mentions if m not in keep.mentions)
            keep.evidence.extend(other.evidence)
        _reiri(extraction, {m.iri: new_iri for m in members})
        keep.iri, keep.label, keep.source = new_iri, into, "curator"
        extraction.entities = [e for e in extraction.entities if e is keep or e not in members]
    renamed = [
        (entity, new)
        for entity in extraction.entities
        for new in [next((n for o, n in curation.renames.items() if _matches(entity, o)), None)]
        if new is not None
    ]
    _reiri(extraction, {entity.iri: entity_iri(new) for entity, new in renamed})
    for entity, new in renamed:
        entity.iri, entity.label, entity.source = entity_iri(new), new, "curator"
    for name, kind in curation.retypes.items():
        for entity in extraction.entities:
            if _matches(entity, name):
                entity.type = kind
                entity.source = "curator"
    extraction.relations = [r for r in extraction.relations if r.subject != r.object]
    return extraction
