"""The dev reports' score tables against rows written down by hand from their raw text, as printed
(tests/data/dev_score_rows.json: most of these tables are cut, glued or OCR'd; rows were read by a person,
glued cells split by the form's own arithmetic, each judgement noted beside the file). This measures the
table reading on real damage rather than on layouts written for the purpose. The figure is printed; the
floor is what was measured and only goes up."""
import json
import sys

import pytest
from conftest import ROOT, SHARED

import pipeline

ROWS = ROOT / "tests" / "data" / "dev_score_rows.json"
RAW = SHARED / "dev" / "raw"
# measured 2026-12-04 when the rows were written (17 tables, 162 rows; fields: each row's name, weight, score):
# 110/486 = 22.6 %. Most misses are tables not read at all (02, 03, 09, 13, 14, 26, 35, W04, W11: glued, OCR'd,
# one column per line) and long names kept with their category or explanation (08, 12).
# 2026-12-05: tables with no 分值 column read by their scores, a glued target|actual|score run left unread
# with its candidates (the totals decide where they can), a row cut by the document's end filled from the
# left, rows with unread points counted as rows: 179/486 (written looking at W04; the other 14 tables, held
# out, moved from 110 to 119).
FIELDS_FLOOR = 179


def _leaves(record) -> list:
    """The record's score rows as the hand rows hold them: leaves (a row whose points are unread included),
    without the funds block's execution row."""
    inds = record.scores.indicators
    parents = {i.parent for i in inds if i.parent is not None}
    return [i for k, i in enumerate(inds) if k not in parents and i.kind != "budget_execution"]


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-6)


def score_file(record, want: dict, similar) -> tuple[int, int, list[str]]:
    """(fields matched, fields, misses): rows compared in order, name (similar ≥ 0.8), weight and score."""
    got = _leaves(record)
    misses, ok = [], 0
    for k, row in enumerate(want["rows"]):
        have = got[k] if k < len(got) else None
        checks = [("name", have is not None and similar(have.name or "", row["name"]) >= 0.8),
                  ("weight", have is not None and _same(have.weight, row["weight"])),
                  ("score", have is not None and _same(have.score, row["score"]))]
        ok += sum(1 for _, hit in checks if hit)
        misses += [f"row {k + 1} {field}: want {row[field]!r}, got {getattr(have, field, None)!r}"
                   for field, hit in checks if not hit]
    return ok, 3 * len(want["rows"]), misses


def test_dev_score_tables_read_as_a_person_reads_them(scorer, capsys):
    if not ROWS.exists() or not RAW.exists():
        pytest.skip("no hand-read rows or no dev set")
    hand = {k: v for k, v in json.loads(ROWS.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    ok = total = 0
    lines = []
    for name, want in sorted(hand.items()):
        if not want.get("has_score_table") or not want.get("rows"):
            continue
        record = pipeline.extract(RAW / f"{name}.txt")[0]
        good, n, misses = score_file(record, want, scorer.similar)
        ok, total = ok + good, total + n
        lines.append(f"  {name[:50]:50} {good:3}/{n:3}" + (f"  first miss: {misses[0]}" if misses else ""))
    with capsys.disabled():
        print("\n" + "\n".join(lines), file=sys.stderr)
        print(f"dev score tables (hand-read rows): {ok}/{total} fields = {ok / max(total, 1):.1%} (floor {FIELDS_FLOOR})",
              file=sys.stderr)
    assert total >= 400 and ok >= FIELDS_FLOOR
