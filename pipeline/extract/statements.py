"""Arithmetic the prose itself asserts, and figures it states more than once.

* 'A万元, 其中 a万元、b万元、c万元' — a total and its parts (part_sums_text);
* 'A万元。同比增加 X万元, 增长 Y%' — a year-on-year change (yoy_change);
* the total score written in the prose ('自评分为89.7分'), compared with the table's.
"""
from __future__ import annotations

import regex

from ..numbers import NUMBER, parse_amount, parse_arabic, parse_percent
from ..record import TextSum
from .context import Found

_AMT = rf"{NUMBER}\s*(?:亿元|万元|千元|元)"
_PARTS = regex.compile(
    rf"(?P<total>{_AMT})[^。;\d]{{0,12}}?[。,,;]?\s*其中\s*[::]?\s*"
    rf"(?P<parts>(?:[^,,;。\d]{{1,20}}?{_AMT}\s*[,,、;]?\s*){{2,12}})")
_PART = regex.compile(rf"(?P<label>[^,,;。\d]{{1,20}}?)(?P<amt>{_AMT})")
_YOY = regex.compile(
    rf"(?P<cur>{_AMT})[^\d]{{0,16}}?(?:同比|比上年|较上年|比去年|较去年)(?:度|同期)?[^\d]{{0,4}}?(?P<dir>增加|增长|减少|下降|降低)"
    rf"\s*(?P<delta>{_AMT})\s*[,,]?\s*(?:同比)?(?:增加|增长|减少|下降|降低|增幅|降幅)(?:为|了)?\s*(?P<pct>{NUMBER}\s*%)")
_TOTAL_SCORE = regex.compile(
    rf"(?:(?:自评|评价|综合|考评|最终|绩效)(?:得分|评分|总分|分数|分)|总得分|得分合计|(?:该|本)?(?:项目|部门)(?:综合)?得分)"
    rf"(?:合计)?(?:\(分\))?(?:为|是|:|达到|达)?\s*"
    rf"(?P<v>{NUMBER})(?:\s*分(?![值数]|及|以上|以下)|(?![\d.%万元年月日个项次人分]))")


def part_sums(text: str) -> list[TextSum]:
    out = []
    for m in _PARTS.finditer(text):
        total = parse_amount(m["total"])
        parts, halves, labels = [], [total.half_unit if total else 0], []
        for p in _PART.finditer(m["parts"]):
            if regex.search(r"同比|增加|减少|增长|下降|比上年", p["label"]):
                break  # the list turned into a comparison
            num = parse_amount(p["amt"])
            if num is None:
                break
            parts.append(num.value)
            halves.append(num.half_unit)
            labels.append(p["label"].strip(" ,,、;:"))
        if total is None or len(parts) < 2:
            continue
        out.append(TextSum(kind="parts", total=total.value, parts=parts, half_unit=max(halves),
                           text=m[0][:200], pointer=None, labels=labels))
    return out


def yoy_changes(text: str) -> list[TextSum]:
    out = []
    for m in _YOY.finditer(text):
        cur, delta, pct = parse_amount(m["cur"]), parse_amount(m["delta"]), parse_percent(m["pct"])
        if cur is None or delta is None or pct is None:
            continue
        sign = -1 if m["dir"] in ("减少", "下降", "降低") else 1
        out.append(TextSum(kind="yoy", total=cur.value, parts=[sign * delta.value], half_unit=max(cur.half_unit, delta.half_unit),
                           text=m[0][:200], stated_rate=pct.value, rate_half_unit=pct.half_unit))
    return out


def stated_total_score(text: str) -> Found | None:
    for m in _TOTAL_SCORE.finditer(text):
        num = parse_arabic(m["v"])
        if num is not None and 0 < num.value <= 100:
            return Found(num.value, m.start("v"), m.end("v"), num.half_unit)
    return None


def stated_indicator_count(text: str) -> Found | None:
    m = regex.search(r"共(?:设有?|设置|有|包括|含)?\s*(\d{1,2})\s*(?:类|个|项)\s*(?:[一二三]级)?(?:评价)?指标", text)
    if m:
        return Found(int(m[1]), m.start(1), m.end(1))
    return None
