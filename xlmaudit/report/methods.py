"""What each reported number means: metric labels and methods, from the kinds' declarations
(``metric_docs`` in ``xlmaudit/probes/*.py``). Caveats and citations are the suites' own
declarations (their cards in ``probes/*.yaml``, copied into ``meta.json``): see
:mod:`xlmaudit.report.statements`."""

from __future__ import annotations

from dataclasses import dataclass

from xlmaudit.probes import ProbeRecord, load_kinds


@dataclass(frozen=True)
class MetricInfo:
    """How to label and explain one summary metric."""

    label: str
    method: str
    reference: float | None = None
    headline: bool = False


def metric_info(
    metric: str, record: ProbeRecord | None = None, *, contrast: tuple[str, ...] = ()
) -> MetricInfo:
    """How to label and explain ``metric``: the doc its probe's kind declares (``record``, read
    from meta.json, names the groups); without a record, the first registered kind declaring the
    metric; a generic entry when no kind does."""
    doc = record.doc(metric) if record is not None else None
    if doc is None and record is None:
        for kind in load_kinds().values():
            doc = kind.doc(metric, contrast)
            if doc is not None:
                break
    if doc is None:
        return MetricInfo(metric, "see the suite card")
    main = record.main_metric if record is not None else ""
    headline = metric == main or (record is None and doc.reference is not None and bool(doc.above))
    return MetricInfo(doc.label, doc.method, doc.reference, headline)
