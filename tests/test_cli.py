import json
import subprocess
import sys

from conftest import SAMPLE, SAMPLES

from pipeline.cli import main


def test_extract_writes_one_json_record(tmp_path):
    out = tmp_path / "r.json"
    assert main(["extract", str(SAMPLE), "-o", str(out), "--format", "json"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["report"]["year"] == 2018 and data["scores"]["total_score"] == 89.7


def test_extract_jsonl_keeps_going_past_a_broken_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "all.jsonl"
    code = main(["extract", str(SAMPLES / "selfeval_2021.txt"), str(empty), str(SAMPLE), "-o", str(out), "--format", "jsonl"])
    assert code == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema_version"] == 1 for x in lines)
    err = capsys.readouterr().err
    assert f"{empty}: empty file" in err and "1 of 3 file(s) failed" in err


def test_extract_into_a_folder_writes_one_file_per_record(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["extract", str(SAMPLES / "selfeval_2021.txt"), str(SAMPLE), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["000_87644358686e5e0a.json", "selfeval_2021.json"]


def test_check_reruns_the_checks_on_a_corrected_record(tmp_path, capsys):
    out = tmp_path / "r.json"
    main(["extract", str(SAMPLE), "-o", str(out)])
    assert main(["check", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["budget"]["execution_rate"] = 95.0  # an auditor corrects a value by hand
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fixed = tmp_path / "fixed.json"
    assert main(["check", str(out), "-o", str(fixed)]) == 1
    printed = capsys.readouterr().out
    assert "FAIL  execution_rate" in printed
    status = {c["id"]: c["status"] for c in json.loads(fixed.read_text(encoding="utf-8"))["checks"]}
    assert status["execution_rate"] == "fail"


def test_check_on_a_file_that_is_not_a_record_says_why(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_python_m_pipeline_runs_the_cli():
    res = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert res.returncode == 0 and "jixiao" in res.stdout


def test_extract_into_a_folder_keeps_reports_of_one_file_and_same_names_apart(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "selfeval_2021.txt").write_text((SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["extract", str(SAMPLES / "multi_report.txt"), str(SAMPLES / "selfeval_2021.txt"),
                 str(other / "selfeval_2021.txt"), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["multi_report.0.json", "multi_report.1.json",
                                                        "selfeval_2021.json", "selfeval_2021~2.json"]


def test_extract_walks_a_folder_and_prints_a_summary_line_per_record(tmp_path, capsys):
    import shutil

    from conftest import SAMPLES
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "selfeval_2021.txt", folder / "sub" / "a.txt")
    shutil.copy(SAMPLES / "project_shanghai_trad.txt", folder / "b.txt")
    out = tmp_path / "out.json"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("budget" in line and "score" in line and "failed:" in line for line in err)
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_ingest_names_the_reports_it_flagged(tmp_path, capsys):
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(SAMPLES / "selfeval_flawed.txt"), str(SAMPLES / "selfeval_2021.txt"), "--db", str(db),
                 "--quiet", "--workers", "0"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2 file(s) seen: 2 extracted")
    assert out[1:] == [f"flagged: {SAMPLES / 'selfeval_flawed.txt'}: execution_rate, indicator_scores_sum, selfeval_total"]


def test_extract_of_a_folder_into_a_folder_mirrors_it_and_keeps_same_stems_apart(tmp_path):
    # a/r.txt, b/r.txt and b/r.html: three records in their own places, none renamed by a number
    src = tmp_path / "in"
    for sub, suffix, sample in (("a", ".txt", "selfeval_2021.txt"), ("b", ".txt", "selfeval_flawed.txt"),
                                ("b", ".html", "project_shanghai.html")):
        (src / sub).mkdir(parents=True, exist_ok=True)
        (src / sub / f"r{suffix}").write_bytes((SAMPLES / sample).read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out) + "/", "--quiet", "--workers", "2"]) == 0
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == ["a/r.json", "b/r.html.json", "b/r.txt.json"]
    record = json.loads((out / "b" / "r.txt.json").read_text(encoding="utf-8"))
    assert record["source"]["path"].endswith("b/r.txt") and record["scores"]["total_score"] == 96.5


def test_extract_of_a_file_that_holds_no_report_writes_nothing_in_its_place(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("This is a shopping list: apples, pears, 3 kg of rice.\n" * 5, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["extract", str(notes), "-o", str(out)]) == 1
    assert not out.exists() and "not a report" in capsys.readouterr().err
    assert main(["extract", str(notes)]) == 1
    assert capsys.readouterr().out == ""  # no '[]' on stdout


def test_an_xlsx_export_says_its_workbook_once(tmp_path, capsys):
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(SAMPLES / "selfeval_2021.txt"), "--db", str(db), "--quiet", "--workers", "0"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "x")]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{tmp_path / 'x' / 'jixiao.xlsx'}: reports, indicators, checks")


def test_writing_to_a_pipe_or_a_device_writes_into_it_and_leaves_it_in_place(tmp_path):
    # '-o /dev/null' once replaced the device with a file (a temporary file renamed over it): a pipe shows it safely
    import os
    import stat
    import threading

    from pipeline.dataset.export import write_text_atomic
    pipe = tmp_path / "pipe"
    for write in (lambda: main(["extract", str(SAMPLES / "selfeval_2021.txt"), "-o", str(pipe), "--quiet"]),
                  lambda: write_text_atomic(pipe, "<html></html>")):
        os.mkfifo(pipe)
        got: list[str] = []
        reader = threading.Thread(target=lambda sink=got: sink.append(pipe.read_text(encoding="utf-8")))
        reader.start()
        write()
        reader.join(timeout=60)
        assert got and got[0].strip() and stat.S_ISFIFO(os.stat(pipe).st_mode)
        pipe.unlink()
