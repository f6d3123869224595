"""The shared sample end to end: every gold field, the same record from simplified script,
provenance for every value."""
import json

import opencc
from conftest import SAMPLE, SAMPLE_GOLD
from helpers import check_of, extract_text

import pipeline


def test_sample_record_matches_every_gold_field(scorer):
    record = pipeline.extract(SAMPLE)[0].to_dict()
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    results = scorer.score(record, gold)
    misses = [r for r in results if not r[1]]
    assert not misses, misses
    assert len(results) >= 50


def test_sample_record_has_every_spec_key():
    data = pipeline.extract(SAMPLE)[0].to_dict()
    for key in ("schema_version", "source", "report", "budget", "subprojects", "scores", "grade", "checks", "provenance"):
        assert key in data
    assert set(data["source"]) >= {"path", "sha256", "format", "pages", "script", "truncated", "ocr"}
    assert set(data["report"]) >= {"title", "project_name", "department", "region", "year", "kind"}
    assert set(data["budget"]) >= {"budget_yuan", "executed_yuan", "execution_rate", "funding_source"}
    assert set(data["scores"]) >= {"indicators", "total_weight", "total_score"}
    assert set(data["grade"]) >= {"stated", "derived", "bands"}
    row = data["scores"]["indicators"][0]
    assert set(row) >= {"level", "code", "name", "parent", "weight", "score", "note"}
    for c in data["checks"]:
        assert set(c) >= {"id", "status", "severity", "message", "expected", "actual", "evidence"}
    assert data["source"]["ocr"] is None and data["source"]["format"] == "text"


def test_simplified_copy_gives_the_same_record(tmp_path, sample_text):
    simplified = opencc.OpenCC("t2s").convert(sample_text)
    a = pipeline.extract(SAMPLE)[0].to_dict()
    b = extract_text(tmp_path, simplified).to_dict()
    for part in ("report", "budget", "subprojects", "scores", "grade"):
        assert a[part] == b[part], part
    assert [(c["id"], c["status"]) for c in a["checks"]] == [(c["id"], c["status"]) for c in b["checks"]]
    assert b["source"]["script"] == "simplified"


def test_every_extracted_value_has_provenance():
    record = pipeline.extract(SAMPLE)[0]
    prov = record.provenance
    for pointer in ("/report/title", "/report/department", "/report/region", "/report/year", "/report/project_name",
                    "/budget/budget_yuan", "/budget/executed_yuan", "/budget/execution_rate", "/budget/funding_source",
                    "/scores/total_weight", "/scores/total_score", "/grade/bands"):
        assert pointer in prov, pointer
    for i, ind in enumerate(record.scores.indicators):
        assert f"/scores/indicators/{i}/name" in prov
        if ind.weight is not None:
            assert f"/scores/indicators/{i}/weight" in prov and f"/scores/indicators/{i}/score" in prov
    for i, sp in enumerate(record.subprojects):
        assert f"/subprojects/{i}/amount_yuan" in prov
        for k, _ in enumerate(sp.items):
            assert f"/subprojects/{i}/items/{k}/amount_yuan" in prov
    entry = prov["/budget/budget_yuan"]
    assert entry["page"] >= 1 and entry["bbox"] is None and "1130000" in entry["text"]
    # the raw text is the traditional original, not the normalised copy
    assert "預算" in prov["/budget/execution_rate"]["text"] or "97.22" in prov["/budget/execution_rate"]["text"]


def test_execution_score_truncation_of_the_sample_passes():
    record = pipeline.extract(SAMPLE)[0]
    c = check_of(record, "execution_score")
    assert c.status == "pass" and c.actual == 7.7


def test_record_json_round_trips(tmp_path):
    record = pipeline.extract(SAMPLE)[0]
    again = pipeline.Record.from_dict(json.loads(record.to_json()))
    assert again.to_dict() == record.to_dict()
