"""Possible misreads (DOMAIN.md §4.3): before a check fails on a figure, the figure is re-read with
the known confusions; where one confusion makes the check pass, the verdict is a warning that names
the repaired value instead of a hard failure.

Digit-for-digit confusions (8/3/6/0, 1/7, 5/6) are tried only on figures that came from OCR (their
provenance carries a confidence): in a text layer a wrong digit is the author's, and is reported.
Letters read for digits (O/〇 → 0, l/I → 1, S → 5, B → 8, Z → 2, b → 6, g → 9) are tried on any figure.
"""
from __future__ import annotations

import copy

import regex

from .. import pointers
from ..record import Check, Record

DIGIT_CONFUSIONS = {"0": "689", "1": "7", "3": "85", "5": "63", "6": "058", "7": "1", "8": "0369", "9": "08"}
LETTER_DIGITS = {"O": "0", "o": "0", "〇": "0", "○": "0", "D": "0", "l": "1", "I": "1", "丨": "1", "S": "5",
                 "B": "8", "Z": "2", "b": "6", "g": "9"}
_TOKEN = regex.compile(r"[0-9OoDlI丨SBZbg〇○.]*\d[0-9OoDlI丨SBZbg〇○.]*")


def reconsider(record: Record, check: Check, run) -> Check:
    """`check` again, warning instead of failing where one confusion in one figure repairs it."""
    if check.status != "fail":
        return check
    data = record.to_dict()
    for ev in check.evidence:
        pointer = ev.get("pointer")
        value = _value(data, pointer)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not ev.get("text"):
            continue
        for token, repaired in _variants(ev["text"], value, ocr="confidence" in ev):
            trial = copy.deepcopy(data)
            pointers.set_in(trial, pointer, repaired)
            again = run(Record.from_dict(trial))
            if again.status == "pass":
                check.status, check.severity, check.finding = "warn", "warning", "fail"
                check.doubts = check.doubts + [{"code": "possible_misread", "pointer": pointer,
                                                "zh": f"可能误识: {token[0]} → {token[1]}",
                                                "en": f"possible misread: {token[0]} → {token[1]}"}]
                check.message += f" — 可能误识: {token[0]} → {token[1]} / possible misread: {token[0]} → {token[1]}"
                check.evidence = check.evidence + [{"pointer": pointer, "repaired_value": repaired,
                                                    "read": token[0], "repaired": token[1]}]
                return check
    return check


def _variants(raw: str, value: float, ocr: bool):
    for m in _TOKEN.finditer(raw):
        token = m[0].strip(".")
        plain = "".join(LETTER_DIGITS.get(ch, ch) for ch in token)
        try:
            read = float(regex.sub(r"[^\d.]", "", token) or "nan")
        except ValueError:
            continue
        factor = _factor(read, value)
        if factor is None:
            try:
                factor = _factor(float(plain), value)
            except ValueError:
                factor = None
        if factor is None:
            continue
        if plain != token:
            yield (token, plain), _num(plain) * factor
        if ocr:
            for i, ch in enumerate(plain):
                for alt in DIGIT_CONFUSIONS.get(ch, ""):
                    other = plain[:i] + alt + plain[i + 1:]
                    if regex.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", other):
                        yield (plain, other), _num(other) * factor


def _factor(read: float, value: float) -> float | None:
    if read != read or read == 0:
        return None
    for f in (1, 10_000, 100_000_000, 1_000):
        if abs(read * f - value) <= 1e-6 * max(1.0, abs(value)):
            return f
    return None


def _num(text: str) -> float:
    return float(text)


def _value(data: dict, pointer: str | None):
    try:
        return pointers.get(data, pointer) if pointer else None
    except pointers.PointerError:
        return None
