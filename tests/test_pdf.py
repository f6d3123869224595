"""The PDF backend: reading order, tables, boxes, fallbacks and bad files."""
import io
import sys

import pytest
from conftest import ROOT, SAMPLES
from reportlab.pdfgen import canvas

import pipeline
from pipeline.errors import LoadError
from pipeline.load import load
from pipeline.load import pdf as pdf_backend


def test_every_value_of_the_sample_pdf_has_a_page_and_a_box():
    record = pipeline.extract(SAMPLES / "sample_report_traditional.pdf")[0]
    assert record.source.format == "pdf" and record.source.pages >= 2
    assert len(record.provenance) > 50
    for pointer, entry in record.provenance.items():
        assert entry["page"] >= 1, pointer
        x0, top, x1, bottom = entry["bbox"]
        assert 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 841.9, pointer
    score = record.provenance["/scores/indicators/3/score"]
    assert score["text"] == "7.7" and score["page"] == 2


def test_weight_and_score_boxes_are_their_own_cells():
    record = pipeline.extract(SAMPLES / "evaluation_three_level.pdf")[0]
    w = record.provenance["/scores/indicators/3/weight"]["bbox"]
    s = record.provenance["/scores/indicators/3/score"]["bbox"]
    assert w[2] <= s[0] + 0.5  # the weight's cell ends where the score's begins


def test_page_numbers_are_removed_and_pages_are_kept():
    doc = load(SAMPLES / "evaluation_three_level.pdf")
    assert len(doc.pages) == 2
    assert all("— " not in p.text for p in doc.pages)
    assert [p.reader for p in doc.pages] == ["pypdfium2", "pypdfium2"]


def test_merged_cells_become_parents_with_their_subtotals():
    record = pipeline.extract(SAMPLES / "evaluation_three_level.pdf")[0]
    inds = record.scores.indicators
    top = [i for i in inds if i.level == 1]
    assert [(i.name, i.weight) for i in top] == [("决策", 20), ("过程", 20), ("产出", 30), ("效益", 30)]
    leaf = next(i for i in inds if i.name == "资金到位率")
    assert inds[leaf.parent].name == "资金管理" and inds[inds[leaf.parent].parent].name == "过程"
    statuses = {c.id: c.status for c in record.checks}
    assert statuses["subtotals_match"] == "pass" and statuses["indicator_scores_sum"] == "pass"


def test_wrapped_lines_of_a_paragraph_are_joined():
    doc = load(SAMPLES / "sample_report_simplified.pdf")
    assert "项目预算合计1130000元,为科室预算,来源为财政资金。" in doc.text.replace("\n", "")
    assert "最终预算执行数为1098608元" in doc.text


def test_a_page_pdfium_cannot_map_is_read_with_pdfplumber(monkeypatch):
    real = pdf_backend.read_page

    def pdfium_unmapped(layer, continued=None):
        return ("(cid:12)(cid:34)(cid:56)", []) if layer.reader == "pypdfium2" else real(layer, continued)
    monkeypatch.setattr(pdf_backend, "read_page", pdfium_unmapped)
    doc = load(SAMPLES / "selfeval_2021.pdf")
    assert doc.pages[0].reader == "pdfplumber"
    assert "项目支出绩效自评表" in doc.pages[0].text and doc.pages[0].boxes


def _pdf_bytes(**kw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kw)
    c.drawString(100, 700, "Performance evaluation report 2021")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_encrypted_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf_bytes(encrypt="secret"))
    with pytest.raises(LoadError, match="encrypted"):
        load(path)


def test_truncated_pdf_is_a_clear_error(tmp_path):
    data = (SAMPLES / "selfeval_2021.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(LoadError) as err:
        pipeline.extract(path)
    assert "cut.pdf" in str(err.value)


def test_pdf_with_no_pages_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                     b"trailer<</Root 1 0 R>>\n%%EOF\n")
    with pytest.raises(LoadError):
        load(path)


def test_image_only_pdf_says_it_needs_ocr(tmp_path):
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(LoadError, match="OCR"):
        load(path)


def test_two_column_page_is_read_column_by_column(tmp_path):
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(20):
        c.drawString(60, 780 - i * 14, f"left column line {i:02d} text")
        c.drawString(320, 780 - i * 14, f"right column line {i:02d} text")
    c.showPage()
    c.save()
    path = tmp_path / "columns.pdf"
    path.write_bytes(buf.getvalue())
    text = load(path).pages[0].text
    assert text.index("left column line 19") < text.index("right column line 00")
    assert text.index("left column line 05") < text.index("left column line 06") < text.index("right column")


def test_one_column_table_rows_are_not_split_into_columns():
    text = load(SAMPLES / "project_borderless.pdf").text
    assert "实际完成率 | 12 | 11" in text.replace("项目绩效 | ", "")


def test_a_framed_page_is_read_as_text_not_as_a_one_column_table(tmp_path):
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(40, 40, 515, 760)  # the page frame of a 公文
    c.line(40, 700, 555, 700)  # a rule under the heading
    c.drawString(60, 740, "Performance evaluation report")
    for i in range(5):
        c.drawString(60, 650 - 20 * i, f"Paragraph line {i} of the report body.")
    c.showPage()
    c.save()
    path = tmp_path / "framed.pdf"
    path.write_bytes(buf.getvalue())
    text = load(path).text
    assert "|" not in text and "Paragraph line 0 of the report body." in text


def _inherited_box_pdf() -> bytes:
    """An A4 page whose MediaBox sits on the page tree's root (inherited), as many real PDFs have it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import page_geometry

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595.28, 841.89))
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "100")
    c.save()
    return page_geometry.inherit_page_box(buffer.getvalue())


def test_a_page_that_inherits_its_box_is_measured_as_pdfplumber_measures_it():
    import pdfplumber
    import pypdfium2

    from pipeline.load.pdf_pdfium import pdfium_layer

    data = _inherited_box_pdf()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        want = pdf.pages[0].chars[0]
    layer = pdfium_layer(pypdfium2.PdfDocument(data)[0])
    got = layer.chars[0]
    assert layer.height == pytest.approx(841.89, abs=0.01)  # A4, not the Letter box pdfium falls back to
    assert got["text"] == want["text"] and abs(got["x0"] - want["x0"]) < 1 and abs(got["top"] - want["top"]) < 1


def _cjk_font() -> str:
    """The TrueType CJK font the samples are rendered in, registered with reportlab (scripts/render_pdf.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import render_pdf
    if not render_pdf.FONT_PATH.exists():
        pytest.skip(f"{render_pdf.FONT_PATH} is needed")
    render_pdf.styles()  # registers the font
    return render_pdf.FONT


def test_a_line_that_stops_short_because_its_figure_was_carried_to_the_next_runs_on(tmp_path):
    """Typesetting never breaks a figure: '14491.18万元' that does not fit the end of a line goes whole to the next,
    and the line above stops short of the edge by its width. The two lines are one sentence."""
    from reportlab.pdfbase import pdfmetrics
    font = _cjk_font()
    size, left = 10.5, 60
    short, carried = "养护工程:今年全市计划实施养护工程292.52公里,计划总投资", "14491.18万元,截至9月份已全部完工。"
    full = "为加强农村公路养护管理工作,提高资金使用效益,市交通运输局组织"  # a full line: the text's right edge
    width = pdfmetrics.stringWidth(full, font, size)
    gap = width - pdfmetrics.stringWidth(short, font, size)
    assert size < gap < pdfmetrics.stringWidth("14491.18", font, size)  # the figure could not fit there
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(font, size)
    for i, line in enumerate([full, full, short, carried, full]):
        c.drawString(left, 760 - i * 18, line)
    c.showPage()
    c.save()
    path = tmp_path / "carried.pdf"
    path.write_bytes(buf.getvalue())
    assert "计划总投资14491.18万元" in load(path).pages[0].text


def test_a_name_over_its_seal_and_the_date_set_right_stay_lines_of_their_own(tmp_path):
    """Set in from the right edge, a unit's name and the date under it reach the edge from far in: no paragraph's
    lines, though the date opens with a figure the line above could not have held."""
    from reportlab.pdfbase import pdfmetrics
    font = _cjk_font()
    size, left = 10.5, 60
    full = "为加强农村公路养护管理工作,提高资金使用效益,市交通运输局组织"
    right = left + pdfmetrics.stringWidth(full, font, size)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(font, size)
    c.drawString(left, 760, full)
    c.drawString(left, 742, full[:-1] + "。")
    for i, line in enumerate(["某县交通运输局(盖章)", "2024年1月15日"]):
        c.drawString(right - 2 * size - pdfmetrics.stringWidth(line, font, size), 724 - i * 18, line)
    c.showPage()
    c.save()
    path = tmp_path / "seal.pdf"
    path.write_bytes(buf.getvalue())
    lines = load(path).pages[0].text.split("\n")
    assert "某县交通运输局(盖章)" in lines and "2024年1月15日" in lines
