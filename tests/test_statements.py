"""Statements are declared, never inferred: a suite's caveat shows verbatim where that suite is
reported and nowhere else; a suite declaring none says so and borrows nothing; the card file
parses with huggingface_hub. Runs the planted model on two tiny inline template suites."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlmaudit.cli import main
from xlmaudit.report.render import md_escape
from xlmaudit.report.statements import NO_CAVEATS

WRONG = "DELIBERATELY WRONG CAVEAT: the moon is made of cheese (test suite)."
SUITE = """name: {name}
version: "1.0"
card:
  summary: test suite for declared statements
  measures: she/he preference after two occupations
  limits: two occupations, one template
  references: ["{name} reference (2020). A test reference."]
  calibration: none
{caveats}lexicons:
  occupation:
    name: occupation
    source: test
    entries: [{{term: nurse}}, {{term: engineer}}]
probes:
  - id: pronoun
    kind: target_preference
    templates: ["the {{occupation}} said that [MASK] was tired."]
    groups: {{female: [she], male: [he]}}
"""


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("statements")
    wrong = root / "wrong-one.yaml"
    wrong.write_text(SUITE.format(name="wrong-one", caveats=f'  caveats: ["{WRONG}"]\n'))
    plain = root / "no-caveats.yaml"
    plain.write_text(SUITE.format(name="no-caveats", caveats=""))
    out = root / "run"
    args = ["run", "--model", "planted", "--suite", str(wrong), "--suite", str(plain),
            "--no-cache", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    return out


def test_a_declared_caveat_shows_verbatim_in_its_suite_and_nowhere_else(run_dir):
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    card = (run_dir / "model_card.md").read_text(encoding="utf-8")
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert md.count(md_escape(WRONG)) == 1 and card.count(md_escape(WRONG)) == 1
    assert html.count(WRONG) == 1
    wrong = md[md.index("## Suite: wrong-one") : md.index("## Suite: no-caveats")]
    assert f"- {md_escape(WRONG)}" in wrong
    plain = md[md.index("## Suite: no-caveats") :]
    caveats = plain[plain.index("### Caveats (declared by the suite)") :].split("###")[1]
    assert [ln for ln in caveats.splitlines() if ln.startswith("- ")] == [f"- {NO_CAVEATS}"]
    card_plain = card[card.index("### no-caveats") :]
    assert f"- {NO_CAVEATS}" in card_plain and md_escape(WRONG) not in card_plain


def test_each_suite_cites_only_its_own_references(run_dir):
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    refs = md[md.index("## References (declared by each suite)") :]
    wrong = refs[refs.index("wrong-one:") : refs.index("no-caveats:")]
    assert "wrong-one reference (2020)" in wrong and "no-caveats reference" not in wrong
    # the deleted tables' citations are gone unless a suite declares them
    for name in ("Kurita", "Seshadri", "Delobelle", "Mitchell"):
        assert name not in refs
