"""Normalise stage: one text to match keywords against, with a map back to the raw text.

Steps, in order (each keeps, for every output character, the offset of the raw character it
came from, so every extracted value can quote the raw text it was read from):

1. NFKC: full-width digits and punctuation become ASCII.
2. OpenCC traditional → simplified.
3. Pinyin glosses that some mirror sites print after each character (績(jì)效) removed.
4. Document-site page chunks ("\n2、員會啟動…", which split words and even numbers) joined.
5. Site furniture lines (download notices, copyright, comment boxes) dropped; a preview marker
   ("免费预览已结束，剩余2页可下载查看") recorded as truncation.
6. Line-wrap spaces next to Chinese characters removed (digits keep their spaces: "5 5" is two cells;
   a run of spaces is a column gap and stays).
7. OCR/scrape confusions of DOMAIN.md §4.3 repaired where the context proves them.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

import opencc
import regex

from .document import Box, Document, Grid
from .load.layout import FRAMED_PAGE_NUMBER

HAN = r"\p{Han}"
CJK_PUNCT = "。、“”‘’《》【】〔〕〈〉…—"


@lru_cache(maxsize=1)
def _t2s():
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    return opencc.OpenCC("s2t")


@dataclass
class Repair:
    """A confusion repaired during normalising: what the text said and what it now says."""

    offset: int  # in the normalised text
    raw: str
    fixed: str
    rule: str


@dataclass
class NormalisedText:
    """The normalised text, and for every character the raw offset it came from."""

    text: str
    raw: str
    index: list[int]
    script: str
    truncated_marker: str | None = None
    remaining_pages: int | None = None
    captions: list[str] = field(default_factory=list)  # "X_第1页" image captions of document sites
    repairs: list[Repair] = field(default_factory=list)
    dropped_lines: list[str] = field(default_factory=list)
    boxes: list[tuple[int, int, int, Box]] = field(default_factory=list)  # raw start, raw end, page, box
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # raw start, raw end, 'Sheet!C7' (workbooks)
    grids: list[Grid] = field(default_factory=list)  # the tables the backend handed over as cells, offsets in `text`
    # where a paragraph ended on a blank line that normalising took out (the line break left there), in `text`
    paragraph_ends: list[int] = field(default_factory=list)
    # a full stop between two figures left as it is ('27285。3万元支持…'): a sentence's end, or a decimal point an OCR
    # misread; the figures about it are not sure (each with the characters about it, and where it stands in the raw
    # text: {'text', 'chars'})
    full_stops_between_figures: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.boxes.sort(key=lambda b: b[0])
        self._box_starts = [b[0] for b in self.boxes]  # for bisecting a raw offset to its boxes
        self.cells.sort(key=lambda c: c[0])
        self._cell_starts = [c[0] for c in self.cells]
        self._grid_cells = sorted(((c.start, c.end, g, c) for g in self.grids for c in g.cells if c.end > c.start),
                                  key=lambda x: x[0])
        self._grid_starts = [x[0] for x in self._grid_cells]

    def bbox_of(self, start: int, end: int) -> tuple[list[float] | None, float | None]:
        """The box around normalised text[start:end] (union of the boxes it overlaps, on its first page)
        and the lowest OCR confidence among them; (None, None) where the input has no geometry."""
        if not self.boxes or start >= end or start >= len(self.index):
            return None, None
        a = self.index[start]
        b = self.index[min(end, len(self.index)) - 1] + 1
        i = bisect.bisect_right(self._box_starts, a) - 1
        i = max(i, 0)
        hits = []
        while i < len(self.boxes) and self.boxes[i][0] < b:
            s, e, page, box = self.boxes[i]
            if e > a:
                hits.append((page, box))
            i += 1
        if not hits:
            return None, None
        page = hits[0][0]
        same = [box for p, box in hits if p == page]
        bbox = [round(min(x.bbox[0] for x in same), 2), round(min(x.bbox[1] for x in same), 2),
                round(max(x.bbox[2] for x in same), 2), round(max(x.bbox[3] for x in same), 2)]
        confs = [x.confidence for x in same if x.confidence is not None]
        return bbox, (min(confs) if confs else None)

    def cell_of(self, start: int, end: int) -> str | None:
        """The workbook cell ('Sheet!C7') normalised text[start:end] was read from, or the range of cells it
        spans ('Sheet!A6:G6': a whole row cited)."""
        offsets = self.raw_offsets(start, end) if self.cells else None
        if offsets is None:
            return None
        a, b = offsets
        i = max(0, bisect.bisect_right(self._cell_starts, a) - 1)
        hit = []
        while i < len(self.cells) and self.cells[i][0] < b:
            s, e, ref = self.cells[i]
            if e > a:
                hit.append(ref)
            i += 1
        if len(hit) <= 1:
            return hit[0] if hit else None
        return f"{hit[0]}:{hit[-1].split('!', 1)[1]}"

    def grid_cell_of(self, start: int, end: int) -> dict | None:
        """The table cell normalised text[start:end] lies in, where the backend handed its table over as a
        grid: {"table", "page", "row", "column"} (1-based, as a person counts them), with the merged cell's
        "rowspan"/"colspan" and, for a position a merged cell covers, the merged cell's row and column."""
        i = bisect.bisect_right(self._grid_starts, start) - 1
        while i >= 0 and self._grid_cells[i][0] <= start:
            a, b, grid, cell = self._grid_cells[i]
            if a <= start and end <= b:
                out = {"table": grid.table, "page": grid.page, "row": cell.row + 1, "column": cell.col + 1}
                if cell.rowspan > 1 or cell.colspan > 1:
                    out.update(rowspan=cell.rowspan, colspan=cell.colspan)
                if cell.copy_of is not None:
                    out["merged_from"] = {"row": cell.copy_of[0] + 1, "column": cell.copy_of[1] + 1}
                return out
            i -= 1
        return None

    def spaces_removed(self, start: int, end: int) -> list[int]:
        """Where, inside normalised text[start:end], normalising removed the raw text's spaces between two
        words (a wrap, or in a scrape that ran a table into one line, the only trace of a cell boundary)."""
        out = []
        for p in range(max(start + 1, 1), min(end, len(self.index))):
            a, b = self.index[p - 1] + 1, self.index[p]
            if b > a and not self.raw[a:b].strip(" \t\u3000\u00a0") and "\n" not in self.raw[a:b]:
                out.append(p)
        return out

    def part(self, start: int, end: int, last: bool) -> NormalisedText:
        """The text of one report of a file holding several; offsets still lead to the raw text."""
        return NormalisedText(text=self.text[start:end], raw=self.raw, index=self.index[start:end], script=self.script,
                              truncated_marker=self.truncated_marker if last else None,
                              remaining_pages=self.remaining_pages if last else None, captions=self.captions,
                              repairs=[r for r in self.repairs if start <= r.offset < end], dropped_lines=self.dropped_lines,
                              boxes=self.boxes, cells=self.cells, grids=_grids_within(self.grids, start, end),
                              paragraph_ends=[p - start for p in self.paragraph_ends if start <= p < end],
                              full_stops_between_figures=self.full_stops_between_figures)


    def raw_offsets(self, start: int, end: int) -> tuple[int, int] | None:
        """Where normalised text[start:end] lies in the raw text: [a, b) character offsets."""
        if start >= end or start >= len(self.index):
            return None
        return self.index[start], self.index[min(end, len(self.index)) - 1] + 1

    def raw_span(self, start: int, end: int) -> str:
        """The raw text behind normalised text[start:end]."""
        offsets = self.raw_offsets(start, end)
        return self.raw[offsets[0]:offsets[1]] if offsets else ""

    def page_at(self, pos: int) -> int:
        if not self.index:
            return 1
        raw_pos = self.index[min(max(pos, 0), len(self.index) - 1)]
        return self.raw.count("\f", 0, raw_pos) + 1

    def __str__(self) -> str:
        return f"NormalisedText({len(self.text)} chars, script={self.script}, truncated={self.truncated_marker!r})"


class _Buffer:
    """Text being rewritten, with the raw offset of each character."""

    def __init__(self, text: str, index: list[int]):
        self.text, self.index = text, index

    def sub(self, pattern, repl) -> list[tuple[int, str, str]]:
        """regex.sub that keeps the offset map; returns (new offset, old, new) of each change."""
        out_text, out_index, changes = [], [], []
        last = 0
        for m in regex.finditer(pattern, self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new == m[0]:
                continue
            out_text.append(self.text[last:m.start()])
            out_index.extend(self.index[last:m.start()])
            pos = len(out_index)  # one raw offset per character written: the running length of the new text
            src = self.index[m.start():m.end()] or [self.index[m.start() - 1] if m.start() else 0]
            if len(new) == len(src):
                mapped = src
            else:  # spread the new characters over the replaced raw span
                mapped = [src[min(i * len(src) // max(len(new), 1), len(src) - 1)] for i in range(len(new))]
            out_text.append(new)
            out_index.extend(mapped)
            changes.append((pos, m[0], new))
            last = m.end()
        if not changes:
            return []
        out_text.append(self.text[last:])
        out_index.extend(self.index[last:])
        self.text, self.index = "".join(out_text), out_index
        return changes

    def delete(self, spans: list[tuple[int, int]]) -> None:
        """Remove text[a:b] for each of the (sorted, disjoint) spans; every other character keeps its raw offset."""
        keep, last = [], 0
        for a, b in sorted(spans):
            keep.append((last, a))
            last = b
        keep.append((last, len(self.text)))
        self.text = "".join(self.text[a:b] for a, b in keep)
        self.index = [i for a, b in keep for i in self.index[a:b]]


def _nfkc(raw: str) -> _Buffer:
    chars, index = [], []
    for i, ch in enumerate(raw):
        if ch.isascii() or ch == "\f":
            chars.append(ch)
            index.append(i)
            continue
        norm = unicodedata.normalize("NFKC", ch)
        if ch == "\u3000" or norm.isspace():
            norm = " "
        chars.append(norm)
        index.extend([i] * len(norm))
    return _Buffer("".join(chars), index)


def _to_simplified(buf: _Buffer) -> None:
    conv = _t2s()
    out, pos = [], 0
    for line in buf.text.split("\n"):
        simple = conv.convert(line)
        if len(simple) != len(line):  # a phrase conversion changed the length: fall back per character
            simple = "".join(conv.convert(ch) if len(conv.convert(ch)) == 1 else ch for ch in line)
        out.append(simple)
        pos += len(line) + 1
    buf.text = "\n".join(out)


def detect_script(text: str) -> str:
    """'traditional', 'simplified' or 'mixed', from the characters that differ between the two."""
    t2s, s2t = _t2s(), _s2t()
    trad = simp = 0
    for ch, n in _han_counts(text).items():
        if t2s.convert(ch) != ch:
            trad += n
        elif s2t.convert(ch) != ch:
            simp += n
    if trad + simp == 0:
        return "simplified"
    share = trad / (trad + simp)
    if share >= 0.7:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"


def _han_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in regex.findall(HAN, text):
        counts[ch] = counts.get(ch, 0) + 1
    return counts


# --- document-site furniture ---------------------------------------------------------------

_PREVIEW_END = regex.compile(r"(?:免费预览已结束|预览已结束|剩余\s*(\d+)\s*页(?:未读|可下载查看|,?继续阅读)|"
                             r"试读已结束|还剩\s*(\d+)\s*页未读|阅读已结束)")
# a site's disclaimer ('本站仅提供存储服务', '本站不保证…'); '本站' alone is a station's word
_SITE_DISCLAIMER = (r"本站(?:所有(?:内容|资源|文档|文章|资料)|仅提供|不(?:保证|承担)|声明|资源|文档|内容均)|"
                    r"(?:文库|文档)网?(?:所有资源|版权所有|仅提供)|ICP备\d+号|版权所有")
_FURNITURE_LINES = [regex.compile(p) for p in (
    r"^\s*下载本文档\s*$", r"^\s*版权说明[::]", r"^\s*文档简介\s*$", r"^\s*温馨提示\s*$", r"^\s*评论\s*$",
    r"^\s*\d+/\d+\s*$", r"^\s*提交评论\s*$", r"^\s*[•·]?\s*\d+\.\s*(?:" + _SITE_DISCLAIMER + ")", r"^\s*[•·]?\s*\d+\.\s*(?:未经权益|下载文件)", _SITE_DISCLAIMER, r"网仅提供(?:信息)?存储",
    r"由会员分享,?可在线阅读", r"请在.{1,12}上搜索", r"^\s*欢迎(?:来到|访问)\p{Han}{1,12}?(?:网站|门户网站?)", r"^\s*您(?:现在)?的位置[::]",
    r"^\s*【字体", r"^\s*字体[::]", r"^\s*编辑[::]", r"^\s*我要投稿", r"^\s*(?:上一篇|下一篇|相关文章|分享到|打印本页|关闭窗口)",
    r"^\s*\[?\s*(?:打印|关闭)\s*\]?\s*$", r"^\s*(?:扫一扫|手机版|网站地图|联系我们)",
    r"整理的.{2,40}(?:精选|通用)\d+篇", r"^\s*.{0,40}_第\s*\d+\s*页\s*$",
)] + [FRAMED_PAGE_NUMBER]
_CAPTION = regex.compile(r"^\s*(.{2,80}?)_第\s*\d+\s*页\s*$")


# A site's furniture stands on a line of its own, and goes with its line. A line longer than any furniture is a
# document a site or a copy ran into one line, furniture and all ('《…》由会员分享,可在线阅读,…请在优知文库上搜索。
# 1、银川市…自评表…'): there only the furniture's own words go (and the line, where they are most of it).
_FURNITURE_LINE_MAX = 200
# a line of its own, ended by a line break or by the page's end (a page foot stands right before the form feed)
_LINE_OR_PAGE_END = regex.compile(r"(?m)(?:^|(?<=\f))[^\n\f]*(?=$|\f)")
_LINE = regex.compile(r"[^\n\f]*")  # (its text, wherever it stands: every run between breaks)
# what only a site writes, wherever it stands: its sharing notice and the search it sends to, a collection's promise,
# its disclaimer, its greeting, its breadcrumb ('本站' alone is a station's word, '欢迎来到美丽清水' a slogan's)
_FURNITURE_IN_A_RUN = [regex.compile(p) for p in (
    r"由会员分享,?可在线阅读(?:,?更多相关《[^《》\n]{1,80}》)?", r"请在[^,。\s]{1,12}上搜索。?",
    r"整理的.{2,40}(?:精选|通用)\d+篇", _SITE_DISCLAIMER + r"(?:[^。!?\n]{0,80}[。!?])?",
    r"欢迎(?:来到|访问)\p{Han}{1,12}?(?:网站|门户网站?)[!!]?",
    r"您(?:现在)?(?:所在)?的位置\s*[::]\s*(?:[^\s>]{1,20}\s*>\s*)*[^\s>]{1,30}",
)]
# a site's footer links, three of which after a notice make the rest of the line the footer
_SITE_NAVIGATION = regex.compile(r"关于我们|网站声明|网站地图|资源地图|友情链接|网站客服|联系我们|版权所有|copyright|ICP备", regex.I)
_FOOTER_WORDS = 3
_MONEY = regex.compile(r"\d(?:[\d,.]*\d)?\s*(?:万元|亿元|元|%)")
# the subject a sharing notice opens with: the document's name in 《》, '本文档'
_FURNITURE_SUBJECT = regex.compile(r"(?:《[^《》\n]{1,60}》|本文档|本文)$")


def _drop_furniture(buf: _Buffer, result: dict) -> None:
    def furniture(text: str) -> bool:
        marker = _preview_end(text, text.strip(), result)
        if marker or any(p.search(text) for p in _FURNITURE_LINES):
            result["dropped"].append(text)
            return True
        return False

    def line(m):
        text = m[0]
        if len(text) > _FURNITURE_LINE_MAX:
            return text
        cap = _CAPTION.match(text)
        if cap:
            result["captions"].append(cap[1].strip())
        return "" if furniture(text) else text

    buf.sub(_LINE_OR_PAGE_END, line)
    spans = []
    for m in _LINE.finditer(buf.text):
        if len(m[0]) > _FURNITURE_LINE_MAX:
            spans.extend(_furniture_in_a_run(m[0], m.start(), result))
    if spans:
        buf.delete(spans)


def _preview_end(text: str, said: str, result: dict) -> bool:
    """Whether `text` says the preview ends (recorded as `said`, with the pages it says remain)."""
    marker = _PREVIEW_END.search(text)
    if marker:
        result.setdefault("marker", said)
        pages = regex.search(r"(?:剩余|还剩)\s*(\d+)\s*页", text)
        if pages:
            result["remaining"] = int(pages[1])
    return marker is not None


def _furniture_in_a_run(text: str, offset: int, result: dict) -> list[tuple[int, int]]:
    """The spans (offset by `offset`) of a long line that are a site's furniture: each notice with the document's
    name it opens with; the whole line where they are most of it (a site's disclaimer block, not a report)."""
    spans: list[tuple[int, int]] = []
    for pattern in _FURNITURE_IN_A_RUN:
        for m in pattern.finditer(text):
            subject = _FURNITURE_SUBJECT.search(text, max(0, m.start() - 64), m.start())
            spans.append((subject.start() if subject else m.start(), m.end()))
    footer = next((a for a, _ in sorted(spans) if len(_SITE_NAVIGATION.findall(text, a)) >= _FOOTER_WORDS
                   and not _MONEY.search(text, a)), None)
    if footer is not None:  # the site's footer: from its first notice on, its links and no figure of the report
        spans.append((footer, len(text)))
    marker = _PREVIEW_END.search(text)
    if marker:  # the preview's end: the text stops there
        _preview_end(marker[0], marker[0], result)
        spans.append(marker.span())
    if not spans:
        return []
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    if sum(b - a for a, b in merged) >= 0.5 * len(text.strip()):
        merged = [[0, len(text)]]
    result["dropped"].extend(text[a:b] for a, b in merged)
    return [(offset + a, offset + b) for a, b in merged]


# a running head: the report's title (or a line) printed again at the top of each page, which a converter writes
# into the text after the page break, inside whatever sentence, list or table the page cut
_RUNNING_HEAD_MIN = 4  # characters: shorter lines at a page's top ('续表', a figure) say too little to be one
_TITLE_LINES = 5  # the opening lines, among which the title stands (after a site's or a form's lines)
_KEYED_LINE = regex.compile(r"\p{Han}[::]")  # a key and its value ('金额单位:万元'): a form's line, never a head


def _drop_running_heads(buf: _Buffer, result: dict) -> None:
    """Drop the lines at the tops of pages (after a form feed, or after a page number's line) that repeat the
    document's first line or another page's top line. The first page's own line stays."""
    lines = [m for m in _LINE.finditer(buf.text) if m[0].strip()]
    if len(lines) < 2:
        return
    # (a table's header repeated at a page's top is the table's, which its readers expect: no running head)
    tops = [line for prev, line in zip(lines, lines[1:])
            if ("\f" in buf.text[prev.end():line.start()] or FRAMED_PAGE_NUMBER.match(prev[0]))
            and len(line[0].strip()) >= _RUNNING_HEAD_MIN and "|" not in line[0] and "\t" not in line[0]
            # (a key and its value, '金额单位:万元', '填报单位:某局', is the page's own form line, however often it repeats)
            and not _KEYED_LINE.search(line[0])]
    if not tops:
        return
    opening = lines[:_TITLE_LINES]
    others = [t[0].strip() for t in tops]
    # (the running head may be the title cut short: a line of the opening starts with it)
    # (a top after a form feed is on a later page, however few lines the pages were unwrapped into; one after a page
    # number's line alone is a later page's only past the opening, where the title itself may follow a number)
    opening_end = lines[min(_TITLE_LINES, len(lines)) - 1].end()
    heads = {t.span() for t in tops if (t.start() > opening_end or "\f" in buf.text[:t.start()])
             and (any(o.start() < t.start() and o[0].strip().startswith(t[0].strip()) for o in opening)
                  or others.count(t[0].strip()) >= 2)}
    if heads:
        result["dropped"].extend(buf.text[a:b] for a, b in sorted(heads))
        buf.delete(sorted(heads))


def _join_site_chunks(buf: _Buffer) -> None:
    """Join '1、…\\n\\n2、…' page chunks of document sites (they cut words and numbers in two).

    A numbered list in a report has short items that each end a sentence; site chunks are long
    and most of them stop mid-sentence, so both conditions are required.
    """
    marks = list(regex.finditer(r"(?m)^[ \t]*(\d{1,3})、", buf.text))
    seq, expect = [], 1
    for m in marks:
        if int(m[1]) == expect:
            seq.append(m)
            expect += 1
    if len(seq) < 2:
        return
    lengths = [b.start() - a.end() for a, b in zip(seq, seq[1:])]
    mid_sentence = sum(1 for b in seq[1:] if buf.text[:b.start()].rstrip()[-1:] not in "。!?;:”\"")
    if sorted(lengths)[len(lengths) // 2] < 150 or mid_sentence * 2 < len(seq) - 1:
        return
    first, later = seq[0].start(), {m.start() for m in seq[1:]}
    # The first marker only goes; later ones take the line break before them too.
    buf.sub(regex.compile(r"\n*(?m:^)[ \t]*\d{1,3}、"),
            lambda m: "" if m.end() - len(m[0].lstrip("\n")) in later
            else m[0][:len(m[0]) - len(m[0].lstrip("\n"))] if m.end() - len(m[0].lstrip("\n")) == first
            else m[0])


_PAGE_JOIN = regex.compile(
    r"(?<=(?:^|\n)[^\n|\f]{25,}[^\s。!?;:|])\n?\f\n?"
    r"(?![\s|\f]|[((]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]\D)(?=[^\n|\f]*(?:\n|\f|$))")


def _join_page_breaks(buf: _Buffer) -> None:
    """A sentence that runs over a page break continues on the next page: the break goes. The raw
    text keeps its form feed, so page numbers of provenance stay right. Any other page break ends a line
    and opens one: the first line of a page is a line's start for every reader that looks for one (a form's
    cell at the top of page 2, '投资总额' over '392万元', is as much a cell as one further down)."""
    buf.sub(_PAGE_JOIN, "")
    def own_lines(m: regex.Match) -> str:
        before = m.start() > 0 and buf.text[m.start() - 1] != "\n"
        after = m.end() < len(buf.text) and buf.text[m.end()] != "\n"
        return ("\n" if before else "") + "\f" + ("\n" if after else "")
    buf.sub(regex.compile(r"\f"), own_lines)


def _remove_wrap_spaces(buf: _Buffer) -> None:
    side = rf"[{HAN}{CJK_PUNCT}]"
    # one space is a wrap; a run of them between words is a column gap of a text layout ('决策    立项依据'),
    # kept for the table reader (it reads runs of two or more spaces as cell separators)
    buf.sub(regex.compile(rf"(?<={side})[ \t](?=[^\s])|(?<=[^\s])[ \t](?={side})"), "")
    buf.sub(regex.compile(r"(?<=[\p{Han}])[ \t]*([+])[ \t]*(?=[\p{Han}\d])"), r"\1")


# --- confusions (DOMAIN.md §4.3) -------------------------------------------------------------

_CONFUSABLE = {"量": "魚鱼", "绩": "续", "拨": "拔", "预": "顶", "率": "亭", "项": "顷", "已": "己巳", "并": "弁"}
_TERMS = ["质量达标率", "产出质量", "质量指标", "绩效评价", "绩效目标", "绩效指标", "绩效自评", "预算执行", "执行率",
          # the frameworks' row names (部门整体: 完成数量 / 完成质量 / …; 项目绩效, 部门绩效 as a category)
          "完成质量", "质量合格", "项目绩效", "部门绩效", "整体绩效", "绩效等级",
          "拨付", "项目支出", "项目名称", "达标率", "完成率", "预算数", "已完成", "已支付", "并签订", "并出具",
          # the words themselves where their confused forms are no words ('顶算', '顷目'); not 绩效 (可持续效益) nor
          # 质量 (优质鱼苗)
          "预算", "项目"]
# A confused form that is the end of a real word with the character before it: left as it is there ('自己完成',
# '公顷目标', '30顷目前', '屋顶算起')
_REAL_WORD_BEFORE = {"己完成": "自", "己支付": "自", "顷目": "公\\d", "顶算": "屋"}


@lru_cache(maxsize=1)
def _term_variants() -> dict[str, str]:
    variants = {}
    for term in _TERMS:
        for i, ch in enumerate(term):
            for wrong in _CONFUSABLE.get(ch, ""):
                variants[term[:i] + wrong + term[i + 1:]] = term
    return variants


_NUMERALS = "一二三四五六七八九十"
_NUMERAL_LOOKALIKE = {"四": "L", "二": "=", "十": "+"}


def _repair_confusions(buf: _Buffer) -> list[Repair]:
    variants = _term_variants()
    pattern = regex.compile("|".join(
        (f"(?<![{_REAL_WORD_BEFORE[v]}])" if v in _REAL_WORD_BEFORE else "") + regex.escape(v)
        for v in sorted(variants, key=len, reverse=True)))
    repairs = [Repair(pos, old, new, "term") for pos, old, new in buf.sub(pattern, lambda m: variants[m[0]])]
    repairs += _repair_heading_numbers(buf)
    repairs += [Repair(pos, old, new, "percent-digits") for pos, old, new in
                buf.sub(_PERCENT_LOOKALIKES, lambda m: m[0].translate(_DIGIT_OF_LETTER))]
    repairs += [Repair(pos, old, new, "figure-letters") for pos, old, new in
                buf.sub(_FIGURE_LOOKALIKES, _figure_letters(buf))]
    repairs += [Repair(pos, old, new, "unit") for pos, old, new in
                buf.sub(_UNIT_LOOKALIKES, lambda m: _UNIT_OF_LOOKALIKE[m[0]])]
    return repairs


# A money unit an OCR read with a look-alike (DOMAIN.md §4.3: 元/无/兀, 万/方/力, 亿/忆/化), right after its
# figure or in a header's brackets, where the confused form is no word ('630.2万兀', '429.36方元', '(方元)'). '万无'
# stays where a word goes on from it ('100万无偿援助'), and is 万元 where none does ('15万无,', '15万无 |'); a 元 that
# opens 元旦 stays too ('3000方元旦前完成').
_UNIT_OF_LOOKALIKE = {"万兀": "万元", "方元": "万元", "力元": "万元", "方兀": "万元",
                      "亿兀": "亿元", "忆元": "亿元", "化元": "亿元", "忆兀": "亿元", "兀": "元", "万无": "万元", "亿无": "亿元"}
_UNIT_LOOKALIKE = "(?:" + "|".join(sorted(_UNIT_OF_LOOKALIKE, key=len, reverse=True)) + r")(?<!无(?=\p{Han}))"
# after its figure, or alone in the brackets of a money word's header or of a cell of its own ('项目资金(方元)',
# '预算执行情况(万兀)', '| (方元) |'; not '项目负责人(方元)', a name)
_MONEY_HEAD = r"(?:资金|预算|预算数|金额|投资|支出|支出数|执行数|收入|经费|合计|总计|额|情况|申请|^|\n|\|)"
_UNIT_LOOKALIKES = regex.compile(rf"(?<=\d){_UNIT_LOOKALIKE}(?!旦)|(?<={_MONEY_HEAD}\s*[((]){_UNIT_LOOKALIKE}(?=[))])")
# A percent whose digits an OCR read as letters ('完成全年预算数的IO0%'): O for 0, I and l for 1. Only a run of
# digits and those letters, one digit at least, standing apart from Latin words, before its percent sign.
_PERCENT_LOOKALIKES = regex.compile(r"(?<![A-Za-z\d.])(?=[OIl\d.]*\d)(?=[\d.]*[OIl])[OIl\d]{2,3}(?:\.[OIl\d]{1,2})?(?=\s*%)")
_DIGIT_OF_LETTER = str.maketrans("OoIlSBZb", "00115826")
# Inside a figure, a digit an OCR read as its look-alike letter (DOMAIN.md §4.3: 0/O, 1/l/I; not 丨, which is as often
# a table's rule read between two cells, '100丨98'): letters with a digit
# before them and a digit, or the figure's unit, after ('34O00.00元', '14059.1l万元', '2O23年'). A Latin word, code or
# formula opens on a letter ('CO2', 'A1O', 'H2O2', 'Fe2O3') and is no figure. The other shapes of §4.3 (5/S, 8/B, 2/Z,
# 6/b) only between two digits ('1S0.00万元'): after a figure alone they are a word's ('4S店', '5G', '2B铅笔').
_FIGURE_LOOKALIKES = regex.compile(r"(?<![AC-HJ-NP-RT-Yac-km-np-z][\dOoIlSBZb.,]*)(?<=\d[.,]?)"
                                   r"(?:[OoIl]+(?=[.,]?\d|[万亿]|元|%)|[OoIlSBZb]+(?=[.,]?\d))")
# a table's rule read as l or I between two figures with decimals ('50.00l45.00'): two cells, not one figure
_DECIMAL_BEFORE = regex.compile(r"\.\d+$")
_DECIMAL_AFTER = regex.compile(r"\d+\.\d")


def _figure_letters(buf: _Buffer):
    def repl(m: regex.Match) -> str:
        rule = regex.search(r"[Il]", m[0]) and _DECIMAL_BEFORE.search(buf.text, max(0, m.start() - 12), m.start()) \
            and _DECIMAL_AFTER.match(buf.text, m.end())
        return m[0] if rule else m[0].translate(_DIGIT_OF_LETTER)
    return repl


def _repair_heading_numbers(buf: _Buffer) -> list[Repair]:
    """A heading number read as a letter: '三、… 66L财务 … 五、' → the missing '四、'."""
    heads = [(m.start(), _NUMERALS.index(m[1]) + 1) for m in regex.finditer(rf"(?<![{_NUMERALS}])([{_NUMERALS[:9]}])、", buf.text)]
    repairs = []
    for (start, n), (end, m) in zip(heads, heads[1:]):
        if m != n + 2:
            continue
        missing = _NUMERALS[n]  # n is 1-based, so this is numeral n+1
        look = _NUMERAL_LOOKALIKE.get(missing)
        if not look:
            continue
        seg = buf.text[start:end]
        hits = [h for h in regex.finditer(rf"(?<=[\d。)\s]){regex.escape(look)}(?=\p{{Han}})", seg)]
        if len(hits) == 1:
            pos = start + hits[0].start()
            buf.text = buf.text[:pos] + missing + "、" + buf.text[pos + 1:]
            buf.index = buf.index[:pos] + [buf.index[pos]] * 2 + buf.index[pos + 1:]
            repairs.append(Repair(pos, look, missing + "、", "heading-number"))
    return repairs


_PINYIN = regex.compile(r"(?<=\p{Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def normalise(doc: Document) -> NormalisedText:
    raw = doc.text
    buf = _nfkc(raw)
    _to_simplified(buf)
    buf.sub(_PINYIN, "")
    _join_site_chunks(buf)
    found: dict = {"dropped": [], "captions": []}
    _drop_running_heads(buf, found)
    _drop_furniture(buf, found)
    _remove_wrap_spaces(buf)
    _join_page_breaks(buf)
    blank_lines = _one_break_between_paragraphs(buf)
    repairs = _repair_confusions(buf)
    kept = "".join(raw[i] for i in sorted(set(buf.index)) if i < len(raw))
    return NormalisedText(
        text=buf.text, raw=raw, index=buf.index, script=detect_script(kept),
        truncated_marker=found.get("marker"), remaining_pages=found.get("remaining"),
        captions=found["captions"], repairs=repairs, dropped_lines=found["dropped"],
        boxes=doc.boxes(), cells=doc.cells(), grids=_grids_in(doc.grids(), buf.index),
        paragraph_ends=[bisect.bisect_left(buf.index, r) for r in blank_lines],
        full_stops_between_figures=[{"text": m[0], "chars": [buf.index[m.start()], buf.index[m.end() - 1] + 1]}
                                    for m in _FULL_STOP_BETWEEN_FIGURES.finditer(buf.text)])


# A full stop between two figures: a decimal point an OCR may have read so (DOMAIN.md §4.3: '97。22'), or a sentence
# that ends on a figure before one that opens on one ('…完成100。20万元用于…'). Which, the text does not say, so it
# is left as printed and recorded; the checks on figures cited beside it need a look. Not where the figure after it
# is a year ('…1200。2023年…') or the one before it a telephone's ('0838-7211924。'): no decimal reads so.
_FULL_STOP_BETWEEN_FIGURES = regex.compile(
    r"(?<![\d-][\d.,]{0,12})(?<!-)[\d.,]{1,12}。(?!(?:19|20)\d\d\s*(?:年|-|—|至))\d[\d.,]{0,12}[^\s\d]{0,3}")


# a blank line between paragraphs (spaces on it or not), and any run of them
_BLANK_LINES = regex.compile(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)*")


def _one_break_between_paragraphs(buf: _Buffer) -> list[int]:
    """HTML, Word and some sites give a blank line between paragraphs where a text gives a line break: one line
    break is left, so that a list whose items stand in paragraphs of their own reads as it does in a text. What
    the blank line said is kept: the raw offsets of the line breaks that ended a paragraph so (a numbered item's
    paragraph ends there, not at the next heading)."""
    return [buf.index[pos] for pos, _, _ in buf.sub(_BLANK_LINES, "\n")]


def _grids_in(grids: list[Grid], index: list[int]) -> list[Grid]:
    """The backend's grids with offsets in the normalised text: a cell spans the normalised characters
    that came from its raw ones (none where normalising dropped them)."""
    def at(raw: int) -> int:
        return bisect.bisect_left(index, raw)
    return [Grid(g.table, [replace(c, start=at(c.start), end=max(at(c.start), at(c.end))) for c in g.cells], g.page)
            for g in grids]


def _grids_within(grids: list[Grid], start: int, end: int) -> list[Grid]:
    """The grids of normalised text[start:end] (one report of a file holding several), offsets in it."""
    out = []
    for g in grids:
        cells = [c.shifted(-start) for c in g.cells if start <= c.start and c.end <= end]
        if cells:
            out.append(Grid(g.table, cells, g.page))
    return out


def normalise_string(text: str) -> str:
    """Normalise a bare string (a value typed into a record by hand, a search key)."""
    from .document import Page
    return normalise(Document("<string>", "", "text", [Page(1, text)])).text
