"""Header roles: what each column of a report's table means, from its header words (DOMAIN.md §2.2, §2.3).

A role says which values a column takes (`accepts`), so that a row whose cells were dropped or glued
can still be laid on the header by the kinds of its tokens. The vocabulary is the published forms'
(财预〔2020〕10号 自评表, provincial variants, third-party 评分表), not one file's wording.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class RoleDef:
    name: str
    pattern: str
    accepts: str  # label | amount | rate | weight | score | ordinal | any | note | mark
    table: str  # funds | scores | both


# Order matters: the alternation tries longer, more specific words first.
ROLE_DEFS = [
    # --- funds block of self-assessment / transfer-payment forms ---
    RoleDef("initial", r"年初预算(?:数|金额)?|年初批复(?:预算)?数?|年初预匏数", "amount", "funds"),
    RoleDef("budget_net", r"扣除统筹整合资金后预算(?:金额|数)", "amount", "funds"),
    RoleDef("pooled", r"统筹整合资金数?", "amount", "funds"),
    # 下达数: what a transfer payment's form calls the budget allocated to the project
    # DOMAIN.md §4.1's words for the year's budget, each with the forms' endings (数, 金额: '全年预算金额')
    RoleDef("budget", r"全年\(?调整\)?预算(?:数|金额)?|全年预算(?:数|金额)?|调整后预算(?:数|金额)?|调整预算数?|"
                      r"批复预算(?:数|金额)?|全年\([^)]{0,4}\)预算(?:数|金额)|预算数|预算金额|(?:资金)?下达(?:资金)?数|下达金额",
            "amount", "funds"),
    RoleDef("received_rate", r"(?:预算|资金)?到位率|预算到位", "rate", "funds"),
    RoleDef("received", r"全年到位资金|到位资金数?|资金到位数|到位数", "amount", "funds"),
    # and for the amount spent: 执行数, 实际支出, 支出数, 累计支出 (not 决算数, an office's final accounts beside a
    # project's form, '上年决算数', nor 已支付, a part of the spending a form prints beside it: '全年执行数 | 其中:已支付')
    RoleDef("executed", r"(?:全年)?(?:执行(?:数|资金|金额)|(?:实际)?支出(?:数|金额)|预算执行数|预算支出数|实际执行数|"
                        r"实际支出|累计支出(?:数|金额)?)",
            "amount", "funds"),
    # '执行率未达到90%的需说明原因' heads a note column, not a second rate
    # and for their ratio: 执行率, 预算执行度, 支出率, 资金使用率
    RoleDef("rate", r"(?:预算|资金)?执行率(?!权重|得分|[\p{Han}]{0,3}(?:未达|低于|不足|需说明))|预算执行度|预算执行(?!数|情况)|"
                    r"(?:预算|资金)?支出率(?!权重|得分)|资金使用率(?!权重|得分)",
            "rate", "funds"),
    # 行次 numbers a funds block's lines; 序号 a score table's rows, in a cell before its labels
    RoleDef("row_no", r"行次|序号", "ordinal", "both"),
    # --- score tables ---
    RoleDef("level1", r"一级指标|一级", "label", "scores"),
    RoleDef("level2", r"二级指标|二级", "label", "scores"),
    RoleDef("level3", r"三级指标|三级", "label", "scores"),
    RoleDef("level4", r"四级指标", "label", "scores"),
    # a bare 指标 names the label column only where a weight column follows it ('指标 | 分值 | 得分')
    # ('指标项目 | 权重 | 得分率 | 得分': a third-party report's summary of its level-1 indicators)
    RoleDef("name", r"指标名称|评价指标|考核指标|评价准则|评价内容|考核内容|指标内容|指标(?:项目|类别)?(?=\|?(?:分值|权重|满分|标准分))",
            "label", "scores"),
    # 计量单位 and 指标性质 hold a unit or a sign ('%', '万亩', '≥'), never a figure: a number never lands there
    RoleDef("unit", r"计量单位|度量单位", "mark", "scores"),
    RoleDef("nature", r"指标性质", "mark", "scores"),
    RoleDef("target", r"年度指标值|年初指标值|调整指标值|全年指标值|年初目标值|年度目标值|绩效目标值|预期目标值?|目标值|指标值", "any", "scores"),
    RoleDef("actual", r"(?:全年|年度|本年|当年)?(?:实际完成(?:指标)?值|实际值|完成值|实现值)|实际完成情况", "any", "scores"),
    RoleDef("raw_score", r"评价分值\(百分制\)|百分制得分|得分率|得分系数", "rate", "scores"),
    # 自评分 / 评分: the form's own word for the score column where it has no 得分, opening a cell (not the end
    # of a heading such as '指标体系及评分', nor prose: '项目自评分为89.7分'), or right after the weight column's
    # word or a note column's in a header a scrape glued ('权重自评分', '指标说明自评分'); headers are matched with their
    # line breaks squeezed out, so what follows the word may be the next line's first character; '自评' a cell of its
    # own (a province's 评分表: '… | 备注 | 自评 |'); '分数' a cell of its own, or between the heads around it where the
    # whitespace between them is squeezed out ('计分标准分数备注')
    RoleDef("score", r"(?:执行|支出|使用)率得分|加权(?:平均)?得分|自评得分|评价得分|考评得分|考核得分|实际得分|指标得分|核定得分|审核得分|"
                     r"复核得分|得分(?!说明|理由|计算|方法|依据|标准)|(?:(?<!\p{Han})|(?<=权重|分值|权数|满分|标准分|指标说明|指标解释|评分标准|评分依据|完成值|实际值))(?:自评分数?|评分)(?!依据|标准|细则|说明|办法|方法|要点|规则|为|是)|"
                     r"(?<![\p{Han}])自评(?=\|)|(?:(?<![\p{Han}])|(?<=标准|分值|权重|说明|依据))分数(?=\||备注|等级|$)",
            "score", "both"),
    RoleDef("weight", r"(?:执行|支出|使用)率权重|指标权重|指标分值|标准分值|权重分|权重|分值|权数|标准分|满分", "weight", "both"),
    # 扣分: the points a row lost (its score is the weight less them); a column of its own, never the score
    RoleDef("deduction", r"扣分(?!原因|说明|依据|理由|情况)|扣减分值|扣分值", "score", "scores"),
    RoleDef("note", r"偏差原因分析及改进措施|扣分说明|扣分依据|扣分理由|扣分情况|未完成原因(?:分析)?(?:及(?:改进|整改)?(?:措施|建议|计划|说明))?|偏差原因|原因分析|扣分原因|"
                    r"评分依据|评分标准|计分标准|评价标准|评分说明|评分理由|得分说明|得分理由|得分计算方法|计分方法|指标解释|指标说明|评价要点|评分要点|绩效等级|备注|佐证材料|"
                    r"是否核心指标",
            "note", "both"),
]
ROLES = {r.name: r for r in ROLE_DEFS}

# The label of a table's totals row (a blank row's '……' may stand glued before it), and of the notes a form
# prints under its table: neither row holds a cell of the row above it.
_TOTAL_WORDS = "合计|总分|总计|总得分|得分合计|综合得分|自评总分|评价总分"
# ('评价准则 | 分值 | 实际得分' … '评价结果 | 100 | 80.14': a criteria table's result row, the word alone in its cell)
TOTAL_LABEL = regex.compile(rf"^[…\.。·\s]*(?:{_TOTAL_WORDS}|总 分|评价结果(?!\p{{Han}}))")
# A cell that is the totals' label alone, in a row that opens with another field of the form: the 自评表's last
# row '其他需要说明事项 | 无 | 总分 | 100 | 96 | 优' holds the totals after it.
TOTAL_CELL = regex.compile(rf"(?:{_TOTAL_WORDS})")
NOTE_UNDER_TABLE = regex.compile(r"^(?:注\s*\d?\s*[::.、]|说明[::]|备注[::]|填表说明)")
ROLE_RE = regex.compile("|".join(f"(?P<{r.name}>{r.pattern})" for r in ROLE_DEFS))

# What may stand between two header words of one header: spaces, pipes, and notes in parentheses
# ('(A)', '(万元)', '(B/A)', '(20分*执行率)', '(%)').
HEADER_GAP = regex.compile(r"[\s|::]*(?:[((][^()()\n]{0,20}[))][\s|::]*)*")
FORMULA = regex.compile(r"^[((]\s*([A-Z])\s*/\s*([A-Z])")  # '(E/C×100%)': the column is E over C
LETTER = regex.compile(r"^[((]\s*([A-Z])\s*[))]")  # '(A)': the column's letter
POINTS = regex.compile(r"(\d+(?:\.\d+)?)\s*分")  # '(20分)': the points a column or block is worth

FUNDS_KEYS = {"budget", "initial", "executed", "budget_net"}
LABEL_ROLES = ("level1", "level2", "level3", "level4", "name")


# A works' planned investment ('项目总投资1807万元'): the budget only where the stated rate divides by it
# (extract/budget.choose), and a doubt on the execution rate where it was taken without (verify/certainty).
_INVESTMENT = regex.compile(r"总投资|投资总额")


def is_investment(label: str) -> bool:
    return _INVESTMENT.search(label) is not None
