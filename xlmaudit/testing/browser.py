"""Open a report in headless Chromium: DOM after load, the page's network requests, a screenshot.

Used by the browser test of ``report.html``. The page's requests come from Chromium's NetLog
(``--log-net-log``): URL requests started on behalf of a page have an origin as initiator, while
the browser's own background requests have ``"not an origin"`` and are left out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from xlmaudit.errors import XlmauditError

CHROMIUM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
FLAGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    "--hide-scrollbars", "--virtual-time-budget=5000",
)  # fmt: skip


@dataclass(frozen=True)
class BrowserPage:
    """What Chromium did with one page."""

    dom: str
    requests: tuple[str, ...]


def find_chromium() -> str:
    """Path of a Chromium binary; an error saying how to install it when there is none."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise XlmauditError("chromium not found on PATH; install it (Debian: apt-get install chromium)")


def _run(args: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def page_requests(netlog: Path) -> tuple[str, ...]:
    """URLs of the URL requests a page started (not the browser's own), from a NetLog file."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in data["events"]:
        params = event.get("params", {})
        if event["type"] != start or "url" not in params:
            continue  # end-of-job events carry no URL
        if params.get("initiator") != "not an origin":
            urls.append(str(params.get("url", "")))
    return tuple(dict.fromkeys(urls))


def open_page(
    html: Path, *, workdir: Path, timeout: float = 180.0, size: tuple[int, int] | None = None
) -> BrowserPage:
    """Load ``html`` (a file) in headless Chromium; return the DOM after load and its requests.
    ``size``: the window's (width, height) in CSS pixels (Chromium's default otherwise)."""
    workdir.mkdir(parents=True, exist_ok=True)
    netlog = workdir / "netlog.json"
    window = [f"--window-size={size[0]},{size[1]}"] if size else []
    args = [find_chromium(), *FLAGS, *window, f"--user-data-dir={workdir / 'profile'}",
            f"--log-net-log={netlog}", "--dump-dom", html.resolve().as_uri()]  # fmt: skip
    proc = _run(args, timeout=timeout)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise XlmauditError(f"chromium failed on {html} (exit {proc.returncode}): "
                            f"{proc.stderr.strip()[-500:]}")  # fmt: skip
    return BrowserPage(dom=proc.stdout, requests=page_requests(netlog))


def screenshot(html: Path, out: Path, *, workdir: Path, width: int = 1100, height: int = 2400,
               timeout: float = 180.0) -> Path:  # fmt: skip
    """Save a PNG screenshot of ``html`` to ``out``; return ``out``."""
    args = [find_chromium(), *FLAGS, f"--user-data-dir={workdir / 'profile-shot'}",
            f"--window-size={width},{height}", f"--screenshot={out.resolve()}",
            html.resolve().as_uri()]  # fmt: skip
    proc = _run(args, timeout=timeout)
    if proc.returncode != 0 or not out.is_file():
        raise XlmauditError(f"chromium screenshot of {html} failed (exit {proc.returncode}): "
                            f"{proc.stderr.strip()[-500:]}")  # fmt: skip
    return out
