"""Scans and photos through OCR (RapidOCR, models inside its wheel)."""
import dataclasses
import json

import pytest
from conftest import SAMPLES
from helpers import check_of

import pipeline
from pipeline.document import Box
from pipeline.load import load
from pipeline.load.deskew import MIN_SKEW, skew_angle, straighten
from pipeline.load.ocr import OcrLine, dashes_read_as_strokes, page_text, unrotate
from pipeline.load.ocr_table import score_table_verdict
from pipeline.load.pdf_scan import splice
from pipeline.record import Record

pytest.importorskip("rapidocr")
pytestmark = pytest.mark.e2e  # every case here runs the OCR engine


@pytest.fixture(scope="module")
def scan_record():
    return pipeline.extract(SAMPLES / "scan_sample_report.pdf")[0]


def test_a_scan_is_read_by_ocr_with_engine_and_confidence(scan_record):
    src = scan_record.source
    assert src.format == "scan" and src.page_readers == ["ocr", "ocr"]
    assert src.ocr["engine"].startswith("rapidocr") and src.ocr["mean_confidence"] > 0.9


def test_scan_gives_the_score_table_and_budget_exactly(scan_record):
    leaves = [(i.name, i.weight, i.score) for i in scan_record.scores.indicators if i.weight is not None]
    assert [(w, s) for _, w, s in leaves] == [(5, 5), (8, 6), (8, 7.7), (6, 6), (5, 3), (4, 4), (12, 12), (10, 8),
                                              (12, 11), (30, 27)]
    assert (scan_record.scores.total_weight, scan_record.scores.total_score) == (100, 89.7)
    b = scan_record.budget
    assert (b.budget_yuan, b.executed_yuan, b.execution_rate) == (1130000, 1098608, 97.22)


def test_ocr_values_carry_a_box_in_pdf_points_and_a_confidence(scan_record):
    entry = scan_record.provenance["/scores/total_score"]
    x0, top, x1, bottom = entry["bbox"]
    assert 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 841.9
    assert 0 < entry["confidence"] <= 1


def test_ocr_table_values_cite_the_row_and_column_of_the_recognised_grid(scan_record):
    cited = [e for p, e in scan_record.provenance.items() if p.startswith("/scores/indicators/")]
    assert cited and all("table_cell" in e for e in cited)
    rows = {e["table_cell"]["row"] for e in cited}
    assert len(rows) >= 8  # one grid row per indicator row, not one cell for the whole table


def test_a_photo_held_sideways_is_turned_upright_and_its_table_read():
    record = pipeline.extract(SAMPLES / "photo_score_page.jpg")[0]
    assert record.source.format == "image" and "turned" in record.source.page_readers[0]
    assert record.scores.total_score == 89.7
    assert check_of(record, "indicator_scores_sum").status == "pass"
    x0, top, x1, bottom = record.provenance["/scores/total_score"]["bbox"]  # pixels of the photo as stored
    assert x1 > x0 and bottom > top


def test_a_text_layer_that_reads_well_is_never_replaced_by_ocr():
    doc = load(SAMPLES / "sample_report_simplified.pdf")
    assert all(p.reader == "pypdfium2" for p in doc.pages) and "ocr" not in doc.meta


def test_low_confidence_lines_are_kept_not_dropped():
    lines = [OcrLine("项目预算合计113万元", (10, 10, 400, 40), 0.98), OcrLine("模糊的一行", (10, 60, 200, 90), 0.12)]
    text, boxes = page_text(lines)
    assert "模糊的一行" in text and min(b.confidence for b in boxes) == 0.12


def test_rows_of_a_table_are_rebuilt_from_boxes_with_wrapped_cells_folded():
    def line(t, x0, y0, x1, y1):
        return OcrLine(t, (x0, y0, x1, y1), 0.99)
    lines = [line("指标名称", 10, 0, 100, 30), line("权重", 300, 0, 350, 30), line("得分", 400, 0, 450, 30),
             line("财务管理制度的健全性", 10, 40, 200, 70), line("5", 300, 48, 315, 78), line("3", 400, 48, 415, 78),
             line("和有效性", 10, 75, 100, 105)]
    text, _ = page_text(lines, rules=[250, 380])
    assert text.splitlines() == ["指标名称 | 权重 | 得分", "财务管理制度的健全性和有效性 | 5 | 3"]


def test_a_scanned_page_of_short_lines_runs_none_of_them_on():
    # a form printed one cell a line down the page's left side: its widest line is no text width, so no line wraps
    cells = ["财政专户管理资金", "0.00", "0.00", "实施单位(盖章)", "青神县发展和改革局"]
    lines = [OcrLine(t, (147, 142 + 31 * k, 147 + 22 * len(t), 171 + 31 * k), 0.97) for k, t in enumerate(cells)]
    text, _ = page_text(lines, width=1076)
    assert text.splitlines() == cells
    # a page whose prose reaches the right margin still runs a wrapped line on
    prose = [OcrLine("严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学", (149, 537, 947, 559), 0.98),
             OcrLine("合理,减少结余资金。", (149, 566, 360, 591), 0.9)]
    text, _ = page_text(prose, width=1076)
    assert text.splitlines() == ["严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。"]
    # a page photographed in the left half of the frame: its prose lines end at one edge, its margin (review case)
    photo = [OcrLine(t, (150, 153 + 33 * k, 880, 180 + 33 * k), 0.97) for k, t in enumerate(
        ["2023年,县农业农村局安排高标准农田建", "设项目资金1256.8万元,其中中央补助资", "金800万元、县级配套456.8万元。截至年",
         "底,项目实际支出1198.6万元,预算执行"])] + [OcrLine("率95.37%。", (150, 285, 326, 312), 0.97)]
    text, _ = page_text(photo, width=1600)
    assert "预算执行率95.37%。" in text
    # a seal's text standing out past the prose sets no margin: the prose lines' common edge does (second review)
    text, _ = page_text(photo + [OcrLine("清水县农业农村局(盖章)", (700, 330, 940, 357), 0.9)], width=1600)
    assert "预算执行率95.37%。" in text


def test_a_scanned_line_short_of_the_margin_by_the_figure_carried_to_the_next_runs_on():
    # '…计划总投资' stops short of the margin because '14491.18万元' did not fit after it and was carried whole: a wrapped
    # line all the same (dev 24 scanned: the sub-project's amount stood alone on its line and the split was lost)
    lines = [OcrLine("养护工程:今年全市计划实施养护工程292.52公里,计划总投资", (150, 200, 860, 228), 0.98),
             OcrLine("14491.18万元,截至9月份,已全部完工。", (150, 236, 560, 264), 0.98),
             OcrLine("二、工作开展情况", (150, 272, 360, 300), 0.98),
             OcrLine("按照省交通运输厅和省财政厅联合下发的实施方案等管理制度,明确各级政府项目配套资金", (150, 308, 940, 336), 0.98)]
    text, _ = page_text(lines, width=1076)
    assert "计划总投资14491.18万元,截至9月份" in text
    # a line short of the margin by more than its next line's opening figure is a paragraph's end, and one that opens
    # on its year opens a line of its own
    short = [dataclasses.replace(lines[0], box=(150, 200, 700, 228)), lines[1], *lines[2:]]
    assert "计划总投资\n14491.18万元" in page_text(short, width=1076)[0]
    year = [lines[0], dataclasses.replace(lines[1], text="2024年工作计划"), *lines[2:]]
    assert "计划总投资\n2024年工作计划" in page_text(year, width=1076)[0]


def test_a_dash_read_as_a_one_is_a_dash_by_its_height_and_a_real_one_stays():
    # '其他资金 | - | -' scanned: the recogniser named the first dash '1' (box 7×12 px on a page of 27 px lines), and a
    # funds sum counted it as 1万元; a printed 1 stands a line high
    lines = [OcrLine("其他资金", (106, 548, 182, 579), 1.0), OcrLine("1", (220, 558, 227, 570), 1.0),
             OcrLine("1", (546, 121, 561, 142), 1.0), OcrLine("10", (435, 464, 464, 490), 1.0)]
    assert [x.text for x in dashes_read_as_strokes(lines, 27)] == ["其他资金", "-", "1", "10"]
    # the row sets the height, not the page: a table set smaller than the prose keeps its 1s (review case); a row's
    # ordinal 一 is a bar by its glyph, and stays
    small = [OcrLine("其他资金", (100, 1068, 172, 1091), 0.97), OcrLine("1", (420, 1071, 428, 1088), 0.97),
             OcrLine("一", (100, 612, 128, 622), 0.97), OcrLine("产出指标", (200, 600, 320, 630), 0.97)]
    assert [x.text for x in dashes_read_as_strokes(small, 30)] == ["其他资金", "1", "一", "产出指标"]
    # a printed 1 beside a cell of two lines (a tall box) is measured against a line's height (second review)
    tall = [OcrLine("1", (600, 500, 610, 524), 0.97), OcrLine("项目实施单位及主管部门", (100, 490, 300, 550), 0.97)]
    assert dashes_read_as_strokes(tall, 28)[0].text == "1"


def test_boxes_found_on_a_turned_image_go_back_to_its_frame():
    # a 100×50 image turned by np.rot90 once is 50×100; a box at its top-left came from the top-right
    assert unrotate((0, 0, 10, 20), 1, 100, 50) == (80, 0, 100, 10)


def test_a_failure_that_one_ocr_confusion_repairs_is_a_possible_misread(scan_record):
    data = scan_record.to_dict()
    i = next(k for k, x in enumerate(data["scores"]["indicators"]) if x["name"] == "预算执行率")
    data["scores"]["indicators"][i]["score"] = 1.7  # '7.7' read as '1.7'
    data["provenance"][f"/scores/indicators/{i}/score"]["text"] = "1.7"
    record = Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert c.status == "warn" and "1.7 → 7.7" in c.message and "possible misread" in c.message


def test_a_text_layer_figure_is_not_excused_as_a_misread(tmp_path):
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8").replace("| 100 | 95.5 |", "| 100 | 95.6 |")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert check_of(pipeline.extract(path)[0], "indicator_scores_sum").status == "fail"


def test_every_page_of_a_multi_page_tiff_is_read(tmp_path):
    from PIL import Image
    photo = Image.open(SAMPLES / "photo_score_page.jpg").convert("L").rotate(-90, expand=True)
    table = photo.crop((0, int(photo.height * 0.25), photo.width, int(photo.height * 0.6)))
    path = tmp_path / "two_pages.tif"
    table.save(path, save_all=True, append_images=[table.rotate(180)], compression="tiff_lzw")
    doc = load(path)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "预算执行率" in doc.pages[0].text and "预算执行率" in doc.pages[1].text
    assert "turned 180" in doc.pages[1].reader


DEGRADED = SAMPLES / "scans" / "scan_degraded_score_page.pdf"


@pytest.fixture(scope="module")
def degraded_record():
    return pipeline.extract(DEGRADED)[0]


def test_a_badly_degraded_scan_reads_its_score_table_exactly(degraded_record, scorer):
    gold = json.loads((SAMPLES / "scans" / "expected" / f"{DEGRADED.stem}.json").read_text(encoding="utf-8"))
    misses = [r for r in scorer.score(degraded_record.to_dict(), gold) if not r[1]]
    assert not misses, misses
    assert check_of(degraded_record, "indicator_scores_sum").status == "pass"


def test_the_record_says_which_ocr_passes_ran_on_each_scanned_page(degraded_record, scan_record):
    [page] = degraded_record.source.ocr["pages"]
    # its ruled cells read as cells, the table closes at the first resolution: nothing is read again
    assert page["page"] == 1 and page["dpi"] == 130 and page["table_closes"] is True and page["read_again"] == []
    assert all(p["read_again"] == [] or p["table_closes"] is False for p in scan_record.source.ocr["pages"])


class _FakePage:
    def get_size(self):
        return 595.0, 842.0

    def get_objects(self, max_depth=2):
        return []


def _reading(rows: list[tuple[str, float]], top: float = 300.0):
    """OCR output of a table: each row's text with one box per line, read with the given confidence."""
    from pipeline.document import Box
    text, boxes, pos = "", [], 0
    for k, (row, confidence) in enumerate(rows):
        boxes.append(Box(pos, pos + len(row), (50.0, top + 20 * k, 500.0, top + 20 * k + 12), confidence))
        text += row + "\n"
        pos += len(row) + 1
    return text, boxes, [OcrLine(r, (50.0, top + 20 * k, 500.0, top + 20 * k + 12), c) for k, (r, c) in enumerate(rows)]


def test_a_table_that_does_not_close_is_read_again_sharper_and_the_record_says_so(monkeypatch):
    from pipeline.load import pdf_scan
    table = ["评价指标 | 指标名称 | 权重 | 自评分", "立项 | 规范性 | 40 | 38", "产出 | 完成率 | 60 | 51.7", "合计 | 100 | 89.7"]
    first = _reading([(row, 0.6 if "51.7" in row else 0.99) for row in table])  # a figure read doubtfully
    sharper = _reading([(row, 0.99) for row in table])
    calls = []

    def read(page, dpi, crop=(0, 0, 0, 0)):
        calls.append((dpi, crop))
        return sharper if crop != (0, 0, 0, 0) else first
    monkeypatch.setattr(pdf_scan, "_read", read)
    reading = pdf_scan.read_scanned_page(_FakePage())
    assert calls[0][0] == pdf_scan.BASE_DPI and calls[1][0] > pdf_scan.BASE_DPI  # the band, at a sharper resolution
    assert reading.table.closes and "table band" in reading.reread[0] and "confidence" in reading.reread[0]


def _row_profile(image):
    """Ink per pixel row: where the text rows of a page lie."""
    return (image < 160).sum(axis=1).astype(float)


@pytest.mark.parametrize("degrees", [1.3, -2.2])
def test_a_page_turned_a_little_comes_out_with_the_rows_of_the_level_page(degrees):
    # What matters for OCR is that each text row lies where the level page has it, not the exact angle that the
    # search settles on: the residual reading moves with the OpenCV release (0.15 on a level page with 5.1).
    import numpy as np
    import pypdfium2
    from PIL import Image

    page = pypdfium2.PdfDocument(SAMPLES / "sample_report_simplified.pdf")[1]
    level = page.render(scale=60 / 72, grayscale=True).to_pil().convert("L")
    turned = np.asarray(level.rotate(degrees, resample=Image.BICUBIC, fillcolor=255))
    assert abs(skew_angle(turned) + degrees) < 0.2  # the search steps by 0.025°
    straight = straighten(turned)
    rows = _row_profile(np.asarray(level))
    # measured 0.987 straightened; a page left turned by 0.5° already falls to 0.78
    assert np.corrcoef(rows, _row_profile(straight.image))[0, 1] > 0.95
    assert np.corrcoef(rows, _row_profile(turned))[0, 1] < 0.8
    # a box on the straightened page goes back near where the turned page shows it
    x0, top, x1, bottom = straight.unmap((100, 100, 200, 120))
    assert abs(x0 - 100) < 10 and abs(top - 100) < 10 and x1 - x0 > 100


def test_a_page_under_the_smallest_skew_is_left_as_it_is():
    import numpy as np
    page = np.full((200, 300), 255, dtype=np.uint8)
    assert straighten(page, angle=MIN_SKEW / 2).image is page


def _rows_as_page(rows: list[str], confidence: float = 0.95) -> tuple[str, list[Box]]:
    boxes, pos = [], 0
    for k, row in enumerate(rows):
        boxes.append(Box(pos, pos + len(row), (10, 20.0 * k, 500, 20.0 * k + 15), confidence))
        pos += len(row) + 1
    return "\n".join(rows), boxes


def test_a_score_table_closes_when_its_rows_add_up_to_its_total():
    verdict = score_table_verdict(*_rows_as_page(["指标 | 权重 | 得分", "决策 | 20 | 18", "产出 | 80 | 70.5",
                                                  "合计 | 100 | 88.5", "正文继续。"]))
    assert verdict.found and verdict.closes and (verdict.top, verdict.bottom) == (0, 75)


def test_a_score_table_whose_rows_do_not_add_up_or_read_doubtfully_does_not_close():
    rows = ["指标 | 权重 | 得分", "决策 | 20 | 18", "产出 | 80 | 7.5", "合计 | 100 | 88.5"]
    assert not score_table_verdict(*_rows_as_page(rows)).closes
    assert "no total" in score_table_verdict(*_rows_as_page(rows[:3] + ["正文继续。"])).reason
    doubtful = score_table_verdict(*_rows_as_page(rows[:2] + ["产出 | 80 | 70.5", rows[3]], confidence=0.6))
    assert not doubtful.closes and "confidence" in doubtful.reason


def test_a_table_whose_header_and_total_words_misread_is_still_found_by_its_figures():
    verdict = score_table_verdict(*_rows_as_page(["评价指标 | 板重 | 自评分", "a | 5 | 5", "b | 8 | 6", "c | 8 | 7.7",
                                                  "创计 | 21 | 18.7"]))
    assert verdict.found and verdict.closes


def test_a_sharper_reading_of_the_table_band_replaces_only_the_lines_inside_it():
    text, boxes = _rows_as_page(["正文在上", "表 | 5 | 4", "表 | 5 | 1", "正文在下"])
    band_text, band_boxes = _rows_as_page(["表 | 5 | 4", "表 | 5 | 4.5"])
    band_boxes = [Box(b.start, b.end, (b.bbox[0], b.bbox[1] + 20, b.bbox[2], b.bbox[3] + 20), 0.99) for b in band_boxes]
    new_text, new_boxes = splice(text, boxes, 18, 58, band_text, band_boxes)
    assert new_text.splitlines() == ["正文在上", "表 | 5 | 4", "表 | 5 | 4.5", "正文在下"]
    assert [new_text[b.start:b.end] for b in new_boxes] == new_text.splitlines()


def test_extract_on_a_scanned_pdf_says_each_page_as_it_is_read(tmp_path):
    # a scan takes seconds a page: each page is said with the file's name, in words, before the summary
    import subprocess
    import sys
    name = str(SAMPLES / "scan_sample_report.pdf")
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", name, "-o", str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0
    lines = run.stderr.splitlines()
    assert lines[:2] == [f"jixiao: {name}: OCR page {k} of 2 (a scanned page: seconds each)" for k in (1, 2)]
    assert lines[2].startswith(f"jixiao: {name}: project, budget") and len(lines) == 3


SCANS = ["scan_sample_report.pdf", "page_bottom/sample_bottom_scan.pdf", "scans/scan_degraded_score_page.pdf"]


@pytest.mark.parametrize("name", SCANS)
def test_every_cited_box_of_a_scan_lies_on_its_cited_text(name):
    # the page OCR'd again on its own, at another resolution (180 dpi, the reading's is 130): each cited box
    # overlaps the lines that hold the cited characters (a value wrapped over two lines holds them between
    # them). A box one row off, or in another frame, overlaps other text.
    import numpy as np
    import pypdfium2

    from pipeline.load.ocr import recognise
    from pipeline.normalise import normalise_string

    def bare(text):
        return "".join(ch for ch in normalise_string(text or "") if ch.isalnum() or ch in ".%")
    scale = 180 / 72
    records = pipeline.extract(SAMPLES / name)
    pdf = pypdfium2.PdfDocument(str(SAMPLES / name))
    lines: dict[int, list] = {}
    checked = 0
    try:
        for record in records:
            for pointer, entry in record.provenance.items():
                if not (entry.get("bbox") and entry.get("text") and isinstance(entry.get("page"), int)) \
                        or " | " in entry["text"]:
                    continue  # a whole row's evidence: its cells are checked one by one
                page = entry["page"]
                if page not in lines:
                    image = np.array(pdf[page - 1].render(scale=scale).to_pil().convert("RGB"))
                    lines[page] = [(tuple(v / scale for v in line.box), bare(line.text)) for line in recognise(image)]
                x0, top, x1, bottom = entry["bbox"]
                held = "".join(text for (a, b, c, d), text in lines[page]
                               if a < x1 + 3 and c > x0 - 3 and b < bottom + 3 and d > top - 3)
                assert all(ch in held for ch in bare(entry["text"])[:6]), (pointer, entry["bbox"], entry["text"], held)
                checked += 1
    finally:
        pdf.close()
    assert checked >= 40


def _ruled_grid(rows: list[float], columns: list[float], size=(400, 600)):
    """A white page with a table's rules drawn at the given y (rows) and x (columns) positions."""
    import numpy as np
    page = np.full(size, 255, np.uint8)
    for y in rows:
        page[int(y):int(y) + 2, int(columns[0]):int(columns[-1]) + 2] = 0
    for x in columns:
        page[int(rows[0]):int(rows[-1]) + 2, int(x):int(x) + 2] = 0
    return page


def test_a_ruled_table_s_cells_are_found_from_its_rules():
    from pipeline.load.ocr import ruled_cells
    cells = ruled_cells(_ruled_grid([50, 100, 150, 200], [40, 140, 340, 540]), h=14)
    assert len(cells) == 9  # three rows of three cells
    assert all(abs((y1 - y0) - 48) <= 4 for _, y0, _, y1 in cells)
    assert ruled_cells(_ruled_grid([50], [40]), h=14) == []  # no table: no cells


def test_the_lines_a_narrow_cell_wraps_are_one_cell_and_the_row_reads_as_one():
    from pipeline.load.ocr import _joined_in_cells
    cells = [(40, 50, 100, 110), (100, 50, 300, 110), (300, 50, 400, 110)]
    lines = [OcrLine("项目实", (45, 55, 95, 69), 0.99), OcrLine("施单位", (45, 72, 95, 86), 0.99),
             OcrLine("某县图书馆", (105, 72, 200, 86), 0.98),  # set lower in its cell: vertically centred
             OcrLine("5", (305, 72, 315, 86), 0.97), OcrLine("页脚文字", (45, 300, 120, 314), 0.9)]
    text, _ = page_text(_joined_in_cells(lines, cells), rules=[40, 100, 300, 400])
    assert text.split("\n")[0] == "项目实施单位 | 某县图书馆 | 5"
    assert "页脚文字" in text  # a line outside the table stays as it was
