"""Screenshot an HTML file in headless Chromium (Debian's chromium, driven by Playwright).

    python scripts/screenshot.py out/audit.html samples/audit_screenshot.png
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def main(html: str, png: str) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("no chromium: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(Path(html).resolve().as_uri())
        page.screenshot(path=png, full_page=False)
        browser.close()
    print(f"wrote {png}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
