"""Plain text copied out of a PDF line by line has its paragraphs run on again (pipeline/load/unwrap.py)."""
from damage import hard_wrapped
from helpers import extract_text
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.load import load
from pipeline.load.layout import HEADING_START, SENTENCE_END
from pipeline.load.unwrap import unwrap, wrap_width

PARAGRAPH = ("本项目年初预算安排资金2960.00万元,全年实际支出资金2798.30万元,预算执行率为94.54%,"
             "资金主要用于市管绿地养护管理、行道树养护和公园设施维护,各项支出均按照合同约定及时足额拨付,"
             "未发现截留挪用情况,项目单位建立了资金管理制度并严格执行,各项养护工作均按计划完成。")


def _load_text(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_a_paragraph_broken_at_the_page_width_is_one_line_again():
    wrapped = hard_wrapped(PARAGRAPH * 2)
    assert wrapped.count("\n") >= 5
    result = unwrap(wrapped)
    assert result.text == PARAGRAPH * 2
    assert result.joined == wrapped.count("\n")
    assert result.width is not None


def test_a_number_carried_whole_to_the_next_line_is_joined_to_its_label():
    wrapped = hard_wrapped(PARAGRAPH * 2)
    # somewhere a figure was carried to the next line, short of the width: still run on
    assert any(line[:1].isdigit() for line in wrapped.split("\n")[1:])
    assert unwrap(wrapped).text == PARAGRAPH * 2


def test_a_page_number_is_a_line_of_its_own_and_a_short_page_unwraps_at_the_documents_width(tmp_path):
    wrapped = hard_wrapped(PARAGRAPH * 3).split("\n")
    # a page foot under a full line is never run into it
    assert "- 1 -" in unwrap("\n".join(wrapped[:4] + ["- 1 -"] + wrapped[4:])).text.split("\n")
    # a page of two lines shows no width of its own: the document's is used
    doc = _load_text(tmp_path, "\n".join(wrapped[:6]) + "\f" + "\n".join(wrapped[6:8]))
    assert doc.pages[1].text == "".join(wrapped[6:8])


def test_text_whose_lines_are_paragraphs_is_left_as_it_is():
    served = "\n".join([PARAGRAPH, PARAGRAPH[:60] + "。", PARAGRAPH[:150] + "。", "二、项目绩效目标", PARAGRAPH[:90] + "。"])
    assert wrap_width(served.split("\n")) is None
    assert unwrap(served).text == served


def test_a_heading_and_a_table_row_after_a_full_line_keep_their_breaks():
    wrapped = hard_wrapped(PARAGRAPH * 2)
    lines = wrapped.split("\n")
    full = lines[0]
    text = "\n".join([wrapped, full, "二、项目资金使用情况", full, "项目名称 | 预算数 | 执行数", wrapped])
    out = unwrap(text).text.split("\n")
    assert "二、项目资金使用情况" in out
    assert "项目名称 | 预算数 | 执行数" in out


def test_the_record_says_its_text_was_run_on_and_cites_the_joined_text(tmp_path):
    text = "市管绿地养护项目绩效自评报告\n一、项目基本情况\n" + PARAGRAPH * 2
    wrapped = hard_wrapped(text)
    record = extract_text(tmp_path, wrapped)
    assert record.source.unwrapped == {"lines_joined": wrapped.count("\n") - 2, "wrap_columns": 76}
    assert record.budget.budget_yuan == 29_600_000
    cited = record.provenance["/budget/budget_yuan"]
    start, end = cited["chars"]
    assert "2960.00万元" in text[start:end]


_CLAUSE = st.sampled_from(["本项目", "资金", "用于", "养护", "管理", "完成", "各项", "工作", "按计划", "支出",
                           "2960.00万元", "94.54%", "1,234", "30户", ",", "、", "和", "其中"])
_PARAGRAPH = st.lists(_CLAUSE, min_size=60, max_size=120).map(lambda cs: "".join(cs) + "。")


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=3, max_size=5))
def test_unwrapping_a_wrapped_text_gives_its_words_back_and_breaks_only_where_a_sentence_ends(paragraphs):
    original = "\n".join(paragraphs)
    wrapped = hard_wrapped(original)
    assume(wrap_width(wrapped.split("\n")) is not None)  # too few full lines to show a wrap: left as it is
    result = unwrap(wrapped).text
    assert result.replace("\n", "") == original.replace("\n", "")
    # every paragraph break stays, and a break left inside a paragraph follows a sentence's end or opens a heading
    assert result.count("\n") >= original.count("\n")
    for line, next_line in zip(result.split("\n"), result.split("\n")[1:]):
        assert line[-1] in SENTENCE_END or HEADING_START.match(next_line) or not line


def test_lines_of_their_own_stay_so_under_a_full_line():
    """A line that reaches the width does not run on into a date, a name over a seal, a list item, a section number,
    a bare figure (a table's cell) or a row of a layout with column gaps."""
    full = hard_wrapped(PARAGRAPH * 2).split("\n")[0]
    assert len(full) > 30
    for own in ("2023年12月31日", "某市园林绿化管理局", "1)资金使用合规性情况", "①资金到位情况", "2.3.1 预算执行情况",
                "附件1:绩效自评表", "第二部分 绩效评价结论", "5", "2023年3月,完成了项目招标"):
        text = "\n".join([hard_wrapped(PARAGRAPH * 2), full, own, hard_wrapped(PARAGRAPH * 2)])
        assert own in unwrap(text).text.split("\n"), own
    layout = "序号  项目名称                预算数    执行数\n1   城区道路维修改造工程        1200.00   1150.50"
    text = "\n".join([hard_wrapped(PARAGRAPH * 2), layout, hard_wrapped(PARAGRAPH * 2)])
    assert layout in unwrap(text).text
