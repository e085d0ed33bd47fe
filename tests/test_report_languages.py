"""Multilingual report and card (issue 15 item 4), on hand-made run directories: sections per
language, the same probe across languages with intervals, the cross-language paired comparison,
model-index entries per language; a run without ``lang`` renders as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from huggingface_hub import ModelCard
from matplotlib.container import ErrorbarContainer

from xlmaudit.errors import InputError
from xlmaudit.report import build_report
from xlmaudit.report.figures import across_language_figures
from xlmaudit.report.findings import findings
from xlmaudit.report.language_blocks import cross_sentence
from xlmaudit.report.languages import base_id, fill_lang, skipped_languages
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import write_fake_run

CROWS = {"kind": "crows-pairs", "main_metric": "pct_sent_more"}
PRONOUN = {"kind": "target_preference", "main_metric": "log_odds", "contrast": ["female", "male"]}
META = {
    "synthetic": True,
    "model": {"name": "fake-bilingual", "fingerprint": "fake:bilingual"},
    "dtype": "float32",
    "suites": {
        "crows-pairs-fr": {"version": "1.0", "language": "fr", "languages": ["fr"],
                           "probes": {"meade2022": {**CROWS, "language": "fr"}}},
        "crows-pairs-en-revised": {"version": "1.0", "languages": ["en"],
                                   "probes": {"meade2022": {**CROWS, "language": "en"}}},
        "gender-occupation": {
            "version": "1.0", "languages": ["en", "fr"], "skipped_languages": ["it", "pt"],
            "probes": {
                "pronoun-en": {**PRONOUN, "language": "en",
                               "groups": {"female": ["she"], "male": ["he"]}},
                "pronoun-fr": {**PRONOUN, "language": "fr",
                               "groups": {"female": ["elle"], "male": ["il"]}},
            },
        },
    },
    "cross_language": {"file": "cross_language.csv"},
}  # fmt: skip
# suite, probe, lang, group, level, metric, value, ci_low, ci_high, n, p_value, contrast
ROWS = [
    ("crows-pairs-fr", "meade2022", "fr", "all", "overall", "pct_sent_more", 58.0, 54.0, 62.0,
     1677, 0.001, ""),
    ("crows-pairs-fr", "meade2022", "fr", "gender", "category", "pct_sent_more", 60.0, 52.0,
     68.0, 300, 0.02, ""),
    ("crows-pairs-en-revised", "meade2022", "en", "all", "overall", "pct_sent_more", 52.0, 49.0,
     55.0, 1677, 0.2, ""),
    ("crows-pairs-en-revised", "meade2022", "en", "gender", "category", "pct_sent_more", 51.0,
     44.0, 58.0, 300, 0.8, ""),
    ("gender-occupation", "pronoun-en", "en", "all", "overall", "log_odds", 0.4, 0.1, 0.7, 120,
     0.01, "female - male"),
    ("gender-occupation", "pronoun-fr", "fr", "all", "overall", "log_odds", -0.2, -0.5, 0.1, 120,
     0.2, "female - male"),
]  # fmt: skip
COLUMNS = ("suite", "probe", "lang", "group", "level", "metric", "value", "ci_low", "ci_high", "n",
           "p_value", "contrast")  # fmt: skip
CROSS = pd.DataFrame(
    [("meade2022", "all", "fr", "en", 1677, 0.58, 0.52, 0.06, 0.03, 0.09, 250, 150, 6.1e-7,
      "more stereotyping in fr"),
     ("meade2022", "race-color", "fr", "en", 400, 0.50, 0.54, -0.04, -0.08, 0.0, 40, 56, 0.12,
      "more stereotyping in en")],
    columns=["estimator", "bias_type", "lang_a", "lang_b", "n_pairs", "share_a", "share_b",
             "difference", "ci_low", "ci_high", "discordant_ab", "discordant_ba", "p_value",
             "direction"],
)  # fmt: skip


def write_run(path: Path, *, rows=ROWS, meta=META, cross: pd.DataFrame | None = CROSS) -> Path:
    """A run directory by hand: meta.json, summary.csv (no raw frames), cross_language.csv."""
    path.mkdir(parents=True)
    (path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    pd.DataFrame(rows, columns=COLUMNS).to_csv(path / "summary.csv", index=False)
    if cross is not None:
        cross.to_csv(path / "cross_language.csv", index=False)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    run_dir = write_run(tmp_path_factory.mktemp("bilingual") / "run")
    return run_dir, build_report(run_dir)


def test_base_id_drops_only_the_probe_language():
    assert base_id("binary-fr", "fr") == "binary" == base_id("binary_en", "en")
    assert base_id("binary-whole_word-fr", "fr") == "binary-whole_word"  # separators kept
    assert base_id("meade2022", "fr") == "meade2022"
    # honest's ids: the English probe has no suffix, the others a language suffix
    assert base_id("binary-whole_word-fr", "fr") == base_id("binary-whole_word", "en")
    assert base_id("fr-en-pairs", "fr") == "en-pairs"  # only the probe's own language goes
    assert base_id("fr", "fr") == "fr"  # nothing left: the id itself


def test_findings_are_grouped_by_language_each_with_interval_and_direction(built):
    _, files = built
    md = files.markdown.read_text(encoding="utf-8")
    fr = md.index("### Language: French (fr)")
    en = md.index("### Language: English (en)")
    across = md.index("## Across languages")
    assert fr < en < across  # in the order the summary holds them
    fr_part, en_part = md[fr:en], md[en:across]
    assert "crows-pairs-fr/meade2022" in fr_part and "crows-pairs-en-revised" not in fr_part
    assert "crows-pairs-en-revised/meade2022" in en_part and "crows-pairs-fr" not in en_part
    assert "58.0% \\[54.0, 62.0\\]" in fr_part  # half-width 4: two significant digits, 4.0
    assert "the model prefers the more-stereotyping sentence in 58" in fr_part
    # the French pronoun probe: groups named with their French words, direction flipped
    assert "the model prefers male (il) over female (elle) by 0.20 nats" in fr_part
    # details: the suite spanning both languages gets a heading per language
    suite = md[md.index("## Suite: gender-occupation (en, fr)") :]
    assert suite.index("### Language: English (en)") < suite.index("### Probe: pronoun-en (en)")
    assert suite.index("### Language: French (fr)") < suite.index("### Probe: pronoun-fr (fr)")


def test_same_probe_across_languages_figure_has_each_language_interval(built):
    run_dir, files = built
    names = {f.name for f in files.figures}
    assert {"across_languages_meade2022_pct_sent_more_all",
            "across_languages_pronoun_log_odds_all"} <= names  # fmt: skip
    run = load_run(run_dir)
    made = {name: (fig, caption) for name, fig, caption in across_language_figures(
        findings(run), run.meta)}  # fmt: skip
    assert set(made) == {"across_languages_meade2022_pct_sent_more_all",
                         "across_languages_pronoun_log_odds_all"}  # fmt: skip
    ax = made["across_languages_meade2022_pct_sent_more_all"][0].axes[0]
    ticks = sorted(
        ((t.get_position()[1], t.get_text()) for t in ax.get_yticklabels()), reverse=True
    )
    # top to bottom in run order, one row per language
    assert [text for _, text in ticks] == [
        "fr (crows-pairs-fr/meade2022)",
        "en (crows-pairs-en-revised/meade2022)",
    ]
    bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    spans = sorted(tuple(seg[:, 0]) for c in bars for seg in c.lines[2][0].get_segments())
    assert spans == [(49.0, 55.0), (54.0, 62.0)]  # each language's 95% interval
    assert [line.get_xdata()[0] for line in ax.get_lines() if line.get_linestyle() == "--"] == [50]
    assert "toward more-stereotyping" in " ".join(ax.get_xlabel().split())
    pronoun = made["across_languages_pronoun_log_odds_all"][0].axes[0]
    xlabel = " ".join(pronoun.get_xlabel().split())  # wrapped over lines
    assert "0 = no preference); right of the dashed no-bias line (0): toward female" in xlabel


def test_cross_language_comparison_sentence_and_table(built):
    _, files = built
    md = files.markdown.read_text(encoding="utf-8")
    card = files.model_card.read_text(encoding="utf-8")
    # hand: difference 0.06 of shares 0.58 - 0.52 -> 6.0 percentage points, interval 3.0-9.0
    sentence = ("meade2022: on the 1677 pairs present in both, the model prefers the stereotyping "
                "sentence more often in fr than in en by 6.0 percentage points \\[3.0, 9.0\\] "
                "(58.0% in fr, 52.0% in en), McNemar p = 6.10e-07")  # fmt: skip
    assert sentence in md and sentence in card
    assert "| fr vs en | meade2022 | race-color | 400 |" in md
    assert "| fr vs en | meade2022 | all | 1677 |" not in card  # the card is a page: sentences
    assert "not named in meta.json" not in md
    # the paired differences per bias type, one figure per estimator, in the report
    cross = next(f for f in files.figures if f.name == "cross_language_meade2022")
    assert f"](figures/{cross.path.name})" in md[md.index("### Cross-language paired") :]


def test_cross_sentence_mirrors_a_negative_difference():
    row = CROSS.iloc[1]
    text = cross_sentence(row, fractions=True)
    # -0.04 [-0.08, 0.00] as fr - en is en - fr = 4.0 points [0.0, 8.0]
    assert "more often in en than in fr by 4.0 percentage points [0.0, 8.0]" in text
    assert text.startswith("meade2022 (race-color): on the 400 pairs present in both")
    assert text.endswith("McNemar p = 0.120; the interval includes no difference")


def test_cross_language_file_without_needed_columns_names_the_file(tmp_path):
    run_dir = write_run(tmp_path / "run", cross=CROSS.drop(columns=["difference"]))
    with pytest.raises(InputError, match=r"cross_language\.csv: missing columns \['difference'\]"):
        load_run(run_dir)


def test_model_index_has_an_entry_per_language(built):
    _, files = built
    text = files.model_card.read_text(encoding="utf-8")
    results = ModelCard(text).data.eval_results
    entries = {(r.dataset_name, r.dataset_config) for r in results}
    assert entries == {("crows-pairs-fr", "fr"), ("crows-pairs-en-revised", "en"),
                       ("gender-occupation", "en"), ("gender-occupation", "fr")}  # fmt: skip
    fr = [r for r in results if r.metric_name == "pct_sent_more (meade2022)"
          and r.dataset_name == "crows-pairs-fr"]  # fmt: skip
    assert [(r.metric_type, r.metric_value, r.metric_args["ci_low"]) for r in fr] == [
        ("pct_sent_more", 58.0, 54.0)
    ]
    assert "config: fr" in text and "config: en" in text
    # the card's headlines name the language of each row
    assert "- French (fr): pronoun-fr (log\\_odds" in text


def test_fill_lang_reads_an_old_run_as_its_recorded_language_else_english():
    summary = pd.DataFrame({"suite": ["a", "a", "b"], "probe": ["p", "q", "r"],
                            "level": ["overall"] * 3, "value": [1.0, 2.0, 3.0]})  # fmt: skip
    meta = {"suites": {"a": {"language": "de", "probes": {"p": {"language": "fr"}}}}}
    out = fill_lang(summary, meta)
    assert list(out.columns) == ["suite", "probe", "level", "lang", "value"]
    assert list(out["lang"]) == ["fr", "de", "en"]


def test_run_without_lang_renders_as_before(tmp_path):
    """An old run (no ``lang`` column) and the same run with ``lang`` = en: identical report and
    card, no language headings, model-index configs are probe ids."""
    old = write_fake_run(tmp_path / "old")
    summary = pd.read_csv(old / "summary.csv")
    if "lang" in summary.columns:  # the fixture after issue 15: make it the older format
        summary.drop(columns=["lang"]).to_csv(old / "summary.csv", index=False)
    new = shutil.copytree(old, tmp_path / "new")
    with_lang = pd.read_csv(new / "summary.csv")
    with_lang.insert(with_lang.columns.get_loc("level") + 1, "lang", "en")
    with_lang.to_csv(new / "summary.csv", index=False)
    files = [build_report(d) for d in (old, new)]
    for kind in ("markdown", "model_card"):
        a, b = (getattr(f, kind).read_text(encoding="utf-8") for f in files)
        assert a.replace("old", "new") == b.replace("old", "new")
    md = files[0].markdown.read_text(encoding="utf-8")
    assert "Language:" not in md and "Across languages" not in md
    assert not any(f.name.startswith("across_languages") for f in files[0].figures)
    configs = {
        r.dataset_config for r in ModelCard(files[0].model_card.read_text()).data.eval_results
    }
    assert configs == {"pronoun", "meade2022", "aul"}


def test_skipped_languages_are_said_in_report_and_card(built):
    _, files = built
    note = "skipped\\_languages): gender-occupation in it, pt."
    assert note in files.markdown.read_text(encoding="utf-8")
    card = files.model_card.read_text(encoding="utf-8")
    section = card[card.index("### gender-occupation") :]
    # the card: one line per language not measured, in its suite's section
    assert "- Not measured in this run: it.\n- Not measured in this run: pt." in section
    meta = {"suites": {"honest": {"skipped_languages": {"ro": "not in the model's lang2id"}}}}
    assert skipped_languages(meta, "honest") == ["ro (not in the model's lang2id)"]
    assert skipped_languages(meta, "other") == []


def test_languages_the_checkpoint_lacks_are_flagged(tmp_path):
    meta = {**META, "model": {**META["model"], "lang2id": {"en": 0, "de": 1}}}
    files = build_report(write_run(tmp_path / "run", meta=meta, cross=None))
    note = (
        "Probes in fr measure text in a language the model was not trained on "
        "(its languages: en, de)"
    )
    md = files.markdown.read_text(encoding="utf-8")
    assert f"> **Warning:** {note}" in md
    assert note in files.model_card.read_text(encoding="utf-8")
    assert "Cross-language paired comparison" not in md  # no cross_language.csv: no section


def test_cross_language_extra_columns_and_a_recorded_failure(tmp_path):
    extra = CROSS.assign(p_holm=[float("nan"), 0.24], n_only_a=[3, 1], n_only_b=[5, 0])
    files = build_report(write_run(tmp_path / "with", cross=extra))
    md = files.markdown.read_text(encoding="utf-8")
    assert "| McNemar p | Holm p (per estimator) | only in a | only in b | direction |" in md
    assert "| 0.120 | 0.240 | 1 | 0 | more stereotyping in en |" in md
    failed = {**META, "cross_language": {"file": None, "error": "no pair id scored in both"}}
    files = build_report(write_run(tmp_path / "failed", meta=failed, cross=None))
    md = files.markdown.read_text(encoding="utf-8")
    assert "> **Warning:** Not computed: no pair id scored in both" in md
