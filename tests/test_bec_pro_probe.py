"""The bec_pro kind on a FakeScorer: Bartl et al.'s association, the female-male gap per profession
group, the stereotype contrast and the congruence controls by hand; the known bad rows."""

from pathlib import Path

import pytest

from xlmaudit.datasets.bec_pro import HEADER
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.requests import MaskedWordRequest
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REPO = Path(__file__).resolve().parents[1]
SUITE = """
name: bec-test
version: "1"
language: en
card: {summary: s, measures: m, limits: l, references: [r], calibration: c}
probes:
  - {id: association, kind: bec_pro, data: .}
"""
TEMPLATE = "<person subject> is a <profession>."


def write_data(folder: Path) -> None:
    """Four rows: He/She x taper (male-typed) and nurse (female-typed)."""
    rows = ["\t".join(HEADER["en"])]
    for i, (person, gender, prof, group) in enumerate(
        [("He", "male", "taper", "male"), ("She", "female", "taper", "male"),
         ("He", "male", "nurse", "female"), ("She", "female", "nurse", "female")]
    ):  # fmt: skip
        rows.append("\t".join([str(i), f"{person} is a {prof}.", f"[MASK] is a {prof}.",
                               f"{person} is a [MASK].", "[MASK] is a [MASK].", TEMPLATE, person,
                               gender, prof, group]))  # fmt: skip
    (folder / "BEC-Pro_EN.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


TAPER, NURSE, PRIOR = "[MASK] is a taper.", "[MASK] is a nurse.", "[MASK] is a [MASK]."
TABLE = {
    (TAPER, "He"): -1.0, (TAPER, "She"): -3.0,
    (NURSE, "He"): -3.0, (NURSE, "She"): -1.5,
    (PRIOR, "He"): -2.0, (PRIOR, "She"): -2.5,
}  # fmt: skip


def value(summary, metric, group):
    row = summary[(summary.metric == metric) & (summary.group == group)]
    assert len(row) == 1, (metric, group)
    return row.iloc[0]


def test_association_gap_and_controls_by_hand(tmp_path):
    write_data(tmp_path)
    (tmp_path / "bec.yaml").write_text(SUITE)
    scorer = FakeScorer(TABLE)
    (result,) = run_suites([load_suite(tmp_path / "bec.yaml")], scorer, ctx=RunContext())
    raw = result.raw.set_index(["person", "profession"])
    # association = log P(person | profession) - log P(person | profession masked)
    assert raw.loc[("He", "taper")].association == pytest.approx(-1.0 - -2.0)  # 1
    assert raw.loc[("She", "taper")].association == pytest.approx(-3.0 - -2.5)  # -0.5
    assert raw.loc[("He", "nurse")].association == pytest.approx(-3.0 - -2.0)  # -1
    assert raw.loc[("She", "nurse")].association == pytest.approx(-1.5 - -2.5)  # 1
    assert raw.loc[("He", "taper")].counterpart_association == pytest.approx(-0.5)  # She's
    s = result.summary
    # gap = female - male row: taper -0.5 - 1 = -1.5; nurse 1 - (-1) = 2
    assert value(s, "association_gap", "male").value == pytest.approx(-1.5)
    assert value(s, "association_gap", "female").value == pytest.approx(2.0)
    assert value(s, "association_gap", "all").value == pytest.approx(0.25)
    contrast = value(s, "stereotype_contrast", "female - male professions")
    assert contrast.value == pytest.approx(3.5)
    cell = value(s, "association", "female professions, female persons")
    assert cell.value == pytest.approx(1.0)
    # congruent: He beats She on taper, She beats He on nurse -> 2 of 4 rows
    assert value(s, "pct_congruent", "all").value == pytest.approx(50.0)
    assert value(s, "pct_congruent", "male").value == pytest.approx(50.0)
    # prior: He -2 > She -2.5 in every row -> the two He rows
    assert value(s, "pct_congruent_prior", "female").value == pytest.approx(50.0)
    assert set(s.n_excluded) == {0}
    # requests: the prior masks the profession's span and the language is the suite's
    priors = [r for r in scorer.calls if isinstance(r, MaskedWordRequest) and r.context_masks]
    assert {(r.text, r.context_masks) for r in priors} == {(TAPER, ((12, 17),)),
                                                          (NURSE, ((12, 17),))}  # fmt: skip
    assert {r.lang for r in scorer.calls} == {"en"}


@pytest.mark.parametrize(("lang", "lines"), [("en", [3627, 3987, 4347, 4707, 5067]),
                                             ("de", [1811, 2171, 2531, 2891, 3251])])  # fmt: skip
def test_real_files_known_bad_rows_are_unusable_items(lang, lines):
    suite = load_suite(REPO / "probes" / f"bec-pro-{lang}.yaml")
    (probe,) = suite.probes
    assert probe.language == lang
    items = get_kind("bec_pro").build_items(probe, RunContext(data_dir=DATA))
    bad = [it for it in items if not it.usable]
    assert [it.row["line"] for it in bad] == lines
    assert all(
        f"BEC-Pro_{lang.upper()}.tsv:{n}" in it.problem for it, n in zip(bad, lines, strict=True)
    )
    assert len(items) == 5400


def test_every_summary_metric_is_declared_with_its_direction(tmp_path):
    from xlmaudit.report.findings import direction_words

    write_data(tmp_path)
    (tmp_path / "bec.yaml").write_text(SUITE)
    (result,) = run_suites([load_suite(tmp_path / "bec.yaml")], FakeScorer(TABLE), ctx=RunContext())
    kind = get_kind("bec_pro")
    assert all(kind.doc(m) is not None for m in set(result.summary.metric))
    assert kind.contrast_words("association_gap") == "female - male"
    words = direction_words(kind.doc("association_gap"), -0.3, -0.5, -0.1, {})
    assert words.startswith("the model gives male person words 0.30 nats more association")
