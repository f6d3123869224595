"""By-year charts as the numbers an inline SVG draws: a bar for the mean, a line from min to max,
a y axis with ticks and gridlines, the year and the number of reports under each bar.

A report stored under several files (the same title, department, year, budget and total score: what
`same_report_twice` finds) is counted once.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ..dataset.export import SAME_REPORT_KEY

PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT = 20, 220, 56
BAR_STEP, BAR_WIDTH = 64, 34


@dataclass
class Bar:
    x: float
    year: int
    mean: float
    low: float
    high: float
    n: int
    y_mean: float
    y_low: float
    y_high: float
    height: float


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class YearChart:
    label: str
    axis_label: str
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    width: int = 0
    n_reports: int = 0
    n_copies: int = 0  # rows left out as copies of a report already counted
    plot_top: int = PLOT_TOP
    plot_bottom: int = PLOT_BOTTOM
    plot_left: int = PLOT_LEFT


def distinct_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per report: rows whose SAME_REPORT_KEY is complete and equal are one report in several files."""
    if len(reports) == 0:
        return reports
    complete = reports.dropna(subset=list(SAME_REPORT_KEY))
    rest = reports.drop(index=complete.index)
    return pd.concat([complete.drop_duplicates(subset=list(SAME_REPORT_KEY)), rest]).sort_index()


def year_chart(reports: pd.DataFrame, column: str, label: str, axis_label: str, top: float = 100) -> YearChart | None:
    """Mean, min and max of `column` per year over distinct reports; None when no report has both."""
    if len(reports) == 0:
        return None
    distinct = distinct_reports(reports)
    df = distinct.dropna(subset=["year", column])
    if len(df) == 0:
        return None
    top = max(top, math.ceil(df[column].max() / 20) * 20)  # a rate over 100 % stays on the chart

    def y(v: float) -> float:
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * min(max(v, 0), top) / top

    chart = YearChart(label, axis_label, n_reports=len(df),
                      n_copies=len(reports.dropna(subset=["year", column])) - len(df))
    stats = df.groupby("year")[column].agg(["mean", "min", "max", "count"]).reset_index()
    for i, row in enumerate(stats.to_dict("records")):
        x = PLOT_LEFT + 16 + i * BAR_STEP
        chart.bars.append(Bar(x, int(row["year"]), round(row["mean"], 2), row["min"], row["max"], int(row["count"]),
                              y(row["mean"]), y(row["min"]), y(row["max"]), PLOT_BOTTOM - y(row["mean"])))
    step = top / 5
    chart.ticks = [Tick(y(k * step), f"{k * step:g}") for k in range(6)]
    chart.width = PLOT_LEFT + 32 + len(chart.bars) * BAR_STEP
    return chart
