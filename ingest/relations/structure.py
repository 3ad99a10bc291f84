"""Entities and relations that a document's structure states: boxes and tables.

Evaluation reports group their activities in boxes per landsdeel and goal ('Box 2.1 Regionale
interventies', 'Landsdeel Noord', 'Doel: Kiezen') and list areas and plans in tables. What such
an entry says is given by where it stands, not by a sentence: an entry under a landsdeel is
located there; a row of a table of areas lists the parts of its landsdeel; the rows of a table
titled with a programme list its parts and participants. The evidence is the heading plus the
entry. (Lists introduced by a sentence are read by the grammar: :mod:`.document`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple, cast

from beleidsgraaf.ingest.document import SourceDocument
from beleidsgraaf.ingest.pipeline.cues import is_document_word, lowercase_words
from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.ingest.relations.names import (
    ACTIONS,
    add_new,
    place_in_name,
    places,
    statements,
)
from beleidsgraaf.records import Entity, EntityType, Evidence, Extraction, Predicate, Relation

__all__ = ["structure_relations"]


class Found(NamedTuple):
    """An entity named in a piece of text, and where."""

    iri: str
    type: str
    start: int
    end: int


_QUOTED_TITLE = re.compile(
    r"^[‘'“\"][^’'”\"\s]+\s[^’'”\"]{2,80}[’'”\"]"
    r"(?=\s*(?:$|\(|:|[-–]\s))"
)
_ITEM_HEAD = re.compile(r"\s*(?::|\s\(|\s[-–]\s|\sd\.m\.v\.|\s+e\.g\.)")
_SITE_AFTER = re.compile(r"\s+(?:https?://)?www\.\S+\s*$", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\sen\s)\s*")


def _name_of_item(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """The name an entry in a box starts with, when it looks like a name rather than a phrase.

    'STERA: praktijkplekken bij bedrijven' -> 'STERA'; 'Make it Move' -> itself (a short title
    with a proper name in it); 'Zorgtechnologie als cross-over' -> None (a phrase). A single
    word the document also writes in lower case (``common``: 'Ouderparticipatie', when the text
    speaks of 'ouderparticipatie') is a common noun capitalised at the start of an entry.
    """
    from beleidsgraaf.ingest.pipeline.lexicon import is_common_word, lexicon

    entry = text.strip().lstrip("•·-–*▪ ")
    # A title in quotes is a name whatever its words: '‘De docent van de 21e eeuw’',
    # 'Programma ‘Werken en leren met energie’ (SEECE)'.
    quoted = _QUOTED_TITLE.match(entry)
    if quoted:
        return quoted.group(0).strip("‘’'“”\" ")
    # 'Platform X www.x.nl': the site after a name is its address, not part of the name.
    entry = _SITE_AFTER.split(entry, maxsplit=1)[0] or entry
    head = _ITEM_HEAD.split(entry, maxsplit=1)[0].strip(" .;,")
    words = head.split()
    if not words or len(words) > 6:
        return None
    # 'Jean school: unieke vakopleiding ...': a short head before a colon names the entry.
    if 2 <= len(words) <= 4 and entry[len(head) :].lstrip().startswith(":"):
        return head
    lex = lexicon()
    if len(words) == 1:
        word = words[0].strip("’'‘")
        if (
            word in lex.generic_acronyms
            or is_common_word(word.casefold())
            or word.casefold() in lex.heads
            or word.casefold() in common
        ):
            return None
        return head
    # A title: every word capitalised (or an acronym, number or connector), 'Bedrijf in de Klas'.
    content = [w for w in words if w.casefold() not in lex.connectors]
    titled = all(w[:1].isupper() or w[:1].isdigit() or w[:1] in "'‘" for w in content)
    generic = all(w.strip("‘’'") in lex.generic_acronyms for w in content)
    if titled and not generic:
        return head
    # A short title with a proper name or number in it: 'Make it Move', 'Game On regio Breda'.
    marked = any(
        (w[:1].isupper() and w.strip("‘’'") not in lex.generic_acronyms) or w[:1].isdigit()
        for w in words[1:]
    )
    return head if len(words) <= 4 and marked else None


_YEARS = re.compile(r"\s*\((?:\d{4}(?:\s*[-–]\s*\d{4})?)\)")
_AREA_TABLE = re.compile(r"provincie|deelregio|regio|gebied|gemeente|indeling", re.IGNORECASE)
_AREA_NAME = re.compile(r"^(?:\([A-Z][\w-]*\))?[A-Z][\w’'&/\-]*(?:[ -][\w’'&/\-]+){0,3}$")


def _described_area(cell: str) -> str | None:
    """The area of a cell that describes one: 'Haaglanden: Onderwijs en arbeidsmarkt verbinden'.

    A field label before the colon ('Provincies: A, B') is no area; its list follows the colon.
    """
    label, colon, _ = cell.partition(":")
    label = _BRACKETED_SUFFIX.sub("", label).strip()
    if not colon or _AREA_TABLE.search(label) or not _AREA_NAME.match(label):
        return None
    return label if not any(c.isdigit() for c in label) else None


_BRACKETED_SUFFIX = re.compile(r"\([^()]*\)$")


def _area_names(cell: str, document: str, described: bool = False) -> list[str]:
    """Place names listed in a table cell: 'Flevoland, Noord-Holland, Utrecht'.

    'X en Y' is one name when the document uses it as one elsewhere ('Achterhoek en Liemers'),
    else two; a continued compound ('Gooi- en Vechtstreek') and a plan named after such an area
    ('Techniekpact X en Y') stay whole. In a row whose cells describe areas ('Haaglanden:
    Onderwijs verbinden; Techneum'), ``described``, the area is the name before the colon; what
    follows it, and a cell without one (the wrapped end of a description, 'Vakmanschap.'), is
    description, not a list of places.
    """
    if described:
        area = _described_area(cell)
        return [area] if area is not None else []
    names: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", cell.split(":", 1)[-1]):
        piece = _YEARS.sub("", piece).strip(" .–")
        # A plan's name keeps its 'X en Y' ('Techniekpact A en B' is the pact of the area A en
        # B): only bare area names are split.
        joined = (
            " en " in piece
            and not piece.split(" en ")[0].endswith("-")
            and _plan_type(piece) is None
        )
        if joined and document.count(piece) < 2:
            names.extend(p.strip() for p in piece.split(" en "))
            continue
        names.append(piece)
    return [n for n in names if _AREA_NAME.match(n) and not any(c.isdigit() for c in n)]


def _names_document(name: str) -> bool:
    """Whether a listed name opens with a document word: 'Position paper landsdeel X',
    'Notitie doorontwikkeling Y', 'Startdocument Z'.

    Tables of plans per region list the documents a region wrote next to its programmes; such an
    entry is the title of a paper about an area or programme, neither the area nor a plan.
    """
    first = name.split(maxsplit=1)[0].casefold() if name.split() else ""
    return is_document_word(first, lexicon())


def _plan_type(name: str) -> str | None:
    """The type a head noun in ``name`` gives it, when that is not a place ('Techniekagenda')."""
    from beleidsgraaf.ingest.pipeline.lexicon import lexicon

    for word in re.split(r"[\s/]+", name):
        kind = lexicon().head_type(word.strip("‘’'()"))
        if kind in {"Programme", "Intervention"}:
            return kind
    return None


def _item_type(name: str) -> str:
    """A box entry is an Intervention, unless its own head noun says otherwise ('... Centre')."""
    from beleidsgraaf.ingest.pipeline.lexicon import lexicon

    for word in name.split():
        kind = lexicon().head_type(word.strip("‘’'()"))
        if kind in {"Organisation", "Programme"}:
            return kind
    return "Intervention"


_SHORT_ENTRY = 120
"""Characters: a box entry is one line or two; a longer one has run into the text after it."""


def _opens(text: str, entity: Entity) -> bool:
    """Whether one of the entity's names opens the text (after a bullet or quote)."""
    start = text.lstrip("•·-–*▪ ‘'“\"")
    return any(len(f) >= 3 and start.startswith(f) for f in (entity.label, *entity.mentions))


class _Finder:
    """Finds the entities of one extraction named in a piece of text (by any surface form).

    A generic acronym ('W&T', 'VO') is no name, even when resolution filed it under one.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        from beleidsgraaf.ingest.pipeline.lexicon import lexicon

        generic = lexicon().generic_acronyms
        self.by_form: dict[str, Entity] = {}
        for entity in entities:
            for form in (entity.label, *entity.mentions):
                if len(form) >= 2 and form not in generic:
                    self.by_form.setdefault(form, entity)
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
            if forms
            else None
        )

    def locate(self, text: str) -> list[Found]:
        """Every mention of a known entity in ``text``, with its span (longest form first)."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            entity = self.by_form[m.group(0)]
            out.append(Found(entity.iri, entity.type, m.start(), m.end()))
        return out

    def __call__(self, text: str, inside: str | None = None) -> list[Entity]:
        """Entities named in ``text``; not those named only within ``inside`` (a longer name).

        'Tech Centre Delft' in the entry 'High Tech Centre Delft' is part of the entry's own
        name, not a second entity in it.
        """
        if self.pattern is None:
            return []
        skip = (0, 0)
        if inside and (at := text.find(inside)) >= 0:
            skip = (at, at + len(inside))
        found = (
            self.by_form[m.group(0)]
            for m in self.pattern.finditer(text)
            if not (skip[0] <= m.start() and m.end() <= skip[1] and m.group(0) != inside)
        )
        return list({e.iri: e for e in found}.values())


def structure_relations(
    source: SourceDocument, extraction: Extraction, guessed: set[str] | None = None
) -> None:
    """Add entities and relations that the document's structure states.

    - A box entry under a landsdeel becomes an Intervention ``locatedIn`` that landsdeel and
      ``addresses`` the goal's action line; organisations it names are ``locatedIn`` the
      landsdeel too;
    - a table row that starts with a landsdeel lists areas that are ``partOf`` it;
    - a table whose title names a programme or intervention lists its parts: the named
      entities of each row are ``partOf`` it.

    Evidence is the heading (box or table title, landsdeel, goal) plus the entry. ``guessed``
    holds IRIs whose type was only guessed; structure overrides such a guess (a box entry is an
    Intervention, a table of landsdelen lists Regions).
    """
    from beleidsgraaf.ingest.resolution import loose_key
    from beleidsgraaf.ontology.authority import action_lines, landsdelen, load_authority
    from beleidsgraaf.ontology.iri import entity_iri

    guessed = guessed if guessed is not None else set()
    by_key: dict[str, Entity] = {}
    for entity in extraction.entities:
        for form in (entity.label, *entity.mentions):
            by_key.setdefault(loose_key(form), entity)
    authority_by_key: dict[str, tuple[str, str, str]] = {}
    for entry in load_authority():
        for form in (entry.label, *entry.alt_labels):
            authority_by_key.setdefault(loose_key(form), (entry.iri, entry.label, entry.type))
    finder = _Finder(extraction.entities)
    doc_hash = extraction.document.content_hash
    common = lowercase_words(source.original)

    def ensure(name: str, kind: str, evidence: Evidence) -> Entity:
        key = loose_key(name)
        found = by_key.get(key)
        if found is not None:
            if name not in found.mentions:
                found.mentions.append(name)
            if found.iri in guessed and found.type != kind:
                found.type = cast(EntityType, kind)
                guessed.discard(found.iri)
            return found
        known = authority_by_key.get(key)
        iri, label, typ = known if known else (entity_iri(name), name, kind)
        entity = Entity(iri, label, cast(EntityType, typ), [name], [evidence], source="structure")
        extraction.entities.append(entity)
        by_key[key] = entity
        return entity

    def landsdeel(name: str) -> tuple[str, str] | None:
        target = loose_key(re.sub(r"(?i)\blandsdeel\b", "", name))
        for entry in landsdelen():
            if target and loose_key(entry.label).endswith(target):
                return entry.iri, entry.label
        return None

    def goal(name: str) -> tuple[str, str] | None:
        low = name.casefold()
        for concept in action_lines():
            forms = (concept.label, *concept.alt_labels, concept.iri.rsplit("-", 1)[-1])
            if any(f.casefold() in low or low in f.casefold() for f in forms if f):
                return concept.iri, concept.label
        return None

    seen = statements(extraction)

    def relate(s: str, p: Predicate, o: str, ev: Evidence, method: str) -> None:
        if s != o:
            add_new(extraction, seen, Relation(s, p, o, ev, method))

    for block in source.blocks:
        ctx = block.context
        start = block.offsets.to_original(0)
        end = block.offsets.to_original(len(block.text))
        if block.kind == "box_item" and "landsdeel" in ctx:
            area = landsdeel(ctx["landsdeel"])
            if area is None:
                continue
            heading = " ".join(v for k in ("box", "landsdeel", "target") if (v := ctx.get(k)))
            ev = Evidence(
                doc_hash, f"{heading}: {block.text}".strip(), start, end, block.page, block.section
            )
            region = ensure(area[1], "Region", ev)
            if ctx["landsdeel"] not in region.mentions:
                region.mentions.append(ctx["landsdeel"])
            name = _name_of_item(block.text, common)
            # Organisations an entry names work there; a programme it names is the entry itself
            # only when the entry has no name of its own ('Beeldvorming d.m.v. evenementen (e.g.
            # Week van de Techniek)' is not the national Week van de Techniek).
            named = [
                e
                for e in finder(block.text, name)
                if e.type == "Organisation" or (name is None and e.type in ACTIONS)
            ]
            kind = _item_type(name) if name is not None else "Intervention"
            item = ensure(name, kind, ev) if name is not None else None
            if item is None:
                # 'Programma ‘Werken en leren met energie’ (SEECE)': a programme the text knows,
                # opening the entry, is the entry.
                opening = [e for e in named if e.type in ACTIONS and _opens(block.text, e)]
                item = opening[0] if len(opening) == 1 else None
            aim = goal(ctx.get("goal", "")) or goal(ctx.get("box", ""))
            # An entry that has run into the text after it (longer than a line or two) names
            # organisations of that text, not of the entry.
            local = named if len(block.text) <= _SHORT_ENTRY else []
            for entity in [*local, *([item] if item else [])]:
                relate(entity.iri, "locatedIn", region.iri, ev, "structure:box")
            # 'Het Laadperron (Veenendaal)', 'X: VO-HO netwerk regio Amsterdam': a place a short
            # entry names, outside the entry's own name, is where the entry works.
            if item is not None and len(block.text) <= _SHORT_ENTRY:
                for place in finder(block.text, name):
                    if place.type == "Region" and place.iri != region.iri:
                        relate(item.iri, "locatedIn", place.iri, ev, "structure:box")
            # 'Programma ‘Werken en leren met energie’ (SEECE)', 'Omscholen door A en B': the
            # organisations an entry names carry the intervention out, together.
            doers = [
                e
                for e in named
                if e.type == "Organisation"
                and item
                and e.iri != item.iri
                and len(block.text) <= _SHORT_ENTRY
            ]
            if item is not None and item.type in ACTIONS:
                for org in doers:
                    relate(org.iri, "implements", item.iri, ev, "structure:box")
            partners = [e.iri for e in doers]
            if item is None and len(block.text) <= _SHORT_ENTRY:
                partners = [m.iri for m in _joint_agents(block.text, finder.locate(block.text))]
            for i, a_iri in enumerate(partners):
                for b_iri in partners[i + 1 :]:
                    relate(a_iri, "collaboratesWith", b_iri, ev, "structure:box")
            # Only a programme or intervention pursues a goal (the ontology's shapes say so); an
            # entry that is an organisation ('... Centre', typed so by its head noun or by the
            # sentences that name it) is a place where the work happens, kept as locatedIn only.
            if item is not None and aim is not None and item.type in ACTIONS:
                extraction.labels[aim[0]] = aim[1]
                relate(item.iri, "addresses", aim[0], ev, "structure:box")
        elif block.kind == "table_row" and block.cells:
            title = ctx.get("table", "")
            ev = Evidence(
                doc_hash,
                f"{title}: {block.text}".strip(": "),
                start,
                end,
                block.page,
                block.section,
            )
            areas = _AREA_TABLE.search(f"{title} {ctx.get('header', '')}")
            area = landsdeel(block.cells[0]) if len(block.cells) >= 2 and areas else None
            if area is not None:
                whole = ensure(area[1], "Region", ev)
                described = any(_described_area(c) for c in block.cells[1:])
                for cell in block.cells[1:]:
                    # A flattened table glues the next row's landsdeel to its first area ('Oost
                    # Stedendriehoek: ...'): the areas from there on are that landsdeel's.
                    first, _, rest = cell.partition(" ")
                    next_row = landsdeel(first) if described and _described_area(rest) else None
                    if next_row is not None:
                        whole = ensure(next_row[1], "Region", ev)
                        cell = rest
                    for part in _area_names(cell, source.original, described):
                        if _names_document(part):
                            continue
                        plan = _plan_type(part)
                        if plan is None:
                            region = ensure(part, "Region", ev)
                            relate(region.iri, "partOf", whole.iri, ev, "structure:table")
                            continue
                        # A plan listed per landsdeel ('Werkplan Techniekpact X'): it is located
                        # where its name says, else in the landsdeel of its row.
                        entity = ensure(part, plan, ev)
                        if place_in_name(part, places(extraction, common)) is None:
                            relate(entity.iri, "locatedIn", whole.iri, ev, "structure:table")
                continue
            owners = [e for e in finder(title) if e.type in ACTIONS]
            if not owners:
                continue
            owner = max(owners, key=lambda e: len(e.label))
            # A programme's row lists its parts; an organisation in a row takes part in it
            # ('Tabel 2.1 Kiezen voor Technologie: ... JINC (allochtone jongeren)').
            for entity in finder(block.text):
                if entity.type == "Organisation":
                    relate(entity.iri, "participatesIn", owner.iri, ev, "structure:table")
                elif entity.type in ACTIONS or entity.iri in guessed:
                    relate(entity.iri, "partOf", owner.iri, ev, "structure:table")


_BY_AGENT = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


def _joint_agents(text: str, found: Sequence[Found]) -> list[Found]:
    """The organisations of an unnamed entry's 'door A en B' ('Omscholen werkzoekenden door A
    en B'): they do the work together. Only a plain coordination right after 'door' counts."""
    orgs = sorted((m for m in found if m.type == "Organisation"), key=lambda m: m.start)
    if len(orgs) < 2 or not _BY_AGENT.search(text[: orgs[0].start]):
        return []
    for a, b in pairwise(orgs):
        if not re.fullmatch(r"\s*(?:,|\ben\b|&)\s*(?:de\s+|het\s+)?", text[a.end : b.start]):
            return []
    return orgs
