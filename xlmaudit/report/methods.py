"""What each reported number means: metric labels and units, estimators, caveats, citations.

Suite cards written in ``probes/*.yaml`` (and copied into ``meta.json``) come first; the text here
adds what a reader of any report needs whatever the suite file says.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetricInfo:
    """How to label and explain one summary metric."""

    label: str
    method: str
    reference: float | None = None
    headline: bool = False


_METRICS: dict[str, MetricInfo] = {
    "log_odds": MetricInfo(
        "log-odds of group A vs group B at the mask (nats; 0 = no preference)",
        "mean over items of log P(group A words) - log P(group B words) at the [MASK], candidates "
        "scored as whole words (all pieces, chained left to right); interval: bootstrap over "
        "fillers and templates",
        reference=0.0,
        headline=True,
    ),
    "metric_score": MetricInfo(
        "% of pairs where the more-stereotyping sentence scores higher (50 = no preference)",
        "share of pairs with score(sent_more) > score(sent_less) after rounding to 3 decimals, "
        "ties "
        "kept in the denominator (Nangia et al. 2020); interval: bootstrap over pairs; p-value: "
        "exact binomial test against 50% (Holm-corrected across bias types)",
        reference=50.0,
        headline=True,
    ),
    "ss": MetricInfo(
        "stereotype score SS (%; 50 = no preference)",
        "macro average over target terms of the % of clusters preferring the stereotype over the "
        "anti-stereotype, ties counted as anti-stereotype (Nadeem et al. 2021); interval: "
        "bootstrap "
        "over targets",
        reference=50.0,
        headline=True,
    ),
    "lms": MetricInfo(
        "language modelling score LMS (%; 100 = ideal)",
        "macro average over targets of the % of (stereotype, anti-stereotype) sentences preferred "
        "over the unrelated one (Nadeem et al. 2021)",
        reference=None,
    ),
    "icat": MetricInfo(
        "idealized CAT score ICAT (0-100; 100 = ideal)",
        "LMS x min(SS, 100 - SS) / 50 from the macro-averaged SS and LMS (Nadeem et al. 2021)",
    ),
    "spearman_labour": MetricInfo(
        "Spearman correlation with labour-statistics women's share",
        "Spearman rank correlation between per-occupation preference and the U.S. Bureau of Labor "
        "Statistics women's share of employment; interval: bootstrap over occupations",
        reference=0.0,
    ),
    "template_variance_share": MetricInfo(
        "share of item-score variance explained by the template (0-1)",
        "variance of per-template means divided by total item variance: how much of the score a "
        "choice of template rather than of filler drives (Seshadri et al. 2022)",
    ),
}


def metric_info(metric: str) -> MetricInfo:
    """Known description of ``metric`` (also ``name[...]`` and ``name_suffix``), else generic."""
    if metric in _METRICS:
        return _METRICS[metric]
    base = metric.split("[")[0]
    for key, info in _METRICS.items():
        if base == key or base.startswith(key + "_") or base.endswith("_" + key):
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

GENERAL_CAVEATS: tuple[str, ...] = (
    "Intrinsic bias scores of a masked LM do not reliably predict harms in downstream systems "
    "(Delobelle et al. 2022); evaluate the deployed application as well.",
    "Every interval is a 95% interval; a probe of a few templates and fillers is a sample, not a "
    "census, of the model's behaviour.",
)


def suite_notes(suite: str) -> dict[str, list[str]]:
    """Caveats and citation keys for ``suite`` (template suites share the template caveats)."""
    default = {
        "caveats": [SUITE_NOTES["occupations"]["caveats"][0]],
        "citations": ["kurita2019", "seshadri2022", "delobelle2022"],
    }
    return SUITE_NOTES.get(suite, default)
