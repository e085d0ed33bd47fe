"""xlmaudit: audit masked language models for social bias."""

__version__ = "0.1.0"
