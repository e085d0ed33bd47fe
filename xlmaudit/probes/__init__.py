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
        def requests(self, probe, items, scorer): ... # -> list[list[Request]], one list per item
        def raw_frame(self, probe, items, responses): ...  # responses: list[list[Response]]
        def summarize(self, probe, raw, *, seed): ... # -> summary rows (DataFrame)

and add the module's name to :data:`KIND_MODULES` (a module not written yet is skipped).

Contract:

- ``build_items(probe, ctx)`` gets a :class:`RunContext` (``data_dir``, ``limit``, ``seed``,
  ``record_data(name, path_or_bytes)`` to put a data file's checksum into ``meta.json``). Item ids
  must be stable and derived from content (they pair items across runs for ``xlmaudit compare``).
  The runner keeps the first ``ctx.limit`` items, so kinds need not truncate.
- ``requests`` returns, per item, the requests that item needs; identical requests anywhere in
  the run are scored once. ``raw_frame`` gets the responses in the same nested shape.
- ``raw_frame`` returns one row per item x candidate (or per item x estimator for benchmarks)
  with an ``item_id`` column; the runner adds ``suite`` and ``probe`` in front.
- ``summarize`` returns rows with columns ``group, metric, value, ci_low, ci_high, n`` and
  optionally ``p_value`` and extra columns; the runner adds ``suite`` and ``probe``.
  Use :mod:`xlmaudit.metrics.stats` for intervals and tests; derive randomness from ``seed``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from xlmaudit.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from xlmaudit.requests import Request, Response, Scorer
    from xlmaudit.spec import ProbeSpec, Where

# Modules that register kinds; one not written yet is skipped.
KIND_MODULES: tuple[str, ...] = (
    "xlmaudit.probes.preference",
    "xlmaudit.probes.counterfactual",
    "xlmaudit.probes.crows",
    "xlmaudit.probes.stereoset",
    "xlmaudit.probes.attribution",
    "xlmaudit.probes.honest",
    "xlmaudit.probes.winobias",
    "xlmaudit.probes.seat",
    "xlmaudit.probes.holistic_bias",
)

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

    def record_data(self, name: str, source: Path | bytes) -> str:
        """Record the sha256 of a data file (or its bytes) for ``meta.json``; returns it."""
        import hashlib

        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        self.data_checksums[name] = digest
        if not isinstance(source, bytes):
            from xlmaudit.datasets.check import check_data_file

            self.data_status[name] = check_data_file(name, source, strict=self.strict_data)
        return digest


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

    def requests(self, probe: ProbeSpec, items: list[Any], scorer: Scorer) -> list[list[Request]]:
        raise NotImplementedError

    def raw_frame(
        self, probe: ProbeSpec, items: list[Any], responses: list[list[Response]]
    ) -> pd.DataFrame:
        raise NotImplementedError

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        raise NotImplementedError


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
    """Import every module in :data:`KIND_MODULES` (once) and return the registry."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in KIND_MODULES:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name != module:
                    raise
    return _KINDS


def get_kind(name: str, *, where: Where | None = None) -> ProbeKind:
    """The registered kind called ``name``; an unknown name is an error at ``where``."""
    kinds = load_kinds()
    if name not in kinds:
        msg = f"unknown probe kind {name!r} (registered: {', '.join(sorted(kinds))})"
        raise where.error(msg) if where else InputError(msg)
    return kinds[name]
