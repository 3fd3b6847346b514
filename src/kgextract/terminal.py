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

import logging

__all__ = ["printable", "PrintableFormatter", "setup_logging"]


def printable(text: str) -> str:
    """``text`` with every non-printable character (controls, bidi overrides) as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class PrintableFormatter(logging.Formatter):
    """A log formatter whose lines are :func:`printable` (a library's warning may quote input).

    >>> record = logging.LogRecord("x", logging.WARNING, "f", 1, "bad \x1b[31m byte", None, None)
    >>> PrintableFormatter("%(message)s").format(record)
    'bad \\\\x1b[31m byte'
    """

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def setup_logging(level: int = logging.WARNING) -> None:
    """Log warnings to stderr, one printable line each (the CLI's logging)."""
    logging.basicConfig(level=level, format="%(message)s")
    for handler in logging.getLogger().handlers:
        handler.setFormatter(PrintableFormatter("%(message)s"))
