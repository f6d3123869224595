from __future__ import annotations

import importlib.util
import os
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
