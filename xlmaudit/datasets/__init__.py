"""Benchmark loaders (CrowS-Pairs, StereoSet), data-file resolution and verified download."""

from xlmaudit.datasets.bec_pro import load_bec_pro
from xlmaudit.datasets.crows import load_crows_pairs
from xlmaudit.datasets.crows_multilingual import load_crows_multilingual
from xlmaudit.datasets.fetch import fetch, file_digests, verify
from xlmaudit.datasets.sources import SOURCES, DataSource, resolve_data_file
from xlmaudit.datasets.stereoset import load_stereoset
from xlmaudit.datasets.zhao_occupations import load_zhao_lists

__all__ = [
    "SOURCES",
    "DataSource",
    "fetch",
    "load_bec_pro",
    "file_digests",
    "load_crows_multilingual",
    "load_crows_pairs",
    "load_stereoset",
    "load_zhao_lists",
    "resolve_data_file",
    "verify",
]
