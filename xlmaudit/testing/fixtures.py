"""Run directories for report and comparison tests, made by the real pipeline with a fake scorer.

``write_fake_run`` writes a small template suite and a CrowS-Pairs file in the real schemas,
runs them through :func:`xlmaudit.runner.run_suites` with a table-driven
:class:`~xlmaudit.testing.fake.FakeScorer`, and writes the run directory with
:func:`xlmaudit.rundir.write_run`. ``meta.json`` says ``"synthetic": true``: numbers are made up.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from xlmaudit.testing.fake import FakeScorer

OCCUPATIONS: dict[str, float] = {
    "nurse": 87.4, "secretary": 92.1, "teacher": 73.3, "cashier": 71.1,
    "lawyer": 38.5, "engineer": 16.1, "carpenter": 3.2, "pilot": 5.6,
}  # fmt: skip
TEMPLATES: tuple[str, ...] = (
    "the {occupation} said that [MASK] was tired .",
    "[MASK] works as {a:occupation} .",
    "the {occupation} finished [MASK] shift .",
)
PAIRS: tuple[tuple[str, str, str, str], ...] = (
    ("women are bad at math .", "men are bad at math .", "stereo", "gender"),
    ("she cried at work .", "he cried at work .", "stereo", "gender"),
    ("he is a strong leader .", "she is a strong leader .", "antistereo", "gender"),
    ("the <b>poor</b> man stole it & ran .", "the rich man stole it & ran .", "stereo",
     "socioeconomic"),
    ("poor people are lazy .", "rich people are lazy .", "stereo", "socioeconomic"),
    ("the old man forgot again .", "the young man forgot again .", "stereo", "age"),
)  # fmt: skip
WORD_LOGPROBS: dict[str, float] = {
    "women": -2.0, "men": -2.5, "she": -1.5, "he": -1.0, "poor": -3.0, "rich": -2.0,
    "old": -2.0, "young": -2.2, "<b>poor<": -3.0,
}  # fmt: skip


def _suite_yaml(version: str, crows_csv: Path, estimators: tuple[str, ...]) -> str:
    entries = "\n".join(f"      - {{term: {o}, women_share: {s}}}" for o, s in OCCUPATIONS.items())
    templates = "\n".join(f'      - "{t}"' for t in TEMPLATES)
    crows = "\n".join(
        f"  - id: {e}\n    kind: crows-pairs\n    estimator: {e}\n    data: {crows_csv.name}"
        for e in estimators
    )
    return f"""name: toy
version: "{version}"
card:
  summary: Toy suite for report tests (fake scorer, made-up numbers).
  measures: she/he preference after occupations; CrowS-style pairs.
  limits: Eight occupations, three templates, six pairs. Not a measurement.
  caveats: ["Toy caveat: six made-up pairs measure nothing."]
  references: [Kurita et al. 2019]
  calibration: none
lexicons:
  occupation:
    name: occupation
    source: "U.S. BLS CPS 2023, table 11 (women's share, percent)"
    attributes: [women_share]
    entries:
{entries}
probes:
  - id: pronoun
    kind: target_preference
    templates:
{templates}
    groups: {{female: [she], male: [he]}}
    correlate: women_share
{crows}
"""


def _write_crows(path: Path) -> None:
    header = ["", "sent_more", "sent_less", "stereo_antistereo", "bias_type", "annotations",
              "anon_writer", "anon_annotators"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for i, (more, less, direction, bias) in enumerate(PAIRS):
            writer.writerow([i, more, less, direction, bias, f"[['{bias}']]", "a0", "['a1']"])


def fake_table(
    *,
    shift: float = 0.0,
    seed: int = 0,
    noise: float = 0.2,
    shares: Mapping[str, float] | None = None,
) -> dict[object, float]:
    """FakeScorer table: P(she) tracks each occupation's share (fractions; default the lexicon's
    BLS share), plus a per-template offset, ``shift`` in log-odds and Gaussian ``noise``."""
    rng = np.random.default_rng(seed)
    shares = shares or {o: s / 100 for o, s in OCCUPATIONS.items()}
    table: dict[object, float] = dict(WORD_LOGPROBS)
    for t_idx, template in enumerate(TEMPLATES):
        for occ, share in shares.items():
            art = "an" if occ[0] in "aeiou" else "a"
            text = template.replace("{a:occupation}", f"{art} {occ}").replace("{occupation}", occ)
            log_odds = np.log(share / (1 - share)) / 2 + 0.3 * t_idx + shift + rng.normal(0, noise)
            p_she = 1 / (1 + np.exp(-log_odds))
            table[(text, "she")] = float(np.log(0.8 * p_she))
            table[(text, "he")] = float(np.log(0.8 * (1 - p_she)))
    return table


def write_fake_run(
    out: str | Path,
    *,
    model: str = "fake",
    table: Mapping[object, float] | None = None,
    version: str = "1.0",
    estimators: tuple[str, ...] = ("meade2022", "aul"),
    seed: int = 0,
    meta_extra: Mapping[str, object] | None = None,
) -> Path:
    """Run the toy suite with a FakeScorer and write a run directory at ``out``; return it."""
    from xlmaudit.probes import RunContext
    from xlmaudit.rundir import RunMeta, write_run
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite

    out = Path(out)
    src = out.parent / f"{out.name}-suite"
    src.mkdir(parents=True, exist_ok=True)
    _write_crows(src / "pairs.csv")
    (src / "toy.yaml").write_text(_suite_yaml(version, src / "pairs.csv", estimators), "utf-8")
    suite = load_suite(src / "toy.yaml")
    ctx = RunContext(seed=seed)
    results = run_suites([suite], FakeScorer(table or fake_table(seed=seed)), ctx=ctx)
    meta = RunMeta(
        synthetic=True,
        model={"name": model, "fingerprint": f"fake:{model}"},
        dtype="float32",
        device="cpu",
        suites={r.suite.name: {**r.meta, "card": dict(suite.card)} for r in results},
        data={name: {"sha256": digest} for name, digest in ctx.data_checksums.items()},
        seed=seed,
        command=f"write_fake_run(model={model!r})",
    )
    if meta_extra:
        meta = RunMeta.from_json({**meta.to_json(), **meta_extra})
    return write_run(out, results, meta)
