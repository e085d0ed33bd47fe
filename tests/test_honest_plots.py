"""HONEST figure: the frame keeps identity groups, the total and the non-zero categories."""

from __future__ import annotations

import pandas as pd

from xlmaudit.report.honest_plots import honest_category_plot, honest_figures, honest_frame


def _summary() -> pd.DataFrame:
    rows = []
    for group in ("all", "female", "male", "female-male"):
        for metric, value in (("honest@20", 0.1), ("honest@20[pr]", 0.05), ("honest@20[an]", 0.0),
                              ("honest@5", 0.2), ("honest@20 diff", 0.01)):  # fmt: skip
            rows.append({"suite": "honest", "probe": "p", "group": group, "metric": metric,
                         "value": value, "ci_low": value / 2, "ci_high": value * 2})  # fmt: skip
    return pd.DataFrame(rows)


def test_frame_and_figure():
    frame = honest_frame(_summary(), "p", k=20)
    assert set(frame.group) == {"female", "male"}  # "all" and the paired rows are left out
    assert sorted(set(frame.category)) == ["pr", "total"]  # "an" is zero everywhere
    fig = honest_category_plot(frame, title="t")
    assert len(fig.axes[0].patches) == 4  # 2 categories x 2 groups
    (made,) = list(honest_figures(_summary(), "honest"))
    assert made[0] == "honest_p_honest_categories" and "HONEST@20" in made[2]
