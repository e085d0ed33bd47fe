"""Probe kinds: what a probe of a suite does, registered by name.

A suite's probe names its ``kind``; the kind turns the probe into items, the items into requests,
the answers into a raw frame and the raw frame into summary rows. The runner
(:mod:`xlmaudit.runner`) pools the requests of every probe of every suite into one scoring pass,
so a kind never calls the scorer's ``score`` itself (it may call ``scorer.tokenize``).

Writing a kind (in its own module, e.g. ``xlmaudit/probes/crows.py``)::

    from xlmaudit.probes import ProbeKind, register

    @register
    class CrowsPairs(ProbeKind):
        name = "crows_pairs"                  # the `kind:` value in YAML
        uses_templates = False                # items come from a data set, not templates
        mask = "any"                          # "one" | "none" | "any": [MASK]s per template
        needs_gradients = False               # True: requests include AttributionRequests
        options = {"data": str, "estimators": list}   # extra probe keys and their YAML types
        required = ("data",)                  # options that must be present
        choices = {"method": ("a", "b")}       # options with a fixed set of values

        def validate(self, probe): ...        # extra checks; raise probe.at(key).error(msg)
        def build_items(self, probe, ctx): ...        # -> list of items, each with a str `.id`
        def requests(self, probe, items, scorer): ... # -> list[list[Request]] or Asked
        def raw_frame(self, probe, items, responses, notes): ...  # list[list[Response]], notes
        def summarize(self, probe, raw, *, seed): ... # -> summary rows (DataFrame)

Nothing else: :func:`load_kinds` imports every module of this package (``pkgutil``), so the
``@register`` decorator runs; there is no list of kinds to edit.

Contract:

- ``build_items(probe, ctx)`` gets a :class:`RunContext` (``data_dir``, ``limit``, ``seed``,
  ``record_data(name, path_or_bytes)`` to put a data file's checksum into ``meta.json``). Item ids
  must be stable and derived from content (they pair items across runs for ``xlmaudit compare``).
  The runner keeps the first ``ctx.limit`` items, so kinds need not truncate; a kind whose items
  are whole tests (SEAT) sets ``limits_within_items = True`` and applies ``ctx.limit`` inside
  each item instead, so a ``--limit`` run still runs every item.
- ``requests`` returns, per item, the requests that item needs; identical requests anywhere in
  the run are scored once. ``raw_frame`` gets the responses in the same nested shape.
- No hidden state between the two: items are frozen and a kind keeps nothing per run (one
  registered instance serves every probe). What ``raw_frame`` needs from request building (e.g.
  the tokenization's scored positions) ``requests`` returns as ``Asked(requests, notes)``, one
  note per item; the runner passes the notes back to ``raw_frame`` (``None`` per item when
  ``requests`` returned a plain list).
- ``raw_frame`` returns one row per item x candidate (or per item x estimator for benchmarks)
  with an ``item_id`` column; the runner adds ``suite`` and ``probe`` in front.
- ``summarize`` returns rows with columns ``group, metric, value, ci_low, ci_high, n`` and
  optionally ``p_value`` and extra columns; the runner adds ``suite`` and ``probe``.
  Use :mod:`xlmaudit.metrics.stats` for intervals and tests; derive randomness from ``seed``.

Declarations (what the report, the model card and ``xlmaudit compare`` know about a kind; they
read the kind recorded in ``meta.json`` and never guess from column names):

- ``main_metric``: the headline metric (the probe's ``describe`` may choose another, e.g. from a
  ``metrics`` option); ``""`` for a kind that measures no bias (attribution).
- ``metric_docs``: one :class:`MetricDoc` per metric the kind emits (exact name, or a regular
  expression with ``pattern=True``): meaning and units (``label``), how it is computed
  (``method``), the no-bias ``reference``, the ``contrast`` in words (``"{a} - {b}"``; empty for a
  metric with no direction) and the sentences ``above`` / ``below`` saying what a value above or
  below the reference means. ``{a}`` and ``{b}`` are the probe's two contrast groups, e.g.
  ``log_odds`` = log P(group a) - log P(group b) with a = ``female``, b = ``male``.
- ``contrast``: the default groups ``(a, b)`` of a kind whose groups are fixed (CrowS-Pairs:
  more vs less stereotyping sentence); template kinds take them from the probe (``describe``).
- ``pairing`` and ``paired_values(raw, main)``: how items pair across two runs:
  ``"score"`` (the per-item main score; exact sign test), ``"decision"`` (a per-item 0/1
  decision; McNemar's exact test) or ``"none"`` (not compared).
- ``summary_columns``: the extra summary columns the kind may emit; ``summary.csv`` has the
  columns of every registered kind whatever suites ran (empty where a kind did not run).
- ``min_n``: the fewest items (a summary row's ``n``) for a row of the kind to be called a
  finding (0 = no minimum); a kind that sets it says why in its docs (e.g. CrowS-Pairs:
  :data:`xlmaudit.metrics.stats.MIN_N_SHARE`). Rows under it are still reported, with their n.
- ``cluster_key``: the raw column (e.g. ``template``) whose equal values mark items that share a
  source of variation (a template, a StereoSet target); intervals resample these clusters and
  ``quality.csv`` reports their number and the design effect. ``""``: items are independent.
- ``language_key``: the raw column whose equal values are the same item in different languages
  (CrowS-Pairs: ``pair_id``, shared by the translations); ``""``: items do not pair across
  languages. A kind that sets it has ``pairing = "decision"``: ``cross_language.csv`` compares
  its ``paired_values`` decisions language by language on the shared ids (per ``estimator``
  raw column, else per probe), and ``preference_margin(raw)`` (per raw row, the signed strength
  of the preference; None: none) gives Kendall's tau between languages.
- ``profile_key``: the raw column whose values are the categories of the probe's profile (the
  split-half reliability in ``quality.csv``); ``""``: the ``group`` of ``paired_values``.
- ``sentence_columns``: the raw columns holding the whole sentences an item is scored on
  (CrowS-Pairs: ``sent_more``, ``sent_less``); ``competence.csv`` (:mod:`xlmaudit.competence`)
  scores their pseudo-log-likelihood per token. ``()``: the items are not whole sentences.
- ``competence_metric``: a summary metric that measures language modelling, not bias
  (StereoSet: ``lms``); ``competence.csv`` carries its headline value. ``""``: none.
- ``describe(probe)``: what ``meta.json`` records per probe beside ``kind`` (main metric,
  contrast groups and their terms); the runner writes it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from xlmaudit.errors import InputError
from xlmaudit.probes.metric_doc import MetricDoc

if TYPE_CHECKING:
    import pandas as pd

    from xlmaudit.requests import Request, Response, Scorer
    from xlmaudit.spec import ProbeSpec, Where

_KINDS: dict[str, ProbeKind] = {}
_loaded = False


@dataclass
class RunContext:
    """What a kind may know about the run (never the model: that is the scorer's job)."""

    data_dir: Path | None = None
    limit: int | None = None
    seed: int = 0
    data_checksums: dict[str, str] = field(default_factory=dict)
    strict_data: bool = False  # refuse a data file that is not the published one
    data_status: dict[str, dict] = field(default_factory=dict)  # name -> check_data_file record
    data_paths: dict[str, str] = field(default_factory=dict)  # name -> the file recorded
    data_read: list[str] = field(default_factory=list)  # names recorded since the runner reset it

    def record_data(self, name: str, source: Path | bytes) -> str:
        """Record the sha256 of a data file (or its bytes) for ``meta.json``; returns it. A file
        already recorded under ``name`` (every probe of a suite reads the same one) is hashed and
        checked once: one warning for a modified file, not one per probe."""
        import hashlib

        self.data_read.append(name)
        if not isinstance(source, bytes) and self.data_paths.get(name) == str(source):
            return self.data_checksums[name]
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        self.data_checksums[name] = digest
        if not isinstance(source, bytes):
            from xlmaudit.datasets.check import check_data_file

            self.data_status[name] = check_data_file(name, source, strict=self.strict_data)
            self.data_paths[name] = str(source)
        return digest


@dataclass(frozen=True)
class Asked:
    """What ``requests`` returns when ``raw_frame`` needs more than the items: per item, its
    requests and one note (any value) that the runner hands back to ``raw_frame``."""

    requests: list[list[Request]]
    notes: list[Any]

    def __post_init__(self) -> None:
        if len(self.requests) != len(self.notes):
            raise ValueError(f"{len(self.requests)} request lists but {len(self.notes)} notes")

    @classmethod
    def of(cls, returned: Asked | list[list[Request]]) -> Asked:
        """``returned`` as an Asked (a plain list of request lists gets ``None`` notes)."""
        if isinstance(returned, Asked):
            return returned
        lists = [list(r) for r in returned]
        return cls(lists, [None] * len(lists))


class FormatFields(dict):
    """Format fields that leave a name they do not know as ``{name}`` (filled in later)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class ProbeKind:
    """Base class of probe kinds; see the module docstring for the contract."""

    name: ClassVar[str] = ""
    uses_templates: ClassVar[bool] = True
    mask: ClassVar[str] = "one"
    options: ClassVar[Mapping[str, type | tuple[type, ...]]] = {}
    required: ClassVar[tuple[str, ...]] = ()
    choices: ClassVar[Mapping[str, tuple[str, ...]]] = {}  # option -> allowed values
    reserved_slots: ClassVar[tuple[str, ...]] = ()  # template slots filled by the kind itself
    needs_gradients: ClassVar[bool] = False  # True: `xlmaudit run` wraps the AttributionScorer
    main_metric: ClassVar[str] = ""  # the headline metric ("" = measures no bias)
    metric_docs: ClassVar[tuple[MetricDoc, ...]] = ()  # what each emitted metric means
    contrast: ClassVar[tuple[str, ...]] = ()  # fixed (a, b) groups; template kinds: the probe's
    pairing: ClassVar[str] = "none"  # "score" | "decision" | "none": items across two runs
    summary_columns: ClassVar[tuple[str, ...]] = ()  # extra summary.csv columns it may emit
    min_n: ClassVar[int] = 0  # fewest items (a row's ``n``) for a row to be a finding; 0: none
    limits_within_items: ClassVar[bool] = False  # True: build_items applies ctx.limit itself
    cluster_key: ClassVar[str] = ""  # raw column whose items share a source (template, target)
    profile_key: ClassVar[str] = ""  # raw column of the profile's categories ("": paired group)
    language_key: ClassVar[str] = ""  # raw column pairing items across languages ("": none)
    sentence_columns: ClassVar[tuple[str, ...]] = ()  # raw columns of whole sentences (competence)
    competence_metric: ClassVar[str] = ""  # a summary metric of language-model competence (LMS)

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        """What ``meta.json`` records for ``probe`` beside its kind (main metric, contrast)."""
        return {"main_metric": self.main_metric, "contrast": list(self.contrast)}

    def doc(self, metric: str, contrast: tuple[str, ...] = ()) -> MetricDoc | None:
        """The declared doc of ``metric`` with the contrast groups written in (None: undeclared);
        exact names win over patterns."""
        a, b = (tuple(contrast) or self.contrast or ("group A", "group B"))[:2]
        exact = [d for d in self.metric_docs if not d.pattern and d.name == metric]
        found = exact or [d for d in self.metric_docs if d.pattern and d.matches(metric)]
        return found[0].filled(metric, a, b) if found else None

    def contrast_words(self, metric: str, contrast: tuple[str, ...] = ()) -> str:
        """The direction of ``metric`` in words (``female - male``); "" when it has none."""
        doc = self.doc(metric, contrast)
        if doc is None or not doc.contrast:
            return ""
        if doc.contrast == "=":
            match = next(d for d in self.metric_docs if d.matches(metric)).matches(metric)
            inner = match.group(1) if match and match.groups() else ""
            return self.contrast_words(inner, contrast) if inner and inner != metric else ""
        a, b = (tuple(contrast) or self.contrast or ("group A", "group B"))[:2]
        return doc.contrast.format(a=a, b=b)

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """(metric, frame[item_id, value, group]) pairing this probe's items across runs, or
        None when the kind's items do not pair (``pairing = "none"``)."""
        return None

    def preference_margin(self, raw: pd.DataFrame) -> pd.Series | None:
        """Per raw row, the signed strength of the decision of ``paired_values`` (> 0: decided
        yes), or None when the kind has none (a kind with a ``language_key`` may declare it)."""
        return None

    def validate(self, probe: ProbeSpec) -> None:
        """Check the kind's options (types, required); subclasses extend with their own checks."""
        for key in self.required:
            if key not in probe.options:
                raise probe.at().error(f"probe {probe.id!r} (kind {self.name}) needs {key!r}")
        for key, value in probe.options.items():
            check_type(value, self.options[key], f"probe {probe.id!r}: {key}", probe.at(key))
        for key, allowed in self.choices.items():
            value = probe.options.get(key)
            if value is not None and value not in allowed:
                msg = f"{key} {value!r} not one of {', '.join(allowed)}"
                raise probe.at(key).error(msg)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[Any]:
        raise NotImplementedError

    def requests(
        self, probe: ProbeSpec, items: list[Any], scorer: Scorer
    ) -> Asked | list[list[Request]]:
        raise NotImplementedError

    def raw_frame(
        self, probe: ProbeSpec, items: list[Any], responses: list[list[Response]], notes: list[Any]
    ) -> pd.DataFrame:
        raise NotImplementedError

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        raise NotImplementedError


@dataclass(frozen=True)
class ProbeRecord:
    """A probe as ``meta.json`` records it: its kind (None if unknown), main metric, contrast."""

    kind: ProbeKind | None
    main_metric: str
    contrast: tuple[str, ...]

    def doc(self, metric: str) -> MetricDoc | None:
        return self.kind.doc(metric, self.contrast) if self.kind else None

    def contrast_words(self, metric: str) -> str:
        return self.kind.contrast_words(metric, self.contrast) if self.kind else ""


def probe_record(meta: Mapping[str, Any], suite: str, probe: str) -> ProbeRecord:
    """The recorded kind, main metric and contrast of ``suite``/``probe`` in a run's meta.json."""
    suites = meta.get("suites") if isinstance(meta, Mapping) else None
    entry = suites.get(suite, {}) if isinstance(suites, Mapping) else {}
    probes = entry.get("probes", {}) if isinstance(entry, Mapping) else {}
    rec = probes.get(probe, {}) if isinstance(probes, Mapping) else {}
    rec = rec if isinstance(rec, Mapping) else {}
    kind = load_kinds().get(str(rec.get("kind", "")))
    main = str(rec.get("main_metric") or (kind.main_metric if kind else ""))
    contrast = tuple(str(g) for g in rec.get("contrast") or (kind.contrast if kind else ()))
    return ProbeRecord(kind, main, contrast)


def check_type(value: Any, types: type | tuple[type, ...], what: str, where: Where) -> None:
    """Raise an error at ``where`` unless ``value`` has one of ``types`` (bool is not int)."""
    types = types if isinstance(types, tuple) else (types,)
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        names = "/".join(t.__name__ for t in types)
        raise where.error(f"{what} must be {names}, got {value!r}")


def register(cls: type[ProbeKind]) -> type[ProbeKind]:
    """Class decorator: register a kind under ``cls.name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    if cls.name in _KINDS and type(_KINDS[cls.name]) is not cls:
        raise ValueError(f"probe kind {cls.name!r} registered twice")
    _KINDS[cls.name] = cls()
    return cls


def load_kinds() -> dict[str, ProbeKind]:
    """Import every module of this package (once) and return the kinds by name, sorted by name
    (so what depends on their order, e.g. ``summary.csv``'s columns, does not depend on which
    kind module happened to be imported first)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for info in pkgutil.iter_modules(__path__, f"{__name__}."):
            importlib.import_module(info.name)
    return dict(sorted(_KINDS.items()))


def get_kind(name: str, *, where: Where | None = None) -> ProbeKind:
    """The registered kind called ``name``; an unknown name is an error at ``where``."""
    kinds = load_kinds()
    if name not in kinds:
        msg = f"unknown probe kind {name!r} (registered: {', '.join(sorted(kinds))})"
        raise where.error(msg) if where else InputError(msg)
    return kinds[name]
