"""Synthetic reports for the test documents: the facts of each report, from which every renderer
(text, HTML, PDF, DOCX, XLSX) writes a document and from which its expected record is written.

The facts are invented but follow DOMAIN.md: weights sum to 100, scores ≤ weights, the rate is
executed / budget rounded as reports round it, bands as the report states them.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    name: str
    weight: float
    score: float
    level1: str = ""  # the category cell (merged over its rows in a real table)
    level2: str = ""
    target: str = ""
    actual: str = ""


@dataclass
class SubItem:
    description: str
    wan: float
    contract: bool = False


@dataclass
class Sub:
    name: str
    wan: float
    items: list[SubItem] = field(default_factory=list)


@dataclass
class ReportFacts:
    key: str
    kind: str  # project | self_assessment | department
    title: str
    project: str
    department: str
    region: str
    year: int
    budget_wan: float | None
    executed_wan: float | None
    rate_text: str | None  # as printed, e.g. "97.22"
    funding: str | None
    rows: list[Row]
    total_score: float
    bands: list[tuple[str, float | None, float | None]]
    bands_stated: bool
    stated_grade: str | None
    subs: list[Sub] = field(default_factory=list)
    initial_wan: float | None = None

    @property
    def rate(self) -> float | None:
        return float(self.rate_text) if self.rate_text else None

    def grade_for(self, score: float) -> str | None:
        for g, lo, hi in self.bands:
            if (lo is None or score >= lo) and (hi is None or score < hi):
                return g
        return None

    def gold(self, script: str, truncated: bool = False, must_pass: tuple[str, ...] = (),
             must_fail: tuple[str, ...] = ()) -> dict:
        """The expected record in the shape shared/tools/score_record.py scores."""
        out = {
            "_about": f"Expected record for the synthetic report '{self.key}' (scripts/make_samples.py).",
            "source": {"script": script, "truncated": truncated},
            "report": {"title": self.title, "project_name": self.project, "department": self.department,
                       "region": self.region, "year": self.year},
            "budget": {"budget_yuan": _yuan(self.budget_wan), "executed_yuan": _yuan(self.executed_wan),
                       "execution_rate": self.rate, "funding_source": self.funding},
            "scores": {"indicators": [{"name": r.name, "weight": r.weight, "score": r.score} for r in self.rows],
                       "total_weight": 100 if self.rows else None, "total_score": self.total_score},
            "grade": {"stated": self.stated_grade, "derived": self.grade_for(self.total_score),
                      "bands": [{"grade": g, "min": lo, "max": hi} for g, lo, hi in self.bands]},
            "checks_must_pass": list(must_pass),
        }
        if must_fail:
            out["checks_must_fail"] = list(must_fail)
        if self.subs:
            out["subprojects"] = [{"name": s.name, "amount_yuan": round(s.wan * 10_000, 2),
                                   "items_yuan": [round(i.wan * 10_000, 2) for i in s.items]} for s in self.subs]
            out["contracts_yuan"] = [round(i.wan * 10_000, 2) for s in self.subs for i in s.items if i.contract]
        return out


def _yuan(wan: float | None) -> float | None:
    return None if wan is None else round(wan * 10_000, 2)


NATIONAL_BANDS = [("优", 90, None), ("良", 80, 90), ("中", 60, 80), ("差", None, 60)]
SHANGHAI_BANDS = [("优", 90, None), ("良", 75, 90), ("合格", 60, 75), ("不合格", None, 60)]

# A Shanghai-style evaluation report (the shape of the shared sample, different figures).
PROJECT = ReportFacts(
    key="project_shanghai", kind="project", title="社区卫生服务能力提升项目支出绩效评价报告",
    project="社区卫生服务能力提升项目", department="奉贤区卫生健康委员会", region="上海市奉贤区", year=2019,
    budget_wan=86.5, executed_wan=84.12, rate_text="97.25", funding="财政资金",
    rows=[Row("项目立项规范性", 5, 5, "项目决策"), Row("绩效目标合理性", 8, 7, "项目决策"),
          Row("预算执行率", 8, 7.7, "项目管理"), Row("资金使用合规性", 6, 6, "项目管理"),
          Row("管理制度健全性", 5, 4, "项目管理"), Row("实际完成率", 12, 11, "项目绩效"),
          Row("完成及时率", 10, 9, "项目绩效"), Row("质量达标率", 12, 12, "项目绩效"),
          Row("社会效益", 24, 21.5, "项目绩效"), Row("服务对象满意度", 10, 9, "项目绩效")],
    total_score=92.2, bands=SHANGHAI_BANDS, bands_stated=True, stated_grade="优",
    subs=[Sub("家庭医生签约服务", 46.5, [SubItem("签约服务信息系统运维", 30.5, True), SubItem("培训及宣传", 16)]),
          Sub("慢病筛查", 40, [SubItem("筛查服务", 40, True)])],
)

# A 2020 central-layout 项目支出绩效自评表 (DOMAIN.md §2.3).
SELF_ASSESSMENT = ReportFacts(
    key="selfeval_2021", kind="self_assessment", title="项目支出绩效自评表(2021年度)",
    project="农村饮水安全巩固提升工程", department="宁远县水利局", region="宁远县", year=2021,
    budget_wan=320, executed_wan=304.8, rate_text="95.25", funding="当年财政拨款", initial_wan=300,
    rows=[Row("预算执行率", 10, 9.5), Row("新建集中供水工程", 20, 20, "产出指标", "数量指标", "≥12处", "12处"),
          Row("水质达标率", 15, 14, "产出指标", "质量指标", "≥95%", "94%"),
          Row("工程按期完工率", 15, 15, "产出指标", "时效指标", "=100%", "100%"),
          Row("受益人口", 30, 28, "效益指标", "社会效益指标", "≥3.5万人", "3.3万人"),
          Row("群众满意度", 10, 9, "满意度指标", "服务对象满意度指标", "≥90%", "93%")],
    total_score=95.5, bands=NATIONAL_BANDS, bands_stated=False, stated_grade="优",
)

# A 财预〔2020〕10号 evaluation with the 决策/过程/产出/效益 three-level framework (DOMAIN.md §1.1).
_L3 = [
    ("决策", "项目立项", "立项依据充分性", 4, 4), ("决策", "项目立项", "立项程序规范性", 4, 4),
    ("决策", "绩效目标", "绩效目标合理性", 3, 2.5), ("决策", "绩效目标", "绩效指标明确性", 3, 3),
    ("决策", "资金投入", "预算编制科学性", 3, 3), ("决策", "资金投入", "资金分配合理性", 3, 2),
    ("过程", "资金管理", "资金到位率", 4, 4), ("过程", "资金管理", "预算执行率", 4, 3.4),
    ("过程", "资金管理", "资金使用合规性", 4, 4), ("过程", "组织实施", "管理制度健全性", 4, 4),
    ("过程", "组织实施", "制度执行有效性", 4, 3),
    ("产出", "产出数量", "实际完成率", 8, 8), ("产出", "产出质量", "质量达标率", 8, 7),
    ("产出", "产出时效", "完成及时性", 7, 6), ("产出", "产出成本", "成本节约率", 7, 7),
    ("效益", "项目效益", "社会效益", 10, 9), ("效益", "项目效益", "生态效益", 5, 4),
    ("效益", "项目效益", "可持续影响", 5, 5), ("效益", "满意度", "服务对象满意度", 10, 9),
]
THREE_LEVEL = ReportFacts(
    key="evaluation_three_level", kind="project", title="2021年度城乡环境综合整治项目绩效评价报告",
    project="城乡环境综合整治项目", department="临澧县住房和城乡建设局", region="临澧县", year=2021,
    budget_wan=500, executed_wan=430, rate_text="86.00", funding="财政资金",
    rows=[Row(name, w, s, l1, l2) for l1, l2, name, w, s in _L3],
    total_score=91.9, bands=NATIONAL_BANDS, bands_stated=False, stated_grade="优",
)


# Sichuan 2023 部门预算项目支出绩效自评表 (DOMAIN.md §1.3): 年初预算 / 调整后预算数 / 预算执行数, rows 总额 and 其中.
SICHUAN = ReportFacts(
    key="sichuan_selfeval_2023", kind="self_assessment", title="部门预算项目支出绩效自评表(2023年度)",
    project="乡村振兴衔接补助资金", department="剑阁县农业农村局", region="剑阁县", year=2023,
    budget_wan=150, executed_wan=141.6, rate_text="94.40", funding="财政资金", initial_wan=120,
    rows=[Row("预算执行率", 10, 9.44), Row("帮扶农户数", 20, 20, "产出指标", "数量指标", "≥", "户"),
          Row("项目验收合格率", 15, 15, "产出指标", "质量指标", "=", "%"),
          Row("资金拨付及时率", 15, 13, "产出指标", "时效指标", "≥", "%"),
          Row("带动农户增收", 30, 28, "效益指标", "社会效益指标", "≥", "元"),
          Row("受益群众满意度", 10, 9, "满意度指标", "服务对象满意度指标", "≥", "%")],
    total_score=94.44, bands=NATIONAL_BANDS, bands_stated=False, stated_grade=None,
)
SICHUAN_VALUES = {"帮扶农户数": ("1200", "1260"), "项目验收合格率": ("100", "100"), "资金拨付及时率": ("100", "86"),
                  "带动农户增收": ("1000", "930"), "受益群众满意度": ("90", "95")}

# Chongqing-style 部门整体绩效自评表: 指标权重 × 得分系数 = 指标得分.
_CQ = [("部门决策", "目标设定", "绩效目标合理性", 5, 1.0), ("部门决策", "预算配置", "财政供养人员控制率", 5, 1.0),
       ("部门管理", "资金投入", "预算执行率", 10, 0.9), ("部门管理", "财务管理", "资金使用合规性", 10, 1.0),
       ("部门管理", "资产管理", "资产管理规范性", 10, 0.8), ("部门产出", "职责履行", "重点工作任务完成率", 30, 0.95),
       ("部门效果", "履职效益", "社会效益", 20, 0.9), ("部门效果", "满意度", "服务对象满意度", 10, 0.9)]
DEPARTMENT = ReportFacts(
    key="chongqing_department_2021", kind="department", title="2021年度部门整体绩效自评表",
    project=None, department="重庆市璧山区科学技术局", region="重庆市璧山区", year=2021,
    budget_wan=None, executed_wan=None, rate_text=None, funding=None,
    rows=[Row(name, w, round(w * k, 2), l1, l2, target=f"{k:g}") for l1, l2, name, w, k in _CQ],
    total_score=92.5, bands=NATIONAL_BANDS, bands_stated=False, stated_grade="优",
)

# Hunan 项目支出绩效自评: 共性指标 30 + 特性指标 70 (DOMAIN.md §1.3).
_HN = [("共性指标", "项目决策", "项目立项规范性", 5, 5), ("共性指标", "项目决策", "绩效目标合理性", 5, 4),
       ("共性指标", "绩效目标", "绩效指标明确性", 10, 9), ("共性指标", "项目管理", "资金管理", 7, 6.5),
       ("共性指标", "项目管理", "项目执行", 3, 3),
       ("特性指标", "项目绩效", "数量", 5, 5), ("特性指标", "项目绩效", "质量", 5, 4),
       ("特性指标", "项目绩效", "时效", 5, 5), ("特性指标", "项目绩效", "成本", 5, 5),
       ("特性指标", "项目效益", "社会效益", 20, 18), ("特性指标", "项目效益", "可持续影响", 20, 17),
       ("特性指标", "项目效益", "服务对象满意度", 10, 9)]
HUNAN = ReportFacts(
    key="hunan_selfeval_2019", kind="self_assessment", title="2019年度农村公路养护项目支出绩效自评报告",
    project="农村公路养护项目", department="桃源县交通运输局", region="桃源县", year=2019,
    budget_wan=860, executed_wan=831.5, rate_text="96.69", funding="财政资金",
    rows=[Row(name, w, sc, l1, l2) for l1, l2, name, w, sc in _HN],
    total_score=90.5, bands=[("优", 90, None), ("良", 80, 90), ("合格", 60, 80), ("不合格", None, 60)],
    bands_stated=True, stated_grade="优",
)

# A third-party 重点评价 report whose summary states score and grade in prose only.
THIRD_PARTY = ReportFacts(
    key="third_party_2022", kind="project", title="2022年度城区生活垃圾分类处理项目重点绩效评价报告",
    project="城区生活垃圾分类处理项目", department="岳阳市城市管理和综合执法局", region="岳阳市", year=2022,
    budget_wan=2356.8, executed_wan=2101.45, rate_text="89.17", funding="市本级财政资金",
    rows=[], total_score=86.5, bands=NATIONAL_BANDS, bands_stated=False, stated_grade="良",
)
