"""The record's JSON Schema and the validation run before a record is trusted."""
import json

import pytest
from conftest import SAMPLES

import pipeline
from pipeline.errors import RecordError
from pipeline.schema import SPEC_KEYS, record_schema, validate_record


def test_the_schema_requires_the_spec_keys_and_describes_the_indicators():
    schema = record_schema()
    assert set(SPEC_KEYS) <= set(schema["required"])
    assert "Indicator" in json.dumps(schema)


def test_an_extracted_record_validates():
    record = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0]
    validate_record(json.loads(record.to_json()))


def test_a_non_record_and_a_wrongly_typed_field_are_named():
    with pytest.raises(RecordError, match="missing source"):
        validate_record({"foo": 1})
    data = json.loads(pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_json())
    data["scores"]["indicators"][1]["score"] = "十八"
    with pytest.raises(RecordError, match=r"scores/indicators/1/score"):
        validate_record(data)


def test_check_refuses_a_non_record_and_names_a_wrongly_typed_field(tmp_path, capsys):
    from pipeline.cli import main
    bad = tmp_path / "foo.json"
    bad.write_text('{"foo": 1}', encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    assert "missing source" in capsys.readouterr().err
    data = json.loads(pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_json())
    data["scores"]["indicators"][1]["score"] = "十八"
    typed = tmp_path / "typed.json"
    typed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(typed)]) == 2
    assert "scores/indicators/1/score" in capsys.readouterr().err


def test_jixiao_schema_prints_the_schema(capsys):
    from pipeline.cli import main
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["required"][0] == "source"
