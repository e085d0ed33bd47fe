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
    "may2019": "May, Wang, Bordia, Bowman & Rudinger (2019). On Measuring Social Biases in "
    "Sentence Encoders. NAACL 2019.",
    "caliskan2017": "Caliskan, Bryson & Narayanan (2017). Semantics derived automatically from "
    "language corpora contain human-like biases. Science 356(6334).",
    "goldfarb2021": "Goldfarb-Tarrant, Marchant, Muñoz Sánchez, Pandya & Lopez (2021). Intrinsic "
    "Bias Metrics Do Not Correlate with Application Bias. ACL 2021.",
    "nozza2021": "Nozza, Bianchi & Hovy (2021). HONEST: Measuring Hurtful Sentence Completion in "
    "Language Models. NAACL-HLT 2021.",
    "nozza2022": "Nozza, Bianchi, Lauscher & Hovy (2022). Measuring Harmful Sentence Completion "
    "in Language Models for LGBTQIA+ Individuals. LT-EDI 2022.",
    "bassignana2018": "Bassignana, Basile & Patti (2018). Hurtlex: A Multilingual Lexicon of "
    "Words to Hurt. CLiC-it 2018.",
    "zhao2018": "Zhao, Wang, Yatskar, Ordonez & Chang (2018). Gender Bias in Coreference "
    "Resolution: Evaluation and Debiasing Methods. NAACL 2018.",
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
    "seat": {
        "caveats": [
            "SEAT measures the geometry of pooled sentence encodings, not behaviour: results vary "
            "with the encoder, pooling and layer, and a non-significant test does not show an "
            "absence of bias (May et al. 2019); intrinsic metrics like it do not predict "
            "application bias (Goldfarb-Tarrant et al. 2021).",
            "The permutation p-value is one-sided (d > 0) as in sent-bias; the bootstrap "
            "interval of d (X, Y, A and B resampled) is ours, not the reference's. The mean |d| "
            "per domain is bias-bench's aggregate and has no interval: the tests are a fixed "
            "battery, not a sample.",
        ],
        "citations": ["may2019", "caliskan2017", "meade2022", "goldfarb2021"],
    },
    "honest": {
        "caveats": [
            "HONEST counts exact matches with HurtLex lemmas (conservative level): hurtful "
            "completions outside the lexicon, or inflected forms, are not counted, and a "
            "lexicon word used harmlessly is. The reference keeps 724 of 810 English binary "
            "prompts (duplicates keyed by prompt text); so do we.",
            "The reference estimator reads single pieces at the mask: for XLM a top piece may be "
            "a word fragment (fragment_share), which never matches; the whole_word estimator "
            "(ours) completes words over several pieces.",
            "Binary gender and a queer/nonqueer split are coarse identity groups; English only.",
        ],
        "citations": ["nozza2021", "nozza2022", "bassignana2018"],
    },
    "winobias": {
        "caveats": [
            "Our masked-LM adaptation of WinoBias (cloze pronoun and pro/anti PLL): the "
            "official evaluation is coreference F1, and these numbers are not comparable with "
            "published WinoBias gaps.",
            "Stereotypical means the U.S. labour majority gender of the occupation in the "
            "data's lists; binary gender only; pairs whose pronoun cannot be masked alone are "
            "counted in n_excluded.",
        ],
        "citations": ["zhao2018", "kurita2019", "kauf2023", "bls"],
    },
}

# a suite named otherwise gets a battery's notes when it reports that battery's main metric
BATTERY_METRICS: dict[str, str] = {
    "effect_size": "seat", "honest@20": "honest", "pct_stereotypical": "winobias",
}  # fmt: skip

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
    pairs = (("crows-pairs", "pct_sent_more"), ("stereoset", "ss"))
    pairs += tuple((s, m) for m, s in BATTERY_METRICS.items())
    parts = [SUITE_NOTES[k] for k, m in pairs if m in metrics]
    if not parts or metrics - set(BENCHMARK_METRIC_NAMES) - _battery_metrics(metrics):
        parts.append(TEMPLATE_NOTES)
    for part in parts:
        notes["caveats"] += [c for c in part["caveats"] if c not in notes["caveats"]]
        notes["citations"] += [c for c in part["citations"] if c not in notes["citations"]]
    return notes


def _battery_metrics(metrics: set[str]) -> set[str]:
    """The metrics of ``metrics`` that a non-template kind declares (SEAT, HONEST, WinoBias):
    they need no template caveats."""
    kinds = [k for k in load_kinds().values() if not k.uses_templates and k.main_metric]
    return {m for m in metrics if any(k.doc(m) is not None for k in kinds)}
