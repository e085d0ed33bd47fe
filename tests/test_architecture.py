"""The import rules of ARCHITECTURE.md, checked on the source with ``ast`` (every import
statement, including those inside functions and ``if TYPE_CHECKING:`` blocks)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "xlmaudit"

# Torch and friends: only these modules (or packages, with a trailing "/") may import them.
TORCH_FAMILY = ("torch", "transformers", "captum", "tokenizers", "safetensors")
TORCH_PLACES = (
    "inference/", "planted/train.py", "bench/", "testing/tiny.py", "testing/tiny_multilingual.py",
)  # fmt: skip

# The stage order of ARCHITECTURE.md: a unit may import its own stage or an earlier one.
# A unit is a top-level module (``spec``) or package (``probes``) of xlmaudit; planted/train.py
# is a unit of its own (the torch trainer), apart from the pure-python ``planted`` data package.
STAGES: tuple[tuple[str, ...], ...] = (
    ("xlmaudit", "errors", "progress"),  # foundations
    ("yamlread",),  # line-aware YAML reader
    ("lexicons", "spec"),  # suite files -> frozen specs (generic; kinds unknown)
    ("requests", "responses"),  # request/response types: the contract between items and the core
    ("templates", "datasets"),  # items: templates x lexicons, benchmark rows
    ("inference",),  # the scorer (torch)
    ("metrics", "attributions"),  # pure frame -> frame functions
    ("probes",),  # kinds: items -> requests -> raw frame -> summary; suite validation
    ("suites", "runner", "planted"),  # load + run suites; the planted model's data
    (
        "rundir",
        "paired",
        "compare_checks",
        "compare_many",
        "cross_language",
        "runinfo",
        "agreement",
        "quality",
        "competence",
        "coverage",
    ),  # run dirs
    ("report",),  # figures, report, model card; the typed Run
    ("bench", "planted.train"),  # speed benchmarks and the planted trainer (torch)
    ("api",),  # audit / load_run / compare: the library entry point
    ("commands",),
    ("cli", "__main__"),
)
# Not a stage: test helpers may import anything; only tests, bench scripts and the old
# ``xlmaudit.inference.fake`` path (kept for users) import them.
OUTSIDE = ("testing",)
COMPAT_SHIMS = ("xlmaudit.inference.fake",)
# ``xlmaudit/__init__.py`` imports ``xlmaudit.api`` lazily (module ``__getattr__``), so that
# ``from xlmaudit import audit`` works while ``import xlmaudit`` imports nothing heavy.
LAZY_ENTRY = {"xlmaudit": ("xlmaudit.api", "xlmaudit.api.")}
# Who may import the inference core (besides itself): the entry point, the commands, the
# benchmarks, the tests.
INFERENCE_USERS = ("api", "commands", "bench", "testing")

STAGE_OF = {unit: i for i, units in enumerate(STAGES) for unit in units}


def unit_of(module: str) -> str:
    """``xlmaudit.report.plots`` -> ``report``; ``xlmaudit.planted.train`` -> ``planted.train``."""
    parts = module.split(".")
    if parts[:3] == ["xlmaudit", "planted", "train"]:
        return "planted.train"
    return parts[1] if len(parts) > 1 else parts[0]


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every absolute import in ``path``; ``from a import b``
    gives ``a.b`` (b may be a module)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
            out += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return out


def sources(package: Path) -> list[Path]:
    return sorted(package.rglob("*.py"))


def module_name_in(package: Path, path: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def torch_violations(package: Path) -> list[str]:
    """Imports of torch and friends outside :data:`TORCH_PLACES`."""
    bad = []
    for path in sources(package):
        rel = path.relative_to(package).as_posix()
        if any(rel == p or (p.endswith("/") and rel.startswith(p)) for p in TORCH_PLACES):
            continue
        for line, name in imports(path):
            if name.split(".")[0] in TORCH_FAMILY:
                bad.append(f"xlmaudit/{rel}:{line} imports {name}")
    return bad


def stage_violations(package: Path) -> list[str]:
    """Imports of a later stage (or of the test helpers) by the program."""
    bad = []
    for path in sources(package):
        module = module_name_in(package, path)
        unit = unit_of(module)
        if unit in OUTSIDE or module in COMPAT_SHIMS:
            continue
        for line, name in imports(path):
            if not name.startswith("xlmaudit.") or unit_of(name) == unit:
                continue
            if name.startswith(LAZY_ENTRY.get(module, ())) or name in LAZY_ENTRY.get(module, ()):
                continue
            target = unit_of(name)
            if target in OUTSIDE:
                bad.append(f"{module}:{line} imports test helpers {name}")
            elif target in STAGE_OF and STAGE_OF[target] > STAGE_OF[unit]:
                bad.append(f"{module}:{line} ({unit}) imports later stage {name} ({target})")
    return bad


def inference_violations(package: Path) -> list[str]:
    """Imports of the inference core outside itself and :data:`INFERENCE_USERS`."""
    bad = []
    for path in sources(package):
        module = module_name_in(package, path)
        if unit_of(module) in ("inference", *INFERENCE_USERS):
            continue
        bad += [
            f"{module}:{line} imports {name}"
            for line, name in imports(path)
            if name.startswith("xlmaudit.inference")
        ]
    return bad


def test_every_unit_has_a_stage():
    units = {unit_of(module_name_in(PACKAGE, p)) for p in sources(PACKAGE)}
    assert units - set(STAGE_OF) - set(OUTSIDE) == set()


def test_no_relative_imports():
    """Relative imports would slip past the checks below."""
    bad = [
        f"{p.relative_to(PACKAGE)}:{n.lineno}"
        for p in sources(PACKAGE)
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.ImportFrom) and n.level
    ]
    assert bad == []


def test_torch_family_only_where_allowed():
    assert torch_violations(PACKAGE) == []


def test_no_stage_imports_a_later_one():
    assert stage_violations(PACKAGE) == []


def test_report_and_the_pipeline_never_import_inference():
    """The core reaches the rest as a scorer object: report/, probes/, runner never import it."""
    assert inference_violations(PACKAGE) == []


@pytest.mark.parametrize(
    ("source", "check", "expected"),
    [
        ("import torch\n", torch_violations, "xlmaudit/metrics/bad.py:1 imports torch"),
        (
            "from xlmaudit.report import plots\n",
            stage_violations,
            "xlmaudit.metrics.bad:1 (metrics) imports later stage xlmaudit.report (report)",
        ),
        (
            "def f():\n    from xlmaudit.inference.scorer import ModelScorer\n",
            inference_violations,
            "xlmaudit.metrics.bad:2 imports xlmaudit.inference.scorer",
        ),
        (
            "from xlmaudit.testing import FakeScorer\n",
            stage_violations,
            "xlmaudit.metrics.bad:1 imports test helpers xlmaudit.testing",
        ),
    ],
)
def test_the_checks_catch_a_bad_import(tmp_path, source, check, expected):
    """A bad import in a fake ``xlmaudit/metrics/bad.py`` is reported by the matching check."""
    (tmp_path / "xlmaudit" / "metrics").mkdir(parents=True)
    (tmp_path / "xlmaudit" / "metrics" / "bad.py").write_text(source)
    assert expected in check(tmp_path / "xlmaudit")


# Module-level rule: inside and across packages, the modules' import graph has no cycle. Edges:
# every import statement that runs (module level or inside a function), to the module it names;
# left out are ``if TYPE_CHECKING:`` imports (annotations only, never executed) and package
# ``__init__`` modules (a package's face: it re-exports its modules, which import it back; the
# stage rules above order the packages themselves).
def type_checking_lines(tree: ast.Module) -> set[int]:
    """Line numbers of the statements inside ``if TYPE_CHECKING:`` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for stmt in node.body:
                lines.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return lines


def module_graph(package: Path) -> dict[str, set[str]]:
    """module -> the modules of the package it imports (see the rule above)."""
    paths = {module_name_in(package, p): p for p in sources(package) if p.name != "__init__.py"}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        skip = type_checking_lines(ast.parse(path.read_text(encoding="utf-8")))
        graph[module] = {
            name
            for line, name in imports(path)
            if name in paths and name != module and line not in skip
        }
    return graph


def import_cycles(package: Path) -> list[str]:
    """Each import cycle between the package's modules, as ``a -> b -> a`` (one per cycle
    found by a depth-first search; fixing it may reveal others)."""
    graph, state, stack, found = module_graph(package), {}, [], []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for nxt in sorted(graph[module]):
            if state.get(nxt) == "open":
                found.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def shim_users(package: Path) -> list[str]:
    """Modules of the package importing an old compatibility path (:data:`COMPAT_SHIMS`)."""
    return [
        f"{module_name_in(package, path)}:{line} imports {name}"
        for path in sources(package)
        if module_name_in(package, path) not in COMPAT_SHIMS
        for line, name in imports(path)
        if name in COMPAT_SHIMS
    ]


def test_no_import_cycles_between_modules():
    assert import_cycles(PACKAGE) == []


def test_nothing_in_the_package_imports_the_old_fake_path():
    """``xlmaudit/inference/fake.py`` stays for users; the program and the test helpers reach
    ``FakeScorer`` through ``xlmaudit.testing`` only."""
    assert shim_users(PACKAGE) == []


@pytest.mark.parametrize(
    ("files", "check", "expected"),
    [
        (
            {
                "inference/plan.py": "from xlmaudit.inference.beam import top_words\n",
                "inference/beam.py": "def f():\n    from xlmaudit.inference.plan import Job\n",
            },
            import_cycles,
            ["xlmaudit.inference.beam -> xlmaudit.inference.plan -> xlmaudit.inference.beam"],
        ),
        (
            {
                "inference/plan.py": "from xlmaudit.inference.beam import top_words\n",
                "inference/beam.py": (
                    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                    "    from xlmaudit.inference.plan import Job\n"
                ),
            },
            import_cycles,
            [],
        ),
        (
            {"inference/fake.py": "from xlmaudit.testing.fake import FakeScorer\n",
             "runner.py": "from xlmaudit.inference import fake\n"},
            shim_users,
            ["xlmaudit.runner:1 imports xlmaudit.inference.fake"],
        ),
    ],
)  # fmt: skip
def test_the_module_checks_catch_a_bad_import(tmp_path, files, check, expected):
    """A cycle through a function-level import is found (a ``TYPE_CHECKING`` one is not a
    cycle), and so is a module importing the old fake path."""
    for rel, source in files.items():
        (tmp_path / "xlmaudit" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "xlmaudit" / rel).write_text(source)
    assert check(tmp_path / "xlmaudit") == expected


def test_import_xlmaudit_is_light():
    """``import xlmaudit`` pulls in neither torch nor pandas; ``xlmaudit.audit`` is there."""
    import subprocess
    import sys

    code = ("import sys, xlmaudit; print('torch' in sys.modules, 'pandas' in sys.modules, "
            "callable(xlmaudit.audit))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)  # fmt: skip
    assert out.stdout.split() == ["False", "False", "True"]


def test_only_the_package_init_imports_the_api_lazily(tmp_path):
    """The lazy-entry exception is for ``xlmaudit/__init__.py`` alone."""
    (tmp_path / "xlmaudit" / "metrics").mkdir(parents=True)
    (tmp_path / "xlmaudit" / "metrics" / "bad.py").write_text("from xlmaudit.api import audit\n")
    (tmp_path / "xlmaudit" / "__init__.py").write_text("def f():\n    import xlmaudit.api\n")
    bad = stage_violations(tmp_path / "xlmaudit")
    assert "xlmaudit.metrics.bad:1 (metrics) imports later stage xlmaudit.api (api)" in bad
    assert all(b.startswith("xlmaudit.metrics.bad:") for b in bad)


def test_only_the_commands_parse_a_command_line():
    """``argparse`` lives in ``commands/`` and ``cli.py``; the library (``api.py`` included)
    takes arguments as Python values."""
    bad = [
        f"{module_name_in(PACKAGE, p)}:{line}"
        for p in sources(PACKAGE)
        if unit_of(module_name_in(PACKAGE, p)) not in ("commands", "cli")
        for line, name in imports(p)
        if name.split(".")[0] == "argparse"
    ]
    assert bad == []


def test_the_run_command_is_a_thin_door_onto_audit():
    """``xlmaudit run`` parses and calls ``xlmaudit.api``; the pipeline is not copied there."""
    text = (PACKAGE / "commands" / "run.py").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 120
    assert "run_audit(" in text and "run_suites" not in text and "write_run" not in text
    bench = (PACKAGE / "commands" / "_bench_crows.py").read_text(encoding="utf-8")
    assert "audit(" in bench and "run_suites" not in bench and "write_run" not in bench
