"""Report build on run directories made by the real pipeline with a fake scorer."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape

import pandas as pd
import pytest
from huggingface_hub import ModelCard

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.report import build_report
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import write_fake_run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def fake_run(tmp_path_factory):
    return write_fake_run(tmp_path_factory.mktemp("run") / "run")


@pytest.fixture(scope="module")
def built(fake_run, tmp_path_factory):
    run_dir = shutil.copytree(fake_run, tmp_path_factory.mktemp("built") / "run")
    return run_dir, build_report(run_dir)


@pytest.fixture
def run_copy(fake_run, tmp_path):
    return shutil.copytree(fake_run, tmp_path / "run")


def test_build_report_writes_every_file_and_png_figures(built):
    run_dir, files = built
    names = {f.name for f in files.figures}
    assert names == {
        "summary_toy_en",  # issue 24 item 3: estimator x category heatmap under the summary
        "findings_forest",  # issue 12 item 17: one forest plot of all headlines
        "toy_pronoun_forest",
        "toy_pronoun_templates",
        "toy_pronoun_p_female_vs_reference",
        "toy_pct_sent_more_categories",
    }
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


HOSTILE = '<script>alert("x")</script> & <img src="https://evil.example/x.png"> [a](http://e.x) *b*'


def test_data_text_is_escaped_in_html_and_markdown(run_copy):
    meta = json.loads((run_copy / "meta.json").read_text())
    meta["suites"]["toy"]["card"]["limits"] = HOSTILE
    (run_copy / "meta.json").write_text(json.dumps(meta))
    files = build_report(run_copy)
    html = files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "evil.example" not in html.replace(
        "&lt;img src=&quot;https://evil.example/x.png&quot;&gt;", ""
    )
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; & &lt;img' in md
    assert "\\[a\\](http://e.x) \\*b\\*" in md
    # template items carry [MASK], which Markdown would read as link text if unescaped
    assert "[MASK]" in unescape(html) and "\\[MASK\\]" in md


def test_report_states_provenance_intervals_methods_and_caveats(built):
    run_dir, files = built
    md = files.markdown.read_text(encoding="utf-8")
    meta = json.loads((run_dir / "meta.json").read_text())
    assert meta["model"]["fingerprint"] in md
    # caveats and references: the suite card's declarations, verbatim, nothing borrowed
    caveats = md[md.index("### Caveats (declared by the suite)") :].split("###")[1]
    toy = "- Toy caveat: six made-up pairs measure nothing."
    assert " ".join(caveats.split("\n", 1)[1].split()) == toy
    refs = md[md.index("## References (declared by each suite)") :].split("##")[1]
    assert [ln for ln in refs.splitlines() if ln.startswith("- ")] == ["- Kurita et al. 2019"]
    summary = pd.read_csv(run_dir / "summary.csv")
    row = summary[(summary["probe"] == "aul") & (summary["group"] == "all")].iloc[0]
    assert f"\\[{row.ci_low:.3f}, {row.ci_high:.3f}\\]" in md
    assert f"| data: crows-pairs | sha256 {meta['data']['crows-pairs']['sha256']} |" in md
    assert "Synthetic run directory" in md
    assert "Toy suite for report tests" in md  # the suite card from meta.json


def test_model_card_sections_and_model_index_match_summary(built):
    run_dir, files = built
    text = files.model_card.read_text(encoding="utf-8")
    assert "## Bias, Risks, and Limitations" in text and "## Evaluation" in text
    results = ModelCard(text).data.eval_results
    summary = pd.read_csv(run_dir / "summary.csv")
    crows = summary[(summary["metric"] == "pct_sent_more") & (summary["probe"] == "aul")]
    crows = crows[~crows["group"].isin(["stereo", "antistereo"])]
    # the model-index: each probe's main metric over all items, never per category
    aul = [r for r in results if r.dataset_config == "aul"]
    row = crows[crows["group"] == "all"].iloc[0]
    assert [(r.metric_type, r.metric_name) for r in aul] == [
        ("pct_sent_more", "pct_sent_more (aul)")
    ]
    assert aul[0].metric_value == pytest.approx(row.value, abs=1e-4)
    assert aul[0].metric_args["ci_low"] == pytest.approx(row.ci_low, abs=1e-6)
    assert aul[0].metric_args["n"] == row.n
    pronoun = [r.metric_type for r in results if r.dataset_config == "pronoun"]
    assert pronoun == ["log_odds"]
    assert len(results) == summary[["suite", "probe"]].drop_duplicates().shape[0]


@pytest.mark.parametrize(
    ("model", "extra", "phrase", "absent"),
    [
        ("planted", {}, "planted-bias calibration model", "random weights"),
        ("tiny-xlm", {"random_weights": True}, "random weights", "planted-bias"),
        ("xlm-mlm-en-2048", {}, "Bias, Risks", "planted-bias"),
    ],
)
def test_card_says_planted_or_random(run_copy, model, extra, phrase, absent):
    run_dir = run_copy
    meta = json.loads((run_dir / "meta.json").read_text())
    meta["synthetic"] = False
    meta["model"] = {"name": model, **extra}
    (run_dir / "meta.json").write_text(json.dumps(meta))
    text = build_report(run_dir).model_card.read_text()
    assert phrase in text and absent not in text
    assert "random weights" not in text or model == "tiny-xlm"


def test_card_command_prints_the_card(run_copy, capsys):
    run_dir = run_copy
    assert main(["card", str(run_dir)]) == 0
    out = capsys.readouterr().out
    assert out == (run_dir / "model_card.md").read_text()
    assert (run_dir / "report.html").is_file() and (run_dir / "report.md").is_file()


def test_card_command_missing_run_dir_is_one_line_error(tmp_path, capsys):
    assert main(["card", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "not a directory" in err and "Traceback" not in err


def test_missing_meta_and_summary_column_name_the_file(run_copy):
    run_dir = run_copy
    summary = pd.read_csv(run_dir / "summary.csv").drop(columns=["ci_high"])
    summary.to_csv(run_dir / "summary.csv", index=False)
    with pytest.raises(InputError, match=r"summary\.csv: missing columns \['ci_high'\]"):
        load_run(run_dir)
    (run_dir / "meta.json").unlink()
    with pytest.raises(InputError, match=r"not a run directory \(no meta\.json\)"):
        load_run(run_dir)


def test_planted_card_states_recovery_of_planted_shares(tmp_path):
    """P(she) = planted share exactly (no noise) -> rank correlation with the truth is 1."""
    from xlmaudit.planted import truth
    from xlmaudit.testing.fixtures import OCCUPATIONS, fake_table

    planted = truth().query("association == 'gender_occupation'").set_index("term")
    shares = {o: float(planted.planted_value[o]) for o in OCCUPATIONS}
    run_dir = write_fake_run(
        tmp_path / "p", model="planted", table=fake_table(noise=0.0, shares=shares)
    )
    files = build_report(run_dir)
    card = files.model_card.read_text()
    assert "toy / pronoun: per-occupation p\\_female vs planted share: Spearman rho = 1.000" in card
    assert "n = 8 occupations" in card
    assert "toy_pronoun_p_female_vs_planted" in {f.name for f in files.figures}


def test_markdown_and_html_escaping_hand_examples():
    from xlmaudit.report.render import Para, Table, md_escape, render_html

    assert md_escape("a_b*c [x](y) <i> & |") == "a\\_b\\*c \\[x\\](y) &lt;i&gt; & \\|"
    assert md_escape("- not a list", line_start=True) == "\\- not a list"
    assert md_escape("&amp; stays text") == "&amp;amp; stays text"
    html = render_html([Para("<b>x</b>"), Table(("<th>",), (("a\"b'c",),))], title="<t>")
    assert "<title>&lt;t&gt;</title>" in html
    assert "<p>&lt;b&gt;x&lt;/b&gt;</p>" in html
    assert "<th>&lt;th&gt;</th>" in html and "<td>a&quot;b&#x27;c</td>" in html
