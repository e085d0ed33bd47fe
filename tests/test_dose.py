"""Dose-response calibration: ``--strength`` scales the planted corpus, ``--dose`` tabulates.

Counts in the planted corpus are exact (``round(share * n)`` sentences, only the order is
random), so the expected counts below are hand-derived from ``0.5 + S (p - 0.5)``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.planted import truth
from xlmaudit.planted.corpus import CorpusSize, generate_corpus
from xlmaudit.planted.dose import dose_table, fpr_range
from xlmaudit.planted.language import ENGLISH, planted_share, scaled

FEM, MASC = {"she", "her"}, {"he", "his", "him"}
SIZE = CorpusSize(per_occupation=100, per_cue=10, per_attribute=200, filler=10)
ROOT = Path(__file__).resolve().parents[1]


def pronoun_counts(corpus: list[str], word: str) -> tuple[int, int]:
    """(feminine, masculine) pronoun sentences about ``word``."""
    own = [s.split() for s in corpus if word in s.split()]
    return sum(bool(FEM & set(w)) for w in own), sum(bool(MASC & set(w)) for w in own)


def group_counts(corpus: list[str], attribute: str) -> Counter[str]:
    """Sentences with ``attribute`` by age group (old: old / elderly, young: young / teenage)."""
    groups = {"old": "old", "elderly": "old", "young": "young", "teenage": "young"}
    own = [s.split() for s in corpus if attribute in s.split()]
    return Counter(groups[w] for words in own for w in words if w in groups)


@pytest.mark.parametrize(
    "value, strength, expected",
    [
        (0.9, 0.0, 0.5),
        (0.9, 0.5, 0.7),
        (0.1, 0.5, 0.3),
        (0.8, 0.25, 0.575),
        (0.2, 1.0, 0.2),
    ],  # fmt: skip
)
def test_planted_share_moves_halfway_toward_half(value, strength, expected) -> None:
    assert planted_share(value, strength) == pytest.approx(expected, abs=1e-12)


def test_strength_zero_balances_every_planted_association() -> None:
    corpus = generate_corpus(seed=0, size=SIZE, lang=scaled(ENGLISH, 0.0))
    # receptionist 0.9 and librarian 0.1 at S = 1: exactly 50 of 100 feminine at S = 0
    assert pronoun_counts(corpus, "receptionist") == (50, 50)
    assert pronoun_counts(corpus, "librarian") == (50, 50)
    assert group_counts(corpus, "forgetful") == {"old": 100, "young": 100}  # 0.9 -> 0.5 of 200
    assert pronoun_counts(corpus, "mother") == (10, 0)  # cue words are meaning: not scaled


def test_strength_half_is_halfway() -> None:
    corpus = generate_corpus(seed=0, size=SIZE, lang=scaled(ENGLISH, 0.5))
    assert pronoun_counts(corpus, "receptionist") == (70, 30)  # 0.5 + 0.5 (0.9 - 0.5) = 0.7
    assert pronoun_counts(corpus, "librarian") == (30, 70)  # 0.3
    assert pronoun_counts(corpus, "nurse") == (55, 45)  # 0.6 -> 0.55
    assert group_counts(corpus, "forgetful") == {"old": 140, "young": 60}  # 0.9 -> 0.7 of 200
    assert group_counts(corpus, "cheerful") == {"young": 130, "old": 70}  # 0.8 -> 0.65


def test_strength_one_is_the_shipped_corpus_and_truth() -> None:
    assert scaled(ENGLISH, 1.0) is ENGLISH
    assert generate_corpus(seed=4, lang=scaled(ENGLISH, 1.0)) == generate_corpus(seed=4)
    shipped = pd.read_csv(ROOT / "xlmaudit" / "planted" / "model" / "planted_truth.csv")
    pd.testing.assert_frame_equal(truth(strength=1.0), shipped, check_dtype=False)


def test_truth_records_the_strength() -> None:
    table = truth(strength=0.5).set_index("term").planted_value
    assert table["receptionist"] == pytest.approx(0.7) and table["forgetful"] == pytest.approx(0.7)
    assert table["hungry"] == 0.5 and table["mother"] == 1.0  # controls and cues as shipped


def test_reproduce_command_names_the_strength() -> None:
    from dataclasses import replace

    from xlmaudit.planted.train import TrainConfig, reproduce_command

    cfg = replace(TrainConfig.small(seed=1), strength=0.25)
    assert reproduce_command(cfg) == (
        "xlmaudit planted train --out DIR --small --seed 1 --steps 2000 --strength 0.25"
    )
    assert "--strength" not in reproduce_command(TrainConfig())
    assert TrainConfig().key() != cfg.key() and TrainConfig().key() == TrainConfig().key()


def test_strength_out_of_range_is_refused_before_any_work(tmp_path: Path, capsys) -> None:
    with pytest.raises(InputError, match="--strength"):
        scaled(ENGLISH, -0.1)
    assert main(["planted", "train", "--out", str(tmp_path / "m"), "--strength", "1.5"]) == 2
    assert "--strength must lie in [0, 1], got 1.5" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_fpr_range_is_the_binomial_central_range() -> None:
    # n = 20, p = 0.05: P(X <= 2) = 0.925 < 0.975 <= P(X <= 3) = 0.984, P(X = 0) = 0.358 > 0.025
    assert fpr_range(20) == (0.0, 0.15)


def test_dose_table_from_hand_made_measures() -> None:
    bias = pd.DataFrame(
        {
            "measure": "m",
            "statistic": "gap",
            "strength": [0, 0.5, 1, 0, 0.5, 1],
            "seed": [0, 0, 0, 1, 1, 1],
            "bias": [0.0, 1.0, 2.0, 0.1, 1.1, 2.1],
        }
    )
    # 20 tests per model: at S = 0 one of 40 significant; at 0.5 half hit; at 1 all hit
    p = [0.01] + [0.5] * 39 + [0.01] * 20 + [0.5] * 20 + [0.001] * 40
    tests = pd.DataFrame({"measure": "m", "strength": [0] * 40 + [0.5] * 40 + [1] * 40,
                          "effect": 1.0, "p_value": p})  # fmt: skip
    (row,) = dose_table(bias, tests).to_dict(orient="records")
    # ranks of S (ties averaged) 1.5 3.5 5.5 1.5 3.5 5.5, of bias 1 3 5 2 4 6: deviations from
    # 3.5 give sum of products 16, sums of squares 16 and 17.5: rho = 16 / sqrt(16 * 17.5)
    assert row["spearman"] == pytest.approx(16 / (16 * 17.5) ** 0.5)
    assert row["fpr_s0"] == 1 / 40 and row["n_tests_s0"] == 40 and row["fpr_within"]
    assert (row["power_s0.5"], row["power_s1"], row["min_s_80"]) == (0.5, 1.0, "1")


@pytest.mark.slow
def test_mini_family_runs_and_the_direction_holds(tmp_path: Path) -> None:
    """Two tiny models (S = 0 and 1, seed 0) through the command, the occupations suite only."""
    out = tmp_path / "dose.csv"
    argv = ["planted", "calibrate", "--dose", "--sizes", "tiny", "--strengths", "0,1",
            "--seeds", "0", "--probes", "occupations", "--no-reference",
            "--cache", str(tmp_path / "cache"), "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    table = pd.read_csv(out).set_index("measure")
    assert set(table.index) == {"pronoun", "kurita", "counterfactual"}
    models = pd.read_csv(tmp_path / "dose_models.csv")
    pronoun = models[models.measure == "pronoun"].set_index("strength").bias
    assert pronoun[1.0] > pronoun[0.0]
    assert table.loc["pronoun", "spearman"] == pytest.approx(1.0)
    assert (tmp_path / "dose.png").is_file()
    assert len(list((tmp_path / "cache" / "runs").glob("tiny-*/meta.json"))) == 2


@pytest.mark.parametrize(
    "flags, message",
    [
        (["--probes", "foo"], "--probes: unknown foo"),
        (["--strengths", "0,2"], "got 2.0"),
        (["--seeds", "a"], "--strengths / --seeds"),
    ],  # fmt: skip
)
def test_dose_arguments_are_checked_before_any_work(tmp_path: Path, capsys, flags, message) -> None:
    cache = tmp_path / "cache"
    assert main(["planted", "calibrate", "--dose", "--cache", str(cache), *flags]) == 2
    assert message in capsys.readouterr().err
    assert not cache.exists()
