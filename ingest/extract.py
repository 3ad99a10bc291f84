"""The extraction API: documents in, :class:`~beleidsgraaf.records.Extraction` records out.

``extract_paths`` is what ``beleidsgraaf build`` and ``beleidsgraaf extract`` call: it reads each
file, runs the spaCy pipeline over its blocks with ``nlp.pipe``, resolves mentions into entities,
finds relations and co-occurrences, gives every actor one IRI across the batch, applies the
curator file and yields the document's record at once -- a batch streams, and a large file is
read and extracted in chunks, so memory is bounded by one chunk, not by the batch or the file.
One bad file yields a :class:`~beleidsgraaf.errors.DocumentError` in its place and the batch goes
on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import replace
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from beleidsgraaf.errors import ConfigError, DocumentError
from beleidsgraaf.ingest.document import Block, SourceDocument
from beleidsgraaf.ingest.pipeline.trust import has
from beleidsgraaf.ingest.relations.decide import EMIT_FLOOR, method_confidence
from beleidsgraaf.ingest.relations.document import (
    ParsedSentence,
    cooccurrences,
    decided_relations,
    document_candidates,
)
from beleidsgraaf.ingest.relations.features import Candidate
from beleidsgraaf.ingest.relations.names import namespace_relations, place_relations
from beleidsgraaf.ingest.relations.rules import Arg, reference_words
from beleidsgraaf.ingest.relations.structure import structure_relations
from beleidsgraaf.ingest.resolution import Mention, loose_key, resolve_mentions
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.records import (
    CoOccurrence,
    DocumentInfo,
    Entity,
    Evidence,
    Extraction,
    Relation,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from beleidsgraaf.ingest.curation import Curation

__all__ = [
    "CHUNK_CHARS",
    "LARGE_FILE_BYTES",
    "NO_MODEL",
    "demo_corpus",
    "extract_chunked",
    "extract_document",
    "extract_paths",
    "extract_source",
    "load_pipeline",
    "read_source",
]

_MAX_EVIDENCE = 20
# A capitalised name that is the only thing said about something is kept when it stands in a list
# or box entry ('• Tata Steel verzorgt opleidingen'): such entries enumerate actors and
# activities, unlike running text, where a lone capitalised run is often a heading fragment.
_ITEM_KINDS = frozenset({"list_item", "box_item", "table_row"})
_ITEM_RULE = "rule:item"
_LOWER_COMPOUND = re.compile(r"-[a-zà-ÿ]")


def _entry_name(span: Span) -> bool:
    """A guessed name that an entry is about: it opens the entry, or follows 'door' (by)."""
    if not has(span.kb_id_, "guess") or _LOWER_COMPOUND.search(span.text):
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return span.start == 0 or before in {"door", "•", "-", "–", "*"}


_ACTIVITY_WORDS = re.compile(
    r"\b(?:interventies|(?:hoofd)?activiteiten|initiatieven|instrumenten|projecten|maatregelen)\b",
    re.IGNORECASE,
)


def _lists_activities(block: Block) -> bool:
    """Whether ``block`` is an entry of a box or table that lists activities: one placed under
    a landsdeel and goal, or whose title says so ('Box 2.1 Regionale interventies ...', 'Tabel
    2.1 ...: Hoofdactiviteiten en programma's'). Such entries are usually just a name."""
    if block.kind not in {"box_item", "table_row"}:
        return False
    title = block.context.get("box") or block.context.get("table") or ""
    return "landsdeel" in block.context or bool(_ACTIVITY_WORDS.search(title))


_CITED = re.compile(r"\s*[(,]\s*(?:19|20)\d\d")  # matched at the end of a word


def _echoes(
    processed: list[tuple[Block, Doc, dict[int, int]]],
    mentions: list[Mention],
    sentences: list[tuple[str, Evidence]],
    vocabulary: frozenset[str],
) -> list[Mention]:
    """Other mentions of a one-word name that a cue, head noun or entry confirmed once.

    A capitalised ordinary word ('Vliegwiel') is no name on its own, so the rules only find it
    where something says what it is ('initiatieven zoals Vliegwiel'). Elsewhere the same word,
    capitalised, is that name too ('Vliegwiel vervult een rol', 'maakt ook Vliegwiel deel uit
    van ...') -- when the document never writes it in lower case, so it is no ordinary word in
    this text. A citation ('Vliegwiel (2019)') and headings are left alone.
    """
    confirmed: dict[str, Mention] = {}
    for m in mentions:
        word = m.text
        if (
            has(m.rule, "echo")
            and m.type in {"Intervention", "Programme", "Organisation"}
            and word.isalpha()
            and word.istitle()
            and word.casefold() not in vocabulary
        ):
            confirmed.setdefault(word, m)
    if not confirmed:
        return []
    from beleidsgraaf.ingest.pipeline.entities import SPANS_KEY

    found: list[Mention] = []
    for block, doc, sent_index in processed:
        if block.kind == "heading":
            continue
        covered = {i for s in doc.spans[SPANS_KEY] for i in range(s.start, s.end)}
        for token in doc:
            model = confirmed.get(token.text)
            if (
                model is None
                or token.i in covered
                or _CITED.match(doc.text, token.idx + len(token))
            ):
                continue
            span = doc[token.i : token.i + 1]
            found.append(_mention(span, model.type, model.rule, sentences, sent_index))
    return found


def _mention(
    span: Span,
    kind: str,
    rule: str,
    sentences: list[tuple[str, Evidence]],
    sent_index: dict[int, int],
) -> Mention:
    """A mention of ``span``, with its sentence's evidence and its offsets in that sentence."""
    sent = span.sent
    index = sent_index[sent.start]
    return Mention(
        text=span.text,
        type=kind,
        rule=rule,
        evidence=sentences[index][1],
        sentence=index,
        start=span.start_char - sent.start_char,
        end=span.end_char - sent.start_char,
    )


def demo_corpus() -> list[Path]:
    """The bundled demo corpus: five Dutch policy documents as ``.txt`` files, sorted.

    The paths are real files for as long as the process lives (the package is installed as
    files; a zipped install is extracted to a temporary folder once).
    """
    return list(_corpus_files())


_stack = ExitStack()


@cache
def _corpus_files() -> tuple[Path, ...]:
    entries = sorted(
        (e for e in files("beleidsgraaf.ingest.corpus").iterdir() if e.name.endswith(".txt")),
        key=lambda e: e.name,
    )
    return tuple(_stack.enter_context(as_file(e)) for e in entries)


def _pipeline_config() -> str:
    return (files("beleidsgraaf.ingest.pipeline") / "config.cfg").read_text(encoding="utf-8")


def load_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline: Dutch grammar, our tokenizer, then the rule components.

    ``model`` None uses the syntax model the project ships (tagger, lemmatizer, parser;
    :mod:`beleidsgraaf.ingest.syntax`); ``"none"`` uses no statistical model at all (rules over
    tokens, sentences split by punctuation, no grammatical relations); any other value names an
    installed spaCy pipeline or a path to one (e.g. ``nl_core_news_lg``), used for the grammar
    instead, whose named entities also join the rules as weak candidates.

    Raises
    ------
    ConfigError
        ``model`` names a pipeline that is not installed or cannot be loaded.
    """
    from spacy import util

    import beleidsgraaf.ingest.pipeline.factories  # noqa: F401  (registers the factories)
    from beleidsgraaf.ingest.pipeline.tokenizer import create_tokenizer
    from beleidsgraaf.ingest.syntax.model import syntax_pipeline

    config = util.load_config_from_str(_pipeline_config())
    if model == NO_MODEL:
        return util.load_model_from_config(config, auto_fill=True, validate=True)
    _check_model(model)
    nlp = syntax_pipeline(model)
    if model is not None and "ner" in nlp.pipe_names:
        nlp.add_pipe("beleidsgraaf_model_entities_v1", name="beleidsgraaf_model_entities")
    nlp.tokenizer = create_tokenizer()(nlp)
    # Sentences are split at their punctuation before parsing, and the parser keeps those
    # boundaries: evidence sentences, and the rules that look at sentence starts, stay the same
    # whichever model parses them.
    nlp.add_pipe("sentencizer", first=True)
    for name in config["nlp"]["pipeline"]:
        if name != "sentencizer":
            nlp.add_pipe(config["components"][name]["factory"], name=name)
    return nlp


NO_MODEL = "none"
"""The ``model`` setting that runs the rules without any statistical model."""


def _check_model(model: str | None) -> None:
    """Fail early, with the setting's name, when a named model is not there.

    Raises
    ------
    ConfigError
        ``model`` is neither an installed spaCy pipeline nor a folder holding one.
    """
    from spacy import util

    if model is None or Path(model).is_dir() or model in set(util.get_installed_models()):
        return
    raise ConfigError(
        f"spaCy model {model!r} is not installed (install it, give a path to a pipeline folder, "
        "or leave 'model' unset to use the shipped Dutch syntax model)"
    )


# -- reading --------------------------------------------------------------------------------------


def read_source(path: Path) -> SourceDocument:
    """Read one document with the reader for its format.

    Raises
    ------
    DocumentError
        The file cannot be read.
    """
    return _read(path)


def _read(path: Path) -> SourceDocument:
    from beleidsgraaf.ingest.readers import read_document

    return read_document(path)


# -- extraction -----------------------------------------------------------------------------------


@cache
def _authority_labels() -> dict[str, str]:
    from beleidsgraaf.ontology.authority import load_authority

    return {entry.iri: entry.label for entry in load_authority()}


def _evidence(doc_hash: str, block: Block, start: int, end: int, text: str) -> Evidence:
    return Evidence(
        doc=doc_hash,
        text=text.strip(),
        start=block.offsets.to_original(start),
        end=block.offsets.to_original(end),
        page=block.page,
        section=block.section,
    )


def extract_source(
    source: SourceDocument,
    nlp: Language,
    *,
    threshold: float = EMIT_FLOOR,
    collect: list[tuple[Candidate, ParsedSentence]] | None = None,
) -> Extraction:
    """Extract entities, relations and co-occurrences from a document already read.

    Relations the classifier believes less than ``threshold`` are left out; ``collect``, when
    given, receives every candidate pair (for training and evaluating the classifier).
    """
    from beleidsgraaf.ingest.pipeline.acronyms import CONCEPTS_KEY
    from beleidsgraaf.ingest.pipeline.acronyms import SPANS_KEY as ACRONYMS_KEY
    from beleidsgraaf.ingest.pipeline.cues import VOCAB_KEY, lowercase_words
    from beleidsgraaf.ingest.pipeline.entities import SPANS_KEY
    from beleidsgraaf.ingest.pipeline.entries import ACTIVITY, ENTRY_KEY
    from beleidsgraaf.ingest.pipeline.names import TOPICS_KEY

    doc_hash = source.info.content_hash
    mentions: list[Mention] = []
    sentences: list[tuple[str, Evidence]] = []
    # A dossier line ('30 100 Kustbeleid') names the parliamentary file, not a programme.
    blocks = [b for b in source.blocks if b.text.strip() and b.context.get("role") != "dossier"]
    vocabulary = lowercase_words(source.original)
    docs = []
    processed: list[tuple[Block, Doc, dict[int, int]]] = []
    concepts: set[str] = set()
    topics: set[str] = set()
    for block in blocks:
        doc = nlp.make_doc(block.text)
        doc.user_data[VOCAB_KEY] = vocabulary
        if _lists_activities(block):
            doc.user_data[ENTRY_KEY] = ACTIVITY
        docs.append(doc)
    for block, doc in zip(blocks, nlp.pipe(docs, batch_size=PIPE_BATCH), strict=True):
        sent_index: dict[int, int] = {}
        for sent in doc.sents:
            sent_index[sent.start] = len(sentences)
            sentences.append(
                (sent.text, _evidence(doc_hash, block, sent.start_char, sent.end_char, sent.text))
            )
        concepts.update(s.text for s in doc.spans.get(CONCEPTS_KEY, []))
        topics.update(s.text.casefold() for s in doc.spans.get(TOPICS_KEY, []))
        kept = {(s.start, s.end) for s in doc.spans[SPANS_KEY]}
        # Acronym long forms hidden inside a longer name ('bacheloropleiding Creative Technology
        # (CT)') still link the acronym to that name.
        hidden = [s for s in doc.spans[ACRONYMS_KEY] if (s.start, s.end) not in kept]
        processed.append((block, doc, sent_index))
        itemised = block.kind in _ITEM_KINDS
        for span in [*doc.spans[SPANS_KEY], *hidden]:
            rule = _ITEM_RULE if itemised and _entry_name(span) else span.kb_id_
            mentions.append(_mention(span, span.label_, rule, sentences, sent_index))
    mentions.extend(_echoes(processed, mentions, sentences, vocabulary))
    _landsdelen_in_context(source, mentions)
    mentions = _without_concepts(mentions, concepts)
    mentions = _without_topics(mentions, topics)
    clusters = resolve_mentions(mentions, _labels_in_context(source))
    entities: list[Entity] = []
    iri_of: dict[int, str] = {}
    for cluster in clusters:
        surface = list(dict.fromkeys(f for m in cluster.mentions for f in m.forms()))
        evidence = list(dict.fromkeys(m.evidence for m in cluster.mentions))[:_MAX_EVIDENCE]
        entities.append(
            Entity(
                iri=cluster.iri,
                label=cluster.label,
                type=cluster.type,
                mentions=surface,
                evidence=evidence,
                source=cluster.source,
            )
        )
        for m in cluster.mentions:
            iri_of[id(m)] = cluster.iri
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if id(m) in iri_of:
            by_sentence[m.sentence].append(m)
    letter = _is_letter(source)
    authors = _publisher_entities(source, entities) or (
        _letter_sender(source, entities) if letter else []
    )
    type_of = {e.iri: e.type for e in entities}
    parsed = _parsed_sentences(processed, by_sentence, iri_of, type_of, sentences)
    candidates = document_candidates(nlp, parsed, authors, letter=letter)
    if collect is not None:
        collect.extend(candidates)
    relations = decided_relations(candidates, threshold)
    linked = [([a.iri for a in p.args], p.evidence) for p in parsed]
    extraction = Extraction(
        document=source.info,
        entities=entities,
        relations=_dedupe(relations),
        cooccurrences=cooccurrences(linked),
    )
    structure_relations(source, extraction, {c.iri for c in clusters if c.guessed})
    place_relations(extraction, source)
    namespace_relations(extraction)
    extraction.relations = method_confidence(extraction.relations)
    for entity in extraction.entities:
        entity.concepts = _concepts(entity)
    return extraction


def _parsed_sentences(
    processed: list[tuple[Block, Doc, dict[int, int]]],
    by_sentence: dict[int, list[Mention]],
    iri_of: dict[int, str],
    type_of: Mapping[str, str],
    sentences: list[tuple[str, Evidence]],
) -> list[ParsedSentence]:
    """Every sentence in document order, with its entities as token spans of its parse."""
    out: list[ParsedSentence] = []
    for block, doc, sent_index in processed:
        for sent in doc.sents:
            index = sent_index[sent.start]
            args = []
            for m in by_sentence.get(index, ()):
                span = doc.char_span(
                    sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand"
                )
                iri = iri_of[id(m)]
                if span is not None:
                    args.append(Arg(span, iri, type_of[iri]))
            out.append(ParsedSentence(sent, sentences[index][1], args, block.kind))
    return out


def _letter_sender(source: SourceDocument, entities: list[Entity]) -> list[str]:
    """The body whose minister signs a letter with no publisher metadata: the first
    organisation its heading names ('BRIEF VAN DE MINISTER VAN ONDERWIJS, ...' -> the
    ministry), so that the letter's 'ik' is someone. Several ministers may send one letter; the
    first named is the one who writes."""
    cues = [c for c in reference_words("letter_cues") if c.startswith("brief van")]
    heading = next((b for b in source.blocks if any(c in b.text.casefold() for c in cues)), None)
    if heading is None:
        return []
    text = heading.text.casefold()
    at = min(text.find(c) for c in cues if c in text)
    first: tuple[int, str] | None = None
    for entity in entities:
        if entity.type != "Organisation":
            continue
        for form in entity.mentions:
            found = text.find(form.casefold(), at)
            if found >= 0 and (first is None or found < first[0]):
                first = (found, entity.iri)
    return [first[1]] if first else []


def _is_letter(source: SourceDocument) -> bool:
    """Whether the document is a letter, whose 'ik' is its signatory's organisation."""
    opening = source.original[:3000].casefold()
    return any(cue in opening for cue in reference_words("letter_cues"))


def _without_concepts(mentions: list[Mention], concepts: set[str]) -> list[Mention]:
    """Drop bare acronyms the document defined as a concept ('leven lang ontwikkelen (LLO)').

    An undefined acronym is guessed to be an organisation; one the text itself spells out as a
    lower-case phrase is a term, in any block of the document.
    """
    if not concepts:
        return mentions
    return [m for m in mentions if not (m.rule == "rule:acronym" and m.text in concepts)]


def _without_topics(mentions: list[Mention], topics: set[str]) -> list[Mention]:
    """Drop guessed names made only of the words of a theme the document names as such.

    A text that lists its themes ('de volgende thema’s: Energietransitie en Duurzaamheid')
    repeats them elsewhere without the word 'thema' ('aansluiten bij Energietransitie en
    Duurzaamheid'); there a capitalised theme word is still a topic, in any block. Only guesses
    are dropped: a head noun, cue or authority says the name is something else.
    """
    if not topics:
        return mentions
    from beleidsgraaf.ingest.pipeline.lexicon import lexicon

    lex = lexicon()

    def topical(m: Mention) -> bool:
        words = [w for w in m.text.casefold().split() if w not in lex.connectors]
        return has(m.rule, "topic_guess") and bool(words) and all(w in topics for w in words)

    return [m for m in mentions if not topical(m)]


_COMMISSIONER = re.compile(
    r"\s*,?\s+(?:for|voor|in opdracht van|on behalf of)\s+.*$", re.IGNORECASE
)
_JOINT = re.compile(r"\s+(?:and|en|&)\s+(?=[A-Z0-9])|\s*/\s*")
_BRACKETED = re.compile(r"\s*\(([^()]+)\)\s*")


def _publisher_entities(source: SourceDocument, entities: list[Entity]) -> list[str]:
    """IRIs of the organisations that wrote the document: who 'we' are in its sentences.

    Read from the document's ``publisher`` metadata: what comes before a first comma (an
    umbrella body follows it), split on 'and'/'en' between names ('Universiteit A and
    Universiteit B' -> both). Each author is matched to an extracted entity by any of its names
    (a bracketed short form counts); an author the text never names in a recognised form is
    added as an Organisation. A report
    written *for* someone ('X, for the ministry of Y') has no such authors: its 'we' are outside
    researchers describing their method, not actors in the policy.
    """
    publisher = source.info.publisher
    if not publisher or _COMMISSIONER.search(publisher):
        return []
    main = publisher.split(",", 1)[0].strip()
    by_key: dict[str, Entity] = {}
    for entity in entities:
        for form in (entity.label, *entity.mentions):
            by_key.setdefault(loose_key(form), entity)
    out: list[str] = []
    for part in _JOINT.split(main):
        forms = [_BRACKETED.sub(" ", part).strip(), *_BRACKETED.findall(part)]
        forms = [f for f in forms if len(f) >= 2]
        if not forms:
            continue
        found = next((by_key[k] for f in forms if (k := loose_key(f)) in by_key), None)
        if found is None:
            found = Entity(
                entity_iri(forms[0]), forms[0], "Organisation", forms, [], source="metadata"
            )
            entities.append(found)
            for f in forms:
                by_key.setdefault(loose_key(f), found)
        if found.type == "Organisation" and found.iri not in out:
            out.append(found.iri)
    return out


@cache
def _authority_concepts() -> dict[str, tuple[str, ...]]:
    from beleidsgraaf.ontology.authority import load_authority

    return {entry.iri: entry.concepts for entry in load_authority()}


@cache
def _instrument_words() -> tuple[tuple[str, str], ...]:
    """(word, concept IRI) for every instrument kind label, longest word first."""
    from beleidsgraaf.ontology.authority import instrument_kinds

    pairs = [
        (form.casefold(), kind.iri)
        for kind in instrument_kinds()
        for form in (kind.label, *kind.alt_labels)
        if " " not in form
    ]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _concepts(entity: Entity) -> list[str]:
    """SKOS concepts an entity is an instance of: the authority's, else its instrument kind.

    The kind is read from the head of its names ('Regionaal Investeringsfonds mbo' -> fonds,
    'SLIM-regeling' -> regeling); only programmes and interventions have one.
    """
    known = _authority_concepts().get(entity.iri)
    if known:
        return list(known)
    if entity.type not in {"Programme", "Intervention"}:
        return []
    words = [w for form in (entity.label, *entity.mentions) for w in re.split(r"[\s\-]+", form)]
    for word, concept in _instrument_words():
        if any(w.casefold().endswith(word) for w in words):
            return [concept]
    return []


_LANDSDEEL_CONTEXT = re.compile(r"\blandsde(?:el|len)\b", re.IGNORECASE)


def _landsdelen_in_context(source: SourceDocument, mentions: list[Mention]) -> None:
    """In a document about landsdelen, a bare 'Noord' or 'Zuidwest' is that landsdeel."""
    if not _LANDSDEEL_CONTEXT.search(source.original):
        return
    from beleidsgraaf.ontology.authority import landsdelen

    short = {entry.label.split()[-1]: entry.iri for entry in landsdelen()}
    for m in mentions:
        if m.type == "Region" and m.text in short:
            m.rule = short[m.text]


def _labels_in_context(source: SourceDocument) -> dict[str, str]:
    """Authority labels, leaving out the landsdelen in a document that never speaks of them.

    'Landsdeel Noord' is the Techniekpact's name for the area of 'Noord-Nederland'; a text that
    just says where something is ('in Noord-Nederland') keeps its own word as the label (the
    entity is still the authority's, so documents share it).
    """
    labels = _authority_labels()
    if _LANDSDEEL_CONTEXT.search(source.original):
        return labels
    from beleidsgraaf.ontology.authority import landsdelen

    regional = {entry.iri for entry in landsdelen()}
    return {iri: label for iri, label in labels.items() if iri not in regional}


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple[str, str, str, int], Relation] = {}
    for r in relations:
        seen.setdefault((r.subject, r.predicate, r.object, r.evidence.start), r)
    return list(seen.values())


def extract_document(
    path: Path, nlp: Language | None = None, curator: Path | None = None
) -> Extraction:
    """Read and extract one document.

    A file larger than :data:`LARGE_FILE_BYTES` is never held whole: it is read piece by piece
    with :func:`~beleidsgraaf.ingest.readers.iter_source_chunks` and extracted piece by piece
    (:func:`extract_chunked`), so memory stays bounded by the piece, not the file.

    Raises
    ------
    DocumentError
        The file cannot be read or is not a supported document.
    CuratorError
        The curator file is malformed.
    """
    path = Path(path)
    pipeline = nlp if nlp is not None else _shared_pipeline(None)
    if _size(path) > LARGE_FILE_BYTES:
        extraction = extract_chunked(path, pipeline)
    else:
        extraction = extract_source(_read(path), pipeline)
    if curator is not None:
        from beleidsgraaf.ingest.curation import apply_curation, load_curation

        apply_curation(extraction, load_curation(curator))
    return extraction


LARGE_FILE_BYTES = 5 * 1024 * 1024
"""Files above this size are read and extracted in chunks of :data:`CHUNK_CHARS` characters."""

CHUNK_CHARS = 500_000

PIPE_BATCH = 8
"""Blocks the grammar tags and parses at once. spaCy's default (1,000) hands a whole document to
the tagger and parser in one batch, whose intermediate arrays then grow with the document (a
300 kB report peaked at 1.1 GB, against 0.31 GB in batches of 8, at the same speed)."""
"""Characters per chunk of a large file: spaCy holds one chunk's Docs (~0.1 GB) at a time."""

_MAX_RELATION_EVIDENCE = 5


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports the real problem, naming the file


def extract_chunked(path: Path, nlp: Language, max_chars: int = CHUNK_CHARS) -> Extraction:
    """Extract a document of any size chunk by chunk, merged into one :class:`Extraction`.

    Each chunk is extracted like a document of its own; offsets are shifted by the chunk's place
    in the whole text. Entities merge by IRI (IRIs are minted from canonical labels, so the same
    actor gets the same IRI in every chunk), co-occurrence weights add up, and a relation keeps
    at most a few evidence sentences, so the result grows with the number of distinct facts, not
    with the size of the file. A name defined by an acronym in one chunk and used bare in a
    later one is unified like names across documents.

    Raises
    ------
    DocumentError
        The file cannot be read.
    """
    from beleidsgraaf.ingest.readers import iter_source_chunks
    from beleidsgraaf.ingest.resolution import Unifier

    merged = _Merged()
    unifier = Unifier()
    for offset, chunk in iter_source_chunks(Path(path), max_chars):
        merged.add(offset, unifier(extract_source(chunk, nlp)), chunk)
    if merged.document is None:
        raise DocumentError(Path(path), "empty file")
    return merged.result()


def _shift(evidence: Evidence, offset: int) -> Evidence:
    return replace(evidence, start=evidence.start + offset, end=evidence.end + offset)


class _Merged:
    """The running merge of a large document's chunk extractions."""

    def __init__(self) -> None:
        self.document: DocumentInfo | None = None
        self.characters = 0
        self.pages = 0
        self.entities: dict[str, Entity] = {}
        self.relations: dict[tuple[str, str, str], list[Relation]] = {}
        self.pairs: dict[tuple[str, str], CoOccurrence] = {}
        self.labels: dict[str, str] = {}

    def add(self, offset: int, part: Extraction, chunk: SourceDocument) -> None:
        if self.document is None:
            self.document = part.document
        self.characters = max(self.characters, offset + len(chunk.original))
        self.pages += part.document.pages or 0
        for entity in part.entities:
            have = self.entities.get(entity.iri)
            evidence = [_shift(e, offset) for e in entity.evidence]
            if have is None:
                entity.evidence = evidence[:_MAX_EVIDENCE]
                self.entities[entity.iri] = entity
                continue
            have.mentions.extend(m for m in entity.mentions if m not in have.mentions)
            have.evidence.extend(evidence[: max(0, _MAX_EVIDENCE - len(have.evidence))])
            have.concepts = have.concepts or entity.concepts
        for r in part.relations:
            kept = self.relations.setdefault((r.subject, r.predicate, r.object), [])
            if len(kept) < _MAX_RELATION_EVIDENCE:
                kept.append(replace(r, evidence=_shift(r.evidence, offset)))
        for c in part.cooccurrences:
            old = self.pairs.get((c.a, c.b))
            shifted = tuple(_shift(e, offset) for e in c.evidence)
            self.pairs[(c.a, c.b)] = CoOccurrence(
                c.a,
                c.b,
                c.weight + (old.weight if old else 0),
                ((old.evidence if old else ()) + shifted)[:3],
            )
        self.labels.update(part.labels)

    def result(self) -> Extraction:
        assert self.document is not None
        document = replace(
            self.document, characters=self.characters, pages=self.pages or self.document.pages
        )
        return Extraction(
            document=document,
            entities=list(self.entities.values()),
            relations=[r for kept in self.relations.values() for r in kept],
            cooccurrences=list(self.pairs.values()),
            labels=self.labels,
        )


@cache
def _shared_pipeline(model: str | None) -> Language:
    return load_pipeline(model)


def _expand(paths: Iterable[Path]) -> list[Path]:
    """The document files at ``paths`` (folders listed by ``ingest.readers.files``)."""
    from beleidsgraaf.ingest.readers.files import DocumentFile, list_documents

    return [f.path for f in list_documents(paths) if isinstance(f, DocumentFile)]


def extract_paths(
    paths: Iterable[Path],
    *,
    model: str | None = None,
    curator: Path | None = None,
    workers: int = 1,
) -> Iterator[Extraction | DocumentError]:
    """Extract every document under ``paths`` (folders expanded, sorted), one result per file.

    Results stream: each document's :class:`Extraction` is yielded as soon as it is done, so a
    build of thousands of documents holds one document's records at a time (and a large file is
    itself extracted in chunks, see :func:`extract_document`). A file that cannot be read
    yields its :class:`DocumentError` and the batch goes on. Across the batch a
    :class:`~beleidsgraaf.ingest.resolution.Unifier` gives each actor one IRI (a small table
    of names seen so far; see there for the one order effect), then the curator file is
    applied.

    ``workers > 1`` extracts in that many processes (:mod:`~beleidsgraaf.ingest.parallel`;
    below :data:`~beleidsgraaf.ingest.parallel.MIN_BYTES` of input, in this one), still
    yielding in file order, while the caller works on the results already yielded. The
    workers start when this function is called, so the caller's own set-up overlaps theirs; with
    one worker, each file is read only when its result is asked for.

    Raises
    ------
    CuratorError
        The curator file is malformed (checked before any document is read).
    ConfigError
        ``model`` is not installed (with ``workers > 1``: checked before the workers start).
    """
    files_ = _expand(paths)
    curation = None
    if curator is not None:
        from beleidsgraaf.ingest.curation import load_curation

        curation = load_curation(curator)  # fail before the work, not after
    from beleidsgraaf.ingest.parallel import extract_in_workers, worth_it

    if worth_it(files_, workers):
        _check_model(model)  # a missing model fails here, not as a broken worker pool
        results = extract_in_workers(files_, model, workers)
    else:
        results = _extract_each(files_, model)
    return _unified(results, curation)


def _unified(
    results: Iterator[Extraction | DocumentError], curation: Curation | None
) -> Iterator[Extraction | DocumentError]:
    """Give each actor one IRI across the batch, then apply the curator's corrections."""
    from beleidsgraaf.ingest.resolution import Unifier

    unifier = Unifier()
    for result in results:
        if isinstance(result, Extraction):
            unifier(result)
            if curation is not None:
                from beleidsgraaf.ingest.curation import apply_curation

                apply_curation(result, curation)
        yield result


def _extract_each(files_: list[Path], model: str | None) -> Iterator[Extraction | DocumentError]:
    """In this process, one file at a time, each read only when its result is asked for."""
    nlp = _shared_pipeline(model)
    for path in files_:
        try:
            yield extract_document(path, nlp)
        except DocumentError as exc:
            yield exc
        except Exception as exc:  # one document's bug must not end the batch
            yield DocumentError(path, f"internal error while extracting: {exc!r}")
