"""Dutch verb frames: constructions that say which mention is the subject and which the object.

A cue word alone ('samenwerking', 'gefinancierd') says what a sentence is about, not who does
what to whom. Dutch policy prose marks the roles with a small set of fixed constructions, and
these are the same in every document of the genre:

* 'X werkt samen met A, B en C', 'in samenwerking met', 'afgestemd met', 'coalities met':
  X (or, with no X, the document's authors) works with each of A, B and C -- not A with B;
* 'samenwerking tussen A, B en C': every pair of A, B and C;
* passives and prepositional agents, 'Y wordt gefinancierd door X', 'met subsidie van X',
  'onder leiding van X', 'op initiatief van X', 'georganiseerd door X': X is the agent, Y the
  programme or intervention named before;
* 'X maakt deel uit van Y', 'X is onderdeel van Y', 'X is lid van Y', 'Y bestaat uit A en B':
  membership, the part first;
* 'de samenwerking in Y met A en B': A and B (and the subject) take part in Y;
* 'X neemt deel aan Y', 'X is betrokken bij Y', 'X sluit aan bij Y', 'In Y nemen A en B deel';
* 'het actieplan Y van A en B': a plan of A and B is carried out by them, and they work on it
  together.

Entities joined by commas, 'en', 'of', '/' or '&' form a *run* (a coordination); an argument
slot takes a whole run, so 'A, B en C financieren Y' gives three relations. Bracketed text is
skipped when reading the glue between names ('Regionaal Investeringsfonds mbo (RIF) van ...').
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from beleidsgraaf.records import Predicate

__all__ = [
    "Frame",
    "Located",
    "adjuncts",
    "affiliations",
    "frame_relations",
    "runs",
    "unnamed_subject",
]

ACTORS = frozenset({"Organisation", "Person"})
ACTIONS = frozenset({"Programme", "Intervention"})
_PARTNERS = frozenset({"Organisation", "Person", "Programme"})


@dataclass(frozen=True, slots=True)
class Located:
    """An entity mention inside a sentence: IRI, type and character span in the sentence.

    ``start`` -1 marks an entity the sentence speaks about without naming it (the authors of
    'we', the subject carried over from the sentence before, the programme of the heading).
    """

    iri: str
    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    """One relation a frame found, with the frame's name as the extraction method."""

    subject: str
    predicate: Predicate
    object: str
    method: str


_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_GLUE_WORDS = frozenset(
    {"en", "of", "and", "de", "het", "een", "zowel", "als", "alsmede", "evenals", "ook", "plus"}
)
_GLUE_TOKEN = re.compile(r"[^\W\d_][\w-]*|[,/&+’'‘“”\"-]")
_COMPARISON = re.compile(r"\b(?:net\s+als|net\s+zoals|evenals|behalve|anders\s+dan)\s*$", re.I)


_NAME_HEAD = re.compile(
    r"\b(?:ministerie|ministeries|provincie|provincies|gemeente|gemeenten|stichting|vereniging"
    r"|organisaties?|koepels?)(?:\s+van)?\s*$",
    re.IGNORECASE,
)


def _glue(text: str) -> bool:
    """Whether the text between two names only coordinates them (', ', ' en de ', ' / ').

    An acronym the recogniser missed ('VNO-NCW/MKB en FME') and a head noun that introduces the
    next name ('TechLeap en het ministerie van EZK') do not break a coordination.
    """
    text = _NAME_HEAD.sub(" ", _BRACKETS.sub(" ", text))
    if len(text) > 24 or any(c in text for c in ".;:!?"):
        return False
    tokens = _GLUE_TOKEN.findall(text)
    listed = "," in text or " en " in f" {text} "
    return all(
        t.lower() in _GLUE_WORDS
        or not t[:1].isalpha()
        or (t.isupper() and len(t) >= 2)
        or (listed and t[:1].isupper())  # a name the recogniser missed: 'A, Be-an-Engineer en B'
        for t in tokens
    )


def runs(sentence: str, items: Sequence[Located]) -> list[list[Located]]:
    """Positioned mentions grouped into coordinations, in reading order.

    A mention inside brackets right after another ('Jan Jansen (VU)', 'RIF' in 'Fonds (RIF)') is
    an apposition to it, not a member of the coordination, and is left out.
    """
    placed = sorted((m for m in items if m.start >= 0), key=lambda m: (m.start, -m.end))
    groups: list[list[Located]] = []
    last_end = -1
    for m in placed:
        if m.start < last_end:
            continue  # nested in the previous mention
        if groups and _bracketed_after(sentence, groups[-1][-1], m):
            continue
        if groups and _glue(sentence[groups[-1][-1].end : m.start]):
            if all(g.iri != m.iri for g in groups[-1]):
                groups[-1].append(m)
        else:
            groups.append([m])
        last_end = m.end
    return groups


def _bracketed_after(sentence: str, a: Located, b: Located) -> bool:
    gap = sentence[a.end : b.start]
    return gap.strip() == "(" or (gap.strip().startswith("(") and ")" not in gap)


def affiliations(sentence: str, items: Sequence[Located]) -> set[int]:
    """Ids of organisations in brackets after a person: 'Karen de Vries (VU)'.

    Such an organisation is the person's employer, not a party to what the sentence says.
    """
    out: set[int] = set()
    for a in items:
        if a.type != "Person" or a.start < 0:
            continue
        for b in items:
            if b.type == "Organisation" and b.start >= a.end:
                gap = sentence[a.end : b.start]
                if gap.strip() == "(" or re.fullmatch(r"\s*\([^()]*[,&/]\s*", gap):
                    out.add(id(b))
    return out


_BREAK = re.compile(
    r"[.;:!?]|\b(?:die|dat|om|waarbij|waarin|waarmee|zodat|omdat|terwijl|maar|wordt|worden|werd"
    r"|werden|is|zijn|was|waren|heeft|hebben|had|zal|zullen|kan|kunnen|wil|willen|moet|moeten"
    r"|te|door)\b",
    re.IGNORECASE,
)


_PREPOSITIONS = (
    r"van|voor|door|met|bij|aan|in|op|uit|tot|over|naar|tussen|onder|binnen|vanuit|via|namens"
    r"|opdracht|richting|tegenover|zonder|per"
)
_INTRODUCER = re.compile(
    r"\b(?:zoals|waaronder|als|bijvoorbeeld|namelijk|onder\s+andere|o\.a\.)\s*[\w\s,’'‘-]*$",
    re.IGNORECASE,
)
_LEAD_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS})\b", re.IGNORECASE)
_NAME_IN_LEAD = re.compile(r"\b[A-Z][\w-]*\s+[A-Z][\w-]*")
_GOVERNED = re.compile(
    rf"\b(?:{_PREPOSITIONS})\s+(?:(?:onder\s+andere|o\.a\.|bijvoorbeeld|zoals|meer|alle|andere"
    r"|de|het|een|deze|dit|die|hun|haar|zijn|onze|ons)\s+)*[’'‘\"(]?\s*$",
    re.IGNORECASE,
)


def adjuncts(sentence: str, items: Sequence[Located]) -> set[int]:
    """Ids of actors named only in an adjunct ('Vanuit 4TU', 'in opdracht van OCW').

    Such an actor is not who does what the sentence's verb says ('Vanuit 4TU zal 4TU.Impact
    dit uitvoeren': 4TU.Impact carries it out).
    """
    out: set[int] = set()
    for group in runs(sentence, items):
        if _ADJUNCT.search(sentence[: group[0].start]):
            out.update(id(m) for m in group if m.type in ACTORS)
    return out


_ADJUNCT = re.compile(
    r"\b(?:vanuit|namens|volgens|aldus|opdracht\s+van|verzoek\s+van|advies\s+van)\s+"
    r"(?:(?:de|het|een|deze|dit)\s+)*$",
    re.IGNORECASE,
)
"""Prepositions whose actor stands outside what the verb says: the source, the commissioner."""


def _lead_ok(lead: str, reach: int) -> bool:
    """Whether the words between a cue and a name are a plain noun phrase introducing it.

    'met externe partners zoals' and 'met de koepels' are; a verb or clause break ('met
    techniekdecanenoverleg zullen ... worden'), a preposition of its own ('met organisaties
    onder VU-UT vlag') or an unrecognised name ('van de Dutch Cardio Alliance en') are not.
    """
    acronym = lead.rstrip().endswith("(")  # 'kenniscentra Wetenschap en Techniek (KWTO'
    lead = _NAME_HEAD.sub(" ", _BRACKETS.sub(" ", lead))  # 'tussen de ministeries van EZK'
    if len(lead) > reach or _BREAK.search(lead) or re.search(r"\bnet\s+(?:als|zoals)\b", lead):
        return False
    if _NAME_IN_LEAD.search(lead) and not acronym:
        return False
    last = max((m.end() for m in _LEAD_PREPOSITION.finditer(lead)), default=None)
    return last is None or bool(_INTRODUCER.search(lead[last:]))


def _after(
    sentence: str, groups: list[list[Located]], pos: int, types: frozenset[str], reach: int
) -> list[Located]:
    """The first run after ``pos`` with members of ``types``, when the lead-in is a noun phrase.

    'met externe partners zoals NWO, TNO en EZK' -> [NWO, TNO, EZK] (see :func:`_lead_ok`).
    """
    for group in groups:
        members = [m for m in group if m.type in types]
        if group[0].start < pos or not members:
            continue
        return members if _lead_ok(sentence[pos : members[0].start], reach) else []
    return []


def _before(
    sentence: str,
    groups: list[list[Located]],
    pos: int,
    types: frozenset[str],
    *,
    subject: bool = True,
) -> list[Located]:
    """The last run before ``pos`` with members of ``types``; with ``subject``, one that can be one.

    A run governed by a preposition ('in opdracht van de ministeries OCW en SZW', 'via onder
    andere het Techniekpact') is an adjunct, and a run coordinated with the cue's own noun
    ('A, B en de coalitie met C') is a list the cue belongs to; neither is the subject.
    """
    for group in reversed(groups):
        members = [m for m in group if m.type in types and m.end <= pos]
        if not members:
            continue
        if _COMPARISON.search(sentence[: group[0].start]):
            continue
        if subject and _GOVERNED.search(sentence[: group[0].start]):
            continue
        if subject and _glue(_CUE_NOUN.sub("", sentence[group[-1].end : pos])):
            continue
        return members
    return []


_CUE_NOUN = re.compile(r"\b(?:de|het|een)\s+\w+\s*$", re.IGNORECASE)


def _unplaced(items: Sequence[Located], types: frozenset[str]) -> list[Located]:
    """Subjects not named in the sentence: the authors ('we'), a carried or heading subject."""
    return [m for m in items if m.start < 0 and m.type in types]


# -- the frames -----------------------------------------------------------------------------------

_WITH = re.compile(
    r"\b(?:in\s+)?(?:samen\s*werk\w*|samengewerkt|samen|coalitie|coalities|allianties?"
    r"|afgestemd|afstemming|afstemmen|afstemt|banden|contact(?:en)?|overleg|overlegt|optrekken"
    r"|optrekt|samenspraak|partnerschap(?:pen)?|gesprekk?e?n?|verbonden|verbinding|starten|start|gestart)"
    r"(?:\s+(?:aan(?:gaan|gegaan|te\s+gaan)|zoeken|gezocht|opzetten|opgezet|versterken|versterkt"
    r"|uitbreiden|uitgebreid|sluiten|gesloten|aan|verder))?\s+met\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"\b(?:samen\s*werk\w*|samengewerkt|samenwerkingsverband\w*|coalitie|coalities|overleg"
    r"|afstemming|allianties?)\s+(?:\w+\s+){0,2}?tussen\b",
    re.IGNORECASE,
)
_AGENT: tuple[tuple[re.Pattern[str], Predicate], ...] = (
    (
        re.compile(
            r"\b(?:gefinancierd|medegefinancierd|gecofinancierd|bekostigd|gesubsidieerd|betaald"
            r"|gefund|gesponsord)\s+(?:\w+\s+){0,3}?(?:door|vanuit)\b"
            r"|\bmet\s+(?:\w+\s+){0,2}?(?:steun|subsidies?|financiering|cofinanciering|middelen"
            r"|bijdragen?|geld|investeringen?)\s+(?:van(?:uit)?|uit|door)\b"
            r"|\b(?:gefinancierd|bekostigd|betaald|gesubsidieerd)\s+uit\s+(?:middelen|gelden)"
            r"\s+van\b|\bfinanciering\s+(?:door|vanuit)\b",
            re.IGNORECASE,
        ),
        "funds",
    ),
    (
        re.compile(
            r"\b(?:gecoördineerd|gecoordineerd|getrokken|aangestuurd|voorgezeten|geregisseerd"
            r"|geleid)\s+(?:\w+\s+){0,3}?door\b"
            r"|\bonder\s+(?:de\s+)?(?:leiding|regie|coördinatie|coordinatie|voorzitterschap"
            r"|aansturing|verantwoordelijkheid|penvoering|vlag)\s+van\b"
            r"|\bop\s+initiatief\s+van\b|\bgetrokken\s+door\b",
            re.IGNORECASE,
        ),
        "coordinates",
    ),
    (
        re.compile(
            r"\b(?:uitgevoerd|georganiseerd|ontwikkeld|opgezet|aangeboden|verzorgd|geïmplementeerd"
            r"|gerealiseerd|gelanceerd|ingericht|opgestart|gestart|geïnitieerd|uitgerold|gedragen)"
            r"\s+(?:\w+\s+){0,3}?door\b",
            re.IGNORECASE,
        ),
        "implements",
    ),
)
_MEMBER = re.compile(
    r"\bdeel\s+uit\s+van\b|\bonderdeel\s+(?:\w+\s+){0,1}?van\b|\b(?:is|zijn|als)\s+lid\s+van\b"
    r"|\bleden\s+van\b|\bbehoor\w*\s+tot\b|\bvalt\s+onder\b|\bvallen\s+onder\b",
    re.IGNORECASE,
)
_CONSISTS = re.compile(r"\b(?:bestaat|bestaan|bestaande|bestond)\s+uit\b", re.IGNORECASE)
_JOINS = re.compile(
    r"\bdeel\s*nemer\w*\s+(?:\w+\s+){0,2}?(?:aan|van|in)\b|\b(?:neemt|nemen|nam|namen)\b"
    r"[^.;:]{0,40}?\bdeel\s+(?:aan|in)\b|\bdeelname\s+(?:\w+\s+){0,3}?aan\b"
    r"|\bbetrokken\s+(?:\w+\s+){0,1}?bij\b|\bdoe[tn]?\s+(?:\w+\s+){0,1}?mee\s+(?:aan|in|met)\b"
    r"|\baangesloten\s+bij\b|\bsluit\w*\s+(?:zich\s+)?(?:\w+\s+){0,1}?aan\s+bij\b"
    r"|\bvertegenwoordigd\s+in\b|\bplek\s+aan\s+(?:de\s+)?tafel\s+(?:\w+\s+){0,2}?"
    r"(?:bij|binnen|van|in)\b|\bzitting\s+in\b",
    re.IGNORECASE,
)
_JOINS_INVERTED = re.compile(
    r"^\W*(?:In|Binnen|Aan|Bij)\s+(?:de\s+|het\s+)?$"
    r"|\b(?:in|binnen|aan)\s+(?:de\s+|het\s+)?$",
)
_TAKE_PART = re.compile(r"\b(?:neemt|nemen|namen|nam)\b[^.;:]{0,80}?\bdeel\b(?!\s+uit)")
_OF_OWNER = re.compile(r"^\s*[’'‘\"”]?\s*van\s+(?:de\s+|het\s+)?$")


_NOUN_SUBJECT = re.compile(
    r"\b(?:het|de)\s+(?-i:[a-zà-ÿ])[\w-]*\s+"
    r"(?:gaat|gaan|zal|zullen|wil|willen|kan|kunnen|moet|moeten)\s+$",
    re.IGNORECASE,
)


def unnamed_subject(sentence: str, items: Sequence[Located]) -> bool:
    """Whether a 'met'-frame in the sentence has no named subject: 'Samenwerking met X'.

    The document's authors are then who works with X ('wordt afgestemd met X' in a strategy
    written by X's partner).
    """
    cue = _WITH.search(sentence)
    if cue is None:
        return False
    if _before(sentence, runs(sentence, items), cue.start(), _PARTNERS):
        return False
    # A common noun right before the verb ('Nu ook het hbo gaat starten met') is its subject.
    if _NOUN_SUBJECT.search(sentence[: cue.start()]):
        return False
    # An unrecognised name before the cue ('Het CEE zal samen optrekken met') is the subject.
    before = list(sentence[: cue.start()])
    for m in items:
        if m.start >= 0:
            before[m.start : m.end] = " " * (min(m.end, len(before)) - m.start)
    return not re.search(r"(?<=\s)[A-Z][\w.-]+", "".join(before).strip())


_COLLABORATION = re.compile(
    r"(?:allian(?:ce|tie)|coalit(?:ie|ion)|consorti(?:um|a)|partnership|samenwerkingsverband)\b",
    re.IGNORECASE,
)


def _collaboration(sentence: str, whole: Located) -> bool:
    """Whether the whole is named as a collaboration of independent parties ('de X Alliance',
    'het Y-consortium'): its members take part in it (participatesIn); they are not a
    structural part of it, as a centre is of a federation (partOf)."""
    return whole.start >= 0 and bool(_COLLABORATION.search(sentence[whole.start : whole.end]))


def _compatible_part(part: str, whole: str) -> Predicate | None:
    """partOf when a part of that type can belong to a whole of that type, else participatesIn."""
    if part == whole or (part in ACTORS and whole == "Organisation"):
        return "partOf"
    if part in ACTIONS and whole in ACTIONS | {"Organisation"}:
        return "partOf"
    if part in ACTORS and whole in ACTIONS:
        return "participatesIn"
    return None


def frame_relations(
    sentence: str, items: Sequence[Located]
) -> tuple[list[Frame], frozenset[Predicate]]:
    """Relations the sentence's frames state, and the predicates whose cue a frame explained.

    A predicate in the second set is not taken again from a loose cue word: the frame already
    said who does it (or that nobody named does).
    """
    skip = affiliations(sentence, items)
    usable = [m for m in items if id(m) not in skip]
    groups = runs(sentence, usable)
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    for frame in (
        _with_frames,
        _work_in_frames,
        _agent_frames,
        _member_frames,
        _join_frames,
        _owner_frames,
        _body_frames,
        _origin_frames,
        _means_frames,
    ):
        found, predicates = frame(sentence, usable, groups)
        out.extend(found)
        claimed |= predicates
    return out, frozenset(claimed)


_Result = tuple[list[Frame], set[Predicate]]


def _with_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    for cue in _BETWEEN.finditer(sentence):
        claimed.add("collaboratesWith")
        members = _after(sentence, groups, cue.end(), _PARTNERS, 90)
        out.extend(_pairs(members, "collaboratesWith", "frame:tussen"))
    for cue in _WITH.finditer(sentence):
        claimed.add("collaboratesWith")
        partners = _after(sentence, groups, cue.end(), ACTORS, 90)
        if not partners:
            continue
        subjects = _before(sentence, groups, cue.start(), ACTORS)
        # Inside brackets ('(HTSF, CEE en de coalitie met TU9)') the subject is not outside them.
        opened = sentence.rfind("(", 0, cue.start())
        if opened > sentence.rfind(")", 0, cue.start()):
            subjects = [m for m in subjects if m.start > opened]
        if not subjects and len(sentence[: cue.start()].split()) <= 1:
            # 'Samen met TNO heeft 4TU ...': a fronted 'met' phrase, the subject follows it.
            rest = [g for g in groups if g[0].start > partners[-1].end]
            subjects = next((a for g in rest if (a := [m for m in g if m.type in ACTORS])), [])
        subjects = subjects or _unplaced(items, ACTORS)
        for s in subjects:
            for o in partners:
                out.append(Frame(s.iri, "collaboratesWith", o.iri, "frame:met"))
    return out, claimed


_WORK_IN = re.compile(
    r"\b(?:samen\s*werk\w*|samengewerkt|samen\s+op\s*trekken)\s+(?:in|binnen)\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
_THEN_WITH = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*met\b", re.IGNORECASE)


def _work_in_frames(
    sentence: str, items: Sequence[Located], groups: list[list[Located]]
) -> _Result:
    """'de samenwerking in het X-centrum met A, B en C': A, B and C take part in X.

    The joint body or programme sits between the cue and 'met'; the partners after 'met' are
    its participants, and so is the subject of the cooperation (named before it, or, with none
    named, the document's authors).
    """
    out: list[Frame] = []
    for whole in items:
        cue = _WORK_IN.search(sentence[: whole.start]) if whole.start >= 0 else None
        lead = _THEN_WITH.match(sentence[whole.end :]) if cue is not None else None
        if cue is None or lead is None:
            continue
        partners = _after(sentence, groups, whole.end + lead.end(), ACTORS, 90)
        if not partners:
            continue
        subjects = _before(sentence, groups, cue.start(), ACTORS) or _unplaced(items, ACTORS)
        for m in [*partners, *subjects]:
            if m.iri != whole.iri:
                out.append(Frame(m.iri, "participatesIn", whole.iri, "frame:samenwerking in"))
    return out, set()


def _pairs(members: Sequence[Located], predicate: Predicate, method: str) -> Iterator[Frame]:
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            yield Frame(a.iri, predicate, b.iri, method)


def _agent_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    agents_types = ACTORS | {"Region"}
    for pattern, predicate in _AGENT:
        for cue in pattern.finditer(sentence):
            claimed.add(predicate)
            agents = _after(sentence, groups, cue.end(), agents_types, 30)
            if not agents:
                continue
            # Money goes to programmes, and to organisations ('met subsidies van EZK zijn
            # CIV's en Centres of Expertise opgezet'); the other agents act on programmes.
            targets = ACTIONS | {"Organisation"} if predicate == "funds" else ACTIONS
            patients = _before(sentence, groups, cue.start(), targets, subject=False)
            if not patients:
                patients = _after(sentence, groups, agents[-1].end, ACTIONS, 80)
            patients = patients or _unplaced(items, ACTIONS)
            for a in agents:
                for p in patients:
                    if a.iri != p.iri:
                        out.append(Frame(a.iri, predicate, p.iri, "frame:door"))
            if predicate == "implements":
                # 'uitgevoerd door SEO en Technopolis': the joint agents work together.
                out.extend(_pairs(agents, "collaboratesWith", "frame:door"))
    return out, claimed


def _member_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    everything = frozenset({"Organisation", "Person", "Programme", "Intervention", "Region"})
    for cue in _MEMBER.finditer(sentence):
        claimed.add("partOf")
        wholes = _after(sentence, groups, cue.end(), everything, 40)
        parts = _before(sentence, groups, cue.start(), everything, subject=False)
        parts = parts or _unplaced(items, everything)
        for whole in wholes[:1]:
            for part in parts:
                predicate = _compatible_part(part.type, whole.type)
                if predicate == "partOf" and _collaboration(sentence, whole):
                    predicate = "participatesIn"
                if predicate is not None:
                    out.append(Frame(part.iri, predicate, whole.iri, "frame:deel van"))
    for cue in _CONSISTS.finditer(sentence):
        claimed.add("partOf")
        parts = _after(sentence, groups, cue.end(), everything, 40)
        wholes = _before(sentence, groups, cue.start(), everything, subject=False)
        for whole in wholes[-1:]:
            for part in parts:
                predicate = _compatible_part(part.type, whole.type)
                if predicate is not None:
                    out.append(Frame(part.iri, predicate, whole.iri, "frame:bestaat uit"))
    return out, claimed


def _participation(
    sentence: str,
    items: Sequence[Located],
    groups: list[list[Located]],
    cue_pattern: re.Pattern[str],
    targets: frozenset[str],
    method: str,
) -> list[Frame]:
    """'A en B nemen deel aan Y', 'A werkt samen aan Y': the actors before the cue (or, with none
    named, the unplaced ones) take part in the first target within 40 characters after it."""
    out: list[Frame] = []
    for cue in cue_pattern.finditer(sentence):
        after = _after(sentence, groups, cue.end(), targets, 40)
        members = _before(sentence, groups, cue.start(), ACTORS) or _unplaced(items, ACTORS)
        for target in after[:1]:
            out.extend(Frame(m.iri, "participatesIn", target.iri, method) for m in members)
    return out


def _join_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    targets = ACTIONS | {"Organisation"}
    if _JOINS.search(sentence):
        claimed.add("participatesIn")
    out += _participation(sentence, items, groups, _JOINS, targets, "frame:deelnemen")
    # 'In de Landelijke Regiegroep nemen veel partijen deel, zoals A, B en C': the body comes
    # first, the participants after the verb.
    for cue in _TAKE_PART.finditer(sentence):
        claimed.add("participatesIn")
        earlier = [g for g in groups if g[-1].end <= cue.start()]
        body = [m for m in earlier[-1] if m.type in targets] if earlier else []
        if not body or not _JOINS_INVERTED.search(sentence[: body[0].start]):
            continue
        if sentence[body[-1].end : cue.start()].strip(" ,"):
            continue
        members = [m for m in items if m.start >= cue.end() and m.type in ACTORS | {"Region"}]
        for m in members:
            if m.iri != body[0].iri:
                out.append(Frame(m.iri, "participatesIn", body[0].iri, "frame:deelnemen"))
    return out, claimed


def _owner_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    """'het actieplan Y van A en B': A and B carry out Y, together; 'de Agenda Y van A': A
    leads programme Y."""
    out: list[Frame] = []
    for g, group in enumerate(groups[:-1]):
        plan = group[-1]
        if plan.type not in ACTIONS:
            continue
        owners = [m for m in groups[g + 1] if m.type in ACTORS]
        gap = _BRACKETS.sub(" ", sentence[plan.end : groups[g + 1][0].start])
        if not owners or not _OF_OWNER.match(gap):
            continue
        # A programme (a multi-year collaboration) is led by whose it is; an instrument is
        # carried out by its owner.
        predicate: Predicate = "coordinates" if plan.type == "Programme" else "implements"
        for o in owners:
            out.append(Frame(o.iri, predicate, plan.iri, "frame:van"))
        out.extend(_pairs(owners, "collaboratesWith", "frame:van"))
    return out, set()


_COLLECTIVE = re.compile(
    r"\b(?:samenwerking|samenwerkingsverband|consortium|netwerk|coalitie|alliantie|platform"
    r"|overleg|partnerschap|regiegroep|stuurgroep|werkgroep|tafel|programma|project|pact"
    r"|akkoord|initiatief)\w*\b",
    re.IGNORECASE,
)
_WHEREIN = re.compile(r"\b(?:waarin|waarbinnen)\b", re.IGNORECASE)
_ON_WORK = re.compile(
    r"\b(?:samen\s*werk\w*|samengewerkt|werk\w*\s+samen)\s+(?:aan|rond|rondom|binnen|bij)\b",
    re.IGNORECASE,
)
_MERGER = re.compile(
    r"\b(?:samenvoeging|fusie|samengevoegd|gefuseerd|fuseren|fuseerden|fuseert|opgegaan|gaan"
    r"\s+samen|gingen\s+samen)\b",
    re.IGNORECASE,
)
_MERGED_INTO = re.compile(r"\b(?:tot|in|onder\s+de\s+naam)\s+(?:de\s+|het\s+|een\s+)?", re.I)
_ORIGIN = re.compile(r"\b(?:voortgekomen|voortgevloeid|ontstaan|voort)\b", re.IGNORECASE)
_FROM = re.compile(r"\b[Uu]it\s+(?:de\s+|het\s+)?$")
_JOINT_ORIGIN = re.compile(
    r"\b[Uu]it\s+(?:een|de|het)\s+(?:\w+\s+)?(?:samenwerking|samenwerkingsverband|initiatief)"
    r"\s+(?:van|tussen)\s+"
)
_SUCH_AS = re.compile(r"\b(?:zoals|waaronder|namelijk|bijvoorbeeld)\b", re.IGNORECASE)


_RENAMING = re.compile(r"\b(?:nu|thans|voorheen|vroeger|destijds|later|sinds\s+\d{4})\s*$", re.I)


def _body_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    """Bodies and their members.

    - 'de coalition of the willing (NWO-TTW, 4TU, TNO en EZK)': a collective name followed by a
      bracketed list of two or more actors -- the actors take part in it;
    - 'X is een samenwerking waarin A, B en C ...', 'het samenwerkingsverband X, waarin A en
      B': the actors named after 'waarin' take part in X;
    - 'A en B werken samen aan / rond X': A and B take part in X;
    - 'de samenvoeging van A, B en C tot X', 'A en B gaan samen onder de naam X': A, B and C
      become part of X.
    """
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    placed = [m for m in items if m.start >= 0]
    bodies = ACTIONS | {"Organisation"}
    for body in placed:
        if body.type not in bodies or not sentence[body.end :].lstrip().startswith("("):
            continue
        close = sentence.find(")", body.end)
        opening = sentence.find("(", body.end)
        inside = [
            m
            for m in placed
            if body.end < m.start and (close < 0 or m.end <= close) and m.type in ACTORS
        ]
        bracket = sentence[body.end : close if close > 0 else len(sentence)]
        if inside and not _glue(sentence[opening + 1 : inside[0].start]):
            continue  # '(bij thema Landbouw, Water en Voedsel)' is no list of members
        # '(VRWI, nu VARIO)': the body's own acronym and its later or former name are no
        # members.
        members = [
            m
            for m in inside
            if m.iri != body.iri and not _RENAMING.search(sentence[opening + 1 : m.start])
        ]
        if len({m.iri for m in members}) >= 2 and "," in bracket:
            for m in members:
                out.append(Frame(m.iri, "participatesIn", body.iri, "frame:leden"))
    for cue in _WHEREIN.finditer(sentence):
        window = sentence[max(0, cue.start() - 60) : cue.start()]
        if not _COLLECTIVE.search(window):
            continue
        earlier = [m for m in placed if m.end <= cue.start() and m.type in bodies]
        if not earlier or cue.start() - earlier[-1].end > 60:
            continue
        body = earlier[-1]
        for m in placed:
            if m.start > cue.end() and m.type in ACTORS | {"Region"}:
                out.append(Frame(m.iri, "participatesIn", body.iri, "frame:waarin"))
    if _ON_WORK.search(sentence):
        claimed.add("participatesIn")
    out += _participation(sentence, items, groups, _ON_WORK, ACTIONS, "frame:samenwerken aan")
    for cue in _MERGER.finditer(sentence):
        into = _MERGED_INTO.search(sentence, cue.end())
        if into is None:
            continue
        wholes = _after(sentence, groups, into.end(), bodies, 20)
        parts = [
            m for m in placed if cue.end() <= m.start and m.end <= into.start() and m.type in bodies
        ] or _before(sentence, groups, cue.start(), bodies, subject=False)
        for whole in wholes[:1]:
            claimed.add("partOf")
            for part in parts:
                out.append(Frame(part.iri, "partOf", whole.iri, "frame:fusie"))
    return out, claimed


_BY_MEANS_OF = re.compile(
    r"^\W*Met\s+(?:het|de|ons|onze)\s+"
    r"(?:(?!(?:oog|op|in|van|aan|voor|naar|over|bij|uit|tot|de|het|een)\b)[a-zà-ÿ][\w-]*\s+){0,2}"
)
"""'Met het (bijbehorende) <programme>': not 'Met het oog op X', where X is no means."""
_WE_AFTER = re.compile(
    r"^[\s’'”\"]*,?\s*(?:willen|gaan|zullen|kunnen|wil|zal|hopen|dragen|werken|zetten)\s+(?:we|wij)\b",
    re.IGNORECASE,
)


def _means_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    """'Met het bijbehorende programma X willen we ... bijdragen': the authors ('we', not named
    in the sentence) act through X, so they take part in it."""
    lead = _BY_MEANS_OF.match(sentence)
    if lead is None:
        return [], set()
    first = min((m for m in items if m.start >= 0), key=lambda m: m.start, default=None)
    if first is None or first.type not in ACTIONS or first.start != lead.end():
        return [], set()
    if not _WE_AFTER.match(sentence[first.end :]):
        return [], set()
    authors = [m for m in _unplaced(items, ACTORS) if m.type == "Organisation"]
    return [Frame(a.iri, "participatesIn", first.iri, "frame:met middel") for a in authors], set()


def _origin_frames(sentence: str, items: Sequence[Located], groups: list[list[Located]]) -> _Result:
    """'Uit het Techniekpact zijn initiatieven voortgekomen, zoals A, B en C': parts of it."""
    out: list[Frame] = []
    claimed: set[Predicate] = set()
    for cue in _ORIGIN.finditer(sentence):
        source = next(
            (
                m
                for m in items
                if 0 <= m.end <= cue.start()
                and m.type in ACTIONS
                and _FROM.search(sentence[: m.start])
            ),
            None,
        )
        such = _SUCH_AS.search(sentence, cue.end())
        if source is None or such is None:
            continue
        claimed.add("partOf")
        for m in items:
            if m.start > such.end() and m.type in ACTIONS and m.iri != source.iri:
                out.append(Frame(m.iri, "partOf", source.iri, "frame:voortgekomen uit"))
    # 'Uit een samenwerking van A en B is de site X ontstaan', 'uit een initiatief van A is X
    # voortgekomen': A and B made X.
    for cue in _ORIGIN.finditer(sentence):
        joint = _JOINT_ORIGIN.search(sentence, 0, cue.start())
        if joint is None:
            continue
        makers = _after(sentence, groups, joint.end(), ACTORS, 10)
        if not makers:
            continue
        made = [m for m in items if makers[-1].end < m.start < cue.start() and m.type in ACTIONS]
        for thing in made[:1]:
            claimed.add("implements")
            out.extend(Frame(a.iri, "implements", thing.iri, "frame:ontstaan uit") for a in makers)
    return out, claimed
