"""Unusable reports get a clear error naming the file and the reason; nothing is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from typer.testing import CliRunner

from peacegraph.cli.main import app
from peacegraph.seed.extract.reading import ReportError, read_report


def blank_pdf(path: Path, password: str | None = None) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(user_password=password, owner_password=password + "-owner")
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    for page_lines in (lines[:2], lines[2:]):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        for line in page_lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n \t\n", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Côte d'Ivoire\n".encode("latin-1"), "not UTF-8"),
    ("empty.pdf", b"", "empty"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "not a readable PDF"),
])
def test_bad_text_input_names_file_and_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert name in str(err.value)
    assert reason in str(err.value)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReportError, match=r"scan\.pdf: the PDF has no text layer"):
        read_report(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "locked.pdf", password="secret")
    with pytest.raises(ReportError, match=r"locked\.pdf: the PDF is encrypted"):
        read_report(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="cannot read the file"):
        read_report(tmp_path / "nope.txt")


def test_pdf_with_text_layer_reads_with_pages(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "report.pdf", ["The African Union Mission", "in Somalia (AMISOM) was",
                                              "funded by the EU.", "Second page line."])
    raw = read_report(path)
    assert raw.kind == "pdf"
    assert "AMISOM" in raw.text
    assert raw.locator(raw.text.index("funded")) == "page 2, line 1"


def test_cli_writes_nothing_for_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The United Nations Mission in South Sudan (UNMISS).", encoding="utf-8")
    bad = blank_pdf(tmp_path / "scan.pdf")
    out = tmp_path / "bundle.yaml"
    result = CliRunner().invoke(app, ["seed", "extract", str(good), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "scan.pdf" in result.output and "no text layer" in result.output
    assert not out.exists()
    assert list(tmp_path.glob(".extract-*")) == []
