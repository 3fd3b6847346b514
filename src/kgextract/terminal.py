"""Text bound for a terminal: control characters shown escaped.

A file name, a document's text or a library's warning can hold escape
sequences that move the cursor, clear the screen or forge whole lines;
everything kgextract prints to a terminal goes through :func:`printable`
first (tab and newline too: one message stays one line).

>>> printable("evil\\x1b[2J\\nerror")
'evil\\\\x1b[2J\\\\nerror'
>>> printable("Zürich, 東京 and a space")
'Zürich, 東京 and a space'
"""

from __future__ import annotations

__all__ = ["printable"]


def printable(text: str) -> str:
    """``text`` with every non-printable character (controls, bidi overrides) as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
                   for c in text)
