"""No traceback reaches a user: property-based tests over every CLI argument and every input-file
shape (issue 21, 'beyond these examples').

The commands and their options are read from the CLI itself (click's view of the Typer app), so
an option added later is fuzzed too. Each example runs the real command in-process (Typer's
``CliRunner``) on real files: a store built from the sample extractions, folders of documents
whose names and contents hypothesis draws (text in any encoding and with any characters, PDF
signatures, broken and hostile DOCX and HTML, YAML sidecars and curator files, TOML configs).
What must hold for every example: the command ends with exit code 0-3 and no exception escapes
(no traceback, and no 'internal error' line, which the CLI prints for a bug instead of a
traceback); a build ends with its summary, and its exit code says whether something failed.
Files outside the test's folder are never written (a symbolic link among the outputs points at
one). The examples per test default to 60 (about a minute on the CI machine);
``BELEIDSGRAAF_FUZZ_EXAMPLES=300`` searches longer.

Nothing reaches the network: endpoint options get only unreachable loopback URLs and junk, and
``serve`` is always given an address it cannot bind (TEST-NET-3), so it fails after checking
all its options instead of serving forever. Commands that would otherwise read the whole demo
corpus (``run``, ``extract``, ``evaluate`` without paths) are always given paths.
"""

from __future__ import annotations

import io
import itertools
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.cli.app import INTERNAL_ERROR
from beleidsgraaf.graph.store import Store
from beleidsgraaf.queries.sample import sample_extractions

COMMANDS = {name: cmd for name, cmd in typer.main.get_command(app).commands.items()}  # type: ignore[attr-defined]
GLOBAL = typer.main.get_command(app).params
FUZZ = settings(
    max_examples=int(os.environ.get("BELEIDSGRAAF_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = [
    "",
    " ",
    "-",
    "--",
    "nan",
    "inf",
    "-1",
    "0",
    "99999999999999999999",
    "1e308",
    "caf\udce9",  # a byte that is not UTF-8, as Python hands it over from argv
    "a\x1bb",
    "line\nbreak",
    "\u202etxt.exe",
    "\"'}{<>)(",
    "../../../../etc/passwd",
    "x" * 5000,
    "Techniekpact",
    "Vakkracht",
    "SELECT * WHERE { ?s ?p ?o }",
    "ASK { FILTER(" + "(" * 200 + "1" + ")" * 200 + ") }",
]
URLS = ["http://127.0.0.1:9/sparql", "http://[::1]:9/", "ftp://127.0.0.1:9/", "file:///etc/passwd"]
UNBINDABLE = "203.0.113.7"  # TEST-NET-3: no machine has it, so serve cannot bind and stops


class World:
    """The files a fuzzed command may be pointed at, made once per test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = root / "store"
        with Store(self.store) as store:
            for extraction in sample_extractions():
                store.write_extraction(extraction)
        self.scratch = root / "scratch-store"
        docs = root / "docs"
        docs.mkdir()
        (docs / "nota.txt").write_text("De TU Delft werkt samen met TNO.\n", encoding="utf-8")
        (docs / "NOTA2.TXT").write_bytes(
            "Één notitie van de Hogeschool Utrecht.\n".encode("cp1252")
        )
        (docs / "leeg.txt").write_bytes(b"")
        (docs / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
        (docs / "rommel.docx").write_bytes(b"PK\x03\x04 rommel")
        (docs / "pagina.html").write_text("<p>De TU Eindhoven.</p>", encoding="utf-8")
        empty = root / "leeg"
        empty.mkdir()
        fifo = root / "fifo"
        os.mkfifo(fifo)
        loop = root / "lus"
        loop.symlink_to(loop)
        bad_toml = root / "slecht.toml"
        bad_toml.write_text("store = [\n", encoding="utf-8")
        nan_toml = root / "nan.toml"
        nan_toml.write_text("query_timeout = nan\nworkers = 0\n", encoding="utf-8")
        curator = root / "curation.yaml"
        curator.write_text("rename:\n  TNO: ''\n", encoding="utf-8")
        good_curator = root / "goed.yaml"
        good_curator.write_text("reject: [Bron]\n", encoding="utf-8")
        rq = root / "vraag.rq"
        rq.write_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", encoding="utf-8")
        bad_rq = root / "kapot.rq"
        bad_rq.write_text("SELECT ?s WHERE {", encoding="utf-8")
        trig = root / "graph.trig"
        trig.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
        gold = root / "gold"
        gold.mkdir()
        (gold / "nota.json").write_text('{"entities": [1, 2', encoding="utf-8")
        self.paths = [
            docs,
            docs / "nota.txt",
            docs / "kapot.pdf",
            empty,
            fifo,
            loop,
            root / "bestaat-niet.txt",
            bad_toml,
            curator,
            good_curator,
            rq,
            bad_rq,
            trig,
            gold,
            Path("/dev/null"),
            root / "uit",
            root / "uit" / "kaart.html",
        ]
        self.outside = root / "elders.txt"
        self.outside.write_text("niet overschrijven\n", encoding="utf-8")
        (root / "uit").mkdir()
        (root / "uit" / "map.html").symlink_to(self.outside)

    def values(self, name: str) -> st.SearchStrategy[str]:
        """Values for the option or argument called ``name``."""
        paths = st.sampled_from([str(p) for p in self.paths])
        hostile = st.sampled_from(HOSTILE)
        fitting = {
            "store": st.sampled_from([str(self.store), str(self.scratch), str(self.root / "docs")]),
            "config": st.sampled_from(
                [str(self.root / "slecht.toml"), str(self.root / "nan.toml"), str(self.root)]
            ),
            "endpoint": st.sampled_from(URLS),
            "update_url": st.sampled_from(URLS),
            "graph_store": st.sampled_from(URLS),
            "host": st.just(UNBINDABLE),
            "port": st.sampled_from(["0", "-1", "65536", "99999", "80", "abc"]),
            "fmt": st.sampled_from(
                ["json", "csv", "tsv", "html", "turtle", "trig", "gexf", "summary", "xlsx"]
            ),
            "param": st.sampled_from(
                ["programme=Vakkracht", "programme=caf\udce9", "=x", "x", 'programme="} ;']
            ),
            "name": st.sampled_from(["organisations-in-programme", "actors", "nope"]),
            "names": st.sampled_from(["noord-plan-2021.txt", "caf\udce9.txt", "a\x1bb.txt"]),
            "by": st.sampled_from(["landsdeel", "goal", "document", "planeet"]),
        }
        chosen = fitting.get(name)
        return (
            st.one_of(chosen, paths, hostile) if chosen is not None else st.one_of(paths, hostile)
        )


@st.composite
def invocation(draw: st.DrawFn, world: World) -> list[str]:
    """A command line: global options, a command, and any of its options and arguments."""
    argv: list[str] = []
    for param in GLOBAL:
        if param.name in ("version", "debug") or not draw(st.booleans()):
            continue
        argv += [param.opts[0], draw(world.values(param.name or ""))]
    name = draw(st.sampled_from(sorted(COMMANDS)))
    argv.append(name)
    positional: list[str] = []
    for param in COMMANDS[name].params:
        if not draw(st.booleans()):
            continue
        if isinstance(param, typer.core.TyperArgument):  # type: ignore[attr-defined]
            count = 1 if param.nargs == 1 else draw(st.integers(1, 3))
            positional += [draw(world.values(param.name or "")) for _ in range(count)]
        elif getattr(param, "is_flag", False):
            argv.append(param.opts[0])
        else:
            argv += [param.opts[0], draw(world.values(param.name or ""))]
    if name in ("run", "extract", "evaluate") and not positional:
        positional = [str(world.root / "docs" / "nota.txt")]  # never the whole demo corpus
    if name == "serve":
        argv += ["--host", UNBINDABLE]  # the last --host wins: it can never serve
    if name in ("build", "run", "remove") and "--store" not in argv:
        argv[:0] = ["--store", str(world.scratch)]  # writes go to the scratch store
    return [*argv, "--", *positional] if positional else argv


def check_clean(argv: list[str], result: object) -> None:
    exception = result.exception  # type: ignore[attr-defined]
    output: str = result.output  # type: ignore[attr-defined]
    code: int = result.exit_code  # type: ignore[attr-defined]
    assert exception is None or isinstance(exception, SystemExit), (argv, repr(exception))
    assert "Traceback" not in output, (argv, output)
    assert code != INTERNAL_ERROR and "internal error" not in output, (argv, output)
    assert code in (0, 1, 2, 3), (argv, code, output)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.chdir(tmp_path)  # no beleidsgraaf.toml of the developer's
    for key in list(os.environ):
        if key.startswith("BELEIDSGRAAF_"):
            monkeypatch.delenv(key)
    yield World(tmp_path)


@FUZZ
@given(data=st.data())
def test_no_command_line_gives_a_traceback(world: World, data: st.DataObject) -> None:
    argv = data.draw(invocation(world))
    result = CliRunner().invoke(app, argv, terminal_width=200)
    check_clean(argv, result)
    assert world.outside.read_text(encoding="utf-8") == "niet overschrijven\n"


def test_the_fuzz_reaches_every_command_and_option(world: World) -> None:
    """Every command and option can be drawn (a guard against the strategy rotting)."""
    for name, command in COMMANDS.items():
        for param in command.params:
            assert param.name, (name, param)
            assert isinstance(world.values(param.name), st.SearchStrategy)
    assert {"build", "query", "serve", "run", "map", "export", "validate"} <= set(COMMANDS)


# -- input files -----------------------------------------------------------------------------------

SUFFIXES = [".txt", ".TXT", ".pdf", ".docx", ".html", ".xhtml", ".Htm"]
SENTENCE = "De Hogeschool Rotterdam werkt samen met TechNet en de TU Delft."


def _docx(body_xml: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(SENTENCE)
    template = io.BytesIO()
    document.save(template)
    source = zipfile.ZipFile(io.BytesIO(template.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                at = xml.index("<w:body>") + len("<w:body>")
                data = (xml[:at] + body_xml + xml[at:]).encode("utf-8", "surrogateescape")
            archive.writestr(info.filename, data)
    return out.getvalue()


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, SENTENCE)
    return bytes(pdf.output())


TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
ENCODING = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])
TAGS = ["p", "span", "b", "div", "li", "ul", "table", "tr", "td", "h1", "h7", "script", "svg"]


@st.composite
def html(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(["open", "close", "text"]))
        parts.append(f"<{tag}>" if kind == "open" else f"</{tag}>" if kind == "close" else "")
        parts.append(draw(TEXT))
    return ("<html><body>" + "".join(parts) + SENTENCE).encode("utf-8", "surrogatepass")


@st.composite
def contents(draw: st.DrawFn, suffix: str) -> bytes:
    shapes: list[st.SearchStrategy[bytes]] = [
        st.binary(max_size=2000),
        st.tuples(TEXT, ENCODING).map(lambda t: (t[0] + SENTENCE).encode(t[1], "ignore")),
        st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
        st.integers(0, 3000).map(lambda n: _PDF[:n]),
        st.tuples(st.integers(0, len(_PDF) - 1), st.integers(0, 255)).map(
            lambda t: _PDF[: t[0]] + bytes([t[1]]) + _PDF[t[0] + 1 :]
        ),
        html(),
        TEXT.map(lambda t: _docx(f"<w:p><w:r><w:t>{_xml_text(t)}</w:t></w:r></w:p>")),
        st.sampled_from(["<w:p>", "<w:p/>" * 1000, "&lt;", "<x:y/>", "]]>"]).map(_docx),
        st.integers(0, 20000).map(lambda n: _DOCX[:n]),
        TEXT.map(lambda t: ("\n".join([t] * 3) + "\n\n" + SENTENCE).encode("utf-8", "replace")),
    ]
    return draw(st.one_of(shapes))


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PDF = _pdf()
_DOCX = _docx("")

YAML = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "issued: 2020-05-01\ntitle: Nota",
            "issued: [1, 2]",
            "title: &a [*a]",
            "a: &a {b: 1}\nc: {<<: [*a, *a]}",
            "- 1\n- 2",
            "issued: 2020-13-45",
            "title: !!python/object/apply:os.system ['echo pwned']",
        ]
    ),
)
NAME = st.one_of(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=10
    ),
    st.binary(min_size=1, max_size=8)
    .filter(lambda b: b"/" not in b and b"\x00" not in b)
    .map(os.fsdecode),
).filter(lambda n: n not in (".", ".."))


@st.composite
def folder(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    files = []
    for _ in range(draw(st.integers(1, 4))):
        suffix = draw(st.sampled_from(SUFFIXES))
        name = draw(NAME) + suffix
        files.append((name, draw(contents(suffix))))
        if draw(st.booleans()):
            files.append((name + ".meta.yaml", draw(YAML).encode("utf-8", "surrogateescape")))
    if draw(st.booleans()):
        files.append(("metadata.yaml", draw(YAML).encode("utf-8", "surrogateescape")))
    return files


_counter = itertools.count()


@FUZZ
@given(files=folder(), curator=st.one_of(st.none(), YAML))
def test_no_folder_of_documents_gives_a_traceback(
    world: World, files: list[tuple[str, bytes]], curator: str | None
) -> None:
    docs = world.root / f"fuzz-{next(_counter)}"
    docs.mkdir()
    for name, data in files:
        try:
            (docs / name).write_bytes(data)
        except OSError:  # a name the file system refuses (too long)
            continue
    argv = ["--store", str(world.scratch), "build", str(docs)]
    if curator is not None:
        (docs / "curation.yml").write_text(curator, encoding="utf-8", errors="surrogateescape")
        argv += ["--curator", str(docs / "curation.yml")]
    result = CliRunner().invoke(app, argv, terminal_width=200)
    check_clean(argv, result)
    if result.exit_code in (0, 3):
        assert "Documents:" in result.output
        failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
        assert (result.exit_code == 3) == bool(failed), result.output
    shutil.rmtree(docs)
