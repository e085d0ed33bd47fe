"""Shared test settings.

Tiny models run much faster on one thread (threads only fight over the CI machine's 2 cores);
set XLMAUDIT_TEST_THREADS to change it.
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", os.environ.get("XLMAUDIT_TEST_THREADS", "1"))

try:
    import torch
except ImportError:  # pragma: no cover - torch is a hard dependency
    torch = None

if torch is not None:
    torch.set_num_threads(int(os.environ["OMP_NUM_THREADS"]))
