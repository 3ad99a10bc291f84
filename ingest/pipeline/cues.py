"""Context cues for the name finder: what the words around a capitalised run say about it.

Each cue is a small, pure test on a spaCy ``Doc`` and a position ('is this run the object of
"gebruikmaken van"?', 'does a plural programme noun precede it?', 'is this a document part such
as "Bijlage C"?'), plus the closed word lists they use. They hold no state and load nothing at
import; :mod:`~beleidsgraaf.ingest.pipeline.names` combines them, in order of trust, into the
``beleidsgraaf_names_v1`` component. Keeping them apart keeps that component readable and lets
each cue be tested on a hand-built Doc.

Whether a capitalised word is an ordinary word is decided from spaCy's Dutch stop words, the
lemma tables of spacy-lookups-data and the document itself: the extractor puts the words the
document writes in lower case in ``doc.user_data[VOCAB_KEY]``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from beleidsgraaf.ingest.pipeline.lexicon import Lexicon, is_common_word, looks_like_verb

__all__ = [
    "ACADEMIES",
    "ADJECTIVE",
    "ARTICLES",
    "BODY_HEADS",
    "BULLETS",
    "CAMEL",
    "CHAIN_STARTS",
    "CLOSE_QUOTES",
    "COUNTING",
    "DEGREE_LEVELS",
    "DISTRIBUTIVE",
    "DOCUMENT_PARTS",
    "DOCUMENT_SUFFIXES",
    "DOMAIN",
    "EVENT_PARTICIPLES",
    "GERMAN_FUNCTION_WORDS",
    "HONORIFICS",
    "INITIAL",
    "INITIALS",
    "INSTRUMENT_CUES",
    "LEGAL_FORMS",
    "LETTER_PAIR",
    "LIST_MARKER",
    "LOCATIVES",
    "MAX_RUN",
    "NOT_GLOSS",
    "OPEN_QUOTES",
    "PART_CODE",
    "PASSIVE_AUX",
    "PLAIN_AREA_HEADS",
    "PLURAL_HEADS",
    "PLURAL_S",
    "POSSESSIVES",
    "REPORTING_POINTS",
    "ROLE_FILLING",
    "SCHOOL_TYPES",
    "SECTION_NUMBER",
    "SECTOR_INSTRUMENTS",
    "SITE_WORDS",
    "STRUCTURE_WORDS",
    "SURNAME_PARTICLES",
    "TAX_DEDUCTION",
    "THEME_WORDS",
    "TITLE_ADJECTIVES",
    "VOCAB_KEY",
    "WEB",
    "WHOLE",
    "YEAR",
    "activity_noun_before_name",
    "adjective_stems",
    "after_list_marker",
    "area_context",
    "common_compound",
    "compass_adjective",
    "coordinated_title",
    "counted_plural",
    "degree_code",
    "elided_before",
    "ends_run",
    "english_headed",
    "field_label",
    "german_context",
    "glossed",
    "governing_kind",
    "held_event",
    "in_a_list",
    "initial",
    "instrument_cue",
    "is_compass",
    "is_document_word",
    "is_place",
    "is_title_word",
    "known_places",
    "lowercase_words",
    "made_thing",
    "name_goes_on",
    "named_as",
    "namey_text",
    "participle_like",
    "passive_agent",
    "place_adjective",
    "place_compound",
    "pluralised_head",
    "programme_headed",
    "role_filled_by",
    "school_type_pair",
    "site_owner",
    "title_goes_on",
    "title_list_before_head",
    "used_thing",
]

VOCAB_KEY = "bg_lowercase_words"
"""Key of ``doc.user_data`` holding the words the document writes in lower case."""

_LOWER_WORD = re.compile(r"(?<![\w\-.])[a-zà-ÿ][a-zà-ÿ]+(?![\w\-])")


@lru_cache(maxsize=1)
def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: the document's ordinary vocabulary.

    A capitalised word the document also writes in lower case ('Onderwijs' / 'onderwijs') is no
    name on its own. Name finding, entry names and place names all ask this of the same document
    in turn, so the last document's answer is kept rather than scanning its text three times.
    """
    return frozenset(_LOWER_WORD.findall(text))


OPEN_QUOTES = {"'", "‘", "“", '"', "„"}
CLOSE_QUOTES = {"'", "’", "”", '"'}
CAMEL = re.compile(r"[a-z][A-Z]")
WEB = re.compile(r"^(?:www\.)[\w\-]+\.(?:nl|com|org|eu|nu|net)$", re.IGNORECASE)
DOMAIN = re.compile(r"^[A-Z][\w\-]*\.(?:nl|com|org|eu|nu|net)$")
LIST_MARKER = re.compile(r"^(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]$")
LETTER_PAIR = re.compile(r"^[A-Z]&[A-Z]\.?$")
SECTION_NUMBER = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?$")
"""'A.2.4', '3.1': a section number opens a heading; a name never contains one."""
HONORIFICS = frozenset({"mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "mr.", "dr.", "prof.", "ir."})
"""Abbreviated forms of address: in lists of interviewees ('Rathenau Instituut Mw. J. de Vries')
they start a person after an organisation, so a name run ends before them."""
ADJECTIVE = re.compile(r"(?:se|sche|ees|isch|ische)$")
SCHOOL_TYPES = frozenset({"mbo", "vo", "po", "hbo", "wo", "vmbo", "havo", "vwo", "pabo", "ho"})
ARTICLES = frozenset({"de", "het", "een", "the"})
MAX_RUN = 10
CHAIN_STARTS = frozenset({"van", "voor", "of", "for"})
"""Connectors that may open a pair ('van de', 'voor het', 'of the')."""
STRUCTURE_WORDS = frozenset(
    {"box", "tabel", "figuur", "hoofdstuk", "bijlage", "paragraaf", "kader", "grafiek"}
)


SURNAME_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "von", "du"})
"""Tussenvoegsels that open Dutch (and neighbouring) surnames and nothing else in names."""
ROLE_FILLING = frozenset({"vervuld", "bekleed", "waargenomen", "vervult", "bekleedt"})
"""'De rol wordt vervuld door X', 'de functie bekleed door X': a role or office is filled by a
person (an organisation 'voert uit', it does not 'vervullen' a function held by one person)."""


INSTRUMENT_CUES = frozenset({"plan", "interventie", "maatregel"})
"""Generic words for a plan or measure that are no head nouns of their own (a compound ending in
'plan' -- 'Bestemmingsplan' -- names no instrument), but that before a name say what it is."""


def instrument_cue(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows 'het plan', 'de (sectorspecifieke) interventie':
    an article, optionally with a lower-case adjective, then the cue word, mid-sentence."""
    if start < 2 or doc[start].is_sent_start:
        return False
    cue = doc[start - 1]
    if not (cue.is_lower and cue.lower_ in INSTRUMENT_CUES):
        return False
    before = doc[start - 2]
    if before.lower_ in ARTICLES:
        return True
    return (
        before.is_lower
        and before.is_alpha
        and before.lower_.endswith("e")
        and start > 2
        and doc[start - 3].lower_ in ARTICLES
    )


def governing_kind(doc: Doc, open_at: int, lex: Lexicon) -> str | None:
    """The instrument type of the noun a quoted title opening at ``open_at`` belongs to:
    'de interventie van onder meer de gemeente Frobnia ‘Samen Verder’', 'het project van de
    provincie ‘X’'.

    A title after '<article> <noun> van <owner>' names that noun's thing (the owner phrase
    sits between them); only a plan, measure or instrument noun changes the default reading
    of a quoted title as a programme. A verb or punctuation on the way back ends the phrase.
    """
    k = open_at - 1
    while k > 1 and open_at - k <= 10:
        tok = doc[k]
        if tok.text in {",", ".", ";", ":", "(", ")"} or tok.is_sent_start:
            return None
        if tok.lower_ == "van":
            noun = doc[k - 1]
            if not (noun.is_lower and doc[k - 2].lower_ in ARTICLES):
                return None
            if noun.lower_ in INSTRUMENT_CUES:
                return "Intervention"
            kind = lex.head_type(noun.text)
            return kind if kind in {"Programme", "Intervention"} else None
        if tok.is_alpha and tok.is_lower and looks_like_verb(tok.lower_):
            return None
        k -= 1
    return None


def made_thing(doc: Doc, start: int, vocab: frozenset[str]) -> bool:
    """'het landelijk ontwikkelde Taalkompas': a capitalised word mid-sentence after a
    definite article and a participle used as adjective ('ontwikkelde', 'vernieuwde') names the
    thing that was made -- a curriculum, plan or tool -- when the document never writes the
    word in lower case (then the capital is deliberate, not an ordinary noun's)."""
    token = doc[start]
    if start < 2 or token.is_sent_start or not token.is_title or token.lower_ in vocab:
        return False
    adjective = doc[start - 1].lower_
    if not (
        doc[start - 1].is_lower
        and adjective.endswith(("de", "te"))
        and participle_like(adjective[:-1])
    ):
        return False
    return any(t.lower_ in {"de", "het"} for t in doc[max(0, start - 3) : start - 1])


def title_list_before_head(doc: Doc, start: int, lex: Lexicon) -> int | None:
    """End (exclusive) of a list of single capitalised words that titles an instrument:
    'Kunst, Klank & Kleur leerlijn' -- words joined by commas and a final 'en'/'&', then a
    lower-case instrument or programme head. A list of topics ends without such a head."""
    k = start
    n = len(doc)
    joined = False
    while k + 2 < n and doc[k + 1].text in {",", "en", "&"} and doc[k + 2].is_title:
        if doc[k + 2].is_sent_start or not doc[k + 2].is_alpha:
            return None
        joined = joined or doc[k + 1].text in {"en", "&"}
        k += 2
        if joined:
            break
    if not joined or k == start or k + 1 >= n:
        return None
    head = doc[k + 1]
    if head.is_lower and lex.head_type(head.text) in {"Intervention", "Programme"}:
        return k + 1
    return None


def compass_adjective(low: str, lex: Lexicon) -> bool:
    """'noordelijke', 'oostelijk': an adjective of direction (the lexicon's compass prefixes
    include the uninflected adjectives; the inflected form adds an -e)."""
    stem = low[:-1] if low.endswith("e") else low
    return stem.endswith("lijk") and stem in lex.compass_prefixes


def used_thing(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the name ``doc[start:end]`` is what is used: 'gebruik maken van de X', 'wordt
    gebruikgemaakt van het X'. A capitalised object of using, after a definite article, is a
    named facility or instrument -- even when its words are ordinary ones ('de Tune Techniek'),
    as long as its first word is not one the document writes in lower case.

    The run must be the whole object: before a lower-case noun it is an adjective or modifier
    ('van de Nederlandse taal', 'van de Europese fondsen'), not the thing used.
    """
    if start < 3 or doc[start].is_sent_start or not doc[start].is_title:
        return False
    vocab = doc.user_data.get(VOCAB_KEY) or frozenset()
    if doc[start].lower_ in vocab or ADJECTIVE.search(doc[end - 1].lower_):
        return False
    after = doc[end] if end < len(doc) else None
    if (
        after is not None
        and after.is_alpha
        and after.is_lower
        and after.lower_ not in lex.stop_words
    ):
        return False
    return (
        doc[start - 1].lower_ in {"de", "het"}
        and doc[start - 2].lower_ == "van"
        and doc[start - 3].lower_.startswith("gebruik")
    )


def named_as(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows 'onder de naam' / 'met de (werk)naam': the text
    says outright that it is a name. What goes on under a name ('de netwerken gaan verder
    onder de naam X', 'een platform onder de naam X') is an initiative, an instrument."""
    if start < 3 or doc[start].is_sent_start:
        return False
    words = [t.lower_ for t in doc[start - 3 : start]]
    return words[0] in {"onder", "met"} and words[1] == "de" and words[2] in {"naam", "werknaam"}


def name_goes_on(doc: Doc, end: int, lex: Lexicon) -> bool:
    """Whether lower-case words after the run ending at ``end`` still belong to the name
    ('onder de naam Triple Helix regio’s'): a head noun follows it."""
    return end < len(doc) and doc[end].is_lower and lex.head_type(doc[end].text) is not None


def site_owner(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the name ``doc[start:end]`` owns premises: 'het opleidingscentrum van X', 'de
    vestiging van de X', or, as modifier, 'de X fabriek' (mid-sentence, so the capital is not
    a sentence's). What has a factory, branch or training centre is a company or institution.

    Places own nothing this way ('de fabriek van Lemsterburg' is where it stands, and 'het
    kantoor van Lemsterburg' is the town hall's), and neither does a word the document also
    writes in lower case.
    """
    first = doc[start]
    vocab = doc.user_data.get(VOCAB_KEY) or frozenset()
    if (
        not first.is_title
        or first.lower_ in vocab
        or first.lower_ in lex.stop_words
        or is_place(doc[start:end].text)
        or ADJECTIVE.search(doc[end - 1].lower_)  # 'de vestiging van Duitse bedrijven'
    ):
        return False
    after = doc[end] if end < len(doc) else None
    i = start - 1
    if i >= 0 and doc[i].lower_ in {"de", "het"}:
        i -= 1
    if i >= 1 and doc[i].lower_ == "van" and doc[i - 1].is_lower:
        # The run must be the whole owner, not the modifier of a noun after it.
        modifies = (
            after is not None
            and after.is_alpha
            and after.is_lower
            and after.lower_ not in lex.stop_words
        )
        if doc[i - 1].lower_ in lex.site_nouns and not modifies:
            return True
    return (
        after is not None
        and not first.is_sent_start
        and after.is_lower
        and after.lower_ in lex.site_nouns
    )


def passive_agent(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is the agent of a passive: 'begeleid door X',
    'georganiseerd door X', 'wordt uitgevoerd door X'.

    A past participle before 'door' makes what follows the doer, an actor; in policy prose a
    capitalised doer that is no person (persons carry a title or a given name) is a body.
    """
    if start < 2 or doc[start - 1].lower_ != "door":
        return False
    verb = doc[start - 2].lower_
    # A participle: 'ge-' ('georganiseerd', 'uitgevoerd') or an unstressed prefix ('begeleid',
    # 'verzorgd', 'ontwikkeld'); a finite form ('loopt door X') makes X a place or a path.
    participle = "ge" in verb[:-2] or verb.startswith(("be", "ver", "ont", "her", "er"))
    return participle and verb.endswith(("d", "t")) and looks_like_verb(verb)


EVENT_PARTICIPLES = frozenset({"georganiseerd", "gehouden", "uitgereikt", "gelanceerd"})
PASSIVE_AUX = frozenset({"wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren"})


def held_event(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is the subject of 'wordt georganiseerd', 'worden
    gehouden', 'werd uitgereikt': what is organised, held, awarded or launched is an event,
    prize or campaign, an instrument, never a body (a body organises)."""
    window = doc[end : end + 4]
    words = [t.lower_ for t in window]
    if not words or not all(t.is_lower and t.is_alpha for t in window):
        return False
    aux = next((k for k, w in enumerate(words) if w in PASSIVE_AUX), None)
    return aux is not None and any(w in EVENT_PARTICIPLES for w in words[aux + 1 :])


def participle_like(low: str) -> bool:
    """'ontwikkeld', 'opgesteld', 'gemaakt': the shape of a past participle (a 'ge-' or an
    unstressed prefix, and a final -d or -t), which a sector noun after a plan never has."""
    return low.endswith(("d", "t")) and (
        "ge" in low[:-2] or low.startswith(("be", "ver", "ont", "her", "er"))
    )


def role_filled_by(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows 'vervuld door' / 'bekleed door' (see above)."""
    return start >= 2 and doc[start - 1].lower_ == "door" and doc[start - 2].lower_ in ROLE_FILLING


SITE_WORDS = frozenset({"platform", "site", "website", "portal", "portaal", "loket"})
"""Words that describe a website as such: 'het platform www.x.nl' is still the site."""
PLURAL_S = frozenset({"’s", "'s", "‘s", "`s"})
DISTRIBUTIVE = frozenset({"per", "elke", "ieder", "iedere", "welke", "geen", "een"})
"""'per gemeente', 'elke hogeschool', 'een MJP': the noun after these names any member of a
kind (a proper name of one organisation takes no indefinite article)."""

SECTOR_INSTRUMENTS = frozenset(
    {"monitor", "middag", "dag", "week", "scan", "dashboard", "prijs", "toets", "award"}
)
"""Heads of instruments and events a sector holds one of: 'de hbo-monitor', 'de mbo-week'."""
TAX_DEDUCTION = "aftrek"
"""A tax deduction is named by what it deducts: 'de zelfstandigenaftrek', 'de reisaftrek'."""
REPORTING_POINTS = frozenset({"meldpunt", "meldpunten"})
"""A reporting point is named by the topic written after it: 'een meldpunt pesten'. (A support
desk, 'steunpunt', is as often described by its field as named by it.)"""
TITLE_ADJECTIVES = frozenset({"nieuwe", "nieuw", "eerste", "tweede", "derde", "laatste"})
"""Function words that are adjectives: capitalised inside a title after a head they belong to
it ('Regeling Nieuwe Opleidingen'); elsewhere they open no name ('Nieuwe plannen ...')."""
BULLETS = frozenset({"•", "-", "–", "*", "·", "▪"})
PLURAL_HEADS = ("trajecten", "netwerken", "pilots", "stages", "steunpunten", "knooppunten")
"""Plural head nouns the lexicon lists as heads of their own."""

POSSESSIVES = frozenset({"je", "jouw", "uw", "onze", "mijn"})
LEGAL_FORMS = frozenset({"bv", "b.v.", "nv", "n.v."})
BODY_HEADS = frozenset({"provincie", "gemeente"})
ACADEMIES = frozenset({"academy", "academie", "akademie"})
PLAIN_AREA_HEADS = frozenset({"regio", "deelregio", "landsdeel", "region", "regio's"})
LOCATIVES = frozenset({"in", "binnen", "buiten", "uit", "rond", "vanuit", "naar"})
WHOLE = frozenset({"gehele", "hele", "heel", "geheel"})


def area_context(doc: Doc, head: int) -> bool:
    """Whether 'provincie X' / 'gemeente X' at ``head`` names the area rather than the body.

    Policy texts name the governing body by 'de provincie Gelderland' as an actor ('samen met de
    provincie Gelderland', 'de gemeente Eindhoven financiert'), and the area after a locative
    preposition ('binnen de provincie Gelderland', 'in de gemeente Amsterdam') or with 'gehele'
    ('de gehele provincie Flevoland is een deelregio').
    """
    k = head - 1
    while k >= 0 and (doc[k].lower_ in ARTICLES or doc[k].lower_ in WHOLE):
        if doc[k].lower_ in WHOLE:
            return True
        k -= 1
    return k >= 0 and doc[k].lower_ in LOCATIVES


@cache
def namey_text(text: str) -> bool:
    """Whether a token may belong to a name: capitalised, an alphanumeric code with a capital,
    CamelCase or a web address (memoised per token text)."""
    if not text or not text[0].isalnum() or text.count("(") != text.count(")"):
        return False  # 'Thema('s' is a broken plural; 'Leve(n)lang' is a word
    if text[0].isupper():
        return True
    if text[0].isdigit():
        return any(c.isupper() for c in text)
    return bool(CAMEL.search(text)) or bool(WEB.match(text))


@cache
def ends_run(text: str) -> bool:
    """Whether a token ends a name run before it (memoised per token text).

    A section number ('A.2.4') opens a heading, a form of address ('Mw.', 'Dhr.') a person
    after an organisation, a structure word ('Keijzer in Box 2.2') or a web address ('Platform
    X www.x.nl') a new item.
    """
    low = text.casefold()
    return (
        low in HONORIFICS
        or low in STRUCTURE_WORDS
        or bool(SECTION_NUMBER.match(text) or WEB.match(text) or DOMAIN.match(text))
    )


def field_label(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` labels a field: 'Doelgroep: ...', 'Onderwerpen: ...'.

    Tables and forms flattened to text put a capitalised ordinary noun before a colon to say what
    follows; it is no name, and a name run before it ('Activiteit: Sectortafel Onderwerpen:')
    ends there. Only words of the Dutch lemma tables count: a name before a colon
    ('Bouwpact Zeeuwsland: resultaten') stays.
    """
    tok = doc[i]
    return (
        i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and tok.is_title
        and tok.is_alpha
        and is_common_word(tok.lower_)
    )


def programme_headed(words: Span, lex: Lexicon) -> bool:
    """Whether ``words`` hold a programme or instrument head noun ('Agenda', 'Regeling')."""
    return any(t.is_alpha and lex.head_type(t.text) in {"Programme", "Intervention"} for t in words)


def after_list_marker(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` opens an item after a list marker or bullet: 'h) Discussie
    ...', 'b. Opleidingstrajecten ...', '• Bedrijfsstages ...'. Its capital, like that of a
    sentence start, comes from its place and says nothing about a name."""
    if i == 0:
        return False
    prev = doc[i - 1].text
    if prev in BULLETS or LIST_MARKER.match(prev):
        return True
    # 'h )' split by the tokenizer; 'b.' / '2.' but not an initial ('J. Jansen').
    marker = doc[i - 2].text if i >= 2 else ""
    if prev == ")":
        return bool(LIST_MARKER.match(marker + prev))
    return prev == "." and bool(LIST_MARKER.match(marker + prev)) and not marker.isupper()


DEGREE_LEVELS = frozenset(
    {"ad", "hbo", "mbo", "wo", "ba", "ma", "bsc", "msc", "bachelor", "master"}
)
"""Degree levels that prefix the code of a degree programme ('HBO-ICT', 'Ad-BK', 'MSc-CS')."""


def degree_code(text: str) -> bool:
    """Whether ``text`` is a degree level joined to a programme's code: 'HBO-ICT', 'AD-TBK'.

    Hogescholen and universities name degree programmes (and the domain of programmes they
    share) by a level and an acronym of the field; a head noun ('MBO-Raad', 'AD-platform') is
    typed before this, and two school types ('VO-HO') name a transition, not a programme.
    """
    level, _, code = text.partition("-")
    return (
        level.casefold() in DEGREE_LEVELS
        and 2 <= len(code) <= 6
        and code.isalpha()
        and code.isupper()
        and code.casefold() not in SCHOOL_TYPES
        and code.casefold() not in DEGREE_LEVELS
    )


def is_document_word(low: str, lex: Lexicon) -> bool:
    """'Startdocument', 'Notitie', 'Rapport': a document about a name, as in a list of
    sources ('Startdocument Techniekpact Noord-Nederland'), is not part of the name; alone
    ('Pactdocumenten', 'Projectnotities') it is a kind of document, no name at all."""
    return low in lex.title_cues or low.endswith(DOCUMENT_SUFFIXES)


DOCUMENT_SUFFIXES = (
    "document",
    "documenten",
    "notitie",
    "notities",
    "rapport",
    "rapporten",
    "rapportage",
    "rapportages",
)


def english_headed(rest: Span, lex: Lexicon) -> bool:
    """Whether an English head noun ('Center', 'Institute') follows in the run.

    English names put their modifiers before the head ('Joint Design Center', 'High Tech
    Centre X'), so a word opening the line before such a head is a modifier of the name even
    when it is also a Dutch word ('joint', 'high', 'expat'); a Dutch name opens with its head.
    """
    return any(
        (low := t.lower_) in lex.head_translations and lex.head_translations[low] != low
        for t in rest
    )


def pluralised_head(doc: Doc, head: Token, end: int) -> bool:
    """Whether the head noun closing a name is put in the plural: 'de Delta Regio’s'.

    A plural names a kind with several members ('Triple Helix regio’s, zoals X en Y'), not one
    region or centre; the members are named on their own.
    """
    return head.i == end - 1 and end < len(doc) and doc[end].text in PLURAL_S


def coordinated_title(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """End of '• Water, Wind & Zon leerlijn': an entry opening with a coordination of single
    capitalised words and then a lower-case singular instrument head names one instrument
    after the subjects it joins.

    Only at the start of a list entry or sentence (entries are blocks of their own), with at
    least three words joined by commas and a final '&' or 'en', each a single capitalised word,
    and a head in the singular right after the last ('Zorg, Techniek en ICT opleidingen' is a
    kind). In running text such a coordination lists topics, and has no head after it.
    """
    if not (after_list_marker(doc, i) or doc[i].is_sent_start):
        return None
    n = len(doc)
    k = i
    words = 0
    while k < n:
        tok = doc[k]
        if not tok.is_title or not tok.is_alpha or (k > i and tok.is_sent_start):
            return None
        words += 1
        sep = doc[k + 1] if k + 1 < n else None
        if sep is None:
            return None
        if sep.text == ",":
            k += 2
            continue
        if sep.lower_ in {"&", "en"}:
            last = k + 2
            if last + 1 >= n or words < 2:
                return None
            if not doc[last].is_title or not doc[last].is_alpha:
                return None
            head = doc[last + 1]
            kind = lex.head_type(head.text)
            if (
                head.is_lower
                and head.is_alpha
                and kind in {"Programme", "Intervention"}
                and not head.lower_.endswith(("en", "s"))
            ):
                return last + 2
            return None
        return None
    return None


COUNTING = frozenset({"beide", "twee", "drie", "vier", "vijf", "zes", "tien", "alle"})


def counted_plural(doc: Doc, start: int, head: Token, lex: Lexicon) -> bool:
    """'beide Blauwe Academies', 'de drie Zeeuwse Hogescholen': a head in the plural after a
    number or 'beide' counts instances of a kind; each is named elsewhere on its own."""
    if start == 0 or not (doc[start - 1].lower_ in COUNTING or doc[start - 1].like_num):
        return False
    low = head.lower_
    return any(
        low.endswith(suffix) and lex.head_type(low[: -len(suffix)]) is not None
        for suffix in ("s", "en")
    )


def common_compound(low: str, vocab: frozenset[str]) -> bool:
    """Whether lower-case ``low`` joins two ordinary words ('techniek' + 'lokaal'), each a word
    of the lemma tables or of the document's own lower-case vocabulary ``vocab``."""

    def common(word: str) -> bool:
        return is_common_word(word) or word in vocab

    for i in range(3, len(low) - 2):
        left, right = low[:i], low[i:]
        if common(right) and (common(left) or (left.endswith("s") and common(left[:-1]))):
            return True
    return False


@cache
def known_places() -> frozenset[str]:
    """Lower-cased labels of every Region of the authority list and the lexicon's places."""
    from beleidsgraaf.ingest.pipeline.authority import authority_names

    return frozenset(n.text.casefold() for n in authority_names() if n.type == "Region")


@cache
def place_compound(text: str) -> bool:
    """True for a hyphenated token whose every part is a known place ('Arnhem-Nijmegen')."""
    parts = text.split("-")
    if len(parts) < 2 or any(not p for p in parts):
        return False
    places = known_places()
    return all(p.casefold() in places for p in parts)


def is_place(text: str) -> bool:
    """True for a known place ('Twente') or known places joined by hyphens ('Arnhem-Nijmegen')."""
    return text.casefold() in known_places() or place_compound(text)


_ADJECTIVE_END = re.compile(r"(?<=\w{4})(?:se|s)$")


def adjective_stems(word: str) -> list[str]:
    """Places a capitalised Dutch place adjective may come from: 'Rotterdams' -> 'Rotterdam',
    'Twentse' -> 'Twente', 'Gelderse' -> 'Gelderland'."""
    if not word[:1].isupper() or not _ADJECTIVE_END.search(word):
        return []
    stem = _ADJECTIVE_END.sub("", word)
    return [stem, f"{stem}e", f"{stem}land"]


def place_adjective(word: str) -> bool:
    """Whether ``word`` is the adjective of a known place ('Nederlandse', 'Twentse')."""
    return any(is_place(stem) for stem in adjective_stems(word))


NOT_GLOSS = frozenset(
    {"in", "te", "uit", "bij", "van", "vanaf", "vanuit", "sinds", "tot", "met", "per", "zie",
     "door", "voor", "op", "rond", "binnen", "na", "tussen", "onder"}
)  # fmt: skip


INITIAL = re.compile(r"^[A-Z]\.$")
INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def initial(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether 'J.' at ``i`` is a person's initial, not a list marker: it follows a form of
    address ('Dhr. J. van Asten') or precedes another initial or a tussenvoegsel."""
    if not INITIAL.match(doc[i].text) or i + 1 >= len(doc):
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1]
    return (
        before in HONORIFICS
        or f"{before}." in HONORIFICS
        or bool(INITIAL.match(after.text))
        or (after.lower_ in lex.tussenvoegsels and i + 2 < len(doc) and doc[i + 2].is_title)
    )


def in_a_list(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` stands mid-sentence between list glue: ', X,' or ', X en'."""
    if i == 0 or i + 1 >= len(doc) or doc[i].is_sent_start:
        return False
    return doc[i - 1].text in {",", "en", "&"} and doc[i + 1].text in {",", "en", "&"}


YEAR = re.compile(r"^(?:19|20)\d\d$")
DOCUMENT_PARTS = frozenset(
    {
        "bijlage",
        "bijlagen",
        "hoofdstuk",
        "paragraaf",
        "figuur",
        "tabel",
        "annex",
        "appendix",
        "sectie",
        "pagina",
        "chapter",
        "section",
        "figure",
        "table",
    }
)
PART_CODE = re.compile(r"^(?:[A-Z]|\d{1,3}|[IVX]{1,5})(?:\.\d{1,2})*\.?$")
THEME_WORDS = frozenset(
    {"thema", "thema's", "thema’s", "motto", "slogan", "theme", "themes", "themas"}
)


def glossed(doc: Doc, end: int) -> bool:
    """Whether a quoted phrase ending before ``end`` is glossed in lower case right after it:
    "'Smart Societies' (een slimme, digitale samenleving)". A term followed by its Dutch
    explanation is a theme or concept being introduced, not the title of a programme. A
    preposition opens no gloss but a place or a date: "'Region of X' (in Noord-Nederland)"."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "("
        and doc[end + 1].is_lower
        and doc[end + 1].is_alpha
        and doc[end + 1].lower_ not in NOT_GLOSS
    )


def elided_before(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` ends a capitalised elided pair: 'Kennis- en Innovatieagenda'."""
    if i < 2 or doc[i - 1].lower_ not in {"en", "of", "&"}:
        return False
    half = doc[i - 2].text
    return len(half) >= 3 and half.endswith("-") and half[:-1].isalpha() and half[0].isupper()


def school_type_pair(doc: Doc, k: int, lex: Lexicon) -> int | None:
    """End of a second school-type target after a name ending in one: 'Impuls Zeeleraren vo en
    kunst en cultuur pabo' names one scheme for two targets, each a subject and a school type.

    At ``k`` must stand 'en', then at most four lower-case content words (another 'en' may join
    them) of which the last is a school type, and after it no further lower-case content word:
    'Fonds X mbo en scholen in de regio' lists something else.
    """
    n = len(doc)
    if k >= n or doc[k].lower_ != "en":
        return None
    j = k + 1
    while j < n and j - k <= 5:
        tok = doc[j]
        low = tok.lower_
        if not tok.is_lower or not tok.is_alpha or tok.is_sent_start:
            return None
        if low in SCHOOL_TYPES:
            return None if title_goes_on(doc, j + 1, lex) else j + 1
        if low != "en" and not is_title_word(low, lex):
            return None
        j += 1
    return None


def title_goes_on(doc: Doc, end: int, lex: Lexicon) -> bool:
    """Whether the lower-case word at ``end`` could still belong to a sentence-case title that
    seemed to end before it: then the end is not certain, and a rule that needs it stays out."""
    if end >= len(doc):
        return False
    after = doc[end]
    return after.is_lower and after.is_alpha and is_title_word(after.lower_, lex)


def is_title_word(low: str, lex: Lexicon) -> bool:
    """A lower-case word that may be part of a sentence-case title: no stop word, function word
    or verb form."""
    return low not in lex.stop_words and low not in lex.function_words and not looks_like_verb(low)


def is_compass(token: Token, lex: Lexicon) -> bool:
    """A capitalised compass word ('Noord', 'Zuidoost') or compass compound ('Oost-Nederland')."""
    head = token.text.split("-")[0]
    return token.text[:1].isupper() and head.casefold() in lex.compass_prefixes


GERMAN_FUNCTION_WORDS = frozenset(
    {"und", "für", "auf", "einen", "einer", "eines", "zur", "zum", "über", "sowie", "mit", "im"}
)
"""German words no Dutch sentence uses: next to one, a capitalised word is a German noun."""


def german_context(doc: Doc, start: int, end: int) -> bool:
    """Whether the run ``doc[start:end]`` stands next to a German function word ('Bildung auf
    einen Blick', 'für Bildung und Forschung'): in German every noun is capitalised, so a
    capitalised word there says nothing about a name. Titles of German programmes and reports
    are cited in Dutch policy texts; their words are not Dutch actors."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in GERMAN_FUNCTION_WORDS or after in GERMAN_FUNCTION_WORDS


def activity_noun_before_name(first: Token, second: Token, lex: Lexicon) -> bool:
    """'Voorbereiding Kustpact', 'Doelstellingen X-Actieplan', 'Inzichten Frobnicpact': a
    nominalised activity ('-ing') or a plural noun before a complete headed name says what is
    done with the name, as in headings and lists of sources; it is not part of it.

    The name after it must carry its head inside a compound ('Kustpact'): before a bare head
    ('Energie Akkoord') the first word is the name's own subject.
    """
    low = first.lower_
    return (
        first.is_title
        and first.is_alpha
        and lex.head_type(first.text) is None
        and (low.endswith("ing") or (low.endswith(("ingen", "ten", "sen")) and len(low) > 6))
        and lex.head_type(second.text) in {"Programme", "Intervention", "Organisation"}
        and second.lower_ not in lex.heads
    )
