"""Report metadata: title, project name, department, region, year, kind, date, cited rules."""
from __future__ import annotations

from collections import Counter

import regex

from ..numbers import parse_chinese_integer
from ..tables.grid import Cells
from .context import Context, Found
from .fields import FORM_LABELS, form_field, strip_code

# Title: a run of name characters ending in a report-type word.
_NAME_CHARS = r"(?:[\p{Han}\d()\-—–~、·〔〕A-Za-z“”‘’*]|(?<=关于)《|(?<=\d)\.(?=\d+(?:万|亿)?元)|(?<=\d)[#＃])"  # dashes: '2020—2023年…' names a period; quotes: '人民调解“以奖代补”专项经费'
# (asterisks: a site that publishes a report masks its unit's name, '2024年度****部门整体支出绩效自评报告'; a
# decimal point: the amount a title gives its funds, '…免费开放经费236.25万元部门整体支出绩效自评表'; a number sign
# after a figure, how works number their units, '1#2#污水处理站')
# '…绩效自评结果公开': how government sites publish a self-assessment
# ('…绩效评价结果的公示': a portal's notice publishing the result)
# ('2023年巽宅专项债券项目资金绩效评价公开': a portal's heading for what it publishes, the word right after 评价)
# ('关于2017年度项目绩效评价结果的说明': a unit's statement of its results is its report)
# ('关于《海北州…专项债券项目资金绩效评价》的报告': a letter reporting an evaluation it names in book-title marks)
_TITLE_END = r"(?:(?:绩效|考评|评价|评估|自评)[\p{Han}]{0,8}?(?:》的)?(?:报告|表|结果公开|情况公开|结果的?(?:公示|说明))|绩效(?:评价|自评)公开)(?:摘要)?"
# a title may carry its document's number after it ('…绩效再评价报告(江财评报告2021-18号)')
_OUTLINE_NUMBER = regex.compile(r"[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[.、](?!\d)")
_DOCUMENT_NO = r"\([^()\n]{0,20}?\d{1,4}号\)"
# a parenthesis inside a name is no note ('(注:以下内容为附件图片识别,个别文字可能不准确…)' stands before the title)
_TITLE = regex.compile(rf"(?<![\p{{Han}}\d()])(?:{_NAME_CHARS}|\((?!注|说明|备注|详见|请)[^()\n]{{1,60}}\)){{0,60}}?{_TITLE_END}"
                       rf"(?:\((?:\d{{4}}年度?|[\p{{Han}}()]{{2,24}})\)|{_DOCUMENT_NO})?")
_YEAR_SUFFIX = regex.compile(r"\s*\(\s*(\d{4})\s*年度?\s*\)")
# ('…报告书模板Word格式文档下载.docx': a document site's words for the file it offers)
_AGGREGATOR = regex.compile(r"(?:\((?:精选|通用)?\d+篇\)|篇\d+|\(修改\)|_第\d+页|(?:模板)?Word格式文档下载)$")
# a page that shows a document opens with its file's name ('河湖水系2022年整体绩效自评总结报告.docx')
_FILE_EXTENSION = regex.compile(r"\.(?:docx?|wps|pdf|xlsx?|txt)$", regex.IGNORECASE)

PROVINCES = ("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
             "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门").split()
_NOT_PLACE = ("社区", "小区", "园区", "景区", "片区", "校区", "库区", "厂区", "辖区", "市区", "城区", "城市", "超市",
              "都市", "本市", "全市", "全县", "全区", "我县", "我市", "我区", "本县", "本区", "县区")
# the kinds of city a campaign makes of one ('创建文明城市', '数字化城市管理', '海绵城市建设'): words, no city's name, where
# a real city's name ending in 城市 has a proper name before it (晋城市, 盐城市)
_CITY_CAMPAIGN = regex.compile(r"(?:文明|智慧|海绵|数字化?|园林|卫生|森林|宜居|生态|旅游|韧性|新型|低碳|健康|平安|法治|美丽|无废|节水|"
                               r"双拥|创新型?)城市$")
# a place's lowest level that ends in one of these is a part of a town or a site, not a county ('城关镇社区')
# ('宽地坝林区': a forest's tract; 神农架林区, the one county-level forest district, is named in full)
_NOT_PLACE_ENDINGS = ("社区", "小区", "景区", "片区", "校区", "库区", "厂区", "辖区", "林区")  # not 园区: 下花园区 is a district
# What follows a province's short name: 广西壮族自治区, 宁夏回族自治区 before the bare 自治区.
PROVINCE_SUFFIX = r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)"
_PLACE_CHAR = r"(?:[^\P{Han}我元每个]|(?<![万亿千百])元)"
_NOT_A_CITY_WORD = r"(?!容|场|政(?=工程|设施|管理|道路|公用|建设|养护)|民(?=中心|服务|卡|广场|公园|之家))"
_PLACE = regex.compile(
    r"(?:(?P<prov>" + "|".join(PROVINCES) + r")" + PROVINCE_SUFFIX + r"?)?"
    # '我区', '…万元由我区', '56个社区': words, no place ('广元市', '元谋县': 元 of a name, not of 万元)
    # ('闵行区市容环境卫生管理所', '某县市场监督管理局': 市容, 市场, 市政 are words after the place, no city's level)
    # ('泸县城市生活垃圾…': a county's 县城 before 市 of 城市, no city: no city's name holds 县)
    # ('黔南布依族苗族自治州': an autonomous prefecture named with its peoples, two of them at times)
    rf"(?P<city>(?:(?!县){_PLACE_CHAR}){{2,10}}?自治州|(?:(?!县){_PLACE_CHAR}){{2,4}}?(?:市{_NOT_A_CITY_WORD}|州|地区|盟))?"
    # '城市智脑', '城市管理': the word for a city, no city's name
    # '会同自治区财政厅': 会同 ('together with') before the region's level word, no county
    # ('龙感湖管理区', '长岛综合试验区': county-level zones named by what they were set up as)
    rf"(?P<county>{_PLACE_CHAR}{{2,8}}?自治[县旗]|{_PLACE_CHAR}{{2,4}}?(?:管理区|综合试验区)|(?!城市)(?!\p{{Han}}{{0,2}}自治区){_PLACE_CHAR}{{1,4}}?(?:区|县|旗|市{_NOT_A_CITY_WORD}))?")
# 指挥部: a county's standing command (人居环境指挥部) that holds its own funds; 街道: a sub-district office, never
# the street of a works project ('街道改造', '街道亮化')
# ('地方政府专项债券', '省政府专项债券', '政府性基金', '政府采购': the kind of money or of buying, no unit; '农村厕所': a 所
# that is no institute)
ORG_SUFFIX = (r"(?:"
              # a government's office in another city is a unit of its own ('市人民政府驻北京联络处', '…政府驻上海办事处')
              r"(?:人民政府|政府)驻\p{Han}{2,8}?(?:联络处|办事处|联络办)|"
              r"委员会|管理委员会|管委会|管理局|局|委|办公室|办事处|办|中心|人民政府|(?<!地方|数字|智慧|电子)政府(?!专项债|债券|性基金|采购|购买)|(?<!中小)学校|中学|(?<!中)小学|幼儿园|医院|研究院|院|"
              r"(?<!厕)所|站|馆|"
              # a broadcaster or an observatory ('保山市广播电视台', '某县气象台'), never a platform (平台), a weather station's
              # works (气象台站) or a radio station being built (应急广播电台)
              r"(?:广播)?电视台|气象台(?!站)|天文台|"
              r"残联|政协|团委|妇联|总工会|大队|支队|队|处|厅|协会|联合会|联合社|指挥部|"
              # the people's organisations by their short names ('湖南省侨联', '某市科协'), and the Red Cross
              r"侨联|科协|文联|工商联|红十字会|慈善总会|"
              # a leading group that holds a sector's funds ('临澧县烟叶生产领导小组'); a state forest farm ('海口林场')
              r"领导小组|林场|"
              # a party committee's departments ('舟山市委宣传部') and its school ('中共中山市委党校')
              r"宣传部|组织部(?!署)|统战部|武装部|党校|"
              r"(?<![镇乡各])街道(?!改造|硬化|亮化|绿化|美化|保洁|清扫|照明|整治|维修|建设|管理|办|党))")
_ORG = regex.compile(rf"[\p{{Han}}()]{{2,20}}?{ORG_SUFFIX}(?![\p{{Han}}]{{0,1}}(?:关于|印发))")
_ACTION = r"(?:每年)?(?:安排|实施|负责|承担|组织实施|具体实施|牵头|会同|联合)"
# The action may be dated: 'XX局于2023年3月组织实施…'.
# '南京市教育局决定对2018年学前教育三项工程实施奖补': the unit that decides to carry the works out
_ACTION_AFTER = regex.compile(rf"(?:于(?:19|20)\d{{2}}年(?:\d{{1,2}}月)?(?:至\d{{1,2}}月)?)?(?:{_ACTION}|决定(?:对|在|实施|开展))")


# A cell that heads a column ('金额(万元)', '序号'): '项目名称' is then a column of a table, not a form's field.
_HEADER_CELL = regex.compile(r"^\s*(?:金额|资金|预算|序号|数量|单位|合计|备注)|\((?:万元|元|亿元)\)")
# Units that write reports about others' projects: a signature or a 简称 of theirs is not the department.
# (分所: a firm's branch; 评审: a review centre) — the firms, and the finance bureaus that commission them
_FIRM_WORDS = r"事务所|分所|公司|咨询|评估|评审|研究院"
_EVALUATOR = regex.compile(rf"{_FIRM_WORDS}|财政局|财政厅")
# A value that opens on a section heading's word or says something of a unit: prose, not a unit's cell.
# ('项目实施单位严格按照县财政局…': a clause after the key, which a bureau's name ends)
# the words a clause opens with, never a unit's name ('按照…', '严格…')
_CLAUSE_OPENING = r"按照|根据|依据|严格|及时|认真|积极"
_HEADING_OR_SENTENCE = regex.compile(rf"^(?:基本情况|概况|情况|简介)|隶属|负责|主要职能|^\p{{Han}}{{0,4}}?(?:{_CLAUSE_OPENING})")
# The form cells for the unit that carries a project out, or fills its form in, which may be a state company.
# a cell or clause naming each of several units ('分别为A公司和B公司'): no one department
# (和平 opens a place's name: '沈阳市公安局和平分局')
_SEVERAL_UNITS = regex.compile(rf"^分别|(?:{ORG_SUFFIX}|公司)(?:和(?!平)|及|与)\p{{Han}}{{2,}}?(?:{ORG_SUFFIX}|公司)")
_IMPLEMENTER_CELLS = frozenset({"实施单位", "项目实施单位", "项目承担单位", "承担单位", "项目单位名称", "项目单位",
                                "填报单位", "填表单位"})
# A company by its name's end, and the trades that write evaluations for others. Only a state enterprise that carries
# public works out is a department (a city's investment or construction platform, its bus, water or gas company); a
# contractor, a supplier or a subsidised firm in the same cell is not ('湖南某某路桥建设有限公司', '某某农业开发有限公司').
_COMPANY = regex.compile(r"(?:公司|集团)$")
_STATE_ENTERPRISE = regex.compile(r"城投|城建投|城市建设投资|投资(?:建设|发展|开发|经营|控股|集团|有限)|国有|国资|建设发展|"
                                  r"发展集团|产业发展|公共汽车|公交|水务|水发|供水|燃气|热力|排水|交通投资|文化旅游投资|"
                                  r"(?:开发区|园区|工业园)\p{Han}{0,6}(?:投资|开发|建设)")
_EVALUATOR_TRADE = regex.compile(r"事务所|咨询|评估|评价|造价|审计|会计|税务|项目管理|工程管理")


# Where the text names the evaluated project or the unit that runs it (DOMAIN.md §2.1 outlines).
# '对“XX项目”进行绩效评价': the object of the evaluation sentence.
# '对2023年度残保金专项项目的投入、过程、产出与效益等方面进行了总体分析评价': the aspects evaluated may stand between
# (its year dates it, as a title's does: not part of the name)
# '对我单位负责的南川区2019年市级农业综合开发补助资金项目开展了重点绩效评价': who is responsible for it may stand before
# the name, and the year may stand inside it, after its place
_EVALUATED_PROJECT = regex.compile(r"对(?:我单位负责的|[我本](?:单位|局|委)的)?[“\"]?(?:(?:19|20)\d{2}年度?)?"
                                   # ('对2022年度城乡居保市级补贴使用情况开展了…评价': a subsidy is named as such)
                                   # (a subsidy only where its use is what is evaluated, never a survey of who got it: '对领取…
                                   # 补贴的农户开展了满意度评价')
                                   r"((?:\p{Han}{2,8}[区县市](?:19|20)\d{2}年度?)?(?:[\p{Han}()]{4,40}?(?:项目|经费|资金|工程)"
                                   r"|(?:(?!的|领取|发放)[\p{Han}()]){4,30}?补贴(?=的?(?:使用|管理|实施)情况)))[”\"]?"
                                   # the aspects evaluated may follow the name with no 的 ('…项目资金投入情况、绩效目标完成
                                   # 情况等进行了自评'), and a self-assessment is an evaluation too
                                   # (the name runs on over its own words: '…工程项目资金投入情况' is of '…工程项目')
                                   r"(?:的?(?!项目|经费|资金|工程)[^。;\n]{0,30}?)?(?:进行了?|开展了?)[\p{Han}]{0,6}?(?:评价|自评)")
# '对2019年度天津市交通运输委员会的“村村通客车市级以奖代补”项目开展了绩效评价': the quoted name after the unit whose
# it is, the kind of funds outside the quotes
_EVALUATED_QUOTED = regex.compile(rf"对(?:(?:19|20)\d{{2}}年度?)?(?:[\p{{Han}}]{{2,24}}?{ORG_SUFFIX}的)?[“\"]([^”\"\n]{{4,30}})[”\"]"
                                  r"(?:项目|专项资金|资金|经费)?(?:的?[^。;\n]{0,30}?)?(?:进行了?|开展了?)[\p{Han}]{0,6}?(?:评价|自评)")
# '本项目为2022年农村饮水工程维修养护项目,…': the report says which project it is, by its dated name
_THIS_PROJECT_IS = regex.compile(r"本项目(?:为|是|系)(?:19|20)\d{2}年度?([\p{Han}()]{4,40}?(?:项目|工程))(?=[,,。;])")
# '(一)项目概况 XX项目是…': the overview's first sentence names the project as its subject.
# ('(一)项目概况 科技专项资金是由市级财政安排…': a special fund named as the subject, its name more than money's)
_OVERVIEW_PROJECT = regex.compile(
    r"(?:项目概况|项目基本情况)\)?\s*\n?\s*((?!(?:财政)?专项(?:资金|经费)(?:是|为|系))"
    r"(?:[\p{Han}()]{4,30}?(?:项目|工程(?:\([一二三四五六七八九十]期\))?)|[\p{Han}()]{2,30}?专项(?:资金|经费)))"
    # the short name the text then uses may stand before the verb ('专项业务经费项目(以下简称“本项目”)系依法列入…')
    r"(?:\((?:以下)?简称[^()\n]{1,12}\))?(?:是|为|系)")
# '本次评价对象是2009年福建省就业专项资金中用于…的支出绩效': what the evaluation says it is of
# '…关于2020年度“市场化运作费项目”的整体实施管理情况': a project quoted after its year, as evaluators name what they evaluate
_QUOTED_YEAR_PROJECT = regex.compile(r"(?:19|20)\d{2}年度?[“\"]((?:(?![”\"])[\p{Han}()]){2,30}?项目)[”\"](?![、,,]?\s*[“\"]|等)")
_EVALUATION_OBJECT = regex.compile(r"评价对象(?:是|为)(?:(?:19|20)\d{2}年度?)?((?:(?!的)[\p{Han}()]){4,40}?(?:项目|专项资金|资金|经费|工程))")
# A sentence whose subject is the project or fund and whose verb states its budget ('2017年度山东省城镇和困难工矿区老旧
# 住宅小区整治改造补助资金预算总额为59000万元', '2020年我单位农村公路养护项目支出预算共602.6167万元'): the last resort
# of a report whose title names none. The year dates it, and 'we' are who holds it: neither is the name. (A scrape
# glues the sentence to its heading: '(一)项目支出资金概况2020年我单位…')
_BUDGETED_PROJECT = regex.compile(
    r"(?:^|(?<=[\n。;]|概况|情况))[ \t]*(?:(?:19|20)\d{2}年度?)?(?:[我本](?:单位|局|委|院|所|站|中心|部门)+)?"
    r"([\p{Han}()]{4,40}?(?:项目|工程|专项资金|补助资金|资金|经费))(?:的)?(?:支出)?预算(?:总额|资金|金额|数)?(?:共计|合计|共|为|是)",
    regex.M)
# 'XX局2021年度…项目…报告' / 'XX局关于…': a title that opens with the unit (a year may come first).
# 管理/处置/处罚 after a unit word are its activity, not the unit ('局' in '…管理局' is fine).
_TITLE_UNIT = regex.compile(
    rf"(?:(?:19|20)\d{{2}}|[○〇O]{{2}})?年?度?([\p{{Han}}]{{2,20}}?{ORG_SUFFIX})(?![理置罚])"
    rf"(?=(?:19|20)\d{{2}}(?:年|(?=\p{{Han}}))|\(|中央|关于|[\p{{Han}}()、]*?(?:项目|资金|经费|整体|支出|预算执行|部门评价|转移支付))")  # '图书、报刊购置项目'
_POLICY_VERB = regex.compile(r"健全|完善|建立|加强|推进|提升|推动|促进|实施|开展|支持|扶持|改善|创建")  # (not 发展: 发展和改革局)
_UNIT_GOES_ON = regex.compile(r"\p{Han}{1,3}?(?:站|所|馆|院|队)(?=(?:19|20)\d{2}年|项目|资金|经费|整体|支出)")
# '该项目由XX局组织实施': the unit before an action verb.
_RUN_BY = regex.compile(rf"由([\p{{Han}}]{{2,24}}?{ORG_SUFFIX})(?:作为[\p{{Han}}]{{2,6}}?)?{_ACTION}")
# '对XX局XX经费进行绩效评价': the unit whose funds are evaluated.
_EVALUATED_UNIT = regex.compile(
    rf"对([\p{{Han}}]{{2,20}}?{ORG_SUFFIX})(?:(?:19|20)\d{{2}}年度?)?(?:[\p{{Han}}\d]{{2,30}}?(?:经费|资金|项目))"
    rf"(?:进行了?|开展了?)(?:重点|综合)?(?:绩效)?评价")
# '评价工作组成员到秦皇岛市北戴河区海浴场服务中心进行了现场座谈': the unit an evaluator's team visits on site is the one
# evaluated (a unit named with its place, so no clause word is taken for it)
_VISITED_UNIT = regex.compile(rf"(?:工作组|评价组|专家组|评价小组|工作人员|成员)[^。\n]{{0,6}}?(?:到|赴|深入)"
                              rf"((?:[\p{{Han}}]{{2,8}}?[省市县区州旗])[\p{{Han}}]{{2,24}}?{ORG_SUFFIX})"
                              rf"(?:进行了?|开展了?)?(?:现场|实地)")
# '市交通运输局对2021年度…建设实施情况进行了绩效自查自评': the unit that assesses its own work is the
# report's department (自评 / 自查 is done by the unit itself; an outside evaluator 评价s).
# ('…文件要求,阿拉善左旗乌力吉苏木人民政府开展并完成了本部门…绩效自评工作': the unit that carries out its own)
_SELF_ASSESSING_UNIT = regex.compile(
    rf"(?:^|(?<=[\n。;,:!、]))([\p{{Han}}]{{2,24}}?{ORG_SUFFIX})(?:对[^。\n]{{2,60}}?(?:进行了?|开展了?|组织了?)"
    rf"|(?:组织)?开展(?:并完成)?了?(?:本部门|本单位)[^。\n]{{0,40}}?)[\p{{Han}}]{{0,6}}?(?:自评|自查)")
# A unit heading a sentence or clause: '金山区科学技术委员会每年安排…', '县政协坚持…'.
# the year of a unit's own budget, staff or whole income and spending, after its name ('…储备局2024年年初预算项目共14个',
# '…委员会部门2021年末实有人员编制20人'); never a superior's investment plan (预算内投资) nor one figure it spent
_OWN_YEAR_AFTER = (r"(?:部门)?(?:19|20)\d{2}年(?:度|末|初)?(?:年初预算|部门(?:预算|决算)|末?实有人员|人员编制|"
                  r"(?:部门)?(?:预算|决算)?(?:收入|支出)(?:总计|合计|总额)|预算(?!内))")
# (a year after the unit opens what it says of itself, where its own budget or staff follow)
_SENTENCE_HEAD_UNIT = regex.compile(rf"(?m)(?:^|(?<=[\n。;,:!]))([\p{{Han}}]{{1,18}}?{ORG_SUFFIX})(?=[\p{{Han}}]|{_OWN_YEAR_AFTER})")
# '祁东县农业农村局(以下简称“县农业农村局”)': the unit the text defines a short name for.
_SHORT_NAMED_UNIT = regex.compile(rf"([\p{{Han}}]{{2,24}}?{ORG_SUFFIX})\s*\((?:以下简称|下称|简称)")
# The signature: a unit alone on its line, above the date.
_SIGNATURE = regex.compile(rf"(?m)^[ \t]*([\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})[ \t]*\n\s*(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日\s*$")
# '项目实施单位为XX局' / '项目实施主体为…' / '由…': a unit named by its role in a sentence; the unit that
# carries the project out first, its supervising department only where no such unit is named.
# … and the verbs and prepositions a role word may run into ('实施单位会同…局', '实施单位对…')
_CLAUSE_WORD = rf"(?:{_CLAUSE_OPENING}|通过|对|向|将|会同|协调|联合|配合|协助|指导|督促|组织|委托)"
_UNIT_AFTER = rf"\s*(?:为|是|系|:)\s*([\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})(?=[,。;、,\s(]|负责|$)"
# the words a form or a sentence names the unit that carries a project out by
_IMPLEMENTER_ROLE = r"实施单位|实施主体|建设单位|项目法人|项目业主(?:单位)?|业主单位|项目单位|责任单位|承担单位"
_ROLE_SENTENCES = [
    regex.compile(rf"(?:项目)?(?:牵头)?(?:{_IMPLEMENTER_ROLE}){_UNIT_AFTER}"),
    regex.compile(rf"(?:项目)?主管(?:部门|单位){_UNIT_AFTER}"),
    # the role word run straight into the unit, with its place, that acts ('项目实施主体保山市文化和旅游局于10月20日便启动…')
    # (never a clause after the role word that a bureau ends: '实施单位严格按照县财政局…')
    regex.compile(rf"(?:项目)?(?:实施单位|实施主体|建设单位|项目法人|项目业主(?:单位)?|承担单位)(?:即)?(?!\p{{Han}}{{0,6}}?{_CLAUSE_WORD})"
                  # (one unit: '…城市管理局和太湖县…服务中心于…' names two, '…文化和旅游局' one)
                  rf"(\p{{Han}}{{1,8}}?[省市县区州旗](?:(?![和与及、]\p{{Han}}{{0,8}}?[省市县区州旗])\p{{Han}}){{1,24}}?{ORG_SUFFIX})"
                  rf"(?=于|在|[,。;])"),
    # the unit whose project an evaluation is of ('…引入第三方机构…对天津市教育委员会“2021年市属高校建设世界一流学科补助”项目开展了
    # 绩效评价'): never the finance bureau or the evaluator that writes the sentence
    regex.compile(rf"对((?![\p{{Han}}]{{0,12}}财政[局厅])[\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})(?:的)?[“\"][^”\"\n]{{4,40}}[”\"]"
                  rf"(?:项目|专项资金|资金)?(?:开展|进行)了?(?:重点)?(?:绩效)?评价"),
    # the unit the funds are allotted to ('自治区广电局每年均为林芝市广电局下达村村通维护经费'): the one that runs them
    # ('资金来源为重庆市财政局下达的…': a copula there, the issuer named; a finance bureau runs no project)
    regex.compile(rf"(?<!来源|来自|资金|经费)为((?![\p{{Han}}]{{0,12}}财政[局厅])[\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})"
                  rf"(?:下达|拨付|安排)[^,。;]{{0,30}}?(?:资金|经费)"),
    # a fund the finance bureau manages together with a department ('该专项资金由山东省财政厅和山东省住房和城乡建设厅按职责
    # 分工共同管理'): the department's, the finance bureau's share being the money's
    # (a branch reset: the department is group 1 in either order)
    regex.compile(rf"(?|由\p{{Han}}{{0,12}}?财政[局厅](?:和|与|、|会同)((?!\p{{Han}}{{0,12}}财政[局厅])[\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})"
                  rf"(?:按职责分工)?(?:共同)?(?:管理|负责)"
                  rf"|由((?!\p{{Han}}{{0,12}}财政[局厅])[\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})(?:和|与|、)\p{{Han}}{{0,12}}?财政[局厅]"
                  rf"(?:按职责分工)?(?:共同)?(?:管理|负责))"),
]
# '我局', '本单位', '各乡镇人民政府', '有关部门': words that stand for units, not names of one.
# (全州县, 本溪市 are places: only the pronoun forms are excluded.)
# ('对省人民代表大会及其常务委员会负责': the unit a clause's preposition governs, not a unit heading the clause)
_NOT_A_UNIT = regex.compile(r"^(?:我|每|对|[本该](?:单位|部门|局|委|院|中心|级|所)|各|全(?:县|市|区|省|国)|有关|相关|上级|下级|所属|其他)"
                           # a clause that ends on 'our office' ('全部用于我处'): no unit's name holds 我
                           r"|^.*我"
                           # a procedure's clause ('由股室申请经办公室负责人核实'): who applies and through whom, no name (审批 is: '行政审批局')
                           r"|^.*(?:申请|报经)")
# A page's 'key value' line at the top ('发布机构 某市农业农村局', its space normalised away) is no letterhead.
_LETTERHEAD_KEYS = tuple(FORM_LABELS) + ("发布机构", "来源", "信息来源")
# The issuing unit printed alone on the first line, above the title.
# ('目 录' / '湖南省人民检察院': a table of contents' heading a scrape put first, the unit under it)
_LETTERHEAD = regex.compile(rf"\A\s*(?:目\s*录[ \t]*\n\s*)?([\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})[ \t]*\n")
# A document cited in the text ('《湖南省财政厅关于…的通知》'): its issuer is not the report's unit or place.
CITED_DOCUMENT = regex.compile(r"《[^《》\n]{2,80}》")


_PART_THEN_SECTION = regex.compile(r"第[一二三四五六七八九十\d]{1,3}部分[^、\n]{2,40}?[一二三四五六七八九十]{1,2}、")


def _clean_title(t: str) -> str:
    # a document's number in a list of them ('1、宝坻区2019年…绩效评价报告') is not part of its title
    # (asterisks around a title are markup: '**2022年…报告**')
    # (a part of a larger document may stand before it: '第五部分 附件 邵阳市…局2021年度…报告')
    # (and a document site's page number before it: '1 湖南省 2016 年度…报告', its space normalised away)
    # ('1、 1 湖南省…': the list's number, then the page's)
    t = regex.sub(r"^(?:第[一二三四五六七八九十\d]{1,3}部分\s*)?(?:附件\d*[::]?|附表[一二三四五六七八九\d]*(?:\(范例\))?|\d{1,2}(?:、|\.(?!\d)))",
                  "", t.strip(" |*"))
    # a final-accounts document's part on its evaluations, then the first report in it ('第四部分2023年度…绩效评价情况一、非洲猪瘟
    # 项目支出绩效评价报告'): the report's own title is the one after the part's heading
    part = _PART_THEN_SECTION.match(t)
    if part and _TITLE.fullmatch(t[part.end():]):
        t = t[part.end():]
    page = regex.match(r"\s*\d{1,2}\s*(?=\p{Han})", t)
    if page and (place := place_of(t[page.end():])) and t.startswith(place, page.end()):
        t = t[page.end():]  # ('3座水库…', '6所学校…': a count, no page)
    t = regex.sub(rf"(?<={_TITLE_END}){_DOCUMENT_NO}$", "", t)
    t = regex.sub(r"^[^()]*\)", "", t)  # the tail of a note closed before the title ('请以附件为准)部门预算…')
    if _FILE_EXTENSION.search(t):
        # a file's name joins its parts with an underscore ('…补助资金_自评报告.pdf'): one title
        t = regex.sub(r"(?<=\p{Han}|\))_(?=\p{Han})", "", t)
    if len(_DOUBLED_RUN.findall(t)) >= 2:  # (once may be a unit before a project named after it: '…永定区图书馆永定区图书馆图书…')
        t = _DOUBLED_RUN.sub(r"\1", t)
    return _AGGREGATOR.sub("", _FILE_EXTENSION.sub("", t)).strip()


# a run printed twice over itself, as a PDF's fake bold draws its text twice ('20152015年度省级矿产资源勘查开发与年度省级
# 矿产资源勘查开发与…'): a year or four characters and more, twice or more in the title, as no title repeats itself
_DOUBLED_RUN = regex.compile(r"(\p{Han}{4,}?|(?:19|20)\d{2})\1")


# A self-assessment published as its result ('2022年度校园维修改造与设备购置项目自评结果', '…农业农村委员会2019年度
# 项目资金重点绩效评价结果'): a title only as a line of its own naming the year and the project, never '四、评价结果'
# heading a section.
# ('…补助资金项目绩效重点评价结论': a finance bureau publishing the conclusion of its key evaluation)
_RESULT_END = r"(?:绩效)?(?:重点)?(?:自评|评价)(?:结果|结论)"
_RESULT_TITLE = regex.compile(rf"{_NAME_CHARS}{{0,30}}?(?:19|20)\d{{2}}年度?{_NAME_CHARS}{{2,40}}?(?:项目|资金|经费){_NAME_CHARS}{{0,10}}?"
                              rf"{_RESULT_END}")


# A transfer payment's self-assessment as a ministry publishes it ('中央引导地方科技发展资金2021年度绩效自评情况'): a
# title only as a line of its own that names the funds before the year, never '三、绩效评价情况' heading a section.
_SITUATION_TITLE = regex.compile(rf"{_NAME_CHARS}{{2,40}}?(?:项目|资金|经费){_NAME_CHARS}{{0,6}}?(?:19|20)\d{{2}}年度?"
                                 rf"绩效(?:自评|评价)情况")


_BARE_RESULT = regex.compile(rf"(?:项目)?(?:支出)?{_RESULT_END}")
# A cover's heading may call the document the materials of a self-assessment ('2020年度市级财政资金整体支出' over
# '绩效自评材料'): a title only as a heading line of its own, never inside a sentence ('报送绩效自评材料').
_MATERIALS_END = r"绩效(?:自评|评价)材料"
_MATERIALS_TITLE = regex.compile(rf"{_NAME_CHARS}{{0,60}}?{_MATERIALS_END}")


# A self-assessment form's own heading, the template's words with the year it covers in brackets on its line or the
# next ('项目支出绩效自评表' / '(2022年度)'), right above the form's first cell (项目名称): the document's title, over the
# headline a portal or a site set above it ('天长市水利局水旱灾害防御股项目支出绩效自评').
_FORM_HEADING = regex.compile(r"(?m)^[ \t|]*(?P<name>\p{Han}[\p{Han}()]{1,40}?自评表)[ \t|]*\n?[ \t|]*"
                              r"(?P<year>\(\s*(?:19|20)\d{2}\s*年度?\s*\))")
_FORM_FIRST_CELL = regex.compile(r"(?:^|(?<=[\s|]))项目名称")
_FORM_HEADING_REACH = 3000
_FIRST_CELL_REACH = 200
# a report's first section ('一、项目概况'), or a paragraph of its prose ('…对蔬菜质量安全追溯体系建设项目开展了绩效自评,
# 自评表如下。'): a form after it is attached to the document, not the document
_FIRST_SECTION = regex.compile(r"(?m)^[ \t]*(?:一、|[((]一[))])|^[^\n]{20,}。[ \t]*$")


def _form_heading(text: str) -> Found | None:
    for m in _FORM_HEADING.finditer(text, 0, _FORM_HEADING_REACH):
        if _FIRST_SECTION.search(text, 0, m.start()):
            return None
        if _FORM_FIRST_CELL.search(text, m.end(), m.end() + _FIRST_CELL_REACH):
            return Found(m["name"] + regex.sub(r"\s", "", m["year"]), m.start("name"), m.end("year"))
    return None


_A_REPORT = regex.compile(r"报告(?:\([^()]{1,40}\))?$")


def find_title(ctx: Context) -> Found | None:
    title = _title_but_the_form(ctx)
    form = _form_heading(ctx.text)
    # A report with its form attached keeps the report's title: the form is a part of it. So does a form whose own
    # title row names it, above the template's heading ('保定市…农村生活垃圾治理项目支出绩效自评表' over '项目支出绩效自评表' /
    # '(2021年度)'), where no site's words stand between them: a document site's name for a file it lists ('…自评表' /
    # '上传者:… 页数:2') is not the document's.
    if form is None or title is None or _A_REPORT.search(title.value):
        return title or form
    if title.end <= form.start and _names_its_form(title.value) and not _SITE_WORDS.search(ctx.text, title.end, form.start):
        return title
    return form


def _names_its_form(title: str) -> bool:
    return title.endswith("表") and not is_generic_title(title)


def _title_but_the_form(ctx: Context) -> Found | None:
    title = _find_title(ctx)
    if title is not None and title.value.endswith("公开"):
        # a portal's heading for what it publishes ('2022年度德钦县图书馆部门整体支出绩效自评公开'): the document's own
        # title under it, where it prints one, is the title
        title = _specific_title_below(ctx.text, title.end) or title
    if title is not None and is_generic_title(title.value):
        return _specific_title_glued(ctx.text, title.end) or _specific_title_below(ctx.text, title.end) or title
    return title


# A document site's copy number after the generic name it stored a file under ('文档介绍:项目绩效评价报告(2)'), with
# the document's own heading run on after it ('…(2)阿坝县2016年草原生态奖补项目支出绩效评价报告一、项目基本情况…')
_COPY_NUMBER = regex.compile(r"\s*[((]\d{1,2}[))]\s*")
_GLUED_TITLE_REACH = 120


def _specific_title_glued(text: str, after: int) -> Found | None:
    """The document's own heading right after a generic title and the copy number a site gave it."""
    number = _COPY_NUMBER.match(text, after)
    if number is None:
        return None
    m = _TITLE.match(text[number.end():number.end() + _GLUED_TITLE_REACH])
    if m is None or "\n" in m[0] or is_generic_title(m[0]):
        return None
    return Found(_clean_title(m[0]), number.end(), number.end() + m.end())


# a template's note after its heading ('部门整体绩效自评报告 (参考格式)'): the form it is, no name
_TEMPLATE_NOTE = regex.compile(r"\s*[((](?:参考格式|参考样式|格式|样式|样表|范本|模板|范例)[))]$")


def is_generic_title(title: str) -> bool:
    return bool(_GENERIC_TITLE.fullmatch(_TEMPLATE_NOTE.sub("", regex.sub(r"\s", "", title))))


# A title in a template's words alone ('2023年度财政支出专项资金绩效评价自评报告', a page's or a form's heading): it
# names no project, unit or place, where the document's own heading further down does ('2021 年度精防科精神卫生工作
# 专项资金' / '绩效自评报告', under a cover form).
_GENERIC_TITLE = regex.compile(r"(?:(?:19|20)\d{2}年度?|财政|支出|专项|资金|经费|项目|部门|单位|整体|预算|绩效|评价|自评|报告|表|的)+")
# how far below a template's heading the document's own may stand (characters: a cover form lies between)
_OWN_TITLE_REACH = 2000


# what a document site prints around a file it shows, never in a title
_SITE_WORDS = regex.compile(r"下载|上传|文件列表|分享|预览|浏览|点击|收藏|举报|登录|注册|首页|文档|网站|栏目|阅读|打印|页数|大小")


def _specific_title_below(text: str, after: int) -> Found | None:
    previous: tuple[str, int] | None = None
    for line, s in _lines_but_catalogue(text[:after + _OWN_TITLE_REACH], after):
        cleaned = _clean_title(s)
        squashed = regex.sub(r"\s", "", cleaned)
        if previous is not None and regex.sub(r"[\s|::]", "", previous[0]) in FORM_LABELS or regex.match(r"附[件表]", s):
            pass  # a form's cell under its label ('项目名称' / '2020年省级…补助经费支出绩效自评表'), an attachment: no heading
        elif _TITLE.fullmatch(squashed):
            name = _BARE_TITLE_END_AT_END.sub("", squashed)
            if len(name) > _FRAGMENT_NAME:
                if not _GENERIC_TITLE.fullmatch(squashed):
                    return Found(squashed, line.start(), line.end())
            # the title set over two lines: its name on the line above ('2021 年度精防科…专项资金' / '绩效自评报告'),
            # never a site's words ('下载得到文件列表')
            elif previous is not None and _HEADING_LINE.fullmatch(previous[0]) and not _SITE_WORDS.search(previous[0]):
                joined = regex.sub(r"\s", "", previous[0]) + squashed
                if not _GENERIC_TITLE.fullmatch(joined):
                    return Found(joined, previous[1], line.end())
        previous = (s, line.start())
    return None


def _find_title(ctx: Context) -> Found | None:
    text = ctx.text
    # 1. a line that is nothing but a title (a heading), 2. an image caption of a document site,
    # 3. a title run inside a line (forms glue the heading to the first cell).
    heading = _page_heading(text)
    if heading is not None:
        return heading
    for line, s in _lines_but_catalogue(text):
        cleaned = _clean_title(s)
        if _BARE_RESULT.fullmatch(cleaned) and (above := _title_block_above(text, line.start(), cleaned)) is not None:
            # '市公路局2020年度公路养护类项目' / '自评结果': a result published under the name set above it
            return Found(above[0] + cleaned, above[1], text.index(s, line.start()) + len(s))
        m = _TITLE.fullmatch(cleaned) or _RESULT_TITLE.fullmatch(cleaned) or _MATERIALS_TITLE.fullmatch(cleaned) \
            or _SITUATION_TITLE.fullmatch(cleaned)
        if m and cleaned.endswith("说明") and _OUTLINE_NUMBER.match(cleaned):
            continue  # '二、关于…绩效评价结果的说明': a section of the report, not its title
        if m and len(cleaned) < 6 and _BARE_TITLE_END.fullmatch(cleaned) \
                and (above := _title_block_above(text, line.start(), cleaned)) is not None:
            # '灵璧县民政局转移支付2023年度绩效' / '自评报告': a title broken before its last words
            return Found(above[0] + cleaned, above[1], text.index(s, line.start()) + len(s))
        if m and len(cleaned) >= 6:
            # (the template's heading, '部门整体绩效自评报告 (参考格式)', names less than the file does)
            if _FILE_EXTENSION.search(s) and (own := _own_heading_after_file_name(text, line.end(), ctx.table_cells)) \
                    and not (is_generic_title(own.value) and not is_generic_title(cleaned)):
                return own
            start = text.index(s, line.start())
            above = _title_block_above(text, line.start(), cleaned) or _title_copied_whole(text, line.start(), cleaned)
            if above is not None:
                # '丹东市2022年度海岸带生态保护修复项目' / '绩效评价报告': one title over two lines or more
                return Found(above[0] + cleaned, above[1], start + len(s))
            fuller = _fuller_title_below(text, line.end(), cleaned, ctx.table_cells)
            if fuller is not None:
                return fuller
            after = _after_repeats(text, line.end(), s)
            nxt = _YEAR_SUFFIX.match(text, after + 1) if after + 1 < len(text) else None
            value = cleaned + (nxt[0].strip() if nxt and not cleaned.endswith(")") else "")
            end = nxt.end() if nxt else start + len(s)
            return Found(value, start, end)
    # 2b. a title opening a line that a converter ran the form's first cells into ('2020 年…项目自评表 单位名称:…')
    for line in regex.finditer(r"(?m)^[^\n]+$", text[:_COVER]):
        opening = _title_opening(line, ctx.table_cells)
        if opening and len(opening[0]) >= 8:
            return Found(_clean_title(opening[0]), line.start(), opening[1])
    for cap in ctx.norm.captions:
        cleaned = _clean_title(cap)
        if _TITLE.fullmatch(cleaned):
            pos = ctx.text.find(cleaned)
            return Found(cleaned, max(pos, 0), max(pos, 0) + len(cleaned) if pos >= 0 else 0)
    for m in _TITLE.finditer(text):
        # the words that announce a title may stand anywhere in the match: the title follows the last of them
        # ('分别是A项目、B项目现将项目资金绩效评价报告如下')
        leads = list(_LEAD_IN.finditer(m[0]))
        lead = leads[-1] if leads else None
        start = m.start() + (lead.end() if lead else 0)
        value = _clean_title(text[start:m.end()])
        # a title named in running text names what it is of ('现就评价情况报告如下': the report's words, no title), and is
        # not the object of the work that made it ('按时完成了整体支出绩效评价报告': a task done)
        task = _REPORT_AS_TASK.search(text, max(0, start - 6), start) or _TASK_DONE.search(value)
        if value.endswith("说明") and (_OUTLINE_NUMBER.match(value) or _OUTLINE_NUMBER.search(text, max(0, start - 4), start)):
            continue  # a numbered section of the report ('二、关于…结果的说明'), not its title
        if not task and (_NAMES_A_PROJECT.search(value) or place_of(value) or _ORG.search(value)):
            return Found(value, start, m.end())
    return None


# A government portal's metadata label whose value, on the line under it, is the catalogue the page is filed
# under ('- 公开目录' over '- 绩效自评报告'): a kind of document, not this one's title.
_CATALOGUE_LABEL = regex.compile(r"[-·•*\s]*(?:公开目录|主题分类|信息分类|组配分类|所属分类|所属栏目|栏目|体裁分类|公开类别)[\s::|]*")
# A portal page's heading, the first line of the page, that names the year and the project and ends in the
# assessment words without 报告 or 表 ('隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评'): the site's title
# for the document, fuller than a form's own heading under it ('2022年度项目支出绩效自评表').
_PAGE_HEADING = regex.compile(rf"{_NAME_CHARS}{{0,30}}?(?:19|20)\d{{2}}年度?{_NAME_CHARS}{{2,50}}?(?:项目|资金|经费|工程)"
                              rf"{_NAME_CHARS}{{0,10}}?绩效(?:自评|评价)(?:情况)?")


def _after_repeats(text: str, end: int, line: str) -> int:
    """The end of the last of the lines right after `end` that repeat `line` (a page prints its heading, then
    the document its title again; blank lines between them aside): where what follows the title begins."""
    while True:
        m = regex.match(r"(?:[ \t|]*\n)+[ \t|]*([^\n]*?)[ \t|]*(?=\n|$)", text, pos=end)
        if m is None or m[1] != line:
            return end
        end = m.end()


def _lines_but_catalogue(text: str, pos: int = 0):
    """(line, its text stripped) for each line that is not blank, but the portal's catalogue entry the page is
    filed under (a value, not a title)."""
    previous = ""
    for line in regex.finditer(r"(?m)^[^\n]+$", text, pos=pos):
        s = line[0].strip(" |")
        if not s:
            continue
        after_catalogue, previous = bool(_CATALOGUE_LABEL.fullmatch(previous)), s
        if not after_catalogue:
            yield line, s


# Without a year, the heading opens with its place ('天长市水利局水旱灾害防御股项目支出绩效自评'): a site's heading for a
# unit's document, where a first line of words alone could be anything.
_PLACED_PAGE_HEADING = regex.compile(rf"{_NAME_CHARS}{{4,50}}?(?:项目|资金|经费|工程){_NAME_CHARS}{{0,10}}?绩效(?:自评|评价)(?:情况)?")


def _page_heading(text: str) -> Found | None:
    first = regex.match(r"\s*([^\n]+)", text)
    line = first[1].strip(" |") if first else ""
    if not (_PAGE_HEADING.fullmatch(line) or (_PLACED_PAGE_HEADING.fullmatch(line) and place_of(line))):
        return None
    value = first[1].strip(" |")
    start = text.index(value)
    return Found(value, start, start + len(value))


_YEAR_OF_ASSESSMENT = regex.compile(r"(?:19|20)\d{2}\s*年度")


def _own_heading_under(text: str, title: Found | None) -> Found | None:
    """The document's own title line under a portal page's heading, where it states the year it assesses."""
    if title is None or _page_heading(text) != title:
        return None
    for line, s in _lines_but_catalogue(text, title.end):
        cleaned = _clean_title(s)
        if _TITLE.fullmatch(cleaned):
            return Found(cleaned, line.start(), line.end()) if _YEAR_OF_ASSESSMENT.search(cleaned) else None
    return None


# how far below a page's heading the document's own title may stand (lines)
_TITLE_BELOW = 8


def _fuller_title_below(text: str, after: int, title: str, cells: Cells | None = None) -> Found | None:
    """A page's heading that names no place nor unit, which the document's own title repeats with more in it a
    few lines below ('2022年度部门(单位)整体支出绩效自评报告' over '2022年度株洲市荷塘区妇女联合会部门(单位)整体支出
    绩效自评报告'): the fuller one."""
    squashed = regex.sub(r"\s", "", title)
    if place_of(squashed) is not None or _ORG.search(squashed):
        return None  # the heading names its place or unit: it is the title, the line below repeats it
    for k, line in enumerate(regex.finditer(r"(?m)^[^\n]*$", text, pos=min(after + 1, len(text)))):
        if k >= _TITLE_BELOW:
            break
        cleaned = _clean_title(line[0].strip(" |"))
        if len(cleaned) > len(squashed) and _TITLE.fullmatch(cleaned) and _holds_in_order(cleaned, squashed):
            start = text.index(line[0].strip(" |"), line.start())
            return Found(cleaned, start, start + len(line[0].strip(" |")))
        above = _title_block_above(text, line.start(), cleaned) if cleaned == squashed else None
        name = above[0].split(squashed)[-1] if above is not None else ""  # the heading's own copies above it aside
        if len(name) > _FRAGMENT_NAME and _NAMES_A_PROJECT.search(name):
            # the heading again, under the name a cover sets over it ('2018年南京市…建设项目' / '专项资金绩效自评价报告')
            start = text.find(name[:_FRAGMENT_NAME], above[1])
            return Found(name + cleaned, start, line.end())
        opening = _title_opening(line, cells or Cells())
        if opening and len(opening[0]) > len(squashed) and _holds_in_order(opening[0], squashed):
            return Found(opening[0], line.start(), opening[1])
    return None


def _own_heading_after_file_name(text: str, after: int, cells: Cells | None) -> Found | None:
    """The document's own heading under the name its file was given on the page that shows it
    ('2016年区物价局部门整体支出绩效评价报告.pdf' over '曾都区财政项目支出绩效评价报告 项目名称:…'): the title
    is what the document prints, the file's name is how someone stored it."""
    for k, line in enumerate(regex.finditer(r"(?m)^[^\n]*$", text, pos=min(after + 1, len(text)))):
        if k >= _TITLE_BELOW:
            break
        s = line[0].strip(" |")
        cleaned = _clean_title(s)
        if len(cleaned) >= 6 and (_TITLE.fullmatch(cleaned) or _RESULT_TITLE.fullmatch(cleaned)):
            start = text.index(s, line.start())
            return Found(cleaned, start, start + len(s))
        opening = _title_opening(line, cells or Cells())
        if opening and len(opening[0]) >= 8:
            return Found(_clean_title(opening[0]), line.start(), opening[1])
    return None


def _title_opening(line: regex.Match, cells: Cells) -> tuple[str, int] | None:
    """The title that opens a line its body runs on in ('许昌市…中心 2022 年整体和项目支出绩效自评总结报告 一 绩效管理
    工作开展情况。…': a converter joined the heading to the paragraph under it), and where it ends. Only a
    title the raw text set apart from what follows (a space there, kept or normalised away) ends there."""
    # (a document site's page number may stand before it: '1、 惠州市…报告根据…')
    m = _TITLE.match(line[0], pos=regex.match(r"[ \t]*(?:\d{1,2}、[ \t]*)?", line[0]).end())
    if not m or m.end() >= len(line[0].rstrip()):
        return None
    end = line.start() + m.end()
    apart = line[0][m.end()].isspace() or cells.space_between(end, end) or _BODY_OPENING.match(line[0], m.end())
    return (m[0], end) if apart else None


# the words a report's first sentence opens with, right after its heading ('…绩效评价报告根据惠州市…文件精神'):
# where a converter joined the two with no space, they still end the heading
_BODY_OPENING = regex.compile(r"根据|按照|依据|为进一步|为了")


def _holds_in_order(longer: str, shorter: str) -> bool:
    it = iter(longer)
    return all(ch in it for ch in shorter)


# A title named inside a sentence opens after the words that announce it ('现将2022年…绩效自评总结报告如下').
# ('按时完成了整体支出绩效评价报告': the report as the work done, no title): the verb before the words, or inside them
_WORK_ON_A_REPORT = r"(?:完成|编制|撰写|形成|提交|报送|出具|填报|填写|上报)"
_REPORT_AS_TASK = regex.compile(rf"{_WORK_ON_A_REPORT}了?$")
# ('…由各科室收集项目信息并填报绩效自评表': the form a task fills in, the verb right before the report's own words)
_TASK_DONE = regex.compile(rf"{_WORK_ON_A_REPORT}了|(?:并|及时)?{_WORK_ON_A_REPORT}(?=\p{{Han}}{{0,4}}(?:绩效|自评)\p{{Han}}{{0,8}}(?:报告|表)$)")
_LEAD_IN = regex.compile(r"(?:现将|特将|兹将|现把|现就|现对|并将)")


# A title line that says only what kind of report it is: the name stands on the line above.
_BARE_TITLE_END = regex.compile(rf"(?:项目)?(?:支出)?(?:整体)?(?:{_TITLE_END}|{_MATERIALS_END})")
_BARE_TITLE_END_AT_END = regex.compile(rf"{_BARE_TITLE_END.pattern}$")
_HEADING_LINE = regex.compile(r"[^\n。,;:|!?]{4,40}[\p{Han}\d)]")


# What a title's name holds, one of them at least: the lines above a title line that hold none are no part of it.
_NAMES_A_PROJECT = regex.compile(r"项目|专项|资金|经费|工程|部门|单位|整体|\d{4}年")
# A title line whose name is a word or two ('建设项目绩效评价报告' under '会同县…竹笋产业基地'): the end of a
# title a cover page set over several lines, never a title of its own.
_FRAGMENT_NAME = 4
_DATE_LINE = regex.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_BLOCK_LINES = 3


def _title_block_above(text: str, line_start: int, title_line: str) -> tuple[str, int] | None:
    """The name a title line continues, with where it starts: the heading lines (short, no sentence
    punctuation) stacked right above it at the top of the text, where the title line says only what kind
    of report it is or names a word or two. A cover page sets a long title over two or three lines."""
    name = _BARE_TITLE_END_AT_END.sub("", title_line)
    if len(name) > _FRAGMENT_NAME:
        return _year_line_above(text, line_start)
    lines: list[regex.Match] = []
    end = line_start
    while end > 0 and end <= 300 and len(lines) < _BLOCK_LINES:
        prev_end = end - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if not text[prev_start:prev_end].strip() and prev_start > 0 and text[prev_start - 2:prev_start - 1].strip():
            end = prev_start  # one blank line a cover page sets between the lines of its title
            continue
        m = _HEADING_LINE.fullmatch(text, prev_start, prev_end)
        if not m or ">" in m[0] or _DATE_LINE.fullmatch(m[0].strip()) or _names_the_file(text, m[0].strip()):
            break  # a cover's date stands under its title, never inside it; nor the file's name a site prints over it
        lines.insert(0, m)
        end = prev_start
    for k in range(len(lines)):  # the fullest block whose name says what was evaluated
        joined = "".join(m[0].strip() for m in lines[k:])
        # (or the unit whose project the title line names: '甘谷县城市管理综合行政执法队智慧城管' / '项目支出绩效评价报告')
        if _NAMES_A_PROJECT.search(joined + name) or \
                _NAMES_A_PROJECT.search(title_line) and _ORG.search(joined):
            return joined, lines[k].start()
    return None


# a title's first line, set over its name: the year, then words (''2018 年“11.03”金沙江干流白格堰塞湖下游' over
# '应急救灾专项补助资金项目绩效评价报告')
_YEAR_OPENS_THE_LINE = regex.compile(r"(?:19|20)\d{2}\s*年度?\s*(?!\d)\S")
# a heading of its own over the title: a site's column or issue ('2024年政府信息公开专栏', '2024年第3期'), a period
# ('2019年至2021年', '2023年第四季度'), another document ('2023年度部门决算', '2023年度项目支出绩效自评')
# ('2024年通知公告', '2024年民生实事', '2023年县本级财政收支情况说明'); a stretch between two places names a works
# ('2023年国道318线八宿至然乌段'), two years a period ('2019年至2021年')
_OWN_HEADING_WORDS = regex.compile(r"绩效|评价|自评|报告|公开|公示|决算|预算(?:公开|执行|管理|编制)|部门预算|专栏|动态|简报|通知|"
                                   r"公告|专题|实事|说明|收支|解读|工作|要点|要闻|政策|第\S{1,3}[期季批号]|季度|"
                                   r"(?:至|到|[-—~])\s*(?:19|20)\d{2}")


def _year_line_above(text: str, line_start: int) -> tuple[str, int] | None:
    """The line right above a title line, at the top of the text, that opens with a year and says no kind of report
    of its own: the title's first line. A year says when a report's object was, never what it is, so the line that
    opens with one is not a title or a unit's name on its own."""
    if line_start <= 1 or line_start > 300:
        return None
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    m = _HEADING_LINE.fullmatch(text, prev_start, line_start - 1)
    year = _YEAR_OPENS_THE_LINE.match(m[0].strip()) if m else None
    if not year or _DATE_LINE.fullmatch(m[0].strip()) or _TITLE.fullmatch(_clean_title(m[0])) \
            or _names_the_file(text, m[0].strip()) or _OWN_HEADING_WORDS.search(m[0]) \
            or regex.search(r"(?:19|20)\d{2}\s*年", text[line_start:text.find("\n", line_start)]):
        return None
    # (the words after the year name something, a place or an event: four characters at least)
    rest = regex.sub(r"[^\p{Han}]", "", m[0].strip()[year.end() - 1:])
    return (m[0].strip(), prev_start) if len(rest) >= 4 else None


def _title_copied_whole(text: str, line_start: int, title_line: str) -> tuple[str, int] | None:
    """The heading line right above a title line, where the two joined are a copy the page prints elsewhere
    (a portal's '名称: | 池州市…2020年度城市老旧小区改造民生工程绩效评价报告 |' over the document's own title set
    over two lines, '池州市…城市老旧小区' / '改造民生工程绩效评价报告'): the page's copy proves where the title
    was broken, whatever its length."""
    prev_end = line_start - 1
    if prev_end <= 0:
        return None
    prev_start = text.rfind("\n", 0, prev_end) + 1
    m = _HEADING_LINE.fullmatch(text, prev_start, prev_end)
    if m is None:
        stripped = text[prev_start:prev_end].strip()
        if not stripped:
            return None
        m = _HEADING_LINE.fullmatch(text, text.index(stripped, prev_start), text.index(stripped, prev_start) + len(stripped))
        if m is None:
            return None
    head = m[0].strip()
    joined = head + title_line
    if len(head) < _FRAGMENT_NAME or _TITLE.fullmatch(head) or joined not in text.replace(" ", ""):
        return None
    return head, m.start()


def _names_the_file(text: str, line: str) -> bool:
    """The line is the name a document site stored the file under ('常熟河道长效管理项目', the page showing
    '常熟河道长效管理项目.docx' above): the site's words over the document, not a line of its title."""
    return regex.search(regex.escape(line) + r"\.(?:docx?|wps|pdf|xlsx?|txt)", text, regex.IGNORECASE) is not None


_YEAR_FIELD = regex.compile(r"(?:评价年度|项目年度|预算年度|自评年度)[\s|::]*(?P<year>(?:19|20)\d{2})(?!\d)")
# the year a form gives its project ('项目年份 2017'): the year it began where the project runs over years, so only
# where no year the report says it assesses ('(2021年度)') is stated
# (never a range of years, '项目年份 2017-2019')
_PROJECT_YEAR_FIELD = regex.compile(r"(?:项目年份|预算年份)[\s|::]*(?P<year>(?:19|20)\d{2})(?!\d|\s*[-—~至到、,,和及])")
# a project the form says goes on from year to year: the year it gives is when it began
_CONTINUING = regex.compile(r"延续性项目|持续性项目|跨年度")
# the time an evaluation covers, where it is a whole year ('评价时间:2017年1月1日至2017年12月31日'; never the days it
# took, '评价时间:2018年5月10日至5月20日'), after any year the report says it assesses ('本项目为2021年度…')
_WHOLE_YEAR_EVALUATED = regex.compile(r"(?:评价时间|评价期间|评价时段)[\s|::]*(?P<first>(?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日"
                                      r"\s*[-—~至到]\s*(?P<last>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")


_SEVERAL_YEARS = regex.compile(r"(?:期限|周期|实施期|起止时间|建设期)[\s|::]*(?P<a>(?:19|20)\d{2})\s*年[^,。;\n]{0,12}?[-—~至到]\s*"
                                r"(?!(?P=a))(?:19|20)\d{2}\s*年")
_PERIOD_FIELD = regex.compile(r"(?:起止时间|实施期限|实施周期|执行期限|实施时间|项目周期)[\s|::]*(?P<first>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月"
                           r"(?:\s*\d{1,2}\s*日)?\s*起?\s*[-—~至到]\s*(?P<last>(?:19|20)\d{2})\s*年")  # ('2016年1月起至2016年12月止')


# a title that writes its year without 年, at its opening ('2021乡镇(公社)老放映员省级补助资金自评报告') or after
# the unit's name ('惠州市交通运输局2021部门整体绩效自评报告'); a school year ('2004学年度下学期') runs over two
# calendar years and dates no fiscal one
_BARE_YEAR = regex.compile(rf"(?:^|(?<={ORG_SUFFIX}))((?:19|20)\d{{2}})\s*(?=\p{{Han}})(?!学年)")


# the year a unit was founded or a works built ('学校始建于1959年', '中心成立于2005年'): a date in its history, no year
# of the budget
_FOUNDED = regex.compile(r"(?:始建|创建|创办|组建|成立|建)于\s*$")


def find_year(ctx: Context, title: Found | None) -> tuple[Found | None, list[int] | None]:
    """The budget year: from the title, else '(YYYY年度)', else the year the text names most."""
    own = _own_heading_under(ctx.text, title)
    if own is not None:
        # a portal's heading names the funds by the year they were allotted ('…2021年中央…补助资金绩效自评'); the
        # document's own heading under it says which year it assesses ('2022年度项目支出绩效自评表')
        title = own
    if title:
        span = regex.search(r"((?:19|20)\d{2})\s*[-—~至到]\s*((?:19|20)\d{2})\s*年", title.value)
        if span:
            a, b = int(span[1]), int(span[2])
            return Found(b, title.start, title.end), list(range(a, b + 1))
        # the year a form's heading assesses, printed under it ('…2023年异地造林补助资金项目支出绩效自评报告' over
        # '(2024年度)'), before a year in the name of the funds
        suffix = _YEAR_SUFFIX.search(title.value)
        m = suffix if suffix and suffix.end() == len(title.value) else regex.search(r"((?:19|20)\d{2})\s*年", title.value)
        if m:
            return Found(int(m[1]), title.start, title.end), None
        m = regex.search(r"([二〇○零一三四五六七八九]{4})年", title.value)
        if m and parse_chinese_integer(m[1]):
            return Found(parse_chinese_integer(m[1]), title.start, title.end), None
        m = _BARE_YEAR.search(title.value)
        if m:
            return Found(int(m[1]), title.start, title.end), None
    text = ctx.text
    # a form's own cell for the year evaluated ('评价年度:2022', '项目年度 2021')
    m = _YEAR_FIELD.search(text, 0, _OPENING)
    if m:
        return Found(int(m["year"]), m.start("year"), m.end("year")), None
    # a form's period of the project, within one year ('项目起止时间2015年1月1日-2015年12月31日')
    m = _PERIOD_FIELD.search(text, 0, _OPENING)
    if m and m["first"] == m["last"]:
        return Found(int(m["first"]), m.start("first"), m.end("last")), None
    m = regex.search(r"(?<![\d〔\[【(-])((?:19|20)\d{2})\s*年度(?![\d)〕\]】])", text)
    if m:
        return Found(int(m[1]), m.start(1), m.end()), None
    m = _WHOLE_YEAR_EVALUATED.search(text, 0, _OPENING)
    if m and m["first"] == m["last"]:
        return Found(int(m["first"]), m.start("first"), m.end("last")), None
    m = _PROJECT_YEAR_FIELD.search(text, 0, _OPENING)
    # (a project run over years, '项目期限 2019年至2021年': the year the form gives it is when it began)
    if m and not _SEVERAL_YEARS.search(text, 0, _OPENING) and not _CONTINUING.search(text, 0, _OPENING):
        return Found(int(m["year"]), m.start("year"), m.end("year")), None
    votes: Counter = Counter()
    first: dict[int, regex.Match] = {}
    # a year in the title of a document the text cites is when that document was issued ('《福建省财政厅关于2025年中央
    # 专项彩票公益金…的通知》' in a report on 2024's funds), not the year assessed
    cited = [(c.start(), c.end()) for c in CITED_DOCUMENT.finditer(text)]
    for m in regex.finditer(r"(?<![\d〔\[【\-—~])((?:19|20)\d{2})\s*年(?![\d)〕\]】])(?!\s*[-—~至])", text):
        if any(a < m.start() < b for a, b in cited) or _FOUNDED.search(text, max(0, m.start() - 6), m.start()):
            continue
        year = int(m[1])
        votes[year] += 1
        first.setdefault(year, m)
    if votes:
        year, _ = max(votes.items(), key=lambda kv: (kv[1], -first[kv[0]].start()))
        m = first[year]
        return Found(year, m.start(1), m.end()), None
    dated = _year_of_the_dates(text, cited)
    return (dated, None) if dated is not None else (None, None)


# the year's last day that spending is counted up to ('截至2023年12月31日', '(截止到2023年12月31日)'), or that the work
# ran to ('于2021年12月31日全面结束', '2022年12月31日完工')
_DATE = regex.compile(r"(?<![\d〔\[【])((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")
_COUNTED_TO = regex.compile(r"截[至止](?:到|至)?\s*$")
_WORK_ENDED = regex.compile(r"\s*(?:全面|全部|已)?(?:结束|完成|完工|竣工)")
_DEADLINE = regex.compile(r"\s*(?:前|以前|之前)")
_ONE_YEAR_FROM = regex.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|[-—~])\s*$")
_PLANNED = regex.compile(r"计划|预计|拟|力争|确保|应当?|须|要求")


def _year_of_the_dates(text: str, cited: list[tuple[int, int]]) -> Found | None:
    """No year stands alone: the year whose last day the spending is counted up to ('截至2023年12月31日, 项目实际使用资金…')
    or the work ran to ('于2021年12月31日全面结束'), which closes the budget year evaluated. Other dates say when a
    rule took effect, a deadline fell or a report was signed, of no budget year; a cited notice's date neither. Dates
    of two such years leave the year unknown."""
    years = set()
    found = None
    for m in _DATE.finditer(text):
        before = text[max(0, m.start() - 6):m.start()]
        counted = _COUNTED_TO.search(before) and not _DEADLINE.match(text, m.end())
        # ('评价时段为2023年1月1日至2023年12月31日': a period over the one year)
        period = _ONE_YEAR_FROM.search(text[max(0, m.start() - 16):m.start()])
        counted = counted or (period is not None and period[1] == m[1])
        # (never a plan's date, '计划于2024年12月31日完成全部建设任务')
        ran = _WORK_ENDED.match(text, m.end()) and not _PLANNED.search(text[max(0, m.start() - 8):m.start()])
        if any(a < m.start() < b for a, b in cited) or not (counted or ran):
            continue
        years.add(int(m[1]))
        found = found or Found(int(m[1]), m.start(1), m.end())
    return found if len(years) == 1 else None


def find_kind(title: str | None, text: str) -> str | None:
    head = (title or "") + " " + text[:400]
    if regex.search(r"(?:部门|机关|单位)整体(?:支出)?绩效", head):
        return "department"
    if regex.search(r"自评表|自评报告|绩效自评", head):
        return "self_assessment"
    if regex.search(r"项目|专项|资金", title or head) and regex.search(r"绩效|评价", head):
        return "project"
    return None


# (a unit's own name before it: '德钦县图书馆整体支出', '…管理局2020年度部门整体')
_WHOLE_SPENDING = regex.compile(r"(?:部门|单位)整体支出|^(?:本|我)单位整体|整体支出$|部门整体$")
# the next column's head under a list's '项目名称' ('项目名称' over '债券性质' over '…债券规模', one cell per line)
_COLUMN_HEAD = regex.compile(r"\p{Han}{0,4}(?:性质|类型|类别|期限|规模|金额|编码|代码|名称|得分|分数|等级|等次|结果)")
# a list's header row glued after its 项目名称 ('项目名称项目类型资金用途、使用方向预算金额支出金额…'): the words of two
# columns or more, where a project's name holds one at most
_COLUMN_WORD = regex.compile(r"类型|类别|性质|用途|金额|总额|预算数|执行数|支出数|序号|备注")
_PROJECTS_COUNTED = regex.compile(r"(?<![\d.])(?:\d{1,3}|[二三四五六七八九十两]{1,3})个(?:\p{Han}{0,4})项目")


def names_several_projects(title: str | None) -> bool:
    """A title that counts the projects it reports on ('裕民县2021年10个重点项目绩效评价报告')."""
    return bool(title and _PROJECTS_COUNTED.search(title))


# the cells a transfer payment's or a special fund's form names its funds in, where a project's form has 项目名称
_FUND_NAME_LABELS = ["转移支付(项目)名称", "转移支付名称", "专项资金名称", "专项(项目)名称", "专项名称"]


# the cells after a 项目名称 cell in its row: a form's next pairs, or a table's other column heads. The row goes on over
# lines that open with a cell's bar (one cell per line); a line that opens with words is the next row
_NEXT_CELLS = regex.compile(r"[^\n|]+")
_ROW_ENDS = regex.compile(r"\n(?![ \t]*\|)")
_ANY_FORM_LABEL = regex.compile("|".join(regex.escape(x) for x in FORM_LABELS))
_ROW_HEADS = 3
# what a column's head ends in, where a form's value does not ('支付安全性', '支付进度', '是否与预算相符'; a form's row
# '项目类型 | 基础设施 | 资金性质 | 一般公共预算' holds values between its labels)
_HEAD_WORD_END = regex.compile(r"(?:性|率|情况|内容|金额|进度|依据|标准|相符|结果|分值|得分|备注|计划|数|地点|规模|时间|期限|方式|"
                               r"类型|类别|对象|来源|用途)$")


_LAST_FORM_LABEL = regex.compile(rf"^.*(?:{_ANY_FORM_LABEL.pattern})")


def after_form_labels(name: str) -> str:
    """'…配套资金主管部门益阳市教育局' → '益阳市教育局': what follows the last form label glued into a name."""
    return _LAST_FORM_LABEL.sub("", name)


def _heads_its_row(text: str, found: Found) -> bool:
    """The 项目名称 cell and the ones after it open a table's header row: the cell read as its value and those after it
    are short column heads, no figure and none of a form's labels ('…县统计资金支出情况 | 支付安全性 | 支付规范性 |
    支付有效性', '建设内容 | 实施进度 | 验收情况'), where a form's row holds values between its labels ('项目名称 | X |
    主管部门 | Y')."""
    rest = _ROW_ENDS.split(text[found.end:found.end + 160])[0]
    cells = [found.value.strip(), *[c.strip() for c in _NEXT_CELLS.findall(rest) if c.strip()]][:_ROW_HEADS + 1]
    return len(cells) >= _ROW_HEADS and all(len(c) <= 10 and not regex.search(r"\d", c) and not _ANY_FORM_LABEL.search(c)
                                            and _HEAD_WORD_END.search(c) for c in cells)


# the firms that evaluate others' work for a fee (_EVALUATOR names the finance bureaus too, which commission it)
_FIRM = regex.compile(_FIRM_WORDS)


def is_evaluating_firm(name: str) -> bool:
    """A firm or a review centre that evaluates others' work: its place is its own, not the report's (a finance bureau
    that commissions the work is of the report's place, and counts)."""
    return bool(_FIRM.search(name) or _REVIEWER.search(name))


def named_as_implementer(text: str, unit: str) -> bool:
    """The text names `unit` as the one that carries the project out: in a form's cell or a sentence ('项目实施单位 |
    永春县医院', '项目单位为…', '项目业主为…', '由…负责项目建设'), or the unit calls itself so ('本街道办事处负责项目的组织实施')."""
    if any(m[1] == unit for m in _RUN_BY.finditer(text)):
        return True  # ('由安溪县第一中学负责项目建设')
    kind = regex.search(r"(?:办事处|委员会|中心|局|院|处|所|站|校|馆|委|办)$", unit)
    itself = rf"|[本我]\p{{Han}}{{0,4}}?{regex.escape(kind[0])}(?:主要)?负责" if kind else ""
    return bool(regex.search(rf"(?:{_IMPLEMENTER_ROLE})(?:为|是)?[\s|::]*{regex.escape(unit)}" + itself, text))


def find_project_name(ctx: Context, title: Found | None, department: str | None) -> Found | None:
    # 专项资金名称: a special fund's form names the fund where a project's form names the project
    # (专项(项目)名称, 专项名称: a central special transfer's form names its special fund)
    def name_cell(labels: list[str]) -> Found | None:
        return form_field(ctx.text, labels,
                          accept=lambda v: not regex.search(r"\d{10,}", strip_code(v)) and len(strip_code(v)) >= 2
                          and not _HEADER_CELL.search(v) and not _COLUMN_HEAD.fullmatch(strip_code(v))
                          and len(_COLUMN_WORD.findall(v)) < 2,
                          # '序号 | 项目名称 | 债券性质 | …': a list's column, whose next cell is the next column's head
                          not_after=r"序号[\s|]*")

    found = name_cell(["项目名称", *_FUND_NAME_LABELS])
    if found and _heads_its_row(ctx.text, found):
        found = None  # '项目名称 | 县统计资金支出情况 | 支付安全性 | 支付规范性 | …': a table's header row, its names below
    if found and _BARE_TITLE_END_AT_END.search(strip_code(found.value)):
        # a 项目名称 cell holding a form's title (a site's heading of the page: '项目名称: …转移支付区域(项目)绩效自评表')
        # yields to the form's own cell for the fund ('转移支付(项目)名称 2025年国家电影事业发展专项资金补助地方资金')
        found = name_cell(_FUND_NAME_LABELS) or found
    if found:
        found = _name_over_two_lines(ctx.text, found)
        name = strip_code(found.value)
        # a 项目名称 cell holding the form's title ('…补助经费支出绩效自评表'): the project is the name before it
        bare = _BARE_TITLE_END_AT_END.sub("", name)
        # '曾都区物价局2016年度部门整体支出绩效评价项目': the evaluation of a unit's whole spending, no project
        if not _GENERIC_PROJECT.fullmatch(bare) and not _WHOLE_SPENDING.search(bare):
            return Found(bare if len(bare) >= 4 else name, found.start, found.end)
    if title and names_several_projects(title.value):
        return None  # '…2021年10个重点项目绩效评价报告': a report on several projects names no one of them
    # a line wholly in brackets under the title names the project the title gives its kind of ('江苏省政府专项债券项目
    # 绩效自评价报告' over '(锡澄协同发展区科创园区建设工程项目)')
    m = _SUBTITLE_PROJECT.match(ctx.text, _after_repeats(ctx.text, title.end, title.value)) if title else None
    if m:
        return Found(m["name"], m.start("name"), m.end("name"))
    if title:
        name = _project_from_title(title.value, department, ctx.text, title)
        name = None if name and _WHOLE_SPENDING.search(name) else name
        full = _full_name(ctx.text, name) if name else None
        if full is not None:
            return full
        if name:
            return Found(name, title.start, title.end)
        # the title's own parenthesis printed on the line below it: '…项目绩效自评报告\n(市级森林防火补助经费项目)'
        after = _after_repeats(ctx.text, title.end, title.value)
        m = _SUBTITLE_PROJECT.match(ctx.text, after) or _NAME_LINE.match(ctx.text, after)
        if m:
            return Found(m["name"], m.start("name"), m.end("name"))
    # (a quoted project in a department's whole-spending report is one of its key projects, not the report's)
    whole_spending = bool(title and _WHOLE_SPENDING.search(title.value))
    for pattern in (_EVALUATED_PROJECT, _EVALUATED_QUOTED, _EVALUATION_OBJECT, _THIS_PROJECT_IS, _OVERVIEW_PROJECT,
                    _BUDGETED_PROJECT, _QUOTED_YEAR_PROJECT):
        m = pattern.search(ctx.text) if not (pattern in (_QUOTED_YEAR_PROJECT, _THIS_PROJECT_IS) and whole_spending) \
            else None
        if m:
            name = _PROJECT_MONEY.sub("", m[1])
            # '2020年财政预算科技专项资金': where the money sits (the budget), not the fund's name
            name = regex.sub(r"^(?:财政)?预算(?=\p{Han}{4})", "", name)
            if _RUNNING_COSTS.search(name) or _WHOLE_SPENDING.search(name) or _GENERIC_PROJECT.fullmatch(name):
                continue  # '安排我处基本支出经费85.33万元', '对本单位整体绩效目标和项目…': no project
            return Found(name, m.start(1), m.start(1) + len(name))
    return None


# The notice that allots the funds a transfer payment's report is of, cited by its title ('《四川省财政厅…关于下达2021年
# 国家非物质文化遗产保护资金预算的通知》'): the fund it names.
# (a batch of it is the same fund: '下达2021年第二批中央财政林业改革发展资金的通知')
_ALLOCATION_NOTICE = regex.compile(r"下达(?:(?:19|20)\d{2}年度?)?(?:第[一二三四五六七八九十\d]{1,2}批(?:次)?)?"
                                   r"(?P<name>[\p{Han}()]{4,30}?(?:资金|经费|补助|补贴))(?:预算)?的?通知")


def fund_of_the_allocation_notices(text: str) -> Found | None:
    """The one fund the report's allocation notices name; nothing where they name several (or none)."""
    found = [m for m in _ALLOCATION_NOTICE.finditer(text) if not _GENERIC_PROJECT.fullmatch(m["name"])]
    if len({m["name"] for m in found}) != 1:
        return None
    return Found(found[0]["name"], found[0].start("name"), found[0].end("name"))


# What a project's or fund's name ends in.
_NAME_ENDINGS = "项目|资金|经费|工程|专项|备用金|补助|补贴|奖励"
_NAME_END = regex.compile(rf"(?:{_NAME_ENDINGS}|公益金|费)$")
# a line that goes on a form's cell: words alone, ending in what a name ends in (a page of paragraphs sets a blank line
# between them)
_NAME_GOES_ON = regex.compile(rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<rest>[^\s|,,。;;::()()、]{{2,30}}?(?:{_NAME_ENDINGS}))[ \t]*(?=\n|$)")


def _name_over_two_lines(text: str, found: Found) -> Found:
    """A 项目名称 cell whose name a cover form wraps onto the next line ('2016年-2017年舟山市嵊泗县一事一议' /
    '助推美丽乡村建设试点补助资金'): the whole name, where the first line does not end as a name does and the next
    line is the name's end, no label of its own."""
    if _NAME_END.search(found.value):
        return found
    m = _NAME_GOES_ON.match(text, found.end)
    if m is None or regex.match(f"(?:{'|'.join(map(regex.escape, FORM_LABELS))})", m["rest"]):
        return found
    return Found(found.value + m["rest"], found.start, m.end("rest"))


# 基本支出 (staff and running costs) is what a unit spends outside its projects (DOMAIN.md: 基本支出 / 项目支出)
_RUNNING_COSTS = regex.compile(r"基本支出|人员经费|公用经费")


# A name the text gives in full with the short name it then uses ('…蓟州区公共全视频监控建设联网应用项目(雪亮工程)建设
# (简称:雪亮工程)'): the full name runs back from the note to the clause's start or its last '的'.
_SHORT_NAME_NOTE = regex.compile(r"(?P<full>[^,,。;;::的\n]{4,60})[((](?:以下)?简称[::]?\s*[“\"]?(?P<short>[^()()“”\"\n]{2,16})[”\"]?[))]")


_HEADING_RUN_IN = regex.compile(r"^(?:[((][一二三四五六七八九十\d]{1,3}[))]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])"
                             r"\p{Han}{2,16}?(?:情况|概况|内容|说明|简介)")
_GENERIC_SHORT = regex.compile(r"(?:专项)?(?:资金|经费|项目)|专项|补助资金|奖补资金")


def _full_name(text: str, name: str) -> Found | None:
    """The full name of a project whose title uses the short name the text defines for it."""
    for m in _SHORT_NAME_NOTE.finditer(text):
        # a section's heading a scrape ran into the sentence ('(二)项目内容和预算支出情况城镇保障性…') is no part of it
        full = _HEADING_RUN_IN.sub("", m["full"].strip())
        if _GENERIC_SHORT.fullmatch(m["short"]):
            continue  # '(简称:专项资金)': a word for money any title holds, no short name of this project's
        if name in full:
            continue  # the title names it in full already ('…开展了2024年度公共就业服务能力提升示范项目(以下简称“示范项目”)')
        if m["short"] in name and len(full) > len(m["short"]) + 2 and regex.search(r"项目|工程|资金|经费", full):
            return Found(full, m.start("full") + m["full"].index(full), m.end("full"))
    return None


# The funds a budget statement allots, named after its verb, place and year ('下达广西壮族自治区2021年中央农村环境
# 整治专项资金共计' → 中央农村环境整治专项资金); a name of the money alone ('资金', '财政资金') names none. The use a
# bracket gives it is part of its name ('下达中央服务业发展资金(县域商业建设行动)14680万元').
# ('下达我局项目前期工作经费200.00万元': the unit that got the funds speaks of itself before their name)
_ALLOTTED = regex.compile(r"(?:分解)?(?:提前)?(?:下达|安排|批复|获得)(?:(?:给|到)?我(?:[省市县区局委院校所站处乡镇司]|单位|部门|中心|公司))?"
                          # (never across a document's title: '…资金预算的通知》下达我市资金')
                          r"(?P<name>[^,,。;;::\n《》]{2,40}?(?:专项资金|补助资金|资金|经费)(?:\([^()\d]{2,16}\))?)"
                          r"(?:共计|合计|总计|共|为)?$")


def allotted_funds(label: str) -> str | None:
    m = _ALLOTTED.search(label)
    if m is None:
        return None
    name = m["name"]
    place = _PLACE.match(name)
    if place and place[0]:
        name = name[place.end():]
    name = regex.sub(r"^(?:19|20)\d{2}年度?", "", name)
    return None if len(name) < 4 or _GENERIC_PROJECT.fullmatch(name) or regex.fullmatch(r"\p{Han}{0,4}(?:财政)?资金", name) \
        or _RUNNING_COSTS.search(name) else name


# A line wholly in brackets right under the title, naming a project or fund (not a date, not a number).
_SUBTITLE_PROJECT = regex.compile(r"(?:[ \t]*\n){1,3}[ \t]*[((][ \t]*(?P<name>[^()\d\n]{4,40}?(?:项目|资金|经费|工程|专项))[))][ \t]*(?:\n|$)")


# A line of its own under a title that names no project ('…同德镇2021年度部门预算项目支出绩效自评报告'), itself a
# name: words ending in what a project or fund is called, no clause, no key ('2021年城乡临时救助备用金').
_NAME_LINE = regex.compile(rf"[ \t]*(?:\n[ \t]*){{1,3}}(?P<name>[^\s,,。;;::()()]{{4,40}}?(?:{_NAME_ENDINGS}))[ \t]*(?:\n|$)")


# '…经费项目资金', '…工程项目资金': the project's money, not the project
_PROJECT_MONEY = regex.compile(r"(?<=项目)资金$")


# A period that dates a title by school years or half-years ('2004学年度下学期及2005学年度上学期', '2021年上半年'):
# the time the report covers, not the project's name.
_ONE_TERM = r"(?:19|20)\d{2}(?:学年度?|年度?)(?:[上下](?:学期|半年))"
_TERM_PERIOD = rf"{_ONE_TERM}(?:(?:及|和|至|到|[-—~]){_ONE_TERM})?"


def _project_from_title(title: str, department: str | None, text: str, found: Found) -> str | None:
    # ('关于《…专项债券项目资金绩效评价》的报告': the evaluation the letter reports on names the project)
    title = regex.sub(r"^关于《([^《》]+)》的(?=报告$)", r"\1", title)
    # ('…冬春救助资金2021年度绩效自评报告和区域目标自评表': a title naming two documents, the report and a form of it)
    title = regex.sub(r"(?<=(?:绩效|自评|评价)报告)(?:和|及|与)\p{Han}{2,16}?(?:表|报告)$", "", title)
    paren = regex.search(r"(?:报告|表)\(([^()\d]{4,30})\)$", title)
    if paren and not regex.search(rf"{ORG_SUFFIX}$", paren[1]) and not _TEMPLATE_NOTE.search(f"({paren[1]})"):
        # 'XX绩效自评报告(残疾人事业发展补助资金)': the parenthesis names the fund ('…自评表(市场监管经开区分局)': a unit)
        return paren[1]
    # '…事后绩效评价报告': when the evaluation is made (事前 / 事中 / 事后, or over the funds' whole cycle, 全周期),
    # not the project's name
    # ('…专项资金预算支出绩效评价报告': the budget's spending evaluated, the fund named before it)
    core = regex.sub(rf"(?:预算)?(?:支出)?(?:重点|整体)?(?:事前|事中|事后|全周期)?(?:{_TITLE_END}|{_RESULT_END}|{_MATERIALS_END}|"
                     rf"绩效(?:自评|评价)(?:情况)?)(?:\(.*\))?$", "", title)  # ('…服务项目绩效自评': a title without 报告)
    # (who evaluates, and that it is the year's spending, before a bare evaluation word: '…项目第三方绩效评价',
    # '…项目年度绩效自评', '…重点项目财政支出绩效评价')
    if core != title and not regex.search(r"报告|表|结果|材料|说明|公开", title[len(core):]):
        core = regex.sub(r"(?:第三方|年度|财政(?:支出)?)+$", "", core)
    period = regex.search(r"\(\s*(?:19|20)\d{2}[^()]{0,12}年度?\s*\)$", core)
    if period:  # '…项目(2020—2022年)': the period evaluated, written after the name
        core = core[:period.start()]
        place = _PLACE.match(core)
        if place and place[0] and (place["county"] or place["city"]):
            core = core[place.end():]
    core = regex.sub(r"支出$", "", core)
    if core.endswith("整体"):
        return None  # '2020年度市级财政资金整体支出…': the whole spending of a unit, no project
    # ('随州市司法局专项事业费(项目)2017年度绩效自评报告': what kind of spending it is, in brackets, no part of the name)
    core = regex.sub(r"\((?:项目|专项)\)(?=(?:19|20)\d{2}年度?$|$)", "", core)
    # ('永州市社会福利中心建设项目2016年度专项资金…': the year's funds for the project named before them)
    core = regex.sub(r"(?<=项目|工程)(?:19|20)\d{2}年度?(?:专项|财政)*(?:资金|经费)$", "", core)
    # ('…防治经费2017年度专项转移支付', '…示范项目中央专项转移支付': the year and the channel the funds come by, after
    # their name)
    core = regex.sub(r"(?<=资金|经费|项目|补助)(?:(?:19|20)\d{2}年度?)?(?:中央|省级?)?专项转移支付$", "", core)
    dated_after = regex.search(r"(?<=\p{Han})(?:19|20)\d{2}年度?$", core)  # '…转移支付2023年度绩效自评报告'
    core = core[:dated_after.start()] if dated_after else core
    # ('…水利救灾资金转移支付2022年度…': the channel the funds come by, after their name)
    core = regex.sub(r"(?<=资金|经费)转移支付$", "", core)
    projects_money = bool(_PROJECT_MONEY.search(core))  # '…电子政务中心项目资金': the unit's projects' money
    core = _PROJECT_MONEY.sub("", core)
    # 'XX局关于2021年度…的报告': the unit writing about its project
    core = regex.sub(rf"^(?:[\p{{Han}}]{{2,20}}?{ORG_SUFFIX}|\p{{Han}}{{1,8}}?[乡镇])?关于(?:上报|报送|呈报|公开|印发|发布)?", "", core)  # '关于上报…的报告
    # ('2024年度潘集区“送戏进万村”绩效评价报告': a programme quoted in the title after its year and place is what is evaluated)
    quoted = _QUOTED_PROGRAMME.fullmatch(core)
    if quoted and not _GENERIC_PROJECT.fullmatch(quoted["name"]):
        return quoted["name"]
    # (公益金: a lottery fund, '省级彩票公益金转移支付'; a transfer alone, '中央转移支付', names none)
    # ('森林植被恢复费': a fee levied and spent, named as the fund)
    if not core or not regex.search(r"项目|专项|资金|经费|工程|补助|补贴|公益金|费$", core) or \
            regex.fullmatch(r"(?:\p{Han}{0,4}(?:本级|部门))?(?:项目|专项|资金|经费|专项资金)", core):
        return None  # '项目支出绩效自评表': a form's title, not a project's name
    # Leading year (and place), or unit then year, are how titles are dated, not part of the name,
    # unless the text itself uses the longer form as the project's name.
    body = text[:found.start] + text[found.end:]
    year = r"(?:19|20)\d{2}(?:\s*[-—~至到]\s*(?:19|20)\d{2})?年度?"
    stripped = regex.sub(rf"^(?:{_TERM_PERIOD}|{year})", "", core)
    if stripped == core and (bare := _BARE_YEAR.match(core)):
        stripped = core[bare.end():]
    place_first = _PLACE.match(core)
    # the channel the funds come by may stand between the place and the year ('铜梁区转移支付2022年度…')
    channel = r"(?:转移支付|财政|本级)?"
    # a place before a central fund's name receives it ('河北省中央农业生产和水利救灾资金'): the fund is the centre's
    if stripped == core and place_first and place_first[0] and (regex.match(channel + year, core[place_first.end():])
                                                                 or (dated_after and place_first["county"])
                                                                 or (core.startswith("中央", place_first.end())
                                                                     and regex.search(r"(?:资金|经费|补助|专项)$", core))):
        stripped = regex.sub(rf"^{channel}{year}", "", core[place_first.end():])  # '岳阳市2019年…'
    elif stripped != core and department and stripped.startswith(department) and len(stripped) > len(department) + 1:
        stripped = stripped[len(department):]  # '2018年上海市审计局审计专项工作经费': the unit's, dated
    elif stripped != core:
        place = _PLACE.match(stripped)
        if place and place[0] and (place["county"] or (place["prov"] and not place["city"])):
            stripped = stripped[place.end():]  # '2016-2018年河北省省级就业补助资金': the province's, not the name's
    elif department and core.startswith(department):
        stripped = regex.sub(r"^(?:19|20)\d{2}年度?", "", core[len(department):])
        # ('…分局项目支出绩效自评报告': 项目支出 is the report's kind, the unit's project spending, and names no work)
        kind_words = core[len(department):] == "项目" and f"{department}项目支出" in title
        if _WORKS_ON_THE_UNIT.fullmatch(core[len(department):]) and not projects_money and not kind_words:
            # '社会福利中心建设项目', '日间照料中心项目': the unit is what the project builds, its name is the project's
            # (not a unit's dated projects, '…委员会2019年度项目', nor its money, '…第四中学专项资金', '…中心项目资金')
            stripped = core[len(place_of(core) or ""):]
    else:
        # a unit, or a town or township that names its own government ('…同德镇2021年度部门预算项目')
        # ('六安市供销系统2018年…': a sector's units together, '系统', stand as a unit does)
        org = regex.match(rf"[\p{{Han}}]{{2,20}}?(?:{ORG_SUFFIX}|镇|乡|系统)(?=(?:19|20)\d{{2}}年)", core)
        if org:
            stripped = regex.sub(r"^(?:19|20)\d{2}年度?", "", core[org.end():])
    if stripped != core and stripped and not _GENERIC_PROJECT.fullmatch(stripped) and _named_in_body(core, body):
        return core
    name = stripped or core
    # the kind of evaluation around the name once its unit is gone ('…交通运输局部门公交补贴重点项目': a department's evaluation
    # of a key project): '公交补贴项目'
    if stripped != core:
        name = regex.sub(r"(?<=\p{Han}{2})重点项目$", "项目", regex.sub(r"^部门(?!整体|预算|决算)(?=\p{Han}{4})", "", name))
    # the unit's own name once its place is gone ('2022年度隆回县桃花坪街道乡村振兴项目' of 隆回县桃花坪街道)
    unit = department[len(place[0]):] if department and (place := _PLACE.match(department)) else None
    # but the unit's own funds ('泥城镇河道整治办经费项目') are named by the unit: no name is left without it
    rest = name[len(unit):] if unit and len(unit) >= 2 and name.startswith(unit) else ""
    if regex.search(r"项目|专项|资金|经费|工程", rest) and not _GENERIC_PROJECT.fullmatch(rest):
        name = rest
    # the year written after the name ('…建设项目2020年度绩效自评报告') and the words of a report on the money's use
    # ('关于…资金使用情况的绩效评价报告') date and frame the project; they are not its name
    name = _AFTER_NAME.sub("", name) or name
    # what is left of 'XX局2021年度项目绩效自评报告' once its unit and year are gone names no project
    # '曾都区财政项目支出绩效评价报告': a place's fiscal projects, a template's heading naming none
    without_place = name[len(place_of(name) or ""):]
    return None if _GENERIC_PROJECT.fullmatch(name) or _GENERIC_PROJECT.fullmatch(without_place) else name


_WORKS_ON_THE_UNIT = regex.compile(r"(?:建设|改造|新建|扩建|改扩建|维修)?(?:项目|工程|工程项目)")
# '2024年度潘集区“送戏进万村”': a year, a place and a quoted programme, nothing else
_QUOTED_PROGRAMME = regex.compile(r"(?:(?:19|20)\d{2}年度?)?[\p{Han}]{0,12}?(?:省|市|县|区|州|旗|乡|镇)?[“\"](?P<name>[^“”\"]{2,20})[”\"]")


_AFTER_NAME = regex.compile(r"(?:(?<=\p{Han}{4})(?:19|20)\d{2}年度?|(?:的)?(?:使用|管理|执行|实施)?情况的?|的)$")


# A project "name" that is only the generic word for one: no name (unknown, not a guess).
# (a level's budget projects as a kind: '市直预算项目绩效自评报告', the form every project of the city's own units uses)
_GENERIC_PROJECT = regex.compile(r"(?:本级|部门|单位|财政|[省市县区](?:直|级))?(?:预算)?(?:项目|专项|资金|经费|专项资金|项目资金|项目支出|支出项目|工程|工程项目|"
                              r"建设项目|改造项目|"  # '建设项目绩效自评报告': a kind of project, none named
                              # ('2023年度重点项目财政支出绩效评价', '各项目资金…': some projects, none named)
                              r"(?:重点|各|全部|部分|有关|相关)(?:项目|专项)(?:资金)?|"
                              r"(?:项目|专项)?(?:资金|经费)项目)"
                              # a department's whole spending is no project: '项目名称:部门整体支出绩效评价报告'
                              r"|(?:部门|单位)整体(?:支出)?"
                              # both kinds in one report: '…中心2022年整体和项目支出绩效自评总结报告'
                              r"|(?:部门|单位)?整体(?:支出)?[和及与](?:项目)?(?:支出)?"
                              # the kind of a transfer-payment form ('2021年中央对地方专项转移支付区域绩效目标自评表')
                              r"|(?:中央对地方)?(?:专项)?转移支付(?:区域|项目|整体)?"
                              # the kind of money a bond raises ('2022年度地方政府专项债券项目资金绩效评价结果'): no project named
                              r"|(?:新增)?(?:地方)?(?:政府)?专项债券?(?:项目)?(?:资金)?")


def _named_in_body(name: str, body: str) -> bool:
    """The longer form is used as the project's name in the text, not only as a repeat of the title."""
    # '对盐湖区2023年度…项目进行了绩效评价' repeats what is evaluated, as a title does
    # the title repeated over its lines ('…项目资金\n\n绩效评价报告'), or '对…项目实施绩效评价', repeats it too
    # ('…专项事业费(项目)2017年度绩效自评报告': the title again, with its kind and year)
    return any(not regex.match(r"(?:\((?:项目|专项)\))?(?:(?:19|20)\d{2}年度?)?(?:资金|支出)?\s*(?:进行了?|开展了?|实施)?"
                               r"(?:重点|综合|事前|事中|事后|全周期)?(?:绩效|评价|自评|项目支出)",
                               body[m.end():m.end() + 20])
               for m in regex.finditer(regex.escape(name), body))


# A 部门整体支出绩效自评表 whose first key is the bare word '部门' in a cell of its own, opening its line ('部门 | 金寨县…中心 |'):
# only so, since the word stands in many keys ('主管部门') and phrases ('部门整体')
_DEPARTMENT_CELL = regex.compile(r"(?m)^[ \t]*部门[ \t]*\|[ \t]*([^|\n]{2,30})")


# a unit that says what it is, as a department-wide report opens ('郴州市殡葬管理处是隶属于市民政局的二级机构')
_DESCRIBES_ITSELF = regex.compile(r"(?:是|系|为)[^。;]{0,30}?(?:单位|机构|部门|事业单位|组成部门|直属)")


def find_department(ctx: Context, title: Found | None) -> Found | None:
    found = _find_department(ctx, title)
    # ('2023年度办公楼维修项目': the year's words before a building's, '年度办', no unit)
    if found is None or found.value.startswith(("年", "度")):
        return None
    unit = unit_after_clause(found.value)
    found = found if unit == found.value else Found(unit, found.end - len(unit), found.end)
    # '昆明市公安局国家高新技术产业区分局': a branch written on after its parent bureau is the unit itself
    # (a unit read from a title carries the title's span: the branch follows the unit's name inside it)
    at = ctx.text.find(found.value, found.start, found.end + len(found.value))
    branch = _BRANCH_AFTER.match(ctx.text, at + len(found.value)) if at >= 0 else None
    return Found(found.value + branch[0], found.start, max(found.end, branch.end())) if branch else found


_WORKS_AFTER = regex.compile(r"(?:提升改造|改造提升|维修改造|改扩建|新建|扩建|改建|建设|改造|修缮)(?:工程|项目)")
# what works build or renovate as a facility ('垃圾转运站', '社会福利中心', '文化馆'); an institution that renovates its
# own buildings ('某县人民医院改扩建工程', '某中学维修改造项目') runs the works itself
_FACILITY = regex.compile(r"(?:站|中心|馆|场)$")
_BRANCH_AFTER = regex.compile(r"\p{Han}{1,14}?(?:分局|分院|分中心|分公司)(?!\p{Han}{0,2}(?:关于|印发))")


def unit_after_clause(name: str) -> str:
    """'最后向县交通运输局…': the words of the clause before a preposition are no part of the unit after it."""
    m = _CLAUSE_BEFORE_UNIT.match(name)
    return name[m.end():] if m else name


# (the prepositions of PREPOSITIONS, below)
_CLAUSE_BEFORE_UNIT = regex.compile(rf"^\p{{Han}}{{1,6}}?[对由在向从经受据按将把被给与和及为](?=[省市县区乡镇][\p{{Han}}]{{0,12}}?{ORG_SUFFIX}$)")


# the seal's mark a report prints after the unit that stamps it ('…绩效自评报告衡山县妇幼保健计划生育服务中心(盖章)')
_SEAL = regex.compile(r"[((](?:盖章|公章|签章)[))]")
_SEALED_UNIT = regex.compile(rf"\p{{Han}}{{1,30}}?{ORG_SUFFIX}")
# what stands before the unit on its line: the title it is set under, or anything not a word
_BEFORE_SEALED_UNIT = regex.compile(r"(?s)^.*(?:报告|自评表|评价表|[^\p{Han}])")
# who stamps a review of others' work: an evaluation centre, a performance office (_EVALUATOR names the firms)
_REVIEWER = regex.compile(r"评价中心|绩效管理|预算绩效|评审中心|评估中心")


def _unit_under_its_seal(text: str) -> Found | None:
    """The one unit a report stamps, its seal's mark after its name (never a label's, '单位(盖章):', nor an evaluator's
    firm or a finance bureau that stamps its own review): the report's own unit."""
    units = {}
    for seal in _SEAL.finditer(text):
        start = max(0, seal.start() - 40)
        before = _BEFORE_SEALED_UNIT.match(text[start:seal.start()])
        start += before.end() if before else 0
        name = text[start:seal.start()]
        if _SEALED_UNIT.fullmatch(name) and place_of(name) and not _EVALUATOR.search(name) and not _REVIEWER.search(name) \
                and not _NOT_A_UNIT.match(name) \
                and not regex.match(r"\s*[::]", text[seal.end():seal.end() + 2]):
            units.setdefault(name, Found(name, start, seal.start()))
    return next(iter(units.values())) if len(units) == 1 else None


def _find_department(ctx: Context, title: Found | None) -> Found | None:
    facility: Found | None = None  # a facility the titled works build: the unit only where none other is named

    def is_unit(value: str) -> bool:
        value = strip_code(value)
        # a cell that lists several units ('塘桥街道党政办、管理办、平安办、服务办') names no one department
        # ('新洲区文化和旅游局机关': a bureau's own office, as a form names the unit that spends)
        # ('(一)项目单位基本情况龙岩市园林管理局隶属于龙岩市住建局': a heading and a sentence, no form's cell)
        return 2 <= len(value) <= 30 and "、" not in value and bool(regex.search(ORG_SUFFIX + "(?:机关)?$", value)) \
            and not _HEADING_OR_SENTENCE.search(value) and not _SEVERAL_UNITS.search(value)

    def is_unit_or_company(value: str) -> bool:
        # a form's own cell for the unit that carries the project out may name a state company ('项目实施单位 广水市城投
        # 公司', '芦山县水务投资有限公司'): the cell's role says whose project it is, where no evaluator's trade names it
        v = strip_code(value)
        return is_unit(value) or (2 <= len(v) <= 40 and "、" not in v and bool(_COMPANY.search(v)) and not _SEVERAL_UNITS.search(v)
                                  and bool(_STATE_ENTERPRISE.search(v)) and not _EVALUATOR_TRADE.search(v))

    # 资金使用单位: the implementing unit of a transfer-payment form (its 主管部门 are the ministry and province above)
    labels = ["被评价单位", "被考核单位", "被评价部门", "评价对象", "评价项目单位", "实施单位", "项目实施单位",
              "实施(主管)单位", "主管(实施)单位",  # one cell for both roles (Hebei's 预算项目绩效自评表)
              "实施部门", "项目实施部门", "资金使用单位",
              "项目承担单位", "承担单位",  # the unit that undertakes the project
              "预算单位名称", "预算单位", "预算部门单位", "预算部门",
              "项目单位名称", "项目单位", "单位名称", "部门名称",
              "部门(单位)名称", "单位(部门)名称",  # the 部门整体 自评表's own cell
              "评价部门名称",  # the department a 整体支出绩效自评表 assesses (its own)
              "部门(单位)全称", "单位(部门)全称", "单位全称", "部门全称",  # its cover page
              # (a transfer payment's form names the province's department before the local one:
              # '省级主管部门 中共某省委宣传部 地方主管部门 中共某区委宣传部')
              "地方主管部门", "项目主管部门", "主管部门",
              # the unit that fills in and stamps its own self-assessment form
              "填报单位", "填表单位", "单位(盖章)"]
    found = None
    for label in labels:
        # (a company only in the cells for the unit that carries the project out or fills the form in; one using a
        # transfer's funds, '资金使用单位 某放映有限公司', is a beneficiary)
        accept = is_unit_or_company if label in _IMPLEMENTER_CELLS else is_unit
        # the unit that commissions or does the evaluation is not the one evaluated
        found = form_field(ctx.text, [label], accept=accept, not_after=r"委托|评价|评审|中介|组织")
        if found:
            break
    if found and _DIVISION.fullmatch(strip_code(found.value)) and place_of(strip_code(found.value)) is None:
        # '主管部门 宣城市公安局 实施单位 禁毒支队': a division named without its place is part of the unit over it
        over = form_field(ctx.text, ["项目主管部门", "主管部门"], accept=lambda v: is_unit(v) and place_of(strip_code(v)) is not None)
        found = over or found
    if found and FINANCE_BUREAU.search(strip_code(found.value)):
        # '项目单位 舟山市嵊泗县财政局 / 主管部门 舟山市嵊泗县人民政府': the finance bureau holds the funds it passes on; the
        # department the form puts over them is whose project it is; so is the unit a cell names beside it
        # ('项目单位:湖北省财政厅湖北省水利厅')
        beside = regex.fullmatch(r"\p{Han}{0,12}?财政[局厅](?P<unit>\p{Han}{2,30})", strip_code(found.value))
        unit = beside["unit"] if beside else ""
        # (a unit with its own place, not the bureau's own office: '长沙市财政局信息中心')
        if unit and is_unit(unit) and not FINANCE_BUREAU.search(unit) and place_of(unit) and \
                (at := ctx.text.find(unit, found.start)) >= 0:
            found = Found(unit, at, at + len(unit))
        else:
            over = form_field(ctx.text, ["项目主管部门", "主管部门"],
                              accept=lambda v: is_unit(v) and not FINANCE_BUREAU.search(v))
            found = over or found
    if found is None and (cell := _DEPARTMENT_CELL.search(ctx.text)) and is_unit(cell[1].strip()):
        found = Found(cell[1].strip(), cell.start(1), cell.start(1) + len(cell[1].strip()))
    if found is None:
        # the unit that submits its own report ('报告单位:湖南省文化厅'), where no evaluator's firm does
        found = form_field(ctx.text, ["报告单位"], accept=lambda v: is_unit(v) and not _EVALUATOR.search(v))
    if found is None:
        # a self-assessment's cover names its own unit as the one that evaluates ('评价单位(盖章):海南省高级人民法院'),
        # where no firm does (an evaluator's firm is no department)
        found = form_field(ctx.text, ["评价单位"], accept=lambda v: is_unit(v) and not _EVALUATOR.search(v))
    if found:
        # the same unit in another of the form's cells written in full ('项目实施单位 海南林业厅生态中心' and
        # '项目单位:海南省林业厅生态公益林管理中心'): the full name
        short = strip_code(found.value)
        for key in ("项目单位", "实施单位", "项目实施单位", "单位名称", "部门名称", "预算单位"):
            other = form_field(ctx.text, [key], accept=is_unit, not_after=r"委托|评价|评审|中介|组织")
            full = strip_code(other.value) if other else ""
            # (not a cell that lists the finance bureau before it: '湖北省财政厅湖北省水利厅')
            if len(full) > len(short) and _holds_in_order(full, short) and full[:2] == short[:2] \
                    and (FINANCE_BUREAU.search(short) or not FINANCE_BUREAU.search(full)):
                return Found(full, other.start, other.end)
        return Found(short, found.start, found.end)
    for roles in _ROLE_SENTENCES:
        m = roles.search(ctx.text)
        if m and not _NOT_A_UNIT.match(m[1]):
            # '该项目实施单位为区应急局': the verb is no part of the unit its level word opens
            name = _without_preposition(m[1])
            return Found(name, m.end(1) - len(name), m.end(1))
    if title:
        m = _TITLE_UNIT.match(title.value)
        if m and FINANCE_BUREAU.search(m[1]):
            # '福州市财政局关于市环保局2017年度…项目绩效重点评价结论': the finance bureau evaluates; the unit it writes
            # about is the one evaluated (a finance bureau's report on itself, '南县财政局2020年度…', stays its own)
            about = regex.match(rf"关于对?([\p{{Han}}]{{2,20}}?{ORG_SUFFIX})(?=(?:19|20)\d{{2}}年|[\p{{Han}}]{{0,30}}?(?:项目|资金|经费))",
                                title.value[m.end(1):])
            if about:
                return Found(about[1], title.start, title.end)
        # ('健全现代医院管理制度项目…': a policy's verb before an institution's word names no unit)
        if m and not regex.search(r"项目|资金|经费|绩效", m[1]) and not _POLICY_VERB.match(m[1]):
            # '怀化市中心血站项目…': a unit whose name goes on past a shorter one's word (中心 of 中心血站)
            tail = _UNIT_GOES_ON.match(title.value, m.end(1))
            named = Found(m[1] + (tail[0] if tail else ""), title.start, title.end)
            if not (_WORKS_AFTER.match(title.value, m.end(1)) and _FACILITY.search(named.value)):
                return named
            # ('…滨河家园垃圾转运站提升改造项目': a facility the works build or renovate; the unit that runs them is
            # the one the page names elsewhere, and the facility only where it names none)
            facility = named
        # a township's whole spending ('田心乡部门整体支出绩效自评报告'): its government, as the text names it
        town = _TOWN_TITLE.match(title.value)
        at = ctx.text.find(town[1] + "人民政府") if town else -1
        if at >= 0:
            return Found(town[1] + "人民政府", at, at + len(town[1]) + 4)
        if town:  # (a text that never writes out its government: the township by its name, with its county where
            # the text gives it one: '昌宁县鸡飞镇')
            placed = _county_before(ctx.text, town[1]) if place_of(town[1]) is None else None
            if placed is not None:
                return placed
            return Found(town[1], title.start, title.start + town.end(1))
        # the title printed again with its unit before it ('1、海南省地质综合勘察院财政支出项目绩效自评报告二0一四年…' under a
        # page headed '财政支出项目绩效自评报告'): that unit's
        found = _unit_before_the_title_again(ctx.text, title)
        if found is not None:
            return found
        # a cover page sets the unit on its own line under or over the title: surer than any count of mentions, but
        # after a sentence that names the unit carrying the project out ('本项目由安溪县第一中学负责项目建设', under a
        # notice the 主管部门 publishes): the implementer before the unit over it (DOMAIN.md's order)
        found = _unit_line_beside(ctx.text, title)
        if found and not _EVALUATOR.search(found.value) and not _NOT_A_UNIT.match(found.value):
            run_by = _RUN_BY.search(ctx.text)
            if run_by and not _NOT_A_UNIT.match(run_by[1]) and not _EVALUATOR.search(run_by[1]) \
                    and run_by[1] != found.value and place_of(run_by[1]):
                return Found(run_by[1], run_by.start(1), run_by.end(1))
            return found
    text = ctx.text
    for pattern in (_RUN_BY, _EVALUATED_UNIT, _SELF_ASSESSING_UNIT):
        m = pattern.search(text)
        if m and not _NOT_A_UNIT.match(m[1]) and not (pattern is _SELF_ASSESSING_UNIT and _EVALUATOR.search(m[1])):
            return Found(m[1], m.start(1), m.end(1))
    # The unit the text defines a short name for: '祁东县农业农村局(以下简称“县农业农村局”)' — a
    # definition outweighs how often a name heads a sentence.
    for m in _SHORT_NAMED_UNIT.finditer(text):
        name, start = _from_place(m[1]), m.start(1) + len(m[1]) - len(_from_place(m[1]))
        if not _EVALUATOR.search(name) and not _NOT_A_UNIT.match(name) and len(name) >= 3 \
                and not regex.search(r"受|委托", text[max(0, m.start() - 12):m.start()]):
            return Found(name, start, m.end(1))
    # The unit that heads sentences: '金山区科学技术委员会每年安排…', '县政协坚持…'.
    counts: Counter = Counter()
    spans: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    for m in _SENTENCE_HEAD_UNIT.finditer(text):
        name = m[1]
        # (an evaluator's kind of unit only where the sentence gives it the report's own figures: '南县财政局机关各项收入
        # 合计…' in the finance bureau's own report)
        if regex.search(r"关于|根据|按照|通过|为了|项目|资金|经费|绩效|印发|我们|本|该|中共", name) or _NOT_A_UNIT.match(name) \
                or (_EVALUATOR.search(name) and not _OWN_ROLE_NAMED_AFTER.match(text, m.end(1))) \
                or len(name) < 3:  # '公办' (园) is no office
            continue
        after = text[m.end(1):m.end(1) + 16]
        rest = regex.match(r"[^。!?\n]*", text, pos=m.end(1))[0]
        if name + rest in seen:
            continue  # the same sentence printed again (a page repeated) is one mention, not a second
        seen.add(name + rest)
        counts[name] += 1 + (2 if _ACTION_AFTER.match(after) or _DESCRIBES_ITSELF.match(rest) else 0)
        spans.setdefault(name, (m.start(1), m.end(1)))
    if counts:
        name, votes = counts.most_common(1)[0]
        if votes >= 2:
            return Found(name, *spans[name])
        # (units each named once: the one a sentence gives the evaluated unit's role, wherever it stands)
        once = next((n for n in spans if _placed_unit_once(text, n, spans[n][1])), None)
        if once is not None:
            return Found(once, *spans[once])
    # The unit that stamps the report: its name before the seal's mark (where no sentence gave the unit its role).
    sealed = _unit_under_its_seal(text)
    if sealed is not None:
        return sealed
    # The unit that signs the report: its name alone on a line, above the date.
    m = _SIGNATURE.search(text[-400:])
    if m and not _EVALUATOR.search(m[1]):
        base = max(0, len(text) - 400)
        return Found(m[1], base + m.start(1), base + m.end(1))
    # A government portal files a unit's report under the unit's own section: the breadcrumb names it, where
    # the page's first line names the portal ('牟定县人民政府' over '首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文').
    crumb = _BREADCRUMB.search(text[:1500])
    if crumb:
        for unit in reversed(list(_CRUMB.finditer(crumb[0]))):
            name = unit[0].strip()
            # a step names a unit with its place; '乡镇街办' is a kind of unit the site sorts by
            if is_unit(name) and place_of(name) is not None and not _EVALUATOR.search(name) and not _NOT_A_UNIT.match(name):
                return Found(name, crumb.start() + unit.start() + unit[0].index(name), crumb.start() + unit.end())
    m = _LETTERHEAD.match(text)
    if m and not _EVALUATOR.search(m[1]) and not m[1].startswith(_LETTERHEAD_KEYS):
        return Found(m[1], m.start(1), m.end(1))
    # Last: the unit a government page names as the item's source or publisher ('来源:临河区农牧和科技局',
    # '发布机构 腾冲市农业农村局').
    # a division named relative to its ministry ('厅公共服务处': which 厅 the page leaves to its site) is no unit
    # (a place's 会 too: '…区残疾人联合会', '…市红十字会', and as a page may misprint it, '…残疾人联会会')
    # (a finance bureau as the source publishes every unit's report on its page of budgets and accounts: '来源:海林市财政局'
    # over a report of the county's agriculture and finance offices; its own report names it in its title)
    found = form_field(text[:1500], ["来源", "信息来源"], max_len=30,
                       accept=lambda v: (is_unit(v) or (v.endswith("会") and place_of(v) is not None))
                       and not regex.match(r"[厅局委办部处司]", v) and not FINANCE_BUREAU.search(v)
                       and not (_DIVISION.fullmatch(v) and place_of(v) is None))  # ('来源: 规划财务处': a ministry's division)
    # a publisher is named as the site lists it ('发布机构 教育局'): the department only with its place; the organ
    # that issued the file ('发文机关:白沙黎族自治县邦溪镇') may be a township, which writes of its own projects
    found = found or form_field(text[:1500], ["发布机构", "发文机关"], max_len=30,
                                accept=lambda v: (is_unit(v) or _TOWNSHIP.search(v) is not None) and place_of(v) is not None)
    if found:
        return Found(strip_code(found.value), found.start, found.end)
    # last: the unit an evaluator's team visited on site, where the text names no unit otherwise (never the finance
    # bureau whose vouchers it checked, '评价工作组赴某市财政局进行实地核查')
    visited = next((m for m in _VISITED_UNIT.finditer(text) if not FINANCE_BUREAU.search(m[1])), None)
    return Found(visited[1], visited.start(1), visited.end(1)) if visited else facility


def _county_before(text: str, town: str) -> Found | None:
    """The township as the text names it after its county ('发布机构 昌宁县鸡飞镇'): the page's publisher where it is the
    township so named, else a place just before it that opens a run of words (a key glued before it, '…机构昌宁县…',
    leaves where the place starts unsaid)."""
    published = form_field(text[:1500], ["发布机构", "发文机关", "来源", "信息来源"], max_len=30,
                           accept=lambda v: v.endswith(town) and place_of(v[:-len(town)]) is not None)
    if published is not None:
        return Found(strip_code(published.value), published.start, published.end)
    for m in regex.finditer(regex.escape(town), text):
        for k in range(2, 7):
            start = m.start() - k
            county = text[max(0, start):m.start()]
            if start >= 0 and county[-1:] in "县市区旗" and place_of(county) == county \
                    and (start == 0 or not regex.match(r"\p{Han}", text[start - 1])):
                return Found(county + town, start, m.end())
    return None


def _unit_before_the_title_again(text: str, title: Found) -> Found | None:
    """The one unit the text prints straight before another copy of a title that names none."""
    squashed = regex.sub(r"\s", "", title.value)
    if _TITLE_UNIT.match(squashed) or place_of(squashed) is not None or len(squashed) < 6:
        return None
    units = {m[1]: m for m in regex.finditer(rf"(?<![\p{{Han}}])([\p{{Han}}]{{2,24}}?{ORG_SUFFIX}){regex.escape(squashed)}", text)
             if not _EVALUATOR.search(m[1]) and not _NOT_A_UNIT.match(m[1]) and place_of(m[1]) is not None}
    if len(units) != 1:
        return None
    (name, m), = units.items()
    return Found(name, m.start(1), m.end(1))


# what a unit's name may run on into: a site, a works, or a unit of its own ('…交通运输局质监站')
_NAME_GOES_ON_AFTER_UNIT = regex.compile(r"门户|网|工程|项目|迁建|新建|改扩建|\p{Han}{0,4}?(?:站|所|队|科|股|室|中心|分局)|\s*$")
# The roles the evaluated unit names itself in, which no other unit of the report takes: the project's managing unit,
# its own dated budget or staff ('…委员会部门2021年末实有人员编制20人'), its own income or spending in all, its year
# said before it ('2024年,南县财政局机关各项收入合计2602.28万元'); never the funds' managing department (a superior's
# role) nor the unit that uses what the funds bought (a beneficiary's).
_OWN_ROLE_NAMED = (r"作为(?:项目|本项目)?(?:管理|实施|承担|责任)单位|"
                   r"(?:机关|本级)?(?:各项)?(?:收入|支出)(?:合计|总计|总额)|" + _OWN_YEAR_AFTER)
# … and what else it does in the sentence it opens: runs the project, or evaluates its own work (never another unit's:
# '…对我县…进行了考核' is a superior's)
_OWN_ROLE_AFTER = regex.compile(r"(?:主要)?负责(?!\p{Han}{0,12}(?:指导|监督|审核|协调))|"
                                r"作为(?:项目|资金|本项目)?(?:管理|实施|主管|承担|责任|预算|使用)(?:单位|部门)|"
                                r"对(?!我)[^。;\n]{0,40}?(?:开展|进行)了?\p{Han}{0,6}?(?:评价|自评)|\p{Han}{0,4}绩效自评|"
                                + _OWN_ROLE_NAMED)
_OWN_ROLE_NAMED_AFTER = regex.compile(_OWN_ROLE_NAMED)
# a unit under the report's own ('所属单位中,…第二中学2022年预算支出…', '…中心…为下属最大单位')
_SUBORDINATE = regex.compile(r"所属|下属|二级单位|直属")
# the kind of unit the report calls itself ('我局'): a unit of another kind named once is not the report's own
_SELF_KIND = regex.compile(r"[我本](局|委|院|中心|办|厅|校|站|所)(?![\p{Han}]{0,1}(?:级|部))")
# the report's own unit claiming the role itself ('我局负责项目的组织实施'): a unit it names is then another
_SELF_IN_ROLE = regex.compile(r"我(?:局|单位|委|院|中心|办|站|所|校|部门|厅|会)(?:主要)?(?:负责|作为|承担|组织实施)")


def _placed_unit_once(text: str, name: str, end: int) -> bool:
    """A unit named once at a sentence's head, with its place (named again elsewhere), where the sentence gives it the
    evaluated unit's role ('…局主要负责…', '…局作为项目管理单位', '…局对2022年度…开展了绩效评价') and the report does not
    claim that role for itself ('我局负责…'): the report's own unit. A unit it names once in another role (the
    hospital its funds bought for, the auditor, a superior that checked its work) is not."""
    place = place_of(name)
    # (a place named once: only where the sentence names the role outright, of no unit under another, and the report
    # calls itself by no other kind of unit)
    if not place or not name.startswith(place) or len(name) <= len(place) + 1 \
            or (text.count(place) < 2 and not _named_in_its_own_role(text, name, end)) \
            or name.endswith(("人民政府", "政府")) or _NAME_GOES_ON_AFTER_UNIT.match(text, end):
        return False
    return _OWN_ROLE_AFTER.match(text, end) is not None and _SELF_IN_ROLE.search(text) is None


_SENTENCE_BEFORE = regex.compile(r"[^。\n]*[。\n]+[^。\n]*$")
_SENTENCE_OR_LINE_END = regex.compile(r"[。\n]")


def _named_in_its_own_role(text: str, name: str, end: int) -> bool:
    """The once-named unit ending at `end` names its role outright (_OWN_ROLE_NAMED), is no unit under the report's own,
    and is of the kind the report calls itself, where it calls itself one."""
    if not _OWN_ROLE_NAMED_AFTER.match(text, end):
        return False
    start = end - len(name)
    # the unit's sentence and the one before it ('本部门包括委机关及所属医疗卫生单位。…人民医院2022年收入合计…'): no unit
    # under the report's own
    before = _SENTENCE_BEFORE.search(text[max(0, start - 300):start])
    opening = max(0, start - 300) + before.start() - 1 if before else -1
    closing = _SENTENCE_OR_LINE_END.search(text, end)
    if _SUBORDINATE.search(text, opening + 1, closing.start() if closing else len(text)):
        return False
    return all(name.endswith(m[1]) for m in _SELF_KIND.finditer(text))


_TOWNSHIP = regex.compile(r"\p{Han}{2,}(?:乡|镇)(?:人民政府)?$")


# A finance bureau passes funds on and evaluates; the unit it names beside or over itself runs the project.
FINANCE_BUREAU = regex.compile(r"财政局|财政厅")

# A unit's internal division, named without the unit ('禁毒支队', '办公室', '计财科', '治安大队'): no level
# word opens it (a '县农业农村局' is a unit whose place the text leaves out).
_DIVISION = regex.compile(r"(?![县市区州省乡镇旗])\p{Han}{1,8}(?:支队|大队|中队|科|股|室|处|组)")
# ('玄马镇关于农村厕所革命建设项目的绩效自评报告': the township writing about its own project)
# ('三堂街镇2021年度村管费支出绩效评价报告': a township dating the spending it reports on)
# (never a kind of town, '特色小镇', nor towns at large, '全市乡镇')
_TOWN_TITLE = regex.compile(r"(?:(?:19|20)\d{2}年度?)?(?![全各本])(\p{Han}{1,8}?(?<![小乡特])[乡镇])(?:人民政府)?(?:(?:(?:19|20)\d{2}年度?)?(?:部门|单位)整体|关于"
                            r"|(?:19|20)\d{2}年度?)")
# A page's path from its site's home ('当前位置:首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文') and its steps.
_BREADCRUMB = regex.compile(r"(?m)^[^\n]{0,12}首页[ \t]*(?:>>?|›|»|>)[^\n]*$")
_CRUMB = regex.compile(r"[^>›»\n]+")


# the unit alone on its line, or followed by when the page was published ('湖南省应急管理厅 时间:2023-06-28 09:06')
# ('2018年度部门整体支出绩效自评报告' over '(冷水滩区环境保护局)': the unit in brackets under a title that names none)
_UNIT_LINE = regex.compile(rf"[ \t]*(?:\((?=[^()\n]+\)[ \t]*$))?([\p{{Han}}()]{{2,30}}?{ORG_SUFFIX})\)?[ \t]*"
                           r"(?:(?:发布)?(?:时间|日期)[::]\s*(?:19|20)\d{2}[-./年][^\n]*)?")
_COVER = 600  # a cover page's lines: the title and the unit set under or over it


def _unit_line_beside(text: str, title: Found) -> Found | None:
    """The unit set on a line of its own right under or over the title on a cover page (blank lines
    between them aside): '2019年部门整体支出绩效评价报告' / '益阳市赫山区城市管理和综合执法局'."""
    if title.start > _COVER:
        return None
    line_start = text.rfind("\n", 0, title.start) + 1
    line_end = text.find("\n", title.end)
    line_end = len(text) if line_end < 0 else line_end
    below = regex.match(r"\n(?:[ \t]*\n)*([^\n]*)", text, pos=line_end)
    above = regex.search(r"([^\n]*)(?:\n[ \t]*)*\n$", text[:line_start]) if line_start else None
    for m in (below, above):
        if m is not None:
            unit = _UNIT_LINE.fullmatch(m[1])
            if unit and not unit[1].startswith(_LETTERHEAD_KEYS):
                return Found(unit[1], m.start(1) + unit.start(1), m.start(1) + unit.end(1))
    return None


def _from_place(name: str) -> str:
    """A unit's name from where its place begins: '月对连云港市赣榆区教育局' → '连云港市赣榆区教育局' (the
    pattern starts on the words before it); a name without a place is left whole."""
    for i in range(len(name) - 2):
        m = _PLACE.match(name, i)
        if m and m[0] and (m["prov"] or m["city"] or m["county"]) and len(m[0]) >= 2 and place_of(name[i:]) is not None \
                and not _CITY_CAMPAIGN.search(name, 0, i + len(m[0])):  # ('数字化城市…': no '字化城市' inside it)
            return _without_preposition(name[i:])
    return name


# A preposition a sentence puts before a unit ('对缙云县交通运输局实施的…', '由X负责'): not the place's first
# character, where what follows is a place of its own with a two-character name (和县, 于都县 keep theirs).
PREPOSITIONS = "对由在向从经受据按将把被给与和及为"
# ('由原南京市农业委员会下达': 原, 'former', before a place whose name stands whole after it; 原阳县 and 原州区 keep theirs)
_PREPOSITION = regex.compile(rf"^[{PREPOSITIONS}原]")
_TWO_CHARACTER_PLACE = regex.compile(r"^[\p{Han}]{2,4}?(?:市|县|区|旗|自治州|州|地区|盟)")
# a unit named by its level word alone ('区应急局', '县财政局'): after a preposition ('实施单位为区应急局'), the level
# word opens the unit's name; '为区' is no place
_LEVEL_UNIT = regex.compile(rf"^[省市县区乡镇旗州]{ORG_SUFFIX}|^[省市县区乡镇旗州]\p{{Han}}{{1,10}}?{ORG_SUFFIX}$")


def _without_preposition(name: str) -> str:
    if _PREPOSITION.match(name) and (_TWO_CHARACTER_PLACE.match(name[1:]) or _LEVEL_UNIT.match(name[1:])):
        return name[1:]
    return name


def place_of(name: str | None) -> str | None:
    """The region a name starts with: '池州市贵池区棠溪镇人民政府' → '池州市贵池区'."""
    if not name:
        return None
    name = _without_preposition(regex.sub(r"^关于", "", name))  # '关于贵州水城区…的公示': a notice on the place's project
    m = _PLACE.match(name)
    if not m or not m[0]:
        return None
    value = m[0]
    if name[len(value):len(value) + 1] in ("级", "域"):
        return None  # '为县级政府', '市级资金': a level of government; '转移支付区域': the word for an area, no place
    lowest = m["county"] or m["city"]
    if lowest and lowest.endswith("市") and value.endswith(lowest) and name[len(value):len(value) + 1] == "街":
        # '草市街道', '北市街': a street's name that holds 市, no city
        value = value[:-len(lowest)]
        if len(value) < 2:
            return None
    if _CLAUSE_OPENING.match(value):
        return None  # '是根据区委区政府的批示': a clause's words before the district's committee, no place's name
    if regex.search(r"[由对向从经被将把给在][县市区乡镇]$", value):
        return None  # '资金由县财政局审批后拨付': a preposition before a level's word, no place named
    parts = (value, m["city"], m["county"])
    # (各地州: each prefecture, no place; but 全州县 and 本溪市 are places)
    # ('2017 年市交警二大队': a date's 年 before the unit's own level word, no place)
    if value.startswith(("中央", "国家", "全国", "中共", "市", "县", "区", "各", "该", "其", "年", "月", "日")) \
            or any(p in _NOT_PLACE or (p.endswith(_NOT_PLACE_ENDINGS) and p != "神农架林区") or _CITY_CAMPAIGN.search(p)
                   for p in parts if p):
        # try without the lowest level ('城区' and the like are not places)
        if m["county"] and value[:-len(m["county"])]:
            value = value[:-len(m["county"])]
        else:
            return None
    # a level's word alone ('自治区本级': the region's own budget level) names no place
    return value if len(value) >= 2 and not _LEVEL_WORD.fullmatch(value) else None


# words that open a clause, never a place's name: a copula, 'according to', 'in order to', 'through', and the
# verbs of asking a superior ('经请示市政府批准': the city's government, no city named 请示市)
# ('因市知识产权局有结余…': a conjunction, one character, before the unit's own level word, no place's name)
_CLAUSE_OPENING = regex.compile(r"^(?:是|系|根据|按照|依据|依照|为了|通过|经过|结合|围绕|请示|报请|提请|报经|"
                                r"[因由对向从将把被经按据以与及并且或但而则](?=[市县区州]$))")
_LEVEL_WORD = regex.compile(r"(?:本级)?(?:自治区|自治州|自治县|自治旗|特别行政区|地区|省|市|县|区|州|盟|旗)(?:本级)?")


# The levels above a place, written just before it: a province, then a prefecture-level city. The chain
# starts where no Han character stands before it, after a preposition, or with a province, so that words of the sentence
# ('受丽水市…' → '丽水市') are not taken for a city's name.
_CHAIN_BEFORE = regex.compile(
    rf"(?:(?P<prov>(?:{'|'.join(PROVINCES)}){PROVINCE_SUFFIX}?)|(?<![\p{{Han}}])|(?<=[{PREPOSITIONS}]))"
    r"(?P<city>[\p{Han}]{2,3}?(?:市|自治州|地区|盟))?$")


def _fullest_chain(text: str, place: str) -> Found | None:
    """The longest 'province city place' the text writes for `place`, where it adds a level."""
    best = None
    for m in regex.finditer(regex.escape(place), text):
        window = text[max(0, m.start() - 12):m.start()]
        c = _CHAIN_BEFORE.search(window)
        if not c or not (c["prov"] or c["city"]):
            continue
        chain = (c["prov"] or "") + (c["city"] or "")
        if place.startswith(chain) or (c["city"] and c["city"] == place):
            continue
        if best is None or len(chain) > len(best[0]):
            best = (chain, m.start() - len(chain), m.end())
    return Found(best[0] + place, best[1], best[2]) if best else None


def _named_on_its_own(text: str, place: str) -> str:
    """A county or district the place pattern began on the words before it ('申报大英县' of '申报大英县医疗救治
    救援中心'): the shorter name the text also writes where those words do not stand before it ('…项目大英县产业…').
    A name the text never writes shorter ('石景山区') is kept whole."""
    m = _PLACE.match(place)
    if not m or m[0] != place or not m["county"] or m["prov"] or m["city"] or "自治" in m["county"]:
        return place
    county = m["county"]
    for k in range(1, len(county) - 2):  # a name keeps two characters before its 县/区/旗/市
        tail = county[k:]
        if any(at.start() == 0 or text[at.start() - 1] != county[k - 1] for at in regex.finditer(regex.escape(tail), text)):
            return tail
    return place


def _county_after_city(text: str, name: str, place: str) -> str:
    """A city's unit for one of its counties, named by the city and the county's short name ('乐山市沐川生态环境局':
    a city bureau's county branch), where the text names that county in full ('沐川县'): the county."""
    m = _PLACE.fullmatch(place)
    if not m or not m["city"] or m["county"] or not name.startswith(place):
        return place
    stem = regex.match(r"\p{Han}{2}", name[len(place):])
    if stem is None:
        return place
    for level in "县区旗":
        county = stem[0] + level
        at = text.find(county)
        while at >= 0:
            # the county on its own, not the tail of a longer word ('经济开发区' for a '…市开发建设局')
            on_its_own = at == 0 or not regex.match(r"\p{Han}", text[at - 1]) or text[at - 1] in _BEFORE_A_PLACE \
                or text[:at].endswith(m["city"])
            if on_its_own and place_of(county) == county:
                return county
            at = text.find(county, at + 1)
    return place


# a city unit's branch in one of its counties: '巴中市公安局巴州区分局'
_COUNTY_BRANCH = regex.compile(r"(?<=[局院委厅])(\p{Han}{1,4}?[县区旗])(?:分局|分院|支队|大队|分所)$")


def _county_branch(name: str, place: str) -> str:
    """A city unit's branch named by the county it serves ('巴中市公安局巴州区分局'): the city with that county."""
    m = _PLACE.fullmatch(place)
    b = _COUNTY_BRANCH.search(name)
    if not m or not m["city"] or m["county"] or b is None or place_of(b[1]) != b[1]:
        return place
    return place + b[1]


def _county_of_a_city_unit(place: str, title_found: Found | None) -> str:
    """A county's form whose unit is the city's supervising department ('霍山县特殊教育补助资金…自评表' with
    '市级主管部门 六安市教育体育局'): the report is of the county the title names, within that city."""
    title = title_found.value if title_found is not None and isinstance(title_found.value, str) else None
    m = _PLACE.fullmatch(place)
    own = place_of(regex.sub(r"^(?:19|20)\d{2}年度?", "", title)) if title else None
    t = _PLACE.fullmatch(own) if own else None
    if not m or not m["city"] or m["county"] or t is None or not t["county"] or t["city"] or t["prov"]:
        return place
    return place + t["county"]


# words a place may follow inside a sentence: '原沐川县…', '在…', '和…'
_BEFORE_A_PLACE = "原在全和与及、"


def find_region(ctx: Context, candidates: list[Found | None]) -> Found | None:
    text = ctx.text
    for cand in candidates:
        if cand is None or not isinstance(cand.value, str):
            continue
        place = place_of(regex.sub(r"^(?:19|20)\d{2}(?:\s*[-—~至到]\s*(?:19|20)\d{2})?年度?", "", cand.value))  # '2019年度宁晋县…', '2016-2018年河北省…
        if not place:
            continue
        if (lower := _place_of_a_bond_project(text, cand.value, place)) is not None:
            return lower
        place = _named_on_its_own(text, place)
        place = _county_after_city(text, cand.value, place)
        place = _county_branch(cand.value, place)
        if cand is candidates[0] and len(candidates) > 1:
            place = _county_of_a_city_unit(place, candidates[1])
        # a province by its short name ('宁夏福利彩票发行中心') that the text writes in full ('宁夏回族自治区民政厅')
        if place in PROVINCES and (full := regex.search(regex.escape(place) + PROVINCE_SUFFIX, text)):
            return Found(full[0], full.start(), full.end())
        place = _autonomous_county_in_full(text, place)
        # Higher levels written before it elsewhere in the text: '上海市' + '金山区', '赣州市' + '瑞金市'.
        fuller = _fullest_chain(text, place)
        if fuller is not None:
            return fuller
        return Found(place, cand.start, cand.end)
    title = next((c for c in candidates[1:2] if c is not None and isinstance(c.value, str)), None)
    found = _place_before_title_name(text, title.value) if title else None
    if found:
        return found
    for line in ctx.norm.dropped_lines:  # the site's own name: '欢迎来到南县政协网站'
        m = regex.search(r"欢迎(?:来到|访问)(.{2,20}?)(?:网站|网|!)", line)
        if m:
            place = place_of(m[1])
            if place:
                return Found(place, 0, 0)
    found = _place_whose_instructions_it_follows(text)
    if found:
        return found
    # a unit named by its province's level word alone ('自治区生态环境厅', '省财政厅'): the one province of that
    # level the text names in full
    unit = candidates[0].value if candidates and candidates[0] is not None and isinstance(candidates[0].value, str) else ""
    own_level = regex.match(r"(自治区|省)(?=\p{Han})", unit)
    return (_province_spoken_of(text, 1, own_level[1]) if own_level else None) or _province_spoken_of(text)


# The place whose instructions a report follows, where it names no place of its own: a local finance bureau or government
# directs only the units of its own place.
# (a finance bureau named where a sentence opens or after the words that cite its instructions: '现根据如皋市财政局《…》';
# never inside a run of units, '县交通运输局会同县财政局', where 会同 is 'jointly with')
_CITING = r"根据|按照|依据|依照|收到|转发"
_LOCAL_FINANCE_BUREAU = regex.compile(rf"(?:^|(?<=[\n,,。;;::《]|{_CITING}))\s*((?:(?!{_CITING})\p{{Han}}){{2,8}}?(?:省|市|县|区))"
                                      r"财政(?:局|厅)", regex.M)
# ... or a city's or county's own notice or rules, cited by title ('《漳平市财政支出绩效评价管理办法》', '《…人民政府关于…》')
_LOCAL_NOTICE = regex.compile(r"《(\p{Han}{2,12}?[市县区州旗])(?:人民政府|财政支出|预算绩效)")
# the words of aid between places: the city that gives it writes the notice a county it aids follows
_AID = regex.compile(r"对口|帮扶|协作|援")
# how a report speaks of its own level: '我市', '全县', '县财政局', '县教体局' (a county's own units, its place left out);
# a province only as '我省' ('全省' is as often the province around a city's work)
_OWN_LEVEL = regex.compile(r"(?:我|全|本)(县|区|市|州|旗)|我(省)|(县|区|旗)(?=财政局|人民政府|政府|\p{Han}{1,4}?(?:局|委|办)(?![\p{Han}]{0,2}关于))")


# the tiers of government: a report is of the lowest it calls its own ('结合我省、我市实际': a city's)
_TIER = {"省": 0, "市": 1, "州": 1, "县": 2, "区": 2, "旗": 2}


def _place_whose_instructions_it_follows(text: str) -> Found | None:
    """The one place whose finance bureau's or government's instructions the opening cites ('现根据如皋市财政局《…》要求',
    '根据《宜章县财政局关于开展…的通知》'), at the lowest level the report calls its own where it calls one so ('我市'
    under a city's bureau; never '我县' under a city's notice: the city directs its counties too), and a city or county
    where it calls none (a province's notices reach all its counties and name none of them); never where places aid
    each other (a donor city's notice on its aid to a county)."""
    own_levels = {m[1] or m[2] or m[3] for m in _OWN_LEVEL.finditer(text, 0, _OPENING)}
    places: dict[str, int] = {}
    for m in [*_LOCAL_FINANCE_BUREAU.finditer(text, 0, _OPENING), *_LOCAL_NOTICE.finditer(text, 0, _OPENING)]:
        place = m[1]
        sentence = text[max(0, text.rfind("。", 0, m.start()) + 1):m.end() + 60]
        level_fits = _TIER.get(place[-1]) == max(_TIER[x] for x in own_levels) if own_levels \
            else not _PROVINCE_IN_FULL.fullmatch(place)
        if place_of(place) == place and level_fits and not _AID.search(sentence):
            places.setdefault(place, m.start(1))
    if len(places) != 1:
        return None
    place, start = places.popitem()
    return Found(place, start, start + len(place))


_SHORT_COUNTY = regex.compile(r"(\p{Han}{2,3}?)县$")


def _autonomous_county_in_full(text: str, place: str) -> str:
    """An autonomous county written short ('新晃县') that the text names in full ('新晃侗族自治县人民政府'): its name is
    the full one."""
    m = _SHORT_COUNTY.search(place)
    full = regex.search(regex.escape(m[1]) + r"\p{Han}{1,8}?族自治县", text) if m else None
    return place[:m.start()] + full[0] if full else place


# A province's bond named in a title ('江苏省政府专项债券项目绩效自评价报告(相城区粮食储备库二期项目)'): the province
# issues the bond; the project it funds lies in one of its places, named in the title's brackets or where the text
# says where the project is ('本项目位于苏州市相城区渭塘镇…').
_BOND_ISSUER = r"(?:人民)?政府(?:专项)?债券"
_BRACKETED_NAME = regex.compile(r"\((?P<name>[^()]{4,40})\)$")
_PROJECT_SITE = regex.compile(r"(?:项目|工程)(?:建设地点|建设地址|地址)?(?:位于|地处|坐落于|选址于?|[::])\s*(?P<name>\p{Han}{2,20})")


def _place_of_a_bond_project(text: str, title: str, place: str) -> Found | None:
    if not regex.match(rf"(?:{'|'.join(PROVINCES)}){PROVINCE_SUFFIX}?$", place) or \
            not regex.match(regex.escape(place) + _BOND_ISSUER, title):
        return None
    # where the text says the project lies names its levels; the title's brackets often the county alone
    names = [m["name"] for m in _PROJECT_SITE.finditer(text)] + [m["name"] for m in [_BRACKETED_NAME.search(title)] if m]
    for name in names:
        lower = place_of(name)
        if lower and lower != place and not _PROVINCE_IN_FULL.fullmatch(lower) and lower not in PROVINCES:
            found = _fullest_chain(text, lower)
            if found is not None:
                return found
            at = text.find(lower)
            return Found(lower, at, at + len(lower)) if at >= 0 else Found(lower, 0, 0)
    return None


def _place_before_title_name(text: str, title: str) -> Found | None:
    """A title that names no place whose name the text writes with its place before it ('2021年妇女儿童健康水平
    提升民生工程绩效自评报告' and '2021年六安市妇女儿童健康水平提升民生工程年度目标任务'): that place."""
    named = regex.sub(rf"(?:支出)?(?:{_TITLE_END})$", "", title)
    core = regex.sub(r"^(?:19|20)\d{2}年度?", "", named)
    if len(core) < 6:
        return None
    # the name as the title dates it ('长岛综合试验区2023年度乡镇垃圾分类…' under '2023年度乡镇垃圾分类…报告')
    if named != core and (found := _place_before(text, named[:len(named) - len(core) + 6])):
        return found
    return _place_before(text, core[:6])


def _place_before(text: str, words: str) -> Found | None:
    at = text.find(words)
    while at >= 0:  # a plain search: a pattern per document would crowd the regex module's cache
        before = text[max(0, at - 10):at]
        for k in range(len(before), 1, -1):  # the longest place first
            place = before[-k:]
            if place_of(place) == place and _opens_a_name(before[:-k], place):
                return Found(place, at - k, at)
        at = text.find(words, at + 1)
    return None


def _opens_a_name(before: str, place: str) -> bool:
    """A place begins after a date, a preposition ('对', '在') or no Han character, and is not one of those."""
    boundary = "年度" + PREPOSITIONS
    # (nor holds a clause's verb or preposition: '评价对象为昭通市…' is 昭通市, not '象为昭通市')
    return place[0] not in boundary and not _CLAUSE_INSIDE.search(place) \
        and (not before or not regex.match(r"\p{Han}", before[-1]) or before[-1] in boundary)


_CLAUSE_INSIDE = regex.compile(r"[为对在向将被把]")


# A province (or municipality) named in full, as the subject of a provincial report ('2021年、2022年山东省分别立项…')
_PROVINCE_IN_FULL = regex.compile("(?:" + "|".join(PROVINCES) + ")" + PROVINCE_SUFFIX)
# how much of the opening the province is counted in, and how often it must be named there
_OPENING = 3000
_PROVINCE_MENTIONS = 2


def _province_spoken_of(text: str, least: int = _PROVINCE_MENTIONS, level: str = "") -> Found | None:
    """Where no title, unit or project names a place: the one province the report's opening names in full
    twice or more (`least`) outside the titles of the documents it cites, and no other as often (a provincial
    report that never names its own unit); `level`: the level word its name must end with."""
    counts: dict[str, list[regex.Match]] = {}
    cited = [d.span() for d in CITED_DOCUMENT.finditer(text, 0, _OPENING)]
    for m in _PROVINCE_IN_FULL.finditer(text, 0, _OPENING):
        if not any(a <= m.start() < b for a, b in cited) and m[0].endswith(level):
            counts.setdefault(m[0], []).append(m)  # a cited document's issuer or subject is not the report's
    often = [(name, ms) for name, ms in counts.items() if len(ms) >= least]
    if len(often) != 1:
        return None
    name, ms = often[0]
    return Found(name, ms[0].start(), ms[0].end())


def qualify_with_region(department: str, region: str | None, text: str = "") -> str:
    """'区农业农村局' in a 五华区 report → '五华区农业农村局' (the text drops its own place); a unit named
    without its county that the text names in full with it ('城关镇社区卫生服务中心', '舟曲县城关镇社区卫生服务中心')
    → the full name."""
    if region and department[:1] in "区县市" and region.endswith(department[:1]):
        return _lowest(region) + department[1:]
    if region and place_of(department) is None and (_lowest(region) + department) in text:
        return _lowest(region) + department
    return department


# a unit's short name ('绩溪县自规局', '六安市文旅局'): its place, two to four characters, its kind
_SHORT_UNIT = regex.compile(r"(?P<mid>\p{Han}{2,4})(?P<kind>局|委|厅|办)$")


def in_full(department: str, text: str) -> Found | None:
    """A unit named by its short form ('六安市文旅局') that the text also names in full ('六安市文化和旅游局'): the full name,
    where one merged bureau's name of the same place and kind holds the short one's characters in order, beginning
    with its first."""
    place = place_of(department)
    if not place or not department.startswith(place):
        return None
    short = _SHORT_UNIT.fullmatch(department, len(place))
    if short is None:
        return None
    mid, kind = short["mid"], short["kind"]
    found: dict[str, Found] = {}
    ending = "委(?:员会)?" if kind == "委" else kind  # ('发改委' for 发展和改革委员会)
    for m in regex.finditer(rf"{regex.escape(place)}(?P<mid>[^\P{{Han}}局委厅办]{{{len(mid) + 1},12}}?){ending}", text):
        full = m["mid"]
        # a merged bureau's full name joins its words with 和 ('文化和旅游', '自然资源和规划'); without it a longer name of the
        # same kind is another unit ('公安交通管理局' beside 公安局)
        if place in full or "和" not in full:
            continue
        at = 0
        for ch in mid:
            at = full.find(ch, at) + 1
            if at == 0:
                break
        if at and full[0] == mid[0]:
            found.setdefault(m[0], Found(m[0], m.start(), m.end()))
    return next(iter(found.values())) if len(found) == 1 else None


def _lowest(region: str) -> str:
    m = _PLACE.match(region)
    return (m["county"] or m["city"] or region) if m else region


# The date a report is signed: alone at the end of a line, in Arabic or Chinese numerals
# ('2022年3月15日', '二〇二二年三月十五日', '2022.03.15', '2022-03-15', '2022/3/15').
_CN_DIGIT = "〇○零一二三四五六七八九十"
_SIGNED_DATE = regex.compile(
    rf"(?P<date>(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[二一][{_CN_DIGIT}]{{3}}年[{_CN_DIGIT}]{{1,2}}月[{_CN_DIGIT}]{{1,3}}日"
    r"|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})\s*$", regex.M)
_PUBLISHED = regex.compile(r"发布(?:时间|日期)[::]\s*(?P<date>(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})")


def find_report_date(ctx: Context) -> Found | None:
    for pattern, zone in ((_SIGNED_DATE, ctx.text[:6000]), (_PUBLISHED, ctx.text)):
        for m in pattern.finditer(zone):
            iso = _iso_date(m["date"])
            if iso:
                return Found(iso, m.start("date"), m.end("date"))
    return None


def _iso_date(text: str) -> str | None:
    """'二〇二二年三月十五日' → '2022-03-15' (cn2an reads the numerals); None for an impossible date."""
    import datetime as dt

    import cn2an
    if regex.search(rf"[{_CN_DIGIT}]", text):
        text = cn2an.transform(text.replace("○", "〇"), "cn2an")
    parts = [int(x) for x in regex.findall(r"\d+", text)]
    if len(parts) != 3:
        return None
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None


def find_cited_rules(text: str) -> list[dict]:
    out, seen = [], set()
    for m in regex.finditer(r"([\p{Han}]{1,6})\s*[〔\[【(]\s*((?:19|20)\d{2})\s*[〕\]】)]\s*(\d{1,4})\s*号", text):
        doc = f"{m[1]}〔{m[2]}〕{m[3]}号"
        if doc not in seen:
            seen.add(doc)
            out.append({"doc": doc, "year": int(m[2])})
    return out
