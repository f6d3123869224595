"""Does every stage grow linearly with the document? A real report's text doubled four times (×1 … ×16),
each stage timed in CPU seconds on every size, the sizes interleaved round by round (so that the machine's
drift falls on all of them alike), the minimum of the rounds kept. Each doubling should cost its stage
×2 ± 20 %: a stage that grows faster is worse than linear and is named; one that grows slower still
carries a fixed cost (compiled patterns, the record's checks) larger than its share of the text.

    make bench            # or: .venv/bin/python bench/bench_scaling.py [--rounds N] [--base FILE]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_record  # noqa: E402
from pipeline.load import load  # noqa: E402
from pipeline.normalise import normalise  # noqa: E402
from pipeline.verify import verify  # noqa: E402

STAGES = ("load", "normalise", "extract", "verify")
DOUBLINGS = 4
BAND = (1.6, 2.4)  # ×2 ± 20 %


def base_text(path: Path | None) -> tuple[str, str]:
    """(name, text) of the document doubled: the given file, else the dev set's reports joined (about
    80 KB of real report text: prose, funds blocks, score tables)."""
    if path is not None:
        return path.name, path.read_text(encoding="utf-8")
    dev = ROOT.parent / "shared" / "dev" / "raw"
    files = sorted(dev.glob("*.txt")) or sorted((ROOT / "samples").glob("*.txt"))
    return f"{len(files)} reports joined", "\n\n".join(f.read_text(encoding="utf-8") for f in files)


def time_stages(path: Path) -> dict[str, float]:
    out = {}
    t = time.process_time()
    doc = load(path)
    out["load"] = time.process_time() - t
    t = time.process_time()
    norm = normalise(doc)
    out["normalise"] = time.process_time() - t
    t = time.process_time()
    record = extract_record(doc, norm)
    out["extract"] = time.process_time() - t
    t = time.process_time()
    verify(record)
    out["verify"] = time.process_time() - t
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--base", type=Path)
    args = ap.parse_args()
    name, text = base_text(args.base)
    folder = Path(tempfile.mkdtemp(prefix="jixiao-scaling-"))
    paths = []
    for k in range(DOUBLINGS + 1):
        path = folder / f"x{2 ** k}.txt"
        path.write_text("\n\n".join([text] * 2 ** k), encoding="utf-8")
        paths.append(path)
    time_stages(paths[0])  # warm-up: imports, compiled patterns
    best: list[dict[str, float]] = [dict.fromkeys(STAGES, float("inf")) for _ in paths]
    for _ in range(args.rounds):
        for k, path in enumerate(paths):  # interleaved: every size once per round
            for stage, seconds in time_stages(path).items():
                best[k][stage] = min(best[k][stage], seconds)
    print(f"scaling: {name}, {len(text):,} characters doubled {DOUBLINGS} times; CPU seconds, min of {args.rounds} rounds")
    print(f"  {'stage':10}" + "".join(f"{'×' + str(2 ** k):>10}" for k in range(len(paths))) + "   growth per doubling")
    outside = []
    for stage in STAGES:
        times = [b[stage] for b in best]
        growth = [b / a if a > 0 else float("nan") for a, b in zip(times, times[1:])]
        # the last doublings carry the stage's cost; the first are fixed costs and timer grain
        worse = any(g > BAND[1] for g in growth[-2:])
        fixed = not worse and any(g < BAND[0] for g in growth[-2:])
        if worse:
            outside.append(stage)
        print(f"  {stage:10}" + "".join(f"{t:10.3f}" for t in times) + "   " +
              " ".join(f"×{g:.2f}" for g in growth) +
              ("   <- worse than linear" if worse else "   (a fixed cost still dominates)" if fixed else ""))
    print("no stage worse than linear (×2.4 or less per doubling over the last two)" if not outside
          else f"worse than linear: {', '.join(outside)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
