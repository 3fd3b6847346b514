"""Release-specific cleanup of a page's extracted text: the furniture article extractors leave.

Article extractors keep what looks like prose; a web page around a release
still brings cross-links ("Related: ..." and the headlines listed under it),
calls to subscribe, share or follow, and paragraphs that are only links. Each
such word can become a spurious entity, so they go. The word lists are data
(``base/data/furniture_headings.v1.txt``, ``furniture_leads.v1.txt``).

>>> text = ("Acme named Ann Lee chief executive.\\n\\nRelated stories\\n\\n"
...         "Acme opens Berlin plant\\n\\nBeta buys Gamma\\n\\nLee starts in April.")
>>> clean_release(text)
'Acme named Ann Lee chief executive.\\n\\nLee starts in April.'
"""

from __future__ import annotations

import re

from kgextract.base.gazetteers import load_list

__all__ = ["HEADINGS", "LEADS", "clean_release"]

HEADINGS = "furniture_headings.v1"
LEADS = "furniture_leads.v1"

# A furniture paragraph longer than this many words is kept: it is more likely
# prose that happens to begin alike ("Click here" inside a real paragraph is rare,
# a long paragraph dropped by mistake costs facts).
_MAX_LEAD_WORDS = 40
# Headline-like lines after a cross-link heading: short and without closing punctuation.
_MAX_HEADLINE_WORDS = 20
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def clean_release(text: str) -> str:
    """``text`` (paragraphs separated by blank lines) without its page furniture."""
    headings, leads = load_list(HEADINGS), load_list(LEADS)
    kept: list[str] = []
    in_links = False  # inside the headline list under a cross-link heading
    for para in text.split("\n\n"):
        lowered = " ".join(para.lower().split())
        if lowered.rstrip(":").strip() in headings:
            in_links = True
            continue
        if in_links and _headline_like(para):
            continue
        in_links = False
        words = len(_WORD.findall(para))
        lead = next((item for item in leads if lowered.startswith(item)), None)
        if lead is not None and words <= _MAX_LEAD_WORDS:
            in_links = lead.endswith(":")  # "Related: X" may head further headlines
            continue
        if _only_links(para):
            continue
        kept.append(para)
    return "\n\n".join(kept)


def _headline_like(para: str) -> bool:
    return all(
        len(_WORD.findall(line)) <= _MAX_HEADLINE_WORDS and not _SENTENCE_END.search(line.strip())
        for line in para.split("\n")
    )


def _only_links(para: str) -> bool:
    """A paragraph whose every line is a URL, or a label and a URL ("Listen: https://...")."""
    lines = [line for line in para.split("\n") if line.strip()]
    return bool(lines) and all(
        _URL.search(line) and len(_WORD.findall(_URL.sub("", line))) <= 3 for line in lines
    )
