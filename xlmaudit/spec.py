"""Strict loading of probe suites (``probes/*.yaml``): data only, every error names file and line.

A suite file::

    name: occupations            # required
    version: "1.0"               # required
    card:                        # required: summary, measures, limits, references, calibration
      summary: one line shown by `xlmaudit list`
      ...
    lexicons:                    # optional: name -> file (relative to the suite) | list | mapping
      occupation: lexicons/occupations.yaml
    probes:                      # required, a list
      - id: pronoun
        kind: target_preference  # a registered kind (xlmaudit.probes)
        templates:               # kinds with templates: list of text or {id, text}
          - "the {occupation} said that [MASK] was tired."
        groups: {female: [she], male: [he]}
        ...                      # further keys: options declared by the kind

Common probe keys are ``id``, ``kind``, ``description``, ``templates``, ``slots`` (slot -> lexicon
name, when a slot is not named after its lexicon) and ``groups``; every other key must be an option
declared by the kind (:class:`xlmaudit.probes.ProbeKind.options`). A lexicon file holds ``name``,
``source`` (citation), optional ``note``, ``attributes`` (declared per-entry attributes) and
``entries`` (plain terms or mappings with ``term`` and declared attributes).

Template slots are written ``{slot}``; ``{a:slot}`` inserts the filler with its indefinite article
(``a nurse``, ``an engineer``). YAML tags (``!function`` and friends) are rejected: no code in YAML.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from xlmaudit.errors import InputError
from xlmaudit.requests import MASK

SLOT_RE = re.compile(r"\{(?:(a):)?([A-Za-z_][A-Za-z0-9_]*)\}")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SUITE_KEYS = {"name", "version", "card", "lexicons", "probes"}
CARD_KEYS = {"summary", "measures", "limits", "references", "calibration", "notes"}
CARD_REQUIRED = ("summary", "measures", "limits", "references", "calibration")
PROBE_COMMON = {"id", "kind", "description", "templates", "slots", "groups"}
LEXICON_KEYS = {"name", "description", "source", "note", "attributes", "entries"}


# --------------------------------------------------------------------------- YAML with lines


class LineDict(dict):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A YAML sequence that remembers its line and the line of each element."""

    line: int = 0
    item_lines: list[int]


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that records line numbers and rejects duplicate keys and custom tags."""


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode) -> LineDict:
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise InputError(f"{loader.name}:{line}: keys must be strings, got {key!r}")
        if key in out:
            raise InputError(
                f"{loader.name}:{line}: duplicate key {key!r} (first at line {out.key_lines[key]})"
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


def _construct_sequence(loader: StrictLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


def _reject_tag(loader: StrictLoader, suffix: str, node: yaml.Node) -> Any:
    raise InputError(
        f"{loader.name}:{node.start_mark.line + 1}: YAML tag {node.tag!r} is not allowed "
        "(suite files are data only, no code)"
    )


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
StrictLoader.add_multi_constructor("!", _reject_tag)
StrictLoader.add_multi_constructor("tag:yaml.org,2002:python/", _reject_tag)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file with :class:`StrictLoader`; syntax errors name file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not a UTF-8 text file (byte {exc.start}: {exc.reason}); "
            "suite and lexicon files are YAML text"
        ) from exc
    loader = StrictLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise InputError(f"{path}:{line}: YAML syntax error: {exc.problem}") from exc
    finally:
        loader.dispose()


# --------------------------------------------------------------------------- spec types


@dataclass(frozen=True)
class Where:
    """A place in a suite file, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def error(self, message: str) -> InputError:
        return InputError(f"{self}: {message}")


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Lexicon:
    name: str
    entries: tuple[LexiconEntry, ...]
    attributes: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    file: str = ""  # the lexicon file ("" when inline)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(e.term for e in self.entries)


@dataclass(frozen=True)
class Template:
    id: str
    text: str
    slots: tuple[str, ...]  # slot names in order of first appearance
    where: Where


@dataclass(frozen=True)
class CandidateGroup:
    name: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class ProbeSpec:
    """One probe of a suite. ``options`` holds the kind-specific keys, validated by the kind."""

    id: str
    kind: str
    description: str
    templates: tuple[Template, ...]
    slots: Mapping[str, str]  # slot name -> lexicon name, for every slot used by a template
    groups: tuple[CandidateGroup, ...]
    options: Mapping[str, Any]
    lexicons: Mapping[str, Lexicon]  # the suite's lexicons (shared, read only)
    where: Where
    key_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    suite: str = ""

    def at(self, key: str | None = None) -> Where:
        """Where the probe (or one of its keys) is written."""
        return Where(self.where.file, self.key_lines.get(key, self.where.line))

    def lexicon(self, slot: str) -> Lexicon:
        return self.lexicons[self.slots[slot]]

    def group(self, name: str) -> CandidateGroup:
        for g in self.groups:
            if g.name == name:
                return g
        raise self.at("groups").error(f"probe {self.id!r}: no candidate group {name!r}")


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    version: str
    card: Mapping[str, Any]
    probes: tuple[ProbeSpec, ...]
    lexicons: Mapping[str, Lexicon]
    path: str
    sha256: str  # hash of the suite file and every lexicon file it reads

    @property
    def summary(self) -> str:
        return str(self.card.get("summary", ""))


# --------------------------------------------------------------------------- checks


def _where(path: Path, node: Any, key: str | None = None) -> Where:
    if key is not None and isinstance(node, LineDict) and key in node.key_lines:
        return Where(str(path), node.key_lines[key])
    return Where(str(path), getattr(node, "line", 0))


def _expect(value: Any, types: type | tuple[type, ...], what: str, where: Where) -> Any:
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise where.error(f"{what} must be {_type_name(types)}, got {value!r}")
    if not isinstance(value, types):
        raise where.error(f"{what} must be {_type_name(types)}, got {type(value).__name__}")
    return value


def _type_name(types: type | tuple[type, ...]) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", int: "an integer"}
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def _check_keys(
    node: LineDict,
    allowed: set[str],
    what: str,
    path: Path,
    required: tuple[str, ...] = (),
    where: Where | None = None,
) -> None:
    for key in node:
        if key not in allowed:
            raise _where(path, node, key).error(
                f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})"
            )
    for key in required:
        if key not in node:
            raise (where or _where(path, node)).error(f"{what} is missing required key {key!r}")


# --------------------------------------------------------------------------- lexicons


def _entry(raw: Any, attrs: tuple[str, ...], where: Where, lex: str) -> LexiconEntry:
    if isinstance(raw, str):
        term, values = raw, {}
    elif isinstance(raw, dict):
        unknown = set(raw) - {"term", *attrs}
        if unknown:
            raise where.error(
                f"lexicon {lex!r}: unknown key {sorted(unknown)[0]!r} in entry "
                f"(declare it under 'attributes')"
            )
        if "term" not in raw:
            raise where.error(f"lexicon {lex!r}: entry without 'term'")
        term, values = raw["term"], {k: v for k, v in raw.items() if k != "term"}
    else:
        raise where.error(f"lexicon {lex!r}: entry must be a string or a mapping, got {raw!r}")
    if not isinstance(term, str) or not term.strip():
        raise where.error(f"lexicon {lex!r}: term must be a non-empty string, got {term!r}")
    return LexiconEntry(term.strip(), MappingProxyType(dict(values)))


def _lexicon_from_node(name: str, node: Any, path: Path, where: Where, file: str) -> Lexicon:
    attrs: tuple[str, ...] = ()
    meta: dict[str, str] = {}
    if isinstance(node, dict):
        _check_keys(node, LEXICON_KEYS, f"lexicon {name!r}", path, required=("entries",))
        raw_attrs = node.get("attributes", [])
        _expect(raw_attrs, list, "attributes", _where(path, node, "attributes"))
        attrs = tuple(str(a) for a in raw_attrs)
        for key in ("source", "note", "description"):
            meta[key] = str(node.get(key, "")).strip()
        where = _where(path, node, "entries")
        node = node["entries"]
    _expect(node, list, f"lexicon {name!r}", where)
    if not node:
        raise where.error(f"lexicon {name!r} is empty")
    lines = getattr(node, "item_lines", [where.line] * len(node))
    entries = tuple(
        _entry(raw, attrs, Where(str(path), line), name)
        for raw, line in zip(node, lines, strict=True)
    )
    seen: dict[str, int] = {}
    for entry, line in zip(entries, lines, strict=True):
        if entry.term in seen:
            raise Where(str(path), line).error(
                f"lexicon {name!r}: duplicate term {entry.term!r} "
                f"(first at line {seen[entry.term]})"
            )
        seen[entry.term] = line
    source, note = meta.get("source", ""), meta.get("note", "")
    return Lexicon(name, entries, attrs, source, note, file)


def _load_lexicons(node: Any, path: Path, files: list[Path]) -> dict[str, Lexicon]:
    if node is None:
        return {}
    _expect(node, dict, "lexicons", _where(path, node))
    out: dict[str, Lexicon] = {}
    for name, value in node.items():
        where = _where(path, node, name)
        if isinstance(value, str):
            lex_path = (path.parent / value).resolve()
            if not lex_path.is_file():
                raise where.error(f"lexicon {name!r}: file {value!r} not found ({lex_path})")
            files.append(lex_path)
            data = load_yaml(lex_path)
            out[name] = _lexicon_from_node(name, data, lex_path, _where(lex_path, data), value)
        else:
            out[name] = _lexicon_from_node(name, value, path, where, "")
    return out


# --------------------------------------------------------------------------- probes


def _templates(node: Any, path: Path, pid: str, where: Where) -> tuple[Template, ...]:
    _expect(node, list, f"probe {pid!r}: templates", where)
    if not node:
        raise where.error(f"probe {pid!r}: templates is empty")
    out, seen = [], {}
    for i, (raw, line) in enumerate(zip(node, node.item_lines, strict=True)):
        at = Where(str(path), line)
        if isinstance(raw, dict):
            _check_keys(raw, {"id", "text"}, f"template of probe {pid!r}", path, ("text",))
            tid, text = str(raw.get("id", f"t{i + 1}")), raw["text"]
        else:
            tid, text = f"t{i + 1}", raw
        _expect(text, str, f"probe {pid!r}: template", at)
        if tid in seen:
            raise at.error(f"probe {pid!r}: duplicate template id {tid!r} (line {seen[tid]})")
        seen[tid] = line
        slots = tuple(dict.fromkeys(m.group(2) for m in SLOT_RE.finditer(text)))
        leftover = SLOT_RE.sub("", text)
        if "{" in leftover or "}" in leftover:
            raise at.error(f"probe {pid!r}: malformed slot in template {text!r}")
        out.append(Template(tid, text, slots, at))
    return tuple(out)


def _groups(
    node: Any, path: Path, pid: str, lexicons: Mapping[str, Lexicon], where: Where
) -> tuple:
    _expect(node, dict, f"probe {pid!r}: groups", where)
    if not node:
        raise where.error(f"probe {pid!r}: groups is empty")
    out = []
    for name, terms in node.items():
        at = _where(path, node, name)
        if isinstance(terms, dict):
            terms = _group_from_lexicon(terms, at, pid, str(name), lexicons)
        _expect(terms, list, f"probe {pid!r}: group {name!r}", at)
        if not terms:
            raise at.error(f"probe {pid!r}: candidate group {name!r} is empty")
        for term in terms:
            if not isinstance(term, str) or not term.strip():
                raise at.error(f"probe {pid!r}: group {name!r} has a bad term {term!r}")
        out.append(CandidateGroup(str(name), tuple(t.strip() for t in terms)))
    return tuple(out)


def _group_from_lexicon(
    node: dict, at: Where, pid: str, name: str, lexicons: Mapping[str, Lexicon]
) -> list[str]:
    """``{lexicon: NAME}`` or ``{lexicon: NAME, ATTRIBUTE: VALUE}``: the (matching) terms."""
    lex = node.get("lexicon")
    if lex is None:
        raise at.error(f"probe {pid!r}: group {name!r} must be a list or {{lexicon: NAME}}")
    if lex not in lexicons:
        raise at.error(f"probe {pid!r}: group {name!r} names undefined lexicon {lex!r}")
    filters = {k: v for k, v in node.items() if k != "lexicon"}
    for key in filters:
        if key not in lexicons[lex].attributes:
            raise at.error(
                f"probe {pid!r}: group {name!r}: lexicon {lex!r} has no attribute {key!r}"
            )
    return [
        e.term
        for e in lexicons[lex].entries
        if all(e.attrs.get(k) == v for k, v in filters.items())
    ]


def _probe(node: Any, path: Path, lexicons: Mapping[str, Lexicon], suite: str) -> ProbeSpec:
    from xlmaudit.probes import get_kind  # late import: kinds import this module

    where = _where(path, node)
    _expect(node, dict, "probe", where)
    for key in ("id", "kind"):
        if key not in node:
            raise where.error(f"probe is missing required key {key!r}")
    pid = _expect(node["id"], str, "probe id", _where(path, node, "id"))
    if not ID_RE.match(pid):
        raise _where(path, node, "id").error(f"probe id {pid!r}: use letters, digits, _ . -")
    kind = get_kind(str(node["kind"]), where=_where(path, node, "kind"))
    allowed = PROBE_COMMON | set(kind.options)
    if not kind.uses_templates:
        allowed -= {"templates", "slots"}
    _check_keys(node, allowed, f"probe {pid!r} (kind {kind.name})", path)
    if kind.uses_templates and "templates" not in node:
        raise where.error(f"probe {pid!r} is missing required key 'templates'")
    at = {key: _where(path, node, key) for key in node}
    templates = (
        _templates(node["templates"], path, pid, at["templates"]) if "templates" in node else ()
    )
    slot_map = node.get("slots") or {}
    _expect(slot_map, dict, f"probe {pid!r}: slots", at.get("slots", where))
    groups = _groups(node["groups"], path, pid, lexicons, at["groups"]) if "groups" in node else ()
    options = {k: v for k, v in node.items() if k in kind.options}
    spec = ProbeSpec(
        id=pid,
        kind=kind.name,
        description=str(node.get("description", "")),
        templates=templates,
        slots=MappingProxyType(
            _resolve_slots(templates, slot_map, lexicons, kind, pid, at.get("slots", where))
        ),
        groups=groups,
        options=MappingProxyType(options),
        lexicons=MappingProxyType(dict(lexicons)),
        where=where,
        key_lines=MappingProxyType(dict(node.key_lines)),
        suite=suite,
    )
    _check_masks(spec, kind.mask)
    kind.validate(spec)
    return spec


def _resolve_slots(templates, slot_map, lexicons, kind, pid: str, where: Where) -> dict[str, str]:
    reserved = set(kind.reserved_slots)
    out: dict[str, str] = {}
    for tpl in templates:
        for slot in tpl.slots:
            if slot in reserved:
                continue
            lex = slot_map.get(slot, slot)
            if lex not in lexicons:
                raise tpl.where.error(
                    f"probe {pid!r}: template {tpl.id!r} uses slot {{{slot}}} but no lexicon "
                    f"{lex!r} is defined"
                )
            out[slot] = lex
    for slot in slot_map:
        if slot not in out:
            raise where.error(f"probe {pid!r}: slot {slot!r} is mapped but no template uses it")
    return out


def _check_masks(spec: ProbeSpec, mask: str) -> None:
    for tpl in spec.templates:
        count = tpl.text.count(MASK)
        if mask == "one" and count != 1:
            raise tpl.where.error(
                f"probe {spec.id!r}: template {tpl.id!r} must contain exactly one {MASK} "
                f"(found {count}): {tpl.text!r}"
            )
        if mask == "none" and count:
            raise tpl.where.error(
                f"probe {spec.id!r}: template {tpl.id!r} must not contain {MASK} "
                f"(kind {spec.kind} scores whole sentences): {tpl.text!r}"
            )


# --------------------------------------------------------------------------- suites


def load_suite(path: str | Path) -> SuiteSpec:
    """Load and validate one suite file. Raises :class:`InputError` naming file and line."""
    path = Path(path).resolve()
    data = load_yaml(path)
    _expect(data, dict, "a suite file", Where(str(path), 1))
    _check_keys(data, SUITE_KEYS, "suite", path, required=("name", "version", "card", "probes"))
    name = _expect(data["name"], str, "name", _where(path, data, "name"))
    version = data["version"]
    if not isinstance(version, str):
        at = _where(path, data, "version")
        line = path.read_text(encoding="utf-8").splitlines()[at.line - 1]
        written = line.split(":", 1)[1].split(" #")[0].strip()
        raise at.error(
            f'version must be a string: quote it (version: "{written}"); unquoted, YAML reads '
            f"{written} as the {type(version).__name__} {version!r}"
        )
    card = _expect(data["card"], dict, "card", _where(path, data, "card"))
    _check_keys(card, CARD_KEYS, "card", path, CARD_REQUIRED, _where(path, data, "card"))
    files: list[Path] = [path]
    lexicons = _load_lexicons(data.get("lexicons"), path, files)
    probes_node = _expect(data["probes"], list, "probes", _where(path, data, "probes"))
    if not probes_node:
        raise _where(path, data, "probes").error("probes is empty")
    probes = tuple(_probe(p, path, lexicons, name) for p in probes_node)
    seen: dict[str, int] = {}
    for probe in probes:
        if probe.id in seen:
            raise probe.where.error(f"duplicate probe id {probe.id!r} (line {seen[probe.id]})")
        seen[probe.id] = probe.where.line
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return SuiteSpec(
        name,
        str(version),
        MappingProxyType(dict(card)),
        probes,
        MappingProxyType(lexicons),
        str(path),
        digest.hexdigest(),
    )


def probes_dir() -> Path:
    """The shipped suites: ``xlmaudit/_probes`` in an installed wheel (setup.py copies the
    repository's ``probes/`` there), else the checkout's top-level ``probes/`` folder."""
    import xlmaudit

    package = Path(xlmaudit.__file__).resolve().parent
    wheel = package / "_probes"
    return wheel if wheel.is_dir() else package.parent / "probes"


def resolve_suite(name_or_path: str) -> Path:
    """A suite name (``occupations``) or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"} or candidate.exists():
        if not candidate.is_file():
            raise InputError(f"suite file {name_or_path!r} not found")
        return candidate
    shipped = probes_dir() / f"{name_or_path}.yaml"
    if shipped.is_file():
        return shipped
    names = ", ".join(p.stem for p in sorted(probes_dir().glob("*.yaml")))
    raise InputError(f"unknown suite {name_or_path!r} (shipped suites: {names or 'none'})")


def shipped_suites() -> list[Path]:
    return sorted(probes_dir().glob("*.yaml"))
