"""The auditor's HTML report: flagged rows with pictures, escaping, and what a browser shows."""
import base64
import io
import json
import re
import shutil

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLES

from pipeline.audit import build_audit
from pipeline.audit.charts import year_chart
from pipeline.audit.crops import Box, CitedCell, PageImages, crop_cells, placed_texts
from pipeline.audit.names import value_name
from pipeline.audit.upright import turn_box
from pipeline.dataset import Store, ingest


@pytest.fixture(scope="module")
def audit_html(samples_db, tmp_path_factory):
    """An audit of the samples plus a report whose total is wrong and whose title is a script."""
    base = tmp_path_factory.mktemp("audit")
    src = base / "in"
    src.mkdir()
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    (src / "evil.txt").write_text(text.replace("农村饮水安全巩固提升工程", "<script>alert('x')</script>", 1)
                                  .replace("| 100 | 95.5 |", "| 100 | 97.5 |"), encoding="utf-8")
    db = samples_db.copy_to(base)
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    out = base / "audit.html"
    result = build_audit(store, out)
    store.close()
    return out, result


def test_audit_lists_flagged_reports_with_their_checks_and_figures(audit_html):
    out, result = audit_html
    html = out.read_text(encoding="utf-8")
    assert result["flagged"] >= 1
    assert 'class="flagged"' in html and "indicator_scores_sum" in html


def test_stated_and_computed_figures_are_labelled_as_such(audit_html):
    """evil.txt states a total of 97.5 over scores that add up to 95.5."""
    soup = BeautifulSoup(audit_html[0].read_text(encoding="utf-8"), "html.parser")
    evil = next(d for d in soup.select(".flagged") if "evil.txt" in d.get_text())
    figures = evil.select_one('[data-check="indicator_scores_sum"] .figures')
    assert figures.select_one(".stated").get_text(" ", strip=True) == "所述 / stated 97.5"
    assert figures.select_one(".computed").get_text(" ", strip=True) == "计算 / computed 95.5"
    assert "应为 / expected" not in soup.get_text()


def test_every_cited_value_is_named_with_its_page_not_its_pointer(audit_html):
    out, _ = audit_html
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    store = Store.open(out.parent / "samples.sqlite")
    try:
        n_cited = 0
        for block in soup.select(".flagged"):
            record = json.loads(store.query("SELECT record_json FROM reports WHERE id = ?", (block["data-report"],))[0][0])
            verdicts = {c["id"]: c for c in record["checks"]}
            for check in block.select(".check"):
                shown = [div.get_text(" ", strip=True) for div in check.select(".cited")]
                evidence = verdicts[check["data-check"]]["evidence"]
                assert len(shown) == len(evidence)
                for line, ev in zip(shown, evidence):
                    assert value_name(record, ev["pointer"]) in line and f"第{ev['page']}页" in line
                    n_cited += 1
        assert n_cited >= 3
        assert "预算执行率 / 得分" in soup.get_text() and "全年预算数" in soup.get_text()
        assert not re.search(r"/(scores|budget|report)/", soup.get_text())  # pointers only in attributes
    finally:
        store.close()


def test_contents_link_to_every_flagged_report_and_failed_checks_link_to_reports(audit_html):
    soup = BeautifulSoup(audit_html[0].read_text(encoding="utf-8"), "html.parser")
    ids = {tag["id"] for tag in soup.select("[id]")}
    report_anchors = {d["id"] for d in soup.select(".flagged")}
    toc = {a["href"][1:] for a in soup.select("nav.toc a")}
    assert report_anchors <= toc and {"summary", "flagged", "checks"} <= toc
    assert all(a["href"][1:] in ids for a in soup.select('a[href^="#"]'))
    linked = {a["href"][1:] for a in soup.select("#checks ~ table a.to-report")}
    assert linked == report_anchors


def test_document_text_is_escaped(audit_html):
    html = audit_html[0].read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_audit_is_self_contained(audit_html):
    html = audit_html[0].read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://x", "") and "https://" not in html
    assert "<svg" in html  # the charts are inline


def _audit_with_a_failed_check(tmp_path, sample: str, check_id: str) -> str:
    """The audit HTML of one sample whose `check_id` an auditor's correction made fail."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / sample, src / sample)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    store.execute("UPDATE checks SET status = 'fail' WHERE check_id = ?", (check_id,))
    out = tmp_path / "a.html"
    build_audit(store, out)
    store.close()
    return out.read_text(encoding="utf-8")


def _pictured_numbers(html: str, check_id: str) -> tuple[int, set[int], int]:
    """(pictures, cited values they show, cited values) of the check's block."""
    block = BeautifulSoup(html, "html.parser").select_one(f'[data-check="{check_id}"]')
    imgs = [img for img in block.select(".crop img") if img["src"].startswith("data:image/png;base64,")]
    shown = {int(n) for img in imgs for n in img["alt"].rsplit(":", 1)[1].split(",")}
    return len(imgs), shown, len(block.select(".cited"))


def test_pictures_of_pdf_evidence_are_embedded(tmp_path):
    html = _audit_with_a_failed_check(tmp_path, "evaluation_three_level.pdf", "execution_rate")
    pictures, shown, cited = _pictured_numbers(html, "execution_rate")
    assert 1 <= pictures < cited and shown == set(range(1, cited + 1))  # neighbours share one picture


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium here (make installs Debian's chromium)")
def test_headless_chromium_shows_the_flagged_rows_and_pictures(audit_html, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    out, _ = audit_html
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(out.as_uri())
        assert page.locator(".flagged").count() >= 1
        assert page.locator("#n-flagged").inner_text().strip() != "0"
        assert "<script>alert('x')</script>" in page.inner_text("body")  # shown as text, not run
        shot = tmp_path / "audit.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert shot.stat().st_size > 10_000


@pytest.mark.e2e
def test_pictures_of_photo_evidence_are_cropped_from_the_image(tmp_path):
    html = _audit_with_a_failed_check(tmp_path, "photo_score_page.jpg", "indicator_scores_sum")
    pictures, shown, cited = _pictured_numbers(html, "indicator_scores_sum")
    assert 1 <= pictures < cited and len(shown) >= 3


def test_values_are_named_by_their_row_and_column_and_by_the_form_s_label():
    record = {"scores": {"indicators": [
        {"name": "预算执行率", "parent": None}, {"name": "产出指标", "parent": None}, {"name": "数量指标", "parent": 1},
        {"name": "效益指标", "parent": None}, {"name": "数量指标", "parent": 3}, {"name": None, "parent": None}]},
        "subprojects": [{"name": "设备购置", "items": [{"description": "服务器"}]}]}
    assert value_name(record, "/scores/indicators/0/score") == "预算执行率 / 得分"
    assert value_name(record, "/scores/indicators/0/weight") == "预算执行率 / 分值"
    assert value_name(record, "/budget/budget_yuan") == "全年预算数"
    # a name the table repeats is told apart by its parent row; a row without a name by its place
    assert value_name(record, "/scores/indicators/4/score") == "效益指标 › 数量指标 / 得分"
    assert value_name(record, "/scores/indicators/5/score") == "第6行指标 / 得分"
    assert value_name(record, "/subprojects/0/items/0/amount_yuan") == "设备购置 › 服务器 / 金额"
    assert value_name(record, "/scores/indicators/99/score") == "第100行指标 / 得分"  # never an error
    assert value_name(record, "/something/new") == "new"


@pytest.fixture(scope="module")
def flawed_pdf(tmp_path_factory):
    """The flawed self-assessment PDF's record (its scores do not add up to its total)."""
    base = tmp_path_factory.mktemp("flawed")
    shutil.copy(SAMPLES / "selfeval_flawed.pdf", base / "selfeval_flawed.pdf")
    db = base / "j.sqlite"
    ingest([base / "selfeval_flawed.pdf"], db, workers=0, progress=False)
    store = Store.open(db)
    record = json.loads(store.query("SELECT record_json FROM reports")[0][0])
    store.close()
    return base / "selfeval_flawed.pdf", record


def _image(crop):
    from PIL import Image
    return Image.open(io.BytesIO(base64.b64decode(crop.data_uri.split(",", 1)[1]))).convert("RGB")


def _red_at(image, x: float, y: float) -> bool:
    """An outline's red within a few pixels of (x, y)."""
    for dx in range(-4, 5):
        for dy in range(-4, 5):
            px = image.getpixel((min(max(int(x) + dx, 0), image.width - 1), min(max(int(y) + dy, 0), image.height - 1)))
            if px[0] > 180 and px[1] < 90 and px[2] < 90:
                return True
    return False


def test_a_sum_is_one_picture_of_its_table_with_every_summed_cell_outlined(flawed_pdf):
    path, record = flawed_pdf
    check = next(c for c in record["checks"] if c["id"] == "indicator_scores_sum")
    cells = [CitedCell(k, ev["page"], Box.of(ev["bbox"])) for k, ev in enumerate(check["evidence"], start=1)]
    assert len(cells) >= 5
    crops = crop_cells(PageImages(), str(path), cells, placed_texts(record["provenance"]))
    assert len(crops) == 1 and sorted(crops[0].numbers) == [c.number for c in cells]
    crop, image = crops[0], _image(crops[0])
    for c in cells:  # each cell's left edge, half-way down, is on a red outline
        x = (c.box.x0 - crop.x0) * crop.scale - 2
        y = ((c.box.top + c.box.bottom) / 2 - crop.top) * crop.scale
        assert _red_at(image, x, y), c


def test_a_crop_reaches_from_the_row_label_to_the_value_and_outlines_it(flawed_pdf):
    path, record = flawed_pdf
    prov = record["provenance"]
    value, label = Box.of(prov["/scores/indicators/5/score"]["bbox"]), Box.of(prov["/scores/indicators/5/name"]["bbox"])
    # (the execution row a self-assessment form adds is named in its funds block, above the score table)
    in_table = {f"/scores/indicators/{k}/name" for k, i in enumerate(record["scores"]["indicators"])
                if i.get("kind") != "budget_execution"}
    first_row = min(Box.of(e["bbox"]).top for p, e in prov.items() if p in in_table and e.get("bbox"))
    crops = crop_cells(PageImages(), str(path), [CitedCell(1, 1, value)], placed_texts(prov))
    assert len(crops) == 1
    crop, image = crops[0], _image(crops[0])
    assert crop.x0 <= label.x0 and crop.x0 + image.width / crop.scale >= value.x1  # the row's label is in it
    assert crop.top < first_row - value.height  # and the header above the table's first row
    middle = ((value.top + value.bottom) / 2 - crop.top) * crop.scale
    assert _red_at(image, (value.x0 - crop.x0) * crop.scale - 2, middle)
    assert _red_at(image, (value.x1 - crop.x0) * crop.scale + 2, middle)


def test_a_report_in_several_files_counts_once_in_the_charts():
    row = {"title": "自评表", "department": "水利局", "year": 2021, "budget_yuan": 3.2e6, "total_score": 96.5,
           "execution_rate": 95.0}
    other = dict(row, title="另一份", total_score=80.0)
    reports = pd.DataFrame([row, row, row, other, dict(row, year=None)])
    chart = year_chart(reports, "total_score", "总分", "分")
    assert [(b.year, b.n) for b in chart.bars] == [(2021, 2)] and chart.n_copies == 2
    assert [t.label for t in chart.ticks][0] == "0" and chart.ticks[-1].label == "100"


def test_findings_across_reports_name_the_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    (src / "自评表 上传版.txt").write_text(text, encoding="utf-8")
    (src / "自评表 重复上传.txt").write_text(text + "\n(重复上传)\n", encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    ids = [r[0] for r in store.query("SELECT id FROM reports")]
    build_audit(store, tmp_path / "a.html")
    store.close()
    soup = BeautifulSoup((tmp_path / "a.html").read_text(encoding="utf-8"), "html.parser")
    cross = soup.select_one("#cross").find_next("table").get_text(" ", strip=True)
    assert "same_report_twice" in cross
    assert "自评表 上传版.txt" in cross and "自评表 重复上传.txt" in cross
    assert not any(rid in cross or rid.split(":")[0] in cross for rid in ids)


@pytest.mark.e2e
def test_a_photo_taken_sideways_is_pictured_upright_with_its_rows_labels(tmp_path):
    """photo_score_page.jpg is a score table photographed a quarter turn off: its boxes are tall."""
    shutil.copy(SAMPLES / "photo_score_page.jpg", tmp_path / "photo.jpg")
    db = tmp_path / "j.sqlite"
    ingest([tmp_path / "photo.jpg"], db, workers=0, progress=False)
    store = Store.open(db)
    record = json.loads(store.query("SELECT record_json FROM reports")[0][0])
    store.close()
    prov = record["provenance"]
    scored = [p.rsplit("/", 1)[0] for p in prov if p.startswith("/scores/indicators/") and p.endswith("/score")
              and f"{p.rsplit('/', 1)[0]}/name" in prov]
    assert len(scored) >= 3
    cells = [CitedCell(k, prov[f"{row}/score"]["page"], Box.of(prov[f"{row}/score"]["bbox"]))
             for k, row in enumerate(scored, start=1)]
    crops = crop_cells(PageImages(), str(tmp_path / "photo.jpg"), cells, placed_texts(prov))
    assert crops and all(c.turns in (1, 3) for c in crops)
    from PIL import Image
    with Image.open(tmp_path / "photo.jpg") as im:
        width, height = im.size
    for row in scored:  # upright, each row's label stands left of its score, and the picture holds both
        label = turn_box(Box.of(prov[f"{row}/name"]["bbox"]), crops[0].turns, width, height)
        score = turn_box(Box.of(prov[f"{row}/score"]["bbox"]), crops[0].turns, width, height)
        assert label.x1 <= score.x0
    picture = _image(crops[0])
    assert crops[0].x0 <= min(turn_box(Box.of(prov[f"{r}/name"]["bbox"]), crops[0].turns, width, height).x0 for r in scored)
    assert picture.width > picture.height


def test_a_flagged_report_without_a_title_says_so_never_nan(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    lines = (SAMPLES / "selfeval_flawed.txt").read_text(encoding="utf-8").splitlines()
    (src / "untitled.txt").write_text("\n".join(lines[2:]) + "\n", encoding="utf-8")  # its title lines cut off
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    try:
        assert build_audit(store, tmp_path / "a.html", images=False)["flagged"] == 1
    finally:
        store.close()
    soup = BeautifulSoup((tmp_path / "a.html").read_text(encoding="utf-8"), "html.parser")
    block = soup.select_one("#report-1")
    assert "(无标题 / no title)" in block.get_text() and "农村饮水安全巩固提升工程" in block.get_text()
    assert not re.search(r"\bnan\b", soup.get_text())
