"""Probe kind ``seegull_cloze``: SeeGULL Multilingual's identity-attribute stereotype tuples as
cloze probes (xlmaudit's own probe; the SeeGULL authors define only generative endorsement).

Each tuple (identity I, attribute A) of one language-country file (Bhutani et al. 2024) is put in
every frame of the probe (``frames``: one ``{identity}`` and one ``[MASK]``, written per language
in the suite) and A is scored as a word at the mask (multi-piece and multi-word attributes
chained left to right). Per frame F and identity X, Kurita et al. (2019)'s prior-normalised score:

    ilp(X) = log P(A | F(X)) - log P(A | F(X) with X's span masked too)

and per item (frame x tuple) ``association`` = ilp(I) - mean over the control identities C of
ilp(C). The controls are up to ``controls`` (default 3) other identities of the **same file**
(the same region's annotators) that no tuple of the file links to A, drawn with a seed derived
from the tuple (stable across runs). A positive association: the model ties A to I more than to
other identities of the region, beyond what the frame alone predicts.

Summary (:mod:`xlmaudit.metrics.seegull`): the mean association over frames x tuples (crossed
bootstrap: frames and tuples resampled), per stratum of in-region stereotype votes (``votes_1``
.. ``votes_3`` of 3 annotators), and ``association_weighted``, weighted by the attribute's mean
offensiveness + 1. Rows the data's SOURCE.md lists as bad stay in raw with ``usable`` False and
their ``problem`` (``n_excluded``); repaired keys are recorded in ``meta.json``.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlmaudit.datasets import seegull as sg
from xlmaudit.metrics.seegull import seegull_summary
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.shared import option_path
from xlmaudit.requests import MASK, MaskedWordRequest

if TYPE_CHECKING:
    from pathlib import Path

    from xlmaudit.requests import Request, Scorer
    from xlmaudit.spec import ProbeSpec

SLOT = "{identity}"
FILE_CODES = {"vi": "vn"}  # ISO 639-1 -> the code SeeGULL's file names use
_ABOVE = ("ties the stereotyped attributes to their identity more than to other identities of "
          "the same region by {size} nats {ci}")  # fmt: skip
_BELOW = ("ties the stereotyped attributes to other identities of the same region more than to "
          "their own identity by {size} nats {ci}")  # fmt: skip
_METHOD = ("per frame x tuple, Kurita et al. (2019)'s increased log-probability of the attribute "
           "at the [MASK], log P(attr | frame with the identity) - log P(attr | identity masked), "
           "for the tuple's identity minus its mean over up to `controls` control identities of "
           "the same SeeGULL file (same region) that no tuple links to the attribute; crossed "
           "bootstrap interval and p-value (frames and tuples resampled). xlmaudit's own probe: "
           "the SeeGULL authors define only generative endorsement")  # fmt: skip
DOCS: tuple[MetricDoc, ...] = (
    MetricDoc("association",
              "prior-normalised association of the stereotyped attribute with {a} vs {b} "
              "(nats; 0 = none)", _METHOD, reference=0.0, contrast="{a} - {b}", above=_ABOVE,
              below=_BELOW),
    MetricDoc("association_weighted",
              "association weighted by the attribute's offensiveness (nats; 0 = none)",
              "the same per-item association, mean weighted by the attribute's mean "
              "offensiveness + 1 (0 when all three raters found it not offensive, 5 when all "
              "found it extremely offensive; tuples with no rating left out); crossed bootstrap",
              reference=0.0, contrast="{a} - {b}", above=_ABOVE, below=_BELOW),
    MetricDoc(r"(.+)_(?:template|filler|residual)_share", "share of {x} variance (0-1)",
              "variance decomposition of the frames x tuples matrix into frame, tuple and "
              "residual parts (Seshadri et al. 2022): a large template (frame) share means the "
              "wording, not the tuple, drives the score", pattern=True),
)  # fmt: skip


@dataclass(frozen=True)
class ClozeItem:
    """One frame x tuple (or, ``usable`` False, one excluded data row)."""

    id: str
    frame: str  # f1, f2, ...
    frame_text: str
    line: int
    identity: str
    attribute: str
    stereotype_votes: int
    offensive: float
    controls: tuple[str, ...] = ()
    usable: bool = True
    problem: str = ""


def fill(frame: str, identity: str) -> tuple[str, tuple[int, int]]:
    """The frame with ``identity`` in its slot and the identity's character span."""
    start = frame.index(SLOT)
    return frame[:start] + identity + frame[start + len(SLOT) :], (start, start + len(identity))


def choose_controls(pair: sg.SeegullPair, identity: str, attribute: str, k: int) -> tuple[str, ...]:
    """Up to ``k`` identities of the same file, other than ``identity``, that no tuple links to
    ``attribute`` (case-insensitive), drawn with a seed derived from the tuple."""
    linked = {t.identity.lower() for t in pair.tuples if t.attribute.lower() == attribute.lower()}
    pool = sorted({t.identity for t in pair.tuples} - {identity})
    pool = [x for x in pool if x.lower() not in linked]
    seed = int(hashlib.sha1(f"{identity}\n{attribute}".encode()).hexdigest()[:8], 16)
    return tuple(sorted(random.Random(seed).sample(pool, min(k, len(pool)))))


def build_items(probe: ProbeSpec, pair: sg.SeegullPair) -> list[ClozeItem]:
    """Tuples x frames (tuple-major), then one unusable item per rejected stereotype row (a
    rejected offensiveness row only leaves its attribute unrated: recorded in ``meta.json``)."""
    k = int(probe.options.get("controls", 3))
    frames = list(probe.options["frames"])
    items = []
    for t in pair.tuples:
        controls = choose_controls(pair, t.identity, t.attribute, k)
        for i, frame in enumerate(frames, start=1):
            key = f"{frame}\n{t.identity}\n{t.attribute}"
            digest = hashlib.sha1(key.encode()).hexdigest()[:8]
            items.append(ClozeItem(f"f{i}:L{t.line}-{digest}", f"f{i}", frame, t.line, t.identity,
                                   t.attribute, t.stereotype, t.offensive, controls))  # fmt: skip
    stereotypes = f"{pair.files['stereotypes']}:"
    for f in (f for f in pair.rejected if f.where.startswith(stereotypes)):
        items.append(ClozeItem(f"excluded:{f.where}", "", "", f.line, "", "", 0, float("nan"),
                               usable=False, problem=f"{f.where}: {f.reason}"))  # fmt: skip
    return items


def item_requests(item: ClozeItem) -> list[Request]:
    """Per identity (the tuple's, then each control): the frame, then the frame with the identity
    masked too (Kurita's prior); [] for an excluded row."""
    if not item.usable:
        return []
    out: list[Request] = []
    for who in (item.identity, *item.controls):
        text, span = fill(item.frame_text, who)
        out.append(MaskedWordRequest(text, (item.attribute,)))
        out.append(MaskedWordRequest(text, (item.attribute,), context_masks=(span,)))
    return out


def item_row(item: ClozeItem, responses: list) -> dict[str, Any]:
    """The raw row of one item: its tuple, the identity's and controls' scores, association."""
    row: dict[str, Any] = {
        "item_id": item.id, "frame": item.frame, "frame_text": item.frame_text,
        "line": item.line, "tuple": f"L{item.line} {item.identity} / {item.attribute}",
        "identity": item.identity, "attribute": item.attribute,
        "stereotype_votes": item.stereotype_votes, "offensive": item.offensive,
        "controls": " / ".join(item.controls), "n_controls": len(item.controls),
        "usable": item.usable, "problem": item.problem,
    }  # fmt: skip
    if not responses:
        return row
    scores = [r.candidates[0] for r in responses]
    ilp = [float(scores[i].logprob - scores[i + 1].logprob) for i in range(0, len(scores), 2)]
    control = float(np.mean(ilp[1:])) if len(ilp) > 1 else float("nan")
    row.update(
        logprob=float(scores[0].logprob), prior_logprob=float(scores[1].logprob),
        ilp_identity=ilp[0], ilp_controls=control, association=ilp[0] - control,
        n_pieces=scores[0].n_pieces, flag=scores[0].flag,  # flagged: NaN, left out of means
    )  # fmt: skip
    return row


@register
class SeegullCloze(ProbeKind):
    """SeeGULL tuples as cloze probes: the attribute's prior-normalised association with its
    identity vs control identities of the same region."""

    name = "seegull_cloze"
    uses_templates = False
    mask = "none"
    options = {"country": str, "frames": list, "controls": int, "data": str}
    required = ("country", "frames")
    main_metric = "association"
    metric_docs = DOCS
    contrast = ("the identity", "control identities")
    pairing = "score"
    summary_columns = ("n_templates", "n_fillers", "n_excluded")
    cluster_key = "frame"  # the frames' wording is shared by every tuple
    profile_key = "identity"

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        rows = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
        if main not in rows:
            return None
        rows = rows.dropna(subset=[main])
        return main, pd.DataFrame({"item_id": rows["item_id"], "value": rows[main], "group": "all"})

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        frames = probe.options["frames"]
        for i, frame in enumerate(frames):
            if not isinstance(frame, str) or frame.count(SLOT) != 1 or frame.count(MASK) != 1:
                raise probe.at("frames").error(
                    f"probe {probe.id!r}: frame {i + 1} must be a string with one {SLOT} and one "
                    f"{MASK}, got {frame!r}"
                )
        if not frames or len(set(frames)) != len(frames):
            raise probe.at("frames").error(
                f"probe {probe.id!r}: frames must be distinct, non-empty"
            )
        if int(probe.options.get("controls", 3)) < 1:
            raise probe.at("controls").error(f"probe {probe.id!r}: controls must be at least 1")

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[ClozeItem]:
        return build_items(probe, load_pair(probe, ctx))

    def requests(self, probe: ProbeSpec, items: list[ClozeItem], scorer: Scorer):
        return [item_requests(it) for it in items]

    def raw_frame(self, probe: ProbeSpec, items: list[ClozeItem], responses, notes) -> pd.DataFrame:
        return pd.DataFrame([item_row(it, rs) for it, rs in zip(items, responses, strict=True)])

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        return seegull_summary(raw, seed=seed)


def file_name(probe: ProbeSpec, folder: Path | None) -> str:
    """The probe's file name (``French (fr) in France.csv``): among the files of the ``data``
    folder's ``stereotypes/`` when the probe names one, else among the registered SeeGULL files."""
    from xlmaudit.datasets.seegull_files import SEEGULL_FILES

    code = FILE_CODES.get(str(probe.language), str(probe.language))
    wanted = f"({code}) in {probe.options['country']}.csv"
    if folder is not None:
        names = sorted(p.name for p in (folder / "stereotypes").glob("*.csv"))
    else:
        names = sorted({p.split("/")[1] for p, *_ in SEEGULL_FILES})
    found = [n for n in names if n.endswith(wanted)]
    if not found:
        raise probe.at("country").error(
            f"probe {probe.id!r}: no SeeGULL file for language {probe.language!r} and country "
            f"{probe.options['country']!r} (files: {', '.join(names) or 'none'})"
        )
    return found[0]


def load_pair(probe: ProbeSpec, ctx: RunContext) -> sg.SeegullPair:
    """Resolve (and record) the probe's two files, load them and record what was excluded."""
    from xlmaudit.datasets import resolve_data_file
    from xlmaudit.datasets.seegull_files import source_name

    folder = option_path(probe)
    name = file_name(probe, folder)
    paths: dict[str, Path] = {}
    for part in ("stereotypes", "offensiveness"):
        source = source_name(f"{part}/{name}")
        path = folder / part / name if folder is not None else None
        paths[part] = resolve_data_file(source, path=path, data_dir=ctx.data_dir)
        ctx.record_data(source, paths[part])
    pair = sg.load_seegull(paths["stereotypes"], paths["offensiveness"])
    for part in ("stereotypes", "offensiveness"):
        status = ctx.data_status.setdefault(source_name(f"{part}/{name}"), {})
        flagged = [f for f in pair.rejected if f.where.startswith(f"{paths[part]}:")]
        fixed = [f for f in pair.repaired if f.where.startswith(f"{paths[part]}:")]
        status["n_excluded"] = len(flagged)
        status["excluded"] = [f"{f.where}: {f.reason}" for f in flagged]
        status["repaired"] = [f"{f.where}: {f.reason}" for f in fixed]
        status["n_kept"] = len(pair.tuples if part == "stereotypes" else pair.offensiveness)
    return pair
