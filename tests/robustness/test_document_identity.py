"""One document-identity rule (issue 21, points 8, 9, 10, 12, 13).

A document is its name -- the path relative to the folder given, or the file name of a file given
-- with its content. Each test builds real files through the real build (``pipeline.build``, the
spaCy pipeline and the embedded store), then builds again and checks what the store holds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.config import Settings
from beleidsgraaf.graph.store import Store
from beleidsgraaf.pipeline import BuildReport, build, remove

OOST = "Het Techniekpact Oost werkt samen met de Hogeschool Saxion in Enschede.\n"
WEST = "De Hogeschool Rotterdam werkt samen met TechNet in de regio West.\n"
ZUID = "Brainport Eindhoven werkt samen met de Fontys Hogescholen.\n"


def _build(paths: list[Path], store: Path) -> BuildReport:
    return build(paths, Settings(store=store))


def _stored(store: Path) -> dict[str, str]:
    with Store(store, read_only=True) as s:
        return {d.file_name: d.content_hash for d in s.documents()}


def test_the_same_file_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    root = tmp_path / "regio"
    (root / "oost").mkdir(parents=True)
    (root / "west").mkdir()
    (root / "oost" / "nota.txt").write_text(OOST, encoding="utf-8")
    (root / "west" / "nota.txt").write_text(WEST, encoding="utf-8")
    store = tmp_path / "store"

    first = _build([root], store)
    assert sorted(first.stored) == ["oost/nota.txt", "west/nota.txt"]
    assert sorted(_stored(store)) == ["oost/nota.txt", "west/nota.txt"]
    again = _build([root], store)
    assert again.stored == [] and sorted(again.unchanged) == ["oost/nota.txt", "west/nota.txt"]
    assert len(_stored(store)) == 2


def test_identical_bytes_under_two_names_are_two_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ZUID, encoding="utf-8")
    (docs / "b.txt").write_text(ZUID, encoding="utf-8")
    store = tmp_path / "store"

    assert sorted(_build([docs], store).stored) == ["a.txt", "b.txt"]
    stored = _stored(store)
    assert sorted(stored) == ["a.txt", "b.txt"] and stored["a.txt"] == stored["b.txt"]
    again = _build([docs], store)
    assert again.stored == [] and sorted(again.unchanged) == ["a.txt", "b.txt"]
    # one of them goes; the other keeps everything it says
    remove(["a.txt"], Settings(store=store))
    assert list(_stored(store)) == ["b.txt"]
    with Store(store, read_only=True) as s:
        rows = s.select("SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert "Fontys Hogescholen" in {r["l"].value for r in rows}


def test_two_folders_given_with_the_same_names_inside_are_refused_clearly(tmp_path: Path) -> None:
    for region, text in (("a", OOST), ("b", WEST)):
        (tmp_path / region / "docs").mkdir(parents=True)
        (tmp_path / region / "docs" / "nota.txt").write_text(text, encoding="utf-8")
    report = _build([tmp_path / "a" / "docs", tmp_path / "b" / "docs"], tmp_path / "store")
    assert report.stored == ["nota.txt"]
    [error] = report.failed
    assert error.path == str(tmp_path / "b" / "docs" / "nota.txt")
    assert "'nota.txt'" in error.reason
    assert str(tmp_path / "a" / "docs" / "nota.txt") in error.reason
    assert "common folder" in error.reason and "\n" not in str(error)


def test_a_control_character_in_a_file_name_keeps_one_version_and_can_be_removed(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    odd = docs / "nota\x1bversie.txt"
    odd.write_text(OOST, encoding="utf-8")
    store = tmp_path / "store"
    assert _build([docs], store).stored == ["nota\\x1bversie.txt"]
    odd.write_text(OOST + WEST, encoding="utf-8")  # an edit replaces the version
    assert _build([docs], store).stored == ["nota\\x1bversie.txt"]
    odd.write_text(OOST + ZUID, encoding="utf-8")
    _build([docs], store)
    assert list(_stored(store)) == ["nota\\x1bversie.txt"]
    # removed by the name as the shell passes it (with the raw ESC) ...
    assert remove([odd.name], Settings(store=store))["nota\\x1bversie.txt"] > 0
    assert _stored(store) == {}


def test_a_non_utf8_byte_in_a_file_name_neither_stops_the_batch_nor_breaks_lookups(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    raw = os.fsdecode(b"caf\xe9.txt")  # how Python hands such a name over: 'caf\udce9.txt'
    (docs / raw).write_text(OOST, encoding="utf-8")
    (docs / "zz-daarna.txt").write_text(WEST, encoding="utf-8")
    store = tmp_path / "store"

    report = _build([docs], store)
    assert report.failed == []
    assert sorted(report.stored) == ["caf\\xe9.txt", "zz-daarna.txt"]
    assert _build([docs], store).stored == []  # found again under the same name
    result = CliRunner().invoke(app, ["--store", str(store), "remove", raw])
    assert result.exit_code == 0, result.output
    assert "removed caf\\xe9.txt" in result.output
    assert list(_stored(store)) == ["zz-daarna.txt"]


def test_suffixes_match_in_any_case_and_xhtml_is_html(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "NOTA.TXT").write_text(OOST, encoding="utf-8")
    (docs / "Verslag.Txt").write_text(WEST, encoding="utf-8")
    (docs / "rapport.xhtml").write_text(
        f"<html><body><h1>Rapport</h1><p>{ZUID}</p></body></html>", encoding="utf-8"
    )
    (docs / "notities.md").write_text(ZUID, encoding="utf-8")  # not a document format
    report = _build([docs], tmp_path / "store")
    assert sorted(report.stored) == ["NOTA.TXT", "Verslag.Txt", "rapport.xhtml"]
    assert report.failed == []


def test_a_folder_without_documents_says_so(tmp_path: Path) -> None:
    docs = tmp_path / "notities"
    docs.mkdir()
    (docs / "lees-mij.md").write_text(OOST, encoding="utf-8")
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "build", str(docs)])
    assert result.exit_code == 3, result.output
    assert "(0 stored, 0 unchanged, 1 failed)" in result.output
    [line] = [x for x in result.output.splitlines() if x.startswith("failed:")]
    assert str(docs) in line and "no documents in this folder" in line and ".txt" in line


@pytest.mark.parametrize("name", ["nota.txt", "NOTA.TXT"])
def test_a_file_given_by_itself_is_named_by_its_file_name(tmp_path: Path, name: str) -> None:
    (tmp_path / "diep" / "map").mkdir(parents=True)
    path = tmp_path / "diep" / "map" / name
    path.write_text(OOST, encoding="utf-8")
    assert _build([path], tmp_path / "store").stored == [name]
