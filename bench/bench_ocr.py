"""OCR'd pages: seconds per page and peak resident memory of one extracting process, beside bare
RapidOCR calls on the same pages in the same run; and the text-layer PDF of the same report.

Each measurement is a fresh process (`--one KIND PATH`), so that its peak resident size (ru_maxrss) is
that of one worker extracting that file, models loaded included:

* jixiao: `pipeline.extract(PATH)`, the whole pipeline as a worker runs it;
* bare RapidOCR: RapidOCR 3.10.0 with its own defaults, one call per page on the page rendered at
  130 dpi (PDF) or the image scaled as jixiao scales it, and nothing else.

Wall time on a shared machine moves with the load; CPU seconds (user + system) are printed beside it.
The issue's bound is 700 MiB per extracting process on the degraded scan.

    make bench            # or: .venv/bin/python bench/bench_ocr.py
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_DPI = 130
PEAK_BOUND_MIB = 700
ROWS = [("degraded scan (1 page)", ROOT / "samples" / "scans" / "scan_degraded_score_page.pdf"),
        ("scanned PDF (200 dpi)", ROOT / "samples" / "scan_sample_report.pdf"),
        ("phone photo (JPEG)", ROOT / "samples" / "photo_score_page.jpg")]
TEXT_PDF = ROOT / "samples" / "sample_report_simplified.pdf"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def one_jixiao(path: Path) -> dict:
    import pipeline
    from pipeline.load import ocr

    ocr.engine()  # the models are loaded outside the timing, as a worker loads them once
    t, c = time.perf_counter(), _cpu()
    record = pipeline.extract(path)[0]
    return {"seconds": time.perf_counter() - t, "cpu": _cpu() - c, "pages": len(record.source.page_readers),
            "peak_mib": _peak_mib()}


def one_bare(path: Path) -> dict:
    import numpy as np
    from rapidocr import RapidOCR

    from pipeline.load.image import OCR_LONG_SIDE

    engine = RapidOCR(params={"Global.log_level": "error"})
    t, c = time.perf_counter(), _cpu()
    pages = 0
    if path.suffix.lower() == ".pdf":
        import pypdfium2
        doc = pypdfium2.PdfDocument(path)
        for page in doc:
            engine(page.render(scale=BARE_DPI / 72).to_numpy()[:, :, :3])
            pages += 1
    else:
        from PIL import Image
        img = Image.open(path).convert("RGB")
        factor = min(1.0, OCR_LONG_SIDE / max(img.size))
        img = img.resize((round(img.width * factor), round(img.height * factor)))
        engine(np.asarray(img))
        pages = 1
    return {"seconds": time.perf_counter() - t, "cpu": _cpu() - c, "pages": pages, "peak_mib": _peak_mib()}


def measure(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", kind, str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    import onnxruntime

    import pipeline
    from pipeline.load import ocr

    print(f"OCR engine: {ocr.ENGINE_NAME}; onnxruntime {onnxruntime.__version__} providers "
          f"{onnxruntime.get_available_providers()}; jixiao: {ocr.ORT_THREADS} intra-op threads, arena off")
    print(f"{'':24} {'':>6} {'jixiao':>28}   {'bare RapidOCR (130 dpi)':>28}")
    print(f"{'':24} {'pages':>6} {'s/page':>8} {'cpu s/page':>10} {'peak MiB':>9}   "
          f"{'s/page':>8} {'cpu s/page':>10} {'peak MiB':>9}")
    for label, path in ROWS:
        jx, bare = measure("jixiao", path), measure("bare", path)
        n = jx["pages"]
        bound = "" if "degraded" not in label else \
            f"   {'within' if jx['peak_mib'] <= PEAK_BOUND_MIB else 'OVER'} the {PEAK_BOUND_MIB} MiB bound"
        print(f"{label:24} {n:>6} {jx['seconds'] / n:8.2f} {jx['cpu'] / n:10.2f} {jx['peak_mib']:9.0f}   "
              f"{bare['seconds'] / bare['pages']:8.2f} {bare['cpu'] / bare['pages']:10.2f} {bare['peak_mib']:9.0f}"
              f"{bound}")
    t = time.perf_counter()
    record = pipeline.extract(TEXT_PDF)[0]
    pages = len(record.source.page_readers)
    print(f"{'text-layer PDF':24} {pages:>6} {(time.perf_counter() - t) / pages:8.2f}  (no OCR)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        kind, target = sys.argv[2], Path(sys.argv[3])
        print(json.dumps(one_jixiao(target) if kind == "jixiao" else one_bare(target)))
    else:
        main()
