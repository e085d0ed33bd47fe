"""Speed-benchmark builders behind ``xlmaudit bench scorer`` and ``xlmaudit bench crows``.

They build random-weight models of the real architecture and time the inference core, so they
may import torch and transformers (the one place outside ``inference/`` and ``planted/train.py``
allowed to, see ARCHITECTURE.md); the scripts in the repository's ``bench/`` folder use them.
Nothing else in the package imports ``xlmaudit.bench``, except the ``bench`` commands at call time.
"""
