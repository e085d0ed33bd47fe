"""A run's ``meta.json`` read back as a typed, frozen :class:`RunInfo`, and the one place where
the ``meta.json`` of older versions is migrated to today's shape (:func:`migrate_meta`).

Formats read (each has a test in ``tests/test_api_load_run.py``):

- today's: ``model.planted`` true for both planted models, every probe with its ``kind``;
- before issue 22 (``tests/fixtures_runs/v0``): ``model.planted`` false for
  ``planted-bilingual`` (the report guessed it from the path); migrated from the model's name
  and the path of the shipped planted model folders;
- older: ``data_checksums`` as ``{name: sha256}`` instead of ``data`` (migrated by
  :meth:`xlmaudit.rundir.RunMeta.from_json`); no ``lang`` column in ``summary.csv`` (filled by
  the report's loader from the languages recorded here, else English); probes without a ``kind``
  (their main metric is then read from the summary's metrics, see ``xlmaudit.report.frames``).

``RunInfo`` is also a read-only mapping over the migrated ``meta.json`` object, so a provenance
table can list every key (``run.meta.raw``, or ``run.meta["model"]``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from xlmaudit.probes import ProbeRecord, probe_record
from xlmaudit.rundir import RunMeta

FORMAT = 2  # meta.json "format": 2 = issue 22 (planted recorded for every planted model)
PLANTED_MODELS = ("planted", "planted-bilingual")  # names `load_model` resolves to shipped models
PLANTED_PATHS = ("xlmaudit/planted/model", "xlmaudit/planted/model-bilingual")


def _is_planted_record(model: Mapping[str, Any]) -> bool:
    """An old ``model`` record of a shipped planted model: its name, or its folder."""
    path = str(model.get("path", "")).replace("\\", "/").rstrip("/")
    return str(model.get("name", "")) in PLANTED_MODELS or path.endswith(PLANTED_PATHS)


def migrate_meta(obj: Mapping[str, Any]) -> dict[str, Any]:
    """Today's ``meta.json`` object from one written by this or an earlier version."""
    out = RunMeta.from_json(obj).to_json()  # data_checksums -> data
    model = out.get("model")
    if isinstance(model, str):
        model = {"name": model}
    if isinstance(model, Mapping):
        model = dict(model)
        if not model.get("planted") and not model.get("random_weights"):
            model["planted"] = _is_planted_record(model)
        out["model"] = model
    out.setdefault("format", FORMAT)
    return out


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


@dataclass(frozen=True)
class ModelInfo:
    """The audited model: what was asked for, where it was read from, what it is."""

    name: str
    path: str = ""
    fingerprint: str = ""
    revision: str | None = None
    planted: bool = False  # one of the shipped planted-bias models: its truth is known
    random_weights: bool = False
    languages: tuple[str, ...] = ()  # the checkpoint's languages ((): it lists none)
    multilingual: bool | None = None

    @property
    def kind(self) -> str:
        """``random`` (random weights win), ``planted`` or ``pretrained``."""
        if self.random_weights:
            return "random"
        return "planted" if self.planted else "pretrained"

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> ModelInfo:
        return cls(
            name=str(obj.get("name") or obj.get("id") or "unknown model"),
            path=str(obj.get("path") or ""),
            fingerprint=str(obj.get("fingerprint") or ""),
            revision=obj.get("revision"),
            planted=bool(obj.get("planted")),
            random_weights=bool(obj.get("random_weights")),
            languages=tuple(str(g) for g in obj.get("languages") or ()),
            multilingual=obj.get("multilingual"),
        )


@dataclass(frozen=True)
class ProbeInfo:
    """A probe as the run recorded it: its kind's name ("" when not recorded), language."""

    name: str
    kind: str = ""
    language: str | None = None
    main_metric: str = ""
    contrast: tuple[str, ...] = ()


@dataclass(frozen=True)
class SuiteInfo:
    """A suite of the run: version, file hash, languages run and skipped, probes by name."""

    name: str
    version: str = ""
    sha256: str = ""
    languages: tuple[str, ...] = ()
    skipped_languages: tuple[str, ...] = ()
    probes: Mapping[str, ProbeInfo] = field(default_factory=dict)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of the suite's probes, in order, without repeats."""
        return tuple(dict.fromkeys(p.kind for p in self.probes.values() if p.kind))

    @classmethod
    def from_json(cls, name: str, obj: Any) -> SuiteInfo:
        entry = _dict(obj) if isinstance(obj, Mapping) else {"version": str(obj)}
        probes = {
            str(p): ProbeInfo(
                name=str(p),
                kind=str(_dict(r).get("kind") or ""),
                language=_dict(r).get("language") or entry.get("language"),
                main_metric=str(_dict(r).get("main_metric") or ""),
                contrast=tuple(str(g) for g in _dict(r).get("contrast") or ()),
            )
            for p, r in _dict(entry.get("probes")).items()
        }
        return cls(
            name=name,
            version=str(entry.get("version") or ""),
            sha256=str(entry.get("sha256") or entry.get("hash") or ""),
            languages=tuple(str(g) for g in entry.get("languages") or ()),
            skipped_languages=tuple(str(g) for g in entry.get("skipped_languages") or ()),
            probes=MappingProxyType(probes),
        )


@dataclass(frozen=True)
class Settings:
    """How the run was made: seed, item limit, token budget, cache folder."""

    seed: int = 0
    limit: int | None = None
    batch_tokens: int | None = None
    cache_dir: str = ""


@dataclass(frozen=True, eq=False)
class RunInfo(Mapping[str, Any]):
    """A run's ``meta.json``, typed (and, as a mapping, the migrated JSON object itself)."""

    model: ModelInfo
    dtype: str
    device: str
    suites: Mapping[str, SuiteInfo]
    data: Mapping[str, Mapping[str, Any]]  # data file -> {"sha256": ..., check status}
    settings: Settings
    command: str
    versions: Mapping[str, str]
    raw: Mapping[str, Any]  # the migrated meta.json object (provenance tables)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> RunInfo:
        """Migrate (:func:`migrate_meta`) and type a ``meta.json`` object."""
        meta = migrate_meta(obj)
        return cls(
            model=ModelInfo.from_json(_dict(meta.get("model"))),
            dtype=str(meta.get("dtype") or ""),
            device=str(meta.get("device") or ""),
            suites=MappingProxyType(
                {
                    str(n): SuiteInfo.from_json(str(n), e)
                    for n, e in _dict(meta.get("suites")).items()
                }
            ),
            data=MappingProxyType({str(n): _dict(r) for n, r in _dict(meta.get("data")).items()}),
            settings=Settings(
                seed=int(meta.get("seed") or 0),
                limit=meta.get("limit"),
                batch_tokens=meta.get("batch_tokens"),
                cache_dir=str(meta.get("cache_dir") or ""),
            ),
            command=str(meta.get("command") or ""),
            versions=MappingProxyType(
                {str(k): str(v) for k, v in _dict(meta.get("versions")).items()}
            ),
            raw=MappingProxyType(meta),
        )

    @property
    def fingerprint(self) -> str:
        return self.model.fingerprint

    @property
    def planted_truth(self) -> bool:
        """The model is a planted-bias model, whose planted truth the report compares with."""
        return self.model.kind == "planted"

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the run's probes were in, in suite order."""
        langs = (p.language for s in self.suites.values() for p in s.probes.values())
        return tuple(dict.fromkeys(g for g in langs if g))

    @property
    def partial(self) -> bool:
        """The run scored only the first ``limit`` items of each probe."""
        return self.settings.limit is not None

    def probe(self, suite: str, probe: str) -> ProbeRecord:
        """The recorded kind, main metric and contrast of ``suite``/``probe``."""
        return probe_record(self.raw, suite, probe)

    def to_json(self) -> dict[str, Any]:
        """The migrated ``meta.json`` object, as plain dicts."""
        return _plain(self.raw)

    # Mapping over the migrated JSON object
    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value
