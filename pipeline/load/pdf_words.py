"""Words of a PDF text layer: characters grouped into words and lines, and the pieces of text
(each with its box) that a line or a table cell is written as. Shared by every PDF reader.

A character is a dict as pdfplumber gives it (text, x0, x1, top, bottom, doctop, upright; top
measured from the page top, in PDF points), whichever library read it.
"""
from __future__ import annotations

import statistics

from pdfplumber.utils.text import WordExtractor

from . import layout

# the tolerances the backend has always grouped words with: a gap wider than 1.5 pt parts two words
_WORDS = WordExtractor(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)


def words_of(chars: list[dict]) -> list[dict]:
    """Words with their characters (`chars`), in the characters' order, as pdfplumber groups them."""
    return _WORDS.extract_words(chars, return_chars=True)


def text_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their vertical middle, each line left to right."""
    if not words:
        return []
    heights = [w["bottom"] - w["top"] for w in words]
    tol = max(1.5, 0.5 * statistics.median(heights))
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(mid - lines[-1][-1]["_mid"]) <= tol:
            lines[-1].append({**w, "_mid": lines[-1][-1]["_mid"]})
        else:
            lines.append([{**w, "_mid": mid}])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def cell_pieces(lines: list[list[dict]]) -> list[tuple[str, tuple | None]]:
    """A cell's text from its lines (wrapped lines run on, as layout.joiner says), a box per
    character."""
    pieces: list[tuple[str, tuple | None]] = []
    prev_text = ""
    for line in lines:
        text = " ".join(w["text"] for w in line)
        if prev_text:
            sep = layout.joiner(prev_text, text)
            if sep:
                pieces.append((sep, None))
        prev = None
        for w in line:
            if prev is not None and w["x0"] - prev["x1"] > 0.25 * max(1.0, prev["bottom"] - prev["top"]):
                pieces.append((" ", None))
            pieces.extend(word_pieces(w))
            prev = w
        prev_text = text
    return [(t.replace("|", "/"), b) for t, b in pieces]


def word_pieces(w: dict) -> list[tuple[str, tuple]]:
    chars = w.get("chars") or []
    if len(chars) == len(w["text"]):  # a box per character: a figure's box is its own, not its line's
        return [(c["text"], (c["x0"], c["top"], c["x1"], c["bottom"])) for c in chars]
    return [(w["text"], (w["x0"], w["top"], w["x1"], w["bottom"]))]
