"""The pipeline as a short sequence of stages: load → normalise → extract → verify."""
from __future__ import annotations

from pathlib import Path

from .extract import extract_record
from .load import load
from .normalise import normalise
from .record import Record
from .verify import verify


def extract(path: str | Path) -> list[Record]:
    """The records of the report(s) in `path`, checks run. Raises LoadError for a file that cannot be read."""
    document = load(path)
    text = normalise(document)
    record = extract_record(document, text)
    verify(record)
    return [record]
