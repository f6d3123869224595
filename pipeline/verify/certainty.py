"""How sure a verdict is: a check fails only where the report's own figures, each read with certainty,
contradict each other.

A failed check is held against what we know of how its inputs were read and of how misreadings look.
Each doubt below is a small function with a stable code; where any applies, the failure becomes a
"needs a look" verdict (status `warn`, `finding` "fail", `certainty` "unsure", the doubts listed with
their reasons) instead of `fail`. What the check would have found stays in its message and figures.

Why these signals. A real report error is small and local: one score, one figure, one rounding. Our
misreadings leave larger and more regular marks, and those are what the doubts look for:
- a sum that comes out twice or three times its stated total (within 5 %): a column counted twice,
  two breakdowns of one total (by source and by use) read as one, rows of a second table;
- a sum off by a power of ten (10 … 10,000): a unit (元 / 万元) taken wrong, or a glued run cut a
  digit or more to one side;
- weights and scores both short, the scores by no more than the weights: as a lost row would leave them;
- inputs read unsurely: a glued run of figures (a rate of more than three integer digits is amounts and a
  rate run together), an OCR reading under its confidence bar, a table read by a fallback reader or with
  cells its readings disagree on, a document cut before its table ends.
A doubt never turns a pass into a failure, and a failure without doubts stays a failure.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache

import regex

from .. import pointers
from ..normalise import normalise_string
from ..record import Check, Record
from ..tables.glued import rate_matches
from ..tables.roles import is_investment
from .base import decimals, fmt, is_bonus, leaves

# OCR lines under this confidence are kept but are not figures a failure can rest on (RapidOCR's scores
# on our clean scans are 0.95–1.0; the misreads we have seen scored under 0.9).
OCR_CONFIDENCE_BAR = 0.9
# a sum within this share of twice or three times its total is not one wrong figure but rows or columns read
# twice (one typo rarely lands there: a parent's 5 over children adding to 9 is 1.8, outside)
MULTIPLES = (2, 3)
MULTIPLE_SLACK = 0.05
# a ratio within this share of a power of ten is a unit or a cut, not a report error
UNIT_SLACK = 0.01
UNIT_FACTORS = (10, 100, 1_000, 10_000)
# sums compared with a stated total: the checks whose expected / actual are a total and a sum of parts
SUM_CHECKS = frozenset({"indicator_scores_sum", "indicator_weights_sum", "subtotals_match", "funding_sources_sum",
                        "subprojects_sum", "subproject_items_sum", "part_sums_text", "selfeval_total"})
SCORE_TABLE_CHECKS = frozenset({"indicator_scores_sum", "indicator_weights_sum", "subtotals_match",
                                "score_within_weight", "selfeval_total"})
# a percent printed with more than three integer digits (1484631.00%): amounts and a rate a scrape glued
GLUED_PERCENT = regex.compile(r"\d{4,}(?:\.\d+)?\s*%")
# a figure with two decimal points (87.789.7): two cells run together
GLUED_DECIMALS = regex.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True)
class Doubt:
    """One reason a verdict is unsure, with the value it concerns where there is one."""

    code: str
    zh: str
    en: str
    pointer: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


DoubtFinder = Callable[[Record, Check], list[Doubt]]
DOUBTS: dict[str, DoubtFinder] = {}


def doubt(code: str):
    """Register a doubt finder under a stable code."""
    def wrap(fn: DoubtFinder) -> DoubtFinder:
        DOUBTS[code] = fn
        return fn
    return wrap


def _numbers(check: Check) -> tuple[float, float] | None:
    stated, computed = check.expected, check.actual
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (stated, computed)):
        return None
    return float(stated), float(computed)


@doubt("multiple_of_total")
def multiple_of_total(record: Record, check: Check) -> list[Doubt]:
    """The parts sum to twice or three times their stated total, within 5 %."""
    pair = _numbers(check)
    if check.id not in SUM_CHECKS or pair is None or pair[0] <= 0:
        return []
    ratio = pair[1] / pair[0]
    if not any(abs(ratio / k - 1) <= MULTIPLE_SLACK for k in MULTIPLES):
        return []
    return [Doubt("multiple_of_total", f"各项之和是合计的{ratio:.2f}倍:疑为一列或两种分类被重复计入",
                  f"the parts sum to {ratio:.2f} times their total: a column or a second breakdown counted twice")]


@doubt("unit_factor")
def unit_factor(record: Record, check: Check) -> list[Doubt]:
    """The two figures differ by a power of ten (10 … 10,000), within 1 %."""
    pair = _numbers(check)
    if pair is None or pair[0] == 0 or pair[1] == 0:
        return []
    ratio = max(abs(pair[0]), abs(pair[1])) / min(abs(pair[0]), abs(pair[1]))
    for factor in UNIT_FACTORS:
        if abs(ratio / factor - 1) <= UNIT_SLACK:
            return [Doubt("unit_factor", f"两数相差约{factor}倍:疑为单位(元/万元)或数字切分错位",
                          f"the figures differ by about {factor}×: a unit (元 / 万元) or a run cut in the wrong place")]
    return []


def _weighted_leaves(inds: list) -> list:
    """The leaf rows a weights sum adds: those with a weight, bonus and deduction rows left out."""
    return [inds[i] for i in leaves(inds) if inds[i].weight is not None and not is_bonus(inds[i], inds)]


@doubt("row_lost")
def row_lost(record: Record, check: Check) -> list[Doubt]:
    """Leaf weights short of 100 by W ≥ 2 and leaf scores short of the total by S, 0 < S ≤ W."""
    if check.id not in SCORE_TABLE_CHECKS:
        return []
    inds = record.scores.indicators
    rows = _weighted_leaves(inds)
    total_weight = record.scores.total_weight or 100
    total = record.scores.total_score
    if not rows or total is None:
        return []
    short_w = total_weight - sum(i.weight for i in rows)
    short_s = total - sum(i.score for i in rows if i.score is not None)
    if short_w >= 2 and 0 < short_s <= short_w + 0.05:
        return [Doubt("row_lost", f"权重少{_f(short_w)}、得分少{_f(short_s)},如同漏读了一行",
                      f"weights short by {_f(short_w)} and scores by {_f(short_s)}, as a row lost in reading would "
                      "leave them")]
    return []


# The published forms' first-level categories (DOMAIN.md §1.1, §2.3): the self-assessment form's 产出 / 效益 / 满意度 (90 points,
# with the funds block's 预算执行率 row worth the other 10), and the evaluation's 决策 / 过程 / 产出 / 效益; what names
# each, at level one or two (数量指标 … 成本指标 are 产出's)
_CATEGORY_NAMES = {"产出": regex.compile(r"产出|数量指标|质量指标|时效指标|成本指标"),
                   "效益": regex.compile(r"效益|效果|可持续影响"), "满意度": regex.compile(r"满意度"),
                   "决策": regex.compile(r"决策|立项|绩效目标|资金投入"), "过程": regex.compile(r"过程|项目管理|资金管理|组织实施")}
_SELF_ASSESSMENT_FORM = ("产出", "效益", "满意度")
_EVALUATION_FORM = ("决策", "过程", "产出", "效益")
FORM_TOTAL = 100
# the fewest points a category of the forms carries (满意度 10, the 预算执行率 row 10; 5 allows for a local form): leaf
# weights short by less are a typo in a row, not a category lost
CATEGORY_LEAST = 5


def _categories_named(inds: list) -> set[str]:
    """The categories a table's heads name: rows over others, or of levels one and two where it has deeper ones (a
    flat list of leaves, '绩效目标合理性', names none)."""
    parents = {i.parent for i in inds if i.parent is not None}
    deep = any(i.level is not None and i.level >= 3 for i in inds)
    heads = [ind for k, ind in enumerate(inds) if k in parents or (deep and ind.level is not None and ind.level <= 2)]
    return {cat for ind in heads for cat, names in _CATEGORY_NAMES.items() if names.search(ind.name or "")}


@doubt("category_unread")
def category_unread(record: Record, check: Check) -> list[Doubt]:
    """The score table's rows come short of its total, which it prints as the form's 100, its leaf weights by a
    category's points at least (CATEGORY_LEAST), and it is one of the published forms with one of the form's
    first-level categories never named in its category rows (a self-assessment's 效益指标, or its funds block's
    预算执行率 row, the other 10 points): a page or the block that held them is unread, more likely than a form whose
    own figures miss a whole category. A row's weight or score off by a point or two is a typo and stays certain."""
    pair = _numbers(check)
    if check.id not in ("indicator_weights_sum", "indicator_scores_sum") or pair is None or pair[1] >= pair[0] \
            or record.scores.total_weight != FORM_TOTAL:
        return []  # (a table printing another total is a part of a form, or another form)
    inds = record.scores.indicators
    if FORM_TOTAL - sum(i.weight for i in _weighted_leaves(inds)) < CATEGORY_LEAST:
        return []  # (the weights hold the whole 100: whatever the scores lack, no category went unread)
    named = _categories_named(inds)
    form = _EVALUATION_FORM if named & {"决策", "过程"} else _SELF_ASSESSMENT_FORM
    if not named & set(form):
        return []
    missing = [c for c in form if c not in named]
    if form is _SELF_ASSESSMENT_FORM and not any(i.kind == "budget_execution" for i in inds):
        missing.append("预算执行率")
    if not missing:
        return []
    return [Doubt("category_unread", f"评分表未读到{'、'.join(missing)}的行,而各行合计不足:其所在的页或资金表可能未读到",
                  f"no row of {', '.join(missing)} was read and the rows come short: the page or the funds block that "
                  "held them may be unread")]


# the most points one leaf row carries (DOMAIN.md §4.2: weights are 0.5 … 60)
LEAF_WEIGHT_MAX = 60


@doubt("leaf_weight_implausible")
def leaf_weight_implausible(record: Record, check: Check) -> list[Doubt]:
    """A leaf row the check adds holds a weight no leaf carries: over LEAF_WEIGHT_MAX, or the whole table's total
    weight. The reading placed another column's figure there (a single indicator's own 100-point score, a
    percent), so the sum says nothing of the report."""
    if check.id not in SCORE_TABLE_CHECKS:
        return []
    inds = record.scores.indicators
    total_weight = record.scores.total_weight or 100
    for i in leaves(inds):
        weight = inds[i].weight
        if weight is not None and not is_bonus(inds[i], inds) and (weight > LEAF_WEIGHT_MAX or weight >= total_weight):
            return [Doubt("leaf_weight_implausible",
                          f"第{i + 1}行的分值{_f(weight)}不是一行指标可有的分值:疑为读错了列",
                          f"row {i + 1}'s weight {_f(weight)} is no weight a leaf row carries: another column read there",
                          f"/scores/indicators/{i}/weight")]
    return []


def _cited_text(evidence: dict) -> str:
    """The cited text as the readers saw it: evidence keeps the raw text (traditional script, an OCR's look-alike
    letters in a figure), which the doubts' patterns are not written for."""
    text = evidence.get("text")
    return _normalised(text) if isinstance(text, str) else ""


@lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    # (several doubts read the same cited texts of every check: normalised once each)
    return normalise_string(text)


@doubt("glued_run")
def glued_run(record: Record, check: Check) -> list[Doubt]:
    """An input was read from a run of figures glued together (see GLUED_PERCENT, GLUED_DECIMALS)."""
    out = []
    for ev in check.evidence:
        if _corrected(record, ev):
            continue
        text = _cited_text(ev)
        if GLUED_PERCENT.search(text) or GLUED_DECIMALS.search(text):
            out.append(Doubt("glued_run", f"数字粘连,切分不唯一:{text[:40]}",
                             f"figures glued together, more than one way to cut them: {text[:40]}", ev.get("pointer")))
    return out[:1]


@doubt("ocr_low_confidence")
def ocr_low_confidence(record: Record, check: Check) -> list[Doubt]:
    """An input's OCR confidence is under OCR_CONFIDENCE_BAR."""
    for ev in check.evidence:
        if _corrected(record, ev):
            continue
        conf = ev.get("confidence")
        if isinstance(conf, (int, float)) and conf < OCR_CONFIDENCE_BAR:
            return [Doubt("ocr_low_confidence", f"识别置信度{conf:.2f}低于{OCR_CONFIDENCE_BAR}",
                          f"OCR confidence {conf:.2f} under {OCR_CONFIDENCE_BAR}", ev.get("pointer"))]
    return []


@doubt("other_rates")
def other_rates(record: Record, check: Check) -> list[Doubt]:
    """The execution rate the check compares is one of several rates the text states, each perhaps of its own
    part of the funds: the amounts confirm none of them, and which goes with them is not certain."""
    if check.id != "execution_rate":
        return []
    others = (record.provenance.get(pointers.EXECUTION_RATE) or {}).get("other_rates") or []
    if not others or _corrected(record, {"pointer": pointers.EXECUTION_RATE}):
        return []
    listed = "、".join(f"{_f(r)}%" for r in others[:4])
    return [Doubt("other_rates", f"文中另有执行率{listed},与所读金额均不相符,哪一个属于这两个金额不确定",
                  f"the text states other rates too ({listed}); none fits the amounts read, and which goes with them "
                  "is not certain", pointers.EXECUTION_RATE)]


@doubt("bands_not_stated")
def bands_not_stated(record: Record, check: Check) -> list[Doubt]:
    """The grade was held against bands the report does not state (the regime's, DOMAIN.md §1.2): local rules
    set their own bands, so a grade outside the regime's band departs from a rule, not from the report's own
    figures (DOMAIN.md §3: hard errors are the bands a report states)."""
    if check.id != "grade_matches_score" or record.grade.bands_source == "report":
        return []
    return [Doubt("bands_not_stated", "报告未陈述等级区间,所用区间为通行规定,地方规定可能不同",
                  "the report states no bands: the regime's were used, and local rules may differ", pointers.GRADE_BANDS)]


# the rates of money paid out to people (补贴发放率, 兑付率), which the 自评表 also sets as output targets
# ('质量指标 … 经费发放率为98%'), unlike the spending's own ratios (支付率, 拨付率, 执行进度)
_INDICATOR_RATE = regex.compile(r"(?:发放|兑付|兑现)率")


# a spending ratio named by its verb (资金拨付率, 支付率, 使用率) is the execution rate where the spending is worded by
# the same verb; beside money 使用 or 支出 a '资金足额拨付率100%' is as likely an indicator's value
# (支出, 支付 and 使用 are one act, the money spent; 拨付 passes it on to the unit that spends it)
_RATE_VERB_CLASSES = {"拨付": "passed_on", "支付": "spent", "支出": "spent", "使用": "spent", "投资": "invested"}
_RATE_VERB = regex.compile("|".join(_RATE_VERB_CLASSES))


def _verb_apart(rate_text: str, record: Record) -> bool:
    verb = _RATE_VERB.search(rate_text)
    spent = (record.provenance.get(pointers.EXECUTED_YUAN) or {}).get("label")
    if verb is None or spent is None:
        return False
    classes = {_RATE_VERB_CLASSES[v] for v in _RATE_VERB.findall(spent)}
    return bool(classes) and _RATE_VERB_CLASSES[verb[0]] not in classes


@doubt("rate_by_other_name")
def rate_by_other_name(record: Record, check: Check) -> list[Doubt]:
    """The rate compared is a payout rate ('经费发放率为98%', '兑付率'), or a spending ratio named by another verb
    than the spending's ('资金足额拨付率' beside '资金使用情况 合计'), not named an execution rate: the
    self-assessment form sets such rates as output indicators, so it is as often a target's value as the
    execution rate, and the amounts did not confirm it."""
    if check.id != "execution_rate":
        return []
    text = _cited_text(record.provenance.get(pointers.EXECUTION_RATE) or {})
    if "执行" in text or not (_INDICATOR_RATE.search(text) or _verb_apart(text, record)):
        return []
    if _corrected(record, {"pointer": pointers.EXECUTION_RATE}):
        return []
    return [Doubt("rate_by_other_name", f"所比的比率“{text}”是发放类比率,可能是某项指标的值而非预算执行率",
                  f"the rate compared ('{text}') is a payout rate: it may be an indicator's value, not the execution rate",
                  pointers.EXECUTION_RATE)]


@doubt("budget_is_investment")
def budget_is_investment(record: Record, check: Check) -> list[Doubt]:
    """The budget compared is a works' total investment (总投资) that no stated rate confirmed: a report on one
    fund of the works often states the whole investment, and the rate is of its own funds, not of the whole."""
    if check.id != "execution_rate":
        return []
    cited = record.provenance.get(pointers.BUDGET_YUAN) or {}
    if cited.get("picked_by") != "role_order" or not is_investment(cited.get("label") or ""):
        return []
    if _corrected(record, {"pointer": pointers.BUDGET_YUAN}):
        return []
    return [Doubt("budget_is_investment", "所比的预算数是工程总投资,未经所述执行率印证,可能不是被评价资金",
                  "the budget compared is the works' total investment, which no stated rate confirmed: it may not be the "
                  "funds evaluated", pointers.BUDGET_YUAN)]


@doubt("amount_is_a_part")
def amount_is_a_part(record: Record, check: Check) -> list[Doubt]:
    """The budget or executed amount compared is one part of a larger total the text breaks down ('实际支出14474万元。
    其中, 中央资金支出11300万元'), no stated rate confirmed it, and the whole in its place gives the stated rate: the
    whole may be the figure the rate is of. (Where the whole does not give it either, the failure stands.)"""
    if check.id != "execution_rate":
        return []
    out = []
    b = record.budget
    for pointer, word_zh, word_en in ((pointers.BUDGET_YUAN, "预算数", "budget"), (pointers.EXECUTED_YUAN, "执行数", "executed amount")):
        cited = record.provenance.get(pointer) or {}
        whole, value = cited.get("part_of"), cited.get("part_of_value")
        if not whole or not value or _corrected(record, {"pointer": pointer}):
            continue
        # only where the whole would give the stated rate: a rate no reading gives is the report's own contradiction
        budget, executed = (value, b.executed_yuan) if pointer == pointers.BUDGET_YUAN else (b.budget_yuan, value)
        if budget and executed is not None and b.execution_rate is not None and \
                rate_matches(executed / budget * 100, b.execution_rate, decimals(b.execution_rate)):
            out.append(Doubt("amount_is_a_part", f"所比的{word_zh}是“{whole}”的一部分,以总数计则与所述执行率相符,可能应取总数",
                             f"the {word_en} compared is one part of '{whole}'; the whole gives the stated rate, and may be "
                             "the figure", pointer))
    return out


@doubt("rate_of_a_part")
def rate_of_a_part(record: Record, check: Check) -> list[Doubt]:
    """The budget compared is a total the text breaks down ('合计项目资金100万元': 财政预算资金80万元 + 村集体自筹20万元),
    and the executed amount over one of its parts gives the stated rate exactly: the rate may be of that part of the
    funds (the fiscal money a 自评 reports on), not of the whole."""
    if check.id != "execution_rate":
        return []
    cited = record.provenance.get(pointers.EXECUTION_RATE) or {}
    part = cited.get("fits_part")
    if not part or _corrected(record, {"pointer": pointers.BUDGET_YUAN}):
        return []
    return [Doubt("rate_of_a_part", f"执行数与预算数中的“{part}”之比正合所述执行率,该比率可能只针对这部分资金",
                  f"the executed amount over '{part}', one part of the budget, gives the stated rate: the rate may be of "
                  "that part of the funds", pointers.EXECUTION_RATE)]


# the record's value each kind of repeated statement (record.mentions) is a copy of
MENTION_POINTERS = {"budget_yuan": pointers.BUDGET_YUAN, "executed_yuan": pointers.EXECUTED_YUAN,
                    "execution_rate": pointers.EXECUTION_RATE, "total_score": pointers.TOTAL_SCORE}


def _copies(record: Record, pointer: str) -> tuple[list, list]:
    """(copies that agree with the record's value at `pointer`, copies that do not), from the mentions."""
    field = next((f for f, p in MENTION_POINTERS.items() if p == pointer), None)
    value = _value_at(record, pointer)
    if field is None or not isinstance(value, (int, float)):
        return [], []
    agree, differ = [], []
    own = _place(record, pointer)
    for m in record.mentions:
        # the statement the record's value was read from is not a second copy of it
        if m.field == field and m.pointer != pointer and (own is None or _place(record, m.pointer) != own):
            (agree if abs(m.value - value) <= m.half_unit + 1e-9 else differ).append(m)
    return agree, differ


def _place(record: Record, pointer: str) -> tuple | None:
    entry = record.provenance.get(pointer) or {}
    if not entry.get("chars") and not entry.get("bbox"):
        return None  # a text without a place may stand anywhere: '95.5' twice is two statements
    return entry.get("page"), tuple(entry.get("chars") or ()), tuple(entry.get("bbox") or ())


def _value_at(record: Record, pointer: str):
    section, _, name = pointer.strip("/").partition("/")
    return getattr(getattr(record, section, None), name, None)


@doubt("copies_disagree")
def copies_disagree(record: Record, check: Check) -> list[Doubt]:
    """An input is stated elsewhere in the report with another value (record.mentions), and with that
    copy the check would pass: which copy is right is for a person to see. The check used the copy the
    record keeps (the form's or the table's cell, else the first statement); the disagreement itself is
    repeated_figures_agree's failure."""
    if check.id == "repeated_figures_agree":
        return []
    for ev in check.evidence:
        pointer = ev.get("pointer") or ""
        _, differ = _copies(record, pointer)
        for other in differ:
            if _passes_with(record, check.id, pointer, other.value):
                used = _value_at(record, pointer)
                text = other.text[:40]
                return [Doubt("copies_disagree", f"该数另处写作「{text}」,以之核对则相符;核对用的是{_f(used)}(记录所取的一处)",
                              f"the figure is also stated as '{text}', with which the check holds; it used "
                              f"{_f(used)}, the copy the record keeps", pointer)]
    return []


def _passes_with(record: Record, check_id: str, pointer: str, value: float) -> bool:
    from .base import REGISTRY
    trial = Record.from_dict(record.to_dict())
    section, _, name = pointer.strip("/").partition("/")
    setattr(getattr(trial, section), name, value)
    return REGISTRY[check_id].run(trial).status == "pass"


def corroborated(record: Record, check: Check) -> list[dict]:
    """The inputs stated more than once whose every copy agrees: {pointer, copies: the copies' pointers}
    (their texts are in provenance)."""
    out = []
    for ev in check.evidence:
        pointer = ev.get("pointer") or ""
        agree, differ = _copies(record, pointer)
        if agree and not differ:
            out.append({"pointer": pointer, "copies": [m.pointer for m in agree]})
    return out


@doubt("formula_value")
def formula_value(record: Record, check: Check) -> list[Doubt]:
    """An input is the cached result of a formula that reads another workbook: it may be stale. A formula
    within the workbook is not a doubt: its cached result is what the author's sheet says (a SUM over
    the wrong range is the report's own error, the usual one in a spreadsheet)."""
    if check.id == "formula_values":
        return []
    for ev in check.evidence:
        entry = record.provenance.get(ev.get("pointer") or "") or {}
        if entry.get("external_link") and not entry.get("corrected"):
            return [Doubt("formula_value", "输入值来自引用外部工作簿的公式,可能过时",
                          "an input is a formula reading another workbook, perhaps stale", ev.get("pointer"))]
    return []


@doubt("table_not_closed")
def table_not_closed(record: Record, check: Check) -> list[Doubt]:
    """Another reader read more rows of the score table than the reading kept, their weights closer to the
    total weight (the kept reading may have lost a row), or a cell of the kept reading reads two ways that
    differ by exactly the check's gap (its other reading would make the table add up), or that one of its
    readings leaves empty (the row's points are unread and no sum holds them)."""
    if check.id not in SCORE_TABLE_CHECKS:
        return []
    report = record.scores.table_report or {}
    if not report:
        return []
    readings = report.get("readings") or []
    kept = next((r for r in readings if r.get("reader") == report.get("reader")), None)
    target = record.scores.total_weight or 100
    more = [r for r in readings if kept is not None and (r.get("rows") or 0) > (kept.get("rows") or 0)
            and abs((r.get("weights") or 0) - target) < abs((kept.get("weights") or 0) - target)]
    if more:
        other = more[0]
        return [Doubt("table_not_closed", f"另一读法({other['reader']})读出{other['rows']}行,所用读法{kept['rows']}行",
                      f"another reading ({other['reader']}) found {other['rows']} rows, the one kept {kept['rows']}")]
    pair = _numbers(check)
    gap = abs(pair[0] - pair[1]) if pair else None
    for cell in report.get("ambiguous") or []:
        for values in (cell.get("columns") or {}).values():
            figures = [v for v in values if isinstance(v, (int, float))]
            if None in values and figures:
                # one reading leaves the cell empty: the row's points stand unread, outside every sum
                return [Doubt("table_not_closed", f"评分表「{cell.get('row', '')[:20]}」一格未读出(可能为"
                              f"{'或'.join(fmt(v) for v in figures)}),合计未计入",
                              f"a cell of the row '{cell.get('row', '')[:20]}' is unread (perhaps "
                              f"{' or '.join(fmt(v) for v in figures)}); the sum leaves it out")]
            # the other reading of this cell would close the check's gap: the reading, not the report, is unsure
            if gap is not None and any(abs(abs(a - b) - gap) <= 0.05 for a in figures for b in figures if a != b):
                return [Doubt("table_not_closed", f"评分表「{cell.get('row', '')[:20]}」一格有两种读法,另一读法即相符",
                              f"a cell of the row '{cell.get('row', '')[:20]}' reads two ways, and the other reading "
                              "closes the gap")]
    return []


@doubt("inputs_uncited")
def inputs_uncited(record: Record, check: Check) -> list[Doubt]:
    """A score-table check whose figures none can be traced to a place in the text (a glued run the table's reading
    cut and placed, rows whose points it could not cite): what it compares is the reading's, not the report's."""
    if check.id not in SCORE_TABLE_CHECKS or check.evidence:
        return []
    return [Doubt("inputs_uncited", "所比的分值未能对应到原文位置(粘连的数字由读表推定),不能确定是报告自相矛盾",
                  "none of the points compared can be traced to a place in the text (a glued run the table reading "
                  "placed): the reading, not the report, may be wrong")]


# a row's figures: not a year ('2023年', '2023-2025') nor a date's parts
_FIGURES = regex.compile(r"(?<!\d)(?!(?:19|20)\d\d(?:年|-|—|~|至|$))\d+(?:\.\d+)?(?![年月日])")
# What a table report says of a row whose figures were not read into it (tables/scores.py, tables/funds.py)
UNREAD_ROW_REASONS = frozenset({"no weight or score", "no figure fits the header"})


@doubt("row_unread")
def row_unread(record: Record, check: Check) -> list[Doubt]:
    """The table the check adds up skipped a row that holds figures, two or more (its table report names
    it): a row lost to the reading, not to the report. One figure alone is a row's number (行次) on an empty
    row, not a row lost."""
    if check.id in SCORE_TABLE_CHECKS:
        report = record.scores.table_report or {}
    elif check.id == "funding_sources_sum":
        report = getattr(record.budget, "funds_report", None) or {}
    else:
        return []
    for skipped in report.get("rows_skipped") or []:
        text = skipped.get("text") or ""
        if skipped.get("reason") in UNREAD_ROW_REASONS and len(_FIGURES.findall(text)) >= 2:
            return [Doubt("row_unread", f"表中有一行的数字未读入:{text[:30]}",
                          f"a row of the table holds figures that were not read: {text[:30]}")]
    return []


@doubt("row_unnamed")
def row_unnamed(record: Record, check: Check) -> list[Doubt]:
    """A part the check adds holds figures but no name, or a name that opens on a clause mark (the rest of the cell
    before it): a row the reading could not place (a cell broken onto a line of its own, a category's figures, a
    note's figures), whose figures may be no part at all."""
    if check.id == "funding_sources_sum":
        parts = [f for f in record.budget.funding_sources if not f.is_total]
    elif check.id in ("indicator_scores_sum", "indicator_weights_sum"):
        inds = record.scores.indicators
        parts = [inds[i] for i in leaves(inds)]
    else:
        return []
    for part in parts:
        name = (part.name or "").strip()
        if not name:
            return [Doubt("row_unnamed", "相加的各行中有一行只有数字、没有名称,未能确认它属于此表",
                          "one of the rows added up holds figures but no name: the reading could not place it")]
        # (a fragment with its score is a real row whose numbering the reading mangled, '(1)、新建道路长度 | 20 | 20')
        if _FRAGMENT_NAME.match(name) and getattr(part, "score", None) is None:
            return [Doubt("row_unnamed", f"相加的各行中有一行的名称“{name[:12]}”以标点开头,是前一单元格的残片",
                          f"one of the rows added up is named '{name[:12]}', which opens on a clause mark: a piece of the "
                          "cell before it (a note's figures read as a row)")]
    return []


# a name no indicator has: it opens on a clause mark, the rest of the cell before it ('目标值2座,完成值9座')
_FRAGMENT_NAME = regex.compile(r"[,,;;、::。]")


@doubt("row_half_read")
def row_half_read(record: Record, check: Check) -> list[Doubt]:
    """A leaf row of the score table was read with one of its two figures, weight or score, where every other leaf has
    both: its other figure went to another cell or none ('农产品运输成本降低 降低 降低 10 9' read as weight 9, no score),
    so the sums the check compares rest on a row half read."""
    if check.id not in SCORE_TABLE_CHECKS:
        return []
    inds = record.scores.indicators
    rows = [inds[i] for i in leaves(inds) if not is_bonus(inds[i], inds)]
    half = [r for r in rows if (r.weight is None) != (r.score is None)]
    whole = [r for r in rows if r.weight is not None and r.score is not None]
    if len(half) == 1 and len(whole) >= 3:
        row = half[0]
        return [Doubt("row_half_read", f"评分表「{(row.name or '')[:20]}」一行只读到分值或得分之一,其余各行两者俱全",
                      f"the score row '{(row.name or '')[:20]}' was read with only one of its weight and score, where "
                      "every other row has both")]
    return []


@doubt("table_open_end")
def table_open_end(record: Record, check: Check) -> list[Doubt]:
    """The score table has no totals row and its leaf sums come short of the form's total: nothing shows where
    the table ended, so rows after the last one read (a page cut, a layout the reader lost) may be unread. A
    table whose totals row stands keeps its failures."""
    if check.id not in ("indicator_weights_sum", "indicator_scores_sum") or record.scores.table_total_row:
        return []
    pair = _numbers(check)
    if pair is None or pair[1] >= pair[0]:
        return []
    return [Doubt("table_open_end", "评分表没有合计行,各行合计又不足:其后的行可能未读到",
                  "the score table has no totals row and its rows come short: rows after the last one read may "
                  "be unread")]


@doubt("funds_parts_empty")
def funds_parts_empty(record: Record, check: Check) -> list[Doubt]:
    """A funds block whose total is filled and whose source rows all read 0: the filled source row (当年财政拨款)
    was not read, as a block whose cells a layout scattered leaves it; a report that prints 0 in every row
    under a filled total is far rarer than a row lost in reading."""
    pair = _numbers(check)
    if check.id != "funding_sources_sum" or pair is None or not (pair[0] > 0 and pair[1] == 0):
        return []
    return [Doubt("funds_parts_empty", "资金来源各行均为0而合计不为0:有数的来源行疑未读到",
                  "every source row reads 0 under a filled total: the filled source row may be unread")]


@doubt("table_head_missing")
def table_head_missing(record: Record, check: Check) -> list[Doubt]:
    """The score table was read without its header: the document opens inside it, so rows above the cut
    (and the execution row a 自评表 prints in its funds block) are lost, and its columns were assumed."""
    report = record.scores.table_report or {}
    if check.id in SCORE_TABLE_CHECKS and report.get("headerless"):
        return [Doubt("table_head_missing", "评分表无表头(文档从表中开始),其上各行及列的含义未读到",
                      "the score table has no header (the document opens inside it): the rows above and what "
                      "each column holds were not read")]
    return []


@doubt("full_stop_between_figures")
def full_stop_between_figures(record: Record, check: Check) -> list[Doubt]:
    """The text has a full stop between two figures (source.full_stops_between_figures, '27285。3万元支持…'): an OCR
    reads a decimal point so (DOMAIN.md §4.3), and normalising cannot tell it from a sentence that ends on a figure
    before one that opens on one, so it is left as printed. Any figure of such a text may have been read short of its
    decimals, in its prose or its tables alike: every check on the text's figures needs a look."""
    stops = record.source.full_stops_between_figures
    if not stops:
        return []
    return [Doubt("full_stop_between_figures", f"文中数字之间有句号({stops[0]['text']}),可能是识读成句号的小数点,所读数字不确定",
                  f"a full stop stands between two figures in the text ({stops[0]['text']}): it may be a decimal point an "
                  "OCR misread, so the figures read are not sure")]



@doubt("document_cut")
def document_cut(record: Record, check: Check) -> list[Doubt]:
    """The document is cut and the table or list the check adds up may have lost rows to the cut: a score
    table with no total row, a funds block whose parts come short of its total and after whose last row the
    text ends, a total's parts listed in a sentence the document ends inside."""
    pair = _numbers(check)
    cited = {ev.get("pointer") for ev in check.evidence}
    if check.id in ("part_sums_text", "funding_sources_sum") and pair and pair[1] < pair[0] and any(
            t.reaches_end for t in record.text_sums if t.pointer in cited):
        return [Doubt("document_cut", "文档在分项列举中中断,其后的分项未读到",
                      "the document ends inside the list of parts: the parts after the cut are unread")]
    if not record.source.truncated:
        return []
    if check.id in SCORE_TABLE_CHECKS and not record.scores.table_total_row:
        return [Doubt("document_cut", "文档不完整,评分表可能缺行",
                      "the document is cut: rows of the score table may be unread")]
    funds = getattr(record.budget, "funds_report", None) or {}
    if check.id == "funding_sources_sum" and funds.get("reaches_end") and pair and pair[1] < pair[0]:
        return [Doubt("document_cut", "文档在资金表处中断,其后的来源行可能未读到",
                      "the document ends inside the funds block: source rows after the cut may be unread")]
    return []


@doubt("figure_at_the_cut")
def figure_at_the_cut(record: Record, check: Check) -> list[Doubt]:
    """The document is cut and an input is the last thing in it: a figure the cut stopped may have lost its last
    digits ('…项目绩效100%/82.68' shown as '82.6'), and nothing after it says whether it did."""
    cut_at = record.source.cut_at
    for ev in check.evidence:
        chars = ev.get("chars")
        if cut_at is not None and chars and chars[1] >= cut_at and not _corrected(record, ev):
            return [Doubt("figure_at_the_cut", f"数字{ev.get('text')}位于文档截断处,末位可能被截去",
                          f"the figure {ev.get('text')} is where the document was cut: its last digits may be lost",
                          ev.get("pointer"))]
    return []


def _text_sums_cited(record: Record, check: Check) -> list:
    cited = {ev.get("pointer") for ev in check.evidence}
    return [t for t in record.text_sums if t.kind == "parts" and t.pointer in cited]


def _lists_short_of_their_total(record: Record, check: Check) -> list:
    """The prose lists a failing part_sums_text rests on, where their parts come short of the total."""
    pair = _numbers(check)
    if check.id != "part_sums_text" or not pair or pair[1] >= pair[0]:
        return []
    return _text_sums_cited(record, check)


# how far the whole the parts' printed shares give may stand from the total compared: the shares' own rounding
# (27.91 % of 482.46 is 134.65 to 134.68) is far inside it
SHARES_SLACK = 0.01


@doubt("list_stopped")
def list_stopped(record: Record, check: Check) -> list[Doubt]:
    """The prose list of parts comes short of its total, and its reading ended before the sentence did, at a figure
    that could be no part of it (a spend, a total, a figure over the total): the parts after it are unread."""
    if any(t.stopped for t in _lists_short_of_their_total(record, check)):
        return [Doubt("list_stopped", "分项列举在句中因一个不像分项的数字而停止读取,其后的分项未读到",
                      "the list was read up to a figure that could be no part of it, before its sentence ended: the "
                      "parts after it are unread")]
    return []


@doubt("list_hedged")
def list_hedged(record: Record, check: Check) -> list[Doubt]:
    """The prose list comes short of its total and is introduced as what the whole mainly includes ('主要包括',
    '主要有'): it need not name every part."""
    if any(t.hedged for t in _lists_short_of_their_total(record, check)):
        return [Doubt("list_hedged", "分项以“主要包括”列出,可能只列了主要部分",
                      "the parts are introduced as what the whole mainly includes (主要包括): the list need not name "
                      "them all")]
    return []


@doubt("shares_elsewhere")
def shares_elsewhere(record: Record, check: Check) -> list[Doubt]:
    """The parts print their shares of a whole ('134.67万元,占固定资产的27.91%') and those shares give a whole other
    than the total the check compares (by more than SHARES_SLACK): the parts belong to another figure."""
    pair = _numbers(check)
    if check.id != "part_sums_text" or not pair:
        return []
    for t in _text_sums_cited(record, check):
        # (shares that give the parts' own sum confirm the parts: the total is the figure out of step)
        if t.shares_total and t.total and abs(t.shares_total - t.total) > SHARES_SLACK * t.total \
                and abs(t.shares_total - sum(t.parts)) > SHARES_SLACK * t.shares_total:
            return [Doubt("shares_elsewhere", f"分项所注占比对应的总额约为{_f(round(t.shares_total, 2))}元,不是所比的合计",
                          f"the shares printed with the parts give a whole of about {_f(round(t.shares_total, 2))}, "
                          "not the total compared")]
    return []


def doubts_of(record: Record, check: Check) -> list[Doubt]:
    """Every doubt on a failed check's inputs. A check whose every input an auditor corrected has none: a
    value a person typed is read with certainty."""
    cited = [ev.get("pointer") for ev in check.evidence if ev.get("pointer")]
    if cited and all((record.provenance.get(p) or {}).get("corrected") for p in cited):
        return []
    out: list[Doubt] = []
    for finder in DOUBTS.values():
        out.extend(finder(record, check))
    return out


def weigh(record: Record, check: Check) -> Check:
    """`check` with its certainty: a failure with doubts becomes 'needs a look' (status warn)."""
    if check.status == "skip":
        return check
    check.finding = check.finding or check.status
    found = doubts_of(record, check) if check.finding == "fail" else []
    if check.status == "fail" and found:
        check.status = "warn"
        check.message += (f" — 需复核: {'; '.join(d.zh for d in found)} / "
                          f"needs a look: {'; '.join(d.en for d in found)}")
    check.doubts = check.doubts + [d.to_dict() for d in found]
    check.certainty = "unsure" if check.doubts else "certain"
    check.corroborated = corroborated(record, check)
    return check


def needs_look(check: Check | dict) -> bool:
    """A verdict a person should look at: what the figures gave was a failure, but it rests on doubts."""
    get = check.get if isinstance(check, dict) else lambda k: getattr(check, k, None)
    return get("finding") == "fail" and get("status") != "fail"


def _corrected(record: Record, ev: dict) -> bool:
    return bool((record.provenance.get(ev.get("pointer") or "") or {}).get("corrected"))


def _f(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".")
