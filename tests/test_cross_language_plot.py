"""The cross-language forest plot draws the frame's differences, in percentage points."""

import pandas as pd
import pytest

from xlmaudit.report.cross_language_plots import cross_language_plot


def frame():
    rows = [("nangia2020", "all", 8, 0.375, 0.0, 0.75, 0.375),
            ("nangia2020", "gender", 4, 0.5, 0.0, 1.0, 0.5),
            ("aul", "all", 8, -0.25, -0.5, 0.0, 0.2)]  # fmt: skip
    cols = ["estimator", "bias_type", "n_pairs", "difference", "ci_low", "ci_high", "p_value"]
    return pd.DataFrame(rows, columns=cols).assign(lang_a="fr", lang_b="en")


def test_plot_shows_one_estimator_in_percentage_points():
    fig = cross_language_plot(frame())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "all (n=8, p=0.38)",
        "gender (n=4, p=0.5)",
    ]
    xs = sorted(ax.lines[0].get_xdata()) if ax.lines else []
    assert xs == pytest.approx([37.5, 50.0])
    assert "fr and en (nangia2020)" in ax.get_title()
    aul = cross_language_plot(frame(), estimator="aul").axes[0]
    assert [t.get_text() for t in aul.get_yticklabels()] == ["all (n=8, p=0.2)"]


def test_empty_frame_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        cross_language_plot(frame().iloc[:0])
