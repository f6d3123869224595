"""Load stage: a file becomes a `Document`. One backend per input format, chosen by content first."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import Document
from ..errors import LoadError
from . import html, pdf, text

MAX_FILE_BYTES = 512 * 1024 * 1024  # a "report" larger than this is not a report

BACKENDS = {"text": text.load, "html": html.load, "pdf": pdf.load}


def sniff(path: Path, head: bytes) -> str:
    """The format of a file from its first bytes, falling back to its extension.

    Content wins because archives hold files whose extension lies.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"%PDF-" in head[:1024]:  # the header may follow some junk bytes
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<table", b"<p>")):
        return "html"
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


def load(path) -> Document:
    """Read `path` into a Document, or raise LoadError naming the file and the reason."""
    path = Path(path)
    try:
        if path.is_dir():
            raise LoadError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size == 0:
            raise LoadError(path, "empty file (0 bytes)")
        if size > MAX_FILE_BYTES:
            raise LoadError(path, f"file too large ({size} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except IsADirectoryError:
        raise LoadError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read: {exc.strerror or exc}") from None
    kind = sniff(path, data[:2048])
    backend = BACKENDS.get(kind)
    if backend is None:
        raise LoadError(path, f"{kind.upper()} files are not supported yet (text, HTML and PDF are)")
    doc = backend(path, data)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    if not any(p.text.strip() for p in doc.pages):
        if doc.format == "pdf":
            raise LoadError(path, "no text layer on any page (a scan: it needs OCR)")
        raise LoadError(path, "no text in the file")
    return doc
