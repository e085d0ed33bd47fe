"""The notebooks: committed without outputs, and executed (nbclient) against the planted model."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
NOTEBOOKS = (
    "01_quickstart.ipynb", "02_attributions.ipynb", "03_comparison.ipynb", "04_multilingual.ipynb",
)  # fmt: skip
PRIVATE = ("xlmaudit.cli", "cli import main", "xlmaudit.report.frames", "report import frames")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_uses_the_public_api_only(name):
    """The notebooks call audit / load_run / compare, never the command line or report internals."""
    book = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    source = "\n".join(c.source for c in book.cells if c.cell_type == "code")
    assert [p for p in PRIVATE if p in source] == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_with_outputs_stripped(name):
    book = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    nbformat.validate(book)
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code, f"{name} has no code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, f"{name}: outputs not stripped"


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_against_the_planted_model(name, tmp_path, monkeypatch):
    monkeypatch.setenv("XLMAUDIT_DATA_DIR", str(DATA))
    monkeypatch.setenv("XLMAUDIT_NOTEBOOK_OUT", str(tmp_path))
    monkeypatch.setenv("XLMAUDIT_NOTEBOOK_LIMIT", "24")
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel picks its inline backend
    path = ROOT / "notebooks" / name
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{name} drew no figure"
    if name == "02_attributions.ipynb":  # items aligned by id: every planted cue is found
        text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
        assert "largest |attribution| on the planted cue in 12 of 12 items" in text
