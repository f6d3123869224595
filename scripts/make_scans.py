"""Scans and a photo made from the rendered PDFs: rasterised at 200 dpi, turned a little, blurred,
speckled and saved as JPEG inside an image-only PDF; a badly degraded scan of the score page (turned
1.2°, blurred, heavy noise, JPEG quality 20: at 130 dpi rows of its table read with doubtful confidence,
at the scan's own 200 dpi they read sure); and a phone-photo-like picture of the score page (turned 90°, uneven
light). Called by scripts/make_samples.py; the outputs are committed.
"""
from __future__ import annotations

import io
import json
import random
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageEnhance, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def degrade(img: Image.Image, rng: random.Random, angle: float) -> Image.Image:
    img = img.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    arr = np.asarray(img).astype(np.int16)
    noise = np.random.default_rng(rng.randint(0, 10**6)).normal(0, 12, arr.shape)
    arr = np.clip(arr + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(arr)


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf)


def scan_pdf(src: Path, out: Path, dpi: int = 200, seed: int = 1) -> None:
    rng = random.Random(seed)
    pdf = pypdfium2.PdfDocument(str(src))
    pages = []
    for page in pdf:
        img = page.render(scale=dpi / 72).to_pil()
        pages.append(jpeg(degrade(img, rng, rng.uniform(-0.8, 0.8)), 55).convert("L"))
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi, format="PDF")


def degraded_scan(src: Path, page_index: int, out: Path, dpi: int = 200, angle: float = 1.2, blur: float = 1.8,
                  noise_sd: float = 22, quality: int = 20, seed: int = 3) -> None:
    """One page scanned badly: turned, blurred and speckled more than scan_pdf's, saved at a low JPEG
    quality (a cheap scanner's 'small file' setting)."""
    img = pypdfium2.PdfDocument(str(src))[page_index].render(scale=dpi / 72).to_pil().convert("L")
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255).filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(img).astype(np.float32) + np.random.default_rng(seed).normal(0, noise_sd, (img.height, img.width))
    jpeg(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), quality).convert("L").save(out, resolution=dpi,
                                                                                            format="PDF")


def photo(src: Path, page_index: int, out: Path, seed: int = 2) -> None:
    """A phone photo of one page: turned 90°, darker at one edge, soft, JPEG."""
    rng = random.Random(seed)
    pdf = pypdfium2.PdfDocument(str(src))
    img = pdf[page_index].render(scale=180 / 72).to_pil().convert("RGB")
    w, h = img.size
    gradient = np.linspace(1.0, 0.72, w)[None, :, None]
    arr = (np.asarray(img).astype(np.float32) * gradient).clip(0, 255).astype(np.uint8)
    img = Image.fromarray(arr).rotate(0.6, resample=Image.BICUBIC, fillcolor=(235, 235, 230))
    img = ImageEnhance.Contrast(img).enhance(0.85).filter(ImageFilter.GaussianBlur(0.6))
    img = img.rotate(90, expand=True)  # held sideways
    jpeg(degrade(img, rng, 0).convert("RGB"), 70).save(out, format="JPEG", quality=70)


def main() -> None:
    scan_pdf(SAMPLES / "sample_report_simplified.pdf", SAMPLES / "scan_sample_report.pdf")
    gold = json.loads((SAMPLES / "expected" / "sample_report_simplified.json").read_text(encoding="utf-8"))
    gold["_about"] = "The shared sample's gold for a degraded 200-dpi scan of its PDF rendering (scripts/make_scans.py)."
    (SAMPLES / "expected" / "scan_sample_report.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                                  encoding="utf-8")
    photo(SAMPLES / "sample_report_simplified.pdf", 1, SAMPLES / "photo_score_page.jpg")
    scores = {"_about": "A phone photo of the sample's score page: the score table only (scripts/make_scans.py).",
              "scores": gold["scores"]}
    (SAMPLES / "expected" / "photo_score_page.json").write_text(json.dumps(scores, ensure_ascii=False, indent=2) + "\n",
                                                               encoding="utf-8")
    # under scans/: read by its own golden test, not by the tests that truncate every top-level sample
    (SAMPLES / "scans" / "expected").mkdir(parents=True, exist_ok=True)
    degraded_scan(SAMPLES / "sample_report_simplified.pdf", 1, SAMPLES / "scans" / "scan_degraded_score_page.pdf")
    scores["_about"] = ("A badly degraded 200-dpi scan of the sample's score page (turned 1.2°, blurred, noisy, JPEG "
                        "quality 20): the score table only (scripts/make_scans.py).")
    (SAMPLES / "scans" / "expected" / "scan_degraded_score_page.json").write_text(
        json.dumps(scores, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name in ("scan_sample_report.pdf", "photo_score_page.jpg", "scans/scan_degraded_score_page.pdf"):
        print(f"wrote samples/{name} ({(SAMPLES / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
