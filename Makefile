# Every install step lives here: CI runs `bash .ci/run` on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test bench lint clean samples

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	mkdir -p out
	$(BIN)/jixiao extract samples/*.txt samples/*.html samples/*.pdf -o out/demo.jsonl --format jsonl
	$(BIN)/jixiao extract $(SHARED)/samples/000_87644358686e5e0a.txt -o out/000_87644358686e5e0a.json
	$(PYTHON) $(SHARED)/tools/score_record.py out/000_87644358686e5e0a.json $(SHARED)/gold/000_87644358686e5e0a.json --quiet
	$(BIN)/jixiao check out/000_87644358686e5e0a.json

test: install
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/bench_text.py
	$(BIN)/python bench/bench_pdf.py

# Re-render the test documents under samples/ (needs Debian's CJK font; the outputs are committed).
samples: install
	@test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || (apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei)
	$(BIN)/python scripts/make_samples.py

lint: install
	$(BIN)/ruff check pipeline tests bench scripts

clean:
	rm -rf $(VENV) out .pytest_cache
