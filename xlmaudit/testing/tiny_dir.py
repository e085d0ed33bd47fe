"""``tiny_model_dir``: each tiny test model built once per process, English
(:mod:`xlmaudit.testing.tiny`) or multilingual (:mod:`xlmaudit.testing.tiny_multilingual`).

Its own module so that neither builder module imports the other's dispatcher (no import cycle).
"""

from __future__ import annotations

from pathlib import Path

from xlmaudit.testing import tiny_multilingual as tm
from xlmaudit.testing.tiny import make_tiny_bert, make_tiny_roberta, make_tiny_xlm

_BUILT: dict[tuple[str, int], Path] = {}


def tiny_model_dir(kind: str = "xlm", *, n_langs: int = 1) -> Path:
    """A tiny model built once per process in a temporary directory: xlm, bert, roberta, xlmr,
    mbert, or a hub XLM name of ``checkpoints.XLM_CHECKPOINTS`` (``make_tiny_xlm_like``).

    Treat the directory as read-only; build your own with ``make_tiny_*`` to modify one. It is
    removed when the process exits.
    """
    import atexit
    import shutil
    import tempfile

    key = (kind, n_langs)
    if key not in _BUILT:
        out = Path(tempfile.mkdtemp(prefix=f"xlmaudit-tiny-{kind}-"))
        atexit.register(shutil.rmtree, out, ignore_errors=True)
        if kind == "xlm":
            _BUILT[key] = make_tiny_xlm(out, n_langs=n_langs)
        elif kind == "bert":
            _BUILT[key] = make_tiny_bert(out)
        elif kind == "roberta":
            _BUILT[key] = make_tiny_roberta(out)
        else:
            builders = {"xlmr": tm.make_tiny_xlmr, "mbert": tm.make_tiny_mbert}
            if kind in tm.XLM_CHECKPOINTS:
                _BUILT[key] = tm.make_tiny_xlm_like(out, kind)
            elif kind in builders:
                _BUILT[key] = builders[kind](out)
            else:
                known = ", ".join(["xlm", "bert", "roberta", *builders, *tm.XLM_CHECKPOINTS])
                raise ValueError(f"unknown tiny model kind {kind!r} ({known})")
    return _BUILT[key]
