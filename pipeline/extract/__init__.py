"""Extract stage: normalised text → a Record (without checks), every value cited in provenance."""
from __future__ import annotations

import regex

from .. import pointers
from ..document import Document
from ..normalise import NormalisedText
from ..numbers import decimals_of_half_unit
from ..record import Budget, FundingSource, Indicator, Mention, Record, Report, Scores, Source
from ..tables.glued import rate_matches
from ..tables.model import ScoreTable, TableReport
from ..tables.scores import adds_up, leaves, read_score_table
from . import budget as budget_mod
from . import grades, metadata, statements, truncation
from .context import Context, Found
from .result_table import ResultRow, is_results_notice, read_result_row, unit_of_every_row
from .splits import COMPARISON
from .subprojects import Ties, read_subprojects, results_table_subprojects

_EXECUTION_ROW = regex.compile(r"预算执行率|资金执行率|执行率|预算执行|支出率")
# Headings that the sections of a report begin with (DOMAIN.md §2.1), for document_complete.
SECTIONS = {
    "basic": r"基本情况|基本概况|项目概况|部门概况|单位概况|项目基本情况",
    "conclusion": r"评价结论|综合评价|评价结果|自评结论|自评得分|绩效自评结果|总体评价",
    "problems": r"存在(?:的)?问题|问题及原因|主要问题|问题和不足|偏差",
    "suggestions": r"建议|改进措施|整改措施|下一步",
}


def extract_record(doc: Document, norm: NormalisedText) -> Record:
    ctx = Context(norm)
    text = ctx.text
    record = Record(source=_source(doc, norm))

    _report(ctx, record)
    result = read_result_row(text) if is_results_notice(record.report.title) else None
    _report_from_result_row(ctx, record, result)
    record.cited_rules = metadata.find_cited_rules(text)
    facts = budget_mod.read_budget(ctx)
    _budget(ctx, record, facts)
    _project_of_the_allotment(ctx, record, facts)
    table = _scores(ctx, record, facts)
    _scores_from_result_row(ctx, record, result)
    _grades(ctx, record)
    if record.grade.stated is None and result is not None and result.grade is not None:
        record.grade.stated = result.grade.value
        ctx.cite(pointers.GRADE_STATED, result.grade)
    _subprojects(ctx, record, facts)
    for ts, split in statements.part_sums(text, ctx.splits):
        ts.pointer = pointers.text_sum(len(record.text_sums))
        record.text_sums.append(ts)
        ctx.cite(ts.pointer, (split.start, split.end))
    for ts in statements.yoy_changes(text):
        pos = text.find(ts.text)
        if pos >= 0:
            ts.pointer = pointers.text_sum(len(record.text_sums))
            ctx.cite(ts.pointer, (pos, pos + len(ts.text)))
        record.text_sums.append(ts)
    for number, found in _allocations_stated_twice(text):
        for f in found:
            _mention(ctx, record, f"allocation {number}", f)
    count = statements.stated_indicator_count(text)
    if count:
        record.scores.indicator_count_stated = count.value
        ctx.cite(pointers.INDICATOR_COUNT_STATED, count)
    date = metadata.find_report_date(ctx)
    if date:
        record.report_date = date.value
        ctx.cite(pointers.REPORT_DATE, date)
    record.source.sections = [name for name, pat in SECTIONS.items() if regex.search(pat, text)]
    if table is not None and table.indicators:
        record.source.sections.append("score_table")
        if table.total_weight is None and table.total_score is None and not table.total_seen and \
                truncation.table_stops_at_the_end(text, table):
            record.source.truncated = True  # the table stops before its total row: the document is cut
    if facts.funds_report is not None and facts.funds_report.ends_the_text and \
            "conclusion" not in record.source.sections and not truncation.on_its_last_page(norm.raw):
        # the published forms go on after their funds block to the year's targets (a report's conclusion before
        # it makes it an attached table, a last page's number a whole form)
        record.source.truncated = True
    if record.source.truncated:
        record.source.cut_at = len(norm.raw.rstrip())
    record.provenance = ctx.provenance
    record.unread = ctx.unread
    return record


def _source(doc: Document, norm: NormalisedText) -> Source:
    truncated = (bool(norm.truncated_marker) or bool(doc.meta.get("pages_not_read"))
                 or bool(doc.meta.get("cut_inside_a_cell")) or truncation.is_cut(norm.text, norm.raw))
    return Source(path=doc.path, sha256=doc.sha256, format=doc.format,
                  pages=len(doc.pages) if doc.paged else None, script=norm.script,
                  truncated=truncated, encoding=doc.encoding, page_readers=[p.reader for p in doc.pages],
                  ocr=doc.meta.get("ocr"), unwrapped=doc.meta.get("unwrapped"),
                  full_stops_between_figures=norm.full_stops_between_figures)


def _report(ctx: Context, record: Record) -> None:
    title = metadata.find_title(ctx)
    year, years = metadata.find_year(ctx, title)
    department = metadata.find_department(ctx, title)
    region = metadata.find_region(ctx, [department, title] + _more_places(ctx))
    r = Report()
    if title:
        r.title = title.value
        ctx.cite(pointers.TITLE, title)
    if year:
        r.year = year.value
        r.years = years
        ctx.cite(pointers.YEAR, year)
    if region:
        r.region = region.value
        ctx.cite(pointers.REGION, region)
    if department:
        r.department = metadata.qualify_with_region(department.value, r.region, ctx.text)
        if (full := metadata.in_full(r.department, ctx.text)) is not None:
            r.department, department = full.value, full  # ('六安市文旅局' where the text names 六安市文化和旅游局)
        ctx.cite(pointers.DEPARTMENT, department)
    project = metadata.find_project_name(ctx, title, r.department)
    if project:
        r.project_name = project.value
        ctx.cite(pointers.PROJECT_NAME, project)
    r.kind = metadata.find_kind(r.title, ctx.text)
    record.report = r


_ALLOTS = regex.compile(r"(?:下达|拨付|分配|下拨|安排)")


def _allocations_stated_twice(text: str) -> list[tuple[str, list[Found]]]:
    """Each allocation document's amounts stated more than once, as copies of one figure. A document that allots to
    several works, every statement naming its works ('--厕所改造工程-…3.07万元', '--功能室改造工程-…10万元'), states
    one amount per works: those are compared works by works."""
    by_document: dict[str, list] = {}
    for allocation in statements.allocations(text):
        by_document.setdefault(allocation.document, []).append(allocation)
    out = []
    for number, stated in by_document.items():
        items = {a.item for a in stated}
        if None in items or len(items) < 2:
            groups = [stated]
        else:
            groups = [[a for a in stated if a.item == item] for item in items]
        out.extend((number, [a.amount for a in group]) for group in groups if len(group) >= 2)
    return out


def _report_from_result_row(ctx: Context, record: Record, row: ResultRow | None) -> None:
    """A results notice's one project (result_table.py) names the project and the unit that carries it out in its
    table's cells, over what the title or the prose gave: the notice's title names the batch ('2023年巽宅专项债券项目
    资金绩效评价公开'), its prose the unit that publishes it. Its 主管部门 cell names the department only where
    nothing else did."""
    r = record.report
    if row is None:
        # (a notice of several projects run by one unit: that unit, as the one project's row names its own)
        row = unit_of_every_row(ctx.text) if is_results_notice(r.title) else None
        if row is None:
            return
    elif row.project is not None:
        r.project_name = row.project.value
        ctx.cite(pointers.PROJECT_NAME, row.project)
    # (a 主管部门 cell is the unit over the project: it gives way to a unit the prose names as carrying it out, and
    # comes before the unit that merely publishes the notice)
    if row.unit is not None and (r.department is None or not row.unit_is_superior
                                 or not metadata.named_as_implementer(ctx.text, r.department)):
        r.department = row.unit.value
        ctx.cite(pointers.DEPARTMENT, row.unit)


def _scores_from_result_row(ctx: Context, record: Record, row: ResultRow | None) -> None:
    """A results notice's one project's score is the report's total where no score table or sentence gave one."""
    if row is None or row.score is None or record.scores.total_score is not None:
        return
    record.scores.total_score = _clean(row.score.value)
    ctx.cite(pointers.TOTAL_SCORE, row.score)


def _more_places(ctx: Context) -> list[Found]:
    """Other names that start with a place: units named in the text ('上海市金山区…'), but not the issuer
    of a document the text cites ('《湖南省财政厅关于…》', '四川省财政厅《关于…》', '湘财农〔2022〕12号'), which is
    often a higher level."""
    out = []
    head = ctx.text[:3000]
    cited = [(c.start(), c.end()) for c in metadata.CITED_DOCUMENT.finditer(head)]
    for m in regex.finditer(rf"[\p{{Han}}]{{2,16}}?{metadata.ORG_SUFFIX}", head):
        # ('黑龙江省财政厅等五部门关于转发《…》': the issuers of a cited document, named with their count)
        if any(a <= m.start() < b for a, b in cited) or \
                regex.match(r"(?:等\p{Han}{0,4}?(?:部门|单位|部委))?(?:《|关于|印发|\(?[\p{Han}]{0,4}〔)", head[m.end():m.end() + 12]) or \
                (metadata.FINANCE_BUREAU.search(m[0]) and _ALLOTS.match(head, m.end())):
            continue  # (nor a finance office that allots the funds down, '安徽省财政厅下达资金后…': a higher level)
        # '…和拉萨市财政局': a conjunction first; '根据市民生办…': a word of the sentence, no city named 根据
        # a verb whose object is the unit ('承办县委、县人民政府交办的…事项') is none of its name either
        # ('…及时将专项资金分配下达到固镇县文旅局': the unit the funds are allotted to)
        name = regex.sub(r"^\p{Han}*?(?:下达|拨付|分配|下拨)(?:到|给|至)", "", m[0])
        # ('…配套资金主管部门益阳市教育局': a form's cells glued, the label before the unit; never an evaluator's firm,
        # '评价机构常德市恒信会计师事务所')
        name = metadata.after_form_labels(name)
        if metadata.is_evaluating_firm(name):
            continue
        # ('现将温州市教育基建中心…情况公示如下': the words that announce what follows)
        name = regex.sub(r"^(?:现将|特将|兹将|现把|现就|现对|并将|根据|按照|依照|依据|通过|为了|经过|和|与|及|并|由|对|向|经|在|同|"
                         r"承办|协助|配合|指导|督促|完成|落实|执行|了解|下达|拨付|报送|上报|会同|组织|为)", "",
                         metadata.unit_after_clause(name))
        if metadata.place_of(name):
            out.append(Found(name, m.end() - len(name), m.end()))
        if len(out) >= 5:
            break
    return out


def _project_of_the_allotment(ctx: Context, record: Record, facts: budget_mod.BudgetFacts) -> None:
    """A report on funds that no title, form or sentence names as its project ('…分解下达中央转移支付全区文物保护专项资金
    共22171万元'): the funds its first budget statement allots are what it evaluates (never a department's whole
    spending)."""
    if record.report.project_name is not None or record.report.kind == "department":
        return
    if metadata.names_several_projects(record.report.title):
        return  # a report on several projects: one allotment is not what it evaluates
    for c in sorted(facts.budget, key=lambda c: c.start):
        name = metadata.allotted_funds(c.label) if c.origin == "text" else None
        if name is not None:
            record.report.project_name = name
            ctx.cite(pointers.PROJECT_NAME, (c.start, c.end))
            return
    # else the one fund the notices that allot it name by their titles ('关于下达2021年国家非物质文化遗产保护资金预算的通知')
    notice = metadata.fund_of_the_allocation_notices(ctx.text)
    if notice is not None:
        record.report.project_name = notice.value
        ctx.cite(pointers.PROJECT_NAME, notice)


def _one_year(record: Record) -> int | None:
    """The evaluated year of a report over one year; None for a report over several (its figures are the period's)."""
    return record.report.year if not record.report.years else None


def _budget(ctx: Context, record: Record, facts: budget_mod.BudgetFacts) -> None:
    b = Budget()
    budget_mod.without_totals_of_the_titled_part(facts, record.report.title)
    facts.chosen = budget_mod.choose(facts, _one_year(record))
    named = budget_mod.named_fund_budget(ctx.text, record.report.title, facts.chosen)
    if named is not None:
        facts.chosen = facts.chosen._replace(budget=named, picked_by="title_fund_and_rate")
    titled = budget_mod.title_fund_budget(ctx.text, record.report.title, facts.chosen, _one_year(record))
    if titled is not None:
        facts.chosen = facts.chosen._replace(budget=titled, picked_by="title_fund")
    whole = budget_mod.initial_plus_added(ctx.text, facts.chosen, facts.budget)
    if whole is not None:
        facts.chosen = facts.chosen._replace(budget=whole, picked_by="initial_plus_added")
        # (the spending set aside as over the year's starting budget may be within the budget its additions make)
        kept = [e for e in facts.chosen.set_aside if e.value <= whole.value * budget_mod.MOST_OVER_BUDGET]
        if facts.chosen.executed is None and kept:
            facts.chosen = facts.chosen._replace(executed=kept[0], set_aside=())
    spent = budget_mod.spent_at_the_stated_rate(ctx.text, facts.chosen, _one_year(record))
    if spent is not None:
        facts.chosen = facts.chosen._replace(executed=spent)
    divisor = budget_mod.budget_at_the_stated_rate(ctx.text, facts.chosen, _one_year(record))
    if divisor is not None:
        facts.chosen = facts.chosen._replace(budget=divisor, picked_by="rate_points_at_budget")
    chosen = facts.chosen
    budget, executed, rate, received, picked_by = chosen.budget, chosen.executed, chosen.rate, chosen.received, chosen.picked_by
    if budget:
        b.budget_yuan = _clean(budget.value)
        ctx.cite(pointers.BUDGET_YUAN, (budget.start, budget.end), half_unit=budget.half_unit, label=budget.label,
                 picked_by=picked_by, **_part_of(ctx, budget, picked_by))
    if executed:
        b.executed_yuan = _clean(executed.value)
        spent_by = "role_order" if picked_by == "initial_plus_added" else picked_by  # (that rule sums the budget only)
        spent_by = "rate_points_at_spent" if spent is not None else spent_by
        ctx.cite(pointers.EXECUTED_YUAN, (executed.start, executed.end), half_unit=executed.half_unit, label=executed.label,
                 picked_by=spent_by, **_part_of(ctx, executed, spent_by))
    elif chosen.set_aside:
        ctx.leave_unread(pointers.EXECUTED_YUAN, "over half again the budget, and the report states no rate to tie it to the budget: "
                         "of another scope (a whole-project or multi-year figure)",
                         [(_clean(c.value), (c.start, c.end)) for c in chosen.set_aside])
    if rate:
        b.execution_rate = _clean(rate.value)
        # other rates the text states, none of which the amounts were found to confirm: which rate goes with
        # which amount is not certain ('竹编…资金使用率100%;薅草锣鼓项目资金使用334896元,资金使用率83.72%')
        others = sorted({c.value for c in facts.rate if abs(c.value - rate.value) > 1e-9})
        extra = {"other_rates": others} if others else {}
        extra |= _rate_fits_a_part(ctx, budget, executed, rate)
        ctx.cite(pointers.EXECUTION_RATE, (rate.start, rate.end), half_unit=rate.half_unit, **extra)
    if facts.received:
        r = received or facts.received[0]  # the funds the stated rate is of, else the first the text states
        b.received_yuan = _clean(r.value)
        ctx.cite(pointers.RECEIVED_YUAN, (r.start, r.end), half_unit=r.half_unit)
    if facts.initial:
        i = facts.initial[0]
        b.initial_budget_yuan = _clean(i.value)
        ctx.cite(pointers.INITIAL_BUDGET_YUAN, (i.start, i.end), half_unit=i.half_unit)
    if facts.funding_source:
        b.funding_source = facts.funding_source.value
        ctx.cite(pointers.FUNDING_SOURCE, facts.funding_source)
    b.funding_sources = [FundingSource(**vars(s)) for s in facts.funding_sources]
    if facts.funds_report is not None:
        b.funds_report = facts.funds_report.to_dict()
    for k, span in enumerate(facts.funding_spans):
        ctx.cite(pointers.funding_source(k), span)
    record.budget = b
    # Every statement of the chosen figures, for repeated_figures_agree.
    for name, chosen, pool in (("budget_yuan", budget, facts.budget), ("executed_yuan", executed, facts.executed),
                               ("execution_rate", rate, facts.rate)):
        if chosen is None:
            continue
        for c in pool:
            if c is chosen or c.value <= 0 or (c.start < chosen.end and chosen.start < c.end):
                continue  # (one statement read by two patterns is no second statement)
            if _as_of(ctx.text, c.start) != _as_of(ctx.text, chosen.start):
                continue  # '截至2018年底…使用率69.21%; 截至2019年8月底…使用率70.29%': two dates, two figures
            agree = abs(c.value - chosen.value) <= max(c.half_unit, chosen.half_unit)
            if not agree and _parts_named_between(ctx.text, c, chosen):
                continue  # '两项目整体执行率为90.29%: “A”项目…执行率82.68%; “B”项目…执行率为91.24%': parts, no copy
            if not agree and _scope(ctx.text, c) != _scope(ctx.text, chosen):
                continue  # '预算执行率为97.10%' … '项目预算执行率96.29%': the whole's rate and a part's, two figures
            if not agree and budget_mod.source_named_before(ctx.text, c.start) != budget_mod.source_named_before(ctx.text, chosen.start):
                continue  # '…执行率92.9%' … '省级资金完成288.26万元,预算执行率99.28%': one source's figure
            if agree or (abs(c.value - chosen.value) <= 0.02 * chosen.value and _same_label(c.label, chosen.label)):
                _mention(ctx, record, name, chosen)
                _mention(ctx, record, name, c)
    for name, chosen in (("budget_yuan", budget), ("executed_yuan", executed)):
        for a in _restatements(ctx, chosen):
            _mention(ctx, record, name, chosen)
            _mention(ctx, record, name, a)


_THRESHOLD_AFTER = regex.compile(r"\s*(?:及)?(?:以上|以下|以内)")
# (a comparison's words, as splits.COMPARISON, and the short ones a figure's change is worded with: '比2021年多出60万元')
_CHANGE_BEFORE = regex.compile(rf"(?:{COMPARISON.pattern}|多出|超出|高出|增|减|少|多)[^,。;\d]{{0,4}}$")
# a figure printed with fewer than two significant digits ('1万元') says too little to be a copy of another
_MIN_SIGNIFICANT = 20  # value / half-unit


def _restatements(ctx: Context, chosen) -> list:
    """Every other statement of a chosen amount's value in the text, in any unit and with any words (DOMAIN.md §3
    repeated_figures_agree: text and table, 元 and 万元, summary and body): the same figure at the coarser statement's
    precision (strictly inside its half-unit), printed with two significant digits or more, as of the same date. (A
    budget spent in full is stated twice, as the dev set's hand-checked W12 has it: '下达…9765万元 … 发放资金9765万元'.)"""
    if chosen is None or chosen.value <= 0:
        return []
    out = []
    for a in ctx.amounts:
        if a.start < chosen.end and chosen.start < a.end or a.per_unit:
            continue
        if _THRESHOLD_AFTER.match(ctx.text, a.end) or _CHANGE_BEFORE.search(ctx.text, max(0, a.start - 8), a.start):
            continue  # a bound ('50万元以上的支出') or a change ('较上年增加12万元'), no copy of the figure
        coarse = max(a.half_unit, chosen.half_unit)
        if abs(a.value - chosen.value) < coarse and min(a.value, chosen.value) >= _MIN_SIGNIFICANT * coarse \
                and _as_of(ctx.text, a.start) == _as_of(ctx.text, chosen.start):
            out.append(a)
    return out


def _rate_fits_a_part(ctx: Context, budget, executed, rate) -> dict:
    """{'fits_part': the part's words} where the stated rate is not executed / budget but is executed over one part
    of the budget's own breakdown ('合计项目资金100万元' of 财政预算资金80万元 and 自筹20万元; 78万 spent, 97.5%)."""
    if budget is None or executed is None or not budget.value:
        return {}
    dec = decimals_of_half_unit(rate.half_unit)
    if rate.value >= 100 or rate_matches(executed.value / budget.value * 100, rate.value, dec):
        return {}  # (spending equal to one part at 100 % is as likely a contradiction as a part's rate)
    for split in ctx.splits:
        # a rate of part of the funds is of money from one source (the fiscal money of a project co-funded by others)
        if split.total is None or split.family != "source" or \
                abs(split.total.value - budget.value) > split.total.half_unit + budget.half_unit:
            continue
        for p in split.parts:
            if p.value and rate_matches(executed.value / p.value * 100, rate.value, dec):
                return {"fits_part": ctx.norm.raw_span(p.label_start if p.label else p.start, p.end)}
    return {}


def _part_of(ctx: Context, c, picked_by: str | None) -> dict:
    """{'part_of': the total's words} where a figure no stated rate confirmed is one part of a larger total the
    text breaks down ('…14474.12万元。其中, 中央财政安排资金支出11300.11万元'): the part may be taken for the whole."""
    if picked_by and "rate" in picked_by:  # the stated rate confirmed the pair: a whole, not a part
        return {}
    for split in ctx.splits:
        if split.total is None or split.total.value <= c.value + c.half_unit:
            continue
        if any(p.start < c.end and c.start < p.end for p in split.parts):
            return {"part_of": ctx.norm.raw_span(split.total.start, split.total.end), "part_of_value": split.total.value}
    return {}


# The date a figure is stated as of ('截至2018年底', '截止2019年8月底'), in its sentence before it.
_AS_OF = regex.compile(r"(?:截至|截止|至)\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?")
_SENTENCE_START = regex.compile(r"[。!?\n]")


def _as_of(text: str, at: int) -> tuple[str, str] | None:
    """(year, month) of the last date the figure's sentence gives before it as the figure's date, or None."""
    start = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, at - 200), at)), default=max(0, at - 200))
    dates = list(_AS_OF.finditer(text, start, at))
    return (dates[-1][1], dates[-1][2] or "") if dates else None


# The part of the spending a figure's words restrict it to, opening its label or just before it ('项目预算执行率',
# '基本支出执行数'): the whole's figure and a part's are two figures, however close.
_SCOPE_WORDS = r"(?:项目支出|基本支出|人员经费|公用经费|项目|基本|专项)"
_SCOPE_BEFORE = regex.compile(rf"{_SCOPE_WORDS}$")
_SCOPE_OPENING = regex.compile(rf"^{_SCOPE_WORDS}")


# a part named in quotes ('“校园文化经费”项目支出20.67万元'): what follows it in the sentence is that part's
_QUOTED_NAME = regex.compile(r"[“\"][^”\"\n]{2,30}[”\"]")


def _parts_named_between(text: str, a, b) -> bool:
    """Two figures of one sentence with a part named in quotes between them: the second is that part's."""
    lo, hi = sorted((a, b), key=lambda c: c.start)
    return not _SENTENCE_START.search(text, lo.end, hi.start) and bool(_QUOTED_NAME.search(text, lo.end, hi.start))


def _scope(text: str, c) -> str:
    m = _SCOPE_OPENING.match(c.label) or _SCOPE_BEFORE.search(text, max(0, c.start - 6), c.start)
    return m[0] if m else ""


def _same_label(a: str, b: str) -> bool:
    """Two statements that differ name the same figure only when they use the same words for it
    ('项目预算合计1130000元' … '项目预算合计114万元'); a sub-item's budget near the total's is another figure."""
    def key(label: str) -> str:
        return regex.sub(r"[\s为是:共计约达到]+", "", label)
    return bool(key(a)) and key(a) == key(b)


def _mention(ctx: Context, record: Record, name: str, c) -> None:
    # one statement is one mention; the same words printed again elsewhere (a paragraph repeated) are a second
    where = list(ctx.norm.raw_offsets(c.start, c.end) or ())
    if any(m.field == name and (ctx.provenance.get(m.pointer) or {}).get("chars") == where for m in record.mentions):
        return
    pointer = pointers.mention(len(record.mentions))
    record.mentions.append(Mention(field=name, value=c.value, half_unit=c.half_unit,
                                   text=ctx.norm.raw_span(c.start, c.end), pointer=pointer))
    ctx.cite(pointer, (c.start, c.end), half_unit=c.half_unit)


def _clean(v: float) -> float | int:
    r = round(v, 4)
    return int(r) if r == int(r) else r


def _scores(ctx: Context, record: Record, facts: budget_mod.BudgetFacts) -> ScoreTable | None:
    prose_total = statements.stated_total_score(ctx.text)
    # the funds block's execution row is counted in a 自评表's total: the table's own rows add up to the rest
    row = facts.execution_row
    outside = (row["weight"][0], row["score"][0] if row.get("score") else 0.0) if row else (0.0, 0.0)
    table, report = _read_score_table(ctx, prose_total.value if prose_total else None, outside)
    scores = Scores()
    if table is not None:
        scores.table_report = report.to_dict()
        scores.indicators = table.indicators
        for i, spans in enumerate(table.spans):
            for key, span in spans.items():
                if key == "name" or getattr(table.indicators[i], key) is not None:
                    ctx.cite(pointers.indicator(i, key), span)
        scores.table_total_row = bool(table.total_weight or table.total_score)
        if table.total_weight:
            scores.total_weight = table.total_weight.value
            ctx.cite(pointers.TOTAL_WEIGHT, table.total_weight)
        if table.total_score:
            scores.total_score = table.total_score.value
            ctx.cite(pointers.TOTAL_SCORE, table.total_score)
    row = facts.execution_row
    if row and not any(_EXECUTION_ROW.search(i.name or "") for i in scores.indicators):
        # Self-assessment forms: the budget-execution row is the first indicator (SPEC conventions).
        w, s, label = row["weight"], row.get("score"), row.get("label")
        # named as the form prints it, with what its points measure (SPEC: '年度资金总额 / 预算执行率')
        name = f"{label[0]}(预算执行率)" if label else "预算执行率"
        ind = Indicator(level=1, name=name, weight=w[0], score=s[0] if s else None, kind="budget_execution")
        scores.indicators = [ind] + [_shift(i) for i in scores.indicators]
        _shift_provenance(ctx)
        if label:  # (cited in the funds block: the score table itself has no such row)
            ctx.cite(pointers.indicator(0, "name"), (label[1], label[2]), funds_block=True)
        ctx.cite(pointers.indicator(0, "weight"), (w[2], w[3]))
        if s:
            ctx.cite(pointers.indicator(0, "score"), (s[2], s[3]))
    for ind in scores.indicators:
        if ind.kind is None and _EXECUTION_ROW.search(ind.name or "") and ind.weight is not None:
            ind.kind = "budget_execution"
    if scores.total_weight is None and (prose_weight := statements.stated_total_weight(ctx.text)
                                        or statements.form_blocks_total_weight(ctx.text)) is not None:
        scores.total_weight = prose_weight.value
        ctx.cite(pointers.TOTAL_WEIGHT, prose_weight)
    if scores.total_score is None and prose_total is not None:
        scores.total_score = _clean(prose_total.value)
        ctx.cite(pointers.TOTAL_SCORE, prose_total)
    elif prose_total is not None and scores.total_score is not None:
        record.mentions.append(Mention("total_score", scores.total_score, 0.05, str(scores.total_score), pointers.TOTAL_SCORE))
        pointer = pointers.mention(len(record.mentions))
        record.mentions.append(Mention("total_score", prose_total.value, prose_total.half_unit or 0.05,
                                       ctx.norm.raw_span(prose_total.start, prose_total.end), pointer))
        ctx.cite(pointer, prose_total)
    record.scores = scores
    return table


def _read_score_table(ctx: Context, prose_total: float | None,
                      outside: tuple[float, float] = (0.0, 0.0)) -> tuple[ScoreTable | None, TableReport | None]:
    """The table interpreter's reading of the score table (pipeline/tables/), its report saying whether the
    rows add up to the table's totals (or to the total the prose states)."""
    got = read_score_table(ctx.text, outside, prose_total, ctx.table_cells)
    if got is None:
        return None, None
    table, report = got
    rows = leaves(table)
    report.readings = [{"reader": report.reader, "rows": len(rows), "weights": round(sum(i.weight or 0 for i in rows), 4)}]
    report.totals_confirmed = adds_up(table, prose_total)
    return table, report


def _shift(ind: Indicator) -> Indicator:
    if ind.parent is not None:
        ind.parent += 1
    return ind


def _shift_provenance(ctx: Context) -> None:
    moved = {}
    for key in list(ctx.provenance):
        m = regex.match(r"^/scores/indicators/(\d+)/(.*)$", key)
        if m:
            moved[pointers.indicator(int(m[1]) + 1, m[2])] = ctx.provenance.pop(key)
    ctx.provenance.update(moved)


def _grades(ctx: Context, record: Record) -> None:
    g = record.grade
    facts = grades.read_grades(ctx.text)
    if facts.bands:
        g.bands, g.bands_source = facts.bands, "report"
        ctx.cite(pointers.GRADE_BANDS, facts.bands_span)
    else:
        g.bands, g.bands_source = grades.default_bands(record.report.year, record.cited_rules)
        g.bands_worded = grades.bands_worded(ctx.text)
    if facts.stated:
        g.stated = facts.stated.value
        ctx.cite(pointers.GRADE_STATED, facts.stated, word=facts.stated_word)
    g.derived = grades.grade_for(record.scores.total_score, g.bands)


def _subprojects(ctx: Context, record: Record, facts_budget: budget_mod.BudgetFacts) -> None:
    budget, executed = facts_budget.chosen.budget, facts_budget.chosen.executed
    facts = read_subprojects(ctx, Ties(*(c and budget_mod.number_of(c) for c in (budget, executed))))
    if not facts.subprojects and is_results_notice(record.report.title):
        facts = results_table_subprojects(ctx)
    if budget and facts.reader in ("clauses", "works") and any(
            sp.amount and budget.start < sp.amount.end and sp.amount.start < budget.end for sp in facts.subprojects):
        # the budget was read from one sub-project's own amount ('实施A工程…完成总投资24187万元;实施B工程…'):
        # that figure is A's, and no statement gives the whole; unknown rather than a part promoted
        record.budget.budget_yuan = None
        ctx.provenance.pop(pointers.BUDGET_YUAN, None)
        record.mentions = [m for m in record.mentions if m.field != "budget_yuan"]
    record.subprojects = [sp.subproject() for sp in facts.subprojects]
    record.subprojects_from = facts.reader
    if facts.statement:
        ctx.cite(pointers.SUBPROJECTS_FROM, facts.statement)
    if facts.stated_count:
        record.subprojects_stated_count = facts.stated_count.value
        ctx.cite(pointers.SUBPROJECTS_STATED_COUNT, facts.stated_count)
    for i, sp in enumerate(facts.subprojects):
        ctx.cite(pointers.subproject(i, "name"), sp.name)
        if sp.amount:
            ctx.cite(pointers.subproject(i, "amount_yuan"), sp.amount, amount_source=sp.amount_source)
        for k, item in enumerate(sp.items):
            ctx.cite(pointers.item(i, k, "amount_yuan"), item.amount)
