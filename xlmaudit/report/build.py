"""Build what a run directory's readers need: figures/, report.html, report.md, model_card.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xlmaudit.report import provenance as prov
from xlmaudit.report.card import data_blocks, model_card_text
from xlmaudit.report.content import report_blocks
from xlmaudit.report.figures import SavedFigure, build_figures
from xlmaudit.report.render import render_html, render_markdown
from xlmaudit.report.run import load_run_data as load_run


@dataclass(frozen=True)
class ReportFiles:
    """Paths written by ``build_report``."""

    html: Path
    markdown: Path
    model_card: Path
    figures: tuple[SavedFigure, ...]


def build_report(run_dir: str | Path) -> ReportFiles:
    """(Re)build ``figures/``, ``report.html``, ``report.md``, ``model_card.md`` in ``run_dir``."""
    run = load_run(run_dir)
    figures = build_figures(run)
    blocks = report_blocks(run, figures)
    blocks[1:1] = data_blocks(run)  # modified benchmark data: said under the title
    title = f"xlmaudit report: {prov.model_name(run.meta)}"
    html_path = run.path / "report.html"
    html_path.write_text(render_html(blocks, title=title), encoding="utf-8")
    md_path = run.path / "report.md"
    md_path.write_text(render_markdown(blocks, base=run.path), encoding="utf-8")
    card_path = run.path / "model_card.md"
    card_path.write_text(model_card_text(run), encoding="utf-8")
    return ReportFiles(html_path, md_path, card_path, tuple(figures))
