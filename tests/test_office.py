"""DOCX, XLSX, XLS, DOC and Markdown inputs."""
import io
import shutil
import zipfile

import pytest
from conftest import SAMPLES
from helpers import check_of

import pipeline
from pipeline.errors import LoadError
from pipeline.load import load


def test_docx_reads_paragraphs_and_tables_in_order_with_merged_cells_repeated():
    doc = load(SAMPLES / "project_shanghai.docx")
    text = doc.text
    assert doc.format == "docx"
    assert text.index("(四)评价依据") < text.index("一级指标 | 二级指标 | 分值 | 得分") < text.index("(二)主要绩效及分析")
    assert text.count("项目决策(13分) |") == 2  # the merged category cell is on both of its rows


def test_docx_category_cells_become_parents_with_subtotals():
    record = pipeline.extract(SAMPLES / "project_shanghai.docx")[0]
    parents = [i for i in record.scores.indicators if i.parent is None and i.weight == 13]
    assert parents and parents[0].name == "项目决策"
    assert check_of(record, "subtotals_match").status == "pass"


def test_xlsx_numbers_percent_formats_merged_ranges_and_empty_sheets():
    doc = load(SAMPLES / "selfeval_2021.xlsx")
    assert doc.format == "xlsx" and len(doc.pages) == 1  # the empty '说明' sheet gives no page
    assert "年度资金总额 | 300 | 320 | 304.8 | 10 | 95.25% | 9.5" in doc.text
    assert "产出指标 | 数量指标 | 新建集中供水工程" in doc.text


def test_xlsx_with_figures_typed_as_text_gives_the_sichuan_record():
    record = pipeline.extract(SAMPLES / "sichuan_selfeval_2023.xlsx")[0]
    assert record.report.kind == "self_assessment"
    assert record.budget.budget_yuan == 1_500_000 and record.budget.initial_budget_yuan == 1_200_000
    first = record.scores.indicators[0]
    assert first.kind == "budget_execution" and (first.weight, first.score) == (10, 9.44)
    row = next(i for i in record.scores.indicators if i.name == "帮扶农户数")
    assert row.target == "1200" and row.actual == "1260"


def test_target_and_actual_values_are_kept_on_self_assessment_rows():
    record = pipeline.extract(SAMPLES / "selfeval_2021.xlsx")[0]
    row = next(i for i in record.scores.indicators if i.name == "水质达标率")
    assert (row.target, row.actual) == ("≥95%", "94%")


def test_a_file_with_two_forms_gives_two_records():
    records = pipeline.extract(SAMPLES / "multi_report.txt")
    assert [r.report.project_name for r in records] == ["农村饮水安全巩固提升工程", "农民工职业技能培训"]
    assert [r.extra["report_index"] for r in records] == [0, 1]
    assert records[1].provenance["/report/project_name"]["text"] == "农民工职业技能培训"


def test_markdown_from_a_pdf_converter_with_html_tables_and_latex_percents(tmp_path):
    md = ("# 项目支出绩效评价报告\n\n项目预算100万元,实际支出$69.33$万元,预算执行率为$69.33\\%$。\n\n"
          "<table><tr><td>一级指标</td><td>分值</td><td>得分</td></tr><tr><td>产出</td><td>60</td><td>50</td></tr></table>\n\f"
          "<table><tr><td>效益</td><td>40</td><td>35</td></tr><tr><td>合计</td><td>100</td><td>85</td></tr></table>\n")
    path = tmp_path / "converted.md"
    path.write_text(md, encoding="utf-8")
    record = pipeline.extract(path)[0]
    assert record.budget.execution_rate == 69.33
    assert [(i.name, i.weight, i.score) for i in record.scores.indicators] == [("产出", 60, 50), ("效益", 40, 35)]
    assert record.scores.total_score == 85


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": b"<w:document>" + b" " * (300 * 2**20) + b"</w:document>"}))
    with pytest.raises(LoadError, match="zip bomb"):
        load(path)


def test_xml_external_entity_is_refused(tmp_path):
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>'
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(_zip({"xl/workbook.xml": xxe, "[Content_Types].xml": b"<Types/>"}))
    with pytest.raises(LoadError, match="entities"):
        load(path)


def test_damaged_office_file_is_a_clear_error(tmp_path):
    data = (SAMPLES / "project_shanghai.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError) as err:
        load(path)
    assert "cut.docx" in str(err.value)


@pytest.mark.skipif(shutil.which("soffice") or shutil.which("libreoffice"), reason="LibreOffice is installed here")
def test_legacy_doc_without_libreoffice_says_how_to_install_it(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(LoadError, match="LibreOffice"):
        load(path)


def test_legacy_xls_that_is_damaged_is_a_clear_error(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(LoadError, match="XLS"):
        load(path)


def test_an_entity_in_any_part_of_an_office_file_is_refused(tmp_path):
    import zipfile
    data = (SAMPLES / "selfeval_2021.xlsx").read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {n: src.read(n) for n in src.namelist()}
    members["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                       b'<sst>&x;</sst>')
    path = tmp_path / "xxe2.xlsx"
    path.write_bytes(_zip(members))
    with pytest.raises(LoadError, match="entities"):
        load(path)


def _merged_form_rows():
    """A self-assessment form's rows, with the merged ranges the category and funds cells span."""
    rows = [["项目支出绩效自评表", "", "", "", ""],
            ["项目名称", "乡村道路硬化", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "分值", "得分"],
            ["产出指标", "数量指标", "硬化道路长度", "20", "20"],
            ["", "质量指标", "验收合格率", "20", "18"],
            ["效益指标", "社会效益", "群众出行条件", "30", "28"]]
    merges = [(0, 0, 0, 4), (1, 1, 1, 4), (3, 4, 0, 0)]  # (first row, last row, first col, last col)
    return rows, merges


def test_an_xls_with_merged_ranges_reads_like_its_xlsx_twin(tmp_path):
    import openpyxl
    import xlwt
    rows, merges = _merged_form_rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for r0, r1, c0, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, end_row=r1 + 1, start_column=c0 + 1, end_column=c1 + 1)
    wb.save(tmp_path / "form.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet")
    merged = {(r, c) for r0, r1, c0, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r0, r1, c0, c1 in merges:
        sheet.write_merge(r0, r1, c0, c1, rows[r0][c0])
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in merged and value:
                sheet.write(r, c, value)
    book.save(str(tmp_path / "form.xls"))
    xls_doc, xlsx_doc = load(tmp_path / "form.xls"), load(tmp_path / "form.xlsx")
    assert xls_doc.format == "xls" and xlsx_doc.format == "xlsx"
    assert xls_doc.text == xlsx_doc.text
    assert "产出指标 | 质量指标 | 验收合格率 | 20 | 18" in xls_doc.text  # the merged category filled down


def test_each_doc_conversion_has_a_libreoffice_profile_of_its_own(monkeypatch, tmp_path):
    import subprocess

    from pipeline.load import doc as doc_backend
    seen = []

    def fake_run(command, **kwargs):
        seen.append(command)
        raise subprocess.TimeoutExpired(command, 120)
    monkeypatch.setattr(doc_backend.shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(doc_backend.subprocess, "run", fake_run)
    for _ in range(2):
        with pytest.raises(LoadError, match="LibreOffice could not convert"):
            doc_backend.load_doc(tmp_path / "a.doc", b"\xd0\xcf\x11\xe0")
    profiles = [next(a for a in c if a.startswith("-env:UserInstallation=file://")) for c in seen]
    assert len(set(profiles)) == 2


def test_a_failed_doc_conversion_is_tried_again_on_the_next_run():
    from pipeline.dataset.store import failure_kind
    assert failure_kind("LibreOffice could not convert the .doc (CalledProcessError)")[0] == "transient"
    assert failure_kind("x.doc: LibreOffice could not convert the .doc")[0] == "transient"


@pytest.mark.parametrize("name", ["selfeval_2021.xlsx"])
def test_every_value_read_from_a_workbook_cites_the_cell_that_holds_it(name):
    import openpyxl

    from pipeline.load.xlsx import (
        _xlsx_value,  # the cell as the backend shows it (a percent format as 95.25%)
    )
    path = SAMPLES / name
    [record] = pipeline.extract(path)
    book = openpyxl.load_workbook(path, data_only=True)
    cited = [(p, e) for p, e in record.provenance.items() if e.get("cell") and e.get("text")]
    assert len(cited) >= 10
    for pointer, entry in cited:
        sheet, ref = entry["cell"].split("!")
        first = ref.split(":")[0]  # a row cited whole names its range, and opens with its first cell's text
        shown = _xlsx_value(book[sheet][first])
        text = entry["text"].strip()
        assert (text.startswith(shown) if ":" in ref else text in shown), (pointer, entry, shown)


@pytest.mark.parametrize("name", ["hunan_selfeval_2019.docx", "chongqing_department_2021.docx"])
def test_every_value_read_from_a_word_table_cites_its_table_row_and_column(name):
    import docx
    import regex

    from pipeline.load.office import cell_text
    path = SAMPLES / name
    [record] = pipeline.extract(path)
    tables = docx.Document(str(path)).tables
    cited = [(p, e) for p, e in record.provenance.items() if e.get("cell") and e.get("text") and ":" not in e["cell"]]
    assert len(cited) >= 10
    for pointer, entry in cited:
        t, r, c = map(int, regex.match(r"表(\d+)!R(\d+)C(\d+)", entry["cell"]).groups())
        shown = cell_text(tables[t - 1].rows[r - 1].cells[c - 1].text)
        assert entry["text"].strip() in shown, (pointer, entry, shown)


def test_every_value_read_from_an_html_table_cites_its_table_row_and_column():
    import regex
    from bs4 import BeautifulSoup

    from pipeline.load.html import table_grid
    path = SAMPLES / "project_shanghai.html"
    [record] = pipeline.extract(path)
    tables = BeautifulSoup(path.read_bytes(), "lxml").find_all("table")
    cited = [(p, e) for p, e in record.provenance.items() if e.get("cell") and e.get("text") and ":" not in e["cell"]]
    assert len(cited) >= 10
    for pointer, entry in cited:
        t, r, c = map(int, regex.match(r"表(\d+)!R(\d+)C(\d+)", entry["cell"]).groups())
        shown = table_grid(tables[t - 1])[r - 1][c - 1]  # a merged cell's text in every cell it spans
        assert entry["text"].strip() in shown, (pointer, entry, shown)


def test_the_execution_row_a_form_adds_is_named_as_its_funds_block_prints_it():
    record = pipeline.extract(SAMPLES / "selfeval_2021.xlsx")[0]
    first = record.scores.indicators[0]
    assert first.kind == "budget_execution" and first.name == "年度资金总额(预算执行率)"
    cited = record.provenance["/scores/indicators/0/name"]
    assert cited["text"] == "年度资金总额" and cited["funds_block"] is True
