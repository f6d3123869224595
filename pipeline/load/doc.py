"""Legacy DOC backend: LibreOffice converts it to DOCX, which docx.py reads."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from ..errors import LoadError
from .docx import load_docx


def load_doc(path: Path, data: bytes) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise LoadError(path, "a legacy .doc needs LibreOffice to be read: apt-get install libreoffice-writer "
                              "(or save it as .docx)")
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        # a profile of its own for each conversion: LibreOffice instances that share one profile (two ingest
        # workers) refuse each other, and the file would be stored as unreadable for a reason not its own
        profile = (Path(tmp) / "profile").as_uri()
        try:
            subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", "docx", "--outdir", tmp, str(src)],
                           capture_output=True, timeout=120, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise LoadError(path, f"LibreOffice could not convert the .doc ({type(exc).__name__})") from None
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise LoadError(path, "LibreOffice could not convert the .doc")
        doc = load_docx(path, out.read_bytes())
    doc.pages[0].reader = "libreoffice+python-docx"
    doc.format = "docx"
    return doc
