"""The auditor's review kept in the database beside the extraction (schema v5: review_verdicts, corrections).

A verdict says of a failed check that it is `confirmed` (the report is wrong) or a `false_alarm` (the check
misfired, often on a misread value). A correction gives a value its right figure; it is stored with its time,
the value it replaced and a note, and never written into the extracted record: the record in force is the
extracted one with the latest correction of each value laid over it, and its checks are re-run on it (the
verify stage is pure functions over the record). Rows are only ever added, so the history stays.
"""
from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..errors import JixiaoError
from ..record import Record
from ..verify import verify
from . import pointers

VERDICTS = ("confirmed", "false_alarm")
VERDICT_NAMES = {"confirmed": "确认有误 / confirmed", "false_alarm": "误报 / false alarm"}


class ReviewError(JixiaoError):
    """A verdict or a correction that cannot be stored as given (no such report, check or value; not a number)."""


@dataclass(frozen=True)
class Verdict:
    report_id: str
    check_id: str
    verdict: str  # one of VERDICTS
    note: str | None
    decided_at: str


@dataclass(frozen=True)
class Correction:
    report_id: str
    pointer: str
    field: str  # the value's name (pointers.label)
    old_value: object  # the value in force before this correction (the extracted one for the first)
    new_value: object
    note: str | None
    corrected_at: str


@dataclass
class Reviewed:
    """One report under review: the extracted record, the record in force, and what the auditor said."""

    report_id: str
    extracted: dict
    in_force: dict
    checks: list[dict]  # the verdicts of the checks on the record in force
    corrections: list[Correction] = field(default_factory=list)  # every one, oldest first
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # the latest per check

    def corrected(self) -> dict[str, Correction]:
        """The correction in force for each corrected value."""
        return {c.pointer: c for c in self.corrections}


def stands(check: dict, verdicts: dict[str, Verdict]) -> bool:
    """A failed check that stands after the review: failed on the record in force, not dismissed as a false
    alarm (what the audit, the review list and the export count as a flag)."""
    verdict = verdicts.get(check["id"])
    return check.get("status") == "fail" and (verdict is None or verdict.verdict != "false_alarm")


def stamp() -> str:
    """Local time with its offset, to the microsecond: two entries a moment apart keep their order."""
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def extracted_record(store, report_id: str) -> dict:
    rows = store.query("SELECT record_json FROM reports WHERE id = ?", (report_id,))
    if not rows:
        raise ReviewError(f"{report_id}: no such report in the database")
    return json.loads(rows[0][0])


def corrections_of(store, report_id: str) -> list[Correction]:
    rows = store.query("SELECT report_id, pointer, field, old_value, new_value, note, corrected_at FROM corrections "
                       "WHERE report_id = ? ORDER BY corrected_at", (report_id,))
    return [Correction(r[0], r[1], r[2], _load(r[3]), _load(r[4]), r[5], r[6]) for r in rows]


def verdicts_of(store, report_id: str) -> dict[str, Verdict]:
    rows = store.query("SELECT report_id, check_id, verdict, note, decided_at FROM review_verdicts "
                       "WHERE report_id = ? ORDER BY decided_at", (report_id,))
    return {r[1]: Verdict(*r) for r in rows}  # later rows replace earlier ones


def apply_corrections(extracted: dict, corrections: list[Correction]) -> dict:
    """The record in force: a copy of the extracted one with each correction laid over it, in order. A
    correction whose value the record no longer has (the file was extracted again and read differently)
    is left out; it stays stored."""
    record = json.loads(json.dumps(extracted))
    for c in corrections:
        try:
            record = pointers.with_value(record, c.pointer, c.new_value)
        except pointers.PointerError:
            continue
        # a value a person typed is read with certainty: the doubts of its first reading (OCR, glue) are gone
        entry = (record.get("provenance") or {}).get(c.pointer)
        if isinstance(entry, dict):
            entry["corrected"] = True
    return record


def recheck(record: dict) -> list[dict]:
    """Every check re-run on a record (as dicts, as the record stores them)."""
    typed = Record.from_dict(record)
    verify(typed)
    return typed.to_dict()["checks"]


def reviewed(store, report_id: str) -> Reviewed:
    extracted = extracted_record(store, report_id)
    corrections = corrections_of(store, report_id)
    in_force = apply_corrections(extracted, corrections)
    checks = recheck(in_force) if corrections else list(extracted.get("checks") or [])
    return Reviewed(report_id, extracted, in_force, checks, corrections, verdicts_of(store, report_id))


def save_verdict(store, report_id: str, check_id: str, verdict: str, note: str | None = None) -> Verdict:
    """Store the auditor's verdict on a check that failed or warned (on the extracted record or the record in force)."""
    if verdict not in VERDICTS:
        raise ReviewError(f"{verdict!r}: a verdict is one of {', '.join(VERDICTS)}")
    current = reviewed(store, report_id)
    flagged = {c["id"] for c in current.checks + list(current.extracted.get("checks") or [])
               if c.get("status") in ("fail", "warn")}
    if check_id not in flagged:
        raise ReviewError(f"{report_id}: check {check_id!r} did not fail on this report")
    entry = Verdict(report_id, check_id, verdict, _note(note), stamp())
    _insert(store, "INSERT INTO review_verdicts (report_id, check_id, verdict, note, decided_at) VALUES (?, ?, ?, ?, ?)",
            (entry.report_id, entry.check_id, entry.verdict, entry.note, entry.decided_at))
    return entry


def save_correction(store, report_id: str, pointer: str, text: str | None, note: str | None = None,
                    replaces: str | None = None) -> Correction:
    """Store a corrected value, typed and checked as the record's field is (parse_value); an empty text is
    'unknown' (null). `replaces` is the value the auditor saw (as the page showed it): where another
    correction has changed it since, this one is refused with the value now in force. The value in force is
    read and the correction written in one transaction, so two at once cannot both replace the same value.
    The extracted record is left as it was."""
    _writable(store)
    store.begin()
    try:
        current = reviewed(store, report_id)
        try:
            old = pointers.get(current.in_force, pointer)
        except pointers.PointerError as exc:
            raise ReviewError(f"{report_id}: {exc}") from None
        if isinstance(old, (dict, list)):
            raise ReviewError(f"{report_id}: {pointer} is not a single value")
        if replaces is not None and replaces != token_of(old):
            raise ReviewError(f"{pointers.label(current.extracted, pointer)}: another correction changed this value to "
                              f"{_shown(old)} since the page was shown; reload the page and correct it again")
        new = parse_value(pointer, pointers.get(current.extracted, pointer), text)
        entry = Correction(report_id, pointer, pointers.label(current.extracted, pointer), old, new, _note(note), stamp())
        store.execute("INSERT INTO corrections (report_id, pointer, field, old_value, new_value, note, corrected_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (entry.report_id, entry.pointer, entry.field, _dump(entry.old_value), _dump(entry.new_value),
                       entry.note, entry.corrected_at))
        store.commit()
    except BaseException:
        store.rollback()
        raise
    return entry


def token_of(value) -> str:
    """The value a correction form replaces, as the form carries it (compared exactly when it comes back)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _shown(value) -> str:
    return "—" if value is None else str(value)


# What a corrected value may be (the record's schema: SPEC.md, DOMAIN.md): a year of the People's Republic's
# budgets, amounts finite and not negative, rates and points within what a form prints.
YEAR_RANGE = (1949, 2100)
_RANGES = (("/year", YEAR_RANGE), ("_yuan", (0.0, 1e15)), ("amount", (0.0, 1e15)), ("rate", (0.0, 1000.0)),
           ("score", (0.0, 1000.0)), ("weight", (0.0, 1000.0)))
MAX_TEXT = 500


def parse_value(pointer: str, extracted, text: str | None):
    """The typed value of a correction as typed in: '7.8' and '1,234.5' for a number, the year as an integer;
    a number outside its field's range, not finite, or a text too long or holding control characters is
    refused (ReviewError) with the reason."""
    text = (text or "").strip()
    if not text:
        return None
    if not pointers.is_number_field(pointer, extracted):
        if len(text) > MAX_TEXT or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
            raise ReviewError(f"{pointer}: a text of at most {MAX_TEXT} characters, without control characters")
        return text
    try:
        number = float(text.replace(",", "").replace("，", "").rstrip("%"))
    except ValueError:
        raise ReviewError(f"{pointer}: {text!r} is not a number") from None
    if not math.isfinite(number):
        raise ReviewError(f"{pointer}: {text!r} is not a finite number")
    low, high = next((r for ending, r in _RANGES if pointer.endswith(ending)), (-1e15, 1e15))
    if not low <= number <= high:
        raise ReviewError(f"{pointer}: {text!r} is outside {low:g}–{high:g}")
    if pointer.endswith("/year"):
        if not number.is_integer():
            raise ReviewError(f"{pointer}: {text!r} is not a year")
        return int(number)
    if isinstance(extracted, int) and number.is_integer():
        return int(number)
    return number


def _note(note: str | None) -> str | None:
    return note.strip() or None if note else None


def _writable(store) -> None:
    if getattr(store, "read_only", False):
        raise ReviewError(f"{store.url}: the database is read-only here: verdicts and corrections cannot be saved")


def _insert(store, sql: str, params: tuple) -> None:
    _writable(store)
    store.begin()
    try:
        store.execute(sql, params)
        store.commit()
    except BaseException:
        store.rollback()
        raise


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load(text):
    return json.loads(text) if text is not None else None
