"""The report, card and compare read a run's ``meta`` through :class:`RunInfo`'s typed fields,
never dict-style (issue 22 point 2); provenance tables read ``RunInfo.raw`` explicitly."""

from __future__ import annotations

import ast
from pathlib import Path

from xlmaudit.report.content import data_rows
from xlmaudit.report.languages import skipped_languages
from xlmaudit.report.statements import limit_of
from xlmaudit.runinfo import RunInfo

ROOT = Path(__file__).resolve().parents[1] / "xlmaudit"
CHECKED = (*sorted((ROOT / "report").glob("*.py")), ROOT / "compare_many.py", ROOT / "paired.py")
UNTYPED_CALLS = ("probe_record", "suite_entry")  # readers of the meta.json dict
RAW_READERS = ("key_provenance", "provenance_rows", "cross_listed", "flatten")  # take meta.raw


def _is_meta(node: ast.expr) -> bool:
    """``meta`` or ``<anything>.meta``."""
    return (isinstance(node, ast.Name) and node.id == "meta") or (
        isinstance(node, ast.Attribute) and node.attr == "meta"
    )


def dict_reads(source: str) -> list[str]:
    """``meta.get(...)``, ``meta[...]``, ``x.meta.get(...)``, ``x.meta[...]``, calls of the
    untyped readers, and a provenance table given ``meta`` instead of ``meta.raw`` in
    ``source``, as ``line: text``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        hit = isinstance(node, ast.Subscript) and _is_meta(node.value)
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            hit = name in UNTYPED_CALLS or (name == "get" and _is_meta(func.value))
            hit = hit or (name in RAW_READERS and any(_is_meta(a) for a in node.args))
        if hit:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_checker_finds_each_dict_style_read():
    source = (
        "a = run.meta.get('limit')\nb = meta['suites']\nc = prov.suite_entry(run.meta, 's')\n"
        "d = probe_record(meta, 's', 'p')\ne = run.meta.settings.limit\nf = other.get('x')\n"
        "g = key_provenance(a.meta)\nh = key_provenance(a.meta.raw)\n"
    )
    assert [f.split(":")[0] for f in dict_reads(source)] == ["1", "2", "3", "4", "7"]


def test_report_card_and_compare_read_meta_only_through_typed_fields():
    assert len(CHECKED) > 10
    found = {p.name: dict_reads(p.read_text(encoding="utf-8")) for p in CHECKED}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_typed_fields_keep_what_the_report_read_from_the_dict():
    meta = RunInfo.from_json({
        "model_name": "old-model",
        "model": {"lang2id": {"en": 0, "fr": 1}, "newly_initialized": ["a", "b"]},
        "limit": "20",
        "suites": [{"name": "s", "version": "1.0", "family": "crows", "card": {"caveats": "c"},
                    "skipped_languages": {"ro": "not in lang2id", "it": ""},
                    "probes": {"p": {"groups": {"female": ["she"]}, "dataset": "d1"}}}],
        "suite_hashes": {"s": "abc"},
    })  # fmt: skip
    suite = meta.suites["s"]
    assert meta.model.name == "old-model" and meta.model.languages == ("en", "fr")
    assert meta.model.newly_initialized == ("a", "b") and limit_of(meta) == 20
    assert suite.version_text == "1.0 / abc" and suite.family == "crows"
    assert dict(suite.card) == {"caveats": "c"}
    assert skipped_languages(meta, "s") == ["ro (not in lang2id)", "it"]
    assert skipped_languages({"suites": {"s": {"skipped_languages": ["fr"]}}}, "s") == ["fr"]
    assert dict(suite.probes["p"].groups) == {"female": ("she",)}
    assert suite.probes["p"].data == ("d1",)
    assert RunInfo.from_json({"limit": "None"}).settings.limit is None
    bare = RunInfo.from_json({"data": {"x": "abc"}, "suites": {"s": {}}})
    assert data_rows(bare, "s") == [("x", "abc")]  # a bare checksum, as the dict reader showed it
