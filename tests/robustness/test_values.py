"""Values users write: curator entries, settings and options, file contents that look like
something else (issue 21, points 22-24). Each mistake is one clean line; each good value works.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.config import Settings
from beleidsgraaf.errors import CuratorError
from beleidsgraaf.ingest.curation import apply_curation, load_curation
from beleidsgraaf.ingest.readers import read_document
from beleidsgraaf.ontology.iri import entity_iri
from beleidsgraaf.pipeline import build
from beleidsgraaf.queries.sample import sample_extractions
from beleidsgraaf.records import DocumentInfo, Entity, Evidence, Extraction, Relation

# -- 22: curator validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("rename:\n  TU Delft: ''\n", "names nothing"),
        ("rename:\n  TU Delft: '   '\n", "names nothing"),
        ("rename:\n  '': TU Delft\n", "names nothing"),
        ("merge:\n  - into: ''\n    names: [TU Delft, Delft]\n", "names nothing"),
        ("merge:\n  - into: '...'\n    names: [TU Delft]\n", "names nothing"),
        ("merge:\n  - into: TU Delft\n    names: []\n", "list of names"),
        ("reject: ['-']\n", "names nothing"),
        ("merge: {into: X}\n", "must be a list"),
        ("rename:\n  TU Delft: 5\n", "must be a name"),
    ],
)
def test_a_curator_entry_that_names_nothing_is_refused(
    tmp_path: Path, text: str, fragment: str
) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CuratorError) as caught:
        load_curation(path)
    assert str(path) in str(caught.value) and fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def _extraction() -> Extraction:
    ev = Evidence("ab" * 32, "De TU Delft werkt samen met TNO.", 0, 31)
    delft = Entity(entity_iri("tu delft"), "TU Delft", "Organisation", ["TU Delft"], [ev])
    tno = Entity(entity_iri("tno"), "TNO", "Organisation", ["TNO"], [ev])
    info = DocumentInfo("ab" * 32, "nota.txt", "txt")
    relation = Relation(delft.iri, "collaboratesWith", tno.iri, ev, confidence=0.8)
    return Extraction(info, [delft, tno], [relation])


def test_a_swap_swaps_and_merges_nothing(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text("rename:\n  TU Delft: TNO\n  TNO: TU Delft\n", encoding="utf-8")
    extraction = apply_curation(_extraction(), load_curation(path))
    assert sorted(e.label for e in extraction.entities) == ["TNO", "TU Delft"]
    assert len({e.iri for e in extraction.entities}) == 2
    by_label = {e.label: e for e in extraction.entities}
    assert by_label["TNO"].mentions == ["TU Delft"]  # the entity once called TU Delft
    [relation] = extraction.relations
    assert (relation.subject, relation.object) == (by_label["TNO"].iri, by_label["TU Delft"].iri)
    assert relation.confidence == 0.8  # a renamed relation keeps its confidence


def test_a_chain_of_renames_does_not_run_on(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text("rename:\n  TU Delft: TNO\n  TNO: Deltares\n", encoding="utf-8")
    labels = sorted(e.label for e in apply_curation(_extraction(), load_curation(path)).entities)
    assert labels == ["Deltares", "TNO"]


def test_a_curated_store_validates(tmp_path: Path) -> None:
    """What the old code let through (an empty label) failed ``validate`` afterwards; every
    curation that loads now gives a graph that passes SHACL."""
    from beleidsgraaf.graph.writer import extraction_graph
    from beleidsgraaf.ontology.validate import validate_graph

    path = tmp_path / "curation.yaml"
    path.write_text(
        "merge:\n  - into: Vakkracht Noord\n    names: [Vakkracht]\nrename:\n  TU Delft: TNO\n",
        encoding="utf-8",
    )
    curation = load_curation(path)
    for extraction in sample_extractions():
        report = validate_graph(extraction_graph(apply_curation(extraction, curation)))
        assert report.conforms, report.text


# -- 23: settings and options --------------------------------------------------------------------


def _one_line(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, args, env=env, terminal_width=300)
    assert result.exit_code in (1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "internal error" not in result.output
    [line] = [x for x in result.output.splitlines() if x.startswith("beleidsgraaf: error:")]
    return line


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ("query_timeout = nan", "'query_timeout'"),
        ("query_timeout = inf", "'query_timeout'"),
        ("query_timeout = -1", "'query_timeout'"),
        ("endpoint_timeout = 1e308", "'endpoint_timeout'"),
        ('store = "a\\u0000b"', "NUL"),
        ('store = ""', "empty"),
        ("workers = 0", "'workers'"),
        ("workers = true", "'workers'"),
        ('model = "nl\\u0000"', "NUL"),
    ],
)
def test_a_bad_config_value_is_one_line(tmp_path: Path, toml: str, fragment: str) -> None:
    config = tmp_path / "beleidsgraaf.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    line = _one_line(["--config", str(config), "query", "--list"], tmp_path)
    assert str(config) in line and fragment in line


def test_options_and_environment_are_checked_like_the_file(tmp_path: Path) -> None:
    store = tmp_path / "store"
    line = _one_line(["query", "--list"], tmp_path, env={"BELEIDSGRAAF_QUERY_TIMEOUT": "nan"})
    assert "environment" in line and "'query_timeout'" in line
    for value in ("nan", "inf", "0", "-5"):
        args = ["--store", str(store), "query", "organisations-in-programme", "--timeout", value]
        assert "'query_timeout'" in _one_line(args, tmp_path)
    assert "'workers'" in _one_line(["build", "--workers", "0", str(tmp_path)], tmp_path)


def test_config_pointing_at_a_folder_is_one_line(tmp_path: Path) -> None:
    line = _one_line(["--config", str(tmp_path), "query", "--list"], tmp_path)
    assert str(tmp_path) in line and "is a folder" in line


def test_a_port_out_of_range_is_one_line(tmp_path: Path) -> None:
    for port in ("99999", "-1"):
        line = _one_line(["--store", str(tmp_path / "s"), "serve", "--port", port], tmp_path)
        assert f"--port {port}" in line and "65535" in line


def test_a_param_value_with_an_undecodable_byte_is_one_line(tmp_path: Path) -> None:
    args = ["--store", str(tmp_path / "s"), "query", "organisations-in-programme"]
    line = _one_line([*args, "--param", "programme=caf\udce9"], tmp_path)  # argv's b'caf\xe9'
    assert "programme=caf\\xe9" in line and "not UTF-8" in line


# -- 24: contents that look like something else --------------------------------------------------


def test_a_text_that_starts_with_a_pdf_signature_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notitie.txt"
    path.write_text(
        "%PDF-1.4 is de versie die het archief vraagt.\n\nDe TU Delft werkt samen met TNO.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.info.format == "txt"
    assert doc.blocks[-1].text == "De TU Delft werkt samen met TNO."


def test_a_real_pdf_named_txt_is_still_read_as_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "De TU Delft werkt samen met TNO.")
    path = tmp_path / "vermomd.txt"
    path.write_bytes(bytes(pdf.output()))
    assert read_document(path).info.format == "pdf"


@pytest.mark.parametrize(
    ("issued", "expected"),
    [("2020-05-01", "2020-05-01"), ("2020", "2020"), ('"mei 2020"', "mei 2020")],
)
def test_a_sidecar_date_may_be_unquoted(tmp_path: Path, issued: str, expected: str) -> None:
    path = tmp_path / "nota.txt"
    path.write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
    (tmp_path / "nota.txt.meta.yaml").write_text(
        f"title: Nota\nissued: {issued}\n", encoding="utf-8"
    )
    assert read_document(path).info.issued == expected


# -- files users name that are no files ----------------------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "args",
    [
        ["--config", "{fifo}", "query", "--list"],
        ["--config", "/dev/zero", "query", "--list"],
        ["--store", "{tmp}/s", "query", "--file", "{fifo}"],
        ["--store", "{tmp}/s", "validate", "{fifo}.trig"],
        ["--store", "{tmp}/s", "build", "{tmp}/docs", "--curator", "{fifo}"],
    ],
    ids=["config", "config-device", "query-file", "validate-file", "curator"],
)
def test_a_fifo_or_device_named_as_a_file_is_refused_at_once(
    tmp_path: Path, args: list[str]
) -> None:
    """Old: the read blocked forever on a FIFO (found by ``test_cli_fuzz``)."""
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    os.mkfifo(tmp_path / "pijp.trig")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "nota.txt").write_text("De TU Delft.\n", encoding="utf-8")
    argv = [a.format(fifo=fifo, tmp=tmp_path) for a in args]
    line = _one_line(argv, tmp_path)
    assert "not a regular file" in line


@pytest.mark.timeout(120)
def test_a_fifo_sidecar_fails_its_document_only(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
    (docs / "b.txt").write_text("De TU Eindhoven werkt samen met TNO.\n", encoding="utf-8")
    os.mkfifo(docs / "a.txt.meta.yaml")
    report = build([docs], Settings(store=tmp_path / "s"))
    assert report.stored == ["b.txt"]
    [error] = report.failed
    assert error.path.endswith("a.txt.meta.yaml") and "not a regular file" in error.reason
