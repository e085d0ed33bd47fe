"""Issue 22 point 4: every shipped suite and every probe kind has a docs page, and the pages'
declared facts come from the declarations (docs/hooks.py), not from retyped text."""

from __future__ import annotations

import argparse
import importlib.util
import re
import shlex
from pathlib import Path

import pytest
import yaml

from xlmaudit.cli import build_parser
from xlmaudit.probes import load_kinds
from xlmaudit.runner import summary_columns
from xlmaudit.suites import load_suite, shipped_suites

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def load_hooks():
    spec = importlib.util.spec_from_file_location("xlmaudit_docs_hooks", DOCS / "hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hooks = load_hooks()


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return hooks.generated_pages()


def nav_pages() -> list[str]:
    """Every page path in mkdocs.yml's nav after the hook filled in the suites."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = hooks.on_config(config)

    def walk(node) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [p for item in node for p in walk(item)]
        return [p for value in node.values() for p in walk(value)]

    return walk(config["nav"])


def words(text: str) -> str:
    return " ".join(str(text).split())


@pytest.mark.parametrize("path", shipped_suites(), ids=lambda p: p.stem)
def test_every_shipped_suite_has_a_page_from_its_card(path: Path, pages: dict[str, str]) -> None:
    suite = load_suite(path)
    page = pages.get(f"suites/{suite.name}.md")
    assert page is not None, f"no docs page for shipped suite {suite.name}"
    assert f"suites/{suite.name}.md" in nav_pages()
    text = words(page)
    assert words(suite.card["summary"]) in text
    assert words(suite.card["limits"]) in text
    for caveat in suite.card.get("caveats") or []:
        assert words(caveat) in text  # verbatim, not borrowed or retyped
    for ref in suite.card["references"]:
        assert words(ref) in text
    for probe in suite.probes:
        assert f"`{probe.id}`" in page and f"../kinds/{probe.kind}.md" in page


def test_a_suite_declaring_no_caveats_says_so(tmp_path: Path) -> None:
    src = (ROOT / "probes" / "age.yaml").read_text(encoding="utf-8")
    card = yaml.safe_load(src)
    card["card"].pop("caveats")
    (tmp_path / "lexicons").symlink_to(ROOT / "probes" / "lexicons")
    (tmp_path / "age.yaml").write_text(yaml.safe_dump(card, sort_keys=False), encoding="utf-8")
    page = hooks.suite_page(load_suite(tmp_path / "age.yaml"))
    caveats = page.split("## Caveats", 1)[1].split("## ", 1)[0]
    assert caveats.strip() == "no caveats declared by this suite"


@pytest.mark.parametrize("kind", sorted(load_kinds()))
def test_every_kind_has_a_page(kind: str) -> None:
    page = DOCS / "kinds" / f"{kind}.md"
    assert page.is_file(), f"probe kind {kind} has no page docs/kinds/{kind}.md"
    assert f"kinds/{kind}.md" in nav_pages()
    meta = hooks.front_matter(page)
    assert set(meta["origin"].split(" + ")) <= set(hooks.ORIGINS) and meta["origin_note"]
    assert meta["tests"], "name the tests that check the kind"
    for test in meta["tests"]:
        assert (ROOT / test).is_file(), f"{page.name} names a missing test file {test}"
    text = page.read_text(encoding="utf-8")
    assert f"<!-- metric-docs: {kind} -->" in text and "## Cost on a 2048-wide model" in text
    expanded = hooks.expand_markers(text)
    for doc in load_kinds()[kind].metric_docs:
        assert f"`{doc.name}`" in expanded  # the declared metrics, generated


def test_readme_suite_table_is_generated_and_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == hooks.readme_with_table(readme), "run: python docs/hooks.py"
    table = readme.split(hooks.TABLE_START, 1)[1].split(hooks.TABLE_END, 1)[0]
    assert {p.stem for p in shipped_suites()} == set(re.findall(r"^\| `([\w-]+)` \|", table, re.M))


def test_readme_is_at_most_200_lines() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


def test_cli_reference_is_every_parser(pages: dict[str, str]) -> None:
    page = pages["reference/cli.md"]

    def walk(parser, name):
        yield name, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, child in action.choices.items():
                    yield from walk(child, f"{name} {sub}")

    for name, parser in walk(build_parser(), "xlmaudit"):
        assert f"`{name}`" in page
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in page, f"{name} {flag} missing from the CLI reference"


def test_run_directory_page_lists_every_summary_column() -> None:
    table = hooks.summary_columns_table()
    assert [f"`{c}`" for c in summary_columns()] == re.findall(r"\| \d+ \| (`[^`]+`) \|", table)


def test_docs_links_to_files_outside_the_site_are_code() -> None:
    """Links to repository files outside docs/ break the strict build: name them as code."""
    for page in DOCS.rglob("*.md"):
        for target in re.findall(r"\]\(([^)#]+)", page.read_text(encoding="utf-8")):
            if target.startswith(("http:", "https:")):
                continue
            assert (page.parent / target).resolve().is_relative_to(DOCS.resolve()), (page, target)


def test_every_command_in_the_readme_and_docs_parses() -> None:
    """A flag renamed in a parser fails here, not in a reader's shell."""
    pages = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
    bad = []
    for page in pages:
        for block in re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                line = line.split("  #")[0].split(";")[0].strip()  # a comment, a shell loop
                if line.startswith("xlmaudit "):
                    try:
                        build_parser().parse_args(shlex.split(line)[1:])
                    except SystemExit:
                        bad.append(f"{page.relative_to(ROOT)}: {line}")
    assert bad == []
