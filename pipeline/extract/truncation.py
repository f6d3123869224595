"""Is the document cut? Judged from the document itself (DOMAIN.md, issue 25 §4): a sentence without its end, a
heading or a table's column heads with nothing under them, a table row cut before its last cell, a list that stops, a
preview's ellipsis, a page 'N of M' short of M, a collection or a published outline that stops early."""
from __future__ import annotations

import regex

from ..tables.grid import text_cells
from ..tables.model import ScoreTable
from ..tables.roles import ROLE_RE
from . import budget as budget_mod
from . import metadata


def is_cut(text: str, raw: str) -> bool:
    """The normalised text (and, for its closing date, the raw text) shows the document stops before its end."""
    return ((_cut_mid_sentence(text) and not _ends_on_a_date(raw))
            or _pieces_missing(text) or _transfer_outline_stops_early(text))


# a quoted value after its verb or copula, closing a sentence ('等级为“优”', '名称为“…”', '做到“…”')
_QUOTED_VALUE_END = regex.compile(r"(?:为|是|到|称|即|:|:)\s*[“\"][^“”\"]{1,40}[”\"]$")
# the self-assessment outline's last sections, which a report often leaves empty, and their answer of nothing to add
_LAST_SECTION = regex.compile(r"(?:其他需要?说明的(?:问题|事项|情况)|其他(?:说明|事项)|(?:应用|运用)(?:和|及|与)?公开情况|附件\d*)[::\s]*$")
_LAST_SECTION_CLOSED = regex.compile(r"其他需要?说明的(?:问题|事项|情况)[::\s]*(?:暂无|无|没有)[。.]?$")
_NOTHING_TO_ADD = regex.compile(r"(?:暂无|无|没有)[。.]?")
# brackets a document number or a title opens and a cut leaves open; scrapes mix their kinds ('某财农〔2021]12号')
_OPENERS, _CLOSERS = "〔《【[〈", "〕》】]〉)"
# a numbered section heading alone, its last word a heading's ('(三)绩效指标完成情况', '五、存在的问题及原因分析')
_HEADING_WORDS = r"\s*\p{Han}{2,24}?(?:情况|分析|问题|建议|措施|结论|目标|成效|意见|做法|原因|说明)"
_HEADING_ONLY = regex.compile(r"(?:[((]?[一二三四五六七八九十]{1,3}[))]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)"
                              + _HEADING_WORDS)
# the same under an outline number of the third or fourth level ('1.年初部门预算绩效目标完成情况', '3.2效益指标完成情况'),
# where the line above is no item of the same list (a list of attachments or of measures, '2.加快资金拨付' then
# '3.及时落实整改措施', ends on such words too)
_ITEM_HEADING_ONLY = regex.compile(r"(?:[((]\d{1,2}[))]|\d{1,2}\.\d{1,2}[、.．]?|\d{1,2}[、.．])" + _HEADING_WORDS)
_LIST_ITEM = regex.compile(r"^(?:[((]\d{1,2}[))]|\d{1,2}[、.．])|附件")
# marks that join what follows them: a formula or a sum stops after its operator ('1.预算执行率=')
_JOINING_MARK_AT_END = regex.compile(r"(?<![A-Za-z])[=+×÷≥≤]$|=.*/$")  # (not a rating's 'AA+')
# a document number stopped after its year or inside its serial ('呼财农指【2023】', '某财农〔2023〕1'): its 号 is cut (a
# year in round brackets is a source's or a plan's, '统计年鉴(2023)', and ends a line whole)
_DOCUMENT_YEAR_AT_END = regex.compile(r"\p{Han}[〔【\[]\s*(?:19|20)\d{2}\s*[〕】\]]\d*$")
# 'page N of M' cut inside M ('第8页 / 共1')
_PAGE_OF_CUT = regex.compile(r"第\s*\d+\s*页\s*[,,/]?\s*共\s*\d*$|共\s*\d+\s*页\s*[,,/]?\s*第\s*\d*$")
# a quoted name standing for a whole sentence after a full stop
_QUOTED_NAME_ALONE = regex.compile(r"[。!?][“\"][^“”\"]{1,20}[”\"]$")
# a masked word ('**河县', '张**') right after a clause's mark: the next clause had begun ('…长3.133km;*')
_MASK_AFTER_A_CLAUSE_MARK = regex.compile(r"[,,;;、]\*+$")
# a label's amount ('其中:财政资金', '单位资金'): the cell after it holds a figure
_AMOUNT_LABEL = regex.compile(r"资金|金额|总额|预算|支出|执行数|拨款")
# a cell of figures, or an empty or n/a one, closed by its bar ('238.93 |', '/ |')
_FIGURE_CELL = regex.compile(r"[\d.,%/-]*\s*\|")
# notes and signatures under a table, which hold fewer cells than its rows
_NOTE_ROW = regex.compile(r"^\|?\s*(?:注|备注|说明|填表|填报|审核|联系|单位|数据|资料|日期)")
# a table's caption ('表1:2019年度生态文明建设财政奖补资金分配情况表')
_TABLE_CAPTION = regex.compile(r"(?:附)?表\s*\d{1,2}\s*[::.、]?\s*\S{2,60}?(?:表|情况)")
# a header row of a list: its first cell numbers the rows, no figure in it ('序号 | 市 | 支持项目个数 | 奖补资金 |')
_HEADER_ROW = regex.compile(r"[|\s]*(?:序号|编号)\s*[|\t][^\d\n]*$")
# a comma between clauses: the line is a sentence of prose, not a table row, a signature or a page number
_CLAUSE = regex.compile(r"[,,]")
_SENTENCE_END = regex.compile(r"[。!?;;]")
# How a complete report or form may end without a full stop (its last line, or the end of a page run into one line):
_COMPLETE_ENDINGS = [regex.compile(p) for p in (
    r"(?:^|[,,。\s])(?:请(?:予)?审(?:阅|议|定|核|批)|特此(?:报告|说明)|妥否,?请批示)$",  # a document's closing words
    r"(?:填表人|填报人|审核人|负责人|联系人|经办人)\s*[::]\s*\p{Han}{2,3}$",  # a form's signatory and the name
    r"(?:^|\s)附件\s*\d*\s*[::.、]\s*[^,;。\s]{2,60}(?<![的之和与及])$",  # the list of its attachments
    r"等级(?:\s*[::|]\s*|\s+)(?:优秀?|良好?|中|差|合格|不合格)$|等级(?:优秀?|良好?|合格|不合格)$",  # a grade cell
)]
# a date standing alone at the raw text's end, after a space or a line break (under a signature, its day left out or
# written in numerals): normalising removes that space, and '…局2023年3月' is then a sentence cut as well as a seal
_DATE_ALONE = regex.compile(r"(?:^|\s|日期\s*[::]\s*)(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|"
                            r"二[〇○0零一二三四五六七八九]{3}年[〇○0零一二三四五六七八九十]{1,2}月(?:[〇○0零一二三四五六七八九十]{1,3}日)?)\s*$")
# the page's number, 'page N of M': the text ends complete only on the last page
_PAGE_OF = regex.compile(r"第\s*(?P<n>\d+)\s*页\s*[,,/]?\s*共\s*(?P<of>\d+)\s*页$|共\s*(?P<of2>\d+)\s*页\s*[,,/]?\s*第\s*(?P<n2>\d+)\s*页$")
# longer than any line a page or a form holds: lines run together (a site's one-line copy)
_RUN_TOGETHER = 400
# where a line ended in a page run together: after a sentence, and at a space before an outline number (a heading or a
# list's item began a line there: '…评价方法 1.绩效评价原则 (1)')
_AFTER_A_SENTENCE = regex.compile(r"(?<=[。!?])|\s+(?=(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,2}[))]|\d{1,2}[.、](?!\d)))")
# a line of words (six Han characters at least) whose last figure follows a word or a list mark without a
# space: no label ('电话:5169832'), no table cells ('完成 100 10 10'), no date ('2018.12.3')
_PROSE_CUT_IN_A_FIGURE = regex.compile(r"^(?=(?:[^\p{Han}]*\p{Han}){6})[^|\t]*[\p{Han}、,,](?:\d+(?:\.\d+)?)$")
# words no unit's name holds: a verb or a particle of a sentence about it
_SAYS_SOMETHING = regex.compile(r"是|负责|的|了|按照|根据|(?<!自)由")
# a score or a total after its key ('综合绩效自评得分92.5'), a document number after a key ('资金依据:某财农〔2023〕15号'):
# a form's value, whole
_KEYED_VALUE_END = regex.compile(r"(?:得分|总分|分数|合计|总计)\d+(?:\.\d+)?$|[::][^::]*[〔【\[]\d{4}[〕】\]]\d+号$")


# A collection page's promise: '农村公路绩效评价报告(通用6篇)', '…自评报告(精选4篇)'; and how it numbers each piece
# ('农村公路绩效评价报告1', '…自评报告 篇1').
_COLLECTION = regex.compile(r"[((](?:通用|精选|优选|热门|推荐|实用|优秀|汇总|合集)?(?P<n>\d{1,2})篇[))]")
_PIECE = regex.compile(r"(?:报告|篇|范文)\s*(?P<k>\d{1,2})(?![\d.、::])")


def _pieces_missing(text: str) -> bool:
    """A collection page (范文 sites) that promises N pieces and shows fewer: the rest were cut from it."""
    m = _COLLECTION.search(text, 0, 1500)
    if not m:
        return False
    promised = int(m["n"])
    shown = {int(p["k"]) for p in _PIECE.finditer(text, m.end()) if 1 <= int(p["k"]) <= promised}
    return bool(shown) and max(shown) < promised


# The published outline of a transfer payment's self-assessment (中央对地方转移支付绩效自评报告): 一、绩效目标分解下达情况,
# 二、绩效目标完成情况分析, 三、偏离绩效目标的原因和下一步改进措施, 四、绩效自评结果拟应用和公开情况, (五、其他需要说明的问题)
# (a scrape that drops the line breaks glues the heading, numbered, to the sentence before it: '…报告如下:一、绩效目标…')
_TRANSFER_OUTLINE_OPENING = regex.compile(r"(?:(?:^|\n)\s*(?:[一1][、.．]\s*)?|[::。]\s*[一1][、.．]\s*)绩效目标分解下达情况")
# the parts it closes with, however a report words them ('…结果的运用情况', '公开情况', '其他说明', '下一步工作打算')
_TRANSFER_OUTLINE_LAST = regex.compile(r"应用|运用|公开|其他\p{Han}{0,4}说明|打算|建议")
_TOP_HEADING = regex.compile(r"(?:^|(?<=[\n::。]))\s*([一二三四五六七八九十])、")
# a report that ends signed and dated is whole, whatever parts it has
_SIGNED_END = regex.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$")


def _transfer_outline_stops_early(text: str) -> bool:
    """A transfer payment's self-assessment, known by its outline's first part as a heading, that stops in its first
    three parts, never reaching one on using or publishing its results (or anything else to say), and ends with no
    signature's date: the rest was cut."""
    opening = _TRANSFER_OUTLINE_OPENING.search(text)
    if opening is None or _TRANSFER_OUTLINE_LAST.search(text, opening.end()) or _SIGNED_END.search(text.rstrip()):
        return False
    last = [m[1] for m in _TOP_HEADING.finditer(text, opening.start())]
    return not last or last[-1] in "一二三"


def _open_bracket_at_end(line: str) -> bool:
    """The line stops inside a bracket: after its last opener of any kind, no closer of any kind and no sentence end."""
    opener = max(line.rfind(o) for o in _OPENERS)
    if opener < 0 or _SENTENCE_END.search(line, opener):
        return False
    return not any(c in line[opener:] for c in _CLOSERS)


def _unit_ends_a_clause(line: str) -> bool:
    """A unit after a clause's comma, the words before it no unit and no label's key: a sentence's subject or object
    ('2021年,西区动物疫病预防控制中心'), where a seal's units stand alone or listed ('…报送单位:某县财政局,某县农业局')."""
    before = line.rsplit(":", 1)[-1]
    parts = _CLAUSE.split(before)
    return len(parts) > 1 and not regex.search(rf"{metadata.ORG_SUFFIX}$", parts[-2].strip())


def _closing_row(row: str) -> bool:
    """A row that may close a document: a note, a signatory, a date, a grade (under a table they hold fewer cells
    than its rows, and no closing bar where the rows have one)."""
    return bool(_NOTE_ROW.search(row)) or any(p.search(row) for p in _COMPLETE_ENDINGS)


def _fewer_cells_than(closed_row: str, last: str) -> bool:
    return closed_row.endswith("|") and last.count("|") < closed_row.count("|") - 1


def _opens_more_than_it_closes(text: str) -> bool:
    """More round brackets opened than brackets of any kind closed: scrapes mix their kinds ('某财农(2023〕15号')."""
    return text.count("(") > sum(text.count(c) for c in ")〕】]")


def _cell_without_its_bar(before: list[str], last: str) -> bool:
    """A figure alone on the last line where the lines before it are cells each closed by its bar, the last cell of
    words among them an amount's label ('其中:财政资金 |', '238.93 |', '251'): a site's copy of a form, one cell a line,
    whose last cell stopped before its bar (a date, a telephone number or a page's number under a signature's label
    is no amount)."""
    closed = [x for x in before if x.endswith("|")]
    label = next((x for x in reversed(before) if not _FIGURE_CELL.fullmatch(x)), "")
    return (len(closed) >= 3 and len(closed) >= 0.75 * len(before) and before[-1].endswith("|")
            and bool(_AMOUNT_LABEL.search(label)) and bool(regex.fullmatch(r"[\d.,%]+", last)))


def _page_of(line: str) -> tuple[str, str] | None:
    """'第2页 共5页' (in either order) at the line's end: the page's number and how many pages there are."""
    page = _PAGE_OF.search(line)
    return None if page is None else (page["n"] or page["n2"], page["of"] or page["of2"])


def on_its_last_page(raw: str) -> bool:
    """The raw text ends on its page's number, the last of the pages it counts ('第1页 共1页'), which normalising
    removes with the other running feet."""
    page = _page_of(raw.rstrip()[-40:])
    return page is not None and page[0] == page[1]


def _ends_on_a_date(raw: str) -> bool:
    """The raw text ends on a date of its own (its signature's): whatever the line before it, the report is whole."""
    return bool(_DATE_ALONE.search(raw[-80:]))


def _cut_mid_sentence(text: str) -> bool:
    """The text stops mid-way: a sentence without its end, a heading with nothing under it, a table
    row cut before its last cell, or a trailing ellipsis of a preview."""
    lines = _last_lines(text)
    if not lines:
        return False
    last = lines[-1]
    if _stops_on_a_mark(lines, last):
        return True
    if "|" in last or "\t" in last:
        return _table_row_cut(lines, last)
    return _prose_cut(lines, last)


def _last_lines(text: str) -> list[str]:
    lines = [x.strip() for x in text.rstrip().splitlines() if x.strip()]
    if lines and len(lines[-1]) > _RUN_TOGETHER:
        # a page whose line breaks a copy turned into spaces, or dropped: its last line is its last sentence (a
        # space or a tab is no line's end there: it parts the cells of a row, or a page's number from its text)
        lines[-1:] = [x for x in _AFTER_A_SENTENCE.split(lines[-1]) if x.strip()]
    return lines


def _stops_on_a_mark(lines: list[str], last: str) -> bool:
    """Endings that are a cut wherever they stand: an operator, a document number's year, a page count, a masked
    word begun after a clause's mark, a cell before its bar, an ellipsis, a list's mark, column heads."""
    if (_JOINING_MARK_AT_END.search(last) or _DOCUMENT_YEAR_AT_END.search(last) or _PAGE_OF_CUT.search(last)
            or _MASK_AFTER_A_CLAUSE_MARK.search(last)):
        return True
    if _cell_without_its_bar(lines[-12:-1], last):
        return True  # the last cell of a site's one-cell-a-line table, cut before its bar ('其中:财政资金 |', '238')
    if regex.search(r"(?:…{1,}|\.{3,}|。{3,})$", last) or budget_mod.CUT_INSIDE_FIGURE.search(last):
        return True  # a preview's ellipsis, or figures that run out after a decimal point ('4678.504468.')
    if regex.fullmatch(r"[((]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[))、.]?", last):
        return True  # a list's mark and nothing after
    if len(lines) > 1 and regex.fullmatch(r"(?:19|20)\d{2}", last) and _HEADING_ONLY.fullmatch(lines[-2]):
        return True  # a heading, and the year its first sentence opens with ('三、绩效自评结论\n2023'); not a footer's year
    if len(lines) > 1 and _TABLE_CAPTION.fullmatch(lines[-2]) and _HEADER_ROW.match(last):
        return True  # a table's caption and its header row, no row under them
    return _ends_on_column_heads(lines)


def _table_row_cut(lines: list[str], last: str) -> bool:
    """The last line is a table row: cut where it is left open under rows closed by their bars, holds fewer cells
    than the closed row above it ('序号 | 主管部门 | 项目名称 | … |' then '1 | 中共'), or stops inside a bracket."""
    if last.endswith("|"):
        return False
    last_cell = last.rsplit("|", 1)[-1]
    if _open_bracket_at_end(last_cell) or _opens_more_than_it_closes(last_cell):
        return True  # ('…预定为8小时 (')
    if _closing_row(last):
        return False
    others = [x for x in lines[-12:-1] if "|" in x]
    closed = sum(1 for x in others if x.endswith("|"))
    return (len(others) >= 3 and closed >= 0.75 * len(others)) or (len(lines) > 1 and _fewer_cells_than(lines[-2], last))


def _prose_cut(lines: list[str], last: str) -> bool:
    """The last line is prose, a heading or a form's line of words."""
    if _open_bracket_at_end(last):
        return True  # stops inside a document number or a title: '…呈财行〔2', '…根据《关于'
    if _LAST_SECTION.search(last) or _LAST_SECTION_CLOSED.search(last) or \
            (_NOTHING_TO_ADD.fullmatch(last) and len(lines) > 1 and _LAST_SECTION.search(lines[-2])):
        return False  # the outline's last section, answered or left empty: '七、其他需要说明的问题暂无'
    if _HEADING_ONLY.fullmatch(last) or (_ITEM_HEADING_ONLY.fullmatch(last) and not (
            len(lines) > 1 and _LIST_ITEM.search(lines[-2]))):
        return True  # a section's heading with nothing under it: '(三)绩效指标完成情况'
    if regex.search(r"[;;]$", last):
        return True  # one item of a list closed and the next not begun: '…各项指标超额完成;'
    if _QUOTED_NAME_ALONE.search(last):
        return True  # a sentence begun after the last full stop, a quoted name and nothing more ('…经费。“数”')
    tail = _SENTENCE_END.split(last)[-1]  # the last sentence, begun after the last full stop
    if regex.search(r"[”\"]$", last) and _CLAUSE.search(tail) and len(tail) >= 20 and not _QUOTED_VALUE_END.search(last):
        # a sentence that runs on to a quoted name and stops there: '…经评价,2020年度“市场化运作费项目”' (a value
        # quoted after its verb ends its sentence: '…绩效评价等级为“优”', '…做到“花钱必问效”')
        return True
    page = _page_of(last)
    if page:
        return page[0] != page[1]  # page 2 of 5: pages 3 to 5 are missing
    if regex.search(r"\d{4}年\d{1,2}月\d{1,2}日$|[。!?)”\"》\]]$", last) or any(p.search(last) for p in _COMPLETE_ENDINGS):
        return False
    if _KEYED_VALUE_END.search(last):
        return False
    # A signature names a unit and says nothing of it ('…负责梅州市城市规划区垃圾终端处', '…评价对象是宝垠区农业农村委'
    # are prose), alone or listed after its key ('联合报送单位:某县财政局,某县农业农村局')
    if regex.search(rf"{metadata.ORG_SUFFIX}$", last) and not _opens_more_than_it_closes(last):
        return bool(_SAYS_SOMETHING.search(tail)) or _unit_ends_a_clause(last)
    if _CLAUSE.search(tail) and len(tail) >= 20:
        return True  # a sentence of prose, its clauses run on, with no end: '…目标值大于等于85户,实际完成40'
    if _PROSE_CUT_IN_A_FIGURE.search(last):
        return True  # prose that stops inside a figure: '…各区能够根据2018', '…超年初预算批复5', '…收集桶1244组、2'
    if regex.search(r"[,、(:]$", last) or _opens_more_than_it_closes(last):
        return True  # stops after a comma or inside a parenthesis ('…(鄂政发〔2013〕 9')
    if regex.search(r"[\d.%]$", last) or not regex.search(r"\p{Han}$", last):
        return False
    # a line that ends in a word without its full stop is cut, unless it is a title's
    return not regex.search(r"(?:报告|表|情况|说明|附件\d*)$", last)


# Words that head a table's columns and nothing else ('项目名称', '资金计划', '资金到位情况', '备注'): with the
# header roles (tables/roles.py) they tell a header row from a signature row ('项目负责人: | 填报日期:').
_COLUMN_HEAD_WORD = regex.compile(r"名称$|^资金(?:计划|到位|使用)|^(?:到位|使用|完成|执行)情况$|^备注$|^序号$|指标$")
_CELL_SPLIT = regex.compile(r"\s*\|\s*|\t+|\s{2,}")
# a whole cell that is a column's role word ('全年实际完成值', '三级指标'), not a word of a row's own text ('原因分析')
_COLUMN_ROLE = regex.compile(rf"(?:{ROLE_RE.pattern})(?:\([^()]{{1,8}}\))?")


def _is_column_head(cell: str) -> bool:
    return bool(_COLUMN_ROLE.fullmatch(cell.replace(" ", "")) or _COLUMN_HEAD_WORD.search(cell))


def _ends_on_column_heads(lines: list[str]) -> bool:
    """The text ends on a table's column heads with no row under them ('项目名称 | 资金计划 | 资金到位 情况',
    '二级指标 | 三级指标 | 指标值 | 全年实际完成值 |'): the table, and the document, were cut after its header.
    The heads are the lines after the last one holding a figure or a sentence's end; they count as a header
    where three cells or more hold no figure, most of them name a column, and no line among them is a body row."""
    tail = []
    for line in reversed(lines[-8:]):
        if regex.search(r"\d|[。!?;;]", line):
            break
        tail.append(line)
    # each line's cells as the one reconstructor for text cuts them (tables/grid.text_cells)
    rows = [[w for c in text_cells(line, 0, len(line), _CELL_SPLIT) if (w := line[c.start:c.end].strip())]
            for line in tail]
    cells = [c for row in rows for c in row]
    if len(cells) < 3 or any(len(c) > 20 for c in cells):
        return False
    heads = sum(1 for c in cells if _is_column_head(c))
    # a row of two cells or more, fewer than half of them heads, is a body row ('水质达标情况 | 达标 | 达标', and
    # '满意度指标 | 群众满意度 | 满意 | 满意', whose level-2 name ends in 指标): the table has rows, and words-only rows
    # end it as well as figures do
    body_row = any(len(row) >= 2 and 2 * sum(1 for c in row if _is_column_head(c)) < len(row) for row in rows)
    return heads >= 2 and heads >= 0.6 * len(cells) and not body_row


def table_stops_at_the_end(text: str, table: ScoreTable) -> bool:
    """Nothing but a few words stands after the score table (no prose, no sentence): a table without its totals row
    there stops where the document was cut."""
    ends = [span[1] for spans in table.spans for span in spans.values()]
    if not ends:
        return False
    after = text[max(ends):]
    # prose after the table (a long run of words, or a whole sentence: '评价结论:…评分90.7分,…为“优”。')
    return not regex.search(r"\p{Han}{12,}|\p{Han}[^\n|]{8,}。", after)
