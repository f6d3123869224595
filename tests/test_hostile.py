"""Hostile and broken input: a clear error naming the file and the reason, never a crash or a leak."""
import io
import os

import pytest
from conftest import SAMPLES
from fuzzing import extract_or_own_error, mutated_report, random_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

import pipeline
from pipeline.errors import LoadError
from pipeline.load import load
from pipeline.load import pdf as pdf_backend

# A short slice in the suite; `make fuzz` runs the same tests with many more examples.
FUZZ = settings(max_examples=int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=list(HealthCheck))


@FUZZ
@given(random_text)
def test_random_text_gives_a_record_or_the_projects_own_error(text):
    extract_or_own_error(text)


@FUZZ
@given(mutated_report())
def test_mutated_reports_give_a_record_or_the_projects_own_error(text):
    extract_or_own_error(text)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_any_format_give_a_record_or_the_projects_own_error(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    for suffix in (".txt", ".pdf", ".docx", ".xlsx", ".html"):
        path = folder / f"x{suffix}"
        path.write_bytes(data)
        try:
            pipeline.extract(path)
        except LoadError as exc:
            assert str(path) in str(exc)


def test_a_binary_file_posing_as_text_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(LoadError, match="binary|not text"):
        load(path)


def test_a_pdf_of_thousands_of_pages_is_read_up_to_the_cap_and_marked_incomplete(tmp_path, monkeypatch):
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(2000):
        c.drawString(72, 720, f"Budget item {chr(65 + i % 26)}{chr(97 + i // 26 % 26)} spent {i} yuan")
        c.showPage()
    c.save()
    path = tmp_path / "huge.pdf"
    path.write_bytes(buf.getvalue())
    monkeypatch.setattr(pdf_backend, "MAX_PAGES", 30)  # the cap's logic, at a size a unit test can afford
    doc = load(path)
    assert len(doc.pages) == 30 and doc.meta["pages_not_read"] == 1970
    record = pipeline.extract(path)[0]
    assert record.source.truncated is True and record.source.pages == 30


def test_an_image_bomb_is_refused_without_decoding_it(tmp_path):
    from PIL import Image
    path = tmp_path / "bomb.png"
    Image.new("1", (30_000, 30_000)).save(path, optimize=True)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(LoadError) as err:
        pipeline.extract(path)
    assert "bomb.png" in str(err.value) and "over 60,000,000 pixels" in str(err.value)  # the README's 60 Mpx


def test_html_with_scripts_and_forms_keeps_only_the_report(tmp_path):
    page = ("<html><body><script>document.write('预算执行率为1%')</script><form action='http://x'>"
            "<input value='总分100'></form><p>项目预算合计100万元,预算执行数为95万元,预算执行率为95%。</p>"
            "<iframe src='http://evil'></iframe></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    record = pipeline.extract(path)[0]
    assert record.budget.execution_rate == 95
    assert "1%" not in load(path).text and "evil" not in load(path).text


def test_file_names_with_newlines_and_non_ascii_are_reported_whole(tmp_path):
    path = tmp_path / "报告\n第 1 份.txt"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as err:
        load(path)
    assert str(path) in str(err.value)


def test_samples_survive_a_truncation_at_every_tenth_of_their_length(tmp_path):
    for sample in sorted(SAMPLES.glob("*.*")):
        if sample.is_dir():
            continue
        data = sample.read_bytes()
        for k in range(1, 10):
            path = tmp_path / f"cut{sample.suffix}"
            path.write_bytes(data[: len(data) * k // 10])
            try:
                pipeline.extract(path)
            except LoadError as exc:
                assert str(path) in str(exc)


def test_a_zero_budget_from_a_mangled_form_does_not_break_the_checks(tmp_path):
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    text = text.replace("年度资金总额 | 300 | 320 | 304.8", "年度资金总额 | 300 .000000000000000000000政拨款 | 0 | 304.8")
    extract_or_own_error(text)
    record = pipeline.extract(_write(tmp_path, text))[0]
    assert all(c.expected != float("inf") for c in record.checks)


def _write(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("sample, member", [("project_shanghai.docx", "word/document.xml"),
                                            ("sichuan_selfeval_2023.xlsx", "xl/worksheets/sheet1.xml")])
def test_an_office_member_that_does_not_inflate_is_a_load_error_naming_it(tmp_path, sample, member):
    import zipfile
    data = bytearray((SAMPLES / sample).read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + min(info.compress_size, 400), 7):  # the deflate stream damaged
        data[k] ^= 0x5A
    path = tmp_path / f"damaged{(SAMPLES / sample).suffix}"
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError) as err:
        load(path)
    assert err.value.reason.startswith(f"not a readable Office file: '{member}' is ")
