"""SEAT figure: effect sizes with intervals per test, one series per pooling."""

import pandas as pd

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
