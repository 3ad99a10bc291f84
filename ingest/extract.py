"""The extraction API: documents in, :class:`~beleidsgraaf.ingest.records.Extraction` records out.

``extract_paths`` is what ``beleidsgraaf build`` and ``beleidsgraaf extract`` call: it reads each
file, runs the spaCy pipeline over its blocks with ``nlp.pipe``, resolves mentions into entities,
finds relations and co-occurrences, applies the curator file and, across the batch, gives every
actor one IRI. One bad file yields a :class:`~beleidsgraaf.errors.DocumentError` in its place and
the batch goes on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from beleidsgraaf.errors import BeleidsgraafError, ConfigError, DocumentError
from beleidsgraaf.ingest.document import Block, SourceDocument
from beleidsgraaf.ingest.records import Entity, Evidence, Extraction, Relation
from beleidsgraaf.ingest.relations import (
    Located,
    cooccurrences,
    namespace_relations,
    place_relations,
    sentence_relations,
    structure_relations,
)
from beleidsgraaf.ingest.resolution import Mention, loose_key, resolve_mentions, unify

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DEFAULT_MODELS",
    "SUPPORTED_SUFFIXES",
    "demo_corpus",
    "extract_document",
    "extract_paths",
    "load_pipeline",
    "read_source",
]

DEFAULT_MODELS: tuple[str, ...] = ("nl_core_news_lg", "nl_core_news_md")
"""Statistical models used in addition to the rules when installed, first found wins."""

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".pdf", ".docx", ".html", ".htm")
_MAX_EVIDENCE = 20
_LOWER_WORD = re.compile(r"(?<![\w\-.])[a-zà-ÿ][a-zà-ÿ]+(?![\w\-])")


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
    """The extraction pipeline: ``spacy.blank('nl')`` with our tokenizer and rule components.

    When ``model`` (e.g. ``nl_core_news_lg``) is given, or one of :data:`DEFAULT_MODELS` is
    installed, its pipeline runs first and its named entities join the rules as weak candidates.

    Raises
    ------
    ConfigError
        ``model`` was named but is not installed.
    """
    import spacy
    from spacy import util

    import beleidsgraaf.ingest.pipeline.factories  # noqa: F401  (registers the factories)

    config = util.load_config_from_str(_pipeline_config())
    installed = set(util.get_installed_models())
    if model is not None and model not in installed:
        raise ConfigError(
            f"spaCy model {model!r} is not installed (install it, or leave 'model' unset to use "
            "the rules alone)"
        )
    chosen = model or next((m for m in DEFAULT_MODELS if m in installed), None)
    if chosen is None:
        return util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp = spacy.load(chosen, exclude=["lemmatizer"])
    names = list(config["nlp"]["pipeline"])
    if "parser" in nlp.pipe_names or "senter" in nlp.pipe_names:
        names.remove("sentencizer")
    nlp.add_pipe("beleidsgraaf_model_entities_v1", name="beleidsgraaf_model_entities")
    for name in names:
        nlp.add_pipe(config["components"][name]["factory"], name=name)
    return nlp


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


def extract_source(source: SourceDocument, nlp: Language) -> Extraction:
    """Extract entities, relations and co-occurrences from a document already read."""
    from beleidsgraaf.ingest.pipeline.acronyms import SPANS_KEY as ACRONYMS_KEY
    from beleidsgraaf.ingest.pipeline.entities import SPANS_KEY
    from beleidsgraaf.ingest.pipeline.names import VOCAB_KEY

    doc_hash = source.info.content_hash
    mentions: list[Mention] = []
    sentences: list[tuple[str, Evidence]] = []
    blocks = [b for b in source.blocks if b.text.strip()]
    vocabulary = frozenset(_LOWER_WORD.findall(source.original))
    docs = []
    for block in blocks:
        doc = nlp.make_doc(block.text)
        doc.user_data[VOCAB_KEY] = vocabulary
        docs.append(doc)
    for block, doc in zip(blocks, nlp.pipe(docs), strict=True):
        sent_index: dict[int, int] = {}
        for sent in doc.sents:
            sent_index[sent.start] = len(sentences)
            sentences.append(
                (sent.text, _evidence(doc_hash, block, sent.start_char, sent.end_char, sent.text))
            )
        kept = {(s.start, s.end) for s in doc.spans[SPANS_KEY]}
        # Acronym long forms hidden inside a longer name ('bacheloropleiding Creative Technology
        # (CT)') still link the acronym to that name.
        hidden = [s for s in doc.spans[ACRONYMS_KEY] if (s.start, s.end) not in kept]
        for span in [*doc.spans[SPANS_KEY], *hidden]:
            sent = span.sent
            index = sent_index[sent.start]
            mentions.append(
                Mention(
                    text=span.text,
                    type=span.label_,
                    rule=span.kb_id_,
                    evidence=sentences[index][1],
                    sentence=index,
                    start=span.start_char - sent.start_char,
                    end=span.end_char - sent.start_char,
                )
            )
    _landsdelen_in_context(source, mentions)
    clusters = resolve_mentions(mentions, _authority_labels())
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
    type_of = {e.iri: e.type for e in entities}
    headed = _heading_entities(entities)
    relations: list[Relation] = []
    linked: list[tuple[list[str], Evidence]] = []
    for index, members in sorted(by_sentence.items()):
        text, evidence = sentences[index]
        located = [Located(iri_of[id(m)], type_of[iri_of[id(m)]], m.start, m.end) for m in members]
        # Under a heading that names a programme ('CREATING SECURE SOCIETIES'), the entries
        # speak about it: 'coördinator: X (VU)'.
        if evidence.section and not any(
            loc.type in {"Programme", "Intervention"} for loc in located
        ):
            owner = headed.get(loose_key(evidence.section[-1]))
            if owner is not None:
                located.append(Located(owner, type_of[owner], -1, -1))
        relations.extend(sentence_relations(text, located, evidence))
        linked.append(([loc.iri for loc in located], evidence))
    extraction = Extraction(
        document=source.info,
        entities=entities,
        relations=_dedupe(relations),
        cooccurrences=cooccurrences(linked),
    )
    structure_relations(source, extraction, {c.iri for c in clusters if c.guessed})
    place_relations(extraction)
    namespace_relations(extraction)
    for entity in extraction.entities:
        entity.concepts = _concepts(entity)
    return extraction


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


def _heading_entities(entities: list[Entity]) -> dict[str, str]:
    """Loose keys of programme and intervention names, to recognise them in headings."""
    out: dict[str, str] = {}
    for entity in entities:
        if entity.type in {"Programme", "Intervention"}:
            for form in (entity.label, *entity.mentions):
                out.setdefault(loose_key(form), entity.iri)
    return out


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


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple[str, str, str, int], Relation] = {}
    for r in relations:
        seen.setdefault((r.subject, r.predicate, r.object, r.evidence.start), r)
    return list(seen.values())


def extract_document(
    path: Path, nlp: Language | None = None, curator: Path | None = None
) -> Extraction:
    """Read and extract one document.

    Raises
    ------
    DocumentError
        The file cannot be read or is not a supported document.
    CuratorError
        The curator file is malformed.
    """
    source = _read(Path(path))
    extraction = extract_source(source, nlp if nlp is not None else _shared_pipeline(None))
    if curator is not None:
        from beleidsgraaf.ingest.curation import apply_curation, load_curation

        apply_curation(extraction, load_curation(curator))
    return extraction


@cache
def _shared_pipeline(model: str | None) -> Language:
    return load_pipeline(model)


def _expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUPPORTED_SUFFIXES)
            )
        else:
            out.append(path)
    return out


def _worker(path: Path, model: str | None) -> Extraction | tuple[str, str]:
    """Runs in a worker process; an error travels back as (path, reason): it pickles."""
    try:
        return extract_document(path, _shared_pipeline(model))
    except DocumentError as exc:
        return (exc.path, exc.reason)


def extract_paths(
    paths: Iterable[Path],
    *,
    model: str | None = None,
    curator: Path | None = None,
    workers: int = 1,
) -> Iterator[Extraction | DocumentError]:
    """Extract every document under ``paths`` (folders expanded, sorted), one result per file.

    A file that cannot be read yields its :class:`DocumentError` and the batch goes on. After
    all files are extracted, :func:`~beleidsgraaf.ingest.resolution.unify` gives each actor one
    IRI across the batch, then the curator file is applied to every document -- so results are
    yielded once the batch is done. ``workers > 1`` extracts in that many processes.
    """
    files_ = _expand(paths)
    curation = None
    if curator is not None:
        from beleidsgraaf.ingest.curation import load_curation

        curation = load_curation(curator)  # fail before the work, not after
    results: list[Extraction | DocumentError] = []
    if workers > 1 and len(files_) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = [
                r if isinstance(r, Extraction) else DocumentError(*r)
                for r in pool.map(_worker, files_, [model] * len(files_))
            ]
    else:
        nlp = _shared_pipeline(model)
        for path in files_:
            try:
                results.append(extract_document(path, nlp))
            except DocumentError as exc:
                results.append(exc)
            except BeleidsgraafError:
                raise
    unify([r for r in results if isinstance(r, Extraction)])
    if curation is not None:
        from beleidsgraaf.ingest.curation import apply_curation

        for result in results:
            if isinstance(result, Extraction):
                apply_curation(result, curation)
    yield from results
