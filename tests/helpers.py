"""Shared helpers for the tests: run the pipeline on a text and look a check up."""
from __future__ import annotations

from pathlib import Path

import pipeline
from pipeline.record import Check, Record


def extract_text(tmp_path: Path, text: str, name: str = "report.txt", encoding: str = "utf-8") -> Record:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return pipeline.extract(path)[0]


def check_of(record: Record, check_id: str) -> Check:
    found = [c for c in record.checks if c.id == check_id]
    assert len(found) == 1, f"{check_id} ran {len(found)} times"
    return found[0]


def altered(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"{old!r} not in the text"
    return text.replace(old, new, 1)


def database_at_version(path: Path, version: int) -> Path:
    """A SQLite database made as jixiao's schema `version` made it (its migrations' SQL up to there)."""
    import sqlite3

    from pipeline.dataset.store import MIGRATIONS
    with sqlite3.connect(path) as c:
        for v in range(1, version + 1):
            for stmt in MIGRATIONS[v]:
                c.execute(stmt)
        c.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(version),))
    return path
