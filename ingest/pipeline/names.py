"""Component ``beleidsgraaf_names_v1``: typed names found by rules that generalise to unseen text.

A *name run* is a stretch of capitalised tokens, acronyms and numbers, glued by the connector words
names use ('Week van de Bouw', 'Platform Kansen voor Techniek'). Each run is typed by, in
order of trust:

1. a head noun in or just before it ('Investeringsfonds', 'regeling Sterk Beroepsonderwijs',
   'Sectorplan ...') -- see ``lexicon.yaml``; a head followed by a quoted title takes the title
   ('Topsector 'Slimme Havens''); 'provincie X' / 'gemeente X' also yields the place X;
2. a person cue ('minister X', 'Eurocommissaris X', 'X (VU)' after two or three capitalised
   words, or a name with a tussenvoegsel such as 'Paul de Krom');
3. a place cue ('in X', 'regio X') or a compass compound ('Noord-Holland', 'Oost-Nederland');
4. an acronym ('UWV') -> Organisation;
5. otherwise a multiword, CamelCase or unknown single word -> Organisation, marked as a guess.

Whether a capitalised word is an ordinary word is decided from spaCy's Dutch stop words, the
lemma tables of spacy-lookups-data and -- the strongest signal -- the document itself: a word
that also occurs in lower case in the same document ('Onderwijs' / 'onderwijs') is not a name on
its own. The extractor puts that document vocabulary in ``doc.user_data[VOCAB_KEY]``.

Spans go to ``doc.spans[SPANS_KEY]`` with the type as label and the rule as ``kb_id``
('rule:head', 'rule:person', 'rule:cue', 'rule:acronym', 'rule:single', 'rule:default',
'rule:caps', 'rule:adjective'), so resolution can weigh evidence: a head noun beats a guess.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from beleidsgraaf.ingest.pipeline.acronyms import is_acronym
from beleidsgraaf.ingest.pipeline.cues import (
    ACADEMIES,
    ADJECTIVE,
    ARTICLES,
    BODY_HEADS,
    CAMEL,
    CHAIN_STARTS,
    CLOSE_QUOTES,
    DISTRIBUTIVE,
    DOCUMENT_PARTS,
    DOCUMENT_SUFFIXES,
    DOMAIN,
    HONORIFICS,
    INITIALS,
    INSTRUMENT_CUES,
    LEGAL_FORMS,
    LETTER_PAIR,
    LIST_MARKER,
    MAX_RUN,
    OPEN_QUOTES,
    PART_CODE,
    PLAIN_AREA_HEADS,
    PLURAL_HEADS,
    PLURAL_S,
    POSSESSIVES,
    REPORTING_POINTS,
    SCHOOL_TYPES,
    SECTION_NUMBER,
    SECTOR_INSTRUMENTS,
    SITE_WORDS,
    SURNAME_PARTICLES,
    TAX_DEDUCTION,
    THEME_WORDS,
    TITLE_ADJECTIVES,
    VOCAB_KEY,
    WEB,
    YEAR,
    activity_noun_before_name,
    after_list_marker,
    area_context,
    common_compound,
    compass_adjective,
    coordinated_title,
    counted_plural,
    degree_code,
    elided_before,
    ends_run,
    english_headed,
    field_label,
    german_context,
    glossed,
    governing_kind,
    held_event,
    in_a_list,
    initial,
    instrument_cue,
    is_compass,
    is_document_word,
    is_place,
    is_title_word,
    made_thing,
    name_goes_on,
    named_as,
    namey_text,
    participle_like,
    passive_agent,
    place_adjective,
    place_compound,
    pluralised_head,
    programme_headed,
    role_filled_by,
    school_type_pair,
    site_owner,
    title_goes_on,
    title_list_before_head,
    used_thing,
)
from beleidsgraaf.ingest.pipeline.lexicon import Lexicon, is_common_word, lexicon, looks_like_verb

__all__ = ["SPANS_KEY", "TOPICS_KEY", "NameFinder"]

SPANS_KEY = "bg_names"
TOPICS_KEY = "bg_topics"
"""Words of theme names ('thema’s: Energie en Duurzaamheid'): topics, never entities."""


FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|csv)$", re.IGNORECASE)
"""A word that is a file's name ('A4.pdf')."""

_EXAMPLE_LIST_WORDS = frozenset({",", "en", "&", "of", "de", "het", "(", ")"})
"""Words between the examples of a list after 'zoals' ('zoals X (XA), Y en de Z')."""
_SEPARABLE_PARTICLES = frozenset({"in", "uit", "op", "aan", "mee", "toe", "door", "af"})
"""Particles of separable verbs, which may stand between a noun and its examples."""


class NameFinder:
    """Find and type name runs; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    # -- token predicates ------------------------------------------------------------------------

    @staticmethod
    def _namey(token: Token) -> bool:
        return namey_text(token.text)

    @staticmethod
    def _common(token: Token) -> bool:
        low = token.lower_
        vocab = token.doc.user_data.get(VOCAB_KEY)
        return is_common_word(low) or (vocab is not None and low in vocab)

    @staticmethod
    def _common_compound(token: Token) -> bool:
        """'Leeswijzer', 'Kamerbrief': a compound of two ordinary words is an ordinary word."""
        return common_compound(token.lower_, token.doc.user_data.get(VOCAB_KEY) or frozenset())

    def _plural_compound(self, token: Token, lex: Lexicon) -> bool:
        """'Bedrijfsstages': a title-case compound of ordinary words whose singular ends in a
        head noun ('bedrijfsstage' -> 'stage'). CamelCase and hyphenated names are made words."""
        if not (token.is_title and token.is_alpha and self._common_compound(token)):
            return False
        low = token.lower_
        return any(
            low.endswith(suffix) and lex.head_type(low[: -len(suffix)]) is not None
            for suffix in ("en", "s")
        )

    @staticmethod
    def _citation(doc: Doc, end: int) -> bool:
        """'Fouarge et al.', 'Bijlsma (2019)', 'Warps, 2018': an author in a reference."""
        nxt = [t.text for t in doc[end : end + 3]]
        if nxt[:1] == ["et"] or nxt[:2] == ["e.a", "."] or nxt[:1] == ["e.a."]:
            return True
        return len(nxt) >= 2 and nxt[0] in {"(", ","} and bool(re.match(r"^(19|20)\d\d$", nxt[1]))

    def _function_word(self, token: Token, lex: Lexicon) -> bool:
        low = token.lower_
        if low in ARTICLES:
            return False
        return low in lex.function_words or (low in lex.stop_words and len(low) <= 6)

    @staticmethod
    def _person_cue(token: Token, lex: Lexicon) -> bool:
        low = token.lower_
        return (
            low in lex.person_cues
            or low.endswith(lex.person_cue_suffixes)
            or low in {"motie", "moties"}  # motions are named after their MPs
        )

    # -- runs ------------------------------------------------------------------------------------

    def _extend(self, doc: Doc, start: int, lex: Lexicon, places: set[int]) -> int:
        """End (exclusive) of the name run starting at ``start``."""
        end = start + 1
        n = len(doc)
        # Only a plain head word opens a name that may continue over 'en' ('Alliantie Werk en
        # Toekomst'); '4TU.Federatie en ...' is a complete name followed by another.
        headed = doc[start].is_alpha and lex.head_type(doc[start].text) is not None
        if (
            not headed
            and start + 1 < n
            and doc[start].is_title
            and ADJECTIVE.search(doc[start].lower_)
            and doc[start + 1].is_alpha
            and doc[start + 1].is_title
            and lex.head_type(doc[start + 1].text) is not None
        ):
            # 'Zeeuwse Raad voor Kunst en Cultuur': a place adjective before the head
            # opens the name as the head does.
            headed = True
        ministry = doc[start].lower_ in {"ministerie", "ministeries"}
        while end < n and end - start < MAX_RUN:
            tok = doc[end]
            if tok.is_sent_start:
                break
            if ends_run(tok.text):
                break
            if (
                tok.is_title
                and tok.lower_ in lex.person_cues
                and doc[end - 1].lower_ not in lex.connectors
            ):
                # 'Hogeschool Zeewolde Dhr. K. Jansen', 'X Emeritus Professor Y': a title
                # opens a person (or a role) after a complete name, in lists of contributors.
                break
            if (
                tok.is_title
                and tok.lower_.endswith(DOCUMENT_SUFFIXES)
                and doc[end - 1].lower_ not in lex.connectors
            ):
                # 'Stichting Zeewerk Eindrapport Evaluatie X' in a list of sources: the author is
                # complete before the document it wrote.
                break
            if self._namey(tok):
                low = tok.lower_
                if field_label(doc, end) and lex.head_type(tok.text) is None:
                    break  # a head before the colon ends the name ('X Campus: ...')
                if self._function_word(tok, lex) and not tok.is_upper:
                    # A capitalised stop word between two capitalised words is part of a
                    # title-case name ('Leven Lang Ontwikkelen', 'Meer Goede Leraren'); the
                    # listed function words ('Naast', 'Via') never are.
                    nxt_tok = doc[end + 1] if end + 1 < n else None
                    if (
                        (
                            low in lex.function_words
                            # 'Toets Nieuwe Richting': after an opening head, a capitalised
                            # adjective before another capital is part of the title.
                            and not (headed and low in TITLE_ADJECTIVES)
                        )
                        or nxt_tok is None
                        or not nxt_tok.is_title
                        or nxt_tok.is_sent_start
                        or self._function_word(nxt_tok, lex)
                    ):
                        break
                if low in ARTICLES and lex.head_type(doc[end - 1].text) is None:
                    break
                if (
                    headed
                    and tok.is_alpha
                    and lex.head_type(tok.text) is not None
                    and doc[end - 1].lower_ not in lex.connectors
                    and low not in lex.weak_heads
                    # 'Werkplan Bouwpact Kustregio': a head right after the opening head
                    # is a document about a name, one title; after a complete name it opens
                    # the next one.
                    and any(lex.head_type(t.text) in {None, "Region"} for t in doc[start + 1 : end])
                ):
                    break  # 'Bouwpact Kustregio Bouwpact Heuvelland': a new name starts
                if tok.is_alpha and low.endswith(lex.street_suffixes) and not is_common_word(low):
                    break
                end += 1
                continue
            low = tok.lower_
            if self._imperative_title(doc, start, end):
                end += 2  # 'Kies je Toekomst'
                continue
            if end == start + 1:
                listed = title_list_before_head(doc, start, lex)
                if listed is not None:
                    end = listed  # 'Kunst, Klank & Kleur leerlijn'
                    break
            # Connectors may come in pairs ('Week van de Bouw'): look past them.
            ahead = end + 1
            while ahead < n and ahead - end < 3 and doc[ahead].lower_ in lex.connectors:
                ahead += 1
            nxt = doc[ahead] if ahead < n and ahead - end < 3 else None
            if (
                low == "van"
                and nxt is not None
                and lex.head_type(nxt.text) == "Organisation"
                and programme_headed(doc[start:end], lex)
            ):
                # 'het Actieplan van de Stichting X': a body after a programme or instrument
                # owns it; it is a name of its own (as an acronym is, below).
                break
            if low in lex.connectors and nxt is not None and ahead > end + 1:
                if (
                    low in CHAIN_STARTS
                    and self._namey(nxt)
                    and not nxt.is_sent_start
                    and nxt.i not in places
                    and not (end == start + 1 and start in places)
                ):
                    end = ahead
                    continue
                break
            nxt = doc[end + 1] if end + 1 < n else None
            if nxt is None or not self._namey(nxt) or nxt.is_sent_start:
                # A trailing school-type word stays in the name ('Investeringsfonds mbo').
                if low in SCHOOL_TYPES and headed:
                    end += 1
                    end = school_type_pair(doc, end, lex) or end
                break
            if low in {"en", "of"} and doc[end - 1].text.endswith("-") and end - start > 1:
                # 'Techniekpact Maas- en Peelland': an elided compound inside a name.
                end += 1
                continue
            if low in {"en", "&"}:
                if self._unhyphenated_pair(doc, start, end, lex, places):
                    end += 2  # 'Kustse Haven en Scheepvaartpact' ends here
                    break
                # 'Centre for Design Education en Sectorplan X': a head word after 'en'
                # opens a second name.
                if is_acronym(nxt.text) or lex.head_type(nxt.text) is not None:
                    if not headed and self._elided_head_pair(doc, start, end, lex):
                        end += 2  # 'Zeeuws Water en Bodempact': one pact of two subjects
                    break
                if (
                    not headed
                    and not self._inner_head_pair(doc, start, end, lex)
                    and not self._paired_before_head(doc, start, end, lex, places)
                ):
                    break
                end += 1
                continue
            if low == "," and ministry:
                end += 1
                continue
            if low == "in" and self._national_scope(doc, start, end, lex, places):
                end += 2  # 'Agenda voor de Zeevaart in Nederland': the scope ends the title
                break
            if low in {"in", "op", "uit"} and (
                nxt.i in places
                or (headed is False and end > start + 2)
                # 'Techniekpact in Oost': a bare compass word after 'in' is an area (a landsdeel).
                or nxt.lower_ in lex.compass_prefixes
            ):
                break
            if low == "van" and is_acronym(nxt.text) and programme_headed(doc[start:end], lex):
                # 'Agenda Hoger Onderwijs van OCW', 'Regeling X van NWO': the acronym after a
                # programme or instrument names its owner, not part of its name.
                break
            if low == "de" and lex.head_type(nxt.text) in {"Programme", "Intervention", "Region"}:
                # 'Nijmegen de Topsector Water' (an elided verb: 'X [kreeg] de Topsector Y'):
                # before a programme, instrument or region noun 'de' is an article opening a
                # new phrase; a surname after the tussenvoegsel is no such noun.
                break
            if low in lex.connectors and low not in {"en", "&", "aan", "te", "het", "the"}:
                # A lone 'het' glues nothing ('Baken het Techniekpact' is two phrases); in a
                # name it follows 'van'/'voor', handled as a pair above. A lone 'de' does, as the
                # tussenvoegsel of a surname ('Paul de Krom').
                end += 1
                continue
            break
        while end > start + 1 and doc[end - 1].lower_ in lex.connectors:
            end -= 1
        return end

    def _unhyphenated_pair(
        self, doc: Doc, start: int, en: int, lex: Lexicon, places: set[int]
    ) -> bool:
        """'Kustse Haven en Scheepvaartpact': a pair of compounds sharing their head, written
        without the hyphen of 'Haven- en Scheepvaartpact', ending a name that has no head before.

        The word before 'en' is a capitalised ordinary Dutch word (no head, no place, so not a
        name of its own, as 'Frobnic' in 'Frobnic en Technologiepact' is); the word after
        it is the last capital of the run and a compound ending in a programme, instrument or
        body noun, so the head covers both words and the whole run is one name.
        """
        before, after = doc[en - 1], doc[en + 1] if en + 1 < len(doc) else None
        if after is None or not (before.is_title and before.is_alpha and after.is_title):
            return False
        if before.i in places or lex.head_type(before.text) is not None or not self._common(before):
            return False
        # A region noun may open the run ('Landsdeel Zuid X en Y-pact' is split there later).
        if any(lex.head_type(t.text) not in {None, "Region"} for t in doc[start:en]):
            return False
        kind = lex.head_type(after.text)
        if kind not in {"Programme", "Intervention", "Organisation"} or not after.is_alpha:
            return False
        head = after.lower_
        compound = any(head.endswith(h) and len(head) > len(h) for h, _ in lex.head_suffixes)
        following = doc[en + 2] if en + 2 < len(doc) else None
        return compound and (following is None or not self._namey(following))

    @staticmethod
    def _elided_head_pair(doc: Doc, start: int, en: int, lex: Lexicon) -> bool:
        """'Zeeuws Water en Bodempact': an ordinary capitalised noun, 'en', and a compound of
        another ordinary noun with a head ends one name whose head serves both nouns ('Water[pact]
        en Bodempact'), not a word and a second name.

        Only a short run without a head of its own, an ordinary word before 'en', a compound
        (not the bare head: 'X en Pact Y') whose first part is an ordinary word, and nothing
        capitalised after it ('Water en Sectorplan Zuid' names a second thing).
        """
        n = len(doc)
        if doc[start].lower_ in ARTICLES:
            start += 1  # 'Het Zeeuws Water ...' opening a sentence
        if en + 1 >= n or en - start > 2:
            return False
        before, compound = doc[en - 1], doc[en + 1]
        low = compound.lower_
        if (
            not before.is_title
            or not before.is_alpha
            or not is_common_word(before.lower_)
            or not compound.is_title
            or not compound.is_alpha
            or compound.is_sent_start
            or low in lex.heads
            or any(lex.head_type(t.text) is not None for t in doc[start:en])
        ):
            return False
        head = max((h for h in lex.heads if low.endswith(h)), key=len, default="")
        modifier = low[: len(low) - len(head)] if head else ""
        if len(modifier) < 4 or not is_common_word(modifier):
            return False
        after = doc[en + 2] if en + 2 < n else None
        return after is None or not after.text[:1].isupper() or bool(after.is_sent_start)

    @staticmethod
    def _national_scope(doc: Doc, start: int, en: int, lex: Lexicon, places: set[int]) -> bool:
        """'Agenda voor de Zeevaart in Nederland': a programme title of the form 'head voor
        [de] Subject' takes 'in' and the one place it covers as its last words.

        Only a programme head opening the run, a title-case subject after 'voor', and a single
        place after 'in' that ends the run (no further capital): 'Actieplan X in Twente en
        Drenthe' or a body ('Platform voor X in Y') is left as it is.
        """
        n = len(doc)
        if en + 1 >= n or lex.head_type(doc[start].text) != "Programme" or not doc[start].is_title:
            return False
        words = [t.lower_ for t in doc[start + 1 : en]]
        if "voor" not in words[:1] or not doc[en - 1].is_title:
            return False
        place = doc[en + 1]
        after = doc[en + 2] if en + 2 < n else None
        return (
            not place.is_sent_start
            and (place.i in places or is_place(place.text))
            and (after is None or not (after.text[:1].isupper() or after.lower_ in {"en", "&"}))
        )

    @staticmethod
    def _inner_head_pair(doc: Doc, start: int, en: int, lex: Lexicon) -> bool:
        """'Strategische Agenda Kunst en Cultuur': a title-case name whose head
        noun comes after a qualifier goes on over 'en' to a single capitalised word that ends
        the title (followed by no further capital), pairing two subjects of the head. Only a
        programme or instrument head: bodies are listed with 'en' ('X Factory en Y'). The head
        must have a subject after it: 'Human Talent Agenda en Topsectoren' is a complete name
        and another; places are listed ('Agenda Twente en Gelderland')."""
        if not programme_headed(doc[start + 1 : en - 1], lex):
            return False
        if is_place(doc[en - 1].text) or (en + 1 < len(doc) and is_place(doc[en + 1].text)):
            return False
        if en - start < 3 or en + 2 > len(doc):
            return False
        nxt = doc[en + 1]
        after = doc[en + 2] if en + 2 < len(doc) else None
        return (
            nxt.is_title
            and nxt.is_alpha
            and not nxt.is_sent_start
            and (after is None or not after.text[:1].isupper())
            and all(t.is_title or t.lower_ in lex.connectors for t in doc[start:en])
        )

    @staticmethod
    def _imperative_title(doc: Doc, start: int, end: int) -> bool:
        """'(programma) Kies je Toekomst', 'Kies jouw Toekomst': a possessive between two
        capitalised words of a title that follows a head noun, a quote or opens an entry.

        Campaigns and programmes are often named by an imperative addressing the reader; the
        pronoun is lower case but part of the name. Only where a title is expected, so running
        text ('Als je Twente bezoekt') is not read as one.
        """
        n = len(doc)
        if end + 1 >= n or doc[end].lower_ not in POSSESSIVES or end != start + 1:
            return False
        if not doc[end + 1].is_title or doc[end + 1].is_sent_start or not doc[start].is_title:
            return False
        before = doc[start - 1] if start > 0 else None
        return (
            before is None
            or before.text in OPEN_QUOTES
            or (before.is_lower and lexicon().head_type(before.text) is not None)
        )

    def _paired_before_head(
        self, doc: Doc, start: int, en: int, lex: Lexicon, places: set[int]
    ) -> bool:
        """'Hout en Bouw Innovatiecentrum': one word, 'en', then a capitalised word and a
        head noun within two words is one name of paired subjects (not two names)."""
        if en != start + 1 or start in places or not doc[start].is_title:
            return False
        for k in (en + 2, en + 3):
            if k >= len(doc) or not doc[k].is_title or doc[k].is_sent_start:
                return False
            if lex.head_type(doc[k].text) not in {None, "Region"}:
                return True
        return False

    def _quoted(self, doc: Doc, open_at: int) -> int | None:
        """End (exclusive, after the closing quote) of a quoted title opening at ``open_at``."""
        for k in range(open_at + 1, min(len(doc), open_at + 14)):
            if doc[k].text in CLOSE_QUOTES:
                return k + 1 if k > open_at + 1 else None
            if doc[k].text in {".", ";", "(", ")"}:
                return None
        return None

    # -- classification --------------------------------------------------------------------------

    @staticmethod
    def _example_of_actors(doc: Doc, start: int, lex: Lexicon) -> bool:
        """True inside 'bedrijven zoals X, Y en Z' / 'organisaties als X en Y'."""
        k = start - 1
        while k >= 0 and (doc[k].text in {",", "en", "&", "of"} or doc[k].is_title):
            k -= 1
            if start - k > 25:
                return False
        if k >= 0 and doc[k].lower_ in {"zoals", "als", "waaronder", "o.a.", "bijvoorbeeld"}:
            return k > 0 and doc[k - 1].lower_ in lex.actor_plurals
        return False

    def _description_of(self, doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
        """'Werking van het Techniekpact', 'Evaluatie van de Regeling X', 'Inzichten voor het
        Techniekpact': an ordinary noun + 'van' / 'voor' / 'over' before a headed name describes
        that name (a heading about it), it is not part of it.

        Names that open with 'X van' have a head noun as X ('Ministerie van', 'Week van de');
        an ordinary word there ('werking', 'evaluatie', 'doelen') speaks about the named thing.
        Only when a head noun follows, so 'Huis van de Techniek' keeps its own words.
        """
        first = doc[start]
        return (
            end - start > 2
            and first.is_alpha
            and first.is_title
            and doc[start + 1].lower_ in {"van", "voor", "over"}
            and lex.head_type(first.text) is None
            and self._common(first)
            and any(lex.head_type(t.text) is not None for t in doc[start + 2 : end])
        )

    @staticmethod
    def _plural_kind_of(token: Token, lex: Lexicon) -> str | None:
        """The programme or instrument type of a lower-case plural head ('regelingen',
        'financieringsinstrumenten', 'programma' before '’s'), else None. Plural actor nouns
        ('fondsen', 'netwerken') are left to the actor rules."""
        low = token.lower_
        # A plural noun opening the sentence is capitalised only by its place ('Initiatieven
        # zoals X kunnen ...').
        lower = token.is_lower or (token.is_sent_start and token.is_title)
        if not (lower and token.is_alpha) or low in lex.actor_plurals:
            return None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.text in PLURAL_S:
            kind = lex.head_type(low)
        elif low.endswith("en") and lex.head_type(low) is None:
            stem = low[:-2]
            # Dutch plurals voice a final f or s: 'initiatieven' is the plural of 'initiatief'.
            if stem.endswith(("v", "z")) and lex.head_type(stem) is None:
                stem = stem[:-1] + ("f" if stem.endswith("v") else "s")
            kind = lex.head_type(stem)
        elif low.endswith("s") and lex.head_type(low) is None:
            kind = lex.head_type(low[:-1])  # 'subsidies', 'campagnes', 'pilots'
        else:
            return None
        return kind if kind in {"Programme", "Intervention"} else None

    def _plural_head_before(self, doc: Doc, start: int, lex: Lexicon) -> str | None:
        """'de Europese programma’s Frobnic 2030 en ...', 'de regelingen X en Y': a name right
        after a plural programme or instrument noun is one of them (the singular head before a
        name is handled as a head noun)."""
        if start >= 2 and doc[start - 1].text in PLURAL_S:
            return self._plural_kind_of(doc[start - 2], lex)
        if start >= 1 and not doc[start - 1].text[:1].isupper():
            kind = self._plural_kind_of(doc[start - 1], lex)
            if kind is not None and doc[start - 1].lower_ not in lex.heads:
                return kind
        return None

    def _example_of_instruments(self, doc: Doc, start: int, lex: Lexicon) -> str | None:
        """The type of 'financieringsinstrumenten (die ...), zoals X en Y' / 'regelingen als X'.

        Like examples of actors ('bedrijven zoals X'), examples after a plural programme or
        instrument noun are programmes or instruments; the noun may carry a relative clause
        ('instrumenten die gericht zijn op valorisatie, zoals X').
        """
        k = start - 1
        while k >= 0 and (
            doc[k].text in _EXAMPLE_LIST_WORDS
            or doc[k].is_title
            or is_acronym(doc[k].text)
            # 'zoals de regeling X (VFF), Y en Z': a lower-case head inside an earlier example
            or (doc[k].is_lower and lex.head_type(doc[k].text) in {"Intervention", "Programme"})
        ):
            k -= 1
            if start - k > 25:
                return None
        if k < 1 or doc[k].lower_ not in {"zoals", "als", "waaronder"}:
            return None
        k -= 1
        noun = k - 2 if k > 1 and doc[k - 1].text in PLURAL_S else k - 1
        if noun > 0 and doc[noun].lower_ in _SEPARABLE_PARTICLES:
            noun -= 1  # 'zet instrumenten in, zoals X': the particle of the verb
        if doc[k].text == "," and noun >= 0 and self._plural_kind_of(doc[noun], lex) is not None:
            # 'Andere regelingen, zoals X, zijn ...', 'programma’s, zoals Y': the examples
            # set off by commas right after the plural noun.
            return self._plural_kind_of(doc[noun], lex)
        if (
            doc[k].is_lower
            and doc[k].morph.get("Number", []) == ["Sing"]
            and lex.head_type(doc[k].text) in {"Intervention", "Programme"}
        ):
            # 'een initiatief zoals X', 'een regeling als Y': one example of a named kind (the
            # plural 'knooppunten zoals X' may list areas).
            return lex.head_type(doc[k].text)
        elif doc[k].text == ",":
            # Back over a relative clause to the noun it describes: 'X die ... , zoals'.
            j = k - 1
            while j > 0 and k - j <= 15 and doc[j].lower_ not in {"die", "dat"}:
                if doc[j].text in {",", ".", ";", ":", "(", ")"} or doc[j].is_sent_start:
                    return None
                j -= 1
            if j <= 0 or doc[j].lower_ not in {"die", "dat"}:
                return None
            k = j - 1
        if doc[k].text in PLURAL_S and k > 0:
            k -= 1
        return self._plural_kind_of(doc[k], lex)

    def _kind_noun(self, doc: Doc, i: int, lex: Lexicon) -> str | None:
        """The type named by the lower-case noun phrase opening at ``i`` ('een succesvolle
        interventie', 'regelingen', 'de organisaties'): an article and up to three adjectives,
        then a head noun, an instrument word or a plural kind noun; else None."""
        if i < len(doc) and doc[i].lower_ in ARTICLES:
            i += 1
        for _ in range(3):  # adjectives: 'succesvolle', 'landelijk', 'nieuw'
            tok = doc[i] if i + 1 < len(doc) else None
            if (
                tok is None
                or not (tok.is_lower and tok.is_alpha)
                or tok.lower_ in lex.stop_words
                or lex.head_type(tok.text) is not None
                or tok.lower_ in INSTRUMENT_CUES
                or tok.lower_ in lex.actor_plurals
                or self._plural_kind_of(tok, lex) is not None
                or not (doc[i + 1].is_lower and doc[i + 1].is_alpha)
                or doc[i + 1].lower_ in lex.stop_words
            ):
                break
            i += 1
        if i >= len(doc) or not (doc[i].is_lower and doc[i].is_alpha):
            return None
        low = doc[i].lower_
        if low in INSTRUMENT_CUES:
            return "Intervention"
        if low in lex.actor_plurals:
            return "Organisation"
        kind = lex.head_type(low)
        if kind is not None and kind != "Region":
            return kind
        return self._plural_kind_of(doc[i], lex)

    def _named_example(self, doc: Doc, start: int, lex: Lexicon) -> str | None:
        """The type of the noun in 'Een voorbeeld van een succesvolle interventie in Frobnia
        zijn de Klimteams', 'Voorbeelden van regelingen zijn X en Y'.

        An example of a kind of thing, named after the copula, is one of that kind: the noun
        after 'voorbeeld(en) van' types the name as a head noun would. A pronoun ('voorbeeld
        hiervan is X') says nothing, so only a noun phrase counts.
        """
        k = start - 1
        while k >= 0 and (doc[k].text in {",", "en", "&"} or doc[k].is_title) and start - k < 15:
            k -= 1  # earlier examples in the same list: 'zijn X, Y en Z'
        if k >= 0 and doc[k].lower_ in {"de", "het"}:
            k -= 1
        if k < 2 or doc[k].lower_ not in {"is", "zijn", "was", "waren"}:
            return None
        j = k - 1
        while j >= 0 and k - j <= 12:
            if doc[j].lower_ in {"voorbeeld", "voorbeelden"} and doc[j + 1].lower_ == "van":
                return self._kind_noun(doc, j + 2, lex)
            if doc[j].text in {",", ";", ":", "(", ")", "."} or doc[j].is_sent_start:
                return None
            j -= 1
        return None

    def _defined_as(self, doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
        """The type of the noun in a definition 'Frobnic is een subsidieregeling voor ...',
        'De Zwaluwraad is een organisatie van ...': the name opens the clause, the copula and an
        indefinite noun phrase follow, and its head noun says what the name is.

        Only a name opening its sentence is the subject: in 'In Frobnia is een netwerk
        opgericht' the place is no netwerk.
        """
        opens = doc[start].is_sent_start or (
            start > 0 and doc[start - 1].is_sent_start and doc[start - 1].lower_ in ARTICLES
        )
        if not opens or end + 2 >= len(doc) or doc[end].lower_ not in {"is", "was"}:
            return None
        if doc[end + 1].lower_ != "een":
            return None
        kind = self._kind_noun(doc, end + 1, lex)
        return kind if kind in {"Organisation", "Programme", "Intervention"} else None

    def _example_of_topics(self, doc: Doc, start: int, lex: Lexicon) -> bool:
        """True inside 'onderwerpen zoals quantumtechnologie, MedTech en AI' / 'thema’s als X'.

        A list of examples of subjects, themes or technologies names topics, whatever their
        spelling: a CamelCase or capitalised item ('MedTech') is a field, not an actor. The
        items may be lower-case phrases ('industriële elektrificatie'), so the walk back to
        'zoals' / 'als' passes any content word, but no verb, stop word or sentence start.
        """
        k = start - 1
        while k >= 0 and start - k <= 25:
            tok = doc[k]
            low = tok.lower_
            if low in {"zoals", "als", "waaronder", "bijvoorbeeld"}:
                before = [t.lower_ for t in doc[max(0, k - 2) : k] if t.text not in PLURAL_S]
                return bool(before) and before[-1].endswith(lex.topic_plurals)
            if tok.is_sent_start or tok.text in {".", ";", ":", "(", ")"}:
                return False
            if tok.is_alpha and (
                (low in lex.stop_words and low not in {"en", "of"}) or looks_like_verb(low)
            ):
                return False
            k -= 1
        return False

    def _classify(self, doc: Doc, start: int, end: int, lex: Lexicon) -> list[Span]:
        cue = False
        itemised = after_list_marker(doc, start)
        opening = start
        # Leading list markers, function words, sentence-initial articles and ordinary words,
        # titles ('Eurocommissaris') and place adjectives ('Duitse TU9') are not part of a name.
        while start < end:
            first = doc[start]
            if (
                end - start == 2
                and first.is_title
                and first.lower_ in lex.ordinals
                and doc[start + 1].is_title
                and lex.head_type(doc[start + 1].text) == "Organisation"
            ):
                # 'de Tweede Kamer', 'de Eerste Kamer': a capitalised ordinal makes a bare body
                # noun the name of one body.
                return [Span(doc, start, end, label="Organisation", kb_id="rule:head")]
            if (
                (LIST_MARKER.match(first.text) and not initial(doc, start, lex))
                or SECTION_NUMBER.match(first.text)
                or self._function_word(first, lex)
                or (first.is_sent_start and first.lower_ in ARTICLES)
                or first.text in ARTICLES  # lower case: the article of a phrase, not the name's
                or (end - start > 1 and is_document_word(first.lower_, lex))
                # 'de BV Nederland': a legal form closes a company's name ('Technopolis
                # B.V.'); before a name it makes a metaphor of a country or city.
                or (end - start > 1 and first.lower_ in LEGAL_FORMS)
                # 'de O&O-fondsen A+O Houtbouw en OTIB': a plural class noun before names
                # introduces them, it is not part of the first one.
                or (
                    end - start > 1
                    and "-" in first.text
                    and first.text.rsplit("-", 1)[1] in lex.actor_plurals
                )
            ):
                start += 1
            elif self._person_cue(first, lex) and end - start > 1:
                cue = True
                start += 1
            elif self._description_of(doc, start, end, lex):
                start += 2  # 'Werking van' (the article after it goes next round)
            elif end - start > 1 and activity_noun_before_name(doc[start], doc[start + 1], lex):
                start += 1  # 'Voorbereiding Kustpact', 'Doelstellingen X-Actieplan'
            elif (
                (
                    end - start > 1
                    and ADJECTIVE.search(first.lower_)
                    and first.is_title
                    and not self._common(first)
                    # 'het consortium Groene Teelt': after a lower-case head noun the
                    # adjective opens the name the head announces.
                    and not (start > 0 and self._announcing_head(doc[start - 1], lex))
                    and lex.head_type(first.text) is None
                    # 'Europese Unie', 'Vlaamse Overheid': a place adjective before a lone
                    # capitalised body noun is the name of one body, not an attribute (before a
                    # programme, 'het Nederlandse Techniekpact', it is).
                    and not (
                        lex.head_type(doc[start + 1].text) == "Organisation"
                        and (end - start == 2 or doc[start + 1].is_title)
                    )
                )
                or (
                    (first.is_sent_start or (itemised and first.i == opening))
                    and is_common_word(first.lower_)
                    and lex.head_type(first.text) is None
                    and end - start > 1
                    and not english_headed(doc[start + 1 : end], lex)
                )
            ):
                start += 1
            else:
                break
        if start >= end:
            return []
        first = doc[start]
        run = doc[start:end]
        if self._document_part(run) or any(FILE_NAME.search(t.text) for t in run):
            return []  # ('Achterkant A4.pdf': a file name names no actor or programme)
        labelled = 1 if first.lower_ in DOCUMENT_PARTS else 0
        if (
            (labelled or (start > 0 and doc[start - 1].lower_ in DOCUMENT_PARTS))
            and start + labelled < end
            and PART_CODE.match(doc[start + labelled].text)
        ):
            # 'Bijlage C Bestudeerde documenten': the part and its letter label a title; only
            # the title may hold a name ('Bijlage B Techniekpact X').
            title = start + labelled + 1
            # A title opening with a participle or another ordinary word ('Bestudeerde
            # documenten', 'Gelezen stukken') is a description.
            opener = doc[title].lower_ if title < end else ""
            if opener and (self._common(doc[title]) or participle_like(opener.removesuffix("e"))):
                title += 1
            return self._classify(doc, title, end, lex) if title < end else []
        last_part = run[-1].text.rsplit("-", 1)[-1] if "-" in run[-1].text else ""
        if (
            len(run) > 1
            and len(last_part) > 2
            and last_part.isalpha()
            and last_part.islower()
            and lex.head_type(last_part) is None
        ):
            # 'Zee Land Leren-aanbod', 'Open Kennis-propositie': an ordinary noun qualified by a
            # name is a thing of that name, not the name (as 'W&T-aanbod' below).
            return []
        if lex.is_generic_body(run.text):
            # 'Algemeen Bestuur', 'College van Bestuur', 'Bestuurscommissie Onderzoek': an organ
            # every organisation has, not an actor of its own.
            return []
        described = (
            start > 0
            and doc[start - 1].is_lower
            and doc[start - 1].lower_ not in SITE_WORDS
            and lex.head_type(doc[start - 1].text) is not None
        )
        if (
            end - start == 1
            and (WEB.match(first.text) or DOMAIN.match(first.text))
            and not described
        ):
            # 'www.leerplekken.nl', 'Werkkaart.nl': a website is an instrument (a
            # portal or campaign site), whatever it is called ('platform', 'site') -- unless a
            # head noun for a body before it says it names the body ('de organisatie
            # Techwerk.nu', typed below).
            return [Span(doc, start, end, label="Intervention", kb_id="rule:web")]
        # A bare compass word glued to a headed name, as in table rows ('Noordwest Techniekpact
        # Noordvleugel'): the compass word is an area of its own, the rest is the name.
        if (
            end - start > 1
            and first.lower_ in lex.compass_prefixes
            and any(lex.head_type(t.text) not in {None, "Region"} for t in run[1:])
        ):
            return [
                Span(doc, start, start + 1, label="Region", kb_id="rule:cue"),
                *self._classify(doc, start + 1, end, lex),
            ]
        prev = doc[start - 1] if start > 0 else None
        prev2 = doc[start - 2] if start > 1 else None
        after = doc[end] if end < len(doc) else None
        cue = cue or (prev is not None and self._person_cue(prev, lex))
        if cue and (cut := self._portfolio_after_person(run, lex)) is not None:
            # 'minister Jan Pieters van Economische Zaken': the portfolio after a titled person
            # names the ministry (the authority list finds it), not part of the person's name.
            return self._classify(doc, start, cut, lex)

        postcode = (
            start > 0 and len(first.text) == 2 and doc[start - 1].text.isdigit()
        )  # '1081 HV Amsterdam': the letters of a postcode
        if len(run) == 2 and is_acronym(first.text) and is_place(run[1].text) and not postcode:
            # 'BKO Tilburg', 'ROC Zwolle': an acronym with its town is one body, not the town.
            return [Span(doc, start, end, label="Organisation", kb_id="rule:head")]
        # Shouted multiword runs are headings ('MULTIDISCIPLINAIRE IMPACTPROGRAMMA'), whatever
        # their head noun says: only kept when a mention in ordinary case confirms them.
        alpha = [t for t in run if t.is_alpha]
        shouted = len(alpha) > 1 and all(t.is_upper and len(t) > 1 for t in alpha)
        if shouted and not cue and not all(is_acronym(t.text) and len(t) <= 5 for t in alpha):
            return [Span(doc, start, end, label="Organisation", kb_id="rule:caps")]
        # 1. head noun inside the run, or just before it ('regeling X', 'ministerie van X').
        for token in run:
            kind = lex.head_type(token.text)
            if kind is None:
                continue
            # A bare head word ('Actieplan', 'het Platform') names nothing; a capitalised
            # article belongs to the name ('De Unie').
            core = [t for t in run if t.text not in ARTICLES]
            if (len(core) == 1 and token.lower_ in lex.heads) or pluralised_head(doc, token, end):
                return []
            if token.i == end - 1 and counted_plural(doc, start, token, lex):
                return []
            if len(run) == 1 and token.is_sent_start and self._plural_compound(token, lex):
                # 'Docentstages', 'Opleidingstrajecten' opening a line or entry: a compound of
                # ordinary words in the plural is a kind of activity, not one named instrument.
                return []
            if len(core) == 1 and after is not None and after.text in PLURAL_S:
                # 'Meerjarenprogramma’s: ...': a head compound in the plural names a kind.
                return []
            if (
                len(run) == 1
                and (token.is_sent_start or itemised)
                and (
                    is_common_word(token.lower_)
                    or token.lower_ in (doc.user_data.get(VOCAB_KEY) or frozenset())
                )
            ):
                # 'Leeswijzer', 'Doelgroep:' opening a line: a word of the Dutch lemma tables,
                # or one the document writes in lower case elsewhere ('onderwijsbeleid'),
                # capitalised only by its place is an ordinary noun; mid-sentence capitals
                # ('de Rijksoverheid') are deliberate and stay a name.
                return []
            if len(run) == 1 and itemised and self._plural_kind(token, lex):
                # 'h) Opleidingstrajecten voor docenten': a plural compound of ordinary words
                # opening an item names a kind of thing, not one named instrument.
                return []
            if token.i == start and token.lower_ in BODY_HEADS and len(run) > 1:
                if area_context(doc, start):
                    return [Span(doc, start + 1, end, label="Region", kb_id="rule:cue")]
                # The body only: the place is a Region where the text names it as an area.
                return [Span(doc, start, end, label="Organisation", kb_id="rule:head")]
            if (
                token.i == start
                and token.lower_ == "landsdeel"
                and len(run) > 2
                and run[1].lower_ in lex.compass_prefixes
            ):
                # 'Landsdeel Zuidwest Techniekpact Kustrand', as in a list of sources per
                # landsdeel: a landsdeel is named by its compass word alone; what follows is a
                # name of its own.
                return [
                    Span(doc, start + 1, start + 2, label="Region", kb_id="rule:cue"),
                    *self._classify(doc, start + 2, end, lex),
                ]
            if (
                token.lower_ in ACADEMIES
                and token.i + 1 < end
                and doc[token.i + 1].lower_ in {"of", "van"}
            ):
                # 'Academy of Engineering', 'Academie van Bouwkunst': an academy *of* a field is
                # a school or a learned society; 'Frobnic Academy' is a training programme.
                return [Span(doc, start, end, label="Organisation", kb_id="rule:head")]
            if kind == "Region" and token.i == start and len(run) > 1:
                # 'Regio Deal X' is a deal, not a region: a later head of another type wins.
                other = next(
                    (k for t in run[1:] if (k := lex.head_type(t.text)) not in {None, "Region"}),
                    None,
                )
                if other is not None:
                    return [Span(doc, start, end, label=other, kb_id="rule:head")]
                return [Span(doc, start + 1, end, label="Region", kb_id="rule:cue")]
            return [Span(doc, start, end, label=kind, kb_id="rule:head")]
        if len(run) > 1 and run[-1].is_title and run[-1].is_alpha and not run[0].is_sent_start:
            # 'Smart Industry Fieldlabs', 'Early Research Programs': a title-case name ending in
            # the plural of a programme or instrument head names that series of instruments.
            low = run[-1].lower_
            stem = low[:-1] if low.endswith("s") else low[:-2] if low.endswith("en") else ""
            kind = lex.head_type(stem) if len(stem) >= 3 else None
            # A weak head ('UT Masters', 'de Regio Fondsen') is too generic to name a series.
            if (
                kind in {"Programme", "Intervention"}
                and lex.head_type(low) is None
                and stem not in lex.weak_heads
            ):
                return [Span(doc, start, end, label=kind, kb_id="rule:head")]
        if prev is not None and prev.is_lower:
            kind = lex.head_type(prev.text)
            if prev.lower_ in BODY_HEADS:
                if area_context(doc, start - 1):
                    return [Span(doc, start, end, label="Region", kb_id="rule:cue")]
                return [Span(doc, start - 1, end, label="Organisation", kb_id="rule:head")]
            if kind == "Region":
                if prev.lower_ not in PLAIN_AREA_HEADS:
                    # 'metropoolregio Utrecht', 'veiligheidsregio Twente': a kind of region
                    # named after a place is an area of its own, not the place.
                    return [Span(doc, start - 1, end, label="Region", kb_id="rule:head")]
                return [Span(doc, start, end, label="Region", kb_id="rule:cue")]
            if kind is not None:
                end = self._sentence_case_tail(doc, start, end, lex)
                return [Span(doc, start - 1, end, label=kind, kb_id="rule:head")]
            if prev.lower_ == "van" and prev2 is not None and prev2.lower_ == "ministerie":
                return [Span(doc, start - 2, end, label="Organisation", kb_id="rule:head")]

        if (
            after is not None
            and after.lower_ == "als"
            and end + 1 < len(doc)
            and doc[end + 1].is_lower
            and lex.head_type(doc[end + 1].text) in {"Intervention", "Programme"}
        ):
            # 'Ratho als instrument', 'X als regeling': a name described as an instrument or
            # programme is one.
            kind = lex.head_type(doc[end + 1].text) or "Intervention"
            return [Span(doc, start, end, label=kind, kb_id="rule:cue")]
        kind = (
            self._plural_head_before(doc, start, lex)
            or self._named_example(doc, start, lex)
            or self._defined_as(doc, start, end, lex)
        )
        if kind is not None and not (
            len(run) == 1 and (is_compass(first, lex) or is_place(first.text))
        ):
            # ('coalitieakkoorden Zuidwest', 'de regelingen Twente': a place after the plural
            # says where they are, it names none of them.)
            # 'programma’s Frobnic 2030': a year after the name is the programme's edition.
            if end < len(doc) and YEAR.match(doc[end].text) and not doc[end].is_sent_start:
                end += 1
            return [Span(doc, start, end, label=kind, kb_id="rule:cue")]

        # 2. persons.
        if INITIALS.match(first.text) and len(run) > 1:
            # 'J. van Asten', 'A.B. Jansen': initials, particles and a capitalised surname.
            rest = [t for t in run[1:] if t.lower_ not in lex.tussenvoegsels]
            if 1 <= len(rest) <= 2 and all(
                t.is_title
                and t.is_alpha
                and lex.head_type(t.text) is None
                and t.lower_ not in lex.stop_words
                and t.lower_ not in ENGLISH_STOP_WORDS  # 'U.S. This'
                for t in rest
            ):
                return [Span(doc, start, end, label="Person", kb_id="rule:person")]
        if self._person_like(run, lex):
            org_after = (
                after is not None
                and after.text == "("
                and end + 2 < len(doc)
                and (is_acronym(doc[end + 1].text) or self._person_cue(doc[end + 1], lex))
                # 'Sociale Zaken (BMAS)' is a body of ordinary words; '(PBT, 2016)' cites a
                # source with its year; 'Jan Jansen (VU)' names a person's affiliation.
                and not all(self._common(t) for t in run if t.lower_ not in lex.tussenvoegsels)
                and not (
                    doc[end + 2].text == ","
                    and end + 3 < len(doc)
                    and YEAR.match(doc[end + 3].text) is not None
                )
            )
            particle = any(t.lower_ in lex.tussenvoegsels for t in run[1:-1])
            unknown = not any(self._common(t) for t in run if t.lower_ not in lex.tussenvoegsels)
            # 'Karel Smit, voorzitter van het IPO': a role after a comma describes a person.
            role_after = (
                after is not None
                and after.text == ","
                and end + 1 < len(doc)
                and doc[end + 1].is_lower
                and self._person_cue(doc[end + 1], lex)
            )
            if (
                cue
                or org_after
                or role_after
                or (particle and unknown)
                or self._first_name_surname(run, lex)
                or role_filled_by(doc, start)
            ):
                return [Span(doc, start, end, label="Person", kb_id="rule:person")]
        if cue and len(run) == 1 and first.is_title and not first.is_sent_start:
            # After a title ('minister Bruins', 'de moties Bruins'), a surname may be an
            # ordinary word elsewhere; only one the document itself writes in lower case is not.
            vocab = doc.user_data.get(VOCAB_KEY) or frozenset()
            if first.lower_ not in vocab and first.lower_ not in lex.stop_words:
                return [Span(doc, start, end, label="Person", kb_id="rule:person")]

        if not cue and self._example_of_topics(doc, start, lex):
            return []
        if not cue and self._example_of_actors(doc, start, lex):
            return [Span(doc, start, end, label="Organisation", kb_id="rule:cue")]
        kind = None if cue else self._example_of_instruments(doc, start, lex)
        if kind is not None:
            if end < len(doc) and YEAR.match(doc[end].text) and not doc[end].is_sent_start:
                end += 1  # 'programma’s als Frobnic 2030'
            return [Span(doc, start, end, label=kind, kb_id="rule:cue")]

        # 3. places.
        if end - start == 1 and place_compound(first.text):
            # 'Arnhem-Nijmegen', 'Eindhoven-Wageningen': known places joined by hyphens name
            # the area they span together (a head before it, 'hogeschool X', was typed above).
            return [Span(doc, start, end, label="Region", kb_id="rule:cue")]
        compass = "-" in first.text and first.text.split("-")[0].casefold() in lex.compass_prefixes
        if compass and len(run) == 1:
            return [Span(doc, start, end, label="Region", kb_id="rule:cue")]
        if len(run) > 1 and compass_adjective(first.lower_, lex) and is_place(run[1:].text):
            # 'de Noordelijke Randstad', 'het Oostelijk Rivierengebied': a compass adjective
            # before a known place names part of it.
            return [Span(doc, start, end, label="Region", kb_id="rule:cue")]
        if (
            prev is not None
            and prev.lower_ in lex.region_cues
            and len(run) <= 3
            and not LETTER_PAIR.match(run.text)  # 'in R&D.' is a field, not a place
            and all(t.is_title or t.lower_ in lex.connectors for t in run)
            and not self._common(run[-1])
            and not (after is not None and after.like_num)
            # 'in Europese projecten', 'in Vlaamse scholen': a place adjective before a noun is
            # an attribute of the noun, not the place (the adjective rule below weighs it).
            and not (
                len(run) == 1
                and ADJECTIVE.search(first.lower_)
                and after is not None
                and after.is_lower
                and after.is_alpha
            )
        ):
            return [Span(doc, start, end, label="Region", kb_id="rule:cue")]

        if named_as(doc, start) and not name_goes_on(doc, end, lex):
            return [Span(doc, start, end, label="Intervention", kb_id="rule:cue")]

        # 4. acronyms and single words.
        if len(run) == 1:
            text = first.text
            if first.lower_ in HONORIFICS or f"{first.lower_}." in HONORIFICS:
                return []
            if not is_acronym(text) and german_context(doc, start, end):
                return []  # 'Bildung auf einen Blick': German capitalises every noun
            if LETTER_PAIR.match(text) or (
                "-" in text and all(p.casefold() in SCHOOL_TYPES for p in text.split("-"))
            ):
                # 'D&I', 'M&T': a field ('diversiteit en inclusie'); 'VO-HO': two school types.
                return []
            tail = text.rsplit("-", 1)[-1] if "-" in text else None
            if tail is not None and (
                not tail or (len(tail) > 2 and tail.isalpha() and tail.islower())
            ):
                # 'Kennis-' / 'VO-' is half of an elided pair ('Kennis- en Innovatieagenda');
                # 'W&T-aanbod', 'VU-studenten' is an ordinary noun qualified by a name (a head
                # noun such as 'SLIM-regeling' was typed above).
                return []
            if degree_code(text):
                return [Span(doc, start, end, label="Programme", kb_id="rule:cue")]
            if is_acronym(text):
                if text in lex.generic_acronyms or text.upper() in lex.generic_acronyms:
                    return []
                if first.is_alpha and first.is_upper and len(text) > 6:
                    return [Span(doc, start, end, label="Organisation", kb_id="rule:caps")]
                if first.is_alpha and self._common(first):
                    return []  # a shouted ordinary word ('STUDENTEN', 'EN')
                if (
                    (after is not None and after.text in PLURAL_S)
                    or (prev is not None and prev.lower_ in DISTRIBUTIVE)
                    or (
                        after is not None
                        and after.text == "-"
                        and end + 1 < len(doc)
                        and doc[end + 1].is_lower
                    )
                ):
                    # 'de vier TU's', 'de UMC's', 'per TU', 'de TU-rectoren': an acronym in the
                    # plural, after a distributive word or qualifying a lower-case noun may name
                    # a kind of organisation, like 'universiteiten'; resolution keeps it only
                    # when the text defines it or also uses it on its own.
                    return [Span(doc, start, end, label="Organisation", kb_id="rule:kind")]
                return [Span(doc, start, end, label="Organisation", kb_id="rule:acronym")]
            if DOMAIN.match(text) or WEB.match(text) or CAMEL.search(text):
                return [Span(doc, start, end, label="Organisation", kb_id="rule:single")]
            if site_owner(doc, start, end, lex):
                return [Span(doc, start, end, label="Organisation", kb_id="rule:cue")]
            if used_thing(doc, start, end, lex):
                return [Span(doc, start, end, label="Intervention", kb_id="rule:cue")]
            if not first.is_sent_start and place_adjective(text):
                # 'de Nederlandse economie', 'Twentse bedrijven': the adjective of a known place
                # names the place (resolution reads 'Nederlandse' as 'Nederland').
                return [Span(doc, start, end, label="Region", kb_id="rule:place_adjective")]
            if (
                sum(c.isalpha() for c in text) < 2
                or self._common(first)
                or first.is_sent_start
                or is_document_word(first.lower_, lex)
                or self._citation(doc, end)
                # A doer ('begeleid door Berenschot') is a name even if it reads as a compound.
                or (
                    self._common_compound(first)
                    and not passive_agent(doc, start)
                    # An event held ('een Techdag wordt georganiseerd') is named by a compound.
                    and not held_event(doc, end)
                )
            ):
                vocab = doc.user_data.get(VOCAB_KEY) or frozenset()
                # 'X, Zeehaven 2030, Y': a year after a listed word is its horizon and part of
                # the name ('Horizon 2020'), as 'programma’s als X 2030' above.
                dated = (
                    end + 1 < len(doc)
                    and YEAR.match(doc[end].text) is not None
                    and doc[start - 1].text in {",", "en", "&"}
                    and doc[end + 1].text in {",", "en", "&"}
                )
                if (
                    (in_a_list(doc, start) or dated)
                    and first.is_title
                    and first.is_alpha
                    and first.lower_ not in vocab  # 'Onderwijs' is written lower case too
                    and first.lower_ not in lex.stop_words
                ):
                    # 'VHTO, Atria, Emancipator en NVR': a capitalised ordinary word in a list
                    # may still name a body; the consolidator keeps it only when it is listed
                    # next to a known organisation.
                    if dated:
                        # The year makes it a name by itself, not only next to a known body.
                        return [
                            Span(doc, start, end + 1, label="Organisation", kb_id="rule:default")
                        ]
                    return [Span(doc, start, end, label="Organisation", kb_id="rule:listed")]
                if made_thing(doc, start, vocab):
                    return [Span(doc, start, end, label="Intervention", kb_id="rule:cue")]
                return []
            if ADJECTIVE.search(first.lower_):
                return [Span(doc, start, end, label="Region", kb_id="rule:adjective")]
            if passive_agent(doc, start):
                return [Span(doc, start, end, label="Organisation", kb_id="rule:cue")]
            if held_event(doc, end):
                return [Span(doc, start, end, label="Intervention", kb_id="rule:cue")]
            return [Span(doc, start, end, label="Organisation", kb_id="rule:single")]
        if all(t.is_upper for t in run if t.is_alpha):
            # Shouting headings ('BUILDING SAFE CITIES') are only kept through resolution.
            return [Span(doc, start, end, label="Organisation", kb_id="rule:caps")]
        if used_thing(doc, start, end, lex):
            return [Span(doc, start, end, label="Intervention", kb_id="rule:cue")]
        if all(
            self._common(t)
            or t.lower_ in lex.connectors
            # 'Kunstmatige Intelligentie' opening an item of a list of topics: an inflected
            # adjective of an ordinary word is ordinary too.
            or (first.is_sent_start and t.lower_.endswith("e") and is_common_word(t.lower_[:-1]))
            for t in run
        ):
            return []
        if (
            passive_agent(doc, start) or site_owner(doc, start, end, lex)
        ) and not self._person_like(run, lex):
            return [Span(doc, start, end, label="Organisation", kb_id="rule:cue")]
        return [Span(doc, start, end, label="Organisation", kb_id="rule:default")]

    def _sentence_case_tail(self, doc: Doc, start: int, end: int, lex: Lexicon) -> int:
        """End of a sentence-case title after a lower-case head: 'de regeling Schoolleiders
        innovatie ontwikkelfonds primair onderwijs', 'de experimenteerregeling Doorlopende
        leerlijnen vmbo-mbo'.

        Dutch government instruments are mostly titled in sentence case: one capital, then
        lower-case nouns. Only a single capitalised word after the head opens such a tail (a
        title-case name, 'regeling Sterk Beroepsonderwijs', is complete); the tail takes
        lower-case content words and stops at a stop word, a verb form, punctuation or after
        five words.
        """
        if end - start != 1 or not doc[start].is_title or is_acronym(doc[start].text):
            return end
        k = end
        n = len(doc)
        while k < n and k - end < 5:
            tok = doc[k]
            low = tok.lower_
            if (
                not tok.is_lower
                or not tok.text.replace("-", "").isalpha()
                or tok.is_sent_start
                or low in lex.stop_words
                or low in lex.function_words
                or looks_like_verb(low)
            ):
                break
            k += 1
        if k > end and self._target_group(doc, k, lex):
            k += 2  # 'de subsidie Zeeuws techniekonderwijs voor docenten moet ...'
        return k

    @staticmethod
    def _target_group(doc: Doc, k: int, lex: Lexicon) -> bool:
        """Whether 'voor' at ``k`` and one lower-case plural after it name the group a
        sentence-case instrument is for, ending the title: '... voor docenten moet',
        '... voor werkenden.'.

        Only a single plural noun followed by punctuation or a verb-like stop word: more
        lower-case words ('voor scholen in de regio') or a list ('voor docenten en ouders') are
        the sentence, not the title.
        """
        n = len(doc)
        if k + 1 >= n or doc[k].lower_ != "voor":
            return False
        group = doc[k + 1]
        low = group.lower_
        if (
            not group.is_lower
            or not group.is_alpha
            or group.is_sent_start
            or not low.endswith(("en", "s"))
            or not is_title_word(low, lex)
        ):
            return False
        after = doc[k + 2] if k + 2 < n else None
        return (
            after is None
            or after.is_sent_start
            or after.is_punct
            or (
                after.lower_ in lex.stop_words
                and after.lower_ not in lex.connectors
                and after.lower_ not in lex.function_words
            )
        )

    @staticmethod
    def _named_title(words: Span, lex: Lexicon) -> bool:
        """A quoted capitalised phrase of two to eight words that is a title: 'Horizon Zuid'.

        Quotes in policy texts mark titles of programmes and initiatives, as well as quoted
        speech and report titles; the caller leaves out titles after a document or theme word
        ('rapport', 'thema'), and a title here starts with a capital that is not a function word
        and has no finite verb (quoted speech has one).
        """
        if not 2 <= len(words) <= 8 or not words[0].is_title:
            return False
        if words[0].lower_ in lex.function_words or words[0].lower_ in ARTICLES:
            return False
        if words[-1].text in PLURAL_S and lex.head_type(words[-2].text) is not None:
            return False  # '‘Impact Programma’s’': a kind of programme, not one
        lower = [t for t in words if t.is_lower and t.lower_ not in lex.connectors]
        # A title is in title case, or has at most one lower-case content word ('Roadmap für
        # Forschungsinfrastrukturen'); a sentence ('Aandacht voor technisch vmbo') has more.
        return len(lower) <= 1 and not any(looks_like_verb(t.lower_) for t in lower)

    def _lower_case_instrument(self, doc: Doc, i: int, lex: Lexicon) -> Span | None:
        """A national instrument written in lower case after the definite article.

        Two shapes, both singular and definite, so that they refer to one known instance:

        - a plan head and one sector noun: 'het aanvalsplan zorg', 'het deltaplan water'
          (the noun is an ordinary word, no stop word or verb: 'het actieplan komen' is none);
        - a sector or school-type prefix hyphenated to an instrument or event head that a sector
          holds one of: 'de hbo-monitor', 'de mbo-week', 'de zorg-scan'.
        """
        tok = doc[i]
        if i == 0 or not tok.is_lower:
            return None
        low = tok.lower_
        article = doc[i - 1].lower_
        if low in REPORTING_POINTS and article in {"de", "het", "een"} and i + 1 < len(doc):
            topic, nxt = doc[i + 1], doc[i + 2] if i + 2 < len(doc) else None
            if (
                topic.is_lower
                and topic.is_alpha
                and len(topic) > 3
                and is_title_word(topic.lower_, lex)
                and not participle_like(topic.lower_)
                and (nxt is None or nxt.is_punct or nxt.lower_ in lex.stop_words)
            ):
                return Span(doc, i, i + 2, label="Intervention", kb_id="rule:head")
            return None
        if (
            tok.is_alpha
            and low.endswith(TAX_DEDUCTION)
            and len(low) >= len(TAX_DEDUCTION) + 4
            and (article == "de" or (article == "fiscale" and i > 1 and doc[i - 2].lower_ == "de"))
        ):
            # 'de fiscale reisaftrek': the adjective saying it is a tax measure is part
            # of the name.
            first = i - 1 if article == "fiscale" else i
            return Span(doc, first, i + 1, label="Intervention", kb_id="rule:head")
        if article not in {"de", "het"}:
            return None
        if tok.is_alpha and low.endswith("plan") and lex.head_type(low) == "Intervention":
            if i + 1 >= len(doc):
                return None
            noun, nxt = doc[i + 1], doc[i + 2] if i + 2 < len(doc) else None
            if (
                noun.is_lower
                and noun.is_alpha
                and len(noun) > 3
                and is_common_word(noun.lower_)
                and noun.lower_ not in lex.stop_words
                and noun.lower_ not in lex.function_words
                and not looks_like_verb(noun.lower_)
                and not participle_like(noun.lower_)
                and (nxt is None or not nxt.is_alpha or nxt.lower_ in lex.stop_words)
            ):
                return Span(doc, i, i + 2, label="Intervention", kb_id="rule:head")
            return None
        prefix, dash, head = low.partition("-")
        if (
            dash
            and head in SECTOR_INSTRUMENTS
            and prefix.isalpha()
            and 2 <= len(prefix) <= 6
            and (prefix in SCHOOL_TYPES or not is_common_word(prefix))
        ):
            return Span(doc, i, i + 1, label="Intervention", kb_id="rule:head")
        return None

    @staticmethod
    def _pilot_named_by_its_practice(doc: Doc, i: int, lex: Lexicon) -> int | None:
        """End of 'de pilots werkplekleren met een leerbewijs': a definite pilot named by the
        practice it tries (a compound or verbal noun that is no ordinary word), optionally with
        'met een' and what it tries it with.

        A pilot is one trial, so its practice names it; ordinary words ('de pilot breed bekend
        maken'), verbs and participles ('de pilot beoogt') and a noun phrase going on
        after the name are the sentence.
        """
        n = len(doc)
        if i == 0 or doc[i - 1].lower_ != "de" or doc[i].lower_ not in {"pilot", "pilots"}:
            return None

        def practice(k: int) -> bool:
            if k >= n:
                return False
            tok = doc[k]
            low = tok.lower_
            return (
                tok.is_lower
                and tok.is_alpha
                and not tok.is_sent_start
                and len(low) > 6
                # 'de pilot waarmee ...': a pronominal adverb opens a clause
                and not low.startswith(("waar", "daar", "hier"))
                and not is_common_word(low)
                and is_title_word(low, lex)
                and not participle_like(low)
            )

        if not practice(i + 1):
            return None
        end = i + 2
        if (
            end + 2 < n
            and doc[end].lower_ == "met"
            and doc[end + 1].lower_ == "een"
            and practice(end + 2)
        ):
            end += 3
        return None if title_goes_on(doc, end, lex) else end

    def _listed_lower_case_body(self, doc: Doc, i: int, lex: Lexicon) -> bool:
        """'vanuit OCW, EZK, de havencoalitie en de VH': a definite lower-case compound with
        a body head ('-coalitie', '-raad'), listed between names of organisations, is one body
        among them, named by its kind.

        Only a compound (a bare 'de raad' or 'de brancheorganisatie' is a kind of body), no
        organ every organisation has ('de werkgroep'), and a neighbour in the list that is an
        acronym or a capitalised name.
        """
        tok = doc[i]
        low = tok.lower_
        if (
            i == 0
            or doc[i - 1].lower_ not in {"de", "het"}
            or not (tok.is_lower and tok.is_alpha)
            or low in lex.heads
            or lex.head_type(low) != "Organisation"
            or lex.is_generic_body(low)
            or is_common_word(low)
        ):
            return False

        def named(k: int) -> bool:
            return 0 <= k < len(doc) and (is_acronym(doc[k].text) or doc[k].is_title)

        before = i >= 3 and doc[i - 2].text in {",", "en"} and named(i - 3)
        k = i + 2
        if k < len(doc) and doc[k].lower_ in {"de", "het"}:
            k += 1
        after = i + 1 < len(doc) and doc[i + 1].text in {",", "en"} and named(k)
        return before and after

    @staticmethod
    def _listed_after_agreement(doc: Doc, i: int, spans: list[Span]) -> bool:
        """Whether the token at ``i`` follows ', ' or 'en' right after a lower-case agreement
        found as a name ('het pensioenakkoord, woonakkoord')."""
        if i < 2 or doc[i - 1].lower_ not in {",", "en", "of"} or not spans:
            return False
        last = spans[-1]
        return (
            last.end == i - 1
            and last.kb_id_ == "rule:head"
            and len(last) == 1
            and last[0].is_lower
            and last[0].lower_.endswith(lexicon().agreement_heads)
        )

    def _plural_kind(self, token: Token, lex: Lexicon) -> bool:
        """'Opleidingstrajecten', 'Bedrijfsstages': a compound of ordinary words in the plural
        of a head noun ('trajecten', 'stages') speaks of a kind, not of one named thing."""
        low = token.lower_
        plural = low.endswith(PLURAL_HEADS) or any(
            low.endswith(suffix) and lex.head_type(low[: -len(suffix)]) is not None
            for suffix in ("en", "s")
        )
        return token.is_alpha and plural and self._common_compound(token)

    def _first_name_surname(self, run: Span, lex: Lexicon) -> bool:
        """'Paul de Krom', 'Anna van der Berg': a given name, a surname particle, a surname.

        Dutch surnames are often ordinary words ('de Krom', 'de Vries', 'de Boer'), so only the
        given name before the particle must be no ordinary word nor a place. The particle must
        be one that opens surnames only ('van', 'de', 'ter' ...): place names glue their parts
        with 'op', 'aan', 'in' ('Bergen op Zoom'), titles with 'voor' or 'in', never with these.
        """
        first = run[0]
        if len(run) < 3 or run[1].lower_ not in SURNAME_PARTICLES:
            return False
        if any(t.lower_ not in SURNAME_PARTICLES for t in run[1:-1]):
            return False
        # A given name is no plural of an ordinary word ('Colleges van Bestuur').
        stem = first.lower_[:-1]
        plural = first.lower_.endswith("s") and (
            is_common_word(stem) or lex.head_type(stem) is not None
        )
        return not (self._common(first) or plural or is_place(first.text)) and run[-1].is_title

    @staticmethod
    def _announcing_head(token: Token, lex: Lexicon) -> bool:
        """A lower-case head noun right before a name announces it ('het consortium X')."""
        return token.is_lower and token.is_alpha and lex.head_type(token.text) is not None

    @staticmethod
    def _portfolio_after_person(run: Span, lex: Lexicon) -> int | None:
        """Where 'van' + a portfolio word follows one to three capitalised words in ``run``."""
        for k in range(1, min(len(run) - 1, 4)):
            if run[k].lower_ == "van" and run[k + 1].lower_ in lex.portfolio_words:
                words = run[:k]
                if all(t.is_title and t.is_alpha for t in words):
                    return run.start + k
        return None

    @staticmethod
    def _person_like(run: Span, lex: Lexicon) -> bool:
        words = [t for t in run if t.lower_ not in lex.tussenvoegsels]
        if not 2 <= len(words) <= 3 or len(run) > 5:
            return False
        return all(t.is_title and t.is_alpha and lex.head_type(t.text) is None for t in words)

    # -- component -------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        places = {s.start for s in doc.spans.get("bg_authority", []) if s.label_ == "Region"}
        spans: list[Span] = []
        topics: list[Span] = []
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            # Head + quoted title: "Sectorplan 'Drenthe vooruit'", "uitvoeringsplan '...'".
            if token.text in OPEN_QUOTES and i > 0 and lex.head_type(doc[i - 1].text):
                close = self._quoted(doc, i)
                # A title starts with a capital, or follows a lower-case descriptive head and has
                # two words or more ('het actieplan ‘werk en de toekomst’'); "het label
                # ‘moeilijk’" or "Techniekpact ‘onlosmakelijk verbonden’" quotes words.
                if close is not None and (
                    not doc[i + 1].text[:1].islower() or (doc[i - 1].is_lower and close - i > 3)
                ):
                    kind = lex.head_type(doc[i - 1].text) or "Intervention"
                    # 'W&T academie ‘X’', 'STEM campagne ‘Y’': an acronym qualifying a lower-case
                    # head belongs to the title (it says which academy).
                    first = i - 2 if i > 1 and is_acronym(doc[i - 2].text) else i - 1
                    if not doc[i - 1].is_lower:
                        first = i - 1
                    spans.append(Span(doc, first, close, label=kind, kb_id="rule:head"))
                    i = close
                    continue
            opens = self._theme_list_opens(doc, i)
            if opens is not None:
                # 'bij thema Landbouw, Water en Voedsel', 'de volgende thema’s: Energie en
                # Duurzaamheid; Landbouw, Water en Voedsel': theme names are topics, not actors
                # or programmes; skip them and the list they form, and keep them as topics so
                # that the same words elsewhere in the document are not taken for names.
                i = opens
                glue = {",", "en", "&", ";"} if doc[opens - 1].text == ":" else {",", "en", "&"}
                while i < n and (i == opens or not doc[i].is_sent_start):
                    if self._namey(doc[i]) and not is_acronym(doc[i].text):
                        topics.append(Span(doc, i, i + 1, label="Topic"))
                    elif not (
                        doc[i].text in glue
                        and i + 1 < n
                        and (self._namey(doc[i + 1]) or doc[i + 1].text in glue)
                    ):
                        break
                    i += 1
                continue
            if token.text in OPEN_QUOTES:
                close = self._quoted(doc, i)
                # 'het thema ‘Smart Societies’', "‘Circularity’ (circulaire economie)": a theme
                # or a term being explained is no entity, and neither are its words.
                if close is not None and (
                    (i > 0 and doc[i - 1].lower_ in THEME_WORDS) or glossed(doc, close)
                ):
                    # Its words name that concept elsewhere in the document too ('een Life Long
                    # Learning propositie'), so they are kept as topics.
                    topics.extend(
                        Span(doc, k, k + 1, label="Topic")
                        for k in range(i + 1, close - 1)
                        if self._namey(doc[k]) and not is_acronym(doc[k].text)
                    )
                    i = close
                    continue
            if token.text in OPEN_QUOTES and (i == 0 or doc[i - 1].lower_ not in lex.title_cues):
                close = self._quoted(doc, i)
                if close is not None and self._named_title(doc[i + 1 : close - 1], lex):
                    kind = governing_kind(doc, i, lex) or "Programme"
                    spans.append(Span(doc, i + 1, close - 1, label=kind, kb_id="rule:quoted"))
                    i = close
                    continue
            # 'het woonakkoord', 'het mijnbouwakkoord': national agreements are written in
            # lower case, but 'het' + a compound ending in an agreement word names one.
            if (
                token.lower_.endswith(lex.agreement_heads)
                and token.is_lower
                and token.is_alpha
                and i > 0
                and any(
                    token.lower_.endswith(w) and len(token) >= len(w) + 4
                    for w in lex.agreement_heads
                )
                and (doc[i - 1].lower_ == "het" or self._listed_after_agreement(doc, i, spans))
            ):
                spans.append(Span(doc, i, i + 1, label="Programme", kb_id="rule:head"))
                i += 1
                continue
            # 'het pensioenakkoord, woonakkoord, groeibanenplan': the article of the first
            # agreement serves the whole list, so a lower-case compound ending in a plan head
            # listed right after one names a plan too.
            if (
                token.is_lower
                and token.is_alpha
                and lex.head_type(token.text) in {"Programme", "Intervention"}
                and token.lower_ not in lex.heads
                and self._listed_after_agreement(doc, i, spans)
            ):
                kind = lex.head_type(token.text) or "Programme"
                spans.append(Span(doc, i, i + 1, label=kind, kb_id="rule:head"))
                i += 1
                continue
            if self._listed_lower_case_body(doc, i, lex):
                spans.append(Span(doc, i, i + 1, label="Organisation", kb_id="rule:list"))
                i += 1
                continue
            found = self._lower_case_instrument(doc, i, lex)
            if found is not None:
                spans.append(found)
                i = found.end
                continue
            pilot_end = self._pilot_named_by_its_practice(doc, i, lex)
            if pilot_end is not None:
                spans.append(Span(doc, i, pilot_end, label="Intervention", kb_id="rule:head"))
                i = pilot_end
                continue
            # 'de pilot havo-examens', 'Pilots vo-mbo': a pilot named by the school type it
            # tries something in; a pilot is one trial, so the pair names it.
            if (
                token.lower_ in {"pilot", "pilots"}
                and i + 1 < n
                and doc[i + 1].is_lower
                and doc[i + 1].text.partition("-")[0] in SCHOOL_TYPES
                and doc[i + 1].text.partition("-")[2].isalpha()
                # 'de pilot mbo-instellingen': the ones taking part, not the pilot's name
                and doc[i + 1].text.partition("-")[2] not in lex.actor_plurals
            ):
                spans.append(Span(doc, i, i + 2, label="Intervention", kb_id="rule:head"))
                i += 2
                continue
            # 'SLIM-regeling', 'STAP-budget': an acronym compounded with a head noun.
            if (
                i + 2 < n
                and is_acronym(token.text)
                # 'IT-platform', 'ICT-budget': a generic acronym makes a kind of thing.
                and token.text not in lex.generic_acronyms
                and doc[i + 1].text == "-"
                and doc[i + 2].is_lower
                and lex.head_type(doc[i + 2].text)
            ):
                kind = lex.head_type(doc[i + 2].text) or "Intervention"
                code = doc[i + 3] if i + 3 < n else None
                if (
                    code is not None
                    and kind in {"Programme", "Intervention"}
                    and is_acronym(code.text)
                    and len(code.text) >= 3  # 'UT-bachelor ME': two letters may be initials
                    and code.text not in lex.generic_acronyms
                    and not code.is_sent_start
                ):
                    # 'ESFRI-project ACTRIS', 'NWO-programma XYZ': a code after 'owner-head' is
                    # the name of the project or programme; the acronym before is its owner.
                    spans.append(Span(doc, i, i + 1, label="Organisation", kb_id="rule:acronym"))
                    spans.append(Span(doc, i + 3, i + 4, label=kind, kb_id="rule:head"))
                    i += 4
                    continue
                spans.append(Span(doc, i, i + 3, label=kind, kb_id="rule:head"))
                i += 3
                continue
            if not self._namey(token) or field_label(doc, i):
                i += 1
                continue
            titled = coordinated_title(doc, i, lex)
            if titled is not None:
                kind = lex.head_type(doc[titled - 1].text) or "Intervention"
                spans.append(Span(doc, i, titled, label=kind, kb_id="rule:head"))
                i = titled
                continue
            end = self._extend(doc, i, lex, places)
            if instrument_cue(doc, i):
                # 'het plan Meer Samen Doen', 'de sectorspecifieke interventie X': a generic
                # word for a plan or measure right before a capitalised run says what it names,
                # even when the run is made of ordinary words. A plural ending glued to the last
                # word ('Bèta’s') is part of it.
                if end < n and doc[end].text in PLURAL_S and not doc[end - 1].whitespace_:
                    end += 1
                spans.append(Span(doc, i, end, label="Intervention", kb_id="rule:cue"))
                i = end
                continue
            # A lower-case head right after the name belongs to it ('Bouwstart module',
            # 'W&T vergroeningspremie', 'BO-VO netwerken'), also after the name's horizon
            # year ('het Snelweg 2030 programma').
            run_end = end
            if (
                end + 1 < n
                and YEAR.match(doc[end].text)
                and not doc[end].is_sent_start
                and doc[end + 1].is_lower
                and lex.head_type(doc[end + 1].text) in {"Intervention", "Programme"}
            ):
                end += 1
            if (
                end < n
                and doc[end].is_lower
                and doc[end].is_alpha
                # 'Leven Lang Ontwikkelen programma’s': a head in the plural speaks of several
                # programmes on a theme, not of one named programme.
                and not (end + 1 < n and doc[end + 1].text in PLURAL_S)
                and (
                    lex.head_type(doc[end].text) in {"Intervention", "Programme"}
                    # 'Zeewind regio': a name that is not itself a place, before 'regio',
                    # names a region ('Twente regio' is just Twente).
                    or (doc[end].lower_ == "regio" and not is_place(doc[i:end].text))
                )
                and lex.head_type(doc[end - 1].text) is None
            ):
                if pluralised_head(doc, doc[end], end + 1):
                    i = end + 1  # 'Triple Helix regio’s': a kind, its words name no one
                    continue
                kind = lex.head_type(doc[end].text) or "Intervention"
                start = i
                while start < end and (
                    self._function_word(doc[start], lex)
                    or (doc[start].is_sent_start and doc[start].lower_ in ARTICLES)
                ):
                    start += 1
                # 'Europese programma', 'Ontwikkelen programma': an adjective or ordinary word
                # before a head is a description, not a name.
                lone = doc[start] if end - start == 1 else None
                if lone is not None and (
                    self._common(lone) or (lone.is_title and ADJECTIVE.search(lone.lower_))
                ):
                    start = end
                if start < end:
                    # 'BO-VO netwerk Noord', 'X netwerk Kampen-Zwolle': a place right after
                    # the head says which one, and belongs to the name.
                    stop = end + 1
                    if (
                        kind != "Region"
                        and not doc[end].lower_.endswith("en")  # 'netwerken X en Y': a list
                        and stop < n
                        and not doc[stop].is_sent_start
                        and (
                            stop in places or is_place(doc[stop].text) or is_compass(doc[stop], lex)
                        )
                    ):
                        stop += 1
                    spans.append(Span(doc, start, stop, label=kind, kb_id="rule:head"))
                    i = stop
                    continue
            end = run_end
            classified = self._classify(doc, i, end, lex)
            if elided_before(doc, i):
                # 'Kennis- en Innovatieagenda X': the elided first half of a paired compound
                # belongs to the name, which otherwise splits from its full mentions.
                classified = [
                    Span(doc, i - 2, f.end, label=f.label_, kb_id=f.kb_id_)
                    if f.start == i and f.label_ not in {"Region", "Person"}
                    else f
                    for f in classified
                ]
            spans.extend(classified)
            i = end
        doc.spans[SPANS_KEY] = spans
        doc.spans[TOPICS_KEY] = topics
        return doc

    @staticmethod
    def _document_part(run: Span) -> bool:
        """'Bijlage C', 'Hoofdstuk 3', 'Figuur 2.1', 'Annex IV': a part of the document, named by
        a document-part word and a letter, number or numeral, is a reference, not an entity (after
        'in' it would be taken for a place)."""
        if len(run) < 2 or run[0].lower_ not in DOCUMENT_PARTS:
            return False
        return all(PART_CODE.match(t.text) for t in run[1:])

    def _theme_list_opens(self, doc: Doc, i: int) -> int | None:
        """Where the theme names start after a theme word at ``i``, if they follow it.

        'thema Landbouw' names one theme right after the word; 'de volgende thema’s:' introduces
        a list of them after a colon.
        """
        if doc[i].lower_ not in THEME_WORDS:
            return None
        k = i + 1
        if k < len(doc) and doc[k].text in PLURAL_S:
            k += 1
        if k < len(doc) and doc[k].text == ":":
            k += 1
        if k < len(doc) and self._namey(doc[k]) and not doc[k].is_sent_start:
            return k
        return None
