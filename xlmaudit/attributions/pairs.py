"""Pair attributions: two sentences that differ in one slot become one masked contrast."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from xlmaudit.errors import InputError
from xlmaudit.requests import MASK, AttributionRequest

_TOKEN = re.compile(r"\w+|[^\w\s]")


def slot_contrast(a: str, b: str, *, item: str = "") -> tuple[str, str, str]:
    """(text with ``[MASK]`` at the differing slot, filler of ``a``, filler of ``b``).

    The slot is the single contiguous run of words (``\\w+`` or punctuation) where the
    sentences differ; the text around it must be identical. Case is kept.

    Raises:
        InputError: naming ``item`` when the sentences are equal or differ in more than one slot.
    """
    ta, tb = list(_TOKEN.finditer(a)), list(_TOKEN.finditer(b))
    ops = SequenceMatcher(
        None, [m.group() for m in ta], [m.group() for m in tb], autojunk=False
    ).get_opcodes()
    diff = [op for op in ops if op[0] != "equal"]
    where = f"item {item}: " if item else ""
    if len(diff) != 1:
        raise InputError(f"{where}the sentences differ in {len(diff)} slots, not 1: {a!r} / {b!r}")
    _, i1, i2, j1, j2 = diff[0]
    if i1 == i2 or j1 == j2:
        raise InputError(f"{where}one sentence only adds words to the other: {a!r} / {b!r}")
    start_a, end_a = ta[i1].start(), ta[i2 - 1].end()
    start_b, end_b = tb[j1].start(), tb[j2 - 1].end()
    if a[:start_a] != b[:start_b] or a[end_a:] != b[end_b:]:
        raise InputError(f"{where}the sentences differ in spacing outside the slot: {a!r} / {b!r}")
    fill_a, fill_b = a[start_a:end_a], b[start_b:end_b]
    if MASK in fill_a or MASK in fill_b or MASK in a:
        raise InputError(f"{where}sentences already contain {MASK}: {a!r}")
    return a[:start_a] + MASK + a[end_a:], fill_a, fill_b


def pair_request(a: str, b: str, *, item: str = "", **options: object) -> AttributionRequest:
    """The request attributing log P(filler a) - log P(filler b) at the slot to the context."""
    text, fill_a, fill_b = slot_contrast(a, b, item=item)
    return AttributionRequest(text, fill_a, fill_b, **options)  # type: ignore[arg-type]
