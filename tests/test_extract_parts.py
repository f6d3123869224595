"""Unit tests of the extract stage's parts on short texts."""
from pipeline.extract.grades import grade_for, read_bands, read_stated_grade
from pipeline.extract.statements import part_sums, stated_total_score, yoy_changes
from pipeline.normalise import normalise_string


def test_bands_from_the_reports_own_words():
    text = normalise_string("评价得分在90分及以上的,绩效评级为优;得分在75(含75分)一90分的,绩效评级为良;"
                            "得分在60(含60分)一75分的,绩效评级为合格;得分在60分以下的,绩效评级为不合格。")
    bands, span = read_bands(text)
    assert [(b.grade, b.min, b.max) for b in bands] == [("优", 90, None), ("良", 75, 90), ("合格", 60, 75), ("不合格", None, 60)]
    assert grade_for(89.7, bands) == "良" and grade_for(90, bands) == "优" and grade_for(59.9, bands) == "不合格"


def test_bands_written_as_ranges_with_long_grade_words():
    text = "90-100分为优秀,80-89分为良好,60-79分为合格,60分以下为不合格。"
    bands, _ = read_bands(text)
    assert [b.grade for b in bands] == ["优", "良", "合格", "不合格"]
    assert bands[0].min == 90 and bands[0].max is None


def test_stated_grade_is_not_read_from_the_band_definitions():
    text = "得分90分以上为优,80分以上为良。本项目综合评价得分为85分,评价等级为良好。"
    bands, span = read_bands(text)
    found, word = read_stated_grade(text, span)
    assert found.value == "良" and word == "良好"


def test_part_sums_and_yoy_from_prose():
    text = "2、支出:799.12万元。其中:人员经费支出434.89万元,公用经费支出77.4万元,项目支出286.83万元。"
    [ps] = part_sums(text)
    assert ps.total == 7_991_200 and ps.parts == [4_348_900, 774_000, 2_868_300]
    [y] = yoy_changes("1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。")
    assert y.total == 7_922_200 and y.parts == [1_892_500] and y.stated_rate == 31.39


def test_total_score_in_prose_is_not_the_total_weight():
    assert stated_total_score("总分值为100分,项目自评分为89.7分").value == 89.7
    assert stated_total_score("总分值为100分。") is None
