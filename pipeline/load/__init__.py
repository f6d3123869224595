"""Load stage: a file becomes a `Document`. One backend per input format, chosen by content first."""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from ..document import Document
from ..errors import LoadError

MAX_FILE_BYTES = 512 * 1024 * 1024  # a "report" larger than this is not a report
# extensions that promise a binary format: a file under one whose bytes sniff as text is refused, not read
# as a text report (two pdf.js test files without a %PDF header were stored as reports)
CLAIMED_BINARY = {".pdf": "PDF (no %PDF header)", ".docx": "DOCX (not a zip)", ".xlsx": "XLSX (not a zip)",
                  ".xls": "XLS (not an OLE2 file)", ".doc": "DOC (not an OLE2 file)", ".png": "PNG image",
                  ".jpg": "JPEG image", ".jpeg": "JPEG image", ".tif": "TIFF image", ".tiff": "TIFF image"}

# format → (module, function): a backend is imported when a file of its format comes, so that reading a
# text file does not pay for the PDF, HTML and OCR libraries
BACKENDS = {"text": ("text", "load"), "markdown": ("text", "load_markdown"), "html": ("html", "load"),
            "pdf": ("pdf", "load"), "image": ("image", "load"), "docx": ("docx", "load_docx"),
            "xlsx": ("xlsx", "load_xlsx"), "xls": ("xls", "load_xls"), "doc": ("doc", "load_doc"),
            "csv": ("csv_text", "load_csv")}


def backend_for(kind: str):
    """The load function of format `kind`, or None where no backend reads it."""
    if kind not in BACKENDS:
        return None
    module, function = BACKENDS[kind]
    return getattr(importlib.import_module(f".{module}", __name__), function)


def sniff(path: Path, head: bytes) -> str:
    """The format of a file from its first bytes, falling back to its extension.

    Content wins because archives hold files whose extension lies.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:  # the header may follow some junk bytes
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: legacy Office
        return "xls" if suffix in (".xls", ".et") or b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in head else "doc"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")):
        return "image"
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<table", b"<p>")):
        return "html"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".csv", ".tsv"):
        return "csv"
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
    if kind == "text" and path.suffix.lower() in CLAIMED_BINARY:  # a .pdf with no %PDF header is no text report
        raise LoadError(path, f"not a {CLAIMED_BINARY[path.suffix.lower()]}: its content does not start as one")
    if kind == "zip":
        from .office import office_kind
        kind = office_kind(path, data) or "zip"
    backend = backend_for(kind)
    if backend is None:
        raise LoadError(path, f"a {kind.upper()} file is not supported (text, HTML, Markdown, PDF, images, DOCX, XLSX and XLS are)")
    doc = backend(path, data)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    if not any(p.text.strip() for p in doc.pages):
        skipped = "".join(f"; page {p.number} {p.reader}" for p in doc.pages if p.reader.startswith("skipped"))[:300]
        if doc.format == "pdf":
            raise LoadError(path, f"no text on any page, not even by OCR{skipped}")
        raise LoadError(path, f"no text in the file{skipped}")
    return doc
