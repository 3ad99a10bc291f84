"""Typed relations from Dutch verb patterns, appositions and names, each with its evidence sentence.

The patterns are cue words, not parse trees (the blank Dutch pipeline has no parser): a sentence
that contains a cue for a predicate relates the entities of the right types in it, in reading
order. The cues are ordinary Dutch verbs and nouns ('samenwerken met', 'financieren',
'coördineren', 'trekker', 'deelnemen aan', 'onderdeel van', 'uitvoeren'), so they work on text
nobody has seen. Relations that rest on structure rather than on sentences (box entries, table
rows) come from :func:`structure_relations`.

Entities that merely occur in the same sentence are *not* related here: they become weighted
co-occurrence links (:func:`cooccurrences`), never a typed relation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import cast

from beleidsgraaf.ingest.document import SourceDocument
from beleidsgraaf.ingest.frames import (
    ACTIONS,
    ACTORS,
    Located,
    adjuncts,
    affiliations,
    frame_relations,
    runs,
)
from beleidsgraaf.ingest.pipeline.cues import is_document_word, lowercase_words
from beleidsgraaf.ingest.pipeline.lexicon import lexicon
from beleidsgraaf.records import (
    CoOccurrence,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Predicate,
    Relation,
)

__all__ = [
    "Located",
    "cooccurrences",
    "namespace_relations",
    "place_in_name",
    "place_relations",
    "role_holders",
    "sentence_relations",
    "structure_relations",
]


_CUES: dict[Predicate, re.Pattern[str]] = {
    "collaboratesWith": re.compile(
        r"\bsamen\s*werk\w*|\bsamenwerking\w*|\bwerk\w*\s+samen\b"
        r"|\bwerk(?:en|t|te|ten)\s+(?:de\s+|het\s+)?[^.;:]{1,80}?\bsamen\b(?!\s+met\b)|\bsamen\s+met\b"
        r"|\bhanden\s+ineen\b|\bgezamenlijk\b|\bconsortium\b|\balliantie\b|\bcoalities?\b"
        r"|\bafgestemd\s+met\b|\bafstemming\s+met\b|\bbanden\s+met\b|\boptrekken\b",
        re.IGNORECASE,
    ),
    "coordinates": re.compile(
        r"\bco[öo]rdin\w*|\btrekker\w*|\bpenvoerder\w*|\bpenvoering\b|\bregie(?:rol|voering|voerder\w*|houder\w*)?\b|\bleidt\b"
        r"|\bleiden\b|\bonder\s+leiding\b|\bvoorzitter\w*|\bgeleid\b|\baanjager\w*"
        r"|\bkwartiermaker\w*|\bverantwoordelijk\b|\bdecaan\b|\bdean\b|\bvoortouw\b"
        r"|\bopgezet\w*\b|\bgeïnitieerd\b|\binitiatiefnemer\w*|\buit\s+te\s+werken\b|\buitwerken\b",
        re.IGNORECASE,
    ),
    "funds": re.compile(
        r"\bfinancier\w*|\bgefinancierd\b|\bbekostig\w*|\bgesubsidieerd\b|\bsubsidieert\b"
        r"|\bstelt\b.{0,40}\bbeschikbaar\b"
        r"|\bmiddelen\s+(?:van|uit)\b|\binvesteert\b|\binvesteren\b|\bfunding\b",
        re.IGNORECASE,
    ),
    "implements": re.compile(
        r"\buitvoer(?:en|t|de|den|der|ders)\b|\buitgevoerd\b|\bvoer\w*\b.{0,40}\buit\b|\borganiseer\w*|\borganiseert\b|\bgeorganiseerd\b"
        r"|\bimplement\w*|\bzet\w*\b(?:(?!\bin\b).){0,30}\bop\b|\b(?:heeft|hebben)\b.{0,60}\bontwikkeld\b"
        r"|\bverzorg(?:t|en|d|de|den)\b"
        r"|\bontwikkelt\b|\bbiedt\b.{0,40}\baan\b|\binitiatief\s+van\b|\blanceert\b|\bgelanceerd\b",
        re.IGNORECASE,
    ),
    "participatesIn": re.compile(
        r"\bdeel\s*(?:nemen|name|nemers?)\b|\bdeelnemende\b|\bneemt\b.{0,40}\bdeel\b"
        r"|\bnemen\b.{0,40}\bdeel\b|\baangesloten\b|\bdoe[tn]?\s+mee\b"
        r"|\bondertek\w*|\bpartners?\b|\bpartij(?:en)?\b|\bbijdrage\s+aan\b|\b(?:start|starten|startte|startten|gestart)\b"
        r"|\bsloten\s+(?:zich\s+)?aan\b|\bsluit\w*\b.{0,30}\baan\b|\baan\s+de\s+slag\b"
        r"|\binbreng\b|\bmet\s+de\s+lancering\b|\bin\s+het\s+kader\s+van\b|\bbetrokken\s+bij\b",
        re.IGNORECASE,
    ),
}

_PLACE_PREP = re.compile(
    r"\b(?:in|te|uit|vanuit|rond)\s+(?:de\s+|het\s+|regio\s+)?$", re.IGNORECASE
)


def _pairs_for(
    predicate: str, items: Sequence[Located], groups: list[list[Located]]
) -> Iterable[tuple[Located, Located]]:
    """Who relates to whom when only a cue word, no frame, says what the sentence is about.

    Working together is said of the members of one coordination ('A en B werken samen'), never
    of names that merely share the sentence; the other predicates relate actors to programmes.
    """
    actors = [m for m in items if m.type in ACTORS]
    actions = [m for m in items if m.type in ACTIONS]
    if predicate == "collaboratesWith":
        for group in groups:
            orgs = [m for m in group if m.type == "Organisation"]
            if 2 <= len(orgs) <= _MAX_COORDINATION:
                for i, a in enumerate(orgs):
                    for b in orgs[i + 1 :]:
                        yield a, b
    elif predicate in {"coordinates", "participatesIn", "implements"}:
        for a in actors:
            for b in actions:
                yield a, b
    elif predicate == "funds":
        for a in actors:
            if a.type != "Organisation":
                continue
            for b in actions:
                yield a, b


_MAX_COORDINATION = 5
"""Longer enumerations list the parties of a landscape, not partners in one piece of work."""

_MAX_CUE_SENTENCE = 300
"""Characters. A longer 'sentence' is several clauses or a flattened table row, where a loose cue
word does not belong to every name in it; frames, which fix their own arguments, still apply."""


_WORD = re.compile(r"\w+")
_FOUNDING = re.compile(r"opgezet|geïnitieerd|initiatiefnemer", re.IGNORECASE)
_PARTICIPLE = re.compile(r"^(?:ge|uitge|opge)\w+[dt]$", re.IGNORECASE)
_ACTIVE_PERFECT = re.compile(r"\b(?:heeft|hebben|had|hadden)\b", re.IGNORECASE)


def _cue(
    pattern: re.Pattern[str], sentence: str, spans: Sequence[Located]
) -> tuple[str, int] | None:
    """The first match of a cue that is a word of the sentence, not part of a name.

    'Leiden' in 'Leiden-Delft-Erasmus' and 'Regie' in 'Landelijke Regiegroep' are names, not
    the verbs 'leiden' and 'regie voeren'; a capitalised cue inside a sentence is a name too.
    'heeft geleid tot' is 'resulted in', not 'led'.
    """
    for match in pattern.finditer(sentence):
        at, to = match.start(), match.end()
        # A cue of two words with a gap ('heeft X ... ontwikkeld', 'werken A en B samen')
        # spans the names between them: only its own words must lie outside names.
        words = list(_WORD.finditer(match.group(0)))
        ends = [(at + w.start(), at + w.end()) for w in (words[0], words[-1])] if words else []
        if any(m.start < e and s < m.end for m in spans for s, e in ends or [(at, to)]):
            continue
        word = match.group(0)
        if at > 0 and word[:1].isupper() and not word.isupper() and sentence[:at].strip():
            continue
        if _PARTICIPLE.match(word) and not _ACTIVE_PERFECT.search(sentence[:at]):
            continue  # 'is in 2019 gelanceerd': a passive without agent names no doer
        if re.match(r"\s+tot\b", sentence[to:]) and word.lower() in {"geleid", "leiden", "leidt"}:
            continue
        if len(words) > 2:
            word = f"{words[0].group(0)} … {words[-1].group(0)}"
        return word.lower(), at
    return None


_FUNDED = re.compile(
    r"(?<=ing)\s+(?:van|voor)\s+(?:de\s+|het\s+)?(?:\w+\s+van\s+(?:de\s+|het\s+)?)?", re.I
)
"""After a funding noun ('financiering', 'bekostiging'): the name that follows is what is funded."""


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?=(?:die|dat|waarbij|waarin|waardoor|waarmee|maar|terwijl|zodat|omdat)\b)"
    r"|\s(?=(?:om|omdat|zodat|terwijl|waarbij|waardoor|die|dat)\s)",
    re.IGNORECASE,
)


_REQUEST = re.compile(
    r"\b(?:gevraagd|verzocht|opgedragen|gevraagd\s+om|vraagt|vroeg|verzoekt)\b", re.IGNORECASE
)


def _asked(sentence: str, a: Located, at: int, every: Sequence[Located]) -> bool:
    """Whether ``a`` can do what the cue at ``at`` says when a request stands between them.

    Only the party asked ('heeft TKI HTSM gevraagd ... te coördineren', the name right before
    'gevraagd') does it, not the one asking.
    """
    request = _REQUEST.search(sentence, a.end, at)
    if request is None:
        return True
    before = [m for m in every if m.end <= request.start()]
    return bool(before) and before[-1].iri == a.iri


_EXAMPLE_CUE = re.compile(r"\b(\w+)\s+(?:als|zoals)$", re.IGNORECASE)
_ITEM_GLUE = re.compile(r"(?:,|\b(?:en|of)\b)$", re.IGNORECASE)
_ITEM = re.compile(r"(?:\b(?:de|het|een)\s+)?(?:§|[\w-]+)$", re.IGNORECASE)
_ARTICLE_END = re.compile(r"\b(?:de|het|een)$", re.IGNORECASE)


def _cited_as_example(sentence: str, b: Located, every: Sequence[Located]) -> bool:
    """Whether a programme is named as an example of a topic: 'ontwikkelingen als de
    kabinetsformatie, het klimaatakkoord en ...', 'thema’s zoals het X-akkoord'.

    A programme cited as one of the developments or subjects a text takes into account is the
    context of what its actors do, not something they take part in, implement or fund. Earlier
    items of the list may be other names or one unrecognised word each ('de kabinetsformatie');
    the word before 'als'/'zoals' must be a plural noun that is no actor, programme or
    instrument noun ('partners zoals', 'programma’s als' do introduce participants and
    programmes).
    """
    if b.start < 0:
        return False
    text = sentence[: b.start]
    for m in sorted(every, key=lambda m: -m.start):
        if m.start >= 0 and m.end <= b.start:
            text = text[: m.start] + "§" + text[m.end :]
    t = _ARTICLE_END.sub("", text.rstrip()).rstrip()
    for _ in range(12):
        cue = _EXAMPLE_CUE.search(t)
        if cue is not None:
            lex = lexicon()
            noun = cue.group(1).lower()
            if not noun.endswith(("en", "s")) or noun in lex.actor_plurals:
                return False
            stems = (noun, noun[:-1], noun[:-2])
            return all(lex.head_type(w) is None for w in stems if len(w) > 3)
        glue = _ITEM_GLUE.search(t)
        if glue is None:
            return False
        t = t[: glue.start()].rstrip()
        item = _ITEM.search(t)
        if item is None:
            return False
        t = t[: item.start()].rstrip()
    return False


def _near(sentence: str, pair: tuple[Located, Located], at: int) -> bool:
    """Whether a 'together' cue stands next to the coordination it speaks of (40 characters).

    'A en B werken samen', 'de samenwerking van A en B': yes; 'bij NWO, TO2 en hogescholen,
    al dan niet in het kader van publiek-private samenwerking': no.
    """
    lo = min(m.start for m in pair)
    hi = max(m.end for m in pair)
    return lo - 40 <= at <= hi + 40


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The span of the clause around position ``at``: a cue's doer is named in its own clause.

    'De topsector zal het voortouw nemen om met KEM en MJP een analyse op te stellen': KEM and
    MJP stand in the 'om'-clause, not in the clause of 'voortouw'.
    """
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        # '... treedt VLAIO op om het actieplan te coördineren': an 'om te' clause shares the
        # subject of the clause before it, so it does not end that clause for a cue inside it.
        if m.end() <= at and not sentence[m.end() :].lower().startswith(("om ", "om\n")):
            lo = m.end()
        elif m.start() > at:
            hi = m.start()
            break
    return lo, hi


def sentence_relations(
    sentence: str, items: Sequence[Located], evidence: Evidence, *, max_entities: int = 8
) -> list[Relation]:
    """Typed relations stated in one sentence.

    ``items`` are the sentence's entity mentions, in any order; an item with ``start`` -1 is
    named by the enclosing section heading, the authors or the sentence before rather than the
    sentence. Verb frames (:mod:`~beleidsgraaf.ingest.frames`) come first: they say who is the
    subject and who the object. A cue word whose predicate no frame explained then relates the
    remaining actors and programmes. Sentences naming more than ``max_entities`` entities are
    enumerations, where cue words do not say who does what; only frames, appositions and
    places are taken from them.
    """
    every = sorted((m for m in items if m.start >= 0), key=lambda m: m.start)
    found: dict[tuple[str, str, str], Relation] = {}

    def add(s: Located, p: Predicate, o: Located, method: str) -> None:
        if s.iri != o.iri:
            found.setdefault((s.iri, p, o.iri), Relation(s.iri, p, o.iri, evidence, method))

    frames, claimed = frame_relations(sentence, items)
    for f in frames:
        if f.subject != f.object:
            key = (f.subject, f.predicate, f.object)
            found.setdefault(key, Relation(f.subject, f.predicate, f.object, evidence, f.method))
    skip = affiliations(sentence, items) | adjuncts(sentence, items)
    kept = [m for m in items if id(m) not in skip]
    ordered = sorted({m.iri: m for m in kept}.values(), key=lambda m: m.start)
    if 1 < len(ordered) <= max_entities and len(sentence) <= _MAX_CUE_SENTENCE:
        groups = runs(sentence, kept)
        for predicate, pattern in _CUES.items():
            if predicate in claimed:
                continue
            found_cue = _cue(pattern, sentence, every)
            if found_cue is None:
                continue
            cue, at = found_cue
            lo, hi = _clause(sentence, at)
            for a, b in _pairs_for(predicate, ordered, groups):
                if a.start >= 0 and not lo <= a.start < hi:
                    continue
                # What the actor starts, funds or leads stands in the cue's clause too: 'het
                # idee om X te starten met Y, om ..., gaat vorm krijgen in Z' says nothing of
                # Y taking part in Z. (Partners of a collaboration are checked by nearness.)
                if b.start >= 0 and not lo <= b.start < hi and predicate != "collaboratesWith":
                    continue
                if a.start >= 0 and not _asked(sentence, a, at, every):
                    continue  # 'EZK heeft HTSM gevraagd ... te coördineren': HTSM does it
                if (
                    predicate == "funds"
                    and a.start >= 0
                    and _FUNDED.fullmatch(sentence, at + len(cue), a.start)
                ):
                    continue  # 'de financiering van (het werk van) X': X is funded, not funder
                if predicate == "collaboratesWith" and not _near(sentence, (a, b), at):
                    continue
                if b.type in ACTIONS and _cited_as_example(sentence, b, every):
                    continue  # 'ontwikkelingen als het klimaatakkoord': context, not joined
                said: Predicate = predicate
                if predicate == "coordinates" and b.type == "Intervention" and _FOUNDING.match(cue):
                    said = "implements"  # who set up an instrument runs it; a programme, leads it
                add(a, said, b, f"cue:{cue}")
    # Apposition 'Name (ORG)': a person belongs to the organisation in brackets.
    for a in every:
        if a.type != "Person":
            continue
        for b in every:
            if b.type == "Organisation" and sentence[a.end : b.start].strip() == "(":
                add(a, "partOf", b, "apposition")
    # 'In landsdeel Oost zijn de provincies A en B opgeknipt in deelregio’s zoals C en D': a
    # sentence about the subregions of the area it opens with names parts of that area.
    regions = [m for m in every if m.type == "Region"]
    if regions and _SUBREGION.search(sentence) and _IN_AREA.match(sentence[: regions[0].start]):
        whole = regions[0]
        for part in regions[1:]:
            add(part, "partOf", whole, "frame:deelregio")
    # Places: 'X in Y' / 'X te Y' where Y is a region right after the preposition, and X
    # stands right before it in the same phrase (no verb, comma or clause between).
    countries = _countries()
    for b in every:
        if b.type != "Region":
            continue
        before = [a for a in every if a.end <= b.start and a.type != "Region"]
        if not before:
            continue
        gap = sentence[before[-1].end : b.start]
        # 'Universiteit Twente Drienerlolaan 5 7522 NB Enschede': a Dutch postal address.
        if _ADDRESS.search(gap) and before[-1].type == "Organisation":
            add(before[-1], "locatedIn", b, "address")
            continue
        # 'TU9 (Duitsland)', 'Joint Research Center (Middelburg)': a bracketed place.
        if gap.strip() == "(" and sentence[b.end :].lstrip().startswith(")"):
            add(before[-1], "locatedIn", b, "place")
            continue
        if b.iri in countries or not _PLACE_PREP.search(sentence[max(0, b.start - 20) : b.start]):
            continue
        if sentence[b.end :].lstrip().startswith(")") and re.fullmatch(r"[’'‘\s]*\(\s*\w+\s+", gap):
            gap = gap.replace("(", " ")  # 'het SMITZH-programma (in Zuid-Holland)'
        if len(gap) <= 40 and not _PLACE_BREAK.search(gap):
            add(before[-1], "locatedIn", b, "place")
    return list(found.values())


_ROLE_FILLED = re.compile(
    r"\b(?:deze|die|zijn|haar)\s+(?:rol|functie|positie)\b[^.;]{0,40}?"
    r"\b(?:vervuld|bekleed|ingevuld|waargenomen)\s+door\b",
    re.IGNORECASE,
)
_ROLE_NOUN = re.compile(
    r"\b(?:voorzitter|co[öo]rdinator|trekker|kwartiermaker|programmamanager|directeur)s?\b",
    re.IGNORECASE,
)


def role_holders(
    sentence: str,
    items: Sequence[Located],
    before: str,
    before_items: Sequence[Located],
    evidence: Evidence,
) -> list[Relation]:
    """'X wordt aangestuurd door de voorzitter. Deze rol wordt vervuld door A, eerder door B.'

    A sentence that says who fills 'deze rol' speaks of the leading role the sentence before it
    named ('voorzitter', 'coördinator', 'trekker'); its persons coordinate the body or programme
    that role leads: the last one named before the role noun, else the one right after it ('de
    voorzitter van X').
    """
    if not _ROLE_FILLED.search(sentence):
        return []
    persons = [m for m in items if m.type == "Person" and m.start >= 0]
    if not persons or any(m.type in ACTIONS | {"Organisation"} for m in items if m.start >= 0):
        return []
    role = _ROLE_NOUN.search(before)
    if role is None:
        return []
    led = [m for m in before_items if m.start >= 0 and m.type in ACTIONS | {"Organisation"}]
    earlier = [m for m in led if m.end <= role.start()]
    later = [
        m
        for m in led
        if m.start >= role.end()
        and re.fullmatch(r"\s+van\s+(?:de\s+|het\s+)?", before[role.end() : m.start])
    ]
    owner = later[0] if later else earlier[-1] if earlier else None
    if owner is None:
        return []
    return [Relation(p.iri, "coordinates", owner.iri, evidence, "frame:rol") for p in persons]


_SUBREGION = re.compile(r"\b(?:deel|sub)regio", re.IGNORECASE)
_IN_AREA = re.compile(
    r"^\W*(?:In|Binnen)\s+(?:het\s+|de\s+)?(?:landsdeel\s+|provincie\s+|regio\s+)?$",
    re.IGNORECASE,
)
"""A sentence opening 'In (landsdeel) X': X is the area its subregions ('deelregio’s') are of.
'In de deelregio X' does not match: X is then itself the part."""


_ADDRESS = re.compile(r"^[^.;()]{0,60}\b\d{4}\s?[A-Z]{2}\s+$")
"""A street and Dutch postcode ('Drienerlolaan 5 7522 NB ') between an organisation and a city."""

_PLACE_BREAK = re.compile(
    r"[,;:()]|\b(?:en|of|die|dat|om|is|zijn|wordt|worden|werd|heeft|hebben|zal|zullen|kan|kunnen"
    r"|wil|willen|samenwerking|samen|brengen|doen|verbinden)\b"
    r"|\b(?:de|het|een)\s+(?!(?:regio|provincie|gemeente|stad)\b)(?-i:[a-zà-ÿ])",
    re.IGNORECASE,
)
"""Between a name and 'in <place>': a list, clause or verb means the place belongs elsewhere, and
so does a noun phrase of its own ('het Techniekpact komt terug in de aanpak in Duitsland')."""


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


# -- relations from document structure ----------------------------------------------------------

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

    def locate(self, text: str) -> list[Located]:
        """Every mention of a known entity in ``text``, with its span (longest form first)."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            entity = self.by_form[m.group(0)]
            out.append(Located(entity.iri, entity.type, m.start(), m.end()))
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

    seen = _statements(extraction)

    def relate(s: str, p: Predicate, o: str, ev: Evidence, method: str) -> None:
        if s != o:
            _add_new(extraction, seen, Relation(s, p, o, ev, method))

    intro = ""
    for block in source.blocks:
        ctx = block.context
        start = block.offsets.to_original(0)
        end = block.offsets.to_original(len(block.text))
        if block.kind == "paragraph":
            intro = _intro(block.text)
        elif block.kind == "list_item" and intro:
            # 'De federatie werkt samen met:' + '• TNO' reads as one sentence.
            text = f"{intro} {block.text.strip().lstrip('•·-–*▪ ')}"
            ev = Evidence(doc_hash, text, start, end, block.page, block.section)
            for r in sentence_relations(text, finder.locate(text), ev):
                relate(r.subject, r.predicate, r.object, ev, f"structure:list {r.method}")
        elif block.kind != "list_item":
            intro = ""
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
                        if place_in_name(part, _places(extraction, common)) is None:
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


def _joint_agents(text: str, found: Sequence[Located]) -> list[Located]:
    """The organisations of an unnamed entry's 'door A en B' ('Omscholen werkzoekenden door A
    en B'): they do the work together. Only a plain coordination right after 'door' counts."""
    orgs = sorted((m for m in found if m.type == "Organisation"), key=lambda m: m.start)
    if len(orgs) < 2 or not _BY_AGENT.search(text[: orgs[0].start]):
        return []
    for a, b in pairwise(orgs):
        if not re.fullmatch(r"\s*(?:,|\ben\b|&)\s*(?:de\s+|het\s+)?", text[a.end : b.start]):
            return []
    return orgs


def _intro(paragraph: str) -> str:
    """The last sentence of a paragraph when it announces a list ('... werkt samen met:')."""
    text = paragraph.strip()
    if not text.endswith(":"):
        return ""
    return re.split(r"(?<=[.!?])\s+", text)[-1][:-1].strip()


def _countries() -> frozenset[str]:
    """IRIs of countries in the authority list: 'X in Nederland' says nothing in Dutch policy."""
    from beleidsgraaf.ontology.authority import load_authority
    from beleidsgraaf.ontology.iri import BASE

    return frozenset(e.iri for e in load_authority() if f"{BASE}id/soort/land" in e.concepts)


_NAMESPACE = re.compile(r"^(?P<ns>[A-Z0-9][A-Za-z0-9]*[A-Z0-9])\.\S|@(?P<at>[A-Z0-9]+)$")


def namespace_relations(extraction: Extraction) -> None:
    """``partOf`` for names in an organisation's namespace: '4TU.Graduate School', 'Health@4TU'.

    A body is a member of the body whose namespace it is in, and a programme of a programme; an
    instrument named so ('XQ.Founders Course') is something one of its units runs, and a
    programme in a body's namespace is the body's programme: neither is a structural part.

    The namespace ('4TU') must name another entity of the document (by any surface form).
    """
    from beleidsgraaf.ingest.resolution import loose_key

    owners: dict[str, Entity] = {}
    for entity in extraction.entities:
        for form in (entity.label, *entity.mentions):
            owners.setdefault(loose_key(form), entity)
    seen = _statements(extraction)
    for entity in extraction.entities:
        if not entity.evidence or entity.type == "Intervention":
            continue
        for form in (entity.label, *entity.mentions):
            match = _NAMESPACE.search(form)
            owner = owners.get(loose_key(match["ns"] or match["at"])) if match else None
            if owner is None or owner.iri == entity.iri:
                continue
            if not (entity.type in ACTIONS and owner.type not in ACTIONS):
                evidence = entity.evidence[0]
                _add_new(
                    extraction, seen, Relation(entity.iri, "partOf", owner.iri, evidence, "name")
                )
            break


def _places(extraction: Extraction, common: frozenset[str]) -> dict[str, Entity]:
    """The document's Region entities by the loose key of each name they go by.

    Countries are left out ('X in Nederland' says nothing in Dutch policy), and so is a one-word
    'place' the document also writes in lower case ('Vakmanschap' in 'Gelders Vakmanschap', when
    the text speaks of 'vakmanschap'): that is a common noun, not a place name.
    """
    from beleidsgraaf.ingest.resolution import loose_key

    regions: dict[str, Entity] = {}
    countries = _countries()
    for entity in extraction.entities:
        if entity.type == "Region" and entity.iri not in countries:
            for form in (entity.label, *entity.mentions):
                if form.casefold() not in common:
                    regions.setdefault(loose_key(form), entity)
    return regions


_ADJECTIVE_END = re.compile(r"(?<=\w{4})(?:se|s)$")


def _adjective_stems(word: str) -> list[str]:
    """Places a capitalised Dutch place adjective may come from: 'Rotterdams' -> 'Rotterdam',
    'Twentse' -> 'Twente', 'Gelderse' -> 'Gelderland'."""
    if not word[:1].isupper() or not _ADJECTIVE_END.search(word):
        return []
    stem = _ADJECTIVE_END.sub("", word)
    return [stem, f"{stem}e", f"{stem}land"]


def place_in_name(name: str, regions: dict[str, Entity]) -> Entity | None:
    """The place a name is named after: 'Techniekpact Twente', 'Masterplan Techniek Amsterdam
    Rapportage', 'Sectorplan ‘Groningen op voorsprong’', 'Rotterdams Techniekpact' (a place
    adjective).

    The last place wins, and a longer place over a shorter one ('Zuid-Holland' over 'Holland').
    """
    from beleidsgraaf.ingest.resolution import loose_key

    words = name.split()
    for end in range(len(words), 0, -1):
        for n in range(min(4, end), 0, -1):
            if n == len(words):
                continue
            place = regions.get(loose_key(" ".join(words[end - n : end])))
            if place is not None:
                return place
        if end < len(words) or len(words) > 1:
            for stem in _adjective_stems(words[end - 1].strip("‘’'“”\"()")):
                place = regions.get(loose_key(stem))
                if place is not None:
                    return place
    return None


_GOVERNMENT = re.compile(
    r"^(?:provincie|gemeente|waterschap|stadsdeel|province|municipality)\s+(?:van\s+)?\S+$",
    re.IGNORECASE,
)
"""'Provincie Gelderland', 'gemeente Eindhoven': the government of a place, not a body in it."""


def place_relations(extraction: Extraction, source: SourceDocument | None = None) -> None:
    """``locatedIn`` for entities named after a place (:func:`place_in_name`).

    The place must be a Region entity of the same document; the evidence is the first sentence
    that names the entity.
    """
    common = lowercase_words(source.original) if source is not None else frozenset()
    regions = _places(extraction, common)
    seen = _statements(extraction)
    for entity in list(extraction.entities):
        if entity.type == "Region" or not entity.evidence or _GOVERNMENT.match(entity.label):
            continue
        place = place_in_name(entity.label, regions)
        if place is not None and place.iri != entity.iri:
            relation = Relation(entity.iri, "locatedIn", place.iri, entity.evidence[0], "name")
            _add_new(extraction, seen, relation)


def _statements(extraction: Extraction) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) triples the extraction states so far."""
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def _add_new(extraction: Extraction, seen: set[tuple[str, str, str]], relation: Relation) -> None:
    """Add ``relation`` unless the extraction already states it (``seen``, kept up to date)."""
    key = (relation.subject, relation.predicate, relation.object)
    if key not in seen:
        seen.add(key)
        extraction.relations.append(relation)
