"""Plain text backend: form feeds separate pages where a converter wrote them."""
from __future__ import annotations

from pathlib import Path

from ..document import Document, Page
from .encoding import decode


def load(path: Path, data: bytes) -> Document:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f")
    paged = len(chunks) > 1
    pages = [Page(i + 1, chunk, reader="text") for i, chunk in enumerate(chunks)]
    return Document(str(path), "", "text", pages, paged=paged, encoding=encoding)
