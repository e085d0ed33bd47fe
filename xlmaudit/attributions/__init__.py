"""Attribution results as tidy frames, word aggregation, pair slots and an HTML view (no torch).

The Captum side lives in :mod:`xlmaudit.inference.attribution`; everything here works on
``AttributionResponse`` objects (numpy) and pandas frames.
"""

from __future__ import annotations

from xlmaudit.attributions.aggregate import top_words
from xlmaudit.attributions.frame import FRAME_COLUMNS, token_frame, word_frame
from xlmaudit.attributions.html import to_html
from xlmaudit.attributions.pairs import slot_contrast
from xlmaudit.attributions.result import Explanations

__all__ = [
    "FRAME_COLUMNS",
    "Explanations",
    "slot_contrast",
    "to_html",
    "token_frame",
    "top_words",
    "word_frame",
]
