from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import parse_amount, parse_arabic, parse_chinese_integer, parse_percent


def test_amount_units_convert_to_yuan_with_half_unit():
    n = parse_amount("113万元")
    assert n.value == 1_130_000 and n.half_unit == 5_000
    assert parse_amount("89.974万元").half_unit == 5
    assert parse_amount("1,130,000.00元").value == 1_130_000
    assert parse_amount("1.2亿元").value == 120_000_000
    assert parse_amount("3千元").value == 3_000


def test_full_width_digits_and_traditional_units():
    assert parse_amount("１１３萬元").value == 1_130_000
    assert parse_percent("97.22％").value == 97.22


def test_chinese_numerals_and_capital_amounts():
    assert parse_chinese_integer("一百一十三万") == 1_130_000
    assert parse_amount("壹拾壹万叁仟元整").value == 113_000
    assert parse_amount("一百一十三万元").value == 1_130_000


def test_percent_in_words():
    assert parse_percent("百分之九十七点二二").value == 97.22


def test_unit_inherited_from_column_header():
    assert parse_amount("251.89", default_unit="万元").value == 2_518_900


def test_not_a_number_gives_none():
    assert parse_arabic("abc") is None
    assert parse_amount("") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n):
    assert parse_arabic(f"{n:,}").value == n
    assert parse_arabic(str(n)).value == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_amounts_in_wan_scale_exactly(whole, cents):
    text = f"{whole}.{cents:02d}万元"
    n = parse_amount(text)
    assert abs(n.value - (whole + cents / 100) * 10_000) < 1e-3
    assert n.half_unit == 50


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_integers_round_trip(n):
    assert parse_chinese_integer(_to_chinese(n)) == n


@given(st.text(max_size=30))
def test_parsers_never_raise_on_arbitrary_text(s):
    for fn in (parse_arabic, parse_amount, parse_percent):
        fn(s)
    parse_chinese_integer(s)


def _to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    units = ["", "十", "百", "千"]

    def four(x: int) -> str:
        out, zero = "", False
        for i in range(3, -1, -1):
            d = x // 10**i % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += digits[d] + units[i]
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return four(low)
    text = four(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + four(low)
    return text


def test_the_decimal_places_a_precision_stands_for_go_negative_for_a_figure_printed_coarser_than_its_units():
    from pipeline.numbers import decimals_of_half_unit
    cases = [(0.005, 2), (0.5, 0), (5.0, -1), (0.00005, 4), (0.0, 6)]
    assert [decimals_of_half_unit(half) for half, _ in cases] == [places for _, places in cases]
