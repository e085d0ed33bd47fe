"""xlmaudit: audit masked language models for social bias.

``from xlmaudit import audit, load_run, compare, family`` (see :mod:`xlmaudit.api`). The names are
imported on first use, so ``import xlmaudit`` stays light (no torch, no pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from xlmaudit.api import Comparison, Family, Run, audit, compare, family, load_run
    from xlmaudit.errors import InputError

__all__ = ["Comparison", "Family", "InputError", "Run", "audit", "compare", "family", "load_run"]


def __getattr__(name: str) -> Any:
    """Import the public API on first use (``xlmaudit.audit`` imports ``xlmaudit.api``)."""
    if name == "InputError":
        from xlmaudit.errors import InputError

        return InputError
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("xlmaudit.api"), name)
    raise AttributeError(f"module 'xlmaudit' has no attribute {name!r}")
