#!/usr/bin/env python3
"""A held-out set, written without sight of the extractor, to measure (not tune) how it reads
money, sub-projects, department and region in prose.

Twelve invented but realistic reports (项目支出绩效评价报告, 绩效自评报告, 部门整体支出绩效评价报告),
each stating how its budget splits into parts in a different way. The texts and the expected
records are built from the same numbers, and the arithmetic is checked with asserts here.
Do not adjust these documents to what the extractor reads: they exist to measure it.

    python scripts/make_prose_holdout.py

writes samples/prose_holdout/NAME.txt (UTF-8) and samples/prose_holdout/expected/NAME.json.
"""
from __future__ import annotations

import json
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "prose_holdout"

WAN = 10_000
YI = 100_000_000


# ---------------------------------------------------------------- number formatting helpers

def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _group(s: str) -> str:
    """Thousands separators for the integer part of a plain decimal string."""
    whole, _, frac = s.partition(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    whole = f"{int(whole):,}"
    return ("-" if neg else "") + whole + ("." + frac if frac else "")


def wan(yuan: int, comma: bool = False, places: int | None = None) -> str:
    """An amount in 元 written as a 万元 figure (no unit)."""
    d = Decimal(yuan) / WAN
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places))
        assert d * WAN == yuan, (yuan, places)
        s = format(d, "f")
    else:
        s = _plain(d)
    return _group(s) if comma else s


def yi(yuan: int) -> str:
    return _plain(Decimal(yuan) / YI)


def yuan_fmt(yuan: int) -> str:
    """1,234,567.00 style."""
    return f"{yuan:,}.00"


def rate(executed: int, budget: int, places: int = 2) -> Decimal:
    """Executed / budget in percent, rounded half up."""
    q = Decimal(1).scaleb(-places)
    return (Decimal(executed) * 100 / Decimal(budget)).quantize(q, rounding=ROUND_HALF_UP)


def num(d) -> float | int:
    d = Decimal(d)
    return int(d) if d == d.to_integral_value() else float(d)


def band(score: Decimal, bands: list[tuple[str, int]]) -> str:
    """bands: [(grade, min inclusive)] from the top down."""
    for grade, low in bands:
        if score >= low:
            return grade
    raise AssertionError(score)


NATIONAL = [("优", 90), ("良", 80), ("中", 60), ("差", 0)]


def check_text(name: str, text: str, exp: dict) -> None:
    lines = text.strip("\n").split("\n")
    nonblank = [ln for ln in lines if ln.strip()]
    assert 30 <= len(nonblank) and len(lines) <= 80, (name, len(nonblank), len(lines))
    rep = exp["report"]
    for key in ("title", "project_name", "department", "region"):
        if key in rep:
            assert rep[key] in text, (name, key, rep[key])
    assert str(rep["year"]) in text, name
    for sp in exp.get("subprojects", []):
        assert sp["name"] in text, (name, sp["name"])
    assert str(exp["scores"]["total_score"]) in text, name


DOCS: list[tuple[str, str, dict]] = []


def doc(fn):
    name, text, exp = fn()
    check_text(name, text, exp)
    DOCS.append((name, text, exp))
    return fn


def expected(about, title, project_name, department, region, year, budget, executed, rate_pct,
             subprojects, total, grade):
    rep = {"title": title}
    if project_name is not None:
        rep["project_name"] = project_name
    rep.update({"department": department, "region": region, "year": year})
    out = {"_about": about, "report": rep,
           "budget": {"budget_yuan": num(budget), "executed_yuan": num(executed),
                      "execution_rate": num(rate_pct)}}
    if subprojects is not None:
        out["subprojects"] = [{"name": n, "amount_yuan": num(a)} for n, a in subprojects]
    out["scores"] = {"total_score": num(total)}
    out["grade"] = {"stated": grade}
    return out


# ---------------------------------------------------------------- 01 甘肃 通渭 教育 2019

@doc
def d01():
    parts = [("校舍维修改造", 6_125_000), ("教学仪器设备购置", 3_982_000),
             ("学生食堂及供暖设施改造", 2_753_000)]
    budget = sum(a for _, a in parts)
    assert budget == 12_860_000
    executed = 12_415_800
    r = rate(executed, budget)
    assert r == Decimal("96.55")
    left = budget - executed
    level1 = [("决策", 15, "13.5"), ("过程", 25, "22.1"), ("产出", 30, "27.5"), ("效益", 30, "25.5")]
    total = sum(Decimal(s) for *_, s in level1)
    assert total == Decimal("88.6") and sum(w for _, w, _ in level1) == 100
    grade = band(total, NATIONAL)
    assert grade == "良"
    title = "通渭县2019年义务教育薄弱环节改善与能力提升项目绩效评价报告"
    (a1, v1), (a2, v2), (a3, v3) = parts
    l1 = ",".join(f"{n}指标{w}分,得{s}分" for n, w, s in level1)
    text = f"""{title}
一、基本情况
(一)项目概况
为改善全县义务教育学校基本办学条件,补齐农村小规模学校和寄宿制学校短板,根据《甘肃省财政厅 甘肃省教育厅关于下达2019年义务教育薄弱环节改善与能力提升补助资金的通知》(甘财教〔2019〕27号)和《定西市教育局关于做好2019年全面改薄收尾工作的通知》要求,通渭县教育局(以下简称“县教育局”)组织实施了2019年义务教育薄弱环节改善与能力提升项目。
项目覆盖全县23所农村中小学,涉及在校学生约1.9万人,其中寄宿生占比约34%。
(二)资金情况
2019年该项目预算资金{wan(budget)}万元,全部为上级转移支付资金,由县财政局按工程进度拨付至县教育局。
资金主要用于以下方面:一是{a1}{wan(v1)}万元,完成屋面防水、门窗更换和外墙保温等改造面积1.42万平方米;二是{a2}{wan(v2)}万元,为18所学校配齐理科实验室及音体美器材;三是{a3}{wan(v3)}万元,新建或改造食堂6处、锅炉房4处。
截至2019年12月31日,项目实际支出{wan(executed)}万元,预算执行率{r}%。结余{wan(left)}万元为部分设备采购尾款,已按规定结转下年使用。
(三)绩效目标
1.完成23所学校校舍维修改造,改造后校舍安全达标率100%;
2.仪器设备配备达到《甘肃省义务教育学校办学基本标准》要求;
3.学生食堂和冬季供暖条件明显改善,学生及家长满意度不低于90%。
二、绩效评价工作开展情况
县教育局成立了由分管副局长任组长的自评工作组,采取资料审核、实地查看和问卷调查相结合的方式,抽查学校12所,发放满意度问卷600份,收回有效问卷571份。
评价指标体系按决策、过程、产出、效益四个维度设置,满分100分。
三、评价结论
经综合评价,该项目得分{total}分,评价等级为“{grade}”。{l1}。
按照评分标准,总分90分(含)以上为优,80分(含)至90分为良,60分(含)至80分为中,60分以下为差。
四、主要绩效
(一)办学条件明显改善。23所学校校舍维修改造全部完成并通过验收,D级危房全部消除。
(二)教学装备水平提升。新增实验仪器1.1万台(件),理科实验开出率由76%提高到95%。
(三)学生生活条件改善。6处食堂投入使用后可同时容纳约2400名学生就餐,冬季教室平均温度达到16℃以上。
(四)满意度较高。问卷调查显示,学生及家长综合满意度为93.2%。
五、存在的问题
(一)项目前期工作不够扎实。部分学校维修项目在实施中变更设计,导致工期延后。
(二)设备采购进度偏慢。部分设备于年底才完成验收,形成结转资金。
(三)绩效目标量化不足。部分指标以“明显改善”等定性表述为主,难以衡量。
(四)后续管护机制尚不健全。个别学校新购仪器使用率不高,缺少专人管理。
六、改进建议
(一)提前做好项目储备和设计论证,减少实施中的变更。
(二)科学制定采购计划,加快设备招标和验收进度,提高资金使用效率。
(三)细化量化绩效指标,将数量、质量、时效、成本指标落实到具体学校。
(四)建立仪器设备使用登记和管护制度,发挥资金长期效益。
通渭县教育局
2020年4月15日
"""
    exp = expected("甘肃通渭 教育 2019: split as 一是/二是/三是 uses; dept named with (以下简称); 实际支出 + 预算执行率",
                   title, "2019年义务教育薄弱环节改善与能力提升项目", "通渭县教育局", "通渭县", 2019,
                   budget, executed, r, parts, total, grade)
    return "01_tongwei_jiaoyu_gaibo_2019", text, exp


# ---------------------------------------------------------------- 02 四川 仪陇 卫生 2021

@doc
def d02():
    parts = [("基层医疗卫生机构开展基本公共卫生服务补助", 35_234_800),
             ("村卫生室（乡村医生）补助", 17_617_400),
             ("健康教育及宣传资料印制", 3_122_000),
             ("项目管理及绩效考核经费", 2_750_400)]
    budget = sum(a for _, a in parts)
    assert budget == 58_724_600
    executed = 56_943_100
    r = rate(executed, budget)
    assert r == Decimal("96.97")
    total = Decimal("91.2")
    grade = band(total, NATIONAL)
    assert grade == "优"
    title = "仪陇县2021年基本公共卫生服务项目绩效评价报告"
    split = "，".join(f"{n}占{wan(a, comma=True)}万元" for n, a in parts)
    text = f"""{title}
一、项目基本情况
（一）项目背景
国家基本公共卫生服务项目是促进基本公共卫生服务逐步均等化的重要内容。根据《四川省卫生健康委员会 四川省财政厅关于做好2021年基本公共卫生服务项目工作的通知》（川卫发〔2021〕19号）和南充市卫生健康委员会的工作安排，2021年基本公共卫生服务项目由仪陇县卫生健康局负责实施，县内57个乡镇卫生院、社区卫生服务中心和村卫生室具体承担服务任务。
（二）项目内容
项目服务对象为全县常住人口约86.5万人，服务内容包括居民健康档案管理、健康教育、预防接种、0～6岁儿童健康管理、孕产妇健康管理、老年人健康管理、慢性病患者健康管理等12类。2021年人均基本公共卫生服务经费补助标准为79元。
（三）资金投入及使用情况
2021年，上级下达及县级配套安排本项目资金共计{wan(budget, comma=True)}万元。按资金用途划分，{split}。
截至2021年12月31日，县卫生健康局已拨付资金{wan(executed, comma=True)}万元，资金拨付率{r}%，未拨付部分为第四季度考核后待结算资金。
二、绩效目标
（一）总体目标
居民健康档案电子建档率保持在90%以上，高血压、2型糖尿病患者规范管理率不低于60%，适龄儿童国家免疫规划疫苗接种率保持在90%以上，居民对基本公共卫生服务的满意度逐年提高。
（二）年度目标
1.产出目标：65岁及以上老年人健康管理人数不少于9.2万人；孕产妇系统管理率不低于90%；
2.效益目标：城乡居民健康素养水平较上年提高1个百分点；
3.满意度目标：服务对象满意度不低于85%。
三、评价工作开展情况
本次评价采取县级自评与第三方复核相结合的方式，抽查乡镇卫生院14家、村卫生室42个，入户核查居民健康档案1260份，电话回访服务对象840人。
四、评价结论
经评价，仪陇县2021年基本公共卫生服务项目综合得分{total}分，评价等级为“优秀”。评价等级划分为：90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为中，60分以下为差。
五、主要成效
（一）居民电子健康档案建档率达到92.6%，较上年提高1.8个百分点；
（二）高血压患者规范管理率达到66.3%，2型糖尿病患者规范管理率达到64.1%；
（三）全县适龄儿童国家免疫规划疫苗接种率达到98.7%，未发生相关传染病暴发疫情；
（四）电话回访显示服务对象满意度为91.4%。
六、存在的问题
（一）部分村卫生室人员老化，乡村医生平均年龄超过55岁，服务能力不足；
（二）健康档案“重建轻用”，部分档案信息更新不及时，存在重复建档现象；
（三）资金拨付与考核挂钩不够紧密，部分乡镇补助资金按人口平均分配；
（四）项目管理及绩效考核经费使用范围把握不严，个别支出与项目关联度不高。
七、意见建议
（一）加强乡村医生队伍建设，通过订单定向培养和岗位培训提升服务能力；
（二）推进健康档案与医疗机构诊疗信息互联互通，提高档案使用率；
（三）坚持“先考核、后拨付”，按服务数量和质量核拨补助资金；
（四）严格规范项目管理经费的开支范围，确保专款专用。
"""
    exp = expected("四川仪陇 卫生 2021: 按资金用途划分 A占X万元 (full-width punctuation, 千分位); dept 由…负责实施; 已拨付 + 资金拨付率; 元/人 and 万人 distractors; no signature",
                   title, "2021年基本公共卫生服务项目", "仪陇县卫生健康局", "仪陇县", 2021,
                   budget, executed, r, parts, total, "优")
    return "02_yilong_jiben_gonggongweisheng_2021", text, exp


# ---------------------------------------------------------------- 03 河南 郸城 农业 2020

@doc
def d03():
    towns = [("汲冢镇", 684_000), ("石槽镇", 572_000), ("宜路镇", 450_000),
             ("钱店镇", 618_000), ("南丰镇", 526_000), ("白马镇", 395_000)]
    budget = sum(a for _, a in towns)
    assert budget == 3_245_000
    executed = 3_167_500
    r = rate(executed, budget)
    assert r == Decimal("97.61")
    area_wanmu = Decimal("16.8")
    per_mu = 20
    assert area_wanmu * WAN * per_mu != budget  # the cap is not the allocation
    total = Decimal("93")
    grade = band(total, NATIONAL)
    assert grade == "优"
    title = "郸城县农业农村局关于2020年秸秆综合利用项目绩效自评情况的报告"
    lines = "\n".join(f"{i}.{n}:{wan(a)}万元" for i, (n, a) in enumerate(towns, 1))
    text = f"""{title}
县财政局:
根据《周口市财政局关于开展2020年度市县级项目支出绩效自评工作的通知》(周财预〔2021〕6号)要求,我局对2020年秸秆综合利用项目开展了绩效自评,现将有关情况报告如下。
一、项目基本情况
(一)项目概况
为推进秸秆综合利用和禁烧工作,改善大气环境质量,提升耕地地力,依据《河南省农业农村厅 河南省财政厅关于做好2020年秸秆综合利用工作的通知》,我县在秸秆产生量较大的6个乡镇实施秸秆机械化还田和离田收储作业补助。
补助标准为秸秆机械化还田作业每亩不超过{per_mu}元,由乡镇组织作业、验收后据实兑付。全年完成秸秆还田及离田作业面积{area_wanmu}万亩,全县秸秆综合利用率达到93.5%。
(二)资金情况
2020年县财政安排秸秆综合利用项目资金{wan(budget)}万元,按各乡镇作业任务分配如下:
{lines}
截至2020年12月底,各乡镇资金使用{wan(executed)}万元,执行率{r}%。
二、绩效目标
(一)产出目标:完成秸秆机械化还田面积15万亩以上;建设秸秆收储点12个;
(二)效益目标:秸秆综合利用率达到92%以上,全年无大面积焚烧秸秆火点;
(三)满意度目标:作业农户满意度达到90%以上。
三、绩效目标完成情况
(一)产出完成情况。全年完成作业面积{area_wanmu}万亩,完成率112%;建成秸秆收储点12个,完成率100%。
(二)效益实现情况。全县秸秆综合利用率达到93.5%,卫星遥感监测未发现秸秆焚烧火点,耕地有机质含量稳中有升。
(三)满意度情况。随机回访作业农户300户,满意度为95.3%。
四、自评结论
按照项目支出绩效自评指标体系,预算执行率10分、产出指标50分、效益指标30分、满意度指标10分,该项目自评得分{total}分,自评等级为“优”(90分及以上为优,80-90分为良,60-80分为中,60分以下为差)。
五、存在的问题
(一)部分乡镇作业面积核查以农机手申报为主,现场抽查比例偏低;
(二)秸秆离田后利用渠道单一,收储点存在季节性闲置;
(三)个别乡镇补助资金兑付时间较晚,影响农机手作业积极性。
六、下一步措施
(一)引入农机作业监测终端,实现作业面积自动计量,提高核查准确性;
(二)培育秸秆饲料化、基料化利用主体,拓宽离田秸秆利用渠道;
(三)督促乡镇在作业验收后30日内完成资金兑付。
特此报告。
郸城县农业农村局
2021年3月26日
"""
    exp = expected("河南郸城 农业 2020: per-township list one per line (1.XX镇:N万元); dept in the title (XX局关于…的报告); 资金使用 + 执行率; 元/亩 and 万亩 distractors",
                   title, "2020年秸秆综合利用项目", "郸城县农业农村局", "郸城县", 2020,
                   budget, executed, r, towns, total, grade)
    return "03_dancheng_jiegan_zonghe_liyong_2020", text, exp


# ---------------------------------------------------------------- 04 山东 德州陵城 水利 2018

@doc
def d04():
    parts = [("新建及改造供水管网", 11_268_000), ("水厂净化消毒设备更新", 2_145_000),
             ("入户工程", 3_587_000), ("自动化监控系统", 960_000)]
    budget = sum(a for _, a in parts)
    assert budget == 17_960_000
    executed = 17_024_500
    r = rate(executed, budget)
    assert r == Decimal("94.79")
    contract = 10_863_500
    assert contract < parts[0][1]
    total = Decimal("84.3")
    bands = [("优", 90), ("良", 80), ("合格", 60), ("不合格", 0)]
    grade = band(total, bands)
    assert grade == "良"
    title = "德州市陵城区2018年农村饮水安全巩固提升工程绩效评价报告"
    enum = "、".join(f"{n}{wan(a, comma=True)}万元" for n, a in parts)
    text = f"""{title}
一、基本情况
(一)项目背景
为进一步提高农村集中供水率、自来水普及率和供水保证率,按照《山东省水利厅 山东省财政厅关于做好农村饮水安全巩固提升工程建设的通知》和《德州市人民政府办公室关于印发德州市农村饮水安全巩固提升工程实施方案的通知》要求,陵城区于2018年实施农村饮水安全巩固提升工程,项目实施单位为德州市陵城区水利局。
(二)建设内容
工程涉及丁庄镇、宋家镇、郑家寨镇等5个乡镇186个村,铺设输配水管网83.6公里,改造入户管道2.7万户,受益人口12.4万人。
(三)资金投入情况
工程建设内容及投资为:{enum},共计{wan(budget, comma=True)}万元,资金来源为中央、省级补助资金和区级财政配套资金。
其中供水管网工程经公开招标确定施工单位,合同金额{wan(contract, comma=True)}万元。
截至2018年12月31日,工程累计完成投资{wan(executed, comma=True)}万元,投资完成率{r}%。
(四)绩效目标
1.农村自来水普及率达到98%以上,集中供水率达到95%以上;
2.供水水质达到《生活饮用水卫生标准》要求,水质合格率不低于95%;
3.工程建成后实现24小时连续供水,受益群众满意度不低于90%。
二、绩效评价工作情况
区财政局委托第三方机构组成评价组,采取查阅资料、现场勘查、入户访谈等方式开展评价,实地查看村庄32个,入户调查480户。
三、评价结论
(一)综合评价得分
按照评价指标体系,该项目综合得分{total}分,评价等级为“良好”。
(二)评价等级标准
综合得分90分以上为优秀,80-89分为良好,60-79分为合格,60分以下为不合格。
四、主要绩效
1.农村自来水普及率由92.3%提高到98.6%,集中供水率达到96.1%;
2.抽检水样42份,水质合格率97.6%;
3.入户调查群众满意度为92.5%。
五、存在的问题
(一)部分工程建设进度滞后,个别村入户工程至年底尚未完工;
(二)工程变更手续不够规范,存在先施工后补办变更手续的情况;
(三)水费收缴率偏低,工程运行维护经费保障不足;
(四)自动化监控系统与区级平台数据对接不畅,未能实现实时监测。
六、有关建议
(一)加强工程进度管理,合理安排施工计划,确保按期完工;
(二)严格执行工程变更审批程序,规范工程建设管理;
(三)建立合理的水价形成机制,落实工程运行维护主体和经费;
(四)加快监控平台整合,实现水源、水厂和管网运行数据实时监测。
2019年3月
"""
    exp = expected("山东德州陵城 水利 2018: parts then 共计 total in one sentence; dept 项目实施单位为…; 累计完成投资 + 投资完成率; 合同金额, 公里, 万户, 万人 distractors; date only",
                   title, "2018年农村饮水安全巩固提升工程", "德州市陵城区水利局", "德州市陵城区", 2018,
                   budget, executed, r, parts, total, "良")
    return "04_lingcheng_yinshui_anquan_2018", text, exp


# ---------------------------------------------------------------- 05 江西 于都 交通 2023

@doc
def d05():
    parts = [("波形梁钢护栏工程", 2_314_560), ("交通标志标牌及标线工程", 1_205_300),
             ("减速带及道口桩工程", 736_840), ("危险路段警示设施", 1_607_500)]
    budget = sum(a for _, a in parts)
    assert budget == 5_864_200
    executed = 5_512_348
    r = rate(executed, budget)
    assert r == Decimal("94.00")
    assert Decimal(executed) * 100 / budget == 94  # exactly
    total = Decimal("72.5")
    bands = [("优", 90), ("良", 80), ("合格", 60), ("不合格", 0)]
    grade = band(total, bands)
    assert grade == "合格"
    title = "于都县2023年农村公路安全生命防护工程项目支出绩效评价报告"
    items = ";".join(f"{n}{yuan_fmt(a)}元" for n, a in parts)
    text = f"""于都县交通运输局
{title}
一、项目基本情况
(一)项目概况
为消除农村公路安全隐患,降低交通事故发生率,根据《江西省交通运输厅 江西省财政厅关于下达2023年农村公路安全生命防护工程建设计划的通知》(赣交规划字〔2023〕15号)和《赣州市交通运输局关于加快推进农村公路安防工程建设的通知》,我局组织实施2023年农村公路安全生命防护工程,整治农村公路里程132.6公里,涉及17个乡镇。
(二)资金安排
项目预算资金{wan(budget)}万元,具体构成为:{items}。
项目采用公开招标方式确定施工单位,波形梁钢护栏综合单价约186元/米。
(三)资金使用情况
截至2023年12月31日,项目实际支付{yuan_fmt(executed)}元,支出进度为{r}%,剩余资金为质保金,待缺陷责任期满后支付。
二、项目绩效目标
(一)数量目标:完成安防工程整治里程不少于130公里;
(二)质量目标:工程交工验收合格率100%;
(三)时效目标:2023年11月底前完成全部工程建设;
(四)效益目标:整治路段交通事故发生率较上年下降10%以上;
(五)满意度目标:沿线群众满意度不低于85%。
三、评价工作情况
本次评价由县财政局组织,评价组查阅了项目立项、招投标、合同、监理、验收及财务资料,并对12条整治路段进行了现场核查。
四、评价结论
经评价,该项目得分{total}分,评价等级为“{grade}”。评价等级分为优(90分及以上)、良(80分至90分)、合格(60分至80分)、不合格(60分以下)。
扣分主要集中在以下方面:项目前期论证不充分、部分路段未按期完工、资金支付与工程进度不匹配、绩效目标设置不够细化。
五、绩效目标完成情况
(一)完成整治里程132.6公里,完成率102%;
(二)工程交工验收合格率100%,但有3个标段于2023年12月中旬才完成交工验收,超过计划工期;
(三)整治路段全年发生交通事故9起,较上年下降25%;
(四)发放问卷200份,群众满意度为88%。
六、存在的问题
(一)项目前期调查不细,部分路段设计方案与现场情况不符,实施中调整较多;
(二)工期管理不严,部分标段因材料供应原因延期,未按合同约定完工;
(三)资金支付审核不够严格,个别标段存在超进度支付情况;
(四)绩效目标中效益指标以定性描述为主,可衡量性不强;
(五)已建设施管护责任不明确,部分标志标牌存在被遮挡、损坏现象。
七、意见和建议
(一)加强项目前期工作,做实现场调查,提高设计方案的针对性;
(二)强化合同履约管理,对延误工期的施工单位依约追究责任;
(三)严格按照工程计量和监理审核结果支付资金;
(四)科学设置量化的绩效指标,加强绩效运行监控;
(五)落实“路长制”,明确安防设施日常管护责任。
2024年5月20日
"""
    exp = expected("江西于都 交通 2023: parts in 元 with 千分位, total in 万元; issuing unit at the top; 实际支付 + 支出进度 (exactly 94.00%); 公里, 元/米 distractors",
                   title, "2023年农村公路安全生命防护工程", "于都县交通运输局", "于都县", 2023,
                   budget, executed, r, parts, total, grade)
    return "05_yudu_nongcun_gonglu_anfang_2023", text, exp


# ---------------------------------------------------------------- 06 广西 都安 民政 2022

@doc
def d06():
    parts = [("特困人员集中供养", 3_865_200), ("特困人员分散供养", 21_473_600),
             ("失能半失能人员照料护理补贴", 1_687_200)]
    budget = sum(a for _, a in parts)
    assert budget == 27_026_000
    executed = 26_551_800
    r = rate(executed, budget)
    assert r == Decimal("98.25")
    total = Decimal("90.5")
    grade = band(total, NATIONAL)
    assert grade == "优"
    title = "都安瑶族自治县2022年特困人员救助供养资金绩效自评报告"
    names = "、".join(n for n, _ in parts[:-1]) + "和" + parts[-1][0]
    amounts = "、".join(f"{wan(a, comma=True)}万元" for _, a in parts)
    text = f"""{title}
一、基本情况
（一）项目概况
为保障城乡特困人员基本生活，根据《国务院关于进一步健全特困人员救助供养制度的意见》（国发〔2016〕14号）和《广西壮族自治区民政厅 广西壮族自治区财政厅关于提高2022年城乡特困人员救助供养标准的通知》（桂民发〔2022〕8号），我县实施2022年特困人员救助供养资金项目，项目实施主体为都安瑶族自治县民政局，各乡镇人民政府负责对象审核和日常管理。
2022年全县共有特困人员3126人，其中集中供养298人、分散供养2828人。集中供养基本生活标准为每人每月1080元，分散供养为每人每月665元；照料护理补贴按全自理、半失能、全失能分三档发放。
（二）资金情况
2022年，县财政统筹上级补助资金和本级资金，分别安排{names}资金{amounts}，合计{wan(budget, comma=True)}万元。
全年实际发放{wan(executed, comma=True)}万元，执行率{r}%。结余资金主要因年内部分特困人员死亡或退出，已按规定收回统筹使用。
救助供养资金通过“一卡通”系统直接发放至供养对象账户，集中供养资金拨付至县社会福利中心和乡镇敬老院。
二、绩效目标
（一）产出目标：特困人员应保尽保，救助供养金按月足额发放，发放准确率100%；
（二）效益目标：特困人员基本生活得到保障，生活自理能力评估覆盖率达到100%；
（三）满意度目标：供养对象满意度不低于90%。
三、绩效目标完成情况
（一）全年按月发放救助供养金12次，未发生延发、漏发情况；
（二）完成特困人员生活自理能力评估3126人，覆盖率100%；
（三）全县4所敬老院完成消防设施改造，集中供养服务质量有所提升；
（四）抽样回访供养对象150人，满意度为96%。
四、自评结论
经自评，该项目总得分{total}分，自评等级为“优”。其中预算执行指标10分，得9.8分；产出指标50分，得46.2分；效益指标30分，得25.5分；满意度指标10分，得9分。
五、存在的问题
（一）动态管理不够及时。部分乡镇对死亡、外出务工等情况上报滞后，个别对象停发不及时；
（二）集中供养率偏低。全县集中供养率仅为9.5%，部分失能人员未能入住敬老院；
（三）敬老院护理人员不足，专业化服务能力较弱。
六、改进措施
（一）加强与公安、卫健等部门的数据比对，按季度开展动态核查；
（二）优先安排失能、半失能特困人员集中供养，提高集中供养率；
（三）通过政府购买服务等方式充实护理力量，开展护理员岗位培训。
都安瑶族自治县民政局
2023年2月28日
"""
    scores = [Decimal("9.8"), Decimal("46.2"), Decimal("25.5"), Decimal("9")]
    assert sum(scores) == total
    exp = expected("广西都安 民政 2022: respectively form 分别安排A、B和C资金X、Y、Z万元 then 合计; dept 项目实施主体为…; 实际发放 + 执行率; 元/人/月 and 人 distractors",
                   title, "2022年特困人员救助供养资金项目", "都安瑶族自治县民政局", "都安瑶族自治县", 2022,
                   budget, executed, r, parts, total, grade)
    return "06_duan_tekun_jiuzhu_gongyang_2022", text, exp


# ---------------------------------------------------------------- 07 云南 洱源 环境 2024

@doc
def d07():
    parts = [("村庄污水收集管网工程", 82_365_000), ("一体化污水处理设施", 31_248_000),
             ("农户庭院改造及化粪池建设", 18_947_000), ("工程建设其他费用", 6_000_000)]
    budget = sum(a for _, a in parts)
    assert budget == 138_560_000 and yi(budget) == "1.3856"
    executed = 121_369_200
    r = rate(executed, budget)
    assert r == Decimal("87.59")
    contract = 79_852_600
    level1 = [("决策", 15, "12"), ("过程", 20, "16.5"), ("产出", 35, "29"), ("效益", 30, "24.5")]
    total = sum(Decimal(s) for *_, s in level1)
    assert total == Decimal("82") and sum(w for _, w, _ in level1) == 100
    grade = band(total, NATIONAL)
    assert grade == "良"
    title = "洱源县2024年农村生活污水治理项目绩效评价报告"
    (n1, a1), (n2, a2), (n3, a3), (n4, a4) = parts
    l1 = "、".join(f"{n}{s}分(满分{w}分)" for n, w, s in level1)
    text = f"""{title}
一、项目基本情况
(一)项目背景
洱源县地处洱海源头,农村生活污水收集处理是洱海保护治理的重要内容。为落实《大理白族自治州人民政府办公室关于印发洱海流域农村生活污水治理提质增效实施方案的通知》要求,洱源县实施2024年农村生活污水治理项目,项目建设单位为洱源县住房和城乡建设局,县生态环境部门负责出水水质监测。
(二)建设内容
项目覆盖茈碧湖镇、邓川镇、右所镇等6个乡镇48个自然村,新建及改造污水收集管网156.3公里,新建一体化污水处理设施21座,日处理规模合计2350吨,改造农户庭院污水收集设施约1.1万户。
(三)资金投入及使用情况
2024年度项目预算资金{yi(budget)}亿元,其中:{n1}{wan(a1, comma=True)}万元,{n2}{wan(a2, comma=True)}万元,{n3}{wan(a3, comma=True)}万元,{n4}{wan(a4)}万元。
管网工程施工采用公开招标,中标合同金额{wan(contract, comma=True)}万元。
截至2024年12月31日,项目累计支出{wan(executed, comma=True)}万元,资金执行率{r}%。
(四)绩效目标
1.新建及改造污水收集管网不少于150公里,新建污水处理设施21座;
2.项目覆盖村庄生活污水治理率达到95%以上,处理设施出水水质达标率不低于90%;
3.受益群众满意度不低于90%。
二、绩效评价工作开展情况
受县财政局委托,评价机构组成评价组,于2025年2月至3月对项目开展重点绩效评价,查阅项目资料216份,现场核查村庄20个、处理设施12座,发放调查问卷420份。
三、综合评价情况及评价结论
经评价,该项目综合得分{total}分,等级为“良”。其中{l1}。
评价等级标准:90分(含)以上为优,80分(含)至90分为良,60分(含)至80分为中,60分以下为差。
四、主要绩效
(一)完成管网建设158.2公里、处理设施21座,产出数量目标全部完成;
(二)抽检处理设施出水水样36个,达标33个,达标率91.7%;
(三)覆盖村庄生活污水治理率达到96.4%,入湖河道水质持续改善;
(四)问卷调查显示群众满意度为89.3%,略低于目标值。
五、存在的问题及原因分析
(一)资金支出进度偏慢。部分工程结算审核未完成,预算执行率不足90%;
(二)部分设施运行不稳定。3座处理设施因进水浓度偏低、设备故障,出水水质未稳定达标;
(三)农户接户不到位。约6%的农户庭院污水未接入收集管网,存在雨污混接;
(四)运维经费保障不足。设施建成后运维费用测算不充分,县级运维资金缺口较大。
六、有关建议
(一)加快工程结算审核和资金支付,提高资金使用效率;
(二)对运行不稳定的设施开展诊断评估,限期整改;
(三)开展接户情况排查,逐户建立整改台账;
(四)建立“以县为主、乡镇配合、村级参与”的运维机制,将运维费用纳入年度预算。
评价机构:云南滇信会计师事务所有限公司
2025年4月10日
"""
    exp = expected("云南洱源 环境 2024: 亿元 total with 万元 parts after 其中:; dept 项目建设单位为…; 累计支出 + 资金执行率; 合同金额, 公里, 吨, 万户; city-level cited doc; evaluator firm signs",
                   title, "2024年农村生活污水治理项目", "洱源县住房和城乡建设局", "洱源县", 2024,
                   budget, executed, r, parts, total, grade)
    return "07_eryuan_nongcun_wushui_2024", text, exp


# ---------------------------------------------------------------- 08 安徽 霍山 文化 2021

@doc
def d08():
    sources = [("中央补助资金", 1_560_000), ("省级补助资金", 480_000), ("县级配套资金", 360_000)]
    uses = [("公共图书馆、文化馆(站)、美术馆免费开放运转", 960_000),
            ("乡镇综合文化站及村级综合性文化服务中心设备购置", 720_000),
            ("送戏下乡及群众文化活动", 540_000),
            ("数字文化资源建设", 180_000)]
    budget = sum(a for _, a in uses)
    assert budget == sum(a for _, a in sources) == 2_400_000
    executed = 2_296_000
    r = rate(executed, budget)
    assert r == Decimal("95.67")
    shows, per_show = 120, 3_000
    assert shows * per_show != uses[2][1]
    total = Decimal("89")
    bands = [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
    grade = band(total, bands)
    assert grade == "良"
    title = "霍山县2021年度公共文化服务体系建设专项资金绩效自评报告"
    src = ",".join(f"{n}{wan(a)}万元" for n, a in sources)
    use = ";".join(f"{n}{wan(a)}万元" for n, a in uses)
    text = f"""{title}
一、项目基本情况
(一)项目概况
根据《安徽省文化和旅游厅 安徽省财政厅关于下达2021年公共文化服务体系建设补助资金的通知》(皖财教〔2021〕412号)和《六安市文化和旅游局关于进一步推进基本公共文化服务标准化均等化的通知》,我局组织实施2021年度公共文化服务体系建设专项资金项目,支持县图书馆、文化馆、美术馆和16个乡镇综合文化站、226个村级综合性文化服务中心开展免费开放和群众文化活动。
(二)资金来源
2021年度项目资金共计{wan(budget)}万元,其中:{src}。
(三)资金用途及使用情况
按用途,资金用于:{use}。
全年实际支出{wan(executed)}万元,支出率{r}%。未支出部分为数字文化资源建设项目年底验收后尚未结算的款项。
二、绩效目标及完成情况
(一)产出目标
1.县图书馆、文化馆、美术馆全年免费开放,每周开放时间不少于56小时,实际完成率100%;
2.开展送戏下乡演出120场,每场演出补助标准{per_show}元,实际完成123场;
3.为38个村级综合性文化服务中心配备音响、图书架等设备,实际完成38个。
(二)效益目标
1.全县公共文化设施年接待群众由上年的41.6万人次增加到48.2万人次;
2.县图书馆数字资源总量达到32TB,年访问量突破15万次。
(三)满意度目标
群众对公共文化服务的满意度目标为90%,问卷调查结果为92.7%。
三、自评结论
按照绩效自评指标体系,我局对项目进行了综合评分,自评得分{total}分,等级为“良”。等级标准为:90分(含)以上为优,80分(含)-90分为良,60分(含)-80分为中,60分以下为差。
四、存在的问题
(一)基层文化设施利用率不高。部分村级文化服务中心开放时间不固定,群众参与度偏低;
(二)活动内容吸引力不足。送戏下乡节目更新较慢,青年群体参与较少;
(三)资金支出进度不均衡。上半年支出仅占全年的31%,下半年支出集中;
(四)绩效指标设置不够全面,缺少反映服务质量的指标。
五、改进措施
(一)推行村级文化服务中心错时开放和“点单式”服务,提高设施利用率;
(二)丰富送戏下乡节目内容,扶持本土文艺团队创作群众喜闻乐见的作品;
(三)加强预算执行监控,合理安排资金支出进度;
(四)完善绩效指标体系,增加服务质量和群众获得感方面的指标。
六、结果应用
自评结果将作为下一年度公共文化服务资金分配的重要依据,并按规定在县政府网站公开。
霍山县文化旅游体育局
2022年4月8日
"""
    exp = expected("安徽霍山 文化 2021: a split by funding source (中央/省/县级配套, not sub-projects) beside the use split (the sub-projects); dept named only by the signature (body says 我局); 实际支出 + 支出率; 元/场 and 人次 distractors",
                   title, "2021年度公共文化服务体系建设专项资金项目", "霍山县文化旅游体育局", "霍山县", 2021,
                   budget, executed, r, uses, total, grade)
    return "08_huoshan_gonggong_wenhua_2021", text, exp


# ---------------------------------------------------------------- 09 河北 故城 部门整体 2020

@doc
def d09():
    budget_basic, budget_project = 13_562_000, 5_061_500
    budget = budget_basic + budget_project
    assert budget == 18_623_500
    initial, added = 17_058_000, 1_565_500
    assert initial + added == budget
    staff, office = 11_874_600, 1_636_200
    spent_basic = staff + office
    spent_project = 4_475_600
    executed = spent_basic + spent_project
    assert spent_basic == 13_510_800 and executed == 17_986_400
    r = rate(executed, budget)
    assert r == Decimal("96.58")
    level1 = [("部门决策", 20, "18.5"), ("部门管理", 30, "27.5"), ("部门产出", 30, "28"), ("部门效果", 20, "17.5")]
    total = sum(Decimal(s) for *_, s in level1)
    assert total == Decimal("91.5") and sum(w for _, w, _ in level1) == 100
    grade = band(total, NATIONAL)
    assert grade == "优"
    title = "故城县市场监督管理局2020年度部门整体支出绩效评价报告"
    l1 = ",".join(f"{n}{w}分,得分{s}分" for n, w, s in level1)
    text = f"""{title}
一、部门概况
(一)部门职能
故城县市场监督管理局是县政府工作部门,主要负责全县市场综合监督管理、市场主体统一登记注册、食品安全监督管理、特种设备安全监察、药品医疗器械流通环节监管、知识产权保护以及计量、标准化、认证认可等工作。
(二)机构和人员情况
局机关内设股室14个,下设市场监管所12个。核定编制126名,年末实有在职人员118人,退休人员47人。
二、部门收支情况
(一)预算安排情况
2020年年初预算{wan(initial, comma=True)}万元,年中追加{wan(added, comma=True)}万元,全年预算{wan(budget, comma=True)}万元。其中:基本支出预算{wan(budget_basic, comma=True)}万元,项目支出预算{wan(budget_project, comma=True)}万元。
(二)支出情况
2020年全年支出{wan(executed, comma=True)}万元,其中基本支出{wan(spent_basic, comma=True)}万元(人员经费{wan(staff, comma=True)}万元、公用经费{wan(office, comma=True)}万元),项目支出{wan(spent_project, comma=True)}万元,预算执行率{r}%。
项目支出主要用于食品安全抽检、特种设备检验、市场主体年报公示和消费者权益保护等工作。
(三)“三公”经费情况
2020年“三公”经费支出16.42万元,较上年下降12.3%,其中公务用车运行维护费14.86万元、公务接待费1.56万元,无因公出国(境)费用。
三、部门整体绩效目标
(一)完成食品安全监督抽检不少于1200批次,抽检合格率保持在97%以上;
(二)特种设备定期检验率达到100%,全年不发生较大以上特种设备安全事故;
(三)消费者投诉举报按时办结率达到98%以上;
(四)新登记市场主体不少于3000户。
四、绩效目标完成情况
(一)全年完成食品安全监督抽检1260批次,抽检合格率98.1%;
(二)特种设备定期检验率100%,全年未发生特种设备安全事故;
(三)受理消费者投诉举报1436件,按时办结率99.2%,为消费者挽回经济损失86.7万元;
(四)新登记市场主体3518户,同比增长9.6%。
五、评价结论
根据《河北省财政厅关于开展2020年度部门整体支出绩效评价工作的通知》和县财政局部门整体支出绩效评价指标体系,本部门2020年度整体支出绩效评价得分{total}分,评价等级为“优”。其中{l1}。
六、存在的问题
(一)预算编制的精细化程度不高,年中追加预算占全年预算的比重较大;
(二)部分项目支出绩效目标设置较为笼统,量化指标偏少;
(三)基层市场监管所执法装备不足,快检设备老化;
(四)固定资产管理不够规范,部分资产账实不符。
七、改进建议
(一)提高预算编制的科学性和准确性,减少年中追加;
(二)细化项目绩效目标,完善部门整体绩效指标体系;
(三)统筹安排资金,逐步更新基层执法和快检装备;
(四)开展固定资产清查盘点,做到账实相符。
故城县市场监督管理局
2021年5月
"""
    exp = expected("河北故城 部门整体 2020: 基本支出/项目支出 with 人员经费/公用经费 (no sub-projects, key omitted); 年初预算 vs 追加 vs 全年预算; 全年支出 + 预算执行率; 三公 and 万元 loss distractors",
                   title, None, "故城县市场监督管理局", "故城县", 2020,
                   budget, executed, r, None, total, grade)
    return "09_gucheng_shichangjianguan_bumenzhengti_2020", text, exp


# ---------------------------------------------------------------- 10 贵州 湄潭 水利 2020–2022

@doc
def d10():
    works = [("永兴镇团结水库除险加固工程", 11_250_000, "大坝防渗处理、溢洪道改建、放水设施更换和坝顶道路硬化", "总库容156万立方米"),
             ("复兴镇龙塘水库除险加固工程", 7_860_000, "坝体加培、上游护坡整治、放空隧洞封堵及新建管理房", "总库容138万立方米"),
             ("高台镇青龙水库除险加固工程", 5_490_000, "溢洪道消能设施改造、坝基帷幕灌浆和安全监测设施建设", "总库容92万立方米")]
    budget = sum(a for _, a, *_ in works)
    assert budget == 24_600_000
    per_year = [(2020, 6_124_000), (2021, 10_387_000), (2022, 7_035_000)]
    executed = sum(a for _, a in per_year)
    assert executed == 23_546_000
    r = rate(executed, budget)
    assert r == Decimal("95.72")
    contract = 21_083_600
    total = Decimal("79.5")
    grade = band(total, NATIONAL)
    assert grade == "中"
    title = "湄潭县小型水库除险加固项目(2020—2022年)绩效评价报告"
    sections = []
    for i, (n, a, what, cap) in enumerate(works, 1):
        sections.append(f"{i}.{n}\n该工程{cap},核定投资{wan(a, comma=True)}万元,主要建设内容为{what}。")
    years = ",".join(f"{y}年完成投资{wan(a, comma=True)}万元" for y, a in per_year)
    sec = "\n".join(sections)
    text = f"""{title}
一、项目基本情况
(一)项目背景
根据《贵州省水利厅 贵州省财政厅关于下达小型病险水库除险加固中央补助资金的通知》和《遵义市水务局关于加快推进小型水库除险加固工作的通知》,我县将3座存在安全隐患的小型水库纳入2020—2022年除险加固计划。项目由湄潭县水利工程建设管理站作为项目法人组织实施,湄潭县水务局为行业主管部门。
(二)项目内容及投资
项目共涉及3座小型水库,核定总投资{wan(budget, comma=True)}万元,各工程情况如下:
{sec}
三项工程施工均通过公开招标确定施工单位,施工合同金额合计{wan(contract, comma=True)}万元。
(三)资金到位及使用情况
项目资金按年度分批下达。{years},累计完成投资{wan(executed, comma=True)}万元,投资完成率{r}%。剩余资金主要为工程质保金和竣工决算审计后待支付款项。
(四)绩效目标
1.完成3座水库除险加固,消除大坝安全隐患,工程质量合格率100%;
2.恢复水库设计蓄水能力,保障下游约1.6万人生命财产安全;
3.恢复和改善灌溉面积1.2万亩;
4.受益群众满意度不低于90%。
二、绩效评价工作开展情况
县财政局成立评价工作组,按照决策、过程、产出、效益四个方面设置指标,对项目2020—2022年的实施情况进行了全过程评价,现场查看3座水库,走访下游受益农户90户。
三、评价结论
经综合评价,该项目得分{total}分,评价等级为“中”。评价等级按90分(含)以上为优、80分(含)至90分为良、60分(含)至80分为中、60分以下为差确定。
四、主要绩效
(一)3座水库除险加固主体工程全部完工,通过下闸蓄水验收,工程质量合格;
(二)水库恢复正常蓄水,2022年汛期安全度汛;
(三)恢复灌溉面积1.05万亩,完成目标的87.5%。
五、存在的问题
(一)项目实施进度滞后。龙塘水库因征地协调问题停工4个月,整体工期较计划延后近一年;
(二)工程变更较多。青龙水库帷幕灌浆工程量较设计增加38%,变更手续办理滞后;
(三)竣工验收和决算工作推进缓慢,至评价时仍有1座水库未完成竣工验收;
(四)运行管护机制不完善。管护人员多为兼职,安全监测设施数据未按规定整编分析;
(五)灌区配套渠系未同步建设,灌溉效益未充分发挥。
六、意见建议
(一)加强前期工作和征地协调,确保项目按计划推进;
(二)严格控制工程变更,规范变更审批程序;
(三)加快竣工验收和决算审计,及时办理资产移交;
(四)落实水库管护“三个责任人”,配备专职管护人员;
(五)统筹安排灌区配套工程,发挥工程综合效益。
湄潭县财政局
2023年6月
"""
    exp = expected("贵州湄潭 水利 2020–2022 (recorded under 2022): one sub-heading per reservoir with 核定投资; per-year 完成投资 and 累计完成投资 (years are not sub-projects); dept = 项目法人 beside the 主管部门; signed by 财政局; 合同金额, 万立方米, 万亩 distractors",
                   title, "小型水库除险加固项目", "湄潭县水利工程建设管理站", "湄潭县", 2022,
                   budget, executed, r, [(n, a) for n, a, *_ in works], total, grade)
    return "10_meitan_xiaoxing_shuiku_2020_2022", text, exp


# ---------------------------------------------------------------- 11 湖北 蕲春 人居环境 2023 (flawed)

@doc
def d11():
    budget = 5_000_000
    parts = [("农村户厕改造", 1_860_000), ("农村生活垃圾收运设施购置", 1_245_000),
             ("村庄公共空间整治", 960_000)]
    stated_sum = sum(a for _, a in parts)
    executed = 4_682_000
    assert stated_sum != budget and stated_sum != executed  # flawed on purpose: the uses do not add up
    r = rate(executed, budget)
    assert r == Decimal("93.64")
    households, per_household = 1240, 1_500
    assert households * per_household == parts[0][1]
    total = Decimal("76.8")
    grade = band(total, NATIONAL)
    assert grade == "中"
    title = "蕲春县2023年农村人居环境整治项目绩效评价报告"
    (n1, a1), (n2, a2), (n3, a3) = parts
    text = f"""{title}
一、基本情况
(一)项目概况
为贯彻落实《湖北省农村人居环境整治提升五年行动实施方案》和《黄冈市人民政府办公室关于印发黄冈市农村人居环境整治提升行动实施方案的通知》要求,蕲春县2023年农村人居环境整治项目以农村厕所革命、生活垃圾治理和村容村貌提升为重点,在全县14个乡镇(场、区)推进实施。项目牵头实施单位为蕲春县农业农村局,县住建、生态环境、卫健等部门按职责分工配合。
(二)资金安排及使用
2023年县级财政安排项目资金{wan(budget)}万元。资金主要用于:
1.{n1}{wan(a1)}万元,按每户0.15万元标准对{households}户农户改厕给予补助;
2.{n2}{wan(a2)}万元,购置垃圾转运车、分类垃圾桶等设施;
3.{n3}{wan(a3)}万元,用于村庄“三清一改”和小微公园、小游园建设。
截至2023年12月31日,项目已支出{wan(executed)}万元,执行率{r}%。
(三)绩效目标
1.完成农村户厕改造不少于1200户,改厕合格率达到95%以上;
2.农村生活垃圾收运处置体系覆盖所有行政村;
3.建设村庄小微公园、小游园20个;
4.农民群众满意度不低于85%。
二、绩效评价工作开展情况
县财政局会同县农业农村局组成评价组,通过查阅资料、实地抽查和问卷调查开展评价,抽查行政村28个、改厕农户210户,发放问卷350份。
三、评价结论
综合评价,该项目得分{total}分,评价等级为“中”。
等级划分:90分(含)以上为优,80分(含)至90分为良,60分(含)至80分为中,60分以下为差。
四、绩效分析
(一)产出方面。完成户厕改造{households}户,抽查改厕户合格率为91.4%,低于目标值;购置垃圾转运车18台、分类垃圾桶4600个;建成小微公园、小游园17个,完成率85%。
(二)效益方面。农村生活垃圾收运处置体系实现行政村全覆盖,村庄环境“脏乱差”现象明显减少。
(三)满意度方面。问卷调查显示,群众满意度为86.9%。
五、存在的问题
(一)资金用途列示不完整。项目资金分配方案未列明全部资金的具体用途,部分资金用途无法与预算对应;
(二)改厕质量有待提高。部分改厕户存在化粪池渗漏、粪污清运不及时等问题;
(三)部分项目进度滞后。3个小微公园至年底仍未完工;
(四)长效管护机制不健全。部分村保洁员报酬偏低,垃圾转运车辆使用率不高。
六、意见建议
(一)细化资金分配方案,明确每一笔资金的用途和绩效目标;
(二)加强改厕施工质量监管,建立问题厕所排查整改台账;
(三)加快在建项目进度,确保按期完工并发挥效益;
(四)健全村庄保洁和设施管护长效机制,落实管护经费。
蕲春县农业农村局
2024年3月
"""
    exp = expected("湖北蕲春 人居环境 2023, flawed: the listed uses 1./2./3. sum to 406.5万, not the 500万 budget nor the 468.2万 spent; only the stated figures are expected; dept 牵头实施单位为…; 已支出 + 执行率; 万元/户 distractor",
                   title, "2023年农村人居环境整治项目", "蕲春县农业农村局", "蕲春县", 2023,
                   budget, executed, r, parts, total, grade)
    return "11_qichun_renju_huanjing_2023_flawed", text, exp


# ---------------------------------------------------------------- 12 陕西 城固 教育 自评表 2024

@doc
def d12():
    per_student = 2_000
    grades = [("高一年级", 284), ("高二年级", 273), ("高三年级", 255)]
    parts = [(g, n * per_student) for g, n in grades]
    budget = sum(a for _, a in parts)
    assert budget == 1_624_000
    initial = 1_500_000
    executed = 1_602_000
    r = rate(executed, budget)
    assert r == Decimal("98.65")
    # 10 × 98.65% = 9.865, written truncated to 9.86 as many forms do
    exec_score = (10 * r / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    assert exec_score == Decimal("9.86")
    rows = [("产出指标", "数量指标", "受助学生人数", "≥800人", f"{sum(n for _, n in grades)}人", 15, "15"),
            ("产出指标", "质量指标", "资助对象认定准确率", "=100%", "100%", 15, "15"),
            ("产出指标", "时效指标", "资助资金发放及时率", "≥95%", "93%", 10, "9"),
            ("产出指标", "成本指标", "资助标准", f"={per_student}元/生·年", f"{per_student}元/生·年", 10, "10"),
            ("效益指标", "社会效益指标", "家庭经济困难学生应助尽助率", "=100%", "100%", 15, "15"),
            ("效益指标", "可持续影响指标", "资助政策知晓率", "≥90%", "96%", 15, "15"),
            ("满意度指标", "服务对象满意度指标", "受助学生及家长满意度", "≥90%", "95%", 10, "9.5")]
    weights = 10 + sum(w for *_, w, _ in rows)
    total = exec_score + sum(Decimal(s) for *_, s in rows)
    assert weights == 100 and total == Decimal("98.36")
    grade = "优"
    assert band(total, NATIONAL) == grade
    title = "城固县第一中学2024年普通高中国家助学金项目绩效自评报告"
    ind = "\n".join(f"| {a} | {b} | {c} | {t} | {v} | {w} | {s} | |" for a, b, c, t, v, w, s in rows)
    tab = "\n".join(f"| {g} | {n} | {wan(n * per_student)} |" for g, n in grades)
    text = f"""{title}
一、项目基本情况
根据《陕西省财政厅 陕西省教育厅关于下达2024年学生资助补助经费的通知》(陕财办教〔2024〕11号)和《汉中市教育局关于做好2024年普通高中家庭经济困难学生资助工作的通知》,我校对家庭经济困难学生发放普通高中国家助学金,资助标准为每生每年{per_student}元。
2024年年初预算{wan(initial)}万元,秋季学期因受助人数增加追加{wan(budget - initial)}万元。各年级受助人数及资金分配如下:
| 年级 | 受助人数(人) | 资助金额(万元) |
| --- | --- | --- |
{tab}
| 合计 | {sum(n for _, n in grades)} | {wan(budget)} |
二、项目支出绩效自评表
项目支出绩效自评表(2024年度)
| 项目名称 | 2024年普通高中国家助学金 | | | | | | |
| 主管部门 | 城固县教育体育局 | | | 实施单位 | 城固县第一中学 | | |
| 项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | | {wan(initial)} | {wan(budget)} | {wan(executed)} | 10 | {r}% | {exec_score} |
| 其中:当年财政拨款 | | {wan(initial)} | {wan(budget)} | {wan(executed)} | — | {r}% | — |
| 上年结转资金 | | 0 | 0 | 0 | — | — | — |
| 其他资金 | | 0 | 0 | 0 | — | — | — |
| 年度总体目标 | 预期目标:按标准足额资助家庭经济困难学生,保障其顺利完成学业 | | | 实际完成情况:资助812名学生,资金通过银行卡直接发放 | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
{ind}
| 总分 | | | | | 100 | {total} | |
三、自评结论
本项目自评总分{total}分,自评等级为“优”(90分以上为优,80-90分为良,60-80分为中,60分以下为差)。全年执行数{wan(executed)}万元,执行率{r}%,未执行的{wan(budget - executed)}万元为2名学生转学后停发的助学金,已按规定退回。
四、存在的问题
(一)秋季学期资助资金到位较晚,部分学生助学金发放时间晚于规定时限;
(二)家庭经济困难学生认定依据以学生申报材料为主,动态核查不够;
(三)资助政策宣传主要依靠班主任,形式较为单一。
五、改进措施
(一)提前做好资助资金测算和申报,确保资金按时发放;
(二)加强与民政、乡村振兴等部门的信息比对,提高认定精准度;
(三)通过家长会、致家长一封信等方式加强政策宣传。
"""
    exp = expected("陕西城固 教育 自评 2024: a small pipe table of the split by 年级 with a 受助人数 column; dept in the 实施单位 cell of the 自评表 (主管部门 beside it); 年初预算 ≠ 全年预算; 全年执行数 + 执行率 in the form; no signature",
                   title, "2024年普通高中国家助学金", "城固县第一中学", "城固县", 2024,
                   budget, executed, r, parts, total, grade)
    return "12_chenggu_yizhong_guojia_zhuxuejin_2024", text, exp


# ---------------------------------------------------------------- write

def main() -> None:
    assert len(DOCS) == 12 and len({n for n, *_ in DOCS}) == 12
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    for name, text, exp in DOCS:
        (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
        (OUT / "expected" / f"{name}.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(DOCS)} documents to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
