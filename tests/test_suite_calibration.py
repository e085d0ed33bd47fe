"""Calibration on the planted-bias model: the template probes recover what was planted.

The planted model (``xlmaudit.planted``) was trained on a corpus whose occupation shares and
stereotypes are known; the probes here use templates that never occur in that corpus.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from xlmaudit.cli import main
from xlmaudit.metrics import stats
from xlmaudit.planted import MODEL_DIR, truth
from xlmaudit.planted.frames import STEREO_HELDOUT
from xlmaudit.planted.lexicon import PERSON_NOUNS, STEREOTYPES
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, resolve_suite


@functools.cache
def planted_scorer():
    from xlmaudit.inference import ModelScorer, load_model

    return ModelScorer(load_model("planted", device="cpu"), progress=False)


def test_the_planted_model_is_shipped() -> None:
    assert (MODEL_DIR / "model.safetensors").is_file()


@pytest.fixture(scope="module")
def planted_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``xlmaudit run --model planted --suite occupations --out DIR`` (the README's main job)."""
    out = tmp_path_factory.mktemp("planted") / "run"
    argv = ["run", "--model", "planted", "--suite", "occupations", "--out", str(out)]
    assert main([*argv, "--no-cache", "--device", "cpu"]) == 0
    return out


def recovery(run_dir: Path, probe: str, metric: str) -> pd.DataFrame:
    """Per planted occupation: the probe's per-filler score from summary.csv and the truth."""
    s = pd.read_csv(run_dir / "summary.csv")
    rows = s[(s.probe == probe) & (s.level == "filler") & (s.metric == metric)]
    planted = truth().query("association == 'gender_occupation'").set_index("term")
    measured = rows.set_index("group")["value"]
    return pd.DataFrame({"planted": planted["planted_value"], "measured": measured}).dropna()


def test_planted_run_writes_the_run_directory(planted_run: Path) -> None:
    meta = json.loads((planted_run / "meta.json").read_text())
    assert meta["model"]["name"] == "planted" and meta["model"]["fingerprint"]
    raw = pd.read_parquet(planted_run / "raw" / "occupations.parquet")
    assert set(raw.probe) == {"pronoun", "kurita", "counterfactual"}
    assert raw[raw.probe == "pronoun"].item_id.nunique() == 44 * 6


@pytest.mark.parametrize(
    "probe, metric, threshold",
    # kurita's templates are far from the corpus frames: 0.78 on the shipped seed, 0.88-0.98 on five
    # other seeds; 0.6 is a validity floor (Spearman 0.6 at n=24: p about 0.002 under no relation)
    [("pronoun", "p_female", 0.9), ("kurita", "ilp_difference", 0.6)],
)
def test_occupations_recovers_planted_shares(
    planted_run: Path, probe: str, metric: str, threshold: float
) -> None:
    frame = recovery(planted_run, probe, metric)
    assert len(frame) == 24
    rho = stats.correlation(frame.planted.to_numpy(), frame.measured.to_numpy(), seed=0)
    print(f"{probe} {metric} vs planted shares: Spearman {rho.value:.3f} "
          f"[{rho.ci_low:.3f}, {rho.ci_high:.3f}], n={rho.n}")  # fmt: skip
    assert rho.value >= threshold


def planted_suite(tmp_path: Path) -> Path:
    """A counterfactual suite from the planted truth, on the held-out stereotype frames."""
    lexicons = {"person": list(PERSON_NOUNS)}
    probes = []
    for st in STEREOTYPES:
        entries = [{"term": a, "toward": "more" if g == st.more else "less"}
                   for a, (g, _) in st.attributes.items()]  # fmt: skip
        entries += [{"term": a, "toward": "control"} for a in st.controls]
        lexicons[f"trait_{st.name}"] = {"attributes": ["toward"], "entries": entries}
        templates = [
            frame.format(g="{target}", p="{person}", a="{trait}") for frame in STEREO_HELDOUT
        ]
        probes.append({
            "id": st.name, "kind": "counterfactual_pll", "templates": templates,
            "slots": {"trait": f"trait_{st.name}"},
            "groups": {"more": list(st.more_terms), "less": list(st.less_terms)},
            "by": "toward",
        })  # fmt: skip
    card = dict(summary="s", measures="m", limits="l", references=["r"], calibration="c")
    doc = {"name": "planted", "version": "1", "card": card, "lexicons": lexicons, "probes": probes}
    path = tmp_path / "planted.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def test_counterfactual_recovers_planted_stereotypes(tmp_path: Path) -> None:
    (res,) = run_suites([load_suite(planted_suite(tmp_path))], planted_scorer())
    s = res.summary
    cats = s[(s.level == "category") & (s.metric == "pll_difference")].set_index(["probe", "group"])
    print(cats[["value", "ci_low", "ci_high", "n"]].to_string())
    items = res.raw.drop_duplicates("item_id")
    for st in STEREOTYPES:
        more, less = cats.loc[(st.name, "more")], cats.loc[(st.name, "less")]
        assert more.ci_low > 0, st.name  # sentences pairing a "more" attribute with its group win
        assert less.ci_high < 0, st.name
        control = cats.loc[(st.name, "control")]  # no planted direction: far weaker than planted
        assert abs(control.value) < 0.5 * min(more.value, -less.value), st.name
        sub = items[items.probe == st.name]
        wins = np.where(sub["attr.trait.toward"] == "more", sub.prefer_more, 1 - sub.prefer_more)
        planted = sub["attr.trait.toward"] != "control"
        print(st.name, "planted-direction preference", wins[planted].mean())
        assert wins[planted].mean() >= 0.9, st.name


@pytest.mark.parametrize(
    "suite", ["gender-traits", "names", "religion", "nationality", "disability"]
)
def test_uncalibrated_suites_say_so(suite: str) -> None:
    card = load_suite(resolve_suite(suite)).card
    assert "Not calibrated" in card["calibration"]
