"""The front door of the Python API: documents in; store, map and report out.

``graph`` may not import the extractor and ``ingest`` knows nothing of stores, so the few lines
that join the stages live here, next to the CLI that wraps them. Each function is what one CLI
command does, so a script can do exactly what ``beleidsgraaf build`` or ``beleidsgraaf run`` does.

Examples
--------
>>> from pathlib import Path
>>> from beleidsgraaf.pipeline import build_corpus
>>> report = build_corpus(Path("/tmp/store"))             # doctest: +SKIP
>>> report.documents, report.entities_by_type["Organisation"]  # doctest: +SKIP
(5, 180)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from beleidsgraaf.config import Settings
from beleidsgraaf.errors import ConfigError, DocumentError, printable
from beleidsgraaf.records import confident

if TYPE_CHECKING:
    from beleidsgraaf.ingest.readers.files import DocumentFile

__all__ = ["BuildReport", "Progress", "RunReport", "Step", "build", "build_corpus", "remove", "run"]


@dataclass(frozen=True)
class Step:
    """Where a build is, for a progress display: what it does now and how many documents of the
    batch are done (stored, unchanged or failed)."""

    stage: str
    done: int
    total: int


Progress = Callable[[Step], None]
_T = TypeVar("_T")


@dataclass
class BuildReport:
    """What a build did: documents stored, unchanged or failed, and what they contain."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[DocumentError] = field(default_factory=list)
    entities_by_type: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    cooccurrences: int = 0

    @property
    def documents(self) -> int:
        """Documents read successfully (stored now or already up to date)."""
        return len(self.stored) + len(self.unchanged)

    @property
    def entities(self) -> int:
        return sum(self.entities_by_type.values())


@dataclass
class RunReport:
    """What the main job built and where it wrote it."""

    build: BuildReport
    outputs: dict[str, Path] = field(default_factory=dict)


def build(
    paths: Iterable[Path],
    settings: Settings,
    *,
    progress: Progress | None = None,
) -> BuildReport:
    """Extract the documents at ``paths`` (files or folders) and write them into the store.

    Each document is stored under its name (``ingest.readers.files``: the path relative to the
    folder given, or the file name of a file given) and replaces its own named graph atomically;
    a document that cannot be read, a folder without documents and a second file that would get
    a name already taken in this build are reported in ``failed``, and the rest of the batch
    still goes in. With ``settings.workers`` above 1 the documents are extracted in that many
    processes (``ingest.parallel``) and each one is written while the next ones are extracted;
    the store ends up the same as with one. The store's write lock is held for the whole build,
    so two builds on one store run one after the other; readers (``query``, ``serve``) are not
    in the way (``graph.store``).
    """
    from beleidsgraaf.graph.store import Store
    from beleidsgraaf.ingest.curation import load_curation
    from beleidsgraaf.ingest.extract import extract_paths
    from beleidsgraaf.ontology.authority import vocabulary_graph

    report = BuildReport()
    links = load_curation(settings.curator).links if settings.curator else None
    files = _named_documents(paths, report)
    entity_types: dict[str, str] = {}
    relations: set[tuple[str, str, str]] = set()
    cooccurrences: set[tuple[str, str]] = set()
    with Store(settings.store) as store, store.lock():
        # With workers, extraction starts here, so their start-up overlaps the vocabulary load;
        # each result is written while the workers extract the documents after it.
        results = extract_paths(
            [f.path for f in files],
            model=settings.model,
            curator=settings.curator,
            workers=settings.workers,
        )
        if progress:
            progress(Step("loading the vocabulary", 0, len(files)))
        store.load_vocabulary(vocabulary_graph())
        # extract_paths yields one result per file, in order: the name comes from the listing.
        for file, result in zip(files, _reporting(results, files, progress), strict=True):
            if isinstance(result, DocumentError):
                report.failed.append(result)
                continue
            result.document = replace(result.document, file_name=file.name)
            result.relations = confident(result.relations, settings.min_confidence)
            written = store.write_extraction(result, links)
            (report.stored if written else report.unchanged).append(file.name)
            for ent in result.entities:
                entity_types[ent.iri] = ent.type
            relations.update((r.subject, r.predicate, r.object) for r in result.relations)
            cooccurrences.update((c.a, c.b) for c in result.cooccurrences)
    report.entities_by_type = Counter(entity_types.values())
    report.relations = len(relations)
    report.cooccurrences = len(cooccurrences)
    return report


def _reporting(
    results: Iterator[_T], files: list[DocumentFile], progress: Progress | None
) -> Iterator[_T]:
    """``results`` (one per file, in file order) as they come, saying before each which file is
    being extracted and after each how many are done."""
    if progress is None or not files:
        yield from results
        return
    total = len(files)
    progress(Step(f"loading the language pipeline, extracting {files[0].name}", 0, total))
    for done, result in enumerate(results, start=1):
        yield result
        following = f"extracting {files[done].name}" if done < total else "finishing"
        progress(Step(following, done, total))


def _named_documents(paths: Iterable[Path], report: BuildReport) -> list[DocumentFile]:
    """The files to build, each with the name it is stored under; what cannot be built (a folder
    without documents, a file whose name another file of this build already has) goes into
    ``report.failed``. Two files with one name would replace each other in the store on every
    build, so the second is refused, naming the first."""
    from beleidsgraaf.ingest.readers.files import list_documents

    files: list[DocumentFile] = []
    owner: dict[str, Path] = {}
    for item in list_documents(paths):
        if isinstance(item, DocumentError):
            report.failed.append(item)
        elif item.name in owner:
            first = printable(str(owner[item.name]))
            reason = (
                f"has the document name '{item.name}' that {first} has in this build; "
                "build their common folder instead, so that each keeps a name of its own"
            )
            report.failed.append(DocumentError(item.path, reason))
        else:
            owner[item.name] = item.path
            files.append(item)
    return files


def demo_corpus() -> list[Path]:
    """The five bundled demo documents."""
    from beleidsgraaf.ingest.extract import demo_corpus as corpus

    return corpus()


def build_corpus(store: Path, paths: Sequence[Path] | None = None) -> BuildReport:
    """Build ``paths`` (default: the bundled demo corpus) into the store folder ``store``."""
    return build(paths or demo_corpus(), Settings(store=store))


def remove(names: Iterable[str], settings: Settings) -> dict[str, int]:
    """Drop documents (by name or content hash) from the store; triples removed per name.

    The names are keyed as the store shows them (:func:`~beleidsgraaf.errors.printable`).
    """
    from beleidsgraaf.graph.store import Store

    with Store(settings.store) as store, store.lock():
        return {printable(name): store.remove_document(name) for name in names}


def run(
    paths: Sequence[Path] | None,
    settings: Settings,
    *,
    progress: Progress | None = None,
) -> RunReport:
    """The main job: build the store, then write the TriG dump, the map and the report.

    Writes ``graph.trig``, ``map.html``, ``versnippering.json`` and ``versnippering.html`` into
    ``settings.out``.
    """
    from beleidsgraaf.graph.store import Store, writable_output
    from beleidsgraaf.graph.versnippering import fragmentation_report
    from beleidsgraaf.viz.map import write_map
    from beleidsgraaf.viz.report import write_report

    out = settings.out
    names = ("graph.trig", "map.html", "versnippering.json", "versnippering.html")
    for name in names:  # before the build: a bad output path should not cost a build first
        writable_output(out / name)
    built = build(paths or demo_corpus(), settings, progress=progress)
    documents = len(built.stored) + len(built.unchanged) + len(built.failed)

    def stage(text: str) -> None:
        if progress:
            progress(Step(text, documents, documents))

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot make the output folder: {exc.strerror or exc}") from exc
    with Store(settings.store, read_only=True) as store:
        stage("writing graph.trig")
        store.dump("trig", out / "graph.trig")
        outputs = {"graph.trig": out / "graph.trig"}
        stage("drawing the map")
        outputs["map.html"] = write_map(store, out / "map.html")
        stage("measuring versnippering")
        written = write_report(fragmentation_report(store, by="landsdeel"), out)
    outputs.update({p.name: p for p in written})
    return RunReport(built, outputs)
