"""``xlmaudit explain`` end to end on a tiny XLM model, and the attribution figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xlmaudit.cli import main


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    from xlmaudit.testing import make_tiny_xlm

    return str(make_tiny_xlm(tmp_path_factory.mktemp("xlm")))


def test_explain_prints_words_and_writes_html_png_csv(model_dir, tmp_path, capsys):
    out = tmp_path / "out"
    text = "the nurse said that [MASK] was tired."
    args = ["--target", "she", "--contrast", "he", "--steps", "20", "--out", str(out)]
    code = main(["explain", "--model", model_dir, text, *args])
    captured = capsys.readouterr()
    printed = captured.out
    assert code == 0
    assert "has random weights" in captured.err  # the tiny test model carries the marker
    assert "F = log P(she) - log P(he)" in printed and "20 steps" in printed
    assert all(w in printed for w in ("nurse", "said", "tired", "[MASK]"))
    tokens = pd.read_csv(out / "attributions.csv")
    assert tokens["attribution"].sum() == pytest.approx(
        tokens["value"].iloc[0] - tokens["baseline_value"].iloc[0], abs=1e-4
    )
    page = (out / "explanation.html").read_text()
    assert page.startswith("<!doctype html>") and "&lt;s&gt;" in page and "<s>" not in page
    assert (out / "explanation.png").read_bytes()[:4] == b"\x89PNG"


def test_explain_bad_text_is_one_line_error(model_dir, tmp_path, capsys):
    code = main(["explain", "--model", model_dir, "no mask", "--target", "she",
                 "--out", str(tmp_path)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "has 0 [MASK] slots" in err and "Traceback" not in err


def test_attribution_figures_draw_from_frames():
    from xlmaudit.report.attribution_plot import plot_top_words

    top = pd.DataFrame({"group": ["she", "he"], "word": ["nurse", "engineer"],
                        "value": [0.5, 0.3], "ci_low": [0.4, np.nan], "ci_high": [0.6, np.nan],
                        "n": [4, 1]})  # fmt: skip
    fig = plot_top_words(top)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["nurse  → she  (n=4)", "engineer  → he  (n=1)"]
