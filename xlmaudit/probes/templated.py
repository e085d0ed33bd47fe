"""What the template kinds share (``target_preference``, ``increased_log_prob``,
``counterfactual_pll``): their base class :class:`TemplateKind` (common options, checks, items,
``meta.json`` record and pairing), the contrast groups, the item columns of a raw row, the
per-item frame, the summary rows and the metric docs of the template metrics.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xlmaudit.metrics import template_scores as ts
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext
from xlmaudit.spec import ProbeSpec
from xlmaudit.templates import Item, expand

BASE_OPTIONS: dict[str, type | tuple[type, ...]] = {
    "contrast": list,  # [group A, group B]
    "by": str,  # a lexicon attribute: summarise per filler category too
    "correlate": str,  # a numeric lexicon attribute: correlate per-filler scores with it
    "metrics": list,  # item scores to summarise (first = main); default: the kind's defaults
}


P_NOTE = (
    "; p-value: two-sided, from the same crossed bootstrap draws as the interval (templates and "
    "fillers both resampled), so the p-value and the interval agree"
)


NATS_ABOVE = "prefers {a} over {b} by {size} nats {ci}"


NATS_BELOW = "prefers {b} over {a} by {size} nats {ci}"


# rows every template kind's summary has (metrics.template_scores): correlations, variance
# shares, category differences; ``=``: the contrast of the score they are about
TEMPLATE_DOCS: tuple[MetricDoc, ...] = (
    MetricDoc(r"(?:spearman|pearson)_(.+)_vs_.+",
              "correlation of per-filler {x} with a reference statistic (-1 to 1)",
              "rank (Spearman) or linear (Pearson) correlation between each filler's mean score "
              "over templates and the filler's lexicon attribute (e.g. the U.S. BLS women's "
              "share of employment); interval: bootstrap over fillers",
              reference=0.0, pattern=True),
    MetricDoc(r"(.+)_(?:template|filler|residual)_share", "share of score variance (0-1)",
              "variance decomposition of the templates x fillers score matrix into template, "
              "filler and residual parts: a large template share means the choice of template, "
              "not of filler, drives the score (Seshadri et al. 2022)", pattern=True),
    MetricDoc(r"(.+)_difference", "difference of {x} between categories (units of the score)",
              "category mean minus the first category's, crossed bootstrap interval (fillers "
              "resampled within category) and a p-value from the same draws",
              reference=0.0, contrast="=", pattern=True),
)  # fmt: skip


def score_pairs(raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
    """Template kinds' pairing across runs: the per-item ``main`` score (one row per item)."""
    if main not in raw.columns:
        return None
    rows = raw.drop_duplicates("item_id").dropna(subset=[main])
    return main, pd.DataFrame({"item_id": rows["item_id"], "value": rows[main], "group": "all"})


def selected_scores(kind: ProbeKind, probe: ProbeSpec) -> list[str]:
    """The item scores a probe summarises: its ``metrics`` option or the kind's defaults."""
    allowed, default = kind.item_scores(probe)
    chosen = [str(m) for m in probe.options.get("metrics", default)]
    bad = [m for m in chosen if m not in allowed]
    if bad or not chosen:
        raise probe.at("metrics").error(
            f"probe {probe.id!r}: metrics {bad or chosen} not available for kind {kind.name} "
            f"(choose from {list(allowed)})"
        )
    return chosen


def contrast(probe: ProbeSpec) -> tuple[str, str]:
    names = [g.name for g in probe.groups]
    pair = probe.options.get("contrast", names[:2])
    return str(pair[0]), str(pair[1])


def template_description(kind: ProbeKind, probe: ProbeSpec) -> dict[str, Any]:
    """meta.json's record of a template probe: main metric, contrast groups and their terms."""
    return {
        "main_metric": selected_scores(kind, probe)[0],
        "contrast": list(contrast(probe)),
        "groups": {g.name: list(g.terms) for g in probe.groups},
    }


def attr_column(probe: ProbeSpec, attribute: str) -> str | None:
    """The raw column (``attr.<slot>.<attribute>``) of a lexicon attribute, if a slot has it."""
    for slot, lex in probe.slots.items():
        if attribute in probe.lexicons[lex].attributes:
            return f"attr.{slot}.{attribute}"
    return None


def validate_common(kind: ProbeKind, probe: ProbeSpec) -> None:
    """Checks shared by template kinds with candidate groups."""
    ProbeKind.validate(kind, probe)
    if not probe.groups:
        raise probe.at().error(f"probe {probe.id!r} (kind {kind.name}) needs 'groups'")
    names = [g.name for g in probe.groups]
    if len(names) < 2:
        raise probe.at("groups").error(f"probe {probe.id!r}: needs at least two candidate groups")
    pair = probe.options.get("contrast", names[:2])
    if len(pair) != 2 or any(p not in names for p in pair) or pair[0] == pair[1]:
        raise probe.at("contrast").error(
            f"probe {probe.id!r}: contrast must name two different groups of {names}, got {pair}"
        )
    selected_scores(kind, probe)
    for key in ("by", "correlate"):
        if key in probe.options and attr_column(probe, probe.options[key]) is None:
            raise probe.at(key).error(
                f"probe {probe.id!r}: {key}: no lexicon of this probe declares attribute "
                f"{probe.options[key]!r}"
            )
    seen: dict[str, str] = {}
    for g in probe.groups:
        for term in g.terms:
            if term in seen:
                raise probe.at("groups").error(
                    f"probe {probe.id!r}: candidate {term!r} is in groups {seen[term]!r} "
                    f"and {g.name!r}"
                )
            seen[term] = g.name


def item_columns(item: Item) -> dict[str, Any]:
    """The item-level columns of a raw row (ids, template, fillers, lexicon attributes)."""
    cols: dict[str, Any] = {
        "item_id": item.id,
        "template_id": item.template_id,
        "text": item.text,
        "filler": " / ".join(term for _, term in item.fillers),
    }
    cols.update({f"slot.{slot}": term for slot, term in item.fillers})
    cols.update({f"attr.{key}": value for key, value in item.attrs})
    return cols


def item_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per item (the item-level columns of the raw frame)."""
    return raw.drop_duplicates("item_id").reset_index(drop=True)


def summary_rows(
    probe: ProbeSpec, items: pd.DataFrame, scores: list[str], *, seed: int, correlate: str = ""
) -> pd.DataFrame:
    """Overall, per-filler, per-template, sensitivity, category and correlation rows.

    ``scores[0]`` is the main score (tested, per template, sensitivity, categories);
    ``correlate`` the score correlated with the ``correlate`` attribute (default: the main one).
    """
    main = scores[0]
    rows: list[dict] = []
    for score in scores:
        rows += ts.overall_rows(items, score, seed=seed, test=score == main)
        rows += ts.per_filler_rows(items, score, seed=seed)
    rows += ts.per_template_rows(items, main, seed=seed)
    rows += ts.sensitivity_rows(items, main)
    if "by" in probe.options:
        col = attr_column(probe, probe.options["by"])
        rows += ts.category_rows(items.rename(columns={col: "_by"}), main, "_by", seed=seed)
    if "correlate" in probe.options:
        col = attr_column(probe, probe.options["correlate"])
        label = probe.options["correlate"]
        rows += ts.correlation_rows(items, correlate or main, col, seed=seed, label=label)
    frame = ts.summary_frame(rows)
    if "mixed_pieces" in items:
        frame["n_mixed_pieces"] = mixed_counts(items, frame)
    return frame


def mixed_counts(items: pd.DataFrame, frame: pd.DataFrame) -> list[float]:
    """Items with mixed candidate piece counts within each summary row's scope (NaN: n/a)."""
    flags = items["mixed_pieces"].astype(bool)
    counts = {("overall", "all"): int(flags.sum())}
    for col, level in (("template_id", "template"), ("filler", "filler")):
        sums = flags.groupby(items[col]).sum()
        counts.update({(level, str(k)): int(v) for k, v in sums.items()})
    keys = zip(frame["level"], frame["group"].astype(str), strict=True)
    return [counts.get(key, float("nan")) for key in keys]


class TemplateKind(ProbeKind):
    """Base of the template kinds: items are the templates x lexicon fillers (``expand``), the
    probe's checks are :func:`validate_common` (extend with ``super().validate``), ``meta.json``
    records :func:`template_description` and items pair across runs by their main score.
    Subclasses give ``item_scores``, ``requests``, ``raw_frame`` and ``summarize``."""

    options = BASE_OPTIONS
    pairing = "score"
    # items of one template share its wording: the crossed bootstrap resamples whole templates
    # (and, independently, whole fillers)
    cluster_key = "template_id"
    profile_key = "filler"  # the profile: per filler (e.g. occupation) mean score
    summary_columns = ("n_templates", "n_fillers", "n_mixed_pieces")

    def item_scores(self, probe: ProbeSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(allowed, default) item scores for the ``metrics`` option."""
        raise NotImplementedError

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        return template_description(self, probe)

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        return score_pairs(raw, main)

    def validate(self, probe: ProbeSpec) -> None:
        validate_common(self, probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[Item]:
        return expand(probe)
