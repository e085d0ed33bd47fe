"""``xlmaudit planted calibrate --dose``: train or load the dose family, audit each model, tabulate.

The family: the planted model trained at strengths ``DOSES`` x seeds ``DOSE_SEEDS`` at one size
(``SIZES``), cached under ``CACHE/models/<name>-<config hash>``; each model is audited
through :func:`xlmaudit.api.audit` (run directories under ``CACHE/runs/<name>``) and the figures of
:mod:`xlmaudit.planted.dose` are computed from the runs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from xlmaudit.planted.dose import DOSE_SEEDS, DOSES
from xlmaudit.planted.train import TrainConfig, train_planted

# tiny: seconds (CI, direction only); small: the CI retraining size (2,000 steps); shipped: the
# shipped model's recipe (5,000 steps), the size whose S < 1 members learn the pronoun at all
SIZES = ("tiny", "small", "shipped")


def family_config(size: str, strength: float, seed: int) -> TrainConfig:
    """The training settings of one family member (``size``: one of ``SIZES``)."""
    base = {"tiny": TrainConfig.tiny, "small": TrainConfig.small, "shipped": TrainConfig}[size]
    return replace(base(seed=seed), strength=strength)


def member_name(size: str, strength: float, seed: int) -> str:
    """``small-s0.25-seed1``: the model's and its run directory's readable name."""
    return f"{size}-s{strength:g}-seed{seed}"


def trained_member(
    cache: Path, size: str, strength: float, seed: int, log: Callable[[str], None] = print
) -> tuple[Path, dict]:
    """The model directory of one member: loaded from the cache when its config hash matches
    (``training.json`` present), else trained there. Returns (directory, training summary)."""
    cfg = family_config(size, strength, seed)
    out = cache / "models" / f"{member_name(size, strength, seed)}-{cfg.key()}"
    record = out / "training.json"
    if record.is_file():
        return out, json.loads(record.read_text())
    tmp = out.with_name(out.name + ".partial")
    summary = train_planted(tmp, cfg, log=lambda m: log(f"{out.name}: {m}"))
    tmp.rename(out)
    return out, summary


def train_family(
    cache: Path,
    size: str,
    *,
    doses: tuple[float, ...] = DOSES,
    seeds: tuple[int, ...] = DOSE_SEEDS,
    log: Callable[[str], None] = print,
) -> list[dict]:
    """Train or load every member; one record per model (strength, seed, path, train_seconds)."""
    rows = []
    for seed in seeds:
        for strength in doses:
            start = time.perf_counter()
            path, summary = trained_member(cache, size, strength, seed, log)
            rows.append(dict(strength=strength, seed=seed, name=member_name(size, strength, seed),
                             model=str(path), train_seconds=summary.get("train_seconds"),
                             wall_seconds=round(time.perf_counter() - start, 1)))  # fmt: skip
    return rows


def write_suites(cache: Path) -> dict[str, str]:
    """The family's suite files (by role): the shipped ``occupations`` and ``seat-planted``, the
    CrowS estimators on the planted pairs (``CACHE/suites/dose-crows.yaml``) and WinoBias's
    cloze probe (``CACHE/suites/winobias-cloze.yaml``)."""
    from xlmaudit.planted.dose import planted_pairs_csv
    from xlmaudit.spec import resolve_suite

    folder = cache / "suites"
    folder.mkdir(parents=True, exist_ok=True)
    pairs = folder / "planted_pairs.csv"
    planted_pairs_csv().to_csv(pairs)
    crows = resolve_suite("crows-pairs").read_text()
    head, probes = crows.split("\nprobes:\n")
    head = head.replace("name: crows-pairs", "name: dose-crows", 1)
    probes = probes.replace("    estimator: ", f"    data: {pairs}\n    estimator: ")
    (folder / "dose-crows.yaml").write_text(f"{head}\nprobes:\n{probes}")
    wino = resolve_suite("winobias")
    text = wino.read_text().replace("name: winobias", "name: winobias-cloze", 1)
    text = text.replace("lexicons/", f"{wino.parent}/lexicons/")
    (folder / "winobias-cloze.yaml").write_text(text.split("  - id: pll")[0])
    return {
        "occupations": "occupations",
        "crows": str(folder / "dose-crows.yaml"),
        "seat": "seat-planted",
        "winobias": str(folder / "winobias-cloze.yaml"),
    }


def audited(model: str, run_dir: Path, suites: dict[str, str], data_dir: Path | None):
    """The run of ``model`` on the family's suites: read back when ``run_dir`` holds one for this
    model, else audited there (:func:`xlmaudit.api.audit`, the one pipeline)."""
    from xlmaudit.api import audit, load_run

    if (run_dir / "meta.json").is_file():
        return load_run(run_dir)
    return audit(model, list(suites.values()), out=run_dir, data_dir=data_dir, device="cpu",
                 cache_dir=None, progress=False, report=False)  # fmt: skip


def measure_run(run, suites: dict[str, str]):
    """:func:`xlmaudit.planted.dose.run_measures` of one run (suite roles -> suite names)."""
    from xlmaudit.planted.dose import run_measures

    names = {role: Path(s).stem for role, s in suites.items()}
    return run_measures(run.summary, run.raw, names)


ROLES = ("occupations", "crows", "seat", "winobias")


def family_frames(cache: Path, size: str, doses, seeds, suites, data_dir, log=print):
    """(per-model bias frame, per-model tests frame, member records): train or load each member,
    audit it or read its run back (``CACHE/runs/<member>-<config hash>``), measure it."""
    import pandas as pd

    members = train_family(cache, size, doses=doses, seeds=seeds, log=log)
    biases, tests = [], []
    for m in members:
        run_dir = cache / "runs" / Path(m["model"]).name
        start = time.perf_counter()
        run = audited(m["model"], run_dir, suites, data_dir)
        m |= {"run": str(run_dir), "audit_seconds": round(time.perf_counter() - start, 1)}
        log(f"{m['name']}: run {run_dir}")
        b, t = measure_run(run, suites)
        keys = {"strength": m["strength"], "seed": m["seed"]}
        biases.append(b.assign(**keys))
        tests.append(t.assign(**keys))
    return pd.concat(biases, ignore_index=True), pd.concat(tests, ignore_index=True), members


def _family_arguments(args) -> tuple[tuple[float, ...], tuple[int, ...], list[str]]:
    """``--strengths``, ``--seeds`` and ``--probes`` parsed and checked (InputError naming one)."""
    from xlmaudit.errors import InputError
    from xlmaudit.planted.language import check_strength

    try:
        doses = tuple(float(s) for s in args.strengths.split(","))
        seeds = tuple(int(s) for s in args.seeds.split(","))
    except ValueError as exc:
        raise InputError(
            f"--strengths / --seeds: comma-separated numbers expected ({exc})"
        ) from exc
    for s in doses:
        check_strength(s)
    roles = args.probes.split(",")
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise InputError(f"--probes: unknown {', '.join(unknown)} (choose from {', '.join(ROLES)})")
    return doses, seeds, roles


def dose_main(args) -> int:
    """``xlmaudit planted calibrate --dose``: the table (``--out``), the per-model measures beside
    it (``<out stem>_models.csv``) and the figure (``--figure``, default ``<out>.png``)."""
    from xlmaudit.api import default_cache_dir
    from xlmaudit.planted.dose import dose_table, with_reference
    from xlmaudit.report.dose_plot import plot_dose_response

    cache = Path(args.cache or default_cache_dir().parent / "dose")
    doses, seeds, roles = _family_arguments(args)
    suites = {r: s for r, s in write_suites(cache).items() if r in roles}
    bias, tests, members = family_frames(cache, args.sizes, doses, seeds, suites, args.data_dir)
    table = dose_table(bias, tests)
    if args.reference:
        run = audited("planted", cache / "runs" / "shipped-planted", suites, args.data_dir)
        table = with_reference(table, measure_run(run, suites)[0])
    out = Path(args.out or cache / "dose_calibration.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    bias.to_csv(out.with_name(out.stem + "_models.csv"), index=False)
    figure = Path(args.figure or out.with_suffix(".png"))
    figure.parent.mkdir(parents=True, exist_ok=True)
    title = (f"planted family: size {args.sizes}, seeds {args.seeds}, S = {args.strengths}; "
             "95% intervals per model")  # fmt: skip
    plot_dose_response(bias, table, title=title).savefig(figure, dpi=110)
    print(table[["measure", "spearman", "fpr_s0", "n_tests_s0", "min_s_80"]].to_string(index=False))
    print(f"wrote {out}, {out.with_name(out.stem + '_models.csv')} and {figure}")
    return 0
