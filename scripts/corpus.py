"""A corpus of generated report files for ingest tests and the ingest benchmark: plain-text
self-assessment forms of the central 2020 layout with varied departments, years and figures.

    python scripts/corpus.py OUT_DIR N [--seed S]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

DEPARTMENTS = ["宁远县水利局", "桃源县交通运输局", "剑阁县农业农村局", "临澧县住房和城乡建设局", "青神县发展和改革局",
               "南县教育局", "五华区卫生健康局", "贵池区民政局"]
PROJECTS = ["农村饮水安全巩固提升工程", "农村公路养护项目", "乡村振兴衔接补助资金", "城乡环境综合整治项目",
            "义务教育公用经费", "社区卫生服务项目", "困难群众救助资金"]


def report_text(rng: random.Random, department: str, project: str, year: int, budget_wan: float | None = None) -> str:
    budget = budget_wan if budget_wan is not None else round(rng.uniform(20, 900), 2)
    executed = round(budget * rng.uniform(0.7, 1.0), 2)
    rate = executed / budget * 100
    rate_text = f"{int(rate * 100 + 0.5) / 100:.2f}"
    exec_score = round(int(10 * min(rate, 100) / 100 * 10) / 10, 1)
    rows = [("产出指标", "数量指标", "完成数量", 20), ("产出指标", "质量指标", "合格率", 15), ("产出指标", "时效指标", "及时率", 15),
            ("效益指标", "社会效益指标", "受益人数", 30), ("满意度指标", "服务对象满意度指标", "满意度", 10)]
    scored = [(a, b, c, w, round(w * rng.choice([1, 1, 0.9, 0.8]), 1)) for a, b, c, w in rows]
    total = round(exec_score + sum(s for *_, s in scored), 1)
    lines = [
        "项目支出绩效自评表", f"({year}年度)", f"项目名称 | {project}", f"主管部门 | {department} | 实施单位 | {department}",
        "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
        f"年度资金总额 | {budget:g} | {budget:g} | {executed:g} | 10 | {rate_text}% | {exec_score:g}",
        f"其中:当年财政拨款 | {budget:g} | {budget:g} | {executed:g} | — | {rate_text}% | —",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分",
    ]
    lines += [f"{a} | {b} | {c} | ≥90% | 95% | {w} | {s:g}" for a, b, c, w, s in scored]
    lines.append(f"总分 | 总分 | 总分 | | | 100 | {total:g}")
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        dep, proj = rng.choice(DEPARTMENTS), rng.choice(PROJECTS)
        year = rng.randint(2019, 2024)
        path = out / f"{i // 100:03d}" / f"report_{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(report_text(rng, dep, proj, year) + f"\n编号:{i}\n", encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(f"wrote {len(write_corpus(Path(args.out), args.n, args.seed))} files under {args.out}")
