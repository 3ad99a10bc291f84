"""Bad files: each becomes one clear DocumentError (or, for odd encodings, is read correctly).

Every file is generated here: real PDFs with fpdf2 and pypdf (encrypted, truncated, scanned),
real and fake DOCX files, text in legacy encodings, NUL bytes, a 100 MB text file, symlink loops.
"""

from __future__ import annotations

import io
import logging
import os
import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.document import SourceDocument
from beleidsgraaf.ingest.readers import iter_source_chunks, read_document

TEXT = "De Hogeschool Zeeland werkt samen met het Techniekpact in de regio.\n"


def text_pdf(pages: int = 2) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, f"{TEXT} Pagina {n + 1}.")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page with only an image on it, as a scanner produces."""
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("L", (200, 100), color=255)
    for x in range(20, 180):
        image.putpixel((x, 50), 0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=150)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="geheim", owner_password="nog-geheimer", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def junk_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("rommel.bin", os.urandom(2000))
        archive.writestr("[Content_Types].xml", "<niet-echt/>")
    return out.getvalue()


def reason(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    error = caught.value
    line = str(error)
    assert "\n" not in line, line
    assert str(path) in line and error.path == str(path)
    return error.reason


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leeg.txt", b"", "empty file"),
        ("alleen-witruimte.txt", b"  \n\n\t \n", "empty file"),
        ("leeg.pdf", b"", "empty file"),
        ("kapot.pdf", text_pdf()[:400], "not a valid PDF"),
        ("half.pdf", text_pdf()[: len(text_pdf()) // 2], "not a valid PDF"),
        ("versleuteld.pdf", encrypted_pdf(), "encrypted PDF"),
        ("gescand.pdf", scanned_pdf(), "scanned PDF with no text layer"),
        ("binair.txt", bytes(range(256)) * 40, "not a text file (binary content"),
        ("willekeurig.txt", os.urandom(5000), "not a text file (binary content"),
        ("rommel.docx", b"PK\x03\x04 not really a zip", "not a valid .docx"),
        ("zip-vol-rommel.docx", junk_docx(), "not a valid .docx (no Word document"),
        ("leeg.html", b"<html><body><script>x()</script></body></html>", "empty HTML page"),
    ],
)
def test_bad_file_gives_one_line_reason(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert reason(path).startswith(expected)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leeg.txt", b"", "empty file"),
        ("leeg.pdf", b"", "empty file"),
        ("versleuteld.pdf", encrypted_pdf(), "encrypted PDF"),
        ("half.pdf", text_pdf()[: len(text_pdf()) // 2], "not a valid PDF"),
        ("gescand.pdf", scanned_pdf(), "scanned PDF with no text layer"),
        ("binair.txt", bytes(range(256)) * 40, "not a text file (binary content"),
        ("zip-vol-rommel.docx", junk_docx(), "not a valid .docx"),
    ],
)
def test_bad_file_read_in_chunks_gives_the_same_reason(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        list(iter_source_chunks(path))
    assert caught.value.reason.startswith(expected)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_a_good_pdf_next_to_the_bad_ones_is_read(tmp_path: Path) -> None:
    path = tmp_path / "goed.pdf"
    path.write_bytes(text_pdf())
    doc = read_document(path)
    assert doc.info.pages == 2 and "Hogeschool Zeeland" in doc.blocks[0].text


DUTCH = "Coördinatie van één bètaprogramma in Zeeland; café ‘Techniek’ – België € 5.\n"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8"])
def test_legacy_and_wide_encodings_are_read_correctly(tmp_path: Path, encoding: str) -> None:
    text = DUTCH * 30
    if encoding == "latin-1":
        text = text.replace("‘", "'").replace("’", "'").replace("–", "-").replace("€", "EUR")
    path = tmp_path / f"nota-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.original.lstrip("\ufeff") == text
    assert "Coördinatie van één bètaprogramma" in doc.blocks[0].text


def test_encoding_that_shows_only_late_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "laat.txt"
    text = "Alleen ASCII aan het begin.\n" * 20_000 + "Daarna coördinatie in België.\n"
    path.write_bytes(text.encode("cp1252"))
    assert read_document(path).original == text


def test_nul_bytes_are_removed_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "met-nul.txt"
    path.write_bytes(TEXT.encode().replace(b"Zeeland", b"Zee\x00land") * 5)
    with caplog.at_level(logging.WARNING):
        doc = read_document(path)
    assert "\x00" not in doc.original
    assert doc.blocks[0].text.startswith("De Hogeschool Zeeland werkt")
    assert any("NUL" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


def test_name_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    good = tmp_path / "Beleidsnota Zeeuwse café – één.txt"
    good.write_text(TEXT, encoding="utf-8")
    assert read_document(good).info.file_name == "Beleidsnota Zeeuwse café – één.txt"
    bad = tmp_path / "Kapotte notitie ü.pdf"
    bad.write_bytes(b"%PDF-1.4 stuk")
    assert reason(bad).startswith("not a valid PDF")


def test_directory_missing_file_symlink_loop_and_device(tmp_path: Path) -> None:
    assert reason(tmp_path) == "is a directory, not a document"
    assert reason(tmp_path / "bestaat-niet.txt") == "file not found"
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert reason(tmp_path / "a.txt") == "symbolic link loop"
    (tmp_path / "wees.txt").symlink_to(tmp_path / "weg.txt")
    assert reason(tmp_path / "wees.txt") == "file not found"
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    assert reason(fifo).startswith("not a regular file")
    assert reason(Path("/dev/zero")).startswith("not a regular file")


def test_a_file_that_fails_while_reading() -> None:
    # /proc/self/mem is a regular file whose read fails (EIO), even for root.
    assert reason(Path("/proc/self/mem")).startswith("cannot read file")


def test_directory_with_unreadable_files(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    folder = tmp_path / "map"
    folder.mkdir()
    locked = folder / "geheim.txt"
    locked.write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        assert reason(locked) == "permission denied"
    finally:
        locked.chmod(0o644)


@pytest.fixture(scope="module")
def huge_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 100 MB text file (written once, in 1 MB pieces)."""
    path = tmp_path_factory.mktemp("groot") / "jaarverslag-100mb.txt"
    paragraph = (TEXT * 6 + "\n").encode("cp1252")
    piece = paragraph * (1024 * 1024 // len(paragraph))
    with path.open("wb") as handle:
        while handle.tell() < 100 * 1024 * 1024:
            handle.write(piece)
    return path


def test_huge_text_is_refused_whole_with_a_pointer_to_chunks(huge_text: Path) -> None:
    assert re.match(r"too large to read in one go \(\d+ MB > \d+ MB\)", reason(huge_text))


def test_huge_text_streams_in_chunks_without_holding_it(huge_text: Path) -> None:
    size = huge_text.stat().st_size
    tracemalloc.start()
    try:
        chunks = iter_source_chunks(huge_text, max_chars=1_000_000)
        next_offset = 0
        for seen, (offset, doc) in enumerate(chunks, start=1):
            assert doc.blocks[0].text.startswith("De Hogeschool Zeeland")
            assert doc.info.content_hash and doc.info.file_name == huge_text.name
            if seen == 3:
                next_offset = offset + len(doc.original)
                break
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert next_offset >= 2_500_000
    # Three 1 MB chunks of a 100 MB file: memory stays far below one copy of the file.
    assert peak < size / 3, peak


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b),
        st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
        st.text(max_size=500).map(lambda t: f"<html><p>{t}</p>".encode()),
    ),
    suffix=st.sampled_from([".txt", ".pdf", ".docx", ".html", ".bin", ""]),
)
def test_random_bytes_give_a_document_or_a_document_error(
    tmp_path: Path, content: bytes, suffix: str
) -> None:
    path = tmp_path / f"willekeurig{suffix}"
    path.write_bytes(content)
    try:
        doc = read_document(path)
    except DocumentError as error:
        assert "\n" not in str(error) and str(path) in str(error)
    else:
        assert isinstance(doc, SourceDocument)
        for block in doc.blocks:
            assert block.text and 0 <= block.offsets.to_original(0) < len(doc.original)
