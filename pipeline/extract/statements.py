"""Arithmetic the prose itself asserts, and figures it states more than once.

* 'A万元, 其中 a万元、b万元、c万元' — a total and its parts (part_sums_text);
* 'A万元。同比增加 X万元, 增长 Y%' — a year-on-year change (yoy_change);
* the total score written in the prose ('自评分为89.7分'), compared with the table's;
* an allocation named by its document number ('呼财农指【2023】41号文件…下达…5万元'), stated again.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

import regex

from ..numbers import AMOUNT, NUMBER, parse_amount, parse_arabic, parse_percent
from ..record import TextSum
from .context import Found
from .grades import GRADE_WORDS
from .splits import Split, count_after, find_splits

_AMT = AMOUNT
_YOY = regex.compile(
    rf"(?P<cur>{_AMT})[^\d]{{0,16}}?(?:同比|比上年|较上年|比去年|较去年)(?:度|同期)?[^\d]{{0,4}}?(?P<dir>增加|增长|减少|下降|降低)"
    rf"\s*(?P<delta>{_AMT})\s*[,,]?\s*(?:同比)?(?:增加|增长|减少|下降|降低|增幅|降幅)(?:为|了)?\s*(?P<pct>{NUMBER}\s*%)")
# The figure a total-score phrase names, not one that counts years, money or items; a form's next cell
# glued after it ('自评总分(分)97.93年初预算数') is no year. An indicator's score ('资金保障方面,指标评价得分12') is
# its own, not the report's. ('绩效评价整体得分85.81分': the whole's score, 整体 as 总体; '最终评分结果为90分'.)
_TOTAL_SCORE = regex.compile(
    rf"(?<!指标)(?:(?:自评|评价|综合|考评|考核|最终|绩效)(?:总体|整体)?(?:得分|评分(?:结果)?|总分|分数|分)|(?:总体|整体)得分|总得分|得分合计|(?:该|本)?(?:项目|部门)(?:综合)?得分)"
    # ('评价得分 | 83.86 | 评价结果 | 良': a form's key, its cell beside it)
    rf"(?:合计)?(?:\(分\))?(?:为|是|:|达到|达)?[\s|]*"
    # ('自评总分: 95项目实施单位…': the next cell's 项目, not a count of 95 items)
    rf"(?P<v>{NUMBER})(?:\s*分(?![值数]|及|以上|以下)|(?![\d.%万元年月日个次人分]|项(?!目))|(?=年初|年度|全年))"
    # worded as the evaluation's result, its points said ('自评结果为96分', '自评分值为95分', '经综合评定,得分90分',
    # '绩效评价结果为优秀(得分93分)'): the figure must be followed by 分
    # a form's result cell gives the grade with the points ('评价结果 | 优秀(93分)', its '(' lost: '优秀93分)')
    # ('绩效评分结果为83.4分': the scoring's result)
    rf"|(?:(?:自评|评价|绩效)(?:评分)?(?:结果|分值)(?:为|是|:)?(?:\s*(?:{GRADE_WORDS})\s*[((]?(?:得分)?)?"
    rf"|(?:评定|评议|评价结果|自评结果)[^。;\d]{{0,12}}?得分(?:为|是|:)?)"
    # (a form's cell beside its key: '绩效评价结果 | 29分')
    rf"[\s|]*(?P<v>{NUMBER})\s*分(?![值数]|及|以上|以下)")


# An allocation document's number: issuer, year in brackets, serial ('呼财农指【2023】41号', '财预〔2020〕10号').
_DOC_NUMBER = regex.compile(r"(?P<issuer>\p{Han}{2})[〔【\[((]\s*(?P<year>\d{4})\s*[〕】\]))]\s*(?P<serial>\d{1,4})\s*号")
# The amount a document allocates: the first amount after 下达 (or 安排/拨付) in the sentence that names it,
# not the 下达 of the document's own title (《关于下达…的通知》)
_ALLOCATED = regex.compile(rf"(?:下达|安排|拨付)(?![^《》]*》)[^。;;]{{0,40}}?(?P<amount>{_AMT})")


@dataclass
class Allocation:
    """One sentence's statement of what an allocation document (下达文件) gives the evaluated funds."""

    document: str  # the issuer's last two characters, the year and the serial: '农指〔2023〕41号'
    amount: Found
    title: str | None = None  # the document's own title, '关于下达2023年中央水利发展资金预算的通知'
    # the works or project the statement gives the amount to ('--厕所改造工程-'), where it names one: a document
    # that allots to several such items states one amount per item, not one figure twice
    item: str | None = None

    @property
    def fund(self) -> str | None:
        """The funds the title names: '关于下达2023年中央水利发展资金预算的通知' → '2023年中央水利发展资金'."""
        if not self.title:
            return None
        name = _TITLE_WRAPPING.sub("", self.title)
        return name or None


# What a notice's title wraps around the name of the funds it allocates.
_TITLE_WRAPPING = regex.compile(r"^关于(?:下达|拨付|安排|分配|提前下达)?|(?:预算|指标|计划)?(?:的)?(?:通知|批复)$")
_TITLE = regex.compile(r"《(?P<title>[^《》]{2,80})》")
_SENTENCE_END = regex.compile(r"[。;;\n]")
# what shows a sentence ended before the document did: its full stop, or a line break with more text after it
_SENTENCE_GOES_ON = regex.compile(r"[。;;]|\n\s*\S")


def runs_to_end(text: str, pos: int) -> bool:
    """The sentence going on at `pos` runs to the document's end: no full stop or new line after it, outside
    the brackets a part opens for its own items ('…大型修缮44.3万元(其中:…18万元;…1.89万元;承启小' cut there)."""
    depth = 0
    for m in _SENTENCE_GOES_ON_OR_BRACKET.finditer(text, pos):
        c = m[0]
        if c in "((":
            depth += 1
        elif c in "))":
            depth = max(0, depth - 1)
        elif depth == 0:
            return False
    return True


_SENTENCE_GOES_ON_OR_BRACKET = regex.compile(rf"{_SENTENCE_GOES_ON.pattern}|[(())]")


_ALLOTTED_ITEM = regex.compile(r"[\p{Han}()]{2,24}?(?:工程|项目)")
# the words before a works' name in a statement (its verb, the document, a purpose clause) and the kind word after it:
# '文件安排甲村道路硬化工程' and '下达甲村道路硬化项目' name one works
_ITEM_LEAD = regex.compile(r"^(?:[\p{Han}]{0,6}?(?:下达|安排|拨付|分配|调剂至|调剂|用于|给|至|文件|通知))+")
_ITEM_NOT_A_WORKS = regex.compile(r"^(?:为|以|按|对|确保|保障|推进|根据|支持)")


def allotted_item(between: str) -> str | None:
    """The works a statement gives its amount to, as a key ('甲村道路硬化'), or None where it names none."""
    found = list(_ALLOTTED_ITEM.finditer(between))
    if not found:
        return None
    name = _ITEM_LEAD.sub("", found[-1][0])
    name = regex.sub(r"(?:工程|项目)$", "", name)
    if len(name) < 2 or _ITEM_NOT_A_WORKS.match(name):
        return None
    return name


def allocations(text: str) -> list[Allocation]:
    """Every sentence that names an allocation document and the amount it 下达s, in text order: one
    document's allocation stated twice is one figure (repeated_figures_agree), and two or more documents
    each allocating their own amount are the parts of the funds (subprojects.py)."""
    out = []
    for m in _DOC_NUMBER.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        sentence_end = end.start() if end else len(text)
        a = _ALLOCATED.search(text, m.end(), sentence_end)
        if a is None:
            continue
        n = parse_amount(a["amount"])
        if n is None:
            continue
        # '呼财农指【2023】41号' and '农指〔2023〕41号' name one document however much of the issuer a sentence writes
        key = f"{m['issuer']}〔{m['year']}〕{m['serial']}号"
        title = _TITLE.search(text, m.end(), a.start("amount"))
        # (not inside the document's own title: '关于…校舍维修项目…的通知' names what the document is about)
        between = _TITLE.sub("", text[m.end():a.start("amount")])
        out.append(Allocation(key, Found(n.value, a.start("amount"), a.end("amount"), n.half_unit),
                              title["title"] if title else None, allotted_item(between)))
    return out


def part_sums(text: str, splits: list[Split] | None = None) -> list[tuple[TextSum, Split]]:
    """Every closed total-with-parts of the amounts layer (a list ending in 等 names only some parts,
    and parts without a total assert no sum), each with the split it was read from."""
    out = []
    for split in find_splits(text) if splits is None else splits:
        if split.total is None or split.open or split.share or len(split.parts) < 2:
            continue
        half = max([split.total.half_unit] + [p.half_unit for p in split.parts])
        lead = text[split.total.end:split.parts[0].label_start] if split.parts[0].start > split.total.end else ""
        ts = TextSum(kind="parts", total=split.total.value, parts=[p.value for p in split.parts], half_unit=half,
                     text=text[split.start:split.end][:200], labels=split.names, family=split.family,
                     reaches_end=runs_to_end(text, split.end), stopped=split.stopped,
                     # (a list that counts its parts, '共4项', names them all)
                     hedged=bool(_MAIN_PARTS.search(lead))
                     and len(split.parts) not in (split.count, count_after(text, split.parts[-1].end)),
                     shares_total=_shares_total(text, split))
        out.append((ts, split))
    return out


# '主要包括', '主要有': the list names what the whole mainly includes ('主要用于', how the money went, reports use for
# whole breakdowns as often as not, and it leaves the list's sum to the check)
_MAIN_PARTS = regex.compile(r"主要(?:包括|包含|有)")
# '…A 120万元、B 80万元共4项': the count a list states after its last part
# the share a part is of its whole, printed right after it ('134.67万元,占固定资产的27.91%')
# (a share of money only: '占受益人口的45%', '占全县任务的40%' are shares of something else)
_SHARE = regex.compile(r"\s*[,,(]?\s*(?:约)?占(?:比|[^,,;;。()\d%]{0,10}?(?:总额|预算|资金|投资|资产|支出|收入|经费|金额)"
                       r"(?:总额|总数)?的?)\s*(?:为|是)?\s*(?P<pct>\d{1,2}(?:\.\d+)?)\s*%")


def _shares_total(text: str, split: Split) -> float | None:
    """The whole the parts' printed shares make them parts of (the median of part / share), where two parts or more
    print one; None where they print none."""
    wholes = []
    for p in split.parts:
        m = _SHARE.match(text, p.end)
        if m and float(m["pct"]) > 0:
            wholes.append(p.value / float(m["pct"]) * 100)
    return statistics.median(wholes) if len(wholes) >= 2 else None


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


# a total row whose label holds the form's points, its cells the row's figures, the score last ('总分(100分) | 100 | 92',
# '总分(100分) | 96 | 自评等级'); never a sentence ('总分(100分)为100,…')
_TOTAL_ROW_WITH_POINTS = regex.compile(r"总\s*分\s*[((]\s*\d{2,3}\s*分\s*[))](?P<cells>(?:[ \t]*[|\n][\s|]*\d{1,3}(?:\.\d{1,2})?){1,2})"
                                       r"(?![\d.])")


def stated_total_score(text: str) -> Found | None:
    found = _stated_total_score(text)
    if found is not None:
        return found
    m = _TOTAL_ROW_WITH_POINTS.search(text)
    if m is None:
        return None
    last = list(regex.finditer(r"\d{1,3}(?:\.\d{1,2})?", m["cells"]))[-1]
    num = parse_arabic(last[0])
    start = m.start("cells") + last.start()
    return Found(num.value, start, start + len(last[0]), num.half_unit) if num and 0 < num.value <= 100 else None


def _stated_total_score(text: str) -> Found | None:
    for m in _TOTAL_SCORE.finditer(text):
        if _NEXT_HEADING_NUMBER.match(text, m.start("v")) and "\n" in text[m.start():m.start("v")]:
            continue  # a contents list: '5.1绩效评价得分' over '5.2存在绩效问题' holds no score
        num = parse_arabic(m["v"])
        # over 100 only as a self-assessment's own score in points, which bonus points can take past the form's
        # 100 ('自评得分102.8分': the 衔接资金 考核 adds points for work beyond the targets)
        bonus = num is not None and 100 < num.value <= BONUS_CEILING and _OWN_SCORE_IN_POINTS.match(m[0])
        if num is not None and (0 < num.value <= 100 or bonus):
            return Found(num.value, m.start("v"), m.end("v"), num.half_unit)
    return None


# a section number opening its heading's line ('5.2存在绩效问题')
# ('88.5分' on its own line under its label is a score: 分 opens no heading)
_NEXT_HEADING_NUMBER = regex.compile(r"\d{1,2}\.\d{1,2}(?=\p{Han})(?!分)")

BONUS_CEILING = 120
_OWN_SCORE_IN_POINTS = regex.compile(r"(?:自评|综合|考核)得分(?:为|是|:)?\s*\d+(?:\.\d+)?\s*分")


# the points the whole form is worth, stated in words ('总分值为100分,自评分为100分', '满分100分'); never a bare 总分,
# which as often names the score
# … or in a form's total row, its points in brackets as the blocks' are ('总分(100分)')
_TOTAL_WEIGHT = regex.compile(r"(?:总分值|满分值?|分值合计|总权重)(?:为|是|:|:)?\s*(?P<v>\d{2,3})\s*分"
                              r"|总\s*分\s*[((]\s*(?P<v>\d{3})\s*分\s*[))]")


_NOT_THE_FORM = regex.compile(r"问卷|调查|测试|考试|测评")


def stated_total_weight(text: str) -> Found | None:
    """The form's whole points as the prose states them: 100 (an indicator's own '满分10分' is no total)."""
    # (not a questionnaire's or a test's own points: '满意度调查问卷满分100分')
    m = next((m for m in _TOTAL_WEIGHT.finditer(text) if int(m["v"]) == 100
              and not _NOT_THE_FORM.search(text, max(0, text.rfind("。", 0, m.start()) + 1), m.start())), None)
    if m is None:
        return None
    return Found(int(m["v"]), m.start("v"), m.end("v"))


def _spaced(words: str) -> str:
    """A pattern of `words` that a text layer may break with spaces anywhere ('预算执行 情况', '年度 绩效 目标')."""
    return r"\s*".join(words)


# A self-assessment form (项目支出绩效自评表) prints the points of its two blocks in their headings: the funds block,
# '预算执行情况(万元)(20分)', and the goals block, '年度绩效目标1 (80分)'. The form is worth their sum.
_FUNDS_BLOCK_MARKS = regex.compile(_spaced("预算执行情况") + r"[^|分]{0,12}?[((]\s*(?P<v>\d{1,2})\s*分\s*[))]")
_GOALS_BLOCK_MARKS = regex.compile(r"(?:年\s*度\s*)?(?:总\s*体\s*)?" + _spaced("绩效目标")
                                   + r"[^|(()分\n]{0,6}?[((]\s*(?P<v>\d{1,2})\s*分\s*[))]")  # ('年度绩效目标完成情况(90分)')
_BLOCKS_REACH = 2000  # the goals block's heading within this many characters after the funds block's


def form_blocks_total_weight(text: str) -> Found | None:
    """The whole points of a self-assessment form whose two blocks state theirs, where they make the form's 100
    (its funds block's heading to its goals block's heading cited); a pair that makes anything else gives nothing."""
    for funds in _FUNDS_BLOCK_MARKS.finditer(text):
        goals = _GOALS_BLOCK_MARKS.search(text, funds.end(), funds.end() + _BLOCKS_REACH)
        if goals is not None and int(funds["v"]) + int(goals["v"]) == 100:
            return Found(100, funds.start("v"), goals.end("v"))
    return None


def stated_indicator_count(text: str) -> Found | None:
    m = regex.search(r"共(?:设有?|设置|有|包括|含)?\s*(\d{1,2})\s*(?:类|个|项)\s*(?:[一二三]级)?(?:评价)?指标", text)
    if m:
        return Found(int(m[1]), m.start(1), m.end(1))
    return None
