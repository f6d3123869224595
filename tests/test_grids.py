"""Tables handed over as grids: each backend gives its tables' cells (row, column, spans, where the text
stands), normalising carries them, and the interpreter reads a row from them; text without cells goes
through the one reconstructor, which gives the same cells for the same row."""

import pytest
from conftest import ROOT, SAMPLES
from hypothesis import given
from hypothesis import strategies as st

import pipeline
from pipeline.document import Document, Grid, GridCell, Page
from pipeline.load import load
from pipeline.load.office import row_line
from pipeline.normalise import normalise
from pipeline.tables.grid import Cells, text_cells
from pipeline.tables.layout import _SEPARATED
from pipeline.tables.scores import leaves, read_score_table

PIPE = _SEPARATED[0][1]


def _cell_texts(page: Page, grid: Grid) -> list[list[str]]:
    return [[page.text[c.start:c.end] for c in row] for row in grid.rows()]


def test_a_word_table_hands_over_its_cells_with_the_merged_cells_spans(tmp_path):
    import docx
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r, texts in enumerate([["一级指标", "二级指标", "分值"], ["", "数量指标", "10"], ["", "质量指标", "20"]]):
        for c, text in enumerate(texts):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(2, 0)).text = "产出指标"
    path = tmp_path / "form.docx"
    d.save(path)
    page = load(path).pages[0]
    [grid] = page.grids
    assert _cell_texts(page, grid) == [["一级指标", "二级指标", "分值"], ["产出指标", "数量指标", "10"],
                                       ["产出指标", "质量指标", "20"]]
    origin = next(c for c in grid.cells if (c.row, c.col) == (1, 0))
    copy = next(c for c in grid.cells if (c.row, c.col) == (2, 0))
    assert (origin.rowspan, origin.colspan, origin.copy_of) == (2, 1, None)
    assert copy.copy_of == (1, 0)


def test_a_workbook_hands_over_each_sheet_as_a_grid_with_its_merged_ranges(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "分值", "得分"])
    ws.append(["产出指标", "数量指标", 10, 9])
    ws.append([None, "质量指标", 20, 18])
    ws.merge_cells("A1:D1")
    ws.merge_cells("A3:A4")
    path = tmp_path / "form.xlsx"
    wb.save(path)
    page = load(path).pages[0]
    [grid] = page.grids
    rows = _cell_texts(page, grid)
    # the merged title written once, the positions it covers after it empty and named as its copies
    assert rows[0] == ["项目支出绩效自评表", "", "", ""]
    assert [c.copy_of for c in grid.rows()[0][1:]] == [(0, 0)] * 3
    assert rows[3] == ["产出指标", "质量指标", "20", "18"]  # a category merged down its rows is on each of them
    title = next(c for c in grid.cells if (c.row, c.col) == (0, 0))
    category = next(c for c in grid.cells if (c.row, c.col) == (2, 0))
    assert (title.rowspan, title.colspan) == (1, 4)
    assert (category.rowspan, category.colspan) == (2, 1)


def test_an_html_table_hands_over_rowspan_and_colspan_as_the_grid_of_the_form():
    markup = ("<table><tr><th>一级指标</th><th>二级指标</th><th>分值</th><th>得分</th></tr>"
              "<tr><td rowspan='2'>产出指标</td><td>数量指标</td><td>10</td><td>9</td></tr>"
              "<tr><td>质量指标</td><td>20</td><td>18</td></tr>"
              "<tr><td colspan='2'>合计</td><td>30</td><td>27</td></tr></table>")
    doc = load_html(markup)
    page = doc.pages[0]
    [grid] = page.grids
    assert _cell_texts(page, grid)[2] == ["产出指标", "质量指标", "20", "18"]
    assert _cell_texts(page, grid)[3] == ["合计", "合计", "30", "27"]
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.copy_of) for c in grid.cells}
    assert spans[(1, 0)] == (2, 1, None) and spans[(2, 0)] == (1, 1, (1, 0))
    assert spans[(3, 0)] == (1, 2, None) and spans[(3, 1)] == (1, 1, (3, 0))


_FORM = [["项目支出绩效自评表", None, None, None], ["项目名称", "示范项目", None, None],
         ["一级指标", "二级指标", "分值", "得分"], ["产出指标", None, None, None], ["数量指标", "服务人数", "30", None]]


def _form_file(fmt: str, path, rows: list[list]) -> None:
    """`rows` in a format, each None a position the cell before the row's first None is merged over."""
    width = len(rows[0])
    spans = [(r, row.index(None) - 1, len(row) - 1) for r, row in enumerate(rows) if None in row]
    if fmt == "xlsx":
        import openpyxl
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        for r, first, last in spans:
            book.active.merge_cells(start_row=r + 1, start_column=first + 1, end_row=r + 1, end_column=last + 1)
        book.save(path)
    elif fmt == "docx":
        import docx
        d = docx.Document()
        table = d.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for k, text in enumerate(row):
                if text:
                    table.cell(r, k).text = text
        for r, first, last in spans:
            table.cell(r, first).merge(table.cell(r, last))
        d.save(path)
    elif fmt == "html":
        cells = ["".join(f"<td colspan='{len(row) - k}'>{t}</td>" if None in row and k == row.index(None) - 1 else
                         f"<td>{t}</td>" for k, t in enumerate(row) if t) for row in rows]
        path.write_text("<table>" + "".join(f"<tr>{r}</tr>" for r in cells) + "</table>", encoding="utf-8")
    else:
        from damage import _printer
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle
        _, build, body = _printer(path)
        table = Table([[t or "" for t in row] for row in rows], colWidths=[body / width] * width)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "WQYZenHei"),
                                   *[("SPAN", (first, r), (last, r)) for r, first, last in spans]]))
        build([table])


def _needs_font(fmt: str) -> None:
    if fmt == "pdf":
        import sys
        sys.path.insert(0, str(ROOT / "scripts"))
        from render_pdf import FONT_PATH
        if not FONT_PATH.exists():
            pytest.skip(f"{FONT_PATH} is needed to print the form")


FORMATS = ["xlsx", "docx", "html", "pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_that_is_one_merged_cell_is_written_once_and_a_merged_cell_among_others_in_each_position(fmt, tmp_path):
    """A title or a heading merged across the form reads as a person reads it: once. Written into every position it
    covered, a line read '总额 | 总额 | 总额 | 总额', which the readers took for a row of cells (a funds block of four
    equal amounts, a false alarm). A merged cell among other cells keeps a copy in each position, so that each cell
    of the row stays under its header (a full score '30' merged over 分值 and 得分)."""
    _needs_font(fmt)
    path = tmp_path / f"form.{fmt}"
    _form_file(fmt, path, _FORM)
    page = next(p for p in load(path).pages if p.grids)
    lines = [line.strip(" |") for line in page.text.split("\n") if line.strip()]
    assert lines[:5] == ["项目支出绩效自评表", "项目名称 | 示范项目 | 示范项目 | 示范项目", "一级指标 | 二级指标 | 分值 | 得分",
                         "产出指标", "数量指标 | 服务人数 | 30 | 30"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_category_rows_merged_across_a_score_table_stay_categories_and_a_merged_full_score_is_both_cells(fmt, tmp_path):
    """A category on a row of its own, merged across the form, is no row whose cells an export dropped (its one cell
    moved under the leaf column was glued to the leaf above: '服务合格率效益指标'); a full score merged over 分值 and
    得分 is the weight and the score (a review of the change found both)."""
    _needs_font(fmt)
    n = None
    rows = [["项目支出绩效自评表", n, n, n, n], ["项目名称", "社区养老服务补助项目", n, n, n],
            ["一级指标", "二级指标", "三级指标", "分值", "得分"], ["产出指标", n, n, n, n],
            ["产出指标", "数量指标", "服务老人人数", "30", n], ["产出指标", "质量指标", "服务合格率", "20", "18"],
            ["效益指标", n, n, n, n], ["效益指标", "社会效益指标", "老人生活质量提升", "30", "27"],
            ["满意度指标", n, n, n, n], ["满意度指标", "服务对象满意度指标", "老人满意度", "20", n], ["合计", n, n, "100", "95"]]
    path = tmp_path / f"form.{fmt}"
    _form_file(fmt, path, rows)
    [record] = pipeline.extract(path)
    assert [(i.name, i.weight, i.score) for i in leaves_of(record)] == [
        ("服务老人人数", 30, 30), ("服务合格率", 20, 18), ("老人生活质量提升", 30, 27), ("老人满意度", 20, 20)]
    assert not [c.id for c in record.checks if c.status == "fail"]


def leaves_of(record):
    parents = {i.parent for i in record.scores.indicators if i.parent is not None}
    return [i for k, i in enumerate(record.scores.indicators) if k not in parents]


def load_html(markup: str) -> Document:
    import pathlib
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "page.html"
        path.write_text(markup, encoding="utf-8")
        return load(path)


def test_a_pipe_inside_an_html_cell_does_not_move_the_rows_figures():
    """The row is read from the cells the page gave, not from the pipes of its text: a name that holds
    a '|' stays one cell, and each figure stays under its column."""
    rows = [("数量指标", "完成率(实际|计划)", "10", "9"), ("质量指标", "验收合格率", "20", "18"),
            ("效益指标", "群众满意度", "70", "63")]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{w}</td><td>{s}</td></tr>" for a, b, w, s in rows)
    markup = (f"<p>项目绩效自评表</p><table><tr><th>二级指标</th><th>三级指标</th><th>分值</th><th>得分</th></tr>{body}"
              "<tr><td>合计</td><td></td><td>100</td><td>90</td></tr></table>")
    norm = normalise(load_html(markup))
    table, _ = read_score_table(norm.text, cells=Cells.of(norm.grids))
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("完成率(实际|计划)", 10, 9), ("验收合格率", 20, 18), ("群众满意度", 70, 63)]


def test_each_ruled_pdf_table_row_is_a_grid_row_with_one_cell_per_column():
    [page] = [p for p in load(SAMPLES / "sample_report_simplified.pdf").pages if p.grids]
    [grid] = page.grids
    rows = _cell_texts(page, grid)
    assert rows[0] == ["评价指标", "指标名称", "权重", "自评分"]
    assert all(len(row) == 4 for row in rows)
    assert ["三、预算执行率和资金使用的合规性", "预算执行率", "8", "7.7"] in rows


def test_normalising_carries_the_grid_to_the_simplified_text():
    page = Page(1, "指標 | 權重\n項目設立 | 5", grids=[Grid(1, [
        GridCell(0, 0, 0, 2), GridCell(0, 1, 5, 7), GridCell(1, 0, 8, 12), GridCell(1, 1, 15, 16)])])
    norm = normalise(Document("t.txt", "", "text", [page]))
    [grid] = norm.grids
    assert [[norm.text[c.start:c.end] for c in row] for row in grid.rows()] == [["指标", "权重"], ["项目设立", "5"]]


def test_a_line_joined_from_two_grid_rows_is_cut_by_the_reconstructor_instead():
    text = "甲 | 1乙 | 2"
    cells = Cells.of([Grid(1, [GridCell(0, 0, 0, 1), GridCell(0, 1, 4, 5), GridCell(1, 0, 5, 6), GridCell(1, 1, 9, 10)])])
    assert cells.row_on(text, 0, len(text)) is None
    assert [text[c.start:c.end].strip() for c in text_cells(text, 0, len(text), PIPE)] == ["甲", "1乙", "2"]


def test_the_reconstructor_gives_an_empty_cell_where_two_separators_meet():
    text = "名称 | 10 |  | 9"
    assert [text[c.start:c.end].strip() for c in text_cells(text, 0, len(text), PIPE)] == ["名称", "10", "", "9"]


_CELL_TEXT = st.text(st.sampled_from("产出指标数量质量效益满意度合计一二三、()%.0123456789 "), max_size=8).map(str.strip)


@given(st.lists(_CELL_TEXT, min_size=2, max_size=8))
def test_the_reconstructor_cuts_a_written_row_into_the_cells_its_backend_wrote(texts):
    line, _, written = row_line(texts, lambda k: f"A{k}")
    cells = Cells.of([Grid(1, written)])
    from_grid = cells.row_on(line, 0, len(line))
    assert from_grid is not None and [line[c.start:c.end] for c in from_grid] == texts
    assert [line[c.start:c.end].strip() for c in text_cells(line, 0, len(line), PIPE)] == texts


@pytest.mark.parametrize("name", ["project_shanghai.docx", "project_shanghai.html", "selfeval_2021.xlsx",
                                  "sichuan_selfeval_2023.xls", "project_borderless.pdf"])
def test_every_format_with_tables_hands_them_over_as_grids(name):
    doc = load(SAMPLES / name)
    assert doc.grids(), name
    [record] = pipeline.extract(SAMPLES / name)
    assert record.scores.indicators


def test_an_ocr_page_hands_over_its_rows_of_recognised_cells_with_a_stray_rule_kept_in_its_cell():
    from pipeline.document import Box
    from pipeline.load.ocr import page_grid
    text = "绩效评价表\n数量指标 | 完成|率 | 10 | 9\n质量指标 | 合格率 | 20 | 18"
    boxes, pos = [Box(0, 5, (0, 0, 50, 10))], 6
    for line in text.split("\n")[1:]:
        for cell in line.split(" | "):
            boxes.append(Box(pos, pos + len(cell), (0, 0, 1, 1)))
            pos += len(cell) + 3
        pos += 1 - 3
    [grid] = page_grid(text, boxes)
    assert [[text[c.start:c.end] for c in row] for row in grid.rows()] == [
        ["数量指标", "完成|率", "10", "9"], ["质量指标", "合格率", "20", "18"]]


def test_a_value_read_from_a_grid_cites_its_table_row_and_column_and_the_merged_cell_it_lies_in():
    [record] = pipeline.extract(SAMPLES / "sample_report_simplified.pdf")
    prov = record.provenance
    names = [i.name for i in record.scores.indicators]
    k = names.index("预算执行率")
    assert prov[f"/scores/indicators/{k}/weight"]["table_cell"] == {"table": 1, "page": 2, "row": 4, "column": 3}
    category = prov[f"/scores/indicators/{names.index('预算执行率和资金使用的合规性')}/name"]
    assert category["text"] == "预算执行率和资金使用的合规性"  # its own words, not the numbering before them
    assert category["table_cell"]["rowspan"] == 2


def test_a_value_from_text_without_cells_cites_no_table_cell(tmp_path):
    from helpers import extract_text
    record = extract_text(tmp_path, "项目绩效自评表\n一级指标 | 二级指标 | 分值 | 得分\n产出 | 数量 | 60 | 55\n效益 | 满意度 | 40 | 38\n合计 | | 100 | 93\n")
    assert record.scores.indicators
    assert not any("table_cell" in e for e in record.provenance.values())


def test_a_word_table_s_merged_cells_are_found_the_same_on_every_reading():
    """python-docx hands a fresh proxy for a cell's element on each call: the merged cell is known by the element,
    never by the id of a proxy that may be let go and its id reused by another cell."""
    import gc
    first = load(SAMPLES / "project_shanghai.docx").grids()
    gc.collect()
    second = load(SAMPLES / "project_shanghai.docx").grids()
    assert [g.cells for g in first] == [g.cells for g in second]
    assert any(c.copy_of for g in first for c in g.cells)
