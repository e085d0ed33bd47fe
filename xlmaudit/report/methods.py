"""What each reported number means: metric labels and units, estimators, caveats, citations.

Suite cards written in ``probes/*.yaml`` (and copied into ``meta.json``) come first; the text here
adds what a reader of any report needs whatever the suite file says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MetricInfo:
    """How to label and explain one summary metric."""

    label: str
    method: str
    reference: float | None = None
    headline: bool = False


P_NOTE = (
    "; p-value: two-sided, from the same crossed bootstrap draws as the interval (templates and "
    "fillers both resampled), so the p-value and the interval agree"
)

_EXACT: dict[str, MetricInfo] = {
    "log_odds": MetricInfo(
        "log-odds of group A vs group B at the mask (nats; 0 = no preference)",
        "log P(group A words) - log P(group B words) at the [MASK], each candidate scored as a "
        "whole word (all pieces, chained left to right); mean over templates x fillers with a "
        "crossed bootstrap interval (templates and fillers resampled)" + P_NOTE,
        reference=0.0,
        headline=True,
    ),
    "pct_sent_more": MetricInfo(
        "% of pairs where the more-stereotyping sentence scores higher (50 = no preference)",
        "share of pairs with score(sent_more) > score(sent_less), ties in the denominator (Nangia "
        "et al. 2020); the sentence score is the probe's estimator; interval: percentile "
        "bootstrap over pairs; p-value: exact two-sided binomial test of more vs less against "
        "50% (ties excluded), p_holm: Holm-adjusted across bias types",
        reference=50.0,
        headline=True,
    ),
    "ss": MetricInfo(
        "stereotype score SS (%; 50 = no preference)",
        "macro average over target terms of the % of clusters preferring the stereotype over "
        "the anti-stereotype, ties counted as anti-stereotype (Nadeem et al. 2021); interval: "
        "percentile bootstrap over targets",
        reference=50.0,
        headline=True,
    ),
    "lms": MetricInfo(
        "language modelling score LMS (%; 100 = ideal)",
        "macro average over targets of the % of (stereotype, anti-stereotype) sentences "
        "preferred over the unrelated one (Nadeem et al. 2021); interval: bootstrap over targets",
    ),
    "icat": MetricInfo(
        "idealized CAT score ICAT (0-100; 100 = ideal)",
        "LMS x min(SS, 100 - SS) / 50 from the macro-averaged SS and LMS (Nadeem et al. 2021)",
    ),
    "ilp_difference": MetricInfo(
        "increased log-probability, group A minus group B (nats; 0 = no preference)",
        "Kurita et al. (2019): log P(group | template) - log P(group | attribute also masked), "
        "group A minus group B; crossed bootstrap interval over templates and fillers" + P_NOTE,
        reference=0.0,
        headline=True,
    ),
    "pll_difference": MetricInfo(
        "pseudo-log-likelihood difference, group A minus group B sentences (nats; 0 = none)",
        "mean PLL of the sentences filled with group A's terms minus group B's (Salazar et al. "
        "2020; word-level estimator of Kauf & Ivanova 2023 by default); crossed bootstrap "
        "interval" + P_NOTE,
        reference=0.0,
        headline=True,
    ),
}

_PATTERNS: tuple[tuple[re.Pattern[str], MetricInfo], ...] = (
    (re.compile(r"^(spearman|pearson)_(.+)_vs_(.+)$"), MetricInfo(
        "correlation of per-filler score with a reference statistic (-1 to 1)",
        "rank (Spearman) or linear (Pearson) correlation between each filler's mean score over "
        "templates and the filler's lexicon attribute (e.g. the U.S. BLS women's share of "
        "employment); interval: bootstrap over fillers",
        reference=0.0)),
    (re.compile(r"^(.+)_(template|filler|residual)_share$"), MetricInfo(
        "share of score variance (0-1)",
        "variance decomposition of the templates x fillers score matrix into template, filler "
        "and residual parts: a large template share means the choice of template, not of "
        "filler, drives the score (Seshadri et al. 2022)")),
    (re.compile(r"^(.+)_difference$"), MetricInfo(
        "difference between categories (units of the score)",
        "category mean minus the first category's, crossed bootstrap interval (fillers "
        "resampled within category) and a p-value from the same draws",
        reference=0.0)),
    (re.compile(r"^p_(.+)$"), MetricInfo(
        "normalised probability of the group among all candidates (0-1)",
        "sum of the group's candidate probabilities over the sum over all candidates at the "
        "mask; crossed bootstrap interval",
        reference=0.5)),
    (re.compile(r"^ilp_(.+)$"), MetricInfo(
        "increased log-probability of the group (nats)",
        "Kurita et al. (2019): log P(group | template) - log P(group | attribute also masked)",
        reference=0.0)),
    (re.compile(r"^prefer_(.+)$"), MetricInfo(
        "share of items preferring the group (0-1; 0.5 = none)",
        "1 if the item's PLL difference is > 0, 0.5 on a tie, averaged over items",
        reference=0.5)),
)  # fmt: skip


def metric_info(metric: str) -> MetricInfo:
    """How to label and explain ``metric``; a generic entry when it is not known."""
    if metric in _EXACT:
        return _EXACT[metric]
    for pattern, info in _PATTERNS:
        if pattern.match(metric):
            return info
    return MetricInfo(metric, "see the suite card")


CITATIONS: dict[str, str] = {
    "nangia2020": "Nangia, Vania, Bhalerao & Bowman (2020). CrowS-Pairs: A Challenge Dataset for "
    "Measuring Social Biases in Masked Language Models. EMNLP 2020.",
    "nadeem2021": "Nadeem, Bethke & Reddy (2021). StereoSet: Measuring stereotypical bias in "
    "pretrained language models. ACL 2021.",
    "blodgett2021": "Blodgett, Lopez, Olteanu, Sim & Wallach (2021). Stereotyping Norwegian "
    "Salmon: "
    "An Inventory of Pitfalls in Fairness Benchmark Datasets. ACL 2021.",
    "meade2022": "Meade, Poole-Dayan & Reddy (2022). An Empirical Survey of the Effectiveness of "
    "Debiasing Techniques for Pre-trained Language Models. ACL 2022.",
    "kaneko2022": "Kaneko & Bollegala (2022). Unmasking the Mask: Evaluating Social Biases in "
    "Masked "
    "Language Models. AAAI 2022.",
    "kurita2019": "Kurita, Vyas, Pareek, Black & Tsvetkov (2019). Measuring Bias in Contextualized "
    "Word Representations. GeBNLP 2019.",
    "salazar2020": "Salazar, Liang, Nguyen & Kirchhoff (2020). Masked Language Model Scoring. ACL "
    "2020.",
    "kauf2023": "Kauf & Ivanova (2023). A Better Way to Do Masked Language Model Scoring. ACL "
    "2023.",
    "seshadri2022": "Seshadri, Pezeshkpour & Singh (2022). Quantifying Social Biases Using "
    "Templates "
    "is Unreliable. arXiv:2210.04337.",
    "delobelle2022": "Delobelle, Tokpo, Calders & Berendt (2022). Measuring Fairness with Biased "
    "Rulers: A Comparative Study on Bias Metrics for Pre-trained Language Models. NAACL 2022.",
    "mitchell2019": "Mitchell et al. (2019). Model Cards for Model Reporting. FAT* 2019.",
    "lample2019": "Lample & Conneau (2019). Cross-lingual Language Model Pretraining. NeurIPS "
    "2019.",
    "bls": "U.S. Bureau of Labor Statistics, Current Population Survey, Employed persons by "
    "detailed "
    "occupation, sex, race, and Hispanic or Latino ethnicity (table 11; year as cited in the "
    "suite lexicon).",
}

_BENCHMARK_CAVEAT = (
    "Blodgett et al. (2021) found that many CrowS-Pairs and StereoSet items are ill-posed: pairs "
    "that do not contrast a stereotype with its opposite, non-minimal edits, mismatched groups and "
    "typos. Read a score near or far from 50 as weak evidence, not as a measured amount of bias."
)

SUITE_NOTES: dict[str, dict[str, list[str]]] = {
    "crows-pairs": {
        "caveats": [
            _BENCHMARK_CAVEAT,
            "Pseudo-log-likelihood scores favour frequent and short words; the two sentences of a "
            "pair can tokenize into different piece counts (counted in the report), which "
            "confounds "
            "the comparison (Kaneko & Bollegala 2022).",
            "Categories with fewer than 100 pairs give wide intervals; the 9 bias types are "
            "US-centred.",
        ],
        "citations": ["nangia2020", "blodgett2021", "meade2022", "kaneko2022", "salazar2020"],
    },
    "stereoset": {
        "caveats": [
            _BENCHMARK_CAVEAT,
            "Only the public dev split exists here; numbers are not comparable with papers that "
            "report the hidden test split (e.g. Meade et al. 2022).",
            "The reference scores only the filler word with mean piece probability; the word-level "
            "estimator is reported beside it.",
        ],
        "citations": ["nadeem2021", "blodgett2021", "meade2022"],
    },
    "occupations": {
        "caveats": [
            "Template probes depend on the templates chosen (Seshadri et al. 2022); the template "
            "sensitivity figure shows how far single templates move the estimate.",
            "Labour statistics describe the U.S. workforce in one year; agreement with them "
            "measures how closely the model tracks that distribution, not whether it is harmful.",
            "Binary pronoun groups leave out non-binary people.",
        ],
        "citations": ["kurita2019", "seshadri2022", "delobelle2022", "bls"],
    },
}

TEMPLATE_NOTES: dict[str, list[str]] = {
    "caveats": [
        SUITE_NOTES["occupations"]["caveats"][0],
        "Each candidate word is scored as a whole word; items whose candidates have different "
        "piece counts are confounded by the number of masks and are counted in n_mixed_pieces.",
    ],
    "citations": ["kurita2019", "seshadri2022", "delobelle2022", "kauf2023"],
}
BENCHMARK_METRIC_NAMES: tuple[str, ...] = ("pct_sent_more", "ss", "lms", "icat")

GENERAL_CAVEATS: tuple[str, ...] = (
    "Intrinsic bias scores of a masked LM do not reliably predict harms in downstream systems "
    "(Delobelle et al. 2022); evaluate the deployed application as well.",
    "Every interval is a 95% interval; a probe of a few templates and fillers is a sample, not a "
    "census, of the model's behaviour.",
)


def suite_notes(suite: str, metrics: Iterable[str] = ()) -> dict[str, list[str]]:
    """Caveats and citation keys for ``suite``; a suite not listed gets the notes of what it
    measures (CrowS-Pairs or StereoSet metrics, else template probes)."""
    if suite in SUITE_NOTES:
        return SUITE_NOTES[suite]
    metrics = set(metrics)
    notes: dict[str, list[str]] = {"caveats": [], "citations": []}
    parts = [SUITE_NOTES[k] for k, m in (("crows-pairs", "pct_sent_more"), ("stereoset", "ss"))
             if m in metrics]  # fmt: skip
    if not parts or metrics - set(BENCHMARK_METRIC_NAMES):
        parts.append(TEMPLATE_NOTES)
    for part in parts:
        notes["caveats"] += [c for c in part["caveats"] if c not in notes["caveats"]]
        notes["citations"] += [c for c in part["citations"] if c not in notes["citations"]]
    return notes
