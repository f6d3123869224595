"""Budget, executed amount, execution rate and funding: from the prose and from a form's funds block."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import regex

from ..numbers import AMOUNT as AMOUNT_TEXT
from ..numbers import NUMBER, UNITS, Number, decimals_of_half_unit, parse_amount, parse_percent
from ..record import FundingSource
from ..tables.funds import execution_weight, read_funds
from ..tables.glued import rate_matches
from ..tables.model import Value, figure
from ..tables.roles import is_investment
from .amounts import Amount, find_amounts
from .context import Context, Found
from .data_sheet import whole_spending
from .form_sources import read_form_sources
from .splits import ALLOTTING_LEAD, SUM_CUE, Split

AMOUNT = rf"(?P<amt>{AMOUNT_TEXT})"
# the words of funds secured for a work ('我县共落实…258.8556万元'): a budget only where a stated rate pairs them
_SECURED_WORDS = r"(?:共|累计|已)落实"
PCT = rf"(?P<pct>{NUMBER}\s*%)"
# ('项目经费为人民币324.11万元': the currency named before the figure)
_FILL = r"(?:为|是|共计|共|合计|达到|达|约|计|:|\s)*(?:人民币)?"
# '…资金到位率及资金执行率均达到100%': one figure for each of the rates named before it (均, 'each': for a rate only;
# an amount after it is each item's, not the total)
_RATE_FILL = r"(?:为|是|均|达到|达|约|:|\s)*"

# What a clause says after an allotment that makes it the whole of it: '…资金3728万元全部执行到位', '衔接资金105万元已全部
# 到位', '…资金30万元,资金已到位', '…补助资金1749万元,全部在规定时限内及时下达拨付给…'
_ALL_IN_PLACE = (r"\s*[,,]?\s*(?:资金|经费)?(?:已|均)?(?:全部|全额|足额)[^,,。;;\d]{0,12}?(?:执行到位|拨付到位|下达到位|到位|下达|拨付)"
                 r"|\s*[,,]?\s*(?:资金|经费)?(?:已|均|及时)(?:执行|拨付|下达|批复)?到位(?!率)")
# '对2020年度…项目资金834万元进行绩效评价': the funds an evaluation covers
# ('…专项资金200万元管理情况进行了自我评价': the funds' management or use evaluated, by the unit itself)
# ('…项目19787.814万元资金的使用和管理情况开展了绩效评价': both, joined)
_EVALUATED = r"\s*(?:的?(?:管理|使用)(?:和|及|与)?(?:管理|使用)?(?:情况)?)?\s*(?:进行了?|开展了?)(?:重点|综合|绩效|自我)*(?:评价|自评)"
# the words of one clause between 已 and its verb ('已严格按合同约定和施工进度及时足额拨付'): the verb is then a thing done
_PAID_CLAUSE = r"[^,。;,;:\d]{0,20}?"
BUDGET_PATTERNS = [
    # '2019年初财政对我局预算批复的总支出为18531.47万元': the spending a budget approved
    rf"批复的?(?:总支出|支出总额|总预算){_FILL}{AMOUNT}",
    # '预算项目经费15690.38万元': the budget's name may hold the word for what it funds
    # '农村危房改造资金预算安排300.7万元': the funds' budget, allotted; '全年应执行数为7.79万元': what is to be spent
    rf"(?:资金|经费)预算(?:安排|下达)(?:资金|经费)?{_FILL}{AMOUNT}",
    rf"应执行(?:数|金额|资金){_FILL}{AMOUNT}",
    # a form's key with its column letter, the figure beside it carrying its unit: '转移支付预算数(A) 5.8万'
    rf"预算数\s*[((][A-Z][))][\s|::]*{AMOUNT}",
    # '指标金额是110万元': the budget quota the finance bureau gives the unit for the project
    rf"(?<![\p{{Han}}])(?:预算|资金)?指标(?:金额|资金|数){_FILL}{AMOUNT}",
    # '2020年度预算收入6万元': what the budget brings in for the year
    # '部门预算总金额803.74万元', '安排污水处理费项目预算支出合计25,674.55万元' (the expenditure budgeted)
    # ('2021年度引导资金预算总规模26亿元': a transfer payment's budget as a ministry states it)
    # ('执行中追加预算1,690,235.03元': an addition to the budget, one part of it, never the budget)
    rf"(?<!追加|调增|调减|追减|增加|减少)(?:项目)?(?:总)?预算(?:项目)?(?:资金|经费|支出)?(?:合计|总额|总计|总金额|金额|数|收入|总规模|规模)?{_FILL}{AMOUNT}",
    # '调减40万元(…),全年实际下达71万元': the year's allotment after its adjustments (DOMAIN.md §2.3: the adjusted budget)
    rf"(?:全年|调整后)(?:实际)?(?:下达|安排)(?:资金|经费|预算)?{_FILL}{AMOUNT}",
    # a form's key, the amount with its unit in the cell beside it ('预算金额 | 96万元 | 项目实施期限'); a rate's or a
    # table's header ('预算执行率 | 100% | 95%') is not read this way
    rf"(?<![\p{{Han}}])(?:预算金额|项目预算|预算资金)[ \t]*\|[ \t]*{AMOUNT}",
    # '年初预算安排877万元': the verb that allots the year's budget may follow its name, and so may the year it is
    # of ('2021年预算安排2700万元': choose() keeps the evaluated year's)
    # ('2017年市财政预算安排5,000.00万元': the level whose treasury budgets it may stand between)
    rf"(?:全年|调整后|年初|批复|(?<!\d)(?:19|20)\d{{2}}年度?)(?:[省市县区州]级?|本级)?(?:财政)?预算(?:数|资金)?(?:实际)?(?:安排|下达)?{_FILL}{AMOUNT}",
    # the budget process's approved figure ('“一上”申报数1000万元,“二下”批复数1000万元'): the 批复数 is the year's
    # budget, the 申报数 only what was asked for
    rf"(?:预算)?批复(?:数|金额|预算数){_FILL}{AMOUNT}",
    # the funds' name between the verb and 资金 may hold its year ('下达我市2019年畜禽粪污…项目资金为1000万元')
    # a colon may follow the verb ('2022年财政预算安排:溪口雷笋…专项资金166万元')
    # ('下达我县2023老年人生活保健补贴资金4186.49万元': a year may stand without its 年)
    # ('我市获得2023年度中央水污染防治专项资金17347万元': the allotment as the unit that got it words it)
    # (funds 已拨付 / 累计投入 are paid out: spending, not the allotment)
    # ('预算批复路灯设施电费、维护费5565万元': funds named for what they pay, a 费, are funds all the same)
    rf"(?:下达|安排|批复|获得|(?<!已{_PAID_CLAUSE}|实际|累计)(?:投入|拨付))[::]?(?:[^,。;:\d]|(?:19|20)\d{{2}}(?:年度?)?(?=\p{{Han}})){{0,30}}?(?:资金|经费|(?<=\p{{Han}})费)(?:\([^)]{{0,20}}\))?(?:预算)?{_FILL}{AMOUNT}",
    # the allotment to the unit itself, its amount before any name ('下达我局353.6万元,用于…')
    # (the unit itself, not its territory: '下达我县2000万元…资金,其中…项目600万元' is the county's whole allotment)
    rf"下达(?:给|到)?我(?:[局委院校所站处]|单位|部门|中心){_FILL}{AMOUNT}",
    # the funds named before their verb: '2022年衔接资金共下达105万元'
    rf"(?:资金|经费)(?:共|合计|已)?(?:下达|安排|批复)(?:资金|经费)?{_FILL}{AMOUNT}",
    # '文件下达我市全民健身场地器材补短工程160万元': the amount allotted to the work the allocation names
    rf"下达(?:[^,。;:\d]|(?:19|20)\d{{2}}年度?){{2,30}}?(?:工程|项目){_FILL}{AMOUNT}",
    # '按生均1000元安排,共计239万元': the allotment's total in the clause after its verb
    rf"(?:下达|安排|批复|拨付)[,,](?:共计|合计|总计){_FILL}{AMOUNT}",
    # ('财政资金计划总额2200万元': the funds planned for the year, the allotment's total; '该项目资金计划1000万元')
    rf"(?:项目)?(?:资金|经费)(?:计划(?:总额|总计|合计|共计|共)?|总额|总计|合计|共计|共){_FILL}{AMOUNT}",
    # the 自评报告表's cell '资金总额及构成 | 总额1002.6万元,其中:中央…'
    rf"(?:资金|经费)总额及构成[\s|::]*(?:总额)?{_FILL}{AMOUNT}",
    # funds the text says all arrived or were all allotted, or that an evaluation covers, are the whole allotment
    rf"(?:资金|经费){_FILL}{AMOUNT}(?={_ALL_IN_PLACE}|{_EVALUATED})",
    # ... and the amount before its funds, as an evaluator words what it was engaged on ('对…项目19787.814万元资金的使用和
    # 管理情况开展了绩效评价')
    rf"{AMOUNT}(?:的)?(?:资金|经费)(?={_EVALUATED})",
    # a fund's size for the year ('中央核定我省粮食风险基金规模为36121.00万元'): what it holds to spend
    # (never a whole province's programme, '全省…基金资金规模为50亿元', nor a size over years, '…规模为5亿元(2021-2025年)')
    rf"(?:资金|基金)(?<!全[省市国区县][^,。;]{{0,18}})(?:总)?规模{_FILL}{AMOUNT}(?!\s*[((]\s*(?:19|20)\d{{2}})",
    # the funds the evaluation is of ('本次评价对象为湖南省中小企业发展专项资金16750万元,其中…'): what it covers
    # (never the whole of a unit's funds, '评价范围为市农业农村局管理的全部项目资金8600万元')
    rf"评价对象(?:为|是)(?:(?!全部|所有|各项)[^,。;:\d]){{2,40}}?(?:资金|经费){_FILL}{AMOUNT}",
    # the funds the evaluated project involves ('…运维经费项目,涉及资金42万元'): what the evaluation covers
    rf"涉及(?:项目)?(?:财政)?(?:资金|金额)(?:总额|合计|共计)?{_FILL}{AMOUNT}",
    # '计划使用金额1600元', '计划投入资金50万元': the planned input, the budget's name in DOMAIN.md §4.1 (计划投入)
    rf"计划(?:使用|投入)(?:资金|金额|经费){_FILL}{AMOUNT}",
    # '(三)2018年财政绿化包干经费:1080万元': the year's funds, stated as an item's figure
    # ('2022年城区公共绿地养护项目经费为人民币324.11万元', '2024年项目资金为14.97万元': the year's funds, said to be)
    rf"(?<![\p{{Han}}\d])(?:19|20)\d{{2}}年度?\p{{Han}}{{2,20}}?(?:资金|经费)(?:[::]|为(?:人民币)?)\s*{AMOUNT}",
    # an approved investment is the budget only where the stated rate divides by it (choose() decides)
    rf"(?:项目)?(?:计划)?总投资(?:额)?{_FILL}{AMOUNT}",
    # a summary form's cell ('投资总额 | 392万元', one cell per line): the project's total, where the form gives it (in a
    # sentence, '于2013年建成,投资总额1631万元', it is what a facility once cost)
    rf"(?:^|(?<=[\n|]))[ \t]*投资总额[ \t]*(?:[|\n][ \t|]*)+{AMOUNT}",
    # a transfer payment's form, its funds cells '资金情况(万元) 年度金额(提前下达):208万元': the year's amount
    rf"(?<![\p{{Han}}])年度金额(?:\([^()]{{0,8}}\))?[::]\s*{AMOUNT}",
    # '2021年,我县共落实棚户区改造258.8556万元': the funds secured for the work, as 到位资金 (DOMAIN.md §4.1) says of
    # funds in place: the budget only where a stated rate pairs it with the spending (choose(), _SECURED)
    rf"{_SECURED_WORDS}(?:\p{{Han}}{{0,12}}?)(?:资金)?{_FILL}{AMOUNT}",
    # '项目共5项, 合计金额52,340万元': the project's own total stated with its count
    rf"项目[^。;:]{{0,16}}?(?:合计|共计|总计)(?:金额|资金){_FILL}{AMOUNT}",
]
EXECUTED_PATTERNS = [
    rf"(?:预算|全年|实际)?(?<!应)执行(?:数|金额|总量|总额){_FILL}{AMOUNT}",
    # '实际执行89.97万元', '全年执行300万元', '实际报账10万元': the executed amount as a verb (报账: reimbursed
    # against the budget)
    # ('已执行支付2668万元': executed, by payment)
    # ('预算执行 98万元, 执行率 61%': the budget's execution, in money)
    # ('实际执行支出预算1711.15万元': the spending budget, executed)
    rf"(?:实际|累计|已|全年|预算)(?:执行|报账)了?(?:支付|支出预算)?(?:资金|金额)?{_FILL}{AMOUNT}",
    # a short name of the funds may stand between the verb and 资金 ('累计支出补助资金…')
    # '实际支出总额153.55万元', '已经支出70,909.19万元'
    # '实际总支出2595.6208万元'
    # ('该项目已拨付工程款700万元': the works paid, the spending of a works project)
    # ('2023年共支付省级福利彩票公益金113万元': the fund named in full between the verb and the amount)
    # ('已拨付中央财政水污染防治资金680万元': the fund named in full, as the allotting verbs allow it)
    # (a name, not a clause that says where the money went or what it settled: '已拨付乡镇用于管网配套的县级资金',
    # '已支付上年度结转项目工程尾款资金')
    rf"(?:实际|累计|共|已经?|并)总?(?:支出|支付|使用|支|拨付)(?:(?:(?!用于|的|给|至|到|上年|结转|尾款)\p{{Han}}){{0,16}}?资金|[\p{{Han}}]{{2,12}}?公益金|工程款|总额|金额|数)?{_FILL}{AMOUNT}",
    # '实际形成支出14474.12万元': the spending the funds came to
    rf"(?:实际|累计|已)?形成(?:的)?支出(?:资金|金额)?{_FILL}{AMOUNT}",
    # a clause that opens with the payment, after the budget it pays from ('财政预算项目资金16万元,支付16万元')
    # ('当年实际到位1000万元,支出989.935万元': the stages of the money in a row, the last its spending)
    # ('年度财政资金预算700万元,执行425万元,执行率61%': the bare verb of execution opens the clause)
    # ('…严格按照会议费制度管理办法,支出资金0.26万元,执行率100%': the money named after the verb)
    # (not one use of several: '…,支出资金12万元用于购置保洁设备,支出资金8万元用于…')
    # (nor one item's of a list: '培训费预算3万元,支出资金2.1万元;差旅费预算2万元,支出资金1.8万元')
    rf"(?<=[,,;;]\s*)(?:支付|支出|执行)(?<!支出资金[^。]{{0,60}}(?:支付|支出|执行))(?:资金|金额)?{_FILL}{AMOUNT}(?!\s*(?:主要)?用(?:于|作|在))"
    rf"(?![^。]{{0,60}}?支出资金)",
    # the funds named before the verb, summed: '我镇2021年村管费支付共392.47万元' (never a plan's: '预算安排经费支出共…')
    # (nor a part of the year's, '截至2022年6月30日,村管费支付共45万元')
    rf"(?:费|资金|经费)(?<!(?:预算|计划|安排|截至|截止)[^。;\n]{{0,60}})(?:支付|支出)(?:共计|合计|共){AMOUNT}",
    # ('…实际到位资金16,760.00万元,使用项目资金15,645.41万元,资金使用率93.35%': the verb of use opens the clause, the
    # funds named after it)
    rf"(?<=[,,;;]\s*)(?:已|实际|累计)?使用(?:(?!用于|的|给|至|到|上年|结转)\p{{Han}}){{0,8}}?(?:资金|经费){_FILL}{AMOUNT}",
    # ('…上级补助48.41万元。支出68.41万元,年末结转结余0.00万元': a sentence may open on the bare verb and its figure;
    # '。支出合计1210.3万元,其中:基本支出…' is a department's accounts, no project's spending)
    # (not a sum whose use follows: '。支出120万元用于产业发展' is one use of the funds)
    rf"(?<=。\s*)(?:支付|支出|执行)\s*{AMOUNT}(?!\s*(?:主要)?用(?:于|作|在))",
    # '…滑冰场工程项目,总支出180万元'
    # (never what a budget approved: '…对我局预算批复的总支出为18531.47万元')
    rf"(?<![预算计划])(?<!批复的?)总支出(?:金额|资金)?{_FILL}{AMOUNT}",
    # ('我单位2017年项目支出决算为150万元': the final accounts of the spending)
    rf"(?:已支付|支出数|决算数|决算支出(?:合计|总额)?|支出决算(?:数|总额)?){_FILL}{AMOUNT}",  # '部门决算支出860.92万元'
    rf"执行数\s*[((][A-Z][))][\s|::]*{AMOUNT}",
    # the same form's '资金使用情况(万元) 合计:109.8万元': what was used of it, in all
    rf"资金使用情况(?:\([^()]{{0,6}}\))?[\s|::]*合计[::]\s*{AMOUNT}",
    # paid out to the beneficiaries: the spending of subsidy and transfer funds
    rf"(?:已|实际|累计|共)?(?:发放|拨付使用|兑付|兑现)(?:补贴|补助|补奖)?(?:资金|金额)?{_FILL}{AMOUNT}",
    # who was paid between the verb and the funds: '已兑现困难群众…基本生活救助资金14280元'
    rf"(?:已|实际|累计|共)(?:发放|兑付|兑现)[^,。;:\d]{{2,30}}?(?:资金|经费|补助|补贴){_FILL}{AMOUNT}",
    # '各乡镇资金使用316.75万元', '…任务资金支付18501.096万元', '累计完成投资1,702.45万元': funds used or paid,
    # investment completed
    # ('…照料中心资金完成61.99万元': the funds' use completed)
    rf"资金(?:使用|支出|支付|完成)(?:金额|数)?{_FILL}{AMOUNT}",
    # a department's or a year's spending: '2020年全年支出1,798.64万元'
    rf"(?:全年|本年|年度|(?<!\d)(?:19|20)\d{{2}}年度?)(?:实际)?总?支出(?:合计|总额|金额)?{_FILL}{AMOUNT}",
    # '2018年度,市人大常委会办公厅专项业务经费支出1387万元': the year opens the clause, the funds are named before the verb
    rf"(?<!\d)(?:19|20)\d{{2}}年度?[,,][^,,。;;:\d\n]{{2,30}}?(?<!预算|计划)(?:经费|资金)支出(?:合计|总额|金额)?{_FILL}{AMOUNT}",
    # '已严格按合同约定和施工进度及时足额拨付资金66.86万元': 已 opening the clause makes its 拨付 a payment made
    rf"已{_PAID_CLAUSE}拨付(?:资金|工程款|金额)?{_FILL}{AMOUNT}",
    # '截至2022年9月底,农村改厕建设项目支出13.971129万元': what was spent by a day the clause names
    rf"截至[^,,。;;\n]{{2,16}}?[,,]?[^,,。;;\d\n]{{0,30}}?(?<!预算|计划)支出(?:资金)?{_FILL}{AMOUNT}",
    # '已完成拨付2113.63万元': funds paid out to the works, the spending of an allocation
    rf"(?:累计|已)?完成(?:投资|支出|支付|拨付)(?:额|金额)?{_FILL}{AMOUNT}",
]
# '…服务资金3728万元全部执行到位', '…资金50万元已全部支出完毕': the funds named, then spent in full. Read only where the
# text states no spending in other words (a carried-over part spent in full, '上年结转资金20万元已全部支出完毕', beside
# '实际支出85万元'), and never for a part after 其中 ('其中送戏下乡经费30万元已全部使用完毕')
SPENT_IN_FULL_PATTERNS = [
    rf"(?:资金|经费){_FILL}{AMOUNT}(?=\s*[,,]?\s*(?:资金|经费)?(?:已|均)?(?:全部|全额)(?:执行到位|执行完毕|支出完毕|使用完毕|支付完毕|执行完成))"]
_PART_OPENING = regex.compile(r"其中|上年结转|结转|结余|尾款|剩余|余款")

RECEIVED_PATTERNS = [rf"(?:实际)?(?:到位|收到)(?:资金)?{_FILL}{AMOUNT}",
                     # '共收到特殊教育公用经费专项资金6.44万元': the funds received, named between the verb and the figure
                     rf"(?:共|已|实际)收到(?:(?!用于|的|给|至|到)\p{{Han}}){{2,20}}?(?:资金|经费){_FILL}{AMOUNT}"]
# 拨付率, 发放率, 兑付率 and 投资完成率 are the execution rate where the executed amount is worded
# 拨付 / 发放 / 兑付 / 完成投资.
# ('资金使用完成比率': the use of the funds worded as a rate of completing it; not 支付完成率 or 预算完成率, which name
# an indicator's target or one part's rate as often as the report's)
RATE_PATTERNS = [rf"(?:预算)?(?:执行率|执行度|支出率|(?:资金|合计|总体|预算)使用率|支付率|支出进度|执行进度|资金拨付率|拨付率|投资完成率|"
                 rf"(?:资金)?(?:发放|兑付)率|(?:资金)?使用完成比?率)"
                 rf"(?:\([^)]{{0,8}}\))?{_RATE_FILL}{PCT}",
                 # '年初预算支出完成率为100%': a form's word for the execution rate, the spending's completion of the
                 # budget, opening its clause (never one class's, '三公经费预算支出完成率', '其中项目支出完成率')
                 # ('年度绩效目标:支出完成率达到100%': a target's value, never the rate)
                 rf"(?:^|(?<=[,,。;;\s])|(?<=(?<!目标)[::]))(?:(?:年初|全年|年度|调整后)?(?:预算)?|资金)支出完成率{_RATE_FILL}{PCT}",
                 # '共支出资金65.3万元,占预算的98%': the spending's share of the budget
                 rf"(?<=(?:支出|支付|执行|使用)[^。;]{{0,24}}?)(?:占|完成)(?:全年)?预算(?:数|资金)?的?{_FILL}{PCT}",
                 # the money done and its rate in the next clause ('…,实际完成2700万元,完成率达到90%'): the amount's
                 rf"(?<=(?:实际|累计|已)完成(?:投资|支出)?{AMOUNT}[,,]\s*)完成率{_RATE_FILL}{PCT}"]
FUNDING_SOURCE = regex.compile(
    r"(?:资金)?来源(?:为|是|:|于)\s*([\p{Han}]{2,12}?(?:资金|拨款|经费|预算|债券))"
    # '财政资金总额16.20万元,全部为县级配套资金': the whole amount from one source, named by its level or kind (the amount's
    # unit in any of its forms: '16.20万,全部为…')
    r"|(?<=\d\s*(?:万元?|亿元?|元)[,,]?\s*)(?:全部|均|全额)(?:为|是|来源于|来自)\s*"
    r"((?:中央|省级?|市级?|州级?|县级?|区级?|本级|上级|地方|财政|一般公共预算|政府性基金)[\p{Han}]{0,8}?(?:资金|拨款|补助|债券))")


@dataclass
class Candidate:
    value: float
    half_unit: float
    start: int
    end: int
    label: str
    origin: str = "text"  # text | table
    year: int | None = None  # the one year its clause ties it to ('2021年已支出…')
    cumulative: bool = False  # '累计', '截至…', '合计': a whole-period figure


@dataclass(frozen=True)
class SumTotal:
    """The total of a list tied to its parts by arithmetic alone (splits cue 'sum'), as a budget candidate."""

    total: Candidate
    part_ends: frozenset[int]  # where its parts end: the budget candidates they are
    part_names: tuple[str, ...]


@dataclass
class BudgetFacts:
    budget: list[Candidate] = field(default_factory=list)
    executed: list[Candidate] = field(default_factory=list)
    received: list[Candidate] = field(default_factory=list)
    initial: list[Candidate] = field(default_factory=list)
    rate: list[Candidate] = field(default_factory=list)
    funding_sources: list[FundingSource] = field(default_factory=list)
    funding_spans: list[tuple[int, int]] = field(default_factory=list)
    execution_row: dict | None = None  # weight/score of the form's 预算执行率 row
    funding_source: Found | None = None
    funds_report: object | None = None  # the table interpreter's parsing report of the funds block
    chosen: Chosen | None = None  # what the record took (choose), once the facts are complete
    # the totals of lists tied to them by arithmetic alone: placed just before the first of their parts among the
    # budget candidates, once they are in order (choose)
    sum_totals: list[SumTotal] = field(default_factory=list)


@cache
def _compiled(pattern: str) -> regex.Pattern:
    """The role patterns compiled once: the regex module's own cache is shared with every pattern of the
    package and, overflowing, would compile them again for each document."""
    return regex.compile(pattern)


def _collect(text: str, patterns: list[str], kind: str) -> list[Candidate]:
    out = []
    amounts = {a.end: a for a in find_amounts(text)} if kind != "rate" else {}
    for pattern in patterns:
        for m in _compiled(pattern).finditer(text):
            num = parse_percent(m["pct"]) if kind == "rate" else parse_amount(m["amt"])
            if num is None:
                continue
            label = text[m.start():m.start("pct" if kind == "rate" else "amt")]
            a = amounts.get(m.end("amt")) if kind != "rate" else None
            if a is not None and a.per_unit:
                continue  # a standard per person or per month ('每人每月发放50元') is no sum of the year's
            out.append(Candidate(num.value, num.half_unit, m.start(), m.end(), label.strip(),
                                 year=a.year if a else None, cumulative=a.cumulative if a else False))
    return _in_order(out)


# What a project needs ('该项目需县级财政安排资金8144万元', '共需资金…', '尚需投入…') is a plan or a shortfall, not
# the year's budget: the words of need just before the budget's verb, in its clause.
_NEEDED = regex.compile(r"(?:需要?|所需|尚需|还需|拟)[^,,。;;:\d]{0,6}$")


# ... and a figure by which spending passed or fell short of the budget ('超出预算金额99.56万元', '比预算节约…') is a
# difference, not the budget: the words of comparison just before the budget's word.
# ('低于预算数500万元', '高于预算…': the budget compared with, stated; only the words that name the gap are no budget)
_BEYOND = regex.compile(r"(?:超出|超过|超支|节约|节余|结余|差额)[^,,。;;:\d]{0,2}$")


def _not_a_need(text: str, pool: list[Candidate]) -> list[Candidate]:
    return [c for c in pool if not _NEEDED.search(text, max(0, c.start - 8), c.start)
            and not _BEYOND.search(text, max(0, c.start - 6), c.start)]


# A sentence that states a goal ('绩效目标:老年人日间照料中心资金完成173万元。') says what was to be spent, not what was.
_GOAL_SENTENCE = regex.compile(r"(?:^|[\n。;;])\s*(?:[((]?[一二三四五六七八九十\d]{1,2}[)).、]\s*)?"
                               r"(?:年度|总体|项目|预期)?(?:绩效)?目标(?:值)?[::][^\n。;;]*$")


def _not_a_goal(text: str, pool: list[Candidate]) -> list[Candidate]:
    return [c for c in pool if not _GOAL_SENTENCE.search(text, max(0, c.start - 80), c.start)]


# A source of the funds named by its level ('省级资金', '地方财政配套'; never '全县资金', '本县…'), the money figure a
# rate follows, and where a group of clauses and a clause end.
_SOURCE_NAMED = regex.compile(r"(?<![全本该我各])(中央|省级?|市级?|州级?|县级?|区级?|自治区|地方|上级)(?:财政)?(?:资金|配套|补助|专项)")
_MONEY = regex.compile(AMOUNT_TEXT)
_CLAUSES_END = regex.compile(r"[。;;\n]")
_CLAUSE_END = regex.compile(r"[,,。;;\n]")
_SOURCE_REACH = 120


def source_named_before(text: str, at: int) -> str:
    """The source of the funds whose amount the figure at `at` follows in its group of clauses ('省级资金完成288.26万元,
    预算执行率99.28%': that amount's clause names it): the figure is that source's, not the whole's; '' where none is."""
    floor = max(0, at - _SOURCE_REACH)
    start = max((m.end() for m in _CLAUSES_END.finditer(text, floor, at)), default=floor)
    money = list(_MONEY.finditer(text, start, at))
    if not money:
        return ""
    before = money[-1].start()
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, start, before)), default=start)
    named = list(_SOURCE_NAMED.finditer(text, clause, before))
    return named[-1][1] if named else ""


def read_budget(ctx: Context) -> BudgetFacts:
    text = ctx.text
    facts = BudgetFacts(
        budget=_in_order(_not_a_need(text, _collect(text, BUDGET_PATTERNS, "amount")) + _form_cells(text, "budget")),
        executed=_in_order(_not_a_goal(text, _collect(text, EXECUTED_PATTERNS, "amount")) + _form_cells(text, "executed")),
        received=_collect(text, RECEIVED_PATTERNS, "amount"),
        rate=_collect(text, RATE_PATTERNS, "rate"),
    )
    # one source's rate ('中央资金完成636.75万元,预算执行率81.97%') is tried after the whole's: its own pair confirms it too
    facts.rate.sort(key=lambda r: bool(source_named_before(text, r.start)))
    _read_funds(ctx, facts)
    _read_form_sources(text, facts)
    for f in whole_spending(text):  # a department-wide evaluation's data sheet: the unit's whole spending
        pool = facts.budget if f.role == "budget" else facts.executed
        pool.append(Candidate(f.value, f.half_unit, f.start, f.end, f.label, "table", f.year))
    items = _project_items(text)
    if items:
        for pool in ("budget", "executed", "rate"):
            setattr(facts, pool, [c for c in getattr(facts, pool)
                                  if c.origin != "text" or not any(a <= c.start < b for a, b in items)])
    # (a list tied to its total by arithmetic alone drops no candidate: a coincidental sum would drop the budget the
    # words name; it only puts its total before its parts, where the stated rate still picks a part it confirms)
    worded = [s for s in ctx.splits if s.cue != SUM_CUE]
    facts.budget = _without_parts_of_stated_totals(worded, facts.budget, text)
    # (a table of payments whose 合计 the text states as spent, '实际使用资金516.58万元', breaks down the spending: no
    # budget; a table of allocations adding up to what was spent in full, '分配金额…合计200,000.00', stays one)
    spent = [c for c in facts.executed if c.origin == "text"]
    facts.budget.extend(t for t in _breakdown_totals(worded) if not _SPENDING_WORD.match(t.label)
                        or not any(abs(t.value - e.value) <= t.half_unit + e.half_unit for e in spent))
    # (never a total worded as spending, '项目共支出资金100万元': the parts of a spend are no parts of the budget)
    facts.sum_totals = [SumTotal(Candidate(s.total.value, s.total.half_unit, s.total.clause_start, s.total.end,
                                           s.total.label or "合计", "split", year=s.total.year,
                                           cumulative=s.total.cumulative),
                                 frozenset(p.end for p in s.parts), tuple(p.name for p in s.parts))
                        for s in ctx.splits if s.cue == SUM_CUE and _stands_as_budget(s)
                        and not _SPENDING_WORD.search(s.total.label)]
    _without_a_components_spending(text, facts)
    facts.executed = [c for c in facts.executed if not _income_final_accounts(text, c)]
    if not facts.executed:
        parts = [p for split in ctx.splits if split.total is not None for p in split.parts
                 if p.value < split.total.value - split.total.half_unit]
        facts.executed = [c for c in _collect(text, SPENT_IN_FULL_PATTERNS, "amount")
                          if not _is_a_part_clause(text, c.start)
                          and not any(abs(p.value - c.value) <= p.half_unit + c.half_unit for p in parts)]
    m = FUNDING_SOURCE.search(text)
    if m:
        group = 1 if m[1] else 2
        facts.funding_source = Found(m[group], m.start(group), m.end(group))
    return facts


# A form's 'key(万元) | figure' cells: the unit stands in the key and the cell beside it holds a bare figure
# ('计划安排资金(万元) | 1088.00 | 实际到位资金(万元) | 1020.02', '实际支出(万元) | 1020.02').
_FORM_KEYS = {
    # ('计划投资额(万元) | 570 | 实际到位资金(万元) | 398.88 | 实际使用情况(万元) | 395.86': a 项目绩效自评表's funds cells)
    "budget": r"(?:计划|预算)?安排资金|预算资金|项目预算|预算金额|全年预算|计划投资额?",
    "executed": r"实际支出(?:资金|金额|数)?|支出金额|实际使用(?:资金|情况)",
}
# (a scrape glues a key to the cell before it, '…12月31日计划安排资金(万元)285.58', '其他其他实际支出(万元)2,275.50'; a key
# that another year's words open, '上年实际支出', is that year's)
_FORM_CELL = r"(?<!上年|去年|上年度|以前年度|往年)(?:{key})\s*[((]\s*(?P<unit>万元|元)\s*[))][\s|::]*(?P<figure>\d[\d,]*(?:\.\d+)?)(?![\d.%万元])"


# The same cells where the form states its unit once above them ('项目基本信息 单位:万元 … 计划投资额 2500.00 实际到位资金
# 2500.00 实际使用情况 1543.31', '二、项目资金情况(万元) 计划投资 1963.18 实际到位 1963.18 实际使用 1168.38'): a key that
# opens its cell, the figure alone in the next.
_UNITLESS_FORM_CELL = r"(?<![\p{{Han}}])(?:{key})[\s|::]*(?P<figure>\d[\d,]*(?:\.\d+)?)(?![\d.%万元,年月日])"
_UNITLESS_KEYS = {"budget": r"计划投资额?", "executed": r"实际使用(?:资金|情况)?"}
_FORM_UNIT_NOTE = regex.compile(r"单位\s*[::]\s*(?P<unit>万元|元)(?![/每])|资金情况\s*[((]\s*(?P<unit>万元|元)\s*[))]")
_FORM_UNIT_REACH = 1500
_TABLE_NUMBER = regex.compile(r"(?:附表|表)\s*\d{1,2}")


_FORM_CELLS = {role: regex.compile(_FORM_CELL.format(key=key)) for role, key in _FORM_KEYS.items()}
_UNITLESS_FORM_CELLS = {role: regex.compile(_UNITLESS_FORM_CELL.format(key=key)) for role, key in _UNITLESS_KEYS.items()}


def _form_cells(text: str, role: str) -> list[Candidate]:
    out = []
    for m in _FORM_CELLS[role].finditer(text):
        num = parse_amount(m["figure"] + m["unit"])
        if num is not None:
            label = text[m.start():m.start("figure")].strip(" |::")
            out.append(Candidate(num.value, num.half_unit, m.start(), m.end(), label))
    for m in _UNITLESS_FORM_CELLS[role].finditer(text):
        notes = list(_FORM_UNIT_NOTE.finditer(text, max(0, m.start() - _FORM_UNIT_REACH), m.start()))
        # (the note of another table, a caption on its line or after it: '附表1 … 单位:元 … 计划投资额 40')
        if notes and _TABLE_NUMBER.search(text, text.rfind("\n", 0, notes[-1].start()) + 1, m.start()):
            notes = []
        num = parse_amount(m["figure"] + notes[-1]["unit"]) if notes else None
        if num is not None:
            label = text[m.start():m.start("figure")].strip(" |::\n")
            out.append(Candidate(num.value, num.half_unit, m.start(), m.end(), label))
    return out


def _in_order(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates in text order, each statement once: two patterns may read the same figure, from the
    same words or with a shorter label ('下达我局…经费75.96万元' and '经费75.96万元'); the longer label is kept."""
    seen, out = set(), []
    for c in sorted(candidates, key=lambda c: c.start):
        if c.end not in seen:
            seen.add(c.end)
            out.append(c)
    return out


# A label that names where money comes from, not what it totals or is spent on.
_SOURCE_LABEL = regex.compile(r"(?:资金|拨款|补助|补贴|基金|债券|自筹|配套)(?:[((][^()()]{0,10}[))])?$")
_TOTAL_WORD = regex.compile(r"总额|合计|总计|小计|支出|收入")

# '收入合计', '支出总额': a department's totals end with the word.
# ('项目支出决算为': the final accounts of the spending, a breakdown of what was spent)
_DEPARTMENT_TOTAL = regex.compile(r"(?:收入|支出)(?:合计|总额|总计)?$|支出决算(?:数|总额)?为?$")


# A report on several projects says so ('共有5个项目'), then gives each its item ('1、烈士纪念设施维修项目:预算35.3万元,
# …实际支付35.3万元'): each item's figures are that project's, none the report's budget.
# ('实施项目27个': the count after the word)
_COUNT = r"(?:[2-9]|[1-9]\d|[两三四五六七八九十]{1,2})\s*个"
_SEVERAL_PROJECTS = regex.compile(rf"(?:共有|共|涉及|包括|实施)\s*(?:{_COUNT}(?:项目|专项)|(?:项目|专项){_COUNT})")
# ('(3)提前下达2019年中央补助地方文化服务体系建设专项资金175.78万元。': an item numbered in brackets, its funds and amount)
_PROJECT_ITEM = regex.compile(r"(?:^|(?<=[。;;\s::]))(?:\d{1,2}\s*[、.]\s*[^,,。;;::\n]{2,40}?(?:项目|工程|专项)\s*[::]"
                              r"|[((]\d{1,2}[))]\s*[^,,。;;::\n]{2,60}?(?:资金|经费|项目)(?=\s*\d))", regex.M)


# A numbered item that opens with a project's name and goes on with its money ('(1)武安镇…配套工程项目资金拨付率100%。
# 该项目…已拨付资金100.6万元'): two of them at least make a list of the report's projects, announced or not.
_NAMED_PROJECT_ITEM = regex.compile(r"(?:^|(?<=[。;;\s::]))[((]\d{1,2}[))]\s*[^,,。;;::\n()()]{4,60}?(?:项目|工程)"
                                    r"(?=资金|经费)", regex.M)


def _project_items(text: str) -> list[tuple[int, int]]:
    """[start, end) of each project's item in a report that announces several projects, or lists two or more
    by name in numbered items; none otherwise."""
    if _SEVERAL_PROJECTS.search(text, 0, 3000):
        starts = [m.start() for m in _PROJECT_ITEM.finditer(text)]
    else:
        starts = [m.start() for m in _NAMED_PROJECT_ITEM.finditer(text)]
    if len(starts) < 2:
        return []
    ends = starts[1:] + [min(len(text), starts[-1] + max(b - a for a, b in zip(starts, starts[1:])))]
    return list(zip(starts, ends))


# a figure the text words as the sum of those before it ('…合计批复总投资6222.4万元')
_SUM_WORD = regex.compile(r"合计|共计|总计")


def _summed_before_a_total(text: str, pool: list[Candidate]) -> set[int]:
    """The budget figures a 合计 figure of their sentence sums: '一批项目…总投资3374.3万元(其中…),二批项目…2069.51万元
    (…),三批项目…778.59万元(…),合计批复总投资6222.4万元'. The amounts right before the total in its sentence, outside
    brackets, are added back from it; where two or more reach it, those in the pool are its parts (a batch, a
    stage or a works' share of the whole, none the budget)."""
    # (the word may stand before what the pattern read: '合计批复总投资6222.4万元' read from 总投资)
    totals = [c for c in pool if _SUM_WORD.search(text, max(0, c.start - 8), c.end - 1)]
    if not totals:
        return set()
    amounts = find_amounts(text)
    out: set[int] = set()
    for total in totals:
        t = next((a for a in amounts if a.start <= total.end <= a.end or a.end == total.end), None)
        if t is None:
            continue
        before = [a for a in amounts if a.sentence == t.sentence and a.end <= t.start and not _in_brackets(text, a)]
        run, slack = 0.0, total.half_unit
        for k in range(len(before) - 1, -1, -1):
            run, slack = run + before[k].value, slack + before[k].half_unit
            if abs(run - total.value) <= slack and len(before) - k >= 2:
                ends = {a.end for a in before[k:]}
                out |= {c.end for c in pool if c.end in ends}
                break
            if run > total.value + slack:
                break
    return out


def _in_brackets(text: str, a) -> bool:
    """`a` sits inside a bracket opened after the sentence's start and not closed before it (a part's own breakdown)."""
    start = max(text.rfind(m, 0, a.start) for m in ("。", "\n")) + 1
    head = text[start:a.start]
    return head.count("(") > head.count(")")


def _without_parts_of_stated_totals(splits: list[Split], pool: list[Candidate], text: str = "") -> list[Candidate]:
    """A budget figure that is one part of a breakdown whose stated total adds up from its parts (one of three
    allocation documents, '…合计671037万元') is that part, not the budget, where the total is a candidate too."""
    ends = {c.end for c in pool}
    parts = {p.end for split in splits if split.total is not None and split.total.end in ends and split.adds_up()
             for p in split.parts}
    # the same where the total is worded as no budget pattern reads ('…财政资金用于…共计128.79亿元,其中,中央财政专项
    # 资金49.24亿元,…省级财政安排补助资金14.05亿元'): its breakdown's total stands for it (_breakdown_totals)
    parts |= {p.end for split in splits if len(split.parts) >= 2 and _stands_as_budget(split)
              for p in split.parts if p.end in ends}
    # figures stated one after another, each as a budget, then their sum: '下达…预算463142万元;…163455万元;…
    # 44440万元;…合计671037万元' (no cue word ties them: their sum does)
    ordered = sorted({c.end: c for c in sorted(pool, key=lambda c: -c.start)}.values(), key=lambda c: c.end)  # one per figure
    for k, total in enumerate(ordered):
        run_sum = ordered[k - 1].value if k else 0.0
        slack = total.half_unit + (ordered[k - 1].half_unit if k else 0.0)
        for first in range(k - 2, -1, -1):  # two parts at least, summed back from the total
            run_sum, slack = run_sum + ordered[first].value, slack + ordered[first].half_unit
            if abs(run_sum - total.value) <= slack:
                parts |= {c.end for c in ordered[first:k]}
                break
    parts |= _summed_before_a_total(text, pool) if text else set()
    # one source restated elsewhere: '县本级预算安排的衔接资金为76万元' before '安排衔接资金2110万元, 其中中央资金1413万元、
    # 省级资金621万元、县级资金76万元' (DOMAIN.md §2.3: a source's share is not the budget)
    shares = [(p, split.total) for split in splits if split.family == "source" and split.total is not None
              and split.total.end in ends and len(split.parts) >= 2 and split.adds_up() for p in split.parts]
    for c in pool:
        if any(abs(c.value - p.value) <= c.half_unit + p.half_unit and p.value < total.value - total.half_unit
               and c.year in (None, total.year) for p, total in shares):
            parts.add(c.end)
    return [c for c in pool if c.end not in parts] if parts else pool


# a bare final-accounts figure ('决算数为885.63万元') is of what its sentence speaks of before it: income or spending
_BARE_FINAL = regex.compile(r"^(?:的|其)?决算数")


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(m, 0, at) for m in "。,,;;\n") + 1


def _is_a_part_clause(text: str, at: int) -> bool:
    """The figure's clause names a part ('上年结转资金20万元…', '剩余尾款资金…'), or the clause before it is 其中 alone
    ('项目总资金100万元,其中,中央资金60万元已全部支出完毕')."""
    start = _clause_start(text, at)
    if _PART_OPENING.search(text, start, at):
        return True
    before = text[_clause_start(text, max(0, start - 1)):max(0, start - 1)]
    return bool(regex.fullmatch(r"\s*其中\s*[::]?\s*", before))


def _income_final_accounts(text: str, c: Candidate) -> bool:
    """'单位年初预算收入785.59万元,决算数为885.63万元': the final accounts of the income, not the spending."""
    if not _BARE_FINAL.match(c.label):
        return False
    # the clause right before it, whose figure the final accounts answer ('预算收入785.59万元,' but not '资金来源于
    # 政府性基金收入,年初预算200万元,')
    end = _clause_start(text, c.start) - 1
    before = text[_clause_start(text, end):end]
    return "收入" in before and "支出" not in before


def _without_a_components_spending(text: str, facts: BudgetFacts) -> None:
    """A rate stated with the spending of one part of the funds and that part's own amount ('(3)计提工作经费20.00万元,
    实际支出17.05万元,资金支出率85%'): 17.05 / 20.00 is the 85 %, so both figures are the part's, and neither the
    report's spending nor its rate — where they do not fit a budget of the report's as well."""
    amounts = find_amounts(text)
    sentence_of = {a.end: a.sentence for a in amounts}
    budgets = {b.end for b in facts.budget}
    received = {c.end for c in facts.received}
    top = max((b.value for b in facts.budget), default=0.0)
    for r in list(facts.rate):
        dec = _decimals(r)
        for e in facts.executed:
            sentence = sentence_of.get(e.end)
            if sentence is None or e.start > r.start or _SENTENCE_END_MARK.search(text, e.end, r.start):
                continue
            if any(b.value > 0 and rate_matches(e.value / b.value * 100, r.value, dec) for b in facts.budget):
                continue
            # the part's amount is less than a budget of the report's, and no amount received ('到位资金100万元,实际
            # 支出85万元,资金支出率85%' is the report's own arithmetic)
            own = [a for a in amounts if a.sentence == sentence and a.end <= e.start and a.end not in budgets
                   and a.end not in received and a.value > 0 and a.value < top
                   and rate_matches(e.value / a.value * 100, r.value, dec)]
            if own:
                facts.rate.remove(r)
                facts.executed.remove(e)
                break


_SENTENCE_END_MARK = regex.compile(r"[。;;\n]")


def _stands_as_budget(split: Split) -> bool:
    """A breakdown whose total is a budget candidate (_breakdown_totals): a project's items, places or sources
    (the whole of its funds: '资金共计128.79亿元, 其中中央…、省级…'), or the stages of its budget (年初预算 + 追加: the
    whole year's), its parts adding up to it, not a department's income or expense (by the total's label)."""
    t = split.total
    return (t is not None and split.family in ("item", "place", "stage", "source") and not _DEPARTMENT_TOTAL.search(t.label)
            and bool(split.adds_up()))


def _sum_totals_before_their_parts(sum_totals: list[SumTotal], pool: list[Candidate]) -> list[Candidate]:
    """A list tied to its total by arithmetic alone ('…合计13,804万元' after two allocations of 11,193 and 2,611万元)
    whose parts are budget candidates: its total goes just before the first of them (added where no pattern read it),
    the parts kept. Without a stated rate the total is the budget; a rate that one part gives still picks that part
    (choose tries every candidate against it). A total already before its parts stays where it is."""
    for st in sum_totals:
        total, ends = st.total, st.part_ends
        first = next((k for k, c in enumerate(pool) if c.end in ends), None)
        if first is None:
            continue
        at = next((k for k, c in enumerate(pool) if c.end == total.end), None)
        if at is not None and at < first:
            continue
        if at is not None:
            total = pool.pop(at)
        pool = pool[:first] + [total] + pool[first:]
    return pool


def _breakdown_totals(splits: list[Split]) -> list[Candidate]:
    """The totals of the project's breakdowns ('…, 共计1,796万元', '合计2,702.6万元'): budget candidates
    after every worded one — `choose` takes one only where the stated rate divides by it or no other
    budget is stated. Income and expense totals (收入 / 支出) are a department's, not a project's."""
    out = []
    # a subtotal inside a larger breakdown ('…支出决算为150万元,其中:…基础设施建设18.6万元(其中:…)'): one part of it
    part_spans = {(p.start, p.end) for split in splits for p in split.parts}
    for split in splits:
        t = split.total
        if not _stands_as_budget(split) or (t.start, t.end) in part_spans:
            continue
        out.append(Candidate(t.value, t.half_unit, t.clause_start, t.end, t.label or "合计", "split",
                             year=t.year, cumulative=t.cumulative))
    return out


# --- the funds block of self-assessment forms ----------------------------------------------------

# A text that stops inside a figure: its last digits run out after a decimal point ('年度资金总额4678.504468.').
CUT_INSIDE_FIGURE = regex.compile(r"\d\.\s*$")


def _cut_inside_figures(text: str, table) -> bool:
    """The document stops inside the block's figures: whatever cut of the last run is read, it is a guess."""
    if not CUT_INSIDE_FIGURE.search(text):
        return False
    ends = [v.end for row in table.rows for v in row.values.values() if v is not None]
    return bool(ends) and not text[max(ends):].strip(" .\n|")


# A cell that prints its own unit ('4753.66万元', '47536600元') is in that unit whatever the header declares: the
# header's unit is inherited by the cells that print none (DOMAIN.md §4.1).
_CELL_UNIT = regex.compile(r"[ \t]*(" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")")


def _cell_factor(text: str, v: Value, header_factor: float) -> float:
    m = _CELL_UNIT.match(text, v.end)
    return float(UNITS[m[1]]) if m else header_factor


def _read_funds(ctx: Context, facts: BudgetFacts) -> bool:
    """The funds block read by the table interpreter (pipeline/tables): one reading for every layout."""
    table = read_funds(ctx.text, ctx.table_cells)
    if table is None or _cut_inside_figures(ctx.text, table):
        return False
    factor = table.header.unit_factor
    facts.funds_report = table.report
    budget_role = table.budget_role()
    for row in table.rows:
        src = FundingSource(name=row.label, is_total=row.kind != "part", group=row.group)
        for col, role in (("initial", "initial"), ("budget", "budget"), ("budget", budget_role), ("executed", "executed")):
            v = figure(row.values, role or "")
            if v is not None:
                setattr(src, f"{col}_yuan", round(v * _cell_factor(ctx.text, row.values[role], factor), 4))
        src.rate = figure(row.values, "rate")
        facts.funding_sources.append(src)
        facts.funding_spans.append((row.start, row.end))
    total = table.figures_row()
    figures = total.values

    def first(pool: list[Candidate], role: str | None, label: str) -> None:
        v = figures.get(role or "")
        # amounts of a block that states no unit, nor the form above it, are of no known scale: never a figure
        # of the record (its rate and points are read all the same)
        if v is not None and v.value is not None and table.header.unit_stated:
            scale = _cell_factor(ctx.text, v, factor)
            pool.insert(0, Candidate(v.value * scale, (v.half_unit or 0.5) * scale, v.start, v.end, label, "table"))

    # The budget the rate divides by comes first; 全年预算数 (A) after it when the form nets it (C = A − B).
    first(facts.budget, "budget", "budget")
    if budget_role != "budget":
        first(facts.budget, budget_role, "budget")
    for role, pool in (("executed", facts.executed), ("initial", facts.initial), ("received", facts.received)):
        first(pool, role, role)
    if total is table.total:  # a broken total row's rate is not the part's
        rate = figures.get("rate")
        if rate is not None and rate.value is not None:
            facts.rate.insert(0, Candidate(rate.value, rate.half_unit or 0.5, rate.start, rate.end, "rate", "table"))
    weight = execution_weight(table)
    if weight is not None and ("score" in total.values or "weight" in total.values):
        w = total.values.get("weight")
        w_span = (w.start, w.end) if w else _points_span(ctx.text, table)
        s = total.values.get("score")
        facts.execution_row = {"weight": (weight, 0.5, *w_span),
                               "score": (s.value, s.half_unit, s.start, s.end) if s and s.value is not None else None}
        # the row as the form prints it ('年度资金总额'), where its label stands in the text
        label = _clean_total_label(table.total.label) if table.total else ""
        if label and ctx.text.startswith(label, table.total.start):
            facts.execution_row["label"] = (label, table.total.start, table.total.start + len(label))
    filled = [r for r in table.rows if r.kind == "part" and r.group in (None, "source")
              and any(figure(r.values, c) for c in ("budget", "executed", "initial", budget_role or ""))]
    if len(filled) == 1:
        facts.funding_source = Found(filled[0].label, filled[0].start, filled[0].start + len(filled[0].label))
    elif not filled and total is table.total and _SOURCE_LABEL.search(total.label) and not _TOTAL_WORD.search(total.label):
        # the block's only row names where its money comes from ('市级财政资金 | 642.5 | 548.66')
        facts.funding_source = Found(total.label, total.start, total.start + len(total.label))
    return True


# a funds block's total row names the year's money ('年度资金总额', '资金总额', '总额'); the label a scrape gives a
# merged cell ('年度资金总额(万元)') keeps its words, not its unit
_TOTAL_ROW_LABEL = regex.compile(r"(?:年度)?(?:项目)?(?:资金)?(?:总额|合计|总计)")


def _clean_total_label(label: str) -> str:
    m = _TOTAL_ROW_LABEL.match(label.strip())
    return m[0] if m and len(m[0]) >= 2 else ""


def _read_form_sources(text: str, facts: BudgetFacts) -> None:
    """The older form's source lines, one figure per column (form_sources.py): its rows, where the funds reader
    read fewer of the block (its one total row, the sources unread), and the one source that holds money where only
    one does."""
    found = read_form_sources(text)
    if found is None or len(found.rows) <= len(facts.funding_sources):
        return
    facts.funding_sources = list(found.rows)
    facts.funding_spans = list(found.spans)
    filled = [(row, span) for row, span in zip(found.rows, found.spans)
              if not row.is_total and any((row.budget_yuan, row.received_yuan, row.executed_yuan))]
    if len(filled) == 1 and facts.funding_source is None:
        row, span = filled[0]
        facts.funding_source = Found(row.name, span[0], span[0] + len(row.name))


def _points_span(text: str, table) -> tuple[int, int]:
    """Where the block says what the execution row is worth ('(20分)')."""
    h = table.header
    m = regex.search(r"\d+(?:\.\d+)?\s*分", text[max(0, h.start - 40):h.end])
    if m:
        base = max(0, h.start - 40)
        return base + m.start(), base + m.end()
    return h.start, h.end


def whole_period_first(pool: list[Candidate]) -> list[Candidate]:
    """A multi-year report states each year's figure and the period's: where the text's figures are tied
    to two or more different years, the cumulative (or untied) figures come first — one year's spending
    is not the project's executed amount."""
    years = {c.year for c in pool if c.year is not None and c.origin == "text"}
    if len(years) < 2:
        return pool
    def rank(c: Candidate) -> int:  # the form's own figures, then period totals, untied, one year's
        return 0 if c.origin == "table" else 1 if c.cumulative else 2 if c.year is None else 3
    return sorted(pool, key=rank)


def report_year_first(pool: list[Candidate], year: int | None) -> list[Candidate]:
    """The budget is the evaluated year's: where the prose ties figures to that year, a figure it ties to
    another year ('2023年度县本级预算安排…64万元' in a 2024 report) comes after them."""
    if year is None or not any(c.year == year for c in pool):
        return pool
    return sorted(pool, key=lambda c: c.year is not None and c.year != year)


_YEAR_BUDGET_WORD = regex.compile(r"(?:全年|调整后|本年度?)预算(?:数|总额|金额|资金)|年度预算(?:数|总额|金额)"
                                   r"|(?:全年|调整后)(?:实际)?(?:下达|安排)")


def adjusted_first(pool: list[Candidate]) -> list[Candidate]:
    """The budget is the adjusted one (全年预算 / 调整后预算, DOMAIN.md §2.3): a figure the prose calls 年初
    (the initial budget) comes after the others."""
    # a breakdown's total comes after every worded figure, the initial one too (_breakdown_totals), and so do
    # the round sum an evaluation says it involves ('涉及资金6.5亿元' before '项目预算总额73,387.27万元') and a
    # works' planned investment ('总投资约988万' before '2023年共下达专项债资金600万元': what was allotted)
    # The year's budget named as such in the prose ('…全年预算数1437530.39万元') comes before an allotment worded by
    # its verb ('下达…转移支付资金900304万元': often one source of it, the central transfer).
    return sorted(pool, key=lambda c: (c.origin == "split" or c.label.startswith("涉及") or is_investment(c.label),
                                       c.origin == "text" and _YEAR_BUDGET_WORD.search(c.label) is None,
                                       c.origin == "text" and c.label.startswith("年初")))


class Chosen(NamedTuple):
    """The figures the record takes: a budget, executed amount and rate that agree where a rate is stated, and the
    funds received the rate divides by where it is of what arrived rather than of the budget."""

    budget: Candidate | None
    executed: Candidate | None
    rate: Candidate | None
    received: Candidate | None = None
    # which rule picked the budget and executed amount, for their provenance: 'stated_rate' (the pair the stated
    # rate confirms), 'title_fund_and_rate' (named_fund_budget), 'initial_plus_added' (initial_plus_added),
    # 'role_order' (no rate confirmed a pair: the first
    # figure of the budget's role words, in adjusted_first's order), 'rate_points_at_budget' (budget_at_the_stated_rate)
    picked_by: str = "role_order"
    # executed figures passed over because the report states no rate and they exceed the budget by more than a
    # year's overspending can (MOST_OVER_BUDGET): the record says they were not taken, and why
    set_aside: tuple[Candidate, ...] = ()


# the label of funds secured (BUDGET_PATTERNS' 落实 wording)
_SECURED = regex.compile(_SECURED_WORDS)


# a year's spending stays near its budget: the most any hand-checked report states is 122 % of it. A figure over half
# again the budget, in a report that states no rate to test the two by, is of another scope (a multi-year or
# whole-project total, an earlier financing) and not the year's executed amount
MOST_OVER_BUDGET = 1.5


def choose(facts: BudgetFacts, year: int | None = None) -> Chosen:
    """The (budget, executed, rate) triple: one that agrees with the stated rate when there is one. `year`
    is the evaluated year of a report over one year."""
    budgets = _without_lost_units(_sum_totals_before_their_parts(
        facts.sum_totals, adjusted_first(report_year_first(whole_period_first(facts.budget), year))))
    executed = report_year_first(whole_period_first(facts.executed), year)
    # every stated rate is tried: a target worded like a rate ('发放率100%') must not hide the execution rate
    for rate in facts.rate:
        dec = _decimals(rate)
        for e in executed:
            for b in budgets + facts.received:
                if b.start < e.end and e.start < b.end:
                    continue  # one statement read as both ('已拨付…资金1002.27万元'): a figure over itself proves no rate
                if b.value > 0 and rate_matches(e.value / b.value * 100, rate.value, dec):
                    if b in budgets:
                        return Chosen(b, e, rate, picked_by="stated_rate")
                    # of the funds received ('专项资金到位8,525.06万元…资金执行率为70.33%'): the budget stated as much, else the first
                    # (no budget stated at all: the funds received are what the rate divides by, SPEC's budget)
                    budget = next((x for x in budgets if abs(x.value - b.value) <= max(x.half_unit, b.half_unit)),
                                  budgets[0] if budgets else b)
                    return Chosen(budget, e, rate, b, picked_by="stated_rate")
    # no rate fits: the one named 执行率 (or the form's own) before its synonyms
    rate = next((r for r in facts.rate if r.origin == "table" or "执行" in r.label), facts.rate[0] if facts.rate else None)
    # (funds secured, '已落实…资金1.5亿元', are the budget only where a stated rate pairs them with the spending, above)
    budgets = [b for b in budgets if not _SECURED.search(b.label)]
    # a budget of 0 says some level allotted nothing ('县本级…安排的衔接资金为0万元'): another stated budget comes first
    budget = next((b for b in budgets if b.value > 0), budgets[0] if budgets else None)
    # (where a rate is stated, the pair is tested by it, and a figure that contradicts it is the check's to show)
    ceiling = budget.value * MOST_OVER_BUDGET if budget is not None and budget.value > 0 and rate is None else None
    spent = executed[0] if executed else None
    over: tuple[Candidate, ...] = ()
    if spent is not None and ceiling is not None and spent.value > ceiling:
        # the figures after it are no surer (often a part's spending, '…县基础养老金实际支出239.53万元'): unread
        over, spent = (spent,), None
    if budget is not None and budget.value == 0 and spent is not None and spent.value > 0 and rate is not None \
            and rate.value > 0:
        # a budget of 0 under money spent at a stated rate contradicts the report's own arithmetic: the reading
        # of that cell is wrong (a scrambled layer moved the initial budget's 0 there), and the budget unknown
        budget = None
    return Chosen(budget, spent, rate, set_aside=over)



# the year's additions to a budget, in the clause after it ('…年底追加预算资金1000万元'), and the words that say a
# figure is the budget at the year's start
_ADDED = regex.compile(rf"[,,;;]\s*(?:(?:年中|年底|年末|年内|后期|当年|\d{{1,2}}月)[^,,。;;\d]{{0,6}}?)?"
                       rf"(?P<verb>追加|调增|调减|追减|核减)(?:预算)?(?:资金|经费)?{_FILL}{AMOUNT}")
_AT_YEAR_START = regex.compile(r"年初")
_YEAR_BUDGET_WORDS = regex.compile(r"全年|调整后|调整预算|合计|共计|总计")


# a figure's clause says it was spent or used: the role words of the executed amount (DOMAIN.md §4.1); paying out and
# completing only in the perfect ('已拨付', '实际完成'), a plan's words otherwise
_SPENDING_WORD = regex.compile(r"支出|使用|执行|支付|发放|兑付|报账|(?:已经?|实际|累计)(?:拨付|完成)")
# … and what makes the figure something else: a target or plan, money received or allotted
_NOT_SPENT = regex.compile(r"目标|计划|指标|达到|预计|预期|拟|到位|收到|下达|安排")


def without_totals_of_the_titled_part(facts: BudgetFacts, title: str | None) -> None:
    """A list tied to its total by arithmetic alone, one of whose parts the title names ('…文化惠民工程项目…报告' over
    '全县投入856万元。下达文化惠民工程资金520万元, 下达乡镇综合文化站建设资金336万元'): the report is on that part, and the
    total of it and its siblings is no budget of it."""
    if not title:
        return
    facts.sum_totals = [t for t in facts.sum_totals if not any(_names_the_titled_funds(p, title, _NAMED_PART_CHARS)
                                                               for p in t.part_names)]


# how long a name must be to say it is the title's funds: a fund's full name, or a part's core without its money word
_NAMED_FUND_CHARS = 6
_NAMED_PART_CHARS = 4
# what leads a figure's label and is no part of the funds' name: a list word, the year, the verb that allots them
_LABEL_LEAD = regex.compile(r"^(?:其中|包括|含)?[::]?(?:(?:19|20)\d{2}年度?)?")
# the money word a part's label ends in, which the title may word otherwise ('文化惠民工程资金' under '文化惠民工程项目')
_MONEY_WORDS_AT_END = regex.compile(r"(?:资金|经费|补助|专项)+$")


def _names_the_titled_funds(label: str, title: str, min_chars: int) -> bool:
    """The label names the funds the title names: its name, without its lead and allotting verb (and, for a part's
    core, its money word), stands in the title."""
    name = ALLOTTING_LEAD.sub("", _LABEL_LEAD.sub("", label))
    if min_chars < _NAMED_FUND_CHARS:
        name = _MONEY_WORDS_AT_END.sub("", name)
    return len(name) >= min_chars and name in title


def spent_at_the_stated_rate(text: str, chosen: Chosen, year: int | None = None) -> Candidate | None:
    """No executed amount was read, but a budget and a rate were: the one figure of the text that the rate makes of
    the budget (executed / budget = rate, in the rate's printed rounding), where the words of its own clause say it
    was spent or used ('…奖励补助资金1.5147万元。使用1.2458万元,预算执行率为82.25%'). A figure of the budget's own
    sentence only after the budget, in a clause of its own ('全年预算安排60万元,预算支出60万元,预算执行率为100%'), and
    at 100 % only such a figure: a part or planned use there ('预算200万元, 其中用于管网改造150万元') says nothing
    spent. Exactly one such figure, or none is taken; the report's own arithmetic names it, no pattern of its wording."""
    budget, executed, rate = chosen.budget, chosen.executed, chosen.rate
    if executed is not None or budget is None or rate is None or not 0 < rate.value <= 100 or budget.value <= 0:
        return None
    found = _spent_at_the_rate(text, budget, rate, year)
    if len(found) != 1:
        return None
    a = next(iter(found.values()))
    return Candidate(a.value, a.half_unit, a.start, a.end, a.label, "text", a.year, a.cumulative)


# a figure's clause says it is the money the project has: its budget's role words, and the words of money allotted
_BUDGET_WORD = regex.compile(r"预算|资金(?:总额|金额)?|经费|金额|总额|安排|下达|批复")
# ... and the figures that are no year's budget though a rate divides by them: a contract, a whole works' estimate
_PART_OR_SPENT = regex.compile(r"其中|包括|含|用于|支出|使用|执行|支付|拨付|结余|结转|到位|合同|概算|总投资|中标|计划投资")
# the rate that divides the spending by the budget, and no other ratio ('支付率' of a contract, '投资完成率' of an estimate)
_BUDGET_RATE_LABEL = regex.compile(r"执行率|支出率")


def budget_at_the_stated_rate(text: str, chosen: Chosen, year: int | None = None) -> Candidate | None:
    """No budget was read, but an executed amount and a rate were: the one figure before the executed amount, in its
    sentence or the one before, that the rate divides it by (executed / figure = rate, in the rate's printed
    rounding), where its clause names money the project has ('专项资金金额为300.00万元,项目实际支出298.70万元,
    预算执行率为99.57%') and no part of it nor money spent. At 100 % nothing is taken: any printing of the same figure
    fits."""
    budget, executed, rate = chosen.budget, chosen.executed, chosen.rate
    if budget is not None or executed is None or rate is None or not 0 < rate.value < 100 or executed.value <= 0 \
            or (rate.origin == "text" and not _BUDGET_RATE_LABEL.search(rate.label)):
        return None
    amounts = find_amounts(text)
    spent_sentence = next((a.sentence for a in amounts if a.start < executed.end and executed.start < a.end), None)
    if spent_sentence is None:
        return None
    dec = _decimals(rate)
    found = {}
    for a in amounts:
        if a.end > executed.start or a.sentence not in (spent_sentence, spent_sentence - 1) or a.per_unit \
                or a.restates is not None or a.value <= executed.value or (year is not None and a.year not in (None, year)):
            continue
        clause = text[max(a.clause_start, text.rfind("。", 0, a.start) + 1):a.start]
        if rate_matches(executed.value / a.value * 100, rate.value, dec) and _BUDGET_WORD.search(clause) \
                and not _PART_OR_SPENT.search(clause):
            found.setdefault(a.value, a)
    if len(found) != 1:
        return None
    a = next(iter(found.values()))
    return Candidate(a.value, a.half_unit, a.start, a.end, a.label, "text", a.year, a.cumulative)


def _spent_at_the_rate(text: str, budget: Candidate, rate: Candidate, year: int | None) -> dict[float, Amount]:
    """The text's figures, by value, that the rate makes of the budget and whose own clause says they were spent
    (_SPENDING_WORD, none of _NOT_SPENT)."""
    dec = _decimals(rate)
    found: dict[float, Amount] = {}
    amounts = find_amounts(text)
    budget_sentence = next((a.sentence for a in amounts if a.start < budget.end and budget.start < a.end), None)
    for a in amounts:
        if a.per_unit or a.restates is not None or a.value > budget.value or (year is not None and a.year not in (None, year)):
            continue
        # (of the budget's own sentence, or equal to it: only a later printing, in a clause of its own)
        if (a.sentence == budget_sentence or a.value == budget.value) and \
                (a.start < budget.end or a.clause_start < budget.end):
            continue
        if not rate_matches(a.value / budget.value * 100, rate.value, dec):
            continue
        clause = text[max(a.clause_start, text.rfind("。", 0, a.start) + 1):a.start]
        if _SPENDING_WORD.search(clause) and not _NOT_SPENT.search(clause):
            found.setdefault(a.value, a)
    return found


def initial_plus_added(text: str, chosen: Chosen, pool: list[Candidate]) -> Candidate | None:
    """The year's budget where the text gives only its parts: the budget at the year's start and what the year added
    to it in the next clause ('年初申请预算资金2000万元,年底追加预算资金1000万元': 3000万, SPEC: not the 年初 figure).
    Only where no stated rate picked the budget and no figure is worded as the year's whole budget."""
    b = chosen.budget
    if b is None or chosen.picked_by != "role_order" or any(_YEAR_BUDGET_WORDS.search(c.label) for c in pool):
        return None
    clause = text[max(0, text.rfind("。", 0, b.start) + 1):b.end]  # (its label may say it: '年初预算资金500万元')
    if not _AT_YEAR_START.search(clause):
        return None
    value, half, end = b.value, b.half_unit, b.end
    while (m := _ADDED.match(text, end)) is not None:  # '…年中追加100万元,年底调减50万元': each change in turn
        change = parse_amount(m["amt"])
        if change is None or change.value <= 0:
            return None
        value += -change.value if m["verb"] in ("调减", "追减", "核减") else change.value
        half, end = half + change.half_unit, m.end()
    if end == b.end or value <= 0:
        return None
    return Candidate(value, half, b.start, end, b.label, b.origin, b.year)


# the words before a fund's own name in its label ('其中中央财政水污染防治专项资金': 其中 and the level's treasury)
def named_fund_budget(text: str, title: str | None, chosen: Chosen) -> Candidate | None:
    """The evaluated funds as the title names them, where no budget was found (or only a works' investment the
    rate does not confirm) and the stated rate confirms it.

    A report on a fund ('…中央财政水污染防治专项资金转移支付绩效自评报告') may state that fund's amount only as one
    part of a works' whole ('项目总投资1807万元,其中中央财政水污染防治专项资金850万元'): the figure whose label is the
    title's fund is the budget when the executed amount over it gives the stated rate in its rounding (DOMAIN.md
    §3: the report's own arithmetic as the tie-breaker); without that it stays a part."""
    unconfirmed_investment = chosen.budget is not None and chosen.picked_by == "role_order" \
        and is_investment(chosen.budget.label)
    if (chosen.budget is not None and not unconfirmed_investment) or chosen.executed is None or chosen.rate is None \
            or not title:
        return None
    executed, rate = chosen.executed, chosen.rate
    for a in find_amounts(text):
        if not _names_the_titled_funds(a.label, title, _NAMED_FUND_CHARS) or a.value <= 0 or a.per_unit:
            continue
        if a.start < executed.end and executed.start < a.end:
            continue
        if rate_matches(executed.value / a.value * 100, rate.value, _decimals(rate)):
            return Candidate(a.value, a.half_unit, a.start, a.end, a.label)
    return None


def title_fund_budget(text: str, title: str | None, chosen: Chosen, year: int | None = None) -> Candidate | None:
    """No budget read at all: the first figure whose label is the fund or project the title names ('…电视专题节目制作经费
    项目绩效自评报告' over '2017年电视专题节目制作经费项目50万元'), where the label says nothing of spending, receiving or
    a part (DOMAIN.md §2.1: the report is on the funds its title names). A year before the name is the funds' year."""
    if chosen.budget is not None or not title:
        return None
    for a in find_amounts(text):
        if not _names_the_titled_funds(a.label, title, _NAMED_FUND_CHARS) or a.per_unit or a.cumulative \
                or a.restates is not None or (year is not None and a.year not in (None, year)):
            continue  # (another year's funds of the same name are not this year's budget)
        if _SPENDING_WORD.search(a.label) or _NOT_SPENT.search(a.label) or _PART_WORD.search(a.label):
            continue
        return Candidate(a.value, a.half_unit, a.start, a.end, a.label)
    return None


_PART_WORD = regex.compile(r"其中|包括|含|部分")


# how much bigger a copy of a figure in 万元 is than the same digits in 元
_TEN_THOUSAND = 10_000


def _without_lost_units(budgets: list[Candidate]) -> list[Candidate]:
    """A budget in 元 whose digits another stated budget gives in 万元 ('全年预算数2089元' beside '预算资金合计2089万元',
    DOMAIN.md §3 repeated_figures_agree): the report dropped its 万 in one copy, so that copy is no choice."""
    kept = [b for b in budgets
            if not any(x is not b and abs(x.value - b.value * _TEN_THOUSAND) <= x.half_unit for x in budgets)]
    return kept or budgets


def _decimals(c: Candidate) -> int:
    return decimals_of_half_unit(c.half_unit)



def number_of(c: Candidate) -> Number:
    return Number(c.value, c.half_unit)
