"""Long test PDFs (30+ pages) of mixed prose and tables, like a department's annual performance
report: sections of the shared sample's prose, each with a ruled score table (merged categories,
broken over pages where it falls) and a borderless funds table. For the PDF benchmark
(bench/bench_pdf.py), which writes them into a temporary folder; not committed.

    .venv/bin/python scripts/make_long_pdfs.py OUT_DIR [N_FILES]
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import render_pdf  # noqa: E402

SECTIONS = 26  # a section is a page and a quarter: 30+ pages
CATEGORIES = ["决策", "决策", "过程", "过程", "过程", "产出", "产出", "效益", "效益", "满意度"]
NAMES = ["立项依据充分性", "绩效目标合理性", "资金到位率", "预算执行率", "资金使用合规性", "实际完成率",
         "完成及时性", "社会效益", "可持续影响", "服务对象满意度"]


def _prose() -> list[str]:
    try:
        import make_samples
        before, after, _ = make_samples.sample_paragraphs()
        return [p for p in before + after if len(p) >= 40]
    except Exception:  # noqa: BLE001 - without the shared sample, prose of the same build
        return ["本项目绩效评价采用综合评分定级的方法,共设有9类指标,总分值为100分,评价结果如下表所示,"
                "各项指标的得分情况详见下表,项目预算合计1130000元,为科室预算,来源为财政资金。"] * 8


def render_long_report(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    prose = _prose()
    b = render_pdf.Builder()
    b.title(f"某区{2019 + seed}年度部门整体支出绩效评价报告")
    for s in range(SECTIONS):
        b.heading(f"{'一二三四五六七八九十'[s % 10]}、项目{s + 1}绩效评价情况")
        for p in rng.sample(prose, min(4, len(prose))):
            b.para(p)
        weights = [rng.choice([5, 8, 10, 12]) for _ in NAMES]
        scores = [max(0, w - rng.choice([0, 0, 1, 2])) for w in weights]
        rows = [["一级指标", "二级指标", "分值", "得分"]]
        rows += [[c, n, str(w), str(sc)] for c, n, w, sc in zip(CATEGORIES, NAMES, weights, scores)]
        rows.append(["合计", "", str(sum(weights)), str(sum(scores))])
        spans, k = [], 1
        while k < len(rows) - 1:
            n = 1
            while k + n < len(rows) - 1 and rows[k + n][0] == rows[k][0]:
                n += 1
            if n > 1:
                spans.append(((0, k), (0, k + n - 1)))
            k += n
        spans.append(((0, len(rows) - 1), (1, len(rows) - 1)))
        b.table(rows, [40, 62, 20, 20], spans, repeat_header=1)
        b.space(8)
        budget = rng.randint(50, 900) * 10000
        funds = [["资金来源", "年初预算数", "全年执行数", "执行率"],
                 ["财政拨款", str(budget), str(budget * 97 // 100), "97%"],
                 ["其他资金", "0", "0", "—"],
                 ["合计", str(budget), str(budget * 97 // 100), "97%"]]
        b.table(funds, [40, 34, 34, 24], ruled=False)
        for p in rng.sample(prose, min(3, len(prose))):
            b.para(p)
    b.save(path)


def main(out: str, n: int = 3) -> list[Path]:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        path = folder / f"long_report_{k + 1}.pdf"
        render_long_report(path, k)
        paths.append(path)
        print(f"wrote {path}")
    return paths


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
