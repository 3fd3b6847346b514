"""Which declared character encodings a document may name: text encodings only.

An HTML page says which encoding it uses (``<meta charset=...>``) and that
name went straight to ``bytes.decode``. Python's codec registry also holds
codecs that are not text encodings at all (``unicode_escape`` turns
``\\x1b`` written in the page into a real escape character, ``rot13``,
``punycode``, ``raw_unicode_escape``, ``idna``...). A declared name is
therefore honoured only when it is one of the text encodings below
(WHATWG's list, as Python names them); otherwise it is ignored and the
usual detection runs.

>>> text_encoding("UTF-8"), text_encoding("latin1"), text_encoding("windows-1252")
('utf-8', 'iso8859-1', 'cp1252')
>>> text_encoding("unicode_escape") is None, text_encoding("no-such-codec") is None
(True, True)
"""

from __future__ import annotations

import codecs

__all__ = ["TEXT_ENCODINGS", "text_encoding"]

#: Python's canonical names of the text encodings a document may declare.
TEXT_ENCODINGS = frozenset({
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii",
    *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
    *(f"cp{n}" for n in (437, 850, 852, 855, 857, 860, 861, 862, 863, 865, 866, 869, 874, 932, 949, 950)),
    *(f"cp{n}" for n in range(1250, 1259)),
    "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "mac-greek", "mac-latin2", "mac-turkish", "mac-iceland",
    "shift_jis", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "euc_kr",
    "tis-620",
})


def text_encoding(name: str | None) -> str | None:
    """The codec of ``name`` when it is a text encoding, else ``None`` (unknown or not text)."""
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip()).name
    except (LookupError, ValueError):
        return None
    return canonical if canonical in TEXT_ENCODINGS else None
