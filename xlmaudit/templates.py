"""Expand templates x lexicons into items (pure python, no model)."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xlmaudit.spec import SLOT_RE, LexiconEntry, ProbeSpec, Template

VOWEL_SOUND_EXCEPTIONS = {"honest": "an", "hour": "an", "honor": "an", "heir": "an"}
CONSONANT_SOUND_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once", "ukr", "ura")


@dataclass(frozen=True)
class Item:
    """One filled template. ``text`` keeps the kind's placeholders (``[MASK]``, reserved slots)."""

    id: str
    probe: str
    template_id: str
    text: str
    fillers: tuple[tuple[str, str], ...]  # (slot, term) in template order
    attrs: tuple[tuple[str, Any], ...] = ()  # ("slot.attribute", value) from the lexicons

    @property
    def slots(self) -> dict[str, str]:
        return dict(self.fillers)

    @property
    def attributes(self) -> dict[str, Any]:
        return dict(self.attrs)


def item_id(*parts: object) -> str:
    """Stable content-derived id: first 16 hex digits of sha256 of the JSON of ``parts``."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def article(word: str) -> str:
    """The indefinite article for ``word`` (a heuristic over spelling, with exceptions)."""
    low = word.lower()
    for prefix, art in VOWEL_SOUND_EXCEPTIONS.items():
        if low.startswith(prefix):
            return art
    if low.startswith(CONSONANT_SOUND_EXCEPTIONS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{slot}`` / ``{a:slot}`` for the slots in ``values``; others are left as is."""

    def sub(match: Any) -> str:
        art, slot = match.group(1), match.group(2)
        if slot not in values:
            return match.group(0)
        term = values[slot]
        return f"{article(term)} {term}" if art else term

    return SLOT_RE.sub(sub, text)


def expand_template(probe: ProbeSpec, template: Template) -> list[Item]:
    """Every combination of the template's lexicon slots (Cartesian product, lexicon order)."""
    slots = [s for s in template.slots if s in probe.slots]
    choices: list[tuple[LexiconEntry, ...]] = [probe.lexicon(s).entries for s in slots]
    items = []
    for combo in itertools.product(*choices):
        values = {s: e.term for s, e in zip(slots, combo, strict=True)}
        if len(set(values.values())) < len(values) and _same_lexicon(probe, slots):
            continue  # two slots from one lexicon never get the same term
        text = fill(template.text, values)
        attrs = tuple(
            (f"{s}.{k}", v) for s, e in zip(slots, combo, strict=True) for k, v in e.attrs.items()
        )
        items.append(
            Item(
                id=item_id(probe.id, text),
                probe=probe.id,
                template_id=template.id,
                text=text,
                fillers=tuple(values.items()),
                attrs=attrs,
            )
        )
    return items


def _same_lexicon(probe: ProbeSpec, slots: list[str]) -> bool:
    names = [probe.slots[s] for s in slots]
    return len(set(names)) < len(names)


def count_items(probe: ProbeSpec) -> int:
    """The number of items :func:`expand` builds, from lexicon sizes, without building them.

    Per template, the product over its lexicons of n * (n - 1) * ... for the slots sharing that
    lexicon (two slots of one lexicon never get the same term). Exact when lexicons share no
    terms, an upper bound otherwise. Probes without templates count 0.
    """
    total = 0
    for template in probe.templates:
        per_lexicon = Counter(probe.slots[s] for s in template.slots if s in probe.slots)
        total += math.prod(
            math.perm(len(probe.lexicons[lex].entries), k) for lex, k in per_lexicon.items()
        )
    return total


def expand(probe: ProbeSpec) -> list[Item]:
    """All items of a template probe, template by template; duplicate texts are an error."""
    items: list[Item] = []
    seen: dict[str, Item] = {}
    for template in probe.templates:
        for item in expand_template(probe, template):
            if item.id in seen:
                first = seen[item.id]
                raise template.where.error(
                    f"probe {probe.id!r}: templates {first.template_id!r} and {template.id!r} "
                    f"both produce {item.text!r}"
                )
            seen[item.id] = item
            items.append(item)
    return items


def slot_span(template: str, values: Mapping[str, str], slot: str) -> tuple[int, int]:
    """Character span of ``slot``'s term (without its article) in ``fill(template, values)``.

    The first occurrence of the slot counts.
    """
    match = next((m for m in SLOT_RE.finditer(template) if m.group(2) == slot), None)
    if match is None:
        raise KeyError(slot)
    prefix = fill(template[: match.start()], values)
    if match.group(1):
        prefix += article(values[slot]) + " "
    return len(prefix), len(prefix) + len(values[slot])
