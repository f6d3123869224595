"""The record's JSON Schema, generated from the record types (pydantic reads the dataclasses), and the
validation `jixiao check` runs before it trusts a record: a non-record or a wrongly typed field is named."""
from __future__ import annotations

from functools import lru_cache

from .errors import RecordError
from .record import Record

# The top-level keys of shared/SPEC.md: a record has them all (values may be null or empty).
SPEC_KEYS = ("source", "report", "budget", "subprojects", "scores", "grade", "checks", "provenance")
SCHEMA_ID = "https://jixiao.example/record.schema.json"


@lru_cache(maxsize=1)
def _adapter():
    import pydantic
    return pydantic.TypeAdapter(Record)


def record_schema() -> dict:
    """The JSON Schema of a record (draft 2020-12), SPEC keys required, other keys allowed."""
    schema = _adapter().json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "jixiao record (shared/SPEC.md)"
    schema["required"] = list(SPEC_KEYS)
    schema["additionalProperties"] = True
    return schema


def validate_record(data) -> None:
    """Raise RecordError naming the first missing key or wrongly typed field."""
    import pydantic
    if not isinstance(data, dict):
        raise RecordError(f"not a record: a JSON object is expected, not {type(data).__name__}")
    missing = [k for k in SPEC_KEYS if k not in data]
    if missing:
        raise RecordError(f"not a record: missing {', '.join(missing)}")
    try:
        _adapter().validate_python(data)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        where = "/".join(str(p) for p in err["loc"])
        raise RecordError(f"field {where}: {err['msg']} (got {err.get('input')!r})") from None
