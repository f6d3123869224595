"""Rows at page ends and over page breaks (issue 14): a ruled score table broken over two pages keeps
every row, its header repeated on the next page or not; the last row above the page's footer is a
row, not furniture; no two rows run together. The shared sample is rendered as make_samples.py
renders it, pushed down its page by a spacer so that the page break falls before the table, inside
it at different rows, and right before its total row — in the TrueType font (reportlab) and in the
CFF font (Chromium, scripts/render_pdf_cff.py)."""
import json
import shutil
import sys

import pytest
from conftest import ROOT, SAMPLE_GOLD

import pipeline
from pipeline.load import load

sys.path.insert(0, str(ROOT / "scripts"))
import render_pdf  # noqa: E402

if not render_pdf.FONT_PATH.exists():
    pytest.skip(f"{render_pdf.FONT_PATH} is needed to render the test PDFs", allow_module_level=True)
import make_samples  # noqa: E402
import render_pdf_cff  # noqa: E402
from test_pdf_borderless import _break  # noqa: E402

GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")) if SAMPLE_GOLD.exists() else None
ROWS = 11  # ten indicators and the total
# spacer (points) -> (figure rows of the table on each page, the table opens a page), as each
# rendering breaks today; the test checks the rendering still breaks there before it reads it
TRUETYPE = {
    230: ((ROWS - 1, 1), False),  # the total alone on the next page: the last indicator sits above the footer
    240: ((ROWS - 2, 2), False),
    300: ((6, 5), False),
    380: ((2, 9), False),  # before a category merged over two rows
    430: ((0, ROWS), False),  # the header alone at the foot of a page
    450: ((ROWS,), True),  # the table opens the next page
    600: ((4, 7), False),  # the second page break, after the merged category
}
HEADER_REPEATED = {**TRUETYPE, 430: ((ROWS,), True)}  # a header repeated is never left alone: the table moves on
CFF = {270: ((ROWS - 1, 1), False), 430: ((2, 9), False), 470: ((0, ROWS), False)}
HAVE_CHROMIUM = shutil.which("chromium") is not None and render_pdf_cff.FONT_PATH.exists()


def _spaced(builder, spacer: float, monkeypatch, **options) -> None:
    """Every table the builder draws comes after a spacer of `spacer` points, with `options`."""
    table = builder.table

    def spaced(self, *args, **kwargs):
        self.space(spacer)
        return table(self, *args, **{**kwargs, **options})
    monkeypatch.setattr(builder, "table", spaced)


def _assert_every_row(path, scorer) -> None:
    record = pipeline.extract(path)[0]
    parents = {i.parent for i in record.scores.indicators}  # a category merged over rows is its rows' parent
    got = [(i.name, i.weight, i.score) for k, i in enumerate(record.scores.indicators) if k not in parents]
    want = [(i["name"], i["weight"], i["score"]) for i in GOLD["scores"]["indicators"]]
    assert [(w, s) for _, w, s in got] == [(w, s) for _, w, s in want], got
    for (name, _, _), (gold_name, _, _) in zip(got, want):
        assert scorer.similar(name, gold_name) >= 0.8, (name, gold_name)
    assert (record.scores.total_weight, record.scores.total_score) == (100, 89.7)
    statuses = {c.id: c.status for c in record.checks}
    assert statuses["indicator_scores_sum"] == "pass" and statuses["indicator_weights_sum"] == "pass"
    # one line per row: the header (once per page it stands on), the indicators, the total
    rows = [line for p in load(path).pages for line in p.text.split("\n") if line.count(" | ") == 3]
    body = [r for r in rows if not r.startswith("评价指标 |")]
    assert len(body) == ROWS, rows


@pytest.mark.skipif(GOLD is None, reason="shared gold not found")
@pytest.mark.parametrize("repeat_header", [0, 1], ids=["header-once", "header-repeated"])
@pytest.mark.parametrize("spacer", sorted(TRUETYPE))
def test_a_ruled_table_keeps_every_row_wherever_the_page_breaks(spacer, repeat_header, tmp_path, monkeypatch, scorer):
    _spaced(render_pdf.Builder, spacer, monkeypatch, repeat_header=repeat_header)
    path = tmp_path / f"ruled_{spacer}.pdf"
    make_samples.render_sample_pdf(path, False)
    assert _break(path) == (HEADER_REPEATED if repeat_header else TRUETYPE)[spacer], "the rendering moved: pick spacers that break the table as described"
    _assert_every_row(path, scorer)


@pytest.mark.skipif(GOLD is None, reason="shared gold not found")
def test_the_row_above_the_footer_is_a_row_not_furniture(tmp_path, monkeypatch):
    _spaced(render_pdf.Builder, 230, monkeypatch)
    path = tmp_path / "ruled_230.pdf"
    make_samples.render_sample_pdf(path, False)
    first = next(p for p in load(path).pages if "评价指标 |" in p.text).text.split("\n")
    table_rows = [line for line in first if line.count(" | ") == 3]
    assert table_rows[-1] == "九、效果达标率 | 效果达标率 | 30 | 27"
    assert not any("—" in line for line in first[-3:])  # the footer '— 1 —' is gone, the row is not


@pytest.mark.e2e  # Chromium prints each page
@pytest.mark.skipif(GOLD is None or not HAVE_CHROMIUM, reason="needs the shared gold, chromium and fonts-noto-cjk")
@pytest.mark.parametrize("spacer", sorted(CFF))
def test_a_cff_font_table_keeps_every_row_wherever_the_page_breaks(spacer, tmp_path, monkeypatch, scorer):
    _spaced(render_pdf_cff.HtmlBuilder, spacer, monkeypatch)
    path = tmp_path / f"cff_{spacer}.pdf"
    render_pdf_cff.render_sample_cff(path)
    assert _break(path) == CFF[spacer], "the rendering moved: pick spacers that break the table as described"
    _assert_every_row(path, scorer)


@pytest.mark.parametrize("spacer", [230, 300])  # the total alone on the next page, or five rows
def test_rows_over_a_page_break_read_as_the_unbroken_table_reads_them(spacer, tmp_path, monkeypatch):
    unbroken = tmp_path / "unbroken.pdf"
    make_samples.render_sample_pdf(unbroken, False)
    _spaced(render_pdf.Builder, spacer, monkeypatch)
    path = tmp_path / f"ruled_{spacer}.pdf"
    make_samples.render_sample_pdf(path, False)

    def rows(p):
        return [line for page in load(p).pages for line in page.text.split("\n") if line.count(" | ") == 3]
    assert rows(path) == rows(unbroken)  # the merged total label repeated, as on one page


def _long_table_pdf(path, head: str | None) -> None:
    """A four-page document: a running head (or none) on every page, and on every page a ruled table whose
    first and last rows are figures only ('10 | 9 | 8'), with more such rows in its body."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    b = render_pdf.Builder()
    for page in range(4):
        if head:
            b.para(head)
        b.table([[str(10 + page), str(9 + k), "8"] for k in range(6)], [40, 40, 40])
        b.page_break()
    SimpleDocTemplate(str(path), pagesize=A4).build(b.story)


def test_rows_of_figures_at_the_top_of_page_after_page_are_rows_not_running_heads(tmp_path):
    path = tmp_path / "long.pdf"
    _long_table_pdf(path, None)
    rows = [line for p in load(path).pages for line in p.text.split("\n") if line.count(" | ") == 2]
    assert len(rows) == 24  # every row of every page, none taken for furniture


def test_a_running_head_repeated_on_every_page_is_dropped_and_the_rows_under_it_kept(tmp_path):
    path = tmp_path / "headed.pdf"
    _long_table_pdf(path, "某县2021年度项目支出绩效自评报告(内部资料)")
    pages = load(path).pages
    assert not any("内部资料" in p.text for p in pages)
    assert sum(line.count(" | ") == 2 for p in pages for line in p.text.split("\n")) == 24


def _page_of_lines(path, lines: list[tuple[float, str]]) -> None:
    """One A4 page with each (y from the top, text) drawn at its place in the test font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    render_pdf.styles()  # registers the font
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(render_pdf.FONT, 10.5)
    for y, text in lines:
        c.drawString(60, A4[1] - y, text)
    c.save()


def test_bare_figures_near_the_foot_with_a_line_under_them_are_cells_and_the_set_apart_number_is_the_page_s(tmp_path):
    body = [(80 + 17 * k, f"第{k}行正文内容") for k in range(38)]
    foot = [(742, "决策依据"), (759, "3"), (776, "3"), (793, "决策程序"), (820, "2")]
    path = tmp_path / "foot.pdf"
    _page_of_lines(path, body + foot)
    text = load(path).pages[0].text
    assert "决策依据\n3\n3\n决策程序" in text
    assert not text.rstrip().endswith("2")  # the page's number, a line's pitch and more below the text


def test_a_bare_figure_one_line_under_the_text_at_the_foot_is_kept(tmp_path):
    path = tmp_path / "last.pdf"
    _page_of_lines(path, [(80 + 17 * k, f"第{k}行正文内容") for k in range(39)] + [(760, "决策依据"), (777, "5")])
    assert load(path).pages[0].text.rstrip().endswith("决策依据\n5")
