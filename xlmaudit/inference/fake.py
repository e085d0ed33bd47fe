"""Old import path of the fake scorer, kept for users: it lives in :mod:`xlmaudit.testing.fake`."""

from xlmaudit.testing.fake import FakeScorer

__all__ = ["FakeScorer"]
