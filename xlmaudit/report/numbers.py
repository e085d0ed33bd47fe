"""Numbers as report text: a value, a count, an interval."""

from __future__ import annotations

import math
from typing import Any


def fmt(value: Any, digits: int = 3) -> str:
    """A number for a table: ``digits`` decimals (tiny ones in e-notation), missing as empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        tiny = value != 0 and abs(value) < 10**-digits
        return f"{value:.2e}" if tiny else f"{value:.{digits}f}"
    return str(value)


def fmt_n(value: Any) -> str:
    """A count: an integer, missing as an empty cell."""
    return str(int(float(value))) if fmt(value) else ""


def interval(low: Any, high: Any) -> str:
    """``[low, high]``, or empty when the interval is missing."""
    return "" if fmt(low) == "" or fmt(high) == "" else f"[{fmt(low)}, {fmt(high)}]"
