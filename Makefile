# Every install step lives here: CI runs `bash .ci/run` on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
# The whole resolved dependency set, every file's hash: what `make install` and CI install.
# pyproject.toml keeps the ranges the code supports; `make lock` re-resolves them to the newest releases.
LOCK   := requirements.lock
UV     := uv==0.13.9
# The build backend is locked too: the editable install builds without an isolated, unpinned environment.
BUILD_REQUIREMENTS := setuptools>=68\nwheel\n

.PHONY: install demo test test-fast test-e2e test-latest lock bench lint clean samples system-deps fuzz

# Debian packages the tests use when they can: PostgreSQL (the team-database path), Chromium (the
# audit report in a browser, CFF-font test PDFs), CJK fonts (re-rendering samples: a TrueType one for
# reportlab, a CFF/OpenType one for scripts/render_pdf_cff.py). Without root or apt the tests that
# need them skip with a reason.
system-deps:
	@missing=""; \
	command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || missing="$$missing fonts-wqy-zenhei"; \
	test -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	      || echo "warning: apt-get could not install$$missing; the tests that need them will skip"; \
	  else echo "note: not installing$$missing (needs root and apt-get); the tests that need them will skip"; fi; \
	fi

install: $(STAMP)

$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@# the editable package's bytecode, written now: where PYTHONDONTWRITEBYTECODE is set (as on this machine),
	@# every `jixiao` process would otherwise compile its 60-odd modules again (~90 ms each start)
	$(BIN)/python -m compileall -q pipeline
	touch $(STAMP)

# Refresh the lock to the newest releases pyproject.toml's ranges admit, then run `make test` on it.
# To hold a release back, narrow its range in pyproject.toml (with the reason) and lock again.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet '$(UV)'
	printf '$(BUILD_REQUIREMENTS)' | .venv-lock/bin/uv pip compile pyproject.toml - --extra dev \
	  --universal --python-version 3.11 --generate-hashes --upgrade --quiet \
	  --custom-compile-command 'make lock' -o $(LOCK)

# The newest release of everything, in a venv of its own, without touching the lock: run it before
# `make lock`, and now and then, to see a coming release break something before a user does.
test-latest: system-deps
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	.venv-latest/bin/pip freeze --exclude-editable > .venv-latest/versions.txt
	.venv-latest/bin/pytest

# OUT: where the demo writes (a test runs it into a temporary folder)
OUT ?= out

demo: install system-deps
	mkdir -p $(OUT)
	$(BIN)/jixiao extract samples/*.txt samples/*.html samples/*.pdf samples/*.docx samples/*.xlsx -o $(OUT)/demo.jsonl --format jsonl
	@if [ -d $(SHARED)/samples ]; then \
	  $(BIN)/jixiao extract $(SHARED)/samples/000_87644358686e5e0a.txt -o $(OUT)/000_87644358686e5e0a.json && \
	  $(PYTHON) $(SHARED)/tools/score_record.py $(OUT)/000_87644358686e5e0a.json $(SHARED)/gold/000_87644358686e5e0a.json --quiet && \
	  $(BIN)/jixiao check $(OUT)/000_87644358686e5e0a.json; \
	else echo "($(SHARED) not found: the shared sample is skipped)"; fi
	rm -f $(OUT)/demo.sqlite*
	$(BIN)/jixiao ingest samples --db $(OUT)/demo.sqlite
	$(BIN)/jixiao export --db $(OUT)/demo.sqlite --format parquet --out $(OUT)/dataset
	$(BIN)/jixiao audit --db $(OUT)/demo.sqlite --html $(OUT)/audit.html
	@echo
	@echo "Done. Open $(OUT)/audit.html in a browser (what an auditor reads first); the records are in $(OUT)/demo.jsonl,"
	@echo "the dataset in $(OUT)/dataset/. Review and correct: .venv/bin/jixiao review --db $(OUT)/demo.sqlite"
	@echo "Your own file: .venv/bin/jixiao extract my_report.pdf -o my_report.json"

# Everything, end-to-end cases included: what CI runs (about 4 minutes here).
test: install system-deps
	$(BIN)/pytest

# The fast part, for the edit-test loop (under 2 minutes here): no OCR, Chromium, PostgreSQL or
# whole-folder ingest (the cases marked e2e). `make test` still runs them.
test-fast: install
	$(BIN)/pytest -m "not e2e"

test-e2e: install system-deps
	$(BIN)/pytest -m e2e

# The fuzz run: random, mutated and binary input through the whole pipeline (about 10 minutes here),
# then a whole ingest of hostile, mutated and random files under its limits, with its figures printed
# (files, tracebacks, hangs past the limit, lost files, worker peak memory; scripts/fuzz_ingest.py).
fuzz: install
	JIXIAO_FUZZ_EXAMPLES=3000 $(BIN)/pytest -q -p no:cacheprovider tests/test_hostile.py -k "random or mutated"
	$(BIN)/python scripts/fuzz_ingest.py --files 300 --executor both

bench: install
	$(BIN)/python bench/bench_text.py
	$(BIN)/python bench/bench_scaling.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_table_structure.py

# Re-render the test documents under samples/ (needs Debian's CJK font; the outputs are committed).
samples: install
	@test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || (apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei)
	$(BIN)/python scripts/make_samples.py
	$(BIN)/python scripts/make_page_bottom.py

lint: install
	$(BIN)/ruff check pipeline tests bench scripts

clean:
	rm -rf $(VENV) out .pytest_cache
