"""SEAT figure: effect sizes with intervals per test, one series per pooling."""

import pandas as pd
import pytest

from xlmaudit.report.seat_plots import seat_figures, seat_frame

SUMMARY = pd.DataFrame(
    {
        "suite": ["seat"] * 5 + ["crows-pairs"],
        "probe": ["mean", "mean", "mean", "first", "first", "nangia2020"],
        "group": ["t1", "t2", "gender", "t1", "t2", "all"],
        "metric": ["effect_size"] * 2 + ["mean_abs_effect_size"] + ["effect_size"] * 2
        + ["pct_sent_more"],
        "value": [0.5, -0.2, 0.35, 0.7, 0.1, 55.0],
        "ci_low": [0.1, -0.6, None, 0.3, -0.3, 50.0],
        "ci_high": [0.9, 0.2, None, 1.1, 0.5, 60.0],
    }
)  # fmt: skip


def test_frame_keeps_effect_sizes_of_the_suite():
    frame = seat_frame(SUMMARY, "seat")
    assert list(frame.category) == ["t1", "t2", "t1", "t2"]
    assert list(frame.series) == ["mean", "mean", "first", "first"]
    assert list(frame.value) == [0.5, -0.2, 0.7, 0.1]


def test_figure_has_a_point_and_whisker_per_test_and_pooling():
    ((name, fig, caption),) = seat_figures(SUMMARY, "seat")
    assert name == "seat_effect_sizes" and "bootstrap" in caption
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["mean", "first"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["t1", "t2"]
    xs = [list(c.lines[0].get_xdata()) for c in ax.containers]  # one errorbar per pooling
    assert xs == [[0.5, -0.2], [0.7, 0.1]]
    assert list(seat_figures(SUMMARY, "crows-pairs")) == []


def test_direction_words_name_the_sets_of_the_test():
    from xlmaudit.probes import get_kind
    from xlmaudit.report.findings import direction_words

    doc = get_kind("seat").doc("effect_size")
    sets = {"target_x": "Math", "target_y": "Arts", "attribute_a": "Male", "attribute_b": "Female"}
    # d = -0.52 [-0.80, -0.21]: |d| = 0.52, its interval [0.21, 0.80]; B side named first for X
    text = direction_words(doc, -0.52, -0.80, -0.21, sets)
    assert text == "the model associates Math (X) with Female (B) and Arts (Y) with Male (A), " \
        "|d| = 0.52 [0.21, 0.80]"  # fmt: skip
    text = direction_words(doc, 0.11, -0.25, 0.48, sets)
    assert text == "the model associates Math (X) with Male (A) and Arts (Y) with Female (B), " \
        "|d| = 0.11 [-0.25, 0.48]; the interval includes no preference"  # fmt: skip
    assert direction_words(doc, 0.11, -0.25, 0.48) == ""  # a row without set names: no sentence


def test_summary_levels_and_set_names():
    import json

    import numpy as np

    from xlmaudit.metrics.seat import summarize_tests
    from xlmaudit.probes.seat import weat_inputs, with_set_names

    # 2 targets x 2 attributes per test, cosines chosen so s = (1, 0 | 0, -1): d = sqrt(1.5)
    rows = []
    for key, cat, cos in (("targ1", "Flowers", [1, 0]), ("targ1", "Flowers", [0.5, 0.5]),
                          ("targ2", "Insects", [0.5, 0.5]), ("targ2", "Insects", [0, 1]),
                          ("attr1", "Pleasant", None), ("attr2", "Unpleasant", None)):  # fmt: skip
        rows.append({"item_id": "w1-x", "test": "w1", "domain": "", "set": key, "category": cat,
                     "cos": None if cos is None else json.dumps(cos)})  # fmt: skip
    raw = pd.DataFrame(rows)
    out = with_set_names(summarize_tests(weat_inputs(raw), n_samples=10), raw)
    (row,) = out.to_dict("records")
    assert row["value"] == pytest.approx(np.sqrt(1.5)) and row["level"] == "category"
    assert (row["target_x"], row["target_y"]) == ("Flowers", "Insects")
    assert (row["attribute_a"], row["attribute_b"]) == ("Pleasant", "Unpleasant")
