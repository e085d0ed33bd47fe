"""WEATHub in the seat kind (``weathub:`` option; :mod:`xlmaudit.probes.seat`): items per language
and variant read from the data directory at run time (GPL-3.0, never shipped), the dropped
examples kept as ``excluded`` raw rows with ``source_line``, and words the model reads as <unk>
only excluded per model."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from xlmaudit.datasets.seat import SETS, SeatTest, WordSet
from xlmaudit.datasets.weathub import VARIANTS, Dropped, WeathubTest, folder, weathub_tests
from xlmaudit.probes.seat_items import SeatItem, limited, make_item

if TYPE_CHECKING:
    from xlmaudit.probes import RunContext
    from xlmaudit.requests import Scorer
    from xlmaudit.spec import ProbeSpec


def validate_weathub(probe: ProbeSpec) -> None:
    at = probe.at("weathub")
    if {"tests", "inline", "data"} & set(probe.options):
        raise at.error("weathub replaces tests, inline and data; give only one of them")
    variants = probe.options["weathub"]
    if not variants:
        raise at.error("weathub: name at least one variant")
    for v in variants:
        if v not in VARIANTS:
            raise at.error(f"weathub variant {v!r} not one of {', '.join(VARIANTS)}")
        if not weathub_tests(probe.language, v):
            raise at.error(f"WEATHub has no folder {folder(probe.language, v)} "
                           f"(language {probe.language!r}, variant {v!r})")  # fmt: skip


def weathub_items(probe: ProbeSpec, ctx: RunContext) -> list[SeatItem]:
    """One item per WEATHub test of the probe's language in each variant; every file's dropped
    examples go into ``meta.json`` (``data.<source>``) and one notice line on stderr."""
    from xlmaudit.datasets import resolve_data_file
    from xlmaudit.datasets.weathub import load_weathub_test

    items, n_dropped = [], 0
    for variant in probe.options["weathub"]:
        for name in weathub_tests(probe.language, variant):
            source = f"weathub-{folder(probe.language, variant)}-{name}"
            path = resolve_data_file(source, data_dir=ctx.data_dir)
            ctx.record_data(source, path)
            loaded = load_weathub_test(path, probe.language, variant)
            status = ctx.data_status.setdefault(source, {})
            n_dropped += 0 if "n_excluded" in status else len(loaded.dropped)  # once per file
            _record_weathub(status, loaded)
            items.append(weathub_item(loaded, ctx))
    if n_dropped:
        print(f"weathub ({probe.language}): {n_dropped} example(s) dropped (known 'nan' rows, "
              "repeats within a set), counted in n_excluded, listed with file:line in "
              "meta.json", file=sys.stderr)  # fmt: skip
    return items


def _record_weathub(status: dict, loaded: WeathubTest) -> None:
    status["n_kept"] = sum(len(w.examples) for w in loaded.test.sets().values())
    status["n_excluded"] = len(loaded.dropped)
    status["excluded"] = [f"{d.where}: {d.set} {d.word!r}: {d.reason}" for d in loaded.dropped]
    status["kept_with_note"] = list(loaded.notes)


def weathub_item(loaded: WeathubTest, ctx: RunContext) -> SeatItem:
    test = limited(loaded.test, ctx)
    lines = {k: loaded.lines[k][: len(w.examples)] for k, w in test.sets().items()}
    return make_item(test, loaded.variant, lines=lines, dropped=loaded.dropped)


UNREADABLE = "every piece of the word is unknown to the model (<unk> only): no encoding of it"


def readable(item: SeatItem, scorer: Scorer) -> SeatItem:
    """``item`` without the words the model reads as <unk> only (no non-special piece), which
    become dropped rows; a test left with an empty set keeps no word at all (it has no d)."""
    keep = {k: [any(not s for s in scorer.tokenize(w).special) for w in ws.examples]
            for k, ws in item.test.sets().items()}  # fmt: skip
    if all(all(v) for v in keep.values()):
        return item
    emptied = not all(any(v) for v in keep.values())
    sets, lines, dropped = {}, {}, list(item.dropped)
    reason = UNREADABLE if not emptied else "a set of the test has no word the model reads"
    for k, ws in item.test.sets().items():
        rows = list(zip(ws.examples, item.lines[k], keep[k], strict=True))
        ok = [(w, x) for w, x, f in rows if f and not emptied]
        sets[k] = WordSet(ws.category, tuple(w for w, _ in ok))
        lines[k] = tuple(x for _, x in ok)
        dropped += [Dropped(k, ws.category, w, x, "unknown", reason)
                    for w, x, f in rows if not f or emptied]  # fmt: skip
    test = SeatTest(item.test.name, **sets)
    return replace(item, test=test, lines=lines, dropped=tuple(dropped))


def unreadable_notice(probe: ProbeSpec, items: list[SeatItem]) -> None:
    """One stderr line when the model read some words as <unk> only (model-dependent drops)."""
    n = sum(d.code == "unknown" for it in items for d in it.dropped)
    lost = sum(1 for it in items if it.lines is not None and not it.rows())
    if n:
        print(f"{probe.id}: {n} word(s) the model reads as <unk> only excluded (raw: excluded, "
              f"n_excluded); {lost} of {len(items)} test(s) left without a set, so without a d",
              file=sys.stderr)  # fmt: skip


def with_sources(frame: pd.DataFrame, item: SeatItem) -> pd.DataFrame:
    """``source_line`` of every scored row, then the dropped examples as ``excluded`` rows."""
    frame = frame.assign(source_line=[line for k in SETS for line in item.lines[k]], excluded="")
    if not item.dropped:
        return frame
    dropped = pd.DataFrame(
        {
            "item_id": item.id,
            "test": item.test.name,
            "domain": item.domain,
            "set": [d.set for d in item.dropped],
            "category": [d.category for d in item.dropped],
            "sentence": [d.word for d in item.dropped],
            "source_line": [d.where for d in item.dropped],
            "excluded": [d.reason for d in item.dropped],
        }
    )
    return pd.concat([frame, dropped], ignore_index=True)
