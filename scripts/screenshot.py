"""Screenshots in headless Chromium (Debian's chromium, driven by Playwright).

    python scripts/screenshot.py out/audit.html samples/screenshots/audit.png
    python scripts/screenshot.py review samples/screenshots/review.png
    python scripts/screenshot.py needs-look samples/screenshots
    python scripts/screenshot.py formats samples/screenshots

The third ingests two copies of samples/selfeval_2021.txt, one whose total is off by one (a report that
contradicts itself: flagged) and one with a score row gone as a lost row leaves it (needs a look), and
photographs the audit's summary and sections and the review list.

The second ingests samples/selfeval_flawed.pdf into a temporary database, records what an auditor would
(the execution-rate failure a false alarm, the total score corrected to what its rows add up to), starts
the review server on a free port and photographs the report's page.
"""
from __future__ import annotations

import contextlib
import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
CHROMIUM = "/usr/bin/chromium"
# headless without a sandbox (root in CI), and nothing fetched: no updates, sync or background traffic
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("no chromium: apt-get install chromium")
    return exe


def shoot(url: str, png: str, width: int = 1100, height: int = 1400, full_page: bool = False) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.screenshot(path=png, full_page=full_page)
        browser.close()
    print(f"wrote {png}")


@contextlib.contextmanager
def review_server(db: str):
    """The review server over `db` on a free loopback port, on a thread, for as long as the block runs: its URL."""
    sys.path.insert(0, str(ROOT))
    from pipeline.review.app import server
    srv = server(db, "127.0.0.1", free_port())
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        srv.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def review(png: str, sample: Path = ROOT / "samples" / "selfeval_flawed.pdf") -> None:
    sys.path.insert(0, str(ROOT))
    from pipeline.dataset import Store, ingest
    from pipeline.review import ledger

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        shutil.copy(sample, folder / sample.name)
        db = str(Path(tmp) / "review.sqlite")
        ingest([str(folder)], db, workers=0, progress=False)
        store = Store.open(db, create=False)
        try:
            rid = store.query("SELECT id FROM reports WHERE n_failed > 0 ORDER BY id")[0][0]
            ledger.save_verdict(store, rid, "execution_rate", "false_alarm", "执行率按四舍五入填报 / the rate is rounded")
            ledger.save_correction(store, rid, "/scores/total_score", "95.5", "总分笔误 / the total is a slip")
        finally:
            store.close()
        with review_server(db) as url:
            shoot(f"{url}/report/{rid}", png, width=1500, height=1000)


FORM = ROOT / "samples" / "selfeval_2021.txt"
LOST_ROW = "产出指标 | 质量指标 | 水质达标率 | ≥95% | 94% | 15 | 14 | \n"


def write_flag_and_look(folder: Path) -> None:
    """wrong_total.txt (the stated total off by one: a certain failure) and row_lost.txt (a score row
    missing, weights and scores short as a lost row leaves them: needs a look) in `folder`."""
    text = FORM.read_text(encoding="utf-8")
    (folder / "wrong_total.txt").write_text(text.replace("| 100 | 95.5 |", "| 100 | 96.5 |", 1), encoding="utf-8")
    (folder / "row_lost.txt").write_text(text.replace(LOST_ROW, "", 1), encoding="utf-8")


def needs_look(out_dir: str) -> None:
    sys.path.insert(0, str(ROOT))
    from pipeline.audit import build_audit
    from pipeline.dataset import Store, ingest

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        write_flag_and_look(folder)
        db = str(Path(tmp) / "j.sqlite")
        ingest([str(folder)], db, workers=0, progress=False)
        store = Store.open(db, create=False)
        try:
            build_audit(store, Path(tmp) / "audit.html", images=False)
        finally:
            store.close()
        shoot((Path(tmp) / "audit.html").as_uri() + "#flagged", str(Path(out_dir) / "needs_look_audit.png"),
              height=1500)
        with review_server(db) as url:
            shoot(f"{url}/", str(Path(out_dir) / "needs_look_list.png"), width=1500,
                  height=500)


def formats(out_dir: str) -> None:
    """The flawed self-assessment as XLSX, DOCX and Markdown (scripts/flawed_formats.py): each report's page
    in the review with a failed check's cited value outlined in its text; then, on the workbook's report,
    a false alarm dismissed and the total corrected, and the audit's dismissed section showing both."""
    sys.path.insert(0, str(ROOT))
    from flawed_formats import write_flawed_formats

    from pipeline.audit import build_audit
    from pipeline.dataset import Store, ingest
    from pipeline.review import ledger

    out = Path(out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        files = write_flawed_formats(Path(tmp) / "reports")
        db = str(Path(tmp) / "j.sqlite")
        ingest([str(Path(tmp) / "reports")], db, workers=0, progress=False)
        store = Store.open(db, create=False)
        try:
            ids = {Path(p).suffix[1:]: rid for rid, p in store.query(
                "SELECT r.id, p.path FROM reports r JOIN paths p ON p.sha256 = r.sha256")}
            ledger.save_verdict(store, ids["xlsx"], "execution_rate", "false_alarm", "执行率按四舍五入填报 / the rate is rounded")
            ledger.save_correction(store, ids["xlsx"], "/scores/total_score", "95.5", "总分笔误 / the total is a slip")
            build_audit(store, Path(tmp) / "audit.html", images=False)
        finally:
            store.close()
        with review_server(db) as url:
            for fmt in files:
                shoot(f"{url}/report/{ids[fmt]}",
                      str(out / f"review_{fmt}.png"), width=1500, height=1000)
            shoot(f"{url}/", str(out / "review_list_after_review.png"), width=1500,
                  height=400)
        shoot((Path(tmp) / "audit.html").as_uri() + "#dismissed", str(out / "audit_dismissed.png"), height=900)


def main(args: list[str]) -> None:
    if args[0] == "review":
        review(args[1])
    elif args[0] == "needs-look":
        needs_look(args[1])
    elif args[0] == "formats":
        formats(args[1])
    else:
        shoot(Path(args[0]).resolve().as_uri(), args[1])


if __name__ == "__main__":
    main(sys.argv[1:])
