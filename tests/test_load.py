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
