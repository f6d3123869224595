"""Every document under samples/ gives its expected record (samples/expected/, written by
scripts/make_samples.py from the same facts the document was rendered from)."""
import json

import pytest
from conftest import SAMPLES

import pipeline

DOCUMENTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and (SAMPLES / "expected" / f"{p.stem}.json").exists())
# scans and photos go through OCR (seconds a page): end-to-end, out of `make test-fast`
_OCR_INPUTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
CASES = [pytest.param(p, marks=pytest.mark.e2e) if p.suffix.lower() in _OCR_INPUTS or p.name.startswith("scan_") else p
         for p in DOCUMENTS]


def test_there_are_sample_documents():
    assert len(DOCUMENTS) >= 4


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_sample_document_matches_its_expected_record(path, scorer):
    gold = json.loads((SAMPLES / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    golds = gold if isinstance(gold, list) else [gold]  # a file holding several reports: one expected each
    records = pipeline.extract(path)
    assert len(records) == len(golds)
    for record, expected in zip(records, golds):
        misses = [r for r in scorer.score(record.to_dict(), expected) if not r[1]]
        assert not misses, misses
