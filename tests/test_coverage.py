"""Coverage: each record says what it read and what it could not, and the dataset and audit show it."""
import json

import pandas as pd
import pytest
from conftest import SAMPLES

import pipeline
from pipeline.cli import main
from pipeline.dataset import ingest

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
LINES = ["临澧县2021年度乡村道路硬化项目绩效评价报告", "一、基本情况",
         "项目预算资金300万元,实际支出285万元,预算执行率95%。", "二、绩效评价",
         "评分表见附件(附件未随本报告公开)。", "临澧县交通运输局"]


def _scan_without_its_table(path):
    """A page image of a report whose score table is not on it: the table cannot be read."""
    from PIL import Image, ImageDraw, ImageFont
    try:
        font = ImageFont.truetype(FONT, 34)
    except OSError:
        pytest.skip("the WenQuanYi font is not installed")
    img = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(LINES):
        draw.text((110, 160 + 80 * k), line, fill="black", font=font)
    img.save(path)


def test_a_full_report_reads_every_key_part():
    [record] = pipeline.extract(SAMPLES / "selfeval_2021.txt")
    assert record.coverage["key_missing"] == []
    assert "scores.indicators" in record.coverage["read"] and record.coverage["table"]["rows_read"] > 0


@pytest.mark.e2e
def test_a_scan_without_a_readable_table_says_so_in_the_record_the_export_and_the_audit(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _scan_without_its_table(folder / "scan.png")
    [record] = pipeline.extract(folder / "scan.png")
    cov = record.coverage
    assert "score_table" in cov["key_missing"] and "total_score" in cov["key_missing"]
    assert "budget" not in cov["key_missing"]  # the prose gives the budget
    assert "indicator_scores_sum" in cov["checks_skipped"]
    db = tmp_path / "j.sqlite"
    ingest([folder], db, workers=0, progress=False)
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "out")]) == 0
    wide = pd.read_csv(tmp_path / "out" / "reports_wide.csv")
    assert wide.loc[0, "key_missing"] == "score_table,total_score" and wide.loc[0, "n_skipped"] > 0
    html = tmp_path / "a.html"
    assert main(["audit", "--db", str(db), "--html", str(html), "--no-images"]) == 0
    page = html.read_text(encoding="utf-8")
    assert "未能读取 / not read" in page and "评分表 / score table" in page


def test_coverage_is_in_the_json_record(tmp_path):
    record = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0]
    data = json.loads(record.to_json())
    assert set(data["coverage"]) == {"read", "missing", "key_missing", "unread", "checks_skipped", "table"}
