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

``RunInfo`` is also a read-only mapping over the migrated ``meta.json`` object (for older
callers); the report, card and compare read its typed fields, and a provenance table that lists
every key reads ``run.meta.raw`` explicitly (``tests/test_runinfo_typed_reads.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
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


def _strings(value: Any) -> tuple[str, ...]:
    """A list (or a mapping's keys) as strings; anything else as ()."""
    return tuple(str(v) for v in value) if isinstance(value, Mapping | list | tuple) else ()


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _data(record: Any) -> dict[str, Any]:
    """A data file's record; a bare checksum (hand-written runs) as ``{"sha256": ...}``."""
    return _dict(record) if isinstance(record, Mapping) else {"sha256": str(record)}


def _limit(value: Any) -> int | None:
    """``--limit`` as recorded (an int, or text of one); None for a full run."""
    try:
        return int(value) if value not in (None, "", "None") else None
    except (TypeError, ValueError):
        return None


def _skipped_text(item: Any) -> str:
    if isinstance(item, Mapping):
        lang = item.get("language") or item.get("lang") or ""
        rest = ", ".join(f"{k} {v}" for k, v in item.items() if k not in ("language", "lang"))
        return f"{lang} ({rest})" if lang and rest else str(lang or rest)
    return str(item)


def _skipped(value: Any) -> tuple[str, ...]:
    """``skipped_languages`` (codes, code -> reason, or records) as ``fr (reason)`` texts."""
    if isinstance(value, Mapping):
        return tuple(f"{k} ({_skipped_text(v)})" if v else str(k) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_skipped_text(s) for s in value)
    return (str(value),) if value else ()


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
    newly_initialized: tuple[str, ...] = ()  # weights the loader had to initialise
    newly_initialized_count: int | None = None

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
            languages=_strings(obj.get("languages") or obj.get("lang2id")),
            multilingual=obj.get("multilingual"),
            newly_initialized=_strings(obj.get("newly_initialized")),
            newly_initialized_count=_int_or_none(obj.get("newly_initialized_count")),
        )


@dataclass(frozen=True)
class ProbeInfo:
    """A probe as the run recorded it: its kind's name ("" when not recorded), language."""

    name: str
    kind: str = ""
    language: str | None = None
    main_metric: str = ""
    contrast: tuple[str, ...] = ()
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group -> its terms
    data: tuple[str, ...] = ()  # the data files it read (``data``, or an old ``dataset``)

    @classmethod
    def from_json(cls, name: str, obj: Any, language: Any = None) -> ProbeInfo:
        rec = _dict(obj)
        groups = {str(g): _strings(t) for g, t in _dict(rec.get("groups")).items()}
        data = rec.get("data") or ([rec["dataset"]] if rec.get("dataset") else [])
        return cls(
            name=name,
            kind=str(rec.get("kind") or ""),
            language=_language(rec.get("language")) or _language(language),
            main_metric=str(rec.get("main_metric") or ""),
            contrast=tuple(str(g) for g in rec.get("contrast") or ()),
            groups=MappingProxyType(groups),
            data=tuple(str(n) for n in data),
        )


def _language(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class SuiteInfo:
    """A suite of the run: version, file hash, languages run and skipped, probes by name."""

    name: str
    version: str = ""
    sha256: str = ""
    languages: tuple[str, ...] = ()
    skipped_languages: tuple[str, ...] = ()
    probes: Mapping[str, ProbeInfo] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()  # skipped languages as text, with their reasons: "ro (...)"
    card: Mapping[str, Any] = field(default_factory=dict)  # the suite's card, as recorded
    family: str = ""  # suites measuring one thing in several languages share a family
    data: Mapping[str, Any] = field(default_factory=dict)  # data file -> checksum (or record)
    version_text: str = ""  # "version / hash / sha256" as recorded, "" when not recorded
    language: str | None = None  # the suite's own language (its probes' when they record none)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of the suite's probes, in order, without repeats."""
        return tuple(dict.fromkeys(p.kind for p in self.probes.values() if p.kind))

    @classmethod
    def from_json(cls, name: str, obj: Any) -> SuiteInfo:
        entry = _dict(obj) if isinstance(obj, Mapping) else {"version": str(obj)}
        probes = {
            str(p): ProbeInfo.from_json(str(p), r, entry.get("language"))
            for p, r in _dict(entry.get("probes")).items()
        }
        versions = [str(entry[k]) for k in ("version", "hash", "sha256") if entry.get(k)]
        return cls(
            name=name,
            version=str(entry.get("version") or ""),
            sha256=str(entry.get("sha256") or entry.get("hash") or ""),
            languages=tuple(str(g) for g in entry.get("languages") or ()),
            skipped_languages=tuple(str(g) for g in entry.get("skipped_languages") or ()),
            probes=MappingProxyType(probes),
            skipped=_skipped(entry.get("skipped_languages")),
            card=MappingProxyType(_dict(entry.get("card"))),
            family=str(entry.get("family") or ""),
            data=MappingProxyType(_dict(entry.get("data"))),
            version_text=" / ".join(versions),
            language=_language(entry.get("language")),
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
    synthetic: bool = False  # made with a fake scorer for tests: every number is made up
    random_weights: bool = False  # a top-level flag of hand-written run directories
    cross_language: Mapping[str, Any] = field(default_factory=dict)  # its meta.json record

    @classmethod
    def of(cls, meta: RunInfo | Mapping[str, Any] | None) -> RunInfo:
        """``meta`` itself, or a ``meta.json`` object (None: an empty one) typed."""
        return meta if isinstance(meta, RunInfo) else cls.from_json(meta or {})

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> RunInfo:
        """Migrate (:func:`migrate_meta`) and type a ``meta.json`` object."""
        meta = migrate_meta(obj)
        return cls(
            model=_model_info(meta),
            dtype=str(meta.get("dtype") or ""),
            device=str(meta.get("device") or ""),
            suites=MappingProxyType(_suites(meta)),
            data=MappingProxyType({str(n): _data(r) for n, r in _dict(meta.get("data")).items()}),
            settings=Settings(
                seed=int(meta.get("seed") or 0),
                limit=_limit(meta.get("limit")),
                batch_tokens=meta.get("batch_tokens"),
                cache_dir=str(meta.get("cache_dir") or ""),
            ),
            command=str(meta.get("command") or ""),
            versions=MappingProxyType(
                {str(k): str(v) for k, v in _dict(meta.get("versions")).items()}
            ),
            raw=MappingProxyType(meta),
            synthetic=bool(meta.get("synthetic")),
            random_weights=bool(meta.get("random_weights")),
            cross_language=MappingProxyType(_dict(meta.get("cross_language"))),
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


def _model_info(meta: Mapping[str, Any]) -> ModelInfo:
    """The model record (a hand-written run's top-level ``model_name`` as its name)."""
    model = _dict(meta.get("model"))
    name = model.get("name") or model.get("id") or meta.get("model_name")
    return ModelInfo.from_json({**model, "name": name})


def _suites(meta: Mapping[str, Any]) -> dict[str, SuiteInfo]:
    """The suites by name (a list of named records too), with ``suite_hashes`` in each version."""
    listed = meta.get("suites")
    if isinstance(listed, list):
        listed = {e["name"]: e for e in listed if isinstance(e, Mapping) and e.get("name")}
    hashes = _dict(meta.get("suite_hashes"))
    out = {}
    for name, entry in _dict(listed).items():
        info = SuiteInfo.from_json(str(name), entry)
        if hashes.get(name):
            text = " / ".join(filter(None, (info.version_text, str(hashes[name]))))
            info = replace(info, version_text=text)
        out[str(name)] = info
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value
