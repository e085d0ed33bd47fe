"""Lexicons of a suite: named term lists (inline or in their own YAML file) with attributes.

A lexicon file holds ``name``, ``source`` (citation), optional ``note``, ``attributes`` (declared
per-entry attributes) and ``entries`` (plain terms or mappings with ``term`` and declared
attributes). Every error names file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xlmaudit.yamlread import Where, check_keys, expect, load_yaml, where_of

LEXICON_KEYS = {"name", "description", "source", "note", "attributes", "entries"}


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
        check_keys(node, LEXICON_KEYS, f"lexicon {name!r}", path, required=("entries",))
        raw_attrs = node.get("attributes", [])
        expect(raw_attrs, list, "attributes", where_of(path, node, "attributes"))
        attrs = tuple(str(a) for a in raw_attrs)
        for key in ("source", "note", "description"):
            meta[key] = str(node.get(key, "")).strip()
        where = where_of(path, node, "entries")
        node = node["entries"]
    expect(node, list, f"lexicon {name!r}", where)
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


def load_lexicons(node: Any, path: Path, files: list[Path]) -> dict[str, Lexicon]:
    if node is None:
        return {}
    expect(node, dict, "lexicons", where_of(path, node))
    out: dict[str, Lexicon] = {}
    for name, value in node.items():
        where = where_of(path, node, name)
        if isinstance(value, str):
            lex_path = (path.parent / value).resolve()
            if not lex_path.is_file():
                raise where.error(f"lexicon {name!r}: file {value!r} not found ({lex_path})")
            files.append(lex_path)
            data = load_yaml(lex_path)
            out[name] = _lexicon_from_node(name, data, lex_path, where_of(lex_path, data), value)
        else:
            out[name] = _lexicon_from_node(name, value, path, where, "")
    return out
