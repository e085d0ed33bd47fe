"""The findings page at 1,280 x 1,000 px in headless Chromium (issue 24 item 5): the summary
sentences (the first paragraph of the element with id ``summary``) and the first figure within the
first 1,000 px, no horizontal scroll, every figure's alt text naming groups of the run.

Two reports: the committed example ``reports/planted-bilingual/report.html`` and one built in
the test from the small fake run (``write_fake_run``). A copy of each page gets one measuring
script (its hash added to the page's Content-Security-Policy, which otherwise stays as it is);
the script writes its measurements as JSON into the DOM after load, and ``--dump-dom`` reads
them back. Skipped only when no Chromium binary is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from xlmaudit.report import build_report, frames
from xlmaudit.report.load import load_run
from xlmaudit.testing.browser import CHROMIUM_NAMES, open_page
from xlmaudit.testing.fixtures import write_fake_run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "reports" / "planted-bilingual"
WIDTH, HEIGHT = 1280, 1000

pytestmark = pytest.mark.skipif(
    not any(shutil.which(n) for n in CHROMIUM_NAMES), reason="no chromium binary installed"
)

MEASURE_JS = (
    "window.addEventListener('load',function(){var d=document.documentElement;"
    "function bottom(e){if(!e){return null;}var r=e.getBoundingClientRect();"
    "return Math.round(r.bottom+window.scrollY);}"
    "var imgs=document.images,alts=[],wide=[];"
    "for(var i=0;i<imgs.length;i++){alts.push(imgs[i].getAttribute('alt')||'');}"
    "var all=document.body.getElementsByTagName('*');"
    "for(var j=0;j<all.length&&wide.length<5;j++){var r=all[j].getBoundingClientRect();"
    "if(r.right>d.clientWidth+1&&r.width>0){wide.push(all[j].tagName+' '+Math.round(r.right));}}"
    "var out={innerWidth:window.innerWidth,scrollWidth:d.scrollWidth,clientWidth:d.clientWidth,"
    "summary:!!document.getElementById('summary'),"
    "summaryBottom:bottom(document.querySelector('#summary p')),"
    "imgBottom:bottom(imgs.length?imgs[0]:null),alts:alts,wide:wide};"
    "var p=document.createElement('pre');p.id='xlmaudit-measure';"
    "p.textContent=JSON.stringify(out);document.body.appendChild(p);});"
)


def with_measure(page: Path, out: Path) -> Path:
    """A copy of ``page`` with the measuring script, allowed by its hash in the page's CSP."""
    text = page.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(MEASURE_JS.encode()).digest()).decode()
    text, n = re.subn(r"script-src ", f"script-src 'sha256-{digest}' ", text, count=1)
    assert n == 1, "the report has no script-src in its Content-Security-Policy"
    text = text.replace("</head>", f"<script>{MEASURE_JS}</script></head>", 1)
    out.write_text(text, encoding="utf-8")
    return out


def measure(page: Path, tmp: Path) -> dict:
    """What the measuring script recorded for ``page`` at 1,280 x 1,000 px."""
    copy = with_measure(page, tmp / "measured.html")
    dom = open_page(copy, workdir=tmp / "chromium", size=(WIDTH, HEIGHT)).dom
    found = re.search(r'<pre id="xlmaudit-measure">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    data = json.loads(html.unescape(found.group(1)))
    assert data["innerWidth"] == WIDTH  # the window size took effect
    return data


def group_names(run_dir: Path) -> set[str]:
    """The run's groups: each probe's contrast groups (meta.json) and benchmark categories."""
    run = load_run(run_dir)
    names = {g for s in run.suites for p in frames.probes_of(run.summary, s)
             for g in run.meta.probe(s, p).contrast}  # fmt: skip
    levels = frames.level_of(run.summary)
    names |= set(run.summary.loc[levels.eq("category"), "group"].astype(str))
    return {n for n in names if n and n not in frames.OVERALL_GROUPS}


def check_page(data: dict, groups: set[str]) -> None:
    assert data["summary"], 'no element with id="summary"'
    assert data["summaryBottom"] is not None, "no summary sentences (<p>) in #summary"
    assert data["summaryBottom"] <= HEIGHT, data
    assert data["imgBottom"] is not None and data["imgBottom"] <= HEIGHT, data
    assert data["scrollWidth"] <= WIDTH, data["wide"]
    assert data["alts"], "no figures"
    lower = {g.lower() for g in groups}
    for alt in data["alts"]:
        assert alt.strip() and any(g in alt.lower() for g in lower), alt


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    run_dir = write_fake_run(tmp_path_factory.mktemp("browser-page") / "run")
    return run_dir, build_report(run_dir).html


def test_small_run_report_reads_in_one_screen(small, tmp_path):
    run_dir, page = small
    check_page(measure(page, tmp_path), group_names(run_dir))


def test_committed_bilingual_example_reads_in_one_screen(tmp_path):
    check_page(measure(EXAMPLE / "report.html", tmp_path), group_names(EXAMPLE))


def test_the_measurement_sees_a_wide_page_and_a_low_figure(tmp_path):
    """Control: a table wider than the window, a figure below the fold and an alt text without
    a group are each caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        "script-src 'none'\"></head><body>"
        '<section id="summary"><p>Summary.</p></section><div style="height:1200px"></div>'
        '<table style="width:2000px"><tr><td>wide</td></tr></table>'
        '<img alt="a picture" width="10" height="10" src="data:image/gif;base64,'
        'R0lGODlhAQABAAAAACw=">'
        "</body></html>",
        encoding="utf-8",
    )
    data = measure(page, tmp_path)
    assert data["summaryBottom"] <= HEIGHT
    assert data["imgBottom"] > HEIGHT and data["scrollWidth"] > WIDTH
    with pytest.raises(AssertionError):
        check_page(data, {"female"})
    assert data["alts"] == ["a picture"]
