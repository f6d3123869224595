"""The auditor's HTML report: flagged rows with pictures, escaping, and what a browser shows."""
import shutil

import pytest
from conftest import SAMPLES

from pipeline.audit import build_audit
from pipeline.dataset import Store, ingest


@pytest.fixture(scope="module")
def audit_html(tmp_path_factory):
    """An audit of the samples plus a report whose total is wrong and whose title is a script."""
    base = tmp_path_factory.mktemp("audit")
    src = base / "in"
    shutil.copytree(SAMPLES, src)
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    (src / "evil.txt").write_text(text.replace("农村饮水安全巩固提升工程", "<script>alert('x')</script>", 1)
                                  .replace("| 100 | 95.5 |", "| 100 | 97.5 |"), encoding="utf-8")
    db = base / "j.sqlite"
    ingest([src], db, workers=2, progress=False)
    store = Store.open(db)
    out = base / "audit.html"
    result = build_audit(store, out)
    store.close()
    return out, result


def test_audit_lists_flagged_reports_with_their_checks_and_figures(audit_html):
    out, result = audit_html
    html = out.read_text(encoding="utf-8")
    assert result["flagged"] >= 1
    assert 'class="flagged"' in html and "indicator_scores_sum" in html
    assert "应为 / expected <b>97.5</b>" in html


def test_document_text_is_escaped(audit_html):
    html = audit_html[0].read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_audit_is_self_contained(audit_html):
    html = audit_html[0].read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://x", "") and "https://" not in html
    assert "<svg" in html  # the charts are inline


def _audit_with_a_failed_check(tmp_path, sample: str, check_id: str) -> str:
    """The audit HTML of one sample whose `check_id` an auditor's correction made fail."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / sample, src / sample)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    store.execute("UPDATE checks SET status = 'fail' WHERE check_id = ?", (check_id,))
    out = tmp_path / "a.html"
    build_audit(store, out)
    store.close()
    return out.read_text(encoding="utf-8")


def test_pictures_of_pdf_evidence_are_embedded(tmp_path):
    html = _audit_with_a_failed_check(tmp_path, "evaluation_three_level.pdf", "execution_rate")
    assert html.count("data:image/png;base64,") >= 2


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium here (make installs Debian's chromium)")
def test_headless_chromium_shows_the_flagged_rows_and_pictures(audit_html, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    out, _ = audit_html
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(out.as_uri())
        assert page.locator(".flagged").count() >= 1
        assert page.locator("#n-flagged").inner_text().strip() != "0"
        assert "<script>alert('x')</script>" in page.inner_text("body")  # shown as text, not run
        shot = tmp_path / "audit.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert shot.stat().st_size > 10_000


def test_pictures_of_photo_evidence_are_cropped_from_the_image(tmp_path):
    html = _audit_with_a_failed_check(tmp_path, "photo_score_page.jpg", "indicator_scores_sum")
    assert html.count("data:image/png;base64,") >= 3
