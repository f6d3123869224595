"""Small hostile files for the reliability tests (tests/test_reliability.py) and for trying the tool by
hand: names that are not UTF-8 or hold control characters, a workbook that makes xlrd talk on stdout,
a file posing as an image, a table whose spans make the reader slow. Nothing is downloaded: every file
is made from the repository's own samples and generated reports.

    python scripts/make_hostile.py OUT_FOLDER     # writes them all under OUT_FOLDER
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import report_text  # noqa: E402

# the name of a spreadsheet's formula that runs a program, after a carriage return (CSV injection)
FORMULA = "=cmd|' -C calc'!A0"

# file names as bytes: what an archive unzipped from a Chinese Windows machine, or an odd tool, leaves
ODD_NAMES: dict[str, bytes] = {
    "gbk": "绩效报告".encode("gbk") + b".txt",  # GBK bytes, not valid UTF-8
    "latin1": "r\xe9sum\xe9".encode("latin-1") + b".txt",  # Latin-1 bytes, not valid UTF-8
    "cr_formula": b"report\r" + FORMULA.encode("ascii") + b".txt",  # a carriage return, then a formula
    "newline": "报告\n第二份.txt".encode(),  # valid UTF-8 holding a line feed
}


def report(seed: int, year: int = 2021) -> str:
    """A generated evaluation report (scripts/corpus.py); a different seed, different content."""
    return report_text(random.Random(seed), "南县教育局", f"义务教育公用经费{seed}", year)


def write_odd_names(folder: Path, seed: int = 100) -> dict[str, bytes]:
    """One report under each name of ODD_NAMES and one under a plain name (`plain.txt`), each with its own
    content; returns {kind: the file's full path as bytes}."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for k, (kind, name) in enumerate({**ODD_NAMES, "plain": b"plain.txt"}.items()):
        path = os.fsencode(folder) + b"/" + name
        with open(path, "wb") as fh:
            fh.write(report(seed + k).encode("utf-8"))
        out[kind] = path
    return out


def write_padded_xls(path: Path) -> Path:
    """The Sichuan XLS sample with three bytes appended: xlrd then prints `WARNING *** file size (…) not
    512 + multiple of sector size (512)`, by default to stdout."""
    data = (ROOT / "samples" / "sichuan_selfeval_2023.xls").read_bytes()
    path.write_bytes(data + b"xyz")
    return path


def write_fake_image(path: Path) -> Path:
    """A PNG signature followed by garbage: Pillow cannot identify it (and names its BytesIO, not the file)."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def write_span_table(path: Path, n: int = 4) -> Path:
    """An HTML table of n×n cells each spanning 500 columns and 500 rows: seconds of work for a few bytes
    (n=4: about 8 s here; n=20 runs past a minute) — a pure-Python hang the time limit must cut."""
    rows = "".join("<tr>" + "".join(f'<td colspan="500" rowspan="500">{r}{c}</td>' for c in range(n)) + "</tr>"
                   for r in range(n))
    path.write_text(f"<html><body><p>项目预算执行率为95%。</p><table>{rows}</table></body></html>", encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    write_odd_names(out / "names")
    write_padded_xls(out / "padded.xls")
    write_fake_image(out / "fake.png")
    write_span_table(out / "spans.html")
    print(f"hostile files written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
