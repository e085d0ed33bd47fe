"""Figures: no clipped labels, no overlapping point labels, no raw dicts or long floats in
captions (issue 12 item 16). Checked on the committed planted run (44 occupations)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from xlmaudit.report import figures, frames, plots
from xlmaudit.report.load import load_run
from xlmaudit.report.provenance import planted_truth

PLANTED = Path(__file__).resolve().parents[1] / "reports" / "planted"
LONG_FLOAT = re.compile(r"\d\.\d{6,}")


def _drawn(fig: Figure):
    if not hasattr(fig.canvas, "get_renderer"):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def inside_figure(fig: Figure) -> bool:
    """Every drawn artist (labels, titles, ticks, point labels) lies within the figure."""
    renderer = _drawn(fig)
    box, fig_box = fig.get_tightbbox(renderer), fig.bbox_inches
    texts = [t for ax in fig.axes for t in ax.texts if t.get_visible()]
    ok = all(t.get_window_extent(renderer).x1 <= fig.bbox.x1 + 1 for t in texts)
    return ok and (box.x0 >= fig_box.x0 - 0.01 and box.y0 >= fig_box.y0 - 0.01
                   and box.x1 <= fig_box.x1 + 0.01 and box.y1 <= fig_box.y1 + 0.01)  # fmt: skip


def overlapping_labels(fig: Figure) -> int:
    renderer = _drawn(fig)
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_visible()]
    return sum(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


@pytest.fixture(scope="module")
def planted_figures():
    run = load_run(PLANTED)
    made = []
    for suite in run.suites:
        for probe in frames.probes_of(run.summary, suite):
            made += list(figures.probe_figures(run, suite, probe, planted_truth()))
        made += list(figures.benchmark_figures(run.summary, suite, run.meta))
    return made


def test_no_label_is_clipped(planted_figures):
    names = {name for name, _, _ in planted_figures}
    assert {"occupations_kurita_templates", "occupations_counterfactual_templates",
            "occupations_counterfactual_pll_difference_vs_reference"} <= names  # fmt: skip
    clipped = [name for name, fig, _ in planted_figures if not inside_figure(fig)]
    assert clipped == []


def test_occupation_scatter_labels_do_not_overlap(planted_figures):
    scatters = [(n, f) for n, f, _ in planted_figures if "_vs_" in n]
    assert len(scatters) == 6
    for name, fig in scatters:
        n_labels = sum(len(ax.texts) for ax in fig.axes)
        assert n_labels >= 10, name  # thinned, not emptied
        assert overlapping_labels(fig) == 0, name


def test_comparison_style_long_xlabel_fits():
    frame = pd.DataFrame({"label": ["occupations/counterfactual: all"], "value": [0.1],
                          "ci_low": [0.0], "ci_high": [0.2]})  # fmt: skip
    label = ("difference B - A in pseudo-log-likelihood difference, female minus male sentences "
             "(nats; 0 = none)")  # fmt: skip
    fig = plots.forest_plot(frame, title="Run B - run A", xlabel=label, reference=0.0)
    assert inside_figure(fig)


def test_captions_hold_no_raw_dicts_or_long_floats(tmp_path):
    saved = figures.build_figures(load_run(PLANTED), out_dir=tmp_path)
    assert len(saved) >= 10
    for fig in saved:
        assert "{" not in fig.caption and not LONG_FLOAT.search(fig.caption), fig.caption
    templates = next(f for f in saved if f.name == "occupations_pronoun_templates")
    assert re.search(r"template \d\.\d\d, filler \d\.\d\d, residual \d\.\d\d", templates.caption)


def _na_texts(ax) -> list[float]:
    """The y of every "n/a" mark on ``ax``."""
    return [t.get_position()[1] for t in ax.texts if t.get_text() == "n/a"]


def test_forest_rows_without_a_value_say_n_a_and_the_x_axis_covers_everything():
    # rows top to bottom: a (y=2), b (y=1, no value after --limit), c (y=0)
    frame = pd.DataFrame({"label": ["a", "b", "c"], "value": [55.0, np.nan, 40.0],
                          "ci_low": [45.0, np.nan, 20.0],
                          "ci_high": [65.0, np.nan, 48.0]})  # fmt: skip
    ax = plots.forest_plot(frame, title="t", xlabel="x", reference=0.0).axes[0]
    assert _na_texts(ax) == [1]
    # data from the reference 0 to the highest interval end 65; 5% of 65 = 3.25 each side
    assert ax.get_xlim() == pytest.approx((-3.25, 68.25))
    lo, hi = ax.get_ylim()
    assert lo < 0 and hi > 2  # every row inside, the n/a one too


def test_forest_interval_ends_beyond_the_point_are_inside_the_axis():
    # the interval [10, 90] around 12, no reference: the axis spans 10..90 plus 4 each side
    frame = pd.DataFrame({"label": ["x"], "value": [12.0], "ci_low": [10.0], "ci_high": [90.0]})
    ax = plots.forest_plot(frame, title="t", xlabel="x").axes[0]
    assert ax.get_xlim() == pytest.approx((6.0, 94.0))
    assert _na_texts(ax) == []


def test_findings_forest_marks_rows_left_empty_by_limit():
    from xlmaudit.report.findings import findings_forest

    frame = pd.DataFrame({
        "suite": "s", "probe": ["p", "p", "p"], "group": ["all", "race", "age"],
        "metric": "share", "contrast": "more vs less", "label": "share (%)",
        "value": [60.0, 75.0, np.nan], "ci_low": [52.0, 40.0, np.nan],
        "ci_high": [68.0, 99.0, np.nan], "reference": 50.0,
    })  # fmt: skip
    (ax,) = findings_forest(frame).axes
    assert _na_texts(ax) == [0]  # the age row, last from the top
    assert ax.get_xlim() == pytest.approx((40.0 - 2.95, 99.0 + 2.95))  # 5% of 59 each side
