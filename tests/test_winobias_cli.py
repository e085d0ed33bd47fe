"""`xlmaudit run --model planted --suite winobias` offline: raw parquet, summary rows, figure."""

from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.report.winobias_plots import occupation_frame, occupation_vs_bls_plot

pytestmark = pytest.mark.slow  # loads the planted model and builds the report

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def test_planted_run_writes_the_contract(tmp_path):
    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--suite", "winobias", "--data-dir", str(DATA)]
    assert main([*argv, "--out", str(out), "--limit", "4"]) == 0
    raw = pd.read_parquet(out / "raw" / "winobias.parquet")
    assert sorted(raw.probe.unique()) == ["cloze", "pll"] and len(raw) == 2 * 4
    cloze = raw[raw.probe == "cloze"]
    assert (
        cloze.usable.all() and cloze[[f"lp_{w}" for w in ("he", "she", "her")]].notna().all().all()
    )
    assert raw[raw.probe == "pll"].pll_difference.notna().all()
    summary = pd.read_csv(out / "summary.csv")
    cols = ["suite", "probe", "group", "metric", "value", "ci_low", "ci_high", "n", "p_value"]
    assert summary.columns[: len(cols)].tolist() == cols
    overall = summary[(summary.group == "all") & (summary.metric == "pct_stereotypical")]
    assert sorted(overall.probe) == ["cloze", "pll"] and (overall.n == 4).all()
    assert overall.value.between(0, 100).all()
    assert (summary.group == "bls").sum() == 4  # spearman + pearson for each probe
    assert (out / "figures" / "winobias_cloze_bls.png").is_file()


def test_figure_points_are_the_occupation_means():
    raw = pd.DataFrame(
        {
            "usable": [True, True, True, False],
            "occupation": ["nurse", "nurse", "mechanic", "mechanic"],
            "stereo_gender": ["female", "female", "male", "male"],
            "women_share": [87.9, 87.9, 2.9, 2.9],
            "female_score": [1.0, 3.0, -2.0, 99.0],  # the unusable 99 is left out
        }
    )
    frame = occupation_frame(raw).set_index("occupation")
    assert frame.loc["nurse", "value"] == 2.0 and frame.loc["nurse", "n"] == 2
    assert frame.loc["mechanic", "value"] == -2.0 and frame.loc["mechanic", "n"] == 1
    fig = occupation_vs_bls_plot(frame.reset_index(), title="t", ylabel="y")
    (ax,) = fig.axes
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == ["mechanic", "nurse"]
    assert "2/2 occupations in the labour lexicon" in ax.get_title()
