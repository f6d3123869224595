"""A newcomer's first hour, as the README gives it: `make demo`, then the commands for "your own file"."""
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.e2e  # the demo reads every sample (about a minute here)

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_s_first_screen_holds_the_demo_the_tests_and_your_own_file():
    first = "\n".join(README.splitlines()[:40])
    assert "make demo" in first and "make test" in first
    assert ".venv/bin/jixiao extract my_report.pdf" in first and ".venv/bin/jixiao audit" in first


def test_make_demo_ends_naming_the_audit_file_and_the_review_command(tmp_path):
    out = tmp_path / "demo"
    run = subprocess.run(["make", "--no-print-directory", "demo", f"OUT={out}"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    last = run.stdout.strip().splitlines()[-3:]
    assert f"Open {out}/audit.html in a browser" in last[0]
    assert f".venv/bin/jixiao review --db {out}/demo.sqlite" in last[1]
    assert ".venv/bin/jixiao extract my_report.pdf" in last[2]
    assert (out / "audit.html").stat().st_size > 10_000 and (out / "demo.jsonl").stat().st_size > 10_000


def test_the_readme_s_commands_for_your_own_file_work_as_written(tmp_path):
    block = README.split("## Run it on your own file", 1)[1].split("```")[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip().startswith(".venv/bin/jixiao")]
    assert len(commands) >= 3
    shutil.copy(SAMPLES / "selfeval_2021.pdf", tmp_path / "my_report.pdf")
    (tmp_path / "archive").mkdir()
    for name in ("selfeval_flawed.txt", "project_shanghai.docx"):
        shutil.copy(SAMPLES / name, tmp_path / "archive" / name)
    for command in commands:
        argv = command.split()
        argv[0] = str(ROOT / argv[0])
        run = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, (command, run.stderr[-1000:])
    assert '"budget_yuan": 3200000' in (tmp_path / "my_report.json").read_text(encoding="utf-8")
    assert re.search(r"<td id=\"n-flagged\">1</td>", (tmp_path / "audit.html").read_text(encoding="utf-8"))
