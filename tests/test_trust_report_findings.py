"""The report opens with findings; every directional number names its groups (issue 12 items 2
and 17)."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest

from xlmaudit.metrics.crows import holm
from xlmaudit.probes import get_kind
from xlmaudit.report import build_report
from xlmaudit.report.findings import direction_words, findings
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import write_fake_run


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    run_dir = write_fake_run(tmp_path_factory.mktemp("findings") / "run")
    return run_dir, build_report(run_dir)


def test_direction_sentence_names_the_groups_and_flips_the_interval():
    doc = get_kind("target_preference").doc("log_odds", ("female (she)", "male (he)"))
    assert direction_words(doc, 0.45, 0.08, 0.80) == (
        "the model prefers female (she) over male (he) by 0.45 nats [0.08, 0.80]"
    )
    # below zero: the other group is preferred, by |value|, with the interval mirrored
    assert direction_words(doc, -0.45, -0.80, -0.08) == (
        "the model prefers male (he) over female (she) by 0.45 nats [0.08, 0.80]"
    )
    assert direction_words(doc, 0.1, -0.2, 0.4).endswith("the interval includes no preference")
    crows = get_kind("crows-pairs").doc("pct_sent_more")
    assert direction_words(crows, 60.0, 55.0, 65.0) == (
        "the model prefers the more-stereotyping sentence in 60.0% of pairs [55.0, 65.0]"
    )


def test_findings_holm_is_across_the_whole_run(built):
    run_dir, _ = built
    table = findings(load_run(run_dir))
    # one headline per probe overall, plus each benchmark category (3 bias types x 2 estimators)
    assert list(table.probe[table.level == "overall"]) == ["pronoun", "meade2022", "aul"]
    assert (table.level == "category").sum() == 6
    assert np.allclose(table.p_holm, holm(table.p_value), equal_nan=True)
    # by hand: Holm over m tests multiplies the smallest p by m
    smallest = table.p_value.idxmin()
    assert table.p_holm[smallest] == pytest.approx(min(1.0, len(table) * table.p_value.min()))
    row = table[table.probe == "pronoun"].iloc[0]
    assert row.metric == "log_odds" and row.contrast == "female - male"
    assert row.excludes == (not row.ci_low <= 0.0 <= row.ci_high)


def test_report_opens_with_findings_and_collapses_the_rest(built):
    _, files = built
    html = files.html.read_text(encoding="utf-8")
    body = html[html.index("<body>") :]
    assert body.index("<h2>Findings</h2>") < body.index("<details>")
    for title in (
        "Run provenance",
        "Suite: toy",
        "References (declared by each suite)",
        "Full provenance (meta.json)",
    ):
        assert f"<details><summary>{title}</summary>" in html
    assert "prefers female (she) over male (he)" in html or "prefers male (he)" in html
    md = files.markdown.read_text(encoding="utf-8")
    assert md.index("## Findings") < md.index("## Run provenance") < md.index("## Suite: toy")
    assert "findings\\_forest.png" in md or "findings_forest.png" in md


def test_example_items_are_shown_once_per_item(built):
    _, files = built
    md = files.markdown.read_text(encoding="utf-8")
    part = md[md.index("### Probe: pronoun") :]
    part = part[part.index("example items") :].split("\n\n")[1]
    texts = re.findall(r"^\| [^|]+ \| [^|]+ \| ([^|]+) \|", part, re.M)[1:]
    assert texts and len(texts) == len(set(texts))  # was: each item twice (she row, he row)
    assert "first 6 of 24 items, one row each" in md


def test_groups_are_named_in_labels_methods_card_and_model_index(built):
    run_dir, files = built
    md = files.markdown.read_text(encoding="utf-8")
    assert "log-odds of female vs male at the mask" in md  # methods table, not "group A"
    assert "group A" not in md
    card = files.model_card.read_text(encoding="utf-8")
    assert "name: log_odds (pronoun)" in card
    assert "pronoun (log\\_odds, n = " in card
    assert "the model prefers female (she) over male (he)" in card or "prefers male (he)" in card


def test_findings_table_flags_intervals_that_exclude_no_bias(built, tmp_path):
    run_dir, _ = built
    table = findings(load_run(run_dir))
    soc = table[(table.probe == "aul") & (table.group == "socioeconomic")].iloc[0]
    # 0 of 2 pairs: the exact (Clopper-Pearson) interval [0, 1 - 0.025^(1/2)] = [0, 84.19] holds
    # 50 (a percentile bootstrap gave 0 [0, 0], "excludes no bias" on 2 pairs: issue 21)
    assert soc.value == 0.0 and soc.ci_high == pytest.approx(100 * (1 - 0.025**0.5))
    assert not bool(soc.excludes) and not bool(soc.finding)
    copy = shutil.copytree(run_dir, tmp_path / "run")
    html = build_report(copy).html.read_text(encoding="utf-8")
    # one column says whether a row is a finding (issue 24); no "excludes no bias" column
    assert "<th>finding</th>" in html and "excludes no bias" not in html
