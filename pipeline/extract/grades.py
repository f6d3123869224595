"""Grade bands (评价等级) from the report's own words, the grade it states, and the regime defaults.

Boundary words follow DOMAIN.md §1.2: '以上/以下' include the number, '(含)' marks the inclusive
end, bands are stored half-open [min, max). Where the report states no bands, the regime's
bands apply (national ≥2020: 优90 / 良80 / 中60 / 差) and `bands_source` names the rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..numbers import NUMBER, parse_arabic
from ..record import Band, grade_for  # noqa: F401  (grade_for: the derived grade, extract/__init__)
from .context import Found

GRADE_WORDS = r"优秀|优|良好|良|合格|中等|中|一般|较差|差|不合格|不及格|及格"
SHORT = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "不及格": "不合格", "及格": "合格"}
_CLAUSE_NUM = regex.compile(NUMBER)
_BEFORE_A_CONDITION = regex.compile(rf"[::]|{GRADE_WORDS}")
_BAND = regex.compile(
    rf"(?P<cond>[^。;\n]{{0,60}}?)(?:的|者)?\s*[,,]?\s*(?:绩效)?(?:评价)?(?:评级|等级|结果|级别)?(?:为|评为|定为|确定为|属于|即为)\s*"
    rf"[“\"]?(?P<g>{GRADE_WORDS})(?![\p{{Han}}]{{0,1}}(?:指标|等次|的))")
# Where a band sentence can end: its verb and grade word. _BAND's lazy 0–60-character prefix tried at every
# character of the text cost a third of extraction; it is run only on the text just before each of these.
_BAND_ANCHOR = regex.compile(rf"(?:为|评为|定为|确定为|属于|即为)\s*[“\"]?(?:{GRADE_WORDS})")
# how far before its verb a band sentence may start: the 60 characters of its condition and the words between
_BAND_REACH = 100
_BAND_PREFIX = regex.compile(
    rf"(?P<g>{GRADE_WORDS})[::]?\s*\(?(?P<cond>(?:总分|得分|评分|综合得分)?\s*{NUMBER}[^。;\n()]{{0,30}}?分?(?:以上|以下|及以上|及以下)?)\)?(?=[,,;、。\s)])")
_STATED = [
    # ('评价等次为优秀', '评价结果为:良', '绩效评价结果级别为优', '评定等次为“优”': the words for the grade vary;
    # '评定为“合格工程”' grades a work's acceptance, not the report)
    regex.compile(rf"(?:评价|评级|考评|绩效|自评|综合评价|评定)(?:结果|等级|等次|结论|级别){{0,2}}(?:为|是|:|评定为|评为|确定为)\s*[::]?\s*"
                  # ('绩效等级为(良)': the grade in brackets as in quotes, the bracket closed right after it; never the
                  # bands a bracket lists, '评价等级为(优:90分及以上;良:…)')
                  rf"(?:[“\"]|[((](?=(?:{GRADE_WORDS})(?:等级?|级)?[)),,]))?(?P<g>{GRADE_WORDS})(?:等级?|级)?[”\"))]?"
                  rf"(?![\p{{Han}}]{{0,2}}(?:指标|的|、)|工程|项目|产品|单位)"),
    # (the total under any of the words reports state it in: 得分, 总分, 评分, and 分数 after 自评 or 综合 ('自评分数93分,
    # 等级为良'), never a survey's ('满意度测评分数92分,等级为优秀'))
    regex.compile(rf"(?:得分|总分|评分|(?<=自评|综合)分数)(?:为|是|:)?\s*{NUMBER}\s*分?\s*[,,]?\s*(?:等级|评价等级|评级|绩效等级|评价结果)?(?:为|:)\s*[“\"]?(?P<g>{GRADE_WORDS})(?![\p{{Han}}]{{0,2}}(?:指标|的))"),
    # ('评价等次优秀': 等次 with no verb, as 等级)
    # ('…总分 100 78 评价等次 中 三、评价人员': the next section's number glued after it; 中 alone only here, after its key)
    regex.compile(r"(?:评价|评级|等级|自评)(?:结果|等级|等次)?[::\s|]*[“\"]?(?P<g>优秀|良好|优|良|合格|不合格|中等|较差|差)"
                  r"(?:等级|等次|级)?[”\"]?\s*(?:$|[。,,;\n|(]|[一二三四五六七八九十]、)", regex.M),
    # (中 alone right after its key, ending its line: '…评价等次 中 三、', never '在评价等级中,…')
    # (an evaluation's own key, the last cell of its row: never a risk's or a fire danger's level, nor a band's row)
    regex.compile(r"(?:评价|评定|绩效|自评)等(?:次|级)[::\s|]*(?P<g>中)\s*(?=$|\n|\|\s*(?:$|\n)|[一二三四五六七八九十]、)", regex.M),
    # a self-assessment form's total row that ends on the grade: '| 总分 | 100 | 96 | 优 |'
    regex.compile(rf"总分[\s|]*100[\s|]+{NUMBER}[\s|]+(?P<g>优秀|良好|优|良|合格|不合格|中等|较差|差)\s*(?:$|\|)", regex.M),
]


@dataclass
class GradeFacts:
    bands: list[Band] = field(default_factory=list)
    bands_span: tuple[int, int] | None = None
    stated: Found | None = None
    stated_word: str | None = None


def short_grade(word: str) -> str:
    return SHORT.get(word, word)


def _limits(cond: str) -> tuple[float | None, float | None] | None:
    """(min, max) of a condition like '90分及以上', '75(含75分)一90分', '60分以下', '≥90', '80≤X<90'."""
    # '(含75分)' restates the inclusive end; it is not a second number.
    cond = regex.sub(r"\([^)]*\)", "", cond).replace("分", "")
    figures = [parse_arabic(x) for x in _CLAUSE_NUM.findall(cond)]  # '1,796' (a count) is no score
    nums = [n.value for n in figures if n is not None and 0 <= n.value <= 100]
    if not nums:
        return None
    if len(nums) >= 2 and regex.search(r"\d\s*(?:\([^)]*\))?\s*[-—~一至到≤<]+\s*[((]?\s*(?:X|分数|得分|总分|S)?\s*[<≤]?\s*\d", cond):
        lo, hi = nums[0], nums[1]
        if lo > hi:
            lo, hi = hi, lo
        return lo, hi
    n = nums[-1]
    if regex.search(r"以下|以内|低于|不足|不满|未达到|<|≤|小于|不到", cond):
        return None, n
    if regex.search(r"以上|及以上|高于|超过|≥|>|大于|不低于|达到", cond):
        return n, None
    return None


def _band_sentences(text: str):
    """_BAND.finditer(text), searched only before each verb and grade word (_BAND_ANCHOR): the same matches
    in time linear in the text."""
    end = 0
    for anchor in _BAND_ANCHOR.finditer(text):
        if anchor.end() <= end:
            continue
        # a few characters past the grade word for the pattern's look-ahead
        m = _BAND.search(text, max(end, anchor.start() - _BAND_REACH), min(len(text), anchor.end() + 4))
        if m is not None and m.end() > end:
            end = m.end()
            yield m


def read_bands(text: str) -> tuple[list[Band], tuple[int, int] | None]:
    """The first run of two or more band sentences that agree with each other."""
    best: list[tuple[str, float | None, float | None, int, int]] = []
    for matches in (_band_sentences(text), _BAND_PREFIX.finditer(text)):
        found = []
        for m in matches:
            # the condition opens after the last label or grade word the lazy prefix took in with it, that a figure still
            # follows ('考核得分:91分(…) 考核等级:优(90分及以上': the report's score and its stated grade are no part of
            # the band; '90分以上且无重大偏差的' keeps its figure)
            lead = [x.end() for x in _BEFORE_A_CONDITION.finditer(m["cond"]) if _CLAUSE_NUM.search(m["cond"], x.end())]
            cond_from = lead[-1] if lead else 0
            lim = _limits(m["cond"][cond_from:])
            if lim is None:
                continue
            g = short_grade(m["g"])
            if any(f[0] == g for f in found):
                continue
            if found and m.start() - found[-1][4] > 120:  # a new, separate statement: keep the first group
                if len(found) >= 2:
                    break
                found = []
            # the band begins at its condition's figure: the lazy prefix may hold the sentence before
            # ('自评等级为优(90分及以上为优…': the stated grade is not part of the bands)
            first = _CLAUSE_NUM.search(m["cond"], cond_from)
            found.append((g, lim[0], lim[1], m.start("cond") + (first.start() if first else cond_from), m.end()))
        if len(found) >= 2 and len(found) > len(best):
            best = found
    if not best:
        return [], None
    bands = []
    for g, lo, hi, _, _ in best:
        if lo is not None and hi is not None and hi >= 100:
            hi = None  # 90-100: the top band is open above
        bands.append(Band(grade=g, min=lo, max=hi))
    bands.sort(key=lambda b: -(b.min if b.min is not None else -1))
    _close_integer_ranges(bands)
    return bands, (best[0][3], best[-1][4])


def _close_integer_ranges(bands: list[Band]) -> None:
    """'80-89分为良, 60-79分为中' under '90分及以上为优': whole-point ranges whose top is one below the next
    band's floor mean up to that floor ([80, 90)), as the bands' own order shows."""
    floors = {b.min for b in bands if b.min is not None}
    for b in bands:
        if b.max is not None and float(b.max).is_integer() and b.max + 1 in floors and b.max not in floors:
            b.max = b.max + 1


# A form's grade boxes ('优( ) 良(√) 中( ) 差( )', '□优 ☑良'): the ticked one is the grade, an empty box none
_TICKED = regex.compile(rf"(?P<g>{GRADE_WORDS})\s*[((]\s*[√✓✔☑]\s*[))]|[☑■√✓✔]\s*(?P<g>{GRADE_WORDS})")
_BOXES = regex.compile(rf"(?:{GRADE_WORDS})\s*(?:[((]\s*[))]|□)|□\s*(?:{GRADE_WORDS})")


def read_stated_grade(text: str, bands_span: tuple[int, int] | None) -> tuple[Found | None, str | None]:
    """The grade the report gives itself; the band-definition sentences are not statements. On a form that prints
    every grade with a box, the ticked box is the grade and nothing else is (no box ticked: none)."""
    if len(_BOXES.findall(text)) + len(_TICKED.findall(text)) >= 3:  # a row of boxes, not one '合格□' elsewhere
        ticked = _TICKED.search(text)
        return (Found(short_grade(ticked["g"]), ticked.start("g"), ticked.end("g")), ticked["g"]) if ticked else (None, None)
    for pattern in _STATED:
        for m in pattern.finditer(text):
            if bands_span and bands_span[0] <= m.start("g") < bands_span[1]:
                continue  # a band's own grade word
            context = regex.split(r"[。;;\n]", text[max(0, m.start() - 12):m.start()])[-1]  # this sentence only
            if regex.search(r"划分|设为|包括|(?:评分|评价|等级|考核|评定)标准|等级分|以上|以下|含|若|如果", context + m[0][:-1]):
                continue  # a rule or a band definition, not the report's own grade
            word = m["g"]
            return Found(short_grade(word), m.start("g"), m.end("g")), word
    return None, None


def default_bands(year: int | None, cited_rules: list[dict]) -> tuple[list[Band], str | None]:
    """The regime's bands where the report states none (DOMAIN.md §1.2)."""
    cites_2020 = any(r.get("year", 0) >= 2020 and "财预" in r.get("doc", "") for r in cited_rules)
    if (year is not None and year >= 2020) or cites_2020:
        return [Band("优", 90, None), Band("良", 80, 90), Band("中", 60, 80), Band("差", None, 60)], "财预〔2020〕10号"
    return [], None


# a cut-off or a range of points beside a grade word, or a form's whole that is not 100 points
_POINTS = r"\d+(?:\.\d+)?\s*分?"
_CUT_OFF = rf"{_POINTS}\s*(?:\((?:含|不含)\d*分?\))?\s*(?:以上|以下|及以上|以内|\(含\))|[≥≤<>]\s*\d+"
_RANGE = rf"{_POINTS}\s*[-~—–至]\s*\d+(?:\.\d+)?\s*分"  # ('80-95分': its 分 says points, not years)
_GRADE_WORD = r"(?:优|良|中|差|合格|及格)"
_BAND_WORDING = regex.compile(rf"(?:{_CUT_OFF}|{_RANGE})[^。\n]{{0,12}}?{_GRADE_WORD}"
                              rf"|{_GRADE_WORD}[^。\n]{{0,12}}?(?:{_CUT_OFF}|{_RANGE})"
                              r"|满分(?:值)?(?:为)?\s*(?!100(?!\d))\d+\s*分")


def bands_worded(text: str) -> bool:
    """The text words grade bands or a whole of other than 100 points (_BAND_WORDING)."""
    return bool(_BAND_WORDING.search(text))


def read_grades(text: str) -> GradeFacts:
    bands, span = read_bands(text)
    stated, word = read_stated_grade(text, span)
    return GradeFacts(bands=bands, bands_span=span, stated=stated, stated_word=word)
