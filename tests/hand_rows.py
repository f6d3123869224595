"""The dev reports' score tables as a person read them (tests/data/dev_score_rows.json), and the comparison of a
record's rows with them: used on the undamaged texts (test_dev_tables.py) and under each named damage
(test_named_damage.py)."""
from __future__ import annotations

import json
import re

from conftest import ROOT

ROWS = ROOT / "tests" / "data" / "dev_score_rows.json"


def hand_tables() -> dict:
    """{report stem: its hand-read rows} for the reports whose score table was read by hand."""
    if not ROWS.exists():
        return {}
    hand = json.loads(ROWS.read_text(encoding="utf-8"))
    return {k: v for k, v in hand.items() if not k.startswith("_") and v.get("has_score_table") and v.get("rows")}


def record_leaves(record) -> list:
    """The record's score rows as the hand rows hold them: leaves (a row whose points are unread included),
    without the execution row the funds block adds (its name, where cited, is the funds block's label)."""
    inds = record.scores.indicators
    parents = {i.parent for i in inds if i.parent is not None}
    return [i for k, i in enumerate(inds) if k not in parents and
            not (i.kind == "budget_execution" and (record.provenance.get(f"/scores/indicators/{k}/name") or
                                                     {"funds_block": True}).get("funds_block"))]


# A row's points printed with its name ('相关性(5 分)') are its weight in the record, not part of its name.
_POINTS_IN_NAME = re.compile(r"[((]\s*\d+(?:\.\d+)?\s*分\s*[))]\s*$")


# nor is the 自评表 template's numbering before it ('指标1学生满意度', '指标1:工程质量合格')
_TEMPLATE_NUMBER = re.compile(r"^指标\d{1,2}\s*[::]?")


def _name(text: str) -> str:
    return _TEMPLATE_NUMBER.sub("", _POINTS_IN_NAME.sub("", text or ""))


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-6)


def _fields(have, row: dict, similar) -> list[tuple[str, bool]]:
    return [("name", similar(_name(have.name), _name(row["name"])) >= 0.8),
            ("weight", _same(have.weight, row["weight"])),
            ("score", _same(have.score, row["score"]))]


def _pairs(fields: list[tuple[str, bool]]) -> bool:
    return fields[0][1] or sum(hit for _, hit in fields) >= 2


def score_file(record, want: dict, similar) -> tuple[int, int, list[str]]:
    """(fields matched, fields, misses): each hand row against the record's row it aligns with, name
    (similar ≥ 0.8), weight and score. Rows are aligned in order, a pair only where the names agree or two
    of the three fields do, so that one row missed or added costs its own fields and does not shift every
    row after it."""
    got, rows = record_leaves(record), want["rows"]
    # best[k][j]: the most fields matched by hand rows k… against record rows j…
    best = [[0] * (len(got) + 1) for _ in range(len(rows) + 1)]
    for k in range(len(rows) - 1, -1, -1):
        for j in range(len(got) - 1, -1, -1):
            fields = _fields(got[j], rows[k], similar)
            pair = sum(hit for _, hit in fields) + best[k + 1][j + 1] if _pairs(fields) else -1
            best[k][j] = max(pair, best[k + 1][j], best[k][j + 1])
    misses, ok, k, j = [], 0, 0, 0
    while k < len(rows):
        fields = _fields(got[j], rows[k], similar) if j < len(got) else None
        if fields and _pairs(fields) and best[k][j] == sum(hit for _, hit in fields) + best[k + 1][j + 1]:
            ok += sum(hit for _, hit in fields)
            misses += [f"row {k + 1} {f}: want {rows[k][f]!r}, got {getattr(got[j], f)!r}" for f, hit in fields if not hit]
            k, j = k + 1, j + 1
        elif j < len(got) and best[k][j] == best[k][j + 1]:
            j += 1
        else:
            misses.append(f"row {k + 1} {rows[k]['name']!r}: not read")
            k += 1
    return ok, 3 * len(rows), misses
