"""Retrain the shipped syntax model from the UD Dutch treebanks: ``beleidsgraaf model train``.

Steps: read the file versions pinned in ``sources.json`` from local clones of the two treebank
repositories, pool and harmonise their sentences (:mod:`.treebank`), write spaCy training data,
train with ``train.cfg`` (tok2vec, morphologizer, parser, trainable lemmatizer; sentence
boundaries come from the parser), and copy the best model into ``model/``. Training runs on the
CPU; on two cores it takes about an hour.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.syntax.treebank import (
    Blob,
    Sentence,
    TreebankSplit,
    parse_conllu,
    pool_sentences,
    read_blob,
    read_sources,
    scan_history,
    split_pool,
    write_sources,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = [
    "MODEL_DIR",
    "SOURCES",
    "TRAIN_CONFIG",
    "docs_from_sentences",
    "install",
    "pin_sources",
    "prepare",
    "repositories",
    "train",
    "write_conllu",
]

_HERE = Path(str(files("beleidsgraaf.ingest.syntax")))
MODEL_DIR = _HERE / "model"
SOURCES = _HERE / "sources.json"
TRAIN_CONFIG = _HERE / "train.cfg"
REPORT_REPO, REPORT_FILE = "UD_Dutch-Alpino", "nl_alpino-ud-test.conllu"
TREEBANKS = ("UD_Dutch-Alpino", "UD_Dutch-LassySmall")
SINCE = "2017-10-31"
"""Annotations older than this follow UD 1 conventions in places and are left out."""


def repositories(paths: Sequence[Path]) -> dict[str, Path]:
    """Treebank clones by repository name (their folder's name, or their remote's).

    Raises
    ------
    ConfigError
        A path is no git clone of one of the two treebanks.
    """
    import subprocess

    found: dict[str, Path] = {}
    for path in paths:
        remote = subprocess.run(
            ["git", "-C", str(path), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
        )
        where = f"{path.resolve()} {remote.stdout.strip()}"
        name = next((n for n in TREEBANKS if n in where), None)
        if name is None or (not (path / ".git").exists() and not (path / "HEAD").exists()):
            raise ConfigError(f"{path}: not a git clone of {' or '.join(TREEBANKS)}")
        found[name] = path
    return found


def _repo(repos: Mapping[str, Path], name: str) -> Path:
    if name not in repos:
        raise ConfigError(f"no clone of {name} given (--treebank PATH, a git clone of {name})")
    return repos[name]


def pin_sources(repos: Mapping[str, Path], path: Path = SOURCES) -> None:
    """Scan the clones' histories and pin every ``.conllu`` version found (run when updating
    the treebanks; retraining reads the pins, not the histories)."""
    import subprocess

    blobs: list[Blob] = []
    commits: dict[str, str] = {}
    for name, repo in sorted(repos.items()):
        commits[name] = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        blobs.extend(b for b in scan_history(repo, name) if read_blob(repo, b.sha) is not None)
    blobs.sort(key=lambda b: (b.date, b.repo, b.path))
    report = [b for b in blobs if b.repo == REPORT_REPO and b.path.endswith(REPORT_FILE)][-1]
    write_sources(path, commits, report, blobs, since=SINCE)


def load_split(
    repos: Mapping[str, Path], sources: Path = SOURCES, since: str | None = None
) -> TreebankSplit:
    """Training, model-selection and report sentences from the pinned file versions.

    ``since`` (default: the date pinned in ``sources.json``) leaves out sentences whose newest
    annotation is older: before late 2017 the treebanks followed older conventions
    (coordination, ``xcomp``/``mark``/``fixed``) that teach the parser two schemes.
    """
    pinned = read_sources(sources)
    report, blobs = pinned.report, pinned.blobs
    since = pinned.since if since is None else since

    def texts() -> Iterator[tuple[Blob, str]]:
        for blob in blobs:
            text = read_blob(_repo(repos, blob.repo), blob.sha)
            if text is None:
                raise ConfigError(
                    f"{blob.repo}: blob {blob.sha[:10]} ({blob.path}, {blob.date}) is missing: "
                    "use a full clone (git clone without --depth)"
                )
            yield blob, text

    report_text = read_blob(_repo(repos, report.repo), report.sha) or ""
    return split_pool(pool_sentences(texts(), since), parse_conllu(report_text))


def docs_from_sentences(
    sentences: Sequence[Sentence], per_doc: int = 10, vocab: Vocab | None = None
) -> Iterator[Doc]:
    """spaCy ``Doc`` objects of ``per_doc`` consecutive sentences each, with the gold tokens,
    tags, morphology, lemmas, heads, labels and sentence starts (the parser learns sentence
    boundaries from documents that hold several)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab = vocab if vocab is not None else Vocab()
    for i in range(0, len(sentences), per_doc):
        words: list[str] = []
        spaces: list[bool] = []
        pos: list[str] = []
        morphs: list[str] = []
        lemmas: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        starts: list[bool | int | None] = []
        for sentence in sentences[i : i + per_doc]:
            offset = len(words)
            for n, row in enumerate(sentence.rows):
                words.append(row[1])
                spaces.append("SpaceAfter=No" not in row[9])
                pos.append(row[3])
                morphs.append("" if row[5] == "_" else row[5])
                lemmas.append(row[2])
                head = int(row[6])
                heads.append(offset + head - 1 if head else offset + n)
                deps.append("ROOT" if row[7] == "root" else row[7])
                starts.append(n == 0)
        yield Doc(
            vocab,
            words=words,
            spaces=spaces,
            pos=pos,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            sent_starts=starts,
        )


def write_conllu(sentences: Iterable[Sentence], path: Path) -> None:
    """Sentences back to CoNLL-U (for the report split)."""
    with path.open("w", encoding="utf-8") as out:
        for s in sentences:
            out.write(f"# text = {s.text}\n")
            out.writelines("\t".join(r) + "\n" for r in s.rows)
            out.write("\n")


def prepare(
    repos: Mapping[str, Path], workdir: Path, sources: Path = SOURCES, since: str | None = None
) -> TreebankSplit:
    """Write ``train.spacy``, ``dev.spacy`` and ``report.conllu`` into ``workdir``."""
    from spacy.tokens import DocBin

    split = load_split(repos, sources, since)
    workdir.mkdir(parents=True, exist_ok=True)
    for name, sentences in (("train", split.train), ("dev", split.dev)):
        DocBin(docs=docs_from_sentences(sentences), store_user_data=False).to_disk(
            workdir / f"{name}.spacy"
        )
    write_conllu(split.test, workdir / "report.conllu")
    return split


def train(
    repos: Mapping[str, Path],
    workdir: Path,
    out: Path = MODEL_DIR,
    config: Path = TRAIN_CONFIG,
    overrides: Mapping[str, object] | None = None,
) -> Path:
    """Prepare the data, train, and install the best model at ``out``; returns ``out``."""
    from spacy.cli.train import train as spacy_train

    import beleidsgraaf.ingest.pipeline.factories  # noqa: F401  (registers the tokenizer)

    prepare(repos, workdir)
    settings = {
        "paths.train": str(workdir / "train.spacy"),
        "paths.dev": str(workdir / "dev.spacy"),
        **(overrides or {}),
    }
    spacy_train(config, workdir / "output", overrides=settings)
    install(workdir / "output" / "model-best", out)
    return out


MODEL_META = {
    "name": "beleidsgraaf_syntax",
    "version": "1.0.0",
    "description": "Dutch tagger, morphologizer, lemmatizer and dependency parser for policy "
    "text, trained on every published version of the UD Dutch treebanks (see "
    "ingest/syntax/README.md).",
    "license": "CC BY-SA 4.0",
    "author": "beleidsgraaf",
    "sources": [
        {
            "name": "UD Dutch Alpino (all versions in its history, test sentences held out)",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, Gosse; van Noord, Gertjan; Zeman, Daniel; Zabokrtsky, Zdenek",
        },
        {
            "name": "UD Dutch LassySmall (all versions in its history)",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, Gosse; van Noord, Gertjan",
        },
    ],
}


def install(checkpoint: Path, out: Path = MODEL_DIR) -> Path:
    """Copy a training checkpoint to ``out`` with the model's name, licence and sources."""
    import spacy

    nlp = spacy.load(checkpoint)
    nlp.meta.update(MODEL_META)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    return out
