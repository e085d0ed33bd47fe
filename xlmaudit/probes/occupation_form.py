"""Probe kind ``occupation_form``: feminine vs masculine occupation form given a gendered context.

For languages with grammatical gender (French, German, Spanish; Zhao et al. 2020's lists), an
occupation noun has a masculine and a feminine form (boulanger / boulangère). Each context
template (``contexts``: one ``{person}`` slot and one ``[MASK]``) is filled with a feminine and a
masculine person phrase (``persons``: ``[female, male]`` pairs whose last words are a seed pair of
the data's ``xx_gender_pairs.json``: elle/il, ma mère/mon père, ...), and both occupation forms are
scored as words at the mask. Per item (context x noun), with lp = log P(form) at the mask:

- ``log_odds_f`` = lp(feminine) - lp(masculine) given the feminine person; ``log_odds_m`` the same
  given the masculine person;
- ``association`` = log_odds_f - log_odds_m: how far the context's gender moves the form
  (grammatical agreement plus whatever the model associates with the occupation);
- ``form_lean`` = (log_odds_f + log_odds_m) / 2: the lean towards the feminine form whatever the
  context (agreement cancels when it is symmetric); negative = masculine default;
- ``prior_log_odds``: log-odds of the forms with the person phrase masked too (Kurita et al.'s
  prior: no gender cue in the sentence), the mean over the two sentences;
- ``agreement`` = 100 if both contexts pick their own form (log_odds_f > 0 and log_odds_m < 0).

The same scores on *control* nouns, gender-definitional nouns of the data (acteur / actrice,
veuf / veuve: the form is fixed by the referent's gender, no occupation stereotype), are the
grammar-only baseline (``control_*`` metrics); ``association_excess`` = association of
occupations minus that of controls. Rows of the data that cannot be used (known bad rows, one
form for both genders) stay in raw with ``usable`` False and their ``problem`` (``n_excluded``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlmaudit.datasets import zhao_occupations as zo
from xlmaudit.metrics.occupation_form import form_summary
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.shared import check_labour_lexicon, labour_shares, option_path
from xlmaudit.requests import MASK, MaskedWordRequest

if TYPE_CHECKING:
    from xlmaudit.requests import Request, Scorer
    from xlmaudit.spec import ProbeSpec

SLOT = "{person}"
# English (masculine) words of the definitional rows used as controls: singular person nouns
# whose grammatical gender follows the referent's (Zhao et al.'s definitional rows also hold
# plurals, body parts, hormones and animals, which are left out)
CONTROL_NOUNS = ("actor", "prince", "abbot", "widower", "baron", "marquis", "emperor", "king",
                 "enchanter", "host", "steward", "policeman", "monk", "salesman", "councilman",
                 "duke", "fiance", "businessman", "hero", "cowboy", "waiter", "heir", "sorcerer",
                 "landlord", "czar", "headmaster", "governor")  # fmt: skip
NATS = ("prefers the {a} form by {size} nats {ci}", "prefers the {b} form by {size} nats {ci}")
_GRAMMAR = (" In French, German and Spanish the person's gender also fixes the form "
            "grammatically, so this includes agreement; compare control_{x}.")  # fmt: skip
DOCS: tuple[MetricDoc, ...] = (
    MetricDoc("association",
              "association of the context's gender with the occupation form (nats; 0 = none)",
              "per item [log P(fem. form) - log P(masc. form)] given the feminine person minus the "
              "same given the masculine person, at the [MASK], forms scored as whole words; mean "
              "over contexts x occupations, crossed bootstrap interval and p-value (contexts and "
              "occupations resampled)." + _GRAMMAR.format(x="association"), reference=0.0,
              contrast="{a} - {b}",
              above="moves towards the {a} form with a {a} person by {size} nats {ci}",
              below="moves towards the {b} form with a {a} person by {size} nats {ci}"),
    MetricDoc("association_excess",
              "association of occupations minus that of gender-definitional control nouns (nats)",
              "association (occupations) - control_association (definitional nouns such as "
              "actor/actress, same contexts); crossed bootstrap with nouns resampled within "
              "their set. Below 0: the context's gender moves occupation forms less than "
              "definitional nouns (the occupation keeps a gender of its own)", reference=0.0,
              contrast="occupations - controls",
              above="lets the person's gender choose occupation forms more than definitional "
                    "forms, by {size} nats {ci}",
              below="lets the person's gender choose occupation forms less than definitional "
                    "forms, by {size} nats {ci}"),
    MetricDoc("form_lean",
              "lean towards the {a} occupation form whatever the context (nats; 0 = none)",
              "per item the mean of the two contexts' log-odds (fem. - masc. form); agreement "
              "cancels when it is symmetric, so a value below 0 is a masculine default (also "
              "the generic masculine of the language); crossed bootstrap", reference=0.0,
              contrast="{a} - {b}", above=NATS[0], below=NATS[1]),
    MetricDoc("prior_log_odds",
              "log-odds of the {a} vs the {b} form with the person masked too (nats)",
              "Kurita et al. (2019)'s prior: the person phrase is masked as well, so the sentence "
              "carries no gender cue; mean of the two sentences; crossed bootstrap",
              reference=0.0, contrast="{a} - {b}", above=NATS[0], below=NATS[1]),
    MetricDoc("pct_agreement",
              "% of items where both contexts pick their own gender's form (grammar check)",
              "100 when log-odds(fem. form) > 0 given the feminine person and < 0 given the "
              "masculine one; a grammatical model is near 100 on the control nouns; crossed "
              "bootstrap interval", reference=None, unit="percent"),
    MetricDoc(r"control_(.+)", "{x} on gender-definitional control nouns (grammar-only baseline)",
              "the same score on definitional nouns of the data (actor/actress, widower/widow, "
              "...), whose form the referent's gender fixes: agreement without occupation "
              "stereotypes", contrast="=", pattern=True),
    MetricDoc(r"(?:spearman|pearson)_(.+)_vs_women_share",
              "correlation of per-occupation {x} with the U.S. women's share of employment",
              "per-occupation mean over contexts vs the labour lexicon's women_share, joined on "
              "the English occupation word; grammar does not depend on labour shares, so a "
              "positive correlation is an occupational stereotype", reference=0.0, pattern=True),
)  # fmt: skip


@dataclass(frozen=True)
class FormItem:
    """One context x noun (or, ``usable`` False, one excluded data row)."""

    id: str
    context: str  # "t<template>:<female>/<male>"
    noun_type: str  # occupation | control
    line: int
    english: str
    feminine: str
    masculine: str
    text_f: str = ""
    text_m: str = ""
    span_f: tuple[int, int] = (0, 0)
    span_m: tuple[int, int] = (0, 0)
    usable: bool = True
    problem: str = ""


def fill(template: str, person: str) -> tuple[str, tuple[int, int]]:
    """The template with ``person`` in its slot (sentence-initial capital) and the person's span."""
    start = template.index(SLOT)
    text = template[:start] + person + template[start + len(SLOT) :]
    if start == 0:
        text = text[:1].upper() + text[1:]
    return text, (start, start + len(person))


def language_of(probe: ProbeSpec) -> str:
    """The probe's resolved language (suite or probe ``language:``; "en" by default)."""
    return str(getattr(probe, "language", None) or "en")


def build_items(probe: ProbeSpec, lists: zo.ZhaoLists) -> list[FormItem]:
    """Contexts x (occupations + controls), then one unusable item per excluded data row."""
    controls = tuple(probe.options.get("controls", CONTROL_NOUNS))
    rows = lists.rows
    nouns = rows[rows.noun_type.eq("occupation")]
    ctl = rows[rows.noun_type.eq("definitional") & rows.english.isin(controls)]
    ctl = ctl.drop_duplicates("english")
    missing = sorted(set(controls) - set(ctl["english"]))
    if missing and "controls" in probe.options:
        raise probe.at("controls").error(
            f"probe {probe.id!r}: controls {missing} are not usable definitional rows of the "
            f"{lists.language} lists (absent, known bad, or one form for both genders)"
        )
    nouns = pd.concat([nouns, ctl.assign(noun_type="control")])
    items = []
    for t, template in enumerate(probe.options["contexts"]):
        for fem_p, masc_p in probe.options["persons"]:
            text_f, span_f = fill(template, fem_p)
            text_m, span_m = fill(template, masc_p)
            context = f"t{t}:{fem_p}/{masc_p}"
            for r in nouns.itertuples():
                key = f"{text_f}\n{text_m}\n{r.feminine}\n{r.masculine}"
                digest = hashlib.sha1(key.encode()).hexdigest()[:8]
                items.append(FormItem(f"{context}:L{r.line}-{digest}", context, r.noun_type,
                                      r.line, r.english, r.feminine, r.masculine, text_f, text_m,
                                      span_f, span_m))  # fmt: skip
    for kind, flagged in (("rejected", lists.rejected), ("same form", lists.same_form)):
        for f in flagged:
            why = f"{kind}: {f.where}: {f.reason}"
            items.append(FormItem(f"excluded:{f.where}", "", "excluded", f.line, "", "", "",
                                  usable=False, problem=why))  # fmt: skip
    return items


def item_requests(item: FormItem) -> list[Request]:
    """[fem. context, masc. context, fem. prior, masc. prior]; [] for an excluded row."""
    if not item.usable:
        return []
    cands = (item.feminine, item.masculine)
    return [
        MaskedWordRequest(item.text_f, cands),
        MaskedWordRequest(item.text_m, cands),
        MaskedWordRequest(item.text_f, cands, context_masks=(item.span_f,)),
        MaskedWordRequest(item.text_m, cands, context_masks=(item.span_m,)),
    ]


def item_row(item: FormItem, responses: list) -> dict[str, Any]:
    """The raw row of one item: its words, the four answers' log-odds and the item scores."""
    row: dict[str, Any] = {
        "item_id": item.id, "context": item.context, "noun_type": item.noun_type,
        "line": item.line, "english": item.english, "feminine": item.feminine,
        "masculine": item.masculine, "usable": item.usable, "problem": item.problem,
        "text_f": item.text_f, "text_m": item.text_m,
    }  # fmt: skip
    if not responses:
        return row
    words = [{c.word: c for c in resp.candidates} for resp in responses]
    lp = [(float(w[item.feminine].logprob), float(w[item.masculine].logprob)) for w in words]
    lo = [f - m for f, m in lp]
    lo_f, lo_m = lo[0], lo[1]
    row.update(
        lp_fem_given_f=lp[0][0], lp_masc_given_f=lp[0][1],
        lp_fem_given_m=lp[1][0], lp_masc_given_m=lp[1][1],
        log_odds_f=lo_f, log_odds_m=lo_m, association=lo_f - lo_m, form_lean=(lo_f + lo_m) / 2,
        prior_log_odds=(lo[2] + lo[3]) / 2,
        pct_agreement=100.0 if lo_f > 0 and lo_m < 0 else 0.0,
        n_pieces_f=words[0][item.feminine].n_pieces, n_pieces_m=words[0][item.masculine].n_pieces,
        mixed_pieces=any(r.mixed_piece_counts for r in responses),
    )  # fmt: skip
    return row


@register
class OccupationForm(ProbeKind):
    """Feminine vs masculine occupation form at the mask given a feminine or masculine person."""

    name = "occupation_form"
    uses_templates = False
    mask = "none"
    options = {"contexts": list, "persons": list, "controls": list, "data": str,
               "labour_lexicon": str}  # fmt: skip
    required = ("contexts", "persons")
    main_metric = "association"
    metric_docs = DOCS
    contrast = ("feminine", "masculine")
    pairing = "score"
    summary_columns = ("n_templates", "n_fillers", "n_excluded")
    cluster_key = "context"  # template x person pair: the crossed bootstrap's rows

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        rows = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
        if main not in rows:
            return None
        rows = rows.dropna(subset=[main])
        return main, pd.DataFrame(
            {"item_id": rows["item_id"], "value": rows[main], "group": rows["noun_type"]}
        )

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        for i, tpl in enumerate(probe.options["contexts"]):
            if not isinstance(tpl, str) or tpl.count(SLOT) != 1 or tpl.count(MASK) != 1:
                raise probe.at("contexts").error(
                    f"probe {probe.id!r}: context {i + 1} must be a string with one {SLOT} and "
                    f"one {MASK}, got {tpl!r}"
                )
        for i, pair in enumerate(probe.options["persons"]):
            ok = isinstance(pair, list) and len(pair) == 2
            if (
                not ok
                or not all(isinstance(p, str) and p.strip() for p in pair)
                or (pair[0] == pair[1])
            ):
                raise probe.at("persons").error(
                    f"probe {probe.id!r}: persons entry {i + 1} must be [female, male] (two "
                    f"different phrases), got {pair!r}"
                )
        check_labour_lexicon(probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[FormItem]:
        lists = load_lists(probe, ctx)
        check_persons(probe, lists)
        return build_items(probe, lists)

    def requests(self, probe: ProbeSpec, items: list[FormItem], scorer: Scorer):
        return [item_requests(it) for it in items]

    def raw_frame(self, probe: ProbeSpec, items: list[FormItem], responses, notes) -> pd.DataFrame:
        rows = [item_row(it, rs) for it, rs in zip(items, responses, strict=True)]
        return pd.DataFrame(rows)

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        return form_summary(raw, seed=seed, shares=labour_shares(probe))


def load_lists(probe: ProbeSpec, ctx: RunContext) -> zo.ZhaoLists:
    """Resolve (and record) the language's three files, then load them."""
    from xlmaudit.datasets import resolve_data_file

    language = language_of(probe)
    if language not in zo.LANGUAGES:
        raise probe.at().error(
            f"probe {probe.id!r}: occupation_form has Zhao et al. lists for {zo.LANGUAGES}, "
            f"not for language {language!r}"
        )
    folder = option_path(probe)
    paths = {}
    for source, name in zo.file_names(language).items():
        path = folder / name if folder is not None else None
        paths[name] = resolve_data_file(source, path=path, data_dir=ctx.data_dir)
        ctx.record_data(source, paths[name])
    folders = {p.parent for p in paths.values()}
    if len(folders) != 1:
        raise probe.at().error(f"probe {probe.id!r}: the {language} files are in different "
                               f"folders: {sorted(map(str, folders))}")  # fmt: skip
    return zo.load_zhao_lists(folders.pop(), language)


def check_persons(probe: ProbeSpec, lists: zo.ZhaoLists) -> None:
    """Each persons pair's last words must be a seed pair of the data's gender_pairs.json."""
    seeds = {(f.lower(), m.lower()) for f, m in lists.pairs}
    for fem, masc in probe.options["persons"]:
        last = (fem.split()[-1].lower(), masc.split()[-1].lower())
        if last not in seeds:
            raise probe.at("persons").error(
                f"probe {probe.id!r}: persons [{fem!r}, {masc!r}]: {last[0]}/{last[1]} is not a "
                f"[female, male] pair of {lists.files['pairs']} ({sorted(seeds)})"
            )
