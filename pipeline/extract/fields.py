"""Form fields: 'label | value' cells of self-assessment forms, in any of the text layouts
(one cell per line, pipes, spaces, or glued together by a scrape)."""
from __future__ import annotations

from functools import cache

import regex

from .context import Found

# Labels that open a new cell of a form; a field's value stops at the next one.
FORM_LABELS = [
    "项目名称", "转移支付(项目)名称", "转移支付名称", "专项资金名称", "专项(项目)名称", "专项名称", "负责人及电话", "主管部门", "中央主管部门", "地方主管部门", "项目主管部门",
    "实施单位", "项目实施单位", "实施部门", "项目实施部门", "资金使用单位", "项目承担单位", "承担单位", "预算单位", "预算部门", "项目单位", "单位名称", "部门名称", "部门(单位)名称", "单位(部门)名称", "项目资金",
    "资金投入情况", "年度资金总额", "项目负责人", "财务负责人", "联系人", "部门联系人", "联系电话", "自评得分", "自评总分",
    "财政审核评分", "年度总体目标", "项目基本情况", "预算执行情况", "填报单位", "评价机构", "委托单位", "项目类别",
    # (a city form's cell after the project's name: '项目名称 市管绿地养护 项目年份 2017'; the year a project began, as
    # often as the one evaluated, so no year of the record)
    "项目年份", "预算年份",
    "项目属性", "项目期", "索引号", "预算单位名称", "预算部门单位", "评价年度", "填报日期", "年度预算申请", "发布机构", "发文日期", "内容概述", "信息名称", "组配分类", "关键词",
    "项目主管单位", "主管单位", "项目单位名称", "部门(单位)全称", "单位全称",
    "主要内容",  # '项目名称…防治项目主要内容预防和控制…': the next cell of a 自评报告表
    # the Hebei form's first line: '项目名称: … 是否为专项资金: 实施(主管)单位 …-成安县民政局机关 金额单位: 万元'
    "是否为专项资金", "是否专项资金", "实施(主管)单位", "金额单位",
    # the 部门整体 form's cell after the unit's name ('部门(单位)名称岳阳县乡村振兴局预算编码422001')
    "预算编码", "预算代码", "单位编码", "单位代码",
    # the 整体支出绩效自评表's first cells ('评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0整体支出规模…')
    "评价部门名称", "下属单位个数", "整体支出规模",
    # a finance bureau's evaluation cover ('评价项目名称: … 评价项目金额: … 评价项目单位: 长沙市电子工业学校 项目主管部门: …')
    "评价项目名称", "评价项目金额", "评价项目单位", "评价项目类型",
    # the cover of a 财政支出项目绩效评价报告 ('主管部门 舟山市委宣传部 评价类型 事前评价□ … 评价方式 …')
    "评价类型", "评价方式",
    # a government portal's file card ('发文机关:白沙黎族自治县邦溪镇 成文日期:2025年04月10日 文 号:')
    "发文机关", "成文日期",
    # the rest of a portal's file card, whose pairs the normalised text glues once the spaces between them go
    # ('发布机构厦门市农业农村局文号', '发布机构…建设局责任部门…建设局关键字…')
    "文号", "下达文号", "发文文号", "责任部门", "关键字", "主题分类", "生成日期", "发布日期", "公开方式", "公开时限", "是否有效", "体裁分类",
]
_LABEL_ALT = "|".join(regex.escape(x) for x in sorted(FORM_LABELS, key=len, reverse=True))
# A value ends at the next label, a cell separator, a line's end, or a run of spaces or tabs (the gap a page
# puts between 'key:value' pairs on one line: '来源:临河区残联   录入:web').
# A table's header words end a value too: a scrape glues the form's last field to the table under it
# ('填报单位(盖章):新邵县图书馆一级指标二级指标…').
_TABLE_HEADER_WORDS = "一级指标|二级指标|三级指标|指标名称|年初预算数|全年预算数"
# a check box ('□ 3、一次性项目') opens the next cell of a form
# a clause's punctuation ends a name written in running text ('1、项目名称:国道110线…养护工程, 起点桩号k274+903,…')
# (an underscore: the blank a printed form leaves for the value, '项目单位 _温岭市养老服务指导中心_ 主管部门')
# (a footnote's mark, '…示范项目【注1】', ends the value it is set after)
_STOP = regex.compile(rf"(?:{_LABEL_ALT})|(?:{_TABLE_HEADER_WORDS})|【注|[|\n\f□☐☑■_]|[ \t\u3000]{{2,}}|[,;,;。](?!\d)")
# The key of the next 'key:value' pair of a line, glued to the value before it once the space between them is
# normalised away ('项目实施单位:会同县农业农村局组织单位:会同县财政局'): a word of 2–6 characters before a colon.
_KEY_BEFORE_COLON = regex.compile(r"\p{Han}{2,6}$")
_COLON = regex.compile(r"[::]")


def form_field(text: str, labels: list[str], max_len: int = 60, accept=None, not_after: str | None = None) -> Found | None:
    """The value of the first of `labels` that has one (and that `accept` takes): the text after it up to
    the next cell. Scrapes glue a label to the cell before it, so a label may follow any character, except
    the words `not_after` (the label is then part of another: '委托单位名称' is not '单位名称')."""
    for label in labels:
        pattern = _label_pattern(label, not_after)
        for m in pattern.finditer(text):
            start = m.end()
            stop = _STOP.search(text, start, min(len(text), start + max_len + 1))
            end = stop.start() if stop else min(len(text), start + max_len)
            if m["paired"]:  # '实施单位/项目负责人 | 原州区农技中心/杨勃兴': the value's first part is the label's
                slash = text.find("/", start, end)
                end = slash if slash >= 0 else end
            # a colon that ends the value is the next key's, cut with it ('…水利局浏览:' at a line's end)
            value = _before_next_key(text[start:end].strip(" |\t").lstrip("::"), accept).strip(" |::\t")
            if value and not regex.fullmatch(r"[\s|/—\-]*", value) and (accept is None or accept(value)):
                lead = text.index(value, start)
                return Found(value, lead, lead + len(value))
    return None


@cache
def _label_pattern(label: str, not_after: str | None) -> regex.Pattern:
    guard = rf"(?<!{not_after})" if not_after else ""
    # a key in a sentence takes its value with a copula ('该项目实施单位为区应急局', '专项资金名称为:市镇…'): the copula
    # and its colon are no part of it
    return regex.compile(rf"{guard}{regex.escape(label)}(?:\s*\((?:盖章|公章)\))?(?P<paired>{_PAIRED_KEY})?[\s|::_]*"
                         r"(?:(?:为|是(?!否))\s*[::]?\s*(?=\p{Han}))?")


# A second key sharing the cell, after a slash: its value follows the first's, after a slash too.
_PAIRED_KEY = r"\s*/\s*(?:项目)?(?:负责人|联系人|联系电话)(?:及(?:联系)?电话)?"


def _before_next_key(value: str, accept) -> str:
    """A value that runs into the next pair of its line ('会同县农业农村局组织单位:会同县财政局') ends where the
    next key begins: the longest head before the colon that the field still accepts once a key of a few
    characters is cut from it. Without a test of what the field holds, the key's start is unknown and the
    value is kept whole."""
    colon = _COLON.search(value)
    if not colon or accept is None:
        return value
    head = value[:colon.start()]
    for cut in range(len(head) - 2, max(len(head) - 7, 0), -1):
        if _KEY_BEFORE_COLON.fullmatch(head[cut:]) and accept(head[:cut]):
            return head[:cut]
    # a key a web page puts beside its source ('来源:台江县教育和科技单位 作者:台江县人民政府') ends the value
    # whether or not the field takes what stands before it: the author is no part of the source
    page_key = _PAGE_KEY.search(head)
    return head[:page_key.start()] if page_key else value


# The keys of a web page's line of facts about an item.
_PAGE_KEY = regex.compile(r"(?:作者|录入|编辑|责任编辑|审核|浏览(?:次数|人数)?|点击(?:数|量|率)?|字号|发布(?:时间|日期)|访问量)$")


def strip_code(value: str) -> str:
    """'219001-池州市贵池区棠溪镇人民政府' → the name; codes precede names in budget systems, and a cover
    form marks where the seal goes after it ('平泉市人民检察院 (公章)') or before it ('(公章)梅州市住房和城乡建设局')."""
    value = regex.sub(r"^\s*[((](?:公章|盖章|签章)[))]\s*|\s*[((](?:公章|盖章|签章)[))]\s*$", "", value)
    value = regex.sub(r"^[0-9A-Za-z]{3,}\s*[-—_:]\s*", "", value).strip()
    # a unit with the other name it also bears, in brackets ('亳州市应急管理局(亳州市地震局)'): the first name
    value = regex.sub(r"(?<=[局委办院厅处站所馆队心府])\s*\([^()]{2,20}(?:局|委|办|院|厅|处|站|所|馆|队|中心)\)$", "", value)
    # two cells holding the same unit run together ('广水市交通运输局 广水市交通运输局'): the unit once
    twice = regex.fullmatch(r"(?P<u>\S{2,30})\s*(?P=u)", value)
    return twice["u"] if twice else value
