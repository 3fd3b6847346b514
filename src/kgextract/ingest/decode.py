"""Bytes to text: BOM-aware decoding, binary detection, newline normalisation.

>>> decode_bytes("Café\\r\\nOK".encode("cp1252"), "x.txt")
Decoded(text='Café\\nOK', encoding='cp1252')
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

from kgextract.errors import DocumentFailed, Errors

__all__ = ["Decoded", "decode_bytes", "normalise_newlines", "valid_unicode", "looks_binary"]

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that plain text does not contain (tab, LF, VT, FF, CR and ESC
# are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
_MAX_CONTROL_SHARE = 0.05
_MAX_HIGH_SHARE = 0.3  # share of bytes >= 0x80 a legacy-encoded text may hold


class Decoded(NamedTuple):
    """Decoded text, and the legacy encoding used when it was not Unicode."""

    text: str
    encoding: str | None = None


def normalise_newlines(text: str) -> str:
    r"""Turn ``\r\n`` and lone ``\r`` into ``\n``.

    >>> normalise_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    r"""Replace lone surrogates (from JSON ``\ud800`` escapes, PDF text layers or
    undecodable file names) with U+FFFD: no tokenizer, JSON writer or UTF-8 file
    can take them. Offsets do not move (one code point for one).

    >>> valid_unicode("Ann\ud800 Lee")
    'Ann\ufffd Lee'
    """
    return _SURROGATE.sub("\ufffd", text)


def looks_binary(data: bytes) -> bool:
    """True for bytes holding NUL or many control bytes (no BOM checked here).

    >>> looks_binary(b"plain text"), looks_binary(b"\\x00\\x01ab")
    (False, True)
    """
    if not data:
        return False
    if b"\x00" in data:
        return True
    sample = data[:65536]
    control = sum(1 for byte in sample if byte in _CONTROL)
    return control / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode a document's bytes; raise ``DocumentFailed`` (E011/E012) if it is not text.

    Order: byte-order mark; the ``declared`` charset (e.g. from an HTML meta
    tag); UTF-8; then cp1252 or latin-1 when the result is plausible text,
    which the caller reports with W001 (``encoding`` is set).

    >>> decode_bytes(b"\\xef\\xbb\\xbfhi", "x.txt").text
    'hi'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data.decode(codec)))
            except UnicodeDecodeError as err:
                raise DocumentFailed(
                    "E012", Errors.E012.format(source=source, err=err)
                ) from err
    if looks_binary(data):
        raise DocumentFailed("E011", Errors.E011.format(source=source))
    if declared:
        try:
            return Decoded(normalise_newlines(data.decode(declared)))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall through to detection
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")))
    except UnicodeDecodeError as err:
        utf8_error = err
    high = sum(1 for byte in data if byte >= 0x80)
    if high / len(data) <= _MAX_HIGH_SHARE:
        for codec in ("cp1252", "latin-1"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return Decoded(normalise_newlines(text), codec)
    raise DocumentFailed(
        "E012", Errors.E012.format(source=source, err=utf8_error)
    ) from utf8_error


def _plausible(text: str) -> bool:
    odd = sum(
        1 for ch in text
        if ch not in "\t\n\r\f\v\x1b" and unicodedata.category(ch) in ("Cc", "Co", "Cn")
    )
    return odd <= 0.01 * len(text)
