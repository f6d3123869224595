"""jixiao: Chinese government performance-evaluation reports → verified, structured records.

    >>> import pipeline
    >>> records = pipeline.extract("report.txt")      # list[Record], checks run
    >>> records[0].to_json()                           # the JSON of shared/SPEC.md
    >>> pipeline.verify(records[0])                    # re-run every check after an edit
"""
from __future__ import annotations

from .errors import JixiaoError, LoadError, RecordError
from .record import Record
from .run import extract
from .verify import CHECK_IDS, verify

__all__ = ["extract", "verify", "Record", "CHECK_IDS", "JixiaoError", "LoadError", "RecordError"]
__version__ = "0.1.0"
