"""Character tables shared by every layer: one place for the dashes.

Press releases spell one hyphen in many code points (typed, pasted from a word
processor, converted from PDF). Each stage that compares text maps them to one
form through the tables here, so a new dash is added once.

>>> "Secretary\u2011General".translate(dash_table("-"))
'Secretary-General'
>>> "\u2013" in DASHES and "-" not in DASHES
True
>>> all(c in DASHES for c in JOINING_DASHES[1:])
True
"""

from __future__ import annotations

__all__ = ["DASHES", "JOINING_DASHES", "dash_table"]

#: Every dash other than the ASCII hyphen-minus: hyphen, non-breaking hyphen, figure dash, en
#: dash, em dash, horizontal bar, minus sign, small em dash, small and full-width hyphen-minus
#: (NFKC maps the last three to the others already; text that skips NFKC still meets them).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

#: The dashes that join the parts of one name ("Won-soo", "Baden\u2013Baden") when typed without
#: spaces: the hyphen-minus and the short dashes up to the en dash, not the long ones that
#: set a clause apart.
JOINING_DASHES = "-\u2010\u2011\u2012\u2013"


def dash_table(to: str, *, ascii_hyphen: bool = False) -> dict[int, str]:
    """A ``str.translate`` table mapping every dash in ``DASHES`` to ``to`` (one character,
    so offsets survive); with ``ascii_hyphen`` the hyphen-minus too.

    >>> "Baden-Baden\u2014Oos".translate(dash_table(" ", ascii_hyphen=True))
    'Baden Baden Oos'
    """
    return str.maketrans({c: to for c in DASHES + ("-" if ascii_hyphen else "")})
