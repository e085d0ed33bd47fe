"""Benchmark loaders (CrowS-Pairs, StereoSet), data-file resolution and verified download."""

from xlmaudit.datasets.crows import load_crows_pairs
from xlmaudit.datasets.crows_multilingual import load_crows_multilingual
from xlmaudit.datasets.fetch import fetch, file_digests, verify
from xlmaudit.datasets.sources import SOURCES, DataSource, resolve_data_file
from xlmaudit.datasets.stereoset import load_stereoset

__all__ = [
    "SOURCES",
    "DataSource",
    "fetch",
    "file_digests",
    "load_crows_multilingual",
    "load_crows_pairs",
    "load_stereoset",
    "resolve_data_file",
    "verify",
]
