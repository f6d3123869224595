"""`jixiao extract` imports only what it uses (issue 27): the export's pandas and pyarrow, and Dask, cost
0.4 s and about 100 MiB at every start and in every ingest worker."""
import subprocess
import sys

import pytest
from conftest import SAMPLES

HEAVY = ("pandas", "pyarrow", "dask")


@pytest.mark.parametrize("name", ["selfeval_2021.txt", "selfeval_2021.pdf", "selfeval_2021.xlsx"])
def test_extracting_a_file_imports_no_dataframe_library(name, tmp_path):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"no {path}")
    code = ("import sys\nfrom pipeline.cli import main\n"
            f"code = main(['extract', {str(path)!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stdout
