"""HTML view: tokens coloured by attribution (every piece of text escaped with ``html.escape``)."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from xlmaudit.attributions.frame import piece_text

POSITIVE = (214, 39, 40)  # pushes toward the target
NEGATIVE = (31, 119, 180)  # pushes toward the contrast
_KEYS = ["item_id", "method", "target", "contrast"]
_STYLE = (
    "<style>.xa-exp{font-family:sans-serif;margin:0.6em 0}"
    ".xa-exp .h{color:#555;font-size:85%}.xa-exp span.t{padding:1px 2px;border-radius:3px}"
    ".xa-exp span.s{color:#999}</style>"
)


def _colour(value: float, scale: float) -> str:
    rgb = POSITIVE if value > 0 else NEGATIVE
    alpha = 0.0 if scale <= 0 or not np.isfinite(value) else min(1.0, abs(value) / scale)
    return f"rgba({rgb[0]},{rgb[1]},{rgb[2]},{alpha:.3f})"


def _header(first: pd.Series) -> str:
    contrast = f" − log P({first['contrast']})" if first["contrast"] else ""
    text = f"item {first['item_id']} · {first['method']} · F = log P({first['target']}){contrast}"
    text += f" = {first['value']:.4f}"
    if np.isfinite(first["delta"]):
        text += f" · IG delta {first['delta']:.2e} ({first['relative_delta']:.2%} of F(x)−F(b))"
    if first["mixed_piece_counts"]:
        text += " · target and contrast differ in piece count (confounded)"
    return f"<div class='h'>{html.escape(text)}</div>"


def _explanation(rows: pd.DataFrame) -> str:
    scale = rows.loc[~rows["special"] & ~rows["is_mask"], "attribution"].abs().max()
    spans = []
    words = rows["word_index"].tolist()
    for k, (_, r) in enumerate(rows.iterrows()):
        shown = "[MASK]" if r["is_mask"] else r["token"] if r["special"] else piece_text(r["token"])
        gap = " " if k + 1 < len(rows) and (words[k] < 0 or words[k + 1] != words[k]) else ""
        title = html.escape(f"{r['token']}: {r['attribution']:+.4g}", quote=True)
        if r["special"]:
            spans.append(f"<span class='s' title='{title}'>{html.escape(shown)}</span>{gap}")
            continue
        colour = _colour(float(r["attribution"]), float(scale))
        spans.append(
            f"<span class='t' style='background:{colour}' title='{title}'>"
            f"{html.escape(shown)}</span>{gap}"
        )
    return f"<div class='xa-exp'>{_header(rows.iloc[0])}<div>{''.join(spans)}</div></div>"


def to_html(tokens: pd.DataFrame, *, max_items: int = 50, title: str = "") -> str:
    """An HTML fragment for a ``token_frame``: one coloured sentence per explanation.

    Red pushes toward the target, blue toward the contrast; opacity is |attribution| relative to
    the largest context token of the same explanation. Hover shows the value.
    """
    parts = [_STYLE]
    if title:
        parts.append(f"<h3>{html.escape(title)}</h3>")
    groups = list(tokens.groupby(_KEYS, sort=False, dropna=False))
    for _, rows in groups[:max_items]:
        parts.append(_explanation(rows.sort_values("position")))
    if len(groups) > max_items:
        parts.append(f"<p>{html.escape(f'... {len(groups) - max_items} more explanations')}</p>")
    return "\n".join(parts)


def html_page(tokens: pd.DataFrame, *, title: str = "xlmaudit explanations") -> str:
    """A standalone HTML document around ``to_html``."""
    body = to_html(tokens, title=title, max_items=10**9)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>{body}</body></html>\n"
    )
