"""A generator of policy-document corpora of any size, made from the bundled demo corpus.

Each generated document is a heading plus paragraphs drawn (seeded) from all five demo documents,
in shuffled order, until it is about ``chars`` characters long. In each document a share of the
multi-word proper names (runs of capitalised words, e.g. 'Stichting Techniek Nederland') is
renamed consistently within that document by replacing the last word with an invented place-like
word. So every document has both well-known actors and new ones, names recur across documents in
different forms, and entity resolution and the store have real, growing work -- not the same five
texts over and over. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from importlib.resources import files
from pathlib import Path

__all__ = ["demo_paragraphs", "demo_texts", "write_corpus"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NAME = re.compile(r"\b[A-Z][\w.-]+(?:\s+(?:van|voor|de|der|het|en|in)?\s*[A-Z][\w.-]+){1,3}\b")
_SYLLABLES = ("bra", "kel", "dam", "ven", "lo", "hoven", "mer", "sted", "wijk", "ter", "oord")


def demo_texts() -> dict[str, str]:
    """The demo corpus: file name -> text (read as package data)."""
    root = files("beleidsgraaf.ingest.corpus")
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".txt")
    }


def demo_paragraphs(min_chars: int = 200) -> list[str]:
    """Every paragraph of at least ``min_chars`` characters from the demo corpus."""
    out: list[str] = []
    for text in demo_texts().values():
        out.extend(p.strip() for p in _PARAGRAPH_BREAK.split(text) if len(p.strip()) >= min_chars)
    return out


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _rename(text: str, rng: random.Random, share: float) -> str:
    names = sorted(set(_NAME.findall(text)))
    renames = {}
    for name in names:
        if rng.random() < share:
            head = name.rsplit(None, 1)[0]
            renames[name] = f"{head} {_invented(rng)}"
    if not renames:
        return text
    pattern = re.compile("|".join(re.escape(n) for n in sorted(renames, key=len, reverse=True)))
    return pattern.sub(lambda m: renames[m.group(0)], text)


def write_corpus(
    folder: Path, documents: int, *, chars: int = 5000, rename_share: float = 0.4, seed: int = 9
) -> list[Path]:
    """Write ``documents`` generated ``.txt`` documents into ``folder``; returns their paths.

    The first ``n`` documents of a bigger corpus equal a corpus of ``n`` (same seed), so scaling
    runs can take prefixes of one generated corpus.
    """
    paragraphs = demo_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(documents):
        rng = random.Random(f"{seed}-{i}")
        body: list[str] = []
        size = 0
        while size < chars:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            size += len(paragraph)
        text = f"Synthetisch beleidsdocument {i}\n\n" + "\n\n".join(body) + "\n"
        path = folder / f"synthetisch-{i:05d}.txt"
        path.write_text(_rename(text, rng, rename_share), encoding="utf-8")
        paths.append(path)
    return paths
