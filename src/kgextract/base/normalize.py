"""Name normalisation and the relaxed name test of the annotation guide.

Names are compared after: Unicode NFKC, lower case, dashes unified, white
space collapsed, honorifics and a leading "the" dropped, punctuation at the
ends dropped. The relaxed variant also lets two names match when the tokens
of one contain all tokens of the other and the shorter has at least two.

>>> normalize_name("  H.E. Ms.  Izumi   Nakamitsu, ")
'izumi nakamitsu'
>>> names_match("Ms. Nakamitsu", "nakamitsu")
True
>>> names_match("Nakamitsu", "Izumi Nakamitsu", relaxed=True)  # one token is too few
False
"""

from __future__ import annotations

import re
import unicodedata

from kgextract.base.chars import dash_table

__all__ = ["GUIDE_HONORIFICS", "normalize_name", "name_tokens", "token_contains", "names_match"]

#: The honorifics the annotation guide drops before scoring (its list, not the extractor's
#: ``honorifics.v1``: the scorer follows the guide, so gold and predictions meet on the same form).
GUIDE_HONORIFICS = (
    "his excellency", "her excellency", "their excellencies", "h.e.", "h. e.",
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "mx.", "mx", "miss",
    "dr.", "dr", "prof.", "prof",
)

_DASHES = dash_table("-")
_LEADING = re.compile(
    r"^(?:the|" + "|".join(re.escape(h.rstrip(".")) + (r"\." if h.endswith(".") else "")
                          for h in GUIDE_HONORIFICS) + r")(?:\s+|$)"
)


def _strip_punct(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(text[end - 1]).startswith("P"):
        end -= 1
    return text[start:end].strip()


def normalize_name(name: str) -> str:
    """Return the guide's normal form of a name (empty for an empty name).

    >>> normalize_name("The Secretary\u2011General")
    'secretary-general'
    >>> normalize_name("Dr. Kim Won–soo")
    'kim won-soo'
    """
    text = unicodedata.normalize("NFKC", name).lower()
    text = " ".join(text.translate(_DASHES).split())
    previous = None
    while text != previous:
        previous = text
        text = _strip_punct(_LEADING.sub("", text, count=1))
    return text


def name_tokens(name: str) -> frozenset[str]:
    """The white-space tokens of the normalised name, end punctuation dropped.

    >>> sorted(name_tokens("Regional Centre, Asia"))
    ['asia', 'centre', 'regional']
    """
    tokens = (_strip_punct(tok) for tok in normalize_name(name).split())
    return frozenset(tok for tok in tokens if tok)


def token_contains(a: str, b: str) -> bool:
    """True when the tokens of one name contain all tokens of the other and the
    shorter name has at least two tokens (the guide's relaxed test).

    >>> token_contains("Izumi Nakamitsu", "Ms. Izumi Nakamitsu Tanaka")
    True
    >>> token_contains("Nakamitsu", "Izumi Nakamitsu")
    False
    """
    ta, tb = name_tokens(a), name_tokens(b)
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(shorter) >= 2 and shorter <= longer


def names_match(a: str, b: str, relaxed: bool = False) -> bool:
    """True when two names are equal after normalisation (or, with ``relaxed``,
    when one contains the other's tokens). Empty names never match.

    >>> names_match("the United Nations", "United Nations.")
    True
    >>> names_match("UN Office at Geneva", "Office at Geneva", relaxed=True)
    True
    """
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return False
    return na == nb or (relaxed and token_contains(a, b))
