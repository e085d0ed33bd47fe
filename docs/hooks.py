"""MkDocs hooks: the pages whose facts the code declares are generated here, never retyped.

- ``suites/<name>.md``, one per shipped suite (``xlmaudit.suites.shipped_suites``): its card from
  the YAML (summary, measures, construct, limits, caveats, references, calibration, notes), its
  probes and kinds, the metric docs its kinds declare (``ProbeKind.metric_docs``, groups written
  in from the probe) and its measured cost (``bench/suite_cost.json``).
- ``suites/index.md`` and the README's suite table (``python docs/hooks.py`` rewrites the README
  between its ``suite-table`` markers; ``tests/test_docs.py`` fails when it is stale).
- ``reference/cli.md``: every command's usage and options, from ``xlmaudit.cli.build_parser``.
- In hand-written pages, markers are replaced: ``<!-- metric-docs: KIND -->`` (the kind's declared
  metrics), ``<!-- kind-facts: KIND -->`` (main metric, pairing, options, summary columns),
  ``<!-- summary-columns -->`` (``xlmaudit.runner.summary_columns``) and ``<!-- meta-fields -->``
  (the fields of the committed example run's ``meta.json``), ``<!-- checkpoint-table -->`` (per
  suite language, which multilingual checkpoints list it).

What no declaration holds (whether a kind reproduces a reference or is ours, and the test files
that check equality) is written once, in the front matter of the kind's page ``kinds/<kind>.md``
(``origin:``, ``equality_tests:``), and read from there.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
COST = ROOT / "bench" / "suite_cost.json"
EXAMPLE_METAS = [ROOT / "reports" / name / "meta.json" for name in ("planted", "planted-bilingual")]
README = ROOT / "README.md"
# a kind page's ``origin``: "reference" = equal to the reference code (tested), "paper" = the
# paper's definition without reference code to compare with, "ours" = an adaptation or addition
ORIGINS = ("reference", "paper", "ours")
TABLE_START, TABLE_END = "<!-- suite-table:start -->", "<!-- suite-table:end -->"


def _import_xlmaudit() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------- declarations


@functools.cache
def suites() -> list[Any]:
    """Every shipped suite, loaded and checked (``xlmaudit list``'s order); cached per build."""
    _import_xlmaudit()
    from xlmaudit.suites import load_suite, shipped_suites

    return [load_suite(p) for p in shipped_suites()]


def kinds() -> dict[str, Any]:
    _import_xlmaudit()
    from xlmaudit.probes import load_kinds

    return dict(sorted(load_kinds().items()))


def kind_page(kind: str) -> Path:
    return DOCS / "kinds" / f"{kind}.md"


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a docs page ({} when it has none)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) or {} if match else {}


def costs() -> dict[str, dict[str, Any]]:
    return json.loads(COST.read_text())["runs"] if COST.is_file() else {}


def cost_words(suite: str) -> str:
    """The measured wall time of a full run of ``suite`` on the planted model, in words."""
    rec = costs().get(suite)
    if rec is None:
        return "not measured"
    if rec["status"] == "timeout":
        return f"> {rec['wall_s']:.0f} s (stopped)"
    if rec["status"] != "ok":  # the error is in the JSON: too long for a table cell
        return f"fails ({rec['status']}; the error is in `bench/suite_cost.json`)"
    return f"{rec['wall_s']:.0f} s"


def cell(text: Any) -> str:
    """Text for one Markdown table cell: one line, pipes escaped outside code spans (a pipe in
    a code span does not split a cell, and an escape there would show)."""
    parts = re.split(r"(`[^`]*`)", " ".join(str(text).split()))
    return "".join(p if p.startswith("`") else p.replace("|", "\\|") for p in parts)


# ---------------------------------------------------------------- generated text


def metric_docs_table(kind_name: str, contrast: tuple[str, ...] = ()) -> str:
    """The metrics ``kind_name`` declares, with the probe's groups written in when given."""
    kind = kinds()[kind_name]
    a, b = (tuple(contrast) or tuple(kind.contrast) or ("{a}", "{b}"))[:2]
    lines = ["| metric | meaning | method | no-bias value | direction | unit |",
             "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for doc in kind.metric_docs:
        d = doc.filled(doc.name, a, b) if not doc.pattern else doc
        main = " (main)" if doc.name == kind.main_metric else ""
        ref = "" if doc.reference is None else f"{doc.reference:g}"
        contrast_words = "as the score it differs" if doc.contrast == "=" else d.contrast
        if doc.contrast and doc.contrast != "=":
            contrast_words = doc.contrast.format(a=a, b=b)
        name = f"`{doc.name}`" + (" (pattern)" if doc.pattern else "") + main
        cells = (name, d.label, d.method, ref, contrast_words, doc.unit)
        lines.append("| " + " | ".join(cell(x) for x in cells) + " |")
    return "\n".join(lines)


def kind_facts(kind_name: str) -> str:
    kind = kinds()[kind_name]
    opts = ", ".join(f"`{k}`" for k in kind.options) or "none"
    required = ", ".join(f"`{k}`" for k in kind.required) or "none"
    choices = "; ".join(f"`{k}`: {', '.join(v)}" for k, v in kind.choices.items()) or "none"
    cols = ", ".join(f"`{c}`" for c in kind.summary_columns) or "none"
    min_n = getattr(kind, "min_n", None)
    rows = [
        ("`kind:` value", f"`{kind.name}`"),
        ("module", f"`{type(kind).__module__}`"),
        ("main metric", f"`{kind.main_metric}`" if kind.main_metric else "none (measures no bias)"),
        ("items from", "templates x lexicons" if kind.uses_templates else "its own data or items"),
        ("probe options", opts),
        ("required options", required),
        ("options with fixed values", choices),
        ("fixed contrast groups", ", ".join(kind.contrast) or "the probe's groups"),
        ("pairing across runs", f"`{kind.pairing}`"),
        ("needs gradients", "yes" if kind.needs_gradients else "no"),
        ("extra summary columns", cols),
    ]
    if min_n is not None:
        rows.append(("declared minimum n", str(min_n)))
    key = getattr(kind, "cluster_key", "")
    rows.append(("cluster key (intervals resample its clusters)",
                 f"raw column `{key}`" if key else "none (items independent)"))  # fmt: skip
    fm = front_matter(kind_page(kind_name))
    rows.append(("reference or ours", f"{fm.get('origin', '?')}: {fm.get('origin_note', '')}"))
    rows.append(("tests", ", ".join(f"`{t}`" for t in fm.get("tests", [])) or "none named"))
    shipped = [s.name for s in suites() if any(p.kind == kind_name for p in s.probes)]
    rows.append(
        ("shipped suites", ", ".join(f"[{n}](../suites/{n}.md)" for n in shipped) or "none")
    )
    return "| declaration | value |\n| --- | --- |\n" + "\n".join(
        f"| {cell(k)} | {cell(v)} |" for k, v in rows
    )


def kinds_table() -> str:
    """One row per registered kind: its page, main metric, origin and tests (front matter)."""
    rows = ["| kind | main metric | reference or ours | tests |", "| --- | --- | --- | --- |"]
    for name, kind in kinds().items():
        fm = front_matter(kind_page(name))
        tests = ", ".join(f"`{t}`" for t in fm.get("tests", []))
        origin_ = f"{fm.get('origin', '?')}: {fm.get('origin_note', '')}"
        rows.append(f"| [`{name}`]({name}.md) | `{kind.main_metric or '-'}` | "
                    f"{cell(origin_)} | {tests} |")  # fmt: skip
    return "\n".join(rows)


def origin(suite: Any) -> str:
    """Whether a suite's kinds reproduce a reference or are ours (the kind pages' front matter)."""
    found = {part.strip() for k in dict.fromkeys(p.kind for p in suite.probes)
             for part in str(front_matter(kind_page(k)).get("origin", "?")).split("+")}  # fmt: skip
    order = [o for o in ORIGINS if o in found] + sorted(found - set(ORIGINS))
    return " + ".join(order)


def suite_table(link: str = "suites/{name}.md") -> str:
    """One row per shipped suite: kinds, languages, origin, cost on the planted model."""
    lines = ["| suite | kinds | languages | reference or ours | planted model, full run |",
             "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for s in suites():
        kinds_ = ", ".join(f"`{k}`" for k in dict.fromkeys(p.kind for p in s.probes))
        name = f"[{s.name}]({link.format(name=s.name)})" if link else f"`{s.name}`"
        lines.append(f"| {name} | {kinds_} | {', '.join(s.languages)} | {cell(origin(s))} | "
                     f"{cell(cost_words(s.name))} |")  # fmt: skip
    return "\n".join(lines)


def cost_note() -> str:
    if not COST.is_file():
        return "Cost: not measured."
    rec = json.loads(COST.read_text())
    limits = sorted({r.get("timeout_s", rec.get("timeout_s", 0)) for r in rec["runs"].values()})
    limit_words = " or ".join(f"{x:.0f}" for x in limits)
    return (f"Cost: wall time of one full run on the planted model (`{rec['command']}`), one "
            f"process at a time on {rec['machine']}, shared with other jobs (the 1-minute load "
            f"average before each run is recorded), each stopped after {limit_words} s; "
            "`bench/suite_cost.json` has CPU seconds, load, errors and dates "
            "(`python bench/suite_cost.py --data-dir ../shared/data` remeasures).")  # fmt: skip


def suite_page(suite: Any) -> str:
    card = suite.card
    out = [f"# {suite.name}", "", f"*{cell(card.get('summary', ''))}*", "",
           "Generated from `probes/" + Path(suite.path).name + "` (the suite's card) and the "
           "metric declarations of its kinds.", ""]  # fmt: skip
    out += ["| | |", "| --- | --- |", f"| version | {suite.version} |",
            f"| languages | {', '.join(suite.languages)} |",
            f"| run | `xlmaudit run --model planted --suite {suite.name}{_data_flag(suite)} "
            f"--out out/{suite.name}` |",
            f"| reference or ours | {cell(origin(suite))} |",
            f"| cost on the planted model | {cell(cost_words(suite.name))} |", ""]  # fmt: skip
    out += ["## What it measures", "", str(card.get("measures", "")).strip(), ""]
    construct = card.get("construct") or {}
    if construct:
        out += ["## Construct", ""]
        for key in ("harm", "norms", "languages", "regions"):
            value = construct.get(key, "")
            value = ", ".join(value) if isinstance(value, list) else str(value).strip()
            out.append(f"- **{key}**: {value}")
        out.append("")
    out += ["## Limits", "", str(card.get("limits", "")).strip(), "", "## Caveats", ""]
    caveats = card.get("caveats") or []
    out += [f"- {' '.join(str(c).split())}" for c in caveats] or [
        "no caveats declared by this suite"
    ]
    out += ["", "## Calibration", "", str(card.get("calibration", "")).strip(), ""]
    if card.get("notes"):
        notes = card["notes"]
        notes = notes if isinstance(notes, list) else [notes]
        out += ["## Notes", ""] + [f"- {' '.join(str(n).split())}" for n in notes] + [""]
    out += ["## Probes", "", "| probe | kind | language | main metric | groups |",
            "| --- | --- | --- | --- | --- |"]  # fmt: skip
    ks = kinds()
    for p in suite.probes:
        desc = ks[p.kind].describe(p)
        groups = " vs ".join(desc.get("contrast") or [])
        out.append(f"| `{p.id}` | [`{p.kind}`](../kinds/{p.kind}.md) | {p.language} | "
                   f"`{desc.get('main_metric') or '-'}` | {cell(groups)} |")  # fmt: skip
    out += ["", "## Metrics", ""]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for p in suite.probes:
        contrast = tuple(ks[p.kind].describe(p).get("contrast") or ())
        if (p.kind, contrast) in seen:
            continue
        seen.add((p.kind, contrast))
        probes = [q.id for q in suite.probes if q.kind == p.kind and tuple(
            ks[q.kind].describe(q).get("contrast") or ()) == contrast]  # fmt: skip
        out += [
            f"### `{p.kind}` ({', '.join(probes)})",
            "",
            metric_docs_table(p.kind, contrast),
            "",
        ]
    out += ["## References", ""] + [f"- {cell(r)}" for r in card.get("references") or []]
    return "\n".join(out) + "\n"


def _data_flag(suite: Any) -> str:
    """`` --data-dir ../shared/data`` for a suite whose probes read benchmark data."""
    ks = kinds()
    return (
        ""
        if all(ks[p.kind].uses_templates for p in suite.probes)
        else (" --data-dir ../shared/data")
    )


def suites_index() -> str:
    return "\n".join(["# Suites", "",
        "Every shipped suite (`probes/*.yaml`, `xlmaudit list`), generated from the suites' cards "
        "and the kinds' pages. A suite is data: see [Suites and runs](../guide/suites.md) for the "
        "format and [Probe kinds](../kinds/index.md) for what each kind computes.", "",
        suite_table("{name}.md"), "", cost_note(), ""])  # fmt: skip


def summary_columns_table() -> str:
    _import_xlmaudit()
    from xlmaudit.runner import CONTRAST, LANG, LEVEL, SUMMARY_COLUMNS, summary_columns

    always = {*SUMMARY_COLUMNS, LEVEL, LANG, CONTRAST}
    owners: dict[str, list[str]] = {}
    for name, kind in kinds().items():
        for c in kind.summary_columns:
            owners.setdefault(c, []).append(name)
    rows = ["| # | column | emitted by |", "| --- | --- | --- |"]
    for i, col in enumerate(summary_columns(), 1):
        by = "every probe (the runner)" if col in always else ", ".join(
            f"`{k}`" for k in owners.get(col, []))  # fmt: skip
        rows.append(f"| {i} | `{col}` | {by} |")
    return "\n".join(rows)


def meta_fields_table() -> str:
    """The fields of the committed example runs' meta.json (the union, three levels where a field
    holds one record per suite, probe or data file), each with its type and first example."""
    found: dict[str, Any] = {}

    def walk(prefix: str, value: Any, keyed: tuple[str, ...]) -> None:
        found.setdefault(prefix, value)
        if (
            not isinstance(value, dict)
            or prefix in ("versions", "arguments")
            or prefix.endswith((".card", ".groups"))
        ):
            if prefix in ("versions", "arguments") and isinstance(value, dict):
                for sub, v in value.items():
                    found.setdefault(f"{prefix}.{sub}", v)
            return
        if prefix in keyed:  # a record per suite / probe / data file
            for item in value.values():
                for sub, v in item.items() if isinstance(item, dict) else []:
                    walk(f"{prefix}.<name>.{sub}", v, keyed)
            return
        for sub, v in value.items():
            walk(f"{prefix}.{sub}" if prefix else sub, v, keyed)

    keyed = ("suites", "suites.<name>.probes", "data")
    for path in EXAMPLE_METAS:
        meta = json.loads(path.read_text())
        for key, value in meta.items():
            walk(key, value, keyed)
    rows = ["| field | type | example (`reports/*/meta.json`) |", "| --- | --- | --- |"]
    for key, value in found.items():
        rows.append(f"| `{cell(key)}` | {type(value).__name__} | {cell(_short(value))} |")
    return "\n".join(rows)


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(list(value)[:6]) + (", ..." if len(value) > 6 else "") + "}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def cli_page() -> str:
    """Every command's usage, description and options, from the argparse parsers."""
    _import_xlmaudit()
    from xlmaudit.cli import build_parser

    parser = build_parser()
    out = ["# Command-line reference", "",
           "Generated from `xlmaudit.cli.build_parser()` (each command's `register`); "
           "`xlmaudit COMMAND --help` prints the same.", ""]  # fmt: skip
    out += _parser_section(parser, "xlmaudit", 2)
    # defaults that are paths of this checkout are written relative to the repository root
    return "\n".join(out).replace(str(ROOT.parent) + "/", "../") + "\n"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _parser_section(parser: argparse.ArgumentParser, name: str, level: int) -> list[str]:
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=100)
    out = [f"{'#' * level} `{name}`", ""]
    if parser.description:
        out += [parser.description, ""]
    out += ["```text", parser.format_usage().strip(), "```", ""]
    formatter = parser._get_formatter()
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        flags = ", ".join(action.option_strings) or action.metavar or action.dest
        if action.metavar and action.option_strings:
            flags += f" {action.metavar}"
        text = (formatter._expand_help(action) if action.help else "").replace("\n", " ")
        if (action.option_strings and action.default not in (None, False, argparse.SUPPRESS)
                and "default" not in text):  # fmt: skip
            text += f" (default: {action.default})"
        if action.choices and not isinstance(action.choices, dict):
            text += f" (choices: {', '.join(map(str, action.choices))})"
        rows.append(f"| `{cell(flags)}` | {cell(text)} |")
    if rows:
        out += ["| argument | meaning |", "| --- | --- |", *rows, ""]
    for sub, subparser in _subparsers(parser).items():
        out += _parser_section(subparser, f"{name} {sub}", min(level + 1, 4))
    return out


def checkpoint_table() -> str:
    """Per shipped suite and language, whether each multilingual checkpoint lists it: the XLM
    checkpoints' ``lang2id`` (``xlmaudit.testing.checkpoints.XLM_CHECKPOINTS``), XLM-R's and
    mBERT's documented training languages (``DOCUMENTED_LANGUAGES``, sources in ``SOURCES``)."""
    _import_xlmaudit()
    from xlmaudit.testing.checkpoints import DOCUMENTED_LANGUAGES, XLM_CHECKPOINTS

    listed = {name: set(spec["languages"]) for name, spec in XLM_CHECKPOINTS.items()}
    documented = {name: set(langs) for name, langs in DOCUMENTED_LANGUAGES.items()}
    models = {**listed, **documented}
    head = ["suite", "lang", *(f"`{m}`" + ("*" if m in documented else "") for m in models)]
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for suite in suites():
        for lang in suite.languages:
            marks = ["yes" if lang in langs else "no" for langs in models.values()]
            rows.append(f"| `{suite.name}` | {lang} | " + " | ".join(marks) + " |")
    return "\n".join(rows)


def expand_markers(markdown: str) -> str:
    subs = {
        r"<!-- metric-docs: ([\w-]+) -->": lambda m: metric_docs_table(m.group(1)),
        r"<!-- kind-facts: ([\w-]+) -->": lambda m: kind_facts(m.group(1)),
        r"<!-- summary-columns -->": lambda m: summary_columns_table(),
        r"<!-- meta-fields -->": lambda m: meta_fields_table(),
        r"<!-- suite-table -->": lambda m: suite_table("suites/{name}.md"),
        r"<!-- cost-note -->": lambda m: cost_note(),
        r"<!-- kinds-table -->": lambda m: kinds_table(),
        r"<!-- checkpoint-table -->": lambda m: checkpoint_table(),
    }
    for pattern, fn in subs.items():
        markdown = re.sub(pattern, fn, markdown)
    return markdown


def generated_pages() -> dict[str, str]:
    """src path -> Markdown of every generated page."""
    pages = {f"suites/{s.name}.md": suite_page(s) for s in suites()}
    pages["suites/index.md"] = suites_index()
    pages["reference/cli.md"] = cli_page()
    return pages


def readme_with_table(readme: str) -> str:
    """The README with its suite table regenerated between the markers."""
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    table = suite_table("")
    return readme[:start] + "\n" + table + "\n\n" + cost_note() + "\n" + readme[end:]


# ---------------------------------------------------------------- mkdocs hooks


def on_config(config: Any) -> Any:
    """Put the generated suite pages into the nav under "Suites" (after its index)."""
    suites.cache_clear()  # `mkdocs serve` rebuilds in one process: read the suites again
    names = [s.name for s in suites()]
    for entry in config["nav"]:
        if isinstance(entry, dict) and "Suites" in entry:
            entry["Suites"] = ["suites/index.md", *[{n: f"suites/{n}.md"} for n in names]]
    return config


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for src, text in generated_pages().items():
        files.append(File.generated(config, src, content=text))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return expand_markers(markdown)


if __name__ == "__main__":
    README.write_text(readme_with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the suite table in {README}")
