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


# One rule for every number in a sentence (report findings, model card, cross-language lines):
# a value and its interval share one precision, two significant digits of the interval's
# half-width; shares and rates are printed as percentages (the metric's declared ``unit``).

PERCENT_UNITS = ("percent", "fraction")  # MetricDoc.unit values printed as percentages


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(float(x))


def decimals(value: Any, low: Any = None, high: Any = None) -> int:
    """Decimals for ``value`` and its interval: two significant digits of the half-width; with no
    interval (or one of zero width), three significant digits of the value."""
    if _finite(low) and _finite(high) and float(high) > float(low):
        half = (float(high) - float(low)) / 2
        return max(0, 1 - math.floor(math.log10(half)))
    if _finite(value) and float(value) != 0:
        return max(0, 2 - math.floor(math.log10(abs(float(value)))))
    return 1


def scale(unit: str) -> float:
    """The factor that turns a value of ``unit`` into what a sentence prints (fractions: x100)."""
    return 100.0 if unit == "fraction" else 1.0


def number(value: Any, places: int) -> str:
    """``value`` with ``places`` decimals; never ``-0.0``; missing as empty."""
    if not _finite(value):
        return ""
    text = f"{float(value):.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def estimate_parts(
    value: Any, low: Any = None, high: Any = None, unit: str = ""
) -> tuple[str, str]:
    """(``4.7%``, ``[4.1, 5.3]``): a value and its interval at one precision (:func:`decimals`),
    the percent sign after the value of a share or rate; (``not estimated``, "") without a value,
    and an empty interval where it is missing."""
    k = scale(unit)
    v, lo, hi = (float(x) * k if _finite(x) else None for x in (value, low, high))
    if v is None:
        return "not estimated", ""
    places = decimals(v, lo, hi)
    text = number(v, places) + ("%" if unit in PERCENT_UNITS else "")
    if lo is None or hi is None:
        return text, ""
    return text, f"[{number(lo, places)}, {number(hi, places)}]"


def estimate(value: Any, low: Any = None, high: Any = None, unit: str = "") -> str:
    """``4.7% [4.1, 5.3]``: :func:`estimate_parts` joined."""
    return " ".join(p for p in estimate_parts(value, low, high, unit) if p)


def distance(
    value: float, low: Any, high: Any, reference: float, unit: str = ""
) -> tuple[str, str]:
    """(``size``, ``[ci]``): how far ``value`` lies from ``reference`` and the interval of that
    distance, at the precision of :func:`estimate`; below the reference the interval is flipped
    exactly (``ref - high``, ``ref - low``)."""
    k = scale(unit)
    v, ref = float(value) * k, float(reference) * k
    lo, hi = (float(x) * k if _finite(x) else None for x in (low, high))
    places = decimals(v, lo, hi)
    above = v >= ref
    size = number(abs(v - ref), places) + ("%" if unit in PERCENT_UNITS else "")
    if lo is None or hi is None:
        return size, ""
    a, b = (lo - ref, hi - ref) if above else (ref - hi, ref - lo)
    return size, f"[{number(a, places)}, {number(b, places)}]"
