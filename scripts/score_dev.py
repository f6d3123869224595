"""Score the extractor on ../shared/dev (and the shared sample): fields matched per file and in all.

    python scripts/score_dev.py [--verbose]
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__import__("os").environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))

sys.path.insert(0, str(ROOT))
import pipeline  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score_record", SHARED / "tools" / "score_record.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pairs():
    yield SHARED / "samples" / "000_87644358686e5e0a.txt", SHARED / "gold" / "000_87644358686e5e0a.json"
    for gold in sorted((SHARED / "dev" / "gold").glob("*.json")):
        raw = SHARED / "dev" / "raw" / (gold.stem + ".txt")
        if raw.exists():
            yield raw, gold


def score_all(verbose: bool = False):
    import json
    scorer = _scorer()
    total_ok = total_n = 0
    rows = []
    for raw, gold_path in pairs():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        record = pipeline.extract(raw)[0].to_dict()
        results = scorer.score(record, gold)
        ok = sum(1 for r in results if r[1])
        total_ok += ok
        total_n += len(results)
        rows.append((raw.name, ok, len(results)))
        if verbose:
            for field, good, got, want in results:
                if not good:
                    print(f"  {raw.name[:40]:40} MISS {field}: got {str(got)[:80]} want {str(want)[:80]}")
    return rows, total_ok, total_n


def halves(rows):
    """The dev set in two halves: the W files (the layouts the table interpreter was written against)
    and the older reports (not looked at while writing each rule, then run to see what it does there)."""
    out = {}
    for name, a, b in rows:
        if name.startswith("000_"):
            continue
        key = "W files (written against)" if name.startswith("W") else "older reports (checked after)"
        ok, n = out.get(key, (0, 0))
        out[key] = (ok + a, n + b)
    return out


if __name__ == "__main__":
    rows, ok, n = score_all("--verbose" in sys.argv)
    for name, a, b in rows:
        print(f"{name[:60]:60} {a:3}/{b:3}")
    for key, (a, b) in halves(rows).items():
        print(f"{key:30} {a}/{b} = {a / b:.1%}")
    print(f"dev fields matched (sample included): {ok}/{n} = {ok / n:.1%}")
