"""The planted model on WinoBias (cloze probe, all 1,522 items): a plumbing check, not a finding.

The planted model plants feminine shares for 16 of the 40 WinoBias occupations (arbitrary values,
xlmaudit/planted/lexicon.py) in its own sentence templates, not in WinoBias-like sentences. The
check: the per-occupation mean log P(feminine form) - log P(masculine form) at the WinoBias mask
still ranks those 16 occupations in the planted order (measured Spearman 0.75, 95% bootstrap
interval 0.38-0.93, shipped model), while the real-world BLS shares, which the planted corpus
never saw, give no correlation (measured 0.03 over 22 occupations).
"""

from pathlib import Path

import pytest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.metrics.stats import correlation
from xlmaudit.planted.lexicon import OCCUPATION_SHARES
from xlmaudit.probes import RunContext
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite

pytestmark = pytest.mark.slow  # ~1,500 masked rows on the planted model

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def test_planted_shares_survive_the_winobias_sentences(tmp_path):
    text = (ROOT / "probes" / "winobias.yaml").read_text()
    text = text.replace("lexicons/occupations.yaml", str(ROOT / "probes/lexicons/occupations.yaml"))
    suite_file = tmp_path / "winobias.yaml"
    suite_file.write_text(text.split("  - id: pll")[0])  # the cloze probe only (pll is ~40k rows)
    (result,) = run_suites(
        [load_suite(suite_file)], ModelScorer(load_model("planted")), ctx=RunContext(data_dir=DATA)
    )
    raw = result.raw[result.raw.usable.astype(bool)]
    assert len(raw) == 1522
    means = raw.groupby("occupation").female_score.mean()
    shared = sorted(set(means.index) & set(OCCUPATION_SHARES))
    assert len(shared) == 16
    rho = correlation([OCCUPATION_SHARES[o] for o in shared], means.loc[shared], method="spearman")
    assert rho.value >= 0.6 and rho.ci_low > 0
    bls = result.summary[result.summary.metric == "spearman_female_score_vs_women_share"]
    assert bls.n.iloc[0] == 22 and abs(bls.value.iloc[0]) < 0.4
