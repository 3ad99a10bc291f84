"""Universal Dependencies Dutch treebanks into spaCy training data, reproducibly.

The shipped syntax model is trained on every sentence that the two Dutch UD treebanks
(UD_Dutch-Alpino, UD_Dutch-LassySmall; CC BY-SA 4.0) have published in any version of their
``.conllu`` files, except the sentences of the split we report on (Alpino *test*). Why history:
the train files of both treebanks are larger than what could be obtained here, but their dev and
test files were re-split several times, so the history holds about 11,000 distinct hand-annotated
sentences. Each sentence is taken in its newest annotation.

``sources.json`` pins exactly which file versions (git blob ids) are read, so that retraining from
a clone of the two repositories reads the same sentences. Older versions predate some UD 2.x
labels; :func:`harmonise` brings them in line (``flat:name`` → ``flat``; a passive agent 'door X'
→ ``obl:agent``; a possessive pronoun → ``PRON``/``nmod:poss``) so that old and new versions
teach the parser one scheme.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Blob",
    "Sentence",
    "Sources",
    "TreebankSplit",
    "harmonise",
    "parse_conllu",
    "pool_sentences",
    "read_blob",
    "read_sources",
    "scan_history",
    "sentence_key",
    "split_pool",
    "write_sources",
]


@dataclass(frozen=True, slots=True)
class Blob:
    """One version of one ``.conllu`` file in a treebank repository's history."""

    repo: str
    """Repository name, e.g. 'UD_Dutch-Alpino'."""
    sha: str
    """Git blob id of the file's content."""
    path: str
    date: str
    """Commit date (ISO) of the first commit that holds this version."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One annotated sentence: CoNLL-U rows of ten columns (multi-word ranges left out)."""

    rows: tuple[tuple[str, ...], ...]
    text: str

    @property
    def words(self) -> list[str]:
        return [r[1] for r in self.rows]


def sentence_key(text: str) -> str:
    """A sentence's identity across versions: its letters and digits, case-folded.

    Versions differ in tokenisation and punctuation details; the same sentence must still be
    recognised, above all to keep every version of a test sentence out of training.
    """
    return re.sub(r"\W+", "", text).casefold()


def _git(repo_dir: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo_dir), *args], input=data, capture_output=True, check=True
    ).stdout


def scan_history(repo_dir: Path, name: str, ref: str = "HEAD") -> list[Blob]:
    """Every version of every ``.conllu`` file reachable from ``ref``, oldest first."""
    log = _git(
        repo_dir, "log", "--reverse", "--format=@%cI", "--raw", "--no-abbrev", ref, "--", "*.conllu"
    ).decode()
    seen: dict[str, Blob] = {}
    date = ""
    for line in log.splitlines():
        if line.startswith("@"):
            date = line[1:11]
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            sha = meta.split()[3]
            if set(sha) != {"0"} and sha not in seen:
                seen[sha] = Blob(name, sha, path, date)
    return list(seen.values())


def read_blob(repo_dir: Path, sha: str) -> str | None:
    """A blob's text, or None when the clone lacks it (a partial or size-limited clone)."""
    try:
        return _git(repo_dir, "cat-file", "blob", sha).decode("utf-8")
    except subprocess.CalledProcessError:
        return None


def parse_conllu(text: str) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U text; multi-word token ranges and empty nodes are skipped."""
    rows: list[tuple[str, ...]] = []
    sent_text = ""
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            if rows:
                yield Sentence(tuple(rows), sent_text or " ".join(r[1] for r in rows))
            rows, sent_text = [], ""
        elif line.startswith("# text = "):
            sent_text = line[len("# text = ") :]
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                rows.append(tuple(cols))


_RENAMED = {
    "flat:name": "flat",
    "det:nummod": "det",
    "nsubj:outer": "nsubj",
    "csubj:outer": "csubj",
}


def harmonise(sentence: Sentence) -> Sentence:
    """Bring an annotation from any UD 2.x version of the treebanks to today's scheme.

    - renamed or rare subtypes (``flat:name``, ``det:nummod``, ``*:outer``) become their base;
    - 'door X' attached as ``obl`` to a passive participle becomes ``obl:agent`` (versions before
      mid-2018 had no agent label);
    - a possessive pronoun tagged ``DET``/``det`` ('zijn', 'haar', 'hun') becomes
      ``PRON``/``nmod:poss`` with ``Poss=Yes|PronType=Prs``, as annotated since 2018;
    - a coordinating conjunction, and a comma between conjuncts, attach to the conjunct that
      follows them (UD 2), not to the first conjunct (UD 1, kept in versions before late 2017).
    """
    rows = [list(r) for r in sentence.rows]
    passive_heads = {r[6] for r in rows if r[7] == "aux:pass"}
    _attach_coordination(rows)
    for r in rows:
        r[7] = _RENAMED.get(r[7], r[7])
        if r[7] == "obl" and r[6] in passive_heads and _has_case(rows, r[0], "door"):
            r[7] = "obl:agent"
        if r[4].startswith("VNW|bez") and r[3] == "DET":
            r[3] = "PRON"
            if r[7] == "det":
                r[7] = "nmod:poss"
            feats = {} if r[5] == "_" else dict(f.split("=", 1) for f in r[5].split("|"))
            feats.update(Poss="Yes", PronType="Prs")
            r[5] = "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
    return Sentence(tuple(tuple(r) for r in rows), sentence.text)


def _attach_coordination(rows: list[list[str]]) -> None:
    """Re-attach 'en'/'of' and commas from the first conjunct to the next one (UD 1 -> UD 2)."""
    conjuncts: dict[str, list[int]] = {}
    for r in rows:
        if r[7] == "conj":
            conjuncts.setdefault(r[6], []).append(int(r[0]))
    for r in rows:
        own = int(r[0])
        if r[7] not in {"cc", "punct"} or int(r[6]) >= own or r[6] not in conjuncts:
            continue
        if r[7] == "punct" and r[1] not in {",", ";"}:
            continue
        following = [c for c in conjuncts[r[6]] if c > own]
        if following:
            r[6] = str(min(following))


def _has_case(rows: Sequence[Sequence[str]], head: str, lemma: str) -> bool:
    """Whether the token with id ``head`` has a ``case`` dependent with ``lemma``."""
    return any(r[6] == head and r[7] == "case" and r[2].lower() == lemma for r in rows)


def pool_sentences(blobs: Iterable[tuple[Blob, str]], since: str = "") -> dict[str, Sentence]:
    """Distinct sentences across file versions, each in its newest annotation.

    ``blobs`` must come oldest first: a later version of a sentence replaces an earlier one.
    With ``since`` (an ISO date), a sentence whose newest version is older is left out.
    """
    pool: dict[str, Sentence] = {}
    dated: dict[str, str] = {}
    for blob, text in blobs:
        for sentence in parse_conllu(text):
            key = sentence_key(sentence.text)
            if key:
                pool[key] = harmonise(sentence)
                dated[key] = blob.date
    return {k: v for k, v in pool.items() if dated[k] >= since}


@dataclass(frozen=True, slots=True)
class TreebankSplit:
    """Training, model-selection and report sentences; no key is in two of them."""

    train: list[Sentence]
    dev: list[Sentence]
    test: list[Sentence]


def split_pool(
    pool: dict[str, Sentence], test: Iterable[Sentence], dev_share: float = 0.05
) -> TreebankSplit:
    """Split the pool: every version of a test sentence is dropped; a fixed share (chosen by a
    hash of the sentence, so the split never changes between runs) is kept for model selection."""
    test = list(test)
    held = {sentence_key(s.text) for s in test}
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for key in sorted(pool):
        if key in held:
            continue
        bucket = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        (dev if bucket < dev_share else train).append(pool[key])
    return TreebankSplit(train, dev, test)


def write_sources(
    path: Path, treebanks: dict[str, str], report: Blob, blobs: Sequence[Blob]
) -> None:
    """Pin what is read (``sources.json``): each repository's commit, the report split, and
    every file version, oldest first."""
    data = {
        "treebanks": treebanks,
        "report": _blob_dict(report),
        "blobs": [_blob_dict(b) for b in blobs],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _blob_dict(blob: Blob) -> dict[str, str]:
    return {"repo": blob.repo, "sha": blob.sha, "path": blob.path, "date": blob.date}


@dataclass(frozen=True, slots=True)
class Sources:
    """What ``sources.json`` pins."""

    treebanks: dict[str, str]
    since: str
    report: Blob
    blobs: list[Blob]


def read_sources(path: Path) -> Sources:
    """The pinned commits, the oldest annotation date kept, the report split and the file
    versions (oldest first)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Sources(
        data["treebanks"],
        data.get("since", ""),
        Blob(**data["report"]),
        [Blob(**b) for b in data["blobs"]],
    )
