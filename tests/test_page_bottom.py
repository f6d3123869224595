"""The shared sample with its score table at the foot of a page, its pages inheriting their box from the
page tree (scripts/make_page_bottom.py renders them into samples/page_bottom/): in a TrueType font, a CFF
font and as a scan, every row is read, no check fails, and every evidence box lies where pdfplumber
finds the figure's characters."""
import json

import pdfplumber
import pypdfium2
import pytest
from conftest import SAMPLE_GOLD, SAMPLES

import pipeline

FOLDER = SAMPLES / "page_bottom"
TEXT = ["sample_bottom_truetype.pdf", "sample_bottom_truetype_trad.pdf", "sample_bottom_cff.pdf"]
SCAN = "sample_bottom_scan.pdf"
GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")) if SAMPLE_GOLD.exists() else None
CASES = TEXT + [pytest.param(SCAN, marks=pytest.mark.e2e)]


@pytest.fixture(scope="module")
def records():
    return {}


def _record(records, name):
    if name not in records:
        records[name] = pipeline.extract(FOLDER / name)[0]
    return records[name]


@pytest.mark.parametrize("name", TEXT + [SCAN])
def test_the_renderings_inherit_their_page_box(name):
    page = pypdfium2.PdfDocument(FOLDER / name)[0]
    assert page.get_cropbox() == (0, 0, 612, 792)  # pdfium's Letter fallback: no box on the page itself
    assert abs(page.get_bbox()[3] - 842) < 1  # A4 from the page tree


@pytest.mark.skipif(GOLD is None, reason="shared gold not found")
@pytest.mark.parametrize("name", CASES)
def test_every_row_at_the_page_foot_is_read_and_no_check_fails(records, name):
    record = _record(records, name)
    got = [(i.weight, i.score) for i in record.scores.indicators if i.weight is not None]
    assert got == [(i["weight"], i["score"]) for i in GOLD["scores"]["indicators"]]
    assert (record.scores.total_weight, record.scores.total_score) == (100, 89.7)
    assert not [c.id for c in record.checks if c.status == "fail"]
    assert {c.id: c.status for c in record.checks}["indicator_scores_sum"] == "pass"


@pytest.mark.parametrize("name", TEXT)
def test_evidence_boxes_lie_on_the_figures_characters(records, name):
    record = _record(records, name)
    for pointer in ("/scores/total_score", "/scores/indicators/9/weight"):
        entry = record.provenance[pointer]
        with pdfplumber.open(FOLDER / name) as pdf:
            page = pdf.pages[entry["page"] - 1]
            words = [w for w in page.extract_words() if w["text"] == entry["text"]]
        x0, top, x1, bottom = entry["bbox"]
        nearest = min(words, key=lambda w: abs(w["top"] - top) + abs(w["x0"] - x0))
        assert abs(nearest["top"] - top) < 6 and nearest["x0"] >= x0 - 6 and nearest["x1"] <= x1 + 6, (pointer, nearest)
