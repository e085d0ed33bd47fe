"""Packaging beyond pyproject.toml: the top-level ``probes/`` (the one source of the shipped
suites) is installed as the package-data folder ``xlmaudit/_probes`` (its files: pyproject.toml
package-data), so that a wheel carries the suites; ``xlmaudit.spec.probes_dir()`` looks there
first, then in the checkout."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["xlmaudit", "xlmaudit.*"]), "xlmaudit._probes"],
    package_dir={"xlmaudit._probes": "probes"},
)
