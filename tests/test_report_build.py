"""Report build on synthetic run directories: files, escaping, self-containment, model card."""

from __future__ import annotations

import json
import re
from html import unescape

import pandas as pd
import pytest
from huggingface_hub import ModelCard

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.report import build_report
from xlmaudit.report.fixtures import write_synthetic_run
from xlmaudit.report.load import load_run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    run_dir = write_synthetic_run(tmp_path_factory.mktemp("run") / "run")
    return run_dir, build_report(run_dir)


def test_build_report_writes_every_file_and_png_figures(built):
    run_dir, files = built
    names = {f.name for f in files.figures}
    assert {"occupations_forest", "occupations_vs_labour", "crows_pairs_categories"} <= names
    assert "occupations_pronoun_preference_templates" in names
    for fig in files.figures:
        assert fig.path.parent == run_dir / "figures"
        assert fig.path.read_bytes()[:8] == PNG_MAGIC
    for path in (files.html, files.markdown, files.model_card):
        assert path.is_file() and path.stat().st_size > 500


def test_html_embeds_every_figure_and_references_nothing_outside(built):
    _, files = built
    html = files.html.read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == len(files.figures)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in unescape(html)


def test_data_text_is_escaped_in_html_and_markdown(built):
    _, files = built
    html = files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8")
    assert "<b>gender</b>" not in html and "&lt;b&gt;gender&lt;/b&gt;" in html
    assert "<b>" not in md and "&lt;b&gt;gender&lt;/b&gt;" in md


def test_report_states_provenance_intervals_methods_and_caveats(built):
    run_dir, files = built
    md = files.markdown.read_text(encoding="utf-8")
    meta = json.loads((run_dir / "meta.json").read_text())
    assert meta["model"]["fingerprint"] in md
    assert "Blodgett" in md and "Nangia" in md
    summary = pd.read_csv(run_dir / "summary.csv")
    row = summary[(summary["probe"] == "nangia2020") & (summary["group"] == "overall")].iloc[0]
    assert f"\\[{row.ci_low:.3f}, {row.ci_high:.3f}\\]" in md
    assert "crows\\_pairs\\_anonymized.csv (sha256 " + "cd" * 32 in md
    assert "Synthetic run directory" in md


def test_model_card_sections_and_model_index_match_summary(built):
    run_dir, files = built
    text = files.model_card.read_text(encoding="utf-8")
    assert "## Bias, Risks, and Limitations" in text and "## Evaluation" in text
    card = ModelCard(text)
    results = card.data.eval_results
    summary = pd.read_csv(run_dir / "summary.csv")
    crows = summary[(summary["suite"] == "crows-pairs") & (summary["metric"] == "metric_score")]
    assert len([r for r in results if r.dataset_name == "crows-pairs"]) == len(crows)
    first = next(r for r in results if r.metric_name == "metric_score (aul, gender)")
    row = crows[(crows["probe"] == "aul") & (crows["group"] == "gender")].iloc[0]
    assert first.metric_value == pytest.approx(row.value, abs=1e-4)
    assert first.metric_args["ci_low"] == pytest.approx(row.ci_low, abs=1e-6)
    assert first.metric_args["n"] == row.n
    occupations = [r for r in results if r.dataset_name == "occupations"]
    assert {r.metric_config for r in occupations} == {"overall"}


@pytest.mark.parametrize(
    ("model", "random_weights", "phrase"),
    [("planted", False, "planted-bias calibration model"), ("tiny", True, "random weights")],
)
def test_card_says_planted_or_random(tmp_path, model, random_weights, phrase):
    run_dir = write_synthetic_run(tmp_path / "r", model=model, random_weights=random_weights)
    meta = json.loads((run_dir / "meta.json").read_text())
    del meta["synthetic"]
    (run_dir / "meta.json").write_text(json.dumps(meta))
    text = build_report(run_dir).model_card.read_text()
    assert phrase in text
    other = "random weights" if phrase != "random weights" else "planted-bias calibration"
    assert other not in text


def test_card_command_prints_the_card(tmp_path, capsys):
    run_dir = write_synthetic_run(tmp_path / "r", suites=("crows-pairs",))
    assert main(["card", str(run_dir)]) == 0
    out = capsys.readouterr().out
    assert out == (run_dir / "model_card.md").read_text()
    assert (run_dir / "report.html").is_file()


def test_card_command_missing_run_dir_is_one_line_error(tmp_path, capsys):
    assert main(["card", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "not a directory" in err and "Traceback" not in err


def test_missing_meta_and_summary_column_name_the_file(tmp_path):
    run_dir = write_synthetic_run(tmp_path / "r", suites=("crows-pairs",))
    summary = pd.read_csv(run_dir / "summary.csv").drop(columns=["ci_high"])
    summary.to_csv(run_dir / "summary.csv", index=False)
    with pytest.raises(InputError, match=r"summary\.csv: missing column\(s\) ci_high"):
        load_run(run_dir)
    (run_dir / "meta.json").unlink()
    with pytest.raises(InputError, match=r"meta\.json: not found"):
        load_run(run_dir)
