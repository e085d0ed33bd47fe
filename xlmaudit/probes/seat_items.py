"""The seat kind's item: one SEAT / WEAT test, its id, and (WEATHub) where each word came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from xlmaudit.datasets.seat import SeatTest, domain_of
from xlmaudit.datasets.weathub import Dropped

if TYPE_CHECKING:
    from xlmaudit.probes import RunContext


@dataclass
class SeatItem:
    """One SEAT test; ``id`` is ``<name>-<hash of its content>``."""

    id: str
    test: SeatTest
    domain: str
    lines: dict[str, tuple[str, ...]] | None = None  # per set, file:line of each example
    dropped: tuple[Dropped, ...] = ()  # examples left out (WEATHub), kept in raw as excluded

    def rows(self) -> list[tuple[str, str, str]]:
        """(set, category, sentence) in request order: targ1, targ2, attr1, attr2."""
        return [(k, s.category, ex) for k, s in self.test.sets().items() for ex in s.examples]


def make_item(test: SeatTest, domain: str | None = None, **extra) -> SeatItem:  # noqa: ANN003
    """The item of ``test``, in its bias-bench domain unless ``domain`` is given."""
    item = SeatItem("", test, domain_of(test.name) if domain is None else domain, **extra)
    text = "\n".join(f"{k}\t{c}\t{e}" for k, c, e in item.rows())
    item.id = f"{test.name}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
    return item


def limited(test: SeatTest, ctx: RunContext) -> SeatTest:
    """``test`` cut to ``ctx.limit`` examples per set (``--limit``), else unchanged."""
    return test if ctx.limit is None else test.head(ctx.limit)
