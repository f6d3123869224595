import pytest

from pipeline.errors import LoadError
from pipeline.load import load

TEXT = "資訊化項目支出績效評價報告\n項目預算合計113萬元,預算執行率為97.22%。\n"


def test_utf8_gb18030_and_big5_are_detected_not_assumed(tmp_path):
    for enc in ("utf-8", "gb18030", "big5"):
        path = tmp_path / f"r_{enc}.txt"
        body = TEXT if enc != "gb18030" else "项目预算合计113万元,预算执行率为97.22%,绩效评价报告。\n" * 3
        path.write_bytes(body.encode(enc))
        doc = load(path)
        assert doc.text.strip() == body.strip(), enc


def test_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert load(path).text.startswith("資訊化")


def test_form_feed_splits_pages(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("第一页\f第二页", encoding="utf-8")
    doc = load(path)
    assert [p.number for p in doc.pages] == [1, 2]


def test_html_boilerplate_is_dropped_and_tables_keep_cells(tmp_path):
    page = """<html><head><meta charset="gbk"></head><body>
    <nav>首页 | 登录</nav><div class="download-box">立即下载</div>
    <div class="content"><p>项目预算合计113万元。</p>
    <table><tr><th>一级指标</th><th>分值</th><th>得分</th></tr>
    <tr><td rowspan="2">产出(20分)</td><td>10</td><td>9</td></tr><tr><td>10</td><td>10</td></tr></table></div>
    <div class="comment-list">评论:好</div><script>alert(1)</script>
    <div id="copyright">版权所有</div></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    doc = load(path)
    assert doc.format == "html"
    text = doc.text
    assert "项目预算合计113万元" in text
    for junk in ("首页", "立即下载", "评论", "alert", "版权所有"):
        assert junk not in text
    assert "产出(20分) | 10 | 9" in text and "产出(20分) | 10 | 10" in text


def test_html_is_sniffed_by_content_when_the_extension_lies(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("<!DOCTYPE html><html><body><p>绩效评价报告</p></body></html>", encoding="utf-8")
    assert load(path).format == "html"


@pytest.mark.parametrize("make,reason", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.mkdir(), "folder"),
    (lambda p: None, "no such file"),
])
def test_bad_input_raises_load_error_naming_file_and_reason(tmp_path, make, reason):
    path = tmp_path / "bad input.txt"
    make(path)
    with pytest.raises(LoadError) as err:
        load(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_whitespace_only_file_is_an_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("   \n\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no text"):
        load(path)


def test_a_bare_figure_low_on_a_scanned_page_is_a_cell_beside_others_and_a_page_number_alone():
    from pipeline.load.ocr import OcrLine, page_text

    def line(text, x0, top):
        return OcrLine(text, (x0, top, x0 + 20 * len(text), top + 12), 0.99)
    lines = [line("指标名称", 80, 700), line("权重", 400, 700), line("得分", 460, 700),
             line("效果达标率", 80, 737), line("30", 408, 737), line("27", 465, 737),  # the last row, above the footer
             line("2", 290, 800)]  # the page number, alone on its row
    text, _ = page_text(lines, height=842)
    assert text.splitlines() == ["指标名称 | 权重 | 得分", "效果达标率 | 30 | 27"]


def test_a_reading_library_s_warning_is_kept_with_the_record_not_printed(monkeypatch, capsys):
    import warnings

    from conftest import SAMPLES

    import pipeline
    from pipeline import run
    real = run.load

    def warning_load(path):
        warnings.warn("palette images with transparency expressed in bytes", UserWarning, stacklevel=2)
        return real(path)
    monkeypatch.setattr(run, "load", warning_load)
    [record] = pipeline.extract(SAMPLES / "selfeval_2021.txt")
    assert record.source.load_warnings == ["UserWarning: palette images with transparency expressed in bytes"]
    assert "palette" not in capsys.readouterr().err


# a form's sheet saved as CSV: every row as wide as the widest, empty cells and all
_FORM_AS_CSV = ('绩效目标自评表,,,,,\n(2023年度),,,,,\n项目名称,河西村特色种养补贴到户项目,项目负责人及电话,李宁0557-5788003,,\n'
                '主管部门,县农业农村局,实施单位,张庄寨镇人民政府,,\n全年预算数(A),全年执行数(B),分值,执行率(B/A),得分,\n'
                '年度资金总额:,9.48,9.48,10,100%,10\n"落实39户奖补政策,增加脱贫户收入","落实39户奖补政策,增加脱贫户收入",,,,\n')


@pytest.mark.parametrize("name", ["form.csv", "form.txt"])
def test_a_form_saved_as_csv_is_read_as_a_grid_whether_named_so_or_not(tmp_path, name):
    path = tmp_path / name
    path.write_text(_FORM_AS_CSV, encoding="utf-8")
    doc = load(path)
    assert doc.format == "text" and doc.pages[0].reader == "csv:form"
    lines = doc.text.splitlines()
    assert lines[2] == "项目名称 | 河西村特色种养补贴到户项目 | 项目负责人及电话 | 李宁0557-5788003"
    assert lines[-1] == "落实39户奖补政策,增加脱贫户收入 | 落实39户奖补政策,增加脱贫户收入"  # a quoted cell keeps its commas
    cell = next(c for c in doc.pages[0].cells if doc.text[c.start:c.end] == "张庄寨镇人民政府")
    assert cell.ref == "form!D4"  # evidence names the cell, as a workbook's does
    assert "cut_inside_a_cell" not in doc.meta


def test_a_csv_whose_last_row_stops_short_of_the_sheet_s_width_is_a_cut_document(tmp_path):
    # a sheet's writer pads every row to the used range's width: a file cut inside its last row leaves it short
    path = tmp_path / "cut.csv"
    path.write_text(_FORM_AS_CSV + "其中:财政拨款,9.48,9", encoding="utf-8")
    assert load(path).meta["cut_inside_a_cell"] is True
    path.write_text(_FORM_AS_CSV + "其中:财政拨款,9.48,9.48,,100%,\n", encoding="utf-8")
    assert "cut_inside_a_cell" not in load(path).meta


@pytest.mark.parametrize("tail", ['"应付账款率","二者择其一进', '"应付账款率","二者择其一进行考核,\n按完成比例'])
def test_a_csv_cut_inside_a_quoted_cell_is_a_cut_document(tmp_path, tail):
    # (the cell may run over lines: cut after its first, the last line opens nothing — second review)
    path = tmp_path / "cut.csv"
    path.write_text(_FORM_AS_CSV + tail, encoding="utf-8")
    assert load(path).meta["cut_inside_a_cell"] is True


@pytest.mark.parametrize("text", [
    "一、基本情况\n本项目预算100万元,已全部支出,执行率100%。\n二、绩效目标\n目标一,完成;目标二,完成。\n",
    # lines broken after a comma, amounts with thousands commas, quoted terms (review cases)
    "关于某项目的情况说明,\n本项目预算1,286.40万元,\n实际支出1,250.00万元,\n评价等级为\"优\",\n特此说明。\n",
    "绩效指标完成情况如下:\n新建农田,1200亩,1200亩,\n灌溉渠道,36公里,36公里,\n项目预算2,160万元,全部支出。\n",
    # terms quoted side by side in sentences (second review)
    '项目围绕"产出","效益","满意度"三类指标开展评价。\n其中"数量","质量"指标均已完成。\n评价等级为"优"。\n',
])
def test_prose_with_commas_is_no_csv(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert load(path).pages[0].reader == "text"


def test_a_semicolon_csv_and_a_stray_quote_are_read_as_written(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text("项目名称;某项目;;\n全年预算数;全年执行数;执行率;\n100;95;95%;\n管材;DN110\";10;\n", encoding="utf-8")
    doc = load(path)
    assert doc.text.splitlines()[:3] == ["项目名称 | 某项目", "全年预算数 | 全年执行数 | 执行率", "100 | 95 | 95%"]
    assert "cut_inside_a_cell" not in doc.meta  # an inch mark is no open cell


def test_a_csv_with_no_text_in_any_cell_is_refused_with_its_reason(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text(",,\n,,\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no text in any cell"):
        load(path)
