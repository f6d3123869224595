"""The pipeline as a short sequence of stages: load → normalise → extract → verify."""
from __future__ import annotations

import warnings
from pathlib import Path

from .classify import FINANCE, classify
from .extract import extract_record
from .extract.finance_document import read_finance_document
from .extract.split import report_spans
from .load import load
from .load.office import mark_formula_values
from .normalise import normalise
from .record import Record
from .verify import verify


def extract(path: str | Path) -> list[Record]:
    """The records of the report(s) in `path`, checks run. Raises LoadError for a file that cannot be read.
    Warnings the reading libraries raise (Pillow, openpyxl, pdfminer) go into each record's
    source.load_warnings instead of the terminal."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = _extract(path)
    said = list(dict.fromkeys(" ".join(f"{w.category.__name__}: {w.message}".split())[:300] for w in caught))
    for record in records:
        record.source.load_warnings = said
    return records


def _extract(path: str | Path) -> list[Record]:
    document = load(path)
    text = normalise(document)
    spans = report_spans(text)
    records = []
    for k, (start, end) in enumerate(spans):
        part = text if len(spans) == 1 else text.part(start, end, last=k == len(spans) - 1)
        record = extract_record(document, part)
        if len(spans) > 1:
            record.extra["report_index"] = k  # the k-th report of a file holding several
        mark_formula_values(document, record)  # a workbook's formula results: marked, then warned by their check
        verify(record)
        cls = classify(part.text, record)
        record.source.document_class, record.source.document_class_reason = cls.name, cls.reason
        record.source.finance_kind = cls.kind
        if cls.name == FINANCE:
            read_finance_document(part, record)
        records.append(record)
    return records
