"""Fuzzing the text extractor: random and mutated report text must give a record or the project's own
error, nothing else. Shared by the test suite (a short slice) and `make fuzz` (a long run)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import strategies as st

import pipeline
from pipeline.errors import JixiaoError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_bytes().decode("utf-8", "replace") for p in sorted((ROOT / "samples").glob("*.txt"))]
_ALPHABET = st.sampled_from(list("绩效评价报告项目预算执行数率得分权重合计总分其中万元亿元一二三四五六七八九十、()()%%.。,,;:|\n\f\t "
                                 "0123456789OlISB优良中差合格不") + ["年度", "分值", "指标", "自评表", "包括5个子项目:", "合同金额"])
random_text = st.lists(_ALPHABET, max_size=400).map("".join)


@st.composite
def mutated_report(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 8))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i, min(len(text), i + 40)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "digits"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        elif op == "insert":
            text = text[:i] + draw(random_text) + text[i:]
        else:
            text = text[:i] + "".join(draw(st.sampled_from("0123456789.%")) for _ in range(j - i)) + text[j:]
    return text


def extract_or_own_error(text: str, suffix: str = ".txt") -> None:
    """Run the whole pipeline on `text`; only JixiaoError may come out."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(text.encode("utf-8", errors="replace"))
        try:
            records = pipeline.extract(path)
        except JixiaoError:
            return
        for r in records:
            r.to_json()
            pipeline.verify(r)
