"""Readers for every format, on real files written by the tests (fpdf2, python-docx, HTML)."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import pytest

from beleidsgraaf.errors import DocumentError
from beleidsgraaf.ingest.readers import detect_format, iter_source_chunks, read_document
from beleidsgraaf.ingest.structure import CELL_SEPARATOR

PARAGRAPH = (
    "Het Techniekpact werkt samen met de provincie Noord-Holland en met vele partijen in de "
    "regio om meer jongeren te laten kiezen voor een opleiding in de techniek en om de "
    "samenwerking tussen onderwijs en bedrijfsleven te versterken."
)


def write_pdf(path: Path, pages: int = 3) -> Path:
    """A real PDF: running header and page number on every page, text wrapped by fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.cell(0, 8, "ACME ONDERZOEKSBUREAU", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, f"Evaluatie regionaal beleid - blad {n}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=12)
        if n == 1:
            pdf.cell(0, 10, "1 Inleiding", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(100, 6, f"{PARAGRAPH} Pagina {n} eindigt hier.")
        pdf.cell(0, 6, "", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, "- Techniek-", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, "  pact Zeeland", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.set_font("Helvetica", size=9)
        pdf.cell(0, 8, str(n), align="C")
    pdf.output(str(path))
    return path


def test_pdf_pages_are_kept_and_furniture_removed(tmp_path: Path) -> None:
    doc = read_document(write_pdf(tmp_path / "rapport.pdf"))
    assert doc.info.format == "pdf" and doc.info.pages == 3
    text = "\n".join(b.text for b in doc.blocks)
    assert "ACME ONDERZOEKSBUREAU" not in text and "Evaluatie regionaal beleid" not in text
    paragraphs = [b for b in doc.blocks if b.text.startswith("Het Techniekpact werkt")]
    assert [b.page for b in paragraphs] == [1, 2, 3]
    assert paragraphs[0].text == f"{PARAGRAPH} Pagina 1 eindigt hier."
    assert paragraphs[0].section == ("1 Inleiding",)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["Techniekpact Zeeland"] * 3
    for block in doc.blocks:
        start = block.offsets.to_original(0)
        assert doc.original[start] == block.text[0]


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Regionaal plan"
    document.add_heading("Regionaal plan", level=0)
    document.add_heading("1 Aanpak", level=1)
    document.add_paragraph(PARAGRAPH)
    document.add_heading("1.1 Partners", level=2)
    document.add_paragraph("Universiteit Twente", style="List Bullet")
    document.add_paragraph("Provincie Overijssel", style="List Bullet")
    document.add_paragraph("Tabel 1.1 Landsdelen en provincies")
    table = document.add_table(rows=2, cols=2)
    rows = [("Landsdeel", "Provincies"), ("Oost", "Gelderland")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Slotzin na de tabel.")
    document.save(str(path))
    return path


def test_docx_styles_give_headings_lists_and_tables(tmp_path: Path) -> None:
    doc = read_document(write_docx(tmp_path / "plan.docx"))
    assert doc.info.format == "docx" and doc.info.title == "Regionaal plan"
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "1 Aanpak") in kinds
    assert ("list_item", "Universiteit Twente") in kinds
    bullet = next(b for b in doc.blocks if b.text == "Provincie Overijssel")
    assert bullet.section == ("Regionaal plan", "1 Aanpak", "1.1 Partners")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Landsdeel", "Provincies"), ("Oost", "Gelderland")]
    assert rows[1].context["table"] == "Tabel 1.1 Landsdelen en provincies"
    for block in doc.blocks:
        start = block.offsets.to_original(0)
        end = block.offsets.to_original(len(block.text) - 1) + 1
        words = block.text.replace(CELL_SEPARATOR, " ").split()
        assert doc.original[start:end].split() == words


def test_html_drops_scripts_and_reads_structure(tmp_path: Path) -> None:
    page = tmp_path / "pagina.html"
    page.write_text(
        """<!doctype html><html><head><title>Techniek in de regio</title>
        <style>p { color: red }</style><script>alert('x')</script></head>
        <body><h1>Techniek in de regio</h1><h2>Partners</h2>
        <p>De <b>Hogeschool</b> werkt
        samen met de gemeente.</p><script>document.write('geheim')</script>
        <ul><li>Jet-Net</li><li>TechYourFuture</li></ul>
        <div class="kader">Losse tekst in een <em>div</em> telt ook.<!-- geen tekst --></div>
        <table><tr><th>Landsdeel</th><th>Provincies</th></tr>
        <tr><td>Noord</td><td>Drenthe, Friesland</td></tr></table></body></html>""",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert doc.info.format == "html" and doc.info.title == "Techniek in de regio"
    text = " ".join(b.text for b in doc.blocks)
    assert "alert" not in text and "geheim" not in text and "color" not in text
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "De Hogeschool werkt samen met de gemeente.") in kinds
    assert ("list_item", "TechYourFuture") in kinds
    assert ("paragraph", "Losse tekst in een div telt ook.") in kinds
    assert "geen tekst" not in text
    para = next(b for b in doc.blocks if b.kind == "paragraph")
    assert para.section == ("Techniek in de regio", "Partners")
    assert [b.cells for b in doc.blocks if b.kind == "table_row"][1] == (
        "Noord",
        "Drenthe, Friesland",
    )


DUTCH = "Coördinatie van één bètaprogramma in Zeeland – café ‘Techniek’ kost € 5.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = DUTCH * 20
    if encoding == "latin-1":
        text = text.replace("–", "-").replace("‘", "'").replace("’", "'").replace("€", "EUR")
    path = tmp_path / f"tekst-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.original.lstrip("\ufeff") == text
    assert doc.blocks[0].text.startswith(text.split("\n")[0])


def test_format_is_taken_from_the_content(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "echt.pdf", pages=1)
    disguised = tmp_path / "eigenlijk-pdf.txt"
    disguised.write_bytes(pdf.read_bytes())
    assert read_document(disguised).info.format == "pdf"
    assert detect_format(Path("x.bin"), b"<!DOCTYPE html><html>") == "html"
    assert detect_format(Path("x.txt"), b"gewoon tekst") == "txt"


def test_bundled_corpus_metadata_and_sidecars(tmp_path: Path) -> None:
    with as_file(files("beleidsgraaf.ingest.corpus") / "techniekpact-evaluatie-2020.txt") as p:
        info = read_document(p).info
        copy = tmp_path / "kopie.txt"
        copy.write_bytes(p.read_bytes())
    assert (info.title, info.issued) == ("Evaluatie en advies Techniekpact", "2020")
    assert info.publisher is not None and info.publisher.startswith("SEO Economisch Onderzoek")
    assert read_document(copy).info.issued == "2020"  # matched by content, not by place

    own = tmp_path / "notitie.txt"
    own.write_text("Een korte notitie over techniek in de regio.\n", encoding="utf-8")
    assert read_document(own).info.title is None
    (tmp_path / "notitie.txt.meta.yaml").write_text(
        "title: Notitie\npublisher: Gemeente\nissued: 2024\n", encoding="utf-8"
    )
    info = read_document(own).info
    assert (info.title, info.publisher, info.issued) == ("Notitie", "Gemeente", "2024")
    (tmp_path / "notitie.txt.meta.yaml").write_text("title: [kapot\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"notitie\.txt\.meta\.yaml: metadata is not valid"):
        read_document(own)
    (tmp_path / "notitie.txt.meta.yaml").unlink()
    (tmp_path / "metadata.yaml").write_text(
        "notitie.txt:\n  title: Uit de map\nander.txt:\n  title: Iets anders\n", encoding="utf-8"
    )
    assert read_document(own).info.title == "Uit de map"
    (tmp_path / "metadata.yaml").write_text("- een lijst van een ander programma\n")
    assert read_document(own).info.title is None


def test_huge_text_is_read_in_chunks_with_whole_document_offsets(tmp_path: Path) -> None:
    paragraph = "Het Tech-\nniekpact werkt in Noord-\nHolland samen met partijen.\n\n"
    path = tmp_path / "groot.txt"
    path.write_text(paragraph * 5000, encoding="cp1252")
    whole = path.read_text(encoding="cp1252")
    chunks = list(iter_source_chunks(path, max_chars=50_000))
    assert len(chunks) > 5
    hashes = {doc.info.content_hash for _, doc in chunks}
    assert len(hashes) == 1
    count = 0
    for offset, doc in chunks:
        assert whole[offset : offset + len(doc.original)] == doc.original
        for block in doc.blocks:
            assert block.text == "Het Techniekpact werkt in Noord-Holland samen met partijen."
            start = offset + block.offsets.to_original(0)
            assert whole[start : start + 3] == "Het"
            count += 1
    assert count == 5000


def test_pdf_is_read_in_chunks_of_pages(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "jaarverslag.pdf", pages=25)
    whole = read_document(path)
    chunks = list(iter_source_chunks(path, max_chars=700))
    assert len(chunks) == 3  # at least ten pages a chunk
    pages = []
    for offset, doc in chunks:
        assert whole.original[offset : offset + len(doc.original)] == doc.original
        assert doc.info.content_hash == whole.info.content_hash
        for block in doc.blocks:
            start = offset + block.offsets.to_original(0)
            assert whole.original[start] == block.text[0]
            if block.text.startswith("Het Techniekpact werkt"):
                pages.append(block.page)
    assert pages == list(range(1, 26))
    assert "ACME ONDERZOEKSBUREAU" not in " ".join(b.text for _, d in chunks for b in d.blocks)
