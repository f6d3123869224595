"""The dev reports' score tables against rows written down by hand from their raw text, as printed
(tests/data/dev_score_rows.json: most of these tables are cut, glued or OCR'd; rows were read by a person,
glued cells split by the form's own arithmetic, each judgement noted beside the file). This measures the
table reading on real damage rather than on layouts written for the purpose. The figure is printed; the
floor is what was measured and only goes up."""
import sys

import pytest
from conftest import SHARED
from hand_rows import hand_tables, record_leaves, score_file

import pipeline

RAW = SHARED / "dev" / "raw"
# measured 2026-12-04 when the rows were written (17 tables, 162 rows; fields: each row's name, weight, score):
# 110/486 = 22.6 %. Most misses are tables not read at all (02, 03, 09, 13, 14, 26, 35, W04, W11: glued, OCR'd,
# one column per line) and long names kept with their category or explanation (08, 12).
# 2026-12-05: tables with no 分值 column read by their scores, a glued target|actual|score run left unread
# with its candidates (the totals decide where they can), a row cut by the document's end filled from the
# left, rows with unread points counted as rows: 179/486 by position (written looking at W04; the other 14
# tables, held out, moved from 110 to 119). Label cells glued in a flow cut after their '(N分)' (looking at
# 03): 183. Rows then aligned by name instead of compared by position (one row missed no longer shifts
# every row after it): 230; '其中…' rows kept as rows without points (looking at W07): 251.
# Glued flows with an explanation column (looking at the shared sample), weight-only tables with 指标说明 (08),
# a coefficient column proving how a run is cut and the cells glued around a name (12): 276; the funds
# block's added execution row told from a table's own 资金支出率 row by its cited name: 282. Under this
# aligned comparison the day started at 149; the 11 tables not looked at that day (01 02 04 09 11 13 14 26 35
# W01 W10) moved only from 76 to 79: the day's rules read the tables they were written from (W04 W07 08 12
# 03 W11), not yet the held-out ones, most of which no header-driven reading finds (no header, OCR'd header).
# 2026-12-05 (written looking at 02 and 14, the 15 others held out): a header cell an OCR read down its two
# lines ('考值参分') and a cell's own opening words ('指标评价内容') no longer end the header; a flow row keeps
# the words of its target, actual or explanation cells between its weight and its score (tables/flow.py); a
# number glued between words is a figure unless the words number or date it; a weight glued to its measured
# target is cut (10 | 2370人); categories glued before a name are cut after their points: 282 -> 329
# (02 0 -> 34, 14 0 -> 13; the 15 held out 282 -> 282, no table lost a field).
# Then (looking at 35): a row whose figures fell into no weight or score column keeps its candidates from its
# cuts over the text columns too, such rows count as the table's, a total glued to a first row or under
# text columns between weight and score is no total, the report's 自评总分 glued to the next cell is read,
# and a stated total that is the form's whole gives every unread row its full weight: 334 (35 0 -> 5).
# Then (looking at 03 and 09, both documents that open inside their score table): rows before any header read
# on the columns every form has (labels, 分值, 得分) where they read as a table (three rows with points, no
# score over its weight, names not sentences, a category the framework names, weights within 100), and a
# parenthesis broken over two lines kept one label piece: 362 (03 18 -> 34, 09 0 -> 12; W07, whose funds block
# first read as such a table, kept by ending the headerless region at the first header of any kind).
# Then (looking at 11): a bare figure in a note column costs a little, so a row's figures fill its actual cell
# before its note (100 | 100 | 10 | 10 was also 100 | _ | 100 | 10 | note 10): 373 (11 21 -> 26; held out,
# 04 17 -> 21 and W01 25 -> 27; no table lost a field).
# Then (11): an empty placeholder row '指标2' is no row (its 2 was read as a weight, rows that threw the sums),
# a numbered name '指标1学生满意度' is no note before '满意度', and categories glued before a name are peeled one
# per level of the framework (not '投入' | '管理预算执行率', which matched 预算执行率 by chance): 373 (11 26 -> 27,
# 02 34 -> 33; the others unchanged).
# Then (W01, 04): a per-unit target ('每亩300') is one value and 百分比 a unit ('≥100百分比'), so neither opens a
# row: 376 (W01 27 -> 29, 04 21 -> 22). Left in 04: the normalised text has lost the spaces between a name
# and its target and actual words ('经费支出合规性 严格执行相关制度规定 达成预期指标 8 8'), so they stay in the name.
# Then (W11): a funds row's rate printed as a fraction ('1' for 100 %) where its amounts prove it, so the execution
# row (20 | 20) is read and the table's total decides '补贴渔船数6620' = 6 | 6 | 20: 377.
# 2026-12-05, fourth session (rules written from excerpts of unseen public reports, then W01): unchanged by the
# excerpts' rules (377); a category's '30分)' whose '(' an OCR lost is its points, and a target and actual in
# the same words ('显著 | 显著') are the row's cells, not its name: 378 (W01 29 -> 30; 03 loses its rows named
# by a lone bracket, none of the hand rows' fields). Then (02): a weight glued to a date target ('52021年12月完成')
# is cut before the year, and among cuts of a glued measure the one whose target and actual print alike wins
# ('415万元15万元' = 4 | 15万元 | 15万元): 381 (02 33 -> 36).
# 2026-12-06 (ninth session): 398 with a category's points printed before its name ('(10)绩效目标明确性',
# '(10分)项目管理(7分)资金管理资金分配') kept with the category, which is peeled off the leaf's name (written from an
# unseen report that turned out to be dev 14 published again; 03 36, 14 14: the other 15 unchanged).
# 2026-12-07 (twenty-fifth session): 410, measured at the session's start (309e023) and unchanged by it: the rules of
# the sessions between had moved the rows without the floor following them.
FIELDS_FLOOR = 410


def test_dev_score_tables_read_as_a_person_reads_them(scorer, capsys):
    hand = hand_tables()
    if not hand or not RAW.exists():
        pytest.skip("no hand-read rows or no dev set")
    ok = total = 0
    lines = []
    for name, want in sorted(hand.items()):
        record = pipeline.extract(RAW / f"{name}.txt")[0]
        good, n, misses = score_file(record, want, scorer.similar)
        ok, total = ok + good, total + n
        lines.append(f"  {name[:50]:50} {good:3}/{n:3}" + (f"  first miss: {misses[0]}" if misses else ""))
    with capsys.disabled():
        print("\n" + "\n".join(lines), file=sys.stderr)
        print(f"dev score tables (hand-read rows): {ok}/{total} fields = {ok / max(total, 1):.1%} (floor {FIELDS_FLOOR})",
              file=sys.stderr)
    assert total >= 400 and ok >= FIELDS_FLOOR


# The same rows compared as shared/tools/score_record.py compares a record's indicators with a gold's: by
# position (the row count, then each row's weight with its score, and its name at similarity 0.6), so that a
# row added or lost shifts every row after it. Measured 2026-12-05 (fourth session): 270 / 341; 273 after the
# rules from 02.
# 285 on 2026-12-07, at the twenty-fifth session's start and its end.
POSITIONAL_FLOOR = 285


def test_dev_score_tables_compared_by_position_as_the_official_scorer_does(scorer, capsys):
    hand = hand_tables()
    if not hand or not RAW.exists():
        pytest.skip("no hand-read rows or no dev set")
    ok = total = 0
    for name, want in sorted(hand.items()):
        got, rows = record_leaves(pipeline.extract(RAW / f"{name}.txt")[0]), want["rows"]
        total += 1 + 2 * len(rows)
        ok += len(got) == len(rows)
        for k, row in enumerate(rows):
            have = got[k] if k < len(got) else None
            ok += have is not None and scorer.num_eq(have.weight, row["weight"]) and scorer.num_eq(have.score, row["score"])
            ok += have is not None and scorer.similar(have.name, row["name"]) >= 0.6
    with capsys.disabled():
        print(f"\ndev score tables by position: {ok}/{total} fields = {ok / max(total, 1):.1%} (floor {POSITIONAL_FLOOR})",
              file=sys.stderr)
    assert total >= 300 and ok >= POSITIONAL_FLOOR
