"""Blocks over spaCy's 1,000,000-character limit are split where they are made (issue 21, point
11): never E088, never fatal, and the documents after one in the batch are stored too.

The three shapes from the issue, generated here: a 1.2 MB text wrapped without blank lines, a
1.5 MB tab-separated table, and a .docx whose one paragraph holds over a million characters. A
known fact is written near the end of each long block, and its evidence must point at exactly
that sentence in the original text, so the pieces keep their offsets.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from beleidsgraaf.config import Settings
from beleidsgraaf.graph.store import Store
from beleidsgraaf.ingest.document import MAX_BLOCK_CHARS, Block, OffsetMap, split_long_blocks
from beleidsgraaf.ingest.readers import read_document
from beleidsgraaf.pipeline import build

FACT = "De Stichting Zeeuwse Vakscholen werkt samen met het Kennisinstituut Oosterschelde."
VOCABULARY = (
    "de het een techniek onderwijs regio school bedrijven werken samen aan talent voor "
    "de toekomst van beroepen in zorg en industrie met leerlingen docenten"
)
WORDS = VOCABULARY.split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def wrapped_text(size: int) -> str:
    """Lines of ~70 characters and no blank line: one paragraph block of ``size`` characters."""
    rng = random.Random(11)
    lines: list[str] = []
    total = 0
    while total < size:
        line = _words(rng, 11) + "."
        lines.append(line)
        total += len(line) + 1
    lines.insert(len(lines) - 20, FACT)
    return "\n".join(lines) + "\n"


def tsv_table(size: int) -> str:
    rng = random.Random(12)
    rows = []
    total = 0
    while total < size:
        row = "\t".join(_words(rng, 3) for _ in range(6))
        rows.append(row)
        total += len(row) + 1
    rows.insert(len(rows) - 20, FACT)
    return "\n".join(rows) + "\n"


def long_docx(size: int) -> bytes:
    from docx import Document

    rng = random.Random(13)
    sentences = []
    total = 0
    while total < size:
        sentence = _words(rng, 12).capitalize() + "."
        sentences.append(sentence)
        total += len(sentence) + 1
    sentences.insert(len(sentences) - 20, FACT)
    document = Document()
    document.add_paragraph(" ".join(sentences))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _long_documents(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "a-gewikkeld.txt").write_text(wrapped_text(1_200_000), encoding="utf-8")
    (folder / "b-tabel.txt").write_text(tsv_table(1_500_000), encoding="utf-8")
    (folder / "c-lang.docx").write_bytes(long_docx(1_050_000))
    return sorted(folder.iterdir())


def test_long_blocks_are_split_at_sentence_ends_and_keep_their_offsets(tmp_path: Path) -> None:
    docs = _long_documents(tmp_path / "lang")
    assert docs[2].stat().st_size < 700_000  # as small as the 613 KB .docx
    for path in docs:
        doc = read_document(path)
        assert max(len(b.text) for b in doc.blocks) <= MAX_BLOCK_CHARS, path.name
        assert sum(len(b.text) for b in doc.blocks) > 1_000_000
        for block in doc.blocks:
            start = block.offsets.to_original(0)
            end = block.offsets.to_original(len(block.text) - 1) + 1
            # a piece's text is the original text it points at, with only spacing folded
            assert block.text.split() == doc.original[start:end].split(), path.name


GOOD = [
    "De Hogeschool Rotterdam werkt samen met TechNet in de regio West.",
    "Brainport Eindhoven werkt samen met de Fontys Hogescholen.",
    "Het Techniekpact Oost werkt samen met de Hogeschool Saxion.",
]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_with_a_huge_block_stores_every_document(tmp_path: Path, workers: int) -> None:
    """The issue's batch: the huge document first, good ones after it (with two workers, only
    one of six good documents was stored). The fact near the end of the huge block is found,
    and its evidence offsets point at that sentence in the original text."""
    docs = tmp_path / "docs"
    docs.mkdir()
    huge = docs / "a-groot.txt"
    text = wrapped_text(1_010_000) if workers == 1 else tsv_table(1_010_000)
    huge.write_text(text, encoding="utf-8")
    for i, sentence in enumerate(GOOD, start=1):
        (docs / f"b-goed-{i}.txt").write_text(sentence + "\n", encoding="utf-8")
    settings = Settings(store=tmp_path / "s", workers=workers)
    report = build([docs], settings)
    assert report.failed == []
    assert sorted(report.stored) == sorted(p.name for p in docs.iterdir())
    with Store(settings.store, read_only=True) as store:
        rows = store.select(
            "PREFIX bg: <https://w3id.org/beleidsgraaf/def#> "
            "SELECT ?start ?end WHERE { ?ev bg:sentence ?s ; bg:startOffset ?start ; "
            "bg:endOffset ?end . FILTER(CONTAINS(?s, 'Kennisinstituut Oosterschelde')) }"
        )
    assert rows, "the fact near the end of the huge block was not found"
    for row in rows:  # in the table the sentence runs on from the rows before it
        assert text[int(row["start"].value) : int(row["end"].value)].endswith(FACT)


def test_a_block_without_any_space_is_cut_at_the_limit() -> None:
    block = Block("paragraph", "x" * 50_001, OffsetMap.identity(7))
    pieces = split_long_blocks([block])
    assert [len(p.text) for p in pieces] == [MAX_BLOCK_CHARS, MAX_BLOCK_CHARS, 10_001]
    assert [p.offsets.to_original(0) for p in pieces] == [7, 7 + MAX_BLOCK_CHARS, 7 + 40_000]
