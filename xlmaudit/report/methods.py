"""What each reported number means: metric labels (from the kinds' declarations), caveats,
citations.

Metric prose lives with each probe kind (``metric_docs`` in ``xlmaudit/probes/*.py``); suite cards
written in ``probes/*.yaml`` (and copied into ``meta.json``) come first; the text here adds what a
reader of any report needs whatever the suite file says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xlmaudit.probes import ProbeRecord, load_kinds


@dataclass(frozen=True)
class MetricInfo:
    """How to label and explain one summary metric."""

    label: str
    method: str
    reference: float | None = None
    headline: bool = False


def metric_info(
    metric: str, record: ProbeRecord | None = None, *, contrast: tuple[str, ...] = ()
) -> MetricInfo:
    """How to label and explain ``metric``: the doc its probe's kind declares (``record``, read
    from meta.json, names the groups); without a record, the first registered kind declaring the
    metric; a generic entry when no kind does."""
    doc = record.doc(metric) if record is not None else None
    if doc is None and record is None:
        for kind in load_kinds().values():
            doc = kind.doc(metric, contrast)
            if doc is not None:
                break
    if doc is None:
        return MetricInfo(metric, "see the suite card")
    main = record.main_metric if record is not None else ""
    headline = metric == main or (record is None and doc.reference is not None and bool(doc.above))
    return MetricInfo(doc.label, doc.method, doc.reference, headline)


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
