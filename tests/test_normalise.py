import pytest

from pipeline.document import Document, Page
from pipeline.normalise import normalise, normalise_string


def _norm(text: str):
    return normalise(Document("t.txt", "", "text", [Page(1, text)]))


def test_traditional_becomes_simplified_and_script_is_kept():
    n = _norm("績效評價報告:預算執行數為1098608元,項目總預算113萬元。")
    assert "绩效评价报告" in n.text and "预算执行数" in n.text and "万元" in n.text
    assert n.script == "traditional"


def test_simplified_input_is_reported_as_simplified():
    assert _norm("绩效评价报告:预算执行数为1098608元。项目总预算113万元。").script == "simplified"


def test_full_width_digits_and_punctuation_are_folded():
    assert "97.22%" in normalise_string("执行率为９７．２２％")


def test_line_wrap_spaces_inside_words_are_removed():
    assert "规范性" in normalise_string("项目设立的规 范性")


def test_confusion_repaired_only_where_context_proves_it():
    assert "质量达标率" in normalise_string("八、质魚达标率(产出质量)")
    assert "鱼苗" in normalise_string("鱼塘养殖鱼苗")  # not a known term: no 量 forced in


def test_stray_L_repaired_as_heading_number_between_rows():
    text = normalise_string("三、预算执行率87.7资金使用合规性66L财务管理制度53五、项目管理")
    assert "四、财务管理制度" in text


def test_a_percent_whose_digits_an_ocr_read_as_letters_is_repaired_only_before_its_percent_sign():
    assert "完成全年预算数的100%" in normalise_string("完成全年预算数的IO0%")
    assert "l00%" not in normalise_string("合格率l00%")
    for kept in ("CO2排放", "iOS系统", "IO口", "AB10%"):  # Latin words, or no percent after them
        assert kept in normalise_string(kept)


def test_a_money_unit_an_ocr_read_as_its_look_alike_is_repaired_after_a_figure_or_in_a_header():
    assert "中央资金630.2万元,省级资金429.36万元" in normalise_string("中央资金630.2万兀,省级资金429.36方元")
    assert "项目资金(万元)" in normalise_string("项目资金(方元)")
    assert "共3.5亿元" in normalise_string("共3.5忆元")
    for kept in ("万无一失", "土方元件", "四方元素", "100万无偿援助", "土石方3000方元旦前完成", "项目负责人(方元)"):  # words
        assert kept in normalise_string(kept)
    # 万无 where no word goes on from it: a target and its actual read alike again
    assert "15万元|15万元" in normalise_string("15万无|15万元").replace(" ", "")
    assert "共1.2亿元。" in normalise_string("共1.2亿无。")


def test_a_full_stop_between_two_figures_is_left_as_printed_and_recorded():
    """'97。22%' may be a decimal point an OCR read as a full stop, or a sentence that ends on a figure before one
    that opens on one ('…达到32000。95%以上的…'): the text does not say which, so it stays as printed and is recorded
    for the checks to doubt (verify/certainty.full_stop_between_figures)."""
    for kept in ("执行率为97。22%", "受益群众达到32000。95%以上的受益群众", "全年培训300。50万元用于设备购置", "2。33 1。40"):
        assert kept in normalise_string(kept)
    n = _norm("执行率为97。22%。受益农户1200。2023年以来,联系电话0838-7211924。20家单位参加。")
    assert [stop["text"] for stop in n.full_stops_between_figures] == ["97。22%。受"]


def test_a_digit_an_ocr_read_as_a_letter_inside_a_figure_is_repaired():
    assert "办公费34000.00元,维修费61200.00元" in normalise_string("办公费34O00.00元,维修费6l2O0.00元")
    assert "央省14059.11万元" in normalise_string("央省14059.1l万元")
    assert "2023年" in normalise_string("2O23年")
    # a table's rule read between two cells ('丨', or 'l' between two figures that are two cells)
    for kept in ("100丨98", "10丨10丨100%", "2023丨2024", "50.00l45.00"):
        assert kept in normalise_string(kept)
    for kept in ("CO2排放", "A1O型", "第1l页", "H2O2消毒", "Fe2O3含量"):  # a Latin word, code or formula
        assert kept in normalise_string(kept)
    # DOMAIN.md §4.3's other shapes (5/S, 8/B, 2/Z, 6/b), between two digits of a figure only
    assert "金额88.5万元,支出350万元,共12.5万元,购买5060元" in normalise_string("金额8B.5万元,支出3S0万元,共1Z.5万元,购买50b0元")
    for kept in ("4S店", "5G基站", "2B铅笔", "A8B5型", "H2S04"):  # a word after a figure, a code
        assert kept in normalise_string(kept)


def test_confused_forms_of_the_forms_own_words_are_repaired_and_real_words_are_kept():
    assert "项目预算" in normalise_string("顷目顶算")
    for kept in ("可持续效益", "后续效益", "公顷目标", "30顷目前", "优质鱼苗", "水质鱼类", "自己完成", "屋顶算起"):
        assert kept in normalise_string(kept)
    # the frameworks' row names ('完成质量', '项目绩效') as a scan misreads them
    assert "项目绩效项目完成完成质量" in normalise_string("项目续效项目完成完成质魚")


def test_a_blank_line_between_paragraphs_reads_as_a_line_break(tmp_path):
    """HTML and Word give a blank line between paragraphs where a text gives a line break: a list whose items stand
    in paragraphs of their own reads the same either way."""
    from helpers import extract_text
    assert _norm("一、项目基本情况\n\n  \n项目支出210.5万元。\n\n1、档案整理费10万元;").text == \
        "一、项目基本情况\n项目支出210.5万元。\n1、档案整理费10万元;"
    text = ("某县就业服务中心2023年项目支出绩效自评报告\n一、项目基本情况\n某县就业服务中心2023年参与绩效评价的项目共3个,"
            "项目支出210.5万元。其中:财政拨款项目支出30万元,其他项目支出180.5万元。具体如下:\n"
            "1、档案整理费10万元,主要用于档案整理方面;\n2、政策宣传费20万元,主要用于政策宣传方面;\n"
            "3、就业专项资金180.5万元,主要用于专项培训相关费用方面。\n二、绩效目标完成情况\n")
    lines = extract_text(tmp_path, text, "lines.txt")
    paragraphs = extract_text(tmp_path, text.replace("\n", "\n\n"), "paragraphs.txt")
    assert [(s.name, s.amount_yuan) for s in paragraphs.subprojects] == \
        [(s.name, s.amount_yuan) for s in lines.subprojects] == \
        [("档案整理费", 100000), ("政策宣传费", 200000), ("就业专项资金", 1805000)]


def test_a_document_sites_page_captions_go_however_their_number_is_spaced():
    n = _norm("财政支出项目绩效评价报告_第1页\n财政支出项目绩效评价报告_第 2 页\n一、项目概况\n")
    assert n.text.strip() == "一、项目概况"
    assert n.captions == ["财政支出项目绩效评价报告", "财政支出项目绩效评价报告"]


def test_a_sites_furniture_run_into_one_line_with_the_report_goes_alone():
    # a document site's copy with its line breaks lost: the furniture's sentence goes, the report stays, and each
    # figure still points at its own raw characters
    raw = ("《某县项目支出绩效自评表.docx》由会员分享,可在线阅读,更多相关《某县项目支出绩效自评表.docx(5页珍藏版)》"
           "请在某某文库上搜索。 1、某县项目支出绩效自评表(2021年) 项目名称 初中公用经费 年度资金总额 64.8 64.8 100% "
           + "自评得分 98 " * 20)
    n = _norm(raw)
    assert n.text.lstrip().startswith("1、某县项目支出绩效自评表")
    assert n.dropped_lines == [raw[:raw.index("。") + 1]]
    start = n.text.index("64.8")
    assert n.raw_span(start, start + 4) == "64.8"
    # furniture on a line of its own still goes with its line
    assert _norm("本文由会员分享,可在线阅读\n一、项目概况\n").text.strip() == "一、项目概况"


@pytest.mark.parametrize("kept", [
    "水文站概况:本站位于县城东郊,控制流域面积326平方公里。",  # a station, not a site
    "全县设监测样本站点12个,样本站点数完成率100%。",
    "政务网仅提供查询服务,项目预算资金40万元。",
    "标识牌正面印制欢迎来到美丽清水字样,项目预算资金24万元。",  # a slogan, not a site's greeting
    "本站所有监测设备均已更新,项目预算资金46.8万元。",  # (second review)
    "1.本站设备运行正常,年度预算46.8万元。",
    "欢迎来到清水县的游客可见新建标识牌2座、指示牌36块,导航网点12处。",
])
def test_words_a_site_also_uses_do_not_make_a_report_s_sentence_furniture(kept):
    # review cases: each sentence stood in a long paragraph (or line of its own) and went with the site's notices
    long = "一、项目基本情况 " + kept + " 项目实施情况良好,各项目标均已完成。" * 8
    assert kept in _norm(long + "\n").text and kept in _norm(kept + "\n").text


def test_a_sites_notice_glued_to_the_report_goes_without_the_report_s_words():
    # no full stop, no space between the notice and the form: only the notice and the name it opens with go
    form = "1、清水县项目支出绩效自评表(2023年度)项目名称农村公路养护工程" + "年度资金总额500520509.61098%9.8" * 8
    notice = "《清水县农村公路养护工程绩效自评表》由会员分享,可在线阅读,更多相关《清水县农村公路养护工程绩效自评表(3页珍藏版)》请在人人文库网上搜索"
    assert _norm(notice + form + "\n").text.strip() == form
    assert _norm(form + "总分10099.8本文档由会员分享,可在线阅读\n").text.strip() == form + "总分10099.8"
    # a site's disclaimer block run into one line is furniture as a whole, its plain sentences with it
    block = ("本站仅提供存储服务,所有内容均由用户发布。" + "如发现有害或侵权内容,请联系我们。" + "本站不保证内容的准确性。") * 5
    assert _norm("二、评价结论\n该项目得分95分。\n" + block + "\n").text.strip() == "二、评价结论\n该项目得分95分。"


def test_a_sites_footer_run_into_one_line_goes_from_its_first_notice_on():
    report = "五、自评结论\n经自评,该项目得分95分,评价等级为优,项目预算500万元,执行率98%。\n"
    footer = ("人人文库网所有资源均是用户自行上传分享,仅供网友学习交流,未经上传用户书面授权,请勿作他用。 相关资源 "
              "清水县2022年度农村公路养护项目绩效自评报告 清水县2021年度农村公路养护项目绩效自评报告 关于我们 - 网站声明 - "
              "网站地图 - 资源地图 - 友情链接 - 网站客服 - 联系我们 copyright@ 2016-2024 renrendoc.com网站版权所有 苏ICP备12345678号")
    assert _norm(report + footer + "\n").text.strip() == report.strip()


def test_raw_text_is_kept_for_provenance():
    n = _norm("項目預算合計1130000元")
    start = n.text.index("1130000")
    assert n.raw_span(start, start + 7) == "1130000"
    assert "預算" in n.raw_span(0, len(n.text))


def test_preview_marker_is_found_with_remaining_pages():
    n = _norm("正文内容。\n免费预览已结束,剩余2页可下载查看\n点击下载")
    assert n.remaining_pages == 2 and n.truncated_marker


def test_sentence_over_a_page_break_is_joined_but_pages_stay_counted():
    doc = Document("r.pdf", "", "pdf", [Page(1, "一、基本情况\n项目预算合计1130000元,为科室预算,来源为财政资金。最终预算执行数为109"),
                                         Page(2, "8608元,预算执行度为97.22%。\n二、评价")], paged=True)
    n = normalise(doc)
    assert "预算执行数为1098608元" in n.text
    assert n.page_at(n.text.index("8608元")) == 2


def test_a_running_head_at_a_pages_top_goes_and_the_sentence_the_page_cut_is_joined():
    title = "某县2022年度农村公路养护项目绩效评价报告"
    opening = title + "\n一、项目基本情况\n项目单位为某县交通运输局。\n项目资金用于农村公路养护。\n"
    doc = Document("r.txt", "", "text", [
        Page(1, opening + "项目预算资金共计300万元,其中用于县道养护工程120万元,用于乡道养护工程\n第 1 页 共 3 页"),
        Page(2, title + "\n180万元,已全部支出。\n二、绩效目标完成情况"),
    ], paged=True)
    n = normalise(doc)
    assert "用于乡道养护工程180万元,已全部支出。" in n.text
    assert n.text.count(title) == 1 and n.text.startswith(title)  # the first page's own title stays
    assert title in n.dropped_lines and "第 1 页 共 3 页" in n.dropped_lines
    # a page's top line that repeats nothing is the page's own text
    other = Document("r.txt", "", "text", [Page(1, opening + "项目预算资金共计300万元,全部用于县道和乡道的养护工程建设"),
                                           Page(2, "县道养护工程\n已全部完成。")], paged=True)
    assert "县道养护工程" in normalise(other).text


def test_a_running_head_goes_from_a_page_whose_text_is_one_long_line():
    # a document site's text layer: each page one line, so the head on page 2 stands within the first lines
    title = "某县财政局关于农村公路养护项目绩效评价报告"
    doc = Document("r.txt", "", "text", [
        Page(1, title + "根据工作安排对项目进行了绩效评价。评分表一级指标二级指标三级指标分值得分项目决策科学决策必要性5项目符合"),
        Page(2, title + "\n发展需要5可行性5可行性论证充分5"),
    ], paged=True)
    n = normalise(doc)
    assert n.text.count(title) == 1 and "项目符合发展需要5可行性" in n.text
    # a page's top line that repeats no earlier line is the page's own text, however few lines there are
    own = Document("r.txt", "", "text", [Page(1, title + "根据工作安排对项目进行了绩效评价。"),
                                         Page(2, "二、绩效目标完成情况\n已全部完成。")], paged=True)
    assert "二、绩效目标完成情况" in normalise(own).text


def test_a_heading_after_a_page_break_is_not_joined():
    doc = Document("r.pdf", "", "pdf", [Page(1, "这是一段很长的正文内容,用于测试分页时不应连接标题的情况,文字足够长"),
                                         Page(2, "二、评价结论")], paged=True)
    assert "\n二、评价结论" in normalise(doc).text or "\f二、评价结论" in normalise(doc).text


def test_a_page_break_that_joins_no_sentence_ends_a_line_and_opens_one():
    doc = Document("r.pdf", "", "pdf", [Page(1, "支出项目起止日期\n2017年12月1日---2019年8月11日"), Page(2, "投资总额\n392万元")],
                   paged=True)
    n = normalise(doc)
    # the page's first cell opens a line, as every line-anchored reader expects, and stays on its page
    assert "\n投资总额\n" in n.text and "\f" in n.text
    assert n.page_at(n.text.index("投资总额")) == 2 and n.page_at(n.text.index("2019年")) == 1


def test_a_form_cell_at_the_top_of_a_page_is_read(tmp_path):
    from helpers import extract_text
    text = "某污水处理站运营管理项目绩效评价报告\n支出项目起止日期\n\n2017年12月1日---2019年8月11日\f投资总额\n\n392万元\n"
    assert extract_text(tmp_path, text).budget.budget_yuan == 3_920_000
