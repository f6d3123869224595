"""Detect a text file's encoding (UTF-8, GB18030, Big5, UTF-16) instead of assuming it."""
from __future__ import annotations

from pathlib import Path

import charset_normalizer

from ..errors import LoadError

# charset-normalizer sometimes names a narrower or sibling code page; these are the ones
# Chinese archives are written in, widest first.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5hkscs": "big5hkscs", "cp950": "big5"}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes → (text, encoding name). Tries a BOM, strict UTF-8, the declared charset, then detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    if declared:
        candidates.append(_WIDEN.get(declared.lower(), declared.lower()))
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp950", "gbk"]).best()
    if best is not None:
        candidates.append(_WIDEN.get(best.encoding.lower(), best.encoding))
    candidates += ["gb18030", "big5"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace"), "gb18030"


def decode_text_file(path: Path, data: bytes) -> tuple[str, str]:
    """A text file's bytes → (text with '\\n' line ends, encoding), or LoadError where they are binary data or no
    text in any known encoding."""
    controls = sum(data.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    if data.count(b"\x00") > max(8, len(data) // 100) or controls > max(16, len(data) // 20):
        raise LoadError(path, "binary data, not text (unknown format)")
    text, encoding = decode(data)
    if text.count("\ufffd") > max(20, len(text) // 20):
        raise LoadError(path, f"not text in any known encoding (read as {encoding}: mostly undecodable)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
