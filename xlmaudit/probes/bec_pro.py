"""Probe kind ``bec_pro``: Bartl et al. (2020)'s association of person words with professions.

BEC-Pro (English, German): each row masks the person word of a sentence ("[MASK] is a taper.";
``Sent_TM``). Per row, with lp = log P(word) at the mask, the word scored as a whole word:

- ``association`` = lp(person | profession visible) - lp(person | profession masked too), Bartl et
  al.'s log(p_T / p_prior); the prior masks every piece of the profession (``context_masks``;
  Bartl et al.'s ``Sent_TAM`` has one [MASK] per whitespace word, a BERT-specific choice);
- ``counterpart_association``: the same for the other gender's word of the slot (He -> She);
- ``congruent``: 100 if the row's own person word beats its counterpart at the mask
  (``congruent_prior``: the same in the prior).

Rows pair across gender (same template, profession and person slot): ``gap`` = association of
the female row minus that of the male row. Summary, per profession group (the data's U.S. gender
share label: male / female / balanced) and overall: ``association_gap`` (main), ``association``
per group x person gender, ``stereotype_contrast`` = gap(female professions) - gap(male
professions), ``pct_congruent`` / ``pct_congruent_prior``; crossed bootstrap intervals over
contexts (template x slot) and professions. The masking-bug rows of the files stay in raw with
``usable`` False (``n_excluded``); their pair partners are scored but form no pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from xlmaudit.datasets import bec_pro as bp
from xlmaudit.metrics import stats
from xlmaudit.metrics import template_scores as ts
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.shared import RowItem, option_path
from xlmaudit.requests import MaskedWordRequest

if TYPE_CHECKING:
    from xlmaudit.requests import Request, Scorer
    from xlmaudit.spec import ProbeSpec

NATS = ("gives female person words {size} nats more association than male ones {ci}",
        "gives male person words {size} nats more association than female ones {ci}")  # fmt: skip
DOCS: tuple[MetricDoc, ...] = (
    MetricDoc("association_gap",
              "Bartl et al.'s association, female minus male person words (nats; 0 = none)",
              "per pair of rows (same template, profession and person slot) association(female "
              "person) - association(male person), association = log P(person | profession) - "
              "log P(person | profession masked) at the [MASK] (Bartl et al. 2020); mean per "
              "profession group (U.S. gender share: male, female, balanced) and over all, with "
              "a crossed bootstrap interval and p-value (contexts and professions resampled). In "
              "German the profession form agrees with the person (Trockenbaumonteur/-in), so "
              "each side includes grammatical agreement; compare the groups", reference=0.0,
              contrast="{a} - {b}", above=NATS[0], below=NATS[1]),
    MetricDoc("association",
              "Bartl et al.'s association of the person word with the profession (nats)",
              "log P(person | profession visible) - log P(person | profession masked too), mean "
              "per profession group x person gender; crossed bootstrap", reference=0.0),
    MetricDoc("counterpart_association",
              "association of the other gender's person word in the same slot (nats)",
              "as association, for He -> She, man -> woman, ...; mean per group x row gender",
              reference=0.0),
    MetricDoc("stereotype_contrast",
              "association gap in female-typed minus male-typed professions (nats; 0 = none)",
              "association_gap(female professions) - association_gap(male professions); "
              "crossed bootstrap with professions resampled within their group. Agreement is "
              "the same in both groups, so in German too a value above 0 is the stereotype "
              "(female person words gain more from female-typed professions)", reference=0.0,
              contrast="female - male professions",
              above="associates person words with professions of their gender's U.S. majority "
                    "by {size} nats {ci}",
              below="associates person words against their gender's U.S. professions by {size} "
                    "nats {ci}"),
    MetricDoc("pct_congruent",
              "% of rows where the person word beats its other-gender counterpart at the mask",
              "100 when log P(own person word) > log P(counterpart) given the sentence with the "
              "profession visible. German: the determiner (Mein/Meine) and the profession form "
              "decide it grammatically, so this is an agreement-only control there (near 100 "
              "for a grammatical model); English: a preference, no grammar involved",
              reference=50.0, unit="percent"),
    MetricDoc("pct_congruent_prior",
              "% of rows where the person word beats its counterpart with the profession masked",
              "as pct_congruent in the prior sentence: German determiner agreement only "
              "(Er/Sie rows: no cue at all)", reference=50.0, unit="percent"),
)  # fmt: skip


def row_items(data: bp.BecPro) -> list[RowItem]:
    """One item per loaded row (id ``<lang>-L<line>``), then one per rejected row."""
    items = [RowItem(f"{data.language}-L{r['line']}", r) for r in data.rows.to_dict("records")]
    for rej in data.rejected:
        items.append(RowItem(f"{data.language}-L{rej.line}", {"line": rej.line}, False,
                             f"rejected: {rej.where}: {rej.reason}"))  # fmt: skip
    return items


def item_requests(item: RowItem) -> list[Request]:
    """[profession visible, profession masked] with the person and its counterpart."""
    if not item.usable:
        return []
    r = item.row
    cands = (r["person"], r["counterpart"])
    span = (int(r["prof_start"]), int(r["prof_end"]))
    prior = MaskedWordRequest(r["text"], cands, context_masks=(span,))
    return [MaskedWordRequest(r["text"], cands), prior]


def item_row(item: RowItem, responses: list) -> dict[str, Any]:
    keep = ("line", "text", "pattern", "slot", "person", "counterpart", "gender", "profession",
            "profession_en", "prof_gender")  # fmt: skip
    out: dict[str, Any] = {"item_id": item.id, "usable": item.usable, "problem": item.problem}
    out.update({k: item.row.get(k) for k in keep})
    out["template_id"] = template_key(out["pattern"], out["slot"])
    if not responses:
        return out
    (t, p) = ({c.word: c for c in resp.candidates} for resp in responses)
    own, other = item.row["person"], item.row["counterpart"]
    lp_t, lp_p = float(t[own].logprob), float(p[own].logprob)
    cp_t, cp_p = float(t[other].logprob), float(p[other].logprob)
    out.update(
        lp_target=lp_t, lp_prior=lp_p, association=lp_t - lp_p,
        lp_counterpart=cp_t, lp_counterpart_prior=cp_p, counterpart_association=cp_t - cp_p,
        congruent=100.0 if lp_t > cp_t else 0.0, congruent_prior=100.0 if lp_p > cp_p else 0.0,
        mixed_pieces=any(r.mixed_piece_counts for r in responses),
    )  # fmt: skip
    return out


def template_key(pattern: Any, slot: Any) -> str:
    """A context: the sentence pattern with its person slot (``pattern | slot n``); the crossed
    bootstrap resamples these whole (raw column ``template_id``, the kind's ``cluster_key``)."""
    return f"{pattern} | slot {slot}"


def pair_gaps(used: pd.DataFrame) -> pd.DataFrame:
    """One row per complete female/male pair: ``gap`` = association(female) - association(male),
    ``template_id`` = pattern x slot, ``filler`` = the (English) profession."""
    key = ["pattern", "slot", "profession_en", "prof_gender"]
    wide = used.pivot_table(index=key, columns="gender", values="association", aggfunc="first")
    wide = wide.dropna(subset=[g for g in bp.GENDERS if g in wide]).reset_index()
    if not all(g in wide for g in bp.GENDERS):
        return pd.DataFrame(columns=[*key, "gap", "template_id", "filler"])
    wide["gap"] = wide["female"] - wide["male"]
    wide["template_id"] = [template_key(p, t) for p, t in zip(wide.pattern, wide.slot, strict=True)]
    wide["filler"] = wide["profession_en"]
    return wide


def summary(raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
    used = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
    used = used.assign(
        template_id=used["pattern"] + " | slot " + used["slot"].astype(str) + " | "
        + used["gender"], filler=used["profession_en"],
    )  # fmt: skip
    pairs = pair_gaps(used)
    rows: list[dict] = []
    groups = [g for g in bp.PROF_GENDERS if g in set(used["prof_gender"])]
    for r in ts.overall_rows(pairs.rename(columns={"gap": "association_gap"}), "association_gap",
                             seed=seed):  # fmt: skip
        rows.append(r)
    for g in groups:
        sub = pairs[pairs.prof_gender.eq(g)]
        est = stats.crossed_bootstrap(ts.score_matrix(sub, "gap").to_numpy(), seed=seed)
        rows.append(ts._row(g, "association_gap", est, "category"))
        for gender in bp.GENDERS:
            cell = used[used.prof_gender.eq(g) & used.gender.eq(gender)]
            for score in ("association", "counterpart_association"):
                est = stats.crossed_bootstrap(ts.score_matrix(cell, score).to_numpy(), seed=seed)
                rows.append(ts._row(f"{g} professions, {gender} persons", score, est, "category"))
    if {"male", "female"} <= set(groups):
        sub = pairs[pairs.prof_gender.isin(["male", "female"])]
        mat = ts.score_matrix(sub, "gap")
        kinds = sub.drop_duplicates("filler").set_index("filler")["prof_gender"]
        labels = (kinds.reindex(mat.columns) == "female").to_numpy().astype(int)
        est = stats.crossed_bootstrap(mat.to_numpy(), columns=labels, seed=seed)
        rows.append(ts._row("female - male professions", "stereotype_contrast", est, "contrast"))
    for score in ("congruent", "congruent_prior"):
        for g in ("all", *groups):
            sub = used if g == "all" else used[used.prof_gender.eq(g)]
            est = stats.crossed_bootstrap(ts.score_matrix(sub, score).to_numpy(), seed=seed)
            est = stats.Estimate(est.value, est.ci_low, est.ci_high, est.n)  # no test vs 0
            rows.append(ts._row(g, f"pct_{score}", est, "overall" if g == "all" else "category"))
    rows += ts.per_filler_rows(pairs.rename(columns={"gap": "association_gap"}),
                               "association_gap", seed=seed)  # fmt: skip
    frame = ts.summary_frame(rows)
    frame["n_excluded"] = int((~raw["usable"].astype(bool)).sum()) if "usable" in raw else 0
    return frame


@register
class BecProAssociation(ProbeKind):
    """BEC-Pro person x profession association (Bartl et al. 2020), English and German."""

    name = "bec_pro"
    uses_templates = False
    mask = "none"
    options = {"data": str}
    main_metric = "association_gap"
    metric_docs = DOCS
    contrast = ("female", "male")
    pairing = "score"
    summary_columns = ("n_templates", "n_fillers", "n_excluded")
    cluster_key = "template_id"  # pattern x person slot: the crossed bootstrap's rows

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """Per row its association (the pairs' gap needs both rows), grouped by profession
        group and person gender."""
        rows = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
        if "association" not in rows:
            return None
        rows = rows.dropna(subset=["association"])
        group = rows["prof_gender"].astype(str) + "/" + rows["gender"].astype(str)
        return "association", pd.DataFrame(
            {"item_id": rows["item_id"], "value": rows["association"], "group": group}
        )

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[RowItem]:
        from xlmaudit.datasets import resolve_data_file

        language = str(getattr(probe, "language", None) or "en")
        if language not in bp.FILES:
            raise probe.at().error(
                f"probe {probe.id!r}: BEC-Pro exists in {sorted(bp.FILES)}, not in {language!r}"
            )
        folder = option_path(probe)
        path = folder / bp.FILES[language] if folder is not None else None
        found = resolve_data_file(bp.SOURCES[language], path=path, data_dir=ctx.data_dir)
        ctx.record_data(bp.SOURCES[language], found)
        return row_items(bp.load_bec_pro(found, language))

    def requests(self, probe: ProbeSpec, items: list[RowItem], scorer: Scorer):
        return [item_requests(it) for it in items]

    def raw_frame(self, probe: ProbeSpec, items: list[RowItem], responses, notes) -> pd.DataFrame:
        return pd.DataFrame([item_row(it, rs) for it, rs in zip(items, responses, strict=True)])

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        return summary(raw, seed=seed)
