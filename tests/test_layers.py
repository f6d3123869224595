"""The stages stand in order: a lower package never imports a higher one (issue 24: tables/ imported
back up from extract/, so the interpreter could not be read or tested below the extractors)."""
import ast
from pathlib import Path

import pytest
from conftest import ROOT

PIPELINE = ROOT / "pipeline"
# package → the packages above it, which it must not import
ABOVE = {
    "tables": ("extract", "verify", "dataset", "audit", "review"),
    "load": ("extract", "tables", "verify", "dataset", "audit", "review"),
    "verify": ("extract", "dataset", "audit", "review"),
}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            # relative to pipeline/<package>/: '..extract.glued' (level 2) names pipeline.extract
            if node.level == 2 or (node.level == 0 and node.module.startswith("pipeline.")):
                out.add(node.module.removeprefix("pipeline.").split(".")[0])
        elif isinstance(node, ast.Import):
            out.update(a.name.removeprefix("pipeline.").split(".")[0] for a in node.names if a.name.startswith("pipeline."))
    return out


@pytest.mark.parametrize("package", sorted(ABOVE))
def test_a_lower_stage_never_imports_a_higher_one(package):
    wrong = {f"{p.name} imports {m}" for p in (PIPELINE / package).glob("*.py") for m in _imports(p) if m in ABOVE[package]}
    assert not wrong, sorted(wrong)


# The table reader and the PDF backends are read in small stages, pdfplumber's way (issue 24).
MAX_COMPLEXITY = 15


def test_no_function_of_the_table_reader_or_the_pdf_backends_is_over_the_complexity_bar():
    import subprocess
    import sys
    paths = [str(PIPELINE / "tables"), *map(str, sorted((PIPELINE / "load").glob("pdf*.py")))]
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "C901", "--output-format", "concise",
                          "--config", f"lint.mccabe.max-complexity={MAX_COMPLEXITY}", *paths],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


@pytest.mark.e2e  # an interpreter per module: most of a minute here
def test_every_module_imports_first_in_a_fresh_interpreter():
    # a circle between packages shows only when one side is imported first (review.dataset → ledger →
    # pointers → audit → review.dataset broke `jixiao export` while every test that imported audit passed)
    import pkgutil
    import subprocess
    import sys

    import pipeline
    names = sorted(m.name for m in pkgutil.walk_packages(pipeline.__path__, "pipeline.") if not m.name.endswith("__main__"))
    code = ("import importlib, subprocess, sys\n"
            "bad = [n for n in sys.argv[1:] if subprocess.run([sys.executable, '-c', f'import {n}'],"
            " capture_output=True).returncode]\n"
            "print(' '.join(bad))")
    run = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, timeout=600)
    assert run.stdout.strip() == "", f"modules that fail to import first: {run.stdout.strip()}"
