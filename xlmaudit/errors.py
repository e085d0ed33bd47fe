"""Errors shown to users as one clear line (the CLI prints them without a traceback)."""


class XlmauditError(Exception):
    """Base class: a user-facing error whose message names the file, line, item or token."""


class InputError(XlmauditError, ValueError):
    """Bad user input: text, suite file, data file, option."""


class ModelLoadError(XlmauditError):
    """A model could not be found or loaded."""
