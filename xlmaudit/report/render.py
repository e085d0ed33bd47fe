"""Render a report, held as a list of blocks, to one self-contained HTML file or to Markdown.

Every piece of text is escaped here, in one place: HTML with ``html.escape``, Markdown with
backslash escapes and HTML entities. Figures are embedded in HTML as base64 ``data:`` URIs and
linked by relative path in Markdown. The HTML's Content-Security-Policy forbids every external load;
its one inline script (allowed by hash) marks figures that decoded, for browser tests.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    warning: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Image:
    path: Path
    caption: str
    alt: str = field(default="")


@dataclass(frozen=True)
class Details:
    """A collapsible section: ``<details>`` in HTML (closed), its title as a heading in Markdown."""

    title: str
    blocks: tuple  # of Block
    level: int = 2


@dataclass(frozen=True)
class Section:
    """A block group with an ``id`` (HTML ``<section id=...>``; Markdown: the blocks alone)."""

    id: str
    blocks: tuple  # of Block


Block = Heading | Para | Bullets | Table | Image | Details | Section

MARK_FIGURES_JS = (
    "window.addEventListener('load',function(){var n=0,imgs=document.images;"
    "for(var i=0;i<imgs.length;i++){var ok=imgs[i].complete&&imgs[i].naturalWidth>0;"
    "imgs[i].setAttribute('data-loaded',ok?'yes':'no');if(ok){n++;}}"
    "document.body.setAttribute('data-figures-loaded',n+'/'+imgs.length);"
    "var f=document.getElementById('findings');if(f){var r=f.getBoundingClientRect();"
    "document.body.setAttribute('data-findings-top',Math.round(r.top+window.scrollY));"
    "var t=f.querySelector('table');if(t){var q=t.getBoundingClientRect();"
    "document.body.setAttribute('data-findings-table-bottom',"
    "Math.round(q.bottom+window.scrollY));}}});"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(MARK_FIGURES_JS.encode()).digest()).decode()
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
    "color:#222;line-height:1.45}table{border-collapse:collapse;margin:.6em 0;font-size:.88em;"
    "display:block;overflow-x:auto}"
    "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}td:first-child{max-width:22em}"
    "th{background:#f3f3f3}.warning{background:#fff3cd;border-left:4px solid #e0a800;"
    "padding:.5em 1em}figure{margin:1em 0}img{max-width:100%}"
    "#summary img{max-height:360px;width:auto}figcaption{font-size:.88em;"
    "color:#555}caption{text-align:left;font-style:italic;color:#555}"
    "details{margin:.6em 0;border-top:1px solid #ddd;padding-top:.3em}"
    "summary{cursor:pointer;font-weight:600;font-size:1.1em}"
)


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def _html_block(block: Block) -> str:
    if isinstance(block, Details):
        inner = "\n".join(_html_block(b) for b in block.blocks)
        return f"<details><summary>{_esc(block.title)}</summary>\n{inner}\n</details>"
    if isinstance(block, Section):
        inner = "\n".join(_html_block(b) for b in block.blocks)
        return f'<section id="{_esc(block.id)}">\n{inner}\n</section>'
    if isinstance(block, Heading):
        return f"<h{block.level}>{_esc(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        cls = ' class="warning"' if block.warning else ""
        return f"<p{cls}>{_esc(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        cap = f"<caption>{_esc(block.caption)}</caption>" if block.caption else ""
        head = "".join(f"<th>{_esc(c)}</th>" for c in block.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in block.rows
        )
        return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    data = base64.b64encode(block.path.read_bytes()).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{_esc(block.alt or block.caption)}">'
        f"<figcaption>{_esc(block.caption)}</figcaption></figure>"
    )


def render_html(blocks: list[Block], *, title: str) -> str:
    """One self-contained HTML document: inline CSS, embedded PNGs, no external references."""
    body = "\n".join(_html_block(b) for b in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(CSP)}">'
        f'<meta name="referrer" content="no-referrer"><title>{_esc(title)}</title>'
        f"<style>{STYLE}</style><script>{MARK_FIGURES_JS}</script></head>\n<body>\n{body}\n"
        "</body></html>\n"
    )


_MD_SPECIAL = "\\`*_{}[]|~"
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = ("#", "+", "-", ">", "=")


def md_escape(text: str, *, line_start: bool = False) -> str:
    """Escape ``text`` so Markdown shows it literally (no markup, no raw HTML)."""
    out = _ENTITY.sub("&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in out)
    out = " ".join(out.splitlines())
    return "\\" + out if line_start and out.startswith(_MD_LINE_START) else out


def _md_block(block: Block, base: Path) -> str:
    if isinstance(block, Details):
        head = "#" * block.level + " " + md_escape(block.title)
        return "\n\n".join([head, *(_md_block(b, base) for b in block.blocks)])
    if isinstance(block, Section):
        return "\n\n".join(_md_block(b, base) for b in block.blocks)
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_escape(block.text)
    if isinstance(block, Para):
        if block.warning:
            return "> **Warning:** " + md_escape(block.text)
        return md_escape(block.text, line_start=True)
    if isinstance(block, Bullets):
        return "\n".join(f"- {md_escape(i)}" for i in block.items)
    if isinstance(block, Table):
        lines = [f"*{md_escape(block.caption)}*", ""] if block.caption else []
        lines.append("| " + " | ".join(md_escape(c) for c in block.columns) + " |")
        lines.append("|" + "---|" * len(block.columns))
        lines += ["| " + " | ".join(md_escape(v) for v in row) + " |" for row in block.rows]
        return "\n".join(lines)
    rel = Path(os.path.relpath(block.path, base)).as_posix()
    return f"![{md_escape(block.alt or block.caption)}]({rel})\n\n*{md_escape(block.caption)}*"


def render_markdown(blocks: list[Block], *, base: Path) -> str:
    """Markdown with figures linked relative to ``base`` (the folder the file is written to)."""
    return "\n\n".join(_md_block(b, base) for b in blocks) + "\n"
