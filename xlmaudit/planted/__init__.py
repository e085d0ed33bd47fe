"""The planted-bias model: a small XLM trained on a synthetic corpus with known associations.

Public API (pure python, no torch): ``MODEL_DIR`` (the shipped model), ``truth()`` (the planted
truth table), ``stereotype_pairs()`` (CrowS-Pairs-style pairs on held-out frames) and
``cue_items()`` (attribution items whose decisive word is known).
"""

from __future__ import annotations

from pathlib import Path

from xlmaudit.planted.items import cue_items, occupation_items, stereotype_pairs
from xlmaudit.planted.truth import group_terms, truth

MODEL_DIR: Path = Path(__file__).resolve().parent / "model"

__all__ = ["MODEL_DIR", "cue_items", "group_terms", "occupation_items", "stereotype_pairs", "truth"]
