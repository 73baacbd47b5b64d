"""Read a report (plain text, Markdown or PDF) into raw text plus a map from offsets to lines and pages.

Bad input (empty, binary, non-UTF-8, unreadable, encrypted or text-less PDF) raises `ReportError`, which names
the file and says why, so the caller can stop before writing anything.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


class ReportError(Exception):
    """A report that cannot be read: the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class RawReport:
    """The text of a report as read, with the line starts and (for PDFs) the page of each line."""

    path: Path
    text: str
    kind: str  # "text", "markdown" or "pdf"
    line_starts: list[int] = field(default_factory=list)
    page_first_line: list[int] = field(default_factory=list)  # 0-based index of each page's first line

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.line_starts = starts

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    def line_text(self, index: int) -> str:
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    def position(self, offset: int) -> tuple[int, int | None]:
        """(line, page) for an offset: 1-based; for a PDF the line counts from the top of its page."""
        index = self.line_index(offset)
        if not self.page_first_line:
            return index + 1, None
        page = bisect.bisect_right(self.page_first_line, index) - 1
        return index - self.page_first_line[page] + 1, page + 1

    def locator(self, offset: int) -> str:
        line, page = self.position(offset)
        return f"line {line}" if page is None else f"page {page}, line {line}"


def read_report(path: Path) -> RawReport:
    """Read a report file; raise ReportError naming the file and the reason when it has no usable text."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReportError(path, "is a folder, not a report file") from None
    except OSError as exc:
        raise ReportError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if not data.strip():
        raise ReportError(path, "the file is empty: there is no text to extract from")
    if data.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        return _read_pdf(path, data)
    return _read_text(path, data)


def _read_text(path: Path, data: bytes) -> RawReport:
    if b"\x00" in data[:65536]:
        raise ReportError(path, "binary file, not text (expected UTF-8 text, Markdown or a PDF)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReportError(
            path, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line} cannot be decoded "
                  "(convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`)"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return RawReport(path, text, kind)


def _read_pdf(path: Path, data: bytes) -> RawReport:
    import io

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    if not data.startswith(b"%PDF-"):
        raise ReportError(path, "not a PDF: the file does not start with %PDF- (is it a renamed file?)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise ReportError(path, "the PDF is encrypted (password-protected); save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReportError:
        raise
    except FileNotDecryptedError:
        raise ReportError(path, "the PDF is encrypted (password-protected); save an unprotected copy first") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError) as exc:
        raise ReportError(path, f"not a readable PDF ({exc})") from None
    if not pages:
        raise ReportError(path, "the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise ReportError(
            path, f"the PDF has no text layer ({len(pages)} page(s) of images only, e.g. a scan); run OCR first"
        )
    text_parts: list[str] = []
    first_lines: list[int] = []
    line_count = 0
    for page in pages:
        body = page.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        first_lines.append(line_count)
        text_parts.append(body)
        line_count += body.count("\n") + 1
    return RawReport(path, "\n".join(text_parts), "pdf", page_first_line=first_lines)
