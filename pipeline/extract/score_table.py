"""The score table (评分表): one indicator per row with its weight and score.

Two text layouts are read:

* flow text, where a scrape glued each row's cells into one line and the weight and score
  into one digit run ('…规范情况。55二、…'); rows are split at those runs and each run is cut
  into (weight, score) by a search constrained by the table's totals (DOMAIN.md §4.2);
* cell text, where cells stand apart (one per line, pipes, spaces): rows are rebuilt from
  the header's columns.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..record import Indicator
from ..tables.glued import cuts, is_number_form, is_weight, weight_score_pairs
from ..tables.model import ScoreTable
from .context import Context, Found

WEIGHT_WORDS = r"(?:指标权重|指标分值|标准分值|权重分|权重|分值|权数|标准分|满分)"
SCORE_WORDS = (r"(?:自评得分|评价得分|考评得分|考核得分|实际得分|指标得分|核定得分|审核得分|复核得分|综合得分|"
               r"得分|自评分|评分|自评|实得分)")
EXPLAIN_WORDS = r"(?:指标解释|指标说明|评价要点|评分标准|考核内容|评价内容|评分要点)"
_HEADER = regex.compile(rf"(?:指标名称|评价指标|考核指标|一级指标|指标)[\p{{Han}}()]{{0,30}}?{WEIGHT_WORDS}[\p{{Han}}()]{{0,8}}?{SCORE_WORDS}")
_HEADING = regex.compile(r"^[((]?([一二三四五六七八九十]{1,3})[、.)）]")
_UNIT_AFTER = "分元万亿%个年月日次人项家篇册场亩号期类条名户所座台套辆倍天周级批份件期页间位万宗公里米吨"
_RUN = regex.compile(rf"(?<![\d.])\d+(?:\.\d+)*(?![\d.]|\s*[{_UNIT_AFTER}、])")
_NAME_END = "性率度)标量效益理"
_EXPLAIN_START = regex.compile(r"(?:项目|反映|用以|考核|是否|与项目|根据|指|评价|衡量|主要|通过|按照|以|该项|本项)")
_TOTAL_LABEL = regex.compile(r"(?:合计|总分|总计|总得分|得分合计)\s*$")
_PARTS_SPLIT = regex.compile(r"和|及|与|、")


def _split_name(segment: str, has_explanation: bool) -> str:
    segment = segment.strip(" |\n")
    if not has_explanation:
        return segment[:60]
    for i, ch in enumerate(segment):
        if ch in _NAME_END and i >= 2 and _EXPLAIN_START.match(segment, i + 1):
            return segment[: i + 1]
    m = regex.search(r"[,。;:]", segment)
    return segment[: m.start()] if m and m.start() <= 30 else segment[:20]


def _runs(text: str, start: int, end: int) -> list[regex.Match]:
    out = []
    for m in _RUN.finditer(text, start, end):
        before = text[max(start, m.start() - 2):m.start()]
        if regex.search(r"(?:第|指标|各|约|共|近|前)$", before):
            continue
        out.append(m)
    return out


def parse_flow_table(ctx: Context, stated_total: float | None) -> ScoreTable | None:
    text = ctx.text
    header = _HEADER.search(text)
    if not header:
        return None
    has_explanation = bool(regex.search(EXPLAIN_WORDS, header[0]))
    stop = regex.compile(r"\n\s*\n|\((?:二|三|四)\)|[((](?:二|三)[))]")
    end_m = stop.search(text, header.end())
    end = end_m.start() if end_m else min(len(text), header.end() + 8000)
    runs = _runs(text, header.end(), end)
    if len(runs) < 2:
        return None
    # Each run closes a row; the text before it holds the row's heading, name and explanation.
    segments, pos = [], header.end()
    for m in runs:
        segments.append((pos, m.start()))
        pos = m.end()
    # A run with no reading where score ≤ weight keeps its over-weight readings, so that
    # score_within_weight reports the row instead of the table being lost.
    options = [weight_score_pairs(m[0]) or _over_weight_pairs(m[0]) for m in runs]
    total_in_last = False
    last = runs[-1][0]
    label_before = _TOTAL_LABEL.search(text[segments[-1][0]:segments[-1][1]])
    if label_before:  # '…合计 100 89.7': the last run is the total only
        totals = [(float(a), float(b)) for a, b in cuts(last, 2) if float(b) <= float(a)]
        row_options, total_options = options[:-1], totals
    else:
        quad = [tuple(float(x) for x in c) for c in cuts(last, 4)]
        quad = [q for q in quad if is_weight(q[0]) and q[1] <= q[0] and q[3] <= q[2] and q[2] <= 200 and q[2] % 10 == 0]
        if quad:
            total_in_last = True
            row_options = options[:-1] + [sorted({(q[0], q[1]) for q in quad})]
            total_options = sorted({(q[2], q[3]) for q in quad})
        else:
            row_options, total_options = options, []
    if any(not o for o in row_options):
        return None
    solution = _solve(row_options, total_options, stated_total, last if total_in_last else None)
    if solution is None:
        return None
    rows, total, ambiguous = solution
    table = ScoreTable(indicators=[])
    n_rows = len(row_options)
    # group runs into categories by their heading
    categories: list[tuple[str, list[int], int]] = []  # (name, run indices, segment start)
    for i in range(n_rows):
        seg_start, seg_end = segments[i]
        seg = text[seg_start:seg_end]
        head = _HEADING.match(seg.lstrip(" |\n"))
        if head or not categories:
            lead = len(seg) - len(seg.lstrip(" |\n"))
            body = seg.lstrip(" |\n")[head.end():] if head else seg
            categories.append((_split_name(body, has_explanation), [i], seg_start + lead))
        else:
            categories[-1][1].append(i)
    for name, idxs, seg_start in categories:
        parent_index = None
        if len(idxs) > 1:
            parent_index = len(table.indicators)
            table.indicators.append(Indicator(level=1, name=name))
            table.spans.append({"name": (seg_start, seg_start + len(name))})
            parts = [p for p in _PARTS_SPLIT.split(name) if p]
            names = parts if len(parts) == len(idxs) else [f"{name}({k + 1})" for k in range(len(idxs))]
        else:
            names = [name]
        for k, i in enumerate(idxs):
            w, s = rows[i] if rows[i] else (None, None)
            note = ambiguous.get(i)
            table.indicators.append(Indicator(level=2 if parent_index is not None else 1, name=names[k],
                                              parent=parent_index, weight=w, score=s, note=note))
            run = runs[i]  # weight and score are one glued run: both point at it
            table.spans.append({"name": (seg_start, seg_start + len(name)), "weight": (run.start(), run.end()),
                                "score": (run.start(), run.end())})
    if total:
        run = runs[-1]
        table.total_weight = Found(total[0], run.start(), run.end())
        table.total_score = Found(total[1], run.start(), run.end())
    return table


def _solve(row_options, total_options, stated_total, _last):
    """Pick one (w, s) per row so that the sums meet the totals; report rows left ambiguous."""
    totals = total_options or [(100.0, stated_total)]
    valid_by_row: list[set] = [set() for _ in row_options]
    valid_totals = set()
    for tw, ts in totals:
        if ts is not None and stated_total is not None and abs(ts - stated_total) > 0.05:
            continue
        paths = _paths(row_options, tw, ts)
        for path in paths:
            valid_totals.add((tw, ts))
            for i, opt in enumerate(path):
                valid_by_row[i].add(opt)
    if not valid_totals:
        return _unconstrained(row_options, totals)
    rows, ambiguous = [], {}
    for i, opts in enumerate(valid_by_row):
        if len(opts) == 1:
            rows.append(next(iter(opts)))
        else:
            rows.append(None)
            ambiguous[i] = "ambiguous split: " + " or ".join(f"{w:g}|{s:g}" for w, s in sorted(opts))
    total = next(iter(valid_totals)) if len(valid_totals) == 1 else None
    return rows, total, ambiguous


def _unconstrained(row_options, totals):
    """No reading meets the totals: the table's own arithmetic is off. Rows with exactly one reading
    are kept as read (the checks then report the sums); any other row is left ambiguous."""
    if not all(len(o) == 1 for o in row_options):
        return None
    rows = [o[0] for o in row_options]
    plausible = [t for t in totals if t[0] == 100.0] or totals
    total = plausible[0] if len(plausible) == 1 else None
    return rows, total, {}


def _over_weight_pairs(run: str) -> list[tuple[float, float]]:
    out = []
    for w, sc in cuts(run, 2):
        wv, sv = float(w), float(sc)
        if is_weight(wv) and sv <= 100 and (sv * 10) == int(sv * 10):
            out.append((wv, sv))
    return out if len(out) == 1 else []


def _paths(row_options, total_w, total_s, limit=2000):
    """Combinations whose weights sum to total_w and scores to total_s (None: unconstrained)."""
    out = []

    def walk(i, sw, ss, chosen):
        if len(out) >= limit:
            return
        if sw > total_w + 1e-9:
            return
        if i == len(row_options):
            if abs(sw - total_w) < 1e-9 and (total_s is None or abs(ss - total_s) <= 0.05):
                out.append(tuple(chosen))
            return
        for w, s in row_options[i]:
            chosen.append((w, s))
            walk(i + 1, sw + w, ss + s, chosen)
            chosen.pop()

    walk(0, 0.0, 0.0, [])
    return out


def looks_like_number(token: str) -> bool:
    return is_number_form(token.rstrip("%"), 4)


# --- cell text: one table row per line, cells split by '|' or tabs ---------------------------------

_CELL_SPLIT = regex.compile(r"\s*\|\s*|\t+")
_NAME_COLS = regex.compile(r"^(?:一级指标|二级指标|三级指标|四级指标|指标名称|评价指标|考核指标|指标|指标内容|评价内容)(?:名称)?$")
_WEIGHT_COL = regex.compile(rf"^{WEIGHT_WORDS}(?:\((?:分|%)\))?$")
_SCORE_COL = regex.compile(rf"^{SCORE_WORDS}(?:\(分\)|情况)?$")
_TARGET_COL = regex.compile(r"^(?:年度)?(?:指标值|目标值|绩效目标值|预期目标|年度目标值)$")
_ACTUAL_COL = regex.compile(r"^(?:实际)?(?:完成值|完成情况|实际值|实现值)$")
_TOTAL_CELL = regex.compile(r"^(?:合计|总分|总计|总得分|得分合计|综合得分|总 分)$")
_SUBTOTAL = regex.compile(r"\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)")


@dataclass
class _Line:
    start: int
    cells: list[tuple[str, int, int]]  # text, start, end


def _cell_lines(text: str, start: int, end: int) -> list[_Line]:
    out = []
    for m in regex.finditer(r"[^\n\f]+", text[start:end]):  # a page break ends a row too
        line_start = start + m.start()
        cells, pos = [], 0
        raw = m[0]
        for piece in _CELL_SPLIT.split(raw):
            idx = raw.find(piece, pos) if piece else pos
            cells.append((piece.strip(), line_start + idx, line_start + idx + len(piece.strip())))
            pos = idx + len(piece)
        out.append(_Line(line_start, cells))
    return out


def _number(cell: str) -> float | None:
    cell = cell.strip().rstrip("分")
    return float(cell) if regex.fullmatch(r"\d+(?:\.\d+)?", cell) else None


def parse_cell_table(ctx: Context) -> ScoreTable | None:
    """A score table whose cells stand apart (pipes or tabs), header first; merged cells repeated."""
    text = ctx.text
    lines = _cell_lines(text, 0, len(text))
    for h, line in enumerate(lines):
        names = [c[0] for c in line.cells]
        w_col = next((i for i, c in enumerate(names) if _WEIGHT_COL.match(c)), None)
        s_col = next((i for i, c in enumerate(names) if _SCORE_COL.match(c)), None)
        name_cols = [i for i, c in enumerate(names) if _NAME_COLS.match(c)]
        if w_col is None or s_col is None or not name_cols:
            continue
        table = _read_cell_rows(lines[h + 1:], len(names), name_cols, w_col, s_col,
                                next((i for i, c in enumerate(names) if _TARGET_COL.match(c)), None),
                                next((i for i, c in enumerate(names) if _ACTUAL_COL.match(c)), None))
        if table is not None and any(i.weight is not None for i in table.indicators):
            return table
    return None


def _read_cell_rows(lines, width, name_cols, w_col, s_col, t_col, a_col) -> ScoreTable | None:
    table = ScoreTable(indicators=[])
    open_parents: dict[int, int] = {}  # name column → index of the parent row it opened
    blanks = 0
    for line in lines:
        cells = line.cells
        if len(cells) < 2:
            blanks += 1
            if blanks > 2 and table.indicators:
                break
            continue
        blanks = 0
        is_total = any(_TOTAL_CELL.match(c[0].replace(" ", "")) for c in cells[:max(name_cols) + 1])
        if len(cells) < width:
            cells = _align(cells, width, w_col, s_col, line.start)
        texts = [c[0] for c in cells]
        if is_total:
            w, s = _number(texts[w_col]), _number(texts[s_col])
            if w is not None:
                table.total_weight = Found(w, cells[w_col][1], cells[w_col][2])
            if s is not None:
                table.total_score = Found(s, cells[s_col][1], cells[s_col][2])
            if w is None or s is None:  # the total row lost empty cells: its last two figures are weight, score
                nums = [c for c in line.cells if _number(c[0]) is not None]
                if len(nums) >= 2 and w_col < s_col:
                    (wt, wa, wb), (st, sa, sb) = nums[-2], nums[-1]
                    table.total_weight, table.total_score = Found(_number(wt), wa, wb), Found(_number(st), sa, sb)
                elif len(nums) == 1 and w is None and s is None:
                    _single_total(table, nums[0])
            break
        w, s = _number(texts[w_col]), _number(texts[s_col])
        if w is None:
            continue
        level_cells = [(k, cells[c]) for k, c in enumerate(name_cols) if cells[c][0]]
        if not level_cells:
            continue
        leaf_level, leaf = level_cells[-1]
        parent = None
        for k, cell in level_cells[:-1]:
            if _strip_subtotal(cell[0]) == _strip_subtotal(leaf[0]):
                continue  # a category cell merged across the name columns: the row is its own category
            idx = open_parents.get(k)
            if idx is None or table.indicators[idx].name != _strip_subtotal(cell[0]):
                sub = _SUBTOTAL.search(cell[0])
                table.indicators.append(Indicator(level=k + 1, name=_strip_subtotal(cell[0]), parent=parent,
                                                  weight=float(sub[1]) if sub else None))
                table.spans.append({"name": (cell[1], cell[2])})
                idx = len(table.indicators) - 1
                open_parents[k] = idx
                for deeper in [d for d in open_parents if d > k]:
                    del open_parents[deeper]
            parent = idx
        ind = Indicator(level=leaf_level + 1 if parent is not None else 1, name=_strip_subtotal(leaf[0]), parent=parent,
                        weight=w, score=s)
        if t_col is not None and texts[t_col]:
            ind.target = texts[t_col]
        if a_col is not None and texts[a_col]:
            ind.actual = texts[a_col]
        table.indicators.append(ind)
        table.spans.append({"name": (leaf[1], leaf[2]), "weight": (cells[w_col][1], cells[w_col][2]),
                            "score": (cells[s_col][1], cells[s_col][2])})
    return table if table.indicators else None


def _single_total(table: ScoreTable, cell) -> None:
    """A total row with one figure: the weight total where the rows' weights (or 100) give it, else the score's."""
    value = _number(cell[0])
    weights = sum(i.weight for i in table.indicators if i.weight is not None and i.parent is None)
    scores = [i.score for i in table.indicators if i.score is not None]
    if value == 100 or abs(weights - value) < 1e-9:
        table.total_weight = Found(value, cell[1], cell[2])
    elif scores and abs(sum(scores) - value) <= 0.05:
        table.total_score = Found(value, cell[1], cell[2])


def _align(cells, width, w_col, s_col, pos):
    """A row shorter than the header lost cells at its end (trailing empty cells trimmed by an
    export) or at its start (merged category cells not repeated): keep the alignment that puts
    numbers under the weight and score columns."""
    pad = [("", pos, pos)] * (width - len(cells))
    left, right = cells + pad, pad + cells
    if _number(left[w_col][0]) is not None and (_number(left[s_col][0]) is not None or not left[s_col][0]):
        return left
    return right


_HEADING_NUMBER = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[、.](?!\d))\s*")


def _strip_subtotal(name: str) -> str:
    """'产出指标(50分)' → '产出指标'; '三、预算执行率' → '预算执行率' (the numbering is the table's, not the name's)."""
    return _HEADING_NUMBER.sub("", _SUBTOTAL.sub("", name).strip())



# --- one cell per line: 'cell |' lines of document-site scrapes -----------------------------------------

_HEADERISH = regex.compile(
    rf"^(?:{WEIGHT_WORDS}|{SCORE_WORDS}|{EXPLAIN_WORDS}|[一二三四]级指标|指标名称|评价指标|考核指标|指标内容|评价内容|指标|"
    r"(?:年度)?指标值|目标值|度量单位|计量单位|(?:实际)?完成值|指标性质|得分系数|得分率|备注|说明|"
    r"[\p{Han}]{0,8}(?:原因|措施|说明|依据|分析)[\p{Han}]{0,8})(?:\(分\))?$")


def _cell_stream(text: str) -> list[tuple[str, int, int]]:
    """Every cell of the text in order: a line ending in '|' holds cells split at '|'; another line is one cell."""
    cells = []
    for m in regex.finditer(r"[^\n\f]*", text):
        line = m[0]
        if not line.strip() and not m[0]:
            continue
        body = line.rstrip()
        if body.endswith("|"):
            body = body[:-1]
        pos = m.start()
        for piece in body.split("|"):
            stripped = piece.strip()
            lead = len(piece) - len(piece.lstrip())
            cells.append((stripped, pos + lead, pos + lead + len(stripped)))
            pos += len(piece) + 1
    return cells


def parse_cell_stream(ctx: Context) -> ScoreTable | None:
    """A table scraped one cell per line: the header's cells give the width, the cells after it are
    regrouped into rows of that width and read like any cell table."""
    text = ctx.text
    if text.count("|\n") < 20 and text.count("\n\n") < 40:
        return None
    cells = [c for c in _cell_stream(text)]
    for i, (cell, _, _) in enumerate(cells):
        if not _NAME_COLS.match(cell):
            continue
        j = i
        while j < len(cells) and _HEADERISH.match(cells[j][0]) and not _TOTAL_CELL.match(cells[j][0]):
            j += 1
        header = [c[0] for c in cells[i:j]]
        w_col = next((k for k, c in enumerate(header) if _WEIGHT_COL.match(c)), None)
        if w_col is None or len(header) < 3:
            continue
        s_col = next((k for k, c in enumerate(header) if _SCORE_COL.match(c)), None)
        name_cols = [k for k, c in enumerate(header) if _NAME_COLS.match(c)]
        lines = _regroup(cells[j:], len(header), name_cols)
        table = _read_cell_rows(lines, len(header), name_cols, w_col, s_col if s_col is not None else w_col,
                                next((k for k, c in enumerate(header) if _TARGET_COL.match(c)), None),
                                next((k for k, c in enumerate(header) if _ACTUAL_COL.match(c)), None))
        if table is None:
            continue
        if s_col is None:  # a table of weights only (指标表): no score column
            for ind in table.indicators:
                ind.score = None
            table.total_score = None
        if any(i.weight is not None for i in table.indicators):
            return table
    return None


def _regroup(cells, width, name_cols) -> list[_Line]:
    lines, k = [], 0
    while k < len(cells):
        cell = cells[k][0]
        if len(cell) > 40 and not regex.search(r"\d", cell[:3]):
            break  # prose: the table has ended
        if _TOTAL_CELL.match(cell.replace(" ", "")):
            row = [cells[k]]
            k += 1
            while k < len(cells) and len(row) < width and (not cells[k][0] or _number(cells[k][0]) is not None):
                row.append(cells[k])
                k += 1
            lines.append(_Line(row[0][1], [("", row[0][1], row[0][1])] * min(name_cols) + row))
            break
        row = cells[k:k + width]
        lines.append(_Line(row[0][1], list(row)))
        k += width
    return lines


# --- weight-only indicator tables (绩效评价指标表) glued by a scrape -------------------------------------

_WEIGHT_HEADER = regex.compile(rf"^[^\n]*指标[^\n]*{WEIGHT_WORDS}[^\n]*$", regex.M)
_TRAILING_RUN = regex.compile(r"(\d+(?:\.\d+)?)\s*$")
_TOTAL_THEN_NUMBER = regex.compile(r"(?:总分|合计|总计)[\s|]*(\d+(?:\.\d+)?)")


def parse_flow_weights(ctx: Context) -> ScoreTable | None:
    """An indicator table with a weight column and no score column, each row's cells glued and its
    weight at the end of the line ('享受资助人数达到预计值210010' = target 2100 | weight 10): the weight
    of each row is the suffix of its last digit run that makes the weights sum to the stated total."""
    text = ctx.text
    for header in _WEIGHT_HEADER.finditer(text):
        if regex.search(SCORE_WORDS, header[0]):
            continue
        total = _TOTAL_THEN_NUMBER.search(text, header.end(), header.end() + 3000)
        if not total:
            continue
        rows = []
        for line in regex.finditer(r"[^\n]+", text[header.end():total.start()]):
            start = header.end() + line.start()
            run = _TRAILING_RUN.search(line[0])
            if not run:
                continue
            options = _weight_suffixes(run[1])
            if options:
                rows.append((line[0][:run.start()].strip(), start, start + run.start(1), start + run.end(1), options))
        if len(rows) < 2:
            continue
        target = float(total[1])
        paths = _paths([[(w, 0.0) for w in r[4]] for r in rows], target, None)
        if not paths or len({p for p in paths}) != 1:
            continue
        table = ScoreTable(indicators=[])
        for (name, a, ra, rb, _), (w, _) in zip(rows, paths[0]):
            table.indicators.append(Indicator(level=1, name=name[:40] or None, weight=w))
            table.spans.append({"name": (a, a + len(name[:40])), "weight": (ra, rb)})
        table.total_weight = Found(target, total.start(1), total.end(1))
        return table
    return None


def _weight_suffixes(run: str) -> list[float]:
    out = []
    for i in range(len(run)):
        head, tail = run[:i], run[i:]
        if (not head or is_number_form(head, 4)) and is_number_form(tail) and is_weight(float(tail)):
            out.append(float(tail))
    return out
