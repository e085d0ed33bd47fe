"""`xlmaudit compare` pairs SEAT runs by test: |d| per test, mean |d| = bias-bench's aggregate.

The pairing comes from the kind recorded in meta.json (``seat``: pairing ``score``, paired values
|d| per test), not from the raw frame's columns."""

import math

import pandas as pd
import pytest

from xlmaudit.paired import compare_probe
from xlmaudit.probes import probe_record

META = {"suites": {"seat": {"probes": {"mean": {"kind": "seat"}}}}}


def _raw(tests: dict[str, tuple[list[float], list[float]]]) -> pd.DataFrame:
    rows = []
    for test, (s_x, s_y) in tests.items():
        for key, values in (("targ1", s_x), ("targ2", s_y), ("attr1", [None]), ("attr2", [None])):
            rows += [{"item_id": f"{test}-h", "test": test, "domain": "gender", "set": key,
                      "association": v} for v in values]  # fmt: skip
    return pd.DataFrame(rows)


def test_seat_runs_pair_by_test():
    # s values {1, -.2 | .2, -1}: d = .8 / sqrt(2.08 / 3) = .960769 (tests/test_seat_metrics.py);
    # {1, 0 | 0, -1}: d = 1 / sqrt(2 / 3) = 1.224745; the mirror {.2, -1 | 1, -.2}: |d| .960769
    a = _raw({"t1": ([1, -0.2], [0.2, -1]), "t2": ([0.2, -1], [1, -0.2])})
    b = _raw({"t1": ([1, 0], [0, -1]), "t2": ([0.2, -1], [1, -0.2])})
    record = probe_record(META, "seat", "mean")
    assert record.main_metric == "effect_size" and record.kind.pairing == "score"
    (row,) = compare_probe(a, b, (record, record))
    d1, d2 = 0.8 / math.sqrt(2.08 / 3), math.sqrt(1.5)
    assert row["metric"] == "abs_effect_size" and row["n_shared"] == 2
    assert row["value_a"] == pytest.approx(d1)
    assert row["value_b"] == pytest.approx((d2 + d1) / 2)
    assert row["difference"] == pytest.approx((d2 - d1) / 2)
    assert row["test"] == "sign_test"  # one test differs, one is unchanged (zero dropped)


def test_unrecorded_kind_is_not_paired():
    # the same raw rows with no recorded kind: no column guessing, nothing compared
    a = _raw({"t1": ([1, -0.2], [0.2, -1])})
    assert compare_probe(a, a, (probe_record({}, "seat", "mean"),) * 2) == []
