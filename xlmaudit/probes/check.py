"""The validation step: a generically parsed probe (:func:`xlmaudit.spec.parse_suite`) checked
against its registered kind.

The spec parser knows no kinds; this step looks the kind up, rejects keys the kind does not
declare (options, or ``templates``/``slots`` for a kind without templates), requires templates
where the kind uses them, drops the template slots the kind fills itself from ``slots`` and
checks that every other slot has a lexicon, checks the ``[MASK]`` count of each template and
runs the kind's own :meth:`~xlmaudit.probes.ProbeKind.validate`. Errors name file and line.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from xlmaudit.probes import ProbeKind, get_kind
from xlmaudit.requests import MASK
from xlmaudit.spec import PROBE_COMMON, ProbeSpec, SuiteSpec


def check_probe(probe: ProbeSpec) -> ProbeSpec:
    """``probe`` checked against its kind; returns it with the kind-filled slots left out."""
    kind = get_kind(probe.kind, where=probe.at("kind"))
    allowed = PROBE_COMMON | set(kind.options)
    if not kind.uses_templates:
        allowed -= {"templates", "slots"}
    for key in probe.key_lines:
        if key not in allowed:
            raise probe.at(key).error(
                f"unknown key {key!r} in probe {probe.id!r} (kind {kind.name}) "
                f"(allowed: {', '.join(sorted(allowed))})"
            )
    if kind.uses_templates and "templates" not in probe.key_lines:
        raise probe.at().error(f"probe {probe.id!r} is missing required key 'templates'")
    checked = replace(probe, slots=MappingProxyType(_slots(probe, kind)))
    _check_masks(checked, kind.mask)
    kind.validate(checked)
    return checked


def check_suite(suite: SuiteSpec) -> SuiteSpec:
    """Every probe of ``suite`` checked (in order), then probe ids checked for duplicates."""
    probes = tuple(check_probe(p) for p in suite.probes)
    seen: dict[str, int] = {}
    for probe in probes:
        if probe.id in seen:
            raise probe.where.error(f"duplicate probe id {probe.id!r} (line {seen[probe.id]})")
        seen[probe.id] = probe.where.line
    return replace(suite, probes=probes)


def _slots(probe: ProbeSpec, kind: ProbeKind) -> dict[str, str]:
    """Slot -> lexicon for the slots the kind does not fill; an undefined lexicon is an error."""
    out: dict[str, str] = {}
    for tpl in probe.templates:
        for slot in tpl.slots:
            if slot in kind.reserved_slots:
                continue
            lex = probe.slots[slot]
            if lex not in probe.lexicons:
                raise tpl.where.error(
                    f"probe {probe.id!r}: template {tpl.id!r} uses slot {{{slot}}} but no lexicon "
                    f"{lex!r} is defined"
                )
            out[slot] = lex
    return out


def _check_masks(spec: ProbeSpec, mask: str) -> None:
    for tpl in spec.templates:
        count = tpl.text.count(MASK)
        if mask == "one" and count != 1:
            raise tpl.where.error(
                f"probe {spec.id!r}: template {tpl.id!r} must contain exactly one {MASK} "
                f"(found {count}): {tpl.text!r}"
            )
        if mask == "none" and count:
            raise tpl.where.error(
                f"probe {spec.id!r}: template {tpl.id!r} must not contain {MASK} "
                f"(kind {spec.kind} scores whole sentences): {tpl.text!r}"
            )
