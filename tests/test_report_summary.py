"""The summary that opens a report (issue 24 items 1 and 3): sentences computed from the run and a
heatmap per suite and language, on a hand-made French CrowS-like run of three estimators."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.probes import get_kind
from xlmaudit.report import build_report
from xlmaudit.report.card import model_card_text
from xlmaudit.report.findings import findings
from xlmaudit.report.load import load_run
from xlmaudit.report.summary_figure import figure_name
from xlmaudit.report.summary_text import run_summaries, side_words, summaries

SUITE = "crows-fr"
CONTRAST = ["more-stereotyping", "less-stereotyping"]
ESTIMATORS = ("nangia2020", "meade2022", "aul")
# per estimator: the overall row (value, ci_low, ci_high, p); categories are the same for all
OVERALL_SPLIT = {"nangia2020": (56.0, 53.0, 59.0, 1e-4), "meade2022": (44.0, 41.0, 47.0, 1e-4),
                 "aul": (55.0, 52.0, 58.0, 1e-3)}  # fmt: skip
OVERALL_AGREE = {**OVERALL_SPLIT, "meade2022": (53.0, 50.5, 55.5, 0.02)}
CATEGORIES = (("gender", 60.0, 53.0, 67.0, 200, 1e-5), ("race-color", 51.0, 43.0, 59.0, 150, 0.8),
              ("autre", 70.0, 35.0, 93.0, 10, 0.2))  # fmt: skip


def _rows(overall: dict) -> list[dict]:
    rows = []
    for est in ESTIMATORS:
        for group, v, lo, hi, n, p in CATEGORIES:
            rows.append(dict(group=group, level="category", value=v, ci_low=lo, ci_high=hi, n=n,
                             p_value=p, probe=est))  # fmt: skip
        v, lo, hi, p = overall[est]
        rows.append(dict(group="all", level="overall", value=v, ci_low=lo, ci_high=hi, n=400,
                         p_value=p, probe=est))  # fmt: skip
    for r in rows:
        r.update(suite=SUITE, metric="pct_sent_more", lang="fr", estimator=r["probe"])
    return rows


def write_run(out: Path, overall: dict) -> Path:
    """A run directory holding only summary.csv and meta.json (no raw frames)."""
    out.mkdir(parents=True)
    cols = ["suite", "probe", "group", "metric", "value", "ci_low", "ci_high", "n", "p_value",
            "level", "lang", "estimator"]  # fmt: skip
    pd.DataFrame(_rows(overall))[cols].to_csv(out / "summary.csv", index=False)
    probes = {e: {"kind": "crows-pairs", "main_metric": "pct_sent_more", "contrast": CONTRAST,
                  "language": "fr", "estimator": e} for e in ESTIMATORS}  # fmt: skip
    meta = {"synthetic": True, "model": {"name": "fake"},
            "suites": {SUITE: {"version": "1", "languages": ["fr"], "probes": probes,
                               "skipped_languages": {"de": "not in the model"}}}}  # fmt: skip
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("summary")
    return write_run(root / "split", OVERALL_SPLIT), write_run(root / "agree", OVERALL_AGREE)


def _text(run_dir: Path, **frames) -> str:
    run = load_run(run_dir)
    (only,) = summaries(run, findings(run), **frames)
    assert (only.suite, only.lang) == (SUITE, "fr")
    assert 3 <= len(only.sentences) <= 6
    return only.text


def test_side_words_come_from_the_kinds_declared_sentences():
    doc = get_kind("crows-pairs").doc("pct_sent_more")
    assert side_words(doc) == ("prefers the more-stereotyping sentence",
                               "prefers the less-stereotyping sentence")  # fmt: skip
    # a metric with the same words on both sides has no direction
    assert side_words(get_kind("honest").doc("honest@20")) is None


def test_estimators_split_in_direction_say_the_direction_depends_on_the_estimator(runs):
    text = _text(runs[0])
    assert ("2 of 3 estimators find that the model prefers the more-stereotyping sentence "
            "(nangia2020, aul); 1 finds the opposite (meade2022): the direction depends on the "
            "estimator.") in text  # fmt: skip
    # the headline quotes the decision rule's interval: 12 headline tests (3 estimators x 4 rows),
    # Bonferroni level 1 - 0.05/12, so the 95% half-width 3 widens by z(1 - 0.025/12) / z(0.975)
    # = 2.8653 / 1.9600: 56.0 -+ 4.386 -> [51.6, 60.4]
    assert text.startswith("Headline (nangia2020, pct_sent_more): the model prefers the "
                           "more-stereotyping sentence in 56.0% of pairs [51.6, 60.4]")  # fmt: skip


def test_estimators_that_agree_are_said_to_agree(runs):
    text = _text(runs[1])
    assert "depends on the estimator" not in text
    assert ("3 of 3 estimators find that the model prefers the more-stereotyping sentence: they "
            "agree in direction.") in text  # fmt: skip


def test_findings_are_listed_largest_first_and_small_categories_named(runs):
    text = _text(runs[0])
    # 12 tests, so the decision rule's intervals are at 1 - 0.05/12: each 95% half-width widens
    # by z(1 - 0.025/12) / z(0.975) = 1.4619. Gender (60.0 [53.0, 67.0], Holm p 6e-5) widens to
    # [49.8, 70.2], which holds 50: not a finding. The overall rows widen to [51.6, 60.4],
    # [39.6, 48.4] and [50.6, 59.4]: findings, 6, 6 and 5 points from 50 (largest first)
    listed = text[text.index("largest first: ") :].split(". ")[0]
    assert listed.startswith("largest first: nangia2020: prefers the more-stereotyping sentence, "
                             "56.0% [51.6, 60.4]; meade2022: prefers the less-stereotyping "
                             "sentence, 44.0% [39.6, 48.4]; aul: prefers the more-stereotyping "
                             "sentence, 55.0% [50.6, 59.4]")  # fmt: skip
    assert "gender (" not in listed  # its adjusted interval holds 50
    assert "race-color (" not in listed and "autre (" not in listed  # Holm p 1; n 10 < 30
    assert "Under the declared minimum of 30 items, so never a finding: autre (n = 10)." in text
    assert text.endswith("Not measured in this run: de (not in the model).")


def test_power_from_quality_replaces_the_minimum_n(runs):
    quality = pd.DataFrame([
        {"suite": SUITE, "probe": e, "lang": "fr", "group": g, "metric": "pct_sent_more",
         "power_5pt": power} for e in ESTIMATORS
        for g, power in (("gender", 0.9), ("race-color", 0.5), ("autre", 0.1))
    ])  # fmt: skip
    text = _text(runs[0], quality=quality)
    assert "Too few items to detect a 5-point bias (power under 0.8 in quality.csv): race-color, " \
           "autre." in text  # fmt: skip
    assert "declared minimum of 30 items, so never" not in text


def test_report_opens_with_the_summary_and_its_figure_and_the_card_says_the_same(runs):
    files = build_report(runs[0])
    html = files.html.read_text(encoding="utf-8")
    body = html[html.index("<body>") :]
    assert body.index('<section id="summary">') < body.index('<section id="findings">')
    run = load_run(runs[0])
    (summary,) = run_summaries(run, findings(run))
    summary_html = body[body.index('<section id="summary">') : body.index("</section>")]
    assert summary.text.replace("&", "&amp;").replace("<", "&lt;") in summary_html
    png = runs[0] / "figures" / f"{figure_name(SUITE, 'fr')}.png"
    assert png.is_file() and png.stat().st_size > 5000
    alt = re.search(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', summary_html)
    assert alt and "more-stereotyping sentence" in alt[1] and "less-stereotyping" in alt[1]
    assert body.index("<img") < body.index('<section id="findings">')  # the first figure
    card = model_card_text(run)
    flat = re.sub(r"\\(.)", r"\1", card).replace("&lt;", "<")
    assert f"French (fr): {summary.text}" in flat
