"""``seegull_cloze`` on a FakeScorer: hand-derived association values, controls, strata, the
offensiveness weighting, excluded rows and the probe's checks."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from xlmaudit.datasets.seegull import OFFENSE_COLUMNS, STEREO_COLUMNS
from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing import FakeScorer

NAME = "French (fr) in France.csv"
# (identity, attribute, stereotype votes, mean offensiveness)
TUPLES = [("A", "x", 3, 2.0), ("B", "y", 1, -1.0), ("C", "z", 2, 0.0)]


def write_data(folder: Path) -> None:
    for part in ("stereotypes", "offensiveness"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    with open(folder / "stereotypes" / NAME, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(STEREO_COLUMNS)
        w.writerows([i, a, 3 - v, v, 0, o, i, a] for i, a, v, o in TUPLES)
    ratings = {2.0: (0, 0, 3, 0, 0, 0), -1.0: (3, 0, 0, 0, 0, 0), 0.0: (0, 0, 0, 0, 0, 3)}
    with open(folder / "offensiveness" / NAME, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(OFFENSE_COLUMNS)
        w.writerows([a, *ratings[o], o, a] for _, a, _, o in TUPLES)


def suite(folder: Path, frames: list[str], extra: str = "", country: str = "France") -> Path:
    text = "\n".join(
        [
            "name: t",
            'version: "1"',
            "language: fr",
            "card:",
            "  summary: s",
            "  measures: m",
            "  limits: l",
            "  references: [r]",
            "  calibration: c",
            "probes:",
            "  - id: p",
            "    kind: seegull_cloze",
            f"    country: {country}",
            f"    data: {folder}",
            extra,
            "    frames:",
            *(f'      - "{f}"' for f in frames),
        ]  # fmt: skip
    )
    path = folder / "suite.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    return path


# FakeScorer: log P(candidate) = table[(text with masked spans as [MASK], candidate)], else -5.
# Tuple (A, x): controls B and C (no tuple links them to x).
#   ilp(A) = -1 - (-3) = 2; ilp(B) = -2 - (-3) = 1; ilp(C) = -5 - (-3) = -2
#   association = 2 - (1 + -2) / 2 = 2.5
# Tuple (B, y): controls A, C; ilp(B) = -4 - (-5) = 1, ilp(A) = ilp(C) = 0 -> association 1
# Tuple (C, z): everything -5 -> association 0
TABLE = {
    ("A : [MASK] .", "x"): -1.0,
    ("B : [MASK] .", "x"): -2.0,
    ("[MASK] : [MASK] .", "x"): -3.0,
    ("B : [MASK] .", "y"): -4.0,
}


@pytest.fixture
def result(tmp_path):
    write_data(tmp_path)
    (res,) = run_suites([load_suite(suite(tmp_path, ["{identity} : [MASK] ."]))],
                        FakeScorer(TABLE), ctx=RunContext(seed=0))  # fmt: skip
    return res


def test_hand_derived_association_per_tuple(result):
    raw = result.raw.set_index("identity")
    assert raw.loc["A", "controls"] == "B / C"
    assert raw.loc["A", "ilp_identity"] == 2.0 and raw.loc["A", "ilp_controls"] == -0.5
    assert raw["association"].to_dict() == {"A": 2.5, "B": 1.0, "C": 0.0}


def test_summary_rows_overall_strata_and_weighted(result):
    s = result.summary.set_index(["metric", "group"])["value"]
    assert s[("association", "all")] == pytest.approx(3.5 / 3)
    assert s[("association", "votes_3")] == 2.5
    assert s[("association", "votes_2")] == 0.0
    assert s[("association", "votes_1")] == 1.0
    # weights: offensiveness + 1 = 3, 0, 1 -> (3 * 2.5 + 0 * 1 + 1 * 0) / 4
    assert s[("association_weighted", "all")] == pytest.approx(7.5 / 4)
    assert set(result.summary["n_excluded"]) == {0}
    assert result.meta["probes"]["p"]["data"] == [
        "seegull-stereotypes-fr-france",
        "seegull-offensiveness-fr-france",
    ]


def test_two_frames_give_a_crossed_interval(tmp_path):
    write_data(tmp_path)
    frames = ["{identity} : [MASK] .", "{identity} ? [MASK] ."]
    table = {**TABLE, ("A ? [MASK] .", "x"): 0.0}  # frame 2: ilp(A) = 0 - (-5) = 5, others 0
    (res,) = run_suites([load_suite(suite(tmp_path, frames))], FakeScorer(table),
                        ctx=RunContext(seed=0))  # fmt: skip
    row = res.summary.set_index(["metric", "group"]).loc[("association", "all")]
    # frame 2: association (A, x) = 5 - 0 = 5, others 0; mean of 6 cells = (3.5 + 5) / 6
    assert row.value == pytest.approx(8.5 / 6)
    assert row.n == 6 and row.n_templates == 2 and row.n_fillers == 3
    assert row.ci_low < row.value < row.ci_high


@pytest.mark.parametrize(
    ("frames", "extra", "country", "message"),
    [
        (["no slot [MASK] ."], "", "France", "frame 1 must be a string with one {identity}"),
        (["{identity} : [MASK] ."], "    controls: 0", "France", "controls must be at least 1"),
        (["{identity} : [MASK] ."], "", "Narnia", "no SeeGULL file for language 'fr'"),
    ],
)
def test_probe_checks(tmp_path, frames, extra, country, message):
    write_data(tmp_path)
    with pytest.raises(InputError, match=message.replace("{", r"\{").replace("}", r"\}")):
        path = suite(tmp_path, frames, extra, country)
        run_suites([load_suite(path)], FakeScorer(TABLE), ctx=RunContext(seed=0))


def test_known_bad_rows_are_excluded_items_never_scored():
    """Swahili (Kenya): the 5 leaked-prompt stereotype rows SOURCE.md lists (lines 436, 758,
    964-966) stay in raw, unusable, with file:line; n_excluded 5; meta.json lists both files'."""
    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    path = Path(__file__).resolve().parents[1] / "probes" / "seegull.yaml"
    spec = load_suite(path)
    (probe,) = spec.probes
    probe = dataclasses.replace(probe, language="sw",
                                options={**probe.options, "country": "Kenya",
                                         "frames": ["{identity} : [MASK] ."]})  # fmt: skip
    ctx = RunContext(data_dir=data, seed=0)
    (res,) = run_suites([dataclasses.replace(spec, probes=(probe,))], FakeScorer(), ctx=ctx)
    bad = res.raw[~res.raw["usable"].astype(bool)]
    assert sorted(bad["line"]) == [436, 758, 964, 965, 966]
    assert all("Swahili (sw) in Kenya.csv:" in p for p in bad["problem"])
    assert set(res.summary["n_excluded"]) == {5}
    assert res.raw["usable"].sum() == 965 - 5
    assert ctx.data_status["seegull-offensiveness-sw-kenya"]["n_excluded"] == 5
