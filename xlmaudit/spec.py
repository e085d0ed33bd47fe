"""Strict loading of probe suites (``probes/*.yaml``): data only, every error names file and line.

A suite file::

    name: occupations            # required
    version: "1.0"               # required
    language: en                 # optional (default en): the language of the suite's text
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
        language: en             # optional: overrides the suite's language for this probe
        ...                      # further keys: options declared by the kind

Common probe keys are ``id``, ``kind``, ``description``, ``templates``, ``slots`` (slot -> lexicon
name, when a slot is not named after its lexicon), ``groups`` and ``language`` (an ISO 639-1
code: the runner encodes the probe's text for it and records it in every row); every other key
is parsed into ``options`` (with its line) without knowing the kind. :func:`parse_suite` stops
there; the check against the kind (declared options, masks, the kind's own checks) is
:mod:`xlmaudit.probes.check`, and :func:`xlmaudit.suites.load_suite` does both. Lexicons:
:mod:`xlmaudit.lexicons`; the YAML reader: :mod:`xlmaudit.yamlread`.

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

from xlmaudit.errors import InputError
from xlmaudit.lexicons import Lexicon, LexiconEntry, load_lexicons
from xlmaudit.yamlread import Where, check_keys, expect, load_yaml, where_of

__all__ = [
    "SLOT_RE", "CandidateGroup", "Lexicon", "LexiconEntry", "ProbeSpec", "SuiteSpec", "Template",
    "Where", "parse_suite", "probes_dir", "resolve_suite", "shipped_suites",
]  # fmt: skip

SLOT_RE = re.compile(r"\{(?:(a):)?([A-Za-z_][A-Za-z0-9_]*)\}")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SUITE_KEYS = {"name", "version", "language", "card", "lexicons", "probes"}
CARD_KEYS = {
    "summary", "measures", "construct", "limits", "caveats", "references", "calibration", "notes",
}  # fmt: skip
CARD_REQUIRED = ("summary", "measures", "limits", "references", "calibration")
PROBE_COMMON = {"id", "kind", "description", "templates", "slots", "groups", "language"}
LANG_RE = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1 (or 639-3) code, lower case
DEFAULT_LANGUAGE = "en"


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
    """One probe of a suite. ``options`` holds every key beyond the common ones; the kind checks
    them (:mod:`xlmaudit.probes.check`). ``slots`` maps each template slot to its lexicon name
    (after checking: the slots the kind fills itself are left out)."""

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
    language: str = DEFAULT_LANGUAGE  # the probe's own ``language:`` or else the suite's

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
    language: str = DEFAULT_LANGUAGE  # the suite's ``language:`` (probes may override it)

    @property
    def summary(self) -> str:
        return str(self.card.get("summary", ""))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the suite's probes, in order of first appearance."""
        return tuple(dict.fromkeys(p.language for p in self.probes))


def _language(node: Any, path: Path, default: str) -> str:
    """The ``language:`` of a suite or probe node (``default`` when absent), checked."""
    if "language" not in node:
        return default
    at = where_of(path, node, "language")
    lang = expect(node["language"], str, "language", at)
    if not LANG_RE.match(lang):
        raise at.error(f"language {lang!r}: write an ISO 639-1 code in lower case (en, fr, de)")
    return lang


# --------------------------------------------------------------------------- probes


def _templates(node: Any, path: Path, pid: str, where: Where) -> tuple[Template, ...]:
    expect(node, list, f"probe {pid!r}: templates", where)
    if not node:
        raise where.error(f"probe {pid!r}: templates is empty")
    out, seen = [], {}
    for i, (raw, line) in enumerate(zip(node, node.item_lines, strict=True)):
        at = Where(str(path), line)
        if isinstance(raw, dict):
            check_keys(raw, {"id", "text"}, f"template of probe {pid!r}", path, ("text",))
            tid, text = str(raw.get("id", f"t{i + 1}")), raw["text"]
        else:
            tid, text = f"t{i + 1}", raw
        expect(text, str, f"probe {pid!r}: template", at)
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
    expect(node, dict, f"probe {pid!r}: groups", where)
    if not node:
        raise where.error(f"probe {pid!r}: groups is empty")
    out = []
    for name, terms in node.items():
        at = where_of(path, node, name)
        if isinstance(terms, dict):
            terms = _group_from_lexicon(terms, at, pid, str(name), lexicons)
        expect(terms, list, f"probe {pid!r}: group {name!r}", at)
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


def _probe(
    node: Any, path: Path, lexicons: Mapping[str, Lexicon], suite: str, language: str
) -> ProbeSpec:
    """One probe, parsed generically: every key beyond the common ones is an option, kept with
    its line; :func:`xlmaudit.probes.check.check_probe` checks it against its kind."""
    where = where_of(path, node)
    expect(node, dict, "probe", where)
    for key in ("id", "kind"):
        if key not in node:
            raise where.error(f"probe is missing required key {key!r}")
    pid = expect(node["id"], str, "probe id", where_of(path, node, "id"))
    if not ID_RE.match(pid):
        raise where_of(path, node, "id").error(f"probe id {pid!r}: use letters, digits, _ . -")
    at = {key: where_of(path, node, key) for key in node}
    templates = (
        _templates(node["templates"], path, pid, at["templates"]) if "templates" in node else ()
    )
    slot_map = node.get("slots") or {}
    expect(slot_map, dict, f"probe {pid!r}: slots", at.get("slots", where))
    used = {slot for tpl in templates for slot in tpl.slots}
    for slot in slot_map:
        if slot not in used:
            raise at["slots"].error(
                f"probe {pid!r}: slot {slot!r} is mapped but no template uses it"
            )
    groups = _groups(node["groups"], path, pid, lexicons, at["groups"]) if "groups" in node else ()
    return ProbeSpec(
        id=pid,
        kind=str(node["kind"]),
        description=str(node.get("description", "")),
        templates=templates,
        slots=MappingProxyType({slot: str(slot_map.get(slot, slot)) for slot in sorted(used)}),
        groups=groups,
        options=MappingProxyType({k: v for k, v in node.items() if k not in PROBE_COMMON}),
        lexicons=MappingProxyType(dict(lexicons)),
        where=where,
        key_lines=MappingProxyType(dict(node.key_lines)),
        suite=suite,
        language=_language(node, path, language),
    )


# --------------------------------------------------------------------------- suites


def parse_suite(path: str | Path) -> SuiteSpec:
    """Parse one suite file, checking its shape but not its probes' kinds and options (see
    :func:`xlmaudit.suites.load_suite`, which does both). Errors name file and line."""
    path = Path(path).resolve()
    data = load_yaml(path)
    expect(data, dict, "a suite file", Where(str(path), 1))
    check_keys(data, SUITE_KEYS, "suite", path, required=("name", "version", "card", "probes"))
    name = expect(data["name"], str, "name", where_of(path, data, "name"))
    version = data["version"]
    if not isinstance(version, str):
        at = where_of(path, data, "version")
        line = path.read_text(encoding="utf-8").splitlines()[at.line - 1]
        written = line.split(":", 1)[1].split(" #")[0].strip()
        raise at.error(
            f'version must be a string: quote it (version: "{written}"); unquoted, YAML reads '
            f"{written} as the {type(version).__name__} {version!r}"
        )
    card = expect(data["card"], dict, "card", where_of(path, data, "card"))
    check_keys(card, CARD_KEYS, "card", path, CARD_REQUIRED, where_of(path, data, "card"))
    files: list[Path] = [path]
    lexicons = load_lexicons(data.get("lexicons"), path, files)
    probes_node = expect(data["probes"], list, "probes", where_of(path, data, "probes"))
    if not probes_node:
        raise where_of(path, data, "probes").error("probes is empty")
    language = _language(data, path, DEFAULT_LANGUAGE)
    probes = tuple(_probe(p, path, lexicons, name, language) for p in probes_node)
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
        language,
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
