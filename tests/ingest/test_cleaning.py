"""PDF-artefact cleaning, on the bundled corpus and on generated text.

The corpus is plain text extracted from PDFs, with the layout's artefacts left in; these tests
check that the cleaned blocks read as the author wrote them and still point at the exact
characters of the original.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from beleidsgraaf.ingest.cleaning import (
    clean_text,
    join_lines,
    keeps_hyphen,
    running_lines,
    split_lines,
)
from beleidsgraaf.ingest.document import SourceDocument
from beleidsgraaf.ingest.readers import read_document
from beleidsgraaf.ingest.structure import CELL_SEPARATOR

CORPUS = (
    "4tu-strategie-2020-2025.txt",
    "kia-sleuteltechnologieen-2019.txt",
    "sac-htno-jaarverslag-2023.txt",
    "techniekpact-evaluatie-2020.txt",
    "vu-ut-ambitiedocument.txt",
)


@cache
def corpus(name: str) -> SourceDocument:
    with as_file(files("beleidsgraaf.ingest.corpus") / name) as path:
        return read_document(path)


def all_text(name: str) -> str:
    return "\n".join(block.text for block in corpus(name).blocks)


def assert_maps_back(original: str, text: str, offsets: object, separator: str = " ") -> None:
    """Every cleaned character is the original character at its mapped offset (or a space --
    or, between a table row's cells, a ``separator`` character -- standing for white space
    there)."""
    for i, char in enumerate(text):
        at = offsets.to_original(i)  # type: ignore[attr-defined]
        source = original[at]
        if char == " " or char in separator:
            assert source.isspace() or source == char, (i, at, source)
        else:
            assert source == char, (i, char, at, source)


# -- the corpus ------------------------------------------------------------------------------


def test_words_broken_at_line_ends_are_joined_in_the_corpus() -> None:
    text = all_text("techniekpact-evaluatie-2020.txt")
    assert "Tech- niekpact" not in text and "Tech-niekpact" not in text
    assert text.count("Techniekpact") > 200
    # 'Noord-' + 'west geeft aan' is a syllable break: Noordwest.
    assert "Noordwest geeft aan" in text
    # A page break between 'Boven-' and 'dien' (with the page number in between) is healed.
    assert "Bovendien draagt de uitwisseling" in all_text("sac-htno-jaarverslag-2023.txt")


def test_real_hyphens_survive_in_the_corpus() -> None:
    text = all_text("techniekpact-evaluatie-2020.txt")
    assert "stage- en leerwerkplekken" in text
    assert "up-to-date" in text
    assert "Noord-Holland" in text
    assert "Startdocument Techniekpact Noord-Nederland" in text  # 'Noord-' / 'Nederland'


def test_running_headers_and_page_numbers_leave_the_text_flow() -> None:
    text = all_text("techniekpact-evaluatie-2020.txt")
    assert "SEO ECONOMISCH ONDERZOEK" not in text
    assert "HOOFDSTUK" not in text
    assert "EVALUEREND ADVIES TECHNIEKPACT" not in text
    # The sentence the header cut in two is one again.
    assert "niet alleen een evaluatie van de activiteiten binnen het Techniekpact, maar ook" in text
    sac = all_text("sac-htno-jaarverslag-2023.txt")
    assert "\n7\n" not in f"\n{sac}\n"
    kia = all_text("kia-sleuteltechnologieen-2019.txt")
    assert "KIA-ST 12/16" not in kia and "20191015" not in kia


def test_footnote_digits_are_split_off_but_names_with_digits_kept() -> None:
    kia = all_text("kia-sleuteltechnologieen-2019.txt")
    assert "maatschappelijke uitdagingen. Met de Kennis- en Innovatieagenda" in kia
    assert "vindt brede erkenning. De meeste" in kia
    assert "clusters van technologieën aangewezen" in kia
    assert "4TU" in all_text("4tu-strategie-2020-2025.txt")
    assert clean_text("de Topsector Energie2 en TU9, CO2 en 4TU").text == (
        "de Topsector Energie en TU9, CO2 en 4TU"
    )
    assert clean_text("Industrie 4.0 na COVID-19 in mbo-1").text == (
        "Industrie 4.0 na COVID-19 in mbo-1"
    )


def test_line_breaks_inside_a_paragraph_become_spaces() -> None:
    for name in CORPUS:
        for block in corpus(name).blocks:
            assert "\n" not in block.text and "  " not in block.text


@pytest.mark.parametrize("name", CORPUS)
def test_every_block_maps_back_to_the_original(name: str) -> None:
    doc = corpus(name)
    for block in doc.blocks:
        separator = CELL_SEPARATOR if block.kind == "table_row" else " "
        assert_maps_back(doc.original, block.text, block.offsets, separator)


# -- the rules, one by one -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("het Tech-\nniekpact", "het Techniekpact"),
        ("in Noord-\nHolland", "in Noord-Holland"),
        ("de VU-\nUT samenwerking", "de VU-UT samenwerking"),
        ("bèta-\nen techniek", "bèta- en techniek"),
        ("stage-\nen leerwerkplekken", "stage- en leerwerkplekken"),
        ("up-\nto-date", "up-to-date"),
        ("regio Zuid-\noost-Brabant", "regio Zuidoost-Brabant"),  # a compass word broken in two
        ("LLO-inves-\nteringen", "LLO-investeringen"),
        ("niet-\ntechnische", "niet-technische"),
        ("zee-\negel", "zee-egel"),
        ("R&D-\nprogramma", "R&D-programma"),
        ("Arnhem/Nijme-\ngen", "Arnhem/Nijmegen"),
        ("Tech\u00ad\nniekpact", "Techniekpact"),  # a soft hyphen always joins
        ("Noord\u00ad\nwest en zero\u200bwidth", "Noordwest en zerowidth"),
    ],
)
def test_dehyphenation(text: str, expected: str) -> None:
    assert clean_text(text).text == expected


def test_keeps_hyphen_uses_the_dutch_lexicon() -> None:
    assert keeps_hyphen("niet", "technische")  # a hyphenated word the lexicon lists
    assert not keeps_hyphen("samen", "werking")


def test_running_lines_are_found_by_shape_not_by_name() -> None:
    words = ["Techniek", "Onderwijs", "Regio", "Samenwerking", "Arbeidsmarkt"]
    pages = []
    for n, word in enumerate(words, start=1):
        pages.append(f"ACME RAPPORT\n\n{word} loopt door\nen eindigt bij {word}\n\n{n}\n")
    lines = split_lines("\f".join(pages))
    found = {lines[i].text for i in running_lines(lines)}
    assert found == {"ACME RAPPORT", "1", "2", "3", "4", "5"}
    assert {line.page for line in lines} == {1, 2, 3, 4, 5}


def test_a_numbered_heading_at_a_page_top_is_not_a_running_header() -> None:
    lines = split_lines("vorige pagina.\f2 Missie en visie\n\nDe tekst.\f1 INLEIDING\nMeer.")
    assert running_lines(lines) == set()


def test_join_lines_offsets_cross_removed_lines() -> None:
    original = "Het Tech-\n\n46 HOOFDSTUK 3\n\nniekpact werkt."
    lines = split_lines(original)
    clean = join_lines([lines[0], lines[2]])
    assert clean.text == "Het Techniekpact werkt."
    assert_maps_back(original, clean.text, clean.offsets)
    start = clean.text.index("niekpact")
    assert clean.offsets.to_original(start) == original.index("niekpact")


# -- properties ----------------------------------------------------------------------------

_words = st.sampled_from(
    [
        "Tech-",
        "niekpact",
        "Noord-",
        "Holland",
        "en",
        "stage-",
        "Energie2",
        "4TU",
        "uitdagingen.1",
        "COVID-19",
        "  ",
        "\t",
        "-",
        "a",
        "Ü",
        "ß",
        "werk-",
        "plaats",
        "Tech\u00ad",
        "\u200b",
        "abc\u200b1",
    ]
)
_texts = st.lists(st.one_of(_words, st.text(min_size=1, max_size=6)), min_size=0, max_size=30).map(
    lambda parts: "".join(p + (" " if i % 3 else "\n") for i, p in enumerate(parts))
)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_offsets_always_point_at_the_right_characters(text: str) -> None:
    clean = clean_text(text)
    assert_maps_back(text, clean.text, clean.offsets)


@settings(max_examples=300, deadline=None)
@given(_texts)
# Found by hypothesis: joined, 'Tech-' + 'a0' would read as a footnote digit glued to a word.
@example("Tech-\nTech- Tech- Tech-\nTech- Tech- Tech-\na0 ")
@example("Tech-\nTech- Tech- Tech-\nTech- Tech- Tech\u00ad\na0 ")
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once
