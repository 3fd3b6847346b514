"""Bytes to text: BOM-aware decoding, charset detection (charset-normalizer), binary detection, newlines.

>>> decode_bytes("Café\\r\\nOK".encode("cp1252"), "x.txt")
Decoded(text='Café\\nOK', encoding='cp1252')
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

from kgextract.errors import DocumentFailed, Errors

__all__ = ["Decoded", "decode_bytes", "detect_legacy", "normalise_newlines", "valid_unicode", "looks_binary"]

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
    tag); UTF-8; then the legacy encoding charset-normalizer finds most
    plausible, which the caller reports with W001 (``encoding`` is set).

    >>> decode_bytes(b"\\xef\\xbb\\xbfhi", "x.txt").text
    'hi'
    >>> decode_bytes("Компания назначила директора.".encode("cp1251"), "x.txt").encoding
    'cp1251'
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
    found = detect_legacy(data)
    if found is not None and _plausible(found.text):
        return Decoded(normalise_newlines(found.text), found.encoding)
    raise DocumentFailed(
        "E012", Errors.E012.format(source=source, err=utf8_error)
    ) from utf8_error


#: Preferred among encodings charset-normalizer finds equally plausible: the most
#: common legacy encodings of Western text (WHATWG decodes "latin-1" labels as cp1252).
_PREFERRED = ("cp1252", "latin_1")
# Without a byte-order mark, UTF-16/32 text holds NUL bytes (refused as binary above):
# a detector's "UTF-16" guess for NUL-free bytes is a misreading.
_EXCLUDED = ("utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7")
_TIE = 0.01
# The most "mess" (charset-normalizer's chaos: odd symbols, mixed scripts, controls) a
# reading may have. Real legacy text reads with next to none; bytes that fit no encoding
# (a UTF-8 file broken in transit, binary junk) read as a few odd letters of some code
# page, which is worse than the numbered error that asks for UTF-8.
_MAX_MESS = 0.02


def detect_legacy(data: bytes) -> Decoded | None:
    """The most plausible non-UTF-8 reading of ``data`` by charset-normalizer, or ``None``.

    Among readings equally free of mess and equally coherent, cp1252 wins, then
    latin-1; a reading that several encodings give is named by the preferred one.

    >>> detect_legacy("Café “Zürich” – naïve".encode("cp1252"))
    Decoded(text='Café “Zürich” – naïve', encoding='cp1252')
    """
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data, cp_exclusion=list(_EXCLUDED), threshold=_MAX_MESS)
               if m.encoding not in _EXCLUDED]
    if not matches:
        return None
    best = matches[0]
    ties = [m for m in matches
            if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE]
    for preferred in _PREFERRED:
        for match in ties:
            if preferred in match.could_be_from_charset:
                return Decoded(data.decode(_codec_name(preferred)), _codec_name(preferred))
    return Decoded(str(best), _codec_name(best.encoding))


def _codec_name(name: str) -> str:
    """The usual spelling of a codec name ("latin_1" -> "latin-1", "cp1252" stays)."""
    return {"latin_1": "latin-1"}.get(name, name)


def _plausible(text: str) -> bool:
    odd = sum(
        1 for ch in text
        if ch not in "\t\n\r\f\v\x1b" and unicodedata.category(ch) in ("Cc", "Co", "Cn")
    )
    return odd <= 0.01 * len(text)
