"""Damage real documents carry, each named and applied to a report's text on its own.

The dev reports are text as document sites serve it. The same reports reach users through other hands:
copied out of a PDF line by line, converted to traditional script, typed with full-width figures, scraped
with a table's cells run together by spaces or broken one per line, worded by another office. Each function here
makes one of those copies; tests/test_named_damage.py reads every dev report through each and measures what is lost.
What a damage changes is the text's form, or a word for another of the same meaning, never a figure's value, so a
reading that holds reads the same record.
"""
from __future__ import annotations

import random
import unicodedata

import opencc
import regex

from pipeline.load.layout import UNBROKEN

# the width a PDF's text is copied at: an A4 page's body of 10.5-point type, 38 Chinese characters
PDF_LINE_COLUMNS = 76
# how much text a PDF page holds before its foot (its number) and the next page
PDF_PAGE_CHARACTERS = 1600
# a run that never breaks across lines (a number, a Latin word), or one character
_UNBROKEN = regex.compile(rf"{UNBROKEN}+|.")
_TABLE_ROW = " | "
# the most columns a table is given when the text is printed or saved as a page (a scrape may run a whole form into
# one row of thirty cells)
PRINTED_COLUMNS = 12


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def hard_wrapped(text: str, width: int = PDF_LINE_COLUMNS) -> str:
    """Each prose line broken at `width` columns (a Chinese character two, a Latin one), as a PDF's text
    comes out of pdftotext or a viewer's copy; numbers and Latin words are carried whole to the next line.
    A converter's table rows (cells between bars) are no page lines and stay as they are."""
    out = []
    for line in text.split("\n"):
        if _TABLE_ROW in line:
            out.append(line)
            continue
        current, used = "", 0
        for token in _UNBROKEN.findall(line):
            need = _columns(token)
            if used + need > width and current:
                out.append(current)
                current, used = "", 0
            current += token
            used += need
        out.append(current)
    return "\n".join(out)


def _page_breaks(text: str, every: int, page_break) -> str:
    """Hard wrapped, and after every `every` characters, wherever the page ends (inside a sentence, a list or a
    table), the line `page_break(n)` writes for the end of page n."""
    out, count, page = [], 0, 1
    for line in hard_wrapped(text).split("\n"):
        out.append(line)
        count += len(line)
        if count >= every:
            out.append(page_break(page))
            page, count = page + 1, 0
    return "\n".join(out)


def paged(text: str, every: int = PDF_PAGE_CHARACTERS) -> str:
    """Hard wrapped, and at every page's end its foot ('- 3 -') and a form feed."""
    return _page_breaks(text, every, lambda page: f"- {page} -\f")


def running_heads(text: str, every: int = 600) -> str:
    """Hard wrapped; at every page break the page's foot ('第 1 页 共 9 页'), a form feed, and the report's running
    head at the next page's top: its first line of six characters or more, cut at 30, as a converter writes a PDF's
    page head into the text."""
    head = next((line.strip() for line in text.split("\n") if len(line.strip()) >= 6), "")[:30]
    return _page_breaks(text, every, lambda page: f"第 {page} 页 共 9 页\f{head}")


_S2T = opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _S2T.convert(text)


def full_width(text: str) -> str:
    """ASCII figures, letters and marks typed full-width ('２０２３年', '９５％'); table bars kept."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" and ch != "|" else ch for ch in text)


_HAN = r"\p{Han}"


def spaced_figures(text: str) -> str:
    """A space between a Chinese character and a figure on either side ('2960.00 万元', '2017 年')."""
    text = regex.sub(rf"({_HAN})(\d)", r"\1 \2", text)
    return regex.sub(rf"(\d)({_HAN})", r"\1 \2", text)


def _table_rows(text: str, separator: str) -> str:
    out = []
    for line in text.split("\n"):
        if _TABLE_ROW in line:
            line = separator.join(cell.strip() for cell in line.strip().strip("|").split(_TABLE_ROW))
        out.append(line)
    return "\n".join(out)


def cells_spaced(text: str) -> str:
    """A table's cells run together with one space between them, as a scrape of an HTML table gives."""
    return _table_rows(text, " ")


def cells_on_lines(text: str) -> str:
    """A table's cells one per line, as a converter that writes each cell as a paragraph gives."""
    return _table_rows(text, "\n")


def site_chunks(text: str, every: int = 400) -> str:
    """A document site's chunks: the text cut every `every` characters wherever that falls (inside a word, a
    number, a table row), each chunk on a line of its own opening with its number ('2、'). A text chunked
    so already stays as it is."""
    if regex.search(r"(?m)^\s*1、", text) and regex.search(r"(?m)^\s*2、", text):
        return text
    pieces = [text[i:i + every] for i in range(0, len(text), every)]
    return "\n".join(f"{k + 1}、{piece}" for k, piece in enumerate(pieces))


# DOMAIN.md §4.3: what an OCR reads wrong in words and units, never in a figure
_OCR_MISREADINGS = [("万元", "万兀"), ("万元", "方元"), ("万元", "万无"), ("绩效", "续效"), ("拨付", "拔付"), ("预算", "顶算"),
                    ("执行率", "执行亭"), ("项目", "顷目"), ("质量", "质魚"), ("并", "弁")]
# how often an OCR misreads a confusable word, and the fixed seed that makes the copy the same on every run
OCR_SHARE = 0.3
SEED = 7


def ocr_misread_words(text: str) -> str:
    """Each confusable word or unit read as its look-alike with probability OCR_SHARE."""
    rnd = random.Random(SEED)
    for good, bad in _OCR_MISREADINGS:
        text = regex.sub(good, lambda m, bad=bad: bad if rnd.random() < OCR_SHARE else m[0], text)
    return text


def ocr_decimal_marks(text: str) -> str:
    """A decimal point read as a full stop ('97。22%') with probability OCR_SHARE."""
    rnd = random.Random(SEED)
    return regex.sub(r"(?<=\d)\.(?=\d)", lambda m: "。" if rnd.random() < OCR_SHARE else ".", text)


def ocr_figure_letters(text: str, share: float = 0.15) -> str:
    """A 0 read as O and a 1 as l inside figures, each with probability `share` (DOMAIN.md §4.3)."""
    rnd = random.Random(SEED)

    def misread(m: regex.Match) -> str:
        return "".join({"0": "O", "1": "l"}[ch] if rnd.random() < share else ch for ch in m[0])
    return regex.sub(r"(?<=\d)[01]+(?=\d)|(?<=\d)[01](?=[万元%])", misread, text)


# DOMAIN.md §4.3's other look-alikes of digits (5/S, 8/B, 2/Z, 6/b), inside a figure only: an OCR reads a digit of a
# run as a letter of its shape
_DIGIT_SHAPES = {"5": "S", "8": "B", "2": "Z", "6": "b"}


def ocr_figure_shapes(text: str, share: float = 0.15) -> str:
    """A 5 read as S, an 8 as B, a 2 as Z and a 6 as b between two digits of a figure, each with probability `share`."""
    rnd = random.Random(SEED)
    return regex.sub(r"(?<=\d)[5826](?=[\d.])",
                     lambda m: _DIGIT_SHAPES[m[0]] if rnd.random() < share else m[0], text)


def wrap_spaces_in_words(text: str, share: float = 0.03) -> str:
    """A space inside a word where a line of the source wrapped ('规 范性'), between 3 % of character pairs."""
    rnd = random.Random(SEED)
    return regex.sub(rf"(?<={_HAN})(?={_HAN})", lambda m: " " if rnd.random() < share else "", text)




def blank_lines(text: str) -> str:
    """A blank line between every two lines, as paragraphs come out of a page's HTML or a Word document."""
    return "\n\n".join(text.split("\n"))


def _row_cells(line: str) -> list[str] | None:
    """The cells of a converter's table row (cells between bars, or a cell with its bar after it); None for prose."""
    if _TABLE_ROW in line or line.strip().startswith("|") or line.rstrip().endswith("|"):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _rewrite_rows(text: str, row) -> str:
    """Each of a converter's table rows written by `row`, the other lines as they are."""
    return "\n".join(line if (cells := _row_cells(line)) is None else row(cells) for line in text.split("\n"))


# an amount of four whole digits or more: before its money unit, or alone in a table's cell with its decimals
_AMOUNT = regex.compile(r"(?<![\d.,A-Za-z/〔\[(-])(?P<whole>[1-9]\d{3,})(?P<decimals>\.\d+)?"
                        r"(?=\s*(?:万元|元|亿元|万|亿)|\s*\|(?<=\d\.\d+\s*\|))")


def thousands_separators(text: str) -> str:
    """Amounts printed with thousands separators ('2,456.18万元'), as many offices print them (years, document
    numbers and codes left as they are)."""
    return _AMOUNT.sub(lambda m: f"{int(m['whole']):,}{m['decimals'] or ''}", text)


# DOMAIN.md §4.1: the words offices use for the same funds figures. Each list holds words of one meaning; a
# word is replaced by one of the others (the year's budget never by the initial budget, the amount spent never by
# the amount received). A rate word stands alone or after 预算/资金 (never inside an indicator's own name such as
# 政府采购执行率), and an amount word not after 年初 or 全年 (those have their own lists).
_OTHER_WORDS = [
    (regex.compile(r"全年预算数"), ["调整后预算数", "全年预算金额", "批复预算数"]),
    (regex.compile(r"全年执行数"), ["全年实际支出数", "全年支出数"]),
    (regex.compile(r"预算执行数"), ["预算支出数", "实际支出数"]),
    (regex.compile(r"(?<!年初|全年|调整后?|批复)预算数"), ["预算金额", "批复预算", "预算资金"]),
    (regex.compile(r"(?<!全年|预算|实际)执行数"), ["实际支出", "支出数", "累计支出"]),
    (regex.compile(r"(?<=预算)执行率"), ["执行度", "支出率"]),
    (regex.compile(r"(?<=资金)执行率"), ["使用率", "支出率"]),
    (regex.compile(r"(?<!\p{Han})执行率"), ["支出率"]),
]


def other_words(text: str) -> str:
    """The funds labels of the form and the prose in another office's words ('全年执行数' as '全年实际支出数', '执行率'
    as '支出率'), DOMAIN.md §4.1's synonyms taken in turn."""
    rnd = random.Random(SEED)
    for word, others in _OTHER_WORDS:
        text = word.sub(lambda m, others=others: rnd.choice(others), text)
    return text


# DOMAIN.md §2.2/§2.3 and the published forms: the score table's column words as other forms print them (a weight as
# 权重, 权数 or 标准分, a score as 自评得分, 评价得分 or 自评分, a target as 目标值, an actual as 实际值). A word inside a longer word of
# its own ('总分值', '指标分值', '自评得分', '得分率') stays.
_OTHER_SCORE_WORDS = [
    # ('評價(jià)分值(百分制)': a site's pinyin after a character is no word between it and the next)
    (regex.compile(r"(?<![总标价價](?:\([^()\s]{1,8}\))?)分值(?!说明)"), ["权重", "权数", "标准分"]),
    (regex.compile(r"(?<![自总评核际标价均率])得分(?![率系数说明理由计算方法依据标准])"), ["自评得分", "评价得分", "自评分"]),
    (regex.compile(r"年度指标值"), ["年度目标值", "目标值", "指标值"]),
    (regex.compile(r"实际完成值"), ["实际值", "完成值", "实际完成情况"]),
]


def other_score_words(text: str) -> str:
    """The score table's column words in another form's words ('分值' as '权重', '得分' as '自评得分', '实际完成值' as
    '实际值'), taken in turn."""
    rnd = random.Random(SEED)
    for word, others in _OTHER_SCORE_WORDS:
        text = word.sub(lambda m, others=others: rnd.choice(others), text)
    return text


_CN_DIGITS = "一二三四五六七八九"
# a section's heading number of the first two levels, where a heading opens (a line's start, or after a sentence's end
# where the page was run into one line): '一、', '(一)'; '一、二、三标段' inside a sentence is no heading
_OUTLINE = regex.compile(r"(?:(?<=^|\n|[。;;])[ \t\u3000]*)(?:(?P<top>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十]{1,3}、)|[((](?P<sub>[一二三四五六七八九十]{1,3})[))])")


def _cn_number(word: str) -> int:
    tens, _, units = word.rpartition("十")
    tens_value = _CN_DIGITS.index(tens) + 1 if tens else 1 if "十" in word else 0
    return 10 * tens_value + (_CN_DIGITS.index(units) + 1 if units else 0)


def outline_decimal(text: str) -> str:
    """The report's sections numbered as a third party's report numbers them ('1 基本情况', '1.2 项目资金'), in
    place of '一、' and '(一)', the outline being the same."""
    top = 0

    def renumber(m: regex.Match) -> str:
        nonlocal top
        if m["top"]:
            top = _cn_number(m["top"])
            return m[0][:m.start("top") - m.start()] + f"{top} "
        return m[0][:m.start("sub") - 1 - m.start()] + f"{max(top, 1)}.{_cn_number(m['sub'])} "
    return _OUTLINE.sub(renumber, text)


# The form's own keys for who and what as other forms print them: the department above (主管部门 as 主管单位 or 预算部门),
# the unit that spent the funds (实施单位 as 项目实施单位 or 资金使用单位).
_OTHER_FORM_KEYS = [
    (regex.compile(r"主管部门"), ["主管单位", "预算部门"]),
    (regex.compile(r"(?<!项目)实施单位"), ["项目实施单位", "资金使用单位"]),
]


def other_form_keys(text: str) -> str:
    """The form's keys for the department, the spending unit and the project in another form's words ('主管部门' as
    '主管单位', '实施单位' as '资金使用单位'), taken in turn."""
    rnd = random.Random(SEED)
    for word, others in _OTHER_FORM_KEYS:
        text = word.sub(lambda m, others=others: rnd.choice(others), text)
    return text


# the words that state the report's total score, as reports and forms print them (DOMAIN.md §4.1: '得分89.70',
# '自评分为89.7分'; the dev reports' 自评得分, 综合评分, 自评总分, 总体得分, 评价得分, 最终得分, 自评分数), where a score follows
_TOTAL_SCORE_WORDS = ["自评得分", "综合评分", "自评总分", "总体得分", "评价得分", "最终得分", "自评分数", "综合得分", "评价总分"]
_TOTAL_SCORE_KEY = regex.compile(rf"(?:{'|'.join(_TOTAL_SCORE_WORDS)})(?=\s*(?:\(分\))?\s*(?:为|是|[::])?\s*\d)")


def other_total_words(text: str) -> str:
    """The key of the report's total score in another report's words ('综合评分为97分' as '最终得分为97分'), taken in
    turn among those the dev reports print."""
    rnd = random.Random(SEED)
    return _TOTAL_SCORE_KEY.sub(lambda m: rnd.choice([w for w in _TOTAL_SCORE_WORDS if w != m[0]]), text)


# the key of the report's grade and the grade's word, as other reports print them: 等级 as 等次, 评价结果 or 评价等级,
# and a grade in its long or short word (优 as 优秀, 良好 as 良: the same grade, DOMAIN.md §1.2)
_GRADE_KEY = regex.compile(r"(?<![评绩])(?:等级|结果)(?=为[“\"]?(?:优秀|良好|优|良|中|差|合格|不合格)(?![\p{Han}]))")
_GRADE_AFTER_KEY = regex.compile(r"(?<=(?:等级|等次|结果)为[“\"]?)(?:优秀|良好|优|良)(?=[”\"]?(?![\p{Han}]))")
_OTHER_GRADE = {"优": "优秀", "优秀": "优", "良": "良好", "良好": "良"}


def other_grade_words(text: str) -> str:
    """The report's grade stated under another key and in its other word ('等级为“良”' as '评价等次为“良好”'), taken in
    turn."""
    rnd = random.Random(SEED)
    text = _GRADE_KEY.sub(lambda m: rnd.choice(["等次", "评价结果", "评价等级"]), text)
    return _GRADE_AFTER_KEY.sub(lambda m: _OTHER_GRADE[m[0]], text)


# a list of named amounts after its cue, one clause each ('其中:A 10万元,B 20万元。'): the cue, then the clauses up to
# the sentence's end, each holding an amount with its unit
_LISTED_AMOUNT = r"[^,,;;、。\n]{1,40}?\d+(?:\.\d+)?\s*(?:万元|亿元|元)[^,,;;、。\n]{0,20}?"
_AMOUNT_LIST = regex.compile(rf"(?P<cue>(?:其中|包括|分别为|具体为|主要用于)[::]?)(?P<items>{_LISTED_AMOUNT}(?:[,,;;、]{_LISTED_AMOUNT})+)(?P<end>。)")


def list_as_items(text: str) -> str:
    """A list of named amounts written as numbered items, one a line ('其中:\n(1)A 10万元;\n(2)B 20万元。'), as many
    reports lay a breakdown out, in place of one sentence."""
    def itemise(m: regex.Match) -> str:
        items = regex.split(r"[,,;;、]", m["items"])
        lines = [f"({k}){item.strip()}" for k, item in enumerate(items, 1)]
        return m["cue"] + "\n" + ";\n".join(lines) + m["end"] + "\n"
    return _AMOUNT_LIST.sub(itemise, text)


_NAME_THEN_AMOUNT = regex.compile(r"^(?P<name>\p{Han}[^\d]{1,38}?)(?P<amount>\d+(?:\.\d+)?\s*(?:万元|亿元|元))(?P<rest>.*)$")


def list_as_paragraphs(text: str) -> str:
    """A list of named amounts written as numbered paragraphs, each a sentence that names the part and then allots its
    amount ('其中:\n(1)中小河流治理工程,安排资金1435万元。\n(2)…'), as reports lay out the works of a fund."""
    def paragraphs(m: regex.Match) -> str:
        out = []
        for k, item in enumerate(regex.split(r"[,,;;、]", m["items"]), 1):
            part = _NAME_THEN_AMOUNT.match(item.strip())
            if part is None:
                return m[0]
            out.append(f"({k}){part['name'].strip()},安排资金{part['amount']}{part['rest']}。")
        return m["cue"] + "\n" + "\n".join(out) + "\n"
    return _AMOUNT_LIST.sub(paragraphs, text)


# an amount with its 万 or 亿 unit in prose ('29.6万元', '1.2亿元'), not a table's cell under a header unit
_SCALED_AMOUNT = regex.compile(r"(?<![\d.,])(?P<figure>\d+(?:\.\d+)?)(?P<unit>万元|亿元|万(?=[,,。;;、)(\s]))")


def bare_wan(text: str) -> str:
    """Amounts in 万元 written with 万 alone ('29.6万元' as '29.6万'), as DOMAIN.md §4.1 finds ('7万', '30万'), where a
    clause's mark or a space follows: the unit's 元 is the one word left out."""
    return regex.sub(r"(?<=\d)万元(?=[,,。;;、)(\s]|$)", "万", text)


# a document number's year in its brackets ('财预〔2020〕10号'), and the other brackets offices and sites print it in
# (DOMAIN.md §4.1: 〔〕 [ ] 【】 ( ))
_DOCUMENT_YEAR = regex.compile(r"[〔\[【(((](?P<year>(?:19|20)\d\d)[〕\]】)))](?=\s*(?:第\s*)?\d{1,4}\s*号)")


def document_brackets(text: str) -> str:
    """The year of each document number in other brackets ('〔2020〕' as '[2020]', '【2020】' or '(2020)'), in turn."""
    rnd = random.Random(SEED)
    def bracketed(m: regex.Match) -> str:
        opening, closing = rnd.choice(["[]", "【】", "()"])
        return opening + m["year"] + closing
    return _DOCUMENT_YEAR.sub(bracketed, text)


def amounts_in_yuan(text: str) -> str:
    """Amounts the report gives in 万元 or 亿元 written out in 元 ('29.6万元' as '296000元'), as an office that keeps
    its accounts in 元 prints them; the value is the same to the yuan."""
    def in_yuan(m: regex.Match) -> str:
        from decimal import Decimal
        scale = Decimal(10) ** (8 if m["unit"].startswith("亿") else 4)
        value = Decimal(m["figure"]) * scale
        return f"{value.normalize():f}元"
    return _SCALED_AMOUNT.sub(in_yuan, text)


def cells_tabbed(text: str) -> str:
    """Table rows with a tab between cells, as a spreadsheet's rows pasted into a text (a lone cell alone)."""
    return _rewrite_rows(text, "\t".join)


def cells_csv(text: str) -> str:
    """The report as a sheet saved as CSV: each table row's cells, each other line one cell, every row as wide as the
    widest (a writer pads with empty cells), a cell holding a comma or a quote quoted."""
    import csv
    import io

    rows = [_row_cells(line) or [line.strip()] for line in text.split("\n") if line.strip()]
    width = max(len(r) for r in rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(r + [""] * (width - len(r)) for r in rows)
    return out.getvalue()


def one_line(text: str) -> str:
    """The whole page run into one line, each line break a space, as a document site's copy or a text layer
    without line ends gives it."""
    return regex.sub(r"[ \t\u3000]*\n\s*", " ", text).strip()


def _blocks(text: str):
    """The text's paragraphs and its tables (runs of a converter's table rows: cells between bars, or a cell with
    its bar after it)."""
    rows: list[list[str]] = []
    for line in text.replace("\f", "\n").split("\n"):
        if (cells := _row_cells(line)) is not None:
            rows.append(cells[:PRINTED_COLUMNS])
            continue
        if rows:
            yield "table", rows
            rows = []
        if line.strip():
            yield "paragraph", line.strip()
    if rows:
        yield "table", rows


def saved_html(text: str, path) -> None:
    """The report as a page saved from a site: a <p> per paragraph, a <table> per table."""
    from html import escape
    body = []
    for kind, block in _blocks(text):
        if kind == "paragraph":
            body.append(f"<p>{escape(block)}</p>")
        else:
            body.append("<table border='1'>" + "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block) + "</table>")
    path.write_text("<html><head><meta charset='utf-8'><title>报告</title></head><body>\n" + "\n".join(body)
                    + "\n</body></html>", encoding="utf-8")


def word_document(text: str, path) -> None:
    """The report as a Word document: a paragraph per paragraph, a table per table."""
    import docx
    doc = docx.Document()
    for kind, block in _blocks(text):
        if kind == "paragraph":
            doc.add_paragraph(block)
            continue
        table = doc.add_table(rows=len(block), cols=max(len(row) for row in block))
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    doc.save(str(path))


def _printer(path):
    """(styles, build, body width) of an A4 page as an office prints it (reportlab, WenQuanYi Zen Hei;
    render_pdf.py's styles, page numbers in the foot)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from render_pdf import _footer, styles
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm)
    return styles(), lambda story: doc.build(story, onFirstPage=_footer, onLaterPages=_footer), A4[0] - 40 * mm


def printed_pdf(text: str, path) -> None:
    """The report as an office prints it to PDF (_printer): each line of the text a paragraph wrapped at the
    page's width (a figure carried whole to the next line), each run of a converter's table rows (cells between
    bars) a ruled table."""
    from html import escape

    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    style, build, body_width = _printer(path)
    story = []
    for kind, block in _blocks(text):
        if kind == "paragraph":
            story.append(Paragraph(escape(block), style["body"]))
            continue
        width = max(len(r) for r in block)
        cells = [[Paragraph(escape(c), style["cell"]) for c in r] + [""] * (width - len(r)) for r in block]
        grid = Table(cells, colWidths=[body_width / width] * width)
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(grid)
    build(story)


# a section's heading: its number ('一、', '(二)') and a short name, no sentence
_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))])[^。;;|\n]{2,30}$")
# the dot leaders a table of contents runs from a heading to its page
_LEADERS = "……………………"


def table_of_contents(text: str) -> str:
    """A table of contents before the first section, as a third party's evaluation report opens after its title:
    each section heading of the text with dot leaders and its page ('一、项目基本情况……………………3'), every three
    headings a page on. A text without two headings stays as it is."""
    lines = text.split("\n")
    headings = [line.strip() for line in lines if _HEADING.match(line)]
    if len(headings) < 2:
        return text
    at = next(k for k, line in enumerate(lines) if _HEADING.match(line))
    contents = ["目录"] + [f"{h}{_LEADERS}{1 + k // 3}" for k, h in enumerate(headings)]
    return "\n".join(lines[:at] + contents + lines[at:])


def _form_lines(text: str) -> tuple[list[tuple[list[str] | None, str]], int]:
    """The text's lines as a form holds them: a converter's table row as its cells (None for any other line, with
    the line), and the form's width: its widest row, four columns at the least, PRINTED_COLUMNS at the most."""
    lines = [(_row_cells(line), line.strip()) for line in text.replace("\f", "\n").split("\n") if line.strip()]
    width = max([len(cells) for cells, _ in lines if cells] + [4])
    return lines, min(width, PRINTED_COLUMNS)


def workbook(text: str, path) -> None:
    """The report as an office keeps it in a sheet: each table row's cells in its row, each other line in one cell
    merged across the sheet's width (a title, a paragraph, a value over the rest of the row)."""
    import openpyxl
    lines, width = _form_lines(text)
    book = openpyxl.Workbook()
    sheet = book.active
    for r, (cells, line) in enumerate(lines, start=1):
        if cells is None:
            sheet.cell(r, 1, line)
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            continue
        for k, cell in enumerate(cells[:width], start=1):
            if cell:
                sheet.cell(r, k, cell)
    book.save(str(path))


def html_form(text: str, path) -> None:
    """The report as a site serves a form: the whole of it one table, each line that is no table row a cell over
    the table's width (colspan)."""
    from html import escape
    lines, width = _form_lines(text)
    rows = [f"<tr><td colspan='{width}'>{escape(line)}</td></tr>" if cells is None else
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells[:width]) + "</tr>" for cells, line in lines]
    path.write_text("<html><head><meta charset='utf-8'></head><body><table border='1'>\n" + "\n".join(rows)
                    + "\n</table></body></html>", encoding="utf-8")


def word_form(text: str, path) -> None:
    """The report as a form in Word: one table, each line that is no table row a cell merged across its width."""
    import docx
    lines, width = _form_lines(text)
    doc = docx.Document()
    table = doc.add_table(rows=len(lines), cols=width)
    for r, (cells, line) in enumerate(lines):
        if cells is None:
            table.cell(r, 0).merge(table.cell(r, width - 1)).text = line
            continue
        for k, cell in enumerate(cells[:width]):
            table.cell(r, k).text = cell
    doc.save(str(path))


def printed_form(text: str, path) -> None:
    """The report as a form printed to PDF (printed_pdf's page and styles): one ruled table over its pages, each
    line that is no table row a cell spanning its width."""
    from html import escape

    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle
    style, build, body_width = _printer(path)
    lines, width = _form_lines(text)
    rows, spans = [], []
    for r, (cells, line) in enumerate(lines):
        if cells is None:
            rows.append([Paragraph(escape(line), style["cell"])] + [""] * (width - 1))
            spans.append(("SPAN", (0, r), (width - 1, r)))
            continue
        cells = cells[:width]
        rows.append([Paragraph(escape(c), style["cell"]) for c in cells] + [""] * (width - len(cells)))
    grid = Table(rows, colWidths=[body_width / width] * width)
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    build([grid])


DAMAGE = {
    "site_chunks": site_chunks,
    "ocr_misread_words": ocr_misread_words,
    "ocr_decimal_marks": ocr_decimal_marks,
    "wrap_spaces_in_words": wrap_spaces_in_words,
    "ocr_figure_letters": ocr_figure_letters,
    "ocr_figure_shapes": ocr_figure_shapes,
    "blank_lines": blank_lines,
    "one_line": one_line,
    "cells_tabbed": cells_tabbed,
    "cells_csv": cells_csv,
    "thousands_separators": thousands_separators,
    "table_of_contents": table_of_contents,
    "hard_wrapped": hard_wrapped,
    "paged": paged,
    "running_heads": running_heads,
    "traditional": traditional,
    "full_width": full_width,
    "spaced_figures": spaced_figures,
    "cells_spaced": cells_spaced,
    "cells_on_lines": cells_on_lines,
    "other_words": other_words,
    "other_score_words": other_score_words,
    "outline_decimal": outline_decimal,
    "other_form_keys": other_form_keys,
    "other_total_words": other_total_words,
    "other_grade_words": other_grade_words,
    "list_as_items": list_as_items,
    "list_as_paragraphs": list_as_paragraphs,
    "amounts_in_yuan": amounts_in_yuan,
    "bare_wan": bare_wan,
    "document_brackets": document_brackets,
}
