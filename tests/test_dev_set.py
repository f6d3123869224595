"""Score the extractor on every hand-checked report of ../shared/dev and print the figures.

Two figures, both printed on every run: the fields matched (score_record.py, file by file) and the flags
as an auditor sees them (score_set.py: fields by family, every failed check judged against the gold's
checks_must_pass / checks_must_fail, precision and recall). The floors are what was measured; they are
raised as the extractor improves and never lowered, and no file is special-cased.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

import pipeline

GOLD_DIR = SHARED / "dev" / "gold"
SCORE_SET = SHARED / "tools" / "score_set.py"

# 47 reports (20 added on 2026-12-04): 381/441 fields matched at the start of that day, 382 with 自评分 read as
# the score column, 385 with tables that have no 分值 column read by their scores, 389 with a funds block's glued
# rows cut so that its parts sum to its total (2026-12-05; written from 29, the 46 others unchanged), 392 with
# '实际支出总额' and '已经支出' read as spending (written from 39 and 20, the 45 others unchanged), 394 with a
# transfer-payment form's 资金使用单位 as the department (written from 29; of the 46 others, 28 changed, unscored),
# 395 with a title ending in 自评表 (W11; the 46 others unchanged), 396 with the unit that does the 自评 as the
# department (written from 25; the 46 others unchanged), 402 with the uses a clause lists after 用于 as the
# sub-projects where no budget is stated (written from 23; the 46 others unchanged), 404 with a bracketed line
# under the title as the project's name (written from 37; of the 46 others W03 gained its project, none lost),
# 406 with 35's 自评总分 glued to the next cell and the score tables of documents that open inside them (03, 09),
# 410 with an OCR'd funds header read past its garbled letter note and its '(万兀)' unit (written from 02; the 46
# others unchanged), 412 with '评价总体得分' as a total score (14) and the '(2023年度)' line under a form's title
# (W07; of the 46 others 28 gained the same suffix, none lost), 414 with a last sentence whose clauses run on
# with no end read as a cut document (written from 23 and 41; the 45 others unchanged; one synthetic table
# layout, a whole form on one line, wrongly cut by the first version: the rule now reads the last sentence only),
# 416 with a funds rate printed as a fraction ('1' = 100 %) where the amounts prove it (W11; the 46 others unchanged),
# 417 with the one province a report that names no unit speaks of twice in full (18; the 46 others unchanged).
# 2026-12-05 (fourth session): 419 with a page's 来源 naming a place's 会 (23: '…区残疾人联会会', as printed), and
# its region with it (the 46 others unchanged; the table rules written that session from unseen public reports
# and from W01 and 02 moved no field here). 422 with works listed as parallel clauses, each with its investment
# (25: '实施A工程…,完成总投资24187万元;实施B工程…'), and no such work's investment taken for the budget (24, 25:
# no statement gives the whole; the 45 others unchanged). 423 with a collection page (范文 sites: '…(通用6篇)')
# that shows fewer pieces than it promises read as cut (25; the 46 others unchanged). 424 with the whole amount
# from one source ('全部为县级配套资金', W03), and 425 with a repeated paragraph counted as a second statement of its figures
# (W03's repeated_figures_agree runs and passes; the 46 others unchanged). 429 with every restatement of the chosen
# budget counted, in any words and unit (W12's repeated_figures_agree passes; 2026-12-07, the 46 others unchanged).
# On the 27 reports before it: 209/256 at the start of 2026-12-01, 248/256 with the table
# interpreter.
# 430 with a blank line between paragraphs read as a line break (W01's part_sums_text runs and passes; 2026-12-07,
# written from renderings of the held-out reports as HTML, no dev report looked at).
FIELDS_FLOOR = 430
# score_set.py on the same 47 reports at the start of 2026-12-04: fields 336/381, flags 2 true, 2 false alarms
# (both funding_sources_sum: two breakdowns of one total read as one, a glued run cut a digit off), 2 missed.
# With verdicts that say how sure they are (pipeline/verify/certainty.py): 2 true, 0 false alarms, 2 missed;
# with an allocation stated twice by its document number compared: 3 true, 0 false alarms, 1 missed; with funds
# from two or more allocation documents read as one sub-project each (2026-12-05): 4 true, 0 false alarms, 0 missed.
# Fields 340/381 with the funds block read by its sums (29), 342 with the two spending wordings (39, 20), 344
# with 资金使用单位 (29), 345 with a 自评表 title (W11), 346 with the self-assessing unit (25), 352 with the
# uses listed after 用于 (23), 354 with the bracketed line under the title (37; W03 held out, also read). 2026-12-05 (second
# session): dev 06's two unjudged certain sum failures (an adjusted budget after '(含…)' read as a part) are gone.
# 2026-12-05 (third): 356 with 35's 自评总分 (glued to the next cell) and 03's total score; the tables of 03 and 09,
# read without a header, fail their sums only as "needs a look" (table_head_missing), never certainly; 359 with
# 02's OCR'd funds header (budget, spending in 万元), 361 with 14's 总体得分 and W07's title year line.
# 363 with the run-on last sentence as a cut (23, 41), 364 with W11's fraction rate (its spending 15600, not 15612).
# 365 with 18's province. 2026-12-05 (fourth): 367 with 23's 来源 unit and region, 370 with 25's works, 371 with 25
# read as cut (a collection page that shows one of its six pieces), 372 with W03's funding source.
SET_FIELDS_FLOOR = 373
TRUE_FLAGS_FLOOR = 4
FALSE_ALARMS_CEILING = 0
MISSED_CEILING = 0


def _gold_files() -> list[Path]:
    if not GOLD_DIR.exists():
        pytest.skip(f"no dev set at {GOLD_DIR}")
    return sorted(GOLD_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def dev_records(tmp_path_factory) -> Path:
    """Every dev report extracted once, written as score_set.py reads them (RECORDS_DIR/<gold name>.json)."""
    out = tmp_path_factory.mktemp("dev_records")
    for gold_path in _gold_files():
        raw = SHARED / "dev" / "raw" / (gold_path.stem + ".txt")
        records = [r.to_dict() for r in pipeline.extract(raw)]
        (out / gold_path.name).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return out


def test_dev_set_score_is_printed_and_above_the_floor(scorer, dev_records, capsys):
    ok = total = 0
    lines = []
    for gold_path in _gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        record = json.loads((dev_records / gold_path.name).read_text(encoding="utf-8"))[0]
        results = scorer.score(record, gold)
        good = sum(1 for r in results if r[1])
        ok, total = ok + good, total + len(results)
        lines.append(f"  {gold_path.stem[:56]:56} {good:3}/{len(results):3}")
    with capsys.disabled():
        print("\n" + "\n".join(lines), file=sys.stderr)
        print(f"dev set: {ok}/{total} fields matched = {ok / total:.1%} (floor {FIELDS_FLOOR})", file=sys.stderr)
    assert ok >= FIELDS_FLOOR


def test_dev_set_flags_are_judged_against_the_gold_and_printed(dev_records, capsys):
    if not SCORE_SET.exists():
        pytest.skip(f"no score_set.py at {SCORE_SET}")
    golds = [str(p) for p in _gold_files()]
    run = [sys.executable, str(SCORE_SET), str(dev_records), *golds]
    report = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    summary = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True)
                         .stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print("\n" + report, file=sys.stderr)
    assert summary["fields_matched"] >= SET_FIELDS_FLOOR
    assert summary["true_flags"] >= TRUE_FLAGS_FLOOR
    assert summary["false_alarms"] <= FALSE_ALARMS_CEILING
    assert summary["missed"] <= MISSED_CEILING
