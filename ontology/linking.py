"""Match the graph's organisations to registry records, with evidence and a score.

Every organisation (and every province or municipality, which is a public body as well as an
area) is compared with the offline snapshots in :mod:`beleidsgraaf.ontology.registries`: ROR for
research and education, the government register (TOOI) for ministries, provinces,
municipalities and agencies. A match carries the name on our side and the registry name it
matched, the method and a score in 0-1:

========================  =====  ===================================================
method                    score  when
========================  =====  ===================================================
``name``                  0.98   the preferred label equals a registry label
                          0.96   ... or a registry alias (normalised: case, accents,
                                 punctuation, '&'/'and'/'en', a leading article)
``authority-name``        0.95   a name from the authority list or the label with its
                                 kind word ('provincie Gelderland') equals a label
``variant``               0.91   the same words once Dutch/English kind words are
                                 equated ('Universiteit Utrecht' ~ 'Utrecht
                                 University', 'hogeschool Arnhem-Nijmegen' ~
                                 'Hogeschool van Arnhem en Nijmegen')
``acronym``               0.70   only an acronym agrees (never asserted: acronyms are
                                 shared by unrelated bodies)
``similar``               ≤0.80  most words agree (a candidate to review)
``mention``               ≤0.85  only a surface form in one document matched
``curator``               1.00   an analyst accepted it in the curator file
========================  =====  ===================================================

then corrected for what else is known: a kind of actor (``dcterms:type``) that fits the record's
types adds 0.01 and one that does not multiplies by 0.6; an inactive ROR record multiplies by
0.9; a name that several records share caps at 0.8.

A match scoring :data:`ASSERT_AT` or more is *asserted* (``skos:exactMatch``, see
``ontology/README.md`` for why not ``owl:sameAs``); one scoring :data:`PROPOSE_AT` or more is a
*candidate* an analyst reviews (the map's side panel, ``queries/organisations-with-identifiers.rq``,
the ``link`` section of the curator file), never asserted. At most one record per registry is
asserted for an entity; two registries whose records name different Wikidata items assert
nothing; and a record that fits one authority-list actor better is not asserted for another
(Wageningen University and Wageningen University & Research are one ROR record).

This module imports nothing outside ``ontology``: the graph writer calls :func:`link_entity`
with plain strings.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

from beleidsgraaf.errors import CuratorError
from beleidsgraaf.ontology.authority import AuthorityEntry, load_authority
from beleidsgraaf.ontology.iri import BASE
from beleidsgraaf.ontology.registries import (
    RegistryName,
    RegistryRecord,
    registry_records,
    snapshot,
)

__all__ = [
    "ASSERT_AT",
    "PROPOSE_AT",
    "LinkDecisions",
    "Match",
    "link_entity",
    "normalise",
    "parse_link_decisions",
]

ASSERT_AT = 0.9
"""Lowest score asserted as ``skos:exactMatch``. Chosen on the hand-checked set in
``tests/ontology/registry_gold.csv``: every method that reaches it was right there."""
PROPOSE_AT = 0.5
"""Lowest score kept as a candidate for review; below it a match is dropped."""
_MAX_CANDIDATES = 3

_SCORES = {
    ("name", "label"): 0.98,
    ("name", "alias"): 0.96,
    ("authority-name", "label"): 0.95,
    ("authority-name", "alias"): 0.93,
    ("variant", "label"): 0.91,
    ("variant", "alias"): 0.91,
}
_ACRONYM, _MENTION_CAP, _SHARED_CAP = 0.70, 0.85, 0.80
_FITS, _MISFITS, _INACTIVE = 0.01, 0.6, 0.9

_NON_WORD = re.compile(r"[^a-z0-9]+")
_ACRONYM_SHAPE = re.compile(r"[A-Za-z0-9/&.\-]{2,10}")
_LEADING_ARTICLE = re.compile(r"^(de|het|the) ")
# Dutch and English words for one kind of body, folded to one token for variant matching.
_KIND_WORDS = (
    ("university of applied sciences", "#hbo"),
    ("universities of applied sciences", "#hbo"),
    ("hogescholen", "#hbo"),
    ("hogeschool", "#hbo"),
    ("technische universiteit", "#tu"),
    ("university of technology", "#tu"),
    ("universiteit", "#uni"),
    ("university", "#uni"),
    ("ministerie", "#min"),
    ("ministry", "#min"),
    ("provincie", "#prov"),
    ("province", "#prov"),
    ("gemeente", "#gem"),
    ("municipality", "#gem"),
    ("instituut", "#inst"),
    ("institute", "#inst"),
)
_STOP = frozenset(
    [
        "van",
        "voor",
        "de",
        "het",
        "der",
        "den",
        "des",
        "of",
        "the",
        "en",
        "and",
        "te",
        "in",
        "for",
        "s",
    ]
)


def normalise(name: str) -> str:
    """Fold a name for comparison: case, accents, punctuation, '&'/'and', a leading article.

    >>> normalise("Wageningen University & Research")
    'wageningen university en research'
    >>> normalise("De Haagse Hogeschool") == normalise("Haagse hogeschool")
    True
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in folded if not unicodedata.combining(c)).replace("&", " en ")
    text = _NON_WORD.sub(" ", text).strip()
    text = re.sub(r"\band\b", "en", text)
    return _LEADING_ARTICLE.sub("", text)


def _words(name: str) -> tuple[str, ...]:
    """The distinctive words of a name with kind words folded, sorted (order-free variants)."""
    text = " " + re.sub(r"\([^)]*\)", " ", normalise(name)) + " "
    for phrase, token in _KIND_WORDS:
        text = text.replace(f" {phrase} ", f" {token} ")
    return tuple(sorted(w for w in text.split() if w not in _STOP))


def _variant_key(name: str) -> tuple[str, ...] | None:
    words = _words(name)
    distinctive = [w for w in words if not w.startswith("#")]
    return words if distinctive and len(words) >= 2 else None


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM_SHAPE.fullmatch(name)) and sum(c.isupper() for c in name) >= 2


def _acronym_key(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", name).upper()


@dataclass(frozen=True, slots=True)
class Match:
    """One entity matched to one registry record."""

    entity: str
    record: RegistryRecord
    score: float
    method: str
    name: str
    """Our name that matched (label, authority name or mention)."""
    registry_name: str
    """The registry's name it matched."""
    asserted: bool = False

    @property
    def targets(self) -> tuple[str, ...]:
        """The IRIs an asserted match says the entity is: the record, Wikidata, ISNI, …"""
        wikidata = (self.record.wikidata,) if self.record.wikidata else ()
        return (self.record.iri, *wikidata, *self.record.same_as)

    @property
    def snapshot(self) -> str:
        """Which snapshot the record comes from, e.g. 'ROR v2.9 (2026-06-23)'."""
        return snapshot(self.record.registry).label


@dataclass(frozen=True)
class LinkDecisions:
    """An analyst's verdicts from the curator file's ``link`` section (see ``ingest/curation``).

    Keys are names (matched like :func:`normalise`) or entity IRIs; values are registry record
    IRIs (ROR or TOOI).
    """

    accept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reject: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def _for(self, table: Mapping[str, tuple[str, ...]], keys: set[str]) -> set[str]:
        return {iri for name, iris in table.items() for iri in iris if _key(name) in keys}

    def accepted(self, keys: set[str]) -> set[str]:
        return self._for(self.accept, keys)

    def rejected(self, keys: set[str]) -> set[str]:
        return self._for(self.reject, keys)


def _key(name: str) -> str:
    return name if name.startswith(BASE) else normalise(name)


def parse_link_decisions(source: str, section: object) -> LinkDecisions:
    """Check and read the ``link`` section of a curator file.

    Raises
    ------
    CuratorError
        The section is not ``accept``/``reject`` mappings of names to record IRIs, or names a
        record that is in neither snapshot.
    """
    if section is None:
        return LinkDecisions()
    if not isinstance(section, dict) or set(section) - {"accept", "reject"}:
        raise CuratorError(f"{source}: link must have the keys accept and/or reject")
    known = {r.iri for r in registry_records()}
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for verdict in ("accept", "reject"):
        table = section.get(verdict) or {}
        if not isinstance(table, dict):
            raise CuratorError(f"{source}: link {verdict} must map names to registry ids")
        parsed: dict[str, tuple[str, ...]] = {}
        for name, value in table.items():
            iris = [value] if isinstance(value, str) else value
            if not isinstance(name, str) or not isinstance(iris, list) or not iris:
                raise CuratorError(f"{source}: link {verdict} {name!r}: give a registry id")
            for iri in iris:
                if iri not in known:
                    raise CuratorError(
                        f"{source}: link {verdict} {name!r}: {iri!r} is not a record of the "
                        "ROR or TOOI snapshot"
                    )
            parsed[name] = tuple(iris)
        tables[verdict] = parsed
    return LinkDecisions(accept=tables["accept"], reject=tables["reject"])


@dataclass(frozen=True, slots=True)
class _Kind:
    ror_types: frozenset[str]
    government_kinds: frozenset[str]
    prefix: str


@cache
def _kinds() -> dict[str, _Kind]:
    """``registries/kinds.csv``: which registry types fit which kind of actor."""
    text = (files("beleidsgraaf.ontology.registries") / "kinds.csv").read_text("utf-8")
    return {
        f"{BASE}id/{row['concept']}": _Kind(
            frozenset(filter(None, row["ror_types"].split("|"))),
            frozenset(filter(None, row["government_kinds"].split("|"))),
            row["prefix"],
        )
        for row in csv.DictReader(io.StringIO(text))
    }


@dataclass
class _Index:
    exact: dict[str, list[tuple[RegistryRecord, RegistryName]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    variant: dict[tuple[str, ...], list[tuple[RegistryRecord, RegistryName]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    acronym: dict[str, list[tuple[RegistryRecord, RegistryName]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    words: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    """Distinctive word -> numbers of the names (in ``names``) that contain it."""
    names: list[tuple[RegistryRecord, RegistryName, frozenset[str]]] = field(default_factory=list)


@cache
def _index() -> _Index:
    index = _Index()
    for record in registry_records():
        for name in record.names:
            if name.kind == "acronym" or (name.kind == "alias" and _is_acronym(name.value)):
                index.acronym[_acronym_key(name.value)].append((record, name))
                continue
            index.exact[normalise(name.value)].append((record, name))
            variant = _variant_key(name.value)
            if variant:
                index.variant[variant].append((record, name))
            words = frozenset(_words(name.value))
            index.names.append((record, name, words))
            for word in words:
                if not word.startswith("#") and len(word) >= 4:
                    index.words[word].add(len(index.names) - 1)
    return index


@cache
def _authority() -> dict[str, AuthorityEntry]:
    return {e.iri: e for e in load_authority()}


def _fit(record: RegistryRecord, kinds: list[_Kind]) -> bool | None:
    """Does the record's type fit the entity's kind? None when the kind is not known."""
    if not kinds:
        return None
    if record.registry == "ROR":
        return any(k.ror_types & set(record.types) for k in kinds)
    return any(k.government_kinds & set(record.types) for k in kinds)


def _names(
    label: str, names: Iterable[str], kinds: list[_Kind], entry: AuthorityEntry | None
) -> list[tuple[str, str]]:
    """(name, role) pairs to look up: the label, authority names, kind-qualified, mentions."""
    out = [(label, "name")]
    if entry:
        out += [(entry.label, "authority-name")] + [(a, "authority-name") for a in entry.alt_labels]
    bare = [label, *(entry.alt_labels if entry else ())]
    out += [(f"{k.prefix} {n}", "authority-name") for k in kinds if k.prefix for n in bare]
    out += [(n, "mention") for n in names]
    seen: set[str] = set()
    unique = []
    for name, role in out:
        if name and name not in seen:
            seen.add(name)
            unique.append((name, role))
    return unique


def _similar(name: str, index: _Index) -> list[tuple[RegistryRecord, RegistryName, float]]:
    """Records whose names share most words with ``name`` (Jaccard of the folded words)."""
    mine = set(_words(name))
    distinctive = [w for w in mine if not w.startswith("#") and len(w) >= 4]
    numbers = set().union(*(index.words.get(w, set()) for w in distinctive)) if distinctive else ()
    found = []
    for number in sorted(numbers):
        record, rname, theirs = index.names[number]
        overlap = len(mine & theirs) / len(mine | theirs)
        if overlap >= 0.5:
            found.append((record, rname, overlap))
    return found


def _shared(hits: list[tuple[RegistryRecord, RegistryName]]) -> set[str]:
    """The registries in which one name belongs to several records (there it identifies none)."""
    per_registry: dict[str, set[str]] = defaultdict(set)
    for record, _ in hits:
        per_registry[record.registry].add(record.iri)
    return {registry for registry, iris in per_registry.items() if len(iris) > 1}


def _raw_matches(
    iri: str,
    entity_type: str,
    label: str,
    names: Iterable[str],
    kinds: list[_Kind],
    entry: AuthorityEntry | None,
) -> dict[str, Match]:
    """The best match per record, before the per-entity rules (one per registry, conflicts)."""
    index = _index()
    best: dict[str, Match] = {}
    region = entity_type == "Region"

    def offer(record: RegistryRecord, rname: RegistryName, score: float, method: str, name: str):
        fit = _fit(record, kinds)
        if fit is True:
            score = min(score + _FITS, 0.99)
        elif fit is False:
            score, method = score * _MISFITS, method + "+kind-mismatch"
        if not record.active:
            score, method = score * _INACTIVE, method + "+inactive"
        if record.country != "NL" or score < PROPOSE_AT:
            return
        current = best.get(record.iri)
        if current is None or score > current.score:
            best[record.iri] = Match(iri, record, round(score, 3), method, name, rname.value)

    for name, role in _names(label, names, kinds, entry):
        cap = _MENTION_CAP if role == "mention" else 1.0
        method = "mention" if role == "mention" else role
        hits = index.exact.get(normalise(name), [])
        shared = _shared(hits)
        for record, rname in hits:
            score = _SCORES[(role if role != "mention" else "name", rname.kind)]
            score = min(score, cap, _SHARED_CAP if record.registry in shared else 1.0)
            offer(record, rname, score, method, name)
        variant = _variant_key(name)
        hits = index.variant.get(variant, []) if variant else []
        shared = _shared(hits)
        for record, rname in hits:
            score = _SCORES[("variant", rname.kind)]
            score = min(score, cap, _SHARED_CAP if record.registry in shared else 1.0)
            offer(record, rname, score, "variant" if role != "mention" else method, name)
        if _is_acronym(name):
            # An authority actor whose preferred name is an acronym (AMOLF, ASTRON) is known by
            # it; any other acronym may belong to an unrelated body.
            known = entry is not None and name == entry.label
            for record, rname in index.acronym.get(_acronym_key(name), []):
                if known and _fit(record, kinds):
                    offer(record, rname, _SCORES[("authority-name", "alias")], "acronym", name)
                else:
                    offer(record, rname, min(_ACRONYM, cap), "acronym", name)
        elif role != "mention" and not region:
            for record, rname, overlap in _similar(name, index):
                offer(record, rname, min(0.5 + 0.3 * overlap, 0.8), "similar", name)
    return best


def _entity_kinds(entity_type: str, concepts: Iterable[str]) -> list[_Kind] | None:
    """The kinds that decide what may match; None when the entity is not linked at all."""
    table = _kinds()
    kinds = [table[c] for c in concepts if c in table]
    if entity_type == "Organisation":
        return kinds
    # A province or municipality is an area and a public body: link it as the body.
    if entity_type == "Region" and any(k.prefix for k in kinds):
        return kinds
    return None


def _settle(matches: list[Match]) -> list[Match]:
    """Mark what is asserted: the best per registry, if clear of rivals and registries agree."""
    settled = []
    for registry in ("ROR", "TOOI"):
        mine = sorted(
            (m for m in matches if m.record.registry == registry),
            key=lambda m: (-m.score, m.record.iri),
        )
        if not mine:
            continue
        top = mine[0]
        rival = len(mine) > 1 and mine[1].score >= ASSERT_AT and mine[1].score > top.score - 0.03
        settled.append(replace(top, asserted=top.score >= ASSERT_AT and not rival))
        # Beside a clear match, weaker look-alikes in the same registry are noise, not doubt.
        settled += [m for m in mine[1:] if rival or top.score < ASSERT_AT]
    asserted = [m for m in settled if m.asserted]
    wikidata = {m.record.wikidata for m in asserted if m.record.wikidata}
    if len(wikidata) > 1:
        settled = [
            replace(m, asserted=False, method=m.method + "+wikidata-conflict") if m.asserted else m
            for m in settled
        ]
    return settled


@cache
def _authority_owners() -> dict[str, tuple[float, str]]:
    """Record IRI -> (score, authority IRI) of the authority actor it fits best."""
    owners: dict[str, tuple[float, str]] = {}
    for entry in load_authority():
        kinds = _entity_kinds(entry.type, entry.concepts)
        if kinds is None:
            continue
        for match in _raw_matches(entry.iri, entry.type, entry.label, (), kinds, entry).values():
            held = owners.get(match.record.iri)
            if held is None or match.score > held[0]:
                owners[match.record.iri] = (match.score, entry.iri)
    return owners


def link_entity(
    iri: str,
    entity_type: str,
    label: str,
    *,
    names: Iterable[str] = (),
    concepts: Iterable[str] = (),
    decisions: LinkDecisions | None = None,
) -> list[Match]:
    """Registry matches for one entity: asserted ones and candidates, best first.

    ``names`` are other surface forms (mentions in a document; they may only propose);
    ``concepts`` its ``dcterms:type`` kinds. An entity of the authority list is also matched
    under the list's names and kind. Deterministic: the same input gives the same matches.

    >>> [(m.record.iri, m.method, m.asserted) for m in link_entity(
    ...     "https://w3id.org/beleidsgraaf/id/tno", "Organisation", "TNO") if m.asserted]
    [('https://ror.org/01bnjb948', 'authority-name', True)]
    """
    entry = _authority().get(iri)
    concepts = tuple(concepts) + (entry.concepts if entry else ())
    kinds = _entity_kinds(entity_type, concepts)
    if kinds is None:
        return []
    names = tuple(names)
    found = _raw_matches(iri, entity_type, label, names, kinds, entry)
    keys = {iri, normalise(label), *(normalise(n) for n in names)}
    if decisions:
        for record_iri in decisions.rejected(keys):
            found.pop(record_iri, None)
    settled = _settle(list(found.values()))
    if entry:
        owners = _authority_owners()
        settled = [
            replace(m, asserted=False, method=m.method + "+fits-another-actor")
            if m.asserted and owners.get(m.record.iri, (0, iri))[1] != iri
            else m
            for m in settled
        ]
    if decisions:
        accepted = decisions.accepted(keys)
        records = {r.iri: r for r in registry_records()}
        settled = [m for m in settled if m.record.iri not in accepted]
        settled += [Match(iri, records[r], 1.0, "curator", label, "", True) for r in accepted]
    asserted = [m for m in settled if m.asserted]
    candidates = sorted(
        (m for m in settled if not m.asserted), key=lambda m: (-m.score, m.record.iri)
    )
    return sorted(asserted, key=lambda m: m.record.iri) + candidates[:_MAX_CANDIDATES]
