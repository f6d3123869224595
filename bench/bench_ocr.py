"""Seconds per page for OCR'd pages (the scan and the photo under samples/), next to the text-layer PDF
pages of the same report in the same run.

    make bench            # or: .venv/bin/python bench/bench_ocr.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.load import ocr  # noqa: E402


def per_page(path: Path) -> tuple[float, int]:
    t = time.perf_counter()
    record = pipeline.extract(path)[0]
    return time.perf_counter() - t, len(record.source.page_readers)


def main() -> None:
    ocr.engine()  # load the models once, outside the timings
    import onnxruntime
    print(f"OCR engine: {ocr.ENGINE_NAME}; onnxruntime {onnxruntime.__version__} providers "
          f"{onnxruntime.get_available_providers()}")
    rows = [("text-layer PDF", ROOT / "samples" / "sample_report_simplified.pdf"),
            ("scanned PDF (200 dpi)", ROOT / "samples" / "scan_sample_report.pdf"),
            ("phone photo (JPEG)", ROOT / "samples" / "photo_score_page.jpg")]
    for label, path in rows:
        seconds, pages = per_page(path)
        print(f"{label:24} {pages} page(s): {seconds / pages:6.2f} s/page")


if __name__ == "__main__":
    main()
