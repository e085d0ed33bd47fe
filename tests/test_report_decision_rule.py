"""One decision rule for "finding" (issue 24 item 2): Holm p < 0.05, n at least the kind's minimum
and the interval at the multiplicity-adjusted level excluding no bias; no table shows an
unadjusted interval or an "excludes no bias" flag beside a Holm p."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from scipy import stats

from xlmaudit.report import build_report
from xlmaudit.report.findings import findings
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import write_fake_run

# 62 of 100 pairs prefer the more-stereotyping sentence: exact 95% interval [51.7, 71.6]
# excludes 50; the p-value is set to 0.5 (as if from a test the interval does not show), so
# with every other p of the toy run at least 0.5, Holm over the 9 tests gives 1 everywhere.
K, N, P = 62, 100, 0.5


class _Tables(HTMLParser):
    """Every <table> of an HTML page as (header cells, rows of cells)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] = []
        self._head = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self.tables.append(([], []))
        elif tag in ("th", "td"):
            self._cell, self._head = [], tag == "th"
        elif tag == "tr":
            self._row = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self.tables:
            head, rows = self.tables[-1]
            (head.extend if self._head else rows.append)(self._row)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    parser = _Tables()
    parser.feed(text)
    return parser.tables


def md_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Markdown pipe tables as (header cells, rows), escapes removed."""
    out = []
    for block in re.findall(r"((?:^\|.*\|\n)+)", text + "\n", re.M):
        lines = [ln for ln in block.splitlines() if not re.fullmatch(r"\|(?:---\|)+", ln)]
        cells = [[c.strip().replace("\\", "") for c in ln.strip("|").split(" | ")] for ln in lines]
        out.append((cells[0], cells[1:]))
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    run_dir = write_fake_run(tmp_path_factory.mktemp("rule") / "run")
    path = run_dir / "summary.csv"
    summary = pd.read_csv(path)
    low, high = (100 * x for x in stats.binomtest(K, N).proportion_ci(method="exact"))
    crows = (summary.probe == "meade2022") & summary.group.isin(["all", "gender"])
    crows &= summary.metric == "pct_sent_more"
    summary.loc[crows, ["value", "ci_low", "ci_high", "n", "p_value"]] = [100 * K / N, low, high,
                                                                         N, P]  # fmt: skip
    summary.loc[crows, ["n_more", "n_less", "n_ties", "no_bias"]] = [K, N - K, 0, 50.0]
    # a bootstrap interval (log-odds, no counts): [0.1, 0.9] excludes 0, p = 0.5
    boot = (summary.probe == "pronoun") & (summary.level == "overall")
    boot &= summary.metric == "log_odds"
    summary.loc[boot, ["value", "ci_low", "ci_high", "p_value"]] = [0.5, 0.1, 0.9, P]
    summary.to_csv(path, index=False)
    return run_dir, build_report(run_dir)


def test_rows_whose_unadjusted_interval_excludes_no_bias_are_not_findings_at_holm_one(run):
    run_dir, _ = run
    table = findings(load_run(run_dir))
    m = int(table.p_value.notna().sum())
    assert m == 9 and (table.p_holm == 1.0).all()
    level = 1 - 0.05 / m
    rows = table[(table.probe == "meade2022") & table.group.isin(["all", "gender"])]
    assert len(rows) == 2 and rows.excludes.all() and not rows.finding.any()
    ci = stats.binomtest(K, N).proportion_ci(confidence_level=level, method="exact")
    assert rows.ci_low_adjusted.tolist() == pytest.approx([100 * ci.low] * 2)
    assert rows.ci_high_adjusted.tolist() == pytest.approx([100 * ci.high] * 2)
    assert (rows.ci_low_adjusted < 50).all()  # the adjusted interval holds no preference
    boot = table[table.probe == "pronoun"].iloc[0]
    assert bool(boot.excludes) and not bool(boot.finding)
    # widened by hand: each side's 0.4 times z(1 - 0.05 / 18) / z(0.975)
    ratio = stats.norm.ppf(1 - 0.05 / (2 * m)) / stats.norm.ppf(0.975)
    assert (boot.ci_low_adjusted, boot.ci_high_adjusted) == pytest.approx(
        (0.5 - 0.4 * ratio, 0.5 + 0.4 * ratio)
    )
    assert boot.ci_low_adjusted < 0 and "includes no preference" in boot.direction_adjusted


def _check_tables(tables: list[tuple[list[str], list[list[str]]]]) -> int:
    """No "excludes" column; no 95% interval beside a Holm p; every finding cell says no.
    Returns the number of finding cells checked."""
    checked = 0
    for head, rows in tables:
        assert not any("excludes" in h for h in head), head
        if any("p (Holm)" in h for h in head):
            assert not any("95% CI" in h for h in head), head
        if "finding" in head:
            col = head.index("finding")
            cells = [r[col] for r in rows]
            assert all(c.startswith("no") for c in cells), cells
            checked += len(cells)
    return checked


def test_no_column_of_the_report_or_card_calls_them_findings(run):
    _, files = run
    html = files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8").replace("\\[", "[").replace("\\]", "]")
    card = files.model_card.read_text(encoding="utf-8").replace("\\[", "[").replace("\\]", "]")
    for text in (html, md, card):
        assert "excludes no bias" not in text
    tables = html_tables(html)
    assert _check_tables(tables) >= 9  # 3 overall rows + 6 category rows
    # the meade2022 rows: finding "no", Holm p 1, the adjusted interval shown holds 50
    overall = next(t for t in tables if "finding" in t[0] and t[0][0] == "probe")
    row = next(r for r in overall[1] if r[0] == "toy/meade2022")
    assert row[-1] == "no" and row[-2] == "1.000"
    assert row[2] == "62% [48, 75]" and "[99.44% CI]" in overall[0][2]
    assert _check_tables(md_tables(md)) >= 9
    assert _check_tables(md_tables(card)) == 0  # the card has no findings table
    lines = [ln for ln in card.splitlines() if "meade2022 (pct" in ln]
    assert lines and all("not a finding" in ln for ln in lines)
    assert not re.findall(r"[,;(] a finding\b", card)  # nothing in this run is a finding
    # the unadjusted 95% intervals (which exclude no bias) appear only in the collapsed section
    # of unadjusted numbers, never beside a Holm p or a finding
    unadjusted = ("[0.10, 0.90]", "[51.7, 71.5]")  # exact: 62 of 100 is [51.74, 71.55]
    opened = re.sub(r"<details><summary>Unadjusted .*?</details>", "", html, flags=re.S)
    flat = re.sub(r"#### Unadjusted [^\n]*\n\n(?:\|[^\n]*\n)+", "", md)
    assert all(u in html and u in md for u in unadjusted)
    for text in (opened, flat, card):
        assert not [u for u in unadjusted if u in text]
