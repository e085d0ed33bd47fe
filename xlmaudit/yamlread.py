"""The line-aware YAML reader behind suite and lexicon files: strict, data only, with line numbers.

:func:`load_yaml` parses with :class:`StrictLoader`, a ``yaml.SafeLoader`` that rejects duplicate
keys, non-string keys and every custom tag (``!function`` and friends: no code in YAML), and
returns :class:`LineDict` / :class:`LineList` values that remember the line of each key and
element; before that parse (pure Python, minutes for tens of megabytes) the C event parser counts
the items of every list and refuses one longer than :data:`MAX_LIST_ITEMS` in about a second.
:class:`Where` is a place in a file; :func:`where_of`, :func:`expect` and
:func:`check_keys` turn wrong shapes into one-line :class:`~xlmaudit.errors.InputError` messages
naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from xlmaudit.errors import InputError, read_utf8

MAX_LIST_ITEMS = 200_000  # the default --max-items: a longer list cannot fit in a run
_EventLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    """Parse one YAML file with :class:`StrictLoader`; syntax errors name file and line, and a
    list longer than :data:`MAX_LIST_ITEMS` is refused before the (slow) line-tracking parse."""
    path = Path(path)
    text = read_utf8(path, "suite and lexicon files are YAML text")
    check_list_lengths(text, path)
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


def check_list_lengths(text: str, path: Path, ceiling: int = MAX_LIST_ITEMS) -> None:
    """Refuse a YAML list of more than ``ceiling`` items, counted on the event stream (no nodes
    built, stops at the first list past the ceiling). Syntax errors are left to the parse."""
    open_lists: list[list[int]] = []  # [start line, items so far] per open list; -1: a mapping
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            if isinstance(event, yaml.NodeEvent) and open_lists and open_lists[-1][1] >= 0:
                open_lists[-1][1] += 1
                if open_lists[-1][1] > ceiling:
                    raise InputError(
                        f"{path}:{open_lists[-1][0]}: a list of more than {ceiling:,} entries; "
                        f"the ceiling is {ceiling:,} (a run expands at most --max-items "
                        f"{MAX_LIST_ITEMS:,} items by default): use a smaller lexicon"
                    )
            if isinstance(event, yaml.SequenceStartEvent):
                open_lists.append([event.start_mark.line + 1, 0])
            elif isinstance(event, yaml.MappingStartEvent):
                open_lists.append([0, -1])
            elif isinstance(event, yaml.CollectionEndEvent):
                open_lists.pop()
    except yaml.YAMLError:
        return


@dataclass(frozen=True)
class Where:
    """A place in a suite file, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def error(self, message: str) -> InputError:
        return InputError(f"{self}: {message}")


def where_of(path: Path, node: Any, key: str | None = None) -> Where:
    if key is not None and isinstance(node, LineDict) and key in node.key_lines:
        return Where(str(path), node.key_lines[key])
    return Where(str(path), getattr(node, "line", 0))


def expect(value: Any, types: type | tuple[type, ...], what: str, where: Where) -> Any:
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise where.error(f"{what} must be {type_name(types)}, got {value!r}")
    if not isinstance(value, types):
        raise where.error(f"{what} must be {type_name(types)}, got {type(value).__name__}")
    return value


def type_name(types: type | tuple[type, ...]) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", int: "an integer"}
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def check_keys(
    node: LineDict,
    allowed: set[str],
    what: str,
    path: Path,
    required: tuple[str, ...] = (),
    where: Where | None = None,
) -> None:
    for key in node:
        if key not in allowed:
            raise where_of(path, node, key).error(
                f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})"
            )
    for key in required:
        if key not in node:
            raise (where or where_of(path, node)).error(f"{what} is missing required key {key!r}")
