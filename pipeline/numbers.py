"""Numbers as Chinese reports write them: amounts, percents, scores.

Every parse returns the value and the *half-unit* of the printed precision
(DOMAIN.md §3: 113万 → ±5 000 元, 89.974万 → ±5 元), because the checks compare
figures within the precision the report printed them with.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

UNITS = {"元": 1, "圆": 1, "千元": 1_000, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000}
# Traditional forms are converted by OpenCC before we get here, but a caller may pass raw text.
_UNIT_ALIASES = {"萬": "万", "億": "亿", "圓": "圆"}

DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "貳": 2, "三": 3,
          "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

# A plain Arabic number: thousands groups with comma or space, or a bare run, optional decimals.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:\.\d+)?"
NUMBER_RE = regex.compile(NUMBER)

# The one amount grammar of the package (prose, forms and statements all use it).
# A bare 万/亿 is money only where no counted noun follows it: 3.3万人, 12万亩, 1.2万平方米 are not.
COUNTED_NOUN = (r"(?:人|亩|平方|立方|册|户|头|只|株|吨|公里|公顷|千米|米|台|套|件|次|个|名|份|张|尾|羽|棵|斤|公斤|千克|"
                r"千瓦|标准|辆|间|座|所|家|处|条|批|场|期|位|岁|余(?!元)|多(?!元))")
MONEY_UNIT = rf"(?:亿元|万元|千元|元|圆|亿(?!元|{COUNTED_NOUN})|万(?!元|{COUNTED_NOUN}))"
# An amount followed by '/' is a price per unit (120元/亩, 2万元/户), not a sum of money; a bare 万 or 亿
# followed by a digit is a number glued to the next figure ('3万5'), but a unit with its 元 ends the amount
# whatever follows ('补助资金15,244万元20201225日': a date a scrape glued on).
AMOUNT = rf"{NUMBER}\s*(?:(?:亿元|万元|千元|元)|{MONEY_UNIT}(?!\d))(?!\s*/)"
AMOUNT_RE = regex.compile(rf"(?P<num>{NUMBER})\s*(?P<unit>亿元|万元|千元|元|亿|万|圆)")
PERCENT_RE = regex.compile(rf"(?P<num>{NUMBER})\s*%")
CHINESE_AMOUNT_RE = regex.compile(r"(?P<num>[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)(?P<unit>元|圆)(?:[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]角)?(?:[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]分)?整?")


@dataclass(frozen=True)
class Number:
    """A parsed figure: its value and the half-unit of the digits as printed."""

    value: float
    half_unit: float

    def __float__(self) -> float:
        return self.value


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for a, b in _UNIT_ALIASES.items():
        text = text.replace(a, b)
    return text.strip()


def _decimal_places(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def parse_arabic(text: str) -> Number | None:
    """'1,130,000.00' / '1 130 000' / '97.22' / '１１３' → Number; None if not a plain number."""
    text = _clean(text)
    if not regex.fullmatch(NUMBER, text):
        return None
    digits = text.replace(",", "").replace(" ", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return Number(float(value), 0.5 * 10 ** -_decimal_places(digits))


def parse_count(text: str) -> int | None:
    """A count as a report writes it: '12' or '十二' (项目共十二个)."""
    return int(text) if text.isdecimal() else parse_chinese_integer(text)


def parse_chinese_integer(text: str) -> int | None:
    """一百一十三万 → 1130000; 壹拾壹万叁仟 → 113000; 二〇一八 → 2018 (digit by digit)."""
    text = _clean(text)
    if not text:
        return None
    if all(ch in DIGITS for ch in text):  # 二〇一八: a year read digit by digit
        return int("".join(str(DIGITS[ch]) for ch in text)) if len(text) > 1 else DIGITS[text]
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            unit = BIG_UNITS[ch]
            # 一亿二千万: a smaller big unit after a larger one scales only the section
            if total and total % unit == 0 and total >= unit * 10_000:
                total += section * unit
            else:
                total = (total + section) * unit
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def parse_amount(text: str, default_unit: str | None = None) -> Number | None:
    """An amount in yuan: '113万元', '1,130,000 元', '壹拾壹万叁仟元整', '89.974' with a header unit.

    The unit printed beside the number wins over `default_unit` (the column header's unit).
    """
    raw = _clean(text)
    m = AMOUNT_RE.fullmatch(raw)
    if m:
        num, unit = parse_arabic(m["num"]), m["unit"]
    else:
        m = CHINESE_AMOUNT_RE.fullmatch(raw)
        if m:
            value = parse_chinese_integer(m["num"])
            if value is None:
                return None
            jiao = regex.search(r"(.)角", raw)
            fen = regex.search(r"(.)分", raw)
            extra = (DIGITS.get(jiao[1], 0) / 10 if jiao else 0) + (DIGITS.get(fen[1], 0) / 100 if fen else 0)
            return Number(value + extra, 0.005 if fen else 0.05 if jiao else 0.5)
        num, unit = parse_arabic(raw), default_unit
        if unit is None and num is not None:
            unit = "元"
    if num is None or unit is None:
        return None
    factor = UNITS[unit]
    return Number(round(num.value * factor, 6), num.half_unit * factor)


def parse_percent(text: str) -> Number | None:
    """'97.22%' / '97.22 ％' / '百分之九十七点二二' → Number(97.22, 0.005)."""
    raw = _clean(text)
    m = PERCENT_RE.fullmatch(raw)
    if m:
        return parse_arabic(m["num"])
    m = regex.fullmatch(r"百分之([零〇一二三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?", raw)
    if m:
        whole = parse_chinese_integer(m[1])
        if whole is None:
            return None
        decimals = "".join(str(DIGITS[c]) for c in (m[2] or ""))
        value = float(f"{whole}.{decimals}") if decimals else float(whole)
        return Number(value, 0.5 * 10 ** -len(decimals))
    return None


def decimals_of_half_unit(half: float) -> int:
    """The decimal places a precision of ± `half` stands for: 0.005 → 2, 0.5 → 0; negative where the figure was
    printed coarser than its units ('0.1' read as a fraction means 10 % ± 5 → -1, the tens)."""
    return min(6, round(-math.log10(2 * half))) if half > 0 else 6


def decimals_of(value: float | int | None, text: str | None = None) -> int:
    """Decimal places a figure was printed with (from its text when known)."""
    if text:
        m = NUMBER_RE.search(_clean(text))
        if m:
            return _decimal_places(m[0].replace(",", ""))
    if value is None:
        return 0
    s = repr(float(value))
    return 0 if s.endswith(".0") else len(s.split(".")[1])


# The coarsest rounding a sum read without a cue may have, as a share of its total: '3万' beside a total of 34406元
# rounds away 15 % of it, and a sum that close says nothing.
EXACT_SHARE = 0.005


def sums_exactly(parts, total) -> bool:
    """Figures (anything with `value` and `half_unit`) add up to `total` as printed: within the rounding of the
    coarsest one, not the sum of every figure's rounding (a long run of round figures comes within that of almost
    anything), and only where that rounding is small beside the total (EXACT_SHARE)."""
    tolerance = max([total.half_unit] + [p.half_unit for p in parts])
    return tolerance <= EXACT_SHARE * total.value and abs(sum(p.value for p in parts) - total.value) <= tolerance + 1e-6
