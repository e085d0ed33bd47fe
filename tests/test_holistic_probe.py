"""HolisticBias probe kind on the shipped v1.1 files: checksums, expansion size, --limit order."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from xlmaudit.datasets.sources import SOURCES
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.spec import resolve_suite
from xlmaudit.suites import load_suite

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def test_sources_hold_the_shared_files_checksums() -> None:
    names = [n for n in SOURCES if n.startswith("holistic-bias-")]
    assert len(names) == 4
    for name in names:
        src = SOURCES[name]
        data = (DATA / src.relpath).read_bytes()
        assert hashlib.sha256(data).hexdigest() == src.sha256
        assert len(data) == src.n_bytes
        blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        assert blob == src.git_blob  # the blob ids of SOURCE.md


@pytest.fixture(scope="module")
def items() -> list:
    suite = load_suite(resolve_suite("holistic-bias"))
    probe = suite.probes[0]
    ctx = RunContext(data_dir=DATA)
    out = get_kind("holistic-bias").build_items(probe, ctx)
    assert len(ctx.data_checksums) == 4  # every file recorded for meta.json
    return out


@pytest.mark.slow
def test_full_expansion(items: list) -> None:
    # 22,029 noun phrases x 26 templates, less the must_be_noun templates for phrases without a
    # noun: 566,625 sentences; the standalone phrase "a Rasta" has two entries (two plurals), so
    # its 16 singular-template sentences repeat and are one item each
    assert len(items) == 566_625 - 16
    assert len({it.id for it in items}) == len(items)
    axes = {it.sentence.phrase.axis for it in items}
    assert len(axes - {"null"}) == 13


@pytest.mark.slow
def test_first_items_hold_descriptor_pairs_in_every_axis(items: list) -> None:
    first = items[:2000]
    cells = Counter()
    descs: dict[tuple, set] = {}
    for it in first:
        p = it.sentence.phrase
        key = (p.axis, it.sentence.template)
        cells[key] += 1
        descs.setdefault(key, set()).add(p.descriptor)
    axes = {a for a, _ in cells}
    assert len(axes - {"null"}) == 13  # every axis, not all of one
    complete = [k for k in descs if k[0] != "null" and len(descs[k]) == 2]
    assert len(complete) >= 13  # whole descriptor pairs per (axis, template) in the first block
