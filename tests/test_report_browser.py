"""report.html in a real browser (headless Chromium): every figure decodes, nothing is fetched.

Chromium is required: when it is missing this test fails (``.ci/run`` installs Debian's package).
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from xlmaudit.report import build_report
from xlmaudit.testing.browser import find_chromium, open_page, screenshot
from xlmaudit.testing.fixtures import write_fake_run

EXTERNAL = re.compile(
    r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|ftp:|//)""", re.I
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    find_chromium()  # fails here, with how to install it, when chromium is missing
    run_dir = write_fake_run(tmp_path_factory.mktemp("browser") / "run")
    return run_dir, build_report(run_dir)


def test_every_figure_loads_and_nothing_is_fetched(report, tmp_path):
    run_dir, files = report
    page = open_page(files.html, workdir=tmp_path / "chromium")
    n = len(files.figures)
    assert n >= 4
    # the report's own script (allowed by its CSP hash) marks each <img> after the load event
    assert f'data-figures-loaded="{n}/{n}"' in page.dom
    assert page.dom.count('data-loaded="yes"') == n and 'data-loaded="no"' not in page.dom
    external = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert external == []
    assert not EXTERNAL.search(page.dom)


def test_the_network_check_sees_an_external_load(tmp_path):
    """Control: the same harness does record a page's request to an outside address."""
    html = tmp_path / "leaky.html"
    html.write_text('<!DOCTYPE html><html><body><img src="http://192.0.2.7/x.png"></body></html>')
    page = open_page(html, workdir=tmp_path / "chromium")
    assert "http://192.0.2.7/x.png" in page.requests


def test_screenshot_of_the_report(report, tmp_path):
    _, files = report
    shot = screenshot(files.html, tmp_path / "report.png", workdir=tmp_path / "chromium")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    keep = os.environ.get("XLMAUDIT_SCREENSHOT_DIR")
    if keep:
        shutil.copy(shot, os.path.join(keep, "report_screenshot.png"))


def test_example_report_loads_in_chromium(tmp_path):
    """The committed example report (reports/planted) also decodes every figure, offline."""
    from pathlib import Path

    html = Path(__file__).resolve().parents[1] / "reports" / "planted" / "report.html"
    page = open_page(html, workdir=tmp_path / "chromium")
    n = page.dom.count("<img ")
    assert n >= 5 and f'data-figures-loaded="{n}/{n}"' in page.dom
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []


def test_findings_follow_the_summary(report, tmp_path):
    """The summary (sentences and figure, issue 24: tests/test_browser.py measures its place) opens
    the page; the findings section follows it and precedes the collapsed run provenance (the
    page's own script records the positions after layout)."""
    _, files = report
    page = open_page(files.html, workdir=tmp_path / "chromium")
    top = re.search(r'data-findings-top="(\d+)"', page.dom)
    bottom = re.search(r'data-findings-table-bottom="(\d+)"', page.dom)
    assert top and bottom, "no findings section in the report"
    assert int(top.group(1)) < int(bottom.group(1))
    html = files.html.read_text(encoding="utf-8")
    assert html.index('id="summary"') < html.index('id="findings"')
    assert html.index('id="findings"') < html.index("<summary>Run provenance</summary>")
    assert "prefers female (she) over male (he)" in page.dom or "prefers male (he)" in page.dom
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
