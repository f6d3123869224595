"""Plain text and Markdown backends: form feeds separate pages where a converter wrote them.

Markdown is what PDF converters such as MinerU and Docling write: pipe tables, inline HTML
`<table>` elements split at page breaks, and LaTeX-style figures (`$69.33\\%$`). Those become the
same pipe rows and plain figures the other backends write.
"""
from __future__ import annotations

from pathlib import Path

import regex

from ..document import Document, Page
from .csv_text import csv_document, csv_shaped
from .encoding import decode_text_file
from .unwrap import unwrap, wrap_width


def load(path: Path, data: bytes) -> Document:
    text, encoding = decode_text_file(path, data)
    if csv_shaped(text):  # a table saved as CSV under a text file's name
        return csv_document(path, text, encoding)
    width = wrap_width(text.split("\n"))  # the document's, measured over all its pages
    chunks = [unwrap(chunk, width) for chunk in text.split("\f")]
    paged = len(chunks) > 1
    pages = [Page(i + 1, chunk.text, reader="text") for i, chunk in enumerate(chunks)]
    doc = Document(str(path), "", "text", pages, paged=paged, encoding=encoding)
    if any(chunk.joined for chunk in chunks):
        doc.meta["unwrapped"] = {"lines_joined": sum(c.joined for c in chunks),
                                 "wrap_columns": max(c.width or 0 for c in chunks)}
    return doc


_HTML_TABLE = regex.compile(r"(?is)<table\b.*?</table>")
_LATEX = regex.compile(r"\$\s*([^$\n]{1,40}?)\s*\$")
_MD_RULE = regex.compile(r"(?m)^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$\n?")


def markdown_to_text(text: str) -> str:
    from .html import html_to_text

    text = _HTML_TABLE.sub(lambda m: "\n" + html_to_text(m[0])[0] + "\n", text)
    text = _LATEX.sub(lambda m: m[1].replace("\\%", "%").replace("\\,", "").replace("\\times", "×"), text)
    text = text.replace("\\%", "%")
    text = _MD_RULE.sub("", text)
    text = regex.sub(r"(?m)^#{1,6}\s+", "", text)
    text = regex.sub(r"(?m)^\s*\|\s*(.*?)\s*\|\s*$", r"\1", text)  # '| a | b |' → 'a | b'
    text = regex.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return text


def load_markdown(path: Path, data: bytes) -> Document:
    text, encoding = decode_text_file(path, data)
    pages = [Page(i + 1, markdown_to_text(chunk), reader="markdown") for i, chunk in enumerate(text.split("\f"))]
    return Document(str(path), "", "text", pages, paged=len(pages) > 1, encoding=encoding)
