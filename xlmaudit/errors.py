"""Errors shown to users as one clear line (the CLI prints them without a traceback), and the
UTF-8 reading of every text input file (suite, lexicon, benchmark data) that names a file in
another encoding in one line."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class XlmauditError(Exception):
    """Base class: a user-facing error whose message names the file, line, item or token."""


class InputError(XlmauditError, ValueError):
    """Bad user input: text, suite file, data file, option."""


class ModelLoadError(XlmauditError):
    """A model could not be found or loaded."""


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def encoding_guess(head: bytes) -> str | None:
    """The encoding that ``head`` (a file's first bytes) shows: a byte-order mark, or UTF-16
    without one (a NUL in every other byte); None when it shows neither."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return f"{name}, byte-order mark {bom.hex(' ').upper()}"
    pairs = len(head) // 2
    nuls = sorted((head[0::2].count(0), head[1::2].count(0)))
    if pairs >= 4 and nuls[0] == 0 and nuls[1] >= pairs // 2:  # NUL in every other byte
        return "UTF-16 without a byte-order mark"
    return None


def not_utf8(path: str | Path, exc: UnicodeDecodeError, what: str = "") -> InputError:
    """The one-line error for a file that is not UTF-8: file, the encoding it looks like, the
    first bad byte."""
    try:
        with Path(path).open("rb") as f:
            guess = encoding_guess(f.read(64))
    except OSError:
        guess = None
    found = f"it looks like {guess}" if guess else f"byte {exc.start}: {exc.reason}"
    tail = f"; {what}" if what else ""
    return InputError(f"{path}: not a UTF-8 text file ({found}){tail}; re-save it as UTF-8")


def read_utf8(path: str | Path, what: str = "") -> str:
    """The text of ``path`` decoded as UTF-8; one-line :class:`InputError` when it cannot be
    read or is in another encoding (``what``: a hint added to the message)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise not_utf8(path, exc, what) from exc
    if "\x00" in text[:64] and encoding_guess(text[:64].encode("utf-8")):  # UTF-16 without BOM
        raise not_utf8(path, UnicodeDecodeError("utf-8", b"", 0, 1, "NUL bytes"), what)
    return text


@contextmanager
def utf8_errors(path: str | Path, what: str = "") -> Iterator[None]:
    """Turn a :class:`UnicodeDecodeError` raised while reading ``path`` (a streamed reader: csv,
    pandas) into the one-line :func:`not_utf8` error."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise not_utf8(path, exc, what) from exc
