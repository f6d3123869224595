from __future__ import annotations

import importlib.util
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_87644358686e5e0a.txt"
SAMPLE_GOLD = SHARED / "gold" / "000_87644358686e5e0a.json"
SAMPLES = ROOT / "samples"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_record", SHARED / "tools" / "score_record.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def scorer():
    if not (SHARED / "tools" / "score_record.py").exists():
        pytest.skip(f"shared material not found at {SHARED}")
    return load_scorer()


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"shared sample not found at {SAMPLE}")
    return SAMPLE.read_text(encoding="utf-8")


@dataclass
class IngestedSamples:
    """The bundled samples ingested once per session: an input for the export and audit tests, never their result."""

    db: Path
    summary: object  # pipeline.dataset's IngestSummary of that one ingest

    def copy_to(self, folder: Path) -> Path:
        """A database of the test's own, so that what one test writes no other sees."""
        target = folder / "samples.sqlite"
        with sqlite3.connect(self.db) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return target


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> IngestedSamples:
    from pipeline.dataset import ingest

    db = tmp_path_factory.mktemp("samples_db") / "samples.sqlite"
    return IngestedSamples(db, ingest([SAMPLES], db, workers=2, progress=False))


def pytest_collection_modifyitems(items):
    """Whatever uses a whole-folder ingest or a PostgreSQL server is end-to-end: `make test-fast` leaves it out."""
    for item in items:
        if {"samples_db", "postgres_url", "audit_html"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.e2e)
