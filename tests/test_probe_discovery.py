"""Kinds, commands and kind figures are discovered: no hand-kept list to edit."""

from __future__ import annotations

import ast
from pathlib import Path

from xlmaudit.cli import build_parser
from xlmaudit.probes import load_kinds
from xlmaudit.report.kind_figures import figure_makers

PACKAGE = Path(__file__).resolve().parents[1] / "xlmaudit"


def declared_kind_names() -> set[str]:
    """Every ``name = "..."`` of a class decorated ``@register`` in xlmaudit/probes/*.py."""
    names = set()
    for path in (PACKAGE / "probes").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(d, ast.Name) and d.id == "register" for d in node.decorator_list
            ):
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and [getattr(t, "id", "") for t in stmt.targets] == ["name"]
                        and isinstance(stmt.value, ast.Constant)
                    ):
                        names.add(stmt.value.value)
    return names


def test_every_registered_kind_module_is_discovered_and_kinds_are_sorted():
    kinds = load_kinds()
    assert set(kinds) == declared_kind_names()
    assert "seat" in kinds and "crows-pairs" in kinds
    assert list(kinds) == sorted(kinds)  # summary.csv's columns do not depend on import order


def test_every_command_module_is_a_command():
    commands = {p.stem for p in (PACKAGE / "commands").glob("*.py") if not p.stem.startswith("_")}
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == commands
    assert {"run", "bench", "card", "compare"} <= commands


def test_kind_figures_are_registered_by_the_plot_modules():
    makers = {kind: [m.__name__ for _, m in found] for kind, found in figure_makers().items()}
    assert makers["seat"] == ["seat_figures"]
    assert makers["honest"] == ["honest_figures"]
    assert makers["winobias"] == ["winobias_figures"]
    assert makers["attribution"] == ["attribution_figures"]
    assert set(makers) <= set(load_kinds())  # figures only for kinds that exist
