"""Huge suites: the item count comes from lexicon sizes, is printed first, and has a ceiling."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import xlmaudit.inference
from xlmaudit import templates
from xlmaudit.cli import main
from xlmaudit.suites import load_suite, shipped_suites
from xlmaudit.templates import count_items, expand

CARD = """card:
  summary: s
  measures: m
  limits: l
  references: [r]
  calibration: c
"""


def _suite(tmp_path: Path, n: int, templates_: list[str]) -> Path:
    words = "\n".join(f"    - w{i}" for i in range(n))
    body = "\n".join(f'      - "{t}"' for t in templates_)
    text = (
        f'name: huge\nversion: "1.0"\n{CARD}lexicons:\n  person:\n    entries:\n{words}\n'
        "probes:\n  - id: p\n    kind: counterfactual_pll\n    templates:\n"
        f"{body}\n    groups: {{female: [she], male: [he]}}\n"
    )
    path = tmp_path / "huge.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", shipped_suites(), ids=lambda p: p.stem)
def test_count_equals_the_expansion_of_every_shipped_suite(path: Path) -> None:
    for probe in load_suite(path).probes:
        assert count_items(probe) == (len(expand(probe)) if probe.templates else 0)


def test_two_slots_of_one_lexicon_count_ordered_pairs_of_different_terms(tmp_path):
    # 5 terms, two slots: 5 * 4 = 20 ordered pairs, plus 5 items of a one-slot template
    path = _suite(tmp_path, 5, ["{target} met {person} and {person_b}.", "{target} left {person}."])
    text = path.read_text().replace("{person_b}", "{other}")
    text = text.replace("    groups:", "    slots: {other: person}\n    groups:")
    path.write_text(text)
    probe = load_suite(path).probes[0]
    assert count_items(probe) == 5 * 4 + 5 == len(expand(probe))


def test_huge_suite_is_refused_with_its_count_before_expanding(tmp_path, capsys, monkeypatch):
    n = 2000  # 2000 x 1999 ordered pairs = 3,998,000 items, never built
    path = _suite(tmp_path, n, ["{target} met {person} and {other}."])
    text = path.read_text().replace("    groups:", "    slots: {other: person}\n    groups:")
    path.write_text(text)

    def never(*args, **kwargs):
        raise AssertionError("expanded or loaded a model")

    monkeypatch.setattr(templates, "expand_template", never)
    monkeypatch.setattr(xlmaudit.inference, "load_model", never)
    rc = main(["run", "--suite", str(path), "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    count = math.perm(n, 2)
    assert rc == 2 and count == 3_998_000
    assert "3,998,000 template items to expand (huge: 3,998,000)" in err
    assert "expand to 3,998,000 template items, above --max-items 200,000" in err
    assert not (tmp_path / "run").exists()


def test_max_items_is_an_option(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(xlmaudit.inference, "load_model", lambda *a, **k: 1 / 0)
    argv = ["run", "--suite", "occupations", "--out", str(tmp_path / "r"), "--max-items", "700"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "704 template items to expand (occupations: 704)" in err  # 264 + 220 + 220
    assert "above --max-items 700" in err
