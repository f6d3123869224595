"""Golden documents for how reports phrase money in prose (samples/prose/, written by
scripts/make_prose_samples.py): one phrasing family each — a count with a total and parts, uses over
semicolons, a table of items, numbered paragraphs, per-county allocations, a transfer payment by use,
two splits of one total, a multi-year project, executed wordings, who and where in prose conventions,
form cells, thousands separators and 千元, and a flawed split that must fail part_sums_text."""
import json

import pytest
from conftest import SAMPLES

import pipeline

PROSE = SAMPLES / "prose"
DOCUMENTS = sorted(PROSE.glob("*.txt"))


def test_every_phrasing_family_has_a_document():
    assert len(DOCUMENTS) >= 13


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_prose_document_gives_its_expected_record(path, scorer):
    gold = json.loads((PROSE / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    [record] = pipeline.extract(path)
    misses = [r for r in scorer.score(record.to_dict(), gold) if not r[1]]
    assert not misses, misses


def test_subprojects_say_which_statement_they_came_from():
    [record] = pipeline.extract(PROSE / "county_allocations.txt")
    assert record.subprojects_from == "breakdown"
    assert "分别为" in record.provenance["/subprojects_from"]["text"]


HOLDOUT = SAMPLES / "prose_holdout"
# Measured: 111/171 before any rule was written from these documents (written by a helper without sight
# of the extractor); 169/171 after rules from them. The floor is the figure measured, never lowered.
HOLDOUT_FLOOR = 169


def _set_score(folder, scorer) -> tuple[int, int]:
    """(fields matched, fields) over every document of a held-out set."""
    matched = total = 0
    for path in sorted(p for p in folder.iterdir() if p.is_file()):  # every format the set holds
        gold = json.loads((folder / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
        [record] = pipeline.extract(path)
        results = scorer.score(record.to_dict(), gold)
        matched += sum(1 for r in results if r[1])
        total += len(results)
    return matched, total


def test_held_out_prose_documents_keep_their_measured_score(scorer, capsys):
    matched, total = _set_score(HOLDOUT, scorer)
    with capsys.disabled():
        print(f"\nheld-out prose documents: {matched}/{total} fields matched (floor {HOLDOUT_FLOOR})")
    assert total >= 171 and matched >= HOLDOUT_FLOOR


HOLDOUT2 = SAMPLES / "prose_holdout2"
# Measured: 114/138 at first run (written by a helper without sight of the extractor or the other sets);
# rules from its first half took that half 56/66 → 66/66 and left the other 56/72; 135/138 after rules
# from all of it (left: 基本支出/项目支出 read as a department's expense classes, not sub-projects).
HOLDOUT2_FLOOR = 135


def test_second_held_out_set_keeps_its_measured_score(scorer, capsys):
    matched, total = _set_score(HOLDOUT2, scorer)
    with capsys.disabled():
        print(f"\nsecond held-out set: {matched}/{total} fields matched (floor {HOLDOUT2_FLOOR})")
    assert total >= 138 and matched >= HOLDOUT2_FLOOR


TABLE_HOLDOUT = SAMPLES / "table_holdout"
"""Score tables and budget blocks in 16 layouts (HTML, DOCX, XLSX, text), written by a helper from the
domain notes without sight of the extractor (scripts/make_table_holdout.py). Measured: 566/742 fields at
first run (first half 303/356, second half 263/386); rules written from the first half alone took it to
356/356 and the unseen second half to 325/386 before it was looked at; 742/742 after rules from all of it."""
TABLE_HOLDOUT_FLOOR = 742


def test_held_out_table_layouts_keep_their_measured_score(scorer, capsys):
    matched, total = _set_score(TABLE_HOLDOUT, scorer)
    with capsys.disabled():
        print(f"\nheld-out table layouts: {matched}/{total} fields matched (floor {TABLE_HOLDOUT_FLOOR})")
    assert total >= 742 and matched >= TABLE_HOLDOUT_FLOOR

TABLE_HOLDOUT2 = SAMPLES / "table_holdout2"
"""A second held-out set of 14 table layouts (HTML, DOCX, XLSX, text layers and reportlab PDFs; other
provinces, 扣分 columns, codes, tables over page breaks), written after the first set was tuned on
(scripts/make_table_holdout2.py). Measured: 464/539 at first run (403/539 with the extractor as it was
before either set); rules from its first half took that half 259/308 -> 308/308 and left the unseen
second half at 206/231 (205 before: they did not transfer); 539/539 after rules from all of it."""
TABLE_HOLDOUT2_FLOOR = 539


def test_second_held_out_table_layouts_keep_their_measured_score(scorer, capsys):
    matched, total = _set_score(TABLE_HOLDOUT2, scorer)
    with capsys.disabled():
        print(f"\nsecond held-out table layouts: {matched}/{total} fields matched (floor {TABLE_HOLDOUT2_FLOOR})")
    assert total >= 539 and matched >= TABLE_HOLDOUT2_FLOOR
