from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.tables.glued import cuts, rate_matches, weight_score_pairs


def test_sample_runs_split_into_weight_and_score():
    assert weight_score_pairs("87.7") == [(8.0, 7.7)]
    assert (12.0, 12.0) in weight_score_pairs("1212")
    assert weight_score_pairs("108") == [(10.0, 8.0)]


def test_weight_above_sixty_is_never_a_reading():
    # '1010' is 10|10; 101|0 is excluded because weights stay ≤ 60 (DOMAIN.md §4.2)
    assert weight_score_pairs("1010") == [(10.0, 10.0)]


def test_ambiguous_run_returns_every_reading():
    readings = weight_score_pairs("55")
    assert readings == [(5.0, 5.0)]
    assert len(weight_score_pairs("2010")) == 1  # 20|10 only: 2|010 has a leading zero


def test_rate_matches_rounding_and_truncation():
    assert rate_matches(97.2219, 97.22, 2)
    assert rate_matches(97.2486, 97.24, 2)  # truncation
    assert rate_matches(97.2486, 97.25, 2)  # half-up
    assert not rate_matches(97.2486, 97.3, 2)


weights = st.integers(min_value=1, max_value=60)


@given(weights, st.data())
def test_glued_weight_and_score_is_recovered(w, data):
    s = data.draw(st.integers(min_value=0, max_value=w * 10)) / 10
    run = f"{w}{s:g}"
    assert (float(w), s) in weight_score_pairs(run)


@given(st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=4))
def test_cuts_reassemble_the_run(parts):
    run = "".join(str(p) for p in parts)
    assume(len(run) <= 12)
    for cut in cuts(run, len(parts)):
        assert "".join(cut) == run
    assert tuple(str(p) for p in parts) in cuts(run, len(parts))
