"""The card of one summary metric a probe kind declares (:attr:`ProbeKind.metric_docs`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class MetricDoc:
    """The card of one summary metric: meaning, method, no-bias value and direction in words.

    In every text, ``{a}``/``{b}`` are the probe's contrast groups and ``{x}`` the first group of
    a ``pattern`` match. ``above``/``below`` may use ``{size}`` (distance from the reference) and
    ``{ci}`` (the interval of that distance), ``{value}`` and ``{interval}`` (as measured), and
    ``{column}`` for a text column of the summary row (SEAT: the test's ``target_x`` etc.).
    ``contrast`` ``"="`` means: the contrast of the score named by ``{x}``. ``unit``: ``"percent"``
    (values 0-100), ``"fraction"`` (a share or rate 0-1, printed in sentences as a percentage) or
    ``""`` (printed as is); sentences print ``{value}`` and ``{size}`` with their percent sign.
    ``count``: for a share with an exact (Clopper-Pearson) interval, the summary column holding
    the number of items on the share's side (the share is ``count`` of ``n``): the findings
    recompute the exact interval at the multiplicity-adjusted level from it. ``""``: none.
    """

    name: str
    label: str
    method: str
    reference: float | None = None
    contrast: str = ""
    above: str = ""
    below: str = ""
    pattern: bool = False
    unit: str = ""
    count: str = ""

    def matches(self, metric: str) -> re.Match[str] | None:
        """A match of ``metric`` against this doc's name (exact or pattern), else None."""
        return re.fullmatch(self.name if self.pattern else re.escape(self.name), metric)

    def filled(self, metric: str, a: str = "group A", b: str = "group B") -> MetricDoc:
        """This doc for ``metric`` with the groups and ``{x}`` written in."""
        match = self.matches(metric)
        x = match.group(1) if match and match.groups() else metric
        fields = FormatFields(a=a, b=b, x=x)  # {size}, {ci}, a column: kept for later

        def fill(text: str) -> str:
            return text.format_map(fields) if text else text

        return replace(self, name=metric, label=fill(self.label), method=fill(self.method),
                       above=fill(self.above), below=fill(self.below))  # fmt: skip


class FormatFields(dict):
    """Format fields that leave a name they do not know as ``{name}`` (filled in later)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
