"""Probe kind ``honest``: HONEST (Nozza et al. 2021), one template set, language and estimator.

YAML keys: ``data_set`` (required: ``binary`` | ``queer_nonqueer``), ``estimator`` (required:
``reference`` | ``whole_word``), ``k`` (completions per prompt, default 20; HONEST@1/5/20 are
reported for the K <= k), ``max_pieces`` (whole_word: longest word in pieces, default 3),
``beam`` (whole_word beam width, default 0 = k), ``mode`` (``auto`` | ``word`` | ``sentence``),
``data`` / ``lexicon`` (optional paths; default: found under ``--data-dir``,
``$XLMAUDIT_DATA_DIR`` or the cache).

Language: the probe's (``language:`` of the probe or suite, default ``en``) picks the template
file and the HurtLex of that language: binary templates in en, it, fr, es, pt, ro;
``queer_nonqueer`` in English only. Template rows the reference drops as duplicate prompts are
listed per prompt in the raw column ``dropped_lines`` and counted in the summary's ``n_excluded``;
the model is given the prompt with its whitespace collapsed (``text``, see the loader).

- ``reference``: the top k non-special pieces at the mask, ``decode([id]).strip()``: what
  ``pipeline("fill-mask", top_k=k)`` returns except that special tokens are left out and the
  pieces after them move up (the pipeline keeps them: ``<special1>`` ranks in the top 20 on 3
  to 110 prompts per language), so always k; XLM word fragments (no ``</w>``) are kept, as the
  reference keeps them, and flagged in the raw column ``fragment``.
- ``whole_word`` (ours): the top k words of 1 to ``max_pieces`` pieces by beam search over
  chained pieces (``TopWordsRequest``), so a hurtful word of several pieces can be found. A
  chain counts only when the tokenizer writes the prompt with that word in the slot as exactly
  those pieces (not ``re`` + ``door</w>``, which the planted tokenizer writes ``r ed oo r</w>``,
  nor ``.</w>`` before the prompt's own period, written ``. .</w>``); XLM's BPE marks only word
  ends, so a prefix piece glued to a word (``ir`` + ``efighter</w>`` = "irefighter") is such a
  spelling, and a chain of several pieces must also be a word that ``wordfreq`` lists in the
  probe's language (any case; no check in a language wordfreq does not cover). Single-piece
  completions are vocabulary words and always count.

Both read a ``TopWordsRequest``: the reference one with ``max_pieces=1`` (one forward per
prompt), whole_word with the beam search (1 + 2 beam + ... rows per prompt, see the request).
Raw rows: one per prompt x rank.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlmaudit.datasets.honest import (
    DATA_SET_LANGUAGES,
    PLACEHOLDER,
    Dropped,
    HurtLex,
    hurtlex_source,
    load_hurtlex,
    load_templates,
    template_source,
)
from xlmaudit.metrics import honest as m
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.shared import option_path
from xlmaudit.requests import MASK, TopWordsRequest, TopWordsResponse

if TYPE_CHECKING:
    from xlmaudit.requests import Scorer
    from xlmaudit.spec import ProbeSpec

ESTIMATORS = ("reference", "whole_word")
# identity groups compared, and the paired test, per template set
GROUPS = {"binary": (("female", "male"), ("female", "male"))}
GROUPS["queer_nonqueer"] = (("queer", "nonqueer"), ("queer", "nonqueer"))
HURTFUL = ("fills {size} {ci} of its top-{x} completions with hurtful words (HurtLex, "
           "conservative)")  # fmt: skip
# what each estimator returns as a prompt's completions (the metric docs and the module doc)
COMPLETIONS = (
    "completions by the row's estimator: reference = the top {x} non-special pieces at the mask "
    "(the fill-mask pipeline's top-{x} with special tokens such as <special1> left out and the "
    "pieces after them moved up, so always {x}), each decode([id]).strip(), XLM word fragments "
    "kept; whole_word (ours) = the top {x} words of 1 to max_pieces pieces found by beam search, "
    "each a word the tokenizer writes as exactly those pieces when it fills the slot and, when "
    "it has several pieces, a word the wordfreq lists of the probe's language know (so a glued "
    "non-word the tokenizer spells as one chain, ir + efighter</w> = 'irefighter', takes no "
    "slot); fewer than {x} words are possible, and the missing slots count as not hurtful"
)
HONEST_DOCS: tuple[MetricDoc, ...] = (
    MetricDoc(r"honest@(\d+)",
              "HONEST@{x}: share of the top-{x} completions that are hurtful words (0-1; 0 = none)",
              "hits / ({x} x prompts): a completion is a hit when it is a HurtLex 1.2 "
              "conservative lemma (unidecode, exact case-sensitive match, Nozza et al. 2021, as "
              "honest.py); per identity group over that group's prompts; interval: cluster "
              "bootstrap over templates (the prompts of one template, whatever identity fills "
              "it, are resampled together); " + COMPLETIONS, reference=0.0, above=HURTFUL,
              below=HURTFUL, pattern=True, unit="fraction"),
    MetricDoc(r"honest@(\d+)\[\w+\]",
              "HONEST@{x} counting one HurtLex category only (share, 0-1; 0 = none)",
              "hits of that HurtLex category (the lemma's first lexicon row's, as honest.py) / "
              "({x} x prompts); interval: cluster bootstrap over templates", reference=0.0,
              pattern=True, unit="fraction"),
    MetricDoc(r"honest@(\d+) diff",
              "difference of HONEST@{x} between {a} and {b} prompts (share; 0 = no difference)",
              "per template (the same template filled for each group; in it/fr/es/pt/ro its "
              "female and male forms, matched by place in HONEST's 5-row blocks) HONEST@{x} of "
              "the {a} prompts minus that of the {b} prompts, averaged over templates; interval: "
              "percentile bootstrap over templates; p: Wilcoxon signed-rank test over templates",
              reference=0.0, contrast="{a} - {b}",
              above="completes {a} prompts with hurtful words more often than {b} prompts, by "
              "{size} {ci} of the top-{x}",
              below="completes {b} prompts with hurtful words more often than {a} prompts, by "
              "{size} {ci} of the top-{x}", pattern=True, unit="fraction"),
    MetricDoc(r"fragment_share@(\d+)",
              "share of the top-{x} completions that are word fragments (0-1; diagnostic)",
              "reference estimator only: single pieces without XLM's end-of-word marker, kept as "
              "the Hugging Face fill-mask pipeline returns them (they rarely match a lemma); "
              "interval: cluster bootstrap over templates",
              pattern=True, unit="fraction"),
)  # fmt: skip


@dataclass
class PromptItem:
    """One unique HONEST prompt (after the reference's de-duplication)."""

    id: str
    prompt: str
    raw: str
    identity: str
    group: str  # the TSV's category (female, male, queer_gender, ...)
    identity_group: str  # female/male, or queer/nonqueer
    number: str
    type: str
    template: str  # the same for the female and male forms of a template (loader)
    lexicon: HurtLex  # the HurtLex of the prompt's language
    lang: str = "en"
    text: str = ""  # what the model is given: the prompt, whitespace collapsed
    line: int = 0  # the template file's line whose fields the prompt keeps
    dropped_lines: str = ""  # lines of the rows excluded as this prompt's duplicates


def identity_group(category: str) -> str:
    """queer_* -> queer, nonqueer_* -> nonqueer, anything else unchanged (female, male)."""
    for name in ("nonqueer", "queer"):
        if category == name or category.startswith(name + "_"):
            return name
    return category


def prompt_items(
    frame: pd.DataFrame, lexicon: HurtLex, dropped: tuple[Dropped, ...] = ()
) -> list[PromptItem]:
    """Items from the de-duplicated template frame; ids hash the prompt text (the file's)."""
    merged: dict[tuple[str, int], list[str]] = {}
    for d in dropped:
        merged.setdefault((d.file, d.kept_line), []).append(str(d.line))
    items = []
    for r in frame.itertuples(index=False):
        digest = hashlib.sha1(r.template_masked.encode()).hexdigest()[:10]
        items.append(
            PromptItem(digest, r.template_masked, r.raw, r.identity, r.category,
                       identity_group(r.category), r.number, r.type, r.template, lexicon,
                       r.lang, r.text, int(r.line),
                       " ".join(merged.get((r.file, int(r.line)), [])))
        )  # fmt: skip
    return items


def completions(estimator: str, resp: TopWordsResponse) -> list[tuple[str, str, float, bool]]:
    """(text, pieces, logprob, fragment) per completion, best first."""
    if estimator == "reference":
        return [(p.text, p.piece, p.logprob, not p.complete) for p in resp.pieces]
    return [(w.word, " ".join(w.pieces), w.logprob, False) for w in resp.words]


@register
class Honest(ProbeKind):
    """HONEST: hurtful completions among the top-k at the mask of identity templates."""

    name = "honest"
    uses_templates = False
    mask = "none"
    options = {"data_set": str, "estimator": str, "k": int, "max_pieces": int, "beam": int,
               "mode": str, "data": str, "lexicon": str}  # fmt: skip
    required = ("data_set", "estimator")
    choices = {"data_set": tuple(DATA_SET_LANGUAGES), "estimator": ESTIMATORS, "mode": m.MODES}
    main_metric = "honest@20"  # honest@<k> of the probe (describe)
    metric_docs = HONEST_DOCS
    contrast = GROUPS["binary"][1]  # queer_nonqueer probes: queer, nonqueer (describe)
    pairing = "score"
    summary_columns = ("estimator", "n_excluded")
    # the loader's template key: the same for every identity filling one template (its female
    # and male forms in it/fr/es/pt/ro); intervals resample whole templates
    cluster_key = "template"

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        return {"main_metric": f"honest@{probe.options.get('k', 20)}",
                "contrast": list(GROUPS[probe.options["data_set"]][1]),
                "estimator": probe.options["estimator"]}  # fmt: skip

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """Per prompt hits among its top K / K (K from ``main``, honest@K), grouped by identity
        group (female/male, queer/nonqueer): compare's mean is HONEST@K."""
        k = int(main.split("@", 1)[1]) if main.startswith("honest@") else int(raw["rank"].max())
        top = raw[raw["rank"] <= k]
        per = top.groupby("item_id", sort=False).agg(
            hits=("hit", "sum"), group=("identity_group", "first")
        )
        frame = pd.DataFrame({"item_id": per.index.to_numpy(), "value": (per.hits / k).to_numpy(),
                              "group": per.group.to_numpy()})  # fmt: skip
        return main if main.startswith("honest@") else f"honest@{k}", frame

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        for key in ("k", "max_pieces"):
            if probe.options.get(key, 1) < 1:
                raise probe.at(key).error(f"{key} must be >= 1, got {probe.options[key]}")
        if probe.options.get("beam", 0) < 0:
            raise probe.at("beam").error(f"beam must be >= 0, got {probe.options['beam']}")
        data_set, lang = probe.options["data_set"], probe.language
        if lang not in DATA_SET_LANGUAGES[data_set]:
            have = ", ".join(DATA_SET_LANGUAGES[data_set])
            raise probe.at("language").error(
                f"HONEST {data_set} templates exist in {have}, not in language {lang!r}"
            )

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[PromptItem]:
        from xlmaudit.datasets import resolve_data_file

        lang = probe.language
        source, lex_source = template_source(probe.options["data_set"], lang), hurtlex_source(lang)
        path = resolve_data_file(source, path=option_path(probe), data_dir=ctx.data_dir)
        lex_path = option_path(probe, "lexicon")
        lex_path = resolve_data_file(lex_source, path=lex_path, data_dir=ctx.data_dir)
        ctx.record_data(source, path)
        ctx.record_data(lex_source, lex_path)
        templates = load_templates(path, lang)
        return prompt_items(templates.frame, load_hurtlex(lex_path), templates.dropped)

    def requests(self, probe: ProbeSpec, items: list[PromptItem], scorer: Scorer):
        o = probe.options
        k = o.get("k", 20)
        # reference: one forward per prompt (its pieces); whole_word: the beam search
        shape = (
            (1, 0) if o["estimator"] == "reference" else (o.get("max_pieces", 3), o.get("beam", 0))
        )
        return [[TopWordsRequest(it.text.replace(PLACEHOLDER, MASK), k, *shape)] for it in items]

    def raw_frame(
        self, probe: ProbeSpec, items: list[PromptItem], responses, notes: list
    ) -> pd.DataFrame:
        est = probe.options["estimator"]
        lists = [completions(est, rs[0]) for rs in responses]
        mode = m.resolve_mode(
            [[c[0] for c in cs] for cs in lists], probe.options.get("mode", "auto")
        )
        rows = []
        for item, cs in zip(items, lists, strict=True):
            for rank, (text, pieces, lp, fragment) in enumerate(cs, start=1):
                cat = m.completion_category(text, item.lexicon, mode)
                rows.append(
                    {"item_id": item.id, "estimator": est, "group": item.group,
                     "identity_group": item.identity_group, "rank": rank, "completion": text,
                     "pieces": pieces, "n_pieces": len(pieces.split()), "logprob": lp,
                     "fragment": fragment, "hit": cat is not None, "hurtlex_category": cat,
                     "mode": mode, "raw": item.raw, "identity": item.identity,
                     "number": item.number, "type": item.type, "template": item.template,
                     "prompt": item.prompt,
                     "line": item.line, "dropped_lines": item.dropped_lines}
                )  # fmt: skip
        return pd.DataFrame(rows)

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        groups, pair = GROUPS[probe.options["data_set"]]
        k = probe.options.get("k", 20)
        ks = sorted({x for x in m.KS if x <= k} | {k})
        named = [(g, "identity_group", g) for g in groups] + category_rows(raw)
        out = m.summarize_honest(
            raw, categories=m.HURTLEX_CATEGORIES, groups=named, pairs=[pair], ks=ks,
            seed=seed, pair_on=_pair_on(probe, raw), cluster=self.cluster_key,
        )  # fmt: skip
        if probe.options["estimator"] == "reference":  # whole words are never fragments
            frag = [m.fragment_row(raw, x, seed, self.cluster_key) for x in ks]
            out = pd.concat([out, pd.DataFrame(frag)])
        out = out.reset_index(drop=True).assign(estimator=probe.options["estimator"])
        if "dropped_lines" in raw:  # rows excluded as duplicates of the probe's prompts
            firsts = raw.drop_duplicates("item_id")["dropped_lines"]
            out["n_excluded"] = sum(len(str(x).split()) for x in firsts)
        return out.assign(level=[_level(g, m) for g, m in zip(out.group, out.metric, strict=True)])


def category_rows(raw: pd.DataFrame) -> list[tuple[str, str, str]]:
    """``category:NAME`` for each template category (the TSV's category column, raw ``group``),
    also one named like an identity group (queer_nonqueer's ``queer`` and ``nonqueer``, 90 and
    15 English prompts); none for a category whose prompts are exactly those of the identity
    group of its name (binary ``female``, ``male``), whose row is already there."""
    prompts = raw.drop_duplicates("item_id")
    out = []
    for name in sorted(set(prompts.group)):
        own = set(prompts.item_id[prompts.group == name])
        if own != set(prompts.item_id[prompts.identity_group == name]):
            out.append((f"category:{name}", "group", name))
    return out


def _pair_on(probe: ProbeSpec, raw: pd.DataFrame) -> str:
    """English templates pair on their text (``raw``, as before); in it/fr/es/pt/ro the text
    agrees with the identity ("connue comme une" / "connu comme un"), so they pair on the
    loader's ``template`` key (on raw only 8-17 of their 43-50 texts have both groups)."""
    return "raw" if probe.language == "en" or "template" not in raw else "template"


def _level(group: str, metric: str) -> str:
    """overall (all prompts), category (an identity group), contrast (a group difference),
    subgroup (one of the template set's categories, e.g. queer_gender_pronoun)."""
    if metric.endswith(" diff"):
        return "contrast"
    if group == "all":
        return "overall"
    return "subgroup" if group.startswith("category:") else "category"
