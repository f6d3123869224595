"""One record whatever the font (issue 14): the shared sample rendered in a TrueType font
(reportlab, simplified and traditional script) and in a CFF-based OpenType font (Noto Sans CJK,
printed by Chromium: scripts/render_pdf_cff.py) gives the same record apart from where it came
from, with a box for every figure. The renderings are committed under samples/."""
import pytest
from conftest import SAMPLES

import pipeline
from pipeline.load import load

RENDERINGS = ["sample_report_simplified.pdf", "sample_report_traditional.pdf", "sample_report_cff.pdf"]
# what differs by rendering: the file, and where on which page a value stands and as what text
# (traditional script is quoted as written)
WHERE = {"source", "provenance", "text", "bbox", "page", "evidence"}


def _what(value):
    """The record without where its values came from."""
    if isinstance(value, dict):
        return {k: _what(v) for k, v in value.items() if k not in WHERE}
    if isinstance(value, list):
        return [_what(v) for v in value]
    return value


@pytest.fixture(scope="module")
def records():
    return {name: pipeline.extract(SAMPLES / name)[0] for name in RENDERINGS}


def test_a_cff_font_is_read_by_pdfium_as_common_characters():
    """Why pdfium reads first: pdfminer 20260107 gives Kangxi radicals (⽬ U+2F6C) for common characters of this
    font. Whether pdfminer still does is its own business (a later release may map them); ours is the text."""
    doc = load(SAMPLES / "sample_report_cff.pdf")
    assert [p.reader for p in doc.pages] == ["pypdfium2"] * len(doc.pages)
    assert "⽬" not in doc.text and "信息化应用与推广项目支出绩效评价报告" in doc.text


@pytest.mark.parametrize("name", RENDERINGS[1:])
def test_every_rendering_gives_the_record_of_the_simplified_truetype_one(name, records):
    want = _what(records["sample_report_simplified.pdf"].to_dict())
    got = _what(records[name].to_dict())
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == want[key], key
    assert set(records[name].provenance) == set(records["sample_report_simplified.pdf"].provenance)


@pytest.mark.parametrize("name", RENDERINGS)
def test_every_figure_has_its_own_box_on_its_page(name, records):
    record = records[name]
    figures = [p for p in record.provenance if p.rsplit("/", 1)[-1] in
               ("weight", "score", "total_weight", "total_score", "budget_yuan", "executed_yuan", "execution_rate",
                "amount_yuan")]
    assert len(figures) >= 25
    for pointer in figures:
        entry = record.provenance[pointer]
        x0, top, x1, bottom = entry["bbox"]
        assert entry["page"] >= 1 and 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 841.9, pointer
    for k, indicator in enumerate(record.scores.indicators):
        if indicator.weight is None:  # a category merged over its rows: its figures are its rows'
            continue
        weight = record.provenance[f"/scores/indicators/{k}/weight"]["bbox"]
        score = record.provenance[f"/scores/indicators/{k}/score"]["bbox"]
        assert weight[2] <= score[0] + 0.5, indicator.name  # the weight's cell ends where the score's begins
