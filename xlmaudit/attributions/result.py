"""The result object of an explanation run; displays itself as HTML in notebooks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from xlmaudit.attributions.aggregate import top_words
from xlmaudit.attributions.frame import token_frame, word_frame
from xlmaudit.attributions.html import html_page, to_html
from xlmaudit.requests import AttributionRequest, AttributionResponse


@dataclass(frozen=True)
class Explanations:
    """Tidy token attributions (``tokens``) with word, aggregate and HTML views."""

    tokens: pd.DataFrame

    @classmethod
    def from_responses(
        cls,
        requests: Sequence[AttributionRequest],
        responses: Sequence[AttributionResponse],
        *,
        item_ids: Sequence[str] | None = None,
    ) -> Explanations:
        frame = token_frame(
            responses,
            item_ids=item_ids,
            targets=[r.target for r in requests],
            contrasts=[r.contrast for r in requests],
        )
        return cls(frame)

    def words(self) -> pd.DataFrame:
        """Word-level attributions (token attributions summed per word)."""
        return word_frame(self.tokens)

    def top_words(self, **options: object) -> pd.DataFrame:
        """Words pushing most toward each group over items; see ``aggregate.top_words``."""
        return top_words(self.words(), **options)  # type: ignore[arg-type]

    def to_html(self, **options: object) -> str:
        return to_html(self.tokens, **options)  # type: ignore[arg-type]

    def html_page(self, **options: object) -> str:
        return html_page(self.tokens, **options)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return to_html(self.tokens, max_items=20)

    def __len__(self) -> int:
        return int(self.tokens.groupby(["item_id", "method", "target", "contrast"]).ngroups)
